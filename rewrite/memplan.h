/* rewrite/memplan.h - static memory planning: one arena for the
 * intermediate buffers of a program, offsets reused by liveness.
 *
 * Target- and dialect-independent: a plan is a list of buffers (size,
 * alignment) and either their live intervals (steps of a fixed execution
 * order, both ends inclusive) or the op DAG that produces and consumes
 * them, from which the intervals of an execution order follow. Solving
 * gives an offset per buffer and the arena peak (the largest offset +
 * size); with an op DAG it may also choose another topological order that
 * lowers the peak.
 *
 * Placement heuristics: greedy by size (decreasing; TFLite Micro's order),
 * by lifetime, by area, by breadth (the live bytes of the busiest step a
 * buffer spans) and by first use, each with first-fit (lowest aligned
 * offset free of every time-overlapping placed buffer) and best-fit
 * (smallest gap that fits), plus random perturbations of the size
 * order; the best plan is kept. Exact placement (a branch and bound over
 * "resting" offsets) is available for small plans. Order search:
 * memory-aware list scheduling (three priorities and randomized ones),
 * then hill climbing (adjacent swaps, ops moved as early or as late as
 * their dependences allow) and, for small DAGs, every topological
 * order.
 *
 * In op mode a buffer produced by no op is live from step 0 (an input)
 * and one consumed by no op dies at its producer's step. A buffer with an
 * in-place hint (eo_memplan_set_inplace) shares its offset with the hinted
 * buffer when that one has the same size and dies at the step that
 * produces it (an elementwise op writing over its dying operand).
 */
#ifndef EO_REWRITE_MEMPLAN_H
#define EO_REWRITE_MEMPLAN_H

#include "ir/ir.h"

#include <stddef.h>
#include <stdint.h>

typedef struct eo_memplan eo_memplan;

#define EO_MEMPLAN_NONE SIZE_MAX

typedef struct eo_memplan_options {
    bool search_order;          /* op mode: try other topological orders */
    size_t brute_force_limit;   /* ...every one when ops <= this (0: off;
                                   a budget of 2e6 search nodes) */
    size_t exact_limit;         /* exact placement when the in-place
                                   groups are <= this many (0: off; a
                                   budget of 1e6 search nodes each) */
    bool heuristics;            /* false: only greedy by size first-fit
                                   (TFLite Micro's planner, for baselines) */
} eo_memplan_options;

/* Defaults: keep the order, brute force up to 8 ops, exact placement up
 * to 10 groups, all heuristics. */
EO_API void eo_memplan_options_init(eo_memplan_options *o);

/* An empty plan (the caller owns it); NULL on allocation failure. */
EO_API eo_memplan *eo_memplan_create(void);
EO_API void eo_memplan_destroy(eo_memplan *p);

/* Adds a buffer of 'size' bytes aligned to 'align' (a power of two; 0
 * means 1); its number goes to *id. EO_ERROR for a bad alignment,
 * EO_NOMEM on allocation failure. */
EO_API EO_NODISCARD eo_status eo_memplan_add_buffer(eo_memplan *p,
                                                    uint64_t size,
                                                    uint64_t align,
                                                    size_t *id);
/* Interval mode (a plan without ops): buffer 'buf' is live from step
 * 'first' to step 'last' inclusive. EO_ERROR if first > last or 'buf' is
 * unknown. */
EO_API EO_NODISCARD eo_status eo_memplan_set_interval(eo_memplan *p,
                                                      size_t buf,
                                                      size_t first,
                                                      size_t last);
/* Hint: 'buf' may be written in place over buffer 'of'. EO_ERROR for an
 * unknown buffer or buf == of. */
EO_API EO_NODISCARD eo_status eo_memplan_set_inplace(eo_memplan *p,
                                                     size_t buf, size_t of);
/* Adds an op reading buffers 'consumes' and writing 'produces' (arrays
 * copied; duplicates in 'consumes' count once); its number goes to *id
 * (may be NULL). Ops are numbered in the order added, which is the order
 * "keep" uses. EO_ERROR for an unknown buffer, a buffer produced twice or
 * both read and written by one op. */
EO_API EO_NODISCARD eo_status eo_memplan_add_op(eo_memplan *p,
                                                size_t num_consumes,
                                                const size_t *consumes,
                                                size_t num_produces,
                                                const size_t *produces,
                                                size_t *id);
/* Op 'after' must run after op 'before' (besides the buffer edges). */
EO_API EO_NODISCARD eo_status eo_memplan_add_dep(eo_memplan *p,
                                                 size_t before,
                                                 size_t after);

/* Solves the plan ('o' NULL: defaults). EO_ERROR if the op DAG has a
 * cycle, the kept order is not topological, or a buffer has no interval
 * in interval mode; EO_NOMEM on allocation failure. */
EO_API EO_NODISCARD eo_status eo_memplan_solve(eo_memplan *p,
                                               const eo_memplan_options *o);

/* Results of the last successful solve. */
EO_API uint64_t eo_memplan_peak(const eo_memplan *p);
/* The largest live bytes of one step (a lower bound of the peak for the
 * chosen order). */
EO_API uint64_t eo_memplan_lower_bound(const eo_memplan *p);
/* Sum of all buffer sizes (the arena without reuse). */
EO_API uint64_t eo_memplan_naive(const eo_memplan *p);
EO_API size_t eo_memplan_num_buffers(const eo_memplan *p);
EO_API size_t eo_memplan_num_ops(const eo_memplan *p);
EO_API uint64_t eo_memplan_offset(const eo_memplan *p, size_t buf);
/* Size in bytes of 'buf' (0 if unknown). */
EO_API uint64_t eo_memplan_buffer_size(const eo_memplan *p, size_t buf);
/* The live interval of 'buf' in the chosen order. */
EO_API void eo_memplan_interval(const eo_memplan *p, size_t buf,
                                size_t *first, size_t *last);
/* The op run at 'step' in the chosen order. */
EO_API size_t eo_memplan_order(const eo_memplan *p, size_t step);

/* Checks 'offsets' (one per buffer) against the intervals of the last
 * solve: each aligned, within 'peak', and no two buffers live at a common
 * step overlapping in memory unless one is in place of the other (same
 * offset, the hinted one dying where the other is born). True if valid;
 * otherwise *bad_a and *bad_b (may be NULL) name an offending pair (both
 * the same buffer for a misaligned or out-of-arena one). */
EO_API bool eo_memplan_check(const eo_memplan *p, const uint64_t *offsets,
                             uint64_t peak, size_t *bad_a, size_t *bad_b);

/* The unsolved plan of function 'func' (any op whose first region's
 * single block is the body), as the plan-memory pass builds it (see
 * rewrite/pass_plan_memory.c): one op per op of the body in order (the
 * terminator excepted), one buffer per tensor intermediate aligned to
 * 'alignment', in-place hints for elementwise ops if 'inplace'. *weights
 * and *io (may be NULL) get the bytes of constants and of arguments and
 * results. The caller owns *out (an empty plan for a body-less op).
 * EO_ERROR after a diagnostic on the same unsupported inputs as the pass;
 * EO_NOMEM on allocation failure. (rewrite/pass_plan_memory.c) */
EO_API EO_NODISCARD eo_status eo_memplan_build_ir(eo_op *func,
                                                  uint64_t alignment,
                                                  bool inplace,
                                                  eo_memplan **out,
                                                  uint64_t *weights,
                                                  uint64_t *io);

#endif /* EO_REWRITE_MEMPLAN_H */

/* explorer/explorer.h - the explorer's core: the search space built from
 * a knob-space JSON (edge-opt --list-knobs), the SQLite results database,
 * Pareto utilities and the search algorithms (exhaustive, random,
 * NSGA-II, simulated annealing). See docs/explorer.md.
 *
 * Errors are reported through the eo_ctx given to each entry point.
 */
#ifndef EO_EXPLORER_EXPLORER_H
#define EO_EXPLORER_EXPLORER_H

#include "ir/ir.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ */
/* Search space                                                        */
/* ------------------------------------------------------------------ */

/* A search space: dimensions (knobs and target variant axes) sorted by
 * name. A candidate is one value index per dimension (uint32_t[ndims]). */
typedef struct eo_space eo_space;

/* An empty space; NULL on allocation failure. Free with eo_space_destroy. */
EO_API eo_space *eo_space_create(eo_ctx *ctx);
/* Frees 's' (NULL is fine). */
EO_API void eo_space_destroy(eo_space *s);
/* Adds every knob of a knob-space JSON (eo_knob_store_space_json's
 * format); EO_ERROR with a diagnostic on malformed input or a name that
 * is already a dimension. */
EO_API EO_NODISCARD eo_status eo_space_load_json(eo_space *s,
                                                 const char *json, size_t n);
/* Adds the knobs of knob-space JSON 'json' that are not dimensions yet
 * as conditional dimensions (knobs a candidate asked that the default
 * assignment did not), counting them in *added (may be NULL); their
 * "depends_on" is kept. EO_ERROR with a diagnostic on malformed input. */
EO_API EO_NODISCARD eo_status eo_space_grow_json(eo_space *s,
                                                 const char *json, size_t n,
                                                 size_t *added);
/* Decides whether eo_space_grow_json adds knob 'name'. */
typedef bool (*eo_space_keep_fn)(void *ud, const char *name);
/* Makes eo_space_grow_json leave out the knobs 'keep' refuses (NULL:
 * none refused); e.g. knobs pinned by name patterns. */
EO_API void eo_space_set_grow_filter(eo_space *s, eo_space_keep_fn keep,
                                     void *ud);
/* Whether eo_space_grow_json would add a knob of 'json' (false for
 * malformed input). */
EO_API bool eo_space_would_grow(const eo_space *s, const char *json,
                                size_t n);
/* Whether dimension i was added by eo_space_grow_json. */
EO_API bool eo_space_dim_is_conditional(const eo_space *s, size_t i);
/* The "depends_on" array of knob dimension i as JSON text, NULL when it
 * has none (borrowed). */
EO_API const char *eo_space_dim_depends(const eo_space *s, size_t i);
/* Adds a target variant axis 'name' with values[0..n) (copied; n >= 1);
 * its default is values[0]. EO_ERROR on a duplicate or invalid name. */
EO_API EO_NODISCARD eo_status eo_space_add_axis(eo_space *s, const char *name,
                                                const double *values,
                                                size_t n);
/* Number of dimensions. */
EO_API size_t eo_space_num_dims(const eo_space *s);
/* Name of dimension i (borrowed). */
EO_API const char *eo_space_dim_name(const eo_space *s, size_t i);
/* Number of values of dimension i. */
EO_API uint32_t eo_space_dim_size(const eo_space *s, size_t i);
/* Index of dimension i's default value. */
EO_API uint32_t eo_space_dim_default(const eo_space *s, size_t i);
/* The site of dimension i (the knob record's "site", e.g. the ONNX node
 * name), "" for axes and knobs without one (borrowed). Layer-wise search
 * groups dimensions by site. */
EO_API const char *eo_space_dim_site(const eo_space *s, size_t i);
/* Whether dimension i is a target variant axis (not a knob). */
EO_API bool eo_space_dim_is_axis(const eo_space *s, size_t i);
/* Index of the dimension called 'name', or -1. */
EO_API long eo_space_find(const eo_space *s, const char *name);
/* Number of candidates, saturating at UINT64_MAX (1 for no dimension). */
EO_API uint64_t eo_space_size(const eo_space *s);
/* Writes the default candidate to cand[0..ndims). */
EO_API void eo_space_default(const eo_space *s, uint32_t *cand);
/* Appends value index 'v' of dimension i as text (true/false, integer,
 * enum name, axis number %.17g) to 'out'. */
EO_API void eo_space_value_text(const eo_space *s, size_t i, uint32_t v,
                                eo_strbuf *out);
/* Appends the canonical form "name=value,name=value" (by name) of
 * 'cand' to 'out': a DB key. Conditional dimensions at their default are
 * left out (the key of a candidate stays the same when the space grows).
 * EO_ERROR if an index is out of range. */
EO_API EO_NODISCARD eo_status eo_space_format(const eo_space *s,
                                              const uint32_t *cand,
                                              eo_strbuf *out);
/* Appends one "name=value" line per knob (axes and conditional knobs at
 * their default left out) of 'cand' to 'out': a file for edge-opt
 * --knobs, or --knob arguments. */
EO_API EO_NODISCARD eo_status eo_space_knob_lines(const eo_space *s,
                                                  const uint32_t *cand,
                                                  eo_strbuf *out);
/* Parses a canonical form back into cand[0..ndims) (a missing
 * conditional dimension takes its default); EO_ERROR with a diagnostic on
 * an unknown name, a bad value or a missing dimension. */
EO_API EO_NODISCARD eo_status eo_space_parse(const eo_space *s,
                                             const char *text,
                                             uint32_t *cand);

/* ------------------------------------------------------------------ */
/* Results database                                                    */
/* ------------------------------------------------------------------ */

/* The objectives the database stores, in this order (minimized). */
typedef enum eo_objective {
    EO_OBJ_LATENCY,
    EO_OBJ_ENERGY,
    EO_OBJ_MEMORY,
    EO_NUM_OBJECTIVES
} eo_objective;

/* How one evaluation ended. */
typedef enum eo_eval_status {
    EO_EVAL_OK,
    EO_EVAL_FAILED,
    EO_EVAL_TIMEOUT
} eo_eval_status;

/* What an evaluation is keyed by, besides the assignment. */
typedef struct eo_eval_key {
    const char *model_hash;
    const char *target_hash;
    const char *pipeline;
    const char *evaluator;      /* evaluator version */
} eo_eval_key;

/* One evaluation's outcome. obj[i] is NAN when absent (NULL in the DB). */
typedef struct eo_eval_outcome {
    eo_eval_status status;
    char message[256];          /* why it failed; "" when ok */
    double obj[EO_NUM_OBJECTIVES];
    double wall_s;              /* evaluation wall time, seconds */
    int64_t timestamp;          /* seconds since the epoch */
    /* Knobs the evaluation asked that are not dimensions of the space it
     * was evaluated in, as knob-space JSON (malloc'd; NULL: none). Only
     * an evaluator created with 'discover' fills it; eo_search_run takes
     * and frees it; the results database stores it with the record. */
    char *discovered;
} eo_eval_outcome;

/* An open results database. */
typedef struct eo_resdb eo_resdb;

/* Called by eo_resdb_foreach for each record, oldest first; return false
 * to stop. */
typedef bool (*eo_resdb_visit_fn)(const char *assignment,
                                  const eo_eval_outcome *o, void *ud);

/* Opens (creating if missing) the database at 'path' in WAL mode and
 * checks its schema version; EO_ERROR with a diagnostic when the file is
 * not a results database, is locked or has another schema version. */
EO_API EO_NODISCARD eo_status eo_resdb_open(eo_ctx *ctx, const char *path,
                                            eo_resdb **out);
/* Closes 'db' (NULL is fine). */
EO_API void eo_resdb_close(eo_resdb *db);
/* The journal mode in use ("wal"), borrowed. */
EO_API const char *eo_resdb_journal_mode(const eo_resdb *db);
/* Appends one evaluation in its own transaction; EO_ERROR (diagnostic)
 * if (key, assignment) is already recorded or on a database error. */
EO_API EO_NODISCARD eo_status eo_resdb_put(eo_resdb *db,
                                           const eo_eval_key *key,
                                           const char *assignment,
                                           const eo_eval_outcome *o);
/* Looks (key, assignment) up: *found says whether it was evaluated, and
 * *o (may be NULL) receives the record (its 'discovered' malloc'd, the
 * caller frees it). */
EO_API EO_NODISCARD eo_status eo_resdb_get(eo_resdb *db,
                                           const eo_eval_key *key,
                                           const char *assignment,
                                           bool *found, eo_eval_outcome *o);
/* Visits every record of 'key' in insertion order ('discovered' of the
 * outcome borrowed for the visit). */
EO_API EO_NODISCARD eo_status eo_resdb_foreach(eo_resdb *db,
                                               const eo_eval_key *key,
                                               eo_resdb_visit_fn fn,
                                               void *ud);
/* Number of records of 'key' (all records when key is NULL). */
EO_API EO_NODISCARD eo_status eo_resdb_count(eo_resdb *db,
                                             const eo_eval_key *key,
                                             int64_t *n);

/* ------------------------------------------------------------------ */
/* Pareto utilities (minimization)                                     */
/* ------------------------------------------------------------------ */

/* Constraint domination over k objectives: a feasible point (violation
 * 0) dominates an infeasible one; two infeasible points compare by
 * violation; two feasible ones by Pareto dominance. */
EO_API bool eo_pareto_dominates(const double *a, double viol_a,
                                const double *b, double viol_b, size_t k);
/* Non-dominated sort of n points (obj[i*k..], viol may be NULL = all
 * feasible): rank[i] = front number (0 = non-dominated). EO_NOMEM. */
EO_API EO_NODISCARD eo_status eo_pareto_sort(const double *obj,
                                             const double *viol, size_t n,
                                             size_t k, size_t *rank);
/* Crowding distance of the m points members[] (indices into obj, one
 * front): dist[j] for members[j]; boundary points get INFINITY. */
EO_API EO_NODISCARD eo_status eo_pareto_crowding(const double *obj, size_t k,
                                                 const size_t *members,
                                                 size_t m, double *dist);
/* Exact hypervolume dominated by n points w.r.t. reference point 'ref'
 * for k = 2 or 3 (points not strictly better than ref in every
 * objective add nothing); EO_ERROR (diagnostic) for other k. */
EO_API EO_NODISCARD eo_status eo_pareto_hypervolume(eo_ctx *ctx,
                                                    const double *obj,
                                                    size_t n, size_t k,
                                                    const double *ref,
                                                    double *hv);

/* ------------------------------------------------------------------ */
/* Search                                                              */
/* ------------------------------------------------------------------ */

/* A small deterministic PRNG (xoshiro256** seeded by splitmix64). */
typedef struct eo_rng {
    uint64_t s[4];
} eo_rng;

/* Seeds 'r' from 'seed'. */
EO_API void eo_rng_seed(eo_rng *r, uint64_t seed);
/* Next 64 random bits. */
EO_API uint64_t eo_rng_next(eo_rng *r);
/* Uniform integer in [0, n) (n > 0), without modulo bias. */
EO_API uint64_t eo_rng_below(eo_rng *r, uint64_t n);
/* Uniform double in [0, 1). */
EO_API double eo_rng_unit(eo_rng *r);

typedef enum eo_search_algo {
    EO_SEARCH_EXHAUSTIVE,
    EO_SEARCH_RANDOM,
    EO_SEARCH_NSGA2,
    EO_SEARCH_ANNEAL,
    /* Layer by layer (sites in order of first appearance in the space):
     * keeps a bounded set of partial solutions, extends each with the
     * next layer's choices (the other layers at their defaults), keeps
     * the non-dominated ones (crowding-thinned to 'population'). */
    EO_SEARCH_LAYERWISE,
    /* Model-guided: a k-nearest-neighbour surrogate trained on what was
     * evaluated so far picks, among random and mutated proposals, the
     * ones with the largest predicted hypervolume improvement. */
    EO_SEARCH_MODEL
} eo_search_algo;

/* "exhaustive", "random", "nsga2", "anneal", "layerwise", "model". */
EO_API const char *eo_search_algo_name(eo_search_algo a);
/* The algorithm called 'name'; -1 if none. */
EO_API int eo_search_algo_from_name(const char *name);

/* Evaluates one candidate ('assignment' is its canonical form) into *out
 * (status, message, objectives; NAN = absent). Returning an error stops
 * the search (as an interruption would); the candidate is not recorded. */
typedef eo_status (*eo_evaluate_fn)(void *ud, const uint32_t *cand,
                                    const char *assignment,
                                    eo_eval_outcome *out);

/* Evaluates n candidates (cands: n * ndims, assignments[i] the canonical
 * form of candidate i) into outs[0..n), in parallel where it can; outs
 * come prefilled (status OK, message "", objectives NAN). The order of
 * outs is that of cands whatever the order of completion, so results do
 * not depend on the number of workers. An error stops the search; none
 * of the batch is recorded. */
typedef eo_status (*eo_evaluate_batch_fn)(void *ud, size_t n,
                                          const uint32_t *cands,
                                          const char *const *assignments,
                                          eo_eval_outcome *outs);

struct eo_search_result;
/* Called once per candidate the search looked at (new or from the
 * database), in archive order: 'idx' indexes res's arrays; 'o' is the
 * outcome. Returning false interrupts the search (as an evaluator error
 * would, but eo_search_run then returns EO_OK with res->interrupted). */
typedef bool (*eo_search_progress_fn)(void *ud,
                                      const struct eo_search_result *res,
                                      size_t idx, const eo_eval_outcome *o);

typedef struct eo_search_opts {
    eo_search_algo algo;
    uint64_t seed;
    /* Distinct candidates the search may look at, whether evaluated now
     * or found in the database (a resumed run takes the same path). */
    uint64_t budget;
    /* The objectives searched, in order (1..3 of eo_objective). */
    eo_objective objectives[EO_NUM_OBJECTIVES];
    size_t num_objectives;
    /* Constraints: an evaluated objective above limit[o] is infeasible
     * (violation: the sum of relative excesses). INFINITY or 0 = none. */
    double limit[EO_NUM_OBJECTIVES];
    /* NSGA-II: population (0 = 20, rounded up to even), crossover
     * probability (0 = 0.9), per-dimension mutation probability (0 =
     * 1/ndims). */
    size_t population;
    double crossover;
    double mutation;
    /* Annealing: weights of the searched objectives (all 0 = 1 each),
     * start temperature (0 = 1, relative to the start's scalar value),
     * cooling factor per step (0 = 0.97). */
    double weights[EO_NUM_OBJECTIVES];
    double t0;
    double cooling;
    /* Optional results database and the key of this run's records. */
    eo_resdb *db;
    const eo_eval_key *key;
    /* One of evaluate / evaluate_batch (batch wins when both are set);
     * ud is passed to both. The candidates a run looks at, and so its
     * result, do not depend on which one is used. */
    eo_evaluate_fn evaluate;
    eo_evaluate_batch_fn evaluate_batch;
    void *ud;
    /* Largest batch handed to evaluate_batch (0 = 64). Algorithms that
     * work in generations (NSGA-II, layer-wise, model) hand whole
     * generations in slices of this size; random and exhaustive hand
     * consecutive slices; annealing hands one candidate at a time. */
    size_t batch;
    /* Optional progress callback and its data. */
    eo_search_progress_fn progress;
    void *progress_ud;
    /* Model-guided search: neighbours (0 = 5), proposals scored per
     * pick (0 = 200), random candidates evaluated first (0 = max(10,
     * 2 * ndims)). */
    size_t knn;
    size_t proposals;
    size_t initial;
    /* Optional: the space passed to eo_search_run, to be grown. After a
     * request (a generation, a slice, a step) whose outcomes discovered
     * knobs (eo_eval_outcome.discovered), they are added to it and the
     * algorithm starts over on the grown space, the archive kept (its
     * candidates at the new knobs' defaults) and the budget going on. */
    eo_space *grow;
} eo_search_opts;

/* Everything a search looked at, in the order it did. */
typedef struct eo_search_result {
    bool interrupted;           /* the progress callback stopped it */
    size_t ndims, k;            /* dimensions, searched objectives */
    size_t count;               /* candidates looked at */
    uint32_t *cands;            /* count * ndims */
    double *obj;                /* count * k (INFINITY for failures) */
    double *viol;               /* count: 0 feasible, INFINITY failed */
    size_t *front;              /* indices of the final Pareto set */
    size_t front_size;
    uint64_t evaluated;         /* evaluate calls made by this run */
    uint64_t reused;            /* records taken from the database */
    size_t best;                /* annealing: best index (else front[0]) */
    size_t discovered;          /* dimensions added to opts->grow */
    size_t restarts;            /* times the space grew mid-search */
} eo_search_result;

/* Runs a search over 's' under 'opts'; fills *res (free it with
 * eo_search_result_free, also after an error: what was done stays).
 * EO_ERROR when the evaluator stops it or on a database error. */
EO_API EO_NODISCARD eo_status eo_search_run(eo_ctx *ctx, const eo_space *s,
                                            const eo_search_opts *opts,
                                            eo_search_result *res);
/* Frees the arrays of 'res' and zeroes it. */
EO_API void eo_search_result_free(eo_search_result *res);

/* ------------------------------------------------------------------ */
/* Evaluating candidates: model + pipeline + target                   */
/* ------------------------------------------------------------------ */

/* Measures compiled code on the host: JIT-compiles 'module' (already
 * lowered to loops), calls its entry function (the first public
 * func.func) with inputs filled deterministically, 'repeats' times after
 * one warm-up call, and writes the median wall time in seconds and the
 * size of the generated machine code in bytes (0 when unknown). EO_ERROR
 * with a diagnostic when it cannot compile or run. The code generator
 * provides one (eo_codegen_measure in codegen/codegen.h); tools pass it
 * in, so this library does not depend on LLVM. */
typedef eo_status (*eo_measure_fn)(eo_op *module, unsigned repeats,
                                   double *median_s, uint64_t *code_bytes);

/* The pipeline the explorer runs when none is given: graph rewrites,
 * lowering to tl, bufferization and loops (every knob of those passes is
 * in the space). Static string. */
EO_API const char *eo_evaluator_default_pipeline(void);

typedef struct eo_evaluator_opts {
    const char *model_path;     /* .onnx (imported) or .mlir (parsed) */
    const char *pipeline;       /* NULL: eo_evaluator_default_pipeline() */
    /* The device: a path to a description or a shipped name (host,
     * cortex-m55, ...; looked up in EO_TARGETS_DIR / the install dir). */
    const char *target;
    /* Host targets (kind cpu): measured when 'measure' is set (repeats
     * 0 = 5), else modelled like the others. */
    eo_measure_fn measure;
    unsigned repeats;
    /* Check every candidate's outputs against the graph interpreter on
     * one deterministic input (a mismatch fails the candidate). Needs a
     * measure function (the compiled code is what is checked). */
    bool verify;
    /* Turns the prefix cache off: every candidate then runs the whole
     * pipeline on a fresh copy of the model (the results are the same;
     * see docs/explorer.md, "Prefix cache"). */
    bool no_prefix_cache;
    /* Runs the IR verifier on every candidate's lowered module (by
     * default only the first candidate's, or all with 'verify'). */
    bool verify_ir;
    /* Fills eo_eval_outcome.discovered: the knobs a candidate asked
     * outside the space (conditional knobs; docs/explorer.md). */
    bool discover;
} eo_evaluator_opts;

typedef struct eo_evaluator eo_evaluator;

/* Loads the model (importing ONNX) and the target once; diagnostics and
 * NULL on any error (unreadable model, bad pipeline, unknown target). */
EO_API eo_evaluator *eo_evaluator_create(eo_ctx *ctx,
                                         const eo_evaluator_opts *o);
EO_API void eo_evaluator_destroy(eo_evaluator *ev);
/* Keys of the results database (borrowed, stable for 'ev'): hex content
 * hashes of the model file and the target description, the pipeline
 * text, and the evaluator version ("<kind>-<n>", e.g. "model-1",
 * "host-measured-1"; it changes whenever results would change). */
EO_API const eo_eval_key *eo_evaluator_key(const eo_evaluator *ev);
/* Runs the pipeline with every knob at its default and appends the
 * knob-space JSON it recorded (eo_knob_store_space_json's format). */
EO_API EO_NODISCARD eo_status eo_evaluator_discover(eo_evaluator *ev,
                                                    eo_strbuf *space_json);
/* Evaluates candidate 'cand' of space 's' in this process: knobs
 * assigned, target variant axes ("target.<path>") applied to a copy of
 * the target, pipeline run on a copy of the model, objectives measured
 * or modelled. A candidate the pipeline rejects or that fails to
 * compile, run or verify is an outcome with status EO_EVAL_FAILED and
 * the first diagnostic as message, not an error. When 'report' is not
 * NULL the per-layer breakdown is appended to it as JSON (cost report
 * format, docs/explorer.md). EO_ERROR only for internal failures. */
EO_API EO_NODISCARD eo_status eo_evaluator_run(eo_evaluator *ev,
                                               const eo_space *s,
                                               const uint32_t *cand,
                                               eo_eval_outcome *out,
                                               eo_strbuf *report);

/* Like eo_evaluator_run; when the candidate compiles, 'used' also gets
 * the knob assignment the pipeline actually used, as a JSON object
 * (eo_knob_store_assignment_json): every knob asked with its value,
 * inactive conditional knobs left out and values outside a domain that
 * changed replaced by the default used. This is what replays the
 * candidate exactly with edge-opt --knobs. */
EO_API EO_NODISCARD eo_status eo_evaluator_run_used(eo_evaluator *ev,
                                                    const eo_space *s,
                                                    const uint32_t *cand,
                                                    eo_eval_outcome *out,
                                                    eo_strbuf *report,
                                                    eo_strbuf *used);

/* Prefix cache counters: candidates that started from a cached module,
 * candidates that ran the whole pipeline, and pipeline stages skipped in
 * all (docs/explorer.md, "Prefix cache"). */
typedef struct eo_evaluator_stats {
    uint64_t hits, misses, stages_skipped;
} eo_evaluator_stats;
/* Copies the prefix cache counters of 'ev' (of this process: worker
 * processes keep their own) to *out. */
EO_API void eo_evaluator_get_stats(const eo_evaluator *ev,
                                   eo_evaluator_stats *out);

/* ------------------------------------------------------------------ */
/* Isolated worker processes                                           */
/* ------------------------------------------------------------------ */

typedef struct eo_workers eo_workers;

/* Starts 'n' (>= 1) worker processes forked from this one, each
 * evaluating candidates of 's' with 'ev' (both must outlive the pool). A
 * candidate whose worker crashes is recorded EO_EVAL_FAILED with the
 * signal in the message, one that runs past 'timeout_s' (0 = none)
 * EO_EVAL_TIMEOUT; the worker is replaced and the pool goes on. NULL
 * with a diagnostic when processes cannot be started. */
EO_API eo_workers *eo_workers_create(eo_ctx *ctx, eo_evaluator *ev,
                                     const eo_space *s, size_t n,
                                     double timeout_s);
/* Stops and reaps every worker (NULL is fine). */
EO_API void eo_workers_destroy(eo_workers *w);
/* An eo_evaluate_batch_fn: 'ud' is the eo_workers. */
EO_API EO_NODISCARD eo_status eo_workers_evaluate(
    void *ud, size_t n, const uint32_t *cands, const char *const *assignments,
    eo_eval_outcome *outs);

/* ------------------------------------------------------------------ */
/* Reports                                                             */
/* ------------------------------------------------------------------ */

/* What a report shows: the space, the search's archive and front, and
 * per front point (front order) its per-layer cost report JSON (may be
 * NULL entries). Objective names follow opts->objectives. */
typedef struct eo_report_info {
    const char *title;          /* e.g. "kws_dscnn_f32 on cortex-m55" */
    const char *model;          /* model path as given */
    const char *target;         /* target name */
    const char *algorithm;      /* eo_search_algo_name */
    uint64_t seed;
    const eo_space *space;
    const eo_search_opts *opts;
    const eo_search_result *res;
    const char *const *layers;  /* res->front_size entries, JSON or NULL */
} eo_report_info;

/* Name and unit of objective 'o' ("latency", "s"; "energy", "J";
 * "memory", "B"). */
EO_API const char *eo_objective_name(eo_objective o);
EO_API const char *eo_objective_unit(eo_objective o);
/* The objective called 'name'; -1 if none. */
EO_API int eo_objective_from_name(const char *name);

/* Writes an SVG plot of every evaluated point with the front highlighted
 * (2 objectives: one plot; 3: the three pairwise plots side by side) to
 * 'path'. EO_ERROR with a diagnostic if the file cannot be written. */
EO_API EO_NODISCARD eo_status eo_report_write_svg(eo_ctx *ctx,
                                                  const eo_report_info *ri,
                                                  const char *path);
/* Writes a self-contained HTML report (no external resources): the front
 * plot (one mark per evaluated point, the point's knobs on hover), the
 * Pareto table, the per-layer breakdown of each front point, and the
 * hypervolume-versus-evaluations convergence curve. */
EO_API EO_NODISCARD eo_status eo_report_write_html(eo_ctx *ctx,
                                                   const eo_report_info *ri,
                                                   const char *path);

#endif /* EO_EXPLORER_EXPLORER_H */

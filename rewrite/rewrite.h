/* rewrite/rewrite.h - the rewrite library: pattern sets and the greedy
 * driver, passes (canonicalize, cse, dce, symbol-dce, inline, unroll), the
 * pass manager with MLIR's pipeline syntax and instrumentation, and the
 * knob store that answers and records every tunable decision.
 *
 * Patterns, folding and the rewriter itself are declared in ir/ir.h so that
 * dialects can define them; this library runs them.
 */
#ifndef EO_REWRITE_REWRITE_H
#define EO_REWRITE_REWRITE_H

#include "ir/ir.h"

/* ------------------------------------------------------------------ */
/* Pattern sets and the greedy driver                                  */
/* ------------------------------------------------------------------ */

typedef struct eo_pattern_set eo_pattern_set;

/* An empty set (the caller owns it); NULL on allocation failure. */
EO_API eo_pattern_set *eo_pattern_set_create(eo_ctx *ctx);
EO_API void eo_pattern_set_destroy(eo_pattern_set *ps);
/* Adds a borrowed pattern (static data). */
EO_API EO_NODISCARD eo_status eo_pattern_set_add(eo_pattern_set *ps,
                                                 const eo_pattern *p);
/* Adds the canonicalization patterns of every registered op. */
EO_API EO_NODISCARD eo_status eo_pattern_set_add_canonicalization(
    eo_pattern_set *ps);
EO_API size_t eo_pattern_set_size(const eo_pattern_set *ps);

typedef struct eo_greedy_config {
    bool bottom_up;          /* seed the worklist bottom-up (default:
                              * top-down) */
    bool fold;               /* apply fold hooks (default true via init) */
    bool remove_dead;        /* erase trivially dead ops */
    unsigned max_iterations; /* whole-region sweeps; 0 = default (10) */
    size_t max_rewrites;     /* per iteration; 0 = the driver's bound */
    /* After each iteration, erase unreachable blocks and dead block
     * arguments (MLIR's region-simplify=normal; default true). */
    bool region_simplify;
    /* Not converging is reported as a warning (and EO_OK) instead of an
     * error (default false). */
    bool warn_nonconvergence;
} eo_greedy_config;

/* Fills 'cfg' with the defaults (MLIR's GreedyRewriteConfig defaults). */
EO_API void eo_greedy_config_init(eo_greedy_config *cfg);

/* Applies 'ps' (and folding) to everything nested under 'op' (not 'op'
 * itself) until a fixpoint. *changed (may be NULL) says whether the IR
 * changed. Not converging within the limit is an error with a diagnostic
 * at 'op'. */
EO_API EO_NODISCARD eo_status eo_apply_patterns_greedily(
    eo_op *op, const eo_pattern_set *ps, const eo_greedy_config *cfg,
    const eo_knob_provider *knobs, bool *changed);

/* Whether 'op' has no side effects and no used results (removable). */
EO_API bool eo_op_is_trivially_dead(const eo_op *op);
/* Memory/side-effect queries from traits (EO_PURE, EO_MEM_*,
 * EO_RECURSIVE_EFFECTS); unregistered ops are assumed to have every
 * effect. */
EO_API bool eo_op_is_pure(const eo_op *op);
EO_API bool eo_op_may_write(const eo_op *op);
EO_API bool eo_op_may_read(const eo_op *op);

/* ------------------------------------------------------------------ */
/* Knob store                                                          */
/* ------------------------------------------------------------------ */

typedef struct eo_knob_store eo_knob_store;

/* An empty store (caller owns it; NULL on allocation failure), and its
 * destruction (NULL-safe). */
EO_API eo_knob_store *eo_knob_store_create(eo_ctx *ctx);
EO_API void eo_knob_store_destroy(eo_knob_store *ks);
/* The provider to hand to passes and rewriters (borrowed from 'ks'). */
EO_API const eo_knob_provider *eo_knob_store_provider(eo_knob_store *ks);
/* Loads assignments from a file: a JSON object {"name": value, ...} or
 * "name=value" lines; keys may be glob patterns ("unroll.*.factor").
 * Errors carry file:line:col. */
EO_API EO_NODISCARD eo_status eo_knob_store_load(eo_knob_store *ks,
                                                 const char *path);
/* The same from 'len' bytes of text (copied into the context's arena);
 * 'name' is the file name diagnostics give. */
EO_API EO_NODISCARD eo_status eo_knob_store_load_buffer(eo_knob_store *ks,
                                                        const char *name,
                                                        const char *data,
                                                        size_t len);
/* One "name=value" assignment (e.g. from --knob). */
EO_API EO_NODISCARD eo_status eo_knob_store_assign(eo_knob_store *ks,
                                                   const char *text);
/* Knob (or pattern) 'name' = 'value', a value as written after the '='
 * of an assignment (true, 42, a name, "a quoted name"): as
 * eo_knob_store_assign("<name>=<value>") without building and splitting
 * the line (the explorer assigns hundreds a candidate). Same errors. */
EO_API EO_NODISCARD eo_status eo_knob_store_assign_value(eo_knob_store *ks,
                                                         const char *name,
                                                         const char *value);
/* After a run: reports assignments that matched no knob asked, and
 * values outside their knob's domain (with the assignment's location).
 * EO_ERROR if any. */
EO_API EO_NODISCARD eo_status eo_knob_store_check(eo_knob_store *ks);
/* The recorded space (every knob asked: name, domain, default, value
 * used, asker, site, the knobs it was conditional on) as JSON. */
EO_API void eo_knob_store_space_json(const eo_knob_store *ks, eo_strbuf *out);
/* The assignment actually used (name -> value), as JSON, for replay. */
EO_API void eo_knob_store_assignment_json(const eo_knob_store *ks,
                                          eo_strbuf *out);
EO_API size_t eo_knob_store_num_asked(const eo_knob_store *ks);

/* ------------------------------------------------------------------ */
/* Passes                                                              */
/* ------------------------------------------------------------------ */

typedef enum eo_pass_option_kind {
    EO_OPT_BOOL, EO_OPT_INT, EO_OPT_STRING
} eo_pass_option_kind;

/* A typed pass option stored at 'offset' in the pass's options struct:
 * EO_OPT_BOOL is a bool, EO_OPT_INT an int64_t, EO_OPT_STRING a
 * const char * (owned by the pass manager, valid while the pass runs). */
typedef struct eo_pass_option {
    const char *name;
    const char *description;
    eo_pass_option_kind kind;
    size_t offset;
    const char *default_value;        /* text, parsed like user input */
} eo_pass_option;

typedef struct eo_pass_ctx eo_pass_ctx;

typedef struct eo_pass_def {
    const char *name;                 /* "canonicalize" */
    const char *description;
    /* Op the pass runs on ("func.func", "builtin.module"), or NULL for
     * any op (an "any-op" pass nests wherever it is placed). */
    const char *anchor;
    const eo_pass_option *options;
    size_t num_options;
    size_t options_size;              /* sizeof the options struct */
    /* Runs on 'op' with parsed options; EO_ERROR after a diagnostic. */
    eo_status (*run)(eo_op *op, eo_pass_ctx *pc, const void *options);
} eo_pass_def;

/* What a running pass can reach. */
EO_API eo_ctx *eo_pass_ctx_ctx(eo_pass_ctx *pc);
EO_API const eo_knob_provider *eo_pass_ctx_knobs(eo_pass_ctx *pc);
/* A pass that left the IR untouched says so (for print-ir-after-change). */
EO_API void eo_pass_ctx_mark_unchanged(eo_pass_ctx *pc);

/* Registry: the built-in passes are registered by eo_passes_register. */
EO_API EO_NODISCARD eo_status eo_pass_register(eo_ctx *ctx,
                                               const eo_pass_def *def);
EO_API EO_NODISCARD eo_status eo_passes_register(eo_ctx *ctx);
EO_API const eo_pass_def *eo_pass_lookup(eo_ctx *ctx, const char *name);
EO_API void eo_pass_foreach(eo_ctx *ctx,
                            void (*f)(const eo_pass_def *d, void *ud),
                            void *ud);
/* "--list-passes" text: names, descriptions and options. */
EO_API void eo_pass_list(eo_ctx *ctx, eo_strbuf *out);

/* ------------------------------------------------------------------ */
/* Plugins                                                             */
/* ------------------------------------------------------------------ */

/* A dialect plugin is a shared object exporting
 *     EO_API const eo_plugin_info *eo_dialect_plugin_info(void);
 * a pass plugin one exporting eo_pass_plugin_info. The register hook
 * registers the plugin's dialects (eo_dialect_register_desc) or passes
 * (eo_pass_register) in the context. Plugins resolve edge-opt's API
 * against the loading process (edge-opt links libedgeopt.so). The
 * version changes whenever a struct plugins fill in changes layout (2:
 * eo_op_def gained the control-flow hooks), so a plugin built against
 * other headers is refused instead of misread. */
#define EO_PLUGIN_API_VERSION 2u
#define EO_DIALECT_PLUGIN_ENTRY "eo_dialect_plugin_info"
#define EO_PASS_PLUGIN_ENTRY "eo_pass_plugin_info"

typedef struct eo_plugin_info {
    uint32_t api_version;             /* EO_PLUGIN_API_VERSION */
    const char *name;                 /* "standalone" */
    const char *version;              /* the plugin's own version */
    eo_status (*register_fn)(eo_ctx *ctx);
} eo_plugin_info;

typedef enum eo_plugin_kind { EO_PLUGIN_DIALECT, EO_PLUGIN_PASS }
    eo_plugin_kind;

/* Opens the plugin at 'path' (dlopen; it stays loaded for the life of the
 * process) and runs its register hook on 'ctx'. EO_ERROR, after a
 * diagnostic naming the file, if it cannot be opened, lacks the entry
 * point, was built for another plugin API version, or fails to
 * register. */
EO_API EO_NODISCARD eo_status eo_plugin_load(eo_ctx *ctx, const char *path,
                                             eo_plugin_kind kind);

/* ------------------------------------------------------------------ */
/* Pass manager                                                        */
/* ------------------------------------------------------------------ */

typedef struct eo_pass_manager eo_pass_manager;

typedef struct eo_pm_config {
    bool threading;                   /* run func-level passes in parallel */
    unsigned num_threads;             /* 0 = number of CPUs */
    bool verify_each;                 /* default true */
    const char *print_before;         /* comma-separated pass names */
    const char *print_after;
    bool print_after_all;
    bool print_after_change;
    bool print_module_scope;
    bool timing;                      /* --mlir-timing: see
                                         eo_pm_timing_report */
    const eo_print_flags *print_flags;  /* for the IR dumps */
    FILE *dump;                       /* where IR dumps go (stderr) */
    bool print_before_all;
} eo_pm_config;

/* Fills 'cfg' with the defaults (threading on, verify-each on). */
EO_API void eo_pm_config_init(eo_pm_config *cfg);
/* A pass manager anchored on 'anchor' ("builtin.module"). */
EO_API eo_pass_manager *eo_pm_create(eo_ctx *ctx, const char *anchor,
                                     const eo_pm_config *cfg);
EO_API void eo_pm_destroy(eo_pass_manager *pm);
/* Parses MLIR's textual pipeline ("builtin.module(func.func(cse))" or,
 * without the anchor, "canonicalize,cse") and appends it. Errors are
 * reported with the column in 'text'. Also accepts
 * optional(p) and any(p1, p2) whose choice is a knob. */
EO_API EO_NODISCARD eo_status eo_pm_add_pipeline(eo_pass_manager *pm,
                                                 const char *text);
/* Appends one pass by name with an options string ("size=32 loops=2"). */
EO_API EO_NODISCARD eo_status eo_pm_add_pass(eo_pass_manager *pm,
                                             const char *name,
                                             const char *options);
/* The pipeline in MLIR's textual form (round-trips through add). */
EO_API void eo_pm_print_pipeline(const eo_pass_manager *pm, eo_strbuf *out);
/* Number of top-level elements (a nested pipeline counts as one), as
 * mlir-opt's --dump-pass-pipeline counts passes. */
EO_API size_t eo_pm_size(const eo_pass_manager *pm);
/* Runs on 'op' (which must match the anchor) with 'knobs' (may be NULL). */
EO_API EO_NODISCARD eo_status eo_pm_run(eo_pass_manager *pm, eo_op *op,
                                        const eo_knob_provider *knobs);
/* --mlir-timing: adds a driver phase ("Parser", "Output") to the report,
 * listed before the passes if 'before_passes', else after them. */
EO_API void eo_pm_timing_phase(eo_pass_manager *pm, const char *name,
                               double seconds, bool before_passes);
/* Prints MLIR's "Execution time report" (a tree of wall times per pass,
 * with user times when threading is on) for all runs so far; the total
 * is the time since eo_pm_create. */
EO_API void eo_pm_timing_report(eo_pass_manager *pm, FILE *out);

#endif /* EO_REWRITE_REWRITE_H */

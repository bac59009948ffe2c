/* rewrite/pass_canonicalize.c - the canonicalize pass: folding plus every
 * registered op's canonicalization patterns, applied by the greedy driver
 * (MLIR's -canonicalize, with its options).
 *
 * Requires: nothing. Preserves: nothing. Folds, applies patterns, erases
 * dead ops, unreachable blocks and dead block arguments; with
 * region-simplify=aggressive also merges identical blocks and drops
 * redundant block arguments.
 */
#include "rewrite/internal.h"

#include <stddef.h>
#include <string.h>

typedef struct canon_options {
    bool top_down;
    const char *region_simplify;      /* disabled | normal | aggressive */
    int64_t max_iterations;
    int64_t max_num_rewrites;
    const char *disable_patterns;     /* comma-separated pattern names */
    const char *enable_patterns;
    bool test_convergence;
} canon_options;

static const eo_pass_option canon_option_rows[] = {
    { "disable-patterns", "Labels of patterns that should be filtered out "
      "during application", EO_OPT_STRING,
      offsetof(canon_options, disable_patterns), "" },
    { "enable-patterns", "Labels of patterns that should be used during "
      "application, all other patterns are filtered out", EO_OPT_STRING,
      offsetof(canon_options, enable_patterns), "" },
    { "max-iterations", "Max. iterations between applying patterns / "
      "simplifying regions", EO_OPT_INT,
      offsetof(canon_options, max_iterations), "10" },
    { "max-num-rewrites", "Max. number of pattern rewrites within an "
      "iteration", EO_OPT_INT, offsetof(canon_options, max_num_rewrites),
      "-1" },
    { "region-simplify", "Perform control flow optimizations to the region "
      "tree (disabled; normal: unreachable blocks and dead block "
      "arguments; aggressive: also identical blocks merged)", EO_OPT_STRING,
      offsetof(canon_options, region_simplify), "normal" },
    { "test-convergence", "Fail the pass when patterns do not converge "
      "(otherwise a warning)", EO_OPT_BOOL,
      offsetof(canon_options, test_convergence), "false" },
    { "top-down", "Seed the worklist in general top-down order",
      EO_OPT_BOOL, offsetof(canon_options, top_down), "true" },
};

/* Whether 'name' is an item of the comma-separated 'list'. */
static bool
in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *e = p;
        while (*e && *e != ',')
            e++;
        const char *t = e;
        while (t > p && t[-1] == ' ')
            t--;
        if ((size_t)(t - p) == n && memcmp(p, name, n) == 0)
            return true;
        p = e;
    }
    return false;
}

typedef struct build {
    eo_pattern_set *ps;
    const char *disable, *enable;
    eo_status st;
} build;

static void
add_dialect(const eo_dialect *d, void *ud)
{
    build *b = ud;
    const eo_dialect_desc *desc = eo_dialect_get_desc(d);
    if (!desc || b->st != EO_OK)
        return;
    for (size_t i = 0; i < desc->num_ops; i++) {
        for (const eo_pattern *p = desc->ops[i].canonicalize;
             p && p->name && b->st == EO_OK; p++) {
            if (!p->match_and_rewrite || in_list(b->disable, p->name) ||
                (b->enable && *b->enable && !in_list(b->enable, p->name)))
                continue;
            b->st = eo_pattern_set_add_rooted(
                b->ps, p, p->root ? p->root : desc->ops[i].name);
        }
    }
}

static eo_status
run_canonicalize(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    eo_ctx *ctx = eo_op_ctx(op);
    const canon_options *o = options;
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    cfg.warn_nonconvergence = true;
    const char *disable = NULL, *enable = NULL;
    bool aggressive = false;
    if (o) {
        cfg.bottom_up = !o->top_down;
        if (o->max_iterations < 1 || o->max_iterations > 1000000)
            return eo_emit_error(ctx, eo_op_loc(op), "canonicalize: "
                                 "max-iterations must be in [1, 1000000], "
                                 "got %lld", (long long)o->max_iterations);
        cfg.max_iterations = (unsigned)o->max_iterations;
        cfg.max_rewrites = o->max_num_rewrites > 0
                               ? (size_t)o->max_num_rewrites : 0;
        const char *rs = o->region_simplify ? o->region_simplify : "normal";
        if (strcmp(rs, "normal") == 0)
            cfg.region_simplify = true;
        else if (strcmp(rs, "disabled") == 0)
            cfg.region_simplify = false;
        else if (strcmp(rs, "aggressive") == 0)
            aggressive = true;
        else
            return eo_emit_error(ctx, eo_op_loc(op), "canonicalize: invalid "
                                 "region-simplify '%s' (expected disabled, "
                                 "normal or aggressive)", rs);
        cfg.warn_nonconvergence = !o->test_convergence;
        disable = o->disable_patterns;
        enable = o->enable_patterns;
    }
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    if (!ps)
        return EO_NOMEM;
    build b = { ps, disable, enable, EO_OK };
    eo_dialect_foreach(ctx, add_dialect, &b);
    eo_status st = b.st;
    bool changed = false;
    if (st == EO_OK)
        st = (aggressive ? eo_apply_patterns_greedily_aggressive
                         : eo_apply_patterns_greedily)(
            op, ps, &cfg, pc ? eo_pass_ctx_knobs(pc) : NULL, &changed);
    eo_pattern_set_destroy(ps);
    if (pc && st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

const eo_pass_def eo_pass_canonicalize = {
    .name = "canonicalize",
    .description = "Canonicalize operations",
    .anchor = NULL,
    .options = canon_option_rows,
    .num_options = sizeof canon_option_rows / sizeof *canon_option_rows,
    .options_size = sizeof(canon_options),
    .run = run_canonicalize,
};

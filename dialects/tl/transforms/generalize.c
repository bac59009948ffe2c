/* dialects/tl/transforms/generalize.c - the tl-generalize pass: runs the
 * tl dialect's named-to-generic patterns to a fixpoint with the greedy
 * driver, on whatever op the pass is nested on. */
#include "dialects/tl/transforms/transforms.h"
#include "dialects/tl/transforms/gpu_map.h"

#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

static eo_status
run_generalize(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    eo_pattern_set *ps = eo_pattern_set_create(eo_pass_ctx_ctx(pc));
    if (!ps)
        return EO_NOMEM;
    eo_status st = EO_OK;
    for (const eo_pattern *p = eo_tl_generalize_patterns; p->name && !st;
         p++)
        st = eo_pattern_set_add(ps, p);
    bool changed = false;
    if (st == EO_OK) {
        eo_greedy_config cfg;
        eo_greedy_config_init(&cfg);
        st = eo_apply_patterns_greedily(op, ps, &cfg, eo_pass_ctx_knobs(pc),
                                        &changed);
    }
    eo_pattern_set_destroy(ps);
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_def generalize_pass = {
    .name = "tl-generalize",
    .description = "Rewrite named tl ops (tl.matmul, tl.conv2d, ...) to "
                   "tl.generic",
    .anchor = NULL,
    .run = run_generalize,
};

eo_status
eo_tl_register_passes(eo_ctx *ctx)
{
    eo_status st = eo_pass_register(ctx, &generalize_pass);
    st = st ? st : eo_pass_register(ctx, eo_tl_graph_to_tl_pass_def());
    st = st ? st : eo_pass_register(ctx, eo_tl_bufferize_pass_def());
    st = st ? st : eo_pass_register(ctx, eo_tl_gpu_map_pass_def());
    st = st ? st : eo_pass_register(ctx, eo_tl_fuse_pass_def());
    st = st ? st : eo_pass_register(ctx, eo_tl_pack_pass_def());
    return st ? st : eo_pass_register(ctx, eo_tl_to_loops_pass_def());
}

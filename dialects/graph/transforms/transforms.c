/* dialects/graph/transforms/transforms.c - registration of the graph
 * passes, and graph-optimize, the pipeline of the usual ones:
 *
 *   func.func(fold-qdq, graph-const-fold, graph-fold-batchnorm,
 *             graph-fuse-activation, canonicalize)
 *
 * run on each function of the module (fold-qdq first, so that quantized
 * weights stay quantized instead of being folded to f32; qdq=false leaves
 * it out for a float pipeline on a QDQ model).
 */
#include "dialects/graph/transforms/internal.h"

#include <string.h>

typedef struct opt_options {
    bool qdq;
} opt_options;

static const char with_qdq[] =
    "fold-qdq,graph-const-fold,graph-fold-batchnorm,graph-fuse-activation,"
    "canonicalize";
static const char without_qdq[] =
    "graph-const-fold,graph-fold-batchnorm,graph-fuse-activation,"
    "canonicalize";

static eo_status
run_optimize(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const opt_options *o = options;
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    cfg.verify_each = false;
    eo_pass_manager *pm = eo_pm_create(ctx, "func.func", &cfg);
    if (!pm)
        return EO_NOMEM;
    eo_status st = eo_pm_add_pipeline(pm, !o || o->qdq ? with_qdq
                                                       : without_qdq);
    const eo_op_def *fdef = eo_op_def_lookup(ctx, "func.func", 9);
    eo_block *body = eo_op_num_regions(op) == 1
                         ? eo_region_first(eo_op_region(op, 0))
                         : NULL;
    for (eo_op *f = body ? eo_block_first(body) : NULL;
         f && st == EO_OK; f = eo_op_next(f))
        if (fdef && eo_op_is(f, fdef))
            st = eo_pm_run(pm, f, eo_pass_ctx_knobs(pc));
    eo_pm_destroy(pm);
    return st;
}

static const eo_pass_option opt_option_rows[] = {
    { .name = "qdq",
      .description = "Run fold-qdq first (quantized ops from QDQ chains)",
      .kind = EO_OPT_BOOL, .offset = offsetof(opt_options, qdq),
      .default_value = "true" },
};

const eo_pass_def gt_pass_optimize = {
    .name = "graph-optimize",
    .description = "Graph pipeline: fold-qdq, graph-const-fold, "
                   "graph-fold-batchnorm, graph-fuse-activation, "
                   "canonicalize on each function",
    .anchor = "builtin.module",
    .options = opt_option_rows,
    .num_options = 1,
    .options_size = sizeof(opt_options),
    .run = run_optimize,
};

/* Sorted by name, as --list-passes shows them. */
static const eo_pass_def *const graph_passes[] = {
    &gt_pass_fold_qdq,
    &gt_pass_const_fold,
    &gt_pass_fold_bn,
    &gt_pass_fuse_act,
    &gt_pass_layout,
    &gt_pass_optimize,
};

eo_status
eo_graph_register_passes(eo_ctx *ctx)
{
    for (size_t i = 0; i < sizeof graph_passes / sizeof *graph_passes; i++) {
        eo_status st = eo_pass_register(ctx, graph_passes[i]);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

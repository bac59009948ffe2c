/* dialects/graph/transforms/fuse_act.c - the graph-fuse-activation pass:
 *
 *   act(p(...))  ->  p(...) {activation = "act"}
 *
 * for p one of conv2d, conv_transpose2d, matmul, gemm, add without a fused
 * activation whose result is used only by act, and act one of relu, clip
 * (relu6 when its bounds are 0 and 6, relu when 0 and +inf, else clip
 * with act_min / act_max), leaky_relu (act_alpha), sigmoid, tanh,
 * hard_swish. On quantized tensors only relu and clip fuse (a clamp of the
 * output range) and only when act keeps the quantization.
 *
 * Knob: "fuse.<site of p>", bool, default true, asked for each match.
 * Preserves: the interpreter's results exactly.
 */
#include "dialects/graph/transforms/internal.h"

#include <math.h>
#include <string.h>

static const eo_knob_domain fuse_domain = { .kind = EO_KNOB_BOOL };

static bool
is_producer(int k)
{
    return k == GRAPH_CONV2D || k == GRAPH_CONV_TRANSPOSE2D ||
           k == GRAPH_MATMUL || k == GRAPH_GEMM || k == GRAPH_ADD;
}

/* The activation 'act' stands for, with its attribute values. */
static bool
classify(eo_op *act, eo_graph_activation *a)
{
    a->min = -INFINITY;
    a->max = INFINITY;
    a->alpha = 0.0f;
    switch (eo_graph_op_kind(act)) {
    case GRAPH_RELU:
        a->kind = EO_ACT_RELU;
        return true;
    case GRAPH_CLIP:
        a->min = (float)eo_graph_attr_float(act, "min", -INFINITY);
        a->max = (float)eo_graph_attr_float(act, "max", INFINITY);
        if (a->min == 0.0f && a->max == 6.0f)
            a->kind = EO_ACT_RELU6;
        else if (a->min == 0.0f && isinf(a->max) && a->max > 0)
            a->kind = EO_ACT_RELU;
        else
            a->kind = EO_ACT_CLIP;
        return true;
    case GRAPH_LEAKY_RELU:
        a->kind = EO_ACT_LEAKY_RELU;
        a->alpha = (float)eo_graph_attr_float(act, "alpha", 0.01);
        return true;
    case GRAPH_SIGMOID:
        a->kind = EO_ACT_SIGMOID;
        return true;
    case GRAPH_TANH:
        a->kind = EO_ACT_TANH;
        return true;
    case GRAPH_HARD_SWISH:
        a->kind = EO_ACT_HARD_SWISH;
        return true;
    default:
        return false;
    }
}

static const char *
act_name(eo_graph_act k)
{
    switch (k) {
    case EO_ACT_RELU: return "relu";
    case EO_ACT_RELU6: return "relu6";
    case EO_ACT_CLIP: return "clip";
    case EO_ACT_LEAKY_RELU: return "leaky_relu";
    case EO_ACT_SIGMOID: return "sigmoid";
    case EO_ACT_TANH: return "tanh";
    case EO_ACT_HARD_SWISH: return "hard_swish";
    default: return "none";
    }
}

static eo_rewrite_result
match_fuse(const eo_pattern *pat, eo_op *act, eo_rewriter *rw)
{
    eo_value *x = eo_op_operand(act, 0);
    eo_op *p = eo_value_def_op(x);
    eo_graph_activation a;
    if (!p || !is_producer(eo_graph_op_kind(p)) || !eo_value_has_one_use(x) ||
        eo_op_num_results(p) != 1 ||
        eo_graph_op_activation(p).kind != EO_ACT_NONE ||
        eo_value_type(eo_op_result(act, 0)) != eo_value_type(x) ||
        !classify(act, &a))
        return EO_REWRITE_NO_MATCH;
    if (gt_is_quant(x) && a.kind != EO_ACT_RELU && a.kind != EO_ACT_RELU6 &&
        a.kind != EO_ACT_CLIP)
        return EO_REWRITE_NO_MATCH;
    if (!eo_rewriter_knob(rw, "fuse", p, NULL, &fuse_domain, 1, pat->name))
        return EO_REWRITE_NO_MATCH;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const char *nm = act_name(a.kind);
    const eo_attr *s = eo_attr_get_string(ctx, nm, strlen(nm), NULL);
    eo_rewriter_modify_begin(rw, p);
    eo_status st = s ? eo_op_set_attr(p, "activation", s) : EO_NOMEM;
    if (st == EO_OK && a.kind == EO_ACT_CLIP) {
        const eo_attr *lo = eo_attr_get_float(ctx, f32, a.min);
        const eo_attr *hi = eo_attr_get_float(ctx, f32, a.max);
        st = lo && hi ? eo_op_set_attr(p, "act_min", lo) : EO_NOMEM;
        if (st == EO_OK)
            st = eo_op_set_attr(p, "act_max", hi);
    }
    if (st == EO_OK && a.kind == EO_ACT_LEAKY_RELU) {
        const eo_attr *al = eo_attr_get_float(ctx, f32, a.alpha);
        st = al ? eo_op_set_attr(p, "act_alpha", al) : EO_NOMEM;
    }
    eo_rewriter_modify_end(rw, p);
    if (st != EO_OK)
        return EO_REWRITE_FAILED;
    eo_rewriter_replace_op(rw, act, &x);
    return EO_REWRITE_APPLIED;
}

#define FUSE_ROW(op)                                                    \
    { .name = "graph.fuse-activation", .root = "graph." op,             \
      .benefit = 1, .match_and_rewrite = match_fuse }

static const eo_pattern fuse_patterns[] = {
    FUSE_ROW("relu"), FUSE_ROW("clip"), FUSE_ROW("leaky_relu"),
    FUSE_ROW("sigmoid"), FUSE_ROW("tanh"), FUSE_ROW("hard_swish"),
    { 0 },
};

static eo_status
run_fuse(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    return gt_run_patterns(op, pc, fuse_patterns, NULL, false);
}

const eo_pass_def gt_pass_fuse_act = {
    .name = "graph-fuse-activation",
    .description = "Fuse activations into the conv2d, conv_transpose2d, "
                   "matmul, gemm or add before them (knob fuse.<site>)",
    .anchor = "func.func",
    .run = run_fuse,
};

/* dialects/graph/transforms/fold_bn.c - the graph-fold-batchnorm pass:
 *
 *   batch_norm(conv2d(x, W, b?), scale, bias, mean, var)
 *     -> conv2d(x, W * s, (b - mean) * s + bias),
 *        s = scale / sqrt(var + epsilon)   (per output channel)
 *
 * Requires: f32 constants for W, b, scale, bias, mean and var; the conv's
 * result used only by the batch_norm; no fused activation on the conv;
 * the same layout on both (OIHW and OHWI filters both have the output
 * channel first). Also (as ONNX models without a Conv bias have it):
 *
 *   add(conv2d(x, W, b?), c)  ->  conv2d(x, W, b + c)
 *
 * for an f32 constant c with one value per output channel in broadcast
 * form ([O,1,1] for NCHW, [O] for NHWC, ...); the add's fused activation
 * moves to the conv. Preserves: the interpreter's results up to f32
 * rounding. Folded weights larger than 16 elements are new dense_resource
 * blobs.
 */
#include "dialects/graph/transforms/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whether 'v' is an f32 constant with 'n' elements. */
static bool
f32_const(const eo_value *v, int64_t n)
{
    return gt_const_has_data(v) && gt_is_f32(v) &&
           (n < 0 || eo_type_num_elements(eo_value_type(v)) == n);
}

static bool
bn_matches(eo_op *bn, eo_op **convp)
{
    eo_op *conv = gt_def(eo_op_operand(bn, 0), GRAPH_CONV2D);
    if (!conv || !eo_value_has_one_use(eo_op_result(conv, 0)) ||
        eo_graph_op_activation(conv).kind != EO_ACT_NONE ||
        strcmp(eo_graph_attr_str(conv, "layout", "NCHW"),
               eo_graph_attr_str(bn, "layout", "NCHW")) != 0)
        return false;
    eo_value *w = eo_op_operand(conv, 1);
    const eo_type *wt = eo_value_type(w);
    if (!f32_const(w, -1) || eo_type_rank(wt) != 4 ||
        eo_type_dim(wt, 0) <= 0)
        return false;
    int64_t o = eo_type_dim(wt, 0);
    if (eo_op_num_operands(conv) > 2 && !f32_const(eo_op_operand(conv, 2), o))
        return false;
    for (size_t i = 1; i < 5; i++)
        if (!f32_const(eo_op_operand(bn, i), o))
            return false;
    *convp = conv;
    return true;
}

/* Computes the folded weights and bias into w (in place, a copy) and
 * nb[o]. */
static eo_status
fold_values(eo_op *bn, eo_op *conv, eo_tensor *w, float *nb)
{
    eo_tensor t[5];
    memset(t, 0, sizeof(t));
    bool has_b = eo_op_num_operands(conv) > 2;
    eo_status st = EO_OK;
    /* t[0]: conv bias (or none), t[1..4]: scale, bias, mean, var. */
    for (size_t i = 0; st == EO_OK && i < 5; i++) {
        if (i == 0 && !has_b)
            continue;
        st = gt_const_tensor(i == 0 ? eo_op_operand(conv, 2)
                                    : eo_op_operand(bn, i), &t[i]);
    }
    int64_t o = w->shape[0], per = o ? eo_tensor_numel(w) / o : 0;
    double eps = eo_graph_attr_float(bn, "epsilon", 1e-5);
    for (int64_t c = 0; st == EO_OK && c < o; c++) {
        const float *sc = t[1].data, *bi = t[2].data, *mu = t[3].data,
                    *var = t[4].data;
        double s = (double)sc[c] / sqrt((double)var[c] + eps);
        double b0 = has_b ? (double)((const float *)t[0].data)[c] : 0.0;
        float *wc = (float *)w->data + c * per;
        for (int64_t j = 0; j < per; j++)
            wc[j] = (float)((double)wc[j] * s);
        nb[c] = (float)((b0 - (double)mu[c]) * s + (double)bi[c]);
    }
    for (size_t i = 0; i < 5; i++)
        eo_tensor_free(&t[i]);
    return st;
}

static eo_rewrite_result
match_fold_bn(const eo_pattern *pat, eo_op *bn, eo_rewriter *rw)
{
    eo_op *conv = NULL;
    if (!bn_matches(bn, &conv))
        return EO_REWRITE_NO_MATCH;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_tensor w0, w;
    memset(&w, 0, sizeof(w));
    if (gt_const_tensor(eo_op_operand(conv, 1), &w0) != EO_OK)
        return EO_REWRITE_FAILED;
    eo_status st = eo_tensor_alloc(&w, w0.dtype, w0.rank, w0.shape);
    if (st == EO_OK)
        memcpy(w.data, w0.data, w0.nbytes);
    eo_tensor_free(&w0);
    int64_t o = w.shape[0];
    float *nb = st == EO_OK ? calloc((size_t)o, sizeof(float)) : NULL;
    if (st == EO_OK && !nb)
        st = EO_NOMEM;
    if (st == EO_OK)
        st = fold_values(bn, conv, &w, nb);
    eo_value *ops[3] = { eo_op_operand(conv, 0), NULL, NULL };
    eo_strbuf kw = { 0 }, kb = { 0 };
    gt_resource_key(conv, "weight_bn", &kw);
    gt_resource_key(conv, "bias_bn", &kb);
    eo_builder_set_before(&rw->b, conv);
    const eo_type *f32 = gt_elem(eo_op_operand(conv, 1));
    const eo_type *bt = gt_tensor(ctx, 1, &o, f32);
    if (st == EO_OK) {
        ops[1] = gt_create_const(rw, eo_value_type(eo_op_operand(conv, 1)),
                                 w.data, w.nbytes, kw.data, 16);
        ops[2] = bt ? gt_create_const(rw, bt, nb, (size_t)o * sizeof(float),
                                      kb.data, 16)
                    : NULL;
        if (!ops[1] || !ops[2])
            st = EO_NOMEM;
    }
    eo_strbuf_free(&kw);
    eo_strbuf_free(&kb);
    eo_tensor_free(&w);
    free(nb);
    if (st != EO_OK)
        return EO_REWRITE_FAILED;
    const eo_type *rt = eo_value_type(eo_op_result(bn, 0));
    eo_op *nc = gt_create_op(rw, GRAPH_CONV2D, 3, ops, 1, &rt, conv, 0,
                             NULL);
    if (!nc)
        return EO_REWRITE_FAILED;
    eo_value *r = eo_op_result(nc, 0);
    eo_rewriter_replace_op(rw, bn, &r);
    eo_rewriter_erase_op(rw, conv);
    (void)pat;
    return EO_REWRITE_APPLIED;
}

/* The output-channel count of constant 'c' if it holds one value per
 * output channel of conv 'conv' in broadcast form ([O], [O,1,1] or
 * [1,O,1,1] for NCHW; [O], [1,O], [1,1,O] or [1,1,1,O] for NHWC), else
 * -1. */
static int64_t
channel_bias(const eo_op *conv, const eo_value *c)
{
    const eo_type *rt = eo_value_type(eo_op_result(conv, 0));
    const eo_type *ct = eo_value_type(c);
    bool nhwc = strcmp(eo_graph_attr_str(conv, "layout", "NCHW"),
                       "NHWC") == 0;
    int64_t o = eo_type_dim(rt, nhwc ? 3 : 1);
    size_t r = eo_type_rank(ct);
    if (!f32_const(c, o) || r > 4 || (r == 0 && o != 1))
        return -1;
    /* Aligned right against [N, C, H, W] (or [N, H, W, C]). */
    size_t cpos = nhwc ? 3 : 1;
    for (size_t i = 0; i < r; i++) {
        size_t pos = 4 - r + i;
        if (eo_type_dim(ct, i) != (pos == cpos ? o : 1))
            return -1;
    }
    return o;
}

/* add(conv2d(x, W, b?), c) with c a per-channel constant ->
 * conv2d(x, W, b + c). */
static eo_rewrite_result
match_fold_add(const eo_pattern *pat, eo_op *add, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    for (size_t side = 0; side < 2; side++) {
        eo_value *cv = eo_op_operand(add, 1 - side);
        eo_op *conv = gt_def(eo_op_operand(add, side), GRAPH_CONV2D);
        if (!conv || !eo_value_has_one_use(eo_op_result(conv, 0)) ||
            eo_graph_op_activation(conv).kind != EO_ACT_NONE ||
            !gt_is_f32(eo_op_result(conv, 0)) ||
            eo_value_type(eo_op_result(add, 0)) !=
                eo_value_type(eo_op_result(conv, 0)))
            continue;
        int64_t o = channel_bias(conv, cv);
        bool has_b = eo_op_num_operands(conv) > 2;
        if (o < 0 || (has_b && !f32_const(eo_op_operand(conv, 2), o)))
            continue;
        eo_tensor c, b;
        memset(&b, 0, sizeof(b));
        eo_status st = gt_const_tensor(cv, &c);
        if (st == EO_OK && has_b)
            st = gt_const_tensor(eo_op_operand(conv, 2), &b);
        float *nb = st == EO_OK ? calloc((size_t)o, sizeof(float)) : NULL;
        for (int64_t i = 0; nb && i < o; i++)
            nb[i] = ((const float *)c.data)[i] +
                    (has_b ? ((const float *)b.data)[i] : 0.0f);
        eo_tensor_free(&c);
        eo_tensor_free(&b);
        const eo_type *bt = gt_tensor(ctx, 1, &o, gt_elem(cv));
        eo_strbuf key = { 0 };
        gt_resource_key(conv, "bias_add", &key);
        eo_builder_set_before(&rw->b, conv);
        eo_value *ops[3] = { eo_op_operand(conv, 0), eo_op_operand(conv, 1),
                             nb && bt ? gt_create_const(
                                            rw, bt, nb,
                                            (size_t)o * sizeof(float),
                                            key.data, 16)
                                      : NULL };
        eo_strbuf_free(&key);
        free(nb);
        if (!ops[2])
            return EO_REWRITE_FAILED;
        /* The add's fused activation moves to the conv. */
        const eo_type *rt = eo_value_type(eo_op_result(add, 0));
        eo_named_attr set[4];
        size_t nset = 0;
        static const char *const act_keys[] = { "activation", "act_min",
                                                "act_max", "act_alpha" };
        for (size_t i = 0; i < 4; i++) {
            const eo_attr *a = eo_op_attr(add, act_keys[i]);
            if (a)
                set[nset++] = (eo_named_attr){ eo_ident_cstr(ctx,
                                                             act_keys[i]),
                                               a };
        }
        eo_op *nc = gt_create_op(rw, GRAPH_CONV2D, 3, ops, 1, &rt, conv,
                                 nset, set);
        if (!nc)
            return EO_REWRITE_FAILED;
        eo_value *r = eo_op_result(nc, 0);
        eo_rewriter_replace_op(rw, add, &r);
        eo_rewriter_erase_op(rw, conv);
        return EO_REWRITE_APPLIED;
    }
    return EO_REWRITE_NO_MATCH;
}

static const eo_pattern fold_bn_patterns[] = {
    { .name = "graph.fold-batchnorm", .root = "graph.batch_norm",
      .benefit = 1, .match_and_rewrite = match_fold_bn },
    { .name = "graph.fold-bias-add", .root = "graph.add", .benefit = 1,
      .match_and_rewrite = match_fold_add },
    { 0 },
};

static eo_status
run_fold_bn(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    return gt_run_patterns(op, pc, fold_bn_patterns, NULL, false);
}

const eo_pass_def gt_pass_fold_bn = {
    .name = "graph-fold-batchnorm",
    .description = "Fold batch_norm (or an add of a per-channel "
                   "constant) after conv2d into the conv's weights and "
                   "bias",
    .anchor = "func.func",
    .run = run_fold_bn,
};

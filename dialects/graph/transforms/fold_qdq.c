/* dialects/graph/transforms/fold_qdq.c - the fold-qdq pass: QDQ-form
 * quantization (float ops between dequantize and quantize, as ONNX QDQ
 * models have it) into the quantized ops of docs/graph-dialect.md.
 * Every pattern is rooted at a graph.quantize q with a per-tensor result
 * type Q:
 *
 *   q(act?(conv2d|gemm|matmul(dq(x), dq(w), bias?)))
 *       -> conv2d|gemm|matmul(x, w, b_i32?) : Q {activation = act}
 *      bias: dq(b) with b an i32 quant type of scale s_x * s_w (zero
 *      point 0) is used as is; a constant (f32, or dq of a constant) is
 *      quantized to tensor<Nxi32> with scale s_x * s_w[n], rounding to
 *      nearest even. act: relu or clip (relu6 for 0..6); the core op's
 *      own fused activation must then be none, and otherwise be relu,
 *      relu6 or clip. Weights per tensor or per channel on the output
 *      channel axis (0 for conv2d, the N axis of gemm's b; matmul per
 *      tensor only); gemm needs alpha = 1 and beta = 1.
 *   q(act?(add(dq(a), dq(b))))  -> add(a, b) : Q {activation = act}
 *   q(mul(dq(a), dq(b)))  -> mul(a, b) : Q
 *      a and b per tensor, broadcast as the float op has them (graph.mul
 *      has no activation attribute: a relu / clip after it stays).
 *   q(op(dq(x)...)) with every x of type elem Q  -> op(x...) : Q
 *      for max_pool, avg_pool, global_avg_pool, global_max_pool, relu,
 *      clip (the quantized forms the dialect defines with the same
 *      quantization in and out) and the
 *      data-movement ops reshape, flatten, squeeze, unsqueeze, transpose,
 *      concat, slice.
 *   q(dq(x))  -> requantize(x) : Q (x itself when its type is Q).
 *   q(act?(add(matmul(dq(a), dq(w)), bias)))  (ONNX MatMul + Add, 2-D)
 *       -> gemm(a, w, b_i32) : Q {activation = act}
 *
 * and, so that chains reach the next compute op, dequantize sinks below
 * the data-movement ops reshape, flatten, squeeze, unsqueeze, transpose
 * when it feeds only them and is per tensor: op(dq(x)) -> dq(op(x)).
 *
 * The float ops matched must have no other users (the dequantize ops may:
 * they stay for them). Preserves: the interpreter's float-QDQ results
 * within +-1 LSB of the output quantization (integer accumulation and a
 * fixed-point rescale instead of f32 arithmetic and round-half-even).
 */
#include "dialects/graph/transforms/internal.h"

#include "dialects/quant/quant.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A dequantize whose result is 'v': its quantized operand, else NULL. */
static eo_value *
dq_source(eo_value *v)
{
    eo_op *d = gt_def(v, GRAPH_DEQUANTIZE);
    return d ? eo_op_operand(d, 0) : NULL;
}

static bool
quant_of(const eo_value *v, eo_quant_params *p)
{
    const eo_type *e = gt_elem(v);
    return e && eo_quant_get_params(e, p);
}

static bool
close_rel(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fabs(b);
}

/* The activation of a relu / clip op (or of a core op's own attribute)
 * that a quantized op can apply as a clamp; false for any other. */
static bool
clamp_act(eo_op *act, eo_graph_activation *a)
{
    memset(a, 0, sizeof(*a));
    int k = eo_graph_op_kind(act);
    if (k == GRAPH_RELU) {
        a->kind = EO_ACT_RELU;
        a->min = 0.0f;
        a->max = INFINITY;
        return true;
    }
    if (k != GRAPH_CLIP)
        return false;
    a->min = (float)eo_graph_attr_float(act, "min", -INFINITY);
    a->max = (float)eo_graph_attr_float(act, "max", INFINITY);
    if (a->min == 0.0f && a->max == 6.0f)
        a->kind = EO_ACT_RELU6;
    else if (a->min == 0.0f && isinf(a->max) && a->max > 0)
        a->kind = EO_ACT_RELU;
    else
        a->kind = EO_ACT_CLIP;
    return true;
}

/* Attribute overrides for activation 'a' into set[] (3 slots); returns
 * how many, or -1 on allocation failure. */
static int
act_attrs(eo_ctx *ctx, const eo_graph_activation *a, eo_named_attr *set)
{
    static const char *const names[] = {
        [EO_ACT_RELU] = "relu", [EO_ACT_RELU6] = "relu6",
        [EO_ACT_CLIP] = "clip",
    };
    const char *nm = names[a->kind];
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    set[0].name = eo_ident_cstr(ctx, "activation");
    set[0].value = eo_attr_get_string(ctx, nm, strlen(nm), NULL);
    if (!set[0].name || !set[0].value)
        return -1;
    if (a->kind != EO_ACT_CLIP)
        return 1;
    set[1].name = eo_ident_cstr(ctx, "act_min");
    set[1].value = eo_attr_get_float(ctx, f32, a->min);
    set[2].name = eo_ident_cstr(ctx, "act_max");
    set[2].value = eo_attr_get_float(ctx, f32, a->max);
    return set[1].name && set[1].value && set[2].name && set[2].value ? 3
                                                                      : -1;
}

/* Peels an optional relu / clip between the quantize and the core op:
 * *act gets it (NULL if none) and *core the op producing its input. */
static bool
peel_act(eo_op *q, eo_op **act, eo_op **core, eo_graph_activation *a)
{
    eo_value *y = eo_op_operand(q, 0);
    eo_op *d = eo_value_def_op(y);
    *act = NULL;
    memset(a, 0, sizeof(*a));
    if (!d || eo_graph_op_kind(d) < 0 || !eo_value_has_one_use(y))
        return false;
    if (clamp_act(d, a)) {
        eo_value *z = eo_op_operand(d, 0);
        eo_op *c = eo_value_def_op(z);
        if (c && eo_graph_op_kind(c) >= 0 && eo_value_has_one_use(z) &&
            eo_graph_op_kind(c) != GRAPH_DEQUANTIZE) {
            *act = d;
            *core = c;
            return true;
        }
        memset(a, 0, sizeof(*a));
    }
    *core = d;
    return true;
}

/* The activation of the fused op: the peeled act's, or the core's own
 * when it is a clamp (none otherwise); false if both or an unclampable
 * one. */
static bool
merged_act(eo_op *core, const eo_op *act, eo_graph_activation *a)
{
    eo_graph_activation own = eo_graph_op_activation(core);
    if (own.kind == EO_ACT_NONE)
        return true;
    if (act || (own.kind != EO_ACT_RELU && own.kind != EO_ACT_RELU6 &&
                own.kind != EO_ACT_CLIP))
        return false;
    *a = own;
    return true;
}

/* The real values of bias 'b' (an f32 constant, or a dequantize of a
 * constant) into 'out' (f32); false if it is neither. */
static bool
bias_real(eo_value *b, eo_tensor *out, eo_status *st)
{
    if (gt_const_has_data(b) && gt_is_f32(b)) {
        *st = gt_const_tensor(b, out);
        return *st == EO_OK;
    }
    eo_op *d = gt_def(b, GRAPH_DEQUANTIZE);
    if (!d || !gt_const_has_data(eo_op_operand(d, 0)))
        return false;
    eo_tensor in;
    *st = gt_const_tensor(eo_op_operand(d, 0), &in);
    if (*st == EO_OK)
        *st = eo_interp_op(d, &in, out);
    eo_tensor_free(&in);
    return *st == EO_OK;
}

/* The i32 bias operand for accumulator scales sx * sw[n] (n < nout), or
 * NULL: *st says whether that is a failure (EO_OK: no match). */
static eo_value *
quant_bias(eo_rewriter *rw, eo_op *core, eo_value *b, double sx,
           const eo_quant_params *pw, int64_t nout, eo_status *st)
{
    *st = EO_OK;
    if (eo_type_rank(eo_value_type(b)) < 1 ||
        eo_type_num_elements(eo_value_type(b)) != nout)
        return NULL;
    eo_value *bq = dq_source(b);
    eo_quant_params pb;
    if (bq && quant_of(bq, &pb) && pb.storage_bits == 32 &&
        eo_type_rank(eo_value_type(bq)) == 1) {
        bool ok = pb.num_scales == pw->num_scales;
        for (size_t i = 0; ok && i < pb.num_scales; i++)
            ok = pb.zero_points[i] == 0 &&
                 close_rel(pb.scales[i], sx * pw->scales[i]);
        if (ok)
            return bq;
    }
    eo_tensor real;
    memset(&real, 0, sizeof(real));
    if (!bias_real(b, &real, st))
        return NULL;
    int32_t *q = calloc((size_t)nout, sizeof(*q));
    eo_value *r = NULL;
    if (!q)
        *st = EO_NOMEM;
    for (int64_t i = 0; q && i < nout; i++) {
        double s = sx * pw->scales[pw->num_scales > 1 ? i : 0];
        double v = nearbyint((double)((const float *)real.data)[i] / s);
        q[i] = v > INT32_MAX ? INT32_MAX
             : v < INT32_MIN ? INT32_MIN : (int32_t)v;
    }
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_type *t = gt_tensor(ctx, 1, &nout, eo_type_get_int(ctx, 32));
    if (q && t) {
        eo_strbuf key = { 0 };
        gt_resource_key(core, "bias_i32", &key);
        eo_builder_set_before(&rw->b, core);
        r = gt_create_const(rw, t, q, (size_t)nout * sizeof(*q), key.data,
                            16);
        eo_strbuf_free(&key);
    }
    if (!r && *st == EO_OK)
        *st = EO_NOMEM;
    free(q);
    eo_tensor_free(&real);
    return r;
}

static eo_rewrite_result
finish(eo_rewriter *rw, eo_op *q, eo_graph_op k, size_t nops,
       eo_value *const *ops, eo_op *core, const eo_graph_activation *a)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_named_attr set[3];
    int nset = a->kind != EO_ACT_NONE ? act_attrs(ctx, a, set) : 0;
    if (nset < 0)
        return EO_REWRITE_FAILED;
    const eo_type *rt = eo_value_type(eo_op_result(q, 0));
    eo_builder_set_before(&rw->b, q);
    eo_op *n = gt_create_op(rw, k, nops, ops, 1, &rt, core, (size_t)nset,
                            set);
    if (!n)
        return EO_REWRITE_FAILED;
    eo_value *r = eo_op_result(n, 0);
    eo_rewriter_replace_op(rw, q, &r);
    return EO_REWRITE_APPLIED;
}

/* conv2d / gemm / matmul. */
static eo_rewrite_result
fold_linear(eo_rewriter *rw, eo_op *q, eo_op *core, eo_op *act,
            eo_graph_activation *a)
{
    int k = eo_graph_op_kind(core);
    eo_value *x = dq_source(eo_op_operand(core, 0));
    eo_value *w = dq_source(eo_op_operand(core, 1));
    eo_quant_params px, pw;
    if (!x || !w || !quant_of(x, &px) || !quant_of(w, &pw) ||
        px.axis >= 0 || !merged_act(core, act, a))
        return EO_REWRITE_NO_MATCH;
    const eo_type *wt = eo_value_type(w);
    size_t wr = eo_type_rank(wt);
    int64_t oaxis;
    if (k == GRAPH_CONV2D) {
        oaxis = 0;
    } else if (k == GRAPH_GEMM) {
        if (eo_graph_attr_float(core, "alpha", 1.0) != 1.0 ||
            (eo_op_num_operands(core) > 2 &&
             eo_graph_attr_float(core, "beta", 1.0) != 1.0) || wr != 2)
            return EO_REWRITE_NO_MATCH;
        oaxis = eo_graph_attr_bool(core, "trans_b", false) ? 0 : 1;
    } else {
        if (pw.axis >= 0 || wr < 1)
            return EO_REWRITE_NO_MATCH;
        oaxis = (int64_t)wr - 1;
    }
    if (pw.axis >= 0 && pw.axis != oaxis)
        return EO_REWRITE_NO_MATCH;
    int64_t nout = eo_type_dim(wt, (size_t)oaxis);
    eo_value *ops[3] = { x, w, NULL };
    size_t nops = 2;
    if (k != GRAPH_MATMUL && eo_op_num_operands(core) > 2) {
        eo_status st;
        ops[2] = quant_bias(rw, core, eo_op_operand(core, 2), px.scales[0],
                            &pw, nout, &st);
        if (!ops[2])
            return st == EO_OK ? EO_REWRITE_NO_MATCH : EO_REWRITE_FAILED;
        nops = 3;
    }
    return finish(rw, q, (eo_graph_op)k, nops, ops, core, a);
}

/* add / mul of two per-tensor quantized operands: the quantized op. */
static eo_rewrite_result
fold_binary(eo_rewriter *rw, eo_op *q, eo_op *core, eo_op *act,
            eo_graph_activation *a)
{
    eo_value *ops[2] = { dq_source(eo_op_operand(core, 0)),
                         dq_source(eo_op_operand(core, 1)) };
    eo_quant_params pa, pb;
    if (!ops[0] || !ops[1] || !quant_of(ops[0], &pa) ||
        !quant_of(ops[1], &pb) || pa.axis >= 0 || pb.axis >= 0 ||
        !merged_act(core, act, a))
        return EO_REWRITE_NO_MATCH;
    return finish(rw, q, (eo_graph_op)eo_graph_op_kind(core), 2, ops, core,
                  a);
}

/* add(matmul(dq(a), dq(b)), bias) with 2-D a [M,K] and b [K,N] and a
 * constant bias of N elements: a quantized gemm (ONNX MatMul + Add). */
static eo_rewrite_result
fold_matmul_bias(eo_rewriter *rw, eo_op *q, eo_op *add, eo_op *act,
                 eo_graph_activation *a)
{
    for (size_t side = 0; side < 2; side++) {
        eo_value *mv = eo_op_operand(add, side);
        eo_op *mm = gt_def(mv, GRAPH_MATMUL);
        if (!mm || !eo_value_has_one_use(mv) ||
            eo_graph_op_activation(mm).kind != EO_ACT_NONE)
            continue;
        eo_value *x = dq_source(eo_op_operand(mm, 0));
        eo_value *w = dq_source(eo_op_operand(mm, 1));
        eo_quant_params px, pw;
        if (!x || !w || !quant_of(x, &px) || !quant_of(w, &pw) ||
            px.axis >= 0 || (pw.axis >= 0 && pw.axis != 1) ||
            eo_type_rank(eo_value_type(x)) != 2 ||
            eo_type_rank(eo_value_type(w)) != 2 ||
            eo_value_type(eo_op_result(mm, 0)) !=
                eo_value_type(eo_op_result(add, 0)) ||
            !merged_act(add, act, a))
            continue;
        int64_t nout = eo_type_dim(eo_value_type(w), 1);
        eo_status st;
        eo_value *ops[3] = { x, w, NULL };
        ops[2] = quant_bias(rw, mm, eo_op_operand(add, 1 - side),
                            px.scales[0], &pw, nout, &st);
        if (!ops[2]) {
            if (st != EO_OK)
                return EO_REWRITE_FAILED;
            continue;
        }
        return finish(rw, q, GRAPH_GEMM, 3, ops, mm, a);
    }
    return EO_REWRITE_NO_MATCH;
}

static bool
same_quant_op(int k)
{
    switch (k) {
    case GRAPH_MAX_POOL: case GRAPH_AVG_POOL: case GRAPH_GLOBAL_AVG_POOL:
    case GRAPH_GLOBAL_MAX_POOL: case GRAPH_RELU:
    case GRAPH_CLIP: case GRAPH_RESHAPE: case GRAPH_FLATTEN:
    case GRAPH_SQUEEZE: case GRAPH_UNSQUEEZE: case GRAPH_TRANSPOSE:
    case GRAPH_CONCAT: case GRAPH_SLICE:
        return true;
    default:
        return false;
    }
}

/* An op applied to dequantized inputs of Q's own quantization. */
static eo_rewrite_result
fold_same(eo_rewriter *rw, eo_op *q, eo_op *core)
{
    const eo_type *qe = gt_elem(eo_op_result(q, 0));
    size_t n = eo_op_num_operands(core);
    if (n == 0 || eo_op_num_results(core) != 1)
        return EO_REWRITE_NO_MATCH;
    eo_value **ops = calloc(n, sizeof(*ops));
    if (!ops)
        return EO_REWRITE_FAILED;
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        ops[i] = dq_source(eo_op_operand(core, i));
        ok = ops[i] && gt_elem(ops[i]) == qe;
    }
    eo_graph_activation none = { .kind = EO_ACT_NONE };
    eo_rewrite_result r = ok ? finish(rw, q, (eo_graph_op)eo_graph_op_kind(
                                                 core), n, ops, core, &none)
                             : EO_REWRITE_NO_MATCH;
    free(ops);
    return r;
}

static eo_rewrite_result
match_qdq(const eo_pattern *pat, eo_op *q, eo_rewriter *rw)
{
    (void)pat;
    eo_quant_params pq;
    if (!quant_of(eo_op_result(q, 0), &pq) || pq.axis >= 0)
        return EO_REWRITE_NO_MATCH;
    /* q(dq(x)): a requantize (or x). */
    eo_value *src = dq_source(eo_op_operand(q, 0));
    if (src) {
        eo_quant_params ps;
        if (!quant_of(src, &ps) || ps.axis >= 0)
            return EO_REWRITE_NO_MATCH;
        const eo_type *rt = eo_value_type(eo_op_result(q, 0));
        if (eo_value_type(src) == rt && pq.storage_bits <= 16) {
            eo_rewriter_replace_op(rw, q, &src);
            return EO_REWRITE_APPLIED;
        }
        eo_graph_activation none = { .kind = EO_ACT_NONE };
        return finish(rw, q, GRAPH_REQUANTIZE, 1, &src, NULL, &none);
    }
    eo_op *act, *core;
    eo_graph_activation a;
    if (!peel_act(q, &act, &core, &a))
        return EO_REWRITE_NO_MATCH;
    switch (eo_graph_op_kind(core)) {
    case GRAPH_CONV2D:
    case GRAPH_GEMM:
    case GRAPH_MATMUL:
        return fold_linear(rw, q, core, act, &a);
    case GRAPH_ADD: {
        eo_rewrite_result r = fold_binary(rw, q, core, act, &a);
        if (r == EO_REWRITE_NO_MATCH) {
            memset(&a, 0, sizeof(a));
            if (act)
                (void)clamp_act(act, &a);
            r = fold_matmul_bias(rw, q, core, act, &a);
        }
        return r;
    }
    case GRAPH_MUL:
        if (act)
            return EO_REWRITE_NO_MATCH;
        return fold_binary(rw, q, core, act, &a);
    default:
        if (act || !same_quant_op(eo_graph_op_kind(core)) ||
            eo_graph_op_activation(core).kind != EO_ACT_NONE)
            return EO_REWRITE_NO_MATCH;
        return fold_same(rw, q, core);
    }
}

/* op(dq(x)) -> dq(op(x)) for a data-movement op and a per-tensor
 * quantized x whose dequantize feeds only op: the quantized chain reaches
 * the next compute op (reshape / flatten before a gemm). */
static eo_rewrite_result
match_sink_dq(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *v = eo_op_operand(op, 0);
    eo_value *x = dq_source(v);
    eo_quant_params px;
    if (!x || !eo_value_has_one_use(v) || !quant_of(x, &px) ||
        px.axis >= 0 || eo_op_num_results(op) != 1)
        return EO_REWRITE_NO_MATCH;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_type *qt = gt_tensor(ctx, eo_type_rank(rt), eo_type_shape(rt),
                                  gt_elem(x));
    if (!qt)
        return EO_REWRITE_FAILED;
    eo_builder_set_before(&rw->b, op);
    eo_op *mv = gt_create_op(rw, (eo_graph_op)eo_graph_op_kind(op), 1, &x,
                             1, &qt, op, 0, NULL);
    eo_value *y = mv ? eo_op_result(mv, 0) : NULL;
    eo_op *d = y ? gt_create_op(rw, GRAPH_DEQUANTIZE, 1, &y, 1, &rt,
                                eo_value_def_op(v), 0, NULL)
                 : NULL;
    if (!d)
        return EO_REWRITE_FAILED;
    eo_value *r = eo_op_result(d, 0);
    eo_rewriter_replace_op(rw, op, &r);
    return EO_REWRITE_APPLIED;
}

#define SINK_ROW(op)                                                    \
    { .name = "graph.sink-dequantize", .root = "graph." op,             \
      .benefit = 1, .match_and_rewrite = match_sink_dq }

static const eo_pattern qdq_patterns[] = {
    { .name = "graph.fold-qdq", .root = "graph.quantize", .benefit = 1,
      .match_and_rewrite = match_qdq },
    SINK_ROW("reshape"), SINK_ROW("flatten"), SINK_ROW("squeeze"),
    SINK_ROW("unsqueeze"), SINK_ROW("transpose"),
    { 0 },
};

static eo_status
run_fold_qdq(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    return gt_run_patterns(op, pc, qdq_patterns, NULL, false);
}

const eo_pass_def gt_pass_fold_qdq = {
    .name = "fold-qdq",
    .description = "Turn dequantize -> float op -> quantize chains into "
                   "quantized ops",
    .anchor = "func.func",
    .run = run_fold_qdq,
};

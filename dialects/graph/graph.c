/* dialects/graph/graph.c - the graph dialect (docs/graph-dialect.md): the
 * op table (rows in graph_ops.def order), the one custom syntax of every
 * op but graph.constant, graph.constant's own, the verifier (attribute
 * kinds, element types, shapes against eo_graph_infer_shapes), constant
 * materialization and registration. Start at graph_ops[] near the end.
 */
#include "dialects/graph/graph.h"
#include "dialects/graph/graph_internal.h"
#include "dialects/quant/quant.h"

#include <stdint.h>
#include <string.h>

static const char *const op_names[GRAPH_NUM_OPS] = {
#define GRAPH_OP(E, n) [GRAPH_##E] = "graph." #n,
#include "dialects/graph/graph_ops.def"
#undef GRAPH_OP
};

static const eo_op_def graph_ops[GRAPH_NUM_OPS];

const char *
eo_graph_op_name(eo_graph_op k)
{
    return (int)k >= 0 && k < GRAPH_NUM_OPS ? op_names[k] : NULL;
}

int
eo_graph_op_kind(const eo_op *op)
{
    const eo_op_def *d = op ? eo_op_get_def(op) : NULL;
    uintptr_t p = (uintptr_t)d, lo = (uintptr_t)&graph_ops[0];
    if (!d || p < lo || p >= (uintptr_t)&graph_ops[GRAPH_NUM_OPS])
        return -1;
    return (int)((p - lo) / sizeof(eo_op_def));
}

/* ------------------------------------------------------------------ */
/* Attribute getters                                                   */
/* ------------------------------------------------------------------ */

/* The dictionary of 'op' holding 'name' (props first), or NULL. */
static const eo_attr *
holder(const eo_op *op, const char *name)
{
    if (eo_attr_dict_get(eo_op_props(op), name))
        return eo_op_props(op);
    if (eo_attr_dict_get(eo_op_discardable_attrs(op), name))
        return eo_op_discardable_attrs(op);
    return NULL;
}

long
eo_graph_attr_ints(const eo_op *op, const char *name, int64_t *out,
                   size_t max)
{
    return graph_dict_ints(holder(op, name), name, out, max);
}

int64_t
eo_graph_attr_int(const eo_op *op, const char *name, int64_t def)
{
    return graph_dict_int(holder(op, name), name, def);
}

double
eo_graph_attr_float(const eo_op *op, const char *name, double def)
{
    return graph_dict_float(holder(op, name), name, def);
}

bool
eo_graph_attr_bool(const eo_op *op, const char *name, bool def)
{
    return graph_dict_bool(holder(op, name), name, def);
}

const char *
eo_graph_attr_str(const eo_op *op, const char *name, const char *def)
{
    return graph_dict_str(holder(op, name), name, def);
}

/* ------------------------------------------------------------------ */
/* Attribute kinds                                                     */
/* ------------------------------------------------------------------ */

typedef enum akind { A_INTS, A_INT, A_F32, A_BOOL, A_STR, A_F64S } akind;

static const char *const e_auto_pad[] = {
    "NOTSET", "VALID", "SAME_UPPER", "SAME_LOWER", NULL
};
static const char *const e_layout[] = { "NCHW", "NHWC", NULL };
static const char *const e_act[] = {
    "none", "relu", "relu6", "clip", "leaky_relu", "sigmoid", "tanh",
    "hard_swish", NULL
};
static const char *const e_approx[] = { "none", "tanh", NULL };
static const char *const e_pad_mode[] = {
    "constant", "reflect", "edge", NULL
};
static const char *const e_resize_mode[] = { "nearest", "linear", NULL };
static const char *const e_ctm[] = {
    "half_pixel", "asymmetric", "align_corners", "pytorch_half_pixel", NULL
};
static const char *const e_nearest[] = {
    "round_prefer_floor", "round_prefer_ceil", "floor", "ceil", NULL
};

/* Every inherent attribute name of the dialect and its kind; "mode" has
 * op-specific values (pad vs resize), see enum_values(). */
static const struct aspec {
    const char *name;
    akind kind;
    const char *const *values;
} aspecs[] = {
    {"name", A_STR, NULL},
    {"strides", A_INTS, NULL}, {"dilations", A_INTS, NULL},
    {"pads", A_INTS, NULL}, {"output_padding", A_INTS, NULL},
    {"kernel", A_INTS, NULL}, {"shape", A_INTS, NULL},
    {"perm", A_INTS, NULL}, {"sizes", A_INTS, NULL},
    {"starts", A_INTS, NULL}, {"ends", A_INTS, NULL},
    {"axes", A_INTS, NULL}, {"steps", A_INTS, NULL},
    {"auto_pad", A_STR, e_auto_pad}, {"layout", A_STR, e_layout},
    {"activation", A_STR, e_act}, {"approximate", A_STR, e_approx},
    {"mode", A_STR, NULL},
    {"coordinate_transformation_mode", A_STR, e_ctm},
    {"nearest_mode", A_STR, e_nearest},
    {"groups", A_INT, NULL}, {"axis", A_INT, NULL},
    {"act_min", A_F32, NULL}, {"act_max", A_F32, NULL},
    {"act_alpha", A_F32, NULL}, {"alpha", A_F32, NULL},
    {"beta", A_F32, NULL}, {"min", A_F32, NULL}, {"max", A_F32, NULL},
    {"epsilon", A_F32, NULL}, {"value", A_F32, NULL},
    {"trans_a", A_BOOL, NULL}, {"trans_b", A_BOOL, NULL},
    {"ceil_mode", A_BOOL, NULL}, {"count_include_pad", A_BOOL, NULL},
    {"keepdims", A_BOOL, NULL},
    {"scales", A_F64S, NULL},
};

static const char *const akind_text[] = {
    [A_INTS] = "an i64 dense array (array<i64: ...>)",
    [A_INT] = "an i64 integer",
    [A_F32] = "an f32 float",
    [A_BOOL] = "a bool (true or false)",
    [A_STR] = "a string",
    [A_F64S] = "an f64 dense array (array<f64: ...>)",
};

static bool
has_kind(const eo_attr *a, akind k)
{
    eo_attr_kind ak = eo_attr_get_kind(a);
    switch (k) {
    case A_INTS:
        return ak == EO_ATTR_DENSE_ARRAY &&
               eo_type_is_signless_int(eo_attr_dense_array_elem(a), 64);
    case A_F64S:
        return ak == EO_ATTR_DENSE_ARRAY &&
               eo_type_is_float(eo_attr_dense_array_elem(a)) &&
               eo_type_float_kind(eo_attr_dense_array_elem(a)) == EO_F64;
    case A_INT:
        return ak == EO_ATTR_INTEGER &&
               eo_type_is_signless_int(eo_attr_type(a), 64);
    case A_F32:
        return ak == EO_ATTR_FLOAT &&
               eo_type_float_kind(eo_attr_type(a)) == EO_F32;
    case A_BOOL:
        return eo_attr_is_bool(a);
    case A_STR:
        return ak == EO_ATTR_STRING && !eo_attr_type(a);
    }
    return false;
}

static const char *const *
enum_values(int k, const struct aspec *sp)
{
    if (strcmp(sp->name, "mode") == 0)
        return k == GRAPH_PAD ? e_pad_mode : e_resize_mode;
    return sp->values;
}

/* Kind and enum value of every inherent attribute present. */
static eo_status
verify_attrs(eo_op *op, int k)
{
    const eo_attr *props = eo_op_props(op);
    for (size_t i = 0; i < eo_attr_dict_size(props); i++) {
        const eo_named_attr *na = eo_attr_dict_at(props, i);
        const char *name = eo_ident_str(na->name);
        const struct aspec *sp = NULL;
        if (k == GRAPH_CONSTANT && strcmp(name, "value") == 0)
            continue;       /* checked by verify_constant */
        for (size_t j = 0; j < sizeof aspecs / sizeof aspecs[0]; j++)
            if (strcmp(aspecs[j].name, name) == 0)
                sp = &aspecs[j];
        if (!sp)
            continue;
        if (!has_kind(na->value, sp->kind))
            return eo_op_error(op, "attribute '%s' must be %s", name,
                               akind_text[sp->kind]);
        const char *const *vals = enum_values(k, sp);
        if (!vals)
            continue;
        size_t len;
        const char *s = eo_attr_string(na->value, &len);
        bool ok = false;
        for (size_t j = 0; vals[j] && !ok; j++)
            ok = strlen(vals[j]) == len && memcmp(vals[j], s, len) == 0;
        if (!ok) {
            eo_strbuf b = {0};
            for (size_t j = 0; vals[j]; j++)
                eo_strbuf_printf(&b, "%s\"%s\"", j ? ", " : "", vals[j]);
            eo_status st = eo_op_error(op, "attribute '%s' must be one of "
                                       "%.*s, but is \"%.*s\"", name,
                                       (int)b.len, b.data ? b.data : "",
                                       (int)len, s);
            eo_strbuf_free(&b);
            return st;
        }
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Element types                                                       */
/* ------------------------------------------------------------------ */

/* "'graph.x' op operand #1 must be ..., but got 'tensor<...>'" */
static eo_status
type_error(eo_op *op, bool result, size_t i, const char *must)
{
    const eo_type *t = result ? eo_value_type(eo_op_result(op, i))
                              : eo_value_type(eo_op_operand(op, i));
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    eo_status st = eo_op_error(op, "%s #%zu must be %s, but got '%.*s'",
                               result ? "result" : "operand", i, must,
                               (int)b.len, b.data ? b.data : "");
    eo_strbuf_free(&b);
    return st;
}

static const eo_type *
oelem(eo_op *op, size_t i)
{
    return eo_type_elem(eo_value_type(eo_op_operand(op, i)));
}

static const eo_type *
relem(eo_op *op, size_t i)
{
    return eo_type_elem(eo_value_type(eo_op_result(op, i)));
}

static bool
is_q(const eo_type *t)
{
    return eo_type_is_quant(t);
}

static bool
is_num(const eo_type *t)
{
    return eo_type_is_float(t) || eo_type_is_int(t);
}

/* A quantized type whose storage is 32-bit (a quantized bias). */
static bool
is_q_i32(const eo_type *t)
{
    eo_quant_params q;
    return eo_quant_get_params(t, &q) && q.storage_bits == 32 && q.is_signed;
}

/* Every operand in [first, n) and every result has operand first's
 * element type. */
static eo_status
same_elems(eo_op *op, size_t first, size_t n)
{
    const eo_type *e = oelem(op, first);
    for (size_t i = first + 1; i < n; i++)
        if (oelem(op, i) != e)
            return type_error(op, false, i, "of the element type of operand "
                              "#0");
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (relem(op, i) != e)
            return type_error(op, true, i, "of the element type of operand "
                              "#0");
    return EO_OK;
}

/* conv2d, gemm, matmul: float (or, gemm/matmul, integer) with one type
 * throughout, or quantized x and w, an i32 (or quantized i32) bias and a
 * quantized or plain i32 result. */
static eo_status
verify_contraction(eo_op *op, int k)
{
    size_t n = eo_op_num_operands(op);
    const eo_type *x = oelem(op, 0), *w = oelem(op, 1);
    if (is_q(x) || is_q(w)) {
        if (!is_q(x))
            return type_error(op, false, 0, "a quantized tensor, as operand "
                              "#1 is");
        if (!is_q(w))
            return type_error(op, false, 1, "a quantized tensor, as operand "
                              "#0 is");
        if (n > 2 && !eo_type_is_signless_int(oelem(op, 2), 32) &&
            !is_q_i32(oelem(op, 2)))
            return type_error(op, false, 2, "a tensor of i32 or of a "
                              "quantized type with i32 storage");
        const eo_type *r = relem(op, 0);
        if (!is_q(r) && !eo_type_is_signless_int(r, 32))
            return type_error(op, true, 0, "a quantized tensor or a tensor "
                              "of i32");
        return EO_OK;
    }
    if (k == GRAPH_CONV2D || k == GRAPH_CONV_TRANSPOSE2D) {
        if (!eo_type_is_float(x))
            return type_error(op, false, 0, "a tensor of float or quantized "
                              "values");
    } else if (!is_num(x)) {
        return type_error(op, false, 0, "a tensor of float, integer or "
                          "quantized values");
    }
    return same_elems(op, 0, n);
}

/* Per-axis quantized types: the axis must be a dim of the tensor and
 * have one scale per element. */
static eo_status
check_per_axis(eo_op *op, bool result, size_t i)
{
    const eo_type *t = result ? eo_value_type(eo_op_result(op, i))
                              : eo_value_type(eo_op_operand(op, i));
    eo_quant_params q;
    if (!eo_quant_get_params(eo_type_elem(t), &q) || q.axis < 0)
        return EO_OK;
    if ((size_t)q.axis >= eo_type_rank(t))
        return type_error(op, result, i, "a tensor with the quantized axis "
                          "among its dims");
    if (eo_type_dim(t, (size_t)q.axis) != (int64_t)q.num_scales)
        return type_error(op, result, i, "a tensor with one scale per "
                          "element of its quantized axis");
    return EO_OK;
}

static eo_status
verify_elems(eo_op *op, int k)
{
    size_t n = eo_op_num_operands(op);
    const eo_type *x = oelem(op, 0), *r = relem(op, 0);
    switch (k) {
    case GRAPH_CONV2D: case GRAPH_CONV_TRANSPOSE2D: case GRAPH_GEMM:
    case GRAPH_MATMUL:
        if (k == GRAPH_CONV_TRANSPOSE2D && !eo_type_is_float(x))
            return type_error(op, false, 0, "a tensor of float values");
        return verify_contraction(op, k);
    case GRAPH_ADD: case GRAPH_MUL:
        if (is_q(x) || is_q(oelem(op, 1)) || is_q(r)) {
            for (size_t i = 0; i < 2; i++)
                if (!is_q(oelem(op, i)))
                    return type_error(op, false, i, "a quantized tensor, as "
                                      "the other operands and result");
            if (!is_q(r))
                return type_error(op, true, 0, "a quantized tensor, as the "
                                  "operands");
            return EO_OK;
        }
        /* fall through */
    case GRAPH_SUB: case GRAPH_DIV: case GRAPH_MAX:
    case GRAPH_MIN: case GRAPH_POW: case GRAPH_NEG: case GRAPH_ABS:
    case GRAPH_REDUCE_MEAN: case GRAPH_REDUCE_SUM: case GRAPH_REDUCE_MAX:
        if (!is_num(x))
            return type_error(op, false, 0, "a tensor of float or integer "
                              "values");
        return same_elems(op, 0, n);
    case GRAPH_SQRT: case GRAPH_EXP: case GRAPH_LOG: case GRAPH_ERF:
    case GRAPH_SIGMOID: case GRAPH_TANH: case GRAPH_HARD_SWISH:
    case GRAPH_GELU: case GRAPH_LEAKY_RELU: case GRAPH_HARD_SIGMOID:
    case GRAPH_SOFTMAX: case GRAPH_LOG_SOFTMAX: case GRAPH_GLOBAL_AVG_POOL:
    case GRAPH_GLOBAL_MAX_POOL: case GRAPH_BATCH_NORM: case GRAPH_LAYER_NORM:
        if (!eo_type_is_float(x))
            return type_error(op, false, 0, "a tensor of float values");
        return same_elems(op, 0, n);
    case GRAPH_RELU: case GRAPH_CLIP: case GRAPH_MAX_POOL:
        if (!is_num(x) && !is_q(x))
            return type_error(op, false, 0, "a tensor of float, integer or "
                              "quantized values");
        return same_elems(op, 0, n);
    case GRAPH_AVG_POOL:
        if (!eo_type_is_float(x) && !is_q(x))
            return type_error(op, false, 0, "a tensor of float or quantized "
                              "values");
        return same_elems(op, 0, n);
    case GRAPH_GATHER: {
        const eo_type *ind = oelem(op, 1);
        if (!eo_type_is_signless_int(ind, 32) &&
            !eo_type_is_signless_int(ind, 64))
            return type_error(op, false, 1, "a tensor of i32 or i64 "
                              "indices");
        if (r != x)
            return type_error(op, true, 0, "of the element type of operand "
                              "#0");
        return EO_OK;
    }
    case GRAPH_QUANTIZE:
        if (!eo_type_is_float(x))
            return type_error(op, false, 0, "a tensor of float values");
        if (!is_q(r))
            return type_error(op, true, 0, "a quantized tensor");
        {
            eo_quant_params q;
            eo_quant_get_params(r, &q);
            if (q.expressed != x)
                return type_error(op, true, 0, "a quantized tensor whose "
                                  "expressed type is the operand's element "
                                  "type");
        }
        return EO_OK;
    case GRAPH_DEQUANTIZE:
        if (!is_q(x))
            return type_error(op, false, 0, "a quantized tensor");
        {
            eo_quant_params q;
            eo_quant_get_params(x, &q);
            if (r != q.expressed)
                return type_error(op, true, 0, "a tensor of the operand's "
                                  "expressed type");
        }
        return EO_OK;
    case GRAPH_REQUANTIZE:
        if (!is_q(x))
            return type_error(op, false, 0, "a quantized tensor");
        if (!is_q(r))
            return type_error(op, true, 0, "a quantized tensor");
        return EO_OK;
    default:        /* data movement: any element type, kept */
        return same_elems(op, 0, n);
    }
}

/* ------------------------------------------------------------------ */
/* Verifier                                                            */
/* ------------------------------------------------------------------ */

static eo_status
verify_static(eo_op *op, bool result, size_t i)
{
    const eo_type *t = result ? eo_value_type(eo_op_result(op, i))
                              : eo_value_type(eo_op_operand(op, i));
    if (eo_type_get_kind(t) != EO_TYPE_TENSOR)
        return type_error(op, result, i, "a ranked tensor");
    if (eo_type_rank(t) > EO_GRAPH_MAX_RANK)
        return type_error(op, result, i, "a tensor of rank at most 8");
    for (size_t d = 0; d < eo_type_rank(t); d++)
        if (eo_type_dim(t, d) < 0)
            return type_error(op, result, i, "a statically shaped tensor "
                              "(graph ops take no dynamic dims)");
    const eo_type *e = eo_type_elem(t);
    if (!is_num(e) && !is_q(e))
        return type_error(op, result, i, "a tensor of float, integer or "
                          "quantized values");
    return check_per_axis(op, result, i);
}

static eo_status
verify_constant(eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "value");
    eo_attr_kind ak = eo_attr_get_kind(v);
    if (ak != EO_ATTR_DENSE && ak != EO_ATTR_DENSE_RESOURCE)
        return eo_op_error(op, "attribute 'value' must be a dense or "
                           "dense_resource elements attribute");
    if (verify_static(op, true, 0) != EO_OK)
        return EO_ERROR;
    const eo_type *vt = eo_attr_type(v);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (vt == rt)
        return EO_OK;
    const eo_type *re = eo_type_elem(rt);
    bool ok = is_q(re) && eo_type_get_kind(vt) == EO_TYPE_TENSOR &&
              eo_type_rank(vt) == eo_type_rank(rt) &&
              eo_quant_storage_type(re) == eo_type_elem(vt);
    for (size_t i = 0; ok && i < eo_type_rank(rt); i++)
        ok = eo_type_dim(vt, i) == eo_type_dim(rt, i);
    if (ok)
        return EO_OK;
    eo_strbuf a = {0}, b = {0};
    eo_type_print(rt, &a);
    eo_type_print(vt, &b);
    eo_status st = eo_op_error(op, "result type '%.*s' is neither the "
                               "value's type '%.*s' nor a quantized tensor "
                               "of its shape with its element type as "
                               "storage", (int)a.len, a.data ? a.data : "",
                               (int)b.len, b.data ? b.data : "");
    eo_strbuf_free(&a);
    eo_strbuf_free(&b);
    return st;
}

static void
fmt_shape(eo_strbuf *b, size_t rank, const int64_t *d)
{
    eo_strbuf_puts(b, "[");
    for (size_t i = 0; i < rank; i++)
        eo_strbuf_printf(b, "%s%lld", i ? ", " : "", (long long)d[i]);
    eo_strbuf_puts(b, "]");
}

/* resize without scales: the result type gives the size. */
static eo_status
verify_resize_shape(eo_op *op)
{
    const eo_type *x = eo_value_type(eo_op_operand(op, 0));
    const eo_type *r = eo_value_type(eo_op_result(op, 0));
    if (eo_type_rank(x) != 4)
        return type_error(op, false, 0, "a 4-D tensor");
    if (eo_type_rank(r) != 4)
        return type_error(op, true, 0, "a 4-D tensor");
    bool nhwc = strcmp(eo_graph_attr_str(op, "layout", "NCHW"), "NHWC") == 0;
    size_t c = nhwc ? 3 : 1;
    if (eo_type_dim(r, 0) != eo_type_dim(x, 0) ||
        eo_type_dim(r, c) != eo_type_dim(x, c))
        return eo_op_error(op, "result must keep the batch and channel "
                           "dims of the input");
    for (size_t i = 0; i < 4; i++)
        if (eo_type_dim(r, i) < 1)
            return eo_op_error(op, "result dims must be positive");
    return EO_OK;
}

static eo_status
verify_shapes(eo_op *op, int k)
{
    size_t n = eo_op_num_operands(op), nres = 64;
    const eo_type *stack[8], **types = stack;
    size_t ranks[64];
    int64_t (*shapes)[EO_GRAPH_MAX_RANK];
    eo_ctx *ctx = eo_op_ctx(op);
    if (k == GRAPH_RESIZE && !eo_op_attr(op, "scales"))
        return verify_resize_shape(op);
    if (n > 8) {
        types = eo_ctx_alloc(ctx, n * sizeof(*types));
        if (!types)
            return EO_NOMEM;
    }
    shapes = eo_ctx_alloc(ctx, nres * sizeof(*shapes));
    if (!shapes) {
        if (types != stack)
            eo_ctx_free(ctx, types, n * sizeof(*types));
        return EO_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        types[i] = eo_value_type(eo_op_operand(op, i));
    eo_status st = eo_graph_infer_shapes(ctx, eo_op_loc(op), (eo_graph_op)k,
                                         n, types, eo_op_props(op), &nres,
                                         ranks, shapes);
    if (st == EO_OK && nres != eo_op_num_results(op))
        st = eo_op_error(op, "expected %zu results (one per entry of "
                         "'sizes'), but found %zu", nres,
                         eo_op_num_results(op));
    for (size_t i = 0; st == EO_OK && i < nres; i++) {
        const eo_type *t = eo_value_type(eo_op_result(op, i));
        bool same = eo_type_rank(t) == ranks[i];
        for (size_t d = 0; same && d < ranks[i]; d++)
            same = eo_type_dim(t, d) == shapes[i][d];
        if (same)
            continue;
        eo_strbuf a = {0}, b = {0};
        fmt_shape(&a, eo_type_rank(t), eo_type_shape(t));
        fmt_shape(&b, ranks[i], shapes[i]);
        if (nres == 1)
            st = eo_op_error(op, "result shape %.*s does not match the "
                             "inferred shape %.*s", (int)a.len,
                             a.data ? a.data : "", (int)b.len,
                             b.data ? b.data : "");
        else
            st = eo_op_error(op, "result #%zu shape %.*s does not match the "
                             "inferred shape %.*s", i, (int)a.len,
                             a.data ? a.data : "", (int)b.len,
                             b.data ? b.data : "");
        eo_strbuf_free(&a);
        eo_strbuf_free(&b);
    }
    eo_ctx_free(ctx, shapes, 64 * sizeof(*shapes));
    if (types != stack)
        eo_ctx_free(ctx, types, n * sizeof(*types));
    return st;
}

static eo_status
verify_op(eo_op *op)
{
    int k = eo_graph_op_kind(op);
    if (EO_NEVER(k < 0))
        return EO_ERROR;
    if (verify_attrs(op, k) != EO_OK)
        return EO_ERROR;
    if (k == GRAPH_CONSTANT)
        return verify_constant(op);
    size_t n = eo_op_num_operands(op);
    const eo_op_def *d = &graph_ops[k];
    if (d->operands == EO_VARIADIC) {
        size_t lo = k == GRAPH_CONCAT ? 1 : 2;
        size_t hi = k == GRAPH_CONCAT ? SIZE_MAX : 3;
        if (n < lo || n > hi) {
            if (k == GRAPH_CONCAT)
                return eo_op_error(op, "expected at least 1 operand, but "
                                   "found 0");
            return eo_op_error(op, "expected 2 or 3 operands, but found %zu",
                               n);
        }
    }
    if (eo_op_num_results(op) < 1)
        return eo_op_error(op, "expected at least 1 result, but found 0");
    for (size_t i = 0; i < n; i++)
        if (verify_static(op, false, i) != EO_OK)
            return EO_ERROR;
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (verify_static(op, true, i) != EO_OK)
            return EO_ERROR;
    if (verify_elems(op, k) != EO_OK)
        return EO_ERROR;
    return verify_shapes(op, k);
}

/* ------------------------------------------------------------------ */
/* Syntax                                                              */
/* ------------------------------------------------------------------ */

static const char *const elide_value[] = { "value", NULL };

/* graph.constant {attrs} VALUE [as TYPE] */
static void
print_constant(eo_printer *p, eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "value");
    eo_print_attr_dict(p, op, elide_value);
    eo_print_str(p, " ");
    if (v)
        eo_print_attr(p, v);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (!v || eo_attr_type(v) != rt) {
        eo_print_str(p, " as ");
        eo_print_type(p, rt);
    }
}

static eo_status
parse_constant(eo_parser *p, eo_op_state *st)
{
    const eo_attr *v;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    const eo_loc *at = eo_parser_loc(p);
    if ((s = eo_parse_attr(p, NULL, &v)) != EO_OK)
        return s;
    t = eo_attr_type(v);
    if (!t)
        return eo_parser_error_loc(p, at, "expected a typed elements "
                                   "attribute");
    if (eo_parse_optional_keyword(p, "as") &&
        (s = eo_parse_type(p, &t)) != EO_OK)
        return s;
    if ((s = eo_op_state_set_attr(st, "value", v)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, t);
}

/* graph.x %a, %b {attrs} : (Ta, Tb) -> Tr   (or -> (T1, T2)) */
static void
print_op(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op), nr = eo_op_num_results(op);
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, n);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : (");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, i)));
    }
    eo_print_str(p, ") -> ");
    if (nr == 1) {
        eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
        return;
    }
    eo_print_str(p, "(");
    for (size_t i = 0; i < nr; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_result(op, i)));
    }
    eo_print_str(p, ")");
}

static eo_status
parse_op(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs;
    size_t n;
    const eo_type *ft;
    eo_status s;
    if ((s = eo_parse_operand_list(p, &refs, &n)) != EO_OK)
        return s;
    if (n == 0)
        return eo_parser_error(p, "expected SSA operand");
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK)
        return s;
    const eo_loc *at = eo_parser_loc(p);
    if ((s = eo_parse_type(p, &ft)) != EO_OK)
        return s;
    if (eo_type_get_kind(ft) != EO_TYPE_FUNCTION)
        return eo_parser_error_loc(p, at, "expected a functional type "
                                   "'(operand types) -> result types'");
    size_t ni = eo_type_num_inputs(ft), nr = eo_type_num_results(ft);
    if (ni != n)
        return eo_parser_error_loc(p, refs[0].loc, "%zu operands present, "
                                   "but expected %zu", n, ni);
    const eo_type *stack[8], **ins = stack;
    eo_ctx *ctx = eo_parser_ctx(p);
    if (ni > 8) {
        ins = eo_ctx_alloc(ctx, ni * sizeof(*ins));
        if (!ins)
            return eo_parser_error(p, "out of memory");
    }
    for (size_t i = 0; i < ni; i++)
        ins[i] = eo_type_input(ft, i);
    s = eo_parse_resolve_operands(p, refs, n, ins, ni, st);
    if (ins != stack)
        eo_ctx_free(ctx, ins, ni * sizeof(*ins));
    for (size_t i = 0; s == EO_OK && i < nr; i++)
        s = eo_op_state_add_result(st, eo_type_result(ft, i));
    return s;
}

static void
constant_names(eo_op *op, void (*set)(void *ud, unsigned i, const char *name,
                                      size_t len), void *ud)
{
    (void)op;
    set(ud, 0, "cst", 3);
}

/* ------------------------------------------------------------------ */
/* Constant materialization                                            */
/* ------------------------------------------------------------------ */

static eo_op *
materialize_constant(eo_rewriter *rw, const eo_attr *value,
                     const eo_type *type, const eo_loc *loc)
{
    if (!value || !type)
        return NULL;
    eo_attr_kind ak = eo_attr_get_kind(value);
    if (ak != EO_ATTR_DENSE && ak != EO_ATTR_DENSE_RESOURCE)
        return NULL;
    const eo_type *vt = eo_attr_type(value);
    if (vt != type) {
        if (eo_type_get_kind(type) != EO_TYPE_TENSOR ||
            eo_type_get_kind(vt) != EO_TYPE_TENSOR ||
            !eo_type_is_quant(eo_type_elem(type)) ||
            eo_quant_storage_type(eo_type_elem(type)) != eo_type_elem(vt) ||
            eo_type_rank(vt) != eo_type_rank(type))
            return NULL;
        for (size_t i = 0; i < eo_type_rank(vt); i++)
            if (eo_type_dim(vt, i) != eo_type_dim(type, i))
                return NULL;
    }
    if (!graph_static_tensor(type))
        return NULL;
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), &graph_ops[GRAPH_CONSTANT],
                         loc);
    if (eo_op_state_add_result(&st, type) != EO_OK ||
        eo_op_state_set_attr(&st, "value", value) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

/* ------------------------------------------------------------------ */
/* The op table                                                        */
/* ------------------------------------------------------------------ */

#define ACT "activation", "act_min", "act_max", "act_alpha"
#define CONV_COMMON "strides", "dilations", "pads", "auto_pad", "groups"

/* A row: enum, operand count, result count, extra traits, required and
 * optional attributes (NULL for none). */
#define ROW(E, n, nops, nres, tr, req, opt)                                 \
    [GRAPH_##E] = { .name = "graph." #n, .operands = (nops),                \
                    .results = (nres),                                      \
                    .traits = EO_PURE | (tr), .attrs = (req),               \
                    .opt_attrs = (opt), .verify = verify_op,                \
                    .fold = graph_fold, .print = print_op,                  \
                    .parse = parse_op }
#define NAMEONLY EO_ATTRS("name")
#define UNARY(E, n) ROW(E, n, 1, 1, 0, NULL, NAMEONLY)
#define BINARY(E, n, tr) ROW(E, n, 2, 1, tr, NULL, NAMEONLY)

/* Names must match graph_ops.def (checked by eo_graph_register). */
static const eo_op_def graph_ops[GRAPH_NUM_OPS] = {
    [GRAPH_CONSTANT] = { .name = "graph.constant", .operands = 0,
                         .results = 1,
                         .traits = EO_PURE | EO_CONSTANT_LIKE,
                         .attrs = EO_ATTRS("value"), .opt_attrs = NAMEONLY,
                         .verify = verify_op, .print = print_constant,
                         .parse = parse_constant,
                         .result_names = constant_names },
    ROW(CONV2D, conv2d, EO_VARIADIC, 1, 0, NULL,
        EO_ATTRS("name", CONV_COMMON, "layout", ACT)),
    ROW(CONV_TRANSPOSE2D, conv_transpose2d, EO_VARIADIC, 1, 0, NULL,
        EO_ATTRS("name", CONV_COMMON, "output_padding", ACT)),
    ROW(MATMUL, matmul, 2, 1, 0, NULL, EO_ATTRS("name", ACT)),
    ROW(GEMM, gemm, EO_VARIADIC, 1, 0, NULL,
        EO_ATTRS("name", "trans_a", "trans_b", "alpha", "beta", ACT)),
    ROW(ADD, add, 2, 1, EO_COMMUTATIVE, NULL, EO_ATTRS("name", ACT)),
    BINARY(SUB, sub, 0), BINARY(MUL, mul, EO_COMMUTATIVE),
    BINARY(DIV, div, 0), BINARY(MAX, max, EO_COMMUTATIVE),
    BINARY(MIN, min, EO_COMMUTATIVE), BINARY(POW, pow, 0),
    UNARY(NEG, neg), UNARY(ABS, abs), UNARY(SQRT, sqrt), UNARY(EXP, exp),
    UNARY(LOG, log), UNARY(ERF, erf), UNARY(RELU, relu),
    UNARY(SIGMOID, sigmoid), UNARY(TANH, tanh),
    UNARY(HARD_SWISH, hard_swish),
    ROW(GELU, gelu, 1, 1, 0, NULL, EO_ATTRS("name", "approximate")),
    ROW(CLIP, clip, 1, 1, 0, NULL, EO_ATTRS("name", "min", "max")),
    ROW(LEAKY_RELU, leaky_relu, 1, 1, 0, NULL, EO_ATTRS("name", "alpha")),
    ROW(HARD_SIGMOID, hard_sigmoid, 1, 1, 0, NULL,
        EO_ATTRS("name", "alpha", "beta")),
    ROW(SOFTMAX, softmax, 1, 1, 0, NULL, EO_ATTRS("name", "axis")),
    ROW(LOG_SOFTMAX, log_softmax, 1, 1, 0, NULL, EO_ATTRS("name", "axis")),
    ROW(MAX_POOL, max_pool, 1, 1, 0, EO_ATTRS("kernel"),
        EO_ATTRS("name", "strides", "pads", "dilations", "auto_pad",
                 "ceil_mode", "layout")),
    ROW(AVG_POOL, avg_pool, 1, 1, 0, EO_ATTRS("kernel"),
        EO_ATTRS("name", "strides", "pads", "auto_pad", "ceil_mode",
                 "count_include_pad", "layout")),
    ROW(GLOBAL_AVG_POOL, global_avg_pool, 1, 1, 0, NULL,
        EO_ATTRS("name", "layout")),
    ROW(GLOBAL_MAX_POOL, global_max_pool, 1, 1, 0, NULL,
        EO_ATTRS("name", "layout")),
    ROW(BATCH_NORM, batch_norm, 5, 1, 0, NULL,
        EO_ATTRS("name", "epsilon", "layout")),
    ROW(LAYER_NORM, layer_norm, EO_VARIADIC, 1, 0, NULL,
        EO_ATTRS("name", "axis", "epsilon")),
    ROW(RESHAPE, reshape, 1, 1, 0, EO_ATTRS("shape"), NAMEONLY),
    ROW(FLATTEN, flatten, 1, 1, 0, NULL, EO_ATTRS("name", "axis")),
    ROW(TRANSPOSE, transpose, 1, 1, 0, NULL, EO_ATTRS("name", "perm")),
    ROW(CONCAT, concat, EO_VARIADIC, 1, 0, EO_ATTRS("axis"), NAMEONLY),
    ROW(SPLIT, split, 1, EO_VARIADIC, 0, EO_ATTRS("sizes"),
        EO_ATTRS("name", "axis")),
    ROW(SLICE, slice, 1, 1, 0, EO_ATTRS("starts", "ends"),
        EO_ATTRS("name", "axes", "steps")),
    ROW(PAD, pad, 1, 1, 0, EO_ATTRS("pads"),
        EO_ATTRS("name", "mode", "value")),
    ROW(SQUEEZE, squeeze, 1, 1, 0, NULL, EO_ATTRS("name", "axes")),
    ROW(UNSQUEEZE, unsqueeze, 1, 1, 0, EO_ATTRS("axes"), NAMEONLY),
    ROW(GATHER, gather, 2, 1, 0, NULL, EO_ATTRS("name", "axis")),
    ROW(RESIZE, resize, 1, 1, 0, NULL,
        EO_ATTRS("name", "mode", "coordinate_transformation_mode",
                 "nearest_mode", "scales", "layout")),
    ROW(REDUCE_MEAN, reduce_mean, 1, 1, 0, NULL,
        EO_ATTRS("name", "axes", "keepdims")),
    ROW(REDUCE_SUM, reduce_sum, 1, 1, 0, NULL,
        EO_ATTRS("name", "axes", "keepdims")),
    ROW(REDUCE_MAX, reduce_max, 1, 1, 0, NULL,
        EO_ATTRS("name", "axes", "keepdims")),
    UNARY(QUANTIZE, quantize), UNARY(DEQUANTIZE, dequantize),
    UNARY(REQUANTIZE, requantize),
};

static const eo_dialect_desc graph_desc = {
    .name = "graph",
    .ops = graph_ops,
    .num_ops = GRAPH_NUM_OPS,
    .materialize_constant = materialize_constant,
};

eo_status
eo_graph_register(eo_ctx *ctx)
{
    for (size_t i = 0; i < GRAPH_NUM_OPS; i++)
        if (EO_NEVER(strcmp(graph_ops[i].name, op_names[i]) != 0))
            return eo_emit_error(ctx, eo_loc_unknown(ctx), "graph op table "
                                 "row %zu is '%s', expected '%s'", i,
                                 graph_ops[i].name, op_names[i]);
    eo_status st = eo_quant_register(ctx);
    if (st != EO_OK)
        return st;
    return eo_dialect_register_desc(ctx, &graph_desc);
}

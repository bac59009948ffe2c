/* dialects/tl/transforms/graph_to_tl.c - the graph-to-tl pass: lowers
 * graph ops on f32 tensors, and int8 conv2d / matmul / gemm / add / max and
 * average pooling and quantize / dequantize, to tl ops on tensors, op by
 * op, inside a func.func (docs/tl-dialect.md, "Lowering from graph"). The
 * int8 forms compute on the i8 storage with the graph interpreter's
 * (TFLite's) fixed-point arithmetic, bit-exactly.
 *
 * Init values: tl needs an init tensor per out and our dialect set has no
 * tensor.empty, so an out starts as a graph.constant splat zero, filled
 * with tl.fill where the identity is not zero (-inf for max pooling), or
 * as the broadcast bias (convolution, gemm), which the accumulation then
 * adds to. Padding stays a graph.pad (tl has no padded-read form), and
 * filters that need another layout become graph.constant values built at
 * compile time (graph.reshape / graph.transpose when not constant).
 * Data movement becomes tl.generic copies with affine reads: graph.slice,
 * graph.gather of constant indices (a scalar or an arithmetic sequence)
 * and graph.resize in mode nearest where the index map is affine
 * (upsampling: (o + c) floordiv k; downsampling: o * k + c). Where a read
 * would be a plain loop dim over a shorter extent (a slice starting at 0),
 * the op stays for tl-bufferize (a strided subview); graph.concat always
 * does.
 * Those helper graph ops are part of the lowering's output: full=true
 * only rejects ops of the input that have no lowering.
 */
#include "dialects/tl/transforms/transforms.h"

#include "dialects/arith/arith.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/quant/quant.h"
#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

typedef struct g2t_options {
    bool full;
} g2t_options;

/* Lowering result: done (op replaced), not supported, error reported. */
enum { G2T_DONE, G2T_SKIP, G2T_FAIL };

/* ------------------------------------------------------------------ */
/* Building helpers                                                    */
/* ------------------------------------------------------------------ */

static const eo_loc *
g2t_loc(eo_rewriter *rw)
{
    return rw->root ? eo_op_loc(rw->root) : eo_loc_unknown(rw->b.ctx);
}

/* "name"(ops) {attrs} -> t: the result, or NULL (an operand NULL, or no
 * memory). */
static eo_value *
mk(eo_rewriter *rw, const char *name, size_t n, eo_value *const *ops,
   const eo_type *t, size_t nattrs, const char *const *names,
   const eo_attr *const *vals)
{
    for (size_t i = 0; i < n; i++)
        if (!ops[i])
            return NULL;
    for (size_t i = 0; i < nattrs; i++)
        if (!vals[i])
            return NULL;
    if (!t)
        return NULL;
    eo_op_state st;
    eo_op_state_init(&st, rw->b.ctx, name, g2t_loc(rw));
    eo_status s = eo_op_state_add_operands(&st, n, ops);
    if (s == EO_OK)
        s = eo_op_state_add_result(&st, t);
    for (size_t i = 0; s == EO_OK && i < nattrs; i++)
        s = eo_op_state_set_attr(&st, names[i], vals[i]);
    if (s != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *o = eo_rewriter_create(rw, &st);
    return o ? eo_op_result(o, 0) : NULL;
}

static eo_value *
un(eo_rewriter *rw, const char *name, eo_value *a)
{
    return a ? mk(rw, name, 1, &a, eo_value_type(a), 0, NULL, NULL) : NULL;
}

static eo_value *
bin(eo_rewriter *rw, const char *name, eo_value *a, eo_value *b)
{
    eo_value *v[2] = {a, b};
    return a ? mk(rw, name, 2, v, eo_value_type(a), 0, NULL, NULL) : NULL;
}

static eo_value *
cst_f32(eo_rewriter *rw, double v)
{
    const eo_type *f32 = eo_type_get_float(rw->b.ctx, EO_F32);
    const char *n = "value";
    const eo_attr *a = f32 ? eo_attr_get_float(rw->b.ctx, f32, v) : NULL;
    return mk(rw, "arith.constant", 0, NULL, f32, 1, &n, &a);
}

static const eo_type *
tensor_of(eo_ctx *ctx, size_t rank, const int64_t *shape,
          const eo_type *elem)
{
    return eo_type_get_tensor(ctx, rank, shape, elem, NULL);
}

static const eo_attr *
i64_array(eo_ctx *ctx, size_t n, const int64_t *v)
{
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    return i64 ? eo_attr_get_dense_array(ctx, i64, n, v) : NULL;
}

static const eo_attr *
str_attr(eo_ctx *ctx, const char *s)
{
    return eo_attr_get_string(ctx, s, strlen(s), NULL);
}

/* A graph.constant of 'type' with every element zero (the init of an
 * out). */
static eo_value *
zero_tensor(eo_rewriter *rw, const eo_type *type)
{
    unsigned char zero[16] = {0};
    const eo_type *elem = eo_type_elem(type);
    size_t esz = elem ? eo_dense_elem_bytes(elem) : 0;
    if (!esz || esz > sizeof zero)
        return NULL;
    const char *n = "value";
    const eo_attr *a = eo_attr_get_dense(rw->b.ctx, type, zero, esz, true);
    return mk(rw, "graph.constant", 0, NULL, type, 1, &n, &a);
}

/* A graph.constant of 'type' holding host tensor 't' (dense for small
 * tensors, else a new dense_resource blob named after the op's site). */
static eo_value *
const_tensor(eo_rewriter *rw, const eo_type *type, const eo_tensor *t)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_attr *a;
    if (t->nbytes <= 256) {
        a = eo_attr_get_dense(ctx, type, t->data, t->nbytes, false);
    } else {
        eo_strbuf key = {0};
        eo_op_site_key(rw->root, &key);
        for (char *p = key.data; p && *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                  (*p >= '0' && *p <= '9') || *p == '_' || *p == '.'))
                *p = '_';
        eo_strbuf_puts(&key, ".tl_filter");
        eo_resource *r = key.oom ? NULL
                                 : eo_resource_create(ctx, key.data, t->data,
                                                      t->nbytes, 64);
        eo_strbuf_free(&key);
        a = r ? eo_attr_get_dense_resource(ctx, type, r) : NULL;
    }
    const char *n = "value";
    return mk(rw, "graph.constant", 0, NULL, type, 1, &n, &a);
}

/* A tl named op: ins, one out, attributes; its result. */
static eo_value *
tl_named(eo_rewriter *rw, const char *name, size_t nins, eo_value *const *ins,
         eo_value *out, size_t nattrs, const char *const *names,
         const eo_attr *const *vals)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_value *ops[EO_TL_MAX_OPERANDS];
    const char *an[8];
    const eo_attr *av[8];
    if (nins + 1 > EO_TL_MAX_OPERANDS || nattrs + 1 > 8 || !out)
        return NULL;
    for (size_t i = 0; i < nins; i++)
        ops[i] = ins[i];
    ops[nins] = out;
    int32_t seg[2] = {(int32_t)nins, 1};
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    an[0] = "operandSegmentSizes";
    av[0] = i32 ? eo_attr_get_dense_array(ctx, i32, 2, seg) : NULL;
    for (size_t i = 0; i < nattrs; i++) {
        an[i + 1] = names[i];
        av[i + 1] = vals[i];
    }
    return mk(rw, name, nins + 1, ops, eo_value_type(out), nattrs + 1, an,
              av);
}

/* tl.fill of 'type' (a zero constant) with scalar f32 'v'. */
static eo_value *
filled(eo_rewriter *rw, const eo_type *type, double v)
{
    eo_value *z = zero_tensor(rw, type);
    eo_value *s = cst_f32(rw, v);
    return z && s ? tl_named(rw, "tl.fill", 1, &s, z, 0, NULL, NULL) : NULL;
}

/* Emits the scalar body of a generic at rw's insertion point from the
 * block arguments; returns the value to yield, or NULL. */
typedef eo_value *(*body_fn)(eo_rewriter *rw, eo_value *const *args,
                             const void *data);

/* A tl.generic with the given ins, one out, maps (one per operand, each
 * with 'nloops' dims) and iterators ('r' marks a reduction loop in
 * 'kinds', NULL: all parallel); its body from 'body'. Its result. */
static eo_value *
generic(eo_rewriter *rw, size_t nins, eo_value *const *ins, eo_value *out,
        const eo_affine_map *const *maps, unsigned nloops, const char *kinds,
        body_fn body, const void *data)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_attr *ma[EO_TL_MAX_OPERANDS], *it[EO_TL_MAX_LOOPS];
    if (!out || nins + 1 > EO_TL_MAX_OPERANDS || nloops > EO_TL_MAX_LOOPS)
        return NULL;
    for (size_t i = 0; i < nins; i++)
        if (!ins[i])
            return NULL;
    for (size_t i = 0; i <= nins; i++)
        if (!maps[i] || !(ma[i] = eo_attr_get_affine_map(ctx, maps[i])))
            return NULL;
    for (unsigned i = 0; i < nloops; i++) {
        const char *k = kinds && kinds[i] == 'r' ? "reduction" : "parallel";
        if (!(it[i] = str_attr(ctx, k)))
            return NULL;
    }
    const eo_attr *mattr = eo_attr_get_array(ctx, nins + 1, ma);
    const eo_attr *iattr = eo_attr_get_array(ctx, nloops, it);
    eo_op *g = eo_tl_generic_build(rw, nins, ins, 1, &out, mattr, iattr);
    if (!g)
        return NULL;
    eo_block *b = eo_region_first(eo_op_region(g, 0));
    eo_value *args[EO_TL_MAX_OPERANDS];
    for (size_t i = 0; i <= nins; i++)
        args[i] = eo_block_arg(b, i);
    eo_builder saved = rw->b;
    eo_builder_set_end(&rw->b, b);
    eo_value *y = body(rw, args, data);
    bool ok = y != NULL;
    if (ok) {
        eo_op_state st;
        eo_op_state_init(&st, ctx, "tl.yield", g2t_loc(rw));
        ok = eo_op_state_add_operand(&st, y) == EO_OK;
        if (!ok)
            eo_op_state_release(&st);
        else
            ok = eo_rewriter_create(rw, &st) != NULL;
    }
    rw->b = saved;
    return ok ? eo_op_result(g, 0) : NULL;
}

/* The map from 'nloops' loops to an operand of 'rank' dims broadcast
 * against an out of rank 'nloops' (NumPy: aligned at the end; a size-1
 * dim against a bigger one reads index 0). */
static const eo_affine_map *
bcast_map(eo_ctx *ctx, unsigned nloops, const eo_type *in,
          const eo_type *outt)
{
    const eo_affine_expr *r[EO_GRAPH_MAX_RANK];
    size_t rank = eo_type_rank(in);
    if (rank > nloops)
        return NULL;
    for (size_t j = 0; j < rank; j++) {
        unsigned d = (unsigned)(nloops - rank + j);
        bool b = eo_type_dim(in, j) == 1 && eo_type_dim(outt, d) != 1;
        r[j] = b ? eo_affine_const(ctx, 0) : eo_affine_dim(ctx, d);
    }
    return eo_affine_map_get(ctx, nloops, 0, rank, r);
}

/* ------------------------------------------------------------------ */
/* Scalar bodies                                                       */
/* ------------------------------------------------------------------ */

/* The scalar form of unary graph op 'k' (or of an activation, below) on
 * f32 'x'. */
typedef struct unary_spec {
    int kind;                 /* eo_graph_op, or -1 - eo_graph_act */
    double a, b;              /* clip bounds / alpha, beta */
} unary_spec;

static eo_value *
scalar_unary(eo_rewriter *rw, const unary_spec *u, eo_value *x)
{
    eo_value *zero, *one;
    if (u->kind < 0) {
        switch ((eo_graph_act)(-1 - u->kind)) {
        case EO_ACT_NONE:
            return x;
        case EO_ACT_RELU:
            return bin(rw, "arith.maximumf", x, cst_f32(rw, 0.0));
        case EO_ACT_RELU6:
        case EO_ACT_CLIP:
            if (!isinf(u->a))
                x = bin(rw, "arith.maximumf", x, cst_f32(rw, u->a));
            if (!isinf(u->b))
                x = bin(rw, "arith.minimumf", x, cst_f32(rw, u->b));
            return x;
        case EO_ACT_LEAKY_RELU: {
            eo_value *c[2] = {NULL, NULL};
            zero = cst_f32(rw, 0.0);
            eo_value *ax = bin(rw, "arith.mulf", x, cst_f32(rw, u->a));
            eo_value *v[2] = {x, zero};
            const char *n = "predicate";
            const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
            const eo_attr *p = i64 ? eo_attr_get_int(rw->b.ctx, i64,
                                                     ARITH_CMPF_OLT)
                                   : NULL;
            c[0] = mk(rw, "arith.cmpf", 2, v, eo_type_get_int(rw->b.ctx, 1),
                      1, &n, &p);
            eo_value *s[3] = {c[0], ax, x};
            return mk(rw, "arith.select", 3, s, eo_value_type(x), 0, NULL,
                      NULL);
        }
        case EO_ACT_SIGMOID:
            one = cst_f32(rw, 1.0);
            return bin(rw, "arith.divf", one,
                       bin(rw, "arith.addf", one,
                           un(rw, "math.exp", un(rw, "arith.negf", x))));
        case EO_ACT_TANH:
            return un(rw, "math.tanh", x);
        case EO_ACT_HARD_SWISH: {
            /* x * min(max(x + 3, 0), 6) / 6 */
            eo_value *t = bin(rw, "arith.addf", x, cst_f32(rw, 3.0));
            t = bin(rw, "arith.maximumf", t, cst_f32(rw, 0.0));
            t = bin(rw, "arith.minimumf", t, cst_f32(rw, 6.0));
            return bin(rw, "arith.divf", bin(rw, "arith.mulf", x, t),
                       cst_f32(rw, 6.0));
        }
        }
        return NULL;
    }
    switch ((eo_graph_op)u->kind) {
    case GRAPH_NEG:
        return un(rw, "arith.negf", x);
    case GRAPH_ABS:
        return un(rw, "math.absf", x);
    case GRAPH_SQRT:
        return un(rw, "math.sqrt", x);
    case GRAPH_EXP:
        return un(rw, "math.exp", x);
    case GRAPH_LOG:
        return un(rw, "math.log", x);
    case GRAPH_ERF:
        return un(rw, "math.erf", x);
    case GRAPH_HARD_SIGMOID: {
        eo_value *t = bin(rw, "arith.mulf", x, cst_f32(rw, u->a));
        t = bin(rw, "arith.addf", t, cst_f32(rw, u->b));
        t = bin(rw, "arith.maximumf", t, cst_f32(rw, 0.0));
        return bin(rw, "arith.minimumf", t, cst_f32(rw, 1.0));
    }
    default:
        return NULL;
    }
}

static eo_value *
body_unary(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    return scalar_unary(rw, data, args[0]);
}

/* Binary graph op on two f32 scalars. */
static eo_value *
body_binary(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    static const char *const names[] = {
        [GRAPH_ADD] = "arith.addf", [GRAPH_SUB] = "arith.subf",
        [GRAPH_MUL] = "arith.mulf", [GRAPH_DIV] = "arith.divf",
        [GRAPH_MAX] = "arith.maximumf", [GRAPH_MIN] = "arith.minimumf",
        [GRAPH_POW] = "math.powf",
    };
    int k = *(const int *)data;
    return bin(rw, names[k], args[0], args[1]);
}

/* Yields the (broadcast) in, times the f32 in 'data' when not NULL. */
static eo_value *
body_scaled_copy(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const double *scale = data;
    return scale ? bin(rw, "arith.mulf", args[0], cst_f32(rw, *scale))
                 : args[0];
}

/* acc + a * b (times alpha when 'data' is not NULL). */
static eo_value *
body_mac(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    eo_value *p = bin(rw, "arith.mulf", args[0], args[1]);
    if (data)
        p = bin(rw, "arith.mulf", p, cst_f32(rw, *(const double *)data));
    return bin(rw, "arith.addf", args[2], p);
}

/* Softmax steps: max / sum reductions, exp(x - m), e / s and the
 * log_softmax result (x - m) - log(s). */
static eo_value *
body_softmax(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    switch (*(const int *)data) {
    case 0:
        return bin(rw, "arith.maximumf", args[1], args[0]);
    case 1:
        return un(rw, "math.exp", bin(rw, "arith.subf", args[0], args[1]));
    case 2:
        return bin(rw, "arith.addf", args[1], args[0]);
    case 3:
        return bin(rw, "arith.divf", args[0], args[1]);
    default:
        return bin(rw, "arith.subf",
                   bin(rw, "arith.subf", args[0], args[1]),
                   un(rw, "math.log", args[2]));
    }
}

/* ------------------------------------------------------------------ */
/* Shared pieces of the lowerings                                      */
/* ------------------------------------------------------------------ */

static bool
is_f32_tensor(const eo_value *v)
{
    const eo_type *t = eo_value_type(v);
    const eo_type *e = eo_type_elem(t);
    return eo_type_get_kind(t) == EO_TYPE_TENSOR && eo_type_has_rank(t) &&
           eo_type_num_elements(t) >= 0 && e && eo_type_is_float(e) &&
           eo_type_float_kind(e) == EO_F32;
}

/* All operands and results of 'op' f32 tensors of static shape. */
static bool
all_f32(const eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (!is_f32_tensor(eo_op_operand(op, i)))
            return false;
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (!is_f32_tensor(eo_op_result(op, i)))
            return false;
    return true;
}

/* Elementwise unary 'u' on 'x' (out of x's type): tl.elementwise when
 * the kind has a named form, else a tl.generic. */
static eo_value *
lower_unary(eo_rewriter *rw, const unary_spec *u, eo_value *x)
{
    const char *kind = NULL;
    if (u->kind == -1 - (int)EO_ACT_NONE)
        return x;
    if (u->kind == GRAPH_RELU || u->kind == -1 - (int)EO_ACT_RELU)
        kind = "relu";
    else if (u->kind == GRAPH_NEG)
        kind = "neg";
    else if (u->kind == GRAPH_ABS)
        kind = "abs";
    else if (u->kind == GRAPH_EXP)
        kind = "exp";
    else if (u->kind == GRAPH_SQRT)
        kind = "sqrt";
    else if (u->kind == GRAPH_TANH || u->kind == -1 - (int)EO_ACT_TANH)
        kind = "tanh";
    else if (u->kind == GRAPH_SIGMOID || u->kind == -1 - (int)EO_ACT_SIGMOID)
        kind = "sigmoid";
    const eo_type *t = eo_value_type(x);
    eo_value *init = zero_tensor(rw, t);
    if (kind) {
        const char *n = "kind";
        const eo_attr *a = str_attr(rw->b.ctx, kind);
        return tl_named(rw, "tl.elementwise", 1, &x, init, 1, &n, &a);
    }
    unsigned r = (unsigned)eo_type_rank(t);
    const eo_affine_map *id = eo_affine_map_identity(rw->b.ctx, r);
    const eo_affine_map *maps[2] = {id, id};
    return generic(rw, 1, &x, init, maps, r, NULL, body_unary, u);
}

static eo_value *
apply_activation(eo_rewriter *rw, const eo_op *op, eo_value *x)
{
    eo_graph_activation a = eo_graph_op_activation(op);
    unary_spec u = {.kind = -1 - (int)a.kind, .a = a.min, .b = a.max};
    if (a.kind == EO_ACT_LEAKY_RELU)
        u.a = a.alpha;
    return lower_unary(rw, &u, x);
}

/* An out of type 't' initialized to 'bias' (rank-1, length t's dim
 * 'axis') broadcast along every other dim, or to zero without bias. */
static eo_value *
bias_init(eo_rewriter *rw, const eo_type *t, eo_value *bias, size_t axis)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_value *z = zero_tensor(rw, t);
    if (!bias)
        return z;
    unsigned r = (unsigned)eo_type_rank(t);
    const eo_affine_expr *e = eo_affine_dim(ctx, (unsigned)axis);
    const eo_affine_map *maps[2] = {eo_affine_map_get(ctx, r, 0, 1, &e),
                                    eo_affine_map_identity(ctx, r)};
    return generic(rw, 1, &bias, z, maps, r, NULL, body_scaled_copy, NULL);
}

/* graph.pad of 'x' (4-D) by pads [top, left, bottom, right] with 'value';
 * x itself when all are zero. */
static eo_value *
pad_input(eo_rewriter *rw, eo_value *x, bool nhwc, const int64_t *pad,
          double value)
{
    eo_ctx *ctx = rw->b.ctx;
    if (!pad[0] && !pad[1] && !pad[2] && !pad[3])
        return x;
    size_t hd = nhwc ? 1 : 2;
    int64_t p[8] = {0}, shape[4];
    p[hd] = pad[0];
    p[hd + 1] = pad[1];
    p[4 + hd] = pad[2];
    p[4 + hd + 1] = pad[3];
    const eo_type *t = eo_value_type(x);
    for (size_t i = 0; i < 4; i++)
        shape[i] = eo_type_dim(t, i) + p[i] + p[4 + i];
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const char *n[2] = {"pads", "value"};
    const eo_attr *v[2] = {i64_array(ctx, 8, p),
                           f32 ? eo_attr_get_float(ctx, f32, value) : NULL};
    return mk(rw, "graph.pad", 1, &x,
              tensor_of(ctx, 4, shape, eo_type_elem(t)), value ? 2 : 1, n,
              v);
}

/* Filter 'w' with its dims permuted by 'perm' into shape 'shape' (a
 * plain reshape when perm is NULL): a new constant when w is a constant
 * with data, else graph.transpose / graph.reshape. */
static eo_value *
relayout_filter(eo_rewriter *rw, eo_value *w, size_t rank,
                const int64_t *shape, const int64_t *perm)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *wt = eo_value_type(w);
    const eo_type *t = tensor_of(ctx, rank, shape, eo_type_elem(wt));
    const eo_attr *cv = eo_value_constant(w);
    eo_tensor in;
    if (!t)
        return NULL;
    if (cv && eo_tensor_from_attr(ctx, g2t_loc(rw), cv, &in) == EO_OK) {
        eo_tensor out;
        eo_value *r = NULL;
        size_t esz = eo_dtype_size(in.dtype);
        if (eo_tensor_alloc(&out, in.dtype, rank, shape) == EO_OK) {
            const unsigned char *src = in.data;
            unsigned char *dst = out.data;
            int64_t n = eo_tensor_numel(&out);
            if (!perm) {
                memcpy(dst, src, out.nbytes);
            } else {
                /* Out element e (row-major over 'shape') is in element
                 * off = sum idx[i] * istr[perm[i]]; the index and the
                 * offset are stepped as e counts up (this runs for every
                 * filter of every candidate the explorer evaluates). */
                int64_t istr[EO_GRAPH_MAX_RANK], idx[EO_GRAPH_MAX_RANK];
                int64_t ostr[EO_GRAPH_MAX_RANK];
                istr[in.rank - 1] = 1;
                for (size_t i = in.rank - 1; i > 0; i--)
                    istr[i - 1] = istr[i] * in.shape[i];
                for (size_t i = 0; i < rank; i++) {
                    idx[i] = 0;
                    ostr[i] = istr[perm[i]];
                }
                int64_t off = 0;
                for (int64_t e = 0; e < n; e++) {
                    unsigned char *d = dst + (size_t)e * esz;
                    const unsigned char *sp = src + (size_t)off * esz;
                    if (esz == 4)
                        memcpy(d, sp, 4);
                    else
                        memcpy(d, sp, esz);
                    for (size_t i = rank; i-- > 0;) {
                        if (++idx[i] < shape[i]) {
                            off += ostr[i];
                            break;
                        }
                        off -= (shape[i] - 1) * ostr[i];
                        idx[i] = 0;
                    }
                }
            }
            r = const_tensor(rw, t, &out);
            eo_tensor_free(&out);
        }
        eo_tensor_free(&in);
        return r;
    }
    const char *n = perm ? "perm" : "shape";
    const eo_attr *a = i64_array(ctx, rank, perm ? perm : shape);
    return mk(rw, perm ? "graph.transpose" : "graph.reshape", 1, &w, t, 1,
              &n, &a);
}

/* ------------------------------------------------------------------ */
/* Lowerings                                                           */
/* ------------------------------------------------------------------ */

static int
lower_conv(eo_rewriter *rw, eo_op *op)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_graph_conv p;
    if (!all_f32(op) || eo_graph_conv_params(op, &p) != EO_OK)
        return G2T_SKIP;
    bool dw = p.groups > 1 && p.groups == p.c && p.o == p.c;
    if (p.groups != 1 && !dw)
        return G2T_SKIP;
    eo_value *x = eo_op_operand(op, 0), *w = eo_op_operand(op, 1);
    eo_value *bias = eo_op_num_operands(op) > 2 ? eo_op_operand(op, 2)
                                                : NULL;
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const char *layout;
    int64_t shape[4];
    if (!dw && !p.nhwc) {
        layout = "nchw_fchw";
    } else if (!dw) {       /* OHWI -> HWCF */
        static const int64_t perm[4] = {1, 2, 3, 0};
        layout = "nhwc_hwcf";
        shape[0] = p.kh, shape[1] = p.kw, shape[2] = p.c, shape[3] = p.o;
        w = relayout_filter(rw, w, 4, shape, perm);
    } else if (!p.nhwc) {   /* [C, 1, KH, KW] -> [C, KH, KW] */
        layout = "nchw_chw";
        shape[0] = p.c, shape[1] = p.kh, shape[2] = p.kw;
        w = relayout_filter(rw, w, 3, shape, NULL);
    } else {                /* [C, KH, KW, 1] -> [KH, KW, C] */
        static const int64_t perm[3] = {1, 2, 0};
        layout = "nhwc_hwc";
        shape[0] = p.kh, shape[1] = p.kw, shape[2] = p.c;
        int64_t flat[3] = {p.c, p.kh, p.kw};
        w = relayout_filter(rw, w, 3, flat, NULL);
        w = w ? relayout_filter(rw, w, 3, shape, perm) : NULL;
    }
    x = pad_input(rw, x, p.nhwc, p.pad, 0.0);
    eo_value *init = bias_init(rw, rt, bias, p.nhwc ? 3 : 1);
    const char *n[3] = {"layout", "strides", "dilations"};
    const eo_attr *v[3] = {str_attr(ctx, layout), i64_array(ctx, 2, p.stride),
                           i64_array(ctx, 2, p.dilation)};
    eo_value *ins[2] = {x, w};
    eo_value *y = tl_named(rw, dw ? "tl.depthwise_conv2d" : "tl.conv2d", 2,
                           ins, init, 3, n, v);
    y = y ? apply_activation(rw, op, y) : NULL;
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

static int
lower_matmul_gemm(eo_rewriter *rw, eo_op *op, bool gemm)
{
    eo_ctx *ctx = rw->b.ctx;
    if (!all_f32(op))
        return G2T_SKIP;
    eo_value *a = eo_op_operand(op, 0), *b = eo_op_operand(op, 1);
    if (eo_type_rank(eo_value_type(a)) != 2 ||
        eo_type_rank(eo_value_type(b)) != 2)
        return G2T_SKIP;
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    bool ta = gemm && eo_graph_attr_bool(op, "trans_a", false);
    bool tb = gemm && eo_graph_attr_bool(op, "trans_b", false);
    double alpha = gemm ? eo_graph_attr_float(op, "alpha", 1.0) : 1.0;
    double beta = gemm ? eo_graph_attr_float(op, "beta", 1.0) : 1.0;
    eo_value *c = gemm && eo_op_num_operands(op) > 2 ? eo_op_operand(op, 2)
                                                     : NULL;
    eo_value *init = zero_tensor(rw, rt);
    if (c && beta != 0.0) {
        const eo_affine_map *maps[2] = {
            bcast_map(ctx, 2, eo_value_type(c), rt),
            eo_affine_map_identity(ctx, 2)};
        init = generic(rw, 1, &c, init, maps, 2, NULL, body_scaled_copy,
                       beta != 1.0 ? &beta : NULL);
    }
    eo_value *y;
    eo_value *ins[2] = {a, b};
    if (!ta && !tb && alpha == 1.0) {
        y = tl_named(rw, "tl.matmul", 2, ins, init, 0, NULL, NULL);
    } else {
        const eo_affine_expr *m = eo_affine_dim(ctx, 0);
        const eo_affine_expr *nn = eo_affine_dim(ctx, 1);
        const eo_affine_expr *k = eo_affine_dim(ctx, 2);
        const eo_affine_expr *ea[2] = {ta ? k : m, ta ? m : k};
        const eo_affine_expr *eb[2] = {tb ? nn : k, tb ? k : nn};
        const eo_affine_expr *ec[2] = {m, nn};
        const eo_affine_map *maps[3] = {eo_affine_map_get(ctx, 3, 0, 2, ea),
                                        eo_affine_map_get(ctx, 3, 0, 2, eb),
                                        eo_affine_map_get(ctx, 3, 0, 2, ec)};
        y = generic(rw, 2, ins, init, maps, 3, "ppr", body_mac,
                    alpha != 1.0 ? &alpha : NULL);
    }
    y = y ? apply_activation(rw, op, y) : NULL;
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

static int
lower_binary(eo_rewriter *rw, eo_op *op, int k)
{
    eo_ctx *ctx = rw->b.ctx;
    static const char *const kinds[] = {
        [GRAPH_ADD] = "add", [GRAPH_SUB] = "sub", [GRAPH_MUL] = "mul",
        [GRAPH_DIV] = "div", [GRAPH_MAX] = "max", [GRAPH_MIN] = "min",
        [GRAPH_POW] = NULL,
    };
    if (!all_f32(op))
        return G2T_SKIP;
    eo_value *ins[2] = {eo_op_operand(op, 0), eo_op_operand(op, 1)};
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    eo_value *init = zero_tensor(rw, rt), *y;
    if (kinds[k] && eo_value_type(ins[0]) == rt &&
        eo_value_type(ins[1]) == rt) {
        const char *n = "kind";
        const eo_attr *a = str_attr(ctx, kinds[k]);
        y = tl_named(rw, "tl.elementwise", 2, ins, init, 1, &n, &a);
    } else {
        unsigned r = (unsigned)eo_type_rank(rt);
        const eo_affine_map *maps[3] = {
            bcast_map(ctx, r, eo_value_type(ins[0]), rt),
            bcast_map(ctx, r, eo_value_type(ins[1]), rt),
            eo_affine_map_identity(ctx, r)};
        y = generic(rw, 2, ins, init, maps, r, NULL, body_binary, &k);
    }
    if (y && k == GRAPH_ADD)
        y = apply_activation(rw, op, y);
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

static int
lower_unary_op(eo_rewriter *rw, eo_op *op, int k)
{
    if (!all_f32(op))
        return G2T_SKIP;
    unary_spec u = {.kind = k};
    if (k == GRAPH_CLIP) {
        u.kind = -1 - (int)EO_ACT_CLIP;
        u.a = eo_graph_attr_float(op, "min", -INFINITY);
        u.b = eo_graph_attr_float(op, "max", INFINITY);
    } else if (k == GRAPH_LEAKY_RELU) {
        u.kind = -1 - (int)EO_ACT_LEAKY_RELU;
        u.a = eo_graph_attr_float(op, "alpha", 0.01);
    } else if (k == GRAPH_HARD_SWISH) {
        u.kind = -1 - (int)EO_ACT_HARD_SWISH;
    } else if (k == GRAPH_HARD_SIGMOID) {
        u.a = eo_graph_attr_float(op, "alpha", 0.2);
        u.b = eo_graph_attr_float(op, "beta", 0.5);
    }
    eo_value *y = lower_unary(rw, &u, eo_op_operand(op, 0));
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

static int
lower_pool(eo_rewriter *rw, eo_op *op, int k)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_graph_conv p;
    if (!all_f32(op) || eo_graph_conv_params(op, &p) != EO_OK)
        return G2T_SKIP;
    bool max = k == GRAPH_MAX_POOL || k == GRAPH_GLOBAL_MAX_POOL;
    bool padded = p.pad[0] || p.pad[1] || p.pad[2] || p.pad[3];
    if (k == GRAPH_AVG_POOL && padded && !p.count_include_pad)
        return G2T_SKIP;
    if (k == GRAPH_GLOBAL_AVG_POOL || k == GRAPH_GLOBAL_MAX_POOL) {
        p.kh = p.h, p.kw = p.w;
        p.stride[0] = p.stride[1] = p.dilation[0] = p.dilation[1] = 1;
        memset(p.pad, 0, sizeof p.pad);
    }
    /* ceil_mode windows that run past the padded input have no tl form. */
    for (int i = 0; i < 2; i++) {
        int64_t in = (i ? p.w : p.h) + p.pad[i] + p.pad[i + 2];
        int64_t kk = i ? p.kw : p.kh;
        int64_t o = (in - (p.dilation[i] * (kk - 1) + 1)) / p.stride[i] + 1;
        if (o != (i ? p.wo : p.ho))
            return G2T_SKIP;
    }
    eo_value *x = pad_input(rw, eo_op_operand(op, 0), p.nhwc, p.pad,
                            max ? -INFINITY : 0.0);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    eo_value *init = max ? filled(rw, rt, -INFINITY) : zero_tensor(rw, rt);
    int64_t win[2] = {p.kh, p.kw};
    const char *n[5] = {"kind", "window", "layout", "strides", "dilations"};
    const eo_attr *v[5] = {str_attr(ctx, max ? "max" : "avg"),
                           i64_array(ctx, 2, win),
                           str_attr(ctx, p.nhwc ? "nhwc" : "nchw"),
                           i64_array(ctx, 2, p.stride),
                           i64_array(ctx, 2, p.dilation)};
    eo_value *y = tl_named(rw, "tl.pool", 1, &x, init, 5, n, v);
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

/* softmax / log_softmax over one axis: a max reduction, exp(x - max), a
 * sum reduction, then e / sum (log_softmax: x - max - log(sum)); the
 * reductions write tensors without the axis. */
static int
lower_softmax(eo_rewriter *rw, eo_op *op, bool log)
{
    eo_ctx *ctx = rw->b.ctx;
    if (!all_f32(op))
        return G2T_SKIP;
    eo_value *x = eo_op_operand(op, 0);
    const eo_type *t = eo_value_type(x);
    size_t r = eo_type_rank(t);
    int64_t axis = eo_graph_attr_int(op, "axis", -1);
    if (axis < 0)
        axis += (int64_t)r;
    if (r < 1 || axis < 0 || axis >= (int64_t)r)
        return G2T_SKIP;
    int64_t rshape[EO_GRAPH_MAX_RANK];
    const eo_affine_expr *re[EO_GRAPH_MAX_RANK];
    char kinds[EO_GRAPH_MAX_RANK + 1] = {0};
    size_t n = 0;
    for (size_t i = 0; i < r; i++) {
        kinds[i] = (int64_t)i == axis ? 'r' : 'p';
        if ((int64_t)i == axis)
            continue;
        rshape[n] = eo_type_dim(t, i);
        re[n++] = eo_affine_dim(ctx, (unsigned)i);
    }
    const eo_type *rt = tensor_of(ctx, n, rshape, eo_type_elem(t));
    const eo_affine_map *id = eo_affine_map_identity(ctx, (unsigned)r);
    const eo_affine_map *red = eo_affine_map_get(ctx, (unsigned)r, 0, n, re);
    const eo_affine_map *mr[2] = {id, red};
    const eo_affine_map *m2[3] = {id, red, id};
    const eo_affine_map *m3[4] = {id, red, red, id};
    static const int steps[5] = {0, 1, 2, 3, 4};
    eo_value *mx = generic(rw, 1, &x, filled(rw, rt, -INFINITY), mr,
                           (unsigned)r, kinds, body_softmax, &steps[0]);
    eo_value *in2[2] = {x, mx};
    eo_value *e = generic(rw, 2, in2, zero_tensor(rw, t), m2, (unsigned)r,
                          NULL, body_softmax, &steps[1]);
    eo_value *sum = generic(rw, 1, &e, zero_tensor(rw, rt), mr,
                            (unsigned)r, kinds, body_softmax, &steps[2]);
    eo_value *y;
    if (!log) {
        eo_value *in3[2] = {e, sum};
        y = generic(rw, 2, in3, zero_tensor(rw, t), m2, (unsigned)r, NULL,
                    body_softmax, &steps[3]);
    } else {
        eo_value *in3[3] = {x, mx, sum};
        y = generic(rw, 3, in3, zero_tensor(rw, t), m3, (unsigned)r, NULL,
                    body_softmax, &steps[4]);
    }
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

/* ------------------------------------------------------------------ */
/* Quantized (int8) convolution                                        */
/* ------------------------------------------------------------------ */

/* The params of 'v' if it is a tensor of signed 8-bit quant type whose
 * shape is static. */
static bool
q8(const eo_value *v, eo_quant_params *p)
{
    const eo_type *t = eo_value_type(v);
    const eo_type *e = eo_type_elem(t);
    return eo_type_get_kind(t) == EO_TYPE_TENSOR && eo_type_has_rank(t) &&
           eo_type_num_elements(t) >= 0 && e && eo_quant_get_params(e, p) &&
           p->is_signed && p->storage_bits == 8;
}

/* 'v' as a tensor of its storage type: a graph.constant of the same
 * value when it is one, else builtin.unrealized_conversion_cast. */
static eo_value *
to_storage(eo_rewriter *rw, eo_value *v)
{
    const eo_type *t = eo_value_type(v);
    const eo_type *st = tensor_of(rw->b.ctx, eo_type_rank(t),
                                  eo_type_shape(t),
                                  eo_quant_storage_type(eo_type_elem(t)));
    if (st == t)
        return v;
    const eo_attr *cv = eo_value_constant(v);
    const char *n = "value";
    if (cv && eo_attr_type(cv) == st)
        return mk(rw, "graph.constant", 0, NULL, st, 1, &n, &cv);
    return mk(rw, "builtin.unrealized_conversion_cast", 1, &v, st, 0, NULL,
              NULL);
}

static eo_value *
conv_to(eo_rewriter *rw, const char *name, eo_value *a, const eo_type *t)
{
    return a ? mk(rw, name, 1, &a, t, 0, NULL, NULL) : NULL;
}

static eo_value *
cst_i(eo_rewriter *rw, const eo_type *t, int64_t v)
{
    const char *n = "value";
    const eo_attr *a = eo_attr_get_int(rw->b.ctx, t, v);
    return mk(rw, "arith.constant", 0, NULL, t, 1, &n, &a);
}

/* arith.cmpi / arith.cmpf 'name' with predicate 'pred'. */
static eo_value *
cmp(eo_rewriter *rw, const char *name, int pred, eo_value *a, eo_value *b)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_value *v[2] = {a, b};
    const char *n = "predicate";
    const eo_attr *p = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64), pred);
    return mk(rw, name, 2, v, eo_type_get_int(ctx, 1), 1, &n, &p);
}

static eo_value *
select3(eo_rewriter *rw, eo_value *c, eo_value *a, eo_value *b)
{
    eo_value *v[3] = {c, a, b};
    return a ? mk(rw, "arith.select", 3, v, eo_value_type(a), 0, NULL, NULL)
             : NULL;
}

/* min(hi, max(lo, x)) on an i64 scalar. */
static eo_value *
clamp_i64(eo_rewriter *rw, eo_value *x, int64_t lo, int64_t hi)
{
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    x = bin(rw, "arith.maxsi", x, cst_i(rw, i64, lo));
    return bin(rw, "arith.minsi", x, cst_i(rw, i64, hi));
}

/* An inclusive integer clamp range [lo, hi]. */
typedef struct clamp_spec {
    int64_t lo, hi;
} clamp_spec;

/* TFLite's rounding of a real activation bound into the stored domain
 * (half away from zero, saturated to [lo, hi]). */
static int64_t
q_bound(float f, double scale, int64_t zp, int64_t lo, int64_t hi)
{
    float r = roundf(f / (float)scale);
    if (isnan(r))
        return zp;
    double v = (double)r + (double)zp;
    return v <= (double)lo ? lo : v >= (double)hi ? hi : (int64_t)v;
}

/* The stored-domain clamp of op's fused activation on result params
 * 'py' (TFLite's CalculateActivationRangeQuantized); false for
 * activations other than relu, relu6 and clip. */
static bool
q_clamp(const eo_op *op, const eo_quant_params *pp, clamp_spec *c)
{
    eo_graph_activation act = eo_graph_op_activation(op);
    eo_quant_params py = *pp;
    clamp_spec cl = {py.storage_min, py.storage_max};
    int64_t zy = py.zero_points[0];
    double sy = py.scales[0];
    switch (act.kind) {
    case EO_ACT_NONE:
        break;
    case EO_ACT_RELU:
        cl.lo = q_bound(0.0f, sy, zy, cl.lo, cl.hi);
        break;
    case EO_ACT_RELU6:
    case EO_ACT_CLIP: {
        float lo = act.kind == EO_ACT_RELU6 ? 0.0f : act.min;
        float hi = act.kind == EO_ACT_RELU6 ? 6.0f : act.max;
        int64_t l = q_bound(lo, sy, zy, cl.lo, cl.hi);
        cl.hi = q_bound(hi, sy, zy, cl.lo, cl.hi);
        cl.lo = l;
        break;
    }
    default:
        return false;
    }
    *c = cl;
    return true;
}

/* The output stage of an int8 op for one multiplier m: with (q, shift)
 * from eo_quant_multiplier and e = max(-shift, 0), the interpreter's
 * clamp(eo_quant_apply_multiplier(x, q, shift) + zp) as one shift of a
 * 64-bit product. The rounding doubling high multiply is
 * h = (x q + 2^30) >> 31 for either sign of x q (gemmlowp's truncating
 * division with its nudge is that floor); the rounding right shift (ties
 * away from zero) is (h + 2^(e-1) - [h < 0]) >> e for e > 0; and nested
 * floor shifts compose, so the two are (x q + K) >> (31 + e) with
 * K = 2^30 + 2^(e-1) 2^31 + zp 2^(31+e), less 2^31 when h < 0, i.e.
 * x q < -2^30 (e > 0 only). zp is folded in while zp 2^(31+e) stays far
 * inside the i64 range (e <= 22 for 8-bit zero points), else added
 * after the shift. A positive shift first shifts x left, saturated to
 * the i32 range, as the interpreter. */
typedef struct qout_mult {
    int64_t q, k, kneg, sh, left;
} qout_mult;

enum { QOUT_MAX_FOLD_E = 22 };

static void
qout_mult_of(double m, int64_t zp, bool fold_zp, qout_mult *r)
{
    int32_t q;
    int s;
    eo_quant_multiplier(m, &q, &s);
    int e = s > 0 ? 0 : -s;
    r->q = q;
    r->left = s > 32 ? 32 : s > 0 ? s : 0;
    r->sh = 31 + e;
    r->k = INT64_C(1) << 30;
    if (e)
        r->k += (INT64_C(1) << (e - 1)) * (INT64_C(1) << 31);
    if (fold_zp)
        r->k += zp * (INT64_C(1) << (31 + e));
    r->kneg = e ? r->k - (INT64_C(1) << 31) : r->k;
}

/* The output stage: per tensor (n == 1, constants in the body) or per
 * channel, reading per element q from an i32 table and K packed with
 * its shift from an i64 table indexed by the channel (K is a multiple
 * of 2^30, so bits 0-5 hold 31 + e and bit 6 whether e > 0), and left
 * from a third (i64) table when some channel has a positive shift. */
typedef struct qout_spec {
    size_t n;
    const qout_mult *m;     /* n entries */
    bool any_left, any_e, all_e, fold_zp;
    int64_t zp, lo, hi;
    int64_t in_zp;          /* subtracted from the (i8) in first */
} qout_spec;

static eo_value *
body_qout(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const qout_spec *s = data;
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    bool chan = s->n > 1;
    size_t nin = chan ? (s->any_left ? 4 : 3) : 1;
    eo_value *x = conv_to(rw, "arith.extsi", args[0], i64), *q, *k, *kn, *sh;
    if (s->in_zp)
        x = bin(rw, "arith.subi", x, cst_i(rw, i64, s->in_zp));
    if (chan) {
        q = conv_to(rw, "arith.extsi", args[1], i64);
        sh = bin(rw, "arith.andi", args[2], cst_i(rw, i64, 63));
        k = bin(rw, "arith.andi", args[2], cst_i(rw, i64, ~INT64_C(127)));
        if (s->all_e)
            kn = bin(rw, "arith.addi", k, cst_i(rw, i64,
                                                -(INT64_C(1) << 31)));
        else
            kn = bin(rw, "arith.subi", k,
                     bin(rw, "arith.shli",
                         bin(rw, "arith.andi", args[2], cst_i(rw, i64, 64)),
                         cst_i(rw, i64, 25)));
    } else {
        q = cst_i(rw, i64, s->m[0].q);
        sh = cst_i(rw, i64, s->m[0].sh);
        k = cst_i(rw, i64, s->m[0].k);
        kn = cst_i(rw, i64, s->m[0].kneg);
    }
    if (s->any_left) {
        eo_value *l = chan ? args[3] : cst_i(rw, i64, s->m[0].left);
        x = clamp_i64(rw, bin(rw, "arith.shli", x, l), INT32_MIN, INT32_MAX);
    }
    eo_value *ab = bin(rw, "arith.muli", x, q);
    if (s->any_e)
        k = select3(rw, cmp(rw, "arith.cmpi", ARITH_CMPI_SLT, ab,
                            cst_i(rw, i64, -(INT64_C(1) << 30))), kn, k);
    eo_value *y = bin(rw, "arith.shrsi", bin(rw, "arith.addi", ab, k), sh);
    if (!s->fold_zp && s->zp)
        y = bin(rw, "arith.addi", y, cst_i(rw, i64, s->zp));
    y = clamp_i64(rw, y, s->lo, s->hi);
    return conv_to(rw, "arith.trunci", y, eo_value_type(args[nin]));
}

/* A rank-1 graph.constant of the n per-channel values of 'what' (0: q
 * as i32, 1: K packed with the shift as i64, 2: left as i64). */
static eo_value *
qout_table(eo_rewriter *rw, const qout_mult *m, size_t n, int what)
{
    eo_tensor t;
    int64_t len = (int64_t)n;
    const eo_type *tt = tensor_of(rw->b.ctx, 1, &len,
                                  eo_type_get_int(rw->b.ctx,
                                                  what ? 64 : 32));
    if (!tt || eo_tensor_alloc(&t, what ? EO_DT_I64 : EO_DT_I32, 1, &len)
                   != EO_OK)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (what == 0)
            ((int32_t *)t.data)[i] = (int32_t)m[i].q;
        else if (what == 1)
            ((int64_t *)t.data)[i] = m[i].k | m[i].sh |
                                     (m[i].k != m[i].kneg ? 64 : 0);
        else
            ((int64_t *)t.data)[i] = m[i].left;
    }
    eo_value *v = const_tensor(rw, tt, &t);
    eo_tensor_free(&t);
    return v;
}

/* The output stage of an int8 op whose i32 accumulator is 'acc' (i32
 * tensor of the result's shape; or i8 values less 'in_zp'): for each
 * element, the multiplier
 * s_in * s_w[c] / s_y (per channel 'chan' of the result when 'sw' has
 * several entries), the zero point zp_y and the clamp cl (the storage
 * range narrowed by a fused activation), in one tl.generic into i8
 * (body_qout). NULL on no memory. */
static eo_value *
q_out_stage(eo_rewriter *rw, eo_value *acc, int64_t in_zp, double s_in,
            const double *sw, size_t nm, double sy, int64_t zy,
            const clamp_spec *cl, int64_t chan)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *at = acc ? eo_value_type(acc) : NULL;
    if (!at)
        return NULL;
    unsigned rank = (unsigned)eo_type_rank(at);
    const eo_type *outt = tensor_of(ctx, rank, eo_type_shape(at),
                                    eo_type_get_int(ctx, 8));
    qout_mult *m = calloc(nm, sizeof *m);
    if (!m || !outt) {
        free(m);
        return NULL;
    }
    qout_spec s = {nm, m, false, false, true, true, zy, cl->lo, cl->hi,
                   in_zp};
    for (size_t c = 0; c < nm; c++) {
        int32_t q;
        int sh;
        eo_quant_multiplier(s_in * sw[c] / sy, &q, &sh);
        if (sh < -QOUT_MAX_FOLD_E)
            s.fold_zp = false;
    }
    for (size_t c = 0; c < nm; c++) {
        qout_mult_of(s_in * sw[c] / sy, zy, s.fold_zp, &m[c]);
        s.any_left |= m[c].left != 0;
        s.any_e |= m[c].kneg != m[c].k;
        s.all_e &= m[c].kneg != m[c].k;
    }
    eo_value *ins[4] = {acc, NULL, NULL, NULL};
    const eo_affine_map *maps[5];
    const eo_affine_map *id = eo_affine_map_identity(ctx, rank);
    size_t nin = 1;
    maps[0] = id;
    if (nm > 1) {
        const eo_affine_expr *e = eo_affine_dim(ctx, (unsigned)chan);
        const eo_affine_map *cm = eo_affine_map_get(ctx, rank, 0, 1, &e);
        nin = s.any_left ? 4 : 3;
        for (size_t i = 1; i < nin; i++) {
            ins[i] = qout_table(rw, m, nm, (int)i - 1);
            maps[i] = cm;
        }
    }
    maps[nin] = id;
    eo_value *y = generic(rw, nin, ins, zero_tensor(rw, outt), maps, rank,
                          NULL, body_qout, &s);
    free(m);
    return y;
}

/* The output stage of an int8 conv / matmul (q_out_stage with s_x, the
 * scales of w and y) cast back to op's quantized result type, which
 * replaces op. */
static int
q_finish(eo_rewriter *rw, eo_op *op, eo_value *acc,
         const eo_quant_params *px, const eo_quant_params *pw,
         const eo_quant_params *py, const clamp_spec *cl, int64_t chan)
{
    eo_value *res = eo_op_result(op, 0);
    eo_value *y = q_out_stage(rw, acc, 0, px->scales[0], pw->scales,
                              pw->num_scales, py->scales[0],
                              py->zero_points[0], cl, chan);
    y = y ? mk(rw, "builtin.unrealized_conversion_cast", 1, &y,
               eo_value_type(res), 0, NULL, NULL)
          : NULL;
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

/* The i32 bias of an int8 conv / matmul with the input zero point zx
 * folded in, so that the MACs read x unshifted: sum (x - zx)(w - zw) =
 * sum x (w - zw) - zx sum (w - zw) per output channel, the padding (of
 * value zx) included. 'w' is the filter as the tl op reads it (i8, output
 * channel along dim 'cdim', nchan channels), 'bias' the op's bias
 * operand (plain or quantized i32, its zero point subtracted as the
 * interpreter does) or NULL. *out: a new graph.constant tensor<nchan x
 * i32>, b[c] - zb[c] - zx sum_c (w - zw), wrapped to i32 as the i32
 * accumulation wraps. G2T_SKIP when w or the bias has no constant data
 * (the tl op then subtracts zx per MAC). */
static int
fold_input_zp(eo_rewriter *rw, eo_value *w, size_t cdim, int64_t zw,
              int64_t zx, eo_value *bias, int64_t nchan, eo_value **out)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_attr *wa = w ? eo_value_constant(w) : NULL;
    const eo_attr *ba = bias ? eo_value_constant(bias) : NULL;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    eo_quant_params pb;
    bool qb = bias && eo_quant_get_params(eo_type_elem(eo_value_type(bias)),
                                          &pb);
    if (!wa || (bias && !ba) || !i32 ||
        !eo_type_is_signless_int(eo_type_elem(eo_attr_type(wa)), 8) ||
        (ba && !eo_type_is_signless_int(eo_type_elem(eo_attr_type(ba)),
                                        32)) ||
        (qb && pb.num_scales != 1 && (int64_t)pb.num_scales != nchan))
        return G2T_SKIP;
    eo_tensor wt, bt = {0}, nb;
    if (eo_tensor_from_attr(ctx, g2t_loc(rw), wa, &wt) != EO_OK)
        return G2T_FAIL;
    if (ba && eo_tensor_from_attr(ctx, g2t_loc(rw), ba, &bt) != EO_OK) {
        eo_tensor_free(&wt);
        return G2T_FAIL;
    }
    int rc = G2T_SKIP;
    int64_t *sum = calloc((size_t)nchan, sizeof *sum);
    if (wt.dtype != EO_DT_I8 || cdim >= wt.rank ||
        wt.shape[cdim] != nchan || (ba && (bt.dtype != EO_DT_I32 ||
                                           eo_tensor_numel(&bt) != nchan)))
        goto done;
    rc = G2T_FAIL;
    if (!sum || eo_tensor_alloc(&nb, EO_DT_I32, 1, &nchan) != EO_OK)
        goto done;
    int64_t inner = 1, n = eo_tensor_numel(&wt);
    for (size_t i = cdim + 1; i < wt.rank; i++)
        inner *= wt.shape[i];
    const int8_t *wd = wt.data;
    for (int64_t e = 0; e < n; e++)
        sum[(e / inner) % nchan] += (int64_t)wd[e] - zw;
    for (int64_t c = 0; c < nchan; c++) {
        int64_t b = 0;
        if (ba) {
            b = ((const int32_t *)bt.data)[c];
            if (qb)
                b -= pb.zero_points[pb.num_scales == 1 ? 0 : c];
        }
        uint32_t v = (uint32_t)(b - zx * sum[c]);
        memcpy((int32_t *)nb.data + c, &v, sizeof v);
    }
    *out = const_tensor(rw, tensor_of(ctx, 1, &nchan, i32), &nb);
    eo_tensor_free(&nb);
    rc = *out ? G2T_DONE : G2T_FAIL;
done:
    free(sum);
    eo_tensor_free(&bt);
    eo_tensor_free(&wt);
    return rc;
}

/* int8 conv2d: i8 storage tensors into an i32 accumulator that starts as
 * the i32 bias (tl.conv2d / tl.depthwise_conv2d with input_zp and
 * filter_zp), then tl.requantize with the per-tensor or per-channel
 * multiplier s_x * s_w / s_y (eo_quant_multiplier) and the output zero
 * point, then the fused activation's clamp in the stored domain. */
static int
lower_qconv(eo_rewriter *rw, eo_op *op)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_quant_params px, pw, py;
    eo_graph_conv p;
    eo_value *x = eo_op_operand(op, 0), *w = eo_op_operand(op, 1);
    eo_value *bias = eo_op_num_operands(op) > 2 ? eo_op_operand(op, 2)
                                                : NULL;
    eo_value *res = eo_op_result(op, 0);
    if (!q8(x, &px) || !q8(w, &pw) || !q8(res, &py) || px.axis >= 0 ||
        py.axis >= 0 || (pw.axis > 0) ||
        eo_graph_conv_params(op, &p) != EO_OK)
        return G2T_SKIP;
    for (size_t i = 1; i < pw.num_scales; i++)
        if (pw.zero_points[i] != pw.zero_points[0])
            return G2T_SKIP;
    if (bias) {
        const eo_type *be = eo_quant_storage_type(
            eo_type_elem(eo_value_type(bias)));
        if (!be || !eo_type_is_signless_int(be, 32))
            return G2T_SKIP;
    }
    clamp_spec cl;
    if (!q_clamp(op, &py, &cl))
        return G2T_SKIP;
    bool dw = p.groups > 1 && p.groups == p.c && p.o == p.c;
    if (p.groups != 1 && !dw)
        return G2T_SKIP;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *acct = tensor_of(ctx, 4,
                                    eo_type_shape(eo_value_type(res)), i32);
    const char *layout;
    int64_t shape[4];
    size_t cdim = 0;        /* w's output channel dim in the tl op */
    x = to_storage(rw, x);
    w = to_storage(rw, w);
    if (!dw && !p.nhwc) {
        layout = "nchw_fchw";
    } else if (!dw) {
        static const int64_t perm[4] = {1, 2, 3, 0};
        cdim = 3;
        layout = "nhwc_hwcf";
        shape[0] = p.kh, shape[1] = p.kw, shape[2] = p.c, shape[3] = p.o;
        w = w ? relayout_filter(rw, w, 4, shape, perm) : NULL;
    } else if (!p.nhwc) {
        layout = "nchw_chw";
        shape[0] = p.c, shape[1] = p.kh, shape[2] = p.kw;
        w = w ? relayout_filter(rw, w, 3, shape, NULL) : NULL;
    } else {
        static const int64_t perm[3] = {1, 2, 0};
        layout = "nhwc_hwc";
        cdim = 2;
        shape[0] = p.kh, shape[1] = p.kw, shape[2] = p.c;
        int64_t flat[3] = {p.c, p.kh, p.kw};
        w = w ? relayout_filter(rw, w, 3, flat, NULL) : NULL;
        w = w ? relayout_filter(rw, w, 3, shape, perm) : NULL;
    }
    int64_t zx = px.zero_points[0], izp = zx;
    eo_value *fb = NULL;
    int f = fold_input_zp(rw, w, cdim, pw.zero_points[0], zx, bias, p.o,
                          &fb);
    if (f == G2T_FAIL)
        return G2T_FAIL;
    if (f == G2T_DONE)
        bias = fb, izp = 0;
    else if (bias)
        bias = to_storage(rw, bias);
    x = x ? pad_input(rw, x, p.nhwc, p.pad, (double)zx) : NULL;
    eo_value *init = acct ? bias_init(rw, acct, bias, p.nhwc ? 3 : 1) : NULL;
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const char *n[5] = {"layout", "strides", "dilations", "input_zp",
                        "filter_zp"};
    const eo_attr *v[5] = {str_attr(ctx, layout), i64_array(ctx, 2, p.stride),
                           i64_array(ctx, 2, p.dilation),
                           eo_attr_get_int(ctx, i64, izp),
                           eo_attr_get_int(ctx, i64, pw.zero_points[0])};
    eo_value *ins[2] = {x, w};
    eo_value *acc = tl_named(rw, dw ? "tl.depthwise_conv2d" : "tl.conv2d", 2,
                             ins, init, 5, n, v);
    return q_finish(rw, op, acc, &px, &pw, &py, &cl, p.nhwc ? 3 : 1);
}

/* int8 matmul / gemm (2-D, no trans_a, alpha = beta = 1; a trans_b
 * operand is transposed, at compile time when constant): tl.matmul
 * with lhs_zp / rhs_zp into an i32 accumulator that starts as the
 * broadcast i32 bias, then the output stage of q_finish (per channel on
 * b's N axis). */
static int
lower_qmatmul(eo_rewriter *rw, eo_op *op, bool gemm)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_quant_params pa, pb, py;
    eo_value *a = eo_op_operand(op, 0), *b = eo_op_operand(op, 1);
    eo_value *c = gemm && eo_op_num_operands(op) > 2 ? eo_op_operand(op, 2)
                                                     : NULL;
    eo_value *res = eo_op_result(op, 0);
    clamp_spec cl;
    bool tb = gemm && eo_graph_attr_bool(op, "trans_b", false);
    if (!q8(a, &pa) || !q8(b, &pb) || !q8(res, &py) || pa.axis >= 0 ||
        py.axis >= 0 || (pb.axis >= 0 && pb.axis != (tb ? 0 : 1)) ||
        eo_type_rank(eo_value_type(a)) != 2 ||
        eo_type_rank(eo_value_type(b)) != 2 || !q_clamp(op, &py, &cl))
        return G2T_SKIP;
    if (gemm && (eo_graph_attr_bool(op, "trans_a", false) ||
                 eo_graph_attr_float(op, "alpha", 1.0) != 1.0 ||
                 eo_graph_attr_float(op, "beta", 1.0) != 1.0))
        return G2T_SKIP;
    for (size_t i = 1; i < pb.num_scales; i++)
        if (pb.zero_points[i] != pb.zero_points[0])
            return G2T_SKIP;
    if (c) {
        const eo_type *ct = eo_value_type(c);
        const eo_type *ce = eo_quant_storage_type(eo_type_elem(ct));
        if (!ce || !eo_type_is_signless_int(ce, 32) || eo_type_rank(ct) != 1)
            return G2T_SKIP;
    }
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const eo_type *acct = tensor_of(ctx, 2, eo_type_shape(eo_value_type(res)),
                                    i32);
    a = to_storage(rw, a);
    b = to_storage(rw, b);
    if (tb && b) {          /* [N, K] -> [K, N], at compile time if const */
        static const int64_t perm[2] = {1, 0};
        const eo_type *bt = eo_value_type(b);
        int64_t shape[2] = {eo_type_dim(bt, 1), eo_type_dim(bt, 0)};
        b = relayout_filter(rw, b, 2, shape, perm);
    }
    int64_t izp = pa.zero_points[0];
    eo_value *fb = NULL;
    int f = b ? fold_input_zp(rw, b, 1, pb.zero_points[0], izp, c,
                              eo_type_dim(eo_value_type(b), 1), &fb)
              : G2T_FAIL;
    if (f == G2T_FAIL)
        return G2T_FAIL;
    if (f == G2T_DONE)
        c = fb, izp = 0;
    else if (c)
        c = to_storage(rw, c);
    eo_value *init = acct ? bias_init(rw, acct, c, 1) : NULL;
    const char *n[2] = {"lhs_zp", "rhs_zp"};
    const eo_attr *v[2] = {eo_attr_get_int(ctx, i64, izp),
                           eo_attr_get_int(ctx, i64, pb.zero_points[0])};
    eo_value *ins[2] = {a, b};
    eo_value *acc = tl_named(rw, "tl.matmul", 2, ins, init, 2, n, v);
    return q_finish(rw, op, acc, &pa, &pb, &py, &cl, 1);
}

/* ------------------------------------------------------------------ */
/* Quantized (int8) quantize, dequantize, add, average pooling         */
/* ------------------------------------------------------------------ */

/* eo_quant_apply_multiplier(sat32(x), q, shift) on an i64 scalar, in i64
 * arith ops (the arithmetic of tl.requantize's generic form): saturating
 * left shift, rounding doubling high multiply, rounding right shift. */
static eo_value *
apply_mult(eo_rewriter *rw, eo_value *x, int32_t q, int shift)
{
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    int left = shift > 0 ? shift : 0, right = shift > 0 ? 0 : -shift;
    eo_value *c0 = cst_i(rw, i64, 0);
    if (left)
        x = bin(rw, "arith.shli", x, cst_i(rw, i64, left));
    x = clamp_i64(rw, x, INT32_MIN, INT32_MAX);
    eo_value *ab = bin(rw, "arith.muli", x, cst_i(rw, i64, q));
    eo_value *nudge = select3(rw, cmp(rw, "arith.cmpi", ARITH_CMPI_SLT, ab,
                                      c0),
                              cst_i(rw, i64, 1 - (INT64_C(1) << 30)),
                              cst_i(rw, i64, INT64_C(1) << 30));
    eo_value *hi = bin(rw, "arith.divsi", bin(rw, "arith.addi", ab, nudge),
                       cst_i(rw, i64, INT64_C(1) << 31));
    if (!right)
        return hi;
    eo_value *c1 = cst_i(rw, i64, 1);
    int64_t mask = (INT64_C(1) << right) - 1;
    eo_value *rem = bin(rw, "arith.andi", hi, cst_i(rw, i64, mask));
    eo_value *thr = bin(rw, "arith.addi", cst_i(rw, i64, mask >> 1),
                        select3(rw, cmp(rw, "arith.cmpi", ARITH_CMPI_SLT, hi,
                                        c0), c1, c0));
    return bin(rw, "arith.addi",
               bin(rw, "arith.shrsi", hi, cst_i(rw, i64, right)),
               select3(rw, cmp(rw, "arith.cmpi", ARITH_CMPI_SGT, rem, thr),
                       c1, c0));
}

/* Per-tensor params of a quantize / dequantize. */
typedef struct qdq_spec {
    float scale;
    int64_t zp, lo, hi;
} qdq_spec;

/* ONNX QuantizeLinear on f32 (as the interpreter): rint(x / scale) + zp
 * saturated to the storage range, NaN to the zero point. */
static eo_value *
body_quantize(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const qdq_spec *s = data;
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    eo_value *x = args[0];
    eo_value *r = un(rw, "math.roundeven",
                     bin(rw, "arith.divf", x, cst_f32(rw, s->scale)));
    eo_value *v = bin(rw, "arith.addf", r, cst_f32(rw, (double)s->zp));
    v = bin(rw, "arith.maximumf", v, cst_f32(rw, (double)s->lo));
    v = bin(rw, "arith.minimumf", v, cst_f32(rw, (double)s->hi));
    v = select3(rw, cmp(rw, "arith.cmpf", ARITH_CMPF_UNO, x, x),
                cst_f32(rw, (double)s->zp), v);
    return conv_to(rw, "arith.trunci", conv_to(rw, "arith.fptosi", v, i32),
                   eo_value_type(args[1]));
}

/* ONNX DequantizeLinear to f32: (float)(q - zp) * scale. */
static eo_value *
body_dequantize(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const qdq_spec *s = data;
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    eo_value *q = conv_to(rw, "arith.extsi", args[0], i32);
    if (s->zp)
        q = bin(rw, "arith.subi", q, cst_i(rw, i32, s->zp));
    return bin(rw, "arith.mulf",
               conv_to(rw, "arith.sitofp", q, eo_value_type(args[1])),
               cst_f32(rw, s->scale));
}

/* Per-tensor int8 params of 'v' (a static quant tensor). */
static bool
q8_tensor(const eo_value *v, eo_quant_params *p)
{
    return q8(v, p) && p->axis < 0;
}

/* An elementwise tl.generic of x (identity maps) into a zero tensor of
 * x's shape and element type 'elem'. */
static eo_value *
map_elems(eo_rewriter *rw, eo_value *x, const eo_type *elem, body_fn body,
          const void *data)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *t = eo_value_type(x);
    unsigned r = (unsigned)eo_type_rank(t);
    const eo_affine_map *id = eo_affine_map_identity(ctx, r);
    const eo_affine_map *maps[2] = {id, id};
    const eo_type *ot = tensor_of(ctx, r, eo_type_shape(t), elem);
    return ot ? generic(rw, 1, &x, zero_tensor(rw, ot), maps, r, NULL, body,
                        data)
              : NULL;
}

/* Replaces op by storage tensor 'y' cast back to op's result type. */
static int
q_replace(eo_rewriter *rw, eo_op *op, eo_value *y)
{
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (y && eo_value_type(y) != rt)
        y = mk(rw, "builtin.unrealized_conversion_cast", 1, &y, rt, 0, NULL,
               NULL);
    if (!y)
        return G2T_FAIL;
    eo_rewriter_replace_op(rw, op, &y);
    return G2T_DONE;
}

/* graph.quantize f32 -> per-tensor int8: a tl.generic (body_quantize). */
static int
lower_quantize(eo_rewriter *rw, eo_op *op)
{
    eo_quant_params py;
    eo_value *x = eo_op_operand(op, 0);
    if (!is_f32_tensor(x) || !q8_tensor(eo_op_result(op, 0), &py))
        return G2T_SKIP;
    qdq_spec s = {(float)py.scales[0], py.zero_points[0], py.storage_min,
                  py.storage_max};
    return q_replace(rw, op, map_elems(rw, x, eo_type_get_int(rw->b.ctx, 8),
                                       body_quantize, &s));
}

/* graph.dequantize per-tensor int8 -> f32: a tl.generic. */
static int
lower_dequantize(eo_rewriter *rw, eo_op *op)
{
    eo_quant_params px;
    eo_value *x = eo_op_operand(op, 0);
    if (!q8_tensor(x, &px) || !is_f32_tensor(eo_op_result(op, 0)))
        return G2T_SKIP;
    qdq_spec s = {(float)px.scales[0], px.zero_points[0], 0, 0};
    x = to_storage(rw, x);
    eo_value *y = x ? map_elems(rw, x, eo_type_get_float(rw->b.ctx, EO_F32),
                                body_dequantize, &s)
                    : NULL;
    return q_replace(rw, op, y);
}

/* TFLite's int8 ADD and MUL (the interpreter's k_add and k_mul): the
 * multipliers (ADD: of a, b and the sum; MUL: of the product, in qy/sy),
 * zero points and the output clamp. */
typedef struct qbin_spec {
    int32_t qa, qb, qy;
    int sa, sb, sy;
    int64_t za, zb, zy, lo, hi;
} qbin_spec;

/* The operands of a quantized binary body, sign-extended to i64 and
 * their zero points subtracted. */
static void
q_centered(eo_rewriter *rw, eo_value *const *args, const qbin_spec *s,
           eo_value *v[2])
{
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    for (int i = 0; i < 2; i++) {
        v[i] = conv_to(rw, "arith.extsi", args[i], i64);
        int64_t z = i ? s->zb : s->za;
        if (z)
            v[i] = bin(rw, "arith.subi", v[i], cst_i(rw, i64, z));
    }
}

/* y (i64) + zp_y, clamped, truncated to the out element of args[2]. */
static eo_value *
qbin_out(eo_rewriter *rw, eo_value *const *args, const qbin_spec *s,
         eo_value *y)
{
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    y = bin(rw, "arith.addi", y, cst_i(rw, i64, s->zy));
    y = clamp_i64(rw, y, s->lo, s->hi);
    return conv_to(rw, "arith.trunci", y, eo_value_type(args[2]));
}

static eo_value *
body_qadd(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const qbin_spec *s = data;
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    eo_value *v[2];
    q_centered(rw, args, s, v);
    for (int i = 0; i < 2; i++) {
        eo_value *x = bin(rw, "arith.shli", v[i], cst_i(rw, i64, 20));
        v[i] = apply_mult(rw, x, i ? s->qb : s->qa, i ? s->sb : s->sa);
    }
    return qbin_out(rw, args, s,
                    apply_mult(rw, bin(rw, "arith.addi", v[0], v[1]), s->qy,
                               s->sy));
}

static eo_value *
body_qmul(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const qbin_spec *s = data;
    eo_value *v[2];
    q_centered(rw, args, s, v);
    return qbin_out(rw, args, s,
                    apply_mult(rw, bin(rw, "arith.muli", v[0], v[1]), s->qy,
                               s->sy));
}

/* graph.add or graph.mul of per-tensor int8 operands (NumPy
 * broadcasting) into a per-tensor int8 result, a fused relu/relu6/clip
 * as a clamp: one tl.generic whose body is TFLite's fixed-point ADD
 * (left shift 20, operands rescaled by s_i / (2 max(s_a, s_b)), the sum
 * by 2 max(s_a, s_b) / (2^20 s_y)) or MUL ((a - zp_a) (b - zp_b)
 * rescaled by s_a s_b / s_y). */
static int
lower_qbinary(eo_rewriter *rw, eo_op *op, bool mul)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_quant_params pa, pb, py;
    eo_value *a = eo_op_operand(op, 0), *b = eo_op_operand(op, 1);
    eo_value *res = eo_op_result(op, 0);
    clamp_spec cl;
    if (eo_op_num_operands(op) != 2 || !q8_tensor(a, &pa) ||
        !q8_tensor(b, &pb) || !q8_tensor(res, &py) || !q_clamp(op, &py, &cl))
        return G2T_SKIP;
    qbin_spec s = {0};
    double sa = pa.scales[0], sb = pb.scales[0], sy = py.scales[0];
    if (mul) {
        eo_quant_multiplier(sa * sb / sy, &s.qy, &s.sy);
    } else {
        double twice = 2.0 * (sa > sb ? sa : sb);
        eo_quant_multiplier(sa / twice, &s.qa, &s.sa);
        eo_quant_multiplier(sb / twice, &s.qb, &s.sb);
        eo_quant_multiplier(twice / ((double)(INT64_C(1) << 20) * sy),
                            &s.qy, &s.sy);
    }
    s.za = pa.zero_points[0], s.zb = pb.zero_points[0];
    s.zy = py.zero_points[0], s.lo = cl.lo, s.hi = cl.hi;
    const eo_type *rt = eo_value_type(res);
    unsigned r = (unsigned)eo_type_rank(rt);
    a = to_storage(rw, a);
    b = to_storage(rw, b);
    const eo_type *ot = tensor_of(ctx, r, eo_type_shape(rt),
                                  eo_type_get_int(ctx, 8));
    if (!a || !b || !ot)
        return G2T_FAIL;
    const eo_affine_map *maps[3] = {bcast_map(ctx, r, eo_value_type(a), ot),
                                    bcast_map(ctx, r, eo_value_type(b), ot),
                                    eo_affine_map_identity(ctx, r)};
    eo_value *ins[2] = {a, b};
    return q_replace(rw, op, generic(rw, 2, ins, zero_tensor(rw, ot), maps,
                                     r, NULL, mul ? body_qmul : body_qadd,
                                     &s));
}

/* The rounded (half away from zero) quotient of an i32 window sum by
 * 'd', clamped to the i8 range: the interpreter's int8 average. */
static eo_value *
body_qavg(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const int64_t *d = data;
    const eo_type *i64 = eo_type_get_int(rw->b.ctx, 64);
    eo_value *sum = conv_to(rw, "arith.extsi", args[0], i64);
    eo_value *half = cst_i(rw, i64, *d / 2), *dv = cst_i(rw, i64, *d);
    eo_value *pos = bin(rw, "arith.divsi", bin(rw, "arith.addi", sum, half),
                        dv);
    eo_value *neg = bin(rw, "arith.divsi", bin(rw, "arith.subi", sum, half),
                        dv);
    eo_value *v = select3(rw, cmp(rw, "arith.cmpi", ARITH_CMPI_SGE, sum,
                                  cst_i(rw, i64, 0)), pos, neg);
    v = clamp_i64(rw, v, -128, 127);
    return conv_to(rw, "arith.trunci", v, eo_value_type(args[1]));
}

static eo_value *
body_extsi(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    (void)data;
    return conv_to(rw, "arith.extsi", args[0], eo_value_type(args[1]));
}

/* int8 avg_pool / global_avg_pool (same quantization in and out, no
 * padding or count_include_pad, no partial ceil_mode window): the input
 * sign-extended to i32 (padded with its zero point), tl.pool "sum", then
 * the rounded division by the window size (body_qavg). */
static int
lower_qavg_pool(eo_rewriter *rw, eo_op *op, int k)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_graph_conv p;
    eo_quant_params px, py;
    eo_value *x = eo_op_operand(op, 0), *res = eo_op_result(op, 0);
    if (eo_op_num_operands(op) != 1 || !q8_tensor(x, &px) ||
        !q8_tensor(res, &py) ||
        eo_type_elem(eo_value_type(x)) != eo_type_elem(eo_value_type(res)) ||
        eo_graph_conv_params(op, &p) != EO_OK ||
        eo_type_rank(eo_value_type(x)) != 4)
        return G2T_SKIP;
    bool padded = p.pad[0] || p.pad[1] || p.pad[2] || p.pad[3];
    if (k == GRAPH_GLOBAL_AVG_POOL) {
        p.kh = p.h, p.kw = p.w;
        p.stride[0] = p.stride[1] = p.dilation[0] = p.dilation[1] = 1;
        memset(p.pad, 0, sizeof p.pad);
        padded = false;
    } else if (padded && !p.count_include_pad) {
        return G2T_SKIP;
    }
    for (int i = 0; i < 2; i++) {
        int64_t in = (i ? p.w : p.h) + p.pad[i] + p.pad[i + 2];
        int64_t kk = i ? p.kw : p.kh;
        int64_t o = (in - (p.dilation[i] * (kk - 1) + 1)) / p.stride[i] + 1;
        if (o != (i ? p.wo : p.ho))
            return G2T_SKIP;
    }
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *rt = eo_value_type(res);
    const eo_type *acct = tensor_of(ctx, 4, eo_type_shape(rt), i32);
    x = to_storage(rw, x);
    x = x ? map_elems(rw, x, i32, body_extsi, NULL) : NULL;
    x = x ? pad_input(rw, x, p.nhwc, p.pad, (double)px.zero_points[0])
          : NULL;
    int64_t win[2] = {p.kh, p.kw};
    const char *n[5] = {"kind", "window", "layout", "strides", "dilations"};
    const eo_attr *v[5] = {str_attr(ctx, "sum"), i64_array(ctx, 2, win),
                           str_attr(ctx, p.nhwc ? "nhwc" : "nchw"),
                           i64_array(ctx, 2, p.stride),
                           i64_array(ctx, 2, p.dilation)};
    eo_value *sum = acct && x ? tl_named(rw, "tl.pool", 1, &x,
                                         zero_tensor(rw, acct), 5, n, v)
                              : NULL;
    int64_t d = p.kh * p.kw;
    eo_value *y = sum ? map_elems(rw, sum, eo_type_get_int(ctx, 8),
                                  body_qavg, &d)
                      : NULL;
    return q_replace(rw, op, y);
}

/* int8 max_pool / global_max_pool with the same quantization in and out
 * (max commutes with the monotonic dequantization, so no rescale): the
 * storage padded with the storage minimum (never above a real element,
 * as the interpreter's skipped padding taps), tl.pool "max" into an out
 * filled with that minimum. */
static int
lower_qmax_pool(eo_rewriter *rw, eo_op *op, int k)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_graph_conv p;
    eo_quant_params px, py;
    eo_value *x = eo_op_operand(op, 0), *res = eo_op_result(op, 0);
    if (eo_op_num_operands(op) != 1 || !q8_tensor(x, &px) ||
        !q8_tensor(res, &py) ||
        eo_type_elem(eo_value_type(x)) != eo_type_elem(eo_value_type(res)) ||
        eo_graph_conv_params(op, &p) != EO_OK ||
        eo_type_rank(eo_value_type(x)) != 4)
        return G2T_SKIP;
    if (k == GRAPH_GLOBAL_MAX_POOL) {
        p.kh = p.h, p.kw = p.w;
        p.stride[0] = p.stride[1] = p.dilation[0] = p.dilation[1] = 1;
        memset(p.pad, 0, sizeof p.pad);
    }
    for (int i = 0; i < 2; i++) {
        int64_t in = (i ? p.w : p.h) + p.pad[i] + p.pad[i + 2];
        int64_t kk = i ? p.kw : p.kh;
        int64_t o = (in - (p.dilation[i] * (kk - 1) + 1)) / p.stride[i] + 1;
        if (o != (i ? p.wo : p.ho))
            return G2T_SKIP;
    }
    const eo_type *i8 = eo_type_get_int(ctx, 8);
    const eo_type *ot = tensor_of(ctx, 4, eo_type_shape(eo_value_type(res)),
                                  i8);
    int64_t lo = px.storage_min;
    x = to_storage(rw, x);
    x = x ? pad_input(rw, x, p.nhwc, p.pad, (double)lo) : NULL;
    eo_value *init = ot ? zero_tensor(rw, ot) : NULL;
    eo_value *mn = i8 ? cst_i(rw, i8, lo) : NULL;
    init = init && mn ? tl_named(rw, "tl.fill", 1, &mn, init, 0, NULL, NULL)
                      : NULL;
    int64_t win[2] = {p.kh, p.kw};
    const char *n[5] = {"kind", "window", "layout", "strides", "dilations"};
    const eo_attr *v[5] = {str_attr(ctx, "max"), i64_array(ctx, 2, win),
                           str_attr(ctx, p.nhwc ? "nhwc" : "nchw"),
                           i64_array(ctx, 2, p.stride),
                           i64_array(ctx, 2, p.dilation)};
    eo_value *y = x && init ? tl_named(rw, "tl.pool", 1, &x, init, 5, n, v)
                            : NULL;
    return q_replace(rw, op, y);
}

/* Per-axis quantize / dequantize: the scale and zero point of each
 * element's channel come from rank-1 tables (f32 scales; zero points as
 * f32 for quantize, i32 for dequantize) indexed by the axis. */
static eo_value *
body_quantize_axis(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    const qdq_spec *s = data;
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    eo_value *x = args[0], *zp = args[2];
    eo_value *r = un(rw, "math.roundeven", bin(rw, "arith.divf", x, args[1]));
    eo_value *v = bin(rw, "arith.addf", r, zp);
    v = bin(rw, "arith.maximumf", v, cst_f32(rw, (double)s->lo));
    v = bin(rw, "arith.minimumf", v, cst_f32(rw, (double)s->hi));
    v = select3(rw, cmp(rw, "arith.cmpf", ARITH_CMPF_UNO, x, x), zp, v);
    return conv_to(rw, "arith.trunci", conv_to(rw, "arith.fptosi", v, i32),
                   eo_value_type(args[3]));
}

static eo_value *
body_dequantize_axis(eo_rewriter *rw, eo_value *const *args,
                     const void *data)
{
    (void)data;
    const eo_type *i32 = eo_type_get_int(rw->b.ctx, 32);
    eo_value *q = bin(rw, "arith.subi", conv_to(rw, "arith.extsi", args[0],
                                                i32), args[2]);
    return bin(rw, "arith.mulf",
               conv_to(rw, "arith.sitofp", q, eo_value_type(args[3])),
               args[1]);
}

/* A rank-1 graph.constant of the n scales (f32) or zero points (f32 or
 * i32) of 'p'. */
static eo_value *
qdq_table(eo_rewriter *rw, const eo_quant_params *p, bool scales,
          bool zp_f32)
{
    eo_tensor t;
    int64_t n = (int64_t)p->num_scales;
    bool f = scales || zp_f32;
    const eo_type *e = f ? eo_type_get_float(rw->b.ctx, EO_F32)
                         : eo_type_get_int(rw->b.ctx, 32);
    const eo_type *tt = e ? tensor_of(rw->b.ctx, 1, &n, e) : NULL;
    if (!tt || eo_tensor_alloc(&t, f ? EO_DT_F32 : EO_DT_I32, 1, &n)
                   != EO_OK)
        return NULL;
    for (int64_t i = 0; i < n; i++) {
        if (scales)
            ((float *)t.data)[i] = (float)p->scales[i];
        else if (zp_f32)
            ((float *)t.data)[i] = (float)p->zero_points[i];
        else
            ((int32_t *)t.data)[i] = (int32_t)p->zero_points[i];
    }
    eo_value *v = const_tensor(rw, tt, &t);
    eo_tensor_free(&t);
    return v;
}

/* graph.quantize f32 -> per-axis int8 and graph.dequantize per-axis int8
 * -> f32: one tl.generic reading the channel's scale and zero point. */
static int
lower_qdq_axis(eo_rewriter *rw, eo_op *op, bool quantize)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_quant_params p;
    eo_value *x = eo_op_operand(op, 0), *res = eo_op_result(op, 0);
    eo_value *qv = quantize ? res : x, *fv = quantize ? x : res;
    if (!q8(qv, &p) || p.axis < 0 || !is_f32_tensor(fv))
        return G2T_SKIP;
    const eo_type *rt = eo_value_type(res);
    unsigned r = (unsigned)eo_type_rank(rt);
    if ((unsigned)p.axis >= r ||
        eo_type_dim(rt, (size_t)p.axis) != (int64_t)p.num_scales)
        return G2T_SKIP;
    const eo_type *oe = quantize ? eo_type_get_int(ctx, 8)
                                 : eo_type_get_float(ctx, EO_F32);
    const eo_type *ot = tensor_of(ctx, r, eo_type_shape(rt), oe);
    if (!quantize)
        x = to_storage(rw, x);
    const eo_affine_expr *e = eo_affine_dim(ctx, (unsigned)p.axis);
    const eo_affine_map *id = eo_affine_map_identity(ctx, r);
    const eo_affine_map *cm = eo_affine_map_get(ctx, r, 0, 1, &e);
    const eo_affine_map *maps[4] = {id, cm, cm, id};
    eo_value *ins[3] = {x, qdq_table(rw, &p, true, false),
                        qdq_table(rw, &p, false, quantize)};
    qdq_spec s = {0.0f, 0, p.storage_min, p.storage_max};
    eo_value *y = ot ? generic(rw, 3, ins, zero_tensor(rw, ot), maps, r,
                               NULL, quantize ? body_quantize_axis
                                              : body_dequantize_axis, &s)
                     : NULL;
    return q_replace(rw, op, y);
}

/* requantize, relu and clip between per-tensor int8 types, as the
 * interpreter (TFLite): zp_y + (q - zp_x) s_x / s_y through the
 * fixed-point multiplier, clamped to the storage range, or for relu and
 * clip to their bounds rounded into y's stored domain; one tl.generic
 * (q_out_stage on the i8 values). */
static int
lower_qrescale(eo_rewriter *rw, eo_op *op, int k)
{
    eo_quant_params px, py;
    eo_value *x = eo_op_operand(op, 0), *res = eo_op_result(op, 0);
    if (eo_op_num_operands(op) != 1 || !q8_tensor(x, &px) ||
        !q8_tensor(res, &py))
        return G2T_SKIP;
    clamp_spec cl = {py.storage_min, py.storage_max};
    if (k != GRAPH_REQUANTIZE) {
        float lo = k == GRAPH_RELU ? 0.0f
                                   : (float)eo_graph_attr_float(op, "min",
                                                                -INFINITY);
        float hi = k == GRAPH_RELU ? INFINITY
                                   : (float)eo_graph_attr_float(op, "max",
                                                                INFINITY);
        double sy = py.scales[0];
        int64_t zy = py.zero_points[0];
        cl.lo = q_bound(lo, sy, zy, py.storage_min, py.storage_max);
        cl.hi = q_bound(hi, sy, zy, py.storage_min, py.storage_max);
        if (cl.hi < cl.lo)
            cl.hi = cl.lo;
    }
    double one = 1.0;
    x = to_storage(rw, x);
    eo_value *y = x ? q_out_stage(rw, x, px.zero_points[0], px.scales[0],
                                  &one, 1, py.scales[0], py.zero_points[0],
                                  &cl, 0)
                    : NULL;
    return q_replace(rw, op, y);
}

/* ------------------------------------------------------------------ */
/* Data movement: slice, gather (constant indices), resize (nearest)   */
/* ------------------------------------------------------------------ */

static eo_value *
body_copy(eo_rewriter *rw, eo_value *const *args, const void *data)
{
    (void)rw;
    (void)data;
    return args[0];
}

/* 'a' * d + 'c' in loop dim d. */
static const eo_affine_expr *
lin_expr(eo_ctx *ctx, unsigned d, int64_t a, int64_t c)
{
    const eo_affine_expr *x = eo_affine_dim(ctx, d);
    if (x && a != 1)
        x = eo_affine_mul(ctx, x, eo_affine_const(ctx, a));
    if (x && c != 0)
        x = eo_affine_add(ctx, x, eo_affine_const(ctx, c));
    return x;
}

/* Replaces 'op' (one operand 'x' and one result of the same element
 * type) by a tl.generic copy whose loops run over the result and read x
 * through 'in' (one expression per dim of x). Quantized tensors move as
 * their storage. */
static int
move_generic(eo_rewriter *rw, eo_op *op, eo_value *x,
             const eo_affine_expr *const *in)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *xt = eo_value_type(x);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    size_t xr = eo_type_rank(xt), rr = eo_type_rank(rt);
    for (size_t i = 0; i < xr; i++) {
        if (!in[i])
            return G2T_FAIL;
        /* tl infers loop bounds from plain dims: they must agree. */
        if (eo_affine_expr_kind(in[i]) == EO_AFFINE_DIM &&
            eo_type_dim(xt, i) !=
                eo_type_dim(rt, eo_affine_expr_pos(in[i])))
            return G2T_SKIP;
    }
    if (eo_type_is_quant(eo_type_elem(xt)))
        x = to_storage(rw, x);
    const eo_type *ot = tensor_of(ctx, rr, eo_type_shape(rt),
                                  eo_type_is_quant(eo_type_elem(rt))
                                  ? eo_quant_storage_type(eo_type_elem(rt))
                                  : eo_type_elem(rt));
    const eo_affine_map *maps[2] = {
        eo_affine_map_get(ctx, (unsigned)rr, 0, xr, in),
        eo_affine_map_identity(ctx, (unsigned)rr),
    };
    eo_value *y = ot && x ? generic(rw, 1, &x, zero_tensor(rw, ot), maps,
                                    (unsigned)rr, NULL, body_copy, NULL)
                          : NULL;
    return q_replace(rw, op, y);
}

/* Whether 'op' moves elements of one static ranked tensor to another of
 * the same element type, ranks in [1, EO_TL_MAX_LOOPS]. */
static bool
movable(const eo_op *op)
{
    const eo_type *xt = eo_value_type(eo_op_operand(op, 0));
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    return eo_type_get_kind(xt) == EO_TYPE_TENSOR &&
           eo_type_get_kind(rt) == EO_TYPE_TENSOR &&
           eo_type_has_rank(xt) && eo_type_has_rank(rt) &&
           eo_type_num_elements(xt) > 0 && eo_type_num_elements(rt) > 0 &&
           eo_type_rank(xt) >= 1 && eo_type_rank(rt) >= 1 &&
           eo_type_rank(xt) <= EO_TL_MAX_LOOPS &&
           eo_type_rank(rt) <= EO_TL_MAX_LOOPS &&
           eo_type_elem(xt) == eo_type_elem(rt);
}

/* graph.slice -> a tl.generic reading x[first + step * d]. */
static int
lower_slice(eo_rewriter *rw, eo_op *op)
{
    if (!movable(op))
        return G2T_SKIP;
    const eo_type *xt = eo_value_type(eo_op_operand(op, 0));
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    size_t r = eo_type_rank(xt);
    int64_t starts[EO_TL_MAX_LOOPS + 1], ends[EO_TL_MAX_LOOPS + 1];
    int64_t axes[EO_TL_MAX_LOOPS + 1], steps[EO_TL_MAX_LOOPS + 1];
    long ns = eo_graph_attr_ints(op, "starts", starts, EO_TL_MAX_LOOPS + 1);
    long ne = eo_graph_attr_ints(op, "ends", ends, EO_TL_MAX_LOOPS + 1);
    long na = eo_graph_attr_ints(op, "axes", axes, EO_TL_MAX_LOOPS + 1);
    long nt = eo_graph_attr_ints(op, "steps", steps, EO_TL_MAX_LOOPS + 1);
    if (eo_type_rank(rt) != r || ns < 0 || ns != ne || ns > (long)r ||
        (na >= 0 && na != ns) || (nt >= 0 && nt != ns))
        return G2T_SKIP;
    int64_t first[EO_TL_MAX_LOOPS], step[EO_TL_MAX_LOOPS];
    bool seen[EO_TL_MAX_LOOPS] = {false};
    for (size_t d = 0; d < r; d++) {
        first[d] = 0;
        step[d] = 1;
    }
    for (long i = 0; i < ns; i++) {
        int64_t a = na >= 0 ? axes[i] : i;
        if (a < 0)
            a += (int64_t)r;
        int64_t st = nt >= 0 ? steps[i] : 1;
        if (a < 0 || a >= (int64_t)r || seen[a] || st == 0 ||
            st < -INT32_MAX || st > INT32_MAX)
            return G2T_SKIP;
        seen[a] = true;
        int64_t count;
        eo_graph_slice_axis(starts[i], ends[i], st,
                            eo_type_dim(xt, (size_t)a), &first[a], &count);
        if (count != eo_type_dim(rt, (size_t)a))
            return G2T_SKIP;
        step[a] = count > 1 ? st : 1;
    }
    const eo_affine_expr *in[EO_TL_MAX_LOOPS];
    for (size_t d = 0; d < r; d++) {
        if (!seen[d] && eo_type_dim(rt, d) != eo_type_dim(xt, d))
            return G2T_SKIP;
        in[d] = eo_type_dim(rt, d) == 1 && eo_type_dim(xt, d) != 1
                ? eo_affine_const(rw->b.ctx, first[d])
                : lin_expr(rw->b.ctx, (unsigned)d, step[d], first[d]);
    }
    return move_generic(rw, op, eo_op_operand(op, 0), in);
}

/* Element 'i' of integer constant 'a' (dense, or a dense_resource blob of
 * i32 / i64); false if it has none. */
static bool
index_at(const eo_attr *a, size_t i, int64_t *v)
{
    const eo_type *e = eo_type_elem(eo_attr_type(a));
    if (!e || !eo_type_is_int(e))
        return false;
    if (eo_attr_get_kind(a) == EO_ATTR_DENSE) {
        *v = eo_attr_dense_int(a, i);
        return true;
    }
    size_t size = 0, w = eo_dense_elem_bytes(e);
    const void *d = eo_attr_get_kind(a) == EO_ATTR_DENSE_RESOURCE &&
                    eo_attr_resource(a)
                    ? eo_resource_data(eo_attr_resource(a), &size) : NULL;
    if (!d || (w != 4 && w != 8) || size < (i + 1) * w)
        return false;
    if (w == 4) {
        int32_t x;
        memcpy(&x, (const char *)d + i * 4, 4);
        *v = x;
    } else {
        memcpy(v, (const char *)d + i * 8, 8);
    }
    return true;
}

/* graph.gather whose indices are a constant scalar, or a constant 1-D
 * arithmetic sequence, -> a tl.generic reading x at a + b * d along the
 * axis. Other indices stay (G2T_SKIP). */
static int
lower_gather(eo_rewriter *rw, eo_op *op)
{
    if (eo_op_num_operands(op) != 2 || !movable(op))
        return G2T_SKIP;
    const eo_type *xt = eo_value_type(eo_op_operand(op, 0));
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_attr *iv = eo_value_constant(eo_op_operand(op, 1));
    const eo_type *it = iv ? eo_attr_type(iv) : NULL;
    if (!iv || !it || !eo_type_has_rank(it) || eo_type_rank(it) > 1 ||
        eo_type_num_elements(it) < 1)
        return G2T_SKIP;
    size_t xr = eo_type_rank(xt), ir = eo_type_rank(it);
    int64_t ax = eo_graph_attr_int(op, "axis", 0);
    if (ax < 0)
        ax += (int64_t)xr;
    if (ax < 0 || ax >= (int64_t)xr || eo_type_rank(rt) != xr - 1 + ir)
        return G2T_SKIP;
    int64_t dim = eo_type_dim(xt, (size_t)ax);
    int64_t n = eo_type_num_elements(it), a = 0, b = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t v;
        if (!index_at(iv, (size_t)i, &v))
            return G2T_SKIP;
        if (v < -dim || v >= dim)
            return G2T_SKIP;   /* the interpreter reports it */
        if (v < 0)
            v += dim;
        if (i == 0)
            a = v;
        else if (i == 1)
            b = v - a;
        else if (v != a + b * i)
            return G2T_SKIP;
    }
    const eo_affine_expr *in[EO_TL_MAX_LOOPS];
    eo_ctx *ctx = rw->b.ctx;
    for (size_t j = 0; j < xr; j++) {
        if ((int64_t)j < ax)
            in[j] = eo_affine_dim(ctx, (unsigned)j);
        else if ((int64_t)j > ax)
            in[j] = eo_affine_dim(ctx, (unsigned)(j - 1 + ir));
        else if (ir == 0 || n == 1)
            in[j] = eo_affine_const(ctx, a);
        else
            in[j] = lin_expr(ctx, (unsigned)j, b, a);
    }
    return move_generic(rw, op, eo_op_operand(op, 0), in);
}

/* The input index of output index 'o' along a resized axis (ONNX Resize,
 * mode nearest; as the interpreter computes it). */
static int64_t
nearest_index(int ct, int nm, int64_t o, double scale, int64_t len_in)
{
    double x = (double)o, len_out = scale * (double)len_in, c;
    switch (ct) {
    case 1:                 /* asymmetric */
        c = x / scale;
        break;
    case 2:                 /* align_corners */
        c = len_out == 1 ? 0.0 : x * (double)(len_in - 1) / (len_out - 1);
        break;
    case 3:                 /* pytorch_half_pixel */
        c = len_out == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
        break;
    default:                /* half_pixel */
        c = (x + 0.5) / scale - 0.5;
        break;
    }
    double f = floor(c);
    switch (nm) {
    case 2: c = f; break;                               /* floor */
    case 3: c = ceil(c); break;                         /* ceil */
    case 1: c = c - f >= 0.5 ? f + 1 : f; break;        /* round_prefer_ceil */
    default: c = c - f > 0.5 ? f + 1 : f; break;
    }
    if (!(c >= 0))
        return 0;
    return c >= (double)(len_in - 1) ? len_in - 1 : (int64_t)c;
}

/* An affine expression of loop d equal to idx[o] for every o < n:
 * (o + c) floordiv k (upsampling by k = n / len_in), o * k + c
 * (downsampling by k = len_in / n), or the constant idx[0]; NULL if
 * none matches. */
static const eo_affine_expr *
index_expr(eo_ctx *ctx, unsigned d, const int64_t *idx, int64_t n,
           int64_t len_in)
{
    bool same = true;
    for (int64_t o = 1; o < n && same; o++)
        same = idx[o] == idx[0];
    if (same)
        return eo_affine_const(ctx, idx[0]);
    if (n % len_in == 0) {
        int64_t k = n / len_in;
        for (int64_t c = 0; c < k; c++) {
            bool ok = true;
            for (int64_t o = 0; o < n && ok; o++)
                ok = idx[o] == (o + c) / k;
            if (ok)
                return k == 1 ? eo_affine_dim(ctx, d)
                              : eo_affine_floordiv(ctx,
                                                   lin_expr(ctx, d, 1, c),
                                                   eo_affine_const(ctx, k));
        }
    }
    if (len_in % n == 0) {
        int64_t k = len_in / n;
        for (int64_t c = 0; c < k; c++) {
            bool ok = true;
            for (int64_t o = 0; o < n && ok; o++)
                ok = idx[o] == o * k + c;
            if (ok)
                return lin_expr(ctx, d, k, c);
        }
    }
    return NULL;
}

/* graph.resize, mode nearest, whose index maps along H and W are affine
 * (index_expr) -> a tl.generic copy; else G2T_SKIP. */
static int
lower_resize(eo_rewriter *rw, eo_op *op)
{
    static const char *const cts[] = { "half_pixel", "asymmetric",
                                       "align_corners", "pytorch_half_pixel",
                                       NULL };
    static const char *const nms[] = { "round_prefer_floor",
                                       "round_prefer_ceil", "floor", "ceil",
                                       NULL };
    if (!movable(op) ||
        strcmp(eo_graph_attr_str(op, "mode", "nearest"), "nearest") != 0)
        return G2T_SKIP;
    const char *cs = eo_graph_attr_str(op, "coordinate_transformation_mode",
                                       "half_pixel");
    const char *ns = eo_graph_attr_str(op, "nearest_mode",
                                       "round_prefer_floor");
    int ct = -1, nm = -1;
    for (int i = 0; cts[i]; i++)
        if (strcmp(cs, cts[i]) == 0)
            ct = i;
    for (int i = 0; nms[i]; i++)
        if (strcmp(ns, nms[i]) == 0)
            nm = i;
    const eo_type *xt = eo_value_type(eo_op_operand(op, 0));
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const char *layout = eo_graph_attr_str(op, "layout", "NCHW");
    bool nhwc = strcmp(layout, "NHWC") == 0;
    if (ct < 0 || nm < 0 || eo_type_rank(xt) != 4 ||
        eo_type_rank(rt) != 4 || (!nhwc && strcmp(layout, "NCHW") != 0))
        return G2T_SKIP;
    size_t hd = nhwc ? 1 : 2, cd = nhwc ? 3 : 1;
    if (eo_type_dim(xt, 0) != eo_type_dim(rt, 0) ||
        eo_type_dim(xt, cd) != eo_type_dim(rt, cd))
        return G2T_SKIP;
    const eo_attr *sc = eo_op_attr(op, "scales");
    size_t nsc = sc && eo_attr_get_kind(sc) == EO_ATTR_DENSE_ARRAY
                 ? eo_attr_dense_array_size(sc) : 0;
    if (sc && nsc != 2 && nsc != 4)
        return G2T_SKIP;
    eo_ctx *ctx = rw->b.ctx;
    const eo_affine_expr *in[4];
    for (size_t d = 0; d < 4; d++)
        in[d] = eo_affine_dim(ctx, (unsigned)d);
    for (size_t s = 0; s < 2; s++) {
        size_t d = hd + s;
        int64_t li = eo_type_dim(xt, d), lo = eo_type_dim(rt, d);
        double scale = (double)lo / (double)li;
        if (sc)
            scale = eo_attr_dense_array_float(sc, nsc == 4 ? d : s);
        if (!(scale > 0))
            return G2T_SKIP;
        int64_t *idx = malloc((size_t)lo * sizeof *idx);
        if (!idx)
            return G2T_FAIL;
        for (int64_t o = 0; o < lo; o++)
            idx[o] = nearest_index(ct, nm, o, scale, li);
        in[d] = index_expr(ctx, (unsigned)d, idx, lo, li);
        free(idx);
        if (!in[d])
            return G2T_SKIP;
    }
    return move_generic(rw, op, eo_op_operand(op, 0), in);
}

/* Lowers 'op'; G2T_SKIP leaves it as it is. */
static int
lower_op(eo_rewriter *rw, eo_op *op)
{
    int k = eo_graph_op_kind(op);
    switch (k) {
    case GRAPH_CONV2D: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp))
            return lower_qconv(rw, op);
        return lower_conv(rw, op);
    }
    case GRAPH_MATMUL:
    case GRAPH_GEMM: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp))
            return lower_qmatmul(rw, op, k == GRAPH_GEMM);
        return lower_matmul_gemm(rw, op, k == GRAPH_GEMM);
    }
    case GRAPH_ADD: case GRAPH_MUL: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp))
            return lower_qbinary(rw, op, k == GRAPH_MUL);
        return lower_binary(rw, op, k);
    }
    case GRAPH_SUB: case GRAPH_DIV:
    case GRAPH_MAX: case GRAPH_MIN: case GRAPH_POW:
        return lower_binary(rw, op, k);
    case GRAPH_QUANTIZE: {
        eo_quant_params qp;
        if (q8(eo_op_result(op, 0), &qp) && qp.axis >= 0)
            return lower_qdq_axis(rw, op, true);
        return lower_quantize(rw, op);
    }
    case GRAPH_DEQUANTIZE: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp) && qp.axis >= 0)
            return lower_qdq_axis(rw, op, false);
        return lower_dequantize(rw, op);
    }
    case GRAPH_REQUANTIZE:
        return lower_qrescale(rw, op, k);
    case GRAPH_RELU: case GRAPH_CLIP: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp))
            return lower_qrescale(rw, op, k);
        return lower_unary_op(rw, op, k);
    }
    case GRAPH_NEG: case GRAPH_ABS: case GRAPH_SQRT: case GRAPH_EXP:
    case GRAPH_LOG: case GRAPH_ERF: case GRAPH_SIGMOID:
    case GRAPH_TANH: case GRAPH_HARD_SWISH:
    case GRAPH_LEAKY_RELU: case GRAPH_HARD_SIGMOID:
        return lower_unary_op(rw, op, k);
    case GRAPH_AVG_POOL: case GRAPH_GLOBAL_AVG_POOL: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp))
            return lower_qavg_pool(rw, op, k);
        return lower_pool(rw, op, k);
    }
    case GRAPH_MAX_POOL: case GRAPH_GLOBAL_MAX_POOL: {
        eo_quant_params qp;
        if (q8(eo_op_operand(op, 0), &qp))
            return lower_qmax_pool(rw, op, k);
        return lower_pool(rw, op, k);
    }
    case GRAPH_SOFTMAX:
    case GRAPH_LOG_SOFTMAX:
        return lower_softmax(rw, op, k == GRAPH_LOG_SOFTMAX);
    case GRAPH_SLICE:
        return lower_slice(rw, op);
    case GRAPH_GATHER:
        return lower_gather(rw, op);
    case GRAPH_RESIZE:
        return lower_resize(rw, op);
    default:
        return G2T_SKIP;
    }
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

typedef struct collect {
    eo_op **ops;
    size_t n, cap;
    bool oom;
} collect;

static eo_walk_result
collect_graph(eo_op *op, void *ud)
{
    collect *c = ud;
    int k = eo_graph_op_kind(op);
    if (k < 0 || k == GRAPH_CONSTANT)
        return EO_WALK_ADVANCE;
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        eo_op **p = realloc(c->ops, cap * sizeof *p);
        if (!p) {
            c->oom = true;
            return EO_WALK_INTERRUPT;
        }
        c->ops = p;
        c->cap = cap;
    }
    c->ops[c->n++] = op;
    return EO_WALK_ADVANCE;
}

static eo_status
run_graph_to_tl(eo_op *func, eo_pass_ctx *pc, const void *options)
{
    const g2t_options *o = options;
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    collect c = {0};
    (void)eo_op_walk(func, EO_WALK_PRE, collect_graph, &c);
    if (c.oom) {
        free(c.ops);
        return eo_emit_error(ctx, eo_op_loc(func),
                             "out of memory in graph-to-tl");
    }
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, NULL, eo_pass_ctx_knobs(pc));
    eo_status st = EO_OK;
    size_t lowered = 0;
    for (size_t i = 0; i < c.n && st == EO_OK; i++) {
        eo_op *op = c.ops[i];
        rw.root = op;
        eo_builder_set_before(&rw.b, op);
        eo_op *defs[4] = {NULL, NULL, NULL, NULL};
        for (size_t j = 0; j < 4 && j < eo_op_num_operands(op); j++)
            defs[j] = eo_value_def_op(eo_op_operand(op, j));
        int r = lower_op(&rw, op);
        /* Filters replaced by relaid-out copies leave dead constants. */
        for (size_t j = 0; r == G2T_DONE && j < 4; j++)
            if (defs[j] && eo_graph_op_kind(defs[j]) == GRAPH_CONSTANT &&
                !eo_value_has_uses(eo_op_result(defs[j], 0))) {
                for (size_t m = j + 1; m < 4; m++)
                    if (defs[m] == defs[j])
                        defs[m] = NULL;
                eo_rewriter_erase_op(&rw, defs[j]);
            }
        if (r == G2T_FAIL)
            st = eo_op_error(op, "lowering to tl failed (out of memory)");
        else if (r == G2T_DONE)
            lowered++, c.ops[i] = NULL;
        else if (o && o->full)
            st = eo_op_error(op, "has no lowering to tl (graph-to-tl "
                                 "full=true)");
    }
    free(c.ops);
    if (st == EO_OK && !lowered)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_option g2t_opts[] = {
    {"full", "Fail on any graph op (other than graph.constant) that has "
             "no lowering, instead of leaving it",
     EO_OPT_BOOL, offsetof(g2t_options, full), "false"},
};

static const eo_pass_def graph_to_tl_pass = {
    .name = "graph-to-tl",
    .description = "Lower graph ops (f32 and int8) to tl ops on tensors, "
                   "op by op",
    .anchor = "func.func",
    .options = g2t_opts,
    .num_options = 1,
    .options_size = sizeof(g2t_options),
    .run = run_graph_to_tl,
};

const eo_pass_def *
eo_tl_graph_to_tl_pass_def(void)
{
    return &graph_to_tl_pass;
}

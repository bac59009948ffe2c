/* dialects/graph/onnx/onnx_ops.c - one converter per ONNX op: reads the
 * node's attributes and inputs (with the defaults of the model's opset),
 * folds constant subgraphs (shape arithmetic on known tensors) and emits
 * graph ops through onnx_emit. Every unsupported feature is reported as
 * "unsupported: ..." (the node prefix is added by the importer). */
#include "dialects/graph/onnx/onnx_internal.h"
#include "dialects/quant/quant.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DT_FLOAT ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT
#define DT_UINT8 ONNX__TENSOR_PROTO__DATA_TYPE__UINT8
#define DT_INT8 ONNX__TENSOR_PROTO__DATA_TYPE__INT8
#define DT_INT32 ONNX__TENSOR_PROTO__DATA_TYPE__INT32
#define DT_INT64 ONNX__TENSOR_PROTO__DATA_TYPE__INT64
#define DT_BOOL ONNX__TENSOR_PROTO__DATA_TYPE__BOOL

#define MAXR EO_GRAPH_MAX_RANK
/* Longest integer / float list attribute accepted. */
#define MAX_LIST 64

/* memcpy of n dims; 'src' may be NULL when n is 0 (rank-0 types). */
static void
copy_dims(int64_t *dst, const int64_t *src, size_t n)
{
    if (n)
        memcpy(dst, src, n * sizeof(int64_t));
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

static const Onnx__AttributeProto *
attr_find(onnx_importer *I, const char *name)
{
    const Onnx__NodeProto *n = I->node;
    for (size_t i = 0; i < n->n_attribute; i++) {
        const Onnx__AttributeProto *a = n->attribute[i];
        if (a->name && strcmp(a->name, name) == 0)
            return a;
    }
    return NULL;
}

static bool
attr_is(const Onnx__AttributeProto *a, Onnx__AttributeProto__AttributeType t)
{
    return a->has_type ? a->type == t : true;
}

static eo_status
a_int(onnx_importer *I, const char *name, int64_t def, int64_t *out)
{
    const Onnx__AttributeProto *a = attr_find(I, name);
    *out = def;
    if (!a)
        return EO_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT) ||
        (!a->has_type && !a->has_i))
        return onnx_error(I, "attribute '%s' must be an int", name);
    *out = a->i;
    return EO_OK;
}

static eo_status
a_float(onnx_importer *I, const char *name, double def, double *out)
{
    const Onnx__AttributeProto *a = attr_find(I, name);
    *out = def;
    if (!a)
        return EO_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT) ||
        (!a->has_type && !a->has_f))
        return onnx_error(I, "attribute '%s' must be a float", name);
    *out = a->f;
    return EO_OK;
}

/* A string attribute into out[size] (NUL-terminated). */
static eo_status
a_str(onnx_importer *I, const char *name, const char *def, char *out,
      size_t size)
{
    const Onnx__AttributeProto *a = attr_find(I, name);
    snprintf(out, size, "%s", def);
    if (!a)
        return EO_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING) ||
        (!a->has_type && !a->has_s))
        return onnx_error(I, "attribute '%s' must be a string", name);
    size_t n = a->s.len;
    if (n >= size || (n && memchr(a->s.data, 0, n)))
        return onnx_error(I, "unsupported: attribute %s = '%.*s'", name,
                          (int)(n < 64 ? n : 64), (const char *)a->s.data);
    if (n)
        memcpy(out, a->s.data, n);
    out[n] = 0;
    return EO_OK;
}

/* Whether every v[i] is in [lo, ONNX_MAX_DIM]. */
static bool
in_bounds(const int64_t *v, long n, int64_t lo)
{
    for (long i = 0; i < n; i++)
        if (v[i] < lo || v[i] > ONNX_MAX_DIM)
            return false;
    return true;
}

/* An int list: *n = -1 when absent. */
static eo_status
a_ints(onnx_importer *I, const char *name, int64_t *out, size_t max, long *n)
{
    const Onnx__AttributeProto *a = attr_find(I, name);
    *n = -1;
    if (!a)
        return EO_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS))
        return onnx_error(I, "attribute '%s' must be a list of ints", name);
    if (a->n_ints > max)
        return onnx_error(I, "unsupported: attribute '%s' has %zu values",
                          name, a->n_ints);
    copy_dims(out, a->ints, a->n_ints);
    *n = (long)a->n_ints;
    return EO_OK;
}

static eo_status
a_floats(onnx_importer *I, const char *name, double *out, size_t max,
         long *n)
{
    const Onnx__AttributeProto *a = attr_find(I, name);
    *n = -1;
    if (!a)
        return EO_OK;
    if (!attr_is(a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOATS))
        return onnx_error(I, "attribute '%s' must be a list of floats",
                          name);
    if (a->n_floats > max)
        return onnx_error(I, "unsupported: attribute '%s' has %zu values",
                          name, a->n_floats);
    for (size_t i = 0; i < a->n_floats; i++)
        out[i] = a->floats[i];
    *n = (long)a->n_floats;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Inputs and outputs                                                  */
/* ------------------------------------------------------------------ */

static onnx_val *
in(onnx_importer *I, size_t i)
{
    const Onnx__NodeProto *n = I->node;
    if (i >= n->n_input || !n->input[i] || !*n->input[i])
        return NULL;
    return onnx_lookup(I, n->input[i]);
}

static onnx_val *
need(onnx_importer *I, size_t i)
{
    onnx_val *x = in(I, i);
    if (!x)
        onnx_error(I, "missing input %zu", i);
    return x;
}

static eo_value *
in_value(onnx_importer *I, size_t i)
{
    onnx_val *x = need(I, i);
    return x ? onnx_materialize(I, x, NULL) : NULL;
}

/* The known value of input i; an "unsupported" error if it has none. */
static onnx_cst *
in_cst(onnx_importer *I, size_t i, const char *what)
{
    onnx_val *x = need(I, i);
    if (!x)
        return NULL;
    onnx_cst *c = onnx_val_cst(I, x);
    if (!c && !I->failed && !I->oom)
        onnx_error(I, "unsupported: %s (input %zu, '%s') must be a "
                   "constant", what, i, x->name);
    return c;
}

static bool
is_int_dt(int32_t dt)
{
    return dt == DT_INT64 || dt == DT_INT32 || dt == DT_INT8 ||
           dt == DT_UINT8 || dt == DT_BOOL;
}

/* The elements of integer constant 'c' into out[max]. */
static eo_status
cst_ints(onnx_importer *I, const onnx_cst *c, const char *what, int64_t *out,
         size_t max, size_t *n)
{
    if (!is_int_dt(c->t.dt))
        return onnx_error(I, "%s must be an integer tensor", what);
    if ((uint64_t)c->t.numel > max)
        return onnx_error(I, "unsupported: %s has %lld values", what,
                          (long long)c->t.numel);
    for (int64_t i = 0; i < c->t.numel; i++)
        out[i] = onnx_cst_int(c, i);
    *n = (size_t)c->t.numel;
    return EO_OK;
}

static eo_status
cst_scalar_f(onnx_importer *I, const onnx_cst *c, const char *what,
             double *out)
{
    if (c->t.numel != 1)
        return onnx_error(I, "unsupported: %s must hold one value", what);
    *out = onnx_cst_float(c, 0);
    return EO_OK;
}

static eo_status
out_value(onnx_importer *I, size_t i, eo_value *v)
{
    const Onnx__NodeProto *n = I->node;
    if (i >= n->n_output || !n->output[i] || !*n->output[i])
        return EO_OK;
    return onnx_define(I, n->output[i], v, NULL, NULL);
}

static eo_status
out_cst(onnx_importer *I, size_t i, onnx_cst *c)
{
    const Onnx__NodeProto *n = I->node;
    if (i >= n->n_output || !n->output[i] || !*n->output[i])
        return EO_OK;
    return onnx_define(I, n->output[i], NULL, c, NULL);
}

/* Output i is input x (Identity, Dropout, no-op reshapes). */
static eo_status
out_forward(onnx_importer *I, size_t i, onnx_val *x)
{
    const Onnx__NodeProto *n = I->node;
    if (i >= n->n_output || !n->output[i] || !*n->output[i])
        return EO_OK;
    /* Decoded once, shared by both names. */
    onnx_cst *c = onnx_val_cst(I, x);
    if (I->failed)
        return EO_ERROR;
    onnx_val copy = *x;
    return onnx_define(I, n->output[i], copy.v, c, NULL);
}

/* Whether output i exists and is named (optional outputs). */
static bool
has_out(onnx_importer *I, size_t i)
{
    const Onnx__NodeProto *n = I->node;
    return i < n->n_output && n->output[i] && *n->output[i];
}

static eo_status
emit1(onnx_importer *I, eo_graph_op k, size_t nops, eo_value *const *ops,
      onnx_alist *l, const eo_type *elem)
{
    for (size_t i = 0; i < nops; i++)
        if (!ops[i])
            return EO_ERROR;
    eo_op *op = onnx_emit(I, k, nops, ops, l, elem, NULL);
    return op ? out_value(I, 0, eo_op_result(op, 0)) : EO_ERROR;
}

/* Shape and ONNX data type of a tensor name. */
static void
val_shape(onnx_importer *I, onnx_val *x, size_t *rank, int64_t *shape,
          int32_t *dt)
{
    onnx_cst *c = onnx_val_cst(I, x);
    if (c) {
        *rank = c->t.rank;
        copy_dims(shape, c->t.shape, c->t.rank);
        if (dt)
            *dt = c->t.dt;
        return;
    }
    if (!x->v) {
        *rank = 0;
        if (dt)
            *dt = 0;
        return;
    }
    const eo_type *t = eo_value_type(x->v);
    *rank = eo_type_rank(t);
    copy_dims(shape, eo_type_shape(t), *rank);
    if (dt)
        *dt = onnx_dt_of_elem(eo_type_elem(t));
}

static eo_status
norm_axis(onnx_importer *I, int64_t axis, size_t rank, size_t *out)
{
    int64_t r = (int64_t)rank;
    *out = 0;
    if (axis < -r || axis >= r)
        return onnx_error(I, "axis %lld out of range for rank %zu",
                          (long long)axis, rank);
    *out = (size_t)(axis < 0 ? axis + r : axis);
    return EO_OK;
}

static int64_t
prod(const int64_t *s, size_t from, size_t to)
{
    int64_t p = 1;
    for (size_t i = from; i < to; i++)
        p *= s[i];
    return p;
}

/* A constant sharing c's data with another shape (same element count). */
static onnx_cst *
cst_reshaped(onnx_importer *I, const onnx_cst *c, size_t rank,
             const int64_t *shape)
{
    onnx_cst *r = onnx_arena_alloc(&I->scratch, sizeof(*r));
    if (!r) {
        onnx_nomem(I);
        return NULL;
    }
    *r = *c;
    r->t.rank = rank;
    copy_dims(r->t.shape, shape, rank);
    r->initializer = false;
    return r;
}

/* ------------------------------------------------------------------ */
/* Elementwise                                                         */
/* ------------------------------------------------------------------ */

static eo_status
cv_unary(onnx_importer *I, eo_graph_op k)
{
    eo_value *x = in_value(I, 0);
    return emit1(I, k, 1, &x, NULL, NULL);
}

static bool
bcast(size_t ra, const int64_t *sa, size_t rb, const int64_t *sb, size_t *r,
      int64_t *s)
{
    *r = ra > rb ? ra : rb;
    for (size_t i = 0; i < *r; i++) {
        int64_t a = i + ra >= *r ? sa[i + ra - *r] : 1;
        int64_t b = i + rb >= *r ? sb[i + rb - *r] : 1;
        if (a != b && a != 1 && b != 1)
            return false;
        s[i] = a == 1 ? b : a;
    }
    return true;
}

/* Linear index into an operand of shape (ra, sa) broadcast to (r, s) for
 * output multi-index idx. */
static int64_t
bcast_index(size_t ra, const int64_t *sa, size_t r, const int64_t *idx)
{
    int64_t off = 0;
    for (size_t i = 0; i < ra; i++) {
        int64_t d = sa[i];
        int64_t k = idx[i + r - ra];
        off = off * d + (d == 1 ? 0 : k);
    }
    return off;
}

static void
next_index(size_t r, const int64_t *s, int64_t *idx)
{
    for (size_t i = r; i-- > 0;) {
        if (++idx[i] < s[i])
            return;
        idx[i] = 0;
    }
}

/* Folds an integer binary op on two constants; NULL (no error) if the
 * operands are not both integer constants of one type. */
static onnx_cst *
fold_binary(onnx_importer *I, eo_graph_op k, onnx_cst *a, onnx_cst *b,
            bool *err)
{
    *err = false;
    if (!is_int_dt(a->t.dt) || a->t.dt != b->t.dt || a->t.dt == DT_BOOL)
        return NULL;
    size_t r;
    int64_t s[MAXR];
    if (!bcast(a->t.rank, a->t.shape, b->t.rank, b->t.shape, &r, s)) {
        *err = true;
        onnx_error(I, "shapes do not broadcast");
        return NULL;
    }
    onnx_cst *o = onnx_cst_new(I, a->t.dt, r, s);
    if (!o) {
        *err = true;
        return NULL;
    }
    int64_t idx[MAXR] = { 0 };
    for (int64_t i = 0; i < o->t.numel; i++) {
        int64_t x = onnx_cst_int(a, bcast_index(a->t.rank, a->t.shape, r,
                                                idx));
        int64_t y = onnx_cst_int(b, bcast_index(b->t.rank, b->t.shape, r,
                                                idx));
        int64_t z = 0;
        switch (k) {
        case GRAPH_ADD: z = (int64_t)((uint64_t)x + (uint64_t)y); break;
        case GRAPH_SUB: z = (int64_t)((uint64_t)x - (uint64_t)y); break;
        case GRAPH_MUL: z = (int64_t)((uint64_t)x * (uint64_t)y); break;
        case GRAPH_DIV:
            if (y == 0 || (x == INT64_MIN && y == -1)) {
                *err = true;
                onnx_error(I, "integer division by zero in a constant");
                return NULL;
            }
            z = x / y;
            break;
        case GRAPH_MAX: z = x > y ? x : y; break;
        case GRAPH_MIN: z = x < y ? x : y; break;
        default:
            return NULL;
        }
        onnx_cst_set(o, i, z, 0);
        next_index(r, s, idx);
    }
    return o;
}

/* Before opset 7, Add/Sub/Mul/Div/Pow/Equal/Less/Greater broadcast only
 * with attribute broadcast = 1, B's dimensions aligned with A's from
 * 'axis' (default: trailing); with broadcast = 0 the shapes must match.
 * '*b' is replaced (through 'tmp') by B reshaped to A's rank, so that
 * numpy-style broadcasting computes the old result. */
static eo_status
legacy_bcast(onnx_importer *I, onnx_val *a, onnx_val **b, onnx_val *tmp)
{
    if (I->opset >= 7)
        return EO_OK;
    int64_t on, axis;
    if (a_int(I, "broadcast", 0, &on) != EO_OK ||
        a_int(I, "axis", INT64_MIN, &axis) != EO_OK)
        return EO_ERROR;
    size_t ra, rb;
    int64_t sa[MAXR], sb[MAXR];
    val_shape(I, a, &ra, sa, NULL);
    val_shape(I, *b, &rb, sb, NULL);
    if (I->failed)
        return EO_ERROR;
    if (!on) {
        if (ra != rb || (ra && memcmp(sa, sb, ra * sizeof(int64_t))))
            return onnx_error(I, "the shapes differ and broadcast = 0 "
                              "(opset %d)", I->opset);
        return EO_OK;
    }
    if (rb > ra)
        return onnx_error(I, "broadcast: B has a higher rank than A");
    int64_t ax = axis == INT64_MIN ? (int64_t)(ra - rb)
                 : axis < 0        ? axis + (int64_t)ra
                                   : axis;
    if (ax < 0 || ax > (int64_t)(ra - rb))
        return onnx_error(I, "broadcast: axis %lld out of range",
                          (long long)axis);
    int64_t s[MAXR];
    for (size_t i = 0; i < ra; i++)
        s[i] = 1;
    for (size_t i = 0; i < rb; i++) {
        if (sb[i] != 1 && sb[i] != sa[(size_t)ax + i])
            return onnx_error(I, "broadcast: dimension %zu of B (%lld) "
                              "does not match A's (%lld)", i,
                              (long long)sb[i],
                              (long long)sa[(size_t)ax + i]);
        s[(size_t)ax + i] = sb[i];
    }
    if (ra == rb)
        return EO_OK;
    memset(tmp, 0, sizeof(*tmp));
    tmp->name = (*b)->name;
    onnx_cst *c = onnx_val_cst(I, *b);
    if (c) {
        if (!(tmp->c = cst_reshaped(I, c, ra, s)))
            return EO_ERROR;
    } else {
        eo_value *v = onnx_materialize(I, *b, NULL);
        if (!v)
            return EO_ERROR;
        onnx_alist l = { 0 };
        onnx_al_ints(I, &l, "shape", ra, s);
        eo_op *op = onnx_emit(I, GRAPH_RESHAPE, 1, &v, &l, NULL, "_bcast");
        if (!op)
            return EO_ERROR;
        tmp->v = eo_op_result(op, 0);
    }
    *b = tmp;
    return EO_OK;
}

static eo_status
cv_binary(onnx_importer *I, eo_graph_op k)
{
    onnx_val *a = need(I, 0), *b = need(I, 1), tmp;
    if (!a || !b)
        return EO_ERROR;
    if (I->node->n_input > 2)
        return onnx_error(I, "expects 2 inputs");
    if (legacy_bcast(I, a, &b, &tmp) != EO_OK)
        return EO_ERROR;
    onnx_cst *ca = onnx_val_cst(I, a), *cb = onnx_val_cst(I, b);
    if (ca && cb) {
        bool err;
        onnx_cst *o = fold_binary(I, k, ca, cb, &err);
        if (err)
            return EO_ERROR;
        if (o)
            return out_cst(I, 0, o);
    }
    if (I->failed)
        return EO_ERROR;
    eo_value *ops[2] = { onnx_materialize(I, a, NULL),
                         onnx_materialize(I, b, NULL) };
    return emit1(I, k, 2, ops, NULL, NULL);
}

/* Max / Min: variadic (1 or more inputs), chained pairwise. */
static eo_status
cv_variadic(onnx_importer *I, eo_graph_op k)
{
    size_t n = I->node->n_input;
    if (n == 0)
        return onnx_error(I, "expects at least one input");
    onnx_val *first = need(I, 0);
    if (!first)
        return EO_ERROR;
    if (n == 1)
        return out_forward(I, 0, first);
    if (n == 2)
        return cv_binary(I, k);
    eo_value *acc = onnx_materialize(I, first, NULL);
    for (size_t i = 1; acc && i < n; i++) {
        eo_value *ops[2] = { acc, in_value(I, i) };
        if (!ops[1])
            return EO_ERROR;
        char suffix[32];
        suffix[0] = 0;
        if (i + 1 < n)
            snprintf(suffix, sizeof(suffix), "_%zu", i);
        eo_op *op = onnx_emit(I, k, 2, ops, NULL, NULL, suffix);
        acc = op ? eo_op_result(op, 0) : NULL;
    }
    return acc ? out_value(I, 0, acc) : EO_ERROR;
}

static eo_status
cv_pow(onnx_importer *I)
{
    onnx_val *a = need(I, 0), *b = need(I, 1), tmp;
    if (!a || !b || legacy_bcast(I, a, &b, &tmp) != EO_OK)
        return EO_ERROR;
    size_t ra, rb;
    int64_t sa[MAXR], sb[MAXR];
    int32_t da, db;
    val_shape(I, a, &ra, sa, &da);
    val_shape(I, b, &rb, sb, &db);
    eo_value *ops[2] = { onnx_materialize(I, a, NULL), NULL };
    if (da == db) {
        ops[1] = onnx_materialize(I, b, NULL);
    } else {
        /* Exponent of another type: converted if known. */
        onnx_cst *cb = onnx_val_cst(I, b);
        if (!cb)
            return I->failed ? EO_ERROR
                             : onnx_error(I, "unsupported: exponent of "
                                          "another type than the base "
                                          "that is not a constant "
                                          "('%s')", b->name);
        onnx_cst *conv = onnx_cst_new(I, da, cb->t.rank, cb->t.shape);
        if (!conv)
            return EO_ERROR;
        for (int64_t i = 0; i < cb->t.numel; i++)
            onnx_cst_set(conv, i, onnx_cst_int(cb, i),
                         onnx_cst_float(cb, i));
        onnx_val cv = { .name = b->name, .c = conv };
        ops[1] = onnx_materialize(I, &cv, NULL);
    }
    return emit1(I, GRAPH_POW, 2, ops, NULL, NULL);
}

static eo_status
cv_clip(onnx_importer *I)
{
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    double lo = -INFINITY, hi = INFINITY;
    if (I->opset < 11) {
        if (a_float(I, "min", -INFINITY, &lo) != EO_OK ||
            a_float(I, "max", INFINITY, &hi) != EO_OK)
            return EO_ERROR;
    } else {
        if (in(I, 1)) {
            onnx_cst *c = in_cst(I, 1, "min");
            if (!c || cst_scalar_f(I, c, "min", &lo) != EO_OK)
                return EO_ERROR;
        }
        if (in(I, 2)) {
            onnx_cst *c = in_cst(I, 2, "max");
            if (!c || cst_scalar_f(I, c, "max", &hi) != EO_OK)
                return EO_ERROR;
        }
    }
    onnx_alist l = { 0 };
    if (lo > -FLT_MAX)
        onnx_al_f32(I, &l, "min", lo);
    if (hi < FLT_MAX)
        onnx_al_f32(I, &l, "max", hi);
    return emit1(I, GRAPH_CLIP, 1, &x, &l, NULL);
}

static eo_status
cv_leaky_relu(onnx_importer *I)
{
    double alpha;
    if (a_float(I, "alpha", 0.01, &alpha) != EO_OK)
        return EO_ERROR;
    eo_value *x = in_value(I, 0);
    onnx_alist l = { 0 };
    if ((float)alpha != 0.01f)
        onnx_al_f32(I, &l, "alpha", alpha);
    return emit1(I, GRAPH_LEAKY_RELU, 1, &x, &l, NULL);
}

static eo_status
cv_hard_sigmoid(onnx_importer *I)
{
    double alpha, beta;
    if (a_float(I, "alpha", 0.2, &alpha) != EO_OK ||
        a_float(I, "beta", 0.5, &beta) != EO_OK)
        return EO_ERROR;
    eo_value *x = in_value(I, 0);
    onnx_alist l = { 0 };
    if ((float)alpha != 0.2f)
        onnx_al_f32(I, &l, "alpha", alpha);
    if ((float)beta != 0.5f)
        onnx_al_f32(I, &l, "beta", beta);
    return emit1(I, GRAPH_HARD_SIGMOID, 1, &x, &l, NULL);
}

static eo_status
cv_gelu(onnx_importer *I)
{
    char approx[16];
    if (a_str(I, "approximate", "none", approx, sizeof(approx)) != EO_OK)
        return EO_ERROR;
    if (strcmp(approx, "none") && strcmp(approx, "tanh"))
        return onnx_error(I, "unsupported: approximate = '%s'", approx);
    eo_value *x = in_value(I, 0);
    onnx_alist l = { 0 };
    if (strcmp(approx, "none"))
        onnx_al_str(I, &l, "approximate", approx);
    return emit1(I, GRAPH_GELU, 1, &x, &l, NULL);
}

/* Softmax / LogSoftmax. Before opset 13 the input is coerced to 2-D at
 * 'axis' and normalized over the flattened tail: reshape, softmax over
 * the last axis, reshape back. */
static eo_status
cv_softmax(onnx_importer *I, eo_graph_op k)
{
    int64_t axis;
    if (a_int(I, "axis", I->opset < 13 ? 1 : -1, &axis) != EO_OK)
        return EO_ERROR;
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    const eo_type *t = eo_value_type(x);
    size_t r = eo_type_rank(t), a;
    if (norm_axis(I, axis, r, &a) != EO_OK)
        return EO_ERROR;
    onnx_alist l = { 0 };
    if (I->opset >= 13 || a + 1 == r) {
        if (a + 1 != r)
            onnx_al_int(I, &l, "axis", (int64_t)a);
        return emit1(I, k, 1, &x, &l, NULL);
    }
    const int64_t *s = eo_type_shape(t);
    int64_t flat[2] = { prod(s, 0, a), prod(s, a, r) };
    onnx_al_ints(I, &l, "shape", 2, flat);
    eo_op *pre = onnx_emit(I, GRAPH_RESHAPE, 1, &x, &l, NULL, "_flatten");
    if (!pre)
        return EO_ERROR;
    eo_value *y = eo_op_result(pre, 0);
    eo_op *sm = onnx_emit(I, k, 1, &y, NULL, NULL, NULL);
    if (!sm)
        return EO_ERROR;
    y = eo_op_result(sm, 0);
    onnx_alist l2 = { 0 };
    onnx_al_ints(I, &l2, "shape", r, s);
    eo_op *post = onnx_emit(I, GRAPH_RESHAPE, 1, &y, &l2, NULL, "_unflatten");
    return post ? out_value(I, 0, eo_op_result(post, 0)) : EO_ERROR;
}

/* ------------------------------------------------------------------ */
/* Convolution, pooling, normalization                                 */
/* ------------------------------------------------------------------ */

/* auto_pad, strides, pads, dilations shared by Conv and the pools; 'x'
 * must be 4-D (NCHW). */
static eo_status
spatial_attrs(onnx_importer *I, onnx_alist *l, eo_value *x, bool dilations)
{
    if (eo_type_rank(eo_value_type(x)) != 4)
        return onnx_error(I, "unsupported: %zu-D input (only 2-D spatial "
                          "NCHW)", eo_type_rank(eo_value_type(x)));
    char ap[32];
    if (a_str(I, "auto_pad", "NOTSET", ap, sizeof(ap)) != EO_OK)
        return EO_ERROR;
    if (strcmp(ap, "NOTSET") && strcmp(ap, "VALID") &&
        strcmp(ap, "SAME_UPPER") && strcmp(ap, "SAME_LOWER"))
        return onnx_error(I, "unsupported: auto_pad '%s'", ap);
    if (strcmp(ap, "NOTSET"))
        onnx_al_str(I, l, "auto_pad", ap);
    int64_t v[MAX_LIST];
    long n;
    if (a_ints(I, "strides", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    if (n >= 0 && (n != 2 || !in_bounds(v, n, 1)))
        return onnx_error(I, "unsupported: strides (2 values, 1 or more)");
    if (n == 2 && (v[0] != 1 || v[1] != 1))
        onnx_al_ints(I, l, "strides", 2, v);
    if (a_ints(I, "pads", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    if (n >= 0 && (n != 4 || !in_bounds(v, n, 0)))
        return onnx_error(I, "unsupported: pads (4 values, 0 or more)");
    if (n == 4 && (v[0] || v[1] || v[2] || v[3])) {
        if (strcmp(ap, "NOTSET"))
            return onnx_error(I, "unsupported: auto_pad '%s' with explicit "
                              "pads", ap);
        onnx_al_ints(I, l, "pads", 4, v);
    }
    if (a_ints(I, "dilations", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    if (n >= 0 && (n != 2 || !in_bounds(v, n, 1)))
        return onnx_error(I, "unsupported: dilations (2 values, 1 or "
                          "more)");
    if (n == 2 && (v[0] != 1 || v[1] != 1)) {
        if (!dilations)
            return onnx_error(I, "unsupported: dilations other than 1");
        onnx_al_ints(I, l, "dilations", 2, v);
    }
    return EO_OK;
}

/* kernel_shape of a conv: must match the filter if given. */
static eo_status
check_kernel(onnx_importer *I, eo_value *w, size_t kdim)
{
    int64_t v[MAX_LIST];
    long n;
    if (a_ints(I, "kernel_shape", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_value_type(w);
    if (n < 0)
        return EO_OK;
    if (eo_type_rank(t) != kdim + 2 || n != (long)kdim ||
        v[0] != eo_type_dim(t, 2) || v[1] != eo_type_dim(t, 3))
        return onnx_error(I, "kernel_shape does not match the weights");
    return EO_OK;
}

static eo_status
cv_conv_common(onnx_importer *I, eo_value *x, eo_value *w, eo_value *b,
               const eo_type *elem)
{
    if (!x || !w)
        return EO_ERROR;
    onnx_alist l = { 0 };
    if (spatial_attrs(I, &l, x, true) != EO_OK ||
        check_kernel(I, w, 2) != EO_OK)
        return EO_ERROR;
    int64_t group;
    if (a_int(I, "group", 1, &group) != EO_OK)
        return EO_ERROR;
    if (group < 1 || group > ONNX_MAX_DIM)
        return onnx_error(I, "invalid group %lld", (long long)group);
    if (group != 1)
        onnx_al_int(I, &l, "groups", group);
    eo_value *ops[3] = { x, w, b };
    return emit1(I, GRAPH_CONV2D, b ? 3 : 2, ops, &l, elem);
}

static eo_status
cv_conv(onnx_importer *I)
{
    eo_value *x = in_value(I, 0), *w = in_value(I, 1);
    eo_value *b = in(I, 2) ? in_value(I, 2) : NULL;
    if (in(I, 2) && !b)
        return EO_ERROR;
    return cv_conv_common(I, x, w, b, NULL);
}

static eo_status
cv_conv_transpose(onnx_importer *I)
{
    eo_value *x = in_value(I, 0), *w = in_value(I, 1);
    eo_value *b = in(I, 2) ? in_value(I, 2) : NULL;
    if (!x || !w || (in(I, 2) && !b))
        return EO_ERROR;
    onnx_alist l = { 0 };
    if (spatial_attrs(I, &l, x, true) != EO_OK ||
        check_kernel(I, w, 2) != EO_OK)
        return EO_ERROR;
    int64_t v[MAX_LIST], group;
    long n;
    if (a_ints(I, "output_shape", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    if (n >= 0)
        return onnx_error(I, "unsupported: output_shape (give pads and "
                          "output_padding)");
    if (a_ints(I, "output_padding", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    if (n >= 0 && (n != 2 || !in_bounds(v, n, 0)))
        return onnx_error(I, "unsupported: output_padding (2 values, 0 or "
                          "more)");
    if (n == 2 && (v[0] || v[1]))
        onnx_al_ints(I, &l, "output_padding", 2, v);
    if (a_int(I, "group", 1, &group) != EO_OK)
        return EO_ERROR;
    if (group < 1 || group > ONNX_MAX_DIM)
        return onnx_error(I, "invalid group %lld", (long long)group);
    if (group != 1)
        onnx_al_int(I, &l, "groups", group);
    eo_value *ops[3] = { x, w, b };
    return emit1(I, GRAPH_CONV_TRANSPOSE2D, b ? 3 : 2, ops, &l, NULL);
}

static eo_status
cv_pool(onnx_importer *I, eo_graph_op k)
{
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    onnx_alist l = { 0 };
    bool is_max = k == GRAPH_MAX_POOL;
    if (spatial_attrs(I, &l, x, is_max) != EO_OK)
        return EO_ERROR;
    int64_t v[MAX_LIST], ceil_mode, cip, order;
    long n;
    if (a_ints(I, "kernel_shape", v, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    if (n != 2 || !in_bounds(v, n, 1))
        return onnx_error(I, "unsupported: kernel_shape (2 values, 1 or "
                          "more)");
    onnx_al_ints(I, &l, "kernel", 2, v);
    if (a_int(I, "ceil_mode", 0, &ceil_mode) != EO_OK)
        return EO_ERROR;
    if (ceil_mode)
        onnx_al_bool(I, &l, "ceil_mode", true);
    if (is_max) {
        if (a_int(I, "storage_order", 0, &order) != EO_OK)
            return EO_ERROR;
        if (has_out(I, 1))
            return onnx_error(I, "unsupported: the Indices output");
    } else {
        if (a_int(I, "count_include_pad", 0, &cip) != EO_OK)
            return EO_ERROR;
        if (cip)
            onnx_al_bool(I, &l, "count_include_pad", true);
    }
    return emit1(I, k, 1, &x, &l, NULL);
}

static eo_status
cv_global_pool(onnx_importer *I, eo_graph_op k)
{
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    if (eo_type_rank(eo_value_type(x)) != 4)
        return onnx_error(I, "unsupported: %zu-D input (only NCHW)",
                          eo_type_rank(eo_value_type(x)));
    return emit1(I, k, 1, &x, NULL, NULL);
}

static eo_status
cv_batch_norm(onnx_importer *I)
{
    double eps;
    int64_t spatial, training;
    if (a_float(I, "epsilon", 1e-5, &eps) != EO_OK ||
        a_int(I, "spatial", 1, &spatial) != EO_OK ||
        a_int(I, "training_mode", 0, &training) != EO_OK)
        return EO_ERROR;
    if (I->opset < 7) {
        /* is_test = 0 (the default) is training mode before opset 7;
         * consumed_inputs (opset 1) only concerns in-place updates. */
        int64_t is_test;
        if (a_int(I, "is_test", 0, &is_test) != EO_OK)
            return EO_ERROR;
        if (!is_test)
            return onnx_error(I, "unsupported: training mode (is_test = 0 "
                              "in opset %d)", I->opset);
    }
    if (!spatial)
        return onnx_error(I, "unsupported: spatial = 0");
    if (training)
        return onnx_error(I, "unsupported: training_mode = 1");
    for (size_t i = 1; i < I->node->n_output; i++)
        if (has_out(I, i))
            return onnx_error(I, "unsupported: training outputs");
    eo_value *ops[5];
    for (size_t i = 0; i < 5; i++)
        if (!(ops[i] = in_value(I, i)))
            return EO_ERROR;
    onnx_alist l = { 0 };
    if ((float)eps != 1e-5f)
        onnx_al_f32(I, &l, "epsilon", eps);
    return emit1(I, GRAPH_BATCH_NORM, 5, ops, &l, NULL);
}

static eo_status
cv_layer_norm(onnx_importer *I)
{
    double eps;
    int64_t axis;
    if (a_float(I, "epsilon", 1e-5, &eps) != EO_OK ||
        a_int(I, "axis", -1, &axis) != EO_OK)
        return EO_ERROR;
    if (has_out(I, 1) || has_out(I, 2))
        return onnx_error(I, "unsupported: the Mean / InvStdDev outputs");
    eo_value *ops[3] = { in_value(I, 0), in_value(I, 1), NULL };
    if (in(I, 2) && !(ops[2] = in_value(I, 2)))
        return EO_ERROR;
    onnx_alist l = { 0 };
    if (axis != -1)
        onnx_al_int(I, &l, "axis", axis);
    if ((float)eps != 1e-5f)
        onnx_al_f32(I, &l, "epsilon", eps);
    return emit1(I, GRAPH_LAYER_NORM, ops[2] ? 3 : 2, ops, &l, NULL);
}

static eo_status
cv_matmul(onnx_importer *I)
{
    eo_value *ops[2] = { in_value(I, 0), in_value(I, 1) };
    return emit1(I, GRAPH_MATMUL, 2, ops, NULL, NULL);
}

static eo_status
cv_gemm(onnx_importer *I)
{
    double alpha, beta;
    int64_t ta, tb;
    if (a_float(I, "alpha", 1.0, &alpha) != EO_OK ||
        a_float(I, "beta", 1.0, &beta) != EO_OK ||
        a_int(I, "transA", 0, &ta) != EO_OK ||
        a_int(I, "transB", 0, &tb) != EO_OK)
        return EO_ERROR;
    int64_t bc = 1;
    if (I->opset < 7 && a_int(I, "broadcast", 0, &bc) != EO_OK)
        return EO_ERROR;
    eo_value *ops[3] = { in_value(I, 0), in_value(I, 1), NULL };
    if (in(I, 2) && !(ops[2] = in_value(I, 2)))
        return EO_ERROR;
    if (I->opset < 7 && !ops[2])
        return onnx_error(I, "missing input 2 (C is required before "
                          "opset 7)");
    onnx_alist l = { 0 };
    if (ta)
        onnx_al_bool(I, &l, "trans_a", true);
    if (tb)
        onnx_al_bool(I, &l, "trans_b", true);
    if ((float)alpha != 1.0f)
        onnx_al_f32(I, &l, "alpha", alpha);
    if ((float)beta != 1.0f && ops[2])
        onnx_al_f32(I, &l, "beta", beta);
    if (!ops[0] || !ops[1] || !bc) {
        /* broadcast = 0 (opset < 7): C must have the result's shape. */
        eo_op *op = ops[0] && ops[1]
                        ? onnx_emit(I, GRAPH_GEMM, 3, ops, &l, NULL, NULL)
                        : NULL;
        if (!op)
            return EO_ERROR;
        if (eo_type_rank(eo_value_type(ops[2])) != 2 ||
            eo_value_type(ops[2]) != eo_value_type(eo_op_result(op, 0)))
            return onnx_error(I, "C must have the result's shape when "
                              "broadcast = 0 (opset %d)", I->opset);
        return out_value(I, 0, eo_op_result(op, 0));
    }
    return emit1(I, GRAPH_GEMM, ops[2] ? 3 : 2, ops, &l, NULL);
}

/* ------------------------------------------------------------------ */
/* Shapes and data movement                                            */
/* ------------------------------------------------------------------ */

static eo_status
cv_identity(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    return x ? out_forward(I, 0, x) : EO_ERROR;
}

static eo_status
cv_dropout(onnx_importer *I)
{
    if (I->opset < 7) {
        /* is_test = 0 (the default) is training mode before opset 7. */
        int64_t is_test;
        double ratio;
        if (a_int(I, "is_test", 0, &is_test) != EO_OK ||
            a_float(I, "ratio", 0.5, &ratio) != EO_OK)
            return EO_ERROR;
        if (!is_test && ratio != 0)
            return onnx_error(I, "unsupported: training mode (is_test = 0 "
                              "in opset %d)", I->opset);
    }
    if (in(I, 2)) {
        onnx_cst *c = in_cst(I, 2, "training_mode");
        if (!c)
            return EO_ERROR;
        if (c->t.numel != 1 || onnx_cst_int(c, 0))
            return onnx_error(I, "unsupported: training_mode");
    }
    if (has_out(I, 1))
        return onnx_error(I, "unsupported: the mask output");
    return cv_identity(I);
}

/* Result of a reshape-like op: fold for a constant, else emit 'k'. */
static eo_status
reshape_to(onnx_importer *I, onnx_val *x, size_t rank, const int64_t *shape)
{
    onnx_cst *c = onnx_val_cst(I, x);
    if (c) {
        onnx_cst *r = cst_reshaped(I, c, rank, shape);
        return r ? out_cst(I, 0, r) : EO_ERROR;
    }
    if (I->failed)
        return EO_ERROR;
    eo_value *v = onnx_materialize(I, x, NULL);
    if (!v)
        return EO_ERROR;
    const eo_type *t = eo_value_type(v);
    if (eo_type_rank(t) == rank &&
        (rank == 0 || !memcmp(eo_type_shape(t), shape,
                              rank * sizeof(int64_t))))
        return out_value(I, 0, v);
    onnx_alist l = { 0 };
    onnx_al_ints(I, &l, "shape", rank, shape);
    return emit1(I, GRAPH_RESHAPE, 1, &v, &l, NULL);
}

static eo_status
cv_reshape(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    if (!x)
        return EO_ERROR;
    int64_t allowzero;
    if (a_int(I, "allowzero", 0, &allowzero) != EO_OK)
        return EO_ERROR;
    int64_t shape[MAXR], in_s[MAXR];
    size_t n, r;
    if (I->opset < 5) {
        /* Opsets 1-4: the shape is an attribute. */
        long na;
        if (a_ints(I, "shape", shape, MAXR, &na) != EO_OK)
            return EO_ERROR;
        if (na < 0)
            return onnx_error(I, "missing attribute 'shape'");
        n = (size_t)na;
    } else {
        onnx_cst *sc = in_cst(I, 1, "shape");
        if (!sc || cst_ints(I, sc, "shape", shape, MAXR, &n) != EO_OK)
            return EO_ERROR;
    }
    val_shape(I, x, &r, in_s, NULL);
    int64_t total = prod(in_s, 0, r), known = 1;
    long infer = -1;
    for (size_t i = 0; i < n; i++) {
        if (shape[i] == 0 && !allowzero) {
            if (i >= r)
                return onnx_error(I, "shape[%zu] = 0 copies a dimension "
                                  "the input lacks", i);
            shape[i] = in_s[i];
        }
        if (shape[i] == -1) {
            if (infer >= 0)
                return onnx_error(I, "more than one -1 in shape");
            infer = (long)i;
            continue;
        }
        if (shape[i] < 0)
            return onnx_error(I, "invalid dimension %lld in shape",
                              (long long)shape[i]);
        if (__builtin_mul_overflow(known, shape[i], &known))
            return onnx_error(I, "unsupported: shape too large");
    }
    if (infer >= 0) {
        if (known == 0 || total % known)
            return onnx_error(I, "cannot infer the -1 dimension (%lld "
                              "elements)", (long long)total);
        shape[infer] = total / known;
    } else if (known != total) {
        return onnx_error(I, "reshape of %lld elements to %lld",
                          (long long)total, (long long)known);
    }
    return reshape_to(I, x, n, shape);
}

static eo_status
cv_flatten(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    int64_t axis;
    if (!x || a_int(I, "axis", 1, &axis) != EO_OK)
        return EO_ERROR;
    size_t r;
    int64_t s[MAXR];
    val_shape(I, x, &r, s, NULL);
    int64_t ra = (int64_t)r;
    if (axis < -ra || axis > ra)
        return onnx_error(I, "axis %lld out of range", (long long)axis);
    size_t a = (size_t)(axis < 0 ? axis + ra : axis);
    int64_t shape[2] = { prod(s, 0, a), prod(s, a, r) };
    return reshape_to(I, x, 2, shape);
}

/* Axes from the attribute (before 'input_from' opset) or input 1. *n is
 * -1 when not given. */
static eo_status
get_axes(onnx_importer *I, int input_from, size_t idx, int64_t *axes,
         long *n)
{
    if (I->opset < input_from)
        return a_ints(I, "axes", axes, MAXR * 2, n);
    *n = -1;
    if (!in(I, idx))
        return EO_OK;
    onnx_cst *c = in_cst(I, idx, "axes");
    size_t k;
    if (!c || cst_ints(I, c, "axes", axes, MAXR * 2, &k) != EO_OK)
        return EO_ERROR;
    *n = (long)k;
    return EO_OK;
}

static eo_status
cv_squeeze(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    int64_t axes[MAXR * 2];
    long n;
    if (!x || get_axes(I, 13, 1, axes, &n) != EO_OK)
        return EO_ERROR;
    size_t r;
    int64_t s[MAXR], out[MAXR];
    val_shape(I, x, &r, s, NULL);
    bool drop[MAXR] = { false };
    for (long i = 0; i < n; i++) {
        size_t a;
        if (norm_axis(I, axes[i], r, &a) != EO_OK)
            return EO_ERROR;
        if (s[a] != 1)
            return onnx_error(I, "cannot squeeze dimension %zu of size %lld",
                              a, (long long)s[a]);
        drop[a] = true;
    }
    size_t k = 0;
    for (size_t i = 0; i < r; i++)
        if (!(n < 0 ? s[i] == 1 : drop[i]))
            out[k++] = s[i];
    return reshape_to(I, x, k, out);
}

static eo_status
cv_unsqueeze(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    int64_t axes[MAXR * 2];
    long n;
    if (!x || get_axes(I, 13, 1, axes, &n) != EO_OK)
        return EO_ERROR;
    if (n < 0)
        return onnx_error(I, "missing axes");
    size_t r;
    int64_t s[MAXR], out[MAXR];
    val_shape(I, x, &r, s, NULL);
    size_t ro = r + (size_t)n;
    if (ro > MAXR)
        return onnx_error(I, "unsupported: rank %zu", ro);
    bool ins[MAXR] = { false };
    for (long i = 0; i < n; i++) {
        size_t a;
        if (norm_axis(I, axes[i], ro, &a) != EO_OK)
            return EO_ERROR;
        if (ins[a])
            return onnx_error(I, "duplicate axis %zu", a);
        ins[a] = true;
    }
    for (size_t i = 0, k = 0; i < ro; i++)
        out[i] = ins[i] ? 1 : s[k++];
    return reshape_to(I, x, ro, out);
}

static eo_status
cv_transpose(onnx_importer *I)
{
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    int64_t perm[MAX_LIST];
    long n;
    if (a_ints(I, "perm", perm, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    onnx_alist l = { 0 };
    if (n >= 0)
        onnx_al_ints(I, &l, "perm", (size_t)n, perm);
    return emit1(I, GRAPH_TRANSPOSE, 1, &x, &l, NULL);
}

static eo_status
cv_concat(onnx_importer *I)
{
    int64_t axis;
    const Onnx__AttributeProto *aa = attr_find(I, "axis");
    if (!aa && I->opset >= 4)
        return onnx_error(I, "missing attribute 'axis'");
    /* Before opset 4 the axis defaults to 1. */
    if (a_int(I, "axis", 1, &axis) != EO_OK)
        return EO_ERROR;
    size_t n = I->node->n_input;
    if (n == 0 || n > ONNX_MAX_OPERANDS)
        return onnx_error(I, "unsupported: %zu inputs", n);
    /* All constant: fold (shape vectors). */
    bool all = true;
    for (size_t i = 0; i < n && all; i++) {
        onnx_val *x = need(I, i);
        if (!x)
            return EO_ERROR;
        all = onnx_val_cst(I, x) != NULL;
    }
    if (I->failed)
        return EO_ERROR;
    if (all) {
        onnx_cst *c0 = onnx_val_cst(I, in(I, 0));
        size_t r = c0->t.rank, a;
        if (norm_axis(I, axis, r, &a) != EO_OK)
            return EO_ERROR;
        int64_t s[MAXR];
        memcpy(s, c0->t.shape, r * sizeof(int64_t));
        s[a] = 0;
        for (size_t i = 0; i < n; i++) {
            onnx_cst *c = onnx_val_cst(I, in(I, i));
            if (c->t.rank != r || c->t.dt != c0->t.dt)
                return onnx_error(I, "inputs differ in rank or type");
            for (size_t d = 0; d < r; d++)
                if (d != a && c->t.shape[d] != s[d])
                    return onnx_error(I, "inputs differ in dimension %zu",
                                      d);
            s[a] += c->t.shape[a];
        }
        onnx_cst *o = onnx_cst_new(I, c0->t.dt, r, s);
        if (!o)
            return EO_ERROR;
        size_t es = onnx_dtype_size(c0->t.dt);
        int64_t outer = prod(s, 0, a), inner = prod(s, a + 1, r);
        unsigned char *dst = (unsigned char *)o->t.data;
        for (int64_t k = 0; k < outer; k++) {
            for (size_t i = 0; i < n; i++) {
                onnx_cst *c = onnx_val_cst(I, in(I, i));
                size_t blk = (size_t)(c->t.shape[a] * inner) * es;
                if (!blk)
                    continue;
                memcpy(dst, (const unsigned char *)c->t.data +
                                (size_t)k * blk, blk);
                dst += blk;
            }
        }
        return out_cst(I, 0, o);
    }
    eo_value *ops[ONNX_MAX_OPERANDS];
    for (size_t i = 0; i < n; i++)
        if (!(ops[i] = in_value(I, i)))
            return EO_ERROR;
    onnx_alist l = { 0 };
    onnx_al_int(I, &l, "axis", axis);
    return emit1(I, GRAPH_CONCAT, n, ops, &l, NULL);
}

static eo_status
cv_split(onnx_importer *I)
{
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    int64_t axis, sizes[ONNX_MAX_RESULTS], num_outputs;
    long n = -1;
    if (a_int(I, "axis", 0, &axis) != EO_OK ||
        a_int(I, "num_outputs", 0, &num_outputs) != EO_OK)
        return EO_ERROR;
    if (I->opset < 13 && (I->opset >= 2 || !in(I, 1))) {
        if (a_ints(I, "split", sizes, ONNX_MAX_RESULTS, &n) != EO_OK)
            return EO_ERROR;
    } else if (in(I, 1)) {
        /* Opset 1 takes the sizes as input 1 or attribute; 13+ as
         * input 1. */
        onnx_cst *c = in_cst(I, 1, "split");
        size_t k;
        if (!c || cst_ints(I, c, "split", sizes, ONNX_MAX_RESULTS, &k) !=
                      EO_OK)
            return EO_ERROR;
        n = (long)k;
    }
    const eo_type *t = eo_value_type(x);
    size_t a;
    if (norm_axis(I, axis, eo_type_rank(t), &a) != EO_OK)
        return EO_ERROR;
    int64_t dim = eo_type_dim(t, a);
    size_t nout = I->node->n_output;
    if (n < 0) {
        int64_t parts = num_outputs > 0 ? num_outputs : (int64_t)nout;
        if (parts <= 0 || parts > ONNX_MAX_RESULTS)
            return onnx_error(I, "unsupported: %lld outputs",
                              (long long)parts);
        if (num_outputs > 0) {
            int64_t each = (dim + parts - 1) / parts;
            for (int64_t i = 0; i < parts; i++) {
                int64_t left = dim - each * i;
                sizes[i] = left < each ? (left > 0 ? left : 0) : each;
            }
        } else {
            if (dim % parts)
                return onnx_error(I, "dimension %lld does not split into "
                                  "%lld equal parts", (long long)dim,
                                  (long long)parts);
            for (int64_t i = 0; i < parts; i++)
                sizes[i] = dim / parts;
        }
        n = (long)parts;
    }
    if ((size_t)n != nout)
        return onnx_error(I, "%ld split sizes for %zu outputs", n, nout);
    if (!in_bounds(sizes, n, 0))
        return onnx_error(I, "invalid split sizes");
    onnx_alist l = { 0 };
    if (a)
        onnx_al_int(I, &l, "axis", (int64_t)a);
    onnx_al_ints(I, &l, "sizes", (size_t)n, sizes);
    eo_op *op = onnx_emit(I, GRAPH_SPLIT, 1, &x, &l, NULL, NULL);
    if (!op)
        return EO_ERROR;
    for (size_t i = 0; i < nout && i < eo_op_num_results(op); i++)
        if (out_value(I, i, eo_op_result(op, i)) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

/* ONNX Slice's index arithmetic for one axis: first index and count. */
static void
slice_axis(int64_t dim, int64_t start, int64_t end, int64_t step,
           int64_t *first, int64_t *count)
{
    if (start < 0)
        start = start < -dim ? 0 : start + dim;
    if (end < 0)
        end = end < -dim ? -1 : end + dim;
    if (step > 0) {
        start = start > dim ? dim : start;
        end = end < 0 ? 0 : end > dim ? dim : end;
        *count = end > start ? (end - start - 1) / step + 1 : 0;
    } else {
        start = start > dim - 1 ? dim - 1 : start;
        end = end > dim - 1 ? dim - 1 : end;
        int64_t neg = step < -INT64_MAX ? INT64_MAX : -step;
        *count = start > end ? (start - end - 1) / neg + 1 : 0;
    }
    *first = start;
}

static eo_status
cv_slice(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    if (!x)
        return EO_ERROR;
    int64_t starts[MAXR], ends[MAXR], axes[MAXR], steps[MAXR];
    size_t ns = 0, ne = 0, na = 0, nst = 0;
    long n;
    if (I->opset < 10) {
        if (a_ints(I, "starts", starts, MAXR, &n) != EO_OK)
            return EO_ERROR;
        ns = n < 0 ? 0 : (size_t)n;
        if (a_ints(I, "ends", ends, MAXR, &n) != EO_OK)
            return EO_ERROR;
        ne = n < 0 ? 0 : (size_t)n;
        if (a_ints(I, "axes", axes, MAXR, &n) != EO_OK)
            return EO_ERROR;
        na = n < 0 ? 0 : (size_t)n;
    } else {
        onnx_cst *c = in_cst(I, 1, "starts");
        if (!c || cst_ints(I, c, "starts", starts, MAXR, &ns) != EO_OK)
            return EO_ERROR;
        if (!(c = in_cst(I, 2, "ends")) ||
            cst_ints(I, c, "ends", ends, MAXR, &ne) != EO_OK)
            return EO_ERROR;
        if (in(I, 3) && (!(c = in_cst(I, 3, "axes")) ||
                         cst_ints(I, c, "axes", axes, MAXR, &na) != EO_OK))
            return EO_ERROR;
        if (in(I, 4) && (!(c = in_cst(I, 4, "steps")) ||
                         cst_ints(I, c, "steps", steps, MAXR, &nst) != EO_OK))
            return EO_ERROR;
    }
    if (ns != ne || (na && na != ns) || (nst && nst != ns))
        return onnx_error(I, "starts, ends, axes and steps differ in "
                          "length");
    size_t r;
    int64_t s[MAXR];
    val_shape(I, x, &r, s, NULL);
    for (size_t i = 0; i < nst; i++)
        if (steps[i] == 0)
            return onnx_error(I, "step 0");
    onnx_cst *c = onnx_val_cst(I, x);
    if (c) {
        /* Fold: per-axis first index, step and count. */
        int64_t first[MAXR], step[MAXR], cnt[MAXR];
        for (size_t d = 0; d < r; d++) {
            first[d] = 0;
            step[d] = 1;
            cnt[d] = s[d];
        }
        for (size_t i = 0; i < ns; i++) {
            size_t a;
            if (norm_axis(I, na ? axes[i] : (int64_t)i, r, &a) != EO_OK)
                return EO_ERROR;
            step[a] = nst ? steps[i] : 1;
            slice_axis(s[a], starts[i], ends[i], step[a], &first[a],
                       &cnt[a]);
        }
        onnx_cst *o = onnx_cst_new(I, c->t.dt, r, cnt);
        if (!o)
            return EO_ERROR;
        size_t es = onnx_dtype_size(c->t.dt);
        int64_t idx[MAXR] = { 0 };
        for (int64_t i = 0; i < o->t.numel; i++) {
            int64_t off = 0;
            for (size_t d = 0; d < r; d++)
                off = off * s[d] + first[d] + idx[d] * step[d];
            memcpy((unsigned char *)o->t.data + (size_t)i * es,
                   (const unsigned char *)c->t.data + (size_t)off * es, es);
            next_index(r, cnt, idx);
        }
        return out_cst(I, 0, o);
    }
    if (I->failed)
        return EO_ERROR;
    eo_value *v = onnx_materialize(I, x, NULL);
    if (!v)
        return EO_ERROR;
    onnx_alist l = { 0 };
    onnx_al_ints(I, &l, "starts", ns, starts);
    onnx_al_ints(I, &l, "ends", ne, ends);
    if (na)
        onnx_al_ints(I, &l, "axes", na, axes);
    bool unit = true;
    for (size_t i = 0; i < nst; i++)
        unit = unit && steps[i] == 1;
    if (!unit)
        onnx_al_ints(I, &l, "steps", nst, steps);
    return emit1(I, GRAPH_SLICE, 1, &v, &l, NULL);
}

static eo_status
cv_pad(onnx_importer *I)
{
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    char mode[32];
    if (a_str(I, "mode", "constant", mode, sizeof(mode)) != EO_OK)
        return EO_ERROR;
    if (strcmp(mode, "constant") && strcmp(mode, "reflect") &&
        strcmp(mode, "edge"))
        return onnx_error(I, "unsupported: mode '%s'", mode);
    size_t r = eo_type_rank(eo_value_type(x));
    int64_t pads[2 * MAXR], full[2 * MAXR] = { 0 };
    size_t np;
    double value = 0;
    long n;
    if (I->opset < 11) {
        /* Opset 1 names the attribute 'paddings' (same layout). */
        const char *pn = I->opset < 2 ? "paddings" : "pads";
        if (a_ints(I, pn, pads, 2 * MAXR, &n) != EO_OK ||
            a_float(I, "value", 0.0, &value) != EO_OK)
            return EO_ERROR;
        if (n < 0)
            return onnx_error(I, "missing attribute '%s'", pn);
        np = (size_t)n;
    } else {
        onnx_cst *c = in_cst(I, 1, "pads");
        if (!c || cst_ints(I, c, "pads", pads, 2 * MAXR, &np) != EO_OK)
            return EO_ERROR;
        if (in(I, 2)) {
            onnx_cst *v = in_cst(I, 2, "constant_value");
            if (!v || cst_scalar_f(I, v, "constant_value", &value) != EO_OK)
                return EO_ERROR;
        }
    }
    int64_t axes[MAXR];
    size_t na = 0;
    if (I->opset >= 18 && in(I, 3)) {
        onnx_cst *c = in_cst(I, 3, "axes");
        if (!c || cst_ints(I, c, "axes", axes, MAXR, &na) != EO_OK)
            return EO_ERROR;
    }
    if (na) {
        if (np != 2 * na)
            return onnx_error(I, "pads must have 2 values per axis");
        for (size_t i = 0; i < na; i++) {
            size_t a;
            if (norm_axis(I, axes[i], r, &a) != EO_OK)
                return EO_ERROR;
            full[a] = pads[i];
            full[a + r] = pads[i + na];
        }
    } else {
        if (np != 2 * r)
            return onnx_error(I, "pads must have %zu values", 2 * r);
        memcpy(full, pads, np * sizeof(int64_t));
    }
    for (size_t i = 0; i < 2 * r; i++)
        if (full[i] < 0)
            return onnx_error(I, "unsupported: negative pads (cropping)");
    if (!in_bounds(full, (long)(2 * r), 0))
        return onnx_error(I, "unsupported: pads too large");
    onnx_alist l = { 0 };
    onnx_al_ints(I, &l, "pads", 2 * r, full);
    if (strcmp(mode, "constant"))
        onnx_al_str(I, &l, "mode", mode);
    if (value != 0)
        onnx_al_f32(I, &l, "value", value);
    return emit1(I, GRAPH_PAD, 1, &x, &l, NULL);
}

static eo_status
cv_gather(onnx_importer *I)
{
    onnx_val *d = need(I, 0), *ix = need(I, 1);
    int64_t axis;
    if (!d || !ix || a_int(I, "axis", 0, &axis) != EO_OK)
        return EO_ERROR;
    onnx_cst *cd = onnx_val_cst(I, d);
    onnx_cst *ci = onnx_val_cst(I, ix);
    if (I->failed)
        return EO_ERROR;
    if (cd && ci) {
        size_t a;
        if (norm_axis(I, axis, cd->t.rank, &a) != EO_OK)
            return EO_ERROR;
        if (!is_int_dt(ci->t.dt))
            return onnx_error(I, "indices must be integers");
        size_t ro = cd->t.rank - 1 + ci->t.rank;
        if (ro > MAXR)
            return onnx_error(I, "unsupported: rank %zu", ro);
        int64_t s[MAXR];
        size_t k = 0;
        for (size_t i = 0; i < a; i++)
            s[k++] = cd->t.shape[i];
        for (size_t i = 0; i < ci->t.rank; i++)
            s[k++] = ci->t.shape[i];
        for (size_t i = a + 1; i < cd->t.rank; i++)
            s[k++] = cd->t.shape[i];
        onnx_cst *o = onnx_cst_new(I, cd->t.dt, ro, s);
        if (!o)
            return EO_ERROR;
        size_t es = onnx_dtype_size(cd->t.dt);
        int64_t dim = cd->t.shape[a];
        int64_t outer = prod(cd->t.shape, 0, a);
        size_t blk = (size_t)prod(cd->t.shape, a + 1, cd->t.rank) * es;
        unsigned char *dst = (unsigned char *)o->t.data;
        if (!blk)
            outer = 0;
        for (int64_t q = 0; q < outer; q++) {
            for (int64_t j = 0; j < ci->t.numel; j++) {
                int64_t id = onnx_cst_int(ci, j);
                if (id < 0)
                    id += dim;
                if (id < 0 || id >= dim)
                    return onnx_error(I, "index %lld out of range",
                                      (long long)onnx_cst_int(ci, j));
                memcpy(dst, (const unsigned char *)cd->t.data +
                                ((size_t)(q * dim + id)) * blk, blk);
                dst += blk;
            }
        }
        return out_cst(I, 0, o);
    }
    eo_value *ops[2] = { onnx_materialize(I, d, NULL),
                         onnx_materialize(I, ix, NULL) };
    onnx_alist l = { 0 };
    if (axis)
        onnx_al_int(I, &l, "axis", axis);
    return emit1(I, GRAPH_GATHER, 2, ops, &l, NULL);
}

/* Resize / Upsample: 4-D, spatial dims only. 'scales' over the 4 dims,
 * or 'sizes' (n_sizes 4). */
static eo_status
emit_resize(onnx_importer *I, eo_value *x, const char *mode,
            const char *coord, const char *nearest, const double *scales,
            const int64_t *sizes)
{
    const eo_type *t = eo_value_type(x);
    if (eo_type_rank(t) != 4)
        return onnx_error(I, "unsupported: %zu-D input (only 4-D NCHW)",
                          eo_type_rank(t));
    const int64_t *s = eo_type_shape(t);
    double sc[2];
    for (size_t i = 0; i < 4; i++) {
        double f = sizes ? (double)sizes[i] / (double)s[i] : scales[i];
        double od = sizes ? (double)sizes[i] : floor((double)s[i] * f);
        if (!(od >= 1 && od <= ONNX_MAX_DIM))
            return onnx_error(I, "unsupported: output size %g", od);
        int64_t out = (int64_t)od;
        if (i < 2 && out != s[i])
            return onnx_error(I, "unsupported: resizing the batch or "
                              "channel dimension");
        if (!(f > 0) || !isfinite(f) || out <= 0)
            return onnx_error(I, "invalid scale %g", f);
        if (i >= 2)
            sc[i - 2] = f;
    }
    onnx_alist l = { 0 };
    if (strcmp(mode, "nearest"))
        onnx_al_str(I, &l, "mode", mode);
    if (strcmp(coord, "half_pixel"))
        onnx_al_str(I, &l, "coordinate_transformation_mode", coord);
    if (!strcmp(mode, "nearest") && strcmp(nearest, "round_prefer_floor"))
        onnx_al_str(I, &l, "nearest_mode", nearest);
    onnx_al_f64s(I, &l, "scales", 2, sc);
    return emit1(I, GRAPH_RESIZE, 1, &x, &l, NULL);
}

static eo_status
resize_scales(onnx_importer *I, size_t idx, double *scales, bool *given)
{
    *given = false;
    if (!in(I, idx))
        return EO_OK;
    onnx_cst *c = in_cst(I, idx, "scales");
    if (!c)
        return EO_ERROR;
    if (c->t.numel == 0)
        return EO_OK;
    if (c->t.dt != DT_FLOAT || c->t.numel != 4)
        return onnx_error(I, "unsupported: scales must be 4 floats");
    for (size_t i = 0; i < 4; i++)
        scales[i] = onnx_cst_float(c, (int64_t)i);
    *given = true;
    return EO_OK;
}

static eo_status
old_resize_mode(onnx_importer *I, char *mode, size_t size)
{
    if (a_str(I, "mode", "nearest", mode, size) != EO_OK)
        return EO_ERROR;
    if (!strcmp(mode, "bilinear"))
        snprintf(mode, size, "linear");
    if (strcmp(mode, "nearest") && strcmp(mode, "linear"))
        return onnx_error(I, "unsupported: mode '%s'", mode);
    return EO_OK;
}

/* Upsample (opset 7-9) and Resize-10: asymmetric coordinates; nearest
 * rounds down (onnxruntime's behaviour when enlarging). */
static eo_status
cv_upsample(onnx_importer *I)
{
    char mode[32];
    if (old_resize_mode(I, mode, sizeof(mode)) != EO_OK)
        return EO_ERROR;
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    double scales[MAX_LIST];
    bool given = false;
    if (I->opset < 9 && !strcmp(I->node->op_type, "Upsample")) {
        long n;
        if (a_floats(I, "scales", scales, MAX_LIST, &n) != EO_OK)
            return EO_ERROR;
        if (n != 4)
            return onnx_error(I, "unsupported: scales must be 4 floats");
        given = true;
    } else if (resize_scales(I, 1, scales, &given) != EO_OK) {
        return EO_ERROR;
    }
    if (!given)
        return onnx_error(I, "missing scales");
    if (!strcmp(mode, "nearest") && (scales[2] < 1 || scales[3] < 1))
        return onnx_error(I, "unsupported: nearest downsampling before "
                          "opset 11");
    return emit_resize(I, x, mode, "asymmetric", "floor", scales, NULL);
}

static eo_status
cv_resize(onnx_importer *I)
{
    if (I->opset < 11)
        return cv_upsample(I);
    char mode[32], coord[40], nearest[40];
    int64_t excl, antialias;
    if (a_str(I, "mode", "nearest", mode, sizeof(mode)) != EO_OK ||
        a_str(I, "coordinate_transformation_mode", "half_pixel", coord,
              sizeof(coord)) != EO_OK ||
        a_str(I, "nearest_mode", "round_prefer_floor", nearest,
              sizeof(nearest)) != EO_OK ||
        a_int(I, "exclude_outside", 0, &excl) != EO_OK ||
        a_int(I, "antialias", 0, &antialias) != EO_OK)
        return EO_ERROR;
    if (strcmp(mode, "nearest") && strcmp(mode, "linear"))
        return onnx_error(I, "unsupported: mode '%s'", mode);
    if (strcmp(coord, "half_pixel") && strcmp(coord, "asymmetric") &&
        strcmp(coord, "align_corners") && strcmp(coord, "pytorch_half_pixel"))
        return onnx_error(I, "unsupported: coordinate_transformation_mode "
                          "'%s'", coord);
    if (strcmp(nearest, "round_prefer_floor") &&
        strcmp(nearest, "round_prefer_ceil") && strcmp(nearest, "floor") &&
        strcmp(nearest, "ceil"))
        return onnx_error(I, "unsupported: nearest_mode '%s'", nearest);
    if (excl)
        return onnx_error(I, "unsupported: exclude_outside = 1");
    if (antialias)
        return onnx_error(I, "unsupported: antialias = 1");
    if (attr_find(I, "axes"))
        return onnx_error(I, "unsupported: axes");
    char policy[32];
    if (a_str(I, "keep_aspect_ratio_policy", "stretch", policy,
              sizeof(policy)) != EO_OK)
        return EO_ERROR;
    if (strcmp(policy, "stretch"))
        return onnx_error(I, "unsupported: keep_aspect_ratio_policy '%s'",
                          policy);
    eo_value *x = in_value(I, 0);
    if (!x)
        return EO_ERROR;
    double scales[4];
    bool given;
    if (resize_scales(I, 2, scales, &given) != EO_OK)
        return EO_ERROR;
    int64_t sizes[MAXR];
    size_t nsz = 0;
    if (in(I, 3)) {
        onnx_cst *c = in_cst(I, 3, "sizes");
        if (!c || cst_ints(I, c, "sizes", sizes, MAXR, &nsz) != EO_OK)
            return EO_ERROR;
    }
    if (given == (nsz != 0))
        return onnx_error(I, "exactly one of scales and sizes must be "
                          "given");
    if (nsz && nsz != 4)
        return onnx_error(I, "unsupported: sizes must have 4 values");
    return emit_resize(I, x, mode, coord, nearest, given ? scales : NULL,
                       nsz ? sizes : NULL);
}

static eo_status
cv_reduce(onnx_importer *I, eo_graph_op k, int axes_input_from)
{
    onnx_val *xv = need(I, 0);
    int64_t keep, noop, axes[MAXR * 2];
    long n;
    if (!xv || a_int(I, "keepdims", 1, &keep) != EO_OK ||
        a_int(I, "noop_with_empty_axes", 0, &noop) != EO_OK ||
        get_axes(I, axes_input_from, 1, axes, &n) != EO_OK)
        return EO_ERROR;
    if (n <= 0 && noop && I->opset >= axes_input_from)
        return out_forward(I, 0, xv);
    eo_value *x = onnx_materialize(I, xv, NULL);
    if (!x)
        return EO_ERROR;
    onnx_alist l = { 0 };
    if (n > 0)
        onnx_al_ints(I, &l, "axes", (size_t)n, axes);
    if (!keep)
        onnx_al_bool(I, &l, "keepdims", false);
    return emit1(I, k, 1, &x, &l, NULL);
}

/* ------------------------------------------------------------------ */
/* Constants, shapes, casts                                            */
/* ------------------------------------------------------------------ */

static eo_status
cv_constant(onnx_importer *I)
{
    const Onnx__NodeProto *n = I->node;
    if (n->n_attribute != 1)
        return onnx_error(I, "expects exactly one attribute");
    const Onnx__AttributeProto *a = n->attribute[0];
    const char *an = a->name ? a->name : "";
    onnx_cst *c = NULL;
    if (!strcmp(an, "value")) {
        if (!a->t)
            return onnx_error(I, "attribute 'value' must be a tensor");
        c = onnx_arena_alloc(&I->scratch, sizeof(*c));
        if (!c)
            return onnx_nomem(I);
        memset(c, 0, sizeof(*c));
        const char *what = n->output && n->n_output ? n->output[0] : "value";
        if (onnx_tensor_decode(I->ctx, I->loc, a->t, what, false,
                               &I->model->arena, &c->t) != EO_OK ||
            onnx_check_dims(I, &c->t, what) != EO_OK)
            return EO_ERROR;
        c->model_data = true;
        c->key = what;
    } else if (!strcmp(an, "value_float") || !strcmp(an, "value_int")) {
        bool f = an[6] == 'f';
        c = onnx_cst_new(I, f ? DT_FLOAT : DT_INT64, 0, NULL);
        if (!c)
            return EO_ERROR;
        onnx_cst_set(c, 0, a->i, a->f);
    } else if (!strcmp(an, "value_floats") || !strcmp(an, "value_ints")) {
        bool f = an[6] == 'f';
        int64_t len = (int64_t)(f ? a->n_floats : a->n_ints);
        c = onnx_cst_new(I, f ? DT_FLOAT : DT_INT64, 1, &len);
        if (!c)
            return EO_ERROR;
        for (int64_t i = 0; i < len; i++)
            onnx_cst_set(c, i, f ? 0 : a->ints[i], f ? a->floats[i] : 0);
    } else {
        return onnx_error(I, "unsupported: attribute '%s'", an);
    }
    return out_cst(I, 0, c);
}

static eo_status
cv_shape(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    int64_t start, end;
    if (!x || a_int(I, "start", 0, &start) != EO_OK ||
        a_int(I, "end", INT64_MAX, &end) != EO_OK)
        return EO_ERROR;
    size_t r;
    int64_t s[MAXR];
    val_shape(I, x, &r, s, NULL);
    if (I->failed)
        return EO_ERROR;
    int64_t ri = (int64_t)r;
    if (start < 0)
        start += ri;
    if (end < 0)
        end += ri;
    start = start < 0 ? 0 : start > ri ? ri : start;
    end = end < 0 ? 0 : end > ri ? ri : end;
    int64_t len = end > start ? end - start : 0;
    onnx_cst *c = onnx_cst_new(I, DT_INT64, 1, &len);
    if (!c)
        return EO_ERROR;
    for (int64_t i = 0; i < len; i++)
        onnx_cst_set(c, i, s[start + i], 0);
    return out_cst(I, 0, c);
}

static eo_status
cv_cast(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    int64_t to;
    if (!x)
        return EO_ERROR;
    if (I->opset < 6) {
        /* Opsets 1-5: 'to' is the type's name ("FLOAT", ...). */
        char name[32];
        if (a_str(I, "to", "", name, sizeof(name)) != EO_OK)
            return EO_ERROR;
        const ProtobufCEnumValue *ev =
            protobuf_c_enum_descriptor_get_value_by_name(
                &onnx__tensor_proto__data_type__descriptor, name);
        if (!ev)
            return onnx_error(I, "unsupported data type '%s'", name);
        to = ev->value;
    } else if (a_int(I, "to", 0, &to) != EO_OK) {
        return EO_ERROR;
    }
    char b1[16], b2[16];
    if (!onnx_elem_type(I, (int32_t)to))
        return onnx_error(I, "unsupported data type %s",
                          onnx_dtype_name((int32_t)to, b1));
    size_t r;
    int64_t s[MAXR];
    int32_t dt;
    val_shape(I, x, &r, s, &dt);
    if (dt == to)
        return out_forward(I, 0, x);
    onnx_cst *c = onnx_val_cst(I, x);
    if (!c)
        return I->failed ? EO_ERROR
                         : onnx_error(I, "unsupported: Cast from %s to %s "
                                      "of a tensor that is not a constant",
                                      onnx_dtype_name(dt, b1),
                                      onnx_dtype_name((int32_t)to, b2));
    onnx_cst *o = onnx_cst_new(I, (int32_t)to, c->t.rank, c->t.shape);
    if (!o)
        return EO_ERROR;
    for (int64_t i = 0; i < c->t.numel; i++) {
        double f = onnx_cst_float(c, i);
        int64_t iv = onnx_cst_int(c, i);
        if (to == DT_BOOL)
            iv = c->t.dt == DT_FLOAT ? f != 0 : iv != 0;
        onnx_cst_set(o, i, iv, f);
    }
    return out_cst(I, 0, o);
}

/* ------------------------------------------------------------------ */
/* Quantization                                                        */
/* ------------------------------------------------------------------ */

/* The !quant.uniform element type for storage 'dt' from constant scale
 * and zero point (zp may be NULL: 0). 'axis' is the quantized dimension
 * of a per-axis scale (its size 'dim'), or -1. */
static const eo_type *
quant_type(onnx_importer *I, int32_t dt, const onnx_cst *scale,
           const onnx_cst *zp, int64_t axis, int64_t dim)
{
    char b[16];
    eo_quant_params p;
    memset(&p, 0, sizeof(p));
    switch (dt) {
    case DT_INT8:
        p.is_signed = true;
        p.storage_bits = 8;
        p.storage_min = -128;
        p.storage_max = 127;
        break;
    case DT_UINT8:
        p.storage_bits = 8;
        p.storage_max = 255;
        break;
    case DT_INT32:
        p.is_signed = true;
        p.storage_bits = 32;
        p.storage_min = INT32_MIN;
        p.storage_max = INT32_MAX;
        break;
    default:
        onnx_error(I, "unsupported: quantized data type %s",
                   onnx_dtype_name(dt, b));
        return NULL;
    }
    if (scale->t.dt != DT_FLOAT) {
        onnx_error(I, "unsupported: scale of type %s",
                   onnx_dtype_name(scale->t.dt, b));
        return NULL;
    }
    if (scale->t.rank > 1) {
        onnx_error(I, "unsupported: scale of rank %zu (blocked "
                   "quantization)", scale->t.rank);
        return NULL;
    }
    size_t n = (size_t)scale->t.numel;
    if (n == 0 || (n > 1 && (axis < 0 || (int64_t)n != dim))) {
        onnx_error(I, "scale has %zu values for an axis of size %lld", n,
                   (long long)dim);
        return NULL;
    }
    if (zp && (zp->t.numel != (int64_t)n || zp->t.dt != dt)) {
        onnx_error(I, "zero point does not match the scale (count or "
                   "type)");
        return NULL;
    }
    double *scales = onnx_arena_alloc(&I->scratch, n * sizeof(double));
    int64_t *zps = onnx_arena_alloc(&I->scratch, n * sizeof(int64_t));
    if (!scales || !zps) {
        onnx_nomem(I);
        return NULL;
    }
    for (size_t i = 0; i < n; i++) {
        scales[i] = onnx_cst_float(scale, (int64_t)i);
        zps[i] = zp ? onnx_cst_int(zp, (int64_t)i) : 0;
        if (!(scales[i] > 0) || !isfinite(scales[i])) {
            onnx_error(I, "unsupported: quantization scale %g", scales[i]);
            return NULL;
        }
    }
    p.expressed = eo_type_get_float(I->ctx, EO_F32);
    p.axis = n > 1 ? (int32_t)axis : -1;
    p.num_scales = n;
    p.scales = scales;
    p.zero_points = zps;
    const eo_type *q = eo_quant_get_uniform(I->ctx, &p);
    if (!q)
        onnx_error(I, "invalid quantization parameters");
    return q;
}

/* Quant type from inputs (scale_idx, zp_idx) for tensor 'x' of storage
 * type 'dt'; axis < 0 means per tensor only. */
static const eo_type *
quant_from_inputs(onnx_importer *I, onnx_val *x, size_t scale_idx,
                  size_t zp_idx, int32_t dt, int64_t axis, bool scale_one)
{
    onnx_cst *zp = NULL;
    if (in(I, zp_idx) && !(zp = in_cst(I, zp_idx, "zero point")))
        return NULL;
    onnx_cst one_c;
    const onnx_cst *scale;
    float one[MAX_LIST];
    if (scale_one) {
        /* ConvInteger / MatMulInteger: scale 1 (per zero point). */
        int64_t n = zp ? zp->t.numel : 1;
        if (n > MAX_LIST) {
            onnx_error(I, "unsupported: %lld zero points", (long long)n);
            return NULL;
        }
        for (int64_t i = 0; i < n; i++)
            one[i] = 1.0f;
        memset(&one_c, 0, sizeof(one_c));
        one_c.t.dt = DT_FLOAT;
        one_c.t.rank = zp ? zp->t.rank : 0;
        one_c.t.shape[0] = n;
        one_c.t.numel = n;
        one_c.t.data = one;
        scale = &one_c;
    } else if (!(scale = in_cst(I, scale_idx, "scale"))) {
        return NULL;
    }
    size_t r = 0;
    int64_t s[MAXR];
    if (x)
        val_shape(I, x, &r, s, NULL);
    int64_t dim = 0;
    if (scale->t.numel > 1) {
        size_t a;
        if (axis == INT64_MIN || norm_axis(I, axis, r, &a) != EO_OK) {
            if (axis == INT64_MIN)
                onnx_error(I, "unsupported: per-axis scale here");
            return NULL;
        }
        axis = (int64_t)a;
        dim = s[a];
    }
    return quant_type(I, dt, scale, zp, axis, dim);
}

/* Data movement that keeps the stored values (and so a quantization). */
static bool
moves_data(const eo_op *op)
{
    switch (eo_graph_op_kind(op)) {
    case GRAPH_RESHAPE: case GRAPH_TRANSPOSE: case GRAPH_FLATTEN:
    case GRAPH_SQUEEZE: case GRAPH_UNSQUEEZE: case GRAPH_SLICE:
        return true;
    default:
        return false;
    }
}

/* A plain integer tensor 'v' that is a function argument, possibly
 * moved by single-use data movement ops (int8 model inputs reshaped
 * before their DequantizeLinear), gets quant element type 'q' along the
 * whole chain. False (nothing changed) if 'v' is not such a chain. */
static bool
retype_chain(onnx_importer *I, eo_value *v, const eo_type *q)
{
    eo_value *chain[16];
    size_t n = 0;
    if (eo_value_has_uses(v))
        return false;
    for (;;) {
        const eo_type *e = eo_type_elem(eo_value_type(v));
        if (eo_type_is_quant(e) || onnx_dt_of_elem(e) != onnx_dt_of_elem(q) ||
            n == sizeof(chain) / sizeof(chain[0]))
            return false;
        chain[n++] = v;
        if (eo_value_is_block_arg(v))
            break;
        eo_op *def = eo_value_def_op(v);
        if (!def || !moves_data(def) || eo_op_num_operands(def) != 1)
            return false;
        v = eo_op_operand(def, 0);
        if (!eo_value_has_one_use(v))
            return false;
    }
    for (size_t i = 0; i < n; i++) {
        const eo_type *t = eo_value_type(chain[i]);
        const eo_type *nt = onnx_tensor_type(I, eo_type_rank(t),
                                             eo_type_shape(t), q);
        if (!nt)
            return false;
        eo_value_set_type(chain[i], nt);
    }
    return true;
}

/* The value of 'x' typed with quant element 'q': a constant is created
 * with it; a function argument not yet used gets it; a value already of
 * type 'q' is taken as is. */
static eo_value *
adopt(onnx_importer *I, onnx_val *x, const eo_type *q)
{
    if (onnx_val_cst(I, x))
        return onnx_materialize(I, x, q);
    if (I->failed)
        return NULL;
    if (!x->v) {
        onnx_error(I, "tensor '%s' has no value", x->name);
        return NULL;
    }
    const eo_type *t = eo_value_type(x->v);
    const eo_type *e = eo_type_elem(t);
    if (e == q)
        return x->v;
    if (retype_chain(I, x->v, q))
        return x->v;
    if (I->oom)
        return NULL;
    eo_strbuf have = { 0 }, want = { 0 };
    eo_type_print(e, &have);
    eo_type_print(q, &want);
    onnx_error(I, "unsupported: tensor '%s' of element type %s used as "
               "%s", x->name, have.data ? have.data : "?",
               want.data ? want.data : "?");
    eo_strbuf_free(&have);
    eo_strbuf_free(&want);
    return NULL;
}

static int32_t
val_dt(onnx_importer *I, onnx_val *x)
{
    size_t r;
    int64_t s[MAXR];
    int32_t dt;
    val_shape(I, x, &r, s, &dt);
    return dt;
}

static eo_status
cv_quantize(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    if (!x)
        return EO_ERROR;
    int64_t axis, block, out_dt, saturate;
    if (a_int(I, "axis", 1, &axis) != EO_OK ||
        a_int(I, "block_size", 0, &block) != EO_OK ||
        a_int(I, "output_dtype", 0, &out_dt) != EO_OK ||
        a_int(I, "saturate", 1, &saturate) != EO_OK)
        return EO_ERROR;
    if (block)
        return onnx_error(I, "unsupported: block_size %lld",
                          (long long)block);
    int32_t dt = DT_UINT8;
    onnx_val *zpv = in(I, 2);
    if (zpv) {
        onnx_cst *zp = in_cst(I, 2, "zero point");
        if (!zp)
            return EO_ERROR;
        dt = zp->t.dt;
    } else if (out_dt) {
        dt = (int32_t)out_dt;
    }
    const eo_type *q = quant_from_inputs(I, x, 1, 2, dt,
                                         I->opset >= 13 ? axis : INT64_MIN,
                                         false);
    eo_value *v = onnx_materialize(I, x, NULL);
    if (!q || !v)
        return EO_ERROR;
    if (val_dt(I, x) != DT_FLOAT)
        return onnx_error(I, "unsupported: quantizing a non-float tensor");
    return emit1(I, GRAPH_QUANTIZE, 1, &v, NULL, q);
}

static eo_status
cv_dequantize(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    if (!x)
        return EO_ERROR;
    int64_t axis, block;
    if (a_int(I, "axis", 1, &axis) != EO_OK ||
        a_int(I, "block_size", 0, &block) != EO_OK)
        return EO_ERROR;
    if (block)
        return onnx_error(I, "unsupported: block_size %lld",
                          (long long)block);
    int32_t dt = val_dt(I, x);
    if (I->failed)
        return EO_ERROR;
    const eo_type *q = quant_from_inputs(I, x, 1, 2, dt,
                                         I->opset >= 13 ? axis : INT64_MIN,
                                         false);
    if (!q)
        return EO_ERROR;
    eo_value *v = adopt(I, x, q);
    if (!v)
        return EO_ERROR;
    return emit1(I, GRAPH_DEQUANTIZE, 1, &v,
                 NULL, eo_type_get_float(I->ctx, EO_F32));
}

/* QLinearConv: x, x_scale, x_zp, w, w_scale, w_zp, y_scale, y_zp, B. */
static eo_status
cv_qlinear_conv(onnx_importer *I)
{
    onnx_val *x = need(I, 0), *w = need(I, 3);
    if (!x || !w)
        return EO_ERROR;
    const eo_type *qx = quant_from_inputs(I, x, 1, 2, val_dt(I, x),
                                          INT64_MIN, false);
    const eo_type *qw = qx ? quant_from_inputs(I, w, 4, 5, val_dt(I, w), 0,
                                               false)
                           : NULL;
    onnx_cst *yzp = qw ? in_cst(I, 7, "y zero point") : NULL;
    const eo_type *qy = yzp ? quant_from_inputs(I, NULL, 6, 7, yzp->t.dt,
                                                INT64_MIN, false)
                            : NULL;
    if (!qy)
        return EO_ERROR;
    eo_value *xv = adopt(I, x, qx), *wv = xv ? adopt(I, w, qw) : NULL;
    eo_value *b = NULL;
    if (!wv || (in(I, 8) && !(b = in_value(I, 8))))
        return EO_ERROR;
    return cv_conv_common(I, xv, wv, b, qy);
}

/* QLinearMatMul: a, a_scale, a_zp, b, b_scale, b_zp, y_scale, y_zp. */
static eo_status
cv_qlinear_matmul(onnx_importer *I)
{
    onnx_val *a = need(I, 0), *b = need(I, 3);
    if (!a || !b)
        return EO_ERROR;
    const eo_type *qa = quant_from_inputs(I, a, 1, 2, val_dt(I, a),
                                          INT64_MIN, false);
    const eo_type *qb = qa ? quant_from_inputs(I, b, 4, 5, val_dt(I, b), -1,
                                               false)
                           : NULL;
    onnx_cst *yzp = qb ? in_cst(I, 7, "y zero point") : NULL;
    const eo_type *qy = yzp ? quant_from_inputs(I, NULL, 6, 7, yzp->t.dt,
                                                INT64_MIN, false)
                            : NULL;
    if (!qy)
        return EO_ERROR;
    eo_value *ops[2] = { adopt(I, a, qa), NULL };
    if (!ops[0] || !(ops[1] = adopt(I, b, qb)))
        return EO_ERROR;
    return emit1(I, GRAPH_MATMUL, 2, ops, NULL, qy);
}

/* ConvInteger (x, w, x_zp?, w_zp?) and MatMulInteger (a, b, a_zp?,
 * b_zp?): scale-1 quant operands, plain i32 result. */
static eo_status
cv_integer_op(onnx_importer *I, bool conv)
{
    onnx_val *a = need(I, 0), *b = need(I, 1);
    if (!a || !b)
        return EO_ERROR;
    const eo_type *qa = quant_from_inputs(I, a, 0, 2, val_dt(I, a),
                                          INT64_MIN, true);
    const eo_type *qb = qa ? quant_from_inputs(I, b, 0, 3, val_dt(I, b),
                                               conv ? 0 : -1, true)
                           : NULL;
    if (!qb)
        return EO_ERROR;
    eo_value *av = adopt(I, a, qa), *bv = av ? adopt(I, b, qb) : NULL;
    if (!bv)
        return EO_ERROR;
    const eo_type *i32 = eo_type_get_int(I->ctx, 32);
    if (conv)
        return cv_conv_common(I, av, bv, NULL, i32);
    eo_value *ops[2] = { av, bv };
    return emit1(I, GRAPH_MATMUL, 2, ops, NULL, i32);
}

/* ------------------------------------------------------------------ */
/* Ops evaluated on constants only (shape subgraphs of exporters)      */
/* ------------------------------------------------------------------ */

/* All inputs of the node as constants; an "unsupported" error naming the
 * first that is not. */
static bool
all_cst(onnx_importer *I, onnx_cst **out, size_t max)
{
    size_t n = I->node->n_input;
    for (size_t i = 0; i < max; i++)
        out[i] = NULL;
    if (n > max) {
        onnx_error(I, "unsupported: %zu inputs", n);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        onnx_val *x = in(I, i);
        if (!x)
            continue;
        if (!(out[i] = onnx_val_cst(I, x))) {
            if (!I->failed)
                onnx_error(I, "unsupported: %s of a tensor that is not a "
                           "constant ('%s')", I->node->op_type, x->name);
            return false;
        }
    }
    return true;
}

static eo_status
cv_transpose_or_fold(onnx_importer *I)
{
    onnx_val *x = need(I, 0);
    onnx_cst *c = x ? onnx_val_cst(I, x) : NULL;
    if (!c)
        return I->failed ? EO_ERROR : cv_transpose(I);
    int64_t perm[MAX_LIST];
    long n;
    if (a_ints(I, "perm", perm, MAX_LIST, &n) != EO_OK)
        return EO_ERROR;
    size_t r = c->t.rank;
    if (n < 0)
        for (size_t i = 0; i < r; i++)
            perm[i] = (int64_t)(r - 1 - i);
    else if ((size_t)n != r)
        return onnx_error(I, "perm has %ld values for rank %zu", n, r);
    bool seen[MAXR] = { false };
    int64_t s[MAXR], stride[MAXR];
    for (size_t i = 0; i < r; i++) {
        if (perm[i] < 0 || perm[i] >= (int64_t)r || seen[perm[i]])
            return onnx_error(I, "invalid perm");
        seen[perm[i]] = true;
        s[i] = c->t.shape[perm[i]];
    }
    for (size_t i = r; i-- > 0;)
        stride[i] = i + 1 == r ? 1 : stride[i + 1] * c->t.shape[i + 1];
    onnx_cst *o = onnx_cst_new(I, c->t.dt, r, s);
    if (!o)
        return EO_ERROR;
    size_t es = onnx_dtype_size(c->t.dt);
    int64_t idx[MAXR] = { 0 };
    for (int64_t i = 0; i < o->t.numel; i++) {
        int64_t off = 0;
        for (size_t d = 0; d < r; d++)
            off += idx[d] * stride[perm[d]];
        memcpy((unsigned char *)o->t.data + (size_t)i * es,
               (const unsigned char *)c->t.data + (size_t)off * es, es);
        next_index(r, s, idx);
    }
    return out_cst(I, 0, o);
}

static eo_status
cv_constant_of_shape(onnx_importer *I)
{
    onnx_cst *c[1];
    int64_t s[MAXR];
    size_t r;
    if (!all_cst(I, c, 1))
        return EO_ERROR;
    if (!c[0])
        return onnx_error(I, "missing input 0");
    if (cst_ints(I, c[0], "shape", s, MAXR, &r) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < r; i++)
        if (s[i] < 0)
            return onnx_error(I, "negative dimension in shape");
    int32_t dt = DT_FLOAT;
    int64_t iv = 0;
    double fv = 0;
    const Onnx__AttributeProto *a = attr_find(I, "value");
    if (a) {
        onnx_tensor_data v;
        if (!a->t)
            return onnx_error(I, "attribute 'value' must be a tensor");
        if (onnx_tensor_decode(I->ctx, I->loc, a->t, "value", false,
                               &I->scratch, &v) != EO_OK)
            return EO_ERROR;
        if (v.numel != 1)
            return onnx_error(I, "value must hold one element");
        onnx_cst tmp = { .t = v };
        dt = v.dt;
        iv = onnx_cst_int(&tmp, 0);
        fv = onnx_cst_float(&tmp, 0);
    }
    onnx_cst *o = onnx_cst_new(I, dt, r, s);
    if (!o)
        return EO_ERROR;
    for (int64_t i = 0; i < o->t.numel; i++)
        onnx_cst_set(o, i, iv, fv);
    return out_cst(I, 0, o);
}

static eo_status
cv_range(onnx_importer *I)
{
    onnx_cst *c[3];
    if (!all_cst(I, c, 3))
        return EO_ERROR;
    for (size_t i = 0; i < 3; i++)
        if (!c[i] || c[i]->t.numel != 1 || c[i]->t.dt != c[0]->t.dt)
            return onnx_error(I, "start, limit and delta must be scalars "
                              "of one type");
    bool fl = c[0]->t.dt == DT_FLOAT;
    double start = onnx_cst_float(c[0], 0), limit = onnx_cst_float(c[1], 0);
    double delta = onnx_cst_float(c[2], 0);
    if (delta == 0 || !isfinite(start) || !isfinite(limit))
        return onnx_error(I, "invalid range");
    double cnt = ceil((limit - start) / delta);
    int64_t n = cnt > 0 ? (int64_t)cnt : 0;
    if (n > (int64_t)1 << 24)
        return onnx_error(I, "unsupported: range of %lld elements",
                          (long long)n);
    onnx_cst *o = onnx_cst_new(I, c[0]->t.dt, 1, &n);
    if (!o)
        return EO_ERROR;
    int64_t is = onnx_cst_int(c[0], 0), id = onnx_cst_int(c[2], 0);
    for (int64_t i = 0; i < n; i++)
        onnx_cst_set(o, i, is + i * id, fl ? start + (double)i * delta : 0);
    return out_cst(I, 0, o);
}

/* Broadcasting element copy: out[i] = c[bcast index]. */
static onnx_cst *
cst_broadcast(onnx_importer *I, const onnx_cst *c, size_t r,
              const int64_t *s)
{
    onnx_cst *o = onnx_cst_new(I, c->t.dt, r, s);
    if (!o)
        return NULL;
    size_t es = onnx_dtype_size(c->t.dt);
    int64_t idx[MAXR] = { 0 };
    for (int64_t i = 0; i < o->t.numel; i++) {
        int64_t off = bcast_index(c->t.rank, c->t.shape, r, idx);
        memcpy((unsigned char *)o->t.data + (size_t)i * es,
               (const unsigned char *)c->t.data + (size_t)off * es, es);
        next_index(r, s, idx);
    }
    return o;
}

static eo_status
cv_expand(onnx_importer *I)
{
    onnx_cst *c[2];
    int64_t want[MAXR], s[MAXR];
    size_t n, r;
    if (!all_cst(I, c, 2))
        return EO_ERROR;
    if (!c[0] || !c[1])
        return onnx_error(I, "missing input");
    if (cst_ints(I, c[1], "shape", want, MAXR, &n) != EO_OK)
        return EO_ERROR;
    if (!bcast(c[0]->t.rank, c[0]->t.shape, n, want, &r, s))
        return onnx_error(I, "shapes do not broadcast");
    onnx_cst *o = cst_broadcast(I, c[0], r, s);
    return o ? out_cst(I, 0, o) : EO_ERROR;
}

typedef enum cmp_kind { CMP_EQ, CMP_LT, CMP_GT } cmp_kind;

static eo_status
cv_compare(onnx_importer *I, cmp_kind k)
{
    onnx_cst *c[2];
    if (!all_cst(I, c, 2))
        return EO_ERROR;
    if (!c[0] || !c[1] || c[0]->t.dt != c[1]->t.dt)
        return onnx_error(I, "expects two inputs of one type");
    onnx_val va = { .name = "A", .c = c[0] }, vb = { .name = "B", .c = c[1] };
    onnx_val tmp, *pb = &vb;
    if (legacy_bcast(I, &va, &pb, &tmp) != EO_OK)
        return EO_ERROR;
    c[1] = pb->c;
    size_t r;
    int64_t s[MAXR];
    if (!bcast(c[0]->t.rank, c[0]->t.shape, c[1]->t.rank, c[1]->t.shape, &r,
               s))
        return onnx_error(I, "shapes do not broadcast");
    onnx_cst *o = onnx_cst_new(I, DT_BOOL, r, s);
    if (!o)
        return EO_ERROR;
    bool fl = c[0]->t.dt == DT_FLOAT;
    int64_t idx[MAXR] = { 0 };
    for (int64_t i = 0; i < o->t.numel; i++) {
        int64_t ia = bcast_index(c[0]->t.rank, c[0]->t.shape, r, idx);
        int64_t ib = bcast_index(c[1]->t.rank, c[1]->t.shape, r, idx);
        double fa = onnx_cst_float(c[0], ia), fb = onnx_cst_float(c[1], ib);
        int64_t xa = onnx_cst_int(c[0], ia), xb = onnx_cst_int(c[1], ib);
        bool v = k == CMP_EQ ? (fl ? fa == fb : xa == xb)
                 : k == CMP_LT ? (fl ? fa < fb : xa < xb)
                               : (fl ? fa > fb : xa > xb);
        onnx_cst_set(o, i, v, v);
        next_index(r, s, idx);
    }
    return out_cst(I, 0, o);
}

static eo_status cv_equal(onnx_importer *I) { return cv_compare(I, CMP_EQ); }
static eo_status cv_less(onnx_importer *I) { return cv_compare(I, CMP_LT); }
static eo_status cv_greater(onnx_importer *I)
{
    return cv_compare(I, CMP_GT);
}

static eo_status
cv_not(onnx_importer *I)
{
    onnx_cst *c[1];
    if (!all_cst(I, c, 1))
        return EO_ERROR;
    if (!c[0] || c[0]->t.dt != DT_BOOL)
        return onnx_error(I, "expects a bool tensor");
    onnx_cst *o = onnx_cst_new(I, DT_BOOL, c[0]->t.rank, c[0]->t.shape);
    if (!o)
        return EO_ERROR;
    for (int64_t i = 0; i < o->t.numel; i++)
        onnx_cst_set(o, i, !onnx_cst_int(c[0], i), 0);
    return out_cst(I, 0, o);
}

static eo_status
cv_where(onnx_importer *I)
{
    onnx_cst *c[3];
    if (!all_cst(I, c, 3))
        return EO_ERROR;
    if (!c[0] || !c[1] || !c[2] || c[0]->t.dt != DT_BOOL ||
        c[1]->t.dt != c[2]->t.dt)
        return onnx_error(I, "expects a bool condition and two inputs of "
                          "one type");
    size_t r, r2;
    int64_t s[MAXR], s2[MAXR];
    if (!bcast(c[0]->t.rank, c[0]->t.shape, c[1]->t.rank, c[1]->t.shape,
               &r2, s2) ||
        !bcast(r2, s2, c[2]->t.rank, c[2]->t.shape, &r, s))
        return onnx_error(I, "shapes do not broadcast");
    onnx_cst *o = onnx_cst_new(I, c[1]->t.dt, r, s);
    if (!o)
        return EO_ERROR;
    size_t es = onnx_dtype_size(c[1]->t.dt);
    int64_t idx[MAXR] = { 0 };
    for (int64_t i = 0; i < o->t.numel; i++) {
        bool cond = onnx_cst_int(c[0], bcast_index(c[0]->t.rank,
                                                   c[0]->t.shape, r, idx));
        const onnx_cst *src = cond ? c[1] : c[2];
        int64_t off = bcast_index(src->t.rank, src->t.shape, r, idx);
        memcpy((unsigned char *)o->t.data + (size_t)i * es,
               (const unsigned char *)src->t.data + (size_t)off * es, es);
        next_index(r, s, idx);
    }
    return out_cst(I, 0, o);
}

/* Sum: variadic Add, chained (folded on integer constants). */
static eo_status
cv_sum(onnx_importer *I)
{
    return cv_variadic(I, GRAPH_ADD);
}

/* Mean: the chained sum divided by the number of inputs (float only, as
 * in ONNX). */
static eo_status
cv_mean(onnx_importer *I)
{
    size_t n = I->node->n_input;
    if (n == 0)
        return onnx_error(I, "expects at least one input");
    onnx_val *first = need(I, 0);
    if (!first)
        return EO_ERROR;
    if (n == 1)
        return out_forward(I, 0, first);
    eo_value *acc = onnx_materialize(I, first, NULL);
    if (!acc)
        return EO_ERROR;
    if (onnx_dt_of_elem(eo_type_elem(eo_value_type(acc))) != DT_FLOAT)
        return onnx_error(I, "unsupported: Mean of a tensor that is not "
                          "float");
    for (size_t i = 1; acc && i < n; i++) {
        eo_value *ops[2] = { acc, in_value(I, i) };
        if (!ops[1])
            return EO_ERROR;
        char suffix[32];
        snprintf(suffix, sizeof(suffix), "_sum%zu", i);
        eo_op *op = onnx_emit(I, GRAPH_ADD, 2, ops, NULL, NULL, suffix);
        acc = op ? eo_op_result(op, 0) : NULL;
    }
    onnx_cst *c = acc ? onnx_cst_new(I, DT_FLOAT, 0, NULL) : NULL;
    if (!c)
        return EO_ERROR;
    onnx_cst_set(c, 0, 0, (double)n);
    onnx_val cnt = { .name = "count", .c = c };
    eo_value *ops[2] = { acc, onnx_materialize(I, &cnt, NULL) };
    return emit1(I, GRAPH_DIV, 2, ops, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */
/* ------------------------------------------------------------------ */

typedef enum conv_kind {
    K_UNARY, K_BINARY, K_VARIADIC, K_SOFTMAX, K_POOL, K_GPOOL, K_REDUCE,
    K_FN
} conv_kind;

typedef struct conv_row {
    const char *op_type;
    conv_kind kind;
    eo_graph_op k;
    eo_status (*fn)(onnx_importer *I);
    int min_opset;                  /* the first opset the op exists in */
    int arg;                        /* K_REDUCE: axes-as-input opset */
} conv_row;

static eo_status cv_conv_integer(onnx_importer *I)
{
    return cv_integer_op(I, true);
}

static eo_status cv_matmul_integer(onnx_importer *I)
{
    return cv_integer_op(I, false);
}

/* Alphabetical, for the reader (looked up linearly). */
static const conv_row rows[] = {
    { "Abs", K_UNARY, GRAPH_ABS, NULL, 1, 0 },
    { "Add", K_BINARY, GRAPH_ADD, NULL, 1, 0 },
    { "AveragePool", K_POOL, GRAPH_AVG_POOL, NULL, 1, 0 },
    { "BatchNormalization", K_FN, 0, cv_batch_norm, 1, 0 },
    { "Cast", K_FN, 0, cv_cast, 1, 0 },
    { "Clip", K_FN, 0, cv_clip, 1, 0 },
    { "Concat", K_FN, 0, cv_concat, 1, 0 },
    { "Constant", K_FN, 0, cv_constant, 1, 0 },
    { "ConstantOfShape", K_FN, 0, cv_constant_of_shape, 9, 0 },
    { "Conv", K_FN, 0, cv_conv, 1, 0 },
    { "ConvInteger", K_FN, 0, cv_conv_integer, 10, 0 },
    { "ConvTranspose", K_FN, 0, cv_conv_transpose, 1, 0 },
    { "DequantizeLinear", K_FN, 0, cv_dequantize, 10, 0 },
    { "Div", K_BINARY, GRAPH_DIV, NULL, 1, 0 },
    { "Dropout", K_FN, 0, cv_dropout, 1, 0 },
    { "Equal", K_FN, 0, cv_equal, 1, 0 },
    { "Erf", K_UNARY, GRAPH_ERF, NULL, 9, 0 },
    { "Exp", K_UNARY, GRAPH_EXP, NULL, 1, 0 },
    { "Expand", K_FN, 0, cv_expand, 8, 0 },
    { "Flatten", K_FN, 0, cv_flatten, 1, 0 },
    { "Gather", K_FN, 0, cv_gather, 1, 0 },
    { "Gelu", K_FN, 0, cv_gelu, 20, 0 },
    { "Gemm", K_FN, 0, cv_gemm, 1, 0 },
    { "GlobalAveragePool", K_GPOOL, GRAPH_GLOBAL_AVG_POOL, NULL, 1, 0 },
    { "GlobalMaxPool", K_GPOOL, GRAPH_GLOBAL_MAX_POOL, NULL, 1, 0 },
    { "Greater", K_FN, 0, cv_greater, 1, 0 },
    { "HardSigmoid", K_FN, 0, cv_hard_sigmoid, 1, 0 },
    { "HardSwish", K_UNARY, GRAPH_HARD_SWISH, NULL, 14, 0 },
    { "Identity", K_FN, 0, cv_identity, 1, 0 },
    { "LayerNormalization", K_FN, 0, cv_layer_norm, 17, 0 },
    { "LeakyRelu", K_FN, 0, cv_leaky_relu, 1, 0 },
    { "Less", K_FN, 0, cv_less, 1, 0 },
    { "Log", K_UNARY, GRAPH_LOG, NULL, 1, 0 },
    { "LogSoftmax", K_SOFTMAX, GRAPH_LOG_SOFTMAX, NULL, 1, 0 },
    { "MatMul", K_FN, 0, cv_matmul, 1, 0 },
    { "MatMulInteger", K_FN, 0, cv_matmul_integer, 10, 0 },
    { "Max", K_VARIADIC, GRAPH_MAX, NULL, 1, 0 },
    { "MaxPool", K_POOL, GRAPH_MAX_POOL, NULL, 1, 0 },
    { "Mean", K_FN, 0, cv_mean, 1, 0 },
    { "Min", K_VARIADIC, GRAPH_MIN, NULL, 1, 0 },
    { "Mul", K_BINARY, GRAPH_MUL, NULL, 1, 0 },
    { "Neg", K_UNARY, GRAPH_NEG, NULL, 1, 0 },
    { "Not", K_FN, 0, cv_not, 1, 0 },
    { "Pad", K_FN, 0, cv_pad, 1, 0 },
    { "Pow", K_FN, 0, cv_pow, 1, 0 },
    { "QLinearConv", K_FN, 0, cv_qlinear_conv, 10, 0 },
    { "QLinearMatMul", K_FN, 0, cv_qlinear_matmul, 10, 0 },
    { "QuantizeLinear", K_FN, 0, cv_quantize, 10, 0 },
    { "Range", K_FN, 0, cv_range, 11, 0 },
    { "ReduceMax", K_REDUCE, GRAPH_REDUCE_MAX, NULL, 1, 18 },
    { "ReduceMean", K_REDUCE, GRAPH_REDUCE_MEAN, NULL, 1, 18 },
    { "ReduceSum", K_REDUCE, GRAPH_REDUCE_SUM, NULL, 1, 13 },
    { "Relu", K_UNARY, GRAPH_RELU, NULL, 1, 0 },
    { "Reshape", K_FN, 0, cv_reshape, 1, 0 },
    { "Resize", K_FN, 0, cv_resize, 10, 0 },
    { "Shape", K_FN, 0, cv_shape, 1, 0 },
    { "Sigmoid", K_UNARY, GRAPH_SIGMOID, NULL, 1, 0 },
    { "Slice", K_FN, 0, cv_slice, 1, 0 },
    { "Softmax", K_SOFTMAX, GRAPH_SOFTMAX, NULL, 1, 0 },
    { "Split", K_FN, 0, cv_split, 1, 0 },
    { "Sqrt", K_UNARY, GRAPH_SQRT, NULL, 1, 0 },
    { "Squeeze", K_FN, 0, cv_squeeze, 1, 0 },
    { "Sub", K_BINARY, GRAPH_SUB, NULL, 1, 0 },
    { "Sum", K_FN, 0, cv_sum, 1, 0 },
    { "Tanh", K_UNARY, GRAPH_TANH, NULL, 1, 0 },
    { "Transpose", K_FN, 0, cv_transpose_or_fold, 1, 0 },
    { "Unsqueeze", K_FN, 0, cv_unsqueeze, 1, 0 },
    { "Upsample", K_FN, 0, cv_upsample, 7, 0 },
    { "Where", K_FN, 0, cv_where, 9, 0 },
};

eo_status
onnx_convert_node(onnx_importer *I)
{
    const char *op = I->node->op_type;
    const conv_row *r = NULL;
    for (size_t i = 0; !r && i < sizeof(rows) / sizeof(rows[0]); i++)
        if (strcmp(rows[i].op_type, op) == 0)
            r = &rows[i];
    if (!r)
        return onnx_error(I, "unsupported op '%s'", op);
    if (!strcmp(op, "Upsample") && I->opset < 7)
        return onnx_error(I, "unsupported: Upsample before opset 7 (the "
                          "experimental height_scale / width_scale form)");
    if (I->opset < r->min_opset)
        return onnx_error(I, "unsupported: %s does not exist in opset %d",
                          op, I->opset);
    if (!strcmp(op, "Upsample") && I->opset >= 10)
        return onnx_error(I, "unsupported: Upsample is deprecated in opset "
                          "%d (use Resize)", I->opset);
    switch (r->kind) {
    case K_UNARY: return cv_unary(I, r->k);
    case K_BINARY: return cv_binary(I, r->k);
    case K_VARIADIC: return cv_variadic(I, r->k);
    case K_SOFTMAX: return cv_softmax(I, r->k);
    case K_POOL: return cv_pool(I, r->k);
    case K_GPOOL: return cv_global_pool(I, r->k);
    case K_REDUCE: return cv_reduce(I, r->k, r->arg);
    case K_FN: return r->fn(I);
    }
    return onnx_error(I, "unsupported op '%s'", op);
}

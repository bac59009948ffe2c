/* dialects/graph/interp_elem.c - the interpreter's elementwise,
 * activation, reduction and data-movement kernels (float and integer
 * tensors; quantized forms live in interp_quant.c).
 *
 * Binary ops broadcast as NumPy does; float math is f32 with the C
 * library's functions and ONNX's formulas; integer arithmetic wraps in
 * the element type (computed in 64 bits) and integer division truncates
 * toward zero. Data-movement ops copy elements as bytes, so they take any
 * dtype. Every kernel checks the shapes it is given against each other
 * and reports a mismatch rather than reading out of bounds.
 */
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/interp_internal.h"
#include "ir/ir.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAXR EO_GRAPH_MAX_RANK

/* ------------------------------------------------------------------ */
/* Elements                                                            */
/* ------------------------------------------------------------------ */

/* Integer dtypes whose values all fit in int64_t. */
static bool
is_int(eo_dtype dt)
{
    switch (dt) {
    case EO_DT_I8: case EO_DT_U8: case EO_DT_I16: case EO_DT_U16:
    case EO_DT_I32: case EO_DT_U32: case EO_DT_I64:
        return true;
    default:
        return false;
    }
}

static int64_t
ld_int(const eo_tensor *t, int64_t i)
{
    switch (t->dtype) {
    case EO_DT_I8: return ((const int8_t *)t->data)[i];
    case EO_DT_U8: return ((const uint8_t *)t->data)[i];
    case EO_DT_I16: return ((const int16_t *)t->data)[i];
    case EO_DT_U16: return ((const uint16_t *)t->data)[i];
    case EO_DT_I32: return ((const int32_t *)t->data)[i];
    case EO_DT_U32: return ((const uint32_t *)t->data)[i];
    case EO_DT_I64: return ((const int64_t *)t->data)[i];
    case EO_DT_BOOL: return ((const uint8_t *)t->data)[i] != 0;
    default: return 0;
    }
}

/* Stores 'v' wrapped to the element type (two's complement). */
static void
st_int(eo_tensor *t, int64_t i, int64_t v)
{
    uint64_t u = (uint64_t)v;
    switch (t->dtype) {
    case EO_DT_I8: ((int8_t *)t->data)[i] = (int8_t)(uint8_t)u; break;
    case EO_DT_U8: ((uint8_t *)t->data)[i] = (uint8_t)u; break;
    case EO_DT_I16: ((int16_t *)t->data)[i] = (int16_t)(uint16_t)u; break;
    case EO_DT_U16: ((uint16_t *)t->data)[i] = (uint16_t)u; break;
    case EO_DT_I32: ((int32_t *)t->data)[i] = (int32_t)(uint32_t)u; break;
    case EO_DT_U32: ((uint32_t *)t->data)[i] = (uint32_t)u; break;
    case EO_DT_I64: ((int64_t *)t->data)[i] = v; break;
    case EO_DT_BOOL: ((uint8_t *)t->data)[i] = v != 0; break;
    default: break;
    }
}

static eo_status
bad_dtype(eo_op *op, eo_dtype dt)
{
    return eo_op_error(op, "is unsupported by the interpreter for element "
                       "type %s", eo_dtype_name(dt));
}

static int64_t
numel(const eo_tensor *t)
{
    return eo_tensor_numel(t);
}

/* Row-major strides (in elements) of 'rank' dims 'shape'. */
static void
strides_of(size_t rank, const int64_t *shape, int64_t *st)
{
    int64_t s = 1;
    for (size_t d = rank; d-- > 0;) {
        st[d] = s;
        s *= shape[d];
    }
}

/* Walks a shape in row-major order keeping one offset per strided view:
 * off[v] = sum over d of idx[d] * st[v][d]. */
typedef struct walk {
    size_t rank, nviews;
    int64_t shape[MAXR], idx[MAXR];
    int64_t st[2][MAXR];
    int64_t off[2];
} walk;

static void
walk_init(walk *w, size_t rank, const int64_t *shape, size_t nviews)
{
    memset(w, 0, sizeof *w);
    w->rank = rank;
    w->nviews = nviews;
    memcpy(w->shape, shape, rank * sizeof shape[0]);
}

static void
walk_next(walk *w)
{
    for (size_t d = w->rank; d-- > 0;) {
        w->idx[d]++;
        for (size_t v = 0; v < w->nviews; v++)
            w->off[v] += w->st[v][d];
        if (w->idx[d] < w->shape[d])
            return;
        for (size_t v = 0; v < w->nviews; v++)
            w->off[v] -= w->st[v][d] * w->shape[d];
        w->idx[d] = 0;
    }
}

/* An axis attribute value normalized to [0, rank); false if out of range. */
static bool
norm_axis(int64_t a, size_t rank, int64_t *out)
{
    int64_t r = (int64_t)rank;
    if (a < -r || a >= r)
        return false;
    *out = a < 0 ? a + r : a;
    return true;
}

static bool
same_shape(const eo_tensor *a, const eo_tensor *b)
{
    if (a->rank != b->rank)
        return false;
    for (size_t d = 0; d < a->rank; d++)
        if (a->shape[d] != b->shape[d])
            return false;
    return true;
}

static eo_status
shape_mismatch(eo_op *op)
{
    return eo_op_error(op, "operand and result shapes are inconsistent");
}

/* ------------------------------------------------------------------ */
/* Binary elementwise ops with broadcasting                            */
/* ------------------------------------------------------------------ */

/* Strides of operand 't' viewed with the result's shape (0 along the
 * dims it is broadcast in); false if it does not broadcast to it. */
static bool
bcast_strides(const eo_tensor *t, const eo_tensor *o, int64_t *st)
{
    if (t->rank > o->rank)
        return false;
    int64_t own[MAXR];
    strides_of(t->rank, t->shape, own);
    size_t lead = o->rank - t->rank;
    for (size_t d = 0; d < o->rank; d++) {
        if (d < lead) {
            st[d] = 0;
            continue;
        }
        int64_t n = t->shape[d - lead];
        if (n == o->shape[d])
            st[d] = n == 1 ? 0 : own[d - lead];
        else if (n == 1)
            st[d] = 0;
        else
            return false;
    }
    return true;
}

static inline float
bin_f32(eo_graph_op k, float a, float b)
{
    switch (k) {
    case GRAPH_ADD: return a + b;
    case GRAPH_SUB: return a - b;
    case GRAPH_MUL: return a * b;
    case GRAPH_DIV: return a / b;
    /* NumPy's maximum/minimum: NaN if either is NaN. */
    case GRAPH_MAX: return isnan(a) || isnan(b) ? NAN : a > b ? a : b;
    case GRAPH_MIN: return isnan(a) || isnan(b) ? NAN : a < b ? a : b;
    case GRAPH_POW: return powf(a, b);
    default: return NAN;
    }
}

/* Integer op on values of a type of at most 64 bits, wrapping; false on
 * division by zero. */
static bool
bin_int(eo_graph_op k, int64_t a, int64_t b, int64_t *r)
{
    switch (k) {
    case GRAPH_ADD: *r = (int64_t)((uint64_t)a + (uint64_t)b); return true;
    case GRAPH_SUB: *r = (int64_t)((uint64_t)a - (uint64_t)b); return true;
    case GRAPH_MUL: *r = (int64_t)((uint64_t)a * (uint64_t)b); return true;
    case GRAPH_DIV:
        if (b == 0)
            return false;
        /* C division truncates toward zero; INT64_MIN / -1 wraps. */
        *r = b == -1 ? (int64_t)(0 - (uint64_t)a) : a / b;
        return true;
    case GRAPH_MAX: *r = a > b ? a : b; return true;
    case GRAPH_MIN: *r = a < b ? a : b; return true;
    case GRAPH_POW: {
        /* Wrapping repeated squaring; a negative exponent truncates
         * 1 / a^-b toward zero (as onnxruntime's integer Pow). */
        if (b < 0) {
            *r = a == 1 ? 1 : a == -1 ? ((b & 1) ? -1 : 1) : 0;
            return true;
        }
        uint64_t base = (uint64_t)a, acc = 1;
        for (uint64_t e = (uint64_t)b; e; e >>= 1) {
            if (e & 1)
                acc *= base;
            base *= base;
        }
        *r = (int64_t)acc;
        return true;
    }
    default: return false;
    }
}

static eo_status
run_binary(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_op k = (eo_graph_op)eo_graph_op_kind(op);
    const eo_tensor *a = &in[0], *b = &in[1];
    eo_tensor *o = &out[0];
    if (a->dtype != o->dtype || b->dtype != o->dtype)
        return eo_op_error(op, "operand and result element types differ");
    eo_dtype dt = o->dtype;
    bool f32 = dt == EO_DT_F32;
    if (!f32 && !is_int(dt))
        return bad_dtype(op, dt);
    eo_graph_activation act = { .kind = EO_ACT_NONE };
    if (k == GRAPH_ADD)
        act = eo_graph_op_activation(op);
    if (act.kind != EO_ACT_NONE && !f32)
        return eo_op_error(op, "fused activation is unsupported by the "
                           "interpreter for element type %s",
                           eo_dtype_name(dt));
    walk w;
    walk_init(&w, o->rank, o->shape, 2);
    if (!bcast_strides(a, o, w.st[0]) || !bcast_strides(b, o, w.st[1]))
        return eo_op_error(op, "operand shapes do not broadcast to the "
                           "result shape");
    int64_t n = numel(o);
    if (f32) {
        /* The innermost dim in a loop of its own (operand strides 0 or
         * 1), the other dims walked; one loop per op, where bin_f32 folds
         * to its case. */
        const float *pa = a->data, *pb = b->data;
        float *po = o->data;
        size_t r = o->rank;
        int64_t inner = r ? o->shape[r - 1] : 1;
        int64_t sa = r ? w.st[0][r - 1] : 0, sb = r ? w.st[1][r - 1] : 0;
        if (r)
            w.rank = r - 1;
        for (int64_t i = 0; inner > 0 && i < n; i += inner, walk_next(&w)) {
            const float *ra = pa + w.off[0], *rb = pb + w.off[1];
            float *ro = po + i;
#define BINARY_CASE(K)                                                \
            case K:                                                   \
                for (int64_t j = 0; j < inner; j++)                   \
                    ro[j] = bin_f32(K, ra[j * sa], rb[j * sb]);       \
                break
            switch (k) {
            BINARY_CASE(GRAPH_ADD);
            BINARY_CASE(GRAPH_SUB);
            BINARY_CASE(GRAPH_MUL);
            BINARY_CASE(GRAPH_DIV);
            BINARY_CASE(GRAPH_MAX);
            BINARY_CASE(GRAPH_MIN);
            BINARY_CASE(GRAPH_POW);
            default:
                for (int64_t j = 0; j < inner; j++)
                    ro[j] = bin_f32(k, ra[j * sa], rb[j * sb]);
                break;
            }
#undef BINARY_CASE
        }
        if (act.kind != EO_ACT_NONE && n > 0)
            interp_apply_act(&act, po, (size_t)n);
        return EO_OK;
    }
    for (int64_t i = 0; i < n; i++, walk_next(&w)) {
        int64_t r;
        if (!bin_int(k, ld_int(a, w.off[0]), ld_int(b, w.off[1]), &r))
            return eo_op_error(op, "integer division by zero");
        st_int(o, i, r);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Unary elementwise ops and activations                               */
/* ------------------------------------------------------------------ */

typedef struct unary_params {
    float lo, hi;           /* clip */
    float alpha, beta;      /* leaky_relu, hard_sigmoid */
    bool gelu_tanh;
} unary_params;

static inline float
un_f32(eo_graph_op k, const unary_params *p, float x)
{
    switch (k) {
    case GRAPH_NEG: return -x;
    case GRAPH_ABS: return fabsf(x);
    case GRAPH_SQRT: return sqrtf(x);
    case GRAPH_EXP: return expf(x);
    case GRAPH_LOG: return logf(x);
    case GRAPH_ERF: return erff(x);
    case GRAPH_RELU: return x < 0 ? 0.0f : x;          /* keeps NaN */
    case GRAPH_SIGMOID: return 1.0f / (1.0f + expf(-x));
    case GRAPH_TANH: return tanhf(x);
    case GRAPH_HARD_SWISH: {
        float r6 = x + 3.0f;
        r6 = r6 < 0 ? 0.0f : r6 > 6.0f ? 6.0f : r6;
        return x * r6 / 6.0f;
    }
    case GRAPH_GELU:
        if (p->gelu_tanh) {
            const float c = 0.7978845608028654f;       /* sqrt(2 / pi) */
            return 0.5f * x * (1.0f + tanhf(c * (x + 0.044715f * x * x * x)));
        }
        return 0.5f * x * (1.0f + erff(x * 0.7071067811865476f));
    case GRAPH_CLIP: {
        /* NumPy's clip: min(max(x, lo), hi); NaN stays NaN. */
        float v = x < p->lo ? p->lo : x;
        return v > p->hi ? p->hi : v;
    }
    case GRAPH_LEAKY_RELU: return x < 0 ? p->alpha * x : x;
    case GRAPH_HARD_SIGMOID: {
        float v = p->alpha * x + p->beta;
        v = v < 0 ? 0.0f : v;
        return v > 1.0f ? 1.0f : v;
    }
    default: return NAN;
    }
}

static eo_status
run_unary(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_op k = (eo_graph_op)eo_graph_op_kind(op);
    const eo_tensor *x = &in[0];
    eo_tensor *o = &out[0];
    if (x->dtype != o->dtype)
        return eo_op_error(op, "operand and result element types differ");
    if (!same_shape(x, o))
        return shape_mismatch(op);
    int64_t n = numel(o);
    if (is_int(o->dtype)) {
        if (k != GRAPH_NEG && k != GRAPH_ABS && k != GRAPH_RELU
            && k != GRAPH_CLIP)
            return bad_dtype(op, o->dtype);
        /* clip: the f32 bounds, rounded inward to integers. */
        double lo = ceil(eo_graph_attr_float(op, "min", -INFINITY));
        double hi = floor(eo_graph_attr_float(op, "max", INFINITY));
        for (int64_t i = 0; i < n; i++) {
            int64_t v = ld_int(x, i);
            uint64_t neg = 0 - (uint64_t)v;
            if (k == GRAPH_NEG || (k == GRAPH_ABS && v < 0))
                v = (int64_t)neg;
            else if (k == GRAPH_RELU && v < 0)
                v = 0;
            else if (k == GRAPH_CLIP && (double)v < lo)
                v = lo >= 9.2e18 ? INT64_MAX : (int64_t)lo;
            if (k == GRAPH_CLIP && (double)v > hi)
                v = hi <= -9.2e18 ? INT64_MIN : (int64_t)hi;
            st_int(o, i, v);
        }
        return EO_OK;
    }
    if (o->dtype != EO_DT_F32)
        return bad_dtype(op, o->dtype);
    unary_params p = { 0 };
    if (k == GRAPH_CLIP) {
        p.lo = (float)eo_graph_attr_float(op, "min", -INFINITY);
        p.hi = (float)eo_graph_attr_float(op, "max", INFINITY);
    } else if (k == GRAPH_LEAKY_RELU) {
        p.alpha = (float)eo_graph_attr_float(op, "alpha", 0.01);
    } else if (k == GRAPH_HARD_SIGMOID) {
        p.alpha = (float)eo_graph_attr_float(op, "alpha", 0.2);
        p.beta = (float)eo_graph_attr_float(op, "beta", 0.5);
    } else if (k == GRAPH_GELU) {
        const char *ap = eo_graph_attr_str(op, "approximate", "none");
        if (strcmp(ap, "tanh") == 0)
            p.gelu_tanh = true;
        else if (strcmp(ap, "none") != 0)
            return eo_op_error(op, "unknown approximate \"%s\" (expected "
                               "\"none\" or \"tanh\")", ap);
    }
    /* One loop per op, where un_f32 folds to its case (and the cheap
     * ones vectorize). */
    const float *px = x->data;
    float *po = o->data;
#define UNARY_CASE(K)                                                 \
    case K:                                                           \
        for (int64_t i = 0; i < n; i++)                               \
            po[i] = un_f32(K, &p, px[i]);                             \
        break
    switch (k) {
    UNARY_CASE(GRAPH_NEG);
    UNARY_CASE(GRAPH_ABS);
    UNARY_CASE(GRAPH_SQRT);
    UNARY_CASE(GRAPH_EXP);
    UNARY_CASE(GRAPH_LOG);
    UNARY_CASE(GRAPH_ERF);
    UNARY_CASE(GRAPH_RELU);
    UNARY_CASE(GRAPH_SIGMOID);
    UNARY_CASE(GRAPH_TANH);
    UNARY_CASE(GRAPH_HARD_SWISH);
    UNARY_CASE(GRAPH_GELU);
    UNARY_CASE(GRAPH_CLIP);
    UNARY_CASE(GRAPH_LEAKY_RELU);
    UNARY_CASE(GRAPH_HARD_SIGMOID);
    default:
        for (int64_t i = 0; i < n; i++)
            po[i] = un_f32(k, &p, px[i]);
        break;
    }
#undef UNARY_CASE
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Reductions                                                          */
/* ------------------------------------------------------------------ */

/* The reduced dims of 'x' per the 'axes' attribute (absent or empty:
 * all); false (after a diagnostic) if an axis is invalid. */
static bool
reduced_dims(eo_op *op, const eo_tensor *x, bool *red)
{
    int64_t axes[MAXR + 1];
    long na = eo_graph_attr_ints(op, "axes", axes, MAXR + 1);
    for (size_t d = 0; d < x->rank; d++)
        red[d] = na <= 0;
    for (long i = 0; i < na; i++) {
        int64_t a;
        if (i >= MAXR || !norm_axis(axes[i], x->rank, &a) || red[a]) {
            (void)eo_op_error(op, "invalid or repeated reduction axis");
            return false;
        }
        red[a] = true;
    }
    return true;
}

static eo_status
run_reduce(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_op k = (eo_graph_op)eo_graph_op_kind(op);
    const eo_tensor *x = &in[0];
    eo_tensor *o = &out[0];
    if (x->dtype != o->dtype)
        return eo_op_error(op, "operand and result element types differ");
    bool f32 = o->dtype == EO_DT_F32;
    if (!f32 && (!is_int(o->dtype) || k == GRAPH_REDUCE_MEAN))
        return bad_dtype(op, o->dtype);
    bool red[MAXR];
    if (!reduced_dims(op, x, red))
        return EO_ERROR;
    /* The result, viewed with the kept dims (size 1 where reduced). */
    int64_t kshape[MAXR], kst[MAXR];
    int64_t kept = 1, group = 1;
    for (size_t d = 0; d < x->rank; d++) {
        kshape[d] = red[d] ? 1 : x->shape[d];
        kept *= kshape[d];
        if (red[d])
            group *= x->shape[d];
    }
    if (numel(o) != kept)
        return shape_mismatch(op);
    strides_of(x->rank, kshape, kst);
    walk w;
    walk_init(&w, x->rank, x->shape, 1);
    for (size_t d = 0; d < x->rank; d++)
        w.st[0][d] = red[d] ? 0 : kst[d];
    int64_t n = numel(x);
    if (f32) {
        double *acc = NULL;
        const float *px = x->data;
        float *po = o->data;
        if (k == GRAPH_REDUCE_MAX) {
            for (int64_t i = 0; i < kept; i++)
                po[i] = -INFINITY;
            for (int64_t i = 0; i < n; i++, walk_next(&w)) {
                float v = px[i], *m = &po[w.off[0]];
                if (isnan(v) || v > *m)
                    *m = isnan(*m) ? *m : v;
            }
            return EO_OK;
        }
        /* Sums in double, then rounded once. */
        acc = calloc((size_t)(kept ? kept : 1), sizeof *acc);
        if (!acc) {
            (void)eo_op_error(op, "out of memory");
            return EO_NOMEM;
        }
        for (int64_t i = 0; i < n; i++, walk_next(&w))
            acc[w.off[0]] += px[i];
        for (int64_t i = 0; i < kept; i++)
            po[i] = (float)(k == GRAPH_REDUCE_MEAN ? acc[i] / (double)group
                                                   : acc[i]);
        free(acc);
        return EO_OK;
    }
    if (k == GRAPH_REDUCE_MAX) {
        /* An empty reduction gives the type's lowest value. */
        int64_t lowest;
        switch (o->dtype) {
        case EO_DT_I8: lowest = INT8_MIN; break;
        case EO_DT_I16: lowest = INT16_MIN; break;
        case EO_DT_I32: lowest = INT32_MIN; break;
        case EO_DT_I64: lowest = INT64_MIN; break;
        default: lowest = 0; break;
        }
        for (int64_t i = 0; i < kept; i++)
            st_int(o, i, lowest);
        for (int64_t i = 0; i < n; i++, walk_next(&w)) {
            int64_t v = ld_int(x, i);
            if (v > ld_int(o, w.off[0]))
                st_int(o, w.off[0], v);
        }
        return EO_OK;
    }
    if (o->nbytes)
        memset(o->data, 0, o->nbytes);
    for (int64_t i = 0; i < n; i++, walk_next(&w)) {
        int64_t s = ld_int(o, w.off[0]);
        st_int(o, w.off[0], (int64_t)((uint64_t)s + (uint64_t)ld_int(x, i)));
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Data movement (any dtype: elements are copied as bytes)             */
/* ------------------------------------------------------------------ */

static eo_status
check_dtypes(eo_op *op, size_t nin, const eo_tensor *in, size_t nout,
             const eo_tensor *out)
{
    eo_dtype dt = nin ? in[0].dtype : out[0].dtype;
    for (size_t i = 0; i < nin; i++)
        if (in[i].dtype != dt)
            return eo_op_error(op, "operand element types differ");
    for (size_t i = 0; i < nout; i++)
        if (out[i].dtype != dt)
            return eo_op_error(op, "operand and result element types "
                               "differ");
    return EO_OK;
}

/* reshape, flatten, squeeze, unsqueeze: the same bytes. */
static eo_status
run_copy(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    if (check_dtypes(op, 1, in, 1, out) != EO_OK)
        return EO_ERROR;
    if (numel(&in[0]) != numel(&out[0]) || in[0].nbytes != out[0].nbytes)
        return eo_op_error(op, "result has %lld elements, operand %lld",
                           (long long)numel(&out[0]),
                           (long long)numel(&in[0]));
    if (out[0].nbytes)
        memcpy(out[0].data, in[0].data, out[0].nbytes);
    return EO_OK;
}

/* Copies the element at 'from' of 'src' to 'to' of 'dst'. */
static void
copy_elem(eo_tensor *dst, int64_t to, const eo_tensor *src, int64_t from,
          size_t esize)
{
    memcpy((char *)dst->data + (size_t)to * esize,
           (const char *)src->data + (size_t)from * esize, esize);
}

/* Fixed-size memcpy: one move, and no access through another type. */
#define COPY_STRIDED(ES)                                              \
    do {                                                              \
        for (int64_t i = 0; i < n; i++)                               \
            memcpy((char *)dst + (size_t)i * (ES),                    \
                   (const char *)src + (size_t)(i * st) * (ES), (ES)); \
    } while (0)

/* dst[i] = src[i * st] for n elements of 'es' bytes (fixed-size copies
 * for the usual sizes). */
static void
copy_strided(void *dst, const void *src, int64_t st, int64_t n, size_t es)
{
    switch (es) {
    case 1: COPY_STRIDED(1); break;
    case 2: COPY_STRIDED(2); break;
    case 4: COPY_STRIDED(4); break;
    case 8: COPY_STRIDED(8); break;
    default: COPY_STRIDED(es); break;
    }
}

#undef COPY_STRIDED

static eo_status
run_transpose(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    const eo_tensor *x = &in[0];
    eo_tensor *o = &out[0];
    if (check_dtypes(op, 1, in, 1, out) != EO_OK)
        return EO_ERROR;
    size_t r = x->rank;
    int64_t perm[MAXR + 1];
    long np = eo_graph_attr_ints(op, "perm", perm, MAXR + 1);
    if (np < 0) {
        for (size_t d = 0; d < r; d++)
            perm[d] = (int64_t)(r - 1 - d);
    } else if ((size_t)np != r) {
        return eo_op_error(op, "perm has %ld entries for rank %zu", np, r);
    }
    bool seen[MAXR] = { false };
    for (size_t d = 0; d < r; d++) {
        if (perm[d] < 0 || perm[d] >= (int64_t)r || seen[perm[d]])
            return eo_op_error(op, "perm is not a permutation");
        seen[perm[d]] = true;
    }
    if (o->rank != r)
        return shape_mismatch(op);
    for (size_t d = 0; d < r; d++)
        if (o->shape[d] != x->shape[perm[d]])
            return shape_mismatch(op);
    int64_t xst[MAXR];
    strides_of(r, x->shape, xst);
    /* Rows along the result's last dim, gathered with the input stride
     * of that dim; the other dims walked. */
    walk w;
    walk_init(&w, r ? r - 1 : 0, o->shape, 1);
    for (size_t d = 0; d + 1 < r; d++)
        w.st[0][d] = xst[perm[d]];
    int64_t inner = r ? o->shape[r - 1] : 1;
    int64_t st = r ? xst[perm[r - 1]] : 0;
    size_t es = eo_dtype_size(o->dtype);
    int64_t n = numel(o);
    for (int64_t i = 0; inner > 0 && i < n; i += inner, walk_next(&w))
        copy_strided((char *)o->data + (size_t)i * es,
                     (const char *)x->data + (size_t)w.off[0] * es, st,
                     inner, es);
    return EO_OK;
}

/* Product of shape[from..to). */
static int64_t
prod(const int64_t *shape, size_t from, size_t to)
{
    int64_t p = 1;
    for (size_t d = from; d < to; d++)
        p *= shape[d];
    return p;
}

static eo_status
run_concat(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nin = eo_op_num_operands(op);
    eo_tensor *o = &out[0];
    if (nin == 0 || check_dtypes(op, nin, in, 1, out) != EO_OK)
        return nin == 0 ? eo_op_error(op, "expects operands") : EO_ERROR;
    int64_t axis;
    if (!norm_axis(eo_graph_attr_int(op, "axis", 0), o->rank, &axis))
        return eo_op_error(op, "axis out of range");
    int64_t total = 0;
    for (size_t i = 0; i < nin; i++) {
        if (in[i].rank != o->rank)
            return shape_mismatch(op);
        for (size_t d = 0; d < o->rank; d++)
            if ((int64_t)d != axis && in[i].shape[d] != o->shape[d])
                return shape_mismatch(op);
        total += in[i].shape[axis];
    }
    if (total != o->shape[axis])
        return shape_mismatch(op);
    size_t es = eo_dtype_size(o->dtype);
    int64_t outer = prod(o->shape, 0, (size_t)axis);
    int64_t inner = prod(o->shape, (size_t)axis + 1, o->rank);
    char *dst = o->data;
    for (int64_t j = 0; j < outer; j++) {
        for (size_t i = 0; i < nin; i++) {
            size_t chunk = (size_t)(in[i].shape[axis] * inner) * es;
            if (chunk) {
                memcpy(dst, (const char *)in[i].data + (size_t)j * chunk,
                       chunk);
                dst += chunk;
            }
        }
    }
    return EO_OK;
}

static eo_status
run_split(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nout = eo_op_num_results(op);
    const eo_tensor *x = &in[0];
    if (check_dtypes(op, 1, in, nout, out) != EO_OK)
        return EO_ERROR;
    int64_t axis;
    if (!norm_axis(eo_graph_attr_int(op, "axis", 0), x->rank, &axis))
        return eo_op_error(op, "axis out of range");
    int64_t total = 0;
    for (size_t i = 0; i < nout; i++) {
        if (out[i].rank != x->rank)
            return shape_mismatch(op);
        for (size_t d = 0; d < x->rank; d++)
            if ((int64_t)d != axis && out[i].shape[d] != x->shape[d])
                return shape_mismatch(op);
        total += out[i].shape[axis];
    }
    if (total != x->shape[axis])
        return shape_mismatch(op);
    size_t es = eo_dtype_size(x->dtype);
    int64_t outer = prod(x->shape, 0, (size_t)axis);
    int64_t inner = prod(x->shape, (size_t)axis + 1, x->rank);
    const char *src = x->data;
    for (int64_t j = 0; j < outer; j++) {
        for (size_t i = 0; i < nout; i++) {
            size_t chunk = (size_t)(out[i].shape[axis] * inner) * es;
            if (chunk) {
                memcpy((char *)out[i].data + (size_t)j * chunk, src, chunk);
                src += chunk;
            }
        }
    }
    return EO_OK;
}

static eo_status
run_slice(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    const eo_tensor *x = &in[0];
    eo_tensor *o = &out[0];
    if (check_dtypes(op, 1, in, 1, out) != EO_OK)
        return EO_ERROR;
    size_t r = x->rank;
    int64_t starts[MAXR + 1], ends[MAXR + 1], axes[MAXR + 1],
            steps[MAXR + 1];
    long ns = eo_graph_attr_ints(op, "starts", starts, MAXR + 1);
    long ne = eo_graph_attr_ints(op, "ends", ends, MAXR + 1);
    long na = eo_graph_attr_ints(op, "axes", axes, MAXR + 1);
    long nt = eo_graph_attr_ints(op, "steps", steps, MAXR + 1);
    if (ns < 0 || ns != ne || ns > (long)r || (na >= 0 && na != ns)
        || (nt >= 0 && nt != ns))
        return eo_op_error(op, "starts, ends, axes and steps must have one "
                           "entry per sliced axis");
    int64_t first[MAXR], step[MAXR], count[MAXR];
    bool seen[MAXR] = { false };
    for (size_t d = 0; d < r; d++) {
        first[d] = 0;
        step[d] = 1;
        count[d] = x->shape[d];
    }
    for (long i = 0; i < ns; i++) {
        int64_t a = i;
        if (na >= 0 && !norm_axis(axes[i], r, &a))
            return eo_op_error(op, "axis out of range");
        if (seen[a])
            return eo_op_error(op, "repeated axis");
        seen[a] = true;
        int64_t s = nt >= 0 ? steps[i] : 1;
        if (s == 0)
            return eo_op_error(op, "step must not be 0");
        if (s < -INT64_MAX)
            s = -INT64_MAX;     /* same slice; keeps -s representable */
        eo_graph_slice_axis(starts[i], ends[i], s, x->shape[a], &first[a],
                            &count[a]);
        /* A step only matters between two taken elements; keeping huge
         * ones out of the stride arithmetic avoids overflow. */
        step[a] = count[a] > 1 ? s : 1;
    }
    if (o->rank != r)
        return shape_mismatch(op);
    for (size_t d = 0; d < r; d++)
        if (o->shape[d] != count[d])
            return shape_mismatch(op);
    int64_t xst[MAXR], base = 0;
    strides_of(r, x->shape, xst);
    walk w;
    walk_init(&w, r, o->shape, 1);
    for (size_t d = 0; d < r; d++) {
        w.st[0][d] = xst[d] * step[d];
        base += xst[d] * first[d];
    }
    size_t es = eo_dtype_size(o->dtype);
    int64_t n = numel(o);
    for (int64_t i = 0; i < n; i++, walk_next(&w))
        copy_elem(o, i, x, base + w.off[0], es);
    return EO_OK;
}

/* Stores 'v' converted to the element type at index 0 of 't' (f16 is
 * only supported for 0). */
static bool
store_value(eo_tensor *t, double v)
{
    switch (t->dtype) {
    case EO_DT_F32: *(float *)t->data = (float)v; return true;
    case EO_DT_F64: *(double *)t->data = v; return true;
    case EO_DT_BOOL: *(uint8_t *)t->data = v != 0; return true;
    case EO_DT_F16: case EO_DT_U64:
        if (v != 0)
            return false;
        memset(t->data, 0, eo_dtype_size(t->dtype));
        return true;
    default:
        if (!(v >= -9.2e18 && v <= 9.2e18))
            return false;
        st_int(t, 0, (int64_t)v);
        return true;
    }
}

/* Reflects coordinate 'i' into [0, n) (NumPy's 'reflect': the edge
 * element is not repeated). */
static int64_t
reflect(int64_t i, int64_t n)
{
    if (n == 1)
        return 0;
    int64_t period = 2 * (n - 1);
    i %= period;
    if (i < 0)
        i += period;
    return i < n ? i : period - i;
}

static eo_status
run_pad(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    const eo_tensor *x = &in[0];
    eo_tensor *o = &out[0];
    if (check_dtypes(op, 1, in, 1, out) != EO_OK)
        return EO_ERROR;
    size_t r = x->rank;
    int64_t pads[2 * MAXR + 1];
    long np = eo_graph_attr_ints(op, "pads", pads, 2 * MAXR + 1);
    if (np != (long)(2 * r))
        return eo_op_error(op, "pads needs %zu entries", 2 * r);
    for (size_t i = 0; i < 2 * r; i++)
        if (pads[i] < 0)
            return eo_op_error(op, "negative pads are unsupported");
    const char *mode = eo_graph_attr_str(op, "mode", "constant");
    int m = strcmp(mode, "constant") == 0 ? 0
            : strcmp(mode, "reflect") == 0 ? 1
            : strcmp(mode, "edge") == 0 ? 2 : -1;
    if (m < 0)
        return eo_op_error(op, "unknown pad mode \"%s\"", mode);
    if (o->rank != r)
        return shape_mismatch(op);
    for (size_t d = 0; d < r; d++) {
        if (pads[d] > o->shape[d] || pads[r + d] > o->shape[d]
            || o->shape[d] != x->shape[d] + pads[d] + pads[r + d])
            return shape_mismatch(op);
        if (m != 0 && x->shape[d] == 0 && o->shape[d] > 0)
            return eo_op_error(op, "cannot pad an empty dimension in %s "
                               "mode", mode);
    }
    size_t es = eo_dtype_size(o->dtype);
    /* The fill value, as one element of the result's type. */
    unsigned char fill[8] = { 0 };
    if (m == 0) {
        eo_tensor one = *o;
        one.data = fill;
        if (!store_value(&one, eo_graph_attr_float(op, "value", 0.0)))
            return eo_op_error(op, "pad value cannot be represented in %s",
                               eo_dtype_name(o->dtype));
    }
    int64_t xst[MAXR];
    strides_of(r, x->shape, xst);
    walk w;
    walk_init(&w, r, o->shape, 0);
    int64_t n = numel(o);
    for (int64_t i = 0; i < n; i++, walk_next(&w)) {
        int64_t off = 0;
        bool outside = false;
        for (size_t d = 0; d < r; d++) {
            int64_t c = w.idx[d] - pads[d];
            if (c < 0 || c >= x->shape[d]) {
                if (m == 0)
                    outside = true;
                else if (m == 1)
                    c = reflect(c, x->shape[d]);
                else
                    c = c < 0 ? 0 : x->shape[d] - 1;
            }
            off += c * xst[d];
        }
        if (outside)
            memcpy((char *)o->data + (size_t)i * es, fill, es);
        else
            copy_elem(o, i, x, off, es);
    }
    return EO_OK;
}

static eo_status
run_gather(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    const eo_tensor *x = &in[0], *idx = &in[1];
    eo_tensor *o = &out[0];
    if (x->dtype != o->dtype)
        return eo_op_error(op, "operand and result element types differ");
    if (idx->dtype != EO_DT_I32 && idx->dtype != EO_DT_I64)
        return eo_op_error(op, "indices must be i32 or i64, not %s",
                           eo_dtype_name(idx->dtype));
    int64_t axis;
    if (!norm_axis(eo_graph_attr_int(op, "axis", 0), x->rank, &axis))
        return eo_op_error(op, "axis out of range");
    /* Result shape: x[:axis] + indices + x[axis+1:]. */
    size_t r = x->rank - 1 + idx->rank;
    if (o->rank != r)
        return shape_mismatch(op);
    size_t a = (size_t)axis;
    for (size_t d = 0; d < r; d++) {
        int64_t want = d < a ? x->shape[d]
                       : d < a + idx->rank ? idx->shape[d - a]
                       : x->shape[d - idx->rank + 1];
        if (o->shape[d] != want)
            return shape_mismatch(op);
    }
    size_t es = eo_dtype_size(o->dtype);
    int64_t outer = prod(x->shape, 0, a);
    int64_t dim = x->shape[a];
    size_t chunk = (size_t)prod(x->shape, a + 1, x->rank) * es;
    int64_t ni = numel(idx);
    char *dst = o->data;
    for (int64_t j = 0; j < outer; j++) {
        for (int64_t i = 0; i < ni; i++) {
            int64_t v = ld_int(idx, i);
            if (v < -dim || v >= dim)
                return eo_op_error(op, "index %lld is out of range for axis "
                                   "%lld of size %lld", (long long)v,
                                   (long long)axis, (long long)dim);
            if (v < 0)
                v += dim;
            if (chunk) {
                memcpy(dst, (const char *)x->data
                                + ((size_t)(j * dim + v)) * chunk, chunk);
                dst += chunk;
            }
        }
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Resize                                                              */
/* ------------------------------------------------------------------ */

enum { CT_HALF_PIXEL, CT_ASYMMETRIC, CT_ALIGN_CORNERS, CT_PYTORCH_HALF };
enum { NM_ROUND_FLOOR, NM_ROUND_CEIL, NM_FLOOR, NM_CEIL };

/* The input coordinate of output coordinate 'x' along an axis of input
 * size 'len_in' scaled by 'scale' (ONNX Resize; as ONNX's reference, the
 * resized length is scale * len_in, not rounded). */
static double
src_coord(int ct, double x, double scale, int64_t len_in)
{
    double len_out = scale * (double)len_in;
    switch (ct) {
    case CT_ASYMMETRIC:
        return x / scale;
    case CT_ALIGN_CORNERS:
        return len_out == 1 ? 0.0
                            : x * (double)(len_in - 1) / (len_out - 1);
    case CT_PYTORCH_HALF:
        return len_out == 1 ? -0.5 : (x + 0.5) / scale - 0.5;
    default:
        return (x + 0.5) / scale - 0.5;
    }
}

/* Integral coordinate 'c' clamped into [0, n) (as ONNX's reference pads
 * the input with its edge values); NaN gives 0. */
static int64_t
clamp_index(double c, int64_t n)
{
    if (!(c >= 0))
        return 0;
    if (c >= (double)(n - 1))
        return n - 1;
    return (int64_t)c;
}

static double
nearest(int nm, double c)
{
    double f = floor(c);
    switch (nm) {
    case NM_FLOOR: return f;
    case NM_CEIL: return ceil(c);
    case NM_ROUND_CEIL: return c - f >= 0.5 ? f + 1 : f;
    default: return c - f > 0.5 ? f + 1 : f;
    }
}

/* Index of 's' in the NULL-terminated 'names', or -1. */
static int
pick(const char *s, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

static eo_status
run_resize(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    static const char *const modes[] = { "nearest", "linear", NULL };
    static const char *const cts[] = { "half_pixel", "asymmetric",
                                       "align_corners", "pytorch_half_pixel",
                                       NULL };
    static const char *const nms[] = { "round_prefer_floor",
                                       "round_prefer_ceil", "floor", "ceil",
                                       NULL };
    const eo_tensor *x = &in[0];
    eo_tensor *o = &out[0];
    if (check_dtypes(op, 1, in, 1, out) != EO_OK)
        return EO_ERROR;
    const char *s;
    int mode = pick(s = eo_graph_attr_str(op, "mode", "nearest"), modes);
    if (mode < 0)
        return eo_op_error(op, "unsupported mode \"%s\"", s);
    int ct = pick(s = eo_graph_attr_str(op, "coordinate_transformation_mode",
                                        "half_pixel"), cts);
    if (ct < 0)
        return eo_op_error(op, "unsupported coordinate_transformation_mode "
                           "\"%s\"", s);
    int nm = pick(s = eo_graph_attr_str(op, "nearest_mode",
                                        "round_prefer_floor"), nms);
    if (nm < 0)
        return eo_op_error(op, "unsupported nearest_mode \"%s\"", s);
    if (mode == 1 && o->dtype != EO_DT_F32)
        return bad_dtype(op, o->dtype);
    if (x->rank != 4 || o->rank != 4)
        return eo_op_error(op, "expects 4-D tensors");
    const char *layout = eo_graph_attr_str(op, "layout", "NCHW");
    bool nhwc = strcmp(layout, "NHWC") == 0;
    if (!nhwc && strcmp(layout, "NCHW") != 0)
        return eo_op_error(op, "unknown layout \"%s\"", layout);
    size_t hd = nhwc ? 1 : 2, wd = hd + 1, cd = nhwc ? 3 : 1;
    if (o->shape[0] != x->shape[0] || o->shape[cd] != x->shape[cd])
        return eo_op_error(op, "resizes only the spatial dimensions");
    int64_t ih = x->shape[hd], iw = x->shape[wd];
    int64_t oh = o->shape[hd], ow = o->shape[wd];
    if ((ih == 0 || iw == 0) && oh * ow > 0)
        return eo_op_error(op, "cannot resize an empty tensor");
    double sh = ih ? (double)oh / (double)ih : 1.0;
    double sw = iw ? (double)ow / (double)iw : 1.0;
    const eo_attr *sc = eo_op_attr(op, "scales");
    if (sc) {
        size_t n = eo_attr_get_kind(sc) == EO_ATTR_DENSE_ARRAY
                   ? eo_attr_dense_array_size(sc) : 0;
        if (n != 2 && n != 4)
            return eo_op_error(op, "scales must hold 2 (h, w) or 4 values");
        sh = eo_attr_dense_array_float(sc, n == 4 ? hd : 0);
        sw = eo_attr_dense_array_float(sc, n == 4 ? wd : 1);
        if (!(sh > 0) || !(sw > 0))
            return eo_op_error(op, "scales must be positive");
    }
    int64_t xst[4];
    strides_of(4, x->shape, xst);
    size_t es = eo_dtype_size(o->dtype);
    walk w;
    walk_init(&w, 4, o->shape, 0);
    int64_t n = numel(o);
    const float *px = x->data;
    float *po = o->data;
    for (int64_t i = 0; i < n; i++, walk_next(&w)) {
        int64_t base = w.idx[0] * xst[0] + w.idx[cd] * xst[cd];
        double ch = src_coord(ct, (double)w.idx[hd], sh, ih);
        double cw = src_coord(ct, (double)w.idx[wd], sw, iw);
        if (mode == 0) {
            int64_t y = clamp_index(nearest(nm, ch), ih);
            int64_t xx = clamp_index(nearest(nm, cw), iw);
            copy_elem(o, i, x, base + y * xst[hd] + xx * xst[wd], es);
            continue;
        }
        double fh = floor(ch), fw = floor(cw);
        double th = ch - fh, tw = cw - fw;
        int64_t y0 = clamp_index(fh, ih), y1 = clamp_index(fh + 1, ih);
        int64_t x0 = clamp_index(fw, iw), x1 = clamp_index(fw + 1, iw);
        double v00 = px[base + y0 * xst[hd] + x0 * xst[wd]];
        double v01 = px[base + y0 * xst[hd] + x1 * xst[wd]];
        double v10 = px[base + y1 * xst[hd] + x0 * xst[wd]];
        double v11 = px[base + y1 * xst[hd] + x1 * xst[wd]];
        double top = v00 * (1 - tw) + v01 * tw;
        double bot = v10 * (1 - tw) + v11 * tw;
        po[i] = (float)(top * (1 - th) + bot * th);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */

interp_kernel
interp_elem_kernel(eo_graph_op k)
{
    switch (k) {
    case GRAPH_ADD: case GRAPH_SUB: case GRAPH_MUL: case GRAPH_DIV:
    case GRAPH_MAX: case GRAPH_MIN: case GRAPH_POW:
        return run_binary;
    case GRAPH_NEG: case GRAPH_ABS: case GRAPH_SQRT: case GRAPH_EXP:
    case GRAPH_LOG: case GRAPH_ERF: case GRAPH_RELU: case GRAPH_SIGMOID:
    case GRAPH_TANH: case GRAPH_HARD_SWISH: case GRAPH_GELU: case GRAPH_CLIP:
    case GRAPH_LEAKY_RELU: case GRAPH_HARD_SIGMOID:
        return run_unary;
    case GRAPH_REDUCE_MEAN: case GRAPH_REDUCE_SUM: case GRAPH_REDUCE_MAX:
        return run_reduce;
    case GRAPH_RESHAPE: case GRAPH_FLATTEN: case GRAPH_SQUEEZE:
    case GRAPH_UNSQUEEZE:
        return run_copy;
    case GRAPH_TRANSPOSE: return run_transpose;
    case GRAPH_CONCAT: return run_concat;
    case GRAPH_SPLIT: return run_split;
    case GRAPH_SLICE: return run_slice;
    case GRAPH_PAD: return run_pad;
    case GRAPH_GATHER: return run_gather;
    case GRAPH_RESIZE: return run_resize;
    default: return NULL;
    }
}

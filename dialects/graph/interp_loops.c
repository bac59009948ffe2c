/* dialects/graph/interp_loops.c - the interpreter below the graph level:
 * functions with arith, math, scf, cf, memref, func.call and tl ops (on
 * tensors or memrefs), mixed with graph ops (run through eo_interp_op),
 * and the 1-D vector ops tl-to-loops vectorizes with (load, store,
 * broadcast, splat, fma, reduction; arith and math lane by lane).
 * eo_interp_run hands a function here as soon as it holds anything but
 * graph ops (interp_loops_wanted).
 *
 * Values: integers (iN, index) are int64 sign-extended from their width
 * (i1 true is -1), floats are doubles rounded to their type after every
 * operation, tensors and memrefs are views (shape, strides, offset) of a
 * reference-counted host buffer. A tensor result is always a fresh
 * buffer, so value semantics hold. Operations whose MLIR result is
 * poison (shift by the width or more, fptosi out of range) give 0 or the
 * saturated value; immediate undefined behaviour (integer division by
 * zero, out-of-bounds access) is reported as an error.
 */
#include "dialects/graph/interp.h"
#include "dialects/graph/interp_internal.h"
#include "dialects/tl/tl.h"
#include "dialects/vector/vector.h"
#include "ir/ir.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LI_MAX_RANK EO_GRAPH_MAX_RANK

typedef struct lbuf {
    size_t refs;
    eo_tensor t;
} lbuf;

/* One runtime value. type NULL: not set. */
typedef struct lval {
    const eo_type *type;
    int64_t i;
    double f;
    lbuf *buf;
    size_t rank;
    int64_t shape[LI_MAX_RANK];
    int64_t strides[LI_MAX_RANK];
    int64_t off;
} lval;

typedef struct lslot {
    const eo_value *key;
    lval v;
} lslot;

/* A named tl op and its generic form (built once, destroyed at the end). */
typedef struct lgen {
    eo_op *named;
    eo_op *generic;
} lgen;

/* A memref.global and its (owned, writable) buffer. */
typedef struct lglob {
    eo_op *global;
    lbuf *buf;
} lglob;

typedef struct interp {
    eo_ctx *ctx;
    lslot *slots;
    size_t cap, used;
    eo_block *scratch;        /* holds the generic forms */
    lgen *gens;
    size_t ngens, capgens;
    lglob *globs;
    size_t nglobs, capglobs;
    unsigned depth;
    eo_op *active[64];        /* the functions being called (depth) */
    /* Op name (interned, compared by address) to its kind. */
    struct { const char *name; int kind, fast; } kinds[64];
} interp;

enum { K_ARITH = 1, K_MEMREF, K_FOR, K_MATH, K_TL, K_IF, K_WHILE, K_CALL,
       K_EMPTY, K_GRAPH, K_VECTOR, K_PARALLEL, K_OTHER };

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

static void
buf_release(lbuf *b)
{
    if (b && --b->refs == 0) {
        eo_tensor_free(&b->t);
        free(b);
    }
}

static void
lval_clear(lval *v)
{
    buf_release(v->buf);
    v->type = NULL;
    v->buf = NULL;
}

static size_t
slot_hash(const eo_value *v, size_t cap)
{
    uintptr_t h = (uintptr_t)v;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 7) & (cap - 1);
}

static eo_status
slots_grow(interp *ip)
{
    size_t ncap = ip->cap ? ip->cap * 2 : 256;
    lslot *ns = calloc(ncap, sizeof *ns);
    if (!ns)
        return EO_NOMEM;
    for (size_t i = 0; i < ip->cap; i++) {
        if (!ip->slots[i].key)
            continue;
        size_t j = slot_hash(ip->slots[i].key, ncap);
        while (ns[j].key)
            j = (j + 1) & (ncap - 1);
        ns[j] = ip->slots[i];
    }
    free(ip->slots);
    ip->slots = ns;
    ip->cap = ncap;
    return EO_OK;
}

static lval *
lookup(interp *ip, const eo_value *v)
{
    if (!ip->cap)
        return NULL;
    size_t i = slot_hash(v, ip->cap);
    while (ip->slots[i].key) {
        if (ip->slots[i].key == v)
            return ip->slots[i].v.type ? &ip->slots[i].v : NULL;
        i = (i + 1) & (ip->cap - 1);
    }
    return NULL;
}

/* Binds 'v' to 'x' (taking over x's buffer reference). */
static eo_status
bind(interp *ip, const eo_value *v, lval *x)
{
    if (2 * (ip->used + 1) > ip->cap && slots_grow(ip) != EO_OK) {
        lval_clear(x);
        return EO_NOMEM;
    }
    size_t i = slot_hash(v, ip->cap);
    while (ip->slots[i].key && ip->slots[i].key != v)
        i = (i + 1) & (ip->cap - 1);
    if (!ip->slots[i].key) {
        ip->slots[i].key = v;
        ip->used++;
    } else {
        lval_clear(&ip->slots[i].v);
    }
    lval *d = &ip->slots[i].v;
    if (x->buf) {
        *d = *x;
    } else {        /* a scalar: the view fields are not read */
        d->type = x->type;
        d->i = x->i;
        d->f = x->f;
        d->buf = NULL;
    }
    return EO_OK;
}

static void
lval_copy(lval *dst, const lval *src)
{
    if (src->buf) {
        *dst = *src;
        dst->buf->refs++;
    } else {
        dst->type = src->type;
        dst->i = src->i;
        dst->f = src->f;
        dst->buf = NULL;
    }
}

static eo_status
bind_copy(interp *ip, const eo_value *v, const lval *x)
{
    lval c;
    lval_copy(&c, x);
    return bind(ip, v, &c);
}

static eo_status
bind_int(interp *ip, const eo_value *v, int64_t i)
{
    lval x;
    x.type = eo_value_type(v);
    x.i = i;
    x.f = 0;
    x.buf = NULL;
    return bind(ip, v, &x);
}

static eo_status
bind_float(interp *ip, const eo_value *v, double f)
{
    lval x;
    x.type = eo_value_type(v);
    x.i = 0;
    x.f = f;
    x.buf = NULL;
    return bind(ip, v, &x);
}

/* ------------------------------------------------------------------ */
/* Scalars                                                             */
/* ------------------------------------------------------------------ */

static unsigned
int_width(const eo_type *t)
{
    return eo_type_is_index(t) ? 64 : eo_type_int_width(t);
}

/* Sign-extends the low 'w' bits of 'x'. */
static int64_t
sext(uint64_t x, unsigned w)
{
    if (w >= 64 || w == 0)
        return (int64_t)x;
    uint64_t m = (uint64_t)1 << (w - 1);
    x &= ((uint64_t)1 << w) - 1;
    return (int64_t)((x ^ m) - m);
}

static uint64_t
zext(int64_t x, unsigned w)
{
    if (w >= 64 || w == 0)
        return (uint64_t)x;
    return (uint64_t)x & (((uint64_t)1 << w) - 1);
}

/* Rounds 'x' to float type 't'. */
static double
round_to(const eo_type *t, double x)
{
    if (eo_type_float_width(t) == 32)
        return (double)(float)x;
    return x;
}

static bool
is_f32(const eo_type *t)
{
    return eo_type_float_width(t) == 32;
}

/* The integer binary op 'name' (without "arith.") at width w on
 * sign-extended a, b. *ok false: division by zero or unknown op. */
int64_t
interp_loops_int_binop(const char *name, unsigned w, int64_t a, int64_t b,
                       bool *ok)
{
    uint64_t ua = zext(a, w), ub = zext(b, w);
    int64_t smin = sext((uint64_t)1 << (w - 1), w);
    *ok = true;
    if (!strcmp(name, "addi"))
        return sext((uint64_t)a + (uint64_t)b, w);
    if (!strcmp(name, "subi"))
        return sext((uint64_t)a - (uint64_t)b, w);
    if (!strcmp(name, "muli"))
        return sext((uint64_t)a * (uint64_t)b, w);
    if (!strcmp(name, "andi"))
        return sext((uint64_t)a & (uint64_t)b, w);
    if (!strcmp(name, "ori"))
        return sext((uint64_t)a | (uint64_t)b, w);
    if (!strcmp(name, "xori"))
        return sext((uint64_t)a ^ (uint64_t)b, w);
    if (!strcmp(name, "maxsi"))
        return a > b ? a : b;
    if (!strcmp(name, "minsi"))
        return a < b ? a : b;
    if (!strcmp(name, "maxui"))
        return ua > ub ? a : b;
    if (!strcmp(name, "minui"))
        return ua < ub ? a : b;
    if (!strcmp(name, "shli"))
        return ub >= w ? 0 : sext(ua << ub, w);
    if (!strcmp(name, "shrui"))
        return ub >= w ? 0 : sext(ua >> ub, w);
    if (!strcmp(name, "shrsi"))
        return ub >= w ? (a < 0 ? -1 : 0) : a >> ub;
    if (b == 0 && (strstr(name, "div") || strstr(name, "rem"))) {
        *ok = false;
        return 0;
    }
    if (!strcmp(name, "divui"))
        return sext(ua / ub, w);
    if (!strcmp(name, "remui"))
        return sext(ua % ub, w);
    if (!strcmp(name, "ceildivui"))
        return sext(ua / ub + (ua % ub != 0), w);
    /* Signed: INT_MIN / -1 overflows (MLIR: poison); give INT_MIN. */
    if (a == smin && b == -1) {
        if (!strcmp(name, "remsi"))
            return 0;
        if (!strcmp(name, "divsi") || !strcmp(name, "floordivsi")
            || !strcmp(name, "ceildivsi"))
            return smin;
    }
    if (!strcmp(name, "divsi"))
        return a / b;
    if (!strcmp(name, "remsi"))
        return a % b;
    if (!strcmp(name, "floordivsi")) {
        int64_t q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }
    if (!strcmp(name, "ceildivsi")) {
        int64_t q = a / b;
        return (a % b != 0 && ((a < 0) == (b < 0))) ? q + 1 : q;
    }
    *ok = false;
    return 0;
}

/* arith.cmpi predicate 'pred' (MLIR numbering) at width w. */
bool
interp_loops_cmpi(int64_t pred, unsigned w, int64_t a, int64_t b)
{
    uint64_t ua = zext(a, w), ub = zext(b, w);
    switch (pred) {
    case 0: return a == b;
    case 1: return a != b;
    case 2: return a < b;
    case 3: return a <= b;
    case 4: return a > b;
    case 5: return a >= b;
    case 6: return ua < ub;
    case 7: return ua <= ub;
    case 8: return ua > ub;
    default: return ua >= ub;
    }
}

/* arith.cmpf predicate 'pred' (MLIR numbering). */
bool
interp_loops_cmpf(int64_t pred, double a, double b)
{
    bool uno = isnan(a) || isnan(b);
    switch (pred) {
    case 0: return false;
    case 1: return !uno && a == b;
    case 2: return !uno && a > b;
    case 3: return !uno && a >= b;
    case 4: return !uno && a < b;
    case 5: return !uno && a <= b;
    case 6: return !uno && a != b;
    case 7: return !uno;
    case 8: return uno || a == b;
    case 9: return uno || a > b;
    case 10: return uno || a >= b;
    case 11: return uno || a < b;
    case 12: return uno || a <= b;
    case 13: return uno || a != b;
    case 14: return uno;
    default: return true;
    }
}

/* The float binary op 'name' (without "arith."/"math."). */
double
interp_loops_float_binop(const char *name, bool f32, double a, double b,
                         bool *ok)
{
    *ok = true;
    double r;
    if (!strcmp(name, "addf"))
        r = a + b;
    else if (!strcmp(name, "subf"))
        r = a - b;
    else if (!strcmp(name, "mulf"))
        r = a * b;
    else if (!strcmp(name, "divf"))
        r = a / b;
    else if (!strcmp(name, "remf"))
        r = fmod(a, b);
    else if (!strcmp(name, "maxnumf"))
        r = fmax(a, b);
    else if (!strcmp(name, "minnumf"))
        r = fmin(a, b);
    else if (!strcmp(name, "maximumf")) {
        if (isnan(a) || isnan(b))
            r = NAN;
        else if (a == b)
            r = signbit(a) ? b : a;
        else
            r = a > b ? a : b;
    } else if (!strcmp(name, "minimumf")) {
        if (isnan(a) || isnan(b))
            r = NAN;
        else if (a == b)
            r = signbit(a) ? a : b;
        else
            r = a < b ? a : b;
    } else if (!strcmp(name, "powf"))
        r = f32 ? (double)powf((float)a, (float)b) : pow(a, b);
    else if (!strcmp(name, "atan2"))
        r = f32 ? (double)atan2f((float)a, (float)b) : atan2(a, b);
    else if (!strcmp(name, "copysign"))
        r = copysign(a, b);
    else {
        *ok = false;
        return 0;
    }
    return f32 ? (double)(float)r : r;
}

/* The unary math op 'name' (without "math."). */
static double
float_unop(const char *name, bool f32, double a, bool *ok)
{
    float x = (float)a;
    *ok = true;
#define UN(n, ff, df) \
    if (!strcmp(name, n)) \
        return f32 ? (double)(ff) : (df);
    UN("exp", expf(x), exp(a))
    UN("exp2", exp2f(x), exp2(a))
    UN("expm1", expm1f(x), expm1(a))
    UN("log", logf(x), log(a))
    UN("log2", log2f(x), log2(a))
    UN("log10", log10f(x), log10(a))
    UN("log1p", log1pf(x), log1p(a))
    UN("sqrt", sqrtf(x), sqrt(a))
    UN("rsqrt", 1.0f / sqrtf(x), 1.0 / sqrt(a))
    UN("cbrt", cbrtf(x), cbrt(a))
    UN("tanh", tanhf(x), tanh(a))
    UN("sinh", sinhf(x), sinh(a))
    UN("cosh", coshf(x), cosh(a))
    UN("sin", sinf(x), sin(a))
    UN("cos", cosf(x), cos(a))
    UN("tan", tanf(x), tan(a))
    UN("asin", asinf(x), asin(a))
    UN("acos", acosf(x), acos(a))
    UN("atan", atanf(x), atan(a))
    UN("erf", erff(x), erf(a))
    UN("erfc", erfcf(x), erfc(a))
    UN("absf", fabsf(x), fabs(a))
    UN("floor", floorf(x), floor(a))
    UN("ceil", ceilf(x), ceil(a))
    UN("trunc", truncf(x), trunc(a))
    UN("round", roundf(x), round(a))
    UN("roundeven", nearbyintf(x), nearbyint(a))
    UN("negf", -x, -a)
#undef UN
    *ok = false;
    return 0;
}

/* fptosi/fptoui: truncation toward zero, saturated to the range (MLIR:
 * poison out of range), NaN gives 0. Result sign-extended from w. */
int64_t
interp_loops_fptoi(double x, unsigned w, bool is_signed)
{
    if (isnan(x))
        return 0;
    x = trunc(x);
    if (is_signed) {
        double lo = -ldexp(1.0, (int)w - 1), hi = ldexp(1.0, (int)w - 1);
        if (x <= lo)
            return sext((uint64_t)1 << (w - 1), w);
        if (x >= hi)
            return w >= 64 ? INT64_MAX : (int64_t)(((uint64_t)1 << (w - 1))
                                                   - 1);
        return (int64_t)x;
    }
    double hi = ldexp(1.0, (int)w);
    if (x <= 0)
        return 0;
    if (x >= hi)
        return -1;
    return sext((uint64_t)x, w);
}

/* ------------------------------------------------------------------ */
/* Buffers                                                             */
/* ------------------------------------------------------------------ */

static bool
elem_dtype(const eo_type *elem, eo_dtype *dt)
{
    if (eo_type_is_index(elem)) {
        *dt = EO_DT_I64;
        return true;
    }
    if (eo_type_is_int(elem) && eo_type_int_width(elem) == 1) {
        *dt = EO_DT_BOOL;
        return true;
    }
    return eo_dtype_of_type(elem, dt) && *dt != EO_DT_F16;
}

/* A fresh contiguous zeroed buffer for shaped type 't' in *v. */
static eo_status
new_buffer(interp *ip, const eo_loc *loc, const eo_type *t, lval *v)
{
    eo_dtype dt;
    memset(v, 0, sizeof *v);
    if (!eo_type_has_rank(t) || eo_type_rank(t) > LI_MAX_RANK
        || !elem_dtype(eo_type_elem(t), &dt))
        return eo_emit_error(ip->ctx, loc, "the interpreter cannot hold "
                             "this shaped type");
    size_t rank = eo_type_rank(t);
    for (size_t d = 0; d < rank; d++)
        if (eo_type_dim(t, d) < 0)
            return eo_emit_error(ip->ctx, loc, "the interpreter needs "
                                 "static shapes");
    lbuf *b = calloc(1, sizeof *b);
    if (!b)
        return EO_NOMEM;
    if (eo_tensor_alloc(&b->t, dt, rank, eo_type_shape(t)) != EO_OK) {
        free(b);
        return EO_NOMEM;
    }
    b->refs = 1;
    v->type = t;
    v->buf = b;
    v->rank = rank;
    int64_t s = 1;
    for (size_t d = rank; d-- > 0;) {
        v->shape[d] = eo_type_dim(t, d);
        v->strides[d] = s;
        s *= v->shape[d];
    }
    return EO_OK;
}

/* Wraps tensor 't' (taken over) as a contiguous value of type 'type'. */
static eo_status
wrap_tensor(eo_tensor *t, const eo_type *type, lval *v)
{
    memset(v, 0, sizeof *v);
    lbuf *b = calloc(1, sizeof *b);
    if (!b) {
        eo_tensor_free(t);
        return EO_NOMEM;
    }
    b->refs = 1;
    b->t = *t;
    v->type = type;
    v->buf = b;
    v->rank = t->rank;
    int64_t s = 1;
    for (size_t d = t->rank; d-- > 0;) {
        v->shape[d] = t->shape[d];
        v->strides[d] = s;
        s *= t->shape[d];
    }
    return EO_OK;
}

static int64_t
numel(const lval *v)
{
    int64_t n = 1;
    for (size_t d = 0; d < v->rank; d++)
        n *= v->shape[d];
    return n;
}

/* Element at linear buffer index 'at' as int (sext from w) or float. */
static int64_t
get_int(const lbuf *b, int64_t at, unsigned w)
{
    const void *p = (const char *)b->t.data;
    switch (b->t.dtype) {
    case EO_DT_I8: return ((const int8_t *)p)[at];
    case EO_DT_U8: return sext(((const uint8_t *)p)[at], w);
    case EO_DT_I16: return ((const int16_t *)p)[at];
    case EO_DT_U16: return sext(((const uint16_t *)p)[at], w);
    case EO_DT_I32: return ((const int32_t *)p)[at];
    case EO_DT_U32: return sext(((const uint32_t *)p)[at], w);
    case EO_DT_I64: return ((const int64_t *)p)[at];
    case EO_DT_U64: return (int64_t)((const uint64_t *)p)[at];
    case EO_DT_BOOL: return ((const uint8_t *)p)[at] ? -1 : 0;
    default: return 0;
    }
}

static double
get_float(const lbuf *b, int64_t at)
{
    if (b->t.dtype == EO_DT_F32)
        return ((const float *)b->t.data)[at];
    return ((const double *)b->t.data)[at];
}

static void
put_int(lbuf *b, int64_t at, int64_t x)
{
    void *p = b->t.data;
    switch (b->t.dtype) {
    case EO_DT_I8: case EO_DT_U8: ((uint8_t *)p)[at] = (uint8_t)x; break;
    case EO_DT_I16: case EO_DT_U16:
        ((uint16_t *)p)[at] = (uint16_t)x;
        break;
    case EO_DT_I32: case EO_DT_U32:
        ((uint32_t *)p)[at] = (uint32_t)x;
        break;
    case EO_DT_I64: case EO_DT_U64:
        ((uint64_t *)p)[at] = (uint64_t)x;
        break;
    case EO_DT_BOOL: ((uint8_t *)p)[at] = x != 0; break;
    default: break;
    }
}

static void
put_float(lbuf *b, int64_t at, double x)
{
    if (b->t.dtype == EO_DT_F32)
        ((float *)b->t.data)[at] = (float)x;
    else
        ((double *)b->t.data)[at] = x;
}

static bool
buf_is_float(const lbuf *b)
{
    return b->t.dtype == EO_DT_F32 || b->t.dtype == EO_DT_F64;
}

/* Element at linear position 'at' of a view into scalar value 'out'. */
static void
load_elem(const lval *v, int64_t at, const eo_type *elem, lval *out)
{
    out->type = elem;
    out->buf = NULL;
    out->i = 0;
    out->f = 0;
    if (buf_is_float(v->buf))
        out->f = get_float(v->buf, at);
    else
        out->i = get_int(v->buf, at, int_width(elem));
}

static void
store_elem(lval *v, int64_t at, const lval *x)
{
    if (buf_is_float(v->buf))
        put_float(v->buf, at, x->f);
    else
        put_int(v->buf, at, x->i);
}

/* A fresh contiguous copy of view 'src' with type 'type'. */
static eo_status
clone_view(interp *ip, const eo_loc *loc, const lval *src,
           const eo_type *type, lval *dst)
{
    eo_status st = new_buffer(ip, loc, type, dst);
    if (st != EO_OK)
        return st;
    int64_t n = numel(src), idx[LI_MAX_RANK] = { 0 };
    size_t es = eo_dtype_size(src->buf->t.dtype);
    if (dst->buf->t.dtype != src->buf->t.dtype) {
        lval_clear(dst);
        return eo_emit_error(ip->ctx, loc, "element types differ");
    }
    for (int64_t k = 0; k < n; k++) {
        int64_t at = src->off;
        for (size_t d = 0; d < src->rank; d++)
            at += idx[d] * src->strides[d];
        memcpy((char *)dst->buf->t.data + (size_t)k * es,
               (const char *)src->buf->t.data + (size_t)at * es, es);
        for (size_t d = src->rank; d-- > 0;) {
            if (++idx[d] < src->shape[d])
                break;
            idx[d] = 0;
        }
    }
    return EO_OK;
}

/* Copies view 'src' into view 'dst' (same shape and dtype). */
static eo_status
copy_into(interp *ip, const eo_loc *loc, const lval *src, lval *dst)
{
    if (src->rank != dst->rank
        || src->buf->t.dtype != dst->buf->t.dtype)
        return eo_emit_error(ip->ctx, loc, "copy between different "
                             "shapes or element types");
    for (size_t d = 0; d < src->rank; d++)
        if (src->shape[d] != dst->shape[d])
            return eo_emit_error(ip->ctx, loc, "copy between different "
                                 "shapes");
    int64_t n = numel(src), idx[LI_MAX_RANK] = { 0 };
    size_t es = eo_dtype_size(src->buf->t.dtype);
    for (int64_t k = 0; k < n; k++) {
        int64_t a = src->off, b = dst->off;
        for (size_t d = 0; d < src->rank; d++) {
            a += idx[d] * src->strides[d];
            b += idx[d] * dst->strides[d];
        }
        memmove((char *)dst->buf->t.data + (size_t)b * es,
                (const char *)src->buf->t.data + (size_t)a * es, es);
        for (size_t d = src->rank; d-- > 0;) {
            if (++idx[d] < src->shape[d])
                break;
            idx[d] = 0;
        }
    }
    return EO_OK;
}

/* A contiguous eo_tensor (owned) holding view 'v'. */
static eo_status
view_to_tensor(interp *ip, const eo_loc *loc, const lval *v, eo_tensor *t)
{
    lval c;
    eo_status st = clone_view(ip, loc, v, v->type, &c);
    if (st != EO_OK)
        return st;
    *t = c.buf->t;
    c.buf->t.data = NULL;
    c.buf->t.borrowed = true;
    lval_clear(&c);
    t->borrowed = false;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Execution                                                           */
/* ------------------------------------------------------------------ */

static eo_status run_region(interp *ip, eo_region *r, size_t nargs,
                            const lval *args, lval *yielded, size_t cap,
                            size_t *nyield);
static eo_status run_lanes(interp *ip, eo_op *op, const char *n,
                           bool math);

static const lval *
operand(interp *ip, eo_op *op, size_t i, eo_status *st)
{
    const lval *v = lookup(ip, eo_op_operand(op, i));
    if (!v && *st == EO_OK)
        *st = eo_op_error(op, "operand #%zu has no value in the "
                          "interpreter", i);
    return v;
}

static bool
is_shaped_val(const lval *v)
{
    return v->buf != NULL;
}

/* Linear index of element 'idx' of view v, with bounds checks. */
static bool
elem_at(const lval *v, const int64_t *idx, int64_t *at)
{
    int64_t a = v->off;
    for (size_t d = 0; d < v->rank; d++) {
        if (idx[d] < 0 || idx[d] >= v->shape[d])
            return false;
        a += idx[d] * v->strides[d];
    }
    *at = a;
    return true;
}

static eo_status
run_constant(interp *ip, eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "value");
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (!a)
        return eo_op_error(op, "has no value");
    if (eo_type_is_float(t))
        return bind_float(ip, eo_op_result(op, 0),
                          round_to(t, eo_attr_float_value(a)));
    if (eo_type_is_int_or_index(t))
        return bind_int(ip, eo_op_result(op, 0),
                        sext((uint64_t)eo_attr_int_value(a),
                             int_width(t)));
    eo_tensor ten;
    eo_status st = eo_tensor_from_attr(ip->ctx, eo_op_loc(op), a, &ten);
    if (st != EO_OK)
        return st;
    lval v;
    if (ten.borrowed) {
        eo_tensor c;
        st = eo_tensor_alloc(&c, ten.dtype, ten.rank, ten.shape);
        if (st != EO_OK)
            return st;
        memcpy(c.data, ten.data, ten.nbytes);
        ten = c;
    }
    st = wrap_tensor(&ten, t, &v);
    if (st != EO_OK)
        return st;
    return bind(ip, eo_op_result(op, 0), &v);
}

static eo_status
run_cast(interp *ip, eo_op *op, const char *n)
{
    eo_status st = EO_OK;
    const lval *a = operand(ip, op, 0, &st);
    if (!a)
        return st;
    const eo_type *from = a->type;
    const eo_type *to = eo_value_type(eo_op_result(op, 0));
    eo_value *r = eo_op_result(op, 0);
    if (!strcmp(n, "extsi") || !strcmp(n, "index_cast")
        || !strcmp(n, "trunci"))
        return bind_int(ip, r, sext((uint64_t)a->i, int_width(to)));
    if (!strcmp(n, "extui") || !strcmp(n, "index_castui"))
        return bind_int(ip, r, sext(zext(a->i, int_width(from)),
                                    int_width(to)));
    if (!strcmp(n, "sitofp"))
        return bind_float(ip, r, round_to(to, (double)a->i));
    if (!strcmp(n, "uitofp"))
        return bind_float(ip, r,
                          round_to(to, (double)zext(a->i, int_width(from))));
    if (!strcmp(n, "fptosi") || !strcmp(n, "fptoui"))
        return bind_int(ip, r, interp_loops_fptoi(a->f, int_width(to),
                                                  n[4] == 's'));
    if (!strcmp(n, "extf") || !strcmp(n, "truncf"))
        return bind_float(ip, r, round_to(to, a->f));
    if (!strcmp(n, "bitcast")) {
        if (eo_type_is_float(from) && eo_type_is_int(to)) {
            if (is_f32(from)) {
                float f = (float)a->f;
                uint32_t u;
                memcpy(&u, &f, 4);
                return bind_int(ip, r, sext(u, 32));
            }
            uint64_t u;
            memcpy(&u, &a->f, 8);
            return bind_int(ip, r, (int64_t)u);
        }
        if (eo_type_is_int(from) && eo_type_is_float(to)) {
            if (is_f32(to)) {
                uint32_t u = (uint32_t)a->i;
                float f;
                memcpy(&f, &u, 4);
                return bind_float(ip, r, f);
            }
            double d;
            uint64_t u = (uint64_t)a->i;
            memcpy(&d, &u, 8);
            return bind_float(ip, r, d);
        }
        return bind_copy(ip, r, a);
    }
    return eo_op_error(op, "is unsupported by the interpreter");
}

static eo_status
run_arith(interp *ip, eo_op *op, const char *n)
{
    eo_status st = EO_OK;
    eo_value *r = eo_op_num_results(op) ? eo_op_result(op, 0) : NULL;
    if (!strcmp(n, "constant"))
        return run_constant(ip, op);
    if (!r)
        return eo_op_error(op, "is unsupported by the interpreter");
    const eo_type *rt = eo_value_type(r);
    if (eo_type_get_kind(rt) == EO_TYPE_VECTOR)
        return run_lanes(ip, op, n, false);
    if (!strcmp(n, "select")) {
        const lval *c = operand(ip, op, 0, &st);
        const lval *a = operand(ip, op, 1, &st);
        const lval *b = operand(ip, op, 2, &st);
        if (st != EO_OK)
            return st;
        if (is_shaped_val(c))
            return eo_op_error(op, "is unsupported by the interpreter");
        return bind_copy(ip, r, c->i ? a : b);
    }
    size_t nops = eo_op_num_operands(op);
    const lval *a = nops > 0 ? operand(ip, op, 0, &st) : NULL;
    const lval *b = nops > 1 ? operand(ip, op, 1, &st) : NULL;
    if (st != EO_OK)
        return st;
    if ((a && is_shaped_val(a)) || (b && is_shaped_val(b)))
        return eo_op_error(op, "is unsupported by the interpreter");
    if (!strcmp(n, "cmpi") || !strcmp(n, "cmpf")) {
        const eo_attr *p = eo_op_attr(op, "predicate");
        if (!p || eo_attr_get_kind(p) != EO_ATTR_INTEGER)
            return eo_op_error(op, "has no predicate");
        bool v = n[3] == 'i'
                     ? interp_loops_cmpi(eo_attr_int_value(p),
                                         int_width(a->type), a->i, b->i)
                     : interp_loops_cmpf(eo_attr_int_value(p), a->f, b->f);
        return bind_int(ip, r, v ? -1 : 0);
    }
    if (nops == 2 && eo_type_is_int_or_index(rt)) {
        bool ok;
        int64_t v = interp_loops_int_binop(n, int_width(rt), a->i, b->i,
                                           &ok);
        if (!ok)
            return strstr(n, "div") || strstr(n, "rem")
                       ? eo_op_error(op, "divides by zero")
                       : eo_op_error(op, "is unsupported by the "
                                     "interpreter");
        return bind_int(ip, r, v);
    }
    if (nops == 2 && eo_type_is_float(rt)) {
        bool ok;
        double v = interp_loops_float_binop(n, is_f32(rt), a->f, b->f, &ok);
        if (!ok)
            return eo_op_error(op, "is unsupported by the interpreter");
        return bind_float(ip, r, v);
    }
    if (nops == 1 && !strcmp(n, "negf"))
        return bind_float(ip, r, -a->f);
    if (nops == 1)
        return run_cast(ip, op, n);
    return eo_op_error(op, "is unsupported by the interpreter");
}

static eo_status
run_math(interp *ip, eo_op *op, const char *n)
{
    eo_status st = EO_OK;
    size_t nops = eo_op_num_operands(op);
    if (eo_op_num_results(op) != 1 || nops < 1 || nops > 3)
        return eo_op_error(op, "is unsupported by the interpreter");
    if (eo_type_get_kind(eo_value_type(eo_op_result(op, 0))) ==
        EO_TYPE_VECTOR)
        return run_lanes(ip, op, n, true);
    const lval *x[3] = { NULL, NULL, NULL };
    for (size_t i = 0; i < nops; i++)
        x[i] = operand(ip, op, i, &st);
    if (st != EO_OK)
        return st;
    for (size_t i = 0; i < nops; i++)
        if (is_shaped_val(x[i]))
            return eo_op_error(op, "is unsupported by the interpreter");
    eo_value *r = eo_op_result(op, 0);
    const eo_type *rt = eo_value_type(r);
    bool f32 = eo_type_is_float(rt) && is_f32(rt);
    bool ok = true;
    if (eo_type_is_int_or_index(rt)) {
        if (!strcmp(n, "absi") && nops == 1)
            return bind_int(ip, r, sext((uint64_t)(x[0]->i < 0 ? -(uint64_t)
                                                   x[0]->i : (uint64_t)
                                                   x[0]->i),
                                        int_width(rt)));
        return eo_op_error(op, "is unsupported by the interpreter");
    }
    if (nops == 3 && !strcmp(n, "fma")) {
        double v = f32 ? (double)fmaf((float)x[0]->f, (float)x[1]->f,
                                      (float)x[2]->f)
                       : fma(x[0]->f, x[1]->f, x[2]->f);
        return bind_float(ip, r, v);
    }
    double v = nops == 1 ? float_unop(n, f32, x[0]->f, &ok)
               : nops == 2 ? interp_loops_float_binop(n, f32, x[0]->f,
                                                      x[1]->f, &ok)
                           : (ok = false, 0.0);
    if (!ok)
        return eo_op_error(op, "is unsupported by the interpreter");
    return bind_float(ip, r, v);
}

/* Indices from operands [first, first + rank) of 'op'. */
static eo_status
indices(interp *ip, eo_op *op, size_t first, size_t rank, int64_t *idx)
{
    eo_status st = EO_OK;
    if (eo_op_num_operands(op) != first + rank)
        return eo_op_error(op, "needs one index per dimension");
    for (size_t d = 0; d < rank; d++) {
        const lval *v = operand(ip, op, first + d, &st);
        if (!v)
            return st;
        idx[d] = v->i;
    }
    return EO_OK;
}

static eo_status
global_buffer(interp *ip, eo_op *op, lval *out)
{
    const eo_attr *ref = eo_op_attr(op, "name");
    eo_op *g = ref ? eo_symbol_lookup_nearest(op, ref) : NULL;
    if (!g || strcmp(eo_op_name_str(g), "memref.global"))
        return eo_op_error(op, "names no memref.global");
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    for (size_t i = 0; i < ip->nglobs; i++) {
        if (ip->globs[i].global == g) {
            eo_status st = new_buffer(ip, eo_op_loc(op), t, out);
            if (st != EO_OK)
                return st;
            buf_release(out->buf);
            out->buf = ip->globs[i].buf;
            out->buf->refs++;
            return EO_OK;
        }
    }
    eo_status st = new_buffer(ip, eo_op_loc(op), t, out);
    if (st != EO_OK)
        return st;
    const eo_attr *init = eo_op_attr(g, "initial_value");
    if (init && eo_attr_get_kind(init) != EO_ATTR_UNIT) {
        eo_tensor src;
        st = eo_tensor_from_attr(ip->ctx, eo_op_loc(g), init, &src);
        if (st != EO_OK) {
            lval_clear(out);
            return st;
        }
        if (src.nbytes != out->buf->t.nbytes || src.dtype
                                                    != out->buf->t.dtype) {
            eo_tensor_free(&src);
            lval_clear(out);
            return eo_op_error(g, "initial value does not match its type");
        }
        memcpy(out->buf->t.data, src.data, src.nbytes);
        eo_tensor_free(&src);
    }
    if (ip->nglobs == ip->capglobs) {
        size_t nc = ip->capglobs ? 2 * ip->capglobs : 16;
        lglob *ng = realloc(ip->globs, nc * sizeof *ng);
        if (!ng) {
            lval_clear(out);
            return EO_NOMEM;
        }
        ip->globs = ng;
        ip->capglobs = nc;
    }
    ip->globs[ip->nglobs].global = g;
    ip->globs[ip->nglobs].buf = out->buf;
    ip->nglobs++;
    out->buf->refs++;
    return EO_OK;
}

/* Static entry j of dense array 'name' of 'op', or the next dynamic
 * operand (*next) where it is EO_DYNAMIC. */
static eo_status
static_or_dyn(interp *ip, eo_op *op, const char *name, size_t j,
              size_t *next, int64_t *out)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a || j >= eo_attr_dense_array_size(a))
        return eo_op_error(op, "has a malformed '%s'", name);
    *out = eo_attr_dense_array_int(a, j);
    if (*out != EO_DYNAMIC)
        return EO_OK;
    eo_status st = EO_OK;
    if (*next >= eo_op_num_operands(op))
        return eo_op_error(op, "lacks a dynamic operand for '%s'", name);
    const lval *v = operand(ip, op, (*next)++, &st);
    if (v)
        *out = v->i;
    return st;
}

/* memref.subview / memref.reinterpret_cast: a view of operand 0. */
static eo_status
run_view(interp *ip, eo_op *op, bool subview)
{
    eo_status st = EO_OK;
    const lval *src = operand(ip, op, 0, &st);
    if (!src)
        return st;
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_attr *sz = eo_op_attr(op, "static_sizes");
    size_t n = sz ? eo_attr_dense_array_size(sz) : 0;
    if (!sz || n > LI_MAX_RANK || (subview && n != src->rank))
        return eo_op_error(op, "has malformed sizes");
    int64_t offs[LI_MAX_RANK], sizes[LI_MAX_RANK], strides[LI_MAX_RANK];
    size_t next = 1, noffs = subview ? n : 1;
    for (size_t j = 0; j < noffs && st == EO_OK; j++)
        st = static_or_dyn(ip, op, "static_offsets", j, &next, &offs[j]);
    for (size_t j = 0; j < n && st == EO_OK; j++)
        st = static_or_dyn(ip, op, "static_sizes", j, &next, &sizes[j]);
    for (size_t j = 0; j < n && st == EO_OK; j++)
        st = static_or_dyn(ip, op, "static_strides", j, &next, &strides[j]);
    if (st != EO_OK)
        return st;
    lval v;
    lval_copy(&v, src);
    v.type = rt;
    if (!subview) {
        v.rank = n;
        v.off = offs[0];
        for (size_t d = 0; d < n; d++) {
            v.shape[d] = sizes[d];
            v.strides[d] = strides[d];
        }
    } else {
        size_t rr = eo_type_rank(rt), k = 0;
        v.off = src->off;
        for (size_t d = 0; d < n; d++) {
            if (offs[d] < 0 || sizes[d] < 0
                || (sizes[d] > 0 && offs[d] + (sizes[d] - 1) * strides[d]
                                        >= src->shape[d])) {
                lval_clear(&v);
                return eo_op_error(op, "is out of bounds in dimension "
                                   "%zu", d);
            }
            v.off += offs[d] * src->strides[d];
            /* Rank reduction drops unit dimensions the type lacks. */
            if (sizes[d] == 1 && n - d > rr - k)
                continue;
            if (k >= LI_MAX_RANK)
                break;
            v.shape[k] = sizes[d];
            v.strides[k] = src->strides[d] * strides[d];
            k++;
        }
        v.rank = k;
    }
    if (v.rank != eo_type_rank(rt)) {
        lval_clear(&v);
        return eo_op_error(op, "result rank does not match the view");
    }
    return bind(ip, eo_op_result(op, 0), &v);
}

/* memref.collapse_shape / memref.expand_shape (and the tensor forms). */
static eo_status
run_reshape(interp *ip, eo_op *op, bool collapse)
{
    eo_status st = EO_OK;
    const lval *src = operand(ip, op, 0, &st);
    if (!src)
        return st;
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_attr *re = eo_op_attr(op, "reassociation");
    size_t ng = re ? eo_attr_array_size(re) : 0;
    size_t rr = eo_type_rank(rt);
    if (!re || rr > LI_MAX_RANK || ng != (collapse ? rr : src->rank))
        return eo_op_error(op, "has a malformed reassociation");
    lval v;
    lval_copy(&v, src);
    v.type = rt;
    size_t e = 0;    /* position in the expanded side */
    int64_t shape[LI_MAX_RANK], strides[LI_MAX_RANK];
    for (size_t g = 0; g < ng; g++) {
        size_t len = eo_attr_array_size(eo_attr_array_at(re, g));
        if (len == 0 || e + len > (collapse ? src->rank : rr)) {
            lval_clear(&v);
            return eo_op_error(op, "has a malformed reassociation");
        }
        if (collapse) {
            int64_t size = 1;
            for (size_t d = e; d < e + len; d++) {
                size *= src->shape[d];
                if (d + 1 < e + len && src->shape[d] > 1
                    && src->strides[d] != src->strides[d + 1]
                                              * src->shape[d + 1]) {
                    lval_clear(&v);
                    return eo_op_error(op, "collapses a non-contiguous "
                                       "view");
                }
            }
            shape[g] = size;
            strides[g] = src->strides[e + len - 1];
        } else {
            int64_t s = src->strides[g];
            for (size_t d = e + len; d-- > e;) {
                shape[d] = eo_type_dim(rt, d);
                strides[d] = s;
                s *= shape[d];
            }
        }
        e += len;
    }
    v.rank = rr;
    memcpy(v.shape, shape, rr * sizeof shape[0]);
    memcpy(v.strides, strides, rr * sizeof strides[0]);
    return bind(ip, eo_op_result(op, 0), &v);
}

static eo_status
run_memref(interp *ip, eo_op *op, const char *n)
{
    eo_status st = EO_OK;
    const eo_loc *loc = eo_op_loc(op);
    if (!strcmp(n, "load") || !strcmp(n, "store")) {
        bool load = n[0] == 'l';
        const lval *m = operand(ip, op, load ? 0 : 1, &st);
        if (!m)
            return st;
        int64_t idx[LI_MAX_RANK], at;
        st = indices(ip, op, load ? 1 : 2, m->rank, idx);
        if (st != EO_OK)
            return st;
        if (!elem_at(m, idx, &at))
            return eo_op_error(op, "accesses out of bounds");
        if (load) {
            lval x;
            load_elem(m, at, eo_type_elem(m->type), &x);
            return bind(ip, eo_op_result(op, 0), &x);
        }
        const lval *x = operand(ip, op, 0, &st);
        if (!x)
            return st;
        store_elem((lval *)m, at, x);
        return EO_OK;
    }
    if (!strcmp(n, "alloc") || !strcmp(n, "alloca")) {
        if (eo_op_num_operands(op) != 0)
            return eo_op_error(op, "with dynamic sizes is unsupported by "
                               "the interpreter");
        lval v;
        st = new_buffer(ip, loc, eo_value_type(eo_op_result(op, 0)), &v);
        if (st != EO_OK)
            return st;
        return bind(ip, eo_op_result(op, 0), &v);
    }
    if (!strcmp(n, "dealloc"))
        return EO_OK;   /* the buffer goes with its last reference */
    if (!strcmp(n, "get_global")) {
        lval v;
        st = global_buffer(ip, op, &v);
        if (st != EO_OK)
            return st;
        return bind(ip, eo_op_result(op, 0), &v);
    }
    if (!strcmp(n, "copy")) {
        const lval *s = operand(ip, op, 0, &st);
        const lval *d = operand(ip, op, 1, &st);
        if (st != EO_OK)
            return st;
        return copy_into(ip, loc, s, (lval *)d);
    }
    if (!strcmp(n, "dim")) {
        const lval *m = operand(ip, op, 0, &st);
        const lval *i = operand(ip, op, 1, &st);
        if (st != EO_OK)
            return st;
        if (i->i < 0 || (size_t)i->i >= m->rank)
            return eo_op_error(op, "dimension %lld out of range",
                               (long long)i->i);
        return bind_int(ip, eo_op_result(op, 0), m->shape[i->i]);
    }
    if (!strcmp(n, "subview") || !strcmp(n, "reinterpret_cast"))
        return run_view(ip, op, n[0] == 's');
    if (!strcmp(n, "collapse_shape") || !strcmp(n, "expand_shape"))
        return run_reshape(ip, op, n[0] == 'c');
    if (!strcmp(n, "cast")) {
        const lval *m = operand(ip, op, 0, &st);
        if (!m)
            return st;
        lval c;
        lval_copy(&c, m);
        c.type = eo_value_type(eo_op_result(op, 0));
        return bind(ip, eo_op_result(op, 0), &c);
    }
    return eo_op_error(op, "is unsupported by the interpreter");
}

/* ------------------------------------------------------------------ */
/* tl                                                                  */
/* ------------------------------------------------------------------ */

/* The generic form of named op 'op' (cached). */
static eo_op *
generic_of(interp *ip, eo_op *op)
{
    for (size_t i = 0; i < ip->ngens; i++)
        if (ip->gens[i].named == op)
            return ip->gens[i].generic;
    if (!ip->scratch) {
        ip->scratch = eo_block_create(ip->ctx);
        if (!ip->scratch)
            return NULL;
    }
    if (ip->ngens == ip->capgens) {
        size_t nc = ip->capgens ? 2 * ip->capgens : 16;
        lgen *ng = realloc(ip->gens, nc * sizeof *ng);
        if (!ng)
            return NULL;
        ip->gens = ng;
        ip->capgens = nc;
    }
    eo_rewriter rw;
    eo_rewriter_init(&rw, ip->ctx, NULL, NULL);
    eo_builder_set_end(&rw.b, ip->scratch);
    eo_op *g = eo_tl_named_to_generic(&rw, op);
    if (!g)
        return NULL;
    ip->gens[ip->ngens].named = op;
    ip->gens[ip->ngens].generic = g;
    ip->ngens++;
    return g;
}

/* Runs tl.generic 'g' with operands vals[0..nops) (views; the outs are
 * written in place). */
static eo_status
run_generic(interp *ip, eo_op *g, lval *vals, size_t nops)
{
    const eo_attr *maps = eo_op_attr(g, "indexing_maps");
    const eo_attr *its = eo_op_attr(g, "iterator_types");
    const eo_attr *lb = eo_op_attr(g, "loop_bounds");
    size_t nins = eo_tl_num_ins(g);
    if (!maps || !its || eo_attr_array_size(maps) != nops
        || nops > EO_TL_MAX_OPERANDS)
        return eo_op_error(g, "has malformed indexing maps");
    size_t nloops = eo_attr_array_size(its);
    if (nloops > EO_TL_MAX_LOOPS)
        return eo_op_error(g, "has too many loops");
    const eo_affine_map *m[EO_TL_MAX_OPERANDS];
    int64_t bound[EO_TL_MAX_LOOPS];
    for (size_t l = 0; l < nloops; l++)
        bound[l] = lb && l < eo_attr_dense_array_size(lb)
                       ? eo_attr_dense_array_int(lb, l) : 0;
    for (size_t k = 0; k < nops; k++) {
        m[k] = eo_attr_affine_map(eo_attr_array_at(maps, k));
        if (!m[k] || eo_affine_map_num_dims(m[k]) != nloops)
            return eo_op_error(g, "has malformed indexing maps");
        size_t nr = eo_affine_map_num_results(m[k]);
        if (nr != (is_shaped_val(&vals[k]) ? vals[k].rank : 0))
            return eo_op_error(g, "map #%zu does not match its operand", k);
        for (size_t d = 0; d < nr; d++) {
            const eo_affine_expr *e = eo_affine_map_result(m[k], d);
            if (eo_affine_expr_kind(e) == EO_AFFINE_DIM) {
                unsigned p = eo_affine_expr_pos(e);
                if (p < nloops && bound[p] == 0)
                    bound[p] = vals[k].shape[d];
            }
        }
    }
    int64_t total = 1;
    for (size_t l = 0; l < nloops; l++) {
        if (bound[l] <= 0)
            return bound[l] == 0 ? EO_OK
                                 : eo_op_error(g, "has no bound for d%zu",
                                               l);
        total *= bound[l];
    }
    eo_block *body = eo_region_first(eo_op_region(g, 0));
    lval args[EO_TL_MAX_OPERANDS], ys[EO_TL_MAX_OPERANDS];
    int64_t at[EO_TL_MAX_OPERANDS];
    int64_t iv[EO_TL_MAX_LOOPS] = { 0 };
    eo_status st = EO_OK;
    for (int64_t p = 0; p < total && st == EO_OK; p++) {
        for (size_t k = 0; k < nops; k++) {
            const eo_type *et = eo_value_type(eo_block_arg(body, k));
            if (!is_shaped_val(&vals[k])) {
                args[k] = vals[k];
                args[k].type = et;
                continue;
            }
            int64_t idx[LI_MAX_RANK];
            for (size_t d = 0; d < vals[k].rank; d++) {
                const eo_affine_expr *e = eo_affine_map_result(m[k], d);
                if (eo_affine_expr_kind(e) == EO_AFFINE_DIM)
                    idx[d] = iv[eo_affine_expr_pos(e)];
                else if (!eo_affine_expr_eval(e, iv, NULL, &idx[d]))
                    st = eo_op_error(g, "map #%zu divides by zero", k);
            }
            if (st == EO_OK && !elem_at(&vals[k], idx, &at[k]))
                st = eo_op_error(g, "operand #%zu is accessed out of "
                                 "bounds", k);
            if (st != EO_OK)
                break;
            load_elem(&vals[k], at[k], et, &args[k]);
        }
        if (st != EO_OK)
            break;
        size_t ny = 0;
        st = run_region(ip, eo_op_region(g, 0), nops, args, ys,
                        EO_TL_MAX_OPERANDS, &ny);
        if (st != EO_OK)
            break;
        if (ny != nops - nins) {
            st = eo_op_error(g, "body yields %zu values for %zu outs", ny,
                             nops - nins);
            for (size_t k = 0; k < ny; k++)
                lval_clear(&ys[k]);
            break;
        }
        for (size_t k = nins; k < nops; k++) {
            store_elem(&vals[k], at[k], &ys[k - nins]);
            lval_clear(&ys[k - nins]);
        }
        for (size_t l = nloops; l-- > 0;) {
            if (++iv[l] < bound[l])
                break;
            iv[l] = 0;
        }
    }
    return st;
}

static eo_status
run_tl(interp *ip, eo_op *op)
{
    eo_op *g = op;
    if (tl_op_kind(op) != TL_GENERIC) {
        g = generic_of(ip, op);
        if (!g)
            return eo_op_error(op, "has no generic form the interpreter "
                               "can run");
    }
    size_t nops = eo_op_num_operands(g), nins = eo_tl_num_ins(g);
    if (nops > EO_TL_MAX_OPERANDS)
        return eo_op_error(op, "has too many operands");
    lval vals[EO_TL_MAX_OPERANDS];
    memset(vals, 0, sizeof vals);
    eo_status st = EO_OK;
    for (size_t k = 0; k < nops && st == EO_OK; k++) {
        const lval *v = operand(ip, g, k, &st);
        if (!v)
            break;
        /* Tensor outs: the result starts as a copy of the out. */
        if (k >= nins && eo_type_get_kind(v->type) == EO_TYPE_TENSOR)
            st = clone_view(ip, eo_op_loc(op), v, v->type, &vals[k]);
        else
            lval_copy(&vals[k], v);
    }
    if (st == EO_OK)
        st = run_generic(ip, g, vals, nops);
    size_t nres = 0;
    for (size_t k = nins; k < nops; k++) {
        if (st == EO_OK && eo_type_get_kind(vals[k].type) == EO_TYPE_TENSOR
            && nres < eo_op_num_results(op)) {
            st = bind(ip, eo_op_result(op, nres++), &vals[k]);
            memset(&vals[k], 0, sizeof vals[k]);
        }
    }
    for (size_t k = 0; k < nops; k++)
        lval_clear(&vals[k]);
    return st;
}

/* ------------------------------------------------------------------ */
/* Graph ops, calls, control flow                                      */
/* ------------------------------------------------------------------ */

static eo_status
run_graph(interp *ip, eo_op *op)
{
    size_t nops = eo_op_num_operands(op), nres = eo_op_num_results(op);
    eo_tensor *in = calloc(nops + 1, sizeof *in);
    eo_tensor *out = calloc(nres + 1, sizeof *out);
    eo_status st = in && out ? EO_OK : EO_NOMEM;
    size_t got = 0;
    for (; got < nops && st == EO_OK; got++) {
        const lval *v = operand(ip, op, got, &st);
        if (!v)
            break;
        if (!is_shaped_val(v)) {
            st = eo_op_error(op, "operand #%zu is not a tensor", got);
            break;
        }
        st = view_to_tensor(ip, eo_op_loc(op), v, &in[got]);
        if (st != EO_OK)
            break;
    }
    if (st == EO_OK)
        st = eo_interp_op(op, in, out);
    for (size_t i = 0; i < nres && st == EO_OK; i++) {
        lval v;
        st = wrap_tensor(&out[i], eo_value_type(eo_op_result(op, i)), &v);
        if (st == EO_OK)
            st = bind(ip, eo_op_result(op, i), &v);
        memset(&out[i], 0, sizeof out[i]);
    }
    for (size_t i = 0; in && i < got; i++)
        eo_tensor_free(&in[i]);
    for (size_t i = 0; out && i < nres; i++)
        eo_tensor_free(&out[i]);
    free(in);
    free(out);
    return st;
}

static eo_status
run_call(interp *ip, eo_op *op)
{
    const eo_attr *ref = eo_op_attr(op, "callee");
    eo_op *f = ref ? eo_symbol_lookup_nearest(op, ref) : NULL;
    if (!f || eo_op_num_regions(f) != 1
        || eo_region_empty(eo_op_region(f, 0)))
        return eo_op_error(op, "calls no function with a body");
    if (ip->depth >= 64)
        return eo_op_error(op, "nests calls too deeply for the "
                           "interpreter");
    /* Values are kept per IR value, not per frame. */
    for (unsigned d = 0; d < ip->depth; d++)
        if (ip->active[d] == f)
            return eo_op_error(op, "is a recursive call, unsupported by "
                               "the interpreter");
    size_t n = eo_op_num_operands(op), nr = eo_op_num_results(op);
    lval *args = calloc(n + 1, sizeof *args);
    lval *res = calloc(nr + 1, sizeof *res);
    eo_status st = args && res ? EO_OK : EO_NOMEM;
    for (size_t i = 0; i < n && st == EO_OK; i++) {
        const lval *v = operand(ip, op, i, &st);
        if (v)
            lval_copy(&args[i], v);
    }
    size_t ny = 0;
    if (st == EO_OK) {
        ip->active[ip->depth++] = f;
        st = run_region(ip, eo_op_region(f, 0), n, args, res, nr, &ny);
        ip->depth--;
    }
    if (st == EO_OK && ny != nr)
        st = eo_op_error(op, "callee returned %zu values for %zu", ny, nr);
    for (size_t i = 0; i < nr && st == EO_OK; i++) {
        st = bind(ip, eo_op_result(op, i), &res[i]);
        memset(&res[i], 0, sizeof res[i]);
    }
    for (size_t i = 0; args && i < n; i++)
        lval_clear(&args[i]);
    for (size_t i = 0; res && i < nr; i++)
        lval_clear(&res[i]);
    free(args);
    free(res);
    return st;
}

/* Copies the values of operands [first, first + n) of 'op' into out. */
static eo_status
gather(interp *ip, eo_op *op, size_t first, size_t n, lval *out)
{
    eo_status st = EO_OK;
    for (size_t i = 0; i < n; i++) {
        const lval *v = operand(ip, op, first + i, &st);
        if (!v) {
            for (size_t j = 0; j < i; j++)
                lval_clear(&out[j]);
            return st;
        }
        lval_copy(&out[i], v);
    }
    return EO_OK;
}

static eo_status
run_for(interp *ip, eo_op *op)
{
    eo_status st = EO_OK;
    size_t n = eo_op_num_operands(op);
    if (n < 3 || n - 3 > 64)
        return eo_op_error(op, "is malformed");
    const lval *lo = operand(ip, op, 0, &st);
    const lval *hi = operand(ip, op, 1, &st);
    const lval *step = operand(ip, op, 2, &st);
    if (st != EO_OK)
        return st;
    if (step->i <= 0)
        return eo_op_error(op, "has a non-positive step");
    size_t ni = n - 3;
    lval args[65], ys[65];
    memset(args, 0, sizeof args);
    st = gather(ip, op, 3, ni, &args[1]);
    if (st != EO_OK)
        return st;
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    args[0].type = eo_value_type(eo_block_arg(body, 0));
    unsigned w = int_width(args[0].type);
    for (int64_t i = lo->i, e = hi->i, s = step->i; st == EO_OK && i < e;) {
        args[0].i = i;
        size_t ny = 0;
        st = run_region(ip, eo_op_region(op, 0), ni + 1, args, ys, 64, &ny);
        if (st != EO_OK)
            break;
        for (size_t k = 0; k < ni; k++) {
            lval_clear(&args[k + 1]);
            args[k + 1] = ys[k];
        }
        int64_t next = sext((uint64_t)i + (uint64_t)s, w);
        if (next <= i)
            break;
        i = next;
    }
    for (size_t k = 0; k < ni && st == EO_OK; k++) {
        st = bind(ip, eo_op_result(op, k), &args[k + 1]);
        memset(&args[k + 1], 0, sizeof args[k + 1]);
    }
    for (size_t k = 0; k <= ni; k++)
        lval_clear(&args[k]);
    return st;
}

static eo_status
run_if(interp *ip, eo_op *op)
{
    eo_status st = EO_OK;
    const lval *c = operand(ip, op, 0, &st);
    if (!c)
        return st;
    eo_region *r = eo_op_region(op, c->i ? 0 : 1);
    size_t nr = eo_op_num_results(op), ny = 0;
    if (eo_region_empty(r))
        return nr ? eo_op_error(op, "has no else region") : EO_OK;
    lval *ys = calloc(nr + 1, sizeof *ys);
    if (!ys)
        return EO_NOMEM;
    st = run_region(ip, r, 0, NULL, ys, nr, &ny);
    for (size_t k = 0; k < ny && st == EO_OK; k++) {
        st = bind(ip, eo_op_result(op, k), &ys[k]);
        memset(&ys[k], 0, sizeof ys[k]);
    }
    for (size_t k = 0; k < ny; k++)
        lval_clear(&ys[k]);
    free(ys);
    return st;
}

static eo_status
run_while(interp *ip, eo_op *op)
{
    size_t n = eo_op_num_operands(op), nr = eo_op_num_results(op);
    if (n > 64 || nr > 64)
        return eo_op_error(op, "has too many values for the interpreter");
    lval a[65], b[65];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    eo_status st = gather(ip, op, 0, n, a);
    size_t na = n;
    while (st == EO_OK) {
        size_t nb = 0;
        /* before: ends with scf.condition(%c) args. */
        st = run_region(ip, eo_op_region(op, 0), na, a, b, 65, &nb);
        for (size_t k = 0; k < na; k++)
            lval_clear(&a[k]);
        na = 0;
        if (st != EO_OK)
            break;
        if (nb == 0) {
            st = eo_op_error(op, "before region yields no condition");
            break;
        }
        bool go = b[0].i != 0;
        lval_clear(&b[0]);
        if (!go) {
            for (size_t k = 1; k < nb && st == EO_OK; k++) {
                st = bind(ip, eo_op_result(op, k - 1), &b[k]);
                memset(&b[k], 0, sizeof b[k]);
            }
            for (size_t k = 1; k < nb; k++)
                lval_clear(&b[k]);
            break;
        }
        st = run_region(ip, eo_op_region(op, 1), nb - 1, &b[1], a, 65, &na);
        for (size_t k = 1; k < nb; k++)
            lval_clear(&b[k]);
    }
    for (size_t k = 0; k < na; k++)
        lval_clear(&a[k]);
    return st;
}

/* scf.parallel without reductions: the iterations in the lexicographic
 * order of the induction variables (they are independent, so any order
 * gives the same result). */
static eo_status
run_parallel(interp *ip, eo_op *op)
{
    eo_region *r = eo_op_region(op, 0);
    eo_block *body = eo_region_first(r);
    size_t n = body ? eo_block_num_args(body) : 0;
    if (eo_op_num_results(op))
        return eo_op_error(op, "is unsupported by the interpreter (a "
                           "reduction)");
    if (n > LI_MAX_RANK)
        return eo_op_error(op, "is unsupported by the interpreter (more "
                           "than %d induction variables)", LI_MAX_RANK);
    if (n == 0 || eo_op_num_operands(op) != 3 * n)
        return eo_op_error(op, "is malformed");
    int64_t lo[LI_MAX_RANK], hi[LI_MAX_RANK], step[LI_MAX_RANK];
    lval args[LI_MAX_RANK], ys[1];
    memset(args, 0, sizeof args);
    eo_status st = EO_OK;
    for (size_t d = 0; d < n; d++) {
        const lval *l = operand(ip, op, d, &st);
        const lval *h = l ? operand(ip, op, n + d, &st) : NULL;
        const lval *s = h ? operand(ip, op, 2 * n + d, &st) : NULL;
        if (!s)
            return st;
        if (s->i <= 0)
            return eo_op_error(op, "has a non-positive step");
        if (l->i >= h->i)
            return EO_OK;
        lo[d] = l->i;
        hi[d] = h->i;
        step[d] = s->i;
        args[d].type = eo_value_type(eo_block_arg(body, d));
        args[d].i = lo[d];
    }
    for (;;) {
        size_t ny = 0;
        st = run_region(ip, r, n, args, ys, 0, &ny);
        if (st != EO_OK)
            return st;
        size_t d = n;
        for (;;) {
            d--;
            int64_t next = (int64_t)((uint64_t)args[d].i + (uint64_t)step[d]);
            if (next > args[d].i && next < hi[d]) {
                args[d].i = next;
                break;
            }
            if (d == 0)
                return EO_OK;
            args[d].i = lo[d];
        }
    }
}

/* ------------------------------------------------------------------ */
/* vector (1-D vectors: a contiguous buffer of one value per lane)     */
/* ------------------------------------------------------------------ */

/* One lane of elementwise arith or math op 'n' (its name without the
 * dialect): x[0..nops) are the lane's operands, 'rt' the result's element
 * type. EO_ERROR after a diagnostic for an op or case the interpreter
 * does not know, or a division by zero. */
static eo_status
lane_eval(eo_op *op, const char *n, bool math, const lval *x, size_t nops,
          const eo_type *rt, lval *out)
{
    bool ok = true;
    bool f32 = eo_type_is_float(rt) && is_f32(rt);
    memset(out, 0, sizeof *out);
    out->type = rt;
    if (!math && nops == 3 && !strcmp(n, "select")) {
        out->i = x[x[0].i ? 1 : 2].i;
        out->f = x[x[0].i ? 1 : 2].f;
        return EO_OK;
    }
    if (!math && nops == 2 && (!strcmp(n, "cmpi") || !strcmp(n, "cmpf"))) {
        const eo_attr *p = eo_op_attr(op, "predicate");
        if (!p || eo_attr_get_kind(p) != EO_ATTR_INTEGER)
            return eo_op_error(op, "has no predicate");
        bool v = n[3] == 'i'
                     ? interp_loops_cmpi(eo_attr_int_value(p),
                                         int_width(x[0].type), x[0].i,
                                         x[1].i)
                     : interp_loops_cmpf(eo_attr_int_value(p), x[0].f,
                                         x[1].f);
        out->i = v ? -1 : 0;
        return EO_OK;
    }
    if (math && nops == 3 && !strcmp(n, "fma")) {
        out->f = f32 ? (double)fmaf((float)x[0].f, (float)x[1].f,
                                    (float)x[2].f)
                     : fma(x[0].f, x[1].f, x[2].f);
        return EO_OK;
    }
    if (nops == 2 && eo_type_is_int_or_index(rt))
        out->i = interp_loops_int_binop(n, int_width(rt), x[0].i, x[1].i,
                                        &ok);
    else if (nops == 2 && eo_type_is_float(rt))
        out->f = interp_loops_float_binop(n, f32, x[0].f, x[1].f, &ok);
    else if (nops == 1 && (!strcmp(n, "negf") || (math &&
                                                 eo_type_is_float(rt))))
        out->f = n[0] == 'n' ? -x[0].f : float_unop(n, f32, x[0].f, &ok);
    else if (nops == 1 && (!strcmp(n, "extsi") || !strcmp(n, "trunci")))
        out->i = sext((uint64_t)x[0].i, int_width(rt));
    else if (nops == 1 && !strcmp(n, "extui"))
        out->i = sext(zext(x[0].i, int_width(x[0].type)), int_width(rt));
    else if (nops == 1 && !strcmp(n, "sitofp"))
        out->f = round_to(rt, (double)x[0].i);
    else if (nops == 1 && !strcmp(n, "uitofp"))
        out->f = round_to(rt, (double)zext(x[0].i, int_width(x[0].type)));
    else if (nops == 1 && (!strcmp(n, "fptosi") || !strcmp(n, "fptoui")))
        out->i = interp_loops_fptoi(x[0].f, int_width(rt), n[4] == 's');
    else if (nops == 1 && (!strcmp(n, "extf") || !strcmp(n, "truncf")))
        out->f = round_to(rt, x[0].f);
    else
        ok = false;
    if (!ok)
        return strstr(n, "div") || strstr(n, "rem")
                   ? eo_op_error(op, "divides by zero")
                   : eo_op_error(op, "is unsupported by the interpreter "
                                 "on vectors");
    return EO_OK;
}

/* Elementwise arith/math op 'op' on 1-D vectors, lane by lane; scalar
 * operands (select's condition) apply to every lane. */
static eo_status
run_lanes(interp *ip, eo_op *op, const char *n, bool math)
{
    eo_status st = EO_OK;
    size_t nops = eo_op_num_operands(op);
    eo_value *r = eo_op_num_results(op) == 1 ? eo_op_result(op, 0) : NULL;
    const eo_type *rt = r ? eo_value_type(r) : NULL;
    if (!rt || nops == 0 || nops > 3 || eo_type_rank(rt) != 1)
        return eo_op_error(op, "is unsupported by the interpreter on "
                           "vectors");
    int64_t lanes = eo_type_dim(rt, 0);
    const lval *a[3];
    for (size_t i = 0; i < nops; i++) {
        a[i] = operand(ip, op, i, &st);
        if (!a[i])
            return st;
        if (a[i]->buf && (a[i]->rank != 1 || a[i]->shape[0] != lanes))
            return eo_op_error(op, "has operands of different vector "
                               "shapes");
    }
    lval res;
    st = new_buffer(ip, eo_op_loc(op), rt, &res);
    for (int64_t k = 0; k < lanes && st == EO_OK; k++) {
        lval x[3], y;
        for (size_t i = 0; i < nops; i++) {
            if (a[i]->buf) {
                load_elem(a[i], a[i]->off + k * a[i]->strides[0],
                          eo_type_elem(a[i]->type), &x[i]);
            } else {
                x[i] = *a[i];
                x[i].buf = NULL;
            }
        }
        st = lane_eval(op, n, math, x, nops, eo_type_elem(rt), &y);
        if (st == EO_OK)
            store_elem(&res, k, &y);
    }
    if (st != EO_OK) {
        lval_clear(&res);
        return st;
    }
    return bind(ip, r, &res);
}

/* vector.load / vector.store of a 1-D vector at memref indices (the last
 * dimension runs over the lanes). */
static eo_status
run_vector_mem(interp *ip, eo_op *op, bool load)
{
    eo_status st = EO_OK;
    const lval *m = operand(ip, op, load ? 0 : 1, &st);
    const lval *v = load ? NULL : operand(ip, op, 0, &st);
    if (st != EO_OK)
        return st;
    const eo_type *vt = load ? eo_value_type(eo_op_result(op, 0)) : v->type;
    int64_t idx[LI_MAX_RANK], at;
    if (eo_type_rank(vt) != 1 || m->rank == 0)
        return eo_op_error(op, "is unsupported by the interpreter (a "
                           "vector of rank other than 1)");
    st = indices(ip, op, load ? 1 : 2, m->rank, idx);
    if (st != EO_OK)
        return st;
    int64_t lanes = eo_type_dim(vt, 0);
    if (!elem_at(m, idx, &at) || idx[m->rank - 1] + lanes >
                                     m->shape[m->rank - 1])
        return eo_op_error(op, "accesses out of bounds");
    int64_t s = m->strides[m->rank - 1];
    const eo_type *et = eo_type_elem(m->type);
    if (!load) {
        for (int64_t k = 0; k < lanes; k++) {
            lval x;
            load_elem(v, v->off + k * v->strides[0], et, &x);
            store_elem((lval *)m, at + k * s, &x);
        }
        return EO_OK;
    }
    lval res;
    st = new_buffer(ip, eo_op_loc(op), vt, &res);
    if (st != EO_OK)
        return st;
    for (int64_t k = 0; k < lanes; k++) {
        lval x;
        load_elem(m, at + k * s, et, &x);
        store_elem(&res, k, &x);
    }
    return bind(ip, eo_op_result(op, 0), &res);
}

/* The arith op name (without "arith.") combining lanes of a reduction. */
static const char *
reduction_op(enum vector_kind k, bool fl)
{
    switch (k) {
    case VECTOR_KIND_ADD: return fl ? "addf" : "addi";
    case VECTOR_KIND_MUL: return fl ? "mulf" : "muli";
    case VECTOR_KIND_MINUI: return "minui";
    case VECTOR_KIND_MINSI: return "minsi";
    case VECTOR_KIND_MINNUMF: return "minnumf";
    case VECTOR_KIND_MAXUI: return "maxui";
    case VECTOR_KIND_MAXSI: return "maxsi";
    case VECTOR_KIND_MAXNUMF: return "maxnumf";
    case VECTOR_KIND_AND: return "andi";
    case VECTOR_KIND_OR: return "ori";
    case VECTOR_KIND_XOR: return "xori";
    case VECTOR_KIND_MAXIMUMF: return "maximumf";
    case VECTOR_KIND_MINIMUMF: return "minimumf";
    }
    return NULL;
}

/* vector.reduction: the accumulator (if any), then lane 0, 1, ... in
 * order (a valid order for fastmath<reassoc> too). */
static eo_status
run_reduction(interp *ip, eo_op *op)
{
    eo_status st = EO_OK;
    enum vector_kind kind;
    const lval *v = operand(ip, op, 0, &st);
    const lval *acc = eo_op_num_operands(op) > 1 ? operand(ip, op, 1, &st)
                                                 : NULL;
    if (st != EO_OK)
        return st;
    eo_value *r = eo_op_result(op, 0);
    const eo_type *rt = eo_value_type(r);
    bool fl = eo_type_is_float(rt);
    const char *name = vector_kind_of(eo_op_attr(op, "kind"), &kind)
                           ? reduction_op(kind, fl)
                           : NULL;
    if (!name || !v->buf || v->rank != 1 || v->shape[0] < 1)
        return eo_op_error(op, "is unsupported by the interpreter");
    lval x, y;
    if (acc) {
        x = *acc;
        x.buf = NULL;
    } else {
        load_elem(v, v->off, rt, &x);
    }
    for (int64_t k = acc ? 0 : 1; k < v->shape[0]; k++) {
        bool ok = true;
        load_elem(v, v->off + k * v->strides[0], rt, &y);
        if (fl)
            x.f = interp_loops_float_binop(name, is_f32(rt), x.f, y.f, &ok);
        else
            x.i = interp_loops_int_binop(name, int_width(rt), x.i, y.i,
                                         &ok);
        if (!ok)
            return eo_op_error(op, "is unsupported by the interpreter");
    }
    x.type = rt;
    return bind(ip, r, &x);
}

static eo_status
run_vector(interp *ip, eo_op *op)
{
    eo_status st = EO_OK;
    switch (vector_op_kind(op)) {
    case VECTOR_LOAD: return run_vector_mem(ip, op, true);
    case VECTOR_STORE: return run_vector_mem(ip, op, false);
    case VECTOR_REDUCTION: return run_reduction(ip, op);
    case VECTOR_FMA: return run_lanes(ip, op, "fma", true);
    case VECTOR_BROADCAST:
    case VECTOR_SPLAT: {
        const lval *s = operand(ip, op, 0, &st);
        if (!s)
            return st;
        eo_value *r = eo_op_result(op, 0);
        if (s->buf)
            return eo_op_error(op, "is unsupported by the interpreter "
                               "(a vector source)");
        lval res;
        st = new_buffer(ip, eo_op_loc(op), eo_value_type(r), &res);
        for (int64_t k = 0, n = st == EO_OK ? numel(&res) : 0; k < n; k++)
            store_elem(&res, k, s);
        return st != EO_OK ? st : bind(ip, r, &res);
    }
    default:
        return eo_op_error(op, "is unsupported by the interpreter");
    }
}

/* Runs one non-terminator op. */
static int
op_kind(eo_op *op, const char *name)
{
    if (!strncmp(name, "arith.", 6))
        return K_ARITH;
    if (!strncmp(name, "memref.", 7))
        return K_MEMREF;
    if (!strcmp(name, "scf.for"))
        return K_FOR;
    if (!strncmp(name, "math.", 5))
        return K_MATH;
    if (!strncmp(name, "tl.", 3) && tl_op_kind(op) != TL_NUM_OPS)
        return K_TL;
    if (!strcmp(name, "scf.if"))
        return K_IF;
    if (!strcmp(name, "scf.while"))
        return K_WHILE;
    if (!strcmp(name, "scf.parallel"))
        return K_PARALLEL;
    if (!strcmp(name, "func.call"))
        return K_CALL;
    if (!strcmp(name, "tensor.empty"))
        return K_EMPTY;
    if (vector_op_kind(op) != VECTOR_NUM_OPS)
        return K_VECTOR;
    if (eo_graph_op_kind(op) >= 0 && eo_op_num_regions(op) == 0)
        return K_GRAPH;
    return K_OTHER;
}

/* The hot scalar ops with an inline path in run_op. */
enum { F_NONE, F_ADDF, F_SUBF, F_MULF, F_DIVF, F_ADDI, F_SUBI, F_MULI };

static int
fast_kind(const char *name)
{
    static const char *const names[] = {
        NULL, "arith.addf", "arith.subf", "arith.mulf", "arith.divf",
        "arith.addi", "arith.subi", "arith.muli"
    };
    for (int i = 1; i < (int)(sizeof names / sizeof names[0]); i++)
        if (!strcmp(name, names[i]))
            return i;
    return F_NONE;
}

/* arith's hot binary ops on scalars; EO_ERROR (no diagnostic) when the
 * operands are not plain scalars, for the general path to handle. */
static eo_status
run_fast(interp *ip, eo_op *op, int fast)
{
    if (eo_op_num_operands(op) != 2 || eo_op_num_results(op) != 1)
        return EO_ERROR;
    const lval *a = lookup(ip, eo_op_operand(op, 0));
    const lval *b = lookup(ip, eo_op_operand(op, 1));
    if (!a || !b || a->buf || b->buf)
        return EO_ERROR;
    eo_value *r = eo_op_result(op, 0);
    const eo_type *t = eo_value_type(r);
    if (fast <= F_DIVF) {
        if (!eo_type_is_float(t))
            return EO_ERROR;
        double x = fast == F_ADDF ? a->f + b->f
                   : fast == F_SUBF ? a->f - b->f
                   : fast == F_MULF ? a->f * b->f : a->f / b->f;
        return bind_float(ip, r, round_to(t, x));
    }
    if (!eo_type_is_int_or_index(t))
        return EO_ERROR;
    uint64_t x = fast == F_ADDI ? (uint64_t)a->i + (uint64_t)b->i
                 : fast == F_SUBI ? (uint64_t)a->i - (uint64_t)b->i
                                  : (uint64_t)a->i * (uint64_t)b->i;
    return bind_int(ip, r, sext(x, int_width(t)));
}

static eo_status
run_op(interp *ip, eo_op *op)
{
    const char *name = eo_op_name_str(op);
    size_t h = ((uintptr_t)name >> 4) & 63;
    if (ip->kinds[h].name != name) {
        ip->kinds[h].name = name;
        ip->kinds[h].kind = op_kind(op, name);
        ip->kinds[h].fast = fast_kind(name);
    }
    if (ip->kinds[h].fast && run_fast(ip, op, ip->kinds[h].fast) == EO_OK)
        return EO_OK;
    switch (ip->kinds[h].kind) {
    case K_ARITH: return run_arith(ip, op, name + 6);
    case K_MEMREF: return run_memref(ip, op, name + 7);
    case K_FOR: return run_for(ip, op);
    case K_MATH: return run_math(ip, op, name + 5);
    case K_TL: return run_tl(ip, op);
    case K_IF: return run_if(ip, op);
    case K_WHILE: return run_while(ip, op);
    case K_PARALLEL: return run_parallel(ip, op);
    case K_CALL: return run_call(ip, op);
    case K_GRAPH: return run_graph(ip, op);
    case K_VECTOR: return run_vector(ip, op);
    default: break;
    }
    if (ip->kinds[h].kind == K_EMPTY) {
        lval v;
        eo_status st = new_buffer(ip, eo_op_loc(op),
                                  eo_value_type(eo_op_result(op, 0)), &v);
        return st != EO_OK ? st : bind(ip, eo_op_result(op, 0), &v);
    }
    return eo_op_error(op, "is unsupported by the interpreter");
}

/* Binds the arguments of 'b' to args[0..n). */
static eo_status
bind_args(interp *ip, eo_op *at, eo_block *b, size_t n, const lval *args)
{
    if (eo_block_num_args(b) != n)
        return eo_op_error(at, "passes %zu values to a block with %zu "
                           "arguments", n, eo_block_num_args(b));
    for (size_t i = 0; i < n; i++) {
        eo_status st = bind_copy(ip, eo_block_arg(b, i), &args[i]);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

/* Runs region 'r' from its entry block with 'args' until a terminator
 * that leaves it (yield, return, condition); its operands go to
 * yielded[0..*nyield) (owned by the caller). */
static eo_status
run_region(interp *ip, eo_region *r, size_t nargs, const lval *args,
           lval *yielded, size_t cap, size_t *nyield)
{
    eo_block *b = eo_region_first(r);
    eo_op *owner = eo_region_parent_op(r);
    if (!b)
        return eo_op_error(owner, "has an empty region");
    eo_status st = bind_args(ip, owner, b, nargs, args);
    while (st == EO_OK) {
        eo_op *op = eo_block_first(b);
        eo_op *last = eo_block_last(b);
        for (; op && op != last && st == EO_OK; op = eo_op_next(op))
            st = run_op(ip, op);
        if (st != EO_OK)
            break;
        if (!op)
            return eo_op_error(owner, "has a block without terminator");
        const char *name = eo_op_name_str(op);
        if (!strcmp(name, "cf.br") || !strcmp(name, "cf.cond_br")) {
            size_t which = 0, first = 0, len = eo_op_num_operands(op);
            if (name[3] == 'c') {
                const lval *c = operand(ip, op, 0, &st);
                if (!c)
                    break;
                which = c->i ? 0 : 1;
                if (!eo_op_operand_segment(op, 1 + which, &first, &len)) {
                    st = eo_op_error(op, "is malformed");
                    break;
                }
            }
            eo_block *next = eo_op_successor(op, which);
            lval tmp[64];
            if (len > 64) {
                st = eo_op_error(op, "passes too many values");
                break;
            }
            st = gather(ip, op, first, len, tmp);
            if (st != EO_OK)
                break;
            st = bind_args(ip, op, next, len, tmp);
            for (size_t i = 0; i < len; i++)
                lval_clear(&tmp[i]);
            b = next;
            continue;
        }
        if (eo_op_num_successors(op) > 0 || eo_op_num_regions(op) > 0
            || !eo_op_is_terminator(op)) {
            if (!eo_op_is_terminator(op)) {
                st = run_op(ip, op);
                if (st == EO_OK)
                    st = eo_op_error(owner, "has a block without "
                                     "terminator");
            } else {
                st = eo_op_error(op, "is unsupported by the interpreter");
            }
            break;
        }
        size_t n = eo_op_num_operands(op);
        if (n > cap)
            return eo_op_error(op, "yields %zu values, %zu expected", n,
                               cap);
        st = gather(ip, op, 0, n, yielded);
        if (st == EO_OK)
            *nyield = n;
        return st;
    }
    return st;
}

/* ------------------------------------------------------------------ */
/* Entry                                                               */
/* ------------------------------------------------------------------ */

bool
interp_loops_wanted(eo_op *func, size_t nin)
{
    eo_region *r = eo_op_region(func, 0);
    if (eo_region_num_blocks(r) != 1)
        return true;
    eo_block *body = eo_region_first(r);
    if (eo_block_num_args(body) != nin) {
        if (nin > eo_block_num_args(body))
            return false;
        for (size_t i = nin; i < eo_block_num_args(body); i++)
            if (eo_type_get_kind(eo_value_type(eo_block_arg(body, i)))
                != EO_TYPE_MEMREF)
                return false;
        return true;
    }
    for (size_t i = 0; i < nin; i++)
        if (eo_type_get_kind(eo_value_type(eo_block_arg(body, i)))
            != EO_TYPE_TENSOR)
            return true;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op)) {
        if (!strcmp(eo_op_name_str(op), "func.return"))
            continue;
        if (eo_graph_op_kind(op) < 0)
            return true;
    }
    return false;
}

/* Checks input tensor 't' against argument type 'type' and makes it a
 * value (borrowing its data). */
static eo_status
input_value(interp *ip, eo_op *func, size_t i, const eo_type *type,
            const eo_tensor *t, lval *v)
{
    memset(v, 0, sizeof *v);
    eo_type_kind k = eo_type_get_kind(type);
    eo_dtype dt;
    if (k != EO_TYPE_TENSOR && k != EO_TYPE_MEMREF) {
        if (t->rank != 0 || !t->data)
            return eo_op_error(func, "argument #%zu is a scalar; pass a "
                               "rank-0 tensor", i);
        if (!elem_dtype(type, &dt) || dt != t->dtype)
            return eo_op_error(func, "argument #%zu expects a %s scalar",
                               i, eo_dtype_name(dt));
        lbuf tmp = { 1, *t };
        v->type = type;
        if (eo_type_is_float(type))
            v->f = get_float(&tmp, 0);
        else
            v->i = get_int(&tmp, 0, int_width(type));
        return EO_OK;
    }
    eo_status st = new_buffer(ip, eo_op_loc(func), type, v);
    if (st != EO_OK)
        return st;
    bool ok = t->dtype == v->buf->t.dtype && t->rank == v->rank
              && t->nbytes == v->buf->t.nbytes && (!t->nbytes || t->data);
    for (size_t d = 0; ok && d < v->rank; d++)
        ok = t->shape[d] == v->shape[d];
    if (!ok) {
        lval_clear(v);
        return eo_op_error(func, "argument #%zu does not match the given "
                           "input's dtype or shape", i);
    }
    memcpy(v->buf->t.data, t->data, t->nbytes);
    return EO_OK;
}

eo_status
interp_loops_run(eo_op *func, size_t nin, const eo_tensor *in, size_t *nout,
                 eo_tensor *out)
{
    interp ip;
    memset(&ip, 0, sizeof ip);
    ip.ctx = eo_op_ctx(func);
    eo_block *body = eo_region_first(eo_op_region(func, 0));
    size_t nargs = eo_block_num_args(body);
    bool ok = nin <= nargs;
    for (size_t i = nin; ok && i < nargs; i++)
        ok = eo_type_get_kind(eo_value_type(eo_block_arg(body, i)))
             == EO_TYPE_MEMREF;
    if (!ok)
        return eo_emit_error(ip.ctx, eo_op_loc(func), "function takes %zu "
                             "inputs, got %zu (only trailing memref "
                             "arguments may be left out)", nargs, nin);
    lval *args = calloc(nargs + 1, sizeof *args);
    if (!args)
        return EO_NOMEM;
    eo_status st = EO_OK;
    for (size_t i = 0; i < nargs && st == EO_OK; i++) {
        const eo_type *t = eo_value_type(eo_block_arg(body, i));
        st = i < nin ? input_value(&ip, func, i, t, &in[i], &args[i])
                     : new_buffer(&ip, eo_op_loc(func), t, &args[i]);
    }
    size_t cap = eo_op_num_operands(eo_block_last(body)) + 1;
    lval *ys = calloc(cap, sizeof *ys);
    size_t ny = 0;
    if (!ys)
        st = EO_NOMEM;
    if (st == EO_OK)
        st = run_region(&ip, eo_op_region(func, 0), nargs, args, ys, cap,
                        &ny);
    size_t total = ny + (nargs - nin);
    if (st == EO_OK && total > *nout)
        st = eo_op_error(func, "has %zu outputs, the caller has room for "
                         "%zu", total, *nout);
    size_t done = 0;
    for (; st == EO_OK && done < total; done++) {
        const lval *v = done < ny ? &ys[done] : &args[nin + done - ny];
        if (is_shaped_val(v)) {
            st = view_to_tensor(&ip, eo_op_loc(func), v, &out[done]);
        } else {
            eo_dtype dt;
            memset(&out[done], 0, sizeof out[done]);
            if (!elem_dtype(v->type, &dt)) {
                st = eo_op_error(func, "returns a value the interpreter "
                                 "cannot hold");
                break;
            }
            st = eo_tensor_alloc(&out[done], dt, 0, NULL);
            if (st != EO_OK)
                break;
            lbuf tmp = { 1, out[done] };
            if (eo_type_is_float(v->type))
                put_float(&tmp, 0, v->f);
            else
                put_int(&tmp, 0, v->i);
        }
    }
    if (st != EO_OK)
        for (size_t i = 0; i < done; i++)
            eo_tensor_free(&out[i]);
    else
        *nout = total;
    for (size_t i = 0; ys && i < ny; i++)
        lval_clear(&ys[i]);
    free(ys);
    for (size_t i = 0; i < nargs; i++)
        lval_clear(&args[i]);
    free(args);
    for (size_t i = 0; i < ip.cap; i++)
        if (ip.slots[i].key)
            lval_clear(&ip.slots[i].v);
    free(ip.slots);
    for (size_t i = 0; i < ip.nglobs; i++)
        buf_release(ip.globs[i].buf);
    free(ip.globs);
    if (ip.scratch)
        eo_block_destroy(ip.scratch);
    free(ip.gens);
    return st;
}

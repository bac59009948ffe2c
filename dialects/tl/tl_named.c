/* dialects/tl/tl_named.c - the named tl ops: their verifiers (shapes,
 * element types, attributes), the indexing maps and iterator types of
 * their generic forms, the scalar bodies (arith/math) of those forms, and
 * the tl-generalize patterns. docs/tl-dialect.md lists each generic form.
 */
#include "dialects/tl/tl_internal.h"

#include "dialects/arith/arith.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Attribute and shape helpers                                         */
/* ------------------------------------------------------------------ */

static const eo_type *
in_type(const eo_op *op, size_t i)
{
    return eo_value_type(eo_tl_in(op, i));
}

static const eo_type *
out_type(const eo_op *op)
{
    return eo_value_type(eo_tl_out(op, 0));
}

/* A string attribute's index in 'names' (NULL-terminated); 'def' when
 * absent; -1 after a diagnostic when it is none of them. */
static int
str_choice(eo_op *op, const char *attr, const char *const *names, int def)
{
    const eo_attr *a = eo_op_attr(op, attr);
    if (!a)
        return def;
    size_t len;
    const char *s = eo_attr_get_kind(a) == EO_ATTR_STRING
                        ? eo_attr_string(a, &len) : NULL;
    for (int i = 0; s && names[i]; i++)
        if (strlen(names[i]) == len && !memcmp(s, names[i], len))
            return i;
    char msg[160];
    size_t at = 0;
    msg[0] = 0;
    for (int i = 0; names[i] && at < sizeof msg; i++)
        at += (size_t)snprintf(msg + at, sizeof msg - at, "%s\"%s\"",
                               i ? names[i + 1] ? ", " : " or " : "",
                               names[i]);
    eo_op_error(op, "expects '%s' to be one of %s", attr, msg);
    return -1;
}

/* An array<i64> attribute of 'n' positive entries into out[]; 'def' for
 * each entry when absent. */
static eo_status
pos_array(eo_op *op, const char *attr, size_t n, int64_t def, int64_t *out)
{
    const eo_attr *a = eo_op_attr(op, attr);
    if (!a) {
        for (size_t i = 0; i < n; i++)
            out[i] = def;
        return EO_OK;
    }
    if (eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY
        || !eo_type_is_signless_int(eo_attr_dense_array_elem(a), 64)
        || eo_attr_dense_array_size(a) != n)
        return eo_op_error(op, "expects '%s' to be an array<i64> of %zu "
                           "positive values", attr, n);
    for (size_t i = 0; i < n; i++) {
        out[i] = eo_attr_dense_array_int(a, i);
        if (out[i] < 1)
            return eo_op_error(op, "expects '%s' to be an array<i64> of %zu "
                               "positive values", attr, n);
    }
    return EO_OK;
}

/* An optional integer attribute; 'def' when absent. */
static eo_status
int_attr(eo_op *op, const char *attr, int64_t def, int64_t *out)
{
    const eo_attr *a = eo_op_attr(op, attr);
    *out = def;
    if (!a)
        return EO_OK;
    if (eo_attr_get_kind(a) != EO_ATTR_INTEGER || eo_attr_is_bool(a))
        return eo_op_error(op, "expects '%s' to be an integer", attr);
    *out = eo_attr_int_value(a);
    return EO_OK;
}

/* Operand i shaped (not a scalar) and of rank 'rank'. */
static eo_status
check_rank(eo_op *op, size_t i, size_t rank)
{
    const eo_type *t = eo_value_type(eo_op_operand(op, i));
    if (!eo_type_is_shaped(t) || eo_type_rank(t) != rank)
        return eo_op_error(op, "expects operand #%zu to have rank %zu", i,
                           rank);
    return EO_OK;
}

/* All ins and outs shaped and of rank 'rank'. */
static eo_status
check_ranks(eo_op *op, size_t rank)
{
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (check_rank(op, i, rank) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

/* Two static sizes that must agree. */
static eo_status
same_dim(eo_op *op, const char *what, const eo_type *a, size_t ia,
         const eo_type *b, size_t ib)
{
    int64_t x = eo_type_dim(a, ia), y = eo_type_dim(b, ib);
    if (x != EO_DYNAMIC && y != EO_DYNAMIC && x != y)
        return eo_op_error(op, "expects matching %s sizes, got %lld and %lld",
                           what, (long long)x, (long long)y);
    return EO_OK;
}

/* The output size of a window of 'k' taps (stride s, dilation d) over
 * 'in' elements must be 'out'. */
static eo_status
check_window(eo_op *op, const char *what, int64_t in, int64_t k, int64_t s,
             int64_t d, int64_t out)
{
    if (in == EO_DYNAMIC || k == EO_DYNAMIC)
        return EO_OK;
    int64_t eff = d * (k - 1) + 1;
    if (in < eff)
        return eo_op_error(op, "expects the input %s (%lld) to be at least "
                           "the dilated window (%lld)", what, (long long)in,
                           (long long)eff);
    int64_t want = (in - eff) / s + 1;
    if (out != EO_DYNAMIC && out != want)
        return eo_op_error(op, "expects output %s %lld, got %lld", what,
                           (long long)want, (long long)out);
    return EO_OK;
}

/* Element types of a multiply-accumulate (matmul, convolutions): all the
 * same float type, or integers with ins no wider than the accumulator;
 * zero-point attributes only with integers. */
static eo_status
check_mac_types(eo_op *op, const char *zp0, const char *zp1)
{
    const eo_type *a = tl_elem_type(in_type(op, 0));
    const eo_type *b = tl_elem_type(in_type(op, 1));
    const eo_type *c = tl_elem_type(out_type(op));
    int64_t z;
    if (eo_type_is_float(a) && eo_type_is_float(b) && eo_type_is_float(c)) {
        if (a != b || a != c)
            return eo_op_error(op, "expects float operands to have the same "
                               "element type");
        if (eo_op_attr(op, zp0) || eo_op_attr(op, zp1))
            return eo_op_error(op, "expects zero points only with integer "
                               "operands");
        return EO_OK;
    }
    if (!eo_type_is_int(a) || !eo_type_is_int(b) || !eo_type_is_int(c))
        return eo_op_error(op, "expects all float or all integer element "
                           "types");
    if (eo_type_int_signedness(a) != EO_SIGNLESS
        || eo_type_int_signedness(b) != EO_SIGNLESS
        || eo_type_int_signedness(c) != EO_SIGNLESS)
        return eo_op_error(op, "expects signless integers");
    if (eo_type_int_width(a) > eo_type_int_width(c)
        || eo_type_int_width(b) > eo_type_int_width(c))
        return eo_op_error(op, "expects integer ins no wider than the "
                           "accumulator");
    if (int_attr(op, zp0, 0, &z) != EO_OK || int_attr(op, zp1, 0, &z)
                                                 != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Verifiers                                                           */
/* ------------------------------------------------------------------ */

eo_status
tl_verify_matmul(eo_op *op)
{
    if (tl_verify_structured(op, 2, 1) != EO_OK || check_ranks(op, 2)
        || check_mac_types(op, "lhs_zp", "rhs_zp") != EO_OK)
        return EO_ERROR;
    const eo_type *a = in_type(op, 0), *b = in_type(op, 1), *c = out_type(op);
    if (same_dim(op, "K", a, 1, b, 0) || same_dim(op, "M", a, 0, c, 0)
        || same_dim(op, "N", b, 1, c, 1))
        return EO_ERROR;
    return EO_OK;
}

static const char *const conv_layouts[] = {"nchw_fchw", "nhwc_hwcf", NULL};
static const char *const dw_layouts[] = {"nchw_chw", "nhwc_hwc", NULL};
static const char *const pool_layouts[] = {"nchw", "nhwc", NULL};

/* Window parameters of a conv / depthwise conv / pool. */
typedef struct window {
    int layout;               /* 0: channels first, 1: channels last */
    int64_t s[2], d[2];       /* strides, dilations */
    int64_t k[2];             /* window height, width */
} window;

static eo_status
get_window(eo_op *op, const char *const *layouts, window *w)
{
    w->layout = str_choice(op, "layout", layouts, 0);
    if (w->layout < 0 || pos_array(op, "strides", 2, 1, w->s) != EO_OK
        || pos_array(op, "dilations", 2, 1, w->d) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

/* Spatial dims (h, w) of 'in' and 'out' of a 4-d NCHW or NHWC tensor. */
static eo_status
check_spatial(eo_op *op, const window *w, const eo_type *in,
              const eo_type *out)
{
    size_t h = w->layout ? 1 : 2;
    if (check_window(op, "height", eo_type_dim(in, h), w->k[0], w->s[0],
                     w->d[0], eo_type_dim(out, h)) != EO_OK
        || check_window(op, "width", eo_type_dim(in, h + 1), w->k[1],
                        w->s[1], w->d[1], eo_type_dim(out, h + 1)) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

eo_status
tl_verify_conv2d(eo_op *op)
{
    window w;
    if (tl_verify_structured(op, 2, 1) != EO_OK || check_ranks(op, 4)
        || get_window(op, conv_layouts, &w) != EO_OK
        || check_mac_types(op, "input_zp", "filter_zp") != EO_OK)
        return EO_ERROR;
    const eo_type *x = in_type(op, 0), *f = in_type(op, 1), *y = out_type(op);
    /* nchw_fchw: x[N,C,H,W] f[F,C,KH,KW] y[N,F,OH,OW];
     * nhwc_hwcf: x[N,H,W,C] f[KH,KW,C,F] y[N,OH,OW,F]. */
    size_t xc = w.layout ? 3 : 1, fc = w.layout ? 2 : 1;
    size_t ff = w.layout ? 3 : 0, yf = w.layout ? 3 : 1;
    size_t fk = w.layout ? 0 : 2;
    w.k[0] = eo_type_dim(f, fk);
    w.k[1] = eo_type_dim(f, fk + 1);
    if (same_dim(op, "batch", x, 0, y, 0)
        || same_dim(op, "input channel", x, xc, f, fc)
        || same_dim(op, "output channel", f, ff, y, yf)
        || check_spatial(op, &w, x, y) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

eo_status
tl_verify_depthwise(eo_op *op)
{
    window w;
    if (tl_verify_structured(op, 2, 1) != EO_OK || check_rank(op, 0, 4)
        || check_rank(op, 1, 3) || check_rank(op, 2, 4)
        || get_window(op, dw_layouts, &w) != EO_OK
        || check_mac_types(op, "input_zp", "filter_zp") != EO_OK)
        return EO_ERROR;
    const eo_type *f = in_type(op, 1);
    const eo_type *x = in_type(op, 0), *y = out_type(op);
    /* nchw_chw: x[N,C,H,W] f[C,KH,KW] y[N,C,OH,OW];
     * nhwc_hwc: x[N,H,W,C] f[KH,KW,C] y[N,OH,OW,C]. */
    size_t c = w.layout ? 3 : 1, fc = w.layout ? 2 : 0;
    size_t fk = w.layout ? 0 : 1;
    w.k[0] = eo_type_dim(f, fk);
    w.k[1] = eo_type_dim(f, fk + 1);
    if (same_dim(op, "batch", x, 0, y, 0)
        || same_dim(op, "channel", x, c, f, fc)
        || same_dim(op, "channel", x, c, y, c)
        || check_spatial(op, &w, x, y) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

static const char *const pool_kinds[] = {"max", "min", "sum", "avg", NULL};
enum { POOL_MAX, POOL_MIN, POOL_SUM, POOL_AVG };

eo_status
tl_verify_pool(eo_op *op)
{
    window w;
    if (tl_verify_structured(op, 1, 1) != EO_OK || check_ranks(op, 4)
        || get_window(op, pool_layouts, &w) != EO_OK
        || pos_array(op, "window", 2, 1, w.k) != EO_OK)
        return EO_ERROR;
    int kind = str_choice(op, "kind", pool_kinds, 0);
    if (kind < 0)
        return EO_ERROR;
    const eo_type *x = in_type(op, 0), *y = out_type(op);
    const eo_type *e = tl_elem_type(x);
    if (e != tl_elem_type(y))
        return eo_op_error(op, "expects the in and out element types to be "
                           "the same");
    if (!eo_type_is_float(e) && !eo_type_is_signless_int(e,
                                                         eo_type_int_width(e)))
        return eo_op_error(op, "expects float or signless integer elements");
    if (kind == POOL_AVG && !eo_type_is_float(e))
        return eo_op_error(op, "expects float elements for 'avg' pooling "
                           "(use 'sum' and tl.requantize for integers)");
    size_t c = w.layout ? 3 : 1;
    if (same_dim(op, "batch", x, 0, y, 0) || same_dim(op, "channel", x, c,
                                                      y, c)
        || check_spatial(op, &w, x, y) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

enum ew_kind {
    EW_ADD, EW_SUB, EW_MUL, EW_DIV, EW_MAX, EW_MIN,     /* binary */
    EW_RELU, EW_NEG, EW_ABS, EW_EXP, EW_TANH, EW_SQRT, EW_SIGMOID,
    EW_NUM
};
static const char *const ew_kinds[] = {
    "add", "sub", "mul", "div", "max", "min", "relu", "neg", "abs", "exp",
    "tanh", "sqrt", "sigmoid", NULL
};
#define EW_FIRST_UNARY EW_RELU
#define EW_FIRST_FLOAT_ONLY EW_EXP

eo_status
tl_verify_elementwise(eo_op *op)
{
    int kind = str_choice(op, "kind", ew_kinds, 0);
    if (kind < 0)
        return EO_ERROR;
    size_t nins = kind >= EW_FIRST_UNARY ? 1 : 2;
    if (tl_verify_structured(op, nins, 1) != EO_OK)
        return EO_ERROR;
    const eo_type *y = out_type(op), *e = tl_elem_type(y);
    if (check_ranks(op, eo_type_rank(y)) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < nins; i++) {
        const eo_type *x = in_type(op, i);
        if (tl_elem_type(x) != e)
            return eo_op_error(op, "expects in #%zu to have the element type "
                               "of the out", i);
        for (size_t d = 0; d < eo_type_rank(y); d++)
            if (same_dim(op, "elementwise", x, d, y, d) != EO_OK)
                return EO_ERROR;
    }
    if (!eo_type_is_float(e) && !eo_type_is_signless_int(e,
                                                         eo_type_int_width(e)))
        return eo_op_error(op, "expects float or signless integer elements");
    if (kind >= EW_FIRST_FLOAT_ONLY && !eo_type_is_float(e))
        return eo_op_error(op, "expects float elements for kind '%s'",
                           ew_kinds[kind]);
    return EO_OK;
}

eo_status
tl_verify_fill(eo_op *op)
{
    if (tl_verify_structured(op, 1, 1) != EO_OK)
        return EO_ERROR;
    const eo_type *v = in_type(op, 0);
    if (eo_type_is_shaped(v))
        return eo_op_error(op, "expects a scalar value");
    if (v != tl_elem_type(out_type(op)))
        return eo_op_error(op, "expects the value to have the element type "
                           "of the out");
    return EO_OK;
}

eo_status
tl_verify_copy(eo_op *op)
{
    if (tl_verify_structured(op, 1, 1) != EO_OK)
        return EO_ERROR;
    const eo_type *x = in_type(op, 0), *y = out_type(op);
    if (check_ranks(op, tl_rank(y)) != EO_OK)
        return EO_ERROR;
    if (tl_elem_type(x) != tl_elem_type(y))
        return eo_op_error(op, "expects the in and out element types to be "
                           "the same");
    for (size_t d = 0; d < tl_rank(y); d++)
        if (same_dim(op, "copied", x, d, y, d) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

/* tl.pack's attributes: k inner tiles on source dims pos[], outer dims
 * permuted by perm[] (identity when absent); 'pad' the optional
 * padding_value, size[j] the (static) size of source dim pos[j] and
 * partial[j] whether its last tile is partial (padded). */
typedef struct pack_info {
    size_t rank, k;
    int64_t pos[EO_TL_MAX_LOOPS], tiles[EO_TL_MAX_LOOPS];
    int64_t perm[EO_TL_MAX_LOOPS];
    int64_t size[EO_TL_MAX_LOOPS];
    bool partial[EO_TL_MAX_LOOPS];
    size_t npartial;
    const eo_attr *pad;
} pack_info;

static eo_status
get_pack(eo_op *op, pack_info *pk)
{
    const eo_type *x = in_type(op, 0);
    const eo_attr *pos = eo_op_attr(op, "inner_dims_pos");
    const eo_attr *perm = eo_op_attr(op, "outer_dims_perm");
    pk->rank = tl_rank(x);
    if (eo_attr_get_kind(pos) != EO_ATTR_DENSE_ARRAY
        || !eo_type_is_signless_int(eo_attr_dense_array_elem(pos), 64))
        return eo_op_error(op, "expects 'inner_dims_pos' to be an "
                           "array<i64>");
    pk->k = eo_attr_dense_array_size(pos);
    if (pk->k > pk->rank)
        return eo_op_error(op, "expects at most one inner tile per source "
                           "dimension");
    if (pk->rank + pk->k > EO_TL_MAX_LOOPS)
        return eo_op_error(op, "supports at most %d loops", EO_TL_MAX_LOOPS);
    if (pos_array(op, "inner_tiles", pk->k, 1, pk->tiles) != EO_OK)
        return EO_ERROR;
    uint32_t seen = 0;
    for (size_t j = 0; j < pk->k; j++) {
        int64_t d = eo_attr_dense_array_int(pos, j);
        if (d < 0 || (size_t)d >= pk->rank || (seen & (1u << d)))
            return eo_op_error(op, "expects 'inner_dims_pos' to hold "
                               "distinct source dimensions");
        seen |= 1u << d;
        pk->pos[j] = d;
    }
    seen = 0;
    for (size_t i = 0; i < pk->rank; i++)
        pk->perm[i] = (int64_t)i;
    if (perm) {
        if (eo_attr_get_kind(perm) != EO_ATTR_DENSE_ARRAY
            || !eo_type_is_signless_int(eo_attr_dense_array_elem(perm), 64)
            || eo_attr_dense_array_size(perm) != pk->rank)
            return eo_op_error(op, "expects 'outer_dims_perm' to be a "
                               "permutation of the source dimensions");
        for (size_t i = 0; i < pk->rank; i++) {
            int64_t d = eo_attr_dense_array_int(perm, i);
            if (d < 0 || (size_t)d >= pk->rank || (seen & (1u << d)))
                return eo_op_error(op, "expects 'outer_dims_perm' to be a "
                                   "permutation of the source dimensions");
            seen |= 1u << d;
            pk->perm[i] = d;
        }
    }
    pk->pad = eo_op_attr(op, "padding_value");
    pk->npartial = 0;
    for (size_t j = 0; j < pk->k; j++) {
        pk->size[j] = eo_type_dim(x, (size_t)pk->pos[j]);
        pk->partial[j] = pk->size[j] != EO_DYNAMIC
                         && pk->size[j] % pk->tiles[j] != 0;
        pk->npartial += pk->partial[j];
    }
    return EO_OK;
}

/* The padding value: a scalar attribute of the element type 'e'. */
static eo_status
check_pad(eo_op *op, const pack_info *pk, const eo_type *e)
{
    eo_attr_kind k = eo_attr_get_kind(pk->pad);
    if ((k != EO_ATTR_INTEGER && k != EO_ATTR_FLOAT)
        || eo_attr_is_bool(pk->pad) || eo_attr_type(pk->pad) != e)
        return eo_op_error(op, "expects 'padding_value' to be a scalar of "
                           "the element type");
    for (size_t j = 0; j < pk->k; j++)
        if (pk->size[j] == EO_DYNAMIC)
            return eo_op_error(op, "expects static tiled dimensions with "
                               "'padding_value'");
    return EO_OK;
}

/* The inner tile index of source dim d, or -1. */
static int
tile_of(const pack_info *pk, size_t d)
{
    for (size_t j = 0; j < pk->k; j++)
        if ((size_t)pk->pos[j] == d)
            return (int)j;
    return -1;
}

eo_status
tl_verify_pack(eo_op *op)
{
    pack_info pk;
    if (tl_verify_structured(op, 1, 1) != EO_OK)
        return EO_ERROR;
    const eo_type *x = in_type(op, 0), *y = out_type(op);
    if (!eo_type_is_shaped(x))
        return eo_op_error(op, "expects a shaped source");
    if (get_pack(op, &pk) != EO_OK)
        return EO_ERROR;
    if (tl_elem_type(x) != tl_elem_type(y))
        return eo_op_error(op, "expects the in and out element types to be "
                           "the same");
    if (pk.pad && check_pad(op, &pk, tl_elem_type(x)) != EO_OK)
        return EO_ERROR;
    if (tl_rank(y) != pk.rank + pk.k)
        return eo_op_error(op, "expects the packed out to have rank %zu, "
                           "got %zu", pk.rank + pk.k, tl_rank(y));
    for (size_t i = 0; i < pk.rank; i++) {
        size_t d = (size_t)pk.perm[i];
        int j = tile_of(&pk, d);
        int64_t sz = eo_type_dim(x, d), got = eo_type_dim(y, i);
        if (sz == EO_DYNAMIC)
            continue;
        if (j >= 0 && sz % pk.tiles[j] && !pk.pad)
            return eo_op_error(op, "expects inner tile %lld to divide source "
                               "dimension %zu (%lld), or a 'padding_value'",
                               (long long)pk.tiles[j], d, (long long)sz);
        int64_t want = j >= 0 ? (sz + pk.tiles[j] - 1) / pk.tiles[j] : sz;
        if (got != EO_DYNAMIC && got != want)
            return eo_op_error(op, "expects out dimension %zu to be %lld, "
                               "got %lld", i, (long long)want,
                               (long long)got);
    }
    for (size_t j = 0; j < pk.k; j++) {
        int64_t got = eo_type_dim(y, pk.rank + j);
        if (got != pk.tiles[j])
            return eo_op_error(op, "expects out dimension %zu to be the inner "
                               "tile %lld", pk.rank + j,
                               (long long)pk.tiles[j]);
    }
    return EO_OK;
}

eo_status
eo_tl_pack_data(eo_op *op, const void *src, size_t src_size, void *dst,
                size_t dst_size)
{
    pack_info pk;
    if (tl_op_kind(op) != TL_PACK)
        return eo_op_error(op, "is not a tl.pack");
    if (tl_verify_pack(op) != EO_OK || get_pack(op, &pk) != EO_OK)
        return EO_ERROR;
    const eo_type *x = in_type(op, 0), *y = out_type(op);
    size_t esz = eo_dense_elem_bytes(tl_elem_type(x));
    size_t ry = tl_rank(y), nx = 1, ny = 1;
    for (size_t d = 0; d < pk.rank; d++) {
        if (eo_type_dim(x, d) == EO_DYNAMIC)
            return eo_op_error(op, "unsupported: packing a dynamic shape");
        nx *= (size_t)eo_type_dim(x, d);
    }
    for (size_t d = 0; d < ry; d++) {
        if (eo_type_dim(y, d) == EO_DYNAMIC)
            return eo_op_error(op, "unsupported: packing a dynamic shape");
        ny *= (size_t)eo_type_dim(y, d);
    }
    if (!esz || esz > 16 || src_size != nx * esz || dst_size != ny * esz)
        return eo_op_error(op, "expects %zu source and %zu packed bytes",
                           nx * esz, ny * esz);
    /* The padding value's bytes (little-endian), zero without one. */
    unsigned char pad[16] = {0};
    if (pk.pad) {
        uint64_t bits = eo_attr_get_kind(pk.pad) == EO_ATTR_FLOAT
                            ? eo_attr_float_bits(pk.pad)
                            : (uint64_t)eo_attr_int_value(pk.pad);
        for (size_t b = 0; b < esz && b < 8; b++)
            pad[b] = (unsigned char)(bits >> (8 * b));
    }
    int64_t xstr[EO_TL_MAX_LOOPS], idx[EO_TL_MAX_LOOPS] = {0};
    xstr[pk.rank - 1] = 1;
    for (size_t d = pk.rank - 1; d > 0; d--)
        xstr[d - 1] = xstr[d] * eo_type_dim(x, d);
    const unsigned char *in = src;
    unsigned char *out = dst;
    for (size_t e = 0; e < ny; e++) {
        int64_t off = 0;
        bool inside = true;
        for (size_t i = 0; i < pk.rank; i++) {
            size_t d = (size_t)pk.perm[i];
            int j = tile_of(&pk, d);
            int64_t v = j >= 0 ? idx[i] * pk.tiles[j] + idx[pk.rank + j]
                               : idx[i];
            inside = inside && v < eo_type_dim(x, d);
            off += v * xstr[d];
        }
        memcpy(out + e * esz, inside ? in + (size_t)off * esz : pad, esz);
        for (size_t i = ry; i-- > 0;)
            if (++idx[i] < eo_type_dim(y, i))
                break;
            else
                idx[i] = 0;
    }
    return EO_OK;
}

/* tl.requantize's parameters: n multipliers and shifts (n == 1: per
 * tensor, else per channel along 'axis'). */
typedef struct requant {
    size_t n;
    int64_t axis, zp, lo, hi;
    const eo_attr *mult, *shift;
} requant;

static eo_status
get_requant(eo_op *op, requant *r)
{
    r->mult = eo_op_attr(op, "multiplier");
    r->shift = eo_op_attr(op, "shift");
    if (eo_attr_get_kind(r->mult) != EO_ATTR_DENSE_ARRAY
        || !eo_type_is_signless_int(eo_attr_dense_array_elem(r->mult), 32)
        || eo_attr_get_kind(r->shift) != EO_ATTR_DENSE_ARRAY
        || !eo_type_is_signless_int(eo_attr_dense_array_elem(r->shift), 32)
        || eo_attr_dense_array_size(r->mult) == 0
        || eo_attr_dense_array_size(r->mult)
               != eo_attr_dense_array_size(r->shift))
        return eo_op_error(op, "expects 'multiplier' and 'shift' to be "
                           "non-empty array<i32> of the same size");
    r->n = eo_attr_dense_array_size(r->mult);
    for (size_t i = 0; i < r->n; i++) {
        int64_t m = eo_attr_dense_array_int(r->mult, i);
        int64_t s = eo_attr_dense_array_int(r->shift, i);
        if (m < 0)
            return eo_op_error(op, "expects non-negative multipliers");
        if (s < -31 || s > 30)
            return eo_op_error(op, "expects shifts in [-31, 30]");
    }
    /* Signed range of the (signless) out elements. */
    unsigned w = eo_type_int_width(tl_elem_type(out_type(op)));
    r->lo = -(INT64_C(1) << (w - 1));
    r->hi = (INT64_C(1) << (w - 1)) - 1;
    if (int_attr(op, "output_zp", 0, &r->zp) != EO_OK
        || int_attr(op, "channel_dim", -1, &r->axis) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

eo_status
tl_verify_requantize(eo_op *op)
{
    requant r;
    if (tl_verify_structured(op, 1, 1) != EO_OK)
        return EO_ERROR;
    const eo_type *x = in_type(op, 0), *y = out_type(op);
    if (check_ranks(op, tl_rank(y)) != EO_OK)
        return EO_ERROR;
    if (!eo_type_is_signless_int(tl_elem_type(x), 32))
        return eo_op_error(op, "expects i32 input elements");
    const eo_type *e = tl_elem_type(y);
    if (!eo_type_is_int(e) || eo_type_int_width(e) > 32
        || eo_type_int_width(e) < 2
        || eo_type_int_signedness(e) != EO_SIGNLESS)
        return eo_op_error(op, "expects signless integer out elements of 2 "
                           "to 32 bits");
    for (size_t d = 0; d < tl_rank(y); d++)
        if (same_dim(op, "requantized", x, d, y, d) != EO_OK)
            return EO_ERROR;
    if (get_requant(op, &r) != EO_OK)
        return EO_ERROR;
    if (r.zp < r.lo || r.zp > r.hi)
        return eo_op_error(op, "expects 'output_zp' within the out element "
                           "range [%lld, %lld]", (long long)r.lo,
                           (long long)r.hi);
    if (r.n > 1 || eo_op_attr(op, "channel_dim")) {
        if (r.axis < 0 || (size_t)r.axis >= tl_rank(y))
            return eo_op_error(op, "expects 'channel_dim' in [0, %zu) with "
                               "per-channel parameters", tl_rank(y));
        int64_t c = eo_type_dim(y, (size_t)r.axis);
        if (c != EO_DYNAMIC && r.n != 1 && (size_t)c != r.n)
            return eo_op_error(op, "expects %lld multipliers (the size of "
                               "dimension %lld), got %zu", (long long)c,
                               (long long)r.axis, r.n);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Generic forms: indexing maps and iterator types                     */
/* ------------------------------------------------------------------ */

/* The loop nest of a generic form being described. */
typedef struct spec {
    eo_ctx *ctx;
    unsigned nloops;
    bool red[EO_TL_MAX_LOOPS];
    size_t nmaps;
    const eo_affine_map *maps[EO_TL_MAX_OPERANDS];
    bool has_bounds;
    int64_t bounds[EO_TL_MAX_LOOPS];
    bool nomem;
} spec;

static const eo_affine_expr *
dim(spec *s, unsigned d)
{
    const eo_affine_expr *e = eo_affine_dim(s->ctx, d);
    if (!e)
        s->nomem = true;
    return e;
}

/* d_o * stride + d_k * dilation */
static const eo_affine_expr *
win(spec *s, unsigned o, int64_t stride, unsigned k, int64_t dil)
{
    const eo_affine_expr *a = dim(s, o), *b = dim(s, k);
    const eo_affine_expr *cs = eo_affine_const(s->ctx, stride);
    const eo_affine_expr *cd = eo_affine_const(s->ctx, dil);
    if (!a || !b || !cs || !cd)
        goto oom;
    a = eo_affine_mul(s->ctx, a, cs);
    b = eo_affine_mul(s->ctx, b, cd);
    if (!a || !b || !(a = eo_affine_add(s->ctx, a, b)))
        goto oom;
    return a;
oom:
    s->nomem = true;
    return NULL;
}

static void
add_map(spec *s, size_t n, const eo_affine_expr *const *r)
{
    for (size_t i = 0; i < n; i++)
        if (!r[i])
            s->nomem = true;
    const eo_affine_map *m = s->nomem ? NULL
                             : eo_affine_map_get(s->ctx, s->nloops, 0, n, r);
    if (!m)
        s->nomem = true;
    if (s->nmaps < EO_TL_MAX_OPERANDS)
        s->maps[s->nmaps++] = m;
}

/* A map selecting loop dims d[0..n). */
static void
add_dims(spec *s, size_t n, const unsigned *d)
{
    const eo_affine_expr *r[EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < n; i++)
        r[i] = dim(s, d[i]);
    add_map(s, n, r);
}

static void
add_identity(spec *s, size_t n)
{
    unsigned d[EO_TL_MAX_LOOPS] = {0};
    for (unsigned i = 0; i < n; i++)
        d[i] = i;
    add_dims(s, n, d);
}

static void
spec_matmul(spec *s)
{
    static const unsigned a[2] = {0, 2}, b[2] = {2, 1}, c[2] = {0, 1};
    s->nloops = 3;
    s->red[2] = true;
    add_dims(s, 2, a);
    add_dims(s, 2, b);
    add_dims(s, 2, c);
}

/* Conv, depthwise and pool. Loops: conv2d nchw_fchw n, f, oh, ow, c, kh,
 * kw; nhwc_hwcf n, oh, ow, f, kh, kw, c; depthwise and pool n, c, oh, ow,
 * kh, kw (channels first) or n, oh, ow, c, kh, kw (channels last). */
static void
spec_conv(spec *s, const window *w, enum tl_op kind)
{
    /* Loop positions of oh, ow and of the channel (f for conv2d). */
    unsigned oh = w->layout ? 1 : 2, ch = w->layout ? 3 : 1;
    unsigned kh = kind == TL_CONV2D && !w->layout ? 5 : 4;
    unsigned c = kind == TL_CONV2D ? (w->layout ? 6 : 4) : ch;
    const eo_affine_expr *hx = win(s, oh, w->s[0], kh, w->d[0]);
    const eo_affine_expr *wx = win(s, oh + 1, w->s[1], kh + 1, w->d[1]);
    const eo_affine_expr *x[4];
    s->nloops = kind == TL_CONV2D ? 7 : 6;
    for (unsigned i = 4; i < s->nloops; i++)
        s->red[i] = true;
    if (w->layout) {
        x[0] = dim(s, 0), x[1] = hx, x[2] = wx, x[3] = dim(s, c);
    } else {
        x[0] = dim(s, 0), x[1] = dim(s, c), x[2] = hx, x[3] = wx;
    }
    add_map(s, 4, x);
    if (kind == TL_CONV2D) {
        /* nchw_fchw: f[F,C,KH,KW]; nhwc_hwcf: f[KH,KW,C,F]. */
        unsigned f0[4] = {ch, c, kh, kh + 1}, f1[4] = {kh, kh + 1, c, ch};
        add_dims(s, 4, w->layout ? f1 : f0);
    } else if (kind == TL_DEPTHWISE_CONV2D) {
        unsigned f0[3] = {ch, kh, kh + 1}, f1[3] = {kh, kh + 1, ch};
        add_dims(s, 3, w->layout ? f1 : f0);
    } else {
        s->has_bounds = true;
        s->bounds[kh] = w->k[0];
        s->bounds[kh + 1] = w->k[1];
    }
    add_identity(s, 4);
}

/* Padded packs (a partial last tile) read the source at
 * (outer * tile + inner) mod size, always in bounds, and have one more in
 * per partial tile: a tensor<P x i8> mask (P = outer * tile, 1 on the
 * source's positions, 0 on the padding) indexed by outer * tile + inner;
 * the body yields the padding value where a mask is 0. */
static void
spec_pack(spec *s, const pack_info *pk)
{
    const eo_affine_expr *r[EO_TL_MAX_LOOPS];
    const eo_affine_expr *flat[EO_TL_MAX_LOOPS] = {NULL};
    s->nloops = (unsigned)(pk->rank + pk->k);
    for (size_t i = 0; i < pk->rank; i++) {
        size_t d = (size_t)pk->perm[i];
        int j = tile_of(pk, d);
        const eo_affine_expr *e = dim(s, (unsigned)i);
        if (j >= 0) {
            const eo_affine_expr *t = eo_affine_const(s->ctx, pk->tiles[j]);
            const eo_affine_expr *in = dim(s, (unsigned)(pk->rank + j));
            e = e && t ? eo_affine_mul(s->ctx, e, t) : NULL;
            e = e && in ? eo_affine_add(s->ctx, e, in) : NULL;
            flat[j] = e;
            if (e && pk->partial[j]) {
                const eo_affine_expr *n = eo_affine_const(s->ctx,
                                                          pk->size[j]);
                e = n ? eo_affine_mod(s->ctx, e, n) : NULL;
            }
            if (!e)
                s->nomem = true;
        }
        r[d] = e;
    }
    add_map(s, pk->rank, r);
    for (size_t j = 0; j < pk->k; j++)
        if (pk->partial[j])
            add_map(s, 1, &flat[j]);
    add_identity(s, s->nloops);
}

/* Fills 's' for named op 'op' (verified). */
static eo_status
make_spec(eo_op *op, spec *s)
{
    enum tl_op k = tl_op_kind(op);
    size_t rank = tl_rank(out_type(op));
    window w;
    pack_info pk;
    requant rq;
    memset(s, 0, sizeof *s);
    s->ctx = eo_op_ctx(op);
    switch (k) {
    case TL_MATMUL:
        spec_matmul(s);
        break;
    case TL_CONV2D:
    case TL_DEPTHWISE_CONV2D:
    case TL_POOL:
        if (get_window(op, k == TL_CONV2D ? conv_layouts
                           : k == TL_POOL ? pool_layouts : dw_layouts, &w)
            != EO_OK
            || (k == TL_POOL && pos_array(op, "window", 2, 1, w.k) != EO_OK))
            return EO_ERROR;
        spec_conv(s, &w, k);
        break;
    case TL_ELEMENTWISE:
    case TL_COPY:
        s->nloops = (unsigned)rank;
        for (size_t i = 0; i < eo_op_num_operands(op); i++)
            add_identity(s, rank);
        break;
    case TL_FILL:
        s->nloops = (unsigned)rank;
        add_map(s, 0, NULL);
        add_identity(s, rank);
        break;
    case TL_PACK:
        if (get_pack(op, &pk) != EO_OK)
            return EO_ERROR;
        spec_pack(s, &pk);
        break;
    case TL_REQUANTIZE:
        if (get_requant(op, &rq) != EO_OK)
            return EO_ERROR;
        s->nloops = (unsigned)rank;
        add_identity(s, rank);
        if (rq.n > 1) {
            unsigned ax = (unsigned)rq.axis;
            add_dims(s, 1, &ax);
            add_dims(s, 1, &ax);
        }
        add_identity(s, rank);
        break;
    default:
        return eo_op_error(op, "is not a named tl op");
    }
    if (s->nomem) {
        eo_emit_error(s->ctx, eo_op_loc(op), "out of memory");
        return EO_NOMEM;
    }
    return EO_OK;
}

/* The attributes of 's'. */
static eo_status
spec_attrs(eo_op *op, const spec *s, const eo_attr **maps,
           const eo_attr **iters, const eo_attr **bounds)
{
    eo_ctx *ctx = s->ctx;
    const eo_attr *m[EO_TL_MAX_OPERANDS], *it[EO_TL_MAX_LOOPS];
    const eo_attr *par = eo_attr_get_string(ctx, "parallel", 8, NULL);
    const eo_attr *red = eo_attr_get_string(ctx, "reduction", 9, NULL);
    bool ok = par && red;
    for (size_t i = 0; ok && i < s->nmaps; i++)
        ok = (m[i] = eo_attr_get_affine_map(ctx, s->maps[i])) != NULL;
    for (unsigned i = 0; ok && i < s->nloops; i++)
        it[i] = s->red[i] ? red : par;
    *maps = ok ? eo_attr_get_array(ctx, s->nmaps, m) : NULL;
    *iters = ok ? eo_attr_get_array(ctx, s->nloops, it) : NULL;
    *bounds = NULL;
    if (s->has_bounds && ok) {
        const eo_type *i64 = eo_type_get_int(ctx, 64);
        *bounds = i64 ? eo_attr_get_dense_array(ctx, i64, s->nloops,
                                                s->bounds) : NULL;
        ok = *bounds != NULL;
    }
    if (!ok || !*maps || !*iters) {
        eo_emit_error(ctx, eo_op_loc(op), "out of memory");
        return EO_NOMEM;
    }
    return EO_OK;
}

eo_status
eo_tl_named_maps(eo_op *named, const eo_attr **maps, const eo_attr **iters,
                 const eo_attr **loop_bounds)
{
    spec s;
    const eo_op_def *d = eo_op_get_def(named);
    enum tl_op k = tl_op_kind(named);
    *maps = *iters = *loop_bounds = NULL;
    if (k == TL_NUM_OPS || k == TL_GENERIC || k == TL_YIELD)
        return eo_op_error(named, "is not a named tl op");
    if (d->verify(named) != EO_OK)
        return EO_ERROR;
    eo_status st = make_spec(named, &s);
    if (st != EO_OK)
        return st;
    return spec_attrs(named, &s, maps, iters, loop_bounds);
}

/* ------------------------------------------------------------------ */
/* Generic forms: bodies                                               */
/* ------------------------------------------------------------------ */

static const eo_loc *
rw_loc(eo_rewriter *rw)
{
    return rw->root ? eo_op_loc(rw->root) : eo_loc_unknown(rw->b.ctx);
}

/* "name"(ops) {attr} : result type 't'; NULL if an operand is NULL or on
 * allocation failure. */
static eo_value *
mk(eo_rewriter *rw, const char *name, size_t n, eo_value *const *ops,
   const eo_type *t, const char *attr, const eo_attr *value)
{
    eo_op_state st;
    for (size_t i = 0; i < n; i++)
        if (!ops[i])
            return NULL;
    if (!t || (attr && !value))
        return NULL;
    eo_op_state_init(&st, rw->b.ctx, name, rw_loc(rw));
    if (eo_op_state_add_operands(&st, n, ops) != EO_OK
        || eo_op_state_add_result(&st, t) != EO_OK
        || (attr && eo_op_state_set_attr(&st, attr, value) != EO_OK)) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *o = eo_rewriter_create(rw, &st);
    return o ? eo_op_result(o, 0) : NULL;
}

static eo_value *
un(eo_rewriter *rw, const char *name, eo_value *a)
{
    return a ? mk(rw, name, 1, &a, eo_value_type(a), NULL, NULL) : NULL;
}

static eo_value *
bin(eo_rewriter *rw, const char *name, eo_value *a, eo_value *b)
{
    eo_value *v[2] = {a, b};
    return a ? mk(rw, name, 2, v, eo_value_type(a), NULL, NULL) : NULL;
}

static eo_value *
cast(eo_rewriter *rw, const char *name, eo_value *a, const eo_type *t)
{
    return mk(rw, name, 1, &a, t, NULL, NULL);
}

static eo_value *
cst_int(eo_rewriter *rw, const eo_type *t, int64_t v)
{
    return mk(rw, "arith.constant", 0, NULL, t, "value",
              eo_attr_get_int(rw->b.ctx, t, v));
}

static eo_value *
cst_float(eo_rewriter *rw, const eo_type *t, double v)
{
    return mk(rw, "arith.constant", 0, NULL, t, "value",
              eo_attr_get_float(rw->b.ctx, t, v));
}

static eo_value *
cmpi(eo_rewriter *rw, enum arith_cmpi_pred p, eo_value *a, eo_value *b)
{
    eo_ctx *ctx = rw->b.ctx;
    eo_value *v[2] = {a, b};
    return mk(rw, "arith.cmpi", 2, v, eo_type_get_int(ctx, 1), "predicate",
              eo_attr_get_int(ctx, eo_type_get_int(ctx, 64), p));
}

static eo_value *
sel(eo_rewriter *rw, eo_value *c, eo_value *a, eo_value *b)
{
    eo_value *v[3] = {c, a, b};
    return a ? mk(rw, "arith.select", 3, v, eo_value_type(a), NULL, NULL)
             : NULL;
}

/* An integer 'a' sign-extended to 't' (no-op when as wide) minus 'zp'. */
static eo_value *
widen(eo_rewriter *rw, eo_value *a, const eo_type *t, int64_t zp)
{
    if (eo_type_int_width(eo_value_type(a)) < eo_type_int_width(t))
        a = cast(rw, "arith.extsi", a, t);
    if (zp)
        a = bin(rw, "arith.subi", a, cst_int(rw, t, zp));
    return a;
}

/* acc + a * b, with integer ins widened and zero points subtracted. */
static eo_value *
body_mac(eo_rewriter *rw, eo_op *op, eo_value *const *args,
         const char *zp0, const char *zp1)
{
    eo_value *a = args[0], *b = args[1], *acc = args[2];
    const eo_type *t = eo_value_type(acc);
    if (eo_type_is_float(t))
        return bin(rw, "arith.addf", acc, bin(rw, "arith.mulf", a, b));
    int64_t za, zb;
    if (int_attr(op, zp0, 0, &za) != EO_OK
        || int_attr(op, zp1, 0, &zb) != EO_OK)
        return NULL;
    a = widen(rw, a, t, za);
    b = widen(rw, b, t, zb);
    return bin(rw, "arith.addi", acc, bin(rw, "arith.muli", a, b));
}

static eo_value *
body_pool(eo_rewriter *rw, eo_op *op, eo_value *const *args)
{
    int kind = str_choice(op, "kind", pool_kinds, 0);
    eo_value *x = args[0], *acc = args[1];
    bool f = eo_type_is_float(eo_value_type(x));
    int64_t k[2];
    switch (kind) {
    case POOL_MAX:
        return bin(rw, f ? "arith.maximumf" : "arith.maxsi", acc, x);
    case POOL_MIN:
        return bin(rw, f ? "arith.minimumf" : "arith.minsi", acc, x);
    case POOL_SUM:
        return bin(rw, f ? "arith.addf" : "arith.addi", acc, x);
    case POOL_AVG:
        if (pos_array(op, "window", 2, 1, k) != EO_OK)
            return NULL;
        x = bin(rw, "arith.mulf", x,
                cst_float(rw, eo_value_type(x), 1.0 / (double)(k[0] * k[1])));
        return bin(rw, "arith.addf", acc, x);
    default:
        return NULL;
    }
}

static eo_value *
body_elementwise(eo_rewriter *rw, eo_op *op, eo_value *const *args)
{
    int kind = str_choice(op, "kind", ew_kinds, 0);
    eo_value *x = args[0], *y = args[1];
    const eo_type *t = eo_value_type(x);
    bool f = eo_type_is_float(t);
    switch (kind) {
    case EW_ADD:
        return bin(rw, f ? "arith.addf" : "arith.addi", x, y);
    case EW_SUB:
        return bin(rw, f ? "arith.subf" : "arith.subi", x, y);
    case EW_MUL:
        return bin(rw, f ? "arith.mulf" : "arith.muli", x, y);
    case EW_DIV:
        return bin(rw, f ? "arith.divf" : "arith.divsi", x, y);
    case EW_MAX:
        return bin(rw, f ? "arith.maximumf" : "arith.maxsi", x, y);
    case EW_MIN:
        return bin(rw, f ? "arith.minimumf" : "arith.minsi", x, y);
    case EW_RELU:
        return bin(rw, f ? "arith.maximumf" : "arith.maxsi", x,
                   f ? cst_float(rw, t, 0.0) : cst_int(rw, t, 0));
    case EW_NEG:
        return f ? un(rw, "arith.negf", x)
                 : bin(rw, "arith.subi", cst_int(rw, t, 0), x);
    case EW_ABS:
        return un(rw, f ? "math.absf" : "math.absi", x);
    case EW_EXP:
        return un(rw, "math.exp", x);
    case EW_TANH:
        return un(rw, "math.tanh", x);
    case EW_SQRT:
        return un(rw, "math.sqrt", x);
    case EW_SIGMOID: {
        /* 1 / (1 + exp(-x)) */
        eo_value *one = cst_float(rw, t, 1.0);
        eo_value *e = un(rw, "math.exp", un(rw, "arith.negf", x));
        return bin(rw, "arith.divf", one, bin(rw, "arith.addf", one, e));
    }
    default:
        return NULL;
    }
}

/* eo_quant_apply_multiplier in i64 arithmetic (see quant_fixed.c):
 * x' = sat32(x << max(s, 0)); hi = (x' * q + nudge) / 2^31 (truncating,
 * nudge = 2^30 or 1 - 2^30 by sign); then a rounding (half away from
 * zero) shift right by max(-s, 0); then + zp, clamped to the out range. */
static eo_value *
body_requantize(eo_rewriter *rw, eo_op *op, eo_value *const *args)
{
    eo_ctx *ctx = rw->b.ctx;
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    requant r;
    if (get_requant(op, &r) != EO_OK || !i64)
        return NULL;
    eo_value *x = cast(rw, "arith.extsi", args[0], i64), *q, *s, *y;
    if (r.n > 1) {
        q = cast(rw, "arith.extsi", args[1], i64);
        s = cast(rw, "arith.extsi", args[2], i64);
        y = args[3];
    } else {
        q = cst_int(rw, i64, eo_attr_dense_array_int(r.mult, 0));
        s = cst_int(rw, i64, eo_attr_dense_array_int(r.shift, 0));
        y = args[1];
    }
    eo_value *c0 = cst_int(rw, i64, 0), *c1 = cst_int(rw, i64, 1);
    eo_value *left = bin(rw, "arith.maxsi", s, c0);
    eo_value *right = bin(rw, "arith.maxsi", bin(rw, "arith.subi", c0, s),
                          c0);
    x = bin(rw, "arith.shli", x, left);
    x = bin(rw, "arith.maxsi", x, cst_int(rw, i64, INT32_MIN));
    x = bin(rw, "arith.minsi", x, cst_int(rw, i64, INT32_MAX));
    eo_value *ab = bin(rw, "arith.muli", x, q);
    eo_value *nudge = sel(rw, cmpi(rw, ARITH_CMPI_SLT, ab, c0),
                          cst_int(rw, i64, 1 - (INT64_C(1) << 30)),
                          cst_int(rw, i64, INT64_C(1) << 30));
    eo_value *hi = bin(rw, "arith.divsi", bin(rw, "arith.addi", ab, nudge),
                       cst_int(rw, i64, INT64_C(1) << 31));
    eo_value *mask = bin(rw, "arith.subi", bin(rw, "arith.shli", c1, right),
                         c1);
    eo_value *rem = bin(rw, "arith.andi", hi, mask);
    eo_value *thr = bin(rw, "arith.addi", bin(rw, "arith.shrsi", mask, c1),
                        sel(rw, cmpi(rw, ARITH_CMPI_SLT, hi, c0), c1, c0));
    eo_value *res = bin(rw, "arith.addi", bin(rw, "arith.shrsi", hi, right),
                        sel(rw, cmpi(rw, ARITH_CMPI_SGT, rem, thr), c1, c0));
    res = bin(rw, "arith.addi", res, cst_int(rw, i64, r.zp));
    res = bin(rw, "arith.maxsi", res, cst_int(rw, i64, r.lo));
    res = bin(rw, "arith.minsi", res, cst_int(rw, i64, r.hi));
    return y ? cast(rw, "arith.trunci", res, eo_value_type(y)) : NULL;
}

/* A padded pack: the source element where every mask (args[1..]) is
 * non-zero, else the padding value. */
static eo_value *
body_pack(eo_rewriter *rw, eo_op *op, eo_value *const *args)
{
    pack_info pk;
    if (get_pack(op, &pk) != EO_OK)
        return NULL;
    eo_value *v = args[0];
    if (!pk.npartial)
        return v;
    const eo_type *e = eo_value_type(v);
    eo_value *pad = mk(rw, "arith.constant", 0, NULL, e, "value", pk.pad);
    for (size_t j = 0; j < pk.npartial; j++) {
        eo_value *m = args[1 + j];
        eo_value *c = cmpi(rw, ARITH_CMPI_NE, m,
                           cst_int(rw, eo_value_type(m), 0));
        v = sel(rw, c, v, pad);
    }
    return v;
}

static eo_value *
make_body(eo_rewriter *rw, eo_op *op, eo_value *const *args)
{
    switch (tl_op_kind(op)) {
    case TL_PACK:
        return body_pack(rw, op, args);
    case TL_MATMUL:
        return body_mac(rw, op, args, "lhs_zp", "rhs_zp");
    case TL_CONV2D:
    case TL_DEPTHWISE_CONV2D:
        return body_mac(rw, op, args, "input_zp", "filter_zp");
    case TL_POOL:
        return body_pool(rw, op, args);
    case TL_ELEMENTWISE:
        return body_elementwise(rw, op, args);
    case TL_REQUANTIZE:
        return body_requantize(rw, op, args);
    default:          /* fill, copy: the in element */
        return args[0];
    }
}

/* The per-channel multipliers or shifts of a tl.requantize as an
 * arith.constant tensor<n x i32>. */
static eo_value *
channel_constant(eo_rewriter *rw, const eo_attr *arr)
{
    eo_ctx *ctx = rw->b.ctx;
    int64_t n = (int64_t)eo_attr_dense_array_size(arr);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *t = i32 ? eo_type_get_tensor(ctx, 1, &n, i32, NULL)
                           : NULL;
    const eo_attr *v = t ? eo_attr_get_dense(ctx, t,
                                             eo_attr_dense_array_data(arr),
                                             (size_t)n * 4, false)
                         : NULL;
    return t ? mk(rw, "arith.constant", 0, NULL, t, "value", v) : NULL;
}

/* The masks of a padded tl.pack's generic form (see spec_pack) as
 * arith.constant tensor<P x i8>, into ins[1..]; the count in *n. */
static eo_status
pack_masks(eo_rewriter *rw, eo_op *named, eo_value **ins, size_t *n)
{
    eo_ctx *ctx = rw->b.ctx;
    pack_info pk;
    *n = 0;
    if (get_pack(named, &pk) != EO_OK)
        return EO_ERROR;
    if (pk.npartial
        && eo_type_get_kind(eo_value_type(eo_tl_out(named, 0)))
               != EO_TYPE_TENSOR)
        return eo_op_error(named, "unsupported: the generic form of a "
                           "padded tl.pack needs tensors (generalize or "
                           "fold it before bufferization)");
    const eo_type *i8 = eo_type_get_int(ctx, 8);
    for (size_t j = 0; j < pk.k; j++) {
        if (!pk.partial[j])
            continue;
        int64_t p = (pk.size[j] + pk.tiles[j] - 1) / pk.tiles[j]
                    * pk.tiles[j];
        unsigned char *m = malloc((size_t)p);
        const eo_type *t = i8 ? eo_type_get_tensor(ctx, 1, &p, i8, NULL)
                              : NULL;
        const eo_attr *a = NULL;
        if (m && t) {
            for (int64_t i = 0; i < p; i++)
                m[i] = i < pk.size[j];
            a = eo_attr_get_dense(ctx, t, m, (size_t)p, false);
        }
        free(m);
        eo_value *v = a ? mk(rw, "arith.constant", 0, NULL, t, "value", a)
                        : NULL;
        if (!v) {
            eo_emit_error(ctx, eo_op_loc(named), "out of memory");
            return EO_NOMEM;
        }
        ins[1 + (*n)++] = v;
    }
    return EO_OK;
}

eo_op *
eo_tl_named_to_generic(eo_rewriter *rw, eo_op *named)
{
    const eo_attr *maps, *iters, *bounds;
    eo_ctx *ctx = eo_op_ctx(named);
    if (eo_tl_named_maps(named, &maps, &iters, &bounds) != EO_OK)
        return NULL;
    eo_value *ins[EO_TL_MAX_OPERANDS], *outs[1], *args[EO_TL_MAX_OPERANDS];
    size_t nins = eo_tl_num_ins(named);
    for (size_t i = 0; i < nins; i++)
        ins[i] = eo_tl_in(named, i);
    outs[0] = eo_tl_out(named, 0);
    if (tl_op_kind(named) == TL_PACK) {
        size_t nm;
        if (pack_masks(rw, named, ins, &nm) != EO_OK)
            return NULL;
        nins += nm;
    }
    if (tl_op_kind(named) == TL_REQUANTIZE) {
        requant r;
        if (get_requant(named, &r) != EO_OK)
            return NULL;
        if (r.n > 1) {
            if (eo_type_get_kind(eo_value_type(outs[0])) != EO_TYPE_TENSOR) {
                eo_op_error(named, "unsupported: the generic form of a "
                            "per-channel tl.requantize needs tensors "
                            "(generalize before bufferization)");
                return NULL;
            }
            ins[1] = channel_constant(rw, r.mult);
            ins[2] = channel_constant(rw, r.shift);
            nins = 3;
            if (!ins[1] || !ins[2])
                goto oom;
        }
    }
    eo_op *g = eo_tl_generic_build(rw, nins, ins, 1, outs, maps, iters);
    if (!g)
        return NULL;
    if (bounds && eo_op_set_attr(g, "loop_bounds", bounds) != EO_OK) {
        eo_rewriter_erase_op(rw, g);
        goto oom;
    }
    eo_block *body = eo_region_first(eo_op_region(g, 0));
    for (size_t i = 0; i <= nins; i++)
        args[i] = eo_block_arg(body, i);
    eo_builder saved = rw->b;
    eo_builder_set_end(&rw->b, body);
    eo_value *y = make_body(rw, named, args);
    eo_op_state st;
    eo_op_state_init(&st, ctx, "tl.yield", rw_loc(rw));
    eo_op *yop = NULL;
    if (y && eo_op_state_add_operand(&st, y) == EO_OK)
        yop = eo_rewriter_create(rw, &st);
    else
        eo_op_state_release(&st);
    rw->b = saved;
    if (!yop) {
        eo_rewriter_erase_op(rw, g);
        goto oom;
    }
    return g;
oom:
    eo_emit_error(ctx, eo_op_loc(named), "out of memory building the generic "
                  "form of '%s'", eo_op_name_str(named));
    return NULL;
}

/* ------------------------------------------------------------------ */
/* tl-generalize                                                       */
/* ------------------------------------------------------------------ */

static eo_rewrite_result
generalize(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    enum tl_op k = tl_op_kind(op);
    if (k == TL_NUM_OPS || k == TL_GENERIC || k == TL_YIELD)
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_op *g = eo_tl_named_to_generic(rw, op);
    if (!g)
        return EO_REWRITE_FAILED;
    eo_value *res[1] = {NULL};
    if (eo_op_num_results(op))
        res[0] = eo_op_result(g, 0);
    eo_rewriter_replace_op(rw, op, res);
    return EO_REWRITE_APPLIED;
}

#define GEN(op) {"tl.generalize-" op, "tl." op, 1, generalize, NULL}
const eo_pattern eo_tl_generalize_patterns[] = {
    GEN("matmul"), GEN("conv2d"), GEN("depthwise_conv2d"), GEN("pool"),
    GEN("elementwise"), GEN("fill"), GEN("copy"), GEN("pack"),
    GEN("requantize"),
    {NULL, NULL, 0, NULL, NULL},
};

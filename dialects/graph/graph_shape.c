/* dialects/graph/graph_shape.c - shape inference of the graph dialect
 * (ONNX semantics, docs/graph-dialect.md), the resolved conv/pool record
 * (eo_graph_conv_params) and the fused activation record. Every consumer
 * gets defaults, negative axes and auto_pad resolved here, in one place.
 */
#include "dialects/graph/graph_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define R EO_GRAPH_MAX_RANK

/* ------------------------------------------------------------------ */
/* Attribute readers                                                   */
/* ------------------------------------------------------------------ */

static const eo_attr *
dict_get(const eo_attr *d, const char *name)
{
    return d && eo_attr_get_kind(d) == EO_ATTR_DICT ? eo_attr_dict_get(d, name)
                                                     : NULL;
}

static bool
is_int_array(const eo_attr *a)
{
    return a && eo_attr_get_kind(a) == EO_ATTR_DENSE_ARRAY &&
           eo_type_is_int(eo_attr_dense_array_elem(a)) &&
           eo_type_int_width(eo_attr_dense_array_elem(a)) > 1;
}

long
graph_dict_ints(const eo_attr *d, const char *name, int64_t *out, size_t max)
{
    const eo_attr *a = dict_get(d, name);
    if (!is_int_array(a))
        return -1;
    size_t n = eo_attr_dense_array_size(a);
    for (size_t i = 0; i < n && i < max; i++)
        out[i] = eo_attr_dense_array_int(a, i);
    return (long)n;
}

int64_t
graph_dict_int(const eo_attr *d, const char *name, int64_t def)
{
    const eo_attr *a = dict_get(d, name);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER || eo_attr_is_bool(a))
        return def;
    return eo_attr_int_value(a);
}

double
graph_dict_float(const eo_attr *d, const char *name, double def)
{
    const eo_attr *a = dict_get(d, name);
    if (a && eo_attr_get_kind(a) == EO_ATTR_FLOAT)
        return eo_attr_float_value(a);
    if (a && eo_attr_get_kind(a) == EO_ATTR_INTEGER && !eo_attr_is_bool(a))
        return (double)eo_attr_int_value(a);
    return def;
}

bool
graph_dict_bool(const eo_attr *d, const char *name, bool def)
{
    const eo_attr *a = dict_get(d, name);
    if (!a || !eo_attr_is_bool(a))
        return def;
    return eo_attr_int_value(a) != 0;
}

const char *
graph_dict_str(const eo_attr *d, const char *name, const char *def)
{
    const eo_attr *a = dict_get(d, name);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING)
        return def;
    size_t len;
    const char *s = eo_attr_string(a, &len);
    return s && strlen(s) == len ? s : def;
}

bool
graph_static_tensor(const eo_type *t)
{
    if (!t || eo_type_get_kind(t) != EO_TYPE_TENSOR || eo_type_rank(t) > R)
        return false;
    for (size_t i = 0; i < eo_type_rank(t); i++)
        if (eo_type_dim(t, i) < 0)
            return false;
    return true;
}

/* ------------------------------------------------------------------ */
/* Inference state and errors                                          */
/* ------------------------------------------------------------------ */

typedef struct sctx {
    eo_ctx *ctx;
    const eo_loc *loc;
    eo_graph_op k;
    const eo_attr *attrs;
    size_t nops;
    const eo_type *const *ops;
} sctx;

/* "'graph.x' op <msg>" at the op's location; returns EO_ERROR. */
static eo_status EO_PRINTF(2, 3)
fail(sctx *s, const char *fmt, ...)
{
    char buf[640];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    const char *name = eo_graph_op_name(s->k);
    return eo_emit_error(s->ctx, s->loc, "'%s' op %s", name ? name : "graph",
                         buf);
}

/* "[1, 8, 48, 48]" */
static void
fmt_shape(char *buf, size_t cap, size_t rank, const int64_t *d)
{
    size_t n = 0;
    n += (size_t)snprintf(buf + n, cap - n, "[");
    for (size_t i = 0; i < rank && n < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s%lld", i ? ", " : "",
                              (long long)d[i]);
    if (n < cap)
        snprintf(buf + n, cap - n, "]");
}

/* Operand i's shape (checked static, ranked). */
static eo_status
operand_shape(sctx *s, size_t i, size_t *rank, int64_t d[R])
{
    const eo_type *t = s->ops[i];
    if (!t || eo_type_get_kind(t) != EO_TYPE_TENSOR) {
        eo_strbuf b = {0};
        if (t)
            eo_type_print(t, &b);
        eo_status st = fail(s, "operand #%zu must be a ranked tensor, but "
                            "got '%.*s'", i, (int)b.len,
                            b.data ? b.data : "");
        eo_strbuf_free(&b);
        return st;
    }
    if (eo_type_rank(t) > R)
        return fail(s, "operand #%zu has rank %zu, more than the %d "
                    "supported", i, eo_type_rank(t), R);
    *rank = eo_type_rank(t);
    for (size_t j = 0; j < *rank; j++) {
        d[j] = eo_type_dim(t, j);
        if (d[j] < 0)
            return fail(s, "operand #%zu has a dynamic dimension (dim %zu); "
                        "graph ops need static shapes", i, j);
    }
    return EO_OK;
}

/* An integer-list attribute: absent -> *n = 0 and false; present with the
 * wrong kind or more than 'max' entries -> error. */
static eo_status
ints_attr(sctx *s, const char *name, int64_t *out, size_t max, size_t *n,
          bool *present)
{
    const eo_attr *a = dict_get(s->attrs, name);
    *n = 0;
    *present = a != NULL;
    if (!a)
        return EO_OK;
    if (!is_int_array(a))
        return fail(s, "attribute '%s' must be an integer array "
                    "(array<i64: ...>)", name);
    size_t len = eo_attr_dense_array_size(a);
    if (len > max)
        return fail(s, "attribute '%s' has %zu entries, expected at most %zu",
                    name, len, max);
    for (size_t i = 0; i < len; i++)
        out[i] = eo_attr_dense_array_int(a, i);
    *n = len;
    return EO_OK;
}

/* An exactly-'want'-entry list with default 'def' for each entry; every
 * entry must be >= 'min'. */
static eo_status
fixed_ints(sctx *s, const char *name, int64_t *out, size_t want, int64_t def,
           int64_t min)
{
    size_t n;
    bool present;
    int64_t tmp[2 * R];
    if (ints_attr(s, name, tmp, 2 * R, &n, &present) != EO_OK)
        return EO_ERROR;
    if (!present) {
        for (size_t i = 0; i < want; i++)
            out[i] = def;
        return EO_OK;
    }
    if (n != want)
        return fail(s, "attribute '%s' must have %zu entries, but has %zu",
                    name, want, n);
    for (size_t i = 0; i < want; i++) {
        if (tmp[i] < min)
            return fail(s, "attribute '%s' entry %zu must be %s, but is "
                        "%lld", name, i, min > 0 ? "positive"
                                                 : "non-negative",
                        (long long)tmp[i]);
        out[i] = tmp[i];
    }
    return EO_OK;
}

/* Axis 'a' normalized into [0, rank); error naming 'what' if out of
 * range. */
static eo_status
norm_axis(sctx *s, const char *what, int64_t a, size_t rank, size_t *out)
{
    int64_t r = (int64_t)rank;
    if (a < -r || a >= r)
        return fail(s, "%s %lld is out of range for rank %zu", what,
                    (long long)a, rank);
    *out = (size_t)(a < 0 ? a + r : a);
    return EO_OK;
}

/* A list of unique axes in range, normalized into mask[] (true = listed). */
static eo_status
axes_mask(sctx *s, const int64_t *axes, size_t n, size_t rank, bool mask[R])
{
    for (size_t i = 0; i < R; i++)
        mask[i] = false;
    for (size_t i = 0; i < n; i++) {
        size_t a = 0;
        if (norm_axis(s, "axis", axes[i], rank, &a) != EO_OK)
            return EO_ERROR;
        if (mask[a])
            return fail(s, "axis %lld appears twice in 'axes'",
                        (long long)axes[i]);
        mask[a] = true;
    }
    return EO_OK;
}


/* ------------------------------------------------------------------ */
/* Convolution and pooling geometry                                    */
/* ------------------------------------------------------------------ */

static bool
streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

enum { PAD_NOTSET, PAD_VALID, PAD_SAME_UPPER, PAD_SAME_LOWER };

static eo_status
auto_pad_of(sctx *s, int *out)
{
    const char *ap = graph_dict_str(s->attrs, "auto_pad", "NOTSET");
    if (streq(ap, "NOTSET"))
        *out = PAD_NOTSET;
    else if (streq(ap, "VALID"))
        *out = PAD_VALID;
    else if (streq(ap, "SAME_UPPER"))
        *out = PAD_SAME_UPPER;
    else if (streq(ap, "SAME_LOWER"))
        *out = PAD_SAME_LOWER;
    else
        return fail(s, "attribute 'auto_pad' must be one of NOTSET, VALID, "
                    "SAME_UPPER, SAME_LOWER, but is \"%s\"", ap);
    return EO_OK;
}

static int64_t
ceil_div(int64_t a, int64_t b)
{
    return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

static int64_t
floor_div(int64_t a, int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* a + b, a * b without overflow (false if the result does not fit). */
static bool
add_ok(int64_t a, int64_t b, int64_t *out)
{
    return !__builtin_add_overflow(a, b, out);
}

static bool
mul_ok(int64_t a, int64_t b, int64_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

static eo_status
too_large(sctx *s, int i)
{
    return fail(s, "sizes along %s overflow 64 bits", i ? "W" : "H");
}

/* Spatial dim i (0: h, 1: w) of a conv or pool: resolves the padding
 * and the output size. */
static eo_status
spatial(sctx *s, eo_graph_conv *c, int i, int ap, bool ceil_mode)
{
    int64_t in = i ? c->w : c->h;
    int64_t k = i ? c->kw : c->kh;
    int64_t st = c->stride[i], dil = c->dilation[i];
    int64_t ek, out, t;                 /* ek: effective kernel extent */
    if (!mul_ok(dil, k - 1, &ek) || !add_ok(ek, 1, &ek))
        return too_large(s, i);
    if (ap == PAD_SAME_UPPER || ap == PAD_SAME_LOWER) {
        int64_t total;
        out = ceil_div(in, st);
        if (!mul_ok(out - 1, st, &t) || !add_ok(t, ek, &t) ||
            !add_ok(t, -in, &total))
            return too_large(s, i);
        if (total < 0)
            total = 0;
        int64_t small = total / 2, big = total - total / 2;
        c->pad[i] = ap == PAD_SAME_UPPER ? small : big;
        c->pad[i + 2] = ap == PAD_SAME_UPPER ? big : small;
    } else {
        int64_t padded, span;
        if (ap == PAD_VALID)
            c->pad[i] = c->pad[i + 2] = 0;
        if (!add_ok(in, c->pad[i], &padded) ||
            !add_ok(padded, c->pad[i + 2], &padded))
            return too_large(s, i);
        span = padded - ek;
        if (span < 0)
            return fail(s, "%s window (extent %lld) does not fit in the "
                        "padded input (size %lld) along %s",
                        s->k == GRAPH_CONV2D ? "kernel" : "pooling",
                        (long long)ek, (long long)padded, i ? "W" : "H");
        out = (ceil_mode ? ceil_div(span, st) : floor_div(span, st)) + 1;
        /* ONNX/PyTorch: with ceil_mode the last window must start inside
         * the input or the left padding ((out - 1) * st <= span here). */
        if (ceil_mode && (!mul_ok(out - 1, st, &t) || t >= in + c->pad[i]))
            out--;
    }
    if (i)
        c->wo = out;
    else
        c->ho = out;
    return EO_OK;
}

/* conv_transpose2d spatial dim i. */
static eo_status
spatial_transpose(sctx *s, eo_graph_conv *c, int i, int ap)
{
    int64_t in = i ? c->w : c->h;
    int64_t k = i ? c->kw : c->kh;
    int64_t st = c->stride[i], dil = c->dilation[i];
    int64_t full, t, out;
    /* full = st * (in - 1) + output_padding + (k - 1) * dil + 1 */
    if (!mul_ok(st, in - 1, &full) ||
        !add_ok(full, c->output_padding[i], &full) ||
        !mul_ok(k - 1, dil, &t) || !add_ok(full, t, &full) ||
        !add_ok(full, 1, &full))
        return too_large(s, i);
    if (ap == PAD_SAME_UPPER || ap == PAD_SAME_LOWER) {
        if (!mul_ok(in, st, &out))
            return too_large(s, i);
        int64_t total = full - out;
        if (total < 0)
            return fail(s, "auto_pad %s with a stride larger than the "
                        "kernel extent plus output_padding is not "
                        "supported", ap == PAD_SAME_UPPER ? "SAME_UPPER"
                                                          : "SAME_LOWER");
        int64_t small = total / 2, big = total - total / 2;
        c->pad[i] = ap == PAD_SAME_UPPER ? small : big;
        c->pad[i + 2] = ap == PAD_SAME_UPPER ? big : small;
    } else {
        if (ap == PAD_VALID)
            c->pad[i] = c->pad[i + 2] = 0;
        /* pads are non-negative: no overflow below. */
        out = full - c->pad[i] - c->pad[i + 2];
    }
    if (out < 1)
        return fail(s, "output size %lld along %s is not positive",
                    (long long)out, i ? "W" : "H");
    if (i)
        c->wo = out;
    else
        c->ho = out;
    return EO_OK;
}

/* Resolves conv2d / conv_transpose2d / pools into 'c' from s->ops and
 * s->attrs. */
static eo_status
resolve_conv(sctx *s, eo_graph_conv *c)
{
    size_t xr, wr = 0;
    int64_t x[R], w[R];
    memset(c, 0, sizeof(*c));
    if (operand_shape(s, 0, &xr, x) != EO_OK)
        return EO_ERROR;
    bool is_conv = s->k == GRAPH_CONV2D || s->k == GRAPH_CONV_TRANSPOSE2D;
    bool global = s->k == GRAPH_GLOBAL_AVG_POOL ||
                  s->k == GRAPH_GLOBAL_MAX_POOL;
    const char *layout = graph_dict_str(s->attrs, "layout", "NCHW");
    if (!streq(layout, "NCHW") && !streq(layout, "NHWC"))
        return fail(s, "attribute 'layout' must be \"NCHW\" or \"NHWC\", but "
                    "is \"%s\"", layout);
    c->nhwc = streq(layout, "NHWC");
    if (c->nhwc && s->k == GRAPH_CONV_TRANSPOSE2D)
        return fail(s, "supports only the NCHW layout");
    if (xr != 4)
        return fail(s, "expects a 4-D input, but operand #0 has rank %zu", xr);
    c->n = x[0];
    c->c = c->nhwc ? x[3] : x[1];
    c->h = c->nhwc ? x[1] : x[2];
    c->w = c->nhwc ? x[2] : x[3];
    c->groups = 1;
    c->stride[0] = c->stride[1] = 1;
    c->dilation[0] = c->dilation[1] = 1;
    if (global) {
        c->o = c->c;
        c->kh = c->h;
        c->kw = c->w;
        c->ho = c->wo = 1;
        return EO_OK;
    }
    int ap = PAD_NOTSET;
    if (auto_pad_of(s, &ap) != EO_OK ||
        fixed_ints(s, "strides", c->stride, 2, 1, 1) != EO_OK ||
        fixed_ints(s, "pads", c->pad, 4, 0, 0) != EO_OK)
        return EO_ERROR;
    if (s->k != GRAPH_AVG_POOL &&
        fixed_ints(s, "dilations", c->dilation, 2, 1, 1) != EO_OK)
        return EO_ERROR;
    if (ap != PAD_NOTSET &&
        (c->pad[0] || c->pad[1] || c->pad[2] || c->pad[3]))
        return fail(s, "attribute 'pads' must be zero when 'auto_pad' is "
                    "not NOTSET");
    if (!is_conv) {
        int64_t kern[2];
        size_t n;
        bool present;
        if (ints_attr(s, "kernel", kern, 2, &n, &present) != EO_OK)
            return EO_ERROR;
        if (!present)
            return fail(s, "requires attribute 'kernel'");
        if (fixed_ints(s, "kernel", kern, 2, 1, 1) != EO_OK)
            return EO_ERROR;
        c->kh = kern[0];
        c->kw = kern[1];
        c->o = c->c;
        /* As onnxruntime: every window then holds an input element. */
        for (int i = 0; i < 4; i++)
            if (c->pad[i] >= kern[i % 2])
                return fail(s, "attribute 'pads' entry %d (%lld) must be "
                            "smaller than the kernel (%lld)", i,
                            (long long)c->pad[i], (long long)kern[i % 2]);
        c->ceil_mode = graph_dict_bool(s->attrs, "ceil_mode", false);
        c->count_include_pad =
            graph_dict_bool(s->attrs, "count_include_pad", false);
        for (int i = 0; i < 2; i++)
            if (spatial(s, c, i, ap, c->ceil_mode) != EO_OK)
                return EO_ERROR;
        return EO_OK;
    }
    /* Convolutions: the filter. */
    if (s->nops < 2 || operand_shape(s, 1, &wr, w) != EO_OK)
        return s->nops < 2 ? fail(s, "expects a filter operand") : EO_ERROR;
    if (wr != 4)
        return fail(s, "expects a 4-D filter, but operand #1 has rank %zu",
                    wr);
    c->groups = graph_dict_int(s->attrs, "groups", 1);
    if (c->groups < 1)
        return fail(s, "attribute 'groups' must be positive, but is %lld",
                    (long long)c->groups);
    if (c->c % c->groups != 0)
        return fail(s, "attribute 'groups' (%lld) must divide the input "
                    "channels (%lld)", (long long)c->groups,
                    (long long)c->c);
    if (s->k == GRAPH_CONV2D) {
        int64_t ci = c->nhwc ? w[3] : w[1];
        c->o = w[0];
        c->kh = c->nhwc ? w[1] : w[2];
        c->kw = c->nhwc ? w[2] : w[3];
        int64_t cg;
        if (!mul_ok(ci, c->groups, &cg) || cg != c->c)
            return fail(s, "filter has %lld input channels per group, but "
                        "the input has %lld channels in %lld group(s)",
                        (long long)ci, (long long)c->c,
                        (long long)c->groups);
        if (c->o % c->groups != 0)
            return fail(s, "attribute 'groups' (%lld) must divide the output "
                        "channels (%lld)", (long long)c->groups,
                        (long long)c->o);
        if (c->kh < 1 || c->kw < 1)
            return fail(s, "filter has an empty kernel");
        for (int i = 0; i < 2; i++)
            if (spatial(s, c, i, ap, false) != EO_OK)
                return EO_ERROR;
    } else {
        if (w[0] != c->c)
            return fail(s, "filter dim 0 (%lld) must equal the input "
                        "channels (%lld)", (long long)w[0], (long long)c->c);
        if (!mul_ok(w[1], c->groups, &c->o))
            return fail(s, "output channels overflow 64 bits");
        c->kh = w[2];
        c->kw = w[3];
        if (c->kh < 1 || c->kw < 1)
            return fail(s, "filter has an empty kernel");
        if (fixed_ints(s, "output_padding", c->output_padding, 2, 0, 0)
            != EO_OK)
            return EO_ERROR;
        for (int i = 0; i < 2; i++) {
            int64_t lim = c->stride[i] > c->dilation[i] ? c->stride[i]
                                                          : c->dilation[i];
            if (c->output_padding[i] >= lim)
                return fail(s, "attribute 'output_padding' entry %d (%lld) "
                            "must be smaller than the stride or the "
                            "dilation", i, (long long)c->output_padding[i]);
            if (spatial_transpose(s, c, i, ap) != EO_OK)
                return EO_ERROR;
        }
    }
    if (s->nops > 2) {
        size_t br;
        int64_t b[R];
        if (operand_shape(s, 2, &br, b) != EO_OK)
            return EO_ERROR;
        if (br != 1 || b[0] != c->o)
            return fail(s, "bias must have shape [%lld]", (long long)c->o);
        c->has_bias = true;
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Per-op inference                                                    */
/* ------------------------------------------------------------------ */

/* NumPy broadcasting of a and b into out. */
static eo_status
broadcast(sctx *s, size_t ra, const int64_t *a, size_t rb, const int64_t *b,
          size_t *ro, int64_t *o)
{
    size_t r = ra > rb ? ra : rb;
    for (size_t i = 0; i < r; i++) {
        int64_t da = i < r - ra ? 1 : a[i - (r - ra)];
        int64_t db = i < r - rb ? 1 : b[i - (r - rb)];
        if (da != db && da != 1 && db != 1) {
            char sa[200], sb[200];
            fmt_shape(sa, sizeof sa, ra, a);
            fmt_shape(sb, sizeof sb, rb, b);
            return fail(s, "operand shapes %s and %s are not broadcastable",
                        sa, sb);
        }
        o[i] = da == 1 ? db : da;
    }
    *ro = r;
    return EO_OK;
}

static eo_status
infer_matmul(sctx *s, size_t *ro, int64_t *o)
{
    size_t ra, rb;
    int64_t a[R], b[R];
    if (operand_shape(s, 0, &ra, a) != EO_OK ||
        operand_shape(s, 1, &rb, b) != EO_OK)
        return EO_ERROR;
    if (ra == 0 || rb == 0)
        return fail(s, "operands must have rank >= 1");
    int64_t m = ra == 1 ? 1 : a[ra - 2], ka = a[ra - 1];
    int64_t kb = rb == 1 ? b[0] : b[rb - 2], n = rb == 1 ? 1 : b[rb - 1];
    if (ka != kb)
        return fail(s, "contraction dimensions differ: %lld (lhs) vs %lld "
                    "(rhs)", (long long)ka, (long long)kb);
    size_t rbat;
    if (broadcast(s, ra > 2 ? ra - 2 : 0, a, rb > 2 ? rb - 2 : 0, b, &rbat,
                  o) != EO_OK)
        return EO_ERROR;
    size_t r = rbat;
    if (ra > 1)
        o[r++] = m;
    if (rb > 1)
        o[r++] = n;
    *ro = r;
    return EO_OK;
}

static eo_status
infer_gemm(sctx *s, size_t *ro, int64_t *o)
{
    size_t ra, rb;
    int64_t a[R], b[R];
    if (operand_shape(s, 0, &ra, a) != EO_OK ||
        operand_shape(s, 1, &rb, b) != EO_OK)
        return EO_ERROR;
    if (ra != 2 || rb != 2)
        return fail(s, "operands a and b must be 2-D");
    bool ta = graph_dict_bool(s->attrs, "trans_a", false);
    bool tb = graph_dict_bool(s->attrs, "trans_b", false);
    int64_t m = ta ? a[1] : a[0], ka = ta ? a[0] : a[1];
    int64_t kb = tb ? b[1] : b[0], n = tb ? b[0] : b[1];
    if (ka != kb)
        return fail(s, "contraction dimensions differ: %lld (a) vs %lld (b)",
                    (long long)ka, (long long)kb);
    if (s->nops > 2) {
        size_t rc;
        int64_t c[R];
        if (operand_shape(s, 2, &rc, c) != EO_OK)
            return EO_ERROR;
        int64_t mn[2] = {m, n};
        if (rc > 2)
            return fail(s, "operand c must have rank <= 2");
        for (size_t i = 0; i < rc; i++) {
            int64_t want = mn[2 - rc + i];
            if (c[i] != 1 && c[i] != want)
                return fail(s, "operand c is not broadcastable to [%lld, "
                            "%lld]", (long long)m, (long long)n);
        }
    }
    o[0] = m;
    o[1] = n;
    *ro = 2;
    return EO_OK;
}

static eo_status
infer_pool_or_conv(sctx *s, size_t *ro, int64_t *o)
{
    eo_graph_conv c;
    if (resolve_conv(s, &c) != EO_OK)
        return EO_ERROR;
    o[0] = c.n;
    if (c.nhwc) {
        o[1] = c.ho;
        o[2] = c.wo;
        o[3] = c.o;
    } else {
        o[1] = c.o;
        o[2] = c.ho;
        o[3] = c.wo;
    }
    *ro = 4;
    return EO_OK;
}

static eo_status
infer_norm(sctx *s, size_t *ro, int64_t *o)
{
    size_t r;
    if (operand_shape(s, 0, &r, o) != EO_OK)
        return EO_ERROR;
    *ro = r;
    if (s->k == GRAPH_BATCH_NORM) {
        const char *layout = graph_dict_str(s->attrs, "layout", "NCHW");
        if (!streq(layout, "NCHW") && !streq(layout, "NHWC"))
            return fail(s, "attribute 'layout' must be \"NCHW\" or "
                        "\"NHWC\", but is \"%s\"", layout);
        if (r < 2)
            return fail(s, "expects an input of rank >= 2");
        int64_t ch = streq(layout, "NHWC") ? o[r - 1] : o[1];
        for (size_t i = 1; i < 5; i++) {
            size_t pr;
            int64_t p[R];
            if (operand_shape(s, i, &pr, p) != EO_OK)
                return EO_ERROR;
            if (pr != 1 || p[0] != ch)
                return fail(s, "operand #%zu must have shape [%lld]", i,
                            (long long)ch);
        }
        return EO_OK;
    }
    size_t ax = 0;
    if (r == 0)
        return fail(s, "expects an input of rank >= 1");
    if (norm_axis(s, "axis", graph_dict_int(s->attrs, "axis", -1), r, &ax)
        != EO_OK)
        return EO_ERROR;
    for (size_t i = 1; i < s->nops; i++) {
        size_t pr;
        int64_t p[R];
        if (operand_shape(s, i, &pr, p) != EO_OK)
            return EO_ERROR;
        if (pr > r - ax)
            return fail(s, "operand #%zu has rank %zu, more than the %zu "
                        "normalized dims", i, pr, r - ax);
        for (size_t j = 0; j < pr; j++) {
            int64_t want = o[r - pr + j];
            if (p[j] != 1 && p[j] != want)
                return fail(s, "operand #%zu is not broadcastable to the "
                            "normalized dims", i);
        }
    }
    return EO_OK;
}

static eo_status
infer_reshape(sctx *s, size_t *ro, int64_t *o)
{
    size_t r;
    int64_t x[R];
    bool present;
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        ints_attr(s, "shape", o, R, ro, &present) != EO_OK)
        return EO_ERROR;
    if (!present)
        return fail(s, "requires attribute 'shape'");
    int64_t pin = 1, pout = 1;
    for (size_t i = 0; i < r; i++)
        if (!mul_ok(pin, x[i], &pin))
            return fail(s, "the input has too many elements");
    for (size_t i = 0; i < *ro; i++) {
        if (o[i] < 0)
            return fail(s, "attribute 'shape' entry %zu must be "
                        "non-negative, but is %lld", i, (long long)o[i]);
        if (!mul_ok(pout, o[i], &pout))
            return fail(s, "attribute 'shape' has too many elements");
    }
    if (pin != pout)
        return fail(s, "attribute 'shape' has %lld elements, but the input "
                    "has %lld", (long long)pout, (long long)pin);
    return EO_OK;
}

static eo_status
infer_flatten(sctx *s, size_t *ro, int64_t *o)
{
    size_t r;
    int64_t x[R];
    if (operand_shape(s, 0, &r, x) != EO_OK)
        return EO_ERROR;
    int64_t a = graph_dict_int(s->attrs, "axis", 1);
    int64_t ri = (int64_t)r;
    if (a < -ri || a > ri)
        return fail(s, "axis %lld is out of range for rank %zu",
                    (long long)a, r);
    if (a < 0)
        a += ri;
    o[0] = o[1] = 1;
    for (size_t i = 0; i < r; i++) {
        int64_t *d = &o[(int64_t)i < a ? 0 : 1];
        if (!mul_ok(*d, x[i], d))
            return fail(s, "the flattened dims overflow 64 bits");
    }
    *ro = 2;
    return EO_OK;
}

static eo_status
infer_transpose(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, n;
    int64_t x[R], perm[R];
    bool present, seen[R] = {false};
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        ints_attr(s, "perm", perm, R, &n, &present) != EO_OK)
        return EO_ERROR;
    if (!present) {
        n = r;
        for (size_t i = 0; i < r; i++)
            perm[i] = (int64_t)(r - 1 - i);
    }
    if (n != r)
        return fail(s, "attribute 'perm' has %zu entries, but the input has "
                    "rank %zu", n, r);
    for (size_t i = 0; i < r; i++) {
        if (perm[i] < 0 || perm[i] >= (int64_t)r || seen[perm[i]])
            return fail(s, "attribute 'perm' is not a permutation of "
                        "0..%zu", r ? r - 1 : 0);
        seen[perm[i]] = true;
        o[i] = x[perm[i]];
    }
    *ro = r;
    return EO_OK;
}

static eo_status
infer_concat(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, ax = 0;
    if (s->nops < 1)
        return fail(s, "expects at least one operand");
    if (operand_shape(s, 0, &r, o) != EO_OK)
        return EO_ERROR;
    if (!dict_get(s->attrs, "axis"))
        return fail(s, "requires attribute 'axis'");
    if (norm_axis(s, "axis", graph_dict_int(s->attrs, "axis", 0), r, &ax)
        != EO_OK)
        return EO_ERROR;
    for (size_t i = 1; i < s->nops; i++) {
        size_t ri;
        int64_t x[R];
        if (operand_shape(s, i, &ri, x) != EO_OK)
            return EO_ERROR;
        if (ri != r)
            return fail(s, "operand #%zu has rank %zu, expected %zu", i, ri,
                        r);
        for (size_t j = 0; j < r; j++) {
            if (j == ax)
                continue;
            if (x[j] != o[j])
                return fail(s, "operand #%zu differs from operand #0 in dim "
                            "%zu (%lld vs %lld)", i, j, (long long)x[j],
                            (long long)o[j]);
        }
        if (!add_ok(o[ax], x[ax], &o[ax]))
            return fail(s, "the concatenated dim overflows 64 bits");
    }
    *ro = r;
    return EO_OK;
}

static eo_status
infer_split(sctx *s, size_t *nres, size_t ranks[],
            int64_t shapes[][R])
{
    size_t r, ax = 0, n;
    int64_t x[R], sizes[64];
    bool present;
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        norm_axis(s, "axis", graph_dict_int(s->attrs, "axis", 0), r, &ax)
        != EO_OK ||
        ints_attr(s, "sizes", sizes, 64, &n, &present) != EO_OK)
        return EO_ERROR;
    if (!present)
        return fail(s, "requires attribute 'sizes'");
    if (n == 0)
        return fail(s, "attribute 'sizes' must not be empty");
    if (n > *nres)
        return fail(s, "has %zu results, more than the %zu expected", n,
                    *nres);
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        if (sizes[i] < 0)
            return fail(s, "attribute 'sizes' entry %zu (%lld) is negative",
                        i, (long long)sizes[i]);
        if (sizes[i] > x[ax] - sum)
            return fail(s, "attribute 'sizes' sums to more than the size "
                        "%lld of dim %zu", (long long)x[ax], ax);
        sum += sizes[i];
    }
    if (sum != x[ax])
        return fail(s, "attribute 'sizes' sums to %lld, but dim %zu has size "
                    "%lld", (long long)sum, ax, (long long)x[ax]);
    for (size_t i = 0; i < n; i++) {
        ranks[i] = r;
        memcpy(shapes[i], x, r * sizeof(int64_t));
        shapes[i][ax] = sizes[i];
    }
    *nres = n;
    return EO_OK;
}

static eo_status
infer_slice(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, ns, ne, na, nst;
    int64_t x[R], starts[R], ends[R], axes[R], steps[R];
    bool ps, pe, pa, pst, mask[R];
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        ints_attr(s, "starts", starts, R, &ns, &ps) != EO_OK ||
        ints_attr(s, "ends", ends, R, &ne, &pe) != EO_OK ||
        ints_attr(s, "axes", axes, R, &na, &pa) != EO_OK ||
        ints_attr(s, "steps", steps, R, &nst, &pst) != EO_OK)
        return EO_ERROR;
    if (!ps || !pe)
        return fail(s, "requires attributes 'starts' and 'ends'");
    if (ne != ns || (pa && na != ns) || (pst && nst != ns))
        return fail(s, "attributes 'starts', 'ends', 'axes' and 'steps' must "
                    "have the same length");
    if (ns > r)
        return fail(s, "attribute 'starts' has %zu entries, more than the "
                    "rank %zu", ns, r);
    for (size_t i = 0; i < ns; i++) {
        if (!pa)
            axes[i] = (int64_t)i;
        if (!pst)
            steps[i] = 1;
    }
    if (axes_mask(s, axes, ns, r, mask) != EO_OK)
        return EO_ERROR;
    memcpy(o, x, r * sizeof(int64_t));
    for (size_t i = 0; i < ns; i++) {
        size_t a = (size_t)(axes[i] < 0 ? axes[i] + (int64_t)r : axes[i]);
        if (steps[i] == 0)
            return fail(s, "attribute 'steps' entry %zu must not be zero", i);
        int64_t first;
        eo_graph_slice_axis(starts[i], ends[i], steps[i], x[a], &first,
                            &o[a]);
    }
    *ro = r;
    return EO_OK;
}

void
eo_graph_slice_axis(int64_t start, int64_t end, int64_t step, int64_t dim,
                    int64_t *first, int64_t *count)
{
    if (start < 0)
        start += dim;
    if (end < 0)
        end += dim;
    if (step > 0) {
        start = start < 0 ? 0 : start > dim ? dim : start;
        end = end < 0 ? 0 : end > dim ? dim : end;
        *count = end > start ? (end - start - 1) / step + 1 : 0;
    } else {
        start = start < 0 ? 0 : start > dim - 1 ? dim - 1 : start;
        end = end < -1 ? -1 : end > dim - 1 ? dim - 1 : end;
        /* INT64_MIN cannot be negated; a step that large selects at most
         * one element. */
        int64_t back = step == INT64_MIN ? INT64_MAX : -step;
        *count = start > end ? (start - end - 1) / back + 1 : 0;
    }
    *first = start;
}

static eo_status
infer_pad(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, n;
    int64_t x[R], pads[2 * R];
    bool present;
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        ints_attr(s, "pads", pads, 2 * R, &n, &present) != EO_OK)
        return EO_ERROR;
    if (!present)
        return fail(s, "requires attribute 'pads'");
    if (n != 2 * r)
        return fail(s, "attribute 'pads' must have %zu entries (2 x rank), "
                    "but has %zu", 2 * r, n);
    const char *mode = graph_dict_str(s->attrs, "mode", "constant");
    for (size_t i = 0; i < r; i++) {
        int64_t b = pads[i], e = pads[i + r];
        if (b < 0 || e < 0)
            return fail(s, "attribute 'pads' must be non-negative");
        if (streq(mode, "reflect") && (b >= x[i] || e >= x[i]))
            return fail(s, "reflect padding of dim %zu must be smaller than "
                        "its size (%lld)", i, (long long)x[i]);
        if (streq(mode, "edge") && x[i] == 0 && (b || e))
            return fail(s, "edge padding of the empty dim %zu", i);
        if (!add_ok(x[i], b, &o[i]) || !add_ok(o[i], e, &o[i]))
            return fail(s, "padded dim %zu overflows 64 bits", i);
    }
    *ro = r;
    return EO_OK;
}

static eo_status
infer_squeeze(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, n, k = 0;
    int64_t x[R], axes[R];
    bool present, mask[R];
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        ints_attr(s, "axes", axes, R, &n, &present) != EO_OK)
        return EO_ERROR;
    if (s->k == GRAPH_UNSQUEEZE) {
        if (!present)
            return fail(s, "requires attribute 'axes'");
        size_t out_r = r + n;
        if (out_r > R)
            return fail(s, "result rank %zu exceeds %d", out_r, R);
        if (axes_mask(s, axes, n, out_r, mask) != EO_OK)
            return EO_ERROR;
        for (size_t i = 0; i < out_r; i++)
            o[i] = mask[i] ? 1 : x[k++];
        *ro = out_r;
        return EO_OK;
    }
    if (present) {
        if (axes_mask(s, axes, n, r, mask) != EO_OK)
            return EO_ERROR;
        for (size_t i = 0; i < r; i++)
            if (mask[i] && x[i] != 1)
                return fail(s, "cannot squeeze dim %zu of size %lld", i,
                            (long long)x[i]);
    } else {
        for (size_t i = 0; i < r; i++)
            mask[i] = x[i] == 1;
    }
    for (size_t i = 0; i < r; i++)
        if (!mask[i])
            o[k++] = x[i];
    *ro = k;
    return EO_OK;
}

static eo_status
infer_gather(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, ri, ax = 0;
    int64_t x[R], ind[R];
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        operand_shape(s, 1, &ri, ind) != EO_OK ||
        norm_axis(s, "axis", graph_dict_int(s->attrs, "axis", 0), r, &ax)
        != EO_OK)
        return EO_ERROR;
    if (r + ri - 1 > R)
        return fail(s, "result rank %zu exceeds %d", r + ri - 1, R);
    size_t k = 0;
    for (size_t i = 0; i < ax; i++)
        o[k++] = x[i];
    for (size_t i = 0; i < ri; i++)
        o[k++] = ind[i];
    for (size_t i = ax + 1; i < r; i++)
        o[k++] = x[i];
    *ro = k;
    return EO_OK;
}

static eo_status
infer_resize(sctx *s, size_t *ro, int64_t *o)
{
    size_t r;
    int64_t x[R];
    if (operand_shape(s, 0, &r, x) != EO_OK)
        return EO_ERROR;
    if (r != 4)
        return fail(s, "expects a 4-D input, but operand #0 has rank %zu", r);
    const eo_attr *sc = dict_get(s->attrs, "scales");
    if (!sc)
        return fail(s, "result shape cannot be inferred without 'scales' "
                    "(the result type gives it)");
    if (eo_attr_get_kind(sc) != EO_ATTR_DENSE_ARRAY ||
        !eo_type_is_float(eo_attr_dense_array_elem(sc)) ||
        eo_attr_dense_array_size(sc) != 2)
        return fail(s, "attribute 'scales' must be array<f64> with 2 entries "
                    "([h, w])");
    bool nhwc = streq(graph_dict_str(s->attrs, "layout", "NCHW"), "NHWC");
    memcpy(o, x, 4 * sizeof(int64_t));
    for (int i = 0; i < 2; i++) {
        double f = eo_attr_dense_array_float(sc, (size_t)i);
        size_t d = nhwc ? 1 + (size_t)i : 2 + (size_t)i;
        double v = floor((double)x[d] * f);
        if (!(f > 0) || !(v >= 1) || v > 1e15)
            return fail(s, "attribute 'scales' entry %d (%g) gives an "
                        "invalid size", i, f);
        o[d] = (int64_t)v;
    }
    *ro = 4;
    return EO_OK;
}

static eo_status
infer_reduce(sctx *s, size_t *ro, int64_t *o)
{
    size_t r, n, k = 0;
    int64_t x[R], axes[R];
    bool present, mask[R];
    if (operand_shape(s, 0, &r, x) != EO_OK ||
        ints_attr(s, "axes", axes, R, &n, &present) != EO_OK)
        return EO_ERROR;
    if (present) {
        if (axes_mask(s, axes, n, r, mask) != EO_OK)
            return EO_ERROR;
    } else {
        for (size_t i = 0; i < r; i++)
            mask[i] = true;
    }
    bool keep = graph_dict_bool(s->attrs, "keepdims", true);
    for (size_t i = 0; i < r; i++) {
        if (!mask[i])
            o[k++] = x[i];
        else if (keep)
            o[k++] = 1;
    }
    *ro = k;
    return EO_OK;
}

/* Expected operand counts: [min, max]. */
static void
operand_range(eo_graph_op k, size_t *lo, size_t *hi)
{
    *lo = *hi = 1;
    switch (k) {
    case GRAPH_CONSTANT: *lo = *hi = 0; break;
    case GRAPH_CONV2D: case GRAPH_CONV_TRANSPOSE2D: case GRAPH_GEMM:
        *lo = 2; *hi = 3; break;
    case GRAPH_LAYER_NORM: *lo = 2; *hi = 3; break;
    case GRAPH_MATMUL: case GRAPH_ADD: case GRAPH_SUB: case GRAPH_MUL:
    case GRAPH_DIV: case GRAPH_MAX: case GRAPH_MIN: case GRAPH_POW:
    case GRAPH_GATHER:
        *lo = *hi = 2; break;
    case GRAPH_BATCH_NORM: *lo = *hi = 5; break;
    case GRAPH_CONCAT: *lo = 1; *hi = SIZE_MAX; break;
    default: break;
    }
}

eo_status
eo_graph_infer_shapes(eo_ctx *ctx, const eo_loc *loc, eo_graph_op k,
                      size_t nops, const eo_type *const ops[],
                      const eo_attr *attrs, size_t *nres, size_t ranks[],
                      int64_t shapes[][EO_GRAPH_MAX_RANK])
{
    sctx s;
    memset(&s, 0, sizeof(s));
    s.ctx = ctx;
    s.loc = loc ? loc : eo_loc_unknown(ctx);
    s.k = k;
    s.attrs = attrs;
    s.nops = nops;
    s.ops = ops;
    if ((int)k < 0 || k >= GRAPH_NUM_OPS)
        return eo_emit_error(ctx, s.loc, "unknown graph op kind %d", (int)k);
    if (k == GRAPH_CONSTANT)
        return fail(&s, "has no shape inference (its value gives the "
                    "type)");
    size_t lo, hi;
    operand_range(k, &lo, &hi);
    if (nops < lo || nops > hi) {
        if (lo == hi)
            return fail(&s, "expected %zu operands, but found %zu", lo, nops);
        if (hi == SIZE_MAX)
            return fail(&s, "expected at least %zu operands, but found %zu",
                        lo, nops);
        return fail(&s, "expected %zu to %zu operands, but found %zu", lo, hi,
                    nops);
    }
    if (*nres < 1)
        return fail(&s, "no room for the result shapes");
    if (k == GRAPH_SPLIT)
        return infer_split(&s, nres, ranks, shapes);
    size_t r = 0;
    int64_t *o = shapes[0];
    eo_status st;
    switch (k) {
    case GRAPH_CONV2D: case GRAPH_CONV_TRANSPOSE2D: case GRAPH_MAX_POOL:
    case GRAPH_AVG_POOL: case GRAPH_GLOBAL_AVG_POOL:
    case GRAPH_GLOBAL_MAX_POOL:
        st = infer_pool_or_conv(&s, &r, o);
        break;
    case GRAPH_MATMUL: st = infer_matmul(&s, &r, o); break;
    case GRAPH_GEMM: st = infer_gemm(&s, &r, o); break;
    case GRAPH_ADD: case GRAPH_SUB: case GRAPH_MUL: case GRAPH_DIV:
    case GRAPH_MAX: case GRAPH_MIN: case GRAPH_POW: {
        size_t ra, rb;
        int64_t a[R], b[R];
        st = operand_shape(&s, 0, &ra, a);
        if (st == EO_OK)
            st = operand_shape(&s, 1, &rb, b);
        if (st == EO_OK)
            st = broadcast(&s, ra, a, rb, b, &r, o);
        break;
    }
    case GRAPH_SOFTMAX: case GRAPH_LOG_SOFTMAX: {
        size_t ax = 0;
        st = operand_shape(&s, 0, &r, o);
        if (st == EO_OK && r == 0)
            st = fail(&s, "expects an input of rank >= 1");
        if (st == EO_OK)
            st = norm_axis(&s, "axis", graph_dict_int(attrs, "axis", -1), r,
                           &ax);
        break;
    }
    case GRAPH_BATCH_NORM: case GRAPH_LAYER_NORM:
        st = infer_norm(&s, &r, o);
        break;
    case GRAPH_RESHAPE: st = infer_reshape(&s, &r, o); break;
    case GRAPH_FLATTEN: st = infer_flatten(&s, &r, o); break;
    case GRAPH_TRANSPOSE: st = infer_transpose(&s, &r, o); break;
    case GRAPH_CONCAT: st = infer_concat(&s, &r, o); break;
    case GRAPH_SLICE: st = infer_slice(&s, &r, o); break;
    case GRAPH_PAD: st = infer_pad(&s, &r, o); break;
    case GRAPH_SQUEEZE: case GRAPH_UNSQUEEZE:
        st = infer_squeeze(&s, &r, o);
        break;
    case GRAPH_GATHER: st = infer_gather(&s, &r, o); break;
    case GRAPH_RESIZE: st = infer_resize(&s, &r, o); break;
    case GRAPH_REDUCE_MEAN: case GRAPH_REDUCE_SUM: case GRAPH_REDUCE_MAX:
        st = infer_reduce(&s, &r, o);
        break;
    default:    /* elementwise unary ops, quantize, dequantize, ... */
        st = operand_shape(&s, 0, &r, o);
        break;
    }
    if (st != EO_OK)
        return st;
    ranks[0] = r;
    *nres = 1;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Records for consumers                                               */
/* ------------------------------------------------------------------ */

eo_status
eo_graph_conv_params(const eo_op *op, eo_graph_conv *out)
{
    int k = eo_graph_op_kind(op);
    if (k != GRAPH_CONV2D && k != GRAPH_CONV_TRANSPOSE2D &&
        k != GRAPH_MAX_POOL && k != GRAPH_AVG_POOL &&
        k != GRAPH_GLOBAL_AVG_POOL && k != GRAPH_GLOBAL_MAX_POOL)
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op),
                             "'%s' op has no convolution or pooling "
                             "parameters", eo_op_name_str(op));
    size_t n = eo_op_num_operands(op);
    const eo_type *types[3];
    if (n > 3)
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "'%s' op expected "
                             "at most 3 operands", eo_op_name_str(op));
    for (size_t i = 0; i < n; i++)
        types[i] = eo_value_type(eo_op_operand(op, i));
    sctx s;
    memset(&s, 0, sizeof(s));
    s.ctx = eo_op_ctx(op);
    s.loc = eo_op_loc(op);
    s.k = (eo_graph_op)k;
    s.attrs = eo_op_props(op);
    s.nops = n;
    s.ops = types;
    if (resolve_conv(&s, out) != EO_OK)
        return EO_ERROR;
    out->act = eo_graph_op_activation(op);
    return EO_OK;
}

eo_graph_activation
eo_graph_op_activation(const eo_op *op)
{
    eo_graph_activation a = {EO_ACT_NONE, -INFINITY, INFINITY, 0.01f};
    const eo_attr *d = eo_op_props(op);
    const char *s = graph_dict_str(d, "activation", "none");
    static const struct { const char *name; eo_graph_act kind; } acts[] = {
        {"relu", EO_ACT_RELU}, {"relu6", EO_ACT_RELU6},
        {"clip", EO_ACT_CLIP}, {"leaky_relu", EO_ACT_LEAKY_RELU},
        {"sigmoid", EO_ACT_SIGMOID}, {"tanh", EO_ACT_TANH},
        {"hard_swish", EO_ACT_HARD_SWISH},
    };
    for (size_t i = 0; i < sizeof acts / sizeof acts[0]; i++)
        if (streq(s, acts[i].name))
            a.kind = acts[i].kind;
    switch (a.kind) {
    case EO_ACT_RELU:
        a.min = 0;
        break;
    case EO_ACT_RELU6:
        a.min = 0;
        a.max = 6;
        break;
    case EO_ACT_CLIP:
        a.min = (float)graph_dict_float(d, "act_min", -INFINITY);
        a.max = (float)graph_dict_float(d, "act_max", INFINITY);
        break;
    case EO_ACT_LEAKY_RELU:
        a.alpha = (float)graph_dict_float(d, "act_alpha", 0.01);
        break;
    default:
        break;
    }
    return a;
}

/* dialects/npu/npu.c - the npu dialect (docs/npu-dialect.md): the
 * !npu.token type, one custom form shared by the commands
 *   %t = npu.op %buffers... [after %tokens...] {attrs} : buffer types
 * plus npu.wait, npu.cpu and npu.yield's own, the verifiers (shapes,
 * element types, attribute ranges) and the decoded records of npu.h.
 * Start at npu_ops[] near the end.
 */
#include "dialects/npu/npu.h"
#include "dialects/quant/quant.h"

#include <stdint.h>
#include <string.h>

static const eo_op_def npu_ops[NPU_NUM_OPS];

int
eo_npu_op_kind(const eo_op *op)
{
    const eo_op_def *d = op ? eo_op_get_def(op) : NULL;
    uintptr_t p = (uintptr_t)d, lo = (uintptr_t)&npu_ops[0];
    if (!d || p < lo || p >= (uintptr_t)&npu_ops[NPU_NUM_OPS])
        return -1;
    return (int)((p - lo) / sizeof(eo_op_def));
}

/* ------------------------------------------------------------------ */
/* !npu.token                                                          */
/* ------------------------------------------------------------------ */

const eo_type *
eo_npu_token_type(eo_ctx *ctx)
{
    const eo_ident *d = eo_ident_cstr(ctx, "npu");
    const eo_ident *m = eo_ident_cstr(ctx, "token");
    if (!d || !m)
        return NULL;
    return eo_type_get_dialect(ctx, d, m, 0, NULL);
}

bool
eo_type_is_npu_token(const eo_type *t)
{
    return t && eo_type_get_kind(t) == EO_TYPE_DIALECT
           && strcmp(eo_ident_str(eo_type_dialect_name(t)), "npu") == 0
           && strcmp(eo_ident_str(eo_type_mnemonic(t)), "token") == 0
           && eo_type_num_params(t) == 0;
}

/* Called after "!npu."; the mnemonic is next. */
static const eo_type *
parse_type(eo_parser *p)
{
    const eo_loc *at = eo_parser_loc(p);
    const eo_ident *mn;
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "token") != 0) {
        eo_parser_error_loc(p, at, "unknown npu type '%s' (expected "
                            "'token')", eo_ident_str(mn));
        return NULL;
    }
    const eo_type *t = eo_npu_token_type(eo_parser_ctx(p));
    if (!t)
        eo_parser_error_loc(p, at, "out of memory");
    return t;
}

static void
print_type(eo_printer *p, const eo_type *t)
{
    eo_print_str(p, eo_ident_str(eo_type_mnemonic(t)));
}

/* ------------------------------------------------------------------ */
/* Operand groups and attribute helpers                                */
/* ------------------------------------------------------------------ */

size_t
eo_npu_num_buffers(const eo_op *op)
{
    size_t n = eo_op_num_operands(op), i = 0;
    while (i < n && !eo_type_is_npu_token(eo_value_type(eo_op_operand(op,
                                                                      i))))
        i++;
    return i;
}

size_t
eo_npu_num_deps(const eo_op *op)
{
    return eo_op_num_operands(op) - eo_npu_num_buffers(op);
}

eo_value *
eo_npu_dep(const eo_op *op, size_t i)
{
    return eo_op_operand(op, eo_npu_num_buffers(op) + i);
}

static bool
is_int_attr(const eo_attr *a)
{
    return a && eo_attr_get_kind(a) == EO_ATTR_INTEGER && !eo_attr_is_bool(a)
           && eo_attr_int_num_words(a) == 1;
}

static bool
is_int_array(const eo_attr *a)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY)
        return false;
    const eo_type *e = eo_attr_dense_array_elem(a);
    return eo_type_is_int(e) && eo_type_int_width(e) > 1;
}

static int64_t
attr_int(const eo_op *op, const char *name, int64_t def)
{
    const eo_attr *a = eo_op_attr(op, name);
    return is_int_attr(a) ? eo_attr_int_value(a) : def;
}

int64_t
eo_npu_attr_at(const eo_op *op, const char *name, size_t i, int64_t def)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!is_int_array(a))
        return is_int_attr(a) ? eo_attr_int_value(a) : def;
    size_t n = eo_attr_dense_array_size(a);
    if (n == 0)
        return def;
    return eo_attr_dense_array_int(a, n == 1 ? 0 : (i < n ? i : n - 1));
}

static const char *
attr_str(const eo_op *op, const char *name)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING || eo_attr_type(a))
        return NULL;
    size_t len;
    const char *s = eo_attr_string(a, &len);
    return strlen(s) == len ? s : NULL;
}

/* An optional integer attribute within [lo, hi]. */
static eo_status
check_int(eo_op *op, const char *name, int64_t lo, int64_t hi)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a)
        return EO_OK;
    if (!is_int_attr(a))
        return eo_op_error(op, "attribute '%s' must be an integer", name);
    int64_t v = eo_attr_int_value(a);
    if (v < lo || v > hi)
        return eo_op_error(op, "attribute '%s' is %lld, expects a value in "
                           "[%lld, %lld]", name, (long long)v, (long long)lo,
                           (long long)hi);
    return EO_OK;
}

/* An optional integer array of 'n' entries (or 1 if 'one_ok'), each in
 * [lo, hi]. */
static eo_status
check_array(eo_op *op, const char *name, size_t n, bool one_ok, int64_t lo,
            int64_t hi)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a)
        return EO_OK;
    if (!is_int_array(a))
        return eo_op_error(op, "attribute '%s' must be an integer array "
                           "(array<i64: ...>)", name);
    size_t len = eo_attr_dense_array_size(a);
    if (len != n && !(one_ok && len == 1)) {
        if (one_ok)
            return eo_op_error(op, "attribute '%s' has %zu entries, expects "
                               "1 (per tensor) or %zu (per channel)", name,
                               len, n);
        return eo_op_error(op, "attribute '%s' has %zu entries, expects %zu",
                           name, len, n);
    }
    for (size_t i = 0; i < len; i++) {
        int64_t v = eo_attr_dense_array_int(a, i);
        if (v < lo || v > hi)
            return eo_op_error(op, "attribute '%s' entry %zu is %lld, expects "
                               "a value in [%lld, %lld]", name, i,
                               (long long)v, (long long)lo, (long long)hi);
    }
    return EO_OK;
}

/* Reads array attribute 'name' (checked) into out[0..n), or 'def'. */
static void
read_array(const eo_op *op, const char *name, size_t n, int64_t def,
           int64_t *out)
{
    const eo_attr *a = eo_op_attr(op, name);
    for (size_t i = 0; i < n; i++)
        out[i] = is_int_array(a) && eo_attr_dense_array_size(a) == n
                     ? eo_attr_dense_array_int(a, i) : def;
}

/* Operand 'i' as a statically shaped memref with a static strided layout
 * and i8 or i32 elements (or f32 when 'f32_ok': host buffers); 'what'
 * names it in errors. */
static eo_status
check_buffer_of(eo_op *op, size_t i, const char *what, bool f32_ok)
{
    const eo_type *t = eo_value_type(eo_op_operand(op, i));
    if (eo_type_get_kind(t) != EO_TYPE_MEMREF)
        return eo_op_error(op, "%s (operand #%zu) must be a ranked memref",
                           what, i);
    for (size_t d = 0; d < eo_type_rank(t); d++)
        if (eo_type_dim(t, d) == EO_DYNAMIC)
            return eo_op_error(op, "%s (operand #%zu) must have a static "
                               "shape", what, i);
    const eo_type *e = eo_type_elem(t);
    if (!eo_type_is_signless_int(e, 8) && !eo_type_is_signless_int(e, 32)
        && !(f32_ok && eo_type_is_float(e) && eo_type_float_width(e) == 32))
        return eo_op_error(op, "%s (operand #%zu) must have i8 or i32%s "
                           "elements", what, i, f32_ok ? " (or f32)" : "");
    const eo_attr *ms = eo_type_memspace(t);
    if (ms && (eo_attr_get_kind(ms) != EO_ATTR_STRING || eo_attr_type(ms)))
        return eo_op_error(op, "%s (operand #%zu) has a memory space that is "
                           "not a string naming a memory level", what, i);
    return EO_OK;
}

static eo_status
check_buffer(eo_op *op, size_t i, const char *what)
{
    return check_buffer_of(op, i, what, false);
}

static bool
elem_is(const eo_op *op, size_t i, unsigned bits)
{
    return eo_type_is_signless_int(
        eo_type_elem(eo_value_type(eo_op_operand(op, i))), bits);
}

static const eo_type *
operand_type(const eo_op *op, size_t i)
{
    return eo_value_type(eo_op_operand(op, i));
}

/* Checks operand 'i' has 'rank' dims equal to dims[] (-1: any). */
static eo_status
check_shape(eo_op *op, size_t i, const char *what, size_t rank,
            const int64_t *dims)
{
    const eo_type *t = operand_type(op, i);
    if (eo_type_rank(t) != rank)
        return eo_op_error(op, "%s (operand #%zu) must have rank %zu, but "
                           "has rank %zu", what, i, rank, eo_type_rank(t));
    for (size_t d = 0; d < rank; d++)
        if (dims[d] >= 0 && eo_type_dim(t, d) != dims[d])
            return eo_op_error(op, "%s (operand #%zu) has size %lld in dim "
                               "%zu, expects %lld", what, i,
                               (long long)eo_type_dim(t, d), d,
                               (long long)dims[d]);
    return EO_OK;
}

/* Common checks: buffers first, then tokens; 'lo'..'hi' buffers. */
static eo_status
check_operands(eo_op *op, size_t lo, size_t hi)
{
    size_t nb = eo_npu_num_buffers(op), n = eo_op_num_operands(op);
    for (size_t i = nb; i < n; i++)
        if (!eo_type_is_npu_token(operand_type(op, i)))
            return eo_op_error(op, "operand #%zu: buffers must come before "
                               "the tokens it waits for", i);
    if (nb < lo || nb > hi) {
        if (lo == hi)
            return eo_op_error(op, "expects %zu buffer operands, but found "
                               "%zu", lo, nb);
        return eo_op_error(op, "expects %zu to %zu buffer operands, but "
                           "found %zu", lo, hi, nb);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Output stage (conv, imc_mvm)                                        */
/* ------------------------------------------------------------------ */

/* Checks and decodes the output stage: 'y' is the result operand, 'nch'
 * the output channels. */
static eo_status
outstage(eo_op *op, size_t y, int64_t nch, eo_npu_outstage *out)
{
    memset(out, 0, sizeof *out);
    out->raw = elem_is(op, y, 32);
    if (check_int(op, "input_zp", -128, 127) != EO_OK
        || check_array(op, "weight_zp", (size_t)nch, true, -128, 127)
               != EO_OK)
        return EO_ERROR;
    const eo_attr *acc = eo_op_attr(op, "accumulate");
    if (acc && eo_attr_get_kind(acc) != EO_ATTR_UNIT)
        return eo_op_error(op, "attribute 'accumulate' must be a unit "
                           "attribute");
    out->accumulate = acc != NULL;
    out->input_zp = attr_int(op, "input_zp", 0);
    if (out->raw) {
        static const char *const req[] = {
            "multiplier", "shift", "output_zp", "act_min", "act_max"
        };
        for (size_t i = 0; i < sizeof req / sizeof req[0]; i++)
            if (eo_op_attr(op, req[i]))
                return eo_op_error(op, "attribute '%s' needs an i8 result "
                                   "(an i32 result is the raw accumulator)",
                                   req[i]);
        out->act_min = INT32_MIN;
        out->act_max = INT32_MAX;
        return EO_OK;
    }
    if (out->accumulate)
        return eo_op_error(op, "attribute 'accumulate' needs an i32 result");
    if (!eo_op_attr(op, "multiplier") || !eo_op_attr(op, "shift"))
        return eo_op_error(op, "an i8 result needs the requantization "
                           "attributes 'multiplier' and 'shift'");
    if (check_array(op, "multiplier", (size_t)nch, true, 0, INT32_MAX)
            != EO_OK
        || check_array(op, "shift", (size_t)nch, true, -31, 30) != EO_OK
        || check_int(op, "output_zp", -128, 127) != EO_OK
        || check_int(op, "act_min", -128, 127) != EO_OK
        || check_int(op, "act_max", -128, 127) != EO_OK)
        return EO_ERROR;
    out->output_zp = attr_int(op, "output_zp", 0);
    out->act_min = attr_int(op, "act_min", -128);
    out->act_max = attr_int(op, "act_max", 127);
    if (out->act_min > out->act_max)
        return eo_op_error(op, "act_min %lld is above act_max %lld",
                           (long long)out->act_min, (long long)out->act_max);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* npu.dma                                                             */
/* ------------------------------------------------------------------ */

eo_status
eo_npu_dma_params(eo_op *op, eo_npu_dma *out)
{
    memset(out, 0, sizeof *out);
    if (check_operands(op, 2, 2) != EO_OK
        || check_buffer(op, 0, "source") != EO_OK
        || check_buffer(op, 1, "destination") != EO_OK)
        return EO_ERROR;
    const eo_type *s = operand_type(op, 0), *d = operand_type(op, 1);
    if (eo_type_elem(s) != eo_type_elem(d))
        return eo_op_error(op, "source and destination element types "
                           "differ");
    size_t r = eo_type_rank(s);
    if (r != eo_type_rank(d))
        return eo_op_error(op, "source and destination ranks differ (%zu "
                           "and %zu)", r, eo_type_rank(d));
    if (r < 1 || r > EO_NPU_MAX_DMA_RANK)
        return eo_op_error(op, "expects memrefs of rank 1 to %d",
                           EO_NPU_MAX_DMA_RANK);
    out->rank = r;
    bool same = true;
    for (size_t i = 0; i < r; i++)
        same = same && eo_type_dim(s, i) == eo_type_dim(d, i);
    if (!eo_op_attr(op, "sizes") && !same)
        return eo_op_error(op, "needs 'sizes' when the source and "
                           "destination shapes differ");
    if (check_array(op, "sizes", r, false, 1, INT64_MAX) != EO_OK
        || check_array(op, "src_offsets", r, false, 0, INT64_MAX) != EO_OK
        || check_array(op, "dst_offsets", r, false, 0, INT64_MAX) != EO_OK
        || check_int(op, "channel", 0, 1 << 16) != EO_OK)
        return EO_ERROR;
    read_array(op, "src_offsets", r, 0, out->src_offsets);
    read_array(op, "dst_offsets", r, 0, out->dst_offsets);
    for (size_t i = 0; i < r; i++)
        out->sizes[i] = eo_type_dim(s, i);
    if (eo_op_attr(op, "sizes"))
        read_array(op, "sizes", r, 1, out->sizes);
    for (size_t i = 0; i < r; i++) {
        if (out->src_offsets[i] > eo_type_dim(s, i) - out->sizes[i])
            return eo_op_error(op, "box [offset %lld, size %lld] exceeds "
                               "the source in dim %zu (size %lld)",
                               (long long)out->src_offsets[i],
                               (long long)out->sizes[i], i,
                               (long long)eo_type_dim(s, i));
        if (out->dst_offsets[i] > eo_type_dim(d, i) - out->sizes[i])
            return eo_op_error(op, "box [offset %lld, size %lld] exceeds "
                               "the destination in dim %zu (size %lld)",
                               (long long)out->dst_offsets[i],
                               (long long)out->sizes[i], i,
                               (long long)eo_type_dim(d, i));
    }
    out->channel = attr_int(op, "channel", -1);
    return EO_OK;
}

static eo_status
verify_dma(eo_op *op)
{
    eo_npu_dma d;
    return eo_npu_dma_params(op, &d);
}

/* ------------------------------------------------------------------ */
/* npu.conv                                                            */
/* ------------------------------------------------------------------ */

static const char *const conv_kind_names[EO_NPU_NUM_CONV_KINDS] = {
    "conv2d", "depthwise", "pointwise", "fully_connected"
};

const char *
eo_npu_conv_kind_name(eo_npu_conv_kind k)
{
    return (int)k >= 0 && k < EO_NPU_NUM_CONV_KINDS ? conv_kind_names[k]
                                                    : NULL;
}

/* Output size of a window: floor((in + pads - dil*(k-1) - 1) / s) + 1. */
static int64_t
window_out(int64_t in, int64_t p0, int64_t p1, int64_t k, int64_t s,
           int64_t dil)
{
    int64_t span = in + p0 + p1 - dil * (k - 1) - 1;
    return span < 0 ? 0 : span / s + 1;
}

/* strides, dilations, pads: checked and read into the record's arrays. */
static eo_status
window_attrs(eo_op *op, int64_t stride[2], int64_t dil[2], int64_t pad[4])
{
    if (check_array(op, "strides", 2, false, 1, 1 << 16) != EO_OK
        || check_array(op, "dilations", 2, false, 1, 1 << 16) != EO_OK
        || check_array(op, "pads", 4, false, 0, 1 << 16) != EO_OK)
        return EO_ERROR;
    read_array(op, "strides", 2, 1, stride);
    read_array(op, "dilations", 2, 1, dil);
    read_array(op, "pads", 4, 0, pad);
    return EO_OK;
}

eo_status
eo_npu_conv_params(eo_op *op, eo_npu_conv *p)
{
    memset(p, 0, sizeof *p);
    if (check_operands(op, 3, 4) != EO_OK
        || check_buffer(op, 0, "input") != EO_OK
        || check_buffer(op, 1, "weights") != EO_OK
        || check_buffer(op, 2, "output") != EO_OK)
        return EO_ERROR;
    p->has_bias = eo_npu_num_buffers(op) == 4;
    if (p->has_bias && check_buffer(op, 3, "bias") != EO_OK)
        return EO_ERROR;
    const char *k = attr_str(op, "kind");
    int kind = -1;
    for (int i = 0; k && i < EO_NPU_NUM_CONV_KINDS; i++)
        if (strcmp(k, conv_kind_names[i]) == 0)
            kind = i;
    if (kind < 0)
        return eo_op_error(op, "attribute 'kind' must be one of \"conv2d\", "
                           "\"depthwise\", \"pointwise\", "
                           "\"fully_connected\"");
    p->kind = (eo_npu_conv_kind)kind;
    if (!elem_is(op, 0, 8) || !elem_is(op, 1, 8))
        return eo_op_error(op, "input and weights must have i8 elements");
    if (p->has_bias && !elem_is(op, 3, 32))
        return eo_op_error(op, "bias must have i32 elements");
    const eo_type *x = operand_type(op, 0), *w = operand_type(op, 1);
    if (p->kind == EO_NPU_FULLY_CONNECTED) {
        if (eo_type_rank(x) != 2)
            return eo_op_error(op, "input (operand #0) of a fully connected "
                               "layer must have rank 2 [M, K]");
        static const char *const win[] = {
            "strides", "dilations", "pads", NULL
        };
        for (size_t i = 0; win[i]; i++)
            if (eo_op_attr(op, win[i]))
                return eo_op_error(op, "attribute '%s' does not apply to a "
                                   "fully connected layer", win[i]);
        p->n = eo_type_dim(x, 0);
        p->c = eo_type_dim(x, 1);
        p->h = p->w = p->ho = p->wo = p->kh = p->kw = 1;
        p->stride[0] = p->stride[1] = p->dilation[0] = p->dilation[1] = 1;
        if (eo_type_rank(w) != 2)
            return eo_op_error(op, "weights (operand #1) of a fully "
                               "connected layer must have rank 2 [N, K]");
        p->o = eo_type_dim(w, 0);
        int64_t wd[2] = { p->o, p->c }, yd[2] = { p->n, p->o };
        if (check_shape(op, 1, "weights", 2, wd) != EO_OK
            || check_shape(op, 2, "output", 2, yd) != EO_OK)
            return EO_ERROR;
        p->cin_per_out = p->c;
    } else {
        if (eo_type_rank(x) != 4)
            return eo_op_error(op, "input (operand #0) must have rank 4 "
                               "[N, H, W, C]");
        if (eo_type_rank(w) != 4)
            return eo_op_error(op, "weights (operand #1) must have rank 4 "
                               "[O, kh, kw, %s]",
                               p->kind == EO_NPU_DEPTHWISE ? "1" : "C");
        if (window_attrs(op, p->stride, p->dilation, p->pad) != EO_OK)
            return EO_ERROR;
        p->n = eo_type_dim(x, 0);
        p->h = eo_type_dim(x, 1);
        p->w = eo_type_dim(x, 2);
        p->c = eo_type_dim(x, 3);
        p->o = eo_type_dim(w, 0);
        p->kh = eo_type_dim(w, 1);
        p->kw = eo_type_dim(w, 2);
        if (p->kind == EO_NPU_POINTWISE && (p->kh != 1 || p->kw != 1))
            return eo_op_error(op, "a pointwise convolution needs 1x1 "
                               "weights, but they are %lldx%lld",
                               (long long)p->kh, (long long)p->kw);
        if (p->kind == EO_NPU_DEPTHWISE) {
            if (p->c == 0 || p->o % p->c != 0)
                return eo_op_error(op, "depthwise output channels (%lld) "
                                   "must be a multiple of the input "
                                   "channels (%lld)", (long long)p->o,
                                   (long long)p->c);
            p->cin_per_out = 1;
        } else {
            p->cin_per_out = p->c;
        }
        p->ho = window_out(p->h, p->pad[0], p->pad[2], p->kh, p->stride[0],
                           p->dilation[0]);
        p->wo = window_out(p->w, p->pad[1], p->pad[3], p->kw, p->stride[1],
                           p->dilation[1]);
        int64_t wd[4] = { p->o, p->kh, p->kw, p->cin_per_out };
        int64_t yd[4] = { p->n, p->ho, p->wo, p->o };
        if (check_shape(op, 1, "weights", 4, wd) != EO_OK
            || check_shape(op, 2, "output", 4, yd) != EO_OK)
            return EO_ERROR;
    }
    if (p->has_bias) {
        int64_t bd[1] = { p->o };
        if (check_shape(op, 3, "bias", 1, bd) != EO_OK)
            return EO_ERROR;
    }
    if (!elem_is(op, 2, 8) && !elem_is(op, 2, 32))
        return eo_op_error(op, "output must have i8 or i32 elements");
    return outstage(op, 2, p->o, &p->out);
}

static eo_status
verify_conv(eo_op *op)
{
    eo_npu_conv p;
    if (eo_npu_conv_params(op, &p) != EO_OK)
        return EO_ERROR;
    return check_int(op, "engine", 0, 1 << 16);
}

/* ------------------------------------------------------------------ */
/* npu.imc_program, npu.imc_mvm                                        */
/* ------------------------------------------------------------------ */

static eo_status
verify_imc_program(eo_op *op)
{
    if (check_operands(op, 1, 1) != EO_OK
        || check_buffer(op, 0, "weight block") != EO_OK)
        return EO_ERROR;
    if (eo_type_rank(operand_type(op, 0)) != 2 || !elem_is(op, 0, 8))
        return eo_op_error(op, "weight block (operand #0) must be a 2-D "
                           "[K, N] memref of i8");
    if (!is_int_attr(eo_op_attr(op, "crossbar")))
        return eo_op_error(op, "attribute 'crossbar' must be an integer");
    return check_int(op, "crossbar", 0, 1 << 20);
}

int64_t
eo_npu_mvm_crossbar(const eo_op *op, size_t i)
{
    return eo_npu_attr_at(op, "crossbars", i, -1);
}

eo_status
eo_npu_mvm_params(eo_op *op, eo_npu_mvm *p)
{
    memset(p, 0, sizeof *p);
    if (check_operands(op, 2, 3) != EO_OK
        || check_buffer(op, 0, "input") != EO_OK
        || check_buffer(op, 1, "output") != EO_OK)
        return EO_ERROR;
    p->has_bias = eo_npu_num_buffers(op) == 3;
    if (p->has_bias && check_buffer(op, 2, "bias") != EO_OK)
        return EO_ERROR;
    const eo_type *x = operand_type(op, 0), *y = operand_type(op, 1);
    if (eo_type_rank(x) != 2 || !elem_is(op, 0, 8))
        return eo_op_error(op, "input (operand #0) must be a 2-D [M, K] "
                           "memref of i8");
    if (eo_type_rank(y) != 2)
        return eo_op_error(op, "output (operand #1) must be a 2-D [M, N] "
                           "memref");
    p->m = eo_type_dim(x, 0);
    p->k = eo_type_dim(x, 1);
    p->n = eo_type_dim(y, 1);
    if (eo_type_dim(y, 0) != p->m)
        return eo_op_error(op, "output has %lld rows, expects %lld (the "
                           "input's)", (long long)eo_type_dim(y, 0),
                           (long long)p->m);
    if (p->has_bias) {
        int64_t bd[1] = { p->n };
        if (!elem_is(op, 2, 32))
            return eo_op_error(op, "bias must have i32 elements");
        if (check_shape(op, 2, "bias", 1, bd) != EO_OK)
            return EO_ERROR;
    }
    const eo_attr *cb = eo_op_attr(op, "crossbars");
    if (!is_int_array(cb) || eo_attr_dense_array_size(cb) == 0)
        return eo_op_error(op, "attribute 'crossbars' must be a non-empty "
                           "integer array");
    p->num_crossbars = eo_attr_dense_array_size(cb);
    for (size_t i = 0; i < p->num_crossbars; i++) {
        int64_t v = eo_attr_dense_array_int(cb, i);
        if (v < 0)
            return eo_op_error(op, "crossbar index %lld is negative",
                               (long long)v);
        for (size_t j = 0; j < i; j++)
            if (eo_attr_dense_array_int(cb, j) == v)
                return eo_op_error(op, "crossbar %lld is listed twice",
                                   (long long)v);
    }
    return outstage(op, 1, p->n, &p->out);
}

static eo_status
verify_imc_mvm(eo_op *op)
{
    eo_npu_mvm p;
    return eo_npu_mvm_params(op, &p);
}

/* ------------------------------------------------------------------ */
/* npu.ew                                                              */
/* ------------------------------------------------------------------ */

static const char *const ew_names[EO_NPU_NUM_EW_KINDS] = {
    "add", "sub", "mul", "min", "max", "relu", "clip", "requant",
    "maxpool", "avgpool"
};

const char *
eo_npu_ew_kind_name(eo_npu_ew_kind k)
{
    return (int)k >= 0 && k < EO_NPU_NUM_EW_KINDS ? ew_names[k] : NULL;
}

int
eo_npu_ew_kind_from_name(const char *s)
{
    for (int i = 0; s && i < EO_NPU_NUM_EW_KINDS; i++)
        if (strcmp(s, ew_names[i]) == 0)
            return i;
    return -1;
}

/* Attributes each kind accepts (besides act_min, act_max, unit). */
static const char *const ew_binary_attrs[] = {
    "a_zp", "b_zp", "output_zp", "a_multiplier", "a_shift", "b_multiplier",
    "b_shift", "multiplier", "shift", "left_shift", NULL
};
static const char *const ew_unary_attrs[] = {
    "input_zp", "output_zp", "multiplier", "shift", NULL
};
static const char *const ew_pool_attrs[] = {
    "kernel", "strides", "pads", "dilations", "count_include_pad",
    "output_zp", NULL
};

static bool
in_list(const char *const *l, const char *s)
{
    for (; *l; l++)
        if (strcmp(*l, s) == 0)
            return true;
    return false;
}

static eo_status
ew_check_attrs(eo_op *op, eo_npu_ew_kind k)
{
    const char *const *ok = k <= EO_NPU_EW_MAX ? ew_binary_attrs
                            : k <= EO_NPU_EW_REQUANT ? ew_unary_attrs
                                                     : ew_pool_attrs;
    const eo_attr *props = eo_op_props(op);
    for (size_t i = 0; i < eo_attr_dict_size(props); i++) {
        const char *n = eo_ident_str(eo_attr_dict_at(props, i)->name);
        if (strcmp(n, "op") == 0 || strcmp(n, "act_min") == 0
            || strcmp(n, "act_max") == 0 || strcmp(n, "unit") == 0
            || in_list(ok, n))
            continue;
        if (in_list(ew_binary_attrs, n) || in_list(ew_unary_attrs, n)
            || in_list(ew_pool_attrs, n))
            return eo_op_error(op, "attribute '%s' does not apply to "
                               "op \"%s\"", n, ew_names[k]);
    }
    /* Zero points and bounds of the element types' ranges; multipliers
     * as the output stage's. */
    static const char *const zps[] = {
        "a_zp", "b_zp", "input_zp", "output_zp", NULL
    };
    for (size_t i = 0; zps[i]; i++)
        if (check_int(op, zps[i], INT32_MIN, INT32_MAX) != EO_OK)
            return EO_ERROR;
    static const char *const mults[] = {
        "a_multiplier", "b_multiplier", "multiplier", NULL
    };
    static const char *const shifts[] = {
        "a_shift", "b_shift", "shift", NULL
    };
    for (size_t i = 0; mults[i]; i++)
        if (check_int(op, mults[i], 0, INT32_MAX) != EO_OK
            || check_int(op, shifts[i], -31, 30) != EO_OK)
            return EO_ERROR;
    if (check_int(op, "left_shift", 0, 30) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

eo_status
eo_npu_ew_params(eo_op *op, eo_npu_ew *p)
{
    memset(p, 0, sizeof *p);
    int k = eo_npu_ew_kind_from_name(attr_str(op, "op"));
    if (k < 0)
        return eo_op_error(op, "attribute 'op' must be one of \"add\", "
                           "\"sub\", \"mul\", \"min\", \"max\", \"relu\", "
                           "\"clip\", \"requant\", \"maxpool\", "
                           "\"avgpool\"");
    p->kind = (eo_npu_ew_kind)k;
    p->num_inputs = p->kind <= EO_NPU_EW_MAX ? 2 : 1;
    size_t nb = p->num_inputs + 1;
    if (check_operands(op, nb, nb) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < nb; i++)
        if (check_buffer(op, i, i + 1 == nb ? "output" : "input") != EO_OK)
            return EO_ERROR;
    if (ew_check_attrs(op, p->kind) != EO_OK)
        return EO_ERROR;
    size_t y = nb - 1;
    const eo_type *yt = operand_type(op, y), *xt = operand_type(op, 0);
    bool out8 = elem_is(op, y, 8);
    for (size_t i = 0; i < p->num_inputs; i++)
        if (!elem_is(op, i, 8) && p->kind != EO_NPU_EW_REQUANT)
            return eo_op_error(op, "input (operand #%zu) must have i8 "
                               "elements", i);
    if (!out8)
        return eo_op_error(op, "output (operand #%zu) must have i8 "
                           "elements", y);
    int64_t lo = -128, hi = 127;
    if (check_int(op, "act_min", lo, hi) != EO_OK
        || check_int(op, "act_max", lo, hi) != EO_OK)
        return EO_ERROR;
    p->act_min = attr_int(op, "act_min", lo);
    p->act_max = attr_int(op, "act_max", hi);
    if (p->act_min > p->act_max)
        return eo_op_error(op, "act_min %lld is above act_max %lld",
                           (long long)p->act_min, (long long)p->act_max);
    p->elems = eo_type_num_elements(yt);
    if (p->kind == EO_NPU_EW_MUL || p->kind == EO_NPU_EW_ADD
        || p->kind == EO_NPU_EW_SUB || p->kind == EO_NPU_EW_REQUANT) {
        bool two = p->kind != EO_NPU_EW_REQUANT;
        if (!eo_op_attr(op, "multiplier") || !eo_op_attr(op, "shift")
            || (two && p->kind != EO_NPU_EW_MUL
                && (!eo_op_attr(op, "a_multiplier")
                    || !eo_op_attr(op, "a_shift")
                    || !eo_op_attr(op, "b_multiplier")
                    || !eo_op_attr(op, "b_shift"))))
            return eo_op_error(op, "op \"%s\" needs its multiplier and "
                               "shift attributes", ew_names[k]);
    }
    if (p->kind <= EO_NPU_EW_REQUANT) {
        size_t r = eo_type_rank(yt);
        for (size_t i = 0; i < p->num_inputs; i++) {
            const eo_type *t = operand_type(op, i);
            bool same = eo_type_rank(t) == r;
            for (size_t d = 0; same && d < r; d++)
                same = eo_type_dim(t, d) == eo_type_dim(yt, d);
            if (!same)
                return eo_op_error(op, "input (operand #%zu) and output "
                                   "shapes differ", i);
        }
        return EO_OK;
    }
    /* Pools: NHWC windows. */
    if (eo_type_rank(xt) != 4 || eo_type_rank(yt) != 4)
        return eo_op_error(op, "pool input and output must have rank 4 "
                           "[N, H, W, C]");
    if (p->kind == EO_NPU_EW_AVGPOOL && eo_op_attr(op, "dilations"))
        return eo_op_error(op, "attribute 'dilations' does not apply to "
                           "op \"avgpool\"");
    const eo_attr *cip = eo_op_attr(op, "count_include_pad");
    if (cip && !eo_attr_is_bool(cip))
        return eo_op_error(op, "attribute 'count_include_pad' must be a "
                           "bool");
    p->count_include_pad = cip && eo_attr_int_value(cip) != 0;
    if (!eo_op_attr(op, "kernel"))
        return eo_op_error(op, "a pool needs attribute 'kernel'");
    if (check_array(op, "kernel", 2, false, 1, 1 << 16) != EO_OK
        || window_attrs(op, p->stride, p->dilation, p->pad) != EO_OK
        || check_int(op, "output_zp", -128, 127) != EO_OK)
        return EO_ERROR;
    int64_t kk[2];
    read_array(op, "kernel", 2, 1, kk);
    p->kh = kk[0];
    p->kw = kk[1];
    p->n = eo_type_dim(xt, 0);
    p->h = eo_type_dim(xt, 1);
    p->w = eo_type_dim(xt, 2);
    p->c = eo_type_dim(xt, 3);
    p->ho = window_out(p->h, p->pad[0], p->pad[2], p->kh, p->stride[0],
                       p->dilation[0]);
    p->wo = window_out(p->w, p->pad[1], p->pad[3], p->kw, p->stride[1],
                       p->dilation[1]);
    int64_t yd[4] = { p->n, p->ho, p->wo, p->c };
    return check_shape(op, y, "output", 4, yd);
}

static eo_status
verify_ew(eo_op *op)
{
    eo_npu_ew p;
    if (eo_npu_ew_params(op, &p) != EO_OK)
        return EO_ERROR;
    const eo_attr *u = eo_op_attr(op, "unit");
    if (u && !attr_str(op, "unit"))
        return eo_op_error(op, "attribute 'unit' must be a string naming "
                           "an elementwise unit");
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* npu.wait, npu.cpu, npu.yield                                        */
/* ------------------------------------------------------------------ */

static eo_status
verify_wait(eo_op *op)
{
    if (eo_op_num_operands(op) == 0)
        return eo_op_error(op, "expects at least one token");
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (!eo_type_is_npu_token(operand_type(op, i)))
            return eo_op_error(op, "operand #%zu must be !npu.token", i);
    return EO_OK;
}

size_t
eo_npu_cpu_num_ins(const eo_op *op)
{
    int64_t v = attr_int(op, "num_ins", 0);
    size_t nb = eo_npu_num_buffers(op);
    return v < 0 ? 0 : (size_t)v > nb ? nb : (size_t)v;
}

/* Whether 't' is how buffer type 'memref' is seen inside npu.cpu: a
 * tensor of its shape whose elements are its element type or a
 * quantized type stored in it (the region may compute on !quant types). */
static bool
seen_as(const eo_type *t, const eo_type *memref)
{
    if (eo_type_get_kind(t) != EO_TYPE_TENSOR
        || eo_type_rank(t) != eo_type_rank(memref))
        return false;
    for (size_t d = 0; d < eo_type_rank(t); d++)
        if (eo_type_dim(t, d) != eo_type_dim(memref, d))
            return false;
    const eo_type *e = eo_type_elem(t);
    return e == eo_type_elem(memref)
           || (eo_type_is_quant(e)
               && eo_quant_storage_type(e) == eo_type_elem(memref));
}

static eo_status
verify_cpu(eo_op *op)
{
    size_t nb = eo_npu_num_buffers(op);
    if (nb == 0)
        return eo_op_error(op, "expects at least one buffer operand");
    if (check_operands(op, 1, SIZE_MAX) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < nb; i++)
        if (check_buffer_of(op, i, "buffer", true) != EO_OK)
            return EO_ERROR;
    const eo_attr *ni = eo_op_attr(op, "num_ins");
    if (!is_int_attr(ni) || eo_attr_int_value(ni) < 0
        || (uint64_t)eo_attr_int_value(ni) > nb)
        return eo_op_error(op, "attribute 'num_ins' must be an integer in "
                           "[0, %zu] (the number of input buffers)", nb);
    size_t nin = eo_npu_cpu_num_ins(op);
    eo_region *r = eo_op_region(op, 0);
    eo_block *b = eo_region_first(r);
    if (!b || eo_block_next(b))
        return eo_op_error(op, "expects a region of one block");
    if (eo_block_num_args(b) != nin)
        return eo_op_error(op, "region has %zu arguments, expects %zu (one "
                           "tensor per input buffer)", eo_block_num_args(b),
                           nin);
    for (size_t i = 0; i < nin; i++)
        if (!seen_as(eo_value_type(eo_block_arg(b, i)), operand_type(op, i)))
            return eo_op_error(op, "region argument #%zu must be a tensor of "
                               "input buffer #%zu's shape and element type "
                               "(or a quantized type stored in it)", i, i);
    return EO_OK;
}

static eo_status
verify_yield(eo_op *op)
{
    eo_op *parent = eo_op_parent(op);
    if (!parent || eo_npu_op_kind(parent) != NPU_CPU)
        return eo_op_error(op, "expects parent op 'npu.cpu'");
    size_t nin = eo_npu_cpu_num_ins(parent);
    size_t nout = eo_npu_num_buffers(parent) - nin;
    if (eo_op_num_operands(op) != nout)
        return eo_op_error(op, "yields %zu values, expects %zu (one tensor "
                           "per output buffer)", eo_op_num_operands(op),
                           nout);
    for (size_t i = 0; i < nout; i++)
        if (!seen_as(eo_value_type(eo_op_operand(op, i)),
                     operand_type(parent, nin + i)))
            return eo_op_error(op, "value #%zu must be a tensor of output "
                               "buffer #%zu's shape and element type (or a "
                               "quantized type stored in it)", i, nin + i);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Custom forms                                                        */
/* ------------------------------------------------------------------ */

/* " after %t0, %t1" when the op waits for tokens. */
static void
print_after(eo_printer *p, eo_op *op)
{
    size_t nb = eo_npu_num_buffers(op), n = eo_op_num_operands(op);
    if (n == nb)
        return;
    eo_print_str(p, " after ");
    eo_print_operands(p, op, nb, n - nb);
}

static void
print_buffer_types(eo_printer *p, eo_op *op, size_t first, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, operand_type(op, first + i));
    }
}

/* npu.op %b0, %b1 [after %t...] {attrs} : T0, T1 */
static void
print_cmd(eo_printer *p, eo_op *op)
{
    size_t nb = eo_npu_num_buffers(op);
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, nb);
    print_after(p, op);
    eo_print_attr_dict(p, op, NULL);
    if (nb) {
        eo_print_str(p, " : ");
        print_buffer_types(p, op, 0, nb);
    }
}

/* Parses "after %t, ..." if present and resolves the tokens. */
static eo_status
parse_after(eo_parser *p, eo_op_state *st)
{
    if (!eo_parse_optional_keyword(p, "after"))
        return EO_OK;
    eo_operand_ref *refs;
    size_t n;
    eo_status s = eo_parse_operand_list(p, &refs, &n);
    if (s != EO_OK)
        return s;
    if (n == 0)
        return eo_parser_error(p, "expected a token after 'after'");
    const eo_type *tok = eo_npu_token_type(eo_parser_ctx(p));
    if (!tok)
        return eo_parser_error(p, "out of memory");
    for (size_t i = 0; i < n; i++)
        if ((s = eo_parse_resolve_operand(p, &refs[i], tok, st)) != EO_OK)
            return s;
    return EO_OK;
}

/* ": T0, T1" for 'n' buffer refs, resolved into st (before the tokens:
 * the caller parses tokens into 'tokst' and appends them after). */
static eo_status
parse_buffer_types(eo_parser *p, const eo_operand_ref *refs, size_t n,
                   eo_op_state *st)
{
    const eo_type **types;
    size_t nt;
    eo_status s;
    if (n == 0)
        return EO_OK;
    if ((s = eo_parse_punct(p, ":")) != EO_OK)
        return s;
    const eo_loc *at = eo_parser_loc(p);
    if ((s = eo_parse_type_list(p, &types, &nt)) != EO_OK)
        return s;
    if (nt != n)
        return eo_parser_error_loc(p, at, "%zu buffer types given, but "
                                   "expected %zu", nt, n);
    return eo_parse_resolve_operands(p, refs, n, types, nt, st);
}

/* Moves the operands of 'from' (tokens) after those of 'st'. */
static eo_status
append_operands(eo_op_state *st, eo_op_state *from)
{
    eo_status s = eo_op_state_add_operands(st, from->num_operands,
                                           from->operands);
    eo_op_state_release(from);
    return s;
}

static eo_status
parse_cmd(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs;
    size_t n;
    eo_status s;
    eo_op_state toks;
    if ((s = eo_parse_operand_list(p, &refs, &n)) != EO_OK)
        return s;
    if (n == 0)
        return eo_parser_error(p, "expected a buffer operand");
    eo_op_state_init(&toks, st->ctx, "npu.wait", st->loc);
    if ((s = parse_after(p, &toks)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = parse_buffer_types(p, refs, n, st)) != EO_OK) {
        eo_op_state_release(&toks);
        return s;
    }
    if ((s = append_operands(st, &toks)) != EO_OK)
        return s;
    const eo_type *tok = eo_npu_token_type(eo_parser_ctx(p));
    if (!tok)
        return eo_parser_error(p, "out of memory");
    return eo_op_state_add_result(st, tok);
}

/* npu.wait %t0, %t1 {attrs} */
static void
print_wait(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, eo_op_num_operands(op));
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_wait(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs;
    size_t n;
    eo_status s;
    if ((s = eo_parse_operand_list(p, &refs, &n)) != EO_OK)
        return s;
    const eo_type *tok = eo_npu_token_type(eo_parser_ctx(p));
    if (!tok)
        return eo_parser_error(p, "out of memory");
    for (size_t i = 0; i < n; i++)
        if ((s = eo_parse_resolve_operand(p, &refs[i], tok, st)) != EO_OK)
            return s;
    return eo_parse_optional_attr_dict(p, st);
}

/* npu.cpu ins(%a) outs(%b) [after %t] [attributes {attrs}] : Ta, Tb
 * {region} */
static void
print_cpu(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = { "num_ins", NULL };
    size_t nb = eo_npu_num_buffers(op), nin = eo_npu_cpu_num_ins(op);
    eo_print_str(p, " ins(");
    eo_print_operands(p, op, 0, nin);
    eo_print_str(p, ") outs(");
    eo_print_operands(p, op, nin, nb - nin);
    eo_print_str(p, ")");
    print_after(p, op);
    eo_print_attr_dict_kw(p, op, elided);
    if (nb) {
        eo_print_str(p, " : ");
        print_buffer_types(p, op, 0, nb);
    }
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), true, true);
}

static eo_status
parse_group(eo_parser *p, const char *kw, eo_operand_ref **refs, size_t *n)
{
    eo_status s;
    if ((s = eo_parse_expect_keyword(p, kw)) != EO_OK
        || (s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    *n = 0;
    *refs = NULL;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    if ((s = eo_parse_operand_list(p, refs, n)) != EO_OK)
        return s;
    return eo_parse_punct(p, ")");
}

static eo_status
parse_cpu(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *ins, *outs;
    size_t nin, nout;
    eo_status s;
    if ((s = parse_group(p, "ins", &ins, &nin)) != EO_OK)
        return s;
    /* Copy: the parser's arena array may be reused by the next list. */
    eo_operand_ref stack[16], *all = stack;
    eo_ctx *ctx = eo_parser_ctx(p);
    if ((s = parse_group(p, "outs", &outs, &nout)) != EO_OK)
        return s;
    size_t n = nin + nout;
    if (n > 16) {
        all = eo_ctx_alloc(ctx, n * sizeof *all);
        if (!all)
            return eo_parser_error(p, "out of memory");
    }
    if (nin)
        memcpy(all, ins, nin * sizeof *all);
    if (nout)
        memcpy(all + nin, outs, nout * sizeof *all);
    eo_op_state toks;
    eo_op_state_init(&toks, ctx, "npu.wait", st->loc);
    const eo_attr *na = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64),
                                        (int64_t)nin);
    if (!na)
        s = eo_parser_error(p, "out of memory");
    if (s == EO_OK && (s = parse_after(p, &toks)) == EO_OK
        && (s = eo_parse_optional_attr_dict_kw(p, st)) == EO_OK
        && (s = eo_op_state_set_attr(st, "num_ins", na)) == EO_OK)
        s = parse_buffer_types(p, all, n, st);
    if (all != stack)
        eo_ctx_free(ctx, all, n * sizeof *all);
    if (s != EO_OK) {
        eo_op_state_release(&toks);
        return s;
    }
    if ((s = append_operands(st, &toks)) != EO_OK)
        return s;
    /* Region arguments are declared in its entry label. */
    eo_region *r = eo_op_state_add_region(st);
    if (!r)
        return eo_parser_error(p, "out of memory");
    if ((s = eo_parse_region(p, r, NULL, 0)) != EO_OK)
        return s;
    const eo_type *tok = eo_npu_token_type(ctx);
    if (!tok)
        return eo_parser_error(p, "out of memory");
    return eo_op_state_add_result(st, tok);
}

/* npu.yield %a, %b : Ta, Tb */
static void
print_yield(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (n == 0)
        return;
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, n);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    print_buffer_types(p, op, 0, n);
}

static eo_status
parse_yield(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs;
    size_t n;
    eo_status s;
    if ((s = eo_parse_operand_list(p, &refs, &n)) != EO_OK)
        return s;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    if (n == 0)
        return EO_OK;
    return parse_buffer_types(p, refs, n, st);
}

static void
token_names(eo_op *op, void (*set)(void *ud, unsigned i, const char *name,
                                   size_t len), void *ud)
{
    if (eo_op_num_results(op) == 1)
        set(ud, 0, "tok", 3);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define OUTSTAGE "input_zp", "weight_zp", "output_zp", "multiplier", \
                 "shift", "act_min", "act_max", "accumulate"

/* Commands read and write memory (their buffers); the tokens order them
 * (docs/npu-dialect.md, "Ordering"). */
static const eo_op_def npu_ops[NPU_NUM_OPS] = {
    [NPU_DMA] = { .name = "npu.dma", .operands = EO_VARIADIC, .results = 1,
                  .traits = EO_MEM_READ | EO_MEM_WRITE,
                  .opt_attrs = EO_ATTRS("sizes", "src_offsets",
                                        "dst_offsets", "channel"),
                  .verify = verify_dma, .print = print_cmd,
                  .parse = parse_cmd, .result_names = token_names },
    [NPU_WAIT] = { .name = "npu.wait", .operands = EO_VARIADIC,
                   .results = 0, .traits = EO_MEM_READ | EO_MEM_WRITE,
                   .verify = verify_wait, .print = print_wait,
                   .parse = parse_wait },
    [NPU_CONV] = { .name = "npu.conv", .operands = EO_VARIADIC,
                   .results = 1, .traits = EO_MEM_READ | EO_MEM_WRITE,
                   .attrs = EO_ATTRS("kind"),
                   .opt_attrs = EO_ATTRS("strides", "dilations", "pads",
                                         "engine", OUTSTAGE),
                   .verify = verify_conv, .print = print_cmd,
                   .parse = parse_cmd, .result_names = token_names },
    [NPU_IMC_PROGRAM] = { .name = "npu.imc_program",
                          .operands = EO_VARIADIC, .results = 1,
                          .traits = EO_MEM_READ | EO_MEM_WRITE,
                          .attrs = EO_ATTRS("crossbar"),
                          .verify = verify_imc_program, .print = print_cmd,
                          .parse = parse_cmd, .result_names = token_names },
    [NPU_IMC_MVM] = { .name = "npu.imc_mvm", .operands = EO_VARIADIC,
                      .results = 1, .traits = EO_MEM_READ | EO_MEM_WRITE,
                      .attrs = EO_ATTRS("crossbars"),
                      .opt_attrs = EO_ATTRS(OUTSTAGE),
                      .verify = verify_imc_mvm, .print = print_cmd,
                      .parse = parse_cmd, .result_names = token_names },
    [NPU_EW] = { .name = "npu.ew", .operands = EO_VARIADIC, .results = 1,
                 .traits = EO_MEM_READ | EO_MEM_WRITE,
                 .attrs = EO_ATTRS("op"),
                 .opt_attrs = EO_ATTRS("unit", "act_min", "act_max", "a_zp",
                                       "b_zp", "input_zp", "output_zp",
                                       "a_multiplier", "a_shift",
                                       "b_multiplier", "b_shift",
                                       "multiplier", "shift", "left_shift",
                                       "kernel", "strides", "pads",
                                       "dilations", "count_include_pad"),
                 .verify = verify_ew, .print = print_cmd, .parse = parse_cmd,
                 .result_names = token_names },
    [NPU_CPU] = { .name = "npu.cpu", .operands = EO_VARIADIC, .results = 1,
                  .regions = 1,
                  .traits = EO_MEM_READ | EO_MEM_WRITE | EO_SINGLE_BLOCK
                            | EO_ISOLATED_FROM_ABOVE,
                  .attrs = EO_ATTRS("num_ins"),
                  .verify = verify_cpu, .print = print_cpu,
                  .parse = parse_cpu, .result_names = token_names },
    [NPU_YIELD] = { .name = "npu.yield", .operands = EO_VARIADIC,
                    .results = 0,
                    .traits = EO_PURE | EO_TERMINATOR | EO_RETURN_LIKE,
                    .verify = verify_yield, .print = print_yield,
                    .parse = parse_yield },
};

static const eo_dialect_desc npu_desc = {
    .name = "npu",
    .ops = npu_ops,
    .num_ops = NPU_NUM_OPS,
    .parse_type = parse_type,
    .print_type = print_type,
};

eo_status
eo_npu_register(eo_ctx *ctx)
{
    return eo_dialect_register_desc(ctx, &npu_desc);
}

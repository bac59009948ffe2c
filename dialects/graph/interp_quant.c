/* dialects/graph/interp_quant.c - the interpreter's quantized kernels:
 * quantize, dequantize, requantize and the integer-only forms of conv2d,
 * gemm, matmul, add, mul, the pools, relu and clip, plus data movement on
 * quantized tensors (delegated to interp_elem.c's kernels).
 *
 * Arithmetic is TFLite's reference arithmetic: int32 accumulators
 * (computed exactly, then saturated) of (q - zp) products, rescaled with
 * the Q31 fixed-point multiplier
 * (eo_quant_multiplier / eo_quant_apply_multiplier: SaturatingRounding-
 * DoublingHighMul and RoundingDivideByPOT, rounding half away from zero),
 * fused activations as clamps of the quantized output range. ONNX's
 * reference (QLinearConv, QLinearMatMul) rescales in float and rounds
 * half to even, so results may differ from it by one in the last place.
 * 16-bit activations follow TFLite's 16x8 kernels (int64 accumulator,
 * 64-bit rescale). Storage: i8, u8 (and narrower), i16 and i32; u16 and
 * u32 are reported as unsupported. Values are read by the width of the
 * host tensor and the signedness of the quant type.
 *
 * Speed: parameters are read once per operand or channel, element loops
 * are typed per storage type, and 8-bit conv2d / gemm / matmul run on
 * operands widened once to int16 minus their zero points, with int32
 * multiply-adds along contiguous rows (see "Integer products"); results
 * are the exact integer sums either way.
 */
#include "dialects/graph/interp_internal.h"
#include "dialects/graph/graph.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Operand descriptions                                                */
/* ------------------------------------------------------------------ */

/* How the values of a tensor are stored: its width and the quant type's
 * signedness (a u8 tensor may hold a signed type's bytes and the other
 * way round). Fixed once per operand, so that element loops switch on it
 * outside the loop or on a value the branch predictor knows. */
typedef enum qstore { QS_I8, QS_U8, QS_I16, QS_U16, QS_I32 } qstore;

/* One operand or result: its quantization (a plain integer tensor gets
 * scale 1 and zero point 0) and its host tensor. */
typedef struct qarg {
    bool quant;               /* the IR element type is !quant.uniform */
    eo_quant_params p;
    const eo_tensor *t;
    qstore st;
    int64_t inner;            /* per axis: product of dims after the axis */
} qarg;

static qstore
store_of(size_t size, bool is_signed)
{
    if (size == 1)
        return is_signed ? QS_I8 : QS_U8;
    if (size == 2)
        return is_signed ? QS_I16 : QS_U16;
    return QS_I32;
}

static const double unit_scale = 1.0;
static const int64_t zero_zp = 0;

static const char *
storage_name(const eo_quant_params *p, char buf[16])
{
    snprintf(buf, 16, "%c%u", p->is_signed ? 'i' : 'u', p->storage_bits);
    return buf;
}

/* Fills 'a' for value 'v' held in 't'; "what" names it in diagnostics.
 * Plain i8, u8, i16 and i32 tensors are accepted when 'plain_ok'. */
static eo_status
get_arg(eo_op *op, const eo_value *v, const eo_tensor *t, const char *what,
        bool plain_ok, qarg *a)
{
    memset(a, 0, sizeof *a);
    a->t = t;
    const eo_type *elem = eo_type_elem_or_self(eo_value_type(v));
    char buf[16];
    if (eo_quant_get_params(elem, &a->p)) {
        a->quant = true;
        size_t sz = eo_dtype_size(t->dtype);
        unsigned bits = a->p.storage_bits;
        bool ok = (bits <= 8 && sz == 1)
                  || (bits > 8 && bits <= 16 && sz == 2 && a->p.is_signed)
                  || (bits > 16 && bits <= 32 && sz == 4 && a->p.is_signed);
        if (!ok)
            return eo_op_error(op, "unsupported: %s has quantized storage "
                               "%s, which the interpreter does not handle",
                               what, storage_name(&a->p, buf));
        if (a->p.num_scales < 1)
            return eo_op_error(op, "%s has no scales", what);
        a->st = store_of(sz, a->p.is_signed);
        if (a->p.axis >= 0) {
            if ((size_t)a->p.axis >= t->rank
                || t->shape[a->p.axis] != (int64_t)a->p.num_scales)
                return eo_op_error(op, "%s: quantized axis %d does not "
                                   "match its shape", what, (int)a->p.axis);
            a->inner = 1;
            for (size_t d = (size_t)a->p.axis + 1; d < t->rank; d++)
                a->inner *= t->shape[d];
        } else if (a->p.num_scales != 1) {
            return eo_op_error(op, "%s: per-tensor type with %zu scales",
                               what, a->p.num_scales);
        }
        return EO_OK;
    }
    if (!plain_ok)
        return eo_op_error(op, "unsupported: %s is not quantized while "
                           "other operands are", what);
    a->p.axis = -1;
    a->p.num_scales = 1;
    a->p.scales = &unit_scale;
    a->p.zero_points = &zero_zp;
    switch (t->dtype) {
    case EO_DT_I8: a->p.is_signed = true; a->p.storage_bits = 8; break;
    case EO_DT_U8: a->p.is_signed = false; a->p.storage_bits = 8; break;
    case EO_DT_I16: a->p.is_signed = true; a->p.storage_bits = 16; break;
    case EO_DT_I32: a->p.is_signed = true; a->p.storage_bits = 32; break;
    default:
        return eo_op_error(op, "unsupported: %s has element type %s in a "
                           "quantized op", what, eo_dtype_name(t->dtype));
    }
    unsigned b = a->p.storage_bits;
    a->st = store_of(b / 8, a->p.is_signed);
    a->p.storage_min = a->p.is_signed ? -(INT64_C(1) << (b - 1)) : 0;
    a->p.storage_max = a->p.is_signed ? (INT64_C(1) << (b - 1)) - 1
                                      : (INT64_C(1) << b) - 1;
    return EO_OK;
}

static eo_status
operand_arg(eo_op *op, const eo_tensor *in, size_t i, bool plain_ok,
            qarg *a)
{
    char what[32];
    snprintf(what, sizeof what, "operand #%zu", i);
    return get_arg(op, eo_op_operand(op, i), &in[i], what, plain_ok, a);
}

static eo_status
result_arg(eo_op *op, const eo_tensor *out, size_t i, bool plain_ok,
           qarg *a)
{
    char what[32];
    snprintf(what, sizeof what, "result #%zu", i);
    return get_arg(op, eo_op_result(op, i), &out[i], what, plain_ok, a);
}

/* Stored value i of 'a' (sign-extended or not per its quant type). */
static int64_t
qget(const qarg *a, int64_t i)
{
    const void *d = a->t->data;
    switch (a->st) {
    case QS_I8: return ((const int8_t *)d)[i];
    case QS_U8: return ((const uint8_t *)d)[i];
    case QS_I16: return ((const int16_t *)d)[i];
    case QS_U16: return ((const uint16_t *)d)[i];
    default: return ((const int32_t *)d)[i];
    }
}

/* Stores v (already within the storage range) as element i of 't', a
 * tensor of 1, 2 or 4 byte elements (get_arg checked it). */
static void
qset(eo_tensor *t, int64_t i, int64_t v)
{
    switch (t->dtype) {
    case EO_DT_I8: case EO_DT_U8:
        ((uint8_t *)t->data)[i] = (uint8_t)(v & 0xff);
        break;
    case EO_DT_I16: case EO_DT_U16:
        ((uint16_t *)t->data)[i] = (uint16_t)(v & 0xffff);
        break;
    default:
        ((int32_t *)t->data)[i] = (int32_t)v;
        break;
    }
}

/* Elements of 'a' come in runs of run_len() sharing one channel; run k
 * has channel k % num_chans() (one run for a per-tensor type). */
static int64_t
run_len(const qarg *a)
{
    return a->p.axis >= 0 ? a->inner : eo_tensor_numel(a->t);
}

static int64_t
num_chans(const qarg *a)
{
    return a->p.axis >= 0 ? (int64_t)a->p.num_scales : 1;
}

/* The channel (index along the quantized axis) of flat element i. */
static size_t
chan_of(const qarg *a, int64_t i)
{
    if (a->p.axis < 0)
        return 0;
    return (size_t)((i / a->inner) % (int64_t)a->p.num_scales);
}

static int64_t
zp_at(const qarg *a, size_t c)
{
    return a->p.zero_points[a->p.num_scales == 1 ? 0 : c];
}

static double
scale_at(const qarg *a, size_t c)
{
    return a->p.scales[a->p.num_scales == 1 ? 0 : c];
}

/* lo if v < lo, else hi if v > hi, else v; as two independent selects,
 * which compile to conditional moves rather than a branch on data. */
static int64_t
clamp64(int64_t v, int64_t lo, int64_t hi)
{
    int64_t r = v > hi ? hi : v;
    return v < lo ? lo : r;
}

static int32_t
sat32(int64_t v)
{
    return (int32_t)clamp64(v, INT32_MIN, INT32_MAX);
}

/* TFLite's TfLiteRound (half away from zero) of f / scale, plus zp, in
 * the storage range; infinite bounds saturate. */
static int64_t
quantize_bound(float f, double scale, int64_t zp, int64_t lo, int64_t hi)
{
    float r = roundf(f / (float)scale);
    if (isnan(r))
        return zp;
    double v = (double)r + (double)zp;
    if (v <= (double)lo)
        return lo;
    if (v >= (double)hi)
        return hi;
    return (int64_t)v;
}

/* The clamp [*lo, *hi] of fused activation 'act' on a per-tensor result
 * 'y', as TFLite's CalculateActivationRangeQuantized. */
static eo_status
act_range(eo_op *op, const eo_graph_activation *act, const qarg *y,
          int64_t *lo, int64_t *hi)
{
    int64_t zp = zp_at(y, 0);
    double s = scale_at(y, 0);
    *lo = y->p.storage_min;
    *hi = y->p.storage_max;
    switch (act->kind) {
    case EO_ACT_NONE:
        return EO_OK;
    case EO_ACT_RELU:
        *lo = quantize_bound(0.0f, s, zp, *lo, *hi);
        return EO_OK;
    case EO_ACT_RELU6:
        *lo = quantize_bound(0.0f, s, zp, *lo, *hi);
        *hi = quantize_bound(6.0f, s, zp, *lo, *hi);
        return EO_OK;
    case EO_ACT_CLIP:
        *lo = quantize_bound(act->min, s, zp, *lo, *hi);
        *hi = quantize_bound(act->max, s, zp, *lo, *hi);
        return EO_OK;
    default:
        return eo_op_error(op, "unsupported: a fused activation other "
                           "than relu, relu6 or clip on a quantized "
                           "result");
    }
}

/* Output stage shared by conv2d, gemm and matmul: the rescaled, offset
 * and clamped accumulator, or the raw accumulator for an i32 result. */
typedef struct out_stage {
    bool raw;                 /* plain i32 result: no requantization */
    bool wide;                /* 16-bit input: TFLite's 16x8 rescale */
    int64_t zp, lo, hi;
} out_stage;

/* Floor of v / 2^e (0 < e < 63) without the implementation-defined right
 * shift of negative numbers. */
static int64_t
floor_shift(int64_t v, int e)
{
    return v >= 0 ? v >> e : -(((-v) - 1) >> e) - 1;
}

/* TFLite's 64-bit MultiplyByQuantizedMultiplier, used by its 16x8 conv,
 * fully connected and batch matmul kernels: the Q31 multiplier rounded to
 * Q15, one rounding (half up) of the int64 accumulator. Inputs TFLite
 * asserts against (|x| >= 2^47, shift >= 8) saturate here. */
static int32_t
apply_multiplier64(int64_t x, int32_t q, int shift)
{
    const int64_t lim = INT64_C(1) << 47;
    x = clamp64(x, -lim, lim - 1);
    int64_t r = q < 0x7FFF0000 ? ((int64_t)q + (1 << 15)) / (1 << 16)
                               : 0x7FFF;
    int64_t v = x * r;                      /* |v| < 2^62 */
    int total = 15 - shift;
    if (total <= 0) {
        int k = -total;
        if (v == 0)
            return 0;
        if (k >= 31 || v > (int64_t)INT32_MAX / (INT64_C(1) << k)
            || v < (int64_t)INT32_MIN / (INT64_C(1) << k))
            return v > 0 ? INT32_MAX : INT32_MIN;
        return (int32_t)(v * (INT64_C(1) << k));
    }
    if (total > 62)
        return 0;
    return sat32(floor_shift(v + (INT64_C(1) << (total - 1)), total));
}

/* 'x' is the activation operand: 16-bit storage selects the 16x8 path. */
static eo_status
out_stage_init(eo_op *op, const qarg *x, const qarg *y, out_stage *s)
{
    memset(s, 0, sizeof *s);
    s->wide = x->p.storage_bits > 8;
    eo_graph_activation act = eo_graph_op_activation(op);
    if (!y->quant) {
        if (y->t->dtype != EO_DT_I32)
            return eo_op_error(op, "unsupported: a quantized op with a %s "
                               "result (expects a quantized type or i32)",
                               eo_dtype_name(y->t->dtype));
        if (act.kind != EO_ACT_NONE)
            return eo_op_error(op, "unsupported: a fused activation on "
                               "a raw i32 accumulator result");
        s->raw = true;
        return EO_OK;
    }
    if (y->p.axis >= 0)
        return eo_op_error(op, "unsupported: a per-axis quantized result");
    s->zp = zp_at(y, 0);
    return act_range(op, &act, y, &s->lo, &s->hi);
}

/* Accumulator 'acc' through the output stage with multiplier (q, shift).
 * For 8-bit inputs the accumulator saturates to int32 first (TFLite's
 * wraps); 16-bit inputs keep the int64 accumulator, as TFLite's 16x8
 * kernels. */
static inline int64_t
out_stage_apply(const out_stage *s, int64_t acc, int32_t q, int shift)
{
    if (s->raw)
        return sat32(acc);
    int64_t v = s->wide ? (int64_t)apply_multiplier64(acc, q, shift)
                        : (int64_t)eo_quant_apply_multiplier(sat32(acc), q,
                                                             shift);
    return clamp64(v + s->zp, s->lo, s->hi);
}

/* Checks a bias of 'nchan' elements: plain i32, or a quantized i32 whose
 * scale for channel c is s_x * s_w[c] (TFLite's check, relative 1e-4 here
 * to allow for scales printed with 7 digits). */
static eo_status
check_bias(eo_op *op, const qarg *b, const qarg *x, const qarg *w,
           int64_t nchan)
{
    if (eo_tensor_numel(b->t) != nchan)
        return eo_op_error(op, "bias has %lld elements, expects %lld",
                           (long long)eo_tensor_numel(b->t),
                           (long long)nchan);
    if (b->p.storage_bits != 32 && b->quant)
        return eo_op_error(op, "unsupported: a quantized bias must have "
                           "i32 storage");
    if (!b->quant) {
        if (b->t->dtype != EO_DT_I32)
            return eo_op_error(op, "unsupported: bias of type %s (expects "
                               "i32)", eo_dtype_name(b->t->dtype));
        return EO_OK;
    }
    if (b->p.axis >= 0 && (b->t->rank != 1 || b->p.axis != 0))
        return eo_op_error(op, "unsupported: bias quantized along an axis "
                           "other than its only one");
    for (int64_t c = 0; c < nchan; c++) {
        double want = scale_at(x, 0) * scale_at(w, (size_t)c);
        double got = scale_at(b, (size_t)c);
        if (fabs(got - want) > 1e-4 * want)
            return eo_op_error(op, "bias scale %g of channel %lld does not "
                               "equal input scale * weight scale (%g)",
                               got, (long long)c, want);
    }
    return EO_OK;
}

/* Operands of conv2d, gemm and matmul are at most 16 bits wide (TFLite's
 * int8 and int16 kernels), so that products and their sums fit in int64
 * without overflow. */
static eo_status
check_width(eo_op *op, const qarg *a, const qarg *b)
{
    if (a->p.storage_bits > 16 || b->p.storage_bits > 16)
        return eo_op_error(op, "unsupported: quantized operands wider "
                           "than 16 bits");
    return EO_OK;
}

/* A Q31 fixed-point multiplier and its shift (eo_quant_multiplier). */
typedef struct mult {
    int32_t q;
    int shift;
} mult;

#define STORE_OUTPUTS(T)                                              \
    do {                                                              \
        T *d = (T *)y->data + y0;                                     \
        for (int64_t i = 0; i < n; i++)                               \
            d[i * ys] = (T)out_stage_apply(s, acc[i], m.q, m.shift);  \
    } while (0)

/* Element y0 + i * ys of 'y' = acc[i] through the output stage with
 * multiplier m, for i < n: a row of outputs of one channel, stored with
 * the result's type fixed outside the loop (the value is within its
 * range; storing to the unsigned type of the width wraps negative
 * values to their two's complement bytes). */
static void
store_outputs(eo_tensor *y, int64_t y0, int64_t ys, const out_stage *s,
              const int64_t *acc, int64_t n, mult m)
{
    switch (y->dtype) {
    case EO_DT_I8: case EO_DT_U8: STORE_OUTPUTS(uint8_t); break;
    case EO_DT_I16: case EO_DT_U16: STORE_OUTPUTS(uint16_t); break;
    default: STORE_OUTPUTS(uint32_t); break;
    }
}

#undef STORE_OUTPUTS

/* Multipliers s_x * s_w[c] / s_y for c < n (all zero for a raw i32
 * result); NULL on allocation failure. The caller frees the array. */
static mult *
channel_mults(const qarg *x, const qarg *w, const qarg *y, size_t n)
{
    mult *m = calloc(n ? n : 1, sizeof *m);
    if (!m)
        return NULL;
    for (size_t c = 0; c < n && y->quant; c++) {
        double real = scale_at(x, 0) * scale_at(w, c) / scale_at(y, 0);
        eo_quant_multiplier(real, &m[c].q, &m[c].shift);
    }
    return m;
}

/* ------------------------------------------------------------------ */
/* Integer products                                                    */
/* ------------------------------------------------------------------ */

/* conv2d, gemm and matmul have two paths. Operands of at most 8 bits
 * (every quantized model so far) are first widened to int16 values minus
 * their channel's zero point ("centered" values: real value / scale,
 * within [-255, 255]), one pass over each operand, so that the inner
 * loops are plain multiply-adds of int16 into int32 along contiguous
 * arrays, which the compiler vectorizes. 16-bit operands (TFLite's 16x8
 * kernels) run plain loops over the stored values in int64. */

/* Storage of at most 8 bits (the fast path). */
static bool
is_narrow(const qarg *a)
{
    return a->st == QS_I8 || a->st == QS_U8;
}

/* malloc of n int16 (at least one, so NULL means out of memory). */
static int16_t *
alloc_i16(int64_t n)
{
    return malloc((size_t)(n > 0 ? n : 1) * sizeof(int16_t));
}

#define CENTER_RUN(T)                                                 \
    do {                                                              \
        const T *src = (const T *)a->t->data + base;                  \
        for (int64_t i = 0; i < run; i++)                             \
            dst[base + i] = (int16_t)(src[i] - zp);                   \
    } while (0)

/* The values of 'a' (storage of at most 8 bits) minus the zero point of
 * their channel; NULL on allocation failure, else the caller frees it. */
static int16_t *
centered(const qarg *a)
{
    int64_t n = eo_tensor_numel(a->t);
    int16_t *dst = alloc_i16(n);
    if (!dst)
        return NULL;
    int64_t run = run_len(a), nch = num_chans(a);
    for (int64_t k = 0, base = 0; base < n; k++, base += run) {
        int zp = (int)zp_at(a, (size_t)(k % nch));
        if (a->st == QS_I8)
            CENTER_RUN(int8_t);
        else
            CENTER_RUN(uint8_t);
    }
    return dst;
}

#undef CENTER_RUN

/* Products of centered values lie within 255 * 255 = 65025, so a sum of
 * up to ACC32_TERMS of them within 2130739200 < 2^31: sums that long run
 * in int32, then go to an int64 total; the result is the exact sum. */
#define ACC32_TERMS 32768

/* y[i] += a * x[i] for i < n, eight at a time: the straight-line body
 * becomes vector instructions even at -O2 (SLP vectorizer), where loops
 * are vectorized only in part. 'a' stays int16 so that the products are
 * 16 x 16 -> 32-bit multiplies, which SSE2 has. */
static inline void
mac_row(int32_t *restrict y, const int16_t *restrict x, int16_t a,
        int64_t n)
{
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        y[i + 0] += a * x[i + 0];
        y[i + 1] += a * x[i + 1];
        y[i + 2] += a * x[i + 2];
        y[i + 3] += a * x[i + 3];
        y[i + 4] += a * x[i + 4];
        y[i + 5] += a * x[i + 5];
        y[i + 6] += a * x[i + 6];
        y[i + 7] += a * x[i + 7];
    }
    for (; i < n; i++)
        y[i] += a * x[i];
}

/* acc[i] = base + sum over r < nr of w[r] * rows[r * rs + i], for i < n;
 * 'tmp' has room for n int32 partial sums. */
static void
sum_rows(int64_t *restrict acc, int32_t *restrict tmp, int64_t base,
         const int16_t *restrict w, const int16_t *restrict rows,
         int64_t rs, int64_t nr, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        acc[i] = base;
    for (int64_t r0 = 0; r0 < nr; r0 += ACC32_TERMS) {
        int64_t r1 = nr - r0 > ACC32_TERMS ? r0 + ACC32_TERMS : nr;
        memset(tmp, 0, (size_t)n * sizeof *tmp);
        for (int64_t r = r0; r < r1; r++)
            mac_row(tmp, rows + r * rs, w[r], n);
        for (int64_t i = 0; i < n; i++)
            acc[i] += tmp[i];
    }
}

/* Sum over i < n of a[i] * b[i] (centered values), exact. */
static int64_t
dot(const int16_t *restrict a, const int16_t *restrict b, int64_t n)
{
    int64_t sum = 0;
    for (int64_t i0 = 0; i0 < n; i0 += ACC32_TERMS) {
        int64_t i1 = n - i0 > ACC32_TERMS ? i0 + ACC32_TERMS : n;
        int32_t part = 0;
        for (int64_t i = i0; i < i1; i++)
            part += a[i] * b[i];
        sum += part;
    }
    return sum;
}

/* dst = the [cols, rows] transpose of the row-major [rows, cols] 'src'. */
static void
transpose_i16(int16_t *restrict dst, const int16_t *restrict src,
              int64_t rows, int64_t cols)
{
    for (int64_t r = 0; r < rows; r++)
        for (int64_t c = 0; c < cols; c++)
            dst[c * rows + r] = src[r * cols + c];
}

/* ------------------------------------------------------------------ */
/* quantize, dequantize, requantize                                    */
/* ------------------------------------------------------------------ */

static eo_status
shapes_equal(eo_op *op, const eo_tensor *a, const eo_tensor *b)
{
    if (a->rank != b->rank)
        return eo_op_error(op, "operand and result ranks differ");
    for (size_t d = 0; d < a->rank; d++)
        if (a->shape[d] != b->shape[d])
            return eo_op_error(op, "operand and result shapes differ");
    return EO_OK;
}

/* ONNX QuantizeLinear: saturate(rint(x / scale) + zp), the division in
 * the input's precision, ties to even; NaN gives the zero point. */
static eo_status
k_quantize(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg y;
    if (result_arg(op, out, 0, false, &y) != EO_OK
        || shapes_equal(op, &in[0], &out[0]) != EO_OK)
        return EO_ERROR;
    if (in[0].dtype != EO_DT_F32 && in[0].dtype != EO_DT_F64)
        return eo_op_error(op, "unsupported: quantize of %s (expects f32 "
                           "or f64)", eo_dtype_name(in[0].dtype));
    int64_t n = eo_tensor_numel(&in[0]), run = run_len(&y);
    int64_t nch = num_chans(&y), lo = y.p.storage_min, hi = y.p.storage_max;
    bool f32 = in[0].dtype == EO_DT_F32;
    const float *xf = in[0].data;
    const double *xd = in[0].data;
    for (int64_t k = 0, base = 0; base < n; k++, base += run) {
        size_t c = (size_t)(k % nch);
        double s = scale_at(&y, c);
        float sf = (float)s;
        int64_t zp = zp_at(&y, c);
        for (int64_t i = base; i < base + run; i++) {
            double r = f32 ? (double)rintf(xf[i] / sf) : rint(xd[i] / s);
            int64_t v;
            if (isnan(r)) {
                v = zp;
            } else {
                r += (double)zp;
                v = r <= (double)lo ? lo : r >= (double)hi ? hi
                                                           : (int64_t)r;
            }
            qset(&out[0], i, v);
        }
    }
    return EO_OK;
}

/* One run of f32 results from storage type T, q - zp computed in W (an
 * int32 for storage up to 16 bits: its conversion to float vectorizes;
 * the same value converts to the same float from any integer type). */
#define DEQUANT_RUN(T, W)                                             \
    do {                                                              \
        const T *src = x.t->data;                                     \
        W z = (W)zp;                                                  \
        for (int64_t i = base; i < base + run; i++)                   \
            yf[i] = (float)((W)src[i] - z) * sf;                      \
    } while (0)

/* ONNX DequantizeLinear: (q - zp) * scale in the result's precision. */
static eo_status
k_dequantize(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg x;
    if (operand_arg(op, in, 0, false, &x) != EO_OK
        || shapes_equal(op, &in[0], &out[0]) != EO_OK)
        return EO_ERROR;
    if (out[0].dtype != EO_DT_F32 && out[0].dtype != EO_DT_F64)
        return eo_op_error(op, "unsupported: dequantize to %s (expects "
                           "f32 or f64)", eo_dtype_name(out[0].dtype));
    int64_t n = eo_tensor_numel(&in[0]), run = run_len(&x);
    int64_t nch = num_chans(&x);
    bool f32 = out[0].dtype == EO_DT_F32;
    float *yf = out[0].data;
    double *yd = out[0].data;
    for (int64_t k = 0, base = 0; base < n; k++, base += run) {
        size_t c = (size_t)(k % nch);
        double s = scale_at(&x, c);
        float sf = (float)s;
        int64_t zp = zp_at(&x, c);
        if (!f32) {
            for (int64_t i = base; i < base + run; i++)
                yd[i] = (double)(qget(&x, i) - zp) * s;
            continue;
        }
        switch (x.st) {
        case QS_I8: DEQUANT_RUN(int8_t, int32_t); break;
        case QS_U8: DEQUANT_RUN(uint8_t, int32_t); break;
        case QS_I16: DEQUANT_RUN(int16_t, int32_t); break;
        case QS_U16: DEQUANT_RUN(uint16_t, int32_t); break;
        default: DEQUANT_RUN(int32_t, int64_t); break;
        }
    }
    return EO_OK;
}

#undef DEQUANT_RUN

/* TFLite's REQUANTIZE (QUANTIZE int8 -> int8): zp_y + (q - zp_x) *
 * s_x / s_y through the fixed-point multiplier, saturated. */
static eo_status
k_requantize(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg x, y;
    if (operand_arg(op, in, 0, false, &x) != EO_OK
        || result_arg(op, out, 0, false, &y) != EO_OK
        || shapes_equal(op, &in[0], &out[0]) != EO_OK)
        return EO_ERROR;
    int64_t n = eo_tensor_numel(&in[0]);
    size_t last_cx = SIZE_MAX, last_cy = SIZE_MAX;
    mult m = { 0, 0 };
    for (int64_t i = 0; i < n; i++) {
        size_t cx = chan_of(&x, i), cy = chan_of(&y, i);
        if (cx != last_cx || cy != last_cy) {
            eo_quant_multiplier(scale_at(&x, cx) / scale_at(&y, cy), &m.q,
                                &m.shift);
            last_cx = cx;
            last_cy = cy;
        }
        int32_t d = sat32(qget(&x, i) - zp_at(&x, cx));
        int64_t v = (int64_t)eo_quant_apply_multiplier(d, m.q, m.shift)
                    + zp_at(&y, cy);
        qset(&out[0], i, clamp64(v, y.p.storage_min, y.p.storage_max));
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* conv2d                                                              */
/* ------------------------------------------------------------------ */

static eo_status
bad_shapes(eo_op *op, const char *why)
{
    return eo_op_error(op, "has operand or result shapes the interpreter "
                       "cannot use: %s", why);
}

/* Element strides of a 4-D conv tensor along its (batch, channel, row,
 * column) dims of sizes (-, c, h, w): NCHW (and OIHW filters) or NHWC
 * (and OHWI filters). */
typedef struct strides4 {
    int64_t n, c, h, w;
} strides4;

static strides4
conv_strides(bool nhwc, int64_t c, int64_t h, int64_t w)
{
    strides4 s;
    if (nhwc) {
        s.c = 1;
        s.w = c;
        s.h = w * c;
    } else {
        s.w = 1;
        s.h = w;
        s.c = h * w;
    }
    s.n = c * h * w;
    return s;
}

/* What both conv2d paths get: the decoded op, its operands ('b' NULL
 * without a bias), the output stage and each output channel's
 * multiplier, and the result. */
typedef struct qconv {
    const eo_graph_conv *p;
    const qarg *x, *w, *b;
    const out_stage *st;
    const mult *m;
    eo_tensor *y;
} qconv;

/* The centered bias of output channel o (0 without a bias). */
static int64_t
bias_of(const qarg *b, int64_t o)
{
    return b ? qget(b, o) - zp_at(b, (size_t)o) : 0;
}

/* 16-bit conv2d: each output an int64 sum over its window of products
 * of stored values minus zero points; padding taps (real 0) skipped. */
static void
conv_wide(const qconv *c)
{
    const eo_graph_conv *p = c->p;
    int64_t cg = p->c / p->groups, og = p->o / p->groups;
    strides4 sx = conv_strides(p->nhwc, p->c, p->h, p->w);
    strides4 sw = conv_strides(p->nhwc, cg, p->kh, p->kw);
    strides4 sy = conv_strides(p->nhwc, p->o, p->ho, p->wo);
    int64_t zx = zp_at(c->x, 0);
    for (int64_t n = 0; n < p->n; n++)
    for (int64_t o = 0; o < p->o; o++) {
        int64_t zw = zp_at(c->w, (size_t)o), g = o / og;
        for (int64_t oy = 0; oy < p->ho; oy++)
        for (int64_t ox = 0; ox < p->wo; ox++) {
            int64_t acc = bias_of(c->b, o);
            for (int64_t ky = 0; ky < p->kh; ky++) {
                int64_t iy = oy * p->stride[0] + ky * p->dilation[0]
                             - p->pad[0];
                if (iy < 0 || iy >= p->h)
                    continue;
                for (int64_t kx = 0; kx < p->kw; kx++) {
                    int64_t ix = ox * p->stride[1] + kx * p->dilation[1]
                                 - p->pad[1];
                    if (ix < 0 || ix >= p->w)
                        continue;
                    for (int64_t ci = 0; ci < cg; ci++) {
                        int64_t xi = n * sx.n + (g * cg + ci) * sx.c
                                     + iy * sx.h + ix * sx.w;
                        int64_t wi = o * sw.n + ci * sw.c + ky * sw.h
                                     + kx * sw.w;
                        acc += (qget(c->x, xi) - zx)
                               * (qget(c->w, wi) - zw);
                    }
                }
            }
            int64_t yi = n * sy.n + o * sy.c + oy * sy.h + ox * sy.w;
            qset(c->y, yi, out_stage_apply(c->st, acc, c->m[o].q,
                                           c->m[o].shift));
        }
    }
}

/* About this many int16 (64 KiB) of im2col columns per tile, whole
 * output rows, so that a tile stays in cache while each output channel
 * of the group sweeps it. */
#define QCONV_TILE 32768

/* The outputs [*lo, *hi) of 'no' whose input index o * stride + off
 * lies in [0, n), stride >= 1. */
static void
inside_range(int64_t n, int64_t stride, int64_t off, int64_t no,
             int64_t *lo, int64_t *hi)
{
    *lo = off >= 0 ? 0 : (-off + stride - 1) / stride;
    *hi = n - 1 - off < 0 ? 0 : (n - 1 - off) / stride + 1;
    *lo = *lo < no ? *lo : no;
    *hi = *hi < *lo ? *lo : *hi < no ? *hi : no;
}

/* Whether tap offset 'offx' (with its in-range outputs [lo, hi)) reads
 * whole input rows, so that a tile's consecutive output rows read
 * consecutive input rows, one contiguous block: unit strides, no
 * horizontal offset, output rows as wide as input rows. */
static bool
whole_rows(const eo_graph_conv *p, strides4 sx, int64_t offx, int64_t lo,
           int64_t hi)
{
    return p->stride[0] == 1 && p->stride[1] == 1 && sx.w == 1
           && offx == 0 && lo == 0 && hi == p->wo && p->wo == p->w;
}

/* The im2col columns of output rows [oy0, oy0 + nr) of one image and
 * group ('xg': the centered input at its first channel, strides 'sx'):
 * col[r * t + i * wo + ox], r = (ci * kh + ky) * kw + kx, t = nr * wo,
 * is the value tap (ky, kx) of channel ci sees from output pixel
 * (oy0 + i, ox), or 0 (real 0) in the padding. */
static void
im2col_tile(const eo_graph_conv *p, strides4 sx, const int16_t *xg,
            int64_t cg, int64_t oy0, int64_t nr, int16_t *col)
{
    int64_t t = nr * p->wo, sw = p->stride[1];
    for (int64_t ci = 0; ci < cg; ci++)
    for (int64_t ky = 0; ky < p->kh; ky++)
    for (int64_t kx = 0; kx < p->kw; kx++) {
        int16_t *cr = col + ((ci * p->kh + ky) * p->kw + kx) * t;
        int64_t offx = kx * p->dilation[1] - p->pad[1], lo, hi;
        inside_range(p->w, sw, offx, p->wo, &lo, &hi);
        if (whole_rows(p, sx, offx, lo, hi)) {
            /* Output row i reads input row i + offy: one block. */
            int64_t offy = oy0 + ky * p->dilation[0] - p->pad[0], ilo, ihi;
            inside_range(p->h, 1, offy, nr, &ilo, &ihi);
            memset(cr, 0, (size_t)(ilo * p->wo) * sizeof *cr);
            if (ihi > ilo)
                memcpy(cr + ilo * p->wo, xg + ci * sx.c + (ilo + offy) * sx.h,
                       (size_t)((ihi - ilo) * p->wo) * sizeof *cr);
            memset(cr + ihi * p->wo, 0,
                   (size_t)((nr - ihi) * p->wo) * sizeof *cr);
            continue;
        }
        for (int64_t i = 0; i < nr; i++) {
            int16_t *dst = cr + i * p->wo;
            int64_t iy = (oy0 + i) * p->stride[0] + ky * p->dilation[0]
                         - p->pad[0];
            bool in_y = iy >= 0 && iy < p->h;
            int64_t l = in_y ? lo : p->wo, h = in_y ? hi : p->wo;
            for (int64_t ox = 0; ox < l; ox++)
                dst[ox] = 0;
            if (in_y) {
                const int16_t *xr = xg + ci * sx.c + iy * sx.h;
                if (sw * sx.w == 1) {   /* contiguous */
                    for (int64_t ox = l; ox < h; ox++)
                        dst[ox] = xr[ox + offx];
                } else {
                    for (int64_t ox = l; ox < h; ox++)
                        dst[ox] = xr[(ox * sw + offx) * sx.w];
                }
            }
            for (int64_t ox = h; ox < p->wo; ox++)
                dst[ox] = 0;
        }
    }
}

/* acc[i] = bias + the window sums of the output channel with centered
 * weights 'wt' over output pixels oy0 * wo + i, i < t = nr * wo, read
 * straight from the centered input of its group 'xg' (strides 'sx'):
 * the path of groups with one output channel (depthwise convs), whose
 * columns no other channel would share. Padding taps (real 0) are
 * skipped; ckk <= ACC32_TERMS, so the int32 sums 'tmp' are exact. */
static void
window_sums(const eo_graph_conv *p, strides4 sx, const int16_t *xg,
            int64_t cg, const int16_t *wt, int64_t oy0, int64_t nr,
            int64_t bias, int32_t *restrict tmp, int64_t *restrict acc)
{
    int64_t t = nr * p->wo, sw = p->stride[1];
    memset(tmp, 0, (size_t)t * sizeof *tmp);
    for (int64_t ci = 0; ci < cg; ci++)
    for (int64_t ky = 0; ky < p->kh; ky++)
    for (int64_t kx = 0; kx < p->kw; kx++) {
        int16_t wv = wt[(ci * p->kh + ky) * p->kw + kx];
        int64_t offx = kx * p->dilation[1] - p->pad[1], lo, hi;
        inside_range(p->w, sw, offx, p->wo, &lo, &hi);
        if (whole_rows(p, sx, offx, lo, hi)) {
            /* Output row i reads input row i + offy: one block. */
            int64_t offy = oy0 + ky * p->dilation[0] - p->pad[0], ilo, ihi;
            inside_range(p->h, 1, offy, nr, &ilo, &ihi);
            if (ihi > ilo)
                mac_row(tmp + ilo * p->wo,
                        xg + ci * sx.c + (ilo + offy) * sx.h, wv,
                        (ihi - ilo) * p->wo);
            continue;
        }
        for (int64_t i = 0; i < nr; i++) {
            int64_t iy = (oy0 + i) * p->stride[0] + ky * p->dilation[0]
                         - p->pad[0];
            if (iy < 0 || iy >= p->h)
                continue;
            const int16_t *xr = xg + ci * sx.c + iy * sx.h;
            int32_t *tr = tmp + i * p->wo;
            if (sw * sx.w == 1) {       /* contiguous */
                mac_row(tr + lo, xr + lo + offx, wv, hi - lo);
            } else {
                for (int64_t ox = lo; ox < hi; ox++)
                    tr[ox] += wv * xr[(ox * sw + offx) * sx.w];
            }
        }
    }
    for (int64_t i = 0; i < t; i++)
        acc[i] = bias + tmp[i];
}

/* 8-bit conv2d on centered operands, a tile of output rows at a time:
 * each output channel's outputs are a sum of rows (its input channels'
 * shifted windows) weighted by its centered weights. A 1x1 NCHW conv
 * without stride or padding reads those rows in place; a group with
 * one output channel (depthwise) sums its windows directly; the others
 * first copy the windows into im2col columns that all output channels
 * of the group share. */
static eo_status
conv_narrow(const qconv *c)
{
    const eo_graph_conv *p = c->p;
    int64_t cg = p->c / p->groups, og = p->o / p->groups;
    int64_t ckk = cg * p->kh * p->kw;
    int64_t rows = QCONV_TILE / (ckk * p->wo > 0 ? ckk * p->wo : 1);
    rows = rows < 1 ? 1 : rows > p->ho ? p->ho : rows;
    int64_t tile = rows * p->wo;
    int16_t *xc = centered(c->x), *wc = centered(c->w);
    int16_t *wk = alloc_i16(p->o * ckk), *col = alloc_i16(ckk * tile);
    int32_t *tmp = malloc((size_t)(tile > 0 ? tile : 1) * sizeof *tmp);
    int64_t *acc = malloc((size_t)(tile > 0 ? tile : 1) * sizeof *acc);
    eo_status status = EO_NOMEM;
    if (!xc || !wc || !wk || !col || !tmp || !acc)
        goto done;
    strides4 sx = conv_strides(p->nhwc, p->c, p->h, p->w);
    strides4 sw = conv_strides(p->nhwc, cg, p->kh, p->kw);
    strides4 sy = conv_strides(p->nhwc, p->o, p->ho, p->wo);
    /* Weights as [o][(ci * kh + ky) * kw + kx], the column rows' order. */
    for (int64_t o = 0; o < p->o; o++)
    for (int64_t ci = 0; ci < cg; ci++)
    for (int64_t ky = 0; ky < p->kh; ky++)
    for (int64_t kx = 0; kx < p->kw; kx++)
        wk[o * ckk + (ci * p->kh + ky) * p->kw + kx] =
            wc[o * sw.n + ci * sw.c + ky * sw.h + kx * sw.w];
    bool direct = !p->nhwc && p->kh == 1 && p->kw == 1
                  && p->stride[0] == 1 && p->stride[1] == 1
                  && p->pad[0] == 0 && p->pad[1] == 0 && p->pad[2] == 0
                  && p->pad[3] == 0 && p->ho == p->h && p->wo == p->w;
    bool windowed = !direct && og == 1 && ckk <= ACC32_TERMS;
    for (int64_t n = 0; n < p->n; n++)
    for (int64_t g = 0; g < p->groups; g++)
    for (int64_t oy0 = 0; oy0 < p->ho; oy0 += rows) {
        int64_t nr = p->ho - oy0 < rows ? p->ho - oy0 : rows;
        int64_t t = nr * p->wo;
        const int16_t *xg = xc + n * sx.n + g * cg * sx.c;
        const int16_t *rows_at = col;
        int64_t rs = t;
        if (direct) {
            rows_at = xg + oy0 * p->wo;
            rs = sx.c;
        } else if (!windowed) {
            im2col_tile(p, sx, xg, cg, oy0, nr, col);
        }
        for (int64_t o = g * og; o < (g + 1) * og; o++) {
            if (windowed)
                window_sums(p, sx, xg, cg, wk + o * ckk, oy0, nr,
                            bias_of(c->b, o), tmp, acc);
            else
                sum_rows(acc, tmp, bias_of(c->b, o), wk + o * ckk, rows_at,
                         rs, ckk, t);
            /* Output pixel oy0 * wo + i (sy.h = wo * sy.w). */
            store_outputs(c->y, n * sy.n + o * sy.c + oy0 * sy.h, sy.w,
                          c->st, acc, t, c->m[o]);
        }
    }
    status = EO_OK;
done:
    free(xc);
    free(wc);
    free(wk);
    free(col);
    free(tmp);
    free(acc);
    return status;
}

/* Integer convolution with per-tensor input, per-tensor or per-output-
 * channel (axis 0) weights, an optional i32 bias, and either a quantized
 * result (TFLite's reference int8 conv) or the raw i32 accumulator (ONNX
 * ConvInteger). Padding contributes real 0 (= the input zero point). */
static eo_status
k_conv2d(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_conv p;
    qarg x, w, b, y;
    size_t nops = eo_op_num_operands(op);
    if (nops < 2 || nops > 3)
        return bad_shapes(op, "conv2d takes 2 or 3 operands");
    if (eo_graph_conv_params(op, &p) != EO_OK)
        return eo_op_error(op, "has invalid window attributes");
    bool plain = !eo_type_is_quant(
        eo_type_elem_or_self(eo_value_type(eo_op_result(op, 0))));
    if (operand_arg(op, in, 0, plain, &x) != EO_OK
        || operand_arg(op, in, 1, plain, &w) != EO_OK
        || result_arg(op, out, 0, true, &y) != EO_OK
        || (nops == 3 && operand_arg(op, in, 2, true, &b) != EO_OK))
        return EO_ERROR;
    if (check_width(op, &x, &w) != EO_OK)
        return EO_ERROR;
    if (x.p.axis >= 0)
        return eo_op_error(op, "unsupported: a per-axis quantized input");
    if (w.p.axis > 0)
        return eo_op_error(op, "unsupported: weights quantized along axis "
                           "%d (expects the output channel axis 0)",
                           (int)w.p.axis);
    if (p.groups < 1 || p.c % p.groups || p.o % p.groups || p.kh < 1
        || p.kw < 1 || p.stride[0] < 1 || p.stride[1] < 1
        || p.dilation[0] < 1 || p.dilation[1] < 1)
        return eo_op_error(op, "has invalid window attributes");
    int64_t cg = p.c / p.groups;
    if (in[0].rank != 4 || in[1].rank != 4 || out[0].rank != 4
        || eo_tensor_numel(&in[0]) != p.n * p.c * p.h * p.w
        || eo_tensor_numel(&in[1]) != p.o * cg * p.kh * p.kw
        || in[1].shape[0] != p.o
        || eo_tensor_numel(&out[0]) != p.n * p.o * p.ho * p.wo)
        return bad_shapes(op, "conv2d operand sizes do not match");
    if (nops == 3 && check_bias(op, &b, &x, &w, p.o) != EO_OK)
        return EO_ERROR;
    out_stage st;
    if (out_stage_init(op, &x, &y, &st) != EO_OK)
        return EO_ERROR;
    mult *m = channel_mults(&x, &w, &y, (size_t)p.o);
    if (!m)
        return EO_NOMEM;
    qconv c = { &p, &x, &w, nops == 3 ? &b : NULL, &st, m, &out[0] };
    eo_status status = EO_OK;
    if (is_narrow(&x) && is_narrow(&w))
        status = conv_narrow(&c);
    else
        conv_wide(&c);
    free(m);
    return status;
}

/* ------------------------------------------------------------------ */
/* gemm and matmul                                                     */
/* ------------------------------------------------------------------ */

/* Quantized gemm: [M, K] x [K, N] (transposes per trans_a / trans_b),
 * per-tensor a, per-tensor or per-N (b's N axis) b, optional i32 bias c
 * broadcast to [M, N] (its channel axis, if per axis, is N); alpha and
 * beta must be 1. */
static eo_status
k_gemm(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg a, bq, c, y;
    size_t nops = eo_op_num_operands(op);
    if (nops < 2 || nops > 3)
        return bad_shapes(op, "gemm takes 2 or 3 operands");
    bool plain = !eo_type_is_quant(
        eo_type_elem_or_self(eo_value_type(eo_op_result(op, 0))));
    if (operand_arg(op, in, 0, plain, &a) != EO_OK
        || operand_arg(op, in, 1, plain, &bq) != EO_OK
        || result_arg(op, out, 0, true, &y) != EO_OK
        || (nops == 3 && operand_arg(op, in, 2, true, &c) != EO_OK))
        return EO_ERROR;
    if (eo_graph_attr_float(op, "alpha", 1.0) != 1.0
        || (nops == 3 && eo_graph_attr_float(op, "beta", 1.0) != 1.0))
        return eo_op_error(op, "unsupported: quantized gemm with alpha or "
                           "beta other than 1");
    bool ta = eo_graph_attr_bool(op, "trans_a", false);
    bool tb = eo_graph_attr_bool(op, "trans_b", false);
    if (in[0].rank != 2 || in[1].rank != 2 || out[0].rank != 2)
        return bad_shapes(op, "gemm needs 2-D operands and result");
    int64_t M = ta ? in[0].shape[1] : in[0].shape[0];
    int64_t K = ta ? in[0].shape[0] : in[0].shape[1];
    int64_t N = tb ? in[1].shape[0] : in[1].shape[1];
    if ((tb ? in[1].shape[1] : in[1].shape[0]) != K
        || out[0].shape[0] != M || out[0].shape[1] != N)
        return bad_shapes(op, "gemm dimensions do not match");
    if (check_width(op, &a, &bq) != EO_OK)
        return EO_ERROR;
    if (a.p.axis >= 0)
        return eo_op_error(op, "unsupported: a per-axis quantized a");
    if (bq.p.axis >= 0 && bq.p.axis != (tb ? 0 : 1))
        return eo_op_error(op, "unsupported: b quantized along its K axis "
                           "(expects the N axis)");
    int64_t cs0 = 0, cs1 = 0;   /* c's strides along M and N (0: bcast) */
    if (nops == 3) {
        const eo_tensor *ct = c.t;
        if (ct->rank > 2)
            return bad_shapes(op, "gemm bias rank above 2");
        int64_t cm = ct->rank == 2 ? ct->shape[0] : 1;
        int64_t cn = ct->rank >= 1 ? ct->shape[ct->rank - 1] : 1;
        if ((cm != 1 && cm != M) || (cn != 1 && cn != N))
            return bad_shapes(op, "gemm bias does not broadcast to [M, N]");
        cs1 = cn == 1 ? 0 : 1;
        cs0 = cm == 1 ? 0 : cn;
        if (!c.quant && ct->dtype != EO_DT_I32)
            return eo_op_error(op, "unsupported: bias of type %s (expects "
                               "i32)", eo_dtype_name(ct->dtype));
        if (c.quant && c.p.storage_bits != 32)
            return eo_op_error(op, "unsupported: a quantized bias must "
                               "have i32 storage");
        if (c.quant && c.p.axis >= 0 && c.p.axis != (int32_t)ct->rank - 1)
            return eo_op_error(op, "unsupported: bias quantized along an "
                               "axis other than N");
        for (int64_t n = 0; c.quant && n < N; n++) {
            double want = scale_at(&a, 0) * scale_at(&bq, (size_t)n);
            double got = scale_at(&c, c.p.axis >= 0 ? (size_t)n : 0);
            if (fabs(got - want) > 1e-4 * want)
                return eo_op_error(op, "bias scale %g does not equal "
                                   "a scale * b scale (%g)", got, want);
        }
    }
    out_stage st;
    if (out_stage_init(op, &a, &y, &st) != EO_OK)
        return EO_ERROR;
    mult *m = channel_mults(&a, &bq, &y, (size_t)N);
    /* 8 bits: centered a as [M, K]; each row of results is a sum of b's
     * rows ([K, N]) or a dot product per row of b ([N, K]). */
    bool narrow = is_narrow(&a) && is_narrow(&bq);
    int16_t *ac = NULL, *bc = NULL, *at = NULL;
    int64_t *row = malloc((size_t)(N > 0 ? N : 1) * sizeof *row);
    int32_t *tmp = malloc((size_t)(N > 0 ? N : 1) * sizeof *tmp);
    eo_status status = EO_NOMEM;
    if (!m || !row || !tmp)
        goto done;
    if (narrow) {
        ac = centered(&a);
        bc = centered(&bq);
        at = ta ? alloc_i16(M * K) : NULL;
        if (!ac || !bc || (ta && !at))
            goto done;
        if (ta)
            transpose_i16(at, ac, K, M);
    }
    const int16_t *am = ta ? at : ac;
    int64_t za = zp_at(&a, 0);
    for (int64_t i = 0; i < M; i++) {
        if (narrow && !tb) {
            sum_rows(row, tmp, 0, am + i * K, bc, N, K, N);
        } else if (narrow) {
            for (int64_t j = 0; j < N; j++)
                row[j] = dot(am + i * K, bc + j * K, K);
        } else {
            for (int64_t j = 0; j < N; j++) {
                int64_t zb = zp_at(&bq, (size_t)j);
                row[j] = 0;
                for (int64_t k = 0; k < K; k++)
                    row[j] += (qget(&a, ta ? k * M + i : i * K + k) - za)
                              * (qget(&bq, tb ? j * K + k : k * N + j) - zb);
            }
        }
        for (int64_t j = 0; j < N; j++) {
            int64_t acc = row[j];
            if (nops == 3) {
                int64_t ci = i * cs0 + j * cs1;
                acc += qget(&c, ci)
                       - zp_at(&c, c.p.axis >= 0 ? (size_t)j : 0);
            }
            size_t mc = bq.p.axis >= 0 ? (size_t)j : 0;
            qset(&out[0], i * N + j, out_stage_apply(&st, acc, m[mc].q,
                                                     m[mc].shift));
        }
    }
    status = EO_OK;
done:
    free(m);
    free(row);
    free(tmp);
    free(ac);
    free(bc);
    free(at);
    return status;
}

/* Quantized NumPy matmul (1-D operands promoted, batch dims broadcast):
 * QLinearMatMul with a quantized result, MatMulInteger with an i32 one.
 * a may be per axis on its M axis (rank >= 2), b on its N axis (rank >=
 * 2): ONNX's per-row / per-column zero points. */
static eo_status
k_matmul(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg a, bq, y;
    if (eo_op_num_operands(op) != 2)
        return bad_shapes(op, "matmul takes 2 operands");
    bool plain = !eo_type_is_quant(
        eo_type_elem_or_self(eo_value_type(eo_op_result(op, 0))));
    if (operand_arg(op, in, 0, plain, &a) != EO_OK
        || operand_arg(op, in, 1, plain, &bq) != EO_OK
        || result_arg(op, out, 0, true, &y) != EO_OK)
        return EO_ERROR;
    if (check_width(op, &a, &bq) != EO_OK)
        return EO_ERROR;
    size_t ra = in[0].rank, rb = in[1].rank, ry = out[0].rank;
    if (ra < 1 || rb < 1)
        return bad_shapes(op, "matmul operands must have rank >= 1");
    if (a.p.axis >= 0 && (ra < 2 || (size_t)a.p.axis != ra - 2))
        return eo_op_error(op, "unsupported: a quantized along an axis "
                           "other than its M axis");
    if (bq.p.axis >= 0 && (rb < 2 || (size_t)bq.p.axis != rb - 1))
        return eo_op_error(op, "unsupported: b quantized along an axis "
                           "other than its N axis");
    int64_t M = ra >= 2 ? in[0].shape[ra - 2] : 1;
    int64_t K = in[0].shape[ra - 1];
    int64_t N = rb >= 2 ? in[1].shape[rb - 1] : 1;
    if ((rb >= 2 ? in[1].shape[rb - 2] : in[1].shape[0]) != K)
        return bad_shapes(op, "matmul inner dimensions differ");
    /* Result batch dims: ry minus the M and N dims that exist. */
    size_t mn = (ra >= 2 ? 1 : 0) + (rb >= 2 ? 1 : 0);
    if (ry < mn)
        return bad_shapes(op, "matmul result rank");
    size_t nb = ry - mn, ba = ra >= 2 ? ra - 2 : 0, bb = rb >= 2 ? rb - 2 : 0;
    if (ba > nb || bb > nb
        || (ra >= 2 && out[0].shape[nb] != M)
        || (rb >= 2 && out[0].shape[ry - 1] != N))
        return bad_shapes(op, "matmul result shape");
    int64_t batch = 1;
    for (size_t d = 0; d < nb; d++) {
        int64_t od = out[0].shape[d];
        int64_t da = d + ba >= nb ? in[0].shape[d + ba - nb] : 1;
        int64_t db = d + bb >= nb ? in[1].shape[d + bb - nb] : 1;
        if ((da != 1 && da != od) || (db != 1 && db != od))
            return bad_shapes(op, "matmul batch dims do not broadcast");
        batch *= od;
    }
    out_stage st;
    if (out_stage_init(op, &a, &y, &st) != EO_OK)
        return EO_ERROR;
    /* Multipliers s_a[i] * s_b[j] / s_y for each (row, column) channel. */
    size_t na = a.p.num_scales, nbs = bq.p.num_scales;
    mult *m = calloc(na * nbs, sizeof *m);
    if (!m)
        return EO_NOMEM;
    for (size_t i = 0; i < na && y.quant; i++)
        for (size_t j = 0; j < nbs; j++)
            eo_quant_multiplier(scale_at(&a, i) * scale_at(&bq, j)
                                / scale_at(&y, 0), &m[i * nbs + j].q,
                                &m[i * nbs + j].shift);
    /* 8 bits: centered operands; each row of results is a sum of the
     * rows of b's matrix weighted by a row of a's. */
    bool narrow = is_narrow(&a) && is_narrow(&bq);
    int16_t *ac = NULL, *bc = NULL;
    int64_t *row = malloc((size_t)(N > 0 ? N : 1) * sizeof *row);
    int32_t *tmp = malloc((size_t)(N > 0 ? N : 1) * sizeof *tmp);
    eo_status status = EO_NOMEM;
    if (!row || !tmp)
        goto done;
    if (narrow) {
        ac = centered(&a);
        bc = centered(&bq);
        if (!ac || !bc)
            goto done;
    }
    int64_t idx[EO_GRAPH_MAX_RANK] = { 0 };
    for (int64_t bi = 0; bi < batch; bi++) {
        /* Batch offsets of a and b (in matrices), broadcast. */
        int64_t oa = 0, ob = 0;
        for (size_t d = 0; d < nb; d++) {
            if (d + ba >= nb) {
                int64_t dim = in[0].shape[d + ba - nb];
                oa = oa * dim + (dim == 1 ? 0 : idx[d]);
            }
            if (d + bb >= nb) {
                int64_t dim = in[1].shape[d + bb - nb];
                ob = ob * dim + (dim == 1 ? 0 : idx[d]);
            }
        }
        for (int64_t i = 0; i < M; i++) {
            size_t ca = a.p.axis >= 0 ? (size_t)i : 0;
            if (narrow) {
                sum_rows(row, tmp, 0, ac + (oa * M + i) * K,
                         bc + ob * K * N, N, K, N);
            } else {
                for (int64_t j = 0; j < N; j++) {
                    size_t cb = bq.p.axis >= 0 ? (size_t)j : 0;
                    int64_t za = zp_at(&a, ca), zb = zp_at(&bq, cb);
                    row[j] = 0;
                    for (int64_t k = 0; k < K; k++)
                        row[j] += (qget(&a, (oa * M + i) * K + k) - za)
                                  * (qget(&bq, (ob * K + k) * N + j) - zb);
                }
            }
            for (int64_t j = 0; j < N; j++) {
                size_t cb = bq.p.axis >= 0 ? (size_t)j : 0;
                mult mm = m[ca * nbs + cb];
                qset(&out[0], (bi * M + i) * N + j,
                     out_stage_apply(&st, row[j], mm.q, mm.shift));
            }
        }
        for (size_t d = nb; d-- > 0;) {
            if (++idx[d] < out[0].shape[d])
                break;
            idx[d] = 0;
        }
    }
    status = EO_OK;
done:
    free(m);
    free(row);
    free(tmp);
    free(ac);
    free(bc);
    return status;
}

/* ------------------------------------------------------------------ */
/* add                                                                 */
/* ------------------------------------------------------------------ */

/* Offset in 't' (broadcast NumPy-style to the rank-'rank' index 'idx'). */
static int64_t
bcast_offset(const eo_tensor *t, size_t rank, const int64_t *idx)
{
    int64_t off = 0;
    size_t lead = rank - t->rank;
    for (size_t d = 0; d < t->rank; d++)
        off = off * t->shape[d] + (t->shape[d] == 1 ? 0 : idx[d + lead]);
    return off;
}

static bool
broadcasts_to(const eo_tensor *t, const eo_tensor *y)
{
    if (t->rank > y->rank)
        return false;
    size_t lead = y->rank - t->rank;
    for (size_t d = 0; d < t->rank; d++)
        if (t->shape[d] != 1 && t->shape[d] != y->shape[d + lead])
            return false;
    return true;
}

/* TFLite's quantized ADD: both inputs shifted left by 20 (15 for 16-bit
 * storage), rescaled by s_i / (2 max(s_a, s_b)), summed, rescaled by
 * 2 max(s_a, s_b) / (2^shift s_y), offset and clamped. */
static eo_status
k_add(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg a, b, y;
    if (eo_op_num_operands(op) != 2)
        return bad_shapes(op, "add takes 2 operands");
    if (operand_arg(op, in, 0, false, &a) != EO_OK
        || operand_arg(op, in, 1, false, &b) != EO_OK
        || result_arg(op, out, 0, false, &y) != EO_OK)
        return EO_ERROR;
    if (a.p.axis >= 0 || b.p.axis >= 0 || y.p.axis >= 0)
        return eo_op_error(op, "unsupported: per-axis quantized add");
    unsigned bits = y.p.storage_bits;
    if (a.p.storage_bits > 16 || b.p.storage_bits > 16 || bits > 16)
        return eo_op_error(op, "unsupported: quantized add on storage "
                           "wider than 16 bits");
    if (!broadcasts_to(&in[0], &out[0]) || !broadcasts_to(&in[1], &out[0]))
        return bad_shapes(op, "add operands do not broadcast to the result");
    eo_graph_activation act = eo_graph_op_activation(op);
    int64_t lo, hi;
    if (act_range(op, &act, &y, &lo, &hi) != EO_OK)
        return EO_ERROR;
    int left = bits > 8 ? 15 : 20;
    double sa = scale_at(&a, 0), sb = scale_at(&b, 0), sy = scale_at(&y, 0);
    double twice_max = 2.0 * (sa > sb ? sa : sb);
    mult ma, mb, my;
    eo_quant_multiplier(sa / twice_max, &ma.q, &ma.shift);
    eo_quant_multiplier(sb / twice_max, &mb.q, &mb.shift);
    eo_quant_multiplier(twice_max / ((double)(INT64_C(1) << left) * sy),
                        &my.q, &my.shift);
    int64_t za = zp_at(&a, 0), zb = zp_at(&b, 0), zy = zp_at(&y, 0);
    int64_t n = eo_tensor_numel(&out[0]);
    int64_t idx[EO_GRAPH_MAX_RANK] = { 0 };
    size_t rank = out[0].rank;
    for (int64_t i = 0; i < n; i++) {
        int64_t va = qget(&a, bcast_offset(&in[0], rank, idx)) - za;
        int64_t vb = qget(&b, bcast_offset(&in[1], rank, idx)) - zb;
        int32_t sa32 = eo_quant_apply_multiplier(sat32(va * (1 << left)),
                                                 ma.q, ma.shift);
        int32_t sb32 = eo_quant_apply_multiplier(sat32(vb * (1 << left)),
                                                 mb.q, mb.shift);
        int64_t v = (int64_t)eo_quant_apply_multiplier(
                        sat32((int64_t)sa32 + sb32), my.q, my.shift) + zy;
        qset(&out[0], i, clamp64(v, lo, hi));
        for (size_t d = rank; d-- > 0;) {
            if (++idx[d] < out[0].shape[d])
                break;
            idx[d] = 0;
        }
    }
    return EO_OK;
}

/* TFLite's quantized MUL: the product (a - zp_a) (b - zp_b), exact and
 * saturated to int32, rescaled by s_a s_b / s_y through the fixed-point
 * multiplier, offset by zp_y and clamped (fused activation, storage
 * range). 8- and 16-bit storage, per tensor. */
static eo_status
k_mul(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    qarg a, b, y;
    if (eo_op_num_operands(op) != 2)
        return bad_shapes(op, "mul takes 2 operands");
    if (operand_arg(op, in, 0, false, &a) != EO_OK
        || operand_arg(op, in, 1, false, &b) != EO_OK
        || result_arg(op, out, 0, false, &y) != EO_OK)
        return EO_ERROR;
    if (a.p.axis >= 0 || b.p.axis >= 0 || y.p.axis >= 0)
        return eo_op_error(op, "unsupported: per-axis quantized mul");
    if (a.p.storage_bits > 16 || b.p.storage_bits > 16
        || y.p.storage_bits > 16)
        return eo_op_error(op, "unsupported: quantized mul on storage "
                           "wider than 16 bits");
    if (!broadcasts_to(&in[0], &out[0]) || !broadcasts_to(&in[1], &out[0]))
        return bad_shapes(op, "mul operands do not broadcast to the result");
    eo_graph_activation act = eo_graph_op_activation(op);
    int64_t lo, hi;
    if (act_range(op, &act, &y, &lo, &hi) != EO_OK)
        return EO_ERROR;
    mult m;
    eo_quant_multiplier(scale_at(&a, 0) * scale_at(&b, 0) / scale_at(&y, 0),
                        &m.q, &m.shift);
    int64_t za = zp_at(&a, 0), zb = zp_at(&b, 0), zy = zp_at(&y, 0);
    int64_t n = eo_tensor_numel(&out[0]);
    int64_t idx[EO_GRAPH_MAX_RANK] = { 0 };
    size_t rank = out[0].rank;
    for (int64_t i = 0; i < n; i++) {
        int64_t va = qget(&a, bcast_offset(&in[0], rank, idx)) - za;
        int64_t vb = qget(&b, bcast_offset(&in[1], rank, idx)) - zb;
        int64_t v = (int64_t)eo_quant_apply_multiplier(sat32(va * vb), m.q,
                                                       m.shift) + zy;
        qset(&out[0], i, clamp64(v, lo, hi));
        for (size_t d = rank; d-- > 0;) {
            if (++idx[d] < out[0].shape[d])
                break;
            idx[d] = 0;
        }
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Pools, relu, clip                                                   */
/* ------------------------------------------------------------------ */

/* Pools and data movement keep the quantization: the operand's and the
 * result's element types must be the same type. */
static eo_status
same_quant(eo_op *op, size_t operand, size_t result)
{
    const eo_type *a =
        eo_type_elem_or_self(eo_value_type(eo_op_operand(op, operand)));
    const eo_type *b =
        eo_type_elem_or_self(eo_value_type(eo_op_result(op, result)));
    if (a != b)
        return eo_op_error(op, "unsupported: operand #%zu and result #%zu "
                           "have different quantization", operand, result);
    return EO_OK;
}

/* Sum of 'n' stored values divided by 'd' > 0, rounded half away from
 * zero (TFLite's int8 average pool). */
static int64_t
div_round_away(int64_t sum, int64_t d)
{
    return sum >= 0 ? (sum + d / 2) / d : (sum - d / 2) / d;
}

static eo_status
pool_common(eo_op *op, const eo_tensor *in, eo_tensor *out,
            eo_graph_conv *p, qarg *x, qarg *y)
{
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "pools take 1 operand");
    if (operand_arg(op, in, 0, false, x) != EO_OK
        || result_arg(op, out, 0, false, y) != EO_OK
        || same_quant(op, 0, 0) != EO_OK)
        return EO_ERROR;
    if (eo_graph_conv_params(op, p) != EO_OK)
        return eo_op_error(op, "has invalid window attributes");
    if (p->kh < 1 || p->kw < 1 || p->stride[0] < 1 || p->stride[1] < 1
        || p->dilation[0] < 1 || p->dilation[1] < 1)
        return eo_op_error(op, "has a non-positive stride, dilation or "
                           "kernel size");
    if (in[0].rank != 4 || out[0].rank != 4
        || eo_tensor_numel(&in[0]) != p->n * p->c * p->h * p->w
        || eo_tensor_numel(&out[0]) != p->n * p->c * p->ho * p->wo)
        return bad_shapes(op, "pool operand sizes do not match");
    return EO_OK;
}

static int64_t
at4(bool nhwc, int64_t c_, int64_t h_, int64_t w_, int64_t n, int64_t c,
    int64_t y, int64_t x)
{
    return nhwc ? ((n * h_ + y) * w_ + x) * c_ + c
                : ((n * c_ + c) * h_ + y) * w_ + x;
}

/* Average pool on stored values (the same quantization in and out, as
 * TFLite): window sum, plus the zero point for each padding element
 * counted with count_include_pad (padding is real 0), divided rounding
 * half away from zero. The divisor is the one the float kernel uses. */
static eo_status
k_avg_pool(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_conv p;
    qarg x, y;
    if (pool_common(op, in, out, &p, &x, &y) != EO_OK)
        return EO_ERROR;
    for (int64_t n = 0; n < p.n; n++)
    for (int64_t c = 0; c < p.c; c++)
    for (int64_t oy = 0; oy < p.ho; oy++)
    for (int64_t ox = 0; ox < p.wo; ox++) {
        int64_t yi = at4(p.nhwc, p.c, p.ho, p.wo, n, c, oy, ox);
        int64_t zp = zp_at(&y, chan_of(&y, yi));
        int64_t sum = 0, cnt = 0, cnt_pad = 0;
        for (int64_t ky = 0; ky < p.kh; ky++) {
            int64_t iy = oy * p.stride[0] + ky * p.dilation[0] - p.pad[0];
            bool in_y = iy >= 0 && iy < p.h;
            bool pad_y = iy >= -p.pad[0] && iy < p.h + p.pad[2];
            for (int64_t kx = 0; kx < p.kw; kx++) {
                int64_t ix = ox * p.stride[1] + kx * p.dilation[1] - p.pad[1];
                if (pad_y && ix >= -p.pad[1] && ix < p.w + p.pad[3])
                    cnt_pad++;
                if (!in_y || ix < 0 || ix >= p.w)
                    continue;
                sum += qget(&x, at4(p.nhwc, p.c, p.h, p.w, n, c, iy, ix));
                cnt++;
            }
        }
        int64_t v = zp;
        if (p.count_include_pad && cnt_pad > 0)
            v = div_round_away(sum + (cnt_pad - cnt) * zp, cnt_pad);
        else if (!p.count_include_pad && cnt > 0)
            v = div_round_away(sum, cnt);
        qset(&out[0], yi, clamp64(v, y.p.storage_min, y.p.storage_max));
    }
    return EO_OK;
}

/* Max pool on stored values (order-preserving: scale > 0). Windows with
 * no element inside the input give the zero point (real 0). */
static eo_status
k_max_pool(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_conv p;
    qarg x, y;
    if (pool_common(op, in, out, &p, &x, &y) != EO_OK)
        return EO_ERROR;
    for (int64_t n = 0; n < p.n; n++)
    for (int64_t c = 0; c < p.c; c++)
    for (int64_t oy = 0; oy < p.ho; oy++)
    for (int64_t ox = 0; ox < p.wo; ox++) {
        int64_t yi = at4(p.nhwc, p.c, p.ho, p.wo, n, c, oy, ox);
        bool any = false;
        int64_t mx = zp_at(&y, chan_of(&y, yi));
        for (int64_t ky = 0; ky < p.kh; ky++) {
            int64_t iy = oy * p.stride[0] + ky * p.dilation[0] - p.pad[0];
            if (iy < 0 || iy >= p.h)
                continue;
            for (int64_t kx = 0; kx < p.kw; kx++) {
                int64_t ix = ox * p.stride[1] + kx * p.dilation[1] - p.pad[1];
                if (ix < 0 || ix >= p.w)
                    continue;
                int64_t v = qget(&x, at4(p.nhwc, p.c, p.h, p.w, n, c, iy, ix));
                if (!any || v > mx)
                    mx = v;
                any = true;
            }
        }
        qset(&out[0], yi, mx);
    }
    return EO_OK;
}

/* Global pools over every spatial dim (rank >= 3; channels at dim 1, or
 * last for NHWC); the average rounds half away from zero. */
static eo_status
k_global_pool(eo_op *op, const eo_tensor *in, eo_tensor *out, bool avg)
{
    qarg x, y;
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "global pools take 1 operand");
    if (operand_arg(op, in, 0, false, &x) != EO_OK
        || result_arg(op, out, 0, false, &y) != EO_OK
        || same_quant(op, 0, 0) != EO_OK)
        return EO_ERROR;
    const eo_tensor *xt = &in[0];
    bool nhwc = strcmp(eo_graph_attr_str(op, "layout", "NCHW"), "NHWC") == 0;
    if (xt->rank < 3)
        return bad_shapes(op, "global pools need rank >= 3");
    int64_t nn = xt->shape[0];
    int64_t c = nhwc ? xt->shape[xt->rank - 1] : xt->shape[1];
    int64_t sp = 1;
    for (size_t d = nhwc ? 1 : 2; d < (nhwc ? xt->rank - 1 : xt->rank); d++)
        sp *= xt->shape[d];
    if (eo_tensor_numel(&out[0]) != nn * c)
        return bad_shapes(op, "global pool result size");
    /* Element (n, ch, s): NCHW (n C + ch) S + s, NHWC (n S + s) C + ch;
     * the result is laid out [N, C] in both. */
    int64_t cs = nhwc ? 1 : sp, ss = nhwc ? c : 1;
    for (int64_t n = 0; n < nn; n++) {
        for (int64_t ch = 0; ch < c; ch++) {
            int64_t base = n * c * sp + ch * cs;
            int64_t v = zp_at(&x, chan_of(&x, base));
            if (sp > 0 && avg) {
                int64_t sum = 0;
                for (int64_t s = 0; s < sp; s++)
                    sum += qget(&x, base + s * ss);
                v = div_round_away(sum, sp);
            } else if (sp > 0) {
                v = qget(&x, base);
                for (int64_t s = 1; s < sp; s++) {
                    int64_t e = qget(&x, base + s * ss);
                    v = e > v ? e : v;
                }
            }
            qset(&out[0], n * c + ch,
                 clamp64(v, y.p.storage_min, y.p.storage_max));
        }
    }
    return EO_OK;
}

static eo_status
k_global_avg_pool(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    return k_global_pool(op, in, out, true);
}

static eo_status
k_global_max_pool(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    return k_global_pool(op, in, out, false);
}

/* relu and clip as TFLite: the input requantized to the result's
 * quantization (skipped when both are the same type), then clamped to
 * the quantized bounds (relu: the zero point; clip: zp + round(bound /
 * scale), half away from zero), per channel for per-axis types. */
static eo_status
clamp_kernel(eo_op *op, const eo_tensor *in, eo_tensor *out, float fmin,
             float fmax)
{
    qarg x, y;
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "takes 1 operand");
    if (operand_arg(op, in, 0, false, &x) != EO_OK
        || result_arg(op, out, 0, false, &y) != EO_OK
        || shapes_equal(op, &in[0], &out[0]) != EO_OK)
        return EO_ERROR;
    const eo_type *tx =
        eo_type_elem_or_self(eo_value_type(eo_op_operand(op, 0)));
    const eo_type *ty =
        eo_type_elem_or_self(eo_value_type(eo_op_result(op, 0)));
    bool same = tx == ty;
    if (!same && (x.p.axis >= 0 || y.p.axis >= 0))
        return eo_op_error(op, "unsupported: per-axis quantized operand "
                           "and result of different quantization");
    mult m = { 0, 0 };
    if (!same)
        eo_quant_multiplier(scale_at(&x, 0) / scale_at(&y, 0), &m.q,
                            &m.shift);
    int64_t n = eo_tensor_numel(&in[0]);
    size_t last = SIZE_MAX;
    int64_t lo = 0, hi = 0;
    for (int64_t i = 0; i < n; i++) {
        size_t c = chan_of(&y, i);
        if (c != last) {
            double s = scale_at(&y, c);
            int64_t zp = zp_at(&y, c);
            lo = quantize_bound(fmin, s, zp, y.p.storage_min,
                                y.p.storage_max);
            hi = quantize_bound(fmax, s, zp, y.p.storage_min,
                                y.p.storage_max);
            last = c;
        }
        int64_t v = qget(&x, i);
        if (!same) {
            int32_t d = sat32(v - zp_at(&x, 0));
            v = (int64_t)eo_quant_apply_multiplier(d, m.q, m.shift)
                + zp_at(&y, 0);
        }
        qset(&out[0], i, clamp64(v, lo, hi < lo ? lo : hi));
    }
    return EO_OK;
}

static eo_status
k_relu(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    return clamp_kernel(op, in, out, 0.0f, INFINITY);
}

static eo_status
k_clip(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    float lo = (float)eo_graph_attr_float(op, "min", -INFINITY);
    float hi = (float)eo_graph_attr_float(op, "max", INFINITY);
    return clamp_kernel(op, in, out, lo, hi);
}

/* ------------------------------------------------------------------ */
/* Data movement                                                       */
/* ------------------------------------------------------------------ */

/* Reshape, transpose, concat ... move stored values unchanged, so they
 * run interp_elem.c's integer kernels once every quantized operand and
 * result (gather's indices excepted) has one and the same type. */
static eo_status
k_move(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    int k = eo_graph_op_kind(op);
    interp_kernel kern = k >= 0 ? interp_elem_kernel((eo_graph_op)k) : NULL;
    if (!kern)
        return eo_op_error(op, "unsupported on quantized tensors");
    size_t nops = eo_op_num_operands(op), nres = eo_op_num_results(op);
    if (nops == 0 || nres == 0)
        return bad_shapes(op, "expects operands and results");
    const eo_type *q =
        eo_type_elem_or_self(eo_value_type(eo_op_operand(op, 0)));
    for (size_t i = 0; i < nops + nres; i++) {
        if (k == GRAPH_GATHER && i == 1)
            continue;
        const eo_value *v = i < nops ? eo_op_operand(op, i)
                                     : eo_op_result(op, i - nops);
        if (eo_type_elem_or_self(eo_value_type(v)) != q)
            return eo_op_error(op, "unsupported: operands and results of "
                               "different quantization (requantize "
                               "first)");
    }
    return kern(op, in, out);
}

interp_kernel
interp_quant_kernel(eo_graph_op k)
{
    switch (k) {
    case GRAPH_QUANTIZE: return k_quantize;
    case GRAPH_DEQUANTIZE: return k_dequantize;
    case GRAPH_REQUANTIZE: return k_requantize;
    case GRAPH_CONV2D: return k_conv2d;
    case GRAPH_GEMM: return k_gemm;
    case GRAPH_MATMUL: return k_matmul;
    case GRAPH_ADD: return k_add;
    case GRAPH_MUL: return k_mul;
    case GRAPH_AVG_POOL: return k_avg_pool;
    case GRAPH_MAX_POOL: return k_max_pool;
    case GRAPH_GLOBAL_AVG_POOL: return k_global_avg_pool;
    case GRAPH_GLOBAL_MAX_POOL: return k_global_max_pool;
    case GRAPH_RELU: return k_relu;
    case GRAPH_CLIP: return k_clip;
    case GRAPH_RESHAPE:
    case GRAPH_FLATTEN:
    case GRAPH_TRANSPOSE:
    case GRAPH_CONCAT:
    case GRAPH_SPLIT:
    case GRAPH_SLICE:
    case GRAPH_SQUEEZE:
    case GRAPH_UNSQUEEZE:
    case GRAPH_GATHER:
        return k_move;
    default:
        return NULL;
    }
}

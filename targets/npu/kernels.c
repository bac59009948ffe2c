/* targets/npu/kernels.c - the NPU simulator's functional kernels: the
 * integer arithmetic of the convolution engine, the IMC crossbars and
 * the elementwise / pooling units, as TFLite's reference int8 kernels
 * (and so the graph interpreter, dialects/graph/interp_quant.c) define
 * it: exact sums of (x - zp_x) * (w - zp_w) plus bias, saturated to
 * int32, rescaled with eo_quant_apply_multiplier, offset and clamped.
 * Plain loops over dense int32 copies of the operands.
 */
#include "targets/npu/sim_internal.h"
#include "dialects/quant/quant.h"

#include <stdlib.h>
#include <string.h>

static int64_t
clamp64(int64_t v, int64_t lo, int64_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int32_t
sat32(int64_t v)
{
    return (int32_t)clamp64(v, INT32_MIN, INT32_MAX);
}

eo_status
npu_stage_init(npu_stage *st, eo_op *op, const eo_npu_outstage *s,
               int64_t nch)
{
    memset(st, 0, sizeof *st);
    st->s = *s;
    st->nch = nch;
    size_t n = (size_t)(nch > 0 ? nch : 1);
    st->wzp = calloc(n, sizeof *st->wzp);
    st->q = calloc(n, sizeof *st->q);
    st->shift = calloc(n, sizeof *st->shift);
    if (!st->wzp || !st->q || !st->shift) {
        npu_stage_free(st);
        return EO_NOMEM;
    }
    for (size_t c = 0; c < (size_t)nch; c++) {
        st->wzp[c] = (int32_t)eo_npu_attr_at(op, "weight_zp", c, 0);
        st->q[c] = (int32_t)eo_npu_attr_at(op, "multiplier", c, 0);
        st->shift[c] = (int32_t)eo_npu_attr_at(op, "shift", c, 0);
    }
    return EO_OK;
}

void
npu_stage_free(npu_stage *st)
{
    free(st->wzp);
    free(st->q);
    free(st->shift);
    st->wzp = st->q = st->shift = NULL;
}

/* The accumulator of channel c through the output stage; 'old' is the
 * result's previous value (accumulate). */
static int32_t
stage_apply(const npu_stage *st, int64_t acc, int64_t c, int32_t old)
{
    if (st->s.raw)
        return sat32(st->s.accumulate ? (int64_t)old + sat32(acc)
                                      : acc);
    int64_t v = (int64_t)eo_quant_apply_multiplier(sat32(acc), st->q[c],
                                                   st->shift[c]);
    return (int32_t)clamp64(v + st->s.output_zp, st->s.act_min,
                            st->s.act_max);
}

void
npu_kernel_conv(const eo_npu_conv *p, const npu_stage *st, const int32_t *x,
                const int32_t *w, const int32_t *bias, int32_t *y)
{
    int64_t zx = p->out.input_zp;
    int64_t mult = p->kind == EO_NPU_DEPTHWISE ? p->o / p->c : 1;
    int64_t cg = p->cin_per_out;
    for (int64_t n = 0; n < p->n; n++)
    for (int64_t oy = 0; oy < p->ho; oy++)
    for (int64_t ox = 0; ox < p->wo; ox++)
    for (int64_t oc = 0; oc < p->o; oc++) {
        int64_t acc = bias ? bias[oc] : 0;
        int64_t zw = st->wzp[oc];
        /* Depthwise: output channel oc reads input channel oc / mult. */
        int64_t c0 = p->kind == EO_NPU_DEPTHWISE ? oc / mult : 0;
        for (int64_t ky = 0; ky < p->kh; ky++) {
            int64_t iy = oy * p->stride[0] + ky * p->dilation[0] - p->pad[0];
            if (iy < 0 || iy >= p->h)
                continue;
            for (int64_t kx = 0; kx < p->kw; kx++) {
                int64_t ix = ox * p->stride[1] + kx * p->dilation[1]
                             - p->pad[1];
                if (ix < 0 || ix >= p->w)
                    continue;
                const int32_t *xr = x + ((n * p->h + iy) * p->w + ix) * p->c
                                    + c0;
                const int32_t *wr = w + ((oc * p->kh + ky) * p->kw + kx) * cg;
                for (int64_t ci = 0; ci < cg; ci++)
                    acc += (int64_t)(xr[ci] - zx) * (wr[ci] - zw);
            }
        }
        int64_t yi = ((n * p->ho + oy) * p->wo + ox) * p->o + oc;
        y[yi] = stage_apply(st, acc, oc, y[yi]);
    }
}

void
npu_kernel_mvm(const eo_npu_mvm *p, const npu_stage *st, const int32_t *x,
               const int32_t *w, const int32_t *bias, int32_t *y)
{
    int64_t zx = p->out.input_zp;
    for (int64_t m = 0; m < p->m; m++)
        for (int64_t j = 0; j < p->n; j++) {
            int64_t acc = bias ? bias[j] : 0, zw = st->wzp[j];
            for (int64_t k = 0; k < p->k; k++)
                acc += (int64_t)(x[m * p->k + k] - zx)
                       * (w[k * p->n + j] - zw);
            y[m * p->n + j] = stage_apply(st, acc, j, y[m * p->n + j]);
        }
}

/* Sum / d rounded half away from zero (TFLite's int8 average pool). */
static int64_t
div_round_away(int64_t sum, int64_t d)
{
    return sum >= 0 ? (sum + d / 2) / d : (sum - d / 2) / d;
}

static void
pool(const eo_npu_ew *p, const eo_op *op, const int32_t *x, int32_t *y)
{
    int64_t zp = eo_npu_attr_at(op, "output_zp", 0, 0);
    bool avg = p->kind == EO_NPU_EW_AVGPOOL;
    for (int64_t n = 0; n < p->n; n++)
    for (int64_t oy = 0; oy < p->ho; oy++)
    for (int64_t ox = 0; ox < p->wo; ox++)
    for (int64_t c = 0; c < p->c; c++) {
        int64_t sum = 0, cnt = 0, cnt_pad = 0, mx = zp;
        bool any = false;
        for (int64_t ky = 0; ky < p->kh; ky++) {
            int64_t iy = oy * p->stride[0] + ky * p->dilation[0] - p->pad[0];
            bool in_y = iy >= 0 && iy < p->h;
            bool pad_y = iy >= -p->pad[0] && iy < p->h + p->pad[2];
            for (int64_t kx = 0; kx < p->kw; kx++) {
                int64_t ix = ox * p->stride[1] + kx * p->dilation[1]
                             - p->pad[1];
                if (pad_y && ix >= -p->pad[1] && ix < p->w + p->pad[3])
                    cnt_pad++;
                if (!in_y || ix < 0 || ix >= p->w)
                    continue;
                int64_t v = x[((n * p->h + iy) * p->w + ix) * p->c + c];
                sum += v;
                cnt++;
                if (!any || v > mx)
                    mx = v;
                any = true;
            }
        }
        int64_t v = mx;
        if (avg) {
            v = zp;
            if (p->count_include_pad && cnt_pad > 0)
                v = div_round_away(sum + (cnt_pad - cnt) * zp, cnt_pad);
            else if (!p->count_include_pad && cnt > 0)
                v = div_round_away(sum, cnt);
        }
        y[((n * p->ho + oy) * p->wo + ox) * p->c + c] =
            (int32_t)clamp64(v, p->act_min, p->act_max);
    }
}

static int64_t
attr(const eo_op *op, const char *name, int64_t def)
{
    return eo_npu_attr_at(op, name, 0, def);
}

void
npu_kernel_ew(const eo_npu_ew *p, const eo_op *op, const int32_t *a,
              const int32_t *b, int32_t *y)
{
    if (p->kind == EO_NPU_EW_MAXPOOL || p->kind == EO_NPU_EW_AVGPOOL) {
        pool(p, op, a, y);
        return;
    }
    int64_t lo = p->act_min, hi = p->act_max;
    int64_t zy = attr(op, "output_zp", 0);
    int32_t q = (int32_t)attr(op, "multiplier", 0);
    int shift = (int)attr(op, "shift", 0);
    switch (p->kind) {
    case EO_NPU_EW_ADD:
    case EO_NPU_EW_SUB: {
        /* TFLite's quantized add: both inputs scaled up by 2^left_shift,
         * rescaled to a common scale, added, rescaled to the output. */
        int left = (int)attr(op, "left_shift", 20);
        int64_t za = attr(op, "a_zp", 0), zb = attr(op, "b_zp", 0);
        int32_t qa = (int32_t)attr(op, "a_multiplier", 0);
        int32_t qb = (int32_t)attr(op, "b_multiplier", 0);
        int sa = (int)attr(op, "a_shift", 0), sb = (int)attr(op, "b_shift", 0);
        for (int64_t i = 0; i < p->elems; i++) {
            int64_t va = a[i] - za, vb = b[i] - zb;
            int32_t ra = eo_quant_apply_multiplier(
                sat32(va * (INT64_C(1) << left)), qa, sa);
            int32_t rb = eo_quant_apply_multiplier(
                sat32(vb * (INT64_C(1) << left)), qb, sb);
            int64_t s = p->kind == EO_NPU_EW_ADD ? (int64_t)ra + rb
                                                 : (int64_t)ra - rb;
            int64_t v = (int64_t)eo_quant_apply_multiplier(sat32(s), q, shift)
                        + zy;
            y[i] = (int32_t)clamp64(v, lo, hi);
        }
        return;
    }
    case EO_NPU_EW_MUL: {
        int64_t za = attr(op, "a_zp", 0), zb = attr(op, "b_zp", 0);
        for (int64_t i = 0; i < p->elems; i++) {
            int64_t prod = (a[i] - za) * (b[i] - zb);
            int64_t v = (int64_t)eo_quant_apply_multiplier(sat32(prod), q,
                                                           shift) + zy;
            y[i] = (int32_t)clamp64(v, lo, hi);
        }
        return;
    }
    case EO_NPU_EW_MIN:
    case EO_NPU_EW_MAX:
        for (int64_t i = 0; i < p->elems; i++) {
            int64_t v = p->kind == EO_NPU_EW_MAX ? (a[i] > b[i] ? a[i] : b[i])
                                                 : (a[i] < b[i] ? a[i] : b[i]);
            y[i] = (int32_t)clamp64(v, lo, hi);
        }
        return;
    default: {
        /* relu, clip, requant: optionally rescaled, then clamped. */
        bool rescale = eo_op_attr(op, "multiplier") != NULL;
        int64_t zx = attr(op, "input_zp", 0);
        for (int64_t i = 0; i < p->elems; i++) {
            int64_t v = a[i];
            if (rescale)
                v = (int64_t)eo_quant_apply_multiplier(sat32(v - zx), q,
                                                       shift) + zy;
            y[i] = (int32_t)clamp64(v, lo, hi);
        }
        return;
    }
    }
}

/* dialects/graph/interp_nn.c - the interpreter's float NN kernels:
 * conv2d, conv_transpose2d, matmul, gemm, the pools, batch_norm,
 * layer_norm, softmax and log_softmax, with ONNX semantics. Plain loops
 * in f32. Products run their innermost loop along contiguous output rows
 * (axpy); conv2d with several output channels per group copies its input
 * windows into columns (im2col) a tile at a time so those rows get long.
 * Every form sums each output in the same order: bias, then the input
 * channels, then the kernel rows and columns.
 */
#include "dialects/graph/interp_internal.h"
#include "dialects/graph/graph.h"
#include "ir/ir.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* floor(a / b) and ceil(a / b) for b > 0. */
static int64_t
floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

static int64_t
ceil_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a > 0) ? q + 1 : q;
}

/* The range [*lo, *hi) of output positions o in [0, n_out) whose input
 * position o * stride + off lies in [0, n_in). */
static void
valid_range(int64_t off, int64_t stride, int64_t n_in, int64_t n_out,
            int64_t *lo, int64_t *hi)
{
    int64_t l = off >= 0 ? 0 : ceil_div(-off, stride);
    int64_t h = floor_div(n_in - 1 - off, stride) + 1;
    if (h > n_out)
        h = n_out;
    if (l > h)
        l = h;
    *lo = l;
    *hi = h;
}

/* y[i] += a * x[i] for i < n. Unrolled by hand so that -O2's
 * straight-line (SLP) vectorizer turns each group of eight into vector
 * instructions; 'restrict' holds because results never share memory with
 * operands. */
static void
axpy(float *restrict y, const float *restrict x, float a, int64_t n)
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

/* Product of dims [from, to) of 't'. */
static int64_t
dims_prod(const eo_tensor *t, size_t from, size_t to)
{
    int64_t n = 1;
    for (size_t i = from; i < to; i++)
        n *= t->shape[i];
    return n;
}

/* Errors unless in[0..nin) and out[0..nout) are all f32. */
static eo_status
need_f32(eo_op *op, const eo_tensor *in, size_t nin, const eo_tensor *out,
         size_t nout)
{
    for (size_t i = 0; i < nin + nout; i++) {
        const eo_tensor *t = i < nin ? &in[i] : &out[i - nin];
        if (t->dtype != EO_DT_F32)
            return eo_op_error(op, "is interpreted on f32 tensors only, "
                               "not %s", eo_dtype_name(t->dtype));
    }
    return EO_OK;
}

/* Reports an operand or result shape the kernel cannot use (the verifier
 * rejects these; unverified IR gets this instead of a crash). */
static eo_status
bad_shapes(eo_op *op, const char *why)
{
    return eo_op_error(op, "has operand or result shapes the interpreter "
                       "cannot use: %s", why);
}

/* Decodes the window attributes (eo_graph_conv_params reports its own
 * errors); reports values no kernel loop could use. */
static eo_status
conv_params(eo_op *op, eo_graph_conv *p)
{
    if (eo_graph_conv_params(op, p) != EO_OK)
        return EO_ERROR;
    if (p->stride[0] < 1 || p->stride[1] < 1 || p->dilation[0] < 1
        || p->dilation[1] < 1 || p->kh < 1 || p->kw < 1)
        return eo_op_error(op, "has a non-positive stride, dilation or "
                           "kernel size");
    return EO_OK;
}

void
interp_apply_act(const eo_graph_activation *a, float *x, size_t n)
{
    size_t i;
    switch (a->kind) {
    case EO_ACT_NONE:
        break;
    case EO_ACT_RELU:
        for (i = 0; i < n; i++)
            x[i] = x[i] < 0.0f ? 0.0f : x[i];
        break;
    case EO_ACT_RELU6:
        for (i = 0; i < n; i++)
            x[i] = x[i] < 0.0f ? 0.0f : x[i] > 6.0f ? 6.0f : x[i];
        break;
    case EO_ACT_CLIP:
        for (i = 0; i < n; i++)
            x[i] = x[i] < a->min ? a->min : x[i] > a->max ? a->max : x[i];
        break;
    case EO_ACT_LEAKY_RELU:
        for (i = 0; i < n; i++)
            x[i] = x[i] < 0.0f ? x[i] * a->alpha : x[i];
        break;
    case EO_ACT_SIGMOID:
        for (i = 0; i < n; i++)
            x[i] = 1.0f / (1.0f + expf(-x[i]));
        break;
    case EO_ACT_TANH:
        for (i = 0; i < n; i++)
            x[i] = tanhf(x[i]);
        break;
    case EO_ACT_HARD_SWISH:
        /* ONNX HardSwish: x * max(0, min(1, x / 6 + 1/2)). */
        for (i = 0; i < n; i++) {
            float h = x[i] * (1.0f / 6.0f) + 0.5f;
            h = h < 0.0f ? 0.0f : h > 1.0f ? 1.0f : h;
            x[i] *= h;
        }
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Convolutions                                                        */
/* ------------------------------------------------------------------ */

/* Shapes of a conv2d in logical terms, checked against the tensors. */
typedef struct conv_dims {
    int64_t n, c, h, w;         /* input */
    int64_t o, ho, wo;          /* output */
    int64_t kh, kw, cpg, opg;   /* filter; channels per group in, out */
} conv_dims;

static eo_status
conv2d_dims(eo_op *op, const eo_graph_conv *p, const eo_tensor *in,
            size_t nin, const eo_tensor *out, conv_dims *d)
{
    const eo_tensor *x = &in[0], *w = &in[1], *y = &out[0];
    if (x->rank != 4 || w->rank != 4 || y->rank != 4)
        return bad_shapes(op, "conv2d needs 4-D input, filter and result");
    bool nhwc = p->nhwc;
    d->n = x->shape[0];
    d->c = nhwc ? x->shape[3] : x->shape[1];
    d->h = nhwc ? x->shape[1] : x->shape[2];
    d->w = nhwc ? x->shape[2] : x->shape[3];
    d->o = w->shape[0];
    d->kh = nhwc ? w->shape[1] : w->shape[2];
    d->kw = nhwc ? w->shape[2] : w->shape[3];
    d->cpg = nhwc ? w->shape[3] : w->shape[1];
    d->ho = nhwc ? y->shape[1] : y->shape[2];
    d->wo = nhwc ? y->shape[2] : y->shape[3];
    int64_t g = p->groups;
    if (g < 1 || d->c != d->cpg * g || d->o % g != 0)
        return bad_shapes(op, "channels do not divide into the groups");
    d->opg = d->o / g;
    if (y->shape[0] != d->n || (nhwc ? y->shape[3] : y->shape[1]) != d->o)
        return bad_shapes(op, "result batch or channels");
    if (nin > 2 && eo_tensor_numel(&in[2]) != d->o)
        return bad_shapes(op, "bias size");
    return EO_OK;
}

/* NCHW input, OIHW filter: for each output plane, accumulate every
 * (input channel, tap) as a scaled row of the input. */
static void
conv2d_nchw(const eo_graph_conv *p, const conv_dims *d, const float *x,
            const float *w, const float *b, float *y)
{
    int64_t sh = p->stride[0], sw = p->stride[1];
    int64_t dh = p->dilation[0], dw = p->dilation[1];
    int64_t pt = p->pad[0], pl = p->pad[1];
    int64_t plane = d->ho * d->wo;
    for (int64_t n = 0; n < d->n; n++) {
        for (int64_t oc = 0; oc < d->o; oc++) {
            int64_t g = oc / d->opg;
            float *yp = y + (n * d->o + oc) * plane;
            float bias = b ? b[oc] : 0.0f;
            for (int64_t i = 0; i < plane; i++)
                yp[i] = bias;
            for (int64_t ic = 0; ic < d->cpg; ic++) {
                const float *xp = x + (n * d->c + g * d->cpg + ic)
                                      * d->h * d->w;
                const float *wp = w + (oc * d->cpg + ic) * d->kh * d->kw;
                for (int64_t ky = 0; ky < d->kh; ky++) {
                    int64_t oy_lo, oy_hi;
                    valid_range(ky * dh - pt, sh, d->h, d->ho, &oy_lo,
                                &oy_hi);
                    for (int64_t kx = 0; kx < d->kw; kx++) {
                        float wv = wp[ky * d->kw + kx];
                        int64_t offx = kx * dw - pl, ox_lo, ox_hi;
                        valid_range(offx, sw, d->w, d->wo, &ox_lo, &ox_hi);
                        if (oy_lo >= oy_hi || ox_lo >= ox_hi)
                            continue;
                        /* Whole rows with unit strides and no offset (a
                         * 1x1 conv, say): the rows are contiguous in
                         * both planes, one long row. */
                        if (sh == 1 && sw == 1 && offx == 0 && ox_lo == 0
                            && ox_hi == d->wo && d->wo == d->w) {
                            int64_t iy = oy_lo + ky * dh - pt;
                            axpy(yp + oy_lo * d->wo, xp + iy * d->w, wv,
                                 (oy_hi - oy_lo) * d->wo);
                            continue;
                        }
                        for (int64_t oy = oy_lo; oy < oy_hi; oy++) {
                            int64_t iy = oy * sh + ky * dh - pt;
                            const float *xr = xp + iy * d->w;
                            float *yr = yp + oy * d->wo;
                            if (sw == 1) {
                                axpy(yr + ox_lo, xr + ox_lo + offx, wv,
                                     ox_hi - ox_lo);
                            } else {
                                for (int64_t ox = ox_lo; ox < ox_hi; ox++)
                                    yr[ox] += wv * xr[ox * sw + offx];
                            }
                        }
                    }
                }
            }
        }
    }
}

/* Output pixels per tile of the lowered (im2col) conv: whole output rows
 * adding up to about this many, so a tile of one column row stays in L1
 * and a tile of every column row in L2. */
#define CONV_TILE 512

/* Rows [oy0, oy0 + nr) of the im2col matrix of one group's input 'xg':
 * col[(ic * kh + ky) * kw + kx][i * wo + ox] is the input pixel that tap
 * (ky, kx) of channel ic sees from output pixel (oy0 + i, ox), or 0 in
 * the padding. */
static void
im2col_rows(const eo_graph_conv *p, const conv_dims *d, const float *xg,
            int64_t oy0, int64_t nr, float *col)
{
    int64_t sh = p->stride[0], sw = p->stride[1];
    int64_t dh = p->dilation[0], dw = p->dilation[1];
    int64_t t = nr * d->wo;
    for (int64_t ic = 0; ic < d->cpg; ic++) {
        for (int64_t ky = 0; ky < d->kh; ky++) {
            for (int64_t kx = 0; kx < d->kw; kx++) {
                float *cr = col + ((ic * d->kh + ky) * d->kw + kx) * t;
                int64_t offx = kx * dw - p->pad[1], lo, hi;
                valid_range(offx, sw, d->w, d->wo, &lo, &hi);
                for (int64_t i = 0; i < nr; i++) {
                    int64_t iy = (oy0 + i) * sh + ky * dh - p->pad[0];
                    float *row = cr + i * d->wo;
                    if (iy < 0 || iy >= d->h || lo >= hi) {
                        memset(row, 0, (size_t)d->wo * sizeof *row);
                        continue;
                    }
                    const float *xr = xg + (ic * d->h + iy) * d->w;
                    for (int64_t ox = 0; ox < lo; ox++)
                        row[ox] = 0.0f;
                    for (int64_t ox = lo; ox < hi; ox++)
                        row[ox] = xr[ox * sw + offx];
                    for (int64_t ox = hi; ox < d->wo; ox++)
                        row[ox] = 0.0f;
                }
            }
        }
    }
}

/* NCHW conv lowered to a matrix product per group and tile of output
 * rows: Y[opg, pixels] = W[opg, cpg * kh * kw] x col. The sum for each
 * output runs over (ic, ky, kx) in the same order as conv2d_nchw's.
 * 'col' has room for cpg * kh * kw * CONV_TILE-ish pixels ('rows' output
 * rows); a 1x1 conv with unit strides and no padding reads the input
 * as its own column matrix. */
static void
conv2d_nchw_lowered(const eo_graph_conv *p, const conv_dims *d,
                    const float *x, const float *w, const float *b, float *y,
                    float *col, int64_t rows)
{
    bool direct = d->kh == 1 && d->kw == 1 && p->stride[0] == 1
                  && p->stride[1] == 1 && p->pad[0] == 0 && p->pad[1] == 0
                  && d->ho == d->h && d->wo == d->w;
    int64_t ckk = d->cpg * d->kh * d->kw;
    int64_t plane = d->ho * d->wo;
    for (int64_t n = 0; n < d->n; n++) {
        for (int64_t g = 0; g < d->o / d->opg; g++) {
            const float *xg = x + (n * d->c + g * d->cpg) * d->h * d->w;
            for (int64_t oy0 = 0; oy0 < d->ho; oy0 += rows) {
                int64_t nr = d->ho - oy0 < rows ? d->ho - oy0 : rows;
                int64_t t = nr * d->wo;
                const float *cb = col;
                int64_t cs = t;       /* distance between column rows */
                if (direct) {
                    cb = xg + oy0 * d->w;
                    cs = d->h * d->w;
                } else {
                    im2col_rows(p, d, xg, oy0, nr, col);
                }
                for (int64_t ocl = 0; ocl < d->opg; ocl++) {
                    int64_t oc = g * d->opg + ocl;
                    float *yt = y + (n * d->o + oc) * plane + oy0 * d->wo;
                    const float *wr = w + oc * ckk;
                    float bias = b ? b[oc] : 0.0f;
                    for (int64_t i = 0; i < t; i++)
                        yt[i] = bias;
                    for (int64_t r = 0; r < ckk; r++)
                        axpy(yt, cb + r * cs, wr[r], t);
                }
            }
        }
    }
}

/* NHWC input, OHWI filter: for each output pixel, each tap contributes
 * a dot product along the contiguous input channels. */
static void
conv2d_nhwc(const eo_graph_conv *p, const conv_dims *d, const float *x,
            const float *w, const float *b, float *y)
{
    int64_t sh = p->stride[0], sw = p->stride[1];
    int64_t dh = p->dilation[0], dw = p->dilation[1];
    int64_t pt = p->pad[0], pl = p->pad[1];
    for (int64_t n = 0; n < d->n; n++) {
        for (int64_t oy = 0; oy < d->ho; oy++) {
            for (int64_t ox = 0; ox < d->wo; ox++) {
                float *yp = y + ((n * d->ho + oy) * d->wo + ox) * d->o;
                for (int64_t oc = 0; oc < d->o; oc++)
                    yp[oc] = b ? b[oc] : 0.0f;
                for (int64_t ky = 0; ky < d->kh; ky++) {
                    int64_t iy = oy * sh + ky * dh - pt;
                    if (iy < 0 || iy >= d->h)
                        continue;
                    for (int64_t kx = 0; kx < d->kw; kx++) {
                        int64_t ix = ox * sw + kx * dw - pl;
                        if (ix < 0 || ix >= d->w)
                            continue;
                        const float *xp = x + ((n * d->h + iy) * d->w + ix)
                                              * d->c;
                        for (int64_t oc = 0; oc < d->o; oc++) {
                            const float *xg = xp + (oc / d->opg) * d->cpg;
                            const float *wp = w + ((oc * d->kh + ky) * d->kw
                                                   + kx) * d->cpg;
                            float acc = 0.0f;
                            for (int64_t ic = 0; ic < d->cpg; ic++)
                                acc += xg[ic] * wp[ic];
                            yp[oc] += acc;
                        }
                    }
                }
            }
        }
    }
}

static eo_status
k_conv2d(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nin = eo_op_num_operands(op);
    eo_graph_conv p = { 0 };
    conv_dims d = { 0 };
    if (nin < 2 || nin > 3)
        return bad_shapes(op, "conv2d takes 2 or 3 operands");
    if (need_f32(op, in, nin, out, 1) != EO_OK
        || conv_params(op, &p) != EO_OK
        || conv2d_dims(op, &p, in, nin, out, &d) != EO_OK)
        return EO_ERROR;
    const float *b = nin > 2 ? in[2].data : NULL;
    /* The lowered form pays an im2col copy per group that only output
     * channels sharing it (opg > 1) make worthwhile; without memory for
     * the columns the direct loops give the same sums. */
    float *col = NULL;
    int64_t rows = d.wo > 0 && d.wo < CONV_TILE ? CONV_TILE / d.wo : 1;
    int64_t ckk = d.cpg * d.kh * d.kw;
    if (!p.nhwc && d.opg > 1 && ckk > 0 && rows * d.wo > 0
        && (uint64_t)ckk <= SIZE_MAX / sizeof(float) / (uint64_t)(rows * d.wo))
        col = malloc((size_t)ckk * (size_t)(rows * d.wo) * sizeof(float));
    if (p.nhwc)
        conv2d_nhwc(&p, &d, in[0].data, in[1].data, b, out[0].data);
    else if (col)
        conv2d_nchw_lowered(&p, &d, in[0].data, in[1].data, b, out[0].data,
                            col, rows);
    else
        conv2d_nchw(&p, &d, in[0].data, in[1].data, b, out[0].data);
    free(col);
    interp_apply_act(&p.act, out[0].data, (size_t)eo_tensor_numel(&out[0]));
    return EO_OK;
}

/* ONNX ConvTranspose (NCHW; filter [C, O/groups, kh, kw]): every input
 * pixel scatters its filter-weighted value into the output. */
static eo_status
k_conv_transpose2d(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nin = eo_op_num_operands(op);
    eo_graph_conv p = { 0 };
    if (nin < 2 || nin > 3)
        return bad_shapes(op, "conv_transpose2d takes 2 or 3 operands");
    if (need_f32(op, in, nin, out, 1) != EO_OK
        || conv_params(op, &p) != EO_OK)
        return EO_ERROR;
    const eo_tensor *xt = &in[0], *wt = &in[1], *yt = &out[0];
    if (p.nhwc || xt->rank != 4 || wt->rank != 4 || yt->rank != 4)
        return bad_shapes(op, "conv_transpose2d needs 4-D NCHW tensors");
    int64_t n_ = xt->shape[0], c = xt->shape[1], h = xt->shape[2];
    int64_t w_ = xt->shape[3], g = p.groups;
    int64_t opg = wt->shape[1], kh = wt->shape[2], kw = wt->shape[3];
    int64_t o = yt->shape[1], ho = yt->shape[2], wo = yt->shape[3];
    if (g < 1 || wt->shape[0] != c || c % g != 0 || o != opg * g
        || yt->shape[0] != n_)
        return bad_shapes(op, "channels do not divide into the groups");
    if (nin > 2 && eo_tensor_numel(&in[2]) != o)
        return bad_shapes(op, "bias size");
    int64_t cpg = c / g;
    int64_t sh = p.stride[0], sw = p.stride[1];
    int64_t dh = p.dilation[0], dw = p.dilation[1];
    int64_t pt = p.pad[0], pl = p.pad[1];
    const float *x = xt->data, *w = wt->data;
    const float *b = nin > 2 ? in[2].data : NULL;
    float *y = yt->data;
    int64_t plane = ho * wo;
    for (int64_t n = 0; n < n_; n++) {
        for (int64_t oc = 0; oc < o; oc++) {
            float *yp = y + (n * o + oc) * plane;
            for (int64_t i = 0; i < plane; i++)
                yp[i] = b ? b[oc] : 0.0f;
        }
        for (int64_t ci = 0; ci < c; ci++) {
            int64_t grp = ci / cpg;
            const float *xp = x + (n * c + ci) * h * w_;
            for (int64_t ocl = 0; ocl < opg; ocl++) {
                int64_t oc = grp * opg + ocl;
                float *yp = y + (n * o + oc) * plane;
                const float *wp = w + (ci * opg + ocl) * kh * kw;
                for (int64_t ky = 0; ky < kh; ky++) {
                    for (int64_t kx = 0; kx < kw; kx++) {
                        float wv = wp[ky * kw + kx];
                        int64_t offx = kx * dw - pl, ix_lo, ix_hi;
                        /* ox = ix * sw + offx must lie in [0, wo). */
                        valid_range(offx, sw, wo, w_, &ix_lo, &ix_hi);
                        for (int64_t iy = 0; iy < h; iy++) {
                            int64_t oy = iy * sh + ky * dh - pt;
                            if (oy < 0 || oy >= ho)
                                continue;
                            const float *xr = xp + iy * w_;
                            float *yr = yp + oy * wo;
                            if (sw == 1 && ix_lo < ix_hi) {
                                axpy(yr + ix_lo + offx, xr + ix_lo, wv,
                                     ix_hi - ix_lo);
                                continue;
                            }
                            for (int64_t ix = ix_lo; ix < ix_hi; ix++)
                                yr[ix * sw + offx] += wv * xr[ix];
                        }
                    }
                }
            }
        }
    }
    interp_apply_act(&p.act, y, (size_t)eo_tensor_numel(yt));
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Matrix products                                                     */
/* ------------------------------------------------------------------ */

/* c[m][n] += a[m][k] * b[k][n] for row-major a, b, c. */
static void
matmul_acc(const float *a, const float *b, float *c, int64_t m, int64_t k,
           int64_t n)
{
    for (int64_t i = 0; i < m; i++)
        for (int64_t kk = 0; kk < k; kk++)
            axpy(c + i * n, b + kk * n, a[i * k + kk], n);
}

/* NumPy matmul: 1-D operands are promoted (and the added dim dropped
 * from the result), batch dims broadcast. */
static eo_status
k_matmul(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    if (eo_op_num_operands(op) != 2)
        return bad_shapes(op, "matmul takes 2 operands");
    if (need_f32(op, in, 2, out, 1) != EO_OK)
        return EO_ERROR;
    const eo_tensor *a = &in[0], *b = &in[1], *y = &out[0];
    if (a->rank < 1 || b->rank < 1)
        return bad_shapes(op, "matmul operands must have rank >= 1");
    size_t ra = a->rank, rb = b->rank;
    int64_t m = ra >= 2 ? a->shape[ra - 2] : 1, k = a->shape[ra - 1];
    int64_t kb = rb >= 2 ? b->shape[rb - 2] : b->shape[0];
    int64_t n = rb >= 2 ? b->shape[rb - 1] : 1;
    if (k != kb)
        return bad_shapes(op, "contracted dims differ");
    /* Batch dims, right-aligned, of a, b and the result. */
    size_t ba = ra >= 2 ? ra - 2 : 0, bb = rb >= 2 ? rb - 2 : 0;
    size_t nb = ba > bb ? ba : bb;
    int64_t bshape[EO_GRAPH_MAX_RANK], sa[EO_GRAPH_MAX_RANK];
    int64_t sb[EO_GRAPH_MAX_RANK];
    int64_t batches = 1;
    for (size_t i = 0; i < nb; i++) {
        int64_t da = i + ba >= nb ? a->shape[i + ba - nb] : 1;
        int64_t db = i + bb >= nb ? b->shape[i + bb - nb] : 1;
        if (da != db && da != 1 && db != 1)
            return bad_shapes(op, "batch dims do not broadcast");
        bshape[i] = da == 1 ? db : da;
        sa[i] = da == 1 ? 0 : 1;
        sb[i] = db == 1 ? 0 : 1;
        batches *= bshape[i];
    }
    if (eo_tensor_numel(y) != batches * m * n)
        return bad_shapes(op, "result size");
    /* Element strides of each batch dim in a and b (0 when broadcast). */
    int64_t stride_a = m * k, stride_b = k * n;
    for (size_t i = nb; i-- > 0;) {
        int64_t da = i + ba >= nb ? a->shape[i + ba - nb] : 1;
        int64_t db = i + bb >= nb ? b->shape[i + bb - nb] : 1;
        sa[i] *= stride_a;
        sb[i] *= stride_b;
        stride_a *= da;
        stride_b *= db;
    }
    const float *ad = a->data, *bd = b->data;
    float *yd = y->data;
    int64_t idx[EO_GRAPH_MAX_RANK] = { 0 };
    for (int64_t t = 0; t < batches; t++) {
        int64_t oa = 0, ob = 0;
        for (size_t i = 0; i < nb; i++) {
            oa += idx[i] * sa[i];
            ob += idx[i] * sb[i];
        }
        matmul_acc(ad + oa, bd + ob, yd + t * m * n, m, k, n);
        for (size_t i = nb; i-- > 0;) {
            if (++idx[i] < bshape[i])
                break;
            idx[i] = 0;
        }
    }
    eo_graph_activation act = eo_graph_op_activation(op);
    interp_apply_act(&act, yd, (size_t)eo_tensor_numel(y));
    return EO_OK;
}

/* ONNX Gemm: alpha * A' B' + beta * C, C broadcast to [M, N]. */
static eo_status
k_gemm(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nin = eo_op_num_operands(op);
    if (nin < 2 || nin > 3)
        return bad_shapes(op, "gemm takes 2 or 3 operands");
    if (need_f32(op, in, nin, out, 1) != EO_OK)
        return EO_ERROR;
    const eo_tensor *a = &in[0], *b = &in[1], *y = &out[0];
    bool ta = eo_graph_attr_bool(op, "trans_a", false);
    bool tb = eo_graph_attr_bool(op, "trans_b", false);
    float alpha = (float)eo_graph_attr_float(op, "alpha", 1.0);
    float beta = (float)eo_graph_attr_float(op, "beta", 1.0);
    if (a->rank != 2 || b->rank != 2 || y->rank != 2)
        return bad_shapes(op, "gemm needs 2-D operands and result");
    int64_t m = ta ? a->shape[1] : a->shape[0];
    int64_t k = ta ? a->shape[0] : a->shape[1];
    int64_t kb = tb ? b->shape[1] : b->shape[0];
    int64_t n = tb ? b->shape[0] : b->shape[1];
    if (k != kb || y->shape[0] != m || y->shape[1] != n)
        return bad_shapes(op, "gemm dims");
    /* C's strides along M and N (0 where it broadcasts). */
    const float *c = NULL;
    int64_t cs_m = 0, cs_n = 0;
    if (nin > 2) {
        const eo_tensor *ct = &in[2];
        int64_t cm = ct->rank >= 2 ? ct->shape[ct->rank - 2] : 1;
        int64_t cn = ct->rank >= 1 ? ct->shape[ct->rank - 1] : 1;
        if (ct->rank > 2 || (cm != 1 && cm != m) || (cn != 1 && cn != n))
            return bad_shapes(op, "gemm's C does not broadcast to [M, N]");
        c = ct->data;
        cs_m = cm == 1 ? 0 : cn;
        cs_n = cn == 1 ? 0 : 1;
    }
    const float *ad = a->data, *bd = b->data;
    float *yd = y->data;
    for (int64_t i = 0; i < m; i++) {
        float *yr = yd + i * n;
        if (!tb) {
            for (int64_t kk = 0; kk < k; kk++)
                axpy(yr, bd + kk * n, ta ? ad[kk * m + i] : ad[i * k + kk],
                     n);
        } else {
            for (int64_t j = 0; j < n; j++) {
                const float *br = bd + j * k;
                float acc = 0.0f;
                for (int64_t kk = 0; kk < k; kk++)
                    acc += (ta ? ad[kk * m + i] : ad[i * k + kk]) * br[kk];
                yr[j] = acc;
            }
        }
        for (int64_t j = 0; j < n; j++) {
            yr[j] *= alpha;
            if (c && beta != 0.0f)
                yr[j] += c[i * cs_m + j * cs_n] * beta;
        }
    }
    eo_graph_activation act = eo_graph_op_activation(op);
    interp_apply_act(&act, yd, (size_t)eo_tensor_numel(y));
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Pools                                                               */
/* ------------------------------------------------------------------ */

/* Logical [n, c, h, w] sizes of a 4-D tensor in either layout. */
typedef struct pool_dims {
    int64_t n, c, h, w, ho, wo;
    bool nhwc;
} pool_dims;

static eo_status
pool_dims_of(eo_op *op, bool nhwc, const eo_tensor *x, const eo_tensor *y,
             pool_dims *d)
{
    if (x->rank != 4 || y->rank != 4)
        return bad_shapes(op, "pools need 4-D input and result");
    d->nhwc = nhwc;
    d->n = x->shape[0];
    d->c = nhwc ? x->shape[3] : x->shape[1];
    d->h = nhwc ? x->shape[1] : x->shape[2];
    d->w = nhwc ? x->shape[2] : x->shape[3];
    d->ho = nhwc ? y->shape[1] : y->shape[2];
    d->wo = nhwc ? y->shape[2] : y->shape[3];
    if (y->shape[0] != d->n || (nhwc ? y->shape[3] : y->shape[1]) != d->c)
        return bad_shapes(op, "pool result batch or channels");
    return EO_OK;
}

/* Offset of element (n, c, y, x) of a tensor of logical size 'd' with
 * spatial size h x w. */
static int64_t
pool_at(const pool_dims *d, int64_t h, int64_t w, int64_t n, int64_t c,
        int64_t y, int64_t x)
{
    return d->nhwc ? ((n * h + y) * w + x) * d->c + c
                   : ((n * d->c + c) * h + y) * w + x;
}

/* Max pool for each element type it supports (ONNX also takes int8 and
 * uint8): the largest value in each window, padding excluded. */
#define DEFINE_MAX_POOL(NAME, T)                                            \
    static void NAME(const eo_graph_conv *p, const pool_dims *d,           \
                     const T *x, T *y)                                      \
    {                                                                       \
        for (int64_t n = 0; n < d->n; n++)                                  \
        for (int64_t c = 0; c < d->c; c++)                                  \
        for (int64_t oy = 0; oy < d->ho; oy++)                              \
        for (int64_t ox = 0; ox < d->wo; ox++) {                            \
            bool any = false;                                               \
            T m = 0;                                                        \
            for (int64_t ky = 0; ky < p->kh; ky++) {                        \
                int64_t iy = oy * p->stride[0] + ky * p->dilation[0]        \
                             - p->pad[0];                                   \
                if (iy < 0 || iy >= d->h)                                   \
                    continue;                                               \
                for (int64_t kx = 0; kx < p->kw; kx++) {                    \
                    int64_t ix = ox * p->stride[1] + kx * p->dilation[1]    \
                                 - p->pad[1];                               \
                    if (ix < 0 || ix >= d->w)                               \
                        continue;                                           \
                    T v = x[pool_at(d, d->h, d->w, n, c, iy, ix)];          \
                    if (!any || v > m)                                      \
                        m = v;                                              \
                    any = true;                                             \
                }                                                           \
            }                                                               \
            y[pool_at(d, d->ho, d->wo, n, c, oy, ox)] = m;                  \
        }                                                                   \
    }

DEFINE_MAX_POOL(max_pool_f32, float)
DEFINE_MAX_POOL(max_pool_i8, int8_t)
DEFINE_MAX_POOL(max_pool_u8, uint8_t)
DEFINE_MAX_POOL(max_pool_i32, int32_t)
DEFINE_MAX_POOL(max_pool_i64, int64_t)

static eo_status
k_max_pool(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_conv p = { 0 };
    pool_dims d = { 0 };
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "max_pool takes 1 operand");
    if (conv_params(op, &p) != EO_OK
        || pool_dims_of(op, p.nhwc, &in[0], &out[0], &d) != EO_OK)
        return EO_ERROR;
    if (in[0].dtype != out[0].dtype)
        return bad_shapes(op, "element types differ");
    switch (in[0].dtype) {
    case EO_DT_F32: max_pool_f32(&p, &d, in[0].data, out[0].data); break;
    case EO_DT_I8: max_pool_i8(&p, &d, in[0].data, out[0].data); break;
    case EO_DT_U8: max_pool_u8(&p, &d, in[0].data, out[0].data); break;
    case EO_DT_I32: max_pool_i32(&p, &d, in[0].data, out[0].data); break;
    case EO_DT_I64: max_pool_i64(&p, &d, in[0].data, out[0].data); break;
    default:
        return eo_op_error(op, "is not interpreted on %s tensors",
                           eo_dtype_name(in[0].dtype));
    }
    return EO_OK;
}

/* Average pool. The divisor counts the window's elements inside the
 * input, or with count_include_pad those inside the padded input
 * [-pad_begin, size + pad_end) (so ceil_mode windows that run past the
 * end padding count only what they cover, as onnxruntime does). */
static eo_status
k_avg_pool(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    eo_graph_conv p = { 0 };
    pool_dims d = { 0 };
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "avg_pool takes 1 operand");
    if (need_f32(op, in, 1, out, 1) != EO_OK || conv_params(op, &p) != EO_OK
        || pool_dims_of(op, p.nhwc, &in[0], &out[0], &d) != EO_OK)
        return EO_ERROR;
    const float *x = in[0].data;
    float *y = out[0].data;
    for (int64_t n = 0; n < d.n; n++)
    for (int64_t c = 0; c < d.c; c++)
    for (int64_t oy = 0; oy < d.ho; oy++)
    for (int64_t ox = 0; ox < d.wo; ox++) {
        float sum = 0.0f;
        int64_t cnt = 0, cnt_pad = 0;
        for (int64_t ky = 0; ky < p.kh; ky++) {
            int64_t iy = oy * p.stride[0] + ky * p.dilation[0] - p.pad[0];
            bool in_y = iy >= 0 && iy < d.h;
            bool pad_y = iy >= -p.pad[0] && iy < d.h + p.pad[2];
            for (int64_t kx = 0; kx < p.kw; kx++) {
                int64_t ix = ox * p.stride[1] + kx * p.dilation[1] - p.pad[1];
                if (pad_y && ix >= -p.pad[1] && ix < d.w + p.pad[3])
                    cnt_pad++;
                if (!in_y || ix < 0 || ix >= d.w)
                    continue;
                sum += x[pool_at(&d, d.h, d.w, n, c, iy, ix)];
                cnt++;
            }
        }
        int64_t div = p.count_include_pad ? cnt_pad : cnt;
        y[pool_at(&d, d.ho, d.wo, n, c, oy, ox)] =
            div > 0 ? sum / (float)div : 0.0f;
    }
    return EO_OK;
}

/* Global pools over every spatial dim (rank >= 3; channels at dim 1, or
 * last for NHWC). */
static eo_status
k_global_pool(eo_op *op, const eo_tensor *in, eo_tensor *out, bool avg)
{
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "global pools take 1 operand");
    if (need_f32(op, in, 1, out, 1) != EO_OK)
        return EO_ERROR;
    const eo_tensor *xt = &in[0];
    bool nhwc = strcmp(eo_graph_attr_str(op, "layout", "NCHW"), "NHWC") == 0;
    if (xt->rank < 3)
        return bad_shapes(op, "global pools need rank >= 3");
    int64_t n_ = xt->shape[0];
    int64_t c = nhwc ? xt->shape[xt->rank - 1] : xt->shape[1];
    int64_t sp = nhwc ? dims_prod(xt, 1, xt->rank - 1)
                      : dims_prod(xt, 2, xt->rank);
    if (eo_tensor_numel(&out[0]) != n_ * c)
        return bad_shapes(op, "global pool result size");
    /* Element (n, c, s): NCHW (n * C + c) * S + s, NHWC (n * S + s) * C +
     * c; the result is [N, C] in both (spatial dims are 1). */
    int64_t cs = nhwc ? 1 : sp, ss = nhwc ? c : 1;
    const float *x = xt->data;
    float *y = out[0].data;
    for (int64_t n = 0; n < n_; n++) {
        for (int64_t ch = 0; ch < c; ch++) {
            const float *xp = x + n * c * sp + ch * cs;
            if (avg) {
                double sum = 0.0;
                for (int64_t s = 0; s < sp; s++)
                    sum += xp[s * ss];
                y[n * c + ch] = sp > 0 ? (float)(sum / (double)sp) : 0.0f;
            } else {
                float m = -INFINITY;
                for (int64_t s = 0; s < sp; s++)
                    m = xp[s * ss] > m ? xp[s * ss] : m;
                y[n * c + ch] = m;
            }
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

/* ------------------------------------------------------------------ */
/* Normalizations                                                      */
/* ------------------------------------------------------------------ */

/* Inference batch norm: (x - mean) / sqrt(var + eps) * scale + bias per
 * channel (dim 1, or the last dim for NHWC). */
static eo_status
k_batch_norm(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    if (eo_op_num_operands(op) != 5)
        return bad_shapes(op, "batch_norm takes 5 operands");
    if (need_f32(op, in, 5, out, 1) != EO_OK)
        return EO_ERROR;
    const eo_tensor *xt = &in[0];
    bool nhwc = strcmp(eo_graph_attr_str(op, "layout", "NCHW"), "NHWC") == 0;
    float eps = (float)eo_graph_attr_float(op, "epsilon", 1e-5);
    if (xt->rank < 2 || eo_tensor_numel(&out[0]) != eo_tensor_numel(xt))
        return bad_shapes(op, "batch_norm needs rank >= 2");
    size_t axis = nhwc ? xt->rank - 1 : 1;
    int64_t c = xt->shape[axis];
    for (size_t i = 1; i < 5; i++)
        if (eo_tensor_numel(&in[i]) != c)
            return bad_shapes(op, "batch_norm parameter size");
    int64_t outer = dims_prod(xt, 0, axis);
    int64_t inner = dims_prod(xt, axis + 1, xt->rank);
    const float *x = xt->data, *scale = in[1].data, *bias = in[2].data;
    const float *mean = in[3].data, *var = in[4].data;
    float *y = out[0].data;
    for (int64_t o = 0; o < outer; o++) {
        for (int64_t ch = 0; ch < c; ch++) {
            float sd = sqrtf(var[ch] + eps);
            const float *xp = x + (o * c + ch) * inner;
            float *yp = y + (o * c + ch) * inner;
            for (int64_t i = 0; i < inner; i++)
                yp[i] = (xp[i] - mean[ch]) / sd * scale[ch] + bias[ch];
        }
    }
    return EO_OK;
}

/* Expands 't' (broadcast right-aligned to dims [from, rank) of 'x') into
 * 'dst', which has room for their product; false if it does not
 * broadcast. */
static bool
expand_to_tail(const eo_tensor *t, const eo_tensor *x, size_t from,
               float *dst)
{
    size_t nr = x->rank - from;
    const float *src = t->data;
    /* Strides of t per tail dim of x (0 where broadcast). */
    int64_t st[EO_GRAPH_MAX_RANK] = { 0 };
    for (size_t i = nr; i < t->rank; i++)
        if (t->shape[t->rank - 1 - i] != 1)
            return false;
    int64_t s = 1;
    for (size_t i = 0; i < nr && i < t->rank; i++) {
        int64_t dt = t->shape[t->rank - 1 - i];
        int64_t dx = x->shape[x->rank - 1 - i];
        if (dt != dx && dt != 1)
            return false;
        st[nr - 1 - i] = dt == 1 ? 0 : s;
        s *= dt;
    }
    int64_t total = dims_prod(x, from, x->rank);
    int64_t idx[EO_GRAPH_MAX_RANK] = { 0 };
    for (int64_t j = 0; j < total; j++) {
        int64_t off = 0;
        for (size_t i = 0; i < nr; i++)
            off += idx[i] * st[i];
        dst[j] = src[off];
        for (size_t i = nr; i-- > 0;) {
            if (++idx[i] < x->shape[from + i])
                break;
            idx[i] = 0;
        }
    }
    return true;
}

/* ONNX LayerNormalization: normalizes over dims axis..rank-1, then
 * scales and shifts (scale and bias broadcast to those dims). */
static eo_status
k_layer_norm(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nin = eo_op_num_operands(op);
    if (nin < 2 || nin > 3)
        return bad_shapes(op, "layer_norm takes 2 or 3 operands");
    if (need_f32(op, in, nin, out, 1) != EO_OK)
        return EO_ERROR;
    const eo_tensor *xt = &in[0];
    int64_t axis = eo_graph_attr_int(op, "axis", -1);
    double eps = eo_graph_attr_float(op, "epsilon", 1e-5);
    if (axis < 0)
        axis += (int64_t)xt->rank;
    if (axis < 0 || axis >= (int64_t)xt->rank || xt->rank == 0)
        return bad_shapes(op, "layer_norm axis out of range");
    if (eo_tensor_numel(&out[0]) != eo_tensor_numel(xt))
        return bad_shapes(op, "result size");
    int64_t outer = dims_prod(xt, 0, (size_t)axis);
    int64_t inner = dims_prod(xt, (size_t)axis, xt->rank);
    if (inner == 0)
        return EO_OK;
    float *sb = malloc(2 * (size_t)inner * sizeof *sb);
    if (!sb)
        return EO_NOMEM;
    float *scale = sb, *bias = sb + inner;
    bool ok = expand_to_tail(&in[1], xt, (size_t)axis, scale);
    memset(bias, 0, (size_t)inner * sizeof *bias);
    if (ok && nin > 2)
        ok = expand_to_tail(&in[2], xt, (size_t)axis, bias);
    if (!ok) {
        free(sb);
        return bad_shapes(op, "scale or bias do not broadcast");
    }
    const float *x = xt->data;
    float *y = out[0].data;
    for (int64_t o = 0; o < outer; o++) {
        const float *xp = x + o * inner;
        float *yp = y + o * inner;
        double sum = 0.0;
        for (int64_t i = 0; i < inner; i++)
            sum += xp[i];
        double mean = sum / (double)inner, sq = 0.0;
        for (int64_t i = 0; i < inner; i++)
            sq += (xp[i] - mean) * (xp[i] - mean);
        double inv = 1.0 / sqrt(sq / (double)inner + eps);
        for (int64_t i = 0; i < inner; i++)
            yp[i] = (float)((xp[i] - mean) * inv) * scale[i] + bias[i];
    }
    free(sb);
    return EO_OK;
}

/* softmax / log_softmax over one axis (opset 13). */
static eo_status
k_softmax_any(eo_op *op, const eo_tensor *in, eo_tensor *out, bool log_)
{
    if (eo_op_num_operands(op) != 1)
        return bad_shapes(op, "softmax takes 1 operand");
    if (need_f32(op, in, 1, out, 1) != EO_OK)
        return EO_ERROR;
    const eo_tensor *xt = &in[0];
    int64_t axis = eo_graph_attr_int(op, "axis", -1);
    if (axis < 0)
        axis += (int64_t)xt->rank;
    if (axis < 0 || axis >= (int64_t)xt->rank)
        return bad_shapes(op, "softmax axis out of range");
    if (eo_tensor_numel(&out[0]) != eo_tensor_numel(xt))
        return bad_shapes(op, "result size");
    int64_t outer = dims_prod(xt, 0, (size_t)axis);
    int64_t len = xt->shape[axis];
    int64_t inner = dims_prod(xt, (size_t)axis + 1, xt->rank);
    const float *x = xt->data;
    float *y = out[0].data;
    for (int64_t o = 0; o < outer; o++) {
        for (int64_t i = 0; i < inner; i++) {
            const float *xp = x + o * len * inner + i;
            float *yp = y + o * len * inner + i;
            float m = -INFINITY;
            for (int64_t j = 0; j < len; j++)
                m = xp[j * inner] > m ? xp[j * inner] : m;
            double sum = 0.0;
            for (int64_t j = 0; j < len; j++) {
                float e = expf(xp[j * inner] - m);
                sum += e;
                if (!log_)
                    yp[j * inner] = e;
            }
            if (log_) {
                float ls = (float)log(sum);
                for (int64_t j = 0; j < len; j++)
                    yp[j * inner] = xp[j * inner] - m - ls;
            } else {
                for (int64_t j = 0; j < len; j++)
                    yp[j * inner] = (float)(yp[j * inner] / sum);
            }
        }
    }
    return EO_OK;
}

static eo_status
k_softmax(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    return k_softmax_any(op, in, out, false);
}

static eo_status
k_log_softmax(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    return k_softmax_any(op, in, out, true);
}

/* ------------------------------------------------------------------ */
/* Table                                                               */
/* ------------------------------------------------------------------ */

interp_kernel
interp_nn_kernel(eo_graph_op k)
{
    switch (k) {
    case GRAPH_CONV2D: return k_conv2d;
    case GRAPH_CONV_TRANSPOSE2D: return k_conv_transpose2d;
    case GRAPH_MATMUL: return k_matmul;
    case GRAPH_GEMM: return k_gemm;
    case GRAPH_MAX_POOL: return k_max_pool;
    case GRAPH_AVG_POOL: return k_avg_pool;
    case GRAPH_GLOBAL_AVG_POOL: return k_global_avg_pool;
    case GRAPH_GLOBAL_MAX_POOL: return k_global_max_pool;
    case GRAPH_BATCH_NORM: return k_batch_norm;
    case GRAPH_LAYER_NORM: return k_layer_norm;
    case GRAPH_SOFTMAX: return k_softmax;
    case GRAPH_LOG_SOFTMAX: return k_log_softmax;
    default: return NULL;
    }
}

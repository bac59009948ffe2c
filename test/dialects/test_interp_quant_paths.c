/* test/dialects/test_interp_quant_paths.c - the fast paths of the
 * interpreter's 8-bit conv2d, gemm and matmul (interp_quant.c: operands
 * widened to centered int16, 1x1 convs read in place, depthwise windows
 * summed directly, the rest through im2col tiles, gemm and matmul rows as
 * sums of rows or dot products) against naive loops written here: one
 * int64 sum per output of (x - zx) * (w - zw) over its window, then
 * eo_quant_apply_multiplier, the zero point and the activation clamp.
 * Shapes, strides, padding, dilation, groups, layouts, signedness and
 * per-channel zero points vary; every output must match exactly.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK
        || eo_graph_register(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* Parses 'src', runs its only function on in[0..nin) and returns its one
 * result in 'out' (the caller frees it). */
static void
run_src(fixture *f, const char *src, size_t nin, const eo_tensor *in,
        eo_tensor *out)
{
    eo_op *module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src),
                                    NULL);
    if (!module || eo_op_verify(module) != EO_OK)
        fail_msg("bad test module (%s):\n%s", f->msg, src);
    eo_op *fn = eo_block_first(eo_module_body(module));
    assert_non_null(fn);
    size_t nout = 1;
    if (eo_interp_run(fn, nin, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s\n%s", f->msg, src);
    assert_int_equal(nout, 1);
    eo_op_destroy(module);
}

/* A small deterministic generator (LCG), values in [lo, hi]. */
static int64_t
next_in(uint32_t *seed, int64_t lo, int64_t hi)
{
    *seed = *seed * 1664525u + 1013904223u;
    return lo + (int64_t)((*seed >> 8) % (uint32_t)(hi - lo + 1));
}

static int64_t
get_int(const eo_tensor *t, int64_t i)
{
    switch (t->dtype) {
    case EO_DT_I8: return ((const int8_t *)t->data)[i];
    case EO_DT_U8: return ((const uint8_t *)t->data)[i];
    case EO_DT_I32: return ((const int32_t *)t->data)[i];
    default: fail_msg("unexpected dtype"); return 0;
    }
}

/* A tensor of 'dt' filled with generator values of its range. */
static void
make_random(eo_tensor *t, eo_dtype dt, size_t rank, const int64_t *shape,
            uint32_t *seed, int64_t lo, int64_t hi)
{
    assert_int_equal(eo_tensor_alloc(t, dt, rank, shape), EO_OK);
    for (int64_t i = 0; i < eo_tensor_numel(t); i++) {
        int64_t v = next_in(seed, lo, hi);
        switch (dt) {
        case EO_DT_I8: ((int8_t *)t->data)[i] = (int8_t)v; break;
        case EO_DT_U8: ((uint8_t *)t->data)[i] = (uint8_t)v; break;
        default: ((int32_t *)t->data)[i] = (int32_t)v; break;
        }
    }
}

/* Appends printf-style text to buf (capacity 'cap'). */
static void
add(char *buf, size_t cap, const char *fmt, ...)
{
    size_t len = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + len, cap - len, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < cap - len);
}

/* The output stage the kernels implement (TFLite's, 8-bit inputs). */
static int64_t
requant(int64_t acc, double real, int64_t zy, int64_t lo, int64_t hi)
{
    int32_t q;
    int shift;
    eo_quant_multiplier(real, &q, &shift);
    if (acc > INT32_MAX)
        acc = INT32_MAX;
    if (acc < INT32_MIN)
        acc = INT32_MIN;
    int64_t v = (int64_t)eo_quant_apply_multiplier((int32_t)acc, q, shift)
                + zy;
    return v < lo ? lo : v > hi ? hi : v;
}

/* ------------------------------------------------------------------ */
/* conv2d                                                              */
/* ------------------------------------------------------------------ */

typedef struct conv_case {
    int64_t n, c, h, w, o, kh, kw;
    int64_t sh, sw, dh, dw, pad[4], groups;
    bool nhwc, u8, per_axis, bias, raw, relu;
} conv_case;

#define SX 0.05
#define SY 0.4
#define ZX 3
#define ZY (-5)

/* Weight scale and zero point of output channel o. */
static double
w_scale(const conv_case *k, int64_t o)
{
    return k->per_axis ? 0.01 + 0.003 * (double)o : 0.02;
}

static int64_t
w_zp(const conv_case *k, int64_t o)
{
    return k->per_axis ? (o % 3) - 1 + (k->u8 ? 128 : 0)
                       : (k->u8 ? 120 : 2);
}

static void
check_conv(fixture *f, const conv_case *k)
{
    int64_t cg = k->c / k->groups;
    int64_t ho = (k->h + k->pad[0] + k->pad[2] - k->dh * (k->kh - 1) - 1)
                 / k->sh + 1;
    int64_t wo = (k->w + k->pad[1] + k->pad[3] - k->dw * (k->kw - 1) - 1)
                 / k->sw + 1;
    const char *st = k->u8 ? "u8" : "i8";
    int64_t zx = k->u8 ? 128 + ZX : ZX, zy = k->u8 ? 128 + ZY : ZY;
    int64_t smin = k->u8 ? 0 : -128, smax = k->u8 ? 255 : 127;
    int64_t xs[4] = { k->n, k->c, k->h, k->w }, ws[4] = { k->o, cg, k->kh,
                                                          k->kw };
    int64_t ys[4] = { k->n, k->o, ho, wo };
    if (k->nhwc) {
        int64_t t[4];
        memcpy(t, xs, sizeof t);
        xs[1] = t[2], xs[2] = t[3], xs[3] = t[1];
        memcpy(t, ws, sizeof t);
        ws[1] = t[2], ws[2] = t[3], ws[3] = t[1];
        memcpy(t, ys, sizeof t);
        ys[1] = t[2], ys[2] = t[3], ys[3] = t[1];
    }
    char wq[2048] = "", bq[2048] = "", yt[256], src[8192] = "";
    if (k->per_axis) {
        add(wq, sizeof wq, "!quant.uniform<%s:f32:0, {", st);
        for (int64_t o = 0; o < k->o; o++)
            add(wq, sizeof wq, "%s%.17g:%lld", o ? ", " : "", w_scale(k, o),
                (long long)w_zp(k, o));
        add(wq, sizeof wq, "}>");
    } else {
        add(wq, sizeof wq, "!quant.uniform<%s:f32, %.17g:%lld>", st,
            w_scale(k, 0), (long long)w_zp(k, 0));
    }
    if (k->raw)
        snprintf(yt, sizeof yt, "tensor<%lldx%lldx%lldx%lldxi32>",
                 (long long)ys[0], (long long)ys[1], (long long)ys[2],
                 (long long)ys[3]);
    else
        snprintf(yt, sizeof yt, "tensor<%lldx%lldx%lldx%lldx"
                 "!quant.uniform<%s:f32, %.17g:%lld>>", (long long)ys[0],
                 (long long)ys[1], (long long)ys[2], (long long)ys[3], st,
                 SY, (long long)zy);
    /* The bias: plain i32 (its scale is implied). */
    if (k->bias)
        snprintf(bq, sizeof bq, ", tensor<%lldxi32>", (long long)k->o);
    add(src, sizeof src, "func.func @f(%%x: tensor<%lldx%lldx%lldx%lldx"
        "!quant.uniform<%s:f32, %.17g:%lld>>, %%w: tensor<%lldx%lldx%lldx"
        "%lldx%s>%s%s) -> %s {\n", (long long)xs[0], (long long)xs[1],
        (long long)xs[2], (long long)xs[3], st, SX, (long long)zx,
        (long long)ws[0], (long long)ws[1], (long long)ws[2],
        (long long)ws[3], wq, k->bias ? ", %b: " : "", k->bias ? bq + 2 : "",
        yt);
    add(src, sizeof src, "  %%y = graph.conv2d %%x, %%w%s {strides = "
        "array<i64: %lld, %lld>, dilations = array<i64: %lld, %lld>, "
        "pads = array<i64: %lld, %lld, %lld, %lld>, groups = %lld : i64, "
        "layout = \"%s\"%s}\n", k->bias ? ", %b" : "", (long long)k->sh,
        (long long)k->sw, (long long)k->dh, (long long)k->dw,
        (long long)k->pad[0], (long long)k->pad[1], (long long)k->pad[2],
        (long long)k->pad[3], (long long)k->groups,
        k->nhwc ? "NHWC" : "NCHW", k->relu ? ", activation = \"relu\"" : "");
    add(src, sizeof src, "      : (tensor<%lldx%lldx%lldx%lldx"
        "!quant.uniform<%s:f32, %.17g:%lld>>, tensor<%lldx%lldx%lldx%lldx"
        "%s>%s) -> %s\n  func.return %%y : %s\n}\n", (long long)xs[0],
        (long long)xs[1], (long long)xs[2], (long long)xs[3], st, SX,
        (long long)zx, (long long)ws[0], (long long)ws[1], (long long)ws[2],
        (long long)ws[3], wq, bq, yt, yt);
    uint32_t seed = (uint32_t)(k->c * 131 + k->o * 7 + k->kh);
    eo_dtype dt = k->u8 ? EO_DT_U8 : EO_DT_I8;
    eo_tensor in[3], out[1];
    make_random(&in[0], dt, 4, xs, &seed, smin, smax);
    make_random(&in[1], dt, 4, ws, &seed, smin, smax);
    if (k->bias)
        make_random(&in[2], EO_DT_I32, 1, (int64_t[]){ k->o }, &seed,
                    -20000, 20000);
    run_src(f, src, k->bias ? 3 : 2, in, out);
    int64_t lo = k->relu ? zy : smin;
    for (int64_t n = 0; n < k->n; n++)
    for (int64_t o = 0; o < k->o; o++)
    for (int64_t oy = 0; oy < ho; oy++)
    for (int64_t ox = 0; ox < wo; ox++) {
        int64_t acc = k->bias ? get_int(&in[2], o) : 0, g = o / (k->o
                                                             / k->groups);
        for (int64_t ci = 0; ci < cg; ci++)
        for (int64_t ky = 0; ky < k->kh; ky++)
        for (int64_t kx = 0; kx < k->kw; kx++) {
            int64_t iy = oy * k->sh + ky * k->dh - k->pad[0];
            int64_t ix = ox * k->sw + kx * k->dw - k->pad[1];
            if (iy < 0 || iy >= k->h || ix < 0 || ix >= k->w)
                continue;
            int64_t c = g * cg + ci;
            int64_t xi = k->nhwc ? ((n * k->h + iy) * k->w + ix) * k->c + c
                                 : ((n * k->c + c) * k->h + iy) * k->w + ix;
            int64_t wi = k->nhwc ? ((o * k->kh + ky) * k->kw + kx) * cg + ci
                                 : ((o * cg + ci) * k->kh + ky) * k->kw + kx;
            acc += (get_int(&in[0], xi) - zx)
                   * (get_int(&in[1], wi) - w_zp(k, o));
        }
        int64_t yi = k->nhwc ? ((n * ho + oy) * wo + ox) * k->o + o
                             : ((n * k->o + o) * ho + oy) * wo + ox;
        int64_t want = k->raw ? acc
                              : requant(acc, SX * w_scale(k, o) / SY, zy,
                                        lo, smax);
        if (get_int(&out[0], yi) != want)
            fail_msg("conv output %lld: got %lld, want %lld\n%s",
                     (long long)yi, (long long)get_int(&out[0], yi),
                     (long long)want, src);
    }
    for (size_t i = 0; i < (k->bias ? 3u : 2u); i++)
        eo_tensor_free(&in[i]);
    eo_tensor_free(&out[0]);
}

/* Every conv2d path: 1x1 read in place (with and without the conditions
 * that allow it), depthwise windows (strided, dilated, padded, NHWC),
 * im2col tiles (groups with several channels, tiles of several rows, a
 * kernel wider than the padded input's stride), raw i32 results. */
static void
test_conv_paths(void **state)
{
    fixture *f = *state;
    static const conv_case cases[] = {
        /* pointwise, in place */
        { 2, 6, 5, 7, 4, 1, 1, 1, 1, 1, 1, { 0, 0, 0, 0 }, 1, false, false,
          true, true, false, true },
        /* pointwise with stride, padding, NHWC: im2col */
        { 1, 4, 6, 5, 3, 1, 1, 2, 1, 1, 1, { 1, 0, 0, 1 }, 1, false, true,
          false, false, false, false },
        { 1, 4, 5, 5, 3, 1, 1, 1, 1, 1, 1, { 0, 0, 0, 0 }, 1, true, false,
          true, true, false, true },
        /* depthwise */
        { 1, 5, 9, 8, 5, 3, 3, 1, 1, 1, 1, { 1, 1, 1, 1 }, 5, false, false,
          true, true, false, true },
        { 2, 4, 9, 11, 4, 3, 3, 2, 2, 1, 2, { 1, 2, 0, 1 }, 4, true, true,
          true, false, false, false },
        { 1, 3, 7, 5, 3, 2, 3, 1, 2, 2, 1, { 0, 3, 2, 0 }, 3, false, true,
          false, true, false, false },
        /* regular and grouped, im2col */
        { 1, 3, 12, 10, 8, 3, 3, 2, 2, 1, 1, { 1, 1, 1, 1 }, 1, false,
          false, true, true, false, true },
        { 2, 4, 7, 9, 6, 3, 2, 1, 1, 2, 1, { 2, 0, 1, 1 }, 2, true, false,
          false, true, false, false },
        { 1, 6, 40, 30, 4, 5, 5, 1, 1, 1, 1, { 2, 2, 2, 2 }, 2, false, true,
          true, true, false, true },
        { 1, 2, 10, 4, 2, 10, 4, 2, 2, 1, 1, { 4, 1, 5, 2 }, 1, false,
          false, false, false, false, false },
        /* raw i32 accumulators */
        { 1, 3, 6, 6, 2, 3, 3, 1, 1, 1, 1, { 1, 1, 1, 1 }, 1, false, true,
          false, false, true, false },
        { 1, 3, 6, 6, 3, 3, 3, 1, 1, 1, 1, { 1, 1, 1, 1 }, 3, true, false,
          false, false, true, false },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_conv(f, &cases[i]);
}

/* ------------------------------------------------------------------ */
/* gemm and matmul                                                     */
/* ------------------------------------------------------------------ */

/* gemm with every combination of trans_a / trans_b, per-tensor and
 * per-N weights, with and without bias. */
static void
test_gemm_paths(void **state)
{
    fixture *f = *state;
    const int64_t M = 3, K = 37, N = 5, za = -7, zb = 4, zy = 9;
    for (int var = 0; var < 8; var++) {
        bool ta = var & 1, tb = var & 2, per_n = var & 4;
        bool bias = var != 5;
        char bq[512] = "", src[4096] = "";
        if (per_n) {
            add(bq, sizeof bq, "!quant.uniform<i8:f32:%d, {", tb ? 0 : 1);
            for (int64_t j = 0; j < N; j++)
                add(bq, sizeof bq, "%s%.17g:%lld", j ? ", " : "",
                    0.01 + 0.002 * (double)j, (long long)(j - 2));
            add(bq, sizeof bq, "}>");
        } else {
            add(bq, sizeof bq, "!quant.uniform<i8:f32, 0.02:%lld>",
                (long long)zb);
        }
        int64_t as[2] = { ta ? K : M, ta ? M : K };
        int64_t bs[2] = { tb ? N : K, tb ? K : N };
        add(src, sizeof src, "func.func @f(%%a: tensor<%lldx%lldx"
            "!quant.uniform<i8:f32, 0.1:%lld>>, %%b: tensor<%lldx%lldx%s>%s)"
            " -> tensor<%lldx%lldx!quant.uniform<i8:f32, 0.3:%lld>> {\n"
            "  %%y = graph.gemm %%a, %%b%s {trans_a = %s, trans_b = %s}\n"
            "      : (tensor<%lldx%lldx!quant.uniform<i8:f32, 0.1:%lld>>, "
            "tensor<%lldx%lldx%s>%s) -> tensor<%lldx%lldx"
            "!quant.uniform<i8:f32, 0.3:%lld>>\n"
            "  func.return %%y : tensor<%lldx%lldx"
            "!quant.uniform<i8:f32, 0.3:%lld>>\n}\n",
            (long long)as[0], (long long)as[1], (long long)za,
            (long long)bs[0], (long long)bs[1], bq,
            bias ? ", %c: tensor<5xi32>" : "", (long long)M, (long long)N,
            (long long)zy, bias ? ", %c" : "", ta ? "true" : "false",
            tb ? "true" : "false", (long long)as[0], (long long)as[1],
            (long long)za, (long long)bs[0], (long long)bs[1], bq,
            bias ? ", tensor<5xi32>" : "", (long long)M, (long long)N,
            (long long)zy, (long long)M, (long long)N, (long long)zy);
        uint32_t seed = (uint32_t)var + 1;
        eo_tensor in[3], out[1];
        make_random(&in[0], EO_DT_I8, 2, as, &seed, -128, 127);
        make_random(&in[1], EO_DT_I8, 2, bs, &seed, -128, 127);
        if (bias)
            make_random(&in[2], EO_DT_I32, 1, (int64_t[]){ N }, &seed,
                        -5000, 5000);
        run_src(f, src, bias ? 3 : 2, in, out);
        for (int64_t i = 0; i < M; i++)
        for (int64_t j = 0; j < N; j++) {
            int64_t zbj = per_n ? j - 2 : zb;
            double sb = per_n ? 0.01 + 0.002 * (double)j : 0.02;
            int64_t acc = bias ? get_int(&in[2], j) : 0;
            for (int64_t k = 0; k < K; k++)
                acc += (get_int(&in[0], ta ? k * M + i : i * K + k) - za)
                       * (get_int(&in[1], tb ? j * K + k : k * N + j)
                          - zbj);
            int64_t want = requant(acc, 0.1 * sb / 0.3, zy, -128, 127);
            if (get_int(&out[0], i * N + j) != want)
                fail_msg("gemm variant %d [%lld, %lld]: got %lld, want "
                         "%lld", var, (long long)i, (long long)j,
                         (long long)get_int(&out[0], i * N + j),
                         (long long)want);
        }
        for (size_t t = 0; t < (bias ? 3u : 2u); t++)
            eo_tensor_free(&in[t]);
        eo_tensor_free(&out[0]);
    }
}

/* Batched u8 matmul with broadcast batch dims and a raw i32 result. */
static void
test_matmul_paths(void **state)
{
    fixture *f = *state;
    const int64_t M = 4, K = 19, N = 6, za = 130, zb = 121;
    const char *src =
        "func.func @f(%a: tensor<2x1x4x19x!quant.uniform<u8:f32, 0.1:130>>,"
        " %b: tensor<3x19x6x!quant.uniform<u8:f32, 0.2:121>>)"
        " -> tensor<2x3x4x6xi32> {\n"
        "  %y = graph.matmul %a, %b\n"
        "      : (tensor<2x1x4x19x!quant.uniform<u8:f32, 0.1:130>>,"
        " tensor<3x19x6x!quant.uniform<u8:f32, 0.2:121>>)"
        " -> tensor<2x3x4x6xi32>\n"
        "  func.return %y : tensor<2x3x4x6xi32>\n}\n";
    uint32_t seed = 5;
    eo_tensor in[2], out[1];
    make_random(&in[0], EO_DT_U8, 4, (int64_t[]){ 2, 1, M, K }, &seed, 0,
                255);
    make_random(&in[1], EO_DT_U8, 3, (int64_t[]){ 3, K, N }, &seed, 0, 255);
    run_src(f, src, 2, in, out);
    for (int64_t p = 0; p < 2; p++)
    for (int64_t q = 0; q < 3; q++)
    for (int64_t i = 0; i < M; i++)
    for (int64_t j = 0; j < N; j++) {
        int64_t acc = 0;
        for (int64_t k = 0; k < K; k++)
            acc += (get_int(&in[0], (p * M + i) * K + k) - za)
                   * (get_int(&in[1], (q * K + k) * N + j) - zb);
        int64_t yi = ((p * 3 + q) * M + i) * N + j;
        assert_int_equal(get_int(&out[0], yi), acc);
    }
    eo_tensor_free(&in[0]);
    eo_tensor_free(&in[1]);
    eo_tensor_free(&out[0]);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_conv_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gemm_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matmul_paths, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

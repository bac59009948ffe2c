/* test/targets/test_npu_sim.c - the NPU simulator (targets/npu_sim.h):
 * bit-exact int8 results against the graph reference interpreter (conv2d
 * with padding, stride and per-channel weights; depthwise; gemm on the
 * conv engine and on two IMC crossbars with partial sums; add and the
 * pools on the elementwise units), and the timing model's sanity: roofline
 * bounds, monotonicity in DMA and memory bandwidth, energy components
 * summing to the total, double buffering beating a serialized schedule,
 * crossbar programming paid once per residency, races and resource
 * errors reported. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"
#include "targets/npu_sim.h"
#include "targets/targets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char last[1024];
    int errors;
    char *srcs[32];             /* parsed texts (diagnostics point in) */
    size_t nsrcs;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    f->errors++;
    snprintf(f->last, sizeof f->last, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
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
    for (size_t i = 0; i < f->nsrcs; i++)
        free(f->srcs[i]);
    free(f);
    return 0;
}

/* Parses and verifies 'src' (taken over); the module. */
static eo_op *
parse(fixture *f, char *src)
{
    assert_true(f->nsrcs < 32);
    f->srcs[f->nsrcs++] = src;
    eo_op *m = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    if (!m || eo_op_verify(m) != EO_OK)
        fprintf(stderr, "%s\n--\n%s\n", f->last, src);
    assert_non_null(m);
    assert_int_equal(f->errors, 0);
    return m;
}

static eo_op *
func(eo_op *m, const char *name)
{
    eo_op *fn = eo_symbol_lookup_in(m, name);
    assert_non_null(fn);
    return fn;
}

static char *
take(eo_strbuf *b)
{
    assert_false(b->oom);
    return b->data;
}

static eo_target *
load_target(fixture *f, const char *name)
{
    char path[1024];
    const char *me = __FILE__;
    const char *tail = strstr(me, "test/targets/test_npu_sim.c");
    assert_non_null(tail);
    snprintf(path, sizeof path, "%.*stargets/data/%s.json",
             (int)(tail - me), me, name);
    eo_target_opts o = { .no_detect = true };
    eo_target *t = eo_target_load_opts(f->ctx, path, &o);
    assert_non_null(t);
    return t;
}

/* Deterministic pseudo-random values in [lo, hi]. */
static uint32_t rng = 12345;

static int
rnd(int lo, int hi)
{
    rng = rng * 1664525u + 1013904223u;
    return lo + (int)((rng >> 8) % (uint32_t)(hi - lo + 1));
}

static void
fill(int8_t *v, size_t n, int lo, int hi)
{
    for (size_t i = 0; i < n; i++)
        v[i] = (int8_t)rnd(lo, hi);
}

/* dense<"0x..."> of n elements of 'size' bytes (little-endian). */
static void
dense_hex(eo_strbuf *b, const void *v, size_t n, size_t size)
{
    const uint8_t *p = v;
    eo_strbuf_puts(b, "dense<\"0x");
    for (size_t i = 0; i < n * size; i++)
        eo_strbuf_printf(b, "%02X", p[i]);
    eo_strbuf_puts(b, "\">");
}

static void
dense_i8(eo_strbuf *b, const int8_t *v, size_t n)
{
    dense_hex(b, v, n, 1);
}

static void
dense_i32(eo_strbuf *b, const int32_t *v, size_t n)
{
    uint8_t tmp[4 * 64];
    assert_true(n <= 64);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < 4; k++)
            tmp[4 * i + (size_t)k] = (uint8_t)((uint32_t)v[i] >> (8 * k));
    dense_hex(b, tmp, n, 4);
}

static void
arr(eo_strbuf *b, const char *name, const int64_t *v, size_t n)
{
    eo_strbuf_printf(b, "%s = array<i64: ", name);
    for (size_t i = 0; i < n; i++)
        eo_strbuf_printf(b, "%s%lld", i ? ", " : "", (long long)v[i]);
    eo_strbuf_puts(b, ">");
}

/* A quant type string: per tensor, or per channel along 'axis'. */
static void
qtype(eo_strbuf *b, const double *s, const int *zp, size_t n, int axis)
{
    if (axis < 0) {
        eo_strbuf_printf(b, "!quant.uniform<i8:f32, %.17g:%d>", s[0], zp[0]);
        return;
    }
    eo_strbuf_printf(b, "!quant.uniform<i8:f32:%d, {", axis);
    for (size_t i = 0; i < n; i++)
        eo_strbuf_printf(b, "%s%.17g:%d", i ? "," : "", s[i], zp[i]);
    eo_strbuf_puts(b, "}>");
}

/* The requantization attributes of the output stage for multipliers
 * sx * sw[c] / sy (the interpreter's expression) and relu on zp_y. */
static void
outstage(eo_strbuf *b, double sx, const double *sw, size_t nch, double sy,
         int zx, const int *zw, int zy, bool relu)
{
    int64_t q[64], sh[64], wz[64];
    for (size_t c = 0; c < nch; c++) {
        int32_t qq;
        int ss;
        eo_quant_multiplier(sx * sw[c] / sy, &qq, &ss);
        q[c] = qq;
        sh[c] = ss;
        wz[c] = zw[c];
    }
    eo_strbuf_printf(b, "input_zp = %d, output_zp = %d, ", zx, zy);
    arr(b, "weight_zp", wz, nch);
    eo_strbuf_puts(b, ", ");
    arr(b, "multiplier", q, nch);
    eo_strbuf_puts(b, ", ");
    arr(b, "shift", sh, nch);
    if (relu)
        eo_strbuf_printf(b, ", act_min = %d", zy);
}

/* Runs graph function 'g' and npu function 'n' on the same int8 inputs
 * (the npu function may take further inputs 'extra'), compares the
 * single outputs byte for byte; returns the simulator's stats. */
static eo_npu_sim_stats
compare(fixture *f, const eo_target *t, eo_op *g, eo_op *n, size_t nin,
        eo_tensor *in, size_t nextra, eo_tensor *extra)
{
    eo_tensor ref[1], got[1];
    size_t nref = 1, ngot = 1;
    memset(ref, 0, sizeof ref);
    memset(got, 0, sizeof got);
    assert_int_equal(eo_interp_run(g, nin, in, &nref, ref), EO_OK);
    eo_tensor all[8];
    assert_true(nin + nextra <= 8);
    for (size_t i = 0; i < nin; i++)
        all[i] = in[i];
    for (size_t i = 0; i < nextra; i++)
        all[nin + i] = extra[i];
    eo_npu_sim_stats st;
    eo_status s = eo_npu_sim_run(f->ctx, t, n, nin + nextra, all, &ngot, got,
                                 &st);
    if (s != EO_OK)
        fprintf(stderr, "simulator: %s\n", f->last);
    assert_int_equal(s, EO_OK);
    assert_int_equal(nref, 1);
    assert_int_equal(ngot, 1);
    assert_int_equal(ref[0].nbytes, got[0].nbytes);
    size_t diff = 0;
    for (size_t i = 0; i < ref[0].nbytes; i++)
        diff += ((uint8_t *)ref[0].data)[i] != ((uint8_t *)got[0].data)[i];
    assert_int_equal(diff, 0);
    /* Not all outputs saturate or clamp to one value. */
    size_t distinct = 0;
    for (size_t i = 1; i < ref[0].nbytes; i++)
        distinct += ((uint8_t *)ref[0].data)[i]
                    != ((uint8_t *)ref[0].data)[0];
    assert_true(distinct > 0);
    eo_tensor_free(&ref[0]);
    eo_tensor_free(&got[0]);
    return st;
}

static void
tensor_i8(eo_tensor *t, size_t rank, const int64_t *shape, const int8_t *v)
{
    assert_int_equal(eo_tensor_alloc(t, EO_DT_I8, rank, shape), EO_OK);
    memcpy(t->data, v, t->nbytes);
}

static void
tensor_i32(eo_tensor *t, size_t rank, const int64_t *shape, const int32_t *v)
{
    assert_int_equal(eo_tensor_alloc(t, EO_DT_I32, rank, shape), EO_OK);
    memcpy(t->data, v, t->nbytes);
}

/* ------------------------------------------------------------------ */
/* Bit-exact convolutions                                              */
/* ------------------------------------------------------------------ */

/* conv2d 3x3, stride 2, pads 1, per-channel weights with zero points,
 * bias, relu; or a depthwise 3x3 (multiplier 2), stride 1. */
static void
conv_case(void **state, bool depthwise)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    const int H = 9, W = 7, C = 4, O = 8, S = depthwise ? 1 : 2;
    const int CG = depthwise ? 1 : C;
    const int HO = (H + 2 - 3) / S + 1, WO = (W + 2 - 3) / S + 1;
    int8_t x[9 * 7 * 4], w[8 * 3 * 3 * 4];
    int32_t bias[8];
    double sw[8];
    int zw[8];
    fill(x, (size_t)(H * W * C), -128, 127);
    fill(w, (size_t)(O * 9 * CG), -127, 127);
    for (int c = 0; c < O; c++) {
        bias[c] = rnd(-3000, 3000);
        sw[c] = 0.004 + 0.001 * c;
        zw[c] = depthwise ? 0 : rnd(-5, 5);
    }
    double sx = 0.05, sy = 0.11;
    int zx = -3, zy = 6;
    eo_strbuf xt = {0}, wt = {0}, yt = {0}, b = {0};
    eo_strbuf_printf(&xt, "tensor<1x%dx%dx%dx", H, W, C);
    qtype(&xt, &sx, &zx, 1, -1);
    eo_strbuf_puts(&xt, ">");
    eo_strbuf_printf(&wt, "tensor<%dx3x3x%dx", O, CG);
    qtype(&wt, sw, zw, (size_t)O, 0);
    eo_strbuf_puts(&wt, ">");
    eo_strbuf_printf(&yt, "tensor<1x%dx%dx%dx", HO, WO, O);
    qtype(&yt, &sy, &zy, 1, -1);
    eo_strbuf_puts(&yt, ">");
    eo_strbuf_printf(&b, "func.func @g(%%x: %s) -> %s {\n  %%w = "
                     "graph.constant ", xt.data, yt.data);
    dense_i8(&b, w, (size_t)(O * 9 * CG));
    eo_strbuf_printf(&b, " : tensor<%dx3x3x%dxi8> as %s\n  %%b = "
                     "graph.constant ", O, CG, wt.data);
    dense_i32(&b, bias, (size_t)O);
    eo_strbuf_printf(&b, " : tensor<%dxi32>\n  %%y = graph.conv2d %%x, %%w, "
                     "%%b {layout = \"NHWC\", strides = array<i64: %d, %d>, "
                     "pads = array<i64: 1, 1, 1, 1>, groups = %d, "
                     "activation = \"relu\"} : (%s, %s, tensor<%dxi32>) -> "
                     "%s\n  return %%y : %s\n}\n", O, S, S,
                     depthwise ? C : 1, xt.data, wt.data, O, yt.data,
                     yt.data);
    /* The npu program: everything through SRAM. */
    char xm[64], wm[64], ym[64];
    snprintf(xm, sizeof xm, "memref<1x%dx%dx%dxi8", H, W, C);
    snprintf(wm, sizeof wm, "memref<%dx3x3x%dxi8", O, CG);
    snprintf(ym, sizeof ym, "memref<1x%dx%dx%dxi8", HO, WO, O);
    eo_strbuf_printf(&b,
        "func.func @n(%%x: %s>, %%w: %s>, %%b: memref<%dxi32>, %%y: %s>) {\n"
        "  %%xs = memref.alloc() : %s, \"sram\">\n"
        "  %%ws = memref.alloc() : %s, \"sram\">\n"
        "  %%bs = memref.alloc() : memref<%dxi32, \"sram\">\n"
        "  %%ys = memref.alloc() : %s, \"sram\">\n"
        "  %%t0 = npu.dma %%x, %%xs : %s>, %s, \"sram\">\n"
        "  %%t1 = npu.dma %%w, %%ws : %s>, %s, \"sram\">\n"
        "  %%t2 = npu.dma %%b, %%bs : memref<%dxi32>, "
        "memref<%dxi32, \"sram\">\n"
        "  %%t3 = npu.conv %%xs, %%ws, %%ys, %%bs after %%t0, %%t1, %%t2 "
        "{name = \"conv_1\", kind = \"%s\", strides = array<i64: %d, %d>, "
        "pads = array<i64: 1, 1, 1, 1>, ",
        xm, wm, O, ym, xm, wm, O, ym, xm, xm, wm, wm, O, O,
        depthwise ? "depthwise" : "conv2d", S, S);
    outstage(&b, sx, sw, (size_t)O, sy, zx, zw, zy, true);
    eo_strbuf_printf(&b, "} : %s, \"sram\">, %s, \"sram\">, %s, \"sram\">, "
                     "memref<%dxi32, \"sram\">\n"
                     "  %%t4 = npu.dma %%ys, %%y after %%t3 : %s, \"sram\">, "
                     "%s>\n  npu.wait %%t4\n  return\n}\n",
                     xm, wm, ym, O, ym, ym);
    eo_op *m = parse(f, take(&b));
    eo_tensor in[1], extra[2];
    int64_t xs[4] = { 1, H, W, C }, ws[4] = { O, 3, 3, CG }, bs[1] = { O };
    tensor_i8(&in[0], 4, xs, x);
    tensor_i8(&extra[0], 4, ws, w);
    tensor_i32(&extra[1], 1, bs, bias);
    eo_npu_sim_stats st = compare(f, t, func(m, "g"), func(m, "n"), 1, in,
                                  2, extra);
    assert_true(st.macs == (double)(HO * WO * O * 9 * CG));
    assert_true(st.latency_s > 0);
    /* Layers: conv_1 on the conv engine, one per (unnamed) DMA; their
     * energies and the static energy make the total. */
    assert_int_equal(st.num_layers, 5);
    double sum = st.energy[EO_COST_STATIC];
    bool found = false;
    for (size_t i = 0; i < st.num_layers; i++) {
        const eo_npu_sim_layer *l = &st.layers[i];
        sum += l->energy_j;
        assert_true(l->end_s >= l->start_s && l->busy_s > 0);
        if (strcmp(l->name, "conv_1") != 0) {
            assert_string_equal(l->unit, "stream");
            continue;
        }
        found = true;
        assert_string_equal(l->unit, "convacc");
        assert_true(l->macs == st.macs);
        assert_int_equal(l->commands, 1);
    }
    assert_true(found);
    assert_true(fabs(sum - st.energy_j) <= 1e-12 * st.energy_j);
    eo_strbuf js = {0};
    eo_npu_sim_stats_json(&st, &js);
    assert_non_null(strstr(js.data, "\"layers\": [{\"name\": "));
    assert_non_null(strstr(js.data, "{\"name\": \"conv_1\", \"unit\": "
                                    "\"convacc\""));
    eo_strbuf_free(&js);
    eo_npu_sim_stats_free(&st);
    eo_npu_sim_stats_free(NULL);
    for (int i = 0; i < 1; i++)
        eo_tensor_free(&in[i]);
    for (int i = 0; i < 2; i++)
        eo_tensor_free(&extra[i]);
    eo_strbuf_free(&xt);
    eo_strbuf_free(&wt);
    eo_strbuf_free(&yt);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

static void
test_conv2d_bitexact(void **state)
{
    conv_case(state, false);
}

static void
test_depthwise_bitexact(void **state)
{
    conv_case(state, true);
}

/* ------------------------------------------------------------------ */
/* gemm: conv engine (fully connected) and IMC crossbars               */
/* ------------------------------------------------------------------ */

enum { GM = 3, GK = 300, GN = 16 };

/* The graph gemm [GM, GK] x [GK, GN] (+ bias), per-channel weights along
 * N, into 'b'; fills the data. */
static void
gemm_graph(eo_strbuf *b, int8_t *a, int8_t *w, int32_t *bias, double *sw,
           int *zw, bool wzp)
{
    fill(a, GM * GK, -128, 127);
    fill(w, GK * GN, -127, 127);
    for (int c = 0; c < GN; c++) {
        bias[c] = rnd(-20000, 20000);
        sw[c] = 0.002 + 0.0003 * c;
        zw[c] = wzp ? rnd(-4, 4) : 0;
    }
    double sx = 0.03, sy = 0.4;
    int zx = 7, zy = -10;
    eo_strbuf at = {0}, wt = {0}, yt = {0};
    eo_strbuf_printf(&at, "tensor<%dx%dx", GM, GK);
    qtype(&at, &sx, &zx, 1, -1);
    eo_strbuf_puts(&at, ">");
    eo_strbuf_printf(&wt, "tensor<%dx%dx", GK, GN);
    qtype(&wt, sw, zw, GN, 1);
    eo_strbuf_puts(&wt, ">");
    eo_strbuf_printf(&yt, "tensor<%dx%dx", GM, GN);
    qtype(&yt, &sy, &zy, 1, -1);
    eo_strbuf_puts(&yt, ">");
    eo_strbuf_printf(b, "func.func @g(%%a: %s) -> %s {\n  %%w = "
                     "graph.constant ", at.data, yt.data);
    dense_i8(b, w, GK * GN);
    eo_strbuf_printf(b, " : tensor<%dx%dxi8> as %s\n  %%b = graph.constant ",
                     GK, GN, wt.data);
    dense_i32(b, bias, GN);
    eo_strbuf_printf(b, " : tensor<%dxi32>\n  %%y = graph.gemm %%a, %%w, %%b "
                     ": (%s, %s, tensor<%dxi32>) -> %s\n  return %%y : %s\n"
                     "}\n", GN, at.data, wt.data, GN, yt.data, yt.data);
    eo_strbuf_free(&at);
    eo_strbuf_free(&wt);
    eo_strbuf_free(&yt);
}

static void
test_fully_connected_bitexact(void **state)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    int8_t a[GM * GK], w[GK * GN], wn[GN * GK];
    int32_t bias[GN];
    double sw[GN];
    int zw[GN];
    eo_strbuf b = {0};
    gemm_graph(&b, a, w, bias, sw, zw, true);
    /* FC weights are [N, K]: the transpose of gemm's b. */
    for (int k = 0; k < GK; k++)
        for (int n = 0; n < GN; n++)
            wn[n * GK + k] = w[k * GN + n];
    eo_strbuf_printf(&b,
        "func.func @n(%%a: memref<3x300xi8>, %%w: memref<16x300xi8>, "
        "%%b: memref<16xi32>, %%y: memref<3x16xi8>) {\n"
        "  %%as = memref.alloc() : memref<3x300xi8, \"npu_ram\">\n"
        "  %%ws = memref.alloc() : memref<16x300xi8, \"npu_ram\">\n"
        "  %%bs = memref.alloc() : memref<16xi32, \"npu_ram\">\n"
        "  %%ys = memref.alloc() : memref<3x16xi8, \"npu_ram\">\n"
        "  %%t0 = npu.dma %%a, %%as : memref<3x300xi8>, "
        "memref<3x300xi8, \"npu_ram\">\n"
        "  %%t1 = npu.dma %%w, %%ws : memref<16x300xi8>, "
        "memref<16x300xi8, \"npu_ram\">\n"
        "  %%t2 = npu.dma %%b, %%bs : memref<16xi32>, "
        "memref<16xi32, \"npu_ram\">\n"
        "  %%t3 = npu.conv %%as, %%ws, %%ys, %%bs after %%t0, %%t1, %%t2 "
        "{kind = \"fully_connected\", ");
    outstage(&b, 0.03, sw, GN, 0.4, 7, zw, -10, false);
    eo_strbuf_printf(&b, "} : memref<3x300xi8, \"npu_ram\">, "
        "memref<16x300xi8, \"npu_ram\">, memref<3x16xi8, \"npu_ram\">, "
        "memref<16xi32, \"npu_ram\">\n"
        "  %%t4 = npu.dma %%ys, %%y after %%t3 : "
        "memref<3x16xi8, \"npu_ram\">, memref<3x16xi8>\n"
        "  npu.wait %%t4\n  return\n}\n");
    eo_op *m = parse(f, take(&b));
    eo_tensor in[1], extra[2];
    int64_t as[2] = { GM, GK }, ws[2] = { GN, GK }, bs[1] = { GN };
    tensor_i8(&in[0], 2, as, a);
    tensor_i8(&extra[0], 2, ws, wn);
    tensor_i32(&extra[1], 1, bs, bias);
    eo_npu_sim_stats st = compare(f, t, func(m, "g"), func(m, "n"), 1, in,
                                  2, extra);
    assert_true(st.macs == (double)(GM * GK * GN));
    eo_npu_sim_stats_free(&st);
    eo_tensor_free(&in[0]);
    eo_tensor_free(&extra[0]);
    eo_tensor_free(&extra[1]);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

/* The weights split over two crossbars (150 rows each, read through
 * subviews of one [K, N] buffer), partial sums accumulated. */
static void
imc_gemm_text(eo_strbuf *b, const double *sw, const int *zw, bool twice,
              bool other_second, bool steady)
{
    eo_strbuf_printf(b,
        "func.func @n(%%a: memref<3x300xi8>, %%w: memref<300x16xi8>, "
        "%%w2: memref<300x16xi8>, %%b: memref<16xi32>, "
        "%%y: memref<3x16xi8>) %s{\n",
        steady ? "attributes {npu.steady_state} " : "");
    eo_strbuf_printf(b,
        "  %%as = memref.alloc() : memref<3x300xi8, \"sram\">\n"
        "  %%bs = memref.alloc() : memref<16xi32, \"sram\">\n"
        "  %%ys = memref.alloc() : memref<3x16xi8, \"sram\">\n"
        "  %%w0 = memref.subview %%w[0, 0] [150, 16] [1, 1] : "
        "memref<300x16xi8> to memref<150x16xi8, strided<[16, 1]>>\n"
        "  %%w1 = memref.subview %%w[150, 0] [150, 16] [1, 1] : "
        "memref<300x16xi8> to memref<150x16xi8, strided<[16, 1], "
        "offset: 2400>>\n"
        "  %%v0 = memref.subview %%w2[0, 0] [150, 16] [1, 1] : "
        "memref<300x16xi8> to memref<150x16xi8, strided<[16, 1]>>\n"
        "  %%t0 = npu.dma %%a, %%as : memref<3x300xi8>, "
        "memref<3x300xi8, \"sram\">\n"
        "  %%t1 = npu.dma %%b, %%bs : memref<16xi32>, "
        "memref<16xi32, \"sram\">\n"
        "  %%p0 = npu.imc_program %%w0 {crossbar = 0} : "
        "memref<150x16xi8, strided<[16, 1]>>\n"
        "  %%p1 = npu.imc_program %%w1 {crossbar = 1} : "
        "memref<150x16xi8, strided<[16, 1], offset: 2400>>\n");
    const char *mvm_attrs_fmt = "{crossbars = array<i64: 0, 1>, ";
    eo_strbuf_printf(b, "  %%m = npu.imc_mvm %%as, %%ys, %%bs after %%t0, "
                     "%%t1, %%p0, %%p1 %s", mvm_attrs_fmt);
    outstage(b, 0.03, sw, GN, 0.4, 7, zw, -10, false);
    eo_strbuf_puts(b, "} : memref<3x300xi8, \"sram\">, "
                   "memref<3x16xi8, \"sram\">, memref<16xi32, \"sram\">\n");
    const char *last = "%m";
    if (twice) {
        /* Reprogram crossbar 0 (with the same block, or another one and
         * back), then multiply again. */
        if (other_second)
            eo_strbuf_puts(b, "  %q0 = npu.imc_program %v0 after %m "
                           "{crossbar = 0} : memref<150x16xi8, "
                           "strided<[16, 1]>>\n"
                           "  %p2 = npu.imc_program %w0 after %q0 "
                           "{crossbar = 0} : memref<150x16xi8, "
                           "strided<[16, 1]>>\n");
        else
            eo_strbuf_puts(b, "  %p2 = npu.imc_program %w0 after %m "
                           "{crossbar = 0} : memref<150x16xi8, "
                           "strided<[16, 1]>>\n");
        eo_strbuf_printf(b, "  %%m2 = npu.imc_mvm %%as, %%ys, %%bs after "
                         "%%p2 %s", mvm_attrs_fmt);
        outstage(b, 0.03, sw, GN, 0.4, 7, zw, -10, false);
        eo_strbuf_puts(b, "} : memref<3x300xi8, \"sram\">, "
                       "memref<3x16xi8, \"sram\">, memref<16xi32, "
                       "\"sram\">\n");
        last = "%m2";
    }
    eo_strbuf_printf(b, "  %%o = npu.dma %%ys, %%y after %s : "
                     "memref<3x16xi8, \"sram\">, memref<3x16xi8>\n"
                     "  npu.wait %%o\n  return\n}\n", last);
}

static eo_npu_sim_stats
imc_case(fixture *f, const char *target, bool twice, bool other_second,
         bool steady)
{
    eo_target *t = load_target(f, target);
    int8_t a[GM * GK], w[GK * GN], w2[GK * GN];
    int32_t bias[GN];
    double sw[GN];
    int zw[GN];
    eo_strbuf b = {0};
    gemm_graph(&b, a, w, bias, sw, zw, false);
    fill(w2, GK * GN, -100, 100);
    imc_gemm_text(&b, sw, zw, twice, other_second, steady);
    eo_op *m = parse(f, take(&b));
    eo_tensor in[1], extra[3];
    int64_t as[2] = { GM, GK }, ws[2] = { GK, GN }, bs[1] = { GN };
    tensor_i8(&in[0], 2, as, a);
    tensor_i8(&extra[0], 2, ws, w);
    tensor_i8(&extra[1], 2, ws, w2);
    tensor_i32(&extra[2], 1, bs, bias);
    eo_npu_sim_stats st = compare(f, t, func(m, "g"), func(m, "n"), 1, in,
                                  3, extra);
    eo_tensor_free(&in[0]);
    for (int i = 0; i < 3; i++)
        eo_tensor_free(&extra[i]);
    eo_op_destroy(m);
    eo_target_destroy(t);
    return st;
}

static void
test_imc_gemm_bitexact(void **state)
{
    fixture *f = *state;
    eo_npu_sim_stats d = imc_case(f, "imc-digital-npu", false, false,
                                  false);
    assert_int_equal(d.imc_programs, 2);
    assert_true(d.energy[EO_COST_PROGRAM] > 0);
    assert_true(d.energy[EO_COST_ADC] == 0);    /* digital: no ADC */
    eo_npu_sim_stats a = imc_case(f, "imc-analog-npu", false, false,
                                  false);
    assert_true(a.energy[EO_COST_ADC] > 0);
    eo_npu_sim_stats_free(&d);
    eo_npu_sim_stats_free(&a);
}

/* Writing the block a crossbar already holds costs nothing; writing
 * another block and then the first one again costs both. */
static void
test_imc_program_once_per_residency(void **state)
{
    fixture *f = *state;
    eo_npu_sim_stats once = imc_case(f, "imc-digital-npu", false, false,
                                     false);
    eo_npu_sim_stats again = imc_case(f, "imc-digital-npu", true, false,
                                      false);
    eo_npu_sim_stats other = imc_case(f, "imc-digital-npu", true, true,
                                      false);
    assert_int_equal(again.imc_programs, 2);
    assert_int_equal(again.imc_programs_skipped, 1);
    assert_true(again.energy[EO_COST_PROGRAM]
                == once.energy[EO_COST_PROGRAM]);
    assert_int_equal(other.imc_programs, 4);
    assert_int_equal(other.imc_programs_skipped, 0);
    assert_true(other.energy[EO_COST_PROGRAM]
                > 1.9 * once.energy[EO_COST_PROGRAM]);
    /* Reprogramming takes time: 2 x 150 rows x program_ns_per_row. */
    assert_true(other.latency_s >= again.latency_s + 2 * 150 * 8e-9 - 1e-12);
    eo_npu_sim_stats_free(&once);
    eo_npu_sim_stats_free(&again);
    eo_npu_sim_stats_free(&other);
}

/* Steady state (npu.steady_state): the crossbars start with the blocks
 * a previous run left, so blocks programmed once are free and a crossbar
 * programmed with another block and back is paid twice; same results. */
static void
test_imc_steady_state(void **state)
{
    fixture *f = *state;
    eo_npu_sim_stats once = imc_case(f, "imc-digital-npu", false, false,
                                     false);
    eo_npu_sim_stats warm = imc_case(f, "imc-digital-npu", false, false,
                                     true);
    eo_npu_sim_stats other = imc_case(f, "imc-digital-npu", true, true,
                                      true);
    assert_int_equal(warm.imc_programs, 0);
    assert_int_equal(warm.imc_programs_skipped, 2);
    assert_true(warm.energy[EO_COST_PROGRAM] == 0);
    assert_true(warm.latency_s < once.latency_s);
    assert_int_equal(other.imc_programs, 2);
    assert_int_equal(other.imc_programs_skipped, 2);
    eo_npu_sim_stats_free(&once);
    eo_npu_sim_stats_free(&warm);
    eo_npu_sim_stats_free(&other);
}

/* ------------------------------------------------------------------ */
/* Elementwise unit: add, pools                                        */
/* ------------------------------------------------------------------ */

static void
test_ew_bitexact(void **state)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    enum { H = 6, W = 5, C = 8 };
    int8_t x[H * W * C], z[H * W * C];
    fill(x, H * W * C, -128, 127);
    fill(z, H * W * C, -128, 127);
    double sa = 0.05, sb = 0.08, sy = 0.1;
    int za = 3, zb = -7, zy = 1;
    eo_strbuf at = {0}, bt = {0}, yt = {0}, pt = {0}, b = {0};
    eo_strbuf_printf(&at, "tensor<1x%dx%dx%dx", H, W, C);
    qtype(&at, &sa, &za, 1, -1);
    eo_strbuf_puts(&at, ">");
    eo_strbuf_printf(&bt, "tensor<1x%dx%dx%dx", H, W, C);
    qtype(&bt, &sb, &zb, 1, -1);
    eo_strbuf_puts(&bt, ">");
    eo_strbuf_printf(&yt, "tensor<1x%dx%dx%dx", H, W, C);
    qtype(&yt, &sy, &zy, 1, -1);
    eo_strbuf_puts(&yt, ">");
    eo_strbuf_printf(&pt, "tensor<1x3x3x%dx", C);
    qtype(&pt, &sy, &zy, 1, -1);
    eo_strbuf_puts(&pt, ">");
    /* add, then avg pool 3x3 stride 2 pads 1 (count_include_pad), then
     * max pool 2x2 stride 1 pads (0, 0, 1, 1). */
    eo_strbuf_printf(&b,
        "func.func @g(%%a: %s, %%b: %s) -> %s {\n"
        "  %%s = graph.add %%a, %%b {activation = \"relu\"} : (%s, %s) -> %s\n"
        "  %%p = graph.avg_pool %%s {layout = \"NHWC\", kernel = array<i64: "
        "3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, "
        "count_include_pad = true} : (%s) -> %s\n"
        "  %%q = graph.max_pool %%p {layout = \"NHWC\", kernel = array<i64: "
        "2, 2>, pads = array<i64: 0, 0, 1, 1>} : (%s) -> %s\n"
        "  return %%q : %s\n}\n",
        at.data, bt.data, pt.data, at.data, bt.data, yt.data, yt.data,
        pt.data, pt.data, pt.data, pt.data);
    double twice = 2.0 * (sa > sb ? sa : sb);
    int32_t qa, qb, qy;
    int ha, hb, hy;
    eo_quant_multiplier(sa / twice, &qa, &ha);
    eo_quant_multiplier(sb / twice, &qb, &hb);
    eo_quant_multiplier(twice / ((double)(INT64_C(1) << 20) * sy), &qy,
                        &hy);
    const char *m8 = "memref<1x6x5x8xi8, \"sram\">";
    const char *p8 = "memref<1x3x3x8xi8, \"sram\">";
    eo_strbuf_printf(&b,
        "func.func @n(%%a: memref<1x6x5x8xi8>, %%b: memref<1x6x5x8xi8>, "
        "%%y: memref<1x3x3x8xi8>) {\n"
        "  %%as = memref.alloc() : %s\n  %%bs = memref.alloc() : %s\n"
        "  %%ss = memref.alloc() : %s\n  %%ps = memref.alloc() : %s\n"
        "  %%qs = memref.alloc() : %s\n"
        "  %%t0 = npu.dma %%a, %%as : memref<1x6x5x8xi8>, %s\n"
        "  %%t1 = npu.dma %%b, %%bs : memref<1x6x5x8xi8>, %s\n"
        "  %%t2 = npu.ew %%as, %%bs, %%ss after %%t0, %%t1 {op = \"add\", "
        "a_zp = %d, b_zp = %d, output_zp = %d, a_multiplier = %d, "
        "a_shift = %d, b_multiplier = %d, b_shift = %d, multiplier = %d, "
        "shift = %d, act_min = %d} : %s, %s, %s\n"
        "  %%t3 = npu.ew %%ss, %%ps after %%t2 {op = \"avgpool\", "
        "kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, "
        "pads = array<i64: 1, 1, 1, 1>, count_include_pad = true, "
        "output_zp = %d} : %s, %s\n"
        "  %%t4 = npu.ew %%ps, %%qs after %%t3 {op = \"maxpool\", "
        "kernel = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>, "
        "output_zp = %d} : %s, %s\n"
        "  %%t5 = npu.dma %%qs, %%y after %%t4 : %s, memref<1x3x3x8xi8>\n"
        "  npu.wait %%t5\n  return\n}\n",
        m8, m8, m8, p8, p8, m8, m8, za, zb, zy, qa, ha, qb, hb, qy, hy, zy,
        m8, m8, m8, zy, m8, p8, zy, p8, p8, p8);
    eo_op *m = parse(f, take(&b));
    eo_tensor in[2];
    int64_t s4[4] = { 1, H, W, C };
    tensor_i8(&in[0], 4, s4, x);
    tensor_i8(&in[1], 4, s4, z);
    eo_npu_sim_stats st = compare(f, t, func(m, "g"), func(m, "n"), 2, in,
                                  0, NULL);
    assert_true(st.busy_s[EO_NPU_ENGINE_EW] > 0);
    eo_npu_sim_stats_free(&st);
    eo_tensor_free(&in[0]);
    eo_tensor_free(&in[1]);
    eo_strbuf_free(&at);
    eo_strbuf_free(&bt);
    eo_strbuf_free(&yt);
    eo_strbuf_free(&pt);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

/* ------------------------------------------------------------------ */
/* Timing sanity                                                       */
/* ------------------------------------------------------------------ */

/* A pointwise conv over 'tiles' row tiles of x [1, 4*tiles, 8, 16]:
 * serialized (one buffer pair, each step waiting for the last) or
 * double-buffered (two pairs; loads overlap compute); 'drop' leaves out
 * the token that protects a reused buffer (a race). */
static char *
tiled_text(int tiles, bool db, bool drop)
{
    eo_strbuf b = {0};
    int rows = 4 * tiles;
    int8_t w[16 * 16];
    int64_t q[1] = { 1 << 30 }, sh[1] = { -6 };
    fill(w, 256, -20, 20);
    eo_strbuf_printf(&b,
        "func.func @n(%%x: memref<1x%dx8x16xi8>, %%w: memref<16x1x1x16xi8>, "
        "%%y: memref<1x%dx8x16xi8>) {\n"
        "  %%ws = memref.alloc() : memref<16x1x1x16xi8, \"sram\">\n"
        "  %%tw = npu.dma %%w, %%ws : memref<16x1x1x16xi8>, "
        "memref<16x1x1x16xi8, \"sram\">\n", rows, rows);
    int nbuf = db ? 2 : 1;
    for (int i = 0; i < nbuf; i++)
        eo_strbuf_printf(&b,
            "  %%xs%d = memref.alloc() : memref<1x4x8x16xi8, \"sram\">\n"
            "  %%ys%d = memref.alloc() : memref<1x4x8x16xi8, \"sram\">\n",
            i, i);
    for (int i = 0; i < tiles; i++) {
        int k = i % nbuf;
        /* Load: waits until the buffer's previous conv is done. */
        eo_strbuf_printf(&b, "  %%in%d = npu.dma %%x, %%xs%d", i, k);
        if (!db && i > 0)
            eo_strbuf_printf(&b, " after %%out%d", i - 1);
        else if (db && i >= 2 && !(drop && i == 2))
            eo_strbuf_printf(&b, " after %%c%d", i - 2);
        eo_strbuf_printf(&b, " {src_offsets = array<i64: 0, %d, 0, 0>, "
                         "sizes = array<i64: 1, 4, 8, 16>} : "
                         "memref<1x%dx8x16xi8>, memref<1x4x8x16xi8, "
                         "\"sram\">\n", 4 * i, rows);
        eo_strbuf_printf(&b, "  %%c%d = npu.conv %%xs%d, %%ws, %%ys%d after "
                         "%%tw, %%in%d", i, k, k, i);
        if (db && i >= 2)
            eo_strbuf_printf(&b, ", %%out%d", i - 2);
        eo_strbuf_puts(&b, " {kind = \"pointwise\", ");
        arr(&b, "multiplier", q, 1);
        eo_strbuf_puts(&b, ", ");
        arr(&b, "shift", sh, 1);
        eo_strbuf_puts(&b, "} : memref<1x4x8x16xi8, \"sram\">, "
                       "memref<16x1x1x16xi8, \"sram\">, "
                       "memref<1x4x8x16xi8, \"sram\">\n");
        eo_strbuf_printf(&b, "  %%out%d = npu.dma %%ys%d, %%y after %%c%d "
                         "{dst_offsets = array<i64: 0, %d, 0, 0>, "
                         "sizes = array<i64: 1, 4, 8, 16>} : "
                         "memref<1x4x8x16xi8, \"sram\">, "
                         "memref<1x%dx8x16xi8>\n", i, k, i, 4 * i, rows);
    }
    eo_strbuf_puts(&b, "  npu.wait ");
    for (int i = 0; i < tiles; i++)
        eo_strbuf_printf(&b, "%s%%out%d", i ? ", " : "", i);
    eo_strbuf_puts(&b, "\n  return\n}\n");
    return take(&b);
}

static eo_status
run_tiled(fixture *f, const eo_target *t, eo_op *fn, int tiles,
          eo_tensor *out, eo_npu_sim_stats *st)
{
    int rows = 4 * tiles;
    int8_t *x = malloc((size_t)rows * 8 * 16);
    int8_t w[256];
    assert_non_null(x);
    rng = 99;
    fill(x, (size_t)rows * 128, -128, 127);
    fill(w, 256, -20, 20);
    eo_tensor in[2];
    int64_t xs[4] = { 1, rows, 8, 16 }, ws[4] = { 16, 1, 1, 16 };
    tensor_i8(&in[0], 4, xs, x);
    tensor_i8(&in[1], 4, ws, w);
    size_t n = 1;
    eo_status s = eo_npu_sim_run(f->ctx, t, fn, 2, in, &n, out, st);
    eo_tensor_free(&in[0]);
    eo_tensor_free(&in[1]);
    free(x);
    return s;
}

static void
test_double_buffering(void **state)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    eo_op *ms = parse(f, tiled_text(6, false, false));
    eo_op *md = parse(f, tiled_text(6, true, false));
    eo_tensor os, od;
    eo_npu_sim_stats ss, sd;
    assert_int_equal(run_tiled(f, t, func(ms, "n"), 6, &os, &ss), EO_OK);
    assert_int_equal(run_tiled(f, t, func(md, "n"), 6, &od, &sd), EO_OK);
    /* Same results, same work, less time. */
    assert_int_equal(os.nbytes, od.nbytes);
    assert_memory_equal(os.data, od.data, os.nbytes);
    assert_true(ss.macs == sd.macs);
    assert_true(sd.latency_s < 0.9 * ss.latency_s);
    assert_true(fabs(sd.energy[EO_COST_DRAM] - ss.energy[EO_COST_DRAM])
                <= 1e-12 * ss.energy_j);
    /* Overlap: the double-buffered engines are busy longer in sum than
     * the schedule lasts. */
    assert_true(sd.busy_s[EO_NPU_ENGINE_DMA] + sd.busy_s[EO_NPU_ENGINE_CONV]
                > sd.latency_s);
    eo_tensor_free(&os);
    eo_tensor_free(&od);
    eo_npu_sim_stats_free(&ss);
    eo_npu_sim_stats_free(&sd);
    /* Without the token guarding a reused buffer: a race. */
    eo_op *mr = parse(f, tiled_text(6, true, true));
    eo_tensor orr;
    eo_npu_sim_stats sr;
    assert_int_equal(run_tiled(f, t, func(mr, "n"), 6, &orr, &sr), EO_ERROR);
    assert_non_null(strstr(f->last, "races with an earlier command"));
    assert_int_equal(sr.num_layers, 0);
    f->errors = 0;
    eo_op_destroy(ms);
    eo_op_destroy(md);
    eo_op_destroy(mr);
    eo_target_destroy(t);
}

/* Roofline: never faster than peak compute nor than the off-chip
 * bandwidth; energy components sum to the total; more DMA or memory
 * bandwidth is never slower. */
static void
test_roofline_energy_monotonic(void **state)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    eo_op *md = parse(f, tiled_text(6, true, false));
    eo_op *fn = func(md, "n");
    double prev = INFINITY;
    const double bws[] = { 0.1, 0.4, 1, 4, 16, 64, 256 };
    for (size_t i = 0; i < sizeof bws / sizeof bws[0]; i++) {
        eo_target *v = eo_target_clone(t);
        assert_non_null(v);
        assert_int_equal(eo_target_set_number(f->ctx, v,
                                              "dma[0].bandwidth_gbps",
                                              bws[i]), EO_OK);
        eo_tensor o;
        eo_npu_sim_stats st;
        assert_int_equal(run_tiled(f, v, fn, 6, &o, &st), EO_OK);
        eo_tensor_free(&o);
        double peak = eo_target_peak_macs(v, EO_TDT_INT8);
        assert_true(st.latency_s >= st.macs / peak);
        const eo_memory_desc *dram = eo_target_find_memory(v, "ext_psram");
        assert_non_null(dram);
        double bw = fmin(dram->bandwidth_gbps, bws[i]) * 1e9;
        assert_true(st.latency_s >= (double)st.dram_bytes / bw - 1e-15);
        double sum = 0;
        for (int c = 0; c < EO_COST_NUM_COMPONENTS; c++) {
            assert_true(st.energy[c] >= 0);
            sum += st.energy[c];
        }
        assert_true(fabs(sum - st.energy_j) <= 1e-12 * st.energy_j);
        assert_true(st.energy[EO_COST_STATIC] > 0);
        assert_true(st.latency_s <= prev * (1 + 1e-12));
        assert_true(st.cycles >= (uint64_t)(st.latency_s * 1e9) - 1);
        prev = st.latency_s;
        eo_npu_sim_stats_free(&st);
        eo_target_destroy(v);
    }
    /* The memory level's bandwidth too. */
    prev = INFINITY;
    for (size_t i = 0; i < sizeof bws / sizeof bws[0]; i++) {
        eo_target *v = eo_target_clone(t);
        assert_int_equal(eo_target_set_number(f->ctx, v,
                                              "memory[ext_psram]."
                                              "bandwidth_gbps", bws[i]),
                         EO_OK);
        eo_tensor o;
        eo_npu_sim_stats st;
        assert_int_equal(run_tiled(f, v, fn, 6, &o, &st), EO_OK);
        eo_tensor_free(&o);
        assert_true(st.latency_s <= prev * (1 + 1e-12));
        prev = st.latency_s;
        eo_npu_sim_stats_free(&st);
        eo_target_destroy(v);
    }
    /* Deterministic, and the JSON names every field. */
    eo_tensor o1, o2;
    eo_npu_sim_stats a, b2;
    assert_int_equal(run_tiled(f, t, fn, 6, &o1, &a), EO_OK);
    assert_int_equal(run_tiled(f, t, fn, 6, &o2, &b2), EO_OK);
    eo_strbuf js = {0}, js2 = {0};
    eo_npu_sim_stats_json(&a, &js);
    eo_npu_sim_stats_json(&b2, &js2);
    assert_string_equal(js.data, js2.data);
    eo_strbuf_free(&js2);
    assert_non_null(strstr(js.data, "\"latency_s\""));
    assert_non_null(strstr(js.data, "\"program\""));
    assert_non_null(strstr(js.data, "\"sram_peak_bytes\": "));
    eo_strbuf_free(&js);
    assert_true(a.sram_peak_bytes == 256 + 4 * 512);
    assert_true(a.dram_bytes == 256 + 2 * 6 * 512);
    eo_npu_sim_stats_free(&a);
    eo_npu_sim_stats_free(&b2);
    eo_tensor_free(&o1);
    eo_tensor_free(&o2);
    eo_op_destroy(md);
    eo_target_destroy(t);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

static void
expect_error(fixture *f, const eo_target *t, const char *src,
             const char *msg)
{
    char *copy = strdup(src);
    assert_non_null(copy);
    eo_op *m = parse(f, copy);
    eo_tensor out[4];
    size_t n = 4;
    eo_status s = eo_npu_sim_run(f->ctx, t, func(m, "n"), 0, NULL, &n, out,
                                 NULL);
    assert_int_equal(s, EO_ERROR);
    assert_int_equal(n, 0);
    if (!strstr(f->last, msg))
        fprintf(stderr, "got: %s\nwant: %s\n", f->last, msg);
    assert_non_null(strstr(f->last, msg));
    f->errors = 0;
    eo_op_destroy(m);
}

static void
test_errors(void **state)
{
    fixture *f = *state;
    eo_target *n6 = load_target(f, "stm32n6-npu");
    eo_target *imc = load_target(f, "imc-digital-npu");
    /* SRAM overflow (npu_ram is 1835008 bytes). */
    expect_error(f, n6,
        "func.func @n() {\n"
        "  %a = memref.alloc() : memref<1000000xi8, \"sram\">\n"
        "  %b = memref.alloc() : memref<1000000xi8, \"sram\">\n"
        "  return\n}\n", "'npu_ram' overflows");
    /* An engine operand left in DRAM. */
    expect_error(f, n6,
        "func.func @n(%x: memref<1x2x2x8xi8>, %w: memref<8x1x1x8xi8>,"
        " %y: memref<1x2x2x8xi32>) {\n"
        "  %t = npu.conv %x, %w, %y {kind = \"pointwise\"} : "
        "memref<1x2x2x8xi8>, memref<8x1x1x8xi8>, memref<1x2x2x8xi32>\n"
        "  return\n}\n", "cannot reach");
    /* No conv engine on the IMC target. */
    expect_error(f, imc,
        "func.func @n(%x: memref<1x2x2x8xi8, \"sram\">, "
        "%w: memref<8x1x1x8xi8, \"sram\">, "
        "%y: memref<1x2x2x8xi32, \"sram\">) {\n"
        "  %t = npu.conv %x, %w, %y {kind = \"pointwise\"} : "
        "memref<1x2x2x8xi8, \"sram\">, memref<8x1x1x8xi8, \"sram\">, "
        "memref<1x2x2x8xi32, \"sram\">\n"
        "  return\n}\n", "no convolution engine of target");
    /* An unprogrammed crossbar, a block too large. */
    expect_error(f, imc,
        "func.func @n(%x: memref<1x8xi8, \"sram\">, "
        "%y: memref<1x4xi32, \"sram\">) {\n"
        "  %t = npu.imc_mvm %x, %y {crossbars = array<i64: 2>} : "
        "memref<1x8xi8, \"sram\">, memref<1x4xi32, \"sram\">\n"
        "  return\n}\n", "crossbar 2 holds no weights");
    expect_error(f, imc,
        "func.func @n(%w: memref<8x40xi8>) {\n"
        "  %t = npu.imc_program %w {crossbar = 0} : memref<8x40xi8>\n"
        "  return\n}\n", "does not fit a crossbar");
    /* Reprogramming a crossbar an earlier mvm still needs. */
    expect_error(f, imc,
        "func.func @n(%w: memref<8x4xi8>, %v: memref<8x4xi8>, "
        "%xd: memref<1x8xi8>) {\n"
        "  %x = memref.alloc() : memref<1x8xi8, \"sram\">\n"
        "  %y = memref.alloc() : memref<1x4xi32, \"sram\">\n"
        "  %t = npu.dma %xd, %x : memref<1x8xi8>, "
        "memref<1x8xi8, \"sram\">\n"
        "  %p = npu.imc_program %w {crossbar = 0} : memref<8x4xi8>\n"
        "  %m = npu.imc_mvm %x, %y after %p, %t "
        "{crossbars = array<i64: 0>} : memref<1x8xi8, \"sram\">, "
        "memref<1x4xi32, \"sram\">\n"
        "  %q = npu.imc_program %v {crossbar = 0} : memref<8x4xi8>\n"
        "  npu.wait %m, %q\n"
        "  return\n}\n", "it uses a crossbar the earlier command "
        "(not started yet) uses");
    /* An unknown memory level; a unit lacking the op. */
    expect_error(f, n6,
        "func.func @n() {\n"
        "  %a = memref.alloc() : memref<4xi8, \"l3\">\n"
        "  return\n}\n", "names no memory level of target 'stm32n6-npu'");
    expect_error(f, n6,
        "func.func @n(%a: memref<4xi8, \"sram\">, %y: memref<4xi8, "
        "\"sram\">) {\n"
        "  %t = npu.ew %a, %y {op = \"relu\", unit = \"pool\"} : "
        "memref<4xi8, \"sram\">, memref<4xi8, \"sram\">\n"
        "  return\n}\n", "unit 'pool' does not run relu");
    /* A box needing 4 strided dimensions (the engine handles 3). */
    expect_error(f, n6,
        "func.func @n(%a: memref<4x4x4x4xi8>) {\n"
        "  %s = memref.alloc() : memref<2x2x2x2xi8, \"sram\">\n"
        "  %t = npu.dma %a, %s {sizes = array<i64: 2, 2, 2, 2>} : "
        "memref<4x4x4x4xi8>, memref<2x2x2x2xi8, \"sram\">\n"
        "  return\n}\n",
        "needs 4 strided dimensions, the DMA engines handle 3");
    /* A token from outside the program: only memref arguments. */
    expect_error(f, n6,
        "func.func @n(%t: !npu.token) {\n"
        "  npu.wait %t\n"
        "  return\n}\n", "argument #0 must be a statically shaped memref");
    /* A buffer used after its deallocation. */
    expect_error(f, n6,
        "func.func @n(%a: memref<4xi8>) {\n"
        "  %s = memref.alloc() : memref<4xi8, \"sram\">\n"
        "  memref.dealloc %s : memref<4xi8, \"sram\">\n"
        "  %t = npu.dma %a, %s : memref<4xi8>, memref<4xi8, \"sram\">\n"
        "  return\n}\n", "uses a buffer after its memref.dealloc");
    /* Ops the simulator does not run. */
    expect_error(f, n6,
        "func.func @n(%a: memref<4xi8>) {\n"
        "  %c = arith.constant 1 : i8\n"
        "  return\n}\n", "unsupported by the NPU simulator");
    eo_target_destroy(n6);
    eo_target_destroy(imc);
}

/* npu.cpu: a fallback region run by the interpreter on the host core. */
static void
test_cpu_fallback(void **state)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    eo_op *m = parse(f, strdup(
        "func.func @n(%a: memref<2x4xi8>, %y: memref<2x4xi8>) {\n"
        "  %t = npu.cpu ins(%a) outs(%y) : memref<2x4xi8>, memref<2x4xi8> {\n"
        "  ^bb0(%x: tensor<2x4xi8>):\n"
        "    %n = graph.neg %x : (tensor<2x4xi8>) -> tensor<2x4xi8>\n"
        "    npu.yield %n : tensor<2x4xi8>\n"
        "  }\n"
        "  npu.wait %t\n  return\n}\n"));
    int8_t a[8] = { 1, -2, 3, -4, 5, -6, 7, 100 };
    eo_tensor in, out;
    int64_t s[2] = { 2, 4 };
    tensor_i8(&in, 2, s, a);
    size_t n = 1;
    eo_npu_sim_stats st;
    eo_status rs = eo_npu_sim_run(f->ctx, t, func(m, "n"), 1, &in, &n, &out,
                                  &st);
    if (rs != EO_OK)
        fprintf(stderr, "%s\n", f->last);
    assert_int_equal(rs, EO_OK);
    for (int i = 0; i < 8; i++)
        assert_int_equal(((int8_t *)out.data)[i], -a[i]);
    assert_int_equal(n, 1);
    assert_true(st.busy_s[EO_NPU_ENGINE_CPU] > 0);
    assert_true(st.dram_bytes == 16);
    assert_int_equal(st.num_layers, 1);
    assert_string_equal(st.layers[0].unit, "m55");
    eo_npu_sim_stats_free(&st);
    eo_tensor_free(&out);
    /* A quantized region (requantize in the interpreter) gives what the
     * requant unit gives with the same multiplier. */
    int32_t q;
    int sh;
    eo_quant_multiplier(0.1 / 0.2, &q, &sh);
    char *src = malloc(2048);
    assert_non_null(src);
    snprintf(src, 2048,
        "func.func @n(%%a: memref<2x4xi8>, %%y: memref<2x4xi8>, "
        "%%z: memref<2x4xi8>) {\n"
        "  %%as = memref.alloc() : memref<2x4xi8, \"sram\">\n"
        "  %%zs = memref.alloc() : memref<2x4xi8, \"sram\">\n"
        "  %%t = npu.cpu ins(%%a) outs(%%y) : memref<2x4xi8>, "
        "memref<2x4xi8> {\n"
        "  ^bb0(%%x: tensor<2x4x!quant.uniform<i8:f32, 0.1:3>>):\n"
        "    %%r = graph.requantize %%x : (tensor<2x4x!quant.uniform<i8:f32, "
        "0.1:3>>) -> tensor<2x4x!quant.uniform<i8:f32, 0.2:-1>>\n"
        "    npu.yield %%r : tensor<2x4x!quant.uniform<i8:f32, 0.2:-1>>\n"
        "  }\n"
        "  %%t0 = npu.dma %%a, %%as : memref<2x4xi8>, memref<2x4xi8, "
        "\"sram\">\n"
        "  %%t1 = npu.ew %%as, %%zs after %%t0 {op = \"requant\", "
        "input_zp = 3, output_zp = -1, multiplier = %d, shift = %d} : "
        "memref<2x4xi8, \"sram\">, memref<2x4xi8, \"sram\">\n"
        "  %%t2 = npu.dma %%zs, %%z after %%t1 : memref<2x4xi8, \"sram\">, "
        "memref<2x4xi8>\n"
        "  npu.wait %%t, %%t2\n  return\n}\n", q, sh);
    eo_op *m2 = parse(f, src);
    eo_tensor outs[2];
    n = 2;
    rs = eo_npu_sim_run(f->ctx, t, func(m2, "n"), 1, &in, &n, outs, NULL);
    if (rs != EO_OK)
        fprintf(stderr, "%s\n", f->last);
    assert_int_equal(rs, EO_OK);
    assert_int_equal(n, 2);
    assert_memory_equal(outs[0].data, outs[1].data, 8);
    /* (100 - 3) * 0.5 = 48.5, rounded away from zero, plus zp -1. */
    assert_int_equal(((int8_t *)outs[0].data)[7], 48);
    eo_tensor_free(&outs[0]);
    eo_tensor_free(&outs[1]);
    eo_op_destroy(m2);
    eo_tensor_free(&in);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

/* Weights from a constant global in flash; a raw i32 pointwise conv;
 * a contiguous 4-D box is one dimension for the DMA. */
static void
test_global_weights(void **state)
{
    fixture *f = *state;
    eo_target *t = load_target(f, "stm32n6-npu");
    eo_op *m = parse(f, strdup(
        "memref.global \"private\" constant @w : memref<2x1x1x3xi8, "
        "\"flash\"> = dense<[[[[1, 2, 3]]], [[[-1, 0, 4]]]]>\n"
        "func.func @n(%x: memref<1x1x2x3xi8>, %y: memref<1x1x2x2xi32>) {\n"
        "  %w = memref.get_global @w : memref<2x1x1x3xi8, \"flash\">\n"
        "  %ws = memref.alloc() : memref<2x1x1x3xi8, \"sram\">\n"
        "  %xs = memref.alloc() : memref<1x1x2x3xi8, \"sram\">\n"
        "  %ys = memref.alloc() : memref<1x1x2x2xi32, \"sram\">\n"
        "  %t0 = npu.dma %w, %ws : memref<2x1x1x3xi8, \"flash\">, "
        "memref<2x1x1x3xi8, \"sram\">\n"
        "  %t1 = npu.dma %x, %xs : memref<1x1x2x3xi8>, "
        "memref<1x1x2x3xi8, \"sram\">\n"
        "  %c = npu.conv %xs, %ws, %ys after %t0, %t1 {kind = \"pointwise\","
        " input_zp = 1} : memref<1x1x2x3xi8, \"sram\">, "
        "memref<2x1x1x3xi8, \"sram\">, memref<1x1x2x2xi32, \"sram\">\n"
        "  %o = npu.dma %ys, %y after %c : memref<1x1x2x2xi32, \"sram\">, "
        "memref<1x1x2x2xi32>\n"
        "  memref.dealloc %ws : memref<2x1x1x3xi8, \"sram\">\n"
        "  npu.wait %o\n  return\n}\n"));
    int8_t x[6] = { 1, 2, 3, 4, 5, 6 };
    eo_tensor in, out;
    int64_t s[4] = { 1, 1, 2, 3 };
    tensor_i8(&in, 4, s, x);
    size_t n = 1;
    eo_npu_sim_stats st;
    eo_status rs = eo_npu_sim_run(f->ctx, t, func(m, "n"), 1, &in, &n, &out,
                                  &st);
    if (rs != EO_OK)
        fprintf(stderr, "%s\n", f->last);
    assert_int_equal(rs, EO_OK);
    assert_int_equal(out.dtype, EO_DT_I32);
    const int32_t want[4] = { 8, 8, 26, 17 };
    assert_memory_equal(out.data, want, sizeof want);
    /* Flash and PSRAM traffic: 6 weight + 6 input + 16 output bytes. */
    assert_true(st.dram_bytes == 28);
    assert_true(st.sram_peak_bytes == 6 + 6 + 16);
    eo_npu_sim_stats_free(&st);
    eo_tensor_free(&in);
    eo_tensor_free(&out);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_conv2d_bitexact, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_depthwise_bitexact, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_fully_connected_bitexact, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imc_gemm_bitexact, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_imc_program_once_per_residency,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_imc_steady_state, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ew_bitexact, setup, teardown),
        cmocka_unit_test_setup_teardown(test_double_buffering, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_roofline_energy_monotonic,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cpu_fallback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_global_weights, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_interp_quant.c - the interpreter's quantized
 * kernels. Expected values: the ONNX backend tests (QuantizeLinear,
 * DequantizeLinear, QLinearConv, QLinearMatMul, ConvInteger,
 * MatMulInteger; arrays pasted from /usr/share/libonnx-testdata), and a
 * Python transcription of TFLite's reference kernels (fixed-point
 * rescaling) for the rest; inputs are generated here with the same
 * integer formula as that script: ((i * a + b) % m) - off.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
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
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* Parses and verifies 'src'; returns its first func.func. */
static eo_op *
parse_func(fixture *f, const char *src)
{
    f->module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    if (!f->module)
        fprintf(stderr, "parse failed: %s\n", f->msg);
    assert_non_null(f->module);
    if (eo_op_verify(f->module) != EO_OK)
        fprintf(stderr, "verify failed: %s\n", f->msg);
    assert_int_equal(f->errors, 0);
    for (eo_op *op = eo_block_first(eo_module_body(f->module)); op;
         op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), "func.func") == 0)
            return op;
    fail_msg("no func.func");
    return NULL;
}

/* Element i of an integer tensor. */
static int64_t
get_int(const eo_tensor *t, int64_t i)
{
    switch (t->dtype) {
    case EO_DT_I8: return ((const int8_t *)t->data)[i];
    case EO_DT_U8: return ((const uint8_t *)t->data)[i];
    case EO_DT_I16: return ((const int16_t *)t->data)[i];
    case EO_DT_U16: return ((const uint16_t *)t->data)[i];
    case EO_DT_I32: return ((const int32_t *)t->data)[i];
    default: fail_msg("not an integer tensor"); return 0;
    }
}

static void
set_int(eo_tensor *t, int64_t i, int64_t v)
{
    switch (t->dtype) {
    case EO_DT_I8: ((int8_t *)t->data)[i] = (int8_t)v; break;
    case EO_DT_U8: ((uint8_t *)t->data)[i] = (uint8_t)v; break;
    case EO_DT_I16: ((int16_t *)t->data)[i] = (int16_t)v; break;
    case EO_DT_U16: ((uint16_t *)t->data)[i] = (uint16_t)v; break;
    case EO_DT_I32: ((int32_t *)t->data)[i] = (int32_t)v; break;
    default: fail_msg("not an integer tensor");
    }
}

/* An integer tensor filled with ((i * a + b) % m) - off. */
static void
make_fill(eo_tensor *t, eo_dtype dt, size_t rank, const int64_t *shape,
          int64_t a, int64_t b, int64_t m, int64_t off)
{
    assert_int_equal(eo_tensor_alloc(t, dt, rank, shape), EO_OK);
    for (int64_t i = 0; i < eo_tensor_numel(t); i++)
        set_int(t, i, (i * a + b) % m - off);
}

/* An integer tensor holding v[0..numel). */
static void
make_vals(eo_tensor *t, eo_dtype dt, size_t rank, const int64_t *shape,
          const int64_t *v)
{
    assert_int_equal(eo_tensor_alloc(t, dt, rank, shape), EO_OK);
    for (int64_t i = 0; i < eo_tensor_numel(t); i++)
        set_int(t, i, v[i]);
}

static void
make_f32(eo_tensor *t, size_t rank, const int64_t *shape, const float *v)
{
    assert_int_equal(eo_tensor_alloc(t, EO_DT_F32, rank, shape), EO_OK);
    memcpy(t->data, v, t->nbytes);
}

static void
check_ints(const eo_tensor *t, eo_dtype dt, const int64_t *expect, size_t n)
{
    assert_int_equal(t->dtype, dt);
    assert_int_equal((size_t)eo_tensor_numel(t), n);
    for (size_t i = 0; i < n; i++)
        if (get_int(t, (int64_t)i) != expect[i])
            fail_msg("element %zu: got %lld, expected %lld", i,
                     (long long)get_int(t, (int64_t)i),
                     (long long)expect[i]);
}

static void
free_all(eo_tensor *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        eo_tensor_free(&t[i]);
}

/* Runs 'fn' on in[0..nin), expecting success and one result. */
static void
run_ok(fixture *f, eo_op *fn, size_t nin, const eo_tensor *in,
       eo_tensor *out)
{
    size_t nout = 1;
    eo_status st = eo_interp_run(fn, nin, in, &nout, out);
    if (st != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    assert_int_equal(nout, 1);
}

/* Runs 'fn', expecting an error whose message contains 'want'. */
static void
run_fails(fixture *f, eo_op *fn, size_t nin, const eo_tensor *in,
          const char *want)
{
    eo_tensor out[1];
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, nin, in, &nout, out), EO_ERROR);
    if (!strstr(f->msg, want))
        fail_msg("error '%s' does not mention '%s'", f->msg, want);
}

/* ------------------------------------------------------------------ */
/* quantize, dequantize, requantize                                    */
/* ------------------------------------------------------------------ */

/* ONNX test_quantizelinear (ties to even: 3 / 2 -> 2, saturation). */
static void
test_quantize_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<6xf32>)\n"
        "    -> tensor<6x!quant.uniform<u8:f32, 2.0:128>> {\n"
        "  %y = graph.quantize %x : (tensor<6xf32>)\n"
        "      -> tensor<6x!quant.uniform<u8:f32, 2.0:128>>\n"
        "  func.return %y : tensor<6x!quant.uniform<u8:f32, 2.0:128>>\n"
        "}\n");
    static const float x[6] = { 0, 2, 3, 1000, -254, -1000 };
    static const int64_t want[6] = { 128, 129, 130, 255, 1, 0 };
    eo_tensor in[1], out[1];
    make_f32(&in[0], 1, (int64_t[]){ 6 }, x);
    run_ok(f, fn, 1, in, out);
    check_ints(&out[0], EO_DT_U8, want, 6);
    free_all(out, 1);
    free_all(in, 1);
}

#define QAXIS "!quant.uniform<u8:f32:1, {2.0:84, 4.0:24, 5.0:196}>"

/* ONNX test_quantizelinear_axis and test_dequantizelinear_axis. */
static const float axis_real[18] = {
    -162, 10, -100, 232, -20, -50, -76, 0, 0, 252, 32, -44, 245, -485, -960,
    -270, -375, -470,
};
static const int64_t axis_q[18] = {
    3, 89, 34, 200, 74, 59, 5, 24, 24, 87, 32, 13, 245, 99, 4, 142, 121, 102,
};

static void
test_quantize_axis_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x3x3x2xf32>)\n"
        "    -> tensor<1x3x3x2x" QAXIS "> {\n"
        "  %y = graph.quantize %x : (tensor<1x3x3x2xf32>)\n"
        "      -> tensor<1x3x3x2x" QAXIS ">\n"
        "  func.return %y : tensor<1x3x3x2x" QAXIS ">\n"
        "}\n");
    eo_tensor in[1], out[1];
    make_f32(&in[0], 4, (int64_t[]){ 1, 3, 3, 2 }, axis_real);
    run_ok(f, fn, 1, in, out);
    check_ints(&out[0], EO_DT_U8, axis_q, 18);
    free_all(out, 1);
    free_all(in, 1);
}

static void
test_dequantize_axis_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x3x3x2x" QAXIS ">)\n"
        "    -> tensor<1x3x3x2xf32> {\n"
        "  %y = graph.dequantize %x : (tensor<1x3x3x2x" QAXIS ">)\n"
        "      -> tensor<1x3x3x2xf32>\n"
        "  func.return %y : tensor<1x3x3x2xf32>\n"
        "}\n");
    eo_tensor in[1], out[1];
    make_vals(&in[0], EO_DT_U8, 4, (int64_t[]){ 1, 3, 3, 2 }, axis_q);
    run_ok(f, fn, 1, in, out);
    assert_int_equal(out[0].dtype, EO_DT_F32);
    for (int i = 0; i < 18; i++)
        assert_true(((float *)out[0].data)[i] == axis_real[i]);
    free_all(out, 1);
    free_all(in, 1);
}

/* ONNX test_dequantizelinear. */
static void
test_dequantize_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<4x!quant.uniform<u8:f32, 2.0:128>>)\n"
        "    -> tensor<4xf32> {\n"
        "  %y = graph.dequantize %x\n"
        "      : (tensor<4x!quant.uniform<u8:f32, 2.0:128>>)\n"
        "      -> tensor<4xf32>\n"
        "  func.return %y : tensor<4xf32>\n"
        "}\n");
    static const int64_t q[4] = { 0, 3, 128, 255 };
    static const float want[4] = { -256, -250, 0, 254 };
    eo_tensor in[1], out[1];
    make_vals(&in[0], EO_DT_U8, 1, (int64_t[]){ 4 }, q);
    run_ok(f, fn, 1, in, out);
    for (int i = 0; i < 4; i++)
        assert_true(((float *)out[0].data)[i] == want[i]);
    free_all(out, 1);
    free_all(in, 1);
}

/* i8 (0.1, 3) -> u8 (0.03, 128) through the fixed-point multiplier, and
 * a per-axis (axis 1) i8 operand to a per-tensor result. */
static void
test_requantize(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<6x!quant.uniform<i8:f32, 0.1:3>>,\n"
        "    %z: tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>)\n"
        "    -> (tensor<6x!quant.uniform<u8:f32, 0.03:128>>,\n"
        "        tensor<2x3x!quant.uniform<i8:f32, 0.25>>) {\n"
        "  %y = graph.requantize %x\n"
        "      : (tensor<6x!quant.uniform<i8:f32, 0.1:3>>)\n"
        "      -> tensor<6x!quant.uniform<u8:f32, 0.03:128>>\n"
        "  %w = graph.requantize %z\n"
        "      : (tensor<2x3x!quant.uniform<i8:f32:1, {0.1, 0.2, 0.3}>>)\n"
        "      -> tensor<2x3x!quant.uniform<i8:f32, 0.25>>\n"
        "  func.return %y, %w : tensor<6x!quant.uniform<u8:f32, 0.03:128>>,\n"
        "      tensor<2x3x!quant.uniform<i8:f32, 0.25>>\n"
        "}\n");
    static const int64_t want[6] = { 0, 0, 68, 191, 255, 255 };
    static const int64_t want_axis[6] = { -38, -34, 13, 26, -66, -36 };
    eo_tensor in[2], out[2];
    make_fill(&in[0], EO_DT_I8, 1, (int64_t[]){ 6 }, 37, 11, 200, 100);
    make_fill(&in[1], EO_DT_I8, 2, (int64_t[]){ 2, 3 }, 53, 5, 200, 100);
    size_t nout = 2;
    if (eo_interp_run(fn, 2, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_U8, want, 6);
    check_ints(&out[1], EO_DT_I8, want_axis, 6);
    free_all(out, 2);
    free_all(in, 2);
}

/* ------------------------------------------------------------------ */
/* conv2d                                                              */
/* ------------------------------------------------------------------ */

#define QC_X "tensor<1x1x7x7x!quant.uniform<u8:f32, " \
             "0.003692046971991658:132>>"
#define QC_W "tensor<1x1x1x1x!quant.uniform<u8:f32, " \
             "0.0017279457533732057:255>>"
#define QC_Y "tensor<1x1x7x7x!quant.uniform<u8:f32, " \
             "0.001626812620088458:123>>"

/* ONNX test_qlinearconv (u8, weight zero point 255); the fixed point
 * agrees with ONNX's float rescale on every element here. */
static void
test_qlinearconv_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " QC_X ", %w: " QC_W ") -> " QC_Y " {\n"
        "  %y = graph.conv2d %x, %w : (" QC_X ", " QC_W ") -> " QC_Y "\n"
        "  func.return %y : " QC_Y "\n"
        "}\n");
    static const int64_t x[49] = {
        255, 174, 162, 25, 203, 168, 58, 15, 59, 237, 95, 129, 0, 64, 56,
        242, 153, 221, 168, 12, 166, 232, 178, 186, 195, 237, 162, 237, 188,
        39, 124, 77, 80, 102, 43, 127, 230, 21, 83, 41, 40, 134, 255, 154,
        92, 141, 42, 148, 247,
    };
    static const int64_t want[49] = {
        0, 81, 93, 230, 52, 87, 197, 240, 196, 18, 160, 126, 255, 191, 199,
        13, 102, 34, 87, 243, 89, 23, 77, 69, 60, 18, 93, 18, 67, 216, 131,
        178, 175, 153, 212, 128, 25, 234, 172, 214, 215, 121, 0, 101, 163,
        114, 213, 107, 8,
    };
    eo_tensor in[2], out[1];
    make_vals(&in[0], EO_DT_U8, 4, (int64_t[]){ 1, 1, 7, 7 }, x);
    make_vals(&in[1], EO_DT_U8, 4, (int64_t[]){ 1, 1, 1, 1 },
              (int64_t[]){ 0 });
    run_ok(f, fn, 2, in, out);
    check_ints(&out[0], EO_DT_U8, want, 49);
    free_all(out, 1);
    free_all(in, 2);
}

#define CI_X "tensor<1x1x3x3x!quant.uniform<u8:f32, 1.0:1>>"
#define CI_W "tensor<1x1x2x2x!quant.uniform<u8:f32, 1.0>>"

/* ONNX test_convinteger_with_padding: raw i32 accumulator, x zero point
 * 1 (padding contributes 0). */
static void
test_convinteger_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " CI_X ", %w: " CI_W ")\n"
        "    -> tensor<1x1x4x4xi32> {\n"
        "  %y = graph.conv2d %x, %w {pads = array<i64: 1, 1, 1, 1>}\n"
        "      : (" CI_X ", " CI_W ") -> tensor<1x1x4x4xi32>\n"
        "  func.return %y : tensor<1x1x4x4xi32>\n"
        "}\n");
    static const int64_t want[16] = {
        1, 3, 5, 3, 5, 12, 16, 9, 11, 24, 28, 15, 7, 15, 17, 9,
    };
    eo_tensor in[2], out[1];
    make_fill(&in[0], EO_DT_U8, 4, (int64_t[]){ 1, 1, 3, 3 }, 1, 2, 100, 0);
    make_fill(&in[1], EO_DT_U8, 4, (int64_t[]){ 1, 1, 2, 2 }, 0, 1, 100, 0);
    run_ok(f, fn, 2, in, out);
    check_ints(&out[0], EO_DT_I32, want, 16);
    free_all(out, 1);
    free_all(in, 2);
}

#define DW_X "tensor<1x5x5x3x!quant.uniform<i8:f32, 5.000000e-02:-3>>"
#define DW_W "tensor<3x3x3x1x!quant.uniform<i8:f32:0, " \
             "{2.000000e-02, 1.000000e-02, 4.000000e-02}>>"
#define DW_B "tensor<3x!quant.uniform<i32:f32:0, " \
             "{1.000000e-03, 5.000000e-04, 2.000000e-03}>>"
#define DW_Y "tensor<1x3x3x3x!quant.uniform<i8:f32, 1.000000e-01:5>>"

/* Depthwise (groups = C) NHWC conv, per-channel weights, a quantized i32
 * bias, stride 2, pads, fused relu6 as a clamp to [zp, zp + 6 / s]. */
static void
test_conv_depthwise_nhwc(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " DW_X ", %w: " DW_W ", %b: " DW_B ")\n"
        "    -> " DW_Y " {\n"
        "  %y = graph.conv2d %x, %w, %b {strides = array<i64: 2, 2>,\n"
        "      pads = array<i64: 1, 1, 1, 1>, groups = 3 : i64,\n"
        "      layout = \"NHWC\", activation = \"relu6\"}\n"
        "      : (" DW_X ", " DW_W ", " DW_B ") -> " DW_Y "\n"
        "  func.return %y : " DW_Y "\n"
        "}\n");
    static const int64_t want[27] = {
        5, 5, 53, 5, 5, 5, 12, 5, 6, 5, 26, 23, 29, 23, 39, 5, 6, 5, 22, 5,
        5, 5, 5, 19, 7, 5, 41,
    };
    eo_tensor in[3], out[1];
    make_fill(&in[0], EO_DT_I8, 4, (int64_t[]){ 1, 5, 5, 3 }, 37, 11, 200,
              100);
    make_fill(&in[1], EO_DT_I8, 4, (int64_t[]){ 3, 3, 3, 1 }, 53, 5, 41, 20);
    make_vals(&in[2], EO_DT_I32, 1, (int64_t[]){ 3 },
              (int64_t[]){ 100, -200, 300 });
    run_ok(f, fn, 3, in, out);
    check_ints(&out[0], EO_DT_I8, want, 27);
    free_all(out, 1);
    free_all(in, 3);
}

#define U8_X "tensor<1x2x5x5x!quant.uniform<u8:f32, 0.1:128>>"
#define U8_W "tensor<2x2x2x2x!quant.uniform<u8:f32, 0.05:120>>"
#define U8_Y "tensor<1x2x4x5x!quant.uniform<u8:f32, 5.0:100>>"

/* NCHW u8 conv with weight zero point, plain i32 bias, asymmetric pads
 * and dilation. */
static void
test_conv_u8_nchw(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " U8_X ", %w: " U8_W ", %b: tensor<2xi32>)\n"
        "    -> " U8_Y " {\n"
        "  %y = graph.conv2d %x, %w, %b {pads = array<i64: 1, 0, 0, 1>,\n"
        "      dilations = array<i64: 2, 1>}\n"
        "      : (" U8_X ", " U8_W ", tensor<2xi32>) -> " U8_Y "\n"
        "  func.return %y : " U8_Y "\n"
        "}\n");
    static const int64_t want[40] = {
        106, 94, 95, 95, 94, 121, 114, 133, 90, 88, 77, 85, 121, 113, 117,
        89, 84, 76, 84, 122, 85, 92, 112, 108, 117, 83, 87, 76, 89, 117, 123,
        122, 84, 88, 89, 89, 119, 123, 123, 83,
    };
    eo_tensor in[3], out[1];
    make_fill(&in[0], EO_DT_U8, 4, (int64_t[]){ 1, 2, 5, 5 }, 37, 11, 256,
              0);
    make_fill(&in[1], EO_DT_U8, 4, (int64_t[]){ 2, 2, 2, 2 }, 53, 5, 256, 0);
    make_vals(&in[2], EO_DT_I32, 1, (int64_t[]){ 2 },
              (int64_t[]){ 50, -70 });
    run_ok(f, fn, 3, in, out);
    check_ints(&out[0], EO_DT_U8, want, 40);
    free_all(out, 1);
    free_all(in, 3);
}

/* ------------------------------------------------------------------ */
/* gemm and matmul                                                     */
/* ------------------------------------------------------------------ */

#define G_A "tensor<2x4x!quant.uniform<i8:f32, 0.1:2>>"
#define G_B "tensor<3x4x!quant.uniform<i8:f32:0, {0.05, 0.1, 0.02}>>"
#define G_Y "tensor<2x3x!quant.uniform<i8:f32, 0.2:-1>>"

/* trans_b gemm with per-channel b (its N axis), i32 bias, fused relu;
 * and fused clip [-0.5, 1.0]: bounds zp + round(b / s) rounding half
 * away from zero as TFLite (-2.5 -> -3, so the lower bound is -4). */
static void
test_gemm_per_channel(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: " G_A ", %b: " G_B ", %c: tensor<3xi32>)\n"
        "    -> (" G_Y ", " G_Y ") {\n"
        "  %y = graph.gemm %a, %b, %c {trans_b = true,\n"
        "      activation = \"relu\"}\n"
        "      : (" G_A ", " G_B ", tensor<3xi32>) -> " G_Y "\n"
        "  %z = graph.gemm %a, %b, %c {trans_b = true,\n"
        "      activation = \"clip\", act_min = -5.0e-01 : f32,\n"
        "      act_max = 1.0 : f32}\n"
        "      : (" G_A ", " G_B ", tensor<3xi32>) -> " G_Y "\n"
        "  func.return %y, %z : " G_Y ", " G_Y "\n"
        "}\n");
    /* without activation: 24, -3, -4, -29, -40, 23 */
    static const int64_t want[6] = { 24, -1, -1, -1, -1, 23 };
    static const int64_t want_clip[6] = { 4, -3, -4, -4, -4, 4 };
    eo_tensor in[3], out[2];
    make_fill(&in[0], EO_DT_I8, 2, (int64_t[]){ 2, 4 }, 37, 11, 200, 100);
    make_fill(&in[1], EO_DT_I8, 2, (int64_t[]){ 3, 4 }, 53, 5, 41, 20);
    make_vals(&in[2], EO_DT_I32, 1, (int64_t[]){ 3 },
              (int64_t[]){ 10, -20, 30 });
    size_t nout = 2;
    if (eo_interp_run(fn, 3, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_I8, want, 6);
    check_ints(&out[1], EO_DT_I8, want_clip, 6);
    free_all(out, 2);
    free_all(in, 3);
}

#define QM_A "tensor<2x4x!quant.uniform<u8:f32, 0.006599999964237213:113>>"
#define QM_B "tensor<4x3x!quant.uniform<u8:f32, " \
             "0.0070500001311302185:114>>"
#define QM_Y "tensor<2x3x!quant.uniform<u8:f32, 0.010700000450015068:118>>"

/* ONNX test_qlinearmatmul_2D. */
static void
test_qlinearmatmul_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: " QM_A ", %b: " QM_B ") -> " QM_Y " {\n"
        "  %y = graph.matmul %a, %b : (" QM_A ", " QM_B ") -> " QM_Y "\n"
        "  func.return %y : " QM_Y "\n"
        "}\n");
    static const int64_t a[8] = { 208, 236, 0, 238, 3, 214, 255, 29 };
    static const int64_t b[12] = {
        152, 51, 244, 60, 26, 255, 0, 127, 246, 127, 254, 247,
    };
    static const int64_t want[6] = { 168, 115, 255, 1, 66, 151 };
    eo_tensor in[2], out[1];
    make_vals(&in[0], EO_DT_U8, 2, (int64_t[]){ 2, 4 }, a);
    make_vals(&in[1], EO_DT_U8, 2, (int64_t[]){ 4, 3 }, b);
    run_ok(f, fn, 2, in, out);
    check_ints(&out[0], EO_DT_U8, want, 6);
    free_all(out, 1);
    free_all(in, 2);
}

#define MI_A "tensor<4x3x!quant.uniform<u8:f32, 1.0:12>>"
#define MI_B "tensor<3x2x!quant.uniform<u8:f32, 1.0>>"

/* ONNX test_matmulinteger: raw i32 result, a zero point 12. */
static void
test_matmulinteger_onnx(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: " MI_A ", %b: " MI_B ") -> tensor<4x2xi32> {\n"
        "  %y = graph.matmul %a, %b : (" MI_A ", " MI_B ")\n"
        "      -> tensor<4x2xi32>\n"
        "  func.return %y : tensor<4x2xi32>\n"
        "}\n");
    static const int64_t a[12] = { 11, 7, 3, 10, 6, 2, 9, 5, 1, 8, 4, 0 };
    static const int64_t b[6] = { 1, 4, 2, 5, 3, 6 };
    static const int64_t want[8] = { -38, -83, -44, -98, -50, -113, -56,
                                     -128 };
    eo_tensor in[2], out[1];
    make_vals(&in[0], EO_DT_U8, 2, (int64_t[]){ 4, 3 }, a);
    make_vals(&in[1], EO_DT_U8, 2, (int64_t[]){ 3, 2 }, b);
    run_ok(f, fn, 2, in, out);
    check_ints(&out[0], EO_DT_I32, want, 8);
    free_all(out, 1);
    free_all(in, 2);
}

#define BM_A "tensor<2x2x3x!quant.uniform<i8:f32, 0.1:-2>>"
#define BM_B "tensor<3x2x!quant.uniform<i8:f32, 0.05:1>>"
#define BM_Y "tensor<2x2x2x!quant.uniform<i8:f32, 0.15>>"
#define PC_A "tensor<2x3x!quant.uniform<u8:f32, 1.0:7>>"
#define PC_B "tensor<3x2x!quant.uniform<i8:f32:1, {1.0:1, 1.0:-1}>>"

/* Batched matmul with broadcast b; and an i32 result with u8 a and i8 b
 * whose zero points are per column (MatMulInteger's 1-D b_zero_point). */
static void
test_matmul_batched(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: " BM_A ", %b: " BM_B ", %c: " PC_A ",\n"
        "    %d: " PC_B ") -> (" BM_Y ", tensor<2x2xi32>) {\n"
        "  %y = graph.matmul %a, %b : (" BM_A ", " BM_B ") -> " BM_Y "\n"
        "  %z = graph.matmul %c, %d : (" PC_A ", " PC_B ")\n"
        "      -> tensor<2x2xi32>\n"
        "  func.return %y, %z : " BM_Y ", tensor<2x2xi32>\n"
        "}\n");
    static const int64_t want[8] = { 37, 45, -26, -36, 25, 29, 22, -72 };
    static const int64_t want_raw[4] = { -6526, 239, -25396, -316 };
    eo_tensor in[4], out[2];
    make_fill(&in[0], EO_DT_I8, 3, (int64_t[]){ 2, 2, 3 }, 37, 11, 200, 100);
    make_fill(&in[1], EO_DT_I8, 2, (int64_t[]){ 3, 2 }, 53, 5, 41, 20);
    make_fill(&in[2], EO_DT_U8, 2, (int64_t[]){ 2, 3 }, 37, 11, 256, 0);
    make_fill(&in[3], EO_DT_I8, 2, (int64_t[]){ 3, 2 }, 53, 5, 200, 100);
    size_t nout = 2;
    if (eo_interp_run(fn, 4, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_I8, want, 8);
    check_ints(&out[1], EO_DT_I32, want_raw, 4);
    free_all(out, 2);
    free_all(in, 4);
}

#define W_A "tensor<1x600x!quant.uniform<i16:f32, 0.001>>"
#define W_B "tensor<600x2x!quant.uniform<i8:f32, 0.05>>"
#define W_Y "tensor<1x2x!quant.uniform<i16:f32, 20.0>>"

/* 16-bit activations take TFLite's 16x8 output stage: the int64
 * accumulator (here +-2286000000, beyond int32) rescaled by the Q15
 * multiplier, so 5715 rather than a saturated accumulator's 5368. */
static void
test_matmul_16x8(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: " W_A ", %b: " W_B ") -> " W_Y " {\n"
        "  %y = graph.matmul %a, %b : (" W_A ", " W_B ") -> " W_Y "\n"
        "  func.return %y : " W_Y "\n"
        "}\n");
    static const int64_t want[2] = { -5715, 5715 };
    eo_tensor in[2], out[1];
    make_fill(&in[0], EO_DT_I16, 2, (int64_t[]){ 1, 600 }, 0, 30000,
              100000, 0);
    make_fill(&in[1], EO_DT_I8, 2, (int64_t[]){ 600, 2 }, 254, 0, 508, 127);
    run_ok(f, fn, 2, in, out);
    check_ints(&out[0], EO_DT_I16, want, 2);
    free_all(out, 1);
    free_all(in, 2);
}

/* ------------------------------------------------------------------ */
/* add                                                                 */
/* ------------------------------------------------------------------ */

#define AD_A "tensor<2x3x!quant.uniform<i8:f32, 0.1:3>>"
#define AD_B "tensor<3x!quant.uniform<i8:f32, 0.05:-4>>"
#define AD_Y "tensor<2x3x!quant.uniform<i8:f32, 0.12:1>>"

/* TFLite's quantized ADD (left shift 20) with broadcasting, with and
 * without a fused relu. */
static void
test_add(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: " AD_A ", %b: " AD_B ")\n"
        "    -> (" AD_Y ", " AD_Y ") {\n"
        "  %y = graph.add %a, %b : (" AD_A ", " AD_B ") -> " AD_Y "\n"
        "  %z = graph.add %a, %b {activation = \"relu\"}\n"
        "      : (" AD_A ", " AD_B ") -> " AD_Y "\n"
        "  func.return %y, %z : " AD_Y ", " AD_Y "\n"
        "}\n");
    static const int64_t want[6] = { -114, -61, -8, -21, 32, 85 };
    static const int64_t want_relu[6] = { 1, 1, 1, 1, 32, 85 };
    eo_tensor in[2], out[2];
    make_fill(&in[0], EO_DT_I8, 2, (int64_t[]){ 2, 3 }, 37, 11, 200, 100);
    make_fill(&in[1], EO_DT_I8, 1, (int64_t[]){ 3 }, 53, 5, 200, 100);
    size_t nout = 2;
    if (eo_interp_run(fn, 2, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_I8, want, 6);
    check_ints(&out[1], EO_DT_I8, want_relu, 6);
    free_all(out, 2);
    free_all(in, 2);
}

/* ------------------------------------------------------------------ */
/* Pools, relu, clip, data movement                                    */
/* ------------------------------------------------------------------ */

#define PQ "!quant.uniform<i8:f32, 0.1:-5>"

/* avg_pool 3x3 / 2, pads 1, with and without count_include_pad (padding
 * counts as the zero point), negative sums rounding half away from zero;
 * max_pool 2x2 / 2; NHWC global_avg_pool. */
static void
test_pools(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x1x5x5x" PQ ">)\n"
        "    -> (tensor<1x1x3x3x" PQ ">, tensor<1x1x3x3x" PQ ">,\n"
        "        tensor<1x1x2x2x" PQ ">) {\n"
        "  %a = graph.avg_pool %x {kernel = array<i64: 3, 3>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,\n"
        "      count_include_pad = true}\n"
        "      : (tensor<1x1x5x5x" PQ ">) -> tensor<1x1x3x3x" PQ ">\n"
        "  %b = graph.avg_pool %x {kernel = array<i64: 3, 3>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}\n"
        "      : (tensor<1x1x5x5x" PQ ">) -> tensor<1x1x3x3x" PQ ">\n"
        "  %c = graph.max_pool %x {kernel = array<i64: 2, 2>,\n"
        "      strides = array<i64: 2, 2>}\n"
        "      : (tensor<1x1x5x5x" PQ ">) -> tensor<1x1x2x2x" PQ ">\n"
        "  func.return %a, %b, %c : tensor<1x1x3x3x" PQ ">,\n"
        "      tensor<1x1x3x3x" PQ ">, tensor<1x1x2x2x" PQ ">\n"
        "}\n");
    static const int64_t want_cip[9] = { -15, -17, 12, -2, -45, 5, 9, -24,
                                         -8 };
    static const int64_t want_avg[9] = { -28, -23, 33, -1, -45, 11, 27, -34,
                                         -12 };
    static const int64_t want_max[4] = { 96, 22, 81, -8 };
    eo_tensor in[1], out[3];
    make_fill(&in[0], EO_DT_I8, 4, (int64_t[]){ 1, 1, 5, 5 }, 37, 11, 200,
              100);
    size_t nout = 3;
    if (eo_interp_run(fn, 1, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_I8, want_cip, 9);
    check_ints(&out[1], EO_DT_I8, want_avg, 9);
    check_ints(&out[2], EO_DT_I8, want_max, 4);
    free_all(out, 3);
    free_all(in, 1);
}

/* NHWC global average (rounding half away from zero) and max pools. The
 * kernels run without the verifier, which takes global pools on float
 * tensors only for now. */
static void
test_global_pools(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @main(%g: tensor<1x2x2x3x" PQ ">)\n"
        "    -> (tensor<1x1x1x3x" PQ ">, tensor<1x1x1x3x" PQ ">) {\n"
        "  %a = graph.global_avg_pool %g {layout = \"NHWC\"}\n"
        "      : (tensor<1x2x2x3x" PQ ">) -> tensor<1x1x1x3x" PQ ">\n"
        "  %m = graph.global_max_pool %g {layout = \"NHWC\"}\n"
        "      : (tensor<1x2x2x3x" PQ ">) -> tensor<1x1x1x3x" PQ ">\n"
        "  func.return %a, %m : tensor<1x1x1x3x" PQ ">,\n"
        "      tensor<1x1x1x3x" PQ ">\n"
        "}\n";
    f->module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    assert_non_null(f->module);
    eo_op *fn = eo_block_first(eo_module_body(f->module));
    assert_non_null(fn);
    /* x = -89 -52 -15 22 59 96 -67 -30 7 44 81 -82 */
    static const int64_t want_avg[3] = { -23, 15, 2 };
    static const int64_t want_max[3] = { 44, 81, 96 };
    eo_tensor in[1], out[2];
    make_fill(&in[0], EO_DT_I8, 4, (int64_t[]){ 1, 2, 2, 3 }, 37, 11, 200,
              100);
    size_t nout = 2;
    if (eo_interp_run(fn, 1, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_I8, want_avg, 3);
    check_ints(&out[1], EO_DT_I8, want_max, 3);
    free_all(out, 2);
    free_all(in, 1);
}

#define RQ "tensor<8x!quant.uniform<i8:f32, 0.1:-3>>"

/* relu clamps at the zero point; clip [-0.5, 1.0] at zp + round(b / s);
 * reshape, transpose, concat and slice move stored values unchanged. */
static void
test_relu_clip_move(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " RQ ")\n"
        "    -> (" RQ ", " RQ ", tensor<4x2x!quant.uniform<i8:f32, 0.1:-3>>,"
        "        tensor<4x!quant.uniform<i8:f32, 0.1:-3>>) {\n"
        "  %r = graph.relu %x : (" RQ ") -> " RQ "\n"
        "  %c = graph.clip %x {min = -5.0e-01 : f32, max = 1.0 : f32}\n"
        "      : (" RQ ") -> " RQ "\n"
        "  %s = graph.reshape %x {shape = array<i64: 2, 4>}\n"
        "      : (" RQ ") -> tensor<2x4x!quant.uniform<i8:f32, 0.1:-3>>\n"
        "  %t = graph.transpose %s\n"
        "      : (tensor<2x4x!quant.uniform<i8:f32, 0.1:-3>>)\n"
        "      -> tensor<4x2x!quant.uniform<i8:f32, 0.1:-3>>\n"
        "  %k = graph.concat %r, %x {axis = 0 : i64}\n"
        "      : (" RQ ", " RQ ")\n"
        "      -> tensor<16x!quant.uniform<i8:f32, 0.1:-3>>\n"
        "  %l = graph.slice %k {starts = array<i64: 6>,\n"
        "      ends = array<i64: 10>}\n"
        "      : (tensor<16x!quant.uniform<i8:f32, 0.1:-3>>)\n"
        "      -> tensor<4x!quant.uniform<i8:f32, 0.1:-3>>\n"
        "  func.return %r, %c, %t, %l : " RQ ", " RQ ",\n"
        "      tensor<4x2x!quant.uniform<i8:f32, 0.1:-3>>,\n"
        "      tensor<4x!quant.uniform<i8:f32, 0.1:-3>>\n"
        "}\n");
    static const int64_t want_relu[8] = { -3, -3, -3, -3, 19, 16, 13, 10 };
    static const int64_t want_clip[8] = { -8, -8, -8, -8, 7, 7, 7, 7 };
    /* x = -9 -12 -15 -18 19 16 13 10, as [2, 4], transposed */
    static const int64_t want_t[8] = { -9, 19, -12, 16, -15, 13, -18, 10 };
    /* concat(relu(x), x)[6:10] */
    static const int64_t want_l[4] = { 13, 10, -9, -12 };
    eo_tensor in[1], out[4];
    make_fill(&in[0], EO_DT_I8, 1, (int64_t[]){ 8 }, 37, 11, 40, 20);
    size_t nout = 4;
    if (eo_interp_run(fn, 1, in, &nout, out) != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    check_ints(&out[0], EO_DT_I8, want_relu, 8);
    check_ints(&out[1], EO_DT_I8, want_clip, 8);
    check_ints(&out[2], EO_DT_I8, want_t, 8);
    check_ints(&out[3], EO_DT_I8, want_l, 4);
    free_all(out, 4);
    free_all(in, 1);
}

/* ------------------------------------------------------------------ */
/* Unsupported forms                                                   */
/* ------------------------------------------------------------------ */

static void
test_unsupported_u16(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2xf32>)\n"
        "    -> tensor<2x!quant.uniform<u16:f32, 0.5>> {\n"
        "  %y = graph.quantize %x : (tensor<2xf32>)\n"
        "      -> tensor<2x!quant.uniform<u16:f32, 0.5>>\n"
        "  func.return %y : tensor<2x!quant.uniform<u16:f32, 0.5>>\n"
        "}\n");
    eo_tensor in[1];
    make_f32(&in[0], 1, (int64_t[]){ 2 }, (float[]){ 1, 2 });
    run_fails(f, fn, 1, in, "unsupported");
    assert_non_null(strstr(f->msg, "u16"));
    free_all(in, 1);
}

#define SG_X "tensor<1x1x2x2x!quant.uniform<i8:f32, 0.1>>"
#define SG_W "tensor<1x1x1x1x!quant.uniform<i8:f32, 0.1>>"

static void
test_unsupported_activation(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " SG_X ", %w: " SG_W ") -> " SG_X " {\n"
        "  %y = graph.conv2d %x, %w {activation = \"sigmoid\"}\n"
        "      : (" SG_X ", " SG_W ") -> " SG_X "\n"
        "  func.return %y : " SG_X "\n"
        "}\n");
    eo_tensor in[2];
    make_fill(&in[0], EO_DT_I8, 4, (int64_t[]){ 1, 1, 2, 2 }, 1, 0, 9, 0);
    make_fill(&in[1], EO_DT_I8, 4, (int64_t[]){ 1, 1, 1, 1 }, 1, 1, 9, 0);
    run_fails(f, fn, 2, in, "unsupported: a fused activation");
    free_all(in, 2);
}

#define PA "tensor<2x!quant.uniform<i8:f32:0, {0.1, 0.2}>>"

static void
test_unsupported_per_axis_add(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: " PA ") -> tensor<2x!quant.uniform<i8:f32, "
        "0.1>> {\n"
        "  %y = graph.add %x, %x : (" PA ", " PA ")\n"
        "      -> tensor<2x!quant.uniform<i8:f32, 0.1>>\n"
        "  func.return %y : tensor<2x!quant.uniform<i8:f32, 0.1>>\n"
        "}\n");
    eo_tensor in[1];
    make_fill(&in[0], EO_DT_I8, 1, (int64_t[]){ 2 }, 1, 0, 9, 0);
    run_fails(f, fn, 1, in, "unsupported: per-axis");
    free_all(in, 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_quantize_onnx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quantize_axis_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_dequantize_axis_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_dequantize_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_requantize, setup, teardown),
        cmocka_unit_test_setup_teardown(test_qlinearconv_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_convinteger_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_conv_depthwise_nhwc, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_conv_u8_nchw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gemm_per_channel, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_qlinearmatmul_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmulinteger_onnx, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmul_batched, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmul_16x8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pools, setup, teardown),
        cmocka_unit_test_setup_teardown(test_global_pools, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relu_clip_move, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_u16, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_activation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_per_axis_add, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_tl_int8.c - int8 models through graph-to-tl,
 * tl-bufferize and tl-to-loops: small quantized graphs (quantize,
 * dequantize, add, average pools, per-channel depthwise conv, gemm,
 * reshape / transpose of quantized tensors) run by the reference
 * interpreter at the graph level and as loops over i8 / i32 memrefs must
 * give bit-identical results; no quantized type or unrealized cast is
 * left; bufferization errors on casts it cannot take as views. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/quant/quant.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LOWER "func.func(graph-to-tl),tl-bufferize,func.func(tl-to-loops)"

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];         /* last error message */
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR)
        snprintf(f->last, sizeof f->last, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK ||
        eo_graph_register_passes(f->ctx) != EO_OK ||
        eo_tl_register_passes(f->ctx) != EO_OK)
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

static eo_op *
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fprintf(stderr, "parse error: %s\n", f->last);
    assert_non_null(m);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("verify: %s", f->last);
    return m;
}

static eo_status
run_pipeline(fixture *f, eo_op *m, const char *pipeline)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    eo_status s = eo_pm_add_pipeline(pm, pipeline);
    if (s == EO_OK)
        s = eo_pm_run(pm, m, NULL);
    eo_pm_destroy(pm);
    return s;
}

static eo_op *
first_func(eo_op *m)
{
    eo_block *b = eo_region_first(eo_op_region(m, 0));
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
        if (!strcmp(eo_op_name_str(o), "func.func"))
            return o;
    return NULL;
}

/* Counts ops and values that must be gone after the lowering. */
static eo_walk_result
leftover_cb(eo_op *op, void *ud)
{
    int *n = ud;
    const char *name = eo_op_name_str(op);
    if (!strncmp(name, "graph.", 6) || !strncmp(name, "tl.", 3) ||
        !strcmp(name, "builtin.unrealized_conversion_cast"))
        (*n)++;
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        const eo_type *t = eo_value_type(eo_op_result(op, i));
        if (eo_type_get_kind(t) == EO_TYPE_TENSOR ||
            eo_type_is_quant(eo_type_elem_or_self(t)))
            (*n)++;
    }
    return EO_WALK_ADVANCE;
}

/* Random contents for an input of 'type' (f32 in [-4, 4], some NaN-free
 * saturating values; integers over their whole range). */
static void
fill_random(eo_tensor *t, unsigned *seed)
{
    int64_t n = eo_tensor_numel(t);
    for (int64_t i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        unsigned r = (*seed >> 8) & 0xffff;
        if (t->dtype == EO_DT_F32)
            ((float *)t->data)[i] = ((float)r / 65535.0f - 0.5f) * 8.0f;
        else if (t->dtype == EO_DT_I8)
            ((int8_t *)t->data)[i] = (int8_t)(r & 0xff);
        else if (t->dtype == EO_DT_I32)
            ((int32_t *)t->data)[i] = (int32_t)(r % 2001) - 1000;
    }
}

/* Runs 'text' (one function) at the graph level and lowered to loops on
 * the same random inputs; the results must be bit-identical. */
static void
check_same(fixture *f, const char *text)
{
    eo_op *g = parse(f, text), *l = parse(f, text);
    if (run_pipeline(f, l, LOWER) != EO_OK)
        fail_msg("lowering failed: %s", f->last);
    assert_int_equal(eo_op_verify(l), EO_OK);
    int left = 0;
    eo_op_walk(l, EO_WALK_PRE, leftover_cb, &left);
    assert_int_equal(left, 0);
    eo_op *gf = first_func(g), *lf = first_func(l);
    const eo_type *ft = func_get_type(gf);
    assert_non_null(ft);
    size_t nin = eo_type_num_inputs(ft);
    eo_tensor in[4];
    assert_true(nin <= 4);
    unsigned seed = 7;
    for (size_t i = 0; i < nin; i++) {
        const eo_type *t = eo_type_input(ft, i);
        const eo_type *e = eo_type_elem(t);
        eo_dtype dt;
        if (eo_type_is_quant(e))
            e = eo_quant_storage_type(e);
        assert_true(eo_dtype_of_type(e, &dt));
        assert_int_equal(eo_tensor_alloc(&in[i], dt, eo_type_rank(t),
                                         eo_type_shape(t)), EO_OK);
        fill_random(&in[i], &seed);
    }
    eo_tensor go[2], lo[2];
    size_t ngo = 2, nlo = 2;
    if (eo_interp_run(gf, nin, in, &ngo, go) != EO_OK)
        fail_msg("graph interpreter: %s", f->last);
    if (eo_interp_run(lf, nin, in, &nlo, lo) != EO_OK)
        fail_msg("loop interpreter: %s", f->last);
    assert_int_equal(ngo, nlo);
    for (size_t i = 0; i < ngo; i++) {
        assert_int_equal(go[i].nbytes, lo[i].nbytes);
        assert_int_equal(eo_dtype_size(go[i].dtype),
                         eo_dtype_size(lo[i].dtype));
        assert_memory_equal(go[i].data, lo[i].data, go[i].nbytes);
        eo_tensor_free(&go[i]);
        eo_tensor_free(&lo[i]);
    }
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
    eo_op_destroy(g);
    eo_op_destroy(l);
}

#define QA "!quant.uniform<i8:f32, 2.500000e-02:-5>"
#define QB "!quant.uniform<i8:f32, 6.000000e-02:7>"
#define QY "!quant.uniform<i8:f32, 5.000000e-02:-128>"

/* quantize (with saturation) then dequantize, f32 in and out. */
static void
test_quantize_dequantize(void **state)
{
    check_same(*state,
        "func.func @f(%x: tensor<3x40xf32>) -> tensor<3x40xf32> {\n"
        "  %q = graph.quantize %x : (tensor<3x40xf32>) -> tensor<3x40x" QA ">\n"
        "  %d = graph.dequantize %q : (tensor<3x40x" QA
        ">) -> tensor<3x40xf32>\n"
        "  return %d : tensor<3x40xf32>\n"
        "}\n");
}

/* add with broadcasting and a fused relu; int8 in and out. */
static void
test_add(void **state)
{
    check_same(*state,
        "func.func @f(%a: tensor<1x2x3x4x" QA ">, %b: tensor<4x" QB
        ">) -> tensor<1x2x3x4x" QY "> {\n"
        "  %y = graph.add %a, %b {activation = \"relu\"} : (tensor<1x2x3x4x" QA
        ">, tensor<4x" QB ">) -> tensor<1x2x3x4x" QY ">\n"
        "  return %y : tensor<1x2x3x4x" QY ">\n"
        "}\n");
    check_same(*state,
        "func.func @f(%a: tensor<2x5x" QA ">, %b: tensor<2x5x" QA
        ">) -> tensor<2x5x" QB "> {\n"
        "  %y = graph.add %a, %b : (tensor<2x5x" QA ">, tensor<2x5x" QA
        ">) -> tensor<2x5x" QB ">\n"
        "  return %y : tensor<2x5x" QB ">\n"
        "}\n");
}

/* average pools: strided, padded (count_include_pad). */
static void
test_avg_pool(void **state)
{
    check_same(*state,
        "func.func @f(%x: tensor<1x3x6x5x" QA ">) -> tensor<1x3x3x2x" QA "> {\n"
        "  %y = graph.avg_pool %x {kernel = array<i64: 2, 3>, strides ="
        " array<i64: 2, 2>} : (tensor<1x3x6x5x" QA ">) -> tensor<1x3x3x2x" QA
        ">\n"
        "  return %y : tensor<1x3x3x2x" QA ">\n"
        "}\n");
    check_same(*state,
        "func.func @f(%x: tensor<1x2x4x4x" QB ">) -> tensor<1x2x4x4x" QB "> {\n"
        "  %y = graph.avg_pool %x {count_include_pad = true, kernel ="
        " array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>} :"
        " (tensor<1x2x4x4x" QB ">) -> tensor<1x2x4x4x" QB ">\n"
        "  return %y : tensor<1x2x4x4x" QB ">\n"
        "}\n");
}

/* A max pool on the stored values, strided with asymmetric padding
 * (padding taps never win). */
static void
test_max_pool(void **state)
{
    check_same(*state,
        "func.func @f(%x: tensor<1x3x6x5x" QB ">) -> tensor<1x3x3x3x" QB "> {\n"
        "  %y = graph.max_pool %x {kernel = array<i64: 3, 2>, pads ="
        " array<i64: 1, 1, 0, 0>, strides = array<i64: 2, 2>} :"
        " (tensor<1x3x6x5x" QB ">) -> tensor<1x3x3x3x" QB ">\n"
        "  return %y : tensor<1x3x3x3x" QB ">\n"
        "}\n");
}

/* requantize, relu and clip on int8 types: multipliers 0.025 / 0.06 (a
 * right shift), 0.06 / 0.05 and 0.05 / 0.025 (left shifts); relu (zero
 * point 7) and clip keep their quantization (bounds only). */
static void
test_rescale(void **state)
{
    check_same(*state,
        "func.func @f(%x: tensor<3x50x" QA ">) -> tensor<3x50x" QA "> {\n"
        "  %r = graph.requantize %x : (tensor<3x50x" QA ">) -> tensor<3x50x"
        QB ">\n"
        "  %v = graph.relu %r : (tensor<3x50x" QB ">) -> tensor<3x50x" QB
        ">\n"
        "  %u = graph.requantize %v : (tensor<3x50x" QB ">) -> tensor<3x50x"
        QY ">\n"
        "  %c = graph.clip %x {max = 1.000000e+00 : f32, min = -5.000000e-01"
        " : f32} : (tensor<3x50x" QA ">) -> tensor<3x50x" QA ">\n"
        "  %s = graph.requantize %u : (tensor<3x50x" QY ">) -> tensor<3x50x"
        QA ">\n"
        "  %y = graph.add %s, %c : (tensor<3x50x" QA ">, tensor<3x50x" QA
        ">) -> tensor<3x50x" QA ">\n"
        "  return %y : tensor<3x50x" QA ">\n"
        "}\n");
}

#define QAX                                                               \
    "!quant.uniform<i8:f32:1, {2.500000e-02:-5, 1.000000e-01:3, "         \
    "7.000000e-03:0}>"

/* Per-axis quantize (axis 1, with saturation) and dequantize. */
static void
test_qdq_axis(void **state)
{
    check_same(*state,
        "func.func @f(%x: tensor<2x3x7xf32>) -> tensor<2x3x7xf32> {\n"
        "  %q = graph.quantize %x : (tensor<2x3x7xf32>) -> tensor<2x3x7x"
        QAX ">\n"
        "  %d = graph.dequantize %q : (tensor<2x3x7x" QAX
        ">) -> tensor<2x3x7xf32>\n"
        "  return %d : tensor<2x3x7xf32>\n"
        "}\n");
}

#define QW                                                                \
    "!quant.uniform<i8:f32:0, {2.000000e-02, 3.000000e-02, 1.000000e-02}>"

/* A per-channel depthwise conv with relu6 (its output stage reads
 * per-channel constant tables), then a transpose and a reshape of the
 * quantized result and a gemm with trans_b, dequantized at the end. */
static void
test_conv_move_gemm(void **state)
{
    check_same(*state,
        "func.func @f(%x: tensor<1x3x5x5x" QA
        ">, %b: tensor<3xi32>) -> tensor<1x2xf32> {\n"
        "  %w = graph.constant dense<[[[[1, -2, 3], [4, 5, -6], [7, 8,"
        " 9]]], [[[-1, 2, -3], [4, -5, 6], [-7, 8, -9]]], [[[10, 20, 30],"
        " [-40, 50, 60], [70, -80, 90]]]]> : tensor<3x1x3x3xi8> as"
        " tensor<3x1x3x3x" QW ">\n"
        "  %c = graph.conv2d %x, %w, %b {activation = \"relu6\", groups ="
        " 3 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2,"
        " 2>} : (tensor<1x3x5x5x" QA ">, tensor<3x1x3x3x" QW
        ">, tensor<3xi32>) -> tensor<1x3x3x3x" QY ">\n"
        "  %t = graph.transpose %c {perm = array<i64: 0, 2, 3, 1>} :"
        " (tensor<1x3x3x3x" QY ">) -> tensor<1x3x3x3x" QY ">\n"
        "  %r = graph.reshape %t {shape = array<i64: 1, 27>} :"
        " (tensor<1x3x3x3x" QY ">) -> tensor<1x27x" QY ">\n"
        "  %g = graph.constant dense<3> : tensor<2x27xi8> as"
        " tensor<2x27x!quant.uniform<i8:f32, 1.000000e-02>>\n"
        "  %gb = graph.constant dense<[5, -7]> : tensor<2xi32>\n"
        "  %m = graph.gemm %r, %g, %gb {trans_b = true} : (tensor<1x27x" QY
        ">, tensor<2x27x!quant.uniform<i8:f32, 1.000000e-02>>,"
        " tensor<2xi32>) -> tensor<1x2x" QB ">\n"
        "  %d = graph.dequantize %m : (tensor<1x2x" QB ">) -> tensor<1x2xf32>\n"
        "  return %d : tensor<1x2xf32>\n"
        "}\n");
}

#define QW4                                                               \
    "!quant.uniform<i8:f32:0, {8.000000e-02, 3.000000e-02, 1.000000e-09, " \
    "2.000000e-03}>"
#define QO "!quant.uniform<i8:f32, 1.000000e-03:3>"

/* The folded output stage on every kind of multiplier: per channel
 * 0.025 * s_w / 0.001 is 2 (a left shift), 0.75 (no right shift),
 * 2.5e-8 (a right shift of 25: the zero point added after the shift)
 * and 0.05; with a constant bias (input zero point folded into it,
 * asymmetric zero-point padding) and with a bias argument (not
 * folded); then an NHWC per-tensor conv with a constant bias and relu,
 * and a matmul whose multiplier is above 1. */
static void
test_out_stage(void **state)
{
    static const char *conv =
        "func.func @f(%x: tensor<1x2x5x4x" QA
        ">, %b: tensor<4xi32>) -> tensor<1x4x5x4x" QO "> {\n"
        "  %w = graph.constant dense<[[[[1, -2], [3, 4]], [[5, 6], [-7, 8]]],"
        " [[[-1, 2], [-3, 4]], [[5, -6], [7, -8]]], [[[9, 9], [9, 9]],"
        " [[9, 9], [9, 9]]], [[[-9, 1], [2, 3]], [[4, 5], [6, -127]]]]> :"
        " tensor<4x2x2x2xi8> as tensor<4x2x2x2x" QW4 ">\n"
        "  %y = graph.conv2d %x, %w, %B {pads = array<i64: 0, 1, 1, 0>} :"
        " (tensor<1x2x5x4x" QA ">, tensor<4x2x2x2x" QW4 ">, tensor<4xi32>) ->"
        " tensor<1x4x5x4x" QO ">\n"
        "  return %y : tensor<1x4x5x4x" QO ">\n"
        "}\n";
    char text[2048];
    for (int folded = 0; folded < 2; folded++) {
        const char *p = strstr(conv, "%B");
        int n = (int)(p - conv);
        snprintf(text, sizeof text, "%.*s%s%s", n, conv,
                 folded ? "%c" : "%b", p + 2);
        if (folded) {       /* a constant bias before the conv */
            char *q = strstr(text, "  %y =");
            char rest[2048];
            snprintf(rest, sizeof rest, "%s", q);
            snprintf(q, sizeof text - (size_t)(q - text),
                     "  %%c = graph.constant dense<[100, -2000, 7, 30000]> :"
                     " tensor<4xi32>\n%s", rest);
        }
        check_same(*state, text);
    }
    check_same(*state,
        "func.func @f(%x: tensor<1x5x5x3x" QA ">) -> tensor<1x3x3x2x" QB
        "> {\n"
        "  %w = graph.constant dense<[[[[1, 2, 3]], [[-4, 5, 6]]], [[[7, 8,"
        " -9]], [[10, -11, 12]]]]> : tensor<2x2x1x3xi8> as"
        " tensor<2x2x1x3x!quant.uniform<i8:f32, 4.000000e-02>>\n"
        "  %b = graph.constant dense<[-300, 450]> : tensor<2xi32>\n"
        "  %y = graph.conv2d %x, %w, %b {activation = \"relu\", layout ="
        " \"NHWC\", pads = array<i64: 1, 0, 0, 1>, strides = array<i64: 2,"
        " 2>} : (tensor<1x5x5x3x" QA ">, tensor<2x2x1x3x!quant.uniform<i8:"
        "f32, 4.000000e-02>>, tensor<2xi32>) -> tensor<1x3x3x2x" QB ">\n"
        "  return %y : tensor<1x3x3x2x" QB ">\n"
        "}\n");
    check_same(*state,
        "func.func @f(%a: tensor<3x6x" QA ">) -> tensor<3x2x" QO "> {\n"
        "  %w = graph.constant dense<[[1, -2], [3, 4], [5, 6], [-7, 8],"
        " [9, 10], [11, -12]]> : tensor<6x2xi8> as"
        " tensor<6x2x!quant.uniform<i8:f32, 9.000000e-02:0>>\n"
        "  %y = graph.matmul %a, %w : (tensor<3x6x" QA ">, tensor<6x2x"
        "!quant.uniform<i8:f32, 9.000000e-02:0>>) -> tensor<3x2x" QO ">\n"
        "  return %y : tensor<3x2x" QO ">\n"
        "}\n");
}

/* A real int8 model (int8 in and out, ten gemms), bit-exact with the
 * graph interpreter. Skipped when the shared models are absent. */
static void
test_real_model(void **state)
{
    fixture *f = *state;
    const char *path =
        EO_TEST_SHARED_DIR "/models/mlperf-tiny/ad_autoencoder_int8_qdq.onnx";
    FILE *fp = fopen(path, "rb");
    if (!fp)
        skip();
    fclose(fp);
    eo_op *g = eo_onnx_import_file(f->ctx, path, NULL);
    eo_op *l = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(g);
    assert_non_null(l);
    assert_int_equal(run_pipeline(f, g, "graph-optimize"), EO_OK);
    if (run_pipeline(f, l, "graph-optimize," LOWER) != EO_OK)
        fail_msg("lowering failed: %s", f->last);
    int left = 0;
    eo_op_walk(l, EO_WALK_PRE, leftover_cb, &left);
    assert_int_equal(left, 0);
    eo_tensor in;
    int64_t shape[2] = {1, 640};
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_I8, 2, shape), EO_OK);
    unsigned seed = 3;
    fill_random(&in, &seed);
    eo_tensor go, lo;
    size_t ngo = 1, nlo = 1;
    assert_int_equal(eo_interp_run(first_func(g), 1, &in, &ngo, &go), EO_OK);
    assert_int_equal(eo_interp_run(first_func(l), 1, &in, &nlo, &lo), EO_OK);
    assert_int_equal(go.nbytes, lo.nbytes);
    assert_memory_equal(go.data, lo.data, go.nbytes);
    eo_tensor_free(&go);
    eo_tensor_free(&lo);
    eo_tensor_free(&in);
    eo_op_destroy(g);
    eo_op_destroy(l);
}

/* Casts that are not a quantized tensor's storage view are errors. */
static void
test_bad_cast(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%x: tensor<4xi8>) -> tensor<4xi16> {\n"
        "  %y = builtin.unrealized_conversion_cast %x : tensor<4xi8> to"
        " tensor<4xi16>\n"
        "  return %y : tensor<4xi16>\n"
        "}\n");
    assert_int_equal(run_pipeline(f, m, "tl-bufferize"), EO_ERROR);
    assert_non_null(strstr(f->last, "cannot bufferize"));
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_quantize_dequantize, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_avg_pool, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conv_move_gemm, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_out_stage, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_pool, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rescale, setup, teardown),
        cmocka_unit_test_setup_teardown(test_qdq_axis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_real_model, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_cast, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/graph/test_graph_qmul.c - quantized elementwise mul (issue #7):
 * the interpreter's kernel bit-exact with TFLite's MUL requantization
 * (product of the offset operands, one fixed-point multiplier
 * s_a s_b / s_y, output zero point, saturation) with broadcasting;
 * fold-qdq turning dq -> mul -> q into a quantized graph.mul within one
 * LSB of the float QDQ model; npu-map putting it on the elementwise unit
 * with the simulator bit-exact with the interpreter. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"
#include "targets/npu_map.h"
#include "targets/npu_sim.h"
#include "targets/targets.h"

#define QA "!quant.uniform<i8:f32, 5.0e-02:3>"
#define QB "!quant.uniform<i8:f32, 8.0e-02:-7>"
#define QY "!quant.uniform<i8:f32, 1.0e-01:1>"

static const double sa = 0.05, sb = 0.08, sy = 0.1;
static const int za = 3, zb = -7, zy = 1;

/* A [3, 4] by [1, 4] quantized mul (b broadcast over the rows). */
static const char mul_src[] =
    "func.func @main(%a: tensor<3x4x" QA ">, %b: tensor<1x4x" QB ">) -> "
    "tensor<3x4x" QY "> {\n"
    "  %y = graph.mul %a, %b : (tensor<3x4x" QA ">, tensor<1x4x" QB ">) "
    "-> tensor<3x4x" QY ">\n"
    "  return %y : tensor<3x4x" QY ">\n"
    "}\n";

/* TFLite's reference int8 MUL of one element. */
static int
ref_mul(int a, int b)
{
    int32_t q;
    int shift;
    eo_quant_multiplier(sa * sb / sy, &q, &shift);
    int64_t v = (int64_t)eo_quant_apply_multiplier(
                    (int32_t)((a - za) * (b - zb)), q, shift) + zy;
    return v < -128 ? -128 : v > 127 ? 127 : (int)v;
}

/* The float QDQ result of one element: dequantize, multiply in f32,
 * quantize (round half to even, saturate). */
static int
float_mul(int a, int b)
{
    float x = (float)(a - za) * (float)sa, w = (float)(b - zb) * (float)sb;
    float r = nearbyintf(x * w / (float)sy) + (float)zy;
    return r < -128 ? -128 : r > 127 ? 127 : (int)r;
}

static void
interp_kernel(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, mul_src);
    eo_tensor in[2], out[1];
    memset(out, 0, sizeof out);
    size_t nin = random_inputs(first_func(m), in, 2), nout = 1;
    assert_int_equal(nin, 2);
    /* Extremes: both saturating directions and the zero points. */
    int8_t *a = in[0].data, *b = in[1].data;
    a[0] = -128;
    a[1] = 127;
    a[2] = (int8_t)za;
    b[0] = 127;
    b[1] = 127;
    if (eo_interp_run(first_func(m), 2, in, &nout, out) != EO_OK)
        fail_msg("interpreter: %s", f->diags.data);
    assert_int_equal(nout, 1);
    assert_int_equal(out[0].dtype, EO_DT_I8);
    const int8_t *y = out[0].data;
    int worst = 0, sat_lo = 0, sat_hi = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) {
            int got = y[i * 4 + j];
            assert_int_equal(got, ref_mul(a[i * 4 + j], b[j]));
            int d = abs(got - float_mul(a[i * 4 + j], b[j]));
            worst = d > worst ? d : worst;
            sat_lo += got == -128;
            sat_hi += got == 127;
        }
    assert_true(worst <= 1);
    assert_int_equal(y[2], zy);                  /* a at its zero point */
    assert_true(sat_lo >= 1 || sat_hi >= 1);
    for (size_t i = 0; i < 2; i++)
        eo_tensor_free(&in[i]);
    eo_tensor_free(&out[0]);
    eo_op_destroy(m);
}

/* Per-axis operands are reported, not computed. */
static void
interp_per_axis(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @main(%a: tensor<2x!quant.uniform<i8:f32:0, {1.0e-01, "
        "2.0e-01}>>, %b: tensor<2x" QB ">) -> tensor<2x" QY "> {\n"
        "  %y = graph.mul %a, %b : (tensor<2x!quant.uniform<i8:f32:0, "
        "{1.0e-01, 2.0e-01}>>, tensor<2x" QB ">) -> tensor<2x" QY ">\n"
        "  return %y : tensor<2x" QY ">\n}\n";
    eo_op *m = parse(f, src);
    eo_tensor in[2], out[1];
    size_t nin = random_inputs(first_func(m), in, 2), nout = 1;
    assert_int_not_equal(eo_interp_run(first_func(m), nin, in, &nout, out),
                         EO_OK);
    assert_non_null(strstr(f->diags.data, "per-axis quantized mul"));
    for (size_t i = 0; i < 2; i++)
        eo_tensor_free(&in[i]);
    eo_op_destroy(m);
}

/* dq(a) * dq(b) -> q, b broadcast [4] against [2, 3, 4]. */
static const char qdq_src[] =
    "func.func @main(%x: tensor<2x3x4xf32>, %w: tensor<4xf32>) -> "
    "tensor<2x3x4xf32> {\n"
    "  %xq = graph.quantize %x : (tensor<2x3x4xf32>) -> tensor<2x3x4x" QA
    ">\n"
    "  %xd = graph.dequantize %xq : (tensor<2x3x4x" QA ">) -> "
    "tensor<2x3x4xf32>\n"
    "  %wq = graph.quantize %w : (tensor<4xf32>) -> tensor<4x" QB ">\n"
    "  %wd = graph.dequantize %wq : (tensor<4x" QB ">) -> tensor<4xf32>\n"
    "  %p = graph.mul %xd, %wd : (tensor<2x3x4xf32>, tensor<4xf32>) -> "
    "tensor<2x3x4xf32>\n"
    "  %pq = graph.quantize %p : (tensor<2x3x4xf32>) -> tensor<2x3x4x" QY
    ">\n"
    "  %pd = graph.dequantize %pq : (tensor<2x3x4x" QY ">) -> "
    "tensor<2x3x4xf32>\n"
    "  return %pd : tensor<2x3x4xf32>\n"
    "}\n";

static void
fold_mul(void **state)
{
    fixture *f = *state;
    /* Within one LSB of QY (0.1) of the float QDQ interpretation. */
    eo_op *m = check_pipeline(f, qdq_src, "func.func(fold-qdq)", NULL,
                              0.1 * 1.001);
    char *ir = print_ir(m);
    assert_int_equal(count_ops(m, "graph.mul"), 1);
    assert_int_equal(count_ops(m, "graph.quantize"), 2);
    assert_int_equal(count_ops(m, "graph.dequantize"), 1);
    assert_has(ir, "graph.mul %0, %1 : (tensor<2x3x4x!quant.uniform<i8:f32, "
                   "5.000000e-02:3>>, tensor<4x!quant.uniform<i8:f32, "
                   "8.000000e-02:-7>>) -> tensor<2x3x4x!quant.uniform<i8:"
                   "f32, 1.000000e-01:1>>");
    free(ir);
    eo_op_destroy(m);
}

/* A relu after the mul stays float (graph.mul has no activation). */
static void
fold_mul_relu_left(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @main(%x: tensor<4xf32>, %w: tensor<4xf32>) -> "
        "tensor<4x" QY "> {\n"
        "  %xq = graph.quantize %x : (tensor<4xf32>) -> tensor<4x" QA ">\n"
        "  %xd = graph.dequantize %xq : (tensor<4x" QA ">) -> "
        "tensor<4xf32>\n"
        "  %wq = graph.quantize %w : (tensor<4xf32>) -> tensor<4x" QB ">\n"
        "  %wd = graph.dequantize %wq : (tensor<4x" QB ">) -> "
        "tensor<4xf32>\n"
        "  %p = graph.mul %xd, %wd : (tensor<4xf32>, tensor<4xf32>) -> "
        "tensor<4xf32>\n"
        "  %r = graph.relu %p : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  %pq = graph.quantize %r : (tensor<4xf32>) -> tensor<4x" QY ">\n"
        "  return %pq : tensor<4x" QY ">\n"
        "}\n";
    eo_op *m = parse(f, src);
    run_pipeline(f, m, "func.func(fold-qdq)", NULL);
    assert_int_equal(count_ops(m, "graph.relu"), 1);
    char *ir = print_ir(m);
    assert_has(ir, "graph.mul %1, %3 : (tensor<4xf32>, tensor<4xf32>)");
    free(ir);
    eo_op_destroy(m);
}

/* A per-axis operand has no quantized mul: the chain stays float. */
static void
fold_mul_per_axis_left(void **state)
{
    fixture *f = *state;
#define QC "!quant.uniform<i8:f32:0, {1.0e-01, 2.0e-01}>"
    static const char src[] =
        "func.func @main(%x: tensor<2x" QC ">, %w: tensor<2xf32>) -> "
        "tensor<2x" QY "> {\n"
        "  %xd = graph.dequantize %x : (tensor<2x" QC ">) -> "
        "tensor<2xf32>\n"
        "  %wq = graph.quantize %w : (tensor<2xf32>) -> tensor<2x" QB ">\n"
        "  %wd = graph.dequantize %wq : (tensor<2x" QB ">) -> "
        "tensor<2xf32>\n"
        "  %p = graph.mul %xd, %wd : (tensor<2xf32>, tensor<2xf32>) -> "
        "tensor<2xf32>\n"
        "  %pq = graph.quantize %p : (tensor<2xf32>) -> tensor<2x" QY ">\n"
        "  return %pq : tensor<2x" QY ">\n"
        "}\n";
    eo_op *m = parse(f, src);
    run_pipeline(f, m, "func.func(fold-qdq)", NULL);
    char *ir = print_ir(m);
    assert_has(ir, "graph.mul %0, %2 : (tensor<2xf32>, tensor<2xf32>)");
    assert_int_equal(count_ops(m, "graph.quantize"), 2);
    free(ir);
    eo_op_destroy(m);
}

/* npu-map on stm32n6-npu: the quantized mul (rank 4, equal shapes) on
 * the elementwise unit; the simulator's result is the interpreter's,
 * byte for byte. */
static void
npu_ew_mul(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_npu_register_passes(f->ctx), EO_OK);
#define T4A "tensor<1x8x6x5x" QA ">"
#define T4B "tensor<1x8x6x5x" QB ">"
#define T4Y "tensor<1x8x6x5x" QY ">"
    static const char src[] =
        "func.func @main(%a: " T4A ", %b: " T4B ") -> " T4Y " {\n"
        "  %y = graph.mul %a, %b {name = \"m\"} : (" T4A ", " T4B ") -> "
        T4Y "\n"
        "  return %y : " T4Y "\n}\n";
    eo_op *m = parse(f, src);
    eo_tensor in[2], ref[1], got[1];
    memset(ref, 0, sizeof ref);
    memset(got, 0, sizeof got);
    size_t nin = random_inputs(first_func(m), in, 2), nref = 1, ngot = 1;
    if (eo_interp_run(first_func(m), nin, in, &nref, ref) != EO_OK)
        fail_msg("interpreter: %s", f->diags.data);
    run_pipeline(f, m, "npu-map{target=stm32n6-npu}", NULL);
    char *ir = print_ir(m);
    assert_has(ir, "op = \"mul\"");
    assert_non_null(strstr(ir, "npu.ew"));
    assert_null(strstr(ir, "graph.mul"));
    free(ir);
    eo_target *t = eo_target_load_named(f->ctx, "stm32n6-npu");
    assert_non_null(t);
    eo_npu_sim_stats st;
    if (eo_npu_sim_run(f->ctx, t, first_func(m), nin, in, &ngot, got, &st)
        != EO_OK)
        fail_msg("simulator: %s", f->diags.data);
    assert_int_equal(ngot, 1);
    assert_int_equal(got[0].nbytes, ref[0].nbytes);
    assert_memory_equal(got[0].data, ref[0].data, ref[0].nbytes);
    size_t distinct = 0;
    for (size_t i = 1; i < ref[0].nbytes; i++)
        distinct += ((int8_t *)ref[0].data)[i] != ((int8_t *)ref[0].data)[0];
    assert_true(distinct > 10);
    eo_npu_sim_stats_free(&st);
    eo_target_destroy(t);
    for (size_t i = 0; i < 2; i++)
        eo_tensor_free(&in[i]);
    eo_tensor_free(&ref[0]);
    eo_tensor_free(&got[0]);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(interp_kernel, setup, teardown),
        cmocka_unit_test_setup_teardown(interp_per_axis, setup, teardown),
        cmocka_unit_test_setup_teardown(fold_mul, setup, teardown),
        cmocka_unit_test_setup_teardown(fold_mul_relu_left, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(fold_mul_per_axis_left, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(npu_ew_mul, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

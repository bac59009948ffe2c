/* test/graph/test_graph_fold_qdq.c - the fold-qdq pass: QDQ chains around
 * conv2d, gemm, matmul, add, max_pool / avg_pool and reshape become
 * quantized ops, whose results stay within one LSB of the float-QDQ
 * interpretation; biases are reused or quantized; what is left alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

#define QX "!quant.uniform<i8:f32, 2.0e-02:3>"
#define QY "!quant.uniform<i8:f32, 5.0e-02:-10>"
#define QW "!quant.uniform<i8:f32:0, {1.0e-02, 2.0e-02, 3.0e-02}>"

/* conv (per-channel weights, f32 bias) -> relu -> q, then max_pool in the
 * quantized domain, then avg_pool and reshape. One LSB of QY is 0.05. */
static const char conv_src[] =
    "func.func @main(%x: tensor<1x2x4x4xf32>) -> tensor<1x6xf32> {\n"
    "  %xq = graph.quantize %x : (tensor<1x2x4x4xf32>) -> "
    "tensor<1x2x4x4x" QX ">\n"
    "  %xd = graph.dequantize %xq : (tensor<1x2x4x4x" QX ">) -> "
    "tensor<1x2x4x4xf32>\n"
    "  %wq = graph.constant dense<[[[[1, -2, 3]], [[4, 5, -6]]], [[[7, 8, "
    "9]], [[-10, 11, 12]]], [[[13, -14, 15]], [[16, 17, 18]]]]> : "
    "tensor<3x2x1x3xi8> as tensor<3x2x1x3x" QW ">\n"
    "  %wd = graph.dequantize %wq : (tensor<3x2x1x3x" QW ">) -> "
    "tensor<3x2x1x3xf32>\n"
    "  %b = graph.constant dense<[0.1, -0.2, 0.3]> : tensor<3xf32>\n"
    "  %c = graph.conv2d %xd, %wd, %b {name = \"conv1\", pads = "
    "array<i64: 0, 1, 0, 1>} : (tensor<1x2x4x4xf32>, tensor<3x2x1x3xf32>,"
    " tensor<3xf32>) -> tensor<1x3x4x4xf32>\n"
    "  %r = graph.relu %c : (tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>\n"
    "  %yq = graph.quantize %r : (tensor<1x3x4x4xf32>) -> "
    "tensor<1x3x4x4x" QY ">\n"
    "  %yd = graph.dequantize %yq : (tensor<1x3x4x4x" QY ">) -> "
    "tensor<1x3x4x4xf32>\n"
    "  %p = graph.max_pool %yd {kernel = array<i64: 2, 2>, strides = "
    "array<i64: 2, 2>} : (tensor<1x3x4x4xf32>) -> tensor<1x3x2x2xf32>\n"
    "  %pq = graph.quantize %p : (tensor<1x3x2x2xf32>) -> "
    "tensor<1x3x2x2x" QY ">\n"
    "  %pd = graph.dequantize %pq : (tensor<1x3x2x2x" QY ">) -> "
    "tensor<1x3x2x2xf32>\n"
    "  %a = graph.avg_pool %pd {kernel = array<i64: 1, 2>} : "
    "(tensor<1x3x2x2xf32>) -> tensor<1x3x2x1xf32>\n"
    "  %aq = graph.quantize %a : (tensor<1x3x2x1xf32>) -> "
    "tensor<1x3x2x1x" QY ">\n"
    "  %ad = graph.dequantize %aq : (tensor<1x3x2x1x" QY ">) -> "
    "tensor<1x3x2x1xf32>\n"
    "  %f = graph.reshape %ad {shape = array<i64: 1, 6>} : "
    "(tensor<1x3x2x1xf32>) -> tensor<1x6xf32>\n"
    "  %fq = graph.quantize %f : (tensor<1x6xf32>) -> tensor<1x6x" QY ">\n"
    "  %fd = graph.dequantize %fq : (tensor<1x6x" QY ">) -> "
    "tensor<1x6xf32>\n"
    "  return %fd : tensor<1x6xf32>\n"
    "}\n";

static void
conv_and_pools(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, conv_src, "func.func(fold-qdq)", NULL,
                              0.05 * 1.001);
    char *ir = print_ir(m);
    /* One quantize of the input, one dequantize of the output. */
    assert_int_equal(count_ops(m, "graph.quantize"), 1);
    assert_int_equal(count_ops(m, "graph.dequantize"), 1);
    assert_int_equal(count_ops(m, "graph.relu"), 0);
    /* The f32 bias quantized with s_x * s_w[o]. */
    assert_has(ir, "dense<[500, -500, 500]> : tensor<3xi32>");
    assert_has(ir, "activation = \"relu\", name = \"conv1\"");
    assert_has(ir, "tensor<3xi32>) -> tensor<1x3x4x4x!quant.uniform<i8:f32, "
                   "5.000000e-02:-10>>");
    assert_has(ir, "graph.max_pool %1");
    free(ir);
    eo_op_destroy(m);
}

/* gemm with an i32 quantized bias of the right scale (reused), matmul,
 * then an add of the two with relu6 (clip 0..6). */
static void
gemm_matmul_add(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<2x3xf32>) -> tensor<2x2xf32> {\n"
        "  %xq = graph.quantize %x : (tensor<2x3xf32>) -> tensor<2x3x"
        "!quant.uniform<i8:f32, 2.0e-02>>\n"
        "  %xd = graph.dequantize %xq : (tensor<2x3x!quant.uniform<i8:f32, "
        "2.0e-02>>) -> tensor<2x3xf32>\n"
        "  %wq = graph.constant dense<[[10, -20, 30], [40, 50, -60]]> : "
        "tensor<2x3xi8> as tensor<2x3x!quant.uniform<i8:f32:0, {1.0e-02, "
        "3.0e-02}>>\n"
        "  %wd = graph.dequantize %wq : (tensor<2x3x!quant.uniform<i8:f32:0,"
        " {1.0e-02, 3.0e-02}>>) -> tensor<2x3xf32>\n"
        "  %bq = graph.constant dense<[1000, -700]> : tensor<2xi32> as "
        "tensor<2x!quant.uniform<i32:f32:0, {2.0e-04, 6.0e-04}>>\n"
        "  %bd = graph.dequantize %bq : (tensor<2x!quant.uniform<i32:f32:0, "
        "{2.0e-04, 6.0e-04}>>) -> tensor<2xf32>\n"
        "  %g = graph.gemm %xd, %wd, %bd {trans_b = true} : "
        "(tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> "
        "tensor<2x2xf32>\n"
        "  %gq = graph.quantize %g : (tensor<2x2xf32>) -> tensor<2x2x"
        "!quant.uniform<i8:f32, 4.0e-02:5>>\n"
        "  %gd = graph.dequantize %gq : (tensor<2x2x!quant.uniform<i8:f32, "
        "4.0e-02:5>>) -> tensor<2x2xf32>\n"
        "  %vq = graph.constant dense<[[3, -4], [5, 6], [-7, 8]]> : "
        "tensor<3x2xi8> as tensor<3x2x!quant.uniform<i8:f32, 5.0e-02:1>>\n"
        "  %vd = graph.dequantize %vq : (tensor<3x2x!quant.uniform<i8:f32, "
        "5.0e-02:1>>) -> tensor<3x2xf32>\n"
        "  %mm = graph.matmul %xd, %vd : (tensor<2x3xf32>, tensor<3x2xf32>)"
        " -> tensor<2x2xf32>\n"
        "  %mq = graph.quantize %mm : (tensor<2x2xf32>) -> tensor<2x2x"
        "!quant.uniform<i8:f32, 3.0e-02:-2>>\n"
        "  %md = graph.dequantize %mq : (tensor<2x2x!quant.uniform<i8:f32, "
        "3.0e-02:-2>>) -> tensor<2x2xf32>\n"
        "  %s = graph.add %gd, %md : (tensor<2x2xf32>, tensor<2x2xf32>) -> "
        "tensor<2x2xf32>\n"
        "  %c = graph.clip %s {min = 0.0 : f32, max = 6.0 : f32} : "
        "(tensor<2x2xf32>) -> tensor<2x2xf32>\n"
        "  %sq = graph.quantize %c : (tensor<2x2xf32>) -> tensor<2x2x"
        "!quant.uniform<i8:f32, 6.0e-02:-128>>\n"
        "  %sd = graph.dequantize %sq : (tensor<2x2x!quant.uniform<i8:f32, "
        "6.0e-02:-128>>) -> tensor<2x2xf32>\n"
        "  return %sd : tensor<2x2xf32>\n"
        "}\n";
    /* One LSB of the add's output; its inputs may each be one LSB off,
     * which the add's rescale can round up to one more output LSB. */
    eo_op *m = check_pipeline(f, src, "func.func(fold-qdq)", NULL,
                              2 * 0.06 * 1.001);
    char *ir = print_ir(m);
    assert_int_equal(count_ops(m, "graph.quantize"), 1);
    assert_int_equal(count_ops(m, "graph.dequantize"), 1);
    assert_int_equal(count_ops(m, "graph.clip"), 0);
    assert_has(ir, "dense<[1000, -700]> : tensor<2xi32> as "
                   "tensor<2x!quant.uniform<i32:f32:0");
    assert_has(ir, "graph.add");
    assert_has(ir, "activation = \"relu6\"");
    free(ir);
    eo_op_destroy(m);
}

/* A float op between two QDQ pairs (sigmoid has no quantized form), a
 * conv whose result has another use, and a per-tensor-mismatched
 * max_pool stay float; q(dq(x)) to another type becomes a requantize. */
static void
leaves_non_matches(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<4xf32>) -> (tensor<4xf32>, "
        "tensor<4x!quant.uniform<i8:f32, 3.0e-02>>) {\n"
        "  %xq = graph.quantize %x : (tensor<4xf32>) -> tensor<4x"
        "!quant.uniform<i8:f32, 2.0e-02>>\n"
        "  %xd = graph.dequantize %xq : (tensor<4x!quant.uniform<i8:f32, "
        "2.0e-02>>) -> tensor<4xf32>\n"
        "  %s = graph.sigmoid %xd : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  %sq = graph.quantize %s : (tensor<4xf32>) -> tensor<4x"
        "!quant.uniform<i8:f32, 2.0e-02>>\n"
        "  %sd = graph.dequantize %sq : (tensor<4x!quant.uniform<i8:f32, "
        "2.0e-02>>) -> tensor<4xf32>\n"
        "  %r = graph.relu %sd : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  %rq = graph.quantize %r : (tensor<4xf32>) -> tensor<4x"
        "!quant.uniform<i8:f32, 3.0e-02>>\n"
        "  %rd = graph.dequantize %rq : (tensor<4x!quant.uniform<i8:f32, "
        "3.0e-02>>) -> tensor<4xf32>\n"
        "  %q2 = graph.quantize %sd : (tensor<4xf32>) -> tensor<4x"
        "!quant.uniform<i8:f32, 3.0e-02>>\n"
        "  return %rd, %q2 : tensor<4xf32>, tensor<4x!quant.uniform<i8:f32,"
        " 3.0e-02>>\n"
        "}\n";
    /* Storage units for the quantized output: one LSB. */
    eo_op *m = check_pipeline(f, src, "func.func(fold-qdq)", NULL, 1.0);
    assert_int_equal(count_ops(m, "graph.sigmoid"), 1);
    /* relu changes the quantization: stays float. */
    assert_int_equal(count_ops(m, "graph.relu"), 1);
    assert_int_equal(count_ops(m, "graph.requantize"), 1);
    eo_op_destroy(m);
}

/* MatMul + Add after a flatten: the dequantize sinks below the reshape
 * and the pair becomes one quantized gemm with an i32 bias. */
static void
matmul_bias(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<2x2x1x2xf32>) -> tensor<2x3xf32> {\n"
        "  %xq = graph.quantize %x : (tensor<2x2x1x2xf32>) -> tensor<2x2x1x2x"
        "!quant.uniform<i8:f32, 2.0e-02:-3>>\n"
        "  %xd = graph.dequantize %xq : (tensor<2x2x1x2x!quant.uniform<i8:"
        "f32, 2.0e-02:-3>>) -> tensor<2x2x1x2xf32>\n"
        "  %f = graph.flatten %xd : (tensor<2x2x1x2xf32>) -> "
        "tensor<2x4xf32>\n"
        "  %wq = graph.constant dense<[[1, 2, 3], [-4, 5, 6], [7, -8, 9], "
        "[10, 11, -12]]> : tensor<4x3xi8> as tensor<4x3x!quant.uniform<"
        "i8:f32, 1.0e-01>>\n"
        "  %wd = graph.dequantize %wq : (tensor<4x3x!quant.uniform<i8:f32, "
        "1.0e-01>>) -> tensor<4x3xf32>\n"
        "  %m = graph.matmul %f, %wd : (tensor<2x4xf32>, tensor<4x3xf32>) -> "
        "tensor<2x3xf32>\n"
        "  %b = graph.constant dense<[0.05, -0.024, 0.1]> : tensor<3xf32>\n"
        "  %a = graph.add %b, %m : (tensor<3xf32>, tensor<2x3xf32>) -> "
        "tensor<2x3xf32>\n"
        "  %q = graph.quantize %a : (tensor<2x3xf32>) -> tensor<2x3x"
        "!quant.uniform<i8:f32, 1.0e-02:4>>\n"
        "  %d = graph.dequantize %q : (tensor<2x3x!quant.uniform<i8:f32, "
        "1.0e-02:4>>) -> tensor<2x3xf32>\n"
        "  return %d : tensor<2x3xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(fold-qdq)", NULL,
                              0.01 * 1.001);
    assert_int_equal(count_ops(m, "graph.gemm"), 1);
    assert_int_equal(count_ops(m, "graph.matmul"), 0);
    assert_int_equal(count_ops(m, "graph.add"), 0);
    assert_int_equal(count_ops(m, "graph.dequantize"), 1);
    char *ir = print_ir(m);
    assert_has(ir, "dense<[25, -12, 50]> : tensor<3xi32>");
    free(ir);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(conv_and_pools, setup, teardown),
        cmocka_unit_test_setup_teardown(gemm_matmul_add, setup, teardown),
        cmocka_unit_test_setup_teardown(leaves_non_matches, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(matmul_bias, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

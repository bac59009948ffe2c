/* test/graph/test_graph_fold_bn.c - the graph-fold-batchnorm pass: conv2d
 * then batch_norm becomes one conv2d (NCHW and NHWC, with and without a
 * bias) computing the same; what it must leave alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

#define BN_PARAMS                                                       \
    "  %s = graph.constant dense<[1.5, -0.5, 2.0]> : tensor<3xf32>\n"    \
    "  %t = graph.constant dense<[0.1, 0.2, -0.3]> : tensor<3xf32>\n"    \
    "  %m = graph.constant dense<[0.5, -1.0, 0.25]> : tensor<3xf32>\n"   \
    "  %v = graph.constant dense<[1.0, 0.5, 4.0]> : tensor<3xf32>\n"     \
    "  %w = graph.constant dense<[[[[0.5, -1.0]], [[2.0, 0.25]]], "      \
    "[[[1.0, 1.5]], [[-0.5, 0.75]]], [[[-2.0, 0.5]], [[1.0, -1.0]]]]> : " \
    "tensor<3x2x1x2xf32>\n"

static void
folds_nchw_with_bias(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<1x2x3x3xf32>) -> tensor<1x3x3x2xf32> {\n"
        BN_PARAMS
        "  %b = graph.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>\n"
        "  %c = graph.conv2d %x, %w, %b {name = \"conv\"} : "
        "(tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>, tensor<3xf32>) -> "
        "tensor<1x3x3x2xf32>\n"
        "  %y = graph.batch_norm %c, %s, %t, %m, %v {epsilon = 1.0e-03 : "
        "f32} : (tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>, "
        "tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>\n"
        "  return %y : tensor<1x3x3x2xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-fold-batchnorm)",
                              NULL, 1e-5);
    assert_int_equal(count_ops(m, "graph.batch_norm"), 0);
    assert_int_equal(count_ops(m, "graph.conv2d"), 1);
    /* Only the folded weights and bias are left. */
    assert_int_equal(count_ops(m, "graph.constant"), 2);
    char *ir = print_ir(m);
    assert_has(ir, "name = \"conv\"");
    free(ir);
    eo_op_destroy(m);
}

static void
folds_nhwc_without_bias(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32> {\n"
        BN_PARAMS
        "  %c = graph.conv2d %x, %w {layout = \"NHWC\"} : "
        "(tensor<1x3x3x2xf32>, tensor<3x2x1x2xf32>) -> "
        "tensor<1x2x3x3xf32>\n"
        "  %y = graph.batch_norm %c, %s, %t, %m, %v {layout = \"NHWC\"} : "
        "(tensor<1x2x3x3xf32>, tensor<3xf32>, tensor<3xf32>, "
        "tensor<3xf32>, tensor<3xf32>) -> tensor<1x2x3x3xf32>\n"
        "  %r = graph.reshape %y {shape = array<i64: 1, 3, 3, 2>} : "
        "(tensor<1x2x3x3xf32>) -> tensor<1x3x3x2xf32>\n"
        "  return %r : tensor<1x3x3x2xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-fold-batchnorm)",
                              NULL, 1e-5);
    assert_int_equal(count_ops(m, "graph.batch_norm"), 0);
    char *ir = print_ir(m);
    assert_has(ir, "layout = \"NHWC\"");
    assert_has(ir, "tensor<1x3x3x2xf32>, tensor<3x2x1x2xf32>, "
                   "tensor<3xf32>) -> tensor<1x2x3x3xf32>");
    free(ir);
    eo_op_destroy(m);
}

/* A conv result used twice, a conv with a fused activation and a conv
 * with non-constant weights keep their batch_norm. */
static void
leaves_non_matches(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<1x2x3x3xf32>, %w2: tensor<3x2x1x2xf32>)"
        " -> (tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>, "
        "tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>) {\n"
        BN_PARAMS
        "  %c = graph.conv2d %x, %w : (tensor<1x2x3x3xf32>, "
        "tensor<3x2x1x2xf32>) -> tensor<1x3x3x2xf32>\n"
        "  %y = graph.batch_norm %c, %s, %t, %m, %v : (tensor<1x3x3x2xf32>,"
        " tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> "
        "tensor<1x3x3x2xf32>\n"
        "  %c2 = graph.conv2d %x, %w {activation = \"relu\"} : "
        "(tensor<1x2x3x3xf32>, tensor<3x2x1x2xf32>) -> "
        "tensor<1x3x3x2xf32>\n"
        "  %y2 = graph.batch_norm %c2, %s, %t, %m, %v : "
        "(tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>, "
        "tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>\n"
        "  %c3 = graph.conv2d %x, %w2 : (tensor<1x2x3x3xf32>, "
        "tensor<3x2x1x2xf32>) -> tensor<1x3x3x2xf32>\n"
        "  %y3 = graph.batch_norm %c3, %s, %t, %m, %v : "
        "(tensor<1x3x3x2xf32>, tensor<3xf32>, tensor<3xf32>, "
        "tensor<3xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>\n"
        "  return %c, %y, %y2, %y3 : tensor<1x3x3x2xf32>, "
        "tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>, tensor<1x3x3x2xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-fold-batchnorm)",
                              NULL, 0.0);
    assert_int_equal(count_ops(m, "graph.batch_norm"), 3);
    eo_op_destroy(m);
}

/* add(conv, per-channel constant) in both layouts becomes the conv's
 * bias; the add's relu moves to the conv. */
static void
folds_bias_add(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<1x2x3x3xf32>, %y: tensor<1x3x3x2xf32>) "
        "-> (tensor<1x3x3x2xf32>, tensor<1x2x3x3xf32>) {\n"
        BN_PARAMS
        "  %b = graph.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>\n"
        "  %k = graph.constant dense<[[[0.5]], [[-4.0]], [[0.25]]]> : "
        "tensor<3x1x1xf32>\n"
        "  %c = graph.conv2d %x, %w, %b : (tensor<1x2x3x3xf32>, "
        "tensor<3x2x1x2xf32>, tensor<3xf32>) -> tensor<1x3x3x2xf32>\n"
        "  %r = graph.add %k, %c {activation = \"relu\"} : "
        "(tensor<3x1x1xf32>, tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>\n"
        "  %c2 = graph.conv2d %y, %w {layout = \"NHWC\"} : "
        "(tensor<1x3x3x2xf32>, tensor<3x2x1x2xf32>) -> "
        "tensor<1x2x3x3xf32>\n"
        "  %r2 = graph.add %c2, %t : (tensor<1x2x3x3xf32>, tensor<3xf32>) "
        "-> tensor<1x2x3x3xf32>\n"
        "  return %r, %r2 : tensor<1x3x3x2xf32>, tensor<1x2x3x3xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-fold-batchnorm)",
                              NULL, 1e-6);
    assert_int_equal(count_ops(m, "graph.add"), 0);
    char *ir = print_ir(m);
    assert_has(ir, "dense<[1.500000e+00, -2.000000e+00, 3.250000e+00]>");
    assert_has(ir, "{activation = \"relu\"}");
    free(ir);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(folds_nchw_with_bias, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(folds_nhwc_without_bias, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(leaves_non_matches, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(folds_bias_add, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

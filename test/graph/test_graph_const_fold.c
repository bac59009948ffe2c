/* test/graph/test_graph_const_fold.c - the graph-const-fold pass: weight-
 * only subgraphs (dequantized int8 weights, transposed filters) become
 * constants (dense_resource blobs when large), whatever their size, and
 * the function computes the same. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

/* An int8 filter, dequantized then transposed from OHWI to OIHW, feeding
 * a float conv. */
static const char weights_src[] =
    "func.func @main(%x: tensor<1x2x3x3xf32>) -> tensor<1x4x3x3xf32> {\n"
    "  %wq = graph.constant dense<[[[[1, -2]], [[3, 4]]], [[[5, 6]], "
    "[[-7, 8]]], [[[9, 10]], [[11, -12]]], [[[13, 14]], [[15, 16]]]]> : "
    "tensor<4x2x1x2xi8> as tensor<4x2x1x2x!quant.uniform<i8:f32:0, "
    "{1.0e-01:0, 2.0e-01:0, 3.0e-01:1, 4.0e-01:-1}>>\n"
    "  %wd = graph.dequantize %wq : (tensor<4x2x1x2x!quant.uniform<i8:f32:0,"
    " {1.0e-01:0, 2.0e-01:0, 3.0e-01:1, 4.0e-01:-1}>>) -> "
    "tensor<4x2x1x2xf32>\n"
    "  %wt = graph.transpose %wd {perm = array<i64: 0, 3, 1, 2>} : "
    "(tensor<4x2x1x2xf32>) -> tensor<4x2x2x1xf32>\n"
    "  %c = graph.conv2d %x, %wt {name = \"conv\", pads = array<i64: 0, 0, "
    "1, 0>} : (tensor<1x2x3x3xf32>, tensor<4x2x2x1xf32>) -> "
    "tensor<1x4x3x3xf32>\n"
    "  return %c : tensor<1x4x3x3xf32>\n"
    "}\n";

static void
folds_weight_subgraph(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, weights_src, "func.func(graph-const-fold)",
                              NULL, 1e-6);
    assert_int_equal(count_ops(m, "graph.dequantize"), 0);
    assert_int_equal(count_ops(m, "graph.transpose"), 0);
    assert_int_equal(count_ops(m, "graph.constant"), 1);
    assert_int_equal(count_ops(m, "graph.conv2d"), 1);
    char *ir = print_ir(m);
    /* 16 elements: dense by default. */
    assert_has(ir, "graph.constant dense<[[[[1.000000e-01], "
                   "[3.000000e-01]], [[-2.000000e-01], [4.000000e-01]]], "
                   "[[[1.000000e+00], [-1.400000e+00]]");
    free(ir);
    eo_op_destroy(m);
}

static void
large_results_become_resources(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, weights_src,
                              "func.func(graph-const-fold{"
                              "max-dense-elements=4})", NULL, 1e-6);
    char *ir = print_ir(m);
    /* Named after the site of the folded op (the transpose). */
    assert_has(ir, "graph.constant dense_resource<test.mlir_4_9.folded>");
    assert_has(ir, ": tensor<4x2x2x1xf32>");
    eo_resource *r = eo_resource_lookup(f->ctx, "test.mlir_4_9.folded");
    assert_non_null(r);
    size_t size = 0;
    assert_non_null(eo_resource_data(r, &size));
    assert_int_equal(size, 16 * sizeof(float));
    free(ir);
    eo_op_destroy(m);
}

/* Ops with a non-constant operand stay; a constant used elsewhere too
 * stays; quantized results get the "as" form. */
static void
partial_and_quantized(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<4xf32>) -> (tensor<4xf32>, "
        "tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>) {\n"
        "  %a = graph.constant dense<[1.0, -2.0, 3.0, 4.25]> : "
        "tensor<4xf32>\n"
        "  %n = graph.neg %a : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  %s = graph.add %x, %a : (tensor<4xf32>, tensor<4xf32>) -> "
        "tensor<4xf32>\n"
        "  %t = graph.add %s, %n : (tensor<4xf32>, tensor<4xf32>) -> "
        "tensor<4xf32>\n"
        "  %q = graph.quantize %n : (tensor<4xf32>) -> "
        "tensor<4x!quant.uniform<i8:f32, 5.0e-01:1>>\n"
        "  return %t, %q : tensor<4xf32>, tensor<4x!quant.uniform<i8:f32, "
        "5.0e-01:1>>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-const-fold)", NULL,
                              0.0);
    assert_int_equal(count_ops(m, "graph.add"), 2);
    assert_int_equal(count_ops(m, "graph.neg"), 0);
    assert_int_equal(count_ops(m, "graph.quantize"), 0);
    char *ir = print_ir(m);
    assert_has(ir, "dense<[-1, 5, -5, -7]> : tensor<4xi8> as "
                   "tensor<4x!quant.uniform<i8:f32, 5.000000e-01:1>>");
    free(ir);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(folds_weight_subgraph, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(large_results_become_resources,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(partial_and_quantized, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

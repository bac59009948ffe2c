/* test/graph/test_graph_fold.c - the graph dialect's fold hook, through
 * canonicalize and eo_op_fold: constant evaluation (up to 4096 result
 * elements, not for dequantize or quantized results) and the identity
 * folds; results stay those of the interpreter. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

static void
folds_constant_arithmetic(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {\n"
        "  %a = graph.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : "
        "tensor<2x2xf32>\n"
        "  %b = graph.constant dense<[10.0, 20.0]> : tensor<2xf32>\n"
        "  %c = graph.add %a, %b : (tensor<2x2xf32>, tensor<2xf32>) -> "
        "tensor<2x2xf32>\n"
        "  %t = graph.transpose %c : (tensor<2x2xf32>) -> tensor<2x2xf32>\n"
        "  %r = graph.mul %x, %t : (tensor<2x2xf32>, tensor<2x2xf32>) -> "
        "tensor<2x2xf32>\n"
        "  return %r : tensor<2x2xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "canonicalize", NULL, 0.0);
    char *ir = print_ir(m);
    assert_int_equal(count_ops(m, "graph.add"), 0);
    assert_int_equal(count_ops(m, "graph.transpose"), 0);
    assert_int_equal(count_ops(m, "graph.mul"), 1);
    assert_has(ir, "dense<[[1.100000e+01, 1.300000e+01], "
                   "[2.200000e+01, 2.400000e+01]]> : tensor<2x2xf32>");
    free(ir);
    eo_op_destroy(m);
}

static void
identity_folds(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {\n"
        "  %z = graph.constant dense<0.0> : tensor<3xf32>\n"
        "  %o = graph.constant dense<1.0> : tensor<2x3xf32>\n"
        "  %0 = graph.reshape %x {shape = array<i64: 2, 3>} : "
        "(tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  %1 = graph.add %0, %z : (tensor<2x3xf32>, tensor<3xf32>) -> "
        "tensor<2x3xf32>\n"
        "  %2 = graph.mul %o, %1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> "
        "tensor<2x3xf32>\n"
        "  %3 = graph.sub %2, %z : (tensor<2x3xf32>, tensor<3xf32>) -> "
        "tensor<2x3xf32>\n"
        "  %4 = graph.transpose %3 {perm = array<i64: 0, 1>} : "
        "(tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  return %4 : tensor<2x3xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "canonicalize", NULL, 0.0);
    char *ir = print_ir(m);
    assert_has(ir, "return %arg0 : tensor<2x3xf32>");
    free(ir);
    eo_op_destroy(m);
}

/* x + 0 with a fused activation, or with a broadcast result, is no
 * identity; a 2x2 transpose by its default perm is none either. */
static void
no_false_identities(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<2x2xf32>, %y: tensor<2xf32>) -> "
        "(tensor<2x2xf32>, tensor<2x2xf32>, tensor<2x2xf32>) {\n"
        "  %z = graph.constant dense<0.0> : tensor<2x2xf32>\n"
        "  %0 = graph.add %x, %z {activation = \"relu\"} : "
        "(tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>\n"
        "  %1 = graph.add %y, %z : (tensor<2xf32>, tensor<2x2xf32>) -> "
        "tensor<2x2xf32>\n"
        "  %2 = graph.transpose %x : (tensor<2x2xf32>) -> tensor<2x2xf32>\n"
        "  return %0, %1, %2 : tensor<2x2xf32>, tensor<2x2xf32>, "
        "tensor<2x2xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "canonicalize", NULL, 0.0);
    assert_int_equal(count_ops(m, "graph.add"), 2);
    assert_int_equal(count_ops(m, "graph.transpose"), 1);
    eo_op_destroy(m);
}

/* Results over 4096 elements are left to graph-const-fold. */
static void
size_limit(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main() -> (tensor<4096xf32>, tensor<4097xf32>) {\n"
        "  %a = graph.constant dense<1.5> : tensor<4096xf32>\n"
        "  %b = graph.constant dense<1.5> : tensor<4097xf32>\n"
        "  %0 = graph.neg %a : (tensor<4096xf32>) -> tensor<4096xf32>\n"
        "  %1 = graph.neg %b : (tensor<4097xf32>) -> tensor<4097xf32>\n"
        "  return %0, %1 : tensor<4096xf32>, tensor<4097xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "canonicalize", NULL, 0.0);
    assert_int_equal(count_ops(m, "graph.neg"), 1);
    char *ir = print_ir(m);
    assert_has(ir, "dense<-1.500000e+00> : tensor<4096xf32>");
    free(ir);
    run_pipeline(f, m, "func.func(graph-const-fold)", NULL);
    assert_int_equal(count_ops(m, "graph.neg"), 0);
    eo_op_destroy(m);
}

/* dequantize of a constant stays (fold-qdq needs it), and so does
 * dequantize(quantize(x)) (lossy); quantize(dequantize(x)) back to x's
 * type and requantize to the same type fold to x. */
static void
quant_folds(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<4xf32>, %q: tensor<4x!quant.uniform<"
        "i8:f32, 1.0e-01:2>>) -> (tensor<4xf32>, tensor<4xf32>, "
        "tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>) {\n"
        "  %w = graph.constant dense<[1, 2, 3, 4]> : tensor<4xi8> as "
        "tensor<4x!quant.uniform<i8:f32, 5.0e-01>>\n"
        "  %wd = graph.dequantize %w : (tensor<4x!quant.uniform<i8:f32, "
        "5.0e-01>>) -> tensor<4xf32>\n"
        "  %xq = graph.quantize %x : (tensor<4xf32>) -> "
        "tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>\n"
        "  %xd = graph.dequantize %xq : (tensor<4x!quant.uniform<i8:f32, "
        "1.0e-01:2>>) -> tensor<4xf32>\n"
        "  %qd = graph.dequantize %q : (tensor<4x!quant.uniform<i8:f32, "
        "1.0e-01:2>>) -> tensor<4xf32>\n"
        "  %qq = graph.quantize %qd : (tensor<4xf32>) -> "
        "tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>\n"
        "  %rq = graph.requantize %qq : (tensor<4x!quant.uniform<i8:f32, "
        "1.0e-01:2>>) -> tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>\n"
        "  return %wd, %xd, %rq : tensor<4xf32>, tensor<4xf32>, "
        "tensor<4x!quant.uniform<i8:f32, 1.0e-01:2>>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "canonicalize", NULL, 0.0);
    assert_int_equal(count_ops(m, "graph.dequantize"), 2);
    assert_int_equal(count_ops(m, "graph.quantize"), 1);
    assert_int_equal(count_ops(m, "graph.requantize"), 0);
    char *ir = print_ir(m);
    assert_has(ir, "return %0, %2, %arg1");
    free(ir);
    eo_op_destroy(m);
}

/* eo_op_fold on a multi-result op sets every result. */
static void
folds_split(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main() -> (tensor<1xi32>, tensor<2xi32>) {\n"
        "  %a = graph.constant dense<[7, 8, 9]> : tensor<3xi32>\n"
        "  %0, %1 = graph.split %a {sizes = array<i64: 1, 2>} : "
        "(tensor<3xi32>) -> (tensor<1xi32>, tensor<2xi32>)\n"
        "  return %0, %1 : tensor<1xi32>, tensor<2xi32>\n"
        "}\n";
    eo_op *m = parse(f, src);
    eo_op *fn = first_func(m);
    eo_op *split = eo_op_next(eo_block_first(eo_region_first(
        eo_op_region(fn, 0))));
    assert_string_equal(eo_op_name_str(split), "graph.split");
    eo_fold_result res[2];
    bool folded = false;
    assert_int_equal(eo_op_fold(split, res, &folded), EO_OK);
    assert_true(folded);
    assert_non_null(res[0].attr);
    assert_non_null(res[1].attr);
    assert_int_equal(eo_attr_dense_int(res[0].attr, 0), 7);
    assert_int_equal(eo_attr_dense_int(res[1].attr, 1), 9);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(folds_constant_arithmetic, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(identity_folds, setup, teardown),
        cmocka_unit_test_setup_teardown(no_false_identities, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(size_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(quant_folds, setup, teardown),
        cmocka_unit_test_setup_teardown(folds_split, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

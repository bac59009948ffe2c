/* test/codegen/test_measure.c - eo_codegen_measure: a loop nest over
 * memrefs is JIT-compiled, run and timed (positive median, machine code
 * size from the emitted object), scalar results are handled, more work
 * takes longer, and what it cannot run is a diagnostic, not a crash.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    int errors;
    char first[256];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR && !f->errors++)
        snprintf(f->first, sizeof f->first, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)) ||
        eo_register_all_dialects(f->ctx) != EO_OK)
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
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, "measure.mlir", src, strlen(src),
                               NULL);
    assert_non_null(m);
    return m;
}

/* out[i] = sum_j a[j] * (i + j) for n x n work. */
#define KERNEL(N)                                                          \
    "func.func private @helper() {\n  return\n}\n"                          \
    "func.func @kernel(%a: memref<" #N "xf32>, %out: memref<" #N "xf32>)"   \
    " {\n"                                                                  \
    "  %c0 = arith.constant 0 : index\n"                                    \
    "  %c1 = arith.constant 1 : index\n"                                    \
    "  %n = arith.constant " #N " : index\n"                                \
    "  %z = arith.constant 0.0 : f32\n"                                     \
    "  scf.for %i = %c0 to %n step %c1 {\n"                                 \
    "    %s = scf.for %j = %c0 to %n step %c1 iter_args(%acc = %z)"         \
    " -> (f32) {\n"                                                         \
    "      %v = memref.load %a[%j] : memref<" #N "xf32>\n"                  \
    "      %k = arith.addi %i, %j : index\n"                                \
    "      %ki = arith.index_cast %k : index to i64\n"                      \
    "      %kf = arith.sitofp %ki : i64 to f32\n"                           \
    "      %p = arith.mulf %v, %kf : f32\n"                                 \
    "      %r = arith.addf %acc, %p : f32\n"                                \
    "      scf.yield %r : f32\n"                                            \
    "    }\n"                                                               \
    "    memref.store %s, %out[%i] : memref<" #N "xf32>\n"                  \
    "  }\n"                                                                 \
    "  return\n"                                                            \
    "}\n"

static void
test_measures_loops(void **state)
{
    fixture *f = *state;
    eo_op *small = parse(f, KERNEL(16));
    eo_op *big = parse(f, KERNEL(1024));
    double t_small = 0, t_big = 0;
    uint64_t code = 0, code2 = 0;
    assert_int_equal(eo_codegen_measure(small, 5, &t_small, &code), EO_OK);
    assert_int_equal(eo_codegen_measure(big, 3, &t_big, &code2), EO_OK);
    assert_true(t_small > 0);
    assert_true(t_big > t_small);           /* 4096x the work */
    assert_true(code > 16 && code < 65536);
    assert_true(code2 > 16);
    assert_int_equal(f->errors, 0);
    eo_op_destroy(small);
    eo_op_destroy(big);
}

static void
test_scalar_args_and_results(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%x: i32, %y: f64, %i: index) -> (i32, f64) {\n"
        "  %a = arith.addi %x, %x : i32\n"
        "  %b = arith.mulf %y, %y : f64\n"
        "  return %a, %b : i32, f64\n"
        "}\n");
    double t = -1;
    uint64_t code = 0;
    assert_int_equal(eo_codegen_measure(m, 0, &t, &code), EO_OK);
    assert_true(t >= 0);
    assert_int_equal(f->errors, 0);
    eo_op_destroy(m);
}

static void
test_errors(void **state)
{
    fixture *f = *state;
    double t;
    uint64_t code;
    eo_op *none = parse(f, "func.func private @p() {\n  return\n}\n");
    assert_int_equal(eo_codegen_measure(none, 1, &t, &code), EO_ERROR);
    assert_non_null(strstr(f->first, "no public func.func"));
    eo_op_destroy(none);
    f->errors = 0;
    eo_op *dyn = parse(f,
        "func.func @d(%a: memref<?xf32>) {\n  return\n}\n");
    assert_int_equal(eo_codegen_measure(dyn, 1, &t, &code), EO_ERROR);
    assert_non_null(strstr(f->first, "dynamic shape"));
    eo_op_destroy(dyn);
    f->errors = 0;
    eo_op *graph = parse(f,
        "func.func @g(%a: tensor<4xf32>) -> tensor<4xf32> {\n"
        "  %r = graph.relu %a : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  return %r : tensor<4xf32>\n"
        "}\n");
    assert_int_equal(eo_codegen_measure(graph, 1, &t, &code), EO_ERROR);
    assert_true(f->errors > 0);
    eo_op_destroy(graph);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_measures_loops, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_scalar_args_and_results, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/rewrite/test_sccp.c - the sccp pass run directly: a test dialect
 * takes part through its fold hook and materializer alone; values a
 * dialect cannot materialize stay; reads are never constants; in-place
 * folds leave the op as it was; constant branches and scf.if conditions
 * prune what runs; private callees see their callers' constants; a second
 * run finds nothing new. (Exact agreement with mlir-opt -sccp on generated
 * modules is checked in lit/rewrite/sccp-interop.test.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

static void
sccp_folds_through_a_test_dialect(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %a = \"t.const\"() {value = 2 : i32} : () -> i32\n"
        "  %b = \"t.const\"() {value = 3 : i32} : () -> i32\n"
        "  %s = \"t.add\"(%a, %b) : (i32, i32) -> i32\n"
        "  %z = \"t.const\"() {value = 0 : i32} : () -> i32\n"
        "  %q = \"t.add\"(%p, %z) : (i32, i32) -> i32\n"
        "  %l = \"t.load\"(%s) : (i32) -> i32\n"
        "  \"t.ret\"(%s, %q, %l) : (i32, i32, i32) -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    char *s = t_print(m);
    /* 2 + 3 became one materialized t.const 5 (the first t.add is
     * gone); x + 0 folds to x, which is not a constant (%p is unknown),
     * so that t.add stays as MLIR leaves it; the load stays. */
    assert_non_null(strstr(s, "value = 5 : i32"));
    assert_int_equal(t_count(m, "\"t.add\""), 1);
    assert_int_equal(t_count(m, "\"t.load\""), 1);
    free(s);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static void
sccp_keeps_in_place_folds_undone(void **state)
{
    eo_ctx *ctx = *state;
    /* arith.addi's canonical operand order puts constants on the right;
     * sccp learns nothing from that and must leave the op as it was. */
    eo_op *m = t_parse(ctx,
        "func.func @f(%x: i32) -> i32 {\n"
        "  %c = arith.constant 4 : i32\n"
        "  %0 = arith.addi %c, %x : i32\n"
        "  return %0 : i32\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    char *s = t_print(m);
    assert_non_null(strstr(s, "\"arith.addi\"(%0, %arg0)"));
    free(s);
    eo_op_destroy(m);
}

static void
sccp_prunes_constant_branches(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "func.func @f(%x: i32, %c: i1) -> (i32, i32) {\n"
        "  %false = arith.constant false\n"
        "  %c1 = arith.constant 1 : i32\n"
        "  %c9 = arith.constant 9 : i32\n"
        "  cf.cond_br %false, ^bb1(%x : i32), ^bb1(%c9 : i32)\n"
        "^bb1(%v: i32):\n"
        "  %r = scf.if %false -> i32 {\n"
        "    scf.yield %x : i32\n"
        "  } else {\n"
        "    %w = arith.addi %v, %c1 : i32\n"
        "    scf.yield %w : i32\n"
        "  }\n"
        "  %u = scf.if %c -> i32 {\n"
        "    scf.yield %c1 : i32\n"
        "  } else {\n"
        "    scf.yield %c9 : i32\n"
        "  }\n"
        "  return %r, %u : i32, i32\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    char *s = t_print(m);
    /* Both successor slots name ^bb1 and the edge is taken: %v joins %x
     * and 9, so it is not a constant and %r is not either. */
    assert_int_equal(t_count(m, "\"scf.if\""), 2);
    /* %u joins 1 and 9: not a constant. */
    assert_null(strstr(s, "value = 10 : i32"));
    free(s);
    eo_op_destroy(m);

    m = t_parse(ctx,
        "func.func @g(%x: i32) -> i32 {\n"
        "  %true = arith.constant true\n"
        "  %c1 = arith.constant 1 : i32\n"
        "  %c9 = arith.constant 9 : i32\n"
        "  cf.cond_br %true, ^bb1(%c9 : i32), ^bb2(%x : i32)\n"
        "^bb1(%v: i32):\n"
        "  %r = scf.if %true -> i32 {\n"
        "    %w = arith.addi %v, %c1 : i32\n"
        "    scf.yield %w : i32\n"
        "  } else {\n"
        "    scf.yield %x : i32\n"
        "  }\n"
        "  return %r : i32\n"
        "^bb2(%y: i32):\n"
        "  return %y : i32\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    s = t_print(m);
    /* Only ^bb1 runs, with %v = 9; the taken scf.if yields 10 and goes. */
    assert_non_null(strstr(s, "value = 10 : i32"));
    assert_int_equal(t_count(m, "\"scf.if\""), 0);
    free(s);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static void
sccp_is_interprocedural_for_private_callees(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "module {\n"
        "  func.func private @twice(%a: i32) -> i32 {\n"
        "    %0 = arith.addi %a, %a : i32\n"
        "    return %0 : i32\n"
        "  }\n"
        "  func.func private @varied(%a: i32) -> i32 {\n"
        "    %0 = arith.addi %a, %a : i32\n"
        "    return %0 : i32\n"
        "  }\n"
        "  func.func @main(%x: i32) -> (i32, i32, i32) {\n"
        "    %c3 = arith.constant 3 : i32\n"
        "    %0 = call @twice(%c3) : (i32) -> i32\n"
        "    %1 = call @twice(%c3) : (i32) -> i32\n"
        "    %2 = call @varied(%x) : (i32) -> i32\n"
        "    return %0, %1, %2 : i32, i32, i32\n"
        "  }\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    char *s = t_print(m);
    /* @twice always returns 6; @varied's argument is unknown. */
    assert_int_equal(t_count(m, "value = 6 : i32"), 2);
    assert_int_equal(t_count(m, "\"arith.addi\""), 1);
    free(s);
    /* A second run finds nothing more (it re-materializes the same
     * constants, in another order, as mlir-opt does). */
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    assert_int_equal(t_count(m, "value = 6 : i32"), 2);
    assert_int_equal(t_count(m, "\"arith.addi\""), 1);
    assert_int_equal(t_count(m, "\"func.call\""), 3);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(sccp_folds_through_a_test_dialect,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(sccp_keeps_in_place_folds_undone,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(sccp_prunes_constant_branches,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(
            sccp_is_interprocedural_for_private_callees, t_setup,
            t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

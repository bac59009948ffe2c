/* test/rewrite/test_cse.c - the cse pass run directly: pure duplicates,
 * reads with and without a write in between, scopes (nested regions see
 * the enclosing ones, isolated ops do not), dominance across blocks, and
 * dead ops met on the way. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

static void
pure_duplicates_are_merged(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %a = \"t.neg\"(%p) : (i32) -> i32\n"
        "  %b = \"t.neg\"(%p) : (i32) -> i32\n"
        "  %c = \"t.neg\"(%p) {x} : (i32) -> i32\n"
        "  \"t.print\"(%a, %b, %c) : (i32, i32, i32) -> ()\n"
        "  \"t.ret\"() : () -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "cse", m), EO_OK);
    /* Different attributes: not equal. */
    assert_int_equal(t_count(m, "\"t.neg\""), 2);
    eo_op *print = t_first(m, "t.print");
    assert_ptr_equal(eo_op_operand(print, 0), eo_op_operand(print, 1));
    assert_ptr_not_equal(eo_op_operand(print, 0), eo_op_operand(print, 2));
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static void
reads_merge_only_without_a_write_between(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %a = \"t.load\"(%p) : (i32) -> i32\n"
        "  %b = \"t.load\"(%p) : (i32) -> i32\n"
        "  \"t.store\"(%p, %a) : (i32, i32) -> ()\n"
        "  %c = \"t.load\"(%p) : (i32) -> i32\n"
        "  %d = \"t.neg\"(%p) : (i32) -> i32\n"
        "  %e = \"t.load\"(%p) : (i32) -> i32\n"
        "  \"t.print\"(%a, %b, %c, %e) : (i32, i32, i32, i32) -> ()\n"
        "  \"t.ret\"() : () -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "cse", m), EO_OK);
    eo_op *print = t_first(m, "t.print");
    assert_ptr_equal(eo_op_operand(print, 0), eo_op_operand(print, 1));
    assert_ptr_not_equal(eo_op_operand(print, 1), eo_op_operand(print, 2));
    assert_ptr_equal(eo_op_operand(print, 2), eo_op_operand(print, 3));
    assert_int_equal(t_count(m, "\"t.load\""), 2);
    /* The dead neg is erased on the way. */
    assert_int_equal(t_count(m, "\"t.neg\""), 0);
    eo_op_destroy(m);
}

static void
scopes_follow_regions(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "func.func @f(%a: i32, %c: i1) -> (i32, i32) {\n"
        "  %0 = arith.addi %a, %a : i32\n"
        "  %1 = scf.if %c -> i32 {\n"
        "    %2 = arith.addi %a, %a : i32\n"
        "    scf.yield %2 : i32\n"
        "  } else {\n"
        "    %3 = arith.muli %a, %a : i32\n"
        "    scf.yield %3 : i32\n"
        "  }\n"
        "  %4 = arith.muli %a, %a : i32\n"
        "  return %1, %4 : i32, i32\n"
        "}\n"
        "func.func @g(%a: i32) -> i32 {\n"
        "  %0 = arith.addi %a, %a : i32\n"
        "  return %0 : i32\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "cse", m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    /* The addi in the then-region folds into %0; the muli in the else
     * region does not dominate %4, so both stay; @g keeps its own. */
    assert_int_equal(t_count(m, "\"arith.addi\""), 2);
    assert_int_equal(t_count(m, "\"arith.muli\""), 2);
    eo_op_destroy(m);
}

static void
dominance_across_blocks(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "func.func @f(%a: i32, %c: i1) -> i32 {\n"
        "  %0 = arith.addi %a, %a : i32\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n"
        "  %1 = arith.addi %a, %a : i32\n"
        "  %2 = arith.subi %1, %a : i32\n"
        "  cf.br ^bb3(%2 : i32)\n"
        "^bb2:\n"
        "  %3 = arith.subi %0, %a : i32\n"
        "  cf.br ^bb3(%3 : i32)\n"
        "^bb3(%v: i32):\n"
        "  %4 = arith.subi %0, %a : i32\n"
        "  %5 = arith.addi %4, %v : i32\n"
        "  return %5 : i32\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "cse", m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    /* %1 -> %0 (entry dominates ^bb1); the three subi stay (siblings and
     * ^bb3 are not dominated by ^bb1 or ^bb2). */
    assert_int_equal(t_count(m, "\"arith.addi\""), 2);
    assert_int_equal(t_count(m, "\"arith.subi\""), 3);
    eo_op_destroy(m);
}

static void
equal_region_ops_are_merged(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "func.func @f(%a: i32, %c: i1) -> (i32, i32) {\n"
        "  %1 = scf.if %c -> i32 {\n"
        "    %2 = arith.addi %a, %a : i32\n"
        "    scf.yield %2 : i32\n"
        "  } else {\n"
        "    scf.yield %a : i32\n"
        "  }\n"
        "  %3 = scf.if %c -> i32 {\n"
        "    %4 = arith.addi %a, %a : i32\n"
        "    scf.yield %4 : i32\n"
        "  } else {\n"
        "    scf.yield %a : i32\n"
        "  }\n"
        "  return %1, %3 : i32, i32\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "cse", m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(t_count(m, "\"scf.if\""), 1);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(pure_duplicates_are_merged, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(
            reads_merge_only_without_a_write_between, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(scopes_follow_regions, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(dominance_across_blocks, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(equal_region_ops_are_merged, t_setup,
                                        t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

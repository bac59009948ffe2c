/* test/rewrite/test_block_simplify.c - -canonicalize with
 * region-simplify=aggressive: identical blocks merged (mismatched outside
 * operands become leader arguments, predecessors' successor operands are
 * appended, cf.cond_br segments and cf.switch case segments stay right),
 * redundant new arguments pruned, redundant block arguments dropped; and
 * what must not merge. Expected shapes are mlir-opt 19's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

/* Runs canonicalize with 'options' on the module in 'src' (verified
 * before and after) and returns its function @f. */
static eo_op *
canon(eo_ctx *ctx, const char *src, const char *options, eo_op **module)
{
    eo_op *m = t_parse(ctx, src);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_pass_manager *pm = eo_pm_create(ctx, "builtin.module", NULL);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pass(pm, "canonicalize", options), EO_OK);
    assert_int_equal(eo_pm_run(pm, m, NULL), EO_OK);
    eo_pm_destroy(pm);
    assert_int_equal(eo_op_verify(m), EO_OK);
    *module = m;
    return t_first(m, "func.func");
}

static size_t
num_blocks(eo_op *fn)
{
    return eo_region_num_blocks(eo_op_region(fn, 0));
}

static eo_block *
block_at(eo_op *fn, size_t i)
{
    eo_block *b = eo_region_first(eo_op_region(fn, 0));
    while (b && i--)
        b = eo_block_next(b);
    return b;
}

static void
merges_blocks_with_new_argument(void **state)
{
    eo_ctx *ctx = *state;
    /* Three stores of different values: one block with one argument;
     * cf.switch's case operands grow with their segments. */
    const char *src =
        "func.func @f(%f: i32, %a: i32, %b: i32, %d: i32,"
        " %m: memref<i32>) {\n"
        "  cf.switch %f : i32, [ default: ^bb1, 1: ^bb2, 2: ^bb3 ]\n"
        "^bb1:\n  memref.store %a, %m[] : memref<i32>\n  cf.br ^bb4\n"
        "^bb2:\n  memref.store %b, %m[] : memref<i32>\n  cf.br ^bb4\n"
        "^bb3:\n  memref.store %d, %m[] : memref<i32>\n  cf.br ^bb4\n"
        "^bb4:\n  return\n}\n";
    eo_op *m;
    eo_op *fn = canon(ctx, src, "region-simplify=aggressive", &m);
    /* cf patterns then fold ^bb4 into the merged block. */
    assert_int_equal(num_blocks(fn), 2);
    eo_block *b1 = block_at(fn, 1);
    assert_int_equal(eo_block_num_args(b1), 1);
    eo_op *sw = eo_block_last(block_at(fn, 0));
    assert_string_equal(eo_op_name_str(sw), "cf.switch");
    assert_int_equal(eo_op_num_operands(sw), 4);
    for (size_t i = 0; i < 3; i++)
        assert_ptr_equal(eo_op_successor(sw, i), b1);
    /* The values passed, in successor order: %a, %b, %d. */
    eo_block *entry = block_at(fn, 0);
    for (size_t i = 0; i < 3; i++)
        assert_ptr_equal(eo_op_operand(sw, 1 + i),
                         eo_block_arg(entry, 1 + i));
    eo_op_destroy(m);
}

static void
normal_level_merges_nothing(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "func.func @f(%c: i1, %a: i32, %b: i32, %m: memref<i32>) {\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n  memref.store %a, %m[] : memref<i32>\n  return\n"
        "^bb2:\n  memref.store %b, %m[] : memref<i32>\n  return\n}\n";
    eo_op *m;
    eo_op *fn = canon(ctx, src, "", &m);
    assert_int_equal(num_blocks(fn), 3);
    eo_op_destroy(m);
    fn = canon(ctx, src, "region-simplify=aggressive", &m);
    /* Merged; the cond_br to one block with two values becomes a
     * select (a cf pattern), leaving one block. */
    assert_int_equal(num_blocks(fn), 1);
    assert_non_null(t_first(m, "arith.select"));
    eo_op_destroy(m);
}

static void
prunes_duplicate_new_arguments(void **state)
{
    eo_ctx *ctx = *state;
    /* Both mismatched operands carry the same value in each block: one
     * argument, one select. */
    const char *src =
        "func.func @f(%c: i1, %a: i32, %b: i32, %m: memref<i32>) -> i32 {\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n  memref.store %a, %m[] : memref<i32>\n"
        "  return %a : i32\n"
        "^bb2:\n  memref.store %b, %m[] : memref<i32>\n"
        "  return %b : i32\n}\n";
    eo_op *m;
    canon(ctx, src, "region-simplify=aggressive", &m);
    assert_int_equal(t_count(m, "\"arith.select\""), 1);
    eo_op_destroy(m);
}

static void
drops_redundant_arguments(void **state)
{
    eo_ctx *ctx = *state;
    /* %s reaches the loop header unchanged from both predecessors. */
    const char *src =
        "func.func @f(%n: index, %s: index, %m: memref<index>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  cf.br ^bb1(%c0, %s : index, index)\n"
        "^bb1(%i: index, %st: index):\n"
        "  %lt = arith.cmpi slt, %i, %n : index\n"
        "  cf.cond_br %lt, ^bb2, ^bb3\n"
        "^bb2:\n"
        "  memref.store %i, %m[] : memref<index>\n"
        "  %i1 = arith.addi %i, %st : index\n"
        "  cf.br ^bb1(%i1, %s : index, index)\n"
        "^bb3:\n  return\n}\n";
    eo_op *m;
    eo_op *fn = canon(ctx, src, "region-simplify=aggressive", &m);
    assert_int_equal(num_blocks(fn), 4);
    assert_int_equal(eo_block_num_args(block_at(fn, 1)), 1);
    eo_op *add = t_first(m, "arith.addi");
    assert_ptr_equal(eo_op_operand(add, 1), eo_block_arg(block_at(fn, 0), 1));
    eo_op_destroy(m);
    /* The normal level keeps it (it is used). */
    fn = canon(ctx, src, "", &m);
    assert_int_equal(eo_block_num_args(block_at(fn, 1)), 2);
    eo_op_destroy(m);
}

static void
keeps_blocks_that_differ(void **state)
{
    eo_ctx *ctx = *state;
    /* In-block operands in different positions, different attributes,
     * different operand types: nothing merges. */
    const char *srcs[] = {
        "func.func @f(%c: i1, %a: i32, %b: i32, %m: memref<i32>) {\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n  %x = arith.addi %a, %b : i32\n"
        "  %x2 = arith.muli %x, %a : i32\n"
        "  memref.store %x2, %m[] : memref<i32>\n  return\n"
        "^bb2:\n  %y = arith.addi %a, %b : i32\n"
        "  %y2 = arith.muli %a, %y : i32\n"
        "  memref.store %y2, %m[] : memref<i32>\n  return\n}\n",
        "func.func @f(%c: i1, %a: i32, %b: i32) -> i32 {\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n  %x = arith.addi %a, %b overflow<nsw> : i32\n"
        "  return %x : i32\n"
        "^bb2:\n  %y = arith.addi %a, %b : i32\n  return %y : i32\n}\n",
        "func.func @f(%c: i1, %a: i32, %b: i64, %m: memref<i32>,"
        " %n: memref<i64>) {\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n  memref.store %a, %m[] : memref<i32>\n  return\n"
        "^bb2:\n  memref.store %b, %n[] : memref<i64>\n  return\n}\n",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
        eo_op *m;
        eo_op *fn = canon(ctx, srcs[i], "region-simplify=aggressive", &m);
        assert_int_equal(num_blocks(fn), 3);
        eo_op_destroy(m);
    }
}

static void
merges_in_nested_regions(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "func.func @f(%c: i1, %a: f32, %b: f32, %m: memref<f32>) {\n"
        "  scf.execute_region {\n"
        "    cf.cond_br %c, ^bb1, ^bb2\n"
        "  ^bb1:\n    memref.store %a, %m[] : memref<f32>\n    scf.yield\n"
        "  ^bb2:\n    memref.store %b, %m[] : memref<f32>\n    scf.yield\n"
        "  }\n  return\n}\n";
    eo_op *m;
    canon(ctx, src, "region-simplify=aggressive", &m);
    /* Merged, then the single-block region is inlined by scf's pattern. */
    assert_null(t_first(m, "scf.execute_region"));
    assert_int_equal(t_count(m, "\"memref.store\""), 1);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(merges_blocks_with_new_argument,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(normal_level_merges_nothing,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(prunes_duplicate_new_arguments,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(drops_redundant_arguments,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(keeps_blocks_that_differ,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(merges_in_nested_regions,
                                        t_setup, t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

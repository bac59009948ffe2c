/* test/rewrite/test_greedy.c - pattern sets and the greedy driver:
 * folding to a fixpoint with constants deduplicated and hoisted, pattern
 * order by benefit, dead-op removal, the non-convergence diagnostic, and
 * the canonicalize pass run directly (no pass manager). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

#include <stdio.h>

static eo_op *
nth_op(eo_block *b, size_t n)
{
    eo_op *o = eo_block_first(b);
    while (o && n--)
        o = eo_op_next(o);
    return o;
}

static eo_block *
func_body(eo_op *m)
{
    return eo_region_first(eo_op_region(eo_block_first(eo_module_body(m)),
                                        0));
}

static void
folds_to_a_fixpoint_and_hoists_constants(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "\"t.func\"() ({\n"
        "^bb0(%p0: i32):\n"
        "  %a = \"t.load\"(%p0) : (i32) -> i32\n"
        "  %c1 = \"t.const\"() {value = 1 : i32} : () -> i32\n"
        "  %s = \"t.add\"(%c1, %c1) : (i32, i32) -> i32\n"
        "  %t = \"t.add\"(%s, %c1) : (i32, i32) -> i32\n"
        "  %u = \"t.add\"(%a, %t) : (i32, i32) -> i32\n"
        "  %c3 = \"t.const\"() {value = 3 : i32} : () -> i32\n"
        "  \"t.print\"(%u, %c3) : (i32, i32) -> ()\n"
        "  \"t.ret\"() : () -> ()\n"
        "}) : () -> ()\n";
    eo_op *m = t_parse(ctx, src);
    assert_non_null(m);
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    bool changed = false;
    assert_int_equal(eo_apply_patterns_greedily(m, ps, NULL, NULL, &changed),
                     EO_OK);
    assert_true(changed);
    eo_block *b = func_body(m);
    /* One constant 3, at the front; the add of %a and 3 with the constant
     * on the right; the dead load is kept (it reads memory). */
    eo_op *c = nth_op(b, 0);
    assert_string_equal(eo_op_name_str(c), "t.const");
    assert_int_equal(eo_attr_int_value(eo_op_attr(c, "value")), 3);
    assert_int_equal(t_count(m, "\"t.const\""), 1);
    assert_int_equal(t_count(m, "\"t.add\""), 1);
    eo_op *add = t_first(m, "t.add");
    assert_ptr_equal(eo_op_operand(add, 1), eo_op_result(c, 0));
    eo_op *print = t_first(m, "t.print");
    assert_ptr_equal(eo_op_operand(print, 1), eo_op_result(c, 0));
    assert_int_equal(eo_op_verify(m), EO_OK);
    /* A second run finds nothing to do. */
    assert_int_equal(eo_apply_patterns_greedily(m, ps, NULL, NULL, &changed),
                     EO_OK);
    assert_false(changed);
    eo_pattern_set_destroy(ps);
    eo_op_destroy(m);
}

static void
dead_ops_are_erased(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "\"t.func\"() ({\n"
        "^bb0(%p0: i32):\n"
        "  %a = \"t.load\"(%p0) : (i32) -> i32\n"
        "  %n = \"t.neg\"(%a) : (i32) -> i32\n"
        "  %m = \"t.neg\"(%n) : (i32) -> i32\n"
        "  %p = \"t.alloc\"() : () -> i32\n"
        "  \"t.store\"(%a, %a) : (i32, i32) -> ()\n"
        "  \"t.ret\"() : () -> ()\n"
        "}) : () -> ()\n";
    eo_op *m = t_parse(ctx, src);
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    cfg.bottom_up = true;
    assert_int_equal(eo_apply_patterns_greedily(m, ps, &cfg, NULL, NULL),
                     EO_OK);
    assert_int_equal(t_count(m, "\"t.neg\""), 0);
    assert_int_equal(t_count(m, "\"t.alloc\""), 0);
    assert_int_equal(t_count(m, "\"t.load\""), 1);
    assert_int_equal(t_count(m, "\"t.store\""), 1);
    assert_int_equal(t_count(m, "\"t.ret\""), 1);
    eo_pattern_set_destroy(ps);
    eo_op_destroy(m);
}

/* Patterns that record their name and never match. */
static eo_strbuf order;

static eo_rewrite_result
record(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)op;
    (void)rw;
    eo_strbuf_printf(&order, "%s ", pat->name);
    return EO_REWRITE_NO_MATCH;
}

static const eo_pattern rec_patterns[] = {
    { "neg-1", "t.neg", 1, record, NULL },
    { "neg-5", "t.neg", 5, record, NULL },
    { "any-5", NULL, 5, record, NULL },
    { "any-9", NULL, 9, record, NULL },
    { "neg-5b", "t.neg", 5, record, NULL },
    { "print-7", "t.print", 7, record, NULL },
};

static void
patterns_are_tried_by_benefit(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "\"t.func\"() ({\n"
                            "^bb0(%p0: i32):\n"
                            "  %a = \"t.load\"(%p0) : (i32) -> i32\n"
                            "  %n = \"t.neg\"(%a) : (i32) -> i32\n"
                            "  \"t.print\"(%n) : (i32) -> ()\n"
                            "  \"t.ret\"() : () -> ()\n"
                            "}) : () -> ()\n");
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    for (size_t i = 0; i < sizeof(rec_patterns) / sizeof(*rec_patterns); i++)
        assert_int_equal(eo_pattern_set_add(ps, &rec_patterns[i]), EO_OK);
    assert_int_equal(eo_pattern_set_size(ps), 6);
    memset(&order, 0, sizeof(order));
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    cfg.max_iterations = 1;
    assert_int_equal(eo_apply_patterns_greedily(m, ps, &cfg, NULL, NULL),
                     EO_OK);
    /* Top-down: t.func, load, neg, print, ret; rooted before any-op on
     * equal benefit; equal benefits keep insertion order. */
    assert_string_equal(order.data,
                        "any-9 any-5 "                          /* func */
                        "any-9 any-5 "                          /* load */
                        "any-9 neg-5 neg-5b any-5 neg-1 "       /* neg */
                        "any-9 print-7 any-5 "                  /* print */
                        "any-9 any-5 ");                        /* ret */
    eo_strbuf_free(&order);
    eo_pattern_set_destroy(ps);
    eo_op_destroy(m);
}

static void
ping_pong_does_not_converge(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "\"t.ping\"() : () -> ()\n");
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    assert_int_equal(eo_pattern_set_add(ps, &t_ping_pattern), EO_OK);
    assert_int_equal(eo_pattern_set_add(ps, &t_pong_pattern), EO_OK);
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    cfg.max_iterations = 3;
    bool changed = false;
    assert_int_equal(eo_apply_patterns_greedily(m, ps, &cfg, NULL, &changed),
                     EO_ERROR);
    assert_true(changed);
    assert_non_null(strstr(t_diag_text(), "greedy pattern application did "
                                          "not converge after 3 "
                                          "iterations"));
    /* Still one valid op (ping or pong). */
    assert_int_equal(t_count(m, "\"t.p"), 1);
    eo_pattern_set_destroy(ps);
    eo_op_destroy(m);
}

static void
canonicalize_pass_uses_registered_patterns(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "\"t.func\"() ({\n"
                            "^bb0(%p0: i32):\n"
                            "  %a = \"t.load\"(%p0) : (i32) -> i32\n"
                            "  %n = \"t.neg\"(%a) : (i32) -> i32\n"
                            "  %k = \"t.neg\"(%n) : (i32) -> i32\n"
                            "  %c0 = \"t.const\"() {value = 0 : i32} : "
                            "() -> i32\n"
                            "  %z = \"t.add\"(%c0, %k) : (i32, i32) -> i32\n"
                            "  \"t.print\"(%z) : (i32) -> ()\n"
                            "  \"t.ret\"() : () -> ()\n"
                            "}) : () -> ()\n");
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    assert_int_equal(eo_pattern_set_add_canonicalization(ps), EO_OK);
    assert_true(eo_pattern_set_size(ps) >= 1);
    eo_pattern_set_destroy(ps);
    /* Without a pass manager: NULL pass context and options. */
    assert_int_equal(t_run_pass(ctx, "canonicalize", m), EO_OK);
    eo_op *print = t_first(m, "t.print");
    eo_op *load = t_first(m, "t.load");
    assert_ptr_equal(eo_op_operand(print, 0), eo_op_result(load, 0));
    assert_int_equal(t_count(m, "\"t.neg\""), 0);
    assert_int_equal(t_count(m, "\"t.add\""), 0);
    assert_int_equal(t_count(m, "\"t.const\""), 0);
    eo_op_destroy(m);
}

static void
canonicalize_simplifies_regions(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "func.func @f(%a: i32, %c: i1) -> i32 {\n"
        "  cf.cond_br %c, ^bb1(%a, %a : i32, i32), ^bb2\n"
        "^bb1(%p: i32, %q: i32):\n"
        "  return %p : i32\n"
        "^bb2:\n"
        "  return %a : i32\n"
        "^bb3:\n"
        "  %d = arith.addi %a, %a : i32\n"
        "  cf.br ^bb1(%d, %d : i32, i32)\n"
        "}\n";
    eo_op *m = t_parse(ctx, src);
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "canonicalize", m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op *fn = t_first(m, "func.func");
    eo_region *r = eo_op_region(fn, 0);
    /* ^bb3 is unreachable; ^bb1's unused %q goes with its operand. */
    assert_int_equal(eo_region_num_blocks(r), 3);
    eo_block *b1 = eo_block_next(eo_region_first(r));
    assert_int_equal(eo_block_num_args(b1), 1);
    eo_op *br = eo_block_last(eo_region_first(r));
    assert_int_equal(eo_op_num_operands(br), 2);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            folds_to_a_fixpoint_and_hoists_constants, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(dead_ops_are_erased, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(patterns_are_tried_by_benefit,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(ping_pong_does_not_converge, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(
            canonicalize_pass_uses_registered_patterns, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(canonicalize_simplifies_regions,
                                        t_setup, t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/rewrite/test_sccp_interfaces.c - sccp prunes control flow of a
 * dialect it has never heard of, through the control-flow hooks of the
 * op table alone: a branch (branch_successor), a region op choosing one
 * of its regions by a constant (region_successors from the parent), and
 * a loop whose first body argument is not forwarded (a counter the
 * interface does not describe) while the others carry values around.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

/* u.br_if %c ^then, ^else: constant %c picks one. */
static int
u_br_if_successor(eo_op *op, const eo_attr *const cst[])
{
    (void)op;
    if (!cst || !cst[0] || eo_attr_get_kind(cst[0]) != EO_ATTR_INTEGER)
        return -1;
    return eo_attr_int_value(cst[0]) ? 0 : 1;
}

/* u.choose %k {r0} {r1} ...: enters region k when %k is a constant, any
 * region otherwise; each region's u.yield gives the results. */
static void
u_choose_successors(eo_op *op, eo_op *term, const eo_attr *const cst[],
                    eo_region_successor_fn add, void *ud)
{
    if (term) {
        eo_region_successor s = { EO_REGION_PARENT, 0, 0,
                                  (uint32_t)eo_op_num_operands(term) };
        add(ud, &s);
        return;
    }
    const eo_attr *k = cst ? cst[0] : NULL;
    for (uint32_t r = 0; r < eo_op_num_regions(op); r++) {
        if (k && eo_attr_int_value(k) != (int64_t)r)
            continue;
        eo_region_successor s = { r, 0, 0, 0 };
        add(ud, &s);
    }
}

/* u.loop(%inits...) ({^bb0(%counter, %iters...): ... u.yield}): the body
 * may run zero times; inits and yields go to the iteration arguments
 * (after the counter) and to the results. */
static void
u_loop_successors(eo_op *op, eo_op *term, const eo_attr *const cst[],
                  eo_region_successor_fn add, void *ud)
{
    (void)cst;
    uint32_t n = (uint32_t)eo_op_num_operands(term ? term : op);
    eo_region_successor body = { 0, 0, 1, n };
    eo_region_successor out = { EO_REGION_PARENT, 0, 0, n };
    add(ud, &body);
    add(ud, &out);
}

enum { U_BR_IF, U_CHOOSE, U_LOOP, U_YIELD, U_NUM_OPS };

static const eo_op_def u_ops[U_NUM_OPS] = {
    [U_BR_IF] = { .name = "u.br_if", .operands = 1, .results = 0,
                  .successors = 2, .traits = EO_PURE | EO_TERMINATOR,
                  .branch_successor = u_br_if_successor },
    [U_CHOOSE] = { .name = "u.choose", .operands = 1,
                   .results = EO_VARIADIC, .regions = EO_VARIADIC,
                   .traits = EO_RECURSIVE_EFFECTS,
                   .region_successors = u_choose_successors },
    [U_LOOP] = { .name = "u.loop", .operands = EO_VARIADIC,
                 .results = EO_VARIADIC, .regions = 1,
                 .traits = EO_RECURSIVE_EFFECTS,
                 .region_successors = u_loop_successors },
    [U_YIELD] = { .name = "u.yield", .operands = EO_VARIADIC, .results = 0,
                  .traits = EO_PURE | EO_TERMINATOR },
};

static int
u_setup(void **state)
{
    if (t_setup(state) != 0)
        return -1;
    return eo_dialect_register(*state, "u", u_ops, U_NUM_OPS) == EO_OK
               ? 0 : -1;
}

/* Whether operand i of the first t.ret under 'm' is a constant 'v'. */
static bool
ret_operand_is(eo_op *m, size_t i, int64_t v)
{
    eo_op *ret = t_first(m, "t.ret");
    if (!ret || i >= eo_op_num_operands(ret))
        return false;
    const eo_attr *c = eo_value_constant(eo_op_operand(ret, i));
    return c && eo_attr_int_value(c) == v;
}

static bool
ret_operand_is_const(eo_op *m, size_t i)
{
    eo_op *ret = t_first(m, "t.ret");
    return ret && i < eo_op_num_operands(ret) &&
           eo_value_constant(eo_op_operand(ret, i)) != NULL;
}

static void
constant_branch_prunes_a_test_dialect_block(void **state)
{
    eo_ctx *ctx = *state;
    /* ^bb2 never runs: its 2 + 3 is not simulated, so nothing folds. */
    eo_op *m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %true = \"t.const\"() {value = true} : () -> i1\n"
        "  \"u.br_if\"(%true)[^bb1, ^bb2] : (i1) -> ()\n"
        "^bb1:\n"
        "  %a = \"t.const\"() {value = 1 : i32} : () -> i32\n"
        "  %b = \"t.add\"(%a, %a) : (i32, i32) -> i32\n"
        "  \"t.ret\"(%b) : (i32) -> ()\n"
        "^bb2:\n"
        "  %c = \"t.const\"() {value = 2 : i32} : () -> i32\n"
        "  %d = \"t.const\"() {value = 3 : i32} : () -> i32\n"
        "  %e = \"t.add\"(%c, %d) : (i32, i32) -> i32\n"
        "  \"t.ret\"(%e) : (i32) -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    assert_true(ret_operand_is(m, 0, 2));
    assert_int_equal(t_count(m, "value = 5 : i32"), 0);
    assert_int_equal(t_count(m, "\"t.add\""), 1);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);

    /* An unknown condition: both blocks run, 2 + 3 folds to 5. */
    m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i1):\n"
        "  \"u.br_if\"(%p)[^bb1, ^bb2] : (i1) -> ()\n"
        "^bb1:\n"
        "  \"t.ret\"() : () -> ()\n"
        "^bb2:\n"
        "  %c = \"t.const\"() {value = 2 : i32} : () -> i32\n"
        "  %d = \"t.const\"() {value = 3 : i32} : () -> i32\n"
        "  %e = \"t.add\"(%c, %d) : (i32, i32) -> i32\n"
        "  \"t.ret\"(%e) : (i32) -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    assert_int_equal(t_count(m, "value = 5 : i32"), 1);
    assert_int_equal(t_count(m, "\"t.add\""), 0);
    eo_op_destroy(m);
}

static void
constant_selector_enters_one_region(void **state)
{
    eo_ctx *ctx = *state;
    /* Region 0 yields %p (unknown), region 1 yields 2 + 3: with the
     * selector 1 only region 1 runs and the result is 5; with an unknown
     * selector the result joins both and is not a constant. */
    static const char *text[2] = {
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %k = \"t.const\"() {value = 1 : i32} : () -> i32\n"
        "  %r = \"u.choose\"(%k) ({\n"
        "    \"u.yield\"(%p) : (i32) -> ()\n"
        "  }, {\n"
        "    %c = \"t.const\"() {value = 2 : i32} : () -> i32\n"
        "    %d = \"t.const\"() {value = 3 : i32} : () -> i32\n"
        "    %e = \"t.add\"(%c, %d) : (i32, i32) -> i32\n"
        "    \"u.yield\"(%e) : (i32) -> ()\n"
        "  }) : (i32) -> i32\n"
        "  \"t.ret\"(%r) : (i32) -> ()\n"
        "}) : () -> ()\n",
        "\"t.func\"() ({\n"
        "^bb0(%p: i32, %k: i32):\n"
        "  %r = \"u.choose\"(%k) ({\n"
        "    \"u.yield\"(%p) : (i32) -> ()\n"
        "  }, {\n"
        "    %c = \"t.const\"() {value = 2 : i32} : () -> i32\n"
        "    %d = \"t.const\"() {value = 3 : i32} : () -> i32\n"
        "    %e = \"t.add\"(%c, %d) : (i32, i32) -> i32\n"
        "    \"u.yield\"(%e) : (i32) -> ()\n"
        "  }) : (i32) -> i32\n"
        "  \"t.ret\"(%r) : (i32) -> ()\n"
        "}) : () -> ()\n",
    };
    eo_op *m = t_parse(ctx, text[0]);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    assert_true(ret_operand_is(m, 0, 5));
    eo_op_destroy(m);

    m = t_parse(ctx, text[1]);
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    assert_false(ret_operand_is_const(m, 0));
    /* The region still ran: its 2 + 3 became a constant. */
    assert_int_equal(t_count(m, "\"t.add\""), 0);
    eo_op_destroy(m);
}

static void
loop_joins_iteration_values_not_the_counter(void **state)
{
    eo_ctx *ctx = *state;
    /* %a only ever yields itself: 7 all along. %b yields the counter,
     * which the interface does not forward: not a constant. %x + 0 in
     * the body folds to the counter, so it is not a constant either. */
    eo_op *m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %c7 = \"t.const\"() {value = 7 : i32} : () -> i32\n"
        "  %r:2 = \"u.loop\"(%c7, %c7) ({\n"
        "  ^bb0(%i: i32, %a: i32, %b: i32):\n"
        "    %z = \"t.const\"() {value = 0 : i32} : () -> i32\n"
        "    %n = \"t.add\"(%i, %z) : (i32, i32) -> i32\n"
        "    \"u.yield\"(%a, %n) : (i32, i32) -> ()\n"
        "  }) : (i32, i32) -> (i32, i32)\n"
        "  \"t.ret\"(%r#0, %r#1) : (i32, i32) -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(t_run_pass(ctx, "sccp", m), EO_OK);
    assert_true(ret_operand_is(m, 0, 7));
    assert_false(ret_operand_is_const(m, 1));
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            constant_branch_prunes_a_test_dialect_block, u_setup,
            t_teardown),
        cmocka_unit_test_setup_teardown(constant_selector_enters_one_region,
                                        u_setup, t_teardown),
        cmocka_unit_test_setup_teardown(
            loop_joins_iteration_values_not_the_counter, u_setup,
            t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/ir/test_use_lists.c - use lists stay consistent through operand
 * updates, replace-all-uses, operand growth and erasure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

/* Every use of v is owned by an op whose operand slot points back at v,
 * and the count matches. */
static void
check_uses(eo_value *v, size_t expected)
{
    size_t n = 0;
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        assert_ptr_equal(eo_use_value(u), v);
        eo_op *owner = eo_use_owner(u);
        size_t i = eo_use_operand_index(u);
        assert_true(i < eo_op_num_operands(owner));
        assert_ptr_equal(eo_op_operand(owner, i), v);
        assert_ptr_equal(eo_op_operand_use(owner, i), u);
        n++;
    }
    assert_int_equal(n, expected);
    assert_int_equal(eo_value_num_uses(v), expected);
    assert_int_equal(eo_value_has_uses(v), expected > 0);
    assert_int_equal(eo_value_has_one_use(v), expected == 1);
}

static void
set_operand_moves_the_use(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *b = eo_module_body(mod);
    eo_value *a = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    eo_value *c = eo_op_result(mk_const(f->ctx, b, f->i32, 2), 0);
    eo_value *ops[2] = { a, a };
    eo_op *add = mk_op(f->ctx, b, "tst.add", 2, ops, 1, f->i32, 0);
    check_uses(a, 2);
    check_uses(c, 0);
    eo_op_set_operand(add, 1, c);
    check_uses(a, 1);
    check_uses(c, 1);
    eo_op_set_operand(add, 0, c);
    check_uses(a, 0);
    check_uses(c, 2);
    eo_op_destroy(mod);
}

static void
replace_all_uses_and_except(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *b = eo_module_body(mod);
    eo_value *a = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    eo_value *c = eo_op_result(mk_const(f->ctx, b, f->i32, 2), 0);
    eo_value *ops[3] = { a, a, a };
    eo_op *u1 = mk_op(f->ctx, b, "tst.use", 3, ops, 0, NULL, 0);
    eo_op *u2 = mk_op(f->ctx, b, "tst.use", 1, ops, 0, NULL, 0);
    check_uses(a, 4);
    eo_value_replace_uses_except(a, c, u2);
    check_uses(a, 1);
    check_uses(c, 3);
    assert_ptr_equal(eo_op_operand(u2, 0), a);
    assert_ptr_equal(eo_op_operand(u1, 2), c);
    eo_value_replace_all_uses(a, c);
    check_uses(a, 0);
    check_uses(c, 4);
    eo_value_replace_all_uses(c, c);   /* no-op */
    check_uses(c, 4);
    eo_op_destroy(mod);
}

static void
insert_and_erase_operands_past_inline_capacity(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *b = eo_module_body(mod);
    eo_value *v[3];
    for (int i = 0; i < 3; i++)
        v[i] = eo_op_result(mk_const(f->ctx, b, f->i32, i), 0);
    eo_op *u = mk_op(f->ctx, b, "tst.use", 1, v, 0, NULL, 0);
    /* Grows out of the inline slot several times. */
    for (int i = 0; i < 20; i++)
        assert_int_equal(eo_op_insert_operand(u, 0, v[i % 3]), EO_OK);
    assert_int_equal(eo_op_num_operands(u), 21);
    assert_ptr_equal(eo_op_operand(u, 20), v[0]);
    assert_ptr_equal(eo_op_operand(u, 0), v[19 % 3]);
    check_uses(v[0], 1 + 7);
    check_uses(v[1], 7);
    check_uses(v[2], 6);
    /* Insert in the middle keeps order. */
    assert_int_equal(eo_op_insert_operand(u, 10, v[2]), EO_OK);
    assert_ptr_equal(eo_op_operand(u, 10), v[2]);
    check_uses(v[2], 7);
    while (eo_op_num_operands(u) > 1)
        eo_op_erase_operand(u, 0);
    assert_ptr_equal(eo_op_operand(u, 0), v[0]);
    check_uses(v[0], 1);
    check_uses(v[1], 0);
    check_uses(v[2], 0);
    eo_value *three[3] = { v[2], v[2], v[1] };
    assert_int_equal(eo_op_set_operands(u, 3, three), EO_OK);
    check_uses(v[0], 0);
    check_uses(v[1], 1);
    check_uses(v[2], 2);
    eo_op_destroy(mod);
}

static void
erase_fails_while_results_have_uses(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *b = eo_module_body(mod);
    eo_op *c = mk_const(f->ctx, b, f->i32, 1);
    eo_value *a = eo_op_result(c, 0);
    eo_op *u = mk_op(f->ctx, b, "tst.use", 1, &a, 0, NULL, 0);
    f->log.errors = 0;
    assert_int_equal(eo_op_erase(c), EO_ERROR);
    assert_int_equal(f->log.errors, 1);
    assert_non_null(strstr(f->log.text, "'tst.const' op cannot be erased"));
    assert_ptr_equal(eo_op_block(c), b);
    assert_int_equal(eo_op_erase(u), EO_OK);
    check_uses(a, 0);
    assert_int_equal(eo_op_erase(c), EO_OK);
    assert_true(eo_block_empty(b));
    eo_op_destroy(mod);
}

static void
block_arg_uses_and_erasure(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_op *scope = mk_op(f->ctx, eo_module_body(mod), "tst.scope", 0, NULL,
                         0, NULL, 1);
    eo_block *b = add_block(scope, 0);
    eo_value *x = eo_block_add_arg(b, f->i32, NULL);
    eo_value *y = eo_block_add_arg(b, f->i64, NULL);
    eo_op *u = mk_op(f->ctx, b, "tst.use", 1, &y, 0, NULL, 0);
    check_uses(y, 1);
    assert_int_equal(eo_block_erase_arg(b, 1), EO_ERROR);
    eo_op_set_operand(u, 0, x);
    assert_int_equal(eo_block_erase_arg(b, 1), EO_OK);
    assert_int_equal(eo_block_num_args(b), 1);
    check_uses(x, 1);
    eo_op_destroy(mod);
}

static void
destroying_a_tree_with_internal_uses(void **state)
{
    core_fixture *f = *state;
    /* Later ops use earlier ones, and nested ops use outer values. */
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *b = eo_module_body(mod);
    eo_value *a = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    eo_op *scope = mk_op(f->ctx, b, "tst.scope", 1, &a, 1, f->i32, 1);
    eo_block *in = add_block(scope, 0);
    eo_value *ops[2] = { a, eo_op_result(scope, 0) };
    mk_op(f->ctx, in, "tst.add", 2, ops, 1, f->i32, 0);
    check_uses(a, 2);
    eo_op_destroy(mod);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(set_operand_moves_the_use,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(replace_all_uses_and_except,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(
            insert_and_erase_operands_past_inline_capacity, core_setup,
            core_teardown),
        cmocka_unit_test_setup_teardown(erase_fails_while_results_have_uses,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(block_arg_uses_and_erasure,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(destroying_a_tree_with_internal_uses,
                                        core_setup, core_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/ir/test_ops.c - op creation (property/discardable split),
 * attributes, segments, errors, blocks and regions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

static void
registered_op_splits_inherent_attrs_into_props(void **state)
{
    core_fixture *f = *state;
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "tst.const", NULL);
    assert_ptr_equal(st.def, &tst_ops[0]);
    const eo_attr *one = eo_attr_get_int(f->ctx, f->i32, 1);
    assert_int_equal(eo_op_state_add_result(&st, f->i32), EO_OK);
    assert_int_equal(eo_op_state_set_attr(&st, "value", one), EO_OK);
    assert_int_equal(eo_op_state_set_attr(&st, "tst.extra", one), EO_OK);
    assert_int_equal(eo_op_state_set_attr(&st, "other", one), EO_OK);
    eo_op *op = eo_op_create(&st);
    assert_non_null(op);
    assert_ptr_equal(eo_op_get_def(op), &tst_ops[0]);
    assert_string_equal(eo_op_name_str(op), "tst.const");
    assert_int_equal(eo_attr_dict_size(eo_op_props(op)), 1);
    assert_ptr_equal(eo_attr_dict_get(eo_op_props(op), "value"), one);
    assert_int_equal(eo_attr_dict_size(eo_op_discardable_attrs(op)), 2);
    /* Sorted by name. */
    assert_string_equal(
        eo_ident_str(eo_attr_dict_at(eo_op_discardable_attrs(op), 0)->name),
        "other");
    assert_ptr_equal(eo_op_attr(op, "value"), one);
    assert_ptr_equal(eo_op_attr(op, "tst.extra"), one);
    assert_null(eo_op_attr(op, "missing"));
    assert_non_null(eo_op_loc(op));
    assert_int_equal(eo_op_num_results(op), 1);
    assert_ptr_equal(eo_value_def_op(eo_op_result(op, 0)), op);
    assert_ptr_equal(eo_value_type(eo_op_result(op, 0)), f->i32);
    assert_true(eo_op_has_trait(op, EO_PURE | EO_CONSTANT_LIKE));
    assert_false(eo_op_is_terminator(op));
    eo_op_destroy(op);
}

static void
unregistered_op_keeps_attrs_discardable_and_props_as_given(void **state)
{
    core_fixture *f = *state;
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "foo.bar", NULL);
    assert_null(st.def);
    const eo_attr *one = eo_attr_get_int(f->ctx, f->i32, 1);
    const eo_attr *two = eo_attr_get_int(f->ctx, f->i32, 2);
    assert_int_equal(eo_op_state_set_attr(&st, "value", one), EO_OK);
    assert_int_equal(eo_op_state_set_attr(&st, "value", two), EO_OK);
    const eo_ident *p = eo_ident_cstr(f->ctx, "p");
    assert_int_equal(eo_op_state_set_prop(&st, p, one), EO_OK);
    eo_op *op = eo_op_create(&st);
    assert_non_null(op);
    assert_null(eo_op_get_def(op));
    assert_int_equal(eo_attr_dict_size(eo_op_discardable_attrs(op)), 1);
    assert_ptr_equal(eo_attr_dict_get(eo_op_discardable_attrs(op), "value"),
                     two);
    assert_ptr_equal(eo_attr_dict_get(eo_op_props(op), "p"), one);
    /* Setting an existing prop keeps it a prop; new names are
     * discardable. */
    assert_int_equal(eo_op_set_attr(op, "p", two), EO_OK);
    assert_ptr_equal(eo_attr_dict_get(eo_op_props(op), "p"), two);
    assert_int_equal(eo_op_set_attr(op, "q", two), EO_OK);
    assert_ptr_equal(eo_attr_dict_get(eo_op_discardable_attrs(op), "q"),
                     two);
    assert_int_equal(eo_op_set_attr(op, "value", NULL), EO_OK);
    assert_null(eo_op_attr(op, "value"));
    assert_int_equal(eo_attr_dict_size(eo_op_discardable_attrs(op)), 1);
    eo_op_destroy(op);
}

static void
set_attr_on_registered_op_goes_to_props(void **state)
{
    core_fixture *f = *state;
    eo_op *op = mk_const(f->ctx, NULL, f->i32, 1);
    const eo_attr *five = eo_attr_get_int(f->ctx, f->i32, 5);
    assert_int_equal(eo_op_set_attr(op, "value", five), EO_OK);
    assert_ptr_equal(eo_attr_dict_get(eo_op_props(op), "value"), five);
    assert_int_equal(eo_attr_dict_size(eo_op_discardable_attrs(op)), 0);
    eo_op_destroy(op);
}

static void
operand_segments(void **state)
{
    core_fixture *f = *state;
    eo_op *c = mk_const(f->ctx, NULL, f->i32, 1);
    eo_value *v = eo_op_result(c, 0);
    eo_value *ops[4] = { v, v, v, v };
    eo_op *seg = mk_op(f->ctx, NULL, "tst.seg", 4, ops, 0, NULL, 0);
    size_t start, len;
    assert_false(eo_op_operand_segment(seg, 0, &start, &len));
    int32_t sizes[3] = { 1, 0, 3 };
    const eo_attr *a = eo_attr_get_dense_array(f->ctx, f->i32, 3, sizes);
    assert_int_equal(eo_op_set_attr(seg, "operandSegmentSizes", a), EO_OK);
    /* Inherent through EO_ATTR_SIZED_OPERANDS. */
    assert_ptr_equal(eo_attr_dict_get(eo_op_props(seg),
                                      "operandSegmentSizes"), a);
    assert_true(eo_op_operand_segment(seg, 0, &start, &len));
    assert_int_equal(start, 0);
    assert_int_equal(len, 1);
    assert_true(eo_op_operand_segment(seg, 1, &start, &len));
    assert_int_equal(start, 1);
    assert_int_equal(len, 0);
    assert_true(eo_op_operand_segment(seg, 2, &start, &len));
    assert_int_equal(start, 1);
    assert_int_equal(len, 3);
    assert_false(eo_op_operand_segment(seg, 3, &start, &len));
    assert_false(eo_op_result_segment(seg, 0, &start, &len));
    eo_op_destroy(seg);
    eo_op_destroy(c);
}

static void
op_error_prefixes_the_op_name(void **state)
{
    core_fixture *f = *state;
    eo_op *op = mk_op(f->ctx, NULL, "foo.b%r", 0, NULL, 0, NULL, 0);
    f->log.len = 0;
    f->log.errors = 0;
    assert_int_equal(eo_op_error(op, "bad %d", 5), EO_ERROR);
    assert_string_equal(f->log.text, "'foo.b%r' op bad 5\n");
    eo_diag_builder *b = eo_op_error_begin(op, "x");
    eo_diag_note(b, eo_op_loc(op), "y %s", "z");
    assert_int_equal(eo_diag_emit(b), EO_ERROR);
    assert_non_null(strstr(f->log.text, "'foo.b%r' op x | note: y z"));
    eo_op_destroy(op);
}

static void
block_args_insert_erase_renumber(void **state)
{
    core_fixture *f = *state;
    eo_block *b = eo_block_create(f->ctx);
    eo_value *a = eo_block_add_arg(b, f->i32, NULL);
    eo_value *c = eo_block_add_arg(b, f->i64, NULL);
    eo_value *m = eo_block_insert_arg(b, 1, f->i64, NULL);
    assert_int_equal(eo_block_num_args(b), 3);
    assert_ptr_equal(eo_block_arg(b, 0), a);
    assert_ptr_equal(eo_block_arg(b, 1), m);
    assert_ptr_equal(eo_block_arg(b, 2), c);
    assert_int_equal(eo_value_index(c), 2);
    assert_true(eo_value_is_block_arg(c));
    assert_ptr_equal(eo_value_owner_block(c), b);
    assert_null(eo_value_def_op(c));
    for (int i = 0; i < 40; i++)
        assert_non_null(eo_block_insert_arg(b, 0, f->i32, NULL));
    assert_int_equal(eo_value_index(c), 42);
    assert_int_equal(eo_block_erase_arg(b, 0), EO_OK);
    assert_int_equal(eo_value_index(c), 41);
    assert_ptr_equal(eo_block_arg(b, 41), c);
    eo_block_destroy(b);
}

static void
block_list_operations(void **state)
{
    core_fixture *f = *state;
    eo_op *scope = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_region *r = eo_op_region(scope, 0);
    eo_block *b = add_block(scope, 0);
    eo_op *o[4];
    for (int i = 0; i < 4; i++)
        o[i] = mk_const(f->ctx, b, f->i32, i);
    assert_ptr_equal(eo_op_parent(o[0]), scope);
    assert_ptr_equal(eo_op_parent_region(o[0]), r);
    assert_ptr_equal(eo_region_parent_op(r), scope);
    assert_ptr_equal(eo_block_parent_op(b), scope);
    assert_true(eo_op_is_inside(o[2], scope));
    assert_false(eo_op_is_inside(scope, o[2]));
    eo_op_move_before(o[3], o[0]);          /* 3 0 1 2 */
    assert_ptr_equal(eo_block_first(b), o[3]);
    eo_op_move_after(o[0], o[2]);           /* 3 1 2 0 */
    assert_ptr_equal(eo_block_last(b), o[0]);
    assert_ptr_equal(eo_op_next(o[3]), o[1]);
    assert_ptr_equal(eo_op_prev(o[1]), o[3]);
    eo_block *nb = eo_block_split(b, o[2]); /* b: 3 1 | nb: 2 0 */
    assert_non_null(nb);
    assert_ptr_equal(eo_block_next(b), nb);
    assert_ptr_equal(eo_block_prev(nb), b);
    assert_ptr_equal(eo_block_last(b), o[1]);
    assert_ptr_equal(eo_block_first(nb), o[2]);
    assert_ptr_equal(eo_op_block(o[0]), nb);
    assert_int_equal(eo_block_index(nb), 1);
    assert_true(eo_block_is_entry(b));
    assert_false(eo_block_is_entry(nb));
    assert_int_equal(eo_region_num_blocks(r), 2);
    assert_int_equal(eo_region_index(r), 0);
    eo_block_splice_from(b, o[2]);          /* b: 3 1 2 0 | nb: empty */
    assert_true(eo_block_empty(nb));
    assert_ptr_equal(eo_block_last(b), o[0]);
    assert_ptr_equal(eo_op_block(o[2]), b);
    eo_block_detach(nb);
    assert_int_equal(eo_region_num_blocks(r), 1);
    assert_null(eo_block_region(nb));
    eo_block_destroy(nb);
    /* take_body into a detached region and back. */
    eo_region *tmp = eo_region_create(f->ctx);
    eo_region_take_body(tmp, r);
    assert_true(eo_region_empty(r));
    assert_ptr_equal(eo_region_first(tmp), b);
    assert_ptr_equal(eo_block_region(b), tmp);
    eo_region_take_body(r, tmp);
    assert_ptr_equal(eo_region_last(r), b);
    eo_region_destroy(tmp);
    eo_op_detach(o[1]);
    assert_null(eo_op_block(o[1]));
    eo_block_prepend(b, o[1]);
    assert_ptr_equal(eo_block_first(b), o[1]);
    eo_op_destroy(scope);
}

static void
region_insert_after_front_and_middle(void **state)
{
    core_fixture *f = *state;
    eo_region *r = eo_region_create(f->ctx);
    eo_block *a = eo_block_create(f->ctx), *b = eo_block_create(f->ctx);
    eo_block *c = eo_block_create(f->ctx);
    eo_region_append(r, b);
    eo_region_insert_after(r, NULL, a);
    eo_region_insert_after(r, a, c);        /* a c b */
    assert_ptr_equal(eo_region_first(r), a);
    assert_ptr_equal(eo_block_next(a), c);
    assert_ptr_equal(eo_region_last(r), b);
    assert_int_equal(eo_block_index(b), 2);
    eo_region_destroy(r);
}

static void
terminator_of_block(void **state)
{
    core_fixture *f = *state;
    eo_block *b = eo_block_create(f->ctx);
    assert_null(eo_block_terminator(b));
    mk_const(f->ctx, b, f->i32, 1);
    assert_null(eo_block_terminator(b));
    eo_op *ret = mk_op(f->ctx, b, "tst.ret", 0, NULL, 0, NULL, 0);
    assert_ptr_equal(eo_block_terminator(b), ret);
    assert_true(eo_op_is_terminator(ret));
    eo_block_destroy(b);
}

static void
ops_are_recycled_through_the_arena(void **state)
{
    core_fixture *f = *state;
    eo_op *a = mk_const(f->ctx, NULL, f->i32, 1);
    eo_op_destroy(a);
    eo_op *b = mk_const(f->ctx, NULL, f->i32, 2);
    assert_ptr_equal(a, b);   /* same size class, reused */
    eo_op_destroy(b);
}

static void
deep_nesting_is_destroyed_without_recursion(void **state)
{
    core_fixture *f = *state;
    eo_op *root = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_op *cur = root;
    for (int i = 0; i < 100000; i++) {
        eo_block *b = add_block(cur, 0);
        eo_value *arg = eo_block_add_arg(b, f->i32, NULL);
        eo_op *u = mk_op(f->ctx, b, "tst.use", 1, &arg, 0, NULL, 0);
        assert_non_null(u);
        cur = mk_op(f->ctx, b, "tst.scope", 1, &arg, 0, NULL, 1);
        assert_non_null(cur);
    }
    eo_op_destroy(root);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            registered_op_splits_inherent_attrs_into_props, core_setup,
            core_teardown),
        cmocka_unit_test_setup_teardown(
            unregistered_op_keeps_attrs_discardable_and_props_as_given,
            core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(
            set_attr_on_registered_op_goes_to_props, core_setup,
            core_teardown),
        cmocka_unit_test_setup_teardown(operand_segments, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(op_error_prefixes_the_op_name,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(block_args_insert_erase_renumber,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(block_list_operations, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(region_insert_after_front_and_middle,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(terminator_of_block, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(ops_are_recycled_through_the_arena,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(
            deep_nesting_is_destroyed_without_recursion, core_setup,
            core_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/ir/test_builder.c - insertion points, one-call construction, and
 * a 100k-deep nest built, walked, verified and destroyed without
 * recursion. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

static void
insertion_points(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_end(&b, body);
    eo_op *x = eo_builder_create(&b, "foo.x", 0, NULL, 0, NULL, 0, NULL);
    eo_op *z = eo_builder_create(&b, "foo.z", 0, NULL, 0, NULL, 0, NULL);
    eo_builder_set_before(&b, z);
    eo_op *y = eo_builder_create(&b, "foo.y", 0, NULL, 0, NULL, 0, NULL);
    eo_builder_set_after(&b, z);
    eo_op *w = eo_builder_create(&b, "foo.w", 0, NULL, 0, NULL, 0, NULL);
    eo_builder_set_after(&b, x);
    eo_op *x2 = eo_builder_create(&b, "foo.x2", 0, NULL, 0, NULL, 0, NULL);
    eo_op *order[] = { x, x2, y, z, w };
    eo_op *o = eo_block_first(body);
    for (size_t i = 0; i < 5; i++, o = eo_op_next(o))
        assert_ptr_equal(o, order[i]);
    assert_null(o);
    eo_op_destroy(mod);
}

static void
create_with_operands_results_attrs_and_loc(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_end(&b, eo_module_body(mod));
    const eo_loc *loc = eo_loc_file(f->ctx, eo_ident_cstr(f->ctx, "t.mlir"),
                                    3, 4);
    b.loc = loc;
    const eo_attr *seven = eo_attr_get_int(f->ctx, f->i32, 7);
    eo_named_attr na = { eo_ident_cstr(f->ctx, "value"), seven };
    eo_op *c = eo_builder_create(&b, "tst.const", 0, NULL, 1, &f->i32, 1,
                                 &na);
    assert_non_null(c);
    assert_ptr_equal(eo_op_loc(c), loc);
    assert_ptr_equal(eo_attr_dict_get(eo_op_props(c), "value"), seven);
    eo_value *v[2] = { eo_op_result(c, 0), eo_op_result(c, 0) };
    eo_op *add = eo_builder_create(&b, "tst.add", 2, v, 1, &f->i32, 0, NULL);
    assert_ptr_equal(eo_op_operand(add, 1), v[0]);
    assert_int_equal(eo_value_num_uses(v[0]), 2);
    /* Registered ops get their regions. */
    eo_op *g = eo_builder_create(&b, "tst.graph", 0, NULL, 0, NULL, 0, NULL);
    assert_int_equal(eo_op_num_regions(g), 1);
    f->log.errors = 0;
    assert_int_equal(eo_op_verify(mod), EO_OK);
    assert_int_equal(f->log.errors, 0);
    eo_op_destroy(mod);
}

static eo_walk_result
count(eo_op *op, void *ud)
{
    (void)op;
    (*(size_t *)ud)++;
    return EO_WALK_ADVANCE;
}

static void
deep_nest_built_walked_verified_destroyed(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_end(&b, eo_module_body(mod));
    const eo_attr *one = eo_attr_get_int(f->ctx, f->i32, 1);
    eo_named_attr na = { eo_ident_cstr(f->ctx, "value"), one };
    eo_value *outer = eo_op_result(eo_builder_create(&b, "tst.const", 0,
                                                     NULL, 1, &f->i32, 1,
                                                     &na), 0);
    const int depth = 100000;
    for (int i = 0; i < depth; i++) {
        eo_op *s = eo_builder_create(&b, "tst.scope", 0, NULL, 0, NULL, 0,
                                     NULL);
        assert_non_null(s);
        eo_block *blk = eo_block_create(f->ctx);
        eo_region_append(eo_op_region(s, 0), blk);
        eo_builder_set_end(&b, blk);
        eo_value *ops[2] = { outer, outer };
        if (i % 1000 == 0)   /* some uses from far outside */
            eo_builder_create(&b, "tst.add", 2, ops, 1, &f->i32, 0, NULL);
        eo_op *ret = eo_builder_create(&b, "tst.ret", 0, NULL, 0, NULL, 0,
                                       NULL);
        eo_builder_set_before(&b, ret);
    }
    size_t n = 0;
    eo_op_walk(mod, EO_WALK_PRE, count, &n);
    assert_int_equal(n, 1 + 1 + 2 * depth + depth / 1000);
    n = 0;
    eo_op_walk(mod, EO_WALK_POST, count, &n);
    assert_int_equal(n, 1 + 1 + 2 * depth + depth / 1000);
    f->log.errors = 0;
    assert_int_equal(eo_op_verify(mod), EO_OK);
    assert_int_equal(f->log.errors, 0);
    eo_op *copy = eo_op_clone(mod, NULL);
    assert_non_null(copy);
    assert_int_equal(eo_op_verify(copy), EO_OK);
    eo_op_destroy(copy);
    eo_op_destroy(mod);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(insertion_points, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(
            create_with_operands_results_attrs_and_loc, core_setup,
            core_teardown),
        cmocka_unit_test_setup_teardown(
            deep_nest_built_walked_verified_destroyed, core_setup,
            core_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

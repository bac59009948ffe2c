/* test/ir/test_clone.c - deep copies: value/block mapping, forward
 * successor references, operands from outside, eo_irmap. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

#include <stdlib.h>

static void
irmap_maps_values_and_blocks(void **state)
{
    core_fixture *f = *state;
    eo_irmap *m = eo_irmap_create(f->ctx);
    eo_block *b[200];
    for (int i = 0; i < 200; i++) {
        b[i] = eo_block_create(f->ctx);
        if (i)
            assert_int_equal(eo_irmap_map_block(m, b[i], b[i - 1]), EO_OK);
    }
    eo_value *a = eo_block_add_arg(b[0], f->i32, NULL);
    eo_value *c = eo_block_add_arg(b[0], f->i32, NULL);
    assert_null(eo_irmap_lookup_value(m, a));
    assert_int_equal(eo_irmap_map_value(m, a, c), EO_OK);
    assert_int_equal(eo_irmap_map_value(m, a, a), EO_OK);   /* remap */
    assert_ptr_equal(eo_irmap_lookup_value(m, a), a);
    for (int i = 1; i < 200; i++)
        assert_ptr_equal(eo_irmap_lookup_block(m, b[i]), b[i - 1]);
    assert_null(eo_irmap_lookup_block(m, b[0]));
    eo_irmap_destroy(m);
    for (int i = 0; i < 200; i++)
        eo_block_destroy(b[i]);
}

/* func @f(%x) { ^bb0(%x): br ^bb2(%x)  ^bb1(%y): ret %y  ^bb2(%z):
 * %s = add %z, %outer... } with a forward branch. */
static void
clone_maps_nested_values_blocks_and_keeps_outside_operands(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    eo_value *outer = eo_op_result(mk_const(f->ctx, body, f->i32, 1), 0);
    eo_op *scope = mk_op(f->ctx, body, "tst.scope", 0, NULL, 1, f->i32, 1);
    eo_block *b0 = add_block(scope, 0);
    eo_block *b1 = add_block(scope, 0);
    eo_block *b2 = add_block(scope, 0);
    eo_value *x = eo_block_add_arg(b0, f->i32, NULL);
    eo_value *y = eo_block_add_arg(b1, f->i32, NULL);
    eo_value *z = eo_block_add_arg(b2, f->i32, NULL);
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "tst.br", NULL);
    assert_int_equal(eo_op_state_add_operand(&st, x), EO_OK);
    assert_int_equal(eo_op_state_add_successor(&st, b2), EO_OK);
    eo_block_append(b0, eo_op_create(&st));
    mk_op(f->ctx, b1, "tst.ret", 1, &y, 0, NULL, 0);
    eo_value *ops[2] = { z, outer };
    eo_op *add = mk_op(f->ctx, b2, "tst.add", 2, ops, 1, f->i32, 0);
    eo_value *s = eo_op_result(add, 0);
    eo_op_state_init(&st, f->ctx, "tst.br", NULL);
    assert_int_equal(eo_op_state_add_operand(&st, s), EO_OK);
    assert_int_equal(eo_op_state_add_successor(&st, b1), EO_OK);
    eo_block_append(b2, eo_op_create(&st));
    assert_int_equal(eo_op_verify(mod), EO_OK);

    eo_irmap *m = eo_irmap_create(f->ctx);
    eo_op *copy = eo_op_clone(scope, m);
    assert_non_null(copy);
    assert_null(eo_op_block(copy));
    eo_block_append(body, copy);
    assert_int_equal(eo_region_num_blocks(eo_op_region(copy, 0)), 3);
    eo_block *c0 = eo_irmap_lookup_block(m, b0);
    eo_block *c2 = eo_irmap_lookup_block(m, b2);
    assert_ptr_equal(eo_region_first(eo_op_region(copy, 0)), c0);
    assert_ptr_not_equal(c0, b0);
    /* The forward branch points at the copy of ^bb2. */
    eo_op *cbr = eo_block_first(c0);
    assert_ptr_equal(eo_op_successor(cbr, 0), c2);
    assert_ptr_equal(eo_op_operand(cbr, 0), eo_block_arg(c0, 0));
    assert_ptr_equal(eo_irmap_lookup_value(m, z), eo_block_arg(c2, 0));
    eo_op *cadd = eo_block_first(c2);
    assert_string_equal(eo_op_name_str(cadd), "tst.add");
    assert_ptr_equal(eo_op_operand(cadd, 0), eo_block_arg(c2, 0));
    assert_ptr_equal(eo_op_operand(cadd, 1), outer);   /* not mapped */
    assert_ptr_equal(eo_irmap_lookup_value(m, s), eo_op_result(cadd, 0));
    assert_ptr_equal(eo_irmap_lookup_value(m, eo_op_result(scope, 0)),
                     eo_op_result(copy, 0));
    assert_int_equal(eo_value_num_uses(outer), 2);
    assert_int_equal(eo_value_num_uses(s), 1);
    assert_int_equal(eo_op_verify(mod), EO_OK);
    eo_irmap_destroy(m);

    /* Mapped outside operands are remapped. */
    eo_value *other = eo_op_result(mk_const(f->ctx, body, f->i32, 2), 0);
    m = eo_irmap_create(f->ctx);
    assert_int_equal(eo_irmap_map_value(m, outer, other), EO_OK);
    eo_op *copy2 = eo_op_clone(scope, m);
    eo_block *d2 = eo_irmap_lookup_block(m, b2);
    assert_ptr_equal(eo_op_operand(eo_block_first(d2), 1), other);
    eo_op_destroy(copy2);
    eo_irmap_destroy(m);
    assert_int_equal(eo_value_num_uses(other), 0);
    eo_op_destroy(mod);
}

static void
region_clone_into_appends_blocks(void **state)
{
    core_fixture *f = *state;
    eo_op *a = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_block *b = add_block(a, 0);
    eo_value *arg = eo_block_add_arg(b, f->i64, NULL);
    eo_op *u = mk_op(f->ctx, b, "foo.use", 1, &arg, 1, f->i64, 1);
    eo_value *r = eo_op_result(u, 0);
    mk_op(f->ctx, add_block(u, 0), "foo.inner", 1, &r, 0, NULL, 0);
    eo_op *dst = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    add_block(dst, 0);
    assert_int_equal(eo_region_clone_into(eo_op_region(a, 0),
                                          eo_op_region(dst, 0), NULL),
                     EO_OK);
    eo_region *dr = eo_op_region(dst, 0);
    assert_int_equal(eo_region_num_blocks(dr), 2);
    eo_block *nb = eo_region_last(dr);
    assert_int_equal(eo_block_num_args(nb), 1);
    eo_op *nu = eo_block_first(nb);
    assert_ptr_equal(eo_op_operand(nu, 0), eo_block_arg(nb, 0));
    eo_op *inner = eo_block_first(eo_region_first(eo_op_region(nu, 0)));
    assert_ptr_equal(eo_op_operand(inner, 0), eo_op_result(nu, 0));
    assert_int_equal(eo_value_num_uses(r), 1);
    /* Into itself: only the original blocks are copied. */
    assert_int_equal(eo_region_clone_into(dr, dr, NULL), EO_OK);
    assert_int_equal(eo_region_num_blocks(dr), 4);
    eo_block *last = eo_region_last(dr);
    nu = eo_block_first(last);
    assert_ptr_equal(eo_op_operand(nu, 0), eo_block_arg(last, 0));
    eo_op_destroy(dst);
    eo_op_destroy(a);
}

static void
clone_keeps_attributes_and_locations(void **state)
{
    core_fixture *f = *state;
    eo_op *c = mk_const(f->ctx, NULL, f->i32, 42);
    assert_int_equal(eo_op_set_attr(c, "x.y", eo_attr_get_unit(f->ctx)),
                     EO_OK);
    eo_op *d = eo_op_clone(c, NULL);
    assert_ptr_equal(eo_op_props(d), eo_op_props(c));
    assert_ptr_equal(eo_op_discardable_attrs(d), eo_op_discardable_attrs(c));
    assert_ptr_equal(eo_op_loc(d), eo_op_loc(c));
    assert_ptr_equal(eo_op_get_def(d), eo_op_get_def(c));
    assert_ptr_equal(eo_value_type(eo_op_result(d, 0)), f->i32);
    eo_op_destroy(d);
    eo_op_destroy(c);
}

/* An allocator failing its 'fail_at'-th call once armed. */
typedef struct failing {
    long calls, fail_at;
    bool armed, failed;
} failing;

static void *
f_malloc(void *ud, size_t size)
{
    failing *fl = ud;
    if (fl->armed && ++fl->calls == fl->fail_at) {
        fl->failed = true;
        return NULL;
    }
    return malloc(size);
}

static void *
f_realloc(void *ud, void *p, size_t old, size_t size)
{
    (void)old;
    failing *fl = ud;
    if (fl->armed && ++fl->calls == fl->fail_at) {
        fl->failed = true;
        return NULL;
    }
    return realloc(p, size);
}

static void
f_free(void *ud, void *p, size_t size)
{
    (void)ud;
    (void)size;
    free(p);
}

static void
clone_and_verify_survive_allocation_failures(void **state)
{
    (void)state;
    for (long n = 1; n < 200; n++) {
        failing fl = { .fail_at = n };
        eo_alloc al = { f_malloc, f_realloc, f_free, &fl };
        eo_ctx *ctx = eo_ctx_create(&al);
        assert_non_null(ctx);
        diag_log log = { .len = 0 };
        eo_ctx_set_diag_handler(ctx, capture_diag, &log);
        assert_int_equal(eo_dialect_register(ctx, "tst", tst_ops,
                                             sizeof(tst_ops) /
                                                 sizeof(tst_ops[0])),
                         EO_OK);
        const eo_type *i32 = eo_type_get_int(ctx, 32);
        eo_op *mod = eo_module_create(ctx, NULL);
        eo_op *scope = mk_op(ctx, eo_module_body(mod), "tst.scope", 0, NULL,
                             0, NULL, 1);
        eo_block *b = add_block(scope, 0);
        for (int k = 0; k < 4; k++) {
            eo_block *nb = add_block(scope, 0);
            mk_op(ctx, b, "tst.br", 0, NULL, 0, NULL, 0);
            eo_op_destroy(eo_block_last(b));
            eo_op_state st;
            eo_op_state_init(&st, ctx, "tst.br", NULL);
            assert_int_equal(eo_op_state_add_successor(&st, nb), EO_OK);
            eo_block_append(b, eo_op_create(&st));
            b = nb;
        }
        eo_value *v = eo_op_result(mk_const(ctx, b, i32, 1), 0);
        for (int k = 0; k < 20000; k++) {
            eo_value *ops[2] = { v, v };
            v = eo_op_result(mk_op(ctx, b, "tst.add", 2, ops, 1, i32, 0), 0);
        }
        mk_op(ctx, b, "tst.ret", 1, &v, 0, NULL, 0);
        fl.armed = true;
        eo_op *copy = eo_op_clone(mod, NULL);
        eo_status st = eo_op_verify(mod);
        assert_true(st == EO_OK || (fl.failed && st == EO_NOMEM));
        if (copy)
            eo_op_destroy(copy);
        else
            assert_true(fl.failed);
        bool done = !fl.failed;
        eo_op_destroy(mod);
        eo_ctx_destroy(ctx);
        if (done) {
            /* Every allocation of clone and verify failed once. */
            assert_true(n > 10);
            return;
        }
    }
    fail_msg("allocation failures never stopped");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(irmap_maps_values_and_blocks,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(
            clone_maps_nested_values_blocks_and_keeps_outside_operands,
            core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(region_clone_into_appends_blocks,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(clone_keeps_attributes_and_locations,
                                        core_setup, core_teardown),
        cmocka_unit_test(clone_and_verify_survive_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

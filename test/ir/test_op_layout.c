/* test/ir/test_op_layout.c - what the compact op layout (ir/internal.h)
 * must keep working: discardable attributes held in the context's side
 * table (many ops, removal, erasure, clones), results finding their op
 * from their index, operands moving out of the op's piece, and the lazy
 * file locations of parsed ops. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return -1;
    eo_ctx_set_allow_unregistered(ctx, true);
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

/* An unregistered op "t.op" with 'nres' i32 results and the operands. */
static eo_op *
make_op(eo_ctx *ctx, size_t nres, size_t nops, eo_value *const *ops)
{
    eo_op_state st;
    eo_op_state_init(&st, ctx, "t.op", NULL);
    for (size_t i = 0; i < nres; i++)
        assert_int_equal(eo_op_state_add_result(&st, eo_type_get_int(ctx,
                                                                      32)),
                         EO_OK);
    for (size_t i = 0; i < nops; i++)
        assert_int_equal(eo_op_state_add_operand(&st, ops[i]), EO_OK);
    eo_op *op = eo_op_create(&st);
    assert_non_null(op);
    return op;
}

enum { NOPS = 3000 };

static int64_t
tag_of(const eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "tag");
    return a ? eo_attr_int_value(a) : -1;
}

/* Thousands of ops with discardable attributes: the side table grows,
 * loses entries by removal and by erasure, and every op keeps its own. */
static void
discardable_attrs_side_table(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    eo_op **ops = calloc(NOPS, sizeof(*ops));
    assert_non_null(ops);
    for (int i = 0; i < NOPS; i++) {
        ops[i] = make_op(ctx, 1, 0, NULL);
        assert_int_equal(eo_attr_dict_size(eo_op_discardable_attrs(ops[i])),
                         0);
        if (i % 3 != 2)
            assert_int_equal(eo_op_set_attr(ops[i], "tag",
                                            eo_attr_get_int(ctx, i64, i)),
                             EO_OK);
    }
    for (int i = 0; i < NOPS; i++)
        assert_int_equal(tag_of(ops[i]), i % 3 != 2 ? i : -1);
    /* Remove the attribute from every other tagged op, destroy every
     * fifth op. */
    for (int i = 0; i < NOPS; i += 2)
        assert_int_equal(eo_op_set_attr(ops[i], "tag", NULL), EO_OK);
    for (int i = 0; i < NOPS; i += 5) {
        eo_op_destroy(ops[i]);
        ops[i] = NULL;
    }
    for (int i = 0; i < NOPS; i++) {
        if (!ops[i])
            continue;
        int64_t want = i % 2 == 0 || i % 3 == 2 ? -1 : i;
        assert_int_equal(tag_of(ops[i]), want);
        assert_int_equal(eo_attr_dict_size(eo_op_discardable_attrs(ops[i])),
                         want < 0 ? 0 : 1);
    }
    /* New ops may reuse the memory of destroyed ones: they start bare. */
    for (int i = 0; i < NOPS; i += 5) {
        ops[i] = make_op(ctx, 1, 0, NULL);
        assert_int_equal(tag_of(ops[i]), -1);
    }
    /* A clone carries the attributes; changing it leaves the source. */
    eo_op *c = eo_op_clone(ops[1], NULL);
    assert_non_null(c);
    assert_int_equal(tag_of(c), 1);
    assert_int_equal(eo_op_set_attr(c, "tag", eo_attr_get_int(ctx, i64, 77)),
                     EO_OK);
    assert_int_equal(tag_of(c), 77);
    assert_int_equal(tag_of(ops[1]), 1);
    eo_op_set_discardable_attrs(c, eo_op_discardable_attrs(ops[2]));
    assert_int_equal(tag_of(c), -1);
    eo_op_destroy(c);
    for (int i = 0; i < NOPS; i++)
        eo_op_destroy(ops[i]);
    free(ops);
}

/* Results find their op; operands survive moving out of the op. */
static void
results_and_operands(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *def = make_op(ctx, 5, 0, NULL);
    for (size_t i = 0; i < 5; i++) {
        eo_value *r = eo_op_result(def, i);
        assert_non_null(r);
        assert_ptr_equal(eo_value_def_op(r), def);
        assert_int_equal(eo_value_index(r), i);
    }
    eo_value *v0 = eo_op_result(def, 0);
    eo_op *user = make_op(ctx, 2, 1, &v0);
    assert_ptr_equal(eo_value_def_op(eo_op_result(user, 1)), user);
    /* Grow past the inline capacity twice, then shrink. */
    for (size_t i = 1; i < 40; i++)
        assert_int_equal(eo_op_insert_operand(user, i,
                                              eo_op_result(def, i % 5)),
                         EO_OK);
    assert_int_equal(eo_op_num_operands(user), 40);
    for (size_t i = 0; i < 40; i++)
        assert_ptr_equal(eo_op_operand(user, i), eo_op_result(def, i % 5));
    for (eo_use *u = eo_value_first_use(v0); u; u = eo_use_next(u))
        assert_ptr_equal(eo_use_owner(u), user);
    eo_op_erase_operand(user, 0);
    assert_ptr_equal(eo_op_operand(user, 0), eo_op_result(def, 1));
    assert_ptr_equal(eo_value_def_op(eo_op_result(user, 0)), user);
    eo_op_destroy(user);
    assert_null(eo_value_first_use(v0));
    eo_op_destroy(def);
}

/* Operands shrinking and growing inside the op's own slots. */
static void
inline_operands_shrink_and_grow(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *def = make_op(ctx, 4, 0, NULL);
    eo_value *r[4];
    for (size_t i = 0; i < 4; i++)
        r[i] = eo_op_result(def, i);
    for (int round = 0; round < 50; round++) {
        eo_op *user = make_op(ctx, 1, 4, r);
        eo_op_erase_operand(user, 1);
        eo_op_erase_operand(user, 2);
        assert_int_equal(eo_op_num_operands(user), 2);
        assert_ptr_equal(eo_op_operand(user, 0), r[0]);
        assert_ptr_equal(eo_op_operand(user, 1), r[2]);
        assert_int_equal(eo_op_insert_operand(user, 0, r[3]), EO_OK);
        assert_int_equal(eo_op_num_operands(user), 3);
        assert_ptr_equal(eo_op_operand(user, 0), r[3]);
        assert_ptr_equal(eo_op_operand(user, 2), r[2]);
        assert_int_equal(eo_op_set_operands(user, 4, r), EO_OK);
        for (size_t i = 0; i < 4; i++)
            assert_ptr_equal(eo_op_operand(user, i), r[i]);
        assert_int_equal(eo_op_set_operands(user, 1, r + 3), EO_OK);
        assert_ptr_equal(eo_op_operand(user, 0), r[3]);
        if (round % 2) {
            for (size_t i = 0; i < 6; i++)
                assert_int_equal(eo_op_insert_operand(user, 0, r[i % 4]),
                                 EO_OK);
            assert_int_equal(eo_op_num_operands(user), 7);
        }
        for (size_t i = 0; i < 4; i++)
            for (eo_use *u = eo_value_first_use(r[i]); u; u = eo_use_next(u))
                assert_ptr_equal(eo_use_owner(u), user);
        /* The op's memory goes back whole: new ops reuse it cleanly. */
        eo_op_destroy(user);
        for (size_t i = 0; i < 4; i++)
            assert_null(eo_value_first_use(r[i]));
    }
    eo_op_destroy(def);
}

/* A parsed op's location is made on demand and is the uniqued one. */
static void
lazy_parsed_locations(void **state)
{
    eo_ctx *ctx = *state;
    static const char src[] =
        "\"builtin.module\"() ({\n"
        "  %0 = \"t.a\"() : () -> i32\n"
        "    \"t.b\"(%0) : (i32) -> ()\n"
        "}) : () -> ()\n";
    eo_op *m = eo_parse_source(ctx, "lazy.mlir", src, strlen(src), NULL);
    assert_non_null(m);
    eo_op *a = eo_block_first(eo_region_first(eo_op_region(m, 0)));
    assert_non_null(a);
    eo_op *b = eo_op_next(a);
    assert_non_null(b);
    const eo_ident *file = eo_ident_cstr(ctx, "lazy.mlir");
    const eo_loc *la = eo_op_loc(a), *lb = eo_op_loc(b);
    assert_int_equal(eo_loc_get_kind(la), EO_LOC_FILE);
    assert_ptr_equal(eo_loc_filename(la), file);
    assert_int_equal(eo_loc_line(la), 2);
    assert_int_equal(eo_loc_col(la), 8);
    assert_int_equal(eo_loc_line(lb), 3);
    assert_int_equal(eo_loc_col(lb), 5);
    assert_ptr_equal(la, eo_loc_file(ctx, file, 2, 8));
    assert_ptr_equal(la, eo_op_loc(a));
    assert_ptr_equal(eo_value_loc(eo_op_result(a, 0)), la);
    const eo_loc *u = eo_loc_unknown(ctx);
    eo_op_set_loc(b, u);
    assert_ptr_equal(eo_op_loc(b), u);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(discardable_attrs_side_table, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(results_and_operands, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(inline_operands_shrink_and_grow,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(lazy_parsed_locations, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

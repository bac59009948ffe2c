/* test/rewrite/test_rewriter.c - the rewriter of ir/pattern.c: every
 * change keeps use lists consistent and reaches the listener; created ops
 * inherit the site key and location of the op being rewritten. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

#include <stdio.h>

/* Listener that logs "verb:opname" lines. */
static eo_strbuf events;

static void
ev(const char *verb, eo_op *op)
{
    eo_strbuf_printf(&events, "%s:%s ", verb, eo_op_name_str(op));
}

static void
on_inserted(void *ud, eo_op *op)
{
    (void)ud;
    ev("ins", op);
}

static void
on_erasing(void *ud, eo_op *op)
{
    (void)ud;
    ev("erase", op);
}

static void
on_modified(void *ud, eo_op *op)
{
    (void)ud;
    ev("mod", op);
}

static void
on_replacing(void *ud, eo_op *op, eo_value *const *values)
{
    (void)ud;
    (void)values;
    ev("repl", op);
}

static const eo_rewrite_listener listener = {
    on_inserted, on_erasing, on_modified, on_replacing, NULL
};

static int
setup(void **state)
{
    eo_strbuf_free(&events);
    memset(&events, 0, sizeof(events));
    return t_setup(state);
}

static int
teardown(void **state)
{
    eo_strbuf_free(&events);
    memset(&events, 0, sizeof(events));
    return t_teardown(state);
}

static const char *
log_text(void)
{
    return events.data ? events.data : "";
}

static eo_op *
nth_op(eo_op *module, size_t n)
{
    eo_op *o = eo_block_first(eo_module_body(module));
    while (o && n--)
        o = eo_op_next(o);
    return o;
}

static void
created_ops_inherit_site_key_and_location(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "%a = \"t.load\"(%a) : (i32) -> i32\n"
        "%n = \"t.neg\"(%a) {name = \"conv_3\"} : (i32) -> i32 "
        "loc(\"m.mlir\":4:2)\n";
    eo_op *m = t_parse(ctx, src);
    assert_non_null(m);
    eo_op *root = nth_op(m, 1);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    rw.root = root;
    eo_builder_set_before(&rw.b, root);

    /* Same location as the root: kept as is. */
    eo_op_state st;
    eo_op_state_init(&st, ctx, "t.neg", eo_op_loc(root));
    assert_int_equal(eo_op_state_add_operand(&st, eo_op_operand(root, 0)),
                     EO_OK);
    assert_int_equal(eo_op_state_add_result(&st, eo_type_get_int(ctx, 32)),
                     EO_OK);
    eo_op *n1 = eo_rewriter_create(&rw, &st);
    assert_non_null(n1);
    assert_ptr_equal(eo_op_loc(n1), eo_op_loc(root));
    assert_ptr_equal(eo_op_attr(n1, "name"), eo_op_attr(root, "name"));
    assert_ptr_equal(eo_op_next(n1), root);
    assert_string_equal(log_text(), "ins:t.neg ");

    /* Another location: fused with the root's (root first). */
    const eo_loc *other = eo_loc_file(ctx, eo_ident_cstr(ctx, "x.mlir"), 1,
                                      1);
    eo_op_state_init(&st, ctx, "t.print", other);
    eo_op *n2 = eo_rewriter_create(&rw, &st);
    assert_non_null(n2);
    assert_int_equal(eo_loc_get_kind(eo_op_loc(n2)), EO_LOC_FUSED);
    assert_ptr_equal(eo_loc_fused_at(eo_op_loc(n2), 0), eo_op_loc(root));
    eo_strbuf key = { 0 };
    eo_op_site_key(n2, &key);
    assert_string_equal(key.data, "conv_3");
    eo_strbuf_free(&key);

    /* An explicit name wins. */
    eo_op_state_init(&st, ctx, "t.print", NULL);
    assert_int_equal(eo_op_state_set_attr(&st, "name",
                                          eo_attr_get_string(ctx, "mine", 4,
                                                             NULL)), EO_OK);
    eo_op *n3 = eo_rewriter_create(&rw, &st);
    size_t len;
    assert_string_equal(eo_attr_string(eo_op_attr(n3, "name"), &len),
                        "mine");
    assert_ptr_equal(eo_op_loc(n3), eo_op_loc(root));

    /* Without a root nothing is inherited. */
    rw.root = NULL;
    eo_op_state_init(&st, ctx, "t.print", NULL);
    eo_op *n4 = eo_rewriter_create(&rw, &st);
    assert_null(eo_op_attr(n4, "name"));
    eo_op_destroy(m);
}

static void
replace_op_moves_uses_and_notifies(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "%a = \"t.load\"(%a) : (i32) -> i32\n"
        "%n = \"t.neg\"(%a) : (i32) -> i32\n"
        "\"t.print\"(%n, %n) : (i32, i32) -> ()\n";
    eo_op *m = t_parse(ctx, src);
    eo_op *load = nth_op(m, 0), *neg = nth_op(m, 1), *print = nth_op(m, 2);
    eo_value *a = eo_op_result(load, 0);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    eo_rewriter_replace_op(&rw, neg, &a);
    assert_string_equal(log_text(),
                        "repl:t.neg mod:t.print mod:t.print erase:t.neg ");
    assert_ptr_equal(eo_op_operand(print, 0), a);
    assert_ptr_equal(eo_op_operand(print, 1), a);
    /* a: used by load itself and twice by print. */
    assert_int_equal(eo_value_num_uses(a), 3);
    assert_ptr_equal(eo_op_next(load), print);
    eo_op_destroy(m);
}

static void
erase_op_with_uses_is_refused(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "%a = \"t.load\"(%a) : (i32) -> i32\n"
                            "\"t.print\"(%a) : (i32) -> ()\n");
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    eo_rewriter_erase_op(&rw, nth_op(m, 0));
    assert_non_null(strstr(t_diag_text(), "still has uses"));
    assert_string_equal(log_text(), "");
    assert_non_null(nth_op(m, 1));
    eo_op_destroy(m);
}

static void
erase_tree_notifies_users_before_definitions(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "\"t.func\"() ({\n"
        "  %c = \"t.const\"() {value = 1 : i32} : () -> i32\n"
        "  %n = \"t.neg\"(%c) : (i32) -> i32\n"
        "  \"t.ret\"(%n) : (i32) -> ()\n"
        "}) : () -> ()\n";
    eo_op *m = t_parse(ctx, src);
    assert_non_null(m);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    eo_rewriter_erase_op(&rw, nth_op(m, 0));
    assert_string_equal(log_text(), "erase:t.ret erase:t.neg erase:t.const "
                                    "erase:t.func ");
    assert_true(eo_block_empty(eo_module_body(m)));
    eo_op_destroy(m);
}

static void
modify_and_replace_all_uses_notify(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "%a = \"t.load\"(%a) : (i32) -> i32\n"
                            "%b = \"t.load\"(%a) : (i32) -> i32\n"
                            "\"t.print\"(%a) : (i32) -> ()\n");
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    eo_op *print = nth_op(m, 2);
    eo_rewriter_modify_begin(&rw, print);
    assert_int_equal(eo_op_set_attr(print, "x", eo_attr_get_unit(ctx)),
                     EO_OK);
    eo_rewriter_modify_end(&rw, print);
    assert_string_equal(log_text(), "mod:t.print ");
    eo_rewriter_replace_all_uses(&rw, eo_op_result(nth_op(m, 0), 0),
                                 eo_op_result(nth_op(m, 1), 0));
    assert_ptr_equal(eo_op_operand(print, 0), eo_op_result(nth_op(m, 1), 0));
    assert_false(eo_value_has_uses(eo_op_result(nth_op(m, 0), 0)));
    eo_op_destroy(m);
}

/* A t.func with two blocks: ^bb0 (entry) and ^bb1(%x) using %x. */
static const char *const two_blocks =
    "\"t.func\"() ({\n"
    "  %c = \"t.const\"() {value = 7 : i32} : () -> i32\n"
    "  \"t.print\"(%c) : (i32) -> ()\n"
    "  \"t.ret\"() : () -> ()\n"
    "^bb1(%x: i32):\n"
    "  %n = \"t.neg\"(%x) : (i32) -> i32\n"
    "  \"t.print\"(%n) : (i32) -> ()\n"
    "  \"t.ret\"() : () -> ()\n"
    "}) : () -> ()\n";

static void
merge_blocks_replaces_arguments(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, two_blocks);
    assert_non_null(m);
    eo_op *fn = nth_op(m, 0);
    eo_region *r = eo_op_region(fn, 0);
    eo_block *b0 = eo_region_first(r), *b1 = eo_block_next(b0);
    eo_value *c = eo_op_result(eo_block_first(b0), 0);
    /* Drop b0's terminator, then merge b1 into it with %x := %c. */
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    eo_rewriter_erase_op(&rw, eo_block_last(b0));
    eo_rewriter_merge_blocks(&rw, b1, b0, &c, 1);
    assert_int_equal(eo_region_num_blocks(r), 1);
    assert_non_null(strstr(log_text(), "mod:t.neg ins:t.neg ins:t.print "
                                       "ins:t.ret"));
    eo_op *neg = eo_op_next(eo_op_next(eo_block_first(b0)));
    assert_string_equal(eo_op_name_str(neg), "t.neg");
    assert_ptr_equal(eo_op_operand(neg, 0), c);
    assert_int_equal(eo_value_num_uses(c), 2);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static void
inline_block_before_and_split(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, two_blocks);
    eo_op *fn = nth_op(m, 0);
    eo_region *r = eo_op_region(fn, 0);
    eo_block *b0 = eo_region_first(r), *b1 = eo_block_next(b0);
    eo_value *c = eo_op_result(eo_block_first(b0), 0);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    /* Drop b1's terminator, inline the rest before b0's print. */
    eo_rewriter_erase_op(&rw, eo_block_last(b1));
    eo_op *print0 = eo_op_next(eo_block_first(b0));
    eo_rewriter_inline_block_before(&rw, b1, print0, &c, 1);
    assert_int_equal(eo_region_num_blocks(r), 1);
    eo_op *neg = eo_op_next(eo_block_first(b0));
    assert_string_equal(eo_op_name_str(neg), "t.neg");
    assert_ptr_equal(eo_op_operand(neg, 0), c);
    assert_int_equal(eo_op_verify(m), EO_OK);
    /* Split before print0: ops from there on move to a new block. */
    eo_block *nb = eo_rewriter_split_block(&rw, b0, print0);
    assert_non_null(nb);
    assert_ptr_equal(eo_block_first(nb), print0);
    assert_ptr_equal(eo_block_next(b0), nb);
    assert_ptr_equal(eo_op_block(eo_block_last(nb)), nb);
    eo_op_destroy(m);
}

static void
inline_region_before_moves_blocks(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, two_blocks);
    eo_op *fn = nth_op(m, 0);
    eo_region *src = eo_op_region(fn, 0);
    eo_op *dst_fn = eo_op_clone(fn, NULL);
    eo_block_append(eo_module_body(m), dst_fn);
    eo_region *dst = eo_op_region(dst_fn, 0);
    eo_block *before = eo_region_last(dst);
    eo_block *moved_first = eo_region_first(src);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, &listener, NULL);
    eo_rewriter_inline_region_before(&rw, src, before);
    assert_true(eo_region_empty(src));
    assert_int_equal(eo_region_num_blocks(dst), 4);
    assert_ptr_equal(eo_block_next(eo_block_next(moved_first)), before);
    assert_ptr_equal(eo_block_region(moved_first), dst);
    assert_ptr_equal(eo_block_prev(before), eo_block_next(moved_first));
    assert_non_null(strstr(log_text(), "ins:t.const"));
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            created_ops_inherit_site_key_and_location, setup, teardown),
        cmocka_unit_test_setup_teardown(replace_op_moves_uses_and_notifies,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(erase_op_with_uses_is_refused, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            erase_tree_notifies_users_before_definitions, setup, teardown),
        cmocka_unit_test_setup_teardown(modify_and_replace_all_uses_notify,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(merge_blocks_replaces_arguments,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(inline_block_before_and_split, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(inline_region_before_moves_blocks,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

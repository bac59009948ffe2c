/* test/ir/test_walk.c - pre/post-order walks, skipping, interruption,
 * erasing during post-order, and deep nesting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

typedef struct trace {
    eo_op *seen[64];
    size_t n;
    eo_op *skip, *stop, *erase_consts;
    size_t count;
} trace;

static eo_walk_result
record(eo_op *op, void *ud)
{
    trace *t = ud;
    if (t->n < 64)
        t->seen[t->n++] = op;
    if (op == t->stop)
        return EO_WALK_INTERRUPT;
    if (op == t->skip)
        return EO_WALK_SKIP;
    return EO_WALK_ADVANCE;
}

/* root { a; s1 { b; ^bb1: c { d } }  e }, s1 with two regions:
 * region 0 has blocks [b] and [c], region 1 has [f]. */
typedef struct tree {
    eo_op *root, *a, *s1, *b, *c, *d, *e, *f2;
} tree;

static void
build_tree(core_fixture *f, tree *t)
{
    t->root = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_block *rb = add_block(t->root, 0);
    t->a = mk_op(f->ctx, rb, "foo.a", 0, NULL, 0, NULL, 0);
    t->s1 = mk_op(f->ctx, rb, "foo.s", 0, NULL, 0, NULL, 2);
    eo_block *b1 = add_block(t->s1, 0);
    add_block(t->s1, 0);   /* empty block in between */
    eo_block *b2 = add_block(t->s1, 0);
    t->b = mk_op(f->ctx, b1, "foo.b", 0, NULL, 0, NULL, 0);
    t->c = mk_op(f->ctx, b2, "foo.c", 0, NULL, 0, NULL, 1);
    t->d = mk_op(f->ctx, add_block(t->c, 0), "foo.d", 0, NULL, 0, NULL, 0);
    t->f2 = mk_op(f->ctx, add_block(t->s1, 1), "foo.f", 0, NULL, 0, NULL, 0);
    t->e = mk_op(f->ctx, rb, "foo.e", 0, NULL, 0, NULL, 0);
}

static void
pre_and_post_order(void **state)
{
    core_fixture *f = *state;
    tree t;
    build_tree(f, &t);
    trace tr = { .n = 0 };
    assert_false(eo_op_walk(t.root, EO_WALK_PRE, record, &tr));
    eo_op *pre[] = { t.root, t.a, t.s1, t.b, t.c, t.d, t.f2, t.e };
    assert_int_equal(tr.n, 8);
    for (size_t i = 0; i < 8; i++)
        assert_ptr_equal(tr.seen[i], pre[i]);
    tr = (trace){ .n = 0 };
    assert_false(eo_op_walk(t.root, EO_WALK_POST, record, &tr));
    eo_op *post[] = { t.a, t.b, t.d, t.c, t.f2, t.s1, t.e, t.root };
    assert_int_equal(tr.n, 8);
    for (size_t i = 0; i < 8; i++)
        assert_ptr_equal(tr.seen[i], post[i]);
    /* A walk from a nested op stays inside it. */
    tr = (trace){ .n = 0 };
    eo_op_walk(t.c, EO_WALK_PRE, record, &tr);
    assert_int_equal(tr.n, 2);
    tr = (trace){ .n = 0 };
    eo_op_walk(t.c, EO_WALK_POST, record, &tr);
    assert_int_equal(tr.n, 2);
    assert_ptr_equal(tr.seen[1], t.c);
    eo_op_destroy(t.root);
}

static void
skip_and_interrupt(void **state)
{
    core_fixture *f = *state;
    tree t;
    build_tree(f, &t);
    trace tr = { .skip = t.s1 };
    assert_false(eo_op_walk(t.root, EO_WALK_PRE, record, &tr));
    assert_int_equal(tr.n, 4);   /* root a s1 e */
    assert_ptr_equal(tr.seen[3], t.e);
    tr = (trace){ .stop = t.d };
    assert_true(eo_op_walk(t.root, EO_WALK_PRE, record, &tr));
    assert_int_equal(tr.n, 6);
    tr = (trace){ .stop = t.d };
    assert_true(eo_op_walk(t.root, EO_WALK_POST, record, &tr));
    assert_int_equal(tr.n, 3);   /* a b d */
    eo_op_destroy(t.root);
}

static eo_walk_result
erase_leaves(eo_op *op, void *ud)
{
    trace *t = ud;
    t->count++;
    if (op != t->stop && eo_op_num_regions(op) == 0)
        assert_int_equal(eo_op_erase(op), EO_OK);
    return EO_WALK_ADVANCE;
}

static void
post_order_allows_erasing_the_visited_op(void **state)
{
    core_fixture *f = *state;
    tree t;
    build_tree(f, &t);
    trace tr = { .stop = NULL };
    assert_false(eo_op_walk(t.root, EO_WALK_POST, erase_leaves, &tr));
    assert_int_equal(tr.count, 8);
    /* Only ops with regions remain. */
    tr = (trace){ .n = 0 };
    eo_op_walk(t.root, EO_WALK_PRE, record, &tr);
    assert_int_equal(tr.n, 3);   /* root s1 c */
    eo_op_destroy(t.root);
}

static eo_walk_result
count_ops(eo_op *op, void *ud)
{
    (void)op;
    (*(size_t *)ud)++;
    return EO_WALK_ADVANCE;
}

static void
deep_nesting_walks_without_recursion(void **state)
{
    core_fixture *f = *state;
    eo_op *root = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_op *cur = root;
    for (int i = 0; i < 100000; i++) {
        eo_block *b = add_block(cur, 0);
        mk_op(f->ctx, b, "foo.leaf", 0, NULL, 0, NULL, 0);
        cur = mk_op(f->ctx, b, "tst.scope", 0, NULL, 0, NULL, 1);
    }
    size_t n = 0;
    eo_op_walk(root, EO_WALK_PRE, count_ops, &n);
    assert_int_equal(n, 200001);
    n = 0;
    eo_op_walk(root, EO_WALK_POST, count_ops, &n);
    assert_int_equal(n, 200001);
    eo_op_destroy(root);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(pre_and_post_order, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(skip_and_interrupt, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(
            post_order_allows_erasing_the_visited_op, core_setup,
            core_teardown),
        cmocka_unit_test_setup_teardown(deep_nesting_walks_without_recursion,
                                        core_setup, core_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

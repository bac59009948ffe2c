/* test/ir/test_verify.c - verifier diagnostics (MLIR's wording), dominance
 * and isolation, graph regions, symbol uniqueness, and linear time. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/ir/core_testlib.h"

#include <time.h>

/* Verifies 'op'; expects failure with exactly one error whose text
 * (with notes) contains 'want', or success if want is NULL. */
static void
expect(core_fixture *f, eo_op *op, const char *want)
{
    f->log.len = 0;
    f->log.text[0] = '\0';
    f->log.errors = 0;
    eo_status st = eo_op_verify(op);
    if (!want) {
        if (st != EO_OK)
            fail_msg("unexpected: %s", f->log.text);
        assert_int_equal(f->log.errors, 0);
        return;
    }
    assert_int_equal(st, EO_ERROR);
    assert_int_equal(f->log.errors, 1);
    if (!strstr(f->log.text, want))
        fail_msg("got '%s', want '%s'", f->log.text, want);
}

/* A module holding tst.func @f with one entry block; *entry gets it. */
static eo_op *
mk_func(core_fixture *f, eo_block **entry)
{
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "tst.func", NULL);
    assert_int_equal(eo_op_state_set_attr(&st, "sym_name",
                                          eo_attr_get_string(f->ctx, "f", 1,
                                                             NULL)),
                     EO_OK);
    assert_non_null(eo_op_state_add_region(&st));
    eo_op *fn = eo_op_create(&st);
    eo_block_append(eo_module_body(mod), fn);
    *entry = add_block(fn, 0);
    return mod;
}

static eo_op *
mk_br(core_fixture *f, eo_block *b, eo_block *dest, size_t n,
      eo_value *const *args)
{
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "tst.br", NULL);
    assert_int_equal(eo_op_state_add_operands(&st, n, args), EO_OK);
    assert_int_equal(eo_op_state_add_successor(&st, dest), EO_OK);
    eo_op *op = eo_op_create(&st);
    if (b)
        eo_block_append(b, op);
    return op;
}

static eo_op *
mk_cbr(core_fixture *f, eo_block *b, eo_block *t, eo_block *e)
{
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "tst.cbr", NULL);
    assert_int_equal(eo_op_state_add_successor(&st, t), EO_OK);
    assert_int_equal(eo_op_state_add_successor(&st, e), EO_OK);
    eo_op *op = eo_op_create(&st);
    eo_block_append(b, op);
    return op;
}

static void
valid_function(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_value *c = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    eo_value *ops[2] = { c, c };
    eo_value *s = eo_op_result(mk_op(f->ctx, b, "tst.add", 2, ops, 1, f->i32,
                                     0), 0);
    mk_op(f->ctx, b, "tst.ret", 1, &s, 0, NULL, 0);
    expect(f, mod, NULL);
    eo_op_destroy(mod);
}

static void
counts_and_required_attrs(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_value *c = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    eo_value *ops[3] = { c, c, c };
    eo_op *ret = mk_op(f->ctx, b, "tst.ret", 0, NULL, 0, NULL, 0);
    eo_op *bad = mk_op(f->ctx, NULL, "tst.add", 1, ops, 1, f->i32, 0);
    eo_op_insert_before(ret, bad);
    expect(f, mod, "'tst.add' op expected 2 operands, but found 1");
    assert_int_equal(eo_op_insert_operand(bad, 0, c), EO_OK);
    assert_int_equal(eo_op_insert_operand(bad, 0, c), EO_OK);
    expect(f, mod, "'tst.add' op expected 2 operands, but found 3");
    eo_op_destroy(bad);
    bad = mk_op(f->ctx, NULL, "tst.add", 2, ops, 0, NULL, 0);
    eo_op_insert_before(ret, bad);
    expect(f, mod, "'tst.add' op requires one result");
    eo_op_destroy(bad);
    bad = mk_op(f->ctx, NULL, "tst.const", 0, NULL, 1, f->i32, 0);
    eo_op_insert_before(ret, bad);
    expect(f, mod, "'tst.const' op requires attribute 'value'");
    eo_op_destroy(bad);
    bad = mk_op(f->ctx, NULL, "tst.ret", 0, NULL, 0, NULL, 1);
    eo_op_insert_before(ret, bad);
    expect(f, mod, "'tst.ret' op requires zero regions");
    eo_op_destroy(bad);
    bad = mk_op(f->ctx, NULL, "tst.br", 0, NULL, 0, NULL, 0);
    eo_op_destroy(ret);
    eo_block_append(b, bad);
    expect(f, mod, "'tst.br' op requires 1 successor but found 0");
    eo_op_destroy(mod);
}

static void
type_traits(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_value *c = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    eo_value *d = eo_op_result(mk_const(f->ctx, b, f->i64, 1), 0);
    eo_op *ret = mk_op(f->ctx, b, "tst.ret", 0, NULL, 0, NULL, 0);
    eo_value *ops[2] = { c, d };
    eo_op *bad = mk_op(f->ctx, NULL, "tst.add", 2, ops, 1, f->i32, 0);
    eo_op_insert_before(ret, bad);
    expect(f, mod, "'tst.add' op requires the same type for all operands "
           "and results");
    eo_op_destroy(bad);
    bad = mk_op(f->ctx, NULL, "tst.same", 2, ops, 0, NULL, 0);
    eo_op_insert_before(ret, bad);
    expect(f, mod, "'tst.same' op requires all operands to have the same "
           "type");
    eo_op_destroy(bad);
    eo_op_destroy(mod);
}

static void
terminators(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_op *c = mk_const(f->ctx, b, f->i32, 1);
    expect(f, mod, "block with no terminator, has ");
    eo_op *ret = mk_op(f->ctx, NULL, "tst.ret", 0, NULL, 0, NULL, 0);
    eo_op_insert_before(c, ret);
    expect(f, mod, "'tst.ret' op must be the last operation in the parent "
           "block");
    assert_int_equal(eo_op_erase(c), EO_OK);
    expect(f, mod, NULL);
    /* An empty block in a region whose op needs terminators. */
    eo_op *scope = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 0, NULL, 1);
    add_block(scope, 0);
    eo_op_insert_before(ret, scope);
    expect(f, mod, "empty block: expect at least a terminator");
    eo_op_destroy(scope);
    /* Ops that do not need one: unregistered, EO_NO_TERMINATOR. */
    eo_op *u = mk_op(f->ctx, NULL, "foo.region", 0, NULL, 0, NULL, 1);
    mk_const(f->ctx, add_block(u, 0), f->i32, 3);
    eo_op_insert_before(ret, u);
    eo_op *g = mk_op(f->ctx, NULL, "tst.graph", 0, NULL, 0, NULL, 1);
    mk_const(f->ctx, add_block(g, 0), f->i32, 3);
    eo_op_insert_before(ret, g);
    expect(f, mod, NULL);
    add_block(g, 0);
    expect(f, mod, "'tst.graph' op expects region #0 to have 0 or 1 blocks");
    eo_op_destroy(mod);
}

static void
dominance_in_one_block(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_op *ret = mk_op(f->ctx, b, "tst.ret", 0, NULL, 0, NULL, 0);
    eo_op *c = mk_const(f->ctx, NULL, f->i32, 1);
    eo_value *v = eo_op_result(c, 0);
    eo_value *ops[2] = { v, v };
    eo_op *add = mk_op(f->ctx, NULL, "tst.add", 2, ops, 1, f->i32, 0);
    eo_op_insert_before(ret, add);
    eo_op_insert_before(ret, c);
    expect(f, mod, "operand #0 does not dominate this use | note: operand "
           "defined here (op in the same block)");
    eo_op_move_before(c, add);
    expect(f, mod, NULL);
    assert_true(eo_value_dominates(v, add));
    assert_false(eo_value_dominates(eo_op_result(add, 0), c));
    /* A use inside the defining op's own region. */
    eo_op *scope = mk_op(f->ctx, NULL, "tst.scope", 0, NULL, 1, f->i32, 1);
    eo_op_insert_before(ret, scope);
    eo_value *sv = eo_op_result(scope, 0);
    eo_block *in = add_block(scope, 0);
    mk_op(f->ctx, in, "tst.ret", 1, &sv, 0, NULL, 0);
    expect(f, mod, "operand #0 does not dominate this use | note: operand "
           "defined here (op in a parent region)");
    eo_op_destroy(mod);
}

/* entry: cbr ^a, ^b;  ^a: %x = const; br ^j  ^b: br ^j
 * ^j(%arg): use ... */
static void
dominance_across_blocks(void **state)
{
    core_fixture *f = *state;
    eo_block *e;
    eo_op *mod = mk_func(f, &e);
    eo_op *fn = eo_block_parent_op(e);
    eo_block *a = add_block(fn, 0), *bb = add_block(fn, 0);
    eo_block *j = add_block(fn, 0);
    eo_value *arg = eo_block_add_arg(j, f->i32, NULL);
    eo_value *top = eo_op_result(mk_const(f->ctx, e, f->i32, 0), 0);
    mk_cbr(f, e, a, bb);
    eo_value *x = eo_op_result(mk_const(f->ctx, a, f->i32, 1), 0);
    mk_br(f, a, j, 1, &x);
    mk_br(f, bb, j, 1, &top);
    eo_value *ops[2] = { top, arg };
    eo_op *use = mk_op(f->ctx, j, "tst.add", 2, ops, 1, f->i32, 0);
    mk_op(f->ctx, j, "tst.ret", 0, NULL, 0, NULL, 0);
    expect(f, mod, NULL);
    eo_op_set_operand(use, 1, x);
    expect(f, mod, "operand #1 does not dominate this use | note: operand "
           "defined here (op in the same region)");
    assert_false(eo_value_dominates(x, use));
    assert_true(eo_value_dominates(top, use));
    /* A block argument of another block. */
    eo_value *aarg = eo_block_add_arg(a, f->i32, NULL);
    eo_op_set_operand(use, 1, aarg);
    expect(f, mod, "operand #1 does not dominate this use | note: operand "
           "defined as a block argument (block #1 in the same region)");
    eo_op_set_operand(use, 1, arg);
    expect(f, mod, NULL);
    /* Unreachable blocks may use anything. */
    eo_block *dead = add_block(fn, 0);
    mk_op(f->ctx, dead, "tst.use", 1, &x, 0, NULL, 0);
    mk_op(f->ctx, dead, "tst.ret", 0, NULL, 0, NULL, 0);
    expect(f, mod, NULL);
    /* A branch back to the entry block. */
    eo_op *back = mk_br(f, dead, e, 0, NULL);
    eo_op_destroy(eo_op_prev(back));   /* the tst.ret before it */
    expect(f, mod, "entry block of region may not have predecessors");
    eo_op_destroy(mod);
}

static void
loops_and_nested_regions(void **state)
{
    core_fixture *f = *state;
    eo_block *e;
    eo_op *mod = mk_func(f, &e);
    eo_op *fn = eo_block_parent_op(e);
    eo_block *h = add_block(fn, 0), *body = add_block(fn, 0);
    eo_block *exit_b = add_block(fn, 0);
    eo_value *v = eo_op_result(mk_const(f->ctx, e, f->i32, 0), 0);
    mk_br(f, e, h, 0, NULL);
    eo_value *hv = eo_op_result(mk_const(f->ctx, h, f->i32, 1), 0);
    mk_cbr(f, h, body, exit_b);
    /* A nested op in the loop body uses values of dominating blocks. */
    eo_op *scope = mk_op(f->ctx, body, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_value *ops[2] = { v, hv };
    eo_block *in = add_block(scope, 0);
    mk_op(f->ctx, in, "tst.add", 2, ops, 1, f->i32, 0);
    mk_op(f->ctx, in, "tst.ret", 0, NULL, 0, NULL, 0);
    eo_value *bv = eo_op_result(mk_const(f->ctx, body, f->i32, 2), 0);
    mk_br(f, body, h, 0, NULL);
    eo_op *r = mk_op(f->ctx, exit_b, "tst.ret", 1, &hv, 0, NULL, 0);
    expect(f, mod, NULL);
    eo_op_set_operand(r, 0, bv);
    expect(f, mod, "operand #0 does not dominate this use");
    eo_op_destroy(mod);
}

static void
isolation_from_above(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_op *outer = mk_op(f->ctx, eo_module_body(mod), "foo.outer", 0, NULL,
                         0, NULL, 1);
    eo_block *ob = add_block(outer, 0);
    eo_value *v = eo_op_result(mk_const(f->ctx, ob, f->i32, 0), 0);
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "tst.func", NULL);
    assert_int_equal(eo_op_state_set_attr(&st, "sym_name",
                                          eo_attr_get_string(f->ctx, "g", 1,
                                                             NULL)),
                     EO_OK);
    assert_non_null(eo_op_state_add_region(&st));
    eo_op *fn = eo_op_create(&st);
    eo_block_append(ob, fn);
    eo_block *b = add_block(fn, 0);
    eo_op *u = mk_op(f->ctx, b, "tst.use", 1, &v, 0, NULL, 0);
    mk_op(f->ctx, b, "tst.ret", 0, NULL, 0, NULL, 0);
    expect(f, mod, "'tst.use' op using value defined outside the region | "
           "note: required by region isolation constraints");
    eo_op_erase_operand(u, 0);
    expect(f, mod, NULL);
    eo_op_destroy(mod);
}

static void
graph_regions_allow_any_order(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_block *body = eo_module_body(mod);
    eo_op *g = mk_op(f->ctx, body, "tst.graph", 0, NULL, 0, NULL, 1);
    eo_block *gb = add_block(g, 0);
    eo_op *u = mk_op(f->ctx, gb, "tst.use", 0, NULL, 0, NULL, 0);
    eo_value *v = eo_op_result(mk_const(f->ctx, gb, f->i32, 0), 0);
    assert_int_equal(eo_op_insert_operand(u, 0, v), EO_OK);
    eo_op *un = mk_op(f->ctx, body, "foo.any", 0, NULL, 0, NULL, 1);
    eo_block *ub = add_block(un, 0);
    eo_op *u2 = mk_op(f->ctx, ub, "foo.use", 0, NULL, 0, NULL, 0);
    eo_value *w = eo_op_result(mk_op(f->ctx, ub, "foo.def", 0, NULL, 1,
                                     f->i32, 0), 0);
    assert_int_equal(eo_op_insert_operand(u2, 0, w), EO_OK);
    /* Module level is a graph region too. */
    eo_op *u3 = mk_op(f->ctx, body, "foo.use", 0, NULL, 0, NULL, 0);
    eo_value *late = eo_op_result(mk_const(f->ctx, body, f->i32, 1), 0);
    assert_int_equal(eo_op_insert_operand(u3, 0, late), EO_OK);
    expect(f, mod, NULL);
    eo_op_destroy(mod);
}

static void
symbol_redefinition(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    mk_op(f->ctx, b, "tst.ret", 0, NULL, 0, NULL, 0);
    expect(f, mod, NULL);
    eo_op *fn = eo_block_first(eo_module_body(mod));
    eo_op *copy = eo_op_clone(fn, NULL);
    eo_block_append(eo_module_body(mod), copy);
    expect(f, mod, "redefinition of symbol named 'f' | note: see existing "
           "symbol definition here");
    assert_int_equal(eo_op_set_attr(copy, "sym_name",
                                    eo_attr_get_string(f->ctx, "g", 1, NULL)),
                     EO_OK);
    expect(f, mod, NULL);
    assert_int_equal(eo_op_set_attr(copy, "sym_name", NULL), EO_OK);
    expect(f, mod, "'tst.func' op requires attribute 'sym_name'");
    eo_op_destroy(mod);
}

static void
registration(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    eo_op *op = mk_op(f->ctx, eo_module_body(mod), "tst.nope", 0, NULL, 0,
                      NULL, 0);
    expect(f, mod, "unregistered operation 'tst.nope' found in dialect "
           "('tst') that does not allow unknown operations");
    eo_op_destroy(op);
    mk_op(f->ctx, eo_module_body(mod), "foo.bar", 0, NULL, 0, NULL, 0);
    expect(f, mod, NULL);
    eo_ctx_set_allow_unregistered(f->ctx, false);
    expect(f, mod, "'foo.bar' op created with unregistered dialect");
    eo_ctx_set_allow_unregistered(f->ctx, true);
    eo_op_destroy(mod);
}

static void
successors_and_segments(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_op *fn = eo_block_parent_op(b);
    eo_block *b1 = add_block(fn, 0);
    mk_op(f->ctx, b1, "tst.ret", 0, NULL, 0, NULL, 0);
    eo_op *scope = mk_op(f->ctx, b, "tst.scope", 0, NULL, 0, NULL, 1);
    eo_block *in = add_block(scope, 0);
    eo_op *br = mk_br(f, in, b1, 0, NULL);
    mk_br(f, b, b1, 0, NULL);
    expect(f, mod, "branching to block of a different region");
    eo_op_destroy(br);
    eo_value *c = eo_op_result(mk_const(f->ctx, in, f->i32, 1), 0);
    eo_op *mid = mk_br(f, NULL, b1, 0, NULL);
    eo_op_insert_before(eo_block_first(in), mid);
    mk_op(f->ctx, in, "tst.ret", 0, NULL, 0, NULL, 0);
    expect(f, mod, "operation with block successors must terminate its "
           "parent block");
    eo_op_destroy(mid);
    eo_value *ops[3] = { c, c, c };
    eo_op *seg = mk_op(f->ctx, NULL, "tst.seg", 3, ops, 0, NULL, 0);
    eo_op_insert_before(eo_block_last(in), seg);
    expect(f, mod, "'tst.seg' op requires attribute 'operandSegmentSizes'");
    int32_t sizes[2] = { 1, 1 };
    assert_int_equal(eo_op_set_attr(seg, "operandSegmentSizes",
                                    eo_attr_get_dense_array(f->ctx, f->i32,
                                                            2, sizes)),
                     EO_OK);
    expect(f, mod, "'tst.seg' op operand count (3) does not match with the "
           "total size (2) specified in attribute 'operandSegmentSizes'");
    sizes[1] = 2;
    assert_int_equal(eo_op_set_attr(seg, "operandSegmentSizes",
                                    eo_attr_get_dense_array(f->ctx, f->i32,
                                                            2, sizes)),
                     EO_OK);
    expect(f, mod, NULL);
    eo_op_destroy(mod);
}

static void
builtin_ops_verify(void **state)
{
    core_fixture *f = *state;
    eo_op *mod = eo_module_create(f->ctx, NULL);
    assert_ptr_equal(eo_op_get_def(mod),
                     eo_builtin_op(f->ctx, EO_BUILTIN_MODULE));
    expect(f, mod, NULL);
    assert_int_equal(eo_op_set_attr(mod, "foo", eo_attr_get_unit(f->ctx)),
                     EO_OK);
    expect(f, mod, "'builtin.module' op can only contain attributes with "
           "dialect-prefixed names, found: 'foo'");
    assert_int_equal(eo_op_set_attr(mod, "foo", NULL), EO_OK);
    eo_value *a = eo_op_result(mk_const(f->ctx, eo_module_body(mod), f->i32,
                                        1), 0);
    eo_op *cast = mk_op(f->ctx, eo_module_body(mod),
                        "builtin.unrealized_conversion_cast", 1, &a, 0, NULL,
                        0);
    expect(f, mod, "'builtin.unrealized_conversion_cast' op expected at "
           "least one result for cast operation");
    eo_op_destroy(cast);
    mk_op(f->ctx, eo_module_body(mod), "builtin.unrealized_conversion_cast",
          1, &a, 2, f->i64, 0);
    expect(f, mod, NULL);
    eo_op_destroy(mod);
}

static void
a_million_ops_verify_in_linear_time(void **state)
{
    core_fixture *f = *state;
    eo_block *b;
    eo_op *mod = mk_func(f, &b);
    eo_builder bl;
    eo_builder_init(&bl, f->ctx);
    eo_builder_set_end(&bl, b);
    eo_value *v = eo_op_result(mk_const(f->ctx, b, f->i32, 1), 0);
    for (int i = 0; i < 1000000; i++) {
        eo_value *ops[2] = { v, v };
        eo_op *add = eo_builder_create(&bl, "tst.add", 2, ops, 1, &f->i32, 0,
                                       NULL);
        assert_non_null(add);
        v = eo_op_result(add, 0);
    }
    mk_op(f->ctx, b, "tst.ret", 1, &v, 0, NULL, 0);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    expect(f, mod, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double s = (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    print_message("verify of 1M ops: %.3f s\n", s);
    /* Generous for sanitizer builds; release builds take ~0.1 s. */
    assert_true(s < 3.0);
    eo_op_destroy(mod);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(valid_function, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(counts_and_required_attrs,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(type_traits, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(terminators, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(dominance_in_one_block, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(dominance_across_blocks, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(loops_and_nested_regions, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(isolation_from_above, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(graph_regions_allow_any_order,
                                        core_setup, core_teardown),
        cmocka_unit_test_setup_teardown(symbol_redefinition, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(registration, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(successors_and_segments, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(builtin_ops_verify, core_setup,
                                        core_teardown),
        cmocka_unit_test_setup_teardown(a_million_ops_verify_in_linear_time,
                                        core_setup, core_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

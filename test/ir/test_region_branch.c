/* test/ir/test_region_branch.c - the control-flow interfaces of op
 * tables: which successor cf's branches take for constant operands
 * (eo_op_branch_successor), where control and values go between scf's
 * region ops and their regions (eo_op_region_successors, MLIR's
 * getSuccessorRegions with its constant-operand pruning), and the
 * accessors' checks of what a hook answers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"

#include <string.h>

#define P EO_REGION_PARENT

/* A hook answering nonsense: a region that does not exist, a range past
 * every operand and input, and one longer than the inputs. */
static void
bad_successors(eo_op *op, eo_op *term, const eo_attr *const cst[],
               eo_region_successor_fn add, void *ud)
{
    (void)op;
    (void)term;
    (void)cst;
    eo_region_successor s1 = { 7, 0, 0, 1 };
    eo_region_successor s2 = { 0, 5, 0, 3 };
    eo_region_successor s3 = { P, 0, 0, 100 };
    add(ud, &s1);
    add(ud, &s2);
    add(ud, &s3);
}

static int
bad_branch(eo_op *op, const eo_attr *const cst[])
{
    (void)op;
    (void)cst;
    return 9;
}

static const eo_op_def bad_ops[] = {
    { .name = "bad.region", .operands = EO_VARIADIC,
      .results = EO_VARIADIC, .regions = 1,
      .region_successors = bad_successors },
    { .name = "bad.br", .operands = 0, .results = 0, .successors = 1,
      .traits = EO_TERMINATOR, .branch_successor = bad_branch },
    { .name = "bad.end", .operands = EO_VARIADIC, .results = 0,
      .traits = EO_TERMINATOR },
};

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK ||
        eo_dialect_register(ctx, "bad", bad_ops, 3) != EO_OK)
        return -1;
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

typedef struct succs {
    eo_region_successor s[8];
    size_t n;
} succs;

static void
collect(void *ud, const eo_region_successor *s)
{
    succs *c = ud;
    if (c->n < 8)
        c->s[c->n] = *s;
    c->n++;
}

/* Asks op (from the parent when 'term' is NULL). */
static succs
ask(eo_op *op, eo_op *term, const eo_attr *const cst[])
{
    succs c;
    memset(&c, 0, sizeof c);
    assert_true(eo_op_region_successors(op, term, cst, collect, &c));
    return c;
}

static void
expect(const succs *c, size_t i, uint32_t region, uint32_t first_operand,
       uint32_t first_input, uint32_t count)
{
    assert_true(i < c->n);
    assert_int_equal(c->s[i].region, region);
    assert_int_equal(c->s[i].count, count);
    if (count) {
        assert_int_equal(c->s[i].first_operand, first_operand);
        assert_int_equal(c->s[i].first_input, first_input);
    }
}

typedef struct find {
    const char *name;
    eo_op *found;
} find;

static eo_walk_result
find_cb(eo_op *op, void *ud)
{
    find *f = ud;
    if (strcmp(eo_op_name_str(op), f->name) == 0) {
        f->found = op;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

static eo_op *
first_op(eo_op *root, const char *name)
{
    find f = { name, NULL };
    eo_op_walk(root, EO_WALK_PRE, find_cb, &f);
    assert_non_null(f.found);
    return f.found;
}

static eo_op *
parse(eo_ctx *ctx, const char *text)
{
    eo_op *m = eo_parse_source(ctx, "t.mlir", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* The last op of region r's entry block of 'op'. */
static eo_op *
term_of(eo_op *op, size_t r)
{
    return eo_block_last(eo_region_first(eo_op_region(op, r)));
}

static void
cf_branches_pick_successors(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = parse(ctx,
        "func.func @f(%c: i1, %x: i32) {\n"
        "  cf.cond_br %c, ^bb1, ^bb2\n"
        "^bb1:\n"
        "  cf.switch %x : i32, [default: ^bb2, 4: ^bb3, 9: ^bb1]\n"
        "^bb2:\n"
        "  cf.br ^bb3\n"
        "^bb3:\n"
        "  return\n"
        "}\n");
    const eo_attr *t = eo_attr_get_bool(ctx, true);
    const eo_attr *f = eo_attr_get_bool(ctx, false);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    eo_op *cb = first_op(m, "cf.cond_br");
    const eo_attr *ct[] = { t }, *cf[] = { f }, *cn[] = { NULL };
    assert_int_equal(eo_op_branch_successor(cb, ct), 0);
    assert_int_equal(eo_op_branch_successor(cb, cf), 1);
    assert_int_equal(eo_op_branch_successor(cb, cn), -1);
    assert_int_equal(eo_op_branch_successor(cb, NULL), -1);
    eo_op *sw = first_op(m, "cf.switch");
    const eo_attr *s4[] = { eo_attr_get_int(ctx, i32, 4) };
    const eo_attr *s9[] = { eo_attr_get_int(ctx, i32, 9) };
    const eo_attr *s5[] = { eo_attr_get_int(ctx, i32, 5) };
    assert_int_equal(eo_op_branch_successor(sw, s4), 1);
    assert_int_equal(eo_op_branch_successor(sw, s9), 2);
    assert_int_equal(eo_op_branch_successor(sw, s5), 0);
    assert_int_equal(eo_op_branch_successor(sw, cn), -1);
    assert_int_equal(eo_op_branch_successor(first_op(m, "cf.br"), NULL), 0);
    /* No hook: not a branch the interface knows. */
    assert_int_equal(eo_op_branch_successor(first_op(m, "func.return"),
                                            NULL), -1);
    assert_false(eo_op_is_region_branch(cb));
    eo_op_destroy(m);
}

static void
scf_if_and_index_switch_prune_by_constants(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = parse(ctx,
        "func.func @f(%c: i1, %i: index, %x: i32) -> (i32, i32) {\n"
        "  %r = scf.if %c -> i32 {\n"
        "    scf.yield %x : i32\n"
        "  } else {\n"
        "    scf.yield %x : i32\n"
        "  }\n"
        "  scf.if %c {\n"
        "  }\n"
        "  %s = scf.index_switch %i -> i32\n"
        "  case 2 {\n"
        "    scf.yield %x : i32\n"
        "  }\n"
        "  case 5 {\n"
        "    scf.yield %x : i32\n"
        "  }\n"
        "  default {\n"
        "    scf.yield %x : i32\n"
        "  }\n"
        "  %e = scf.execute_region -> i32 {\n"
        "    scf.yield %x : i32\n"
        "  }\n"
        "  return %r, %s : i32, i32\n"
        "}\n");
    const eo_attr *t[] = { eo_attr_get_bool(ctx, true) };
    const eo_attr *f[] = { eo_attr_get_bool(ctx, false) };
    eo_op *ifop = first_op(m, "scf.if");
    assert_true(eo_op_is_region_branch(ifop));
    succs c = ask(ifop, NULL, NULL);
    assert_int_equal(c.n, 2);
    expect(&c, 0, 0, 0, 0, 0);
    expect(&c, 1, 1, 0, 0, 0);
    c = ask(ifop, NULL, t);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 0, 0, 0, 0);
    c = ask(ifop, NULL, f);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 1, 0, 0, 0);
    c = ask(ifop, term_of(ifop, 1), NULL);
    assert_int_equal(c.n, 1);
    expect(&c, 0, P, 0, 0, 1);
    /* Without an else, a false condition goes on after the op. */
    eo_op *if2 = eo_op_next(ifop);
    c = ask(if2, NULL, f);
    assert_int_equal(c.n, 1);
    expect(&c, 0, P, 0, 0, 0);

    eo_op *sw = first_op(m, "scf.index_switch");
    const eo_type *idx = eo_type_get_index(ctx);
    const eo_attr *k5[] = { eo_attr_get_int(ctx, idx, 5) };
    const eo_attr *k7[] = { eo_attr_get_int(ctx, idx, 7) };
    c = ask(sw, NULL, NULL);
    assert_int_equal(c.n, 3);
    for (size_t i = 0; i < 3; i++)
        expect(&c, i, (uint32_t)i, 0, 0, 0);
    c = ask(sw, NULL, k5);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 2, 0, 0, 0);       /* case 5 is region 2 */
    c = ask(sw, NULL, k7);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 0, 0, 0, 0);       /* the default region */
    c = ask(sw, term_of(sw, 2), NULL);
    assert_int_equal(c.n, 1);
    expect(&c, 0, P, 0, 0, 1);

    eo_op *er = first_op(m, "scf.execute_region");
    c = ask(er, NULL, NULL);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 0, 0, 0, 0);
    c = ask(er, term_of(er, 0), NULL);
    assert_int_equal(c.n, 1);
    expect(&c, 0, P, 0, 0, 1);
    /* A terminator of another op's region is refused. */
    succs none;
    memset(&none, 0, sizeof none);
    assert_false(eo_op_region_successors(er, term_of(ifop, 0), NULL,
                                         collect, &none));
    assert_false(eo_op_region_successors(first_op(m, "func.func"), NULL,
                                         NULL, collect, &none));
    assert_int_equal(none.n, 0);
    eo_op_destroy(m);
}

static void
scf_loops_forward_inits_and_yields(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = parse(ctx,
        "func.func @f(%n: index, %x: i32, %c: i1) -> (i32, i32) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %x) -> i32 {\n"
        "    scf.yield %a : i32\n"
        "  }\n"
        "  %w = scf.while (%b = %x, %d = %x) : (i32, i32) -> i32 {\n"
        "    scf.condition(%c) %b : i32\n"
        "  } do {\n"
        "  ^bb0(%e: i32):\n"
        "    scf.yield %e, %e : i32, i32\n"
        "  }\n"
        "  return %r, %w : i32, i32\n"
        "}\n");
    eo_op *loop = first_op(m, "scf.for");
    /* Inits (operands 3..) go to the body after the induction variable,
     * and to the results (zero trips). */
    succs c = ask(loop, NULL, NULL);
    assert_int_equal(c.n, 2);
    expect(&c, 0, 0, 3, 1, 1);
    expect(&c, 1, P, 3, 0, 1);
    c = ask(loop, term_of(loop, 0), NULL);
    assert_int_equal(c.n, 2);
    expect(&c, 0, 0, 0, 1, 1);
    expect(&c, 1, P, 0, 0, 1);

    eo_op *wh = first_op(m, "scf.while");
    c = ask(wh, NULL, NULL);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 0, 0, 0, 2);
    eo_op *cond = term_of(wh, 0);
    c = ask(wh, cond, NULL);
    assert_int_equal(c.n, 2);
    expect(&c, 0, P, 1, 0, 1);
    expect(&c, 1, 1, 1, 0, 1);
    const eo_attr *t[] = { eo_attr_get_bool(ctx, true), NULL };
    const eo_attr *f[] = { eo_attr_get_bool(ctx, false), NULL };
    c = ask(wh, cond, t);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 1, 1, 0, 1);
    c = ask(wh, cond, f);
    assert_int_equal(c.n, 1);
    expect(&c, 0, P, 1, 0, 1);
    c = ask(wh, term_of(wh, 1), NULL);
    assert_int_equal(c.n, 1);
    expect(&c, 0, 0, 0, 0, 2);
    eo_op_destroy(m);
}

static void
accessors_check_what_hooks_answer(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = parse(ctx,
        "func.func @f(%x: i32) {\n"
        "  %r = \"bad.region\"(%x, %x) ({\n"
        "  ^bb0(%a: i32, %b: i32):\n"
        "    \"bad.end\"(%a) : (i32) -> ()\n"
        "  }) : (i32, i32) -> i32\n"
        "  \"bad.br\"() [^bb1] : () -> ()\n"
        "^bb1:\n"
        "  return\n"
        "}\n");
    eo_op *op = first_op(m, "bad.region");
    /* Region 7 is dropped; operands from 5 do not exist (nothing is
     * forwarded); 100 values shrink to the one result. */
    succs c = ask(op, NULL, NULL);
    assert_int_equal(c.n, 2);
    expect(&c, 0, 0, 0, 0, 0);
    expect(&c, 1, P, 0, 0, 1);
    /* From the terminator: it has one operand. */
    c = ask(op, term_of(op, 0), NULL);
    assert_int_equal(c.n, 2);
    expect(&c, 1, P, 0, 0, 1);
    /* Successor 9 of a one-successor branch: unknown. */
    assert_int_equal(eo_op_branch_successor(first_op(m, "bad.br"), NULL),
                     -1);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(cf_branches_pick_successors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            scf_if_and_index_switch_prune_by_constants, setup, teardown),
        cmocka_unit_test_setup_teardown(scf_loops_forward_inits_and_yields,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(accessors_check_what_hooks_answer,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

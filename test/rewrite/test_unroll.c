/* test/rewrite/test_unroll.c - the unroll pass: every factor gives valid
 * IR that computes the same results (checked by interpreting it) for
 * constant and dynamic trip counts, with iter_args, epilogues and nested
 * loops; the knobs it asks. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#define PASS_FIXTURE_FILE "unroll.mlir"
#include "test/rewrite/pass_fixture.h"

#include <stdio.h>

/* Runs -unroll on a fresh parse of 'src' with the assignment 'knob'
 * ("name=value", may be NULL); the result is verified. */
static eo_op *
unroll(fixture *f, const char *src, const char *knob, eo_knob_store **ksp)
{
    eo_op *m = parse(f, src);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    if (knob)
        assert_int_equal(eo_knob_store_assign(ks, knob), EO_OK);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pass(pm, "unroll", ""), EO_OK);
    if (eo_pm_run(pm, m, eo_knob_store_provider(ks)) != EO_OK)
        fail_msg("unroll failed: %s", f->diags.data);
    eo_pm_destroy(pm);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("invalid IR after unroll: %s", f->diags.data);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    if (ksp)
        *ksp = ks;
    else
        eo_knob_store_destroy(ks);
    return m;
}

typedef struct counts {
    size_t fors, ops;
} counts;

static eo_walk_result
count_op(eo_op *op, void *ud)
{
    counts *c = ud;
    c->ops++;
    if (strcmp(eo_op_name_str(op), "scf.for") == 0)
        c->fors++;
    return EO_WALK_ADVANCE;
}

static counts
count(eo_op *m)
{
    counts c = { 0, 0 };
    eo_op_walk(m, EO_WALK_PRE, count_op, &c);
    return c;
}

/* Runs @f of both modules on every argument tuple and compares results
 * and sink traces. */
static void
same_behaviour(fixture *f, eo_op *a, eo_op *b, const int64_t *argsets,
               size_t nsets, size_t nargs, size_t nres)
{
    for (size_t s = 0; s < nsets; s++) {
        const int64_t *args = argsets + s * nargs;
        int64_t ra[8], rb[8], ta[MI_TRACE];
        assert_true(mi_run(&f->m, a, "f", args, nargs, ra, nres));
        size_t na = f->m.ntrace;
        memcpy(ta, f->m.trace, na * sizeof *ta);
        assert_true(mi_run(&f->m, b, "f", args, nargs, rb, nres));
        assert_int_equal(na, f->m.ntrace);
        assert_memory_equal(ta, f->m.trace, na * sizeof *ta);
        for (size_t i = 0; i < nres; i++)
            assert_int_equal(ra[i], rb[i]);
    }
}

static const char const_loop[] =
    "func.func @f(%x: index) -> (index, index) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c10 = arith.constant 10 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c2 = arith.constant 2 : index\n"
    "  %r:2 = scf.for %i = %c0 to %c10 step %c1 iter_args(%a = %x, %b = %c0)"
    " -> (index, index) {\n"
    "    %t = arith.muli %a, %c2 : index\n"
    "    %s = arith.addi %t, %i : index\n"
    "    \"test.sink\"(%s) : (index) -> ()\n"
    "    %n = arith.addi %b, %i : index\n"
    "    scf.yield %s, %n : index, index\n"
    "  } {name = \"L\"}\n"
    "  return %r#0, %r#1 : index, index\n"
    "}\n";

static void
constant_trip_counts_unroll_to_equivalent_ir(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, const_loop);
    static const int64_t args[] = { 0, 1, -7, 1000 };
    /* tc = 10: factor 2 divides it (one loop, no epilogue); 4 and 8 need
     * an epilogue loop. */
    static const struct { const char *knob; size_t fors; } cases[] = {
        { NULL, 1 },
        { "unroll.L.factor=1", 1 },
        { "unroll.L.factor=2", 1 },
        { "unroll.L.factor=4", 2 },
        { "unroll.L.factor=8", 2 },
    };
    size_t prev_ops = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        eo_op *m = unroll(f, const_loop, cases[i].knob, NULL);
        counts c = count(m);
        assert_int_equal(c.fors, cases[i].fors);
        if (i >= 2)
            assert_true(c.ops > prev_ops);   /* more copies, more ops */
        prev_ops = c.ops;
        same_behaviour(f, orig, m, args, 4, 1, 2);
        eo_op_destroy(m);
    }
    eo_op_destroy(orig);
}

static const char short_loop[] =
    "func.func @f(%x: i32) -> i32 {\n"
    "  %c0 = arith.constant 0 : i32\n"
    "  %c10 = arith.constant 10 : i32\n"
    "  %c3 = arith.constant 3 : i32\n"
    "  %r = scf.for %i = %c0 to %c10 step %c3 iter_args(%a = %x) -> i32 "
    " : i32 {\n"
    "    %t = arith.muli %a, %c3 : i32\n"
    "    %s = arith.addi %t, %i : i32\n"
    "    \"test.sink\"(%s) : (i32) -> ()\n"
    "    scf.yield %s : i32\n"
    "  } {name = \"S\"}\n"
    "  return %r : i32\n"
    "}\n";

static void
factors_at_least_the_trip_count_unroll_fully(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, short_loop);
    static const int64_t args[] = { 0, 5, -3, 2147483647 };
    /* tc = 4 (0, 3, 6, 9): 4 and 8 remove the loop, 2 halves it. */
    eo_op *m2 = unroll(f, short_loop, "unroll.S.factor=2", NULL);
    assert_int_equal(count(m2).fors, 1);
    same_behaviour(f, orig, m2, args, 4, 1, 1);
    eo_op *m4 = unroll(f, short_loop, "unroll.S.factor=4", NULL);
    assert_int_equal(count(m4).fors, 0);
    same_behaviour(f, orig, m4, args, 4, 1, 1);
    eo_op *m8 = unroll(f, short_loop, "unroll.*.factor=8", NULL);
    assert_int_equal(count(m8).fors, 0);
    same_behaviour(f, orig, m8, args, 4, 1, 1);
    /* Different assignments, different IR. */
    assert_true(count(m2).ops != count(m4).ops);
    eo_op_destroy(m2);
    eo_op_destroy(m4);
    eo_op_destroy(m8);
    eo_op_destroy(orig);
}

static const char empty_loop[] =
    "func.func @f(%x: index) -> index {\n"
    "  %c5 = arith.constant 5 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %r = scf.for %i = %c5 to %c5 step %c1 iter_args(%a = %x) -> index {\n"
    "    %s = arith.addi %a, %i : index\n"
    "    scf.yield %s : index\n"
    "  } {name = \"E\"}\n"
    "  return %r : index\n"
    "}\n";

static void
zero_trip_loops_unroll_to_their_inits(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, empty_loop);
    eo_op *m = unroll(f, empty_loop, "unroll.E.factor=2", NULL);
    assert_int_equal(count(m).fors, 0);
    static const int64_t args[] = { 3, 9 };
    same_behaviour(f, orig, m, args, 2, 1, 1);
    eo_op_destroy(m);
    eo_op_destroy(orig);
}

static const char dyn_loop[] =
    "func.func @f(%lb: index, %ub: index, %step: index, %x: index) -> index {\n"
    "  %r = scf.for %i = %lb to %ub step %step iter_args(%a = %x) -> index {\n"
    "    %c7 = arith.constant 7 : index\n"
    "    %t = arith.muli %a, %c7 : index\n"
    "    %s = arith.subi %t, %i : index\n"
    "    \"test.sink\"(%i) : (index) -> ()\n"
    "    scf.yield %s : index\n"
    "  } {name = \"D\"}\n"
    "  return %r : index\n"
    "}\n";

static void
dynamic_trip_counts_get_a_main_loop_and_an_epilogue(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, dyn_loop);
    /* lb, ub, step, x: empty, reversed, exact multiples, remainders. */
    static const int64_t args[] = {
        0, 0, 1, 5,    0, 10, 1, 1,    0, 10, 3, 2,   5, 2, 1, 4,
        -4, 13, 2, 9,  0, 8, 1, 1,     0, 7, 1, 3,    3, 4, 5, 1,
        -20, -3, 4, 2, 0, 33, 1, 1,
    };
    static const char *const knobs[] = {
        "unroll.D.factor=2", "unroll.D.factor=4", "unroll.D.factor=8",
    };
    for (size_t k = 0; k < 3; k++) {
        eo_op *m = unroll(f, dyn_loop, knobs[k], NULL);
        assert_int_equal(count(m).fors, 2);
        same_behaviour(f, orig, m, args, 10, 4, 1);
        eo_op_destroy(m);
    }
    eo_op_destroy(orig);
}

static const char dyn_bounds_const_step[] =
    "func.func @f(%n: i64) -> i64 {\n"
    "  %c0 = arith.constant 0 : i64\n"
    "  %c2 = arith.constant 2 : i64\n"
    "  %r = scf.for %i = %c0 to %n step %c2 iter_args(%a = %c0) -> i64 "
    " : i64 {\n"
    "    %s = arith.addi %a, %i : i64\n"
    "    \"test.sink\"(%s) : (i64) -> ()\n"
    "    scf.yield %s : i64\n"
    "  } {name = \"N\"}\n"
    "  return %r : i64\n"
    "}\n";

static void
dynamic_bounds_with_a_constant_step(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, dyn_bounds_const_step);
    static const int64_t args[] = { 0, 1, 2, 7, 8, 9, 17, -5, 100 };
    eo_op *m = unroll(f, dyn_bounds_const_step, "unroll.N.factor=4", NULL);
    assert_int_equal(count(m).fors, 2);
    same_behaviour(f, orig, m, args, 9, 1, 1);
    eo_op_destroy(m);
    eo_op_destroy(orig);
}

static const char narrow[] =
    "func.func @f(%lb: i8, %ub: i8, %step: i8) -> i8 {\n"
    "  %c0 = arith.constant 0 : i8\n"
    "  %r = scf.for %i = %lb to %ub step %step iter_args(%a = %c0) -> i8 "
    " : i8 {\n"
    "    %s = arith.addi %a, %i : i8\n"
    "    \"test.sink\"(%i) : (i8) -> ()\n"
    "    scf.yield %s : i8\n"
    "  } {name = \"W\"}\n"
    "  return %r : i8\n"
    "}\n";

/* ub - lb overflows i8 (-100 to 100), or lb + tc*step would (0 to 127
 * by 15): the bounds are still exact. (step * factor must fit the type,
 * as in MLIR.) */
static void
narrow_types_near_their_limits(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, narrow);
    static const int64_t args[] = {
        -100, 100, 7,   0, 127, 15,   -128, 127, 1,   -128, 127, 13,
        5, -5, 1,       120, 127, 3,
    };
    static const char *const knobs[] = {
        "unroll.W.factor=2", "unroll.W.factor=4", "unroll.W.factor=8",
    };
    for (size_t k = 0; k < 3; k++) {
        eo_op *m = unroll(f, narrow, knobs[k], NULL);
        same_behaviour(f, orig, m, args, 6, 3, 1);
        eo_op_destroy(m);
    }
    eo_op_destroy(orig);
}

static const char nested[] =
    "func.func @f(%x: index) -> index {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c3 = arith.constant 3 : index\n"
    "  %c5 = arith.constant 5 : index\n"
    "  %r = scf.for %i = %c0 to %c5 step %c1 iter_args(%a = %x) -> index {\n"
    "    %q = scf.for %j = %c0 to %c3 step %c1 iter_args(%b = %a)"
    " -> index {\n"
    "      %t = arith.muli %i, %j : index\n"
    "      %s = arith.addi %b, %t : index\n"
    "      \"test.sink\"(%s) : (index) -> ()\n"
    "      scf.yield %s : index\n"
    "    } {name = \"in\"}\n"
    "    scf.yield %q : index\n"
    "  } {name = \"out\"}\n"
    "  \"test.sink\"(%c0) : (index) -> ()\n"
    "  scf.for %k = %c0 to %c3 step %c1 {\n"
    "    \"test.sink\"(%k) : (index) -> ()\n"
    "  } {name = \"noargs\"}\n"
    "  return %r : index\n"
    "}\n";

static void
nested_loops_and_loops_without_iter_args(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, nested);
    static const int64_t args[] = { 0, 11 };
    static const char *const knobs[][3] = {
        { "unroll.in.factor=2", "unroll.out.factor=1",
          "unroll.noargs.factor=2" },
        { "unroll.in.factor=4", "unroll.out.factor=2",
          "unroll.noargs.factor=8" },
        { "unroll.in.factor=1", "unroll.out.factor=8",
          "unroll.noargs.factor=1" },
        { "unroll.in.factor=8", "unroll.out.factor=4",
          "unroll.noargs.factor=4" },
    };
    for (size_t k = 0; k < 4; k++) {
        eo_op *m = parse(f, nested);
        eo_knob_store *ks = eo_knob_store_create(f->ctx);
        for (size_t i = 0; i < 3; i++)
            assert_int_equal(eo_knob_store_assign(ks, knobs[k][i]), EO_OK);
        eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", NULL);
        assert_int_equal(eo_pm_add_pass(pm, "unroll", ""), EO_OK);
        assert_int_equal(eo_pm_run(pm, m, eo_knob_store_provider(ks)),
                         EO_OK);
        assert_int_equal(eo_op_verify(m), EO_OK);
        assert_int_equal(eo_knob_store_check(ks), EO_OK);
        same_behaviour(f, orig, m, args, 2, 1, 1);
        eo_pm_destroy(pm);
        eo_knob_store_destroy(ks);
        eo_op_destroy(m);
    }
    eo_op_destroy(orig);
}

static void
one_factor_knob_per_loop_is_recorded(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks;
    eo_op *m = unroll(f, nested, NULL, &ks);
    /* Inner loops are asked first; nothing changes by default. */
    assert_int_equal(eo_knob_store_num_asked(ks), 3);
    eo_strbuf b = {0};
    eo_knob_store_assignment_json(ks, &b);
    assert_string_equal(b.data, "{\n"
                                "  \"unroll.in.factor\": 1,\n"
                                "  \"unroll.noargs.factor\": 1,\n"
                                "  \"unroll.out.factor\": 1\n"
                                "}\n");
    eo_strbuf_free(&b);
    eo_knob_store_space_json(ks, &b);
    assert_non_null(strstr(b.data, "\"domain\": {\"kind\": \"set\", "
                                    "\"values\": [1, 2, 4, 8]}"));
    assert_non_null(strstr(b.data, "\"asker\": \"unroll\""));
    eo_strbuf_free(&b);
    assert_int_equal(count(m).fors, 3);
    eo_knob_store_destroy(ks);
    eo_op_destroy(m);
}

static void
unassigned_loops_are_left_alone(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, const_loop);
    eo_op *m = unroll(f, const_loop, NULL, NULL);
    eo_strbuf a = {0}, b = {0};
    eo_op_print_to(orig, NULL, &a);
    eo_op_print_to(m, NULL, &b);
    assert_string_equal(a.data, b.data);
    eo_strbuf_free(&a);
    eo_strbuf_free(&b);
    eo_op_destroy(m);
    eo_op_destroy(orig);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(constant_trip_counts_unroll_to_equivalent_ir),
        T(factors_at_least_the_trip_count_unroll_fully),
        T(zero_trip_loops_unroll_to_their_inits),
        T(dynamic_trip_counts_get_a_main_loop_and_an_epilogue),
        T(dynamic_bounds_with_a_constant_step),
        T(narrow_types_near_their_limits),
        T(nested_loops_and_loops_without_iter_args),
        T(one_factor_knob_per_loop_is_recorded),
        T(unassigned_loops_are_left_alone),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

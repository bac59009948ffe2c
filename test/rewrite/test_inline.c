/* test/rewrite/test_inline.c - the inline pass: single- and multi-block
 * callees, nested calls (callees first), recursion left alone, regions
 * that cannot take several blocks, dead private callees, the per-call
 * knob; every result is verified and interpreted against the input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#define PASS_FIXTURE_FILE "inline.mlir"
#include "test/rewrite/pass_fixture.h"

#include <stdio.h>

/* -inline (without the canonicalize pipeline, so the structure shows)
 * on a fresh parse, with up to two assignments. */
static eo_op *
run_inline(fixture *f, const char *src, const char *k1, const char *k2,
           eo_knob_store **ksp)
{
    eo_op *m = parse(f, src);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    if (k1)
        assert_int_equal(eo_knob_store_assign(ks, k1), EO_OK);
    if (k2)
        assert_int_equal(eo_knob_store_assign(ks, k2), EO_OK);
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", NULL);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pass(pm, "inline", "default-pipeline="),
                     EO_OK);
    if (eo_pm_run(pm, m, eo_knob_store_provider(ks)) != EO_OK)
        fail_msg("inline failed: %s", f->diags.data);
    eo_pm_destroy(pm);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("invalid IR after inline: %s", f->diags.data);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    if (ksp)
        *ksp = ks;
    else
        eo_knob_store_destroy(ks);
    return m;
}

static eo_walk_result
count_calls(eo_op *op, void *ud)
{
    if (strcmp(eo_op_name_str(op), "func.call") == 0)
        ++*(size_t *)ud;
    return EO_WALK_ADVANCE;
}

static size_t
calls(eo_op *m)
{
    size_t n = 0;
    eo_op_walk(m, EO_WALK_PRE, count_calls, &n);
    return n;
}

static size_t
funcs(eo_op *m)
{
    size_t n = 0;
    for (eo_op *op = eo_block_first(eo_module_body(m)); op;
         op = eo_op_next(op))
        n++;
    return n;
}

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

static const char program[] =
    "func.func private @add(%a: i32, %b: i32) -> i32 {\n"
    "  %0 = arith.addi %a, %b : i32\n"
    "  \"test.sink\"(%0) : (i32) -> ()\n"
    "  return %0 : i32\n"
    "}\n"
    "func.func @pick(%c: i1, %a: i32) -> i32 {\n"
    "  cf.cond_br %c, ^bb1, ^bb2\n"
    "^bb1:\n"
    "  return %a : i32\n"
    "^bb2:\n"
    "  %1 = arith.muli %a, %a : i32\n"
    "  return %1 : i32\n"
    "}\n"
    "func.func private @twice(%a: i32) -> i32 {\n"
    "  %0 = func.call @add(%a, %a) {name = \"inner\"} : (i32, i32) -> i32\n"
    "  return %0 : i32\n"
    "}\n"
    "func.func @f(%x: i32, %y: i32) -> i32 {\n"
    "  %c0 = arith.constant 0 : i32\n"
    "  %c = arith.cmpi slt, %x, %y : i32\n"
    "  %0 = func.call @add(%x, %y) {name = \"c1\"} : (i32, i32) -> i32\n"
    "  %1 = func.call @pick(%c, %0) {name = \"c2\"} : (i1, i32) -> i32\n"
    "  %2 = func.call @twice(%1) {name = \"c3\"} : (i32) -> i32\n"
    "  %r = scf.if %c -> (i32) {\n"
    "    %5 = func.call @pick(%c, %2) {name = \"c4\"} : (i1, i32) -> i32\n"
    "    scf.yield %5 : i32\n"
    "  } else {\n"
    "    %6 = func.call @add(%2, %c0) {name = \"c5\"} : (i32, i32) -> i32\n"
    "    scf.yield %6 : i32\n"
    "  }\n"
    "  return %r : i32\n"
    "}\n";

static const int64_t program_args[] = { 1, 2, 5, 3, -4, -4, 100, -100 };

static void
everything_legal_is_inlined_by_default(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, program);
    eo_knob_store *ks;
    eo_op *m = run_inline(f, program, NULL, NULL, &ks);
    /* Only c4 stays: a multi-block callee inside scf.if. */
    assert_int_equal(calls(m), 1);
    /* @add and @twice are private and now unused; @pick is public. */
    assert_int_equal(funcs(m), 2);
    assert_null(eo_symbol_lookup_in(m, "add"));
    assert_null(eo_symbol_lookup_in(m, "twice"));
    same_behaviour(f, orig, m, program_args, 4, 2, 1);
    /* Knobs: one per legal site, c4 not among them; the call cloned
     * from @twice keeps its site key "inner". */
    eo_strbuf b = {0};
    eo_knob_store_assignment_json(ks, &b);
    assert_string_equal(b.data, "{\n"
                                "  \"inline.c1.enable\": true,\n"
                                "  \"inline.c2.enable\": true,\n"
                                "  \"inline.c3.enable\": true,\n"
                                "  \"inline.c5.enable\": true,\n"
                                "  \"inline.inner.enable\": true\n"
                                "}\n");
    eo_strbuf_free(&b);
    eo_knob_store_destroy(ks);
    eo_op_destroy(m);
    eo_op_destroy(orig);
}

static void
knobs_keep_chosen_calls(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, program);
    eo_op *m1 = run_inline(f, program, "inline.c2.enable=false", NULL, NULL);
    assert_int_equal(calls(m1), 2);
    same_behaviour(f, orig, m1, program_args, 4, 2, 1);
    /* Keeping the call inside @twice keeps @add alive. */
    eo_op *m2 = run_inline(f, program, "inline.inner.enable=false",
                           "inline.c5.enable=false", NULL);
    assert_int_equal(calls(m2), 3);
    assert_non_null(eo_symbol_lookup_in(m2, "add"));
    same_behaviour(f, orig, m2, program_args, 4, 2, 1);
    eo_op *m3 = run_inline(f, program, "inline.*.enable=false", NULL, NULL);
    assert_int_equal(calls(m3), calls(orig));
    assert_int_equal(funcs(m3), funcs(orig));
    same_behaviour(f, orig, m3, program_args, 4, 2, 1);
    eo_op_destroy(m1);
    eo_op_destroy(m2);
    eo_op_destroy(m3);
    eo_op_destroy(orig);
}

static void
multi_block_callees_split_the_caller(void **state)
{
    fixture *f = *state;
    eo_op *m = run_inline(f, program, NULL, NULL, NULL);
    eo_op *fn = eo_symbol_lookup_in(m, "f");
    /* @pick's two returns branch to the continuation block. */
    assert_int_equal(eo_region_num_blocks(eo_op_region(fn, 0)), 4);
    eo_block *post = eo_region_last(eo_op_region(fn, 0));
    assert_int_equal(eo_block_num_args(post), 1);
    eo_op_destroy(m);
}

static const char recursive[] =
    "func.func @f(%x: i32) -> i32 {\n"
    "  %0 = func.call @g(%x) : (i32) -> i32\n"
    "  %1 = func.call @self(%0) : (i32) -> i32\n"
    "  return %1 : i32\n"
    "}\n"
    "func.func @g(%x: i32) -> i32 {\n"
    "  %c = arith.constant 0 : i32\n"
    "  %p = arith.cmpi sgt, %x, %c : i32\n"
    "  %r = scf.if %p -> (i32) {\n"
    "    %c1 = arith.constant 1 : i32\n"
    "    %s = arith.subi %x, %c1 : i32\n"
    "    %h = func.call @h(%s) : (i32) -> i32\n"
    "    scf.yield %h : i32\n"
    "  } else {\n"
    "    scf.yield %x : i32\n"
    "  }\n"
    "  return %r : i32\n"
    "}\n"
    "func.func @h(%x: i32) -> i32 {\n"
    "  %0 = func.call @g(%x) : (i32) -> i32\n"
    "  return %0 : i32\n"
    "}\n"
    "func.func @self(%x: i32) -> i32 {\n"
    "  %c = arith.constant 0 : i32\n"
    "  %p = arith.cmpi sgt, %x, %c : i32\n"
    "  %r = scf.if %p -> (i32) {\n"
    "    %c1 = arith.constant 1 : i32\n"
    "    %s = arith.subi %x, %c1 : i32\n"
    "    %t = func.call @self(%s) : (i32) -> i32\n"
    "    scf.yield %t : i32\n"
    "  } else {\n"
    "    scf.yield %x : i32\n"
    "  }\n"
    "  return %r : i32\n"
    "}\n";

static void
recursive_calls_are_never_inlined(void **state)
{
    fixture *f = *state;
    eo_op *orig = parse(f, recursive);
    eo_knob_store *ks;
    eo_op *m = run_inline(f, recursive, NULL, NULL, &ks);
    assert_int_equal(calls(m), calls(orig));
    assert_int_equal(eo_knob_store_num_asked(ks), 0);
    static const int64_t args[] = { 0, 3, 7 };
    same_behaviour(f, orig, m, args, 3, 1, 1);
    eo_knob_store_destroy(ks);
    eo_op_destroy(m);
    eo_op_destroy(orig);
}

static const char decls[] =
    "func.func private @ext(i32) -> i32\n"
    "func.func private @unused(%a: i32) -> i32 {\n"
    "  return %a : i32\n"
    "}\n"
    "func.func private @byref(%a: i32) -> i32 {\n"
    "  return %a : i32\n"
    "}\n"
    "func.func @f(%x: i32) -> i32 {\n"
    "  %0 = func.call @ext(%x) : (i32) -> i32\n"
    "  %1 = func.call @byref(%0) : (i32) -> i32\n"
    "  %fp = func.constant @byref : (i32) -> i32\n"
    "  return %1 : i32\n"
    "}\n";

static void
declarations_stay_and_dead_private_callees_go(void **state)
{
    fixture *f = *state;
    eo_op *m = run_inline(f, decls, NULL, NULL, NULL);
    assert_int_equal(calls(m), 1);        /* the declaration's call */
    assert_non_null(eo_symbol_lookup_in(m, "ext"));
    assert_null(eo_symbol_lookup_in(m, "unused"));
    assert_non_null(eo_symbol_lookup_in(m, "byref"));   /* func.constant */
    eo_op_destroy(m);
}

static void
inlined_ops_get_callsite_locations(void **state)
{
    fixture *f = *state;
    eo_op *m = run_inline(f, program, NULL, NULL, NULL);
    eo_op *fn = eo_symbol_lookup_in(m, "f");
    bool found = false;
    for (eo_op *op = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
         op; op = eo_op_next(op)) {
        if (strcmp(eo_op_name_str(op), "arith.addi") == 0) {
            const eo_loc *l = eo_op_loc(op);
            assert_int_equal(eo_loc_get_kind(l), EO_LOC_CALLSITE);
            assert_int_equal(eo_loc_line(eo_loc_find_file(eo_loc_callee(l))),
                             2);
            assert_int_equal(eo_loc_line(eo_loc_find_file(eo_loc_caller(l))),
                             21);
            found = true;
            break;
        }
    }
    assert_true(found);
    eo_op_destroy(m);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(everything_legal_is_inlined_by_default),
        T(knobs_keep_chosen_calls),
        T(multi_block_callees_split_the_caller),
        T(recursive_calls_are_never_inlined),
        T(declarations_stay_and_dead_private_callees_go),
        T(inlined_ops_get_callsite_locations),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

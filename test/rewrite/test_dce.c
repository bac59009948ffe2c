/* test/rewrite/test_dce.c - the dce and symbol-dce passes run directly:
 * chains of dead ops, ops with effects kept, dead ops across blocks and
 * in nested regions; private symbols dropped unless referenced (nested
 * references too), public ones kept, and MLIR's two errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

static void
dce_erases_dead_chains(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "\"t.func\"() ({\n"
        "^bb0(%p: i32):\n"
        "  %a = \"t.neg\"(%p) : (i32) -> i32\n"
        "  %b = \"t.neg\"(%a) : (i32) -> i32\n"
        "  %c = \"t.add\"(%a, %b) : (i32, i32) -> i32\n"
        "  %l = \"t.load\"(%p) : (i32) -> i32\n"
        "  %m = \"t.alloc\"() : () -> i32\n"
        "  \"t.store\"(%p, %p) : (i32, i32) -> ()\n"
        "  %k = \"t.neg\"(%p) : (i32) -> i32\n"
        "  \"t.ret\"(%k) : (i32) -> ()\n"
        "}) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "dce", m), EO_OK);
    assert_int_equal(t_count(m, "\"t.neg\""), 1);
    assert_int_equal(t_count(m, "\"t.add\""), 0);
    /* Unused reads and allocations are dead (MLIR's isOpTriviallyDead);
     * the store stays. */
    assert_int_equal(t_count(m, "\"t.alloc\""), 0);
    assert_int_equal(t_count(m, "\"t.load\""), 0);
    assert_int_equal(t_count(m, "\"t.store\""), 1);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static void
dce_reaches_producers_in_other_blocks(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx,
        "func.func @f(%a: i32, %c: i1) {\n"
        "  %0 = arith.addi %a, %a : i32\n"
        "  cf.br ^bb1\n"
        "^bb1:\n"
        "  %1 = arith.muli %0, %0 : i32\n"
        "  %2 = scf.if %c -> i32 {\n"
        "    %3 = arith.subi %1, %a : i32\n"
        "    scf.yield %3 : i32\n"
        "  } else {\n"
        "    scf.yield %a : i32\n"
        "  }\n"
        "  return\n"
        "}\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "dce", m), EO_OK);
    assert_int_equal(t_count(m, "\"arith."), 0);
    assert_int_equal(t_count(m, "\"scf.if\""), 0);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static const char *const symbols =
    "module {\n"
    "  func.func private @dead() { return }\n"
    "  func.func private @live() { return }\n"
    "  func.func private @via_attr() { return }\n"
    "  func.func @pub() {\n"
    "    call @live() : () -> ()\n"
    "    return\n"
    "  }\n"
    "  module @inner attributes {sym_visibility = \"private\"} {\n"
    "    func.func @target() { return }\n"
    "    func.func private @gone() { return }\n"
    "  }\n"
    "  module @unused attributes {sym_visibility = \"private\"} {\n"
    "  }\n"
    "  \"t.print\"() {r = [@via_attr], n = @inner::@target} : () -> ()\n"
    "}\n";

static void
symbol_dce_keeps_what_is_referenced(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, symbols);
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "symbol-dce", m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_null(eo_symbol_lookup_in(m, "dead"));
    assert_non_null(eo_symbol_lookup_in(m, "live"));
    assert_non_null(eo_symbol_lookup_in(m, "via_attr"));
    assert_non_null(eo_symbol_lookup_in(m, "pub"));
    assert_null(eo_symbol_lookup_in(m, "unused"));
    eo_op *inner = eo_symbol_lookup_in(m, "inner");
    assert_non_null(inner);
    assert_non_null(eo_symbol_lookup_in(inner, "target"));
    assert_null(eo_symbol_lookup_in(inner, "gone"));
    eo_op_destroy(m);
}

static void
symbol_dce_errors(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "func.func @f() { return }\n");
    eo_op *fn = t_first(m, "func.func");
    assert_int_equal(t_run_pass(ctx, "symbol-dce", fn), EO_ERROR);
    assert_non_null(strstr(t_diag_text(), "'func.func' op  was scheduled to "
                                          "run under SymbolDCE, but does "
                                          "not define a symbol table"));
    eo_op_destroy(m);
    eo_ctx_set_allow_unregistered(ctx, true);
    m = t_parse(ctx, "\"zz.op\"() ({ }) : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(t_run_pass(ctx, "symbol-dce", m), EO_ERROR);
    assert_non_null(strstr(t_diag_text(), "operation contains potentially "
                                          "unknown symbol table"));
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(dce_erases_dead_chains, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(
            dce_reaches_producers_in_other_blocks, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(symbol_dce_keeps_what_is_referenced,
                                        t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(symbol_dce_errors, t_setup,
                                        t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

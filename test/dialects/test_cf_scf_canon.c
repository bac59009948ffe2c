/* test/dialects/test_cf_scf_canon.c - canonicalization patterns of cf,
 * scf and func (dialects/cf/cf_canon.c, scf_canon.c, func_canon.c) via the
 * greedy driver with eo_pattern_set_add_canonicalization: each case parses a
 * function, canonicalizes, verifies, and checks the result structurally
 * (op counts, blocks) and, where noted, against the exact text mlir-opt
 * 19 -canonicalize prints for the same input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    eo_op *module;
    eo_strbuf text;
} fixture;

static int
setup(void **state)
{
    static fixture f;
    memset(&f, 0, sizeof(f));
    f.ctx = eo_ctx_create(NULL);
    if (!f.ctx || eo_register_all_dialects(f.ctx) != EO_OK)
        return -1;
    eo_ctx_set_allow_unregistered(f.ctx, true);
    *state = &f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    if (f->module)
        eo_op_destroy(f->module);
    eo_strbuf_free(&f->text);
    eo_ctx_destroy(f->ctx);
    return 0;
}

/* Parses 'src', canonicalizes the module and verifies it; the result is
 * f->module, its printed form f->text. */
static void
canon(fixture *f, const char *src)
{
    if (f->module)
        eo_op_destroy(f->module);
    f->module = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    assert_non_null(f->module);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
    eo_pattern_set *ps = eo_pattern_set_create(f->ctx);
    assert_non_null(ps);
    assert_int_equal(eo_pattern_set_add_canonicalization(ps), EO_OK);
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    bool changed = false;
    assert_int_equal(eo_apply_patterns_greedily(f->module, ps, &cfg, NULL,
                                                &changed), EO_OK);
    eo_pattern_set_destroy(ps);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
    f->text.len = 0;
    eo_op_print_to(f->module, NULL, &f->text);
    eo_strbuf_append(&f->text, "", 1);
}

typedef struct counter {
    const char *name;
    size_t n;
} counter;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    counter *c = ud;
    if (strcmp(eo_op_name_str(op), c->name) == 0)
        c->n++;
    return EO_WALK_ADVANCE;
}

/* Number of ops named 'name' in the module. */
static size_t
count(fixture *f, const char *name)
{
    counter c = { name, 0 };
    eo_op_walk(f->module, EO_WALK_PRE, count_cb, &c);
    return c.n;
}

/* The first func.func of the module and its number of blocks. */
static size_t
num_blocks(fixture *f)
{
    eo_op *fn = eo_block_first(eo_module_body(f->module));
    return eo_region_num_blocks(eo_op_region(fn, 0));
}

static void
expect_text(fixture *f, const char *want)
{
    if (strcmp(f->text.data, want) != 0) {
        print_message("got:\n%s\nwant:\n%s\n", f->text.data, want);
        fail();
    }
}

/* ------------------------------------------------------------------ */
/* Registration                                                        */
/* ------------------------------------------------------------------ */

/* Every op MLIR canonicalizes has its rows, named after MLIR's patterns. */
static void
test_rows_registered(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *op, *first;
    } rows[] = {
        { "cf.assert", "cf.AssertOp.canonicalize" },
        { "cf.br", "cf.SimplifyBrToBlockWithSinglePred" },
        { "cf.cond_br", "cf.SimplifyConstCondBranchPred" },
        { "cf.switch", "cf.simplifySwitchWithOnlyDefault" },
        { "scf.for", "scf.ForOpIterArgsFolder" },
        { "scf.if", "scf.CombineIfs" },
        { "scf.execute_region", "scf.SingleBlockExecuteInliner" },
        { "scf.index_switch", "scf.FoldConstantCase" },
        { "scf.while", "scf.RemoveLoopInvariantArgsFromBeforeBlock" },
        { "scf.parallel", "scf.ParallelOpSingleOrZeroIterationDimsFolder" },
        { "func.call_indirect", "func.SimplifyIndirectCallWithKnownCallee" },
    };
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        const eo_op_def *d = eo_op_def_lookup(f->ctx, rows[i].op,
                                              strlen(rows[i].op));
        assert_non_null(d);
        assert_non_null(d->canonicalize);
        assert_string_equal(d->canonicalize[0].name, rows[i].first);
        for (const eo_pattern *p = d->canonicalize; p->name; p++) {
            assert_non_null(p->match_and_rewrite);
            assert_int_equal(p->benefit, 1);
        }
    }
    const eo_op_def *d = eo_op_def_lookup(f->ctx, "scf.if", 6);
    assert_non_null(d->fold);
    eo_pattern_set *ps = eo_pattern_set_create(f->ctx);
    assert_non_null(ps);
    assert_int_equal(eo_pattern_set_add_canonicalization(ps), EO_OK);
    assert_true(eo_pattern_set_size(ps) >= 25);
    eo_pattern_set_destroy(ps);
}

/* ------------------------------------------------------------------ */
/* cf                                                                  */
/* ------------------------------------------------------------------ */

static void
test_cond_br_const(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @g(%c: i1, %a: i32) -> i32 {\n"
             "  %t = arith.constant true\n"
             "  cf.assert %t, \"x\"\n"
             "  cf.cond_br %t, ^bb1(%a : i32), ^bb2\n"
             "^bb1(%x: i32):\n"
             "  return %x : i32\n"
             "^bb2:\n"
             "  return %a : i32\n"
             "}\n");
    expect_text(f, "module {\n"
                   "  func.func @g(%arg0: i1, %arg1: i32) -> i32 {\n"
                   "    return %arg1 : i32\n"
                   "  }\n"
                   "}\n");
}

static void
test_cond_br_identical(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @same(%c: i1, %a: i32, %b: i32) -> i32 {\n"
             "  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%b : i32)\n"
             "^bb1(%x: i32):\n"
             "  return %x : i32\n"
             "}\n");
    assert_int_equal(count(f, "arith.select"), 1);
    assert_int_equal(count(f, "cf.cond_br"), 0);
    assert_int_equal(num_blocks(f), 1);
    /* Same operands: no select. */
    canon(f, "func.func @same(%c: i1, %a: i32) -> i32 {\n"
             "  cf.cond_br %c, ^bb1(%a : i32), ^bb1(%a : i32)\n"
             "^bb1(%x: i32):\n"
             "  \"test.x\"(%x) : (i32) -> ()\n"
             "  cf.br ^bb2\n"
             "^bb2:\n"
             "  return %x : i32\n"
             "}\n");
    assert_int_equal(count(f, "arith.select"), 0);
    assert_int_equal(num_blocks(f), 1);
}

/* A loop keeps its blocks; merging needs a single predecessor. */
static void
test_br_merge_and_loops(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @m(%a: i32) -> i32 {\n"
             "  cf.br ^bb1(%a : i32)\n"
             "^bb1(%x: i32):\n"
             "  %y = arith.addi %x, %x : i32\n"
             "  cf.br ^bb2(%y : i32)\n"
             "^bb2(%z: i32):\n"
             "  return %z : i32\n"
             "}\n");
    assert_int_equal(num_blocks(f), 1);
    assert_int_equal(count(f, "cf.br"), 0);
    canon(f, "func.func @l(%c: i1) {\n"
             "  cf.br ^bb1\n"
             "^bb1:\n"
             "  \"test.body\"() : () -> ()\n"
             "  cf.cond_br %c, ^bb1, ^bb2\n"
             "^bb2:\n"
             "  return\n"
             "}\n");
    assert_int_equal(num_blocks(f), 3);
    assert_int_equal(count(f, "cf.cond_br"), 1);
    /* An infinite loop is left alone (no collapsing into itself). */
    canon(f, "func.func @inf() {\n"
             "  cf.br ^bb1\n"
             "^bb1:\n"
             "  cf.br ^bb1\n"
             "}\n");
    assert_int_equal(num_blocks(f), 2);
}

static void
test_pass_through(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @p(%c: i1, %a: i32, %b: i32) {\n"
             "  cf.cond_br %c, ^bb1, ^bb2\n"
             "^bb1:\n"
             "  \"test.a\"() : () -> ()\n"
             "  cf.br ^bb3(%a : i32)\n"
             "^bb2:\n"
             "  \"test.b\"() : () -> ()\n"
             "  cf.br ^bb3(%b : i32)\n"
             "^bb3(%x: i32):\n"
             "  cf.br ^bb4(%x, %a : i32, i32)\n"
             "^bb4(%p: i32, %q: i32):\n"
             "  \"test.use\"(%p, %q) : (i32, i32) -> ()\n"
             "  return\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @p(%arg0: i1, %arg1: i32, %arg2: i32) {\n"
                "    cf.cond_br %arg0, ^bb1, ^bb2\n"
                "  ^bb1:  // pred: ^bb0\n"
                "    \"test.a\"() : () -> ()\n"
                "    cf.br ^bb3(%arg1, %arg1 : i32, i32)\n"
                "  ^bb2:  // pred: ^bb0\n"
                "    \"test.b\"() : () -> ()\n"
                "    cf.br ^bb3(%arg2, %arg1 : i32, i32)\n"
                "  ^bb3(%0: i32, %1: i32):  // 2 preds: ^bb1, ^bb2\n"
                "    \"test.use\"(%0, %1) : (i32, i32) -> ()\n"
                "    return\n"
                "  }\n"
                "}\n");
}

static void
test_truth_propagation(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @t(%c: i1) {\n"
             "  cf.cond_br %c, ^bb1, ^bb2\n"
             "^bb1:\n"
             "  \"test.t\"(%c) : (i1) -> ()\n"
             "  cf.cond_br %c, ^bb3, ^bb4\n"
             "^bb2:\n"
             "  \"test.f\"(%c) : (i1) -> ()\n"
             "  return\n"
             "^bb3:\n"
             "  \"test.a\"() : () -> ()\n"
             "  return\n"
             "^bb4:\n"
             "  \"test.b\"() : () -> ()\n"
             "  return\n"
             "}\n");
    assert_int_equal(count(f, "cf.cond_br"), 1);
    assert_int_equal(count(f, "test.b"), 0);
    assert_int_equal(count(f, "arith.constant"), 2);
    assert_int_equal(num_blocks(f), 3);
}

static void
test_switch(void **state)
{
    fixture *f = *state;
    /* Constant flag: the case is taken. */
    canon(f, "func.func @sc() {\n"
             "  %c = arith.constant 43 : i32\n"
             "  cf.switch %c : i32, [\n"
             "    default: ^bb1,\n"
             "    42: ^bb2,\n"
             "    43: ^bb3\n"
             "  ]\n"
             "^bb1:\n"
             "  \"test.a\"() : () -> ()\n"
             "  return\n"
             "^bb2:\n"
             "  \"test.b\"() : () -> ()\n"
             "  return\n"
             "^bb3:\n"
             "  \"test.c\"() : () -> ()\n"
             "  return\n"
             "}\n");
    assert_int_equal(count(f, "test.c"), 1);
    assert_int_equal(count(f, "test.a") + count(f, "test.b"), 0);
    assert_int_equal(num_blocks(f), 1);
    /* Cases matching the default go; pass-through blocks are skipped. */
    canon(f, "func.func @s(%f: i32, %a: i32, %b: i32) {\n"
             "  cf.switch %f : i32, [\n"
             "    default: ^bb1(%a : i32),\n"
             "    42: ^bb1(%a : i32),\n"
             "    43: ^bb2(%b : i32),\n"
             "    44: ^bb3\n"
             "  ]\n"
             "^bb1(%x: i32):\n"
             "  \"test.a\"(%x) : (i32) -> ()\n"
             "  return\n"
             "^bb2(%y: i32):\n"
             "  \"test.b\"(%y) : (i32) -> ()\n"
             "  return\n"
             "^bb3:\n"
             "  cf.br ^bb1(%b : i32)\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @s(%arg0: i32, %arg1: i32, %arg2: i32) {\n"
                "    cf.switch %arg0 : i32, [\n"
                "      default: ^bb1(%arg1 : i32),\n"
                "      43: ^bb2(%arg2 : i32),\n"
                "      44: ^bb1(%arg2 : i32)\n"
                "    ]\n"
                "  ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb0\n"
                "    \"test.a\"(%0) : (i32) -> ()\n"
                "    return\n"
                "  ^bb2(%1: i32):  // pred: ^bb0\n"
                "    \"test.b\"(%1) : (i32) -> ()\n"
                "    return\n"
                "  }\n"
                "}\n");
    /* A switch dominated by a switch on the same flag. */
    canon(f, "func.func @ss(%f: i32) {\n"
             "  cf.switch %f : i32, [\n"
             "    default: ^bb1,\n"
             "    42: ^bb2\n"
             "  ]\n"
             "^bb1:\n"
             "  cf.switch %f : i32, [\n"
             "    default: ^bb3,\n"
             "    42: ^bb4\n"
             "  ]\n"
             "^bb2:\n"
             "  cf.switch %f : i32, [\n"
             "    default: ^bb3,\n"
             "    42: ^bb4\n"
             "  ]\n"
             "^bb3:\n"
             "  \"test.d\"() : () -> ()\n"
             "  return\n"
             "^bb4:\n"
             "  \"test.e\"() : () -> ()\n"
             "  return\n"
             "}\n");
    assert_int_equal(count(f, "cf.switch"), 1);
    assert_int_equal(num_blocks(f), 3);
}

static void
test_assert(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @a(%c: i1) {\n"
             "  %t = arith.constant true\n"
             "  %f = arith.constant false\n"
             "  cf.assert %t, \"gone\"\n"
             "  cf.assert %c, \"kept\"\n"
             "  cf.assert %f, \"always fails\"\n"
             "  return\n"
             "}\n");
    assert_int_equal(count(f, "cf.assert"), 2);
}

/* ------------------------------------------------------------------ */
/* scf                                                                 */
/* ------------------------------------------------------------------ */

static void
test_if_static_and_select(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @f(%a: i32, %b: i32, %c: i1) -> i32 {\n"
             "  %t = arith.constant true\n"
             "  %r = scf.if %t -> i32 {\n"
             "    %x = arith.addi %a, %b : i32\n"
             "    scf.yield %x : i32\n"
             "  } else {\n"
             "    scf.yield %b : i32\n"
             "  }\n"
             "  %r2 = scf.if %c -> i32 {\n"
             "    scf.yield %a : i32\n"
             "  } else {\n"
             "    scf.yield %b : i32\n"
             "  }\n"
             "  %s = arith.addi %r, %r2 : i32\n"
             "  return %s : i32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @f(%arg0: i32, %arg1: i32, %arg2: i1) -> i32 {\n"
                "    %0 = arith.addi %arg0, %arg1 : i32\n"
                "    %1 = arith.select %arg2, %arg0, %arg1 : i32\n"
                "    %2 = arith.addi %0, %1 : i32\n"
                "    return %2 : i32\n"
                "  }\n"
                "}\n");
}

static void
test_if_unused_and_cond(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @u(%c: i1, %a: i32, %b: i32) -> i32 {\n"
             "  %r:2 = scf.if %c -> (i32, i32) {\n"
             "    %x = arith.addi %a, %b : i32\n"
             "    %y = arith.muli %a, %b : i32\n"
             "    scf.yield %x, %y : i32, i32\n"
             "  } else {\n"
             "    %x = arith.subi %a, %b : i32\n"
             "    %y = arith.divsi %a, %b : i32\n"
             "    scf.yield %x, %y : i32, i32\n"
             "  }\n"
             "  return %r#1 : i32\n"
             "}\n");
    assert_int_equal(count(f, "scf.if"), 1);
    assert_int_equal(count(f, "arith.addi") + count(f, "arith.subi"), 0);
    assert_non_null(strstr(f->text.data, "%0 = scf.if %arg0 -> (i32) {"));
    /* true/false yields are the condition and its negation; uses of the
     * condition inside the branches become constants. */
    canon(f, "func.func @c(%c: i1) -> (i1, i1) {\n"
             "  %t = arith.constant true\n"
             "  %f = arith.constant false\n"
             "  %r:2 = scf.if %c -> (i1, i1) {\n"
             "    \"test.a\"(%c) : (i1) -> ()\n"
             "    scf.yield %t, %f : i1, i1\n"
             "  } else {\n"
             "    \"test.b\"(%c) : (i1) -> ()\n"
             "    scf.yield %f, %t : i1, i1\n"
             "  }\n"
             "  return %r#0, %r#1 : i1, i1\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @c(%arg0: i1) -> (i1, i1) {\n"
                "    %false = arith.constant false\n"
                "    %true = arith.constant true\n"
                "    %0 = arith.xori %arg0, %true : i1\n"
                "    scf.if %arg0 {\n"
                "      \"test.a\"(%true) : (i1) -> ()\n"
                "    } else {\n"
                "      \"test.b\"(%false) : (i1) -> ()\n"
                "    }\n"
                "    return %arg0, %0 : i1, i1\n"
                "  }\n"
                "}\n");
}

static void
test_if_fold_and_combine(void **state)
{
    fixture *f = *state;
    /* if (not c) A else B -> if c B else A */
    canon(f, "func.func @n(%c: i1, %a: i32, %b: i32) -> i32 {\n"
             "  %t = arith.constant true\n"
             "  %n = arith.xori %c, %t : i1\n"
             "  %r = scf.if %n -> i32 {\n"
             "    %x = arith.addi %a, %b : i32\n"
             "    scf.yield %x : i32\n"
             "  } else {\n"
             "    %y = arith.muli %a, %b : i32\n"
             "    scf.yield %y : i32\n"
             "  }\n"
             "  return %r : i32\n"
             "}\n");
    assert_int_equal(count(f, "arith.xori"), 0);
    eo_op *fn = eo_block_first(eo_module_body(f->module));
    eo_op *sif = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    assert_string_equal(eo_op_name_str(sif), "scf.if");
    eo_op *first = eo_block_first(eo_region_first(eo_op_region(sif, 0)));
    assert_string_equal(eo_op_name_str(first), "arith.muli");
    /* Two ifs on one condition become one. */
    canon(f, "func.func @k(%c: i1) -> (i32, i32) {\n"
             "  %r = scf.if %c -> i32 {\n"
             "    %x = \"test.a\"() : () -> i32\n"
             "    scf.yield %x : i32\n"
             "  } else {\n"
             "    %x = \"test.b\"() : () -> i32\n"
             "    scf.yield %x : i32\n"
             "  }\n"
             "  %r2 = scf.if %c -> i32 {\n"
             "    %y = \"test.c\"(%r) : (i32) -> i32\n"
             "    scf.yield %y : i32\n"
             "  } else {\n"
             "    %y = \"test.d\"(%r) : (i32) -> i32\n"
             "    scf.yield %y : i32\n"
             "  }\n"
             "  return %r, %r2 : i32, i32\n"
             "}\n");
    assert_int_equal(count(f, "scf.if"), 1);
    assert_non_null(strstr(f->text.data, "%0:2 = scf.if %arg0 -> (i32, i32)"));
}

static void
test_for(void **state)
{
    fixture *f = *state;
    /* No iterations, one iteration, and an empty body. */
    canon(f, "func.func @z(%a: i32, %b: i32, %lb: index) -> (i32, i32, i32) {\n"
             "  %c0 = arith.constant 0 : index\n"
             "  %c1 = arith.constant 1 : index\n"
             "  %c4 = arith.constant 4 : index\n"
             "  %c10 = arith.constant 10 : index\n"
             "  %r = scf.for %i = %c10 to %c0 step %c1 iter_args(%x = %a)"
             " -> (i32) {\n"
             "    %y = arith.addi %x, %x : i32\n"
             "    scf.yield %y : i32\n"
             "  }\n"
             "  %ub = arith.addi %lb, %c4 : index\n"
             "  %r2 = scf.for %i = %lb to %ub step %c10 iter_args(%x = %a)"
             " -> (i32) {\n"
             "    \"test.use\"(%i) : (index) -> ()\n"
             "    %y = arith.muli %x, %x : i32\n"
             "    scf.yield %y : i32\n"
             "  }\n"
             "  %r3 = scf.for %i = %c0 to %c10 step %c1 iter_args(%x = %a)"
             " -> (i32) {\n"
             "    scf.yield %b : i32\n"
             "  }\n"
             "  return %r, %r2, %r3 : i32, i32, i32\n"
             "}\n");
    assert_int_equal(count(f, "scf.for"), 0);
    assert_int_equal(count(f, "arith.addi"), 0);
    assert_int_equal(count(f, "arith.muli"), 1);
    assert_non_null(strstr(f->text.data, "\"test.use\"(%arg2) : (index)"));
    assert_non_null(strstr(f->text.data, "return %arg0, %0, %arg1 : i32, "
                                         "i32, i32"));
}

/* A single iteration yielding an iteration argument: the loop's result
 * is what that argument became (its init), not the erased argument. */
static void
test_for_one_yields_arg(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @o(%a: f32, %b: f32) -> (f32, f32) {\n"
             "  %c0 = arith.constant 0 : index\n"
             "  %c4 = arith.constant 4 : index\n"
             "  %r:2 = scf.for %i = %c0 to %c4 step %c4 iter_args(%x = %a,"
             " %y = %b) -> (f32, f32) {\n"
             "    %d = arith.divf %y, %x : f32\n"
             "    scf.yield %d, %x : f32, f32\n"
             "  }\n"
             "  %s = arith.subf %r#1, %r#0 : f32\n"
             "  return %s, %r#1 : f32, f32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @o(%arg0: f32, %arg1: f32) -> (f32, f32) {\n"
                "    %0 = arith.divf %arg1, %arg0 : f32\n"
                "    %1 = arith.subf %arg0, %0 : f32\n"
                "    return %1, %arg0 : f32, f32\n"
                "  }\n"
                "}\n");
}

static void
test_for_iter_args(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @it(%lb: index, %ub: index, %s: index, %a: i32,"
             " %b: i32) -> (i32, i32, i32) {\n"
             "  %r:4 = scf.for %i = %lb to %ub step %s iter_args(%x = %a,"
             " %y = %b, %z = %a, %w = %b) -> (i32, i32, i32, i32) {\n"
             "    %n = arith.addi %x, %y : i32\n"
             "    \"test.use\"(%n) : (i32) -> ()\n"
             "    scf.yield %n, %y, %a, %w : i32, i32, i32, i32\n"
             "  }\n"
             "  return %r#0, %r#1, %r#2 : i32, i32, i32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @it(%arg0: index, %arg1: index, %arg2: index, "
                "%arg3: i32, %arg4: i32) -> (i32, i32, i32) {\n"
                "    %0 = scf.for %arg5 = %arg0 to %arg1 step %arg2 "
                "iter_args(%arg6 = %arg3) -> (i32) {\n"
                "      %1 = arith.addi %arg6, %arg4 : i32\n"
                "      \"test.use\"(%1) : (i32) -> ()\n"
                "      scf.yield %1 : i32\n"
                "    }\n"
                "    return %0, %arg4, %arg3 : i32, i32, i32\n"
                "  }\n"
                "}\n");
    /* A used argument whose init is yielded stays (as in MLIR 19). */
    canon(f, "func.func @k(%lb: index, %ub: index, %s: index, %a: i32)"
             " -> i32 {\n"
             "  %r = scf.for %i = %lb to %ub step %s iter_args(%x = %a)"
             " -> (i32) {\n"
             "    \"test.use\"(%x) : (i32) -> ()\n"
             "    scf.yield %a : i32\n"
             "  }\n"
             "  return %r : i32\n"
             "}\n");
    assert_non_null(strstr(f->text.data, "iter_args(%arg5 = %arg3)"));
}

static void
test_execute_region(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @e(%a: i32, %b: i32) -> i32 {\n"
             "  %r = scf.execute_region -> i32 {\n"
             "    %x = arith.addi %a, %b : i32\n"
             "    scf.yield %x : i32\n"
             "  }\n"
             "  return %r : i32\n"
             "}\n");
    assert_int_equal(count(f, "scf.execute_region"), 0);
    assert_int_equal(count(f, "arith.addi"), 1);
    canon(f, "func.func @m(%a: i32) -> i32 {\n"
             "  %r = scf.execute_region -> i32 {\n"
             "    %c = \"test.c\"() : () -> i1\n"
             "    cf.cond_br %c, ^bb1, ^bb2\n"
             "  ^bb1:\n"
             "    scf.yield %a : i32\n"
             "  ^bb2:\n"
             "    %x = \"test.x\"() : () -> i32\n"
             "    scf.yield %x : i32\n"
             "  }\n"
             "  \"test.use\"(%r) : (i32) -> ()\n"
             "  return %r : i32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @m(%arg0: i32) -> i32 {\n"
                "    %0 = \"test.c\"() : () -> i1\n"
                "    cf.cond_br %0, ^bb2(%arg0 : i32), ^bb1\n"
                "  ^bb1:  // pred: ^bb0\n"
                "    %1 = \"test.x\"() : () -> i32\n"
                "    cf.br ^bb2(%1 : i32)\n"
                "  ^bb2(%2: i32):  // 2 preds: ^bb0, ^bb1\n"
                "    \"test.use\"(%2) : (i32) -> ()\n"
                "    return %2 : i32\n"
                "  }\n"
                "}\n");
}

static void
test_index_switch(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @s(%a: i32) -> i32 {\n"
             "  %c = arith.constant 2 : index\n"
             "  %r = scf.index_switch %c -> i32\n"
             "  case 1 {\n"
             "    %x = \"test.one\"() : () -> i32\n"
             "    scf.yield %x : i32\n"
             "  }\n"
             "  case 2 {\n"
             "    %x = \"test.two\"() : () -> i32\n"
             "    scf.yield %x : i32\n"
             "  }\n"
             "  default {\n"
             "    scf.yield %a : i32\n"
             "  }\n"
             "  return %r : i32\n"
             "}\n");
    assert_int_equal(count(f, "scf.index_switch"), 0);
    assert_int_equal(count(f, "test.two"), 1);
    assert_int_equal(count(f, "test.one"), 0);
}

static void
test_while(void **state)
{
    fixture *f = *state;
    /* Invariant argument, unused result, known condition. */
    canon(f, "func.func @w(%a: i32, %b: i32, %lim: i32) -> (i32, i32) {\n"
             "  %0:3 = scf.while (%x = %a, %y = %b) : (i32, i32)"
             " -> (i32, i32, i64) {\n"
             "    %c = arith.cmpi slt, %x, %lim : i32\n"
             "    %z = \"test.z\"() : () -> i64\n"
             "    scf.condition(%c) %x, %y, %z : i32, i32, i64\n"
             "  } do {\n"
             "  ^bb0(%p: i32, %q: i32, %r: i64):\n"
             "    %c2 = arith.cmpi slt, %p, %lim : i32\n"
             "    \"test.use\"(%c2) : (i1) -> ()\n"
             "    %n = \"test.next\"(%p) : (i32) -> i32\n"
             "    scf.yield %n, %q : i32, i32\n"
             "  }\n"
             "  return %0#0, %0#1 : i32, i32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @w(%arg0: i32, %arg1: i32, %arg2: i32) -> "
                "(i32, i32) {\n"
                "    %true = arith.constant true\n"
                "    %0 = scf.while (%arg3 = %arg0) : (i32) -> i32 {\n"
                "      %1 = arith.cmpi slt, %arg3, %arg2 : i32\n"
                "      %2 = \"test.z\"() : () -> i64\n"
                "      scf.condition(%1) %arg3 : i32\n"
                "    } do {\n"
                "    ^bb0(%arg3: i32):\n"
                "      \"test.use\"(%true) : (i1) -> ()\n"
                "      %1 = \"test.next\"(%arg3) : (i32) -> i32\n"
                "      scf.yield %1 : i32\n"
                "    }\n"
                "    return %0, %arg1 : i32, i32\n"
                "  }\n"
                "}\n");
    /* Arguments forwarded out of order are realigned; duplicates go. */
    canon(f, "func.func @a(%a: i32, %b: i64) -> (i64, i32, i64) {\n"
             "  %0:3 = scf.while (%x = %a, %y = %b) : (i32, i64)"
             " -> (i64, i32, i64) {\n"
             "    %c = \"test.c\"(%x, %y) : (i32, i64) -> i1\n"
             "    scf.condition(%c) %y, %x, %y : i64, i32, i64\n"
             "  } do {\n"
             "  ^bb0(%p: i64, %q: i32, %r: i64):\n"
             "    %n:2 = \"test.next\"(%p, %q, %r) : (i64, i32, i64)"
             " -> (i32, i64)\n"
             "    scf.yield %n#0, %n#1 : i32, i64\n"
             "  }\n"
             "  return %0#0, %0#1, %0#2 : i64, i32, i64\n"
             "}\n");
    assert_non_null(strstr(f->text.data, "scf.condition(%1) %arg2, %arg3 "
                                         ": i32, i64"));
    assert_non_null(strstr(f->text.data, "return %0#1, %0#0, %0#1 : i64, "
                                         "i32, i64"));
}

static void
test_parallel(void **state)
{
    fixture *f = *state;
    canon(f, "func.func @p(%lb: index, %ub: index, %f: f32) -> f32 {\n"
             "  %c0 = arith.constant 0 : index\n"
             "  %c1 = arith.constant 1 : index\n"
             "  scf.parallel (%i, %j) = (%c0, %lb) to (%c0, %ub)"
             " step (%c1, %c1) {\n"
             "    \"test.never\"(%i, %j) : (index, index) -> ()\n"
             "    scf.reduce\n"
             "  }\n"
             "  %r = scf.parallel (%i) = (%c0) to (%c1) step (%c1)"
             " init (%f) -> f32 {\n"
             "    %v = \"test.v\"(%i) : (index) -> f32\n"
             "    scf.reduce(%v : f32) {\n"
             "    ^bb0(%a: f32, %b: f32):\n"
             "      %s = arith.addf %a, %b : f32\n"
             "      scf.reduce.return %s : f32\n"
             "    }\n"
             "  }\n"
             "  return %r : f32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func @p(%arg0: index, %arg1: index, %arg2: f32) -> "
                "f32 {\n"
                "    %c0 = arith.constant 0 : index\n"
                "    %0 = \"test.v\"(%c0) : (index) -> f32\n"
                "    %1 = arith.addf %arg2, %0 : f32\n"
                "    return %1 : f32\n"
                "  }\n"
                "}\n");
}

/* ------------------------------------------------------------------ */
/* func                                                                */
/* ------------------------------------------------------------------ */

static void
test_call_indirect(void **state)
{
    fixture *f = *state;
    canon(f, "func.func private @callee(i32) -> i32\n"
             "func.func @f(%a: i32) -> i32 {\n"
             "  %f = func.constant @callee : (i32) -> i32\n"
             "  %r = func.call_indirect %f(%a) : (i32) -> i32\n"
             "  return %r : i32\n"
             "}\n");
    expect_text(f,
                "module {\n"
                "  func.func private @callee(i32) -> i32\n"
                "  func.func @f(%arg0: i32) -> i32 {\n"
                "    %0 = call @callee(%arg0) : (i32) -> i32\n"
                "    return %0 : i32\n"
                "  }\n"
                "}\n");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_registered),
        cmocka_unit_test(test_cond_br_const),
        cmocka_unit_test(test_cond_br_identical),
        cmocka_unit_test(test_br_merge_and_loops),
        cmocka_unit_test(test_pass_through),
        cmocka_unit_test(test_truth_propagation),
        cmocka_unit_test(test_switch),
        cmocka_unit_test(test_assert),
        cmocka_unit_test(test_if_static_and_select),
        cmocka_unit_test(test_if_unused_and_cond),
        cmocka_unit_test(test_if_fold_and_combine),
        cmocka_unit_test(test_for),
        cmocka_unit_test(test_for_one_yields_arg),
        cmocka_unit_test(test_for_iter_args),
        cmocka_unit_test(test_execute_region),
        cmocka_unit_test(test_index_switch),
        cmocka_unit_test(test_while),
        cmocka_unit_test(test_parallel),
        cmocka_unit_test(test_call_indirect),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

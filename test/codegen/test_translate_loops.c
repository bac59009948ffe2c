/* test/codegen/test_translate_loops.c - scf.for with constant bounds:
 * one iteration translated in line, more as a loop already in rotated
 * form (no guard block), anything else (dynamic bounds, no iteration, an
 * increment that would wrap) as the guarded loop; and the numbers each
 * form computes, run through the JIT.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <llvm-c/Analysis.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    LLVMContextRef llctx;
    eo_op *module;
    eo_jit *jit;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
        return -1;
    f->llctx = LLVMContextCreate();
    *state = f;
    return f->llctx ? 0 : -1;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_jit_destroy(f->jit);
    if (f->module)
        eo_op_destroy(f->module);
    LLVMContextDispose(f->llctx);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* A function summing the ivs of one loop from LB to UB by ST (index
 * constants) onto an initial 1000: @NAME() -> index. */
#define SUM_FN(name, lb, ub, st)                                          \
    "func.func @" name "() -> index {\n"                                  \
    "  %lb = arith.constant " #lb " : index\n"                            \
    "  %ub = arith.constant " #ub " : index\n"                            \
    "  %st = arith.constant " #st " : index\n"                            \
    "  %init = arith.constant 1000 : index\n"                             \
    "  %s = scf.for %i = %lb to %ub step %st iter_args(%a = %init) "      \
    "-> (index) {\n"                                                      \
    "    %y = arith.addi %a, %i : index\n"                                \
    "    scf.yield %y : index\n"                                          \
    "  }\n"                                                               \
    "  return %s : index\n"                                               \
    "}\n"

static const char loops_src[] =
    SUM_FN("many", 0, 10, 1)
    SUM_FN("uneven", -4, 4, 3)
    SUM_FN("one", 3, 4, 1)
    SUM_FN("one_big_step", 0, 1, 5)
    SUM_FN("none", 5, 5, 1)
    SUM_FN("backwards", 6, 2, 1)
    /* i8 iv: 120, 124 then 128 would wrap: the guarded form (not run:
     * the wrapped iv never reaches the bound). */
    "func.func @wraps() -> i8 {\n"
    "  %lb = arith.constant 120 : i8\n"
    "  %ub = arith.constant 127 : i8\n"
    "  %st = arith.constant 4 : i8\n"
    "  %c0 = arith.constant 0 : i8\n"
    "  %c1 = arith.constant 1 : i8\n"
    "  %s = scf.for %i = %lb to %ub step %st iter_args(%a = %c0) -> (i8) : i8 {\n"
    "    %y = arith.addi %a, %c1 : i8\n"
    "    scf.yield %y : i8\n"
    "  }\n"
    "  return %s : i8\n"
    "}\n"
    /* i32 iv ending just below the largest value: rotated, no wrap. */
    "func.func @edge32() -> i32 {\n"
    "  %lb = arith.constant 2147483630 : i32\n"
    "  %ub = arith.constant 2147483640 : i32\n"
    "  %st = arith.constant 3 : i32\n"
    "  %c0 = arith.constant 0 : i32\n"
    "  %c1 = arith.constant 1 : i32\n"
    "  %s = scf.for %i = %lb to %ub step %st iter_args(%a = %c0) -> (i32) : i32 {\n"
    "    %y = arith.addi %a, %c1 : i32\n"
    "    scf.yield %y : i32\n"
    "  }\n"
    "  return %s : i32\n"
    "}\n"
    /* A 1 x 3 nest storing into a buffer; the outer loop disappears. */
    "func.func @nest(%m: memref<1x3xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c3 = arith.constant 3 : index\n"
    "  scf.for %i = %c0 to %c1 step %c1 {\n"
    "    scf.for %j = %c0 to %c3 step %c1 {\n"
    "      %x = arith.index_cast %j : index to i32\n"
    "      %f = arith.sitofp %x : i32 to f32\n"
    "      memref.store %f, %m[%i, %j] : memref<1x3xf32>\n"
    "    }\n"
    "  }\n"
    "  return\n"
    "}\n"
    /* Dynamic bounds keep the guard. */
    "func.func @dyn(%n: index) -> index {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %s = scf.for %i = %c0 to %n step %c1 iter_args(%a = %c0) "
    "-> (index) {\n"
    "    %y = arith.addi %a, %i : index\n"
    "    scf.yield %y : index\n"
    "  }\n"
    "  return %s : index\n"
    "}\n";

static void
parse(fixture *f)
{
    f->module = eo_parse_source(f->ctx, "loops.mlir", loops_src,
                                strlen(loops_src), NULL);
    assert_non_null(f->module);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

static unsigned
blocks_of(LLVMModuleRef m, const char *name)
{
    LLVMValueRef fn = LLVMGetNamedFunction(m, name);
    assert_non_null(fn);
    return LLVMCountBasicBlocks(fn);
}

/* Whether function 'name' has an nsw add. */
static bool
has_nsw_add(LLVMModuleRef m, const char *name)
{
    LLVMValueRef fn = LLVMGetNamedFunction(m, name);
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(fn); b;
         b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i;
             i = LLVMGetNextInstruction(i))
            if (LLVMGetInstructionOpcode(i) == LLVMAdd && LLVMGetNSW(i))
                return true;
    return false;
}

static void
test_loop_forms(void **state)
{
    fixture *f = *state;
    parse(f);
    /* The loops stay in their functions (no outlining). */
    eo_codegen_options o = { .opt_level = 2, .no_outline = true };
    LLVMModuleRef m = eo_codegen_translate(f->module, f->llctx, &o);
    assert_non_null(m);
    char *err = NULL;
    assert_false(LLVMVerifyModule(m, LLVMReturnStatusAction, &err));
    LLVMDisposeMessage(err);
    /* entry + body + exit: rotated, no header block. */
    assert_int_equal(blocks_of(m, "many"), 3);
    assert_int_equal(blocks_of(m, "uneven"), 3);
    assert_true(has_nsw_add(m, "many"));
    assert_int_equal(blocks_of(m, "edge32"), 3);
    /* In line. */
    assert_int_equal(blocks_of(m, "one"), 1);
    assert_int_equal(blocks_of(m, "one_big_step"), 1);
    /* The 1 x 3 nest: the entry and the inner loop's body and exit. */
    assert_int_equal(blocks_of(m, "nest"), 3);
    /* Guarded: entry + head + body + exit. */
    assert_int_equal(blocks_of(m, "none"), 4);
    assert_int_equal(blocks_of(m, "backwards"), 4);
    assert_int_equal(blocks_of(m, "wraps"), 4);
    assert_int_equal(blocks_of(m, "dyn"), 4);
    assert_false(has_nsw_add(m, "dyn"));
    LLVMDisposeModule(m);
}

/* Calls @name() and returns its one scalar result as int64. */
static int64_t
call0(fixture *f, const char *name)
{
    size_t nout = 1;
    eo_tensor out[1];
    memset(out, 0, sizeof out);
    assert_int_equal(eo_jit_call(f->jit, name, 0, NULL, &nout, out), EO_OK);
    assert_int_equal(nout, 1);
    int64_t r;
    switch (out[0].dtype) {
    case EO_DT_I8:
        r = *(int8_t *)out[0].data;
        break;
    case EO_DT_I32:
        r = *(int32_t *)out[0].data;
        break;
    default:
        r = *(int64_t *)out[0].data;
        break;
    }
    eo_tensor_free(&out[0]);
    return r;
}

static void
test_loop_results(void **state)
{
    fixture *f = *state;
    parse(f);
    eo_codegen_options o = { .opt_level = 0 };
    f->jit = eo_jit_create(f->module, &o);
    assert_non_null(f->jit);
    assert_int_equal(call0(f, "many"), 1045);
    assert_int_equal(call0(f, "uneven"), 1000 - 4 - 1 + 2);
    assert_int_equal(call0(f, "one"), 1003);
    assert_int_equal(call0(f, "one_big_step"), 1000);
    assert_int_equal(call0(f, "none"), 1000);
    assert_int_equal(call0(f, "backwards"), 1000);
    assert_int_equal(call0(f, "edge32"), 4);
    eo_tensor buf;
    int64_t shape[2] = { 1, 3 };
    assert_int_equal(eo_tensor_alloc(&buf, EO_DT_F32, 2, shape), EO_OK);
    size_t nout = 0;
    assert_int_equal(eo_jit_call(f->jit, "nest", 1, &buf, &nout, NULL),
                     EO_OK);
    const float *d = buf.data;
    assert_true(d[0] == 0.0f && d[1] == 1.0f && d[2] == 2.0f);
    eo_tensor_free(&buf);
    eo_tensor n;
    assert_int_equal(eo_tensor_alloc(&n, EO_DT_I64, 0, NULL), EO_OK);
    *(int64_t *)n.data = 5;
    eo_tensor out;
    memset(&out, 0, sizeof out);
    nout = 1;
    assert_int_equal(eo_jit_call(f->jit, "dyn", 1, &n, &nout, &out), EO_OK);
    assert_int_equal(*(int64_t *)out.data, 10);
    eo_tensor_free(&out);
    eo_tensor_free(&n);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_loop_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop_results, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

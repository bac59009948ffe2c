/* test/codegen/test_outline.c - the top-level loop nests of a function
 * outlined into internal noinline functions (compile time): groups of
 * consecutive nests, the arguments they get (constants folded, pointers
 * noalias when alone in their allocation), eo_codegen_options.no_outline
 * and the "eo.no_outline" attribute keeping a function whole, small
 * functions kept whole, and the same numbers through the JIT either way.
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
#include <llvm-c/DebugInfo.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Nests in the generated function (7 ops each). */
#define NESTS 60

typedef struct fixture {
    eo_ctx *ctx;
    LLVMContextRef llctx;
    eo_op *module;
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
    if (f->module)
        eo_op_destroy(f->module);
    LLVMContextDispose(f->llctx);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* @f(%in: memref<8xf32>, %out: memref<NESTSx8xf32>): nest k writes
 * out[k][i] = in[i] + k through a temporary buffer; 'attr' goes into
 * the function's attribute dictionary (may be ""). Also @small, one
 * nest. */
static void
parse(fixture *f, const char *attr)
{
    eo_strbuf b = { 0 };
    eo_strbuf_printf(&b,
        "func.func @f(%%in: memref<8xf32>, %%out: memref<%dx8xf32>) "
        "%s%s%s{\n"
        "  %%c0 = arith.constant 0 : index\n"
        "  %%c1 = arith.constant 1 : index\n"
        "  %%c8 = arith.constant 8 : index\n"
        "  %%tmp = memref.alloc() : memref<8xf32>\n", NESTS,
        *attr ? "attributes {" : "", attr, *attr ? "} " : "");
    for (int k = 0; k < NESTS; k++)
        eo_strbuf_printf(&b,
            "  %%k%d = arith.constant %d : index\n"
            "  %%f%d = arith.constant %d.0 : f32\n"
            "  scf.for %%i = %%c0 to %%c8 step %%c1 {\n"
            "    %%x = memref.load %%in[%%i] : memref<8xf32>\n"
            "    %%y = arith.addf %%x, %%f%d : f32\n"
            "    memref.store %%y, %%tmp[%%i] : memref<8xf32>\n"
            "    %%z = memref.load %%tmp[%%i] : memref<8xf32>\n"
            "    memref.store %%z, %%out[%%k%d, %%i] : memref<%dx8xf32>\n"
            "  }\n", k, k, k, k, k, k, NESTS);
    eo_strbuf_printf(&b,
        "  memref.dealloc %%tmp : memref<8xf32>\n"
        "  return\n"
        "}\n"
        "func.func @small(%%m: memref<4xf32>) {\n"
        "  %%c0 = arith.constant 0 : index\n"
        "  %%c1 = arith.constant 1 : index\n"
        "  %%c4 = arith.constant 4 : index\n"
        "  %%one = arith.constant 1.0 : f32\n"
        "  scf.for %%i = %%c0 to %%c4 step %%c1 {\n"
        "    memref.store %%one, %%m[%%i] : memref<4xf32>\n"
        "  }\n"
        "  return\n"
        "}\n");
    assert_false(b.oom);
    f->module = eo_parse_source(f->ctx, "nests.mlir", b.data, b.len, NULL);
    eo_strbuf_free(&b);
    assert_non_null(f->module);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

/* The number of functions named "<prefix>.nest<k>" in 'm'. */
static unsigned
count_nests(LLVMModuleRef m, const char *prefix)
{
    unsigned n = 0;
    char name[64];
    for (;; n++) {
        snprintf(name, sizeof name, "%s.nest%u", prefix, n);
        if (!LLVMGetNamedFunction(m, name))
            return n;
    }
}

static bool
has_fn_attr(LLVMValueRef fn, unsigned idx, const char *name)
{
    unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
    return LLVMGetEnumAttributeAtIndex(fn, idx, kind) != NULL;
}

static LLVMModuleRef
translate(fixture *f, bool no_outline)
{
    eo_codegen_options o = { .opt_level = 2, .no_outline = no_outline };
    LLVMModuleRef m = eo_codegen_translate(f->module, f->llctx, &o);
    assert_non_null(m);
    char *err = NULL;
    assert_false(LLVMVerifyModule(m, LLVMReturnStatusAction, &err));
    LLVMDisposeMessage(err);
    return m;
}

static void
test_outlined(void **state)
{
    fixture *f = *state;
    parse(f, "");
    LLVMModuleRef m = translate(f, false);
    /* 420 ops in the nests (7 each), in groups of at most 256. */
    unsigned n = count_nests(m, "f");
    assert_int_equal(n, 2);
    for (unsigned k = 0; k < n; k++) {
        char name[32];
        snprintf(name, sizeof name, "f.nest%u", k);
        LLVMValueRef fn = LLVMGetNamedFunction(m, name);
        assert_int_equal(LLVMGetLinkage(fn), LLVMInternalLinkage);
        assert_true(has_fn_attr(fn, LLVMAttributeFunctionIndex,
                                "noinline"));
        /* %in's and %out's aligned pointers and %tmp's one pointer:
         * the rest of the descriptors (offsets, sizes, strides of
         * arguments) as i64; only %tmp's pointer is noalias. */
        unsigned np = LLVMCountParams(fn), ptrs = 0, noalias = 0;
        for (unsigned i = 0; i < np; i++) {
            LLVMValueRef p = LLVMGetParam(fn, i);
            if (LLVMGetTypeKind(LLVMTypeOf(p)) != LLVMPointerTypeKind)
                continue;
            ptrs++;
            noalias += has_fn_attr(fn, i + 1, "noalias");
        }
        assert_int_equal(ptrs, 5);
        assert_int_equal(noalias, 1);
        /* Its own debug scope (the module has file locations). */
        assert_non_null(LLVMGetSubprogram(fn));
    }
    /* The public function keeps its signature; @small stays whole. */
    assert_int_equal(LLVMCountParams(LLVMGetNamedFunction(m, "f")),
                     5 + 7);
    assert_int_equal(count_nests(m, "small"), 0);
    LLVMDisposeModule(m);
    m = translate(f, true);
    assert_int_equal(count_nests(m, "f"), 0);
    LLVMDisposeModule(m);
}

static void
test_attribute(void **state)
{
    fixture *f = *state;
    parse(f, "eo.no_outline");
    LLVMModuleRef m = translate(f, false);
    assert_int_equal(count_nests(m, "f"), 0);
    LLVMDisposeModule(m);
}

/* Runs @f through the JIT and checks out[k][i] == in[i] + k. */
static void
run(fixture *f, bool no_outline)
{
    eo_codegen_options o = { .opt_level = 2, .no_outline = no_outline };
    eo_jit *jit = eo_jit_create(f->module, &o);
    assert_non_null(jit);
    int64_t n = 8, shape[2] = { NESTS, 8 };
    eo_tensor in[2] = {{0}};
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 1, &n), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 2, shape), EO_OK);
    for (int i = 0; i < 8; i++)
        ((float *)in[0].data)[i] = 0.5f * (float)i;
    size_t nout = 0;
    assert_int_equal(eo_jit_call(jit, "f", 2, in, &nout, NULL), EO_OK);
    const float *out = in[1].data;
    for (int k = 0; k < NESTS; k++)
        for (int i = 0; i < 8; i++)
            assert_true(out[k * 8 + i] == 0.5f * (float)i + (float)k);
    eo_tensor_free(&in[0]);
    eo_tensor_free(&in[1]);
    eo_jit_destroy(jit);
}

static void
test_results(void **state)
{
    fixture *f = *state;
    parse(f, "");
    run(f, false);
    run(f, true);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_outlined, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attribute, setup, teardown),
        cmocka_unit_test_setup_teardown(test_results, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

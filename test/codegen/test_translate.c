/* test/codegen/test_translate.c - eo_codegen_translate (signatures with
 * expanded memref descriptors, control flow, memory, diagnostics),
 * target machines for host and cross triples, the pass pipeline and
 * emission of text, bitcode and ELF objects.
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
#include <unistd.h>

typedef struct fixture {
    eo_ctx *ctx;
    LLVMContextRef llctx;
    char msg[1024];         /* first error */
    int errors;
    eo_op *module;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR || f->errors++ != 0)
        return;
    snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
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

/* Parses and verifies 'src' into f->module. */
static void
parse(fixture *f, const char *src)
{
    f->module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    assert_non_null(f->module);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

static LLVMModuleRef
translate(fixture *f, const char *src, const eo_codegen_options *o)
{
    parse(f, src);
    LLVMModuleRef m = eo_codegen_translate(f->module, f->llctx, o);
    if (m) {
        char *err = NULL;
        assert_false(LLVMVerifyModule(m, LLVMReturnStatusAction, &err));
        LLVMDisposeMessage(err);
    }
    return m;
}

static const char scalar_src[] =
    "func.func @f(%a: f32, %b: i16, %n: index) -> (f32, i16) {\n"
    "  %0 = arith.addf %a, %a : f32\n"
    "  %1 = arith.muli %b, %b : i16\n"
    "  return %0, %1 : f32, i16\n"
    "}\n"
    "func.func @g(%a: f64) -> f64 {\n"
    "  %0 = math.exp %a : f64\n"
    "  return %0 : f64\n"
    "}\n"
    "func.func @h(%x: i64) -> i64 {\n"
    "  %r = func.call @g2(%x) : (i64) -> i64\n"
    "  return %r : i64\n"
    "}\n"
    "func.func private @g2(i64) -> i64\n";

static void
test_scalar_signatures(void **state)
{
    fixture *f = *state;
    LLVMModuleRef m = translate(f, scalar_src, NULL);
    assert_non_null(m);
    LLVMValueRef fn = LLVMGetNamedFunction(m, "f");
    assert_non_null(fn);
    LLVMTypeRef ft = LLVMGlobalGetValueType(fn);
    assert_int_equal(LLVMCountParamTypes(ft), 3);
    LLVMTypeRef ps[3];
    LLVMGetParamTypes(ft, ps);
    assert_int_equal(LLVMGetTypeKind(ps[0]), LLVMFloatTypeKind);
    assert_int_equal(LLVMGetIntTypeWidth(ps[1]), 16);
    assert_int_equal(LLVMGetIntTypeWidth(ps[2]), 64);   /* index */
    LLVMTypeRef rt = LLVMGetReturnType(ft);
    assert_int_equal(LLVMGetTypeKind(rt), LLVMStructTypeKind);
    assert_int_equal(LLVMCountStructElementTypes(rt), 2);
    /* The callee is declared; math.exp became the llvm.exp intrinsic. */
    LLVMValueRef g2 = LLVMGetNamedFunction(m, "g2");
    assert_non_null(g2);
    assert_true(LLVMIsDeclaration(g2));
    assert_non_null(LLVMGetNamedFunction(m, "llvm.exp.f64"));
    LLVMDisposeModule(m);
}

static const char memref_src[] =
    "memref.global \"private\" constant @w : memref<2x3xi32> = "
    "dense<[[1, 2, 3], [4, 5, 6]]>\n"
    "func.func @k(%a: memref<4x?xf32>, %b: memref<f64>, %i: index) -> f32 {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %v = memref.load %a[%c0, %i] : memref<4x?xf32>\n"
    "  %g = memref.get_global @w : memref<2x3xi32>\n"
    "  %t = memref.alloc(%i) : memref<?x8xf32>\n"
    "  memref.store %v, %t[%i, %c0] : memref<?x8xf32>\n"
    "  memref.dealloc %t : memref<?x8xf32>\n"
    "  return %v : f32\n"
    "}\n";

static void
test_memref_descriptors(void **state)
{
    fixture *f = *state;
    LLVMModuleRef m = translate(f, memref_src, NULL);
    assert_non_null(m);
    LLVMTypeRef ft = LLVMGlobalGetValueType(LLVMGetNamedFunction(m, "k"));
    /* rank 2: 2 pointers, offset, 2 sizes, 2 strides; rank 0: 3 fields;
     * then the index. */
    assert_int_equal(LLVMCountParamTypes(ft), 7 + 3 + 1);
    LLVMTypeRef ps[11];
    LLVMGetParamTypes(ft, ps);
    assert_int_equal(LLVMGetTypeKind(ps[0]), LLVMPointerTypeKind);
    assert_int_equal(LLVMGetTypeKind(ps[1]), LLVMPointerTypeKind);
    for (int i = 2; i < 7; i++)
        assert_int_equal(LLVMGetIntTypeWidth(ps[i]), 64);
    assert_int_equal(LLVMGetTypeKind(ps[7]), LLVMPointerTypeKind);
    /* The global holds the 24 bytes of data. */
    LLVMValueRef g = LLVMGetNamedGlobal(m, "w");
    assert_non_null(g);
    assert_true(LLVMIsGlobalConstant(g));
    assert_int_equal(LLVMGetLinkage(g), LLVMInternalLinkage);
    size_t len = 0;
    const char *data = LLVMGetAsString(LLVMGetInitializer(g), &len);
    assert_int_equal(len, 24);
    int32_t v[6];
    memcpy(v, data, sizeof v);
    assert_int_equal(v[5], 6);
    assert_non_null(LLVMGetNamedFunction(m, "malloc"));
    assert_non_null(LLVMGetNamedFunction(m, "free"));
    LLVMDisposeModule(m);
}

static void
test_control_flow(void **state)
{
    fixture *f = *state;
    LLVMModuleRef m = translate(f,
        "func.func @c(%n: index, %p: i1) -> index {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %s = scf.for %i = %c0 to %n step %c1 iter_args(%a = %c0) "
        "-> (index) {\n"
        "    %x = scf.if %p -> (index) {\n"
        "      %y = arith.addi %a, %i : index\n"
        "      scf.yield %y : index\n"
        "    } else {\n"
        "      scf.yield %a : index\n"
        "    }\n"
        "    scf.yield %x : index\n"
        "  }\n"
        "  cf.cond_br %p, ^bb1(%s : index), ^bb1(%c0 : index)\n"
        "^bb1(%r: index):\n"
        "  return %r : index\n"
        "}\n", NULL);
    assert_non_null(m);
    LLVMValueRef fn = LLVMGetNamedFunction(m, "c");
    /* entry, bb1, and for head/body/exit, if then/else/end. */
    assert_int_equal(LLVMCountBasicBlocks(fn), 8);
    LLVMDisposeModule(m);
}

static void
test_unsupported_op(void **state)
{
    fixture *f = *state;
    LLVMModuleRef m = translate(f,
        "func.func @u() -> i32 {\n"
        "  %0 = scf.execute_region -> i32 {\n"
        "    %c = arith.constant 1 : i32\n"
        "    scf.yield %c : i32\n"
        "  }\n"
        "  return %0 : i32\n"
        "}\n", NULL);
    assert_null(m);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->msg, "cannot translate scf.execute_region"));
}

static void
test_unsupported_module_op(void **state)
{
    fixture *f = *state;
    eo_ctx_set_allow_unregistered(f->ctx, true);
    LLVMModuleRef m = translate(f, "\"foo.bar\"() : () -> ()\n", NULL);
    assert_null(m);
    assert_non_null(strstr(f->msg, "cannot translate foo.bar"));
}

/* Writes 'm' as an object for 'o' and returns its ELF e_machine. */
static int
object_machine(fixture *f, LLVMModuleRef m, const eo_codegen_options *o,
               unsigned char *elf_class)
{
    LLVMTargetMachineRef tm = eo_codegen_target_machine(f->ctx, o);
    assert_non_null(tm);
    assert_int_equal(eo_codegen_optimize(f->ctx, m, tm, o), EO_OK);
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/eo_cg_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(eo_codegen_emit(f->ctx, m, tm, EO_EMIT_OBJ, path),
                     EO_OK);
    LLVMDisposeTargetMachine(tm);
    unsigned char h[20];
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    assert_int_equal(fread(h, 1, 20, fp), 20);
    fclose(fp);
    unlink(path);
    assert_memory_equal(h, "\177ELF", 4);
    *elf_class = h[4];
    return h[18] | h[19] << 8;   /* little-endian targets */
}

static void
test_cross_objects(void **state)
{
    fixture *f = *state;
    static const struct {
        eo_codegen_options o;
        int machine;
        unsigned char elf_class;
    } cases[] = {
        { { .triple = "x86_64-unknown-linux-gnu", .opt_level = 2 }, 62, 2 },
        { { .triple = "aarch64-linux-gnu", .cpu = "cortex-a55",
            .opt_level = 3 }, 183, 2 },
        { { .triple = "thumbv8.1m.main-none-eabi", .cpu = "cortex-m55",
            .features = "+mve.fp", .opt_level = 2 }, 40, 1 },
        { { .triple = "riscv64-linux-gnu", .features = "+m,+f,+d",
            .opt_level = 1 }, 243, 2 },
    };
    parse(f, memref_src);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        LLVMModuleRef m = eo_codegen_translate(f->module, f->llctx,
                                               &cases[i].o);
        assert_non_null(m);
        unsigned char cls = 0;
        assert_int_equal(object_machine(f, m, &cases[i].o, &cls),
                         cases[i].machine);
        assert_int_equal(cls, cases[i].elf_class);
        LLVMDisposeModule(m);
    }
}

static void
test_bad_target_and_pipeline(void **state)
{
    fixture *f = *state;
    eo_codegen_options o = { .triple = "nonsense-none-none" };
    assert_null(eo_codegen_target_machine(f->ctx, &o));
    assert_non_null(strstr(f->msg, "unknown target triple"));
    LLVMModuleRef m = translate(f, scalar_src, NULL);
    assert_non_null(m);
    LLVMTargetMachineRef tm = eo_codegen_target_machine(f->ctx, NULL);
    assert_non_null(tm);
    eo_codegen_options p = { .pipeline = "no-such-pass" };
    f->errors = 0;
    assert_int_equal(eo_codegen_optimize(f->ctx, m, tm, &p), EO_ERROR);
    assert_non_null(strstr(f->msg, "no-such-pass"));
    p.pipeline = "instcombine";
    assert_int_equal(eo_codegen_optimize(f->ctx, m, tm, &p), EO_OK);
    /* Text and bitcode to a stream. */
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    assert_int_equal(eo_codegen_emit_stream(f->ctx, m, tm, EO_EMIT_BC, tmp),
                     EO_OK);
    assert_true(ftell(tmp) > 4);
    rewind(tmp);
    unsigned char bc[4];
    assert_int_equal(fread(bc, 1, 4, tmp), 4);
    assert_memory_equal(bc, "BC\xc0\xde", 4);
    fclose(tmp);
    LLVMDisposeTargetMachine(tm);
    LLVMDisposeModule(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_scalar_signatures, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_memref_descriptors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_control_flow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_op, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_module_op, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_cross_objects, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_target_and_pipeline, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

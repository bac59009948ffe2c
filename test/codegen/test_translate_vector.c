/* test/codegen/test_translate_vector.c - vector ops to LLVM IR: the
 * instructions and intrinsics a hand-written kernel becomes, what is
 * reported as unsupported, and loops vectorized by tl-to-loops run
 * through the JIT: the same outputs as the reference interpreter on the
 * same IR and as the scalar lowering.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <llvm-c/Analysis.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK ||
        eo_tl_register_passes(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_op *
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test.mlir", text, strlen(text),
                               NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* The LLVM IR text of 'text' (malloc'd; NULL if translation failed). */
static char *
translate(fixture *f, const char *text)
{
    eo_op *m = parse(f, text);
    LLVMContextRef c = LLVMContextCreate();
    eo_codegen_options o = {.triple = "x86_64-unknown-linux-gnu"};
    LLVMModuleRef lm = eo_codegen_translate(m, c, &o);
    char *out = NULL;
    if (lm) {
        char *err = NULL;
        assert_false(LLVMVerifyModule(lm, LLVMReturnStatusAction, &err));
        LLVMDisposeMessage(err);
        char *s = LLVMPrintModuleToString(lm);
        out = strdup(s);
        LLVMDisposeMessage(s);
        LLVMDisposeModule(lm);
    }
    LLVMContextDispose(c);
    eo_op_destroy(m);
    return out;
}

static const char kernel[] =
    "func.func @k(%x: memref<64xf32>, %y: memref<64xf32>, "
    "%o: memref<1xf32>, %b: memref<16xi8>, %n: index) -> i32 {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c4 = arith.constant 4 : index\n"
    "  %c64 = arith.constant 64 : index\n"
    "  %z = arith.constant -0.0 : f32\n"
    "  %acc0 = memref.load %o[%c0] : memref<1xf32>\n"
    "  %init = vector.broadcast %z : f32 to vector<4xf32>\n"
    "  %s = scf.for %i = %c0 to %c64 step %c4 iter_args(%acc = %init) "
    "-> (vector<4xf32>) {\n"
    "    %xv = vector.load %x[%i] : memref<64xf32>, vector<4xf32>\n"
    "    %yv = vector.load %y[%i] : memref<64xf32>, vector<4xf32>\n"
    "    %m = arith.mulf %xv, %yv : vector<4xf32>\n"
    "    %e = math.erf %m : vector<4xf32>\n"
    "    %n2 = vector.fma %xv, %e, %acc : vector<4xf32>\n"
    "    scf.yield %n2 : vector<4xf32>\n"
    "  }\n"
    "  %r = vector.reduction <add>, %s, %acc0 fastmath<reassoc> : "
    "vector<4xf32> into f32\n"
    "  %r2 = vector.reduction <mul>, %s : vector<4xf32> into f32\n"
    "  %r3 = arith.addf %r, %r2 : f32\n"
    "  memref.store %r3, %o[%c0] : memref<1xf32>\n"
    "  %bv = vector.load %b[%c0] : memref<16xi8>, vector<16xi8>\n"
    "  %be = arith.extsi %bv : vector<16xi8> to vector<16xi32>\n"
    "  %mask = vector.create_mask %n : vector<16xi1>\n"
    "  %zero = arith.constant dense<0> : vector<16xi8>\n"
    "  %ml = vector.maskedload %b[%c0], %mask, %zero : memref<16xi8>, "
    "vector<16xi1>, vector<16xi8> into vector<16xi8>\n"
    "  vector.maskedstore %b[%c0], %mask, %ml : memref<16xi8>, "
    "vector<16xi1>, vector<16xi8>\n"
    "  %sum = vector.reduction <add>, %be : vector<16xi32> into i32\n"
    "  %mx = vector.reduction <minui>, %be, %sum : vector<16xi32> into "
    "i32\n"
    "  return %mx : i32\n"
    "}\n";

static void
test_instructions(void **state)
{
    fixture *f = *state;
    char *ir = translate(f, kernel);
    assert_non_null(ir);
    static const char *const want[] = {
        "load <4 x float>, ptr %", "align 4",
        "phi <4 x float>",
        "fmul <4 x float>",
        "call float @erff(",          /* per lane: no intrinsic */
        "call <4 x float> @llvm.fma.v4f32(",
        "call reassoc float @llvm.vector.reduce.fadd.v4f32(",
        /* ordered (no reassoc), from 1.0 */
        "call float @llvm.vector.reduce.fmul.v4f32(float 1.000000e+00",
        "load <16 x i8>, ptr %", "align 1",
        "sext <16 x i8> %",
        "call <16 x i8> @llvm.masked.load.v16i8.p0(",
        "call void @llvm.masked.store.v16i8.p0(",
        "call i32 @llvm.vector.reduce.add.v16i32(",
        "call i32 @llvm.vector.reduce.umin.v16i32(",
        "call i32 @llvm.umin.i32(",
        "shufflevector",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (!strstr(ir, want[i]))
            fail_msg("missing '%s' in:\n%s", want[i], ir);
    }
    /* 4 lanes of erf. */
    size_t n = 0;
    for (const char *p = ir; (p = strstr(p, "call float @erff(")); p++)
        n++;
    assert_int_equal(n, 4);
    free(ir);
    assert_int_equal(f->errors, 0);
}

/* What the translation does not cover is reported at the op. */
static void
test_unsupported(void **state)
{
    fixture *f = *state;
    static const struct { const char *text, *msg; } cases[] = {
        {"func.func @f(%a: vector<2x4xf32>) -> vector<2x4xf32> {\n"
         "  %0 = arith.addf %a, %a : vector<2x4xf32>\n"
         "  return %0 : vector<2x4xf32>\n"
         "}\n",
         "signature not supported"},
        {"func.func @f(%m: memref<4x4xf32>) -> vector<4xf32> {\n"
         "  %c0 = arith.constant 0 : index\n"
         "  %p = arith.constant 0.0 : f32\n"
         "  %0 = vector.transfer_read %m[%c0, %c0], %p {permutation_map = "
         "affine_map<(d0, d1) -> (d0)>} : memref<4x4xf32>, vector<4xf32>\n"
         "  return %0 : vector<4xf32>\n"
         "}\n",
         "only 1-D unmasked transfers along the last memref dimension"},
        {"func.func @f(%v: vector<4xf32>) -> vector<4xf32> {\n"
         "  %0 = vector.shape_cast %v : vector<4xf32> to vector<4xf32>\n"
         "  return %0 : vector<4xf32>\n"
         "}\n",
         "cannot translate vector.shape_cast to LLVM IR"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        f->errors = 0;
        f->msg[0] = 0;
        char *ir = translate(f, cases[i].text);
        assert_null(ir);
        assert_true(f->errors > 0);
        if (!strstr(f->msg, cases[i].msg))
            fail_msg("case %zu: '%s' lacks '%s'", i, f->msg, cases[i].msg);
    }
}

/* ------------------------------------------------------------------ */
/* Vectorized loops, compiled and interpreted                          */
/* ------------------------------------------------------------------ */

typedef struct program {
    const char *text;
    const char *knobs[3];       /* NULL-terminated assignments */
    size_t nargs;               /* the last one is the out */
    eo_dtype dt[3];
    size_t rank[3];
    int64_t shape[3][2];
    bool exact;                 /* JIT == interpreter bit for bit */
} program;

static const program progs[] = {
    /* relu over rows of 37 at width 4 (9 vector steps and one scalar) */
    {"func.func @f(%a: memref<3x37xf32>, %c: memref<3x37xf32>) {\n"
     "  tl.elementwise {kind = \"relu\", name = \"r\"} ins(%a : "
     "memref<3x37xf32>) outs(%c : memref<3x37xf32>)\n"
     "  return\n"
     "}\n",
     {"vectorize.r=4", NULL}, 2, {EO_DT_F32, EO_DT_F32}, {2, 2},
     {{3, 37}, {3, 37}}, true},
    /* a matmul with j innermost at width 8 (18 = 2 * 8 + 2) */
    {"func.func @f(%a: memref<7x10xf32>, %b: memref<10x18xf32>, "
     "%c: memref<7x18xf32>) {\n"
     "  tl.matmul {name = \"mm\"} ins(%a, %b : memref<7x10xf32>, "
     "memref<10x18xf32>) outs(%c : memref<7x18xf32>)\n"
     "  return\n"
     "}\n",
     {"vectorize.mm=8", "interchange.mm=d0,d2,d1", NULL}, 3,
     {EO_DT_F32, EO_DT_F32, EO_DT_F32}, {2, 2, 2},
     {{7, 10}, {10, 18}, {7, 18}}, true},
    /* an i8 dot product into i32 at width 16 (35 = 2 * 16 + 3) */
    {"#a = affine_map<(d0, d1) -> (d0, d1)>\n"
     "#b = affine_map<(d0, d1) -> (d1)>\n"
     "#c = affine_map<(d0, d1) -> (d0)>\n"
     "func.func @f(%a: memref<4x35xi8>, %b: memref<35xi8>, "
     "%c: memref<4xi32>) {\n"
     "  tl.generic {indexing_maps = [#a, #b, #c], iterator_types = "
     "[\"parallel\", \"reduction\"], name = \"idot\"} ins(%a, %b : "
     "memref<4x35xi8>, memref<35xi8>) outs(%c : memref<4xi32>) {\n"
     "  ^bb0(%x: i8, %y: i8, %acc: i32):\n"
     "    %xe = arith.extsi %x : i8 to i32\n"
     "    %ye = arith.extsi %y : i8 to i32\n"
     "    %m = arith.muli %xe, %ye : i32\n"
     "    %s = arith.addi %acc, %m : i32\n"
     "    tl.yield %s : i32\n"
     "  }\n"
     "  return\n"
     "}\n",
     {"vectorize.idot=16", NULL}, 3, {EO_DT_I8, EO_DT_I8, EO_DT_I32},
     {2, 1, 1}, {{4, 35}, {35}, {4}}, true},
    /* a float dot product at width 4: fma and a reassociating sum */
    {"#a = affine_map<(d0, d1) -> (d0, d1)>\n"
     "#b = affine_map<(d0, d1) -> (d1)>\n"
     "#c = affine_map<(d0, d1) -> (d0)>\n"
     "func.func @f(%a: memref<5x45xf32>, %b: memref<45xf32>, "
     "%c: memref<5xf32>) {\n"
     "  tl.generic {indexing_maps = [#a, #b, #c], iterator_types = "
     "[\"parallel\", \"reduction\"], name = \"dot\"} ins(%a, %b : "
     "memref<5x45xf32>, memref<45xf32>) outs(%c : memref<5xf32>) {\n"
     "  ^bb0(%x: f32, %y: f32, %acc: f32):\n"
     "    %m = arith.mulf %x, %y : f32\n"
     "    %s = arith.addf %acc, %m : f32\n"
     "    tl.yield %s : f32\n"
     "  }\n"
     "  return\n"
     "}\n",
     {"vectorize.dot=4", NULL}, 3, {EO_DT_F32, EO_DT_F32, EO_DT_F32},
     {2, 1, 1}, {{5, 45}, {45}, {5}}, false},
};

static eo_op *
lower(fixture *f, const program *p, bool vectorize)
{
    eo_op *m = parse(f, p->text);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    for (size_t i = 0; vectorize && p->knobs[i]; i++)
        assert_int_equal(eo_knob_store_assign(ks, p->knobs[i]), EO_OK);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, "func.func(tl-to-loops)"),
                     EO_OK);
    assert_int_equal(eo_pm_run(pm, m, eo_knob_store_provider(ks)), EO_OK);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    eo_pm_destroy(pm);
    eo_knob_store_destroy(ks);
    return m;
}

static void
inputs(const program *p, eo_tensor *t)
{
    for (size_t i = 0; i < p->nargs; i++) {
        assert_int_equal(eo_tensor_alloc(&t[i], p->dt[i], p->rank[i],
                                         p->shape[i]),
                         EO_OK);
        size_t n = (size_t)eo_tensor_numel(&t[i]);
        for (size_t k = 0; k < n; k++) {
            int v = (int)((k * 37 + i * 11) % 101) - 50;
            if (i + 1 == p->nargs)
                v = 0;        /* the out starts zeroed */
            if (p->dt[i] == EO_DT_F32)
                ((float *)t[i].data)[k] = (float)v / 7.0f;
            else if (p->dt[i] == EO_DT_I8)
                ((int8_t *)t[i].data)[k] = (int8_t)v;
            else
                ((int32_t *)t[i].data)[k] = v;
        }
    }
}

/* The out of 'm' through the JIT (into *out, caller frees). */
static void
run_jit(const program *p, eo_op *m, eo_tensor *out)
{
    eo_tensor in[3];
    inputs(p, in);
    eo_jit *jit = eo_jit_create(m, NULL);
    assert_non_null(jit);
    size_t nout = 0;
    assert_int_equal(eo_jit_call(jit, "f", p->nargs, in, &nout, NULL),
                     EO_OK);
    eo_jit_destroy(jit);
    *out = in[p->nargs - 1];
    for (size_t i = 0; i + 1 < p->nargs; i++)
        eo_tensor_free(&in[i]);
}

static void
run_interp(const program *p, eo_op *m, eo_tensor *out)
{
    eo_tensor in[3];
    inputs(p, in);
    eo_op *fn = eo_block_first(eo_module_body(m));
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, p->nargs - 1, in, &nout, out),
                     EO_OK);
    assert_int_equal(nout, 1);
    for (size_t i = 0; i < p->nargs; i++)
        eo_tensor_free(&in[i]);
}

static void
assert_close(const eo_tensor *a, const eo_tensor *b, bool exact)
{
    assert_int_equal(a->nbytes, b->nbytes);
    if (exact) {
        assert_memory_equal(a->data, b->data, a->nbytes);
        return;
    }
    size_t n = (size_t)eo_tensor_numel(a);
    for (size_t i = 0; i < n; i++) {
        double x = ((const float *)a->data)[i];
        double y = ((const float *)b->data)[i];
        assert_true(fabs(x - y) <= 1e-5 * (1 + fabs(y)));
    }
}

static void
test_vectorized_loops(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++) {
        const program *p = &progs[i];
        eo_op *vm = lower(f, p, true);
        eo_op *sm = lower(f, p, false);
        eo_tensor vj, vi, sj;
        run_jit(p, vm, &vj);
        run_interp(p, vm, &vi);
        run_jit(p, sm, &sj);
        assert_close(&vj, &vi, p->exact);
        assert_close(&vj, &sj, p->exact);
        eo_tensor_free(&vj);
        eo_tensor_free(&vi);
        eo_tensor_free(&sj);
        eo_op_destroy(vm);
        eo_op_destroy(sm);
    }
    assert_int_equal(f->errors, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_instructions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unsupported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_vectorized_loops, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

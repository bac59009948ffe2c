/* test/codegen/test_jit.c - the JIT and its libffi calls: memref
 * descriptors of ranks 0-4 next to i32/i64/f32/f64 scalars, scalar and
 * several results, writes through out-params, mismatch diagnostics (with
 * LLVM IR written here, through eo_jit_create_from_ir) and functions
 * translated from loop-level MLIR (eo_jit_create).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/codegen.h"
#include "codegen/jit_internal.h"
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
    eo_jit *jit;
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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_jit_destroy(f->jit);
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* Parses 'mlir' into f->module and JITs 'ir' (NULL: translate 'mlir'). */
static eo_jit *
jit(fixture *f, const char *mlir, const char *ir)
{
    f->module = eo_parse_source(f->ctx, "test.mlir", mlir, strlen(mlir),
                                NULL);
    assert_non_null(f->module);
    f->jit = ir ? eo_jit_create_from_ir(f->module, ir)
                : eo_jit_create(f->module, NULL);
    return f->jit;
}

static void
scalar(eo_tensor *t, eo_dtype dt, const void *v)
{
    assert_int_equal(eo_tensor_alloc(t, dt, 0, NULL), EO_OK);
    memcpy(t->data, v, eo_dtype_size(dt));
}

static void
free_all(eo_tensor *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        eo_tensor_free(&t[i]);
}

/* out[i] = in[i] * s through the descriptors' offsets and strides. */
static const char scale_mlir[] =
    "func.func private @scale(memref<?xf32>, memref<?xf32>, f32)\n";
static const char scale_ir[] =
    "define void @scale(ptr %ia, ptr %ip, i64 %io, i64 %n, i64 %is,\n"
    "                   ptr %oa, ptr %op, i64 %oo, i64 %on, i64 %os,\n"
    "                   float %s) {\n"
    "entry:\n"
    "  br label %head\n"
    "head:\n"
    "  %i = phi i64 [0, %entry], [%i1, %body]\n"
    "  %c = icmp slt i64 %i, %n\n"
    "  br i1 %c, label %body, label %done\n"
    "body:\n"
    "  %a = mul i64 %i, %is\n"
    "  %a1 = add i64 %a, %io\n"
    "  %pi = getelementptr float, ptr %ip, i64 %a1\n"
    "  %x = load float, ptr %pi\n"
    "  %y = fmul float %x, %s\n"
    "  %b = mul i64 %i, %os\n"
    "  %b1 = add i64 %b, %oo\n"
    "  %po = getelementptr float, ptr %op, i64 %b1\n"
    "  store float %y, ptr %po\n"
    "  %i1 = add i64 %i, 1\n"
    "  br label %head\n"
    "done:\n"
    "  ret void\n"
    "}\n";

static void
test_scale_out_param(void **state)
{
    fixture *f = *state;
    assert_non_null(jit(f, scale_mlir, scale_ir));
    int64_t n = 5;
    eo_tensor in[3] = {{0}};
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 1, &n), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 1, &n), EO_OK);
    float s = 2.5f;
    scalar(&in[2], EO_DT_F32, &s);
    for (int i = 0; i < 5; i++)
        ((float *)in[0].data)[i] = (float)i - 1.0f;
    size_t nout = 0;
    assert_int_equal(eo_jit_call(f->jit, "scale", 3, in, &nout, NULL),
                     EO_OK);
    assert_int_equal(nout, 0);
    for (int i = 0; i < 5; i++)
        assert_true(((float *)in[1].data)[i] == ((float)i - 1.0f) * 2.5f);
    free_all(in, 3);
    assert_int_equal(f->errors, 0);
}

/* @mix: memrefs of ranks 0..4 (f64, i32, f32, i64, f64) between scalars
 * i32, i64, f32, f64; returns the sum, as f64, of every memref's first
 * element (at its offset) and last element (located through sizes and
 * strides) and of the scalars. Generated, to cover every rank. */
static const char *const mix_elem[5] = {"double", "i32", "float", "i64",
                                        "double"};
static const eo_dtype mix_dt[5] = {EO_DT_F64, EO_DT_I32, EO_DT_F32,
                                   EO_DT_I64, EO_DT_F64};
static const int64_t mix_shape[5][4] = {
    {0}, {3}, {2, 3}, {2, 1, 3}, {1, 2, 2, 3}};

static const char *
to_double(const char *elem)
{
    if (!strcmp(elem, "double"))
        return NULL;
    if (!strcmp(elem, "float"))
        return "fpext";
    return "sitofp";
}

static void
append(char *buf, size_t len, const char *fmt, ...)
{
    size_t n = strlen(buf);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, len - n, fmt, ap);
    va_end(ap);
}

static void
mix_ir(char *buf, size_t len)
{
    buf[0] = '\0';
    append(buf, len, "define double @mix(");
    for (int k = 0; k < 5; k++) {
        append(buf, len, "ptr %%a%d, ptr %%p%d, i64 %%o%d", k, k, k);
        for (int d = 0; d < k; d++)
            append(buf, len, ", i64 %%s%d_%d", k, d);
        for (int d = 0; d < k; d++)
            append(buf, len, ", i64 %%t%d_%d", k, d);
        static const char *const sc[4] = {"i32 %x0", "i64 %x1", "float %x2",
                                          "double %x3"};
        append(buf, len, ", %s, ", k < 4 ? sc[k] : "");
    }
    buf[strlen(buf) - 4] = '\0';        /* the last ", , " */
    append(buf, len, ") {\nentry:\n");
    append(buf, len, "  %%acc = sitofp i32 %%x0 to double\n");
    append(buf, len, "  %%y1 = sitofp i64 %%x1 to double\n");
    append(buf, len, "  %%y2 = fpext float %%x2 to double\n");
    append(buf, len, "  %%acc1 = fadd double %%acc, %%y1\n");
    append(buf, len, "  %%acc2 = fadd double %%acc1, %%y2\n");
    append(buf, len, "  %%acc3 = fadd double %%acc2, %%x3\n");
    int acc = 3;
    for (int k = 0; k < 5; k++) {
        const char *e = mix_elem[k];
        append(buf, len, "  %%l%d_0 = add i64 %%o%d, 0\n", k, k);
        for (int d = 0; d < k; d++) {
            append(buf, len, "  %%m%d_%d = sub i64 %%s%d_%d, 1\n", k, d, k,
                   d);
            append(buf, len, "  %%n%d_%d = mul i64 %%m%d_%d, %%t%d_%d\n", k,
                   d, k, d, k, d);
            append(buf, len, "  %%l%d_%d = add i64 %%l%d_%d, %%n%d_%d\n", k,
                   d + 1, k, d, k, d);
        }
        const char *const pos[2] = {"f", "l"};
        for (int w = 0; w < 2; w++) {
            if (w == 0)
                append(buf, len, "  %%g%s%d = getelementptr %s, ptr %%p%d, "
                       "i64 %%o%d\n", pos[w], k, e, k, k);
            else
                append(buf, len, "  %%g%s%d = getelementptr %s, ptr %%p%d, "
                       "i64 %%l%d_%d\n", pos[w], k, e, k, k, k);
            append(buf, len, "  %%v%s%d = load %s, ptr %%g%s%d\n", pos[w], k,
                   e, pos[w], k);
            const char *cv = to_double(e);
            if (cv)
                append(buf, len, "  %%d%s%d = %s %s %%v%s%d to double\n",
                       pos[w], k, cv, e, pos[w], k);
            else
                append(buf, len, "  %%d%s%d = fadd double %%v%s%d, 0.0\n",
                       pos[w], k, pos[w], k);
            append(buf, len, "  %%acc%d = fadd double %%acc%d, %%d%s%d\n",
                   acc + 1, acc, pos[w], k);
            acc++;
        }
    }
    append(buf, len, "  ret double %%acc%d\n}\n", acc);
}

static void
test_ranks_and_scalars(void **state)
{
    fixture *f = *state;
    static const char mlir[] =
        "func.func private @mix(memref<f64>, i32, memref<3xi32>, i64,\n"
        "  memref<2x3xf32>, f32, memref<2x1x3xi64>, f64,\n"
        "  memref<1x2x2x3xf64>) -> f64\n";
    static char ir[16384];
    mix_ir(ir, sizeof ir);
    assert_non_null(jit(f, mlir, ir));

    eo_tensor in[9] = {{0}};
    double want = 0;
    int32_t x0 = -7;
    int64_t x1 = 1000000000000LL;
    float x2 = 0.5f;
    double x3 = 0.25;
    want += x0 + (double)x1 + x2 + x3;
    for (int k = 0; k < 5; k++) {
        eo_tensor *t = &in[2 * k];
        assert_int_equal(eo_tensor_alloc(t, mix_dt[k], (size_t)k,
                                         mix_shape[k]), EO_OK);
        int64_t n = eo_tensor_numel(t);
        for (int64_t i = 0; i < n; i++) {
            double v = (double)(10 * k + i + 1);
            switch (mix_dt[k]) {
            case EO_DT_F64: ((double *)t->data)[i] = v; break;
            case EO_DT_F32: ((float *)t->data)[i] = (float)v; break;
            case EO_DT_I32: ((int32_t *)t->data)[i] = (int32_t)v; break;
            default: ((int64_t *)t->data)[i] = (int64_t)v; break;
            }
        }
        want += (double)(10 * k + 1) + (double)(10 * k + n);
    }
    scalar(&in[1], EO_DT_I32, &x0);
    scalar(&in[3], EO_DT_I64, &x1);
    scalar(&in[5], EO_DT_F32, &x2);
    scalar(&in[7], EO_DT_F64, &x3);
    eo_tensor out[1] = {{0}};
    size_t nout = 1;
    assert_int_equal(eo_jit_call(f->jit, "mix", 9, in, &nout, out), EO_OK);
    assert_int_equal(nout, 1);
    assert_int_equal(out[0].dtype, EO_DT_F64);
    assert_int_equal(out[0].rank, 0);
    assert_true(*(double *)out[0].data == want);
    free_all(out, 1);
    free_all(in, 9);
}

/* One scalar result of each type. */
static void
test_scalar_results(void **state)
{
    fixture *f = *state;
    static const char mlir[] =
        "func.func private @i8(i8) -> i8\n"
        "func.func private @i16(i16) -> i16\n"
        "func.func private @i1(i1) -> i1\n"
        "func.func private @i64(index) -> index\n"
        "func.func private @f32(f32) -> f32\n"
        "func.func private @none()\n";
    static const char ir[] =
        "define i8 @i8(i8 %x) {\n  %y = sub i8 0, %x\n  ret i8 %y\n}\n"
        "define i16 @i16(i16 %x) {\n  %y = mul i16 %x, 3\n  ret i16 %y\n}\n"
        "define i1 @i1(i1 %x) {\n  %y = xor i1 %x, 1\n  ret i1 %y\n}\n"
        "define i64 @i64(i64 %x) {\n  %y = shl i64 %x, 40\n  ret i64 %y\n}\n"
        "define float @f32(float %x) {\n"
        "  %y = call float @sqrtf(float %x)\n  ret float %y\n}\n"
        "declare float @sqrtf(float)\n"
        "define void @none() {\n  ret void\n}\n";
    assert_non_null(jit(f, mlir, ir));
    eo_tensor in = {0}, out = {0};
    size_t nout = 1;

    int8_t a = 5;
    scalar(&in, EO_DT_I8, &a);
    assert_int_equal(eo_jit_call(f->jit, "i8", 1, &in, &nout, &out), EO_OK);
    assert_int_equal(out.dtype, EO_DT_I8);
    assert_int_equal(*(int8_t *)out.data, -5);
    eo_tensor_free(&in);
    eo_tensor_free(&out);

    int16_t b = -300;
    scalar(&in, EO_DT_I16, &b);
    assert_int_equal(eo_jit_call(f->jit, "i16", 1, &in, &nout, &out), EO_OK);
    assert_int_equal(*(int16_t *)out.data, -900);
    eo_tensor_free(&in);
    eo_tensor_free(&out);

    uint8_t c = 0;
    scalar(&in, EO_DT_BOOL, &c);
    assert_int_equal(eo_jit_call(f->jit, "i1", 1, &in, &nout, &out), EO_OK);
    assert_int_equal(out.dtype, EO_DT_BOOL);
    assert_int_equal(*(uint8_t *)out.data, 1);
    eo_tensor_free(&in);
    eo_tensor_free(&out);

    int64_t d = 3;
    scalar(&in, EO_DT_I64, &d);
    assert_int_equal(eo_jit_call(f->jit, "i64", 1, &in, &nout, &out), EO_OK);
    assert_int_equal(*(int64_t *)out.data, 3LL << 40);
    eo_tensor_free(&in);
    eo_tensor_free(&out);

    float e = 6.25f;                /* sqrtf resolves in the process */
    scalar(&in, EO_DT_F32, &e);
    assert_int_equal(eo_jit_call(f->jit, "f32", 1, &in, &nout, &out), EO_OK);
    assert_true(*(float *)out.data == 2.5f);
    eo_tensor_free(&in);
    eo_tensor_free(&out);

    nout = 0;
    assert_int_equal(eo_jit_call(f->jit, "none", 0, NULL, &nout, NULL),
                     EO_OK);
    assert_int_equal(nout, 0);
    assert_int_equal(f->errors, 0);
}

/* Several results come back through the generated struct wrapper. */
static void
test_struct_results(void **state)
{
    fixture *f = *state;
    static const char mlir[] =
        "func.func private @divmod(i32, i32, memref<2xf64>)\n"
        "    -> (i32, i32, f32, i1, f64, i8)\n";
    static const char ir[] =
        "define { i32, i32, float, i1, double, i8 } @divmod(i32 %a, i32 %b,"
        " ptr %pa, ptr %pp, i64 %po, i64 %ps, i64 %pt) {\n"
        "  %q = sdiv i32 %a, %b\n"
        "  %r = srem i32 %a, %b\n"
        "  %f = sitofp i32 %q to float\n"
        "  %z = icmp eq i32 %r, 0\n"
        "  %g = getelementptr double, ptr %pp, i64 1\n"
        "  %d = load double, ptr %g\n"
        "  %s0 = insertvalue { i32, i32, float, i1, double, i8 } undef, "
        "i32 %q, 0\n"
        "  %s1 = insertvalue { i32, i32, float, i1, double, i8 } %s0, "
        "i32 %r, 1\n"
        "  %s2 = insertvalue { i32, i32, float, i1, double, i8 } %s1, "
        "float %f, 2\n"
        "  %s3 = insertvalue { i32, i32, float, i1, double, i8 } %s2, "
        "i1 %z, 3\n"
        "  %s4 = insertvalue { i32, i32, float, i1, double, i8 } %s3, "
        "double %d, 4\n"
        "  %s5 = insertvalue { i32, i32, float, i1, double, i8 } %s4, "
        "i8 -3, 5\n"
        "  ret { i32, i32, float, i1, double, i8 } %s5\n"
        "}\n";
    assert_non_null(jit(f, mlir, ir));
    eo_tensor in[3] = {{0}}, out[6] = {{0}};
    int32_t a = -17, b = 5;
    scalar(&in[0], EO_DT_I32, &a);
    scalar(&in[1], EO_DT_I32, &b);
    int64_t two = 2;
    assert_int_equal(eo_tensor_alloc(&in[2], EO_DT_F64, 1, &two), EO_OK);
    ((double *)in[2].data)[1] = 1.5;
    size_t nout = 6;
    assert_int_equal(eo_jit_call(f->jit, "divmod", 3, in, &nout, out),
                     EO_OK);
    assert_int_equal(nout, 6);
    assert_int_equal(*(int32_t *)out[0].data, -3);
    assert_int_equal(*(int32_t *)out[1].data, -2);
    assert_true(*(float *)out[2].data == -3.0f);
    assert_int_equal(out[3].dtype, EO_DT_BOOL);
    assert_int_equal(*(uint8_t *)out[3].data, 0);
    assert_true(*(double *)out[4].data == 1.5);
    assert_int_equal(*(int8_t *)out[5].data, -3);
    free_all(out, 6);
    free_all(in, 3);
}

static void
expect_call_error(fixture *f, const char *name, size_t nin, eo_tensor *in,
                  size_t nout_cap, const char *needle)
{
    eo_tensor out[4] = {{0}};
    size_t nout = nout_cap;
    f->errors = 0;
    f->msg[0] = '\0';
    assert_int_equal(eo_jit_call(f->jit, name, nin, in, &nout, out),
                     EO_ERROR);
    assert_int_equal(f->errors, 1);
    if (!strstr(f->msg, needle))
        fail_msg("'%s' not in '%s'", needle, f->msg);
}

static void
test_mismatches(void **state)
{
    fixture *f = *state;
    static const char mlir[] =
        "func.func private @scale(memref<4xf32>, memref<4xf32>, f32)\n"
        "func.func private @ret(memref<4xf32>) -> memref<4xf32>\n"
        "func.func private @half(f16)\n";
    assert_non_null(jit(f, mlir, scale_ir));
    eo_tensor in[3] = {{0}};
    int64_t four = 4, three = 3;
    float s = 1.0f;
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 1, &four), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 1, &three), EO_OK);
    scalar(&in[2], EO_DT_F32, &s);
    expect_call_error(f, "scale", 3, in, 0, "argument #1: expected memref "
                      "4 of f32, got 3 of f32");
    expect_call_error(f, "scale", 2, in, 0, "expected 3 arguments, got 2");
    expect_call_error(f, "nope", 0, NULL, 0, "no function @nope");
    expect_call_error(f, "ret", 1, in, 1, "memref results are not "
                      "supported");
    expect_call_error(f, "half", 0, NULL, 0, "scalar type not supported");
    eo_tensor_free(&in[1]);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_I32, 1, &four), EO_OK);
    expect_call_error(f, "scale", 3, in, 0, "got 4 of i32");
    eo_tensor_free(&in[1]);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 1, &four), EO_OK);
    eo_tensor_free(&in[2]);
    scalar(&in[2], EO_DT_F64, &(double){1.0});
    expect_call_error(f, "scale", 3, in, 0, "argument #2: expected scalar");
    eo_tensor_free(&in[2]);
    assert_int_equal(eo_tensor_alloc(&in[2], EO_DT_F32, 1, &four), EO_OK);
    expect_call_error(f, "scale", 3, in, 0, "argument #2");
    free_all(in, 3);
}

static void
test_bad_ir(void **state)
{
    fixture *f = *state;
    assert_null(jit(f, scale_mlir, "define void @scale( {"));
    assert_non_null(strstr(f->msg, "cannot parse LLVM IR"));
}

static void
test_abi_mismatch(void **state)
{
    fixture *f = *state;
    /* The IR takes a plain pointer where the descriptor has five fields. */
    assert_null(jit(f, "func.func private @g(memref<4xf32>)\n",
                    "define void @g(ptr %p) {\n  ret void\n}\n"));
    assert_non_null(strstr(f->msg, "has 1 parameters, the memref "
                           "descriptor convention wants 5"));
}

static void
test_unresolved_symbol(void **state)
{
    fixture *f = *state;
    assert_null(jit(f, "func.func private @g()\n",
                    "declare void @eo_no_such_symbol_anywhere()\n"
                    "define void @g() {\n"
                    "  call void @eo_no_such_symbol_anywhere()\n"
                    "  ret void\n}\n"));
    assert_non_null(strstr(f->msg, "cannot compile @g"));
    assert_non_null(strstr(f->msg, "eo_no_such_symbol_anywhere"));
    assert_int_equal(f->errors, 1);
}

/* Translated from loop-level MLIR: a matmul into an out-param, and a
 * function with several scalar results. */
static void
test_translated(void **state)
{
    fixture *f = *state;
    static const char mlir[] =
        "func.func @matmul(%a: memref<2x3xf32>, %b: memref<3x2xf32>,\n"
        "                  %c: memref<2x2xf32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c2 = arith.constant 2 : index\n"
        "  %c3 = arith.constant 3 : index\n"
        "  %z = arith.constant 0.0 : f32\n"
        "  scf.for %i = %c0 to %c2 step %c1 {\n"
        "    scf.for %j = %c0 to %c2 step %c1 {\n"
        "      %s = scf.for %k = %c0 to %c3 step %c1 iter_args(%acc = %z)\n"
        "          -> (f32) {\n"
        "        %x = memref.load %a[%i, %k] : memref<2x3xf32>\n"
        "        %y = memref.load %b[%k, %j] : memref<3x2xf32>\n"
        "        %m = arith.mulf %x, %y : f32\n"
        "        %n = arith.addf %acc, %m : f32\n"
        "        scf.yield %n : f32\n"
        "      }\n"
        "      memref.store %s, %c[%i, %j] : memref<2x2xf32>\n"
        "    }\n"
        "  }\n"
        "  return\n"
        "}\n"
        "func.func @two(%x: i32, %y: f64) -> (i32, f64) {\n"
        "  %a = arith.muli %x, %x : i32\n"
        "  %b = arith.addf %y, %y : f64\n"
        "  return %a, %b : i32, f64\n"
        "}\n";
    assert_non_null(jit(f, mlir, NULL));
    int64_t sa[2] = {2, 3}, sb[2] = {3, 2}, sc[2] = {2, 2};
    eo_tensor in[3] = {{0}};
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 2, sa), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 2, sb), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[2], EO_DT_F32, 2, sc), EO_OK);
    for (int i = 0; i < 6; i++) {
        ((float *)in[0].data)[i] = (float)(i + 1);
        ((float *)in[1].data)[i] = (float)(i % 3) - 1.0f;
    }
    size_t nout = 0;
    assert_int_equal(eo_jit_call(f->jit, "matmul", 3, in, &nout, NULL),
                     EO_OK);
    const float *a = in[0].data, *b = in[1].data, *c = in[2].data;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            float want = 0;
            for (int k = 0; k < 3; k++)
                want += a[i * 3 + k] * b[k * 2 + j];
            assert_true(fabsf(c[i * 2 + j] - want) < 1e-5f);
        }
    free_all(in, 3);

    eo_tensor sin_[2] = {{0}}, out[2] = {{0}};
    int32_t x = -9;
    double y = 1.25;
    scalar(&sin_[0], EO_DT_I32, &x);
    scalar(&sin_[1], EO_DT_F64, &y);
    nout = 2;
    assert_int_equal(eo_jit_call(f->jit, "two", 2, sin_, &nout, out), EO_OK);
    assert_int_equal(*(int32_t *)out[0].data, 81);
    assert_true(*(double *)out[1].data == 2.5);
    free_all(out, 2);
    free_all(sin_, 2);
    assert_int_equal(f->errors, 0);
}

/* Translation errors come back from eo_jit_create. */
static void
test_translate_error(void **state)
{
    fixture *f = *state;
    assert_null(jit(f, "func.func @g(%x: tensor<2xf32>) {\n  return\n}\n",
                    NULL));
    assert_true(f->errors >= 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_scale_out_param, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_ranks_and_scalars, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_scalar_results, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_struct_results, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mismatches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_ir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abi_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unresolved_symbol, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_translated, setup, teardown),
        cmocka_unit_test_setup_teardown(test_translate_error, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

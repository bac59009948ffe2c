/* test/dialects/test_interp_loops.c - the interpreter below the graph
 * level (dialects/graph/interp_loops.c): MLIR's scalar semantics
 * (wrapping at the type width, division rounding, NaN in min/max, casts),
 * and eo_interp_run on loop-level, buffer-level and tl functions,
 * including the out-param contract (trailing memref arguments without an
 * input are allocated and returned).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/interp_internal.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];
    int errors;
    eo_op *module;
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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK
        || eo_graph_register(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* Parses and verifies 'src'; returns its func.func named 'name'. */
static eo_op *
parse_func(fixture *f, const char *src, const char *name)
{
    f->module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    if (!f->module)
        fprintf(stderr, "parse failed: %s\n", f->msg);
    assert_non_null(f->module);
    if (eo_op_verify(f->module) != EO_OK)
        fprintf(stderr, "verify failed: %s\n", f->msg);
    assert_int_equal(f->errors, 0);
    eo_op *fn = eo_symbol_lookup_in(f->module, name);
    assert_non_null(fn);
    return fn;
}

static int64_t
ib(const char *name, unsigned w, int64_t a, int64_t b)
{
    bool ok;
    int64_t r = interp_loops_int_binop(name, w, a, b, &ok);
    assert_true(ok);
    return r;
}

static void
test_int_wrapping(void **state)
{
    (void)state;
    assert_int_equal(ib("addi", 32, INT32_MAX, 1), INT32_MIN);
    assert_int_equal(ib("addi", 8, 127, 1), -128);
    assert_int_equal(ib("muli", 8, 100, 100), 16);
    assert_int_equal(ib("subi", 16, INT16_MIN, 1), INT16_MAX);
    assert_int_equal(ib("addi", 64, INT64_MAX, 1), INT64_MIN);
    assert_int_equal(ib("addi", 1, -1, -1), 0);     /* i1: true + true */
    assert_int_equal(ib("xori", 1, -1, 0), -1);
    /* Unsigned ops read the same bits as unsigned. */
    assert_int_equal(ib("maxui", 8, -1, 5), -1);
    assert_int_equal(ib("minui", 8, -1, 5), 5);
    assert_int_equal(ib("maxsi", 8, -1, 5), 5);
    assert_int_equal(ib("minsi", 8, -1, 5), -1);
}

static void
test_int_division(void **state)
{
    (void)state;
    assert_int_equal(ib("divsi", 32, -7, 2), -3);
    assert_int_equal(ib("remsi", 32, -7, 2), -1);
    assert_int_equal(ib("floordivsi", 32, -7, 2), -4);
    assert_int_equal(ib("floordivsi", 32, 7, -2), -4);
    assert_int_equal(ib("floordivsi", 32, -8, 2), -4);
    assert_int_equal(ib("ceildivsi", 32, 7, 2), 4);
    assert_int_equal(ib("ceildivsi", 32, -7, 2), -3);
    assert_int_equal(ib("ceildivsi", 32, -7, -2), 4);
    /* -1 as i8 is 255 unsigned. */
    assert_int_equal(ib("divui", 8, -1, 2), 127);
    assert_int_equal(ib("remui", 8, -1, 16), 15);
    /* 255 / 2 rounded up is 128, read back as i8. */
    assert_int_equal(ib("ceildivui", 8, -1, 2), -128);
    assert_int_equal(ib("ceildivui", 32, 8, 4), 2);
    assert_int_equal(ib("ceildivui", 32, 0, 4), 0);
    assert_int_equal(ib("ceildivui", 64, 5, 1), 5);
    /* MIN / -1 (poison in MLIR) gives MIN, not a trap. */
    assert_int_equal(ib("divsi", 32, INT32_MIN, -1), INT32_MIN);
    assert_int_equal(ib("divsi", 64, INT64_MIN, -1), INT64_MIN);
    assert_int_equal(ib("remsi", 64, INT64_MIN, -1), 0);
    bool ok = true;
    interp_loops_int_binop("divsi", 32, 1, 0, &ok);
    assert_false(ok);
    ok = true;
    interp_loops_int_binop("remui", 32, 1, 0, &ok);
    assert_false(ok);
    ok = true;
    interp_loops_int_binop("ceildivui", 32, 1, 0, &ok);
    assert_false(ok);
    ok = true;
    interp_loops_int_binop("frobi", 32, 1, 1, &ok);
    assert_false(ok);
}

static void
test_shifts(void **state)
{
    (void)state;
    assert_int_equal(ib("shli", 8, 1, 7), -128);
    assert_int_equal(ib("shli", 8, -1, 4), -16);
    assert_int_equal(ib("shrui", 8, -16, 4), 15);
    assert_int_equal(ib("shrsi", 8, -16, 4), -1);
    assert_int_equal(ib("shli", 8, 1, 8), 0);       /* poison: 0 */
    assert_int_equal(ib("shrsi", 8, -5, 9), -1);
}

static void
test_compare(void **state)
{
    (void)state;
    /* eq ne slt sle sgt sge ult ule ugt uge */
    assert_true(interp_loops_cmpi(2, 8, -1, 0));    /* slt */
    assert_false(interp_loops_cmpi(6, 8, -1, 0));   /* ult: 255 < 0 */
    assert_true(interp_loops_cmpi(8, 8, -1, 0));    /* ugt */
    assert_true(interp_loops_cmpi(9, 32, 5, 5));    /* uge */
    assert_true(interp_loops_cmpi(1, 32, 5, 6));    /* ne */
    double nan = NAN;
    assert_false(interp_loops_cmpf(1, nan, nan));   /* oeq */
    assert_true(interp_loops_cmpf(8, nan, 1.0));    /* ueq */
    assert_true(interp_loops_cmpf(13, nan, nan));   /* une */
    assert_false(interp_loops_cmpf(6, nan, 1.0));   /* one */
    assert_true(interp_loops_cmpf(7, 1.0, 2.0));    /* ord */
    assert_true(interp_loops_cmpf(14, nan, 2.0));   /* uno */
    assert_true(interp_loops_cmpf(4, 1.0, 2.0));    /* olt */
    assert_false(interp_loops_cmpf(0, 1.0, 1.0));   /* false */
    assert_true(interp_loops_cmpf(15, nan, nan));   /* true */
}

static void
test_float_minmax(void **state)
{
    (void)state;
    bool ok;
    double nan = NAN;
    assert_true(isnan(interp_loops_float_binop("maximumf", true, nan, 1.0,
                                               &ok)));
    assert_true(ok);
    assert_true(isnan(interp_loops_float_binop("minimumf", true, 1.0, nan,
                                               &ok)));
    assert_true(interp_loops_float_binop("maxnumf", true, nan, 1.0, &ok)
                == 1.0);
    assert_true(interp_loops_float_binop("minnumf", true, 2.0, nan, &ok)
                == 2.0);
    /* -0 < +0 for maximumf/minimumf. */
    double z = interp_loops_float_binop("maximumf", false, -0.0, 0.0, &ok);
    assert_true(z == 0.0 && !signbit(z));
    z = interp_loops_float_binop("minimumf", false, 0.0, -0.0, &ok);
    assert_true(z == 0.0 && signbit(z));
    /* f32 rounding: 1 + 2^-30 is 1 in f32 but not in f64. */
    double e = ldexp(1.0, -30);
    assert_true(interp_loops_float_binop("addf", true, 1.0, e, &ok) == 1.0);
    assert_true(interp_loops_float_binop("addf", false, 1.0, e, &ok)
                == 1.0 + e);
    interp_loops_float_binop("frobf", true, 1.0, 1.0, &ok);
    assert_false(ok);
}

static void
test_fptoi(void **state)
{
    (void)state;
    assert_int_equal(interp_loops_fptoi(-2.7, 32, true), -2);
    assert_int_equal(interp_loops_fptoi(2.7, 32, true), 2);
    assert_int_equal(interp_loops_fptoi(1e20, 32, true), INT32_MAX);
    assert_int_equal(interp_loops_fptoi(-1e20, 8, true), -128);
    assert_int_equal(interp_loops_fptoi(NAN, 32, true), 0);
    assert_int_equal(interp_loops_fptoi(200.0, 8, false), -56); /* 200 */
    assert_int_equal(interp_loops_fptoi(-3.0, 8, false), 0);
    assert_int_equal(interp_loops_fptoi(1e20, 64, true), INT64_MAX);
}

/* A bufferized function: the trailing memref is an out-param that
 * eo_interp_run allocates (zeroed) and returns. */
static void
test_out_param(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: memref<4xf32>, %y: memref<4xf32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c4 = arith.constant 4 : index\n"
        "  scf.for %i = %c0 to %c4 step %c1 {\n"
        "    %v = memref.load %x[%i] : memref<4xf32>\n"
        "    %o = memref.load %y[%i] : memref<4xf32>\n"
        "    %w = arith.mulf %v, %v : f32\n"
        "    %s = arith.addf %w, %o : f32\n"
        "    memref.store %s, %y[%i] : memref<4xf32>\n"
        "  }\n"
        "  func.return\n"
        "}\n", "main");
    int64_t four = 4;
    eo_tensor in, out[2];
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_F32, 1, &four), EO_OK);
    float *p = in.data;
    for (int i = 0; i < 4; i++)
        p[i] = (float)i - 1.5f;
    size_t nout = 2;
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_OK);
    assert_int_equal(nout, 1);
    assert_int_equal(out[0].dtype, EO_DT_F32);
    assert_int_equal(out[0].rank, 1);
    assert_int_equal(out[0].shape[0], 4);
    const float *q = out[0].data;
    for (int i = 0; i < 4; i++)
        assert_true(q[i] == p[i] * p[i]);
    /* The input is not modified; the output is owned by the caller. */
    assert_true(p[0] == -1.5f);
    eo_tensor_free(&out[0]);
    /* Both given: no output (the function returns nothing). */
    eo_tensor y;
    assert_int_equal(eo_tensor_alloc(&y, EO_DT_F32, 1, &four), EO_OK);
    eo_tensor both[2] = { in, y };
    nout = 2;
    assert_int_equal(eo_interp_run(fn, 2, both, &nout, out), EO_OK);
    assert_int_equal(nout, 0);
    /* No room for the out-param. */
    nout = 0;
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, NULL), EO_ERROR);
    assert_non_null(strstr(f->msg, "room"));
    eo_tensor_free(&y);
    eo_tensor_free(&in);
}

/* A scalar argument is passed as a rank-0 tensor; scf.for iter_args,
 * scf.if and a func.call. */
static void
test_scalar_loop(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @tri(%n: i32) -> i32 {\n"
        "  %c0 = arith.constant 0 : i32\n"
        "  %c1 = arith.constant 1 : i32\n"
        "  %s = scf.for %i = %c0 to %n step %c1 iter_args(%a = %c0)"
        " -> (i32) : i32 {\n"
        "    %odd = arith.andi %i, %c1 : i32\n"
        "    %t = arith.trunci %odd : i32 to i1\n"
        "    %b = scf.if %t -> (i32) {\n"
        "      %x = arith.addi %a, %i : i32\n"
        "      scf.yield %x : i32\n"
        "    } else {\n"
        "      scf.yield %a : i32\n"
        "    }\n"
        "    scf.yield %b : i32\n"
        "  }\n"
        "  func.return %s : i32\n"
        "}\n"
        "func.func @main(%n: i32) -> i32 {\n"
        "  %r = func.call @tri(%n) : (i32) -> i32\n"
        "  func.return %r : i32\n"
        "}\n", "main");
    eo_tensor in, out;
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_I32, 0, NULL), EO_OK);
    *(int32_t *)in.data = 10;
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, &out), EO_OK);
    assert_int_equal(nout, 1);
    assert_int_equal(out.rank, 0);
    assert_int_equal(*(const int32_t *)out.data, 1 + 3 + 5 + 7 + 9);
    eo_tensor_free(&out);
    eo_tensor_free(&in);
}

/* tl.generic with a reduction on tensors next to a graph op; the out's
 * initial value is the accumulator and the out tensor is not changed. */
static void
test_tl_generic(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3xf32>) -> (tensor<2xf32>,"
        " tensor<2xf32>) {\n"
        "  %r = graph.relu %x : (tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  %init = arith.constant dense<[10.0, 20.0]> : tensor<2xf32>\n"
        "  %s = tl.generic {indexing_maps = [affine_map<(d0, d1) ->"
        " (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types ="
        " [\"parallel\", \"reduction\"]} ins(%r : tensor<2x3xf32>)"
        " outs(%init : tensor<2xf32>) {\n"
        "  ^bb0(%a: f32, %acc: f32):\n"
        "    %t = arith.addf %acc, %a : f32\n"
        "    tl.yield %t : f32\n"
        "  } -> tensor<2xf32>\n"
        "  func.return %s, %init : tensor<2xf32>, tensor<2xf32>\n"
        "}\n", "main");
    int64_t shape[2] = { 2, 3 };
    eo_tensor in, out[2];
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_F32, 2, shape), EO_OK);
    float *p = in.data;
    for (int i = 0; i < 6; i++)
        p[i] = (float)(i - 2);          /* -2 -1 0 | 1 2 3 */
    size_t nout = 2;
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_OK);
    assert_int_equal(nout, 2);
    const float *s = out[0].data, *init = out[1].data;
    assert_true(s[0] == 10.0f && s[1] == 26.0f);
    assert_true(init[0] == 10.0f && init[1] == 20.0f);
    eo_tensor_free(&out[0]);
    eo_tensor_free(&out[1]);
    eo_tensor_free(&in);
}

static void
test_unsupported(void **state)
{
    fixture *f = *state;
    eo_ctx_set_allow_unregistered(f->ctx, true);
    eo_op *fn = parse_func(f,
        "func.func @main() -> i32 {\n"
        "  %a = \"test.frob\"() : () -> i32\n"
        "  func.return %a : i32\n"
        "}\n", "main");
    eo_tensor out;
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, 0, NULL, &nout, &out), EO_ERROR);
    assert_string_equal(f->msg,
                        "'test.frob' op is unsupported by the interpreter");
}

static void
test_bad_inputs(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: memref<4xf32>, %n: i32) {\n"
        "  func.return\n"
        "}\n", "main");
    int64_t four = 4;
    eo_tensor in;
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_F32, 1, &four), EO_OK);
    size_t nout = 2;
    eo_tensor out[2];
    /* A missing trailing argument that is not a memref. */
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_ERROR);
    assert_non_null(strstr(f->msg, "function takes 2 inputs, got 1"));
    /* Wrong dtype for the scalar. */
    eo_tensor two[2] = { in, in };
    f->errors = 0;
    assert_int_equal(eo_interp_run(fn, 2, two, &nout, out), EO_ERROR);
    assert_non_null(strstr(f->msg, "argument #1"));
    eo_tensor_free(&in);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int_wrapping),
        cmocka_unit_test(test_int_division),
        cmocka_unit_test(test_shifts),
        cmocka_unit_test(test_compare),
        cmocka_unit_test(test_float_minmax),
        cmocka_unit_test(test_fptoi),
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
        T(test_out_param),
        T(test_scalar_loop),
        T(test_tl_generic),
        T(test_unsupported),
        T(test_bad_inputs),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

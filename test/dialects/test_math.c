/* test/dialects/test_math.c - the math dialect's C API: the op table,
 * default fastmath, verifier diagnostics, the custom syntax and the
 * constant folds (eo_op_fold) as MLIR 19 computes them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/arith/arith.h"
#include "dialects/dialects.h"
#include "dialects/math/math.h"
#include "ir/ir.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
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
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_op *
parse(fixture *f, const char *src)
{
    if (f->module)
        eo_op_destroy(f->module);
    f->module = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    return f->module;
}

/* The n-th op (pre-order, module excluded) named 'name'. */
typedef struct find { const char *name; eo_op *found; } find;

static eo_walk_result
find_fn(eo_op *op, void *ud)
{
    find *fd = ud;
    if (!fd->found && strcmp(eo_op_name_str(op), fd->name) == 0)
        fd->found = op;
    return EO_WALK_ADVANCE;
}

static eo_op *
first_op(fixture *f, const char *name)
{
    find fd = {name, NULL};
    eo_op_walk(f->module, EO_WALK_PRE, find_fn, &fd);
    return fd.found;
}

/* Folds the first 'name' op; returns its constant result (or NULL). */
static const eo_attr *
fold_first(fixture *f, const char *name)
{
    eo_op *op = first_op(f, name);
    assert_non_null(op);
    eo_fold_result r[1] = {{0}};
    bool folded = false;
    assert_int_equal(eo_op_fold(op, r, &folded), EO_OK);
    return folded ? r[0].attr : NULL;
}

static void
table_rows_match_enum(void **state)
{
    fixture *f = *state;
    assert_int_equal(math_register(f->ctx), EO_OK);    /* again: no-op */
    for (int i = 0; i < MATH_NUM_OPS; i++) {
        const eo_op_def *d = math_op_def((enum math_op)i);
        assert_non_null(d);
        assert_true(strncmp(d->name, "math.", 5) == 0);
        assert_ptr_equal(eo_op_def_lookup(f->ctx, d->name, strlen(d->name)),
                         d);
        assert_true(d->traits & EO_PURE);
    }
    assert_string_equal(math_op_def(MATH_ROUNDEVEN)->name, "math.roundeven");
    assert_null(math_op_def(MATH_NUM_OPS));
}

static void
generic_ops_get_default_fastmath(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(f, "func.func @f(%x: f32, %n: i32) {\n"
                             "  %0 = \"math.exp\"(%x) : (f32) -> f32\n"
                             "  %1 = \"math.absi\"(%n) : (i32) -> i32\n"
                             "  return\n}\n"));
    unsigned flags = 99;
    eo_op *exp = first_op(f, "math.exp");
    assert_true(arith_fastmath_flags(eo_op_attr(exp, "fastmath"), &flags));
    assert_int_equal(flags, ARITH_FM_NONE);
    assert_int_equal(math_op_kind(exp), MATH_EXP);
    assert_null(eo_op_attr(first_op(f, "math.absi"), "fastmath"));
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

static void
custom_syntax_round_trips(void **state)
{
    fixture *f = *state;
    const char *src =
        "module {\n"
        "  func.func @f(%arg0: f32, %arg1: vector<4xf32>, %arg2: i32) {\n"
        "    %0 = math.exp %arg0 fastmath<fast> : f32\n"
        "    %1 = math.fma %arg1, %arg1, %arg1 fastmath<nnan,ninf> : "
        "vector<4xf32>\n"
        "    %2 = math.fpowi %arg0, %arg2 : f32, i32\n"
        "    %3 = math.ctlz %arg2 {tag} : i32\n"
        "    return\n"
        "  }\n"
        "}\n";
    assert_non_null(parse(f, src));
    assert_int_equal(eo_op_verify(f->module), EO_OK);
    eo_strbuf out = {0};
    eo_print_flags fl = {0};
    eo_op_print_to(f->module, &fl, &out);
    assert_non_null(out.data);
    assert_string_equal(out.data, src);
    eo_strbuf_free(&out);
}

static void
verifier_reports_mlir_messages(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(f, "func.func @f(%x: i32) {\n"
                             "  %0 = \"math.sin\"(%x) : (i32) -> i32\n"
                             "  return\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_ERROR);
    assert_string_equal(f->msg, "'math.sin' op operand #0 must be "
                                "floating-point-like, but got 'i32'");
    f->errors = 0;
    assert_non_null(parse(f, "func.func @f(%x: f32, %y: f64) {\n"
                             "  %0 = \"math.atan2\"(%x, %y) : (f32, f64) -> "
                             "f32\n  return\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_ERROR);
    assert_string_equal(f->msg, "'math.atan2' op requires the same type for "
                                "all operands and results");
}

static void
float_folds_match_libm(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(f, "func.func @f() -> (f32, f64, f64, f16) {\n"
                             "  %c = arith.constant 0.7 : f32\n"
                             "  %d = arith.constant -2.0 : f64\n"
                             "  %h = arith.constant 2.5 : f16\n"
                             "  %0 = math.exp %c : f32\n"
                             "  %1 = math.log %d : f64\n"
                             "  %2 = math.absf %d : f64\n"
                             "  %3 = math.exp %h : f16\n"
                             "  %4 = math.floor %h : f16\n"
                             "  return %0, %2, %1, %3 : f32, f64, f64, f16\n"
                             "}\n"));
    const eo_attr *a = fold_first(f, "math.exp");
    assert_non_null(a);
    assert_true(eo_attr_float_value(a) == (double)expf(0.7f));
    assert_null(fold_first(f, "math.log"));     /* negative: no fold */
    a = fold_first(f, "math.absf");
    assert_non_null(a);
    assert_true(eo_attr_float_value(a) == 2.0);
    a = fold_first(f, "math.floor");            /* any float type */
    assert_non_null(a);
    assert_true(eo_attr_float_value(a) == 2.0);
}

static void
int_and_dense_folds(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(f, "func.func @f() {\n"
                             "  %i = arith.constant -128 : i8\n"
                             "  %t = arith.constant 3 : i32\n"
                             "  %m = arith.constant -1 : i32\n"
                             "  %v = arith.constant dense<[0.25, 4.0]> : "
                             "vector<2xf32>\n"
                             "  %0 = math.absi %i : i8\n"
                             "  %1 = math.ipowi %m, %t : i32\n"
                             "  %2 = math.sqrt %v : vector<2xf32>\n"
                             "  %3 = math.ctlz %t : i32\n"
                             "  return\n}\n"));
    const eo_attr *a = fold_first(f, "math.absi");
    assert_non_null(a);
    assert_int_equal(eo_attr_int_value(a), -128);   /* wraps like APInt */
    a = fold_first(f, "math.ipowi");
    assert_non_null(a);
    assert_int_equal(eo_attr_int_value(a), -1);
    a = fold_first(f, "math.ctlz");
    assert_non_null(a);
    assert_int_equal(eo_attr_int_value(a), 30);
    a = fold_first(f, "math.sqrt");
    assert_non_null(a);
    assert_int_equal(eo_attr_get_kind(a), EO_ATTR_DENSE);
    assert_true(eo_attr_dense_float(a, 0) == 0.5);
    assert_true(eo_attr_dense_float(a, 1) == 2.0);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table_rows_match_enum),
        T(generic_ops_get_default_fastmath),
        T(custom_syntax_round_trips),
        T(verifier_reports_mlir_messages),
        T(float_folds_match_libm),
        T(int_and_dense_folds),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_arith_fold_exotic.c - arith fold hooks on tf32,
 * f8E5M2, f8E4M3FN (APFloat's NanOnly semantics), f80 and f128: bit
 * patterns of folded results, NaN and overflow rules, what is left
 * unfolded, and f80/f128 constants that are not doubles. Expected bits
 * are mlir-opt 19's. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>
#include <string.h>

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK)
        return -1;
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

/* Folds "%r = arith.<op> <a>, <b>" on constants a, b of type 'ty' (b may
 * be NULL for unary ops, casts when 'rty' differs; 'rty' is the result
 * type); returns the folded attribute or NULL. */
static const eo_attr *
fold2(eo_ctx *ctx, const char *op, const char *ty, const char *a,
      const char *b, const char *rty)
{
    char src[1024];
    if (b)
        snprintf(src, sizeof src,
                 "func.func @f() -> %s {\n"
                 "  %%a = arith.constant %s : %s\n"
                 "  %%b = arith.constant %s : %s\n"
                 "  %%r = arith.%s %%a, %%b : %s\n"
                 "  return %%r : %s\n}\n",
                 rty, a, ty, b, ty, op, ty, rty);
    else
        snprintf(src, sizeof src,
                 "func.func @f() -> %s {\n"
                 "  %%a = arith.constant %s : %s\n"
                 "  %%r = arith.%s %%a : %s%s%s\n"
                 "  return %%r : %s\n}\n",
                 rty, a, ty, op, ty, strcmp(ty, rty) ? " to " : "",
                 strcmp(ty, rty) ? rty : "", rty);
    eo_op *m = eo_parse_source(ctx, "t.mlir", src, strlen(src), NULL);
    assert_non_null(m);
    eo_op *fn = eo_block_first(eo_module_body(m));
    eo_block *body = eo_region_first(eo_op_region(fn, 0));
    eo_op *r = eo_op_prev(eo_block_last(body));
    eo_fold_result res = { 0 };
    bool folded = false;
    assert_int_equal(eo_op_fold(r, &res, &folded), EO_OK);
    const eo_attr *out = folded ? res.attr : NULL;
    eo_op_destroy(m);
    return out;
}

static void
f8e4m3fn_nan_only(void **state)
{
    eo_ctx *ctx = *state;
    const char *t = "f8E4M3FN";
    /* 448 + 16 ties to 448; 448 + 448 overflows to the NaN 0x7F;
     * -448 - 448 to 0xFF; 1 / 0 -> 0x7F, -1 / 0 -> 0xFF. */
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "addf", t, "448.0",
                                              "16.0", t)), 0x7E);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "addf", t, "448.0",
                                              "448.0", t)), 0x7F);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "subf", t, "-448.0",
                                              "448.0", t)), 0xFF);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "divf", t, "1.0",
                                              "0.0", t)), 0x7F);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "divf", t, "-1.0",
                                              "0.0", t)), 0xFF);
    /* The NaN is unordered and not a signaling one. */
    const eo_attr *c = fold2(ctx, "cmpf uno,", t, "0x7F", "1.0", "i1");
    assert_non_null(c);
    assert_true(eo_attr_int_value(c) != 0);
    c = fold2(ctx, "cmpf oeq,", t, "0x7F", "0x7F", "i1");
    assert_non_null(c);
    assert_true(eo_attr_int_value(c) == 0);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "maximumf", t, "1.0",
                                              "0x7F", t)), 0x7F);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "minnumf", t, "0x7F",
                                              "1.0", t)), 0x38);
    /* Smallest subnormal halved ties to zero. */
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "mulf", t, "0x01",
                                              "0.5", t)), 0x00);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "negf", t, "0x01", NULL,
                                              t)), 0x81);
}

static void
f8e5m2_and_tf32_ieee(void **state)
{
    eo_ctx *ctx = *state;
    const char *e5 = "f8E5M2";
    /* Overflow to infinity, 1 / 0 = inf, inf - inf = default NaN. */
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "addf", e5, "57344.0",
                                              "57344.0", e5)), 0x7C);
    assert_int_equal(eo_attr_float_bits(fold2(ctx, "subf", e5, "0x7C",
                                              "0x7C", e5)), 0x7E);
    /* tf32: 3.1 is 0x20063 (19 bits); 3.1 * 3.1 rounds to 9.609375. */
    const eo_attr *p = fold2(ctx, "mulf", "tf32", "3.1", "3.1", "tf32");
    assert_non_null(p);
    assert_true(eo_attr_float_value(p) == 9.609375);
}

static void
conversions(void **state)
{
    eo_ctx *ctx = *state;
    /* fptosi -3.5 -> -3; sitofp 1000 overflows f8E4M3FN to NaN. */
    const eo_attr *i = fold2(ctx, "fptosi", "f8E4M3FN", "-3.5", NULL,
                             "i32");
    assert_non_null(i);
    assert_int_equal(eo_attr_int_value(i), -3);
    /* extf of the f8E4M3FN NaN: 0x7FFE000000000000 (payload all ones). */
    char src[] =
        "func.func @f() -> f64 {\n"
        "  %a = arith.constant 0x7F : f8E4M3FN\n"
        "  %r = arith.extf %a : f8E4M3FN to f64\n"
        "  return %r : f64\n}\n";
    eo_op *m = eo_parse_source(ctx, "t.mlir", src, strlen(src), NULL);
    assert_non_null(m);
    eo_op *fn = eo_block_first(eo_module_body(m));
    eo_op *r = eo_op_prev(eo_block_last(eo_region_first(eo_op_region(fn,
                                                                      0))));
    eo_fold_result res = { 0 };
    bool folded = false;
    assert_int_equal(eo_op_fold(r, &res, &folded), EO_OK);
    assert_true(folded);
    assert_int_equal(eo_attr_float_bits(res.attr), 0x7FFE000000000000ull);
    eo_op_destroy(m);
}

static void
f80_and_f128(void **state)
{
    eo_ctx *ctx = *state;
    /* (1 + 2^-63) / 3 in f80 and (1 + 2^-112) / 3 in f128, correctly
     * rounded (mlir-opt prints 0.333333333333333333369 and
     * 0.333333333333333333333333333333333414). */
    const eo_attr *q = fold2(ctx, "divf", "f80", "0x3FFF8000000000000001",
                             "3.0", "f80");
    assert_non_null(q);
    assert_int_equal(eo_attr_float_bits_hi(q), 0x3FFD);
    assert_int_equal(eo_attr_float_bits(q), 0xAAAAAAAAAAAAAAACull);
    const eo_attr *s = fold2(ctx, "divf", "f128",
                             "0x3FFF0000000000000000000000000001", "3.0",
                             "f128");
    assert_non_null(s);
    assert_int_equal(eo_attr_float_bits_hi(s), 0x3FFD555555555555ull);
    assert_int_equal(eo_attr_float_bits(s), 0x5555555555555557ull);
    /* NaN operand: quieted and kept. */
    const eo_attr *n = fold2(ctx, "addf", "f80", "0x7FFFA000000000000000",
                             "1.0", "f80");
    assert_non_null(n);
    assert_int_equal(eo_attr_float_bits(n), 0xE000000000000000ull);
    /* remf on f128 folds exactly (APFloat::mod): 3 rem 2 = 1. */
    const eo_attr *rq = fold2(ctx, "remf", "f128", "3.0", "2.0", "f128");
    assert_non_null(rq);
    assert_int_equal(eo_attr_float_bits_hi(rq), 0x3FFF000000000000ull);
    assert_int_equal(eo_attr_float_bits(rq), 0);
}

static void
f80_constants_that_are_not_doubles(void **state)
{
    eo_ctx *ctx = *state;
    /* x * (1 + 2^-60) is not x (the constant is not 1.0 as a double). */
    char src[] =
        "func.func @f(%x: f80) -> f80 {\n"
        "  %c = arith.constant 0x3FFF8000000000000010 : f80\n"
        "  %r = arith.mulf %x, %c : f80\n"
        "  return %r : f80\n}\n";
    eo_op *m = eo_parse_source(ctx, "t.mlir", src, strlen(src), NULL);
    assert_non_null(m);
    eo_op *fn = eo_block_first(eo_module_body(m));
    eo_op *r = eo_op_prev(eo_block_last(eo_region_first(eo_op_region(fn,
                                                                      0))));
    eo_fold_result res = { 0 };
    bool folded = true;
    assert_int_equal(eo_op_fold(r, &res, &folded), EO_OK);
    assert_false(folded);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(f8e4m3fn_nan_only, setup, teardown),
        cmocka_unit_test_setup_teardown(f8e5m2_and_tf32_ieee, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(conversions, setup, teardown),
        cmocka_unit_test_setup_teardown(f80_and_f128, setup, teardown),
        cmocka_unit_test_setup_teardown(f80_constants_that_are_not_doubles,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

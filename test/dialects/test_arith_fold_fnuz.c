/* test/dialects/test_arith_fold_fnuz.c - arith fold hooks on the FNUZ f8
 * types (f8E4M3FNUZ, f8E5M2FNUZ, f8E4M3B11FNUZ: APFloat's NanOnly with
 * the NaN at 0x80 and no negative zero) and f8E4M3 (IEEE-like): bit
 * patterns of folded results, NaN and overflow rules, casts, and what
 * is left unfolded. Expected bits are mlir-opt 19's. */
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

static uint64_t
bits(const eo_attr *a)
{
    assert_non_null(a);
    return eo_attr_float_bits(a);
}

static void
fnuz_nan_and_zero(void **state)
{
    eo_ctx *ctx = *state;
    const char *t = "f8E4M3FNUZ";
    /* NaN in, NaN (0x80) out; negf leaves zero and NaN alone. */
    assert_int_equal(bits(fold2(ctx, "addf", t, "0x80", "1.0", t)), 0x80);
    assert_int_equal(bits(fold2(ctx, "negf", t, "0x80", NULL, t)), 0x80);
    assert_int_equal(bits(fold2(ctx, "negf", t, "0.0", NULL, t)), 0x00);
    assert_int_equal(bits(fold2(ctx, "negf", t, "1.0", NULL, t)), 0xC0);
    /* x - x and -1 * 0 are +0; 0 / 0, 1 / 0 and overflow are NaN. */
    assert_int_equal(bits(fold2(ctx, "subf", t, "-2.0", "-2.0", t)), 0x00);
    assert_int_equal(bits(fold2(ctx, "mulf", t, "-1.0", "0.0", t)), 0x00);
    assert_int_equal(bits(fold2(ctx, "divf", t, "0.0", "0.0", t)), 0x80);
    assert_int_equal(bits(fold2(ctx, "divf", t, "-1.0", "0.0", t)), 0x80);
    assert_int_equal(bits(fold2(ctx, "addf", t, "240.0", "240.0", t)),
                     0x80);
    /* 240 + 8 ties to even (240 = 0x7F is odd: up, overflow); 224 + 8
     * ties down to 224. */
    assert_int_equal(bits(fold2(ctx, "addf", t, "240.0", "8.0", t)), 0x80);
    assert_int_equal(bits(fold2(ctx, "addf", t, "224.0", "8.0", t)), 0x7E);
    /* remf keeps the dividend's sign, but a zero is +0. */
    assert_int_equal(bits(fold2(ctx, "remf", t, "-4.0", "2.0", t)), 0x00);
    assert_int_equal(bits(fold2(ctx, "remf", t, "-5.0", "2.0", t)), 0xC0);
    /* min/max: NaN propagates; minnumf prefers the number. */
    assert_int_equal(bits(fold2(ctx, "maximumf", t, "0x80", "1.0", t)),
                     0x80);
    assert_int_equal(bits(fold2(ctx, "minnumf", t, "0x80", "1.0", t)),
                     0x40);
}

static void
other_fnuz_types(void **state)
{
    eo_ctx *ctx = *state;
    /* f8E5M2FNUZ: bias 16, max 57344; f8E4M3B11FNUZ: bias 11, max 30. */
    assert_int_equal(bits(fold2(ctx, "mulf", "f8E5M2FNUZ", "256.0",
                                "224.0", "f8E5M2FNUZ")), 0x7F);
    assert_int_equal(bits(fold2(ctx, "mulf", "f8E5M2FNUZ", "57344.0",
                                "2.0", "f8E5M2FNUZ")), 0x80);
    assert_int_equal(bits(fold2(ctx, "addf", "f8E4M3B11FNUZ", "30.0",
                                "30.0", "f8E4M3B11FNUZ")), 0x80);
    /* The smallest subnormal 2^-13 halved ties to even: +0. */
    assert_int_equal(bits(fold2(ctx, "mulf", "f8E4M3B11FNUZ", "0x81",
                                "0.5", "f8E4M3B11FNUZ")), 0x00);
    /* f8E4M3 is IEEE: overflow to infinity, -0 exists. */
    assert_int_equal(bits(fold2(ctx, "addf", "f8E4M3", "240.0", "240.0",
                                "f8E4M3")), 0x78);
    assert_int_equal(bits(fold2(ctx, "mulf", "f8E4M3", "-1.0", "0.0",
                                "f8E4M3")), 0x80);
    assert_int_equal(bits(fold2(ctx, "divf", "f8E4M3", "0.0", "0.0",
                                "f8E4M3")), 0x7C);
}

static void
fnuz_casts(void **state)
{
    eo_ctx *ctx = *state;
    /* The FNUZ NaN widens to the default NaN, not to -0 or -inf. */
    assert_int_equal(bits(fold2(ctx, "extf", "f8E4M3FNUZ", "0x80", NULL,
                                "f32")), 0x7FC00000);
    assert_int_equal(bits(fold2(ctx, "extf", "f8E5M2FNUZ", "0xFF", NULL,
                                "f16")), 0xFB00);
    assert_int_equal(bits(fold2(ctx, "truncf", "f16", "0.1875", NULL,
                                "f8E4M3FNUZ")), 0x2C);
    /* -0, infinities, NaNs and inexact values are not truncated. */
    assert_null(fold2(ctx, "truncf", "f16", "-0.0", NULL, "f8E4M3FNUZ"));
    assert_null(fold2(ctx, "truncf", "f16", "0x7C00", NULL, "f8E4M3FNUZ"));
    assert_null(fold2(ctx, "truncf", "f32", "0x7FC00000", NULL,
                      "f8E5M2FNUZ"));
    assert_null(fold2(ctx, "truncf", "f16", "0.1", NULL, "f8E4M3B11FNUZ"));
    /* Integers: overflow is NaN; fptosi of NaN is not folded. */
    assert_int_equal(bits(fold2(ctx, "sitofp", "i32", "1000", NULL,
                                "f8E4M3FNUZ")), 0x80);
    assert_int_equal(bits(fold2(ctx, "sitofp", "i32", "-3", NULL,
                                "f8E4M3B11FNUZ")), 0xE4);
    assert_int_equal(bits(fold2(ctx, "uitofp", "i8", "255", NULL,
                                "f8E4M3")), 0x78);   /* 256: inf */
    const eo_attr *r = fold2(ctx, "fptosi", "f8E4M3B11FNUZ", "-7.5", NULL,
                             "i32");
    assert_non_null(r);
    assert_int_equal(eo_attr_int_value(r), -7);
    assert_null(fold2(ctx, "fptosi", "f8E4M3FNUZ", "0x80", NULL, "i32"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fnuz_nan_and_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(other_fnuz_types, setup, teardown),
        cmocka_unit_test_setup_teardown(fnuz_casts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

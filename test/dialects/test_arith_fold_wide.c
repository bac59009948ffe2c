/* test/dialects/test_arith_fold_wide.c - arith fold hooks on f80 and
 * f128 beyond the scalar binary ops: f128 remf (APFloat::mod, exact),
 * casts to and from every float type and integers, and dense / splat
 * operands. Expected bits are mlir-opt 19's. */
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
check_wide(const eo_attr *a, uint64_t hi, uint64_t lo)
{
    assert_non_null(a);
    assert_int_equal(eo_attr_float_bits_hi(a), hi);
    assert_int_equal(eo_attr_float_bits(a), lo);
}

static void
f128_remf(void **state)
{
    eo_ctx *ctx = *state;
    const char *t = "f128";
    /* The dividend's sign; 2^16383 mod 3 = 2; tiny operands exactly. */
    check_wide(fold2(ctx, "remf", t, "-5.0", "3.0", t),
               0xC000000000000000ull, 0);
    check_wide(fold2(ctx, "remf", t, "0x7FFE0000000000000000000000000000",
                     "3.0", t), 0x4000000000000000ull, 0);
    check_wide(fold2(ctx, "remf", t, "0x00000000000000000000000000000007",
                     "0x00000000000000000000000000000002", t), 0, 1);
    check_wide(fold2(ctx, "remf", t, "-4.0", "2.0", t),
               0x8000000000000000ull, 0);           /* -0 */
    /* x rem 0 and inf rem y are the default NaN; x rem inf is x. */
    check_wide(fold2(ctx, "remf", t, "1.0", "0.0", t),
               0x7FFF800000000000ull, 0);
    check_wide(fold2(ctx, "remf", t, "0x7FFF0000000000000000000000000000",
                     "1.0", t), 0x7FFF800000000000ull, 0);
    check_wide(fold2(ctx, "remf", t, "1.5",
                     "0x7FFF0000000000000000000000000000", t),
               0x3FFF800000000000ull, 0);
}

static void
wide_casts(void **state)
{
    eo_ctx *ctx = *state;
    /* extf into f80 (explicit integer bit) and f128, NaN payloads
     * shifted to the top. */
    check_wide(fold2(ctx, "extf", "f32", "1.5", NULL, "f80"), 0x3FFF,
               0xC000000000000000ull);
    check_wide(fold2(ctx, "extf", "f80", "0x7FFFC000010000000000", NULL,
                     "f128"), 0x7FFF800002000000ull, 0);
    check_wide(fold2(ctx, "extf", "f8E4M3FNUZ", "0x80", NULL, "f80"),
               0x7FFF, 0xC000000000000000ull);
    /* A signaling NaN is not converted. */
    assert_null(fold2(ctx, "extf", "f32", "0x7F800001", NULL, "f128"));
    /* truncf only when exact. */
    check_wide(fold2(ctx, "truncf", "f128", "-0.75", NULL, "f80"), 0xBFFE,
               0xC000000000000000ull);
    assert_null(fold2(ctx, "truncf", "f128",
                      "0x3FFF8000000000000000000000000001", NULL, "f64"));
    assert_null(fold2(ctx, "truncf", "f80", "0.1", NULL, "f32"));
    const eo_attr *h = fold2(ctx, "truncf", "f80", "0.375", NULL, "f16");
    assert_non_null(h);
    assert_int_equal(eo_attr_float_bits(h), 0x3600);
    /* Integers: exact, rounded to nearest even, out of range. */
    check_wide(fold2(ctx, "sitofp", "i64", "-9", NULL, "f128"),
               0xC002200000000000ull, 0);
    check_wide(fold2(ctx, "uitofp", "i128",
                     "170141183460469231731687303715884105729", NULL, "f80"),
               0x407E, 0x8000000000000000ull);
    const eo_attr *i = fold2(ctx, "fptosi", "f80", "-7.9", NULL, "i32");
    assert_non_null(i);
    assert_int_equal(eo_attr_int_value(i), -7);
    assert_null(fold2(ctx, "fptoui", "f128", "-1.0", NULL, "i32"));
    assert_null(fold2(ctx, "fptosi", "f128", "2147483648.0", NULL, "i32"));
    i = fold2(ctx, "fptosi", "f128", "-2147483648.0", NULL, "i32");
    assert_non_null(i);
    assert_int_equal(eo_attr_int_value(i), INT32_MIN);
}

static void
wide_dense(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "func.func @f() -> tensor<2xf128> {\n"
        "  %a = arith.constant dense<[7.5, -1.0e30]> : tensor<2xf128>\n"
        "  %b = arith.constant dense<2.25> : tensor<2xf128>\n"
        "  %r = arith.remf %a, %b : tensor<2xf128>\n"
        "  return %r : tensor<2xf128>\n}\n";
    eo_op *m = eo_parse_source(ctx, "t.mlir", src, strlen(src), NULL);
    assert_non_null(m);
    eo_op *fn = eo_block_first(eo_module_body(m));
    eo_block *body = eo_region_first(eo_op_region(fn, 0));
    eo_op *r = eo_op_prev(eo_block_last(body));
    eo_fold_result res = { 0 };
    bool folded = false;
    assert_int_equal(eo_op_fold(r, &res, &folded), EO_OK);
    assert_true(folded);
    assert_non_null(res.attr);
    assert_false(eo_attr_dense_is_splat(res.attr));
    size_t size;
    const unsigned char *d = eo_attr_dense_data(res.attr, &size);
    assert_int_equal(size, 32);
    uint64_t w[4];
    memcpy(w, d, 32);
    /* 0.75 and -0.25 */
    assert_int_equal(w[0], 0);
    assert_int_equal(w[1], 0x3FFE800000000000ull);
    assert_int_equal(w[2], 0);
    assert_int_equal(w[3], 0xBFFD000000000000ull);
    eo_strbuf b = {0};
    eo_attr_print(res.attr, &b);
    assert_false(b.oom);
    const char *want = "dense<[7.500000e-01, -2.500000e-01]> : "
                       "tensor<2xf128>";
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    eo_strbuf_free(&b);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(f128_remf, setup, teardown),
        cmocka_unit_test_setup_teardown(wide_casts, setup, teardown),
        cmocka_unit_test_setup_teardown(wide_dense, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

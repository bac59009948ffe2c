/* test/ir/test_float8_fnuz.c - the FNUZ f8 types (f8E4M3FNUZ, f8E5M2FNUZ,
 * f8E4M3B11FNUZ: no infinity, no negative zero, the only NaN is 0x80)
 * and f8E4M3 (IEEE-like): names, widths, rounding of float attributes,
 * their values, and printing (expected text is mlir-opt 19's). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <math.h>
#include <string.h>

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
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

static void
check_attr(const eo_attr *a, const char *want)
{
    assert_non_null(a);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    assert_false(b.oom);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    eo_strbuf_free(&b);
}

static void
names_and_widths(void **state)
{
    eo_ctx *ctx = *state;
    static const struct {
        eo_float_kind k;
        const char *name;
    } kinds[] = {
        {EO_F8E4M3FNUZ, "f8E4M3FNUZ"}, {EO_F8E5M2FNUZ, "f8E5M2FNUZ"},
        {EO_F8E4M3B11FNUZ, "f8E4M3B11FNUZ"}, {EO_F8E4M3, "f8E4M3"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        const eo_type *t = eo_type_get_float(ctx, kinds[i].k);
        assert_non_null(t);
        assert_ptr_equal(t, eo_type_get_float(ctx, kinds[i].k));
        assert_int_equal(eo_type_float_kind(t), kinds[i].k);
        assert_int_equal(eo_type_float_width(t), 8);
        eo_strbuf b = {0};
        eo_type_print(t, &b);
        assert_false(b.oom);
        assert_int_equal(b.len, strlen(kinds[i].name));
        assert_memory_equal(b.data, kinds[i].name, b.len);
        eo_strbuf_free(&b);
        /* Parsed back to the same type. */
        const char *n = kinds[i].name;
        assert_ptr_equal(eo_type_parse(ctx, n, strlen(n)), t);
    }
    assert_null(eo_type_get_float(ctx, (eo_float_kind)(EO_FLOAT_KIND_LAST
                                                       + 1)));
}

static void
fnuz_rounding(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *e4 = eo_type_get_float(ctx, EO_F8E4M3FNUZ);
    const eo_type *e5 = eo_type_get_float(ctx, EO_F8E5M2FNUZ);
    const eo_type *b11 = eo_type_get_float(ctx, EO_F8E4M3B11FNUZ);
    /* -0 is +0; infinities and NaNs are 0x80; overflow is NaN. */
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, -0.0)),
                     0x00);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4,
                                                          -INFINITY)),
                     0x80);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e5, NAN)),
                     0x80);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, 240.0)),
                     0x7F);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, 256.0)),
                     0x80);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e5,
                                                          57344.0)), 0x7F);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, b11, 30.0)),
                     0x7F);
    /* Tiny negatives round to +0, not to the NaN. */
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, -1e-9)),
                     0x00);
    /* Biases 8, 16, 11: 1.0 is 0x40, 0x40, 0x58. */
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, 1.0)),
                     0x40);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e5, 1.0)),
                     0x40);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, b11, 1.0)),
                     0x58);
    /* Values: 0x80 is NaN, 0xFF the most negative number. */
    assert_true(isnan(eo_attr_float_value(eo_attr_get_float_bits(ctx, e4,
                                                                 0x80))));
    assert_true(eo_attr_float_value(eo_attr_get_float_bits(ctx, e4, 0xFF))
                == -240.0);
    assert_true(eo_attr_float_value(eo_attr_get_float_bits(ctx, b11, 0x01))
                == ldexp(1.0, -13));
    check_attr(eo_attr_get_float_bits(ctx, e4, 0x80), "0x80 : f8E4M3FNUZ");
    check_attr(eo_attr_get_float_bits(ctx, e5, 0xFF),
               "-5.734400e+04 : f8E5M2FNUZ");
    check_attr(eo_attr_get_float(ctx, b11, 0.1),
               "1.015630e-01 : f8E4M3B11FNUZ");
}

static void
f8e4m3_ieee(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *t = eo_type_get_float(ctx, EO_F8E4M3);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, t, 240.0)),
                     0x77);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, t, 248.0)),
                     0x78);                             /* rounds to inf */
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, t, -0.0)),
                     0x80);
    assert_true(isinf(eo_attr_float_value(eo_attr_get_float_bits(ctx, t,
                                                                 0xF8))));
    assert_true(isnan(eo_attr_float_value(eo_attr_get_float_bits(ctx, t,
                                                                 0x79))));
    check_attr(eo_attr_get_float_bits(ctx, t, 0x78), "0x78 : f8E4M3");
    check_attr(eo_attr_get_float_bits(ctx, t, 0x80),
               "-0.000000e+00 : f8E4M3");
    check_attr(eo_attr_get_float(ctx, t, 0.015625),
               "1.562500e-02 : f8E4M3");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(names_and_widths, setup, teardown),
        cmocka_unit_test_setup_teardown(fnuz_rounding, setup, teardown),
        cmocka_unit_test_setup_teardown(f8e4m3_ieee, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_quant_fixed.c - TFLite's fixed-point rescaling
 * (QuantizeMultiplier, MultiplyByQuantizedMultiplier) against values from
 * an independent Python transcription of the TFLite/gemmlowp reference.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/quant/quant.h"

#include <math.h>

typedef struct mult_case {
    double m;
    int32_t q;
    int shift;
} mult_case;

static void
test_multiplier(void **state)
{
    (void)state;
    static const mult_case cases[] = {
        {0.5, 1073741824, 0},
        {0.25, 1073741824, -1},
        {1.0, 1073741824, 1},
        {0.75, 1610612736, 0},
        {0.0005, 1099511628, -10},
        {0.1234567, 2120969956, -3},
        /* the mantissa rounds up to 2^31: halved, shift + 1 */
        {0.9999999999, 1073741824, 1},
        /* below 2^-32: flushed to zero */
        {1e-10, 0, 0},
        {3e-10, 1383505806, -31},
        {2.5, 1342177280, 2},
        {1.0 / 3, 1431655765, -1},
        {0.00392156862745098, 1077952576, -7},
        {0.0007812499999999999, 1717986918, -10},
        {0.0, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t q = -1;
        int shift = -100;
        eo_quant_multiplier(cases[i].m, &q, &shift);
        assert_int_equal(q, cases[i].q);
        assert_int_equal(shift, cases[i].shift);
    }
}

static void
test_multiplier_nonfinite(void **state)
{
    (void)state;
    int32_t q = -1;
    int shift = -1;
    eo_quant_multiplier(NAN, &q, &shift);
    assert_int_equal(q, 0);
    assert_int_equal(shift, 0);
    eo_quant_multiplier(INFINITY, &q, &shift);
    assert_int_equal(q, INT32_MAX);
    /* an infinite multiplier saturates every non-zero input */
    assert_int_equal(eo_quant_apply_multiplier(5, q, shift), INT32_MAX - 1);
    assert_int_equal(eo_quant_apply_multiplier(0, q, shift), 0);
}

typedef struct apply_case {
    int32_t x, q;
    int shift;
    int32_t want;
} apply_case;

static void
test_apply(void **state)
{
    (void)state;
    static const apply_case cases[] = {
        {100, 1073741824, 0, 50},
        {-100, 1073741824, 0, -50},
        /* ties: the doubling high mul rounds -1.5 up to -1, 1.5 to 2 */
        {3, 1073741824, 0, 2},
        {-3, 1073741824, 0, -1},
        /* RoundingDivideByPOT: 1.25 -> 1, -1.25 -> -1, -1.5 -> -2 */
        {5, 1073741824, -1, 2},
        {-5, 1073741824, -1, -1},
        {-6, 1073741824, -1, -2},
        {-7, 1073741824, -1, -2},
        {12345, 2120969956, -3, 1524},
        {-12345, 2120969956, -3, -1524},
        {2147483647, 1610612736, 0, 1610612735},
        {INT32_MIN, 1610612736, 0, -1610612736},
        {1000, 1342177280, 2, 2500},
        {-1000, 1342177280, 2, -2500},
        {77777, 1077952576, -7, 305},
        {-77777, 1077952576, -7, -305},
        {2147483647, 1431655765, -1, 715827882},
        {1, 1073741824, 0, 1},
        {-1, 1073741824, 0, 0},
        {123456789, 1152921505, -29, 0},
        /* the single saturating case of the doubling high mul */
        {INT32_MIN, INT32_MIN, 0, INT32_MAX},
        /* x * 2^shift beyond int32 saturates before the multiply */
        {1 << 30, 1073741824, 4, INT32_MAX / 2 + 1},
        {-(1 << 30), 1073741824, 4, -(INT32_MAX / 2 + 1)},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int32_t got = eo_quant_apply_multiplier(cases[i].x, cases[i].q,
                                                cases[i].shift);
        if (got != cases[i].want)
            fail_msg("case %zu: %d * %d >> %d gives %d, want %d", i,
                     (int)cases[i].x, (int)cases[i].q, cases[i].shift,
                     (int)got, (int)cases[i].want);
    }
}

/* Over a sweep of multipliers in (0, 1), the fixed-point product is within
 * one of the exactly rounded real product. */
static void
test_apply_sweep(void **state)
{
    (void)state;
    for (int i = 1; i < 200; i++) {
        double m = i / 200.0 * pow(2.0, -(i % 13));
        int32_t q;
        int shift;
        eo_quant_multiplier(m, &q, &shift);
        for (int32_t x = -100000; x <= 100000; x += 997) {
            double want = x * m;
            int32_t got = eo_quant_apply_multiplier(x, q, shift);
            assert_true(fabs(got - want) <= 1.0);
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_multiplier),
        cmocka_unit_test(test_multiplier_nonfinite),
        cmocka_unit_test(test_apply),
        cmocka_unit_test(test_apply_sweep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* dialects/quant/quant_fixed.c - integer-only fixed-point rescaling, bit
 * for bit as TFLite's QuantizeMultiplier and MultiplyByQuantizedMultiplier
 * (gemmlowp's SaturatingRoundingDoublingHighMul and RoundingDivideByPOT,
 * the default "double rounding" flavour, which CMSIS-NN shares).
 */
#include "dialects/quant/quant.h"

#include <math.h>
#include <stdint.h>

/* Splits m into a Q31 mantissa and a power of two (see quant.h). As
 * TFLite: the mantissa is rounded half away from zero; a mantissa that
 * rounds up to 2^31 becomes 2^30 with the shift one higher; multipliers
 * below about 2^-32 (shift < -31) flush to zero. Not in TFLite (where they
 * are undefined): NaN gives 0 and an infinity the largest multiplier. */
void
eo_quant_multiplier(double m, int32_t *q, int *shift)
{
    *q = 0;
    *shift = 0;
    if (m == 0.0 || isnan(m))
        return;
    if (isinf(m)) {
        *q = m > 0 ? INT32_MAX : -INT32_MAX;
        *shift = 31;
        return;
    }
    int e = 0;
    double frac = frexp(m, &e);   /* |frac| in [0.5, 1) */
    int64_t fixed = (int64_t)round(frac * 2147483648.0);
    if (fixed == INT64_C(2147483648) || fixed == -INT64_C(2147483648)) {
        fixed /= 2;
        e++;
    }
    if (e < -31) {
        e = 0;
        fixed = 0;
    }
    *q = (int32_t)fixed;
    *shift = e;
}

/* gemmlowp's SaturatingRoundingDoublingHighMul: the high 32 bits of 2*a*b,
 * rounded half away from zero; the one overflowing case saturates. */
static int32_t
rounding_doubling_high_mul(int32_t a, int32_t b)
{
    if (a == INT32_MIN && b == INT32_MIN)
        return INT32_MAX;
    int64_t ab = (int64_t)a * (int64_t)b;
    int64_t nudge = ab >= 0 ? (INT64_C(1) << 30) : 1 - (INT64_C(1) << 30);
    /* C's division truncates toward zero, as gemmlowp's does. */
    return (int32_t)((ab + nudge) / (INT64_C(1) << 31));
}

/* Floor of x / 2^e for 0 <= e <= 62 without relying on the
 * implementation-defined right shift of negative numbers. */
static int64_t
floor_shift(int64_t x, int e)
{
    if (x >= 0)
        return x >> e;
    return -(((-x) - 1) >> e) - 1;
}

/* gemmlowp's RoundingDivideByPOT: x / 2^e rounded to nearest, ties away
 * from zero. Exponents above 31 (which TFLite never produces) are carried
 * out exactly in 64 bits (they round everything to 0). */
static int32_t
rounding_divide_by_pot(int32_t x, int e)
{
    if (e <= 0)
        return x;
    if (e > 62)
        e = 62;
    int64_t mask = (INT64_C(1) << e) - 1;
    int64_t rem = (int64_t)x & mask;   /* x mod 2^e, in [0, 2^e) */
    int64_t threshold = (mask >> 1) + (x < 0 ? 1 : 0);
    return (int32_t)(floor_shift(x, e) + (rem > threshold ? 1 : 0));
}

/* x * q * 2^(shift - 31), as TFLite's MultiplyByQuantizedMultiplier. The
 * pre-multiplication x * 2^shift (shift > 0) overflows int32 in TFLite
 * (undefined behaviour there); here it saturates, which only matters when
 * the result saturates anyway. */
int32_t
eo_quant_apply_multiplier(int32_t x, int32_t q, int shift)
{
    int left = shift > 0 ? shift : 0;
    int right = shift > 0 ? 0 : -shift;
    int32_t xs = x;
    if (left > 0 && x != 0) {
        int64_t v = left >= 32 ? (x > 0 ? INT64_MAX : INT64_MIN)
                               : (int64_t)x * (INT64_C(1) << left);
        if (v > INT32_MAX)
            v = INT32_MAX;
        if (v < INT32_MIN)
            v = INT32_MIN;
        xs = (int32_t)v;
    }
    return rounding_divide_by_pot(rounding_doubling_high_mul(xs, q), right);
}

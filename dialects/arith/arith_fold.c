/* dialects/arith/arith_fold.c - folding for every arith op (constants,
 * splat and dense elements, and MLIR 19's fold-time identities), the
 * canonicalization patterns of ArithCanonicalization.td and constant
 * materialization. Integers are exact at any width up to AP_MAXW words
 * (wrapping two's complement); f16/bf16/f32/f64 are rounded to nearest
 * even exactly as APFloat does. Start at arith_fold() below the helpers.
 */
#include "dialects/arith/arith_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Integers of any width (like APInt)                                  */
/* ------------------------------------------------------------------ */

/* Widths above AP_MAXW * 64 bits are not folded. */
#define AP_MAXW 16

typedef struct ap {
    unsigned width;
    uint64_t v[AP_MAXW];            /* little-endian; bits >= width zero */
} ap;

static unsigned
ap_nw(unsigned width)
{
    return width ? (width + 63) / 64 : 1;
}

static void
ap_norm(ap *a)
{
    unsigned n = ap_nw(a->width);
    for (unsigned i = n; i < AP_MAXW; i++)
        a->v[i] = 0;
    unsigned top = a->width % 64;
    if (a->width == 0)
        a->v[0] = 0;
    else if (top)
        a->v[n - 1] &= (1ull << top) - 1;
}

static void
ap_set(ap *a, unsigned width, uint64_t lo)
{
    memset(a, 0, sizeof *a);
    a->width = width;
    a->v[0] = lo;
    ap_norm(a);
}

/* All ones if 'neg', else zero, at 'width'. */
static void
ap_fill(ap *a, unsigned width, bool neg)
{
    memset(a, 0, sizeof *a);
    a->width = width;
    if (neg)
        memset(a->v, 0xFF, ap_nw(width) * 8);
    ap_norm(a);
}

static bool
ap_bit(const ap *a, unsigned i)
{
    return i < a->width && ((a->v[i / 64] >> (i % 64)) & 1);
}

static bool
ap_neg(const ap *a)
{
    return a->width && ap_bit(a, a->width - 1);
}

static bool
ap_is_zero(const ap *a)
{
    for (unsigned i = 0; i < ap_nw(a->width); i++)
        if (a->v[i])
            return false;
    return true;
}

static bool
ap_eq(const ap *a, const ap *b)
{
    return memcmp(a->v, b->v, sizeof a->v) == 0;
}

static bool
ap_is_one(const ap *a)
{
    if (a->width == 0 || a->v[0] != 1)
        return false;
    for (unsigned i = 1; i < ap_nw(a->width); i++)
        if (a->v[i])
            return false;
    return true;
}

static bool
ap_is_all_ones(const ap *a)
{
    ap t;
    ap_fill(&t, a->width, true);
    return ap_eq(a, &t);
}

/* INT_MIN / INT_MAX of the width. */
static bool
ap_is_smin(const ap *a)
{
    ap t;
    ap_set(&t, a->width, 0);
    if (a->width)
        t.v[(a->width - 1) / 64] |= 1ull << ((a->width - 1) % 64);
    return ap_eq(a, &t);
}

static bool
ap_is_smax(const ap *a)
{
    ap t;
    ap_fill(&t, a->width, true);
    if (a->width)
        t.v[(a->width - 1) / 64] &= ~(1ull << ((a->width - 1) % 64));
    return ap_eq(a, &t);
}

static int
ap_ucmp(const ap *a, const ap *b)
{
    for (unsigned i = ap_nw(a->width); i-- > 0;)
        if (a->v[i] != b->v[i])
            return a->v[i] < b->v[i] ? -1 : 1;
    return 0;
}

static int
ap_scmp(const ap *a, const ap *b)
{
    bool na = ap_neg(a), nb = ap_neg(b);
    if (na != nb)
        return na ? -1 : 1;
    return ap_ucmp(a, b);
}

static void
ap_add(ap *r, const ap *a, const ap *b)
{
    uint64_t carry = 0;
    ap t = *a;
    for (unsigned i = 0; i < ap_nw(a->width); i++) {
        uint64_t s = a->v[i] + carry;
        uint64_t c1 = s < carry;
        t.v[i] = s + b->v[i];
        carry = c1 + (t.v[i] < s);
    }
    *r = t;
    ap_norm(r);
}

static void
ap_not(ap *r, const ap *a)
{
    *r = *a;
    for (unsigned i = 0; i < ap_nw(a->width); i++)
        r->v[i] = ~a->v[i];
    ap_norm(r);
}

static void
ap_negate(ap *r, const ap *a)
{
    ap one;
    ap_not(r, a);
    ap_set(&one, a->width, 1);
    ap_add(r, r, &one);
}

static void
ap_sub(ap *r, const ap *a, const ap *b)
{
    ap nb;
    ap_negate(&nb, b);
    ap_add(r, a, &nb);
}

/* 64 x 64 -> 128-bit product, portable C11. */
static void
mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32;
    uint64_t bl = b & 0xFFFFFFFFu, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
    *lo = (mid << 32) | (ll & 0xFFFFFFFFu);
    *hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* Full product of the magnitudes' words: out gets 2 * AP_MAXW words. */
static void
mul_words(uint64_t *out, const uint64_t *a, const uint64_t *b, unsigned n)
{
    memset(out, 0, 2 * AP_MAXW * 8);
    for (unsigned i = 0; i < n; i++) {
        uint64_t carry = 0;
        for (unsigned j = 0; j < n; j++) {
            uint64_t hi, lo;
            mul64(a[i], b[j], &hi, &lo);
            lo += out[i + j];
            hi += lo < out[i + j];
            lo += carry;
            hi += lo < carry;
            out[i + j] = lo;
            carry = hi;
        }
        out[i + n] += carry;
    }
}

static void
ap_mul(ap *r, const ap *a, const ap *b)
{
    uint64_t full[2 * AP_MAXW];
    mul_words(full, a->v, b->v, ap_nw(a->width));
    unsigned w = a->width;
    memset(r, 0, sizeof *r);
    r->width = w;
    memcpy(r->v, full, ap_nw(w) * 8);
    ap_norm(r);
}

/* Bits [width, 2*width) of the product, signed or unsigned operands. */
static bool
ap_mul_high(ap *r, const ap *a, const ap *b, bool sgn)
{
    unsigned w = a->width;
    if (2 * ap_nw(w) > AP_MAXW)
        return false;
    /* Extend both to 2w bits (within AP_MAXW words), multiply low. */
    ap x = *a, y = *b;
    x.width = y.width = 2 * w;
    if (sgn && ap_neg(a))
        for (unsigned i = w; i < 2 * w; i++)
            x.v[i / 64] |= 1ull << (i % 64);
    if (sgn && ap_neg(b))
        for (unsigned i = w; i < 2 * w; i++)
            y.v[i / 64] |= 1ull << (i % 64);
    ap p;
    ap_mul(&p, &x, &y);
    memset(r, 0, sizeof *r);
    r->width = w;
    for (unsigned i = 0; i < w; i++)
        if (ap_bit(&p, w + i))
            r->v[i / 64] |= 1ull << (i % 64);
    return true;
}

static void
ap_shl(ap *r, const ap *a, unsigned s)
{
    ap t;
    ap_set(&t, a->width, 0);
    for (unsigned i = s; i < a->width; i++)
        if (ap_bit(a, i - s))
            t.v[i / 64] |= 1ull << (i % 64);
    *r = t;
}

static void
ap_shr(ap *r, const ap *a, unsigned s, bool arith)
{
    ap t;
    bool fill = arith && ap_neg(a);
    ap_set(&t, a->width, 0);
    for (unsigned i = 0; i < a->width; i++)
        if (i + s < a->width ? ap_bit(a, i + s) : fill)
            t.v[i / 64] |= 1ull << (i % 64);
    *r = t;
}

/* Unsigned a = q * b + rem; b must not be zero. */
static void
ap_udivrem(ap *q, ap *rem, const ap *a, const ap *b)
{
    unsigned w = a->width;
    if (w <= 64) {
        ap_set(q, w, a->v[0] / b->v[0]);
        ap_set(rem, w, a->v[0] % b->v[0]);
        return;
    }
    ap qq, rr;
    ap_set(&qq, w, 0);
    ap_set(&rr, w, 0);
    for (unsigned i = w; i-- > 0;) {
        ap_shl(&rr, &rr, 1);
        if (ap_bit(a, i))
            rr.v[0] |= 1;
        if (ap_ucmp(&rr, b) >= 0) {
            ap_sub(&rr, &rr, b);
            qq.v[i / 64] |= 1ull << (i % 64);
        }
    }
    *q = qq;
    *rem = rr;
}

/* Signed division truncating toward zero (APInt::sdiv/srem); b != 0.
 * INT_MIN / -1 wraps to INT_MIN (callers check overflow first). */
static void
ap_sdivrem(ap *q, ap *rem, const ap *a, const ap *b)
{
    bool na = ap_neg(a), nb = ap_neg(b);
    ap x = *a, y = *b;
    if (na)
        ap_negate(&x, a);
    if (nb)
        ap_negate(&y, b);
    ap_udivrem(q, rem, &x, &y);
    if (na != nb)
        ap_negate(q, q);
    if (na)
        ap_negate(rem, rem);
}

/* APInt's *_ov helpers: the result, and *ov set (assigned, not or-ed). */
static void
ap_sadd_ov(ap *r, const ap *a, const ap *b, bool *ov)
{
    bool na = ap_neg(a), nb = ap_neg(b);
    ap_add(r, a, b);
    *ov = na == nb && ap_neg(r) != na;
}

static void
ap_ssub_ov(ap *r, const ap *a, const ap *b, bool *ov)
{
    bool na = ap_neg(a), nb = ap_neg(b);
    ap_sub(r, a, b);
    *ov = na != nb && ap_neg(r) != na;
}

static void
ap_sdiv_ov(ap *r, const ap *a, const ap *b, bool *ov)
{
    ap rem;
    *ov = ap_is_smin(a) && ap_is_all_ones(b);
    ap_sdivrem(r, &rem, a, b);
}

/* Sign- or zero-extends or truncates to 'width'. */
static void
ap_resize(ap *r, const ap *a, unsigned width, bool sext)
{
    bool fill = sext && ap_neg(a);
    ap t;
    ap_set(&t, width, 0);
    for (unsigned i = 0; i < width; i++)
        if (i < a->width ? ap_bit(a, i) : fill)
            t.v[i / 64] |= 1ull << (i % 64);
    *r = t;
}

/* The width arith gives an integer-like type: index is 64 bits. 0 if
 * not an integer or too wide to fold. */
static unsigned
int_width_of(const eo_type *t)
{
    if (!t)
        return 0;
    if (eo_type_is_index(t))
        return 64;
    if (!eo_type_is_int(t) || eo_type_int_width(t) > AP_MAXW * 64)
        return 0;
    return eo_type_int_width(t);
}

/* ------------------------------------------------------------------ */
/* Binary formats up to 64 bits (bit patterns in a uint64_t): IEEE     */
/* f16, bf16, f32, f64, tf32, f8E5M2, and f8E4M3FN                     */
/* ------------------------------------------------------------------ */

/* 'fn' marks APFloat's NanOnly formats (f8E4M3FN and the FNUZ types):
 * no infinities, the top exponent holds normal numbers; an overflow (and
 * a division of a number by zero) gives NaN. f8E4M3FN's only NaN (per
 * sign) has every exponent and mantissa bit set, and keeps the result's
 * sign. 'uz' marks the FNUZ formats (NegativeZero NaN encoding): the
 * only NaN is the sign bit alone (0x80), and there is no negative zero
 * (a zero result is +0, negf leaves zero and NaN alone). NaNs of NanOnly
 * formats are quiet, with no payload. */
typedef struct fmt {
    int ebits, mbits;               /* exponent and stored mantissa bits */
    int bias;
    bool fn, uz;
} fmt;

static const fmt fmt_f16 = { 5, 10, 15, false, false },
                 fmt_bf16 = { 8, 7, 127, false, false },
                 fmt_f32 = { 8, 23, 127, false, false },
                 fmt_f64 = { 11, 52, 1023, false, false },
                 fmt_tf32 = { 8, 10, 127, false, false },
                 fmt_f8e5m2 = { 5, 2, 15, false, false },
                 fmt_f8e4m3fn = { 4, 3, 7, true, false },
                 fmt_f8e4m3 = { 4, 3, 7, false, false },
                 fmt_f8e4m3fnuz = { 4, 3, 8, true, true },
                 fmt_f8e5m2fnuz = { 5, 2, 16, true, true },
                 fmt_f8e4m3b11fnuz = { 4, 3, 11, true, true };

/* The format of a float type we fold, or NULL. Arithmetic goes through
 * double, exact for these (53 >= 2p + 2 for p <= 25; f64 native; f32
 * through float). f80 and f128 (their values do not fit the 64-bit
 * patterns this folder keeps) are folded apart, below. */
static const fmt *
fmt_of(const eo_type *t)
{
    if (!t || !eo_type_is_float(t))
        return NULL;
    switch (eo_type_float_kind(t)) {
    case EO_F16:
        return &fmt_f16;
    case EO_BF16:
        return &fmt_bf16;
    case EO_F32:
        return &fmt_f32;
    case EO_F64:
        return &fmt_f64;
    case EO_TF32:
        return &fmt_tf32;
    case EO_F8E5M2:
        return &fmt_f8e5m2;
    case EO_F8E4M3FN:
        return &fmt_f8e4m3fn;
    case EO_F8E4M3:
        return &fmt_f8e4m3;
    case EO_F8E4M3FNUZ:
        return &fmt_f8e4m3fnuz;
    case EO_F8E5M2FNUZ:
        return &fmt_f8e5m2fnuz;
    case EO_F8E4M3B11FNUZ:
        return &fmt_f8e4m3b11fnuz;
    default:
        return NULL;
    }
}

static uint64_t
mask64(int bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

static uint64_t
f_emax(const fmt *f)
{
    return mask64(f->ebits);
}

static bool
f_sign(const fmt *f, uint64_t b)
{
    return (b >> (f->ebits + f->mbits)) & 1;
}

static bool
f_is_nan(const fmt *f, uint64_t b)
{
    if (f->uz)
        return (b & mask64(f->ebits + f->mbits + 1)) ==
               1ull << (f->ebits + f->mbits);
    if (f->fn)
        return (b & mask64(f->ebits + f->mbits)) ==
               mask64(f->ebits + f->mbits);
    return ((b >> f->mbits) & f_emax(f)) == f_emax(f) &&
           (b & mask64(f->mbits));
}

static bool
f_is_inf(const fmt *f, uint64_t b)
{
    return !f->fn && ((b >> f->mbits) & f_emax(f)) == f_emax(f) &&
           !(b & mask64(f->mbits));
}

static bool
f_is_zero(const fmt *f, uint64_t b)
{
    if (f->uz)
        return (b & mask64(f->ebits + f->mbits + 1)) == 0;
    return (b & mask64(f->ebits + f->mbits)) == 0;
}

static bool
f_is_snan(const fmt *f, uint64_t b)
{
    return !f->fn && f_is_nan(f, b) && !((b >> (f->mbits - 1)) & 1);
}

static uint64_t
f_quiet(const fmt *f, uint64_t b)
{
    return f->fn ? b : b | (1ull << (f->mbits - 1));
}

/* APFloat's default NaN: positive, quiet, no payload. */
static uint64_t
f_default_nan(const fmt *f)
{
    if (f->uz)
        return 1ull << (f->ebits + f->mbits);
    if (f->fn)
        return mask64(f->ebits + f->mbits);
    return (f_emax(f) << f->mbits) | (1ull << (f->mbits - 1));
}

/* An overflowed result: infinity, or NanOnly's NaN (with the sign). */
static uint64_t
f_inf(const fmt *f, bool neg)
{
    if (f->uz)
        return f_default_nan(f);
    if (f->fn)
        return ((uint64_t)neg << (f->ebits + f->mbits)) |
               mask64(f->ebits + f->mbits);
    return ((uint64_t)neg << (f->ebits + f->mbits)) | (f_emax(f) << f->mbits);
}

/* The exact value (NaN for NaNs). */
static double
f_to_double(const fmt *f, uint64_t b)
{
    bool s = f_sign(f, b);
    uint64_t e = (b >> f->mbits) & f_emax(f);
    uint64_t m = b & mask64(f->mbits);
    int bias = f->bias;
    double v;
    if (f_is_nan(f, b))
        v = NAN;
    else if (e == f_emax(f) && !f->fn)
        v = INFINITY;
    else if (e == 0)
        v = ldexp((double)m, 1 - bias - f->mbits);
    else
        v = ldexp((double)(m | (1ull << f->mbits)),
                  (int)e - bias - f->mbits);
    return s ? -v : v;
}

/* Rounds (-1)^neg * sig * 2^exp to nearest-even in 'f'. sig != 0; its
 * bit 0 may be a sticky bit standing for nonzero bits below it. */
static uint64_t
f_encode(const fmt *f, bool neg, uint64_t sig, int exp)
{
    int bias = f->bias;
    int emin = 1 - bias;
    int emaxv = (int)f_emax(f) - bias;    /* top exponent field's value */
    uint64_t s = (uint64_t)neg << (f->ebits + f->mbits);
    int msb = 63;
    while (!((sig >> msb) & 1))
        msb--;
    int e = msb + exp;              /* exponent of the leading bit */
    int drop = msb - f->mbits;
    if (e < emin)
        drop += emin - e;
    uint64_t q;
    if (drop <= 0) {
        q = sig << -drop;
    } else if (drop > 64) {
        q = 0;
    } else {
        q = drop == 64 ? 0 : sig >> drop;
        uint64_t rem = sig & mask64(drop);
        uint64_t half = 1ull << (drop - 1);
        if (rem > half || (rem == half && (q & 1)))
            q++;
    }
    if (e < emin)                   /* subnormal, or rounded up to min */
        return f->uz && !q ? 0 : s | q;
    if (q >> (f->mbits + 1)) {
        q >>= 1;
        e++;
    }
    /* NanOnly formats use the top exponent too (f8E4M3FN: up to the NaN
     * pattern). */
    if (f->uz ? e > emaxv
              : f->fn ? e > emaxv || (e == emaxv && (q & mask64(f->mbits)) ==
                                      mask64(f->mbits))
                      : e > emaxv - 1)
        return f_inf(f, neg);
    return s | ((uint64_t)(e + bias) << f->mbits) | (q & mask64(f->mbits));
}

/* Rounds a double (not NaN) to 'f'. */
static uint64_t
f_from_double(const fmt *f, double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    if (f == &fmt_f64)
        return b;
    if (f == &fmt_f32) {
        float x = (float)d;
        uint32_t u;
        memcpy(&u, &x, 4);
        return u;
    }
    bool neg = b >> 63;
    if (isinf(d))
        return f_inf(f, neg);
    if (d == 0)
        return f->uz ? 0 : (uint64_t)neg << (f->ebits + f->mbits);
    int e;
    double m = frexp(fabs(d), &e);     /* d = m * 2^e, m in [0.5, 1) */
    uint64_t sig = (uint64_t)ldexp(m, 53);
    return f_encode(f, neg, sig, e - 53);
}

static float
bits_f32(uint64_t b)
{
    uint32_t u = (uint32_t)b;
    float x;
    memcpy(&x, &u, 4);
    return x;
}

static uint64_t
f32_bits(float x)
{
    uint32_t u;
    memcpy(&u, &x, 4);
    return u;
}

/* ------------------------------------------------------------------ */
/* Scalar folding kernels                                              */
/* ------------------------------------------------------------------ */

/* Integer binary ops; false means "not folded" (division by zero,
 * signed overflow where MLIR refuses, shift amounts >= width). */
static bool
int_binop(enum arith_op k, ap *r, const ap *a, const ap *b)
{
    ap rem;
    bool ov = false;
    switch (k) {
    case ARITH_ADDI:
        ap_add(r, a, b);
        return true;
    case ARITH_SUBI:
        ap_sub(r, a, b);
        return true;
    case ARITH_MULI:
        ap_mul(r, a, b);
        return true;
    case ARITH_DIVUI:
        if (ap_is_zero(b))
            return false;
        ap_udivrem(r, &rem, a, b);
        return true;
    case ARITH_DIVSI:
        if (ap_is_zero(b))
            return false;
        ap_sdiv_ov(r, a, b, &ov);
        return !ov;
    case ARITH_REMUI:
        if (ap_is_zero(b))
            return false;
        ap_udivrem(&rem, r, a, b);
        return true;
    case ARITH_REMSI:
        if (ap_is_zero(b))
            return false;
        ap_sdivrem(&rem, r, a, b);
        return true;
    case ARITH_CEILDIVUI: {
        if (ap_is_zero(b))
            return false;
        ap_udivrem(r, &rem, a, b);
        if (!ap_is_zero(&rem)) {
            ap one;
            ap_set(&one, a->width, 1);
            ap_add(r, r, &one);
            return !ap_is_zero(r);  /* uadd_ov */
        }
        return true;
    }
    case ARITH_CEILDIVSI: {
        /* MLIR's steps, refusing whenever an intermediate overflows. */
        if (ap_is_zero(b))
            return false;
        if (ap_is_zero(a)) {
            *r = *a;
            return true;
        }
        ap zero, one, t, pa, pb;
        bool o1 = false, o2 = false, o3 = false;
        ap_set(&zero, a->width, 0);
        ap_set(&one, a->width, 1);
        bool apos = ap_scmp(a, &zero) > 0, bpos = ap_scmp(b, &zero) > 0;
        if (apos && bpos) {
            ap_ssub_ov(&t, a, &one, &ov);
            ap_sdiv_ov(&t, &t, b, &ov);
            ap_sadd_ov(r, &t, &one, &ov);
            return !ov;
        }
        if (!apos && !bpos) {
            ap_ssub_ov(&pa, &zero, a, &o1);
            ap_ssub_ov(&pb, &zero, b, &o2);
            ap_ssub_ov(&t, &pa, &one, &o3);
            ap_sdiv_ov(&t, &t, &pb, &o3);
            ap_sadd_ov(r, &t, &one, &o3);
            return !(o1 || o2 || o3);
        }
        if (!apos) {
            ap_ssub_ov(&pa, &zero, a, &o1);
            ap_sdiv_ov(&t, &pa, b, &o2);
            ap_ssub_ov(r, &zero, &t, &o3);
            return !(o1 || o2 || o3);
        }
        ap_ssub_ov(&pb, &zero, b, &o1);
        ap_sdiv_ov(&t, a, &pb, &o2);
        ap_ssub_ov(r, &zero, &t, &o3);
        return !(o1 || o2 || o3);
    }
    case ARITH_FLOORDIVSI: {
        if (ap_is_zero(b))
            return false;
        ap_sdiv_ov(r, a, b, &ov);
        if (ov)
            return false;
        ap back;
        ap_mul(&back, r, b);
        if (!ap_eq(&back, a) && ap_neg(a) != ap_neg(b)) {
            ap one;
            ap_set(&one, a->width, 1);
            ap_sub(r, r, &one);
        }
        return true;
    }
    case ARITH_ANDI:
    case ARITH_ORI:
    case ARITH_XORI:
        *r = *a;
        for (unsigned i = 0; i < AP_MAXW; i++)
            r->v[i] = k == ARITH_ANDI ? a->v[i] & b->v[i]
                    : k == ARITH_ORI  ? a->v[i] | b->v[i]
                                      : a->v[i] ^ b->v[i];
        return true;
    case ARITH_SHLI:
    case ARITH_SHRSI:
    case ARITH_SHRUI: {
        ap wv;
        ap_set(&wv, b->width, a->width);   /* w < 2^w: representable */
        if (a->width == 0 || ap_ucmp(b, &wv) >= 0)
            return false;
        unsigned s = (unsigned)b->v[0];
        if (k == ARITH_SHLI)
            ap_shl(r, a, s);
        else
            ap_shr(r, a, s, k == ARITH_SHRSI);
        return true;
    }
    case ARITH_MAXSI:
        *r = ap_scmp(a, b) >= 0 ? *a : *b;
        return true;
    case ARITH_MINSI:
        *r = ap_scmp(a, b) <= 0 ? *a : *b;
        return true;
    case ARITH_MAXUI:
        *r = ap_ucmp(a, b) >= 0 ? *a : *b;
        return true;
    case ARITH_MINUI:
        *r = ap_ucmp(a, b) <= 0 ? *a : *b;
        return true;
    default:
        return false;
    }
}

static bool
cmpi_apply(int64_t pred, const ap *a, const ap *b, bool *res)
{
    int s = ap_scmp(a, b), u = ap_ucmp(a, b);
    switch (pred) {
    case ARITH_CMPI_EQ: *res = u == 0; return true;
    case ARITH_CMPI_NE: *res = u != 0; return true;
    case ARITH_CMPI_SLT: *res = s < 0; return true;
    case ARITH_CMPI_SLE: *res = s <= 0; return true;
    case ARITH_CMPI_SGT: *res = s > 0; return true;
    case ARITH_CMPI_SGE: *res = s >= 0; return true;
    case ARITH_CMPI_ULT: *res = u < 0; return true;
    case ARITH_CMPI_ULE: *res = u <= 0; return true;
    case ARITH_CMPI_UGT: *res = u > 0; return true;
    case ARITH_CMPI_UGE: *res = u >= 0; return true;
    default: return false;
    }
}

static bool
cmpf_apply(int64_t pred, const fmt *f, uint64_t a, uint64_t b, bool *res)
{
    bool uno = f_is_nan(f, a) || f_is_nan(f, b);
    double x = f_to_double(f, a), y = f_to_double(f, b);
    bool lt = !uno && x < y, gt = !uno && x > y, eq = !uno && x == y;
    switch (pred) {
    case ARITH_CMPF_FALSE: *res = false; break;
    case ARITH_CMPF_OEQ: *res = eq; break;
    case ARITH_CMPF_OGT: *res = gt; break;
    case ARITH_CMPF_OGE: *res = gt || eq; break;
    case ARITH_CMPF_OLT: *res = lt; break;
    case ARITH_CMPF_OLE: *res = lt || eq; break;
    case ARITH_CMPF_ONE: *res = lt || gt; break;
    case ARITH_CMPF_ORD: *res = !uno; break;
    case ARITH_CMPF_UEQ: *res = uno || eq; break;
    case ARITH_CMPF_UGT: *res = uno || gt; break;
    case ARITH_CMPF_UGE: *res = uno || gt || eq; break;
    case ARITH_CMPF_ULT: *res = uno || lt; break;
    case ARITH_CMPF_ULE: *res = uno || lt || eq; break;
    case ARITH_CMPF_UNE: *res = !eq; break;
    case ARITH_CMPF_UNO: *res = uno; break;
    case ARITH_CMPF_TRUE: *res = true; break;
    default: return false;
    }
    return true;
}

/* maximum/minimum (NaN-propagating, -0 < +0) and MLIR 19's maxnumf and
 * minnumf. MLIR 19 folds maxnumf with llvm::maximum (NaN wins), and
 * minnumf with llvm::minnum (the number wins); we match both. */
static uint64_t
f_minmax(enum arith_op k, const fmt *f, uint64_t a, uint64_t b)
{
    bool na = f_is_nan(f, a), nb = f_is_nan(f, b);
    bool is_max = k == ARITH_MAXIMUMF || k == ARITH_MAXNUMF;
    if (k == ARITH_MINNUMF) {
        if (na)
            return b;
        if (nb)
            return a;
    } else {
        if (na)
            return a;
        if (nb)
            return b;
    }
    if (f_is_zero(f, a) && f_is_zero(f, b) && f_sign(f, a) != f_sign(f, b))
        return (f_sign(f, a) == is_max) ? b : a;
    double x = f_to_double(f, a), y = f_to_double(f, b);
    if (is_max)
        return x < y ? b : a;
    return y < x ? b : a;
}

/* ------------------------------------------------------------------ */
/* f80 and f128 scalars (bit patterns lo | hi << 64)                   */
/* ------------------------------------------------------------------ */

/* Computed natively, so exactly as APFloat: f80 as x86's long double
 * (64-bit significand arithmetic, correctly rounded), f128 as GCC's
 * __float128 (IEEE binary128 in software); remf exactly (fmodl, and an
 * exact integer remainder for f128, as APFloat::mod); casts through
 * exact unpacked values (extf/truncf fold only exact conversions, as
 * MLIR). Scalars, splats and dense constants. Elsewhere (no x86 long
 * double, no __float128 or __int128) they are not folded. */
#if (defined(__x86_64__) || defined(__i386__)) && defined(__LDBL_MANT_DIG__) \
    && __LDBL_MANT_DIG__ == 64 && defined(__SIZEOF_INT128__)
#define EO_FOLD_F80 1
#endif
#if defined(__SIZEOF_FLOAT128__) && (defined(__x86_64__) || defined(__i386__)) \
    && defined(__SIZEOF_INT128__)
#define EO_FOLD_F128 1
__extension__ typedef __float128 quad_t_;
#endif
#if defined(EO_FOLD_F80) || defined(EO_FOLD_F128)
__extension__ typedef unsigned __int128 u128_t;
#endif

typedef struct wide {
    uint64_t lo, hi;
} wide;

static bool fold_attr(eo_fold *out, const eo_attr *a);

/* Whether 't' is f80 or f128 and we fold it. */
static bool
wide_kind(const eo_type *t, bool *is80)
{
    if (!t || !eo_type_is_float(t))
        return false;
    eo_float_kind k = eo_type_float_kind(t);
#ifdef EO_FOLD_F80
    if (k == EO_F80) {
        *is80 = true;
        return true;
    }
#endif
#ifdef EO_FOLD_F128
    if (k == EO_F128) {
        *is80 = false;
        return true;
    }
#endif
    (void)k;
    *is80 = false;
    return false;
}

static int
w_exp(bool is80, wide v)
{
    return is80 ? (int)(v.hi & 0x7FFF) : (int)((v.hi >> 48) & 0x7FFF);
}

static bool
w_is_nan(bool is80, wide v)
{
    if (w_exp(is80, v) != 0x7FFF)
        return false;
    return is80 ? (v.lo << 1) != 0
                : ((v.hi & ((1ull << 48) - 1)) | v.lo) != 0;
}

static wide
w_quiet(bool is80, wide v)
{
    if (is80)
        v.lo |= 1ull << 62;
    else
        v.hi |= 1ull << 47;
    return v;
}

static wide
w_default_nan(bool is80)
{
    return is80 ? (wide){ 0xC000000000000000ull, 0x7FFF }
                : (wide){ 0, 0x7FFF800000000000ull };
}

static bool
w_sign(bool is80, wide v)
{
    return is80 ? (v.hi >> 15) & 1 : v.hi >> 63;
}

static bool
w_is_zero(bool is80, wide v)
{
    return is80 ? w_exp(is80, v) == 0 && v.lo == 0
                : (v.hi << 1) == 0 && v.lo == 0;
}

/* f80 encodings x87 and APFloat may read differently (the explicit
 * integer bit disagreeing with the exponent): not folded. */
static bool
w_canonical(bool is80, wide v)
{
    if (!is80)
        return true;
    int e = w_exp(is80, v);
    bool ibit = v.lo >> 63;
    return e == 0 ? !ibit : ibit;
}

#ifdef EO_FOLD_F80
static long double
w_to_ld(wide v)
{
    unsigned char raw[sizeof(long double)];
    long double d;
    memset(raw, 0, sizeof raw);
    memcpy(raw, &v.lo, 8);
    uint16_t h = (uint16_t)v.hi;
    memcpy(raw + 8, &h, 2);
    memcpy(&d, raw, sizeof d);
    return d;
}

static wide
w_from_ld(long double d)
{
    unsigned char raw[sizeof(long double)];
    uint16_t h;
    wide v;
    memcpy(raw, &d, sizeof d);
    memcpy(&v.lo, raw, 8);
    memcpy(&h, raw + 8, 2);
    v.hi = h;
    return v;
}
#endif

#ifdef EO_FOLD_F128
static quad_t_
w_to_q(wide v)
{
    quad_t_ q;
    uint64_t w[2] = { v.lo, v.hi };
    memcpy(&q, w, 16);
    return q;
}

static wide
w_from_q(quad_t_ q)
{
    uint64_t w[2];
    memcpy(w, &q, 16);
    return (wide){ w[0], w[1] };
}
#endif

/* -1, 0, 1 for a < b, a == b, a > b (neither is NaN). */
static int
w_cmp(bool is80, wide a, wide b)
{
#ifdef EO_FOLD_F80
    if (is80) {
        long double x = w_to_ld(a), y = w_to_ld(b);
        return x < y ? -1 : x > y;
    }
#endif
#ifdef EO_FOLD_F128
    if (!is80) {
        quad_t_ x = w_to_q(a), y = w_to_q(b);
        return x < y ? -1 : x > y;
    }
#endif
    (void)a;
    (void)b;
    return 0;
}

/* The scalar operands of a wide op, or false. */
static bool
wide_operands(const eo_attr *const cst[], size_t n, const eo_type *rt,
              bool *is80, wide *v)
{
    if (!wide_kind(rt, is80))
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!cst[i] || eo_attr_get_kind(cst[i]) != EO_ATTR_FLOAT ||
            eo_attr_type(cst[i]) != rt)
            return false;
        v[i] = (wide){ eo_attr_float_bits(cst[i]),
                       eo_attr_float_bits_hi(cst[i]) };
        if (!w_canonical(*is80, v[i]))
            return false;
    }
    return true;
}

/* f80 or f128 (80, 128) if 't' is such a type and we fold it, else 0. */
static int
wide_of(const eo_type *t)
{
    bool is80;
    return wide_kind(t, &is80) ? (is80 ? 80 : 128) : 0;
}

#if defined(EO_FOLD_F80) || defined(EO_FOLD_F128)
/* A finite nonzero value as sig * 2^e (sig: up to 64 / 113 bits). */
static void
w_unpack(bool is80, wide v, u128_t *sig, int *e)
{
    int ex = w_exp(is80, v);
    if (is80) {
        *sig = v.lo;
        *e = (ex ? ex : 1) - 16383 - 63;
        return;
    }
    u128_t m = ((u128_t)(v.hi & ((1ull << 48) - 1)) << 64) | v.lo;
    if (ex)
        m |= (u128_t)1 << 112;
    *sig = m;
    *e = (ex ? ex : 1) - 16383 - 112;
}

static int
u128_msb(u128_t x)
{
    int m = 127;
    while (m > 0 && !((x >> m) & 1))
        m--;
    return m;
}
#endif

#ifdef EO_FOLD_F128
/* The f128 of (-1)^neg * r * 2^e, which must be exact (r < 2^113). */
static wide
w_pack128(bool neg, u128_t r, int e)
{
    wide w = { 0, (uint64_t)neg << 63 };
    if (!r)
        return w;
    int msb = u128_msb(r);
    int lead = msb + e;
    u128_t m;
    uint64_t biased = 0;
    if (lead >= -16382) {
        m = r << (112 - msb);
        biased = (uint64_t)(lead + 16383);
    } else {
        int sh = e + 16494;         /* value = m * 2^-16494 */
        m = sh >= 0 ? r << sh : r >> -sh;
    }
    w.lo = (uint64_t)m;
    w.hi |= (biased << 48) | ((uint64_t)(m >> 64) & ((1ull << 48) - 1));
    return w;
}

/* APFloat::mod on finite a, b (b nonzero): the exact remainder with a's
 * sign (each step of its loop subtracts exactly). */
static wide
w_fmod128(wide a, wide b)
{
    u128_t ma, mb;
    int ea, eb;
    bool neg = w_sign(false, a);
    w_unpack(false, a, &ma, &ea);
    w_unpack(false, b, &mb, &eb);
    int sa = 112 - u128_msb(ma), sb = 112 - u128_msb(mb);
    ma <<= sa;
    ea -= sa;
    mb <<= sb;
    eb -= sb;
    if (ea < eb || (ea == eb && ma < mb))
        return a;                   /* |a| < |b| */
    u128_t r = ma;
    for (int i = ea - eb;; i--) {
        if (r >= mb)
            r -= mb;
        if (i == 0)
            break;
        r <<= 1;
    }
    return w_pack128(neg, r, eb);
}
#endif

/* Binary ops and negf on one f80/f128 element, as float_binop /
 * f_minmax / elt_negf do for the narrower formats; false: not folded. */
static bool
w_binop(enum arith_op k, bool is80, wide a, wide b, wide *out)
{
    if (!w_canonical(is80, a) || !w_canonical(is80, b))
        return false;
    bool na = w_is_nan(is80, a), nb = w_is_nan(is80, b);
    bool is_max = k == ARITH_MAXIMUMF || k == ARITH_MAXNUMF;
    wide r;
    switch (k) {
    case ARITH_NEGF:
        r = a;
        r.hi ^= is80 ? 1ull << 15 : 1ull << 63;
        break;
    case ARITH_MAXIMUMF:
    case ARITH_MINIMUMF:
    case ARITH_MAXNUMF:
    case ARITH_MINNUMF:
        if (k == ARITH_MINNUMF && (na || nb))
            r = na ? b : a;
        else if (na || nb)
            r = na ? a : b;
        else if (w_is_zero(is80, a) && w_is_zero(is80, b) &&
                 w_sign(is80, a) != w_sign(is80, b))
            r = w_sign(is80, a) == is_max ? b : a;
        else if (is_max)
            r = w_cmp(is80, a, b) < 0 ? b : a;
        else
            r = w_cmp(is80, b, a) < 0 ? b : a;
        break;
    case ARITH_ADDF:
    case ARITH_SUBF:
    case ARITH_MULF:
    case ARITH_DIVF:
    case ARITH_REMF:
        if (na || nb) {
            r = w_quiet(is80, na ? a : b);
            break;
        }
#ifdef EO_FOLD_F80
        if (is80) {
            long double x = w_to_ld(a), y = w_to_ld(b), z;
            switch (k) {
            case ARITH_ADDF: z = x + y; break;
            case ARITH_SUBF: z = x - y; break;
            case ARITH_MULF: z = x * y; break;
            case ARITH_DIVF: z = x / y; break;
            default: z = fmodl(x, y); break;
            }
            r = isnan(z) ? w_default_nan(true) : w_from_ld(z);
            break;
        }
#endif
#ifdef EO_FOLD_F128
        if (!is80) {
            quad_t_ x = w_to_q(a), y = w_to_q(b), z;
            bool xinf = w_exp(false, a) == 0x7FFF;
            bool yinf = w_exp(false, b) == 0x7FFF;
            switch (k) {
            case ARITH_ADDF: z = x + y; break;
            case ARITH_SUBF: z = x - y; break;
            case ARITH_MULF: z = x * y; break;
            case ARITH_DIVF: z = x / y; break;
            default:
                if (xinf || w_is_zero(false, b))
                    r = w_default_nan(false);
                else if (yinf || w_is_zero(false, a))
                    r = a;
                else
                    r = w_fmod128(a, b);
                *out = r;
                return true;
            }
            r = z != z ? w_default_nan(false) : w_from_q(z);
            break;
        }
#endif
        return false;
    default:
        return false;
    }
    *out = r;
    return true;
}

/* cmpf on f80/f128 scalars; false when they are not both such. */
static bool
wide_cmpf(int64_t pred, const eo_attr *a, const eo_attr *b, bool *res)
{
    const eo_attr *cst[2] = { a, b };
    bool is80;
    wide v[2];
    if (!a || !wide_operands(cst, 2, eo_attr_type(a), &is80, v))
        return false;
    bool uno = w_is_nan(is80, v[0]) || w_is_nan(is80, v[1]);
    int c = uno ? 0 : w_cmp(is80, v[0], v[1]);
    /* Through cmpf_apply with stand-in doubles of the same order. */
    double x = uno ? NAN : 0.0, y = uno ? NAN : (double)-c;
    uint64_t bx, by;
    memcpy(&bx, &x, 8);
    memcpy(&by, &y, 8);
    return cmpf_apply(pred, &fmt_f64, bx, by, res);
}

/* Float binary ops. NaN operands propagate as APFloat does (the first
 * NaN, quieted); a NaN made from numbers is the default NaN. */
static bool
float_binop(enum arith_op k, const fmt *f, uint64_t *r, uint64_t a,
            uint64_t b)
{
    switch (k) {
    case ARITH_MAXIMUMF:
    case ARITH_MINIMUMF:
    case ARITH_MAXNUMF:
    case ARITH_MINNUMF:
        *r = f_minmax(k, f, a, b);
        return true;
    case ARITH_ADDF:
    case ARITH_SUBF:
    case ARITH_MULF:
    case ARITH_DIVF:
    case ARITH_REMF:
        break;
    default:
        return false;
    }
    if (f_is_nan(f, a)) {
        *r = f_quiet(f, a);
        return true;
    }
    if (f_is_nan(f, b)) {
        *r = f_quiet(f, b);
        return true;
    }
    if (f == &fmt_f32) {
        float x = bits_f32(a), y = bits_f32(b), z;
        switch (k) {
        case ARITH_ADDF: z = x + y; break;
        case ARITH_SUBF: z = x - y; break;
        case ARITH_MULF: z = x * y; break;
        case ARITH_DIVF: z = x / y; break;
        default: z = fmodf(x, y); break;
        }
        *r = isnan(z) ? f_default_nan(f) : f32_bits(z);
        return true;
    }
    /* Exact in double for f16/bf16 (53 >= 2p + 2), native for f64. */
    double x = f_to_double(f, a), y = f_to_double(f, b), z;
    switch (k) {
    case ARITH_ADDF: z = x + y; break;
    case ARITH_SUBF: z = x - y; break;
    case ARITH_MULF: z = x * y; break;
    case ARITH_DIVF: z = x / y; break;
    default: z = fmod(x, y); break;
    }
    *r = isnan(z) ? f_default_nan(f) : f_from_double(f, z);
    return true;
}

/* Integer (signed or not) to float, rounded to nearest even. */
static uint64_t
int_to_float(const fmt *f, const ap *a, bool sgn)
{
    bool neg = sgn && ap_neg(a);
    ap m = *a;
    if (neg)
        ap_negate(&m, a);
    if (ap_is_zero(&m))
        return 0;
    int msb = (int)m.width - 1;
    while (!ap_bit(&m, (unsigned)msb))
        msb--;
    uint64_t sig;
    int exp = 0;
    if (msb < 64) {
        sig = m.v[0];
    } else {
        exp = msb - 63;
        ap t;
        ap_shr(&t, &m, (unsigned)exp, false);
        sig = t.v[0];
        ap back;
        ap_shl(&back, &t, (unsigned)exp);
        if (!ap_eq(&back, &m))
            sig |= 1;               /* sticky */
    }
    return f_encode(f, neg, sig, exp);
}

/* Float to integer of 'width' truncating toward zero; false when
 * APFloat reports an invalid operation (NaN, inf, out of range). */
static bool
float_to_int(const fmt *f, uint64_t b, unsigned width, bool sgn, ap *r)
{
    if (f_is_nan(f, b) || f_is_inf(f, b))
        return false;
    double t = trunc(f_to_double(f, b));
    bool neg = t < 0;
    double mag = fabs(t);
    ap_set(r, width, 0);
    if (mag == 0)
        return true;
    int e;
    double m = frexp(mag, &e);      /* mag = m * 2^e, mag < 2^e */
    if (sgn) {
        /* -2^(w-1) <= t <= 2^(w-1) - 1 */
        if (width == 0 || e > (int)width ||
            (e == (int)width && !(neg && m == 0.5)))
            return false;
    } else if (neg || e > (int)width) {
        return false;
    }
    if (width > AP_MAXW * 64)
        return false;
    uint64_t sig = (uint64_t)ldexp(m, 53);
    ap x;
    ap_set(&x, width, 0);
    int sh = e - 53;
    if (sh >= 0) {
        ap_set(&x, width, sig);
        if (width < 64)
            x.v[0] = sig;           /* fits: sig < 2^e <= 2^width */
        ap_shl(&x, &x, (unsigned)sh);
    } else {
        x.v[0] = sig >> -sh;
        ap_norm(&x);
    }
    if (neg)
        ap_negate(&x, &x);
    *r = x;
    return true;
}

/* Exact conversion between formats (extf/truncf): false if the value
 * cannot be represented exactly or is a signaling NaN. */
static bool
float_convert(const fmt *from, const fmt *to, uint64_t b, uint64_t *r)
{
    if (f_is_nan(from, b)) {
        /* A NanOnly NaN widens like a quiet NaN whose payload is all
         * ones (as APFloat's convert); a NaN into a NanOnly format is
         * left unfolded, as MLIR 19 leaves it. */
        if (f_is_snan(from, b) || to->fn)
            return false;
        if (from->uz) {
            /* APFloat makes a fresh NaN rather than read 0x80 as -0. */
            *r = f_default_nan(to);
            return true;
        }
        uint64_t pl = b & mask64(from->mbits);
        if (to->mbits >= from->mbits) {
            pl <<= to->mbits - from->mbits;
        } else {
            int d = from->mbits - to->mbits;
            if (pl & mask64(d))
                return false;
            pl >>= d;
        }
        *r = ((uint64_t)f_sign(from, b) << (to->ebits + to->mbits)) |
             (f_emax(to) << to->mbits) | pl;
        return true;
    }
    double d = f_to_double(from, b);
    uint64_t c = f_from_double(to, d);
    double back = f_to_double(to, c);
    if (back != d || (d == 0 && f_sign(to, c) != f_sign(from, b)))
        return false;
    *r = c;
    return true;
}

/* ------------------------------------------------------------------ */
/* Casts to and from f80 / f128 (wide elements)                        */
/* ------------------------------------------------------------------ */

#if defined(EO_FOLD_F80) || defined(EO_FOLD_F128)
/* A source or result of a float cast: a narrow format or f80 / f128. */
typedef struct cfmt {
    const fmt *n;                   /* narrow, or NULL */
    bool is80;                      /* when wide */
} cfmt;

static int
c_prec(const cfmt *c)
{
    return c->n ? c->n->mbits + 1 : c->is80 ? 64 : 113;
}

/* Integer to f80/f128, rounded to nearest even (as convertFromAPInt). */
static bool
w_from_int(bool is80, const ap *a, bool sgn, wide *r)
{
    bool neg = sgn && ap_neg(a);
    ap m = *a;
    if (neg)
        ap_negate(&m, a);
    *r = (wide){ 0, 0 };
    if (ap_is_zero(&m))
        return true;
    int msb = (int)m.width - 1;
    while (!ap_bit(&m, (unsigned)msb))
        msb--;
    int exp = 0;
    u128_t sig;
    if (msb < 128) {
        sig = m.v[0];
        if (AP_MAXW > 1 && m.width > 64)
            sig |= (u128_t)m.v[1] << 64;
    } else {
        exp = msb - 127;
        ap t, back;
        ap_shr(&t, &m, (unsigned)exp, false);
        sig = ((u128_t)t.v[1] << 64) | t.v[0];
        ap_shl(&back, &t, (unsigned)exp);
        if (!ap_eq(&back, &m))
            sig |= 1;               /* sticky: below the rounding bit */
    }
#ifdef EO_FOLD_F80
    if (is80) {
        long double x = ldexpl((long double)sig, exp);
        *r = w_from_ld(neg ? -x : x);
        return true;
    }
#endif
#ifdef EO_FOLD_F128
    if (!is80) {
        quad_t_ x = (quad_t_)sig;
        wide p2 = { 0, (uint64_t)(exp + 16383) << 48 };   /* 2^exp */
        x *= w_to_q(p2);
        *r = w_from_q(neg ? -x : x);
        return true;
    }
#endif
    return false;
}

/* f80/f128 to an integer of 'width', truncating toward zero; false when
 * APFloat reports an invalid operation (NaN, inf, out of range). */
static bool
w_to_int(bool is80, wide v, unsigned width, bool sgn, ap *r)
{
    if (!w_canonical(is80, v) || w_exp(is80, v) == 0x7FFF ||
        width > AP_MAXW * 64)
        return false;
    ap_set(r, width, 0);
    if (w_is_zero(is80, v))
        return true;
    bool neg = w_sign(is80, v);
    u128_t sig;
    int e;
    w_unpack(is80, v, &sig, &e);
    if (e < 0) {
        sig = -e >= 128 ? 0 : sig >> -e;
        e = 0;
    }
    if (!sig)
        return true;
    int len = u128_msb(sig) + 1 + e;    /* bits of the magnitude */
    bool pow2 = (sig & (sig - 1)) == 0;
    if (sgn) {
        if (width == 0 || (len > (int)width - 1 &&
                           !(neg && len == (int)width && pow2)))
            return false;
    } else if (neg || len > (int)width) {
        return false;
    }
    ap x;
    ap_set(&x, width, (uint64_t)sig);
    if (width > 64)
        x.v[1] = (uint64_t)(sig >> 64);
    ap_norm(&x);
    ap_shl(&x, &x, (unsigned)e);
    if (neg)
        ap_negate(&x, &x);
    *r = x;
    return true;
}

/* A NaN's significand as APFloat keeps it (stored mantissa bits; f80's
 * with the explicit integer bit), and whether it is signaling. */
static u128_t
c_nan_sig(const cfmt *c, wide v, bool *snan)
{
    if (c->n) {
        *snan = f_is_snan(c->n, v.lo);
        return v.lo & mask64(c->n->mbits);
    }
    if (c->is80) {
        *snan = !((v.lo >> 62) & 1);
        return v.lo;
    }
    *snan = !((v.hi >> 47) & 1);
    return (((u128_t)v.hi & ((1ull << 48) - 1)) << 64) | v.lo;
}

static bool
c_is_nan(const cfmt *c, wide v)
{
    return c->n ? f_is_nan(c->n, v.lo) : w_is_nan(c->is80, v);
}

/* extf/truncf where one side is f80/f128: folded only when exact (and
 * not from a signaling NaN), as MLIR's convertFloatValue. */
static bool
w_convert(const cfmt *from, const cfmt *to, wide v, wide *r)
{
    if (!from->n && !w_canonical(from->is80, v))
        return false;
    *r = (wide){ 0, 0 };
    if (c_is_nan(from, v)) {
        if (to->n && to->n->fn)
            return false;
        bool neg = from->n ? f_sign(from->n, v.lo) : w_sign(from->is80, v);
        bool snan = false;
        u128_t sg;
        if (from->n && from->n->uz) {
            neg = false;            /* a fresh default NaN */
            sg = (u128_t)1 << (c_prec(from) - 2);
        } else if (from->n && from->n->fn) {
            sg = mask64(from->n->mbits);    /* payload all ones */
        } else {
            sg = c_nan_sig(from, v, &snan);
        }
        if (snan)
            return false;
        int sh = c_prec(to) - c_prec(from);
        if (sh >= 0) {
            sg <<= sh;
        } else {
            if (sg & (((u128_t)1 << -sh) - 1))
                return false;       /* payload bits lost */
            sg >>= -sh;
        }
        if (to->n) {
            r->lo = ((uint64_t)neg << (to->n->ebits + to->n->mbits)) |
                    (f_emax(to->n) << to->n->mbits) |
                    ((uint64_t)sg & mask64(to->n->mbits));
        } else if (to->is80) {
            r->lo = (uint64_t)sg | 1ull << 63;
            r->hi = ((uint64_t)neg << 15) | 0x7FFF;
        } else {
            r->lo = (uint64_t)sg;
            r->hi = ((uint64_t)neg << 63) | (0x7FFFull << 48) |
                    ((uint64_t)(sg >> 64) & ((1ull << 48) - 1));
        }
        return true;
    }
    if (from->n) {                  /* narrow -> wide: always exact */
        double d = f_to_double(from->n, v.lo);
#ifdef EO_FOLD_F80
        if (to->is80) {
            *r = w_from_ld((long double)d);
            return true;
        }
#endif
#ifdef EO_FOLD_F128
        if (!to->is80) {
            *r = w_from_q((quad_t_)d);
            return true;
        }
#endif
        return false;
    }
    /* From wide: to the other wide format or to double, then back. */
    double d = 0;
    wide back = { 0, 0 };
#ifdef EO_FOLD_F80
    if (from->is80) {
        long double x = w_to_ld(v);
#ifdef EO_FOLD_F128
        if (!to->n && !to->is80) {
            *r = w_from_q((quad_t_)x);      /* exact */
            return true;
        }
#endif
        d = (double)x;
        back = w_from_ld((long double)d);
    }
#endif
#ifdef EO_FOLD_F128
    if (!from->is80) {
        quad_t_ x = w_to_q(v);
#ifdef EO_FOLD_F80
        if (!to->n && to->is80) {
            long double y = (long double)x;
            if (w_from_q((quad_t_)y).lo != v.lo ||
                w_from_q((quad_t_)y).hi != v.hi)
                return false;
            *r = w_from_ld(y);
            return true;
        }
#endif
        d = (double)x;
        back = w_from_q((quad_t_)d);
    }
#endif
    if (!to->n || back.lo != v.lo || back.hi != v.hi)
        return false;
    uint64_t db, out;
    memcpy(&db, &d, 8);
    if (!float_convert(&fmt_f64, to->n, db, &out))
        return false;
    r->lo = out;
    return true;
}
#endif

/* ------------------------------------------------------------------ */
/* Constants: scalars, splats and dense elements                       */
/* ------------------------------------------------------------------ */

/* One element: integers in i (with the element width), floats in f. */
typedef struct elt {
    ap i;
    uint64_t f, fh;                 /* fh: f80/f128 bits above 64 */
} elt;

/* What an operand constant looks like, for elementwise folding. */
typedef struct cview {
    const eo_attr *a;
    const eo_type *et;              /* element (or scalar) type */
    bool dense, splat;
    const unsigned char *data;
    size_t eb;                      /* bytes per dense element */
} cview;

static bool
elem_ok(const eo_type *et)
{
    return int_width_of(et) || (et && eo_type_is_int(et) &&
                                eo_type_int_width(et) == 0) ||
           fmt_of(et) || wide_of(et);
}

static bool
view(const eo_attr *a, cview *v)
{
    memset(v, 0, sizeof *v);
    if (!a)
        return false;
    v->a = a;
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_INTEGER:
    case EO_ATTR_FLOAT:
        v->et = eo_attr_type(a);
        return elem_ok(v->et);
    case EO_ATTR_DENSE: {
        v->et = eo_type_elem(eo_attr_type(a));
        if (!elem_ok(v->et))
            return false;
        size_t size;
        v->dense = true;
        v->splat = eo_attr_dense_is_splat(a);
        v->data = eo_attr_dense_data(a, &size);
        v->eb = eo_dense_elem_bytes(v->et);
        return v->eb != 0;
    }
    default:
        return false;
    }
}

static void
read_elt(const cview *v, size_t idx, elt *e)
{
    memset(e, 0, sizeof *e);
    const fmt *f = fmt_of(v->et);
    bool fw = !f && wide_of(v->et);
    unsigned w = f || fw ? 0 : int_width_of(v->et);
    if (!v->dense) {
        if (f || fw) {
            e->f = eo_attr_float_bits(v->a);
            e->fh = eo_attr_float_bits_hi(v->a);
            return;
        }
        ap_set(&e->i, w, 0);
        size_t n = eo_attr_int_num_words(v->a);
        const uint64_t *words = eo_attr_int_words(v->a);
        for (size_t i = 0; i < n && i < AP_MAXW; i++)
            e->i.v[i] = words[i];
        ap_norm(&e->i);
        return;
    }
    const unsigned char *p = v->data + (v->splat ? 0 : idx) * v->eb;
    if (f || fw) {
        for (size_t i = 0; i < v->eb && i < 16; i++) {
            if (i < 8)
                e->f |= (uint64_t)p[i] << (8 * i);
            else
                e->fh |= (uint64_t)p[i] << (8 * (i - 8));
        }
        return;
    }
    ap_set(&e->i, w, 0);
    for (size_t i = 0; i < v->eb && i < AP_MAXW * 8; i++)
        e->i.v[i / 8] |= (uint64_t)p[i] << (8 * (i % 8));
    ap_norm(&e->i);
}

static void
write_elt(unsigned char *p, size_t eb, const eo_type *et, const elt *e)
{
    if (fmt_of(et) || wide_of(et)) {
        for (size_t i = 0; i < eb; i++)
            p[i] = i < 8 ? (unsigned char)(e->f >> (8 * i))
                 : i < 16 ? (unsigned char)(e->fh >> (8 * (i - 8))) : 0;
        return;
    }
    for (size_t i = 0; i < eb; i++)
        p[i] = i < AP_MAXW * 8 ? (unsigned char)(e->i.v[i / 8] >> (8 * (i % 8)))
                               : 0;
}

static const eo_attr *
scalar_attr(eo_ctx *ctx, const eo_type *t, const elt *e)
{
    if (fmt_of(t))
        return eo_attr_get_float_bits(ctx, t, e->f);
    if (wide_of(t))
        return eo_attr_get_float_wide(ctx, t, e->f, e->fh);
    return eo_attr_get_int_words(ctx, t, ap_nw(e->i.width), e->i.v);
}

/* A splat constant's single value (a scalar constant counts). */
static bool
splat_value(const eo_attr *a, cview *v, elt *e)
{
    if (!view(a, v) || (v->dense && !v->splat))
        return false;
    read_elt(v, 0, e);
    return true;
}

static bool
splat_int(const eo_attr *a, ap *out)
{
    cview v;
    elt e;
    if (!splat_value(a, &v, &e) || eo_type_is_float(v.et))
        return false;
    *out = e.i;
    return true;
}

static bool
is_int_zero(const eo_attr *a)
{
    ap x;
    return splat_int(a, &x) && ap_is_zero(&x);
}

static bool
is_int_one(const eo_attr *a)
{
    ap x;
    return splat_int(a, &x) && ap_is_one(&x);
}

static bool
is_int_all_ones(const eo_attr *a)
{
    ap x;
    return splat_int(a, &x) && ap_is_all_ones(&x);
}

/* A splat float constant of any float type, as its double value and
 * sign (works for the formats we do not fold arithmetically too). */
static bool
splat_float(const eo_attr *a, double *d)
{
    if (!a)
        return false;
    if (eo_attr_get_kind(a) == EO_ATTR_FLOAT) {
        *d = eo_attr_float_value(a);
        /* f80/f128 values need not be doubles (1 + 2^-60, 1e-4000):
         * only an exact one is reported. */
        const eo_type *t = eo_attr_type(a);
        if (eo_type_float_width(t) > 64 && !isnan(*d) &&
            eo_attr_get_float(eo_attr_ctx(a), t, *d) != a)
            return false;
        return true;
    }
    if (eo_attr_get_kind(a) == EO_ATTR_DENSE && eo_attr_dense_is_splat(a) &&
        eo_type_is_float(eo_type_elem(eo_attr_type(a))) &&
        eo_type_float_width(eo_type_elem(eo_attr_type(a))) <= 64) {
        *d = eo_attr_dense_float(a, 0);
        return true;
    }
    return false;
}

static bool
is_float_val(const eo_attr *a, double want, bool neg)
{
    double d;
    return splat_float(a, &d) && d == want && (signbit(d) != 0) == neg;
}

/* The zero (or all-false) constant of a type; NULL for dynamic shapes. */
static const eo_attr *
zero_attr(eo_ctx *ctx, const eo_type *t)
{
    const eo_type *et = eo_type_elem_or_self(t);
    elt e;
    memset(&e, 0, sizeof e);
    if (!fmt_of(et) && !int_width_of(et))
        return NULL;
    e.i.width = int_width_of(et);
    if (et == t)
        return scalar_attr(ctx, t, &e);
    if (eo_type_get_kind(t) != EO_TYPE_VECTOR &&
        eo_type_get_kind(t) != EO_TYPE_TENSOR)
        return NULL;
    if (eo_type_num_elements(t) < 0)
        return NULL;
    unsigned char buf[AP_MAXW * 8];
    size_t eb = eo_dense_elem_bytes(et);
    if (eb == 0 || eb > sizeof buf)
        return NULL;
    memset(buf, 0, eb);
    return eo_attr_get_dense(ctx, t, buf, eb, true);
}

/* Calls fn on each element of the operands and builds the result
 * constant of type rtype (scalar, splat or dense). */
typedef bool (*elt_fn)(void *ud, const elt *in, elt *out);

static const eo_attr *
fold_elements(eo_ctx *ctx, const eo_type *rtype, size_t n,
              const eo_attr *const in[], elt_fn fn, void *ud)
{
    cview v[3];
    elt ins[3], res;
    bool any_dense = false, all_splat = true;
    for (size_t i = 0; i < n; i++) {
        if (!view(in[i], &v[i]))
            return NULL;
        any_dense |= v[i].dense;
        all_splat &= !v[i].dense || v[i].splat;
    }
    const eo_type *ret = eo_type_elem_or_self(rtype);
    if (!elem_ok(ret))
        return NULL;
    if (!any_dense) {
        if (ret != rtype)
            return NULL;
        for (size_t i = 0; i < n; i++)
            read_elt(&v[i], 0, &ins[i]);
        memset(&res, 0, sizeof res);
        res.i.width = int_width_of(ret);
        if (!fn(ud, ins, &res))
            return NULL;
        return scalar_attr(ctx, rtype, &res);
    }
    int64_t num = eo_type_num_elements(rtype);
    size_t eb = eo_dense_elem_bytes(ret);
    if (ret == rtype || num < 0 || eb == 0)
        return NULL;
    size_t count = all_splat ? 1 : (size_t)num;
    if (count && eb > SIZE_MAX / count)
        return NULL;
    unsigned char small[AP_MAXW * 8];
    unsigned char *buf = count * eb <= sizeof small ? small
                                                    : malloc(count * eb);
    if (!buf)
        return NULL;
    for (size_t k = 0; k < count; k++) {
        for (size_t i = 0; i < n; i++)
            read_elt(&v[i], k, &ins[i]);
        memset(&res, 0, sizeof res);
        res.i.width = int_width_of(ret);
        if (!fn(ud, ins, &res)) {
            if (buf != small)
                free(buf);
            return NULL;
        }
        write_elt(buf + k * eb, eb, ret, &res);
    }
    const eo_attr *a = eo_attr_get_dense(ctx, rtype, buf, count * eb,
                                         all_splat);
    if (buf != small)
        free(buf);
    return a;
}

/* ------------------------------------------------------------------ */
/* Per-op element functions                                            */
/* ------------------------------------------------------------------ */

typedef struct fold_ud {
    enum arith_op k;
    const fmt *f, *to;              /* operand / result float formats */
    int wf, wto;                    /* or f80 / f128 (80, 128), else 0 */
    unsigned width;                 /* result integer width */
    int64_t pred;
    bool sgn;
} fold_ud;

static bool
elt_binary(void *p, const elt *in, elt *out)
{
    fold_ud *u = p;
    if (u->f)
        return float_binop(u->k, u->f, &out->f, in[0].f, in[1].f);
    if (u->wf) {
        wide r;
        if (!w_binop(u->k, u->wf == 80, (wide){ in[0].f, in[0].fh },
                     (wide){ in[1].f, in[1].fh }, &r))
            return false;
        out->f = r.lo;
        out->fh = r.hi;
        return true;
    }
    return int_binop(u->k, &out->i, &in[0].i, &in[1].i);
}

static bool
elt_negf(void *p, const elt *in, elt *out)
{
    fold_ud *u = p;
    if (u->wf) {
        wide r;
        if (!w_binop(ARITH_NEGF, u->wf == 80, (wide){ in[0].f, in[0].fh },
                     (wide){ in[0].f, in[0].fh }, &r))
            return false;
        out->f = r.lo;
        out->fh = r.hi;
        return true;
    }
    /* FNUZ: zero and NaN keep their (only) encodings, as APFloat. */
    if (u->f->uz && (f_is_zero(u->f, in[0].f) || f_is_nan(u->f, in[0].f)))
        out->f = in[0].f;
    else
        out->f = in[0].f ^ (1ull << (u->f->ebits + u->f->mbits));
    return true;
}

static bool
elt_cmp(void *p, const elt *in, elt *out)
{
    fold_ud *u = p;
    bool r;
    if (u->f ? !cmpf_apply(u->pred, u->f, in[0].f, in[1].f, &r)
             : !cmpi_apply(u->pred, &in[0].i, &in[1].i, &r))
        return false;
    ap_set(&out->i, 1, r);
    return true;
}

static bool
elt_select(void *p, const elt *in, elt *out)
{
    (void)p;
    *out = in[0].i.v[0] & 1 ? in[1] : in[2];
    return true;
}

/* Casts from or to f80/f128 (u->wf / u->wto). */
static bool
elt_wide_cast(const fold_ud *u, const elt *in, elt *out)
{
#if defined(EO_FOLD_F80) || defined(EO_FOLD_F128)
    wide v = { in[0].f, in[0].fh }, r;
    switch (u->k) {
    case ARITH_SITOFP:
    case ARITH_UITOFP:
        if (!w_from_int(u->wto == 80, &in[0].i, u->k == ARITH_SITOFP, &r))
            return false;
        break;
    case ARITH_FPTOSI:
    case ARITH_FPTOUI:
        return w_to_int(u->wf == 80, v, u->width, u->k == ARITH_FPTOSI,
                        &out->i);
    case ARITH_EXTF:
    case ARITH_TRUNCF: {
        cfmt from = { u->f, u->wf == 80 }, to = { u->to, u->wto == 80 };
        if (!w_convert(&from, &to, v, &r))
            return false;
        break;
    }
    case ARITH_BITCAST:
        if (u->wf && u->wto) {
            r = v;
        } else if (u->wto) {        /* from i80 / i128 (same width) */
            r.lo = in[0].i.v[0];
            r.hi = AP_MAXW > 1 ? in[0].i.v[1] : 0;
        } else {
            ap_set(&out->i, u->width, v.lo);
            if (u->width > 64)
                out->i.v[1] = v.hi;
            ap_norm(&out->i);
            return true;
        }
        break;
    default:
        return false;
    }
    out->f = r.lo;
    out->fh = r.hi;
    return true;
#else
    (void)u;
    (void)in;
    (void)out;
    return false;
#endif
}

/* Casts: u->f / u->to are the source / result formats (NULL: integer). */
static bool
elt_cast(void *p, const elt *in, elt *out)
{
    fold_ud *u = p;
    if (u->wf || u->wto)
        return elt_wide_cast(u, in, out);
    switch (u->k) {
    case ARITH_EXTSI:
    case ARITH_INDEX_CAST:
        ap_resize(&out->i, &in[0].i, u->width, true);
        return true;
    case ARITH_EXTUI:
    case ARITH_TRUNCI:
    case ARITH_INDEX_CASTUI:
        ap_resize(&out->i, &in[0].i, u->width, false);
        return true;
    case ARITH_SITOFP:
    case ARITH_UITOFP:
        out->f = int_to_float(u->to, &in[0].i, u->k == ARITH_SITOFP);
        return true;
    case ARITH_FPTOSI:
    case ARITH_FPTOUI:
        return float_to_int(u->f, in[0].f, u->width, u->k == ARITH_FPTOSI,
                            &out->i);
    case ARITH_EXTF:
    case ARITH_TRUNCF:
        return float_convert(u->f, u->to, in[0].f, &out->f);
    case ARITH_BITCAST:
        if (u->to)
            out->f = u->f ? in[0].f : in[0].i.v[0];
        else if (u->f)
            ap_set(&out->i, u->width, in[0].f);
        else
            out->i = in[0].i;
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* Fold hooks                                                          */
/* ------------------------------------------------------------------ */

static eo_op *
def_as(eo_value *v, enum arith_op k)
{
    eo_op *d = v ? eo_value_def_op(v) : NULL;
    return d && arith_op_kind(d) == k ? d : NULL;
}

static const eo_type *
result_type(eo_op *op, size_t i)
{
    return eo_value_type(eo_op_result(op, i));
}

static int64_t
pred_of(eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "predicate");
    return a && eo_attr_get_kind(a) == EO_ATTR_INTEGER ? eo_attr_int_value(a)
                                                       : -1;
}

static bool
fold_attr(eo_fold *out, const eo_attr *a)
{
    return a ? eo_fold_to_attr(out, a) : false;
}

/* The "arith.xori x, -1" defining 'v' (not(x)), or NULL. */
static eo_op *
not_of(eo_value *v, eo_value *x)
{
    eo_op *d = def_as(v, ARITH_XORI);
    if (d && eo_op_operand(d, 0) == x &&
        is_int_all_ones(eo_value_constant(eo_op_operand(d, 1))))
        return d;
    return NULL;
}

/* The bool (or splat-of-bool) constant for a result of type t. */
static const eo_attr *
bool_attr(eo_ctx *ctx, const eo_type *t, bool v)
{
    if (eo_type_elem_or_self(t) == t)
        return eo_attr_get_bool(ctx, v);
    unsigned char b = v;
    if (eo_type_num_elements(t) < 0)
        return NULL;
    return eo_attr_get_dense(ctx, t, &b, 1, true);
}

static bool
is_max_min_identity(enum arith_op k, const eo_attr *c, bool *absorb)
{
    ap x;
    if (!splat_int(c, &x))
        return false;
    bool smax = ap_is_smax(&x), smin = ap_is_smin(&x);
    bool umax = ap_is_all_ones(&x), umin = ap_is_zero(&x);
    switch (k) {
    case ARITH_MAXSI: *absorb = smax; return smax || smin;
    case ARITH_MINSI: *absorb = smin; return smax || smin;
    case ARITH_MAXUI: *absorb = umax; return umax || umin;
    case ARITH_MINUI: *absorb = umin; return umax || umin;
    default: return false;
    }
}

static bool
fold_int_binary(eo_op *op, enum arith_op k, const eo_attr *const cst[],
                eo_fold *out)
{
    eo_ctx *ctx = eo_op_ctx(op);
    eo_value *lhs = eo_op_operand(op, 0), *rhs = eo_op_operand(op, 1);
    const eo_attr *rc = cst[1];
    const eo_type *rt = result_type(op, 0);
    eo_op *d;
    switch (k) {
    case ARITH_ADDI:
        if (is_int_zero(rc))
            return eo_fold_to_value(out, lhs);
        if ((d = def_as(lhs, ARITH_SUBI)) && eo_op_operand(d, 1) == rhs)
            return eo_fold_to_value(out, eo_op_operand(d, 0));
        if ((d = def_as(rhs, ARITH_SUBI)) && eo_op_operand(d, 1) == lhs)
            return eo_fold_to_value(out, eo_op_operand(d, 0));
        break;
    case ARITH_SUBI:
        if (lhs == rhs)
            return fold_attr(out, zero_attr(ctx, rt));
        if (is_int_zero(rc))
            return eo_fold_to_value(out, lhs);
        if ((d = def_as(lhs, ARITH_ADDI))) {
            if (eo_op_operand(d, 1) == rhs)
                return eo_fold_to_value(out, eo_op_operand(d, 0));
            if (eo_op_operand(d, 0) == rhs)
                return eo_fold_to_value(out, eo_op_operand(d, 1));
        }
        break;
    case ARITH_MULI:
        if (is_int_zero(rc))
            return eo_fold_to_value(out, rhs);
        if (is_int_one(rc))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_DIVUI:
    case ARITH_DIVSI:
    case ARITH_CEILDIVUI:
    case ARITH_CEILDIVSI:
    case ARITH_FLOORDIVSI:
        if (is_int_one(rc))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_REMUI:
    case ARITH_REMSI:
        if (is_int_one(rc))
            return fold_attr(out, zero_attr(ctx, rt));
        break;
    case ARITH_ANDI:
        /* The Idempotent trait: and(x, x) -> x. */
        if (lhs == rhs)
            return eo_fold_to_value(out, lhs);
        if (is_int_zero(rc))
            return eo_fold_to_value(out, rhs);
        if (is_int_all_ones(rc))
            return eo_fold_to_value(out, lhs);
        /* and(x, not(x)), and(not(x), x) -> 0 */
        if (not_of(rhs, lhs) || not_of(lhs, rhs))
            return fold_attr(out, zero_attr(ctx, rt));
        /* and(a, and(a, b)) -> and(a, b) */
        for (int rev = 0; rev < 2; rev++) {
            d = def_as(rev ? rhs : lhs, ARITH_ANDI);
            eo_value *other = rev ? lhs : rhs;
            if (d && (other == eo_op_operand(d, 0) ||
                      other == eo_op_operand(d, 1)))
                return eo_fold_to_value(out, eo_op_result(d, 0));
        }
        break;
    case ARITH_ORI:
        /* The Idempotent trait: or(x, x) -> x. */
        if (lhs == rhs)
            return eo_fold_to_value(out, lhs);
        if (is_int_zero(rc))
            return eo_fold_to_value(out, lhs);
        if (is_int_all_ones(rc))
            return eo_fold_to_attr(out, rc);
        /* or(x, xor(x, -1)), or(xor(x, -1), x) -> -1 */
        if ((d = not_of(rhs, lhs)) || (d = not_of(lhs, rhs)))
            return eo_fold_to_value(out, eo_op_operand(d, 1));
        break;
    case ARITH_XORI:
        if (is_int_zero(rc))
            return eo_fold_to_value(out, lhs);
        if (lhs == rhs)
            return fold_attr(out, zero_attr(ctx, rt));
        if ((d = def_as(lhs, ARITH_XORI))) {
            if (eo_op_operand(d, 1) == rhs)
                return eo_fold_to_value(out, eo_op_operand(d, 0));
            if (eo_op_operand(d, 0) == rhs)
                return eo_fold_to_value(out, eo_op_operand(d, 1));
        }
        if ((d = def_as(rhs, ARITH_XORI))) {
            if (eo_op_operand(d, 1) == lhs)
                return eo_fold_to_value(out, eo_op_operand(d, 0));
            if (eo_op_operand(d, 0) == lhs)
                return eo_fold_to_value(out, eo_op_operand(d, 1));
        }
        break;
    case ARITH_SHLI:
    case ARITH_SHRSI:
    case ARITH_SHRUI:
        if (is_int_zero(rc))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_MAXSI:
    case ARITH_MAXUI:
    case ARITH_MINSI:
    case ARITH_MINUI: {
        bool absorb;
        if (lhs == rhs)
            return eo_fold_to_value(out, rhs);
        if (is_max_min_identity(k, rc, &absorb))
            return eo_fold_to_value(out, absorb ? rhs : lhs);
        break;
    }
    default:
        break;
    }
    if (!cst[0] || !cst[1])
        return false;
    fold_ud u = { .k = k };
    return fold_attr(out, fold_elements(ctx, rt, 2, cst, elt_binary, &u));
}

static bool
fold_float_binary(eo_op *op, enum arith_op k, const eo_attr *const cst[],
                  eo_fold *out)
{
    eo_value *lhs = eo_op_operand(op, 0), *rhs = eo_op_operand(op, 1);
    const eo_attr *rc = cst[1];
    switch (k) {
    case ARITH_ADDF:
        if (is_float_val(rc, 0.0, true))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_SUBF:
        if (is_float_val(rc, 0.0, false))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_MULF:
    case ARITH_DIVF:
        if (is_float_val(rc, 1.0, false))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_MAXIMUMF:
    case ARITH_MAXNUMF:
        if (lhs == rhs)
            return eo_fold_to_value(out, rhs);
        if (is_float_val(rc, -INFINITY, true))
            return eo_fold_to_value(out, lhs);
        break;
    case ARITH_MINIMUMF:
    case ARITH_MINNUMF:
        if (lhs == rhs)
            return eo_fold_to_value(out, rhs);
        if (is_float_val(rc, INFINITY, false))
            return eo_fold_to_value(out, lhs);
        break;
    default:
        break;
    }
    if (!cst[0] || !cst[1])
        return false;
    const eo_type *rt = result_type(op, 0);
    fold_ud u = { .k = k, .f = fmt_of(eo_type_elem_or_self(rt)),
                  .wf = wide_of(eo_type_elem_or_self(rt)) };
    if (!u.f && !u.wf)
        return false;
    return fold_attr(out, fold_elements(eo_op_ctx(op), rt, 2, cst, elt_binary,
                                        &u));
}

/* The swapped predicate for moving a constant to the right. */
static int64_t
cmpi_swap(int64_t p)
{
    switch (p) {
    case ARITH_CMPI_SLT: return ARITH_CMPI_SGT;
    case ARITH_CMPI_SGT: return ARITH_CMPI_SLT;
    case ARITH_CMPI_SLE: return ARITH_CMPI_SGE;
    case ARITH_CMPI_SGE: return ARITH_CMPI_SLE;
    case ARITH_CMPI_ULT: return ARITH_CMPI_UGT;
    case ARITH_CMPI_UGT: return ARITH_CMPI_ULT;
    case ARITH_CMPI_ULE: return ARITH_CMPI_UGE;
    case ARITH_CMPI_UGE: return ARITH_CMPI_ULE;
    default: return p;
    }
}

static bool
is_i1_like(const eo_type *t)
{
    return eo_type_is_signless_int(eo_type_elem_or_self(t), 1);
}

static bool
fold_cmpi(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    eo_ctx *ctx = eo_op_ctx(op);
    eo_value *lhs = eo_op_operand(op, 0), *rhs = eo_op_operand(op, 1);
    int64_t pred = pred_of(op);
    const eo_type *rt = result_type(op, 0);
    if (pred < 0 || pred >= ARITH_CMPI_NUM)
        return false;
    if (lhs == rhs) {
        bool v = pred == ARITH_CMPI_EQ || pred == ARITH_CMPI_SLE ||
                 pred == ARITH_CMPI_SGE || pred == ARITH_CMPI_ULE ||
                 pred == ARITH_CMPI_UGE;
        return fold_attr(out, bool_attr(ctx, rt, v));
    }
    if (is_int_zero(cst[1])) {
        eo_op *d = def_as(lhs, ARITH_EXTSI);
        if (!d)
            d = def_as(lhs, ARITH_EXTUI);
        /* ext(%x : i1) != 0 -> %x (scalars and vectors) */
        if (d && pred == ARITH_CMPI_NE) {
            const eo_type *st = eo_value_type(eo_op_operand(d, 0));
            if ((eo_type_get_kind(st) != EO_TYPE_TENSOR &&
                 eo_type_get_kind(st) != EO_TYPE_UNRANKED_TENSOR) &&
                is_i1_like(st))
                return eo_fold_to_value(out, eo_op_operand(d, 0));
        }
        if (is_i1_like(eo_value_type(lhs)) && pred == ARITH_CMPI_NE)
            return eo_fold_to_value(out, lhs);
    }
    if (is_int_one(cst[1]) && is_i1_like(eo_value_type(lhs)) &&
        pred == ARITH_CMPI_EQ)
        return eo_fold_to_value(out, lhs);
    if (cst[0] && !cst[1]) {
        const eo_attr *p = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64),
                                           cmpi_swap(pred));
        if (!p || eo_op_set_attr(op, "predicate", p) != EO_OK)
            return false;
        eo_op_set_operand(op, 0, rhs);
        eo_op_set_operand(op, 1, lhs);
        return eo_fold_in_place(out);
    }
    if (!cst[0] || !cst[1])
        return false;
    fold_ud u = { .k = ARITH_CMPI, .pred = pred };
    return fold_attr(out, fold_elements(ctx, rt, 2, cst, elt_cmp, &u));
}

static bool
fold_cmpf(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    int64_t pred = pred_of(op);
    const eo_attr *a = cst[0], *b = cst[1];
    /* If one operand is NaN, making both NaN does not change the result
     * (scalar FloatAttr operands only, as MLIR). */
    if (a && eo_attr_get_kind(a) != EO_ATTR_FLOAT)
        a = NULL;
    if (b && eo_attr_get_kind(b) != EO_ATTR_FLOAT)
        b = NULL;
    if (a && isnan(eo_attr_float_value(a)))
        b = a;
    if (b && isnan(eo_attr_float_value(b)))
        a = b;
    if (!a || !b || pred < 0 || pred >= ARITH_CMPF_NUM)
        return false;
    bool is80;
    if (wide_kind(eo_attr_type(a), &is80)) {
        bool wr;
        if (!wide_cmpf(pred, a, b, &wr))
            return false;
        return fold_attr(out, eo_attr_get_bool(eo_op_ctx(op), wr));
    }
    if (eo_type_float_width(eo_attr_type(a)) > 64)
        return false;               /* f80/f128 we do not fold */
    /* These float types' values are exact as doubles. */
    double x = eo_attr_float_value(a), y = eo_attr_float_value(b);
    uint64_t bx, by;
    bool r;
    memcpy(&bx, &x, 8);
    memcpy(&by, &y, 8);
    if (!cmpf_apply(pred, &fmt_f64, bx, by, &r))
        return false;
    return fold_attr(out, eo_attr_get_bool(eo_op_ctx(op), r));
}

static bool
fold_select(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    eo_value *c = eo_op_operand(op, 0);
    eo_value *t = eo_op_operand(op, 1), *f = eo_op_operand(op, 2);
    if (t == f)
        return eo_fold_to_value(out, t);
    if (is_int_one(cst[0]))
        return eo_fold_to_value(out, t);
    if (is_int_zero(cst[0]))
        return eo_fold_to_value(out, f);
    /* select %x, true, false -> %x */
    if (eo_type_is_signless_int(result_type(op, 0), 1) && is_int_one(cst[1]) &&
        is_int_zero(cst[2]))
        return eo_fold_to_value(out, c);
    eo_op *cmp = def_as(c, ARITH_CMPI);
    if (cmp) {
        int64_t p = pred_of(cmp);
        eo_value *cl = eo_op_operand(cmp, 0), *cr = eo_op_operand(cmp, 1);
        if ((p == ARITH_CMPI_EQ || p == ARITH_CMPI_NE) &&
            ((cl == t && cr == f) || (cr == t && cl == f)))
            return eo_fold_to_value(out, p == ARITH_CMPI_NE ? t : f);
    }
    /* Non-splat constant condition over constant operands. */
    if (cst[0] && cst[1] && cst[2] &&
        eo_attr_get_kind(cst[0]) == EO_ATTR_DENSE &&
        eo_attr_get_kind(cst[1]) == EO_ATTR_DENSE &&
        eo_attr_get_kind(cst[2]) == EO_ATTR_DENSE) {
        fold_ud u = { .k = ARITH_SELECT };
        return fold_attr(out, fold_elements(eo_op_ctx(op), result_type(op, 0),
                                            3, cst, elt_select, &u));
    }
    return false;
}

/* Integer-like element widths of a value's type (0 if none). */
static unsigned
value_width(eo_value *v)
{
    return int_width_of(eo_type_elem_or_self(eo_value_type(v)));
}

static bool
fold_cast(eo_op *op, enum arith_op k, const eo_attr *const cst[],
          eo_fold *out)
{
    eo_value *in = eo_op_operand(op, 0);
    const eo_type *rt = result_type(op, 0);
    const eo_type *ret = eo_type_elem_or_self(rt);
    const eo_type *iet = eo_type_elem_or_self(eo_value_type(in));
    eo_op *d;
    switch (k) {
    case ARITH_EXTUI:
    case ARITH_EXTSI:
        if ((d = def_as(in, k))) {
            eo_op_set_operand(op, 0, eo_op_operand(d, 0));
            return eo_fold_in_place(out);
        }
        break;
    case ARITH_TRUNCI:
        if ((d = def_as(in, ARITH_EXTUI)) || (d = def_as(in, ARITH_EXTSI))) {
            eo_value *src = eo_op_operand(d, 0);
            const eo_type *st = eo_type_elem_or_self(eo_value_type(src));
            if (eo_type_int_width(st) > eo_type_int_width(ret)) {
                eo_op_set_operand(op, 0, src);
                return eo_fold_in_place(out);
            }
            if (st == ret)
                return eo_fold_to_value(out, src);
        }
        if ((d = def_as(in, ARITH_TRUNCI))) {
            eo_op_set_operand(op, 0, eo_op_operand(d, 0));
            return eo_fold_in_place(out);
        }
        break;
    default:
        break;
    }
    if (!cst[0])
        return false;
    fold_ud u = { .k = k, .f = fmt_of(iet), .to = fmt_of(ret),
                  .wf = wide_of(iet), .wto = wide_of(ret),
                  .width = int_width_of(ret) };
    switch (k) {
    case ARITH_SITOFP:
    case ARITH_UITOFP:
        if ((!u.to && !u.wto) || !value_width(in))
            return false;
        break;
    case ARITH_FPTOSI:
    case ARITH_FPTOUI:
        if ((!u.f && !u.wf) || !u.width)
            return false;
        break;
    case ARITH_EXTF:
    case ARITH_TRUNCF:
        if ((!u.f && !u.wf) || (!u.to && !u.wto))
            return false;
        break;
    case ARITH_BITCAST:
        /* Same widths by verification; floats we cannot encode stay. */
        if ((eo_type_is_float(iet) && !u.f && !u.wf) ||
            (eo_type_is_float(ret) && !u.to && !u.wto))
            return false;
        if ((!u.f && !u.wf && !value_width(in)) ||
            (!u.to && !u.wto && !u.width))
            return false;
        break;
    default:
        if (!u.width || !value_width(in))
            return false;
        break;
    }
    return fold_attr(out, fold_elements(eo_op_ctx(op), rt, 1, cst, elt_cast,
                                        &u));
}

static bool
fold_extended(eo_op *op, enum arith_op k, const eo_attr *const cst[],
              eo_fold *out)
{
    eo_ctx *ctx = eo_op_ctx(op);
    eo_value *lhs = eo_op_operand(op, 0);
    const eo_type *rt = result_type(op, 0);
    if (k == ARITH_ADDUI_EXTENDED) {
        if (is_int_zero(cst[1])) {
            const eo_attr *z = zero_attr(ctx, result_type(op, 1));
            if (!z)
                return false;
            eo_fold_set_value(out, 0, lhs);
            return eo_fold_set_attr(out, 1, z);
        }
    } else {
        if (is_int_zero(cst[1]))
            return eo_fold_set_attr(out, 0, cst[1]) &&
                   eo_fold_set_attr(out, 1, cst[1]);
        if (k == ARITH_MULUI_EXTENDED && is_int_one(cst[1])) {
            const eo_attr *z = zero_attr(ctx, eo_value_type(lhs));
            if (!z)
                return false;
            eo_fold_set_value(out, 0, lhs);
            return eo_fold_set_attr(out, 1, z);
        }
    }
    if (!cst[0] || !cst[1])
        return false;
    cview va, vb;
    if (!view(cst[0], &va) || !view(cst[1], &vb) || fmt_of(va.et))
        return false;
    /* Low result as the plain op, high/overflow element by element. */
    fold_ud lo = { .k = k == ARITH_ADDUI_EXTENDED ? ARITH_ADDI : ARITH_MULI };
    const eo_attr *low = fold_elements(ctx, rt, 2, cst, elt_binary, &lo);
    if (!low)
        return false;
    const eo_attr *high;
    if (k == ARITH_ADDUI_EXTENDED) {
        /* overflow = sum <u lhs */
        const eo_attr *ops[2] = { low, cst[0] };
        fold_ud u = { .k = ARITH_CMPI, .pred = ARITH_CMPI_ULT };
        high = fold_elements(ctx, result_type(op, 1), 2, ops, elt_cmp, &u);
    } else {
        cview v[2];
        elt a, b;
        view(cst[0], &v[0]);
        view(cst[1], &v[1]);
        if (v[0].dense && !v[0].splat)
            return false;          /* dense high parts: not folded */
        if (v[1].dense && !v[1].splat)
            return false;
        read_elt(&v[0], 0, &a);
        read_elt(&v[1], 0, &b);
        elt h;
        memset(&h, 0, sizeof h);
        if (!ap_mul_high(&h.i, &a.i, &b.i, k == ARITH_MULSI_EXTENDED))
            return false;
        if (v[0].dense) {
            unsigned char buf[AP_MAXW * 8];
            size_t eb = eo_dense_elem_bytes(eo_type_elem(rt));
            if (eb > sizeof buf)
                return false;
            write_elt(buf, eb, eo_type_elem(rt), &h);
            high = eo_attr_get_dense(ctx, rt, buf, eb, true);
        } else {
            high = scalar_attr(ctx, rt, &h);
        }
    }
    if (!high)
        return false;
    return eo_fold_set_attr(out, 0, low) && eo_fold_set_attr(out, 1, high);
}

bool
arith_fold(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    enum arith_op k = arith_op_kind(op);
    switch (k) {
    case ARITH_CONSTANT:
        return fold_attr(out, eo_op_attr(op, "value"));
    case ARITH_ADDI: case ARITH_SUBI: case ARITH_MULI:
    case ARITH_DIVSI: case ARITH_DIVUI: case ARITH_CEILDIVSI:
    case ARITH_CEILDIVUI: case ARITH_FLOORDIVSI: case ARITH_REMSI:
    case ARITH_REMUI: case ARITH_ANDI: case ARITH_ORI: case ARITH_XORI:
    case ARITH_SHLI: case ARITH_SHRSI: case ARITH_SHRUI:
    case ARITH_MAXSI: case ARITH_MAXUI: case ARITH_MINSI: case ARITH_MINUI:
        return fold_int_binary(op, k, cst, out);
    case ARITH_ADDUI_EXTENDED:
    case ARITH_MULSI_EXTENDED:
    case ARITH_MULUI_EXTENDED:
        return fold_extended(op, k, cst, out);
    case ARITH_ADDF: case ARITH_SUBF: case ARITH_MULF: case ARITH_DIVF:
    case ARITH_REMF: case ARITH_MAXIMUMF: case ARITH_MINIMUMF:
    case ARITH_MAXNUMF: case ARITH_MINNUMF:
        return fold_float_binary(op, k, cst, out);
    case ARITH_NEGF: {
        eo_op *d = def_as(eo_op_operand(op, 0), ARITH_NEGF);
        if (d)
            return eo_fold_to_value(out, eo_op_operand(d, 0));
        const eo_type *rt = result_type(op, 0);
        fold_ud u = { .k = k, .f = fmt_of(eo_type_elem_or_self(rt)),
                      .wf = wide_of(eo_type_elem_or_self(rt)) };
        if (!cst[0] || (!u.f && !u.wf))
            return false;
        return fold_attr(out, fold_elements(eo_op_ctx(op), rt, 1, cst,
                                            elt_negf, &u));
    }
    case ARITH_CMPI:
        return fold_cmpi(op, cst, out);
    case ARITH_CMPF:
        return fold_cmpf(op, cst, out);
    case ARITH_SELECT:
        return fold_select(op, cst, out);
    case ARITH_EXTSI: case ARITH_EXTUI: case ARITH_TRUNCI:
    case ARITH_EXTF: case ARITH_TRUNCF: case ARITH_SITOFP:
    case ARITH_UITOFP: case ARITH_FPTOSI: case ARITH_FPTOUI:
    case ARITH_INDEX_CAST: case ARITH_INDEX_CASTUI: case ARITH_BITCAST:
        return fold_cast(op, k, cst, out);
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* Constant materialization                                            */
/* ------------------------------------------------------------------ */

eo_op *
arith_materialize_constant(eo_rewriter *rw, const eo_attr *value,
                           const eo_type *type, const eo_loc *loc)
{
    if (!value || !type || eo_attr_type(value) != type)
        return NULL;
    eo_attr_kind ak = eo_attr_get_kind(value);
    if (ak != EO_ATTR_INTEGER && ak != EO_ATTR_FLOAT && ak != EO_ATTR_DENSE &&
        ak != EO_ATTR_DENSE_RESOURCE)
        return NULL;
    const eo_type *et = eo_type_elem_or_self(type);
    if (eo_type_is_int(et) && eo_type_int_signedness(et) != EO_SIGNLESS)
        return NULL;
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw),
                         arith_op_def(ARITH_CONSTANT), loc);
    if (eo_op_state_add_result(&st, type) != EO_OK ||
        eo_op_state_set_attr(&st, "value", value) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

/* ------------------------------------------------------------------ */
/* Canonicalization patterns (MLIR's names, ArithCanonicalization.td)  */
/* ------------------------------------------------------------------ */

static unsigned
ovf_of(eo_op *op)
{
    unsigned f = 0;
    const eo_attr *a = eo_op_attr(op, "overflowFlags");
    if (a && !arith_overflow_flags(a, &f))
        f = 0;
    return f;
}

/* Creates arith op k before the root with one result of type rt;
 * 'flags' is the overflow (or, for cmpi, predicate) property. */
static eo_value *
build(eo_rewriter *rw, eo_op *root, enum arith_op k, size_t n,
      eo_value *const *ops, const eo_type *rt, unsigned ovf)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, arith_op_def(k), eo_op_loc(root));
    if (eo_op_state_add_operands(&st, n, ops) != EO_OK ||
        eo_op_state_add_result(&st, rt) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    if (ovf) {
        const eo_attr *a = arith_overflow_attr(ctx, ovf);
        if (!a || eo_op_state_set_attr(&st, "overflowFlags", a) != EO_OK) {
            eo_op_state_release(&st);
            return NULL;
        }
    }
    eo_op *op = eo_rewriter_create(rw, &st);
    return op ? eo_op_result(op, 0) : NULL;
}

static eo_value *
build_cmpi(eo_rewriter *rw, eo_op *root, int64_t pred, eo_value *a,
           eo_value *b)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_op_state st;
    eo_value *ops[2] = { a, b };
    const eo_attr *p = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64), pred);
    eo_op_state_init_def(&st, ctx, arith_op_def(ARITH_CMPI), eo_op_loc(root));
    if (!p || eo_op_state_add_operands(&st, 2, ops) != EO_OK ||
        eo_op_state_add_result(&st, result_type(root, 0)) != EO_OK ||
        eo_op_state_set_attr(&st, "predicate", p) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *op = eo_rewriter_create(rw, &st);
    return op ? eo_op_result(op, 0) : NULL;
}

static eo_value *
build_const(eo_rewriter *rw, eo_op *root, const eo_attr *a)
{
    eo_op *c = a ? arith_materialize_constant(rw, a, eo_attr_type(a),
                                              eo_op_loc(root))
                 : NULL;
    return c ? eo_op_result(c, 0) : NULL;
}

static eo_rewrite_result
replace_with(eo_rewriter *rw, eo_op *op, eo_value *v)
{
    if (!v)
        return EO_REWRITE_FAILED;
    eo_rewriter_replace_op(rw, op, &v);
    return EO_REWRITE_APPLIED;
}

/* A scalar integer constant operand (ConstantLikeMatcher APIntAttr). */
static const eo_attr *
int_cst(eo_value *v)
{
    const eo_attr *a = eo_value_constant(v);
    return a && eo_attr_get_kind(a) == EO_ATTR_INTEGER ? a : NULL;
}

/* c0 op c1 at the result type (k: ADDI, SUBI or MULI). */
static const eo_attr *
combine(eo_op *op, enum arith_op k, const eo_attr *c0, const eo_attr *c1)
{
    const eo_type *rt = result_type(op, 0);
    unsigned w = int_width_of(rt);
    if (!w || eo_attr_type(c0) != rt || eo_attr_type(c1) != rt)
        return NULL;
    cview v0, v1;
    elt a, b;
    ap r;
    if (!view(c0, &v0) || !view(c1, &v1))
        return NULL;
    read_elt(&v0, 0, &a);
    read_elt(&v1, 0, &b);
    if (!int_binop(k, &r, &a.i, &b.i))
        return NULL;
    return eo_attr_get_int_words(eo_op_ctx(op), rt, ap_nw(w), r.v);
}

/* Matches op(inner(x?, c?), c1) shapes of the reassociation patterns:
 * 'inner' is the defining op of operand 'pos' of kind 'ik'. */
typedef struct reassoc {
    enum arith_op inner;            /* kind of the nested op */
    int outer_cst;                  /* which outer operand is constant */
    int inner_cst;                  /* which inner operand is constant */
    enum arith_op fold;             /* c = c_a fold c_b */
    bool swap;                      /* c = c1 fold c0 instead of c0, c1 */
    enum arith_op result;           /* op built */
    bool cst_first;                 /* result is op(c, x), else op(x, c) */
    bool merge_ovf;                 /* merged flags, else none */
} reassoc;

static eo_rewrite_result
match_reassoc(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    const reassoc *r = pat->data;
    const eo_attr *c1 = int_cst(eo_op_operand(op, r->outer_cst));
    if (!c1)
        return EO_REWRITE_NO_MATCH;
    eo_op *in = def_as(eo_op_operand(op, 1 - r->outer_cst), r->inner);
    if (!in)
        return EO_REWRITE_NO_MATCH;
    const eo_attr *c0 = int_cst(eo_op_operand(in, r->inner_cst));
    if (!c0)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(in, 1 - r->inner_cst);
    const eo_attr *c = r->swap ? combine(op, r->fold, c1, c0)
                               : combine(op, r->fold, c0, c1);
    if (!c)
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *cv = build_const(rw, op, c);
    if (!cv)
        return EO_REWRITE_FAILED;
    eo_value *ops[2] = { x, cv };
    if (r->cst_first) {
        ops[0] = cv;
        ops[1] = x;
    }
    unsigned ovf = r->merge_ovf ? ovf_of(op) & ovf_of(in) : 0;
    return replace_with(rw, op, build(rw, op, r->result, 2, ops,
                                      result_type(op, 0), ovf));
}

/* addi(x, muli(y, -1)) -> subi(x, y); addi(muli(x, -1), y) -> subi(y, x) */
static eo_rewrite_result
match_addi_mul_neg_one(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    int side = pat->data ? 0 : 1;   /* operand holding the muli */
    eo_op *m = def_as(eo_op_operand(op, side), ARITH_MULI);
    if (!m || !is_int_all_ones(eo_value_constant(eo_op_operand(m, 1))))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *ops[2] = { eo_op_operand(op, 1 - side), eo_op_operand(m, 0) };
    return replace_with(rw, op, build(rw, op, ARITH_SUBI, 2, ops,
                                      result_type(op, 0), 0));
}

/* subi(subi(a, b), a) -> subi(0, b) */
static eo_rewrite_result
match_subi_subi_lhs(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *in = def_as(eo_op_operand(op, 0), ARITH_SUBI);
    if (!in || eo_op_operand(in, 0) != eo_op_operand(op, 1))
        return EO_REWRITE_NO_MATCH;
    eo_value *y = eo_op_operand(in, 1);
    const eo_attr *z = zero_attr(eo_op_ctx(op), eo_value_type(y));
    if (!z)
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *zv = build_const(rw, op, z);
    if (!zv)
        return EO_REWRITE_FAILED;
    eo_value *ops[2] = { zv, y };
    return replace_with(rw, op, build(rw, op, ARITH_SUBI, 2, ops,
                                      result_type(op, 0),
                                      ovf_of(op) & ovf_of(in)));
}

/* xori(cmpi(pred, a, b), true) -> cmpi(~pred, a, b) */
static eo_rewrite_result
match_xori_not_cmpi(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_attr *c = int_cst(eo_op_operand(op, 1));
    eo_op *cmp = def_as(eo_op_operand(op, 0), ARITH_CMPI);
    if (!c || !cmp || !eo_type_is_signless_int(eo_attr_type(c), 1) ||
        !(eo_attr_int_uvalue(c) & 1))
        return EO_REWRITE_NO_MATCH;
    static const int64_t inv[ARITH_CMPI_NUM] = {
        [ARITH_CMPI_EQ] = ARITH_CMPI_NE, [ARITH_CMPI_NE] = ARITH_CMPI_EQ,
        [ARITH_CMPI_SLT] = ARITH_CMPI_SGE, [ARITH_CMPI_SLE] = ARITH_CMPI_SGT,
        [ARITH_CMPI_SGT] = ARITH_CMPI_SLE, [ARITH_CMPI_SGE] = ARITH_CMPI_SLT,
        [ARITH_CMPI_ULT] = ARITH_CMPI_UGE, [ARITH_CMPI_ULE] = ARITH_CMPI_UGT,
        [ARITH_CMPI_UGT] = ARITH_CMPI_ULE, [ARITH_CMPI_UGE] = ARITH_CMPI_ULT,
    };
    int64_t p = pred_of(cmp);
    if (p < 0 || p >= ARITH_CMPI_NUM)
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    return replace_with(rw, op, build_cmpi(rw, op, inv[p],
                                           eo_op_operand(cmp, 0),
                                           eo_op_operand(cmp, 1)));
}

/* op(ext(x), ext(y)) -> ext(op(x, y)) for andi/ori/xori, same x/y type;
 * data is the ext kind. */
static eo_rewrite_result
match_logic_of_ext(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    enum arith_op ek = (enum arith_op)(intptr_t)pat->data;
    eo_op *a = def_as(eo_op_operand(op, 0), ek);
    eo_op *b = def_as(eo_op_operand(op, 1), ek);
    if (!a || !b)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(a, 0), *y = eo_op_operand(b, 0);
    if (eo_value_type(x) != eo_value_type(y))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *ops[2] = { x, y };
    eo_value *in = build(rw, op, arith_op_kind(op), 2, ops, eo_value_type(x),
                         0);
    if (!in)
        return EO_REWRITE_FAILED;
    return replace_with(rw, op, build(rw, op, ek, 1, &in,
                                      result_type(op, 0), 0));
}

/* cmpi(eq|ne, ext(a), ext(b)) -> cmpi(eq|ne, a, b); data: ext kind. */
static eo_rewrite_result
match_cmpi_ext(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    enum arith_op ek = (enum arith_op)(intptr_t)pat->data;
    int64_t p = pred_of(op);
    if (p != ARITH_CMPI_EQ && p != ARITH_CMPI_NE)
        return EO_REWRITE_NO_MATCH;
    eo_op *a = def_as(eo_op_operand(op, 0), ek);
    eo_op *b = def_as(eo_op_operand(op, 1), ek);
    if (!a || !b ||
        eo_value_type(eo_op_operand(a, 0)) !=
            eo_value_type(eo_op_operand(b, 0)))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    return replace_with(rw, op, build_cmpi(rw, op, p, eo_op_operand(a, 0),
                                           eo_op_operand(b, 0)));
}

/* The cmpi predicate a cmpf predicate becomes on (s|u)itofp operands, or
 * -1 for none (ord, uno and the constant predicates are handled apart). */
static int64_t
cmpf_to_cmpi(int64_t p, bool uns)
{
    switch (p) {
    case ARITH_CMPF_OEQ:
    case ARITH_CMPF_UEQ:
        return ARITH_CMPI_EQ;
    case ARITH_CMPF_OGT:
    case ARITH_CMPF_UGT:
        return uns ? ARITH_CMPI_UGT : ARITH_CMPI_SGT;
    case ARITH_CMPF_OGE:
    case ARITH_CMPF_UGE:
        return uns ? ARITH_CMPI_UGE : ARITH_CMPI_SGE;
    case ARITH_CMPF_OLT:
    case ARITH_CMPF_ULT:
        return uns ? ARITH_CMPI_ULT : ARITH_CMPI_SLT;
    case ARITH_CMPF_OLE:
    case ARITH_CMPF_ULE:
        return uns ? ARITH_CMPI_ULE : ARITH_CMPI_SLE;
    case ARITH_CMPF_ONE:
    case ARITH_CMPF_UNE:
        return ARITH_CMPI_NE;
    default:
        return -1;
    }
}

/* The cmpi predicate for (float)x pred c where c is not an integer
 * (x pred trunc(c) after the adjustment); 'neg' is c < 0. Sets *cst to
 * 0 or 1 when the comparison is a constant, else leaves it alone. */
static int64_t
cmpi_fractional(int64_t p, bool neg, int *cst)
{
    switch (p) {
    case ARITH_CMPI_NE:
        *cst = 1;
        return p;
    case ARITH_CMPI_EQ:
        *cst = 0;
        return p;
    case ARITH_CMPI_ULE:
        if (neg)
            *cst = 0;
        return p;
    case ARITH_CMPI_SLE:
        return neg ? ARITH_CMPI_SLT : p;
    case ARITH_CMPI_ULT:
        if (neg)
            *cst = 0;
        return ARITH_CMPI_ULE;
    case ARITH_CMPI_SLT:
        return neg ? p : ARITH_CMPI_SLE;
    case ARITH_CMPI_UGT:
        if (neg)
            *cst = 1;
        return p;
    case ARITH_CMPI_SGT:
        return neg ? ARITH_CMPI_SGE : p;
    case ARITH_CMPI_UGE:
        if (neg)
            *cst = 1;
        return ARITH_CMPI_UGT;
    case ARITH_CMPI_SGE:
        return neg ? p : ARITH_CMPI_SGT;
    default:
        return p;
    }
}

/* binary exponent of a finite nonzero d (ilogb) */
static int
exp_of(double d)
{
    int e;
    (void)frexp(d, &e);
    return e - 1;
}

/* cmpf(pred, (s|u)itofp(x), c) -> cmpi(pred', x, trunc(c)) or a bool
 * constant, when the conversion cannot change the comparison
 * (CmpFIntToFPConst). */
static eo_rewrite_result
match_cmpf_int_to_fp_const(const eo_pattern *pat, eo_op *op,
                           eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr *c = eo_value_constant(eo_op_operand(op, 1));
    if (!c || eo_attr_get_kind(c) != EO_ATTR_FLOAT)
        return EO_REWRITE_NO_MATCH;
    double rhs = eo_attr_float_value(c);
    const fmt *f = fmt_of(eo_attr_type(c));
    if (isnan(rhs) || !f)
        return EO_REWRITE_NO_MATCH;
    eo_value *lhs = eo_op_operand(op, 0);
    eo_op *cv = def_as(lhs, ARITH_SITOFP);
    bool uns = false;
    if (!cv) {
        cv = def_as(lhs, ARITH_UITOFP);
        uns = true;
    }
    if (!cv)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(cv, 0);
    const eo_type *it = eo_value_type(x);
    unsigned w = eo_type_is_int(it) ? int_width_of(it) : 0;
    if (!w)
        return EO_REWRITE_NO_MATCH;
    int mant = f->mbits + 1;
    int vbits = (int)(uns ? w : w - 1);
    /* A wide integer may round: give up where rounding can matter. */
    if ((int)w > mant) {
        if (isinf(rhs)) {
            int emax = (1 << (f->ebits - 1)) - 1;
            if (emax < vbits)
                return EO_REWRITE_NO_MATCH;
        } else if (rhs != 0) {
            int e = exp_of(rhs);
            if (mant <= e && e <= vbits)
                return EO_REWRITE_NO_MATCH;
        }
    }
    int64_t fp = pred_of(op);
    const eo_type *rt = result_type(op, 0);
    int cst = -1;
    if (fp == ARITH_CMPF_ORD || fp == ARITH_CMPF_UNO)
        cst = fp == ARITH_CMPF_ORD;
    int64_t p = cmpf_to_cmpi(fp, uns);
    if (cst < 0 && p < 0)
        return EO_REWRITE_NO_MATCH;
    ap hi, lo;
    ap_fill(&hi, w, true);
    ap_set(&lo, w, 0);
    if (!uns) {
        hi.v[(w - 1) / 64] &= ~(1ull << ((w - 1) % 64));
        lo.v[(w - 1) / 64] |= 1ull << ((w - 1) % 64);
    }
    double max = f_to_double(f, int_to_float(f, &hi, !uns));
    double min = f_to_double(f, int_to_float(f, &lo, !uns));
    if (cst < 0 && max < rhs)
        cst = p == ARITH_CMPI_NE || p == ARITH_CMPI_SLT ||
              p == ARITH_CMPI_SLE || p == ARITH_CMPI_ULT ||
              p == ARITH_CMPI_ULE;
    else if (cst < 0 && min > rhs)
        cst = p == ARITH_CMPI_NE || p == ARITH_CMPI_SGT ||
              p == ARITH_CMPI_SGE || p == ARITH_CMPI_UGT ||
              p == ARITH_CMPI_UGE;
    ap ri;
    if (cst < 0) {
        uint64_t bits;
        memcpy(&bits, &rhs, 8);
        if (!float_to_int(&fmt_f64, bits, w, !uns, &ri))
            return EO_REWRITE_NO_MATCH;
        if (rhs != 0 &&
            f_to_double(f, int_to_float(f, &ri, !uns)) != rhs)
            p = cmpi_fractional(p, rhs < 0, &cst);
    }
    eo_builder_set_before(&rw->b, op);
    if (cst >= 0)
        return replace_with(rw, op, build_const(rw, op,
                                                bool_attr(ctx, rt, cst)));
    eo_value *k = build_const(rw, op,
                              eo_attr_get_int_words(ctx, it, ap_nw(w),
                                                    ri.v));
    if (!k)
        return EO_REWRITE_FAILED;
    return replace_with(rw, op, build_cmpi(rw, op, p, x, k));
}

static eo_value *
build_select(eo_rewriter *rw, eo_op *root, eo_value *c, eo_value *t,
             eo_value *f)
{
    eo_value *ops[3] = { c, t, f };
    return build(rw, root, ARITH_SELECT, 3, ops, result_type(root, 0), 0);
}

/* select(p, select(p, a, b), c) -> select(p, a, c) (data NULL) and
 * select(p, a, select(p, b, c)) -> select(p, a, c) (data non-NULL). */
static eo_rewrite_result
match_redundant_select(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    bool false_side = pat->data != NULL;
    eo_value *p = eo_op_operand(op, 0);
    eo_op *in = def_as(eo_op_operand(op, false_side ? 2 : 1), ARITH_SELECT);
    if (!in || eo_op_operand(in, 0) != p)
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    if (false_side)
        return replace_with(rw, op, build_select(rw, op, p,
                                                 eo_op_operand(op, 1),
                                                 eo_op_operand(in, 2)));
    return replace_with(rw, op, build_select(rw, op, p, eo_op_operand(in, 1),
                                             eo_op_operand(op, 2)));
}

/* select(xori(p, -1), a, b) -> select(p, b, a) */
static eo_rewrite_result
match_select_not_cond(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *x = def_as(eo_op_operand(op, 0), ARITH_XORI);
    if (!x || !int_cst(eo_op_operand(x, 1)) ||
        !is_int_all_ones(eo_value_constant(eo_op_operand(x, 1))))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    return replace_with(rw, op, build_select(rw, op, eo_op_operand(x, 0),
                                             eo_op_operand(op, 2),
                                             eo_op_operand(op, 1)));
}

static bool
is_i1_cst(eo_value *v, bool val)
{
    const eo_attr *a = int_cst(v);
    return a && eo_type_is_signless_int(eo_attr_type(a), 1) &&
           (eo_attr_int_uvalue(a) & 1) == val;
}

/* select(p, false, true) -> xori(p, true) */
static eo_rewrite_result
match_select_i1_to_not(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!is_i1_cst(eo_op_operand(op, 1), false) ||
        !is_i1_cst(eo_op_operand(op, 2), true))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *t = build_const(rw, op, eo_attr_get_bool(eo_op_ctx(op), true));
    if (!t)
        return EO_REWRITE_FAILED;
    eo_value *ops[2] = { eo_op_operand(op, 0), t };
    return replace_with(rw, op, build(rw, op, ARITH_XORI, 2, ops,
                                      result_type(op, 0), 0));
}

/* select(p, 1, 0) -> extui(p); select(p, 0, 1) -> extui(xori(p, 1)) for
 * scalar integers wider than i1. */
static eo_rewrite_result
match_select_to_extui(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_type *rt = result_type(op, 0);
    if (!eo_type_is_int(rt) || eo_type_is_signless_int(rt, 1))
        return EO_REWRITE_NO_MATCH;
    const eo_attr *t = eo_value_constant(eo_op_operand(op, 1));
    const eo_attr *f = eo_value_constant(eo_op_operand(op, 2));
    eo_value *c = eo_op_operand(op, 0);
    if (is_int_one(t) && is_int_zero(f)) {
        eo_builder_set_before(&rw->b, op);
        return replace_with(rw, op, build(rw, op, ARITH_EXTUI, 1, &c, rt, 0));
    }
    if (is_int_zero(t) && is_int_one(f)) {
        eo_builder_set_before(&rw->b, op);
        const eo_type *ct = eo_value_type(c);
        eo_value *one = build_const(rw, op,
                                    eo_attr_get_int(eo_op_ctx(op), ct, 1));
        if (!one)
            return EO_REWRITE_FAILED;
        eo_value *ops[2] = { c, one };
        eo_value *n = build(rw, op, ARITH_XORI, 2, ops, ct, 0);
        if (!n)
            return EO_REWRITE_FAILED;
        return replace_with(rw, op, build(rw, op, ARITH_EXTUI, 1, &n, rt, 0));
    }
    return EO_REWRITE_NO_MATCH;
}

/* cast(cast(x)) -> x when the types round-trip (index_cast chains). */
static eo_rewrite_result
match_cast_of_same_cast(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *in = def_as(eo_op_operand(op, 0), arith_op_kind(op));
    if (!in || eo_value_type(eo_op_operand(in, 0)) != result_type(op, 0))
        return EO_REWRITE_NO_MATCH;
    return replace_with(rw, op, eo_op_operand(in, 0));
}

/* cast(inner(x)) -> result(x): data packs inner and result kinds. */
typedef struct cast_chain {
    enum arith_op inner, result;
} cast_chain;

static eo_rewrite_result
match_cast_chain(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    const cast_chain *c = pat->data;
    eo_op *in = def_as(eo_op_operand(op, 0), c->inner);
    if (!in)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(in, 0);
    eo_builder_set_before(&rw->b, op);
    return replace_with(rw, op, build(rw, op, c->result, 1, &x,
                                      result_type(op, 0), 0));
}

static int
elem_width(const eo_type *t)
{
    const eo_type *e = eo_type_elem_or_self(t);
    if (eo_type_is_int(e))
        return (int)eo_type_int_width(e);
    if (eo_type_is_float(e))
        return (int)eo_type_float_width(e);
    return -1;
}

/* trunci(ext(x)) -> ext(x) when only extension bits are dropped. */
static eo_rewrite_result
match_trunci_ext(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    enum arith_op ek = (enum arith_op)(intptr_t)pat->data;
    eo_op *ext = def_as(eo_op_operand(op, 0), ek);
    if (!ext)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(ext, 0);
    int we = elem_width(result_type(ext, 0));
    int wt = elem_width(result_type(op, 0));
    int wx = elem_width(eo_value_type(x));
    if (!(we > wt && wt > 0 && wt > wx && wx > 0))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    return replace_with(rw, op, build(rw, op, ek, 1, &x, result_type(op, 0),
                                      0));
}

/* trunci(shrsi(x, c)) -> trunci(shrui(x, c)) when c = width(x) -
 * width(result): the bits kept are the same. */
static eo_rewrite_result
match_trunci_shrsi(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *sh = def_as(eo_op_operand(op, 0), ARITH_SHRSI);
    if (!sh)
        return EO_REWRITE_NO_MATCH;
    const eo_attr *c = eo_value_constant(eo_op_operand(sh, 1));
    ap amt;
    eo_value *x = eo_op_operand(sh, 0);
    int wx = elem_width(eo_value_type(x)), wt = elem_width(result_type(op, 0));
    if (!splat_int(c, &amt) || amt.width > 64 ||
        ap_nw(amt.width) > 1 || amt.v[0] != (uint64_t)(wx - wt))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *cv = build_const(rw, op, c);
    if (!cv)
        return EO_REWRITE_FAILED;
    eo_value *ops[2] = { x, cv };
    eo_value *u = build(rw, op, ARITH_SHRUI, 2, ops, eo_value_type(x), 0);
    if (!u)
        return EO_REWRITE_FAILED;
    return replace_with(rw, op, build(rw, op, ARITH_TRUNCI, 1, &u,
                                      result_type(op, 0), ovf_of(op)));
}

/* mulf/divf(negf(x), negf(y)) -> mulf/divf(x, y), keeping fastmath. */
static eo_rewrite_result
match_f_of_negf(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *a = def_as(eo_op_operand(op, 0), ARITH_NEGF);
    eo_op *b = def_as(eo_op_operand(op, 1), ARITH_NEGF);
    if (!a || !b ||
        eo_value_type(eo_op_operand(a, 0)) !=
            eo_value_type(eo_op_operand(b, 0)))
        return EO_REWRITE_NO_MATCH;
    eo_rewriter_modify_begin(rw, op);
    eo_op_set_operand(op, 0, eo_op_operand(a, 0));
    eo_op_set_operand(op, 1, eo_op_operand(b, 0));
    eo_rewriter_modify_end(rw, op);
    return EO_REWRITE_APPLIED;
}

/* addui_extended / mul?i_extended with the second result unused ->
 * [addi/muli(x, y), x]. */
static eo_rewrite_result
match_extended_to_plain(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    enum arith_op k = (enum arith_op)(intptr_t)pat->data;
    if (eo_value_has_uses(eo_op_result(op, 1)))
        return EO_REWRITE_NO_MATCH;
    eo_builder_set_before(&rw->b, op);
    eo_value *ops[2] = { eo_op_operand(op, 0), eo_op_operand(op, 1) };
    eo_value *v = build(rw, op, k, 2, ops, result_type(op, 0), 0);
    if (!v)
        return EO_REWRITE_FAILED;
    eo_value *vals[2] = { v, eo_op_operand(op, 0) };
    eo_rewriter_replace_op(rw, op, vals);
    return EO_REWRITE_APPLIED;
}

/* mulsi_extended(x, 1) -> [x, extsi(cmpi slt(x, 0))] */
static eo_rewrite_result
match_mulsi_extended_one(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    ap one;
    const eo_attr *c = eo_value_constant(eo_op_operand(op, 1));
    if (!splat_int(c, &one) || !ap_is_one(&one) ||
        ap_neg(&one))           /* isStrictlyPositive: i1 1 is -1 */
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(op, 0);
    const eo_type *xt = eo_value_type(x);
    const eo_attr *z = zero_attr(eo_op_ctx(op), xt);
    const eo_type *bt = eo_value_type(eo_op_result(op, 0));
    if (!z || eo_type_elem_or_self(bt) != bt)
        return EO_REWRITE_NO_MATCH;  /* shaped i1 results: not built */
    eo_builder_set_before(&rw->b, op);
    eo_value *zv = build_const(rw, op, z);
    if (!zv)
        return EO_REWRITE_FAILED;
    eo_ctx *ctx = eo_op_ctx(op);
    eo_op_state st;
    eo_value *ops[2] = { x, zv };
    const eo_attr *p = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64),
                                       ARITH_CMPI_SLT);
    eo_op_state_init_def(&st, ctx, arith_op_def(ARITH_CMPI), eo_op_loc(op));
    if (!p || eo_op_state_add_operands(&st, 2, ops) != EO_OK ||
        eo_op_state_add_result(&st, eo_type_get_int(ctx, 1)) != EO_OK ||
        eo_op_state_set_attr(&st, "predicate", p) != EO_OK) {
        eo_op_state_release(&st);
        return EO_REWRITE_FAILED;
    }
    eo_op *cmp = eo_rewriter_create(rw, &st);
    if (!cmp)
        return EO_REWRITE_FAILED;
    eo_value *cv = eo_op_result(cmp, 0);
    eo_value *hi = build(rw, op, ARITH_EXTSI, 1, &cv, xt, 0);
    if (!hi)
        return EO_REWRITE_FAILED;
    eo_value *vals[2] = { x, hi };
    eo_rewriter_replace_op(rw, op, vals);
    return EO_REWRITE_APPLIED;
}

#define REASSOC(name, root, ...)                                            \
    { name, "arith." root, 1, match_reassoc, &(const reassoc){ __VA_ARGS__ } }
#define PAT(name, root, fn, data) { name, "arith." root, 1, fn, data }
#define KIND(k) ((const void *)(intptr_t)(k))

static const cast_chain index_cast_of_extsi = { ARITH_EXTSI,
                                                ARITH_INDEX_CAST };
static const cast_chain index_castui_of_extui = { ARITH_EXTUI,
                                                  ARITH_INDEX_CASTUI };
static const cast_chain bitcast_of_bitcast = { ARITH_BITCAST, ARITH_BITCAST };
static const cast_chain extsi_of_extui = { ARITH_EXTUI, ARITH_EXTUI };

const eo_pattern arith_canon[ARITH_NUM_OPS][ARITH_CANON_MAX] = {
    [ARITH_ADDI] = {
        /* addi(addi(x, c0), c1) -> addi(x, c0 + c1) */
        REASSOC("AddIAddConstant", "addi", ARITH_ADDI, 1, 1, ARITH_ADDI,
                false, ARITH_ADDI, false, true),
        /* addi(subi(x, c0), c1) -> addi(x, c1 - c0) */
        REASSOC("AddISubConstantRHS", "addi", ARITH_SUBI, 1, 1, ARITH_SUBI,
                true, ARITH_ADDI, false, true),
        /* addi(subi(c0, x), c1) -> subi(c0 + c1, x) */
        REASSOC("AddISubConstantLHS", "addi", ARITH_SUBI, 1, 0, ARITH_ADDI,
                false, ARITH_SUBI, true, true),
        PAT("AddIMulNegativeOneRhs", "addi", match_addi_mul_neg_one, NULL),
        PAT("AddIMulNegativeOneLhs", "addi", match_addi_mul_neg_one,
            KIND(1)),
    },
    [ARITH_SUBI] = {
        /* subi(addi(x, c0), c1) -> addi(x, c0 - c1) */
        REASSOC("SubIRHSAddConstant", "subi", ARITH_ADDI, 1, 1, ARITH_SUBI,
                false, ARITH_ADDI, false, false),
        /* subi(c1, addi(x, c0)) -> subi(c1 - c0, x) */
        REASSOC("SubILHSAddConstant", "subi", ARITH_ADDI, 0, 1, ARITH_SUBI,
                true, ARITH_SUBI, true, true),
        /* subi(subi(x, c0), c1) -> subi(x, c0 + c1) */
        REASSOC("SubIRHSSubConstantRHS", "subi", ARITH_SUBI, 1, 1,
                ARITH_ADDI, false, ARITH_SUBI, false, true),
        /* subi(subi(c0, x), c1) -> subi(c0 - c1, x) */
        REASSOC("SubIRHSSubConstantLHS", "subi", ARITH_SUBI, 1, 0,
                ARITH_SUBI, false, ARITH_SUBI, true, true),
        /* subi(c1, subi(x, c0)) -> subi(c0 + c1, x) */
        REASSOC("SubILHSSubConstantRHS", "subi", ARITH_SUBI, 0, 1,
                ARITH_ADDI, false, ARITH_SUBI, true, true),
        /* subi(c1, subi(c0, x)) -> addi(x, c1 - c0) */
        REASSOC("SubILHSSubConstantLHS", "subi", ARITH_SUBI, 0, 0,
                ARITH_SUBI, true, ARITH_ADDI, false, true),
        PAT("SubISubILHSRHSLHS", "subi", match_subi_subi_lhs, NULL),
    },
    [ARITH_MULI] = {
        /* muli(muli(x, c0), c1) -> muli(x, c0 * c1) */
        REASSOC("MulIMulIConstant", "muli", ARITH_MULI, 1, 1, ARITH_MULI,
                false, ARITH_MULI, false, true),
    },
    [ARITH_ADDUI_EXTENDED] = {
        PAT("AddUIExtendedToAddI", "addui_extended",
            match_extended_to_plain, KIND(ARITH_ADDI)),
    },
    [ARITH_MULSI_EXTENDED] = {
        PAT("MulSIExtendedToMulI", "mulsi_extended",
            match_extended_to_plain, KIND(ARITH_MULI)),
        PAT("MulSIExtendedRHSOne", "mulsi_extended",
            match_mulsi_extended_one, NULL),
    },
    [ARITH_MULUI_EXTENDED] = {
        PAT("MulUIExtendedToMulI", "mului_extended",
            match_extended_to_plain, KIND(ARITH_MULI)),
    },
    [ARITH_XORI] = {
        PAT("XOrINotCmpI", "xori", match_xori_not_cmpi, NULL),
        PAT("XOrIOfExtUI", "xori", match_logic_of_ext, KIND(ARITH_EXTUI)),
        PAT("XOrIOfExtSI", "xori", match_logic_of_ext, KIND(ARITH_EXTSI)),
    },
    [ARITH_ANDI] = {
        PAT("AndOfExtUI", "andi", match_logic_of_ext, KIND(ARITH_EXTUI)),
        PAT("AndOfExtSI", "andi", match_logic_of_ext, KIND(ARITH_EXTSI)),
    },
    [ARITH_ORI] = {
        PAT("OrOfExtUI", "ori", match_logic_of_ext, KIND(ARITH_EXTUI)),
        PAT("OrOfExtSI", "ori", match_logic_of_ext, KIND(ARITH_EXTSI)),
    },
    [ARITH_CMPI] = {
        PAT("CmpIExtSI", "cmpi", match_cmpi_ext, KIND(ARITH_EXTSI)),
        PAT("CmpIExtUI", "cmpi", match_cmpi_ext, KIND(ARITH_EXTUI)),
    },
    [ARITH_CMPF] = {
        PAT("CmpFIntToFPConst", "cmpf", match_cmpf_int_to_fp_const, NULL),
    },
    [ARITH_SELECT] = {
        PAT("RedundantSelectFalse", "select", match_redundant_select,
            KIND(1)),
        PAT("RedundantSelectTrue", "select", match_redundant_select, NULL),
        PAT("SelectNotCond", "select", match_select_not_cond, NULL),
        PAT("SelectI1ToNot", "select", match_select_i1_to_not, NULL),
        PAT("SelectToExtUI", "select", match_select_to_extui, NULL),
    },
    [ARITH_INDEX_CAST] = {
        PAT("IndexCastOfIndexCast", "index_cast", match_cast_of_same_cast,
            NULL),
        PAT("IndexCastOfExtSI", "index_cast", match_cast_chain,
            &index_cast_of_extsi),
    },
    [ARITH_INDEX_CASTUI] = {
        PAT("IndexCastUIOfIndexCastUI", "index_castui",
            match_cast_of_same_cast, NULL),
        PAT("IndexCastUIOfExtUI", "index_castui", match_cast_chain,
            &index_castui_of_extui),
    },
    [ARITH_BITCAST] = {
        PAT("BitcastOfBitcast", "bitcast", match_cast_chain,
            &bitcast_of_bitcast),
    },
    [ARITH_EXTSI] = {
        PAT("ExtSIOfExtUI", "extsi", match_cast_chain, &extsi_of_extui),
    },
    [ARITH_TRUNCI] = {
        PAT("TruncIExtSIToExtSI", "trunci", match_trunci_ext,
            KIND(ARITH_EXTSI)),
        PAT("TruncIExtUIToExtUI", "trunci", match_trunci_ext,
            KIND(ARITH_EXTUI)),
        PAT("TruncIShrSIToTrunciShrUI", "trunci", match_trunci_shrsi, NULL),
    },
    [ARITH_MULF] = {
        PAT("MulFOfNegF", "mulf", match_f_of_negf, NULL),
    },
    [ARITH_DIVF] = {
        PAT("DivFOfNegF", "divf", match_f_of_negf, NULL),
    },
};

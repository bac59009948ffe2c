/* ir/print_attr.c - MLIR's spelling of attributes.
 *
 * eo_print_attr_impl is the entry point. Floats follow MLIR's
 * printFloatValue: APFloat::toString(6 digits, scientific) if it reads
 * back bit-exactly, else toString() at natural precision if that has a
 * '.', else the bits in hex. toString is reproduced exactly (including
 * its truncating first step) on a small bignum, see float_to_string.
 */
#define __STDC_WANT_IEC_60559_TYPES_EXT__ 1
#include "ir/ir.h"
#include "ir/internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* A small unsigned bignum (32-bit limbs, little-endian)               */
/* ------------------------------------------------------------------ */

/* f128's smallest denormal times 5^16494 needs ~38500 bits. */
#define BIG_LIMBS 1300

typedef struct big {
    uint32_t d[BIG_LIMBS];
    size_t n;                 /* limbs in use; no leading zero limbs */
} big;

static void
big_norm(big *b)
{
    while (b->n && !b->d[b->n - 1])
        b->n--;
}

static void
big_set_u128(big *b, uint64_t lo, uint64_t hi)
{
    b->d[0] = (uint32_t)lo;
    b->d[1] = (uint32_t)(lo >> 32);
    b->d[2] = (uint32_t)hi;
    b->d[3] = (uint32_t)(hi >> 32);
    b->n = 4;
    big_norm(b);
}

static void
big_mul_small(big *b, uint32_t m)
{
    uint64_t c = 0;
    for (size_t i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->d[i] * m + c;
        b->d[i] = (uint32_t)t;
        c = t >> 32;
    }
    if (c && b->n < BIG_LIMBS)
        b->d[b->n++] = (uint32_t)c;
}

static uint32_t
big_div_small(big *b, uint32_t dv)
{
    uint64_t r = 0;
    for (size_t i = b->n; i-- > 0;) {
        uint64_t cur = (r << 32) | b->d[i];
        b->d[i] = (uint32_t)(cur / dv);
        r = cur % dv;
    }
    big_norm(b);
    return (uint32_t)r;
}

static unsigned
big_bits(const big *b)
{
    if (!b->n)
        return 0;
    uint32_t top = b->d[b->n - 1];
    unsigned bits = 0;
    while (top) {
        bits++;
        top >>= 1;
    }
    return (unsigned)(b->n - 1) * 32 + bits;
}

static unsigned
big_ctz(const big *b)
{
    unsigned z = 0;
    size_t i = 0;
    while (i < b->n && !b->d[i]) {
        z += 32;
        i++;
    }
    if (i == b->n)
        return 0;
    uint32_t w = b->d[i];
    while (!(w & 1)) {
        w >>= 1;
        z++;
    }
    return z;
}

static void
big_shr(big *b, unsigned s)
{
    size_t limbs = s / 32;
    unsigned bits = s % 32;
    if (limbs >= b->n) {
        b->n = 0;
        return;
    }
    for (size_t i = 0; i + limbs < b->n; i++) {
        uint64_t lo = b->d[i + limbs];
        uint64_t hi = i + limbs + 1 < b->n ? b->d[i + limbs + 1] : 0;
        b->d[i] = (uint32_t)(((hi << 32) | lo) >> bits);
    }
    b->n -= limbs;
    big_norm(b);
}

static void
big_shl(big *b, unsigned s)
{
    size_t limbs = s / 32;
    unsigned bits = s % 32;
    size_t n = b->n + limbs + 1;
    if (n > BIG_LIMBS)
        n = BIG_LIMBS;
    for (size_t i = n; i-- > 0;) {
        uint64_t hi = i >= limbs && i - limbs < b->n ? b->d[i - limbs] : 0;
        uint64_t lo = i >= limbs + 1 && i - limbs - 1 < b->n
                          ? b->d[i - limbs - 1] : 0;
        b->d[i] = (uint32_t)((((hi << 32) | lo) << bits) >> 32);
    }
    b->n = n;
    big_norm(b);
}

static void
big_mul_pow(big *b, uint32_t base, uint32_t chunk_pow, unsigned chunk,
            unsigned e)
{
    while (e >= chunk) {
        big_mul_small(b, chunk_pow);
        e -= chunk;
    }
    while (e--)
        big_mul_small(b, base);
}

static void
big_div_pow10(big *b, unsigned e)
{
    while (e >= 9) {
        big_div_small(b, 1000000000u);
        e -= 9;
    }
    while (e--)
        big_div_small(b, 10);
}

/* ------------------------------------------------------------------ */
/* APFloat::toString                                                   */
/* ------------------------------------------------------------------ */

/* Digits are kept least significant first, as LLVM does. */
typedef struct digits {
    char d[128];
    unsigned n;
} digits;

static void
adjust_big(big *sig, int *exp, unsigned prec)
{
    unsigned bits = big_bits(sig);
    unsigned required = (prec * 196 + 58) / 59;
    if (bits <= required)
        return;
    unsigned tens = (bits - required) * 59 / 196;
    if (!tens)
        return;
    *exp += (int)tens;
    big_div_pow10(sig, tens);
}

static void
adjust_digits(digits *buf, int *exp, unsigned prec)
{
    unsigned n = buf->n;
    if (n <= prec)
        return;
    unsigned first = n - prec;
    if (buf->d[first - 1] < '5') {
        while (first < n && buf->d[first] == '0')
            first++;
        *exp += (int)first;
        memmove(buf->d, buf->d + first, n - first);
        buf->n = n - first;
        return;
    }
    for (unsigned i = first; i != n; i++) {
        if (buf->d[i] == '9') {
            first++;
        } else {
            buf->d[i]++;
            break;
        }
    }
    if (first == n) {
        *exp += (int)first;
        buf->d[0] = '1';
        buf->n = 1;
        return;
    }
    *exp += (int)first;
    memmove(buf->d, buf->d + first, n - first);
    buf->n = n - first;
}

/* 'sig' (nonzero) * 2^exp, 'semprec' bits of precision in the format. */
static void
float_to_string(eo_strbuf *out, bool neg, big *sig, int exp,
                unsigned semprec, unsigned fprec, unsigned maxpad,
                bool truncate_zero)
{
    if (neg)
        eo_strbuf_append(out, "-", 1);
    if (!fprec)
        fprec = 2 + semprec * 59 / 196;
    unsigned tz = big_ctz(sig);
    exp += (int)tz;
    big_shr(sig, tz);
    if (exp > 0) {
        big_shl(sig, (unsigned)exp);
        exp = 0;
    } else if (exp < 0) {
        big_mul_pow(sig, 5, 1220703125u, 13, (unsigned)-exp);
    }
    adjust_big(sig, &exp, fprec);

    digits buf;
    buf.n = 0;
    bool in_trail = true;
    while (sig->n) {
        uint32_t r = big_div_small(sig, 1000000000u);
        int count = sig->n ? 9 : 0;
        for (int i = 0; count ? i < count : r != 0; i++) {
            unsigned dd = r % 10;
            r /= 10;
            if (in_trail && !dd) {
                exp++;
            } else if (buf.n < sizeof buf.d) {
                buf.d[buf.n++] = (char)('0' + dd);
                in_trail = false;
            }
        }
    }
    adjust_digits(&buf, &exp, fprec);
    unsigned nd = buf.n;

    bool sci;
    if (!maxpad) {
        sci = true;
    } else if (exp >= 0) {
        sci = (unsigned)exp > maxpad || nd + (unsigned)exp > fprec;
    } else {
        int msd = exp + (int)(nd - 1);
        sci = msd >= 0 ? false : (unsigned)-msd > maxpad;
    }

    if (sci) {
        exp += (int)(nd - 1);
        eo_strbuf_append(out, &buf.d[nd - 1], 1);
        eo_strbuf_append(out, ".", 1);
        if (nd == 1 && truncate_zero)
            eo_strbuf_append(out, "0", 1);
        else
            for (unsigned i = 1; i != nd; i++)
                eo_strbuf_append(out, &buf.d[nd - 1 - i], 1);
        if (!truncate_zero && fprec > nd - 1)
            for (unsigned i = 0; i < fprec - nd + 1; i++)
                eo_strbuf_append(out, "0", 1);
        eo_strbuf_append(out, truncate_zero ? "E" : "e", 1);
        eo_strbuf_append(out, exp >= 0 ? "+" : "-", 1);
        if (exp < 0)
            exp = -exp;
        char eb[16];
        int en = 0;
        do {
            eb[en++] = (char)('0' + exp % 10);
            exp /= 10;
        } while (exp);
        if (!truncate_zero && en < 2)
            eb[en++] = '0';
        while (en)
            eo_strbuf_append(out, &eb[--en], 1);
        return;
    }
    if (exp >= 0) {
        for (unsigned i = 0; i != nd; i++)
            eo_strbuf_append(out, &buf.d[nd - 1 - i], 1);
        for (int i = 0; i != exp; i++)
            eo_strbuf_append(out, "0", 1);
        return;
    }
    int whole = exp + (int)nd;
    unsigned i = 0;
    if (whole > 0) {
        for (; i != (unsigned)whole; i++)
            eo_strbuf_append(out, &buf.d[nd - i - 1], 1);
        eo_strbuf_append(out, ".", 1);
    } else {
        unsigned zeros = 1 + (unsigned)-whole;
        eo_strbuf_append(out, "0.", 2);
        for (unsigned z = 1; z != zeros; z++)
            eo_strbuf_append(out, "0", 1);
    }
    for (; i != nd; i++)
        eo_strbuf_append(out, &buf.d[nd - i - 1], 1);
}

/* ------------------------------------------------------------------ */
/* Float values                                                        */
/* ------------------------------------------------------------------ */

enum fcat { FC_ZERO, FC_NORMAL, FC_INF, FC_NAN };

typedef struct fdecomp {
    enum fcat cat;
    bool neg;
    uint64_t lo, hi;          /* significand */
    int exp;                  /* value = sig * 2^exp */
    unsigned prec;            /* semantics precision (bits) */
    unsigned width;
} fdecomp;

static void
decompose(eo_float_kind k, uint64_t lo, uint64_t hi, fdecomp *f)
{
    memset(f, 0, sizeof(*f));
    int ebits, mbits, bias = -1;
    bool fn = false, uz = false;
    switch (k) {
    case EO_F16: ebits = 5; mbits = 10; break;
    case EO_BF16: ebits = 8; mbits = 7; break;
    case EO_F32: ebits = 8; mbits = 23; break;
    case EO_F64: ebits = 11; mbits = 52; break;
    case EO_TF32: ebits = 8; mbits = 10; break;
    case EO_F8E5M2: ebits = 5; mbits = 2; break;
    case EO_F8E4M3FN: ebits = 4; mbits = 3; fn = true; break;
    case EO_F8E4M3: ebits = 4; mbits = 3; break;
    case EO_F8E4M3FNUZ: ebits = 4; mbits = 3; bias = 8; uz = true; break;
    case EO_F8E5M2FNUZ: ebits = 5; mbits = 2; bias = 16; uz = true; break;
    case EO_F8E4M3B11FNUZ:
        ebits = 4; mbits = 3; bias = 11; uz = true;
        break;
    case EO_F80: {
        f->width = 80;
        f->prec = 64;
        f->neg = (hi >> 15) & 1;
        int ex = (int)(hi & 0x7FFF);
        if (ex == 0x7FFF) {
            f->cat = (lo << 1) ? FC_NAN : FC_INF;
            return;
        }
        if (!lo) {
            f->cat = FC_ZERO;
            return;
        }
        f->cat = FC_NORMAL;
        f->lo = lo;
        f->exp = (ex ? ex : 1) - 16383 - 63;
        return;
    }
    default: {   /* EO_F128 */
        f->width = 128;
        f->prec = 113;
        f->neg = hi >> 63;
        int ex = (int)((hi >> 48) & 0x7FFF);
        uint64_t mhi = hi & ((1ull << 48) - 1);
        if (ex == 0x7FFF) {
            f->cat = (mhi || lo) ? FC_NAN : FC_INF;
            return;
        }
        if (!ex && !mhi && !lo) {
            f->cat = FC_ZERO;
            return;
        }
        f->cat = FC_NORMAL;
        f->lo = lo;
        f->hi = mhi | (ex ? 1ull << 48 : 0);
        f->exp = (ex ? ex : 1) - 16383 - 112;
        return;
    }
    }
    int tot = ebits + mbits;
    f->width = (unsigned)tot + 1;
    f->prec = (unsigned)mbits + 1;
    f->neg = (lo >> tot) & 1;
    uint64_t emax = (1ull << ebits) - 1;
    uint64_t ex = (lo >> mbits) & emax;
    uint64_t m = lo & ((1ull << mbits) - 1);
    if (bias < 0)
        bias = (1 << (ebits - 1)) - 1;
    if (uz) {
        /* FNUZ: no infinity, no negative zero; the NaN is 0x80. */
        if (f->neg && !ex && !m) {
            f->cat = FC_NAN;
            return;
        }
    } else if (fn) {
        if (ex == emax && m == (1ull << mbits) - 1) {
            f->cat = FC_NAN;
            return;
        }
    } else if (ex == emax) {
        f->cat = m ? FC_NAN : FC_INF;
        return;
    }
    if (!ex && !m) {
        f->cat = FC_ZERO;
        return;
    }
    f->cat = FC_NORMAL;
    f->lo = ex ? m | (1ull << mbits) : m;
    f->exp = (ex ? (int)ex : 1) - bias - mbits;
}

#if defined(__SIZEOF_FLOAT128__) && defined(__GLIBC__)
#if defined(__clang__)
/* glibc declares strtof128 only for compilers with _Float128; its ABI
 * is __float128's on the targets that define __SIZEOF_FLOAT128__. */
typedef __float128 f128_t;
extern f128_t strtof128(const char *restrict s, char **restrict end);
#else
__extension__ typedef _Float128 f128_t;
#endif
#endif

/* Whether 's' reads back (correctly rounded) as exactly lo/hi. */
static bool
reads_back(eo_float_kind k, const char *s, uint64_t lo, uint64_t hi)
{
    switch (k) {
    case EO_F32: {
        float v = strtof(s, NULL);
        uint32_t b;
        memcpy(&b, &v, 4);
        return b == lo;
    }
    case EO_F64: {
        double v = strtod(s, NULL);
        uint64_t b;
        memcpy(&b, &v, 8);
        return b == lo;
    }
    case EO_F80: {
#if defined(__x86_64__) || defined(__i386__)
        long double v = strtold(s, NULL);
        unsigned char raw[sizeof(long double)];
        memcpy(raw, &v, sizeof v);
        uint64_t l, h = 0;
        memcpy(&l, raw, 8);
        memcpy(&h, raw + 8, 2);
        return l == lo && (h & 0xFFFF) == hi;
#else
        return false;
#endif
    }
    case EO_F128: {
#if defined(__SIZEOF_FLOAT128__) && defined(__GLIBC__)
        f128_t v = strtof128(s, NULL);
        uint64_t w[2];
        memcpy(w, &v, 16);
        return w[0] == lo && w[1] == hi;
#else
        return false;
#endif
    }
    default: {
        /* At most 7 significant digits: rounding through double cannot
         * land on a tie of these narrower formats by accident. */
        uint64_t l, h;
        eo_float_from_double(k, strtod(s, NULL), &l, &h);
        return l == lo;
    }
    }
}

static void
print_hex_bits(eo_strbuf *out, uint64_t lo, uint64_t hi)
{
    static const char hexd[] = "0123456789ABCDEF";
    char buf[40];
    int n = 0;
    bool started = false;
    for (int i = 31; i >= 0; i--) {
        uint64_t w = i >= 16 ? hi : lo;
        unsigned nib = (unsigned)((w >> ((i % 16) * 4)) & 0xF);
        if (nib || started || i == 0) {
            buf[n++] = hexd[nib];
            started = true;
        }
    }
    eo_strbuf_append(out, "0x", 2);
    eo_strbuf_append(out, buf, (size_t)n);
}

static void
print_float_bits(eo_strbuf *out, eo_float_kind k, uint64_t lo, uint64_t hi)
{
    fdecomp f;
    decompose(k, lo, hi, &f);
    if (f.cat == FC_ZERO) {
        eo_strbuf_puts(out, f.neg ? "-0.000000e+00" : "0.000000e+00");
        return;
    }
    if (f.cat == FC_NORMAL) {
        big sig;
        size_t mark = out->len;
        big_set_u128(&sig, f.lo, f.hi);
        float_to_string(out, f.neg, &sig, f.exp, f.prec, 6, 0, false);
        if (!out->oom && reads_back(k, out->data + mark, lo, hi))
            return;
        out->len = mark;
        big_set_u128(&sig, f.lo, f.hi);
        float_to_string(out, f.neg, &sig, f.exp, f.prec, 0, 3, true);
        if (out->oom || memchr(out->data + mark, '.', out->len - mark))
            return;
        out->len = mark;
    }
    print_hex_bits(out, lo, hi);
}

void
eo_print_float_value(eo_strbuf *b, const eo_attr *a)
{
    print_float_bits(b, eo_type_float_kind(eo_attr_type(a)),
                     eo_attr_float_bits(a), eo_attr_float_bits_hi(a));
}

/* ------------------------------------------------------------------ */
/* Integers                                                            */
/* ------------------------------------------------------------------ */

static bool
type_prints_signed(const eo_type *t)
{
    if (eo_type_is_index(t))
        return true;
    return eo_type_int_signedness(t) != EO_UNSIGNED &&
           eo_type_int_width(t) != 0;
}

static void
print_words(eo_strbuf *out, const uint64_t *w, size_t nw, unsigned width,
            bool is_signed)
{
    if (width <= 64) {
        uint64_t v = nw ? w[0] : 0;
        if (is_signed && width > 0) {
            uint64_t sign = width == 64 ? 1ull << 63 : 1ull << (width - 1);
            int64_t s = width == 64 ? (int64_t)v
                                    : (int64_t)((v ^ sign) - sign);
            eo_strbuf_put_i64(out, s);
        } else {
            eo_strbuf_put_u64(out, v);
        }
        return;
    }
    /* Wide: two's complement negate if negative, then base 10^9. */
    size_t limbs = (width + 31) / 32;
    uint32_t *d = calloc(limbs + 1, sizeof(uint32_t));
    if (!d) {
        out->oom = true;
        return;
    }
    for (size_t i = 0; i < limbs; i++) {
        size_t wi = i / 2;
        uint64_t word = wi < nw ? w[wi] : 0;
        d[i] = (uint32_t)(i % 2 ? word >> 32 : word);
    }
    bool neg = false;
    if (is_signed) {
        unsigned top = (width - 1) % 32;
        neg = (d[(width - 1) / 32] >> top) & 1;
        if (neg) {
            uint64_t c = 1;
            for (size_t i = 0; i < limbs; i++) {
                uint64_t t = (uint64_t)(uint32_t)~d[i] + c;
                d[i] = (uint32_t)t;
                c = t >> 32;
            }
            if (width % 32)
                d[limbs - 1] &= (1u << (width % 32)) - 1;
        }
    }
    size_t n = limbs;
    while (n && !d[n - 1])
        n--;
    size_t cap = limbs * 10 + 2, len = 0;
    char *s = malloc(cap);
    if (!s) {
        free(d);
        out->oom = true;
        return;
    }
    do {
        uint64_t r = 0;
        for (size_t i = n; i-- > 0;) {
            uint64_t cur = (r << 32) | d[i];
            d[i] = (uint32_t)(cur / 1000000000u);
            r = cur % 1000000000u;
        }
        while (n && !d[n - 1])
            n--;
        for (int k = 0; k < 9 && (n || r); k++) {
            s[len++] = (char)('0' + r % 10);
            r /= 10;
        }
    } while (n);
    if (!len)
        s[len++] = '0';
    if (neg)
        eo_strbuf_append(out, "-", 1);
    for (size_t i = len; i-- > 0;)
        eo_strbuf_append(out, &s[i], 1);
    free(s);
    free(d);
}

static void
print_int_attr_value(eo_strbuf *out, const eo_attr *a)
{
    const eo_type *t = eo_attr_type(a);
    unsigned width = eo_type_is_index(t) ? 64 : eo_type_int_width(t);
    print_words(out, eo_attr_int_words(a), eo_attr_int_num_words(a), width,
                type_prints_signed(t));
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

enum elide { ELIDE_NEVER, ELIDE_MAY, ELIDE_MUST };

static void print_attr(eo_printer *p, const eo_attr *a, enum elide el);

static bool
is_bare_ident(const char *s, size_t n)
{
    if (!n || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') ||
                s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '.'))
            return false;
    }
    return true;
}

void
eo_print_keyword_or_string(eo_strbuf *out, const char *s, size_t n)
{
    if (is_bare_ident(s, n))
        eo_strbuf_append(out, s, n);
    else
        eo_string_print_escaped(out, s, n);
}

static void
print_keyword_or_string(eo_strbuf *out, const eo_ident *id)
{
    eo_print_keyword_or_string(out, id->str, id->len);
}

/* Through print.c's eo_print_type, which caches type spellings. */
static void
print_type(eo_printer *p, const eo_type *t)
{
    eo_print_type(p, t);
}

/* eo_strbuf_puts with the common case inline (the strings are mostly
 * literals, whose length the compiler knows). */
static inline void
put(eo_printer *p, const char *s)
{
    eo_strbuf *b = p->out;
    size_t n = strlen(s);
    if (n < b->cap - b->len && !b->oom) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    eo_strbuf_append(b, s, n);
}

/* One element of dense data at 'd'. */
static void
print_elem(eo_printer *p, const unsigned char *d, const eo_type *et)
{
    eo_strbuf *out = p->out;
    eo_type_kind k = eo_type_get_kind(et);
    if (k == EO_TYPE_COMPLEX) {
        const eo_type *e = eo_type_elem(et);
        size_t half = eo_dense_elem_bytes(e);
        put(p, "(");
        print_elem(p, d, e);
        put(p, ",");
        print_elem(p, d + half, e);
        put(p, ")");
        return;
    }
    size_t eb = eo_dense_elem_bytes(et);
    uint64_t lo = 0, hi = 0;
    for (size_t i = 0; i < eb && i < 16; i++) {
        if (i < 8)
            lo |= (uint64_t)d[i] << (8 * i);
        else
            hi |= (uint64_t)d[i] << (8 * (i - 8));
    }
    if (k == EO_TYPE_FLOAT) {
        print_float_bits(out, eo_type_float_kind(et), lo, hi);
        return;
    }
    if (eo_type_is_signless_int(et, 1)) {
        put(p, (lo & 1) ? "true" : "false");
        return;
    }
    unsigned width = k == EO_TYPE_INDEX ? 64 : eo_type_int_width(et);
    if (width <= 64) {
        if (width < 64)
            lo &= (1ull << width) - 1;
        print_words(out, &lo, 1, width, type_prints_signed(et));
        return;
    }
    size_t nw = (eb + 7) / 8;
    uint64_t *w = calloc(nw, 8);
    if (!w) {
        out->oom = true;
        return;
    }
    for (size_t i = 0; i < eb; i++)
        w[i / 8] |= (uint64_t)d[i] << (8 * (i % 8));
    print_words(out, w, nw, width, type_prints_signed(et));
    free(w);
}

static void
print_hex_data(eo_strbuf *out, const unsigned char *d, size_t n)
{
    static const char hexd[] = "0123456789ABCDEF";
    char buf[512];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        buf[k++] = hexd[d[i] >> 4];
        buf[k++] = hexd[d[i] & 15];
        if (k == sizeof buf) {
            eo_strbuf_append(out, buf, k);
            k = 0;
        }
    }
    eo_strbuf_append(out, buf, k);
}

/* MLIR prints non-splat dense data with more elements than this as a
 * hex string (mlir-opt's default). */
#define DENSE_HEX_LIMIT 100

static void
print_dense_body(eo_printer *p, const eo_attr *a)
{
    const eo_type *t = eo_attr_type(a);
    const eo_type *et = eo_type_elem(t);
    size_t eb = eo_dense_elem_bytes(et);
    size_t size;
    const unsigned char *d = eo_attr_dense_data(a, &size);
    if (eo_attr_dense_is_splat(a)) {
        print_elem(p, d, et);
        return;
    }
    int64_t num = eo_type_num_elements(t);
    if (num <= 0)
        return;
    if (num > DENSE_HEX_LIMIT) {
        put(p, "\"0x");
        if (eo_type_is_signless_int(et, 1)) {
            /* i1 data is bit-packed in MLIR's raw form. */
            unsigned char buf[256];
            size_t k = 0;
            for (int64_t i = 0; i < num; i += 8) {
                unsigned char byte = 0;
                for (int64_t j = 0; j < 8 && i + j < num; j++)
                    byte |= (unsigned char)((d[i + j] & 1) << j);
                buf[k++] = byte;
                if (k == sizeof buf) {
                    print_hex_data(p->out, buf, k);
                    k = 0;
                }
            }
            print_hex_data(p->out, buf, k);
        } else {
            print_hex_data(p->out, d, size);
        }
        put(p, "\"");
        return;
    }
    size_t rank = eo_type_rank(t);
    const int64_t *shape = eo_type_shape(t);
    if (rank == 0) {
        print_elem(p, d, et);
        return;
    }
    /* Row-major walk with per-dimension counters: '[' opens as many
     * dimensions as the index has trailing zeros. */
    int64_t idx[64] = {0};
    if (rank > 64) {
        /* Deeper ranks than any real tensor: print flat in hex form. */
        put(p, "\"0x");
        print_hex_data(p->out, d, size);
        put(p, "\"");
        return;
    }
    for (int64_t e = 0; e < num; e++) {
        size_t open = 0;
        for (size_t r = rank; r-- > 0;) {
            if (idx[r] != 0)
                break;
            open++;
        }
        if (e)
            put(p, ", ");
        for (size_t i = 0; i < open; i++)
            put(p, "[");
        print_elem(p, d + (size_t)e * eb, et);
        /* advance, closing finished dimensions */
        for (size_t r = rank; r-- > 0;) {
            if (++idx[r] < shape[r])
                break;
            idx[r] = 0;
            put(p, "]");
        }
    }
}

static void
print_dialect_symbol(eo_strbuf *out, const eo_ident *dialect, const char *s,
                     size_t n)
{
    eo_strbuf_append(out, "#", 1);
    eo_strbuf_append(out, dialect->str, dialect->len);
    bool pretty = n && ((s[0] >= 'a' && s[0] <= 'z') ||
                        (s[0] >= 'A' && s[0] <= 'Z'));
    if (pretty) {
        size_t i = 0;
        while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
                         (s[i] >= 'A' && s[i] <= 'Z') ||
                         (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
                         s[i] == '_'))
            i++;
        pretty = i == n || (s[i] == '<' && s[n - 1] == '>');
    }
    if (pretty) {
        eo_strbuf_append(out, ".", 1);
        eo_strbuf_append(out, s, n);
    } else {
        eo_strbuf_append(out, "<", 1);
        eo_strbuf_append(out, s, n);
        eo_strbuf_append(out, ">", 1);
    }
}

static void
print_int64_or_dyn(eo_printer *p, int64_t v)
{
    if (v == EO_DYNAMIC)
        put(p, "?");
    else
        eo_strbuf_put_i64(p->out, v);
}

static void
print_trailing_type(eo_printer *p, const eo_attr *a, enum elide el)
{
    const eo_type *t = eo_attr_type(a);
    if (el == ELIDE_MUST || !t || eo_type_get_kind(t) == EO_TYPE_NONE)
        return;
    put(p, " : ");
    print_type(p, t);
}

static void
print_attr(eo_printer *p, const eo_attr *a, enum elide el)
{
    eo_strbuf *out = p->out;
    if (!a) {
        put(p, "<<NULL ATTRIBUTE>>");
        return;
    }
    if (p->aliases && eo_printer_try_alias_attr(p, a))
        return;
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_INTEGER: {
        const eo_type *t = eo_attr_type(a);
        if (eo_type_is_signless_int(t, 1)) {
            put(p, eo_attr_int_uvalue(a) & 1 ? "true" : "false");
            break;
        }
        print_int_attr_value(out, a);
        if (el == ELIDE_MUST ||
            (el == ELIDE_MAY && eo_type_is_signless_int(t, 64)))
            break;
        put(p, " : ");
        print_type(p, t);
        break;
    }
    case EO_ATTR_FLOAT: {
        const eo_type *t = eo_attr_type(a);
        eo_print_float_value(out, a);
        if (el == ELIDE_MUST ||
            (el == ELIDE_MAY && eo_type_float_kind(t) == EO_F64))
            break;
        put(p, " : ");
        print_type(p, t);
        break;
    }
    case EO_ATTR_STRING: {
        size_t n;
        const char *s = eo_attr_string(a, &n);
        eo_string_print_escaped(out, s, n);
        print_trailing_type(p, a, el);
        break;
    }
    case EO_ATTR_ARRAY:
        put(p, "[");
        for (size_t i = 0; i < eo_attr_array_size(a); i++) {
            if (i)
                put(p, ", ");
            print_attr(p, eo_attr_array_at(a, i), ELIDE_MAY);
        }
        put(p, "]");
        break;
    case EO_ATTR_DICT:
        put(p, "{");
        for (size_t i = 0; i < eo_attr_dict_size(a); i++) {
            const eo_named_attr *na = eo_attr_dict_at(a, i);
            if (i)
                put(p, ", ");
            print_keyword_or_string(out, na->name);
            if (eo_attr_get_kind(na->value) == EO_ATTR_UNIT)
                continue;
            put(p, " = ");
            print_attr(p, na->value, ELIDE_NEVER);
        }
        put(p, "}");
        break;
    case EO_ATTR_UNIT:
        put(p, "unit");
        break;
    case EO_ATTR_TYPE:
        print_type(p, eo_attr_type_value(a));
        break;
    case EO_ATTR_SYMBOL_REF:
        put(p, "@");
        print_keyword_or_string(out, eo_attr_symbol_root(a));
        for (size_t i = 0; i < eo_attr_symbol_num_nested(a); i++) {
            put(p, "::@");
            print_keyword_or_string(out, eo_attr_symbol_nested(a, i));
        }
        break;
    case EO_ATTR_DENSE:
        put(p, "dense<");
        print_dense_body(p, a);
        put(p, ">");
        print_trailing_type(p, a, el);
        break;
    case EO_ATTR_DENSE_RESOURCE: {
        eo_resource *r = eo_attr_resource(a);
        put(p, "dense_resource<");
        put(p, eo_resource_key(r));
        put(p, ">");
        eo_printer_note_resource(p, r);   /* no-op for bare printers */
        print_trailing_type(p, a, el);
        break;
    }
    case EO_ATTR_DENSE_ARRAY: {
        const eo_type *et = eo_attr_dense_array_elem(a);
        size_t n = eo_attr_dense_array_size(a);
        size_t eb = eo_dense_elem_bytes(et);
        const unsigned char *d = eo_attr_dense_array_data(a);
        put(p, "array<");
        print_type(p, et);
        for (size_t i = 0; i < n; i++) {
            put(p, i ? ", " : ": ");
            print_elem(p, d + i * eb, et);
        }
        put(p, ">");
        break;
    }
    case EO_ATTR_AFFINE_MAP:
        put(p, "affine_map<");
        eo_affine_map_print(eo_attr_affine_map(a), out);
        put(p, ">");
        break;
    case EO_ATTR_INTEGER_SET:
        put(p, "affine_set<");
        eo_integer_set_print(eo_attr_integer_set(a), out);
        put(p, ">");
        break;
    case EO_ATTR_STRIDED_LAYOUT: {
        put(p, "strided<[");
        const int64_t *s = eo_attr_strided_strides(a);
        for (size_t i = 0; i < eo_attr_strided_rank(a); i++) {
            if (i)
                put(p, ", ");
            print_int64_or_dyn(p, s[i]);
        }
        put(p, "]");
        if (eo_attr_strided_offset(a) != 0) {
            put(p, ", offset: ");
            print_int64_or_dyn(p, eo_attr_strided_offset(a));
        }
        put(p, ">");
        break;
    }
    case EO_ATTR_LOCATION:
        eo_print_loc_impl(p, eo_attr_location(a));
        break;
    case EO_ATTR_OPAQUE: {
        size_t n;
        const char *s = eo_attr_opaque_body(a, &n);
        print_dialect_symbol(out, eo_attr_dialect_name(a), s, n);
        print_trailing_type(p, a, el);
        break;
    }
    case EO_ATTR_DIALECT: {
        const eo_ident *dn = eo_attr_dialect_name(a);
        eo_dialect *d = eo_dialect_lookup(p->ctx, dn->str, dn->len);
        const eo_dialect_desc *desc = d ? eo_dialect_get_desc(d) : NULL;
        put(p, "#");
        eo_strbuf_append(out, dn->str, dn->len);
        put(p, ".");
        if (desc && desc->print_attr) {
            desc->print_attr(p, a);
            break;
        }
        const eo_ident *mn = eo_attr_mnemonic(a);
        eo_strbuf_append(out, mn->str, mn->len);
        if (eo_attr_num_params(a)) {
            put(p, "<");
            for (size_t i = 0; i < eo_attr_num_params(a); i++) {
                if (i)
                    put(p, ", ");
                print_attr(p, eo_attr_param(a, i), ELIDE_NEVER);
            }
            put(p, ">");
        }
        break;
    }
    }
}

void
eo_print_attr_impl(eo_printer *p, const eo_attr *a, bool elide_type)
{
    print_attr(p, a, elide_type ? ELIDE_MUST : ELIDE_NEVER);
}

void
eo_attr_print(const eo_attr *a, eo_strbuf *out)
{
    eo_printer p;
    memset(&p, 0, sizeof p);
    p.ctx = a ? eo_attr_ctx(a) : NULL;
    p.out = out;
    print_attr(&p, a, ELIDE_NEVER);
}

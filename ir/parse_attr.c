/* ir/parse_attr.c - attribute syntax: literals, containers, dense
 * elements, resources and the file metadata section.
 *
 * eo_parse_attr_impl dispatches on the current token. Dense literals are
 * collected as tokens first (their type follows them), then checked
 * against the type and packed. Hex blobs are decoded by a table without
 * per-byte calls, straight from the source buffer.
 */
#include "ir/ir.h"
#include "ir/internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static bool
tok_is(const eo_token *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->kind == EO_TOK_BARE_IDENT && t->len == n &&
           memcmp(t->text, kw, n) == 0;
}

static eo_status
expect(eo_parser *p, eo_tok_kind k, const char *msg)
{
    if (p->tok.kind != k)
        return eo_parser_error(p, "%s", msg);
    eo_parser_advance(p);
    return EO_OK;
}

static void *
nomem(eo_parser *p)
{
    p->failed = true;
    return NULL;
}

/* Appends "'<type>'" for messages into scratch memory. */
static const char *
type_text(eo_parser *p, const eo_type *t)
{
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    char *s = eo_parser_scratch(p, b.len + 1);
    if (s && b.data)
        memcpy(s, b.data, b.len);
    eo_strbuf_free(&b);
    return s ? s : "";
}

/* Value of a hex digit with bit 0x10 set; 0 for anything else. */
static const unsigned char hexv[256] = {
    ['0'] = 0x10, ['1'] = 0x11, ['2'] = 0x12, ['3'] = 0x13, ['4'] = 0x14,
    ['5'] = 0x15, ['6'] = 0x16, ['7'] = 0x17, ['8'] = 0x18, ['9'] = 0x19,
    ['a'] = 0x1A, ['b'] = 0x1B, ['c'] = 0x1C, ['d'] = 0x1D, ['e'] = 0x1E,
    ['f'] = 0x1F, ['A'] = 0x1A, ['B'] = 0x1B, ['C'] = 0x1C, ['D'] = 0x1D,
    ['E'] = 0x1E, ['F'] = 0x1F,
};

/* Decodes 2*n hex digits of 's' into 'out'; false if any is not hex.
 * Branch-free in the loop: validity is and-ed into one flag. */
static bool
hex_decode(const char *s, size_t n, unsigned char *out)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned ok = 0x10;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        unsigned a0 = hexv[u[0]], b0 = hexv[u[1]];
        unsigned a1 = hexv[u[2]], b1 = hexv[u[3]];
        unsigned a2 = hexv[u[4]], b2 = hexv[u[5]];
        unsigned a3 = hexv[u[6]], b3 = hexv[u[7]];
        ok &= a0 & b0 & a1 & b1 & a2 & b2 & a3 & b3;
        out[i] = (unsigned char)((a0 << 4) | (b0 & 15));
        out[i + 1] = (unsigned char)((a1 << 4) | (b1 & 15));
        out[i + 2] = (unsigned char)((a2 << 4) | (b2 & 15));
        out[i + 3] = (unsigned char)((a3 << 4) | (b3 & 15));
        u += 8;
    }
    for (; i < n; i++) {
        unsigned a = hexv[u[0]], b = hexv[u[1]];
        ok &= a & b;
        out[i] = (unsigned char)((a << 4) | (b & 15));
        u += 2;
    }
    return ok != 0;
}

/* hex_decode for big blobs: one lookup per output byte in a table of all
 * 65536 character pairs (value | 0x100 when both are hex digits), built
 * per call (~65k stores, nothing next to megabytes). Falls back to
 * hex_decode if the table cannot be allocated. */
static bool
hex_decode_big(eo_ctx *ctx, const char *s, size_t n, unsigned char *out)
{
    if (n < (1u << 20))
        return hex_decode(s, n, out);
    uint16_t *t = eo_raw_alloc(ctx, 65536 * sizeof(uint16_t));
    if (!t)
        return hex_decode(s, n, out);
    for (unsigned a = 0; a < 256; a++) {
        for (unsigned b = 0; b < 256; b++) {
            unsigned va = hexv[a], vb = hexv[b];
            uint16_t v = 0;
            if (va & vb & 0x10)
                v = (uint16_t)(0x100 | ((va & 15) << 4) | (vb & 15));
            /* Index as the two bytes read in memory order. */
            unsigned char pair[2] = {(unsigned char)a, (unsigned char)b};
            uint16_t k;
            memcpy(&k, pair, 2);
            t[k] = v;
        }
    }
    unsigned ok = 0x100;
    for (size_t i = 0; i < n; i++) {
        uint16_t k;
        memcpy(&k, s + 2 * i, 2);
        unsigned v = t[k];
        ok &= v;
        out[i] = (unsigned char)v;
    }
    eo_raw_free(ctx, t, 65536 * sizeof(uint16_t));
    return ok != 0;
}

/* ------------------------------------------------------------------ */
/* Integer literals                                                    */
/* ------------------------------------------------------------------ */

/* An unsigned magnitude in 64-bit little-endian words. */
typedef struct magnitude {
    uint64_t *w;
    size_t n;                 /* words in use (>= 1) */
    uint64_t small;
} magnitude;

static unsigned
mag_active_bits(const magnitude *m)
{
    size_t n = m->n;
    while (n > 1 && !m->w[n - 1])
        n--;
    uint64_t top = m->w[n - 1];
    unsigned b = 0;
    while (top) {
        b++;
        top >>= 1;
    }
    return (unsigned)((n - 1) * 64) + b;
}

/* Reads an integer token (decimal or 0x hex) of any length. */
static eo_status
mag_parse(eo_parser *p, const char *s, size_t len, magnitude *m)
{
    m->w = &m->small;
    m->n = 1;
    m->small = 0;
    bool hex = len > 2 && s[0] == '0' && s[1] == 'x';
    if (hex) {
        s += 2;
        len -= 2;
        while (len > 1 && *s == '0') {
            s++;
            len--;
        }
        size_t nw = (len + 15) / 16;
        if (nw > 1) {
            m->w = eo_parser_scratch(p, nw * 8);
            if (!m->w)
                return EO_NOMEM;
        }
        m->n = nw ? nw : 1;
        m->w[0] = 0;
        for (size_t i = 0; i < len; i++) {
            size_t bit = (len - 1 - i) * 4;
            m->w[bit / 64] |= (uint64_t)(hexv[(unsigned char)s[i]] & 15)
                              << (bit % 64);
        }
        return EO_OK;
    }
    uint64_t v = 0;
    size_t i = 0;
    for (; i < len; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            break;
        v = v * 10 + d;
    }
    m->small = v;
    if (i == len)
        return EO_OK;
    /* Long decimal: schoolbook multiply-add on 32-bit halves. */
    size_t nw = len / 19 + 2;
    uint64_t *w = eo_parser_scratch(p, nw * 8);
    if (!w)
        return EO_NOMEM;
    size_t used = 1;
    w[0] = 0;
    for (i = 0; i < len; i++) {
        uint64_t carry = (uint64_t)(s[i] - '0');
        for (size_t k = 0; k < used; k++) {
            uint64_t lo = (w[k] & 0xFFFFFFFFu) * 10 + carry;
            uint64_t hi = (w[k] >> 32) * 10 + (lo >> 32);
            w[k] = (hi << 32) | (lo & 0xFFFFFFFFu);
            carry = hi >> 32;
        }
        if (carry && used < nw)
            w[used++] = carry;
    }
    m->w = w;
    m->n = used;
    return EO_OK;
}

/* MLIR's buildAttributeAPInt: fits the magnitude (negated if 'neg') to
 * the type's width. Writes ceil(width/64) words (at least one) to 'out'
 * (scratch); false if out of range. */
static bool
fit_int(eo_parser *p, const magnitude *m, bool neg, const eo_type *type,
        uint64_t *small, uint64_t **out, size_t *nout)
{
    unsigned width = eo_type_is_index(type) ? 64 : eo_type_int_width(type);
    bool is_signed = eo_type_is_index(type) ||
                     eo_type_int_signedness(type) == EO_SIGNED;
    if (mag_active_bits(m) > width)
        return false;
    size_t nw = width > 64 ? (width + 63) / 64 : 1;
    uint64_t *w = small;
    if (nw > 1) {
        w = eo_parser_scratch(p, nw * 8);
        if (!w)
            return nomem(p), false;
    }
    for (size_t i = 0; i < nw; i++)
        w[i] = i < m->n ? m->w[i] : 0;
    unsigned topbit = width ? width - 1 : 0;
    if (width == 0) {
        if (neg)
            return false;
    } else if (neg) {
        /* Two's complement negation within 'width' bits; MLIR rejects a
         * result without the sign bit (-0, or below the minimum). */
        uint64_t carry = 1;
        for (size_t i = 0; i < nw; i++) {
            uint64_t v = ~w[i] + carry;
            carry = carry && v == 0;
            w[i] = v;
        }
        if (width % 64)
            w[nw - 1] &= (1ull << (width % 64)) - 1;
        if (!((w[topbit / 64] >> (topbit % 64)) & 1))
            return false;
    } else if (is_signed && ((w[topbit / 64] >> (topbit % 64)) & 1)) {
        return false;
    }
    *out = w;
    *nout = nw;
    return true;
}

/* ------------------------------------------------------------------ */
/* Float literals                                                      */
/* ------------------------------------------------------------------ */

/* A FLOAT token's value: parsed as a double, then converted (MLIR's
 * parseFloatFromLiteral does the same). */
static void
float_from_token(eo_parser *p, const eo_token *t, bool neg, eo_float_kind k,
                 uint64_t *lo, uint64_t *hi)
{
    char buf[128];
    char *s = buf;
    if (t->len >= sizeof buf) {
        s = eo_parser_scratch(p, t->len + 1);
        if (!s) {
            nomem(p);
            *lo = *hi = 0;
            return;
        }
    }
    memcpy(s, t->text, t->len);
    s[t->len] = '\0';
    double d = strtod(s, NULL);
    eo_float_from_double(k, neg ? -d : d, lo, hi);
}

/* Hex integer token as the bits of a float type. */
static eo_status
float_from_hex(eo_parser *p, const eo_token *t, bool neg, const eo_type *ft,
               uint64_t *lo, uint64_t *hi)
{
    if (!(t->len > 2 && t->text[0] == '0' && t->text[1] == 'x')) {
        eo_diag_builder *b = eo_diag_begin(
            p->ctx, EO_SEV_ERROR, eo_parser_tok_loc(p, t),
            "unexpected decimal integer literal for a floating point value");
        eo_diag_note(b, eo_parser_tok_loc(p, t),
                     "add a trailing dot to make the literal a float");
        p->failed = true;
        return eo_diag_emit(b);
    }
    if (neg)
        return eo_parser_error_at(p, t, "hexadecimal float literal should "
                                  "not have a leading minus");
    magnitude m;
    if (mag_parse(p, t->text, t->len, &m) != EO_OK)
        return nomem(p), EO_NOMEM;
    if (mag_active_bits(&m) > eo_type_float_width(ft))
        return eo_parser_error_at(p, t, "hexadecimal float constant out of "
                                  "range for type");
    *lo = m.w[0];
    *hi = m.n > 1 ? m.w[1] : 0;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Numbers as attributes                                               */
/* ------------------------------------------------------------------ */

static const eo_attr *
parse_number(eo_parser *p, const eo_type *type)
{
    bool neg = false;
    if (EO_AT(p, EO_TOK_MINUS)) {
        neg = true;
        eo_parser_advance(p);
    }
    eo_token num = p->tok;
    if (num.kind != EO_TOK_INTEGER && num.kind != EO_TOK_FLOAT) {
        eo_parser_error(p, "expected constant integer or floating point "
                        "value");
        return NULL;
    }
    eo_parser_advance(p);
    eo_token type_tok = p->tok;
    if (!type) {
        if (EO_AT(p, EO_TOK_COLON)) {
            eo_parser_advance(p);
            type_tok = p->tok;
            type = eo_parse_type_impl(p);
            if (!type)
                return NULL;
        } else {
            type = num.kind == EO_TOK_FLOAT
                       ? eo_type_get_float(p->ctx, EO_F64)
                       : eo_type_get_int(p->ctx, 64);
            if (!type)
                return nomem(p);
        }
    }
    const eo_attr *a;
    if (num.kind == EO_TOK_FLOAT) {
        if (!eo_type_is_float(type)) {
            eo_parser_error_at(p, &type_tok, "floating point value not "
                               "valid for specified type");
            return NULL;
        }
        uint64_t lo, hi;
        float_from_token(p, &num, neg, eo_type_float_kind(type), &lo, &hi);
        a = eo_attr_get_float_wide(p->ctx, type, lo, hi);
        return a ? a : nomem(p);
    }
    if (eo_type_is_float(type)) {
        uint64_t lo, hi;
        if (float_from_hex(p, &num, neg, type, &lo, &hi) != EO_OK)
            return NULL;
        a = eo_attr_get_float_wide(p->ctx, type, lo, hi);
        return a ? a : nomem(p);
    }
    if (!eo_type_is_int(type) && !eo_type_is_index(type)) {
        eo_parser_error_at(p, &type_tok, "integer literal not valid for "
                           "specified type");
        return NULL;
    }
    if (neg && eo_type_is_int(type) &&
        eo_type_int_signedness(type) == EO_UNSIGNED) {
        eo_parser_error_at(p, &num, "negative integer literal not valid "
                           "for unsigned integer type");
        return NULL;
    }
    magnitude m;
    if (mag_parse(p, num.text, num.len, &m) != EO_OK)
        return nomem(p);
    uint64_t small, *w;
    size_t nw;
    if (!fit_int(p, &m, neg, type, &small, &w, &nw)) {
        eo_parser_error_at(p, &num, "integer constant out of range for "
                           "attribute");
        return NULL;
    }
    a = eo_attr_get_int_words(p->ctx, type, nw, w);
    return a ? a : nomem(p);
}

/* ------------------------------------------------------------------ */
/* Dense elements                                                      */
/* ------------------------------------------------------------------ */

/* One scalar of a dense literal; a complex element is two scalars, the
 * first marked 'pair'. */
typedef struct elem_tok {
    eo_token tok;
    bool neg;
    bool pair;
} elem_tok;

typedef struct dense_lit {
    elem_tok *v;
    size_t n, cap;
    size_t nelems;            /* literal elements (pairs count once) */
    bool has_pairs, has_scalars;
} dense_lit;

static eo_status
lit_push(eo_parser *p, dense_lit *d, const elem_tok *e)
{
    if (d->n == d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 64;
        elem_tok *nv = eo_parser_scratch(p, ncap * sizeof(*nv));
        if (!nv)
            return nomem(p), EO_NOMEM;
        if (d->n)
            memcpy(nv, d->v, d->n * sizeof(*nv));
        d->v = nv;
        d->cap = ncap;
    }
    d->v[d->n++] = *e;
    return EO_OK;
}

static eo_status
parse_scalar(eo_parser *p, elem_tok *e)
{
    memset(e, 0, sizeof(*e));
    if (EO_AT(p, EO_TOK_MINUS)) {
        e->neg = true;
        eo_parser_advance(p);
        if (!EO_AT(p, EO_TOK_INTEGER) && !EO_AT(p, EO_TOK_FLOAT))
            return eo_parser_error(p, "expected integer or floating point "
                                   "literal");
    }
    if (EO_AT(p, EO_TOK_INTEGER) || EO_AT(p, EO_TOK_FLOAT) ||
        tok_is(&p->tok, "true") || tok_is(&p->tok, "false")) {
        if (e->neg && p->tok.kind == EO_TOK_BARE_IDENT)
            return eo_parser_error(p, "expected integer or floating point "
                                   "literal");
        e->tok = p->tok;
        eo_parser_advance(p);
        return EO_OK;
    }
    return eo_parser_error(p, "expected element literal of primitive type");
}

/* An element: scalar or "(re, im)". */
static eo_status
parse_elem(eo_parser *p, dense_lit *d)
{
    elem_tok e;
    if (EO_AT(p, EO_TOK_LPAREN)) {
        eo_parser_advance(p);
        elem_tok im;
        if (parse_scalar(p, &e) != EO_OK ||
            expect(p, EO_TOK_COMMA, "expected ','") != EO_OK ||
            parse_scalar(p, &im) != EO_OK ||
            expect(p, EO_TOK_RPAREN, "expected ')'") != EO_OK)
            return EO_ERROR;
        e.pair = true;
        d->has_pairs = true;
        d->nelems++;
        if (lit_push(p, d, &e) != EO_OK)
            return EO_NOMEM;
        return lit_push(p, d, &im);
    }
    if (parse_scalar(p, &e) != EO_OK)
        return EO_ERROR;
    d->has_scalars = true;
    d->nelems++;
    return lit_push(p, d, &e);
}

/* "[...]" with its shape in *dims (scratch) of *rank entries. */
static eo_status
parse_list(eo_parser *p, dense_lit *d, int64_t **dims, size_t *rank)
{
    if (++p->depth > EO_MAX_DEPTH) {
        p->depth--;
        return eo_parser_error(p, "nesting too deep in elements literal");
    }
    eo_parser_advance(p);   /* '[' */
    int64_t *prev = NULL;
    size_t prev_rank = 0;
    int64_t count = 0;
    eo_status st = EO_OK;
    if (!EO_AT(p, EO_TOK_RSQUARE)) {
        for (;;) {
            eo_token at = p->tok;
            int64_t *sub = NULL;
            size_t sub_rank = 0;
            if (EO_AT(p, EO_TOK_LSQUARE))
                st = parse_list(p, d, &sub, &sub_rank);
            else
                st = parse_elem(p, d);
            if (st != EO_OK)
                goto out;
            if (count == 0) {
                prev = sub;
                prev_rank = sub_rank;
            } else if (sub_rank != prev_rank ||
                       (sub_rank &&
                        memcmp(sub, prev, sub_rank * sizeof(*sub)) != 0)) {
                st = eo_parser_error_at(p, &at, "tensor literal is invalid; "
                                        "ranks are not consistent between "
                                        "elements");
                goto out;
            }
            count++;
            if (!EO_AT(p, EO_TOK_COMMA))
                break;
            eo_parser_advance(p);
        }
    }
    if ((st = expect(p, EO_TOK_RSQUARE, "expected ']'")) != EO_OK)
        goto out;
    int64_t *nd = eo_parser_scratch(p, (prev_rank + 1) * sizeof(*nd));
    if (!nd) {
        st = EO_NOMEM;
        nomem(p);
        goto out;
    }
    nd[0] = count;
    if (prev_rank)
        memcpy(nd + 1, prev, prev_rank * sizeof(*nd));
    *dims = nd;
    *rank = prev_rank + 1;
out:
    p->depth--;
    return st;
}

static void
dims_text(eo_strbuf *b, const int64_t *d, size_t n)
{
    eo_strbuf_append(b, "[", 1);
    for (size_t i = 0; i < n; i++)
        eo_strbuf_printf(b, i ? ", %lld" : "%lld", (long long)d[i]);
    eo_strbuf_append(b, "]", 1);
}

static unsigned char *
dense_buf(eo_parser *p, size_t n)
{
    unsigned char *b = eo_parser_scratch(p, n ? n : 1);
    return b ? b : nomem(p);
}

/* Writes one scalar of element type 'et' (not complex) to 'dst'. */
static eo_status
write_scalar(eo_parser *p, const elem_tok *e, const eo_type *et,
             unsigned char *dst)
{
    size_t eb = eo_dense_elem_bytes(et);
    const eo_token *t = &e->tok;
    bool is_bool = t->kind == EO_TOK_BARE_IDENT;
    if (eo_type_is_float(et)) {
        uint64_t lo, hi;
        if (is_bool)
            return eo_parser_error_at(p, t, "expected i1 type for 'true' or "
                                      "'false' values");
        if (t->kind == EO_TOK_FLOAT) {
            float_from_token(p, t, e->neg, eo_type_float_kind(et), &lo, &hi);
        } else {
            if (!(t->len > 2 && t->text[1] == 'x'))
                return eo_parser_error_at(p, t, "expected floating-point "
                                          "elements, but parsed integer");
            if (float_from_hex(p, t, e->neg, et, &lo, &hi) != EO_OK)
                return EO_ERROR;
        }
        for (size_t i = 0; i < eb; i++)
            dst[i] = (unsigned char)(i < 8 ? lo >> (8 * i)
                                           : hi >> (8 * (i - 8)));
        return EO_OK;
    }
    if (is_bool) {
        if (!eo_type_is_signless_int(et, 1))
            return eo_parser_error_at(p, t, "expected i1 type for 'true' or "
                                      "'false' values");
        dst[0] = tok_is(t, "true");
        return EO_OK;
    }
    if (t->kind == EO_TOK_FLOAT)
        return eo_parser_error_at(p, t, "expected integer elements, but "
                                  "parsed floating-point");
    if (e->neg && eo_type_is_int(et) &&
        eo_type_int_signedness(et) == EO_UNSIGNED)
        return eo_parser_error_at(p, t, "expected unsigned integer elements, "
                                  "but parsed negative value");
    magnitude m;
    if (mag_parse(p, t->text, t->len, &m) != EO_OK)
        return nomem(p), EO_NOMEM;
    uint64_t small, *w;
    size_t nw;
    if (!fit_int(p, &m, e->neg, et, &small, &w, &nw))
        return eo_parser_error_at(p, t, "integer constant out of range for "
                                  "type");
    for (size_t i = 0; i < eb; i++)
        dst[i] = i / 8 < nw ? (unsigned char)(w[i / 8] >> (8 * (i % 8))) : 0;
    return EO_OK;
}

/* A literal element (scalar or pair at v[*i]) into 'dst'. */
static eo_status
write_elem(eo_parser *p, const dense_lit *d, size_t *i, const eo_type *et,
           unsigned char *dst)
{
    const elem_tok *e = &d->v[*i];
    if (eo_type_get_kind(et) == EO_TYPE_COMPLEX) {
        const eo_type *ct = eo_type_elem(et);
        if (!e->pair)
            return eo_parser_error_at(p, &e->tok, "expected a complex "
                                      "element, as '(real, imaginary)'");
        size_t half = eo_dense_elem_bytes(ct);
        *i += 2;
        if (write_scalar(p, e, ct, dst) != EO_OK)
            return EO_ERROR;
        return write_scalar(p, e + 1, ct, dst + half);
    }
    if (e->pair)
        return eo_parser_error_at(p, &e->tok, "complex element literal not "
                                  "valid for element type '%s'",
                                  type_text(p, et));
    *i += 1;
    return write_scalar(p, e, et, dst);
}

/* The hex form dense<"0x..."> (MLIR's raw buffer; i1 is bit-packed). */
static const eo_attr *
dense_from_hex(eo_parser *p, const eo_token *str, const eo_type *type,
               const eo_token *type_tok)
{
    const eo_type *et = eo_type_elem(type);
    size_t eb = eo_dense_elem_bytes(et);
    const char *hex = str->text + 3;
    size_t hlen = str->len - 4;
    if (hlen % 2) {
        eo_parser_error_at(p, str, "expected string containing hex digits "
                           "starting with `0x`");
        return NULL;
    }
    size_t nbytes = hlen / 2;
    uint64_t num = (uint64_t)eo_type_num_elements(type);
    bool is_i1 = eo_type_is_signless_int(et, 1);
    uint64_t full = is_i1 ? (num + 7) / 8
                          : (num <= UINT64_MAX / eb ? num * eb : UINT64_MAX);
    bool splat;
    if (nbytes == full && num > 0)
        splat = false;
    else if (nbytes == (is_i1 ? 1 : eb) && num > 0)
        splat = true;
    else if (num == 0 && nbytes == 0)
        splat = false;
    else {
        eo_parser_error_at(p, type_tok, "elements hex data size is invalid "
                           "for provided type: '%s'", type_text(p, type));
        return NULL;
    }
    unsigned char *raw = dense_buf(p, nbytes);
    if (!raw)
        return NULL;
    if (!hex_decode_big(p->ctx, hex, nbytes, raw)) {
        eo_parser_error_at(p, str, "expected string containing hex digits "
                           "starting with `0x`");
        return NULL;
    }
    const eo_attr *a;
    if (is_i1) {
        if (splat && num > 8) {
            if (raw[0] != 0 && raw[0] != 0xFF) {
                eo_parser_error_at(p, type_tok, "elements hex data size is "
                                   "invalid for provided type: '%s'",
                                   type_text(p, type));
                return NULL;
            }
            unsigned char b = raw[0] ? 1 : 0;
            a = eo_attr_get_dense(p->ctx, type, &b, 1, true);
        } else {
            unsigned char *bits = dense_buf(p, (size_t)num);
            if (!bits)
                return NULL;
            for (uint64_t i = 0; i < num; i++)
                bits[i] = (raw[i / 8] >> (i % 8)) & 1;
            a = eo_attr_get_dense(p->ctx, type, bits, (size_t)num, false);
        }
    } else {
        a = eo_attr_get_dense(p->ctx, type, raw, nbytes, splat);
    }
    return a ? a : nomem(p);
}

/* After "dense": "<literal> : type". */
static const eo_attr *
parse_dense(eo_parser *p, const eo_type *type)
{
    if (expect(p, EO_TOK_LESS, "expected '<' after 'dense'") != EO_OK)
        return NULL;
    dense_lit d;
    memset(&d, 0, sizeof d);
    int64_t *dims = NULL;
    size_t rank = 0;
    bool empty = false, is_hex = false;
    eo_token str = p->tok;
    if (EO_AT(p, EO_TOK_GREATER)) {
        empty = true;
    } else if (EO_AT(p, EO_TOK_STRING)) {
        if (!(str.len >= 4 && str.text[1] == '0' && str.text[2] == 'x')) {
            eo_parser_error(p, "dense string elements are not supported");
            return NULL;
        }
        is_hex = true;
        eo_parser_advance(p);
    } else if (EO_AT(p, EO_TOK_LSQUARE)) {
        if (parse_list(p, &d, &dims, &rank) != EO_OK)
            return NULL;
    } else if (parse_elem(p, &d) != EO_OK) {
        return NULL;
    }
    if (expect(p, EO_TOK_GREATER, "expected '>'") != EO_OK)
        return NULL;
    eo_token type_tok = p->tok;
    if (!type) {
        if (expect(p, EO_TOK_COLON, "expected ':'") != EO_OK)
            return NULL;
        type_tok = p->tok;
        type = eo_parse_type_impl(p);
        if (!type)
            return NULL;
    }
    eo_type_kind tk = eo_type_get_kind(type);
    if (tk != EO_TYPE_TENSOR && tk != EO_TYPE_VECTOR && tk != EO_TYPE_MEMREF) {
        eo_parser_error_at(p, &type_tok, "elements literal must be a shaped "
                           "type");
        return NULL;
    }
    int64_t num = eo_type_num_elements(type);
    if (num < 0) {
        eo_parser_error_at(p, &type_tok, "elements literal type must have "
                           "static shape");
        return NULL;
    }
    const eo_type *et = eo_type_elem(type);
    size_t eb = eo_dense_elem_bytes(et);
    if (!eb) {
        eo_parser_error_at(p, &type_tok, "unsupported element type '%s' for "
                           "dense elements", type_text(p, et));
        return NULL;
    }
    if (is_hex)
        return dense_from_hex(p, &str, type, &type_tok);
    const eo_attr *a;
    if (empty) {
        if (num != 0) {
            eo_parser_error_at(p, &type_tok, "parsed zero elements, but type "
                               "('%s') expected at least 1",
                               type_text(p, type));
            return NULL;
        }
        a = eo_attr_get_dense(p->ctx, type, NULL, 0, false);
        return a ? a : nomem(p);
    }
    if (!dims) {
        /* A single element: a splat of any shape. */
        unsigned char *buf = dense_buf(p, eb);
        size_t i = 0;
        if (!buf || write_elem(p, &d, &i, et, buf) != EO_OK)
            return NULL;
        a = eo_attr_get_dense(p->ctx, type, buf, eb, true);
        return a ? a : nomem(p);
    }
    size_t trank = eo_type_rank(type);
    const int64_t *tshape = eo_type_shape(type);
    if (rank != trank || memcmp(dims, tshape, rank * sizeof(*dims)) != 0) {
        eo_strbuf b1 = {0}, b2 = {0};
        dims_text(&b1, dims, rank);
        dims_text(&b2, tshape, trank);
        eo_parser_error_at(p, &type_tok, "inferred shape of elements literal "
                           "(%.*s) does not match type (%.*s)",
                           (int)b1.len, b1.data ? b1.data : "",
                           (int)b2.len, b2.data ? b2.data : "");
        eo_strbuf_free(&b1);
        eo_strbuf_free(&b2);
        return NULL;
    }
    /* num == d.nelems here: the shape matched. */
    unsigned char *buf = dense_buf(p, (size_t)num * eb);
    if (!buf)
        return NULL;
    size_t i = 0;
    for (int64_t k = 0; k < num; k++)
        if (write_elem(p, &d, &i, et, buf + (size_t)k * eb) != EO_OK)
            return NULL;
    a = eo_attr_get_dense(p->ctx, type, buf, (size_t)num * eb, false);
    return a ? a : nomem(p);
}

/* After "dense_resource": "<key> : type". */
static const eo_attr *
parse_dense_resource(eo_parser *p, const eo_type *type)
{
    if (expect(p, EO_TOK_LESS, "expected '<'") != EO_OK)
        return NULL;
    if (!EO_AT(p, EO_TOK_BARE_IDENT)) {
        eo_parser_error(p, "expected identifier key for 'resource' entry");
        return NULL;
    }
    eo_resource *r = eo_resource_declare(p->ctx, p->tok.text, p->tok.len);
    if (!r)
        return nomem(p);
    eo_parser_advance(p);
    if (expect(p, EO_TOK_GREATER, "expected '>'") != EO_OK)
        return NULL;
    eo_token type_tok = p->tok;
    if (!type) {
        if (expect(p, EO_TOK_COLON, "expected ':'") != EO_OK)
            return NULL;
        type_tok = p->tok;
        type = eo_parse_type_impl(p);
        if (!type)
            return NULL;
    }
    eo_type_kind tk = eo_type_get_kind(type);
    if (tk != EO_TYPE_TENSOR && tk != EO_TYPE_VECTOR && tk != EO_TYPE_MEMREF) {
        eo_parser_error_at(p, &type_tok, "expected a shaped type for "
                           "dense_resource");
        return NULL;
    }
    const eo_attr *a = eo_attr_get_dense_resource(p->ctx, type, r);
    return a ? a : nomem(p);
}

/* After "array": "<T[: v, ...]>". */
static const eo_attr *
parse_dense_array(eo_parser *p)
{
    if (expect(p, EO_TOK_LESS, "expected '<' after 'array'") != EO_OK)
        return NULL;
    eo_token type_tok = p->tok;
    const eo_type *et = eo_parse_type_impl(p);
    if (!et)
        return NULL;
    bool is_int = eo_type_get_kind(et) == EO_TYPE_INTEGER;
    if (!is_int && !eo_type_is_float(et)) {
        eo_parser_error_at(p, &type_tok, "expected integer or float type, "
                           "got: '%s'", type_text(p, et));
        return NULL;
    }
    unsigned w = is_int ? eo_type_int_width(et) : eo_type_float_width(et);
    if (w % 8 && !(is_int && w == 1)) {
        eo_parser_error_at(p, &type_tok, "element type bitwidth must be a "
                           "multiple of 8");
        return NULL;
    }
    size_t eb = eo_dense_elem_bytes(et);
    unsigned char *buf = NULL;
    size_t n = 0, cap = 0;
    if (EO_AT(p, EO_TOK_COLON)) {
        eo_parser_advance(p);
        for (;;) {
            elem_tok e;
            memset(&e, 0, sizeof e);
            if (EO_AT(p, EO_TOK_MINUS)) {
                e.neg = true;
                eo_parser_advance(p);
            }
            e.tok = p->tok;
            bool lit = EO_AT(p, EO_TOK_INTEGER) || EO_AT(p, EO_TOK_FLOAT) ||
                       (!e.neg && (tok_is(&p->tok, "true") ||
                                   tok_is(&p->tok, "false")));
            if (!lit || (is_int && EO_AT(p, EO_TOK_FLOAT))) {
                eo_parser_error(p, is_int ? "expected integer literal"
                                          : "expected float literal");
                return NULL;
            }
            eo_parser_advance(p);
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                unsigned char *nb = dense_buf(p, ncap * eb);
                if (!nb)
                    return NULL;
                if (n)
                    memcpy(nb, buf, n * eb);
                buf = nb;
                cap = ncap;
            }
            if (!is_int && e.tok.kind == EO_TOK_INTEGER) {
                uint64_t lo, hi;
                if (float_from_hex(p, &e.tok, e.neg, et, &lo, &hi) != EO_OK)
                    return NULL;
                for (size_t i = 0; i < eb; i++)
                    buf[n * eb + i] = (unsigned char)(lo >> (8 * i));
            } else if (write_scalar(p, &e, et, buf + n * eb) != EO_OK) {
                return NULL;
            }
            n++;
            if (!EO_AT(p, EO_TOK_COMMA))
                break;
            eo_parser_advance(p);
        }
    }
    if (expect(p, EO_TOK_GREATER, "expected '>' to close an array "
               "attribute") != EO_OK)
        return NULL;
    const eo_attr *a = eo_attr_get_dense_array(p->ctx, et, n, buf);
    return a ? a : nomem(p);
}

/* ------------------------------------------------------------------ */
/* Strided layouts                                                     */
/* ------------------------------------------------------------------ */

static eo_status
parse_dyn_int(eo_parser *p, int64_t *out)
{
    if (EO_AT(p, EO_TOK_QUESTION)) {
        eo_parser_advance(p);
        *out = EO_DYNAMIC;
        return EO_OK;
    }
    if (eo_parse_integer(p, out) != EO_OK)
        return EO_ERROR;
    if (*out == EO_DYNAMIC)
        return eo_parser_error(p, "integer value out of range");
    return EO_OK;
}

static const eo_attr *
parse_strided(eo_parser *p)
{
    if (expect(p, EO_TOK_LESS, "expected '<' after 'strided'") != EO_OK ||
        expect(p, EO_TOK_LSQUARE, "expected '['") != EO_OK)
        return NULL;
    int64_t *s = NULL;
    size_t n = 0, cap = 0;
    if (!EO_AT(p, EO_TOK_RSQUARE)) {
        for (;;) {
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                int64_t *ns = eo_parser_scratch(p, ncap * sizeof(*ns));
                if (!ns)
                    return nomem(p);
                if (n)
                    memcpy(ns, s, n * sizeof(*ns));
                s = ns;
                cap = ncap;
            }
            if (parse_dyn_int(p, &s[n]) != EO_OK)
                return NULL;
            n++;
            if (!EO_AT(p, EO_TOK_COMMA))
                break;
            eo_parser_advance(p);
        }
    }
    if (expect(p, EO_TOK_RSQUARE, "expected ']'") != EO_OK)
        return NULL;
    int64_t offset = 0;
    if (EO_AT(p, EO_TOK_COMMA)) {
        eo_parser_advance(p);
        if (eo_parse_expect_keyword(p, "offset") != EO_OK ||
            expect(p, EO_TOK_COLON, "expected ':' after 'offset'") != EO_OK ||
            parse_dyn_int(p, &offset) != EO_OK)
            return NULL;
    }
    if (expect(p, EO_TOK_GREATER, "expected '>'") != EO_OK)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 0) {
            eo_parser_error(p, "strides must not be zero");
            return NULL;
        }
    }
    const eo_attr *a = eo_attr_get_strided(p->ctx, n, s, offset);
    return a ? a : nomem(p);
}

/* ------------------------------------------------------------------ */
/* Dialect attributes and aliases                                      */
/* ------------------------------------------------------------------ */

/* Scans a balanced "<...>" in the raw source starting at 'at' (which
 * is '<'); returns the position just past the closing '>' or NULL.
 * Tracks lines for the lexer's reset. */
static const char *
scan_angle(eo_parser *p, const char *at, unsigned *line,
           const char **line_start)
{
    const char *s = at, *end = p->lx.end;
    char stack[256];
    unsigned depth = 0;
    while (s < end) {
        char c = *s++;
        switch (c) {
        case '<': case '[': case '(': case '{':
            if (depth == sizeof stack)
                return NULL;
            stack[depth++] = c == '<' ? '>' : c == '[' ? ']'
                             : c == '(' ? ')' : '}';
            break;
        case '>': case ']': case ')': case '}':
            if (!depth || stack[depth - 1] != c)
                return NULL;
            if (--depth == 0)
                return s;
            break;
        case '-':
            if (s < end && *s == '>')
                s++;
            break;
        case '"':
            while (s < end && *s != '"' && *s != '\n') {
                if (*s == '\\' && s + 1 < end)
                    s++;
                s++;
            }
            if (s >= end || *s != '"')
                return NULL;
            s++;
            break;
        case '\n':
            (*line)++;
            *line_start = s;
            break;
        default:
            break;
        }
    }
    return NULL;
}

/* Re-lexes from 'pos' (on 'line') and loads the next token. */
static void
relex_at(eo_parser *p, const char *pos, unsigned line, const char *ls)
{
    eo_lexer_reset_to(&p->lx, pos, line, ls);
    eo_parser_advance(p);
}

static const eo_attr *
parse_hash(eo_parser *p, const eo_type *type)
{
    eo_token t = p->tok;
    const char *name = t.text + 1;
    size_t len = t.len - 1;
    const char *after = t.text + t.len;
    bool angle = after < p->lx.end && *after == '<';
    const char *dot = memchr(name, '.', len);
    if (!dot && !angle) {
        const eo_attr *a = eo_parser_attr_alias(p, name, len);
        if (!a) {
            eo_parser_error(p, "undefined symbol alias id '%.*s'", (int)len,
                            name);
            return NULL;
        }
        eo_parser_advance(p);
        return a;
    }
    size_t dlen = dot ? (size_t)(dot - name) : len;
    if (!eo_is_valid_dialect_namespace(name, dlen)) {
        /* Reported after the namespace, where mlir-opt reports it. */
        eo_token mt = t;
        mt.text = dot ? dot + 1 : after;
        mt.len = 0;
        mt.col = t.col + (unsigned)(mt.text - t.text);
        eo_parser_error_at(p, &mt, "invalid dialect namespace '\"%.*s\"'",
                           (int)dlen, name);
        return NULL;
    }
    const eo_ident *dialect = eo_ident_get(p->ctx, name, dlen);
    if (!dialect)
        return nomem(p);
    eo_dialect *d = eo_dialect_lookup(p->ctx, name, dlen);
    const eo_dialect_desc *desc = d ? eo_dialect_get_desc(d) : NULL;
    if (dot && desc && desc->parse_attr) {
        relex_at(p, dot + 1, p->lx.line, p->lx.line_start);
        return desc->parse_attr(p, type);
    }
    /* "#d<body>" of a dialect that parses its attributes is "#d.body", as
     * in MLIR (printing it back as an opaque "#d.body" the dialect then
     * rejects would not round-trip). */
    if (angle && desc && desc->parse_attr) {
        unsigned bl = p->lx.line;
        const char *bls = p->lx.line_start;
        if (!scan_angle(p, after, &bl, &bls)) {
            eo_parser_error(p, "unbalanced '<' character in pretty dialect "
                            "name");
            return NULL;
        }
        relex_at(p, after + 1, p->lx.line, p->lx.line_start);
        const eo_attr *a = desc->parse_attr(p, type);
        if (!a || expect(p, EO_TOK_GREATER, "expected '>'") != EO_OK)
            return NULL;
        return a;
    }
    /* Opaque: "#d<body>" keeps "body"; "#d.sym<...>" keeps "sym<...>". */
    const char *body = dot ? dot + 1 : after + 1;
    const char *end = after;
    unsigned line = p->lx.line;
    const char *ls = p->lx.line_start;
    if (angle) {
        const char *close = scan_angle(p, after, &line, &ls);
        if (!close) {
            eo_parser_error(p, "unbalanced '<' character in pretty dialect "
                            "name");
            return NULL;
        }
        end = dot ? close : close - 1;
        relex_at(p, close, line, ls);
    } else {
        eo_parser_advance(p);
    }
    const eo_type *at = type;
    if (!at && EO_AT(p, EO_TOK_COLON)) {
        eo_parser_advance(p);
        at = eo_parse_type_impl(p);
        if (!at)
            return NULL;
    }
    const eo_attr *a = eo_attr_get_opaque(p->ctx, dialect, body,
                                          (size_t)(end - body), at);
    return a ? a : nomem(p);
}

/* ------------------------------------------------------------------ */
/* Containers                                                          */
/* ------------------------------------------------------------------ */

static const eo_attr *
parse_array(eo_parser *p)
{
    eo_parser_advance(p);   /* '[' */
    const eo_attr **v = NULL;
    size_t n = 0, cap = 0;
    if (!EO_AT(p, EO_TOK_RSQUARE)) {
        for (;;) {
            const eo_attr *e = eo_parse_attr_impl(p, NULL);
            if (!e)
                return NULL;
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                const eo_attr **nv = eo_parser_scratch(p, ncap * sizeof(*nv));
                if (!nv)
                    return nomem(p);
                if (n)
                    memcpy(nv, v, n * sizeof(*nv));
                v = nv;
                cap = ncap;
            }
            v[n++] = e;
            if (!EO_AT(p, EO_TOK_COMMA))
                break;
            eo_parser_advance(p);
        }
    }
    if (expect(p, EO_TOK_RSQUARE, "expected ',' or ']'") != EO_OK)
        return NULL;
    const eo_attr *a = eo_attr_get_array(p->ctx, n, v);
    return a ? a : nomem(p);
}

static int
cmp_named_ptr(const void *a, const void *b)
{
    const eo_named_attr *x = a, *y = b;
    uintptr_t px = (uintptr_t)x->name, py = (uintptr_t)y->name;
    return px < py ? -1 : px > py;
}

const eo_attr *
eo_parse_dict_impl(eo_parser *p)
{
    if (expect(p, EO_TOK_LBRACE, "expected '{'") != EO_OK)
        return NULL;
    eo_named_attr *v = NULL;
    size_t n = 0, cap = 0;
    if (++p->depth > EO_MAX_DEPTH) {
        p->depth--;
        eo_parser_error(p, "nesting too deep");
        return NULL;
    }
    const eo_attr *res = NULL;
    if (!EO_AT(p, EO_TOK_RBRACE)) {
        for (;;) {
            const eo_ident *name;
            if (EO_AT(p, EO_TOK_BARE_IDENT)) {
                name = eo_ident_get(p->ctx, p->tok.text, p->tok.len);
            } else if (EO_AT(p, EO_TOK_STRING)) {
                char *s;
                size_t len;
                if (eo_string_unescape(p->ctx, p->tok.text, p->tok.len, &s,
                                       &len) != EO_OK) {
                    nomem(p);
                    goto out;
                }
                if (len == 0) {
                    eo_ctx_free(p->ctx, s, p->tok.len - 1);
                    eo_parser_error(p, "expected valid attribute name");
                    goto out;
                }
                name = eo_ident_get(p->ctx, s, len);
                eo_ctx_free(p->ctx, s, p->tok.len - 1);
            } else {
                eo_parser_error(p, "expected attribute name");
                goto out;
            }
            if (!name) {
                nomem(p);
                goto out;
            }
            eo_parser_advance(p);
            const eo_attr *val;
            if (EO_AT(p, EO_TOK_EQUAL)) {
                eo_parser_advance(p);
                val = eo_parse_attr_impl(p, NULL);
            } else {
                val = eo_attr_get_unit(p->ctx);
                if (!val)
                    nomem(p);
            }
            if (!val)
                goto out;
            if (n == cap) {
                size_t ncap = cap ? cap * 2 : 8;
                eo_named_attr *nv = eo_parser_scratch(p, ncap * sizeof(*nv));
                if (!nv) {
                    nomem(p);
                    goto out;
                }
                if (n)
                    memcpy(nv, v, n * sizeof(*nv));
                v = nv;
                cap = ncap;
            }
            v[n].name = name;
            v[n].value = val;
            n++;
            if (!EO_AT(p, EO_TOK_COMMA))
                break;
            eo_parser_advance(p);
        }
    }
    if (expect(p, EO_TOK_RBRACE, "expected '}' in attribute dictionary")
        != EO_OK)
        goto out;
    res = eo_attr_get_dict(p->ctx, n, v);
    if (!res && n > 1) {
        /* NULL means a repeated name (or no memory): find which. */
        qsort(v, n, sizeof(*v), cmp_named_ptr);
        for (size_t i = 1; i < n; i++) {
            if (v[i].name == v[i - 1].name) {
                eo_parser_error(p, "duplicate key '%s' in dictionary "
                                "attribute", eo_ident_str(v[i].name));
                goto out;
            }
        }
    }
    if (!res)
        nomem(p);
out:
    p->depth--;
    return res;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

static const eo_attr *
parse_symbol_ref(eo_parser *p)
{
    const eo_ident *root;
    if (eo_parse_symbol_name(p, &root) != EO_OK)
        return NULL;
    const eo_ident **nested = NULL;
    size_t n = 0, cap = 0;
    while (EO_AT(p, EO_TOK_COLONCOLON)) {
        eo_parser_advance(p);
        if (!EO_AT(p, EO_TOK_AT_IDENT)) {
            eo_parser_error(p, "expected nested symbol reference identifier");
            return NULL;
        }
        const eo_ident *id;
        if (eo_parse_symbol_name(p, &id) != EO_OK)
            return NULL;
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            const eo_ident **nn = eo_parser_scratch(p, ncap * sizeof(*nn));
            if (!nn)
                return nomem(p);
            if (n)
                memcpy(nn, nested, n * sizeof(*nn));
            nested = nn;
            cap = ncap;
        }
        nested[n++] = id;
    }
    const eo_attr *a = eo_attr_get_symbol_ref(p->ctx, root, n, nested);
    return a ? a : nomem(p);
}

static const eo_attr *
parse_string_attr(eo_parser *p, const eo_type *type)
{
    char *s;
    size_t len;
    eo_token t = p->tok;
    if (eo_string_unescape(p->ctx, t.text, t.len, &s, &len) != EO_OK)
        return nomem(p);
    eo_parser_advance(p);
    if (!type && EO_AT(p, EO_TOK_COLON)) {
        eo_parser_advance(p);
        type = eo_parse_type_impl(p);
        if (!type) {
            eo_ctx_free(p->ctx, s, t.len - 1);
            return NULL;
        }
    }
    const eo_attr *a = eo_attr_get_string(p->ctx, s, len, type);
    eo_ctx_free(p->ctx, s, t.len - 1);
    return a ? a : nomem(p);
}

static const eo_attr *
parse_attr_inner(eo_parser *p, const eo_type *type)
{
    eo_token t = p->tok;
    const eo_attr *a;
    switch (t.kind) {
    case EO_TOK_ERROR:
        return NULL;          /* the lexer's error is already reported */
    case EO_TOK_INTEGER:
    case EO_TOK_FLOAT:
    case EO_TOK_MINUS:
        return parse_number(p, type);
    case EO_TOK_STRING:
        return parse_string_attr(p, type);
    case EO_TOK_LSQUARE:
        return parse_array(p);
    case EO_TOK_LBRACE:
        return eo_parse_dict_impl(p);
    case EO_TOK_AT_IDENT:
        return parse_symbol_ref(p);
    case EO_TOK_HASH_IDENT:
        return parse_hash(p, type);
    case EO_TOK_BARE_IDENT:
        if (tok_is(&t, "true") || tok_is(&t, "false")) {
            eo_parser_advance(p);
            a = eo_attr_get_bool(p->ctx, tok_is(&t, "true"));
            return a ? a : nomem(p);
        }
        if (tok_is(&t, "unit")) {
            eo_parser_advance(p);
            a = eo_attr_get_unit(p->ctx);
            return a ? a : nomem(p);
        }
        if (tok_is(&t, "dense")) {
            eo_parser_advance(p);
            return parse_dense(p, type);
        }
        if (tok_is(&t, "dense_resource")) {
            eo_parser_advance(p);
            return parse_dense_resource(p, type);
        }
        if (tok_is(&t, "array")) {
            eo_parser_advance(p);
            return parse_dense_array(p);
        }
        if (tok_is(&t, "strided")) {
            eo_parser_advance(p);
            return parse_strided(p);
        }
        if (tok_is(&t, "affine_map") || tok_is(&t, "affine_set")) {
            bool is_map = tok_is(&t, "affine_map");
            eo_parser_advance(p);
            if (expect(p, EO_TOK_LESS, "expected '<'") != EO_OK)
                return NULL;
            if (is_map) {
                const eo_affine_map *m;
                if (eo_parse_affine_map(p, &m) != EO_OK)
                    return NULL;
                a = eo_attr_get_affine_map(p->ctx, m);
            } else {
                const eo_integer_set *s;
                if (eo_parse_integer_set(p, &s) != EO_OK)
                    return NULL;
                a = eo_attr_get_integer_set(p->ctx, s);
            }
            if (!a)
                return nomem(p);
            if (expect(p, EO_TOK_GREATER, "expected '>'") != EO_OK)
                return NULL;
            return a;
        }
        if (tok_is(&t, "loc")) {
            eo_parser_advance(p);
            const eo_loc *l = eo_parse_loc_body(p);
            if (!l)
                return NULL;
            a = eo_attr_get_location(p->ctx, l);
            return a ? a : nomem(p);
        }
        if (tok_is(&t, "sparse") || tok_is(&t, "distinct")) {
            eo_parser_error(p, "'%.*s' attributes are not supported",
                            (int)t.len, t.text);
            return NULL;
        }
        break;
    default:
        break;
    }
    if (eo_parser_at_type(p)) {
        const eo_type *ty = eo_parse_type_impl(p);
        if (!ty)
            return NULL;
        a = eo_attr_get_type(p->ctx, ty);
        return a ? a : nomem(p);
    }
    eo_parser_error(p, "expected attribute value");
    return NULL;
}

const eo_attr *
eo_parse_attr_impl(eo_parser *p, const eo_type *type)
{
    if (++p->depth > EO_MAX_DEPTH) {
        p->depth--;
        eo_parser_error(p, "nesting too deep");
        return NULL;
    }
    const eo_attr *a = parse_attr_inner(p, type);
    p->depth--;
    if (!a)
        p->failed = true;
    return a;
}

eo_status
eo_parse_attr(eo_parser *p, const eo_type *type, const eo_attr **out)
{
    *out = eo_parse_attr_impl(p, type);
    return *out ? EO_OK : EO_ERROR;
}

const eo_attr *
eo_attr_parse(eo_ctx *ctx, const char *s, size_t len)
{
    eo_parser p;
    if (eo_parser_init(&p, ctx, "<attribute>", s, len, 1) != EO_OK) {
        eo_parser_fini(&p);
        return NULL;
    }
    const eo_attr *a = NULL;
    if (!EO_AT(&p, EO_TOK_ERROR)) {
        a = eo_parse_attr_impl(&p, NULL);
        if (a && !EO_AT(&p, EO_TOK_EOF)) {
            eo_parser_error(&p, "unexpected trailing characters after "
                            "attribute");
            a = NULL;
        }
    }
    eo_parser_fini(&p);
    return a;
}

/* ------------------------------------------------------------------ */
/* Parser API helpers                                                  */
/* ------------------------------------------------------------------ */

eo_status
eo_parse_string(eo_parser *p, char **out, size_t *len)
{
    if (!EO_AT(p, EO_TOK_STRING))
        return eo_parser_error(p, "expected string");
    if (eo_string_unescape(p->ctx, p->tok.text, p->tok.len, out, len)
        != EO_OK)
        return nomem(p), EO_NOMEM;
    eo_parser_advance(p);
    return EO_OK;
}

bool
eo_parse_optional_integer(eo_parser *p, int64_t *out, eo_status *st)
{
    *st = EO_OK;
    bool neg = false;
    if (EO_AT(p, EO_TOK_MINUS)) {
        /* "-" must be followed by an integer to be one. */
        eo_lexer save = p->lx;
        eo_token t = eo_lexer_next(&save);
        if (t.kind != EO_TOK_INTEGER)
            return false;
        neg = true;
        eo_parser_advance(p);
    } else if (!EO_AT(p, EO_TOK_INTEGER)) {
        return false;
    }
    eo_token t = p->tok;
    magnitude m;
    if (mag_parse(p, t.text, t.len, &m) != EO_OK) {
        *st = EO_NOMEM;
        return true;
    }
    unsigned bits = mag_active_bits(&m);
    uint64_t v = m.w[0];
    if (bits > 64 || (!neg && v > (uint64_t)INT64_MAX) ||
        (neg && v > (uint64_t)INT64_MAX + 1)) {
        *st = eo_parser_error(p, "integer value too large");
        return true;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    eo_parser_advance(p);
    return true;
}

eo_status
eo_parse_integer(eo_parser *p, int64_t *out)
{
    eo_status st;
    if (!eo_parse_optional_integer(p, out, &st))
        return eo_parser_error(p, "expected integer value");
    return st;
}

eo_status
eo_parse_symbol_name(eo_parser *p, const eo_ident **out)
{
    if (!EO_AT(p, EO_TOK_AT_IDENT))
        return eo_parser_error(p, "expected valid '@'-identifier for "
                               "symbol name");
    const char *s = p->tok.text + 1;
    size_t len = p->tok.len - 1;
    if (len && s[0] == '"') {
        char *u;
        size_t ulen;
        if (eo_string_unescape(p->ctx, s, len, &u, &ulen) != EO_OK)
            return nomem(p), EO_NOMEM;
        *out = eo_ident_get(p->ctx, u, ulen);
        eo_ctx_free(p->ctx, u, len - 1);
    } else {
        *out = eo_ident_get(p->ctx, s, len);
    }
    if (!*out)
        return nomem(p), EO_NOMEM;
    eo_parser_advance(p);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* File metadata: {-# dialect_resources: {...}, external_resources #-} */
/* ------------------------------------------------------------------ */

/* At "key" ':' with the value next: decodes a builtin blob
 * "0x<align u32 LE><data>" straight from the source into the resource,
 * without the lexer walking the (possibly 100 MB) string. */
static eo_status
parse_blob(eo_parser *p, eo_resource *r, const eo_token *key)
{
    /* p->tok is the ':' and the lexer stands just after it. */
    const char *s = p->lx.cur, *end = p->lx.end;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    const char *close = NULL;
    if (end - s >= 3 && s[0] == '"' && s[1] == '0' && s[2] == 'x')
        close = memchr(s + 3, '"', (size_t)(end - s - 3));
    if (!close) {
        eo_parser_advance(p);
        if (!EO_AT(p, EO_TOK_STRING))
            return eo_parser_error(p, "expected hex string blob for key "
                                   "'%.*s'", (int)key->len, key->text);
        s = p->tok.text;
        close = s + p->tok.len - 1;
        if (p->tok.len < 4 || s[1] != '0' || s[2] != 'x')
            return eo_parser_error(p, "expected hex string blob for key "
                                   "'%.*s'", (int)key->len, key->text);
    } else {
        /* Become the string token for diagnostics. */
        eo_token t = p->tok;
        t.kind = EO_TOK_STRING;
        t.text = s;
        t.len = (size_t)(close - s + 1);
        t.col = (unsigned)(s - p->lx.line_start) + 1;
        p->tok = t;
    }
    eo_token str = p->tok;
    const char *hex = s + 3;
    size_t hlen = (size_t)(close - hex);
    unsigned char al4[4];
    if (hlen % 2 || hlen < 8 || !hex_decode(hex, 4, al4))
        return eo_parser_error_at(p, &str, "expected hex string blob for key "
                                  "'%.*s' to encode alignment in first 4 "
                                  "bytes", (int)key->len, key->text);
    uint32_t align = (uint32_t)al4[0] | (uint32_t)al4[1] << 8 |
                     (uint32_t)al4[2] << 16 | (uint32_t)al4[3] << 24;
    if (align & (align - 1))
        return eo_parser_error_at(p, &str, "expected hex string blob for key "
                                  "'%.*s' to encode alignment in first 4 "
                                  "bytes, but got non-power-of-2 value: %u",
                                  (int)key->len, key->text, align);
    size_t n = (hlen - 8) / 2;
    /* As mlir-opt: alignment 0 keeps no data, and an empty blob prints
     * with alignment 0. */
    if (align == 0 || n == 0) {
        unsigned char tmp[256];
        for (size_t i = 0; i < n; i += sizeof tmp) {
            size_t k = n - i < sizeof tmp ? n - i : sizeof tmp;
            if (!hex_decode(hex + 8 + 2 * i, k, tmp))
                return eo_parser_error_at(p, &str, "expected hex string "
                                          "blob for key '%.*s'",
                                          (int)key->len, key->text);
        }
        if (!eo_resource_provide(r, 0, 0))
            return nomem(p), EO_NOMEM;
    } else {
        unsigned char *dst = eo_resource_provide(r, n, align);
        if (!dst)
            return nomem(p), EO_NOMEM;
        if (!hex_decode_big(p->ctx, hex + 8, n, dst))
            return eo_parser_error_at(p, &str, "expected hex string blob "
                                      "for key '%.*s'", (int)key->len,
                                      key->text);
    }
    relex_at(p, close + 1, p->lx.line, p->lx.line_start);
    return EO_OK;
}

/* An external_resources value, kept for printing back: a string or
 * true/false. */
static eo_status
parse_external_value(eo_parser *p, const eo_token *group,
                     const eo_token *key)
{
    eo_status st;
    if (EO_AT(p, EO_TOK_STRING)) {
        char *s;
        size_t len;
        if (eo_string_unescape(p->ctx, p->tok.text, p->tok.len, &s, &len)
            != EO_OK)
            return nomem(p), EO_NOMEM;
        st = eo_resource_add_external(p->ctx, group->text, group->len,
                                      key->text, key->len, s, len, false);
        eo_ctx_free(p->ctx, s, p->tok.len - 1);
    } else if (tok_is(&p->tok, "true") || tok_is(&p->tok, "false")) {
        st = eo_resource_add_external(p->ctx, group->text, group->len,
                                      key->text, key->len, NULL, 0,
                                      tok_is(&p->tok, "true"));
    } else {
        return eo_parser_error(p, "expected string or boolean resource "
                               "value");
    }
    if (st != EO_OK)
        return nomem(p), EO_NOMEM;
    eo_parser_advance(p);
    return EO_OK;
}

/* "{ key: value, ... }" of the builtin dialect's blobs or of an external
 * group. */
static eo_status
parse_entries(eo_parser *p, bool builtin, const eo_token *group)
{
    if (expect(p, EO_TOK_LBRACE, "expected '{'") != EO_OK)
        return EO_ERROR;
    if (!builtin && eo_resource_add_external(p->ctx, group->text,
                                             group->len, NULL, 0, NULL, 0,
                                             false) != EO_OK)
        return nomem(p), EO_NOMEM;
    if (EO_AT(p, EO_TOK_RBRACE)) {
        eo_parser_advance(p);
        return EO_OK;
    }
    for (;;) {
        if (!EO_AT(p, EO_TOK_BARE_IDENT))
            return eo_parser_error(p, "expected identifier key for "
                                   "'resource' entry");
        eo_token key = p->tok;
        eo_parser_advance(p);
        if (!EO_AT(p, EO_TOK_COLON))
            return eo_parser_error(p, "expected ':'");
        if (builtin) {
            eo_resource *r = eo_resource_declare(p->ctx, key.text, key.len);
            if (!r)
                return nomem(p), EO_NOMEM;
            if (parse_blob(p, r, &key) != EO_OK)
                return EO_ERROR;
        } else {
            eo_parser_advance(p);
            if (parse_external_value(p, group, &key) != EO_OK)
                return EO_ERROR;
        }
        if (EO_AT(p, EO_TOK_COMMA)) {
            eo_parser_advance(p);
            continue;
        }
        return expect(p, EO_TOK_RBRACE, "expected '}'");
    }
}

/* "{ name: { entries }, ... }" */
static eo_status
parse_section(eo_parser *p, bool dialects)
{
    if (expect(p, EO_TOK_LBRACE, "expected '{'") != EO_OK)
        return EO_ERROR;
    if (EO_AT(p, EO_TOK_RBRACE)) {
        eo_parser_advance(p);
        return EO_OK;
    }
    for (;;) {
        if (!EO_AT(p, EO_TOK_BARE_IDENT))
            return eo_parser_error(p, "expected identifier key for "
                                   "'resource' entry");
        eo_token group = p->tok;
        bool builtin = dialects && tok_is(&group, "builtin");
        if (dialects && !builtin &&
            !eo_dialect_lookup(p->ctx, group.text, group.len))
            return eo_parser_error(p, "dialect '%.*s' is unknown",
                                   (int)group.len, group.text);
        eo_parser_advance(p);
        if (expect(p, EO_TOK_COLON, "expected ':'") != EO_OK)
            return EO_ERROR;
        if (dialects && !builtin) {
            /* Only builtin blobs have a handler (as in mlir-opt). */
            if (expect(p, EO_TOK_LBRACE, "expected '{'") != EO_OK)
                return EO_ERROR;
            if (!EO_AT(p, EO_TOK_RBRACE))
                return eo_parser_error(p, "unexpected 'resource' section "
                                       "for dialect '%.*s'", (int)group.len,
                                       group.text);
            eo_parser_advance(p);
        } else if (parse_entries(p, builtin, &group) != EO_OK) {
            return EO_ERROR;
        }
        if (EO_AT(p, EO_TOK_COMMA)) {
            eo_parser_advance(p);
            continue;
        }
        return expect(p, EO_TOK_RBRACE, "expected '}'");
    }
}

eo_status
eo_parse_file_metadata(eo_parser *p)
{
    if (EO_AT(p, EO_TOK_FILE_META_END)) {
        eo_parser_advance(p);
        return EO_OK;
    }
    for (;;) {
        eo_token t = p->tok;
        bool dialects = tok_is(&t, "dialect_resources");
        if (!dialects && !tok_is(&t, "external_resources"))
            return eo_parser_error(p, "unknown key '%.*s' in file metadata "
                                   "dictionary", (int)t.len, t.text);
        eo_parser_advance(p);
        if (expect(p, EO_TOK_COLON, "expected ':'") != EO_OK ||
            parse_section(p, dialects) != EO_OK)
            return EO_ERROR;
        if (EO_AT(p, EO_TOK_COMMA)) {
            eo_parser_advance(p);
            continue;
        }
        return expect(p, EO_TOK_FILE_META_END,
                      "expected '#-}' to end the file metadata");
    }
}

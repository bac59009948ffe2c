/* ir/parse_type.c - the type grammar of MLIR's textual format.
 *
 * eo_parse_type_impl() reads any type at the current token. Shapes such
 * as "4x?x8xf32" reach us as INTEGER 4, BARE_IDENT "x", "?", BARE_IDENT
 * "x8xf32": an identifier starting with 'x' ends a dimension and the rest
 * of it is lexed again (relex_from). Dialect types go to the dialect's
 * parse hook, or become opaque types holding their raw text. The public
 * type-parsing helpers for custom op forms are at the end.
 */
#include "ir/internal.h"

#include <stdio.h>
#include <string.h>

static const eo_type *parse_type(eo_parser *p);

static const char *
find_comment(const char *s, const char *end)
{
    for (; s + 1 < end; s++)
        if (s[0] == '/' && s[1] == '/')
            return s;
    return NULL;
}

eo_status
eo_parser_error_expected(eo_parser *p, const char *fmt, ...)
{
    const char *buf = p->lx.buf, *pos = p->tok.text;
    if (p->tok.kind == EO_TOK_EOF && pos > buf)
        pos--;
    const char *s = pos;
    for (;;) {
        while (s > buf && (s[-1] == ' ' || s[-1] == '\t'))
            s--;
        if (s == buf) {
            s = pos;            /* nothing before: keep the token's place */
            break;
        }
        if (s[-1] != '\n' && s[-1] != '\r')
            break;
        s--;
        const char *ls = s;
        while (ls > buf && ls[-1] != '\n' && ls[-1] != '\r')
            ls--;
        const char *c = find_comment(ls, s);
        if (c)
            s = c;
    }
    unsigned back = 0;
    for (const char *q = s; q < p->tok.text; q++)
        back += *q == '\n';
    const char *ls = s;
    while (ls > buf && ls[-1] != '\n' && ls[-1] != '\r')
        ls--;
    eo_token at = p->tok;
    at.line = p->tok.line > back ? p->tok.line - back : 1;
    at.col = (unsigned)(s - ls) + 1;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return eo_parser_error_at(p, &at, "%s", msg);
}

static const eo_type *
fail_at(eo_parser *p, const eo_token *t, const char *msg)
{
    eo_parser_error_at(p, t, "%s", msg);
    return NULL;
}

static const eo_type *
fail(eo_parser *p, const char *msg)
{
    return fail_at(p, &p->tok, msg);
}

static bool
expect(eo_parser *p, eo_tok_kind k, const char *msg)
{
    if (!EO_AT(p, k)) {
        eo_parser_error_expected(p, "%s", msg);
        return false;
    }
    eo_parser_advance(p);
    return true;
}

/* A constructor failed although the input was checked: out of memory. */
static const eo_type *
built(eo_parser *p, const eo_token *at, const eo_type *t)
{
    if (!t)
        eo_parser_error_at(p, at, "out of memory while building a type");
    return t;
}

static bool
tok_is(const eo_token *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->kind == EO_TOK_BARE_IDENT && t->len == n &&
           memcmp(t->text, kw, n) == 0;
}

/* Continues lexing at 'pos', a point inside the current token. */
static void
relex_from(eo_parser *p, const char *pos)
{
    eo_token t = p->tok;
    eo_lexer_reset_to(&p->lx, pos, t.line, t.text - (t.col - 1));
    eo_parser_advance(p);
}

/* ------------------------------------------------------------------ */
/* Growable lists (parse-lifetime scratch memory)                      */
/* ------------------------------------------------------------------ */

typedef struct tlist {
    const eo_type **v;
    size_t n, cap;
    const eo_type *small[8];
} tlist;

static void
tl_init(tlist *l)
{
    l->v = l->small;
    l->n = 0;
    l->cap = 8;
}

static bool
tl_push(eo_parser *p, tlist *l, const eo_type *t)
{
    if (l->n == l->cap) {
        const eo_type **nv = eo_parser_scratch(p, 2 * l->cap * sizeof(*nv));
        if (!nv) {
            eo_parser_error(p, "out of memory");
            return false;
        }
        memcpy(nv, l->v, l->n * sizeof(*nv));
        l->v = nv;
        l->cap *= 2;
    }
    l->v[l->n++] = t;
    return true;
}

typedef struct dlist {
    int64_t *v;
    bool *sc;
    size_t n, cap;
    int64_t small[8];
    bool small_sc[8];
} dlist;

static void
dl_init(dlist *l)
{
    l->v = l->small;
    l->sc = l->small_sc;
    l->n = 0;
    l->cap = 8;
}

static bool
dl_push(eo_parser *p, dlist *l, int64_t d, bool scalable)
{
    if (l->n == l->cap) {
        int64_t *nv = eo_parser_scratch(p, 2 * l->cap * sizeof(*nv));
        bool *ns = eo_parser_scratch(p, 2 * l->cap * sizeof(*ns));
        if (!nv || !ns) {
            eo_parser_error(p, "out of memory");
            return false;
        }
        memcpy(nv, l->v, l->n * sizeof(*nv));
        memcpy(ns, l->sc, l->n * sizeof(*ns));
        l->v = nv;
        l->sc = ns;
        l->cap *= 2;
    }
    l->v[l->n] = d;
    l->sc[l->n] = scalable;
    l->n++;
    return true;
}

/* ------------------------------------------------------------------ */
/* Type lists and function types                                       */
/* ------------------------------------------------------------------ */

static bool
parse_list_no_parens(eo_parser *p, tlist *l)
{
    for (;;) {
        const eo_type *t = parse_type(p);
        if (!t || !tl_push(p, l, t))
            return false;
        if (!EO_AT(p, EO_TOK_COMMA))
            return true;
        eo_parser_advance(p);
    }
}

static bool
parse_list_parens(eo_parser *p, tlist *l)
{
    if (!expect(p, EO_TOK_LPAREN, "expected '('"))
        return false;
    if (EO_AT(p, EO_TOK_RPAREN)) {
        eo_parser_advance(p);
        return true;
    }
    return parse_list_no_parens(p, l) && expect(p, EO_TOK_RPAREN,
                                                 "expected ')'");
}

static const eo_type *parse_non_function_type(eo_parser *p);

/* "t" or "(t1, t2)" or "()" after "->". */
static bool
parse_results(eo_parser *p, tlist *l)
{
    if (EO_AT(p, EO_TOK_LPAREN))
        return parse_list_parens(p, l);
    const eo_type *t = parse_non_function_type(p);
    return t && tl_push(p, l, t);
}

/* The rest of a function type whose inputs are in 'ins': "-> results". */
static const eo_type *
finish_function_type(eo_parser *p, const eo_token *start, tlist *ins)
{
    if (!expect(p, EO_TOK_ARROW, "expected '->' in function type"))
        return NULL;
    tlist outs;
    tl_init(&outs);
    if (!parse_results(p, &outs))
        return NULL;
    return built(p, start, eo_type_get_function(p->ctx, ins->n, ins->v,
                                                outs.n, outs.v));
}

static const eo_type *
parse_function_type(eo_parser *p)
{
    eo_token start = p->tok;
    tlist ins;
    tl_init(&ins);
    if (!parse_list_parens(p, &ins))
        return NULL;
    return finish_function_type(p, &start, &ins);
}

/* ------------------------------------------------------------------ */
/* Dimension lists                                                     */
/* ------------------------------------------------------------------ */

/* The 'x' after a dimension: "x" alone or the start of "x8xf32". */
static bool
parse_x(eo_parser *p)
{
    if (p->tok.kind != EO_TOK_BARE_IDENT || p->tok.text[0] != 'x') {
        eo_parser_error_expected(p, "expected 'x' in dimension list");
        return false;
    }
    if (p->tok.len == 1)
        eo_parser_advance(p);
    else
        relex_from(p, p->tok.text + 1);
    return true;
}

static bool
parse_dim_int(eo_parser *p, int64_t *out)
{
    eo_token t = p->tok;
    if (t.kind != EO_TOK_INTEGER) {
        eo_parser_error_at(p, &t, "invalid dimension");
        return false;
    }
    /* "0x8xf32" lexes as the hex literal 0x8: hex is not allowed in
     * shapes, so it is 0, 'x', ... as MLIR reads it. */
    if (t.len > 1 && t.text[1] == 'x') {
        *out = 0;
        relex_from(p, t.text + 1);
        return true;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < t.len; i++) {
        unsigned d = (unsigned)(t.text[i] - '0');
        if (v > ((uint64_t)INT64_MAX - d) / 10) {
            eo_parser_error_at(p, &t, "invalid dimension");
            return false;
        }
        v = v * 10 + d;
    }
    *out = (int64_t)v;
    eo_parser_advance(p);
    return true;
}

/* "4x?x" as in tensor and memref types. */
static bool
parse_ranked_dims(eo_parser *p, dlist *dims)
{
    while (EO_AT(p, EO_TOK_INTEGER) || EO_AT(p, EO_TOK_QUESTION)) {
        int64_t d;
        if (EO_AT(p, EO_TOK_QUESTION)) {
            d = EO_DYNAMIC;
            eo_parser_advance(p);
        } else if (!parse_dim_int(p, &d)) {
            return false;
        }
        if (!dl_push(p, dims, d, false) || !parse_x(p))
            return false;
    }
    return true;
}

/* "4x[8]x" as in vector types. */
static bool
parse_vector_dims(eo_parser *p, dlist *dims)
{
    while (EO_AT(p, EO_TOK_INTEGER) || EO_AT(p, EO_TOK_LSQUARE)) {
        bool scalable = EO_AT(p, EO_TOK_LSQUARE);
        if (scalable)
            eo_parser_advance(p);
        int64_t d;
        if (!parse_dim_int(p, &d))
            return false;
        if (scalable && !expect(p, EO_TOK_RSQUARE,
                                "missing ']' closing scalable dimension"))
            return false;
        if (!dl_push(p, dims, d, scalable) || !parse_x(p))
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Builtin type keywords                                               */
/* ------------------------------------------------------------------ */

static const struct {
    const char *name;
    eo_float_kind kind;
} float_kws[] = {
    {"f16", EO_F16}, {"bf16", EO_BF16}, {"f32", EO_F32}, {"f64", EO_F64},
    {"f80", EO_F80}, {"f128", EO_F128}, {"tf32", EO_TF32},
    {"f8E5M2", EO_F8E5M2}, {"f8E4M3FN", EO_F8E4M3FN},
    {"f8E4M3FNUZ", EO_F8E4M3FNUZ}, {"f8E5M2FNUZ", EO_F8E5M2FNUZ},
    {"f8E4M3B11FNUZ", EO_F8E4M3B11FNUZ}, {"f8E4M3", EO_F8E4M3},
};

/* iN, siN, uiN: the signedness and where the digits start, or false. */
static bool
int_spelling(const eo_token *t, eo_signedness *s, size_t *digits)
{
    size_t i = 0;
    *s = EO_SIGNLESS;
    if (t->len >= 2 && (t->text[0] == 's' || t->text[0] == 'u') &&
        t->text[1] == 'i') {
        *s = t->text[0] == 's' ? EO_SIGNED : EO_UNSIGNED;
        i = 1;
    }
    if (i >= t->len || t->text[i] != 'i' || i + 1 >= t->len)
        return false;
    for (size_t j = i + 1; j < t->len; j++)
        if (t->text[j] < '0' || t->text[j] > '9')
            return false;
    *digits = i + 1;
    return true;
}

static const eo_type *
parse_int_type(eo_parser *p, eo_signedness s, size_t digits)
{
    eo_token t = p->tok;
    uint64_t w = 0;
    for (size_t i = digits; i < t.len; i++) {
        w = w * 10 + (unsigned)(t.text[i] - '0');
        if (w > UINT32_MAX)
            return fail(p, "invalid integer width");
    }
    if (w > EO_MAX_INT_WIDTH)
        return fail(p, "integer bitwidth is limited to 16777215 bits");
    eo_parser_advance(p);
    int slot = -1;
    if (s == EO_SIGNLESS)
        slot = w == 1 ? 0 : w == 8 ? 1 : w == 16 ? 2 : w == 32 ? 3
             : w == 64 ? 4 : -1;
    if (slot >= 0 && p->scalar_types[slot])
        return p->scalar_types[slot];
    const eo_type *ty = eo_type_get_int_signed(p->ctx, (unsigned)w, s);
    if (slot >= 0)
        p->scalar_types[slot] = ty;
    return built(p, &t, ty);
}

static const eo_type *
parse_complex(eo_parser *p)
{
    eo_token start = p->tok;
    eo_parser_advance(p);
    if (!expect(p, EO_TOK_LESS, "expected '<' in complex type"))
        return NULL;
    eo_token et = p->tok;
    const eo_type *elem = parse_type(p);
    if (!elem || !expect(p, EO_TOK_GREATER, "expected '>' in complex type"))
        return NULL;
    if (!eo_type_valid_complex_elem(elem))
        return fail_at(p, &et, "invalid element type for complex");
    return built(p, &start, eo_type_get_complex(p->ctx, elem));
}

static const eo_type *
parse_tuple(eo_parser *p)
{
    eo_token start = p->tok;
    eo_parser_advance(p);
    if (!expect(p, EO_TOK_LESS, "expected '<' in tuple type"))
        return NULL;
    tlist l;
    tl_init(&l);
    if (EO_AT(p, EO_TOK_GREATER)) {
        eo_parser_advance(p);
    } else if (!parse_list_no_parens(p, &l) ||
               !expect(p, EO_TOK_GREATER, "expected '>' in tuple type")) {
        return NULL;
    }
    return built(p, &start, eo_type_get_tuple(p->ctx, l.n, l.v));
}

static const eo_type *
parse_tensor(eo_parser *p)
{
    eo_token start = p->tok;
    eo_parser_advance(p);
    if (!expect(p, EO_TOK_LESS, "expected '<' in tensor type"))
        return NULL;
    bool unranked = EO_AT(p, EO_TOK_STAR);
    dlist dims;
    dl_init(&dims);
    if (unranked) {
        eo_parser_advance(p);
        if (!parse_x(p))
            return NULL;
    } else if (!parse_ranked_dims(p, &dims)) {
        return NULL;
    }
    eo_token et = p->tok;
    const eo_type *elem = parse_type(p);
    if (!elem)
        return NULL;
    const eo_attr *enc = NULL;
    if (EO_AT(p, EO_TOK_COMMA)) {
        eo_parser_advance(p);
        enc = eo_parse_attr_impl(p, NULL);
        if (!enc)
            return NULL;
    }
    if (!expect(p, EO_TOK_GREATER, "expected '>' in tensor type"))
        return NULL;
    if (!eo_type_valid_tensor_elem(elem))
        return fail_at(p, &et, "invalid tensor element type");
    if (unranked) {
        if (enc)
            return fail(p, "cannot apply encoding to unranked tensor");
        return built(p, &start, eo_type_get_unranked_tensor(p->ctx, elem));
    }
    return built(p, &start, eo_type_get_tensor(p->ctx, dims.n, dims.v, elem,
                                               enc));
}

static bool
is_layout(const eo_attr *a)
{
    eo_attr_kind k = eo_attr_get_kind(a);
    return k == EO_ATTR_AFFINE_MAP || k == EO_ATTR_STRIDED_LAYOUT;
}

static const eo_type *
parse_memref(eo_parser *p)
{
    eo_token start = p->tok;
    eo_parser_advance(p);
    if (!expect(p, EO_TOK_LESS, "expected '<' in memref type"))
        return NULL;
    bool unranked = EO_AT(p, EO_TOK_STAR);
    dlist dims;
    dl_init(&dims);
    if (unranked) {
        eo_parser_advance(p);
        if (!parse_x(p))
            return NULL;
    } else if (!parse_ranked_dims(p, &dims)) {
        return NULL;
    }
    eo_token et = p->tok;
    const eo_type *elem = parse_type(p);
    if (!elem)
        return NULL;
    if (!eo_type_valid_memref_elem(elem))
        return fail_at(p, &et, "invalid memref element type");
    const eo_attr *layout = NULL, *space = NULL;
    if (EO_AT(p, EO_TOK_GREATER)) {
        eo_parser_advance(p);
    } else {
        if (!expect(p, EO_TOK_COMMA, "expected ',' or '>' in memref type"))
            return NULL;
        for (;;) {
            const eo_attr *a = eo_parse_attr_impl(p, NULL);
            if (!a)
                return NULL;
            if (is_layout(a)) {
                layout = a;
                if (unranked)
                    return fail(p, "cannot have affine map for unranked "
                                   "memref type");
                if (space)
                    return fail(p, "expected memory space to be last in "
                                   "memref type");
            } else if (space) {
                return fail(p, "multiple memory spaces specified in memref "
                               "type");
            } else {
                space = a;
            }
            if (EO_AT(p, EO_TOK_GREATER)) {
                eo_parser_advance(p);
                break;
            }
            if (!expect(p, EO_TOK_COMMA, "expected ',' or '>'"))
                return NULL;
        }
    }
    char buf[96];
    const char *msg = eo_type_check_memref(!unranked, dims.n, layout, space,
                                           buf, sizeof(buf));
    if (msg)
        return fail_at(p, &start, msg);
    if (unranked)
        return built(p, &start, eo_type_get_unranked_memref(p->ctx, elem,
                                                            space));
    return built(p, &start, eo_type_get_memref(p->ctx, dims.n, dims.v, elem,
                                               layout, space));
}

static const eo_type *
parse_vector(eo_parser *p)
{
    eo_token start = p->tok;
    eo_parser_advance(p);
    if (!expect(p, EO_TOK_LESS, "expected '<' in vector type"))
        return NULL;
    dlist dims;
    dl_init(&dims);
    if (!parse_vector_dims(p, &dims))
        return NULL;
    for (size_t i = 0; i < dims.n; i++)
        if (dims.v[i] <= 0)
            return fail(p, "vector types must have positive constant sizes");
    eo_token et = p->tok;
    const eo_type *elem = parse_type(p);
    if (!elem || !expect(p, EO_TOK_GREATER, "expected '>' in vector type"))
        return NULL;
    if (!eo_type_valid_vector_elem(elem))
        return fail_at(p, &et, "vector elements must be int/index/float "
                               "type");
    return built(p, &start, eo_type_get_vector(p->ctx, dims.n, dims.v,
                                               dims.sc, elem));
}

static const eo_type *
parse_builtin_keyword(eo_parser *p)
{
    eo_token t = p->tok;
    eo_signedness s;
    size_t digits;
    if (int_spelling(&t, &s, &digits))
        return parse_int_type(p, s, digits);
    for (size_t i = 0; i < sizeof(float_kws) / sizeof(float_kws[0]); i++) {
        if (tok_is(&t, float_kws[i].name)) {
            eo_parser_advance(p);
            /* f16, bf16, f32, f64 (the first four) are cached. */
            const eo_type **c = i < 4 ? &p->scalar_types[6 + i] : NULL;
            if (c && *c)
                return *c;
            const eo_type *ty = eo_type_get_float(p->ctx, float_kws[i].kind);
            if (c)
                *c = ty;
            return built(p, &t, ty);
        }
    }
    if (tok_is(&t, "index")) {
        eo_parser_advance(p);
        if (!p->scalar_types[5])
            p->scalar_types[5] = eo_type_get_index(p->ctx);
        return built(p, &t, p->scalar_types[5]);
    }
    if (tok_is(&t, "none")) {
        eo_parser_advance(p);
        return built(p, &t, eo_type_get_none(p->ctx));
    }
    if (tok_is(&t, "complex"))
        return parse_complex(p);
    if (tok_is(&t, "tuple"))
        return parse_tuple(p);
    if (tok_is(&t, "tensor"))
        return parse_tensor(p);
    if (tok_is(&t, "memref"))
        return parse_memref(p);
    if (tok_is(&t, "vector"))
        return parse_vector(p);
    eo_parser_error_expected(p, "expected non-function type");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Dialect types and aliases                                           */
/* ------------------------------------------------------------------ */

static const eo_type *
unregistered_error(eo_parser *p, const eo_token *at, const char *d,
                   size_t dlen, const char *body, size_t blen)
{
    eo_parser_error_at(p, at, "`!\"%.*s\"<\"%.*s\">` type created with "
                       "unregistered dialect. If this is intended, please "
                       "call allowUnregisteredDialects() on the MLIRContext, "
                       "or use -allow-unregistered-dialect with the MLIR opt "
                       "tool used", (int)dlen, d, (int)blen, body);
    return NULL;
}

/* "!alias", "!dialect<body>" or "!dialect.mnemonic[<body>]". */
static const eo_type *
parse_extended(eo_parser *p)
{
    eo_token t = p->tok;
    const char *name = t.text + 1;
    size_t len = t.len - 1;
    const char *dot = memchr(name, '.', len);
    eo_parser_advance(p);
    bool body_follows = EO_AT(p, EO_TOK_LESS) && p->tok.text == t.text + t.len;
    if (!dot && !body_follows) {
        const eo_type *ty = eo_parser_type_alias(p, name, len);
        if (!ty && !p->failed)
            eo_parser_error_expected(p, "undefined symbol alias id '%.*s'",
                                     (int)len, name);
        return ty;
    }
    size_t dlen = dot ? (size_t)(dot - name) : len;
    /* Position of the mnemonic, where MLIR reports pretty-form errors. */
    eo_token mt = t;
    if (dot) {
        mt.text = dot + 1;
        mt.len = (size_t)(t.text + t.len - mt.text);
        mt.col = t.col + (unsigned)(mt.text - t.text);
    }
    const eo_token *at = dot ? &mt : &t;
    if (!eo_is_valid_dialect_namespace(name, dlen)) {   /* "!.", "!a-b.c" */
        eo_parser_error_at(p, at, "invalid dialect namespace '\"%.*s\"'",
                           (int)dlen, name);
        return NULL;
    }
    eo_dialect *d = eo_dialect_lookup(p->ctx, name, dlen);
    if (d) {
        const eo_dialect_desc *desc = eo_dialect_get_desc(d);
        if (!desc || !desc->parse_type) {
            eo_parser_error_at(p, at, "dialect '%.*s' provides no type "
                               "parsing hook", (int)dlen, name);
            return NULL;
        }
        if (dot) {
            /* The hook starts at the mnemonic: lex again from there. */
            p->tok = t;
            relex_from(p, mt.text);
            const eo_type *ty = desc->parse_type(p);
            if (!ty && !p->failed)
                eo_parser_error_at(p, at, "failed to parse type of dialect "
                                   "'%.*s'", (int)dlen, name);
            return ty;
        }
        eo_parser_advance(p);           /* the '<' */
        const eo_type *ty = desc->parse_type(p);
        if (!ty) {
            if (!p->failed)
                eo_parser_error_at(p, at, "failed to parse type of dialect "
                                   "'%.*s'", (int)dlen, name);
            return NULL;
        }
        if (!expect(p, EO_TOK_GREATER, "expected '>' after dialect type"))
            return NULL;
        return ty;
    }
    const char *body;
    size_t blen;
    if (dot) {
        body = mt.text;
        blen = mt.len;
        if (body_follows) {
            const char *b;
            size_t bl;
            if (eo_parse_angle_body(p, &b, &bl) != EO_OK)
                return NULL;
            blen = (size_t)(b + bl - body);
        }
    } else {
        const char *b;
        size_t bl;
        if (eo_parse_angle_body(p, &b, &bl) != EO_OK)
            return NULL;
        body = b + 1;
        blen = bl - 2;
    }
    if (!eo_ctx_allow_unregistered(p->ctx))
        return unregistered_error(p, at, name, dlen, body, blen);
    const eo_ident *dn = eo_ident_get(p->ctx, name, dlen);
    return built(p, &t, dn ? eo_type_get_opaque(p->ctx, dn, body, blen)
                           : NULL);
}

static const eo_type *
parse_non_function_type(eo_parser *p)
{
    switch (p->tok.kind) {
    case EO_TOK_BARE_IDENT:
        return parse_builtin_keyword(p);
    case EO_TOK_EXCL_IDENT:
        return parse_extended(p);
    default:
        eo_parser_error_expected(p, "expected non-function type");
        return NULL;
    }
}

static const eo_type *
parse_type(eo_parser *p)
{
    if (p->depth >= EO_MAX_DEPTH)
        return fail(p, "nesting too deep");
    p->depth++;
    const eo_type *t = EO_AT(p, EO_TOK_LPAREN) ? parse_function_type(p)
                                               : parse_non_function_type(p);
    p->depth--;
    return t;
}

const eo_type *
eo_parse_type_impl(eo_parser *p)
{
    return parse_type(p);
}

/* ------------------------------------------------------------------ */
/* Raw "<...>" bodies                                                  */
/* ------------------------------------------------------------------ */

eo_status
eo_parse_angle_body(eo_parser *p, const char **body, size_t *len)
{
    eo_token start = p->tok;
    if (!EO_AT(p, EO_TOK_LESS))
        return eo_parser_error_at(p, &start, "expected '<'");
    const char *cur = start.text, *end = p->lx.end;
    unsigned line = start.line;
    const char *line_start = start.text - (start.col - 1);
    char small[64];
    char *stack = small;
    size_t depth = 0, cap = sizeof(small);
    do {
        if (cur >= end)
            return eo_parser_error_at(p, &start, "unexpected nul or EOF in "
                                      "pretty dialect name");
        char c = *cur++;
        char open = 0;
        switch (c) {
        case '<': case '[': case '(': case '{':
            if (depth == cap) {
                char *ns = eo_parser_scratch(p, 2 * cap);
                if (!ns)
                    return EO_NOMEM;
                memcpy(ns, stack, depth);
                stack = ns;
                cap *= 2;
            }
            stack[depth++] = c;
            continue;
        case '-':
            if (cur < end && *cur == '>')
                cur++;          /* "->" is not a closing bracket */
            continue;
        case '>': open = '<'; break;
        case ']': open = '['; break;
        case ')': open = '('; break;
        case '}': open = '{'; break;
        case '\n':
            line++;
            line_start = cur;
            continue;
        case '\0':
            return eo_parser_error_at(p, &start, "unexpected nul or EOF in "
                                      "pretty dialect name");
        case '"': {
            eo_lexer sl;
            eo_lexer_init(&sl, cur - 1, (size_t)(end - (cur - 1)), line);
            eo_token s = eo_lexer_next(&sl);
            if (s.kind != EO_TOK_STRING) {
                eo_token at = start;
                at.line = line;
                at.col = (unsigned)(cur - 1 - line_start) + 1;
                return eo_parser_error_at(p, &at, "%s",
                                          sl.error ? sl.error
                                                   : "invalid string");
            }
            cur = sl.cur;
            continue;
        }
        default:
            continue;
        }
        if (stack[depth - 1] != open)
            return eo_parser_error_at(p, &start, "unbalanced '%c' character "
                                      "in pretty dialect name",
                                      stack[depth - 1]);
        depth--;
    } while (depth);
    *body = start.text;
    *len = (size_t)(cur - start.text);
    eo_lexer_reset_to(&p->lx, cur, line, line_start);
    eo_parser_advance(p);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Public helpers for custom forms                                     */
/* ------------------------------------------------------------------ */

eo_status
eo_parse_type(eo_parser *p, const eo_type **out)
{
    *out = parse_type(p);
    return *out ? EO_OK : EO_ERROR;
}

bool
eo_parser_at_type(eo_parser *p)
{
    eo_token t = p->tok;
    if (t.kind == EO_TOK_LPAREN || t.kind == EO_TOK_EXCL_IDENT)
        return true;
    if (t.kind != EO_TOK_BARE_IDENT)
        return false;
    eo_signedness s;
    size_t digits;
    if (int_spelling(&t, &s, &digits))
        return true;
    for (size_t i = 0; i < sizeof(float_kws) / sizeof(float_kws[0]); i++)
        if (tok_is(&t, float_kws[i].name))
            return true;
    static const char *const kws[] = {
        "index", "none", "complex", "tuple", "tensor", "memref", "vector",
    };
    for (size_t i = 0; i < sizeof(kws) / sizeof(kws[0]); i++)
        if (tok_is(&t, kws[i]))
            return true;
    return false;
}

static eo_status
list_out(eo_parser *p, const tlist *l, const eo_type ***out, size_t *n)
{
    *n = l->n;
    *out = eo_parser_scratch(p, (l->n ? l->n : 1) * sizeof(**out));
    if (!*out)
        return eo_parser_error(p, "out of memory");
    if (l->n)
        memcpy(*out, l->v, l->n * sizeof(**out));
    return EO_OK;
}

eo_status
eo_parse_type_list(eo_parser *p, const eo_type ***out, size_t *n)
{
    tlist l;
    tl_init(&l);
    *out = NULL;
    *n = 0;
    if (!EO_AT(p, EO_TOK_LPAREN)) {
        if (!parse_list_no_parens(p, &l))
            return EO_ERROR;
        return list_out(p, &l, out, n);
    }
    /* "(t1, t2)", unless it turns out to be a function type "(..) -> .."
     * heading a list without parentheses. */
    eo_token start = p->tok;
    if (!parse_list_parens(p, &l))
        return EO_ERROR;
    if (!EO_AT(p, EO_TOK_ARROW))
        return list_out(p, &l, out, n);
    const eo_type *fn = finish_function_type(p, &start, &l);
    if (!fn)
        return EO_ERROR;
    tlist rest;
    tl_init(&rest);
    if (!tl_push(p, &rest, fn))
        return EO_ERROR;
    if (EO_AT(p, EO_TOK_COMMA)) {
        eo_parser_advance(p);
        if (!parse_list_no_parens(p, &rest))
            return EO_ERROR;
    }
    return list_out(p, &rest, out, n);
}

eo_status
eo_parse_result_types(eo_parser *p, const eo_type ***out, size_t *n)
{
    tlist l;
    tl_init(&l);
    *out = NULL;
    *n = 0;
    if (p->depth >= EO_MAX_DEPTH)
        return eo_parser_error(p, "nesting too deep");
    p->depth++;
    bool ok = parse_results(p, &l);
    p->depth--;
    if (!ok)
        return EO_ERROR;
    return list_out(p, &l, out, n);
}

/* ir/lexer.c - MLIR's token grammar over one in-memory buffer.
 *
 * Tokens point into the buffer (no copies). Whitespace and // comments are
 * skipped; line numbers are counted as newlines are passed, so a token's
 * line/col cost nothing extra. Bytes that are not valid UTF-8 are an
 * error token wherever they appear (in strings and comments too).
 */
#include "ir/internal.h"

#include <string.h>

void
eo_lexer_init(eo_lexer *lx, const char *buf, size_t len, unsigned first_line)
{
    lx->buf = buf;
    lx->cur = buf;
    lx->end = buf + len;
    lx->line = first_line ? first_line : 1;
    lx->line_start = buf;
    lx->error = NULL;
    lx->progress = NULL;
    lx->progress_ud = NULL;
    lx->next_progress = buf;
}

/* How often the progress callback runs (bytes of input). */
#define PROGRESS_STEP ((size_t)1 << 20)

void
eo_lexer_reset_to(eo_lexer *lx, const char *pos, unsigned line,
                  const char *line_start)
{
    lx->cur = pos;
    lx->line = line;
    lx->line_start = line_start;
}

/* Length of the UTF-8 sequence at p (< end), or 0 if malformed. */
static size_t
utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    size_t n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000;
    else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    unsigned cp = c & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Character classes, one table lookup per byte on the hot paths. */
enum {
    C_ID_START = 1,           /* [a-zA-Z_] */
    C_DIGIT = 2,              /* [0-9] */
    C_HEX = 4,                /* [0-9a-fA-F] */
    C_ID = 8,                 /* [a-zA-Z0-9_$.]: bare identifier rest */
    C_SUFFIX = 16,            /* C_ID or '-': %x, ^bb, #a, !a */
    C_BLANK = 32,             /* ' ', '\t', '\r' */
    C_STR_STOP = 64           /* '"', '\\', '\n', NUL, non-ASCII */
};

/* Generated from the definitions above (bit values). */
static const unsigned char char_class[256] = {
    64, 0,  0,  0,  0,  0,  0,  0,  0,  32, 64, 0,  0,  32, 0,  0,  /* 0x00 */
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  /* 0x10 */
    32, 0,  64, 0,  24, 0,  0,  0,  0,  0,  0,  0,  0,  16, 24, 0,  /* 0x20 */
    30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 0,  0,  0,  0,  0,  0,  /* 0x30 */
    0,  29, 29, 29, 29, 29, 29, 25, 25, 25, 25, 25, 25, 25, 25, 25, /* 0x40 */
    25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 0,  64, 0,  0,  25, /* 0x50 */
    0,  29, 29, 29, 29, 29, 29, 25, 25, 25, 25, 25, 25, 25, 25, 25, /* 0x60 */
    25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 0,  0,  0,  0,  0,  /* 0x70 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0x80 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0x90 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xA0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xB0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xC0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xD0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xE0 */
    64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, /* 0xF0 */
};

#define CLASS(c) (char_class[(unsigned char)(c)])

static bool
is_id_start(int c)
{
    return CLASS(c) & C_ID_START;
}

static bool
is_digit(int c)
{
    return CLASS(c) & C_DIGIT;
}

static bool
is_hex(int c)
{
    return CLASS(c) & C_HEX;
}

/* [a-zA-Z0-9_$.] : bare identifier continuation. */
static bool
is_id_char(int c)
{
    return CLASS(c) & C_ID;
}

/* Suffix identifiers (%x, ^bb, #a, !a) also take '-'. */
static bool
is_suffix_char(int c)
{
    return CLASS(c) & C_SUFFIX;
}

static eo_token
make(eo_lexer *lx, eo_tok_kind k, const char *start)
{
    eo_token t;
    t.kind = k;
    t.text = start;
    t.len = (size_t)(lx->cur - start);
    t.line = lx->line;
    t.col = (unsigned)(start - lx->line_start) + 1;
    return t;
}

static eo_token
error_tok(eo_lexer *lx, const char *start, const char *msg)
{
    lx->error = msg;
    if (lx->cur <= start && lx->cur < lx->end)
        lx->cur = start + 1;
    eo_token t = make(lx, EO_TOK_ERROR, start);
    return t;
}

/* Skips whitespace and comments; returns an error message for invalid
 * UTF-8 inside a comment, else NULL. */
static const char *
skip_space(eo_lexer *lx, const char **bad)
{
    const char *p = lx->cur, *end = lx->end;
    for (;;) {
        while (p < end && (CLASS(*p) & C_BLANK))
            p++;
        if (p < end && *p == '\n') {
            p++;
            lx->line++;
            lx->line_start = p;
            continue;
        }
        if (p + 1 < end && p[0] == '/' && p[1] == '/') {
            p += 2;
            while (p < end && *p != '\n') {
                if ((unsigned char)*p < 0x80) {
                    p++;
                    continue;
                }
                size_t n = utf8_len((const unsigned char *)p,
                                    (const unsigned char *)end);
                if (!n) {
                    lx->cur = p;
                    *bad = p;
                    return "invalid UTF-8 sequence in comment";
                }
                p += n;
            }
            continue;
        }
        break;
    }
    lx->cur = p;
    return NULL;
}

static eo_token
lex_string(eo_lexer *lx, const char *start, eo_tok_kind kind)
{
    const char *p = lx->cur;   /* just past the opening quote */
    while (p < lx->end) {
        const char *end = lx->end;
        while (p < end && !(CLASS(*p) & C_STR_STOP))
            p++;
        if (p == end)
            break;
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            lx->cur = p + 1;
            return make(lx, kind, start);
        }
        if (c == '\n' || c == '\0') {
            lx->cur = p;
            return error_tok(lx, start, "expected '\"' in string literal");
        }
        if (c == '\\') {
            if (p + 1 >= lx->end)
                break;
            char e = p[1];
            if (e == '"' || e == '\\' || e == 'n' || e == 't') {
                p += 2;
                continue;
            }
            if (p + 2 < lx->end && is_hex(e) && is_hex(p[2])) {
                p += 3;
                continue;
            }
            lx->cur = p;
            return error_tok(lx, p, "unknown escape in string literal");
        }
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n = utf8_len((const unsigned char *)p,
                            (const unsigned char *)lx->end);
        if (!n) {
            lx->cur = p;
            return error_tok(lx, p, "invalid UTF-8 sequence in string");
        }
        p += n;
    }
    lx->cur = lx->end;
    return error_tok(lx, start, "expected '\"' in string literal");
}

/* %foo, ^bb0, #map, !type: the sigil then [a-zA-Z$._-][...]* or digits. */
static eo_token
lex_prefixed(eo_lexer *lx, const char *start, eo_tok_kind kind)
{
    const char *p = lx->cur;
    if (p < lx->end && is_digit(*p)) {
        while (p < lx->end && is_digit(*p))
            p++;
    } else if (p < lx->end && (is_id_start(*p) || *p == '$' || *p == '.' ||
                               *p == '-')) {
        while (p < lx->end && is_suffix_char(*p))
            p++;
    } else {
        lx->cur = p;
        switch (kind) {
        case EO_TOK_PERCENT_IDENT:
            return error_tok(lx, start, "invalid SSA name");
        case EO_TOK_CARET_IDENT:
            return error_tok(lx, start, "invalid block name");
        default:
            return error_tok(lx, start, "invalid identifier");
        }
    }
    lx->cur = p;
    return make(lx, kind, start);
}

static eo_token
lex_number(eo_lexer *lx, const char *start)
{
    const char *p = start;
    const char *end = lx->end;
    if (p + 1 < end && p[0] == '0' && p[1] == 'x' && p + 2 < end &&
        is_hex(p[2])) {
        p += 2;
        while (p < end && is_hex(*p))
            p++;
        lx->cur = p;
        return make(lx, EO_TOK_INTEGER, start);
    }
    while (p < end && is_digit(*p))
        p++;
    if (p < end && *p == '.') {
        p++;
        while (p < end && is_digit(*p))
            p++;
        if (p < end && (*p == 'e' || *p == 'E')) {
            const char *q = p + 1;
            if (q < end && (*q == '+' || *q == '-'))
                q++;
            if (q < end && is_digit(*q)) {
                p = q;
                while (p < end && is_digit(*p))
                    p++;
            }
        }
        lx->cur = p;
        return make(lx, EO_TOK_FLOAT, start);
    }
    lx->cur = p;
    return make(lx, EO_TOK_INTEGER, start);
}

eo_token
eo_lexer_next(eo_lexer *lx)
{
    const char *bad = NULL;
    const char *msg = skip_space(lx, &bad);
    if (msg)
        return error_tok(lx, bad, msg);
    const char *start = lx->cur;
    if (lx->progress && start >= lx->next_progress) {
        void (*f)(void *, const char *) = lx->progress;
        if ((size_t)(lx->end - start) > PROGRESS_STEP)
            lx->next_progress = start + PROGRESS_STEP;
        else
            lx->progress = NULL;      /* the rest is one step */
        f(lx->progress_ud, start);
    }
    if (start >= lx->end)
        return make(lx, EO_TOK_EOF, start);
    char c = *lx->cur++;
    switch (c) {
    case '(': return make(lx, EO_TOK_LPAREN, start);
    case ')': return make(lx, EO_TOK_RPAREN, start);
    case '[': return make(lx, EO_TOK_LSQUARE, start);
    case ']': return make(lx, EO_TOK_RSQUARE, start);
    case '}': return make(lx, EO_TOK_RBRACE, start);
    case '<': return make(lx, EO_TOK_LESS, start);
    case '>': return make(lx, EO_TOK_GREATER, start);
    case ',': return make(lx, EO_TOK_COMMA, start);
    case '=': return make(lx, EO_TOK_EQUAL, start);
    case '?': return make(lx, EO_TOK_QUESTION, start);
    case '*': return make(lx, EO_TOK_STAR, start);
    case '+': return make(lx, EO_TOK_PLUS, start);
    case '|': return make(lx, EO_TOK_VBAR, start);
    case '{':
        if (lx->cur + 1 < lx->end && lx->cur[0] == '-' && lx->cur[1] == '#') {
            lx->cur += 2;
            return make(lx, EO_TOK_FILE_META_BEGIN, start);
        }
        return make(lx, EO_TOK_LBRACE, start);
    case ':':
        if (lx->cur < lx->end && *lx->cur == ':') {
            lx->cur++;
            return make(lx, EO_TOK_COLONCOLON, start);
        }
        return make(lx, EO_TOK_COLON, start);
    case '-':
        if (lx->cur < lx->end && *lx->cur == '>') {
            lx->cur++;
            return make(lx, EO_TOK_ARROW, start);
        }
        return make(lx, EO_TOK_MINUS, start);
    case '.':
        if (lx->cur + 1 < lx->end && lx->cur[0] == '.' && lx->cur[1] == '.') {
            lx->cur += 2;
            return make(lx, EO_TOK_ELLIPSIS, start);
        }
        return error_tok(lx, start, "unexpected character");
    case '"':
        return lex_string(lx, start, EO_TOK_STRING);
    case '%':
        return lex_prefixed(lx, start, EO_TOK_PERCENT_IDENT);
    case '^':
        return lex_prefixed(lx, start, EO_TOK_CARET_IDENT);
    case '!':
        return lex_prefixed(lx, start, EO_TOK_EXCL_IDENT);
    case '#':
        if (lx->cur + 1 < lx->end && lx->cur[0] == '-' && lx->cur[1] == '}') {
            lx->cur += 2;
            return make(lx, EO_TOK_FILE_META_END, start);
        }
        return lex_prefixed(lx, start, EO_TOK_HASH_IDENT);
    case '@':
        if (lx->cur < lx->end && *lx->cur == '"') {
            lx->cur++;
            return lex_string(lx, start, EO_TOK_AT_IDENT);
        }
        if (lx->cur < lx->end && (is_id_start(*lx->cur))) {
            while (lx->cur < lx->end && is_id_char(*lx->cur))
                lx->cur++;
            return make(lx, EO_TOK_AT_IDENT, start);
        }
        return error_tok(lx, start, "invalid symbol name");
    default:
        break;
    }
    if (is_id_start(c)) {
        while (lx->cur < lx->end && is_id_char(*lx->cur))
            lx->cur++;
        return make(lx, EO_TOK_BARE_IDENT, start);
    }
    if (is_digit(c))
        return lex_number(lx, start);
    if ((unsigned char)c >= 0x80 &&
        !utf8_len((const unsigned char *)start, (const unsigned char *)lx->end))
        return error_tok(lx, start, "invalid UTF-8 sequence");
    if (c == '\0')
        return error_tok(lx, start, "unexpected nul character");
    return error_tok(lx, start, "unexpected character");
}

static int
hex_val(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

eo_status
eo_string_unescape(eo_ctx *ctx, const char *text, size_t len, char **out,
                   size_t *olen)
{
    /* Accept the token with or without its quotes. */
    if (len >= 2 && text[0] == '"' && text[len - 1] == '"') {
        text++;
        len -= 2;
    }
    char *buf = eo_ctx_alloc(ctx, len + 1);
    if (!buf)
        return EO_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c != '\\' || i + 1 >= len) {
            buf[n++] = c;
            continue;
        }
        char e = text[++i];
        switch (e) {
        case 'n': buf[n++] = '\n'; break;
        case 't': buf[n++] = '\t'; break;
        case '"': buf[n++] = '"'; break;
        case '\\': buf[n++] = '\\'; break;
        default:
            if (i + 1 < len && is_hex(e) && is_hex(text[i + 1])) {
                buf[n++] = (char)(hex_val(e) * 16 + hex_val(text[i + 1]));
                i++;
            } else {
                buf[n++] = e;
            }
        }
    }
    buf[n] = '\0';
    *out = buf;
    *olen = n;
    return EO_OK;
}

/* As mlir-opt prints strings: printable ASCII as is, a backslash as \\,
 * everything else (the quote included) as \XX with uppercase hex. */
void
eo_string_print_escaped(eo_strbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    eo_strbuf_append(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '\\' && c != '"') {
            run++;
            continue;
        }
        if (run)
            eo_strbuf_append(b, s + i - run, run);
        run = 0;
        char esc[3] = { '\\', 0, 0 };
        if (c == '\\') {
            esc[1] = (char)c;
            eo_strbuf_append(b, esc, 2);
        } else {
            esc[1] = hex[c >> 4];
            esc[2] = hex[c & 15];
            eo_strbuf_append(b, esc, 3);
        }
    }
    if (run)
        eo_strbuf_append(b, s + n - run, run);
    eo_strbuf_append(b, "\"", 1);
}

/* ir/loc.c - locations: uniquing, accessors, MLIR's spelling and parsing.
 *
 * Locations are uniqued: file locations in per-file line tables (see
 * eo_loc_file), the others in the context's EO_UNIQ_LOC set. Constructors
 * canonicalize as MLIR does: a name with an unknown child has no child,
 * and fused locations are flattened, deduplicated and stripped of unknown
 * members (one member and no metadata is just that member).
 */
#include "ir/internal.h"

#include <string.h>

/* Every location starts with this header; a FILE location is nothing
 * more (32 bytes). The other kinds are loc_ext. */
struct eo_loc {
    uint32_t kind;                    /* eo_loc_kind */
    uint32_t line, col;               /* FILE */
    uint32_t depth;                   /* 1 for leaves */
    const eo_ident *ident;            /* FILE name, NAME name */
    const eo_loc *next;               /* FILE: next location on its line */
};

typedef struct loc_ext {
    eo_loc h;
    eo_ctx *ctx;
    const eo_loc *a, *b;              /* NAME child; CALLSITE callee, caller */
    size_t n;                         /* FUSED */
    const eo_loc *const *locs;
    const eo_attr *meta;
} loc_ext;

#define EXT(l) ((const loc_ext *)(l))

/* Objects of the EO_UNIQ_LOC set are all loc_ext (FILE locations go there
 * only when the line table below cannot index them). */
static bool
loc_eq(const void *obj, const void *key)
{
    const loc_ext *x = obj, *y = key;
    return x->h.kind == y->h.kind && x->h.ident == y->h.ident &&
           x->h.line == y->h.line && x->h.col == y->h.col && x->a == y->a &&
           x->b == y->b && x->n == y->n && x->meta == y->meta &&
           (!x->n || memcmp(x->locs, y->locs, x->n * sizeof(void *)) == 0);
}

static const eo_loc *
loc_uniq(eo_ctx *ctx, loc_ext *k)
{
    /* Printing recurses on nesting: refuse what could exhaust the stack. */
    if (k->h.depth > EO_MAX_DEPTH)
        return NULL;
    uint64_t h = eo_hash_u64(EO_HASH_SEED, (uint64_t)k->h.kind);
    h = eo_hash_ptr(h, k->h.ident);
    h = eo_hash_u64(h, ((uint64_t)k->h.line << 32) | k->h.col);
    h = eo_hash_ptr(h, k->a);
    h = eo_hash_ptr(h, k->b);
    h = eo_hash_ptr(h, k->meta);
    if (k->n)
        h = eo_hash_bytes(h, k->locs, k->n * sizeof(void *));
    k->ctx = ctx;
    eo_uniq_set *set = eo_ctx_uniq(ctx, EO_UNIQ_LOC);
    loc_ext *l = eo_uniq_find(set, h, loc_eq, k);
    if (l)
        return &l->h;
    l = eo_perm_alloc(ctx, sizeof(*l));
    if (!l)
        return NULL;
    *l = *k;
    if (k->n) {
        l->locs = eo_perm_dup(ctx, k->locs, k->n * sizeof(void *));
        if (!l->locs)
            return NULL;
    }
    if (eo_uniq_insert(ctx, set, h, l) != EO_OK)
        return NULL;
    return &l->h;
}

static loc_ext
key(eo_loc_kind kind)
{
    loc_ext k;
    memset(&k, 0, sizeof(k));
    k.h.kind = kind;
    k.h.depth = 1;
    return k;
}

const eo_loc *
eo_loc_unknown(eo_ctx *ctx)
{
    loc_ext k = key(EO_LOC_UNKNOWN);
    return loc_uniq(ctx, &k);
}

/* File locations are the bulk (one per op of a parsed file), so they are
 * uniqued without hashing: per file, an array indexed by line points to
 * the line's locations, chained through 'next'. The parser asks for lines
 * in increasing order, so the array grows like the file. A few files get
 * a table; a line far past the table's end (which would need a big
 * array) and further files use the generic set. */
#define LOC_FILES 8
#define LOC_LINES_MIN 1024u
#define LOC_LINES_SLACK 65536u

typedef struct file_lines {
    const eo_ident *file;
    const eo_loc **lines;             /* by line; NULL: none yet */
    size_t cap;                       /* entries allocated */
    size_t init;                      /* entries zeroed so far */
} file_lines;

typedef struct loc_tables {
    file_lines files[LOC_FILES];
    size_t nfiles, last;
} loc_tables;

void
eo_loc_tables_free(eo_ctx *ctx)
{
    loc_tables **slot = (loc_tables **)eo_ctx_loc_tables(ctx);
    loc_tables *t = *slot;
    if (!t)
        return;
    for (size_t i = 0; i < t->nfiles; i++)
        eo_raw_free(ctx, t->files[i].lines,
                    t->files[i].cap * sizeof(*t->files[i].lines));
    eo_raw_free(ctx, t, sizeof(*t));
    *slot = NULL;
}

/* The table of 'file', made if there is room; NULL if none (or out of
 * memory: the generic set then reports it, or copes). */
static file_lines *
file_table(eo_ctx *ctx, const eo_ident *file)
{
    loc_tables **slot = (loc_tables **)eo_ctx_loc_tables(ctx);
    loc_tables *t = *slot;
    if (!t) {
        t = eo_raw_alloc(ctx, sizeof(*t));
        if (!t)
            return NULL;
        memset(t, 0, sizeof(*t));
        *slot = t;
    }
    if (t->nfiles && t->files[t->last].file == file)
        return &t->files[t->last];
    for (size_t i = 0; i < t->nfiles; i++) {
        if (t->files[i].file == file) {
            t->last = i;
            return &t->files[i];
        }
    }
    if (t->nfiles == LOC_FILES)
        return NULL;
    t->last = t->nfiles++;
    t->files[t->last].file = file;
    return &t->files[t->last];
}

/* The chain head for 'line', or NULL if the table cannot index it. */
static const eo_loc **
line_slot(eo_ctx *ctx, file_lines *f, unsigned line)
{
    if (line >= f->cap) {
        size_t limit = (f->cap > LOC_LINES_SLACK ? f->cap : LOC_LINES_SLACK);
        if (line > 2 * limit)
            return NULL;
        size_t ncap = f->cap ? f->cap : LOC_LINES_MIN;
        while (ncap <= line)
            ncap *= 2;
        /* Only the zeroed prefix matters: untouched pages of the new
         * array stay unmapped until used. */
        const eo_loc **n = eo_raw_realloc(ctx, f->lines,
                                          f->cap * sizeof(*n),
                                          ncap * sizeof(*n));
        if (!n)
            return NULL;
        f->lines = n;
        f->cap = ncap;
    }
    if (line >= f->init) {
        memset(f->lines + f->init, 0,
               (line + 1 - f->init) * sizeof(*f->lines));
        f->init = line + 1;
    }
    return &f->lines[line];
}

const eo_loc *
eo_loc_file(eo_ctx *ctx, const eo_ident *file, unsigned line, unsigned col)
{
    if (!file)
        return NULL;
    eo_ctx_lock(ctx);
    file_lines *f = file_table(ctx, file);
    const eo_loc **head = f ? line_slot(ctx, f, line) : NULL;
    if (!head) {
        eo_ctx_unlock(ctx);
        loc_ext k = key(EO_LOC_FILE);
        k.h.ident = file;
        k.h.line = line;
        k.h.col = col;
        return loc_uniq(ctx, &k);
    }
    const eo_loc *found = NULL;
    for (const eo_loc *l = *head; l && !found; l = l->next)
        if (l->col == col)
            found = l;
    eo_loc *l = found ? NULL : eo_perm_alloc(ctx, sizeof(*l));
    if (l) {
        l->kind = EO_LOC_FILE;
        l->line = line;
        l->col = col;
        l->depth = 1;
        l->ident = file;
        l->next = *head;
        *head = l;
        found = l;
    }
    eo_ctx_unlock(ctx);
    return found;
}

/* Lazy file locations: bit 0 set, bits 1-3 the file's table index,
 * bits 4-27 the column, bits 28-59 the line. */
#define LAZY_COL_BITS 24u
_Static_assert(LOC_FILES <= 8, "lazy codes hold a 3-bit file index");
_Static_assert(sizeof(unsigned) <= 4, "lazy codes hold a 32-bit line");

uint64_t
eo_loc_file_lazy(eo_ctx *ctx, const eo_ident *file, unsigned line,
                 unsigned col)
{
    if (!file || (uint64_t)col >= (1ull << LAZY_COL_BITS))
        return 0;
    eo_ctx_lock(ctx);
    file_lines *f = file_table(ctx, file);
    uint64_t code = 0;
    if (f) {
        loc_tables *t = *(loc_tables **)eo_ctx_loc_tables(ctx);
        code = 1u | (uint64_t)(f - t->files) << 1 | (uint64_t)col << 4 |
               (uint64_t)line << (4 + LAZY_COL_BITS);
    }
    eo_ctx_unlock(ctx);
    return code;
}

const eo_loc *
eo_loc_lazy_get(eo_ctx *ctx, uint64_t code)
{
    if (!(code & 1u))
        return (const eo_loc *)(uintptr_t)code;
    eo_ctx_lock(ctx);
    loc_tables *t = *(loc_tables **)eo_ctx_loc_tables(ctx);
    size_t i = (size_t)(code >> 1) & 7u;
    const eo_ident *file = t && i < t->nfiles ? t->files[i].file : NULL;
    eo_ctx_unlock(ctx);
    unsigned col = (unsigned)((code >> 4) & ((1ull << LAZY_COL_BITS) - 1));
    unsigned line = (unsigned)(code >> (4 + LAZY_COL_BITS));
    return EO_NEVER(!file) ? NULL : eo_loc_file(ctx, file, line, col);
}

const eo_loc *
eo_loc_name(eo_ctx *ctx, const eo_ident *name, const eo_loc *child)
{
    if (!name)
        return NULL;
    loc_ext k = key(EO_LOC_NAME);
    k.h.ident = name;
    if (child && child->kind != EO_LOC_UNKNOWN) {
        k.a = child;
        k.h.depth = child->depth + 1;
    }
    return loc_uniq(ctx, &k);
}

const eo_loc *
eo_loc_callsite(eo_ctx *ctx, const eo_loc *callee, const eo_loc *caller)
{
    if (!callee || !caller)
        return NULL;
    loc_ext k = key(EO_LOC_CALLSITE);
    k.a = callee;
    k.b = caller;
    k.h.depth = (callee->depth > caller->depth ? callee->depth
                                             : caller->depth) + 1;
    return loc_uniq(ctx, &k);
}

/* A set of locations in insertion order (MLIR's SetVector), for fusing:
 * linear probing over a power-of-two table once it grows past a few. */
typedef struct locset {
    const eo_loc **v;
    size_t n, cap;
    const eo_loc **tab;
    size_t tabcap;
} locset;

static bool
locset_has(const locset *s, const eo_loc *l)
{
    if (!s->tabcap) {
        for (size_t i = 0; i < s->n; i++)
            if (s->v[i] == l)
                return true;
        return false;
    }
    size_t mask = s->tabcap - 1;
    for (size_t i = (size_t)(eo_hash_ptr(0, l) & mask);; i = (i + 1) & mask) {
        if (!s->tab[i])
            return false;
        if (s->tab[i] == l)
            return true;
    }
}

static void
locset_tab_put(locset *s, const eo_loc *l)
{
    size_t mask = s->tabcap - 1;
    size_t i = (size_t)(eo_hash_ptr(0, l) & mask);
    while (s->tab[i])
        i = (i + 1) & mask;
    s->tab[i] = l;
}

static eo_status
locset_add(eo_ctx *ctx, locset *s, const eo_loc *l)
{
    if (locset_has(s, l))
        return EO_OK;
    if (s->n == s->cap) {
        void *v = s->v;
        if (eo_raw_grow(ctx, &v, &s->cap, s->n + 1, sizeof(*s->v)) != EO_OK)
            return EO_NOMEM;
        s->v = v;
    }
    s->v[s->n++] = l;
    if (s->n > 16 && s->n * 2 > s->tabcap) {
        size_t ncap = s->tabcap ? s->tabcap * 2 : 64;
        const eo_loc **t = eo_raw_alloc(ctx, ncap * sizeof(*t));
        if (!t)
            return EO_NOMEM;
        memset(t, 0, ncap * sizeof(*t));
        if (s->tab)
            eo_raw_free(ctx, s->tab, s->tabcap * sizeof(*s->tab));
        s->tab = t;
        s->tabcap = ncap;
        for (size_t i = 0; i < s->n; i++)
            locset_tab_put(s, s->v[i]);
    } else if (s->tabcap) {
        locset_tab_put(s, l);
    }
    return EO_OK;
}

static void
locset_free(eo_ctx *ctx, locset *s)
{
    if (s->v)
        eo_raw_free(ctx, s->v, s->cap * sizeof(*s->v));
    if (s->tab)
        eo_raw_free(ctx, s->tab, s->tabcap * sizeof(*s->tab));
}

const eo_loc *
eo_loc_fused(eo_ctx *ctx, size_t n, const eo_loc *const *locs,
             const eo_attr *metadata)
{
    if (n && !locs)
        return NULL;
    locset s;
    memset(&s, 0, sizeof(s));
    const eo_loc *res = NULL;
    for (size_t i = 0; i < n; i++) {
        const eo_loc *l = locs[i];
        if (!l)
            goto out;
        /* A fused member with the same metadata is flattened. */
        if (l->kind == EO_LOC_FUSED && EXT(l)->meta == metadata) {
            for (size_t j = 0; j < EXT(l)->n; j++)
                if (locset_add(ctx, &s, EXT(l)->locs[j]) != EO_OK)
                    goto out;
            continue;
        }
        if (l->kind != EO_LOC_UNKNOWN &&
            locset_add(ctx, &s, l) != EO_OK)
            goto out;
    }
    const eo_loc *unknown = NULL;
    if (!s.n) {
        unknown = eo_loc_unknown(ctx);
        if (!metadata || !unknown) {
            res = unknown;
            goto out;
        }
    } else if (s.n == 1 && !metadata) {
        res = s.v[0];
        goto out;
    }
    loc_ext k = key(EO_LOC_FUSED);
    k.meta = metadata;
    k.n = s.n ? s.n : 1;
    k.locs = s.n ? s.v : &unknown;
    for (size_t i = 0; i < k.n; i++)
        if (k.locs[i]->depth + 1 > k.h.depth)
            k.h.depth = k.locs[i]->depth + 1;
    res = loc_uniq(ctx, &k);
out:
    locset_free(ctx, &s);
    return res;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

eo_loc_kind
eo_loc_get_kind(const eo_loc *l)
{
    return l->kind;
}

const eo_ident *
eo_loc_filename(const eo_loc *l)
{
    return l->kind == EO_LOC_FILE ? l->ident : NULL;
}

unsigned
eo_loc_line(const eo_loc *l)
{
    return l->kind == EO_LOC_FILE ? l->line : 0;
}

unsigned
eo_loc_col(const eo_loc *l)
{
    return l->kind == EO_LOC_FILE ? l->col : 0;
}

const eo_ident *
eo_loc_name_ident(const eo_loc *l)
{
    return l->kind == EO_LOC_NAME ? l->ident : NULL;
}

const eo_loc *
eo_loc_child(const eo_loc *l)
{
    return l->kind == EO_LOC_NAME ? EXT(l)->a : NULL;
}

size_t
eo_loc_num_fused(const eo_loc *l)
{
    return l->kind == EO_LOC_FUSED ? EXT(l)->n : 0;
}

const eo_loc *
eo_loc_fused_at(const eo_loc *l, size_t i)
{
    return l->kind == EO_LOC_FUSED && i < EXT(l)->n ? EXT(l)->locs[i] : NULL;
}

const eo_attr *
eo_loc_fused_metadata(const eo_loc *l)
{
    return l->kind == EO_LOC_FUSED ? EXT(l)->meta : NULL;
}

const eo_loc *
eo_loc_callee(const eo_loc *l)
{
    return l->kind == EO_LOC_CALLSITE ? EXT(l)->a : NULL;
}

const eo_loc *
eo_loc_caller(const eo_loc *l)
{
    return l->kind == EO_LOC_CALLSITE ? EXT(l)->b : NULL;
}

static const eo_loc *
find_file(const eo_loc *l, unsigned depth)
{
    while (l && depth < EO_MAX_DEPTH) {
        switch (l->kind) {
        case EO_LOC_FILE:
            return l;
        case EO_LOC_NAME:
            l = EXT(l)->a;
            depth++;
            continue;
        case EO_LOC_CALLSITE: {
            const eo_loc *f = find_file(EXT(l)->a, depth + 1);
            if (f)
                return f;
            l = EXT(l)->b;
            depth++;
            continue;
        }
        case EO_LOC_FUSED:
            for (size_t i = 0; i < EXT(l)->n; i++) {
                const eo_loc *f = find_file(EXT(l)->locs[i], depth + 1);
                if (f)
                    return f;
            }
            return NULL;
        default:
            return NULL;
        }
    }
    return NULL;
}

const eo_loc *
eo_loc_find_file(const eo_loc *l)
{
    return find_file(l, 0);
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

static void print_body(eo_printer *p, const eo_loc *l, bool pretty);

/* A location nested in another: its alias "#locN" when the printer has
 * one, else its body. */
static void
print_nested(eo_printer *p, const eo_loc *l, bool pretty)
{
    if (p->aliases && (p->ctx || l->kind != EO_LOC_FILE)) {
        const eo_attr *a = eo_attr_get_location(
            p->ctx ? p->ctx : EXT(l)->ctx, l);
        if (a && eo_printer_try_alias_attr(p, a))
            return;
    }
    print_body(p, l, pretty);
}

static void
print_ident_str(eo_printer *p, const eo_ident *id, bool pretty)
{
    if (pretty)
        eo_strbuf_append(p->out, eo_ident_str(id), eo_ident_len(id));
    else
        eo_string_print_escaped(p->out, eo_ident_str(id), eo_ident_len(id));
}

static void
print_body(eo_printer *p, const eo_loc *l, bool pretty)
{
    eo_strbuf *o = p->out;
    switch (l->kind) {
    case EO_LOC_UNKNOWN:
        eo_strbuf_puts(o, pretty ? "[unknown]" : "unknown");
        return;
    case EO_LOC_FILE:
        print_ident_str(p, l->ident, pretty);
        eo_strbuf_append(o, ":", 1);
        eo_strbuf_put_u64(o, l->line);
        eo_strbuf_append(o, ":", 1);
        eo_strbuf_put_u64(o, l->col);
        return;
    case EO_LOC_NAME:
        print_ident_str(p, l->ident, false);    /* quoted even if pretty */
        if (EXT(l)->a) {
            eo_strbuf_puts(o, "(");
            print_nested(p, EXT(l)->a, pretty);
            eo_strbuf_puts(o, ")");
        }
        return;
    case EO_LOC_CALLSITE:
        if (!pretty)
            eo_strbuf_puts(o, "callsite(");
        print_nested(p, EXT(l)->a, pretty);
        if (pretty && !(EXT(l)->a->kind == EO_LOC_NAME &&
                        EXT(l)->b->kind == EO_LOC_FILE))
            eo_strbuf_puts(o, "\n");
        eo_strbuf_puts(o, " at ");
        print_nested(p, EXT(l)->b, pretty);
        if (!pretty)
            eo_strbuf_puts(o, ")");
        return;
    case EO_LOC_FUSED:
        if (!pretty)
            eo_strbuf_puts(o, "fused");
        if (EXT(l)->meta) {
            eo_strbuf_puts(o, "<");
            eo_print_attr_impl(p, EXT(l)->meta, false);
            eo_strbuf_puts(o, ">");
        }
        eo_strbuf_puts(o, "[");
        for (size_t i = 0; i < EXT(l)->n; i++) {
            if (i)
                eo_strbuf_puts(o, ", ");
            print_nested(p, EXT(l)->locs[i], pretty);
        }
        eo_strbuf_puts(o, "]");
        return;
    }
}

/* "loc(...)", or with pretty_debuginfo the bare readable form MLIR
 * prints ("file.c:3:7", "[unknown]", ...). The location itself is printed
 * in full (so an alias definition "#loc1 = loc(...)" can use this too);
 * nested locations use their aliases when the printer has them. */
void
eo_print_loc_impl(eo_printer *p, const eo_loc *l)
{
    bool pretty = p->flags.pretty_debuginfo;
    if (!pretty)
        eo_strbuf_puts(p->out, "loc(");
    print_body(p, l, pretty);
    if (!pretty)
        eo_strbuf_puts(p->out, ")");
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

static bool
at_kw(eo_parser *p, const char *kw)
{
    size_t n = strlen(kw);
    return p->tok.kind == EO_TOK_BARE_IDENT && p->tok.len == n &&
           memcmp(p->tok.text, kw, n) == 0;
}

/* Every error of the location grammar is about a missing token. */
static const eo_loc *
fail(eo_parser *p, const char *msg)
{
    eo_parser_error_expected(p, "%s", msg);
    return NULL;
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

/* An unsigned 32-bit integer token (decimal). */
static bool
tok_unsigned(const eo_token *t, unsigned *out)
{
    if (t->kind != EO_TOK_INTEGER)
        return false;
    uint64_t v = 0;
    size_t i = 0;
    unsigned base = 10;
    if (t->len > 2 && t->text[0] == '0' && t->text[1] == 'x') {
        base = 16;
        i = 2;
    }
    for (; i < t->len; i++) {
        char c = t->text[i];
        unsigned d = (c >= '0' && c <= '9') ? (unsigned)(c - '0')
                     : (c >= 'a' && c <= 'f') ? (unsigned)(c - 'a' + 10)
                     : (unsigned)(c - 'A' + 10);
        v = v * base + d;
        if (v > UINT32_MAX)
            return false;
    }
    *out = (unsigned)v;
    return true;
}

static const eo_loc *parse_instance(eo_parser *p, bool top);

/* "str" [ ":" line ":" col | "(" child ")" ] */
static const eo_loc *
parse_name_or_file(eo_parser *p)
{
    char *s;
    size_t len;
    if (eo_string_unescape(p->ctx, p->tok.text, p->tok.len, &s, &len) !=
        EO_OK)
        return NULL;
    const eo_ident *id = eo_ident_get(p->ctx, s, len);
    eo_ctx_free(p->ctx, s, p->tok.len - 1);   /* size unescape asked */
    if (!id)
        return NULL;
    eo_parser_advance(p);
    if (EO_AT(p, EO_TOK_COLON)) {
        eo_parser_advance(p);
        unsigned line, col;
        if (!tok_unsigned(&p->tok, &line))
            return fail(p, "expected integer line number in FileLineColLoc");
        eo_parser_advance(p);
        if (!expect(p, EO_TOK_COLON, "expected ':' in FileLineColLoc"))
            return NULL;
        if (!tok_unsigned(&p->tok, &col))
            return fail(p, "expected integer column number in "
                           "FileLineColLoc");
        eo_parser_advance(p);
        return eo_loc_file(p->ctx, id, line, col);
    }
    if (!EO_AT(p, EO_TOK_LPAREN))
        return eo_loc_name(p->ctx, id, NULL);
    eo_parser_advance(p);
    const eo_loc *child = parse_instance(p, false);
    if (!child)
        return NULL;
    if (!expect(p, EO_TOK_RPAREN,
                "expected ')' after child location of NameLoc"))
        return NULL;
    return eo_loc_name(p->ctx, id, child);
}

static const eo_loc *
parse_callsite(eo_parser *p)
{
    eo_parser_advance(p);
    if (!expect(p, EO_TOK_LPAREN, "expected '(' in callsite location"))
        return NULL;
    const eo_loc *callee = parse_instance(p, false);
    if (!callee)
        return NULL;
    if (!at_kw(p, "at"))
        return fail(p, "expected 'at' in callsite location");
    eo_parser_advance(p);
    const eo_loc *caller = parse_instance(p, false);
    if (!caller)
        return NULL;
    if (!expect(p, EO_TOK_RPAREN, "expected ')' in callsite location"))
        return NULL;
    return eo_loc_callsite(p->ctx, callee, caller);
}

static const eo_loc *
parse_fused(eo_parser *p)
{
    eo_parser_advance(p);
    const eo_attr *meta = NULL;
    if (EO_AT(p, EO_TOK_LESS)) {
        eo_parser_advance(p);
        meta = eo_parse_attr_impl(p, NULL);
        if (!meta)
            return NULL;
        if (!expect(p, EO_TOK_GREATER,
                    "expected '>' after fused location metadata"))
            return NULL;
    }
    if (!expect(p, EO_TOK_LSQUARE, "expected '[' in fused location"))
        return NULL;
    const eo_loc *small[8];
    const eo_loc **v = small;
    size_t n = 0, cap = 8;
    const eo_loc *res = NULL;
    if (!EO_AT(p, EO_TOK_RSQUARE)) {
        for (;;) {
            const eo_loc *l = parse_instance(p, false);
            if (!l)
                return NULL;
            if (n == cap) {
                const eo_loc **nv = eo_parser_scratch(p, 2 * cap * sizeof(*nv));
                if (!nv)
                    return NULL;
                memcpy(nv, v, n * sizeof(*nv));
                v = nv;
                cap *= 2;
            }
            v[n++] = l;
            if (!EO_AT(p, EO_TOK_COMMA))
                break;
            eo_parser_advance(p);
        }
    }
    if (!expect(p, EO_TOK_RSQUARE, "expected ']' in fused location"))
        return NULL;
    res = eo_loc_fused(p->ctx, n, v, meta);
    return res;
}

static const eo_loc *
parse_alias(eo_parser *p, bool top)
{
    eo_token t = p->tok;
    const eo_attr *a = eo_parser_attr_alias(p, t.text + 1, t.len - 1);
    if (!a) {
        if (p->failed)
            return NULL;
        if (top) {
            const eo_loc *l = eo_parser_deferred_loc(p, &t);
            if (l)
                eo_parser_advance(p);
            return l;
        }
        eo_parser_advance(p);
        eo_parser_error_expected(p, "undefined symbol alias id '%.*s'",
                                 (int)(t.len - 1), t.text + 1);
        return NULL;
    }
    if (eo_attr_get_kind(a) != EO_ATTR_LOCATION) {
        eo_strbuf b;
        memset(&b, 0, sizeof(b));
        eo_attr_print(a, &b);
        eo_parser_error_at(p, &t, "expected location, but found '%.*s'",
                           (int)b.len, b.data ? b.data : "");
        eo_strbuf_free(&b);
        return NULL;
    }
    eo_parser_advance(p);
    return eo_attr_location(a);
}

static const eo_loc *
parse_instance(eo_parser *p, bool top)
{
    if (p->depth >= EO_MAX_DEPTH)
        return fail(p, "nesting too deep");
    p->depth++;
    const eo_loc *l;
    if (EO_AT(p, EO_TOK_HASH_IDENT))
        l = parse_alias(p, top);
    else if (EO_AT(p, EO_TOK_STRING))
        l = parse_name_or_file(p);
    else if (at_kw(p, "callsite"))
        l = parse_callsite(p);
    else if (at_kw(p, "fused"))
        l = parse_fused(p);
    else if (at_kw(p, "unknown")) {
        eo_parser_advance(p);
        l = eo_loc_unknown(p->ctx);
    } else {
        l = fail(p, "expected location instance");
    }
    p->depth--;
    return l;
}

const eo_loc *
eo_parse_loc_body(eo_parser *p)
{
    if (!expect(p, EO_TOK_LPAREN, "expected '(' in location"))
        return NULL;
    const eo_loc *l = parse_instance(p, true);
    if (!l)
        return NULL;
    if (!expect(p, EO_TOK_RPAREN, "expected ')' in location"))
        return NULL;
    return l;
}

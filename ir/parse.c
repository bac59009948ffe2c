/* ir/parse.c - the operation-level parser: tokens, SSA value and block
 * scopes, generic and custom operation syntax, regions, aliases and the
 * parser API used by custom op forms.
 *
 * Start at eo_parse_source. Value names follow MLIR: one table of names
 * for the whole parse, definitions made inside a region are forgotten
 * when the region ends, uses before definitions get placeholder values
 * that are replaced when the definition is seen. Block labels are scoped
 * per region. Types, attributes and locations are parsed elsewhere
 * (parse_type.c, parse_attr.c, loc.c).
 */
#include "ir/internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Scratch arena                                                       */
/* ------------------------------------------------------------------ */

typedef struct scratch_chunk {
    struct scratch_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} scratch_chunk;

#define SCRATCH_CHUNK (64u * 1024u)

/* Bump allocation from the chunk list '*head' (newest chunk first). A
 * chunk that does not fit goes on top, so that releasing to a mark
 * (scratch_release) frees exactly what came after it. '*spare' caches
 * one released chunk of the standard size. */
static void *
chunk_alloc(eo_ctx *ctx, scratch_chunk **head, scratch_chunk **spare,
            size_t size)
{
    scratch_chunk *c = *head;
    size = (size + 15u) & ~(size_t)15u;
    if (!size)
        size = 16;
    if (!c || c->size - c->used < size) {
        scratch_chunk *n;
        if (size <= SCRATCH_CHUNK && spare && *spare) {
            n = *spare;
            *spare = NULL;
        } else {
            size_t csize = size > SCRATCH_CHUNK ? size : SCRATCH_CHUNK;
            n = eo_raw_alloc(ctx, sizeof(*n) + csize);
            if (!n)
                return NULL;
            n->size = csize;
        }
        n->used = 0;
        n->next = c;
        *head = n;
        c = n;
    }
    void *r = c->data + c->used;
    c->used += size;
    memset(r, 0, size);
    return r;
}

static void
chunks_free(eo_ctx *ctx, scratch_chunk *c)
{
    while (c) {
        scratch_chunk *n = c->next;
        eo_raw_free(ctx, c, sizeof(*c) + c->size);
        c = n;
    }
}

static scratch_chunk **scratch_spare(eo_parser *p);

/* Scratch memory lives until the operation being parsed is done
 * (parse_operation releases it), or the parse ends. */
void *
eo_parser_scratch(eo_parser *p, size_t size)
{
    return chunk_alloc(p->ctx, (scratch_chunk **)&p->scratch,
                       scratch_spare(p), size);
}

typedef struct scratch_mark {
    scratch_chunk *chunk;
    size_t used;
} scratch_mark;

static scratch_mark
scratch_mark_get(eo_parser *p)
{
    scratch_chunk *c = p->scratch;
    return (scratch_mark){ c, c ? c->used : 0 };
}

/* Frees the scratch memory allocated since 'm'. */
static void
scratch_release(eo_parser *p, scratch_mark m)
{
    scratch_chunk *c = p->scratch;
    scratch_chunk **spare = scratch_spare(p);
    while (c && c != m.chunk) {
        scratch_chunk *n = c->next;
        if (spare && !*spare && c->size == SCRATCH_CHUNK) {
            c->next = NULL;   /* the spare is freed on its own */
            *spare = c;
        } else
            eo_raw_free(p->ctx, c, sizeof(*c) + c->size);
        c = n;
    }
    p->scratch = c;
    if (c)
        c->used = m.used;
}

/* ------------------------------------------------------------------ */
/* A string-keyed hash table over an array of entries                  */
/* ------------------------------------------------------------------ */

/* Every entry struct starts with this key. */
typedef struct nkey {
    const char *s;
    uint32_t len, hash;
} nkey;

/* Slots hold (hash << 32) | (index + 1); 0 is empty. Entries are 'stride'
 * bytes each and never removed (a table is reset as a whole). */
typedef struct ntab {
    uint64_t *slots;
    uint32_t mask;                    /* slots - 1, or 0 when none */
    uint32_t count;
    char *ents;
    size_t stride, cap_ents;
    scratch_chunk *keys;              /* copies of the names (the input
                                         text may be released while the
                                         parse goes on) */
} ntab;

static uint32_t
name_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static void *
ntab_ent(const ntab *t, uint32_t i)
{
    return t->ents + (size_t)i * t->stride;
}

/* Index of the entry named s, or -1. */
static int64_t
ntab_find(const ntab *t, const char *s, uint32_t len, uint32_t h)
{
    if (!t->slots)
        return -1;
    for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
        uint64_t sl = t->slots[i];
        if (!sl)
            return -1;
        if ((uint32_t)(sl >> 32) == h) {
            uint32_t idx = (uint32_t)sl - 1;
            const nkey *k = ntab_ent(t, idx);
            if (k->len == len && memcmp(k->s, s, len) == 0)
                return idx;
        }
    }
}

static eo_status
ntab_rehash(eo_ctx *ctx, ntab *t, uint32_t nslots)
{
    uint64_t *ns = eo_raw_alloc(ctx, (size_t)nslots * sizeof(*ns));
    if (!ns)
        return EO_NOMEM;
    memset(ns, 0, (size_t)nslots * sizeof(*ns));
    uint32_t mask = nslots - 1;
    for (uint32_t e = 0; e < t->count; e++) {
        const nkey *k = ntab_ent(t, e);
        uint32_t i = k->hash & mask;
        while (ns[i])
            i = (i + 1) & mask;
        ns[i] = ((uint64_t)k->hash << 32) | (e + 1);
    }
    if (t->slots)
        eo_raw_free(ctx, t->slots, ((size_t)t->mask + 1) * sizeof(*ns));
    t->slots = ns;
    t->mask = mask;
    return EO_OK;
}

/* A copy of the name s in the key memory of 't' (bytes, unaligned). */
static const char *
ntab_key_copy(eo_ctx *ctx, ntab *t, const char *s, uint32_t len)
{
    scratch_chunk *c = t->keys;
    if (!c || c->size - c->used < len) {
        size_t csize = c ? c->size * 2 : 4096;
        if (csize > ((size_t)1 << 20))
            csize = (size_t)1 << 20;
        if (csize < len)
            csize = len;
        scratch_chunk *n = eo_raw_alloc(ctx, sizeof(*n) + csize);
        if (!n)
            return NULL;
        n->size = csize;
        n->used = 0;
        n->next = c;
        t->keys = n;
        c = n;
    }
    char *r = (char *)c->data + c->used;
    if (len)
        memcpy(r, s, len);
    c->used += len;
    return r;
}

/* Appends a new entry (the name must not be present); returns it zeroed
 * except for the key, or NULL on allocation failure. */
static void *
ntab_add(eo_ctx *ctx, ntab *t, const char *s, uint32_t len, uint32_t h,
         uint32_t *index)
{
    if (!t->slots || (t->count + 1) * 2 > t->mask + 1) {
        uint32_t n = t->slots ? (t->mask + 1) * 2 : 16;
        if (ntab_rehash(ctx, t, n) != EO_OK)
            return NULL;
    }
    if (t->count == t->cap_ents) {
        size_t ncap = t->cap_ents ? t->cap_ents * 2 : 8;
        char *ne = eo_raw_realloc(ctx, t->ents, t->cap_ents * t->stride,
                                  ncap * t->stride);
        if (!ne)
            return NULL;
        t->ents = ne;
        t->cap_ents = ncap;
    }
    const char *copy = ntab_key_copy(ctx, t, s, len);
    if (!copy)
        return NULL;
    uint32_t idx = t->count++;
    nkey *k = ntab_ent(t, idx);
    memset(k, 0, t->stride);
    k->s = copy;
    k->len = len;
    k->hash = h;
    uint32_t i = h & t->mask;
    while (t->slots[i])
        i = (i + 1) & t->mask;
    t->slots[i] = ((uint64_t)h << 32) | (idx + 1);
    if (index)
        *index = idx;
    return k;
}

/* Empties 't', keeping its newest (biggest) chunk of key memory. */
static void
ntab_reset(eo_ctx *ctx, ntab *t)
{
    if (t->slots && t->count)
        memset(t->slots, 0, ((size_t)t->mask + 1) * sizeof(*t->slots));
    t->count = 0;
    if (t->keys) {
        chunks_free(ctx, t->keys->next);
        t->keys->next = NULL;
        t->keys->used = 0;
    }
}

static void
ntab_free(eo_ctx *ctx, ntab *t)
{
    chunks_free(ctx, t->keys);
    t->keys = NULL;
    if (t->slots)
        eo_raw_free(ctx, t->slots, ((size_t)t->mask + 1) * sizeof(uint64_t));
    if (t->ents)
        eo_raw_free(ctx, t->ents, t->cap_ents * t->stride);
    t->slots = NULL;
    t->ents = NULL;
    t->mask = t->count = 0;
    t->cap_ents = 0;
}

/* ------------------------------------------------------------------ */
/* Parser-private state                                                */
/* ------------------------------------------------------------------ */

/* A definition (or forward reference) of %name#i, with the position of
 * the token that introduced it (for notes). */
typedef struct val_slot {
    eo_value *v;
    unsigned line, col;
} val_slot;

typedef struct val_ent {
    nkey key;
    uint32_t n, cap;                  /* slots used; cap 0 = inline one */
    val_slot *more;                   /* scratch array when cap > 1 */
    val_slot one;
} val_ent;

typedef struct blk_ent {
    nkey key;
    eo_block *b;
    unsigned line, col;               /* first reference or definition */
    bool defined;
} blk_ent;

typedef struct alias_ent {
    nkey key;
    const void *val;
} alias_ent;

/* A use of a value not yet defined: a placeholder value (kind
 * PH_KIND) owned by the parser, replaced when the definition comes. */
#define PH_KIND 0x5048u
typedef struct fwd_ref {
    eo_value *ph;
    unsigned line, col;
    bool resolved;
} fwd_ref;

/* Per region being parsed. */
typedef struct rscope {
    size_t defs_start;                /* into st->defs */
    ntab blocks;                      /* of blk_ent, reset per region */
    uint32_t undefined;               /* forward-referenced blocks */
} rscope;

typedef struct deferred_loc {
    nkey key;                         /* alias name without '#' */
    unsigned line, col;
    const eo_loc *resolved;
} deferred_loc;

struct eo_parse_scope {
    ntab values;                      /* of val_ent */
    uint32_t recent[4096];            /* name hash -> val_ent index + 1:
                                         recently used names, which the
                                         big table's slots miss */
    uint32_t *defs;                   /* val_ent indices per region */
    size_t ndefs, cap_defs;
    rscope *rs;
    size_t nrs, cap_rs;
    fwd_ref *fwd;
    size_t nfwd, cap_fwd, unresolved;
    eo_block *cur_block;              /* insertion point */
    eo_block **orphans;               /* undefined forward blocks */
    size_t norphans, cap_orphans;
    ntab deferred;                    /* of deferred_loc */
    const eo_ident *deferred_file;    /* filename of placeholder locs */
    int64_t last_deferred;
    /* Location cache for the last token asked. */
    unsigned loc_line, loc_col;
    const eo_loc *loc_cache;
    const char *prev_end;             /* end of the last consumed token */
    bool trailing_loc;                /* parsing an op/argument loc(...) */
    /* Memo of types and dictionaries by their source text (see memo_*) */
    struct memo_ent {
        char *text;                   /* copy of the span (the input may
                                         be released behind the parse) */
        uint32_t len, window;         /* span length, hash of the window */
        uint32_t cap;                 /* bytes allocated at text */
        uint64_t next;                /* kinds of the token after the span
                                         seen with it (bit per kind) */
        const void *val;
    } memo[2][1024];
    uint32_t memo_window;             /* window hash of the last lookup */
    /* Op names seen: direct-mapped cache from name text to def. */
    struct {
        const eo_ident *name;
        const eo_op_def *def;
    } names[256];
    /* Memory that outlives the op being parsed (value-name slots,
     * placeholders), and a released standard chunk for reuse. */
    scratch_chunk *keep, *spare;
};

struct eo_alias_table {
    ntab attrs;                       /* of alias_ent */
    ntab types;
};

static scratch_chunk **
scratch_spare(eo_parser *p)
{
    return p->scope ? &p->scope->spare : NULL;
}

/* Zeroed parse-lifetime memory (not released with the op's scratch). */
static void *
keep_alloc(eo_parser *p, size_t size)
{
    return chunk_alloc(p->ctx, &p->scope->keep, NULL, size);
}

/* ------------------------------------------------------------------ */
/* Tokens, locations and errors                                        */
/* ------------------------------------------------------------------ */

static eo_status report_at(eo_parser *p, unsigned line, unsigned col,
                           const char *fmt, ...) EO_PRINTF(4, 5);

void
eo_parser_advance(eo_parser *p)
{
    if (p->scope && p->tok.text)
        p->scope->prev_end = p->tok.text + p->tok.len;
    p->tok = eo_lexer_next(&p->lx);
    if (p->tok.kind == EO_TOK_ERROR)
        eo_parser_error_at(p, &p->tok, "%s",
                           p->lx.error ? p->lx.error : "invalid token");
}

static const eo_loc *
line_col_loc(eo_parser *p, unsigned line, unsigned col)
{
    eo_parse_scope *s = p->scope;
    if (s && s->loc_cache && s->loc_line == line && s->loc_col == col)
        return s->loc_cache;
    const eo_loc *l = eo_loc_file(p->ctx, p->filename, line, col);
    if (s && l) {
        s->loc_line = line;
        s->loc_col = col;
        s->loc_cache = l;
    }
    return l;
}

const eo_loc *
eo_parser_tok_loc(eo_parser *p, const eo_token *t)
{
    return line_col_loc(p, t->line, t->col);
}

static eo_status
report_v(eo_parser *p, unsigned line, unsigned col, const char *fmt,
         va_list ap)
{
    if (p->failed)
        return EO_ERROR;
    p->failed = true;
    const eo_loc *loc = line_col_loc(p, line, col);
    eo_diag_builder *b = eo_diag_beginv(p->ctx, EO_SEV_ERROR, loc, fmt, ap);
    if (b)
        eo_diag_emit(b);
    return EO_ERROR;
}

static eo_status
report_at(eo_parser *p, unsigned line, unsigned col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_status st = report_v(p, line, col, fmt, ap);
    va_end(ap);
    return st;
}

eo_status
eo_parser_error_at(eo_parser *p, const eo_token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_status st = report_v(p, t->line, t->col, fmt, ap);
    va_end(ap);
    return st;
}

eo_status
eo_parser_error(eo_parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_status st = report_v(p, p->tok.line, p->tok.col, fmt, ap);
    va_end(ap);
    return st;
}

/* An error with one note, both at source positions. */
static eo_status
report_note(eo_parser *p, unsigned line, unsigned col, const char *msg,
            unsigned nline, unsigned ncol, const char *note)
{
    if (p->failed)
        return EO_ERROR;
    p->failed = true;
    eo_diag_builder *b = eo_diag_begin(p->ctx, EO_SEV_ERROR,
                                       line_col_loc(p, line, col), "%s", msg);
    if (!b)
        return EO_ERROR;
    eo_diag_note(b, line_col_loc(p, nline, ncol), "%s", note);
    eo_diag_emit(b);
    return EO_ERROR;
}

static eo_status
nomem(eo_parser *p)
{
    /* Out of memory: a status, reported once so the parse stops. */
    if (!p->failed)
        p->failed = true;
    return EO_NOMEM;
}

eo_ctx *
eo_parser_ctx(eo_parser *p)
{
    return p->ctx;
}

const eo_loc *
eo_parser_loc(eo_parser *p)
{
    return eo_parser_tok_loc(p, &p->tok);
}

/* Peeks at the token after the current one. */
static eo_token
peek(eo_parser *p)
{
    eo_lexer l = p->lx;
    return eo_lexer_next(&l);
}

static bool
consume_if(eo_parser *p, eo_tok_kind k)
{
    if (p->tok.kind != k)
        return false;
    eo_parser_advance(p);
    return true;
}

static eo_status
expect(eo_parser *p, eo_tok_kind k, const char *msg)
{
    if (p->tok.kind != k)
        return eo_parser_error(p, "%s", msg);
    eo_parser_advance(p);
    return EO_OK;
}

static bool
tok_is_kw(const eo_token *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->kind == EO_TOK_BARE_IDENT && t->len == n &&
           memcmp(t->text, kw, n) == 0;
}

static void
type_str(const eo_type *t, eo_strbuf *b)
{
    eo_strbuf_append(b, "'", 1);
    if (t)
        eo_type_print(t, b);
    eo_strbuf_append(b, "'", 1);
}

/* ------------------------------------------------------------------ */
/* Setup                                                               */
/* ------------------------------------------------------------------ */

eo_status
eo_parser_init(eo_parser *p, eo_ctx *ctx, const char *name, const char *buf,
               size_t len, unsigned first_line)
{
    memset(p, 0, sizeof(*p));
    p->ctx = ctx;
    if (!name)
        name = "<input>";
    p->filename = eo_ident_cstr(ctx, name);
    if (!p->filename)
        return EO_NOMEM;
    /* Only a buffer that starts at line 1 is registered: a piece of a
     * bigger file (--split-input-file) is registered by its owner. */
    if (first_line <= 1 && eo_ctx_add_source(ctx, name, buf, len) != EO_OK)
        return EO_NOMEM;
    eo_parse_scope *s = eo_raw_alloc(ctx, sizeof(*s));
    eo_alias_table *a = eo_raw_alloc(ctx, sizeof(*a));
    if (!s || !a) {
        if (s)
            eo_raw_free(ctx, s, sizeof(*s));
        if (a)
            eo_raw_free(ctx, a, sizeof(*a));
        return EO_NOMEM;
    }
    memset(s, 0, sizeof(*s));
    memset(a, 0, sizeof(*a));
    s->values.stride = sizeof(val_ent);
    s->deferred.stride = sizeof(deferred_loc);
    s->last_deferred = -1;
    a->attrs.stride = sizeof(alias_ent);
    a->types.stride = sizeof(alias_ent);
    p->scope = s;
    p->aliases = a;
    p->default_dialect = "builtin";
    eo_lexer_init(&p->lx, buf, len, first_line ? first_line : 1);
    eo_parser_advance(p);
    return EO_OK;
}

void
eo_parser_fini(eo_parser *p)
{
    eo_ctx *ctx = p->ctx;
    eo_parse_scope *s = p->scope;
    if (s) {
        for (size_t i = 0; i < s->norphans; i++)
            eo_block_destroy(s->orphans[i]);
        if (s->orphans)
            eo_raw_free(ctx, s->orphans, s->cap_orphans * sizeof(eo_block *));
        for (size_t i = 0; i < s->cap_rs; i++)
            ntab_free(ctx, &s->rs[i].blocks);
        if (s->rs)
            eo_raw_free(ctx, s->rs, s->cap_rs * sizeof(rscope));
        if (s->defs)
            eo_raw_free(ctx, s->defs, s->cap_defs * sizeof(uint32_t));
        if (s->fwd)
            eo_raw_free(ctx, s->fwd, s->cap_fwd * sizeof(fwd_ref));
        ntab_free(ctx, &s->values);
        ntab_free(ctx, &s->deferred);
        for (size_t w = 0; w < 2; w++)
            for (size_t i = 0; i < 1024; i++)
                if (s->memo[w][i].text)
                    eo_raw_free(ctx, s->memo[w][i].text, s->memo[w][i].cap);
        chunks_free(ctx, s->keep);
        chunks_free(ctx, s->spare);
        eo_raw_free(ctx, s, sizeof(*s));
        p->scope = NULL;
    }
    if (p->aliases) {
        ntab_free(ctx, &p->aliases->attrs);
        ntab_free(ctx, &p->aliases->types);
        eo_raw_free(ctx, p->aliases, sizeof(*p->aliases));
        p->aliases = NULL;
    }
    chunks_free(ctx, p->scratch);
    p->scratch = NULL;
}

/* ------------------------------------------------------------------ */
/* Aliases                                                             */
/* ------------------------------------------------------------------ */

static const void *
alias_lookup(const ntab *t, const char *name, size_t len)
{
    int64_t i = ntab_find(t, name, (uint32_t)len,
                          name_hash(name, len));
    return i < 0 ? NULL : ((const alias_ent *)ntab_ent(t, (uint32_t)i))->val;
}

const eo_attr *
eo_parser_attr_alias(eo_parser *p, const char *name, size_t len)
{
    return p->aliases ? alias_lookup(&p->aliases->attrs, name, len) : NULL;
}

const eo_type *
eo_parser_type_alias(eo_parser *p, const char *name, size_t len)
{
    return p->aliases ? alias_lookup(&p->aliases->types, name, len) : NULL;
}

/* "#name = attr" or "!name = type" at the top level. */
static eo_status
parse_alias_def(eo_parser *p, bool is_type)
{
    eo_token t = p->tok;
    const char *name = t.text + 1;
    uint32_t len = (uint32_t)t.len - 1;
    ntab *tab = is_type ? &p->aliases->types : &p->aliases->attrs;
    uint32_t h = name_hash(name, len);
    if (ntab_find(tab, name, len, h) >= 0)
        return eo_parser_error(p, "redefinition of %s alias id '%.*s'",
                               is_type ? "type" : "attribute", (int)len,
                               name);
    if (memchr(name, '.', len))
        return eo_parser_error(p, "%s names with a '.' are reserved for "
                               "dialect-defined names",
                               is_type ? "type" : "attribute");
    eo_parser_advance(p);
    if (expect(p, EO_TOK_EQUAL, is_type
               ? "expected '=' in type alias definition"
               : "expected '=' in attribute alias definition") != EO_OK)
        return EO_ERROR;
    const void *val;
    if (is_type)
        val = eo_parse_type_impl(p);
    else
        val = eo_parse_attr_impl(p, NULL);
    if (!val)
        return EO_ERROR;
    alias_ent *e = ntab_add(p->ctx, tab, name, len, h, NULL);
    if (!e)
        return nomem(p);
    e->val = val;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Deferred location aliases                                           */
/* ------------------------------------------------------------------ */

const eo_loc *
eo_parser_deferred_loc(eo_parser *p, const eo_token *alias_tok)
{
    eo_parse_scope *s = p->scope;
    const char *name = alias_tok->text + 1;
    uint32_t len = alias_tok->len ? (uint32_t)alias_tok->len - 1 : 0;
    if (!s)
        return NULL;
    if (!s->trailing_loc) {
        /* Only op and argument locations may name later aliases. */
        eo_parser_error_at(p, alias_tok, "undefined symbol alias id '%.*s'",
                           (int)len, name);
        return NULL;
    }
    if (!s->deferred_file) {
        /* Placeholders are file locations in a file no text can name. */
        s->deferred_file = eo_ident_cstr(p->ctx, "\x01<deferred-loc>");
        if (!s->deferred_file) {
            nomem(p);
            return NULL;
        }
    }
    uint32_t h = name_hash(name, len);
    int64_t i = ntab_find(&s->deferred, name, len, h);
    if (i < 0) {
        uint32_t idx;
        deferred_loc *d = ntab_add(p->ctx, &s->deferred, name, len, h, &idx);
        if (!d) {
            nomem(p);
            return NULL;
        }
        d->line = alias_tok->line;
        d->col = alias_tok->col;
        i = idx;
    }
    s->last_deferred = i;
    const eo_loc *l = eo_loc_file(p->ctx, s->deferred_file, (unsigned)i + 1,
                                  0);
    if (!l)
        nomem(p);
    return l;
}

static bool
is_placeholder_loc(eo_parse_scope *s, const eo_loc *l)
{
    return l && eo_loc_get_kind(l) == EO_LOC_FILE &&
           eo_loc_filename(l) == s->deferred_file;
}

/* Replaces placeholders inside 'l' by their resolved locations. */
static const eo_loc *
subst_loc(eo_parser *p, const eo_loc *l, unsigned depth)
{
    eo_parse_scope *s = p->scope;
    if (!l || depth > EO_MAX_DEPTH)
        return l;
    switch (eo_loc_get_kind(l)) {
    case EO_LOC_FILE:
        if (eo_loc_filename(l) == s->deferred_file) {
            unsigned i = eo_loc_line(l) - 1;
            const deferred_loc *d = ntab_ent(&s->deferred, i);
            return d->resolved;
        }
        return l;
    case EO_LOC_NAME: {
        const eo_loc *c = eo_loc_child(l);
        const eo_loc *nc = subst_loc(p, c, depth + 1);
        return nc == c ? l : eo_loc_name(p->ctx, eo_loc_name_ident(l), nc);
    }
    case EO_LOC_CALLSITE: {
        const eo_loc *a = eo_loc_callee(l), *b = eo_loc_caller(l);
        const eo_loc *na = subst_loc(p, a, depth + 1);
        const eo_loc *nb = subst_loc(p, b, depth + 1);
        return na == a && nb == b ? l : eo_loc_callsite(p->ctx, na, nb);
    }
    case EO_LOC_FUSED: {
        size_t n = eo_loc_num_fused(l);
        bool changed = false;
        const eo_loc **v = eo_parser_scratch(p, (n ? n : 1) * sizeof(*v));
        if (!v)
            return l;
        for (size_t i = 0; i < n; i++) {
            const eo_loc *c = eo_loc_fused_at(l, i);
            v[i] = subst_loc(p, c, depth + 1);
            changed |= v[i] != c;
        }
        return changed ? eo_loc_fused(p->ctx, n, v, eo_loc_fused_metadata(l))
                       : l;
    }
    default:
        return l;
    }
}

static bool
loc_has_placeholder(eo_parse_scope *s, const eo_loc *l, unsigned depth)
{
    if (!l || depth > EO_MAX_DEPTH)
        return false;
    switch (eo_loc_get_kind(l)) {
    case EO_LOC_FILE:
        return eo_loc_filename(l) == s->deferred_file;
    case EO_LOC_NAME:
        return loc_has_placeholder(s, eo_loc_child(l), depth + 1);
    case EO_LOC_CALLSITE:
        return loc_has_placeholder(s, eo_loc_callee(l), depth + 1) ||
               loc_has_placeholder(s, eo_loc_caller(l), depth + 1);
    case EO_LOC_FUSED:
        for (size_t i = 0; i < eo_loc_num_fused(l); i++)
            if (loc_has_placeholder(s, eo_loc_fused_at(l, i), depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

static const eo_loc *
fix_loc(eo_parser *p, const eo_loc *l)
{
    eo_parse_scope *s = p->scope;
    if (is_placeholder_loc(s, l)) {
        const deferred_loc *d = ntab_ent(&s->deferred, eo_loc_line(l) - 1);
        return d->resolved;
    }
    if (eo_loc_get_kind(l) == EO_LOC_FILE || !loc_has_placeholder(s, l, 0))
        return l;
    const eo_loc *n = subst_loc(p, l, 0);
    return n ? n : l;
}

/* Resolves every deferred alias and patches the locations of 'root' and
 * everything in it. */
static eo_status
resolve_deferred_locs(eo_parser *p, eo_op *root)
{
    eo_parse_scope *s = p->scope;
    if (!s->deferred.count)
        return EO_OK;
    for (uint32_t i = 0; i < s->deferred.count; i++) {
        deferred_loc *d = ntab_ent(&s->deferred, i);
        const eo_attr *a = eo_parser_attr_alias(p, d->key.s, d->key.len);
        if (!a)
            return report_at(p, d->line, d->col,
                             "operation location alias was never defined");
        if (eo_attr_get_kind(a) != EO_ATTR_LOCATION) {
            eo_strbuf b = {0};
            eo_attr_print(a, &b);
            eo_status st = report_at(p, d->line, d->col,
                                     "expected location, but found '%.*s'",
                                     (int)b.len, b.data ? b.data : "");
            eo_strbuf_free(&b);
            return st;
        }
        d->resolved = eo_attr_location(a);
    }
    for (eo_op *op = root; op; op = eo_op_preorder_next(op, root, true)) {
        if (!(op->loc_code & 1u))     /* lazy ones are plain FILE */
            eo_op_set_loc(op, fix_loc(p, eo_op_loc(op)));
        for (uint32_t r = 0; r < op->num_regions; r++)
            for (eo_block *b = eo_opx_regions(op)[r].first; b; b = b->next)
                for (uint32_t i = 0; i < b->num_args; i++)
                    if (eo_value_loc(b->args[i]))
                        eo_value_set_loc(b->args[i],
                                         fix_loc(p, eo_value_loc(b->args[i])));
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Value and block scopes                                              */
/* ------------------------------------------------------------------ */

static val_slot *
ent_slot(val_ent *e, uint32_t i)
{
    return e->cap ? &e->more[i] : &e->one;
}

/* Makes room for slot 'i' of 'e' (new slots are zero). */
static eo_status
ent_reserve(eo_parser *p, val_ent *e, uint32_t i)
{
    if (i == 0 && e->cap == 0)
        return EO_OK;
    if (e->cap > i)
        return EO_OK;
    uint32_t ncap = e->cap ? e->cap : 1;
    while (ncap <= i) {
        if (ncap > UINT32_MAX / 2)
            return nomem(p);
        ncap *= 2;
    }
    val_slot *m = keep_alloc(p, (size_t)ncap * sizeof(*m));
    if (!m)
        return nomem(p);
    if (e->cap)
        memcpy(m, e->more, (size_t)e->cap * sizeof(*m));
    else
        m[0] = e->one;
    e->more = m;
    e->cap = ncap;
    return EO_OK;
}

static val_ent *
value_entry(eo_parser *p, const char *name, uint32_t len, bool create)
{
    eo_parse_scope *s = p->scope;
    uint32_t h = name_hash(name, len);
    uint32_t *rc = &s->recent[(h ^ (h >> 12)) & 4095u];
    if (*rc) {
        val_ent *e = ntab_ent(&s->values, *rc - 1);
        if (e->key.hash == h && e->key.len == len &&
            memcmp(e->key.s, name, len) == 0)
            return e;
    }
    int64_t i = ntab_find(&s->values, name, len, h);
    if (i >= 0) {
        *rc = (uint32_t)i + 1;
        return ntab_ent(&s->values, (uint32_t)i);
    }
    if (!create)
        return NULL;
    uint32_t idx;
    val_ent *e = ntab_add(p->ctx, &s->values, name, len, h, &idx);
    if (!e)
        nomem(p);
    else
        *rc = idx + 1;
    return e;
}

static bool
is_placeholder(const eo_value *v)
{
    return v && v->kind == PH_KIND;
}

static eo_status
push_def(eo_parser *p, val_ent *e)
{
    eo_parse_scope *s = p->scope;
    if (s->ndefs == s->cap_defs &&
        eo_raw_grow(p->ctx, (void **)&s->defs, &s->cap_defs, s->ndefs + 1,
                    sizeof(uint32_t)) != EO_OK)
        return nomem(p);
    s->defs[s->ndefs++] =
        (uint32_t)(((char *)e - s->values.ents) / sizeof(val_ent));
    return EO_OK;
}

/* Records 'v' as %name#number (MLIR's addDefinition). */
static eo_status
add_definition(eo_parser *p, const char *name, uint32_t len, uint32_t number,
               unsigned line, unsigned col, eo_value *v)
{
    val_ent *e = value_entry(p, name, len, true);
    if (!e || ent_reserve(p, e, number) != EO_OK)
        return nomem(p);
    if (e->n <= number)
        e->n = number + 1;
    val_slot *sl = ent_slot(e, number);
    if (sl->v) {
        eo_value *old = sl->v;
        if (!is_placeholder(old)) {
            char msg[160];
            snprintf(msg, sizeof(msg), "redefinition of SSA value '%.*s'",
                     (int)len, name);
            return report_note(p, line, col, msg, sl->line, sl->col,
                               "previously defined here");
        }
        if (old->type != v->type) {
            eo_strbuf a = {0}, b = {0};
            type_str(v->type, &a);
            type_str(old->type, &b);
            char *msg = eo_parser_scratch(p, a.len + len + 80);
            char *note = eo_parser_scratch(p, b.len + 80);
            eo_status st = EO_NOMEM;
            if (msg && note && !a.oom && !b.oom) {
                snprintf(msg, a.len + len + 80,
                         "definition of SSA value '%.*s#%u' has type %.*s",
                         (int)len, name, number, (int)a.len, a.data);
                snprintf(note, b.len + 80,
                         "previously used here with type %.*s", (int)b.len,
                         b.data);
                st = report_note(p, line, col, msg, sl->line, sl->col, note);
            }
            eo_strbuf_free(&a);
            eo_strbuf_free(&b);
            return st == EO_NOMEM ? nomem(p) : st;
        }
        eo_value_replace_all_uses(old, v);
        fwd_ref *f = &p->scope->fwd[old->index];
        f->resolved = true;
        p->scope->unresolved--;
    }
    sl->v = v;
    sl->line = line;
    sl->col = col;
    return push_def(p, e);
}

/* MLIR's resolveSSAUse: the value %name#number of type 'type', a forward
 * reference placeholder if not yet defined. NULL after an error. */
static eo_value *
resolve_use(eo_parser *p, const char *name, uint32_t len, uint32_t number,
            unsigned line, unsigned col, const eo_type *type)
{
    eo_parse_scope *s = p->scope;
    val_ent *e = value_entry(p, name, len, true);
    if (!e)
        return NULL;
    if (number < e->n) {
        val_slot *sl = ent_slot(e, number);
        if (sl->v) {
            if (sl->v->type == type)
                return sl->v;
            eo_strbuf a = {0}, b = {0};
            type_str(type, &a);
            type_str(sl->v->type, &b);
            size_t sz = a.len + b.len + len + 100;
            char *msg = eo_parser_scratch(p, sz);
            if (msg && !a.oom && !b.oom) {
                snprintf(msg, sz, "use of value '%.*s' expects different "
                         "type than prior uses: %.*s vs %.*s", (int)len, name,
                         (int)a.len, a.data, (int)b.len, b.data);
                report_note(p, line, col, msg, sl->line, sl->col,
                            "prior use here");
            } else {
                nomem(p);
            }
            eo_strbuf_free(&a);
            eo_strbuf_free(&b);
            return NULL;
        }
    }
    if (ent_reserve(p, e, number) != EO_OK)
        return NULL;
    if (e->n > 0 && ent_slot(e, 0)->v && !is_placeholder(ent_slot(e, 0)->v)) {
        report_at(p, line, col, "reference to invalid result number");
        return NULL;
    }
    if (e->n <= number)
        e->n = number + 1;
    if (!type) {
        report_at(p, line, col, "use of undeclared SSA value name");
        return NULL;
    }
    eo_value *ph = keep_alloc(p, sizeof(*ph));
    if (!ph || (s->nfwd == s->cap_fwd &&
                eo_raw_grow(p->ctx, (void **)&s->fwd, &s->cap_fwd,
                            s->nfwd + 1, sizeof(fwd_ref)) != EO_OK)) {
        nomem(p);
        return NULL;
    }
    ph->type = type;
    ph->kind = PH_KIND;
    ph->index = (uint32_t)s->nfwd;
    fwd_ref *f = &s->fwd[s->nfwd++];
    f->ph = ph;
    f->line = line;
    f->col = col;
    f->resolved = false;
    s->unresolved++;
    val_slot *sl = ent_slot(e, number);
    sl->v = ph;
    sl->line = line;
    sl->col = col;
    return ph;
}

/* Reports the first forward reference left (by source position). */
static eo_status
check_forward_refs(eo_parser *p)
{
    eo_parse_scope *s = p->scope;
    if (!s->unresolved)
        return EO_OK;
    const fwd_ref *best = NULL;
    for (size_t i = 0; i < s->nfwd; i++) {
        const fwd_ref *f = &s->fwd[i];
        if (f->resolved)
            continue;
        if (!best || f->line < best->line ||
            (f->line == best->line && f->col < best->col))
            best = f;
    }
    if (!best)
        return EO_OK;
    return report_at(p, best->line, best->col,
                     "use of undeclared SSA value name");
}

static eo_status
push_region_scope(eo_parser *p)
{
    eo_parse_scope *s = p->scope;
    if (s->nrs == s->cap_rs) {
        size_t old = s->cap_rs;
        if (eo_raw_grow(p->ctx, (void **)&s->rs, &s->cap_rs, s->nrs + 1,
                        sizeof(rscope)) != EO_OK)
            return nomem(p);
        memset(s->rs + old, 0, (s->cap_rs - old) * sizeof(rscope));
        for (size_t i = old; i < s->cap_rs; i++)
            s->rs[i].blocks.stride = sizeof(blk_ent);
    }
    rscope *r = &s->rs[s->nrs++];
    r->defs_start = s->ndefs;
    r->undefined = 0;
    ntab_reset(p->ctx, &r->blocks);
    return EO_OK;
}

static eo_status
add_orphan(eo_parser *p, eo_block *b)
{
    eo_parse_scope *s = p->scope;
    if (s->norphans == s->cap_orphans &&
        eo_raw_grow(p->ctx, (void **)&s->orphans, &s->cap_orphans,
                    s->norphans + 1, sizeof(eo_block *)) != EO_OK)
        return nomem(p);
    s->orphans[s->norphans++] = b;
    return EO_OK;
}

/* Ends the innermost region scope: forgets its definitions and checks
 * that every block it referenced was defined. */
static eo_status
pop_region_scope(eo_parser *p)
{
    eo_parse_scope *s = p->scope;
    rscope *r = &s->rs[s->nrs - 1];
    eo_status st = EO_OK;
    if (r->undefined) {
        const blk_ent *best = NULL;
        for (uint32_t i = 0; i < r->blocks.count; i++) {
            blk_ent *b = ntab_ent(&r->blocks, i);
            if (b->defined)
                continue;
            if (add_orphan(p, b->b) != EO_OK)
                st = EO_NOMEM;
            b->defined = true;
            if (!best || b->line < best->line ||
                (b->line == best->line && b->col < best->col))
                best = b;
        }
        if (best && st == EO_OK)
            st = report_at(p, best->line, best->col,
                           "reference to an undefined block");
    }
    for (size_t i = r->defs_start; i < s->ndefs; i++) {
        val_ent *e = ntab_ent(&s->values, s->defs[i]);
        /* MLIR erases the whole name: any result number of it. */
        for (uint32_t j = 0; j < e->n; j++) {
            val_slot *sl = ent_slot(e, j);
            if (!is_placeholder(sl->v))
                sl->v = NULL;
        }
        bool any = false;
        for (uint32_t j = 0; j < e->n; j++)
            any |= ent_slot(e, j)->v != NULL;
        if (!any)
            e->n = 0;
    }
    s->ndefs = r->defs_start;
    s->nrs--;
    return st;
}

/* The block named by token 't' in the current region (MLIR's
 * getBlockNamed): created detached on first reference. */
static blk_ent *
block_entry(eo_parser *p, const eo_token *t)
{
    eo_parse_scope *s = p->scope;
    rscope *r = &s->rs[s->nrs - 1];
    uint32_t h = name_hash(t->text, t->len);
    int64_t i = ntab_find(&r->blocks, t->text, (uint32_t)t->len, h);
    if (i >= 0)
        return ntab_ent(&r->blocks, (uint32_t)i);
    blk_ent *e = ntab_add(p->ctx, &r->blocks, t->text, (uint32_t)t->len, h,
                          NULL);
    if (!e) {
        nomem(p);
        return NULL;
    }
    e->line = t->line;
    e->col = t->col;
    return e;
}

/* ------------------------------------------------------------------ */
/* Operands                                                            */
/* ------------------------------------------------------------------ */

/* An operand use with its position (cheaper than a location). */
typedef struct uref {
    const char *name;
    uint32_t len, number;
    unsigned line, col;
} uref;

static eo_status
parse_uref(eo_parser *p, uref *r, bool allow_number)
{
    if (p->tok.kind != EO_TOK_PERCENT_IDENT)
        return eo_parser_error(p, "expected SSA operand");
    r->name = p->tok.text;
    r->len = (uint32_t)p->tok.len;
    r->number = 0;
    r->line = p->tok.line;
    r->col = p->tok.col;
    eo_parser_advance(p);
    if (p->tok.kind == EO_TOK_HASH_IDENT) {
        if (!allow_number)
            return eo_parser_error(p, "result number not allowed in argument "
                                   "list");
        uint64_t n = 0;
        bool ok = p->tok.len > 1;
        for (size_t i = 1; i < p->tok.len && ok; i++) {
            char c = p->tok.text[i];
            if (c < '0' || c > '9' || n > UINT32_MAX / 10)
                ok = false;
            else
                n = n * 10 + (uint64_t)(c - '0');
        }
        if (!ok || n > UINT32_MAX)
            return eo_parser_error(p, "invalid SSA value result number");
        r->number = (uint32_t)n;
        eo_parser_advance(p);
    }
    return EO_OK;
}

static void
uref_to_ref(eo_parser *p, const uref *u, eo_operand_ref *r)
{
    r->name = u->name;
    r->len = u->len;
    r->number = u->number;
    r->loc = line_col_loc(p, u->line, u->col);
}

/* Recovers line/col of a public operand ref from its location. */
static void
ref_pos(const eo_operand_ref *r, unsigned *line, unsigned *col)
{
    *line = *col = 0;
    const eo_loc *l = r->loc ? eo_loc_find_file(r->loc) : NULL;
    if (l) {
        *line = eo_loc_line(l);
        *col = eo_loc_col(l);
    }
}

bool
eo_parser_at_operand(eo_parser *p)
{
    return p->tok.kind == EO_TOK_PERCENT_IDENT;
}

eo_status
eo_parse_operand(eo_parser *p, eo_operand_ref *out)
{
    uref u = { 0 };
    if (parse_uref(p, &u, true) != EO_OK)
        return EO_ERROR;
    uref_to_ref(p, &u, out);
    return out->loc ? EO_OK : nomem(p);
}

bool
eo_parse_optional_operand(eo_parser *p, eo_operand_ref *out, eo_status *st)
{
    if (p->tok.kind != EO_TOK_PERCENT_IDENT) {
        if (st)
            *st = EO_OK;
        return false;
    }
    eo_status s = eo_parse_operand(p, out);
    if (st)
        *st = s;
    return true;
}

eo_status
eo_parse_operand_list(eo_parser *p, eo_operand_ref **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (p->tok.kind != EO_TOK_PERCENT_IDENT)
        return EO_OK;
    size_t cap = 0;
    eo_operand_ref *v = NULL;
    do {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 4;
            eo_operand_ref *nv = eo_parser_scratch(p, ncap * sizeof(*nv));
            if (!nv)
                return nomem(p);
            if (cap)
                memcpy(nv, v, cap * sizeof(*nv));
            v = nv;
            cap = ncap;
        }
        if (eo_parse_operand(p, &v[*n]) != EO_OK)
            return EO_ERROR;
        (*n)++;
    } while (consume_if(p, EO_TOK_COMMA));
    *out = v;
    return EO_OK;
}

eo_value *
eo_parse_resolve_value(eo_parser *p, const eo_operand_ref *r,
                       const eo_type *type)
{
    unsigned line, col;
    ref_pos(r, &line, &col);
    return resolve_use(p, r->name, (uint32_t)r->len, r->number, line, col,
                       type);
}

eo_status
eo_parse_resolve_operand(eo_parser *p, const eo_operand_ref *r,
                         const eo_type *type, eo_op_state *st)
{
    eo_value *v = eo_parse_resolve_value(p, r, type);
    if (!v)
        return EO_ERROR;
    if (eo_op_state_add_operand(st, v) != EO_OK)
        return nomem(p);
    return EO_OK;
}

eo_status
eo_parse_resolve_operands(eo_parser *p, const eo_operand_ref *refs, size_t n,
                          const eo_type *const *types, size_t ntypes,
                          eo_op_state *st)
{
    if (ntypes != n && !(ntypes == 1 && n > 0)) {
        const eo_loc *l = n ? refs[0].loc : eo_parser_loc(p);
        const eo_loc *f = l ? eo_loc_find_file(l) : NULL;
        if (f)
            return report_at(p, eo_loc_line(f), eo_loc_col(f),
                             "%zu operands present, but expected %zu", n,
                             ntypes);
        return eo_parser_error(p, "%zu operands present, but expected %zu",
                               n, ntypes);
    }
    for (size_t i = 0; i < n; i++)
        if (eo_parse_resolve_operand(p, &refs[i],
                                     types[ntypes == n ? i : 0], st) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Punctuation and keywords                                            */
/* ------------------------------------------------------------------ */

static const struct {
    const char *s;
    eo_tok_kind k;
} puncts[] = {
    {"(", EO_TOK_LPAREN}, {")", EO_TOK_RPAREN}, {"[", EO_TOK_LSQUARE},
    {"]", EO_TOK_RSQUARE}, {"{", EO_TOK_LBRACE}, {"}", EO_TOK_RBRACE},
    {"<", EO_TOK_LESS}, {">", EO_TOK_GREATER}, {",", EO_TOK_COMMA},
    {":", EO_TOK_COLON}, {"=", EO_TOK_EQUAL}, {"->", EO_TOK_ARROW},
    {"?", EO_TOK_QUESTION}, {"*", EO_TOK_STAR}, {"+", EO_TOK_PLUS},
    {"-", EO_TOK_MINUS}, {"...", EO_TOK_ELLIPSIS}, {"|", EO_TOK_VBAR},
    {"::", EO_TOK_COLONCOLON},
};

static int
punct_kind(const char *s)
{
    for (size_t i = 0; i < sizeof(puncts) / sizeof(puncts[0]); i++)
        if (strcmp(puncts[i].s, s) == 0)
            return (int)puncts[i].k;
    return -1;
}

eo_status
eo_parse_punct(eo_parser *p, const char *punct)
{
    int k = punct_kind(punct);
    if (k < 0 || p->tok.kind != (eo_tok_kind)k)
        return eo_parser_error(p, "expected '%s'", punct);
    eo_parser_advance(p);
    return EO_OK;
}

bool
eo_parse_optional_punct(eo_parser *p, const char *punct)
{
    int k = punct_kind(punct);
    if (k < 0 || p->tok.kind != (eo_tok_kind)k)
        return false;
    eo_parser_advance(p);
    return true;
}

eo_status
eo_parse_keyword(eo_parser *p, const eo_ident **out)
{
    if (p->tok.kind != EO_TOK_BARE_IDENT)
        return eo_parser_error(p, "expected valid keyword");
    *out = eo_ident_get(p->ctx, p->tok.text, p->tok.len);
    if (!*out)
        return nomem(p);
    eo_parser_advance(p);
    return EO_OK;
}

eo_status
eo_parse_expect_keyword(eo_parser *p, const char *kw)
{
    if (!tok_is_kw(&p->tok, kw))
        return eo_parser_error(p, "expected '%s'", kw);
    eo_parser_advance(p);
    return EO_OK;
}

bool
eo_parse_optional_keyword(eo_parser *p, const char *kw)
{
    if (!tok_is_kw(&p->tok, kw))
        return false;
    eo_parser_advance(p);
    return true;
}

bool
eo_parser_at_keyword(eo_parser *p, const char *kw)
{
    return tok_is_kw(&p->tok, kw);
}

bool
eo_parser_at_region(eo_parser *p)
{
    return p->tok.kind == EO_TOK_LBRACE;
}

/* ------------------------------------------------------------------ */
/* Attribute dictionaries, properties, locations                       */
/* ------------------------------------------------------------------ */

static const eo_attr *parse_dict_memo(eo_parser *p);

static eo_status
dict_into_attrs(eo_parser *p, const eo_attr *d, eo_op_state *st)
{
    size_t n = eo_attr_dict_size(d);
    for (size_t i = 0; i < n; i++) {
        const eo_named_attr *a = eo_attr_dict_at(d, i);
        if (eo_op_state_set_attr(st, eo_ident_str(a->name), a->value) != EO_OK)
            return nomem(p);
    }
    return EO_OK;
}

eo_status
eo_parse_optional_attr_dict(eo_parser *p, eo_op_state *st)
{
    if (p->tok.kind != EO_TOK_LBRACE)
        return EO_OK;
    const eo_attr *d = parse_dict_memo(p);
    if (!d)
        return EO_ERROR;
    return dict_into_attrs(p, d, st);
}

eo_status
eo_parse_optional_attr_dict_kw(eo_parser *p, eo_op_state *st)
{
    if (!tok_is_kw(&p->tok, "attributes"))
        return EO_OK;
    eo_parser_advance(p);
    if (p->tok.kind != EO_TOK_LBRACE)
        return eo_parser_error(p, "expected '{' in attribute dictionary");
    return eo_parse_optional_attr_dict(p, st);
}

/* After '<': "{...}>" into st's properties. */
static eo_status
parse_props_body(eo_parser *p, eo_op_state *st)
{
    eo_token at = p->tok;
    const eo_attr *d = p->tok.kind == EO_TOK_LBRACE ? parse_dict_memo(p)
                                                     : eo_parse_attr_impl(p,
                                                                          NULL);
    if (!d)
        return EO_ERROR;
    if (eo_attr_get_kind(d) != EO_ATTR_DICT)
        return eo_parser_error_at(p, &at, "expected a dictionary attribute "
                                  "for the properties");
    if (expect(p, EO_TOK_GREATER, "expected '>' to close properties") != EO_OK)
        return EO_ERROR;
    size_t n = eo_attr_dict_size(d);
    for (size_t i = 0; i < n; i++) {
        const eo_named_attr *a = eo_attr_dict_at(d, i);
        if (eo_op_state_set_prop(st, a->name, a->value) != EO_OK)
            return nomem(p);
    }
    return EO_OK;
}

eo_status
eo_parse_optional_props(eo_parser *p, eo_op_state *st)
{
    if (p->tok.kind != EO_TOK_LESS || peek(p).kind != EO_TOK_LBRACE)
        return EO_OK;
    eo_parser_advance(p);
    return parse_props_body(p, st);
}

/* After the "loc" keyword: "(...)", deferred aliases included. */
static const eo_loc *
parse_loc_after_kw(eo_parser *p)
{
    if (p->tok.kind != EO_TOK_LPAREN) {
        eo_parser_error(p, "expected '(' in location");
        return NULL;
    }
    bool saved = p->scope->trailing_loc;
    p->scope->trailing_loc = true;
    const eo_loc *l = eo_parse_loc_body(p);
    p->scope->trailing_loc = saved;
    return l;
}

eo_status
eo_parse_optional_loc(eo_parser *p, const eo_loc **out)
{
    if (!tok_is_kw(&p->tok, "loc"))
        return EO_OK;
    eo_parser_advance(p);
    const eo_loc *l = parse_loc_after_kw(p);
    if (!l)
        return EO_ERROR;
    *out = l;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Memo of repeated source text                                        */
/* ------------------------------------------------------------------ */

/* Generic ops repeat the same function types and property dictionaries
 * ("(i32, i32) -> i32", "<{predicate = 2 : i64}>") many times. Parsing
 * them again only to find the same uniqued object is the bulk of the
 * work, so the parser remembers the object parsed from a span of text
 * and, when the same bytes come again, takes it and skips the span. The
 * same bytes give the same tokens and so the same object (aliases cannot
 * be redefined); the span holds no newline, and the token after it must
 * be of the same kind as when the span was first parsed. */
enum { MEMO_TYPE, MEMO_DICT };

/* Bytes of 'x' equal to zero get 0x80, the others 0 (exact per byte). */
static inline uint64_t
zero_bytes(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full;
    return ~(((x & low7) + low7) | x | low7);
}

/* The window hashed is the text from the token up to 48 bytes, a line
 * end or " l" (a trailing " loc(...)", which differs between ops). It is
 * hashed 8 bytes at a time. */
static struct memo_ent *
memo_slot(eo_parser *p, int which)
{
    enum { WIN = 48 };
    const char *s = p->tok.text, *end = p->lx.end;
    char pad[WIN + 16];
    if (end - s <= WIN) {
        memset(pad, 0, sizeof(pad));
        memcpy(pad, s, (size_t)(end - s));
        s = pad;
    }
    const uint64_t ones = 0x0101010101010101ull;
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < WIN; i += 8) {
        uint64_t x, y;
        memcpy(&x, s + i, 8);
        memcpy(&y, s + i + 1, 8);
        uint64_t stop = zero_bytes(x ^ (ones * '\n')) |
                        (zero_bytes(x ^ (ones * ' ')) &
                         zero_bytes(y ^ (ones * 'l')));
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        /* Byte order only changes the hash, not what a hit needs. */
        stop = __builtin_bswap64(stop);
        x = __builtin_bswap64(x);
#endif
        if (stop) {
            unsigned k = (unsigned)__builtin_ctzll(stop) / 8;
            h = (h ^ (k ? x & (~0ull >> (64 - 8 * k)) : 0)) *
                0x100000001b3ull;
            h ^= (uint64_t)(i + (int)k);
            break;
        }
        h = (h ^ x) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    uint32_t w = (uint32_t)(h ^ (h >> 32));
    p->scope->memo_window = w;
    return &p->scope->memo[which][(w ^ (w >> 15)) & 1023u];
}

/* On a hit, moves past the span and returns the object; else NULL with
 * the parser unchanged. */
static const void *
memo_lookup(eo_parser *p, int which, struct memo_ent **slot)
{
    struct memo_ent *e = memo_slot(p, which);
    *slot = e;
    if (!e->text || e->window != p->scope->memo_window ||
        (size_t)(p->lx.end - p->tok.text) < e->len ||
        memcmp(e->text, p->tok.text, e->len) != 0)
        return NULL;
    eo_lexer saved_lx = p->lx;
    eo_token saved_tok = p->tok;
    const char *line_start = p->tok.text - (p->tok.col - 1);
    eo_lexer_reset_to(&p->lx, p->tok.text + e->len, p->tok.line,
                      line_start);
    p->tok.len = e->len;              /* the span acts as one token */
    eo_parser_advance(p);
    if ((unsigned)p->tok.kind >= 64 ||
        !(e->next & (1ull << (unsigned)p->tok.kind))) {
        p->lx = saved_lx;
        p->tok = saved_tok;
        return NULL;
    }
    return e->val;
}

static void
memo_store(eo_parser *p, struct memo_ent *e, uint32_t window,
           const char *start, const void *val)
{
    const char *end = p->scope->prev_end;
    if (!val || !end || end <= start || end - start > 4096 ||
        (unsigned)p->tok.kind >= 64 ||
        memchr(start, '\n', (size_t)(end - start)))
        return;
    uint32_t len = (uint32_t)(end - start);
    uint64_t bit = 1ull << (unsigned)p->tok.kind;
    /* The same span parsed to the same object before another kind of
     * token: both kinds are known to end the span there. */
    if (e->text && e->val == val && e->len == len && e->window == window &&
        memcmp(e->text, start, len) == 0) {
        e->next |= bit;
        return;
    }
    if (len > e->cap) {
        uint32_t ncap = len < 64 ? 64 : len;
        char *nt = eo_raw_realloc(p->ctx, e->text, e->cap, ncap);
        if (!nt)
            return;                   /* no memo: only slower */
        e->text = nt;
        e->cap = ncap;
    }
    memcpy(e->text, start, len);
    e->window = window;
    e->len = len;
    e->next = bit;
    e->val = val;
}

static const eo_type *
parse_type_memo(eo_parser *p)
{
    struct memo_ent *e;
    const eo_type *t = memo_lookup(p, MEMO_TYPE, &e);
    if (t)
        return t;
    uint32_t window = p->scope->memo_window;
    const char *start = p->tok.text;
    t = eo_parse_type_impl(p);
    memo_store(p, e, window, start, t);
    return t;
}

static const eo_attr *
parse_dict_memo(eo_parser *p)
{
    struct memo_ent *e;
    const eo_attr *d = memo_lookup(p, MEMO_DICT, &e);
    if (d)
        return d;
    uint32_t window = p->scope->memo_window;
    const char *start = p->tok.text;
    d = eo_parse_dict_impl(p);
    memo_store(p, e, window, start, d);
    return d;
}

/* ------------------------------------------------------------------ */
/* Operations, blocks, regions                                         */
/* ------------------------------------------------------------------ */

static eo_status parse_operation(eo_parser *p);
static eo_status parse_region(eo_parser *p, eo_region *r,
                              const eo_arg_decl *args, size_t nargs);

/* Trailing "loc(...)" of an op. */
static eo_status
parse_trailing_loc(eo_parser *p, eo_op *op)
{
    if (!tok_is_kw(&p->tok, "loc"))
        return EO_OK;
    eo_parser_advance(p);
    const eo_loc *l = parse_loc_after_kw(p);
    if (!l)
        return EO_ERROR;
    eo_op_set_loc(op, l);
    return EO_OK;
}

/* A result group "%name" or "%name:N". */
typedef struct result_rec {
    const char *name;
    uint32_t len, count;
    unsigned line, col;
} result_rec;

/* Looks up an op definition by name through a small cache. */
static const eo_op_def *
lookup_def(eo_parser *p, const char *name, size_t len, const eo_ident **id)
{
    eo_parse_scope *s = p->scope;
    uint32_t h = name_hash(name, len) & 255u;
    if (s->names[h].name && eo_ident_len(s->names[h].name) == len &&
        memcmp(eo_ident_str(s->names[h].name), name, len) == 0) {
        *id = s->names[h].name;
        return s->names[h].def;
    }
    const eo_op_def *def = eo_op_def_lookup(p->ctx, name, len);
    *id = eo_ident_get(p->ctx, name, len);
    if (*id) {
        s->names[h].name = *id;
        s->names[h].def = def;
    }
    return def;
}

static void
state_init(eo_op_state *st, eo_ctx *ctx, const eo_ident *name,
           const eo_op_def *def, const eo_loc *loc)
{
    memset(st, 0, sizeof(*st));
    st->ctx = ctx;
    st->name = name;
    st->def = def;
    st->loc = loc;
}

/* The generic form after the quoted name (MLIR's
 * parseGenericOperationAfterOpName), into 'st'. */
static eo_status
parse_generic_body(eo_parser *p, eo_op_state *st)
{
    uref local[8];
    uref *ops = local;
    size_t nops = 0, cap = 8;
    if (expect(p, EO_TOK_LPAREN, "expected '(' to start operand list") != EO_OK)
        return EO_ERROR;
    if (p->tok.kind != EO_TOK_RPAREN) {
        do {
            if (nops == cap) {
                uref *n = eo_parser_scratch(p, cap * 2 * sizeof(*n));
                if (!n)
                    return nomem(p);
                memcpy(n, ops, cap * sizeof(*n));
                ops = n;
                cap *= 2;
            }
            if (parse_uref(p, &ops[nops], true) != EO_OK)
                return EO_ERROR;
            nops++;
        } while (consume_if(p, EO_TOK_COMMA));
    }
    if (expect(p, EO_TOK_RPAREN, "expected ')' to end operand list") != EO_OK)
        return EO_ERROR;
    if (p->tok.kind == EO_TOK_LSQUARE) {
        if (st->def && !(st->def->traits & EO_TERMINATOR))
            return eo_parser_error(p, "successors in non-terminator");
        eo_parser_advance(p);
        do {
            eo_block *b;
            if (eo_parse_successor(p, &b) != EO_OK)
                return EO_ERROR;
            if (eo_op_state_add_successor(st, b) != EO_OK)
                return nomem(p);
        } while (consume_if(p, EO_TOK_COMMA));
        if (expect(p, EO_TOK_RSQUARE, "expected ']'") != EO_OK)
            return EO_ERROR;
    }
    if (consume_if(p, EO_TOK_LESS) && parse_props_body(p, st) != EO_OK)
        return EO_ERROR;
    if (consume_if(p, EO_TOK_LPAREN)) {
        do {
            eo_region *r = eo_op_state_add_region(st);
            if (!r)
                return nomem(p);
            if (parse_region(p, r, NULL, 0) != EO_OK)
                return EO_ERROR;
        } while (consume_if(p, EO_TOK_COMMA));
        if (expect(p, EO_TOK_RPAREN, "expected ')' to end region list") !=
            EO_OK)
            return EO_ERROR;
    }
    if (p->tok.kind == EO_TOK_LBRACE &&
        eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    if (expect(p, EO_TOK_COLON, "expected ':' followed by operation type") !=
        EO_OK)
        return EO_ERROR;
    eo_token type_tok = p->tok;
    const eo_type *ft = parse_type_memo(p);
    if (!ft)
        return EO_ERROR;
    if (eo_type_get_kind(ft) != EO_TYPE_FUNCTION)
        return eo_parser_error_at(p, &type_tok, "expected function type");
    size_t nres = eo_type_num_results(ft);
    for (size_t i = 0; i < nres; i++)
        if (eo_op_state_add_result(st, eo_type_result(ft, i)) != EO_OK)
            return nomem(p);
    size_t nin = eo_type_num_inputs(ft);
    if (nin != nops)
        return eo_parser_error_at(p, &type_tok,
                                  "expected %zu operand type%s but had %zu",
                                  nops, nops == 1 ? "" : "s", nin);
    for (size_t i = 0; i < nops; i++) {
        eo_value *v = resolve_use(p, ops[i].name, ops[i].len, ops[i].number,
                                  ops[i].line, ops[i].col,
                                  eo_type_input(ft, i));
        if (!v)
            return EO_ERROR;
        if (eo_op_state_add_operand(st, v) != EO_OK)
            return nomem(p);
    }
    return EO_OK;
}

static eo_op *
parse_generic_op(eo_parser *p)
{
    eo_token name_tok = p->tok;
    const char *name = name_tok.text + 1;
    size_t len = name_tok.len - 2;
    if (memchr(name, '\\', len)) {
        char *u;
        size_t ulen;
        if (eo_string_unescape(p->ctx, name_tok.text, name_tok.len, &u,
                               &ulen) != EO_OK) {
            nomem(p);
            return NULL;
        }
        char *copy = eo_parser_scratch(p, ulen + 1);
        if (copy)
            memcpy(copy, u, ulen);
        eo_ctx_free(p->ctx, u, name_tok.len + 1);
        if (!copy) {
            nomem(p);
            return NULL;
        }
        if (memchr(copy, '\0', ulen)) {
            eo_parser_error(p, "null character not allowed in operation "
                            "name");
            return NULL;
        }
        name = copy;
        len = ulen;
    }
    if (len == 0) {
        eo_parser_error(p, "empty operation name is invalid");
        return NULL;
    }
    const eo_ident *id;
    const eo_op_def *def = lookup_def(p, name, len, &id);
    if (!id) {
        nomem(p);
        return NULL;
    }
    /* The op's location is made only if someone asks for it (most of a
     * big file's never are): the op holds a lazy code. */
    uint64_t loc_code = eo_loc_file_lazy(p->ctx, p->filename, name_tok.line,
                                         name_tok.col);
    if (!loc_code) {
        loc_code = (uint64_t)(uintptr_t)eo_parser_tok_loc(p, &name_tok);
        if (!loc_code) {
            nomem(p);
            return NULL;
        }
    }
    eo_parser_advance(p);
    if (!def && !eo_ctx_allow_unregistered(p->ctx)) {
        /* An unknown op of a registered dialect parses (as in MLIR): the
         * verifier rejects it, with the op printed in a note. */
        const char *dot = memchr(name, '.', len);
        size_t dlen = dot ? (size_t)(dot - name) : len;
        if (!eo_dialect_lookup(p->ctx, name, dlen)) {
            eo_parser_error(p, "operation being parsed with an unregistered "
                            "dialect. If this is intended, please use "
                            "-allow-unregistered-dialect with the MLIR tool "
                            "used");
            return NULL;
        }
    }
    eo_op_state st;
    state_init(&st, p->ctx, id, def, NULL);
    if (parse_generic_body(p, &st) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *op = eo_op_create_at(&st, loc_code);
    if (!op) {
        nomem(p);
        return NULL;
    }
    if (parse_trailing_loc(p, op) != EO_OK) {
        eo_op_destroy(op);
        return NULL;
    }
    return op;
}

static eo_op *
parse_custom_op(eo_parser *p)
{
    eo_token name_tok = p->tok;
    const char *name = name_tok.text;
    size_t len = name_tok.len;
    const eo_ident *id;
    const eo_op_def *def = lookup_def(p, name, len, &id);
    char buf[256];
    const char *tried = NULL;
    if (!def && !memchr(name, '.', len)) {
        const char *dd = p->default_dialect ? p->default_dialect : "";
        int n = snprintf(buf, sizeof(buf), "%s.%.*s", dd, (int)len, name);
        if (n > 0 && (size_t)n < sizeof(buf)) {
            def = lookup_def(p, buf, (size_t)n, &id);
            tried = buf;
        }
    }
    if (!def) {
        if (tried)
            eo_parser_error(p, "custom op '%.*s' is unknown (tried '%s' as "
                            "well)", (int)len, name, tried);
        else
            eo_parser_error(p, "custom op '%.*s' is unknown", (int)len, name);
        return NULL;
    }
    if (!def->parse) {
        eo_parser_error(p, "custom op '%.*s' has no custom assembly form; "
                        "use the generic form", (int)len, name);
        return NULL;
    }
    const eo_loc *loc = eo_parser_tok_loc(p, &name_tok);
    if (!loc) {
        nomem(p);
        return NULL;
    }
    eo_parser_advance(p);
    eo_op_state st;
    state_init(&st, p->ctx, id, def, loc);
    const char *saved = p->default_dialect;
    p->default_dialect = def->default_dialect ? def->default_dialect : "";
    eo_status rc = def->parse(p, &st);
    p->default_dialect = saved;
    if (rc != EO_OK || p->failed) {
        if (!p->failed)
            eo_parser_error(p, "failed to parse '%s'", def->name);
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *op = eo_op_create(&st);
    if (!op) {
        nomem(p);
        return NULL;
    }
    if (parse_trailing_loc(p, op) != EO_OK) {
        eo_op_destroy(op);
        return NULL;
    }
    return op;
}

/* One operation with its result names, appended to the current block. */
static eo_status
parse_operation_inner(eo_parser *p)
{
    result_rec local[4];
    result_rec *recs = local;
    size_t nrec = 0, cap = 4, nexpected = 0;
    eo_token start = p->tok;
    if (p->tok.kind == EO_TOK_PERCENT_IDENT) {
        do {
            if (p->tok.kind != EO_TOK_PERCENT_IDENT)
                return eo_parser_error(p, "expected valid ssa identifier");
            if (nrec == cap) {
                result_rec *n = eo_parser_scratch(p, cap * 2 * sizeof(*n));
                if (!n)
                    return nomem(p);
                memcpy(n, recs, cap * sizeof(*n));
                recs = n;
                cap *= 2;
            }
            result_rec *r = &recs[nrec++];
            /* A copy: the op's regions may be long, and the input behind
             * the parse may be released before the results are defined. */
            char *nm = eo_parser_scratch(p, p->tok.len);
            if (!nm)
                return nomem(p);
            memcpy(nm, p->tok.text, p->tok.len);
            r->name = nm;
            r->len = (uint32_t)p->tok.len;
            r->line = p->tok.line;
            r->col = p->tok.col;
            r->count = 1;
            eo_parser_advance(p);
            if (consume_if(p, EO_TOK_COLON)) {
                if (p->tok.kind != EO_TOK_INTEGER)
                    return eo_parser_error(p, "expected integer number of "
                                           "results");
                uint64_t v = 0;
                bool ok = true;
                for (size_t i = 0; i < p->tok.len && ok; i++) {
                    char c = p->tok.text[i];
                    if (c < '0' || c > '9' || v > UINT32_MAX / 10)
                        ok = false;
                    else
                        v = v * 10 + (uint64_t)(c - '0');
                }
                if (!ok || v < 1 || v > UINT32_MAX / 2)
                    return eo_parser_error(p, "expected named operation to "
                                           "have at least 1 result");
                r->count = (uint32_t)v;
                eo_parser_advance(p);
            }
            nexpected += r->count;
        } while (consume_if(p, EO_TOK_COMMA));
        if (expect(p, EO_TOK_EQUAL, "expected '=' after SSA name") != EO_OK)
            return EO_ERROR;
    }
    eo_op *op;
    if (p->tok.kind == EO_TOK_STRING)
        op = parse_generic_op(p);
    else if (p->tok.kind == EO_TOK_BARE_IDENT)
        op = parse_custom_op(p);
    else
        return eo_parser_error(p, "expected operation name in quotes");
    if (!op)
        return p->failed ? EO_ERROR : nomem(p);
    eo_block_append(p->scope->cur_block, op);
    if (nrec) {
        if (op->num_results == 0)
            return eo_parser_error_at(p, &start, "cannot name an operation "
                                      "with no results");
        if (nexpected != op->num_results)
            return eo_parser_error_at(p, &start, "operation defines %u "
                                      "results but was provided %zu to bind",
                                      op->num_results, nexpected);
        uint32_t ri = 0;
        for (size_t i = 0; i < nrec; i++)
            for (uint32_t j = 0; j < recs[i].count; j++)
                if (add_definition(p, recs[i].name, recs[i].len, j,
                                   recs[i].line, recs[i].col,
                                   &eo_opx_results(op)[ri++]) != EO_OK)
                    return EO_ERROR;
    }
    return EO_OK;
}

/* An operation; the scratch memory its parse used is freed after it. */
static eo_status
parse_operation(eo_parser *p)
{
    scratch_mark m = scratch_mark_get(p);
    eo_status st = parse_operation_inner(p);
    scratch_release(p, m);
    return st;
}

/* Ops up to the next block label or '}' into 'b'. */
static eo_status
parse_block_body(eo_parser *p, eo_block *b)
{
    eo_block *saved = p->scope->cur_block;
    p->scope->cur_block = b;
    while (p->tok.kind != EO_TOK_CARET_IDENT &&
           p->tok.kind != EO_TOK_RBRACE) {
        if (p->tok.kind == EO_TOK_EOF) {
            p->scope->cur_block = saved;
            return eo_parser_error(p, "expected '}' to end region");
        }
        if (parse_operation(p) != EO_OK) {
            p->scope->cur_block = saved;
            return EO_ERROR;
        }
    }
    p->scope->cur_block = saved;
    return EO_OK;
}

/* "(%a: t loc(..), ...)" of a block label. 'existing' args (from a custom
 * op's unnamed entry arguments) are named instead of created. */
static eo_status
parse_block_args(eo_parser *p, eo_block *b)
{
    bool existing = b->num_args != 0;
    uint32_t next = 0;
    eo_parser_advance(p);                     /* '(' */
    if (consume_if(p, EO_TOK_RPAREN))
        return EO_OK;
    do {
        uref u = { 0 };
        if (parse_uref(p, &u, false) != EO_OK)
            return EO_ERROR;
        if (expect(p, EO_TOK_COLON, "expected ':' and type for SSA operand") !=
            EO_OK)
            return EO_ERROR;
        const eo_type *t = eo_parse_type_impl(p);
        if (!t)
            return EO_ERROR;
        eo_value *arg;
        if (existing) {
            if (next >= b->num_args)
                return eo_parser_error(p, "too many arguments specified in "
                                       "argument list");
            arg = b->args[next++];
            if (arg->type != t)
                return eo_parser_error(p, "argument and block argument type "
                                       "mismatch");
        } else {
            const eo_loc *l = line_col_loc(p, u.line, u.col);
            arg = l ? eo_block_add_arg(b, t, l) : NULL;
            if (!arg)
                return nomem(p);
        }
        if (tok_is_kw(&p->tok, "loc")) {
            eo_parser_advance(p);
            const eo_loc *l = parse_loc_after_kw(p);
            if (!l)
                return EO_ERROR;
            eo_value_set_loc(arg, l);
        }
        if (add_definition(p, u.name, u.len, u.number, u.line, u.col, arg) !=
            EO_OK)
            return EO_ERROR;
    } while (consume_if(p, EO_TOK_COMMA));
    return expect(p, EO_TOK_RPAREN, "expected ')' in argument list");
}

/* A labeled block "^bb(...):" and its ops; 'entry' is the region's first
 * block when the label names it. Appends the block to 'r'. */
static eo_status
parse_labeled_block(eo_parser *p, eo_region *r, eo_block *entry)
{
    if (p->tok.kind != EO_TOK_CARET_IDENT)
        return eo_parser_error(p, "expected block name");
    eo_token label = p->tok;
    blk_ent *e = block_entry(p, &label);
    if (!e)
        return EO_ERROR;
    rscope *rs = &p->scope->rs[p->scope->nrs - 1];
    eo_block *b;
    if (!e->b) {
        b = entry ? entry : eo_block_create(p->ctx);
        if (!b)
            return nomem(p);
        e->b = b;
        e->defined = true;
        if (!entry)
            eo_region_append(r, b);
    } else if (e->defined) {
        return eo_parser_error_at(p, &label, "redefinition of block '%.*s'",
                                  (int)label.len, label.text);
    } else {
        /* A forward-referenced block: defined here, placed here. */
        e->defined = true;
        rs->undefined--;
        b = e->b;
        if (entry)
            return eo_parser_error_at(p, &label, "redefinition of block "
                                      "'%.*s'", (int)label.len, label.text);
        eo_region_append(r, b);
    }
    e->line = label.line;
    e->col = label.col;
    eo_parser_advance(p);
    if (p->tok.kind == EO_TOK_LPAREN && parse_block_args(p, b) != EO_OK)
        return EO_ERROR;
    if (expect(p, EO_TOK_COLON, "expected ':' after block name") != EO_OK)
        return EO_ERROR;
    return parse_block_body(p, b);
}

static eo_status
parse_region_body(eo_parser *p, eo_region *r, const eo_arg_decl *args,
                  size_t nargs)
{
    if (push_region_scope(p) != EO_OK)
        return EO_NOMEM;
    eo_block *entry = eo_block_create(p->ctx);
    if (!entry) {
        pop_region_scope(p);
        return nomem(p);
    }
    eo_region_append(r, entry);
    eo_status st = EO_OK;
    if (nargs && args[0].ref.len) {
        if (p->tok.kind == EO_TOK_CARET_IDENT) {
            st = eo_parser_error(p, "invalid block name in region with named "
                                 "arguments");
            goto out;
        }
        for (size_t i = 0; i < nargs; i++) {
            const eo_arg_decl *a = &args[i];
            unsigned line, col;
            ref_pos(&a->ref, &line, &col);
            val_ent *e = value_entry(p, a->ref.name, (uint32_t)a->ref.len,
                                     false);
            if (e && a->ref.number < e->n &&
                ent_slot(e, a->ref.number)->v) {
                val_slot *sl = ent_slot(e, a->ref.number);
                char msg[200];
                snprintf(msg, sizeof(msg), "region entry argument '%.*s' is "
                         "already in use", (int)a->ref.len, a->ref.name);
                st = report_note(p, line, col, msg, sl->line, sl->col,
                                 "previously referenced here");
                goto out;
            }
            const eo_loc *l = a->loc ? a->loc : a->ref.loc;
            eo_value *v = eo_block_add_arg(entry, a->type, l);
            if (!v) {
                st = nomem(p);
                goto out;
            }
            if (add_definition(p, a->ref.name, (uint32_t)a->ref.len,
                               a->ref.number, line, col, v) != EO_OK) {
                st = EO_ERROR;
                goto out;
            }
        }
    } else if (nargs) {
        /* Unnamed entry arguments: a label may name them. */
        for (size_t i = 0; i < nargs; i++) {
            const eo_loc *l = args[i].loc ? args[i].loc : eo_parser_loc(p);
            if (!eo_block_add_arg(entry, args[i].type, l)) {
                st = nomem(p);
                goto out;
            }
        }
    }
    if (p->tok.kind == EO_TOK_CARET_IDENT) {
        eo_block *first = r->first;
        st = parse_labeled_block(p, r, first);
    } else {
        st = parse_block_body(p, entry);
    }
    if (st != EO_OK)
        goto out;
    if (nargs && eo_block_num_args(r->first) > nargs) {
        st = eo_parser_error(p, "entry block arguments were already defined");
        goto out;
    }
    while (p->tok.kind != EO_TOK_RBRACE) {
        if (p->tok.kind == EO_TOK_EOF) {
            st = eo_parser_error(p, "expected '}' to end region");
            goto out;
        }
        if (parse_labeled_block(p, r, NULL) != EO_OK) {
            st = EO_ERROR;
            goto out;
        }
    }
out:;
    eo_status pst = pop_region_scope(p);
    return st != EO_OK ? st : pst;
}

static eo_status
parse_region(eo_parser *p, eo_region *r, const eo_arg_decl *args,
             size_t nargs)
{
    if (p->tok.kind != EO_TOK_LBRACE)
        return eo_parser_error(p, "expected '{' to begin a region");
    if (p->depth >= EO_MAX_DEPTH)
        return eo_parser_error(p, "nesting too deep");
    eo_parser_advance(p);
    if (nargs == 0 && p->tok.kind == EO_TOK_RBRACE) {
        eo_parser_advance(p);
        return EO_OK;
    }
    p->depth++;
    eo_status st = parse_region_body(p, r, args, nargs);
    p->depth--;
    if (st != EO_OK)
        return st;
    /* parse_region_body stops at '}'. */
    eo_parser_advance(p);
    return EO_OK;
}

eo_status
eo_parse_region(eo_parser *p, eo_region *r, const eo_arg_decl *args,
                size_t nargs)
{
    return parse_region(p, r, args, nargs);
}

eo_status
eo_parse_successor(eo_parser *p, eo_block **out)
{
    if (p->tok.kind != EO_TOK_CARET_IDENT)
        return eo_parser_error(p, "expected block name");
    eo_parse_scope *s = p->scope;
    if (!s->nrs)
        return eo_parser_error(p, "block reference outside of a region");
    blk_ent *e = block_entry(p, &p->tok);
    if (!e)
        return EO_ERROR;
    if (!e->b) {
        e->b = eo_block_create(p->ctx);
        if (!e->b)
            return nomem(p);
        e->defined = false;
        s->rs[s->nrs - 1].undefined++;
    }
    *out = e->b;
    eo_parser_advance(p);
    return EO_OK;
}

eo_status
eo_parse_successor_and_operands(eo_parser *p, eo_op_state *st,
                                size_t *num_operands)
{
    eo_block *b = NULL;
    if (num_operands)
        *num_operands = 0;
    if (eo_parse_successor(p, &b) != EO_OK)
        return EO_ERROR;
    if (eo_op_state_add_successor(st, b) != EO_OK)
        return nomem(p);
    if (!consume_if(p, EO_TOK_LPAREN))
        return EO_OK;
    eo_operand_ref *refs;
    size_t n;
    if (eo_parse_operand_list(p, &refs, &n) != EO_OK)
        return EO_ERROR;
    if (n == 0)
        return expect(p, EO_TOK_RPAREN, "expected ')'");
    if (expect(p, EO_TOK_COLON, "expected ':'") != EO_OK)
        return EO_ERROR;
    const eo_type **types;
    size_t nt;
    if (eo_parse_type_list(p, &types, &nt) != EO_OK)
        return EO_ERROR;
    if (expect(p, EO_TOK_RPAREN, "expected ')'") != EO_OK)
        return EO_ERROR;
    if (nt != n)
        return eo_parser_error(p, "%zu operands present, but expected %zu", n,
                               nt);
    if (eo_parse_resolve_operands(p, refs, n, types, nt, st) != EO_OK)
        return EO_ERROR;
    if (num_operands)
        *num_operands = n;
    return EO_OK;
}

eo_status
eo_parse_arg_decl(eo_parser *p, eo_arg_decl *out, bool with_type,
                  bool with_attrs)
{
    memset(out, 0, sizeof(*out));
    uref u = { 0 };
    if (parse_uref(p, &u, false) != EO_OK)
        return EO_ERROR;
    uref_to_ref(p, &u, &out->ref);
    if (!out->ref.loc)
        return nomem(p);
    if (with_type) {
        if (expect(p, EO_TOK_COLON, "expected ':'") != EO_OK)
            return EO_ERROR;
        out->type = eo_parse_type_impl(p);
        if (!out->type)
            return EO_ERROR;
    }
    if (with_attrs && p->tok.kind == EO_TOK_LBRACE) {
        out->attrs = eo_parse_dict_impl(p);
        if (!out->attrs)
            return EO_ERROR;
    }
    return eo_parse_optional_loc(p, &out->loc);
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

static eo_status
parse_top_level(eo_parser *p, eo_block *top)
{
    p->scope->cur_block = top;
    for (;;) {
        switch (p->tok.kind) {
        case EO_TOK_EOF:
            return EO_OK;
        case EO_TOK_ERROR:
            return EO_ERROR;
        case EO_TOK_HASH_IDENT:
            if (parse_alias_def(p, false) != EO_OK)
                return EO_ERROR;
            break;
        case EO_TOK_EXCL_IDENT:
            if (parse_alias_def(p, true) != EO_OK)
                return EO_ERROR;
            break;
        case EO_TOK_FILE_META_BEGIN:
            eo_parser_advance(p);
            if (eo_parse_file_metadata(p) != EO_OK)
                return EO_ERROR;
            break;
        default:
            if (parse_operation(p) != EO_OK)
                return EO_ERROR;
            break;
        }
    }
}

eo_op *
eo_parse_source(eo_ctx *ctx, const char *name, const char *buf, size_t len,
                const eo_parse_config *cfg)
{
    eo_parser p;
    unsigned first = cfg ? cfg->line_offset + 1 : 1;
    if (eo_parser_init(&p, ctx, name, buf, len, first) != EO_OK) {
        eo_parser_fini(&p);
        return NULL;
    }
    if (cfg && cfg->progress) {
        /* The first token is read: the rest reports progress. */
        p.lx.progress = cfg->progress;
        p.lx.progress_ud = cfg->progress_ud;
        p.lx.next_progress = p.lx.cur;
    }
    const eo_loc *file_loc = eo_loc_file(ctx, p.filename, 0, 0);
    eo_op *module = file_loc ? eo_module_create(ctx, file_loc) : NULL;
    eo_status st = module ? push_region_scope(&p) : EO_NOMEM;
    if (st == EO_OK && p.tok.kind == EO_TOK_ERROR)
        st = EO_ERROR;
    if (st == EO_OK)
        st = parse_top_level(&p, eo_module_body(module));
    if (st == EO_OK && !p.failed)
        st = pop_region_scope(&p);
    if (st == EO_OK && !p.failed)
        st = check_forward_refs(&p);
    if (st == EO_OK && !p.failed)
        st = resolve_deferred_locs(&p, module);
    if (st != EO_OK || p.failed) {
        if (module)
            eo_op_destroy(module);
        eo_parser_fini(&p);
        return NULL;
    }
    eo_block *body = eo_module_body(module);
    eo_op *result = module;
    eo_op *first_op = eo_block_first(body);
    bool single = first_op && !eo_op_next(first_op);
    if (single && (eo_op_get_def(first_op) ==
                   eo_builtin_op(ctx, EO_BUILTIN_MODULE) ||
                   (cfg && cfg->no_implicit_module))) {
        eo_op_detach(first_op);
        eo_op_destroy(module);
        result = first_op;
    } else if (cfg && cfg->no_implicit_module) {
        size_t n = 0;
        for (eo_op *o = first_op; o; o = eo_op_next(o))
            n++;
        eo_emit_error(ctx, file_loc, "source must contain a single top-level "
                      "operation, found: %zu", n);
        eo_op_destroy(module);
        result = NULL;
    }
    eo_parser_fini(&p);
    return result;
}

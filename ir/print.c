/* ir/print.c - the operation printer: value and block numbering, generic
 * and custom op forms, aliases (#map, #set, #loc), the resources section
 * and the printer API used by custom op forms.
 *
 * Start at eo_op_print_to. Printing a top-level op runs three steps, as
 * mlir-opt does: number values and blocks (number_values), collect the
 * attributes that get aliases by printing once into a scratch buffer
 * (collect mode: only when some may exist), then print for real.
 */
#include "ir/internal.h"

#include <stdatomic.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Pointer map                                                         */
/* ------------------------------------------------------------------ */

typedef struct pmap_slot {
    const void *key;
    uint32_t val;
} pmap_slot;

typedef struct pmap {
    pmap_slot *slots;
    size_t mask, count;
} pmap;

static size_t
ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 29;
    return (size_t)x;
}

static bool
pmap_get(const pmap *m, const void *key, uint32_t *val)
{
    if (!m->slots)
        return false;
    for (size_t i = ptr_hash(key) & m->mask;; i = (i + 1) & m->mask) {
        if (m->slots[i].key == key) {
            *val = m->slots[i].val;
            return true;
        }
        if (!m->slots[i].key)
            return false;
    }
}

static bool
pmap_grow(eo_ctx *ctx, pmap *m)
{
    size_t ncap = m->slots ? (m->mask + 1) * 2 : 64;
    pmap_slot *ns = eo_raw_alloc(ctx, ncap * sizeof(*ns));
    if (!ns)
        return false;
    memset(ns, 0, ncap * sizeof(*ns));
    if (m->slots) {
        for (size_t i = 0; i <= m->mask; i++) {
            if (!m->slots[i].key)
                continue;
            size_t j = ptr_hash(m->slots[i].key) & (ncap - 1);
            while (ns[j].key)
                j = (j + 1) & (ncap - 1);
            ns[j] = m->slots[i];
        }
        eo_raw_free(ctx, m->slots, (m->mask + 1) * sizeof(*ns));
    }
    m->slots = ns;
    m->mask = ncap - 1;
    return true;
}

/* Inserts or overwrites. */
static bool
pmap_put(eo_ctx *ctx, pmap *m, const void *key, uint32_t val)
{
    if ((!m->slots || (m->count + 1) * 2 > m->mask + 1) && !pmap_grow(ctx, m))
        return false;
    size_t i = ptr_hash(key) & m->mask;
    while (m->slots[i].key && m->slots[i].key != key)
        i = (i + 1) & m->mask;
    if (!m->slots[i].key)
        m->count++;
    m->slots[i].key = key;
    m->slots[i].val = val;
    return true;
}

static void
pmap_free(eo_ctx *ctx, pmap *m)
{
    if (m->slots)
        eo_raw_free(ctx, m->slots, (m->mask + 1) * sizeof(pmap_slot));
    m->slots = NULL;
    m->mask = m->count = 0;
}

/* Appends one element to a raw growable array. */
static bool
grow(eo_ctx *ctx, void **arr, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return true;
    return eo_raw_grow(ctx, arr, cap, n + 1, elem) == EO_OK;
}

/* ------------------------------------------------------------------ */
/* Printer-private state                                               */
/* ------------------------------------------------------------------ */

#define ARG_ID 0x80000000u             /* value id printed as %argN */

typedef struct pred_node {
    const eo_block *pred;
    uint32_t next;                     /* index + 1, 0 ends */
} pred_node;

typedef enum alias_kind { AK_LOC, AK_MAP, AK_SET } alias_kind;
static const char *const alias_names[] = {"loc", "map", "set"};

typedef struct alias_rec {
    const eo_attr *attr;
    uint32_t order, depth, suffix;
    uint8_t kind;
    bool deferrable;
} alias_rec;

typedef struct alias_state {
    pmap index;                        /* attr -> rec index */
    alias_rec *recs;
    size_t n, cap;
    bool collecting;
    bool deferrable_ctx;               /* what a visit now may be */
    const eo_attr *defining;           /* alias whose definition prints */
} alias_state;

/* A direct-mapped cache in front of pstate.values: most uses are close
 * to their definition, and the big map misses the CPU caches. */
#define VCACHE 4096u

/* Spellings of recently printed types (printing one is a walk over it
 * and a few appends; the generic form prints each op's types). */
#define TCACHE 256u
typedef struct tcache_ent {
    const eo_type *t;
    uint32_t len;
    char s[52];
} tcache_ent;

/* Spellings of recently printed property dictionaries (most ops of a
 * kind have few distinct ones); allocated on first use. */
#define ACACHE 256u
typedef struct acache_ent {
    const eo_attr *a;
    uint32_t len;
    char s[116];
} acache_ent;

/* Op names known to need no escapes when quoted. */
#define QCACHE 64u
typedef struct qcache_ent {
    const char *s;
    size_t n;
} qcache_ent;

/* Epochs of top-level prints (pstate.epoch). */
static _Atomic uint32_t print_epochs;

typedef struct pstate {
    eo_ctx *ctx;
    /* With op_ids, blocks and block arguments keep their ids in their
     * print_id, valid where print_epoch is this print's 'epoch'. */
    uint32_t epoch;
    pmap values;                       /* op -> result id, arg -> id */
    pmap_slot vcache[VCACHE];
    tcache_ent tcache[TCACHE];
    acache_ent *acache;
    qcache_ent qcache[QCACHE];
    bool op_ids;                       /* result ids in op->order (the
                                          blocks' order is made stale) */
    /* Result names of the custom form (eo_op_def.result_names). An op
     * with names has id NAMED | index of its first res_name. */
    bool names_on;
    struct res_name *rnames;
    size_t nrnames, cap_rnames;
    struct name_str *strs;             /* name index -> text */
    size_t nstrs, cap_strs;
    struct name_chunk *chunks;         /* text storage */
    struct uset *used;                 /* names visible in scope */
    struct scan *scan;                 /* alias scan riding on numbering */
    bool alias_found;
    pmap blocks;                       /* block -> id in its region */
    pmap preds;                        /* block -> first pred node + 1 */
    pred_node *nodes;
    size_t nnodes, cap_nodes;
    const char **dd;                   /* default dialect stack */
    size_t ndd, cap_dd;
    FILE *file;                        /* flushed to when set */
    bool io_error;
    eo_resource **res;                 /* referenced, first use order */
    size_t nres, cap_res;
    pmap res_set;
    bool collecting;
} pstate;

static pstate *
st_of(eo_printer *p)
{
    return p->names;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

/* eo_strbuf_append with its common case inline: most pieces are short
 * and of constant size. */
static inline void
put(eo_printer *p, const char *s, size_t n)
{
    eo_strbuf *b = p->out;
    if (n < b->cap - b->len && !b->oom) {
        char *d = b->data + b->len;
        memcpy(d, s, n);
        b->len += n;
        d[n] = '\0';
        return;
    }
    eo_strbuf_append(b, s, n);
}

static void
puts_(eo_printer *p, const char *s)
{
    eo_strbuf_append(p->out, s, strlen(s));
}

static void
indent(eo_printer *p, unsigned n)
{
    static const char spaces[] = "                                ";
    while (n > 32) {
        put(p, spaces, 32);
        n -= 32;
    }
    put(p, spaces, n);
}

static void
put_uint(eo_printer *p, uint32_t v)
{
    char buf[16];
    size_t i = sizeof(buf);
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(p, buf + i, sizeof(buf) - i);
}

#define FLUSH_AT (1u << 18)

/* Hands the buffer to the file when it is big (between ops). */
static void
maybe_flush(eo_printer *p)
{
    pstate *s = st_of(p);
    if (!s || !s->file || s->collecting || p->out->len < FLUSH_AT)
        return;
    if (fwrite(p->out->data, 1, p->out->len, s->file) != p->out->len)
        s->io_error = true;
    p->out->len = 0;
}

void
eo_print_str(eo_printer *p, const char *s)
{
    puts_(p, s);
}

void
eo_print_strn(eo_printer *p, const char *s, size_t n)
{
    put(p, s, n);
}

void
eo_print_fmt(eo_printer *p, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof(small)) {
        put(p, small, (size_t)n);
        return;
    }
    char *big = eo_raw_alloc(p->ctx, (size_t)n + 1);
    if (!big) {
        p->out->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    put(p, big, (size_t)n);
    eo_raw_free(p->ctx, big, (size_t)n + 1);
}

eo_ctx *
eo_printer_ctx(eo_printer *p)
{
    return p->ctx;
}

const eo_print_flags *
eo_printer_flags(eo_printer *p)
{
    return &p->flags;
}

void
eo_print_newline(eo_printer *p)
{
    put(p, "\n", 1);
    indent(p, p->indent);
}

/* MLIR's isBareIdentifier: [a-zA-Z_][a-zA-Z0-9_$.]* */
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

/* llvm::printEscapedString in quotes, as mlir-opt prints op names and
 * attribute names: '"' is \22, a backslash is doubled, anything not
 * printable ASCII is \XX. */
static void
print_quoted(eo_printer *p, const char *s, size_t n)
{
    static const char hexd[] = "0123456789ABCDEF";
    pstate *st = st_of(p);
    qcache_ent *q = st ? &st->qcache[(ptr_hash(s) >> 4) & (QCACHE - 1)]
                       : NULL;
    size_t k = 0;
    if (q && q->s == s && q->n == n) {
        k = n;
    } else {
        while (k < n && (unsigned char)s[k] >= 0x20 &&
               (unsigned char)s[k] < 0x7F && s[k] != '"' && s[k] != '\\')
            k++;
        if (q && k == n) {
            q->s = s;
            q->n = n;
        }
    }
    eo_strbuf *b = p->out;
    if (k == n && n + 2 < b->cap - b->len && !b->oom) {
        char *d = b->data + b->len;       /* the common case: no escapes */
        d[0] = '"';
        memcpy(d + 1, s, n);
        d[n + 1] = '"';
        d[n + 2] = '\0';
        b->len += n + 2;
        return;
    }
    put(p, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            run++;
            continue;
        }
        if (run)
            put(p, s + i - run, run);
        run = 0;
        char esc[3] = {'\\', '\\', 0};
        if (c == '\\') {
            put(p, esc, 2);
        } else {
            esc[1] = hexd[c >> 4];
            esc[2] = hexd[c & 15];
            put(p, esc, 3);
        }
    }
    if (run)
        put(p, s + n - run, run);
    put(p, "\"", 1);
}

static void
print_keyword_or_string(eo_printer *p, const char *s, size_t n)
{
    if (is_bare_ident(s, n))
        put(p, s, n);
    else
        print_quoted(p, s, n);
}

void
eo_print_symbol_name(eo_printer *p, const eo_ident *name)
{
    put(p, "@", 1);
    print_keyword_or_string(p, eo_ident_str(name), eo_ident_len(name));
}

/* ------------------------------------------------------------------ */
/* Types and attributes                                                */
/* ------------------------------------------------------------------ */

void
eo_print_type(eo_printer *p, const eo_type *t)
{
    if (!t) {
        puts_(p, "<<NULL TYPE>>");
        return;
    }
    /* Aliases may stand for a type (and are recorded while collecting):
     * only alias-free printing uses the cache. */
    pstate *s = st_of(p);
    if (!s || p->aliases) {
        eo_print_type_impl(p, t);
        return;
    }
    tcache_ent *e = &s->tcache[(ptr_hash(t) >> 4) & (TCACHE - 1)];
    if (e->t == t) {
        put(p, e->s, e->len);
        return;
    }
    eo_strbuf *b = p->out;
    size_t start = b->len;
    eo_print_type_impl(p, t);
    size_t n = b->len - start;
    if (!b->oom && b->len >= start && n <= sizeof(e->s)) {
        memcpy(e->s, b->data + start, n);
        e->len = (uint32_t)n;
        e->t = t;
    }
}

void
eo_print_types(eo_printer *p, size_t n, const eo_type *const *t)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(p, ", ", 2);
        eo_print_type(p, t[i]);
    }
}

void
eo_print_result_types(eo_printer *p, size_t n, const eo_type *const *t)
{
    bool wrap = n != 1 || (t[0] && eo_type_get_kind(t[0]) == EO_TYPE_FUNCTION);
    if (wrap)
        put(p, "(", 1);
    eo_print_types(p, n, t);
    if (wrap)
        put(p, ")", 1);
}

void
eo_print_attr(eo_printer *p, const eo_attr *a)
{
    if (!a) {
        puts_(p, "<<NULL ATTRIBUTE>>");
        return;
    }
    eo_print_attr_impl(p, a, false);
}

void
eo_print_attr_no_type(eo_printer *p, const eo_attr *a)
{
    if (!a) {
        puts_(p, "<<NULL ATTRIBUTE>>");
        return;
    }
    eo_print_attr_impl(p, a, true);
}

static void
print_named_attr(eo_printer *p, const eo_named_attr *a)
{
    print_keyword_or_string(p, eo_ident_str(a->name), eo_ident_len(a->name));
    if (eo_attr_get_kind(a->value) == EO_ATTR_UNIT)
        return;
    put(p, " = ", 3);
    eo_print_attr_impl(p, a->value, false);
}

static bool
is_elided(const char *const *elided, const eo_ident *name)
{
    if (!elided)
        return false;
    for (; *elided; elided++)
        if (strcmp(*elided, eo_ident_str(name)) == 0)
            return true;
    return false;
}

/* " {a = 1, b}" for the union of the dictionaries d1 and d2 (sorted by
 * name, merged), leaving out 'elided'; nothing if none remain. */
static void
print_attr_dicts(eo_printer *p, const eo_attr *d1, const eo_attr *d2,
                 const char *const *elided, const char *kw)
{
    size_t n1 = d1 ? eo_attr_dict_size(d1) : 0;
    size_t n2 = d2 ? eo_attr_dict_size(d2) : 0;
    size_t i = 0, j = 0;
    bool first = true;
    while (i < n1 || j < n2) {
        const eo_named_attr *a;
        if (i < n1 && j < n2) {
            const eo_named_attr *x = eo_attr_dict_at(d1, i);
            const eo_named_attr *y = eo_attr_dict_at(d2, j);
            if (strcmp(eo_ident_str(x->name), eo_ident_str(y->name)) <= 0)
                a = x, i++;
            else
                a = y, j++;
        } else if (i < n1) {
            a = eo_attr_dict_at(d1, i++);
        } else {
            a = eo_attr_dict_at(d2, j++);
        }
        if (is_elided(elided, a->name))
            continue;
        if (first) {
            if (kw)
                puts_(p, kw);
            put(p, " {", 2);
            first = false;
        } else {
            put(p, ", ", 2);
        }
        print_named_attr(p, a);
    }
    if (!first)
        put(p, "}", 1);
}

void
eo_print_attr_dict(eo_printer *p, const eo_op *op, const char *const *elided)
{
    print_attr_dicts(p, op->props, eo_op_discardable_attrs(op), elided,
                     NULL);
}

void
eo_print_attr_dict_kw(eo_printer *p, const eo_op *op,
                      const char *const *elided)
{
    print_attr_dicts(p, op->props, eo_op_discardable_attrs(op), elided,
                     " attributes");
}

/* ------------------------------------------------------------------ */
/* Aliases                                                             */
/* ------------------------------------------------------------------ */

static int
alias_kind_of(const eo_attr *a)
{
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_AFFINE_MAP:
        return AK_MAP;
    case EO_ATTR_INTEGER_SET:
        return AK_SET;
    case EO_ATTR_LOCATION:
        return AK_LOC;
    default:
        return -1;
    }
}

static void
put_alias_name(eo_printer *p, const alias_rec *r)
{
    put(p, "#", 1);
    puts_(p, alias_names[r->kind]);
    if (r->suffix)
        put_uint(p, r->suffix);
}

bool
eo_printer_try_alias_attr(eo_printer *p, const eo_attr *a)
{
    alias_state *as = p->aliases;
    if (!as || !a)
        return false;
    int kind = alias_kind_of(a);
    if (kind < 0)
        return false;
    uint32_t idx;
    if (as->collecting) {
        if (pmap_get(&as->index, a, &idx)) {
            if (!as->deferrable_ctx)
                as->recs[idx].deferrable = false;
            return true;              /* seen: nothing more to visit */
        }
        if (!grow(p->ctx, (void **)&as->recs, &as->cap, as->n,
                  sizeof(alias_rec)) ||
            !pmap_put(p->ctx, &as->index, a, (uint32_t)as->n)) {
            p->out->oom = true;
            return false;
        }
        alias_rec *r = &as->recs[as->n];
        memset(r, 0, sizeof(*r));
        r->attr = a;
        r->kind = (uint8_t)kind;
        r->order = (uint32_t)as->n;
        r->deferrable = as->deferrable_ctx;
        as->n++;
        return false;                 /* print it: visits what it holds */
    }
    if (a == as->defining || !pmap_get(&as->index, a, &idx))
        return false;
    put_alias_name(p, &as->recs[idx]);
    return true;
}

bool
eo_printer_try_alias_type(eo_printer *p, const eo_type *t)
{
    /* The builtin dialect gives no type an alias (as in MLIR). */
    (void)p;
    (void)t;
    return false;
}

/* Alias depth as MLIR orders aliases: 0 without aliased parts, else one
 * more than the deepest aliased part (only locations nest here). */
static uint32_t
loc_depth(const eo_loc *l, unsigned guard)
{
    if (!l || guard > EO_MAX_DEPTH)
        return 0;
    uint32_t d = 0;
    switch (eo_loc_get_kind(l)) {
    case EO_LOC_NAME:
        if (eo_loc_child(l))
            d = loc_depth(eo_loc_child(l), guard + 1) + 1;
        break;
    case EO_LOC_CALLSITE: {
        uint32_t a = loc_depth(eo_loc_callee(l), guard + 1);
        uint32_t b = loc_depth(eo_loc_caller(l), guard + 1);
        d = (a > b ? a : b) + 1;
        break;
    }
    case EO_LOC_FUSED:
        for (size_t i = 0; i < eo_loc_num_fused(l); i++) {
            uint32_t c = loc_depth(eo_loc_fused_at(l, i), guard + 1) + 1;
            if (c > d)
                d = c;
        }
        break;
    default:
        break;
    }
    return d;
}

static int
alias_cmp(const void *x, const void *y)
{
    const alias_rec *a = x, *b = y;
    if (a->depth != b->depth)
        return a->depth < b->depth ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* Orders the collected aliases as MLIR does and numbers them. */
static bool
finish_aliases(eo_ctx *ctx, alias_state *as)
{
    for (size_t i = 0; i < as->n; i++) {
        alias_rec *r = &as->recs[i];
        r->depth = r->kind == AK_LOC
                       ? loc_depth(eo_attr_location(r->attr), 0) : 0;
    }
    if (as->n)
        qsort(as->recs, as->n, sizeof(alias_rec), alias_cmp);
    uint32_t counts[3] = {0, 0, 0};
    pmap_free(ctx, &as->index);
    for (size_t i = 0; i < as->n; i++) {
        alias_rec *r = &as->recs[i];
        r->suffix = counts[r->kind]++;
        if (!pmap_put(ctx, &as->index, r->attr, (uint32_t)i))
            return false;
    }
    return true;
}

static void
print_alias_defs(eo_printer *p, bool deferred)
{
    alias_state *as = p->aliases;
    if (!as)
        return;
    for (size_t i = 0; i < as->n; i++) {
        alias_rec *r = &as->recs[i];
        if (r->deferrable != deferred)
            continue;
        put_alias_name(p, r);
        put(p, " = ", 3);
        as->defining = r->attr;
        if (r->kind == AK_LOC)
            eo_print_loc_impl(p, eo_attr_location(r->attr));
        else
            eo_print_attr_impl(p, r->attr, false);
        as->defining = NULL;
        put(p, "\n", 1);
    }
}

/* Visits a location for aliases (collect mode), as MLIR's initializer
 * does for op and argument locations. */
static void
visit_loc(eo_printer *p, const eo_loc *l, bool deferrable)
{
    alias_state *as = p->aliases;
    if (!as || !as->collecting || !l || !p->flags.debuginfo)
        return;
    const eo_attr *a = eo_attr_get_location(p->ctx, l);
    if (!a)
        return;
    bool saved = as->deferrable_ctx;
    as->deferrable_ctx = deferrable;
    if (!eo_printer_try_alias_attr(p, a))
        eo_print_loc_impl(p, l);
    as->deferrable_ctx = saved;
}

/* " loc(...)" after an op or argument when printing debug info. */
static void
print_trailing_loc(eo_printer *p, const eo_loc *l, bool allow_alias)
{
    if (!p->flags.debuginfo || !l)
        return;
    alias_state *as = p->aliases;
    if (as && as->collecting)
        return;
    if (p->flags.pretty_debuginfo) {
        put(p, " ", 1);
        eo_print_loc_impl(p, l);
        return;
    }
    put(p, " ", 1);
    if (allow_alias && as) {
        const eo_attr *a = eo_attr_get_location(p->ctx, l);
        uint32_t idx;
        if (a && pmap_get(&as->index, a, &idx)) {
            put(p, "loc(", 4);
            put_alias_name(p, &as->recs[idx]);
            put(p, ")", 1);
            return;
        }
    }
    eo_print_loc_impl(p, l);
}

void
eo_print_optional_loc(eo_printer *p, const eo_loc *l)
{
    alias_state *as = p->aliases;
    if (as && as->collecting) {
        visit_loc(p, l, false);
        return;
    }
    print_trailing_loc(p, l, true);
}

/* Whether anything in 'a' / 't' can get an alias (affine maps, integer
 * sets, locations), with a small cache of things known to have none. */
typedef struct scan scan;
struct scan {
    const void *clean[1024];
    unsigned guard;
};

static bool scan_type(scan *s, const eo_type *t);

static bool
scan_cached(scan *s, const void *x)
{
    return s->clean[ptr_hash(x) & 1023] == x;
}

static bool
scan_attr(scan *s, const eo_attr *a)
{
    if (!a || scan_cached(s, a))
        return false;
    if (s->guard > EO_MAX_DEPTH)
        return true;
    s->guard++;
    bool found = false;
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_AFFINE_MAP:
    case EO_ATTR_INTEGER_SET:
    case EO_ATTR_LOCATION:
        found = true;
        break;
    case EO_ATTR_ARRAY:
        for (size_t i = 0; i < eo_attr_array_size(a) && !found; i++)
            found = scan_attr(s, eo_attr_array_at(a, i));
        break;
    case EO_ATTR_DICT:
        for (size_t i = 0; i < eo_attr_dict_size(a) && !found; i++)
            found = scan_attr(s, eo_attr_dict_at(a, i)->value);
        break;
    case EO_ATTR_TYPE:
        found = scan_type(s, eo_attr_type_value(a));
        break;
    case EO_ATTR_DIALECT:
        for (size_t i = 0; i < eo_attr_num_params(a) && !found; i++)
            found = scan_attr(s, eo_attr_param(a, i));
        break;
    default:
        found = scan_type(s, eo_attr_type(a));
        break;
    }
    s->guard--;
    if (!found)
        s->clean[ptr_hash(a) & 1023] = a;
    return found;
}

static bool
scan_type(scan *s, const eo_type *t)
{
    if (!t || scan_cached(s, t))
        return false;
    if (s->guard > EO_MAX_DEPTH)
        return true;
    s->guard++;
    bool found = false;
    switch (eo_type_get_kind(t)) {
    case EO_TYPE_COMPLEX:
    case EO_TYPE_VECTOR:
    case EO_TYPE_UNRANKED_TENSOR:
        found = scan_type(s, eo_type_elem(t));
        break;
    case EO_TYPE_TENSOR:
        found = scan_type(s, eo_type_elem(t)) ||
                scan_attr(s, eo_type_encoding(t));
        break;
    case EO_TYPE_MEMREF:
        found = scan_type(s, eo_type_elem(t)) ||
                scan_attr(s, eo_type_layout(t)) ||
                scan_attr(s, eo_type_memspace(t));
        break;
    case EO_TYPE_UNRANKED_MEMREF:
        found = scan_type(s, eo_type_elem(t)) ||
                scan_attr(s, eo_type_memspace(t));
        break;
    case EO_TYPE_TUPLE:
        for (size_t i = 0; i < eo_type_num_elems(t) && !found; i++)
            found = scan_type(s, eo_type_tuple_elem(t, i));
        break;
    case EO_TYPE_FUNCTION:
        for (size_t i = 0; i < eo_type_num_inputs(t) && !found; i++)
            found = scan_type(s, eo_type_input(t, i));
        for (size_t i = 0; i < eo_type_num_results(t) && !found; i++)
            found = scan_type(s, eo_type_result(t, i));
        break;
    case EO_TYPE_DIALECT:
        for (size_t i = 0; i < eo_type_num_params(t) && !found; i++)
            found = scan_attr(s, eo_type_param(t, i));
        break;
    default:
        break;
    }
    s->guard--;
    if (!found)
        s->clean[ptr_hash(t) & 1023] = t;
    return found;
}

/* Whether printing 'op' itself (not its regions) may need aliases. */
static bool
op_may_need_aliases(scan *s, const eo_op *op)
{
    if (scan_attr(s, op->props) ||
        scan_attr(s, eo_op_discardable_attrs(op)))
        return true;
    for (uint32_t i = 0; i < op->num_results; i++)
        if (scan_type(s, eo_opx_results(op)[i].type))
            return true;
    for (uint32_t i = 0; i < op->num_operands; i++)
        if (op->operands[i].value && scan_type(s, op->operands[i].value->type))
            return true;
    for (uint32_t r = 0; r < op->num_regions; r++)
        for (eo_block *b = eo_opx_regions(op)[r].first; b; b = b->next)
            for (uint32_t i = 0; i < b->num_args; i++)
                if (scan_type(s, b->args[i]->type))
                    return true;
    return false;
}

/* ------------------------------------------------------------------ */
/* Result names (MLIR's getAsmResultNames and SSANameState)            */
/* ------------------------------------------------------------------ */

#define NAMED 0x80000000u              /* op id: has named results */

typedef struct res_name {
    uint32_t group;                    /* first result of its group */
    uint32_t id;                       /* group start: NAMED|name or number */
} res_name;

typedef struct name_str {
    const char *s;
    uint32_t len;
} name_str;

typedef struct name_chunk {
    struct name_chunk *next;
    size_t used, size;
    char data[];
} name_chunk;

/* Names in use along the current chain of regions (MLIR's scoped
 * usedNames): a count per name, and a log of insertions per scope. */
typedef struct uset_ent {
    const char *s;
    uint32_t len, hash, count;
} uset_ent;

typedef struct uset {
    uset_ent *slots;
    size_t mask, count;
    uint32_t *log;                     /* slot indices, in insertion order */
    size_t nlog, cap_log;
    size_t *scopes;                    /* log length when each opened */
    size_t nscopes, cap_scopes;
} uset;

static uint32_t
str_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static const char *
name_dup(pstate *s, const char *src, size_t n)
{
    name_chunk *c = s->chunks;
    if (!c || c->size - c->used < n + 1) {
        size_t size = n + 1 > 4096 ? n + 1 : 4096;
        name_chunk *nc = eo_raw_alloc(s->ctx, sizeof(*nc) + size);
        if (!nc)
            return NULL;
        nc->next = c;
        nc->used = 0;
        nc->size = size;
        s->chunks = nc;
        c = nc;
    }
    char *d = c->data + c->used;
    memcpy(d, src, n);
    d[n] = '\0';
    c->used += n + 1;
    return d;
}

/* The slot of name (s, n): its entry, or the empty slot for it. */
static size_t
uset_slot(const uset *u, const char *str, size_t n, uint32_t h)
{
    size_t i = h & u->mask;
    while (u->slots[i].s && !(u->slots[i].hash == h && u->slots[i].len == n &&
                              memcmp(u->slots[i].s, str, n) == 0))
        i = (i + 1) & u->mask;
    return i;
}

static bool
uset_used(const uset *u, const char *str, size_t n)
{
    if (!u->slots)
        return false;
    size_t i = uset_slot(u, str, n, str_hash(str, n));
    return u->slots[i].s && u->slots[i].count;
}

/* Marks 'str' (stable memory) used in the current scope. */
static bool
uset_add(eo_ctx *ctx, uset *u, const char *str, size_t n)
{
    if (!u->slots || (u->count + 1) * 2 > u->mask + 1) {
        size_t ncap = u->slots ? (u->mask + 1) * 2 : 64;
        uset_ent *ns = eo_raw_alloc(ctx, ncap * sizeof(*ns));
        if (!ns)
            return false;
        memset(ns, 0, ncap * sizeof(*ns));
        uint32_t *remap = NULL;
        if (u->slots) {
            /* Rehash; the log holds slot indices, so renumber it. */
            remap = eo_raw_alloc(ctx, (u->mask + 1) * sizeof(*remap));
            if (!remap) {
                eo_raw_free(ctx, ns, ncap * sizeof(*ns));
                return false;
            }
            for (size_t i = 0; i <= u->mask; i++) {
                if (!u->slots[i].s)
                    continue;
                size_t j = u->slots[i].hash & (ncap - 1);
                while (ns[j].s)
                    j = (j + 1) & (ncap - 1);
                ns[j] = u->slots[i];
                remap[i] = (uint32_t)j;
            }
            for (size_t i = 0; i < u->nlog; i++)
                u->log[i] = remap[u->log[i]];
            eo_raw_free(ctx, remap, (u->mask + 1) * sizeof(*remap));
            eo_raw_free(ctx, u->slots, (u->mask + 1) * sizeof(uset_ent));
        }
        u->slots = ns;
        u->mask = ncap - 1;
    }
    uint32_t h = str_hash(str, n);
    size_t i = uset_slot(u, str, n, h);
    if (!u->slots[i].s) {
        u->slots[i].s = str;
        u->slots[i].len = (uint32_t)n;
        u->slots[i].hash = h;
        u->count++;
    }
    u->slots[i].count++;
    if (!grow(ctx, (void **)&u->log, &u->cap_log, u->nlog, sizeof(uint32_t)))
        return false;
    u->log[u->nlog++] = (uint32_t)i;
    return true;
}

static bool
uset_push(eo_ctx *ctx, uset *u)
{
    if (!grow(ctx, (void **)&u->scopes, &u->cap_scopes, u->nscopes,
              sizeof(size_t)))
        return false;
    u->scopes[u->nscopes++] = u->nlog;
    return true;
}

static void
uset_pop(uset *u)
{
    size_t start = u->scopes[--u->nscopes];
    while (u->nlog > start)
        u->slots[u->log[--u->nlog]].count--;
}

static void
uset_free(eo_ctx *ctx, uset *u)
{
    if (u->slots)
        eo_raw_free(ctx, u->slots, (u->mask + 1) * sizeof(uset_ent));
    if (u->log)
        eo_raw_free(ctx, u->log, u->cap_log * sizeof(uint32_t));
    if (u->scopes)
        eo_raw_free(ctx, u->scopes, u->cap_scopes * sizeof(size_t));
}

/* MLIR's sanitizeIdentifier + uniqueValueName: a name not in use along
 * the region chain, "_<n>" appended on a conflict. Returns the name
 * index, or -1 on allocation failure. */
static int64_t
unique_name(pstate *s, const char *name, size_t n, uint32_t *next_conflict)
{
    char small[128];
    eo_strbuf b = {0};
    bool valid = true;
    for (size_t i = 0; i < n && valid; i++) {
        char c = name[i];
        valid = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '$' || c == '.' || c == '_' ||
                c == '-';
    }
    if (n && name[0] >= '0' && name[0] <= '9') {
        eo_strbuf_append(&b, "_", 1);
        valid = false;
    }
    if (!valid) {
        static const char hexd[] = "0123456789ABCDEF";
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)name[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') || c == '$' || c == '.' || c == '_' ||
                c == '-') {
                eo_strbuf_append(&b, (const char *)&c, 1);
            } else if (c == ' ') {
                eo_strbuf_append(&b, "_", 1);
            } else if (c >= 16) {
                char h[2] = {hexd[c >> 4], hexd[c & 15]};
                eo_strbuf_append(&b, h, 2);
            } else {
                eo_strbuf_append(&b, &hexd[c], 1);
            }
        }
        if (b.oom)
            return -1;
        name = b.data;
        n = b.len;
    }
    const char *stored = NULL;
    size_t len = n;
    if (!uset_used(s->used, name, n)) {
        stored = name_dup(s, name, n);
    } else if (n + 12 <= sizeof(small)) {
        memcpy(small, name, n);
        small[n] = '_';
        for (;;) {
            int k = snprintf(small + n + 1, sizeof(small) - n - 1, "%u",
                             (*next_conflict)++);
            len = n + 1 + (size_t)k;
            if (!uset_used(s->used, small, len))
                break;
        }
        stored = name_dup(s, small, len);
    } else {
        eo_strbuf probe = {0};
        for (;;) {
            probe.len = 0;
            eo_strbuf_append(&probe, name, n);
            eo_strbuf_printf(&probe, "_%u", (*next_conflict)++);
            if (probe.oom || !uset_used(s->used, probe.data, probe.len))
                break;
        }
        len = probe.len;
        stored = probe.oom ? NULL : name_dup(s, probe.data, probe.len);
        eo_strbuf_free(&probe);
    }
    eo_strbuf_free(&b);
    if (!stored || !uset_add(s->ctx, s->used, stored, len) ||
        !grow(s->ctx, (void **)&s->strs, &s->cap_strs, s->nstrs,
              sizeof(name_str)))
        return -1;
    s->strs[s->nstrs].s = stored;
    s->strs[s->nstrs].len = (uint32_t)len;
    return (int64_t)s->nstrs++;
}

typedef struct name_req {
    pstate *s;
    const eo_op *op;
    uint32_t first;                    /* op's res_name index */
    uint32_t *next_conflict;
    bool any, failed;
} name_req;

static void
set_result_name(void *ud, unsigned i, const char *name, size_t len)
{
    name_req *r = ud;
    pstate *s = r->s;
    if (r->failed || i >= r->op->num_results || !len)
        return;
    if (!r->any) {
        size_t need = s->nrnames + r->op->num_results;
        if (need > UINT32_MAX / 2 ||
            eo_raw_grow(s->ctx, (void **)&s->rnames, &s->cap_rnames, need,
                        sizeof(res_name)) != EO_OK) {
            r->failed = true;
            return;
        }
        r->first = (uint32_t)s->nrnames;
        s->nrnames = need;
        for (uint32_t k = 0; k < r->op->num_results; k++) {
            s->rnames[r->first + k].group = UINT32_MAX;
            s->rnames[r->first + k].id = UINT32_MAX;
        }
        r->any = true;
    }
    int64_t idx = unique_name(s, name, len, r->next_conflict);
    if (idx < 0) {
        r->failed = true;
        return;
    }
    s->rnames[r->first + i].group = i;
    s->rnames[r->first + i].id = NAMED | (uint32_t)idx;
}

/* Names or numbers the results of 'op' as MLIR's numberValuesInOp;
 * returns the op's id. */
static bool
name_op_results(pstate *s, eo_op *op, uint32_t *next_value,
                uint32_t *next_conflict, uint32_t *id)
{
    name_req r = { s, op, 0, next_conflict, false, false };
    eo_opx_def(op)->result_names(op, set_result_name, &r);
    if (r.failed)
        return false;
    if (!r.any) {
        *id = (*next_value)++;
        return true;
    }
    res_name *rn = &s->rnames[r.first];
    if (rn[0].group == UINT32_MAX) {
        rn[0].group = 0;
        rn[0].id = (*next_value)++;
    }
    uint32_t g = 0;
    for (uint32_t k = 0; k < op->num_results; k++) {
        if (rn[k].group == UINT32_MAX)
            rn[k].group = g;
        else
            g = k;
    }
    *id = NAMED | r.first;
    return true;
}

/* Prints a value name/number id. */
static void
put_id(eo_printer *p, uint32_t id)
{
    pstate *s = st_of(p);
    put(p, "%", 1);
    if (id & NAMED) {
        const name_str *n = &s->strs[id & ~NAMED];
        put(p, n->s, n->len);
    } else {
        put_uint(p, id);
    }
}

/* Size of the result group starting at 'g' of an op with names. */
static uint32_t
group_size(const res_name *rn, uint32_t nres, uint32_t g)
{
    uint32_t k = g + 1;
    while (k < nres && rn[k].group == g)
        k++;
    return k - g;
}

/* ------------------------------------------------------------------ */
/* Value and block numbering                                           */
/* ------------------------------------------------------------------ */

typedef struct name_ctx {
    eo_region *region;
    uint32_t next_value, next_arg, next_conflict;
    size_t scope;                      /* used-name scopes of the parent */
} name_ctx;

static bool
number_region(pstate *s, eo_region *r, uint32_t *next_value,
              uint32_t *next_arg, uint32_t *next_conflict)
{
    uint32_t next_block = 0;
    for (eo_block *b = r->first; b; b = b->next) {
        if (s->op_ids) {
            b->print_id = next_block++;
            b->print_epoch = s->epoch;
        } else if (!pmap_put(s->ctx, &s->blocks, b, next_block++)) {
            return false;
        }
        bool entry = b == r->first;
        for (uint32_t i = 0; i < b->num_args; i++) {
            uint32_t id = entry ? (ARG_ID | (*next_arg)++) : (*next_value)++;
            if (s->op_ids) {
                eo_arg_value *a = (eo_arg_value *)b->args[i];
                a->print_id = id;
                a->print_epoch = s->epoch;
            } else if (!pmap_put(s->ctx, &s->values, b->args[i], id)) {
                return false;
            }
        }
        for (eo_op *op = b->first; op; op = op->next) {
            if (s->scan && !s->alias_found)
                s->alias_found = op_may_need_aliases(s->scan, op);
            if (op->num_results) {
                uint32_t id;
                const eo_op_def *d = eo_opx_def(op);
                if (s->names_on && d && d->result_names) {
                    if (!name_op_results(s, op, next_value, next_conflict,
                                         &id))
                        return false;
                } else {
                    id = (*next_value)++;
                }
                if (s->op_ids) {
                    op->order = id;
                    b->order_valid = 0;
                }
                else if (!pmap_put(s->ctx, &s->values, op, id))
                    return false;
            }
            for (uint32_t i = 0; i < op->num_successors; i++) {
                const eo_block *succ = eo_op_succs(op)[i];
                if (!succ)
                    continue;
                if (!grow(s->ctx, (void **)&s->nodes, &s->cap_nodes,
                          s->nnodes, sizeof(pred_node)))
                    return false;
                uint32_t head = 0;
                pmap_get(&s->preds, succ, &head);
                s->nodes[s->nnodes].pred = b;
                s->nodes[s->nnodes].next = head;
                s->nnodes++;
                if (!pmap_put(s->ctx, &s->preds, succ, (uint32_t)s->nnodes))
                    return false;
            }
        }
    }
    return true;
}

/* MLIR's SSANameState: regions are numbered from a stack; each nested
 * region starts from the counters its parent region ended with, unless
 * 'unique' (the generic form), where the counters run on. */
/* Sizes the value map for everything under 'root' at once. */
static bool
presize_values(pstate *s, eo_op *root)
{
    size_t n = 0;
    for (eo_op *op = root; op; op = eo_op_preorder_next(op, root, true)) {
        n += !s->op_ids && op->num_results != 0;
        for (uint32_t r = 0; r < op->num_regions; r++)
            for (eo_block *b = eo_opx_regions(op)[r].first; b; b = b->next)
                n += b->num_args;
    }
    size_t cap = 64;
    while (cap < 2 * n + 2)
        cap *= 2;
    pmap_slot *slots = eo_raw_alloc(s->ctx, cap * sizeof(*slots));
    if (!slots)
        return false;
    memset(slots, 0, cap * sizeof(*slots));
    s->values.slots = slots;
    s->values.mask = cap - 1;
    return true;
}

static bool
number_values(pstate *s, eo_op *root, bool unique, bool nested)
{
    uint32_t next_value = 0, next_arg = 0, next_conflict = 0;
    if (!s->op_ids && !presize_values(s, root))
        return false;
    if (s->scan)
        s->alias_found = op_may_need_aliases(s->scan, root);
    if (root->num_results) {
        if (s->op_ids)
            root->order = next_value++;
        else if (!pmap_put(s->ctx, &s->values, root, next_value++))
            return false;
    }
    uset *u = s->used;
    if (u && !uset_push(s->ctx, u))
        return false;
    size_t top_scope = u ? u->nscopes : 0;
    name_ctx *stack = NULL;
    size_t n = 0, cap = 0;
    bool ok = true;
    for (uint32_t i = 0; i < root->num_regions && ok; i++) {
        ok = grow(s->ctx, (void **)&stack, &cap, n, sizeof(*stack));
        if (ok)
            stack[n++] = (name_ctx){&eo_opx_regions(root)[i], next_value,
                                    next_arg, next_conflict, top_scope};
    }
    while (ok && n) {
        name_ctx c = stack[--n];
        if (!unique) {
            next_value = c.next_value;
            next_arg = c.next_arg;
            next_conflict = c.next_conflict;
        }
        if (u) {
            while (u->nscopes > c.scope)
                uset_pop(u);
            ok = uset_push(s->ctx, u);
        }
        size_t scope = u ? u->nscopes : 0;
        ok = ok && number_region(s, c.region, &next_value, &next_arg,
                                 &next_conflict);
        /* With regions skipped only the root's own regions (their entry
         * arguments may be printed in its header) need numbers. */
        for (eo_block *b = c.region->first; b && ok && nested; b = b->next) {
            for (eo_op *op = b->first; op && ok; op = op->next) {
                for (uint32_t i = 0; i < op->num_regions && ok; i++) {
                    ok = grow(s->ctx, (void **)&stack, &cap, n,
                              sizeof(*stack));
                    if (ok)
                        stack[n++] = (name_ctx){&eo_opx_regions(op)[i],
                                                next_value, next_arg,
                                                next_conflict, scope};
                }
            }
        }
    }
    if (stack)
        eo_raw_free(s->ctx, stack, cap * sizeof(*stack));
    return ok;
}

/* The id of 'key' (an op for its results, a block argument). */
static bool
value_id(pstate *s, const void *key, uint32_t *id)
{
    pmap_slot *c = &s->vcache[(ptr_hash(key) >> 7) & (VCACHE - 1)];
    if (c->key == key) {
        *id = c->val;
        return true;
    }
    if (!pmap_get(&s->values, key, id))
        return false;
    c->key = key;
    c->val = *id;
    return true;
}

/* The id of block argument 'v'. */
static bool
arg_id(pstate *s, const eo_value *v, uint32_t *id)
{
    if (!s->op_ids)
        return value_id(s, v, id);
    const eo_arg_value *a = (const eo_arg_value *)v;
    if (a->print_epoch != s->epoch)
        return false;
    *id = a->print_id;
    return true;
}

/* The id of block 'b' in its region. */
static bool
block_id(const pstate *s, const eo_block *b, uint32_t *id)
{
    if (!s->op_ids)
        return pmap_get(&s->blocks, b, id);
    if (b->print_epoch != s->epoch)
        return false;
    *id = b->print_id;
    return true;
}

void
eo_print_value(eo_printer *p, const eo_value *v)
{
    pstate *s = st_of(p);
    if (!v) {
        puts_(p, "<<NULL VALUE>>");
        return;
    }
    uint32_t id;
    if (v->kind == EO_VALUE_RESULT) {
        const eo_op *op = eo_valx_op(v);
        if (s && op && s->op_ids) {
            id = op->order;
        } else if (!s || !op || !value_id(s, op, &id)) {
            puts_(p, "<<UNKNOWN SSA VALUE>>");
            return;
        }
        if (id & NAMED) {
            const res_name *rn = &s->rnames[id & ~NAMED];
            uint32_t g = rn[v->index].group;
            put_id(p, rn[g].id);
            if (group_size(rn, op->num_results, g) > 1) {
                put(p, "#", 1);
                put_uint(p, v->index - g);
            }
            return;
        }
        put_id(p, id);
        if (op->num_results > 1) {
            put(p, "#", 1);
            put_uint(p, v->index);
        }
        return;
    }
    if (!s || !arg_id(s, v, &id)) {
        puts_(p, "<<UNKNOWN SSA VALUE>>");
        return;
    }
    if (id & ARG_ID) {
        put(p, "%arg", 4);
        put_uint(p, id & ~ARG_ID);
    } else {
        put(p, "%", 1);
        put_uint(p, id);
    }
}

void
eo_print_values(eo_printer *p, size_t n, eo_value *const *v)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(p, ", ", 2);
        eo_print_value(p, v[i]);
    }
}

void
eo_print_operands(eo_printer *p, const eo_op *op, size_t first, size_t n)
{
    for (size_t i = 0; i < n && first + i < op->num_operands; i++) {
        if (i)
            put(p, ", ", 2);
        eo_print_value(p, op->operands[first + i].value);
    }
}

void
eo_print_successor(eo_printer *p, eo_block *b)
{
    pstate *s = st_of(p);
    uint32_t id;
    if (!s || !b || !block_id(s, b, &id)) {
        puts_(p, "<<UNKNOWN BLOCK>>");
        return;
    }
    put(p, "^bb", 3);
    put_uint(p, id);
}

void
eo_print_successor_and_operands(eo_printer *p, eo_block *b, size_t n,
                                eo_value *const *v)
{
    eo_print_successor(p, b);
    if (!n)
        return;
    put(p, "(", 1);
    eo_print_values(p, n, v);
    put(p, " : ", 3);
    for (size_t i = 0; i < n; i++) {
        if (i)
            put(p, ", ", 2);
        eo_print_type(p, v[i] ? v[i]->type : NULL);
    }
    put(p, ")", 1);
}

/* The location of a block argument; none for another value. */
static const eo_loc *
arg_loc(const eo_value *v)
{
    return v && v->kind == EO_VALUE_ARG ? eo_value_loc(v) : NULL;
}

void
eo_print_arg_decl(eo_printer *p, eo_value *arg, const eo_attr *attrs)
{
    eo_print_value(p, arg);
    put(p, ": ", 2);
    eo_print_type(p, arg->type);
    if (attrs && eo_attr_get_kind(attrs) == EO_ATTR_DICT)
        print_attr_dicts(p, attrs, NULL, NULL, NULL);
    alias_state *as = p->aliases;
    if (as && as->collecting)
        visit_loc(p, arg_loc(arg), false);
    else
        print_trailing_loc(p, arg_loc(arg), false);
}

/* ------------------------------------------------------------------ */
/* Operations, regions, blocks                                         */
/* ------------------------------------------------------------------ */

static void print_full_op(eo_printer *p, eo_op *op);
static void print_region_impl(eo_printer *p, eo_region *r, bool entry_args,
                              bool terminators, bool empty_block);

static const char *
default_dialect(eo_printer *p)
{
    pstate *s = st_of(p);
    return s && s->ndd ? s->dd[s->ndd - 1] : "builtin";
}

static void
print_pred_comment(eo_printer *p, eo_block *b)
{
    pstate *s = st_of(p);
    uint32_t head = 0;
    if (!s)
        return;
    pmap_get(&s->preds, b, &head);
    if (!head) {
        if (b->region && b != b->region->first)
            puts_(p, "  // no predecessors");
        return;
    }
    size_t count = 0;
    for (uint32_t i = head; i; i = s->nodes[i - 1].next)
        count++;
    if (count == 1) {
        puts_(p, "  // pred: ");
        eo_print_successor(p, (eo_block *)s->nodes[head - 1].pred);
        return;
    }
    uint32_t small[16];
    uint32_t *ids = small;
    if (count > 16) {
        ids = eo_raw_alloc(p->ctx, count * sizeof(*ids));
        if (!ids) {
            p->out->oom = true;
            return;
        }
    }
    size_t k = 0;
    for (uint32_t i = head; i; i = s->nodes[i - 1].next) {
        uint32_t id = 0;
        block_id(s, s->nodes[i - 1].pred, &id);
        ids[k++] = id;
    }
    /* Insertion sort: predecessor lists are short. */
    for (size_t i = 1; i < k; i++) {
        uint32_t x = ids[i];
        size_t j = i;
        while (j && ids[j - 1] > x) {
            ids[j] = ids[j - 1];
            j--;
        }
        ids[j] = x;
    }
    puts_(p, "  // ");
    put_uint(p, (uint32_t)count);
    puts_(p, " preds: ");
    for (size_t i = 0; i < k; i++) {
        if (i)
            put(p, ", ", 2);
        put(p, "^bb", 3);
        put_uint(p, ids[i]);
    }
    if (ids != small)
        eo_raw_free(p->ctx, ids, count * sizeof(*ids));
}

static bool
is_registered_terminator(const eo_op *op)
{
    return eo_opx_def(op) && (eo_opx_def(op)->traits & EO_TERMINATOR);
}

static void
print_block(eo_printer *p, eo_block *b, bool header, bool terminators)
{
    alias_state *as = p->aliases;
    bool collecting = as && as->collecting;
    if (header) {
        if (!collecting) {
            indent(p, p->indent);
            eo_print_successor(p, b);
        }
        if (b->num_args) {
            put(p, "(", 1);
            for (uint32_t i = 0; i < b->num_args; i++) {
                eo_value *a = b->args[i];
                if (i)
                    put(p, ", ", 2);
                eo_print_value(p, a);
                put(p, ": ", 2);
                eo_print_type(p, a->type);
                if (collecting)
                    visit_loc(p, eo_value_loc(a), false);
                else
                    print_trailing_loc(p, eo_value_loc(a), false);
            }
            put(p, ")", 1);
        }
        if (!collecting) {
            put(p, ":", 1);
            print_pred_comment(p, b);
            put(p, "\n", 1);
        }
    }
    eo_op *last = b->last;
    if (!terminators && last && is_registered_terminator(last) &&
        last->num_operands == 0 && eo_attr_dict_size(last->props) == 0 &&
        !last->has_attrs && last->num_successors == 0)
        ;
    else
        last = NULL;
    p->indent += 2;
    for (eo_op *op = b->first; op && op != last; op = op->next) {
        print_full_op(p, op);
        if (!collecting)
            put(p, "\n", 1);
    }
    p->indent -= 2;
}

static void
print_region_impl(eo_printer *p, eo_region *r, bool entry_args,
                  bool terminators, bool empty_block)
{
    alias_state *as = p->aliases;
    bool collecting = as && as->collecting;
    pstate *s = st_of(p);
    if (p->flags.skip_regions) {
        if (!collecting)
            put(p, "{...}", 5);
        return;
    }
    if (!collecting)
        put(p, "{\n", 2);
    if (r->first) {
        const eo_op *parent = r->parent;
        const eo_op_def *pd = parent ? eo_opx_def(parent) : NULL;
        const char *dd = pd && pd->default_dialect ? pd->default_dialect
                                                   : "";
        bool pushed = false;
        if (s && grow(p->ctx, (void **)&s->dd, &s->cap_dd, s->ndd,
                      sizeof(*s->dd))) {
            s->dd[s->ndd++] = dd;
            pushed = true;
        }
        eo_block *entry = r->first;
        bool header = (empty_block && !entry->first) ||
                      (entry_args && entry->num_args);
        print_block(p, entry, header, terminators);
        for (eo_block *b = entry->next; b; b = b->next)
            print_block(p, b, true, true);
        if (pushed)
            s->ndd--;
    }
    if (!collecting) {
        indent(p, p->indent);
        put(p, "}", 1);
    }
}

void
eo_print_region(eo_printer *p, eo_region *r, bool entry_args,
                bool terminators)
{
    print_region_impl(p, r, entry_args, terminators, false);
}

static void
print_functional_type(eo_printer *p, const eo_op *op)
{
    put(p, "(", 1);
    for (uint32_t i = 0; i < op->num_operands; i++) {
        if (i)
            put(p, ", ", 2);
        const eo_value *v = op->operands[i].value;
        eo_print_type(p, v ? v->type : NULL);
    }
    put(p, ") -> ", 5);
    const eo_type *t0 = op->num_results ? eo_opx_results(op)[0].type : NULL;
    bool wrap = op->num_results != 1 || !t0 ||
                eo_type_get_kind(t0) == EO_TYPE_FUNCTION;
    if (wrap)
        put(p, "(", 1);
    for (uint32_t i = 0; i < op->num_results; i++) {
        if (i)
            put(p, ", ", 2);
        eo_print_type(p, eo_opx_results(op)[i].type);
    }
    if (wrap)
        put(p, ")", 1);
}

/* eo_print_attr_impl(p, a, false) through the spelling cache when no
 * aliases are in play. An attribute whose printing noted a new resource
 * is not cached (a later hit would not note it). */
static void
print_attr_cached(eo_printer *p, const eo_attr *a)
{
    pstate *s = st_of(p);
    if (!s || p->aliases) {
        eo_print_attr_impl(p, a, false);
        return;
    }
    if (!s->acache) {
        s->acache = eo_raw_alloc(s->ctx, ACACHE * sizeof(acache_ent));
        if (!s->acache) {
            eo_print_attr_impl(p, a, false);
            return;
        }
        memset(s->acache, 0, ACACHE * sizeof(acache_ent));
    }
    acache_ent *e = &s->acache[(ptr_hash(a) >> 4) & (ACACHE - 1)];
    if (e->a == a) {
        put(p, e->s, e->len);
        return;
    }
    eo_strbuf *b = p->out;
    size_t start = b->len, nres = s->nres;
    eo_print_attr_impl(p, a, false);
    size_t n = b->len - start;
    if (!b->oom && b->len >= start && n <= sizeof(e->s) && s->nres == nres) {
        memcpy(e->s, b->data + start, n);
        e->len = (uint32_t)n;
        e->a = a;
    }
}

static void
print_generic(eo_printer *p, eo_op *op)
{
    const eo_ident *name = eo_opx_name(op);
    print_quoted(p, eo_ident_str(name), eo_ident_len(name));
    put(p, "(", 1);
    eo_print_operands(p, op, 0, op->num_operands);
    put(p, ")", 1);
    if (op->num_successors) {
        put(p, "[", 1);
        for (uint32_t i = 0; i < op->num_successors; i++) {
            if (i)
                put(p, ", ", 2);
            eo_print_successor(p, eo_op_succs(op)[i]);
        }
        put(p, "]", 1);
    }
    if (eo_attr_dict_size(op->props)) {
        put(p, " <", 2);
        print_attr_cached(p, op->props);
        put(p, ">", 1);
    }
    if (op->num_regions) {
        put(p, " (", 2);
        for (uint32_t i = 0; i < op->num_regions; i++) {
            if (i)
                put(p, ", ", 2);
            print_region_impl(p, &eo_opx_regions(op)[i], true, true, true);
        }
        put(p, ")", 1);
    }
    print_attr_dicts(p, eo_op_discardable_attrs(op), NULL, NULL, NULL);
    put(p, " : ", 3);
    print_functional_type(p, op);
}

/* Collect mode for the generic form: MLIR's alias initializer visits the
 * regions first, then operand and result types, then the attributes. */
static void
collect_generic(eo_printer *p, eo_op *op)
{
    if (!p->flags.skip_regions)
        for (uint32_t i = 0; i < op->num_regions; i++)
            print_region_impl(p, &eo_opx_regions(op)[i], true, true, true);
    for (uint32_t i = 0; i < op->num_operands; i++)
        if (op->operands[i].value)
            eo_print_type(p, op->operands[i].value->type);
    for (uint32_t i = 0; i < op->num_results; i++)
        eo_print_type(p, eo_opx_results(op)[i].type);
    print_attr_dicts(p, op->props, eo_op_discardable_attrs(op), NULL,
                     NULL);
}

static bool
use_custom_form(eo_printer *p, const eo_op *op)
{
    return !p->flags.generic && eo_opx_def(op) && eo_opx_def(op)->print;
}

static void
print_op_name(eo_printer *p, const eo_op *op)
{
    const char *name = eo_ident_str(eo_opx_name(op));
    size_t len = eo_ident_len(eo_opx_name(op));
    const char *dd = default_dialect(p);
    size_t ddlen = strlen(dd);
    const char *dot = memchr(name, '.', len);
    if (ddlen && dot && (size_t)(dot - name) == ddlen &&
        memcmp(name, dd, ddlen) == 0 &&
        !memchr(dot + 1, '.', len - ddlen - 1)) {
        name += ddlen + 1;
        len -= ddlen + 1;
    }
    put(p, name, len);
}

static void
print_full_op(eo_printer *p, eo_op *op)
{
    alias_state *as = p->aliases;
    if (as && as->collecting) {
        /* Scratch output: only the visits matter. */
        p->out->len = 0;
        if (p->flags.debuginfo)
            visit_loc(p, eo_op_loc(op), true);
        if (use_custom_form(p, op))
            eo_opx_def(op)->print(p, op);
        else
            collect_generic(p, op);
        return;
    }
    indent(p, p->indent);
    if (op->num_results) {
        pstate *s = st_of(p);
        uint32_t id = op->order;
        if (!s || !(s->op_ids || value_id(s, op, &id))) {
            puts_(p, "<<UNKNOWN SSA VALUE>>");
        } else if (id & NAMED) {
            const res_name *rn = &s->rnames[id & ~NAMED];
            for (uint32_t g = 0; g < op->num_results;) {
                uint32_t size = group_size(rn, op->num_results, g);
                if (g)
                    put(p, ", ", 2);
                put_id(p, rn[g].id);
                if (size > 1) {
                    put(p, ":", 1);
                    put_uint(p, size);
                }
                g += size;
            }
        } else {
            put_id(p, id);
            if (op->num_results > 1) {
                put(p, ":", 1);
                put_uint(p, op->num_results);
            }
        }
        put(p, " = ", 3);
    }
    if (use_custom_form(p, op)) {
        print_op_name(p, op);
        eo_opx_def(op)->print(p, op);
    } else {
        print_generic(p, op);
    }
    if (p->flags.debuginfo)
        print_trailing_loc(p, eo_op_loc(op), true);
    maybe_flush(p);
}

/* ------------------------------------------------------------------ */
/* Resources                                                           */
/* ------------------------------------------------------------------ */

void
eo_printer_note_resource(eo_printer *p, eo_resource *r)
{
    pstate *s = st_of(p);
    uint32_t dummy;
    if (!s || !r || s->collecting || pmap_get(&s->res_set, r, &dummy))
        return;
    if (!grow(p->ctx, (void **)&s->res, &s->cap_res, s->nres,
              sizeof(*s->res)) ||
        !pmap_put(p->ctx, &s->res_set, r, 1)) {
        p->out->oom = true;
        return;
    }
    s->res[s->nres++] = r;
}

static void
put_hex(eo_printer *p, const unsigned char *d, size_t n)
{
    static const char digits[] = "0123456789ABCDEF";
    char buf[4096];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        buf[k++] = digits[d[i] >> 4];
        buf[k++] = digits[d[i] & 15];
        if (k == sizeof(buf)) {
            put(p, buf, k);
            k = 0;
        }
    }
    put(p, buf, k);
}

/* The "{-# dialect_resources: ... #-}" section, as mlir-opt prints it. */
static void
print_resources(eo_printer *p)
{
    pstate *s = st_of(p);
    size_t with_data = 0;
    for (size_t i = 0; i < s->nres; i++) {
        size_t size;
        if (eo_resource_data(s->res[i], &size))
            with_data++;
    }
    if (!with_data)
        return;
    if (p->flags.elide_resources) {
        /* mlir-opt leaves an empty section when blobs are elided. */
        puts_(p, "\n{-#\n\n#-}\n");
        return;
    }
    puts_(p, "\n{-#\n  dialect_resources: {\n    builtin: {\n");
    size_t k = 0;
    for (size_t i = 0; i < s->nres; i++) {
        size_t size;
        const void *data = eo_resource_data(s->res[i], &size);
        if (!data)
            continue;
        puts_(p, "      ");
        const char *key = eo_resource_key(s->res[i]);
        print_keyword_or_string(p, key, strlen(key));
        puts_(p, ": \"0x");
        uint32_t align = eo_resource_align(s->res[i]);
        unsigned char le[4] = {(unsigned char)align,
                               (unsigned char)(align >> 8),
                               (unsigned char)(align >> 16),
                               (unsigned char)(align >> 24)};
        put_hex(p, le, 4);
        put_hex(p, data, size);
        put(p, "\"", 1);
        if (++k < with_data)
            put(p, ",", 1);
        put(p, "\n", 1);
        maybe_flush(p);
    }
    puts_(p, "    }\n  }\n#-}\n");
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

static void
pstate_free(pstate *s)
{
    eo_ctx *ctx = s->ctx;
    if (s->acache)
        eo_raw_free(ctx, s->acache, ACACHE * sizeof(acache_ent));
    pmap_free(ctx, &s->values);
    pmap_free(ctx, &s->blocks);
    pmap_free(ctx, &s->preds);
    pmap_free(ctx, &s->res_set);
    if (s->nodes)
        eo_raw_free(ctx, s->nodes, s->cap_nodes * sizeof(pred_node));
    if (s->dd)
        eo_raw_free(ctx, s->dd, s->cap_dd * sizeof(*s->dd));
    if (s->res)
        eo_raw_free(ctx, s->res, s->cap_res * sizeof(*s->res));
    if (s->rnames)
        eo_raw_free(ctx, s->rnames, s->cap_rnames * sizeof(res_name));
    if (s->strs)
        eo_raw_free(ctx, s->strs, s->cap_strs * sizeof(name_str));
    while (s->chunks) {
        name_chunk *c = s->chunks;
        s->chunks = c->next;
        eo_raw_free(ctx, c, sizeof(*c) + c->size);
    }
}

static void
alias_free(eo_ctx *ctx, alias_state *as)
{
    pmap_free(ctx, &as->index);
    if (as->recs)
        eo_raw_free(ctx, as->recs, as->cap * sizeof(alias_rec));
}

static void
print_top(eo_op *op, const eo_print_flags *fl, eo_strbuf *out, FILE *file,
          bool *io_error)
{
    eo_ctx *ctx = eo_opx_ctx(op);
    eo_printer p;
    memset(&p, 0, sizeof(p));
    p.ctx = ctx;
    p.out = out;
    if (fl)
        p.flags = *fl;
    pstate s;
    memset(&s, 0, sizeof(s));
    s.ctx = ctx;
    s.file = file;
    p.names = &s;
    p.resources = &s;
    alias_state as;
    memset(&as, 0, sizeof(as));
    /* As MLIR: aliases, the final newline and resources only for a
     * top-level op printed without --mlir-print-local-scope. */
    bool top = !op->block && !p.flags.local_scope;
    /* A detached op holds every value its ops use: number results in the
     * ops themselves. A nested op keeps a map, so values from outside it
     * print as unknown. */
    s.op_ids = !op->block;
    if (s.op_ids) {
        /* Never 0, which new blocks and arguments have. */
        s.epoch = atomic_fetch_add(&print_epochs, 1) + 1;
        if (!s.epoch)
            s.epoch = atomic_fetch_add(&print_epochs, 1) + 1;
    }
    uset used;
    memset(&used, 0, sizeof(used));
    if (!p.flags.generic) {
        s.names_on = true;
        s.used = &used;
    }
    /* Whether aliases may be needed is found while numbering (one walk);
     * with debug info there are always locations. */
    scan *sc = NULL;
    if (top && !p.flags.debuginfo) {
        sc = eo_raw_alloc(ctx, sizeof(*sc));
        if (sc)
            memset(sc, 0, sizeof(*sc));
    }
    s.scan = sc;
    bool numbered = number_values(&s, op, p.flags.generic,
                                  !p.flags.skip_regions);
    bool need_aliases = top && (p.flags.debuginfo || !sc || s.alias_found);
    if (sc)
        eo_raw_free(ctx, sc, sizeof(*sc));
    s.scan = NULL;
    if (!numbered) {
        out->oom = true;
        goto done;
    }
    if (need_aliases) {
        eo_strbuf scratch = {0};
        p.aliases = &as;
        p.out = &scratch;
        as.collecting = true;
        s.collecting = true;
        print_full_op(&p, op);
        as.collecting = false;
        s.collecting = false;
        p.out = out;
        if (scratch.oom || !finish_aliases(ctx, &as))
            out->oom = true;
        eo_strbuf_free(&scratch);
        print_alias_defs(&p, false);
    }
    print_full_op(&p, op);
    if (top) {
        put(&p, "\n", 1);
        print_alias_defs(&p, true);
        print_resources(&p);
    }
done:
    uset_free(ctx, &used);
    s.used = NULL;
    if (s.io_error && io_error)
        *io_error = true;
    alias_free(ctx, &as);
    pstate_free(&s);
}

void
eo_op_print_to(eo_op *op, const eo_print_flags *fl, eo_strbuf *out)
{
    print_top(op, fl, out, NULL, NULL);
}

eo_status
eo_op_print(eo_op *op, const eo_print_flags *fl, FILE *out)
{
    eo_strbuf b = {0};
    bool io_error = false;
    print_top(op, fl, &b, out, &io_error);
    if (b.len && fwrite(b.data, 1, b.len, out) != b.len)
        io_error = true;
    bool oom = b.oom;
    eo_strbuf_free(&b);
    if (fflush(out) != 0 || ferror(out))
        io_error = true;
    return io_error || oom ? EO_ERROR : EO_OK;
}

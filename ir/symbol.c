/* ir/symbol.c - symbol tables: the symbols ("sym_name") directly inside
 * an op with EO_SYMBOL_TABLE, looked up by interned name; resolution of
 * nested references (@a::@b) and use queries.
 */
#include "ir/internal.h"

#include <string.h>

typedef struct sym_slot {
    const eo_ident *name;
    eo_op *op;
} sym_slot;

struct eo_symtab {
    eo_ctx *ctx;
    eo_op *table_op;
    sym_slot *slots;
    size_t cap, count;            /* cap: 0 or a power of two */
};

const eo_ident *
eo_symbol_name(eo_ctx *ctx, const eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "sym_name");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING)
        return NULL;
    size_t len;
    const char *s = eo_attr_string(a, &len);
    return eo_ident_get(ctx, s, len);
}

/* Whether op's sym_name is exactly (s, len). */
static bool
sym_name_is(const eo_op *op, const char *s, size_t len)
{
    const eo_attr *a = eo_op_attr(op, "sym_name");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING)
        return false;
    size_t n;
    const char *t = eo_attr_string(a, &n);
    return n == len && memcmp(s, t, len) == 0;
}

static size_t
slot_of(const eo_symtab *t, const eo_ident *name)
{
    size_t mask = t->cap - 1;
    size_t i = (size_t)(((uintptr_t)name >> 4) * 0x9e3779b97f4a7c15ull) & mask;
    while (t->slots[i].name && t->slots[i].name != name)
        i = (i + 1) & mask;
    return i;
}

static eo_status
table_grow(eo_symtab *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 16;
    sym_slot *ns = eo_raw_alloc(t->ctx, ncap * sizeof(*ns));
    if (!ns)
        return EO_NOMEM;
    memset(ns, 0, ncap * sizeof(*ns));
    sym_slot *old = t->slots;
    size_t ocap = t->cap;
    t->slots = ns;
    t->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].name)
            t->slots[slot_of(t, old[i].name)] = old[i];
    eo_raw_free(t->ctx, old, ocap * sizeof(*old));
    return EO_OK;
}

static eo_block *
table_body(eo_op *table_op)
{
    if (eo_op_num_regions(table_op) < 1)
        return NULL;
    return eo_region_first(eo_op_region(table_op, 0));
}

eo_symtab *
eo_symtab_create(eo_op *table_op)
{
    eo_ctx *ctx = eo_op_ctx(table_op);
    eo_symtab *t = eo_raw_alloc(ctx, sizeof(*t));
    if (!t)
        return NULL;
    memset(t, 0, sizeof(*t));
    t->ctx = ctx;
    t->table_op = table_op;
    eo_block *body = table_body(table_op);
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op)) {
        if (!eo_op_attr(op, "sym_name"))
            continue;
        if (eo_symtab_insert(t, op) != EO_OK) {
            eo_symtab_destroy(t);
            return NULL;
        }
    }
    return t;
}

void
eo_symtab_destroy(eo_symtab *t)
{
    if (!t)
        return;
    eo_raw_free(t->ctx, t->slots, t->cap * sizeof(sym_slot));
    eo_raw_free(t->ctx, t, sizeof(*t));
}

eo_op *
eo_symtab_lookup(const eo_symtab *t, const char *name)
{
    if (!t->count)
        return NULL;
    /* Interning a name that is not a symbol is harmless. */
    const eo_ident *id = eo_ident_cstr(t->ctx, name);
    if (!id)
        return NULL;
    size_t i = slot_of(t, id);
    return t->slots[i].name ? t->slots[i].op : NULL;
}

eo_status
eo_symtab_insert(eo_symtab *t, eo_op *op)
{
    const eo_ident *name = eo_symbol_name(t->ctx, op);
    if (!name)
        return eo_op_error(op, "requires string attribute 'sym_name'");
    if ((t->count + 1) * 2 > t->cap && table_grow(t) != EO_OK)
        return EO_NOMEM;
    size_t i = slot_of(t, name);
    if (t->slots[i].name) {
        if (t->slots[i].op == op)
            return EO_OK;
        eo_diag_builder *b = eo_diag_begin(t->ctx, EO_SEV_ERROR,
                                           eo_op_loc(op),
                                           "redefinition of symbol named "
                                           "'%s'", eo_ident_str(name));
        eo_diag_note(b, eo_op_loc(t->slots[i].op),
                     "see existing symbol definition here");
        return eo_diag_emit(b);
    }
    t->slots[i].name = name;
    t->slots[i].op = op;
    t->count++;
    return EO_OK;
}

void
eo_symtab_remove(eo_symtab *t, eo_op *op)
{
    if (!t->count)
        return;
    const eo_ident *name = eo_symbol_name(t->ctx, op);
    if (!name)
        return;
    size_t i = slot_of(t, name);
    if (!t->slots[i].name || t->slots[i].op != op)
        return;
    /* Backward-shift deletion keeps the probe sequences intact. */
    size_t mask = t->cap - 1;
    t->slots[i].name = NULL;
    t->count--;
    for (size_t j = (i + 1) & mask; t->slots[j].name; j = (j + 1) & mask) {
        sym_slot s = t->slots[j];
        t->slots[j].name = NULL;
        t->slots[slot_of(t, s.name)] = s;
    }
}

/* The verification-time cache: one symbol table per table op, built on
 * first lookup without diagnostics (the verifier reports duplicates
 * itself; the first definition wins here, as in a linear scan). */
typedef struct sym_cache {
    eo_uniq_set tables;               /* eo_symtab *, keyed by table op */
    unsigned depth;
} sym_cache;

static bool
cache_eq(const void *obj, const void *key)
{
    return ((const eo_symtab *)obj)->table_op == key;
}

void
eo_symbol_cache_begin(eo_ctx *ctx)
{
    sym_cache **slot = (sym_cache **)eo_ctx_symcache(ctx);
    if (!*slot) {
        *slot = eo_raw_alloc(ctx, sizeof(sym_cache));
        if (!*slot)
            return;   /* lookups fall back to scanning */
        memset(*slot, 0, sizeof(sym_cache));
    }
    (*slot)->depth++;
}

void
eo_symbol_cache_end(eo_ctx *ctx)
{
    sym_cache **slot = (sym_cache **)eo_ctx_symcache(ctx);
    sym_cache *c = *slot;
    if (!c || --c->depth)
        return;
    for (size_t i = 0; i < c->tables.cap; i++)
        if (c->tables.slots[i])
            eo_symtab_destroy(c->tables.slots[i]);
    eo_uniq_free(ctx, &c->tables);
    eo_raw_free(ctx, c, sizeof(*c));
    *slot = NULL;
}

/* The cached table of 'table_op', or NULL (no cache, or out of memory). */
static eo_symtab *
cached_table(eo_op *table_op)
{
    eo_ctx *ctx = eo_op_ctx(table_op);
    sym_cache *c = *(sym_cache **)eo_ctx_symcache(ctx);
    if (!c)
        return NULL;
    uint64_t h = eo_hash_ptr(EO_HASH_SEED, table_op);
    eo_symtab *t = eo_uniq_find(&c->tables, h, cache_eq, table_op);
    if (t)
        return t;
    t = eo_raw_alloc(ctx, sizeof(*t));
    if (!t)
        return NULL;
    memset(t, 0, sizeof(*t));
    t->ctx = ctx;
    t->table_op = table_op;
    eo_block *body = table_body(table_op);
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op)) {
        const eo_ident *name = eo_symbol_name(ctx, op);
        if (!name)
            continue;
        if ((t->count + 1) * 2 > t->cap && table_grow(t) != EO_OK)
            goto fail;
        size_t i = slot_of(t, name);
        if (t->slots[i].name)
            continue;   /* a duplicate: keep the first */
        t->slots[i].name = name;
        t->slots[i].op = op;
        t->count++;
    }
    if (eo_uniq_insert(ctx, &c->tables, h, t) == EO_OK)
        return t;
fail:
    eo_symtab_destroy(t);
    return NULL;
}

static eo_op *
lookup_in_n(eo_op *table_op, const char *name, size_t len)
{
    eo_symtab *t = cached_table(table_op);
    if (t) {
        const eo_ident *id = eo_ident_get(t->ctx, name, len);
        if (id && t->count) {
            size_t i = slot_of(t, id);
            return t->slots[i].name ? t->slots[i].op : NULL;
        }
        if (id)
            return NULL;
    }
    eo_block *body = table_body(table_op);
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op))
        if (sym_name_is(op, name, len))
            return op;
    return NULL;
}

eo_op *
eo_symbol_lookup_in(eo_op *table_op, const char *name)
{
    return lookup_in_n(table_op, name, strlen(name));
}

eo_op *
eo_symbol_table_of(eo_op *op)
{
    for (eo_op *o = op; o; o = eo_op_parent(o))
        if (eo_op_has_trait(o, EO_SYMBOL_TABLE))
            return o;
    return NULL;
}

eo_op *
eo_symbol_lookup_nearest(eo_op *from, const eo_attr *ref)
{
    if (!ref || eo_attr_get_kind(ref) != EO_ATTR_SYMBOL_REF)
        return NULL;
    eo_op *table = eo_symbol_table_of(from);
    if (!table)
        return NULL;
    const eo_ident *root = eo_attr_symbol_root(ref);
    eo_op *sym = lookup_in_n(table, eo_ident_str(root), eo_ident_len(root));
    size_t n = eo_attr_symbol_num_nested(ref);
    for (size_t i = 0; i < n && sym; i++) {
        if (!eo_op_has_trait(sym, EO_SYMBOL_TABLE))
            return NULL;
        const eo_ident *id = eo_attr_symbol_nested(ref, i);
        sym = lookup_in_n(sym, eo_ident_str(id), eo_ident_len(id));
    }
    return sym;
}

/* Whether 'a' (or an attribute nested in it) is a reference from 'user'
 * that resolves to 'symbol' (named 'name'). Attribute nesting is bounded
 * by the parser (EO_MAX_DEPTH); 'depth' guards built attributes too. */
static bool
attr_refers(const eo_attr *a, eo_op *user, eo_op *symbol,
            const eo_ident *name, unsigned depth)
{
    if (!a || depth > EO_MAX_DEPTH)
        return false;
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_SYMBOL_REF: {
        size_t n = eo_attr_symbol_num_nested(a);
        const eo_ident *leaf = n ? eo_attr_symbol_nested(a, n - 1)
                                 : eo_attr_symbol_root(a);
        return leaf == name && eo_symbol_lookup_nearest(user, a) == symbol;
    }
    case EO_ATTR_ARRAY:
        for (size_t i = 0; i < eo_attr_array_size(a); i++)
            if (attr_refers(eo_attr_array_at(a, i), user, symbol, name,
                            depth + 1))
                return true;
        return false;
    case EO_ATTR_DICT:
        for (size_t i = 0; i < eo_attr_dict_size(a); i++)
            if (attr_refers(eo_attr_dict_at(a, i)->value, user, symbol, name,
                            depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

bool
eo_symbol_is_used(eo_op *root, eo_op *symbol)
{
    const eo_ident *name = eo_symbol_name(eo_op_ctx(symbol), symbol);
    if (!name)
        return false;
    for (eo_op *op = root; op;) {
        if (op == symbol) {
            /* Uses inside the symbol's own body do not count. */
            op = eo_op_preorder_next(op, root, false);
            continue;
        }
        if (attr_refers(eo_op_props(op), op, symbol, name, 0) ||
            attr_refers(eo_op_discardable_attrs(op), op, symbol, name, 0))
            return true;
        op = eo_op_preorder_next(op, root, true);
    }
    return false;
}

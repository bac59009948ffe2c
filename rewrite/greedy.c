/* rewrite/greedy.c - pattern sets and the greedy pattern driver (MLIR's
 * GreedyPatternRewriteDriver, 19.x semantics).
 *
 *   per region of the root op, per iteration (at most max_iterations):
 *     seed: walk the region (pre-order for top-down, post-order for
 *           bottom-up); constants are deduplicated per insertion region
 *           and hoisted to the front of its entry block (OperationFolder);
 *     process: pop -> erase if trivially dead -> fold (constants
 *           materialized before the op by its dialect) -> patterns by
 *           benefit; ops the rewriter creates or modifies, their
 *           ancestors, and the producers of erased ops' operands re-enter
 *           the worklist;
 *     simplify regions (unreachable blocks, dead block arguments; at
 *           the aggressive level also identical blocks merged and
 *           redundant block arguments dropped);
 *   repeat while something changed.
 */
#include "rewrite/internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Pointer map (open addressing, linear probing, backward-shift delete) */
/* ------------------------------------------------------------------ */

static size_t
ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x;
}

void
eo_ptrmap_init(eo_ptrmap *m, eo_ctx *ctx)
{
    memset(m, 0, sizeof(*m));
    m->ctx = ctx;
}

void
eo_ptrmap_fini(eo_ptrmap *m)
{
    eo_ctx_free(m->ctx, m->slots, m->cap * sizeof(*m->slots));
    m->slots = NULL;
    m->cap = m->count = 0;
}

void
eo_ptrmap_clear(eo_ptrmap *m)
{
    if (m->count)
        memset(m->slots, 0, m->cap * sizeof(*m->slots));
    m->count = 0;
}

static size_t
ptrmap_slot(const eo_ptrmap *m, const void *key)
{
    size_t mask = m->cap - 1;
    size_t i = ptr_hash(key) & mask;
    while (m->slots[i].key && m->slots[i].key != key)
        i = (i + 1) & mask;
    return i;
}

bool
eo_ptrmap_get(const eo_ptrmap *m, const void *key, size_t *val)
{
    if (!m->count)
        return false;
    size_t i = ptrmap_slot(m, key);
    if (!m->slots[i].key)
        return false;
    if (val)
        *val = m->slots[i].val;
    return true;
}

static eo_status
ptrmap_grow(eo_ptrmap *m)
{
    size_t ocap = m->cap, ncap = ocap ? ocap * 2 : 64;
    eo_ptrmap_slot *old = m->slots;
    eo_ptrmap_slot *ns = eo_ctx_alloc(m->ctx, ncap * sizeof(*ns));
    if (!ns)
        return EO_NOMEM;
    m->slots = ns;
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key)
            ns[ptrmap_slot(m, old[i].key)] = old[i];
    eo_ctx_free(m->ctx, old, ocap * sizeof(*old));
    return EO_OK;
}

eo_status
eo_ptrmap_put(eo_ptrmap *m, const void *key, size_t val, bool *existed)
{
    if ((m->count + 1) * 4 > m->cap * 3 && ptrmap_grow(m) != EO_OK)
        return EO_NOMEM;
    size_t i = ptrmap_slot(m, key);
    if (existed)
        *existed = m->slots[i].key != NULL;
    if (!m->slots[i].key) {
        m->slots[i].key = key;
        m->count++;
    }
    m->slots[i].val = val;
    return EO_OK;
}

bool
eo_ptrmap_remove(eo_ptrmap *m, const void *key)
{
    if (!m->count)
        return false;
    size_t mask = m->cap - 1;
    size_t i = ptrmap_slot(m, key);
    if (!m->slots[i].key)
        return false;
    /* Backward-shift deletion keeps probe chains intact. */
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!m->slots[j].key)
            break;
        size_t home = ptr_hash(m->slots[j].key) & mask;
        bool between = i <= j ? (i < home && home <= j)
                              : (i < home || home <= j);
        if (between)
            continue;
        m->slots[i] = m->slots[j];
        i = j;
    }
    m->slots[i].key = NULL;
    m->count--;
    return true;
}

/* ------------------------------------------------------------------ */
/* Pointer set (keys only, linear probing, any capacity, so that one   */
/* reserved for n keys takes about 11n bytes)                          */
/* ------------------------------------------------------------------ */

typedef struct ptrset {
    eo_ctx *ctx;
    const void **slots;
    size_t cap, count;
} ptrset;

static void
ptrset_fini(ptrset *s)
{
    eo_ctx_free(s->ctx, s->slots, s->cap * sizeof(*s->slots));
    s->slots = NULL;
    s->cap = s->count = 0;
}

static void
ptrset_clear(ptrset *s)
{
    if (s->count)
        memset(s->slots, 0, s->cap * sizeof(*s->slots));
    s->count = 0;
}

/* Where 'key' would go in an empty set: its hash scaled to the capacity
 * (a multiply, not a division, for the capacities met in practice). */
static size_t
ptrset_home(const ptrset *s, const void *key)
{
    uint64_t h = ptr_hash(key);
    if (s->cap <= UINT32_MAX)
        return (size_t)(((h >> 32) * (uint64_t)s->cap) >> 32);
    return (size_t)(h % s->cap);
}

static size_t
ptrset_slot(const ptrset *s, const void *key)
{
    size_t i = ptrset_home(s, key);
    while (s->slots[i] && s->slots[i] != key)
        i = i + 1 == s->cap ? 0 : i + 1;
    return i;
}

/* Makes room for 'n' keys in all without growing. */
static eo_status
ptrset_reserve(ptrset *s, size_t n)
{
    size_t ncap = n + n / 3 + 1;
    if (ncap < 64)
        ncap = 64;
    if (ncap <= s->cap)
        return EO_OK;
    size_t ocap = s->cap;
    const void **old = s->slots;
    const void **ns = eo_ctx_alloc(s->ctx, ncap * sizeof(*ns));
    if (!ns)
        return EO_NOMEM;
    memset(ns, 0, ncap * sizeof(*ns));
    s->slots = ns;
    s->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i])
            ns[ptrset_slot(s, old[i])] = old[i];
    eo_ctx_free(s->ctx, old, ocap * sizeof(*old));
    return EO_OK;
}

/* Adds 'key'; *added says whether it was new. */
static eo_status
ptrset_add(ptrset *s, const void *key, bool *added)
{
    if ((s->count + 1) * 4 > s->cap * 3 &&
        ptrset_reserve(s, s->cap ? s->cap * 3 / 2 : 0) != EO_OK)
        return EO_NOMEM;
    size_t i = ptrset_slot(s, key);
    *added = s->slots[i] == NULL;
    if (*added) {
        s->slots[i] = key;
        s->count++;
    }
    return EO_OK;
}

/* Removes 'key'; returns whether it was there. */
static bool
ptrset_remove(ptrset *s, const void *key)
{
    if (!s->count)
        return false;
    size_t i = ptrset_slot(s, key);
    if (!s->slots[i])
        return false;
    size_t j = i;
    for (;;) {
        j = j + 1 == s->cap ? 0 : j + 1;
        if (!s->slots[j])
            break;
        size_t home = ptrset_home(s, s->slots[j]);
        bool between = i <= j ? (i < home && home <= j)
                              : (i < home || home <= j);
        if (between)
            continue;
        s->slots[i] = s->slots[j];
        i = j;
    }
    s->slots[i] = NULL;
    s->count--;
    return true;
}

/* ------------------------------------------------------------------ */
/* Pattern sets                                                        */
/* ------------------------------------------------------------------ */

/* Patterns of one root name (or of any op), sorted by benefit, highest
 * first; equal benefits keep insertion order. */
typedef struct pat_list {
    const eo_pattern **v;
    size_t n, cap;
} pat_list;

struct eo_pattern_set {
    eo_ctx *ctx;
    eo_ptrmap by_root;        /* root ident -> index into lists */
    pat_list *lists;
    size_t num_lists, cap_lists;
    pat_list any;
    size_t size;
};

eo_pattern_set *
eo_pattern_set_create(eo_ctx *ctx)
{
    eo_pattern_set *ps = eo_ctx_alloc(ctx, sizeof(*ps));
    if (!ps)
        return NULL;
    ps->ctx = ctx;
    eo_ptrmap_init(&ps->by_root, ctx);
    return ps;
}

static void
pat_list_free(eo_ctx *ctx, pat_list *l)
{
    eo_ctx_free(ctx, l->v, l->cap * sizeof(*l->v));
}

void
eo_pattern_set_destroy(eo_pattern_set *ps)
{
    if (!ps)
        return;
    for (size_t i = 0; i < ps->num_lists; i++)
        pat_list_free(ps->ctx, &ps->lists[i]);
    eo_ctx_free(ps->ctx, ps->lists, ps->cap_lists * sizeof(*ps->lists));
    pat_list_free(ps->ctx, &ps->any);
    eo_ptrmap_fini(&ps->by_root);
    eo_ctx_free(ps->ctx, ps, sizeof(*ps));
}

/* Grows an arena array of 'elem'-byte items to hold 'need'. */
static eo_status
grow(eo_ctx *ctx, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return EO_OK;
    size_t ncap = *cap ? *cap * 2 : 8;
    while (ncap < need)
        ncap *= 2;
    void *n = eo_ctx_alloc(ctx, ncap * elem);
    if (!n)
        return EO_NOMEM;
    if (*arr) {
        memcpy(n, *arr, *cap * elem);
        eo_ctx_free(ctx, *arr, *cap * elem);
    }
    *arr = n;
    *cap = ncap;
    return EO_OK;
}

static eo_status
pat_list_insert(eo_ctx *ctx, pat_list *l, const eo_pattern *p)
{
    if (grow(ctx, (void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) != EO_OK)
        return EO_NOMEM;
    size_t i = l->n;
    while (i > 0 && l->v[i - 1]->benefit < p->benefit) {
        l->v[i] = l->v[i - 1];
        i--;
    }
    l->v[i] = p;
    l->n++;
    return EO_OK;
}

eo_status
eo_pattern_set_add_rooted(eo_pattern_set *ps, const eo_pattern *p,
                          const char *root)
{
    if (!root)
        return pat_list_insert(ps->ctx, &ps->any, p) == EO_OK
                   ? (ps->size++, EO_OK) : EO_NOMEM;
    const eo_ident *id = eo_ident_cstr(ps->ctx, root);
    if (!id)
        return EO_NOMEM;
    size_t idx;
    if (!eo_ptrmap_get(&ps->by_root, id, &idx)) {
        if (grow(ps->ctx, (void **)&ps->lists, &ps->cap_lists,
                 ps->num_lists + 1, sizeof(*ps->lists)) != EO_OK)
            return EO_NOMEM;
        idx = ps->num_lists;
        if (eo_ptrmap_put(&ps->by_root, id, idx, NULL) != EO_OK)
            return EO_NOMEM;
        memset(&ps->lists[idx], 0, sizeof(ps->lists[idx]));
        ps->num_lists++;
    }
    if (pat_list_insert(ps->ctx, &ps->lists[idx], p) != EO_OK)
        return EO_NOMEM;
    ps->size++;
    return EO_OK;
}

eo_status
eo_pattern_set_add(eo_pattern_set *ps, const eo_pattern *p)
{
    if (EO_NEVER(!p || !p->match_and_rewrite))
        return EO_ERROR;
    return eo_pattern_set_add_rooted(ps, p, p->root);
}

typedef struct canon_ctx {
    eo_pattern_set *ps;
    eo_status st;
} canon_ctx;

static void
add_dialect_canon(const eo_dialect *d, void *ud)
{
    canon_ctx *cc = ud;
    const eo_dialect_desc *desc = eo_dialect_get_desc(d);
    if (!desc || cc->st != EO_OK)
        return;
    for (size_t i = 0; i < desc->num_ops; i++) {
        const eo_pattern *p = desc->ops[i].canonicalize;
        for (; p && p->name && cc->st == EO_OK; p++) {
            if (!p->match_and_rewrite)
                continue;
            /* A row without a root is rooted at the op that lists it. */
            cc->st = eo_pattern_set_add_rooted(cc->ps, p,
                                p->root ? p->root : desc->ops[i].name);
        }
    }
}

eo_status
eo_pattern_set_add_canonicalization(eo_pattern_set *ps)
{
    canon_ctx cc = { ps, EO_OK };
    eo_dialect_foreach(ps->ctx, add_dialect_canon, &cc);
    return cc.st;
}

size_t
eo_pattern_set_size(const eo_pattern_set *ps)
{
    return ps->size;
}

static const pat_list *
patterns_for(const eo_pattern_set *ps, const eo_op *op)
{
    size_t idx;
    if (ps->num_lists && eo_ptrmap_get(&ps->by_root, eo_op_name(op), &idx))
        return &ps->lists[idx];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The driver                                                          */
/* ------------------------------------------------------------------ */

void
eo_greedy_config_init(eo_greedy_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->fold = true;
    cfg->remove_dead = true;
    cfg->max_iterations = 10;
    cfg->region_simplify = true;
}

/* A constant known to the folder during seeding is deduplicated by
 * (insertion region, dialect, value, type). The table holds the op and
 * the key's hash only: the key is recomputed from the op (which sits in
 * the entry block of its insertion region) when hashes match. */
typedef struct const_key {
    const eo_region *region;
    const void *dialect;
    const eo_attr *value;
    const eo_type *type;
} const_key;

typedef struct const_entry {
    eo_op *op;                /* NULL: empty slot */
    size_t hash;
} const_entry;

/* Open addressing, at most half full; cap 0 or a power of two. */
typedef struct const_table {
    const_entry *v;
    size_t cap, count;
} const_table;

typedef struct driver {
    eo_ctx *ctx;
    const eo_pattern_set *ps;
    eo_greedy_config cfg;
    eo_region *scope;
    eo_rewriter rw;
    eo_rewrite_listener listener;
    /* Worklist: a stack of ops (NULL for removed ones) and the op ->
     * index map. */
    eo_op **list;
    size_t len, cap;
    ptrset in_list;
    /* Folder state, rebuilt at each iteration's seeding. */
    /* The constants the folder keeps, whose insertion region is the
     * scope / is below it. Seeding walks the scope's ops one subtree at
     * a time, and a region below the scope is inside one subtree: the
     * second table is emptied after each. */
    const_table ctop, cnest;
    bool changed;
    bool dirty;               /* IR changed since the last simplification */
    bool merge_blocks;        /* region-simplify=aggressive */
    eo_status status;         /* EO_NOMEM seen in a callback */
} driver;

/* The worklist is a stack with lazy deletion: the map says which ops are
 * on it; an entry whose op left the map (popped or erased) is skipped. */
static void
wl_push(driver *d, eo_op *op)
{
    bool added = false;
    if (ptrset_add(&d->in_list, op, &added) != EO_OK) {
        d->status = EO_NOMEM;
        return;
    }
    if (!added)
        return;
    if (grow(d->ctx, (void **)&d->list, &d->cap, d->len + 1,
             sizeof(*d->list)) != EO_OK) {
        ptrset_remove(&d->in_list, op);
        d->status = EO_NOMEM;
        return;
    }
    d->list[d->len++] = op;
}

static eo_op *
wl_pop(driver *d)
{
    while (d->len) {
        eo_op *op = d->list[--d->len];
        if (ptrset_remove(&d->in_list, op))
            return op;
    }
    return NULL;
}

static void
wl_remove(driver *d, eo_op *op)
{
    ptrset_remove(&d->in_list, op);
}

static void
wl_clear(driver *d)
{
    d->len = 0;
    ptrset_clear(&d->in_list);
}

static void
wl_reverse(driver *d)
{
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        eo_op *t = d->list[i];
        d->list[i] = d->list[j - 1];
        d->list[j - 1] = t;
    }
}

/* Adds 'op' and its ancestors up to the scope region; nothing if 'op'
 * is not inside the scope. */
static void
add_to_worklist(driver *d, eo_op *op)
{
    eo_op *chain[64];
    size_t n = 0;
    for (eo_op *o = op; o;) {
        eo_region *r = eo_op_parent_region(o);
        if (n < 64)
            chain[n++] = o;
        if (r == d->scope) {
            if (n == 64) {
                /* Deep nesting: add the ops collected so far, then walk
                 * the chain again for the rest. */
                for (eo_op *x = op; x && eo_op_parent_region(x) != d->scope;
                     x = eo_op_parent(x))
                    wl_push(d, x);
                wl_push(d, o);
                return;
            }
            for (size_t i = 0; i < n; i++)
                wl_push(d, chain[i]);
            return;
        }
        if (!r)
            return;
        o = eo_region_parent_op(r);
    }
}

static void
on_inserted(void *ud, eo_op *op)
{
    ((driver *)ud)->dirty = true;
    add_to_worklist(ud, op);
}

static void
on_modified(void *ud, eo_op *op)
{
    ((driver *)ud)->dirty = true;
    add_to_worklist(ud, op);
}

/* After 'op' goes, producers of its operands with at most one other user
 * may die or simplify. */
static void
on_erasing(void *ud, eo_op *op)
{
    driver *d = ud;
    d->dirty = true;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        eo_op *def = v ? eo_value_def_op(v) : NULL;
        if (!def)
            continue;
        eo_op *other = NULL;
        bool many = false;
        for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
            eo_op *user = eo_use_owner(u);
            if (user == op || user == other)
                continue;
            if (!other) {
                other = user;
                continue;
            }
            many = true;
            break;
        }
        if (!many)
            add_to_worklist(d, def);
    }
    wl_remove(d, op);
}

/* Region into which constants used in 'b' are materialized: the nearest
 * region whose parent is isolated from above, unregistered or top-level. */
static eo_region *
insertion_region(eo_block *b)
{
    for (;;) {
        eo_region *r = eo_block_region(b);
        if (!r)
            return NULL;
        eo_op *parent = eo_region_parent_op(r);
        if (!parent || !eo_op_get_def(parent) ||
            eo_op_has_trait(parent, EO_ISOLATED_FROM_ABOVE) ||
            !eo_op_block(parent))
            return r;
        b = eo_op_block(parent);
    }
}

static size_t
const_hash(const const_key *k)
{
    size_t h = ptr_hash(k->region);
    h = h * 31 + ptr_hash(k->dialect);
    h = h * 31 + ptr_hash(k->value);
    h = h * 31 + ptr_hash(k->type);
    return h;
}

static const void *op_dialect_key(const eo_op *op);

/* The slot of 'key' (hash 'h'): its entry, or the empty slot for it. */
static const_entry *
const_find(const_table *t, const const_key *key, size_t h)
{
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const_entry *e = &t->v[i];
        if (!e->op)
            return e;
        if (e->hash != h)
            continue;
        /* A kept constant is in the entry block of its region. */
        eo_op *k = e->op;
        if (eo_block_region(eo_op_block(k)) == key->region &&
            eo_value_constant(eo_op_result(k, 0)) == key->value &&
            eo_value_type(eo_op_result(k, 0)) == key->type &&
            op_dialect_key(k) == key->dialect)
            return e;
    }
}

static eo_status
const_reserve(eo_ctx *ctx, const_table *t)
{
    if ((t->count + 1) * 2 <= t->cap)
        return EO_OK;
    size_t ocap = t->cap;
    const_entry *old = t->v;
    size_t ncap = ocap ? ocap * 2 : 64;
    const_entry *nv = eo_ctx_alloc(ctx, ncap * sizeof(*nv));
    if (!nv)
        return EO_NOMEM;
    memset(nv, 0, ncap * sizeof(*nv));
    size_t mask = ncap - 1;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].op)
            continue;
        size_t j = old[i].hash & mask;
        while (nv[j].op)
            j = (j + 1) & mask;
        nv[j] = old[i];
    }
    eo_ctx_free(ctx, old, ocap * sizeof(*old));
    t->v = nv;
    t->cap = ncap;
    return EO_OK;
}

static void
const_clear(const_table *t)
{
    if (t->count)
        memset(t->v, 0, t->cap * sizeof(*t->v));
    t->count = 0;
}

/* Drops the tables (they are only used while seeding). */
static void
const_release(driver *d)
{
    eo_ctx_free(d->ctx, d->ctop.v, d->ctop.cap * sizeof(*d->ctop.v));
    eo_ctx_free(d->ctx, d->cnest.v, d->cnest.cap * sizeof(*d->cnest.v));
    memset(&d->ctop, 0, sizeof(d->ctop));
    memset(&d->cnest, 0, sizeof(d->cnest));
}

/* The dialect of a registered op (identity of its desc), for keys. */
static const void *
op_dialect_key(const eo_op *op)
{
    const char *name = eo_op_name_str(op);
    const char *dot = strchr(name, '.');
    eo_dialect *dl = eo_dialect_lookup(eo_op_ctx(op), name,
                                       dot ? (size_t)(dot - name)
                                           : strlen(name));
    return dl;
}

/* OperationFolder::insertKnownConstant. Returns false if 'op' was
 * replaced by an equal constant (and erased). */
static bool is_constant_op(const eo_op *op);

/* Whether the folder keeps 'op' (a constant in insertion region 'ir'). */
static bool
const_owned(driver *d, eo_op *op, eo_region *ir)
{
    const_table *t = ir == d->scope ? &d->ctop : &d->cnest;
    if (!t->count || !is_constant_op(op))
        return false;
    const_key key = { ir, op_dialect_key(op),
                      eo_value_constant(eo_op_result(op, 0)),
                      eo_value_type(eo_op_result(op, 0)) };
    return const_find(t, &key, const_hash(&key))->op == op;
}

static bool
insert_known_constant(driver *d, eo_op *op)
{
    const eo_attr *value = eo_value_constant(eo_op_result(op, 0));
    eo_block *blk = eo_op_block(op);
    eo_region *ir = blk ? insertion_region(blk) : NULL;
    if (!value || !ir || eo_region_empty(ir))
        return true;
    /* Never hoist out of the region being simplified (a driver run on an
     * op that is not isolated from above). */
    eo_op *scope_op = eo_region_parent_op(d->scope);
    eo_op *ir_op = eo_region_parent_op(ir);
    if (ir != d->scope &&
        (!scope_op || !ir_op || ir_op == scope_op ||
         !eo_op_is_inside(ir_op, scope_op)))
        return true;
    const_table *t = ir == d->scope ? &d->ctop : &d->cnest;
    if (const_reserve(d->ctx, t) != EO_OK) {
        d->status = EO_NOMEM;
        return true;
    }
    const_key key = { ir, op_dialect_key(op), value,
                      eo_value_type(eo_op_result(op, 0)) };
    size_t h = const_hash(&key);
    const_entry *e = const_find(t, &key, h);
    if (e->op == op)
        return true;          /* already kept */
    if (e->op) {
        eo_op *keep = e->op;
        eo_value *rep = eo_op_result(keep, 0);
        eo_rewriter_replace_op(&d->rw, op, &rep);
        eo_op_set_loc(keep, eo_loc_unknown(d->ctx));
        d->changed = true;
        return false;
    }
    eo_block *ib = eo_region_first(ir);
    eo_op *front = eo_block_first(ib);
    if (blk != ib ||
        (front != op && !const_owned(d, eo_op_prev(op), ir))) {
        eo_op_move_before(op, front);
        eo_op_set_loc(op, eo_loc_unknown(d->ctx));
        d->changed = true;
        d->dirty = true;
    }
    e->op = op;
    e->hash = h;
    t->count++;
    return true;
}

static bool
is_constant_op(const eo_op *op)
{
    return eo_op_has_trait(op, EO_CONSTANT_LIKE) &&
           eo_op_num_results(op) == 1 &&
           eo_value_constant(eo_op_result(op, 0));
}

static eo_walk_result
seed_post(eo_op *op, void *ud)
{
    driver *d = ud;
    if (is_constant_op(op) && !insert_known_constant(d, op))
        return EO_WALK_ADVANCE;
    wl_push(d, op);
    return EO_WALK_ADVANCE;
}

/* Next op after 'op' in a pre-order walk of 'top' (descending into op's
 * regions if 'descend'), or NULL when the walk is done. */
static eo_op *
preorder_next(eo_op *op, const eo_op *top, bool descend)
{
    if (descend)
        for (size_t r = 0; r < eo_op_num_regions(op); r++)
            for (eo_block *b = eo_region_first(eo_op_region(op, r)); b;
                 b = eo_block_next(b))
                if (eo_block_first(b))
                    return eo_block_first(b);
    while (op != top) {
        if (eo_op_next(op))
            return eo_op_next(op);
        eo_block *b = eo_op_block(op);
        for (eo_block *nb = eo_block_next(b); nb; nb = eo_block_next(nb))
            if (eo_block_first(nb))
                return eo_block_first(nb);
        eo_region *r = eo_block_region(b);
        eo_op *parent = r ? eo_region_parent_op(r) : NULL;
        if (!parent)
            return NULL;
        for (size_t i = eo_region_index(r) + 1;
             i < eo_op_num_regions(parent); i++)
            for (eo_block *nb = eo_region_first(eo_op_region(parent, i)); nb;
                 nb = eo_block_next(nb))
                if (eo_block_first(nb))
                    return eo_block_first(nb);
        op = parent;
    }
    return NULL;
}

static eo_walk_result
count_op(eo_op *op, void *ud)
{
    (void)op;
    ++*(size_t *)ud;
    return EO_WALK_ADVANCE;
}

/* Sizes the (empty) worklist for the scope's ops up front: growing it
 * while seeding would keep old and new arrays. */
static eo_status
seed_reserve(driver *d)
{
    size_t n = 0;
    for (eo_block *b = eo_region_first(d->scope); b; b = eo_block_next(b))
        for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op))
            (void)eo_op_walk(op, EO_WALK_PRE, count_op, &n);
    if (n > d->cap) {
        eo_op **nl = eo_ctx_alloc(d->ctx, n * sizeof(*nl));
        if (!nl)
            return EO_NOMEM;
        eo_ctx_free(d->ctx, d->list, d->cap * sizeof(*d->list));
        d->list = nl;
        d->cap = n;
    }
    return ptrset_reserve(&d->in_list, n);
}

/* Pre-order seeding walks by hand: a constant hoisted out of the current
 * subtree must not redirect the walk, so its successor is found first. */
static void
seed(driver *d)
{
    for (eo_block *b = eo_region_first(d->scope); b; b = eo_block_next(b)) {
        eo_op *next;
        for (eo_op *top = eo_block_first(b); top; top = next) {
            next = eo_op_next(top);
            if (d->cfg.bottom_up) {
                eo_op_walk(top, EO_WALK_POST, seed_post, d);
                const_clear(&d->cnest);
                continue;
            }
            eo_op *cur = top;
            while (cur) {
                if (is_constant_op(cur)) {
                    eo_op *after = preorder_next(cur, top, false);
                    if (insert_known_constant(d, cur))
                        wl_push(d, cur);
                    cur = after;
                    continue;
                }
                wl_push(d, cur);
                cur = preorder_next(cur, top, true);
            }
            const_clear(&d->cnest);
        }
    }
    if (!d->cfg.bottom_up)
        wl_reverse(d);
}

/* Materializes fold results and replaces 'op'. Returns true if done. */
static bool
apply_fold(driver *d, eo_op *op, eo_fold_result *res, size_t n)
{
    eo_value *stack[8];
    eo_value **vals = stack;
    if (n > 8) {
        vals = eo_ctx_alloc(d->ctx, n * sizeof(*vals));
        if (!vals) {
            d->status = EO_NOMEM;
            return false;
        }
    }
    const eo_dialect *dl = NULL;
    const eo_dialect_desc *desc = NULL;
    bool ok = true;
    size_t made = 0;
    eo_op *created[8];
    eo_rewriter mrw = d->rw;
    mrw.root = NULL;
    mrw.b.loc = NULL;
    eo_builder_set_before(&mrw.b, op);
    for (size_t i = 0; i < n && ok; i++) {
        if (res[i].value) {
            vals[i] = res[i].value;
            continue;
        }
        if (!desc) {
            dl = op_dialect_key(op);
            desc = dl ? eo_dialect_get_desc(dl) : NULL;
        }
        eo_op *c = desc && desc->materialize_constant
                       ? desc->materialize_constant(&mrw, res[i].attr,
                                                    eo_value_type(
                                                        eo_op_result(op, i)),
                                                    eo_op_loc(op))
                       : NULL;
        if (!c) {
            ok = false;
            break;
        }
        if (made < 8)
            created[made] = c;
        made++;
        if (!eo_op_has_trait(c, EO_CONSTANT_LIKE) ||
            eo_op_num_results(c) != 1 ||
            eo_value_type(eo_op_result(c, 0))
                != eo_value_type(eo_op_result(op, i))) {
            (void)eo_op_error(c, "materialized constant of '%s' is not a "
                              "constant-like op of the result's type",
                              eo_op_name_str(op));
            d->status = EO_ERROR;
            ok = false;
            break;
        }
        vals[i] = eo_op_result(c, 0);
    }
    if (ok) {
        eo_rewriter_replace_op(&d->rw, op, vals);
    } else {
        /* Undo: the constants made for earlier results are unused. */
        for (size_t i = 0; i < made && i < 8; i++)
            if (!eo_value_has_uses(eo_op_result(created[i], 0)))
                eo_rewriter_erase_op(&d->rw, created[i]);
    }
    if (vals != stack)
        eo_ctx_free(d->ctx, vals, n * sizeof(*vals));
    return ok;
}

/* Tries the fold hook; returns 1 if the op changed, 0 if not, -1 on
 * error. */
static int
try_fold(driver *d, eo_op *op)
{
    size_t n = eo_op_num_results(op);
    eo_fold_result stack[8];
    eo_fold_result *res = stack;
    if (n > 8) {
        res = eo_ctx_alloc(d->ctx, n * sizeof(*res));
        if (!res) {
            d->status = EO_NOMEM;
            return -1;
        }
    }
    bool folded = false;
    int r = 0;
    if (eo_op_fold(op, res, &folded) != EO_OK) {
        d->status = EO_NOMEM;
        r = -1;
    } else if (folded) {
        bool in_place = true;
        for (size_t i = 0; i < n; i++)
            if (res[i].value || res[i].attr)
                in_place = false;
        if (in_place) {
            d->dirty = true;
            add_to_worklist(d, op);
            r = 1;
        } else {
            r = apply_fold(d, op, res, n) ? 1 : 0;
        }
    }
    if (res != stack)
        eo_ctx_free(d->ctx, res, n * sizeof(*res));
    return d->status != EO_OK ? -1 : r;
}

/* Patterns for 'op' and any-op patterns, merged by benefit (rooted ones
 * first on ties). Returns 1 if one applied, 0 if none, -1 on error. */
static int
try_patterns(driver *d, eo_op *op)
{
    const pat_list *pl = patterns_for(d->ps, op);
    const pat_list *any = &d->ps->any;
    size_t i = 0, j = 0, ni = pl ? pl->n : 0, nj = any->n;
    while (i < ni || j < nj) {
        const eo_pattern *p;
        if (i < ni && (j >= nj || pl->v[i]->benefit >= any->v[j]->benefit))
            p = pl->v[i++];
        else
            p = any->v[j++];
        d->rw.root = op;
        d->rw.b.loc = NULL;
        eo_builder_set_before(&d->rw.b, op);
        eo_rewrite_result r = p->match_and_rewrite(p, op, &d->rw);
        d->rw.root = NULL;
        if (r == EO_REWRITE_FAILED)
            return -1;
        if (r == EO_REWRITE_APPLIED)
            return 1;
    }
    return 0;
}

/* Processes the worklist; returns whether anything changed. Stops with
 * d->status set on error. */
static bool
process(driver *d, size_t budget)
{
    bool changed = false;
    size_t rewrites = 0;
    eo_op *op;
    while ((op = wl_pop(d))) {
        if (d->status != EO_OK)
            return changed;
        if (rewrites >= budget) {
            changed = true;     /* cut short: not converged this round */
            break;
        }
        if (d->cfg.remove_dead && eo_op_is_trivially_dead(op)) {
            eo_rewriter_erase_op(&d->rw, op);
            changed = true;
            rewrites++;
            continue;
        }
        if (d->cfg.fold && !eo_op_has_trait(op, EO_CONSTANT_LIKE)) {
            int f = try_fold(d, op);
            if (f < 0)
                return changed;
            if (f > 0) {
                changed = true;
                rewrites++;
                continue;
            }
        }
        int p = try_patterns(d, op);
        if (p < 0) {
            if (d->status == EO_OK)
                d->status = EO_ERROR;
            return changed;
        }
        if (p > 0) {
            changed = true;
            rewrites++;
        }
    }
    return changed;
}

/* ------------------------------------------------------------------ */
/* Block merging (region-simplify=aggressive)                          */
/* ------------------------------------------------------------------ */

/* MLIR's mergeIdenticalBlocks and dropRedundantArguments (19.x), run
 * after the normal simplification when the level is aggressive. A
 * branch is "updatable" (MLIR: a BranchOpInterface terminator) when its
 * op has a successor_operands hook and its successor operands are the
 * trailing operands (one successor) or laid out by operand segments (see
 * 'layout'): then successor operands can be appended and erased. */

/* A control-flow edge: successor 'succ' of terminator 'term'. */
typedef struct cf_edge {
    eo_op *term;
    size_t succ;
} cf_edge;

typedef struct merger {
    eo_ctx *ctx;
    eo_rewriter *rw;
    cf_edge *edges;           /* scratch: predecessors of one block */
    size_t nedges, cap_edges;
    eo_ptrmap lorder, rorder; /* op -> position, leader / candidate */
    eo_status st;
} merger;

static bool
m_grow(merger *m, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need)
        nc *= 2;
    void *n = eo_ctx_alloc(m->ctx, nc * elem);
    if (!n) {
        m->st = EO_NOMEM;
        return false;
    }
    if (*arr) {
        memcpy(n, *arr, *cap * elem);
        eo_ctx_free(m->ctx, *arr, *cap * elem);
    }
    *arr = n;
    *cap = nc;
    return true;
}

/* The successor operand range of successor 'i' of 't' (hook required). */
static void
succ_range(eo_op *t, size_t i, size_t *first, size_t *count)
{
    unsigned f = 0, c = 0;
    eo_op_get_def(t)->successor_operands(t, (unsigned)i, &f, &c);
    *first = f;
    *count = c;
}

#define MAX_SEGS 16
#define MAX_SUB 64

/* How the successor operands of a branch with operand segment sizes are
 * laid out: successor i < sub_first takes whole segment seg[i] (distinct
 * segments, in order, each the first free one with the successor's
 * range: empty segments may share a start); successors from sub_first on
 * split segment sub_seg in order, their sizes listed by the dense i32
 * array property 'sub' (cf.switch's case_operand_segments). */
typedef struct layout {
    size_t seg[MAX_SEGS];
    size_t sub_first, sub_seg;
    const eo_named_attr *sub;
} layout;

/* Fills 'L' for branch 't' (segment sizes present); false when its
 * successor operands are not laid out so. */
static bool
branch_layout(eo_op *t, layout *L)
{
    size_t ns = eo_op_num_successors(t);
    const eo_attr *seg = eo_op_attr(t, "operandSegmentSizes");
    if (!seg || eo_attr_get_kind(seg) != EO_ATTR_DENSE_ARRAY ||
        eo_attr_dense_array_size(seg) > MAX_SEGS)
        return false;
    L->sub = NULL;
    const eo_attr *props = eo_op_props(t);
    for (size_t i = 0; props && i < eo_attr_dict_size(props); i++) {
        const eo_named_attr *na = eo_attr_dict_at(props, i);
        if (na->value == seg ||
            eo_attr_get_kind(na->value) != EO_ATTR_DENSE_ARRAY)
            continue;
        const eo_type *et = eo_attr_dense_array_elem(na->value);
        if (L->sub || !eo_type_is_int(et) || eo_type_int_width(et) != 32 ||
            eo_attr_dense_array_size(na->value) > MAX_SUB ||
            eo_attr_dense_array_size(na->value) > ns)
            return false;
        L->sub = na;
    }
    size_t k = L->sub ? eo_attr_dense_array_size(L->sub->value) : 0;
    L->sub_first = ns - k;
    if (L->sub_first > MAX_SEGS)
        return false;
    uint32_t used = 0;
    size_t start, len, first, count;
    for (size_t i = 0; i < L->sub_first; i++) {
        size_t s = 0;
        succ_range(t, i, &first, &count);
        while (eo_op_operand_segment(t, s, &start, &len) &&
               (((used >> s) & 1) || start != first || len != count))
            s++;
        if (!eo_op_operand_segment(t, s, &start, &len))
            return false;
        used |= 1u << s;
        L->seg[i] = s;
    }
    if (!L->sub)
        return true;
    /* The split segment: the first free one whose start is the first
     * split successor's and whose size is the sum of the array. */
    size_t sum = 0, pos;
    for (size_t j = 0; j < k; j++) {
        int64_t v = eo_attr_dense_array_int(L->sub->value, j);
        if (v < 0)
            return false;
        sum += (size_t)v;
    }
    if (k) {
        succ_range(t, L->sub_first, &pos, &count);
    } else {
        return true;
    }
    size_t s = 0;
    while (eo_op_operand_segment(t, s, &start, &len) &&
           (((used >> s) & 1) || start != pos || len != sum))
        s++;
    if (!eo_op_operand_segment(t, s, &start, &len))
        return false;
    L->sub_seg = s;
    for (size_t j = 0; j < k; j++) {
        succ_range(t, L->sub_first + j, &first, &count);
        if (first != pos ||
            count != (size_t)eo_attr_dense_array_int(L->sub->value, j))
            return false;
        pos += count;
    }
    return true;
}

/* Whether terminator 't' is an updatable branch (see above). */
static bool
branch_updatable(eo_op *t)
{
    const eo_op_def *d = t ? eo_op_get_def(t) : NULL;
    if (!d || !d->successor_operands)
        return false;
    size_t ns = eo_op_num_successors(t);
    if (!eo_op_has_trait(t, EO_ATTR_SIZED_OPERANDS)) {
        size_t first, count;
        if (ns != 1)
            return false;
        succ_range(t, 0, &first, &count);
        return first + count == eo_op_num_operands(t);
    }
    layout L;
    return branch_layout(t, &L);
}

/* Adds 'delta' to entry 'i' of dense i32 array property 'name' of 't'. */
static eo_status
bump_array(eo_op *t, const char *name, size_t i, int32_t delta)
{
    const eo_attr *a = eo_op_attr(t, name);
    size_t n = a ? eo_attr_dense_array_size(a) : 0;
    int32_t buf[MAX_SUB];
    if (EO_NEVER(n > MAX_SUB || i >= n))
        return EO_ERROR;
    for (size_t j = 0; j < n; j++)
        buf[j] = (int32_t)eo_attr_dense_array_int(a, j);
    buf[i] += delta;
    const eo_attr *na = eo_attr_get_dense_array(
        eo_op_ctx(t), eo_attr_dense_array_elem(a), n, buf);
    if (!na)
        return EO_NOMEM;
    return eo_op_set_attr(t, name, na);
}

/* Resizes the successor operands of successor 'si' of updatable branch
 * 't' by 'delta' in its segment sizes (before the operands change). */
static eo_status
resize_succ(eo_op *t, size_t si, int32_t delta)
{
    if (!eo_op_has_trait(t, EO_ATTR_SIZED_OPERANDS))
        return EO_OK;
    layout L;
    if (EO_NEVER(!branch_layout(t, &L)))
        return EO_ERROR;
    if (si < L.sub_first)
        return bump_array(t, "operandSegmentSizes", L.seg[si], delta);
    /* Copy the name: setting the property replaces the dictionary. */
    const char *sub = eo_ident_str(L.sub->name);
    eo_status st = bump_array(t, "operandSegmentSizes", L.sub_seg, delta);
    if (st == EO_OK)
        st = bump_array(t, sub, si - L.sub_first, delta);
    return st;
}

/* Appends 'n' values to the operands of successor 'si' of the updatable
 * branch 't'. */
static eo_status
append_succ_operands(eo_op *t, size_t si, eo_value *const *vals, size_t n)
{
    size_t first, count;
    succ_range(t, si, &first, &count);
    if (n == 0)
        return EO_OK;
    eo_status st = resize_succ(t, si, (int32_t)n);
    for (size_t j = 0; j < n && st == EO_OK; j++)
        st = eo_op_insert_operand(t, first + count + j, vals[j]);
    return st;
}

/* Erases operand 'k' of the successor operands of successor 'si' of the
 * updatable branch 't'. */
static eo_status
erase_succ_operand(eo_op *t, size_t si, size_t k)
{
    size_t first, count;
    succ_range(t, si, &first, &count);
    if (EO_NEVER(k >= count))
        return EO_ERROR;
    eo_status st = resize_succ(t, si, -1);
    if (st == EO_OK)
        eo_op_erase_operand(t, first + k);
    return st;
}

/* For region DCE (pass_dce.c may use these, as MLIR's does any
 * BranchOpInterface): whether the successor operands of terminator 't'
 * can be erased one by one, and the erasure of operand 'k' of successor
 * 'si' (EO_ERROR, nothing changed, when 't' is not updatable). */
EO_HIDDEN bool eo_branch_updatable(eo_op *t);
EO_HIDDEN eo_status eo_branch_erase_succ_operand(eo_op *t, size_t si,
                                                 size_t k);

bool
eo_branch_updatable(eo_op *t)
{
    return branch_updatable(t);
}

eo_status
eo_branch_erase_succ_operand(eo_op *t, size_t si, size_t k)
{
    if (!branch_updatable(t) || si >= eo_op_num_successors(t))
        return EO_ERROR;
    size_t first, count;
    succ_range(t, si, &first, &count);
    if (k >= count)
        return EO_ERROR;
    return erase_succ_operand(t, si, k);
}

/* Collects into m->edges the edges of region 'r' that lead to 'b'. */
static bool
collect_preds(merger *m, eo_region *r, eo_block *b)
{
    m->nedges = 0;
    for (eo_block *p = eo_region_first(r); p; p = eo_block_next(p)) {
        eo_op *t = eo_block_last(p);
        if (!t)
            continue;
        for (size_t i = 0; i < eo_op_num_successors(t); i++) {
            if (eo_op_successor(t, i) != b)
                continue;
            if (!m_grow(m, (void **)&m->edges, &m->cap_edges,
                        m->nedges + 1, sizeof(*m->edges)))
                return false;
            m->edges[m->nedges++] = (cf_edge){ t, i };
        }
    }
    return true;
}

/* Whether every predecessor of 'b' is an updatable branch. */
static bool
preds_updatable(merger *m, eo_block *b)
{
    if (!collect_preds(m, eo_block_region(b), b))
        return false;
    for (size_t i = 0; i < m->nedges; i++)
        if (!branch_updatable(m->edges[i].term))
            return false;
    return true;
}

/* Whether 'v' has a user outside block 'b' (MLIR's isUsedOutsideOfBlock:
 * the user's own block). */
static bool
used_outside(const eo_value *v, const eo_block *b)
{
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u))
        if (eo_op_block(eo_use_owner(u)) != b)
            return true;
    return false;
}

/* Whether 'v' may be passed as a successor operand to the merged block:
 * not a result of the terminator of a predecessor of 'b'. */
static bool
valid_successor_arg(merger *m, eo_block *b, eo_value *v)
{
    eo_op *def = eo_value_def_op(v);
    eo_block *vb = eo_value_owner_block(v);
    if (!def || !vb || def != eo_block_last(vb) || !eo_op_is_terminator(def))
        return true;
    for (eo_block *p = eo_region_first(eo_block_region(b)); p;
         p = eo_block_next(p)) {
        eo_op *t = eo_block_last(p);
        if (p != vb || !t)
            continue;
        for (size_t i = 0; i < eo_op_num_successors(t); i++)
            if (eo_op_successor(t, i) == b)
                return false;
    }
    (void)m;
    return true;
}

/* Fills 'map' with op -> position (MLIR's BlockEquivalenceData order:
 * arguments first, then each result; recorded per op for ops with
 * results). */
static bool
fill_order(merger *m, eo_ptrmap *map, eo_block *b)
{
    eo_ptrmap_clear(map);
    size_t order = eo_block_num_args(b);
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
        size_t n = eo_op_num_results(o);
        if (!n)
            continue;
        if (eo_ptrmap_put(map, o, order, NULL) != EO_OK) {
            m->st = EO_NOMEM;
            return false;
        }
        order += n;
    }
    return true;
}

static size_t
order_of(const eo_ptrmap *map, const eo_value *v)
{
    size_t pos = 0;
    if (eo_value_is_block_arg(v))
        return eo_value_index(v);
    if (!eo_ptrmap_get(map, eo_value_def_op(v), &pos))
        return SIZE_MAX;
    return pos + eo_value_index(v);
}

/* A mismatched operand: operand 'operand' of the op at 'op_index'. */
typedef struct merge_operand {
    size_t op_index, operand;
} merge_operand;

typedef struct cluster {
    eo_block *leader;
    eo_block **blocks;        /* merged into the leader */
    size_t nblocks, cap_blocks;
    merge_operand *ops;       /* sorted, unique */
    size_t nops, cap_ops;
} cluster;

/* Same op up to operands (OperationEquivalence::isEquivalentTo with
 * ignored value equivalence and locations; regions are empty here). */
static bool
same_op_shape(const eo_op *a, const eo_op *b)
{
    if (eo_op_name(a) != eo_op_name(b) || eo_op_props(a) != eo_op_props(b) ||
        eo_op_discardable_attrs(a) != eo_op_discardable_attrs(b) ||
        eo_op_num_operands(a) != eo_op_num_operands(b) ||
        eo_op_num_results(a) != eo_op_num_results(b) ||
        eo_op_num_regions(a) != eo_op_num_regions(b) ||
        eo_op_num_successors(a) != eo_op_num_successors(b))
        return false;
    for (size_t i = 0; i < eo_op_num_results(a); i++)
        if (eo_value_type(eo_op_result(a, i)) !=
            eo_value_type(eo_op_result(b, i)))
            return false;
    return true;
}

/* Adds (op_index, operand) to the cluster's sorted set. */
static bool
add_merge_operand(merger *m, cluster *c, size_t op_index, size_t operand)
{
    size_t i = c->nops;
    while (i > 0 && (c->ops[i - 1].op_index > op_index ||
                     (c->ops[i - 1].op_index == op_index &&
                      c->ops[i - 1].operand > operand)))
        i--;
    if (i > 0 && c->ops[i - 1].op_index == op_index &&
        c->ops[i - 1].operand == operand)
        return true;
    if (!m_grow(m, (void **)&c->ops, &c->cap_ops, c->nops + 1,
                sizeof(*c->ops)))
        return false;
    memmove(c->ops + i + 1, c->ops + i, (c->nops - i) * sizeof(*c->ops));
    c->ops[i] = (merge_operand){ op_index, operand };
    c->nops++;
    return true;
}

/* MLIR's BlockMergeCluster::addToCluster: whether 'b' is identical to
 * the leader up to operands defined outside both blocks (recorded). */
static bool
add_to_cluster(merger *m, cluster *c, eo_block *b)
{
    eo_block *lb = c->leader;
    size_t nargs = eo_block_num_args(lb);
    if (nargs != eo_block_num_args(b))
        return false;
    for (size_t i = 0; i < nargs; i++)
        if (eo_value_type(eo_block_arg(lb, i)) !=
            eo_value_type(eo_block_arg(b, i)))
            return false;
    if (!fill_order(m, &m->lorder, lb) || !fill_order(m, &m->rorder, b))
        return false;
    size_t mark = c->nops;
    merge_operand pending[64];
    size_t npending = 0;
    eo_op *l = eo_block_first(lb), *r = eo_block_first(b);
    size_t opi = 0;
    bool ok = true;
    for (; ok && l && r; l = eo_op_next(l), r = eo_op_next(r), opi++) {
        if (!same_op_shape(l, r)) {
            ok = false;
            break;
        }
        for (size_t k = 0; ok && k < eo_op_num_operands(l); k++) {
            eo_value *lv = eo_op_operand(l, k), *rv = eo_op_operand(r, k);
            if (lv == rv)
                continue;
            if (!lv || !rv || eo_value_type(lv) != eo_value_type(rv)) {
                ok = false;
                break;
            }
            bool lin = eo_value_owner_block(lv) == lb;
            bool rin = eo_value_owner_block(rv) == b;
            if (lin != rin) {
                ok = false;
            } else if (!lin) {
                if (!valid_successor_arg(m, lb, lv) ||
                    !valid_successor_arg(m, b, rv) ||
                    npending == sizeof pending / sizeof *pending)
                    ok = false;
                else
                    pending[npending++] = (merge_operand){ opi, k };
            } else {
                size_t lo = order_of(&m->lorder, lv);
                ok = lo != SIZE_MAX && lo == order_of(&m->rorder, rv);
            }
        }
        for (size_t k = 0; ok && k < eo_op_num_results(l); k++)
            if (used_outside(eo_op_result(l, k), lb) ||
                used_outside(eo_op_result(r, k), b))
                ok = false;
    }
    if (!ok || l || r || m->st != EO_OK)
        return false;
    for (size_t i = 0; i < npending; i++)
        if (!add_merge_operand(m, c, pending[i].op_index,
                               pending[i].operand))
            return false;
    if (!m_grow(m, (void **)&c->blocks, &c->cap_blocks, c->nblocks + 1,
                sizeof(*c->blocks))) {
        c->nops = mark;
        return false;
    }
    c->blocks[c->nblocks++] = b;
    return true;
}

/* Erases block 'b' (no value of it is used outside it) and its ops. */
static void
erase_block_ops(eo_rewriter *rw, eo_block *b)
{
    for (eo_op *o = eo_block_last(b); o; o = eo_op_prev(o))
        for (size_t i = 0; i < eo_op_num_operands(o); i++)
            eo_op_set_operand(o, i, NULL);
    while (eo_block_last(b))
        eo_rewriter_erase_op(rw, eo_block_last(b));
    eo_block_destroy(b);
}

/* MLIR's pruneRedundantArguments: new argument j of the leader 'lb'
 * (the last 'no' ones) whose value in the leader's list vals[0..no) first
 * appears at k < j, and whose values in every other list i equal that
 * list's value at k, is replaced by argument k and erased; the lists
 * (rows of 'no' in 'vals', 'nb' of them) are compacted in place. Returns
 * the number of arguments kept. */
static size_t
prune_new_args(merger *m, eo_block *lb, eo_value **vals, size_t nb,
               size_t no)
{
    size_t nold = eo_block_num_args(lb) - no;
    size_t *repl = eo_ctx_alloc(m->ctx, no * sizeof(*repl));
    if (!repl) {
        m->st = EO_NOMEM;
        return 0;
    }
    for (size_t j = 0; j < no; j++) {
        size_t k = 0;
        while (vals[k] != vals[j])
            k++;
        repl[j] = j;
        if (k == j)
            continue;
        bool same = true;
        for (size_t i = 1; i < nb && same; i++)
            same = vals[i * no + k] == vals[i * no + j];
        if (same)
            repl[j] = k;
    }
    size_t keep = 0;
    for (size_t j = 0; j < no; j++) {
        if (repl[j] != j)
            continue;
        for (size_t i = 0; i < nb; i++)
            vals[i * no + keep] = vals[i * no + j];
        keep++;
    }
    for (size_t j = 0; j < no; j++)
        if (repl[j] != j)
            eo_rewriter_replace_all_uses(m->rw, eo_block_arg(lb, nold + j),
                                         eo_block_arg(lb, nold + repl[j]));
    for (size_t j = no; j-- > 0 && m->st == EO_OK;)
        if (repl[j] != j && eo_block_erase_arg(lb, nold + j) != EO_OK)
            m->st = EO_ERROR;
    eo_ctx_free(m->ctx, repl, no * sizeof(*repl));
    return keep;
}

/* MLIR's BlockMergeCluster::merge. *merged says whether it did. */
static eo_status
merge_cluster(merger *m, cluster *c, bool *merged)
{
    *merged = false;
    if (!c->nblocks)
        return EO_OK;
    eo_block *lb = c->leader;
    eo_region *r = eo_block_region(lb);
    size_t nb = c->nblocks + 1, no = c->nops;
    eo_value **vals = NULL;
    eo_op **it = NULL;
    eo_status st = EO_OK;
    if (no) {
        if (!preds_updatable(m, lb))
            return m->st;
        for (size_t i = 0; i < c->nblocks; i++)
            if (!preds_updatable(m, c->blocks[i]))
                return m->st;
        vals = eo_ctx_alloc(m->ctx, nb * no * sizeof(*vals));
        it = eo_ctx_alloc(m->ctx, nb * sizeof(*it));
        if (!vals || !it) {
            st = EO_NOMEM;
            goto done;
        }
        for (size_t i = 0; i < nb; i++)
            it[i] = eo_block_first(i ? c->blocks[i - 1] : lb);
        size_t cur = 0;
        for (size_t k = 0; k < no; k++) {
            size_t step = c->ops[k].op_index - cur;
            cur = c->ops[k].op_index;
            for (size_t i = 0; i < nb; i++) {
                for (size_t s = 0; s < step; s++)
                    it[i] = eo_op_next(it[i]);
                eo_value *v = eo_op_operand(it[i], c->ops[k].operand);
                vals[i * no + k] = v;
                if (i == 0) {
                    eo_value *a = eo_block_add_arg(lb, eo_value_type(v),
                                                   eo_value_loc(v));
                    if (!a) {
                        st = EO_NOMEM;
                        goto done;
                    }
                    eo_op_set_operand(it[0], c->ops[k].operand, a);
                }
            }
        }
        size_t keep = prune_new_args(m, lb, vals, nb, no);
        if (m->st != EO_OK) {
            st = m->st;
            goto done;
        }
        for (size_t i = 0; i < nb && st == EO_OK; i++) {
            if (!collect_preds(m, r, i ? c->blocks[i - 1] : lb)) {
                st = m->st;
                break;
            }
            for (size_t e = 0; e < m->nedges && st == EO_OK; e++)
                st = append_succ_operands(m->edges[e].term, m->edges[e].succ,
                                          vals + i * no, keep);
        }
        if (st != EO_OK)
            goto done;
    }
    for (size_t i = 0; i < c->nblocks; i++) {
        eo_block *b = c->blocks[i];
        for (eo_block *p = eo_region_first(r); p; p = eo_block_next(p)) {
            eo_op *t = eo_block_last(p);
            for (size_t s = 0; t && s < eo_op_num_successors(t); s++)
                if (eo_op_successor(t, s) == b)
                    eo_op_set_successor(t, s, lb);
        }
        erase_block_ops(m->rw, b);
    }
    *merged = true;
done:
    eo_ctx_free(m->ctx, vals, nb * no * sizeof(*vals));
    eo_ctx_free(m->ctx, it, nb * sizeof(*it));
    return st;
}

/* Whether two blocks' terminators have the same successor list. */
static bool
same_successors(const eo_block *a, const eo_block *b)
{
    const eo_op *ta = eo_block_last(a), *tb = eo_block_last(b);
    size_t na = ta ? eo_op_num_successors(ta) : 0;
    size_t nb = tb ? eo_op_num_successors(tb) : 0;
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (eo_op_successor(ta, i) != eo_op_successor(tb, i))
            return false;
    return true;
}

/* Whether an op of 'b' has a non-empty region. */
static bool
has_nonempty_region(const eo_block *b)
{
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
        for (size_t i = 0; i < eo_op_num_regions(o); i++)
            if (!eo_region_empty(eo_op_region(o, i)))
                return true;
    return false;
}

static int
cmp_keyed(const void *x, const void *y)
{
    const size_t *a = x, *b = y;   /* pairs: key, index */
    if (a[0] != b[0])
        return a[0] < b[0] ? -1 : 1;
    return a[1] < b[1] ? -1 : a[1] > b[1];
}

static void
clusters_free(merger *m, cluster *cs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        eo_ctx_free(m->ctx, cs[i].blocks,
                    cs[i].cap_blocks * sizeof(*cs[i].blocks));
        eo_ctx_free(m->ctx, cs[i].ops, cs[i].cap_ops * sizeof(*cs[i].ops));
    }
}

/* Merges the blocks of one successor group blocks[0..n) (region order);
 * MLIR's per-group loop of mergeIdenticalBlocks. */
static eo_status
merge_group(merger *m, eo_block **blocks, size_t n, bool *changed)
{
    cluster *cs = NULL;
    size_t ncs = 0, cap = 0;
    eo_status st = EO_OK;
    for (size_t i = 0; i < n && m->st == EO_OK; i++) {
        eo_block *b = blocks[i];
        if (has_nonempty_region(b))
            continue;
        bool ext = false;
        for (size_t k = 0; k < eo_block_num_args(b) && !ext; k++)
            ext = used_outside(eo_block_arg(b, k), b);
        if (ext)
            continue;
        bool added = false;
        for (size_t k = 0; k < ncs && !added && m->st == EO_OK; k++)
            added = add_to_cluster(m, &cs[k], b);
        if (added || m->st != EO_OK)
            continue;
        if (!m_grow(m, (void **)&cs, &cap, ncs + 1, sizeof(*cs)))
            break;
        memset(&cs[ncs], 0, sizeof(*cs));
        cs[ncs++].leader = b;
    }
    st = m->st;
    for (size_t k = 0; k < ncs && st == EO_OK; k++) {
        bool merged = false;
        st = merge_cluster(m, &cs[k], &merged);
        *changed |= merged;
    }
    clusters_free(m, cs, ncs);
    eo_ctx_free(m->ctx, cs, cap * sizeof(*cs));
    return st;
}

/* mergeIdenticalBlocks on region 'r' alone, once. */
static eo_status
merge_region_once(merger *m, eo_region *r, bool *changed)
{
    eo_block *entry = eo_region_first(r);
    if (!entry || !eo_block_next(entry))
        return EO_OK;
    size_t na = eo_region_num_blocks(r) - 1, n = na;
    eo_block **blocks = eo_ctx_alloc(m->ctx, n * sizeof(*blocks));
    size_t *keys = eo_ctx_alloc(m->ctx, 2 * na * sizeof(*keys));
    eo_block **group = eo_ctx_alloc(m->ctx, na * sizeof(*group));
    eo_status st = EO_OK;
    if (!blocks || !keys || !group) {
        st = EO_NOMEM;
        goto done;
    }
    size_t i = 0;
    for (eo_block *b = eo_block_next(entry); b && i < n; b = eo_block_next(b)) {
        eo_op *t = eo_block_last(b);
        size_t h = 0x9e3779b97f4a7c15u;
        for (size_t s = 0; t && s < eo_op_num_successors(t); s++)
            h = (h ^ ptr_hash(eo_op_successor(t, s))) * 0x100000001b3u;
        h ^= t ? eo_op_num_successors(t) : 0;
        blocks[i] = b;
        keys[2 * i] = h;
        keys[2 * i + 1] = i;
        i++;
    }
    n = i;
    qsort(keys, n, 2 * sizeof(*keys), cmp_keyed);
    /* Groups are fixed before any merge (MLIR builds its map first): a
     * run of equal keys is split by exact successor lists, each part
     * kept in region order. */
    bool *taken = n ? eo_ctx_alloc(m->ctx, n * sizeof(*taken)) : NULL;
    if (n && !taken) {
        st = EO_NOMEM;
        goto done;
    }
    for (size_t s = 0; s < n && st == EO_OK;) {
        size_t e = s + 1;
        while (e < n && keys[2 * e] == keys[2 * s])
            e++;
        for (size_t a = s; a < e && st == EO_OK; a++) {
            if (taken[a] || e - s < 2)
                continue;
            size_t ng = 0;
            eo_block *lead = blocks[keys[2 * a + 1]];
            for (size_t b = a; b < e; b++) {
                eo_block *x = blocks[keys[2 * b + 1]];
                if (!taken[b] && same_successors(lead, x)) {
                    taken[b] = true;
                    group[ng++] = x;
                }
            }
            if (ng > 1)
                st = merge_group(m, group, ng, changed);
        }
        s = e;
    }
    eo_ctx_free(m->ctx, taken, n * sizeof(*taken));
done:
    eo_ctx_free(m->ctx, blocks, na * sizeof(*blocks));
    eo_ctx_free(m->ctx, keys, 2 * na * sizeof(*keys));
    eo_ctx_free(m->ctx, group, na * sizeof(*group));
    return st;
}

/* MLIR's dropRedundantArguments on block 'b': an argument that receives
 * the same value from every predecessor (all updatable branches) is
 * replaced by it and erased, with its successor operands. */
static eo_status
drop_redundant_args(merger *m, eo_block *b, bool *changed)
{
    eo_region *r = eo_block_region(b);
    if (!eo_block_num_args(b) || eo_block_is_entry(b))
        return EO_OK;
    if (!collect_preds(m, r, b))
        return m->st;
    if (!m->nedges)
        return EO_OK;
    for (size_t e = 0; e < m->nedges; e++)
        if (!branch_updatable(m->edges[e].term))
            return EO_OK;
    bool any = false;
    size_t nargs = eo_block_num_args(b);
    bool *drop = eo_ctx_alloc(m->ctx, nargs * sizeof(*drop));
    if (!drop)
        return EO_NOMEM;
    for (size_t k = 0; k < nargs; k++) {
        eo_value *common = NULL;
        bool same = true;
        for (size_t e = 0; e < m->nedges && same; e++) {
            size_t first, count;
            succ_range(m->edges[e].term, m->edges[e].succ, &first, &count);
            if (k >= count) {
                same = false;
                break;
            }
            eo_value *v = eo_op_operand(m->edges[e].term, first + k);
            if (!common)
                common = v;
            else if (v != common)
                same = false;
        }
        eo_value *arg = eo_block_arg(b, k);
        if (!same || !common || common == arg)
            continue;
        eo_rewriter_replace_all_uses(m->rw, arg, common);
        drop[k] = true;
        any = true;
    }
    eo_status st = EO_OK;
    for (size_t k = nargs; k-- > 0 && st == EO_OK;) {
        if (!drop[k])
            continue;
        st = eo_block_erase_arg(b, k);
        for (size_t e = 0; e < m->nedges && st == EO_OK; e++)
            st = erase_succ_operand(m->edges[e].term, m->edges[e].succ, k);
    }
    eo_ctx_free(m->ctx, drop, nargs * sizeof(*drop));
    *changed |= any;
    return st;
}

/* Block merging then redundant-argument dropping on 'r' and the regions
 * nested in it (MLIR's worklists, in an order that gives the same
 * result: no merge crosses a region). Recursion follows region nesting,
 * which the parser bounds by EO_MAX_DEPTH. */
static eo_status
merge_regions(merger *m, eo_region *r, bool *changed)
{
    bool again = true;
    eo_status st = EO_OK;
    while (again && st == EO_OK) {
        again = false;
        st = merge_region_once(m, r, &again);
        *changed |= again;
    }
    for (eo_block *b = eo_region_first(r); b && st == EO_OK;
         b = eo_block_next(b))
        for (eo_op *o = eo_block_first(b); o && st == EO_OK;
             o = eo_op_next(o))
            for (size_t i = 0; i < eo_op_num_regions(o) && st == EO_OK; i++)
                st = merge_regions(m, eo_op_region(o, i), changed);
    return st;
}

static eo_status
drop_regions(merger *m, eo_region *r, bool *changed)
{
    eo_status st = EO_OK;
    for (eo_block *b = eo_region_first(r); b && st == EO_OK;
         b = eo_block_next(b)) {
        st = drop_redundant_args(m, b, changed);
        for (eo_op *o = eo_block_first(b); o && st == EO_OK;
             o = eo_op_next(o))
            for (size_t i = 0; i < eo_op_num_regions(o) && st == EO_OK; i++)
                st = drop_regions(m, eo_op_region(o, i), changed);
    }
    return st;
}

/* The aggressive part of simplifyRegions on region 'r' (and nested
 * ones): mergeIdenticalBlocks, then dropRedundantArguments. */
static eo_status
simplify_aggressive(eo_rewriter *rw, eo_region *r, bool *changed)
{
    merger m;
    memset(&m, 0, sizeof(m));
    m.ctx = eo_rewriter_ctx(rw);
    m.rw = rw;
    eo_ptrmap_init(&m.lorder, m.ctx);
    eo_ptrmap_init(&m.rorder, m.ctx);
    eo_status st = merge_regions(&m, r, changed);
    if (st == EO_OK)
        st = m.st;
    if (st == EO_OK)
        st = drop_regions(&m, r, changed);
    if (st == EO_OK)
        st = m.st;
    eo_ptrmap_fini(&m.lorder);
    eo_ptrmap_fini(&m.rorder);
    eo_ctx_free(m.ctx, m.edges, m.cap_edges * sizeof(*m.edges));
    return st;
}

/* One region as MLIR's RegionPatternRewriteDriver::simplify. */
static eo_status
simplify_region(driver *d, eo_op *root, bool *converged)
{
    unsigned max = d->cfg.max_iterations ? d->cfg.max_iterations : 10;
    unsigned iteration = 0;
    bool again = false;
    d->dirty = true;
    do {
        if (++iteration > max)
            break;
        wl_clear(d);
        if (seed_reserve(d) != EO_OK)
            return EO_NOMEM;
        seed(d);
        const_release(d);
        if (d->status != EO_OK)
            return d->status;
        /* Legitimate rewriting rarely exceeds a few changes per op; a
         * cycle of patterns would run forever inside one iteration, so
         * an iteration is cut short after this many and counted. */
        size_t budget = d->cfg.max_rewrites ? d->cfg.max_rewrites
                                            : 16 * d->len + 4096;
        again = process(d, budget);
        if (d->status != EO_OK)
            return d->status;
        /* Simplifying IR that has not changed since the last time finds
         * nothing: skip it (the last, confirming iteration). */
        if (d->cfg.region_simplify && d->dirty) {
            bool simplified = false;
            d->dirty = false;
            eo_status st = eo_simplify_regions(&d->rw, root, d->scope,
                                               &simplified);
            if (st == EO_OK && d->merge_blocks)
                st = simplify_aggressive(&d->rw, d->scope, &simplified);
            if (st != EO_OK)
                return st;
            d->dirty = simplified;
            again |= simplified;
        }
        d->changed |= again;
    } while (again);
    *converged = !again;
    return EO_OK;
}

static eo_status
apply_greedily(eo_op *op, const eo_pattern_set *ps,
               const eo_greedy_config *cfg, bool merge_blocks,
               const eo_knob_provider *knobs, bool *changed)
{
    driver d;
    memset(&d, 0, sizeof(d));
    d.ctx = eo_op_ctx(op);
    d.merge_blocks = merge_blocks;
    d.ps = ps;
    if (cfg)
        d.cfg = *cfg;
    else
        eo_greedy_config_init(&d.cfg);
    d.listener.inserted = on_inserted;
    d.listener.erasing = on_erasing;
    d.listener.modified = on_modified;
    d.listener.ud = &d;
    eo_rewriter_init(&d.rw, d.ctx, &d.listener, knobs);
    d.in_list.ctx = d.ctx;
    d.dirty = true;
    eo_status st = EO_OK;
    bool all_converged = true;
    for (size_t r = 0; r < eo_op_num_regions(op) && st == EO_OK; r++) {
        d.scope = eo_op_region(op, r);
        bool converged = true;
        st = simplify_region(&d, op, &converged);
        all_converged &= converged;
    }
    eo_ctx_free(d.ctx, d.list, d.cap * sizeof(*d.list));
    const_release(&d);
    ptrset_fini(&d.in_list);
    if (changed)
        *changed = d.changed;
    unsigned max = d.cfg.max_iterations ? d.cfg.max_iterations : 10;
    if (st == EO_OK && !all_converged && d.cfg.warn_nonconvergence)
        eo_emit_warning(d.ctx, eo_op_loc(op), "greedy pattern application "
                        "did not converge after %u iterations", max);
    else if (st == EO_OK && !all_converged)
        st = eo_op_error(op, "greedy pattern application did not converge "
                         "after %u iterations", max);
    return st;
}

eo_status
eo_apply_patterns_greedily(eo_op *op, const eo_pattern_set *ps,
                           const eo_greedy_config *cfg,
                           const eo_knob_provider *knobs, bool *changed)
{
    return apply_greedily(op, ps, cfg, false, knobs, changed);
}

eo_status
eo_apply_patterns_greedily_aggressive(eo_op *op, const eo_pattern_set *ps,
                                      const eo_greedy_config *cfg,
                                      const eo_knob_provider *knobs,
                                      bool *changed)
{
    return apply_greedily(op, ps, cfg, true, knobs, changed);
}

/* rewrite/pass_cse.c - common subexpression elimination (MLIR's -cse).
 *
 * Requires: dominance (computed here per multi-block region). Erases ops
 * that are trivially dead when visited and ops equal to one that
 * dominates them. Walks each region along its dominator tree with a
 * scoped hash table of known ops: ops nested in a region see the ops of
 * enclosing regions, except across isolated-from-above ops. Equal means
 * same name, attributes, properties, result types and operands (and, for
 * ops with one single-block region, equivalent bodies); locations are
 * ignored. Pure ops (and ops with recursive effects whose contents are
 * pure) are candidates; ops that only read memory are merged only with an
 * equal op earlier in the same block when no op in between may write.
 */
#include "rewrite/internal.h"

#include <string.h>

typedef struct entry {
    uint64_t hash;
    eo_op *op;                /* NULL: empty slot */
} entry;

/* Undo log record: when the scope closes, 'op' (inserted) goes, and
 * 'shadowed' (if not NULL) comes back. */
typedef struct undo {
    eo_op *op;
    eo_op *shadowed;
    uint64_t hash;
} undo;

/* How far past a reading op the scan for writers has got (MLIR's
 * memEffectsCache, per block). */
typedef struct scan {
    eo_op *until;
    bool write;
} scan;

typedef struct cse {
    eo_ctx *ctx;
    entry *tab;
    size_t cap, count;
    undo *log;
    size_t nlog, cap_log;
    eo_op **erase;            /* erased when the pass ends */
    size_t nerase, cap_erase;
    eo_ptrmap scan_from;      /* reading op -> index into scans */
    scan *scans;
    size_t nscans, cap_scans;
    eo_ptrmap eqmap;          /* region equivalence scratch */
    eo_status st;
    bool changed;
} cse;

/* Grows an arena array of 'elem'-byte items to hold 'need'. */
static bool
grow(cse *c, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    void *n = eo_ctx_alloc(c->ctx, ncap * elem);
    if (!n) {
        c->st = EO_NOMEM;
        return false;
    }
    if (*arr) {
        memcpy(n, *arr, *cap * elem);
        eo_ctx_free(c->ctx, *arr, *cap * elem);
    }
    *arr = n;
    *cap = ncap;
    return true;
}

/* ------------------------------------------------------------------ */
/* Op hashing and equivalence                                          */
/* ------------------------------------------------------------------ */

static uint64_t
mix(uint64_t h, const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

static uint64_t
op_hash(const eo_op *op)
{
    uint64_t h = mix(0x84222325cbf29ce4ull, eo_op_name(op));
    h = mix(h, eo_op_props(op));
    h = mix(h, eo_op_discardable_attrs(op));
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        h = mix(h, eo_value_type(eo_op_result(op, i)));
    if (eo_op_has_trait(op, EO_COMMUTATIVE)) {
        /* Operand order does not matter (OperationEquivalence): combine
         * the operands' hashes with an order-insensitive sum. */
        uint64_t sum = 0;
        for (size_t i = 0; i < eo_op_num_operands(op); i++)
            sum += mix(0, eo_op_operand(op, i));
        h = mix(h, (const void *)(uintptr_t)sum);
    } else {
        for (size_t i = 0; i < eo_op_num_operands(op); i++)
            h = mix(h, eo_op_operand(op, i));
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

/* Name, attributes, properties, counts, result types and successors. */
static bool
same_shape(const eo_op *a, const eo_op *b)
{
    if (eo_op_name(a) != eo_op_name(b) || eo_op_props(a) != eo_op_props(b) ||
        eo_op_discardable_attrs(a) != eo_op_discardable_attrs(b) ||
        eo_op_num_operands(a) != eo_op_num_operands(b) ||
        eo_op_num_results(a) != eo_op_num_results(b) ||
        eo_op_num_regions(a) != eo_op_num_regions(b) ||
        eo_op_num_successors(a) != eo_op_num_successors(b))
        return false;
    for (size_t i = 0; i < eo_op_num_results(a); i++)
        if (eo_value_type(eo_op_result(a, i))
            != eo_value_type(eo_op_result(b, i)))
            return false;
    return true;
}

static bool ops_equivalent(cse *c, const eo_op *a, const eo_op *b,
                           unsigned depth);

/* Equivalence of two regions' contents, mapping a's values and blocks to
 * b's in c->eqmap. */
static bool
regions_equivalent(cse *c, eo_region *ra, eo_region *rb, unsigned depth)
{
    eo_block *ba = eo_region_first(ra), *bb = eo_region_first(rb);
    for (; ba && bb; ba = eo_block_next(ba), bb = eo_block_next(bb)) {
        if (eo_block_num_args(ba) != eo_block_num_args(bb))
            return false;
        if (eo_ptrmap_put(&c->eqmap, ba, (size_t)(uintptr_t)bb, NULL)
            != EO_OK) {
            c->st = EO_NOMEM;
            return false;
        }
        for (size_t i = 0; i < eo_block_num_args(ba); i++) {
            eo_value *x = eo_block_arg(ba, i), *y = eo_block_arg(bb, i);
            if (eo_value_type(x) != eo_value_type(y) ||
                eo_ptrmap_put(&c->eqmap, x, (size_t)(uintptr_t)y, NULL)
                    != EO_OK)
                return false;
        }
    }
    if (ba || bb)
        return false;
    for (ba = eo_region_first(ra), bb = eo_region_first(rb); ba;
         ba = eo_block_next(ba), bb = eo_block_next(bb)) {
        eo_op *oa = eo_block_first(ba), *ob = eo_block_first(bb);
        for (; oa && ob; oa = eo_op_next(oa), ob = eo_op_next(ob)) {
            if (!ops_equivalent(c, oa, ob, depth + 1))
                return false;
            for (size_t i = 0; i < eo_op_num_results(oa); i++)
                if (eo_ptrmap_put(&c->eqmap, eo_op_result(oa, i),
                                  (size_t)(uintptr_t)eo_op_result(ob, i),
                                  NULL) != EO_OK) {
                    c->st = EO_NOMEM;
                    return false;
                }
        }
        if (oa || ob)
            return false;
    }
    return true;
}

static bool
maps_to(cse *c, const void *x, const void *y)
{
    size_t v;
    if (x == y)
        return true;
    return eo_ptrmap_get(&c->eqmap, x, &v) && (const void *)(uintptr_t)v == y;
}

/* Recursion follows region nesting, which the parser bounds by
 * EO_MAX_DEPTH; 'depth' guards IR built by other means. */
static bool
ops_equivalent(cse *c, const eo_op *a, const eo_op *b, unsigned depth)
{
    if (depth > 1000 || !same_shape(a, b))
        return false;
    for (size_t i = 0; i < eo_op_num_operands(a); i++)
        if (!maps_to(c, eo_op_operand(a, i), eo_op_operand(b, i)))
            return false;
    for (size_t i = 0; i < eo_op_num_successors(a); i++)
        if (!maps_to(c, eo_op_successor(a, i), eo_op_successor(b, i)))
            return false;
    for (size_t i = 0; i < eo_op_num_regions(a); i++)
        if (!regions_equivalent(c, eo_op_region(a, i), eo_op_region(b, i),
                                depth))
            return false;
    return true;
}

/* The operands of commutative ops a and b are equal as multisets (both
 * have the same count). Up to 8 operands are matched pairwise; longer
 * lists must match in order, which never merges unequal ops. */
static bool
same_operands_any_order(const eo_op *a, const eo_op *b)
{
    size_t n = eo_op_num_operands(a);
    bool used[8] = { false };
    if (n > 8)
        return false;
    for (size_t i = 0; i < n; i++) {
        size_t j = 0;
        while (j < n && (used[j] ||
                         eo_op_operand(a, i) != eo_op_operand(b, j)))
            j++;
        if (j == n)
            return false;
        used[j] = true;
    }
    return true;
}

/* MLIR's SimpleOperationInfo::isEqual. */
static bool
known_equal(cse *c, const eo_op *a, const eo_op *b)
{
    if (a == b)
        return true;
    if (!same_shape(a, b))
        return false;
    for (size_t i = 0; i < eo_op_num_operands(a); i++)
        if (eo_op_operand(a, i) != eo_op_operand(b, i)) {
            if (!eo_op_has_trait(a, EO_COMMUTATIVE) ||
                !same_operands_any_order(a, b))
                return false;
            break;
        }
    for (size_t i = 0; i < eo_op_num_successors(a); i++)
        if (eo_op_successor(a, i) != eo_op_successor(b, i))
            return false;
    if (eo_op_num_regions(a) == 0)
        return true;
    eo_ptrmap_clear(&c->eqmap);
    for (size_t i = 0; i < eo_op_num_regions(a); i++)
        if (!regions_equivalent(c, eo_op_region(a, i), eo_op_region(b, i),
                                0))
            return false;
    return true;
}

/* ------------------------------------------------------------------ */
/* Scoped table                                                        */
/* ------------------------------------------------------------------ */

static size_t
slot_for(cse *c, uint64_t hash, const eo_op *op, bool by_identity)
{
    size_t mask = c->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        entry *e = &c->tab[i];
        if (!e->op)
            return i;
        if (e->hash == hash &&
            (by_identity ? e->op == op : known_equal(c, e->op, op)))
            return i;
    }
}

static eo_op *
lookup(cse *c, eo_op *op, uint64_t hash)
{
    if (!c->count)
        return NULL;
    entry *e = &c->tab[slot_for(c, hash, op, false)];
    return e->op;
}

static bool
rehash(cse *c)
{
    size_t ocap = c->cap;
    entry *old = c->tab;
    size_t ncap = ocap ? ocap * 2 : 256;
    entry *nt = eo_ctx_alloc(c->ctx, ncap * sizeof(*nt));
    if (!nt) {
        c->st = EO_NOMEM;
        return false;
    }
    c->tab = nt;
    c->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].op)
            continue;
        size_t mask = ncap - 1, j = old[i].hash & mask;
        while (nt[j].op)
            j = (j + 1) & mask;
        nt[j] = old[i];
    }
    eo_ctx_free(c->ctx, old, ocap * sizeof(*old));
    return true;
}

/* Inserts 'op', shadowing an equal known op until the scope closes. */
static void
insert(cse *c, eo_op *op, uint64_t hash)
{
    if ((c->count + 1) * 2 > c->cap && !rehash(c))
        return;
    if (!grow(c, (void **)&c->log, &c->cap_log, c->nlog + 1,
              sizeof(*c->log)))
        return;
    entry *e = &c->tab[slot_for(c, hash, op, false)];
    undo *u = &c->log[c->nlog++];
    u->op = op;
    u->hash = hash;
    u->shadowed = e->op;
    if (!e->op)
        c->count++;
    e->hash = hash;
    e->op = op;
}

/* Removes the entry holding exactly 'op' (backward-shift deletion). */
static void
remove_entry(cse *c, eo_op *op, uint64_t hash)
{
    size_t mask = c->cap - 1;
    size_t i = slot_for(c, hash, op, true);
    if (EO_NEVER(!c->tab[i].op))
        return;
    size_t j = i;
    for (;;) {
        j = (j + 1) & mask;
        if (!c->tab[j].op)
            break;
        size_t home = c->tab[j].hash & mask;
        bool between = i <= j ? (i < home && home <= j)
                              : (i < home || home <= j);
        if (between)
            continue;
        c->tab[i] = c->tab[j];
        i = j;
    }
    c->tab[i].op = NULL;
    c->count--;
}

static void
pop_scope(cse *c, size_t mark)
{
    while (c->nlog > mark) {
        undo *u = &c->log[--c->nlog];
        if (u->shadowed) {
            c->tab[slot_for(c, u->hash, u->op, true)].op = u->shadowed;
        } else {
            remove_entry(c, u->op, u->hash);
        }
    }
}

/* ------------------------------------------------------------------ */
/* The walk                                                            */
/* ------------------------------------------------------------------ */

static void
defer_erase(cse *c, eo_op *op)
{
    if (grow(c, (void **)&c->erase, &c->cap_erase, c->nerase + 1,
             sizeof(*c->erase)))
        c->erase[c->nerase++] = op;
    c->changed = true;
}

/* MLIR's hasOtherSideEffectingOpInBetween, with a per-block cache of how
 * far the scan from 'from' got. */
static bool
writer_between(cse *c, eo_op *from, eo_op *to)
{
    size_t idx;
    eo_op *next = eo_op_next(from);
    if (eo_ptrmap_get(&c->scan_from, from, &idx)) {
        if (c->scans[idx].write)
            return true;
        next = c->scans[idx].until;
    } else {
        if (!grow(c, (void **)&c->scans, &c->cap_scans, c->nscans + 1,
                  sizeof(*c->scans)) ||
            eo_ptrmap_put(&c->scan_from, from, c->nscans, NULL) != EO_OK) {
            c->st = EO_NOMEM;
            return true;
        }
        idx = c->nscans++;
    }
    for (; next && next != to; next = eo_op_next(next)) {
        if (eo_op_may_write(next)) {
            c->scans[idx].until = next;
            c->scans[idx].write = true;
            return true;
        }
    }
    c->scans[idx].until = to;
    c->scans[idx].write = false;
    return false;
}

/* Whether any known op is equal to 'op' (MLIR's knownValues.count, used
 * to tell visited users in graph regions). */
static bool
known(cse *c, eo_op *op)
{
    return lookup(c, op, op_hash(op)) != NULL;
}

static void
replace_and_delete(cse *c, eo_op *op, eo_op *existing, bool ssa)
{
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        eo_value *from = eo_op_result(op, i);
        eo_value *to = eo_op_result(existing, i);
        if (ssa) {
            eo_value_replace_all_uses(from, to);
            continue;
        }
        eo_use *u = eo_value_first_use(from);
        while (u) {
            eo_use *next = eo_use_next(u);
            eo_op *owner = eo_use_owner(u);
            if (!known(c, owner))
                eo_op_set_operand(owner, eo_use_operand_index(u), to);
            u = next;
        }
    }
    bool unused = true;
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (eo_value_has_uses(eo_op_result(op, i)))
            unused = false;
    if (unused)
        defer_erase(c, op);
    c->changed = true;
    if (eo_loc_get_kind(eo_op_loc(existing)) == EO_LOC_UNKNOWN &&
        eo_loc_get_kind(eo_op_loc(op)) != EO_LOC_UNKNOWN)
        eo_op_set_loc(existing, eo_op_loc(op));
}

static void
simplify_op(cse *c, eo_op *op, bool ssa)
{
    if (eo_op_is_terminator(op))
        return;
    if (eo_op_is_trivially_dead(op)) {
        defer_erase(c, op);
        return;
    }
    for (size_t i = 0; i < eo_op_num_regions(op); i++)
        if (eo_region_num_blocks(eo_op_region(op, i)) > 1)
            return;
    uint64_t h = op_hash(op);
    if (!eo_op_is_pure(op)) {
        /* Only ops whose sole effect is reading are merged. */
        const eo_op_def *def = eo_op_get_def(op);
        if (!def || !(def->traits & EO_MEM_READ) ||
            (def->traits & EO_RECURSIVE_EFFECTS) || eo_op_may_write(op))
            return;
        eo_op *existing = lookup(c, op, h);
        if (existing && eo_op_block(existing) == eo_op_block(op) &&
            !writer_between(c, existing, op)) {
            replace_and_delete(c, op, existing, ssa);
            return;
        }
        insert(c, op, h);
        return;
    }
    eo_op *existing = lookup(c, op, h);
    if (existing) {
        replace_and_delete(c, op, existing, ssa);
        return;
    }
    insert(c, op, h);
}

static void simplify_region(cse *c, eo_region *r);

/* Recursion follows region nesting (bounded by the parser's
 * EO_MAX_DEPTH). */
static void
simplify_block(cse *c, eo_block *b, bool ssa)
{
    for (eo_op *op = eo_block_first(b); op && c->st == EO_OK;
         op = eo_op_next(op)) {
        size_t nr = eo_op_num_regions(op);
        if (nr) {
            bool isolated = !eo_op_get_def(op) ||
                            eo_op_has_trait(op, EO_ISOLATED_FROM_ABOVE);
            if (isolated) {
                /* A fresh table: hide the outer entries, then restore. */
                entry *saved_tab = c->tab;
                size_t saved_cap = c->cap, saved_count = c->count;
                c->tab = NULL;
                c->cap = c->count = 0;
                size_t mark = c->nlog;
                for (size_t i = 0; i < nr; i++)
                    simplify_region(c, eo_op_region(op, i));
                pop_scope(c, mark);
                eo_ctx_free(c->ctx, c->tab, c->cap * sizeof(*c->tab));
                c->tab = saved_tab;
                c->cap = saved_cap;
                c->count = saved_count;
            } else {
                for (size_t i = 0; i < nr; i++)
                    simplify_region(c, eo_op_region(op, i));
            }
        }
        simplify_op(c, op, ssa);
    }
    /* The writer-scan cache is per block, as MLIR's. */
    eo_ptrmap_clear(&c->scan_from);
    c->nscans = 0;
}

/* Dominator tree of a multi-block region (Cooper, Harvey and Kennedy's
 * iterative algorithm on reverse post-order), then a scoped DFS of it. */
typedef struct dom {
    eo_block **rpo;           /* reachable blocks, reverse post-order */
    size_t n;
    size_t *idom;             /* by rpo index */
    size_t *child_first, *child_next;   /* dominator tree children */
} dom;

#define NONE ((size_t)-1)

static bool
compute_dom(cse *c, eo_region *r, dom *d)
{
    memset(d, 0, sizeof(*d));
    size_t nb = eo_region_num_blocks(r);
    eo_ptrmap index;
    eo_ptrmap_init(&index, c->ctx);
    eo_block **stack = eo_ctx_alloc(c->ctx, nb * sizeof(*stack));
    size_t *nexts = eo_ctx_alloc(c->ctx, nb * sizeof(*nexts));
    eo_block **post = eo_ctx_alloc(c->ctx, nb * sizeof(*post));
    d->rpo = eo_ctx_alloc(c->ctx, nb * sizeof(*d->rpo));
    d->idom = eo_ctx_alloc(c->ctx, nb * sizeof(*d->idom));
    d->child_first = eo_ctx_alloc(c->ctx, nb * sizeof(size_t));
    d->child_next = eo_ctx_alloc(c->ctx, nb * sizeof(size_t));
    bool ok = stack && nexts && post && d->rpo && d->idom &&
              d->child_first && d->child_next;
    size_t np = 0, sp = 0;
    if (ok) {
        eo_block *start = eo_region_first(r);
        ok = eo_ptrmap_put(&index, start, 0, NULL) == EO_OK;
        stack[sp] = start;
        nexts[sp++] = 0;
    }
    while (ok && sp) {
        eo_block *b = stack[sp - 1];
        eo_op *t = eo_block_last(b);
        size_t ns = t ? eo_op_num_successors(t) : 0;
        if (nexts[sp - 1] < ns) {
            eo_block *s = eo_op_successor(t, nexts[sp - 1]++);
            bool existed = true;
            if (s && eo_block_region(s) == r &&
                eo_ptrmap_put(&index, s, 0, &existed) != EO_OK)
                ok = false;
            if (!existed && sp < nb) {
                stack[sp] = s;
                nexts[sp++] = 0;
            }
            continue;
        }
        post[np++] = b;
        sp--;
    }
    if (ok) {
        d->n = np;
        for (size_t i = 0; i < np && ok; i++) {
            d->rpo[i] = post[np - 1 - i];
            ok = eo_ptrmap_put(&index, d->rpo[i], i, NULL) == EO_OK;
        }
    }
    /* Predecessor lists (CSR) over reachable blocks, by rpo index. */
    size_t *pstart = NULL, *preds = NULL, nedges = 0;
    if (ok) {
        for (size_t i = 0; i < np; i++) {
            eo_op *t = eo_block_last(d->rpo[i]);
            nedges += t ? eo_op_num_successors(t) : 0;
        }
        pstart = eo_ctx_alloc(c->ctx, (np + 1) * sizeof(size_t));
        preds = eo_ctx_alloc(c->ctx, (nedges + 1) * sizeof(size_t));
        ok = pstart && preds;
    }
    if (ok) {
        size_t idx;
        for (size_t i = 0; i < np; i++) {
            eo_op *t = eo_block_last(d->rpo[i]);
            for (size_t k = 0; t && k < eo_op_num_successors(t); k++)
                if (eo_ptrmap_get(&index, eo_op_successor(t, k), &idx))
                    pstart[idx + 1]++;
        }
        for (size_t i = 0; i < np; i++)
            pstart[i + 1] += pstart[i];
        size_t *fill = d->child_next;       /* scratch until the tree */
        for (size_t i = 0; i < np; i++)
            fill[i] = pstart[i];
        for (size_t i = 0; i < np; i++) {
            eo_op *t = eo_block_last(d->rpo[i]);
            for (size_t k = 0; t && k < eo_op_num_successors(t); k++)
                if (eo_ptrmap_get(&index, eo_op_successor(t, k), &idx))
                    preds[fill[idx]++] = i;
        }
        for (size_t i = 0; i < np; i++)
            d->idom[i] = NONE;
        d->idom[0] = 0;
        bool changed = true;
        while (changed) {
            changed = false;
            for (size_t bi = 1; bi < np; bi++) {
                size_t new_idom = NONE;
                for (size_t e = pstart[bi]; e < pstart[bi + 1]; e++) {
                    size_t pi = preds[e];
                    if (d->idom[pi] == NONE)
                        continue;
                    if (new_idom == NONE) {
                        new_idom = pi;
                        continue;
                    }
                    size_t f1 = pi, f2 = new_idom;
                    while (f1 != f2) {
                        while (f1 > f2)
                            f1 = d->idom[f1];
                        while (f2 > f1)
                            f2 = d->idom[f2];
                    }
                    new_idom = f1;
                }
                if (new_idom != d->idom[bi]) {
                    d->idom[bi] = new_idom;
                    changed = true;
                }
            }
        }
        for (size_t i = 0; i < np; i++)
            d->child_first[i] = d->child_next[i] = NONE;
        /* Children in reverse so the list ends up in rpo order. */
        for (size_t i = np; i-- > 1;) {
            size_t p = d->idom[i];
            if (p == NONE)
                continue;
            d->child_next[i] = d->child_first[p];
            d->child_first[p] = i;
        }
    }
    eo_ctx_free(c->ctx, pstart, (np + 1) * sizeof(size_t));
    eo_ctx_free(c->ctx, preds, (nedges + 1) * sizeof(size_t));
    eo_ptrmap_fini(&index);
    eo_ctx_free(c->ctx, stack, nb * sizeof(*stack));
    eo_ctx_free(c->ctx, nexts, nb * sizeof(*nexts));
    eo_ctx_free(c->ctx, post, nb * sizeof(*post));
    if (!ok)
        c->st = EO_NOMEM;
    return ok;
}

static void
free_dom(cse *c, eo_region *r, dom *d)
{
    size_t nb = eo_region_num_blocks(r);
    eo_ctx_free(c->ctx, d->rpo, nb * sizeof(*d->rpo));
    eo_ctx_free(c->ctx, d->idom, nb * sizeof(*d->idom));
    eo_ctx_free(c->ctx, d->child_first, nb * sizeof(size_t));
    eo_ctx_free(c->ctx, d->child_next, nb * sizeof(size_t));
}

static void
simplify_region(cse *c, eo_region *r)
{
    eo_block *first = eo_region_first(r);
    if (!first)
        return;
    eo_op *parent = eo_region_parent_op(r);
    bool ssa = !(parent && eo_op_has_trait(parent, EO_GRAPH_REGION));
    if (!eo_block_next(first)) {
        size_t mark = c->nlog;
        simplify_block(c, first, ssa);
        pop_scope(c, mark);
        return;
    }
    if (!ssa)
        return;
    dom d;
    if (!compute_dom(c, r, &d)) {
        free_dom(c, r, &d);
        return;
    }
    /* Iterative DFS over the dominator tree: (node, scope mark). */
    size_t *stk = eo_ctx_alloc(c->ctx, (2 * d.n + 2) * sizeof(size_t));
    size_t sp = 0;
    if (!stk) {
        c->st = EO_NOMEM;
        free_dom(c, r, &d);
        return;
    }
    stk[sp++] = 0;
    stk[sp++] = c->nlog;
    simplify_block(c, d.rpo[0], true);
    size_t *cursor = d.idom;      /* reused: next child to visit */
    for (size_t i = 0; i < d.n; i++)
        cursor[i] = d.child_first[i];
    while (sp && c->st == EO_OK) {
        size_t node = stk[sp - 2];
        size_t child = cursor[node];
        if (child != NONE) {
            cursor[node] = d.child_next[child];
            stk[sp++] = child;
            stk[sp++] = c->nlog;
            simplify_block(c, d.rpo[child], true);
            continue;
        }
        pop_scope(c, stk[sp - 1]);
        sp -= 2;
    }
    eo_ctx_free(c->ctx, stk, (2 * d.n + 2) * sizeof(size_t));
    free_dom(c, r, &d);
}

/* Runs CSE on the regions of 'root'; *changed says whether anything was
 * replaced or erased. */
static eo_status
cse_run(eo_op *root, bool *changed)
{
    cse c;
    memset(&c, 0, sizeof(c));
    c.ctx = eo_op_ctx(root);
    eo_ptrmap_init(&c.scan_from, c.ctx);
    eo_ptrmap_init(&c.eqmap, c.ctx);
    for (size_t i = 0; i < eo_op_num_regions(root) && c.st == EO_OK; i++)
        simplify_region(&c, eo_op_region(root, i));
    for (size_t i = 0; i < c.nerase; i++)
        eo_op_destroy(c.erase[i]);
    eo_ctx_free(c.ctx, c.tab, c.cap * sizeof(*c.tab));
    eo_ctx_free(c.ctx, c.log, c.cap_log * sizeof(*c.log));
    eo_ctx_free(c.ctx, c.erase, c.cap_erase * sizeof(*c.erase));
    eo_ctx_free(c.ctx, c.scans, c.cap_scans * sizeof(*c.scans));
    eo_ptrmap_fini(&c.scan_from);
    eo_ptrmap_fini(&c.eqmap);
    *changed = c.changed;
    return c.st;
}

static eo_status
run_cse(eo_op *root, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    bool changed = false;
    eo_status st = cse_run(root, &changed);
    if (pc && st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

const eo_pass_def eo_pass_cse = {
    .name = "cse",
    .description = "Eliminate common sub-expressions",
    .anchor = NULL,
    .run = run_cse,
};

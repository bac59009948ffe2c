/* ir/verify.c - the verifier. Two iterative passes over the op tree, as
 * MLIR's OperationVerifier does:
 *
 *   1. structure: per op, counts, required attributes, traits and the
 *      def's verify hook on entry; block shapes (terminators, successors)
 *      and, on exit, verify_regions and symbol-table checks;
 *   2. dominance and isolation of every operand (only when 1 passed).
 *
 * The first error stops verification (like MLIR; later errors are often
 * consequences). Dominance inside a block uses the lazily renumbered op
 * order; across blocks of a region a dominator tree (Cooper, Harvey and
 * Kennedy's iterative algorithm, numbered for O(1) queries) is built once
 * per region. Everything is linear in the size of the IR.
 */
#include "ir/internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Pointer map (block -> index, region -> dominator tree)              */
/* ------------------------------------------------------------------ */

typedef struct pslot {
    const void *key;
    void *val;
} pslot;

typedef struct pmap {
    eo_ctx *ctx;
    pslot *slots;
    size_t cap, count;
} pmap;

static size_t
phash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x;
}

static void *
pmap_get(const pmap *m, const void *key)
{
    if (!m->cap)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = phash(key) & mask;; i = (i + 1) & mask) {
        if (m->slots[i].key == key)
            return m->slots[i].val;
        if (!m->slots[i].key)
            return NULL;
    }
}

static eo_status
pmap_put(pmap *m, const void *key, void *val)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 32;
        pslot *ns = eo_raw_alloc(m->ctx, ncap * sizeof(*ns));
        if (!ns)
            return EO_NOMEM;
        memset(ns, 0, ncap * sizeof(*ns));
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->slots[i].key)
                continue;
            size_t j = phash(m->slots[i].key) & (ncap - 1);
            while (ns[j].key)
                j = (j + 1) & (ncap - 1);
            ns[j] = m->slots[i];
        }
        eo_raw_free(m->ctx, m->slots, m->cap * sizeof(*m->slots));
        m->slots = ns;
        m->cap = ncap;
    }
    size_t mask = m->cap - 1;
    size_t i = phash(key) & mask;
    while (m->slots[i].key && m->slots[i].key != key)
        i = (i + 1) & mask;
    if (!m->slots[i].key)
        m->count++;
    m->slots[i].key = key;
    m->slots[i].val = val;
    return EO_OK;
}

static void
pmap_free(pmap *m)
{
    eo_raw_free(m->ctx, m->slots, m->cap * sizeof(*m->slots));
    m->slots = NULL;
    m->cap = m->count = 0;
}

/* ------------------------------------------------------------------ */
/* Dominator trees                                                     */
/* ------------------------------------------------------------------ */

typedef struct domtree {
    uint32_t n;
    uint32_t *pre, *post;     /* dominator-tree DFS numbers */
    uint8_t *reach;           /* reachable from the entry block */
    size_t bytes;             /* of this allocation */
    struct domtree *next;     /* all trees of a verifier, for freeing */
} domtree;

typedef struct dom_ctx {
    eo_ctx *ctx;
    pmap block_index;         /* block -> index + 1 in its region */
    pmap trees;               /* region -> domtree */
    domtree *all;
    bool oom;
} dom_ctx;

static void
dom_init(dom_ctx *d, eo_ctx *ctx)
{
    memset(d, 0, sizeof(*d));
    d->ctx = ctx;
    d->block_index.ctx = ctx;
    d->trees.ctx = ctx;
}

static void
dom_fini(dom_ctx *d)
{
    while (d->all) {
        domtree *t = d->all;
        d->all = t->next;
        eo_raw_free(d->ctx, t, t->bytes);
    }
    pmap_free(&d->block_index);
    pmap_free(&d->trees);
}

static uint32_t
block_idx(dom_ctx *d, const eo_block *b)
{
    return (uint32_t)((uintptr_t)pmap_get(&d->block_index, b) - 1);
}

/* Builds the dominator tree of multi-block region 'r'; NULL on OOM. */
static domtree *
dom_build(dom_ctx *d, const eo_region *r)
{
    uint32_t n = 0;
    for (eo_block *b = r->first; b; b = b->next) {
        if (pmap_put(&d->block_index, b, (void *)(uintptr_t)(n + 1)) != EO_OK)
            return NULL;
        n++;
    }
    /* Scratch and result arrays in one allocation. */
    size_t nedges = 0;
    for (eo_block *b = r->first; b; b = b->next)
        if (b->last)
            nedges += b->last->num_successors;
    size_t words = 2 * (size_t)n       /* pre, post (kept) */
                   + (size_t)n         /* rpo number */
                   + (size_t)n         /* order (rpo -> block) */
                   + (size_t)n         /* idom */
                   + (size_t)n + 1     /* succ offsets */
                   + nedges            /* succs */
                   + (size_t)n + 1     /* pred offsets */
                   + nedges            /* preds */
                   + 2 * (size_t)n     /* DFS stack: node, edge pos */
                   + (size_t)n + 1     /* child offsets */
                   + (size_t)n;        /* children */
    size_t bytes = sizeof(domtree) + words * sizeof(uint32_t) + n;
    domtree *t = eo_raw_alloc(d->ctx, bytes);
    if (!t)
        return NULL;
    memset(t, 0, bytes);
    t->n = n;
    t->bytes = bytes;
    uint32_t *w = (uint32_t *)(t + 1);
    t->pre = w; w += n;
    t->post = w; w += n;
    uint32_t *rpo = w; w += n;
    uint32_t *order = w; w += n;
    uint32_t *idom = w; w += n;
    uint32_t *soff = w; w += n + 1;
    uint32_t *succ = w; w += nedges;
    uint32_t *poff = w; w += n + 1;
    uint32_t *pred = w; w += nedges;
    uint32_t *stk = w; w += n;
    uint32_t *spos = w; w += n;
    uint32_t *coff = w; w += n + 1;
    uint32_t *child = w; w += n;
    t->reach = (uint8_t *)w;
    const uint32_t NONE = UINT32_MAX;

    /* Successor lists (edges to blocks of other regions are ignored;
     * the structural pass reports them). */
    uint32_t e = 0, i = 0;
    for (eo_block *b = r->first; b; b = b->next, i++) {
        soff[i] = e;
        if (!b->last)
            continue;
        for (uint32_t k = 0; k < b->last->num_successors; k++) {
            eo_block *s = eo_op_succs(b->last)[k];
            if (s && s->region == r)
                succ[e++] = block_idx(d, s);
        }
    }
    soff[n] = e;
    /* Predecessor lists. */
    for (uint32_t x = 0; x < e; x++)
        poff[succ[x] + 1]++;
    for (uint32_t x = 0; x < n; x++)
        poff[x + 1] += poff[x];
    for (uint32_t x = 0; x < n; x++) {
        for (uint32_t k = soff[x]; k < soff[x + 1]; k++)
            pred[poff[succ[k]] + spos[succ[k]]++] = x;
    }
    memset(spos, 0, n * sizeof(*spos));

    /* Post-order DFS from the entry; rpo[x] = n - 1 - postorder index
     * among reachable blocks (entry gets 0). */
    uint32_t nreach = 0, sp = 0, post_i = 0;
    for (uint32_t x = 0; x < n; x++)
        rpo[x] = NONE;
    stk[sp] = 0;
    spos[sp++] = soff[0];
    t->reach[0] = 1;
    nreach = 1;
    while (sp) {
        uint32_t x = stk[sp - 1];
        if (spos[sp - 1] < soff[x + 1]) {
            uint32_t y = succ[spos[sp - 1]++];
            if (!t->reach[y]) {
                t->reach[y] = 1;
                nreach++;
                stk[sp] = y;
                spos[sp++] = soff[y];
            }
            continue;
        }
        order[post_i++] = x;     /* post-order for now */
        sp--;
    }
    /* Reverse into RPO. */
    for (uint32_t k = 0; k < nreach / 2; k++) {
        uint32_t tmp = order[k];
        order[k] = order[nreach - 1 - k];
        order[nreach - 1 - k] = tmp;
    }
    for (uint32_t k = 0; k < nreach; k++)
        rpo[order[k]] = k;

    /* Cooper-Harvey-Kennedy. */
    for (uint32_t x = 0; x < n; x++)
        idom[x] = NONE;
    idom[0] = 0;
    bool changed = true;
    while (changed) {
        changed = false;
        for (uint32_t k = 1; k < nreach; k++) {
            uint32_t x = order[k];
            uint32_t nid = NONE;
            for (uint32_t q = poff[x]; q < poff[x + 1]; q++) {
                uint32_t p = pred[q];
                if (idom[p] == NONE)
                    continue;
                if (nid == NONE) {
                    nid = p;
                    continue;
                }
                uint32_t a = p, b2 = nid;
                while (a != b2) {
                    while (rpo[a] > rpo[b2])
                        a = idom[a];
                    while (rpo[b2] > rpo[a])
                        b2 = idom[b2];
                }
                nid = a;
            }
            if (nid != NONE && idom[x] != nid) {
                idom[x] = nid;
                changed = true;
            }
        }
    }

    /* Children lists of the tree, then DFS numbering. */
    memset(coff, 0, (n + 1) * sizeof(*coff));
    for (uint32_t x = 1; x < n; x++)
        if (t->reach[x] && idom[x] != NONE)
            coff[idom[x] + 1]++;
    for (uint32_t x = 0; x < n; x++)
        coff[x + 1] += coff[x];
    memset(spos, 0, n * sizeof(*spos));
    for (uint32_t x = 1; x < n; x++)
        if (t->reach[x] && idom[x] != NONE)
            child[coff[idom[x]] + spos[idom[x]]++] = x;
    uint32_t clock = 0;
    sp = 0;
    stk[sp] = 0;
    spos[sp++] = coff[0];
    t->pre[0] = clock++;
    while (sp) {
        uint32_t x = stk[sp - 1];
        if (spos[sp - 1] < coff[x + 1]) {
            uint32_t y = child[spos[sp - 1]++];
            t->pre[y] = clock++;
            stk[sp] = y;
            spos[sp++] = coff[y];
            continue;
        }
        t->post[x] = clock++;
        sp--;
    }
    t->next = d->all;
    d->all = t;
    if (pmap_put(&d->trees, r, t) != EO_OK)
        return NULL;
    return t;
}

static domtree *
dom_get(dom_ctx *d, const eo_region *r)
{
    domtree *t = pmap_get(&d->trees, r);
    if (t)
        return t;
    t = dom_build(d, r);
    if (!t)
        d->oom = true;
    return t;
}

/* Whether block 'a' dominates block 'b' (same multi-block region). As in
 * LLVM and MLIR, everything dominates an unreachable block. */
static bool
block_dominates(dom_ctx *d, const eo_block *a, const eo_block *b)
{
    if (a == b)
        return true;
    domtree *t = dom_get(d, a->region);
    if (!t)
        return true;   /* out of memory: d->oom is reported */
    uint32_t ia = block_idx(d, a), ib = block_idx(d, b);
    if (!t->reach[ib])
        return true;
    if (!t->reach[ia])
        return false;
    return t->pre[ia] <= t->pre[ib] && t->post[ib] <= t->post[ia];
}

static bool
block_reachable(dom_ctx *d, const eo_block *b)
{
    if (!b->region || b->region->first == b || !b->prev)
        return true;
    domtree *t = dom_get(d, b->region);
    return !t || t->reach[block_idx(d, b)];
}

/* ------------------------------------------------------------------ */
/* Region kinds                                                        */
/* ------------------------------------------------------------------ */

/* Whether values in 'r' obey SSA dominance: regions of registered ops
 * without EO_GRAPH_REGION. Unregistered ops may hold graph regions. */
static bool
region_has_dominance(const eo_region *r)
{
    const eo_op *p = r->parent;
    return p && eo_opx_def(p) && !(eo_opx_def(p)->traits & EO_GRAPH_REGION);
}

/* ------------------------------------------------------------------ */
/* Dominance and isolation of one operand                              */
/* ------------------------------------------------------------------ */

typedef enum use_check {
    USE_OK, USE_NOT_DOMINATED, USE_NOT_ISOLATED
} use_check;

/* Checks value 'v' used by 'user'. *isolator gets the isolated op that
 * the use crosses for USE_NOT_ISOLATED. */
static use_check
check_use(dom_ctx *d, const eo_value *v, const eo_op *user,
          const eo_op **isolator)
{
    const eo_block *db = v->kind == EO_VALUE_ARG ? eo_valx_block(v)
                                                 : eo_valx_op(v)->block;
    if (!db || !db->region)
        return USE_NOT_DOMINATED;
    /* Fast path: same block. */
    if (user->block == db) {
        if (v->kind == EO_VALUE_ARG || !region_has_dominance(db->region))
            return USE_OK;
        return eo_op_is_before_in_block(eo_valx_op(v), user)
                   ? USE_OK : USE_NOT_DOMINATED;
    }
    /* Climb to the ancestor of 'user' in db's region. */
    const eo_op *a = user;
    while (a->block && a->block->region != db->region) {
        const eo_op *p = a->block->region ? a->block->region->parent : NULL;
        if (!p)
            return USE_NOT_DOMINATED;
        if (eo_opx_def(p) && (eo_opx_def(p)->traits & EO_ISOLATED_FROM_ABOVE)) {
            *isolator = p;
            return USE_NOT_ISOLATED;
        }
        a = p;
    }
    if (!a->block)
        return USE_NOT_DOMINATED;
    if (!region_has_dominance(db->region))
        return USE_OK;
    if (v->kind == EO_VALUE_RESULT && eo_valx_op(v) == a)
        return USE_NOT_DOMINATED;   /* used inside its own defining op */
    if (a->block == db) {
        if (v->kind == EO_VALUE_ARG)
            return USE_OK;
        return eo_op_is_before_in_block(eo_valx_op(v), a) ? USE_OK
                                                        : USE_NOT_DOMINATED;
    }
    return block_dominates(d, db, a->block) ? USE_OK : USE_NOT_DOMINATED;
}

/* Whether region 'anc' properly contains region 'r'. */
static bool
region_is_proper_ancestor(const eo_region *anc, const eo_region *r)
{
    if (anc == r)
        return false;
    while (r) {
        const eo_op *p = r->parent;
        if (!p || !p->block)
            return false;
        r = p->block->region;
        if (r == anc)
            return true;
    }
    return false;
}

static eo_status
report_dominance(eo_op *op, size_t i)
{
    const eo_value *v = op->operands[i].value;
    eo_diag_builder *b = eo_diag_begin(eo_opx_ctx(op), EO_SEV_ERROR,
                                       eo_op_loc(op),
                                       "operand #%zu does not dominate "
                                       "this use", i);
    const eo_region *r1 = op->block ? op->block->region : NULL;
    if (v->kind == EO_VALUE_RESULT) {
        const eo_op *def = eo_valx_op(v);
        const eo_region *r2 = def->block ? def->block->region : NULL;
        const char *where;
        if (op->block == def->block)
            where = " (op in the same block)";
        else if (r1 == r2)
            where = " (op in the same region)";
        else if (r2 && region_is_proper_ancestor(r2, r1))
            where = " (op in a parent region)";
        else if (r1 && region_is_proper_ancestor(r1, r2))
            where = " (op in a child region)";
        else
            where = " (op is neither in a parent nor in a child region)";
        eo_diag_note(b, eo_op_loc(def), "operand defined here%s", where);
        return eo_diag_emit(b);
    }
    const eo_block *ob = eo_valx_block(v);
    const eo_region *r2 = ob->region;
    const eo_loc *loc = r2 && r2->parent ? eo_op_loc(r2->parent)
                                         : eo_loc_unknown(eo_opx_ctx(op));
    if (!r2) {
        eo_diag_note(b, loc, " (block without parent)");
        return eo_diag_emit(b);
    }
    const char *where;
    if (r1 == r2)
        where = " in the same region)";
    else if (region_is_proper_ancestor(r2, r1))
        where = " in a parent region)";
    else if (r1 && region_is_proper_ancestor(r1, r2))
        where = " in a child region)";
    else
        where = " neither in a parent nor in a child region)";
    eo_diag_note(b, loc, "operand defined as a block argument (block #%zu%s",
                 eo_block_index(ob), where);
    return eo_diag_emit(b);
}

/* Pass 2 over the tree of 'root' (its own operands are not checked, as
 * in MLIR: they belong to the enclosing scope). */
static eo_status
verify_dominance(dom_ctx *d, eo_op *root)
{
    for (eo_op *op = eo_op_preorder_next(root, root, true); op;
         op = eo_op_preorder_next(op, root, true)) {
        if (!op->num_operands)
            continue;
        bool skip_dom = false;
        eo_region *r = op->block->region;
        if (region_has_dominance(r) && !block_reachable(d, op->block))
            skip_dom = true;
        for (uint32_t i = 0; i < op->num_operands; i++) {
            const eo_value *v = op->operands[i].value;
            const eo_op *iso = NULL;
            use_check c = check_use(d, v, op, &iso);
            if (d->oom)
                return EO_NOMEM;
            if (c == USE_NOT_ISOLATED) {
                eo_diag_builder *b = eo_op_error_begin(
                    op, "using value defined outside the region");
                eo_diag_note(b, eo_op_loc(iso),
                             "required by region isolation constraints");
                return eo_diag_emit(b);
            }
            if (c == USE_NOT_DOMINATED && !skip_dom)
                return report_dominance(op, i);
        }
    }
    return EO_OK;
}

bool
eo_value_dominates(const eo_value *v, const eo_op *user)
{
    dom_ctx d;
    dom_init(&d, eo_opx_ctx(user));
    const eo_op *iso = NULL;
    use_check c = check_use(&d, v, user, &iso);
    bool ok = c == USE_OK && !d.oom;
    dom_fini(&d);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Structure: per op                                                   */
/* ------------------------------------------------------------------ */

static eo_status
check_count(eo_op *op, int want, uint32_t have, const char *what)
{
    if (want == EO_VARIADIC || (uint32_t)want == have)
        return EO_OK;
    if (strcmp(what, "operand") == 0) {
        if (want == 0)
            return eo_op_error(op, "requires zero operands");
        if (want == 1)
            return eo_op_error(op, "requires a single operand");
        return eo_op_error(op, "expected %d operands, but found %u", want,
                           have);
    }
    if (strcmp(what, "result") == 0) {
        if (want == 0)
            return eo_op_error(op, "requires zero results");
        if (want == 1)
            return eo_op_error(op, "requires one result");
        return eo_op_error(op, "expected %d results", want);
    }
    if (strcmp(what, "region") == 0) {
        if (want == 0)
            return eo_op_error(op, "requires zero regions");
        if (want == 1)
            return eo_op_error(op, "requires one region");
        return eo_op_error(op, "expected %d regions", want);
    }
    return eo_op_error(op, "requires %d successor%s but found %u", want,
                       want == 1 ? "" : "s", have);
}

static eo_status
check_segments(eo_op *op, const char *attr, const char *what, uint32_t have)
{
    const eo_attr *a = eo_op_attr(op, attr);
    if (!a)
        return eo_op_error(op, "requires attribute '%s'", attr);
    if (eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY)
        return eo_op_error(op, "attribute '%s' failed to satisfy constraint: "
                           "i32 dense array attribute", attr);
    int64_t sum = 0;
    for (size_t i = 0; i < eo_attr_dense_array_size(a); i++) {
        int64_t s = eo_attr_dense_array_int(a, i);
        if (s < 0)
            return eo_op_error(op, "'%s' attribute cannot have negative "
                               "elements", attr);
        sum += s;
    }
    if (sum != (int64_t)have)
        return eo_op_error(op, "%s count (%u) does not match with the total "
                           "size (%lld) specified in attribute '%s'", what,
                           have, (long long)sum, attr);
    return EO_OK;
}

/* Shapes of two types are compatible ('?' matches anything). */
static bool
shapes_compatible(const eo_type *a, const eo_type *b)
{
    bool sa = eo_type_is_shaped(a), sb = eo_type_is_shaped(b);
    if (sa != sb)
        return false;
    if (!sa || !eo_type_has_rank(a) || !eo_type_has_rank(b))
        return true;
    if (eo_type_rank(a) != eo_type_rank(b))
        return false;
    for (size_t i = 0; i < eo_type_rank(a); i++) {
        int64_t x = eo_type_dim(a, i), y = eo_type_dim(b, i);
        if (x != EO_DYNAMIC && y != EO_DYNAMIC && x != y)
            return false;
    }
    return true;
}

static eo_status
check_traits(eo_op *op)
{
    uint64_t tr = eo_opx_def(op)->traits;
    if ((tr & EO_SAME_OPERAND_TYPES) && op->num_operands) {
        const eo_type *t = op->operands[0].value->type;
        for (uint32_t i = 1; i < op->num_operands; i++)
            if (op->operands[i].value->type != t)
                return eo_op_error(op, "requires all operands to have the "
                                   "same type");
    }
    if (tr & EO_SAME_TYPES) {
        const eo_type *t = NULL;
        for (uint32_t i = 0; i < op->num_operands + op->num_results; i++) {
            const eo_type *u =
                i < op->num_operands
                    ? op->operands[i].value->type
                    : eo_opx_results(op)[i - op->num_operands].type;
            if (t && u != t)
                return eo_op_error(op, "requires the same type for all "
                                   "operands and results");
            t = u;
        }
    }
    if (tr & EO_SAME_OPERAND_SHAPES) {
        const eo_type *t = NULL;
        for (uint32_t i = 0; i < op->num_operands + op->num_results; i++) {
            const eo_type *u =
                i < op->num_operands
                    ? op->operands[i].value->type
                    : eo_opx_results(op)[i - op->num_operands].type;
            if (t && !shapes_compatible(t, u))
                return eo_op_error(op, "requires the same shape for all "
                                   "operands and results");
            t = u;
        }
    }
    if (tr & EO_SINGLE_BLOCK) {
        for (uint32_t i = 0; i < op->num_regions; i++) {
            eo_region *r = &eo_opx_regions(op)[i];
            if (!r->first)
                continue;
            if (r->first != r->last)
                return eo_op_error(op, "expects region #%u to have 0 or 1 "
                                   "blocks", i);
            if (!(tr & EO_NO_TERMINATOR) && !r->first->first)
                return eo_op_error(op, "expects a non-empty block");
        }
    }
    if (tr & EO_SYMBOL) {
        const eo_attr *n = eo_op_attr(op, "sym_name");
        if (!n || eo_attr_get_kind(n) != EO_ATTR_STRING)
            return eo_op_error(op, "requires string attribute 'sym_name'");
    }
    if (tr & (EO_SYMBOL | EO_SYMBOL_TABLE)) {
        const eo_attr *vis = eo_op_attr(op, "sym_visibility");
        if (vis) {
            size_t len = 0;
            const char *s = eo_attr_get_kind(vis) == EO_ATTR_STRING
                                ? eo_attr_string(vis, &len) : NULL;
            if (!s)
                return eo_op_error(op, "requires visibility attribute "
                                   "'sym_visibility' to be a string "
                                   "attribute");
            if (!((len == 6 && memcmp(s, "public", 6) == 0) ||
                  (len == 7 && memcmp(s, "private", 7) == 0) ||
                  (len == 6 && memcmp(s, "nested", 6) == 0)))
                return eo_op_error(op, "visibility expected to be one of "
                                   "[\"public\", \"private\", \"nested\"], "
                                   "but got \"%.*s\"", (int)len, s);
        }
    }
    return EO_OK;
}

static eo_status
check_registration(eo_op *op)
{
    const char *name = eo_ident_str(eo_opx_name(op));
    const char *dot = strchr(name, '.');
    size_t dlen = dot ? (size_t)(dot - name) : strlen(name);
    eo_dialect *dl = eo_dialect_lookup(eo_opx_ctx(op), name, dlen);
    if (dl)
        return eo_emit_error(eo_opx_ctx(op), eo_op_loc(op),
                             "unregistered operation '%s' "
                             "found in dialect ('%.*s') that does not allow "
                             "unknown operations", name, (int)dlen, name);
    if (!eo_ctx_allow_unregistered(eo_opx_ctx(op)))
        return eo_op_error(op, "created with unregistered dialect. If this "
                           "is intended, please call "
                           "allowUnregisteredDialects() on the MLIRContext, "
                           "or use -allow-unregistered-dialect with the MLIR "
                           "opt tool used");
    return EO_OK;
}

/* Dialect attributes "d.x" in the discardable dictionary. */
static eo_status
check_dialect_attrs(eo_op *op)
{
    const eo_attr *attrs = eo_op_discardable_attrs(op);
    size_t n = eo_attr_dict_size(attrs);
    for (size_t i = 0; i < n; i++) {
        const eo_named_attr *a = eo_attr_dict_at(attrs, i);
        const char *s = eo_ident_str(a->name);
        const char *dot = strchr(s, '.');
        if (!dot)
            continue;
        eo_dialect *dl = eo_dialect_lookup(eo_opx_ctx(op), s,
                                           (size_t)(dot - s));
        if (dl && dl->desc->verify_attr && dl->desc->verify_attr(op, a))
            return EO_ERROR;
    }
    return EO_OK;
}

/* The op itself as MLIR's verifyOnEntrance and verifyInvariants do. */
static eo_status
verify_op_entry(eo_op *op)
{
    for (uint32_t i = 0; i < op->num_operands; i++)
        if (!op->operands[i].value)
            return eo_emit_error(eo_opx_ctx(op), eo_op_loc(op),
                                 "null operand found");
    if (op->num_successors && op->block && op != op->block->last)
        return eo_emit_error(eo_opx_ctx(op), eo_op_loc(op),
                             "operation with block successors must "
                             "terminate its parent block");
    if (check_dialect_attrs(op) != EO_OK)
        return EO_ERROR;
    const eo_op_def *def = eo_opx_def(op);
    if (def) {
        if (check_count(op, def->regions, op->num_regions, "region") ||
            check_count(op, def->results, op->num_results, "result") ||
            check_count(op, def->successors, op->num_successors,
                        "successor") ||
            check_count(op, def->operands, op->num_operands, "operand"))
            return EO_ERROR;
        if ((def->traits & EO_ATTR_SIZED_OPERANDS) &&
            check_segments(op, "operandSegmentSizes", "operand",
                           op->num_operands))
            return EO_ERROR;
        if ((def->traits & EO_ATTR_SIZED_RESULTS) &&
            check_segments(op, "resultSegmentSizes", "result",
                           op->num_results))
            return EO_ERROR;
        if (def->attrs)
            for (const char *const *a = def->attrs; *a; a++)
                if (!eo_op_attr(op, *a))
                    return eo_op_error(op, "requires attribute '%s'", *a);
        if (check_traits(op) != EO_OK)
            return EO_ERROR;
        if (def->verify && def->verify(op) != EO_OK)
            return EO_ERROR;
    }
    for (uint32_t i = 0; i < op->num_regions; i++) {
        eo_region *r = &eo_opx_regions(op)[i];
        if (def && (def->traits & EO_GRAPH_REGION) && r->first &&
            r->first != r->last)
            return eo_emit_error(eo_opx_ctx(op), eo_op_loc(op),
                                 "expects graph region #%u "
                                 "to have 0 or 1 blocks", i);
    }
    return EO_OK;
}

/* Whether a block of 'r' may lack a terminator (MLIR's
 * mayBeValidWithoutTerminator). */
static bool
may_lack_terminator(const eo_region *r)
{
    if (r->first != r->last)
        return false;
    const eo_op *p = r->parent;
    return !p || !eo_opx_def(p) || (eo_opx_def(p)->traits & EO_NO_TERMINATOR);
}

/* Block checks on entry: emptiness, targets in the same region, the
 * entry block without predecessors (successors only on the last op are
 * checked per op). */
static eo_status
verify_block_entry(eo_op *parent, eo_block *b)
{
    eo_region *r = b->region;
    if (!b->first) {
        if (may_lack_terminator(r))
            return EO_OK;
        return eo_emit_error(eo_opx_ctx(parent), eo_op_loc(parent),
                             "empty block: expect "
                             "at least a terminator");
    }
    eo_op *last = b->last;
    for (uint32_t k = 0; k < last->num_successors; k++) {
        eo_block *s = eo_op_succs(last)[k];
        if (!s || s->region != r)
            return eo_emit_error(eo_opx_ctx(last), eo_op_loc(last),
                                 "branching to block "
                                 "of a different region");
        if (s == r->first)
            return eo_emit_error(eo_opx_ctx(parent), eo_op_loc(parent),
                                 "entry block of "
                                 "region may not have predecessors");
    }
    return EO_OK;
}

/* On exit from a block: the terminator. */
static eo_status
verify_block_exit(eo_block *b)
{
    if (!b->last || may_lack_terminator(b->region))
        return EO_OK;
    eo_op *last = b->last;
    if (!eo_opx_def(last) || (eo_opx_def(last)->traits & EO_TERMINATOR))
        return EO_OK;
    eo_strbuf sb = { 0 };
    eo_print_flags fl = { 0 };
    fl.generic = true;
    fl.local_scope = true;
    eo_op_print_to(last, &fl, &sb);
    size_t len = sb.len;
    while (len && (sb.data[len - 1] == '\n' || sb.data[len - 1] == ' '))
        len--;
    eo_status st = eo_emit_error(eo_opx_ctx(last), eo_op_loc(last),
                                 "block with no terminator, has %.*s",
                                 (int)len,
                                 sb.data ? sb.data : "");
    eo_strbuf_free(&sb);
    return st;
}

static eo_status
verify_symbol_table(eo_op *op)
{
    if (op->num_regions != 1)
        return eo_op_error(op, "Operations with a 'SymbolTable' must have "
                           "exactly one region");
    eo_region *r = &eo_opx_regions(op)[0];
    if (!r->first || r->first != r->last)
        return eo_op_error(op, "Operations with a 'SymbolTable' must have "
                           "exactly one block");
    pmap seen = { .ctx = eo_opx_ctx(op) };
    eo_status st = EO_OK;
    for (eo_op *o = r->first->first; o && st == EO_OK; o = o->next) {
        const eo_attr *a = eo_op_attr(o, "sym_name");
        if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING)
            continue;
        /* String attributes are uniqued: the attribute is the key. */
        eo_op *prev = pmap_get(&seen, a);
        if (prev) {
            size_t len;
            const char *s = eo_attr_string(a, &len);
            eo_diag_builder *b = eo_diag_begin(
                eo_opx_ctx(op), EO_SEV_ERROR, eo_op_loc(o),
                "redefinition of symbol named '%.*s'", (int)len, s);
            eo_diag_note(b, eo_op_loc(prev),
                         "see existing symbol definition here");
            st = eo_diag_emit(b);
        } else if (pmap_put(&seen, a, o) != EO_OK) {
            st = EO_NOMEM;
        }
    }
    pmap_free(&seen);
    return st;
}

static eo_status
verify_op_exit(eo_op *op)
{
    if (!eo_opx_def(op))
        return check_registration(op);
    /* A region trait in MLIR: checked after the op's verify hook. */
    if ((eo_opx_def(op)->traits & EO_TERMINATOR) && op->block &&
        op->block->last != op)
        return eo_op_error(op, "must be the last operation in the parent "
                           "block");
    if ((eo_opx_def(op)->traits & EO_SYMBOL_TABLE) &&
        verify_symbol_table(op) != EO_OK)
        return EO_ERROR;
    const eo_op_def *d = eo_opx_def(op);
    if (d->verify_regions && d->verify_regions(op) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

/* Entry of an op: its own checks, then the entry checks of all its
 * blocks (MLIR interleaves these with the nested ops; with the first
 * error stopping verification the difference is rarely visible). */
static eo_status
enter(eo_op *op)
{
    if (verify_op_entry(op) != EO_OK)
        return EO_ERROR;
    for (uint32_t i = 0; i < op->num_regions; i++)
        for (eo_block *b = eo_opx_regions(op)[i].first; b; b = b->next)
            if (verify_block_entry(op, b) != EO_OK)
                return EO_ERROR;
    return EO_OK;
}

/* Exit of an op whose nested ops are done; also the exit of its block
 * when it is the block's last op. */
static eo_status
leave(eo_op *op)
{
    if (verify_op_exit(op) != EO_OK)
        return EO_ERROR;
    if (op->block && op->block->last == op && op->block->region &&
        op->block->region->parent && verify_block_exit(op->block) != EO_OK)
        return EO_ERROR;
    return EO_OK;
}

/* The next op with the same parent op after op's subtree, or NULL. */
static eo_op *
sibling_after(const eo_op *op)
{
    if (op->next)
        return op->next;
    for (eo_block *b = op->block->next; b; b = b->next)
        if (b->first)
            return b->first;
    const eo_region *r = op->block->region;
    const eo_op *p = r->parent;
    uint32_t first = (uint32_t)(r - eo_opx_regions(p)) + 1;
    for (uint32_t i = first; i < p->num_regions; i++)
        for (eo_block *b = eo_opx_regions(p)[i].first; b; b = b->next)
            if (b->first)
                return b->first;
    return NULL;
}

static eo_op *
first_nested(const eo_op *op)
{
    for (uint32_t i = 0; i < op->num_regions; i++)
        for (eo_block *b = eo_opx_regions(op)[i].first; b; b = b->next)
            if (b->first)
                return b->first;
    return NULL;
}

static eo_status
verify_structure(eo_op *root)
{
    eo_op *op = root;
    if (enter(op) != EO_OK)
        return EO_ERROR;
    for (;;) {
        eo_op *c = first_nested(op);
        if (c) {
            op = c;
            if (enter(op) != EO_OK)
                return EO_ERROR;
            continue;
        }
        /* op's subtree is done: leave it and its finished ancestors. */
        for (;;) {
            if (op == root) {
                /* The root's own block exit is not part of its verify. */
                return verify_op_exit(op);
            }
            if (leave(op) != EO_OK)
                return EO_ERROR;
            eo_op *s = sibling_after(op);
            if (s) {
                op = s;
                if (enter(op) != EO_OK)
                    return EO_ERROR;
                break;
            }
            op = eo_op_parent(op);
        }
    }
}

eo_status
eo_op_verify(eo_op *op)
{
    eo_symbol_cache_begin(eo_opx_ctx(op));
    eo_status st = verify_structure(op);
    if (st == EO_OK) {
        dom_ctx d;
        dom_init(&d, eo_opx_ctx(op));
        st = verify_dominance(&d, op);
        dom_fini(&d);
    }
    eo_symbol_cache_end(eo_opx_ctx(op));
    return st;
}

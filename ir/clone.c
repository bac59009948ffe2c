/* ir/clone.c - the value/block map (eo_irmap, a pointer-keyed hash map)
 * and deep copies of ops and regions.
 *
 * Cloning runs in two passes over the source tree, both iterative: the
 * first creates every op (operands left empty) and every block with its
 * arguments, recording the mapping; the second fills in operands and
 * successors. Forward references (graph regions, branches to later
 * blocks) thus map like backward ones.
 */
#include "ir/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* eo_irmap                                                            */
/* ------------------------------------------------------------------ */

typedef struct map_slot {
    const void *key;
    void *val;
} map_slot;

struct eo_irmap {
    eo_ctx *ctx;
    map_slot *slots;
    size_t cap, count;        /* cap: 0 or a power of two */
};

static size_t
ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x;
}

eo_irmap *
eo_irmap_create(eo_ctx *ctx)
{
    eo_irmap *m = eo_raw_alloc(ctx, sizeof(*m));
    if (!m)
        return NULL;
    memset(m, 0, sizeof(*m));
    m->ctx = ctx;
    return m;
}

void
eo_irmap_destroy(eo_irmap *m)
{
    if (!m)
        return;
    eo_raw_free(m->ctx, m->slots, m->cap * sizeof(map_slot));
    eo_raw_free(m->ctx, m, sizeof(*m));
}

static void *
map_get(const eo_irmap *m, const void *key)
{
    if (!m || !m->cap || !key)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = ptr_hash(key) & mask;; i = (i + 1) & mask) {
        if (m->slots[i].key == key)
            return m->slots[i].val;
        if (!m->slots[i].key)
            return NULL;
    }
}

/* Makes room for 'n' more entries without rehashing. */
static eo_status
map_reserve(eo_irmap *m, size_t n)
{
    if ((m->count + n) * 2 <= m->cap)
        return EO_OK;
    size_t ncap = m->cap ? m->cap : 64;
    while (ncap < (m->count + n) * 2)
        ncap *= 2;
    map_slot *ns = eo_raw_alloc(m->ctx, ncap * sizeof(*ns));
    if (!ns)
        return EO_NOMEM;
    memset(ns, 0, ncap * sizeof(*ns));
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t k = ptr_hash(m->slots[i].key) & (ncap - 1);
        while (ns[k].key)
            k = (k + 1) & (ncap - 1);
        ns[k] = m->slots[i];
    }
    eo_raw_free(m->ctx, m->slots, m->cap * sizeof(map_slot));
    m->slots = ns;
    m->cap = ncap;
    return EO_OK;
}

static eo_status
map_put(eo_irmap *m, const void *key, void *val)
{
    if (EO_NEVER(!key))
        return EO_ERROR;
    if ((m->count + 1) * 2 > m->cap &&
        map_reserve(m, m->count ? m->count : 32) != EO_OK)
        return EO_NOMEM;
    size_t mask = m->cap - 1;
    size_t i = ptr_hash(key) & mask;
    while (m->slots[i].key && m->slots[i].key != key)
        i = (i + 1) & mask;
    if (!m->slots[i].key)
        m->count++;
    m->slots[i].key = key;
    m->slots[i].val = val;
    return EO_OK;
}

eo_status
eo_irmap_map_value(eo_irmap *m, const eo_value *from, eo_value *to)
{
    return map_put(m, from, to);
}

eo_status
eo_irmap_map_block(eo_irmap *m, const eo_block *from, eo_block *to)
{
    return map_put(m, from, to);
}

eo_value *
eo_irmap_lookup_value(const eo_irmap *m, const eo_value *v)
{
    return map_get(m, v);
}

eo_block *
eo_irmap_lookup_block(const eo_irmap *m, const eo_block *b)
{
    return map_get(m, b);
}

/* ------------------------------------------------------------------ */
/* Cloning                                                             */
/* ------------------------------------------------------------------ */

/* A detached copy of 'op' without operands values (slots present but
 * empty), with empty regions. */
static eo_op *
clone_shell(eo_op *op)
{
    eo_ctx *ctx = eo_opx_ctx(op);
    size_t nops = op->num_operands, nres = op->num_results;
    size_t nreg = op->num_regions, nsucc = op->num_successors;
    size_t size = sizeof(eo_op) + nops * sizeof(eo_use) +
                  nres * sizeof(eo_value) + nreg * sizeof(eo_region) +
                  nsucc * sizeof(eo_block *);
    eo_op *c = eo_ctx_alloc_op(ctx, size);
    if (!c)
        return NULL;
    c->oname = op->oname;
    c->loc_code = op->loc_code;
    c->props = op->props;
    if (eo_op_copy_attrs(c, op) != EO_OK) {
        eo_ctx_free_op(ctx, c, size);
        return NULL;
    }
    c->num_operands = (uint32_t)nops;
    c->num_results = (uint32_t)nres;
    c->num_regions = op->num_regions;
    c->num_successors = op->num_successors;
    c->operands = eo_opx_inline_operands(c);
    for (size_t i = 0; i < nops; i++)
        c->operands[i].owner = c;
    for (size_t i = 0; i < nres; i++) {
        eo_value *v = &eo_opx_results(c)[i];
        v->type = eo_opx_results(op)[i].type;
        v->kind = EO_VALUE_RESULT;
        v->index = (uint32_t)i;
    }
    for (size_t i = 0; i < nreg; i++) {
        eo_opx_regions(c)[i].parent = c;
        eo_opx_regions(c)[i].ctx = ctx;
    }
    return c;
}

/* Creates copies of src's blocks (with arguments) at the end of dst,
 * up to and including 'stop' (src may be dst). */
static eo_status
clone_blocks(eo_irmap *m, const eo_region *src, eo_region *dst,
             const eo_block *stop)
{
    for (eo_block *b = src->first; b; b = b == stop ? NULL : b->next) {
        eo_block *nb = eo_block_create(dst->ctx);
        if (!nb)
            return EO_NOMEM;
        eo_region_append(dst, nb);
        if (map_put(m, b, nb) != EO_OK)
            return EO_NOMEM;
        for (uint32_t i = 0; i < b->num_args; i++) {
            eo_value *a = b->args[i];
            eo_value *na = eo_block_add_arg(nb, a->type, eo_value_loc(a));
            if (!na || map_put(m, a, na) != EO_OK)
                return EO_NOMEM;
        }
    }
    return EO_OK;
}

/* Pass 1 over the tree of 'root': ops, blocks, arguments. The clone of
 * root (detached) is in *out, also on failure (NULL if not created). */
static eo_status
clone_pass1(eo_irmap *m, eo_op *root, eo_op **out)
{
    *out = NULL;
    for (eo_op *op = root; op; op = eo_op_preorder_next(op, root, true)) {
        eo_op *c = clone_shell(op);
        if (!c)
            return EO_NOMEM;
        if (op == root) {
            *out = c;
        } else {
            eo_block *nb = map_get(m, op->block);
            if (EO_NEVER(!nb)) {
                eo_op_destroy(c);
                return EO_ERROR;
            }
            eo_block_append(nb, c);
        }
        eo_value *ores = eo_opx_results(op), *cres = eo_opx_results(c);
        for (uint32_t i = 0; i < op->num_results; i++)
            if (map_put(m, &ores[i], &cres[i]) != EO_OK)
                return EO_NOMEM;
        for (uint32_t i = 0; i < op->num_regions; i++)
            if (clone_blocks(m, &eo_opx_regions(op)[i], &eo_opx_regions(c)[i],
                             eo_opx_regions(op)[i].last) != EO_OK)
                return EO_NOMEM;
    }
    return EO_OK;
}

/* Pass 2: operands and successors through the map. The copy has the
 * shape of the source, so both trees are walked in lockstep. */
static void
clone_pass2(eo_irmap *m, eo_op *root, eo_op *croot)
{
    eo_op *op = root, *c = croot;
    while (op && c) {
        for (uint32_t i = 0; i < op->num_operands; i++) {
            eo_value *v = op->operands[i].value;
            eo_value *nv = map_get(m, v);
            eo_op_set_operand(c, i, nv ? nv : v);
        }
        for (uint32_t i = 0; i < op->num_successors; i++) {
            eo_block *b = eo_op_succs(op)[i];
            eo_block *nb = map_get(m, b);
            eo_op_succs(c)[i] = nb ? nb : b;
        }
        op = eo_op_preorder_next(op, root, true);
        c = eo_op_preorder_next(c, croot, true);
    }
}

/* Values and blocks in the tree of 'root', to size the map once. */
static size_t
count_entries(eo_op *root)
{
    size_t n = 0;
    for (eo_op *op = root; op; op = eo_op_preorder_next(op, root, true)) {
        n += op->num_results;
        for (uint32_t i = 0; i < op->num_regions; i++)
            for (eo_block *b = eo_opx_regions(op)[i].first; b; b = b->next)
                n += 1 + b->num_args;
    }
    return n;
}

eo_op *
eo_op_clone(eo_op *op, eo_irmap *map)
{
    eo_irmap *m = map ? map : eo_irmap_create(eo_opx_ctx(op));
    if (!m)
        return NULL;
    eo_op *c = NULL;
    if (map_reserve(m, count_entries(op)) != EO_OK ||
        clone_pass1(m, op, &c) != EO_OK) {
        if (c)
            eo_op_destroy(c);
        c = NULL;
    } else {
        clone_pass2(m, op, c);
    }
    if (!map)
        eo_irmap_destroy(m);
    return c;
}

eo_status
eo_region_clone_into(eo_region *src, eo_region *dst, eo_irmap *map)
{
    eo_irmap *m = map ? map : eo_irmap_create(dst->ctx);
    if (!m)
        return EO_NOMEM;
    /* Only the blocks there now: src may be dst. */
    eo_block *old_last = dst->last, *stop = src->last;
    eo_status st = clone_blocks(m, src, dst, stop);
    for (eo_block *b = st == EO_OK ? src->first : NULL; b;
         b = b == stop ? NULL : b->next) {
        for (eo_op *op = b->first; op && st == EO_OK; op = op->next) {
            eo_op *c;
            st = clone_pass1(m, op, &c);
            if (c)
                eo_block_append(map_get(m, b), c);
        }
        if (st != EO_OK)
            break;
    }
    if (st == EO_OK) {
        for (eo_block *b = src->first; b; b = b == stop ? NULL : b->next) {
            eo_op *c = ((eo_block *)map_get(m, b))->first;
            for (eo_op *op = b->first; op && c; op = op->next, c = c->next)
                clone_pass2(m, op, c);
        }
    } else {
        /* Remove what was added. */
        eo_block *b = old_last ? old_last->next : dst->first;
        while (b) {
            eo_block *next = b->next;
            eo_block_destroy(b);
            b = next;
        }
    }
    if (!map)
        eo_irmap_destroy(m);
    return st;
}

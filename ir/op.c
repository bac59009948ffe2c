/* ir/op.c - operations: creation from an eo_op_state, destruction (an
 * iterative tree walk, any nesting depth), operands and their use lists,
 * attributes (properties and discardable ones), values, op errors.
 *
 * An op is one arena piece: the struct, then the inline operand uses,
 * results, regions and successor pointers. Operands move to a separate
 * arena array when they outgrow the inline capacity.
 */
#include "ir/internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Op states                                                           */
/* ------------------------------------------------------------------ */

/* Grows an arena array of 'elem'-byte items to hold 'need'. */
static eo_status
arena_grow(eo_ctx *ctx, void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return EO_OK;
    size_t ncap = *cap ? *cap * 2 : 4;
    if (ncap < need)
        ncap = need;
    if (ncap > SIZE_MAX / elem)
        return EO_NOMEM;
    void *p = eo_ctx_alloc(ctx, ncap * elem);
    if (!p)
        return EO_NOMEM;
    if (*cap)
        memcpy(p, *arr, *cap * elem);
    eo_ctx_free(ctx, *arr, *cap * elem);
    *arr = p;
    *cap = ncap;
    return EO_OK;
}

void
eo_op_state_init(eo_op_state *st, eo_ctx *ctx, const char *name,
                 const eo_loc *loc)
{
    memset(st, 0, sizeof(*st));
    st->ctx = ctx;
    st->loc = loc;
    size_t len = strlen(name);
    st->name = eo_ident_get(ctx, name, len);
    st->def = eo_op_def_lookup(ctx, name, len);
}

void
eo_op_state_init_def(eo_op_state *st, eo_ctx *ctx, const eo_op_def *def,
                     const eo_loc *loc)
{
    memset(st, 0, sizeof(*st));
    st->ctx = ctx;
    st->loc = loc;
    st->def = def;
    st->name = eo_ident_cstr(ctx, def->name);
}

eo_status
eo_op_state_add_operand(eo_op_state *st, eo_value *v)
{
    if (arena_grow(st->ctx, (void **)&st->operands, &st->cap_operands,
                   st->num_operands + 1, sizeof(*st->operands)) != EO_OK)
        return EO_NOMEM;
    st->operands[st->num_operands++] = v;
    return EO_OK;
}

eo_status
eo_op_state_add_operands(eo_op_state *st, size_t n, eo_value *const *v)
{
    if (!n)
        return EO_OK;
    if (arena_grow(st->ctx, (void **)&st->operands, &st->cap_operands,
                   st->num_operands + n, sizeof(*st->operands)) != EO_OK)
        return EO_NOMEM;
    memcpy(st->operands + st->num_operands, v, n * sizeof(*v));
    st->num_operands += n;
    return EO_OK;
}

eo_status
eo_op_state_add_result(eo_op_state *st, const eo_type *t)
{
    if (arena_grow(st->ctx, (void **)&st->results, &st->cap_results,
                   st->num_results + 1, sizeof(*st->results)) != EO_OK)
        return EO_NOMEM;
    st->results[st->num_results++] = t;
    return EO_OK;
}

eo_status
eo_op_state_add_results(eo_op_state *st, size_t n, const eo_type *const *t)
{
    if (!n)
        return EO_OK;
    if (arena_grow(st->ctx, (void **)&st->results, &st->cap_results,
                   st->num_results + n, sizeof(*st->results)) != EO_OK)
        return EO_NOMEM;
    memcpy(st->results + st->num_results, t, n * sizeof(*t));
    st->num_results += n;
    return EO_OK;
}

static eo_status
named_set(eo_ctx *ctx, eo_named_attr **arr, size_t *n, size_t *cap,
          const eo_ident *name, const eo_attr *value)
{
    for (size_t i = 0; i < *n; i++) {
        if ((*arr)[i].name == name) {
            (*arr)[i].value = value;
            return EO_OK;
        }
    }
    if (arena_grow(ctx, (void **)arr, cap, *n + 1, sizeof(**arr)) != EO_OK)
        return EO_NOMEM;
    (*arr)[(*n)++] = (eo_named_attr){ name, value };
    return EO_OK;
}

eo_status
eo_op_state_set_attr(eo_op_state *st, const char *name, const eo_attr *value)
{
    const eo_ident *id = eo_ident_cstr(st->ctx, name);
    if (!id)
        return EO_NOMEM;
    return named_set(st->ctx, &st->attrs, &st->num_attrs, &st->cap_attrs, id,
                     value);
}

eo_status
eo_op_state_set_prop(eo_op_state *st, const eo_ident *name,
                     const eo_attr *value)
{
    return named_set(st->ctx, &st->props, &st->num_props, &st->cap_props,
                     name, value);
}

eo_status
eo_op_state_add_successor(eo_op_state *st, eo_block *b)
{
    if (arena_grow(st->ctx, (void **)&st->successors, &st->cap_successors,
                   st->num_successors + 1, sizeof(*st->successors)) != EO_OK)
        return EO_NOMEM;
    st->successors[st->num_successors++] = b;
    return EO_OK;
}

eo_region *
eo_op_state_add_region(eo_op_state *st)
{
    if (arena_grow(st->ctx, (void **)&st->regions, &st->cap_regions,
                   st->num_regions + 1, sizeof(*st->regions)) != EO_OK)
        return NULL;
    eo_region *r = eo_region_create(st->ctx);
    if (!r)
        return NULL;
    st->regions[st->num_regions++] = r;
    return r;
}

void
eo_op_state_release(eo_op_state *st)
{
    eo_ctx *ctx = st->ctx;
    for (size_t i = 0; i < st->num_regions; i++)
        if (st->regions[i])
            eo_region_destroy(st->regions[i]);
    eo_ctx_free(ctx, st->operands, st->cap_operands * sizeof(*st->operands));
    eo_ctx_free(ctx, st->results, st->cap_results * sizeof(*st->results));
    eo_ctx_free(ctx, st->attrs, st->cap_attrs * sizeof(*st->attrs));
    eo_ctx_free(ctx, st->props, st->cap_props * sizeof(*st->props));
    eo_ctx_free(ctx, st->successors,
                st->cap_successors * sizeof(*st->successors));
    eo_ctx_free(ctx, st->regions, st->cap_regions * sizeof(*st->regions));
    memset(st, 0, sizeof(*st));
    st->ctx = ctx;
}

/* ------------------------------------------------------------------ */
/* Discardable attributes                                              */
/* ------------------------------------------------------------------ */

/* Most ops have none, so they are not a field of the op: the non-empty
 * dictionaries live in a map op -> dictionary of the context (linear
 * probing, backward-shift deletion), and has_attrs marks the ops
 * that have an entry. The context's lock guards it in parallel
 * sections. */
typedef struct attr_slot {
    const eo_op *op;                  /* NULL: free */
    const eo_attr *dict;
} attr_slot;

typedef struct attr_table {
    attr_slot *slots;
    size_t cap, count;                /* cap: 0 or a power of two */
} attr_table;

static size_t
attr_home(const attr_table *t, const eo_op *op)
{
    return (size_t)(eo_hash_ptr(EO_HASH_SEED, op) & (t->cap - 1));
}

/* The slot of 'op', or NULL. */
static attr_slot *
attr_find(const attr_table *t, const eo_op *op)
{
    if (!t || !t->count)
        return NULL;
    for (size_t i = attr_home(t, op);; i = (i + 1) & (t->cap - 1)) {
        if (t->slots[i].op == op)
            return &t->slots[i];
        if (!t->slots[i].op)
            return NULL;
    }
}

static eo_status
attr_grow(eo_ctx *ctx, attr_table *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 16;
    attr_slot *ns = eo_raw_alloc(ctx, ncap * sizeof(*ns));
    if (!ns)
        return EO_NOMEM;
    memset(ns, 0, ncap * sizeof(*ns));
    attr_table nt = { ns, ncap, t->count };
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].op)
            continue;
        size_t j = attr_home(&nt, t->slots[i].op);
        while (ns[j].op)
            j = (j + 1) & (ncap - 1);
        ns[j] = t->slots[i];
    }
    eo_raw_free(ctx, t->slots, t->cap * sizeof(*t->slots));
    *t = nt;
    return EO_OK;
}

static void
attr_remove(attr_table *t, attr_slot *s)
{
    size_t mask = t->cap - 1;
    size_t hole = (size_t)(s - t->slots);
    for (size_t i = (hole + 1) & mask; t->slots[i].op; i = (i + 1) & mask) {
        size_t home = attr_home(t, t->slots[i].op);
        /* Move back unless its home lies cyclically in (hole, i]. */
        bool stays = hole <= i ? (home > hole && home <= i)
                               : (home > hole || home <= i);
        if (!stays) {
            t->slots[hole] = t->slots[i];
            hole = i;
        }
    }
    t->slots[hole].op = NULL;
    t->slots[hole].dict = NULL;
    t->count--;
}

void
eo_op_attr_table_free(eo_ctx *ctx)
{
    attr_table **slot = (attr_table **)eo_ctx_op_attr_table(ctx);
    attr_table *t = *slot;
    if (!t)
        return;
    eo_raw_free(ctx, t->slots, t->cap * sizeof(*t->slots));
    eo_raw_free(ctx, t, sizeof(*t));
    *slot = NULL;
}

/* The op's discardable attributes (a dictionary; NULL only if even the
 * empty one cannot be made). */
static const eo_attr *
op_attrs(const eo_op *op)
{
    eo_ctx *ctx = eo_opx_ctx(op);
    if (op->has_attrs) {
        eo_ctx_lock(ctx);
        attr_slot *s = attr_find(*(attr_table **)eo_ctx_op_attr_table(ctx),
                                 op);
        const eo_attr *d = s ? s->dict : NULL;
        eo_ctx_unlock(ctx);
        if (!EO_NEVER(!d))
            return d;
    }
    const eo_attr *e = eo_ctx_empty_dict(ctx);
    return e ? e : eo_attr_get_dict(ctx, 0, NULL);
}

/* Sets the op's discardable attributes to 'dict' (a dictionary). */
static eo_status
op_set_attrs(eo_op *op, const eo_attr *dict)
{
    eo_ctx *ctx = eo_opx_ctx(op);
    bool empty = eo_attr_dict_size(dict) == 0;
    if (empty && !(op->has_attrs))
        return EO_OK;
    eo_status st = EO_OK;
    eo_ctx_lock(ctx);
    attr_table **slot = (attr_table **)eo_ctx_op_attr_table(ctx);
    if (!*slot) {
        *slot = eo_raw_alloc(ctx, sizeof(**slot));
        if (*slot)
            memset(*slot, 0, sizeof(**slot));
    }
    attr_table *t = *slot;
    attr_slot *s = attr_find(t, op);
    if (!t) {
        st = EO_NOMEM;
    } else if (empty) {
        if (s)
            attr_remove(t, s);
        op->has_attrs = 0;
    } else if (s) {
        s->dict = dict;
    } else if ((t->count + 1) * 4 > t->cap * 3 && attr_grow(ctx, t) != EO_OK) {
        st = EO_NOMEM;
    } else {
        size_t i = attr_home(t, op);
        while (t->slots[i].op)
            i = (i + 1) & (t->cap - 1);
        t->slots[i].op = op;
        t->slots[i].dict = dict;
        t->count++;
        op->has_attrs = 1;
    }
    eo_ctx_unlock(ctx);
    return st;
}

/* Drops the entry of an op being freed. */
static void
op_drop_attrs(eo_op *op)
{
    if (!(op->has_attrs))
        return;
    eo_ctx *ctx = eo_opx_ctx(op);
    eo_ctx_lock(ctx);
    attr_table *t = *(attr_table **)eo_ctx_op_attr_table(ctx);
    attr_slot *s = attr_find(t, op);
    if (s)
        attr_remove(t, s);
    eo_ctx_unlock(ctx);
    op->has_attrs = 0;
}

const eo_attr *
eo_op_discardable_attrs(const eo_op *op)
{
    return op_attrs(op);
}

eo_status
eo_op_copy_attrs(eo_op *dst, const eo_op *src)
{
    if (!(src->has_attrs))
        return EO_OK;
    const eo_attr *d = op_attrs(src);
    return d ? op_set_attrs(dst, d) : EO_NOMEM;
}

/* ------------------------------------------------------------------ */
/* Use lists                                                           */
/* ------------------------------------------------------------------ */

static void
use_link(eo_use *u, eo_value *v)
{
    u->value = v;
    if (!v) {
        u->next = NULL;
        u->prev_next = NULL;
        return;
    }
    u->next = v->uses;
    if (v->uses)
        v->uses->prev_next = &u->next;
    v->uses = u;
    u->prev_next = &v->uses;
}

static void
use_unlink(eo_use *u)
{
    if (u->prev_next) {
        *u->prev_next = u->next;
        if (u->next)
            u->next->prev_next = u->prev_next;
    }
    u->next = NULL;
    u->prev_next = NULL;
    u->value = NULL;
}

void
eo_value_orphan_uses(eo_value *v)
{
    while (v->uses)
        use_unlink(v->uses);
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

/* eo_op_def_is_inherent_attr (context.c) plus the segment-size
 * attributes implied by EO_ATTR_SIZED_OPERANDS / _RESULTS. */
static bool
is_inherent(const eo_op_def *d, const char *name)
{
    if (!d)
        return false;
    if (eo_op_def_is_inherent_attr(d, name))
        return true;
    if ((d->traits & EO_ATTR_SIZED_OPERANDS) &&
        strcmp(name, "operandSegmentSizes") == 0)
        return true;
    if ((d->traits & EO_ATTR_SIZED_RESULTS) &&
        strcmp(name, "resultSegmentSizes") == 0)
        return true;
    return false;
}

static bool
named_has(const eo_named_attr *a, size_t n, const eo_ident *name)
{
    for (size_t i = 0; i < n; i++)
        if (a[i].name == name)
            return true;
    return false;
}

/* Splits st's attributes into the props and discardable dictionaries. */
static eo_status
split_attrs(eo_op_state *st, const eo_attr **props, const eo_attr **attrs)
{
    eo_ctx *ctx = st->ctx;
    size_t total = st->num_props + st->num_attrs;
    eo_named_attr stack[32];
    eo_named_attr *buf = stack;
    if (total > 32) {
        buf = eo_raw_alloc(ctx, total * sizeof(*buf));
        if (!buf)
            return EO_NOMEM;
    }
    /* Props first (explicit ones win over same-named attrs), then the
     * discardable ones from the back. */
    size_t np = 0, nd = 0;
    for (size_t i = 0; i < st->num_props; i++)
        if (!named_has(buf, np, st->props[i].name))
            buf[np++] = st->props[i];
    for (size_t i = 0; i < st->num_attrs; i++) {
        const eo_named_attr *a = &st->attrs[i];
        if (is_inherent(st->def, eo_ident_str(a->name))) {
            if (!named_has(buf, np, a->name))
                buf[np++] = *a;
        } else {
            eo_named_attr *disc = buf + total - nd;
            bool dup = false;
            for (size_t j = 0; j < nd; j++) {
                if (disc[j].name == a->name) {
                    disc[j].value = a->value;   /* later wins */
                    dup = true;
                }
            }
            if (!dup) {
                buf[total - nd - 1] = *a;
                nd++;
            }
        }
    }
    const eo_attr *empty = eo_ctx_empty_dict(ctx);
    *props = np || !empty ? eo_attr_get_dict(ctx, np, buf) : empty;
    *attrs = nd || !empty ? eo_attr_get_dict(ctx, nd, buf + total - nd)
                          : empty;
    if (buf != stack)
        eo_raw_free(ctx, buf, total * sizeof(*buf));
    return *props && *attrs ? EO_OK : EO_NOMEM;
}

eo_op *
eo_op_create(eo_op_state *st)
{
    return eo_op_create_at(st, 0);
}

eo_op *
eo_op_create_at(eo_op_state *st, uint64_t loc_code)
{
    eo_ctx *ctx = st->ctx;
    const eo_attr *props, *attrs;
    if (!st->name ||
        (st->def && st->def->populate && st->def->populate(st) != EO_OK) ||
        split_attrs(st, &props, &attrs) != EO_OK) {
        eo_op_state_release(st);
        return NULL;
    }
    size_t nops = st->num_operands, nres = st->num_results;
    size_t nreg = st->num_regions, nsucc = st->num_successors;
    if (nops > UINT32_MAX / 2 || nres > UINT32_MAX / 2 ||
        nreg > EO_OP_MAX_REGIONS || nsucc > EO_OP_MAX_SUCCESSORS) {
        eo_op_state_release(st);
        return NULL;
    }
    size_t size = sizeof(eo_op) + nops * sizeof(eo_use) +
                  nres * sizeof(eo_value) + nreg * sizeof(eo_region) +
                  nsucc * sizeof(eo_block *);
    eo_op *op = eo_ctx_alloc_op(ctx, size);
    if (!loc_code)
        loc_code = (uint64_t)(uintptr_t)(st->loc ? st->loc
                                                 : eo_loc_unknown(ctx));
    const eo_opname *oname = eo_opname_get(ctx, st->name, st->def);
    if (!op || !loc_code || !oname) {
        eo_ctx_free_op(ctx, op, size);
        eo_op_state_release(st);
        return NULL;
    }
    op->oname = oname;
    op->loc_code = loc_code;
    op->props = props;
    if (op_set_attrs(op, attrs) != EO_OK) {
        eo_ctx_free_op(ctx, op, size);
        eo_op_state_release(st);
        return NULL;
    }
    op->num_operands = (uint32_t)nops;
    op->num_results = (uint32_t)nres;
    op->num_regions = nreg & EO_OP_MAX_REGIONS;
    op->num_successors = nsucc & EO_OP_MAX_SUCCESSORS;
    op->operands = eo_opx_inline_operands(op);

    for (size_t i = 0; i < nops; i++) {
        op->operands[i].owner = op;
        use_link(&op->operands[i], st->operands[i]);
    }
    for (size_t i = 0; i < nres; i++) {
        eo_value *v = &eo_opx_results(op)[i];
        v->type = st->results[i];
        v->kind = EO_VALUE_RESULT;
        v->index = (uint32_t)i;
    }
    for (size_t i = 0; i < nreg; i++) {
        eo_region *r = &eo_opx_regions(op)[i];
        r->parent = op;
        r->ctx = ctx;
        eo_region *src = st->regions[i];
        if (src) {
            eo_region_take_body(r, src);
            eo_region_destroy(src);
            st->regions[i] = NULL;
        }
    }
    if (nsucc)
        memcpy(eo_op_succs(op), st->successors, nsucc * sizeof(eo_block *));
    eo_op_state_release(st);
    return op;
}

/* ------------------------------------------------------------------ */
/* Destruction                                                         */
/* ------------------------------------------------------------------ */

void
eo_op_drop_uses_tree(eo_op *root)
{
    for (eo_op *op = root; op; op = eo_op_preorder_next(op, root, true))
        for (uint32_t i = 0; i < op->num_operands; i++)
            use_unlink(&op->operands[i]);
}

/* The header of an operand array out of the op's piece. */
static eo_opx_out_hdr *
out_hdr(const eo_op *op)
{
    return (eo_opx_out_hdr *)op->operands - 1;
}

/* The number of inline operand slots of 'op'. */
static uint32_t
inline_cap(const eo_op *op)
{
    if (!eo_opx_operands_inline(op))
        return out_hdr(op)->inline_cap;
    if (!op->shrunk)
        return op->num_operands;
    uint32_t n;
    memcpy(&n, &op->operands[op->num_operands], sizeof(n));
    return n;
}

/* How many operands fit where they are. */
static uint32_t
operand_cap(const eo_op *op)
{
    return eo_opx_operands_inline(op) ? inline_cap(op) : out_hdr(op)->cap;
}

/* Sets the operand count to 'n' (at most the capacity), keeping the
 * inline slot count 'cap' (inline_cap before the slots changed) recorded
 * (see eo_op.shrunk). */
static void
set_num_operands(eo_op *op, uint32_t n, uint32_t cap)
{
    op->num_operands = n;
    if (!eo_opx_operands_inline(op))
        return;
    op->shrunk = n < cap;
    if (n < cap) {
        memset(&op->operands[n], 0, sizeof(eo_use));
        memcpy(&op->operands[n], &cap, sizeof(cap));
    }
}

/* Frees the operand array out of the op's piece, if there is one. */
static void
free_operands_out(eo_ctx *ctx, eo_op *op)
{
    if (!eo_opx_operands_inline(op))
        eo_ctx_free(ctx, out_hdr(op),
                    sizeof(eo_opx_out_hdr) + out_hdr(op)->cap *
                                                 sizeof(eo_use));
}

/* Size of the op's own allocation: struct, results, regions, successors
 * and the inline operand slots (kept when the operands moved out). */
static size_t
op_alloc_size(const eo_op *op)
{
    return (size_t)((const char *)eo_opx_inline_operands(op) -
                    (const char *)op) +
           inline_cap(op) * sizeof(eo_use);
}

/* Frees an op whose regions hold no blocks. */
static void
free_op_shell(eo_op *op)
{
    eo_ctx *ctx = eo_opx_ctx(op);
    for (uint32_t i = 0; i < op->num_operands; i++)
        use_unlink(&op->operands[i]);
    for (uint32_t i = 0; i < op->num_results; i++)
        eo_value_orphan_uses(&eo_opx_results(op)[i]);
    size_t size = op_alloc_size(op);
    op_drop_attrs(op);
    free_operands_out(ctx, op);
    eo_ctx_free_op(ctx, op, size);
}

/* Depth-first, without recursion: descend to an op with no nested ops,
 * free it, go back to its parent and look again. Empty blocks are freed
 * on the way, so every step frees something or descends: linear. */
void
eo_op_free_tree(eo_op *root)
{
    eo_op *cur = root;
    for (;;) {
        eo_op *child = NULL;
        for (uint32_t i = 0; i < cur->num_regions && !child; i++) {
            eo_region *r = &eo_opx_regions(cur)[i];
            while (r->first) {
                eo_block *b = r->first;
                if (b->first) {
                    child = b->first;
                    break;
                }
                r->first = b->next;
                if (r->first)
                    r->first->prev = NULL;
                else
                    r->last = NULL;
                b->region = NULL;
                b->next = b->prev = NULL;
                eo_block_free_shell(b);
            }
        }
        if (child) {
            cur = child;
            continue;
        }
        if (cur == root) {
            free_op_shell(cur);
            return;
        }
        eo_block *b = cur->block;
        b->first = cur->next;
        if (b->first)
            b->first->prev = NULL;
        else
            b->last = NULL;
        free_op_shell(cur);
        cur = b->region->parent;
    }
}

void
eo_op_destroy(eo_op *op)
{
    if (!op)
        return;
    if (op->block)
        eo_op_detach(op);
    eo_op_drop_uses_tree(op);
    eo_op_free_tree(op);
}

eo_status
eo_op_erase(eo_op *op)
{
    for (uint32_t i = 0; i < op->num_results; i++)
        if (eo_opx_results(op)[i].uses)
            return eo_op_error(op, "cannot be erased: result #%u still has "
                               "uses", i);
    eo_op_destroy(op);
    return EO_OK;
}

void
eo_op_detach(eo_op *op)
{
    eo_block *b = op->block;
    if (!b)
        return;
    if (op->prev)
        op->prev->next = op->next;
    else
        b->first = op->next;
    if (op->next)
        op->next->prev = op->prev;
    else
        b->last = op->prev;
    op->prev = op->next = NULL;
    op->block = NULL;
    /* The others keep their (still increasing) order numbers. */
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

eo_ctx *
eo_op_ctx(const eo_op *op)
{
    return eo_opx_ctx(op);
}

const eo_ident *
eo_op_name(const eo_op *op)
{
    return eo_opx_name(op);
}

const char *
eo_op_name_str(const eo_op *op)
{
    return eo_ident_str(eo_opx_name(op));
}

const eo_op_def *
eo_op_get_def(const eo_op *op)
{
    return eo_opx_def(op);
}

bool
eo_op_is(const eo_op *op, const eo_op_def *def)
{
    return op && def && eo_opx_def(op) == def;
}

bool
eo_op_has_trait(const eo_op *op, uint64_t trait)
{
    return eo_opx_def(op) && (eo_opx_def(op)->traits & trait) == trait;
}

bool
eo_op_is_terminator(const eo_op *op)
{
    return eo_op_has_trait(op, EO_TERMINATOR);
}

const eo_loc *
eo_op_loc(const eo_op *op)
{
    const eo_loc *l = eo_loc_lazy_get(eo_opx_ctx(op), op->loc_code);
    return l ? l : eo_loc_unknown(eo_opx_ctx(op));
}

void
eo_op_set_loc(eo_op *op, const eo_loc *loc)
{
    if (loc)
        op->loc_code = (uint64_t)(uintptr_t)loc;
}

eo_block *
eo_op_block(const eo_op *op)
{
    return op->block;
}

eo_op *
eo_op_parent(const eo_op *op)
{
    if (!op->block || !op->block->region)
        return NULL;
    return op->block->region->parent;
}

eo_region *
eo_op_parent_region(const eo_op *op)
{
    return op->block ? op->block->region : NULL;
}

eo_op *
eo_op_next(const eo_op *op)
{
    return op->next;
}

eo_op *
eo_op_prev(const eo_op *op)
{
    return op->prev;
}

bool
eo_op_is_inside(const eo_op *op, const eo_op *ancestor)
{
    for (const eo_op *o = op; o; o = eo_op_parent(o))
        if (o == ancestor)
            return true;
    return false;
}

size_t
eo_op_num_operands(const eo_op *op)
{
    return op->num_operands;
}

eo_value *
eo_op_operand(const eo_op *op, size_t i)
{
    return i < op->num_operands ? op->operands[i].value : NULL;
}

eo_use *
eo_op_operand_use(eo_op *op, size_t i)
{
    return i < op->num_operands ? &op->operands[i] : NULL;
}

void
eo_op_set_operand(eo_op *op, size_t i, eo_value *v)
{
    if (EO_NEVER(i >= op->num_operands))
        return;
    eo_use *u = &op->operands[i];
    if (u->value == v)
        return;
    use_unlink(u);
    use_link(u, v);
}

/* Ensures room for 'need' operands, moving them to an arena array. */
static eo_status
reserve_operands(eo_op *op, size_t need)
{
    uint32_t cap = operand_cap(op);
    if (need <= cap)
        return EO_OK;
    if (need > UINT32_MAX / 2)
        return EO_NOMEM;
    size_t ncap = cap * 2u;
    if (ncap < 4)
        ncap = 4;
    if (ncap < need)
        ncap = need;
    eo_ctx *ctx = eo_opx_ctx(op);
    eo_opx_out_hdr *h = eo_ctx_alloc(ctx, sizeof(*h) +
                                              ncap * sizeof(eo_use));
    if (!h)
        return EO_NOMEM;
    h->inline_cap = inline_cap(op);
    h->cap = (uint32_t)ncap;
    eo_use *nu = (eo_use *)(h + 1);
    for (uint32_t i = 0; i < op->num_operands; i++) {
        eo_value *v = op->operands[i].value;
        use_unlink(&op->operands[i]);
        nu[i].owner = op;
        use_link(&nu[i], v);
    }
    free_operands_out(ctx, op);
    op->operands = nu;
    op->shrunk = 0;
    return EO_OK;
}

eo_status
eo_op_set_operands(eo_op *op, size_t n, eo_value *const *v)
{
    if (reserve_operands(op, n) != EO_OK)
        return EO_NOMEM;
    uint32_t icap = inline_cap(op);
    for (uint32_t i = 0; i < op->num_operands; i++)
        use_unlink(&op->operands[i]);
    for (size_t i = 0; i < n; i++) {
        op->operands[i].owner = op;
        use_link(&op->operands[i], v[i]);
    }
    set_num_operands(op, (uint32_t)n, icap);
    return EO_OK;
}

eo_status
eo_op_insert_operand(eo_op *op, size_t i, eo_value *v)
{
    if (i > op->num_operands)
        i = op->num_operands;
    if (reserve_operands(op, (size_t)op->num_operands + 1) != EO_OK)
        return EO_NOMEM;
    uint32_t icap = inline_cap(op);
    for (size_t j = op->num_operands; j > i; j--) {
        eo_value *w = op->operands[j - 1].value;
        use_unlink(&op->operands[j - 1]);
        op->operands[j].owner = op;
        use_link(&op->operands[j], w);
    }
    op->operands[i].owner = op;
    use_link(&op->operands[i], v);
    set_num_operands(op, op->num_operands + 1, icap);
    return EO_OK;
}

void
eo_op_erase_operand(eo_op *op, size_t i)
{
    if (EO_NEVER(i >= op->num_operands))
        return;
    uint32_t icap = inline_cap(op);
    use_unlink(&op->operands[i]);
    for (size_t j = i; j + 1 < op->num_operands; j++) {
        eo_value *w = op->operands[j + 1].value;
        use_unlink(&op->operands[j + 1]);
        use_link(&op->operands[j], w);
    }
    set_num_operands(op, op->num_operands - 1, icap);
}

size_t
eo_op_num_results(const eo_op *op)
{
    return op->num_results;
}

eo_value *
eo_op_result(const eo_op *op, size_t i)
{
    return i < op->num_results ? &eo_opx_results(op)[i] : NULL;
}

size_t
eo_op_num_regions(const eo_op *op)
{
    return op->num_regions;
}

eo_region *
eo_op_region(const eo_op *op, size_t i)
{
    return i < op->num_regions ? &eo_opx_regions(op)[i] : NULL;
}

size_t
eo_op_num_successors(const eo_op *op)
{
    return op->num_successors;
}

eo_block *
eo_op_successor(const eo_op *op, size_t i)
{
    return i < op->num_successors ? eo_op_succs(op)[i] : NULL;
}

void
eo_op_set_successor(eo_op *op, size_t i, eo_block *b)
{
    if (EO_NEVER(i >= op->num_successors))
        return;
    eo_op_succs(op)[i] = b;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

const eo_attr *
eo_op_attr(const eo_op *op, const char *name)
{
    const eo_attr *a = eo_attr_dict_get(op->props, name);
    if (a || !(op->has_attrs))
        return a;
    return eo_attr_dict_get(op_attrs(op), name);
}

const eo_attr *
eo_op_props(const eo_op *op)
{
    return op->props;
}

/* 'dict' with 'name' set to 'value' (removed if NULL). */
static const eo_attr *
dict_with(eo_ctx *ctx, const eo_attr *dict, const eo_ident *name,
          const eo_attr *value)
{
    size_t n = eo_attr_dict_size(dict);
    eo_named_attr stack[16];
    eo_named_attr *buf = stack;
    if (n + 1 > 16) {
        buf = eo_raw_alloc(ctx, (n + 1) * sizeof(*buf));
        if (!buf)
            return NULL;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const eo_named_attr *a = eo_attr_dict_at(dict, i);
        if (a->name != name)
            buf[m++] = *a;
    }
    if (value)
        buf[m++] = (eo_named_attr){ name, value };
    const eo_attr *res = eo_attr_get_dict(ctx, m, buf);
    if (buf != stack)
        eo_raw_free(ctx, buf, (n + 1) * sizeof(*buf));
    return res;
}

eo_status
eo_op_set_attr(eo_op *op, const char *name, const eo_attr *value)
{
    const eo_ident *id = eo_ident_cstr(eo_opx_ctx(op), name);
    if (!id)
        return EO_NOMEM;
    bool inherent = is_inherent(eo_opx_def(op), name) ||
                    eo_attr_dict_get(op->props, name);
    if (inherent) {
        const eo_attr *d = dict_with(eo_opx_ctx(op), op->props, id, value);
        if (!d)
            return EO_NOMEM;
        op->props = d;
        const eo_attr *attrs = op_attrs(op);
        if (!attrs)
            return EO_NOMEM;
        if (eo_attr_dict_get(attrs, name)) {
            d = dict_with(eo_opx_ctx(op), attrs, id, NULL);
            if (!d)
                return EO_NOMEM;
            return op_set_attrs(op, d);
        }
    } else {
        const eo_attr *attrs = op_attrs(op);
        const eo_attr *d = attrs ? dict_with(eo_opx_ctx(op), attrs, id, value)
                                 : NULL;
        if (!d)
            return EO_NOMEM;
        return op_set_attrs(op, d);
    }
    return EO_OK;
}

void
eo_op_set_props(eo_op *op, const eo_attr *dict)
{
    if (dict && eo_attr_get_kind(dict) == EO_ATTR_DICT)
        op->props = dict;
}

void
eo_op_set_discardable_attrs(eo_op *op, const eo_attr *dict)
{
    if (dict && eo_attr_get_kind(dict) == EO_ATTR_DICT)
        (void)op_set_attrs(op, dict);
}

static bool
segment(const eo_op *op, const char *name, size_t total, size_t i,
        size_t *start, size_t *len)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY)
        return false;
    size_t n = eo_attr_dense_array_size(a);
    if (i >= n)
        return false;
    size_t pos = 0, sum = 0;
    for (size_t k = 0; k < n; k++) {
        int64_t s = eo_attr_dense_array_int(a, k);
        if (s < 0)
            return false;
        if (k == i)
            pos = sum;
        sum += (size_t)s;
    }
    if (sum != total)
        return false;
    *start = pos;
    *len = (size_t)eo_attr_dense_array_int(a, i);
    return true;
}

bool
eo_op_operand_segment(const eo_op *op, size_t i, size_t *start, size_t *len)
{
    return segment(op, "operandSegmentSizes", op->num_operands, i, start, len);
}

bool
eo_op_result_segment(const eo_op *op, size_t i, size_t *start, size_t *len)
{
    return segment(op, "resultSegmentSizes", op->num_results, i, start, len);
}

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

static eo_diag_builder *
op_error_beginv(eo_op *op, const char *fmt, va_list ap)
{
    /* "'name' op " + fmt, with '%' in the name escaped. */
    const char *name = eo_ident_str(eo_opx_name(op));
    size_t nlen = eo_ident_len(eo_opx_name(op)), flen = strlen(fmt);
    size_t cap = 2 * nlen + flen + 8;
    char stack[256];
    char *buf = cap <= sizeof(stack) ? stack
                                     : eo_raw_alloc(eo_opx_ctx(op), cap);
    if (!buf)
        return eo_diag_beginv(eo_opx_ctx(op), EO_SEV_ERROR, eo_op_loc(op), fmt,
                              ap);
    size_t k = 0;
    buf[k++] = '\'';
    for (size_t i = 0; i < nlen; i++) {
        if (name[i] == '%')
            buf[k++] = '%';
        buf[k++] = name[i];
    }
    memcpy(buf + k, "' op ", 5);
    k += 5;
    memcpy(buf + k, fmt, flen + 1);
    eo_diag_builder *b = eo_diag_beginv(eo_opx_ctx(op), EO_SEV_ERROR,
                                        eo_op_loc(op), buf, ap);
    if (buf != stack)
        eo_raw_free(eo_opx_ctx(op), buf, cap);
    return b;
}

eo_diag_builder *
eo_op_error_begin(eo_op *op, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_diag_builder *b = op_error_beginv(op, fmt, ap);
    va_end(ap);
    return b;
}

eo_status
eo_op_error(eo_op *op, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_diag_builder *b = op_error_beginv(op, fmt, ap);
    va_end(ap);
    eo_diag_emit(b);
    return EO_ERROR;
}

/* ------------------------------------------------------------------ */
/* Values                                                              */
/* ------------------------------------------------------------------ */

const eo_type *
eo_value_type(const eo_value *v)
{
    return v->type;
}

void
eo_value_set_type(eo_value *v, const eo_type *t)
{
    v->type = t;
}

bool
eo_value_is_block_arg(const eo_value *v)
{
    return v->kind == EO_VALUE_ARG;
}

eo_op *
eo_value_def_op(const eo_value *v)
{
    return v->kind == EO_VALUE_RESULT ? eo_valx_op(v) : NULL;
}

eo_block *
eo_value_owner_block(const eo_value *v)
{
    return v->kind == EO_VALUE_ARG ? eo_valx_block(v) : eo_valx_op(v)->block;
}

unsigned
eo_value_index(const eo_value *v)
{
    return v->index;
}

const eo_loc *
eo_value_loc(const eo_value *v)
{
    if (v->kind == EO_VALUE_RESULT)
        return eo_op_loc(eo_valx_op(v));
    return ((const eo_arg_value *)v)->loc;
}

void
eo_value_set_loc(eo_value *v, const eo_loc *loc)
{
    if (v->kind == EO_VALUE_ARG)
        ((eo_arg_value *)v)->loc = loc;
    else if (loc)
        eo_op_set_loc(eo_valx_op(v), loc);
}

bool
eo_value_has_uses(const eo_value *v)
{
    return v->uses != NULL;
}

bool
eo_value_has_one_use(const eo_value *v)
{
    return v->uses && !v->uses->next;
}

size_t
eo_value_num_uses(const eo_value *v)
{
    size_t n = 0;
    for (const eo_use *u = v->uses; u; u = u->next)
        n++;
    return n;
}

eo_use *
eo_value_first_use(const eo_value *v)
{
    return v->uses;
}

eo_use *
eo_use_next(const eo_use *u)
{
    return u->next;
}

eo_op *
eo_use_owner(const eo_use *u)
{
    return u->owner;
}

size_t
eo_use_operand_index(const eo_use *u)
{
    return (size_t)(u - u->owner->operands);
}

eo_value *
eo_use_value(const eo_use *u)
{
    return u->value;
}

void
eo_value_replace_all_uses(eo_value *from, eo_value *to)
{
    if (from == to)
        return;
    while (from->uses) {
        eo_use *u = from->uses;
        use_unlink(u);
        use_link(u, to);
    }
}

void
eo_value_replace_uses_except(eo_value *from, eo_value *to,
                             const eo_op *except)
{
    if (from == to)
        return;
    eo_use *u = from->uses;
    while (u) {
        eo_use *next = u->next;
        if (u->owner != except) {
            use_unlink(u);
            use_link(u, to);
        }
        u = next;
    }
}

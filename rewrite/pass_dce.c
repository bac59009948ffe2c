/* rewrite/pass_dce.c - dead code: the dce and symbol-dce passes, and the
 * region simplification the greedy driver runs after each iteration
 * (MLIR's simplifyRegions: unreachable blocks, then region DCE with
 * liveness through branch operands and block arguments).
 */
#include "rewrite/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Whether 'op' could be erased if its results were unused (MLIR's
 * wouldOpBeTriviallyDead): no effects, or only allocation. */
static bool
would_be_dead(const eo_op *op)
{
    if (eo_op_is_terminator(op) || eo_op_has_trait(op, EO_SYMBOL))
        return false;
    if (eo_op_is_pure(op))
        return true;
    const eo_op_def *d = eo_op_get_def(op);
    uint64_t mem = EO_MEM_READ | EO_MEM_WRITE | EO_MEM_ALLOC | EO_MEM_FREE;
    return d && !(d->traits & EO_RECURSIVE_EFFECTS) &&
           (d->traits & mem) == EO_MEM_ALLOC;
}

/* Erases a block whose ops and arguments may still be used by other
 * doomed blocks: uses are dropped first, ops go one by one through the
 * rewriter (last first) so its listener hears of each. */
static void
erase_block(eo_rewriter *rw, eo_block *b)
{
    for (size_t i = 0; i < eo_block_num_args(b); i++) {
        eo_value *a = eo_block_arg(b, i);
        while (eo_value_first_use(a)) {
            eo_use *u = eo_value_first_use(a);
            eo_op_set_operand(eo_use_owner(u), eo_use_operand_index(u), NULL);
        }
    }
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
        for (size_t r = 0; r < eo_op_num_results(o); r++) {
            eo_value *v = eo_op_result(o, r);
            while (eo_value_first_use(v)) {
                eo_use *u = eo_value_first_use(v);
                eo_op_set_operand(eo_use_owner(u), eo_use_operand_index(u),
                                  NULL);
            }
        }
    }
    while (eo_block_last(b))
        eo_rewriter_erase_op(rw, eo_block_last(b));
    eo_block_destroy(b);
}

/* Blocks of 'r' in post-order of the CFG from the entry block (successors
 * before predecessors). Iterative DFS; *out is arena memory of *n blocks.
 * Blocks not reachable are not listed. */
static eo_status
post_order(eo_ctx *ctx, eo_region *r, eo_block ***out, size_t *n,
           size_t *cap_out)
{
    size_t nb = eo_region_num_blocks(r);
    *out = NULL;
    *n = 0;
    *cap_out = nb;
    if (!nb)
        return EO_OK;
    eo_block **order = eo_ctx_alloc(ctx, nb * sizeof(*order));
    eo_block **stack = eo_ctx_alloc(ctx, nb * sizeof(*stack));
    size_t *next = eo_ctx_alloc(ctx, nb * sizeof(*next));
    eo_ptrmap seen;
    eo_ptrmap_init(&seen, ctx);
    eo_status st = EO_OK;
    if (!order || !stack || !next) {
        st = EO_NOMEM;
        goto done;
    }
    size_t sp = 0;
    eo_block *entry = eo_region_first(r);
    if (eo_ptrmap_put(&seen, entry, 0, NULL) != EO_OK) {
        st = EO_NOMEM;
        goto done;
    }
    stack[sp] = entry;
    next[sp++] = 0;
    while (sp) {
        eo_block *b = stack[sp - 1];
        eo_op *t = eo_block_last(b);
        size_t ns = t ? eo_op_num_successors(t) : 0;
        if (next[sp - 1] < ns) {
            eo_block *s = eo_op_successor(t, next[sp - 1]++);
            bool existed = true;
            if (s && eo_block_region(s) == r &&
                eo_ptrmap_put(&seen, s, 0, &existed) != EO_OK) {
                st = EO_NOMEM;
                goto done;
            }
            if (!existed && sp < nb) {
                stack[sp] = s;
                next[sp++] = 0;
            }
            continue;
        }
        order[(*n)++] = b;
        sp--;
    }
done:
    eo_ptrmap_fini(&seen);
    eo_ctx_free(ctx, stack, nb * sizeof(*stack));
    eo_ctx_free(ctx, next, nb * sizeof(*next));
    if (st != EO_OK) {
        eo_ctx_free(ctx, order, nb * sizeof(*order));
        *n = 0;
        return st;
    }
    *out = order;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Unreachable blocks                                                  */
/* ------------------------------------------------------------------ */

static eo_status
erase_unreachable(eo_rewriter *rw, eo_region *top, bool *changed)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_region **work = NULL;
    size_t nwork = 0, cap = 0;
    eo_status st = EO_OK;
#define PUSH_REGION(reg)                                                   \
    do {                                                                   \
        if (nwork == cap) {                                                \
            size_t nc = cap ? cap * 2 : 16;                                \
            eo_region **nw = eo_ctx_alloc(ctx, nc * sizeof(*nw));         \
            if (!nw) {                                                     \
                st = EO_NOMEM;                                             \
                goto done;                                                 \
            }                                                              \
            if (work) {                                                    \
                memcpy(nw, work, cap * sizeof(*nw));                       \
                eo_ctx_free(ctx, work, cap * sizeof(*nw));                 \
            }                                                              \
            work = nw;                                                     \
            cap = nc;                                                      \
        }                                                                  \
        work[nwork++] = (reg);                                             \
    } while (0)
    PUSH_REGION(top);
    while (nwork) {
        eo_region *r = work[--nwork];
        eo_block *first = eo_region_first(r);
        if (!first)
            continue;
        if (!eo_block_next(first)) {
            for (eo_op *o = eo_block_first(first); o; o = eo_op_next(o))
                for (size_t i = 0; i < eo_op_num_regions(o); i++)
                    PUSH_REGION(eo_op_region(o, i));
            continue;
        }
        eo_block **order;
        size_t n, ocap;
        st = post_order(ctx, r, &order, &n, &ocap);
        if (st != EO_OK)
            goto done;
        eo_ptrmap reach;
        eo_ptrmap_init(&reach, ctx);
        for (size_t i = 0; i < n && st == EO_OK; i++)
            st = eo_ptrmap_put(&reach, order[i], 0, NULL);
        eo_ctx_free(ctx, order, ocap * sizeof(*order));
        if (st != EO_OK) {
            eo_ptrmap_fini(&reach);
            goto done;
        }
        eo_block *nb;
        for (eo_block *b = first; b; b = nb) {
            nb = eo_block_next(b);
            if (!eo_ptrmap_get(&reach, b, NULL)) {
                erase_block(rw, b);
                *changed = true;
                continue;
            }
            for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
                for (size_t i = 0; i < eo_op_num_regions(o); i++)
                    PUSH_REGION(eo_op_region(o, i));
        }
        eo_ptrmap_fini(&reach);
    }
#undef PUSH_REGION
done:
    eo_ctx_free(ctx, work, cap * sizeof(*work));
    return st;
}

/* ------------------------------------------------------------------ */
/* Region DCE (liveness through branch operands)                       */
/* ------------------------------------------------------------------ */

/* Values defined in a region are used only inside it, so each region is
 * handled on its own, nested regions first (their dead ops no longer
 * count as users). A single-block region of SSA dominance needs no
 * liveness map: in reverse order every user is decided before its
 * definition, so "would be dead and unused" is exact. Other regions
 * (several blocks, graph regions) get MLIR's liveness fixpoint, with
 * branch operands feeding dead block arguments counting as dead. */

typedef struct live_map {
    eo_ptrmap set;            /* ops and values proven live */
    eo_region *region;        /* the region analysed */
    bool changed;
    eo_status st;
} live_map;

static bool
is_live(const live_map *lm, const void *p)
{
    return eo_ptrmap_get(&lm->set, p, NULL);
}

static void
set_live(live_map *lm, const void *p)
{
    bool existed = true;
    if (eo_ptrmap_put(&lm->set, p, 0, &existed) != EO_OK)
        lm->st = EO_NOMEM;
    if (!existed)
        lm->changed = true;
}

/* Whether the successor operands of 'op' can be erased one by one: each
 * successor's range is all operands after the first ones (no segment
 * sizes, one successor) or exactly one operand segment. */
/* In greedy.c (see there); MLIR erases dead successor operands of any
 * BranchOpInterface, cf.switch included. */
EO_HIDDEN bool eo_branch_updatable(eo_op *t);
EO_HIDDEN eo_status eo_branch_erase_succ_operand(eo_op *t, size_t si,
                                                 size_t k);

static bool
branch_is_editable(const eo_op *op)
{
    if (eo_op_num_successors(op) > 0)
        return eo_branch_updatable((eo_op *)op);
    const eo_op_def *d = eo_op_get_def(op);
    if (!d || !d->successor_operands)
        return false;
    size_t ns = eo_op_num_successors(op);
    if (!eo_op_has_trait(op, EO_ATTR_SIZED_OPERANDS)) {
        if (ns != 1)
            return ns == 0;
        unsigned first = 0, count = 0;
        d->successor_operands((eo_op *)op, 0, &first, &count);
        return (size_t)first + count == eo_op_num_operands(op);
    }
    for (size_t i = 0; i < ns; i++) {
        unsigned first = 0, count = 0;
        d->successor_operands((eo_op *)op, (unsigned)i, &first, &count);
        bool found = false;
        size_t start, len;
        for (size_t s = 0; eo_op_operand_segment(op, s, &start, &len); s++)
            if (start == first && len == count)
                found = true;
        if (!found)
            return false;
    }
    return true;
}

/* The successor block argument that operand 'idx' of the editable
 * branch 'op' feeds, or NULL. */
static eo_value *
successor_arg(eo_op *op, size_t idx)
{
    const eo_op_def *d = eo_op_get_def(op);
    for (size_t i = 0; i < eo_op_num_successors(op); i++) {
        unsigned first = 0, count = 0;
        d->successor_operands(op, (unsigned)i, &first, &count);
        if (idx >= first && idx < (size_t)first + count) {
            eo_block *s = eo_op_successor(op, i);
            size_t k = idx - first;
            return k < eo_block_num_args(s) ? eo_block_arg(s, k) : NULL;
        }
    }
    return NULL;
}

static bool
use_is_known_dead(live_map *lm, eo_use *u)
{
    eo_op *owner = eo_use_owner(u);
    if (!eo_op_is_terminator(owner) || !branch_is_editable(owner))
        return false;
    eo_value *arg = successor_arg(owner, eo_use_operand_index(u));
    return arg && !is_live(lm, arg);
}

/* A user nested deeper than the analysed region survived its own
 * region's DCE: live. */
static void
process_value(live_map *lm, eo_value *v)
{
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *owner = eo_use_owner(u);
        if (eo_op_parent_region(owner) != lm->region) {
            set_live(lm, v);
            return;
        }
        if (use_is_known_dead(lm, u))
            continue;
        if (is_live(lm, owner)) {
            set_live(lm, v);
            return;
        }
    }
}

static void
propagate_terminator(live_map *lm, eo_op *op)
{
    set_live(lm, op);
    bool editable = branch_is_editable(op);
    const eo_op_def *d = eo_op_get_def(op);
    for (size_t i = 0; i < eo_op_num_successors(op); i++) {
        eo_block *s = eo_op_successor(op, i);
        if (!s)
            continue;
        size_t from = 0;
        if (editable) {
            /* Produced operands (none in our branch ops) are live. */
            unsigned first = 0, count = 0;
            d->successor_operands(op, (unsigned)i, &first, &count);
            from = count;
        }
        for (size_t k = from; k < eo_block_num_args(s); k++)
            set_live(lm, eo_block_arg(s, k));
    }
}

static void
propagate_op(live_map *lm, eo_op *op)
{
    if (eo_op_is_terminator(op)) {
        propagate_terminator(lm, op);
        return;
    }
    if (is_live(lm, op))
        return;
    if (!would_be_dead(op)) {
        set_live(lm, op);
        return;
    }
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        process_value(lm, eo_op_result(op, i));
        if (is_live(lm, eo_op_result(op, i))) {
            set_live(lm, op);
            break;
        }
    }
}

static void
propagate_blocks(live_map *lm, eo_block **order, size_t n)
{
    for (size_t i = 0; i < n && lm->st == EO_OK; i++) {
        eo_block *b = order[i];
        for (eo_op *o = eo_block_last(b); o; o = eo_op_prev(o))
            propagate_op(lm, o);
        if (eo_block_is_entry(b))
            continue;
        for (size_t k = 0; k < eo_block_num_args(b); k++)
            if (!is_live(lm, eo_block_arg(b, k)))
                process_value(lm, eo_block_arg(b, k));
    }
}

static eo_status
erase_dead_successor_operands(eo_rewriter *rw, eo_op *t, live_map *lm,
                              bool *changed)
{
    if (!t || !branch_is_editable(t))
        return EO_OK;
    const eo_attr *seg = eo_op_attr(t, "operandSegmentSizes");
    if (seg && eo_attr_get_kind(seg) == EO_ATTR_DENSE_ARRAY &&
        eo_attr_dense_array_size(seg) > 16)
        return EO_OK;
    const eo_op_def *d = eo_op_get_def(t);
    bool modified = false;
    for (size_t si = eo_op_num_successors(t); si-- > 0;) {
        eo_block *s = eo_op_successor(t, si);
        unsigned first = 0, count = 0;
        d->successor_operands(t, (unsigned)si, &first, &count);
        for (size_t k = count; k-- > 0;) {
            if (k < eo_block_num_args(s) && is_live(lm, eo_block_arg(s, k)))
                continue;
            eo_status st = eo_branch_erase_succ_operand(t, si, k);
            if (st != EO_OK)
                return st;
            modified = true;
        }
    }
    if (modified) {
        *changed = true;
        eo_rewriter_modify_begin(rw, t);
        eo_rewriter_modify_end(rw, t);
    }
    return EO_OK;
}

static void
drop_result_uses(eo_op *o)
{
    for (size_t k = 0; k < eo_op_num_results(o); k++) {
        eo_value *v = eo_op_result(o, k);
        while (eo_value_first_use(v)) {
            eo_use *u = eo_value_first_use(v);
            eo_op_set_operand(eo_use_owner(u), eo_use_operand_index(u), NULL);
        }
    }
}

/* MLIR's liveness fixpoint and deleteDeadness on region 'r' alone. */
static eo_status
general_dce(eo_rewriter *rw, eo_region *r, bool *changed)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    bool multi = eo_block_next(eo_region_first(r)) != NULL;
    eo_block *only = eo_region_first(r);
    eo_block **order = &only;
    size_t n = 1, cap = 0;
    if (multi && post_order(ctx, r, &order, &n, &cap) != EO_OK)
        return EO_NOMEM;
    live_map lm;
    memset(&lm, 0, sizeof(lm));
    lm.region = r;
    eo_ptrmap_init(&lm.set, ctx);
    do {
        lm.changed = false;
        propagate_blocks(&lm, order, n);
    } while (lm.changed && lm.st == EO_OK);
    eo_status st = lm.st;
    for (size_t i = 0; i < n && st == EO_OK; i++) {
        eo_block *b = order[i];
        if (multi)
            st = erase_dead_successor_operands(rw, eo_block_last(b), &lm,
                                               changed);
        eo_op *prev;
        for (eo_op *o = eo_block_last(b); o && st == EO_OK; o = prev) {
            prev = eo_op_prev(o);
            if (is_live(&lm, o))
                continue;
            drop_result_uses(o);
            eo_rewriter_erase_op(rw, o);
            *changed = true;
        }
    }
    if (st == EO_OK) {
        for (eo_block *b = eo_block_next(eo_region_first(r)); b;
             b = eo_block_next(b)) {
            for (size_t k = eo_block_num_args(b); k-- > 0;) {
                eo_value *a = eo_block_arg(b, k);
                if (is_live(&lm, a) || eo_value_has_uses(a))
                    continue;
                if (eo_block_erase_arg(b, k) == EO_OK)
                    *changed = true;
            }
        }
    }
    eo_ptrmap_fini(&lm.set);
    if (multi)
        eo_ctx_free(ctx, order, cap * sizeof(*order));
    return st;
}

/* Recursion follows region nesting, which the parser bounds by
 * EO_MAX_DEPTH. */
static eo_status
region_dce(eo_rewriter *rw, eo_region *r, bool *changed)
{
    eo_block *first = eo_region_first(r);
    if (!first)
        return EO_OK;
    eo_op *parent = eo_region_parent_op(r);
    bool fast = !eo_block_next(first) && parent && eo_op_get_def(parent) &&
                !eo_op_has_trait(parent, EO_GRAPH_REGION);
    eo_op *prev;
    for (eo_block *b = first; b; b = eo_block_next(b)) {
        for (eo_op *o = eo_block_last(b); o; o = prev) {
            prev = eo_op_prev(o);
            for (size_t i = 0; i < eo_op_num_regions(o); i++) {
                eo_status st = region_dce(rw, eo_op_region(o, i), changed);
                if (st != EO_OK)
                    return st;
            }
            if (!fast || eo_op_is_terminator(o) || !would_be_dead(o))
                continue;
            bool used = false;
            for (size_t k = 0; k < eo_op_num_results(o) && !used; k++)
                used = eo_value_has_uses(eo_op_result(o, k));
            if (!used) {
                eo_rewriter_erase_op(rw, o);
                *changed = true;
            }
        }
    }
    return fast ? EO_OK : general_dce(rw, r, changed);
}

eo_status
eo_simplify_regions(eo_rewriter *rw, eo_op *root, eo_region *r,
                    bool *changed)
{
    (void)root;
    *changed = false;
    eo_status st = erase_unreachable(rw, r, changed);
    if (st == EO_OK)
        st = region_dce(rw, r, changed);
    return st;
}

/* ------------------------------------------------------------------ */
/* dce                                                                 */
/* ------------------------------------------------------------------ */

typedef struct dce_state {
    eo_ctx *ctx;
    eo_op **stack;
    size_t len, cap;
    eo_ptrmap visited;        /* popped and kept */
    eo_status st;
    bool changed;
} dce_state;

static void
dce_push(dce_state *s, eo_op *op)
{
    if (s->len == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        eo_op **ns = eo_ctx_alloc(s->ctx, nc * sizeof(*ns));
        if (!ns) {
            s->st = EO_NOMEM;
            return;
        }
        if (s->stack) {
            memcpy(ns, s->stack, s->len * sizeof(*ns));
            eo_ctx_free(s->ctx, s->stack, s->cap * sizeof(*ns));
        }
        s->stack = ns;
        s->cap = nc;
    }
    s->stack[s->len++] = op;
}

static eo_walk_result
dce_seed(eo_op *op, void *ud)
{
    dce_push(ud, op);
    return EO_WALK_ADVANCE;
}

/* The rewriter's erasing hook: producers already visited may now be
 * dead (uses before definitions only through CFG back edges and graph
 * regions). An erased op stays in the visited set: it may still be on
 * the stack (a producer re-pushed by an op of the same tree, erased
 * after it), and a pop must skip it, not read freed memory. */
static void
dce_on_erasing(void *ud, eo_op *op)
{
    dce_state *s = ud;
    if (eo_ptrmap_put(&s->visited, op, 0, NULL) != EO_OK)
        s->st = EO_NOMEM;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        eo_op *def = v ? eo_value_def_op(v) : NULL;
        if (def && eo_ptrmap_remove(&s->visited, def))
            dce_push(s, def);
    }
}

/* Erases trivially dead ops nested in 'root', users first (reverse
 * pre-order), until none is left. */
static eo_status
run_dce(eo_op *root, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    dce_state s;
    memset(&s, 0, sizeof(s));
    s.ctx = eo_op_ctx(root);
    eo_ptrmap_init(&s.visited, s.ctx);
    eo_rewrite_listener l = { NULL, dce_on_erasing, NULL, NULL, &s };
    eo_rewriter rw;
    eo_rewriter_init(&rw, s.ctx, &l, NULL);
    for (size_t r = 0; r < eo_op_num_regions(root); r++)
        for (eo_block *b = eo_region_first(eo_op_region(root, r)); b;
             b = eo_block_next(b))
            for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
                eo_op_walk(o, EO_WALK_PRE, dce_seed, &s);
    while (s.len && s.st == EO_OK) {
        eo_op *op = s.stack[--s.len];
        /* Re-pushed ops (dce_on_erasing) may also sit deeper in the
         * stack: the visited set tells a second pop to skip. */
        if (eo_ptrmap_get(&s.visited, op, NULL))
            continue;
        if (eo_op_is_trivially_dead(op)) {
            eo_rewriter_erase_op(&rw, op);
            s.changed = true;
            continue;
        }
        if (eo_ptrmap_put(&s.visited, op, 0, NULL) != EO_OK)
            s.st = EO_NOMEM;
    }
    eo_ctx_free(s.ctx, s.stack, s.cap * sizeof(*s.stack));
    eo_ptrmap_fini(&s.visited);
    if (pc && !s.changed && s.st == EO_OK)
        eo_pass_ctx_mark_unchanged(pc);
    return s.st;
}

const eo_pass_def eo_pass_dce = {
    .name = "dce",
    .description = "Erase trivially dead operations",
    .anchor = NULL,
    .run = run_dce,
};

/* ------------------------------------------------------------------ */
/* symbol-dce                                                          */
/* ------------------------------------------------------------------ */

typedef struct sym_state {
    eo_ctx *ctx;
    eo_ptrmap live;           /* symbol ops proven live */
    eo_ptrmap tables;         /* table op -> index into maps */
    eo_ptrmap *maps;          /* per table: sym_name ident -> op */
    size_t nmaps, cap_maps;
    eo_op **work;
    size_t nwork, cap_work;
    size_t erased;
    eo_status st;
} sym_state;

static bool
is_symbol(eo_ctx *ctx, const eo_op *op)
{
    if (!eo_op_get_def(op) || !eo_symbol_name(ctx, op))
        return false;
    return eo_op_has_trait(op, EO_SYMBOL) ||
           eo_op_has_trait(op, EO_SYMBOL_TABLE);
}

static bool
is_private(const eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "sym_visibility");
    size_t len;
    const char *s = v && eo_attr_get_kind(v) == EO_ATTR_STRING
                        ? eo_attr_string(v, &len) : NULL;
    return s && len == 7 && memcmp(s, "private", 7) == 0;
}

/* MLIR's isPotentiallyUnknownSymbolTable. */
static bool
maybe_unknown_table(eo_ctx *ctx, const eo_op *op)
{
    if (eo_op_get_def(op) || eo_op_num_regions(op) != 1)
        return false;
    const char *name = eo_op_name_str(op);
    const char *dot = strchr(name, '.');
    return !eo_dialect_lookup(ctx, name, dot ? (size_t)(dot - name)
                                              : strlen(name));
}

static void
sym_push(sym_state *s, eo_op *op)
{
    if (s->nwork == s->cap_work) {
        size_t nc = s->cap_work ? s->cap_work * 2 : 64;
        eo_op **nw = eo_ctx_alloc(s->ctx, nc * sizeof(*nw));
        if (!nw) {
            s->st = EO_NOMEM;
            return;
        }
        if (s->work) {
            memcpy(nw, s->work, s->nwork * sizeof(*nw));
            eo_ctx_free(s->ctx, s->work, s->cap_work * sizeof(*nw));
        }
        s->work = nw;
        s->cap_work = nc;
    }
    s->work[s->nwork++] = op;
}

static void
mark_live(sym_state *s, eo_op *op)
{
    bool existed = true;
    if (eo_ptrmap_put(&s->live, op, 0, &existed) != EO_OK)
        s->st = EO_NOMEM;
    else if (!existed)
        sym_push(s, op);
}

/* The symbol named 'name' directly in 'table', through a map built on
 * first use. */
static eo_op *
sym_lookup(sym_state *s, eo_op *table, const eo_ident *name)
{
    if (!eo_op_has_trait(table, EO_SYMBOL_TABLE) ||
        eo_op_num_regions(table) < 1)
        return NULL;
    size_t idx;
    if (!eo_ptrmap_get(&s->tables, table, &idx)) {
        if (s->nmaps == s->cap_maps) {
            size_t nc = s->cap_maps ? s->cap_maps * 2 : 8;
            eo_ptrmap *nm = eo_ctx_alloc(s->ctx, nc * sizeof(*nm));
            if (!nm) {
                s->st = EO_NOMEM;
                return NULL;
            }
            if (s->maps) {
                memcpy(nm, s->maps, s->nmaps * sizeof(*nm));
                eo_ctx_free(s->ctx, s->maps, s->cap_maps * sizeof(*nm));
            }
            s->maps = nm;
            s->cap_maps = nc;
        }
        idx = s->nmaps++;
        eo_ptrmap *m = &s->maps[idx];
        eo_ptrmap_init(m, s->ctx);
        if (eo_ptrmap_put(&s->tables, table, idx, NULL) != EO_OK) {
            s->st = EO_NOMEM;
            return NULL;
        }
        for (eo_block *b = eo_region_first(eo_op_region(table, 0)); b;
             b = eo_block_next(b))
            for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
                const eo_ident *n = eo_symbol_name(s->ctx, o);
                bool existed = false;
                if (n && !eo_ptrmap_get(m, n, NULL) &&
                    eo_ptrmap_put(m, n, (size_t)(uintptr_t)o, &existed)
                        != EO_OK)
                    s->st = EO_NOMEM;
            }
    }
    size_t v;
    return eo_ptrmap_get(&s->maps[idx], name, &v) ? (eo_op *)(uintptr_t)v
                                                  : NULL;
}

/* Marks live every symbol a reference in 'a' resolves to from 'table'
 * (each symbol along a nested reference). Attribute nesting is bounded
 * by the parser's EO_MAX_DEPTH. */
static void
mark_refs_in_attr(sym_state *s, eo_op *table, const eo_attr *a)
{
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_SYMBOL_REF: {
        eo_op *sym = sym_lookup(s, table, eo_attr_symbol_root(a));
        if (!sym)
            return;
        eo_op *chain[64];
        size_t nchain = 0;
        chain[nchain++] = sym;
        for (size_t i = 0; i < eo_attr_symbol_num_nested(a); i++) {
            sym = sym_lookup(s, sym, eo_attr_symbol_nested(a, i));
            if (!sym)
                return;         /* unknown symbols are ignored */
            if (nchain < 64)
                chain[nchain++] = sym;
        }
        for (size_t i = 0; i < nchain; i++)
            mark_live(s, chain[i]);
        return;
    }
    case EO_ATTR_ARRAY:
        for (size_t i = 0; i < eo_attr_array_size(a); i++)
            mark_refs_in_attr(s, table, eo_attr_array_at(a, i));
        return;
    case EO_ATTR_DICT:
        for (size_t i = 0; i < eo_attr_dict_size(a); i++)
            mark_refs_in_attr(s, table, eo_attr_dict_at(a, i)->value);
        return;
    default:
        return;
    }
}

static void
mark_refs_of_op(sym_state *s, eo_op *table, eo_op *op)
{
    mark_refs_in_attr(s, table, eo_op_props(op));
    mark_refs_in_attr(s, table, eo_op_discardable_attrs(op));
}

/* MLIR's SymbolTable::getSymbolUses on a live op: its attributes and
 * those of the ops nested in it, not entering nested symbol tables.
 * Fails, as MLIR, on an unregistered op that might be a symbol table. */
static eo_status
mark_uses(sym_state *s, eo_op *table, eo_op *from)
{
    if (maybe_unknown_table(s->ctx, from))
        goto unknown;
    mark_refs_of_op(s, table, from);
    if (eo_op_has_trait(from, EO_SYMBOL_TABLE))
        return EO_OK;
    for (eo_op *o = from; o;) {
        /* Pre-order inside 'from', skipping nested symbol tables. */
        eo_op *next = NULL;
        bool descend = o == from || !eo_op_has_trait(o, EO_SYMBOL_TABLE);
        if (o != from) {
            if (maybe_unknown_table(s->ctx, o)) {
                from = o;
                goto unknown;
            }
            mark_refs_of_op(s, table, o);
        }
        if (descend)
            for (size_t r = 0; r < eo_op_num_regions(o) && !next; r++)
                for (eo_block *b = eo_region_first(eo_op_region(o, r));
                     b && !next; b = eo_block_next(b))
                    next = eo_block_first(b);
        while (!next && o != from) {
            if (eo_op_next(o)) {
                next = eo_op_next(o);
                break;
            }
            eo_block *b = eo_block_next(eo_op_block(o));
            for (; b && !next; b = eo_block_next(b))
                next = eo_block_first(b);
            if (next)
                break;
            eo_region *reg = eo_op_parent_region(o);
            eo_op *parent = eo_op_parent(o);
            for (size_t r = eo_region_index(reg) + 1;
                 parent && r < eo_op_num_regions(parent) && !next; r++)
                for (b = eo_region_first(eo_op_region(parent, r));
                     b && !next; b = eo_block_next(b))
                    next = eo_block_first(b);
            if (next)
                break;
            o = parent;
        }
        o = next;
    }
    return s->st;
unknown:
    return eo_op_error(from, "operation contains potentially unknown symbol "
                       "table, meaning that we can't reliable compute "
                       "symbol uses");
}

static eo_status
compute_liveness(sym_state *s, eo_op *table)
{
    size_t base = s->nwork;
    for (eo_block *b = eo_region_first(eo_op_region(table, 0)); b;
         b = eo_block_next(b))
        for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
            /* Only private symbols may be discarded when unused (MLIR's
             * default canDiscardOnUseEmpty). */
            if (!is_symbol(s->ctx, o))
                sym_push(s, o);
            else if (!is_private(o))
                mark_live(s, o);
        }
    while (s->nwork > base && s->st == EO_OK) {
        eo_op *op = s->work[--s->nwork];
        if (eo_op_has_trait(op, EO_SYMBOL_TABLE) && eo_op_get_def(op) &&
            eo_op_num_regions(op) >= 1) {
            /* Nested tables: recursion bounded by region nesting. */
            eo_status st = compute_liveness(s, op);
            if (st != EO_OK)
                return st;
        }
        eo_op *parent = eo_op_parent(op);
        eo_status st = mark_uses(s, parent ? parent : table, op);
        if (st != EO_OK)
            return st;
    }
    return s->st;
}

static eo_walk_result
erase_dead_symbols(eo_op *op, void *ud)
{
    sym_state *s = ud;
    if (!eo_op_has_trait(op, EO_SYMBOL_TABLE) || !eo_op_get_def(op) ||
        eo_op_num_regions(op) < 1)
        return EO_WALK_ADVANCE;
    for (eo_block *b = eo_region_first(eo_op_region(op, 0)); b;
         b = eo_block_next(b)) {
        eo_op *next;
        for (eo_op *o = eo_block_first(b); o; o = next) {
            next = eo_op_next(o);
            if (is_symbol(s->ctx, o) && !eo_ptrmap_get(&s->live, o, NULL)) {
                eo_op_destroy(o);
                s->erased++;
            }
        }
    }
    return EO_WALK_ADVANCE;
}

static eo_status
run_symbol_dce(eo_op *root, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    if (!eo_op_has_trait(root, EO_SYMBOL_TABLE))
        return eo_op_error(root, " was scheduled to run under SymbolDCE, but "
                           "does not define a symbol table");
    sym_state s;
    memset(&s, 0, sizeof(s));
    s.ctx = eo_op_ctx(root);
    eo_ptrmap_init(&s.live, s.ctx);
    eo_ptrmap_init(&s.tables, s.ctx);
    eo_status st = compute_liveness(&s, root);
    /* Post-order, as MLIR: nested tables are pruned before their
     * parent, which may then drop them whole. */
    if (st == EO_OK)
        eo_op_walk(root, EO_WALK_POST, erase_dead_symbols, &s);
    for (size_t i = 0; i < s.nmaps; i++)
        eo_ptrmap_fini(&s.maps[i]);
    eo_ctx_free(s.ctx, s.maps, s.cap_maps * sizeof(*s.maps));
    eo_ctx_free(s.ctx, s.work, s.cap_work * sizeof(*s.work));
    eo_ptrmap_fini(&s.live);
    eo_ptrmap_fini(&s.tables);
    if (pc && st == EO_OK && !s.erased)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

const eo_pass_def eo_pass_symbol_dce = {
    .name = "symbol-dce",
    .description = "Eliminate dead symbols",
    .anchor = NULL,
    .run = run_symbol_dce,
};

/* rewrite/pass_inline.c - the "inline" pass: inlines func.call of
 * func.func, callees first, with one bool knob per call site.
 *
 * Requires: nothing (runs on a symbol table op, usually builtin.module).
 * Preserves: semantics. Like MLIR's inliner it
 *   - visits the call graph bottom-up (Tarjan's SCCs, callees first), so a
 *     callee is inlined into its callers with its own calls already
 *     inlined, and calls brought in by an inlined body are considered too;
 *   - never inlines a call to a function in a recursive SCC (self- or
 *     mutually recursive), to a declaration, or a multi-block callee into
 *     a region that cannot hold several blocks (the call's parent op has
 *     the single-block trait or is unregistered, unless it is a func.func);
 *   - gives inlined ops callsite locations (callee loc at the call loc);
 *   - runs the "default-pipeline" (canonicalize) on each function after
 *     its calls were inlined;
 *   - erases private functions with a body that nothing refers to.
 * Knob: "inline.<site>.enable" (bool, default true) for each call that is
 * legal to inline; false keeps the call. Calls cloned from an inlined
 * body keep their site key, so they get the same answer.
 */
#include "rewrite/rewrite.h"
#include "rewrite/internal.h"

#include "dialects/func/func.h"

#include <stdlib.h>
#include <string.h>

typedef struct inline_options {
    const char *default_pipeline;
} inline_options;

static const eo_pass_option inline_option_rows[] = {
    { "default-pipeline",
      "Pipeline run on each function once calls were inlined into it "
      "(empty: none)",
      EO_OPT_STRING, offsetof(inline_options, default_pipeline),
      "canonicalize" },
};

/* ------------------------------------------------------------------ */
/* A pointer-pair map (open addressing) to node indices                */
/* ------------------------------------------------------------------ */

typedef struct pmap_slot {
    const void *a, *b;
    size_t value;                     /* node index + 1; 0: empty */
} pmap_slot;

typedef struct pmap {
    pmap_slot *slots;
    size_t cap, count;
} pmap;

static size_t
pmap_hash(const void *a, const void *b, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)a * 0x9e3779b97f4a7c15ull;
    h ^= (uint64_t)(uintptr_t)b + 0x7f4a7c159e3779b9ull + (h << 6) + (h >> 2);
    h *= 0xbf58476d1ce4e5b9ull;
    return (size_t)(h ^ (h >> 31)) & (cap - 1);
}

static size_t
pmap_get(const pmap *m, const void *a, const void *b)
{
    if (!m->cap)
        return 0;
    for (size_t i = pmap_hash(a, b, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].value)
            return 0;
        if (m->slots[i].a == a && m->slots[i].b == b)
            return m->slots[i].value;
    }
}

static bool
pmap_put(pmap *m, const void *a, const void *b, size_t value)
{
    if ((m->count + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        pmap_slot *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return false;
        for (size_t i = 0; i < m->cap; i++) {
            pmap_slot *s = &m->slots[i];
            if (!s->value)
                continue;
            size_t j = pmap_hash(s->a, s->b, ncap);
            while (ns[j].value)
                j = (j + 1) & (ncap - 1);
            ns[j] = *s;
        }
        free(m->slots);
        m->slots = ns;
        m->cap = ncap;
    }
    size_t i = pmap_hash(a, b, m->cap);
    while (m->slots[i].value &&
           !(m->slots[i].a == a && m->slots[i].b == b))
        i = (i + 1) & (m->cap - 1);
    if (!m->slots[i].value)
        m->count++;
    m->slots[i] = (pmap_slot){ a, b, value };
    return true;
}

/* ------------------------------------------------------------------ */
/* The call graph                                                      */
/* ------------------------------------------------------------------ */

typedef struct fn_node {
    eo_op *op;
    size_t *callees;
    size_t num_callees, cap_callees;
    size_t index, low;                /* Tarjan; index 0: unvisited */
    bool on_stack;
    bool recursive;                   /* in a cycle of the call graph */
} fn_node;

typedef struct inliner {
    eo_ctx *ctx;
    const eo_knob_provider *knobs;
    fn_node *nodes;
    size_t num_nodes, cap_nodes;
    pmap by_sym;                      /* (symbol table op, name) -> node */
    pmap by_op;                       /* (func op, NULL) -> node */
    size_t *order;                    /* nodes, callees first */
    size_t num_order;
    eo_op **work;                     /* call worklist */
    size_t num_work, cap_work;
    const eo_op_def *call_def, *func_def, *return_def, *br_def;
    bool changed;
    bool oom;
} inliner;

static bool
grow(void **arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *p = realloc(*arr, n * elem);
    if (!p)
        return false;
    *arr = p;
    *cap = n;
    return true;
}

static eo_walk_result
collect_fn(eo_op *op, void *ud)
{
    inliner *in = ud;
    if (!eo_op_is(op, in->func_def))
        return EO_WALK_ADVANCE;
    eo_op *table = eo_op_parent(op);
    const eo_ident *name = eo_symbol_name(in->ctx, op);
    if (!grow((void **)&in->nodes, &in->cap_nodes, in->num_nodes + 1,
              sizeof *in->nodes)) {
        in->oom = true;
        return EO_WALK_INTERRUPT;
    }
    fn_node *n = &in->nodes[in->num_nodes++];
    memset(n, 0, sizeof *n);
    n->op = op;
    if (!pmap_put(&in->by_op, op, NULL, in->num_nodes) ||
        (name && table && !pmap_get(&in->by_sym, table, name) &&
         !pmap_put(&in->by_sym, table, name, in->num_nodes))) {
        in->oom = true;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_SKIP;              /* functions do not nest */
}

/* The func.func node a call refers to, or NULL. */
static fn_node *
resolve(inliner *in, eo_op *call)
{
    const eo_attr *ref = eo_op_attr(call, "callee");
    if (!ref || eo_attr_get_kind(ref) != EO_ATTR_SYMBOL_REF)
        return NULL;
    size_t idx = 0;
    if (eo_attr_symbol_num_nested(ref) == 0) {
        eo_op *table = eo_symbol_table_of(call);
        if (table)
            idx = pmap_get(&in->by_sym, table, eo_attr_symbol_root(ref));
    } else {
        eo_op *fn = eo_symbol_lookup_nearest(call, ref);
        if (fn)
            idx = pmap_get(&in->by_op, fn, NULL);
    }
    return idx ? &in->nodes[idx - 1] : NULL;
}

typedef struct edge_walk {
    inliner *in;
    fn_node *from;
} edge_walk;

static eo_walk_result
collect_edge(eo_op *op, void *ud)
{
    edge_walk *ew = ud;
    if (!eo_op_is(op, ew->in->call_def))
        return EO_WALK_ADVANCE;
    fn_node *to = resolve(ew->in, op);
    if (!to)
        return EO_WALK_ADVANCE;
    fn_node *from = ew->from;
    if (!grow((void **)&from->callees, &from->cap_callees,
              from->num_callees + 1, sizeof *from->callees)) {
        ew->in->oom = true;
        return EO_WALK_INTERRUPT;
    }
    from->callees[from->num_callees++] = (size_t)(to - ew->in->nodes);
    return EO_WALK_ADVANCE;
}

/* Tarjan's SCCs without recursion: in->order gets the nodes with every
 * SCC after the SCCs it calls; nodes in cycles are marked recursive. */
static bool
compute_order(inliner *in)
{
    size_t n = in->num_nodes;
    in->order = malloc((n ? n : 1) * sizeof *in->order);
    size_t *stack = malloc((n ? n : 1) * sizeof *stack);
    size_t *cs_node = malloc((n ? n : 1) * sizeof *cs_node);
    size_t *cs_edge = malloc((n ? n : 1) * sizeof *cs_edge);
    if (!in->order || !stack || !cs_node || !cs_edge) {
        free(stack);
        free(cs_node);
        free(cs_edge);
        return false;
    }
    size_t sp = 0, next_index = 1;
    for (size_t root = 0; root < n; root++) {
        if (in->nodes[root].index)
            continue;
        size_t csp = 0;
        cs_node[csp] = root;
        cs_edge[csp++] = 0;
        in->nodes[root].index = in->nodes[root].low = next_index++;
        stack[sp++] = root;
        in->nodes[root].on_stack = true;
        while (csp) {
            size_t v = cs_node[csp - 1];
            fn_node *nv = &in->nodes[v];
            if (cs_edge[csp - 1] < nv->num_callees) {
                size_t w = nv->callees[cs_edge[csp - 1]++];
                fn_node *nw = &in->nodes[w];
                if (w == v)
                    nv->recursive = true;
                if (!nw->index) {
                    nw->index = nw->low = next_index++;
                    stack[sp++] = w;
                    nw->on_stack = true;
                    cs_node[csp] = w;
                    cs_edge[csp++] = 0;
                } else if (nw->on_stack && nw->index < nv->low) {
                    nv->low = nw->index;
                }
                continue;
            }
            csp--;
            if (csp) {
                fn_node *parent = &in->nodes[cs_node[csp - 1]];
                if (nv->low < parent->low)
                    parent->low = nv->low;
            }
            if (nv->low != nv->index)
                continue;
            size_t first = in->num_order, w;
            do {
                w = stack[--sp];
                in->nodes[w].on_stack = false;
                in->order[in->num_order++] = w;
            } while (w != v);
            if (in->num_order - first > 1)
                for (size_t k = first; k < in->num_order; k++)
                    in->nodes[in->order[k]].recursive = true;
        }
    }
    free(stack);
    free(cs_node);
    free(cs_edge);
    return true;
}

/* ------------------------------------------------------------------ */
/* Inlining one call                                                   */
/* ------------------------------------------------------------------ */

/* Whether 'call' may be inlined with the body of 'callee' (MLIR's
 * legality rules; see the top of the file). */
static bool
legal_to_inline(inliner *in, eo_op *call, fn_node *callee)
{
    eo_op *fn = callee->op;
    if (callee->recursive || func_is_declaration(fn) ||
        eo_op_is_terminator(call) || eo_op_is_inside(call, fn))
        return false;
    const eo_type *ft = func_get_type(fn);
    eo_region *body = eo_op_region(fn, 0);
    eo_block *entry = eo_region_first(body);
    if (!ft || eo_type_num_inputs(ft) != eo_op_num_operands(call) ||
        eo_type_num_results(ft) != eo_op_num_results(call) ||
        eo_block_num_args(entry) != eo_op_num_operands(call))
        return false;
    for (size_t i = 0; i < eo_op_num_operands(call); i++)
        if (eo_value_type(eo_block_arg(entry, i)) !=
            eo_value_type(eo_op_operand(call, i)))
            return false;
    for (size_t i = 0; i < eo_op_num_results(call); i++)
        if (eo_type_result(ft, i) != eo_value_type(eo_op_result(call, i)))
            return false;
    /* Every block must end in a func.return of the right arity, or a
     * terminator that stays inside the body. */
    size_t nblocks = 0;
    for (eo_block *b = entry; b; b = eo_block_next(b)) {
        nblocks++;
        eo_op *t = eo_block_terminator(b);
        if (!t)
            return false;
        if (eo_op_is(t, in->return_def) &&
            eo_op_num_operands(t) != eo_op_num_results(call))
            return false;
        if (!eo_op_is(t, in->return_def) && eo_op_has_trait(t,
                                                            EO_RETURN_LIKE))
            return false;
    }
    if (nblocks > 1) {
        eo_op *parent = eo_op_parent(call);
        if (!in->br_def || !parent)
            return false;
        bool same = eo_op_name(parent) == eo_op_name(fn);
        if (!same && (!eo_op_get_def(parent) ||
                      eo_op_has_trait(parent, EO_SINGLE_BLOCK)))
            return false;
    }
    return true;
}

typedef struct loc_walk {
    inliner *in;
    const eo_loc *call_loc;
} loc_walk;

/* Gives an inlined op its callsite location and queues inlined calls. */
static eo_walk_result
remap_inlined(eo_op *op, void *ud)
{
    loc_walk *lw = ud;
    inliner *in = lw->in;
    const eo_loc *l = eo_loc_callsite(in->ctx, eo_op_loc(op), lw->call_loc);
    if (l)
        eo_op_set_loc(op, l);
    if (eo_op_is(op, in->call_def)) {
        if (!grow((void **)&in->work, &in->cap_work, in->num_work + 1,
                  sizeof *in->work)) {
            in->oom = true;
            return EO_WALK_INTERRUPT;
        }
        in->work[in->num_work++] = op;
    }
    return EO_WALK_ADVANCE;
}

/* Replaces a func.return at the end of 'b' with "cf.br ^post(operands)". */
static eo_status
return_to_branch(inliner *in, eo_block *b, eo_block *post)
{
    eo_op *t = eo_block_terminator(b);
    if (!t || !eo_op_is(t, in->return_def))
        return EO_OK;
    eo_op_state st;
    eo_op_state_init_def(&st, in->ctx, in->br_def, eo_op_loc(t));
    for (size_t i = 0; i < eo_op_num_operands(t); i++)
        if (eo_op_state_add_operand(&st, eo_op_operand(t, i)) != EO_OK) {
            eo_op_state_release(&st);
            return EO_NOMEM;
        }
    if (eo_op_state_add_successor(&st, post) != EO_OK) {
        eo_op_state_release(&st);
        return EO_NOMEM;
    }
    eo_op *br = eo_op_create(&st);
    if (!br)
        return EO_NOMEM;
    eo_op_insert_before(t, br);
    return eo_op_erase(t);
}

static eo_status
inline_call(inliner *in, eo_op *call, fn_node *callee)
{
    eo_ctx *ctx = in->ctx;
    eo_region *tmp = eo_region_create(ctx);
    eo_irmap *map = eo_irmap_create(ctx);
    if (!tmp || !map) {
        if (tmp)
            eo_region_destroy(tmp);
        if (map)
            eo_irmap_destroy(map);
        return EO_NOMEM;
    }
    eo_status st = eo_region_clone_into(eo_op_region(callee->op, 0), tmp,
                                        map);
    eo_irmap_destroy(map);
    if (st != EO_OK) {
        eo_region_destroy(tmp);
        return st;
    }
    eo_block *entry = eo_region_first(tmp);
    for (size_t i = 0; i < eo_block_num_args(entry); i++)
        eo_value_replace_all_uses(eo_block_arg(entry, i),
                                  eo_op_operand(call, i));
    loc_walk lw = { in, eo_op_loc(call) };
    for (eo_block *b = entry; b; b = eo_block_next(b))
        for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op))
            if (eo_op_walk(op, EO_WALK_PRE, remap_inlined, &lw)) {
                eo_region_destroy(tmp);
                return EO_NOMEM;
            }

    eo_block *blk = eo_op_block(call);
    if (!eo_block_next(entry)) {
        /* One block: its ops go before the call, the return's operands
         * replace the call's results. */
        eo_op *term = eo_block_terminator(entry);
        for (eo_op *op = eo_block_first(entry); op != term;) {
            eo_op *next = eo_op_next(op);
            eo_op_move_before(op, call);
            op = next;
        }
        for (size_t i = 0; i < eo_op_num_results(call); i++)
            eo_value_replace_all_uses(eo_op_result(call, i),
                                      eo_op_operand(term, i));
    } else {
        /* Several blocks: split after the call; the entry's ops continue
         * the call's block, the other blocks follow it, and each return
         * branches to the continuation with the results. */
        eo_block *post = eo_block_split(blk, eo_op_next(call));
        if (!post) {
            eo_region_destroy(tmp);
            return EO_NOMEM;
        }
        for (size_t i = 0; i < eo_op_num_results(call); i++) {
            eo_value *r = eo_op_result(call, i);
            eo_value *a = eo_block_add_arg(post, eo_value_type(r),
                                           eo_op_loc(call));
            if (!a) {
                eo_region_destroy(tmp);
                return EO_NOMEM;
            }
            eo_value_replace_all_uses(r, a);
        }
        eo_block *first_moved = eo_block_next(entry);
        if (!eo_block_empty(entry))
            eo_block_splice_from(blk, eo_block_first(entry));
        eo_region *region = eo_block_region(blk);
        eo_block *pos = blk;
        for (eo_block *b = first_moved; b;) {
            eo_block *next = eo_block_next(b);
            eo_block_detach(b);
            eo_region_insert_after(region, pos, b);
            pos = b;
            b = next;
        }
        for (eo_block *b = blk; b != post; b = eo_block_next(b))
            if ((st = return_to_branch(in, b, post)) != EO_OK) {
                eo_region_destroy(tmp);
                return st;
            }
    }
    eo_region_destroy(tmp);
    in->changed = true;
    return eo_op_erase(call);
}

static eo_walk_result
queue_call(eo_op *op, void *ud)
{
    inliner *in = ud;
    if (!eo_op_is(op, in->call_def))
        return EO_WALK_ADVANCE;
    if (!grow((void **)&in->work, &in->cap_work, in->num_work + 1,
              sizeof *in->work)) {
        in->oom = true;
        return EO_WALK_INTERRUPT;
    }
    in->work[in->num_work++] = op;
    return EO_WALK_ADVANCE;
}

static const eo_knob_domain bool_domain = { .kind = EO_KNOB_BOOL };

/* Inlines the calls in 'fn' (and those its inlined bodies bring). */
static eo_status
inline_into(inliner *in, fn_node *fn)
{
    in->num_work = 0;
    if (eo_op_walk(fn->op, EO_WALK_PRE, queue_call, in))
        return EO_NOMEM;
    /* Pop from the back; reverse first so calls go in program order. */
    for (size_t i = 0, j = in->num_work; i + 1 < j; i++, j--) {
        eo_op *t = in->work[i];
        in->work[i] = in->work[j - 1];
        in->work[j - 1] = t;
    }
    while (in->num_work) {
        eo_op *call = in->work[--in->num_work];
        fn_node *callee = resolve(in, call);
        if (!callee || !legal_to_inline(in, call, callee))
            continue;
        if (!eo_knob_ask(in->knobs, "inline", call, "enable", &bool_domain,
                         1, "inline"))
            continue;
        size_t before = in->num_work;
        eo_status st = inline_call(in, call, callee);
        if (st != EO_OK)
            return st;
        if (in->oom)
            return EO_NOMEM;
        /* Visit the calls just inlined in program order. */
        for (size_t i = before, j = in->num_work; i + 1 < j; i++, j--) {
            eo_op *t = in->work[i];
            in->work[i] = in->work[j - 1];
            in->work[j - 1] = t;
        }
    }
    return EO_OK;
}

static bool
is_discardable(inliner *in, eo_op *fn)
{
    const eo_attr *v = eo_op_attr(fn, "sym_visibility");
    if (!v || eo_attr_get_kind(v) != EO_ATTR_STRING)
        return false;
    size_t len;
    const char *s = eo_attr_string(v, &len);
    (void)in;
    return (len == 7 && !memcmp(s, "private", 7)) ||
           (len == 6 && !memcmp(s, "nested", 6));
}

/* ------------------------------------------------------------------ */
/* Dead private functions                                              */
/* ------------------------------------------------------------------ */

/* Reference counts by symbol name (the root of each symbol ref), taken in
 * one walk: a private function nothing refers to, from outside its own
 * body, is dead. Names are not told apart by symbol table, which can only
 * keep a function alive, never erase a used one. */
typedef struct ref_walk {
    inliner *in;
    pmap *counts;                     /* (ident, NULL) -> count + 1 */
    const eo_ident *self;             /* refs to it do not count */
    bool add;
    const eo_attr **stack;
    size_t cap;
} ref_walk;

static bool
count_refs_in(ref_walk *rw, const eo_attr *root)
{
    size_t sp = 0;
    if (!grow((void **)&rw->stack, &rw->cap, 1, sizeof *rw->stack))
        return false;
    rw->stack[sp++] = root;
    while (sp) {
        const eo_attr *a = rw->stack[--sp];
        eo_attr_kind k = eo_attr_get_kind(a);
        if (k == EO_ATTR_SYMBOL_REF) {
            const eo_ident *id = eo_attr_symbol_root(a);
            if (id == rw->self)
                continue;
            size_t c = pmap_get(rw->counts, id, NULL);
            if (rw->add) {
                if (!pmap_put(rw->counts, id, NULL, c ? c + 1 : 2))
                    return false;
            } else if (c > 1) {
                pmap_put(rw->counts, id, NULL, c - 1);
            }
        } else if (k == EO_ATTR_ARRAY || k == EO_ATTR_DICT) {
            size_t cnt = k == EO_ATTR_ARRAY ? eo_attr_array_size(a)
                                            : eo_attr_dict_size(a);
            if (!grow((void **)&rw->stack, &rw->cap, sp + cnt,
                      sizeof *rw->stack))
                return false;
            for (size_t i = 0; i < cnt; i++)
                rw->stack[sp++] = k == EO_ATTR_ARRAY
                                      ? eo_attr_array_at(a, i)
                                      : eo_attr_dict_at(a, i)->value;
        }
    }
    return true;
}

static eo_walk_result
count_op_refs(eo_op *op, void *ud)
{
    ref_walk *rw = ud;
    if (!count_refs_in(rw, eo_op_props(op)) ||
        !count_refs_in(rw, eo_op_discardable_attrs(op))) {
        rw->in->oom = true;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

/* Outside functions: every op but the bodies of func.func. */
static eo_walk_result
count_outside_refs(eo_op *op, void *ud)
{
    ref_walk *rw = ud;
    if (eo_op_is(op, rw->in->func_def))
        return EO_WALK_SKIP;
    return count_op_refs(op, ud);
}

static eo_status
erase_dead_functions(inliner *in, eo_op *anchor)
{
    pmap counts = { 0 };
    ref_walk rw = { in, &counts, NULL, true, NULL, 0 };
    eo_status st = EO_OK;
    eo_op_walk(anchor, EO_WALK_PRE, count_outside_refs, &rw);
    for (size_t i = 0; i < in->num_nodes && !in->oom; i++) {
        rw.self = eo_symbol_name(in->ctx, in->nodes[i].op);
        eo_op_walk(in->nodes[i].op, EO_WALK_PRE, count_op_refs, &rw);
    }
    if (in->oom)
        st = EO_NOMEM;
    /* Callers first, so the callees of an erased function follow it. */
    rw.add = false;
    for (size_t k = in->num_order; k-- > 0 && st == EO_OK;) {
        eo_op *fn = in->nodes[in->order[k]].op;
        const eo_ident *name = eo_symbol_name(in->ctx, fn);
        if (!name || func_is_declaration(fn) || !is_discardable(in, fn) ||
            pmap_get(&counts, name, NULL) > 1)
            continue;
        rw.self = name;
        eo_op_walk(fn, EO_WALK_PRE, count_op_refs, &rw);
        if ((st = eo_op_erase(fn)) == EO_OK)
            in->changed = true;
    }
    free(counts.slots);
    free(rw.stack);
    return st;
}

static eo_status
run_inline(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const inline_options *opts = options;
    inliner in;
    memset(&in, 0, sizeof in);
    in.ctx = eo_pass_ctx_ctx(pc);
    in.knobs = eo_pass_ctx_knobs(pc);
    in.func_def = eo_op_def_lookup(in.ctx, "func.func", 9);
    in.call_def = eo_op_def_lookup(in.ctx, "func.call", 9);
    in.return_def = eo_op_def_lookup(in.ctx, "func.return", 11);
    in.br_def = eo_op_def_lookup(in.ctx, "cf.br", 5);
    if (!in.func_def || !in.call_def || !in.return_def) {
        eo_pass_ctx_mark_unchanged(pc);
        return EO_OK;                 /* no func dialect: nothing to do */
    }
    const char *pipeline = opts && opts->default_pipeline
                               ? opts->default_pipeline : "canonicalize";
    eo_status st = EO_OK;
    eo_pass_manager *pm = NULL;
    if (*pipeline) {
        eo_pm_config cfg;
        eo_pm_config_init(&cfg);
        cfg.threading = false;
        cfg.verify_each = false;
        pm = eo_pm_create(in.ctx, "func.func", &cfg);
        if (!pm)
            return EO_NOMEM;
        if ((st = eo_pm_add_pipeline(pm, pipeline)) != EO_OK) {
            eo_pm_destroy(pm);
            return st;
        }
    }

    if (eo_op_walk(op, EO_WALK_PRE, collect_fn, &in) || in.oom) {
        st = EO_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < in.num_nodes; i++) {
        edge_walk ew = { &in, &in.nodes[i] };
        if (eo_op_walk(in.nodes[i].op, EO_WALK_PRE, collect_edge, &ew) ||
            in.oom) {
            st = EO_NOMEM;
            goto done;
        }
    }
    if (!compute_order(&in)) {
        st = EO_NOMEM;
        goto done;
    }
    for (size_t k = 0; k < in.num_order; k++) {
        fn_node *fn = &in.nodes[in.order[k]];
        if ((st = inline_into(&in, fn)) != EO_OK)
            goto done;
        if (pm && !func_is_declaration(fn->op) &&
            (st = eo_pm_run(pm, fn->op, in.knobs)) != EO_OK)
            goto done;
    }
    if ((st = erase_dead_functions(&in, op)) != EO_OK)
        goto done;
    if (!in.changed && !pm)
        eo_pass_ctx_mark_unchanged(pc);
done:
    if (pm)
        eo_pm_destroy(pm);
    for (size_t i = 0; i < in.num_nodes; i++)
        free(in.nodes[i].callees);
    free(in.nodes);
    free(in.by_sym.slots);
    free(in.by_op.slots);
    free(in.order);
    free(in.work);
    return st;
}

const eo_pass_def eo_pass_inline = {
    .name = "inline",
    .description = "Inline function calls",
    .anchor = "builtin.module",
    .options = inline_option_rows,
    .num_options = sizeof inline_option_rows / sizeof *inline_option_rows,
    .options_size = sizeof(inline_options),
    .run = run_inline,
};

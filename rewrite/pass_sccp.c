/* rewrite/pass_sccp.c - sparse conditional constant propagation (MLIR's
 * -sccp).
 *
 * An optimistic dataflow analysis over the op the pass runs on: every
 * value starts "unknown" and rises to a constant or to "overdefined";
 * blocks start unreachable and become executable through the branches
 * that can be taken. Ops are simulated with their own fold hooks, given
 * the constants known for their operands (NULL for the others), so every
 * dialect's folding takes part. Then every value proven constant is
 * replaced by a constant materialized by its dialect (deduplicated and
 * placed at the front of the entry block of the nearest region isolated
 * from above, as MLIR's OperationFolder does), and ops whose results were
 * all replaced are erased when that leaves them trivially dead.
 *
 * Control flow: a terminator's successors are all executable, except
 * that a branch whose op definition has a branch_successor hook (MLIR's
 * BranchOpInterface: cf.br, cf.cond_br and cf.switch) takes only the
 * edge its constant operands pick. Block arguments join the operands
 * forwarded along the executable edges into them.
 *
 * Calls: when the pass runs on a symbol table (a module), a private
 * callable whose symbol is used only as the callee of calls inside it is
 * analysed interprocedurally: its entry block is executable once a call
 * to it is and its arguments join the calls' operands. Every other
 * callable is an entry point with overdefined arguments. The results of
 * a call to a callable with a body join the operands of that body's
 * executable return-like terminators; calls to declarations or to what
 * does not resolve have overdefined results.
 *
 * Regions: an op whose definition has a region_successors hook (MLIR's
 * RegionBranchOpInterface: scf.if, scf.for, scf.while, scf.index_switch,
 * scf.execute_region) says where control goes when it is entered, given
 * the constants of its operands, and where it goes when a region is left
 * through a terminator, given the terminator's constants: into the entry
 * blocks of some regions or back to the op's results, with which
 * operands are forwarded to which arguments or results. Those entry
 * blocks become executable; what is forwarded joins into the arguments
 * and results; arguments and results nothing is forwarded to (scf.for's
 * induction variable) are overdefined. Like MLIR, a region op or a
 * branch waits until all of its operands are known. Other ops with
 * regions are not simulated: their results and the arguments of their
 * entry blocks are overdefined and their blocks are analysed like the
 * rest. The pass names no op: dialects take part through their fold
 * hooks, materializers and these two control-flow hooks.
 */
#include "rewrite/internal.h"

#include <stdlib.h>
#include <string.h>

typedef enum { L_UNKNOWN, L_CONST, L_OVER } lstate;

typedef struct lattice {
    lstate state;
    const eo_attr *value;           /* L_CONST */
    const eo_dialect *dialect;      /* that materializes it */
} lattice;

typedef struct callable {
    eo_op *op;
    bool internal;                  /* private, only called directly */
    eo_op **calls;                  /* call sites seen executable */
    size_t ncalls, cap_calls;
} callable;

typedef struct sccp {
    eo_ctx *ctx;
    eo_op *root;
    eo_status st;
    eo_ptrmap vals;                 /* value -> index in lat */
    lattice *lat;
    size_t nlat, cap_lat;
    eo_ptrmap exec;                 /* executable blocks */
    eo_ptrmap callables;            /* callable op -> index in calls */
    callable *calls;
    size_t ncallables, cap_callables;
    /* Worklists: blocks to visit whole, ops to revisit. */
    eo_block **bwork;
    size_t nbwork, cap_bwork;
    eo_op **owork;
    size_t nowork, cap_owork;
} sccp;

static bool
grow_array(sccp *s, void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap * 2 : 16;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * elem);
    if (!q) {
        s->st = EO_NOMEM;
        return false;
    }
    *p = q;
    *cap = n;
    return true;
}

static lattice *
lat_of(sccp *s, const eo_value *v)
{
    size_t i;
    if (eo_ptrmap_get(&s->vals, v, &i))
        return &s->lat[i];
    if (!grow_array(s, (void **)&s->lat, &s->cap_lat, s->nlat + 1,
                    sizeof *s->lat))
        return NULL;
    if (eo_ptrmap_put(&s->vals, v, s->nlat, NULL) != EO_OK) {
        s->st = EO_NOMEM;
        return NULL;
    }
    s->lat[s->nlat] = (lattice){ L_UNKNOWN, NULL, NULL };
    return &s->lat[s->nlat++];
}

static void
push_op(sccp *s, eo_op *op)
{
    if (grow_array(s, (void **)&s->owork, &s->cap_owork, s->nowork + 1,
                   sizeof *s->owork))
        s->owork[s->nowork++] = op;
}

/* Revisits the users of 'v' (after its lattice rose). */
static void
push_users(sccp *s, const eo_value *v)
{
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u))
        push_op(s, eo_use_owner(u));
}

/* Joins 'in' into v's lattice; users are revisited when it changed. */
static void
join(sccp *s, eo_value *v, const lattice *in)
{
    lattice *l = lat_of(s, v);
    if (!l || in->state == L_UNKNOWN || l->state == L_OVER)
        return;
    if (l->state == L_UNKNOWN) {
        *l = *in;
    } else if (in->state == L_OVER || l->value != in->value ||
               l->dialect != in->dialect) {
        l->state = L_OVER;
    } else {
        return;
    }
    push_users(s, v);
}

static void
set_over(sccp *s, eo_value *v)
{
    static const lattice over = { L_OVER, NULL, NULL };
    join(s, v, &over);
}

static const eo_dialect *
dialect_of(const eo_op *op)
{
    const char *name = eo_op_name_str(op);
    const char *dot = strchr(name, '.');
    return eo_dialect_lookup(eo_op_ctx(op), name,
                             dot ? (size_t)(dot - name) : strlen(name));
}

static void
mark_block(sccp *s, eo_block *b)
{
    bool existed = false;
    if (eo_ptrmap_put(&s->exec, b, 1, &existed) != EO_OK) {
        s->st = EO_NOMEM;
        return;
    }
    if (!existed &&
        grow_array(s, (void **)&s->bwork, &s->cap_bwork, s->nbwork + 1,
                   sizeof *s->bwork))
        s->bwork[s->nbwork++] = b;
}

static bool
is_exec(const sccp *s, const eo_block *b)
{
    return b && eo_ptrmap_get(&s->exec, b, NULL);
}

static callable *
callable_of(sccp *s, const eo_op *op)
{
    size_t i;
    return op && eo_ptrmap_get(&s->callables, op, &i) ? &s->calls[i] : NULL;
}

/* The callable a call op resolves to, or NULL. */
static eo_op *
callee_of(eo_op *call)
{
    const eo_attr *ref = eo_op_attr(call, "callee");
    return ref ? eo_symbol_lookup_nearest(call, ref) : NULL;
}

/* Overdefined entry arguments of every region of 'op', whose entry
 * blocks become executable. */
static void
enter_regions(sccp *s, eo_op *op)
{
    for (size_t r = 0; r < eo_op_num_regions(op); r++) {
        eo_block *entry = eo_region_first(eo_op_region(op, r));
        if (!entry)
            continue;
        for (size_t i = 0; i < eo_block_num_args(entry); i++)
            set_over(s, eo_block_arg(entry, i));
        mark_block(s, entry);
    }
}

/* Edge (term, succ i) became executable or its operands changed. */
static void
visit_edge(sccp *s, eo_op *term, unsigned i)
{
    eo_block *dst = eo_op_successor(term, i);
    const eo_op_def *d = eo_op_get_def(term);
    unsigned first = 0, count = 0;
    if (d && d->successor_operands)
        d->successor_operands(term, i, &first, &count);
    else
        count = eo_block_num_args(dst) == 0 ? 0 : UINT32_MAX;
    if (count == UINT32_MAX || count != eo_block_num_args(dst)) {
        /* Unknown forwarding: the arguments are not ours to know. */
        for (size_t a = 0; a < eo_block_num_args(dst); a++)
            set_over(s, eo_block_arg(dst, a));
    } else {
        for (unsigned a = 0; a < count; a++) {
            lattice *in = lat_of(s, eo_op_operand(term, first + a));
            if (!in)
                return;
            lattice copy = *in;
            join(s, eo_block_arg(dst, a), &copy);
        }
    }
    mark_block(s, dst);
}

/* Room for the constants of an op's operands. */
typedef struct cst_buf {
    const eo_attr *stack[8];
    const eo_attr **p;
} cst_buf;

/* Points *out at the constants of op's operands (NULL for overdefined
 * ones). False while one is still unknown, as MLIR waits for every
 * operand of a branch or region op before deciding where control goes
 * (a value still unknown may come from code never run), or on
 * allocation failure. Free with cst_free. */
static bool
known_operands(sccp *s, eo_op *op, cst_buf *b, const eo_attr *const **out)
{
    size_t n = eo_op_num_operands(op);
    b->p = n <= 8 ? b->stack : malloc(n * sizeof *b->p);
    if (!b->p) {
        s->st = EO_NOMEM;
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        lattice *l = lat_of(s, eo_op_operand(op, i));
        if (!l || l->state == L_UNKNOWN)
            return false;
        b->p[i] = l->state == L_CONST ? l->value : NULL;
    }
    *out = b->p;
    return true;
}

static void
cst_free(cst_buf *b)
{
    if (b->p != b->stack)
        free(b->p);
}

static void
visit_terminator_succs(sccp *s, eo_op *op)
{
    cst_buf cb;
    const eo_attr *const *cst = NULL;
    bool known = known_operands(s, op, &cb, &cst);
    int taken = known ? eo_op_branch_successor(op, cst) : -1;
    cst_free(&cb);
    if (!known)
        return;
    /* Edges are between blocks (as MLIR's CFGEdge): a taken successor
     * makes every successor slot naming the same block executable. */
    eo_block *dst = taken < 0 ? NULL : eo_op_successor(op, (size_t)taken);
    for (unsigned i = 0; i < eo_op_num_successors(op); i++)
        if (taken < 0 || eo_op_successor(op, i) == dst)
            visit_edge(s, op, i);
}

/* A return-like terminator directly in an internal callable's body: the
 * calls' results join its operands. */
static void
visit_return(sccp *s, eo_op *op)
{
    eo_region *r = eo_op_parent_region(op);
    callable *c = callable_of(s, r ? eo_region_parent_op(r) : NULL);
    if (!c)
        return;
    for (size_t k = 0; k < c->ncalls; k++) {
        eo_op *call = c->calls[k];
        if (eo_op_num_results(call) != eo_op_num_operands(op)) {
            for (size_t i = 0; i < eo_op_num_results(call); i++)
                set_over(s, eo_op_result(call, i));
            continue;
        }
        for (size_t i = 0; i < eo_op_num_operands(op); i++) {
            lattice *in = lat_of(s, eo_op_operand(op, i));
            if (!in)
                return;
            lattice copy = *in;
            join(s, eo_op_result(call, i), &copy);
        }
    }
}

static void
visit_call(sccp *s, eo_op *op)
{
    eo_op *fn = callee_of(op);
    callable *c = callable_of(s, fn);
    if (!c || eo_op_num_regions(fn) == 0 ||
        !eo_region_first(eo_op_region(fn, 0))) {
        for (size_t i = 0; i < eo_op_num_results(op); i++)
            set_over(s, eo_op_result(op, i));
        return;
    }
    bool known = false;
    for (size_t k = 0; k < c->ncalls && !known; k++)
        known = c->calls[k] == op;
    if (!known) {
        if (!grow_array(s, (void **)&c->calls, &c->cap_calls, c->ncalls + 1,
                        sizeof *c->calls))
            return;
        c->calls[c->ncalls++] = op;
    }
    eo_block *entry = eo_region_first(eo_op_region(fn, 0));
    if (!c->internal) {
        /* Entered from outside too: its arguments are overdefined
         * already; only its results flow back. */
    } else if (eo_block_num_args(entry) != eo_op_num_operands(op)) {
        for (size_t i = 0; i < eo_block_num_args(entry); i++)
            set_over(s, eo_block_arg(entry, i));
    } else {
        for (size_t i = 0; i < eo_op_num_operands(op); i++) {
            lattice *in = lat_of(s, eo_op_operand(op, i));
            if (!in)
                return;
            lattice copy = *in;
            join(s, eo_block_arg(entry, i), &copy);
        }
    }
    if (c->internal)
        mark_block(s, entry);
    /* Returns already visited feed this (new) call too. */
    for (eo_block *b = entry; b; b = eo_block_next(b)) {
        eo_op *t = eo_block_terminator(b);
        if (t && is_exec(s, b) && eo_op_has_trait(t, EO_RETURN_LIKE))
            visit_return(s, t);
    }
}

/* Simulates a regionless, non-call op through its fold hook. */
static void
visit_fold(sccp *s, eo_op *op)
{
    size_t nops = eo_op_num_operands(op), nres = eo_op_num_results(op);
    if (nres == 0)
        return;
    const eo_op_def *d = eo_op_get_def(op);
    const eo_attr *stack_cst[8];
    eo_fold_result stack_res[4];
    const eo_attr **cst = nops <= 8 ? stack_cst
                                    : malloc(nops * sizeof *cst);
    eo_fold_result *res = nres <= 4 ? stack_res
                                    : malloc(nres * sizeof *res);
    eo_value *stack_saved[8];
    eo_value **saved = nops <= 8 ? stack_saved
                                 : malloc(nops * sizeof *saved);
    if (!cst || !res || !saved) {
        s->st = EO_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < nops; i++) {
        lattice *l = lat_of(s, eo_op_operand(op, i));
        if (!l)
            goto done;
        if (l->state == L_UNKNOWN)
            goto done;              /* wait for the operand */
        cst[i] = l->state == L_CONST ? l->value : NULL;
        saved[i] = eo_op_operand(op, i);
    }
    memset(res, 0, nres * sizeof *res);
    eo_fold f = { res, nres, false };
    const eo_attr *props = eo_op_props(op);
    const eo_attr *disc = eo_op_discardable_attrs(op);
    bool folded = d && d->fold && d->fold(op, cst, &f);
    if (!folded && nres == 1 && eo_op_has_trait(op, EO_CONSTANT_LIKE) &&
        eo_value_constant(eo_op_result(op, 0))) {
        /* A constant-like op without a fold hook folds to its value. */
        res[0].attr = eo_value_constant(eo_op_result(op, 0));
        folded = true;
    }
    if (folded && f.in_place) {
        /* The hook changed the op: put it back, learn nothing. */
        for (size_t i = 0; i < nops; i++)
            if (eo_op_operand(op, i) != saved[i])
                eo_op_set_operand(op, i, saved[i]);
        eo_op_set_props(op, props);
        eo_op_set_discardable_attrs(op, disc);
        folded = false;
    }
    for (size_t i = 0; i < nres; i++) {
        eo_value *r = eo_op_result(op, i);
        if (!folded) {
            set_over(s, r);
        } else if (res[i].attr) {
            lattice c = { L_CONST, res[i].attr, dialect_of(op) };
            join(s, r, &c);
        } else if (res[i].value) {
            lattice *in = lat_of(s, res[i].value);
            if (!in)
                goto done;
            lattice copy = *in;
            join(s, r, &copy);
        } else {
            set_over(s, r);
        }
    }
done:
    if (cst != stack_cst)
        free(cst);
    if (res != stack_res)
        free(res);
    if (saved != stack_saved)
        free(saved);
}

/* ------------------------------------------------------------------ */
/* Region control flow (the region_successors hook)                    */
/* ------------------------------------------------------------------ */

/* A region op and the predecessor whose operands flow: the op itself
 * when control enters it, else the terminator leaving one of its
 * regions. */
typedef struct region_flow {
    sccp *s;
    eo_op *op;
    eo_op *pred;
} region_flow;

/* One successor: forwarded operands join into its inputs (entry block
 * arguments or the op's results), the other inputs are overdefined, and
 * an entry block becomes executable. */
static void
flow_to(void *ud, const eo_region_successor *rs)
{
    region_flow *f = ud;
    sccp *s = f->s;
    eo_block *entry = NULL;
    size_t ninputs;
    if (rs->region == EO_REGION_PARENT) {
        ninputs = eo_op_num_results(f->op);
    } else {
        entry = eo_region_first(eo_op_region(f->op, rs->region));
        if (!entry)
            return;
        ninputs = eo_block_num_args(entry);
    }
    for (size_t i = 0; i < ninputs && s->st == EO_OK; i++) {
        eo_value *in = entry ? eo_block_arg(entry, i)
                             : eo_op_result(f->op, i);
        if (i < rs->first_input || i - rs->first_input >= rs->count) {
            set_over(s, in);
            continue;
        }
        lattice *l = lat_of(s, eo_op_operand(
                                   f->pred,
                                   rs->first_operand + (i - rs->first_input)));
        if (!l)
            return;
        lattice copy = *l;
        join(s, in, &copy);
    }
    if (entry)
        mark_block(s, entry);
}

/* Control enters region op 'op' (term NULL) or leaves one of its regions
 * through 'term': once the predecessor's operands are all known, its
 * successors are followed. */
static void
visit_region_flow(sccp *s, eo_op *op, eo_op *term)
{
    eo_op *pred = term ? term : op;
    cst_buf cb;
    const eo_attr *const *cst = NULL;
    if (known_operands(s, pred, &cb, &cst)) {
        region_flow f = { s, op, pred };
        (void)eo_op_region_successors(op, term, cst, flow_to, &f);
    }
    cst_free(&cb);
}

/* The region op 'term' leaves, if 'term' is a terminator without
 * successors that closes a block directly in a region op's region (as
 * MLIR's region returns), else NULL. */
static eo_op *
exited_region_op(eo_op *term)
{
    if (eo_op_num_successors(term) != 0)
        return NULL;
    eo_block *b = eo_op_block(term);
    eo_op *parent = b ? eo_block_parent_op(b) : NULL;
    if (!parent || !eo_op_is_region_branch(parent) ||
        eo_block_terminator(b) != term)
        return NULL;
    return parent;
}

static void
visit_op(sccp *s, eo_op *op)
{
    if (!is_exec(s, eo_op_block(op)))
        return;
    if (eo_op_num_successors(op) > 0)
        visit_terminator_succs(s, op);
    if (eo_op_has_trait(op, EO_RETURN_LIKE) && eo_op_is_terminator(op))
        visit_return(s, op);
    if (eo_op_has_trait(op, EO_CALL)) {
        visit_call(s, op);
        return;
    }
    if (callable_of(s, op)) {
        /* A callable's body is entered through its calls when internal,
         * else as an external entry point. */
        if (!callable_of(s, op)->internal)
            enter_regions(s, op);
        return;
    }
    eo_op *exited = eo_op_next(op) ? NULL : exited_region_op(op);
    if (exited) {
        visit_region_flow(s, exited, op);
        return;
    }
    if (eo_op_num_regions(op) > 0 && eo_op_is_region_branch(op)) {
        visit_region_flow(s, op, NULL);
        return;
    }
    if (eo_op_num_regions(op) > 0) {
        for (size_t i = 0; i < eo_op_num_results(op); i++)
            set_over(s, eo_op_result(op, i));
        enter_regions(s, op);
        return;
    }
    visit_fold(s, op);
}

/* ------------------------------------------------------------------ */
/* Callables                                                           */
/* ------------------------------------------------------------------ */

/* Counts, per private callable of the symbol table we run on, the
 * references to its name and how many of them are a call's callee. */
typedef struct sym_scan {
    sccp *s;
    eo_ptrmap by_name;              /* sym_name ident -> callable index */
    size_t *refs, *calls;
} sym_scan;

static void
count_refs(const eo_attr *a, sym_scan *sc)
{
    if (!a)
        return;
    size_t i;
    switch (eo_attr_get_kind(a)) {
    case EO_ATTR_SYMBOL_REF:
        if (eo_ptrmap_get(&sc->by_name, eo_attr_symbol_root(a), &i))
            sc->refs[i]++;
        break;
    case EO_ATTR_ARRAY:
        for (size_t k = 0; k < eo_attr_array_size(a); k++)
            count_refs(eo_attr_array_at(a, k), sc);
        break;
    case EO_ATTR_DICT:
        for (size_t k = 0; k < eo_attr_dict_size(a); k++)
            count_refs(eo_attr_dict_at(a, k)->value, sc);
        break;
    default:
        break;
    }
}

static eo_walk_result
scan_op(eo_op *op, void *ud)
{
    sym_scan *sc = ud;
    count_refs(eo_op_props(op), sc);
    count_refs(eo_op_discardable_attrs(op), sc);
    size_t i;
    if (eo_op_has_trait(op, EO_CALL)) {
        const eo_attr *ref = eo_op_attr(op, "callee");
        if (ref && eo_attr_get_kind(ref) == EO_ATTR_SYMBOL_REF &&
            eo_attr_symbol_num_nested(ref) == 0 &&
            eo_ptrmap_get(&sc->by_name, eo_attr_symbol_root(ref), &i))
            sc->calls[i]++;
    }
    return EO_WALK_ADVANCE;
}

static bool
is_private(const eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "sym_visibility");
    size_t len = 0;
    const char *str = v && eo_attr_get_kind(v) == EO_ATTR_STRING
                          ? eo_attr_string(v, &len)
                          : NULL;
    return str && len == 7 && memcmp(str, "private", 7) == 0;
}

static eo_walk_result
collect_callable(eo_op *op, void *ud)
{
    sccp *s = ud;
    if (!eo_op_has_trait(op, EO_CALLABLE))
        return EO_WALK_ADVANCE;
    if (!grow_array(s, (void **)&s->calls, &s->cap_callables,
                    s->ncallables + 1, sizeof *s->calls))
        return EO_WALK_INTERRUPT;
    callable *c = &s->calls[s->ncallables];
    memset(c, 0, sizeof *c);
    c->op = op;
    if (eo_ptrmap_put(&s->callables, op, s->ncallables, NULL) != EO_OK) {
        s->st = EO_NOMEM;
        return EO_WALK_INTERRUPT;
    }
    s->ncallables++;
    return EO_WALK_ADVANCE;
}

/* Internal callables: private, directly in the symbol table we run on,
 * and referenced only as the callee of calls (one walk for all). */
static void
find_internal(sccp *s)
{
    if (!eo_op_has_trait(s->root, EO_SYMBOL_TABLE) || !s->ncallables)
        return;
    sym_scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = s;
    eo_ptrmap_init(&sc.by_name, s->ctx);
    sc.refs = calloc(s->ncallables, sizeof *sc.refs);
    sc.calls = calloc(s->ncallables, sizeof *sc.calls);
    bool any = false;
    if (!sc.refs || !sc.calls) {
        s->st = EO_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < s->ncallables; i++) {
        eo_op *op = s->calls[i].op;
        const eo_ident *name = eo_symbol_name(s->ctx, op);
        if (eo_op_parent(op) != s->root || !is_private(op) || !name)
            continue;
        if (eo_ptrmap_put(&sc.by_name, name, i, NULL) != EO_OK) {
            s->st = EO_NOMEM;
            goto done;
        }
        any = true;
    }
    if (any)
        eo_op_walk(s->root, EO_WALK_PRE, scan_op, &sc);
    for (size_t i = 0; any && i < s->ncallables; i++) {
        const eo_ident *name = eo_symbol_name(s->ctx, s->calls[i].op);
        size_t k;
        s->calls[i].internal = name &&
                               eo_ptrmap_get(&sc.by_name, name, &k) &&
                               k == i && sc.refs[i] == sc.calls[i];
    }
done:
    free(sc.refs);
    free(sc.calls);
    eo_ptrmap_fini(&sc.by_name);
}

/* ------------------------------------------------------------------ */
/* Rewriting                                                           */
/* ------------------------------------------------------------------ */

typedef struct folder {
    sccp *s;
    eo_rewriter rw;
    /* Constants created: a set, and a table by (entry block, dialect,
     * value, type) for deduplication (open addressing, power of 2). */
    eo_ptrmap made;
    eo_op **table;
    size_t cap_table, ntable;
    bool changed;
} folder;

static size_t
const_hash(const void *a, const void *b, const void *c, const void *d)
{
    uintptr_t h = (uintptr_t)a;
    h = h * 31 + (uintptr_t)b;
    h = h * 31 + (uintptr_t)c;
    h = h * 31 + (uintptr_t)d;
    return (size_t)(h ^ (h >> 17));
}

static size_t
op_key_hash(eo_op *k)
{
    return const_hash(eo_op_block(k), dialect_of(k),
                      eo_value_constant(eo_op_result(k, 0)),
                      eo_value_type(eo_op_result(k, 0)));
}

static bool
table_add(folder *f, eo_op *c)
{
    if (2 * (f->ntable + 1) > f->cap_table) {
        size_t n = f->cap_table ? 2 * f->cap_table : 64;
        eo_op **t = calloc(n, sizeof *t);
        if (!t) {
            f->s->st = EO_NOMEM;
            return false;
        }
        for (size_t i = 0; i < f->cap_table; i++)
            if (f->table[i]) {
                size_t j = op_key_hash(f->table[i]) & (n - 1);
                while (t[j])
                    j = (j + 1) & (n - 1);
                t[j] = f->table[i];
            }
        free(f->table);
        f->table = t;
        f->cap_table = n;
    }
    size_t j = op_key_hash(c) & (f->cap_table - 1);
    while (f->table[j])
        j = (j + 1) & (f->cap_table - 1);
    f->table[j] = c;
    f->ntable++;
    if (eo_ptrmap_put(&f->made, c, 1, NULL) != EO_OK) {
        f->s->st = EO_NOMEM;
        return false;
    }
    return true;
}

/* Region into which constants used in 'b' go (see greedy.c). */
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

/* A constant of 'l' with type 't' usable in block 'b'; NULL if the
 * dialect cannot materialize it. */
static eo_value *
get_constant(folder *f, eo_block *b, const lattice *l, const eo_type *t,
             const eo_loc *loc)
{
    eo_region *r = insertion_region(b);
    eo_block *entry = r ? eo_region_first(r) : NULL;
    if (!entry)
        return NULL;
    if (f->cap_table) {
        size_t m = f->cap_table - 1;
        for (size_t j = const_hash(entry, l->dialect, l->value, t) & m;
             f->table[j]; j = (j + 1) & m) {
            eo_op *k = f->table[j];
            if (eo_op_block(k) == entry && dialect_of(k) == l->dialect &&
                eo_value_constant(eo_op_result(k, 0)) == l->value &&
                eo_value_type(eo_op_result(k, 0)) == t)
                return eo_op_result(k, 0);
        }
    }
    const eo_dialect_desc *desc = l->dialect
                                      ? eo_dialect_get_desc(l->dialect)
                                      : NULL;
    if (!desc || !desc->materialize_constant)
        return NULL;
    if (eo_block_first(entry))
        eo_builder_set_before(&f->rw.b, eo_block_first(entry));
    else
        eo_builder_set_end(&f->rw.b, entry);
    eo_op *c = desc->materialize_constant(&f->rw, l->value, t, loc);
    if (!c)
        return NULL;
    if (!eo_op_has_trait(c, EO_CONSTANT_LIKE) || eo_op_num_results(c) != 1 ||
        eo_value_type(eo_op_result(c, 0)) != t ||
        eo_value_constant(eo_op_result(c, 0)) != l->value) {
        eo_rewriter_erase_op(&f->rw, c);
        return NULL;
    }
    if (!table_add(f, c)) {
        eo_rewriter_erase_op(&f->rw, c);
        return NULL;
    }
    return eo_op_result(c, 0);
}

static bool
replace_value(folder *f, eo_block *b, eo_value *v, const eo_loc *loc)
{
    size_t i;
    if (!eo_ptrmap_get(&f->s->vals, v, &i) ||
        f->s->lat[i].state != L_CONST)
        return false;
    lattice l = f->s->lat[i];
    eo_value *c = get_constant(f, b, &l, eo_value_type(v), loc);
    if (!c)
        return false;
    if (c != v && eo_value_has_uses(v)) {
        eo_rewriter_replace_all_uses(&f->rw, v, c);
        f->changed = true;
    }
    return true;
}

static bool
is_made(const folder *f, const eo_op *op)
{
    return eo_ptrmap_get(&f->made, op, NULL);
}

static bool
push_regions(sccp *s, eo_op *op, eo_block ***work, size_t *n, size_t *cap)
{
    for (size_t r = 0; r < eo_op_num_regions(op); r++) {
        eo_region *reg = eo_op_region(op, r);
        size_t nb = eo_region_num_blocks(reg);
        if (!grow_array(s, (void **)work, cap, *n + nb, sizeof **work))
            return false;
        size_t k = *n + nb;
        for (eo_block *b = eo_region_first(reg); b; b = eo_block_next(b))
            (*work)[--k] = b;
        *n += nb;
    }
    return true;
}

static eo_status
rewrite(sccp *s, bool *changed)
{
    folder f;
    memset(&f, 0, sizeof f);
    f.s = s;
    eo_ptrmap_init(&f.made, s->ctx);
    eo_rewriter_init(&f.rw, s->ctx, NULL, NULL);
    /* A stack of blocks, as MLIR's rewrite walks them: each region's
     * blocks pushed last first, so they pop in order; the regions of an
     * op are pushed as it is passed, so they are done right after the
     * block holding it (last region first). */
    eo_block **work = NULL;
    size_t n = 0, cap = 0;
    if (!push_regions(s, s->root, &work, &n, &cap))
        goto done;
    while (n && s->st == EO_OK) {
        eo_block *b = work[--n];
        eo_op *next;
        for (eo_op *op = eo_block_first(b); op; op = next) {
            next = eo_op_next(op);
            if (is_made(&f, op))
                continue;
            bool all = eo_op_num_results(op) != 0;
            for (size_t i = 0; i < eo_op_num_results(op); i++)
                all &= replace_value(&f, b, eo_op_result(op, i),
                                     eo_op_loc(op));
            if (all && eo_op_is_trivially_dead(op)) {
                eo_rewriter_erase_op(&f.rw, op);
                f.changed = true;
                continue;
            }
            if (!push_regions(s, op, &work, &n, &cap))
                goto done;
        }
        for (size_t i = 0; i < eo_block_num_args(b); i++)
            (void)replace_value(&f, b, eo_block_arg(b, i),
                                eo_value_loc(eo_block_arg(b, i)));
    }
done:
    free(work);
    free(f.table);
    eo_ptrmap_fini(&f.made);
    *changed = f.changed;
    return s->st;
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

static eo_status
run_sccp(eo_op *root, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    sccp s;
    memset(&s, 0, sizeof s);
    s.ctx = eo_op_ctx(root);
    s.root = root;
    eo_ptrmap_init(&s.vals, s.ctx);
    eo_ptrmap_init(&s.exec, s.ctx);
    eo_ptrmap_init(&s.callables, s.ctx);
    for (size_t r = 0; r < eo_op_num_regions(root); r++)
        for (eo_block *b = eo_region_first(eo_op_region(root, r)); b;
             b = eo_block_next(b))
            for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
                eo_op_walk(o, EO_WALK_PRE, collect_callable, &s);
    if (s.st == EO_OK)
        find_internal(&s);
    /* The regions of the op we run on are entered from outside: their
     * entry arguments are unknown to us. */
    if (s.st == EO_OK)
        enter_regions(&s, root);
    bool changed = false;
    while (s.st == EO_OK && (s.nbwork || s.nowork)) {
        if (s.nowork) {
            eo_op *op = s.owork[--s.nowork];
            visit_op(&s, op);
            continue;
        }
        eo_block *b = s.bwork[--s.nbwork];
        for (eo_op *op = eo_block_first(b); op && s.st == EO_OK;
             op = eo_op_next(op))
            visit_op(&s, op);
    }
    eo_status st = s.st;
    if (st == EO_OK)
        st = rewrite(&s, &changed);
    for (size_t i = 0; i < s.ncallables; i++)
        free(s.calls[i].calls);
    free(s.calls);
    free(s.lat);
    free(s.bwork);
    free(s.owork);
    eo_ptrmap_fini(&s.vals);
    eo_ptrmap_fini(&s.exec);
    eo_ptrmap_fini(&s.callables);
    if (pc && !changed && st == EO_OK)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

const eo_pass_def eo_pass_sccp = {
    .name = "sccp",
    .description = "Sparse conditional constant propagation",
    .anchor = NULL,
    .run = run_sccp,
};

/* dialects/tl/transforms/tl_to_loops.c - the tl-to-loops pass: every tl
 * structured op on memrefs becomes a perfect scf.for nest (one loop per
 * iterator, in order) whose innermost body loads each operand element at
 * its indexing map, runs a clone of the scalar body and stores the
 * yielded values to the outs. Named ops are generalized first
 * (eo_tl_named_to_generic). The out element is loaded as the body's out
 * argument (read-modify-write) whenever the body reads it, which keeps
 * reductions correct for any iteration order. Index arithmetic is
 * emitted as arith ops on index values, with MLIR's affine-to-arith
 * lowering of mod, floordiv and ceildiv. Ops on tensors are rejected. */
#include "dialects/tl/transforms/transforms.h"

#include "dialects/scf/scf.h"
#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

#include <stdlib.h>
#include <string.h>

/* arith.cmpi predicates, as arith stores them. */
enum { CMPI_SLT = 2, CMPI_SLE = 3 };

/* A materialized affine expression or index constant. */
typedef struct memo_entry {
    const void *key;          /* eo_affine_expr * (uniqued) */
    const void *scope;        /* constants: the block they are in */
    eo_value *value;
} memo_entry;

typedef struct memo {
    memo_entry *v;
    size_t n, cap;
} memo;

/* The state of lowering one tl.generic. */
typedef struct lowering {
    eo_ctx *ctx;
    eo_op *op;                /* the tl.generic */
    const eo_type *index;
    eo_builder outer;         /* before the nest: constants, bounds */
    eo_builder inner;         /* innermost body, before its scf.yield */
    /* at[k]: where a value of loops d0..d<k-1> goes: before the loop of
     * d<k> (at[0] is 'outer'), or the innermost body for k = nloops. */
    eo_builder at[EO_TL_MAX_LOOPS + 1];
    size_t nloops;
    /* Index constants, at 'outer', shared by the ops lowered in one
     * block (each is created before the first nest that needs it). */
    memo *consts;
    memo exprs;               /* other expressions, at their level */
    eo_value *ivs[EO_TL_MAX_LOOPS];
} lowering;

static eo_value *
memo_find(const memo *m, const void *key, const void *scope)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->v[i].key == key && m->v[i].scope == scope)
            return m->v[i].value;
    return NULL;
}

static eo_status
memo_add(memo *m, const void *key, const void *scope, eo_value *value)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        memo_entry *v = realloc(m->v, cap * sizeof *v);
        if (!v)
            return EO_NOMEM;
        m->v = v;
        m->cap = cap;
    }
    m->v[m->n].key = key;
    m->v[m->n].scope = scope;
    m->v[m->n].value = value;
    m->n++;
    return EO_OK;
}

/* One-result op 'name' at 'b'; NULL on allocation failure. */
static eo_value *
build1(eo_builder *b, const char *name, size_t nops, eo_value *const *ops,
       const eo_type *res, size_t nattrs, const eo_named_attr *attrs)
{
    eo_op *op = eo_builder_create(b, name, nops, ops, 1, &res, nattrs, attrs);
    return op ? eo_op_result(op, 0) : NULL;
}

/* The index constant 'v', created once per lowering before the nest. */
static eo_value *
index_const(lowering *l, int64_t v)
{
    const eo_affine_expr *key = eo_affine_const(l->ctx, v);
    if (!key)
        return NULL;
    eo_value *c = memo_find(l->consts, key, l->outer.block);
    if (c)
        return c;
    eo_named_attr a = {eo_ident_get(l->ctx, "value", 5),
                       eo_attr_get_int(l->ctx, l->index, v)};
    if (!a.name || !a.value)
        return NULL;
    c = build1(&l->outer, "arith.constant", 0, NULL, l->index, 1, &a);
    if (!c || memo_add(l->consts, key, l->outer.block, c) != EO_OK)
        return NULL;
    return c;
}

/* The expression emitters build at 'b'. */
static eo_value *
binop(eo_builder *b, lowering *l, const char *name, eo_value *x,
      eo_value *y)
{
    eo_value *ops[2] = {x, y};
    return build1(b, name, 2, ops, l->index, 0, NULL);
}

static eo_value *
cmpi(eo_builder *b, lowering *l, int64_t pred, eo_value *x, eo_value *y)
{
    eo_named_attr attr = {
        eo_ident_get(l->ctx, "predicate", 9),
        eo_attr_get_int(l->ctx, eo_type_get_int(l->ctx, 64), pred)};
    const eo_type *i1 = eo_type_get_int(l->ctx, 1);
    if (!attr.name || !attr.value || !i1)
        return NULL;
    eo_value *ops[2] = {x, y};
    return build1(b, "arith.cmpi", 2, ops, i1, 1, &attr);
}

static eo_value *
select3(eo_builder *b, lowering *l, eo_value *c, eo_value *t, eo_value *f)
{
    if (!c || !t || !f)
        return NULL;
    eo_value *ops[3] = {c, t, f};
    return build1(b, "arith.select", 3, ops, l->index, 0, NULL);
}

/* a mod b (b > 0), non-negative as affine's mod: MLIR's lowering. */
static eo_value *
emit_mod(eo_builder *at, lowering *l, eo_value *a, eo_value *b)
{
    eo_value *rem = binop(at, l, "arith.remsi", a, b);
    eo_value *zero = index_const(l, 0);
    if (!rem || !zero)
        return NULL;
    eo_value *neg = cmpi(at, l, CMPI_SLT, rem, zero);
    eo_value *fixed = binop(at, l, "arith.addi", rem, b);
    return select3(at, l, neg, fixed, rem);
}

/* floor(a / b) for b > 0: MLIR's lowering. */
static eo_value *
emit_floordiv(eo_builder *at, lowering *l, eo_value *a, eo_value *b)
{
    eo_value *zero = index_const(l, 0);
    eo_value *m1 = index_const(l, -1);
    if (!zero || !m1)
        return NULL;
    eo_value *neg = cmpi(at, l, CMPI_SLT, a, zero);
    eo_value *na = binop(at, l, "arith.subi", m1, a);
    eo_value *dividend = select3(at, l, neg, na, a);
    if (!dividend)
        return NULL;
    eo_value *q = binop(at, l, "arith.divsi", dividend, b);
    if (!q)
        return NULL;
    eo_value *nq = binop(at, l, "arith.subi", m1, q);
    return select3(at, l, neg, nq, q);
}

/* ceil(a / b) for b > 0: MLIR's lowering. */
static eo_value *
emit_ceildiv(eo_builder *at, lowering *l, eo_value *a, eo_value *b)
{
    eo_value *zero = index_const(l, 0);
    eo_value *one = index_const(l, 1);
    if (!zero || !one)
        return NULL;
    eo_value *nonpos = cmpi(at, l, CMPI_SLE, a, zero);
    eo_value *na = binop(at, l, "arith.subi", zero, a);
    eo_value *pa = binop(at, l, "arith.subi", a, one);
    eo_value *dividend = select3(at, l, nonpos, na, pa);
    if (!dividend)
        return NULL;
    eo_value *q = binop(at, l, "arith.divsi", dividend, b);
    if (!q)
        return NULL;
    eo_value *nq = binop(at, l, "arith.subi", zero, q);
    eo_value *pq = binop(at, l, "arith.addi", q, one);
    return select3(at, l, nonpos, nq, pq);
}

/* 1 + the highest loop dimension 'e' uses (0 for none). */
static size_t
expr_level(const eo_affine_expr *e)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM: return eo_affine_expr_pos(e) + 1;
    case EO_AFFINE_SYMBOL:
    case EO_AFFINE_CONST: return 0;
    default: {
        size_t a = expr_level(eo_affine_expr_lhs(e));
        size_t b = expr_level(eo_affine_expr_rhs(e));
        return a > b ? a : b;
    }
    }
}

/* Materializes affine expression 'e' of the induction variables in the
 * innermost body (each distinct expression once). EO_ERROR after a
 * diagnostic for what affine maps without symbols cannot hold here (a
 * non-constant or non-positive divisor); EO_NOMEM on allocation
 * failure. */
static eo_status
emit_expr(lowering *l, const eo_affine_expr *e, eo_value **out)
{
    eo_affine_kind k = eo_affine_expr_kind(e);
    if (k == EO_AFFINE_DIM) {
        *out = l->ivs[eo_affine_expr_pos(e)];
        return EO_OK;
    }
    if (k == EO_AFFINE_CONST) {
        *out = index_const(l, eo_affine_expr_value(e));
        return *out ? EO_OK : EO_NOMEM;
    }
    if (k == EO_AFFINE_SYMBOL)
        return eo_op_error(l->op, "tl-to-loops: unsupported: indexing map "
                                  "with symbols");
    *out = memo_find(&l->exprs, e, NULL);
    if (*out)
        return EO_OK;
    const eo_affine_expr *rhs = eo_affine_expr_rhs(e);
    if (k != EO_AFFINE_ADD && k != EO_AFFINE_MUL &&
        (eo_affine_expr_kind(rhs) != EO_AFFINE_CONST ||
         eo_affine_expr_value(rhs) <= 0))
        return eo_op_error(l->op, "tl-to-loops: unsupported: mod or "
                                  "division by a non-constant or "
                                  "non-positive value in an indexing map");
    eo_value *a, *b;
    eo_status st = emit_expr(l, eo_affine_expr_lhs(e), &a);
    if (st == EO_OK)
        st = emit_expr(l, rhs, &b);
    if (st != EO_OK)
        return st;
    /* In the outermost loop where all its dimensions are defined. */
    size_t lv = expr_level(e);
    eo_builder *at = &l->at[lv < l->nloops ? lv : l->nloops];
    switch (k) {
    case EO_AFFINE_ADD: *out = binop(at, l, "arith.addi", a, b); break;
    case EO_AFFINE_MUL: *out = binop(at, l, "arith.muli", a, b); break;
    case EO_AFFINE_MOD: *out = emit_mod(at, l, a, b); break;
    case EO_AFFINE_FLOORDIV: *out = emit_floordiv(at, l, a, b); break;
    default: *out = emit_ceildiv(at, l, a, b); break;
    }
    if (!*out || memo_add(&l->exprs, e, NULL, *out) != EO_OK)
        return EO_NOMEM;
    return EO_OK;
}

/* The indices of operand 'i' (map 'm') in the innermost body. */
static eo_status
emit_indices(lowering *l, const eo_affine_map *m, eo_value **idx)
{
    size_t n = eo_affine_map_num_results(m);
    for (size_t r = 0; r < n; r++) {
        eo_status st = emit_expr(l, eo_affine_map_result(m, r), &idx[r]);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

/* The trip count of loop 'd' as an index value before the nest: the
 * "loop_bounds" entry, else the size (static, or memref.dim) of the
 * first operand dimension indexed by plain d<d>. */
static eo_status
loop_bound(lowering *l, size_t d, const eo_attr *maps, const eo_attr *lb,
           eo_value **out)
{
    if (lb && d < eo_attr_dense_array_size(lb) &&
        eo_attr_dense_array_int(lb, d) > 0) {
        *out = index_const(l, eo_attr_dense_array_int(lb, d));
        return *out ? EO_OK : EO_NOMEM;
    }
    for (size_t i = 0; i < eo_op_num_operands(l->op); i++) {
        eo_value *v = eo_op_operand(l->op, i);
        const eo_type *t = eo_value_type(v);
        const eo_affine_map *m =
            eo_attr_affine_map(eo_attr_array_at(maps, i));
        if (eo_type_get_kind(t) != EO_TYPE_MEMREF || !m)
            continue;
        size_t rank = eo_type_rank(t);
        for (size_t r = 0; r < eo_affine_map_num_results(m) && r < rank;
             r++) {
            const eo_affine_expr *e = eo_affine_map_result(m, r);
            if (eo_affine_expr_kind(e) != EO_AFFINE_DIM ||
                eo_affine_expr_pos(e) != d)
                continue;
            int64_t size = eo_type_dim(t, r);
            if (size != EO_DYNAMIC) {
                *out = index_const(l, size);
                return *out ? EO_OK : EO_NOMEM;
            }
            eo_value *ops[2] = {v, index_const(l, (int64_t)r)};
            if (!ops[1])
                return EO_NOMEM;
            *out = build1(&l->outer, "memref.dim", 2, ops, l->index, 0,
                          NULL);
            return *out ? EO_OK : EO_NOMEM;
        }
    }
    return eo_op_error(l->op, "tl-to-loops: loop d%zu has no bound", d);
}

/* Builds the loop nest of generic 'op' before it; leaves l->inner before
 * the innermost scf.yield (or before 'op' when there are no loops). */
static eo_status
build_nest(lowering *l, const eo_attr *maps, const eo_attr *iters,
           const eo_attr *lb)
{
    size_t nloops = eo_attr_array_size(iters);
    l->nloops = nloops;
    l->inner = l->outer;
    l->at[0] = l->outer;
    if (nloops == 0)
        return EO_OK;
    eo_value *zero = index_const(l, 0);
    eo_value *one = index_const(l, 1);
    if (!zero || !one)
        return EO_NOMEM;
    eo_value *ubs[EO_TL_MAX_LOOPS];
    for (size_t d = 0; d < nloops; d++) {
        eo_status st = loop_bound(l, d, maps, lb, &ubs[d]);
        if (st != EO_OK)
            return st;
    }
    for (size_t d = 0; d < nloops; d++) {
        eo_op *f = scf_for_build(&l->inner, zero, ubs[d], one, 0, NULL);
        eo_block *body = f ? scf_for_body(f) : NULL;
        if (!body)
            return EO_NOMEM;
        l->ivs[d] = scf_for_induction_var(f);
        if (d == 0)           /* later constants go before the nest */
            eo_builder_set_before(&l->outer, f);
        l->at[d] = l->inner;
        eo_builder_set_before(&l->at[d], f);
        eo_builder_set_before(&l->inner, eo_block_last(body));
    }
    l->at[0] = l->outer;
    l->at[nloops] = l->inner;
    return EO_OK;
}

/* Lowers tl.generic 'op' (on memrefs) to loops and erases it. */
static eo_status
lower_generic(eo_op *op, memo *consts)
{
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr *maps = eo_op_attr(op, "indexing_maps");
    const eo_attr *iters = eo_op_attr(op, "iterator_types");
    const eo_attr *lb = eo_op_attr(op, "loop_bounds");
    eo_block *body = eo_op_num_regions(op) == 1
                         ? eo_region_first(eo_op_region(op, 0))
                         : NULL;
    size_t nops = eo_op_num_operands(op);
    size_t nins = eo_tl_num_ins(op);
    if (!maps || !iters || !body || eo_attr_array_size(maps) != nops ||
        eo_block_num_args(body) != nops || nops > EO_TL_MAX_OPERANDS ||
        eo_attr_array_size(iters) > EO_TL_MAX_LOOPS)
        return eo_op_error(op, "tl-to-loops: malformed tl.generic");

    lowering l;
    memset(&l, 0, sizeof l);
    l.ctx = ctx;
    l.op = op;
    l.consts = consts;
    l.index = eo_type_get_index(ctx);
    eo_irmap *map = eo_irmap_create(ctx);
    if (!l.index || !map) {
        eo_irmap_destroy(map);
        return EO_NOMEM;
    }
    eo_builder_init(&l.outer, ctx);
    eo_builder_set_before(&l.outer, op);
    l.outer.loc = eo_op_loc(op);

    eo_status st = build_nest(&l, maps, iters, lb);
    /* Indices per memref operand (kept for the stores of the outs). */
    eo_value *idx[EO_TL_MAX_OPERANDS][EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < nops && st == EO_OK; i++) {
        eo_value *v = eo_op_operand(op, i);
        eo_value *arg = eo_block_arg(body, i);
        if (eo_type_get_kind(eo_value_type(v)) != EO_TYPE_MEMREF) {
            st = eo_irmap_map_value(map, arg, v);    /* a scalar in */
            continue;
        }
        const eo_affine_map *m =
            eo_attr_affine_map(eo_attr_array_at(maps, i));
        if (!m || eo_affine_map_num_results(m) > EO_TL_MAX_LOOPS ||
            eo_affine_map_num_results(m) != eo_type_rank(eo_value_type(v)) ||
            eo_affine_map_num_dims(m) != l.nloops) {
            st = eo_op_error(op, "tl-to-loops: malformed indexing map");
            break;
        }
        st = emit_indices(&l, m, idx[i]);
        /* An out the body never reads needs no load. */
        if (st != EO_OK || (i >= nins && !eo_value_has_uses(arg)))
            continue;
        /* The same memref at the same map was loaded already (there
         * is no store in between). */
        eo_value *x = NULL;
        for (size_t j = 0; j < i && !x; j++)
            if (eo_op_operand(op, j) == v &&
                eo_attr_array_at(maps, j) == eo_attr_array_at(maps, i))
                x = eo_irmap_lookup_value(map, eo_block_arg(body, j));
        if (x) {
            st = eo_irmap_map_value(map, arg, x);
            continue;
        }
        eo_value *ops[1 + EO_TL_MAX_LOOPS];
        ops[0] = v;
        size_t rank = eo_affine_map_num_results(m);
        memcpy(ops + 1, idx[i], rank * sizeof *ops);
        x = build1(&l.inner, "memref.load", 1 + rank, ops,
                             eo_type_elem(eo_value_type(v)), 0, NULL);
        st = x ? eo_irmap_map_value(map, arg, x) : EO_NOMEM;
    }
    /* The body, then one store per out. */
    eo_op *term = eo_block_terminator(body);
    for (eo_op *b = eo_block_first(body); b && b != term && st == EO_OK;
         b = eo_op_next(b)) {
        eo_op *c = eo_op_clone(b, map);
        if (!c) {
            st = EO_NOMEM;
            break;
        }
        /* Constants (no operands, no regions) go before the nest. */
        eo_builder *at = eo_op_num_operands(c) == 0 &&
                                 eo_op_num_regions(c) == 0 &&
                                 eo_op_has_trait(c, EO_CONSTANT_LIKE)
                             ? &l.outer
                             : &l.inner;
        if (at->before)
            eo_op_insert_before(at->before, c);
        else
            eo_block_append(at->block, c);
    }
    if (st == EO_OK && (!term || eo_op_num_operands(term) != nops - nins))
        st = eo_op_error(op, "tl-to-loops: malformed tl.yield");
    for (size_t o = nins; o < nops && st == EO_OK; o++) {
        eo_value *y = eo_op_operand(term, o - nins);
        eo_value *ym = eo_irmap_lookup_value(map, y);
        eo_value *v = eo_op_operand(op, o);
        if (eo_type_get_kind(eo_value_type(v)) != EO_TYPE_MEMREF) {
            st = eo_op_error(op, "tl-to-loops: out #%zu is not a memref",
                             o - nins);
            break;
        }
        size_t rank = eo_type_rank(eo_value_type(v));
        eo_value *ops[2 + EO_TL_MAX_LOOPS];
        ops[0] = ym ? ym : y;
        ops[1] = v;
        memcpy(ops + 2, idx[o], rank * sizeof *ops);
        if (!eo_builder_create(&l.inner, "memref.store", 2 + rank, ops, 0,
                               NULL, 0, NULL))
            st = EO_NOMEM;
    }
    eo_irmap_destroy(map);
    free(l.exprs.v);
    if (st == EO_OK)
        st = eo_op_erase(op);
    return st;
}

/* Whether any operand or result of 'op' is a tensor. */
static bool
on_tensors(const eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_type_kind k = eo_type_get_kind(eo_value_type(eo_op_operand(op, i)));
        if (k == EO_TYPE_TENSOR || k == EO_TYPE_UNRANKED_TENSOR)
            return true;
    }
    return eo_op_num_results(op) > 0;
}

typedef struct op_list {
    eo_op *root;              /* the op lowered under (not itself) */
    eo_op **v;
    size_t n, cap;
    bool oom;
} op_list;

static eo_walk_result
collect(eo_op *op, void *ud)
{
    op_list *ol = ud;
    enum tl_op k = tl_op_kind(op);
    if (k == TL_NUM_OPS || k == TL_YIELD || op == ol->root)
        return EO_WALK_ADVANCE;
    if (ol->n == ol->cap) {
        size_t cap = ol->cap ? 2 * ol->cap : 16;
        eo_op **v = realloc(ol->v, cap * sizeof *v);
        if (!v) {
            ol->oom = true;
            return EO_WALK_INTERRUPT;
        }
        ol->v = v;
        ol->cap = cap;
    }
    ol->v[ol->n++] = op;
    return EO_WALK_SKIP;      /* the body holds scalar ops only */
}

/* Lowers one structured tl op: named ops through their generic form. */
static eo_status
lower_op(eo_op *op, memo *consts)
{
    if (on_tensors(op))
        return eo_op_error(op, "tl-to-loops needs buffers: bufferize "
                               "first");
    if (tl_op_kind(op) == TL_GENERIC)
        return lower_generic(op, consts);
    eo_rewriter rw;
    eo_rewriter_init(&rw, eo_op_ctx(op), NULL, NULL);
    eo_builder_set_before(&rw.b, op);
    eo_op *g = eo_tl_named_to_generic(&rw, op);
    if (!g)
        return EO_ERROR;
    eo_status st = eo_op_erase(op);
    return st == EO_OK ? lower_generic(g, consts) : st;
}

eo_status
eo_tl_lower_to_loops(eo_op *op, bool *changed)
{
    eo_ctx *ctx = eo_op_ctx(op);
    op_list ol = {.root = op};
    if (changed)
        *changed = false;
    eo_op_walk(op, EO_WALK_PRE, collect, &ol);
    if (ol.oom) {
        free(ol.v);
        return EO_NOMEM;
    }
    if (ol.n && (!eo_op_def_lookup(ctx, "scf.for", 7) ||
                 !eo_op_def_lookup(ctx, "memref.load", 11))) {
        free(ol.v);
        return eo_op_error(op, "tl-to-loops needs the scf and memref "
                               "dialects registered");
    }
    eo_status st = EO_OK;
    memo consts = {0};
    for (size_t i = 0; i < ol.n && st == EO_OK; i++)
        st = lower_op(ol.v[i], &consts);
    free(consts.v);
    if (changed)
        *changed = ol.n > 0;
    free(ol.v);
    return st;
}

static eo_status
run_to_loops(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    bool changed = false;
    eo_status st = eo_tl_lower_to_loops(op, &changed);
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_def to_loops_pass = {
    .name = "tl-to-loops",
    .description = "Lower tl ops on memrefs to scf.for loop nests with "
                   "memref.load/store",
    .anchor = NULL,
    .run = run_to_loops,
};

const struct eo_pass_def *
eo_tl_to_loops_pass_def(void)
{
    return &to_loops_pass;
}

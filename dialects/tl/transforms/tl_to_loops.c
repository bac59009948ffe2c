/* dialects/tl/transforms/tl_to_loops.c - the tl-to-loops pass: every tl
 * structured op on memrefs becomes a perfect scf.for nest (one loop per
 * iterator, in order) whose innermost body loads each operand element at
 * its indexing map, runs a clone of the scalar body and stores the
 * yielded values to the outs. Named ops are generalized first
 * (eo_tl_named_to_generic). The out element is loaded as the body's out
 * argument (read-modify-write) whenever the body reads it, which keeps
 * reductions correct for any iteration order. Index arithmetic is
 * emitted as arith ops on index values, with MLIR's affine-to-arith
 * lowering of mod, floordiv and ceildiv. Ops on tensors are rejected.
 *
 * Two knobs per op shape the nest (both legal for every value of their
 * domains, and bit-identical in results): "tile.<site>.<d>" strip-mines
 * loop d by a tile size (the tile loops form an outer band), and
 * "interchange.<site>" permutes the loops. Loops whose order matters
 * for one out element (reductions, and parallel loops an out map does
 * not index plainly) keep their relative order, and only the first of
 * them may be tiled, so every out element sees its updates in the same
 * order. A tiled loop of tile T > 2 asks a second level,
 * "tile2.<site>.<d>" (0, or the sizes a loop of extent T offers): the
 * band is then the tile loops, the inner tile loops (each strip-mining
 * its outer tile by the inner size), then the point loops, each level in
 * the interchange order; partial tiles at either level are clamped by
 * arith.minsi. With every knob at its default the nest is the plain one.
 * A third, "vectorize.<site>" (1, 4, 8 or 16), is asked once the nest is
 * built, only when its innermost loop can run on vectors (vectorize.c).
 * With the pass option parallel=true, "parallel.<site>" (none, or one
 * of the outermost loops whose order does not matter) turns that loop
 * into an scf.parallel once the nest is built.
 * Sites are the ops' site keys, made unique per run (site_keys). */
#include "dialects/tl/transforms/transforms.h"
#include "dialects/tl/transforms/vectorize.h"

#include "dialects/scf/scf.h"
#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* arith.cmpi predicates, as arith stores them. */
enum { CMPI_SLT = 2, CMPI_SLE = 3 };

/* The most loops of one nest: two tile loops and a point loop per
 * iterator. */
#define NEST_MAX (3 * EO_TL_MAX_LOOPS)

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

/* The op definitions build1 looked up in one run, by the address of the
 * name literal (a handful of names: a linear search beats hashing). */
#define DEF_CACHE_MAX 16
typedef struct def_cache {
    const char *name[DEF_CACHE_MAX];
    const eo_op_def *def[DEF_CACHE_MAX];
    size_t n;
} def_cache;

/* What one run shares between the ops it lowers. */
typedef struct run_state {
    memo consts;              /* index constants (see lowering) */
    def_cache defs;
} run_state;

/* The state of lowering one tl.generic. */
typedef struct lowering {
    eo_ctx *ctx;
    eo_op *op;                /* the tl.generic */
    const eo_type *index;
    eo_builder outer;         /* before the nest: constants, bounds */
    eo_builder inner;         /* innermost body, before its scf.yield */
    /* at[k]: where a value of the loops at nest positions 0..k-1 goes:
     * before the loop at position k (at[0] is 'outer'), or the innermost
     * body for k = depth. */
    eo_builder at[NEST_MAX + 1];
    size_t nloops;
    size_t depth;             /* loops in the nest (tile and point) */
    size_t ppos[EO_TL_MAX_LOOPS];   /* nest position of loop d's ivs */
    /* The iterator of the loop at each nest position, and its tiling
     * level: 0 a point loop, 1 an outer tile loop, 2 an inner one. */
    size_t ldim[NEST_MAX];
    unsigned char ltile[NEST_MAX];
    const eo_knob_provider *knobs;  /* may be NULL: defaults */
    const eo_op *site;        /* the op the knobs are about */
    const char *site_key;     /* its unique site key */
    bool parallel;            /* ask the parallel knob */
    /* Index constants, at 'outer', shared by the ops lowered in one
     * block (each is created before the first nest that needs it). */
    memo *consts;
    def_cache *defs;
    memo exprs;               /* other expressions, at their level */
    eo_value *ivs[EO_TL_MAX_LOOPS];
    size_t nins;              /* the op's ins */
    bool self_dep;            /* self_dependent(op) */
    bool fixed[EO_TL_MAX_LOOPS];    /* order_fixed(op, d) */
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

/* Op 'name' (a string literal) at 'b', as eo_builder_create makes it,
 * with its definition looked up once per run; NULL on allocation
 * failure. */
static eo_op *
build(lowering *l, eo_builder *b, const char *name, size_t nops,
      eo_value *const *ops, size_t nres, const eo_type *const *res,
      size_t nattrs, const eo_named_attr *attrs)
{
    def_cache *dc = l->defs;
    const eo_op_def *def = NULL;
    size_t i = 0;
    while (dc && i < dc->n && dc->name[i] != name)
        i++;
    if (dc && i < dc->n) {
        def = dc->def[i];
    } else {
        def = eo_op_def_lookup(l->ctx, name, strlen(name));
        if (dc && def && dc->n < DEF_CACHE_MAX) {
            dc->name[dc->n] = name;
            dc->def[dc->n++] = def;
        }
    }
    if (!def)
        return eo_builder_create(b, name, nops, ops, nres, res, nattrs,
                                 attrs);
    eo_op_state st;
    eo_op_state_init_def(&st, l->ctx, def, b->loc);
    if (!st.name || eo_op_state_add_operands(&st, nops, ops) != EO_OK ||
        eo_op_state_add_results(&st, nres, res) != EO_OK)
        goto fail;
    for (size_t a = 0; a < nattrs; a++)
        if (eo_op_state_set_attr(&st, eo_ident_str(attrs[a].name),
                                 attrs[a].value) != EO_OK)
            goto fail;
    for (int r = 0; r < def->regions; r++)
        if (!eo_op_state_add_region(&st))
            goto fail;
    return eo_builder_insert(b, &st);
fail:
    eo_op_state_release(&st);
    return NULL;
}

/* One-result op 'name' at 'b'; NULL on allocation failure. */
static eo_value *
build1(lowering *l, eo_builder *b, const char *name, size_t nops,
       eo_value *const *ops, const eo_type *res, size_t nattrs,
       const eo_named_attr *attrs)
{
    eo_op *op = build(l, b, name, nops, ops, 1, &res, nattrs, attrs);
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
    c = build1(l, &l->outer, "arith.constant", 0, NULL, l->index, 1, &a);
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
    return build1(l, b, name, 2, ops, l->index, 0, NULL);
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
    return build1(l, b, "arith.cmpi", 2, ops, i1, 1, &attr);
}

static eo_value *
select3(eo_builder *b, lowering *l, eo_value *c, eo_value *t, eo_value *f)
{
    if (!c || !t || !f)
        return NULL;
    eo_value *ops[3] = {c, t, f};
    return build1(l, b, "arith.select", 3, ops, l->index, 0, NULL);
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

/* 1 + the deepest nest position of a loop 'e' uses (0 for none). */
static size_t
expr_level(const lowering *l, const eo_affine_expr *e)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM: {
        size_t d = eo_affine_expr_pos(e);
        return (d < l->nloops ? l->ppos[d] : d) + 1;
    }
    case EO_AFFINE_SYMBOL:
    case EO_AFFINE_CONST: return 0;
    default: {
        size_t a = expr_level(l, eo_affine_expr_lhs(e));
        size_t b = expr_level(l, eo_affine_expr_rhs(e));
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
    size_t lv = expr_level(l, e);
    eo_builder *at = &l->at[lv < l->depth ? lv : l->depth];
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
           eo_value **out, int64_t *extent)
{
    *extent = -1;
    if (lb && d < eo_attr_dense_array_size(lb) &&
        eo_attr_dense_array_int(lb, d) > 0) {
        *extent = eo_attr_dense_array_int(lb, d);
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
                *extent = size;
                *out = index_const(l, size);
                return *out ? EO_OK : EO_NOMEM;
            }
            eo_value *ops[2] = {v, index_const(l, (int64_t)r)};
            if (!ops[1])
                return EO_NOMEM;
            *out = build1(l, &l->outer, "memref.dim", 2, ops, l->index, 0,
                          NULL);
            return *out ? EO_OK : EO_NOMEM;
        }
    }
    return eo_op_error(l->op, "tl-to-loops: loop d%zu has no bound", d);
}

/* The most tile sizes one loop offers, and interchange orders one op. */
#define TILE_MAX_SIZES 128
#define PERM_MAX (1 + (EO_TL_MAX_LOOPS - 1) * (EO_TL_MAX_LOOPS - 1))
#define PERM_NAME_MAX (4 * EO_TL_MAX_LOOPS)
_Static_assert(EO_TL_MAX_LOOPS <= 100, "loop names take 4 characters");

/* Whether the order of loop d matters for one out element: a reduction,
 * or a parallel loop some out map does not index as a plain d<d>. */
static bool
order_fixed(const eo_op *op, size_t nins, size_t d, const eo_attr *maps,
            const eo_attr *iters)
{
    size_t len = 0;
    const char *s = eo_attr_string(eo_attr_array_at(iters, d), &len);
    if (!s || len != 8 || memcmp(s, "parallel", 8) != 0)
        return true;
    for (size_t o = nins; o < eo_op_num_operands(op); o++) {
        const eo_affine_map *m =
            eo_attr_affine_map(eo_attr_array_at(maps, o));
        bool plain = false;
        for (size_t r = 0; m && r < eo_affine_map_num_results(m); r++) {
            const eo_affine_expr *e = eo_affine_map_result(m, r);
            plain |= eo_affine_expr_kind(e) == EO_AFFINE_DIM &&
                     eo_affine_expr_pos(e) == d;
        }
        if (!plain)
            return true;
    }
    return false;
}

/* Whether an out is also another operand at another map: iterations
 * then depend on each other through memory and keep their order. */
static bool
self_dependent(const eo_op *op, size_t nins, const eo_attr *maps)
{
    size_t nops = eo_op_num_operands(op);
    for (size_t o = nins; o < nops; o++)
        for (size_t i = 0; i < nops; i++)
            if (i != o && eo_op_operand(op, i) == eo_op_operand(op, o) &&
                eo_attr_array_at(maps, i) != eo_attr_array_at(maps, o))
                return true;
    return false;
}

/* The legal tile sizes of a loop of 'extent' (-1: not static): 0
 * (untiled), the powers of two from 2 below the extent and the divisors
 * of the extent from 2 to 64 below it; for a dynamic extent 0 and 2 to
 * 64 by powers of two. Returns their number (ascending in 'v'). */
static size_t
tile_sizes(int64_t extent, int64_t *v)
{
    size_t n = 0;
    v[n++] = 0;
    if (extent < 0) {
        for (int64_t t = 2; t <= 64; t *= 2)
            v[n++] = t;
        return n;
    }
    /* 32-bit division where it fits: this runs for every loop of every
     * candidate the explorer evaluates. */
    uint32_t e32 = extent <= UINT32_MAX ? (uint32_t)extent : 0;
    for (int64_t t = 2; t < extent && t <= 64; t++)
        if ((t & (t - 1)) == 0 ||
            (e32 ? e32 % (uint32_t)t == 0 : extent % t == 0))
            v[n++] = t;
    for (int64_t t = 128; t < extent && n < TILE_MAX_SIZES; t *= 2) {
        v[n++] = t;
        if (t > INT64_MAX / 2)
            break;
    }
    return n;
}

/* Whether permutation 'p' of 'n' loops keeps the loops with fixed[]
 * set in their relative order. */
static bool
keeps_fixed_order(const size_t *p, size_t n, const bool *fixed)
{
    size_t last = 0;
    bool any = false;
    for (size_t k = 0; k < n; k++) {
        if (!fixed[p[k]])
            continue;
        if (any && p[k] < last)
            return false;
        last = p[k];
        any = true;
    }
    return true;
}

/* Next permutation in lexicographic order; false after the last. */
static bool
next_perm(size_t *p, size_t n)
{
    if (n < 2)
        return false;
    size_t i = n - 1;
    while (i > 0 && p[i - 1] >= p[i])
        i--;
    if (i == 0)
        return false;
    size_t j = n - 1;
    while (p[j] <= p[i - 1])
        j--;
    size_t t = p[i - 1];
    p[i - 1] = p[j];
    p[j] = t;
    for (size_t a = i, b = n - 1; a < b; a++, b--) {
        t = p[a];
        p[a] = p[b];
        p[b] = t;
    }
    return true;
}

/* The interchange orders of 'n' loops into perms (identity first): all
 * permutations for n <= 4, else the identity and every move of one loop
 * to another position; only those keeping fixed[] loops in order.
 * Returns their number. */
static size_t
interchange_orders(size_t n, const bool *fixed,
                   size_t (*perms)[EO_TL_MAX_LOOPS])
{
    size_t cnt = 0, p[EO_TL_MAX_LOOPS];
    for (size_t k = 0; k < n; k++)
        p[k] = k;
    if (n <= 4) {
        do {
            if (keeps_fixed_order(p, n, fixed))
                memcpy(perms[cnt++], p, n * sizeof *p);
        } while (next_perm(p, n));
        return cnt;
    }
    memcpy(perms[cnt++], p, n * sizeof *p);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            /* Moving i to i - 1 is moving i - 1 to i. */
            if (j == i || j + 1 == i)
                continue;
            size_t q[EO_TL_MAX_LOOPS], w = 0;
            for (size_t k = 0; k < n; k++) {
                if (k == i)
                    continue;
                if (w == j)
                    q[w++] = i;
                q[w++] = k;
            }
            if (w == j)
                q[w++] = i;
            if (keeps_fixed_order(q, n, fixed) && cnt < PERM_MAX)
                memcpy(perms[cnt++], q, n * sizeof *q);
        }
    }
    return cnt;
}

/* Writes 'v' in decimal at 'p' (room for 20 digits); returns the end. */
static char *
put_dec(char *p, size_t v)
{
    char tmp[24];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

/* Asks knob "<kind>.<site key>[.<param>]" about l->site (default
 * 'def'). The name is built without printf: this runs for every op of
 * every candidate the explorer evaluates. */
static int64_t
ask(lowering *l, const char *kind, const char *param,
    const eo_knob_domain *dom, int64_t def)
{
    if (!l->knobs || !l->knobs->ask || !l->site_key)
        return def;
    size_t kn = strlen(kind), sn = strlen(l->site_key);
    size_t pn = param ? strlen(param) : 0;
    size_t len = kn + 1 + sn + (param ? 1 + pn : 0);
    char small[256];
    char *name = len < sizeof small ? small : malloc(len + 1);
    if (!name)
        return def;
    char *w = name;
    memcpy(w, kind, kn);
    w += kn;
    *w++ = '.';
    memcpy(w, l->site_key, sn);
    w += sn;
    if (param) {
        *w++ = '.';
        memcpy(w, param, pn);
        w += pn;
    }
    *w = '\0';
    int64_t v = l->knobs->ask(l->knobs->ud, name, dom, def, l->site,
                              "tl-to-loops");
    if (name != small)
        free(name);
    return v;
}

/* Asks the tile and interchange knobs of the op being lowered: fills
 * tile[d] (0: untiled), tile2[d] (the inner tile size within a tile of
 * tile[d], 0: none) and perm (loop at each position). Loops with an
 * extent of 1 or 2 have no tile choice and ask nothing, nor do outer
 * tiles of 2 for tile2; nor does an op whose iterations depend on one
 * another through an out. */
static eo_status
ask_knobs(lowering *l, const eo_attr *maps, const eo_attr *iters,
          const int64_t *ext, int64_t *tile, int64_t *tile2, size_t *perm)
{
    size_t n = l->nloops;
    bool *fixed = l->fixed;
    size_t first_fixed = n;
    for (size_t d = 0; d < n; d++) {
        tile[d] = 0;
        tile2[d] = 0;
        perm[d] = d;
        fixed[d] = order_fixed(l->op, l->nins, d, maps, iters);
        if (fixed[d] && first_fixed == n)
            first_fixed = d;
    }
    if (!l->knobs || l->self_dep)
        return EO_OK;
    int64_t sizes[TILE_MAX_SIZES];
    for (size_t d = 0; d < n; d++) {
        /* Tiling a later order-fixed loop would reorder the updates. */
        if (fixed[d] && d != first_fixed)
            continue;
        size_t cnt = tile_sizes(ext[d], sizes);
        if (cnt < 2)
            continue;
        eo_knob_domain dom = {.kind = EO_KNOB_SET, .values = sizes,
                              .count = cnt};
        char param[24];
        *put_dec(param, d) = '\0';
        int64_t t = ask(l, "tile", param, &dom, 0);
        for (size_t k = 1; k < cnt; k++)
            if (sizes[k] == t)
                tile[d] = t;
        /* The inner level: the sizes a loop of the outer tile's extent
         * offers (each divides it or is a power of two below it). */
        cnt = tile[d] ? tile_sizes(tile[d], sizes) : 0;
        if (cnt < 2)
            continue;
        dom.count = cnt;
        t = ask(l, "tile2", param, &dom, 0);
        for (size_t k = 1; k < cnt; k++)
            if (sizes[k] == t)
                tile2[d] = t;
    }
    if (n < 2)
        return EO_OK;
    size_t (*perms)[EO_TL_MAX_LOOPS] = malloc(PERM_MAX * sizeof *perms);
    char (*names)[PERM_NAME_MAX] = malloc(PERM_MAX * sizeof *names);
    const char **np = malloc(PERM_MAX * sizeof *np);
    if (!perms || !names || !np) {
        free(perms);
        free(names);
        free(np);
        return EO_NOMEM;
    }
    size_t cnt = interchange_orders(n, fixed, perms);
    /* "d<i>,d<j>,...": at most 3 + 1 characters a loop (i < 100). */
    for (size_t i = 0; i < cnt && cnt > 1; i++) {
        char *w = names[i];
        for (size_t k = 0; k < n; k++) {
            if (k)
                *w++ = ',';
            *w++ = 'd';
            w = put_dec(w, perms[i][k]);
        }
        *w = '\0';
        np[i] = names[i];
    }
    if (cnt > 1) {
        eo_knob_domain dom = {.kind = EO_KNOB_ENUM, .names = np,
                              .count = cnt};
        int64_t v = ask(l, "interchange", NULL, &dom, 0);
        if (v > 0 && (size_t)v < cnt)
            memcpy(perm, perms[v], n * sizeof *perm);
    }
    free(perms);
    free(names);
    free(np);
    return EO_OK;
}

/* Opens loop 'f' at nest position 'k': later values go into its body. */
static eo_status
open_loop(lowering *l, eo_op *f, size_t k)
{
    eo_block *body = f ? scf_for_body(f) : NULL;
    if (!body)
        return EO_NOMEM;
    if (k == 0)               /* later constants go before the nest */
        eo_builder_set_before(&l->outer, f);
    l->at[k] = l->inner;
    eo_builder_set_before(&l->at[k], f);
    eo_builder_set_before(&l->inner, eo_block_last(body));
    return EO_OK;
}

/* Builds the loop nest of generic 'op' before it: the tile loops (step:
 * the tile size) in the chosen order, then the inner tile loops (a tile
 * of T split by T2: from the tile loop's iv to its end, step T2) in the
 * same order, then one point loop per iterator in the chosen order (a
 * tiled one from its innermost tile loop's iv to min(iv + T, end), the
 * min only where a tile can be partial); leaves l->inner before the
 * innermost scf.yield (or before 'op' when there are no loops). */
static eo_status
build_nest(lowering *l, const eo_attr *maps, const eo_attr *iters,
           const eo_attr *lb)
{
    size_t nloops = eo_attr_array_size(iters);
    l->nloops = nloops;
    l->depth = 0;
    l->inner = l->outer;
    l->at[0] = l->outer;
    if (nloops == 0)
        return EO_OK;
    eo_value *zero = index_const(l, 0);
    eo_value *one = index_const(l, 1);
    if (!zero || !one)
        return EO_NOMEM;
    eo_value *ubs[EO_TL_MAX_LOOPS];
    int64_t ext[EO_TL_MAX_LOOPS], tile[EO_TL_MAX_LOOPS];
    int64_t tile2[EO_TL_MAX_LOOPS];
    size_t perm[EO_TL_MAX_LOOPS];
    for (size_t d = 0; d < nloops; d++) {
        eo_status st = loop_bound(l, d, maps, lb, &ubs[d], &ext[d]);
        if (st != EO_OK)
            return st;
    }
    eo_status st = ask_knobs(l, maps, iters, ext, tile, tile2, perm);
    if (st != EO_OK)
        return st;
    size_t k = 0;
    eo_value *tlo[EO_TL_MAX_LOOPS], *thi[EO_TL_MAX_LOOPS];
    for (size_t p = 0; p < nloops; p++) {
        size_t d = perm[p];
        if (!tile[d])
            continue;
        eo_value *tc = index_const(l, tile[d]);
        if (!tc)
            return EO_NOMEM;
        eo_op *f = scf_for_build(&l->inner, zero, ubs[d], tc, 0, NULL);
        l->ldim[k] = d;
        l->ltile[k] = 1;
        if ((st = open_loop(l, f, k++)) != EO_OK)
            return st;
        tlo[d] = scf_for_induction_var(f);
        thi[d] = binop(&l->inner, l, "arith.addi", tlo[d], tc);
        /* A partial last tile needs the clamp. */
        if (thi[d] && (ext[d] < 0 || ext[d] % tile[d] != 0))
            thi[d] = binop(&l->inner, l, "arith.minsi", thi[d], ubs[d]);
        if (!thi[d])
            return EO_NOMEM;
    }
    for (size_t p = 0; p < nloops; p++) {
        size_t d = perm[p];
        if (!tile2[d])
            continue;
        eo_value *tc = index_const(l, tile2[d]);
        if (!tc)
            return EO_NOMEM;
        eo_op *f = scf_for_build(&l->inner, tlo[d], thi[d], tc, 0, NULL);
        l->ldim[k] = d;
        l->ltile[k] = 2;
        if ((st = open_loop(l, f, k++)) != EO_OK)
            return st;
        eo_value *end = thi[d];
        tlo[d] = scf_for_induction_var(f);
        thi[d] = binop(&l->inner, l, "arith.addi", tlo[d], tc);
        /* An inner tile is partial where T2 does not divide T, or the
         * outer tile may be partial (of ext % T) and T2 does not divide
         * that. */
        if (thi[d] && (ext[d] < 0 || tile[d] % tile2[d] != 0 ||
                       ext[d] % tile[d] % tile2[d] != 0))
            thi[d] = binop(&l->inner, l, "arith.minsi", thi[d], end);
        if (!thi[d])
            return EO_NOMEM;
    }
    for (size_t p = 0; p < nloops; p++) {
        size_t d = perm[p];
        eo_op *f = scf_for_build(&l->inner, tile[d] ? tlo[d] : zero,
                                 tile[d] ? thi[d] : ubs[d], one, 0, NULL);
        l->ldim[k] = d;
        l->ltile[k] = 0;
        if ((st = open_loop(l, f, k)) != EO_OK)
            return st;
        l->ivs[d] = scf_for_induction_var(f);
        l->ppos[d] = k++;
    }
    l->depth = k;
    l->at[0] = l->outer;
    l->at[k] = l->inner;
    return EO_OK;
}

static eo_value *
vec_const(void *ud, int64_t v)
{
    return index_const(ud, v);
}

/* Asks the vectorize knob of the op being lowered, when its innermost
 * loop (the one holding l->inner) can be vectorized at all, and
 * vectorizes it by the width chosen (1: left scalar). */
static eo_status
vectorize(lowering *l)
{
    static const int64_t widths[] = {1, 4, 8, 16};
    eo_op *loop = l->inner.before ? eo_op_parent(l->inner.before) : NULL;
    if (!l->knobs || l->depth == 0 || !loop ||
        l->self_dep ||
        !eo_op_def_lookup(l->ctx, "vector.load", 11) ||
        !eo_tl_loop_vectorizable(loop))
        return EO_OK;
    eo_knob_domain dom = {.kind = EO_KNOB_SET, .values = widths,
                          .count = sizeof widths / sizeof widths[0]};
    int64_t w = ask(l, "vectorize", NULL, &dom, 1);
    for (size_t k = 1; k < dom.count; k++)
        if (widths[k] == w)
            return eo_tl_vectorize_loop(loop, w, vec_const, l);
    return EO_OK;
}

/* The most loops the parallel knob offers (the outermost ones). */
#define PAR_MAX_CANDIDATES 4

/* The static trip count of scf.for 'f', or -1 when a bound or the step
 * is not a constant. */
static int64_t
static_trips(const eo_op *f)
{
    const eo_attr *c[3];
    for (size_t i = 0; i < 3; i++) {
        c[i] = eo_value_constant(eo_op_operand(f, i));
        if (!c[i] || eo_attr_get_kind(c[i]) != EO_ATTR_INTEGER)
            return -1;
    }
    int64_t lb = eo_attr_int_value(c[0]), ub = eo_attr_int_value(c[1]);
    int64_t step = eo_attr_int_value(c[2]);
    if (step <= 0 || ub <= lb)
        return step <= 0 ? -1 : 0;
    return (int64_t)(((uint64_t)ub - (uint64_t)lb - 1) / (uint64_t)step) + 1;
}

/* Replaces scf.for 'f' (no iter_args) by an scf.parallel over the same
 * range running the same body (its scf.yield becomes scf.reduce). */
static eo_status
for_to_parallel(eo_op *f)
{
    eo_ctx *ctx = eo_op_ctx(f);
    eo_value *ops[3] = {eo_op_operand(f, 0), eo_op_operand(f, 1),
                        eo_op_operand(f, 2)};
    const int32_t seg[4] = {1, 1, 1, 0};
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_attr *segs = i32 ? eo_attr_get_dense_array(ctx, i32, 4, seg)
                              : NULL;
    eo_op_state st;
    eo_op_state_init(&st, ctx, "scf.parallel", eo_op_loc(f));
    if (!segs || eo_op_state_add_operands(&st, 3, ops) != EO_OK ||
        eo_op_state_set_attr(&st, "operandSegmentSizes", segs) != EO_OK ||
        !eo_op_state_add_region(&st)) {
        eo_op_state_release(&st);
        return EO_NOMEM;
    }
    eo_op *p = eo_op_create(&st);
    if (!p)
        return EO_NOMEM;
    eo_region_take_body(eo_op_region(p, 0), eo_op_region(f, 0));
    eo_op_insert_before(f, p);
    eo_op *y = eo_block_terminator(eo_region_first(eo_op_region(p, 0)));
    eo_builder b;
    eo_builder_init(&b, ctx);
    eo_builder_set_before(&b, y);
    b.loc = eo_op_loc(y);
    if (!eo_builder_create(&b, "scf.reduce", 0, NULL, 0, NULL, 0, NULL))
        return EO_NOMEM;
    eo_status s = eo_op_erase(y);
    return s == EO_OK ? eo_op_erase(f) : s;
}

/* Asks the parallel knob of the op being lowered: "none" or one of the
 * outermost loops of the nest that may run its iterations at once (the
 * leading loops whose order does not matter, those with one iteration
 * left out; the innermost only when 'inner_ok'). Returns the chosen
 * loop, NULL for none. */
static eo_op *
ask_parallel(lowering *l, bool inner_ok)
{
    if (!l->knobs || !l->parallel || l->depth == 0 || l->self_dep)
        return NULL;
    eo_op *cand[PAR_MAX_CANDIDATES];
    char names[PAR_MAX_CANDIDATES][32];
    const char *np[PAR_MAX_CANDIDATES + 1] = {"none"};
    size_t n = 0;
    for (size_t k = 0; k < l->depth && n < PAR_MAX_CANDIDATES; k++) {
        if (l->fixed[l->ldim[k]] ||
            (k + 1 == l->depth && !inner_ok))
            break;
        eo_op *f = l->at[k].before;
        if (static_trips(f) >= 0 && static_trips(f) < 2)
            continue;
        char *w = names[n];
        *w++ = 'd';
        w = put_dec(w, l->ldim[k]);
        static const char *const level[3] = {"", ".tile", ".tile2"};
        const char *lv = level[l->ltile[k] < 3 ? l->ltile[k] : 0];
        memcpy(w, lv, strlen(lv) + 1);
        np[n + 1] = names[n];
        cand[n++] = f;
    }
    if (!n)
        return NULL;
    eo_knob_domain dom = {.kind = EO_KNOB_ENUM, .names = np,
                          .count = n + 1};
    int64_t v = ask(l, "parallel", NULL, &dom, 0);
    return v > 0 && (size_t)v <= n ? cand[v - 1] : NULL;
}

/* Lowers tl.generic 'op' (on memrefs) to loops and erases it. */
static eo_status
lower_generic(eo_op *op, run_state *rs, const eo_knob_provider *knobs,
              const eo_op *site, const char *site_key, bool parallel)
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
    l.consts = &rs->consts;
    l.defs = &rs->defs;
    l.nins = nins;
    l.self_dep = self_dependent(op, nins, maps);
    l.knobs = knobs;
    l.site = site;
    l.site_key = site_key;
    l.parallel = parallel;
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
        x = build1(&l, &l.inner, "memref.load", 1 + rank, ops,
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
        if (!build(&l, &l.inner, "memref.store", 2 + rank, ops, 0, NULL, 0,
                   NULL))
            st = EO_NOMEM;
    }
    /* The parallel loop is made once the nest is complete; a parallel
     * innermost loop is not vectorized. */
    eo_op *par = NULL;
    if (st == EO_OK)
        par = ask_parallel(&l, true);
    if (st == EO_OK && (!par || par != l.at[l.depth - 1].before))
        st = vectorize(&l);
    if (st == EO_OK && par)
        st = for_to_parallel(par);
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

/* Lowers one structured tl op: named ops through their generic form.
 * The knobs are asked about the op itself, under 'site_key'. */
static eo_status
lower_op(eo_op *op, run_state *rs, const eo_knob_provider *knobs,
         const char *site_key, bool parallel)
{
    if (on_tensors(op))
        return eo_op_error(op, "tl-to-loops needs buffers: bufferize "
                               "first");
    if (tl_op_kind(op) == TL_GENERIC)
        return lower_generic(op, rs, knobs, op, site_key, parallel);
    eo_rewriter rw;
    eo_rewriter_init(&rw, eo_op_ctx(op), NULL, NULL);
    eo_builder_set_before(&rw.b, op);
    eo_op *g = eo_tl_named_to_generic(&rw, op);
    if (!g)
        return EO_ERROR;
    /* 'op' stays until the knobs about it are asked. */
    eo_status st = lower_generic(g, rs, knobs, op, site_key, parallel);
    eo_status est = eo_op_erase(op);
    return st == EO_OK ? est : st;
}

/* The site keys of the ops of 'ol', taken before any is lowered (a key
 * from a position would shift) and made unique: the k-th later op with
 * the key of an earlier one (an ONNX node lowered to several tl ops)
 * gets "<key>.<k>". NULL on allocation failure; the caller frees. */
static eo_strbuf *
site_keys(const op_list *ol)
{
    eo_strbuf *keys = calloc(ol->n, sizeof *keys);
    size_t *dup = calloc(ol->n, sizeof *dup);
    bool oom = !keys || !dup;
    for (size_t i = 0; !oom && i < ol->n; i++) {
        eo_op_site_key(ol->v[i], &keys[i]);
        oom = keys[i].oom || !keys[i].data;
        for (size_t j = 0; !oom && j < i; j++)
            dup[i] += strcmp(keys[j].data, keys[i].data) == 0;
    }
    for (size_t i = 0; !oom && i < ol->n; i++) {
        if (dup[i])
            eo_strbuf_printf(&keys[i], ".%zu", dup[i]);
        oom = keys[i].oom;
    }
    free(dup);
    if (oom && keys)
        for (size_t i = 0; i < ol->n; i++)
            eo_strbuf_free(&keys[i]);
    if (oom) {
        free(keys);
        return NULL;
    }
    return keys;
}

/* tl-to-loops on everything nested in 'op', asking 'knobs' (may be
 * NULL: every knob at its default), the parallel knob too if
 * 'parallel'. */
static eo_status
lower_to_loops(eo_op *op, const eo_knob_provider *knobs, bool parallel,
               bool *changed)
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
    eo_strbuf *keys = NULL;
    if (knobs && ol.n && !(keys = site_keys(&ol))) {
        free(ol.v);
        return EO_NOMEM;
    }
    eo_status st = EO_OK;
    run_state rs;
    memset(&rs, 0, sizeof rs);
    for (size_t i = 0; i < ol.n && st == EO_OK; i++)
        st = lower_op(ol.v[i], &rs, knobs, keys ? keys[i].data : NULL,
                      parallel);
    free(rs.consts.v);
    for (size_t i = 0; keys && i < ol.n; i++)
        eo_strbuf_free(&keys[i]);
    free(keys);
    if (changed)
        *changed = ol.n > 0;
    free(ol.v);
    return st;
}

eo_status
eo_tl_lower_to_loops(eo_op *op, bool *changed)
{
    return lower_to_loops(op, NULL, false, changed);
}

typedef struct to_loops_options {
    bool parallel;
} to_loops_options;

static const eo_pass_option to_loops_option_rows[] = {
    { "parallel",
      "Ask knob parallel.<site>: which outer loop of each nest, if any, "
      "becomes an scf.parallel (run on threads by the JIT)",
      EO_OPT_BOOL, offsetof(to_loops_options, parallel), "false" },
};

static eo_status
run_to_loops(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const to_loops_options *o = options;
    bool changed = false;
    eo_status st = lower_to_loops(op, eo_pass_ctx_knobs(pc),
                                  o && o->parallel, &changed);
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_def to_loops_pass = {
    .name = "tl-to-loops",
    .description = "Lower tl ops on memrefs to scf.for loop nests with "
                   "memref.load/store",
    .anchor = NULL,
    .options = to_loops_option_rows,
    .num_options = sizeof to_loops_option_rows /
                   sizeof *to_loops_option_rows,
    .options_size = sizeof(to_loops_options),
    .run = run_to_loops,
};

const struct eo_pass_def *
eo_tl_to_loops_pass_def(void)
{
    return &to_loops_pass;
}

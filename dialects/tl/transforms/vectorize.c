/* dialects/tl/transforms/vectorize.c - the vectorize knob's rewrite in
 * tl-to-loops: the innermost scf.for of a lowered tl op becomes
 *
 *     scf.for %i = %lo to %main step %cW iter_args(reductions) {
 *       vector.load / vector.broadcast / arith, math on vector<W x T> /
 *       vector.fma / vector.store
 *     }
 *     vector.reduction, memref.store        (one per reduction)
 *     scf.for %i = %main to %hi step %c1 {...}   (the scalar epilogue)
 *
 * with %main = %hi - (%hi - %lo) mod W, so every width is legal for every
 * trip count. The analysis works on the loop's IR: each index value is
 * an affine function of the induction variable with a known step (the
 * tl maps lowered by tl_to_loops.c), each data value is invariant or
 * varies per lane. An access whose last index steps by 1 (and the others
 * by 0) on a memref whose last stride is 1 is a vector load or store;
 * one whose indices are all invariant is a scalar load (broadcast where
 * a vector needs it) or, for a store, the end of a reduction
 * "out = combine(out, x)" whose combining op has a vector.reduction kind.
 * Anything else (strided or gathered accesses, index data, other ops)
 * leaves the loop scalar: the knob then has no other value.
 *
 * Results: lane-wise ops see the same operands in the same order as the
 * scalar loop, so parallel loops give bit-identical results (no mulf +
 * addf is fused there). A reduction keeps W partial results (fused to
 * vector.fma for addf of a mulf) and adds them up with
 * vector.reduction fastmath<reassoc> at the end: exact for integers and
 * min/max, reassociated (within rounding) for float sums and products.
 */
#include "dialects/tl/transforms/vectorize.h"

#include "dialects/arith/arith.h"
#include "dialects/memref/memref.h"
#include "dialects/scf/scf.h"
#include "dialects/vector/vector.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What a value of the loop body is. */
enum vclass {
    C_UNIFORM,     /* the same in every iteration (index: step 0) */
    C_AFFINE,      /* an index stepping by 'step' per iteration */
    C_VECTOR,      /* data that differs per iteration: one per lane */
};

/* What the rewrite does with an op of the body. */
enum vrole {
    R_SCALAR,      /* cloned as it is (invariant, or index arithmetic) */
    R_VLOAD,       /* memref.load -> vector.load */
    R_VSTORE,      /* memref.store -> vector.store */
    R_VOP,         /* elementwise op -> the same op on vectors */
    R_ACC_LOAD,    /* a reduction's load of its out: before the loop */
    R_FUSED_MUL,   /* a mulf fused into its reduction's vector.fma */
    R_COMBINE,     /* a reduction's combining op: on the accumulator */
    R_RED_STORE,   /* a reduction's store: after the loop */
    R_YIELD,
};

#define MAX_BODY 512
#define MAX_RED 8

typedef struct red {
    eo_op *load, *combine, *store, *mul;   /* mul: fused, or NULL */
    eo_value *x;            /* the combined operand (not the out) */
    enum vector_kind kind;
} red;

typedef struct plan {
    eo_op *loop;
    eo_block *body;
    eo_value *iv;
    size_t nops;
    eo_op *ops[MAX_BODY];
    enum vrole role[MAX_BODY];
    /* One entry per op result (ops have at most one here). */
    enum vclass cls[MAX_BODY];
    int64_t step[MAX_BODY];
    red reds[MAX_RED];
    size_t nred;
} plan;

static bool
defined_in_body(const plan *p, const eo_value *v)
{
    eo_op *d = eo_value_def_op(v);
    return d && eo_op_block(d) == p->body;
}

/* The position of 'op' in the body, or p->nops. */
static size_t
op_pos(const plan *p, const eo_op *op)
{
    for (size_t i = 0; i < p->nops; i++)
        if (p->ops[i] == op)
            return i;
    return p->nops;
}

/* The class of 'v' and, for indices, its step. */
static enum vclass
classify(const plan *p, const eo_value *v, int64_t *step)
{
    *step = 0;
    if (v == p->iv) {
        *step = 1;
        return C_AFFINE;
    }
    if (!defined_in_body(p, v))
        return C_UNIFORM;
    size_t i = op_pos(p, eo_value_def_op(v));
    if (i == p->nops)
        return C_UNIFORM;
    *step = p->step[i];
    return p->cls[i];
}

/* The integer value of arith.constant 'v', if it is one. */
static bool
const_int(const eo_value *v, int64_t *out)
{
    eo_op *d = eo_value_def_op(v);
    if (!d || !eo_op_is(d, arith_op_def(ARITH_CONSTANT)))
        return false;
    const eo_attr *a = eo_op_attr(d, "value");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER)
        return false;
    *out = eo_attr_int_value(a);
    return true;
}

/* A scalar int (not index) or float type: what a vector lane holds. */
static bool
lane_type(const eo_type *t)
{
    return (eo_type_is_int(t) && eo_type_int_width(t) <= 64) ||
           (eo_type_is_float(t) && eo_type_float_width(t) <= 64);
}

/* The class of an index op's result (addi/subi/muli stay affine). */
static bool
index_op(plan *p, size_t i)
{
    eo_op *op = p->ops[i];
    size_t n = eo_op_num_operands(op);
    int64_t s[3] = {0, 0, 0};
    bool uni = true;
    if (n > 3)
        return false;
    for (size_t k = 0; k < n; k++) {
        enum vclass c = classify(p, eo_op_operand(op, k), &s[k]);
        if (c == C_VECTOR)
            return false;
        uni &= c == C_UNIFORM;
    }
    p->role[i] = R_SCALAR;
    p->cls[i] = C_UNIFORM;
    p->step[i] = 0;
    if (uni)
        return true;
    int64_t c, r;
    enum arith_op k = arith_op_kind(op);
    if (k == ARITH_ADDI && !__builtin_add_overflow(s[0], s[1], &r))
        p->step[i] = r;
    else if (k == ARITH_SUBI && !__builtin_sub_overflow(s[0], s[1], &r))
        p->step[i] = r;
    else if (k == ARITH_MULI && s[1] == 0 &&
             const_int(eo_op_operand(op, 1), &c) &&
             !__builtin_mul_overflow(s[0], c, &r))
        p->step[i] = r;
    else if (k == ARITH_MULI && s[0] == 0 &&
             const_int(eo_op_operand(op, 0), &c) &&
             !__builtin_mul_overflow(s[1], c, &r))
        p->step[i] = r;
    else
        return false;
    p->cls[i] = p->step[i] ? C_AFFINE : C_UNIFORM;
    return true;
}

/* Whether the last stride of memref type 't' is 1 (static). */
static bool
unit_last_stride(const eo_type *t)
{
    size_t rank = eo_type_rank(t);
    int64_t strides[64], off;
    if (rank == 0 || rank > 64 || !memref_strides_and_offset(t, strides,
                                                             &off))
        return false;
    return strides[rank - 1] == 1;
}

/* The access of a load (first = 1) or store (first = 2): 0 invariant,
 * 1 unit-stride in the last index, -1 neither. */
static int
access_kind(const plan *p, eo_op *op, size_t first)
{
    size_t n = eo_op_num_operands(op);
    eo_value *m = eo_op_operand(op, first - 1);
    const eo_type *mt = eo_value_type(m);
    if (defined_in_body(p, m) || eo_type_get_kind(mt) != EO_TYPE_MEMREF ||
        !lane_type(eo_type_elem(mt)) || n != first + eo_type_rank(mt))
        return -1;
    int kind = 0;
    for (size_t k = first; k < n; k++) {
        int64_t s;
        enum vclass c = classify(p, eo_op_operand(op, k), &s);
        if (c == C_VECTOR)
            return -1;
        if (s == 0)
            continue;
        if (s != 1 || k + 1 != n)
            return -1;
        kind = 1;
    }
    /* Whole bytes per lane: a vector of i1 (or i4) is packed in memory,
     * a memref of them is not. */
    const eo_type *et = eo_type_elem(mt);
    if (kind == 1 && (!unit_last_stride(mt) ||
                      (eo_type_is_int(et) && eo_type_int_width(et) % 8)))
        return -1;
    return kind;
}

/* The vector.reduction kind of combining op 'op', or 0. */
static enum vector_kind
combine_kind(const eo_op *op)
{
    static const struct { enum arith_op a; enum vector_kind k; } tab[] = {
        {ARITH_ADDF, VECTOR_KIND_ADD}, {ARITH_MULF, VECTOR_KIND_MUL},
        {ARITH_MAXIMUMF, VECTOR_KIND_MAXIMUMF},
        {ARITH_MINIMUMF, VECTOR_KIND_MINIMUMF},
        {ARITH_MAXNUMF, VECTOR_KIND_MAXNUMF},
        {ARITH_MINNUMF, VECTOR_KIND_MINNUMF},
        {ARITH_ADDI, VECTOR_KIND_ADD}, {ARITH_MULI, VECTOR_KIND_MUL},
        {ARITH_MAXSI, VECTOR_KIND_MAXSI}, {ARITH_MINSI, VECTOR_KIND_MINSI},
        {ARITH_MAXUI, VECTOR_KIND_MAXUI}, {ARITH_MINUI, VECTOR_KIND_MINUI},
        {ARITH_ANDI, VECTOR_KIND_AND}, {ARITH_ORI, VECTOR_KIND_OR},
        {ARITH_XORI, VECTOR_KIND_XOR},
    };
    enum arith_op a = arith_op_kind(op);
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++)
        if (tab[i].a == a)
            return tab[i].k;
    return 0;
}

static bool
same_indices(const eo_op *a, size_t fa, const eo_op *b, size_t fb)
{
    size_t na = eo_op_num_operands(a), nb = eo_op_num_operands(b);
    if (na - fa != nb - fb)
        return false;
    for (size_t k = 0; k < na - fa; k++)
        if (eo_op_operand(a, fa + k) != eo_op_operand(b, fb + k))
            return false;
    return true;
}

/* Matches the store at body position 'i' (invariant indices) as the end
 * of a reduction. */
static bool
match_reduction(plan *p, size_t i)
{
    eo_op *st = p->ops[i];
    eo_value *v = eo_op_operand(st, 0);
    eo_op *comb = eo_value_def_op(v);
    if (p->nred == MAX_RED || !comb || eo_op_block(comb) != p->body ||
        !eo_value_has_one_use(v) || eo_op_num_operands(comb) != 2)
        return false;
    enum vector_kind kind = combine_kind(comb);
    if (!kind)
        return false;
    for (size_t side = 0; side < 2; side++) {
        eo_value *lv = eo_op_operand(comb, side);
        eo_op *ld = eo_value_def_op(lv);
        if (!ld || eo_op_block(ld) != p->body ||
            !eo_op_is(ld, memref_op_def(MEMREF_LOAD)) ||
            !eo_value_has_one_use(lv) ||
            eo_op_operand(ld, 0) != eo_op_operand(st, 1) ||
            !same_indices(ld, 1, st, 2))
            continue;
        /* The indices must exist before the loop (they are uniform). */
        for (size_t k = 1; k < eo_op_num_operands(ld); k++)
            if (defined_in_body(p, eo_op_operand(ld, k)))
                return false;
        red *r = &p->reds[p->nred++];
        r->load = ld;
        r->combine = comb;
        r->store = st;
        r->x = eo_op_operand(comb, 1 - side);
        r->kind = kind;
        r->mul = NULL;
        eo_op *m = eo_value_def_op(r->x);
        int64_t s;
        if (kind == VECTOR_KIND_ADD && eo_type_is_float(eo_value_type(v)) &&
            m && eo_op_block(m) == p->body &&
            eo_op_is(m, arith_op_def(ARITH_MULF)) &&
            eo_value_has_one_use(r->x) &&
            classify(p, r->x, &s) == C_VECTOR)
            r->mul = m;
        p->role[op_pos(p, ld)] = R_ACC_LOAD;
        p->role[op_pos(p, comb)] = R_COMBINE;
        p->role[i] = R_RED_STORE;
        if (r->mul)
            p->role[op_pos(p, r->mul)] = R_FUSED_MUL;
        return true;
    }
    return false;
}

/* Loads and stores of a memref the loop stores to touch only the stored
 * element of the same iteration (or are the reduction's own load). */
static bool
no_hazards(const plan *p)
{
    for (size_t i = 0; i < p->nops; i++) {
        eo_op *st = p->ops[i];
        if (p->role[i] != R_VSTORE && p->role[i] != R_RED_STORE)
            continue;
        eo_value *m = eo_op_operand(st, 1);
        for (size_t j = 0; j < p->nops; j++) {
            eo_op *o = p->ops[j];
            if (j == i)
                continue;
            bool ld = eo_op_is(o, memref_op_def(MEMREF_LOAD));
            bool sto = eo_op_is(o, memref_op_def(MEMREF_STORE));
            if ((ld && eo_op_operand(o, 0) != m) ||
                (sto && eo_op_operand(o, 1) != m) || (!ld && !sto))
                continue;
            if (sto)
                return false;
            if (p->role[i] == R_VSTORE && !same_indices(o, 1, st, 2))
                return false;
            if (p->role[i] == R_RED_STORE && p->role[j] != R_ACC_LOAD)
                return false;
            if (p->role[j] == R_ACC_LOAD) {
                bool own = false;
                for (size_t r = 0; r < p->nred; r++)
                    own |= p->reds[r].load == o && p->reds[r].store == st;
                if (!own)
                    return false;
            }
        }
    }
    return true;
}

static bool
elementwise(const eo_op *op)
{
    const char *n = eo_op_name_str(op);
    return (strncmp(n, "arith.", 6) == 0 || strncmp(n, "math.", 5) == 0) &&
           eo_op_has_trait(op, EO_ELEMENTWISE) &&
           eo_op_num_results(op) == 1 && eo_op_num_regions(op) == 0;
}

/* Fills 'p' for 'loop'; false if it cannot be vectorized. */
static bool
analyze(eo_op *loop, plan *p)
{
    memset(p, 0, sizeof *p);
    int64_t step;
    if (!eo_op_is(loop, scf_op_def(SCF_FOR)) ||
        eo_op_num_operands(loop) != 3 || eo_op_num_results(loop) != 0 ||
        !const_int(eo_op_operand(loop, 2), &step) || step != 1)
        return false;
    p->loop = loop;
    p->body = scf_for_body(loop);
    p->iv = scf_for_induction_var(loop);
    if (!p->body || !p->iv || eo_block_num_args(p->body) != 1)
        return false;
    for (eo_op *op = eo_block_first(p->body); op; op = eo_op_next(op)) {
        if (p->nops == MAX_BODY)
            return false;
        p->ops[p->nops++] = op;
    }
    bool any_store = false;
    for (size_t i = 0; i < p->nops; i++) {
        eo_op *op = p->ops[i];
        p->role[i] = R_SCALAR;
        p->cls[i] = C_UNIFORM;
        if (eo_op_is(op, scf_op_def(SCF_YIELD))) {
            if (eo_op_num_operands(op) != 0 || i + 1 != p->nops)
                return false;
            p->role[i] = R_YIELD;
            continue;
        }
        if (eo_op_num_regions(op) != 0 || eo_op_num_results(op) > 1)
            return false;
        if (eo_op_is(op, arith_op_def(ARITH_CONSTANT)))
            continue;
        if (eo_op_is(op, memref_op_def(MEMREF_LOAD))) {
            int k = access_kind(p, op, 1);
            if (k < 0)
                return false;
            if (k == 1) {
                p->role[i] = R_VLOAD;
                p->cls[i] = C_VECTOR;
            }
            continue;
        }
        if (eo_op_is(op, memref_op_def(MEMREF_STORE))) {
            int64_t s;
            int k = access_kind(p, op, 2);
            if (k < 0 || classify(p, eo_op_operand(op, 0), &s) == C_AFFINE)
                return false;
            any_store = true;
            if (k == 1)
                p->role[i] = R_VSTORE;
            else if (!match_reduction(p, i))
                return false;
            continue;
        }
        if (eo_op_num_results(op) == 1 &&
            eo_type_is_index(eo_value_type(eo_op_result(op, 0)))) {
            if (strncmp(eo_op_name_str(op), "arith.", 6) != 0 ||
                !index_op(p, i))
                return false;
            continue;
        }
        if (!elementwise(op) ||
            !lane_type(eo_value_type(eo_op_result(op, 0))))
            return false;
        for (size_t k = 0; k < eo_op_num_operands(op); k++) {
            int64_t s;
            eo_value *v = eo_op_operand(op, k);
            enum vclass c = classify(p, v, &s);
            if (c == C_AFFINE || !lane_type(eo_value_type(v)))
                return false;
            if (c == C_VECTOR) {
                p->role[i] = R_VOP;
                p->cls[i] = C_VECTOR;
            }
        }
    }
    /* A reduction's ops feed only each other. */
    for (size_t r = 0; r < p->nred; r++) {
        int64_t s;
        red *rd = &p->reds[r];
        if (rd->mul && (classify(p, eo_op_operand(rd->mul, 0), &s) ==
                            C_AFFINE ||
                        classify(p, eo_op_operand(rd->mul, 1), &s) ==
                            C_AFFINE))
            return false;
        if (!eo_value_has_one_use(eo_op_result(rd->combine, 0)))
            return false;
    }
    return any_store && no_hazards(p);
}

bool
eo_tl_loop_vectorizable(eo_op *loop)
{
    plan *p = malloc(sizeof *p);
    bool ok = p && analyze(loop, p);
    free(p);
    return ok;
}

/* ------------------------------------------------------------------ */
/* The rewrite                                                         */
/* ------------------------------------------------------------------ */

typedef struct emit {
    eo_ctx *ctx;
    plan *p;
    int64_t width;
    eo_builder pre;           /* before the scalar loop */
    eo_builder in;            /* in the vector loop's body */
    eo_irmap *map;            /* scalar body values -> vector loop's */
    /* Broadcasts made in the vector loop, per scalar value. */
    const eo_value *bkey[MAX_BODY];
    eo_value *bval[MAX_BODY];
    size_t nb;
} emit;

static void
insert(eo_builder *b, eo_op *op)
{
    if (b->before)
        eo_op_insert_before(b->before, op);
    else
        eo_block_append(b->block, op);
}

static eo_value *
build1(eo_builder *b, const char *name, size_t n, eo_value *const *ops,
       const eo_type *rt, size_t na, const eo_named_attr *attrs)
{
    eo_op *op = eo_builder_create(b, name, n, ops, 1, &rt, na, attrs);
    return op ? eo_op_result(op, 0) : NULL;
}

static const eo_type *
vec_of(emit *e, const eo_type *elem)
{
    return eo_type_get_vector(e->ctx, 1, &e->width, NULL, elem);
}

/* 'v' of the scalar body as a value of the vector loop. */
static eo_value *
mapped(emit *e, eo_value *v)
{
    eo_value *m = eo_irmap_lookup_value(e->map, v);
    return m ? m : v;
}

/* 'v' (mapped) as a vector: itself, or its broadcast (made once). */
static eo_value *
as_vector(emit *e, eo_value *v)
{
    eo_value *m = mapped(e, v);
    const eo_type *t = eo_value_type(m);
    if (eo_type_get_kind(t) == EO_TYPE_VECTOR)
        return m;
    for (size_t i = 0; i < e->nb; i++)
        if (e->bkey[i] == m)
            return e->bval[i];
    const eo_type *vt = vec_of(e, t);
    eo_value *b = vt ? build1(&e->in, "vector.broadcast", 1, &m, vt, 0,
                              NULL)
                     : NULL;
    if (b && e->nb < MAX_BODY) {
        e->bkey[e->nb] = m;
        e->bval[e->nb++] = b;
    }
    return b;
}

/* The identity of reduction 'kind' on 't', as an arith.constant. */
static eo_value *
identity(emit *e, enum vector_kind kind, const eo_type *t)
{
    const eo_attr *a;
    if (eo_type_is_float(t)) {
        double v = kind == VECTOR_KIND_ADD ? -0.0
                   : kind == VECTOR_KIND_MUL ? 1.0
                   : kind == VECTOR_KIND_MAXIMUMF ||
                           kind == VECTOR_KIND_MAXNUMF
                       ? -INFINITY
                       : INFINITY;
        a = eo_attr_get_float(e->ctx, t, v);
    } else {
        unsigned w = eo_type_int_width(t);
        int64_t smax = w >= 64 ? INT64_MAX
                               : (int64_t)(((uint64_t)1 << (w - 1)) - 1);
        int64_t v = kind == VECTOR_KIND_MUL ? 1
                    : kind == VECTOR_KIND_MAXSI ? -smax - 1
                    : kind == VECTOR_KIND_MINSI ? smax
                    : kind == VECTOR_KIND_MINUI || kind == VECTOR_KIND_AND
                        ? -1
                        : 0;
        a = eo_attr_get_int(e->ctx, t, v);
    }
    eo_named_attr na = {eo_ident_get(e->ctx, "value", 5), a};
    if (!a || !na.name)
        return NULL;
    return build1(&e->pre, "arith.constant", 0, NULL, t, 1, &na);
}

/* Clones elementwise 'op' onto vectors: operands 'ops' (vectors). */
static eo_value *
vector_clone(emit *e, eo_op *op, eo_value *const *ops)
{
    eo_op *c = eo_op_clone(op, NULL);
    if (!c)
        return NULL;
    for (size_t k = 0; k < eo_op_num_operands(c); k++)
        eo_op_set_operand(c, k, ops[k]);
    eo_value *r = eo_op_result(c, 0);
    const eo_type *vt = vec_of(e, eo_value_type(r));
    if (!vt) {
        eo_op_destroy(c);
        return NULL;
    }
    eo_value_set_type(r, vt);
    insert(&e->in, c);
    return r;
}

static eo_status
emit_body_op(emit *e, size_t i, eo_value **accs, eo_value **next)
{
    plan *p = e->p;
    eo_op *op = p->ops[i];
    size_t n = eo_op_num_operands(op);
    eo_value *ops[1 + 64 + 1];
    eo_op *c;
    if (n > 66)
        return EO_ERROR;
    switch (p->role[i]) {
    case R_SCALAR:
        c = eo_op_clone(op, e->map);
        if (!c)
            return EO_NOMEM;
        insert(&e->in, c);
        return EO_OK;
    case R_VLOAD: {
        for (size_t k = 0; k < n; k++)
            ops[k] = mapped(e, eo_op_operand(op, k));
        const eo_type *vt = vec_of(e, eo_value_type(eo_op_result(op, 0)));
        eo_value *v = vt ? build1(&e->in, "vector.load", n, ops, vt, 0,
                                  NULL)
                         : NULL;
        if (!v)
            return EO_NOMEM;
        return eo_irmap_map_value(e->map, eo_op_result(op, 0), v);
    }
    case R_VSTORE:
        ops[0] = as_vector(e, eo_op_operand(op, 0));
        for (size_t k = 1; k < n; k++)
            ops[k] = mapped(e, eo_op_operand(op, k));
        if (!ops[0] || !eo_builder_create(&e->in, "vector.store", n, ops, 0,
                                          NULL, 0, NULL))
            return EO_NOMEM;
        return EO_OK;
    case R_VOP: {
        for (size_t k = 0; k < n; k++)
            if (!(ops[k] = as_vector(e, eo_op_operand(op, k))))
                return EO_NOMEM;
        eo_value *v = vector_clone(e, op, ops);
        if (!v)
            return EO_NOMEM;
        return eo_irmap_map_value(e->map, eo_op_result(op, 0), v);
    }
    case R_COMBINE: {
        size_t r = 0;
        while (r < p->nred && p->reds[r].combine != op)
            r++;
        if (r == p->nred)
            return EO_ERROR;
        red *rd = &p->reds[r];
        eo_value *v;
        if (rd->mul) {
            ops[0] = as_vector(e, eo_op_operand(rd->mul, 0));
            ops[1] = as_vector(e, eo_op_operand(rd->mul, 1));
            ops[2] = accs[r];
            v = ops[0] && ops[1]
                    ? build1(&e->in, "vector.fma", 3, ops,
                             eo_value_type(accs[r]), 0, NULL)
                    : NULL;
        } else {
            bool acc_first = eo_op_operand(op, 0) ==
                             eo_op_result(rd->load, 0);
            ops[acc_first ? 0 : 1] = accs[r];
            ops[acc_first ? 1 : 0] = as_vector(e, rd->x);
            v = ops[0] && ops[1] ? vector_clone(e, op, ops) : NULL;
        }
        if (!v)
            return EO_NOMEM;
        next[r] = v;
        return EO_OK;
    }
    default:                  /* done before or after the loop */
        return EO_OK;
    }
}

/* %hi - (%hi - %lo) mod W: where the vector loop stops. */
static eo_value *
main_bound(emit *e, eo_value *lo, eo_value *hi, eo_tl_index_const_fn cst,
           void *ud)
{
    int64_t l, h;
    if (const_int(lo, &l) && const_int(hi, &h))
        return cst(ud, h > l ? h - (h - l) % e->width : h);
    const eo_type *index = eo_value_type(lo);
    eo_value *w = cst(ud, e->width);
    eo_value *ops[2] = {hi, lo};
    eo_value *d = w ? build1(&e->pre, "arith.subi", 2, ops, index, 0, NULL)
                    : NULL;
    if (!d)
        return NULL;
    ops[0] = d;
    ops[1] = w;
    eo_value *r = build1(&e->pre, "arith.remsi", 2, ops, index, 0, NULL);
    if (!r)
        return NULL;
    ops[0] = hi;
    ops[1] = r;
    return build1(&e->pre, "arith.subi", 2, ops, index, 0, NULL);
}

/* The reductions' ends after the vector loop 'vl'. */
static eo_status
finish_reductions(emit *e, eo_op *vl, eo_value *const *acc0)
{
    plan *p = e->p;
    for (size_t r = 0; r < p->nred; r++) {
        red *rd = &p->reds[r];
        eo_value *v = eo_op_result(vl, r);
        const eo_type *t = eo_value_type(acc0[r]);
        unsigned fl = eo_type_is_float(t) && (rd->kind == VECTOR_KIND_ADD ||
                                              rd->kind == VECTOR_KIND_MUL)
                          ? ARITH_FM_REASSOC
                          : ARITH_FM_NONE;
        eo_named_attr attrs[2] = {
            {eo_ident_get(e->ctx, "kind", 4), vector_kind_attr(e->ctx,
                                                               rd->kind)},
            {eo_ident_get(e->ctx, "fastmath", 8),
             arith_fastmath_attr(e->ctx, fl)}};
        if (!attrs[0].name || !attrs[0].value || !attrs[1].name ||
            !attrs[1].value)
            return EO_NOMEM;
        eo_value *ops[2 + 64] = {v, acc0[r]};
        eo_value *s = build1(&e->pre, "vector.reduction", 2, ops, t, 2,
                             attrs);
        size_t n = eo_op_num_operands(rd->store);
        if (!s || n > 66)
            return EO_NOMEM;
        ops[0] = s;
        for (size_t k = 1; k < n; k++)
            ops[k] = eo_op_operand(rd->store, k);
        if (!eo_builder_create(&e->pre, "memref.store", n, ops, 0, NULL, 0,
                               NULL))
            return EO_NOMEM;
    }
    return EO_OK;
}

static eo_status
rewrite(emit *e, eo_tl_index_const_fn cst, void *ud)
{
    plan *p = e->p;
    eo_op *loop = p->loop;
    eo_value *lo = eo_op_operand(loop, 0), *hi = eo_op_operand(loop, 1);
    eo_value *w = cst(ud, e->width);
    eo_value *mainb = main_bound(e, lo, hi, cst, ud);
    if (!w || !mainb)
        return EO_NOMEM;
    eo_value *acc0[MAX_RED], *init[MAX_RED], *next[MAX_RED];
    for (size_t r = 0; r < p->nred; r++) {
        red *rd = &p->reds[r];
        size_t n = eo_op_num_operands(rd->load);
        eo_value *ops[1 + 64];
        if (n > 65)
            return EO_ERROR;
        for (size_t k = 0; k < n; k++)
            ops[k] = eo_op_operand(rd->load, k);
        const eo_type *t = eo_value_type(eo_op_result(rd->load, 0));
        acc0[r] = build1(&e->pre, "memref.load", n, ops, t, 0, NULL);
        eo_value *id = identity(e, rd->kind, t);
        const eo_type *vt = vec_of(e, t);
        init[r] = id && vt ? build1(&e->pre, "vector.broadcast", 1, &id, vt,
                                    0, NULL)
                           : NULL;
        if (!acc0[r] || !init[r])
            return EO_NOMEM;
        next[r] = NULL;
    }
    eo_op *vl = scf_for_build(&e->pre, lo, mainb, w, p->nred, init);
    eo_block *vb = vl ? scf_for_body(vl) : NULL;
    if (!vb)
        return EO_NOMEM;
    eo_builder_init(&e->in, e->ctx);
    e->in.loc = eo_op_loc(loop);
    if (p->nred)
        eo_builder_set_end(&e->in, vb);
    else
        eo_builder_set_before(&e->in, eo_block_last(vb));
    eo_status st = eo_irmap_map_value(e->map, p->iv,
                                      scf_for_induction_var(vl));
    eo_value *accs[MAX_RED];
    for (size_t r = 0; r < p->nred; r++)
        accs[r] = eo_block_arg(vb, 1 + r);
    for (size_t i = 0; i < p->nops && st == EO_OK; i++)
        st = emit_body_op(e, i, accs, next);
    if (st != EO_OK)
        return st;
    if (p->nred && !scf_yield_build(&e->in, p->nred, next))
        return EO_NOMEM;
    st = finish_reductions(e, vl, acc0);
    if (st != EO_OK)
        return st;
    int64_t l, h;
    if (const_int(lo, &l) && const_int(hi, &h) && (h - l) % e->width == 0)
        return eo_op_erase(loop);
    eo_op_set_operand(loop, 0, mainb);
    return EO_OK;
}

eo_status
eo_tl_vectorize_loop(eo_op *loop, int64_t width, eo_tl_index_const_fn cst,
                     void *ud)
{
    if (width < 2)
        return EO_OK;
    emit *e = calloc(1, sizeof *e);
    plan *p = malloc(sizeof *p);
    if (!e || !p) {
        free(e);
        free(p);
        return EO_NOMEM;
    }
    eo_status st = EO_OK;
    if (!analyze(loop, p)) {
        st = eo_op_error(loop, "tl-to-loops: cannot vectorize this loop");
    } else {
        e->ctx = eo_op_ctx(loop);
        e->p = p;
        e->width = width;
        e->map = eo_irmap_create(e->ctx);
        eo_builder_init(&e->pre, e->ctx);
        eo_builder_set_before(&e->pre, loop);
        e->pre.loc = eo_op_loc(loop);
        st = e->map ? rewrite(e, cst, ud) : EO_NOMEM;
        eo_irmap_destroy(e->map);
    }
    free(e);
    free(p);
    return st;
}

/* rewrite/pass_unroll_jam.c - the "unroll-jam" pass: unroll-and-jam of
 * perfect scf.for nests by a per-loop factor knob, with the register
 * block it makes kept in registers (issue #5).
 *
 * Requires: nothing. Preserves: semantics, under the assumption that
 * tl-to-loops and tiling make as well: distinct memref values do not
 * alias (bufferized tl code never has an out aliasing another operand).
 *
 * Knob "unroll_jam.<site>.factor", a set of {1, 2, 4, 8}, default 1 (keep
 * the nest), asked for each scf.for L (the site) that is the outer loop
 * of a nest it can jam:
 *   - L has no iter_args, an index or signless integer iv, a step that is
 *     not a non-positive constant, and one block whose ops are pure
 *     region-free ops (index arithmetic), then exactly one scf.for L2,
 *     then any ops, then scf.yield;
 *   - L2's bounds and step are defined outside L (the same for every
 *     iteration of L);
 *   - L carries no dependence: every op nested in L is pure, a region op
 *     of scf (for, if, yield: their bodies are checked), or a
 *     memref.load/store or vector.load/store on a memref defined outside
 *     L; and each memref that is stored in L is accessed, by every access
 *     in L, with L's iv itself as the index of one common dimension, so
 *     that different iterations of L touch disjoint elements of it. The
 *     usual legal case is a parallel outer loop over a reduction (the
 *     row loop of a matmul over its k loop); a loop whose iterations may
 *     touch a stored element twice (an outer reduction) asks no knob.
 * The domain leaves out the factors larger than a constant trip count
 * (they would only add an epilogue); a constant trip count below 2 asks
 * nothing. Loops are visited innermost first.
 *
 * With factor F > 1:
 *   1. L keeps the iterations iv = lb, lb + F*step, ... that start a full
 *      group of F (bounds as in the "unroll" pass: constant or computed
 *      from the trip count), and an epilogue loop (the original L) runs
 *      the rest.
 *   2. Jam: in the main loop, the ops before L2 are copied for
 *      iv + j*step (j = 1..F-1); L2 is replaced by one loop whose body
 *      holds the F copies of L2's body (copy j sees the j-th copies of
 *      the values and its own iter_args, L2's inits concatenated); the
 *      ops after L2 are copied for each j after the originals, reading
 *      their copy of L2's results. Where L2's body is itself pure ops
 *      and one loop that is not innermost (no results, bounds defined
 *      outside L), the copies of that loop are fused the same way, down
 *      to the innermost loops: the F independent iterations of L are
 *      interleaved at the deepest level (a convolution's ow over kh, kw
 *      and c). Fused loops keep the attributes and location (so the site
 *      key) of the loop they come from.
 *   3. Register block: in the deepest fused loop D, when it provably runs
 *      at least once (constant bounds, or ub = lb + c), loops of its
 *      body with a constant trip count of at most 16 (the vector loop of
 *      a tile) are unrolled fully, and the elements of each memref that
 *      is stored in D and that D accesses only by ops of its body at
 *      indices defined outside D, at one type per index tuple and at
 *      provably disjoint elements otherwise (indices differing by a
 *      constant of at least the vector width), are carried in iter_args:
 *      loaded before D, stored after it. A matmul's C tile or a
 *      convolution's output block then stays in registers.
 *   4. Knob "unroll_jam.<site>.contract" (bool, default false), asked
 *      with a factor above 1 when L2 holds an arith.mulf whose only use
 *      is an arith.addf: true marks such pairs of D's body
 *      fastmath<contract>, so that the code generator may fuse them into
 *      FMAs (one rounding instead of two: results change within rounding,
 *      as vectorized reductions do).
 * Every knob is asked before the first nest is changed (site keys by
 * position stay those of the input); the nests are then jammed inner
 * ones first, and a nest that jamming an inner one made unjammable (an
 * epilogue loop beside its inner loop) is left as it is.
 */
#include "rewrite/rewrite.h"
#include "rewrite/internal.h"

#include "dialects/arith/arith.h"
#include "dialects/scf/scf.h"

#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

#define MAX_FACTOR 8
#define EO_MAX_PROMOTED_RANK 8
#define MAX_INNER_UNROLL 16

static const int64_t all_factors[] = { 1, 2, 4, 8 };
static const eo_knob_domain contract_domain = { .kind = EO_KNOB_BOOL };

typedef struct access {
    eo_value *mem;
    eo_op *op;
    size_t first_index, num_indices;
} access;

typedef struct jammer {
    eo_ctx *ctx;
    const eo_knob_provider *knobs;
    eo_op **loops;
    size_t num_loops, cap_loops;
    const eo_op_def *for_def, *yield_def, *if_def;
    const eo_op_def *mload, *mstore, *vload, *vstore;
    /* Accesses of the loop being checked. */
    access *acc;
    size_t num_acc, cap_acc;
    eo_op *cur;                     /* the loop being checked */
    bool bad;                       /* an op the check cannot analyse */
    bool oom;
    bool changed;
} jammer;

static eo_walk_result
collect_loop(eo_op *op, void *ud)
{
    jammer *u = ud;
    if (!eo_op_is(op, u->for_def))
        return EO_WALK_ADVANCE;
    if (u->num_loops == u->cap_loops) {
        size_t n = u->cap_loops ? u->cap_loops * 2 : 16;
        eo_op **p = realloc(u->loops, n * sizeof *p);
        if (!p) {
            u->oom = true;
            return EO_WALK_INTERRUPT;
        }
        u->loops = p;
        u->cap_loops = n;
    }
    u->loops[u->num_loops++] = op;
    return EO_WALK_ADVANCE;
}

/* Signed maximum of the iv type (index counts as 64 bits). */
static i128
type_max(const eo_type *t)
{
    unsigned w = eo_type_is_index(t) ? 64 : eo_type_int_width(t);
    if (w == 0)
        return 0;
    if (w > 64)
        w = 64;
    return ((i128)1 << (w - 1)) - 1;
}

/* Whether 'v' is defined inside 'loop' (by an op in it or as an argument
 * of one of its blocks or of a nested block). */
static bool
defined_inside(const eo_value *v, const eo_op *loop)
{
    eo_op *d = eo_value_def_op(v);
    if (!d) {
        eo_block *b = eo_value_owner_block(v);
        d = b ? eo_block_parent_op(b) : NULL;
        if (!d)
            return false;
        if (d == loop)
            return true;
    }
    return eo_op_is_inside(d, loop);
}

static eo_walk_result
record_access(eo_op *op, void *ud)
{
    jammer *u = ud;
    if (op == u->cur)
        return EO_WALK_ADVANCE;
    size_t mem_at;
    if (eo_op_is(op, u->mload) || eo_op_is(op, u->vload))
        mem_at = 0;
    else if (eo_op_is(op, u->mstore) || eo_op_is(op, u->vstore))
        mem_at = 1;
    else if (eo_op_is(op, u->for_def) || eo_op_is(op, u->if_def) ||
             eo_op_is(op, u->yield_def))
        return EO_WALK_ADVANCE;       /* nested ops are visited too */
    else if (eo_op_num_regions(op) == 0 && eo_op_is_pure(op))
        return EO_WALK_ADVANCE;
    else {
        u->bad = true;                /* unknown effects or regions */
        return EO_WALK_INTERRUPT;
    }
    if (eo_op_num_operands(op) <= mem_at) {
        u->bad = true;
        return EO_WALK_INTERRUPT;
    }
    eo_value *mem = eo_op_operand(op, mem_at);
    if (defined_inside(mem, u->cur)) {
        u->bad = true;
        return EO_WALK_INTERRUPT;
    }
    if (u->num_acc == u->cap_acc) {
        size_t n = u->cap_acc ? u->cap_acc * 2 : 32;
        access *p = realloc(u->acc, n * sizeof *p);
        if (!p) {
            u->oom = true;
            return EO_WALK_INTERRUPT;
        }
        u->acc = p;
        u->cap_acc = n;
    }
    access *a = &u->acc[u->num_acc++];
    a->mem = mem;
    a->op = op;
    a->first_index = mem_at + 1;
    a->num_indices = eo_op_num_operands(op) - mem_at - 1;
    return EO_WALK_ADVANCE;
}

static bool
is_store(const jammer *u, const eo_op *op)
{
    return eo_op_is(op, u->mstore) || eo_op_is(op, u->vstore);
}

/* Whether the iterations of 'loop' touch disjoint elements of every
 * memref it stores (see the top). */
static bool
iterations_independent(jammer *u, eo_op *loop)
{
    u->num_acc = 0;
    u->bad = false;
    u->cur = loop;
    eo_op_walk(loop, EO_WALK_PRE, record_access, u);
    if (u->bad || u->oom)
        return false;
    eo_value *iv = scf_for_induction_var(loop);
    for (size_t i = 0; i < u->num_acc; i++) {
        if (!is_store(u, u->acc[i].op))
            continue;
        eo_value *mem = u->acc[i].mem;
        /* A dimension where every access of 'mem' indexes with iv. */
        bool found = false;
        for (size_t d = 0; d < u->acc[i].num_indices && !found; d++) {
            found = true;
            for (size_t k = 0; k < u->num_acc && found; k++) {
                const access *a = &u->acc[k];
                if (a->mem != mem)
                    continue;
                if (a->num_indices != u->acc[i].num_indices ||
                    eo_op_operand(a->op, a->first_index + d) != iv)
                    found = false;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

/* The inner loop of the nest 'loop' heads, or NULL when 'loop' is not the
 * outer loop of a nest the pass can jam (see the top). */
static eo_op *
jammable(jammer *u, eo_op *loop)
{
    if (eo_op_num_operands(loop) != 3 || eo_op_num_results(loop) != 0 ||
        eo_op_num_regions(loop) != 1)
        return NULL;
    eo_block *body = eo_region_first(eo_op_region(loop, 0));
    if (!body || eo_block_next(body) || eo_block_num_args(body) != 1)
        return NULL;
    eo_op *y = eo_block_last(body);
    if (!y || !eo_op_is(y, u->yield_def) || eo_op_num_operands(y) != 0)
        return NULL;
    const eo_type *t = eo_value_type(eo_op_operand(loop, 0));
    if (!eo_type_is_index(t) &&
        !(eo_type_is_int(t) && eo_type_int_signedness(t) == EO_SIGNLESS &&
          eo_type_int_width(t) > 1))
        return NULL;
    i128 step;
    if (eo_rw_const_of(eo_op_operand(loop, 2), &step) && step <= 0)
        return NULL;
    eo_op *inner = NULL;
    for (eo_op *op = eo_block_first(body); op != y; op = eo_op_next(op)) {
        if (eo_op_is(op, u->for_def)) {
            if (inner)
                return NULL;          /* two loops: not a perfect nest */
            inner = op;
        } else if (!inner && (eo_op_num_regions(op) != 0 ||
                              !eo_op_is_pure(op))) {
            return NULL;
        }
    }
    if (!inner || eo_op_num_regions(inner) != 1 ||
        eo_op_num_operands(inner) != 3 + eo_op_num_results(inner))
        return NULL;
    eo_block *ib = eo_region_first(eo_op_region(inner, 0));
    if (!ib || eo_block_next(ib) ||
        eo_block_num_args(ib) != 1 + eo_op_num_results(inner))
        return NULL;
    eo_op *iy = eo_block_last(ib);
    if (!iy || !eo_op_is(iy, u->yield_def) ||
        eo_op_num_operands(iy) != eo_op_num_results(inner))
        return NULL;
    for (size_t i = 0; i < 3; i++)
        if (defined_inside(eo_op_operand(inner, i), loop))
            return NULL;
    if (!iterations_independent(u, loop))
        return NULL;
    return inner;
}

/* Clones the ops from 'from' to 'last' (included; none when 'last' is
 * NULL) before 'pos' through 'map'. */
static eo_status
clone_range(eo_op *from, eo_op *last, eo_op *pos, eo_irmap *map)
{
    if (!last)
        return EO_OK;
    for (eo_op *op = from; op; op = eo_op_next(op)) {
        eo_op *c = eo_op_clone(op, map);
        if (!c)
            return EO_NOMEM;
        eo_op_insert_before(pos, c);
        if (op == last)
            break;
    }
    return EO_OK;
}

/* The loop whose copies emit_copies fuses in 'src' (ops up to 'stop'):
 * src is pure region-free ops, one scf.for without results or iter_args
 * whose bounds are defined outside 'outer' and whose body holds a loop
 * (it is not innermost), then 'stop'. NULL if src is not so. */
static eo_op *
fusable_loop(jammer *u, eo_op *outer, eo_block *src, eo_op *stop)
{
    eo_op *l = NULL;
    for (eo_op *op = eo_block_first(src); op && op != stop;
         op = eo_op_next(op)) {
        if (l)
            return NULL;              /* ops after the loop */
        if (eo_op_is(op, u->for_def))
            l = op;
        else if (eo_op_num_regions(op) != 0 || !eo_op_is_pure(op))
            return NULL;
    }
    if (!l || eo_op_num_results(l) != 0 || eo_op_num_operands(l) != 3)
        return NULL;
    for (size_t i = 0; i < 3; i++)
        if (defined_inside(eo_op_operand(l, i), outer))
            return NULL;
    eo_block *b = eo_region_first(eo_op_region(l, 0));
    if (!b || eo_block_next(b) || eo_block_num_args(b) != 1)
        return NULL;
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op))
        if (eo_op_is(op, u->for_def))
            return l;
    return NULL;
}

/* Emits the 'factor' copies of the ops of 'src' up to 'stop' (copy j
 * through maps[j]) into 'dst' before 'pos' (NULL: at its end). Where
 * fusable_loop finds a loop, its copies become one loop (the same
 * iterations of the independent copies, interleaved) and the copies of
 * its body are emitted into it the same way; *deepest gets the innermost
 * loop made so (unchanged if none). */
static eo_status
emit_copies(jammer *u, eo_op *outer, eo_block *src, eo_op *stop,
            eo_irmap **maps, unsigned factor, eo_block *dst, eo_op *pos,
            eo_op **deepest)
{
    eo_op *fl = fusable_loop(u, outer, src, stop);
    for (unsigned j = 0; j < factor; j++)
        for (eo_op *op = eo_block_first(src); op && op != stop && op != fl;
             op = eo_op_next(op)) {
            eo_op *c = eo_op_clone(op, maps[j]);
            if (!c)
                return EO_NOMEM;
            if (pos)
                eo_op_insert_before(pos, c);
            else
                eo_block_append(dst, c);
        }
    if (!fl)
        return EO_OK;
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    if (pos)
        eo_builder_set_before(&b, pos);
    else
        eo_builder_set_end(&b, dst);
    b.loc = eo_op_loc(fl);
    eo_op *nl = scf_for_build(&b, eo_op_operand(fl, 0), eo_op_operand(fl, 1),
                              eo_op_operand(fl, 2), 0, NULL);
    if (!nl)
        return EO_NOMEM;
    eo_op_set_props(nl, eo_op_props(fl));
    eo_op_set_discardable_attrs(nl, eo_op_discardable_attrs(fl));
    eo_block *fb = eo_region_first(eo_op_region(fl, 0));
    eo_block *nb = eo_region_first(eo_op_region(nl, 0));
    for (unsigned j = 0; j < factor; j++) {
        eo_status st = eo_irmap_map_value(maps[j], eo_block_arg(fb, 0),
                                          eo_block_arg(nb, 0));
        if (st != EO_OK)
            return st;
    }
    *deepest = nl;
    return emit_copies(u, outer, fb, eo_block_last(fb), maps, factor, nb,
                       eo_block_last(nb), deepest);
}

/* Jams 'factor' copies of the body of 'loop' (whose step is already the
 * step of the whole group) around its inner loop 'inner'; copy j's iv is
 * iv + stepj[j-1]. */
static eo_status
jam(jammer *u, eo_op *loop, eo_op *inner, unsigned factor,
    eo_value *const *stepj, eo_op **jammed)
{
    eo_block *body = eo_region_first(eo_op_region(loop, 0));
    eo_value *iv = eo_block_arg(body, 0);
    eo_op *yield = eo_block_last(body);
    eo_op *first_post = eo_op_next(inner);
    /* The original ops before and after the inner loop (copies go in
     * between, so the ranges are fixed now). */
    eo_op *last_pre = eo_op_prev(inner);
    eo_op *last_post = first_post == yield ? NULL : eo_op_prev(yield);
    eo_block *ib = eo_region_first(eo_op_region(inner, 0));
    eo_op *iyield = eo_block_last(ib);
    size_t n = eo_op_num_results(inner);
    eo_irmap *maps[MAX_FACTOR] = { NULL };
    eo_value **inits = calloc(n * factor + 1, sizeof *inits);
    eo_status st = inits ? EO_OK : EO_NOMEM;
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    b.loc = eo_op_loc(loop);

    /* The ops before the inner loop, for each j >= 1. */
    for (unsigned j = 0; j < factor && st == EO_OK; j++) {
        if (!(maps[j] = eo_irmap_create(u->ctx))) {
            st = EO_NOMEM;
            break;
        }
        if (j == 0)
            continue;
        eo_builder_set_before(&b, inner);
        eo_value *ivj = eo_rw_mk_bin(&b, "arith.addi", iv, stepj[j - 1]);
        st = ivj ? eo_irmap_map_value(maps[j], iv, ivj) : EO_NOMEM;
        if (st == EO_OK)
            st = clone_range(eo_block_first(body), last_pre, inner,
                             maps[j]);
    }
    /* The jammed loop, its inits those of every copy. */
    eo_op *nl = NULL, *deepest = NULL;
    if (st == EO_OK) {
        for (unsigned j = 0; j < factor; j++)
            for (size_t i = 0; i < n; i++) {
                eo_value *v = eo_op_operand(inner, 3 + i);
                eo_value *m = eo_irmap_lookup_value(maps[j], v);
                inits[j * n + i] = m ? m : v;
            }
        eo_builder_set_before(&b, inner);
        b.loc = eo_op_loc(inner);
        nl = scf_for_build(&b, eo_op_operand(inner, 0),
                           eo_op_operand(inner, 1), eo_op_operand(inner, 2),
                           n * factor, inits);
        if (!nl)
            st = EO_NOMEM;
    }
    if (st == EO_OK) {
        eo_op_set_props(nl, eo_op_props(inner));
        eo_op_set_discardable_attrs(nl, eo_op_discardable_attrs(inner));
        eo_block *nb = eo_region_first(eo_op_region(nl, 0));
        eo_op *nyield = eo_block_last(nb);  /* none when n > 0 */
        for (unsigned j = 0; j < factor && st == EO_OK; j++) {
            st = eo_irmap_map_value(maps[j], eo_block_arg(ib, 0),
                                    eo_block_arg(nb, 0));
            for (size_t i = 0; i < n && st == EO_OK; i++)
                st = eo_irmap_map_value(maps[j], eo_block_arg(ib, 1 + i),
                                        eo_block_arg(nb, 1 + j * n + i));
        }
        if (st == EO_OK)
            st = emit_copies(u, loop, ib, iyield, maps, factor, nb, nyield,
                             &deepest);
        if (st == EO_OK && n) {
            for (unsigned j = 0; j < factor; j++)
                for (size_t i = 0; i < n; i++) {
                    eo_value *v = eo_op_operand(iyield, i);
                    eo_value *m = eo_irmap_lookup_value(maps[j], v);
                    inits[j * n + i] = m ? m : v;
                }
            eo_builder_set_end(&b, nb);
            if (!scf_yield_build(&b, n * factor, inits))
                st = EO_NOMEM;
        }
    }
    /* The ops after the inner loop, for each j >= 1, reading their copy
     * of its results. */
    for (unsigned j = 1; j < factor && st == EO_OK; j++) {
        for (size_t i = 0; i < n && st == EO_OK; i++)
            st = eo_irmap_map_value(maps[j], eo_op_result(inner, i),
                                    eo_op_result(nl, j * n + i));
        if (st == EO_OK)
            st = clone_range(first_post, last_post, yield, maps[j]);
    }
    if (st == EO_OK) {
        for (size_t i = 0; i < n; i++)
            eo_value_replace_all_uses(eo_op_result(inner, i),
                                      eo_op_result(nl, i));
        st = eo_op_erase(inner);
    }
    *jammed = st != EO_OK ? NULL : deepest ? deepest : nl;
    for (unsigned j = 0; j < factor; j++)
        eo_irmap_destroy(maps[j]);
    free(inits);
    return st;
}

/* ------------------------------------------------------------------ */
/* Promotion of invariant accesses of the jammed loop to iter_args      */
/* ------------------------------------------------------------------ */

/* 'v' as base + constant offset (base NULL: a constant). */
static void
split_offset(eo_value *v, eo_value **base, i128 *off)
{
    i128 c;
    *off = 0;
    for (int depth = 0; depth < 8; depth++) {
        if (eo_rw_const_of(v, &c)) {
            *base = NULL;
            *off += c;
            return;
        }
        eo_op *d = eo_value_def_op(v);
        if (!d || strcmp(eo_op_name_str(d), "arith.addi") != 0 ||
            eo_op_num_operands(d) != 2)
            break;
        if (eo_rw_const_of(eo_op_operand(d, 1), &c)) {
            *off += c;
            v = eo_op_operand(d, 0);
        } else if (eo_rw_const_of(eo_op_operand(d, 0), &c)) {
            *off += c;
            v = eo_op_operand(d, 1);
        } else {
            break;
        }
    }
    *base = v;
}

/* Elements an access covers along its last index (a vector's width). */
static i128
access_width(const jammer *u, const access *a)
{
    const eo_type *t = eo_op_is(a->op, u->vload)
                       ? eo_value_type(eo_op_result(a->op, 0))
                       : eo_op_is(a->op, u->vstore)
                       ? eo_value_type(eo_op_operand(a->op, 0)) : NULL;
    if (!t || eo_type_get_kind(t) != EO_TYPE_VECTOR || eo_type_rank(t) != 1)
        return 1;
    return eo_type_dim(t, 0);
}

/* The type an access loads or stores. */
static const eo_type *
access_type(const jammer *u, const access *a)
{
    return is_store(u, a->op) ? eo_value_type(eo_op_operand(a->op, 0))
                              : eo_value_type(eo_op_result(a->op, 0));
}

static bool
same_indices(const access *a, const access *b)
{
    if (a->num_indices != b->num_indices)
        return false;
    for (size_t d = 0; d < a->num_indices; d++)
        if (eo_op_operand(a->op, a->first_index + d) !=
            eo_op_operand(b->op, b->first_index + d))
            return false;
    return true;
}

/* Whether accesses 'a' and 'b' (of one memref) provably touch disjoint
 * elements: some index differs by a constant at least the extent. */
static bool
disjoint(const jammer *u, const access *a, const access *b)
{
    if (a->num_indices != b->num_indices)
        return false;
    for (size_t d = 0; d < a->num_indices; d++) {
        eo_value *ba, *bb;
        i128 oa, ob;
        split_offset(eo_op_operand(a->op, a->first_index + d), &ba, &oa);
        split_offset(eo_op_operand(b->op, b->first_index + d), &bb, &ob);
        if (ba != bb)
            continue;
        bool last = d + 1 == a->num_indices;
        i128 wa = last ? access_width(u, a) : 1;
        i128 wb = last ? access_width(u, b) : 1;
        if (oa + wa <= ob || ob + wb <= oa)
            return true;
    }
    return false;
}

/* Whether 'loop' provably runs at least once. */
static bool
runs_once(eo_op *loop)
{
    eo_value *lbv = eo_op_operand(loop, 0), *ubv = eo_op_operand(loop, 1);
    i128 lb, ub, c;
    if (eo_rw_const_of(lbv, &lb) && eo_rw_const_of(ubv, &ub))
        return lb < ub;
    eo_op *d = eo_value_def_op(ubv);
    if (!d || strcmp(eo_op_name_str(d), "arith.addi") != 0 ||
        eo_op_num_operands(d) != 2)
        return false;
    return (eo_op_operand(d, 0) == lbv && eo_rw_const_of(eo_op_operand(d, 1), &c)
            && c > 0) ||
           (eo_op_operand(d, 1) == lbv && eo_rw_const_of(eo_op_operand(d, 0), &c)
            && c > 0);
}

/* Marks (in 'keep') the accesses of memrefs that can be promoted in
 * 'loop': every access of the memref is an op of the loop's body block
 * (not nested) at indices defined outside the loop, one type per index
 * tuple, distinct tuples provably disjoint, and one of them a store. */
static bool
select_promoted(jammer *u, eo_op *loop, eo_block *body, bool *keep)
{
    bool any = false;
    for (size_t i = 0; i < u->num_acc; i++)
        keep[i] = false;
    for (size_t i = 0; i < u->num_acc; i++) {
        const access *a = &u->acc[i];
        if (keep[i] || !is_store(u, a->op))
            continue;
        bool ok = true;
        for (size_t k = 0; k < u->num_acc && ok; k++) {
            const access *b = &u->acc[k];
            if (b->mem != a->mem)
                continue;
            if (eo_op_block(b->op) != body)
                ok = false;
            for (size_t d = 0; d < b->num_indices && ok; d++)
                if (defined_inside(eo_op_operand(b->op, b->first_index + d),
                                   loop))
                    ok = false;
            for (size_t l = 0; l < k && ok; l++) {
                const access *c = &u->acc[l];
                if (c->mem != a->mem)
                    continue;
                if (same_indices(b, c)
                    ? access_type(u, b) != access_type(u, c)
                    : !disjoint(u, b, c))
                    ok = false;
            }
        }
        if (!ok)
            continue;
        for (size_t k = 0; k < u->num_acc; k++)
            if (u->acc[k].mem == a->mem)
                keep[k] = any = true;
    }
    return any;
}

/* Creates a load (vector.load when 't' is a vector) of 'a''s element at
 * b's insertion point. */
static eo_value *
mk_load(jammer *u, eo_builder *b, const access *a, const eo_type *t)
{
    eo_value *ops[1 + EO_MAX_PROMOTED_RANK];
    if (a->num_indices > EO_MAX_PROMOTED_RANK)
        return NULL;
    ops[0] = a->mem;
    for (size_t d = 0; d < a->num_indices; d++)
        ops[1 + d] = eo_op_operand(a->op, a->first_index + d);
    bool vec = eo_type_get_kind(t) == EO_TYPE_VECTOR;
    eo_op *op = eo_builder_create(b, vec ? "vector.load" : "memref.load",
                                  1 + a->num_indices, ops, 1, &t, 0, NULL);
    (void)u;
    return op ? eo_op_result(op, 0) : NULL;
}

static eo_status
mk_store(eo_builder *b, const access *a, eo_value *v)
{
    eo_value *ops[2 + EO_MAX_PROMOTED_RANK];
    ops[0] = v;
    ops[1] = a->mem;
    for (size_t d = 0; d < a->num_indices; d++)
        ops[2 + d] = eo_op_operand(a->op, a->first_index + d);
    bool vec = eo_type_get_kind(eo_value_type(v)) == EO_TYPE_VECTOR;
    eo_op *op = eo_builder_create(b, vec ? "vector.store" : "memref.store",
                                  2 + a->num_indices, ops, 0, NULL, 0, NULL);
    return op ? EO_OK : EO_NOMEM;
}

/* The constant trip count of 'loop' when its bounds are constants or
 * its upper bound is lb + c, with a constant positive step; -1 if not. */
static i128
offset_trip_count(eo_op *loop)
{
    eo_value *lbv = eo_op_operand(loop, 0), *ubv = eo_op_operand(loop, 1);
    i128 lb, ub, step, c = -1;
    if (!eo_rw_const_of(eo_op_operand(loop, 2), &step) || step <= 0)
        return -1;
    if (eo_rw_const_of(lbv, &lb) && eo_rw_const_of(ubv, &ub)) {
        c = ub - lb;
    } else {
        eo_op *d = eo_value_def_op(ubv);
        if (!d || strcmp(eo_op_name_str(d), "arith.addi") != 0 ||
            eo_op_num_operands(d) != 2)
            return -1;
        if (!((eo_op_operand(d, 0) == lbv &&
               eo_rw_const_of(eo_op_operand(d, 1), &c)) ||
              (eo_op_operand(d, 1) == lbv &&
               eo_rw_const_of(eo_op_operand(d, 0), &c))))
            return -1;
    }
    return c > 0 ? (c + step - 1) / step : 0;
}

/* Unrolls fully the loops without results directly in 'body' whose trip
 * count is a constant up to MAX_INNER_UNROLL (so that the accesses of a
 * register block become ops of the body, see promote); 'body' is the
 * body of 'loop'. */
static eo_status
unroll_inner_loops(jammer *u, eo_op *loop, eo_block *body)
{
    eo_op *next;
    for (eo_op *op = eo_block_first(body); op; op = next) {
        next = eo_op_next(op);
        if (!eo_op_is(op, u->for_def) || eo_op_num_results(op) != 0 ||
            eo_op_num_operands(op) != 3)
            continue;
        i128 tc = offset_trip_count(op), step;
        if (tc < 0 || tc > MAX_INNER_UNROLL ||
            !eo_rw_const_of(eo_op_operand(op, 2), &step))
            continue;
        eo_block *lb = eo_region_first(eo_op_region(op, 0));
        if (!lb || eo_block_next(lb) || eo_block_num_args(lb) != 1)
            continue;
        eo_value *lbv = eo_op_operand(op, 0);
        /* The ivs go before 'loop' when they can (they are invariant in
         * it then, and so are the accesses they index). */
        eo_builder b;
        eo_builder_init(&b, u->ctx);
        eo_builder_set_before(&b, defined_inside(lbv, loop) ? op : loop);
        b.loc = eo_op_loc(op);
        const eo_type *t = eo_value_type(lbv);
        eo_op *y = eo_block_last(lb);
        for (i128 k = 0; k < tc; k++) {
            eo_value *iv = lbv;
            if (k > 0) {
                eo_value *c = eo_rw_mk_const(&b, t, k * step);
                iv = eo_rw_mk_bin(&b, "arith.addi", lbv, c);
                if (!iv)
                    return EO_NOMEM;
            }
            eo_irmap *map = eo_irmap_create(u->ctx);
            eo_status st = map ? eo_irmap_map_value(map, eo_block_arg(lb, 0),
                                                    iv)
                               : EO_NOMEM;
            eo_op *last = y ? eo_op_prev(y) : NULL;
            if (st == EO_OK && last)
                st = clone_range(eo_block_first(lb), last, op, map);
            eo_irmap_destroy(map);
            if (st != EO_OK)
                return st;
        }
        eo_status st = eo_op_erase(op);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

/* Carries the promotable memref elements of 'loop' (see select_promoted)
 * in iter_args: loaded before the loop, stored after it; loads in the
 * body read the carried value, stores replace it. */
static eo_status
promote(jammer *u, eo_op *loop, eo_op **result)
{
    *result = loop;
    if (!runs_once(loop))
        return EO_OK;
    eo_block *body = eo_region_first(eo_op_region(loop, 0));
    eo_status ust = unroll_inner_loops(u, loop, body);
    if (ust != EO_OK)
        return ust;
    u->num_acc = 0;
    u->bad = false;
    u->cur = loop;
    eo_op_walk(loop, EO_WALK_PRE, record_access, u);
    if (u->oom)
        return EO_NOMEM;
    if (u->bad || u->num_acc == 0)
        return EO_OK;
    size_t na = u->num_acc;
    bool *keep = calloc(na, sizeof *keep);
    size_t *group = calloc(na, sizeof *group);     /* access -> slot */
    size_t *rep = calloc(na, sizeof *rep);         /* slot -> access */
    eo_value **inits = NULL, **cur = NULL;
    eo_status st = keep && group && rep ? EO_OK : EO_NOMEM;
    if (st != EO_OK || !select_promoted(u, loop, body, keep))
        goto done;
    size_t ng = 0;
    for (size_t i = 0; i < na; i++) {
        if (!keep[i])
            continue;
        size_t g = 0;
        while (g < ng && !(u->acc[rep[g]].mem == u->acc[i].mem &&
                           same_indices(&u->acc[rep[g]], &u->acc[i])))
            g++;
        if (g == ng)
            rep[ng++] = i;
        group[i] = g;
    }
    size_t n = eo_op_num_results(loop);
    inits = calloc(n + ng, sizeof *inits);
    cur = calloc(ng, sizeof *cur);
    if (!inits || !cur) {
        st = EO_NOMEM;
        goto done;
    }
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    eo_builder_set_before(&b, loop);
    b.loc = eo_op_loc(loop);
    for (size_t i = 0; i < n; i++)
        inits[i] = eo_op_operand(loop, 3 + i);
    for (size_t g = 0; g < ng && st == EO_OK; g++) {
        const access *a = &u->acc[rep[g]];
        inits[n + g] = mk_load(u, &b, a, access_type(u, a));
        if (!inits[n + g])
            st = EO_NOMEM;
    }
    eo_op *nl = st == EO_OK
                ? scf_for_build(&b, eo_op_operand(loop, 0),
                                eo_op_operand(loop, 1),
                                eo_op_operand(loop, 2), n + ng, inits)
                : NULL;
    if (!nl) {
        st = EO_NOMEM;
        goto done;
    }
    eo_op_set_props(nl, eo_op_props(loop));
    eo_op_set_discardable_attrs(nl, eo_op_discardable_attrs(loop));
    eo_block *nb = eo_region_first(eo_op_region(nl, 0));
    for (size_t i = 0; i <= n; i++)
        eo_value_replace_all_uses(eo_block_arg(body, i),
                                  eo_block_arg(nb, i));
    for (size_t g = 0; g < ng; g++)
        cur[g] = eo_block_arg(nb, 1 + n + g);
    eo_block_splice_from(nb, eo_block_first(body));
    /* The stores after the loop (before the accesses whose indices they
     * take go), then the accesses replaced, in order. */
    eo_builder_set_before(&b, eo_op_next(nl));  /* the yield at least */
    for (size_t g = 0; g < ng && st == EO_OK; g++)
        st = mk_store(&b, &u->acc[rep[g]], eo_op_result(nl, n + g));
    for (size_t i = 0; i < na && st == EO_OK; i++) {
        if (!keep[i])
            continue;
        eo_op *op = u->acc[i].op;
        if (is_store(u, op)) {
            cur[group[i]] = eo_op_operand(op, 0);
        } else {
            eo_value_replace_all_uses(eo_op_result(op, 0), cur[group[i]]);
        }
        st = eo_op_erase(op);
    }
    eo_op *y = eo_block_last(nb);
    for (size_t g = 0; g < ng && st == EO_OK; g++)
        st = eo_op_insert_operand(y, n + g, cur[g]);
    if (st != EO_OK)
        goto done;
    for (size_t i = 0; i < n; i++)
        eo_value_replace_all_uses(eo_op_result(loop, i), eo_op_result(nl, i));
    if (st == EO_OK)
        st = eo_op_erase(loop);
    if (st == EO_OK)
        *result = nl;
done:
    free(keep);
    free(group);
    free(rep);
    free(inits);
    free(cur);
    return st;
}

/* Unroll-and-jam of 'loop' over 'inner' by 'factor'; *jammed gets the
 * jammed loop (NULL when the loop was kept). */
static eo_status
unroll_jam_loop(jammer *u, eo_op *loop, eo_op *inner, unsigned factor,
                eo_op **jammed)
{
    *jammed = NULL;
    eo_value *lbv = eo_op_operand(loop, 0), *ubv = eo_op_operand(loop, 1);
    eo_value *stepv = eo_op_operand(loop, 2);
    const eo_type *t = eo_value_type(lbv);
    i128 lb = 0, ub = 0, step = 1;
    bool cstep = eo_rw_const_of(stepv, &step);
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    eo_builder_set_before(&b, loop);
    b.loc = eo_op_loc(loop);
    eo_value *stepj[MAX_FACTOR] = { NULL };
    eo_value *uub = NULL, *ustep = NULL, *elb = NULL;

    if (cstep && step * factor > type_max(t))
        return EO_OK;                 /* step*F not representable: keep */
    if (eo_rw_const_of(lbv, &lb) && eo_rw_const_of(ubv, &ub) && cstep) {
        i128 tc = ub > lb ? (ub - lb + step - 1) / step : 0;
        i128 even = tc - tc % factor;
        stepj[0] = stepv;
        for (unsigned j = 2; j < factor; j++)
            if (!(stepj[j - 1] = eo_rw_mk_const(&b, t, step * j)))
                return EO_NOMEM;
        if (!(ustep = eo_rw_mk_const(&b, t, step * factor)))
            return EO_NOMEM;
        if (even != tc) {
            if (!(uub = eo_rw_mk_const(&b, t, lb + even * step)))
                return EO_NOMEM;
            elb = uub;
        }
    } else {
        /* Dynamic trip count, as in the "unroll" pass: exact even where
         * ub - lb overflows the signed type. */
        eo_value *zero = eo_rw_mk_const(&b, t, 0), *cf = eo_rw_mk_const(&b, t, factor);
        eo_value *lt = eo_rw_mk_cmp(&b, ARITH_CMPI_SLT, lbv, ubv);
        eo_value *tc = eo_rw_mk_select(&b, lt,
                                 eo_rw_mk_bin(&b, "arith.ceildivui",
                                        eo_rw_mk_bin(&b, "arith.subi", ubv, lbv),
                                        stepv),
                                 zero);
        eo_value *rem = eo_rw_mk_bin(&b, "arith.remui", tc, cf);
        eo_value *even = eo_rw_mk_bin(&b, "arith.subi", tc, rem);
        uub = eo_rw_mk_bin(&b, "arith.subi", ubv,
                     eo_rw_mk_bin(&b, "arith.muli", rem, stepv));
        elb = eo_rw_mk_select(&b, eo_rw_mk_cmp(&b, ARITH_CMPI_EQ, rem, zero), ubv,
                        eo_rw_mk_bin(&b, "arith.addi", lbv,
                               eo_rw_mk_bin(&b, "arith.muli", even, stepv)));
        ustep = !cstep ? eo_rw_mk_bin(&b, "arith.muli", stepv, cf)
                : eo_rw_mk_const(&b, t, step * factor);
        if (!uub || !elb || !ustep)
            return EO_NOMEM;
        stepj[0] = stepv;
        for (unsigned j = 2; j < factor; j++) {
            stepj[j - 1] = cstep ? eo_rw_mk_const(&b, t, step * j)
                                 : eo_rw_mk_bin(&b, "arith.muli", stepv,
                                          eo_rw_mk_const(&b, t, j));
            if (!stepj[j - 1])
                return EO_NOMEM;
        }
    }
    if (elb) {
        /* The epilogue: the original loop, from the main loop's end. */
        eo_op *epi = eo_op_clone(loop, NULL);
        if (!epi)
            return EO_NOMEM;
        eo_op_insert_after(loop, epi);
        eo_op_set_operand(epi, 0, elb);
    }
    if (uub)
        eo_op_set_operand(loop, 1, uub);
    eo_op_set_operand(loop, 2, ustep);
    eo_op *nl = NULL;
    eo_status st = jam(u, loop, inner, factor, stepj, &nl);
    return st == EO_OK && nl ? promote(u, nl, jammed) : st;
}

/* The arith.mulf ops of 'body' whose only use is an arith.addf of
 * 'body': with 'set', marks both fastmath<contract> (LLVM may then fuse
 * them into an FMA); returns how many there are. */
static size_t
contract_pairs(eo_block *body, bool set)
{
    size_t n = 0;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op)) {
        if (strcmp(eo_op_name_str(op), "arith.mulf") != 0 ||
            eo_op_num_results(op) != 1 ||
            !eo_value_has_one_use(eo_op_result(op, 0)))
            continue;
        eo_op *add = eo_use_owner(eo_value_first_use(eo_op_result(op, 0)));
        if (strcmp(eo_op_name_str(add), "arith.addf") != 0 ||
            eo_op_block(add) != body)
            continue;
        n++;
        if (!set)
            continue;
        eo_op *pair[2] = { op, add };
        for (int i = 0; i < 2; i++) {
            unsigned fl = ARITH_FM_NONE;
            arith_fastmath_flags(eo_op_attr(pair[i], "fastmath"), &fl);
            const eo_attr *a = arith_fastmath_attr(eo_op_ctx(op),
                                                   fl | ARITH_FM_CONTRACT);
            if (!a || eo_op_set_attr(pair[i], "fastmath", a) != EO_OK)
                return 0;
        }
    }
    return n;
}

static eo_walk_result
find_mul_add(eo_op *op, void *ud)
{
    (void)ud;
    if (strcmp(eo_op_name_str(op), "arith.mulf") != 0 ||
        eo_op_num_results(op) != 1 ||
        !eo_value_has_one_use(eo_op_result(op, 0)))
        return EO_WALK_ADVANCE;
    eo_op *add = eo_use_owner(eo_value_first_use(eo_op_result(op, 0)));
    return strcmp(eo_op_name_str(add), "arith.addf") == 0
           ? EO_WALK_INTERRUPT : EO_WALK_ADVANCE;
}

/* Whether 'inner' holds an arith.mulf whose only use is an arith.addf
 * (the contract knob is asked for such nests only). */
static bool
has_mul_add(jammer *u, eo_op *inner)
{
    (void)u;
    return eo_op_walk(inner, EO_WALK_PRE, find_mul_add, NULL) != 0;
}

static eo_status
run_unroll_jam(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    jammer u;
    memset(&u, 0, sizeof u);
    u.ctx = eo_pass_ctx_ctx(pc);
    u.knobs = eo_pass_ctx_knobs(pc);
    u.for_def = eo_op_def_lookup(u.ctx, "scf.for", 7);
    u.yield_def = eo_op_def_lookup(u.ctx, "scf.yield", 9);
    u.if_def = eo_op_def_lookup(u.ctx, "scf.if", 6);
    u.mload = eo_op_def_lookup(u.ctx, "memref.load", 11);
    u.mstore = eo_op_def_lookup(u.ctx, "memref.store", 12);
    u.vload = eo_op_def_lookup(u.ctx, "vector.load", 11);
    u.vstore = eo_op_def_lookup(u.ctx, "vector.store", 12);
    if (!u.for_def || !u.yield_def ||
        !eo_op_def_lookup(u.ctx, "arith.addi", 10)) {
        eo_pass_ctx_mark_unchanged(pc);
        return EO_OK;                 /* no scf/arith: nothing to jam */
    }
    /* Post-order: inner loops first. A loop erased by jamming (an inner
     * loop) always comes before the outer loop that erases it. */
    if (eo_op_walk(op, EO_WALK_POST, collect_loop, &u) || u.oom) {
        free(u.loops);
        return EO_NOMEM;
    }
    /* Every knob is asked before anything changes, so that site keys
     * by position (loops without a name or location, as tl-to-loops
     * makes them) are those of the input. */
    unsigned char *plan = calloc(u.num_loops + 1, 2);
    eo_status st = plan ? EO_OK : EO_NOMEM;
    for (size_t i = 0; i < u.num_loops && st == EO_OK; i++) {
        eo_op *loop = u.loops[i];
        eo_op *inner = jammable(&u, loop);
        if (u.oom) {
            st = EO_NOMEM;
            break;
        }
        if (!inner)
            continue;
        /* The factors up to a constant trip count. */
        size_t nf = 4;
        i128 lb = 0, ub = 0, step = 1;
        if (eo_rw_const_of(eo_op_operand(loop, 0), &lb) &&
            eo_rw_const_of(eo_op_operand(loop, 1), &ub) &&
            eo_rw_const_of(eo_op_operand(loop, 2), &step)) {
            i128 tc = ub > lb ? (ub - lb + step - 1) / step : 0;
            nf = 0;
            while (nf < 4 && all_factors[nf] <= tc)
                nf++;
            if (nf < 2)
                continue;             /* one iteration: nothing to jam */
        }
        eo_knob_domain dom = { .kind = EO_KNOB_SET, .values = all_factors,
                               .count = nf };
        int64_t f = eo_knob_ask(u.knobs, "unroll_jam", loop, "factor", &dom,
                                1, "unroll-jam");
        plan[2 * i] = (unsigned char)f;
        if (f > 1 && has_mul_add(&u, inner))
            plan[2 * i + 1] = (unsigned char)eo_knob_ask(
                u.knobs, "unroll_jam", loop, "contract", &contract_domain, 0,
                "unroll-jam");
    }
    /* Then the nests are jammed, inner ones first; a nest that an inner
     * one's jamming made unjammable (an epilogue loop next to the inner
     * loop) is left as it is. */
    for (size_t i = 0; i < u.num_loops && st == EO_OK; i++) {
        if (plan[2 * i] <= 1)
            continue;
        eo_op *loop = u.loops[i];
        eo_op *inner = jammable(&u, loop);
        if (u.oom) {
            st = EO_NOMEM;
            break;
        }
        if (!inner)
            continue;
        eo_op *jammed = NULL;
        st = unroll_jam_loop(&u, loop, inner, plan[2 * i], &jammed);
        u.changed = true;
        eo_block *jb = jammed && st == EO_OK
                       ? eo_region_first(eo_op_region(jammed, 0)) : NULL;
        if (jb && plan[2 * i + 1] && !contract_pairs(jb, true) &&
            contract_pairs(jb, false))
            st = EO_NOMEM;
    }
    free(plan);
    free(u.loops);
    free(u.acc);
    if (st == EO_OK && !u.changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

const eo_pass_def eo_pass_unroll_jam = {
    .name = "unroll-jam",
    .description = "Unroll-and-jam perfect scf.for nests whose outer loop "
                   "carries no dependence, by a per-loop factor knob "
                   "(unroll_jam.<site>.factor)",
    .anchor = NULL,
    .options = NULL,
    .num_options = 0,
    .options_size = 0,
    .run = run_unroll_jam,
};

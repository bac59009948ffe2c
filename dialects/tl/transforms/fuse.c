/* dialects/tl/transforms/fuse.c - the tl-fuse pass: tile-and-fuse of tl
 * ops on buffers (after tl-bufferize, before tl-to-loops), in the spirit
 * of linalg's tile-consumer-and-fuse-producers.
 *
 * A producer is a buffer B (a memref.alloc of static shape) written by a
 * chain of tl ops W1..Wk (W1 writes every element without reading B,
 * each later Wi reads B only at the element it writes: a bias broadcast,
 * a convolution accumulating into it, an in-place activation) and read
 * by exactly one later tl op C, the consumer, after which B is
 * deallocated. The consumer is tiled along one parallel loop d (the
 * first one its out indexes plainly, of extent > 1, that its map of B
 * uses as a * d + rest): for each tile [t, t + T) of d, the chain
 * computes into a small tile buffer only the rows of B that the tile
 * reads (a * T rows plus the window's halo, recomputed where windows
 * overlap), then C runs on the tile. B is never materialized. Every op
 * keeps its body and its per-element order of updates, so the results
 * are bit-identical to the unfused lowering; the ops stay named tl ops
 * on memref.subview windows, so tl-to-loops still asks their tile,
 * interchange and vectorize knobs (on the tile-sized extents).
 *
 * Each legal edge asks the bool knob "tl-fuse.<consumer site>.<producer
 * site>" (the producer is Wk), default false: with no knob assigned the
 * pass changes nothing. The site keys of unnamed ops (locations, which
 * an importer may give several ops) are made unique per function as
 * tl-to-loops makes them: the k-th later tl op sharing a key gets
 * "<key>.<k>". A fused edge then asks, where the chain and the
 * consumer are all elementwise over the same loops, the bool knob
 * "tl-fuse-ew.<consumer>.<producer>" (default false): merge them into
 * one tl.generic whose body computes each element through the whole
 * chain, B gone without a tile buffer; the merged op is a consumer again,
 * so add -> relu -> clip becomes one op. Otherwise it asks the set knob
 * "tl-fuse-tile.<consumer>.<producer>": the tile size along d (the
 * divisors of its extent below it; default the one chosen above).
 * Illegal edges ask nothing; option report=true prints every candidate
 * edge with the decision or the reason it is illegal. See
 * docs/tl-dialect.md, "Tile-and-fuse". */
#include "dialects/tl/transforms/transforms.h"

#include "dialects/scf/scf.h"
#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most producer ops in one chain and deferred deallocs per edge. */
#define FUSE_MAX_CHAIN 16
#define FUSE_MAX_DEFER 16

typedef struct fuse_options {
    bool report;
} fuse_options;

/* The generic-form description of one tl op. */
typedef struct op_info {
    eo_op *op;
    size_t nloops, nops;
    const eo_attr *maps, *iters, *lb;
    int64_t ext[EO_TL_MAX_LOOPS];
} op_info;

/* One candidate edge, as analysed. */
typedef struct edge {
    eo_op *consumer;
    size_t in_index;          /* operand index of B in the consumer */
    eo_value *buf;            /* B */
    eo_op *alloc, *dealloc;
    op_info chain[FUSE_MAX_CHAIN];
    size_t nchain;
    size_t wloop[FUSE_MAX_CHAIN];   /* loop of Wi writing B's dim q */
    op_info c;
    size_t dloop;             /* consumer loop tiled */
    size_t q;                 /* B's dimension it reads through d */
    int64_t a;                /* coefficient of d there */
    int64_t tile, rows;       /* T, and rows of B per tile */
    int64_t rm;               /* the largest value of rest */
    eo_op *defer[FUSE_MAX_DEFER];
    size_t ndefer;
} edge;

static bool
op_is(const eo_op *op, const char *name)
{
    return !strcmp(eo_op_name_str(op), name);
}

static void
quiet(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

/* Fills 'oi' from 'op' (a structured tl op): maps, iterators, loop
 * bounds and the extents of its loops. False when it has no usable
 * generic description here (the reason in *why). */
static bool
describe(eo_op *op, op_info *oi, const char **why)
{
    memset(oi, 0, sizeof *oi);
    oi->op = op;
    oi->nops = eo_op_num_operands(op);
    if (tl_op_kind(op) == TL_GENERIC) {
        oi->maps = eo_op_attr(op, "indexing_maps");
        oi->iters = eo_op_attr(op, "iterator_types");
        oi->lb = eo_op_attr(op, "loop_bounds");
    } else {
        eo_ctx *ctx = eo_op_ctx(op);
        /* Quiet: an op that does not verify is left alone here (and
         * reported by the verifier or tl-to-loops). */
        eo_diag_handler h = NULL;
        void *hud = NULL;
        if (!eo_ctx_get_diag_handler(ctx, &h, &hud))
            h = NULL;
        eo_ctx_set_diag_handler(ctx, quiet, NULL);
        eo_status st = eo_tl_named_maps(op, &oi->maps, &oi->iters, &oi->lb);
        eo_ctx_set_diag_handler(ctx, h, hud);
        if (st != EO_OK) {
            *why = "no generic form";
            return false;
        }
    }
    if (!oi->maps || !oi->iters ||
        eo_attr_array_size(oi->maps) != oi->nops) {
        *why = "no generic form on these operands";
        return false;
    }
    oi->nloops = eo_attr_array_size(oi->iters);
    if (oi->nloops > EO_TL_MAX_LOOPS) {
        *why = "too many loops";
        return false;
    }
    for (size_t d = 0; d < oi->nloops; d++) {
        oi->ext[d] = -1;
        if (oi->lb && d < eo_attr_dense_array_size(oi->lb) &&
            eo_attr_dense_array_int(oi->lb, d) > 0)
            oi->ext[d] = eo_attr_dense_array_int(oi->lb, d);
    }
    for (size_t i = 0; i < oi->nops; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        const eo_affine_map *m =
            eo_attr_affine_map(eo_attr_array_at(oi->maps, i));
        if (!m || eo_affine_map_num_dims(m) != oi->nloops) {
            *why = "malformed indexing map";
            return false;
        }
        if (eo_type_get_kind(t) != EO_TYPE_MEMREF) {
            if (eo_type_is_shaped(t)) {
                *why = "not on memrefs";
                return false;
            }
            continue;
        }
        if (eo_type_num_elements(t) < 0) {
            *why = "dynamic shape";
            return false;
        }
        for (size_t r = 0; r < eo_affine_map_num_results(m); r++) {
            const eo_affine_expr *e = eo_affine_map_result(m, r);
            if (eo_affine_expr_kind(e) == EO_AFFINE_DIM &&
                oi->ext[eo_affine_expr_pos(e)] < 0)
                oi->ext[eo_affine_expr_pos(e)] = eo_type_dim(t, r);
        }
    }
    for (size_t d = 0; d < oi->nloops; d++)
        if (oi->ext[d] < 0) {
            *why = "a loop without a static bound";
            return false;
        }
    return true;
}

static const eo_affine_map *
map_of(const op_info *oi, size_t i)
{
    return eo_attr_affine_map(eo_attr_array_at(oi->maps, i));
}

static bool
is_parallel(const op_info *oi, size_t d)
{
    size_t len = 0;
    const char *s = eo_attr_string(eo_attr_array_at(oi->iters, d), &len);
    return s && len == 8 && !memcmp(s, "parallel", 8);
}

/* Decomposes 'e' as sum(coef[k] * dk) + *cst. False when it is not
 * linear in the dims (mod, floordiv, ceildiv, symbols, products of
 * dims). */
static bool
linear(const eo_affine_expr *e, size_t n, int64_t *coef, int64_t *cst,
       int64_t scale)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM:
        if (eo_affine_expr_pos(e) >= n)
            return false;
        coef[eo_affine_expr_pos(e)] += scale;
        return true;
    case EO_AFFINE_CONST:
        *cst += scale * eo_affine_expr_value(e);
        return true;
    case EO_AFFINE_ADD:
        return linear(eo_affine_expr_lhs(e), n, coef, cst, scale) &&
               linear(eo_affine_expr_rhs(e), n, coef, cst, scale);
    case EO_AFFINE_MUL: {
        const eo_affine_expr *l = eo_affine_expr_lhs(e);
        const eo_affine_expr *r = eo_affine_expr_rhs(e);
        if (eo_affine_expr_kind(r) == EO_AFFINE_CONST)
            return linear(l, n, coef, cst, scale * eo_affine_expr_value(r));
        if (eo_affine_expr_kind(l) == EO_AFFINE_CONST)
            return linear(r, n, coef, cst, scale * eo_affine_expr_value(l));
        return false;
    }
    default:
        return false;
    }
}

/* How result 'e' of a map uses loop d: *uses false if not at all; else
 * e = a * d + rest with a > 0, rest >= 0 over the loops' ranges and at
 * most *restmax. False when it uses d otherwise (non-linear, negative
 * coefficients). */
static bool
use_of(const op_info *oi, const eo_affine_expr *e, size_t d, bool *uses,
       int64_t *a, int64_t *restmax)
{
    int64_t coef[EO_TL_MAX_LOOPS] = {0}, cst = 0;
    bool lin = linear(e, oi->nloops, coef, &cst, 1);
    *uses = false;
    if (!lin) {
        /* Fine only if d does not occur at all; be conservative. */
        return false;
    }
    *uses = coef[d] != 0;
    if (!*uses)
        return true;
    if (coef[d] < 0 || cst < 0)
        return false;
    int64_t m = cst;
    for (size_t k = 0; k < oi->nloops; k++) {
        if (k == d)
            continue;
        if (coef[k] < 0)
            return false;
        m += coef[k] * (oi->ext[k] - 1);
    }
    *a = coef[d];
    *restmax = m;
    return true;
}

/* Whether every memref operand of 'oi' uses loop d in at most one
 * dimension, linearly (so a window of it is a subview). */
static bool
windowable(const op_info *oi, size_t d)
{
    for (size_t i = 0; i < oi->nops; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(oi->op, i));
        if (eo_type_get_kind(t) != EO_TYPE_MEMREF)
            continue;
        const eo_affine_map *m = map_of(oi, i);
        size_t n = 0;
        for (size_t r = 0; r < eo_affine_map_num_results(m); r++) {
            bool uses = false;
            int64_t a = 0, rm = 0;
            if (!use_of(oi, eo_affine_map_result(m, r), d, &uses, &a, &rm))
                return false;
            n += uses;
        }
        if (n > 1)
            return false;
    }
    return true;
}

/* Whether op reads its out (accumulates into it). */
static bool
reads_out(const op_info *oi)
{
    switch (tl_op_kind(oi->op)) {
    case TL_FILL:
    case TL_COPY:
    case TL_ELEMENTWISE:
    case TL_PACK:
    case TL_REQUANTIZE:
        return false;
    case TL_GENERIC: {
        eo_region *r = eo_op_region(oi->op, 0);
        eo_block *b = r ? eo_region_first(r) : NULL;
        size_t nins = eo_tl_num_ins(oi->op);
        for (size_t o = 0; b && o < eo_tl_num_outs(oi->op); o++) {
            eo_value *arg = eo_block_arg(b, nins + o);
            if (!arg || eo_value_has_uses(arg))
                return true;
        }
        return !b;
    }
    default:
        return true;
    }
}

/* The root buffer a memref value views (through subview, reshapes,
 * reinterpret_cast), or the value itself. */
static eo_value *
root_of(eo_value *v)
{
    for (;;) {
        eo_op *d = eo_value_def_op(v);
        if (!d || !(op_is(d, "memref.subview") ||
                    op_is(d, "memref.collapse_shape") ||
                    op_is(d, "memref.expand_shape") ||
                    op_is(d, "memref.reinterpret_cast") ||
                    op_is(d, "memref.cast")))
            return v;
        v = eo_op_operand(d, 0);
    }
}

/* Whether root 'r' is read by a memref in of a chain op. */
static bool
chain_reads(const edge *e, eo_value *r)
{
    for (size_t i = 0; i < e->nchain; i++) {
        eo_op *w = e->chain[i].op;
        for (size_t k = 0; k < eo_tl_num_ins(w); k++) {
            eo_value *v = eo_tl_in(w, k);
            if (eo_type_get_kind(eo_value_type(v)) == EO_TYPE_MEMREF &&
                root_of(v) == r)
                return true;
        }
    }
    return false;
}

static bool
in_chain(const edge *e, const eo_op *op)
{
    for (size_t i = 0; i < e->nchain; i++)
        if (e->chain[i].op == op)
            return true;
    return false;
}

/* Whether the ops strictly between the first chain op and the consumer
 * (the chain ops aside) let the chain move down to the consumer: they
 * must not write what the chain reads. Deallocs of what it reads are
 * deferred past the fused loop. */
static bool
between_ok(edge *e, const char **why)
{
    for (eo_op *o = eo_op_next(e->chain[0].op); o && o != e->consumer;
         o = eo_op_next(o)) {
        if (in_chain(e, o))
            continue;
        if (op_is(o, "memref.dealloc")) {
            if (chain_reads(e, root_of(eo_op_operand(o, 0)))) {
                if (e->ndefer == FUSE_MAX_DEFER) {
                    *why = "too many deallocs to defer";
                    return false;
                }
                e->defer[e->ndefer++] = o;
            }
            continue;
        }
        if (op_is(o, "memref.alloc") || op_is(o, "memref.get_global") ||
            op_is(o, "arith.constant") || op_is(o, "memref.subview") ||
            op_is(o, "memref.collapse_shape") ||
            op_is(o, "memref.expand_shape"))
            continue;
        enum tl_op k = tl_op_kind(o);
        if (k != TL_NUM_OPS && k != TL_YIELD) {
            for (size_t j = 0; j < eo_tl_num_outs(o); j++)
                if (chain_reads(e, root_of(eo_tl_out(o, j)))) {
                    *why = "an op in between writes what the producer "
                           "reads";
                    return false;
                }
            continue;
        }
        if (op_is(o, "memref.copy")) {
            if (chain_reads(e, root_of(eo_op_operand(o, 1)))) {
                *why = "an op in between writes what the producer reads";
                return false;
            }
            continue;
        }
        *why = "an unsupported op in between";
        return false;
    }
    return true;
}

/* Whether 'v' is a static unit-stride memref.subview of 'b' with the
 * rank of 'b' (a padded interior), used only once. */
static bool
is_view_of(eo_value *v, eo_value *b)
{
    eo_op *sv = eo_value_def_op(v);
    if (!sv || !op_is(sv, "memref.subview") || eo_op_operand(sv, 0) != b ||
        eo_op_num_operands(sv) != 1 || !eo_value_has_one_use(v) ||
        eo_type_rank(eo_value_type(v)) != eo_type_rank(eo_value_type(b)))
        return false;
    const eo_attr *st = eo_op_attr(sv, "static_strides");
    for (size_t k = 0; st && k < eo_attr_dense_array_size(st); k++)
        if (eo_attr_dense_array_int(st, k) != 1)
            return false;
    return st != NULL;
}

/* The out of 'o' when it is a tl op writing 'b' or a view of it. */
static bool
writes(eo_op *o, eo_value *b)
{
    enum tl_op k = tl_op_kind(o);
    if (k == TL_NUM_OPS || k == TL_YIELD || eo_tl_num_outs(o) != 1)
        return false;
    eo_value *out = eo_tl_out(o, 0);
    return out == b || is_view_of(out, b);
}

/* The plain dimension of loop d in map m, or SIZE_MAX. */
static size_t
plain_result(const eo_affine_map *m, size_t d)
{
    for (size_t r = 0; r < eo_affine_map_num_results(m); r++) {
        const eo_affine_expr *x = eo_affine_map_result(m, r);
        if (eo_affine_expr_kind(x) == EO_AFFINE_DIM &&
            eo_affine_expr_pos(x) == d)
            return r;
    }
    return SIZE_MAX;
}

/* Analyses the edge from in 'idx' of consumer 'c' (already described in
 * e->c). True when it can be fused; else *why says why (NULL: not a
 * candidate at all, e.g. an argument). */
static bool
analyse(edge *e, const char **why)
{
    eo_op *c = e->consumer;
    eo_value *b = e->buf;
    eo_op *al = eo_value_def_op(b);
    *why = NULL;
    if (!al || !op_is(al, "memref.alloc") || eo_op_block(al) !=
        eo_op_block(c))
        return false;
    e->alloc = al;
    const eo_type *bt = eo_value_type(b);
    if (eo_type_num_elements(bt) < 0 || eo_type_layout(bt)) {
        *why = "the intermediate is not a static identity buffer";
        return false;
    }
    /* Users: writers, the consumer, one dealloc. */
    e->nchain = 0;
    e->dealloc = NULL;
    for (eo_use *u = eo_value_first_use(b); u; u = eo_use_next(u)) {
        eo_op *o = eo_use_owner(u);
        if (o == c) {
            if (eo_use_operand_index(u) != e->in_index) {
                *why = "the consumer uses the intermediate twice";
                return false;
            }
            continue;
        }
        if (op_is(o, "memref.dealloc") && !e->dealloc) {
            e->dealloc = o;
            continue;
        }
        if (op_is(o, "memref.subview")) {
            eo_value *sv = eo_op_result(o, 0);
            eo_use *su = eo_value_first_use(sv);
            if (!is_view_of(sv, b) || !writes(eo_use_owner(su), b) ||
                eo_op_block(eo_use_owner(su)) != eo_op_block(c)) {
                *why = "the intermediate has a view that is not written "
                       "by one tl op";
                return false;
            }
            continue;
        }
        enum tl_op k = tl_op_kind(o);
        if (k == TL_NUM_OPS || k == TL_YIELD || eo_op_block(o) !=
            eo_op_block(c)) {
            *why = "the intermediate has another user";
            return false;
        }
        if (eo_tl_num_outs(o) != 1 || eo_tl_out(o, 0) != b) {
            *why = "the intermediate has another reader";
            return false;
        }
    }
    /* The writers in block order, all before the consumer. */
    for (eo_op *o = eo_op_next(al); o && o != c; o = eo_op_next(o)) {
        bool user = writes(o, b);
        for (size_t i = 0; i < eo_op_num_operands(o) && !user; i++)
            user = eo_op_operand(o, i) == b;
        if (!user || op_is(o, "memref.subview"))
            continue;
        if (o == e->dealloc) {
            *why = "the intermediate is freed before the consumer";
            return false;
        }
        if (e->nchain == FUSE_MAX_CHAIN) {
            *why = "too long a producer chain";
            return false;
        }
        if (!describe(o, &e->chain[e->nchain], why))
            return false;
        e->nchain++;
    }
    if (!e->nchain) {
        *why = "no producer";
        return false;
    }
    if (!e->dealloc || e->dealloc != eo_op_next(c)) {
        /* bufferize frees right after the last user */
        bool after = false;
        for (eo_op *o = eo_op_next(c); o && !after; o = eo_op_next(o))
            after = o == e->dealloc;
        if (!after) {
            *why = "the intermediate is not freed after the consumer";
            return false;
        }
    }
    /* W1 defines B; later writers read it only at the written element. */
    for (size_t i = 0; i < e->nchain; i++) {
        op_info *w = &e->chain[i];
        size_t nins = eo_tl_num_ins(w->op);
        const eo_affine_map *om = map_of(w, nins);
        bool rd = false, view = eo_tl_out(w->op, 0) != b;
        if (view && i == 0) {
            *why = "the first producer writes only part of the "
                   "intermediate";
            return false;
        }
        for (size_t k = 0; k < nins; k++)
            if (eo_tl_in(w->op, k) == b) {
                rd = true;
                if (view || map_of(w, k) != om) {
                    *why = "a producer reads the intermediate elsewhere "
                           "than it writes";
                    return false;
                }
            }
        if (i == 0 && (rd || reads_out(w))) {
            *why = "the first producer reads the intermediate";
            return false;
        }
    }
    /* The consumer's tiled loop. */
    const eo_affine_map *cm = map_of(&e->c, e->in_index);
    size_t cnins = eo_tl_num_ins(c);
    const eo_affine_map *com = map_of(&e->c, cnins);
    bool found = false;
    for (size_t d = 0; d < e->c.nloops && !found; d++) {
        if (!is_parallel(&e->c, d) || e->c.ext[d] < 2 ||
            plain_result(com, d) == SIZE_MAX || !windowable(&e->c, d))
            continue;
        size_t q = SIZE_MAX;
        int64_t a = 0, rm = 0;
        bool ok = true;
        for (size_t r = 0; r < eo_affine_map_num_results(cm) && ok; r++) {
            bool uses = false;
            int64_t ra = 0, rr = 0;
            ok = use_of(&e->c, eo_affine_map_result(cm, r), d, &uses, &ra,
                        &rr);
            if (ok && uses) {
                q = r;
                a = ra;
                rm = rr;
            }
        }
        if (!ok || q == SIZE_MAX)
            continue;
        /* Every writer must have a parallel loop writing B's dim q, which
         * it can be windowed along. */
        bool wok = true;
        for (size_t i = 0; i < e->nchain && wok; i++) {
            op_info *w = &e->chain[i];
            const eo_affine_expr *x =
                eo_affine_map_result(map_of(w, eo_tl_num_ins(w->op)), q);
            wok = x && eo_affine_expr_kind(x) == EO_AFFINE_DIM &&
                  is_parallel(w, eo_affine_expr_pos(x)) &&
                  windowable(w, eo_affine_expr_pos(x));
            eo_value *wo = eo_tl_out(w->op, 0);
            if (wok && wo != b) {
                eo_op *sv = eo_value_def_op(wo);
                wok = eo_attr_dense_array_int(
                          eo_op_attr(sv, "static_offsets"), q) == 0 &&
                      eo_type_dim(eo_value_type(wo), q) ==
                          eo_type_dim(eo_value_type(b), q);
            }
            if (wok)
                e->wloop[i] = eo_affine_expr_pos(x);
        }
        if (!wok)
            continue;
        /* The tile: 1 without a halo, else the smallest divisor of the
         * extent whose a * T rows at least match the halo. */
        int64_t ext = e->c.ext[d], halo = rm + 1 - a, t = 1;
        while (t < ext && (ext % t || (halo > 0 && a * t < halo)))
            t++;
        if (t >= ext)
            continue;
        e->dloop = d;
        e->q = q;
        e->a = a;
        e->tile = t;
        e->rows = a * (t - 1) + rm + 1;
        e->rm = rm;
        found = true;
    }
    if (!found) {
        *why = "no parallel loop to tile the consumer along";
        return false;
    }
    e->ndefer = 0;
    return between_ok(e, why);
}

/* ------------------------------------------------------------------ */
/* The rewrite                                                         */

typedef struct emitter {
    eo_ctx *ctx;
    eo_builder b;
    const eo_type *index;
} emitter;

static eo_value *
emit_index(emitter *em, int64_t v)
{
    eo_named_attr a = {eo_ident_cstr(em->ctx, "value"),
                       eo_attr_get_int(em->ctx, em->index, v)};
    if (!a.name || !a.value)
        return NULL;
    eo_op *op = eo_builder_create(&em->b, "arith.constant", 0, NULL, 1,
                                  &em->index, 1, &a);
    return op ? eo_op_result(op, 0) : NULL;
}

/* iv * k (iv itself for k = 1). */
static eo_value *
emit_scaled(emitter *em, eo_value *iv, int64_t k)
{
    if (k == 1)
        return iv;
    eo_value *c = emit_index(em, k);
    if (!c)
        return NULL;
    eo_value *ops[2] = {iv, c};
    eo_op *op = eo_builder_create(&em->b, "arith.muli", 2, ops, 1,
                                  &em->index, 0, NULL);
    return op ? eo_op_result(op, 0) : NULL;
}

static const eo_attr *
i64_array(eo_ctx *ctx, size_t n, const int64_t *v)
{
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    return i64 ? eo_attr_get_dense_array(ctx, i64, n, v) : NULL;
}

/* A subview of memref 'src' that is the window [off, off + size) of
 * dimension 'dim' (off a dynamic index value) and whole elsewhere. NULL
 * on allocation failure or an unsupported layout (*unsup set). */
static eo_value *
emit_window(emitter *em, eo_value *src, size_t dim, eo_value *off,
            int64_t size, bool *unsup)
{
    const eo_type *st = eo_value_type(src);
    size_t rank = eo_type_rank(st);
    const int64_t *shape = eo_type_shape(st);
    int64_t strides[32], offs[32], sizes[32], ones[32];
    if (rank == 0 || rank > 32) {
        *unsup = true;
        return NULL;
    }
    const eo_attr *lay = eo_type_layout(st);
    if (!lay) {
        int64_t s = 1;
        for (size_t k = rank; k-- > 0;) {
            strides[k] = s;
            s *= shape[k];
        }
    } else {
        if (eo_attr_strided_rank(lay) != rank) {
            *unsup = true;
            return NULL;
        }
        const int64_t *ls = eo_attr_strided_strides(lay);
        for (size_t k = 0; k < rank; k++) {
            if (ls[k] == EO_DYNAMIC) {
                *unsup = true;
                return NULL;
            }
            strides[k] = ls[k];
        }
    }
    for (size_t k = 0; k < rank; k++) {
        offs[k] = k == dim ? EO_DYNAMIC : 0;
        sizes[k] = k == dim ? size : shape[k];
        ones[k] = 1;
    }
    const eo_attr *nl = eo_attr_get_strided(em->ctx, rank, strides,
                                            EO_DYNAMIC);
    const eo_type *vt = nl ? eo_type_get_memref(em->ctx, rank, sizes,
                                                eo_type_elem(st), nl,
                                                NULL)
                           : NULL;
    int32_t seg[4] = {1, 1, 0, 0};
    const eo_type *i32 = eo_type_get_int(em->ctx, 32);
    eo_named_attr at[4] = {
        {eo_ident_cstr(em->ctx, "static_offsets"),
         i64_array(em->ctx, rank, offs)},
        {eo_ident_cstr(em->ctx, "static_sizes"),
         i64_array(em->ctx, rank, sizes)},
        {eo_ident_cstr(em->ctx, "static_strides"),
         i64_array(em->ctx, rank, ones)},
        {eo_ident_cstr(em->ctx, "operandSegmentSizes"),
         i32 ? eo_attr_get_dense_array(em->ctx, i32, 4, seg) : NULL},
    };
    if (!vt)
        return NULL;
    for (size_t k = 0; k < 4; k++)
        if (!at[k].name || !at[k].value)
            return NULL;
    eo_value *ops[2] = {src, off};
    eo_op *sv = eo_builder_create(&em->b, "memref.subview", 2, ops, 1, &vt,
                                  4, at);
    return sv ? eo_op_result(sv, 0) : NULL;
}

/* The view 'sv' (a static subview of B) taken of 'tile' instead: the
 * same offsets, sizes and unit strides, B's size in the tiled dimension
 * being the tile's (the view spans it, see analyse). */
static eo_value *
emit_tile_view(emitter *em, eo_op *sv, eo_value *tile)
{
    const eo_type *tt = eo_value_type(tile);
    const eo_type *vt0 = eo_value_type(eo_op_result(sv, 0));
    size_t rank = eo_type_rank(tt);
    const eo_attr *so = eo_op_attr(sv, "static_offsets");
    int64_t strides[32], sizes[32], off = 0, s = 1;
    if (rank > 32 || !so || eo_attr_dense_array_size(so) != rank)
        return NULL;
    for (size_t k = rank; k-- > 0;) {
        strides[k] = s;
        s *= eo_type_dim(tt, k);
    }
    for (size_t k = 0; k < rank; k++) {
        int64_t o = eo_attr_dense_array_int(so, k);
        off += o * strides[k];
        sizes[k] = o == 0 && eo_type_dim(vt0, k) ==
                   eo_type_dim(eo_value_type(eo_op_operand(sv, 0)), k)
                   ? eo_type_dim(tt, k) : eo_type_dim(vt0, k);
    }
    const eo_attr *nl = eo_attr_get_strided(em->ctx, rank, strides, off);
    const eo_type *vt = nl ? eo_type_get_memref(em->ctx, rank, sizes,
                                                eo_type_elem(tt), nl, NULL)
                           : NULL;
    const eo_attr *sz = i64_array(em->ctx, rank, sizes);
    if (!vt || !sz)
        return NULL;
    int32_t seg[4] = {1, 0, 0, 0};
    const eo_type *i32 = eo_type_get_int(em->ctx, 32);
    eo_named_attr at[4] = {
        {eo_ident_cstr(em->ctx, "static_offsets"), so},
        {eo_ident_cstr(em->ctx, "static_sizes"), sz},
        {eo_ident_cstr(em->ctx, "static_strides"),
         eo_op_attr(sv, "static_strides")},
        {eo_ident_cstr(em->ctx, "operandSegmentSizes"),
         i32 ? eo_attr_get_dense_array(em->ctx, i32, 4, seg) : NULL},
    };
    for (size_t k = 0; k < 4; k++)
        if (!at[k].name || !at[k].value)
            return NULL;
    eo_op *nv = eo_builder_create(&em->b, "memref.subview", 1, &tile, 1,
                                  &vt, 4, at);
    return nv ? eo_op_result(nv, 0) : NULL;
}

/* Rewrites the operands of 'oi''s op (now in the tile loop) so that its
 * loop d runs over a window of 'count' iterations starting at 'start'
 * (an index value): 'buf' becomes 'tile' (whose origin is the window's
 * start in B), every other memref operand using d a subview; a
 * loop_bounds entry for d becomes 'count'. */
static eo_status
window_op(emitter *em, op_info *oi, size_t d, eo_value *start,
          int64_t count, eo_value *buf, eo_value *tile)
{
    eo_op *op = oi->op;
    for (size_t i = 0; i < oi->nops; i++) {
        eo_value *v = eo_op_operand(op, i);
        if (v == buf) {
            eo_op_set_operand(op, i, tile);
            continue;
        }
        if (is_view_of(v, buf)) {
            eo_value *tv = emit_tile_view(em, eo_value_def_op(v), tile);
            if (!tv)
                return EO_NOMEM;
            eo_op_set_operand(op, i, tv);
            if (eo_op_erase(eo_value_def_op(v)) != EO_OK)
                return EO_ERROR;
            continue;
        }
        if (eo_type_get_kind(eo_value_type(v)) != EO_TYPE_MEMREF)
            continue;
        const eo_affine_map *m = map_of(oi, i);
        for (size_t r = 0; r < eo_affine_map_num_results(m); r++) {
            bool uses = false;
            int64_t a = 0, rm = 0;
            if (!use_of(oi, eo_affine_map_result(m, r), d, &uses, &a, &rm))
                return eo_op_error(op, "tl-fuse: cannot window operand "
                                       "#%zu", i);
            if (!uses)
                continue;
            bool unsup = false;
            eo_value *off = emit_scaled(em, start, a);
            eo_value *w = off ? emit_window(em, v, r, off,
                                            a * (count - 1) + rm + 1,
                                            &unsup)
                              : NULL;
            if (!w)
                return unsup ? eo_op_error(op, "tl-fuse: unsupported "
                                               "layout of operand #%zu", i)
                             : EO_NOMEM;
            eo_op_set_operand(op, i, w);
            break;
        }
    }
    if (oi->lb && d < eo_attr_dense_array_size(oi->lb) &&
        eo_attr_dense_array_int(oi->lb, d) > 0 &&
        tl_op_kind(op) == TL_GENERIC) {
        size_t n = eo_attr_dense_array_size(oi->lb);
        int64_t v[EO_TL_MAX_LOOPS];
        for (size_t k = 0; k < n && k < EO_TL_MAX_LOOPS; k++)
            v[k] = k == d ? count : eo_attr_dense_array_int(oi->lb, k);
        const eo_attr *nlb = i64_array(em->ctx, n, v);
        if (!nlb || eo_op_set_attr(op, "loop_bounds", nlb) != EO_OK)
            return EO_NOMEM;
    }
    return EO_OK;
}

/* Fuses analysed edge 'e'. */
static eo_status
fuse_edge(edge *e)
{
    eo_op *c = e->consumer;
    emitter em = {.ctx = eo_op_ctx(c)};
    eo_builder_init(&em.b, em.ctx);
    eo_builder_set_before(&em.b, c);
    em.b.loc = eo_op_loc(c);
    em.index = eo_type_get_index(em.ctx);
    if (!em.index)
        return EO_NOMEM;
    const eo_type *bt = eo_value_type(e->buf);
    size_t rank = eo_type_rank(bt);
    int64_t shape[32];
    if (rank > 32)
        return eo_op_error(c, "tl-fuse: rank over 32");
    memcpy(shape, eo_type_shape(bt), rank * sizeof *shape);
    shape[e->q] = e->rows;
    const eo_type *tt = eo_type_get_memref(em.ctx, rank, shape,
                                           eo_type_elem(bt), NULL, NULL);
    eo_op *talloc = tt ? eo_builder_create(&em.b, "memref.alloc", 0, NULL,
                                           1, &tt, 0, NULL)
                       : NULL;
    eo_value *lo = talloc ? emit_index(&em, 0) : NULL;
    eo_value *hi = lo ? emit_index(&em, e->c.ext[e->dloop]) : NULL;
    eo_value *step = hi ? emit_index(&em, e->tile) : NULL;
    eo_op *loop = step ? scf_for_build(&em.b, lo, hi, step, 0, NULL) : NULL;
    eo_block *body = loop ? scf_for_body(loop) : NULL;
    if (!body)
        return EO_NOMEM;
    eo_value *tile = eo_op_result(talloc, 0);
    eo_value *iv = scf_for_induction_var(loop);
    eo_op *yield = eo_block_last(body);
    /* The chain, then the consumer, move into the loop. */
    for (size_t i = 0; i < e->nchain; i++)
        eo_op_move_before(e->chain[i].op, yield);
    eo_op_move_before(c, yield);
    eo_builder_set_before(&em.b, e->chain[0].op);
    eo_value *start = emit_scaled(&em, iv, e->a);
    if (!start)
        return EO_NOMEM;
    eo_status st = EO_OK;
    for (size_t i = 0; i < e->nchain && st == EO_OK; i++) {
        eo_builder_set_before(&em.b, e->chain[i].op);
        st = window_op(&em, &e->chain[i], e->wloop[i], start, e->rows,
                       e->buf, tile);
    }
    eo_builder_set_before(&em.b, c);
    if (st == EO_OK)
        st = window_op(&em, &e->c, e->dloop, iv, e->tile, e->buf, tile);
    if (st != EO_OK)
        return st;
    /* Deallocs: the tile's after the loop, deferred ones too; B's go. */
    eo_builder_set_after(&em.b, loop);
    eo_op *td = eo_builder_create(&em.b, "memref.dealloc", 1, &tile, 0,
                                  NULL, 0, NULL);
    if (!td)
        return EO_NOMEM;
    for (size_t i = e->ndefer; i-- > 0;)
        eo_op_move_after(e->defer[i], td);
    st = eo_op_erase(e->dealloc);
    return st == EO_OK ? eo_op_erase(e->alloc) : st;
}

/* ------------------------------------------------------------------ */
/* Elementwise merging                                                 */

/* Whether 'oi' is elementwise: one out, every loop parallel, every
 * memref operand at the identity map over the loop extents, the other
 * operands scalars. */
static bool
elementwise(const op_info *oi)
{
    if (eo_tl_num_outs(oi->op) != 1 || oi->nloops == 0)
        return false;
    for (size_t d = 0; d < oi->nloops; d++)
        if (!is_parallel(oi, d))
            return false;
    for (size_t i = 0; i < oi->nops; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(oi->op, i));
        if (eo_type_get_kind(t) != EO_TYPE_MEMREF)
            continue;
        const eo_affine_map *m = map_of(oi, i);
        if (!eo_affine_map_is_identity(m) ||
            eo_affine_map_num_dims(m) != oi->nloops ||
            eo_type_rank(t) != oi->nloops)
            return false;
        for (size_t r = 0; r < oi->nloops; r++)
            if (eo_type_dim(t, r) != oi->ext[r])
                return false;
    }
    return true;
}

/* Whether analysed edge 'e' can be merged into one tl.generic: the
 * chain and the consumer elementwise over the same loops, every chain op
 * writing B itself, the consumer reading it at the identity, and no
 * chain op reading a buffer the consumer writes other than at the same
 * element (the same value). */
static bool
mergeable(const edge *e)
{
    if (!elementwise(&e->c) ||
        !eo_affine_map_is_identity(map_of(&e->c, e->in_index)))
        return false;
    eo_value *cout = root_of(eo_tl_out(e->consumer, 0));
    for (size_t i = 0; i < e->nchain; i++) {
        const op_info *w = &e->chain[i];
        if (!elementwise(w) || eo_tl_out(w->op, 0) != e->buf ||
            w->nloops != e->c.nloops)
            return false;
        for (size_t d = 0; d < w->nloops; d++)
            if (w->ext[d] != e->c.ext[d])
                return false;
        for (size_t k = 0; k < eo_tl_num_ins(w->op); k++) {
            eo_value *v = eo_tl_in(w->op, k);
            if (eo_type_get_kind(eo_value_type(v)) == EO_TYPE_MEMREF &&
                root_of(v) == cout && v != eo_tl_out(e->consumer, 0))
                return false;
        }
    }
    return true;
}

/* Clones the body of generic 'g' (but its tl.yield) to the end of 'nb',
 * its arguments mapped: an in that is 'buf', and the out of a chain op,
 * to *cur (the value computed so far), the other ins to the next
 * arguments of 'nb' from *next, the consumer's out ('last') to the
 * argument of nb's out. *cur becomes the yielded value. */
static eo_status
clone_body(eo_op *g, eo_value *buf, bool last, eo_block *nb, size_t nins,
           size_t *next, eo_value **cur, eo_irmap *map)
{
    eo_block *gb = eo_region_first(eo_op_region(g, 0));
    size_t gi = eo_tl_num_ins(g);
    eo_status st = EO_OK;
    for (size_t k = 0; k < gi && st == EO_OK; k++) {
        eo_value *arg = eo_block_arg(gb, k);
        if (eo_tl_in(g, k) == buf)
            st = *cur ? eo_irmap_map_value(map, arg, *cur) : EO_ERROR;
        else
            st = eo_irmap_map_value(map, arg, eo_block_arg(nb, (*next)++));
    }
    eo_value *oarg = eo_block_arg(gb, gi);
    if (st == EO_OK && last)
        st = eo_irmap_map_value(map, oarg, eo_block_arg(nb, nins));
    else if (st == EO_OK && *cur)
        st = eo_irmap_map_value(map, oarg, *cur);
    eo_op *term = eo_block_terminator(gb);
    for (eo_op *o = eo_block_first(gb); o && o != term && st == EO_OK;
         o = eo_op_next(o)) {
        eo_op *cl = eo_op_clone(o, map);
        if (!cl)
            return EO_NOMEM;
        eo_block_append(nb, cl);
    }
    if (st != EO_OK)
        return st;
    if (!term || eo_op_num_operands(term) != 1)
        return EO_ERROR;
    eo_value *y = eo_op_operand(term, 0);
    eo_value *ym = eo_irmap_lookup_value(map, y);
    *cur = ym ? ym : y;
    return EO_OK;
}

/* Merges analysed edge 'e' (mergeable) into one tl.generic at the
 * consumer: the ins of the chain and the consumer but B, the consumer's
 * out, one body computing the chain's value of each element and the
 * consumer's from it. The chain, the consumer, B's alloc and dealloc go;
 * deallocs of what the chain reads move after the new op, *merged. */
static eo_status
merge_edge(edge *e, eo_op **merged)
{
    eo_op *c = e->consumer;
    eo_ctx *ctx = eo_op_ctx(c);
    size_t n = e->nchain + 1, total = 0;
    eo_op *g[FUSE_MAX_CHAIN + 1];
    bool tmp[FUSE_MAX_CHAIN + 1];
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, NULL, NULL);
    eo_builder_set_before(&rw.b, c);
    rw.b.loc = eo_op_loc(c);
    eo_status st = EO_OK;
    size_t made = 0;
    for (; made < n; made++) {
        eo_op *op = made < e->nchain ? e->chain[made].op : c;
        tmp[made] = tl_op_kind(op) != TL_GENERIC;
        g[made] = tmp[made] ? eo_tl_named_to_generic(&rw, op) : op;
        if (!g[made]) {
            st = EO_ERROR;
            break;
        }
        total += eo_tl_num_ins(g[made]);
    }
    eo_value **ins = st == EO_OK ? malloc((total + 1) * sizeof *ins) : NULL;
    const eo_attr **maps = ins ? malloc((total + 1) * sizeof *maps) : NULL;
    eo_irmap *map = maps ? eo_irmap_create(ctx) : NULL;
    if (st == EO_OK && !map)
        st = EO_NOMEM;
    size_t nins = 0;
    for (size_t i = 0; i < n && st == EO_OK; i++) {
        const eo_attr *gm = eo_op_attr(g[i], "indexing_maps");
        for (size_t k = 0; k < eo_tl_num_ins(g[i]); k++) {
            if (eo_tl_in(g[i], k) == e->buf)
                continue;
            ins[nins] = eo_tl_in(g[i], k);
            maps[nins++] = eo_attr_array_at(gm, k);
        }
    }
    eo_op *ng = NULL;
    if (st == EO_OK) {
        eo_value *out = eo_tl_out(c, 0);
        maps[nins] = eo_attr_array_at(eo_op_attr(g[n - 1], "indexing_maps"),
                                      eo_tl_num_ins(g[n - 1]));
        const eo_attr *ma = eo_attr_get_array(ctx, nins + 1, maps);
        ng = ma ? eo_tl_generic_build(&rw, nins, ins, 1, &out, ma,
                                      eo_op_attr(g[n - 1], "iterator_types"))
                : NULL;
        if (!ng)
            st = EO_NOMEM;
    }
    /* The body: each op's in turn, B's arguments the value so far. */
    eo_block *nb = ng ? eo_region_first(eo_op_region(ng, 0)) : NULL;
    eo_value *cur = NULL;
    size_t next = 0;
    for (size_t i = 0; i < n && st == EO_OK; i++)
        st = clone_body(g[i], e->buf, i + 1 == n, nb, nins, &next, &cur,
                        map);
    if (st == EO_OK) {
        eo_builder b;
        eo_builder_init(&b, ctx);
        eo_builder_set_end(&b, nb);
        b.loc = eo_op_loc(c);
        if (!eo_builder_create(&b, "tl.yield", 1, &cur, 0, NULL, 0, NULL))
            st = EO_NOMEM;
    }
    /* The consumer's site key stays with the merged op. */
    static const char *const keep[2] = {"name", "onnx.name"};
    for (size_t k = 0; k < 2 && st == EO_OK; k++)
        if (eo_op_attr(c, keep[k]))
            st = eo_op_set_attr(ng, keep[k], eo_op_attr(c, keep[k]));
    eo_irmap_destroy(map);
    free(ins);
    free(maps);
    for (size_t i = 0; i < made; i++)
        if (tmp[i] && eo_op_erase(g[i]) != EO_OK && st == EO_OK)
            st = EO_ERROR;
    if (st != EO_OK) {
        if (ng && eo_op_erase(ng) != EO_OK)
            return EO_ERROR;
        return st == EO_ERROR ? eo_op_error(c, "tl-fuse: cannot merge "
                                               "the elementwise chain")
                              : st;
    }
    for (size_t i = e->ndefer; i-- > 0;)
        eo_op_move_after(e->defer[i], ng);
    for (size_t i = 0; i < e->nchain && st == EO_OK; i++)
        st = eo_op_erase(e->chain[i].op);
    if (st == EO_OK)
        st = eo_op_erase(c);
    if (st == EO_OK)
        st = eo_op_erase(e->dealloc);
    if (st == EO_OK)
        st = eo_op_erase(e->alloc);
    *merged = ng;
    return st;
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */

static const eo_knob_domain bool_domain = {.kind = EO_KNOB_BOOL};

/* The tl ops of one function, in block order, with their site keys
 * (unique_keys). An op erased by a merge is NULL; the merged op takes
 * the consumer's place and key. */
typedef struct op_table {
    eo_op **v;
    eo_strbuf *keys;
    size_t n;
} op_table;

/* The unique site key of 'op' in 't' ("?" when it is not there). */
static const char *
key_of(const op_table *t, const eo_op *op)
{
    for (size_t i = 0; op && i < t->n; i++)
        if (t->v[i] == op)
            return t->keys[i].data;
    return "?";
}

/* Asks knob "<prefix>.<c>.<p>" of domain 'dom' (default 'def') about
 * consumer 'c'; *st becomes EO_NOMEM on allocation failure. */
static int64_t
ask_edge(const eo_knob_provider *knobs, const char *prefix, const char *c,
         const char *p, const eo_op *site, const eo_knob_domain *dom,
         int64_t def, eo_status *st)
{
    if (!knobs || !knobs->ask)
        return def;
    eo_strbuf name = {0};
    eo_strbuf_printf(&name, "%s.%s.%s", prefix, c, p);
    int64_t v = def;
    if (name.oom || !name.data)
        *st = EO_NOMEM;
    else
        v = knobs->ask(knobs->ud, name.data, dom, def, site, "tl-fuse");
    eo_strbuf_free(&name);
    return v;
}

/* The most tile sizes tl-fuse-tile offers. */
#define FUSE_MAX_TILES 64

/* Asks the tile size of fused edge 'e' (the tile loop's step): the
 * divisors of the consumer loop's extent below it, default the one
 * analyse chose; sets e->tile and e->rows. Asked only with a choice. */
static eo_status
ask_tile(edge *e, const eo_knob_provider *knobs, const char *c,
         const char *p)
{
    int64_t ext = e->c.ext[e->dloop], v[FUSE_MAX_TILES];
    size_t n = 0;
    for (int64_t t = 1; t < ext && n < FUSE_MAX_TILES; t++)
        if (ext % t == 0)
            v[n++] = t;
    if (n < 2)
        return EO_OK;
    eo_knob_domain dom = {.kind = EO_KNOB_SET, .values = v, .count = n};
    eo_status st = EO_OK;
    int64_t t = ask_edge(knobs, "tl-fuse-tile", c, p, e->consumer, &dom,
                         e->tile, &st);
    for (size_t k = 0; k < n; k++)
        if (v[k] == t) {
            e->tile = t;
            e->rows = e->a * (t - 1) + e->rm + 1;
        }
    return st;
}

/* Considers every memref in of consumer t->v[ci] as an edge; the first
 * legal one whose knob "tl-fuse.<consumer>.<producer>" says so is fused.
 * Under it, an edge whose producer chain and consumer are elementwise
 * asks "tl-fuse-ew.<consumer>.<producer>": merge into one tl.generic,
 * which takes the consumer's place (and *again is set, so it is a
 * consumer again); otherwise "tl-fuse-tile.<consumer>.<producer>" asks
 * the tile size of the fused loop. */
static eo_status
try_consumer(op_table *t, size_t ci, const eo_knob_provider *knobs,
             bool report, bool *changed, bool *again)
{
    eo_op *c = t->v[ci];
    edge *e = calloc(1, sizeof *e);
    if (!e)
        return EO_NOMEM;
    eo_status st = EO_OK;
    const char *why = NULL;
    *again = false;
    e->consumer = c;
    if (eo_tl_num_outs(c) != 1 || !describe(c, &e->c, &why)) {
        free(e);
        return EO_OK;
    }
    const char *cs = t->keys[ci].data;
    for (size_t i = 0; i < eo_tl_num_ins(c) && st == EO_OK; i++) {
        eo_value *b = eo_tl_in(c, i);
        if (eo_type_get_kind(eo_value_type(b)) != EO_TYPE_MEMREF ||
            b == eo_tl_out(c, 0))
            continue;
        e->in_index = i;
        e->buf = b;
        bool ok = analyse(e, &why);
        if (!ok && !why)
            continue;
        eo_op *prod = e->nchain ? e->chain[e->nchain - 1].op : NULL;
        for (eo_use *u = eo_value_first_use(b); u && !prod;
             u = eo_use_next(u))
            if (writes(eo_use_owner(u), b))
                prod = eo_use_owner(u);
        const char *ps = key_of(t, prod);
        int64_t merge = 0, yes = 0;
        if (ok)
            yes = ask_edge(knobs, "tl-fuse", cs, ps, c, &bool_domain, 0,
                           &st);
        if (yes && st == EO_OK && mergeable(e))
            merge = ask_edge(knobs, "tl-fuse-ew", cs, ps, c, &bool_domain,
                             0, &st);
        if (yes && !merge && st == EO_OK)
            st = ask_tile(e, knobs, cs, ps);
        if (report && st == EO_OK) {
            if (ok && merge)
                fprintf(stderr, "tl-fuse: %s <- %s: merged (%zu "
                        "elementwise producer ops)\n", cs, ps, e->nchain);
            else if (ok)
                fprintf(stderr, "tl-fuse: %s <- %s: %s (d%zu by %lld, "
                        "%lld of %lld rows per tile, %zu producer ops)\n",
                        cs, ps, yes ? "fused" : "not fused",
                        e->dloop, (long long)e->tile, (long long)e->rows,
                        (long long)eo_type_dim(eo_value_type(b), e->q),
                        e->nchain);
            else
                fprintf(stderr, "tl-fuse: %s <- %s: illegal: %s\n", cs,
                        ps, why);
        }
        if (st == EO_OK && ok && merge) {
            /* The merged op replaces the consumer; the chain goes. */
            eo_op *ng = NULL;
            for (size_t k = 0; k < e->nchain; k++)
                for (size_t j = 0; j < t->n; j++)
                    if (t->v[j] == e->chain[k].op)
                        t->v[j] = NULL;
            st = merge_edge(e, &ng);
            t->v[ci] = ng;
            *changed = true;
            *again = ng != NULL && st == EO_OK;
            break;
        }
        if (st == EO_OK && ok && yes) {
            st = fuse_edge(e);
            *changed = true;
            break;
        }
    }
    free(e);
    return st;
}

/* Whether 'op' is named (a "name" or "onnx.name" string attribute). */
static bool
named(const eo_op *op)
{
    return eo_op_attr(op, "name") || eo_op_attr(op, "onnx.name");
}

/* Fills t->keys for t->v[0..n): their site keys, those of unnamed ops
 * (a location or position, which ops an importer left without a name
 * can share) made unique as tl-to-loops does: the k-th later op with the
 * key of an earlier one gets "<key>.<k>". Named ops keep their names
 * (the ops of one named node share it; an edge's knob names two). */
static eo_status
unique_keys(op_table *t)
{
    size_t *dup = calloc(t->n ? t->n : 1, sizeof *dup);
    t->keys = calloc(t->n ? t->n : 1, sizeof *t->keys);
    if (!dup || !t->keys) {
        free(dup);
        return EO_NOMEM;
    }
    bool oom = false;
    for (size_t i = 0; !oom && i < t->n; i++) {
        eo_op_site_key(t->v[i], &t->keys[i]);
        oom = t->keys[i].oom || !t->keys[i].data;
        for (size_t j = 0; !oom && j < i; j++)
            dup[i] += strcmp(t->keys[j].data, t->keys[i].data) == 0;
    }
    for (size_t i = 0; !oom && i < t->n; i++) {
        if (dup[i] && !named(t->v[i]))
            eo_strbuf_printf(&t->keys[i], ".%zu", dup[i]);
        oom = t->keys[i].oom;
    }
    free(dup);
    return oom ? EO_NOMEM : EO_OK;
}

static eo_status
run_fuse(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const fuse_options *o = options;
    const eo_knob_provider *knobs = eo_pass_ctx_knobs(pc);
    bool changed = false;
    eo_status st = EO_OK;
    if (eo_op_num_regions(op) != 1 ||
        eo_region_num_blocks(eo_op_region(op, 0)) != 1) {
        eo_pass_ctx_mark_unchanged(pc);
        return EO_OK;
    }
    eo_block *blk = eo_region_first(eo_op_region(op, 0));
    /* The candidates, in order, before anything moves. */
    size_t cap = 0;
    op_table t = {0};
    for (eo_op *x = eo_block_first(blk); x; x = eo_op_next(x)) {
        enum tl_op k = tl_op_kind(x);
        if (k == TL_NUM_OPS || k == TL_YIELD)
            continue;
        if (t.n == cap) {
            cap = cap ? 2 * cap : 16;
            eo_op **nv = realloc(t.v, cap * sizeof *nv);
            if (!nv) {
                free(t.v);
                return EO_NOMEM;
            }
            t.v = nv;
        }
        t.v[t.n++] = x;
    }
    st = unique_keys(&t);
    /* Last consumer first: a consumer takes its producers into its
     * loop before they are considered as consumers themselves (a padded
     * convolution takes its padding, rather than the padding taking
     * the convolution before it). A merged op is a consumer again. */
    for (size_t i = t.n; i-- > 0 && st == EO_OK;) {
        bool again = true;
        while (again && st == EO_OK && t.v[i] &&
               eo_op_block(t.v[i]) == blk)     /* not moved into a loop */
            st = try_consumer(&t, i, knobs, o && o->report, &changed,
                              &again);
    }
    for (size_t i = 0; t.keys && i < t.n; i++)
        eo_strbuf_free(&t.keys[i]);
    free(t.keys);
    free(t.v);
    if (st == EO_NOMEM)
        eo_op_error(op, "out of memory");
    if (o && o->report)
        fflush(stderr);
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_option fuse_option_rows[] = {
    { .name = "report",
      .description = "Print every producer-consumer edge considered, with "
                     "its decision or why it cannot be fused, to stderr",
      .kind = EO_OPT_BOOL, .offset = offsetof(fuse_options, report),
      .default_value = "false" },
};

static const eo_pass_def fuse_pass = {
    .name = "tl-fuse",
    .description = "Tile-and-fuse tl ops on buffers: a producer chain "
                   "computed per tile of its consumer into a small tile "
                   "buffer (knob tl-fuse.<consumer>.<producer>)",
    .anchor = "func.func",
    .options = fuse_option_rows,
    .num_options = 1,
    .options_size = sizeof(fuse_options),
    .run = run_fuse,
};

const struct eo_pass_def *
eo_tl_fuse_pass_def(void)
{
    return &fuse_pass;
}

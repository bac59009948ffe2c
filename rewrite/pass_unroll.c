/* rewrite/pass_unroll.c - the "unroll" pass: unrolls scf.for loops by a
 * per-loop factor knob.
 *
 * Requires: nothing. Preserves: semantics (scf.for runs iv = lb, lb+step,
 * ... while iv < ub, signed, with a positive step).
 * Knob: "unroll.<site>.factor", a set {1, 2, 4, 8}, default 1 (keep the
 * loop), asked for each scf.for whose iv is an index or signless integer,
 * whose body is one block ending in scf.yield, and whose step is not a
 * non-positive constant. Loops are visited innermost first, so an outer
 * loop replicates already unrolled inner loops (whose copies keep their
 * site key and so their answer).
 *
 * With factor F > 1:
 *   - constant trip count tc <= F: full unroll, the body copied tc times
 *     with constant ivs and the iter_args threaded through; the loop goes;
 *   - otherwise the loop is kept with step*F and its body copied F times
 *     (copy j sees iv + j*step and the values yielded by copy j-1); when
 *     tc is not a known multiple of F, an epilogue loop (the original
 *     body, original step) runs the rest from the main loop's end, with
 *     the main loop's results as its iter_args. Bounds come from arith
 *     ops; for a dynamic trip count (exact even when ub - lb overflows
 *     the signed type, as it is read unsigned when lb < ub):
 *       tc = lb < ub ? ceildivui(ub - lb, step) : 0;  rem = remui(tc, F)
 *       main: lb to ub - rem*step, step step*F (tc - rem iterations)
 *       epilogue: from (rem == 0 ? ub : lb + (tc - rem)*step) to ub.
 *     As with MLIR's unroller, a dynamic step*F must fit the iv type (a
 *     constant one that does not leaves the loop alone).
 */
#include "rewrite/rewrite.h"
#include "rewrite/internal.h"

#include "dialects/arith/arith.h"
#include "dialects/scf/scf.h"

#include <stdlib.h>
#include <string.h>

__extension__ typedef __int128 i128;

static const int64_t factor_values[] = { 1, 2, 4, 8 };
static const eo_knob_domain factor_domain = {
    .kind = EO_KNOB_SET, .values = factor_values, .count = 4,
};

typedef struct unroller {
    eo_ctx *ctx;
    const eo_knob_provider *knobs;
    eo_op **loops;
    size_t num_loops, cap_loops;
    const eo_op_def *for_def, *yield_def;
    bool oom;
    bool changed;
} unroller;

static eo_walk_result
collect_loop(eo_op *op, void *ud)
{
    unroller *u = ud;
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

/* Signed range of the iv type (index counts as 64 bits). */
static void
type_range(const eo_type *t, i128 *lo, i128 *hi)
{
    unsigned w = eo_type_is_index(t) ? 64 : eo_type_int_width(t);
    if (w == 0) {
        *lo = *hi = 0;
        return;
    }
    if (w > 64)
        w = 64;
    *hi = ((i128)1 << (w - 1)) - 1;
    *lo = -((i128)1 << (w - 1));
}

bool
eo_rw_const_of(eo_value *v, i128 *out)
{
    const eo_attr *a = eo_value_constant(v);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER ||
        eo_attr_int_num_words(a) > 1)
        return false;
    *out = eo_attr_int_value(a);
    return true;
}

eo_value *
eo_rw_mk_const(eo_builder *b, const eo_type *t, i128 v)
{
    const eo_attr *a = eo_attr_get_int(b->ctx, t, (int64_t)v);
    if (!a)
        return NULL;
    eo_named_attr na = { eo_ident_cstr(b->ctx, "value"), a };
    eo_op *op = eo_builder_create(b, "arith.constant", 0, NULL, 1, &t, 1,
                                  &na);
    return op ? eo_op_result(op, 0) : NULL;
}

eo_value *
eo_rw_mk_bin(eo_builder *b, const char *name, eo_value *x, eo_value *y)
{
    if (!x || !y)
        return NULL;
    eo_value *ops[2] = { x, y };
    const eo_type *t = eo_value_type(x);
    eo_op *op = eo_builder_create(b, name, 2, ops, 1, &t, 0, NULL);
    return op ? eo_op_result(op, 0) : NULL;
}

/* arith.cmpi 'pred' of x and y (an i1). */
eo_value *
eo_rw_mk_cmp(eo_builder *b, int pred, eo_value *x, eo_value *y)
{
    if (!x || !y)
        return NULL;
    eo_value *ops[2] = { x, y };
    const eo_type *i1 = eo_type_get_int(b->ctx, 1);
    const eo_attr *p = eo_attr_get_int(b->ctx, eo_type_get_int(b->ctx, 64),
                                       pred);
    if (!i1 || !p)
        return NULL;
    eo_named_attr na = { eo_ident_cstr(b->ctx, "predicate"), p };
    eo_op *op = eo_builder_create(b, "arith.cmpi", 2, ops, 1, &i1, 1, &na);
    return op ? eo_op_result(op, 0) : NULL;
}

eo_value *
eo_rw_mk_select(eo_builder *b, eo_value *c, eo_value *x, eo_value *y)
{
    if (!c || !x || !y)
        return NULL;
    eo_value *ops[3] = { c, x, y };
    const eo_type *t = eo_value_type(x);
    eo_op *op = eo_builder_create(b, "arith.select", 3, ops, 1, &t, 0, NULL);
    return op ? eo_op_result(op, 0) : NULL;
}

/* Whether the pass knows how to unroll 'loop'. */
static bool
unrollable(unroller *u, eo_op *loop)
{
    if (eo_op_num_operands(loop) < 3 || eo_op_num_regions(loop) != 1)
        return false;
    eo_region *r = eo_op_region(loop, 0);
    eo_block *body = eo_region_first(r);
    if (!body || eo_block_next(body) ||
        eo_block_num_args(body) != 1 + eo_op_num_results(loop) ||
        eo_op_num_operands(loop) != 3 + eo_op_num_results(loop))
        return false;
    eo_op *y = eo_block_last(body);
    if (!y || !eo_op_is(y, u->yield_def) ||
        eo_op_num_operands(y) != eo_op_num_results(loop))
        return false;
    const eo_type *t = eo_value_type(eo_op_operand(loop, 0));
    if (!eo_type_is_index(t) &&
        !(eo_type_is_int(t) && eo_type_int_signedness(t) == EO_SIGNLESS &&
          eo_type_int_width(t) > 1))
        return false;
    i128 step;
    if (eo_rw_const_of(eo_op_operand(loop, 2), &step) && step <= 0)
        return false;
    return true;
}

/* Clones the body ops of 'loop' (all but the yield) before 'pos', with
 * the iv mapped to 'iv' and the iter args to 'args'; 'args' is updated to
 * the values the copy yields. 'stop' is the first op not to copy (the
 * yield, or the first op of an earlier copy). */
static eo_status
copy_body(unroller *u, eo_block *body, eo_op *stop, eo_op *pos, eo_value *iv,
          eo_value **args, size_t nargs)
{
    eo_irmap *map = eo_irmap_create(u->ctx);
    if (!map)
        return EO_NOMEM;
    eo_status st = eo_irmap_map_value(map, eo_block_arg(body, 0), iv);
    for (size_t i = 0; i < nargs && st == EO_OK; i++)
        st = eo_irmap_map_value(map, eo_block_arg(body, i + 1), args[i]);
    for (eo_op *op = eo_block_first(body); op && op != stop && st == EO_OK;
         op = eo_op_next(op)) {
        eo_op *c = eo_op_clone(op, map);
        if (!c) {
            st = EO_NOMEM;
            break;
        }
        eo_op_insert_before(pos, c);
    }
    if (st == EO_OK) {
        eo_op *y = eo_block_last(body);
        for (size_t i = 0; i < nargs; i++) {
            eo_value *v = eo_op_operand(y, i);
            eo_value *m = eo_irmap_lookup_value(map, v);
            args[i] = m ? m : v;
        }
    }
    eo_irmap_destroy(map);
    return st;
}

/* Full unroll of a loop with constant bounds and tc iterations. */
static eo_status
unroll_full(unroller *u, eo_op *loop, i128 lb, i128 step, i128 tc)
{
    size_t n = eo_op_num_results(loop);
    eo_value **args = calloc(n ? n : 1, sizeof *args);
    if (!args)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++)
        args[i] = eo_op_operand(loop, 3 + i);
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    eo_builder_set_before(&b, loop);
    b.loc = eo_op_loc(loop);
    const eo_type *t = eo_value_type(eo_op_operand(loop, 0));
    eo_block *body = eo_region_first(eo_op_region(loop, 0));
    eo_op *yield = eo_block_last(body);
    eo_status st = EO_OK;
    for (i128 k = 0; k < tc && st == EO_OK; k++) {
        eo_value *iv = eo_rw_mk_const(&b, t, lb + k * step);
        st = iv ? copy_body(u, body, yield, loop, iv, args, n) : EO_NOMEM;
    }
    if (st == EO_OK) {
        for (size_t i = 0; i < n; i++)
            eo_value_replace_all_uses(eo_op_result(loop, i), args[i]);
        st = eo_op_erase(loop);
    }
    free(args);
    return st;
}

/* Keeps 'loop' with upper bound 'ub' (NULL: unchanged) and step 'ustep',
 * copies its body 'factor' times (copy j's iv is iv + stepj[j-1]), and
 * when 'epi_lb' is given adds an epilogue loop from it to the original
 * upper bound. */
static eo_status
unroll_by(unroller *u, eo_op *loop, unsigned factor, eo_value *ub,
          eo_value *ustep, eo_value *const *stepj, eo_value *epi_lb)
{
    size_t n = eo_op_num_results(loop);
    eo_status st = EO_OK;
    if (epi_lb) {
        /* The epilogue: a copy of the loop as it is, after it. */
        eo_op *epi = eo_op_clone(loop, NULL);
        if (!epi)
            return EO_NOMEM;
        eo_op_insert_after(loop, epi);
        for (size_t i = 0; i < n; i++)
            eo_value_replace_all_uses(eo_op_result(loop, i),
                                      eo_op_result(epi, i));
        eo_op_set_operand(epi, 0, epi_lb);
        for (size_t i = 0; i < n; i++)
            eo_op_set_operand(epi, 3 + i, eo_op_result(loop, i));
    }
    if (ub)
        eo_op_set_operand(loop, 1, ub);
    eo_op_set_operand(loop, 2, ustep);

    eo_block *body = eo_region_first(eo_op_region(loop, 0));
    eo_op *yield = eo_block_last(body);
    eo_value **args = calloc(n ? n : 1, sizeof *args);
    if (!args)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++)
        args[i] = eo_op_operand(yield, i);
    eo_op *first_copy = NULL;
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    b.loc = eo_op_loc(loop);
    for (unsigned j = 1; j < factor && st == EO_OK; j++) {
        eo_builder_set_before(&b, yield);
        eo_value *iv = eo_rw_mk_bin(&b, "arith.addi", eo_block_arg(body, 0),
                              stepj[j - 1]);
        if (!iv) {
            st = EO_NOMEM;
            break;
        }
        eo_op *ivop = eo_value_def_op(iv);
        if (!first_copy)
            first_copy = ivop;
        /* Copy the original body only: everything before the first
         * copy (which begins with the first iv computation). */
        st = copy_body(u, body, first_copy, yield, iv, args, n);
    }
    if (st == EO_OK)
        for (size_t i = 0; i < n; i++)
            eo_op_set_operand(yield, i, args[i]);
    free(args);
    return st;
}

static eo_status
unroll_loop(unroller *u, eo_op *loop, unsigned factor)
{
    eo_value *lbv = eo_op_operand(loop, 0), *ubv = eo_op_operand(loop, 1);
    eo_value *stepv = eo_op_operand(loop, 2);
    const eo_type *t = eo_value_type(lbv);
    i128 lo, hi, lb, ub, step;
    type_range(t, &lo, &hi);
    bool cstep = eo_rw_const_of(stepv, &step);
    eo_builder b;
    eo_builder_init(&b, u->ctx);
    eo_builder_set_before(&b, loop);
    b.loc = eo_op_loc(loop);
    eo_value *stepj[8] = { NULL };

    if (cstep && step * factor > hi)
        return EO_OK;                 /* step*F not representable: keep */
    if (eo_rw_const_of(lbv, &lb) && eo_rw_const_of(ubv, &ub) && cstep) {
        i128 tc = ub > lb ? (ub - lb + step - 1) / step : 0;
        if (tc <= factor)
            return unroll_full(u, loop, lb, step, tc);
        i128 even = tc - tc % factor;
        stepj[0] = stepv;
        for (unsigned j = 2; j < factor; j++)
            if (!(stepj[j - 1] = eo_rw_mk_const(&b, t, step * j)))
                return EO_NOMEM;
        eo_value *ustep = eo_rw_mk_const(&b, t, step * factor);
        if (!ustep)
            return EO_NOMEM;
        if (even == tc)
            return unroll_by(u, loop, factor, NULL, ustep, stepj, NULL);
        eo_value *uub = eo_rw_mk_const(&b, t, lb + even * step);
        if (!uub)
            return EO_NOMEM;
        return unroll_by(u, loop, factor, uub, ustep, stepj, uub);
    }
    /* Dynamic trip count, exact even where ub - lb overflows the signed
     * type (it is taken as unsigned when lb < ub); see the top. */
    eo_value *zero = eo_rw_mk_const(&b, t, 0), *cf = eo_rw_mk_const(&b, t, factor);
    eo_value *lt = eo_rw_mk_cmp(&b, ARITH_CMPI_SLT, lbv, ubv);
    eo_value *tc = eo_rw_mk_select(&b, lt,
                             eo_rw_mk_bin(&b, "arith.ceildivui",
                                    eo_rw_mk_bin(&b, "arith.subi", ubv, lbv),
                                    stepv),
                             zero);
    eo_value *rem = eo_rw_mk_bin(&b, "arith.remui", tc, cf);
    eo_value *even = eo_rw_mk_bin(&b, "arith.subi", tc, rem);
    eo_value *uub = eo_rw_mk_bin(&b, "arith.subi", ubv,
                           eo_rw_mk_bin(&b, "arith.muli", rem, stepv));
    eo_value *elb = eo_rw_mk_select(&b, eo_rw_mk_cmp(&b, ARITH_CMPI_EQ, rem, zero), ubv,
                              eo_rw_mk_bin(&b, "arith.addi", lbv,
                                     eo_rw_mk_bin(&b, "arith.muli", even, stepv)));
    eo_value *ustep = !cstep ? eo_rw_mk_bin(&b, "arith.muli", stepv, cf)
                      : step == 1 ? cf : eo_rw_mk_const(&b, t, step * factor);
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
    return unroll_by(u, loop, factor, uub, ustep, stepj, elb);
}

static eo_status
run_unroll(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    unroller u;
    memset(&u, 0, sizeof u);
    u.ctx = eo_pass_ctx_ctx(pc);
    u.knobs = eo_pass_ctx_knobs(pc);
    u.for_def = eo_op_def_lookup(u.ctx, "scf.for", 7);
    u.yield_def = eo_op_def_lookup(u.ctx, "scf.yield", 9);
    if (!u.for_def || !u.yield_def || !eo_op_def_lookup(u.ctx,
                                                        "arith.addi", 10)) {
        eo_pass_ctx_mark_unchanged(pc);
        return EO_OK;                 /* no scf/arith: nothing to unroll */
    }
    /* Post-order: inner loops first. */
    if (eo_op_walk(op, EO_WALK_POST, collect_loop, &u) || u.oom) {
        free(u.loops);
        return EO_NOMEM;
    }
    eo_status st = EO_OK;
    for (size_t i = 0; i < u.num_loops && st == EO_OK; i++) {
        eo_op *loop = u.loops[i];
        if (!unrollable(&u, loop))
            continue;
        int64_t f = eo_knob_ask(u.knobs, "unroll", loop, "factor",
                                &factor_domain, 1, "unroll");
        if (f <= 1)
            continue;
        st = unroll_loop(&u, loop, (unsigned)f);
        u.changed = true;
    }
    free(u.loops);
    if (st == EO_OK && !u.changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

const eo_pass_def eo_pass_unroll = {
    .name = "unroll",
    .description = "Unroll scf.for loops by a per-loop factor knob "
                   "(unroll.<site>.factor)",
    .anchor = NULL,
    .options = NULL,
    .num_options = 0,
    .options_size = 0,
    .run = run_unroll,
};

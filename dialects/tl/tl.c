/* dialects/tl/tl.c - the tl dialect's table, tl.generic and tl.yield, the
 * syntax every structured tl op shares (linalg's):
 *
 *   %r = tl.op {attrs} ins(%a, %b : ta, tb) outs(%c : tc) [{body}] -> tc
 *
 * and the checks shared by the generic op and the named ops (operand
 * groups, tensor/memref semantics, indexing maps against shapes). The
 * named ops' own checks and their generic forms are in tl_named.c.
 */
#include "dialects/tl/tl_internal.h"

#include "dialects/math/math.h"

#include <stdio.h>
#include <string.h>

static const eo_op_def tl_ops[TL_NUM_OPS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

const eo_type *
tl_elem_type(const eo_type *t)
{
    return eo_type_elem_or_self(t);
}

size_t
tl_rank(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    if (k == EO_TYPE_TENSOR || k == EO_TYPE_MEMREF)
        return eo_type_rank(t);
    return 0;
}

void
tl_type_str(const eo_type *t, char *buf, size_t size)
{
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    if (b.oom || !b.data)
        snprintf(buf, size, "<type>");
    else
        snprintf(buf, size, "%.*s", (int)b.len, b.data);
    eo_strbuf_free(&b);
}

enum tl_op
tl_op_kind(const eo_op *op)
{
    const eo_op_def *d = op ? eo_op_get_def(op) : NULL;
    if (d >= tl_ops && d < tl_ops + TL_NUM_OPS)
        return (enum tl_op)(d - tl_ops);
    return TL_NUM_OPS;
}

const eo_op_def *
tl_op_def(enum tl_op op)
{
    return op < TL_NUM_OPS ? &tl_ops[op] : NULL;
}

static bool
group(const eo_op *op, size_t g, size_t *start, size_t *len)
{
    enum tl_op k = tl_op_kind(op);
    if (k == TL_NUM_OPS || k == TL_YIELD)
        return false;
    return eo_op_operand_segment(op, g, start, len);
}

size_t
eo_tl_num_ins(const eo_op *op)
{
    size_t s, n;
    return group(op, 0, &s, &n) ? n : 0;
}

size_t
eo_tl_num_outs(const eo_op *op)
{
    size_t s, n;
    return group(op, 1, &s, &n) ? n : 0;
}

eo_value *
eo_tl_in(const eo_op *op, size_t i)
{
    size_t s, n;
    return group(op, 0, &s, &n) && i < n ? eo_op_operand(op, s + i) : NULL;
}

eo_value *
eo_tl_out(const eo_op *op, size_t i)
{
    size_t s, n;
    return group(op, 1, &s, &n) && i < n ? eo_op_operand(op, s + i) : NULL;
}

/* ------------------------------------------------------------------ */
/* Shared checks                                                       */
/* ------------------------------------------------------------------ */

static bool
is_scalar(const eo_type *t)
{
    return eo_type_is_int_or_index(t) || eo_type_is_float(t);
}

eo_status
tl_verify_structured(eo_op *op, size_t nins, size_t nouts)
{
    size_t ni = eo_tl_num_ins(op), no = eo_tl_num_outs(op);
    if (nins != (size_t)-1 && ni != nins)
        return eo_op_error(op, "expects %zu ins, got %zu", nins, ni);
    if (nouts != (size_t)-1 && no != nouts)
        return eo_op_error(op, "expects %zu outs, got %zu", nouts, no);
    if (no == 0)
        return eo_op_error(op, "expects at least one out");
    if (ni + no > EO_TL_MAX_OPERANDS)
        return eo_op_error(op, "supports at most %d operands",
                           EO_TL_MAX_OPERANDS);
    bool tensors = false, memrefs = false;
    for (size_t i = 0; i < ni + no; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        eo_type_kind k = eo_type_get_kind(t);
        if (k == EO_TYPE_TENSOR)
            tensors = true;
        else if (k == EO_TYPE_MEMREF)
            memrefs = true;
        else if (i >= ni || !is_scalar(t))
            return eo_op_error(op, "expects %s #%zu to be a ranked tensor "
                               "or memref%s", i < ni ? "in" : "out",
                               i < ni ? i : i - ni,
                               i < ni ? " or a scalar" : "");
    }
    if (tensors && memrefs)
        return eo_op_error(op, "expects all shaped operands to be tensors "
                           "or all to be memrefs");
    size_t nres = eo_op_num_results(op);
    if (memrefs) {
        if (nres)
            return eo_op_error(op, "expects no results on memrefs, got %zu",
                               nres);
        return EO_OK;
    }
    if (nres != no)
        return eo_op_error(op, "expects one result per tensor out (%zu), "
                           "got %zu", no, nres);
    for (size_t i = 0; i < no; i++)
        if (eo_value_type(eo_op_result(op, i))
            != eo_value_type(eo_tl_out(op, i)))
            return eo_op_error(op, "expects result #%zu to have the type of "
                               "out #%zu", i, i);
    return EO_OK;
}

/* d0 + 2 * d1 + 3 and the like: the value only grows with each dim, so
 * its largest value over the loop ranges is at the upper bounds. */
static bool
monotone(const eo_affine_expr *e)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM:
        return true;
    case EO_AFFINE_CONST:
        return eo_affine_expr_value(e) >= 0;
    case EO_AFFINE_ADD:
        return monotone(eo_affine_expr_lhs(e))
               && monotone(eo_affine_expr_rhs(e));
    case EO_AFFINE_MUL:
        return monotone(eo_affine_expr_lhs(e))
               && eo_affine_expr_kind(eo_affine_expr_rhs(e))
                      == EO_AFFINE_CONST
               && eo_affine_expr_value(eo_affine_expr_rhs(e)) >= 0;
    default:
        return false;
    }
}

/* Whether every dim 'e' uses has a known bound. */
static bool
bounds_known(const eo_affine_expr *e, const int64_t *bound)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM:
        return bound[eo_affine_expr_pos(e)] > 0;
    case EO_AFFINE_CONST:
        return true;
    case EO_AFFINE_SYMBOL:
        return false;
    default:
        return bounds_known(eo_affine_expr_lhs(e), bound)
               && bounds_known(eo_affine_expr_rhs(e), bound);
    }
}

static eo_status
check_iterators(eo_op *op, const eo_attr *iters)
{
    static const char msg[] = "expects 'iterator_types' to be an array of "
                              "\"parallel\" or \"reduction\" strings";
    if (!iters || eo_attr_get_kind(iters) != EO_ATTR_ARRAY)
        return eo_op_error(op, msg);
    for (size_t i = 0; i < eo_attr_array_size(iters); i++) {
        const eo_attr *a = eo_attr_array_at(iters, i);
        size_t len;
        const char *s;
        if (eo_attr_get_kind(a) != EO_ATTR_STRING)
            return eo_op_error(op, msg);
        s = eo_attr_string(a, &len);
        if (!((len == 8 && !memcmp(s, "parallel", 8))
              || (len == 9 && !memcmp(s, "reduction", 9))))
            return eo_op_error(op, msg);
    }
    if (eo_attr_array_size(iters) > EO_TL_MAX_LOOPS)
        return eo_op_error(op, "supports at most %d loops", EO_TL_MAX_LOOPS);
    return EO_OK;
}

/* Each map's shape against its operand's type; fills the loop bounds
 * that plain dims give (-1: unknown) and which dims appear plainly. */
static eo_status
check_map_shapes(eo_op *op, const eo_attr *maps, size_t nloops,
                 const eo_type *const *types, int64_t *bound, bool *plain)
{
    size_t from[EO_TL_MAX_LOOPS] = {0};
    for (size_t i = 0; i < eo_attr_array_size(maps); i++) {
        const eo_affine_map *m = eo_attr_affine_map(eo_attr_array_at(maps,
                                                                     i));
        size_t rank = tl_rank(types[i]);
        if (eo_affine_map_num_dims(m) != nloops)
            return eo_op_error(op, "expects indexing map #%zu to have %zu "
                               "dimensions (one per iterator type), got %u",
                               i, nloops, eo_affine_map_num_dims(m));
        if (eo_affine_map_num_symbols(m))
            return eo_op_error(op, "expects indexing map #%zu to have no "
                               "symbols", i);
        if (eo_affine_map_num_results(m) != rank)
            return eo_op_error(op, "expects indexing map #%zu to have %zu "
                               "results (the rank of operand #%zu), got %zu",
                               i, rank, i, eo_affine_map_num_results(m));
        for (size_t j = 0; j < rank; j++) {
            const eo_affine_expr *e = eo_affine_map_result(m, j);
            if (eo_affine_expr_kind(e) != EO_AFFINE_DIM)
                continue;
            unsigned d = eo_affine_expr_pos(e);
            int64_t sz = eo_type_dim(types[i], j);
            plain[d] = true;
            if (sz == EO_DYNAMIC)
                continue;
            if (bound[d] >= 0 && bound[d] != sz)
                return eo_op_error(op, "inferred loop bound mismatch: d%u is "
                                   "%lld in operand #%zu and %lld in operand "
                                   "#%zu", d, (long long)bound[d], from[d],
                                   (long long)sz, i);
            bound[d] = sz;
            from[d] = i;
        }
    }
    return EO_OK;
}

/* The optional "loop_bounds": one entry per loop, a positive static
 * size or 0 (derived from the shapes). */
static eo_status
apply_loop_bounds(eo_op *op, const eo_attr *lb, size_t nloops,
                  int64_t *bound, bool *plain)
{
    if (!lb)
        return EO_OK;
    if (eo_attr_get_kind(lb) != EO_ATTR_DENSE_ARRAY
        || !eo_type_is_signless_int(eo_attr_dense_array_elem(lb), 64)
        || eo_attr_dense_array_size(lb) != nloops)
        return eo_op_error(op, "expects 'loop_bounds' to be an array<i64> "
                           "with one entry per loop");
    for (size_t d = 0; d < nloops; d++) {
        int64_t v = eo_attr_dense_array_int(lb, d);
        if (v < 0)
            return eo_op_error(op, "expects 'loop_bounds' entries to be "
                               "positive sizes or 0 (derived from shapes)");
        if (!v)
            continue;
        if (bound[d] >= 0 && bound[d] != v)
            return eo_op_error(op, "inferred loop bound mismatch: d%zu is "
                               "%lld in 'loop_bounds' and %lld from the "
                               "operands", d, (long long)v,
                               (long long)bound[d]);
        bound[d] = v;
        plain[d] = true;
    }
    return EO_OK;
}

eo_status
tl_verify_maps(eo_op *op, const eo_attr *maps, const eo_attr *iters,
               const eo_attr *lb, size_t n, const eo_type *const *types)
{
    if (!maps || eo_attr_get_kind(maps) != EO_ATTR_ARRAY)
        return eo_op_error(op, "expects 'indexing_maps' to be an array of "
                           "affine maps");
    for (size_t i = 0; i < eo_attr_array_size(maps); i++)
        if (eo_attr_get_kind(eo_attr_array_at(maps, i)) != EO_ATTR_AFFINE_MAP)
            return eo_op_error(op, "expects 'indexing_maps' to be an array "
                               "of affine maps");
    if (check_iterators(op, iters) != EO_OK)
        return EO_ERROR;
    if (eo_attr_array_size(maps) != n)
        return eo_op_error(op, "expects as many indexing maps (%zu) as "
                           "operands (%zu)", eo_attr_array_size(maps), n);
    size_t nloops = eo_attr_array_size(iters);
    int64_t bound[EO_TL_MAX_LOOPS];
    bool plain[EO_TL_MAX_LOOPS] = {false};
    for (size_t d = 0; d < EO_TL_MAX_LOOPS; d++)
        bound[d] = -1;
    if (check_map_shapes(op, maps, nloops, types, bound, plain) != EO_OK
        || apply_loop_bounds(op, lb, nloops, bound, plain) != EO_OK)
        return EO_ERROR;
    for (size_t d = 0; d < nloops; d++)
        if (!plain[d])
            return eo_op_error(op, "expects loop dimension d%zu to appear "
                               "alone in some indexing map result or to have "
                               "a 'loop_bounds' entry", d);
    int64_t hi[EO_TL_MAX_LOOPS];
    for (size_t d = 0; d < nloops; d++)
        hi[d] = bound[d] - 1;
    for (size_t i = 0; i < n; i++) {
        const eo_affine_map *m = eo_attr_affine_map(eo_attr_array_at(maps,
                                                                     i));
        for (size_t j = 0; j < tl_rank(types[i]); j++) {
            const eo_affine_expr *e = eo_affine_map_result(m, j);
            int64_t sz = eo_type_dim(types[i], j), top;
            if (sz == EO_DYNAMIC || eo_affine_expr_kind(e) == EO_AFFINE_DIM
                || !monotone(e) || !bounds_known(e, bound)
                || !eo_affine_expr_eval(e, hi, NULL, &top))
                continue;
            if (top >= sz)
                return eo_op_error(op, "expects operand #%zu to be accessed "
                                   "in bounds: dimension %zu is indexed up "
                                   "to %lld but has size %lld", i, j,
                                   (long long)top, (long long)sz);
        }
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* tl.generic                                                          */
/* ------------------------------------------------------------------ */

static eo_status
verify_generic(eo_op *op)
{
    if (tl_verify_structured(op, (size_t)-1, (size_t)-1) != EO_OK)
        return EO_ERROR;
    size_t n = eo_op_num_operands(op), nins = eo_tl_num_ins(op);
    const eo_type *types[EO_TL_MAX_OPERANDS];
    for (size_t i = 0; i < n; i++)
        types[i] = eo_value_type(eo_op_operand(op, i));
    const eo_attr *maps = eo_op_attr(op, "indexing_maps");
    if (tl_verify_maps(op, maps, eo_op_attr(op, "iterator_types"),
                       eo_op_attr(op, "loop_bounds"), n, types) != EO_OK)
        return EO_ERROR;
    for (size_t i = nins; i < n; i++) {
        const eo_affine_map *m = eo_attr_affine_map(eo_attr_array_at(maps,
                                                                     i));
        uint32_t seen = 0;
        for (size_t j = 0; j < eo_affine_map_num_results(m); j++) {
            const eo_affine_expr *e = eo_affine_map_result(m, j);
            unsigned d = eo_affine_expr_kind(e) == EO_AFFINE_DIM
                             ? eo_affine_expr_pos(e) : 32;
            if (d >= 32 || (seen & (1u << d)))
                return eo_op_error(op, "expects the indexing map of out #%zu "
                                   "to be a projected permutation (distinct "
                                   "plain dimensions)", i - nins);
            seen |= 1u << d;
        }
    }
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    if (!body)
        return eo_op_error(op, "expects a body block");
    if (eo_block_num_args(body) != n)
        return eo_op_error(op, "expects the body to have %zu arguments (one "
                           "per operand), got %zu", n,
                           eo_block_num_args(body));
    for (size_t i = 0; i < n; i++) {
        const eo_type *want = tl_elem_type(types[i]);
        const eo_type *got = eo_value_type(eo_block_arg(body, i));
        if (want != got) {
            char w[128], g[128];
            tl_type_str(want, w, sizeof w);
            tl_type_str(got, g, sizeof g);
            return eo_op_error(op, "expects body argument #%zu to have type "
                               "%s (the element type of operand #%zu), got "
                               "%s", i, w, i, g);
        }
    }
    return EO_OK;
}

static eo_status
verify_generic_regions(eo_op *op)
{
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    eo_op *y = body ? eo_block_terminator(body) : NULL;
    if (!y || tl_op_kind(y) != TL_YIELD)
        return eo_op_error(op, "expects the body to end with 'tl.yield'");
    size_t nouts = eo_tl_num_outs(op);
    if (eo_op_num_operands(y) != nouts)
        return eo_op_error(op, "expects 'tl.yield' to yield %zu values (one "
                           "per out), got %zu", nouts, eo_op_num_operands(y));
    for (size_t i = 0; i < nouts; i++) {
        const eo_type *want = tl_elem_type(eo_value_type(eo_tl_out(op, i)));
        const eo_type *got = eo_value_type(eo_op_operand(y, i));
        if (want != got) {
            char w[128], g[128];
            tl_type_str(want, w, sizeof w);
            tl_type_str(got, g, sizeof g);
            return eo_op_error(op, "expects yielded value #%zu to have type "
                               "%s (the element type of out #%zu), got %s",
                               i, w, i, g);
        }
    }
    return EO_OK;
}

static eo_status
verify_yield(eo_op *op)
{
    eo_op *parent = eo_op_parent(op);
    if (!parent || tl_op_kind(parent) != TL_GENERIC)
        return eo_op_error(op, "expects parent op 'tl.generic'");
    return EO_OK;
}

eo_op *
eo_tl_generic_build(eo_rewriter *rw, size_t nins, eo_value *const *ins,
                    size_t nouts, eo_value *const *outs, const eo_attr *maps,
                    const eo_attr *iterators)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_loc *loc = rw->root ? eo_op_loc(rw->root)
                                 : rw->b.loc ? rw->b.loc : eo_loc_unknown(ctx);
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &tl_ops[TL_GENERIC], loc);
    int32_t seg[2] = {(int32_t)nins, (int32_t)nouts};
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_attr *sa = i32 ? eo_attr_get_dense_array(ctx, i32, 2, seg)
                            : NULL;
    eo_region *r = eo_op_state_add_region(&st);
    eo_block *b = eo_block_create(ctx);
    if (!sa || !r || !b || !maps || !iterators
        || eo_op_state_add_operands(&st, nins, ins) != EO_OK
        || eo_op_state_add_operands(&st, nouts, outs) != EO_OK
        || eo_op_state_set_attr(&st, "operandSegmentSizes", sa) != EO_OK
        || eo_op_state_set_attr(&st, "indexing_maps", maps) != EO_OK
        || eo_op_state_set_attr(&st, "iterator_types", iterators) != EO_OK)
        goto fail;
    eo_region_append(r, b);
    for (size_t i = 0; i < nins + nouts; i++) {
        eo_value *v = i < nins ? ins[i] : outs[i - nins];
        if (!eo_block_add_arg(b, tl_elem_type(eo_value_type(v)), loc))
            goto fail_block;
    }
    for (size_t i = 0; i < nouts; i++)
        if (eo_type_get_kind(eo_value_type(outs[i])) == EO_TYPE_TENSOR
            && eo_op_state_add_result(&st, eo_value_type(outs[i])) != EO_OK)
            goto fail_block;
    eo_op *op = eo_rewriter_create(rw, &st);
    if (!op)
        eo_emit_error(ctx, loc, "out of memory building 'tl.generic'");
    return op;
fail:
    if (b)
        eo_block_destroy(b);
fail_block:
    eo_op_state_release(&st);
    eo_emit_error(ctx, loc, "out of memory building 'tl.generic'");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Syntax                                                              */
/* ------------------------------------------------------------------ */

static void
print_group(eo_printer *p, eo_op *op, size_t g, const char *kw)
{
    size_t start, len;
    if (!eo_op_operand_segment(op, g, &start, &len) || !len)
        return;
    eo_print_fmt(p, " %s(", kw);
    eo_print_operands(p, op, start, len);
    eo_print_str(p, " : ");
    for (size_t i = 0; i < len; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, start + i)));
    }
    eo_print_str(p, ")");
}

static void
print_structured(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"operandSegmentSizes", NULL};
    eo_print_attr_dict(p, op, elided);
    print_group(p, op, 0, "ins");
    print_group(p, op, 1, "outs");
    if (eo_op_num_regions(op) == 1) {
        eo_print_str(p, " ");
        eo_print_region(p, eo_op_region(op, 0), true, true);
    }
    size_t n = eo_op_num_results(op);
    if (n) {
        eo_print_str(p, " -> ");
        for (size_t i = 0; i < n; i++) {
            if (i)
                eo_print_str(p, ", ");
            eo_print_type(p, eo_value_type(eo_op_result(op, i)));
        }
    }
}

/* "kw(%a, %b : ta, tb)" if present; *n gets the operand count. */
static eo_status
parse_group(eo_parser *p, eo_op_state *st, const char *kw, size_t *n)
{
    eo_operand_ref *refs;
    const eo_type **types;
    size_t nt;
    eo_status s;
    *n = 0;
    if (!eo_parse_optional_keyword(p, kw))
        return EO_OK;
    if ((s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    if ((s = eo_parse_operand_list(p, &refs, n)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type_list(p, &types, &nt)) != EO_OK)
        return s;
    if (nt != *n)
        return eo_parser_error(p, "expected %zu types in '%s', got %zu", *n,
                               kw, nt);
    if ((s = eo_parse_resolve_operands(p, refs, *n, types, nt, st)) != EO_OK)
        return s;
    return eo_parse_punct(p, ")");
}

static eo_status
parse_structured(eo_parser *p, eo_op_state *st)
{
    size_t nins, nouts;
    eo_status s;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = parse_group(p, st, "ins", &nins)) != EO_OK
        || (s = parse_group(p, st, "outs", &nouts)) != EO_OK)
        return s;
    int32_t seg[2] = {(int32_t)nins, (int32_t)nouts};
    const eo_type *i32 = eo_type_get_int(st->ctx, 32);
    const eo_attr *sa = i32 ? eo_attr_get_dense_array(st->ctx, i32, 2, seg)
                            : NULL;
    if (!sa)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "operandSegmentSizes", sa)) != EO_OK)
        return s;
    if (st->def && st->def->regions == 1) {
        eo_region *r = eo_op_state_add_region(st);
        if (!r)
            return EO_NOMEM;
        if ((s = eo_parse_region(p, r, NULL, 0)) != EO_OK)
            return s;
    }
    if (eo_parse_optional_punct(p, "->")) {
        const eo_type **types;
        size_t nt;
        if ((s = eo_parse_type_list(p, &types, &nt)) != EO_OK
            || (s = eo_op_state_add_results(st, nt, types)) != EO_OK)
            return s;
    }
    return EO_OK;
}

static void
print_yield(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    eo_print_attr_dict(p, op, NULL);
    if (!n)
        return;
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, n);
    eo_print_str(p, " : ");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, i)));
    }
}

static eo_status
parse_yield(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs;
    const eo_type **types;
    size_t n, nt;
    eo_status s;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    if (!eo_parser_at_operand(p))
        return EO_OK;
    if ((s = eo_parse_operand_list(p, &refs, &n)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type_list(p, &types, &nt)) != EO_OK)
        return s;
    if (nt != n)
        return eo_parser_error(p, "expected %zu types, got %zu", n, nt);
    return eo_parse_resolve_operands(p, refs, n, types, nt, st);
}

/* ------------------------------------------------------------------ */
/* Table                                                               */
/* ------------------------------------------------------------------ */

/* Structured ops read their ins and (on memrefs) write their outs; on
 * tensors they have no effect, but the traits are static, so they are
 * conservatively marked as both. */
#define TL_TRAITS (EO_MEM_READ | EO_MEM_WRITE | EO_ATTR_SIZED_OPERANDS)
#define NAMED(e, n, v, req, opt)                                          \
    [e] = { .name = n, .operands = EO_VARIADIC, .results = EO_VARIADIC,   \
            .traits = TL_TRAITS, .attrs = req, .opt_attrs = opt,          \
            .verify = v, .print = print_structured,                       \
            .parse = parse_structured }

static const eo_op_def tl_ops[TL_NUM_OPS] = {
    [TL_GENERIC] = { .name = "tl.generic", .operands = EO_VARIADIC,
                     .results = EO_VARIADIC, .regions = 1,
                     .traits = TL_TRAITS | EO_SINGLE_BLOCK
                               | EO_RECURSIVE_EFFECTS,
                     .attrs = EO_ATTRS("indexing_maps", "iterator_types"),
                     .opt_attrs = EO_ATTRS("loop_bounds"),
                     .verify = verify_generic,
                     .verify_regions = verify_generic_regions,
                     .print = print_structured, .parse = parse_structured },
    [TL_YIELD] = { .name = "tl.yield", .operands = EO_VARIADIC,
                   .results = 0,
                   .traits = EO_PURE | EO_TERMINATOR | EO_RETURN_LIKE,
                   .verify = verify_yield, .print = print_yield,
                   .parse = parse_yield },
    NAMED(TL_MATMUL, "tl.matmul", tl_verify_matmul, NULL,
          EO_ATTRS("lhs_zp", "rhs_zp")),
    NAMED(TL_CONV2D, "tl.conv2d", tl_verify_conv2d, NULL,
          EO_ATTRS("layout", "strides", "dilations", "input_zp",
                   "filter_zp")),
    NAMED(TL_DEPTHWISE_CONV2D, "tl.depthwise_conv2d", tl_verify_depthwise,
          NULL, EO_ATTRS("layout", "strides", "dilations", "input_zp",
                         "filter_zp")),
    NAMED(TL_POOL, "tl.pool", tl_verify_pool, EO_ATTRS("kind", "window"),
          EO_ATTRS("layout", "strides", "dilations")),
    NAMED(TL_ELEMENTWISE, "tl.elementwise", tl_verify_elementwise,
          EO_ATTRS("kind"), NULL),
    NAMED(TL_FILL, "tl.fill", tl_verify_fill, NULL, NULL),
    NAMED(TL_COPY, "tl.copy", tl_verify_copy, NULL, NULL),
    NAMED(TL_PACK, "tl.pack", tl_verify_pack,
          EO_ATTRS("inner_dims_pos", "inner_tiles"),
          EO_ATTRS("outer_dims_perm", "padding_value")),
    NAMED(TL_REQUANTIZE, "tl.requantize", tl_verify_requantize,
          EO_ATTRS("multiplier", "shift"),
          EO_ATTRS("output_zp", "channel_dim")),
};

eo_status
tl_register(eo_ctx *ctx)
{
    eo_status s = math_register(ctx);
    if (s != EO_OK)
        return s;
    return eo_dialect_register(ctx, "tl", tl_ops, TL_NUM_OPS);
}

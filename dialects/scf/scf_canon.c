/* dialects/scf/scf_canon.c - canonicalization patterns and folds of the
 * scf dialect, with MLIR 19's names and behaviour:
 *
 *   scf.for           trivial loops (no or one iteration, empty bodies),
 *                     iter_args that are forwarded or unused
 *   scf.if            static conditions, unused results, empty else,
 *                     trivial yields to arith.select, results equal to
 *                     the condition, condition propagation, combining
 *                     consecutive ifs on one condition, nested ifs; fold
 *                     of a negated condition
 *   scf.execute_region  inlining (single block, or into a CFG region)
 *   scf.while         loop-invariant arguments and values, condition
 *                     truth, unused/duplicated results and arguments,
 *                     argument order
 *   scf.parallel      dimensions with zero or one iteration
 *   scf.index_switch  constant selector
 */
#include "dialects/scf/scf_internal.h"

#include "dialects/arith/arith.h"
#include "dialects/cf/cf.h"
#include "dialects/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* A list of types in the context's arena. */
typedef struct types {
    eo_ctx *ctx;
    const eo_type **v;
    size_t n, cap;
} types;

static bool
types_init(types *t, eo_ctx *ctx, size_t cap)
{
    t->ctx = ctx;
    t->n = 0;
    t->cap = cap ? cap : 1;
    t->v = eo_ctx_alloc(ctx, t->cap * sizeof(*t->v));
    return t->v != NULL;
}

static void
types_fini(types *t)
{
    if (t->v)
        eo_ctx_free(t->ctx, t->v, t->cap * sizeof(*t->v));
    t->v = NULL;
}

/* Whether 'op' is nested (at any depth) in region 'r'. */
static bool
op_in_region(eo_op *op, const eo_region *r)
{
    for (eo_region *p = eo_op_parent_region(op); p;) {
        if (p == r)
            return true;
        eo_op *po = eo_region_parent_op(p);
        p = po ? eo_op_parent_region(po) : NULL;
    }
    return false;
}

/* MLIR's Value::getParentRegion. */
static eo_region *
value_region(eo_value *v)
{
    if (eo_value_is_block_arg(v))
        return eo_block_region(eo_value_owner_block(v));
    return eo_op_parent_region(eo_value_def_op(v));
}

/* The constant integer behind 'v' (scalar), or NULL. */
static const eo_attr *
int_cst(eo_value *v)
{
    const eo_attr *a = eo_value_constant(v);
    return a && eo_attr_get_kind(a) == EO_ATTR_INTEGER ? a : NULL;
}

/* Whether 'v' is a constant i1 (MLIR's BoolAttr); its value in *b. */
static bool
bool_cst(eo_value *v, bool *b)
{
    const eo_attr *a = int_cst(v);
    const eo_type *t = a ? eo_attr_type(a) : NULL;
    if (!t || !eo_type_is_int(t) || eo_type_is_index(t) ||
        eo_type_int_width(t) != 1)
        return false;
    *b = (eo_attr_int_uvalue(a) & 1) != 0;
    return true;
}

static bool
is_one(eo_value *v)
{
    const eo_attr *a = int_cst(v);
    if (!a)
        return false;
    size_t n = eo_attr_int_num_words(a);
    const uint64_t *w = eo_attr_int_words(a);
    if (!n || w[0] != 1)
        return false;
    for (size_t i = 1; i < n; i++)
        if (w[i])
            return false;
    return true;
}

/* Width in bits of an integer or index type (index: 64). */
static unsigned
int_width(const eo_type *t)
{
    if (eo_type_is_index(t))
        return 64;
    return eo_type_is_int(t) ? eo_type_int_width(t) : 0;
}

/* x as a 'w'-bit two's complement number, sign-extended (w <= 64). */
static int64_t
sext(uint64_t x, unsigned w)
{
    if (w == 0 || w >= 64)
        return (int64_t)x;
    uint64_t m = 1ull << (w - 1);
    x &= (m << 1) - 1;
    return (int64_t)((x ^ m) - m);
}

static eo_value *
make_bool(eo_rewriter *rw, eo_op *root, bool v)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_attr *a = eo_attr_get_bool(ctx, v);
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, arith_op_def(ARITH_CONSTANT),
                         eo_op_loc(root));
    if (!a || eo_op_state_add_result(&st, eo_attr_type(a)) != EO_OK ||
        eo_op_state_set_attr(&st, "value", a) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *c = eo_rewriter_create(rw, &st);
    return c ? eo_op_result(c, 0) : NULL;
}

/* arith op 'k' with operands ops[0..n) and one result like ops[1]. */
static eo_value *
make_arith(eo_rewriter *rw, eo_op *root, enum arith_op k, size_t n,
           eo_value *const *ops)
{
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), arith_op_def(k),
                         eo_op_loc(root));
    if (eo_op_state_add_operands(&st, n, ops) != EO_OK ||
        eo_op_state_add_result(&st, eo_value_type(ops[1])) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *s = eo_rewriter_create(rw, &st);
    return s ? eo_op_result(s, 0) : NULL;
}

/* Sets the operands of terminator 'y' to v[0..n), telling the rewriter. */
static eo_status
set_operands(eo_rewriter *rw, eo_op *y, size_t n, eo_value *const *v)
{
    eo_rewriter_modify_begin(rw, y);
    eo_status st = eo_op_set_operands(y, n, v);
    eo_rewriter_modify_end(rw, y);
    return st;
}

/* MLIR's replaceOpWithRegion: moves the single block 'b' (its arguments
 * replaced by args) before 'op', replaces op's results with what b's
 * terminator yields, and erases the terminator. */
static eo_rewrite_result
replace_with_block(eo_rewriter *rw, eo_op *op, eo_block *b,
                   eo_value *const *args, size_t nargs)
{
    eo_op *term = eo_block_last(b);
    vals res;
    vals_init(&res, eo_op_ctx(op));
    if (!term || eo_op_num_operands(term) != eo_op_num_results(op) ||
        eo_block_num_args(b) != nargs)
        return EO_REWRITE_NO_MATCH;
    /* Reserve first: the operands are read after inlining, when the
     * block's arguments in them have become args[]. */
    for (size_t i = 0; i < eo_op_num_operands(term); i++)
        vals_push(&res, NULL);
    if (res.nomem) {
        vals_fini(&res);
        return EO_REWRITE_FAILED;
    }
    eo_rewriter_inline_block_before(rw, b, op, args, nargs);
    for (size_t i = 0; i < res.n; i++)
        res.v[i] = eo_op_operand(term, i);
    eo_rewriter_replace_op(rw, op, res.v);
    eo_rewriter_erase_op(rw, term);
    vals_fini(&res);
    return EO_REWRITE_APPLIED;
}

/* Replaces op's results with the operands of 'src' (op itself, or e.g.
 * its terminator) from 'first' on. */
static eo_rewrite_result
replace_with_operands_of(eo_rewriter *rw, eo_op *op, eo_op *src,
                         size_t first)
{
    vals v;
    vals_init(&v, eo_op_ctx(op));
    vals_operands(&v, src, first);
    if (v.nomem || v.n != eo_op_num_results(op)) {
        bool nomem = v.nomem;
        vals_fini(&v);
        return nomem ? EO_REWRITE_FAILED : EO_REWRITE_NO_MATCH;
    }
    eo_rewriter_replace_op(rw, op, v.v);
    vals_fini(&v);
    return EO_REWRITE_APPLIED;
}

/* ------------------------------------------------------------------ */
/* scf.for                                                             */
/* ------------------------------------------------------------------ */

/* MLIR's computeConstDiff: ub - lb when both are constants, or when ub is
 * "arith.addi lb, c" (either order). */
static bool
const_diff(eo_value *lb, eo_value *ub, int64_t *diff)
{
    const eo_attr *l = int_cst(lb), *u = int_cst(ub);
    if (l && u) {
        unsigned w = int_width(eo_attr_type(u));
        if (!w || w > 64)
            return false;
        *diff = sext(eo_attr_int_uvalue(u) - eo_attr_int_uvalue(l), w);
        return true;
    }
    eo_op *add = eo_value_def_op(ub);
    if (!add || !eo_op_is(add, arith_op_def(ARITH_ADDI)))
        return false;
    for (int side = 0; side < 2; side++) {
        const eo_attr *c = int_cst(eo_op_operand(add, (size_t)(1 - side)));
        if (eo_op_operand(add, (size_t)side) != lb || !c)
            continue;
        unsigned w = int_width(eo_attr_type(c));
        if (!w || w > 64)
            return false;
        *diff = eo_attr_int_value(c);
        return true;
    }
    return false;
}

/* Whether 'v' is defined outside loop 'op'. */
static bool
defined_outside(eo_value *v, eo_op *op)
{
    if (eo_value_is_block_arg(v)) {
        eo_op *p = eo_block_parent_op(eo_value_owner_block(v));
        return !p || !eo_op_is_inside(p, op);
    }
    return !eo_op_is_inside(eo_value_def_op(v), op);
}

/* SimplifyTrivialLoops: no iterations -> the inits; one iteration -> the
 * body inlined; an empty body yielding outer values -> those values. */
static eo_rewrite_result
for_trivial(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_block *body = scf_for_body(op);
    if (!body || eo_op_num_operands(op) < 3)
        return EO_REWRITE_NO_MATCH;
    eo_value *lb = eo_op_operand(op, 0), *ub = eo_op_operand(op, 1);
    if (lb == ub)
        return replace_with_operands_of(rw, op, op, 3);
    int64_t diff;
    if (!const_diff(lb, ub, &diff))
        return EO_REWRITE_NO_MATCH;
    if (diff <= 0)
        return replace_with_operands_of(rw, op, op, 3);
    const eo_attr *step = int_cst(eo_op_operand(op, 2));
    unsigned w = step ? int_width(eo_attr_type(step)) : 0;
    if (!w || w > 64)
        return EO_REWRITE_NO_MATCH;
    if (sext(eo_attr_int_uvalue(step), w) >= diff) {
        vals args;
        vals_init(&args, eo_op_ctx(op));
        vals_push(&args, lb);
        vals_operands(&args, op, 3);
        eo_rewrite_result r = args.nomem
            ? EO_REWRITE_FAILED
            : replace_with_block(rw, op, body, args.v, args.n);
        vals_fini(&args);
        return r;
    }
    eo_op *y = eo_block_first(body);
    if (!y || eo_op_next(y))
        return EO_REWRITE_NO_MATCH;
    for (size_t i = 0; i < eo_op_num_operands(y); i++)
        if (!defined_outside(eo_op_operand(y, i), op))
            return EO_REWRITE_NO_MATCH;
    return replace_with_operands_of(rw, op, y, 0);
}

/* ForOpIterArgsFolder: drops iter_args that the body yields unchanged,
 * unused ones whose init is yielded, and those that nothing uses (inside
 * or outside); their results become the inits. As in MLIR 19, a used
 * argument whose init is yielded stays. */
static eo_rewrite_result
for_iter_args(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    eo_block *body = scf_for_body(op);
    size_t n = eo_op_num_results(op);
    eo_op *y = body ? eo_block_last(body) : NULL;
    if (!y || n == 0 || eo_op_num_operands(op) != 3 + n ||
        eo_block_num_args(body) != 1 + n || eo_op_num_operands(y) != n)
        return EO_REWRITE_NO_MATCH;
    bool *fwd = eo_ctx_alloc(ctx, n * sizeof(*fwd));
    if (!fwd)
        return EO_REWRITE_FAILED;
    size_t nfwd = 0;
    for (size_t i = 0; i < n; i++) {
        eo_value *init = eo_op_operand(op, 3 + i);
        eo_value *arg = eo_block_arg(body, 1 + i);
        eo_value *yv = eo_op_operand(y, i);
        bool arg_unused = !eo_value_has_uses(arg);
        fwd[i] = arg == yv || (init == yv && arg_unused) ||
                 (arg_unused && !eo_value_has_uses(eo_op_result(op, i)));
        nfwd += fwd[i];
    }
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    vals repl;
    types rt;
    vals_init(&repl, ctx);
    if (!nfwd || !types_init(&rt, ctx, n - nfwd)) {
        eo_ctx_free(ctx, fwd, n * sizeof(*fwd));
        return nfwd ? EO_REWRITE_FAILED : EO_REWRITE_NO_MATCH;
    }
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, scf_op_def(SCF_FOR), eo_op_loc(op));
    eo_value *bounds[3] = { eo_op_operand(op, 0), eo_op_operand(op, 1),
                            eo_op_operand(op, 2) };
    eo_status s = eo_op_state_add_operands(&st, 3, bounds);
    for (size_t i = 0; i < n && s == EO_OK; i++) {
        if (fwd[i])
            continue;
        s = eo_op_state_add_operand(&st, eo_op_operand(op, 3 + i));
        rt.v[rt.n++] = eo_value_type(eo_op_result(op, i));
    }
    if (s == EO_OK)
        s = eo_op_state_add_results(&st, rt.n, rt.v);
    eo_region *reg = s == EO_OK ? eo_op_state_add_region(&st) : NULL;
    if (!reg) {
        eo_op_state_release(&st);
        r = EO_REWRITE_FAILED;
        goto done;
    }
    eo_region_take_body(reg, eo_op_region(op, 0));
    eo_builder_set_before(&rw->b, op);
    eo_op *nf = eo_rewriter_create(rw, &st);
    if (!nf) {
        r = EO_REWRITE_FAILED;
        goto done;
    }
    eo_op_set_discardable_attrs(nf, eo_op_discardable_attrs(op));
    r = EO_REWRITE_APPLIED;
    /* Drop the forwarded arguments from the yield and the body. */
    eo_rewriter_modify_begin(rw, y);
    for (size_t i = n; i-- > 0;)
        if (fwd[i])
            eo_op_erase_operand(y, i);
    eo_rewriter_modify_end(rw, y);
    for (size_t i = n; i-- > 0;) {
        if (!fwd[i])
            continue;
        eo_rewriter_replace_all_uses(rw, eo_block_arg(body, 1 + i),
                                     eo_op_operand(op, 3 + i));
        if (eo_block_erase_arg(body, 1 + i) != EO_OK) {
            r = EO_REWRITE_FAILED;
            goto done;
        }
    }
    for (size_t i = 0, k = 0; i < n; i++)
        vals_push(&repl, fwd[i] ? eo_op_operand(op, 3 + i)
                                : eo_op_result(nf, k++));
    if (repl.nomem) {
        r = EO_REWRITE_FAILED;
        goto done;
    }
    eo_rewriter_replace_op(rw, op, repl.v);
done:
    vals_fini(&repl);
    types_fini(&rt);
    eo_ctx_free(ctx, fwd, n * sizeof(*fwd));
    return r;
}

/* ------------------------------------------------------------------ */
/* scf.if                                                              */
/* ------------------------------------------------------------------ */

static eo_block *
then_block(eo_op *op)
{
    return eo_region_first(eo_op_region(op, 0));
}

static eo_block *
else_block(eo_op *op)
{
    return eo_region_first(eo_op_region(op, 1));
}

static eo_op *
yield_of(eo_block *b)
{
    eo_op *y = b ? eo_block_last(b) : NULL;
    return y && scf_op_kind(y) == SCF_YIELD ? y : NULL;
}

/* A new scf.if on 'cond' with result types t[0..n), taking the bodies of
 * 'then_r' and 'else_r' (either may be NULL: left empty). */
static eo_op *
make_if(eo_rewriter *rw, eo_op *root, eo_value *cond, size_t n,
        const eo_type *const *t, eo_region *then_r, eo_region *else_r)
{
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), scf_op_def(SCF_IF),
                         eo_op_loc(root));
    eo_region *r0 = NULL, *r1 = NULL;
    if (eo_op_state_add_operand(&st, cond) != EO_OK ||
        eo_op_state_add_results(&st, n, t) != EO_OK ||
        !(r0 = eo_op_state_add_region(&st)) ||
        !(r1 = eo_op_state_add_region(&st))) {
        eo_op_state_release(&st);
        return NULL;
    }
    if (then_r)
        eo_region_take_body(r0, then_r);
    if (else_r)
        eo_region_take_body(r1, else_r);
    return eo_rewriter_create(rw, &st);
}

/* scf.if's fold: if (xori %c, true) {A} else {B} -> if %c {B} else {A}. */
bool
scf_if_fold(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    eo_region *tr = eo_op_region(op, 0), *er = eo_op_region(op, 1);
    if (eo_region_empty(er))
        return false;
    eo_op *x = eo_value_def_op(eo_op_operand(op, 0));
    if (!x || !eo_op_is(x, arith_op_def(ARITH_XORI)) ||
        !is_one(eo_op_operand(x, 1)))
        return false;
    eo_op_set_operand(op, 0, eo_op_operand(x, 0));
    eo_region *tmp = eo_region_create(eo_op_ctx(op));
    if (!tmp)
        return false;
    eo_region_take_body(tmp, tr);
    eo_region_take_body(tr, er);
    eo_region_take_body(er, tmp);
    eo_region_destroy(tmp);
    return eo_fold_in_place(out);
}

/* RemoveStaticCondition: if %true/%false -> the taken region inlined (or
 * nothing). */
static eo_rewrite_result
if_static(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    bool c;
    if (!bool_cst(eo_op_operand(op, 0), &c))
        return EO_REWRITE_NO_MATCH;
    eo_block *b = c ? then_block(op) : else_block(op);
    if (b)
        return replace_with_block(rw, op, b, NULL, 0);
    if (eo_op_num_results(op))
        return EO_REWRITE_NO_MATCH;
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

/* Keeps operands of yield 'y' where keep[i]. */
static eo_status
filter_yield(eo_rewriter *rw, eo_op *y, const bool *keep)
{
    eo_rewriter_modify_begin(rw, y);
    for (size_t i = eo_op_num_operands(y); i-- > 0;)
        if (!keep[i])
            eo_op_erase_operand(y, i);
    eo_rewriter_modify_end(rw, y);
    return EO_OK;
}

/* RemoveUnusedResults: an scf.if without its unused results. */
static eo_rewrite_result
if_unused_results(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    size_t n = eo_op_num_results(op), used = 0;
    for (size_t i = 0; i < n; i++)
        used += eo_value_has_uses(eo_op_result(op, i));
    eo_op *ty = yield_of(then_block(op)), *ey = yield_of(else_block(op));
    if (used == n || !ty || !ey || eo_op_num_operands(ty) != n ||
        eo_op_num_operands(ey) != n)
        return EO_REWRITE_NO_MATCH;
    bool *keep = eo_ctx_alloc(ctx, n * sizeof(*keep));
    types rt;
    vals repl;
    vals_init(&repl, ctx);
    if (!keep || !types_init(&rt, ctx, used)) {
        if (keep)
            eo_ctx_free(ctx, keep, n * sizeof(*keep));
        return EO_REWRITE_FAILED;
    }
    for (size_t i = 0; i < n; i++) {
        keep[i] = eo_value_has_uses(eo_op_result(op, i));
        if (keep[i])
            rt.v[rt.n++] = eo_value_type(eo_op_result(op, i));
    }
    eo_rewrite_result r = EO_REWRITE_FAILED;
    eo_builder_set_before(&rw->b, op);
    eo_op *ni = make_if(rw, op, eo_op_operand(op, 0), rt.n, rt.v,
                        eo_op_region(op, 0), eo_op_region(op, 1));
    if (ni) {
        filter_yield(rw, ty, keep);
        filter_yield(rw, ey, keep);
        for (size_t i = 0, k = 0; i < n; i++)
            vals_push(&repl, keep[i] ? eo_op_result(ni, k++) : NULL);
        if (!repl.nomem) {
            /* Unused results have no uses: NULL replaces nothing. */
            for (size_t i = 0; i < n; i++)
                if (!repl.v[i])
                    repl.v[i] = eo_op_result(op, i);
            eo_rewriter_replace_op(rw, op, repl.v);
            r = EO_REWRITE_APPLIED;
        }
    }
    vals_fini(&repl);
    types_fini(&rt);
    eo_ctx_free(ctx, keep, n * sizeof(*keep));
    return r;
}

/* RemoveEmptyElseBranch: a result-less scf.if drops an else block that
 * only yields. */
static eo_rewrite_result
if_empty_else(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_block *eb = else_block(op);
    eo_op *y = eb ? eo_block_first(eb) : NULL;
    if (eo_op_num_results(op) || !y || eo_op_next(y))
        return EO_REWRITE_NO_MATCH;
    eo_rewriter_modify_begin(rw, op);
    eo_rewriter_erase_op(rw, y);
    eo_block_destroy(eb);
    eo_rewriter_modify_end(rw, op);
    return EO_REWRITE_APPLIED;
}

/* ConvertTrivialIfToSelect: results whose yields are defined outside the
 * branches become arith.select (or the common value); the scf.if keeps
 * the others. */
static eo_rewrite_result
if_to_select(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    size_t n = eo_op_num_results(op);
    eo_op *ty = yield_of(then_block(op)), *ey = yield_of(else_block(op));
    if (n == 0 || !ty || !ey || eo_op_num_operands(ty) != n ||
        eo_op_num_operands(ey) != n)
        return EO_REWRITE_NO_MATCH;
    eo_region *tr = eo_op_region(op, 0), *er = eo_op_region(op, 1);
    bool *keep = eo_ctx_alloc(ctx, n * sizeof(*keep));
    if (!keep)
        return EO_REWRITE_FAILED;
    size_t nkeep = 0;
    for (size_t i = 0; i < n; i++) {
        keep[i] = value_region(eo_op_operand(ty, i)) == tr ||
                  value_region(eo_op_operand(ey, i)) == er;
        nkeep += keep[i];
    }
    types rt;
    if (nkeep == n || !types_init(&rt, ctx, nkeep)) {
        eo_ctx_free(ctx, keep, n * sizeof(*keep));
        return nkeep == n ? EO_REWRITE_NO_MATCH : EO_REWRITE_FAILED;
    }
    for (size_t i = 0; i < n; i++)
        if (keep[i])
            rt.v[rt.n++] = eo_value_type(eo_op_result(op, i));
    eo_rewrite_result r = EO_REWRITE_FAILED;
    vals res;
    vals_init(&res, ctx);
    eo_value *cond = eo_op_operand(op, 0);
    eo_builder_set_before(&rw->b, op);
    eo_op *ni = make_if(rw, op, cond, rt.n, rt.v, tr, er);
    if (!ni)
        goto done;
    eo_builder_set_before(&rw->b, ni);
    for (size_t i = 0, k = 0; i < n; i++) {
        eo_value *t = eo_op_operand(ty, i), *f = eo_op_operand(ey, i);
        eo_value *ops[3] = { cond, t, f };
        eo_value *v = keep[i] ? eo_op_result(ni, k++)
                    : t == f  ? t
                              : make_arith(rw, op, ARITH_SELECT, 3, ops);
        if (!v)
            goto done;
        vals_push(&res, v);
    }
    if (res.nomem)
        goto done;
    filter_yield(rw, ty, keep);
    filter_yield(rw, ey, keep);
    eo_rewriter_replace_op(rw, op, res.v);
    r = EO_REWRITE_APPLIED;
done:
    vals_fini(&res);
    types_fini(&rt);
    eo_ctx_free(ctx, keep, n * sizeof(*keep));
    return r;
}

/* ReplaceIfYieldWithConditionOrValue: a result yielded identically by both
 * branches is that value; "true/false" yields are the condition, and
 * "false/true" yields its negation. */
static eo_rewrite_result
if_yield_cond(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    size_t n = eo_op_num_results(op);
    eo_op *ty = yield_of(eo_region_last(eo_op_region(op, 0)));
    eo_op *ey = yield_of(eo_region_last(eo_op_region(op, 1)));
    if (n == 0 || !ty || !ey || eo_op_num_operands(ty) != n ||
        eo_op_num_operands(ey) != n)
        return EO_REWRITE_NO_MATCH;
    eo_value *cond = eo_op_operand(op, 0);
    bool changed = false;
    eo_builder_set_before(&rw->b, op);
    for (size_t i = 0; i < n; i++) {
        eo_value *t = eo_op_operand(ty, i), *f = eo_op_operand(ey, i);
        eo_value *res = eo_op_result(op, i);
        bool tv, fv;
        if (t == f) {
            if (eo_value_has_uses(res)) {
                eo_rewriter_replace_all_uses(rw, res, t);
                changed = true;
            }
            continue;
        }
        if (!bool_cst(t, &tv) || !bool_cst(f, &fv) ||
            !eo_value_has_uses(res))
            continue;
        if (!tv && fv) {
            eo_value *one = make_bool(rw, op, true);
            eo_value *ops[2] = { cond, one };
            eo_value *x = one ? make_arith(rw, op, ARITH_XORI, 2, ops)
                              : NULL;
            if (!x)
                return EO_REWRITE_FAILED;
            eo_rewriter_replace_all_uses(rw, res, x);
            changed = true;
        } else if (tv && !fv) {
            eo_rewriter_replace_all_uses(rw, res, cond);
            changed = true;
        }
    }
    return changed ? EO_REWRITE_APPLIED : EO_REWRITE_NO_MATCH;
}

/* ConditionPropagation: inside the then (else) region the condition is
 * true (false). */
static eo_rewrite_result
if_cond_propagation(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *cond = eo_op_operand(op, 0);
    if (eo_value_constant(cond))
        return EO_REWRITE_NO_MATCH;
    eo_region *tr = eo_op_region(op, 0), *er = eo_op_region(op, 1);
    eo_value *kt = NULL, *kf = NULL;
    bool changed = false;
    eo_use *next;
    eo_builder_set_before(&rw->b, op);
    for (eo_use *u = eo_value_first_use(cond); u; u = next) {
        next = eo_use_next(u);
        eo_op *owner = eo_use_owner(u);
        eo_value **k;
        bool val;
        if (op_in_region(owner, tr)) {
            k = &kt;
            val = true;
        } else if (op_in_region(owner, er)) {
            k = &kf;
            val = false;
        } else {
            continue;
        }
        if (!*k && !(*k = make_bool(rw, op, val)))
            return EO_REWRITE_FAILED;
        changed = true;
        eo_rewriter_modify_begin(rw, owner);
        eo_op_set_operand(owner, eo_use_operand_index(u), *k);
        eo_rewriter_modify_end(rw, owner);
    }
    return changed ? EO_REWRITE_APPLIED : EO_REWRITE_NO_MATCH;
}

/* The condition of 'a' is the negation of 'b' ("xori b, true"). */
static bool
is_not_of(eo_value *a, eo_value *b)
{
    eo_op *x = eo_value_def_op(a);
    return x && eo_op_is(x, arith_op_def(ARITH_XORI)) &&
           eo_op_operand(x, 0) == b && is_one(eo_op_operand(x, 1));
}

/* Points uses of prev's results inside region 'r' at vals y[]. */
static void
forward_into(eo_rewriter *rw, eo_op *prev, eo_region *r, eo_op *y)
{
    for (size_t i = 0; i < eo_op_num_results(prev); i++) {
        eo_use *next;
        for (eo_use *u = eo_value_first_use(eo_op_result(prev, i)); u;
             u = next) {
            next = eo_use_next(u);
            eo_op *owner = eo_use_owner(u);
            if (!op_in_region(owner, r))
                continue;
            eo_rewriter_modify_begin(rw, owner);
            eo_op_set_operand(owner, eo_use_operand_index(u),
                              eo_op_operand(y, i));
            eo_rewriter_modify_end(rw, owner);
        }
    }
}

/* Appends the ops of 'src' (its yield merged into dst's: dst's operands
 * then src's) to block 'dst'. */
static eo_status
merge_if_blocks(eo_rewriter *rw, eo_block *src, eo_block *dst)
{
    eo_op *y1 = eo_block_last(dst), *y2 = eo_block_last(src);
    vals v;
    vals_init(&v, eo_block_ctx(dst));
    vals_operands(&v, y1, 0);
    vals_operands(&v, y2, 0);
    if (v.nomem) {
        vals_fini(&v);
        return EO_NOMEM;
    }
    eo_rewriter_erase_op(rw, y1);
    eo_rewriter_merge_blocks(rw, src, dst, NULL, 0);
    eo_status st = set_operands(rw, y2, v.n, v.v);
    vals_fini(&v);
    return st;
}

/* CombineIfs: two consecutive scf.if on the same condition (or on it and
 * its negation) become one. */
static eo_rewrite_result
if_combine(const eo_pattern *pat, eo_op *next_if, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(next_if);
    eo_op *prev = eo_op_prev(next_if);
    if (!prev || scf_op_kind(prev) != SCF_IF)
        return EO_REWRITE_NO_MATCH;
    eo_value *pc = eo_op_operand(prev, 0), *nc = eo_op_operand(next_if, 0);
    eo_block *nthen = NULL, *nelse = NULL;
    if (nc == pc) {
        nthen = then_block(next_if);
        nelse = else_block(next_if);
    }
    if (is_not_of(nc, pc) || is_not_of(pc, nc)) {
        nelse = then_block(next_if);
        nthen = else_block(next_if);
    }
    if (!nthen && !nelse)
        return EO_REWRITE_NO_MATCH;
    eo_op *pty = yield_of(then_block(prev)), *pey = yield_of(else_block(prev));
    eo_op *nty = yield_of(nthen), *ney = yield_of(nelse);
    if (!pty || (else_block(prev) && !pey) || (nthen && !nty) ||
        (nelse && !ney))
        return EO_REWRITE_NO_MATCH;
    /* Uses of prev's results in next's branches see the yielded values. */
    if (pey) {
        if (nthen)
            forward_into(rw, prev, eo_block_region(nthen), pty);
        if (nelse)
            forward_into(rw, prev, eo_block_region(nelse), pey);
    }
    size_t np = eo_op_num_results(prev), nn = eo_op_num_results(next_if);
    types rt;
    if (!types_init(&rt, ctx, np + nn))
        return EO_REWRITE_FAILED;
    for (size_t i = 0; i < np; i++)
        rt.v[rt.n++] = eo_value_type(eo_op_result(prev, i));
    for (size_t i = 0; i < nn; i++)
        rt.v[rt.n++] = eo_value_type(eo_op_result(next_if, i));
    eo_region *nelse_r = nelse ? eo_block_region(nelse) : NULL;
    eo_builder_set_before(&rw->b, next_if);
    eo_op *ci = make_if(rw, next_if, pc, rt.n, rt.v, eo_op_region(prev, 0),
                        eo_op_region(prev, 1));
    types_fini(&rt);
    if (!ci)
        return EO_REWRITE_FAILED;
    if (nthen && merge_if_blocks(rw, nthen, then_block(ci)) != EO_OK)
        return EO_REWRITE_FAILED;
    if (nelse) {
        if (!else_block(ci))
            eo_region_take_body(eo_op_region(ci, 1), nelse_r);
        else if (merge_if_blocks(rw, nelse, else_block(ci)) != EO_OK)
            return EO_REWRITE_FAILED;
    }
    vals pv, nv;
    vals_init(&pv, ctx);
    vals_init(&nv, ctx);
    for (size_t i = 0; i < np; i++)
        vals_push(&pv, eo_op_result(ci, i));
    for (size_t i = 0; i < nn; i++)
        vals_push(&nv, eo_op_result(ci, np + i));
    eo_rewrite_result r = EO_REWRITE_FAILED;
    if (!pv.nomem && !nv.nomem) {
        eo_rewriter_replace_op(rw, prev, pv.v);
        eo_rewriter_replace_op(rw, next_if, nv.v);
        r = EO_REWRITE_APPLIED;
    }
    vals_fini(&pv);
    vals_fini(&nv);
    return r;
}

/* CombineNestedIfs: "if %a { if %b { X } }" (nothing else in the outer
 * then block, else blocks that only yield) -> "if (andi %a, %b) { X }";
 * outer yields of outer values become arith.select on %a. */
static eo_rewrite_result
if_combine_nested(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    eo_block *tb = then_block(op), *eb = else_block(op);
    eo_op *nested = tb ? eo_block_first(tb) : NULL;
    eo_op *ty = yield_of(tb), *ey = yield_of(eb);
    if (!nested || !ty || eo_op_next(nested) != ty ||
        scf_op_kind(nested) != SCF_IF || (eb && eo_block_first(eb) != ey))
        return EO_REWRITE_NO_MATCH;
    eo_block *neb = else_block(nested);
    eo_op *nty = yield_of(then_block(nested)), *ney = yield_of(neb);
    if (!nty || (neb && eo_block_first(neb) != ney))
        return EO_REWRITE_NO_MATCH;
    size_t n = eo_op_num_results(op);
    if (eo_op_num_operands(ty) != n || (n && (!ey ||
                                             eo_op_num_operands(ey) != n)))
        return EO_REWRITE_NO_MATCH;
    vals tv, ev, res;
    vals_init(&tv, ctx);
    vals_init(&ev, ctx);
    vals_init(&res, ctx);
    vals_operands(&tv, ty, 0);
    if (ey)
        vals_operands(&ev, ey, 0);
    bool *upgrade = n ? eo_ctx_alloc(ctx, n * sizeof(*upgrade)) : NULL;
    eo_rewrite_result r = EO_REWRITE_FAILED;
    if (tv.nomem || ev.nomem || (n && !upgrade))
        goto done;
    r = EO_REWRITE_NO_MATCH;
    for (size_t i = 0; i < n; i++) {
        eo_value *v = tv.v[i];
        upgrade[i] = false;
        if (eo_value_def_op(v) == nested) {
            unsigned k = eo_value_index(v);
            if (!ney || k >= eo_op_num_operands(ney) ||
                eo_op_operand(ney, k) != ev.v[i] ||
                k >= eo_op_num_operands(nty))
                goto done;
            tv.v[i] = eo_op_operand(nty, k);
            continue;
        }
        if (value_region(v) == eo_op_region(op, 0))
            goto done;
        upgrade[i] = true;
    }
    r = EO_REWRITE_FAILED;
    types rt;
    if (!types_init(&rt, ctx, n))
        goto done;
    for (size_t i = 0; i < n; i++)
        rt.v[rt.n++] = eo_value_type(eo_op_result(op, i));
    eo_value *conds[2] = { eo_op_operand(op, 0), eo_op_operand(nested, 0) };
    eo_builder_set_before(&rw->b, op);
    eo_value *c = make_arith(rw, op, ARITH_ANDI, 2, conds);
    eo_op *ni = c ? make_if(rw, op, c, rt.n, rt.v, eo_op_region(nested, 0),
                            NULL)
                  : NULL;
    types_fini(&rt);
    if (!ni || set_operands(rw, nty, tv.n, tv.v) != EO_OK)
        goto done;
    if (ev.n) {
        eo_block *nb = eo_block_create(ctx);
        if (!nb)
            goto done;
        eo_region_append(eo_op_region(ni, 1), nb);
        eo_op_state st;
        eo_op_state_init_def(&st, ctx, scf_op_def(SCF_YIELD), eo_op_loc(op));
        if (eo_op_state_add_operands(&st, ev.n, ev.v) != EO_OK) {
            eo_op_state_release(&st);
            goto done;
        }
        eo_builder_set_end(&rw->b, nb);
        if (!eo_rewriter_create(rw, &st))
            goto done;
    }
    eo_builder_set_before(&rw->b, ni);
    for (size_t i = 0; i < n; i++) {
        eo_value *ops[3] = { eo_op_operand(op, 0), tv.v[i], ev.v[i] };
        eo_value *v = upgrade[i] ? make_arith(rw, op, ARITH_SELECT, 3, ops)
                                 : eo_op_result(ni, i);
        if (!v)
            goto done;
        vals_push(&res, v);
    }
    if (res.nomem)
        goto done;
    eo_rewriter_replace_op(rw, op, res.v);
    r = EO_REWRITE_APPLIED;
done:
    if (upgrade)
        eo_ctx_free(ctx, upgrade, n * sizeof(*upgrade));
    vals_fini(&tv);
    vals_fini(&ev);
    vals_fini(&res);
    return r;
}

/* ------------------------------------------------------------------ */
/* scf.execute_region                                                  */
/* ------------------------------------------------------------------ */

/* SingleBlockExecuteInliner. */
static eo_rewrite_result
exec_single_block(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_region *r = eo_op_region(op, 0);
    eo_block *b = eo_region_first(r);
    if (!b || eo_block_next(b))
        return EO_REWRITE_NO_MATCH;
    return replace_with_block(rw, op, b, NULL, 0);
}

static eo_op *
make_br(eo_rewriter *rw, eo_op *root, const eo_loc *loc, eo_block *to,
        size_t n, eo_value *const *args)
{
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), cf_op_def(CF_BR),
                         loc ? loc : eo_op_loc(root));
    if (eo_op_state_add_operands(&st, n, args) != EO_OK ||
        eo_op_state_add_successor(&st, to) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

/* MultiBlockExecuteInliner: inside a function or another execute_region,
 * the blocks move into the parent region joined by cf.br. */
static eo_rewrite_result
exec_multi_block(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *parent = eo_op_parent(op);
    eo_region *r = eo_op_region(op, 0);
    if (!parent || eo_region_empty(r) ||
        !(eo_op_has_trait(parent, EO_CALLABLE) ||
          scf_op_kind(parent) == SCF_EXECUTE_REGION))
        return EO_REWRITE_NO_MATCH;
    eo_block *prev = eo_op_block(op);
    eo_block *post = eo_rewriter_split_block(rw, prev, op);
    if (!post)
        return EO_REWRITE_FAILED;
    eo_builder_set_end(&rw->b, prev);
    if (!make_br(rw, op, NULL, eo_region_first(r), 0, NULL))
        return EO_REWRITE_FAILED;
    for (eo_block *b = eo_region_first(r); b; b = eo_block_next(b)) {
        eo_op *y = yield_of(b);
        if (!y)
            continue;
        vals v;
        vals_init(&v, eo_op_ctx(op));
        vals_operands(&v, y, 0);
        eo_builder_set_before(&rw->b, y);
        eo_op *br = v.nomem ? NULL
                            : make_br(rw, op, eo_op_loc(y), post, v.n, v.v);
        vals_fini(&v);
        if (!br)
            return EO_REWRITE_FAILED;
        eo_rewriter_erase_op(rw, y);
    }
    eo_rewriter_inline_region_before(rw, r, post);
    vals args;
    vals_init(&args, eo_op_ctx(op));
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        eo_value *res = eo_op_result(op, i);
        vals_push(&args, eo_block_add_arg(post, eo_value_type(res),
                                          eo_value_loc(res)));
    }
    for (size_t i = 0; i < args.n; i++)
        if (!args.v[i])
            args.nomem = true;
    if (args.nomem) {
        vals_fini(&args);
        return EO_REWRITE_FAILED;
    }
    eo_rewriter_replace_op(rw, op, args.v);
    vals_fini(&args);
    return EO_REWRITE_APPLIED;
}

/* ------------------------------------------------------------------ */
/* scf.while                                                           */
/* ------------------------------------------------------------------ */

/* The scf.condition ending the before region of while 'op', or NULL. */
static eo_op *
while_condition(eo_op *op)
{
    eo_block *b = eo_region_first(eo_op_region(op, 0));
    eo_op *t = b ? eo_block_last(b) : NULL;
    return t && scf_op_kind(t) == SCF_CONDITION ? t : NULL;
}

/* The scf.yield ending the after region of while 'op', or NULL. */
static eo_op *
while_yield(eo_op *op)
{
    return yield_of(eo_region_first(eo_op_region(op, 1)));
}

/* Whether while 'op' has the shape the patterns rely on: a before block
 * with one argument per init ending in scf.condition, an after block with
 * one argument per result ending in scf.yield of one value per init. */
static bool
while_ok(eo_op *op)
{
    eo_block *bb = eo_region_first(eo_op_region(op, 0));
    eo_block *ab = eo_region_first(eo_op_region(op, 1));
    eo_op *c = while_condition(op), *y = while_yield(op);
    size_t ni = eo_op_num_operands(op), nr = eo_op_num_results(op);
    return bb && ab && c && y && eo_block_num_args(bb) == ni &&
           eo_op_num_operands(y) == ni && eo_block_num_args(ab) == nr &&
           eo_op_num_operands(c) == nr + 1;
}

/* A new scf.while before 'op' on inits[] with result types t[], taking
 * op's regions (already adjusted by the caller). */
static eo_op *
rebuild_while(eo_rewriter *rw, eo_op *op, const vals *inits, const types *t)
{
    eo_op_state st;
    eo_region *r0 = NULL, *r1 = NULL;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), scf_op_def(SCF_WHILE),
                         eo_op_loc(op));
    if (inits->nomem ||
        eo_op_state_add_operands(&st, inits->n, inits->v) != EO_OK ||
        eo_op_state_add_results(&st, t->n, t->v) != EO_OK ||
        !(r0 = eo_op_state_add_region(&st)) ||
        !(r1 = eo_op_state_add_region(&st))) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_region_take_body(r0, eo_op_region(op, 0));
    eo_region_take_body(r1, eo_op_region(op, 1));
    eo_builder_set_before(&rw->b, op);
    return eo_rewriter_create(rw, &st);
}

/* Replaces block argument i of 'b' by 'v' and erases it. */
static bool
drop_arg(eo_rewriter *rw, eo_block *b, size_t i, eo_value *v)
{
    if (v)
        eo_rewriter_replace_all_uses(rw, eo_block_arg(b, i), v);
    return eo_block_erase_arg(b, i) == EO_OK;
}

/* Common tail of the while patterns: the loop rebuilt on 'inits' with
 * 'nres' results of op's result types picked by map[] (map[i]: the new
 * result replacing old result i, as an index, or -1 with repl[i]). */
typedef struct while_edit {
    vals inits;                 /* new inits */
    types rt;                   /* new result types */
    long *map;                  /* per old result: new index or -1 */
    eo_value **repl;            /* per old result when map[i] < 0 */
    size_t n;                   /* old results */
    eo_ctx *ctx;
} while_edit;

static bool
while_edit_init(while_edit *e, eo_op *op)
{
    memset(e, 0, sizeof(*e));
    e->ctx = eo_op_ctx(op);
    e->n = eo_op_num_results(op);
    vals_init(&e->inits, e->ctx);
    size_t n = e->n ? e->n : 1;
    e->map = eo_ctx_alloc(e->ctx, n * sizeof(*e->map));
    e->repl = eo_ctx_alloc(e->ctx, n * sizeof(*e->repl));
    if (!e->map || !e->repl || !types_init(&e->rt, e->ctx, n))
        return false;
    for (size_t i = 0; i < e->n; i++) {
        e->map[i] = -1;
        e->repl[i] = NULL;
    }
    return true;
}

static void
while_edit_fini(while_edit *e)
{
    size_t n = e->n ? e->n : 1;
    vals_fini(&e->inits);
    types_fini(&e->rt);
    if (e->map)
        eo_ctx_free(e->ctx, e->map, n * sizeof(*e->map));
    if (e->repl)
        eo_ctx_free(e->ctx, e->repl, n * sizeof(*e->repl));
}

static eo_rewrite_result
while_edit_apply(eo_rewriter *rw, eo_op *op, while_edit *e)
{
    eo_op *nw = rebuild_while(rw, op, &e->inits, &e->rt);
    if (!nw)
        return EO_REWRITE_FAILED;
    for (size_t i = 0; i < e->n; i++) {
        if (e->map[i] >= 0)
            e->repl[i] = eo_op_result(nw, (size_t)e->map[i]);
        else if (!e->repl[i])
            e->repl[i] = eo_op_result(op, i);   /* unused */
    }
    eo_rewriter_replace_op(rw, op, e->repl);
    return EO_REWRITE_APPLIED;
}

/* RemoveLoopInvariantArgsFromBeforeBlock: a before argument that always
 * gets its init again (yielded directly, or through an after argument
 * fed by itself or its init) is that init. */
static eo_rewrite_result
while_invariant_args(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!while_ok(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *bb = eo_region_first(eo_op_region(op, 0));
    eo_block *ab = eo_region_first(eo_op_region(op, 1));
    eo_op *c = while_condition(op), *y = while_yield(op);
    size_t ni = eo_op_num_operands(op), any = 0;
    /* Kept: op may be gone by the end. */
    eo_ctx *ctx = eo_op_ctx(op);
    bool *inv = eo_ctx_alloc(ctx, (ni ? ni : 1) * sizeof(*inv));
    if (!inv)
        return EO_REWRITE_FAILED;
    for (size_t i = 0; i < ni; i++) {
        eo_value *init = eo_op_operand(op, i), *yv = eo_op_operand(y, i);
        inv[i] = yv == init;
        if (!inv[i] && eo_value_is_block_arg(yv) &&
            eo_value_owner_block(yv) == ab) {
            eo_value *ca = eo_op_operand(c, 1 + eo_value_index(yv));
            inv[i] = ca == eo_block_arg(bb, i) || ca == init;
        }
        any += inv[i];
    }
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    while_edit e;
    if (!any)
        goto out;
    r = EO_REWRITE_FAILED;
    if (!while_edit_init(&e, op))
        goto done;
    for (size_t i = 0; i < ni; i++)
        if (!inv[i])
            vals_push(&e.inits, eo_op_operand(op, i));
    for (size_t i = 0; i < e.n; i++) {
        e.rt.v[e.rt.n++] = eo_value_type(eo_op_result(op, i));
        e.map[i] = (long)i;
    }
    bool *keep = inv;           /* reuse: keep[i] = !inv[i] */
    for (size_t i = 0; i < ni; i++)
        keep[i] = !inv[i];
    filter_yield(rw, y, keep);
    for (size_t i = ni; i-- > 0;)
        if (!keep[i] && !drop_arg(rw, bb, i, eo_op_operand(op, i)))
            goto done;
    r = while_edit_apply(rw, op, &e);
done:
    while_edit_fini(&e);
out:
    eo_ctx_free(ctx, inv, (ni ? ni : 1) * sizeof(*inv));
    return r;
}

/* Whether 'v' is defined outside block 'b' (MLIR's getParentBlock). */
static bool
outside_block(eo_value *v, eo_block *b)
{
    return eo_value_owner_block(v) != b;
}

/* RemoveLoopInvariantValueYielded: scf.condition operands defined outside
 * the before block are the loop's results and after arguments as they
 * are. */
static eo_rewrite_result
while_invariant_yielded(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!while_ok(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *bb = eo_region_first(eo_op_region(op, 0));
    eo_block *ab = eo_region_first(eo_op_region(op, 1));
    eo_op *c = while_condition(op);
    size_t n = eo_op_num_results(op), nout = 0;
    for (size_t i = 0; i < n; i++)
        nout += outside_block(eo_op_operand(c, 1 + i), bb);
    if (!nout)
        return EO_REWRITE_NO_MATCH;
    while_edit e;
    eo_rewrite_result r = EO_REWRITE_FAILED;
    /* Kept: op may be gone by the end. */
    eo_ctx *ctx = eo_op_ctx(op);
    bool *keep = eo_ctx_alloc(ctx, (n + 1) * sizeof(*keep));
    if (!keep)
        return r;
    if (!while_edit_init(&e, op))
        goto done;
    vals_operands(&e.inits, op, 0);
    keep[0] = true;
    for (size_t i = 0, k = 0; i < n; i++) {
        eo_value *v = eo_op_operand(c, 1 + i);
        keep[1 + i] = !outside_block(v, bb);
        if (keep[1 + i]) {
            e.rt.v[e.rt.n++] = eo_value_type(v);
            e.map[i] = (long)k++;
        } else {
            e.repl[i] = v;
        }
    }
    for (size_t i = n; i-- > 0;)
        if (!keep[1 + i] && !drop_arg(rw, ab, i, e.repl[i]))
            goto done;
    filter_yield(rw, c, keep);
    r = while_edit_apply(rw, op, &e);
done:
    while_edit_fini(&e);
    eo_ctx_free(ctx, keep, (n + 1) * sizeof(*keep));
    return r;
}

/* arith.cmpi predicate with the opposite truth value. */
static int64_t
cmpi_invert(int64_t p)
{
    switch (p) {
    case ARITH_CMPI_EQ: return ARITH_CMPI_NE;
    case ARITH_CMPI_NE: return ARITH_CMPI_EQ;
    case ARITH_CMPI_SLT: return ARITH_CMPI_SGE;
    case ARITH_CMPI_SGE: return ARITH_CMPI_SLT;
    case ARITH_CMPI_SLE: return ARITH_CMPI_SGT;
    case ARITH_CMPI_SGT: return ARITH_CMPI_SLE;
    case ARITH_CMPI_ULT: return ARITH_CMPI_UGE;
    case ARITH_CMPI_UGE: return ARITH_CMPI_ULT;
    case ARITH_CMPI_ULE: return ARITH_CMPI_UGT;
    case ARITH_CMPI_UGT: return ARITH_CMPI_ULE;
    default: return -1;
    }
}

static bool
cmpi_pred(eo_op *cmp, int64_t *p)
{
    const eo_attr *a = eo_op_attr(cmp, "predicate");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER)
        return false;
    *p = eo_attr_int_value(a);
    return true;
}

/* WhileCmpCond: in the after region, the loop's cmpi condition (or its
 * inverse) on the forwarded values is known. */
static eo_rewrite_result
while_cmp_cond(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!while_ok(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *ab = eo_region_first(eo_op_region(op, 1));
    eo_op *c = while_condition(op);
    eo_op *cmp = eo_value_def_op(eo_op_operand(c, 0));
    int64_t pred;
    if (!cmp || !eo_op_is(cmp, arith_op_def(ARITH_CMPI)) ||
        !cmpi_pred(cmp, &pred))
        return EO_REWRITE_NO_MATCH;
    bool changed = false;
    eo_builder_set_before(&rw->b, op);
    for (size_t i = 0; i < eo_block_num_args(ab); i++) {
        eo_value *ca = eo_op_operand(c, 1 + i), *arg = eo_block_arg(ab, i);
        for (size_t oi = 0; oi < 2; oi++) {
            if (ca != eo_op_operand(cmp, oi))
                continue;
            eo_use *next;
            for (eo_use *u = eo_value_first_use(arg); u; u = next) {
                next = eo_use_next(u);
                eo_op *cmp2 = eo_use_owner(u);
                int64_t p2;
                if (!eo_op_is(cmp2, arith_op_def(ARITH_CMPI)) ||
                    eo_op_operand(cmp2, 1 - oi) !=
                        eo_op_operand(cmp, 1 - oi) ||
                    !cmpi_pred(cmp2, &p2))
                    continue;
                bool same;
                if (p2 == pred)
                    same = true;
                else if (p2 == cmpi_invert(pred))
                    same = false;
                else
                    continue;
                /* Skip uses of the same cmp2 (both operands the arg). */
                while (next && eo_use_owner(next) == cmp2)
                    next = eo_use_next(next);
                eo_value *k = make_bool(rw, op, same);
                if (!k)
                    return EO_REWRITE_FAILED;
                eo_rewriter_replace_op(rw, cmp2, &k);
                changed = true;
            }
        }
    }
    return changed ? EO_REWRITE_APPLIED : EO_REWRITE_NO_MATCH;
}

/* WhileRemoveUnusedArgs: before arguments without uses go, with their
 * inits and yielded values. */
static eo_rewrite_result
while_unused_args(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!while_ok(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *bb = eo_region_first(eo_op_region(op, 0));
    eo_op *y = while_yield(op);
    size_t ni = eo_op_num_operands(op), unused = 0;
    for (size_t i = 0; i < ni; i++)
        unused += !eo_value_has_uses(eo_block_arg(bb, i));
    if (!unused)
        return EO_REWRITE_NO_MATCH;
    while_edit e;
    eo_rewrite_result r = EO_REWRITE_FAILED;
    /* Kept: op may be gone by the end. */
    eo_ctx *ctx = eo_op_ctx(op);
    bool *keep = eo_ctx_alloc(ctx, ni * sizeof(*keep));
    if (!keep)
        return r;
    if (!while_edit_init(&e, op))
        goto done;
    for (size_t i = 0; i < ni; i++) {
        keep[i] = eo_value_has_uses(eo_block_arg(bb, i));
        if (keep[i])
            vals_push(&e.inits, eo_op_operand(op, i));
    }
    for (size_t i = 0; i < e.n; i++) {
        e.rt.v[e.rt.n++] = eo_value_type(eo_op_result(op, i));
        e.map[i] = (long)i;
    }
    for (size_t i = ni; i-- > 0;)
        if (!keep[i] && !drop_arg(rw, bb, i, NULL))
            goto done;
    filter_yield(rw, y, keep);
    r = while_edit_apply(rw, op, &e);
done:
    while_edit_fini(&e);
    eo_ctx_free(ctx, keep, ni * sizeof(*keep));
    return r;
}

/* WhileRemoveDuplicatedResults: a value passed twice by scf.condition is
 * passed once. */
static eo_rewrite_result
while_dup_results(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!while_ok(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *ab = eo_region_first(eo_op_region(op, 1));
    eo_op *c = while_condition(op);
    size_t n = eo_op_num_results(op);
    /* first[i]: the first position passing the same value as i. The
     * search is quadratic in the number of loop-carried values, like
     * MLIR's small maps; scf.condition carries few. */
    while_edit e;
    if (!while_edit_init(&e, op))
        return EO_REWRITE_FAILED;
    bool dup = false;
    for (size_t i = 0; i < n; i++) {
        eo_value *v = eo_op_operand(c, 1 + i);
        for (size_t j = 0; j < i && e.map[i] < 0; j++)
            if (eo_op_operand(c, 1 + j) == v)
                e.map[i] = e.map[j];
        if (e.map[i] >= 0) {
            dup = true;
            continue;
        }
        e.map[i] = (long)e.rt.n;
        e.rt.v[e.rt.n++] = eo_value_type(v);
    }
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    bool *keep = NULL;
    if (!dup)
        goto done;
    r = EO_REWRITE_FAILED;
    keep = eo_ctx_alloc(e.ctx, (n + 1) * sizeof(*keep));
    if (!keep)
        goto done;
    vals_operands(&e.inits, op, 0);
    keep[0] = true;
    /* Position of each kept after argument, to redirect duplicates. */
    for (size_t i = 0, k = 0; i < n; i++) {
        keep[1 + i] = e.map[i] == (long)k;
        if (keep[1 + i])
            k++;
    }
    for (size_t i = n; i-- > 0;) {
        if (keep[1 + i])
            continue;
        size_t first = 0;
        while (e.map[first] != e.map[i])
            first++;
        if (!drop_arg(rw, ab, i, eo_block_arg(ab, first)))
            goto done;
    }
    filter_yield(rw, c, keep);
    r = while_edit_apply(rw, op, &e);
done:
    if (keep)
        eo_ctx_free(e.ctx, keep, (n + 1) * sizeof(*keep));
    while_edit_fini(&e);
    return r;
}

/* WhileOpAlignBeforeArgs: when scf.condition forwards exactly the before
 * arguments in another order, it forwards them in block order (after
 * arguments and results permuted to match). */
static eo_rewrite_result
while_align_args(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (!while_ok(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *bb = eo_region_first(eo_op_region(op, 0));
    eo_block *ab = eo_region_first(eo_op_region(op, 1));
    eo_op *c = while_condition(op);
    size_t nb = eo_block_num_args(bb), n = eo_op_num_results(op);
    if (nb != n)
        return EO_REWRITE_NO_MATCH;
    bool same = true;
    for (size_t i = 0; i < n; i++)
        same &= eo_op_operand(c, 1 + i) == eo_block_arg(bb, i);
    if (same)
        return EO_REWRITE_NO_MATCH;
    /* Each term arg must be a distinct before argument; pos[i]: the
     * before argument passed at position i. */
    while_edit e;
    if (!while_edit_init(&e, op))
        return EO_REWRITE_FAILED;
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    for (size_t i = 0; i < n; i++) {
        eo_value *v = eo_op_operand(c, 1 + i);
        if (!eo_value_is_block_arg(v) || eo_value_owner_block(v) != bb)
            goto done;
        size_t j = eo_value_index(v);
        for (size_t k = 0; k < i; k++)
            if (e.map[k] == (long)j)
                goto done;
        e.map[i] = (long)j;
    }
    r = EO_REWRITE_FAILED;
    vals_operands(&e.inits, op, 0);
    vals ops;
    vals_init(&ops, e.ctx);
    vals_push(&ops, eo_op_operand(c, 0));
    for (size_t j = 0; j < n; j++) {
        e.rt.v[e.rt.n++] = eo_value_type(eo_block_arg(bb, j));
        vals_push(&ops, eo_block_arg(bb, j));
    }
    if (ops.nomem || set_operands(rw, c, ops.n, ops.v) != EO_OK) {
        vals_fini(&ops);
        goto done;
    }
    vals_fini(&ops);
    /* New after arguments in block order, then the old ones go. */
    for (size_t j = 0; j < n; j++) {
        size_t i = 0;
        while (e.map[i] != (long)j)
            i++;
        if (!eo_block_add_arg(ab, e.rt.v[j],
                              eo_value_loc(eo_block_arg(ab, i))))
            goto done;
    }
    for (size_t i = 0; i < n; i++)
        eo_rewriter_replace_all_uses(rw, eo_block_arg(ab, i),
                                     eo_block_arg(ab, n + (size_t)e.map[i]));
    for (size_t i = n; i-- > 0;)
        if (!drop_arg(rw, ab, i, NULL))
            goto done;
    r = while_edit_apply(rw, op, &e);
done:
    while_edit_fini(&e);
    return r;
}

/* WhileConditionTruth: an after-region argument that receives the
 * condition itself is true there. */
static eo_rewrite_result
while_cond_truth(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *term = while_condition(op);
    eo_block *after = eo_region_first(eo_op_region(op, 1));
    if (!term || !after || eo_op_num_operands(term) < 1 ||
        eo_op_num_operands(term) - 1 != eo_block_num_args(after))
        return EO_REWRITE_NO_MATCH;
    eo_value *cond = eo_op_operand(term, 0), *k = NULL;
    bool replaced = false;
    eo_builder_set_before(&rw->b, op);
    for (size_t i = 0; i < eo_block_num_args(after); i++) {
        eo_value *arg = eo_block_arg(after, i);
        if (eo_op_operand(term, i + 1) != cond || !eo_value_has_uses(arg))
            continue;
        if (!k && !(k = make_bool(rw, op, true)))
            return EO_REWRITE_FAILED;
        eo_rewriter_replace_all_uses(rw, arg, k);
        replaced = true;
    }
    return replaced ? EO_REWRITE_APPLIED : EO_REWRITE_NO_MATCH;
}

/* WhileUnusedResult: results unused both after the loop and in the after
 * region leave the loop (and its scf.condition). */
static eo_rewrite_result
while_unused_result(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    eo_op *term = while_condition(op);
    eo_block *after = eo_region_first(eo_op_region(op, 1));
    size_t n = eo_op_num_results(op);
    if (!term || !after || eo_op_num_operands(term) != n + 1 ||
        eo_block_num_args(after) != n)
        return EO_REWRITE_NO_MATCH;
    size_t used = 0;
    for (size_t i = 0; i < n; i++)
        used += eo_value_has_uses(eo_op_result(op, i)) ||
                eo_value_has_uses(eo_block_arg(after, i));
    if (used == n)
        return EO_REWRITE_NO_MATCH;
    bool *keep = eo_ctx_alloc(ctx, (n + 1) * sizeof(*keep));
    types rt;
    vals inits, res;
    vals_init(&inits, ctx);
    vals_init(&res, ctx);
    if (!keep || !types_init(&rt, ctx, used)) {
        if (keep)
            eo_ctx_free(ctx, keep, (n + 1) * sizeof(*keep));
        return EO_REWRITE_FAILED;
    }
    keep[0] = true;                 /* the condition operand */
    for (size_t i = 0; i < n; i++) {
        eo_value *r = eo_op_result(op, i);
        keep[i + 1] = eo_value_has_uses(r) ||
                      eo_value_has_uses(eo_block_arg(after, i));
        if (keep[i + 1])
            rt.v[rt.n++] = eo_value_type(r);
    }
    eo_rewrite_result r = EO_REWRITE_FAILED;
    vals_operands(&inits, op, 0);
    if (inits.nomem)
        goto done;
    eo_op_state st;
    eo_region *r0 = NULL, *r1 = NULL;
    eo_op_state_init_def(&st, ctx, scf_op_def(SCF_WHILE), eo_op_loc(op));
    if (eo_op_state_add_operands(&st, inits.n, inits.v) != EO_OK ||
        eo_op_state_add_results(&st, rt.n, rt.v) != EO_OK ||
        !(r0 = eo_op_state_add_region(&st)) ||
        !(r1 = eo_op_state_add_region(&st))) {
        eo_op_state_release(&st);
        goto done;
    }
    filter_yield(rw, term, keep);
    for (size_t i = n; i-- > 0;)
        if (!keep[i + 1] && eo_block_erase_arg(after, i) != EO_OK)
            goto done;
    eo_region_take_body(r0, eo_op_region(op, 0));
    eo_region_take_body(r1, eo_op_region(op, 1));
    eo_builder_set_before(&rw->b, op);
    eo_op *nw = eo_rewriter_create(rw, &st);
    if (!nw)
        goto done;
    for (size_t i = 0, k = 0; i < n; i++)
        vals_push(&res, keep[i + 1] ? eo_op_result(nw, k++)
                                    : eo_op_result(op, i));
    if (res.nomem)
        goto done;
    eo_rewriter_replace_op(rw, op, res.v);
    r = EO_REWRITE_APPLIED;
done:
    vals_fini(&inits);
    vals_fini(&res);
    types_fini(&rt);
    eo_ctx_free(ctx, keep, (n + 1) * sizeof(*keep));
    return r;
}

/* ------------------------------------------------------------------ */
/* scf.parallel                                                        */
/* ------------------------------------------------------------------ */

/* MLIR's ceilDiv on int64_t (rhs != 0). */
static int64_t
ceil_div(int64_t lhs, int64_t rhs)
{
    int64_t x = rhs > 0 ? -1 : 1;
    return lhs != 0 && (lhs > 0) == (rhs > 0) ? (lhs + x) / rhs + 1
                                              : -(-lhs / rhs);
}

/* The trip count of one dimension when lb, ub and step are constants. */
static bool
const_trip_count(eo_value *lb, eo_value *ub, eo_value *step, int64_t *n)
{
    const eo_attr *l = int_cst(lb), *u = int_cst(ub), *s = int_cst(step);
    if (!l || !u || !s || eo_attr_int_value(s) == 0)
        return false;
    *n = ceil_div((int64_t)((uint64_t)eo_attr_int_value(u) -
                            (uint64_t)eo_attr_int_value(l)),
                  eo_attr_int_value(s));
    return true;
}

/* Inlines the body of a parallel loop whose every dimension runs once:
 * the body with the induction variables as the lower bounds, then each
 * reduction's block applied to its init and the reduced value. */
static eo_rewrite_result
parallel_inline(eo_rewriter *rw, eo_op *op, eo_block *body, eo_op *red,
                const vals *lbs, size_t init0)
{
    size_t nr = eo_op_num_results(op);
    if (eo_op_num_regions(red) != nr || eo_op_num_operands(red) != nr)
        return EO_REWRITE_NO_MATCH;
    vals res;
    vals_init(&res, eo_op_ctx(op));
    eo_rewriter_inline_block_before(rw, body, op, lbs->v, lbs->n);
    for (size_t i = 0; i < nr; i++) {
        eo_block *rb = eo_region_first(eo_op_region(red, i));
        eo_op *ret = rb ? eo_block_last(rb) : NULL;
        eo_value *args[2] = { eo_op_operand(op, init0 + i),
                              eo_op_operand(red, i) };
        if (!ret || eo_block_num_args(rb) != 2 ||
            eo_op_num_operands(ret) != 1) {
            vals_fini(&res);
            return EO_REWRITE_FAILED;
        }
        eo_rewriter_inline_block_before(rw, rb, op, args, 2);
        vals_push(&res, eo_op_operand(ret, 0));
        eo_rewriter_erase_op(rw, ret);
    }
    eo_rewriter_erase_op(rw, red);
    if (res.nomem) {
        vals_fini(&res);
        return EO_REWRITE_FAILED;
    }
    eo_rewriter_replace_op(rw, op, res.v);
    vals_fini(&res);
    return EO_REWRITE_APPLIED;
}

/* ParallelOpSingleOrZeroIterationDimsFolder: a dimension with no
 * iterations makes the loop its inits; dimensions with one iteration
 * leave the loop (their induction variable is the lower bound). */
static eo_rewrite_result
parallel_fold_dims(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_op_ctx(op);
    size_t st[4], len[4];
    for (size_t k = 0; k < 4; k++)
        if (!eo_op_operand_segment(op, k, &st[k], &len[k]))
            return EO_REWRITE_NO_MATCH;
    size_t n = len[0];
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    eo_op *red = body ? eo_block_last(body) : NULL;
    if (len[1] != n || len[2] != n || len[3] != eo_op_num_results(op) ||
        !body || eo_block_num_args(body) != n || !red ||
        scf_op_kind(red) != SCF_REDUCE)
        return EO_REWRITE_NO_MATCH;
    bool *keep = eo_ctx_alloc(ctx, (n ? n : 1) * sizeof(*keep));
    if (!keep)
        return EO_REWRITE_FAILED;
    size_t nkeep = 0;
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    for (size_t d = 0; d < n; d++) {
        int64_t trip;
        keep[d] = true;
        if (!const_trip_count(eo_op_operand(op, st[0] + d),
                              eo_op_operand(op, st[1] + d),
                              eo_op_operand(op, st[2] + d), &trip)) {
            nkeep++;
            continue;
        }
        if (trip == 0) {
            r = replace_with_operands_of(rw, op, op, st[3]);
            goto done;
        }
        keep[d] = trip != 1;
        nkeep += keep[d];
    }
    if (nkeep == n)
        goto done;
    r = EO_REWRITE_FAILED;
    vals lbs;
    vals_init(&lbs, ctx);
    for (size_t d = 0; d < n; d++)
        vals_push(&lbs, eo_op_operand(op, st[0] + d));
    if (lbs.nomem) {
        vals_fini(&lbs);
        goto done;
    }
    if (nkeep == 0) {
        r = parallel_inline(rw, op, body, red, &lbs, st[3]);
        vals_fini(&lbs);
        goto done;
    }
    vals ops;
    vals_init(&ops, ctx);
    for (size_t k = 0; k < 3; k++)
        for (size_t d = 0; d < n; d++)
            if (keep[d])
                vals_push(&ops, eo_op_operand(op, st[k] + d));
    for (size_t i = 0; i < len[3]; i++)
        vals_push(&ops, eo_op_operand(op, st[3] + i));
    int32_t seg[4] = { (int32_t)nkeep, (int32_t)nkeep, (int32_t)nkeep,
                       (int32_t)len[3] };
    const eo_attr *sa = eo_attr_get_dense_array(ctx, eo_type_get_int(ctx, 32),
                                                4, seg);
    types rt;
    eo_op_state s;
    eo_region *reg = NULL;
    eo_op_state_init_def(&s, ctx, scf_op_def(SCF_PARALLEL), eo_op_loc(op));
    bool ok = sa && !ops.nomem && types_init(&rt, ctx, len[3]);
    if (ok) {
        for (size_t i = 0; i < len[3]; i++)
            rt.v[rt.n++] = eo_value_type(eo_op_result(op, i));
        ok = eo_op_state_add_operands(&s, ops.n, ops.v) == EO_OK &&
             eo_op_state_add_results(&s, rt.n, rt.v) == EO_OK &&
             eo_op_state_set_attr(&s, "operandSegmentSizes", sa) == EO_OK &&
             (reg = eo_op_state_add_region(&s)) != NULL;
        types_fini(&rt);
    }
    vals_fini(&ops);
    if (!ok) {
        eo_op_state_release(&s);
        vals_fini(&lbs);
        goto done;
    }
    eo_region_take_body(reg, eo_op_region(op, 0));
    eo_builder_set_before(&rw->b, op);
    eo_op *np = eo_rewriter_create(rw, &s);
    bool dropped = np != NULL;
    for (size_t d = n; dropped && d-- > 0;)
        if (!keep[d])
            dropped = drop_arg(rw, body, d, lbs.v[d]);
    vals_fini(&lbs);
    if (!dropped)
        goto done;
    vals res;
    vals_init(&res, ctx);
    for (size_t i = 0; i < len[3]; i++)
        vals_push(&res, eo_op_result(np, i));
    if (!res.nomem) {
        eo_rewriter_replace_op(rw, op, res.v);
        r = EO_REWRITE_APPLIED;
    }
    vals_fini(&res);
done:
    eo_ctx_free(ctx, keep, (n ? n : 1) * sizeof(*keep));
    return r;
}

/* ------------------------------------------------------------------ */
/* scf.index_switch                                                    */
/* ------------------------------------------------------------------ */

/* FoldConstantCase: a constant selector takes its case (or the default)
 * inline. */
static eo_rewrite_result
switch_const(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_attr *c = int_cst(eo_op_operand(op, 0));
    const eo_attr *cases = eo_op_attr(op, "cases");
    if (!c || !cases || eo_attr_get_kind(cases) != EO_ATTR_DENSE_ARRAY)
        return EO_REWRITE_NO_MATCH;
    int64_t v = eo_attr_int_value(c);
    size_t n = eo_attr_dense_array_size(cases), idx = 0;
    for (size_t i = 0; i < n; i++) {
        if (eo_attr_dense_array_int(cases, i) == v) {
            idx = i + 1;
            break;
        }
    }
    if (idx >= eo_op_num_regions(op))
        return EO_REWRITE_NO_MATCH;
    eo_block *b = eo_region_first(eo_op_region(op, idx));
    if (!b)
        return EO_REWRITE_NO_MATCH;
    return replace_with_block(rw, op, b, NULL, 0);
}

/* ------------------------------------------------------------------ */
/* The rows                                                            */
/* ------------------------------------------------------------------ */

#define PAT(name, fn) { name, NULL, 1, fn, NULL }
#define END { NULL, NULL, 0, NULL, NULL }

const eo_pattern scf_for_canon[] = {
    PAT("scf.ForOpIterArgsFolder", for_iter_args),
    PAT("scf.SimplifyTrivialLoops", for_trivial),
    END,
};

const eo_pattern scf_if_canon[] = {
    PAT("scf.CombineIfs", if_combine),
    PAT("scf.CombineNestedIfs", if_combine_nested),
    PAT("scf.ConditionPropagation", if_cond_propagation),
    PAT("scf.ConvertTrivialIfToSelect", if_to_select),
    PAT("scf.RemoveEmptyElseBranch", if_empty_else),
    PAT("scf.RemoveStaticCondition", if_static),
    PAT("scf.RemoveUnusedResults", if_unused_results),
    PAT("scf.ReplaceIfYieldWithConditionOrValue", if_yield_cond),
    END,
};

const eo_pattern scf_execute_region_canon[] = {
    PAT("scf.SingleBlockExecuteInliner", exec_single_block),
    PAT("scf.MultiBlockExecuteInliner", exec_multi_block),
    END,
};

const eo_pattern scf_while_canon[] = {
    PAT("scf.RemoveLoopInvariantArgsFromBeforeBlock", while_invariant_args),
    PAT("scf.RemoveLoopInvariantValueYielded", while_invariant_yielded),
    PAT("scf.WhileConditionTruth", while_cond_truth),
    PAT("scf.WhileCmpCond", while_cmp_cond),
    PAT("scf.WhileUnusedResult", while_unused_result),
    PAT("scf.WhileRemoveDuplicatedResults", while_dup_results),
    PAT("scf.WhileRemoveUnusedArgs", while_unused_args),
    PAT("scf.WhileOpAlignBeforeArgs", while_align_args),
    END,
};

const eo_pattern scf_parallel_canon[] = {
    PAT("scf.ParallelOpSingleOrZeroIterationDimsFolder", parallel_fold_dims),
    END,
};

const eo_pattern scf_index_switch_canon[] = {
    PAT("scf.FoldConstantCase", switch_const),
    END,
};

/* dialects/scf/scf_canon.c - canonicalization patterns and folds of the
 * scf dialect, with MLIR 19's names and behaviour:
 *
 *   scf.for           trivial loops (no or one iteration, empty bodies),
 *                     iter_args that are forwarded or unused
 *   scf.if            static conditions, unused results, empty else,
 *                     trivial yields to arith.select, results equal to
 *                     the condition, condition propagation, combining
 *                     consecutive ifs on one condition; fold of a negated
 *                     condition
 *   scf.execute_region  inlining (single block, or into a CFG region)
 *   scf.index_switch  constant selector
 */
#include "dialects/scf/scf_internal.h"

#include "dialects/arith/arith.h"
#include "dialects/cf/cf.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* A growable list of values in the context's arena. */
typedef struct vals {
    eo_ctx *ctx;
    eo_value **v;
    size_t n, cap;
    bool nomem;
} vals;

static void
vals_init(vals *l, eo_ctx *ctx)
{
    memset(l, 0, sizeof(*l));
    l->ctx = ctx;
}

static void
vals_push(vals *l, eo_value *x)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        eo_value **nv = eo_ctx_alloc(l->ctx, nc * sizeof(*nv));
        if (!nv) {
            l->nomem = true;
            return;
        }
        if (l->v) {
            memcpy(nv, l->v, l->n * sizeof(*nv));
            eo_ctx_free(l->ctx, l->v, l->cap * sizeof(*nv));
        }
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = x;
}

static void
vals_fini(vals *l)
{
    if (l->v)
        eo_ctx_free(l->ctx, l->v, l->cap * sizeof(*l->v));
    l->v = NULL;
    l->n = l->cap = 0;
}

/* Appends the operands of 'op' from 'first' on. */
static void
vals_operands(vals *l, eo_op *op, size_t first)
{
    for (size_t i = first; i < eo_op_num_operands(op); i++)
        vals_push(l, eo_op_operand(op, i));
}

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
    vals_operands(&res, term, 0);
    if (res.nomem) {
        vals_fini(&res);
        return EO_REWRITE_FAILED;
    }
    eo_rewriter_inline_block_before(rw, b, op, args, nargs);
    eo_rewriter_replace_op(rw, op, res.v);
    eo_rewriter_erase_op(rw, term);
    vals_fini(&res);
    return EO_REWRITE_APPLIED;
}

/* Replaces op's results with its operands from 'first' on. */
static eo_rewrite_result
replace_with_operands(eo_rewriter *rw, eo_op *op, size_t first)
{
    vals v;
    vals_init(&v, eo_op_ctx(op));
    vals_operands(&v, op, first);
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

/* Replaces loop 'op' by the operands of its yield 'y'. */
static eo_rewrite_result
for_trivial_empty(eo_rewriter *rw, eo_op *op, eo_op *y)
{
    vals v;
    vals_init(&v, eo_op_ctx(op));
    vals_operands(&v, y, 0);
    if (v.nomem || v.n != eo_op_num_results(op)) {
        bool nomem = v.nomem;
        vals_fini(&v);
        return nomem ? EO_REWRITE_FAILED : EO_REWRITE_NO_MATCH;
    }
    eo_rewriter_replace_op(rw, op, v.v);
    vals_fini(&v);
    return EO_REWRITE_APPLIED;
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
        return replace_with_operands(rw, op, 3);
    int64_t diff;
    if (!const_diff(lb, ub, &diff))
        return EO_REWRITE_NO_MATCH;
    if (diff <= 0)
        return replace_with_operands(rw, op, 3);
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
    return for_trivial_empty(rw, op, y);
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

const eo_pattern scf_index_switch_canon[] = {
    PAT("scf.FoldConstantCase", switch_const),
    END,
};

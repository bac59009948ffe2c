/* dialects/cf/cf_canon.c - canonicalization patterns of the cf dialect,
 * with MLIR 19's names and behaviour: constant and pass-through branches,
 * merging a block into its single predecessor, identical successors,
 * branches implied by a dominating branch on the same condition, switch
 * simplifications and cf.assert of true.
 *
 * Blocks keep no predecessor lists, so predecessor queries scan the
 * terminators of the block's region (see preds_of).
 */
#include "dialects/cf/cf_internal.h"

#include "dialects/arith/arith.h"
#include "dialects/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Operand range forwarded to successor i of 'op'. */
static void
succ_range(eo_op *op, unsigned i, unsigned *first, unsigned *count)
{
    const eo_op_def *d = eo_op_get_def(op);
    *first = *count = 0;
    if (d && d->successor_operands)
        d->successor_operands(op, i, first, count);
}

/* A branch destination: the block and the values passed to it; 'idx' is
 * the case's position in the old cf.switch (for its case value). */
typedef struct dest {
    eo_block *block;
    vals ops;
    size_t idx;
} dest;

static void
dest_init(dest *d, eo_op *op, unsigned succ)
{
    unsigned first, count;
    vals_init(&d->ops, eo_op_ctx(op));
    d->block = eo_op_successor(op, succ);
    d->idx = succ ? succ - 1 : 0;
    succ_range(op, succ, &first, &count);
    for (unsigned k = 0; k < count; k++)
        vals_push(&d->ops, eo_op_operand(op, first + k));
}

/* Counts the successor slots of p's terminator naming 'b' into *n,
 * noting in *u the first such block and in *mixed a second one. */
static void
scan_pred(eo_block *p, eo_block *b, size_t *n, eo_block **u, bool *mixed)
{
    eo_op *t = eo_block_last(p);
    size_t ns = t ? eo_op_num_successors(t) : 0;
    for (size_t i = 0; i < ns; i++) {
        if (eo_op_successor(t, i) != b)
            continue;
        ++*n;
        if (!*u)
            *u = p;
        else if (*u != p)
            *mixed = true;
    }
}

/* MLIR's getSinglePredecessor (exactly one successor slot names 'b':
 * *single is that block) and getUniquePredecessor (every slot naming 'b'
 * is in one block: *unique). Blocks keep no predecessor lists, so this
 * scans the region's terminators outwards from 'b' (predecessors are
 * usually close), stopping as soon as the answer is known. */
static void
preds_of(eo_block *b, eo_block **single, eo_block **unique)
{
    size_t n = 0;
    bool mixed = false;
    eo_block *u = NULL, *back = b, *fwd = eo_block_next(b);
    while ((back || fwd) && !(n > 1 && (mixed || !unique))) {
        if (back) {
            scan_pred(back, b, &n, &u, &mixed);
            back = eo_block_prev(back);
        }
        if (fwd) {
            scan_pred(fwd, b, &n, &u, &mixed);
            fwd = eo_block_next(fwd);
        }
    }
    if (single)
        *single = n == 1 ? u : NULL;
    if (unique)
        *unique = n && !mixed ? u : NULL;
}

static eo_block *
single_pred(eo_block *b)
{
    eo_block *s;
    preds_of(b, &s, NULL);
    return s;
}

/* A terminator of kind 'k' other than 'op' that branches on op's first
 * operand (as its own first operand) to op's block, or NULL. Looking
 * through the operand's uses first keeps the region scan of the
 * predecessor queries for the rare ops that can match. */
static eo_op *
branch_on_same_to(eo_op *op, enum cf_op k)
{
    eo_block *cur = eo_op_block(op);
    for (eo_use *u = eo_value_first_use(eo_op_operand(op, 0)); u;
         u = eo_use_next(u)) {
        eo_op *o = eo_use_owner(u);
        if (o == op || eo_use_operand_index(u) != 0 || cf_op_kind(o) != k)
            continue;
        for (size_t i = 0; i < eo_op_num_successors(o); i++)
            if (eo_op_successor(o, i) == cur)
                return o;
    }
    return NULL;
}

/* The constant integer behind 'v' (scalar), or NULL. */
static const eo_attr *
int_cst(eo_value *v)
{
    const eo_attr *a = eo_value_constant(v);
    return a && eo_attr_get_kind(a) == EO_ATTR_INTEGER ? a : NULL;
}

static bool
attr_is_zero(const eo_attr *a)
{
    size_t n = eo_attr_int_num_words(a);
    const uint64_t *w = eo_attr_int_words(a);
    for (size_t i = 0; i < n; i++)
        if (w[i])
            return false;
    return true;
}

static bool
attr_is_one(const eo_attr *a)
{
    size_t n = eo_attr_int_num_words(a);
    const uint64_t *w = eo_attr_int_words(a);
    if (!n || w[0] != 1)
        return false;
    for (size_t i = 1; i < n; i++)
        if (w[i])
            return false;
    return true;
}

static const eo_attr *
i32_array(eo_ctx *ctx, size_t n, const int32_t *v)
{
    return eo_attr_get_dense_array(ctx, eo_type_get_int(ctx, 32), n, v);
}

/* Builders at the rewriter's insertion point, located at 'root'. */
static eo_op *
make_br(eo_rewriter *rw, eo_op *root, eo_block *to, const vals *args)
{
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), cf_op_def(CF_BR),
                         eo_op_loc(root));
    if (args->nomem || eo_op_state_add_operands(&st, args->n, args->v) != EO_OK
        || eo_op_state_add_successor(&st, to) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

static eo_op *
make_cond_br(eo_rewriter *rw, eo_op *root, eo_value *cond, const dest *t,
             const dest *f)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_op_state st;
    int32_t seg[3] = { 1, (int32_t)t->ops.n, (int32_t)f->ops.n };
    const eo_attr *sa = i32_array(ctx, 3, seg);
    eo_op_state_init_def(&st, ctx, cf_op_def(CF_COND_BR), eo_op_loc(root));
    if (!sa || t->ops.nomem || f->ops.nomem ||
        eo_op_state_add_operand(&st, cond) != EO_OK ||
        eo_op_state_add_operands(&st, t->ops.n, t->ops.v) != EO_OK ||
        eo_op_state_add_operands(&st, f->ops.n, f->ops.v) != EO_OK ||
        eo_op_state_add_successor(&st, t->block) != EO_OK ||
        eo_op_state_add_successor(&st, f->block) != EO_OK ||
        eo_op_state_set_attr(&st, "operandSegmentSizes", sa) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

/* Replaces terminator 'op' by "cf.br to(args)". */
static eo_rewrite_result
replace_with_br(eo_rewriter *rw, eo_op *op, eo_block *to, const vals *args)
{
    eo_builder_set_before(&rw->b, op);
    if (!make_br(rw, op, to, args))
        return EO_REWRITE_FAILED;
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

static eo_rewrite_result
replace_with_dest(eo_rewriter *rw, eo_op *op, unsigned succ)
{
    dest d;
    dest_init(&d, op, succ);
    eo_rewrite_result r = replace_with_br(rw, op, d.block, &d.ops);
    vals_fini(&d.ops);
    return r;
}

/* MLIR's collapseBranch: if d's block holds only "cf.br" and its
 * arguments feed nothing else, d goes straight to that branch's
 * destination (with the arguments substituted). */
static bool
collapse_branch(dest *d)
{
    eo_block *s = d->block;
    eo_op *br = eo_block_first(s);
    if (!br || eo_op_next(br) || cf_op_kind(br) != CF_BR)
        return false;
    for (size_t i = 0; i < eo_block_num_args(s); i++)
        for (eo_use *u = eo_value_first_use(eo_block_arg(s, i)); u;
             u = eo_use_next(u))
            if (eo_use_owner(u) != br)
                return false;
    eo_block *to = eo_op_successor(br, 0);
    if (to == s)
        return false;
    vals nv;
    vals_init(&nv, d->ops.ctx);
    for (size_t i = 0; i < eo_op_num_operands(br); i++) {
        eo_value *x = eo_op_operand(br, i);
        if (eo_value_is_block_arg(x) && eo_value_owner_block(x) == s &&
            eo_value_index(x) < d->ops.n)
            vals_push(&nv, d->ops.v[eo_value_index(x)]);
        else
            vals_push(&nv, x);
    }
    vals_fini(&d->ops);
    d->ops = nv;
    d->block = to;
    return true;
}

/* ------------------------------------------------------------------ */
/* cf.assert                                                           */
/* ------------------------------------------------------------------ */

/* cf.assert %true -> nothing (AssertOp::canonicalize). */
static eo_rewrite_result
assert_true(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_attr *c = int_cst(eo_op_operand(op, 0));
    if (!c || !attr_is_one(c))
        return EO_REWRITE_NO_MATCH;
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

/* ------------------------------------------------------------------ */
/* cf.br                                                               */
/* ------------------------------------------------------------------ */

/*   ^bb0: cf.br ^bb1(%x)   ^bb1(%a): ops   (^bb0 its only predecessor)
 *   -> ^bb0: ops[%a := %x] */
static eo_rewrite_result
br_single_pred(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_block *succ = eo_op_successor(op, 0);
    eo_block *parent = eo_op_block(op);
    if (succ == parent || eo_op_num_operands(op) != eo_block_num_args(succ))
        return EO_REWRITE_NO_MATCH;
    /* Only in unreachable code can the branch pass succ's own arguments;
     * merging would leave them dangling. */
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        if (eo_value_is_block_arg(v) && eo_value_owner_block(v) == succ)
            return EO_REWRITE_NO_MATCH;
    }
    if (!single_pred(succ))
        return EO_REWRITE_NO_MATCH;
    dest d;
    dest_init(&d, op, 0);
    if (d.ops.nomem) {
        vals_fini(&d.ops);
        return EO_REWRITE_FAILED;
    }
    eo_rewriter_erase_op(rw, op);
    eo_rewriter_merge_blocks(rw, succ, parent, d.ops.v, d.ops.n);
    vals_fini(&d.ops);
    return EO_REWRITE_APPLIED;
}

/*   cf.br ^bb1   ^bb1: cf.br ^bbN(...)   ->   cf.br ^bbN(...) */
static eo_rewrite_result
br_pass_through(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    dest d;
    dest_init(&d, op, 0);
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    if (d.block != eo_op_block(op) && collapse_branch(&d))
        r = replace_with_br(rw, op, d.block, &d.ops);
    vals_fini(&d.ops);
    return r;
}

/* ------------------------------------------------------------------ */
/* cf.cond_br                                                          */
/* ------------------------------------------------------------------ */

/* cf.cond_br %true/%false, ^a, ^b -> cf.br to the taken one. */
static eo_rewrite_result
cond_br_const(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_attr *c = int_cst(eo_op_operand(op, 0));
    if (!c)
        return EO_REWRITE_NO_MATCH;
    return replace_with_dest(rw, op, attr_is_zero(c) ? 1 : 0);
}

/* Either destination only forwards to another block: go there. */
static eo_rewrite_result
cond_br_pass_through(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    dest t, f;
    dest_init(&t, op, 0);
    dest_init(&f, op, 1);
    bool ct = collapse_branch(&t);
    bool cf = collapse_branch(&f);
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    if (ct || cf) {
        eo_builder_set_before(&rw->b, op);
        r = EO_REWRITE_FAILED;
        if (make_cond_br(rw, op, eo_op_operand(op, 0), &t, &f)) {
            eo_rewriter_erase_op(rw, op);
            r = EO_REWRITE_APPLIED;
        }
    }
    vals_fini(&t.ops);
    vals_fini(&f.ops);
    return r;
}

/* Creates "arith.select %c, %a, %b" before the rewriter's point. */
static eo_value *
make_select(eo_rewriter *rw, eo_op *root, eo_value *c, eo_value *a,
            eo_value *b)
{
    eo_op_state st;
    eo_value *ops[3] = { c, a, b };
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw), arith_op_def(ARITH_SELECT),
                         eo_op_loc(root));
    if (eo_op_state_add_operands(&st, 3, ops) != EO_OK ||
        eo_op_state_add_result(&st, eo_value_type(a)) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *s = eo_rewriter_create(rw, &st);
    return s ? eo_op_result(s, 0) : NULL;
}

/* cf.cond_br %c, ^a(x), ^a(x) -> cf.br ^a(x); with differing operands
 * (this block the only predecessor of ^a) arith.select picks them. */
static eo_rewrite_result
cond_br_identical(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (eo_op_successor(op, 0) != eo_op_successor(op, 1))
        return EO_REWRITE_NO_MATCH;
    dest t, f;
    dest_init(&t, op, 0);
    dest_init(&f, op, 1);
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    eo_block *unique = NULL;
    if (t.ops.nomem || f.ops.nomem || t.ops.n != f.ops.n) {
        r = t.ops.nomem || f.ops.nomem ? EO_REWRITE_FAILED : r;
    } else if (vals_equal(&t.ops, &f.ops)) {
        r = replace_with_br(rw, op, t.block, &t.ops);
    } else if (preds_of(t.block, NULL, &unique), unique == eo_op_block(op)) {
        eo_value *c = eo_op_operand(op, 0);
        eo_builder_set_before(&rw->b, op);
        r = EO_REWRITE_APPLIED;
        for (size_t i = 0; i < t.ops.n && r == EO_REWRITE_APPLIED; i++) {
            if (t.ops.v[i] == f.ops.v[i])
                continue;
            eo_value *s = make_select(rw, op, c, t.ops.v[i], f.ops.v[i]);
            if (!s)
                r = EO_REWRITE_FAILED;
            t.ops.v[i] = s;
        }
        if (r == EO_REWRITE_APPLIED)
            r = replace_with_br(rw, op, t.block, &t.ops);
    }
    vals_fini(&t.ops);
    vals_fini(&f.ops);
    return r;
}

/* A cond_br whose block's single predecessor branched on the same
 * condition goes where that branch went. */
static eo_rewrite_result
cond_br_same_cond(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_block *cur = eo_op_block(op);
    if (!branch_on_same_to(op, CF_COND_BR))
        return EO_REWRITE_NO_MATCH;
    eo_block *pred = single_pred(cur);
    eo_op *pt = pred ? eo_block_last(pred) : NULL;
    if (!pt || cf_op_kind(pt) != CF_COND_BR ||
        eo_op_operand(pt, 0) != eo_op_operand(op, 0))
        return EO_REWRITE_NO_MATCH;
    return replace_with_dest(rw, op,
                             cur == eo_op_successor(pt, 0) ? 0 : 1);
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

/* Uses of the condition in a destination reached only through this
 * branch see it as constant true (false). */
static eo_rewrite_result
cond_br_truth(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *c = eo_op_operand(op, 0);
    bool replaced = false;
    eo_builder_set_before(&rw->b, op);
    for (unsigned s = 0; s < 2; s++) {
        eo_block *d = eo_op_successor(op, s);
        eo_use *next, *u0 = eo_value_first_use(c);
        while (u0 && eo_op_block(eo_use_owner(u0)) != d)
            u0 = eo_use_next(u0);
        if (!u0 || !single_pred(d))
            continue;
        eo_value *k = NULL;
        for (eo_use *u = eo_value_first_use(c); u; u = next) {
            next = eo_use_next(u);
            eo_op *owner = eo_use_owner(u);
            if (eo_op_block(owner) != d)
                continue;
            if (!k && !(k = make_bool(rw, op, s == 0)))
                return EO_REWRITE_FAILED;
            replaced = true;
            eo_rewriter_modify_begin(rw, owner);
            eo_op_set_operand(owner, eo_use_operand_index(u), k);
            eo_rewriter_modify_end(rw, owner);
        }
    }
    return replaced ? EO_REWRITE_APPLIED : EO_REWRITE_NO_MATCH;
}

/* ------------------------------------------------------------------ */
/* cf.switch                                                           */
/* ------------------------------------------------------------------ */

/* A cf.switch taken apart: flag, default and cases. */
typedef struct sw {
    eo_value *flag;
    const eo_attr *values;            /* case_values, or NULL */
    dest def;
    dest *cases;
    size_t n, cap;
    eo_ctx *ctx;
} sw;

static bool
sw_init(sw *s, eo_op *op)
{
    memset(s, 0, sizeof(*s));
    s->ctx = eo_op_ctx(op);
    s->flag = eo_op_operand(op, 0);
    s->values = eo_op_attr(op, "case_values");
    dest_init(&s->def, op, 0);
    size_t n = eo_op_num_successors(op) - 1;
    if (s->values && (eo_attr_get_kind(s->values) != EO_ATTR_DENSE ||
                      eo_type_num_elements(eo_attr_type(s->values)) !=
                          (int64_t)n))
        return false;
    if (!s->values && n)
        return false;
    if (n) {
        s->cases = eo_ctx_alloc(s->ctx, n * sizeof(*s->cases));
        if (!s->cases)
            return false;
        s->n = s->cap = n;
        for (size_t i = 0; i < n; i++)
            dest_init(&s->cases[i], op, (unsigned)(i + 1));
    }
    return true;
}

static void
sw_fini(sw *s)
{
    vals_fini(&s->def.ops);
    for (size_t i = 0; i < s->n; i++)
        vals_fini(&s->cases[i].ops);
    if (s->cases)
        eo_ctx_free(s->ctx, s->cases, s->cap * sizeof(*s->cases));
}

/* Bytes of case value 'i' of 'values' (eb bytes each; splats repeat). */
static const unsigned char *
case_bytes(const eo_attr *values, size_t i, size_t eb)
{
    size_t size;
    const unsigned char *p = eo_attr_dense_data(values, &size);
    if (eo_attr_dense_is_splat(values))
        i = 0;
    return p && (i + 1) * eb <= size ? p + i * eb : NULL;
}

/* Whether case value 'i' equals integer attribute 'c' (same type). */
static bool
case_equals(const eo_attr *values, size_t i, const eo_attr *c)
{
    const eo_type *et = eo_type_elem(eo_attr_type(values));
    size_t eb = eo_dense_elem_bytes(et);
    const unsigned char *p = case_bytes(values, i, eb);
    size_t nw = eo_attr_int_num_words(c);
    const uint64_t *w = eo_attr_int_words(c);
    if (!p)
        return false;
    for (size_t k = 0; k < eb; k++) {
        unsigned char byte = k / 8 < nw ? (unsigned char)(w[k / 8] >>
                                                          (8 * (k % 8)))
                                        : 0;
        if (p[k] != byte)
            return false;
    }
    return true;
}

static bool
case_same(const eo_attr *a, size_t i, const eo_attr *b, size_t j)
{
    const eo_type *et = eo_type_elem(eo_attr_type(a));
    if (et != eo_type_elem(eo_attr_type(b)))
        return false;
    size_t eb = eo_dense_elem_bytes(et);
    const unsigned char *p = case_bytes(a, i, eb);
    const unsigned char *q = case_bytes(b, j, eb);
    return p && q && memcmp(p, q, eb) == 0;
}

/* Replaces 'op' by a cf.switch on s->flag to s->def and the cases
 * s->cases[0..s->n) (their idx naming values in s->values). */
static eo_rewrite_result
replace_with_switch(eo_rewriter *rw, eo_op *op, sw *s)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    eo_op_state st;
    eo_status ok = EO_OK;
    size_t total = 0;
    int32_t *segs = NULL;
    unsigned char *data = NULL;
    size_t eb = 0;
    const eo_attr *cv = NULL;
    eo_op_state_init_def(&st, ctx, cf_op_def(CF_SWITCH), eo_op_loc(op));
    if (s->n) {
        const eo_type *et = eo_type_elem(eo_attr_type(s->values));
        int64_t shape = (int64_t)s->n;
        eb = eo_dense_elem_bytes(et);
        segs = eo_ctx_alloc(ctx, s->n * sizeof(*segs));
        data = eo_ctx_alloc(ctx, s->n * eb);
        const eo_type *vt = eo_type_get_vector(ctx, 1, &shape, NULL, et);
        if (!segs || !data || !vt) {
            ok = EO_NOMEM;
        } else {
            for (size_t i = 0; i < s->n; i++) {
                const unsigned char *p = case_bytes(s->values, s->cases[i].idx,
                                                    eb);
                if (!p) {
                    ok = EO_ERROR;
                    break;
                }
                memcpy(data + i * eb, p, eb);
                segs[i] = (int32_t)s->cases[i].ops.n;
                total += s->cases[i].ops.n;
            }
            if (ok == EO_OK &&
                !(cv = eo_attr_get_dense(ctx, vt, data, s->n * eb, false)))
                ok = EO_NOMEM;
        }
    }
    int32_t oseg[3] = { 1, (int32_t)s->def.ops.n, (int32_t)total };
    const eo_attr *os = i32_array(ctx, 3, oseg);
    const eo_attr *cs = i32_array(ctx, s->n, segs);
    if (ok == EO_OK && (!os || !cs || s->def.ops.nomem))
        ok = EO_NOMEM;
    if (ok == EO_OK)
        ok = eo_op_state_add_operand(&st, s->flag);
    if (ok == EO_OK)
        ok = eo_op_state_add_operands(&st, s->def.ops.n, s->def.ops.v);
    for (size_t i = 0; i < s->n && ok == EO_OK; i++)
        ok = s->cases[i].ops.nomem
                 ? EO_NOMEM
                 : eo_op_state_add_operands(&st, s->cases[i].ops.n,
                                            s->cases[i].ops.v);
    if (ok == EO_OK)
        ok = eo_op_state_add_successor(&st, s->def.block);
    for (size_t i = 0; i < s->n && ok == EO_OK; i++)
        ok = eo_op_state_add_successor(&st, s->cases[i].block);
    if (ok == EO_OK)
        ok = eo_op_state_set_attr(&st, "operandSegmentSizes", os);
    if (ok == EO_OK)
        ok = eo_op_state_set_attr(&st, "case_operand_segments", cs);
    if (ok == EO_OK && cv)
        ok = eo_op_state_set_attr(&st, "case_values", cv);
    if (segs)
        eo_ctx_free(ctx, segs, s->n * sizeof(*segs));
    if (data)
        eo_ctx_free(ctx, data, s->n * eb);
    if (ok != EO_OK) {
        eo_op_state_release(&st);
        return EO_REWRITE_FAILED;
    }
    eo_builder_set_before(&rw->b, op);
    if (!eo_rewriter_create(rw, &st))
        return EO_REWRITE_FAILED;
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

/* Keeps the cases for which keep(s, i, ud) holds; whether any went. */
static bool
sw_filter(sw *s, bool (*keep)(sw *s, size_t i, void *ud), void *ud)
{
    size_t k = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (keep(s, i, ud)) {
            s->cases[k++] = s->cases[i];
            continue;
        }
        vals_fini(&s->cases[i].ops);
    }
    bool dropped = k != s->n;
    s->n = k;
    return dropped;
}

/* cf.switch with only a default -> cf.br. */
static eo_rewrite_result
switch_only_default(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (eo_op_num_successors(op) != 1)
        return EO_REWRITE_NO_MATCH;
    return replace_with_dest(rw, op, 0);
}

static bool
differs_from_default(sw *s, size_t i, void *ud)
{
    (void)ud;
    return s->cases[i].block != s->def.block ||
           !vals_equal(&s->cases[i].ops, &s->def.ops);
}

/* Drops cases that go where the default goes, with the same operands. */
static eo_rewrite_result
switch_drop_default_cases(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    sw s;
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    if (sw_init(&s, op) && sw_filter(&s, differs_from_default, NULL))
        r = replace_with_switch(rw, op, &s);
    sw_fini(&s);
    return r;
}

/* Takes the case whose value is 'c' (or the default). */
static eo_rewrite_result
fold_switch(eo_rewriter *rw, eo_op *op, const eo_attr *values, size_t n,
            bool (*is)(const eo_attr *values, size_t i, const void *key),
            const void *key)
{
    for (size_t i = 0; values && i < n; i++)
        if (is(values, i, key))
            return replace_with_dest(rw, op, (unsigned)(i + 1));
    return replace_with_dest(rw, op, 0);
}

static bool
is_attr(const eo_attr *values, size_t i, const void *key)
{
    return case_equals(values, i, key);
}

/* cf.switch on a constant -> cf.br to its case. */
static eo_rewrite_result
switch_const(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_attr *c = int_cst(eo_op_operand(op, 0));
    const eo_attr *values = eo_op_attr(op, "case_values");
    size_t n = eo_op_num_successors(op) - 1;
    if (!c || (n && (!values || eo_attr_get_kind(values) != EO_ATTR_DENSE)))
        return EO_REWRITE_NO_MATCH;
    return fold_switch(rw, op, values, n, is_attr, c);
}

/* Cases and default that only forward to another block go there. */
static eo_rewrite_result
switch_pass_through(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    sw s;
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    if (sw_init(&s, op)) {
        bool changed = false;
        for (size_t i = 0; i < s.n; i++)
            changed |= collapse_branch(&s.cases[i]);
        changed |= collapse_branch(&s.def);
        if (changed)
            r = replace_with_switch(rw, op, &s);
    }
    sw_fini(&s);
    return r;
}

/* Case value i of the predecessor switch, as the key of fold_switch. */
typedef struct case_key {
    const eo_attr *values;
    size_t i;
} case_key;

static bool
is_case(const eo_attr *values, size_t i, const void *key)
{
    const case_key *k = key;
    return case_same(values, i, k->values, k->i);
}

/* The cf.switch ending the single predecessor of op's block when it
 * switches on the same flag; NULL otherwise. */
static eo_op *
pred_switch(eo_op *op)
{
    if (!branch_on_same_to(op, CF_SWITCH))
        return NULL;
    eo_block *pred = single_pred(eo_op_block(op));
    eo_op *pt = pred ? eo_block_last(pred) : NULL;
    if (!pt || cf_op_kind(pt) != CF_SWITCH ||
        eo_op_operand(pt, 0) != eo_op_operand(op, 0))
        return NULL;
    return pt;
}

/* Reached through a case of a switch on the same flag: the flag is that
 * case's value. */
static eo_rewrite_result
switch_same_cond(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_block *cur = eo_op_block(op);
    eo_op *ps = pred_switch(op);
    if (!ps || eo_op_successor(ps, 0) == cur)
        return EO_REWRITE_NO_MATCH;
    const eo_attr *pv = eo_op_attr(ps, "case_values");
    const eo_attr *values = eo_op_attr(op, "case_values");
    size_t n = eo_op_num_successors(op) - 1;
    for (size_t i = 1; i < eo_op_num_successors(ps); i++) {
        if (eo_op_successor(ps, i) != cur)
            continue;
        if (!pv || eo_attr_get_kind(pv) != EO_ATTR_DENSE ||
            (n && (!values || eo_attr_get_kind(values) != EO_ATTR_DENSE)))
            return EO_REWRITE_NO_MATCH;
        case_key k = { pv, i - 1 };
        return fold_switch(rw, op, values, n, is_case, &k);
    }
    return replace_with_dest(rw, op, 0);
}

/* Sorted byte strings of the case values to remove (fixed width). */
typedef struct value_set {
    const unsigned char **v;
    size_t n;
    size_t eb;
} value_set;

/* Heapsort of the byte strings (no global state: passes run in
 * parallel threads). */
static void
sift_down(const unsigned char **v, size_t n, size_t i, size_t eb)
{
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            return;
        if (c + 1 < n && memcmp(v[c + 1], v[c], eb) > 0)
            c++;
        if (memcmp(v[c], v[i], eb) <= 0)
            return;
        const unsigned char *t = v[i];
        v[i] = v[c];
        v[c] = t;
        i = c;
    }
}

static void
value_set_sort(value_set *vs)
{
    for (size_t i = vs->n / 2; i-- > 0;)
        sift_down(vs->v, vs->n, i, vs->eb);
    for (size_t end = vs->n; end > 1; end--) {
        const unsigned char *t = vs->v[0];
        vs->v[0] = vs->v[end - 1];
        vs->v[end - 1] = t;
        sift_down(vs->v, end - 1, 0, vs->eb);
    }
}

static bool
not_removed(sw *s, size_t i, void *ud)
{
    const value_set *vs = ud;
    const unsigned char *p = case_bytes(s->values, s->cases[i].idx, vs->eb);
    size_t lo = 0, hi = vs->n;
    while (p && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = memcmp(vs->v[mid], p, vs->eb);
        if (c == 0)
            return false;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return true;
}

/* Reached as the default of a switch on the same flag: cases that switch
 * sends elsewhere cannot happen here. */
static eo_rewrite_result
switch_default_same_cond(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_block *cur = eo_op_block(op);
    eo_op *ps = pred_switch(op);
    if (!ps || eo_op_successor(ps, 0) != cur)
        return EO_REWRITE_NO_MATCH;
    const eo_attr *pv = eo_op_attr(ps, "case_values");
    size_t pn = eo_op_num_successors(ps) - 1;
    if (!pn || !pv || eo_attr_get_kind(pv) != EO_ATTR_DENSE)
        return EO_REWRITE_NO_MATCH;
    sw s;
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    const eo_type *et = eo_type_elem(eo_attr_type(pv));
    if (!sw_init(&s, op) || !s.n ||
        et != eo_type_elem(eo_attr_type(s.values))) {
        sw_fini(&s);
        return r;
    }
    value_set vs = { NULL, 0, eo_dense_elem_bytes(et) };
    vs.v = eo_ctx_alloc(s.ctx, pn * sizeof(*vs.v));
    if (!vs.v) {
        sw_fini(&s);
        return EO_REWRITE_FAILED;
    }
    for (size_t i = 0; i < pn; i++) {
        const unsigned char *p = case_bytes(pv, i, vs.eb);
        if (p && eo_op_successor(ps, i + 1) != cur)
            vs.v[vs.n++] = p;
    }
    value_set_sort(&vs);
    if (sw_filter(&s, not_removed, &vs))
        r = replace_with_switch(rw, op, &s);
    eo_ctx_free(s.ctx, vs.v, pn * sizeof(*vs.v));
    sw_fini(&s);
    return r;
}

/* ------------------------------------------------------------------ */
/* The rows                                                            */
/* ------------------------------------------------------------------ */

#define PAT(name, fn) { name, NULL, 1, fn, NULL }
#define END { NULL, NULL, 0, NULL, NULL }

const eo_pattern cf_assert_canon[] = {
    PAT("cf.AssertOp.canonicalize", assert_true),
    END,
};

const eo_pattern cf_br_canon[] = {
    PAT("cf.SimplifyBrToBlockWithSinglePred", br_single_pred),
    PAT("cf.SimplifyPassThroughBr", br_pass_through),
    END,
};

const eo_pattern cf_cond_br_canon[] = {
    PAT("cf.SimplifyConstCondBranchPred", cond_br_const),
    PAT("cf.SimplifyPassThroughCondBranch", cond_br_pass_through),
    PAT("cf.SimplifyCondBranchIdenticalSuccessors", cond_br_identical),
    PAT("cf.SimplifyCondBranchFromCondBranchOnSameCondition",
        cond_br_same_cond),
    PAT("cf.CondBranchTruthPropagation", cond_br_truth),
    END,
};

const eo_pattern cf_switch_canon[] = {
    PAT("cf.simplifySwitchWithOnlyDefault", switch_only_default),
    PAT("cf.dropSwitchCasesThatMatchDefault", switch_drop_default_cases),
    PAT("cf.simplifyConstSwitchValue", switch_const),
    PAT("cf.simplifyPassThroughSwitch", switch_pass_through),
    PAT("cf.simplifySwitchFromSwitchOnSameCondition", switch_same_cond),
    PAT("cf.simplifySwitchFromDefaultSwitchOnSameCondition",
        switch_default_same_cond),
    END,
};

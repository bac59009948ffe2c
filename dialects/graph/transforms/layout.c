/* dialects/graph/transforms/layout.c - the graph-layout pass: a layout
 * choice per conv2d / pool site, then transpose cleanup.
 *
 *   1. For each conv2d, max_pool, avg_pool, global_avg_pool and
 *      global_max_pool, the knob "layout.<site>" (enum NCHW, NHWC; default
 *      the op's current layout) picks its layout. A switched op gets the
 *      new 'layout' attribute, its input transposed into the new layout
 *      and its result transposed back (graph.transpose ops); a conv's
 *      filter goes OIHW <-> OHWI (a new constant when it is one, else a
 *      transpose).
 *   2. Cleanup (greedy): transpose(transpose(x)) -> x (inverse perms) or
 *      one transpose; a transpose moves below a unary elementwise op it
 *      alone feeds, and below a binary elementwise op whose operands are
 *      both such transposes by the same perm, or one such transpose and a
 *      constant (transposed, after its broadcast dims of size 1 are made
 *      explicit) or a rank-0 value, and below a concat of transposes by
 *      the same perm (its axis permuted). So the transposes between two
 *      switched layers meet and cancel.
 *
 * Preserves: the interpreter's results exactly.
 */
#include "dialects/graph/transforms/internal.h"

#include "dialects/quant/quant.h"

#include <stdlib.h>
#include <string.h>

static const char *const layout_names[] = { "NCHW", "NHWC" };
static const eo_knob_domain layout_domain = {
    .kind = EO_KNOB_ENUM, .names = layout_names, .count = 2,
};

static const int64_t to_nhwc[4] = { 0, 2, 3, 1 };
static const int64_t to_nchw[4] = { 0, 3, 1, 2 };

/* The permutation of transpose 'op' (rank 'rank') into perm[]. */
static bool
get_perm(const eo_op *op, size_t rank, int64_t *perm)
{
    long n = eo_graph_attr_ints(op, "perm", perm, EO_GRAPH_MAX_RANK);
    if (n < 0) {
        for (size_t i = 0; i < rank; i++)
            perm[i] = (int64_t)(rank - 1 - i);
        return true;
    }
    return (size_t)n == rank;
}

/* ------------------------------------------------------------------ */
/* Step 1: per-site layout                                             */
/* ------------------------------------------------------------------ */

typedef struct sites {
    eo_op **ops;
    size_t n, cap;
    bool oom;
} sites;

static bool
per_tensor_or_plain(const eo_value *v)
{
    eo_quant_params p;
    const eo_type *e = gt_elem(v);
    return !e || !eo_quant_get_params(e, &p) || p.axis < 0;
}

/* A conv2d or pool on 4-D tensors, not per-channel quantized ones (whose
 * quantized axis a transpose would move). */
static bool
is_site(const eo_op *op)
{
    int k = eo_graph_op_kind(op);
    if (k != GRAPH_CONV2D && k != GRAPH_MAX_POOL && k != GRAPH_AVG_POOL &&
        k != GRAPH_GLOBAL_AVG_POOL && k != GRAPH_GLOBAL_MAX_POOL)
        return false;
    const eo_type *t = eo_value_type(eo_op_operand(op, 0));
    return eo_type_get_kind(t) == EO_TYPE_TENSOR && eo_type_rank(t) == 4 &&
           eo_op_num_results(op) == 1 &&
           per_tensor_or_plain(eo_op_operand(op, 0)) &&
           per_tensor_or_plain(eo_op_result(op, 0));
}

static eo_walk_result
collect_site(eo_op *op, void *ud)
{
    sites *s = ud;
    if (!is_site(op))
        return EO_WALK_ADVANCE;
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 32;
        eo_op **ops = realloc(s->ops, cap * sizeof(*ops));
        if (!ops) {
            s->oom = true;
            return EO_WALK_INTERRUPT;
        }
        s->ops = ops;
        s->cap = cap;
    }
    s->ops[s->n++] = op;
    return EO_WALK_ADVANCE;
}

/* The filter of conv 'op' in the other layout. */
static eo_value *
switch_filter(eo_rewriter *rw, eo_op *op, const int64_t *perm, bool nhwc)
{
    eo_value *w = eo_op_operand(op, 1);
    if (!gt_const_has_data(w))
        return gt_transpose(rw, w, perm);
    eo_tensor t, tt;
    memset(&tt, 0, sizeof(tt));
    if (gt_const_tensor(w, &t) != EO_OK)
        return NULL;
    eo_status st = gt_tensor_transpose(&t, perm, &tt);
    eo_tensor_free(&t);
    eo_value *r = NULL;
    if (st == EO_OK) {
        const eo_type *wt = eo_value_type(w);
        int64_t shape[4];
        for (size_t i = 0; i < 4; i++)
            shape[i] = eo_type_dim(wt, (size_t)perm[i]);
        const eo_type *nt = gt_tensor(eo_rewriter_ctx(rw), 4, shape,
                                      eo_type_elem(wt));
        eo_strbuf key = { 0 };
        gt_resource_key(op, nhwc ? "weight_ohwi" : "weight_oihw", &key);
        r = nt ? gt_create_const(rw, nt, tt.data, tt.nbytes, key.data, 16)
               : NULL;
        eo_strbuf_free(&key);
    }
    eo_tensor_free(&tt);
    return r;
}

/* An existing transpose of 'x' by 'perm' that dominates 'user' (the input
 * transpose of another switched site reading x), else a new one. */
static eo_value *
transpose_for(eo_rewriter *rw, eo_value *x, const int64_t *perm,
              eo_op *user)
{
    size_t rank = eo_type_rank(eo_value_type(x));
    int64_t p[EO_GRAPH_MAX_RANK];
    for (eo_use *u = eo_value_first_use(x); u; u = eo_use_next(u)) {
        eo_op *t = eo_use_owner(u);
        if (eo_graph_op_kind(t) == GRAPH_TRANSPOSE &&
            get_perm(t, rank, p) &&
            memcmp(p, perm, rank * sizeof(*p)) == 0 &&
            eo_value_dominates(eo_op_result(t, 0), user))
            return eo_op_result(t, 0);
    }
    return gt_transpose(rw, x, perm);
}

/* Rewrites site 'op' into layout 'nhwc'. */
static eo_status
switch_layout(eo_rewriter *rw, eo_op *op, bool nhwc)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const int64_t *pin = nhwc ? to_nhwc : to_nchw;
    const int64_t *pout = nhwc ? to_nchw : to_nhwc;
    size_t n = eo_op_num_operands(op);
    eo_value *ops[3];
    if (n > 3)
        return EO_ERROR;
    rw->root = op;
    eo_builder_set_before(&rw->b, op);
    ops[0] = transpose_for(rw, eo_op_operand(op, 0), pin, op);
    for (size_t i = 1; i < n; i++)
        ops[i] = i == 1 && eo_graph_op_kind(op) == GRAPH_CONV2D
                     ? switch_filter(rw, op, pin, nhwc)
                     : eo_op_operand(op, i);
    for (size_t i = 0; i < n; i++)
        if (!ops[i])
            return EO_NOMEM;
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    int64_t shape[4];
    for (size_t i = 0; i < 4; i++)
        shape[i] = eo_type_dim(rt, (size_t)pin[i]);
    const eo_type *nrt = gt_tensor(ctx, 4, shape, eo_type_elem(rt));
    const char *ln = layout_names[nhwc];
    eo_named_attr set = { eo_ident_cstr(ctx, "layout"),
                          eo_attr_get_string(ctx, ln, 4, NULL) };
    if (!nrt || !set.name || !set.value)
        return EO_NOMEM;
    eo_op *nop = gt_create_op(rw, (eo_graph_op)eo_graph_op_kind(op), n, ops,
                              1, &nrt, op, 1, &set);
    if (!nop)
        return EO_NOMEM;
    eo_value *y = gt_transpose(rw, eo_op_result(nop, 0), pout);
    if (!y)
        return EO_NOMEM;
    eo_rewriter_replace_op(rw, op, &y);
    rw->root = NULL;
    return EO_OK;
}

static eo_status
choose_layouts(eo_op *func, eo_pass_ctx *pc, bool *changed)
{
    sites s = { 0 };
    if (eo_op_walk(func, EO_WALK_PRE, collect_site, &s) || s.oom) {
        free(s.ops);
        return EO_NOMEM;
    }
    eo_rewriter rw;
    eo_rewriter_init(&rw, eo_pass_ctx_ctx(pc), NULL, eo_pass_ctx_knobs(pc));
    eo_status st = EO_OK;
    for (size_t i = 0; st == EO_OK && i < s.n; i++) {
        eo_op *op = s.ops[i];
        bool cur = strcmp(eo_graph_attr_str(op, "layout", "NCHW"),
                          "NHWC") == 0;
        int64_t v = eo_knob_ask(eo_pass_ctx_knobs(pc), "layout", op, NULL,
                                &layout_domain, cur, "graph-layout");
        if ((v == 1) == cur)
            continue;
        st = switch_layout(&rw, op, v == 1);
        *changed = true;
    }
    free(s.ops);
    return st;
}

/* ------------------------------------------------------------------ */
/* Step 2: transpose cleanup                                           */
/* ------------------------------------------------------------------ */

/* transpose(transpose(x, p1), p2) -> x or transpose(x, p1 o p2). */
static eo_rewrite_result
match_double(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *in = gt_def(eo_op_operand(op, 0), GRAPH_TRANSPOSE);
    if (!in)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(in, 0);
    size_t rank = eo_type_rank(eo_value_type(x));
    int64_t p1[EO_GRAPH_MAX_RANK], p2[EO_GRAPH_MAX_RANK],
        q[EO_GRAPH_MAX_RANK];
    if (rank > EO_GRAPH_MAX_RANK || !per_tensor_or_plain(x) ||
        !get_perm(in, rank, p1) ||
        !get_perm(op, rank, p2))
        return EO_REWRITE_NO_MATCH;
    bool identity = true;
    for (size_t i = 0; i < rank; i++) {
        q[i] = p1[p2[i]];
        identity = identity && q[i] == (int64_t)i;
    }
    eo_value *r = x;
    if (!identity) {
        eo_builder_set_before(&rw->b, op);
        r = gt_transpose(rw, x, q);
        if (!r)
            return EO_REWRITE_FAILED;
    }
    if (eo_value_type(r) != eo_value_type(eo_op_result(op, 0)))
        return EO_REWRITE_FAILED;
    eo_rewriter_replace_op(rw, op, &r);
    return EO_REWRITE_APPLIED;
}

/* A transpose feeding only 'user': its op, else NULL. */
static eo_op *
sole_transpose(eo_value *v)
{
    eo_op *t = gt_def(v, GRAPH_TRANSPOSE);
    return t && eo_value_has_one_use(v) ? t : NULL;
}

/* Creates op 'like' anew on ops[] with its result type's element type and
 * the shape of 'shape_of', then the transpose by 'perm' after it; replaces
 * 'like'. */
static eo_rewrite_result
sink(eo_rewriter *rw, eo_op *like, size_t n, eo_value *const *ops,
     const eo_type *shape_of, const int64_t *perm)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_type *rt = eo_value_type(eo_op_result(like, 0));
    const eo_type *nt = gt_tensor(ctx, eo_type_rank(shape_of),
                                  eo_type_shape(shape_of), eo_type_elem(rt));
    if (!nt)
        return EO_REWRITE_FAILED;
    eo_builder_set_before(&rw->b, like);
    eo_op *nop = gt_create_op(rw, (eo_graph_op)eo_graph_op_kind(like), n,
                              ops, 1, &nt, like, 0, NULL);
    if (!nop)
        return EO_REWRITE_FAILED;
    eo_value *y = gt_transpose(rw, eo_op_result(nop, 0), perm);
    if (!y || eo_value_type(y) != rt)
        return EO_REWRITE_FAILED;
    eo_rewriter_replace_op(rw, like, &y);
    return EO_REWRITE_APPLIED;
}

static eo_rewrite_result
match_unary(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *t = sole_transpose(eo_op_operand(op, 0));
    if (!t || eo_op_num_results(op) != 1 ||
        !per_tensor_or_plain(eo_op_operand(op, 0)) ||
        !per_tensor_or_plain(eo_op_result(op, 0)))
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(t, 0);
    int64_t perm[EO_GRAPH_MAX_RANK];
    size_t rank = eo_type_rank(eo_value_type(x));
    if (rank > EO_GRAPH_MAX_RANK || !get_perm(t, rank, perm))
        return EO_REWRITE_NO_MATCH;
    return sink(rw, op, 1, &x, eo_value_type(x), perm);
}

/* Whether tensor types 'a' and 'b' have the same shape. */
static bool
same_shape(const eo_type *a, const eo_type *b)
{
    size_t r = eo_type_rank(a);
    if (r != eo_type_rank(b))
        return false;
    for (size_t i = 0; i < r; i++)
        if (eo_type_dim(a, i) != eo_type_dim(b, i))
            return false;
    return true;
}

/* The constant 'c' (of rank 'rank' or less: broadcasting then prepends
 * dims of size 1) as rank 'rank', transposed by the inverse of 'perm'. */
static eo_value *
untranspose_const(eo_rewriter *rw, eo_op *user, eo_value *c,
                  const int64_t *perm, size_t rank)
{
    int64_t inv[EO_GRAPH_MAX_RANK], full[EO_GRAPH_MAX_RANK],
        shape[EO_GRAPH_MAX_RANK];
    for (size_t i = 0; i < rank; i++)
        inv[perm[i]] = (int64_t)i;
    const eo_type *ct = eo_value_type(c);
    size_t cr = eo_type_rank(ct);
    for (size_t i = 0; i < rank; i++)
        full[i] = i < rank - cr ? 1 : eo_type_dim(ct, i - (rank - cr));
    for (size_t i = 0; i < rank; i++)
        shape[i] = full[inv[i]];
    eo_tensor t, tt;
    memset(&tt, 0, sizeof(tt));
    if (gt_const_tensor(c, &t) != EO_OK)
        return NULL;
    /* Same data, read with the full-rank shape. */
    t.rank = rank;
    memcpy(t.shape, full, rank * sizeof(*full));
    eo_status st = gt_tensor_transpose(&t, inv, &tt);
    eo_tensor_free(&t);
    eo_value *r = NULL;
    const eo_type *nt = gt_tensor(eo_rewriter_ctx(rw), rank, shape,
                                  eo_type_elem(ct));
    if (st == EO_OK && nt) {
        eo_strbuf key = { 0 };
        gt_resource_key(user, "operand_t", &key);
        eo_builder_set_before(&rw->b, user);
        r = gt_create_const(rw, nt, tt.data, tt.nbytes, key.data, 16);
        eo_strbuf_free(&key);
    }
    eo_tensor_free(&tt);
    return r;
}

static eo_rewrite_result
match_binary(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *a = eo_op_operand(op, 0), *b = eo_op_operand(op, 1);
    eo_op *ta = gt_def(a, GRAPH_TRANSPOSE), *tb = gt_def(b, GRAPH_TRANSPOSE);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    size_t rank = eo_type_rank(rt);
    int64_t pa[EO_GRAPH_MAX_RANK], pb[EO_GRAPH_MAX_RANK];
    if (rank > EO_GRAPH_MAX_RANK || eo_op_num_results(op) != 1 ||
        (!ta && !tb) || !per_tensor_or_plain(eo_op_result(op, 0)))
        return EO_REWRITE_NO_MATCH;
    eo_value *ops[2];
    const eo_type *shape_of;
    if (ta && tb) {
        /* Both transposed alike, used only here. */
        size_t uses = ta == tb ? 2 : 1;
        if (eo_value_num_uses(a) != uses || eo_value_num_uses(b) != uses ||
            !same_shape(eo_value_type(a), rt) ||
            !same_shape(eo_value_type(b), rt) ||
            !get_perm(ta, rank, pa) || !get_perm(tb, rank, pb) ||
            memcmp(pa, pb, rank * sizeof(*pa)) != 0)
            return EO_REWRITE_NO_MATCH;
        ops[0] = eo_op_operand(ta, 0);
        ops[1] = eo_op_operand(tb, 0);
        shape_of = eo_value_type(ops[0]);
        return sink(rw, op, 2, ops, shape_of, pa);
    }
    eo_op *t = ta ? ta : tb;
    eo_value *tv = ta ? a : b, *other = ta ? b : a;
    size_t orank = eo_type_rank(eo_value_type(other));
    if (!eo_value_has_one_use(tv) || !same_shape(eo_value_type(tv), rt) ||
        !get_perm(t, rank, pa) ||
        !(orank == 0 || (orank <= rank && gt_const_has_data(other))))
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(t, 0), *o2 = other;
    if (orank > 0) {
        o2 = untranspose_const(rw, op, other, pa, rank);
        if (!o2)
            return EO_REWRITE_FAILED;
    }
    ops[0] = ta ? x : o2;
    ops[1] = ta ? o2 : x;
    return sink(rw, op, 2, ops, eo_value_type(x), pa);
}

/* concat(transpose(a_i, p)...) along axis k, every operand a transpose by
 * the same perm used only here -> transpose(concat(a_i...) along p[k]). */
static eo_rewrite_result
match_concat(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    size_t n = eo_op_num_operands(op);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    size_t rank = eo_type_rank(rt);
    int64_t perm[EO_GRAPH_MAX_RANK], p2[EO_GRAPH_MAX_RANK];
    int64_t axis = eo_graph_attr_int(op, "axis", 0);
    if (axis < 0)
        axis += (int64_t)rank;
    if (n == 0 || rank > EO_GRAPH_MAX_RANK || axis < 0 ||
        axis >= (int64_t)rank || !per_tensor_or_plain(eo_op_result(op, 0)))
        return EO_REWRITE_NO_MATCH;
    for (size_t i = 0; i < n; i++) {
        eo_value *v = eo_op_operand(op, i);
        eo_op *t = gt_def(v, GRAPH_TRANSPOSE);
        size_t uses_here = 0;
        for (size_t j = 0; j < n; j++)
            uses_here += eo_op_operand(op, j) == v;
        if (!t || eo_value_num_uses(v) != uses_here ||
            !get_perm(t, rank, i ? p2 : perm) ||
            (i && memcmp(perm, p2, rank * sizeof(*p2)) != 0))
            return EO_REWRITE_NO_MATCH;
    }
    eo_value **ops = calloc(n, sizeof(*ops));
    if (!ops)
        return EO_REWRITE_FAILED;
    for (size_t i = 0; i < n; i++)
        ops[i] = eo_op_operand(eo_value_def_op(eo_op_operand(op, i)), 0);
    int64_t shape[EO_GRAPH_MAX_RANK];
    for (size_t i = 0; i < rank; i++)
        shape[perm[i]] = eo_type_dim(rt, i);
    const eo_type *nt = gt_tensor(ctx, rank, shape, eo_type_elem(rt));
    eo_named_attr set = { eo_ident_cstr(ctx, "axis"),
                          eo_attr_get_int(ctx, eo_type_get_int(ctx, 64),
                                          perm[axis]) };
    eo_op *nop = NULL;
    if (nt && set.name && set.value) {
        eo_builder_set_before(&rw->b, op);
        nop = gt_create_op(rw, GRAPH_CONCAT, n, ops, 1, &nt, op, 1, &set);
    }
    free(ops);
    eo_value *y = nop ? gt_transpose(rw, eo_op_result(nop, 0), perm) : NULL;
    if (!y || eo_value_type(y) != rt)
        return EO_REWRITE_FAILED;
    eo_rewriter_replace_op(rw, op, &y);
    return EO_REWRITE_APPLIED;
}

#define CLEAN_ROW(op, fn)                                               \
    { .name = "graph.layout-cleanup", .root = "graph." op, .benefit = 1,  \
      .match_and_rewrite = fn }

static const eo_pattern cleanup_patterns[] = {
    CLEAN_ROW("transpose", match_double),
    CLEAN_ROW("relu", match_unary), CLEAN_ROW("sigmoid", match_unary),
    CLEAN_ROW("tanh", match_unary), CLEAN_ROW("hard_swish", match_unary),
    CLEAN_ROW("neg", match_unary), CLEAN_ROW("abs", match_unary),
    CLEAN_ROW("sqrt", match_unary), CLEAN_ROW("exp", match_unary),
    CLEAN_ROW("log", match_unary), CLEAN_ROW("erf", match_unary),
    CLEAN_ROW("gelu", match_unary), CLEAN_ROW("clip", match_unary),
    CLEAN_ROW("leaky_relu", match_unary),
    CLEAN_ROW("hard_sigmoid", match_unary),
    CLEAN_ROW("quantize", match_unary), CLEAN_ROW("dequantize", match_unary),
    CLEAN_ROW("requantize", match_unary),
    CLEAN_ROW("add", match_binary), CLEAN_ROW("sub", match_binary),
    CLEAN_ROW("mul", match_binary), CLEAN_ROW("div", match_binary),
    CLEAN_ROW("max", match_binary), CLEAN_ROW("min", match_binary),
    CLEAN_ROW("pow", match_binary),
    CLEAN_ROW("concat", match_concat),
    { 0 },
};

static eo_status
run_layout(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    bool changed = false;
    eo_status st = choose_layouts(op, pc, &changed);
    if (st != EO_OK || !changed) {
        if (st == EO_OK)
            eo_pass_ctx_mark_unchanged(pc);
        return st;
    }
    return gt_run_patterns(op, pc, cleanup_patterns, NULL, true);
}

const eo_pass_def gt_pass_layout = {
    .name = "graph-layout",
    .description = "Choose NCHW or NHWC per conv2d / pool site (knob "
                   "layout.<site>) and cancel the transposes between",
    .anchor = "func.func",
    .run = run_layout,
};

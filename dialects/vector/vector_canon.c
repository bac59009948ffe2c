/* dialects/vector/vector_canon.c - canonicalization patterns of the
 * vector dialect (MLIR 19's BroadcastFolder, ExtractOpFromBroadcast and
 * CreateMaskFolder); the folds live with the ops in vector.c and
 * vector_xfer.c.
 */
#include "dialects/vector/vector_internal.h"

#include <stdlib.h>

/* Replaces 'op' (one result of type 't') by a new 'k' op with the
 * given operands and attribute, created before it. */
static eo_rewrite_result
replace_with(eo_rewriter *rw, eo_op *op, enum vector_op k, size_t n,
             eo_value *const *operands, const eo_type *t, const char *attr,
             const eo_attr *value)
{
    eo_op_state st;
    eo_op_state_init_def(&st, eo_op_ctx(op), vector_op_def(k),
                         eo_op_loc(op));
    if (eo_op_state_add_operands(&st, n, operands) != EO_OK ||
        eo_op_state_add_result(&st, t) != EO_OK ||
        (attr && eo_op_state_set_attr(&st, attr, value) != EO_OK)) {
        eo_op_state_release(&st);
        return EO_REWRITE_FAILED;
    }
    eo_builder_set_before(&rw->b, op);
    eo_op *nop = eo_rewriter_create(rw, &st);
    if (!nop)
        return EO_REWRITE_FAILED;
    eo_value *r = eo_op_result(nop, 0);
    eo_rewriter_replace_op(rw, op, &r);
    return EO_REWRITE_APPLIED;
}

/* broadcast(broadcast(x)) -> broadcast(x) */
static eo_rewrite_result
broadcast_of_broadcast(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *src = eo_op_operand(op, 0);
    eo_op *d = src ? eo_value_def_op(src) : NULL;
    if (!d || vector_op_kind(d) != VECTOR_BROADCAST)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(d, 0);
    return replace_with(rw, op, VECTOR_BROADCAST, 1, &x,
                        vec_result_type(op, 0), NULL, NULL);
}

static size_t
rank_of(const eo_type *t)
{
    return vec_is_vector(t) ? eo_type_rank(t) : 0;
}

/* extract(broadcast/splat x) where the result has at least x's rank
 * (and is not x's type, which the fold handles) -> broadcast x to the
 * result type; a 0-D x with a scalar result -> extractelement. */
static eo_rewrite_result
extract_from_broadcast(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *v = eo_op_operand(op, 0);
    eo_op *d = v ? eo_value_def_op(v) : NULL;
    enum vector_op k = d ? vector_op_kind(d) : VECTOR_NUM_OPS;
    if (k != VECTOR_BROADCAST && k != VECTOR_SPLAT)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(d, 0);
    const eo_type *xt = eo_value_type(x), *rt = vec_result_type(op, 0);
    if (rt == xt || rank_of(rt) < rank_of(xt))
        return EO_REWRITE_NO_MATCH;
    if (rank_of(rt) == 0) {
        if (!vec_is_vector(xt) || vec_is_vector(rt))
            return EO_REWRITE_NO_MATCH;
        return replace_with(rw, op, VECTOR_EXTRACTELEMENT, 1, &x, rt, NULL,
                            NULL);
    }
    return replace_with(rw, op, VECTOR_BROADCAST, 1, &x, rt, NULL, NULL);
}

/* create_mask with constant operands -> constant_mask (sizes clamped to
 * the dims; any size <= 0 makes every size 0). Scalable dims fold only
 * when empty. */
static eo_rewrite_result
create_mask_folder(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    const eo_type *rt = vec_result_type(op, 0);
    size_t n = eo_op_num_operands(op);
    if (!vec_is_vector(rt) || eo_type_rank(rt) == 0 ||
        n != eo_type_rank(rt))
        return EO_REWRITE_NO_MATCH;
    int64_t *sizes = calloc(n, sizeof *sizes);
    const eo_attr **e = calloc(n, sizeof *e);
    eo_rewrite_result r = EO_REWRITE_NO_MATCH;
    bool zero = false;
    if (!sizes || !e) {
        r = EO_REWRITE_FAILED;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const eo_attr *c = eo_value_constant(eo_op_operand(op, i));
        if (!c || eo_attr_get_kind(c) != EO_ATTR_INTEGER)
            goto out;
        int64_t v = eo_attr_int_value(c);
        if (eo_type_dim_is_scalable(rt, i) && v > 0)
            goto out;
        int64_t dim = eo_type_dim(rt, i);
        sizes[i] = v < dim ? v : dim;
        zero = zero || v <= 0;
    }
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    for (size_t i = 0; i < n; i++) {
        e[i] = i64 ? eo_attr_get_int(ctx, i64, zero ? 0 : sizes[i]) : NULL;
        if (!e[i]) {
            r = EO_REWRITE_FAILED;
            goto out;
        }
    }
    const eo_attr *arr = eo_attr_get_array(ctx, n, e);
    r = arr ? replace_with(rw, op, VECTOR_CONSTANT_MASK, 0, NULL, rt,
                           "mask_dim_sizes", arr)
            : EO_REWRITE_FAILED;
out:
    free(sizes);
    free(e);
    return r;
}

#define PAT(name, fn) { name, NULL, 1, fn, NULL }
#define END { NULL, NULL, 0, NULL, NULL }

const eo_pattern vec_broadcast_canon[] = {
    PAT("vector.BroadcastFolder", broadcast_of_broadcast),
    END,
};

const eo_pattern vec_extract_canon[] = {
    PAT("vector.ExtractOpFromBroadcast", extract_from_broadcast),
    END,
};

const eo_pattern vec_create_mask_canon[] = {
    PAT("vector.CreateMaskFolder", create_mask_folder),
    END,
};

/* dialects/graph/transforms/internal.h - declarations shared by the files
 * of dialects/graph/transforms/ only: the pass definitions (one per file)
 * and helpers that build graph ops and constants through a rewriter.
 */
#ifndef EO_DIALECTS_GRAPH_TRANSFORMS_INTERNAL_H
#define EO_DIALECTS_GRAPH_TRANSFORMS_INTERNAL_H

#include "dialects/graph/transforms/transforms.h"

#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "rewrite/rewrite.h"

/* One pass definition per file. */
EO_HIDDEN extern const eo_pass_def gt_pass_const_fold, gt_pass_fold_bn,
    gt_pass_fuse_act, gt_pass_fold_qdq, gt_pass_layout, gt_pass_optimize;

/* The defining op of 'v' if it is graph op 'k', else NULL. */
EO_HIDDEN eo_op *gt_def(const eo_value *v, eo_graph_op k);
/* Whether 'v' is defined by a graph.constant whose value is present (not
 * an elided dense_resource blob). */
EO_HIDDEN bool gt_const_has_data(const eo_value *v);
/* The element type of tensor 'v', and whether it is a quant type. */
EO_HIDDEN const eo_type *gt_elem(const eo_value *v);
EO_HIDDEN bool gt_is_quant(const eo_value *v);
EO_HIDDEN bool gt_is_f32(const eo_value *v);

/* tensor<shape x elem>, NULL on failure. */
EO_HIDDEN const eo_type *gt_tensor(eo_ctx *ctx, size_t rank,
                                   const int64_t *shape, const eo_type *elem);

/* The value of the graph.constant behind 'v' as a host tensor (borrowed
 * from the attribute where possible; free with eo_tensor_free).
 * EO_ERROR after a diagnostic if the data is absent. */
EO_HIDDEN EO_NODISCARD eo_status gt_const_tensor(const eo_value *v,
                                                 eo_tensor *out);

/* Creates, at the rewriter's insertion point, a graph.constant of tensor
 * type 'type' (quantized types get the "as" form) holding 'data' (the
 * elements in the storage type's dense layout, 'size' bytes): a splat
 * dense attribute when all elements are equal, a dense attribute for at
 * most 'max_dense' elements, else a new dense_resource blob named after
 * 'key' (sanitized; made unique). NULL on failure. */
EO_HIDDEN eo_value *gt_create_const(eo_rewriter *rw, const eo_type *type,
                                    const void *data, size_t size,
                                    const char *key, int64_t max_dense);

/* Creates graph op 'k' at the insertion point with operands ops[0..nops),
 * result types res[0..nres) and the attributes of 'like' (NULL: none)
 * with the 'nset' entries of 'set' replacing or adding to them (a NULL
 * value removes one). NULL on failure. */
EO_HIDDEN eo_op *gt_create_op(eo_rewriter *rw, eo_graph_op k, size_t nops,
                              eo_value *const *ops, size_t nres,
                              const eo_type *const *res, const eo_op *like,
                              size_t nset, const eo_named_attr *set);

/* graph.transpose of 'x' by 'perm' (rank of x entries). NULL on
 * failure. */
EO_HIDDEN eo_value *gt_transpose(eo_rewriter *rw, eo_value *x,
                                 const int64_t *perm);
/* Transposes host tensor 'in' by 'perm' into the (allocated) 'out'. */
EO_HIDDEN EO_NODISCARD eo_status gt_tensor_transpose(const eo_tensor *in,
                                                     const int64_t *perm,
                                                     eo_tensor *out);

/* The site key of 'op' made into a resource key ("[A-Za-z0-9_.]", not
 * starting with a digit) with '.suffix' appended, in 'out'. */
EO_HIDDEN void gt_resource_key(const eo_op *op, const char *suffix,
                               eo_strbuf *out);

/* Runs 'pats' (rows ending with a NULL name; each gets 'data') through
 * the greedy driver on 'op' without fold hooks; marks the pass unchanged
 * if nothing changed and not 'changed_before'. */
EO_HIDDEN EO_NODISCARD eo_status gt_run_patterns(eo_op *op, eo_pass_ctx *pc,
                                                 const eo_pattern *pats,
                                                 const void *data,
                                                 bool changed_before);

#endif /* EO_DIALECTS_GRAPH_TRANSFORMS_INTERNAL_H */

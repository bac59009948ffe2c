/* dialects/tl/tl_internal.h - what tl.c (the generic op, the common
 * syntax and checks, the table) and tl_named.c (the named ops) share. */
#ifndef EO_DIALECTS_TL_TL_INTERNAL_H
#define EO_DIALECTS_TL_TL_INTERNAL_H

#include "dialects/tl/tl.h"

/* The element type of a tensor/memref operand, or the type itself for a
 * scalar operand. */
EO_HIDDEN const eo_type *tl_elem_type(const eo_type *t);
/* The rank of a ranked tensor/memref, 0 for a scalar. */
EO_HIDDEN size_t tl_rank(const eo_type *t);
/* Checks shared by every structured tl op: operand groups, operand kinds
 * (scalars, ranked tensors, ranked memrefs; not both tensors and memrefs)
 * and results (one per tensor out, of its type; none with memrefs). */
EO_HIDDEN eo_status tl_verify_structured(eo_op *op, size_t nins,
                                         size_t nouts);
/* Checks the maps and iterator types of a generic form against the
 * operand types (counts, dimensions, loop bounds). 'types' has one entry
 * per operand; 'lb' is the optional "loop_bounds" attribute. */
EO_HIDDEN eo_status tl_verify_maps(eo_op *op, const eo_attr *maps,
                                   const eo_attr *iters, const eo_attr *lb,
                                   size_t n, const eo_type *const *types);
/* A type's text, truncated to 'size'. */
EO_HIDDEN void tl_type_str(const eo_type *t, char *buf, size_t size);

/* Named-op hooks (tl_named.c). */
EO_HIDDEN eo_status tl_verify_matmul(eo_op *op);
EO_HIDDEN eo_status tl_verify_conv2d(eo_op *op);
EO_HIDDEN eo_status tl_verify_depthwise(eo_op *op);
EO_HIDDEN eo_status tl_verify_pool(eo_op *op);
EO_HIDDEN eo_status tl_verify_elementwise(eo_op *op);
EO_HIDDEN eo_status tl_verify_fill(eo_op *op);
EO_HIDDEN eo_status tl_verify_copy(eo_op *op);
EO_HIDDEN eo_status tl_verify_pack(eo_op *op);
EO_HIDDEN eo_status tl_verify_requantize(eo_op *op);

#endif /* EO_DIALECTS_TL_TL_INTERNAL_H */

/* dialects/tl/tl.h - the tl (tensor-loop) dialect: the structured level,
 * in the spirit of MLIR's linalg. tl.generic is a loop nest described by
 * one affine indexing map per operand, an iterator type per loop
 * ("parallel" or "reduction") and a scalar body ending in tl.yield; it
 * works on tensors (one result per out) or on memrefs (no results). The
 * named ops (tl.matmul, tl.conv2d, tl.depthwise_conv2d, tl.pool,
 * tl.elementwise, tl.fill, tl.copy, tl.pack, tl.requantize) each have a
 * generic form, built by eo_tl_named_to_generic. Syntax and the generic
 * form of every named op: docs/tl-dialect.md.
 */
#ifndef EO_DIALECTS_TL_TL_H
#define EO_DIALECTS_TL_TL_H

#include "ir/ir.h"

enum tl_op {
    TL_GENERIC,
    TL_YIELD,
    TL_MATMUL,
    TL_CONV2D,
    TL_DEPTHWISE_CONV2D,
    TL_POOL,
    TL_ELEMENTWISE,
    TL_FILL,
    TL_COPY,
    TL_PACK,
    TL_REQUANTIZE,
    TL_NUM_OPS
};

/* The most loops (iterator types) and operands a tl op may have. */
#define EO_TL_MAX_LOOPS 16
#define EO_TL_MAX_OPERANDS 16

/* Registers the tl dialect (and arith and math, which its bodies use).
 * Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status tl_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *tl_op_def(enum tl_op op);
/* Which tl op 'op' is; TL_NUM_OPS if it is not one. */
EO_API enum tl_op tl_op_kind(const eo_op *op);

/* The ins / outs operand groups of a tl structured op (every tl op but
 * tl.yield); 0 / NULL for other ops or out-of-range indices. */
EO_API size_t eo_tl_num_ins(const eo_op *op);
EO_API size_t eo_tl_num_outs(const eo_op *op);
EO_API eo_value *eo_tl_in(const eo_op *op, size_t i);
EO_API eo_value *eo_tl_out(const eo_op *op, size_t i);

/* Builds a tl.generic at rw's insertion point: operands ins ++ outs, the
 * given "indexing_maps" (array of affine maps) and "iterator_types"
 * (array of "parallel"/"reduction" strings), one result per tensor out,
 * and a body block with one argument per operand (its element type) and
 * no ops yet: the caller fills it and ends it with tl.yield. Returns NULL
 * on allocation failure. The op is not verified. */
EO_API eo_op *eo_tl_generic_build(eo_rewriter *rw, size_t nins,
                                  eo_value *const *ins, size_t nouts,
                                  eo_value *const *outs, const eo_attr *maps,
                                  const eo_attr *iterators);

/* The indexing maps (array attribute of affine maps, one per operand of
 * the generic form) and iterator types (array of strings) of named op
 * 'named''s generic form. For tl.requantize per channel, the generic form
 * has two more ins (the multipliers and shifts as constant tensors), and
 * their maps are included. *loop_bounds gets the generic form's
 * "loop_bounds" (tl.pool: the window loops appear in no operand alone),
 * or NULL when it needs none. EO_ERROR with a diagnostic at the op if it
 * does not verify; EO_NOMEM on allocation failure. */
EO_API EO_NODISCARD eo_status eo_tl_named_maps(eo_op *named,
                                               const eo_attr **maps,
                                               const eo_attr **iterators,
                                               const eo_attr **loop_bounds);

/* Builds the tl.generic equivalent to named op 'named' (same operands,
 * maps from eo_tl_named_maps, the scalar body in arith/math ops) at rw's
 * insertion point, leaving 'named' in place. Returns the generic, or
 * NULL after a diagnostic (an op that does not verify, or allocation
 * failure). */
EO_API eo_op *eo_tl_named_to_generic(eo_rewriter *rw, eo_op *named);

/* tl.pack's data movement on host bytes: packs 'src' (the source's
 * elements, row-major over its static shape, eo_dense_elem_bytes each)
 * into 'dst' (the packed out's elements), filling partial tiles with
 * the padding value. tl.pack carries an optional 'padding_value' (a
 * scalar attribute of the element type), required when a tile does not
 * divide its dimension: the out dimension is then the ceiling and the
 * generic form reads the source modulo its size, with one i8 mask
 * tensor (an arith.constant, so tensors only) per partial tile choosing
 * the padding value. EO_ERROR with a diagnostic at 'pack' if it does
 * not verify, has dynamic shapes or the sizes disagree. */
EO_API EO_NODISCARD eo_status eo_tl_pack_data(eo_op *pack, const void *src,
                                              size_t src_size, void *dst,
                                              size_t dst_size);

/* Patterns rewriting every named tl op to its tl.generic form (the
 * tl-generalize rewrite), ending with a row whose name is NULL. Use with
 * eo_pattern_set_add and eo_apply_patterns_greedily. */
EO_API extern const eo_pattern eo_tl_generalize_patterns[];

#endif /* EO_DIALECTS_TL_TL_H */

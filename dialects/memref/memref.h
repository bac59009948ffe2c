/* dialects/memref/memref.h - a subset of MLIR 19's memref dialect:
 * allocation (alloc, alloca, dealloc), access (load, store, copy), views
 * (subview, reinterpret_cast, cast, collapse_shape, expand_shape), globals
 * (global, get_global) and dim, with MLIR's custom forms, verifiers,
 * memory effects and simple folds.
 */
#ifndef EO_DIALECTS_MEMREF_MEMREF_H
#define EO_DIALECTS_MEMREF_MEMREF_H

#include "ir/ir.h"

enum memref_op {
    MEMREF_ALLOC,
    MEMREF_ALLOCA,
    MEMREF_CAST,
    MEMREF_COLLAPSE_SHAPE,
    MEMREF_COPY,
    MEMREF_DEALLOC,
    MEMREF_DIM,
    MEMREF_EXPAND_SHAPE,
    MEMREF_GET_GLOBAL,
    MEMREF_GLOBAL,
    MEMREF_LOAD,
    MEMREF_REINTERPRET_CAST,
    MEMREF_STORE,
    MEMREF_SUBVIEW,
    MEMREF_NUM_OPS
};

/* Registers the memref dialect (and arith, whose constants its folds
 * create). Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status memref_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *memref_op_def(enum memref_op op);
/* Which memref op 'op' is; MEMREF_NUM_OPS if it is not one. */
EO_API enum memref_op memref_op_kind(const eo_op *op);

/* MLIR's getStridesAndOffset for a ranked memref type: the identity
 * layout (canonical row-major strides, offset 0), a strided<> layout or a
 * one-result affine map that is a linear sum (d0 * s0 + d1 + 3 ...).
 * Fills strides[0..rank) and *offset (EO_DYNAMIC where symbolic). Returns
 * false for other layouts (mod/div, zero strides) and non-memref types. */
EO_API bool memref_strides_and_offset(const eo_type *t, int64_t *strides,
                                      int64_t *offset);

#endif /* EO_DIALECTS_MEMREF_MEMREF_H */

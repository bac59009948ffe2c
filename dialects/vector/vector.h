/* dialects/vector/vector.h - a subset of MLIR's vector dialect: loads and
 * stores (plain, masked and transfer), broadcast/splat, fma, reductions,
 * contraction, extract/insert, shape_cast, transpose, bitcast, vscale and
 * masks, with MLIR 19's custom
 * forms, verifier messages and simple folds; and the #vector.kind<...> and
 * #vector.iterator_type<...> attributes.
 */
#ifndef EO_DIALECTS_VECTOR_VECTOR_H
#define EO_DIALECTS_VECTOR_VECTOR_H

#include "ir/ir.h"

enum vector_op {
    VECTOR_LOAD,
    VECTOR_STORE,
    VECTOR_MASKEDLOAD,
    VECTOR_MASKEDSTORE,
    VECTOR_TRANSFER_READ,
    VECTOR_TRANSFER_WRITE,
    VECTOR_BROADCAST,
    VECTOR_SPLAT,
    VECTOR_FMA,
    VECTOR_REDUCTION,
    VECTOR_CONTRACT,
    VECTOR_EXTRACT,
    VECTOR_INSERT,
    VECTOR_EXTRACTELEMENT,
    VECTOR_INSERTELEMENT,
    VECTOR_SHAPE_CAST,
    VECTOR_CONSTANT_MASK,
    VECTOR_CREATE_MASK,
    VECTOR_TRANSPOSE,
    VECTOR_BITCAST,
    VECTOR_VSCALE,
    VECTOR_NUM_OPS
};

/* MLIR's vector::CombiningKind (a bit enum; an op uses one bit). */
enum vector_kind {
    VECTOR_KIND_ADD = 1 << 0,
    VECTOR_KIND_MUL = 1 << 1,
    VECTOR_KIND_MINUI = 1 << 2,
    VECTOR_KIND_MINSI = 1 << 3,
    VECTOR_KIND_MINNUMF = 1 << 4,
    VECTOR_KIND_MAXUI = 1 << 5,
    VECTOR_KIND_MAXSI = 1 << 6,
    VECTOR_KIND_MAXNUMF = 1 << 7,
    VECTOR_KIND_AND = 1 << 8,
    VECTOR_KIND_OR = 1 << 9,
    VECTOR_KIND_XOR = 1 << 10,
    VECTOR_KIND_MAXIMUMF = 1 << 11,
    VECTOR_KIND_MINIMUMF = 1 << 12
};

/* MLIR's vector::IteratorType. */
enum vector_iterator { VECTOR_ITER_PARALLEL, VECTOR_ITER_REDUCTION };

/* Registers the vector dialect (ops and attributes). Registering twice is
 * a no-op; fails with a diagnostic if a name is taken. */
EO_API EO_NODISCARD eo_status vector_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *vector_op_def(enum vector_op op);
/* Which vector op 'op' is; VECTOR_NUM_OPS if it is not one. */
EO_API enum vector_op vector_op_kind(const eo_op *op);

/* Uniqued #vector.kind<k>; NULL on allocation failure or if 'k' is not
 * exactly one vector_kind bit. */
EO_API const eo_attr *vector_kind_attr(eo_ctx *ctx, enum vector_kind k);
/* Whether 'a' is a #vector.kind<...>; *k gets the kind. */
EO_API bool vector_kind_of(const eo_attr *a, enum vector_kind *k);
/* The keyword of a kind ("add", "maximumf"), or NULL. */
EO_API const char *vector_kind_name(enum vector_kind k);
/* Uniqued #vector.iterator_type<it>; NULL on allocation failure. */
EO_API const eo_attr *vector_iterator_attr(eo_ctx *ctx,
                                           enum vector_iterator it);
/* Whether 'a' is a #vector.iterator_type<...>; *it gets the value. */
EO_API bool vector_iterator_of(const eo_attr *a, enum vector_iterator *it);

#endif /* EO_DIALECTS_VECTOR_VECTOR_H */

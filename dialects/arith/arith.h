/* dialects/arith/arith.h - MLIR's arith dialect: integer and float
 * arithmetic, comparisons, select, casts and constants on scalars and on
 * vectors/tensors of them. The op rows live in arith_ops.def.
 */
#ifndef EO_DIALECTS_ARITH_ARITH_H
#define EO_DIALECTS_ARITH_ARITH_H

#include "ir/ir.h"

enum arith_op {
#define ARITH_OP(e, name, cl, nops, nres, traits) ARITH_##e,
#include "dialects/arith/arith_ops.def"
#undef ARITH_OP
    ARITH_NUM_OPS
};

/* arith.cmpi predicates (the i64 "predicate" property). */
enum arith_cmpi_pred {
    ARITH_CMPI_EQ, ARITH_CMPI_NE, ARITH_CMPI_SLT, ARITH_CMPI_SLE,
    ARITH_CMPI_SGT, ARITH_CMPI_SGE, ARITH_CMPI_ULT, ARITH_CMPI_ULE,
    ARITH_CMPI_UGT, ARITH_CMPI_UGE, ARITH_CMPI_NUM
};

/* arith.cmpf predicates. */
enum arith_cmpf_pred {
    ARITH_CMPF_FALSE, ARITH_CMPF_OEQ, ARITH_CMPF_OGT, ARITH_CMPF_OGE,
    ARITH_CMPF_OLT, ARITH_CMPF_OLE, ARITH_CMPF_ONE, ARITH_CMPF_ORD,
    ARITH_CMPF_UEQ, ARITH_CMPF_UGT, ARITH_CMPF_UGE, ARITH_CMPF_ULT,
    ARITH_CMPF_ULE, ARITH_CMPF_UNE, ARITH_CMPF_UNO, ARITH_CMPF_TRUE,
    ARITH_CMPF_NUM
};

/* Rounding modes of arith.truncf (the i32 "roundingmode" property). */
enum arith_rounding {
    ARITH_ROUND_TO_NEAREST_EVEN, ARITH_ROUND_DOWNWARD, ARITH_ROUND_UPWARD,
    ARITH_ROUND_TOWARD_ZERO, ARITH_ROUND_TO_NEAREST_AWAY, ARITH_ROUND_NUM
};

/* Bits of #arith.fastmath<...>. */
#define ARITH_FM_NONE 0u
#define ARITH_FM_REASSOC 1u
#define ARITH_FM_NNAN 2u
#define ARITH_FM_NINF 4u
#define ARITH_FM_NSZ 8u
#define ARITH_FM_ARCP 16u
#define ARITH_FM_CONTRACT 32u
#define ARITH_FM_AFN 64u
#define ARITH_FM_FAST 127u

/* Bits of #arith.overflow<...>. */
#define ARITH_OVF_NONE 0u
#define ARITH_OVF_NSW 1u
#define ARITH_OVF_NUW 2u

/* Registers the arith dialect (ops and the fastmath/overflow attributes).
 * Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status arith_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *arith_op_def(enum arith_op op);
/* Which arith op 'op' is; ARITH_NUM_OPS if it is not one. */
EO_API enum arith_op arith_op_kind(const eo_op *op);

/* Uniqued #arith.fastmath<flags> / #arith.overflow<flags>; NULL on
 * allocation failure or bits outside the flag set. */
EO_API const eo_attr *arith_fastmath_attr(eo_ctx *ctx, unsigned flags);
EO_API const eo_attr *arith_overflow_attr(eo_ctx *ctx, unsigned flags);
/* Whether 'a' is such an attribute; *flags gets its bits. */
EO_API bool arith_fastmath_flags(const eo_attr *a, unsigned *flags);
EO_API bool arith_overflow_flags(const eo_attr *a, unsigned *flags);

/* Predicate keywords ("slt", "oeq"); NULL if out of range. */
EO_API const char *arith_cmpi_pred_name(int64_t pred);
EO_API const char *arith_cmpf_pred_name(int64_t pred);

#endif /* EO_DIALECTS_ARITH_ARITH_H */

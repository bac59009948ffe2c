/* dialects/math/math.h - MLIR 19's math dialect: elementwise math
 * functions on float and signless-integer scalars, vectors and tensors
 * (exp, log, sqrt, tanh, fma, powf, absi, ctlz, ipowi, ...), with the
 * #arith.fastmath<...> property printed as arith prints it and MLIR's
 * constant folds. The op rows live in math_ops.def.
 */
#ifndef EO_DIALECTS_MATH_MATH_H
#define EO_DIALECTS_MATH_MATH_H

#include "ir/ir.h"

enum math_op {
#define MATH_OP(e, name, cl, nops) MATH_##e,
#include "dialects/math/math_ops.def"
#undef MATH_OP
    MATH_NUM_OPS
};

/* Registers the math dialect (and arith, whose fastmath attribute and
 * constants it uses). Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status math_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *math_op_def(enum math_op op);
/* Which math op 'op' is; MATH_NUM_OPS if it is not one. */
EO_API enum math_op math_op_kind(const eo_op *op);

#endif /* EO_DIALECTS_MATH_MATH_H */

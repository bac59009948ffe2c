/* dialects/arith/arith_internal.h - what arith.c and arith_fold.c share:
 * the fold hook, the canonicalization pattern rows and the constant
 * materializer of the dialect (all defined in arith_fold.c).
 */
#ifndef EO_DIALECTS_ARITH_ARITH_INTERNAL_H
#define EO_DIALECTS_ARITH_ARITH_INTERNAL_H

#include "dialects/arith/arith.h"

/* Most canonicalization patterns of one op, plus the NULL-name end row. */
#define ARITH_CANON_MAX 8

/* The fold hook of every arith op (dispatches on the op's kind). */
EO_HIDDEN bool arith_fold(eo_op *op, const eo_attr *const cst[],
                          eo_fold *out);
/* arith_canon[k]: the patterns rooted at op k, ending with a NULL name. */
EO_HIDDEN extern const eo_pattern arith_canon[ARITH_NUM_OPS][ARITH_CANON_MAX];
/* Creates arith.constant 'value' (which must have type 'type'). */
EO_HIDDEN eo_op *arith_materialize_constant(eo_rewriter *rw,
                                            const eo_attr *value,
                                            const eo_type *type,
                                            const eo_loc *loc);

#endif /* EO_DIALECTS_ARITH_ARITH_INTERNAL_H */

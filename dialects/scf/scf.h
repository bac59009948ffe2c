/* dialects/scf/scf.h - MLIR's scf dialect: structured control flow (for,
 * if, while, execute_region, index_switch, parallel/reduce, forall) with
 * the custom forms, implicit terminators and verifier messages of
 * MLIR 19.
 */
#ifndef EO_DIALECTS_SCF_SCF_H
#define EO_DIALECTS_SCF_SCF_H

#include "ir/ir.h"

enum scf_op {
    SCF_CONDITION,
    SCF_EXECUTE_REGION,
    SCF_FOR,
    SCF_FORALL,
    SCF_FORALL_IN_PARALLEL,
    SCF_IF,
    SCF_INDEX_SWITCH,
    SCF_PARALLEL,
    SCF_REDUCE,
    SCF_REDUCE_RETURN,
    SCF_WHILE,
    SCF_YIELD,
    SCF_NUM_OPS
};

/* Registers the scf dialect. Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status scf_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *scf_op_def(enum scf_op op);
/* Which scf op 'op' is; SCF_NUM_OPS if it is not one. */
EO_API enum scf_op scf_op_kind(const eo_op *op);

/* scf.for: operands lb, ub, step, inits...; one region whose single block
 * takes the induction variable, then one argument per init. Borrowed;
 * NULL if the op is malformed (no block, no arguments). */
EO_API eo_block *scf_for_body(const eo_op *op);
EO_API eo_value *scf_for_induction_var(const eo_op *op);

/* Builders: create the op at b's insertion point (b->loc, or unknown) and
 * return it, owned by its block; NULL on allocation failure. Arrays are
 * borrowed.
 *
 * scf_for_build makes the body block (induction variable typed like 'lb',
 * one argument per init) and, when there are no inits, its empty
 * scf.yield; with inits the caller appends the scf.yield. scf_if_build
 * makes the then block (and the else block if 'with_else') and, when
 * there are no results, their empty scf.yield terminators. */
EO_API eo_op *scf_yield_build(eo_builder *b, size_t n, eo_value *const *v);
EO_API eo_op *scf_for_build(eo_builder *b, eo_value *lb, eo_value *ub,
                            eo_value *step, size_t ninits,
                            eo_value *const *inits);
EO_API eo_op *scf_if_build(eo_builder *b, eo_value *cond, size_t nres,
                           const eo_type *const *res, bool with_else);

#endif /* EO_DIALECTS_SCF_SCF_H */

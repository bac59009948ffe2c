/* dialects/cf/cf.h - MLIR's cf dialect: unstructured control flow between
 * the blocks of a region (cf.br, cf.cond_br, cf.switch) and cf.assert,
 * with the custom forms and verifier messages of MLIR 19.
 */
#ifndef EO_DIALECTS_CF_CF_H
#define EO_DIALECTS_CF_CF_H

#include "ir/ir.h"

enum cf_op { CF_ASSERT, CF_BR, CF_COND_BR, CF_SWITCH, CF_NUM_OPS };

/* Registers the cf dialect. Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status cf_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *cf_op_def(enum cf_op op);
/* Which cf op 'op' is; CF_NUM_OPS if it is not one. */
EO_API enum cf_op cf_op_kind(const eo_op *op);

/* Builders: create the op at b's insertion point (b->loc, or unknown) and
 * return it, owned by its block; NULL on allocation failure. Operand
 * arrays are borrowed. cf.cond_br gets its operandSegmentSizes. */
EO_API eo_op *cf_br_build(eo_builder *b, eo_block *dest, size_t n,
                          eo_value *const *args);
EO_API eo_op *cf_cond_br_build(eo_builder *b, eo_value *cond,
                               eo_block *t, size_t nt,
                               eo_value *const *targs,
                               eo_block *f, size_t nf,
                               eo_value *const *fargs);
EO_API eo_op *cf_assert_build(eo_builder *b, eo_value *cond,
                              const char *msg);

#endif /* EO_DIALECTS_CF_CF_H */

/* dialects/func/func.h - MLIR's func dialect: functions (func.func),
 * returns, direct and indirect calls, and function constants.
 */
#ifndef EO_DIALECTS_FUNC_FUNC_H
#define EO_DIALECTS_FUNC_FUNC_H

#include "ir/ir.h"

enum func_op {
    FUNC_FUNC,            /* func.func */
    FUNC_RETURN,          /* func.return */
    FUNC_CALL,            /* func.call */
    FUNC_CALL_INDIRECT,   /* func.call_indirect */
    FUNC_CONSTANT,        /* func.constant */
    FUNC_NUM_OPS
};

/* Registers the func dialect; registering twice is a no-op. */
EO_API EO_NODISCARD eo_status func_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *func_op_def(enum func_op op);

/* The function type of a func.func (its "function_type" property), or
 * NULL if absent or not a function type. Borrowed (uniqued). */
EO_API const eo_type *func_get_type(const eo_op *func);
/* Whether a func.func is a declaration (empty body). */
EO_API bool func_is_declaration(const eo_op *func);

/* Creates a detached func.func @name of type 'type' (a function type):
 * with an entry block whose arguments match the inputs unless
 * 'declaration' (then the body stays empty and the visibility is
 * private). The caller owns the op; NULL on allocation failure. */
EO_API eo_op *func_create(eo_ctx *ctx, const eo_loc *loc, const char *name,
                          const eo_type *type, bool declaration);
/* The entry block of a func.func, or NULL for a declaration. */
EO_API eo_block *func_entry_block(const eo_op *func);

#endif /* EO_DIALECTS_FUNC_FUNC_H */

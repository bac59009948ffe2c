/* dialects/func/func_canon.c - canonicalization of the func dialect. MLIR
 * 19 has one pattern: an indirect call of a func.constant becomes a
 * direct func.call (SimplifyIndirectCallWithKnownCallee).
 */
#include "dialects/func/func_internal.h"

/* func.call_indirect %f(args) with %f = func.constant @g -> func.call @g. */
static eo_rewrite_result
indirect_known_callee(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    size_t n = eo_op_num_operands(op);
    const eo_attr *callee = n ? eo_value_constant(eo_op_operand(op, 0))
                              : NULL;
    if (!callee || eo_attr_get_kind(callee) != EO_ATTR_SYMBOL_REF ||
        eo_attr_symbol_num_nested(callee) != 0)
        return EO_REWRITE_NO_MATCH;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    size_t nres = eo_op_num_results(op);
    eo_op_state st;
    eo_status s = EO_OK;
    eo_op_state_init_def(&st, ctx, func_op_def(FUNC_CALL), eo_op_loc(op));
    for (size_t i = 1; i < n && s == EO_OK; i++)
        s = eo_op_state_add_operand(&st, eo_op_operand(op, i));
    for (size_t i = 0; i < nres && s == EO_OK; i++)
        s = eo_op_state_add_result(&st, eo_value_type(eo_op_result(op, i)));
    if (s == EO_OK)
        s = eo_op_state_set_attr(&st, "callee", callee);
    if (s != EO_OK) {
        eo_op_state_release(&st);
        return EO_REWRITE_FAILED;
    }
    eo_builder_set_before(&rw->b, op);
    eo_op *call = eo_rewriter_create(rw, &st);
    if (!call)
        return EO_REWRITE_FAILED;
    eo_value *stack[8];
    eo_value **res = stack;
    if (nres > 8 && !(res = eo_ctx_alloc(ctx, nres * sizeof(*res))))
        return EO_REWRITE_FAILED;
    for (size_t i = 0; i < nres; i++)
        res[i] = eo_op_result(call, i);
    eo_rewriter_replace_op(rw, op, res);
    if (res != stack)
        eo_ctx_free(ctx, res, nres * sizeof(*res));
    return EO_REWRITE_APPLIED;
}

const eo_pattern func_call_indirect_canon[] = {
    { "func.SimplifyIndirectCallWithKnownCallee", NULL, 1,
      indirect_known_callee, NULL },
    { NULL, NULL, 0, NULL, NULL },
};

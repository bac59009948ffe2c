/* rewrite/passes.c - registration of every built-in pass. Each pass file
 * defines one eo_pass_def (declared in rewrite/internal.h); this is the
 * one place that lists them, in the order --list-passes shows them.
 */
#include "rewrite/rewrite.h"
#include "rewrite/internal.h"

/* rewrite/pass_view_op_graph.c */
EO_HIDDEN extern const eo_pass_def eo_pass_view_op_graph;
/* rewrite/pass_plan_memory.c */
EO_HIDDEN extern const eo_pass_def eo_pass_plan_memory;
/* rewrite/pass_unroll_jam.c */
EO_HIDDEN extern const eo_pass_def eo_pass_unroll_jam;

/* Sorted by name, as mlir-opt lists its passes. */
static const eo_pass_def *const builtin_passes[] = {
    &eo_pass_canonicalize,
    &eo_pass_cse,
    &eo_pass_dce,
    &eo_pass_inline,
    &eo_pass_plan_memory,
    &eo_pass_sccp,
    &eo_pass_symbol_dce,
    &eo_pass_unroll,
    &eo_pass_unroll_jam,
    &eo_pass_view_op_graph,
};

eo_status
eo_passes_register(eo_ctx *ctx)
{
    for (size_t i = 0; i < sizeof builtin_passes / sizeof *builtin_passes;
         i++) {
        eo_status st = eo_pass_register(ctx, builtin_passes[i]);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

/* The simulator call of docs/npu-dialect.md, compiled by
 * lit/docs/pages-tested.test: runs the npu program 'func' on 'nin' input
 * tensors and prints its cycle count. */
#include <stdio.h>

#include "targets/npu_sim.h"

int run_program(eo_ctx *ctx, const eo_target *target, eo_op *func,
                size_t nin, const eo_tensor *in)
{
    eo_npu_sim_stats st;
    size_t nout = 1;
    eo_tensor out[1];
    if (eo_npu_sim_run(ctx, target, func, nin, in, &nout, out, &st) != EO_OK)
        return -1;   /* diagnostics at the op concerned */
    printf("%llu cycles\n", (unsigned long long)st.cycles);
    for (size_t i = 0; i < nout; i++)
        eo_tensor_free(&out[i]);
    return 0;
}

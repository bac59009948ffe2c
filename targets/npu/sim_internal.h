/* targets/npu/sim_internal.h - what the NPU simulator's sources share:
 * the integer kernels (kernels.c) that sim.c runs on dense int32 copies
 * of the buffers a command reads and writes.
 */
#ifndef EO_TARGETS_NPU_SIM_INTERNAL_H
#define EO_TARGETS_NPU_SIM_INTERNAL_H

#include "dialects/npu/npu.h"
#include "ir/ir.h"

#include <stdint.h>

/* Per-channel output stage parameters of 'op' for 'nch' channels
 * (weight zero points, multipliers, shifts); freed with
 * npu_stage_free. */
typedef struct npu_stage {
    eo_npu_outstage s;
    int64_t nch;
    int32_t *wzp, *q, *shift;
} npu_stage;

EO_HIDDEN EO_NODISCARD eo_status npu_stage_init(npu_stage *st, eo_op *op,
                                                const eo_npu_outstage *s,
                                                int64_t nch);
EO_HIDDEN void npu_stage_free(npu_stage *st);

/* Dense row-major operands (values sign-extended to int32). 'y' holds
 * the result's previous contents on entry (used by 'accumulate'). */
EO_HIDDEN void npu_kernel_conv(const eo_npu_conv *p, const npu_stage *st,
                               const int32_t *x, const int32_t *w,
                               const int32_t *bias, int32_t *y);
/* x [M, K], w [K, N] (the crossbar blocks stacked along K). */
EO_HIDDEN void npu_kernel_mvm(const eo_npu_mvm *p, const npu_stage *st,
                              const int32_t *x, const int32_t *w,
                              const int32_t *bias, int32_t *y);
/* a, b (binary ops; b NULL otherwise), y; parameters read from 'op'. */
EO_HIDDEN void npu_kernel_ew(const eo_npu_ew *p, const eo_op *op,
                             const int32_t *a, const int32_t *b, int32_t *y);

#endif /* EO_TARGETS_NPU_SIM_INTERNAL_H */

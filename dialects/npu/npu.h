/* dialects/npu/npu.h - the npu dialect: the command stream of a neural
 * accelerator (docs/npu-dialect.md). Ops work on memrefs (memory space:
 * a string naming a memory level of the target, or "sram" / "dram" /
 * "flash" for the level of that kind; none: off-chip memory) and order
 * themselves with !npu.token values: every command but npu.wait returns
 * a token that later commands list after "after".
 *
 *   %t0 = npu.dma %w, %ws {sizes = array<i64: 8, 16>}
 *       : memref<8x16xi8>, memref<8x16xi8, "sram">
 *   %t1 = npu.conv %x, %ws, %y after %t0 {kind = "pointwise", ...}
 *       : memref<1x4x4x16xi8, "sram">, memref<8x1x1x16xi8, "sram">,
 *         memref<1x4x4x8xi8, "sram">
 *   npu.wait %t1
 *
 * Layouts are NHWC for activations, OHWI for convolution weights, [N, K]
 * for fully connected weights, [K, N] for crossbar weight blocks. The
 * decoded records below resolve defaults in one place for the verifier,
 * the simulator (targets/npu_sim.h) and a mapping pass.
 */
#ifndef EO_DIALECTS_NPU_NPU_H
#define EO_DIALECTS_NPU_NPU_H

#include "ir/ir.h"

typedef enum eo_npu_op {
    NPU_DMA,            /* strided copy between memories, async */
    NPU_WAIT,           /* host waits for tokens */
    NPU_CONV,           /* convolution engine on one tile */
    NPU_IMC_PROGRAM,    /* write a weight block into a crossbar */
    NPU_IMC_MVM,        /* matrix x programmed crossbars */
    NPU_EW,             /* elementwise / pooling unit */
    NPU_CPU,            /* host-core fallback region */
    NPU_YIELD,          /* terminator of npu.cpu */
    NPU_NUM_OPS
} eo_npu_op;

/* Registers the npu dialect (ops and !npu.token). Twice is a no-op. */
EO_API EO_NODISCARD eo_status eo_npu_register(eo_ctx *ctx);
/* Which npu op 'op' is, or -1 if it is not a registered npu op. */
EO_API int eo_npu_op_kind(const eo_op *op);
/* The uniqued !npu.token type (NULL on allocation failure). */
EO_API const eo_type *eo_npu_token_type(eo_ctx *ctx);
EO_API bool eo_type_is_npu_token(const eo_type *t);

/* Operands of every npu op are buffers (memrefs) first, then tokens
 * (the "after" list). Counts of each. */
EO_API size_t eo_npu_num_buffers(const eo_op *op);
EO_API size_t eo_npu_num_deps(const eo_op *op);
/* Token operand i (i < eo_npu_num_deps). */
EO_API eo_value *eo_npu_dep(const eo_op *op, size_t i);

/* Integer element i of dense-array attribute 'name' of 'op'; an array
 * of one element applies to every i (per tensor); 'def' if absent. */
EO_API int64_t eo_npu_attr_at(const eo_op *op, const char *name, size_t i,
                              int64_t def);

/* The output stage of conv and imc_mvm (TFLite's integer arithmetic):
 *   acc = bias[c] + sum (x - input_zp) * (w - weight_zp[c])   (exact)
 *   raw (i32 result): y = sat32(acc)      (accumulate: y += sat32(acc))
 *   else: y = clamp(apply_multiplier(sat32(acc), multiplier[c], shift[c])
 *                   + output_zp, act_min, act_max)
 * weight_zp, multiplier and shift hold one entry (per tensor) or one per
 * output channel; read them with eo_npu_attr_at. */
typedef struct eo_npu_outstage {
    bool raw;                   /* i32 result: no requantization */
    bool accumulate;            /* raw: add to the result's contents */
    int64_t input_zp, output_zp;
    int64_t act_min, act_max;   /* default: the result storage range */
} eo_npu_outstage;

typedef enum eo_npu_conv_kind {
    EO_NPU_CONV2D, EO_NPU_DEPTHWISE, EO_NPU_POINTWISE,
    EO_NPU_FULLY_CONNECTED, EO_NPU_NUM_CONV_KINDS
} eo_npu_conv_kind;

/* npu.conv, decoded. Operands: input, weights, output[, bias], tokens.
 * conv2d / pointwise: x [N,H,W,C], w [O,kh,kw,C] (pointwise: kh=kw=1),
 * depthwise: w [O,kh,kw,1] with O = C * multiplier, fully_connected:
 * x [M,K], w [N,K], y [M,N] (as N=M, H=W=1, C=K, O=N below). */
typedef struct eo_npu_conv {
    eo_npu_conv_kind kind;
    int64_t n, h, w, c;         /* input */
    int64_t o, ho, wo;          /* output channels and size */
    int64_t kh, kw;
    int64_t stride[2], dilation[2];
    int64_t pad[4];             /* top, left, bottom, right */
    int64_t cin_per_out;        /* reduction channels per output: C or 1 */
    bool has_bias;
    eo_npu_outstage out;
} eo_npu_conv;

/* Decodes npu.conv 'op' (which must have passed the verifier, or be
 * checked by it: errors are reported at the op). */
EO_API EO_NODISCARD eo_status eo_npu_conv_params(eo_op *op, eo_npu_conv *out);
/* "conv2d", "depthwise", "pointwise", "fully_connected"; NULL if out of
 * range. */
EO_API const char *eo_npu_conv_kind_name(eo_npu_conv_kind k);

/* npu.imc_mvm, decoded. Operands: x [M,K] (i8), y [M,N] (i8 or i32)
 * [, bias [N] i32], tokens; 'crossbars' lists the crossbars whose
 * programmed blocks [K_i, N] stack along K (sum K_i = K): their partial
 * sums are accumulated. */
typedef struct eo_npu_mvm {
    int64_t m, k, n;
    size_t num_crossbars;
    bool has_bias;
    eo_npu_outstage out;
} eo_npu_mvm;

/* Decodes npu.imc_mvm 'op' (errors reported at the op, as the
 * verifier's). */
EO_API EO_NODISCARD eo_status eo_npu_mvm_params(eo_op *op, eo_npu_mvm *out);
/* Crossbar index i of an imc_mvm (i < num_crossbars). */
EO_API int64_t eo_npu_mvm_crossbar(const eo_op *op, size_t i);

/* Operations of npu.ew (the "op" attribute); names as target files spell
 * them ("add", ..., "requant"). */
typedef enum eo_npu_ew_kind {
    EO_NPU_EW_ADD, EO_NPU_EW_SUB, EO_NPU_EW_MUL, EO_NPU_EW_MIN,
    EO_NPU_EW_MAX, EO_NPU_EW_RELU, EO_NPU_EW_CLIP, EO_NPU_EW_REQUANT,
    EO_NPU_EW_MAXPOOL, EO_NPU_EW_AVGPOOL, EO_NPU_NUM_EW_KINDS
} eo_npu_ew_kind;

/* npu.ew, decoded. Binary ops (add, sub, mul, min, max): a, b, y of one
 * shape. Unary (relu, clip, requant): x, y of one shape. Pools: x
 * [N,H,W,C], y [N,Ho,Wo,C]. Integer parameters (zero points,
 * multipliers, shifts, bounds) are read with eo_npu_attr_at. */
typedef struct eo_npu_ew {
    eo_npu_ew_kind kind;
    size_t num_inputs;
    int64_t elems;              /* output elements */
    int64_t act_min, act_max;
    /* pools */
    int64_t n, h, w, c, ho, wo, kh, kw;
    int64_t stride[2], dilation[2], pad[4];
    bool count_include_pad;
} eo_npu_ew;

/* Decodes npu.ew 'op' (errors reported at the op, as the verifier's). */
EO_API EO_NODISCARD eo_status eo_npu_ew_params(eo_op *op, eo_npu_ew *out);
/* The name of 'k' ("add", ...); NULL if out of range. */
EO_API const char *eo_npu_ew_kind_name(eo_npu_ew_kind k);
/* The kind named 's', or -1. */
EO_API int eo_npu_ew_kind_from_name(const char *s);

/* npu.dma, decoded: a box of 'sizes' (rank of the memrefs, <= 4) copied
 * from 'src_offsets' in the source to 'dst_offsets' in the destination,
 * element by element (both memrefs have the same element type). */
#define EO_NPU_MAX_DMA_RANK 4
typedef struct eo_npu_dma {
    size_t rank;
    int64_t sizes[EO_NPU_MAX_DMA_RANK];
    int64_t src_offsets[EO_NPU_MAX_DMA_RANK];
    int64_t dst_offsets[EO_NPU_MAX_DMA_RANK];
    int64_t channel;            /* -1: any free channel */
} eo_npu_dma;

/* Decodes npu.dma 'op' (defaults filled; errors reported at the op). */
EO_API EO_NODISCARD eo_status eo_npu_dma_params(eo_op *op, eo_npu_dma *out);

/* npu.cpu: the number of input buffers ("ins"); the rest are outputs. */
EO_API size_t eo_npu_cpu_num_ins(const eo_op *op);

#endif /* EO_DIALECTS_NPU_NPU_H */

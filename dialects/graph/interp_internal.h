/* dialects/graph/interp_internal.h - the interpreter's kernels, shared
 * between interp.c (the driver: walks the function, allocates each result
 * from its IR type, calls the kernel) and the kernel files:
 *   interp_nn.c    conv2d, conv_transpose2d, matmul, gemm, pools,
 *                  batch_norm, layer_norm, softmax, log_softmax (f32)
 *   interp_elem.c  elementwise with broadcasting, activations,
 *                  reductions and data movement (f32 and integer types)
 *   interp_quant.c quantize, dequantize, requantize and the quantized
 *                  forms of conv2d, gemm, matmul, add, avg_pool, max_pool,
 *                  relu, clip, plus the fused activation helpers.
 * A kernel gets the op (for attributes and IR types), its operand tensors
 * and its result tensors, already allocated (zeroed) with the shapes and
 * dtypes of the result types. It reports problems with eo_op_error and
 * returns EO_ERROR; it never allocates the results itself.
 */
#ifndef EO_DIALECTS_GRAPH_INTERP_INTERNAL_H
#define EO_DIALECTS_GRAPH_INTERP_INTERNAL_H

#include "dialects/graph/interp.h"

typedef eo_status (*interp_kernel)(eo_op *op, const eo_tensor *in,
                                   eo_tensor *out);

/* The kernel for 'op' (which reads quant types off the op's operand and
 * result types to pick the quantized kernel), or NULL if the interpreter
 * has none: interp.c then reports "unsupported by the interpreter". */
EO_HIDDEN interp_kernel interp_kernel_for(eo_op *op);

/* Per file: the kernel for graph op 'k' with float/int (non-quantized)
 * tensors, or NULL. */
EO_HIDDEN interp_kernel interp_nn_kernel(eo_graph_op k);
EO_HIDDEN interp_kernel interp_elem_kernel(eo_graph_op k);
/* The kernel for quantize/dequantize/requantize, and for ops whose
 * operands or result are quantized; NULL if that form is unsupported. */
EO_HIDDEN interp_kernel interp_quant_kernel(eo_graph_op k);

/* Applies a fused activation to n floats in place. */
EO_HIDDEN void interp_apply_act(const eo_graph_activation *a, float *x,
                                size_t n);

#endif /* EO_DIALECTS_GRAPH_INTERP_INTERNAL_H */

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

/* interp_loops.c: whether eo_interp_run must hand 'func' (a single-region
 * func.func with a body) to interp_loops_run: it has several blocks,
 * non-tensor arguments, fewer inputs than arguments, or an op other than
 * a graph op and func.return. */
EO_HIDDEN bool interp_loops_wanted(eo_op *func, size_t nin);
/* eo_interp_run for such functions (same contract; see interp.h). */
EO_HIDDEN EO_NODISCARD eo_status interp_loops_run(eo_op *func, size_t nin,
                                                  const eo_tensor *in,
                                                  size_t *nout,
                                                  eo_tensor *out);

/* interp_loops.c's scalar semantics (MLIR's arith), exposed for tests.
 * Integers are int64 sign-extended from width w (1..64).
 * interp_loops_int_binop: arith op 'name' without the prefix ("addi",
 * "divsi", "floordivsi", "shrui", "maxsi", ...), wrapping at w; *ok is
 * false for a division by zero or an unknown name. Signed overflow of
 * a division (MIN / -1, poison in MLIR) gives MIN; a shift by w or more
 * (poison) gives 0 (shrsi: the sign). */
EO_HIDDEN int64_t interp_loops_int_binop(const char *name, unsigned w,
                                         int64_t a, int64_t b, bool *ok);
/* arith.cmpi / arith.cmpf with MLIR's predicate numbering. */
EO_HIDDEN bool interp_loops_cmpi(int64_t pred, unsigned w, int64_t a,
                                 int64_t b);
EO_HIDDEN bool interp_loops_cmpf(int64_t pred, double a, double b);
/* Float binary op 'name' ("addf", "maximumf", "maxnumf", "powf", ...),
 * rounded to f32 when f32; *ok false for an unknown name. */
EO_HIDDEN double interp_loops_float_binop(const char *name, bool f32,
                                          double a, double b, bool *ok);
/* fptosi (is_signed) / fptoui to width w: toward zero, saturating (MLIR:
 * poison out of range), NaN gives 0; sign-extended from w. */
EO_HIDDEN int64_t interp_loops_fptoi(double x, unsigned w, bool is_signed);

/* Applies a fused activation to n floats in place. */
EO_HIDDEN void interp_apply_act(const eo_graph_activation *a, float *x,
                                size_t n);

#endif /* EO_DIALECTS_GRAPH_INTERP_INTERNAL_H */

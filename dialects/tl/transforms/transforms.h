/* dialects/tl/transforms/transforms.h - rewrites of the tl dialect
 * (library eo_tl_transforms), as passes:
 *
 *   tl-generalize   every named tl op (tl.matmul, tl.conv2d, ...) becomes
 *                   the tl.generic it stands for (eo_tl_generalize_patterns)
 *
 *   tl-to-loops     every tl op on memrefs (named ops generalized first)
 *                   becomes a perfect scf.for nest, one loop per iterator
 *                   in order, from 0 to the bound (loop_bounds, else the
 *                   size of an operand dimension indexed by plain dK) by
 *                   1; the innermost body loads each memref in at its
 *                   map (index arithmetic as arith ops on index values),
 *                   loads the out element when the body reads it
 *                   (read-modify-write, so reductions are right in any
 *                   order), runs a clone of the body and memref.stores
 *                   the yielded values. Ops on tensors are an error
 *                   ("tl-to-loops needs buffers: bufferize first").
 *                   The output holds only scf/memref/arith (and the
 *                   body's ops) and is accepted by mlir-opt 19.
 *
 *   tl-bufferize    tl ops on tensors become tl ops on memrefs, results
 *                   out-params, weights memref.globals (see below)
 */
#ifndef EO_DIALECTS_TL_TRANSFORMS_TRANSFORMS_H
#define EO_DIALECTS_TL_TRANSFORMS_TRANSFORMS_H

#include "ir/ir.h"

/* Registers the passes above with the context's pass registry (the tl
 * dialect itself is registered separately). Registering twice is a no-op;
 * fails, with a diagnostic, if another pass has one of the names. */
EO_API EO_NODISCARD eo_status eo_tl_register_passes(eo_ctx *ctx);

/* The tl-to-loops rewrite on everything nested in 'op' (not 'op'
 * itself); *changed (may be NULL) says whether a tl op was lowered.
 * EO_ERROR after a diagnostic at the offending op (tensors, the scf or
 * memref dialect not registered, an unsupported map); the ops before it
 * stay lowered. EO_NOMEM on allocation failure. */
EO_API EO_NODISCARD eo_status eo_tl_lower_to_loops(eo_op *op, bool *changed);

/* The tl-to-loops pass definition (for eo_tl_register_passes). */
EO_HIDDEN const struct eo_pass_def *eo_tl_to_loops_pass_def(void);

/* graph-to-tl (graph_to_tl.c), on func.func: lowers graph ops on f32
 * tensors to tl ops on tensors, op by op (conv2d, depthwise conv2d,
 * matmul, gemm, elementwise unary/binary with broadcasting, fused
 * activations, max/avg/global pools, softmax), and int8 conv2d / matmul /
 * gemm to the zero-point forms plus tl.requantize (quantized values
 * cross with builtin.unrealized_conversion_cast); outs start as
 * graph.constant splat zeros (tl.fill for -inf, the broadcast bias for
 * convolutions and gemm);
 * padding stays graph.pad, filter relayouts become new constants. Ops
 * without a lowering stay, unless option full=true, where each is an
 * error. See docs/tl-dialect.md, "Lowering from graph". */
EO_HIDDEN const struct eo_pass_def *eo_tl_graph_to_tl_pass_def(void);

/* tl-bufferize (bufferize.c), on builtin.module: every func.func whose
 * body is tl ops on tensors, graph.constant, graph.pad (constant mode:
 * alloc + tl.fill + tl.copy into a memref.subview), graph.reshape (a
 * collapse_shape/expand_shape view), graph.transpose (a tl.generic) and
 * func.return becomes the same on memrefs (identity layouts). Tensor
 * results become out-params appended to the arguments (MLIR's
 * buffer-results-to-out-params); weights become memref.global "private"
 * constant (dense_resource kept, no copy) read by memref.get_global; a
 * result reuses its init's buffer in place when the init dies there and
 * is not an argument, constant or out-param (or, when the op does not
 * read its out, a dying in's buffer), else gets a memref.alloc (with a
 * memref.copy / tl.fill of the init only if the op reads its out); each
 * alloc gets a memref.dealloc after its last user. Any other op is an error ("cannot bufferize"). Option
 * report=true prints allocs, in-place results, copies and fills per
 * function to stderr. See docs/tl-dialect.md, "Bufferization". */
EO_HIDDEN const struct eo_pass_def *eo_tl_bufferize_pass_def(void);

/* tl-fuse (fuse.c), on func.func, on buffers (after tl-bufferize):
 * tile-and-fuse of a producer chain writing an intermediate buffer into
 * the tiles of its single consumer, per bool knob
 * "tl-fuse.<consumer site>.<producer site>" (default false). See
 * docs/tl-dialect.md, "Tile-and-fuse". */
EO_HIDDEN const struct eo_pass_def *eo_tl_fuse_pass_def(void);

/* tl-pack (pack.c), on func.func, on tensors (after graph-to-tl, before
 * tl-bufferize): knob "pack.<site>.oc" (1 = off, 4, 8, 16 up to the
 * output channels) of each tl.conv2d / tl.matmul packs its weights and
 * out with the output-channel block innermost, computes it as a
 * tl.generic over them (bit-identical) and unpacks the out; then folds
 * every tl.pack of a constant and generalizes padded ones. See
 * docs/tl-dialect.md, "Packing (tl-pack)". */
EO_HIDDEN const struct eo_pass_def *eo_tl_pack_pass_def(void);

/* If tl.pack 'pack' (on tensors) packs a graph.constant / constant-like
 * value with data, replaces it by a graph.constant of the packed data
 * (dense up to 256 bytes, else a new dense_resource blob) through 'rw'
 * and erases its unused constant dest; *folded says whether it did.
 * EO_ERROR after a diagnostic (absent resource data), EO_NOMEM. */
EO_API EO_NODISCARD eo_status eo_tl_pack_fold_constant(eo_rewriter *rw,
                                                       eo_op *pack,
                                                       bool *folded);

#endif /* EO_DIALECTS_TL_TRANSFORMS_TRANSFORMS_H */

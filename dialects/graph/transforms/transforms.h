/* dialects/graph/transforms/transforms.h - graph-level rewrites of the
 * graph dialect (library eo_graph_transforms), as passes:
 *
 *   graph-const-fold       evaluate ops whose operands are all constants
 *                          into graph.constant (dense_resource blobs)
 *   graph-fold-batchnorm   conv2d -> batch_norm (and conv2d -> add of a
 *                          per-channel constant) into the conv's weights
 *                          and bias
 *   graph-fuse-activation  conv/matmul/gemm/add -> activation into the
 *                          'activation' attribute; knob "fuse.<site>"
 *                          (bool, default true) per producer
 *   fold-qdq               dequantize -> op -> quantize into quantized ops
 *   graph-layout           per conv2d/pool site NCHW or NHWC; knob
 *                          "layout.<site>" (enum NCHW, NHWC; default the
 *                          op's layout), then transpose cancellation
 *   graph-optimize         fold-qdq, graph-const-fold, graph-fold-batchnorm,
 *                          graph-fuse-activation, canonicalize
 *
 * and, generic over dialects, view-op-graph (rewrite/, registered by
 * eo_passes_register) to look at the result as a Graphviz graph.
 *
 * Each keeps the reference interpreter's results (within the rounding of
 * the changed arithmetic: float reassociation, +-1 LSB for quantized ops).
 */
#ifndef EO_DIALECTS_GRAPH_TRANSFORMS_TRANSFORMS_H
#define EO_DIALECTS_GRAPH_TRANSFORMS_TRANSFORMS_H

#include "ir/ir.h"

/* Registers the passes above with the context's pass registry (the graph
 * dialect itself is registered separately). Registering twice is a no-op;
 * fails, with a diagnostic, if another pass has one of the names. */
EO_API EO_NODISCARD eo_status eo_graph_register_passes(eo_ctx *ctx);

#endif /* EO_DIALECTS_GRAPH_TRANSFORMS_TRANSFORMS_H */

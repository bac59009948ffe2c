/* dialects/graph/graph.h - the graph dialect: NN operators on statically
 * shaped tensors with value semantics (docs/graph-dialect.md), their shape
 * inference, and the decoded attribute records every consumer (verifier,
 * interpreter, importer, rewrites, lowerings) shares so that defaults and
 * auto_pad are resolved in exactly one place.
 */
#ifndef EO_DIALECTS_GRAPH_GRAPH_H
#define EO_DIALECTS_GRAPH_GRAPH_H

#include "ir/ir.h"

typedef enum eo_graph_op {
#define GRAPH_OP(E, n) GRAPH_##E,
#include "dialects/graph/graph_ops.def"
#undef GRAPH_OP
    GRAPH_NUM_OPS
} eo_graph_op;

/* Largest tensor rank the graph dialect and its interpreter accept. */
#define EO_GRAPH_MAX_RANK 8

/* Registers graph (and the quant dialect its types need). */
EO_API EO_NODISCARD eo_status eo_graph_register(eo_ctx *ctx);

/* The graph op 'op' is, or -1 if it is not a (registered) graph op. */
EO_API int eo_graph_op_kind(const eo_op *op);
/* "graph.conv2d" for GRAPH_CONV2D; NULL when out of range. */
EO_API const char *eo_graph_op_name(eo_graph_op k);

/* Fused activation of conv2d, conv_transpose2d, gemm, matmul, add. */
typedef enum eo_graph_act {
    EO_ACT_NONE, EO_ACT_RELU, EO_ACT_RELU6, EO_ACT_CLIP, EO_ACT_LEAKY_RELU,
    EO_ACT_SIGMOID, EO_ACT_TANH, EO_ACT_HARD_SWISH
} eo_graph_act;

typedef struct eo_graph_activation {
    eo_graph_act kind;
    float min, max;      /* clip bounds (relu: 0, +inf; relu6: 0, 6) */
    float alpha;         /* leaky_relu */
} eo_graph_activation;

/* conv2d / conv_transpose2d / pools, fully resolved: auto_pad turned into
 * explicit pads, negative or absent attributes replaced by defaults,
 * layout applied (all fields are in logical N, C, H, W terms). */
typedef struct eo_graph_conv {
    bool nhwc;                       /* layout */
    int64_t n, c, h, w;              /* input */
    int64_t o, ho, wo;               /* output channels and size */
    int64_t kh, kw;                  /* kernel (filter or pool window) */
    int64_t stride[2], dilation[2];
    int64_t pad[4];                  /* top, left, bottom, right */
    int64_t output_padding[2];       /* conv_transpose2d */
    int64_t groups;
    bool ceil_mode, count_include_pad;   /* pools */
    bool has_bias;
    eo_graph_activation act;
} eo_graph_conv;

/* Decodes conv2d, conv_transpose2d, max_pool, avg_pool, global_avg_pool or
 * global_max_pool 'op' (which must have passed the verifier). */
EO_API EO_NODISCARD eo_status eo_graph_conv_params(const eo_op *op,
                                                   eo_graph_conv *out);
/* The fused activation of 'op' (EO_ACT_NONE when it has none). */
EO_API eo_graph_activation eo_graph_op_activation(const eo_op *op);

/* Integer-list attribute 'name' of 'op' into out[0..max); returns the
 * number of elements, or -1 (with 'out' untouched) if absent or not an
 * integer array. */
EO_API long eo_graph_attr_ints(const eo_op *op, const char *name,
                               int64_t *out, size_t max);
/* Integer / float / bool / string scalar attribute, or 'def' if absent. */
EO_API int64_t eo_graph_attr_int(const eo_op *op, const char *name,
                                 int64_t def);
EO_API double eo_graph_attr_float(const eo_op *op, const char *name,
                                  double def);
EO_API bool eo_graph_attr_bool(const eo_op *op, const char *name, bool def);
/* NUL-terminated string attribute (interned, lives as long as the
 * context), or 'def'. */
EO_API const char *eo_graph_attr_str(const eo_op *op, const char *name,
                                     const char *def);

/* ONNX Slice on one axis of size 'dim' with a nonzero 'step': the first
 * index read and the number of elements read (negative 'start'/'end'
 * count from the end; both are clamped as ONNX says). */
EO_API void eo_graph_slice_axis(int64_t start, int64_t end, int64_t step,
                                int64_t dim, int64_t *first,
                                int64_t *count);

/* Shape inference. Given graph op kind 'k', its operand types and its
 * inherent attributes (a dictionary attribute, or NULL for none), writes
 * the shape of each result (ranks and dims) into shapes[i] / ranks[i] for
 * i < *nres (the caller passes the capacity in *nres, and gets the number
 * of results). Element types are not inferred: they follow the operands
 * except for quantize/dequantize/requantize and quantized ops, whose result
 * types the caller chooses. Reports an error at 'loc' naming the op and
 * the reason (dynamic dims that cannot be resolved, mismatched shapes,
 * out-of-range axes) and returns EO_ERROR. constant has no inference. */
EO_API EO_NODISCARD eo_status eo_graph_infer_shapes(
    eo_ctx *ctx, const eo_loc *loc, eo_graph_op k, size_t nops,
    const eo_type *const ops[], const eo_attr *attrs, size_t *nres,
    size_t ranks[], int64_t shapes[][EO_GRAPH_MAX_RANK]);

#endif /* EO_DIALECTS_GRAPH_GRAPH_H */

/* dialects/graph/onnx/onnx.h - ONNX model import into the graph dialect
 * (library eo_onnx; protobuf-c code generated at build time from the
 * onnx.proto Debian's libonnx-dev ships) and ONNX TensorProto files.
 */
#ifndef EO_DIALECTS_GRAPH_ONNX_ONNX_H
#define EO_DIALECTS_GRAPH_ONNX_ONNX_H

#include "dialects/graph/interp.h"
#include "ir/ir.h"

typedef struct eo_onnx_options {
    /* Name of the imported func.func; NULL: the graph's name made a valid
     * symbol, or "main" if it has none. */
    const char *func_name;
    /* Size of each dynamic input dimension (ONNX dim_param or missing);
     * 0 (default) makes dynamic dims an error naming the input. */
    int64_t dynamic_dim;
    /* Graph inputs bound to constant values at import, as if they were
     * initializers: bind_values[i] (borrowed; copied during the import)
     * is the value of the input named bind_names[i], i < num_bind. A
     * bound input is no function argument; its dtype and shape must
     * match the input's declared type. A name that is no graph input is
     * an error. */
    const char *const *bind_names;
    const eo_tensor *bind_values;
    size_t num_bind;
} eo_onnx_options;

/* Imports the .onnx file at 'path' into a new builtin.module (caller owns
 * it; erase with eo_op_destroy): one func.func in the graph dialect whose
 * arguments are the graph inputs (initializer-backed and bound inputs
 * excluded) and whose results are the graph outputs. Initializers (and
 * bound inputs) become dense_resource constants, node names the ops'
 * "name" attribute. Opsets 1 to 21 of ai.onnx. Registers the dialects
 * it needs. On any error (corrupt or truncated file, unsupported op, opset,
 * data type, dynamic shape) reports a diagnostic naming the node, op and
 * reason, creates nothing and returns NULL. 'opts' may be NULL. */
EO_API eo_op *eo_onnx_import_file(eo_ctx *ctx, const char *path,
                                  const eo_onnx_options *opts);
/* The same from a buffer in memory ('name' is used in diagnostics). */
EO_API eo_op *eo_onnx_import_buffer(eo_ctx *ctx, const void *data,
                                    size_t size, const char *name,
                                    const eo_onnx_options *opts);

/* Reads a serialized ONNX TensorProto (.pb, as in the ONNX backend tests)
 * into an owned host tensor; errors reported through the context. */
EO_API EO_NODISCARD eo_status eo_onnx_load_tensor(eo_ctx *ctx,
                                                  const char *path,
                                                  eo_tensor *out);

/* Values for eo_onnx_options.bind_*: names[i] = values[i], n entries
 * (owned; free with eo_onnx_bindings_free). */
typedef struct eo_onnx_bindings {
    char **names;
    eo_tensor *values;
    size_t n;
} eo_onnx_bindings;

/* Loads the bindings "NAME=FILE" in specs[0..n) (the tools' repeatable
 * --onnx-bind-input): FILE ending in .npy is read with eo_tensor_load_npy,
 * any other as an ONNX TensorProto (.pb). On error (malformed spec,
 * unreadable file) reports a diagnostic naming it and leaves 'out' empty.
 * Use: opts.bind_names = (const char *const *)out->names,
 * opts.bind_values = out->values, opts.num_bind = out->n. */
EO_API EO_NODISCARD eo_status eo_onnx_bindings_load(eo_ctx *ctx, size_t n,
                                                    const char *const *specs,
                                                    eo_onnx_bindings *out);
/* Frees what eo_onnx_bindings_load allocated and empties 'b'; NULL-safe. */
EO_API void eo_onnx_bindings_free(eo_onnx_bindings *b);

#endif /* EO_DIALECTS_GRAPH_ONNX_ONNX_H */

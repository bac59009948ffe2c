/* dialects/graph/interp.h - the reference interpreter of the graph dialect
 * and the host tensors it works on: simple loops, obviously correct, the
 * oracle every lowering is checked against. Also .npy reading and writing.
 */
#ifndef EO_DIALECTS_GRAPH_INTERP_H
#define EO_DIALECTS_GRAPH_INTERP_H

#include "dialects/graph/graph.h"
#include "ir/ir.h"

/* Element types of host tensors. A quantized tensor is held in its storage
 * type (I8/U8/I32); its scale and zero point live in the IR type. */
typedef enum eo_dtype {
    EO_DT_F32, EO_DT_F64, EO_DT_I8, EO_DT_U8, EO_DT_I16, EO_DT_U16,
    EO_DT_I32, EO_DT_U32, EO_DT_I64, EO_DT_U64, EO_DT_BOOL, EO_DT_F16
} eo_dtype;

/* A dense row-major host tensor. 'data' is owned (freed by
 * eo_tensor_free) unless 'borrowed' is set. */
typedef struct eo_tensor {
    eo_dtype dtype;
    size_t rank;
    int64_t shape[EO_GRAPH_MAX_RANK];
    void *data;
    size_t nbytes;
    bool borrowed;
} eo_tensor;

/* Bytes per element of 'dt' (BOOL: 1). */
EO_API size_t eo_dtype_size(eo_dtype dt);
/* "f32", "i8", ... (numpy-like names used in diagnostics). */
EO_API const char *eo_dtype_name(eo_dtype dt);
/* The host dtype of IR element type 'elem' (quant types map to their
 * storage); false if the interpreter has none for it. */
EO_API bool eo_dtype_of_type(const eo_type *elem, eo_dtype *out);
/* Number of elements (1 for rank 0). */
EO_API int64_t eo_tensor_numel(const eo_tensor *t);
/* Allocates zeroed data for 'dt' and 'shape'; EO_NOMEM on failure
 * (t->data is then NULL). */
EO_API EO_NODISCARD eo_status eo_tensor_alloc(eo_tensor *t, eo_dtype dt,
                                              size_t rank,
                                              const int64_t *shape);
/* A tensor for the static shaped IR type 'type' (zeroed). */
EO_API EO_NODISCARD eo_status eo_tensor_alloc_for_type(eo_tensor *t,
                                                       const eo_type *type);
/* Frees owned data and resets 't' to empty; NULL-safe. */
EO_API void eo_tensor_free(eo_tensor *t);
/* Wraps a dense or dense_resource elements attribute without copying
 * (borrowed); EO_ERROR (diagnostic at 'loc') if its data is absent or its
 * element type has no dtype. Splats are expanded (owned copy). */
EO_API EO_NODISCARD eo_status eo_tensor_from_attr(eo_ctx *ctx,
                                                  const eo_loc *loc,
                                                  const eo_attr *a,
                                                  eo_tensor *out);
/* A dense elements attribute of IR type 'type' (its storage type for a
 * quantized tensor type) holding the tensor's data; NULL on error. */
EO_API const eo_attr *eo_tensor_to_attr(eo_ctx *ctx, const eo_tensor *t,
                                        const eo_type *type);

/* .npy (format 1.0-3.0, little-endian, C order; dtypes above). Errors
 * are reported through the context's diagnostics, naming the file. */
EO_API EO_NODISCARD eo_status eo_tensor_load_npy(eo_ctx *ctx,
                                                 const char *path,
                                                 eo_tensor *out);
EO_API EO_NODISCARD eo_status eo_tensor_save_npy(eo_ctx *ctx,
                                                 const char *path,
                                                 const eo_tensor *t);

/* Runs func.func 'func' on inputs in[0..nin) (in argument order; shapes
 * and dtypes must match the argument types, else an error naming the
 * argument). On success fills out[0..*nout) (the caller passes the
 * capacity in *nout and gets the number of results; the caller frees each
 * with eo_tensor_free). Intermediate tensors are freed as soon as their
 * last use has run.
 * Below the graph level (interp_loops.c) it also runs arith, math,
 * scf.for/if/while, cf.br/cond_br, memref (alloc, load, store, copy,
 * get_global, subview, collapse/expand_shape, ...), 1-D vector ops (load,
 * store, broadcast, splat, fma, reduction), func.call and tl ops
 * on tensors or memrefs, mixed with graph ops. There a scalar argument
 * or result is a rank-0 tensor, a memref argument gets a copy of its
 * input, and if nin is below the number of arguments, the trailing
 * arguments left out must all be memrefs: they are allocated zeroed and
 * returned after func.return's operands (the out-params of a
 * tl-bufferize'd function), as copies. Other ops are reported as
 * unsupported at their location. */
EO_API EO_NODISCARD eo_status eo_interp_run(eo_op *func, size_t nin,
                                            const eo_tensor *in,
                                            size_t *nout, eo_tensor *out);
/* Evaluates one graph op on operand tensors in[0..num operands) into
 * out[0..num results) (allocated here for the result types); used by
 * fold hooks and constant folding. */
EO_API EO_NODISCARD eo_status eo_interp_op(eo_op *op, const eo_tensor *in,
                                           eo_tensor *out);

#endif /* EO_DIALECTS_GRAPH_INTERP_H */

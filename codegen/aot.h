/* codegen/aot.h - ahead-of-time model libraries (edge-opt --emit=c-lib):
 * an object file for any supported target plus a C header, with the
 * intermediate buffers in a caller-provided workspace (no heap use) and
 * the weights as read-only data. docs/deploy.md is the user-level
 * description. Part of eo_codegen (and of edge-opt-codegen.so).
 *
 * Input: a module lowered to loops (func/arith/math/cf/scf/memref/
 * vector) whose one public func.func is the model: memref arguments of
 * static shape and identity layout, the inputs first and the outputs
 * (tl-bufferize's out-params) last, no results. An argument the function
 * writes (through any view) is an output; the written ones must be the
 * trailing ones.
 *
 * Entry point generated, for library name N:
 *     int N_run(const void *const *inputs, void *const *outputs,
 *               void *workspace);
 * inputs[i] / outputs[j]: dense row-major buffers, aligned to their
 * element type; workspace: N_WORKSPACE_SIZE bytes aligned to
 * N_WORKSPACE_ALIGN (may be NULL when the size is 0). Returns 0. The
 * buffers the memref.allocs of the function (static shapes only) stood
 * for are placed in the workspace at offsets from the static memory
 * planner (rewrite/memplan.h, interval mode: live from the top-level op
 * holding the alloc to the last top-level op using it or a view of it);
 * their deallocs go away. The model function itself becomes internal and
 * is inlined into N_run. */
#ifndef EO_CODEGEN_AOT_H
#define EO_CODEGEN_AOT_H

#include "codegen/codegen.h"

/* The pipeline edge-opt runs on an ONNX model given --emit=c-lib and no
 * passes: graph level to loops. */
#define EO_AOT_DEFAULT_PIPELINE                                            \
    "builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),"   \
    "tl-bufferize,func.func(tl-fuse,tl-to-loops))"

/* What eo_aot_emit_c_lib planned (for tools and tests). */
typedef struct eo_aot_summary {
    size_t num_inputs, num_outputs;
    size_t num_buffers;             /* allocs placed in the workspace */
    uint64_t workspace_size;        /* bytes (the planned peak) */
    uint64_t workspace_naive;       /* sum of the buffer sizes */
    uint64_t weights_bytes;         /* bytes of memref.global constants */
} eo_aot_summary;

/* Writes '<dir>/<name>.o' (an object file for opts' target; NULL opts:
 * host, O2) and '<dir>/<name>.h' for the model function of 'module',
 * which is left unchanged (the work happens on a clone). 'name' must be
 * a C identifier; 'dir' must exist. 'summary' may be NULL. EO_ERROR
 * after a diagnostic through the module's context (unsupported
 * signature or allocation, no or several public functions, translation
 * or write failures). */
EO_API EO_NODISCARD eo_status eo_aot_emit_c_lib(eo_op *module,
                                                const eo_codegen_options *opts,
                                                const char *dir,
                                                const char *name,
                                                eo_aot_summary *summary);
/* Its symbol and type, for edge-opt's on-demand edge-opt-codegen.so. */
#define EO_AOT_PLUGIN_ENTRY "eo_aot_emit_c_lib"
typedef eo_status (*eo_aot_emit_c_lib_fn)(eo_op *module,
                                          const eo_codegen_options *opts,
                                          const char *dir, const char *name,
                                          eo_aot_summary *summary);

#endif /* EO_CODEGEN_AOT_H */

/* codegen/codegen.h - code generation through the LLVM-C API (LLVM 19):
 * translation of func/arith/math/cf/scf/memref/vector to LLVM
 * IR, optimization, object/assembly emission for host and cross targets,
 * and running compiled functions in-process (ORC LLJIT, called through
 * libffi from their func signature). Library eo_codegen.
 *
 * Calling convention at function boundaries: MLIR's memref descriptors.
 * A memref<d0 x ... x dn-1 x T> argument is passed as the expanded
 * descriptor fields, in order: allocated pointer, aligned pointer, offset
 * (i64), sizes[n] (i64 each), strides[n] (i64 each) -- exactly what
 * mlir-opt's -finalize-memref-to-llvm / -convert-func-to-llvm produce, so
 * our object code links with MLIR-compiled code. Scalars (iN, index as
 * i64, f16/bf16/f32/f64) pass as themselves. Results: none, one scalar, or
 * several scalars returned as an LLVM struct.
 */
#ifndef EO_CODEGEN_CODEGEN_H
#define EO_CODEGEN_CODEGEN_H

#include "dialects/graph/interp.h"   /* eo_tensor: host buffers */
#include "ir/ir.h"

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#include <stdio.h>

typedef enum eo_emit_kind {
    EO_EMIT_LLVM, EO_EMIT_BC, EO_EMIT_ASM, EO_EMIT_OBJ
} eo_emit_kind;

typedef struct eo_codegen_options {
    /* "x86_64-unknown-linux-gnu", "aarch64-linux-gnu",
     * "thumbv8.1m.main-none-eabi", "riscv64-linux-gnu", ...; NULL: host. */
    const char *triple;
    const char *cpu;            /* "cortex-m55", "native"; NULL: generic */
    const char *features;       /* "+mve.fp"; NULL: none */
    int opt_level;              /* 0..3 */
    /* An LLVMRunPasses pipeline ("default<O2>"); NULL: from opt_level. */
    const char *pipeline;
    /* Keep each function whole: no outlining of its top-level loop nests
     * into internal functions (see eo_codegen_translate). A func.func
     * with the unit attribute "eo.no_outline" is kept whole as well. */
    bool no_outline;
} eo_codegen_options;

/* Translates every func.func of 'module' (func/arith/math/cf/scf/memref
 * ops only; anything else is an error naming the op, "cannot translate")
 * into a new LLVM module in 'llctx' (caller owns both), with the triple
 * and data layout of opts' target (NULL: host). Covered: func.func/call/
 * return; scalar arith (incl. fastmath/overflow flags); math through
 * LLVM intrinsics or libm (f16/bf16 via f32); scf.for/if/while, and
 * scf.parallel without reductions (a serial loop nest here; the JIT runs
 * it on the thread pool of codegen/parallel.h); cf.br/
 * cond_br (block arguments: phis); memref load/store/alloc (malloc,
 * aligned_alloc)/alloca/dealloc/global/get_global/dim/cast/copy/subview/
 * reinterpret_cast/collapse_shape/expand_shape; 1-D vectors (load/store,
 * transfer_read/write with masks, broadcast/splat, fma, reduction,
 * create_mask, element extract/insert, arith/math per lane). Not
 * covered: n-D vectors, unranked memrefs, tensors. File locations become DWARF line tables.
 * The top-level loop nests of a function become internal noinline
 * functions "<fn>.nest<k>" (compile time; see opts->no_outline).
 * NULL after a diagnostic through eo_op_ctx(module). */
EO_API LLVMModuleRef eo_codegen_translate(eo_op *module, LLVMContextRef llctx,
                                          const eo_codegen_options *opts);

/* Creates the target machine for 'opts' (NULL opts: host, O2). NULL
 * after a diagnostic in 'ctx' (unknown triple, CPU or features). */
EO_API LLVMTargetMachineRef eo_codegen_target_machine(
    eo_ctx *ctx, const eo_codegen_options *opts);

/* Optimizes 'm' with LLVMRunPasses for 'tm' (opts->pipeline or
 * default<O{opt_level}>). EO_ERROR after a diagnostic. */
EO_API EO_NODISCARD eo_status eo_codegen_optimize(eo_ctx *ctx, LLVMModuleRef m,
                                                  LLVMTargetMachineRef tm,
                                                  const eo_codegen_options *o);

/* Writes 'm' as LLVM text, bitcode, assembly or an object file to 'path'
 * ("-": stdout for text forms). EO_ERROR after a diagnostic. */
EO_API EO_NODISCARD eo_status eo_codegen_emit(eo_ctx *ctx, LLVMModuleRef m,
                                              LLVMTargetMachineRef tm,
                                              eo_emit_kind kind,
                                              const char *path);

/* Like eo_codegen_emit, writing to the open stream 'f' (not closed). */
EO_API EO_NODISCARD eo_status eo_codegen_emit_stream(eo_ctx *ctx,
                                                     LLVMModuleRef m,
                                                     LLVMTargetMachineRef tm,
                                                     eo_emit_kind kind,
                                                     FILE *f);

/* Translates, optimizes for 'opts' (NULL: host, O2) and writes 'module'
 * as 'kind' to 'out' in one call, with its own LLVM context. EO_ERROR
 * after a diagnostic through the module's context. edge-opt reaches it
 * through the code generator module it loads on demand
 * (EO_CODEGEN_PLUGIN_ENTRY in lib/edge-opt-codegen.so), so that a run
 * without --emit never loads LLVM. */
EO_API EO_NODISCARD eo_status eo_codegen_emit_op(eo_op *module,
                                                 const eo_codegen_options *o,
                                                 eo_emit_kind kind, FILE *out);
#define EO_CODEGEN_PLUGIN_ENTRY "eo_codegen_emit_op"
typedef eo_status (*eo_codegen_emit_op_fn)(eo_op *module,
                                           const eo_codegen_options *o,
                                           eo_emit_kind kind, FILE *out);

/* ------------------------------------------------------------------ */
/* Running compiled code in-process                                    */
/* ------------------------------------------------------------------ */

typedef struct eo_jit eo_jit;

/* JIT-compiles 'module' (translated and optimized for the host at
 * opts->opt_level; opts may be NULL) with ORC LLJIT. NULL after a
 * diagnostic. The result owns its LLVM state; free with eo_jit_destroy. */
EO_API eo_jit *eo_jit_create(eo_op *module, const eo_codegen_options *opts);
EO_API void eo_jit_destroy(eo_jit *jit);

/* Calls func.func @name of the jitted module through libffi, built from
 * the func's signature: memref arguments take in[i] (shape and dtype must
 * match; the buffer is passed in place through a descriptor), scalar
 * arguments take a rank-0 tensor. Scalar results are written to out[] as
 * rank-0 tensors (allocated here; the caller frees them). Functions with
 * memref results are not supported (use out-params). EO_ERROR after a
 * diagnostic naming the argument on any mismatch. */
EO_API EO_NODISCARD eo_status eo_jit_call(eo_jit *jit, const char *name,
                                          size_t nin, eo_tensor *in,
                                          size_t *nout, eo_tensor *out);

/* Measures 'module' (lowered to loops) on the host for the explorer (an
 * eo_measure_fn, explorer/explorer.h): JIT-compiles it at O2 for the
 * host, fills the arguments of the first public func.func with
 * deterministic values, calls it once to warm up and then 'repeats'
 * times (0 = 5), and writes the median wall time (seconds) and the size
 * of the generated machine code (bytes, 0 when unknown). EO_ERROR after a
 * diagnostic when it cannot compile or call the function. */
EO_API EO_NODISCARD eo_status eo_codegen_measure(eo_op *module,
                                                 unsigned repeats,
                                                 double *median_s,
                                                 uint64_t *code_bytes);
/* Its type, for looking it up in the on-demand edge-opt-codegen.so. */
typedef eo_status (*eo_codegen_measure_fn)(eo_op *module, unsigned repeats,
                                           double *median_s,
                                           uint64_t *code_bytes);

#endif /* EO_CODEGEN_CODEGEN_H */

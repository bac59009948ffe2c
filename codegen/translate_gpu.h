/* codegen/translate_gpu.h - device code for the gpu dialect: every
 * gpu.launch of a module is outlined into a kernel (a func.func whose
 * arguments are the values the body uses from above, memrefs as MLIR's
 * expanded descriptors) and translated to NVPTX through LLVM-C, with the
 * nvvm intrinsics for ids and sizes (llvm.nvvm.read.ptx.sreg.*),
 * llvm.nvvm.barrier0 for gpu.barrier, workgroup attributions as
 * addrspace(3) globals and nvvm.annotations marking the kernels. Host
 * code (the launches themselves) is not emitted. See docs/gpu.md.
 */
#ifndef EO_CODEGEN_TRANSLATE_GPU_H
#define EO_CODEGEN_TRANSLATE_GPU_H

#include "codegen/codegen.h"

/* The default target of eo_codegen_emit_gpu. */
#define EO_GPU_TRIPLE "nvptx64-nvidia-cuda"
#define EO_GPU_CPU "sm_80"

/* Outlines the gpu.launch ops of 'module' into a new module (the caller
 * owns it; 'module' is unchanged) holding one func.func per launch,
 * named "<enclosing func>_kernel<k>" (k counts launches in the module),
 * the memref.globals they use, the intrinsic declarations, and the
 * workgroup buffers as private memref.globals "__eo_shared_<k>_<i>".
 * Ids and sizes become calls to the sreg intrinsics, gpu.barrier a
 * call to llvm.nvvm.barrier0. *nkernels (may be NULL) gets the count.
 * NULL after a diagnostic at the offending op (a multi-block body,
 * memref.alloc/dealloc or a nested launch in a kernel, no launch at
 * all). */
EO_API eo_op *eo_gpu_outline_kernels(eo_op *module, size_t *nkernels);

/* Outlines and translates to an LLVM module for 'opts' (triple and CPU
 * default to EO_GPU_TRIPLE / EO_GPU_CPU; a triple must be nvptx or
 * nvptx64), with the kernel annotations and shared-memory address
 * spaces; NULL after a diagnostic. The caller owns the result. */
EO_API LLVMModuleRef eo_codegen_translate_gpu(eo_op *module,
                                              LLVMContextRef llctx,
                                              const eo_codegen_options *opts);

/* Translates, optimizes and writes the kernels of 'module' as 'kind'
 * (EO_EMIT_ASM: PTX) to 'out', like eo_codegen_emit_op. EO_ERROR after
 * a diagnostic through the module's context. */
EO_API EO_NODISCARD eo_status eo_codegen_emit_gpu(eo_op *module,
                                                  const eo_codegen_options *o,
                                                  eo_emit_kind kind,
                                                  FILE *out);

#endif /* EO_CODEGEN_TRANSLATE_GPU_H */

/* codegen/jit_internal.h - the JIT's entry point for LLVM IR given as
 * text (shared inside eo_codegen and with its unit tests), and the
 * pieces of the thread runtime (parallel.c) the JIT and translation use.
 */
#ifndef EO_CODEGEN_JIT_INTERNAL_H
#define EO_CODEGEN_JIT_INTERNAL_H

#include "codegen/codegen.h"

#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>

/* JIT-compiles the LLVM IR text 'ir' (NUL-terminated) unoptimized; the
 * func.func ops of 'module' (bodies or declarations) give the signatures
 * eo_jit_call marshals for. NULL after a diagnostic in eo_op_ctx(module)
 * (IR that does not parse, JIT errors). Free with eo_jit_destroy. */
EO_HIDDEN eo_jit *eo_jit_create_from_ir(eo_op *module, const char *ir);

/* The runtime entry compiled scf.parallel loops call (parallel.h). */
#define EO_RT_PARALLEL_FOR "eo_rt_parallel_for"

/* Like eo_codegen_translate, with scf.parallel calling the thread
 * runtime (an outlined body run by EO_RT_PARALLEL_FOR) when 'threads';
 * without, as eo_codegen_translate does, a serial loop nest (for objects
 * that must not depend on the runtime). */
EO_HIDDEN LLVMModuleRef eo_codegen_translate_ex(eo_op *module,
                                                LLVMContextRef llctx,
                                                const eo_codegen_options *o,
                                                bool threads);

/* Where the workspace buffers of an AOT model function lie, for the
 * aliasing of its outlined loop nests: entry-block argument i of 'body'
 * is the workspace bytes [range[2i], range[2i] + range[2i + 1]) when
 * range[2i + 1] > 0 (i < n); its other arguments (inputs, outputs) are
 * buffers apart from the workspace. */
typedef struct eo_ws_layout {
    const eo_block *body;
    const uint64_t *range;
    size_t n;
} eo_ws_layout;

/* eo_codegen_translate_ex knowing the workspace layout 'ws' (may be
 * NULL): a pointer into a workspace buffer no other argument of an
 * outlined nest overlaps is noalias there. */
EO_HIDDEN LLVMModuleRef eo_codegen_translate_ws(eo_op *module,
                                                LLVMContextRef llctx,
                                                const eo_codegen_options *o,
                                                bool threads,
                                                const eo_ws_layout *ws);

/* Defines EO_RT_PARALLEL_FOR in the main JITDylib of 'j' as the address
 * of eo_rt_parallel_for. NULL on success, else the error (the caller
 * consumes it). */
EO_HIDDEN LLVMErrorRef eo_rt_jit_define(LLVMOrcLLJITRef j);

#endif /* EO_CODEGEN_JIT_INTERNAL_H */

/* codegen/emit_op.c - eo_codegen_emit_op: the whole --emit path in one
 * call (LLVM context, translation, target machine, optimization,
 * emission), so that a tool can load the code generator on demand. */
#include "codegen/codegen.h"

#include "codegen/translate_gpu.h"

#include <string.h>

eo_status
eo_codegen_emit_op(eo_op *module, const eo_codegen_options *opts,
                   eo_emit_kind kind, FILE *out)
{
    eo_ctx *ctx = eo_op_ctx(module);
    /* An NVPTX triple: the gpu.launch kernels (translate_gpu.c). */
    if (opts && opts->triple && strncmp(opts->triple, "nvptx", 5) == 0)
        return eo_codegen_emit_gpu(module, opts, kind, out);
    LLVMContextRef llctx = LLVMContextCreate();
    if (!llctx)
        return eo_emit_error(ctx, NULL, "out of memory");
    LLVMModuleRef m = eo_codegen_translate(module, llctx, opts);
    LLVMTargetMachineRef tm = m ? eo_codegen_target_machine(ctx, opts)
                                : NULL;
    eo_status st = EO_ERROR;
    if (tm && eo_codegen_optimize(ctx, m, tm, opts) == EO_OK)
        st = eo_codegen_emit_stream(ctx, m, tm, kind, out);
    if (tm)
        LLVMDisposeTargetMachine(tm);
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(llctx);
    return st;
}

/* codegen/jit_internal.h - the JIT's entry point for LLVM IR given as
 * text (shared inside eo_codegen and with its unit tests).
 */
#ifndef EO_CODEGEN_JIT_INTERNAL_H
#define EO_CODEGEN_JIT_INTERNAL_H

#include "codegen/codegen.h"

/* JIT-compiles the LLVM IR text 'ir' (NUL-terminated) unoptimized; the
 * func.func ops of 'module' (bodies or declarations) give the signatures
 * eo_jit_call marshals for. NULL after a diagnostic in eo_op_ctx(module)
 * (IR that does not parse, JIT errors). Free with eo_jit_destroy. */
EO_HIDDEN eo_jit *eo_jit_create_from_ir(eo_op *module, const char *ir);

#endif /* EO_CODEGEN_JIT_INTERNAL_H */

/* codegen/target.c - LLVM target machines, the optimization pipeline and
 * writing modules out (text, bitcode, assembly, object code). */
#include "codegen/codegen.h"

#include <llvm-c/BitWriter.h>
#include <llvm-c/Error.h>
#include <llvm-c/Target.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_once_t targets_once = PTHREAD_ONCE_INIT;

static void
init_targets(void)
{
    LLVMInitializeAllTargetInfos();
    LLVMInitializeAllTargets();
    LLVMInitializeAllTargetMCs();
    LLVMInitializeAllAsmPrinters();
    LLVMInitializeAllAsmParsers();
}

static LLVMCodeGenOptLevel
cg_level(int o)
{
    return o <= 0 ? LLVMCodeGenLevelNone
        : o == 1 ? LLVMCodeGenLevelLess
        : o == 2 ? LLVMCodeGenLevelDefault : LLVMCodeGenLevelAggressive;
}

EO_API LLVMTargetMachineRef
eo_codegen_target_machine(eo_ctx *ctx, const eo_codegen_options *opts)
{
    if (pthread_once(&targets_once, init_targets) != 0) {
        eo_emit_error(ctx, NULL, "cannot initialize the LLVM targets");
        return NULL;
    }
    eo_codegen_options def = { .opt_level = 2 };
    if (!opts)
        opts = &def;
    char *host_triple = NULL, *host_cpu = NULL, *host_feat = NULL;
    char *norm = NULL;
    const char *triple = opts->triple;
    const char *cpu = opts->cpu ? opts->cpu : "";
    const char *feat = opts->features ? opts->features : "";
    if (!triple) {
        triple = host_triple = LLVMGetDefaultTargetTriple();
    } else {
        triple = norm = LLVMNormalizeTargetTriple(triple);
    }
    if (strcmp(cpu, "native") == 0) {
        cpu = host_cpu = LLVMGetHostCPUName();
        if (!opts->features)
            feat = host_feat = LLVMGetHostCPUFeatures();
    }
    LLVMTargetRef target = NULL;
    char *err = NULL;
    LLVMTargetMachineRef tm = NULL;
    if (LLVMGetTargetFromTriple(triple, &target, &err)) {
        eo_emit_error(ctx, NULL, "unknown target triple '%s': %s", triple,
                      err ? err : "");
    } else {
        /* Position-independent code for hosted targets (objects link
         * into PIE executables and shared objects); static code for
         * bare-metal ("-none-") ones. */
        LLVMRelocMode rm = strstr(triple, "-none") ? LLVMRelocStatic
                                                   : LLVMRelocPIC;
        tm = LLVMCreateTargetMachine(target, triple, cpu, feat,
                                     cg_level(opts->opt_level), rm,
                                     LLVMCodeModelDefault);
        if (!tm)
            eo_emit_error(ctx, NULL, "cannot create a target machine for "
                          "'%s' (cpu '%s', features '%s')", triple, cpu,
                          feat);
    }
    LLVMDisposeMessage(err);
    LLVMDisposeMessage(host_triple);
    LLVMDisposeMessage(norm);
    LLVMDisposeMessage(host_cpu);
    LLVMDisposeMessage(host_feat);
    return tm;
}

EO_API eo_status
eo_codegen_optimize(eo_ctx *ctx, LLVMModuleRef m, LLVMTargetMachineRef tm,
                    const eo_codegen_options *o)
{
    char pipe[32];
    const char *p = o ? o->pipeline : NULL;
    if (!p) {
        int lvl = o ? o->opt_level : 2;
        lvl = lvl < 0 ? 0 : lvl > 3 ? 3 : lvl;
        snprintf(pipe, sizeof pipe, "default<O%d>", lvl);
        p = pipe;
    }
    LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
    if (!po)
        return eo_emit_error(ctx, NULL, "out of memory");
    LLVMErrorRef e = LLVMRunPasses(m, p, tm, po);
    LLVMDisposePassBuilderOptions(po);
    if (e) {
        char *msg = LLVMGetErrorMessage(e);
        eo_emit_error(ctx, NULL, "LLVM pass pipeline '%s' failed: %s", p,
                      msg ? msg : "");
        LLVMDisposeErrorMessage(msg);
        return EO_ERROR;
    }
    return EO_OK;
}

/* Writes 'n' bytes to 'f' ('path' names it in diagnostics). */
static eo_status
write_bytes(eo_ctx *ctx, FILE *f, const char *path, const char *data,
            size_t n)
{
    if (fwrite(data, 1, n, f) != n || fflush(f) != 0)
        return eo_emit_error(ctx, NULL, "cannot write '%s'", path);
    return EO_OK;
}

static eo_status
emit(eo_ctx *ctx, LLVMModuleRef m, LLVMTargetMachineRef tm,
     eo_emit_kind kind, FILE *f, const char *path)
{
    switch (kind) {
    case EO_EMIT_LLVM: {
        char *s = LLVMPrintModuleToString(m);
        if (!s)
            return eo_emit_error(ctx, NULL, "cannot print the LLVM module");
        eo_status st = write_bytes(ctx, f, path, s, strlen(s));
        LLVMDisposeMessage(s);
        return st;
    }
    case EO_EMIT_BC: {
        LLVMMemoryBufferRef buf = LLVMWriteBitcodeToMemoryBuffer(m);
        if (!buf)
            return eo_emit_error(ctx, NULL, "cannot write LLVM bitcode");
        eo_status st = write_bytes(ctx, f, path, LLVMGetBufferStart(buf),
                                   LLVMGetBufferSize(buf));
        LLVMDisposeMemoryBuffer(buf);
        return st;
    }
    case EO_EMIT_ASM:
    case EO_EMIT_OBJ: {
        if (!tm)
            return eo_emit_error(ctx, NULL, "emitting code needs a target "
                                 "machine");
        char *err = NULL;
        LLVMMemoryBufferRef buf = NULL;
        LLVMCodeGenFileType ft = kind == EO_EMIT_ASM ? LLVMAssemblyFile
                                                     : LLVMObjectFile;
        if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, ft, &err, &buf)) {
            eo_emit_error(ctx, NULL, "LLVM code generation failed: %s",
                          err ? err : "");
            LLVMDisposeMessage(err);
            return EO_ERROR;
        }
        LLVMDisposeMessage(err);
        eo_status st = write_bytes(ctx, f, path, LLVMGetBufferStart(buf),
                                   LLVMGetBufferSize(buf));
        LLVMDisposeMemoryBuffer(buf);
        return st;
    }
    }
    return eo_emit_error(ctx, NULL, "unknown emission kind");
}

EO_API eo_status
eo_codegen_emit_stream(eo_ctx *ctx, LLVMModuleRef m, LLVMTargetMachineRef tm,
                       eo_emit_kind kind, FILE *f)
{
    return emit(ctx, m, tm, kind, f, "<stream>");
}

EO_API eo_status
eo_codegen_emit(eo_ctx *ctx, LLVMModuleRef m, LLVMTargetMachineRef tm,
                eo_emit_kind kind, const char *path)
{
    if (!path || strcmp(path, "-") == 0)
        return emit(ctx, m, tm, kind, stdout, "<stdout>");
    FILE *f = fopen(path, "wb");
    if (!f)
        return eo_emit_error(ctx, NULL, "cannot open '%s' for writing",
                             path);
    eo_status st = emit(ctx, m, tm, kind, f, path);
    if (fclose(f) != 0 && st == EO_OK)
        st = eo_emit_error(ctx, NULL, "cannot write '%s'", path);
    return st;
}

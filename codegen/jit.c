/* codegen/jit.c - running compiled functions in-process: the module is
 * translated, optimized for the host and handed to ORC LLJIT (process
 * symbols resolve libm, malloc, ...); calls go through libffi with a call
 * interface built from the func.func signature, memref arguments expanded
 * to MLIR's descriptor fields (allocated and aligned pointer, offset,
 * sizes, row-major strides). Functions with several results get a small
 * wrapper in LLVM IR that stores the returned struct through a pointer,
 * so the struct return never depends on the C ABI's struct rules.
 */
#include "codegen/jit_internal.h"

#include "dialects/func/func.h"

#include <ffi.h>
#include <llvm-c/Analysis.h>
#include <llvm-c/Error.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <llvm-c/Target.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WRAP_PREFIX "__eo_jit_ret_"

typedef struct jit_arg {
    bool memref;
    bool signless;          /* integer element without signedness */
    bool known;             /* dtype below is valid */
    eo_dtype dtype;
    size_t rank;
    int64_t shape[EO_GRAPH_MAX_RANK];
} jit_arg;

typedef struct jit_func {
    char *name;
    const eo_loc *loc;
    size_t nargs, nres;
    jit_arg *args;
    jit_arg *res;
    char why[200];          /* why it cannot be called; "" if it can */
    uint64_t addr;          /* of the function or its result wrapper */
    /* libffi call interface (built once, at creation). */
    size_t nffi;
    ffi_type **atypes;
    ffi_type *rtype;
    ffi_cif cif;
    /* several results: byte offsets in the wrapper's result struct */
    uint64_t *roff;
    uint64_t rsize;
} jit_func;

struct eo_jit {
    eo_ctx *ctx;
    LLVMOrcLLJITRef lljit;
    char session_error[512];    /* first one the session reported */
    size_t nfuncs;
    jit_func *funcs;
};

union slot {
    uint8_t u8;
    int8_t i8;
    uint16_t u16;
    int16_t i16;
    uint32_t u32;
    int32_t i32;
    uint64_t u64;
    int64_t i64;
    float f32;
    double f64;
    void *ptr;
};

/* ------------------------------------------------------------------ */
/* Signatures                                                          */
/* ------------------------------------------------------------------ */

static bool
dtype_is_int(eo_dtype dt)
{
    return dt != EO_DT_F32 && dt != EO_DT_F64 && dt != EO_DT_F16
           && dt != EO_DT_BOOL;
}

static bool
elem_dtype(const eo_type *t, eo_dtype *dt, bool *signless)
{
    *signless = false;
    if (eo_type_is_index(t)) {
        *dt = EO_DT_I64;
        *signless = true;
        return true;
    }
    if (eo_type_is_int(t) && eo_type_int_signedness(t) == EO_SIGNLESS)
        *signless = true;
    return eo_dtype_of_type(t, dt);
}

/* The libffi type of a scalar of 'dt'; NULL if libffi has none (f16). */
static ffi_type *
ffi_of(eo_dtype dt)
{
    switch (dt) {
    case EO_DT_F32: return &ffi_type_float;
    case EO_DT_F64: return &ffi_type_double;
    case EO_DT_I8: return &ffi_type_sint8;
    case EO_DT_U8: return &ffi_type_uint8;
    case EO_DT_BOOL: return &ffi_type_uint8;
    case EO_DT_I16: return &ffi_type_sint16;
    case EO_DT_U16: return &ffi_type_uint16;
    case EO_DT_I32: return &ffi_type_sint32;
    case EO_DT_U32: return &ffi_type_uint32;
    case EO_DT_I64: return &ffi_type_sint64;
    case EO_DT_U64: return &ffi_type_uint64;
    case EO_DT_F16: return NULL;
    }
    return NULL;
}

static void
describe_type(const eo_type *t, jit_arg *a, char *why, size_t whylen,
              const char *what, size_t i)
{
    memset(a, 0, sizeof *a);
    eo_type_kind kind = eo_type_get_kind(t);
    if (kind == EO_TYPE_MEMREF || kind == EO_TYPE_UNRANKED_MEMREF) {
        a->memref = true;
        if (!eo_type_has_rank(t) || eo_type_rank(t) > EO_GRAPH_MAX_RANK) {
            if (!why[0])
                snprintf(why, whylen, "%s #%zu: unranked memref or rank "
                         "above %d is not supported", what, i,
                         EO_GRAPH_MAX_RANK);
            return;
        }
        a->rank = eo_type_rank(t);
        if (a->rank)
            memcpy(a->shape, eo_type_shape(t), a->rank * sizeof(int64_t));
        const eo_attr *layout = eo_type_layout(t);
        if (layout && !why[0]) {
            /* Only the identity layout matches row-major tensors. */
            bool identity = false;
            if (eo_attr_get_kind(layout) == EO_ATTR_AFFINE_MAP) {
                const eo_affine_map *m = eo_attr_affine_map(layout);
                identity = m == eo_affine_map_identity(eo_type_ctx(t),
                                                       (unsigned)a->rank);
            }
            if (!identity)
                snprintf(why, whylen, "%s #%zu: memref with a non-identity "
                         "layout is not supported", what, i);
        }
        a->known = elem_dtype(eo_type_elem(t), &a->dtype, &a->signless);
        if (!a->known && !why[0])
            snprintf(why, whylen, "%s #%zu: memref element type has no host "
                     "dtype", what, i);
        return;
    }
    a->known = elem_dtype(t, &a->dtype, &a->signless);
    if ((!a->known || !ffi_of(a->dtype)) && !why[0])
        snprintf(why, whylen, "%s #%zu: scalar type not supported by the "
                 "JIT calling interface (iN up to i64, index, f32, f64)",
                 what, i);
}

static size_t
expanded_count(const jit_func *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->nargs; i++)
        n += f->args[i].memref ? 3 + 2 * f->args[i].rank : 1;
    return n;
}

static void
free_funcs(eo_jit *jit)
{
    for (size_t i = 0; i < jit->nfuncs; i++) {
        jit_func *f = &jit->funcs[i];
        free(f->name);
        free(f->args);
        free(f->res);
        free(f->atypes);
        free(f->roff);
    }
    free(jit->funcs);
    jit->funcs = NULL;
    jit->nfuncs = 0;
}

/* Records the signature of every func.func with a body (or, for IR given
 * as text, every func.func). */
static eo_status
collect_funcs(eo_jit *jit, eo_op *module, bool bodies_only)
{
    const eo_op_def *fdef = func_op_def(FUNC_FUNC);
    size_t n = 0;
    eo_block *body = eo_module_body(module);
    if (!body)
        return eo_emit_error(jit->ctx, eo_op_loc(module),
                             "JIT: expected a builtin.module");
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        if (eo_op_is(op, fdef))
            n++;
    jit->funcs = calloc(n ? n : 1, sizeof *jit->funcs);
    if (!jit->funcs)
        return eo_emit_error(jit->ctx, NULL, "out of memory");
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op)) {
        if (!eo_op_is(op, fdef))
            continue;
        if (bodies_only && func_is_declaration(op))
            continue;
        const eo_type *ft = func_get_type(op);
        const eo_attr *sym = eo_op_attr(op, "sym_name");
        size_t len = 0;
        const char *name = sym ? eo_attr_string(sym, &len) : NULL;
        if (!ft || !name)
            continue;
        jit_func *f = &jit->funcs[jit->nfuncs++];
        f->loc = eo_op_loc(op);
        f->name = malloc(len + 1);
        f->nargs = eo_type_num_inputs(ft);
        f->nres = eo_type_num_results(ft);
        f->args = calloc(f->nargs ? f->nargs : 1, sizeof *f->args);
        f->res = calloc(f->nres ? f->nres : 1, sizeof *f->res);
        if (!f->name || !f->args || !f->res)
            return eo_emit_error(jit->ctx, NULL, "out of memory");
        memcpy(f->name, name, len);
        f->name[len] = '\0';
        for (size_t i = 0; i < f->nargs; i++)
            describe_type(eo_type_input(ft, i), &f->args[i], f->why,
                          sizeof f->why, "argument", i);
        for (size_t i = 0; i < f->nres; i++) {
            describe_type(eo_type_result(ft, i), &f->res[i], f->why,
                          sizeof f->why, "result", i);
            if (f->res[i].memref && !f->why[0])
                snprintf(f->why, sizeof f->why, "result #%zu is a memref: "
                         "memref results are not supported (use "
                         "out-params)", i);
        }
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* LLVM side                                                           */
/* ------------------------------------------------------------------ */

static eo_status
llvm_error(eo_ctx *ctx, LLVMErrorRef err, const char *what)
{
    char *msg = LLVMGetErrorMessage(err);
    eo_status st = eo_emit_error(ctx, NULL, "JIT: %s: %s", what,
                                 msg ? msg : "unknown error");
    LLVMDisposeErrorMessage(msg);
    return st;
}

/* Checks the LLVM function of 'f' against its signature and, for several
 * results, adds "__eo_jit_ret_<name>"(params..., ptr) storing the
 * returned struct; fills the libffi call interface. */
static eo_status
prepare_func(eo_jit *jit, jit_func *f, LLVMModuleRef m)
{
    if (f->why[0])
        return EO_OK;               /* reported when called */
    LLVMValueRef fn = LLVMGetNamedFunction(m, f->name);
    LLVMLinkage link = fn ? LLVMGetLinkage(fn) : LLVMExternalLinkage;
    if (!fn || LLVMIsDeclaration(fn) || link == LLVMInternalLinkage
        || link == LLVMPrivateLinkage) {
        snprintf(f->why, sizeof f->why, "no externally visible compiled "
                 "definition (private functions are internal)");
        return EO_OK;
    }
    size_t nffi = expanded_count(f);
    LLVMTypeRef fty = LLVMGlobalGetValueType(fn);
    if (LLVMCountParams(fn) != nffi)
        return eo_emit_error(jit->ctx, f->loc, "JIT: @%s: the compiled "
                             "function has %u parameters, the memref "
                             "descriptor convention wants %zu", f->name,
                             LLVMCountParams(fn), nffi);
    LLVMTypeRef rty = LLVMGetReturnType(fty);
    if (f->nres > 1) {
        if (LLVMGetTypeKind(rty) != LLVMStructTypeKind
            || LLVMCountStructElementTypes(rty) != f->nres)
            return eo_emit_error(jit->ctx, f->loc, "JIT: @%s: expected a "
                                 "struct of %zu results", f->name, f->nres);
    } else if ((f->nres == 0) != (LLVMGetTypeKind(rty) == LLVMVoidTypeKind)) {
        return eo_emit_error(jit->ctx, f->loc, "JIT: @%s: the compiled "
                             "function's return type does not match its "
                             "signature", f->name);
    }
    f->nffi = nffi + (f->nres > 1);
    f->atypes = calloc(f->nffi ? f->nffi : 1, sizeof *f->atypes);
    if (!f->atypes)
        return eo_emit_error(jit->ctx, NULL, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < f->nargs; i++) {
        const jit_arg *a = &f->args[i];
        if (!a->memref) {
            f->atypes[k++] = ffi_of(a->dtype);
            continue;
        }
        f->atypes[k++] = &ffi_type_pointer;
        f->atypes[k++] = &ffi_type_pointer;
        for (size_t j = 0; j < 1 + 2 * a->rank; j++)
            f->atypes[k++] = &ffi_type_sint64;
    }
    if (f->nres == 0) {
        f->rtype = &ffi_type_void;
    } else if (f->nres == 1) {
        f->rtype = ffi_of(f->res[0].dtype);
    } else {
        f->atypes[k++] = &ffi_type_pointer;
        f->rtype = &ffi_type_void;
        f->roff = calloc(f->nres, sizeof *f->roff);
        if (!f->roff)
            return eo_emit_error(jit->ctx, NULL, "out of memory");
        LLVMTargetDataRef td = LLVMGetModuleDataLayout(m);
        for (size_t i = 0; i < f->nres; i++)
            f->roff[i] = LLVMOffsetOfElement(td, rty, (unsigned)i);
        f->rsize = LLVMABISizeOfType(td, rty);
        /* The wrapper: call, then store the struct through the pointer. */
        unsigned np = (unsigned)nffi;
        LLVMTypeRef *pt = calloc(np + 1, sizeof *pt);
        LLVMValueRef *av = calloc(np ? np : 1, sizeof *av);
        size_t wlen = strlen(WRAP_PREFIX) + strlen(f->name) + 1;
        char *wname = malloc(wlen);
        if (!pt || !av || !wname) {
            free(pt);
            free(av);
            free(wname);
            return eo_emit_error(jit->ctx, NULL, "out of memory");
        }
        snprintf(wname, wlen, "%s%s", WRAP_PREFIX, f->name);
        LLVMContextRef llctx = LLVMGetModuleContext(m);
        LLVMGetParamTypes(fty, pt);
        pt[np] = LLVMPointerTypeInContext(llctx, 0);
        LLVMTypeRef wty = LLVMFunctionType(LLVMVoidTypeInContext(llctx), pt,
                                           np + 1, 0);
        LLVMValueRef w = LLVMAddFunction(m, wname, wty);
        LLVMBuilderRef b = LLVMCreateBuilderInContext(llctx);
        LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(
                                        llctx, w, "entry"));
        for (unsigned i = 0; i < np; i++)
            av[i] = LLVMGetParam(w, i);
        LLVMValueRef r = LLVMBuildCall2(b, fty, fn, av, np, "r");
        LLVMValueRef out = LLVMGetParam(w, np);
        for (unsigned i = 0; i < f->nres; i++) {
            LLVMValueRef v = LLVMBuildExtractValue(b, r, i, "");
            LLVMValueRef p = LLVMBuildStructGEP2(b, rty, out, i, "");
            LLVMBuildStore(b, v, p);
        }
        LLVMBuildRetVoid(b);
        LLVMDisposeBuilder(b);
        free(pt);
        free(av);
        free(wname);
    }
    if (ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, (unsigned)f->nffi, f->rtype,
                     f->atypes) != FFI_OK)
        return eo_emit_error(jit->ctx, f->loc, "JIT: @%s: libffi cannot "
                             "build a call interface", f->name);
    return EO_OK;
}

static void
native_init(void)
{
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
    LLVMInitializeNativeAsmParser();
}

/* Keeps the session's first error (unresolved symbols, ...) for the
 * diagnostic of the lookup that fails because of it. */
static void
session_error(void *ud, LLVMErrorRef err)
{
    eo_jit *jit = ud;
    char *msg = LLVMGetErrorMessage(err);
    if (!jit->session_error[0] && msg)
        snprintf(jit->session_error, sizeof jit->session_error, "%s", msg);
    LLVMDisposeErrorMessage(msg);
}

/* Creates the LLJIT with process symbols; NULL after a diagnostic. */
static LLVMOrcLLJITRef
make_lljit(eo_jit *jit)
{
    eo_ctx *ctx = jit->ctx;
    native_init();
    LLVMOrcLLJITRef j = NULL;
    LLVMErrorRef err = LLVMOrcCreateLLJIT(&j, NULL);
    if (err) {
        llvm_error(ctx, err, "cannot create LLJIT");
        return NULL;
    }
    LLVMOrcDefinitionGeneratorRef gen = NULL;
    err = LLVMOrcCreateDynamicLibrarySearchGeneratorForProcess(
        &gen, LLVMOrcLLJITGetGlobalPrefix(j), NULL, NULL);
    if (err) {
        llvm_error(ctx, err, "cannot search the process for symbols");
        LLVMErrorRef e2 = LLVMOrcDisposeLLJIT(j);
        if (e2)
            LLVMConsumeError(e2);
        return NULL;
    }
    LLVMOrcJITDylibAddGenerator(LLVMOrcLLJITGetMainJITDylib(j), gen);
    /* The thread runtime of scf.parallel (parallel.c). */
    err = eo_rt_jit_define(j);
    if (err) {
        llvm_error(ctx, err, "cannot define the thread runtime");
        LLVMErrorRef e2 = LLVMOrcDisposeLLJIT(j);
        if (e2)
            LLVMConsumeError(e2);
        return NULL;
    }
    LLVMOrcExecutionSessionSetErrorReporter(
        LLVMOrcLLJITGetExecutionSession(j), session_error, jit);
    return j;
}

/* Takes 'm' (in 'tsctx', both consumed): prepares the signatures, adds
 * the module to the JIT and looks every callable function up. */
static eo_status
finish(eo_jit *jit, LLVMOrcThreadSafeContextRef tsctx, LLVMModuleRef m)
{
    eo_status st = EO_OK;
    for (size_t i = 0; i < jit->nfuncs && st == EO_OK; i++)
        st = prepare_func(jit, &jit->funcs[i], m);
    char *msg = NULL;
    if (st == EO_OK
        && LLVMVerifyModule(m, LLVMReturnStatusAction, &msg)) {
        st = eo_emit_error(jit->ctx, NULL, "JIT: invalid LLVM module: %s",
                           msg ? msg : "");
    }
    LLVMDisposeMessage(msg);
    if (st != EO_OK) {
        LLVMDisposeModule(m);
        LLVMOrcDisposeThreadSafeContext(tsctx);
        return st;
    }
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(m,
                                                                      tsctx);
    LLVMOrcDisposeThreadSafeContext(tsctx);
    LLVMErrorRef err = LLVMOrcLLJITAddLLVMIRModule(
        jit->lljit, LLVMOrcLLJITGetMainJITDylib(jit->lljit), tsm);
    if (err) {
        LLVMOrcDisposeThreadSafeModule(tsm);
        return llvm_error(jit->ctx, err, "cannot add the module");
    }
    for (size_t i = 0; i < jit->nfuncs; i++) {
        jit_func *f = &jit->funcs[i];
        if (f->why[0])
            continue;
        char buf[512];
        snprintf(buf, sizeof buf, "%s%s", f->nres > 1 ? WRAP_PREFIX : "",
                 f->name);
        LLVMOrcExecutorAddress addr = 0;
        err = LLVMOrcLLJITLookup(jit->lljit, &addr, buf);
        if (err) {
            char what[1100];
            snprintf(what, sizeof what, "cannot compile @%s%s%s%s", f->name,
                     jit->session_error[0] ? " (" : "", jit->session_error,
                     jit->session_error[0] ? ")" : "");
            return llvm_error(jit->ctx, err, what);
        }
        f->addr = addr;
    }
    return EO_OK;
}

/* A new jit with its LLJIT and the signatures of 'module'; the module's
 * triple and data layout are set to the JIT's. NULL after a diagnostic. */
static eo_jit *
jit_begin(eo_op *module, bool bodies_only)
{
    eo_ctx *ctx = eo_op_ctx(module);
    eo_jit *jit = calloc(1, sizeof *jit);
    if (!jit) {
        eo_emit_error(ctx, NULL, "out of memory");
        return NULL;
    }
    jit->ctx = ctx;
    if (collect_funcs(jit, module, bodies_only) != EO_OK) {
        eo_jit_destroy(jit);
        return NULL;
    }
    jit->lljit = make_lljit(jit);
    if (!jit->lljit) {
        eo_jit_destroy(jit);
        return NULL;
    }
    return jit;
}

static void
set_target(eo_jit *jit, LLVMModuleRef m)
{
    LLVMSetTarget(m, LLVMOrcLLJITGetTripleString(jit->lljit));
    LLVMSetDataLayout(m, LLVMOrcLLJITGetDataLayoutStr(jit->lljit));
}

eo_jit *
eo_jit_create_from_ir(eo_op *module, const char *ir)
{
    if (!module || !ir)
        return NULL;
    eo_jit *jit = jit_begin(module, false);
    if (!jit)
        return NULL;
    LLVMOrcThreadSafeContextRef tsctx = LLVMOrcCreateNewThreadSafeContext();
    LLVMContextRef llctx = LLVMOrcThreadSafeContextGetContext(tsctx);
    LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRangeCopy(
        ir, strlen(ir), "jit-input");
    LLVMModuleRef m = NULL;
    char *msg = NULL;
    if (!buf || LLVMParseIRInContext(llctx, buf, &m, &msg)) {
        /* LLVMParseIRInContext takes the buffer, even on failure. */
        eo_emit_error(jit->ctx, NULL, "JIT: cannot parse LLVM IR: %s",
                      msg ? msg : "");
        LLVMDisposeMessage(msg);
        LLVMOrcDisposeThreadSafeContext(tsctx);
        eo_jit_destroy(jit);
        return NULL;
    }
    set_target(jit, m);
    if (finish(jit, tsctx, m) != EO_OK) {
        eo_jit_destroy(jit);
        return NULL;
    }
    return jit;
}

eo_jit *
eo_jit_create(eo_op *module, const eo_codegen_options *opts)
{
    if (!module)
        return NULL;
    eo_jit *jit = jit_begin(module, true);
    if (!jit)
        return NULL;
    eo_codegen_options o = {0};
    o.opt_level = 2;
    if (opts)
        o = *opts;
    o.triple = NULL;                /* the JIT runs on the host */
    char *cpu = NULL, *features = NULL;
    if (!o.cpu || !strcmp(o.cpu, "native")) {
        cpu = LLVMGetHostCPUName();
        o.cpu = cpu;
        if (!o.features) {
            features = LLVMGetHostCPUFeatures();
            o.features = features;
        }
    }
    LLVMOrcThreadSafeContextRef tsctx = LLVMOrcCreateNewThreadSafeContext();
    LLVMContextRef llctx = LLVMOrcThreadSafeContextGetContext(tsctx);
    LLVMModuleRef m = eo_codegen_translate_ex(module, llctx, &o, true);
    eo_status st = m ? EO_OK : EO_ERROR;
    if (m) {
        set_target(jit, m);
        LLVMTargetMachineRef tm = eo_codegen_target_machine(jit->ctx, &o);
        if (!tm) {
            st = EO_ERROR;
        } else {
            st = eo_codegen_optimize(jit->ctx, m, tm, &o);
            LLVMDisposeTargetMachine(tm);
        }
    }
    LLVMDisposeMessage(cpu);
    LLVMDisposeMessage(features);
    if (st != EO_OK) {
        if (m)
            LLVMDisposeModule(m);
        LLVMOrcDisposeThreadSafeContext(tsctx);
        eo_jit_destroy(jit);
        return NULL;
    }
    if (finish(jit, tsctx, m) != EO_OK) {
        eo_jit_destroy(jit);
        return NULL;
    }
    return jit;
}

void
eo_jit_destroy(eo_jit *jit)
{
    if (!jit)
        return;
    if (jit->lljit) {
        LLVMErrorRef err = LLVMOrcDisposeLLJIT(jit->lljit);
        if (err)
            llvm_error(jit->ctx, err, "cannot dispose of the JIT");
    }
    free_funcs(jit);
    free(jit);
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

static void
shape_str(char *buf, size_t len, size_t rank, const int64_t *shape)
{
    size_t n = 0;
    buf[0] = '\0';
    if (rank == 0)
        snprintf(buf, len, "scalar");
    for (size_t i = 0; i < rank && n < len; i++) {
        int w;
        if (shape[i] == EO_DYNAMIC)
            w = snprintf(buf + n, len - n, "%s?", i ? "x" : "");
        else
            w = snprintf(buf + n, len - n, "%s%lld", i ? "x" : "",
                         (long long)shape[i]);
        if (w < 0)
            break;
        n += (size_t)w;
    }
}

static bool
dtype_ok(const jit_arg *a, eo_dtype got)
{
    if (a->dtype == got)
        return true;
    /* Signless integers take either signedness of the same width. */
    return a->signless && dtype_is_int(got)
           && eo_dtype_size(got) == eo_dtype_size(a->dtype);
}

static eo_status
check_arg(eo_jit *jit, const jit_func *f, size_t i, const eo_tensor *t)
{
    const jit_arg *a = &f->args[i];
    bool ok = dtype_ok(a, t->dtype);
    if (a->memref) {
        ok = ok && t->rank == a->rank;
        for (size_t d = 0; ok && d < a->rank; d++)
            ok = a->shape[d] == EO_DYNAMIC || a->shape[d] == t->shape[d];
        ok = ok && (t->data || eo_tensor_numel(t) == 0);
    } else {
        ok = ok && t->rank == 0 && t->data;
    }
    if (ok)
        return EO_OK;
    char want[128], got[128];
    shape_str(want, sizeof want, a->rank, a->shape);
    shape_str(got, sizeof got, t->rank, t->shape);
    return eo_emit_error(jit->ctx, f->loc, "@%s: argument #%zu: expected "
                         "%s %s of %s, got %s of %s", f->name, i,
                         a->memref ? "memref" : "scalar", want,
                         eo_dtype_name(a->dtype), got,
                         eo_dtype_name(t->dtype));
}

/* Stores an integer return value (widened to ffi_arg by libffi). */
static void
store_ret(eo_dtype dt, const void *rv, void *dst)
{
    if (dt == EO_DT_F32 || dt == EO_DT_F64) {
        memcpy(dst, rv, eo_dtype_size(dt));
        return;
    }
    ffi_arg v;
    memcpy(&v, rv, sizeof v);
    switch (dt) {
    case EO_DT_BOOL: *(uint8_t *)dst = (uint8_t)(v & 1); break;
    case EO_DT_I8: case EO_DT_U8: *(uint8_t *)dst = (uint8_t)v; break;
    case EO_DT_I16: case EO_DT_U16: {
        uint16_t x = (uint16_t)v;
        memcpy(dst, &x, 2);
        break;
    }
    case EO_DT_I32: case EO_DT_U32: {
        uint32_t x = (uint32_t)v;
        memcpy(dst, &x, 4);
        break;
    }
    default: {
        uint64_t x = (uint64_t)v;
        memcpy(dst, &x, 8);
        break;
    }
    }
}

eo_status
eo_jit_call(eo_jit *jit, const char *name, size_t nin, eo_tensor *in,
            size_t *nout, eo_tensor *out)
{
    if (!jit || !name || (nin && !in) || !nout)
        return EO_ERROR;
    jit_func *f = NULL;
    for (size_t i = 0; i < jit->nfuncs && !f; i++)
        if (!strcmp(jit->funcs[i].name, name))
            f = &jit->funcs[i];
    if (!f)
        return eo_emit_error(jit->ctx, NULL, "JIT: no function @%s in the "
                             "compiled module", name);
    if (f->why[0])
        return eo_emit_error(jit->ctx, f->loc, "JIT: cannot call @%s: %s",
                             f->name, f->why);
    if (nin != f->nargs)
        return eo_emit_error(jit->ctx, f->loc, "@%s: expected %zu "
                             "arguments, got %zu", f->name, f->nargs, nin);
    if (*nout < f->nres || (f->nres && !out))
        return eo_emit_error(jit->ctx, f->loc, "@%s: room for %zu results, "
                             "it has %zu", f->name, *nout, f->nres);
    for (size_t i = 0; i < nin; i++)
        if (check_arg(jit, f, i, &in[i]) != EO_OK)
            return EO_ERROR;

    union slot small_slots[64];
    void *small_ptrs[64];
    union slot *slots = small_slots;
    void **avalue = small_ptrs;
    if (f->nffi > 64) {
        slots = calloc(f->nffi, sizeof *slots);
        avalue = calloc(f->nffi, sizeof *avalue);
        if (!slots || !avalue) {
            free(slots);
            free(avalue);
            return eo_emit_error(jit->ctx, NULL, "out of memory");
        }
    }
    size_t k = 0;
    for (size_t i = 0; i < nin; i++) {
        const jit_arg *a = &f->args[i];
        const eo_tensor *t = &in[i];
        if (!a->memref) {
            memset(&slots[k], 0, sizeof slots[k]);
            memcpy(&slots[k], t->data, eo_dtype_size(a->dtype));
            k++;
            continue;
        }
        slots[k++].ptr = t->data;
        slots[k++].ptr = t->data;
        slots[k++].i64 = 0;
        for (size_t d = 0; d < a->rank; d++)
            slots[k++].i64 = t->shape[d];
        int64_t stride = 1;
        for (size_t d = a->rank; d-- > 0;) {
            slots[k + d].i64 = stride;
            stride *= t->shape[d];
        }
        k += a->rank;
    }
    /* Return storage: a scalar widened to ffi_arg, or the result struct. */
    union { ffi_arg a; double d; uint64_t u[4]; } rsmall;
    void *rbuf = &rsmall;
    void *heap = NULL;
    if (f->nres > 1) {
        heap = calloc(1, f->rsize ? f->rsize : 1);
        if (!heap) {
            if (slots != small_slots) {
                free(slots);
                free(avalue);
            }
            return eo_emit_error(jit->ctx, NULL, "out of memory");
        }
        slots[k++].ptr = heap;
    }
    for (size_t i = 0; i < f->nffi; i++)
        avalue[i] = &slots[i];
    memset(&rsmall, 0, sizeof rsmall);
    ffi_call(&f->cif, (void (*)(void))(uintptr_t)f->addr, rbuf, avalue);
    eo_status st = EO_OK;
    size_t done = 0;
    for (size_t i = 0; i < f->nres && st == EO_OK; i++) {
        eo_dtype dt = f->res[i].dtype;
        st = eo_tensor_alloc(&out[i], dt, 0, NULL);
        if (st != EO_OK) {
            eo_emit_error(jit->ctx, NULL, "out of memory");
            break;
        }
        done++;
        if (f->nres == 1)
            store_ret(dt, rbuf, out[i].data);
        else
            memcpy(out[i].data, (char *)heap + f->roff[i],
                   eo_dtype_size(dt));
    }
    if (st != EO_OK) {
        for (size_t i = 0; i < done; i++)
            eo_tensor_free(&out[i]);
    } else {
        *nout = f->nres;
    }
    free(heap);
    if (slots != small_slots) {
        free(slots);
        free(avalue);
    }
    return st;
}

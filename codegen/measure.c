/* codegen/measure.c - measuring compiled code on the host for the
 * explorer (eo_codegen_measure, an eo_measure_fn): JIT, deterministic
 * inputs, one warm-up call, the median of timed calls, and the size of
 * the machine code (the .text sections of an object emitted for the same
 * host and options).
 */
#include "codegen/codegen.h"

#include "dialects/func/func.h"

#include <llvm-c/Object.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static bool
is_public_func(eo_op *op)
{
    if (strcmp(eo_op_name_str(op), "func.func") != 0 ||
        func_is_declaration(op))
        return false;
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    size_t len = 0;
    const char *s = vis ? eo_attr_string(vis, &len) : NULL;
    return !s || (len == 6 && memcmp(s, "public", 6) == 0);
}

/* Fills 't' from a fixed LCG: floats uniform in [-1, 1], integers in
 * [-8, 8) (unsigned [0, 16)), booleans 0/1, f16 zero. */
static void
fill(eo_tensor *t, uint64_t seed)
{
    uint64_t x = seed * 6364136223846793005ull + 1442695040888963407ull;
    int64_t n = eo_tensor_numel(t);
    for (int64_t i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint32_t r = (uint32_t)(x >> 33);
        double u = (double)r / 2147483648.0 * 2.0 - 1.0;
        int64_t k = (int64_t)(r % 16) - 8;
        switch (t->dtype) {
        case EO_DT_F32: ((float *)t->data)[i] = (float)u; break;
        case EO_DT_F64: ((double *)t->data)[i] = u; break;
        case EO_DT_I8: ((int8_t *)t->data)[i] = (int8_t)k; break;
        case EO_DT_U8: ((uint8_t *)t->data)[i] = (uint8_t)(k + 8); break;
        case EO_DT_I16: ((int16_t *)t->data)[i] = (int16_t)k; break;
        case EO_DT_U16: ((uint16_t *)t->data)[i] = (uint16_t)(k + 8); break;
        case EO_DT_I32: ((int32_t *)t->data)[i] = (int32_t)k; break;
        case EO_DT_U32: ((uint32_t *)t->data)[i] = (uint32_t)(k + 8); break;
        case EO_DT_I64: ((int64_t *)t->data)[i] = k; break;
        case EO_DT_U64: ((uint64_t *)t->data)[i] = (uint64_t)(k + 8); break;
        case EO_DT_BOOL: ((uint8_t *)t->data)[i] = (uint8_t)(r & 1); break;
        case EO_DT_F16: ((uint16_t *)t->data)[i] = 0; break;
        }
    }
}

/* A filled argument for IR type 'ty' (a static memref, or a scalar as a
 * rank-0 tensor); EO_ERROR after a diagnostic. */
static eo_status
make_arg(eo_op *fn, size_t i, const eo_type *ty, eo_tensor *t)
{
    eo_type_kind k = eo_type_get_kind(ty);
    const eo_type *elem = k == EO_TYPE_MEMREF ? eo_type_elem(ty) : ty;
    eo_dtype dt;
    if (eo_type_is_index(elem))
        dt = EO_DT_I64;
    else if (!eo_dtype_of_type(elem, &dt))
        return eo_op_error(fn, "measure: argument #%zu has an element type "
                           "the host cannot fill", i);
    size_t rank = 0;
    const int64_t *shape = NULL;
    if (k == EO_TYPE_MEMREF) {
        rank = eo_type_rank(ty);
        shape = eo_type_shape(ty);
        if (rank > EO_GRAPH_MAX_RANK)
            return eo_op_error(fn, "measure: argument #%zu has rank %zu "
                               "(at most %d)", i, rank, EO_GRAPH_MAX_RANK);
        for (size_t d = 0; d < rank; d++)
            if (shape[d] < 0)
                return eo_op_error(fn, "measure: argument #%zu has a "
                                   "dynamic shape", i);
    } else if (k != EO_TYPE_INTEGER && k != EO_TYPE_FLOAT &&
               k != EO_TYPE_INDEX) {
        return eo_op_error(fn, "measure: argument #%zu is neither a memref "
                           "nor a scalar", i);
    }
    if (eo_tensor_alloc(t, dt, rank, shape) != EO_OK)
        return eo_op_error(fn, "measure: out of memory");
    fill(t, i + 1);
    return EO_OK;
}

/* Size of the .text sections of 'module' compiled to an object for the
 * host with 'o'; 0 when it cannot be told (never an error: the size is
 * informative). */
static uint64_t
code_size(eo_op *module, const eo_codegen_options *o)
{
    eo_ctx *ctx = eo_op_ctx(module);
    uint64_t total = 0;
    LLVMContextRef llctx = LLVMContextCreate();
    if (!llctx)
        return 0;
    LLVMModuleRef m = eo_codegen_translate(module, llctx, o);
    LLVMTargetMachineRef tm = m ? eo_codegen_target_machine(ctx, o) : NULL;
    LLVMMemoryBufferRef buf = NULL;
    char *msg = NULL;
    if (tm && eo_codegen_optimize(ctx, m, tm, o) == EO_OK &&
        !LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &msg,
                                             &buf)) {
        char *err = NULL;
        LLVMBinaryRef bin = LLVMCreateBinary(buf, llctx, &err);
        LLVMDisposeMessage(err);
        LLVMSectionIteratorRef it =
            bin ? LLVMObjectFileCopySectionIterator(bin) : NULL;
        while (it && !LLVMObjectFileIsSectionIteratorAtEnd(bin, it)) {
            const char *name = LLVMGetSectionName(it);
            if (name && strncmp(name, ".text", 5) == 0)
                total += LLVMGetSectionSize(it);
            LLVMMoveToNextSection(it);
        }
        if (it)
            LLVMDisposeSectionIterator(it);
        if (bin)
            LLVMDisposeBinary(bin);
        LLVMDisposeMemoryBuffer(buf);
    }
    LLVMDisposeMessage(msg);
    if (tm)
        LLVMDisposeTargetMachine(tm);
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(llctx);
    return total;
}

eo_status
eo_codegen_measure(eo_op *module, unsigned repeats, double *median_s,
                   uint64_t *code_bytes)
{
    if (!module || !median_s || !code_bytes)
        return EO_ERROR;
    eo_ctx *ctx = eo_op_ctx(module);
    if (repeats == 0)
        repeats = 5;
    eo_block *body = eo_module_body(module);
    eo_op *fn = NULL;
    for (eo_op *op = body ? eo_block_first(body) : NULL; op && !fn;
         op = eo_op_next(op))
        if (is_public_func(op))
            fn = op;
    const eo_type *ft = fn ? func_get_type(fn) : NULL;
    if (!ft)
        return eo_emit_error(ctx, eo_loc_unknown(ctx), "measure: no public "
                             "func.func with a body to run");
    const eo_ident *id = eo_symbol_name(ctx, fn);
    if (!id)
        return eo_op_error(fn, "measure: the function has no name");
    size_t nargs = eo_type_num_inputs(ft), nres = eo_type_num_results(ft);
    eo_tensor *args = calloc(nargs ? nargs : 1, sizeof *args);
    eo_tensor *out = calloc(nres ? nres : 1, sizeof *out);
    double *times = calloc(repeats, sizeof *times);
    eo_status st = args && out && times ? EO_OK : EO_NOMEM;
    if (st != EO_OK)
        eo_emit_error(ctx, eo_loc_unknown(ctx), "measure: out of memory");
    for (size_t i = 0; st == EO_OK && i < nargs; i++)
        st = make_arg(fn, i, eo_type_input(ft, i), &args[i]);
    eo_codegen_options co = { .opt_level = 2 };
    eo_jit *jit = st == EO_OK ? eo_jit_create(module, &co) : NULL;
    if (st == EO_OK && !jit)
        st = EO_ERROR;
    const char *name = eo_ident_str(id);
    for (unsigned r = 0; st == EO_OK && r <= repeats; r++) {
        size_t nout = nres;
        double t0 = now_s();
        st = eo_jit_call(jit, name, nargs, args, &nout, out);
        double dt = now_s() - t0;
        if (st != EO_OK)
            break;
        for (size_t k = 0; k < nout; k++)
            eo_tensor_free(&out[k]);
        if (r > 0)              /* call 0 warms up */
            times[r - 1] = dt;
    }
    eo_jit_destroy(jit);
    if (st == EO_OK) {
        qsort(times, repeats, sizeof *times, cmp_double);
        *median_s = repeats % 2 ? times[repeats / 2]
                                : (times[repeats / 2 - 1] +
                                   times[repeats / 2]) / 2;
        char *cpu = LLVMGetHostCPUName(), *feat = LLVMGetHostCPUFeatures();
        eo_codegen_options ho = co;
        ho.cpu = cpu;
        ho.features = feat;
        *code_bytes = code_size(module, &ho);
        LLVMDisposeMessage(cpu);
        LLVMDisposeMessage(feat);
    }
    for (size_t i = 0; args && i < nargs; i++)
        eo_tensor_free(&args[i]);
    free(args);
    free(out);
    free(times);
    return st;
}

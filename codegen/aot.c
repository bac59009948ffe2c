/* codegen/aot.c - eo_aot_emit_c_lib: a model lowered to loops as an
 * object file with a bare-pointer entry point, its buffers in a caller's
 * workspace, plus a C header (see codegen/aot.h and docs/deploy.md).
 *
 * How: on a clone of the module, every static memref.alloc of the model
 * function becomes a new trailing argument of the function (its deallocs
 * are erased) and the memory planner gives each one an offset in the
 * workspace. The clone is translated as usual (memref descriptors at the
 * boundary); then an LLVM function N_run(inputs, outputs, workspace)
 * builds the descriptors from the bare pointers (constant sizes and
 * strides) and calls the model function, made internal and always
 * inlined, so nothing of the descriptor convention is left in the
 * object. */
#include "codegen/aot.h"
#include "codegen/jit_internal.h"

#include "dialects/func/func.h"
#include "dialects/memref/memref.h"
#include "rewrite/memplan.h"

#include <llvm-c/Analysis.h>

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Workspace buffers start at multiples of this (also the alignment the
 * header asks of the workspace): enough for 128-bit vectors. */
#define AOT_ALIGN 16u

typedef struct aot_buf {
    eo_op *alloc;
    size_t first, last;         /* top-level steps, inclusive */
    uint64_t size, align, offset;
} aot_buf;

typedef struct aot {
    eo_ctx *ctx;
    eo_op *func;
    eo_block *body;
    aot_buf *bufs;
    size_t nbufs, capbufs;
    eo_op **deallocs;
    size_t ndeallocs, capdeallocs;
    eo_status st;
} aot;

static bool
named(const eo_op *op, const char *name)
{
    return strcmp(eo_op_name_str(op), name) == 0;
}

static bool
is_view(const eo_op *op)
{
    static const char *const views[] = {
        "memref.subview", "memref.collapse_shape", "memref.expand_shape",
        "memref.reinterpret_cast", "memref.cast", "memref.view",
        "memref.transpose"
    };
    for (size_t i = 0; i < sizeof views / sizeof *views; i++)
        if (named(op, views[i]))
            return true;
    return false;
}

/* Whether the use 'i' of an op only reads the memref. */
static bool
reads_only(const eo_op *op, size_t i)
{
    static const char *const readers[] = {
        "memref.load", "memref.dim", "vector.load", "vector.transfer_read",
        "vector.maskedload", "vector.gather", "affine.load"
    };
    for (size_t k = 0; k < sizeof readers / sizeof *readers; k++)
        if (named(op, readers[k]))
            return true;
    return named(op, "memref.copy") && i == 0;
}

/* A memref type the workspace or a bare pointer can stand for: static
 * shape, identity layout, no memory space. */
static bool
plain_memref(const eo_type *t)
{
    if (eo_type_get_kind(t) != EO_TYPE_MEMREF || !eo_type_has_rank(t) ||
        eo_type_memspace(t))
        return false;
    size_t r = eo_type_rank(t);
    if (r > 64)
        return false;
    int64_t strides[64], off = 0, s = 1;
    if (!memref_strides_and_offset(t, strides, &off) || off != 0)
        return false;
    for (size_t k = r; k-- > 0;) {
        if (eo_type_dim(t, k) == EO_DYNAMIC || strides[k] != s)
            return false;
        s *= eo_type_dim(t, k);
    }
    return true;
}

static uint64_t
memref_bytes(const eo_type *t)
{
    return (uint64_t)eo_type_num_elements(t) *
           eo_dense_elem_bytes(eo_type_elem(t));
}

/* Growable array of values (a worklist). */
typedef struct vlist {
    eo_value **v;
    size_t n, cap;
} vlist;

static bool
vpush(vlist *l, eo_value *v)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        eo_value **nv = realloc(l->v, cap * sizeof *nv);
        if (!nv)
            return false;
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n++] = v;
    return true;
}

/* Whether 'arg' is written through any view of it; EO_NOMEM in *st. */
static bool
written(eo_value *arg, eo_status *st)
{
    vlist wl = { 0 };
    bool w = false;
    if (!vpush(&wl, arg))
        *st = EO_NOMEM;
    while (wl.n && !w && *st == EO_OK) {
        eo_value *v = wl.v[--wl.n];
        for (eo_use *u = eo_value_first_use(v); u && !w; u = eo_use_next(u)) {
            eo_op *op = eo_use_owner(u);
            if (is_view(op)) {
                for (size_t r = 0; r < eo_op_num_results(op); r++)
                    if (!vpush(&wl, eo_op_result(op, r)))
                        *st = EO_NOMEM;
            } else if (!reads_only(op, eo_use_operand_index(u))) {
                w = true;
            }
        }
    }
    free(wl.v);
    return w;
}

/* The step of 'op' (the index of its ancestor in the function body), or
 * SIZE_MAX when it is not inside the body. */
static size_t
step_of(const aot *a, eo_op *op)
{
    while (op && eo_op_block(op) != a->body)
        op = eo_op_parent(op);
    if (!op)
        return SIZE_MAX;
    size_t i = 0;
    for (eo_op *p = eo_block_first(a->body); p && p != op; p = eo_op_next(p))
        i++;
    return i;
}

static eo_walk_result
collect_alloc(eo_op *op, void *ud)
{
    aot *a = ud;
    if (named(op, "memref.alloc")) {
        if (a->nbufs == a->capbufs) {
            size_t cap = a->capbufs ? 2 * a->capbufs : 16;
            aot_buf *nb = realloc(a->bufs, cap * sizeof *nb);
            if (!nb) {
                a->st = EO_NOMEM;
                return EO_WALK_INTERRUPT;
            }
            a->bufs = nb;
            a->capbufs = cap;
        }
        a->bufs[a->nbufs++] = (aot_buf){ .alloc = op };
    }
    return EO_WALK_ADVANCE;
}

static bool
push_dealloc(aot *a, eo_op *op)
{
    if (a->ndeallocs == a->capdeallocs) {
        size_t cap = a->capdeallocs ? 2 * a->capdeallocs : 16;
        eo_op **nd = realloc(a->deallocs, cap * sizeof *nd);
        if (!nd)
            return false;
        a->deallocs = nd;
        a->capdeallocs = cap;
    }
    a->deallocs[a->ndeallocs++] = op;
    return true;
}

/* The live steps of buffer 'b' (through views), its deallocs recorded. */
static eo_status
buffer_interval(aot *a, aot_buf *b)
{
    eo_op *al = b->alloc;
    const eo_type *t = eo_value_type(eo_op_result(al, 0));
    if (!plain_memref(t) || eo_op_num_operands(al) != 0)
        return eo_op_error(al, "cannot place in the workspace: only "
                           "static shapes with the identity layout are "
                           "supported");
    bool nested = eo_op_block(al) != a->body;
    b->first = b->last = step_of(a, al);
    if (b->first == SIZE_MAX)
        return eo_op_error(al, "cannot place in the workspace: not inside "
                           "the function's entry block");
    b->size = memref_bytes(t);
    const eo_attr *aa = eo_op_attr(al, "alignment");
    int64_t req = aa ? eo_attr_int_value(aa) : 0;
    b->align = req > (int64_t)AOT_ALIGN ? (uint64_t)req : AOT_ALIGN;
    vlist wl = { 0 };
    eo_status st = vpush(&wl, eo_op_result(al, 0)) ? EO_OK : EO_NOMEM;
    while (wl.n && st == EO_OK) {
        eo_value *v = wl.v[--wl.n];
        for (eo_use *u = eo_value_first_use(v); u && st == EO_OK;
             u = eo_use_next(u)) {
            eo_op *op = eo_use_owner(u);
            if (named(op, "memref.dealloc")) {
                if (!push_dealloc(a, op))
                    st = EO_NOMEM;
                continue;
            }
            if (nested && eo_op_is_terminator(op)) {
                st = eo_op_error(al, "cannot place in the workspace: the "
                                 "buffer escapes its block");
                break;
            }
            size_t s = step_of(a, op);
            if (s == SIZE_MAX) {
                st = eo_op_error(op, "cannot place in the workspace: a use "
                                 "outside the function body");
                break;
            }
            if (s > b->last)
                b->last = s;
            /* Results that may alias the buffer extend its life. */
            for (size_t r = 0; r < eo_op_num_results(op) && st == EO_OK; r++)
                if (eo_type_get_kind(eo_value_type(eo_op_result(op, r))) ==
                        EO_TYPE_MEMREF &&
                    !vpush(&wl, eo_op_result(op, r)))
                    st = EO_NOMEM;
        }
    }
    free(wl.v);
    return st;
}

/* Plans the buffers' offsets; the workspace size goes to *peak. */
static eo_status
plan(aot *a, uint64_t *peak, uint64_t *naive)
{
    *peak = *naive = 0;
    if (!a->nbufs)
        return EO_OK;
    eo_memplan *p = eo_memplan_create();
    if (!p)
        return EO_NOMEM;
    eo_status st = EO_OK;
    for (size_t i = 0; i < a->nbufs && st == EO_OK; i++) {
        size_t id;
        st = eo_memplan_add_buffer(p, a->bufs[i].size, a->bufs[i].align, &id);
        if (st == EO_OK)
            st = eo_memplan_set_interval(p, id, a->bufs[i].first,
                                         a->bufs[i].last);
    }
    if (st == EO_OK)
        st = eo_memplan_solve(p, NULL);
    if (st == EO_OK) {
        for (size_t i = 0; i < a->nbufs; i++)
            a->bufs[i].offset = eo_memplan_offset(p, i);
        *peak = eo_memplan_peak(p);
        *naive = eo_memplan_naive(p);
        /* Round up so that arrays of workspaces stay aligned. */
        *peak = (*peak + AOT_ALIGN - 1) / AOT_ALIGN * AOT_ALIGN;
    } else if (st == EO_ERROR) {
        st = eo_op_error(a->func, "internal error: the memory plan of the "
                         "workspace failed");
    }
    eo_memplan_destroy(p);
    return st;
}

/* Allocs become trailing arguments (in order), deallocs go away. */
static eo_status
rewrite_allocs(aot *a)
{
    for (size_t i = 0; i < a->ndeallocs; i++) {
        eo_status st = eo_op_erase(a->deallocs[i]);
        if (st != EO_OK)
            return st;
    }
    for (size_t i = 0; i < a->nbufs; i++) {
        eo_op *al = a->bufs[i].alloc;
        eo_value *r = eo_op_result(al, 0);
        eo_value *arg = eo_block_add_arg(a->body, eo_value_type(r),
                                         eo_op_loc(al));
        if (!arg)
            return EO_NOMEM;
        eo_value_replace_all_uses(r, arg);
        a->bufs[i].alloc = NULL;
        eo_status st = eo_op_erase(al);
        if (st != EO_OK)
            return st;
    }
    size_t n = eo_block_num_args(a->body);
    const eo_type **ins = calloc(n ? n : 1, sizeof *ins);
    if (!ins)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++)
        ins[i] = eo_value_type(eo_block_arg(a->body, i));
    const eo_type *ft = eo_type_get_function(a->ctx, n, ins, 0, NULL);
    free(ins);
    const eo_attr *fa = ft ? eo_attr_get_type(a->ctx, ft) : NULL;
    if (!fa)
        return EO_NOMEM;
    eo_status st = eo_op_set_attr(a->func, "function_type", fa);
    if (st == EO_OK && eo_op_attr(a->func, "arg_attrs"))
        st = eo_op_set_attr(a->func, "arg_attrs", NULL);
    return st;
}

/* The one public func.func with a body. */
static eo_op *
find_model(eo_op *module)
{
    eo_op *found = NULL;
    size_t n = 0;
    if (eo_op_num_regions(module) != 1 ||
        eo_region_empty(eo_op_region(module, 0)))
        return NULL;
    for (eo_op *op = eo_block_first(eo_region_first(eo_op_region(module, 0)));
         op; op = eo_op_next(op)) {
        if (!eo_op_is(op, func_op_def(FUNC_FUNC)) || func_is_declaration(op))
            continue;
        const eo_attr *vis = eo_op_attr(op, "sym_visibility");
        if (vis && eo_attr_get_kind(vis) == EO_ATTR_STRING &&
            strcmp(eo_attr_string(vis, NULL), "private") == 0)
            continue;
        found = op;
        n++;
    }
    return n == 1 ? found : NULL;
}

static uint64_t
weights_bytes(eo_op *module)
{
    uint64_t n = 0;
    for (eo_op *op = eo_block_first(eo_region_first(eo_op_region(module, 0)));
         op; op = eo_op_next(op)) {
        if (!named(op, "memref.global") || !eo_op_attr(op, "constant"))
            continue;
        const eo_attr *ta = eo_op_attr(op, "type");
        const eo_type *t = ta ? eo_attr_type_value(ta) : NULL;
        if (t && eo_type_get_kind(t) == EO_TYPE_MEMREF &&
            eo_type_num_elements(t) > 0)
            n += memref_bytes(t);
    }
    return n;
}

/* Analyses and rewrites the clone: inputs/outputs split, buffers
 * planned and turned into arguments. */
static eo_status
prepare(aot *a, eo_aot_summary *sum)
{
    if (eo_region_num_blocks(eo_op_region(a->func, 0)) != 1)
        return eo_op_error(a->func, "cannot emit a C library: the function "
                           "has more than one block");
    const eo_type *ft = func_get_type(a->func);
    if (!ft || eo_type_num_results(ft) != 0)
        return eo_op_error(a->func, "cannot emit a C library: the function "
                           "returns values (expected outputs as trailing "
                           "memref arguments, as tl-bufferize makes them)");
    size_t nargs = eo_block_num_args(a->body);
    size_t nin = nargs;
    eo_status st = EO_OK;
    for (size_t i = 0; i < nargs; i++) {
        eo_value *arg = eo_block_arg(a->body, i);
        if (!plain_memref(eo_value_type(arg)))
            return eo_op_error(a->func, "cannot emit a C library: argument "
                               "%zu is not a memref of static shape with "
                               "the identity layout", i);
        bool w = written(arg, &st);
        if (st != EO_OK)
            return st;
        if (w && nin == nargs)
            nin = i;
        else if (!w && nin != nargs)
            return eo_op_error(a->func, "cannot emit a C library: argument "
                               "%zu is read-only but follows the written "
                               "argument %zu (outputs must come last)", i,
                               nin);
    }
    if (nin == nargs)
        return eo_op_error(a->func, "cannot emit a C library: the function "
                           "writes none of its arguments (no outputs)");
    sum->num_inputs = nin;
    sum->num_outputs = nargs - nin;
    if (eo_op_walk(a->func, EO_WALK_PRE, collect_alloc, a))
        return a->st;
    for (size_t i = 0; i < a->nbufs && st == EO_OK; i++)
        st = buffer_interval(a, &a->bufs[i]);
    if (st == EO_OK)
        st = plan(a, &sum->workspace_size, &sum->workspace_naive);
    if (st == EO_OK)
        st = rewrite_allocs(a);
    sum->num_buffers = a->nbufs;
    return st;
}

/* Builds N_run around the (now internal, always inlined) model function
 * 'fn' whose memref arguments are 'types' (inputs, outputs, buffers). */
static eo_status
build_wrapper(LLVMModuleRef m, LLVMValueRef fn, const char *run_name,
              const eo_type *const *types, const aot *a,
              const eo_aot_summary *sum)
{
    LLVMContextRef c = LLVMGetModuleContext(m);
    LLVMTypeRef ptr = LLVMPointerTypeInContext(c, 0);
    LLVMTypeRef i8 = LLVMInt8TypeInContext(c);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(c);
    LLVMTypeRef i64 = LLVMInt64TypeInContext(c);
    LLVMTypeRef ps[3] = { ptr, ptr, ptr };
    LLVMTypeRef wty = LLVMFunctionType(i32, ps, 3, false);
    if (LLVMGetNamedFunction(m, run_name) || LLVMGetNamedGlobal(m, run_name))
        return eo_op_error(a->func, "cannot emit a C library: the symbol "
                           "'%s' is taken", run_name);
    LLVMValueRef w = LLVMAddFunction(m, run_name, wty);
    LLVMSetValueName2(LLVMGetParam(w, 0), "inputs", 6);
    LLVMSetValueName2(LLVMGetParam(w, 1), "outputs", 7);
    LLVMSetValueName2(LLVMGetParam(w, 2), "workspace", 9);
    unsigned nounwind = LLVMGetEnumAttributeKindForName("nounwind", 8);
    LLVMAddAttributeAtIndex(w, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(c, nounwind, 0));
    unsigned inl = LLVMGetEnumAttributeKindForName("alwaysinline", 12);
    LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                            LLVMCreateEnumAttribute(c, inl, 0));
    LLVMSetLinkage(fn, LLVMInternalLinkage);

    size_t nparams = LLVMCountParams(fn);
    LLVMValueRef *args = calloc(nparams ? nparams : 1, sizeof *args);
    if (!args)
        return EO_NOMEM;
    LLVMBuilderRef b = LLVMCreateBuilderInContext(c);
    LLVMBasicBlockRef entry = LLVMAppendBasicBlockInContext(c, w, "entry");
    LLVMPositionBuilderAtEnd(b, entry);
    size_t nio = sum->num_inputs + sum->num_outputs;
    size_t j = 0;
    for (size_t i = 0; i < nio + a->nbufs; i++) {
        const eo_type *t = types[i];
        size_t r = eo_type_rank(t);
        LLVMValueRef p;
        if (i < nio) {
            bool in = i < sum->num_inputs;
            size_t k = in ? i : i - sum->num_inputs;
            LLVMValueRef idx = LLVMConstInt(i64, k, false);
            LLVMValueRef slot = LLVMBuildInBoundsGEP2(
                b, ptr, LLVMGetParam(w, in ? 0 : 1), &idx, 1, "");
            p = LLVMBuildLoad2(b, ptr, slot, in ? "in" : "out");
        } else {
            LLVMValueRef off = LLVMConstInt(i64, a->bufs[i - nio].offset,
                                            false);
            p = LLVMBuildInBoundsGEP2(b, i8, LLVMGetParam(w, 2), &off, 1,
                                      "buf");
        }
        if (j + 3 + 2 * r > nparams)
            break;
        args[j++] = p;
        args[j++] = p;
        LLVMTypeRef it = LLVMTypeOf(LLVMGetParam(fn, (unsigned)j));
        args[j++] = LLVMConstInt(it, 0, false);
        int64_t stride = 1;
        for (size_t k = 0; k < r; k++)
            args[j + k] = LLVMConstInt(it, (uint64_t)eo_type_dim(t, k), false);
        for (size_t k = r; k-- > 0;) {
            args[j + r + k] = LLVMConstInt(it, (uint64_t)stride, false);
            stride *= eo_type_dim(t, k);
        }
        j += 2 * r;
    }
    eo_status st = EO_OK;
    if (j != nparams) {
        st = eo_op_error(a->func, "internal error: the translated function "
                         "has %zu parameters, expected %zu", nparams, j);
    } else {
        LLVMBuildCall2(b, LLVMGlobalGetValueType(fn), fn, args,
                       (unsigned)nparams, "");
        LLVMBuildRet(b, LLVMConstInt(i32, 0, false));
    }
    LLVMDisposeBuilder(b);
    free(args);
    return st;
}

/* C spelling of an element type, its short name and size. */
static const char *
c_type(const eo_type *e, const char **short_name)
{
    if (eo_type_is_float(e)) {
        switch (eo_type_float_width(e)) {
        case 64: *short_name = "f64"; return "double";
        case 32: *short_name = "f32"; return "float";
        case 16:
            *short_name = eo_type_float_kind(e) == EO_F16 ? "f16" : "bf16";
            return "uint16_t";
        default: break;
        }
    } else if (eo_type_is_index(e)) {
        *short_name = "index";
        return "int64_t";
    } else if (eo_type_is_int(e)) {
        bool u = eo_type_int_signedness(e) == EO_UNSIGNED;
        switch (eo_type_int_width(e)) {
        case 1: *short_name = "i1"; return "uint8_t";
        case 8: *short_name = u ? "ui8" : "i8"; return u ? "uint8_t"
                                                         : "int8_t";
        case 16: *short_name = u ? "ui16" : "i16"; return u ? "uint16_t"
                                                            : "int16_t";
        case 32: *short_name = u ? "ui32" : "i32"; return u ? "uint32_t"
                                                            : "int32_t";
        case 64: *short_name = u ? "ui64" : "i64"; return u ? "uint64_t"
                                                            : "int64_t";
        default: break;
        }
    }
    *short_name = NULL;
    return NULL;
}

static eo_status
write_header(eo_ctx *ctx, const char *path, const char *name,
             const eo_codegen_options *o, const eo_type *const *types,
             const eo_aot_summary *s)
{
    size_t len = strlen(name);
    char *up = malloc(len + 1);
    if (!up)
        return EO_NOMEM;
    for (size_t i = 0; i <= len; i++)
        up[i] = (char)toupper((unsigned char)name[i]);
    FILE *f = fopen(path, "w");
    if (!f) {
        free(up);
        return eo_emit_error(ctx, NULL, "cannot write '%s'", path);
    }
    fprintf(f, "/* %s.h - generated by edge-opt --emit=c-lib for %s%s%s.\n"
            " * Calls %s_run with dense row-major buffers; intermediate\n"
            " * buffers live in 'workspace' (%s_WORKSPACE_SIZE bytes aligned\n"
            " * to %s_WORKSPACE_ALIGN); the code uses no heap. Returns 0. */\n",
            name, o && o->triple ? o->triple : "the host",
            o && o->cpu ? ", cpu " : "", o && o->cpu ? o->cpu : "", name, up,
            up);
    fprintf(f, "#ifndef %s_H\n#define %s_H\n\n#include <stdint.h>\n\n", up,
            up);
    fprintf(f, "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
    fprintf(f, "#define %s_NUM_INPUTS %zu\n#define %s_NUM_OUTPUTS %zu\n", up,
            s->num_inputs, up, s->num_outputs);
    fprintf(f, "#define %s_WORKSPACE_SIZE %" PRIu64 "u\n", up,
            s->workspace_size);
    fprintf(f, "#define %s_WORKSPACE_ALIGN %uu\n", up, AOT_ALIGN);
    fprintf(f, "#define %s_WEIGHTS_SIZE %" PRIu64 "u\n", up,
            s->weights_bytes);
    eo_status st = EO_OK;
    for (size_t i = 0; i < s->num_inputs + s->num_outputs; i++) {
        bool in = i < s->num_inputs;
        size_t k = in ? i : i - s->num_inputs;
        const char *kind = in ? "INPUT" : "OUTPUT";
        const eo_type *t = types[i];
        const char *sn;
        const char *ct = c_type(eo_type_elem(t), &sn);
        if (!ct) {
            st = eo_emit_error(ctx, NULL, "cannot emit a C library: the "
                               "element type of %s %zu has no C type",
                               in ? "input" : "output", k);
            break;
        }
        fprintf(f, "\n#define %s_%s%zu_TYPE %s\n", up, kind, k, ct);
        fprintf(f, "#define %s_%s%zu_DTYPE \"%s\"\n", up, kind, k, sn);
        fprintf(f, "#define %s_%s%zu_RANK %zu\n", up, kind, k,
                eo_type_rank(t));
        fprintf(f, "#define %s_%s%zu_SHAPE {", up, kind, k);
        for (size_t d = 0; d < eo_type_rank(t); d++)
            fprintf(f, "%s%" PRId64, d ? ", " : "", eo_type_dim(t, d));
        fprintf(f, "}\n#define %s_%s%zu_ELEMS %" PRId64 "\n", up, kind, k,
                eo_type_num_elements(t));
        fprintf(f, "#define %s_%s%zu_BYTES %" PRIu64 "u\n", up, kind, k,
                memref_bytes(t));
    }
    fprintf(f, "\n/* inputs[i]: %s_INPUT<i>_BYTES bytes, outputs[i]: "
            "%s_OUTPUT<i>_BYTES. */\n", up, up);
    fprintf(f, "int %s_run(const void *const *inputs, void *const *outputs,\n"
            "    void *workspace);\n", name);
    fprintf(f, "\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* %s_H */\n", up);
    free(up);
    if ((ferror(f) | fclose(f)) != 0 && st == EO_OK)
        st = eo_emit_error(ctx, NULL, "cannot write '%s'", path);
    return st;
}

static bool
is_c_identifier(const char *s)
{
    if (!s || !(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* Translates the prepared clone, wraps, optimizes and writes the object
 * file 'obj'. */
static eo_status
emit_object(aot *a, eo_op *clone, const eo_codegen_options *o,
            const char *name, const char *obj, const eo_type *const *types,
            const eo_aot_summary *sum)
{
    LLVMContextRef llctx = LLVMContextCreate();
    if (!llctx)
        return EO_NOMEM;
    eo_status st = EO_ERROR;
    /* The workspace buffers' places: noalias pointers in the outlined
     * loop nests where they do not overlap (translate.c). */
    size_t nio = sum->num_inputs + sum->num_outputs;
    uint64_t *range = calloc(2 * (nio + a->nbufs) + 1, sizeof *range);
    LLVMModuleRef m = NULL;
    if (range) {
        for (size_t i = 0; i < a->nbufs; i++) {
            range[2 * (nio + i)] = a->bufs[i].offset;
            range[2 * (nio + i) + 1] = a->bufs[i].size;
        }
        eo_ws_layout ws = { a->body, range, nio + a->nbufs };
        m = eo_codegen_translate_ws(clone, llctx, o, false, &ws);
        free(range);
    } else {
        eo_op_error(a->func, "out of memory");
    }
    LLVMTargetMachineRef tm = NULL;
    size_t rl = strlen(name) + sizeof "_run";
    char *run = malloc(rl);
    if (m && run) {
        snprintf(run, rl, "%s_run", name);
        const char *fname = eo_ident_str(eo_symbol_name(a->ctx, a->func));
        LLVMValueRef fn = LLVMGetNamedFunction(m, fname);
        st = fn ? build_wrapper(m, fn, run, types, a, sum)
                : eo_op_error(a->func, "internal error: no translated "
                              "function '%s'", fname);
    } else if (!run) {
        st = EO_NOMEM;
    }
    if (st == EO_OK) {
        char *msg = NULL;
        if (LLVMVerifyModule(m, LLVMReturnStatusAction, &msg))
            st = eo_op_error(a->func, "internal error: the C library "
                             "wrapper is invalid: %s", msg ? msg : "");
        LLVMDisposeMessage(msg);
    }
    if (st == EO_OK && !(tm = eo_codegen_target_machine(a->ctx, o)))
        st = EO_ERROR;
    if (st == EO_OK)
        st = eo_codegen_optimize(a->ctx, m, tm, o);
    if (st == EO_OK)
        st = eo_codegen_emit(a->ctx, m, tm, EO_EMIT_OBJ, obj);
    if (tm)
        LLVMDisposeTargetMachine(tm);
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(llctx);
    free(run);
    return st;
}

eo_status
eo_aot_emit_c_lib(eo_op *module, const eo_codegen_options *opts,
                  const char *dir, const char *name, eo_aot_summary *summary)
{
    eo_ctx *ctx = eo_op_ctx(module);
    eo_codegen_options def = { .opt_level = 2 };
    const eo_codegen_options *o = opts ? opts : &def;
    if (!is_c_identifier(name))
        return eo_emit_error(ctx, NULL, "--emit=c-lib: the library name "
                             "'%s' is not a C identifier", name ? name : "");
    if (!dir || !*dir)
        return eo_emit_error(ctx, NULL, "--emit=c-lib: no output directory");
    if (!find_model(module))
        return eo_op_error(module, "cannot emit a C library: expected "
                           "exactly one public func.func with a body (the "
                           "model)");
    eo_aot_summary sum = { 0 };
    sum.weights_bytes = weights_bytes(module);
    eo_op *clone = eo_op_clone(module, NULL);
    if (!clone)
        return eo_emit_error(ctx, NULL, "out of memory");
    aot a = { .ctx = ctx, .func = find_model(clone), .st = EO_OK };
    a.body = func_entry_block(a.func);
    size_t dl = strlen(dir), nl = strlen(name);
    char *obj = malloc(dl + nl + 4), *hdr = malloc(dl + nl + 4);
    eo_status st = obj && hdr ? prepare(&a, &sum) : EO_NOMEM;
    const eo_type **types = NULL;
    if (st == EO_OK) {
        size_t n = eo_block_num_args(a.body);
        types = calloc(n ? n : 1, sizeof *types);
        if (!types)
            st = EO_NOMEM;
        for (size_t i = 0; types && i < n; i++)
            types[i] = eo_value_type(eo_block_arg(a.body, i));
    }
    if (st == EO_OK) {
        snprintf(obj, dl + nl + 4, "%s/%s.o", dir, name);
        snprintf(hdr, dl + nl + 4, "%s/%s.h", dir, name);
        st = emit_object(&a, clone, o, name, obj, types, &sum);
    }
    if (st == EO_OK)
        st = write_header(ctx, hdr, name, o, types, &sum);
    if (st == EO_NOMEM)
        eo_emit_error(ctx, NULL, "out of memory emitting a C library");
    if (st == EO_OK && summary)
        *summary = sum;
    free(types);
    free(obj);
    free(hdr);
    free(a.bufs);
    free(a.deallocs);
    eo_op_destroy(clone);
    return st;
}

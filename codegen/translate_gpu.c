/* codegen/translate_gpu.c - kernels for NVPTX (translate_gpu.h). The
 * outlining happens on the IR: each gpu.launch body becomes a func.func
 * in a fresh module, the gpu ops become calls to nvvm intrinsics
 * (declared as private func.funcs named like them, which LLVM then
 * recognizes as intrinsics), and eo_codegen_translate does the rest.
 * Afterwards the LLVM module gets what func.func cannot say: the
 * nvvm.annotations "kernel" entries and addrspace(3) for the workgroup
 * buffers. Constants and memref.get_global used by a body are cloned
 * into the kernel instead of passed (weights become device globals). */
#include "codegen/translate_gpu.h"

#include "dialects/func/func.h"
#include "dialects/gpu/gpu.h"
#include "dialects/memref/memref.h"

#include <llvm-c/DebugInfo.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHARED_PREFIX "__eo_shared_"

typedef struct outliner {
    eo_ctx *ctx;
    eo_op *src;               /* the input module */
    eo_op *dst;               /* the kernels' module */
    eo_block *dst_body;
    const eo_type *index, *i32;
    size_t nkernels;
} outliner;

typedef struct vals {
    eo_value **v;
    size_t n, cap;
    bool oom;
} vals;

static bool
vals_has(const vals *s, const eo_value *v)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == v)
            return true;
    return false;
}

static void
vals_add(vals *s, eo_value *v)
{
    if (s->oom || vals_has(s, v))
        return;
    if (s->n == s->cap) {
        size_t nc = s->cap ? 2 * s->cap : 16;
        eo_value **nv = realloc(s->v, nc * sizeof *nv);
        if (!nv) {
            s->oom = true;
            return;
        }
        s->v = nv;
        s->cap = nc;
    }
    s->v[s->n++] = v;
}

static bool
is_named(const eo_op *op, const char *name)
{
    return op && strcmp(eo_op_name_str(op), name) == 0;
}

/* The top-level symbol 'name' of module body 'b', or NULL. */
static eo_op *
find_symbol(eo_ctx *ctx, eo_block *b, const eo_ident *name)
{
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op))
        if (eo_symbol_name(ctx, op) == name)
            return op;
    return NULL;
}

/* Declares func.func private @name(ins) -> outs once in the kernels'
 * module. */
static eo_status
declare(outliner *o, const char *name, size_t nin, const eo_type *const *ins,
        size_t nout, const eo_type *const *outs)
{
    const eo_ident *id = eo_ident_get(o->ctx, name, strlen(name));
    if (!id)
        return EO_NOMEM;
    if (find_symbol(o->ctx, o->dst_body, id))
        return EO_OK;
    const eo_type *ft = eo_type_get_function(o->ctx, nin, ins, nout, outs);
    eo_op *f = ft ? func_create(o->ctx, eo_op_loc(o->src), name, ft, true)
                  : NULL;
    if (!f)
        return EO_NOMEM;
    eo_block_prepend(o->dst_body, f);
    return EO_OK;
}

/* func.call @name(args) -> (nres results of type 'res') at b, declaring
 * the callee; the op, or NULL on allocation failure. */
static eo_op *
call_n(outliner *o, eo_builder *b, const char *name, size_t nargs,
       eo_value *const *args, size_t nres, const eo_type *res)
{
    const eo_type *ins[2];
    for (size_t i = 0; i < nargs && i < 2; i++)
        ins[i] = eo_value_type(args[i]);
    if (nargs > 2 || declare(o, name, nargs, ins, nres, &res) != EO_OK)
        return NULL;
    const eo_ident *id = eo_ident_get(o->ctx, name, strlen(name));
    eo_named_attr callee = {eo_ident_get(o->ctx, "callee", 6),
                            id ? eo_attr_get_symbol_ref(o->ctx, id, 0, NULL)
                               : NULL};
    if (!callee.name || !callee.value)
        return NULL;
    return eo_builder_create(b, "func.call", nargs, args, nres, &res, 1,
                             &callee);
}

/* func.call @name() [-> i32] at b. */
static eo_op *
call(outliner *o, eo_builder *b, const char *name, bool returns_i32)
{
    return call_n(o, b, name, 0, NULL, returns_i32 ? 1 : 0, o->i32);
}

/* The index value of special register "<what>.<d>" at b. */
static eo_value *
sreg(outliner *o, eo_builder *b, const char *what, int d)
{
    char name[64];
    snprintf(name, sizeof name, "llvm.nvvm.read.ptx.sreg.%s.%c", what,
             "xyz"[d]);
    eo_op *c = call(o, b, name, true);
    if (!c)
        return NULL;
    eo_value *r = eo_op_result(c, 0);
    eo_op *cast = eo_builder_create(b, "arith.index_castui", 1, &r, 1,
                                    &o->index, 0, NULL);
    return cast ? eo_op_result(cast, 0) : NULL;
}

/* Copies memref.global 'sym' of the input into the kernels' module. */
static eo_status
copy_global(outliner *o, eo_op *user, const eo_attr *sym)
{
    const eo_ident *name = sym ? eo_attr_symbol_root(sym) : NULL;
    if (!name)
        return eo_op_error(user, "expected a symbol reference");
    if (find_symbol(o->ctx, o->dst_body, name))
        return EO_OK;
    eo_op *g = find_symbol(o->ctx, eo_region_first(eo_op_region(o->src, 0)),
                           name);
    if (!g || !eo_op_is(g, memref_op_def(MEMREF_GLOBAL)))
        return eo_op_error(user, "cannot find memref.global @%s for the "
                           "kernel", eo_ident_str(name));
    eo_op *c = eo_op_clone(g, NULL);
    if (!c)
        return EO_NOMEM;
    eo_block_prepend(o->dst_body, c);
    return EO_OK;
}

/* memref.global "private" @name : type = uninitialized. */
static eo_status
shared_global(outliner *o, const char *name, const eo_type *type,
              const eo_loc *loc)
{
    eo_op_state st;
    eo_op_state_init_def(&st, o->ctx, memref_op_def(MEMREF_GLOBAL), loc);
    const eo_attr *sn = eo_attr_get_string(o->ctx, name, strlen(name), NULL);
    const eo_attr *vis = eo_attr_get_string(o->ctx, "private", 7, NULL);
    const eo_attr *ty = eo_attr_get_type(o->ctx, type);
    const eo_attr *unit = eo_attr_get_unit(o->ctx);
    if (!sn || !vis || !ty || !unit
        || eo_op_state_set_attr(&st, "sym_name", sn) != EO_OK
        || eo_op_state_set_attr(&st, "sym_visibility", vis) != EO_OK
        || eo_op_state_set_attr(&st, "type", ty) != EO_OK
        || eo_op_state_set_attr(&st, "initial_value", unit) != EO_OK) {
        eo_op_state_release(&st);
        return EO_NOMEM;
    }
    eo_op *g = eo_op_create(&st);
    if (!g)
        return EO_NOMEM;
    eo_block_prepend(o->dst_body, g);
    return EO_OK;
}

static bool
defined_outside(const eo_value *v, const eo_op *launch)
{
    eo_op *d = eo_value_def_op(v);
    if (!d)
        d = eo_block_parent_op(eo_value_owner_block(v));
    return !d || !eo_op_is_inside(d, launch);
}

typedef struct capture_walk {
    eo_op *launch;
    vals *caps;
} capture_walk;

static eo_walk_result
capture_op(eo_op *op, void *ud)
{
    capture_walk *w = ud;
    if (op == w->launch)
        return EO_WALK_ADVANCE;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        if (defined_outside(v, w->launch))
            vals_add(w->caps, v);
    }
    return w->caps->oom ? EO_WALK_INTERRUPT : EO_WALK_ADVANCE;
}

/* Whether a captured value is rebuilt inside the kernel (constants,
 * globals) rather than passed. */
static bool
rematerialized(const eo_value *v)
{
    eo_op *d = eo_value_def_op(v);
    return d && eo_op_num_operands(d) == 0 && eo_op_num_regions(d) == 0
           && (is_named(d, "arith.constant")
               || is_named(d, "memref.get_global"));
}

/* The math ops kernels compute with nvvm intrinsics (LLVM 19's NVPTX
 * backend has no libm to call for them). */
static bool
is_nvvm_math(const eo_op *op)
{
    static const char *const names[] = {"math.exp", "math.exp2", "math.log",
                                        "math.log2", "math.tanh"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (is_named(op, names[i]))
            return true;
    return false;
}

static eo_value *
fconst(eo_builder *b, const eo_type *f32, double v)
{
    eo_ctx *ctx = b->ctx;
    eo_named_attr a = {eo_ident_get(ctx, "value", 5),
                       eo_attr_get_float(ctx, f32, v)};
    eo_op *c = a.name && a.value
        ? eo_builder_create(b, "arith.constant", 0, NULL, 1, &f32, 1, &a)
        : NULL;
    return c ? eo_op_result(c, 0) : NULL;
}

static eo_value *
fbin(eo_builder *b, const char *name, eo_value *x, eo_value *y)
{
    if (!x || !y)
        return NULL;
    eo_value *ops[2] = {x, y};
    const eo_type *t = eo_value_type(x);
    eo_op *op = eo_builder_create(b, name, 2, ops, 1, &t, 0, NULL);
    return op ? eo_op_result(op, 0) : NULL;
}

static eo_value *
nvvm1(outliner *o, eo_builder *b, const char *name, eo_value *x)
{
    if (!x)
        return NULL;
    eo_op *c = call_n(o, b, name, 1, &x, 1, eo_value_type(x));
    return c ? eo_op_result(c, 0) : NULL;
}

/* exp, exp2, log, log2 and tanh on f32 through ex2.approx/lg2.approx
 * (relative error about 2^-22): exp x = 2^(x log2 e), log x =
 * log2(x) ln 2, tanh x = 1 - 2 / (e^(2x) + 1). *r gets the result. */
static eo_status
lower_math(outliner *o, eo_builder *b, eo_op *op, eo_value **r)
{
    const double log2e = 1.4426950408889634, ln2 = 0.6931471805599453;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (!eo_type_is_float(t) || eo_type_float_kind(t) != EO_F32
        || eo_op_num_operands(op) != 1)
        return eo_op_error(op, "cannot translate to NVPTX: only scalar f32 "
                           "is supported for this op in a kernel");
    eo_value *x = eo_op_operand(op, 0);
    static const char ex2[] = "llvm.nvvm.ex2.approx.f";
    static const char lg2[] = "llvm.nvvm.lg2.approx.f";
    if (is_named(op, "math.exp2"))
        *r = nvvm1(o, b, ex2, x);
    else if (is_named(op, "math.exp"))
        *r = nvvm1(o, b, ex2, fbin(b, "arith.mulf", x, fconst(b, t, log2e)));
    else if (is_named(op, "math.log2"))
        *r = nvvm1(o, b, lg2, x);
    else if (is_named(op, "math.log"))
        *r = fbin(b, "arith.mulf", nvvm1(o, b, lg2, x), fconst(b, t, ln2));
    else {
        eo_value *e = nvvm1(o, b, ex2, fbin(b, "arith.mulf", x,
                                            fconst(b, t, 2 * log2e)));
        eo_value *q = fbin(b, "arith.divf", fconst(b, t, 2.0),
                           fbin(b, "arith.addf", e, fconst(b, t, 1.0)));
        *r = fbin(b, "arith.subf", fconst(b, t, 1.0), q);
    }
    return *r ? EO_OK : EO_NOMEM;
}

typedef struct gpu_ops {
    eo_op **v;
    size_t n, cap;
    bool oom;
} gpu_ops;

static eo_walk_result
collect_gpu(eo_op *op, void *ud)
{
    gpu_ops *g = ud;
    if (gpu_op_kind(op) == GPU_NUM_OPS && !is_named(op, "memref.alloc")
        && !is_named(op, "memref.dealloc") && !is_nvvm_math(op))
        return EO_WALK_ADVANCE;
    if (g->n == g->cap) {
        size_t nc = g->cap ? 2 * g->cap : 16;
        eo_op **nv = realloc(g->v, nc * sizeof *nv);
        if (!nv) {
            g->oom = true;
            return EO_WALK_INTERRUPT;
        }
        g->v = nv;
        g->cap = nc;
    }
    g->v[g->n++] = op;
    return EO_WALK_ADVANCE;
}

/* Rewrites the gpu ops cloned into kernel 'fn' to intrinsic calls. */
static eo_status
lower_gpu_ops(outliner *o, eo_op *fn)
{
    gpu_ops g = {0};
    eo_op_walk(fn, EO_WALK_PRE, collect_gpu, &g);
    if (g.oom) {
        free(g.v);
        return EO_NOMEM;
    }
    eo_status st = EO_OK;
    for (size_t i = 0; i < g.n && st == EO_OK; i++) {
        eo_op *op = g.v[i];
        enum gpu_op k = gpu_op_kind(op);
        eo_builder b;
        eo_builder_init(&b, o->ctx);
        eo_builder_set_before(&b, op);
        b.loc = eo_op_loc(op);
        int d = gpu_op_dimension(op);
        eo_value *r = NULL;
        switch (k) {
        case GPU_THREAD_ID: r = sreg(o, &b, "tid", d); break;
        case GPU_BLOCK_ID: r = sreg(o, &b, "ctaid", d); break;
        case GPU_BLOCK_DIM: r = sreg(o, &b, "ntid", d); break;
        case GPU_GRID_DIM: r = sreg(o, &b, "nctaid", d); break;
        case GPU_GLOBAL_ID: {
            eo_value *ops[2] = {sreg(o, &b, "ctaid", d),
                                sreg(o, &b, "ntid", d)};
            eo_op *mul = ops[0] && ops[1]
                ? eo_builder_create(&b, "arith.muli", 2, ops, 1, &o->index,
                                    0, NULL) : NULL;
            ops[0] = mul ? eo_op_result(mul, 0) : NULL;
            ops[1] = sreg(o, &b, "tid", d);
            eo_op *add = ops[0] && ops[1]
                ? eo_builder_create(&b, "arith.addi", 2, ops, 1, &o->index,
                                    0, NULL) : NULL;
            r = add ? eo_op_result(add, 0) : NULL;
            break;
        }
        case GPU_BARRIER:
            if (!call(o, &b, "llvm.nvvm.barrier0", false))
                st = EO_NOMEM;
            else
                st = eo_op_erase(op);
            continue;
        case GPU_LAUNCH:
            st = eo_op_error(op, "cannot translate to NVPTX: a gpu.launch "
                             "inside a kernel");
            continue;
        default:
            if (is_nvvm_math(op)) {
                if ((st = lower_math(o, &b, op, &r)) != EO_OK)
                    continue;
                break;
            }
            st = eo_op_error(op, "cannot translate to NVPTX: '%s' in a "
                             "kernel (allocate outside the launch or use a "
                             "workgroup/private attribution)",
                             eo_op_name_str(op));
            continue;
        }
        if (!r) {
            st = EO_NOMEM;
            break;
        }
        eo_value_replace_all_uses(eo_op_result(op, 0), r);
        st = eo_op_erase(op);
    }
    free(g.v);
    return st;
}

/* The value of launch body argument i (an id or a size) at b. */
static eo_value *
config_arg(outliner *o, eo_builder *b, size_t i)
{
    static const char *const what[4] = {"ctaid", "tid", "nctaid", "ntid"};
    return sreg(o, b, what[i / 3], (int)(i % 3));
}

/* Outlines 'launch' (in func 'owner') as kernel number o->nkernels. */
static eo_status
outline(outliner *o, eo_op *launch, const char *owner)
{
    eo_region *r = eo_op_region(launch, 0);
    eo_block *body = gpu_launch_body(launch);
    if (!body || eo_region_num_blocks(r) != 1)
        return eo_op_error(launch, "cannot translate to NVPTX: only "
                           "single-block gpu.launch bodies are supported");
    vals caps = {0};
    capture_walk cw = {launch, &caps};
    eo_op_walk(launch, EO_WALK_PRE, capture_op, &cw);
    if (caps.oom) {
        free(caps.v);
        return EO_NOMEM;
    }
    size_t nargs = 0;
    const eo_type **types = calloc(caps.n ? caps.n : 1, sizeof *types);
    eo_irmap *map = eo_irmap_create(o->ctx);
    eo_status st = types && map ? EO_OK : EO_NOMEM;
    for (size_t i = 0; i < caps.n && st == EO_OK; i++)
        if (!rematerialized(caps.v[i]))
            types[nargs++] = eo_value_type(caps.v[i]);
    char name[256];
    snprintf(name, sizeof name, "%s_kernel%zu", owner, o->nkernels);
    const eo_type *ft = st == EO_OK
        ? eo_type_get_function(o->ctx, nargs, types, 0, NULL) : NULL;
    eo_op *fn = ft ? func_create(o->ctx, eo_op_loc(launch), name, ft, false)
                   : NULL;
    if (st == EO_OK && !fn)
        st = EO_NOMEM;
    if (fn)
        eo_block_append(o->dst_body, fn);
    eo_block *entry = fn ? func_entry_block(fn) : NULL;
    eo_builder b;
    eo_builder_init(&b, o->ctx);
    if (entry)
        eo_builder_set_end(&b, entry);
    b.loc = eo_op_loc(launch);
    size_t a = 0;
    for (size_t i = 0; i < caps.n && st == EO_OK; i++) {
        eo_value *v = caps.v[i];
        if (!rematerialized(v)) {
            st = eo_irmap_map_value(map, v, eo_block_arg(entry, a++));
            continue;
        }
        eo_op *d = eo_value_def_op(v);
        if (is_named(d, "memref.get_global")
            && (st = copy_global(o, d, eo_op_attr(d, "name"))) != EO_OK)
            break;
        eo_op *c = eo_op_clone(d, NULL);
        if (!c) {
            st = EO_NOMEM;
            break;
        }
        eo_block_append(entry, c);
        st = eo_irmap_map_value(map, v, eo_op_result(c, 0));
    }
    /* Ids and sizes the body uses. */
    for (size_t i = 0; i < GPU_LAUNCH_NUM_CONFIG_ARGS && st == EO_OK; i++) {
        eo_value *arg = eo_block_arg(body, i);
        if (!eo_value_has_uses(arg))
            continue;
        eo_value *v = config_arg(o, &b, i);
        st = v ? eo_irmap_map_value(map, arg, v) : EO_NOMEM;
    }
    /* Attributions: workgroup buffers as shared globals, private ones as
     * allocas. */
    size_t nwg = gpu_launch_num_workgroup(launch);
    for (size_t i = GPU_LAUNCH_NUM_CONFIG_ARGS;
         i < eo_block_num_args(body) && st == EO_OK; i++) {
        eo_value *arg = eo_block_arg(body, i);
        const eo_type *t = eo_value_type(arg);
        eo_op *m;
        if (i < GPU_LAUNCH_NUM_CONFIG_ARGS + nwg) {
            char gname[96];
            snprintf(gname, sizeof gname, SHARED_PREFIX "%zu_%zu",
                     o->nkernels, i - GPU_LAUNCH_NUM_CONFIG_ARGS);
            if ((st = shared_global(o, gname, t, b.loc)) != EO_OK)
                break;
            const eo_ident *gid = eo_ident_get(o->ctx, gname, strlen(gname));
            eo_named_attr na = {eo_ident_get(o->ctx, "name", 4),
                                gid ? eo_attr_get_symbol_ref(o->ctx, gid, 0,
                                                             NULL) : NULL};
            m = na.name && na.value
                ? eo_builder_create(&b, "memref.get_global", 0, NULL, 1, &t,
                                    1, &na) : NULL;
        } else {
            static const int32_t seg[2] = {0, 0};
            const eo_type *i32 = o->i32;
            eo_named_attr na = {
                eo_ident_get(o->ctx, "operandSegmentSizes", 19),
                eo_attr_get_dense_array(o->ctx, i32, 2, seg)};
            m = na.name && na.value
                ? eo_builder_create(&b, "memref.alloca", 0, NULL, 1, &t, 1,
                                    &na) : NULL;
        }
        st = m ? eo_irmap_map_value(map, arg, eo_op_result(m, 0)) : EO_NOMEM;
    }
    for (eo_op *op = eo_block_first(body); op && st == EO_OK;
         op = eo_op_next(op)) {
        if (gpu_op_kind(op) == GPU_TERMINATOR)
            continue;
        eo_op *c = eo_op_clone(op, map);
        if (!c)
            st = EO_NOMEM;
        else
            eo_block_append(entry, c);
    }
    if (st == EO_OK && !eo_builder_create(&b, "func.return", 0, NULL, 0,
                                          NULL, 0, NULL))
        st = EO_NOMEM;
    if (st == EO_OK)
        st = lower_gpu_ops(o, fn);
    if (map)
        eo_irmap_destroy(map);
    free(types);
    free(caps.v);
    o->nkernels++;
    return st;
}

typedef struct launch_list {
    eo_op **v;
    size_t n, cap;
    bool oom;
} launch_list;

static eo_walk_result
collect_launch(eo_op *op, void *ud)
{
    launch_list *l = ud;
    if (gpu_op_kind(op) != GPU_LAUNCH)
        return EO_WALK_ADVANCE;
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 16;
        eo_op **nv = realloc(l->v, nc * sizeof *nv);
        if (!nv) {
            l->oom = true;
            return EO_WALK_INTERRUPT;
        }
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = op;
    return EO_WALK_SKIP;      /* nested launches: reported when lowered */
}

/* The name of the func.func enclosing 'op' ("kernel" if none). */
static const char *
owner_name(eo_ctx *ctx, eo_op *op)
{
    for (eo_op *p = eo_op_parent(op); p; p = eo_op_parent(p))
        if (eo_op_is(p, func_op_def(FUNC_FUNC))) {
            const eo_ident *n = eo_symbol_name(ctx, p);
            return n ? eo_ident_str(n) : "kernel";
        }
    return "kernel";
}

eo_op *
eo_gpu_outline_kernels(eo_op *module, size_t *nkernels)
{
    eo_ctx *ctx = eo_op_ctx(module);
    if (nkernels)
        *nkernels = 0;
    if (eo_op_num_regions(module) != 1
        || eo_region_empty(eo_op_region(module, 0))) {
        eo_op_error(module, "cannot translate to NVPTX: expected a module "
                    "with one region");
        return NULL;
    }
    if (!eo_op_def_lookup(ctx, "func.func", 9)
        || !eo_op_def_lookup(ctx, "memref.global", 13)
        || !eo_op_def_lookup(ctx, "arith.index_castui", 18)) {
        eo_op_error(module, "cannot translate to NVPTX: the func, memref "
                    "and arith dialects must be registered");
        return NULL;
    }
    launch_list l = {0};
    eo_op_walk(module, EO_WALK_PRE, collect_launch, &l);
    if (l.oom) {
        free(l.v);
        eo_op_error(module, "out of memory");
        return NULL;
    }
    if (l.n == 0) {
        free(l.v);
        eo_op_error(module, "cannot translate to NVPTX: the module has no "
                    "gpu.launch (run -gpu-map-loops first)");
        return NULL;
    }
    outliner o = {.ctx = ctx, .src = module,
                  .index = eo_type_get_index(ctx),
                  .i32 = eo_type_get_int(ctx, 32)};
    o.dst = eo_module_create(ctx, eo_op_loc(module));
    eo_status st = o.dst && o.index && o.i32 ? EO_OK : EO_NOMEM;
    if (st == EO_OK)
        o.dst_body = eo_region_first(eo_op_region(o.dst, 0));
    for (size_t i = 0; i < l.n && st == EO_OK; i++)
        st = outline(&o, l.v[i], owner_name(ctx, l.v[i]));
    free(l.v);
    if (st != EO_OK) {
        if (st == EO_NOMEM)
            eo_op_error(module, "out of memory outlining kernels");
        if (o.dst)
            eo_op_destroy(o.dst);
        return NULL;
    }
    if (nkernels)
        *nkernels = o.nkernels;
    return o.dst;
}

/* ------------------------------------------------------------------ */
/* LLVM                                                                */
/* ------------------------------------------------------------------ */

static void
gpu_options(const eo_codegen_options *in, eo_codegen_options *out)
{
    if (in)
        *out = *in;
    else
        *out = (eo_codegen_options){.opt_level = 2};
    if (!out->triple)
        out->triple = EO_GPU_TRIPLE;
    if (!out->cpu)
        out->cpu = EO_GPU_CPU;
}

/* Moves the workgroup buffers to addrspace(3), uses through a cast to
 * generic pointers (the backend infers the shared accesses). */
static void
shared_to_addrspace3(LLVMModuleRef m)
{
    LLVMValueRef g = LLVMGetFirstGlobal(m);
    while (g) {
        LLVMValueRef next = LLVMGetNextGlobal(g);
        size_t len = 0;
        const char *name = LLVMGetValueName2(g, &len);
        size_t pl = strlen(SHARED_PREFIX);
        if (len > pl && strncmp(name, SHARED_PREFIX, pl) == 0) {
            char buf[128];
            snprintf(buf, sizeof buf, "%.*s", (int)len, name);
            LLVMTypeRef vt = LLVMGlobalGetValueType(g);
            LLVMValueRef ng = LLVMAddGlobalInAddressSpace(m, vt, "", 3);
            LLVMSetInitializer(ng, LLVMGetUndef(vt));
            LLVMSetLinkage(ng, LLVMInternalLinkage);
            LLVMSetAlignment(ng, LLVMGetAlignment(g));
            LLVMReplaceAllUsesWith(g, LLVMConstAddrSpaceCast(ng,
                                                             LLVMTypeOf(g)));
            LLVMDeleteGlobal(g);
            LLVMSetValueName2(ng, buf, strlen(buf));
        }
        g = next;
    }
}

/* nvvm.annotations: !{ptr @k, !"kernel", i32 1} for each defined
 * function of the kernels' module. */
static void
annotate_kernels(LLVMModuleRef m, LLVMContextRef c)
{
    LLVMTypeRef i32 = LLVMInt32TypeInContext(c);
    for (LLVMValueRef f = LLVMGetFirstFunction(m); f;
         f = LLVMGetNextFunction(f)) {
        if (LLVMIsDeclaration(f))
            continue;
        LLVMMetadataRef md[3] = {
            LLVMValueAsMetadata(f),
            LLVMMDStringInContext2(c, "kernel", 6),
            LLVMValueAsMetadata(LLVMConstInt(i32, 1, false))};
        LLVMValueRef node = LLVMMetadataAsValue(c,
                                                LLVMMDNodeInContext2(c, md,
                                                                     3));
        LLVMAddNamedMetadataOperand(m, "nvvm.annotations", node);
    }
}

LLVMModuleRef
eo_codegen_translate_gpu(eo_op *module, LLVMContextRef llctx,
                         const eo_codegen_options *opts)
{
    eo_codegen_options o;
    gpu_options(opts, &o);
    if (strncmp(o.triple, "nvptx", 5) != 0) {
        eo_op_error(module, "cannot translate gpu kernels for '%s': "
                    "expected an nvptx or nvptx64 triple", o.triple);
        return NULL;
    }
    eo_op *kernels = eo_gpu_outline_kernels(module, NULL);
    if (!kernels)
        return NULL;
    LLVMModuleRef m = eo_codegen_translate(kernels, llctx, &o);
    eo_op_destroy(kernels);
    if (!m)
        return NULL;
    /* PTX with DWARF makes ptxas build for debugging: leave it out. */
    LLVMStripModuleDebugInfo(m);
    shared_to_addrspace3(m);
    annotate_kernels(m, llctx);
    return m;
}

eo_status
eo_codegen_emit_gpu(eo_op *module, const eo_codegen_options *opts,
                    eo_emit_kind kind, FILE *out)
{
    eo_ctx *ctx = eo_op_ctx(module);
    eo_codegen_options o;
    gpu_options(opts, &o);
    LLVMContextRef llctx = LLVMContextCreate();
    if (!llctx)
        return eo_emit_error(ctx, NULL, "out of memory");
    LLVMModuleRef m = eo_codegen_translate_gpu(module, llctx, &o);
    LLVMTargetMachineRef tm = m ? eo_codegen_target_machine(ctx, &o) : NULL;
    eo_status st = EO_ERROR;
    if (tm && eo_codegen_optimize(ctx, m, tm, &o) == EO_OK)
        st = eo_codegen_emit_stream(ctx, m, tm, kind, out);
    if (tm)
        LLVMDisposeTargetMachine(tm);
    if (m)
        LLVMDisposeModule(m);
    LLVMContextDispose(llctx);
    return st;
}

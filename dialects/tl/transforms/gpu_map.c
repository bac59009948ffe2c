/* dialects/tl/transforms/gpu_map.c - the gpu-map-loops pass (gpu_map.h):
 * runs after tl-to-loops. For each loop nest it finds the outermost band
 * of perfectly nested parallel scf.for loops (pure index arithmetic
 * between two loops of the band is allowed and sunk into the kernel),
 * collapses the band into one linear iteration space of T iterations and
 * replaces it with
 *
 *   gpu.launch blocks(...) in (ceil(T / B), 1, 1) threads(...) in (B, 1, 1)
 *     %g = block_id.x * block_dim.x + thread_id.x
 *     scf.if %g < T { ivs from %g (remui/divui by the trip counts); body }
 *
 * where B is the knob "gpu.block.<site>" (32, 64, 128, 256; default
 * 128). A loop is parallel when, for every memref it writes (traced
 * through views to its root allocation, argument or global), all its
 * accesses to that root go through one memref value at indices whose
 * position p is the loop's induction variable itself: distinct
 * iterations then touch disjoint elements. Different roots are assumed
 * not to alias (distinct allocations; function arguments as bufferized
 * code passes them). Anything else inside (calls, allocations, copies,
 * vector transfers, unknown effects) makes the loop sequential. */
#include "dialects/tl/transforms/gpu_map.h"

#include "dialects/gpu/gpu.h"
#include "dialects/scf/scf.h"
#include "dialects/tl/transforms/transforms.h"
#include "rewrite/rewrite.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* arith.cmpi ult, as arith stores it. */
enum { CMPI_ULT = 6 };
/* Loops in one band at most. */
enum { MAX_BAND = 8 };

static const int64_t block_sizes[] = {32, 64, 128, 256};

const eo_knob_domain *
eo_gpu_block_domain(void)
{
    static const eo_knob_domain dom = {
        .kind = EO_KNOB_SET, .values = block_sizes,
        .count = sizeof block_sizes / sizeof block_sizes[0]};
    return &dom;
}

static bool
is_named(const eo_op *op, const char *name)
{
    return op && strcmp(eo_op_name_str(op), name) == 0;
}

/* ------------------------------------------------------------------ */
/* The parallelism analysis                                            */
/* ------------------------------------------------------------------ */

typedef struct access {
    eo_value *mem;            /* the memref operand */
    eo_value *root;           /* through views */
    size_t first, n;          /* index operands */
    bool vec, write;
    eo_op *op;
} access;

typedef struct scan {
    eo_op *loop;
    access *v;
    size_t n, cap;
    bool bad;                 /* an op the analysis does not accept */
    bool oom;
} scan;

/* The allocation, argument or global 'v' is a view of. */
static eo_value *
root_of(eo_value *v)
{
    static const char *const views[] = {
        "memref.subview", "memref.expand_shape", "memref.collapse_shape",
        "memref.cast", "memref.reinterpret_cast", "memref.transpose",
        "memref.view"};
    for (;;) {
        eo_op *d = eo_value_def_op(v);
        bool view = false;
        for (size_t i = 0; d && i < sizeof views / sizeof views[0]; i++)
            view = view || is_named(d, views[i]);
        if (!view || eo_op_num_operands(d) == 0)
            return v;
        v = eo_op_operand(d, 0);
    }
}

/* Whether roots a and b are the same memory (a global reached twice is
 * the same one). */
static bool
same_root(eo_value *a, eo_value *b)
{
    if (a == b)
        return true;
    eo_op *da = eo_value_def_op(a), *db = eo_value_def_op(b);
    if (!is_named(da, "memref.get_global") || !is_named(db,
                                                        "memref.get_global"))
        return false;
    return eo_op_attr(da, "name") == eo_op_attr(db, "name");
}

/* Classifies a memory access; false if 'op' is none. */
static bool
access_of(eo_op *op, access *a)
{
    size_t n = eo_op_num_operands(op);
    memset(a, 0, sizeof *a);
    a->op = op;
    if (is_named(op, "memref.load") || is_named(op, "vector.load")) {
        if (n < 1)
            return false;
        a->mem = eo_op_operand(op, 0);
        a->first = 1;
        a->vec = is_named(op, "vector.load");
    } else if (is_named(op, "memref.store") || is_named(op, "vector.store")) {
        if (n < 2)
            return false;
        a->mem = eo_op_operand(op, 1);
        a->first = 2;
        a->write = true;
        a->vec = is_named(op, "vector.store");
    } else {
        return false;
    }
    a->n = n - a->first;
    a->root = root_of(a->mem);
    return true;
}

static eo_walk_result
scan_op(eo_op *op, void *ud)
{
    scan *s = ud;
    if (op == s->loop)
        return EO_WALK_ADVANCE;
    access a;
    if (access_of(op, &a)) {
        if (s->n == s->cap) {
            size_t nc = s->cap ? 2 * s->cap : 16;
            access *nv = realloc(s->v, nc * sizeof *nv);
            if (!nv) {
                s->oom = true;
                return EO_WALK_INTERRUPT;
            }
            s->v = nv;
            s->cap = nc;
        }
        s->v[s->n++] = a;
        return EO_WALK_ADVANCE;
    }
    enum scf_op k = scf_op_kind(op);
    if (k == SCF_FOR || k == SCF_IF || k == SCF_YIELD)
        return EO_WALK_ADVANCE;
    if (eo_op_has_trait(op, EO_PURE))
        return EO_WALK_ADVANCE;
    s->bad = true;
    return EO_WALK_INTERRUPT;
}

bool
eo_gpu_loop_is_parallel(eo_op *loop)
{
    if (scf_op_kind(loop) != SCF_FOR || eo_op_num_results(loop) != 0)
        return false;
    eo_value *iv = scf_for_induction_var(loop);
    if (!iv)
        return false;
    scan s = {.loop = loop};
    eo_op_walk(loop, EO_WALK_PRE, scan_op, &s);
    bool ok = !s.bad && !s.oom;
    for (size_t w = 0; ok && w < s.n; w++) {
        if (!s.v[w].write)
            continue;
        /* Positions where every access to this root indexes by iv. */
        uint64_t pos = s.v[w].n >= 64 ? UINT64_MAX
                                      : ((uint64_t)1 << s.v[w].n) - 1;
        for (size_t i = 0; ok && i < s.n; i++) {
            const access *a = &s.v[i];
            if (!same_root(a->root, s.v[w].root))
                continue;
            if (a->mem != s.v[w].mem || a->n != s.v[w].n) {
                ok = false;
                break;
            }
            uint64_t here = 0;
            for (size_t p = 0; p < a->n && p < 64; p++)
                if (eo_op_operand(a->op, a->first + p) == iv
                    && !(a->vec && p + 1 == a->n))
                    here |= (uint64_t)1 << p;
            pos &= here;
        }
        ok = ok && pos != 0;
    }
    free(s.v);
    return ok;
}

/* Whether 'v' is defined outside 'root' (usable before it). */
static bool
defined_outside(eo_value *v, eo_op *root)
{
    eo_op *d = eo_value_def_op(v);
    if (!d)
        d = eo_block_parent_op(eo_value_owner_block(v));
    return !d || !eo_op_is_inside(d, root);
}

/* The inner loop of 'loop' if its body is pure regionless ops, then one
 * scf.for, then the yield; else NULL. */
static eo_op *
perfect_inner(eo_op *loop)
{
    eo_block *body = scf_for_body(loop);
    eo_op *inner = NULL;
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op)) {
        if (scf_op_kind(op) == SCF_YIELD && !eo_op_next(op))
            break;
        if (inner)
            return NULL;      /* something after the inner loop */
        if (scf_op_kind(op) == SCF_FOR)
            inner = op;
        else if (!eo_op_has_trait(op, EO_PURE) || eo_op_num_regions(op))
            return NULL;
    }
    return inner;
}

/* The band of parallel loops rooted at 'root' into loops[]; its length
 * (0: root is not parallel). */
static size_t
band_of(eo_op *root, eo_op **loops)
{
    if (!eo_gpu_loop_is_parallel(root))
        return 0;
    size_t n = 0;
    loops[n++] = root;
    while (n < MAX_BAND) {
        eo_op *in = perfect_inner(loops[n - 1]);
        if (!in || eo_op_num_operands(in) != 3)
            break;
        bool inv = true;
        for (size_t i = 0; i < 3; i++)
            inv = inv && defined_outside(eo_op_operand(in, i), root);
        if (!inv || !eo_gpu_loop_is_parallel(in))
            break;
        loops[n++] = in;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Collecting band roots                                               */
/* ------------------------------------------------------------------ */

typedef struct roots {
    eo_op **v;
    size_t n, cap;
    bool oom;
} roots;

static void
collect_block(eo_block *b, roots *r);

static void
collect_op(eo_op *op, roots *r)
{
    if (gpu_op_kind(op) == GPU_LAUNCH)
        return;
    eo_op *band[MAX_BAND];
    if (scf_op_kind(op) == SCF_FOR && band_of(op, band) > 0) {
        if (r->n == r->cap) {
            size_t nc = r->cap ? 2 * r->cap : 16;
            eo_op **nv = realloc(r->v, nc * sizeof *nv);
            if (!nv) {
                r->oom = true;
                return;
            }
            r->v = nv;
            r->cap = nc;
        }
        r->v[r->n++] = op;
        return;
    }
    for (size_t i = 0; i < eo_op_num_regions(op); i++)
        for (eo_block *b = eo_region_first(eo_op_region(op, i)); b;
             b = eo_block_next(b))
            collect_block(b, r);
}

static void
collect_block(eo_block *b, roots *r)
{
    for (eo_op *op = eo_block_first(b); op && !r->oom; op = eo_op_next(op))
        collect_op(op, r);
}

/* ------------------------------------------------------------------ */
/* Mapping one band                                                    */
/* ------------------------------------------------------------------ */

typedef struct mapper {
    eo_ctx *ctx;
    const eo_type *index;
    bool oom;
} mapper;

static eo_value *
build1(mapper *m, eo_builder *b, const char *name, size_t nops,
       eo_value *const *ops, const eo_type *res, size_t nattrs,
       const eo_named_attr *attrs)
{
    if (m->oom)
        return NULL;
    for (size_t i = 0; i < nops; i++)
        if (!ops[i]) {
            m->oom = true;
            return NULL;
        }
    eo_op *op = eo_builder_create(b, name, nops, ops, 1, &res, nattrs, attrs);
    if (!op)
        m->oom = true;
    return op ? eo_op_result(op, 0) : NULL;
}

static eo_value *
cst(mapper *m, eo_builder *b, int64_t v)
{
    eo_named_attr a = {eo_ident_get(m->ctx, "value", 5),
                       eo_attr_get_int(m->ctx, m->index, v)};
    if (!a.name || !a.value) {
        m->oom = true;
        return NULL;
    }
    return build1(m, b, "arith.constant", 0, NULL, m->index, 1, &a);
}

static eo_value *
bin(mapper *m, eo_builder *b, const char *name, eo_value *x, eo_value *y)
{
    eo_value *ops[2] = {x, y};
    return build1(m, b, name, 2, ops, m->index, 0, NULL);
}

/* The index constant behind 'v', if any. */
static bool
const_of(eo_value *v, int64_t *out)
{
    eo_op *d = eo_value_def_op(v);
    if (!is_named(d, "arith.constant"))
        return false;
    const eo_attr *a = eo_op_attr(d, "value");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER)
        return false;
    *out = eo_attr_int_value(a);
    return true;
}

/* A value with its constant, when known. */
typedef struct ival {
    eo_value *v;
    bool known;
    int64_t c;
} ival;

static ival
iconst(mapper *m, eo_builder *b, int64_t c)
{
    return (ival){cst(m, b, c), true, c};
}

static ival
ival_of(eo_value *v)
{
    ival r = {v, false, 0};
    r.known = const_of(v, &r.c);
    return r;
}

/* The trip count of scf.for 'loop': max(ceildiv(ub - lb, step), 0). */
static ival
trip_count(mapper *m, eo_builder *b, eo_op *loop)
{
    ival lb = ival_of(eo_op_operand(loop, 0));
    ival ub = ival_of(eo_op_operand(loop, 1));
    ival st = ival_of(eo_op_operand(loop, 2));
    if (lb.known && lb.c == 0 && st.known && st.c == 1 && ub.known
        && ub.c >= 0)
        return ub;
    if (lb.known && ub.known && st.known && st.c > 0)
        return iconst(m, b, ub.c > lb.c ? (ub.c - lb.c + st.c - 1) / st.c
                                        : 0);
    eo_value *d = bin(m, b, "arith.subi", ub.v, lb.v);
    eo_value *t = bin(m, b, "arith.ceildivsi", d, st.v);
    return (ival){bin(m, b, "arith.maxsi", t, cst(m, b, 0)), false, 0};
}

static ival
imul(mapper *m, eo_builder *b, ival x, ival y)
{
    if (x.known && y.known && (x.c == 0 || y.c <= INT64_MAX / x.c))
        return iconst(m, b, x.c * y.c);
    return (ival){bin(m, b, "arith.muli", x.v, y.v), false, 0};
}

/* Replaces the band loops[0..n) by a gpu.launch with block size 'bs'.
 * Sets *done when mapped (a band of no iterations is left alone). */
static eo_status
map_band(mapper *m, eo_op **loops, size_t n, int64_t bs, bool *done)
{
    eo_op *root = loops[0];
    eo_builder b;
    eo_builder_init(&b, m->ctx);
    eo_builder_set_before(&b, root);
    b.loc = eo_op_loc(root);
    ival trip[MAX_BAND];
    ival total = {NULL, true, 1};
    for (size_t j = 0; j < n; j++) {
        trip[j] = trip_count(m, &b, loops[j]);
        total = j ? imul(m, &b, total, trip[j]) : trip[j];
    }
    *done = false;
    if (m->oom)
        return EO_NOMEM;
    if (total.known && (total.c <= 0 || (total.c + bs - 1) / bs > INT32_MAX))
        return EO_OK;          /* nothing to run, or too big a grid */
    eo_value *grid;
    if (total.known) {
        grid = cst(m, &b, (total.c + bs - 1) / bs);
    } else {
        eo_value *g = bin(m, &b, "arith.ceildivui", total.v, cst(m, &b, bs));
        grid = bin(m, &b, "arith.maxui", g, cst(m, &b, 1));
    }
    eo_value *one = cst(m, &b, 1);
    eo_value *block = cst(m, &b, bs);
    if (m->oom)
        return EO_NOMEM;
    eo_value *g3[3] = {grid, one, one}, *b3[3] = {block, one, one};
    eo_op *launch = gpu_launch_build(&b, g3, b3);
    if (!launch)
        return EO_NOMEM;
    eo_block *kb = gpu_launch_body(launch);
    eo_builder in = b;
    eo_builder_set_before(&in, eo_block_last(kb));
    eo_value *gid = bin(m, &in, "arith.addi",
                        bin(m, &in, "arith.muli",
                            eo_block_arg(kb, GPU_ARG_BLOCK_ID),
                            eo_block_arg(kb, GPU_ARG_BLOCK_SIZE)),
                        eo_block_arg(kb, GPU_ARG_THREAD_ID));
    eo_named_attr pred = {
        eo_ident_get(m->ctx, "predicate", 9),
        eo_attr_get_int(m->ctx, eo_type_get_int(m->ctx, 64), CMPI_ULT)};
    const eo_type *i1 = eo_type_get_int(m->ctx, 1);
    if (!pred.name || !pred.value || !i1)
        return EO_NOMEM;
    eo_value *cmp_ops[2] = {gid, total.v};
    eo_value *cond = build1(m, &in, "arith.cmpi", 2, cmp_ops, i1, 1, &pred);
    eo_op *iff = cond ? scf_if_build(&in, cond, 0, NULL, false) : NULL;
    if (!iff)
        return EO_NOMEM;
    eo_block *then = eo_region_first(eo_op_region(iff, 0));
    eo_op *yield = eo_block_last(then);
    eo_builder tb = in;
    eo_builder_set_before(&tb, yield);
    /* Delinearize: the last band loop varies fastest. */
    eo_value *ivs[MAX_BAND];
    eo_value *rest = gid;
    for (size_t j = n; j-- > 0;) {
        if (trip[j].known && trip[j].c == 1) {
            ivs[j] = eo_op_operand(loops[j], 0);    /* its only value */
            continue;
        }
        eo_value *idx = rest;
        if (j > 0) {
            idx = bin(m, &tb, "arith.remui", rest, trip[j].v);
            rest = bin(m, &tb, "arith.divui", rest, trip[j].v);
        }
        ival lb = ival_of(eo_op_operand(loops[j], 0));
        ival st = ival_of(eo_op_operand(loops[j], 2));
        eo_value *off = st.known && st.c == 1
                            ? idx : bin(m, &tb, "arith.muli", idx, st.v);
        ivs[j] = lb.known && lb.c == 0
                     ? off : bin(m, &tb, "arith.addi", lb.v, off);
    }
    if (m->oom)
        return EO_NOMEM;
    /* Move the pure ops between band loops, then the innermost body. */
    for (size_t j = 0; j < n; j++) {
        eo_block *body = scf_for_body(loops[j]);
        eo_op *op = eo_block_first(body);
        while (op) {
            eo_op *next = eo_op_next(op);
            bool skip = (j + 1 < n && op == loops[j + 1])
                        || (!next && scf_op_kind(op) == SCF_YIELD);
            if (!skip)
                eo_op_move_before(op, yield);
            op = next;
        }
    }
    for (size_t j = 0; j < n; j++)
        eo_value_replace_all_uses(scf_for_induction_var(loops[j]), ivs[j]);
    *done = true;
    return eo_op_erase(root);
}

/* "gpu.block.<site>" for 'root' (default when no provider). */
static int64_t
ask_block(const eo_knob_provider *knobs, const char *key, const eo_op *root)
{
    if (!knobs || !knobs->ask || !key)
        return EO_GPU_BLOCK_DEFAULT;
    eo_strbuf name = {0};
    eo_strbuf_printf(&name, "gpu.block.%s", key);
    int64_t v = EO_GPU_BLOCK_DEFAULT;
    if (!name.oom && name.data)
        v = knobs->ask(knobs->ud, name.data, eo_gpu_block_domain(),
                       EO_GPU_BLOCK_DEFAULT, root, "gpu-map-loops");
    eo_strbuf_free(&name);
    for (size_t i = 0; i < sizeof block_sizes / sizeof block_sizes[0]; i++)
        if (v == block_sizes[i])
            return v;
    return EO_GPU_BLOCK_DEFAULT;
}

/* Site keys of the roots, taken before any is mapped and made unique
 * ("<key>.<k>" for the k-th repeat); NULL on allocation failure. */
static eo_strbuf *
site_keys(const roots *r)
{
    eo_strbuf *keys = calloc(r->n, sizeof *keys);
    size_t *dup = calloc(r->n, sizeof *dup);
    bool oom = !keys || !dup;
    for (size_t i = 0; !oom && i < r->n; i++) {
        eo_op_site_key(r->v[i], &keys[i]);
        oom = keys[i].oom || !keys[i].data;
        for (size_t j = 0; !oom && j < i; j++)
            dup[i] += strcmp(keys[j].data, keys[i].data) == 0;
    }
    for (size_t i = 0; !oom && i < r->n; i++) {
        if (dup[i])
            eo_strbuf_printf(&keys[i], ".%zu", dup[i]);
        oom = keys[i].oom;
    }
    free(dup);
    if (oom && keys) {
        for (size_t i = 0; i < r->n; i++)
            eo_strbuf_free(&keys[i]);
        free(keys);
        keys = NULL;
    }
    return keys;
}

eo_status
eo_gpu_map_loops(eo_op *op, const eo_knob_provider *knobs, size_t *mapped)
{
    eo_ctx *ctx = eo_op_ctx(op);
    if (mapped)
        *mapped = 0;
    roots r = {0};
    for (size_t i = 0; i < eo_op_num_regions(op); i++)
        for (eo_block *b = eo_region_first(eo_op_region(op, i));
             b && !r.oom; b = eo_block_next(b))
            collect_block(b, &r);
    if (r.oom) {
        free(r.v);
        return EO_NOMEM;
    }
    if (r.n && (!eo_op_def_lookup(ctx, "gpu.launch", 10)
                || !eo_op_def_lookup(ctx, "scf.if", 6)
                || !eo_op_def_lookup(ctx, "arith.addi", 10))) {
        free(r.v);
        return eo_op_error(op, "gpu-map-loops needs the gpu, scf and arith "
                           "dialects registered");
    }
    eo_strbuf *keys = r.n ? site_keys(&r) : NULL;
    if (r.n && !keys) {
        free(r.v);
        return EO_NOMEM;
    }
    mapper m = {.ctx = ctx, .index = eo_type_get_index(ctx)};
    eo_status st = m.index ? EO_OK : EO_NOMEM;
    for (size_t i = 0; i < r.n && st == EO_OK; i++) {
        eo_op *band[MAX_BAND];
        size_t n = band_of(r.v[i], band);
        int64_t bs = ask_block(knobs, keys[i].data, r.v[i]);
        bool done = false;
        st = map_band(&m, band, n, bs, &done);
        if (done && mapped)
            (*mapped)++;
    }
    for (size_t i = 0; keys && i < r.n; i++)
        eo_strbuf_free(&keys[i]);
    free(keys);
    free(r.v);
    if (st == EO_NOMEM)
        eo_op_error(op, "out of memory in gpu-map-loops");
    return st;
}

static eo_status
run_gpu_map(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    size_t n = 0;
    eo_status st = eo_gpu_map_loops(op, eo_pass_ctx_knobs(pc), &n);
    if (st == EO_OK && n == 0)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_def gpu_map_pass = {
    .name = "gpu-map-loops",
    .description = "Map the outermost parallel scf.for band of each loop "
                   "nest onto a gpu.launch (knob gpu.block.<site>)",
    .anchor = NULL,
    .run = run_gpu_map,
};

const struct eo_pass_def *
eo_tl_gpu_map_pass_def(void)
{
    return &gpu_map_pass;
}

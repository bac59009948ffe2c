/* dialects/tl/transforms/bufferize.c - the tl-bufferize pass: one-shot
 * bufferization of functions whose bodies are tl ops on tensors,
 * graph.constant weights, graph.pad, graph.reshape, graph.transpose,
 * graph.concat, graph.slice and func.return (arith.constant scalars may
 * appear too). docs/tl-dialect.md,
 * "Bufferization", is the user-level description.
 *
 * - Signature: tensor arguments become memrefs of the same shape with the
 *   identity layout; tensor results become out-params appended to the
 *   arguments, in order (MLIR's buffer-results-to-out-params convention),
 *   and the function returns only its non-tensor results.
 * - graph.constant of dense / dense_resource: a module-level
 *   `memref.global "private" constant` holding the same attribute (a
 *   dense_resource stays one: the blob is shared, not copied) and a
 *   memref.get_global where the constant was. A splat constant used only
 *   as out inits gets no global: each use allocates and fills the buffer
 *   (tl.fill), or only allocates when the op does not read its out.
 * - Each tl op on tensors becomes the same op on memrefs. A result takes
 *   (1) the out-param when it is returned (first return slot of it; the
 *   slot is pushed up chains of accumulations into single-use inits),
 *   else (2) its init's buffer, in place, when the init dies at this op
 *   and is a buffer of this function (not an argument, a constant, an
 *   out-param or a view of a live buffer) and no in of the op reads that
 *   buffer through another map, else (3) for an op that does not read
 *   its out, the buffer of a dying in read through the out's own map,
 *   else (4) a new memref.alloc. In (1) and (4) the init is copied in
 *   (memref.copy, or tl.fill for a splat) only if the op reads its out:
 *   it has reduction iterators, or (tl.generic) its body uses the out's
 *   block argument. Every out map of a verified tl op is a projected
 *   permutation, so an all-parallel op overwrites its whole out.
 * - graph.pad: alloc + tl.fill + tl.copy into a memref.subview, or no
 *   copy when the source (used only by the pad, produced by a tl op, a
 *   graph.slice or a graph.concat) is computed straight into that
 *   subview (plan_pads; the buffer is made and filled before its first
 *   writer, and single-use tl results up the chain, inits and ins
 *   overwritten in place, move along, each op with a view of its own);
 *   graph.reshape: a collapse_shape / expand_shape view; graph.transpose:
 *   alloc + a tl.generic with a permuted in map; graph.slice (positive
 *   steps; graph-to-tl lowers the slices it can to tl.generic): a
 *   tl.copy from a strided memref.subview of the source.
 * - graph.concat (any axis, any number of operands): one buffer (the
 *   out-param when returned, else a memref.alloc placed before the first
 *   op writing into it) and one memref.subview per operand. An operand
 *   used only by the concat and produced (through storage casts) by a tl
 *   op, a graph.slice or another concat is computed straight into its
 *   subview (as for return slots, up chains of single-use inits);
 *   any other operand is copied there (tl.copy). A concat inside a
 *   concat gets a subview of the outer one's buffer.
 * - func.return copies what did not land in its out-param already.
 * - int8: a !quant.uniform tensor becomes a memref of its storage type
 *   (i8); a builtin.unrealized_conversion_cast between a quantized tensor
 *   and its storage tensor (as graph-to-tl makes them) is the same buffer
 *   (taken over like a reshape's view), and return slots are pushed
 *   through such casts. A per-channel tl.requantize is generalized first
 *   (its multiplier / shift arith.constant tensors become globals like
 *   graph.constant).
 * - Every memref.alloc is freed by a memref.dealloc right after its last
 *   user (through views).
 *
 * Options: report=true prints one line per function to stderr (allocs,
 * results computed in place, copies made, fills). */
#include "dialects/tl/transforms/transforms.h"

#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/quant/quant.h"
#include "dialects/tl/tl.h"
#include "rewrite/rewrite.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct bufferize_options {
    bool report;
} bufferize_options;

/* What a tensor value's buffer is. */
enum vkind {
    V_NONE,         /* not a tensor, or not bufferized yet */
    V_ARG,          /* a function argument: read-only here */
    V_CONST,        /* a memref.get_global: read-only */
    V_SPLAT_INIT,   /* a splat constant only used as out inits: no buffer */
    V_OWNED,        /* a memref.alloc of this function: reusable */
    V_OUTPARAM,     /* an out-param: must keep its value */
    V_SLOT          /* a view of a graph.concat's buffer: must keep it */
};

typedef struct vinfo {
    eo_value *buf;          /* the memref holding the value */
    const eo_attr *splat;   /* V_SPLAT_INIT: the constant */
    size_t last;            /* position of the last top-level user */
    int ret_slot;           /* return slot written directly, or -1 */
    enum vkind kind;
    bool taken;             /* buffer reused by a later value */
    /* Concat slots: 'place' is the graph.concat operand whose part of
     * the concat's buffer this value is computed in (NULL: none). For
     * such an operand, 'concat' is its concat, 'operand' its operand
     * index there and 'view' that part (made when first needed). */
    eo_value *place;
    eo_op *concat;
    size_t operand;
    eo_value *view;
    /* For the source of a graph.pad computed straight into the interior
     * of the pad's buffer: that pad ('place' of its producers is then
     * this value; each use of the interior takes a view of its own). */
    eo_op *pad;
} vinfo;

/* Open-addressing map from pointers to indices. */
typedef struct ptrmap {
    const void **keys;
    size_t *vals;
    size_t cap;
} ptrmap;

typedef struct bufferizer {
    eo_ctx *ctx;
    eo_op *module;
    eo_op *func;
    eo_block *body;
    eo_op **ops;            /* the original top-level ops, in order */
    const eo_attr **maps;   /* per tl op: its generic form's maps */
    const eo_attr **iters;  /* and iterator types (before any change) */
    size_t nops;
    ptrmap pos;             /* op -> position in ops */
    ptrmap vidx;            /* tensor value -> index in info */
    vinfo *info;
    size_t ninfo, capinfo;
    eo_value **outparams;   /* one per function result (NULL: scalar) */
    size_t nresults;
    eo_op **allocs;
    size_t nallocs, capallocs;
    size_t in_place, copies, fills;
} bufferizer;

static size_t
ptr_hash(const void *p, size_t cap)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    x ^= x >> 29;
    return (size_t)x & (cap - 1);
}

static eo_status
ptrmap_init(ptrmap *m, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n + 2)
        cap *= 2;
    m->keys = calloc(cap, sizeof *m->keys);
    m->vals = calloc(cap, sizeof *m->vals);
    m->cap = cap;
    return m->keys && m->vals ? EO_OK : EO_NOMEM;
}

static void
ptrmap_fini(ptrmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* Inserts; the map is sized for every key up front by ptrmap_init. */
static void
ptrmap_put(ptrmap *m, const void *k, size_t v)
{
    size_t i = ptr_hash(k, m->cap);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    m->keys[i] = k;
    m->vals[i] = v;
}

static bool
ptrmap_get(const ptrmap *m, const void *k, size_t *v)
{
    if (!m->cap)
        return false;
    size_t i = ptr_hash(k, m->cap);
    while (m->keys[i]) {
        if (m->keys[i] == k) {
            *v = m->vals[i];
            return true;
        }
        i = (i + 1) & (m->cap - 1);
    }
    return false;
}

static bool
is_tensor(const eo_type *t)
{
    return eo_type_get_kind(t) == EO_TYPE_TENSOR ||
           eo_type_get_kind(t) == EO_TYPE_UNRANKED_TENSOR;
}

static bool
is_op_named(const eo_op *op, const char *name)
{
    return strcmp(eo_op_name_str(op), name) == 0;
}

/* The memref type of a static tensor type, or NULL after a diagnostic at
 * 'where' (dynamic or unranked shapes, encodings). */
static const eo_type *
memref_of(eo_op *where, const eo_type *t)
{
    if (eo_type_get_kind(t) != EO_TYPE_TENSOR || eo_type_encoding(t) ||
        eo_type_num_elements(t) < 0) {
        eo_strbuf b = {0};
        eo_type_print(t, &b);
        eo_strbuf_append(&b, "", 1);
        eo_op_error(where, "cannot bufferize '%s': only static shapes "
                           "without encoding are supported",
                    b.data ? b.data : "?");
        eo_strbuf_free(&b);
        return NULL;
    }
    const eo_type *e = eo_type_elem(t);
    if (eo_type_is_quant(e))
        e = eo_quant_storage_type(e);
    const eo_type *m = e ? eo_type_get_memref(eo_type_ctx(t),
                                              eo_type_rank(t),
                                              eo_type_shape(t), e, NULL,
                                              NULL)
                         : NULL;
    if (!m)
        eo_op_error(where, "out of memory");
    return m;
}

static vinfo *
info_of(bufferizer *bz, const eo_value *v)
{
    size_t i;
    return ptrmap_get(&bz->vidx, v, &i) ? &bz->info[i] : NULL;
}

static eo_status
info_add(bufferizer *bz, eo_value *v)
{
    if (bz->ninfo == bz->capinfo) {
        size_t cap = bz->capinfo ? 2 * bz->capinfo : 32;
        vinfo *n = realloc(bz->info, cap * sizeof *n);
        if (!n)
            return EO_NOMEM;
        bz->info = n;
        bz->capinfo = cap;
    }
    vinfo *vi = &bz->info[bz->ninfo];
    memset(vi, 0, sizeof *vi);
    vi->ret_slot = -1;
    ptrmap_put(&bz->vidx, v, bz->ninfo++);
    return EO_OK;
}

/* The position of the top-level op of the body holding 'user'. */
static bool
top_pos(bufferizer *bz, eo_op *user, size_t *pos)
{
    while (user && eo_op_block(user) != bz->body)
        user = eo_op_parent(user);
    return user && ptrmap_get(&bz->pos, user, pos);
}

/* The element type of tensor type 't' in memory: the storage type of a
 * quantized element type, else the element type itself. */
static const eo_type *
stored_elem(const eo_type *t)
{
    const eo_type *e = eo_type_elem(t);
    return e && eo_type_is_quant(e) ? eo_quant_storage_type(e) : e;
}

/* Whether 'op' is a builtin.unrealized_conversion_cast between two
 * tensors of the same shape and the same stored element type (a
 * quantized tensor and its storage, as graph-to-tl makes them). */
static bool
is_storage_cast(eo_op *op)
{
    if (!is_op_named(op, "builtin.unrealized_conversion_cast") ||
        eo_op_num_operands(op) != 1 || eo_op_num_results(op) != 1)
        return false;
    const eo_type *a = eo_value_type(eo_op_operand(op, 0));
    const eo_type *b = eo_value_type(eo_op_result(op, 0));
    if (eo_type_get_kind(a) != EO_TYPE_TENSOR ||
        eo_type_get_kind(b) != EO_TYPE_TENSOR ||
        eo_type_rank(a) != eo_type_rank(b) || !stored_elem(a) ||
        stored_elem(a) != stored_elem(b))
        return false;
    for (size_t d = 0; d < eo_type_rank(a); d++)
        if (eo_type_dim(a, d) != eo_type_dim(b, d))
            return false;
    return true;
}

/* The kind of a top-level op we accept. */
static eo_status
check_op(eo_op *op)
{
    enum tl_op k = tl_op_kind(op);
    if (k != TL_NUM_OPS && k != TL_YIELD)
        return EO_OK;
    if (is_op_named(op, "graph.constant") || is_op_named(op, "func.return") ||
        is_op_named(op, "graph.pad") || is_op_named(op, "graph.reshape") ||
        is_op_named(op, "graph.transpose") || is_op_named(op, "graph.concat") ||
        is_op_named(op, "graph.slice"))
        return EO_OK;
    if (is_op_named(op, "arith.constant") && eo_op_num_results(op) == 1)
        return EO_OK;
    if (is_storage_cast(op))
        return EO_OK;
    /* What graph-to-tl leaves of the data movement ops. */
    if (is_op_named(op, "graph.gather"))
        return eo_op_error(op, "cannot bufferize: graph-to-tl lowers "
                               "graph.gather only with constant indices (a "
                               "scalar or a 1-D arithmetic sequence)");
    if (is_op_named(op, "graph.resize"))
        return eo_op_error(op, "cannot bufferize: graph-to-tl lowers "
                               "graph.resize only in mode nearest with an "
                               "affine index map (integer scale factors)");
    return eo_op_error(op, "cannot bufferize: only tl ops, graph.constant, "
                           "graph.pad, graph.reshape, graph.transpose and "
                           "func.return are supported (graph.concat as "
                           "well)");
}

/* Whether 'f' has anything to bufferize: tensor arguments, results or
 * top-level op results. */
static bool
has_tensors(eo_op *f, eo_block *body)
{
    const eo_type *ft = func_get_type(f);
    for (size_t i = 0; ft && i < eo_type_num_results(ft); i++)
        if (is_tensor(eo_type_result(ft, i)))
            return true;
    for (size_t i = 0; i < eo_block_num_args(body); i++)
        if (is_tensor(eo_value_type(eo_block_arg(body, i))))
            return true;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        for (size_t i = 0; i < eo_op_num_results(op); i++)
            if (is_tensor(eo_value_type(eo_op_result(op, i))))
                return true;
    return false;
}

/* Whether 'v' is used only as an out of top-level tl ops. */
static bool
only_out_inits(const eo_value *v)
{
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *o = eo_use_owner(u);
        enum tl_op k = tl_op_kind(o);
        if (k == TL_NUM_OPS || k == TL_YIELD)
            return false;
        size_t start, len;
        if (!eo_op_operand_segment(o, 1, &start, &len) ||
            eo_use_operand_index(u) < start)
            return false;
    }
    return true;
}

/* The maps and iterator types of a tl structured op (its generic form). */
static eo_status
op_maps(eo_op *op, const eo_attr **maps, const eo_attr **iters)
{
    if (tl_op_kind(op) == TL_GENERIC) {
        *maps = eo_op_attr(op, "indexing_maps");
        *iters = eo_op_attr(op, "iterator_types");
        return EO_OK;
    }
    const eo_attr *lb;
    return eo_tl_named_maps(op, maps, iters, &lb);
}

static bool
all_parallel(const eo_attr *iters)
{
    for (size_t i = 0; i < eo_attr_array_size(iters); i++) {
        size_t len;
        const char *s = eo_attr_string(eo_attr_array_at(iters, i), &len);
        if (!s || len != 8 || memcmp(s, "parallel", 8) != 0)
            return false;
    }
    return true;
}

/* Whether out 'i' of 'op' is read: reduction iterators, or a tl.generic
 * body that uses the out's block argument. */
static bool
reads_out(eo_op *op, const eo_attr *iters, size_t i)
{
    if (!all_parallel(iters))
        return true;
    if (tl_op_kind(op) != TL_GENERIC)
        return false;
    eo_block *b = eo_region_first(eo_op_region(op, 0));
    eo_value *arg = b ? eo_block_arg(b, eo_tl_num_ins(op) + i) : NULL;
    return !arg || eo_value_has_uses(arg);
}

static eo_op *
add_alloc(bufferizer *bz, eo_builder *b, const eo_type *mt)
{
    eo_op *a = eo_builder_create(b, "memref.alloc", 0, NULL, 1, &mt, 0,
                                 NULL);
    if (!a)
        return NULL;
    if (bz->nallocs == bz->capallocs) {
        size_t cap = bz->capallocs ? 2 * bz->capallocs : 16;
        eo_op **n = realloc(bz->allocs, cap * sizeof *n);
        if (!n)
            return NULL;
        bz->allocs = n;
        bz->capallocs = cap;
    }
    bz->allocs[bz->nallocs++] = a;
    return a;
}

/* Fills 'dst' with the splat value of 'splat' (tl.fill of an
 * arith.constant). */
static eo_status
emit_fill(bufferizer *bz, eo_builder *b, const eo_attr *splat, eo_value *dst)
{
    const eo_type *elem = eo_type_elem(eo_attr_type(splat));
    const eo_attr *v = eo_type_is_float(elem)
        ? eo_attr_get_float(bz->ctx, elem, eo_attr_dense_float(splat, 0))
        : eo_attr_get_int(bz->ctx, elem, eo_attr_dense_int(splat, 0));
    if (!v)
        return EO_NOMEM;
    eo_named_attr va = { eo_ident_cstr(bz->ctx, "value"), v };
    if (!va.name)
        return EO_NOMEM;
    eo_op *c = eo_builder_create(b, "arith.constant", 0, NULL, 1, &elem, 1,
                                 &va);
    if (!c)
        return EO_NOMEM;
    int32_t seg[2] = {1, 1};
    const eo_type *i32 = eo_type_get_int(bz->ctx, 32);
    eo_named_attr sa = { eo_ident_cstr(bz->ctx, "operandSegmentSizes"),
                         i32 ? eo_attr_get_dense_array(bz->ctx, i32, 2, seg)
                             : NULL };
    if (!sa.name || !sa.value)
        return EO_NOMEM;
    eo_value *ops[2] = { eo_op_result(c, 0), dst };
    if (!eo_builder_create(b, "tl.fill", 2, ops, 0, NULL, 1, &sa))
        return EO_NOMEM;
    bz->fills++;
    return EO_OK;
}

static eo_status
emit_copy(bufferizer *bz, eo_builder *b, eo_value *src, eo_value *dst)
{
    eo_value *ops[2] = { src, dst };
    if (!eo_builder_create(b, "memref.copy", 2, ops, 0, NULL, 0, NULL))
        return EO_NOMEM;
    bz->copies++;
    return EO_OK;
}

/* Writes the value of init 'v' into buffer 'dst'. */
static eo_status
emit_init(bufferizer *bz, eo_builder *b, const vinfo *v, eo_value *dst)
{
    if (v->kind == V_SPLAT_INIT)
        return emit_fill(bz, b, v->splat, dst);
    return emit_copy(bz, b, v->buf, dst);
}

/* A fresh global symbol name from 'base': "__constant_<base>", else with
 * "_0", "_1", ... appended. */
static const eo_attr *
global_name(bufferizer *bz, const char *base)
{
    char name[160];
    snprintf(name, sizeof name, "__constant_%s", base);
    for (unsigned k = 0; eo_symbol_lookup_in(bz->module, name); k++)
        snprintf(name, sizeof name, "__constant_%s_%u", base, k);
    return eo_attr_get_string(bz->ctx, name, strlen(name), NULL);
}

/* graph.constant -> memref.global + memref.get_global, or nothing for a
 * splat used only as out inits. */
static eo_status
bufferize_constant(bufferizer *bz, eo_builder *b, eo_op *op)
{
    eo_value *r = eo_op_result(op, 0);
    vinfo *vi = info_of(bz, r);
    const eo_attr *val = eo_op_attr(op, "value");
    eo_attr_kind k = val ? eo_attr_get_kind(val) : EO_ATTR_UNIT;
    if (k != EO_ATTR_DENSE && k != EO_ATTR_DENSE_RESOURCE)
        return eo_op_error(op, "cannot bufferize: the value is not dense or "
                               "dense_resource");
    if (eo_attr_type(val) != eo_value_type(r))
        return eo_op_error(op, "cannot bufferize: the result type differs "
                               "from the value's type");
    if (k == EO_ATTR_DENSE && eo_attr_dense_is_splat(val) &&
        only_out_inits(r)) {
        vi->kind = V_SPLAT_INIT;
        vi->splat = val;
        return EO_OK;
    }
    const eo_type *mt = memref_of(op, eo_value_type(r));
    if (!mt)
        return EO_ERROR;
    /* Name: "__constant_<name>" (the constant's name attribute, else
     * its shape and element type as MLIR does), made unique. */
    char base[128] = "cst";
    const eo_attr *na = eo_op_attr(op, "name");
    size_t len = 0;
    const char *s = na && eo_attr_get_kind(na) == EO_ATTR_STRING
                        ? eo_attr_string(na, &len) : NULL;
    if (s && len) {
        if (len >= sizeof base)
            len = sizeof base - 1;
        memcpy(base, s, len);
        base[len] = 0;
    } else {
        eo_strbuf tb = {0};
        eo_type_print(mt, &tb);
        eo_strbuf_append(&tb, "", 1);
        /* "memref<4x8xf32>" -> "4x8xf32" */
        if (tb.data && !tb.oom && strlen(tb.data) > 8) {
            snprintf(base, sizeof base, "%s", tb.data + 7);
            base[strlen(base) - 1] = 0;
        }
        eo_strbuf_free(&tb);
    }
    for (char *c = base; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
              (*c >= '0' && *c <= '9') || *c == '_'))
            *c = '_';
    const eo_attr *sym = global_name(bz, base);
    const eo_attr *ta = eo_attr_get_type(bz->ctx, mt);
    const eo_attr *vis = eo_attr_get_string(bz->ctx, "private", 7, NULL);
    const eo_attr *unit = eo_attr_get_unit(bz->ctx);
    if (!sym || !ta || !vis || !unit)
        return EO_NOMEM;
    eo_named_attr ga[5] = {
        { eo_ident_cstr(bz->ctx, "sym_name"), sym },
        { eo_ident_cstr(bz->ctx, "sym_visibility"), vis },
        { eo_ident_cstr(bz->ctx, "constant"), unit },
        { eo_ident_cstr(bz->ctx, "type"), ta },
        { eo_ident_cstr(bz->ctx, "initial_value"), val },
    };
    for (size_t i = 0; i < 5; i++)
        if (!ga[i].name)
            return EO_NOMEM;
    eo_builder gb;
    eo_builder_init(&gb, bz->ctx);
    eo_builder_set_before(&gb, bz->func);
    gb.loc = eo_op_loc(op);
    if (!eo_builder_create(&gb, "memref.global", 0, NULL, 0, NULL, 5, ga))
        return EO_NOMEM;
    size_t sl;
    const char *ss = eo_attr_string(sym, &sl);
    const eo_attr *ref = eo_attr_get_symbol_ref(bz->ctx,
                                                eo_ident_get(bz->ctx, ss, sl),
                                                0, NULL);
    eo_named_attr ra = { eo_ident_cstr(bz->ctx, "name"), ref };
    if (!ref || !ra.name)
        return EO_NOMEM;
    eo_op *g = eo_builder_create(b, "memref.get_global", 0, NULL, 1, &mt, 1,
                                 &ra);
    if (!g)
        return EO_NOMEM;
    vi->kind = V_CONST;
    vi->buf = eo_op_result(g, 0);
    return EO_OK;
}

static const eo_attr *
i64_array(eo_ctx *ctx, size_t n, const int64_t *v)
{
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    return i64 ? eo_attr_get_dense_array(ctx, i64, n, v) : NULL;
}

static eo_value *subview_of(bufferizer *bz, eo_builder *b, eo_op *op,
                            eo_value *base, const int64_t *off,
                            const eo_type *part, const int64_t *step);

/* Checks graph.pad 'op' (mode "constant", static non-negative pads of its
 * rank) and puts its low pads in 'off'; EO_ERROR, after a diagnostic when
 * 'diag', for anything else. */
static eo_status
pad_check(bufferizer *bz, eo_op *op, int64_t *off, bool diag)
{
    eo_value *x = eo_op_operand(op, 0), *r = eo_op_result(op, 0);
    vinfo *ri = info_of(bz, r);
    const eo_attr *mode = eo_op_attr(op, "mode");
    const eo_attr *pads = eo_op_attr(op, "pads");
    size_t len = 0;
    const char *ms = mode ? eo_attr_string(mode, &len) : "constant";
    if (!ms || (mode && (len != 8 || memcmp(ms, "constant", 8) != 0)))
        return diag ? eo_op_error(op, "cannot bufferize: only constant "
                                      "padding is supported")
                    : EO_ERROR;
    const eo_type *xt = eo_value_type(x), *rt = eo_value_type(r);
    size_t rank = eo_type_has_rank(rt) ? eo_type_rank(rt) : 0;
    if (!ri || !pads || eo_attr_get_kind(pads) != EO_ATTR_DENSE_ARRAY ||
        eo_attr_dense_array_size(pads) != 2 * rank ||
        !eo_type_has_rank(xt) || eo_type_rank(xt) != rank || rank == 0 ||
        rank > EO_TL_MAX_LOOPS || eo_type_num_elements(xt) < 0)
        return diag ? eo_op_error(op, "cannot bufferize: unexpected "
                                      "operands or pads")
                    : EO_ERROR;
    for (size_t i = 0; i < rank; i++) {
        off[i] = eo_attr_dense_array_int(pads, i);
        if (off[i] < 0 || eo_attr_dense_array_int(pads, rank + i) < 0)
            return diag ? eo_op_error(op, "cannot bufferize: negative pads")
                        : EO_ERROR;
    }
    return EO_OK;
}

/* The buffer of graph.pad 'op''s result, made at b's insertion point when
 * first needed (by the first producer writing into its interior, or by
 * the pad itself): a new memref.alloc filled with the pad value (tl.fill),
 * so that the fill comes before any write of the interior. NULL after a
 * diagnostic. */
static eo_value *
pad_buf(bufferizer *bz, eo_builder *b, eo_op *op)
{
    eo_value *r = eo_op_result(op, 0);
    vinfo *ri = info_of(bz, r);
    if (!ri) {
        eo_op_error(op, "cannot bufferize: the result is not a tensor");
        return NULL;
    }
    if (ri->buf)
        return ri->buf;
    const eo_type *rt = eo_value_type(r);
    const eo_type *mt = memref_of(op, rt);
    if (!mt)
        return NULL;
    /* The pad value, in the element type. */
    const eo_type *elem = eo_type_elem(rt);
    const eo_attr *val = eo_op_attr(op, "value");
    double pv = val ? eo_attr_float_value(val) : 0.0;
    const eo_attr *cv = eo_type_is_float(elem)
        ? eo_attr_get_float(bz->ctx, elem, pv)
        : eo_attr_get_int(bz->ctx, elem, (int64_t)pv);
    eo_named_attr va = { eo_ident_cstr(bz->ctx, "value"), cv };
    int32_t seg2[2] = {1, 1};
    const eo_type *i32 = eo_type_get_int(bz->ctx, 32);
    eo_named_attr sa = { eo_ident_cstr(bz->ctx, "operandSegmentSizes"),
                         i32 ? eo_attr_get_dense_array(bz->ctx, i32, 2, seg2)
                             : NULL };
    eo_op *a = cv && va.name && sa.name && sa.value ? add_alloc(bz, b, mt)
                                                    : NULL;
    eo_op *c = a ? eo_builder_create(b, "arith.constant", 0, NULL, 1, &elem,
                                     1, &va)
                 : NULL;
    eo_value *fops[2] = { c ? eo_op_result(c, 0) : NULL,
                          a ? eo_op_result(a, 0) : NULL };
    if (!c || !eo_builder_create(b, "tl.fill", 2, fops, 0, NULL, 1, &sa)) {
        eo_op_error(op, "out of memory");
        return NULL;
    }
    bz->fills++;
    ri->kind = V_OWNED;
    ri->buf = fops[1];
    return ri->buf;
}

/* A new memref.subview (at b's insertion point) of the interior of
 * graph.pad 'op''s buffer, where its source lies; NULL after a
 * diagnostic. Each producer writing the interior, and each op reading
 * it back, gets a view of its own (tl-fuse windows views used once). */
static eo_value *
pad_view(bufferizer *bz, eo_builder *b, eo_op *op)
{
    int64_t off[EO_TL_MAX_LOOPS];
    if (pad_check(bz, op, off, true) != EO_OK)
        return NULL;
    eo_value *base = pad_buf(bz, b, op);
    return base ? subview_of(bz, b, op, base, off,
                             eo_value_type(eo_op_operand(op, 0)), NULL)
                : NULL;
}

/* graph.pad (mode "constant") -> a new buffer filled with the pad value
 * and a tl.copy of the source into its memref.subview, unless the source
 * was computed there already (plan_pads). */
static eo_status
bufferize_pad(bufferizer *bz, eo_builder *b, eo_op *op)
{
    eo_value *x = eo_op_operand(op, 0);
    vinfo *xi = info_of(bz, x);
    int64_t off[EO_TL_MAX_LOOPS];
    eo_status st = pad_check(bz, op, off, true);
    if (st != EO_OK)
        return st;
    if (!xi || !xi->buf)
        return eo_op_error(op, "cannot bufferize: unexpected operands or "
                               "pads");
    if (xi->pad == op && xi->kind == V_SLOT &&
        info_of(bz, eo_op_result(op, 0))->buf) {
        bz->in_place++;     /* the producer wrote the interior */
        return EO_OK;
    }
    eo_value *view = pad_view(bz, b, op);
    if (!view)
        return EO_ERROR;
    int32_t seg2[2] = {1, 1};
    const eo_type *i32 = eo_type_get_int(bz->ctx, 32);
    eo_named_attr sa = { eo_ident_cstr(bz->ctx, "operandSegmentSizes"),
                         i32 ? eo_attr_get_dense_array(bz->ctx, i32, 2, seg2)
                             : NULL };
    if (!sa.name || !sa.value)
        return EO_NOMEM;
    eo_value *cops[2] = { xi->buf, view };
    if (!eo_builder_create(b, "tl.copy", 2, cops, 0, NULL, 1, &sa))
        return EO_NOMEM;
    bz->copies++;
    return EO_OK;
}

/* One reassociation group [0, n). */
static const eo_attr *
one_group(eo_ctx *ctx, size_t n)
{
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const eo_attr *idx[EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < n; i++)
        if (!i64 || !(idx[i] = eo_attr_get_int(ctx, i64, (int64_t)i)))
            return NULL;
    const eo_attr *g = eo_attr_get_array(ctx, n, idx);
    return g ? eo_attr_get_array(ctx, 1, &g) : NULL;
}

/* graph.reshape -> a view of the source's buffer: memref.collapse_shape to
 * one dimension, then memref.expand_shape to the result's shape (either
 * left out where the rank is 1). The view takes over the buffer when the
 * source dies here; else both become read-only (neither is reused). */
static eo_status
bufferize_reshape(bufferizer *bz, eo_builder *b, eo_op *op, size_t pos)
{
    eo_value *x = eo_op_operand(op, 0), *r = eo_op_result(op, 0);
    vinfo *xi = info_of(bz, x), *ri = info_of(bz, r);
    const eo_type *xt = eo_value_type(x), *rt = eo_value_type(r);
    const eo_type *mt = memref_of(op, rt);
    if (!mt)
        return EO_ERROR;
    if (!xi || !xi->buf || !ri || eo_type_rank(xt) == 0 ||
        eo_type_rank(rt) == 0 || eo_type_rank(xt) > EO_TL_MAX_LOOPS ||
        eo_type_rank(rt) > EO_TL_MAX_LOOPS ||
        eo_type_num_elements(xt) != eo_type_num_elements(rt))
        return eo_op_error(op, "cannot bufferize: only reshapes between "
                               "static shapes of rank >= 1 are supported");
    eo_value *v = xi->buf;
    int64_t n = eo_type_num_elements(rt);
    const eo_type *elem = eo_type_elem(mt);
    if (eo_type_rank(xt) > 1) {
        const eo_type *flat = eo_type_get_memref(bz->ctx, 1, &n, elem, NULL,
                                                 NULL);
        eo_named_attr ra = { eo_ident_cstr(bz->ctx, "reassociation"),
                             one_group(bz->ctx, eo_type_rank(xt)) };
        if (!flat || !ra.name || !ra.value)
            return EO_NOMEM;
        eo_op *c = eo_builder_create(b, "memref.collapse_shape", 1, &v, 1,
                                     &flat, 1, &ra);
        if (!c)
            return EO_NOMEM;
        v = eo_op_result(c, 0);
    }
    if (eo_type_rank(rt) > 1) {
        eo_named_attr ea[2] = {
            { eo_ident_cstr(bz->ctx, "reassociation"),
              one_group(bz->ctx, eo_type_rank(rt)) },
            { eo_ident_cstr(bz->ctx, "static_output_shape"),
              i64_array(bz->ctx, eo_type_rank(rt), eo_type_shape(rt)) },
        };
        if (!ea[0].name || !ea[0].value || !ea[1].name || !ea[1].value)
            return EO_NOMEM;
        eo_op *e = eo_builder_create(b, "memref.expand_shape", 1, &v, 1,
                                     &mt, 2, ea);
        if (!e)
            return EO_NOMEM;
        v = eo_op_result(e, 0);
    }
    ri->buf = v;
    if (xi->kind != V_OWNED) {
        ri->kind = xi->kind;
    } else if (!xi->taken && xi->last == pos) {
        ri->kind = V_OWNED;
        xi->taken = true;
    } else {
        ri->kind = V_CONST;     /* read-only alias */
        xi->taken = true;
    }
    return EO_OK;
}

/* A storage cast (is_storage_cast): the result is the source's buffer,
 * which it takes over when the source dies here (else both read-only),
 * as for a reshape without the view ops. */
static eo_status
bufferize_cast(bufferizer *bz, eo_op *op, size_t pos)
{
    eo_value *x = eo_op_operand(op, 0), *r = eo_op_result(op, 0);
    vinfo *xi = info_of(bz, x), *ri = info_of(bz, r);
    if (!xi || !xi->buf || !ri)
        return eo_op_error(op, "cannot bufferize: the source has no "
                               "buffer");
    ri->buf = xi->buf;
    if (xi->kind != V_OWNED) {
        ri->kind = xi->kind;
    } else if (!xi->taken && xi->last == pos) {
        ri->kind = V_OWNED;
        xi->taken = true;
    } else {
        ri->kind = V_CONST;     /* read-only alias */
        xi->taken = true;
    }
    return EO_OK;
}

/* graph.transpose -> a new buffer written by a tl.generic whose in map
 * permutes the loops: y[d0, .., dn] = x[.., d_i at position perm[i], ..]. */
static eo_status
bufferize_transpose(bufferizer *bz, eo_builder *b, eo_op *op)
{
    eo_value *x = eo_op_operand(op, 0), *r = eo_op_result(op, 0);
    vinfo *xi = info_of(bz, x), *ri = info_of(bz, r);
    const eo_type *rt = eo_value_type(r);
    const eo_type *mt = memref_of(op, rt);
    if (!mt)
        return EO_ERROR;
    size_t n = eo_type_rank(rt);
    const eo_attr *perm = eo_op_attr(op, "perm");
    int64_t p[EO_TL_MAX_LOOPS];
    bool seen[EO_TL_MAX_LOOPS] = {false};
    if (!xi || !xi->buf || !ri || n == 0 || n > EO_TL_MAX_LOOPS ||
        eo_type_rank(eo_value_type(x)) != n ||
        (perm && (eo_attr_get_kind(perm) != EO_ATTR_DENSE_ARRAY ||
                  eo_attr_dense_array_size(perm) != n)))
        return eo_op_error(op, "cannot bufferize: unexpected operand or "
                               "perm");
    for (size_t i = 0; i < n; i++) {
        p[i] = perm ? eo_attr_dense_array_int(perm, i)
                    : (int64_t)(n - 1 - i);
        if (p[i] < 0 || p[i] >= (int64_t)n || seen[p[i]])
            return eo_op_error(op, "cannot bufferize: perm is not a "
                                   "permutation");
        seen[p[i]] = true;
    }
    const eo_affine_expr *in[EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < n; i++)
        if (!(in[p[i]] = eo_affine_dim(bz->ctx, (unsigned)i)))
            return EO_NOMEM;
    const eo_affine_map *im = eo_affine_map_get(bz->ctx, (unsigned)n, 0, n,
                                                in);
    const eo_affine_map *om = eo_affine_map_identity(bz->ctx, (unsigned)n);
    const eo_attr *ma[2] = { im ? eo_attr_get_affine_map(bz->ctx, im) : NULL,
                             om ? eo_attr_get_affine_map(bz->ctx, om)
                                : NULL };
    const eo_attr *par = eo_attr_get_string(bz->ctx, "parallel", 8, NULL);
    const eo_attr *it[EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < n; i++)
        it[i] = par;
    const eo_attr *maps = ma[0] && ma[1] ? eo_attr_get_array(bz->ctx, 2, ma)
                                         : NULL;
    const eo_attr *iters = par ? eo_attr_get_array(bz->ctx, n, it) : NULL;
    if (!maps || !iters)
        return EO_NOMEM;
    eo_op *a = add_alloc(bz, b, mt);
    if (!a)
        return EO_NOMEM;
    eo_value *buf = eo_op_result(a, 0);
    eo_rewriter rw;
    eo_rewriter_init(&rw, bz->ctx, NULL, NULL);
    eo_builder_set_before(&rw.b, op);
    rw.b.loc = eo_op_loc(op);
    eo_op *g = eo_tl_generic_build(&rw, 1, &xi->buf, 1, &buf, maps, iters);
    if (!g)
        return EO_NOMEM;
    eo_block *body = eo_region_first(eo_op_region(g, 0));
    eo_builder yb;
    eo_builder_init(&yb, bz->ctx);
    eo_builder_set_end(&yb, body);
    yb.loc = eo_op_loc(op);
    eo_value *arg = eo_block_arg(body, 0);
    if (!eo_builder_create(&yb, "tl.yield", 1, &arg, 0, NULL, 0, NULL))
        return EO_NOMEM;
    ri->kind = V_OWNED;
    ri->buf = buf;
    return EO_OK;
}

/* The concat axis of graph.concat 'op' (negative: from the end), or -1
 * after a diagnostic. */
static int64_t
concat_axis(eo_op *op)
{
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_attr *a = eo_op_attr(op, "axis");
    int64_t rank = eo_type_has_rank(rt) ? (int64_t)eo_type_rank(rt) : 0;
    int64_t ax = a ? eo_attr_int_value(a) : 0;
    if (ax < 0)
        ax += rank;
    if (!a || ax < 0 || ax >= rank || rank > EO_TL_MAX_LOOPS) {
        eo_op_error(op, "cannot bufferize: the axis is out of range");
        return -1;
    }
    return ax;
}

/* A memref.subview of 'base' (identity or strided layout) at static
 * offsets 'off' with the static shape of 'part' (a tensor or memref
 * type) and strides 'step' (NULL: all 1, else positive); NULL after a
 * diagnostic at 'op'. */
static eo_value *
subview_of(bufferizer *bz, eo_builder *b, eo_op *op, eo_value *base,
           const int64_t *off, const eo_type *part, const int64_t *step)
{
    const eo_type *bt = eo_value_type(base);
    size_t rank = eo_type_rank(bt);
    const eo_attr *lay = eo_type_layout(bt);
    int64_t strides[EO_TL_MAX_LOOPS], one[EO_TL_MAX_LOOPS], offset = 0;
    if (rank == 0 || rank > EO_TL_MAX_LOOPS || eo_type_rank(part) != rank ||
        (lay && (eo_attr_get_kind(lay) != EO_ATTR_STRIDED_LAYOUT ||
                 eo_attr_strided_rank(lay) != rank))) {
        eo_op_error(op, "cannot bufferize: unsupported buffer layout");
        return NULL;
    }
    if (lay) {
        memcpy(strides, eo_attr_strided_strides(lay),
               rank * sizeof *strides);
        offset = eo_attr_strided_offset(lay);
    } else {
        int64_t st = 1;
        for (size_t i = rank; i-- > 0;) {
            strides[i] = st;
            st *= eo_type_dim(bt, i);
        }
    }
    for (size_t i = 0; i < rank; i++) {
        offset += off[i] * strides[i];
        one[i] = step ? step[i] : 1;
        strides[i] *= one[i];
    }
    const eo_type *i32 = eo_type_get_int(bz->ctx, 32);
    int32_t seg4[4] = {1, 0, 0, 0};
    const eo_attr *layout = eo_attr_get_strided(bz->ctx, rank, strides,
                                                offset);
    const eo_type *vt = layout
        ? eo_type_get_memref(bz->ctx, rank, eo_type_shape(part),
                             eo_type_elem(bt), layout, NULL)
        : NULL;
    eo_named_attr va[4] = {
        { eo_ident_cstr(bz->ctx, "static_offsets"),
          i64_array(bz->ctx, rank, off) },
        { eo_ident_cstr(bz->ctx, "static_sizes"),
          i64_array(bz->ctx, rank, eo_type_shape(part)) },
        { eo_ident_cstr(bz->ctx, "static_strides"),
          i64_array(bz->ctx, rank, one) },
        { eo_ident_cstr(bz->ctx, "operandSegmentSizes"),
          i32 ? eo_attr_get_dense_array(bz->ctx, i32, 4, seg4) : NULL },
    };
    bool ok = vt != NULL;
    for (size_t i = 0; i < 4; i++)
        ok = ok && va[i].name && va[i].value;
    eo_op *sv = ok ? eo_builder_create(b, "memref.subview", 1, &base, 1, &vt,
                                       4, va)
                   : NULL;
    if (!sv) {
        eo_op_error(op, "out of memory");
        return NULL;
    }
    return eo_op_result(sv, 0);
}

static eo_value *slot_view(bufferizer *bz, eo_builder *b, eo_value *place);

/* The buffer of graph.concat 'op''s result, made at b's insertion point
 * when first needed (by the first producer writing into it, or by the
 * concat): its out-param when returned, else its part of an enclosing
 * concat's buffer, else a new memref.alloc. NULL after a diagnostic. */
static eo_value *
concat_buf(bufferizer *bz, eo_builder *b, eo_op *op)
{
    eo_value *r = eo_op_result(op, 0);
    vinfo *ri = info_of(bz, r);
    if (!ri) {
        eo_op_error(op, "cannot bufferize: the result is not a tensor");
        return NULL;
    }
    if (ri->buf)
        return ri->buf;
    if (ri->ret_slot >= 0) {
        ri->buf = bz->outparams[ri->ret_slot];
        ri->kind = V_OUTPARAM;
    } else if (ri->place) {
        ri->buf = slot_view(bz, b, ri->place);
        ri->kind = V_SLOT;
    } else {
        const eo_type *mt = memref_of(op, eo_value_type(r));
        eo_op *a = mt ? add_alloc(bz, b, mt) : NULL;
        if (mt && !a)
            eo_op_error(op, "out of memory");
        ri->buf = a ? eo_op_result(a, 0) : NULL;
        ri->kind = V_OWNED;
    }
    return ri->buf;
}

/* The part of its concat's buffer that concat operand 'place' occupies
 * (a memref.subview made at b's insertion point when first needed), or
 * for a pad's source the interior of the pad's buffer (a new view each
 * time), or NULL after a diagnostic. */
static eo_value *
slot_view(bufferizer *bz, eo_builder *b, eo_value *place)
{
    vinfo *pi = info_of(bz, place);
    if (pi && pi->pad)
        return pad_view(bz, b, pi->pad);
    if (!pi || !pi->concat)
        return NULL;
    if (pi->view)
        return pi->view;
    eo_op *c = pi->concat;
    int64_t ax = concat_axis(c);
    eo_value *base = ax >= 0 ? concat_buf(bz, b, c) : NULL;
    if (!base)
        return NULL;
    int64_t off[EO_TL_MAX_LOOPS] = {0};
    for (size_t k = 0; k < pi->operand; k++)
        off[ax] += eo_type_dim(eo_value_type(eo_op_operand(c, k)),
                               (size_t)ax);
    pi->view = subview_of(bz, b, c, base, off, eo_value_type(place), NULL);
    return pi->view;
}

/* Whether graph.concat 'op' has static operands (tensors, or memrefs:
 * the arguments already bufferized) of its result's
 * rank, stored element type and shape outside the axis, whose sizes
 * along the axis add up to the result's. */
static bool
concat_ok(eo_op *op, int64_t ax)
{
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    int64_t total = 0;
    size_t n = eo_op_num_operands(op);
    if (n == 0 || eo_type_get_kind(rt) != EO_TYPE_TENSOR)
        return false;
    for (size_t k = 0; k < n; k++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, k));
        if ((eo_type_get_kind(t) != EO_TYPE_TENSOR &&     /* arguments */
             eo_type_get_kind(t) != EO_TYPE_MEMREF) ||
            eo_type_rank(t) != eo_type_rank(rt) ||
            eo_type_num_elements(t) < 0 || stored_elem(t) != stored_elem(rt))
            return false;
        for (size_t d = 0; d < eo_type_rank(rt); d++)
            if ((int64_t)d != ax && eo_type_dim(t, d) != eo_type_dim(rt, d))
                return false;
        total += eo_type_dim(t, (size_t)ax);
    }
    return total == eo_type_dim(rt, (size_t)ax);
}

/* Decides which values are computed straight into their part of a
 * concat's buffer: an operand used only by the concat whose producer
 * (through storage casts used once) is a tl op with results or another
 * concat, not written to a return slot; then up the chain of its inits
 * as for return slots (an op that reads its out, whose init is a tl
 * result used only there). */
static void
plan_slots(bufferizer *bz)
{
    for (size_t i = 0; i < bz->nops; i++) {
        eo_op *c = bz->ops[i];
        if (!is_op_named(c, "graph.concat"))
            continue;
        const eo_attr *a = eo_op_attr(c, "axis");
        const eo_type *rt = eo_value_type(eo_op_result(c, 0));
        int64_t ax = a ? eo_attr_int_value(a) : 0;
        if (eo_type_get_kind(rt) != EO_TYPE_TENSOR)
            continue;
        if (ax < 0)
            ax += (int64_t)eo_type_rank(rt);
        if (!a || ax < 0 || ax >= (int64_t)eo_type_rank(rt) ||
            !concat_ok(c, ax))
            continue;       /* bufferize_concat reports it */
        for (size_t k = 0; k < eo_op_num_operands(c); k++) {
            eo_value *p = eo_op_operand(c, k), *v = p;
            vinfo *pi = info_of(bz, p);
            if (!pi || !eo_value_has_one_use(p))
                continue;
            eo_op *d = eo_value_def_op(v);
            while (d && is_storage_cast(d) &&
                   eo_value_has_one_use(eo_op_operand(d, 0))) {
                v = eo_op_operand(d, 0);
                d = eo_value_def_op(v);
            }
            vinfo *vi = info_of(bz, v);
            size_t pos;
            if (!vi || !d || vi->ret_slot >= 0 || vi->place ||
                eo_op_block(d) != bz->body ||
                !ptrmap_get(&bz->pos, d, &pos) ||
                !((tl_op_kind(d) != TL_NUM_OPS && eo_op_num_results(d)) ||
                  is_op_named(d, "graph.concat") ||
                  is_op_named(d, "graph.slice")))
                continue;
            pi->concat = c;
            pi->operand = k;
            vi->place = p;
            while ((d = eo_value_def_op(v)) && tl_op_kind(d) != TL_NUM_OPS &&
                   ptrmap_get(&bz->pos, d, &pos) && bz->iters[pos] &&
                   reads_out(d, bz->iters[pos], eo_value_index(v))) {
                eo_value *init = eo_tl_out(d, eo_value_index(v));
                vinfo *ii = info_of(bz, init);
                eo_op *dd = eo_value_def_op(init);
                if (!ii || ii->ret_slot >= 0 || ii->place || !dd ||
                    tl_op_kind(dd) == TL_NUM_OPS || !eo_op_num_results(dd) ||
                    !eo_value_has_one_use(init))
                    break;
                ii->place = p;
                v = init;
            }
        }
    }
}

static bool alias_safe(eo_op *op, const eo_attr *maps,
                       const eo_attr *iters, size_t i, const eo_value *v);

/* For out 'i' of tl op 'd' (at position 'pos') that 'd' does not read:
 * an in that the out may be computed over in place, as dying_in
 * allows it (the result's type, read through the out's own map by an
 * all-parallel op and through no other), used only there; or NULL. */
static eo_value *
chain_in(bufferizer *bz, eo_op *d, size_t pos, size_t i)
{
    const eo_attr *maps = bz->maps[pos], *iters = bz->iters[pos];
    size_t nin = eo_tl_num_ins(d);
    if (!maps || !all_parallel(iters) ||
        eo_attr_array_size(maps) <= nin + i)
        return NULL;
    const eo_attr *om = eo_attr_array_at(maps, nin + i);
    const eo_type *rt = eo_value_type(eo_op_result(d, i));
    for (size_t k = 0; k < nin; k++) {
        eo_value *u = eo_tl_in(d, k);
        if (info_of(bz, u) && eo_value_has_one_use(u) &&
            eo_value_type(u) == rt && eo_attr_array_at(maps, k) == om &&
            alias_safe(d, maps, iters, i, u))
            return u;
    }
    return NULL;
}

/* Decides which graph.pad sources are computed straight into the
 * interior of the pad's buffer (a new buffer, filled with the pad value
 * before its first writer): a source used only by the pad whose producer
 * (through storage casts used once) is a tl op with results, a
 * graph.slice or a graph.concat, not written to a return slot or a
 * concat's part; then up the chain of single-use tl results it is
 * computed from in place: the init of an op that reads its out, or the
 * in that an all-parallel op overwrites element by element (chain_in;
 * a convolution, its bias before it and the activation after it). */
static void
plan_pads(bufferizer *bz)
{
    for (size_t i = 0; i < bz->nops; i++) {
        eo_op *op = bz->ops[i];
        int64_t off[EO_TL_MAX_LOOPS];
        if (!is_op_named(op, "graph.pad") ||
            pad_check(bz, op, off, false) != EO_OK)
            continue;       /* bufferize_pad reports it */
        eo_value *x = eo_op_operand(op, 0), *v = x;
        vinfo *xi = info_of(bz, x);
        if (!xi || !eo_value_has_one_use(x) || xi->place)
            continue;
        eo_op *d = eo_value_def_op(v);
        while (d && is_storage_cast(d) &&
               eo_value_has_one_use(eo_op_operand(d, 0))) {
            v = eo_op_operand(d, 0);
            d = eo_value_def_op(v);
        }
        vinfo *vi = info_of(bz, v);
        size_t pos;
        if (!vi || !d || vi->ret_slot >= 0 || vi->place ||
            eo_op_block(d) != bz->body || !ptrmap_get(&bz->pos, d, &pos) ||
            !((tl_op_kind(d) != TL_NUM_OPS && eo_op_num_results(d)) ||
              is_op_named(d, "graph.concat") ||
              is_op_named(d, "graph.slice")))
            continue;
        xi->pad = op;
        vi->place = x;
        while ((d = eo_value_def_op(v)) && tl_op_kind(d) != TL_NUM_OPS &&
               ptrmap_get(&bz->pos, d, &pos) && bz->iters[pos]) {
            size_t r = eo_value_index(v);
            eo_value *u = reads_out(d, bz->iters[pos], r)
                              ? eo_tl_out(d, r) : chain_in(bz, d, pos, r);
            vinfo *ui = u ? info_of(bz, u) : NULL;
            eo_op *dd = u ? eo_value_def_op(u) : NULL;
            if (!ui || ui->ret_slot >= 0 || ui->place || !dd ||
                eo_op_block(dd) != bz->body ||
                tl_op_kind(dd) == TL_NUM_OPS || !eo_op_num_results(dd) ||
                !eo_value_has_one_use(u))
                break;
            ui->place = x;
            v = u;
        }
    }
}

/* graph.concat -> its buffer (concat_buf); each operand not computed in
 * its part already is copied there (tl.copy into a memref.subview). */
static eo_status
bufferize_concat(bufferizer *bz, eo_builder *b, eo_op *op)
{
    int64_t ax = concat_axis(op);
    if (ax < 0)
        return EO_ERROR;
    if (!concat_ok(op, ax))
        return eo_op_error(op, "cannot bufferize: the operands do not "
                               "concatenate to the result");
    eo_value *buf = concat_buf(bz, b, op);
    if (!buf)
        return EO_ERROR;
    const eo_type *i32 = eo_type_get_int(bz->ctx, 32);
    int32_t seg2[2] = {1, 1};
    eo_named_attr sa = { eo_ident_cstr(bz->ctx, "operandSegmentSizes"),
                         i32 ? eo_attr_get_dense_array(bz->ctx, i32, 2, seg2)
                             : NULL };
    if (!sa.name || !sa.value)
        return EO_NOMEM;
    int64_t off[EO_TL_MAX_LOOPS] = {0};
    for (size_t k = 0; k < eo_op_num_operands(op); k++) {
        eo_value *x = eo_op_operand(op, k);
        vinfo *xi = info_of(bz, x);
        if (!xi || !xi->buf)
            return eo_op_error(op, "cannot bufferize: operand %zu has no "
                                   "buffer", k);
        const eo_type *xt = eo_value_type(x);
        if (!xi->view || xi->buf != xi->view) {
            eo_value *sv = subview_of(bz, b, op, buf, off, xt, NULL);
            if (!sv)
                return EO_ERROR;
            eo_value *cops[2] = { xi->buf, sv };
            if (!eo_builder_create(b, "tl.copy", 2, cops, 0, NULL, 1, &sa))
                return EO_NOMEM;
            bz->copies++;
        } else {
            bz->in_place++;
        }
        off[ax] += eo_type_dim(xt, (size_t)ax);
    }
    return EO_OK;
}

/* graph.slice with positive steps (graph-to-tl lowers the others it
 * can) -> a tl.copy from a strided memref.subview of the source into a
 * new buffer, or into the result's part of a concat's buffer. */
static eo_status
bufferize_slice(bufferizer *bz, eo_builder *b, eo_op *op)
{
    eo_value *x = eo_op_operand(op, 0), *r = eo_op_result(op, 0);
    vinfo *xi = info_of(bz, x), *ri = info_of(bz, r);
    const eo_type *xt = eo_value_type(x), *rt = eo_value_type(r);
    const eo_type *mt = memref_of(op, rt);
    if (!mt)
        return EO_ERROR;
    size_t n = eo_type_rank(rt);
    int64_t starts[EO_TL_MAX_LOOPS + 1], ends[EO_TL_MAX_LOOPS + 1];
    int64_t axes[EO_TL_MAX_LOOPS + 1], steps[EO_TL_MAX_LOOPS + 1];
    long ns = eo_graph_attr_ints(op, "starts", starts, EO_TL_MAX_LOOPS + 1);
    long ne = eo_graph_attr_ints(op, "ends", ends, EO_TL_MAX_LOOPS + 1);
    long na = eo_graph_attr_ints(op, "axes", axes, EO_TL_MAX_LOOPS + 1);
    long nt = eo_graph_attr_ints(op, "steps", steps, EO_TL_MAX_LOOPS + 1);
    if (!xi || !xi->buf || !ri || n == 0 || n > EO_TL_MAX_LOOPS ||
        eo_type_rank(xt) != n || ns < 0 || ns != ne || ns > (long)n ||
        (na >= 0 && na != ns) || (nt >= 0 && nt != ns))
        return eo_op_error(op, "cannot bufferize: unexpected operand or "
                               "starts, ends, axes, steps");
    int64_t first[EO_TL_MAX_LOOPS], step[EO_TL_MAX_LOOPS];
    bool seen[EO_TL_MAX_LOOPS] = {false};
    for (size_t d = 0; d < n; d++) {
        first[d] = 0;
        step[d] = 1;
    }
    for (long i = 0; i < ns; i++) {
        int64_t a = na >= 0 ? axes[i] : i, count;
        if (a < 0)
            a += (int64_t)n;
        int64_t st = nt >= 0 ? steps[i] : 1;
        if (a < 0 || a >= (int64_t)n || seen[a])
            return eo_op_error(op, "cannot bufferize: bad axes");
        if (st <= 0)
            return eo_op_error(op, "cannot bufferize: only positive slice "
                                   "steps are supported");
        seen[a] = true;
        eo_graph_slice_axis(starts[i], ends[i], st,
                            eo_type_dim(xt, (size_t)a), &first[a], &count);
        if (count != eo_type_dim(rt, (size_t)a))
            return eo_op_error(op, "cannot bufferize: the result type does "
                                   "not match the slice");
        step[a] = count > 1 ? st : 1;
    }
    for (size_t d = 0; d < n; d++)
        if (!seen[d] && eo_type_dim(xt, d) != eo_type_dim(rt, d))
            return eo_op_error(op, "cannot bufferize: the result type does "
                                   "not match the slice");
    eo_value *sv = subview_of(bz, b, op, xi->buf, first, rt, step);
    if (!sv)
        return EO_ERROR;
    eo_value *dst;
    if (ri->place) {
        if (!(dst = slot_view(bz, b, ri->place)))
            return EO_ERROR;
        ri->kind = V_SLOT;
    } else {
        eo_op *a = add_alloc(bz, b, mt);
        if (!a)
            return EO_NOMEM;
        dst = eo_op_result(a, 0);
        ri->kind = V_OWNED;
    }
    const eo_type *i32 = eo_type_get_int(bz->ctx, 32);
    int32_t seg2[2] = {1, 1};
    eo_named_attr sa = { eo_ident_cstr(bz->ctx, "operandSegmentSizes"),
                         i32 ? eo_attr_get_dense_array(bz->ctx, i32, 2, seg2)
                             : NULL };
    eo_value *cops[2] = { sv, dst };
    if (!sa.name || !sa.value ||
        !eo_builder_create(b, "tl.copy", 2, cops, 0, NULL, 1, &sa))
        return EO_NOMEM;
    bz->copies++;
    ri->buf = dst;
    return EO_OK;
}

/* Whether out 'i' (init 'v') of 'op' may be computed in v's buffer: no
 * in reads the same value through another map, or the op is not
 * all-parallel. */
static bool
alias_safe(eo_op *op, const eo_attr *maps, const eo_attr *iters, size_t i,
           const eo_value *v)
{
    size_t nin = eo_tl_num_ins(op);
    const eo_attr *om = eo_attr_array_at(maps, nin + i);
    for (size_t k = 0; k < nin; k++) {
        if (eo_tl_in(op, k) != v)
            continue;
        if (!all_parallel(iters) || eo_attr_array_at(maps, k) != om)
            return false;
    }
    return true;
}

/* For an out that the op does not read: an in whose buffer the out can
 * take over (in place), or NULL: an in of this function's buffers that
 * dies here, of the result's type, read through the out's own map by an
 * all-parallel op (and through no other map). */
static vinfo *
dying_in(bufferizer *bz, eo_op *op, const eo_attr *maps,
         const eo_attr *iters, size_t i, size_t pos)
{
    if (!all_parallel(iters))
        return NULL;
    size_t nin = eo_tl_num_ins(op);
    const eo_attr *om = eo_attr_array_at(maps, nin + i);
    const eo_type *rt = eo_value_type(eo_op_result(op, i));
    for (size_t k = 0; k < nin; k++) {
        eo_value *v = eo_tl_in(op, k);
        vinfo *vi = info_of(bz, v);
        if (vi && vi->kind == V_OWNED && !vi->taken && vi->last == pos &&
            eo_value_type(v) == rt && eo_attr_array_at(maps, k) == om &&
            alias_safe(op, maps, iters, i, v))
            return vi;
    }
    return NULL;
}

/* A tl op on tensors -> the same op on memrefs. */
static eo_status
bufferize_tl(bufferizer *bz, eo_builder *b, eo_op *op, size_t pos)
{
    size_t nin = eo_tl_num_ins(op), nout = eo_tl_num_outs(op);
    if (eo_op_num_results(op) == 0)
        return EO_OK;   /* already on memrefs */
    const eo_attr *maps = bz->maps[pos], *iters = bz->iters[pos];
    eo_status st;
    if (!maps || !iters || eo_attr_array_size(maps) < nin + nout)
        return eo_op_error(op, "cannot bufferize: no indexing maps");
    eo_value *bufs[EO_TL_MAX_OPERANDS];
    if (nin + nout > EO_TL_MAX_OPERANDS)
        return eo_op_error(op, "cannot bufferize: too many operands");
    for (size_t k = 0; k < nin; k++) {
        eo_value *v = eo_tl_in(op, k);
        vinfo *vi = info_of(bz, v);
        if (!vi) {          /* a scalar */
            bufs[k] = v;
            continue;
        }
        if (!vi->buf)
            return eo_op_error(op, "cannot bufferize: operand %zu has no "
                                   "buffer", k);
        bufs[k] = vi->buf;
        vinfo *pi = vi->kind == V_SLOT && vi->place
                        ? info_of(bz, vi->place) : NULL;
        if (pi && pi->pad &&    /* a pad's interior: a view of its own */
            !(bufs[k] = slot_view(bz, b, vi->place)))
            return EO_ERROR;
    }
    for (size_t i = 0; i < nout; i++) {
        eo_value *v = eo_tl_out(op, i), *r = eo_op_result(op, i);
        vinfo *vi = info_of(bz, v), *ri = info_of(bz, r);
        if (!vi || !ri)
            return eo_op_error(op, "cannot bufferize: out %zu is not a "
                                   "tensor", i);
        bool need = reads_out(op, iters, i);
        vinfo *di = need || ri->ret_slot >= 0 || ri->place ? NULL
                  : dying_in(bz, op, maps, iters, i, pos);
        eo_value *buf;
        if (ri->ret_slot >= 0 || ri->place) {
            if (ri->ret_slot >= 0) {
                buf = bz->outparams[ri->ret_slot];
                ri->kind = V_OUTPARAM;
            } else if ((buf = slot_view(bz, b, ri->place)) != NULL) {
                ri->kind = V_SLOT;
            } else {
                return EO_ERROR;
            }
            if (vi->buf == buf ||   /* the init is there already */
                (vi->kind == V_SLOT && vi->place == ri->place))
                bz->in_place++;
            else if (need && (st = emit_init(bz, b, vi, buf)) != EO_OK)
                return st;
        } else if (vi->kind == V_OWNED && !vi->taken && vi->last == pos &&
                   alias_safe(op, maps, iters, i, v)) {
            buf = vi->buf;
            vi->taken = true;
            ri->kind = V_OWNED;
            bz->in_place++;
        } else if (di) {
            buf = di->buf;
            di->taken = true;
            ri->kind = V_OWNED;
            bz->in_place++;
        } else {
            const eo_type *mt = memref_of(op, eo_value_type(r));
            if (!mt)
                return EO_ERROR;
            eo_op *a = add_alloc(bz, b, mt);
            if (!a)
                return EO_NOMEM;
            buf = eo_op_result(a, 0);
            ri->kind = V_OWNED;
            if (need && (st = emit_init(bz, b, vi, buf)) != EO_OK)
                return st;
        }
        ri->buf = buf;
        bufs[nin + i] = buf;
    }
    /* The same op on buffers: operands, attributes and body moved over. */
    eo_op_state s;
    eo_op_state_init(&s, bz->ctx, eo_op_name_str(op), eo_op_loc(op));
    st = eo_op_state_add_operands(&s, nin + nout, bufs);
    const eo_attr *dicts[2] = { eo_op_props(op),
                                eo_op_discardable_attrs(op) };
    for (size_t d = 0; d < 2 && st == EO_OK; d++)
        for (size_t j = 0; dicts[d] && j < eo_attr_dict_size(dicts[d]) &&
                           st == EO_OK; j++) {
            const eo_named_attr *na = eo_attr_dict_at(dicts[d], j);
            st = eo_op_state_set_attr(&s, eo_ident_str(na->name), na->value);
        }
    for (size_t j = 0; j < eo_op_num_regions(op) && st == EO_OK; j++) {
        eo_region *nr = eo_op_state_add_region(&s);
        if (!nr)
            st = EO_NOMEM;
        else
            eo_region_take_body(nr, eo_op_region(op, j));
    }
    if (st != EO_OK) {
        eo_op_state_release(&s);
        return st;
    }
    return eo_builder_insert(b, &s) ? EO_OK : EO_NOMEM;
}

/* func.return: copies what is not in its out-param yet; returns the
 * non-tensor operands only. */
static eo_status
bufferize_return(bufferizer *bz, eo_builder *b, eo_op *op)
{
    size_t n = eo_op_num_operands(op), nk = 0;
    if (n != bz->nresults)
        return eo_op_error(op, "cannot bufferize: %zu operands for %zu "
                               "results", n, bz->nresults);
    eo_value **keep = calloc(n ? n : 1, sizeof *keep);
    if (!keep)
        return EO_NOMEM;
    eo_status st = EO_OK;
    for (size_t j = 0; j < n && st == EO_OK; j++) {
        eo_value *v = eo_op_operand(op, j);
        if (!bz->outparams[j]) {
            keep[nk++] = v;
            continue;
        }
        vinfo *vi = info_of(bz, v);
        if (!vi || !vi->buf)
            st = eo_op_error(op, "cannot bufferize: operand %zu has no "
                                 "buffer", j);
        else if (vi->buf != bz->outparams[j])
            st = emit_copy(bz, b, vi->buf, bz->outparams[j]);
    }
    if (st == EO_OK &&
        !eo_builder_create(b, "func.return", nk, keep, 0, NULL, 0, NULL))
        st = EO_NOMEM;
    free(keep);
    return st;
}

/* Retypes the tensor arguments, appends the out-params and rewrites the
 * function type. */
static eo_status
rewrite_signature(bufferizer *bz)
{
    const eo_type *ft = func_get_type(bz->func);
    if (!ft)
        return eo_op_error(bz->func, "cannot bufferize: no function type");
    size_t nargs = eo_block_num_args(bz->body);
    bz->nresults = eo_type_num_results(ft);
    bz->outparams = calloc(bz->nresults ? bz->nresults : 1,
                           sizeof *bz->outparams);
    const eo_type **ins = calloc(nargs + bz->nresults + 1, sizeof *ins);
    const eo_type **outs = calloc(bz->nresults + 1, sizeof *outs);
    eo_status st = bz->outparams && ins && outs ? EO_OK : EO_NOMEM;
    size_t nin = 0, nout = 0;
    for (size_t i = 0; i < nargs && st == EO_OK; i++) {
        eo_value *a = eo_block_arg(bz->body, i);
        const eo_type *t = eo_value_type(a);
        if (is_tensor(t)) {
            if (!(t = memref_of(bz->func, t))) {
                st = EO_ERROR;
                break;
            }
            eo_value_set_type(a, t);
            vinfo *vi = info_of(bz, a);
            vi->kind = V_ARG;
            vi->buf = a;
        }
        ins[nin++] = t;
    }
    for (size_t j = 0; j < bz->nresults && st == EO_OK; j++) {
        const eo_type *t = eo_type_result(ft, j);
        if (!is_tensor(t)) {
            outs[nout++] = t;
            continue;
        }
        if (!(t = memref_of(bz->func, t))) {
            st = EO_ERROR;
            break;
        }
        eo_value *a = eo_block_add_arg(bz->body, t, eo_op_loc(bz->func));
        if (!a) {
            st = EO_NOMEM;
            break;
        }
        bz->outparams[j] = a;
        ins[nin++] = t;
    }
    const eo_type *nft = st == EO_OK
        ? eo_type_get_function(bz->ctx, nin, ins, nout, outs) : NULL;
    if (st == EO_OK && !nft)
        st = EO_NOMEM;
    if (st == EO_OK) {
        const eo_attr *fa = eo_attr_get_type(bz->ctx, nft);
        st = fa ? eo_op_set_attr(bz->func, "function_type", fa) : EO_NOMEM;
    }
    /* arg_attrs / res_attrs: the out-params take the result attributes. */
    const eo_attr *aa = eo_op_attr(bz->func, "arg_attrs");
    const eo_attr *ra = eo_op_attr(bz->func, "res_attrs");
    if (st == EO_OK && (aa || ra)) {
        const eo_attr **d = calloc(nin + 1, sizeof *d);
        const eo_attr **rk = calloc(nout + 1, sizeof *rk);
        const eo_attr *empty = eo_attr_get_dict(bz->ctx, 0, NULL);
        size_t nd = 0, nr = 0;
        if (!d || !rk || !empty) {
            st = EO_NOMEM;
        } else {
            for (size_t i = 0; i < nargs; i++)
                d[nd++] = aa && i < eo_attr_array_size(aa)
                              ? eo_attr_array_at(aa, i) : empty;
            for (size_t j = 0; j < bz->nresults; j++) {
                const eo_attr *x = ra && j < eo_attr_array_size(ra)
                                       ? eo_attr_array_at(ra, j) : empty;
                if (bz->outparams[j])
                    d[nd++] = x;
                else
                    rk[nr++] = x;
            }
            const eo_attr *na = eo_attr_get_array(bz->ctx, nd, d);
            const eo_attr *nra = nr ? eo_attr_get_array(bz->ctx, nr, rk)
                                    : NULL;
            if (!na || (nr && !nra))
                st = EO_NOMEM;
            if (st == EO_OK)
                st = eo_op_set_attr(bz->func, "arg_attrs", na);
            if (st == EO_OK)
                st = eo_op_set_attr(bz->func, "res_attrs", nra);
        }
        free(d);
        free(rk);
    }
    free(ins);
    free(outs);
    return st;
}

/* The last top-level user of 'v' or of a view of it (collapse_shape,
 * expand_shape, subview), if later than *lp. */
static void
last_user(bufferizer *bz, eo_value *v, eo_op **last, size_t *lp)
{
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *o = eo_use_owner(u);
        if (is_op_named(o, "memref.collapse_shape") ||
            is_op_named(o, "memref.expand_shape") ||
            is_op_named(o, "memref.subview"))
            last_user(bz, eo_op_result(o, 0), last, lp);
        while (o && eo_op_block(o) != bz->body)
            o = eo_op_parent(o);
        size_t up;
        if (o && ptrmap_get(&bz->pos, o, &up) && up > *lp) {
            *lp = up;
            *last = o;
        }
    }
}

/* memref.dealloc of every alloc after its last top-level user. */
static eo_status
insert_deallocs(bufferizer *bz)
{
    size_t n = 0;
    for (eo_op *o = eo_block_first(bz->body); o; o = eo_op_next(o))
        n++;
    ptrmap_fini(&bz->pos);
    eo_status st = ptrmap_init(&bz->pos, n);
    if (st != EO_OK)
        return st;
    size_t p = 0;
    for (eo_op *o = eo_block_first(bz->body); o; o = eo_op_next(o))
        ptrmap_put(&bz->pos, o, p++);
    for (size_t i = 0; i < bz->nallocs; i++) {
        eo_value *a = eo_op_result(bz->allocs[i], 0);
        eo_op *last = bz->allocs[i];
        size_t lp = 0;
        (void)top_pos(bz, last, &lp);
        last_user(bz, a, &last, &lp);
        if (eo_op_is_terminator(last))
            return eo_op_error(last, "cannot bufferize: a buffer escapes");
        eo_builder b;
        eo_builder_init(&b, bz->ctx);
        eo_builder_set_after(&b, last);
        b.loc = eo_op_loc(bz->allocs[i]);
        if (!eo_builder_create(&b, "memref.dealloc", 1, &a, 0, NULL, 0,
                               NULL))
            return EO_NOMEM;
    }
    return EO_OK;
}

static eo_status
bufferize_body(bufferizer *bz)
{
    eo_status st;
    size_t n = 0;
    for (eo_op *o = eo_block_first(bz->body); o; o = eo_op_next(o))
        n++;
    bz->ops = calloc(n ? n : 1, sizeof *bz->ops);
    bz->maps = calloc(n ? n : 1, sizeof *bz->maps);
    bz->iters = calloc(n ? n : 1, sizeof *bz->iters);
    if (!bz->ops || !bz->maps || !bz->iters ||
        ptrmap_init(&bz->pos, n) != EO_OK)
        return EO_NOMEM;
    for (eo_op *o = eo_block_first(bz->body); o; o = eo_op_next(o)) {
        if ((st = check_op(o)) != EO_OK)
            return st;
        if (tl_op_kind(o) != TL_NUM_OPS && eo_op_num_results(o) &&
            (st = op_maps(o, &bz->maps[bz->nops], &bz->iters[bz->nops]))
                != EO_OK)
            return st;
        ptrmap_put(&bz->pos, o, bz->nops);
        bz->ops[bz->nops++] = o;
    }
    eo_op *ret = n ? bz->ops[n - 1] : NULL;
    if (!ret || !is_op_named(ret, "func.return"))
        return eo_op_error(bz->func, "cannot bufferize: the body does not "
                                     "end with func.return");
    /* Every tensor value: the arguments and the op results. */
    size_t nvals = eo_block_num_args(bz->body);
    for (size_t i = 0; i < n; i++)
        nvals += eo_op_num_results(bz->ops[i]);
    if (ptrmap_init(&bz->vidx, nvals) != EO_OK)
        return EO_NOMEM;
    for (size_t i = 0; i < eo_block_num_args(bz->body); i++) {
        eo_value *a = eo_block_arg(bz->body, i);
        if (is_tensor(eo_value_type(a)) && (st = info_add(bz, a)) != EO_OK)
            return st;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t r = 0; r < eo_op_num_results(bz->ops[i]); r++) {
            eo_value *v = eo_op_result(bz->ops[i], r);
            if (is_tensor(eo_value_type(v)) &&
                (st = info_add(bz, v)) != EO_OK)
                return st;
        }
    /* Last uses. */
    for (size_t i = 0; i < bz->ninfo; i++)
        bz->info[i].last = 0;
    for (size_t k = 0; k < bz->vidx.cap; k++) {
        const eo_value *v = bz->vidx.keys[k];
        if (!v)
            continue;
        vinfo *vi = &bz->info[bz->vidx.vals[k]];
        for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
            size_t p;
            if (top_pos(bz, eo_use_owner(u), &p) && p > vi->last)
                vi->last = p;
        }
    }
    /* Return slots written directly by the producing tl op; when that op
     * reads its out and its init is a tl result used only there, the
     * init's producer writes the out-param already, and so on up. */
    for (size_t j = 0; j < eo_op_num_operands(ret); j++) {
        eo_value *v = eo_op_operand(ret, j);
        eo_op *d = eo_value_def_op(v);
        /* A storage cast of a tl result used only there: the tl op. */
        while (d && is_storage_cast(d) &&
               eo_value_has_one_use(eo_op_operand(d, 0)) &&
               eo_value_has_one_use(v)) {
            v = eo_op_operand(d, 0);
            d = eo_value_def_op(v);
        }
        vinfo *vi = info_of(bz, v);
        if (vi && vi->ret_slot < 0 && d && is_op_named(d, "graph.concat")) {
            vi->ret_slot = (int)j;  /* the concat's buffer: the out-param */
            continue;
        }
        if (!vi || vi->ret_slot >= 0 || !d || tl_op_kind(d) == TL_NUM_OPS)
            continue;
        vi->ret_slot = (int)j;
        size_t p;
        while ((d = eo_value_def_op(v)) && tl_op_kind(d) != TL_NUM_OPS &&
               ptrmap_get(&bz->pos, d, &p) && bz->iters[p] &&
               reads_out(d, bz->iters[p], eo_value_index(v))) {
            eo_value *init = eo_tl_out(d, eo_value_index(v));
            vinfo *ii = info_of(bz, init);
            eo_op *dd = eo_value_def_op(init);
            if (!ii || ii->ret_slot >= 0 || !dd ||
                tl_op_kind(dd) == TL_NUM_OPS || !eo_op_num_results(dd) ||
                !eo_value_has_one_use(init))
                break;
            ii->ret_slot = (int)j;
            v = init;
        }
    }
    plan_slots(bz);
    plan_pads(bz);
    if ((st = rewrite_signature(bz)) != EO_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        eo_op *op = bz->ops[i];
        eo_builder b;
        eo_builder_init(&b, bz->ctx);
        eo_builder_set_before(&b, op);
        b.loc = eo_op_loc(op);
        if (is_op_named(op, "graph.constant"))
            st = bufferize_constant(bz, &b, op);
        else if (is_op_named(op, "func.return"))
            st = bufferize_return(bz, &b, op);
        else if (is_op_named(op, "graph.pad"))
            st = bufferize_pad(bz, &b, op);
        else if (is_op_named(op, "graph.reshape"))
            st = bufferize_reshape(bz, &b, op, i);
        else if (is_op_named(op, "graph.transpose"))
            st = bufferize_transpose(bz, &b, op);
        else if (is_op_named(op, "graph.concat"))
            st = bufferize_concat(bz, &b, op);
        else if (is_op_named(op, "graph.slice"))
            st = bufferize_slice(bz, &b, op);
        else if (is_op_named(op, "builtin.unrealized_conversion_cast"))
            st = bufferize_cast(bz, op, i);     /* checked by check_op */
        else if (is_op_named(op, "arith.constant") &&
                 is_tensor(eo_value_type(eo_op_result(op, 0))))
            st = bufferize_constant(bz, &b, op);
        else if (tl_op_kind(op) != TL_NUM_OPS)
            st = bufferize_tl(bz, &b, op, i);
        else
            continue;
        if (st != EO_OK)
            return st;
    }
    /* The original ops go, last first (each result's users are later). */
    for (size_t i = n; i-- > 0;) {
        eo_op *op = bz->ops[i];
        if (is_op_named(op, "arith.constant") &&
            !is_tensor(eo_value_type(eo_op_result(op, 0))))
            continue;
        if (tl_op_kind(op) != TL_NUM_OPS && eo_op_num_results(op) == 0)
            continue;
        if ((st = eo_op_erase(op)) != EO_OK)
            return st;
    }
    return insert_deallocs(bz);
}

static void
bufferizer_fini(bufferizer *bz)
{
    ptrmap_fini(&bz->pos);
    ptrmap_fini(&bz->vidx);
    free(bz->ops);
    free(bz->maps);
    free(bz->iters);
    free(bz->info);
    free(bz->outparams);
    free(bz->allocs);
}

/* Replaces each per-channel tl.requantize on tensors in 'body' by its
 * generic form (eo_tl_named_to_generic: the multipliers and shifts
 * become arith.constant tensors, bufferized as globals), which has no
 * form on memrefs. */
static eo_status
generalize_channel_requantize(eo_block *body)
{
    eo_op *next;
    for (eo_op *o = eo_block_first(body); o; o = next) {
        next = eo_op_next(o);
        const eo_attr *m = eo_op_attr(o, "multiplier");
        if (tl_op_kind(o) != TL_REQUANTIZE || eo_op_num_results(o) != 1 ||
            !m || eo_attr_get_kind(m) != EO_ATTR_DENSE_ARRAY ||
            eo_attr_dense_array_size(m) < 2)
            continue;
        eo_rewriter rw;
        eo_rewriter_init(&rw, eo_op_ctx(o), NULL, NULL);
        eo_builder_set_before(&rw.b, o);
        rw.b.loc = eo_op_loc(o);
        eo_op *g = eo_tl_named_to_generic(&rw, o);
        if (!g)
            return eo_op_error(o, "cannot bufferize: generalizing a "
                                  "per-channel tl.requantize failed");
        eo_value *r = eo_op_result(g, 0);
        eo_rewriter_replace_op(&rw, o, &r);
    }
    return EO_OK;
}

static eo_status
bufferize_func(eo_op *module, eo_op *f, const bufferize_options *o,
               bool *changed)
{
    eo_block *body = func_entry_block(f);
    if (!body || !has_tensors(f, body))
        return EO_OK;
    if (eo_region_num_blocks(eo_op_region(f, 0)) != 1)
        return eo_op_error(f, "cannot bufferize: more than one block");
    eo_status st = generalize_channel_requantize(body);
    if (st != EO_OK)
        return st;
    bufferizer bz;
    memset(&bz, 0, sizeof bz);
    bz.ctx = eo_op_ctx(f);
    bz.module = module;
    bz.func = f;
    bz.body = body;
    st = bufferize_body(&bz);
    if (st == EO_NOMEM)
        eo_op_error(f, "out of memory");
    if (st == EO_OK && o && o->report) {
        const eo_ident *sym = eo_symbol_name(bz.ctx, f);
        fprintf(stderr, "tl-bufferize @%s: allocs=%zu in-place=%zu "
                "copies=%zu fills=%zu\n",
                sym ? eo_ident_str(sym) : "?", bz.nallocs, bz.in_place,
                bz.copies, bz.fills);
        fflush(stderr);
    }
    *changed = true;
    bufferizer_fini(&bz);
    return st;
}

static eo_status
run_bufferize(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const bufferize_options *o = options;
    if (eo_op_num_regions(op) != 1 ||
        eo_region_num_blocks(eo_op_region(op, 0)) != 1)
        return eo_op_error(op, "tl-bufferize runs on a module with one "
                               "block");
    eo_block *mb = eo_region_first(eo_op_region(op, 0));
    bool changed = false;
    eo_status st = EO_OK;
    for (eo_op *f = eo_block_first(mb); f && st == EO_OK;) {
        eo_op *next = eo_op_next(f);
        if (is_op_named(f, "func.func"))
            st = bufferize_func(op, f, o, &changed);
        f = next;
    }
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_option bufferize_option_rows[] = {
    { .name = "report",
      .description = "Print allocs, in-place results, copies and fills of "
                     "each function to stderr",
      .kind = EO_OPT_BOOL, .offset = offsetof(bufferize_options, report),
      .default_value = "false" },
};

static const eo_pass_def bufferize_pass = {
    .name = "tl-bufferize",
    .description = "Bufferize tl ops on tensors: memref args, results as "
                   "out-params, weights as memref.global, in place where "
                   "the init dies",
    .anchor = "builtin.module",
    .options = bufferize_option_rows,
    .num_options = 1,
    .options_size = sizeof(bufferize_options),
    .run = run_bufferize,
};

const struct eo_pass_def *
eo_tl_bufferize_pass_def(void)
{
    return &bufferize_pass;
}

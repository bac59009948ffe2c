/* targets/npu/map.c - the npu-map pass (targets/npu_map.h): quantized
 * graph ops -> npu command stream, per layer on the unit a knob picks
 * among those the layer, its types and the target allow.
 *
 * Memory: the function's arguments (inputs, then one per result) are in
 * off-chip memory in the graph's logical layout; every other activation
 * gets an off-chip home, NHWC for rank-4 values (the engines' layout).
 * A layer on an engine copies its operands' tiles into SRAM with npu.dma,
 * runs one engine command per tile and copies the result tiles back;
 * tiles split the output channels and the output rows (input bands with
 * their halos, in the order of the dataflow knob), double buffering
 * alternates two SRAM buffers per operand so that the DMA of one tile
 * overlaps the computation of the other. Each layer ends with npu.wait,
 * after which its SRAM buffers are deallocated. Consecutive ops that run
 * on the host are one npu.cpu region (graph ops, NHWC homes transposed to
 * the logical layout at its boundary). See docs/npu-dialect.md,
 * "Mapping".
 */
#include "targets/npu_map.h"

#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/npu/npu.h"
#include "dialects/quant/quant.h"
#include "rewrite/rewrite.h"
#include "targets/targets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { U_CONV, U_IMC, U_EW, U_CPU, U_NUM };
static const char *const unit_names[U_NUM] = {
    "conv_engine", "imc", "ew", "cpu"
};

typedef struct map_opts {
    const char *target;
    bool report;
} map_opts;

/* Where a graph value lives. */
typedef struct vent {
    const eo_value *v;
    eo_value *buf;              /* its home */
    bool nhwc;                  /* home is the NHWC permutation (rank 4) */
    bool onchip;                /* home in SRAM, freed after its last use */
    bool freed;
} vent;

typedef struct mapper {
    eo_ctx *ctx;
    const eo_target *t;
    const eo_target_desc *d;
    const eo_knob_provider *kp;
    bool report;
    eo_op *module;
    eo_op *oldfn;
    eo_builder b;               /* in the new function's body */
    vent *v;
    size_t nv, capv;
    eo_value **toks;            /* tokens the current layer waits for */
    size_t ntoks, captoks;
    eo_value **sram;            /* SRAM buffers of the current layer */
    size_t nsram, capsram;
    int64_t sram_bytes;         /* capacity of the "sram" level */
    bool has_flash;
    unsigned gid;
    eo_op **group;              /* pending host ops */
    size_t ngroup, capgroup;
    eo_op **done;               /* graph ops mapped so far */
    size_t ndone, capdone;
    uint64_t xres;              /* crossbars holding resident weights */
    uint64_t xused;             /* crossbars programmed by other layers */
} mapper;

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static eo_status
grow(void **p, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return EO_OK;
    size_t nc = *cap ? *cap * 2 : 16;
    void *q = realloc(*p, nc * size);
    if (!q)
        return EO_NOMEM;
    *p = q;
    *cap = nc;
    return EO_OK;
}

static vent *
lookup(mapper *mp, const eo_value *v)
{
    for (size_t i = mp->nv; i-- > 0;)
        if (mp->v[i].v == v)
            return &mp->v[i];
    return NULL;
}

static eo_status
set_home(mapper *mp, const eo_value *v, eo_value *buf, bool nhwc)
{
    vent *e = lookup(mp, v);
    if (!e) {
        if (grow((void **)&mp->v, &mp->capv, mp->nv, sizeof *mp->v))
            return EO_NOMEM;
        e = &mp->v[mp->nv++];
        e->v = v;
    }
    e->buf = buf;
    e->nhwc = nhwc;
    e->onchip = e->freed = false;
    return EO_OK;
}

static eo_status
push_tok(mapper *mp, eo_value *t)
{
    if (grow((void **)&mp->toks, &mp->captoks, mp->ntoks, sizeof *mp->toks))
        return EO_NOMEM;
    mp->toks[mp->ntoks++] = t;
    return EO_OK;
}

static const eo_attr *
i64a(mapper *mp, int64_t v)
{
    return eo_attr_get_int(mp->ctx, eo_type_get_int(mp->ctx, 64), v);
}

static const eo_attr *
arr(mapper *mp, size_t n, const int64_t *v)
{
    return eo_attr_get_dense_array(mp->ctx, eo_type_get_int(mp->ctx, 64), n,
                                   v);
}

static const eo_attr *
str(mapper *mp, const char *s)
{
    return eo_attr_get_string(mp->ctx, s, strlen(s), NULL);
}

/* Attribute list under construction (NULL values: out of memory). */
typedef struct alist {
    eo_named_attr a[24];
    size_t n;
    bool oom;
} alist;

static void
add(mapper *mp, alist *l, const char *name, const eo_attr *v)
{
    if (l->n >= 24 || !v) {
        l->oom = true;
        return;
    }
    l->a[l->n].name = eo_ident_cstr(mp->ctx, name);
    l->a[l->n].value = v;
    l->oom |= !l->a[l->n].name;
    l->n++;
}

/* The storage element type of graph element type 'e' (quant: i8/i32). */
static const eo_type *
storage_of(const eo_type *e)
{
    return eo_type_is_quant(e) ? eo_quant_storage_type(e) : e;
}

/* Whether buffers may hold element type 'e': i8, i32 (every engine) or
 * f32 (host regions only: a float interface quantized and dequantized
 * on the host at the graph's boundaries). */
static bool
buffer_elem_ok(const eo_type *e)
{
    if (eo_type_is_float(e))
        return eo_type_float_width(e) == 32;
    return eo_type_is_int(e) && (eo_type_int_width(e) == 8
                                 || eo_type_int_width(e) == 32);
}

/* memref of 'shape' and element 'elem' in memory space 'space' (NULL:
 * off-chip). */
static const eo_type *
memref(mapper *mp, size_t rank, const int64_t *shape, const eo_type *elem,
       const char *space)
{
    const eo_attr *ms = space ? str(mp, space) : NULL;
    if (space && !ms)
        return NULL;
    return eo_type_get_memref(mp->ctx, rank, shape, elem, NULL, ms);
}

static void
shape_of(const eo_type *t, int64_t *s)
{
    for (size_t i = 0; i < eo_type_rank(t); i++)
        s[i] = eo_type_dim(t, i);
}

/* NCHW -> NHWC dims. */
static void
to_nhwc(const int64_t *s, int64_t *o)
{
    o[0] = s[0];
    o[1] = s[2];
    o[2] = s[3];
    o[3] = s[1];
}

static eo_op *
mk(mapper *mp, const eo_loc *loc, const char *name, size_t nops,
   eo_value *const *ops, size_t nres, const eo_type *const *res,
   const alist *l)
{
    if (l && l->oom)
        return NULL;
    mp->b.loc = loc;
    return eo_builder_create(&mp->b, name, nops, ops, nres, res,
                             l ? l->n : 0, l ? l->a : NULL);
}

/* A new buffer (memref.alloc); SRAM ones are freed after the layer. */
static eo_value *
alloc(mapper *mp, const eo_loc *loc, size_t rank, const int64_t *shape,
      const eo_type *elem, bool sram)
{
    const eo_type *t = memref(mp, rank, shape, elem, sram ? "sram" : NULL);
    eo_op *op = t ? mk(mp, loc, "memref.alloc", 0, NULL, 1, &t, NULL)
                  : NULL;
    if (!op)
        return NULL;
    if (sram) {
        if (grow((void **)&mp->sram, &mp->capsram, mp->nsram,
                 sizeof *mp->sram))
            return NULL;
        mp->sram[mp->nsram++] = eo_op_result(op, 0);
    }
    return eo_op_result(op, 0);
}

/* An npu command: buffers, then the non-NULL tokens of deps[0..nd). */
static eo_value *
cmd(mapper *mp, const eo_loc *loc, const char *name, size_t nb,
    eo_value *const *bufs, size_t nd, eo_value *const *deps, alist *l)
{
    eo_value *ops[16];
    size_t n = 0;
    for (size_t i = 0; i < nb && n < 16; i++)
        ops[n++] = bufs[i];
    for (size_t i = 0; i < nd && n < 16; i++)
        if (deps[i])
            ops[n++] = deps[i];
    const eo_type *tok = eo_npu_token_type(mp->ctx);
    eo_op *op = tok ? mk(mp, loc, name, n, ops, 1, &tok, l) : NULL;
    return op ? eo_op_result(op, 0) : NULL;
}

/* npu.dma of a box; offsets NULL: zeros. */
static eo_value *
dma(mapper *mp, const eo_loc *loc, const char *site, eo_value *src,
    eo_value *dst, size_t rank, const int64_t *sizes, const int64_t *soff,
    const int64_t *doff, size_t nd, eo_value *const *deps)
{
    alist l = { .n = 0 };
    add(mp, &l, "name", str(mp, site));
    if (sizes)
        add(mp, &l, "sizes", arr(mp, rank, sizes));
    if (soff)
        add(mp, &l, "src_offsets", arr(mp, rank, soff));
    if (doff)
        add(mp, &l, "dst_offsets", arr(mp, rank, doff));
    eo_value *b[2] = { src, dst };
    return cmd(mp, loc, "npu.dma", 2, b, nd, deps, &l);
}

/* Ends a layer: npu.wait on its tokens, then its SRAM is freed. */
static eo_status
end_layer(mapper *mp, const eo_loc *loc)
{
    if (mp->ntoks) {
        mp->b.loc = loc;
        if (!eo_builder_create(&mp->b, "npu.wait", mp->ntoks, mp->toks, 0,
                               NULL, 0, NULL))
            return EO_NOMEM;
    }
    for (size_t i = 0; i < mp->nsram; i++)
        if (!mk(mp, loc, "memref.dealloc", 1, &mp->sram[i], 0, NULL, NULL))
            return EO_NOMEM;
    mp->ntoks = 0;
    mp->nsram = 0;
    for (size_t i = 0; i < mp->nv; i++) {
        vent *e = &mp->v[i];
        if (!e->onchip || e->freed)
            continue;
        bool live = false;
        for (eo_use *u = eo_value_first_use(e->v); u && !live;
             u = eo_use_next(u)) {
            bool d = false;
            for (size_t j = 0; j < mp->ndone && !d; j++)
                d = mp->done[j] == eo_use_owner(u);
            live = !d;
        }
        if (live)
            continue;
        e->freed = true;
        if (!mk(mp, loc, "memref.dealloc", 1, &e->buf, 0, NULL, NULL))
            return EO_NOMEM;
    }
    return EO_OK;
}

static eo_status
mark_done(mapper *mp, eo_op *op)
{
    if (grow((void **)&mp->done, &mp->capdone, mp->ndone, sizeof *mp->done))
        return EO_NOMEM;
    mp->done[mp->ndone++] = op;
    return EO_OK;
}

/* A global holding 'data' (of IR type 'ttype', a tensor of storage
 * elements), read with memref.get_global; NULL after a diagnostic. */
static eo_value *
global(mapper *mp, eo_op *site, const eo_tensor *data, const eo_type *ttype)
{
    const eo_attr *init = eo_tensor_to_attr(mp->ctx, data, ttype);
    int64_t shape[8];
    size_t rank = eo_type_rank(ttype);
    shape_of(ttype, shape);
    const eo_type *mt = memref(mp, rank, shape, eo_type_elem(ttype),
                               mp->has_flash ? "flash" : NULL);
    char name[48];
    snprintf(name, sizeof name, "__npu_const_%u", mp->gid++);
    const eo_attr *sym = str(mp, name);
    alist l = { .n = 0 };
    add(mp, &l, "sym_name", sym);
    add(mp, &l, "sym_visibility", str(mp, "private"));
    add(mp, &l, "constant", eo_attr_get_unit(mp->ctx));
    add(mp, &l, "type", mt ? eo_attr_get_type(mp->ctx, mt) : NULL);
    add(mp, &l, "initial_value", init);
    if (!init || !mt || l.oom) {
        eo_op_error(site, "npu-map: out of memory");
        return NULL;
    }
    eo_builder gb;
    eo_builder_init(&gb, mp->ctx);
    eo_builder_set_before(&gb, mp->oldfn);
    gb.loc = eo_op_loc(site);
    if (!eo_builder_create(&gb, "memref.global", 0, NULL, 0, NULL, l.n, l.a))
        return NULL;
    alist r = { .n = 0 };
    add(mp, &r, "name", eo_attr_get_symbol_ref(
                            mp->ctx, eo_ident_cstr(mp->ctx, name), 0, NULL));
    eo_op *g = mk(mp, eo_op_loc(site), "memref.get_global", 0, NULL, 1, &mt,
                  &r);
    return g ? eo_op_result(g, 0) : NULL;
}

/* The constant tensor defining 'v' (borrowed or owned: free with
 * eo_tensor_free), or EO_ERROR if 'v' is not a graph.constant. */
static eo_status
const_of(mapper *mp, const eo_value *v, eo_tensor *out)
{
    eo_op *d = eo_value_def_op(v);
    if (!d || eo_graph_op_kind(d) != GRAPH_CONSTANT)
        return EO_ERROR;
    const eo_attr *a = eo_op_attr(d, "value");
    return a ? eo_tensor_from_attr(mp->ctx, eo_op_loc(d), a, out) : EO_ERROR;
}

static bool
is_const(const eo_value *v)
{
    eo_op *d = eo_value_def_op(v);
    return d && eo_graph_op_kind(d) == GRAPH_CONSTANT;
}

/* Bytes of buffer 'b' (i8, or 4-byte i32 / f32 elements). */
static int64_t
buf_bytes(const eo_value *b)
{
    const eo_type *t = eo_value_type(b);
    const eo_type *e = eo_type_elem(t);
    int64_t n = eo_type_num_elements(t);
    return n * (eo_type_is_int(e) && eo_type_int_width(e) == 8 ? 1 : 4);
}

/* SRAM a layer may use now: the level's size less the activations kept
 * on chip (home = sram) and not freed yet. */
static int64_t
avail(const mapper *mp)
{
    int64_t live = 0;
    for (size_t i = 0; i < mp->nv; i++)
        if (mp->v[i].onchip && !mp->v[i].freed)
            live += buf_bytes(mp->v[i].buf);
    return mp->sram_bytes - live;
}

/* ------------------------------------------------------------------ */
/* Legality                                                            */
/* ------------------------------------------------------------------ */

typedef enum lkind { L_OTHER, L_CONV, L_FC, L_POOL, L_ADD } lkind;

/* One layer, analysed. */
typedef struct layer {
    eo_op *op;
    lkind kind;
    eo_graph_conv cp;           /* L_CONV, L_POOL */
    eo_npu_conv_kind ck;        /* L_CONV, L_FC */
    int64_t m, k, n;            /* L_FC */
    bool trans_b;
    eo_quant_params qx, qw, qy;   /* L_ADD: qw is operand b's */
    bool ok[U_NUM];
    char why[U_NUM][160];
    /* IMC: the matrix [K, N] in column blocks of 'nb' outputs, each
     * stacked along K over 'g' crossbars. */
    int64_t ik, in_, nb, g;
} layer;

static bool
is_i8(const eo_quant_params *q)
{
    return q->is_signed && q->storage_bits == 8;
}

static bool
qparams(const eo_value *v, eo_quant_params *q)
{
    return eo_quant_get_params(eo_type_elem_or_self(eo_value_type(v)), q);
}

static int64_t
quantize_bound(float f, double scale, int64_t zp, int64_t lo, int64_t hi)
{
    float r = roundf(f / (float)scale);
    if (isnan(r))
        return zp;
    double v = (double)r + (double)zp;
    return v <= (double)lo ? lo : v >= (double)hi ? hi : (int64_t)v;
}

/* The clamp of the fused activation in the output's quantization (as
 * the graph interpreter and TFLite); false if not relu/relu6/clip/none. */
static bool
act_bounds(const eo_op *op, const eo_quant_params *qy, int64_t *lo,
           int64_t *hi)
{
    eo_graph_activation a = eo_graph_op_activation(op);
    double s = qy->scales[0];
    int64_t zp = qy->zero_points[0];
    *lo = qy->storage_min;
    *hi = qy->storage_max;
    switch (a.kind) {
    case EO_ACT_NONE:
        return true;
    case EO_ACT_RELU:
        *lo = quantize_bound(0.0f, s, zp, *lo, *hi);
        return true;
    case EO_ACT_RELU6:
        *lo = quantize_bound(0.0f, s, zp, *lo, *hi);
        *hi = quantize_bound(6.0f, s, zp, *lo, *hi);
        return true;
    case EO_ACT_CLIP:
        *lo = quantize_bound(a.min, s, zp, *lo, *hi);
        *hi = quantize_bound(a.max, s, zp, *lo, *hi);
        return true;
    default:
        return false;
    }
}

static const eo_conv_engine_desc *
engine_for(const eo_target_desc *d, eo_conv_op k)
{
    for (size_t i = 0; i < d->num_conv_engines; i++)
        if ((d->conv_engines[i].ops & (1u << k))
            && (d->conv_engines[i].dtypes & (1u << EO_TDT_INT8)))
            return &d->conv_engines[i];
    return NULL;
}

static const eo_ew_unit_desc *
ew_for(const eo_target_desc *d, eo_ew_op k)
{
    for (size_t i = 0; i < d->num_ew_units; i++)
        if ((d->ew_units[i].ops & (1u << k))
            && (d->ew_units[i].dtypes & (1u << EO_TDT_INT8)))
            return &d->ew_units[i];
    return NULL;
}

static void
exclude(layer *L, int u, const char *why)
{
    L->ok[u] = false;
    snprintf(L->why[u], sizeof L->why[u], "%s", why);
}

/* Integer quantization every engine needs: int8 x and y per tensor, int8
 * weights per tensor or per output channel (axis 'waxis'), a fused
 * activation the output stage clamps. NULL when fine, else why not. */
static const char *
engine_types(layer *L, int waxis, bool weights)
{
    eo_op *op = L->op;
    if (!qparams(eo_op_operand(op, 0), &L->qx)
        || !qparams(eo_op_result(op, 0), &L->qy))
        return "not a quantized layer (float or raw integer types)";
    if (!is_i8(&L->qx) || !is_i8(&L->qy))
        return "input or output is not int8";
    if (L->qx.axis >= 0 || L->qy.axis >= 0)
        return "per-axis quantized input or output";
    if (weights) {
        if (!qparams(eo_op_operand(op, 1), &L->qw) || !is_i8(&L->qw))
            return "weights are not int8";
        if (L->qw.axis >= 0 && L->qw.axis != waxis)
            return "weights quantized along another axis than the "
                   "outputs'";
        if (!is_const(eo_op_operand(op, 1))
            || (eo_op_num_operands(op) > 2
                && !is_const(eo_op_operand(op, 2))))
            return "weights or bias are not constants";
        if (eo_op_num_operands(op) > 2) {
            const eo_type *be =
                eo_type_elem_or_self(eo_value_type(eo_op_operand(op, 2)));
            const eo_type *bs = storage_of(be);
            if (!eo_type_is_int(bs) || eo_type_int_width(bs) != 32)
                return "bias is not int32";
        }
    }
    int64_t lo, hi;
    if (!act_bounds(op, &L->qy, &lo, &hi))
        return "fused activation other than relu, relu6 or clip";
    return NULL;
}

/* The number of bits set in 'x' (crossbar sets). */
static int64_t
popcount64(uint64_t x)
{
    int64_t n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Rows M of the input matrix [M, K] of L on the crossbars. */
static int64_t
imc_rows(const layer *L)
{
    return L->kind == L_FC ? L->m : L->cp.n * L->cp.h * L->cp.w;
}

/* SRAM bytes of L on the crossbars in bands of 'mb' rows of M: whole
 * (one band), the input [M, K], every column block's output and bias
 * slice (freed with the layer); in bands, one input band, one output
 * band of a column block and one bias slice, reused. */
static int64_t
imc_sram(const layer *L, int64_t mb)
{
    if (mb >= imc_rows(L))
        return mb * L->ik + mb * L->in_ + 4 * L->in_;
    return mb * L->ik + mb * L->nb + 4 * L->nb;
}

/* The band domain on the crossbars: divisors of M whose buffers fit the
 * SRAM left, largest first. */
static size_t
imc_rows_domain(mapper *mp, const layer *L, int64_t *vals, size_t cap)
{
    size_t n = 0;
    int64_t M = imc_rows(L);
    for (int64_t r = M; r >= 1 && n < cap; r--)
        if (M % r == 0 && imc_sram(L, r) <= avail(mp))
            vals[n++] = r;
    return n;
}

/* Whether the [K, N] matrix of L fits the crossbars: a column block of
 * at most columns / weight_bits outputs (the largest dividing N), K
 * stacked over at most all crossbars. */
static void
imc_legal(mapper *mp, layer *L, int64_t k, int64_t n)
{
    const eo_target_desc *d = mp->d;
    L->ok[U_IMC] = false;
    if (!d->has_imc) {
        exclude(L, U_IMC, "the target has no IMC crossbars");
        return;
    }
    if (!(d->imc.dtypes & (1u << EO_TDT_INT8))) {
        exclude(L, U_IMC, "the crossbars do not run int8");
        return;
    }
    int64_t cols = d->imc.columns / 8;
    if (cols > 64)
        cols = 64;              /* per-block attribute arrays */
    L->ik = k;
    L->in_ = n;
    L->g = (k + d->imc.rows - 1) / d->imc.rows;
    L->nb = 0;
    for (int64_t b = cols < n ? cols : n; b >= 1 && !L->nb; b--)
        if (n % b == 0)
            L->nb = b;
    char buf[160];
    if (L->g > d->imc.crossbars || L->g > 64 || !L->nb) {
        snprintf(buf, sizeof buf, "K = %lld needs %lld crossbars of %lld "
                 "rows, the target has %lld", (long long)k, (long long)L->g,
                 (long long)d->imc.rows, (long long)d->imc.crossbars);
        exclude(L, U_IMC, buf);
        return;
    }
    int64_t pool = d->imc.crossbars - popcount64(mp->xres);
    if (L->g > pool) {
        snprintf(buf, sizeof buf, "K = %lld needs %lld crossbars, %lld are "
                 "not holding resident weights", (long long)k,
                 (long long)L->g, (long long)pool);
        exclude(L, U_IMC, buf);
        return;
    }
    L->ok[U_IMC] = true;
    L->why[U_IMC][0] = '\0';
}

static bool add_fits(mapper *mp, const layer *L);

static void
analyse(mapper *mp, eo_op *op, layer *L)
{
    memset(L, 0, sizeof *L);
    L->op = op;
    for (int u = 0; u < U_NUM; u++)
        L->ok[u] = true;
    exclude(L, U_IMC, "no crossbar runs this operation");
    int k = eo_graph_op_kind(op);
    const eo_target_desc *d = mp->d;
    if (k == GRAPH_CONV2D) {
        L->kind = L_CONV;
        exclude(L, U_EW, "a convolution is not an elementwise operation");
        const char *why = NULL;
        if (eo_graph_conv_params(op, &L->cp) != EO_OK)
            why = "unsupported convolution attributes";
        else if (L->cp.nhwc)
            why = "an NHWC-layout graph convolution";
        else if (L->cp.groups == 1)
            L->ck = L->cp.kh == 1 && L->cp.kw == 1 ? EO_NPU_POINTWISE
                                                   : EO_NPU_CONV2D;
        else if (L->cp.groups == L->cp.c && L->cp.o % L->cp.c == 0)
            L->ck = EO_NPU_DEPTHWISE;
        else
            why = "a grouped convolution that is not depthwise";
        if (L->ck == EO_NPU_POINTWISE && (L->cp.pad[0] | L->cp.pad[1]
                                          | L->cp.pad[2] | L->cp.pad[3]))
            L->ck = EO_NPU_CONV2D;
        if (!why)
            why = engine_types(L, 0, true);
        if (!why && L->ck == EO_NPU_POINTWISE && L->cp.stride[0] == 1
            && L->cp.stride[1] == 1)
            imc_legal(mp, L, L->cp.c, L->cp.o);
        else
            exclude(L, U_IMC, why ? why : L->ck == EO_NPU_POINTWISE
                    ? "a strided pointwise convolution (no im2col)"
                    : "only 1x1 convolutions and matrix products map onto "
                      "crossbars (no im2col)");
        static const eo_conv_op tk[] = {
            EO_CONV_CONV2D, EO_CONV_DEPTHWISE, EO_CONV_POINTWISE,
            EO_CONV_FULLY_CONNECTED
        };
        char buf[160];
        if (!why && !engine_for(d, tk[L->ck])) {
            snprintf(buf, sizeof buf, "the target has no convolution engine "
                     "running int8 %s", eo_npu_conv_kind_name(L->ck));
            why = buf;
        }
        if (why)
            exclude(L, U_CONV, why);
    } else if (k == GRAPH_GEMM) {
        L->kind = L_FC;
        L->ck = EO_NPU_FULLY_CONNECTED;
        exclude(L, U_EW, "a matrix product is not an elementwise operation");
        const eo_type *at = eo_value_type(eo_op_operand(op, 0));
        const eo_type *bt = eo_value_type(eo_op_operand(op, 1));
        const char *why = NULL;
        L->trans_b = eo_graph_attr_bool(op, "trans_b", false);
        if (eo_graph_attr_bool(op, "trans_a", false))
            why = "trans_a";
        else if (eo_graph_attr_float(op, "alpha", 1.0) != 1.0
                 || eo_graph_attr_float(op, "beta", 1.0) != 1.0)
            why = "alpha or beta other than 1";
        else if (eo_type_rank(at) != 2 || eo_type_rank(bt) != 2)
            why = "operands are not 2-D";
        else if (eo_op_num_operands(op) > 2
                 && (eo_type_rank(eo_value_type(eo_op_operand(op, 2))) != 1))
            why = "bias is not a vector over N";
        if (!why) {
            L->m = eo_type_dim(at, 0);
            L->k = eo_type_dim(at, 1);
            L->n = eo_type_dim(bt, L->trans_b ? 0 : 1);
            why = engine_types(L, L->trans_b ? 0 : 1, true);
        }
        if (!why)
            imc_legal(mp, L, L->k, L->n);
        else
            exclude(L, U_IMC, why);
        if (!why && !engine_for(d, EO_CONV_FULLY_CONNECTED))
            why = "the target has no convolution engine running int8 "
                  "fully_connected";
        if (why)
            exclude(L, U_CONV, why);
    } else if (k == GRAPH_AVG_POOL || k == GRAPH_MAX_POOL
               || k == GRAPH_GLOBAL_AVG_POOL) {
        L->kind = L_POOL;
        exclude(L, U_CONV, "a pool runs on an elementwise / pooling unit");
        const char *why = NULL;
        if (eo_graph_conv_params(op, &L->cp) != EO_OK)
            why = "unsupported pool attributes";
        else if (L->cp.nhwc || L->cp.ceil_mode)
            why = "an NHWC-layout or ceil_mode pool";
        else if (!qparams(eo_op_operand(op, 0), &L->qx)
                 || !qparams(eo_op_result(op, 0), &L->qy))
            why = "not a quantized pool";
        else if (!is_i8(&L->qx) || !is_i8(&L->qy) || L->qx.axis >= 0
                 || L->qy.axis >= 0
                 || L->qx.scales[0] != L->qy.scales[0]
                 || L->qx.zero_points[0] != L->qy.zero_points[0])
            why = "not int8 with the same quantization in and out";
        else if (!ew_for(d, k == GRAPH_MAX_POOL ? EO_EW_MAXPOOL
                                                : EO_EW_AVGPOOL))
            why = "the target has no int8 pooling unit for it";
        if (why)
            exclude(L, U_EW, why);
    } else if (k == GRAPH_ADD || k == GRAPH_MUL) {
        /* add and mul: the same banded elementwise layer (emit_add). */
        bool mul = k == GRAPH_MUL;
        L->kind = L_ADD;
        exclude(L, U_CONV, mul ? "a product runs on an elementwise unit"
                               : "an addition runs on an elementwise unit");
        exclude(L, U_IMC, mul ? "a product runs on an elementwise unit"
                              : "an addition runs on an elementwise unit");
        const eo_type *at = eo_value_type(eo_op_operand(op, 0));
        const eo_type *bt = eo_value_type(eo_op_operand(op, 1));
        const eo_type *yt = eo_value_type(eo_op_result(op, 0));
        int64_t lo, hi;
        const char *why = NULL;
        if (!qparams(eo_op_operand(op, 0), &L->qx)
            || !qparams(eo_op_operand(op, 1), &L->qw)
            || !qparams(eo_op_result(op, 0), &L->qy))
            why = mul ? "not a quantized product"
                      : "not a quantized addition";
        else if (!is_i8(&L->qx) || !is_i8(&L->qw) || !is_i8(&L->qy)
                 || L->qx.axis >= 0 || L->qw.axis >= 0 || L->qy.axis >= 0)
            why = "operands or result not int8 per tensor";
        else if (is_const(eo_op_operand(op, 0))
                 || is_const(eo_op_operand(op, 1)))
            why = "a constant operand";
        else if (eo_type_num_elements(at) != eo_type_num_elements(yt)
                 || eo_type_num_elements(bt) != eo_type_num_elements(yt)
                 || eo_type_rank(at) != eo_type_rank(yt)
                 || eo_type_rank(bt) != eo_type_rank(yt))
            why = mul ? "broadcasting operands (the unit multiplies "
                        "equal shapes)"
                      : "broadcasting operands (the unit adds equal shapes)";
        else if (!act_bounds(op, &L->qy, &lo, &hi))
            why = "fused activation other than relu, relu6 or clip";
        else if (!ew_for(d, mul ? EO_EW_MUL : EO_EW_ADD))
            why = mul ? "the target has no int8 elementwise unit "
                        "multiplying"
                      : "the target has no int8 elementwise unit adding";
        else if (!add_fits(mp, L))
            why = "one row of its operands and result does not fit the "
                  "SRAM";
        if (why)
            exclude(L, U_EW, why);
    } else {
        exclude(L, U_CONV, "no engine runs this operation");
        exclude(L, U_EW, "no engine runs this operation");
    }
    if (!d->has_imc && L->kind != L_OTHER)
        exclude(L, U_IMC, "the target has no IMC crossbars");
}

/* ------------------------------------------------------------------ */
/* Host regions                                                        */
/* ------------------------------------------------------------------ */

static const eo_type *
tensor_of_buf(mapper *mp, const eo_value *buf, const eo_type *elem)
{
    const eo_type *bt = eo_value_type(buf);
    int64_t s[8];
    shape_of(bt, s);
    return eo_type_get_tensor(mp->ctx, eo_type_rank(bt), s, elem, NULL);
}

static eo_op *
transpose(mapper *mp, eo_builder *b, eo_value *x, const int64_t *perm)
{
    const eo_type *xt = eo_value_type(x);
    int64_t s[4], o[4];
    shape_of(xt, s);
    for (int i = 0; i < 4; i++)
        o[i] = s[perm[i]];
    const eo_type *rt = eo_type_get_tensor(mp->ctx, 4, o,
                                           eo_type_elem(xt), NULL);
    eo_named_attr a = { eo_ident_cstr(mp->ctx, "perm"), arr(mp, 4, perm) };
    if (!rt || !a.name || !a.value)
        return NULL;
    return eo_builder_create(b, "graph.transpose", 1, &x, 1, &rt, 1, &a);
}

static bool
in_group(mapper *mp, const eo_op *op)
{
    for (size_t i = 0; i < mp->ngroup; i++)
        if (mp->group[i] == op)
            return true;
    return false;
}

static eo_value *new_home(mapper *mp, const eo_loc *loc, const eo_value *v,
                          bool logical);

/* The home of engine layer op's result: the preassigned one, else a new
 * one, in SRAM when knob "home.<site>" says so (sram: the next layers
 * read it on chip; freed after its last use). */
static eo_value *
result_home(mapper *mp, eo_op *op, bool onchip)
{
    eo_value *v = eo_op_result(op, 0);
    vent *e = lookup(mp, v);
    if (e)
        return e->buf;
    const eo_type *t = eo_value_type(v);
    int64_t s[8], p[8];
    size_t r = eo_type_rank(t);
    shape_of(t, s);
    if (!onchip)
        return new_home(mp, eo_op_loc(op), v, false);
    if (r == 4) {
        to_nhwc(s, p);
        memcpy(s, p, sizeof p[0] * 4);
    }
    const eo_type *mt = memref(mp, r, s, storage_of(eo_type_elem(t)),
                               "sram");
    eo_op *a = mt ? mk(mp, eo_op_loc(op), "memref.alloc", 0, NULL, 1, &mt,
                       NULL)
                  : NULL;
    if (!a || set_home(mp, v, eo_op_result(a, 0), r == 4) != EO_OK)
        return NULL;
    lookup(mp, v)->onchip = true;
    return eo_op_result(a, 0);
}

/* Whether buffer 'b' is in on-chip memory (a memory space is set). */
static bool
is_onchip(const eo_value *b)
{
    return eo_type_memspace(eo_value_type(b)) != NULL;
}

/* A new home for 'v' (off-chip; NHWC when rank 4 unless 'logical'). */
static eo_value *
new_home(mapper *mp, const eo_loc *loc, const eo_value *v, bool logical)
{
    const eo_type *t = eo_value_type(v);
    int64_t s[8], p[8];
    size_t r = eo_type_rank(t);
    shape_of(t, s);
    if (r == 4 && !logical) {
        to_nhwc(s, p);
        memcpy(s, p, sizeof p[0] * 4);
    }
    eo_value *h = alloc(mp, loc, r, s, storage_of(eo_type_elem(t)), false);
    if (h && set_home(mp, v, h, r == 4 && !logical) != EO_OK)
        return NULL;
    return h;
}

/* Runs the pending host ops as one npu.cpu region. */
static eo_status
flush_group(mapper *mp)
{
    if (!mp->ngroup)
        return EO_OK;
    eo_op *first = mp->group[0];
    const eo_loc *loc = eo_op_loc(first);
    eo_value *ins[64], *outs[64];
    const eo_value *inv[64], *outv[64];
    size_t nin = 0, nout = 0;
    for (size_t g = 0; g < mp->ngroup; g++) {
        eo_op *op = mp->group[g];
        for (size_t i = 0; i < eo_op_num_operands(op); i++) {
            eo_value *v = eo_op_operand(op, i);
            eo_op *d = eo_value_def_op(v);
            if ((d && (in_group(mp, d) || eo_graph_op_kind(d)
                                             == GRAPH_CONSTANT)))
                continue;
            bool seen = false;
            for (size_t j = 0; j < nin; j++)
                seen |= inv[j] == v;
            if (seen)
                continue;
            vent *e = lookup(mp, v);
            if (!e)
                return eo_op_error(op, "npu-map: operand #%zu has no buffer "
                                   "(unsupported producer)", i);
            if (nin >= 64)
                return eo_op_error(op, "npu-map: unsupported: more than 64 "
                                   "inputs to a host region");
            inv[nin] = v;
            ins[nin++] = e->buf;
        }
        for (size_t r = 0; r < eo_op_num_results(op); r++) {
            eo_value *v = eo_op_result(op, r);
            bool outside = false;
            for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u))
                outside |= !in_group(mp, eo_use_owner(u));
            if (!outside)
                continue;
            if (nout >= 64)
                return eo_op_error(op, "npu-map: unsupported: more than 64 "
                                   "results of a host region");
            const eo_type *ve = storage_of(eo_type_elem(eo_value_type(v)));
            if (!buffer_elem_ok(ve))
                return eo_op_error(op, "npu-map: unsupported: a result "
                                   "of a host region that is not int8, "
                                   "int32 or f32");
            vent *e = lookup(mp, v);  /* preassigned: a function result */
            eo_value *h = e ? e->buf : new_home(mp, loc, v, false);
            if (!h)
                return EO_NOMEM;
            outv[nout] = v;
            outs[nout++] = h;
        }
    }
    eo_value *bufs[128];
    for (size_t i = 0; i < nin; i++)
        bufs[i] = ins[i];
    for (size_t i = 0; i < nout; i++)
        bufs[nin + i] = outs[i];
    eo_strbuf site = { 0 };
    eo_op_site_key(first, &site);
    alist l = { .n = 0 };
    add(mp, &l, "num_ins", i64a(mp, (int64_t)nin));
    add(mp, &l, "name", site.data ? str(mp, site.data) : NULL);
    eo_strbuf_free(&site);
    const eo_type *tok = eo_npu_token_type(mp->ctx);
    if (!tok || l.oom)
        return EO_NOMEM;
    eo_op_state st;
    eo_op_state_init(&st, mp->ctx, "npu.cpu", loc);
    eo_status s = eo_op_state_add_operands(&st, nin + nout, bufs);
    s = s ? s : eo_op_state_add_result(&st, tok);
    for (size_t i = 0; s == EO_OK && i < l.n; i++)
        s = eo_op_state_set_attr(&st, eo_ident_str(l.a[i].name),
                                 l.a[i].value);
    eo_region *reg = s == EO_OK ? eo_op_state_add_region(&st) : NULL;
    eo_block *blk = reg ? eo_block_create(mp->ctx) : NULL;
    if (!blk) {
        eo_op_state_release(&st);
        return EO_NOMEM;
    }
    eo_region_append(reg, blk);
    eo_irmap *map = eo_irmap_create(mp->ctx);
    eo_builder rb;
    eo_builder_init(&rb, mp->ctx);
    eo_builder_set_end(&rb, blk);
    rb.loc = loc;
    static const int64_t to_nchw[4] = { 0, 3, 1, 2 };
    static const int64_t to_nhwc_p[4] = { 0, 2, 3, 1 };
    s = map ? EO_OK : EO_NOMEM;
    for (size_t i = 0; s == EO_OK && i < nin; i++) {
        const eo_type *elem = eo_type_elem(eo_value_type(inv[i]));
        const eo_type *at = tensor_of_buf(mp, ins[i], elem);
        eo_value *a = at ? eo_block_add_arg(blk, at, loc) : NULL;
        vent *e = lookup(mp, inv[i]);
        if (a && e->nhwc) {
            eo_op *tr = transpose(mp, &rb, a, to_nchw);
            a = tr ? eo_op_result(tr, 0) : NULL;
        }
        s = a ? eo_irmap_map_value(map, inv[i], a) : EO_NOMEM;
    }
    for (size_t g = 0; s == EO_OK && g < mp->ngroup; g++) {
        eo_op *op = mp->group[g];
        for (size_t i = 0; s == EO_OK && i < eo_op_num_operands(op); i++) {
            eo_value *v = eo_op_operand(op, i);
            eo_op *d = eo_value_def_op(v);
            if (!d || eo_graph_op_kind(d) != GRAPH_CONSTANT
                || eo_irmap_lookup_value(map, v))
                continue;
            eo_op *c = eo_op_clone(d, map);
            if (!c)
                s = EO_NOMEM;
            else
                eo_block_append(blk, c);
        }
        eo_op *c = s == EO_OK ? eo_op_clone(op, map) : NULL;
        if (!c)
            s = EO_NOMEM;
        else
            eo_block_append(blk, c);
    }
    eo_value *ys[64];
    for (size_t i = 0; s == EO_OK && i < nout; i++) {
        eo_value *y = eo_irmap_lookup_value(map, outv[i]);
        vent *e = lookup(mp, outv[i]);
        if (y && e->nhwc) {
            eo_op *tr = transpose(mp, &rb, y, to_nhwc_p);
            y = tr ? eo_op_result(tr, 0) : NULL;
        }
        ys[i] = y;
        s = y ? EO_OK : EO_NOMEM;
    }
    if (s == EO_OK && !eo_builder_create(&rb, "npu.yield", nout, ys, 0, NULL,
                                         0, NULL))
        s = EO_NOMEM;
    eo_irmap_destroy(map);
    if (s != EO_OK) {
        eo_op_state_release(&st);
        return s;
    }
    eo_op *cpu = eo_builder_insert(&mp->b, &st);
    if (!cpu)
        return EO_NOMEM;
    for (size_t g = 0; g < mp->ngroup; g++)
        if (mark_done(mp, mp->group[g]) != EO_OK)
            return EO_NOMEM;
    mp->ngroup = 0;
    if (push_tok(mp, eo_op_result(cpu, 0)) != EO_OK)
        return EO_NOMEM;
    return end_layer(mp, loc);
}

/* The home of operand 'v' of 'user'; NULL after a diagnostic (a
 * constant activation operand has none). */
static eo_value *
home_of(mapper *mp, eo_op *user, const eo_value *v)
{
    vent *e = lookup(mp, v);
    if (!e)
        eo_op_error(user, "npu-map: unsupported: an activation operand "
                    "that is a constant");
    return e ? e->buf : NULL;
}

/* 'v' in NHWC for an engine: its home, or an NHWC copy of a logical
 * rank-4 home (a host transpose). */
static eo_value *
nhwc_home(mapper *mp, eo_op *user, eo_value *v)
{
    vent *e = lookup(mp, v);
    if (!e) {
        eo_op_error(user, "npu-map: an operand without a buffer");
        return NULL;
    }
    if (e->nhwc || eo_type_rank(eo_value_type(v)) != 4)
        return e->buf;
    /* A host region copying the logical home into an NHWC one. */
    eo_value *old = e->buf;
    const eo_loc *loc = eo_op_loc(user);
    int64_t sh4[4], p[4];
    shape_of(eo_value_type(v), sh4);
    to_nhwc(sh4, p);
    const eo_type *elem = eo_type_elem(eo_value_type(v));
    eo_value *h = alloc(mp, loc, 4, p, storage_of(elem), false);
    if (!h)
        return NULL;
    eo_strbuf site = { 0 };
    eo_op_site_key(user, &site);
    eo_strbuf_puts(&site, "/layout");
    alist l = { .n = 0 };
    add(mp, &l, "num_ins", i64a(mp, 1));
    add(mp, &l, "name", site.data ? str(mp, site.data) : NULL);
    eo_strbuf_free(&site);
    const eo_type *tok = eo_npu_token_type(mp->ctx);
    eo_op_state st;
    eo_op_state_init(&st, mp->ctx, "npu.cpu", loc);
    eo_value *bufs[2] = { old, h };
    eo_status s = tok && !l.oom ? EO_OK : EO_NOMEM;
    s = s ? s : eo_op_state_add_operands(&st, 2, bufs);
    s = s ? s : eo_op_state_add_result(&st, tok);
    for (size_t i = 0; s == EO_OK && i < l.n; i++)
        s = eo_op_state_set_attr(&st, eo_ident_str(l.a[i].name),
                                 l.a[i].value);
    eo_region *reg = s == EO_OK ? eo_op_state_add_region(&st) : NULL;
    eo_block *blk = reg ? eo_block_create(mp->ctx) : NULL;
    const eo_type *at = blk ? tensor_of_buf(mp, old, elem) : NULL;
    eo_value *a = at ? eo_block_add_arg(blk, at, loc) : NULL;
    if (!a) {
        if (blk)
            eo_block_destroy(blk);
        eo_op_state_release(&st);
        return NULL;
    }
    eo_region_append(reg, blk);
    eo_builder rb;
    eo_builder_init(&rb, mp->ctx);
    eo_builder_set_end(&rb, blk);
    rb.loc = loc;
    static const int64_t perm[4] = { 0, 2, 3, 1 };
    eo_op *tr = transpose(mp, &rb, a, perm);
    eo_value *y = tr ? eo_op_result(tr, 0) : NULL;
    if (!y || !eo_builder_create(&rb, "npu.yield", 1, &y, 0, NULL, 0, NULL)) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *cpu = eo_builder_insert(&mp->b, &st);
    if (!cpu || push_tok(mp, eo_op_result(cpu, 0)) != EO_OK
        || end_layer(mp, loc) != EO_OK)
        return NULL;
    if (set_home(mp, v, h, true) != EO_OK)
        return NULL;
    return h;
}

/* ------------------------------------------------------------------ */
/* Engine layers                                                       */
/* ------------------------------------------------------------------ */

/* A tiling of a layer on the convolution engine (conv, fc) or of a pool
 * on a pooling unit: output channels in tiles, output rows in bands. */
typedef struct tiling {
    int64_t oc;                 /* output channels per tile */
    int64_t rb;                 /* output rows per band (fc: rows of M) */
    bool db;                    /* double buffering */
    bool os;                    /* output-stationary: row bands outer,
                                 * weight tiles streamed past each input
                                 * band; else weight-stationary: weight
                                 * tiles outer, input bands streamed */
} tiling;

/* Output channels (conv), outputs N (fc) or channels (pool) of L. */
static int64_t
layer_outs(const layer *L)
{
    return L->kind == L_FC ? L->n : L->kind == L_POOL ? L->cp.c : L->cp.o;
}

/* Output rows L is banded over: the output height (conv, pool), the
 * rows M of the input matrix (fc). */
static int64_t
layer_rows(const layer *L)
{
    return L->kind == L_FC ? L->m : L->cp.ho;
}

/* Whether the input channels of a tile follow its output channels
 * (depthwise, pools): the input is then sliced per tile too. */
static bool
x_sliced(const layer *L)
{
    return L->kind == L_POOL
           || (L->kind == L_CONV && L->ck == EO_NPU_DEPTHWISE);
}

/* Input rows a band of 'rb' output rows reads at most (the halo of the
 * window included); the whole input for one band. */
static int64_t
band_in_rows(const layer *L, int64_t rb)
{
    if (L->kind == L_FC)
        return rb;
    const eo_graph_conv *c = &L->cp;
    if (rb >= c->ho)
        return c->h;
    int64_t r = (rb - 1) * c->stride[0] + (c->kh - 1) * c->dilation[0] + 1;
    return r < c->h ? r : c->h;
}

/* The input rows [*a, *e) band 'r0' (of 'rb' output rows, B bands) reads
 * and its pads: what the clipping to the input removed of the layer's
 * padding (fc: rows r0.. of M, no pads). */
static void
band_window(const layer *L, int64_t r0, int64_t rb, int64_t B, int64_t *a,
            int64_t *e, int64_t *pads)
{
    memset(pads, 0, 4 * sizeof *pads);
    if (L->kind == L_FC) {
        *a = r0;
        *e = r0 + rb;
        return;
    }
    const eo_graph_conv *c = &L->cp;
    memcpy(pads, c->pad, 4 * sizeof *pads);
    *a = 0;
    *e = c->h;
    if (B <= 1)
        return;
    int64_t in0 = r0 * c->stride[0] - c->pad[0];
    int64_t in1 = (r0 + rb - 1) * c->stride[0] - c->pad[0]
                  + (c->kh - 1) * c->dilation[0] + 1;
    *a = in0 > 0 ? in0 : 0;
    *e = in1 < c->h ? in1 : c->h;
    pads[0] = *a - in0;
    pads[2] = in1 - *e;
}

/* SRAM bytes of L tiled by 'oc' output channels and 'rb' output rows
 * with 'nb' buffer sets (2: double buffering): an operand loaded more
 * than once gets 'nb' buffers, one loaded once a single one. */
static int64_t
tiled_sram(const layer *L, int64_t oc, int64_t rb, int64_t nb)
{
    int64_t T = layer_outs(L) / oc, B = layer_rows(L) / rb;
    int64_t s = T * B > 1 ? nb : 1;
    int64_t x, w = 0, y;
    if (L->kind == L_FC) {
        x = rb * L->k;
        w = oc * L->k + 4 * oc;
        y = rb * oc;
    } else {
        const eo_graph_conv *c = &L->cp;
        bool dw = L->kind == L_CONV && L->ck == EO_NPU_DEPTHWISE;
        int64_t cx = L->kind == L_POOL ? oc : dw ? oc / (c->o / c->c)
                                                 : c->c;
        x = c->n * band_in_rows(L, rb) * c->w * cx;
        if (L->kind == L_CONV)
            w = oc * c->kh * c->kw * (dw ? 1 : c->c) + 4 * oc;
        y = c->n * rb * c->wo * oc;
    }
    return (B > 1 || (x_sliced(L) && T > 1) ? s : 1) * x
           + (T > 1 ? s : 1) * w + s * y;
}

/* The divisors of 'total' that are multiples of 'step', largest first,
 * for which fits(L, value, other) holds against the SRAM left (at most
 * 'cap'): the shared domain of channel tiles and row bands. */
static size_t
fit_domain(mapper *mp, const layer *L, int64_t total, int64_t step,
           bool rows, int64_t other, int64_t *vals, size_t cap)
{
    size_t n = 0;
    for (int64_t t = total; t >= step && n < cap; t--)
        if (total % t == 0 && t % step == 0
            && (rows ? tiled_sram(L, other, t, 1)
                     : tiled_sram(L, t, other, 1)) <= avail(mp))
            vals[n++] = t;
    return n;
}

/* The tile domain: output-channel counts dividing the outputs (depthwise:
 * multiples of the channel multiplier) whose SRAM fits single-buffered
 * in bands of one output row. */
static size_t
tile_domain(mapper *mp, const layer *L, int64_t *vals, size_t cap)
{
    int64_t step = L->kind == L_CONV && L->ck == EO_NPU_DEPTHWISE
                       ? L->cp.o / L->cp.c : 1;
    return fit_domain(mp, L, layer_outs(L), step, false, 1, vals, cap);
}

/* The row-band domain for 'oc' channels per tile: output-row counts
 * dividing the output rows whose SRAM fits single-buffered, largest
 * first. */
static size_t
rows_domain(mapper *mp, const layer *L, int64_t oc, int64_t *vals,
            size_t cap)
{
    return fit_domain(mp, L, layer_rows(L), 1, true, oc, vals, cap);
}

/* A view of rows [r0, r0 + nr) (dimension 'dim') of buffer 'b' of rank 2
 * or 4 (identity layout): memref.subview. */
static eo_value *
rows_view(mapper *mp, const eo_loc *loc, eo_value *b, size_t dim,
          int64_t r0, int64_t nr)
{
    const eo_type *t = eo_value_type(b);
    size_t r = eo_type_rank(t);
    int64_t s[4], st[4], off[4] = { 0, 0, 0, 0 }, one[4] = { 1, 1, 1, 1 };
    if (r > 4 || dim >= r)
        return NULL;
    shape_of(t, s);
    st[r - 1] = 1;
    for (size_t i = r - 1; i-- > 0;)
        st[i] = st[i + 1] * s[i + 1];
    off[dim] = r0;
    s[dim] = nr;
    const eo_attr *lay = eo_attr_get_strided(mp->ctx, r, st, r0 * st[dim]);
    const eo_type *rt = lay ? eo_type_get_memref(mp->ctx, r, s,
                                                 eo_type_elem(t), lay,
                                                 eo_type_memspace(t))
                            : NULL;
    static const int32_t seg[4] = { 1, 0, 0, 0 };
    alist l = { .n = 0 };
    add(mp, &l, "static_offsets", arr(mp, r, off));
    add(mp, &l, "static_sizes", arr(mp, r, s));
    add(mp, &l, "static_strides", arr(mp, r, one));
    add(mp, &l, "operandSegmentSizes",
        eo_attr_get_dense_array(mp->ctx, eo_type_get_int(mp->ctx, 32), 4,
                                seg));
    eo_op *op = rt ? mk(mp, loc, "memref.subview", 1, &b, 1, &rt, &l) : NULL;
    return op ? eo_op_result(op, 0) : NULL;
}

/* The weights of a conv / fc layer as a global: OIHW -> OHWI (conv),
 * [K, N] or [N, K] -> [N, K] (fc); NULL after a diagnostic. */
static eo_value *
conv_weights(mapper *mp, const layer *L, int64_t *wshape, size_t wr)
{
    eo_op *op = L->op;
    bool fc = L->kind == L_FC;
    int64_t O = wshape[0], kh = fc ? 1 : wshape[1], kw = fc ? 1 : wshape[2];
    int64_t cg = fc ? L->k : wshape[3];
    eo_tensor w, wt;
    memset(&wt, 0, sizeof wt);
    if (const_of(mp, eo_op_operand(op, 1), &w) != EO_OK) {
        eo_op_error(op, "npu-map: weights are not a constant");
        return NULL;
    }
    eo_status s = eo_tensor_alloc(&wt, EO_DT_I8, wr, wshape);
    if (s == EO_OK) {
        const int8_t *src = w.data;
        int8_t *dst = wt.data;
        for (int64_t o = 0; o < O; o++)
            for (int64_t y = 0; y < kh; y++)
                for (int64_t x = 0; x < kw; x++)
                    for (int64_t i = 0; i < cg; i++) {
                        int64_t si = fc ? (L->trans_b ? o * L->k + i
                                                      : i * O + o)
                                        : ((o * cg + i) * kh + y) * kw + x;
                        dst[((o * kh + y) * kw + x) * cg + i] = src[si];
                    }
    }
    eo_tensor_free(&w);
    if (s != EO_OK) {
        eo_op_error(op, "npu-map: out of memory");
        return NULL;
    }
    const eo_type *wtt = eo_type_get_tensor(mp->ctx, wr, wshape,
                                            eo_type_get_int(mp->ctx, 8),
                                            NULL);
    eo_value *wg = wtt ? global(mp, op, &wt, wtt) : NULL;
    eo_tensor_free(&wt);
    return wg;
}

/* The output stage of conv / fc layer L per output channel (multiplier,
 * shift, weight zero point); EO_NOMEM. */
static eo_status
out_stage(const layer *L, int64_t O, int64_t **mul, int64_t **sh,
          int64_t **wz)
{
    *mul = calloc((size_t)O, sizeof **mul);
    *sh = calloc((size_t)O, sizeof **sh);
    *wz = calloc((size_t)O, sizeof **wz);
    if (!*mul || !*sh || !*wz)
        return EO_NOMEM;
    for (int64_t o = 0; o < O; o++) {
        size_t wi = L->qw.num_scales > 1 ? (size_t)o : 0;
        int32_t q;
        int e;
        eo_quant_multiplier(L->qx.scales[0] * L->qw.scales[wi]
                            / L->qy.scales[0], &q, &e);
        (*mul)[o] = q;
        (*sh)[o] = e;
        (*wz)[o] = L->qw.zero_points[wi];
    }
    return EO_OK;
}

/* The attributes of the npu.conv (conv, fc) or npu.ew (pool) of one
 * step: output channels [o0, o0 + oc), band pads 'pads'. */
static void
step_attrs(mapper *mp, const layer *L, const char *site, alist *l,
           const int64_t *pads, int64_t o0, int64_t oc, const int64_t *mul,
           const int64_t *sh, const int64_t *wz, int64_t lo, int64_t hi)
{
    static const char *const kinds[] = {
        "conv2d", "depthwise", "pointwise", "fully_connected"
    };
    const eo_graph_conv *c = &L->cp;
    add(mp, l, "name", str(mp, site));
    if (L->kind == L_POOL) {
        bool avg = eo_graph_op_kind(L->op) != GRAPH_MAX_POOL;
        int64_t k[2] = { c->kh, c->kw };
        add(mp, l, "op", str(mp, avg ? "avgpool" : "maxpool"));
        add(mp, l, "kernel", arr(mp, 2, k));
        add(mp, l, "strides", arr(mp, 2, c->stride));
        add(mp, l, "pads", arr(mp, 4, pads));
        if (avg) {
            add(mp, l, "count_include_pad",
                eo_attr_get_bool(mp->ctx, c->count_include_pad));
            add(mp, l, "output_zp", i64a(mp, L->qy.zero_points[0]));
        } else {
            add(mp, l, "dilations", arr(mp, 2, c->dilation));
        }
        return;
    }
    add(mp, l, "kind", str(mp, kinds[L->ck]));
    if (L->kind != L_FC) {
        add(mp, l, "strides", arr(mp, 2, c->stride));
        add(mp, l, "dilations", arr(mp, 2, c->dilation));
        add(mp, l, "pads", arr(mp, 4, pads));
    }
    add(mp, l, "input_zp", i64a(mp, L->qx.zero_points[0]));
    add(mp, l, "weight_zp", arr(mp, (size_t)oc, wz + o0));
    add(mp, l, "output_zp", i64a(mp, L->qy.zero_points[0]));
    add(mp, l, "multiplier", arr(mp, (size_t)oc, mul + o0));
    add(mp, l, "shift", arr(mp, (size_t)oc, sh + o0));
    add(mp, l, "act_min", i64a(mp, lo));
    add(mp, l, "act_max", i64a(mp, hi));
}

/* A conv / fc layer on the convolution engine, or a pool on a pooling
 * unit, in T = O / oc channel tiles times B = rows / rb row bands
 * (steps in the order of tg->os). An input band is DMA'd with its halo
 * (rows the windows of its output rows read, clipped to the input; the
 * band's pads are what the clipping removed of the layer's padding; fc:
 * rows of M), a weight tile with its bias; each operand is reloaded
 * only when the step needs other data, into the next of its buffers
 * (two with double buffering), after the output copies of the steps
 * that last read that buffer (the copies out are chained, so the last
 * one orders every earlier command). */
static eo_status
emit_tiled(mapper *mp, const layer *L, const char *site, const tiling *tg,
           bool onchip)
{
    eo_op *op = L->op;
    const eo_loc *loc = eo_op_loc(op);
    eo_ctx *ctx = mp->ctx;
    bool fc = L->kind == L_FC, pool = L->kind == L_POOL;
    bool dw = L->kind == L_CONV && L->ck == EO_NPU_DEPTHWISE;
    bool xs_tile = x_sliced(L);
    const eo_graph_conv *c = &L->cp;
    int64_t O = layer_outs(L), oc = tg->oc, T = O / oc;
    int64_t kh = fc ? 1 : c->kh, kw = fc ? 1 : c->kw;
    int64_t cg = fc ? L->k : dw ? 1 : c->c;
    int64_t mult = dw ? c->o / c->c : 1;
    int64_t rb = tg->rb, B = layer_rows(L) / rb, steps = T * B;
    const eo_type *i8 = eo_type_get_int(ctx, 8), *i32 =
        eo_type_get_int(ctx, 32);
    int64_t wshape[4] = { O, kh, kw, cg };
    size_t wr = fc ? 2 : 4;
    if (fc)
        wshape[1] = L->k;
    eo_value *wg = NULL, *bg = NULL;
    if (!pool && !(wg = conv_weights(mp, L, wshape, wr)))
        return EO_ERROR;
    if (!pool && eo_op_num_operands(op) > 2) {
        eo_tensor bt;
        if (const_of(mp, eo_op_operand(op, 2), &bt) != EO_OK)
            return eo_op_error(op, "npu-map: the bias is not a constant");
        const eo_type *btt = eo_type_get_tensor(ctx, 1, &O, i32, NULL);
        bg = btt && bt.nbytes == (size_t)O * 4 ? global(mp, op, &bt, btt)
                                               : NULL;
        eo_tensor_free(&bt);
        if (!bg)
            return eo_op_error(op, "npu-map: bad bias");
    }
    int64_t *mul = NULL, *sh = NULL, *wz = NULL, lo = 0, hi = 0;
    eo_status s = pool ? EO_OK : out_stage(L, O, &mul, &sh, &wz);
    if (!pool)
        act_bounds(op, &L->qy, &lo, &hi);
    /* Buffers. */
    eo_value *xh = s != EO_OK ? NULL
                   : fc ? home_of(mp, op, eo_op_operand(op, 0))
                        : nhwc_home(mp, op, eo_op_operand(op, 0));
    eo_value *yh = xh ? result_home(mp, op, onchip) : NULL;
    if (s == EO_OK && (!xh || !yh))
        s = EO_ERROR;
    int64_t nb = tg->db && steps > 1 ? 2 : 1;
    bool xmulti = B > 1 || (xs_tile && T > 1);
    int64_t nbx = xmulti ? nb : 1, nbw = T > 1 ? nb : 1;
    /* On-chip homes are engine operands as they are (whole tensors, or
     * row views of them). */
    bool x_direct = xh && is_onchip(xh) && (!xs_tile || T == 1);
    bool y_direct = yh && is_onchip(yh) && steps == 1;
    size_t rdim = fc ? 0 : 1;
    int64_t xs_shape[4], y_t[4];
    size_t xr = fc ? 2 : 4;
    if (fc) {
        xs_shape[0] = rb;
        xs_shape[1] = L->k;
        y_t[0] = rb;
        y_t[1] = oc;
    } else {
        xs_shape[0] = c->n;
        xs_shape[1] = band_in_rows(L, rb);
        xs_shape[2] = c->w;
        xs_shape[3] = xs_tile ? oc / mult : c->c;
        y_t[0] = c->n;
        y_t[1] = rb;
        y_t[2] = c->wo;
        y_t[3] = oc;
    }
    int64_t w_t[4] = { oc, kh, kw, cg };
    if (fc)
        w_t[1] = L->k;
    eo_value *xs[2] = { 0 }, *ws[2] = { 0 }, *bs[2] = { 0 }, *ys[2] = { 0 };
    for (int64_t k = 0; s == EO_OK && k < nb; k++) {
        if (!x_direct && k < nbx
            && !(xs[k] = alloc(mp, loc, xr, xs_shape, i8, true)))
            s = EO_NOMEM;
        if (s == EO_OK && !pool && k < nbw
            && (!(ws[k] = alloc(mp, loc, wr, w_t, i8, true))
                || (bg && !(bs[k] = alloc(mp, loc, 1, &oc, i32, true)))))
            s = EO_NOMEM;
        if (s == EO_OK && !y_direct
            && !(ys[k] = alloc(mp, loc, xr, y_t, i8, true)))
            s = EO_NOMEM;
    }
    /* xdone / wdone: the copy out of the last step reading each buffer;
     * ydone: the copy out of each output buffer. */
    eo_value *xdone[2] = { 0 }, *wdone[2] = { 0 }, *ydone[2] = { 0 };
    eo_value *tx = NULL, *tw = NULL, *tb = NULL, *xop = NULL;
    eo_value *prev_out = NULL;
    int64_t xkey = -1, wkey = -1, nx = 0, nw = 0, xk = 0, wk = 0;
    int64_t xreads = 0, wreads = 0;
    for (int64_t i = 0; s == EO_OK && i < steps; i++) {
        int64_t band = tg->os ? i / T : i % B;
        int64_t t = tg->os ? i % T : i / B;
        int64_t k = i % nb, o0 = t * oc, r0 = band * rb;
        int64_t a, e, pads[4];
        band_window(L, r0, rb, B, &a, &e, pads);
        int64_t key = xs_tile ? band * T + t : band;
        if (key != xkey) {
            xkey = key;
            xreads = 0;
            if (x_direct) {
                xop = B > 1 ? rows_view(mp, loc, xh, rdim, a, e - a) : xh;
                tx = NULL;
                s = xop ? EO_OK : EO_NOMEM;
            } else {
                xk = nx++ % nbx;
                int64_t sz[4], off[4] = { 0, 0, 0, 0 };
                memcpy(sz, xs_shape, sizeof sz);
                sz[rdim] = e - a;
                off[rdim] = a;
                if (xs_tile)
                    off[3] = o0 / mult;
                bool whole = B == 1 && !xs_tile;
                tx = dma(mp, loc, site, xh, xs[xk], xr, whole ? NULL : sz,
                         whole ? NULL : off, NULL, 1, &xdone[xk]);
                xop = !tx ? NULL
                      : e - a < xs_shape[rdim]
                          ? rows_view(mp, loc, xs[xk], rdim, 0, e - a)
                          : xs[xk];
                s = xop ? EO_OK : EO_NOMEM;
            }
        }
        if (s == EO_OK && !pool && t != wkey) {
            wkey = t;
            wreads = 0;
            wk = nw++ % nbw;
            int64_t woff[4] = { o0, 0, 0, 0 };
            tw = dma(mp, loc, site, wg, ws[wk], wr, w_t, woff, NULL, 1,
                     &wdone[wk]);
            tb = bg ? dma(mp, loc, site, bg, bs[wk], 1, &oc, &o0, NULL, 1,
                          &wdone[wk])
                    : NULL;
            s = tw && (!bg || tb) ? EO_OK : EO_NOMEM;
        }
        if (s != EO_OK)
            break;
        alist l = { .n = 0 };
        step_attrs(mp, L, site, &l, pads, o0, oc, mul, sh, wz, lo, hi);
        eo_value *yop = y_direct ? yh : ys[k];
        eo_value *tc;
        if (pool) {
            eo_value *bufs[2] = { xop, yop };
            eo_value *deps[2] = { tx, ydone[k] };
            tc = cmd(mp, loc, "npu.ew", 2, bufs, 2, deps, &l);
        } else {
            eo_value *bufs[4] = { xop, ws[wk], yop, bs[wk] };
            eo_value *deps[4] = { tx, tw, tb, ydone[k] };
            tc = cmd(mp, loc, "npu.conv", bg ? 4 : 3, bufs, 4, deps, &l);
        }
        /* The simulator orders accesses by their byte hulls: strided
         * channel slices of one home overlap, so the copies out chain. */
        int64_t yoff[4] = { 0, r0, 0, o0 };
        if (fc) {
            yoff[0] = r0;
            yoff[1] = o0;
        }
        eo_value *od[2] = { tc, prev_out };
        eo_value *to = !tc || y_direct ? tc
                       : dma(mp, loc, site, ys[k], yh, xr, y_t, NULL, yoff, 2,
                             od);
        if (!to || push_tok(mp, to) != EO_OK) {
            s = EO_NOMEM;
            break;
        }
        /* A buffer read by one command only is free when that command
         * is done; else after the copy out of the last reader (convs
         * run in parallel on several engines, copies out in order). */
        if (!x_direct)
            xdone[xk] = ++xreads == 1 ? tc : to;
        if (!pool)
            wdone[wk] = ++wreads == 1 ? tc : to;
        ydone[k] = to;
        prev_out = to;
    }
    free(mul);
    free(sh);
    free(wz);
    return s == EO_OK ? end_layer(mp, loc) : s;
}

/* A [M, C] view (memref.collapse_shape) of NHWC buffer 'b'. */
static eo_value *
collapse(mapper *mp, const eo_loc *loc, eo_value *b)
{
    const eo_type *t = eo_value_type(b);
    int64_t s[2] = { eo_type_dim(t, 0) * eo_type_dim(t, 1)
                     * eo_type_dim(t, 2), eo_type_dim(t, 3) };
    const eo_type *rt = eo_type_get_memref(mp->ctx, 2, s, eo_type_elem(t),
                                           NULL, eo_type_memspace(t));
    const eo_type *i64 = eo_type_get_int(mp->ctx, 64);
    const eo_attr *g0[3] = { eo_attr_get_int(mp->ctx, i64, 0),
                             eo_attr_get_int(mp->ctx, i64, 1),
                             eo_attr_get_int(mp->ctx, i64, 2) };
    const eo_attr *g1 = eo_attr_get_int(mp->ctx, i64, 3);
    const eo_attr *gs[2] = { eo_attr_get_array(mp->ctx, 3, g0),
                             eo_attr_get_array(mp->ctx, 1, &g1) };
    alist l = { .n = 0 };
    add(mp, &l, "reassociation", eo_attr_get_array(mp->ctx, 2, gs));
    eo_op *op = rt ? mk(mp, loc, "memref.collapse_shape", 1, &b, 1, &rt, &l)
                   : NULL;
    return op ? eo_op_result(op, 0) : NULL;
}

/* A pointwise convolution or a matrix product on the crossbars: per
 * column block j (nb outputs), imc_program of its g row blocks (from
 * off-chip globals) into crossbars, then one imc_mvm per band of 'mb'
 * rows of the input [M, K] (on chip: the whole input, or one band
 * buffer reloaded per band, the products of a band writing one output
 * band buffer copied out to its rows) with the output stage; crossbars
 * are reused round robin, a reprogramming waiting for the products that
 * read the crossbar. */
static eo_status
emit_imc(mapper *mp, const layer *L, const char *site, bool onchip,
         bool resident, int64_t mb)
{
    eo_op *op = L->op;
    const eo_loc *loc = eo_op_loc(op);
    eo_ctx *ctx = mp->ctx;
    bool fc = L->kind == L_FC;
    int64_t K = L->ik, N = L->in_, nb = L->nb, g = L->g;
    int64_t rows = mp->d->imc.rows, X = mp->d->imc.crossbars;
    const eo_type *i8 = eo_type_get_int(ctx, 8), *i32 =
        eo_type_get_int(ctx, 32);
    eo_tensor w;
    if (const_of(mp, eo_op_operand(op, 1), &w) != EO_OK)
        return eo_op_error(op, "npu-map: weights are not a constant");
    const int8_t *wd = w.data;
    eo_value *bg = NULL;
    if (eo_op_num_operands(op) > 2) {
        eo_tensor bt;
        if (const_of(mp, eo_op_operand(op, 2), &bt) != EO_OK) {
            eo_tensor_free(&w);
            return eo_op_error(op, "npu-map: the bias is not a constant");
        }
        const eo_type *btt = eo_type_get_tensor(ctx, 1, &N, i32, NULL);
        bg = btt && bt.nbytes == (size_t)N * 4 ? global(mp, op, &bt, btt)
                                               : NULL;
        eo_tensor_free(&bt);
        if (!bg) {
            eo_tensor_free(&w);
            return eo_op_error(op, "npu-map: bad bias");
        }
    }
    int64_t lo, hi;
    act_bounds(op, &L->qy, &lo, &hi);
    eo_value *xh = fc ? home_of(mp, op, eo_op_operand(op, 0))
                      : nhwc_home(mp, op, eo_op_operand(op, 0));
    eo_value *yh = xh ? result_home(mp, op, onchip) : NULL;
    eo_status s = xh && yh ? EO_OK : EO_ERROR;
    /* The input on chip, as [M, K]. */
    const eo_type *xt = xh ? eo_value_type(xh) : NULL;
    int64_t xshape[4], yshape[4];
    size_t r = fc ? 2 : 4;
    if (xt)
        shape_of(xt, xshape);
    memcpy(yshape, xshape, sizeof yshape);
    yshape[r - 1] = nb;
    int64_t M = imc_rows(L), B = M / mb;
    eo_value *xs = NULL, *tx = NULL, *x2 = NULL, *xfull = NULL;
    eo_value *yfull = NULL, *yb = NULL, *bband = NULL;
    if (s == EO_OK && B > 1) {
        /* Bands: [M, K] and [M, N] views of the homes, one input band,
         * output band and bias buffer. */
        int64_t xb_t[2] = { mb, K }, yb_t[2] = { mb, nb };
        xfull = fc ? xh : collapse(mp, loc, xh);
        yfull = fc ? yh : collapse(mp, loc, yh);
        xs = is_onchip(xh) ? xfull : alloc(mp, loc, 2, xb_t, i8, true);
        yb = alloc(mp, loc, 2, yb_t, i8, true);
        bband = bg ? alloc(mp, loc, 1, &nb, i32, true) : NULL;
        if (!xfull || !yfull || !xs || !yb || (bg && !bband))
            s = EO_NOMEM;
    } else if (s == EO_OK) {
        xs = is_onchip(xh) ? xh : alloc(mp, loc, r, xshape, i8, true);
        if (xs && xs != xh)
            tx = dma(mp, loc, site, xh, xs, r, NULL, NULL, NULL, 0, NULL);
        x2 = xs && (xs == xh || tx) ? (fc ? xs : collapse(mp, loc, xs))
                                    : NULL;
        s = x2 ? EO_OK : EO_NOMEM;
    }
    eo_value **reader = calloc((size_t)X, sizeof *reader);
    int8_t *blk = malloc((size_t)(rows * nb));
    if (!reader || !blk)
        s = EO_NOMEM;
    eo_value *prev_out = NULL, *last_mvm = NULL;
    int64_t nblocks = N / nb, next_xb = 0;
    /* The crossbars: resident, a dedicated one per block, from the top,
     * none that another layer programs; else round robin over those
     * holding no resident weights, from the bottom. */
    int64_t xs_ids[64], nxs = 0;
    if (resident) {
        for (int64_t x = X < 64 ? X : 64; x-- > 0 && nxs < nblocks * g;)
            if (!((mp->xres | mp->xused) >> x & 1))
                xs_ids[nxs++] = x;
        for (int64_t i = 0; i < nxs; i++)
            mp->xres |= UINT64_C(1) << xs_ids[i];
    } else {
        for (int64_t x = 0; x < X && x < 64; x++)
            if (!(mp->xres >> x & 1))
                xs_ids[nxs++] = x;
    }
    if (nxs < (resident ? nblocks * g : g))
        s = eo_op_error(op, "npu-map: not enough free crossbars");
    for (int64_t j = 0; s == EO_OK && j < nblocks; j++) {
        int64_t n0 = j * nb;
        int64_t xbs[64];
        eo_value *progs[64];
        for (int64_t i = 0; s == EO_OK && i < g; i++) {
            int64_t k0 = i * rows, kr = K - k0 < rows ? K - k0 : rows;
            for (int64_t kk = 0; kk < kr; kk++)
                for (int64_t nn = 0; nn < nb; nn++) {
                    int64_t n = n0 + nn, k = k0 + kk;
                    int64_t si = fc ? (L->trans_b ? n * K + k : k * N + n)
                                    : n * K + k;
                    blk[kk * nb + nn] = wd[si];
                }
            eo_tensor bt;
            int64_t bs_[2] = { kr, nb };
            memset(&bt, 0, sizeof bt);
            s = eo_tensor_alloc(&bt, EO_DT_I8, 2, bs_);
            if (s != EO_OK)
                break;
            memcpy(bt.data, blk, (size_t)(kr * nb));
            const eo_type *btt = eo_type_get_tensor(ctx, 2, bs_, i8, NULL);
            eo_value *gb = btt ? global(mp, op, &bt, btt) : NULL;
            eo_tensor_free(&bt);
            int64_t xb = xs_ids[resident ? j * g + i : next_xb];
            next_xb = (next_xb + 1) % nxs;
            if (!resident)
                mp->xused |= UINT64_C(1) << xb;
            alist l = { .n = 0 };
            add(mp, &l, "name", str(mp, site));
            add(mp, &l, "crossbar", i64a(mp, xb));
            eo_value *dep = resident ? NULL : reader[xb];
            progs[i] = gb ? cmd(mp, loc, "npu.imc_program", 1, &gb, 1, &dep,
                                &l)
                          : NULL;
            xbs[i] = xb;
            if (!progs[i])
                s = EO_NOMEM;
        }
        if (s != EO_OK)
            break;
        eo_value *ys = NULL, *y2 = NULL, *bsb = bband;
        if (B == 1) {
            ys = is_onchip(yh) && nblocks == 1
                     ? yh : alloc(mp, loc, r, yshape, i8, true);
            y2 = ys ? (fc ? ys : collapse(mp, loc, ys)) : NULL;
            bsb = bg ? alloc(mp, loc, 1, &nb, i32, true) : NULL;
        }
        /* In bands the bias buffer is reused: after the last copy out. */
        eo_value *bdep = B > 1 ? prev_out : NULL;
        eo_value *tb = bsb ? dma(mp, loc, site, bg, bsb, 1, &nb, &n0, NULL,
                                 1, &bdep)
                           : NULL;
        if ((B == 1 && !y2) || (bg && !tb)) {
            s = EO_NOMEM;
            break;
        }
        int64_t mul[64], sh[64], wz[64];
        for (int64_t c = 0; c < nb; c++) {
            size_t wi = L->qw.num_scales > 1 ? (size_t)(n0 + c) : 0;
            int32_t q;
            int e;
            eo_quant_multiplier(L->qx.scales[0] * L->qw.scales[wi]
                                / L->qy.scales[0], &q, &e);
            mul[c] = q;
            sh[c] = e;
            wz[c] = L->qw.zero_points[wi];
        }
        for (int64_t band = 0; s == EO_OK && band < B; band++) {
            int64_t m0 = band * mb;
            eo_value *xop = x2, *tin = tx, *yop = y2;
            if (B > 1) {
                yop = yb;
                if (xs == xfull) {
                    xop = rows_view(mp, loc, xfull, 0, m0, mb);
                    tin = NULL;
                } else {
                    int64_t sz[2] = { mb, K }, off[2] = { m0, 0 };
                    xop = xs;
                    tin = dma(mp, loc, site, xfull, xs, 2, sz, off, NULL, 1,
                              &last_mvm);
                }
                if (!xop || (xs != xfull && !tin)) {
                    s = EO_NOMEM;
                    break;
                }
            }
            alist l = { .n = 0 };
            add(mp, &l, "name", str(mp, site));
            add(mp, &l, "crossbars", arr(mp, (size_t)g, xbs));
            add(mp, &l, "input_zp", i64a(mp, L->qx.zero_points[0]));
            add(mp, &l, "weight_zp", arr(mp, (size_t)nb, wz));
            add(mp, &l, "output_zp", i64a(mp, L->qy.zero_points[0]));
            add(mp, &l, "multiplier", arr(mp, (size_t)nb, mul));
            add(mp, &l, "shift", arr(mp, (size_t)nb, sh));
            add(mp, &l, "act_min", i64a(mp, lo));
            add(mp, &l, "act_max", i64a(mp, hi));
            eo_value *bufs[3] = { xop, yop, bsb };
            eo_value *deps[69];
            size_t nd = 0;
            deps[nd++] = tin;
            deps[nd++] = tb;
            /* In bands the output band buffer is reused. */
            deps[nd++] = B > 1 ? prev_out : NULL;
            for (int64_t i = 0; i < g; i++)
                deps[nd++] = progs[i];
            eo_value *tm = cmd(mp, loc, "npu.imc_mvm", bg ? 3 : 2, bufs, nd,
                               deps, &l);
            if (!tm) {
                s = EO_NOMEM;
                break;
            }
            for (int64_t i = 0; i < g; i++)
                reader[xbs[i]] = tm;
            last_mvm = tm;
            eo_value *to = tm;
            eo_value *od[2] = { tm, prev_out };
            if (B > 1) {
                int64_t sz[2] = { mb, nb }, off[2] = { m0, n0 };
                to = dma(mp, loc, site, yb, yfull, 2, sz, NULL, off, 2, od);
            } else if (ys != yh) {
                int64_t off[4] = { 0, 0, 0, 0 };
                off[r - 1] = n0;
                to = dma(mp, loc, site, ys, yh, r, yshape, NULL, off, 2, od);
            }
            if (!to || push_tok(mp, to) != EO_OK)
                s = EO_NOMEM;
            prev_out = to;
        }
    }
    free(reader);
    free(blk);
    eo_tensor_free(&w);
    return s == EO_OK ? end_layer(mp, loc) : s;
}

/* Rows M and columns C of the [M, C] view an addition is banded over:
 * [N·H·W, C] of a rank-4 (NHWC) result, the matrix of a rank-2 one;
 * other ranks are not banded (M = 1, C = all elements). */
static void
add_view(const layer *L, int64_t *m, int64_t *c)
{
    const eo_type *t = eo_value_type(eo_op_result(L->op, 0));
    size_t r = eo_type_rank(t);
    *m = 1;
    *c = eo_type_num_elements(t);
    if (r == 4) {
        *m = eo_type_dim(t, 0) * eo_type_dim(t, 2) * eo_type_dim(t, 3);
        *c = eo_type_dim(t, 1);
    } else if (r == 2) {
        *m = eo_type_dim(t, 0);
        *c = eo_type_dim(t, 1);
    }
}

/* The band domain of an addition: divisors of M whose three band
 * buffers fit the SRAM left, largest first. */
static size_t
add_rows_domain(mapper *mp, const layer *L, int64_t *vals, size_t cap)
{
    int64_t m, c;
    size_t n = 0;
    add_view(L, &m, &c);
    for (int64_t r = m; r >= 1 && n < cap; r--)
        if (m % r == 0 && 3 * r * c <= avail(mp))
            vals[n++] = r;
    return n;
}

/* Whether a band of one row of addition L fits the SRAM left. */
static bool
add_fits(mapper *mp, const layer *L)
{
    int64_t m, c;
    add_view(L, &m, &c);
    return 3 * c <= avail(mp);
}

/* A quantized addition or product on an elementwise unit (TFLite's
 * integer add / mul, as the graph interpreter computes it): both
 * operands copied into SRAM (in the same layout: NHWC for rank 4), one
 * npu.ew, the result copied to its home; in bands of 'mb' rows of the
 * [M, C] view (add_view), one buffer per operand and the result reused
 * band after band. */
static eo_status
emit_add(mapper *mp, const layer *L, const char *site, bool onchip,
         int64_t mb)
{
    eo_op *op = L->op;
    const eo_loc *loc = eo_op_loc(op);
    const eo_type *i8 = eo_type_get_int(mp->ctx, 8);
    bool r4 = eo_type_rank(eo_value_type(eo_op_result(op, 0))) == 4;
    eo_value *h[2];
    for (int i = 0; i < 2; i++) {
        eo_value *v = eo_op_operand(op, (size_t)i);
        h[i] = r4 ? nhwc_home(mp, op, v) : home_of(mp, op, v);
        if (!h[i])
            return EO_ERROR;
    }
    eo_value *yh = result_home(mp, op, onchip);
    if (!yh)
        return EO_ERROR;
    int64_t M, C;
    add_view(L, &M, &C);
    int64_t B = mb < M ? M / mb : 1;
    const eo_type *yt = eo_value_type(yh);
    int64_t sh[8];
    size_t r = eo_type_rank(yt);
    shape_of(yt, sh);
    if (B > 1) {
        /* Bands: [M, C] views of the homes, [mb, C] buffers. */
        r = 2;
        sh[0] = mb;
        sh[1] = C;
        for (int i = 0; i < 2; i++)
            if (r4 && !(h[i] = collapse(mp, loc, h[i])))
                return EO_NOMEM;
        if (r4 && !(yh = collapse(mp, loc, yh)))
            return EO_NOMEM;
    }
    eo_value *in[2] = { NULL, NULL };
    for (int i = 0; i < 2; i++)
        if (!is_onchip(h[i]) && !(in[i] = alloc(mp, loc, r, sh, i8, true)))
            return EO_NOMEM;
    bool y_direct = is_onchip(yh) && B == 1;
    eo_value *ys = y_direct ? yh : alloc(mp, loc, r, sh, i8, true);
    if (!ys)
        return EO_NOMEM;
    bool mul = eo_graph_op_kind(op) == GRAPH_MUL;
    double sa = L->qx.scales[0], sb = L->qw.scales[0];
    double sy = L->qy.scales[0], twice = 2.0 * (sa > sb ? sa : sb);
    int32_t qa = 0, qb = 0, qy;
    int ea = 0, eb = 0, ey;
    if (mul) {
        /* TFLite's MUL: one multiplier s_a s_b / s_y on the product. */
        eo_quant_multiplier(sa * sb / sy, &qy, &ey);
    } else {
        eo_quant_multiplier(sa / twice, &qa, &ea);
        eo_quant_multiplier(sb / twice, &qb, &eb);
        eo_quant_multiplier(twice / ((double)(INT64_C(1) << 20) * sy), &qy,
                            &ey);
    }
    int64_t lo, hi;
    act_bounds(op, &L->qy, &lo, &hi);
    eo_value *prev_out = NULL, *last_ew = NULL;
    for (int64_t band = 0; band < B; band++) {
        int64_t off[2] = { band * mb, 0 };
        eo_value *x[2], *tin[3] = { NULL, NULL, prev_out };
        for (int i = 0; i < 2; i++) {
            if (!in[i]) {
                x[i] = B > 1 ? rows_view(mp, loc, h[i], 0, off[0], mb)
                             : h[i];
                if (!x[i])
                    return EO_NOMEM;
                continue;
            }
            x[i] = in[i];
            tin[i] = dma(mp, loc, site, h[i], in[i], r, B > 1 ? sh : NULL,
                         B > 1 ? off : NULL, NULL, 1, &last_ew);
            if (!tin[i])
                return EO_NOMEM;
        }
        alist l = { .n = 0 };
        add(mp, &l, "name", str(mp, site));
        add(mp, &l, "op", str(mp, mul ? "mul" : "add"));
        add(mp, &l, "a_zp", i64a(mp, L->qx.zero_points[0]));
        add(mp, &l, "b_zp", i64a(mp, L->qw.zero_points[0]));
        add(mp, &l, "output_zp", i64a(mp, L->qy.zero_points[0]));
        if (!mul) {
            add(mp, &l, "a_multiplier", i64a(mp, qa));
            add(mp, &l, "a_shift", i64a(mp, ea));
            add(mp, &l, "b_multiplier", i64a(mp, qb));
            add(mp, &l, "b_shift", i64a(mp, eb));
        }
        add(mp, &l, "multiplier", i64a(mp, qy));
        add(mp, &l, "shift", i64a(mp, ey));
        if (!mul)
            add(mp, &l, "left_shift", i64a(mp, 20));
        add(mp, &l, "act_min", i64a(mp, lo));
        add(mp, &l, "act_max", i64a(mp, hi));
        eo_value *b[3] = { x[0], x[1], ys };
        eo_value *te = cmd(mp, loc, "npu.ew", 3, b, 3, tin, &l);
        eo_value *od[2] = { te, prev_out };
        eo_value *to = !te || y_direct ? te
                       : dma(mp, loc, site, ys, yh, r, B > 1 ? sh : NULL,
                             NULL, B > 1 ? off : NULL, 2, od);
        if (!to || push_tok(mp, to) != EO_OK)
            return EO_NOMEM;
        last_ew = te;
        prev_out = to;
    }
    return end_layer(mp, loc);
}

/* ------------------------------------------------------------------ */
/* The pass                                                            */
/* ------------------------------------------------------------------ */

static void
report_layer(mapper *mp, const layer *L, int unit, const char *detail,
             const char *extra)
{
    if (!mp->report)
        return;
    eo_strbuf site = { 0 };
    eo_op_site_key(L->op, &site);
    const eo_loc *loc = eo_op_loc(L->op);
    eo_diag_builder *db = eo_diag_begin(mp->ctx, EO_SEV_REMARK, loc,
                                        "npu-map: layer '%s' (%s) on %s%s",
                                        site.data ? site.data : "?",
                                        eo_op_name_str(L->op),
                                        unit_names[unit], detail);
    eo_strbuf_free(&site);
    for (int u = 0; u < U_NUM; u++)
        if (u != unit && !L->ok[u] && L->why[u][0])
            eo_diag_note(db, loc, "%s excluded: %s", unit_names[u],
                         L->why[u]);
        else if (u != unit && L->ok[u])
            eo_diag_note(db, loc, "%s possible", unit_names[u]);
    if (extra && *extra)
        eo_diag_note(db, loc, "%s", extra);
    eo_diag_emit(db);
}

/* Where the result of engine layer L lives: off-chip (default) or, knob
 * "home.<site>" = sram, in SRAM until its last use. Asked when the
 * result is not a function result and fits beside the layer's own
 * buffers ('footprint' bytes) in the SRAM left; else why not is appended
 * to 'note'. */
static bool
ask_home(mapper *mp, const layer *L, int64_t footprint, char *note,
         size_t cap)
{
    eo_value *v = eo_op_result(L->op, 0);
    if (lookup(mp, v))
        return false;
    const eo_type *t = eo_value_type(v);
    const eo_type *e = storage_of(eo_type_elem(t));
    int64_t bytes = eo_type_num_elements(t)
                    * (eo_type_is_int(e) && eo_type_int_width(e) == 8 ? 1
                                                                      : 4);
    if (bytes + footprint > avail(mp)) {
        size_t n = strlen(note);
        snprintf(note + n, cap - n, "%shome: the result (%lld bytes) does "
                 "not fit the SRAM left beside the layer's buffers",
                 n ? "; " : "", (long long)bytes);
        return false;
    }
    static const char *const homes[] = { "dram", "sram" };
    eo_knob_domain dom = { .kind = EO_KNOB_ENUM, .names = homes,
                           .count = 2 };
    return eo_knob_ask(mp->kp, "home", L->op, NULL, &dom, 0, "npu-map") == 1;
}

/* Chooses the tiling of L (conv engine or pool; 'vals' / 'nt': its tile
 * domain): knobs tile, rows, flow (two or more tiles and bands, with
 * weights), dbuf, then home; notes on what did not fit go to 'extra'.
 * Returns whether the result stays in SRAM. */
static bool
ask_tiling(mapper *mp, const layer *L, const int64_t *vals, size_t nt,
           tiling *tg, char *extra, size_t cap)
{
    memset(tg, 0, sizeof *tg);
    tg->oc = vals[0];
    tg->rb = layer_rows(L);
    eo_op *op = L->op;
    if (nt > 1) {
        eo_knob_domain dom = { .kind = EO_KNOB_SET, .values = vals,
                               .count = nt };
        tg->oc = eo_knob_ask(mp->kp, "tile", op, NULL, &dom, vals[0],
                             "npu-map");
    }
    /* Row bands: the heights that fit with these channel tiles. */
    int64_t rv[64];
    size_t nr = rows_domain(mp, L, tg->oc, rv, 64);
    if (nr)
        tg->rb = rv[0];
    if (nr && rv[0] != layer_rows(L))
        snprintf(extra, cap, "rows: bands of more than %lld output rows "
                 "(of %lld) do not fit the SRAM with %lld output channels "
                 "per tile", (long long)rv[0], (long long)layer_rows(L),
                 (long long)tg->oc);
    if (nr > 1) {
        eo_knob_domain dom = { .kind = EO_KNOB_SET, .values = rv,
                               .count = nr };
        tg->rb = eo_knob_ask(mp->kp, "rows", op, NULL, &dom, rv[0],
                             "npu-map");
    }
    int64_t T = layer_outs(L) / tg->oc, B = layer_rows(L) / tg->rb;
    if (T > 1 && B > 1 && L->kind != L_POOL) {
        static const char *const flows[] = { "weight_stationary",
                                             "output_stationary" };
        eo_knob_domain dom = { .kind = EO_KNOB_ENUM, .names = flows,
                               .count = 2 };
        tg->os = eo_knob_ask(mp->kp, "flow", op, NULL, &dom, 0,
                             "npu-map") == 1;
    }
    /* Asked whenever tiling is possible (also at one tile, where it
     * changes nothing), so that a search discovers it at the
     * defaults. */
    if ((nt > 1 || nr > 1)
        && tiled_sram(L, tg->oc, tg->rb, 2) <= avail(mp)) {
        eo_knob_domain dom = { .kind = EO_KNOB_BOOL };
        tg->db = eo_knob_ask(mp->kp, "dbuf", op, NULL, &dom, 0,
                             "npu-map");
    } else if ((nt > 1 || nr > 1) && !extra[0]) {
        snprintf(extra, cap, "dbuf: two buffer sets do not fit the SRAM");
    }
    return ask_home(mp, L, tiled_sram(L, tg->oc, tg->rb, tg->db ? 2 : 1),
                    extra, cap);
}

/* ", N output rows per band[, flow]" when L runs in bands, else "". */
static void
bands_detail(const layer *L, const tiling *tg, char *buf, size_t cap)
{
    int64_t T = layer_outs(L) / tg->oc, B = layer_rows(L) / tg->rb;
    buf[0] = '\0';
    if (B > 1)
        snprintf(buf, cap, ", %lld %s per band%s", (long long)tg->rb,
                 L->kind == L_FC ? "rows" : "output rows",
                 T > 1 && L->kind != L_POOL
                     ? (tg->os ? ", output-stationary"
                               : ", weight-stationary")
                     : "");
}

static eo_status
map_layer(mapper *mp, eo_op *op)
{
    layer L;
    analyse(mp, op, &L);
    int64_t vals[64];
    size_t nt = 0;
    if (L.ok[U_CONV]) {
        nt = tile_domain(mp, &L, vals, 64);
        if (!nt)
            exclude(&L, U_CONV, "no tile of its weights and outputs fits "
                    "the SRAM (even in bands of one output row)");
    } else if (L.kind == L_POOL && L.ok[U_EW]) {
        nt = tile_domain(mp, &L, vals, 64);
        if (!nt)
            exclude(&L, U_EW, "no channel of its input and output fits "
                    "the SRAM (even in bands of one output row)");
    }
    int64_t imc_rv[64];
    size_t imc_nr = 0;
    if (L.ok[U_IMC]) {
        imc_nr = imc_rows_domain(mp, &L, imc_rv, 64);
        if (!imc_nr) {
            char buf[160];
            snprintf(buf, sizeof buf, "a row of its input and outputs "
                     "(%lld bytes) does not fit the SRAM",
                     (long long)imc_sram(&L, 1));
            exclude(&L, U_IMC, buf);
        }
    }
    const char *names[U_NUM];
    int idx[U_NUM];
    size_t n = 0;
    for (int u = 0; u < U_NUM; u++)
        if (L.ok[u]) {
            idx[n] = u;
            names[n++] = unit_names[u];
        }
    int unit = U_CPU;
    if (n > 1) {
        eo_knob_domain dom = { .kind = EO_KNOB_ENUM, .names = names,
                               .count = n };
        int64_t v = eo_knob_ask(mp->kp, "unit", op, NULL, &dom, 0,
                                "npu-map");
        unit = idx[v >= 0 && (size_t)v < n ? v : 0];
    }
    if (unit == U_CPU) {
        report_layer(mp, &L, unit, "", NULL);
        if (grow((void **)&mp->group, &mp->capgroup, mp->ngroup,
                 sizeof *mp->group))
            return EO_NOMEM;
        mp->group[mp->ngroup++] = op;
        return EO_OK;
    }
    eo_status s = flush_group(mp);
    if (s != EO_OK)
        return s;
    eo_strbuf site = { 0 };
    eo_op_site_key(op, &site);
    if (!site.data || site.oom) {
        eo_strbuf_free(&site);
        return EO_NOMEM;
    }
    bool onchip = false;
    char detail[192] = "", extra[192] = "", rows[64] = "";
    if (unit == U_CONV || L.kind == L_POOL) {
        tiling tg;
        onchip = ask_tiling(mp, &L, vals, nt, &tg, extra, sizeof extra);
        bands_detail(&L, &tg, rows, sizeof rows);
        bool tiled = tg.oc != layer_outs(&L) || rows[0];
        if (unit == U_CONV)
            snprintf(detail, sizeof detail, " (%s, %lld output channels "
                     "per tile%s%s%s)", eo_npu_conv_kind_name(L.ck),
                     (long long)tg.oc, rows, tg.db ? ", double-buffered"
                                                  : "",
                     onchip ? ", result in SRAM" : "");
        else if (tiled)
            snprintf(detail, sizeof detail, " (%lld channels per tile%s%s"
                     "%s)", (long long)tg.oc, rows,
                     tg.db ? ", double-buffered" : "",
                     onchip ? ", result in SRAM" : "");
        else if (onchip)
            snprintf(detail, sizeof detail, " (result in SRAM)");
        report_layer(mp, &L, unit, detail, extra);
        s = mark_done(mp, op);
        s = s ? s : emit_tiled(mp, &L, site.data, &tg, onchip);
    } else if (unit == U_IMC) {
        /* Weights resident: every block in a crossbar of its own that no
         * other layer programs, so that steady-state inference pays no
         * programming; offered when enough crossbars are untouched. */
        int64_t need = L.in_ / L.nb * L.g, X = mp->d->imc.crossbars;
        int64_t fresh = (X < 64 ? X : 64) - popcount64(mp->xres
                                                       | mp->xused);
        bool resident = false;
        if (need <= fresh) {
            eo_knob_domain dom = { .kind = EO_KNOB_BOOL };
            resident = eo_knob_ask(mp->kp, "imc_resident", op, NULL, &dom, 0,
                                   "npu-map") == 1;
        } else {
            snprintf(extra, sizeof extra, "imc_resident: needs %lld "
                     "crossbars, %lld are programmed by no other layer",
                     (long long)need, (long long)fresh);
        }
        /* Row bands of the input matrix [M, K]. */
        int64_t mb = imc_rv[0], M = imc_rows(&L);
        if (mb != M) {
            size_t ne = strlen(extra);
            snprintf(extra + ne, sizeof extra - ne, "%srows: bands of more "
                     "than %lld rows (of %lld) do not fit the SRAM",
                     ne ? "; " : "", (long long)mb, (long long)M);
        }
        if (imc_nr > 1) {
            eo_knob_domain dom = { .kind = EO_KNOB_SET, .values = imc_rv,
                                   .count = imc_nr };
            mb = eo_knob_ask(mp->kp, "rows", op, NULL, &dom, imc_rv[0],
                             "npu-map");
        }
        onchip = ask_home(mp, &L, imc_sram(&L, mb), extra, sizeof extra);
        if (mb != M)
            snprintf(rows, sizeof rows, ", %lld rows per band",
                     (long long)mb);
        snprintf(detail, sizeof detail, " (%lld column blocks of %lld "
                 "outputs over %lld crossbars each%s%s%s)",
                 (long long)(L.in_ / L.nb), (long long)L.nb,
                 (long long)L.g, rows, resident ? ", weights resident" : "",
                 onchip ? ", result in SRAM" : "");
        report_layer(mp, &L, unit, detail, extra);
        s = mark_done(mp, op);
        s = s ? s : emit_imc(mp, &L, site.data, onchip, resident, mb);
    } else {
        /* Bands of rows of the [M, C] view. */
        int64_t rv[64], M, C;
        size_t nr = add_rows_domain(mp, &L, rv, 64);
        add_view(&L, &M, &C);
        int64_t mb = nr ? rv[0] : M;
        if (mb != M)
            snprintf(extra, sizeof extra, "rows: bands of more than %lld "
                     "rows (of %lld) do not fit the SRAM", (long long)mb,
                     (long long)M);
        if (nr > 1) {
            eo_knob_domain dom = { .kind = EO_KNOB_SET, .values = rv,
                                   .count = nr };
            mb = eo_knob_ask(mp->kp, "rows", op, NULL, &dom, rv[0],
                             "npu-map");
        }
        onchip = ask_home(mp, &L, 3 * mb * C, extra, sizeof extra);
        snprintf(rows, sizeof rows, ", %lld rows per band", (long long)mb);
        snprintf(detail, sizeof detail, " (%s%s%s)",
                 mb != M ? rows + 2 : "", mb != M && onchip ? ", " : "",
                 onchip ? "result in SRAM" : "");
        report_layer(mp, &L, unit, strcmp(detail, " ()") ? detail : "",
                     extra);
        s = mark_done(mp, op);
        s = s ? s : emit_add(mp, &L, site.data, onchip, mb);
    }
    eo_strbuf_free(&site);
    return s;
}

/* Copies result 'v' into output argument 'out' (when it lives
 * elsewhere). */
static eo_status
copy_result(mapper *mp, eo_op *ret, eo_value *v, eo_value *out)
{
    vent *e = lookup(mp, v);
    if (!e)
        return eo_op_error(ret, "npu-map: a result without a buffer");
    if (e->buf == out)
        return EO_OK;
    const eo_loc *loc = eo_op_loc(ret);
    if (!e->nhwc) {
        eo_value *t = dma(mp, loc, "result", e->buf, out, 0, NULL, NULL,
                          NULL, 0, NULL);
        if (!t || push_tok(mp, t) != EO_OK)
            return EO_NOMEM;
        return end_layer(mp, loc);
    }
    /* NHWC -> logical on the host. */
    if (grow((void **)&mp->group, &mp->capgroup, mp->ngroup,
             sizeof *mp->group))
        return EO_NOMEM;
    /* A region of no op: transposes only (flush_group handles the
     * layout of inputs and outputs; build it by hand). */
    alist l = { .n = 0 };
    add(mp, &l, "num_ins", i64a(mp, 1));
    add(mp, &l, "name", str(mp, "result"));
    const eo_type *tok = eo_npu_token_type(mp->ctx);
    eo_op_state st;
    eo_op_state_init(&st, mp->ctx, "npu.cpu", loc);
    eo_value *bufs[2] = { e->buf, out };
    eo_status s = tok && !l.oom ? EO_OK : EO_NOMEM;
    s = s ? s : eo_op_state_add_operands(&st, 2, bufs);
    s = s ? s : eo_op_state_add_result(&st, tok);
    for (size_t i = 0; s == EO_OK && i < l.n; i++)
        s = eo_op_state_set_attr(&st, eo_ident_str(l.a[i].name),
                                 l.a[i].value);
    eo_region *reg = s == EO_OK ? eo_op_state_add_region(&st) : NULL;
    eo_block *blk = reg ? eo_block_create(mp->ctx) : NULL;
    const eo_type *elem = eo_type_elem(eo_value_type(v));
    const eo_type *at = blk ? tensor_of_buf(mp, e->buf, elem) : NULL;
    eo_value *a = at ? eo_block_add_arg(blk, at, loc) : NULL;
    if (!a) {
        if (blk)
            eo_block_destroy(blk);
        eo_op_state_release(&st);
        return EO_NOMEM;
    }
    eo_region_append(reg, blk);
    eo_builder rb;
    eo_builder_init(&rb, mp->ctx);
    eo_builder_set_end(&rb, blk);
    rb.loc = loc;
    static const int64_t perm[4] = { 0, 3, 1, 2 };
    eo_op *tr = transpose(mp, &rb, a, perm);
    eo_value *y = tr ? eo_op_result(tr, 0) : NULL;
    if (!y || !eo_builder_create(&rb, "npu.yield", 1, &y, 0, NULL, 0, NULL)) {
        eo_op_state_release(&st);
        return EO_NOMEM;
    }
    eo_op *cpu = eo_builder_insert(&mp->b, &st);
    if (!cpu || push_tok(mp, eo_op_result(cpu, 0)) != EO_OK)
        return EO_NOMEM;
    return end_layer(mp, loc);
}

static bool
has_graph_ops(eo_op *fn)
{
    eo_block *b = func_entry_block(fn);
    for (eo_op *op = b ? eo_block_first(b) : NULL; op; op = eo_op_next(op))
        if (eo_graph_op_kind(op) >= 0)
            return true;
    return false;
}

static eo_status
map_func(mapper *mp, eo_op *fn)
{
    const eo_type *ft = func_get_type(fn);
    eo_block *body = func_entry_block(fn);
    size_t nin = eo_type_num_inputs(ft), nres = eo_type_num_results(ft);
    const eo_type *args[64];
    if (nin + nres > 64)
        return eo_op_error(fn, "npu-map: unsupported: more than 64 inputs "
                           "and results");
    for (size_t i = 0; i < nin + nres; i++) {
        const eo_type *t = i < nin ? eo_type_input(ft, i)
                                   : eo_type_result(ft, i - nin);
        if (!eo_type_is_shaped(t) || eo_type_rank(t) > 8)
            return eo_op_error(fn, "npu-map: unsupported: a non-tensor "
                               "argument or result");
        int64_t s[8];
        shape_of(t, s);
        for (size_t d = 0; d < eo_type_rank(t); d++)
            if (s[d] < 0)
                return eo_op_error(fn, "npu-map: unsupported: dynamic "
                                   "shapes");
        const eo_type *st = storage_of(eo_type_elem(t));
        if (!buffer_elem_ok(st))
            return eo_op_error(fn, "npu-map: unsupported: %s #%zu is not "
                               "int8, int32 or f32 (npu buffers hold i8 or "
                               "i32 elements, host buffers also f32)",
                               i < nin ? "input" : "result",
                               i < nin ? i : i - nin);
        args[i] = memref(mp, eo_type_rank(t), s, st, NULL);
        if (!args[i])
            return EO_NOMEM;
    }
    const eo_type *nft = eo_type_get_function(mp->ctx, nin + nres, args, 0,
                                              NULL);
    const eo_attr *na = eo_op_attr(fn, "sym_name");
    size_t nl = 0;
    const char *nm = na ? eo_attr_string(na, &nl) : NULL;
    char name[256];
    snprintf(name, sizeof name, "%.*s", (int)nl, nm ? nm : "main");
    eo_op *nf = nft ? func_create(mp->ctx, eo_op_loc(fn), name, nft, false)
                    : NULL;
    if (!nf)
        return EO_NOMEM;
    eo_block *nb = func_entry_block(nf);
    eo_builder_init(&mp->b, mp->ctx);
    eo_builder_set_end(&mp->b, nb);
    mp->oldfn = fn;
    eo_status s = EO_OK;
    for (size_t i = 0; s == EO_OK && i < nin; i++)
        s = set_home(mp, eo_block_arg(body, i), eo_block_arg(nb, i), false);
    eo_op *ret = eo_block_terminator(body);
    /* Results produced by host regions or rank-2 engines write the
     * output argument directly. */
    for (size_t r = 0; s == EO_OK && ret && r < eo_op_num_operands(ret);
         r++) {
        eo_value *v = eo_op_operand(ret, r);
        eo_op *d = eo_value_def_op(v);
        if (d && !lookup(mp, v) && eo_graph_op_kind(d) != GRAPH_CONSTANT
            && eo_type_rank(eo_value_type(v)) != 4)
            s = set_home(mp, v, eo_block_arg(nb, nin + r), false);
    }
    for (eo_op *op = eo_block_first(body); s == EO_OK && op;
         op = eo_op_next(op)) {
        if (op == ret)
            break;
        int k = eo_graph_op_kind(op);
        if (k == GRAPH_CONSTANT)
            continue;
        if (k < 0) {
            s = eo_op_error(op, "npu-map: unsupported: a non-graph op in "
                            "the function");
            break;
        }
        s = map_layer(mp, op);
    }
    if (s == EO_OK)
        s = flush_group(mp);
    for (size_t r = 0; s == EO_OK && ret && r < eo_op_num_operands(ret); r++)
        s = copy_result(mp, ret, eo_op_operand(ret, r),
                        eo_block_arg(nb, nin + r));
    if (s == EO_OK) {
        mp->b.loc = eo_op_loc(ret);
        if (!eo_builder_create(&mp->b, "func.return", 0, NULL, 0, NULL, 0,
                               NULL))
            s = EO_NOMEM;
    }
    if (s != EO_OK) {
        eo_op_destroy(nf);
        return s;
    }
    /* Crossbar contents persist from one inference to the next: the
     * simulator times the steady state (weights resident stay). */
    if (mp->d->has_imc
        && eo_op_set_attr(nf, "npu.steady_state",
                          eo_attr_get_unit(mp->ctx)) != EO_OK) {
        eo_op_destroy(nf);
        return EO_NOMEM;
    }
    const eo_attr *vis = eo_op_attr(fn, "sym_visibility");
    if (vis && eo_op_set_attr(nf, "sym_visibility", vis) != EO_OK) {
        eo_op_destroy(nf);
        return EO_NOMEM;
    }
    eo_op_insert_before(fn, nf);
    eo_op_detach(fn);
    eo_op_destroy(fn);
    return EO_OK;
}

static eo_status
run_map(eo_op *module, eo_pass_ctx *pc, const void *options)
{
    const map_opts *o = options;
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    if (!o->target || !*o->target)
        return eo_op_error(module, "npu-map: needs option target=<name|file>");
    if (eo_npu_register(ctx) != EO_OK)
        return EO_NOMEM;
    eo_target *t = eo_target_load_named(ctx, o->target);
    if (!t)
        return eo_op_error(module, "npu-map: cannot load target '%s'",
                           o->target);
    mapper mp;
    memset(&mp, 0, sizeof mp);
    mp.ctx = ctx;
    mp.t = t;
    mp.d = eo_target_desc_get(t);
    mp.kp = eo_pass_ctx_knobs(pc);
    mp.report = o->report;
    mp.module = module;
    eo_status s = EO_OK;
    if (eo_target_kind_get(t) != EO_TARGET_NPU)
        s = eo_op_error(module, "npu-map: target '%s' is not an NPU",
                        eo_target_name(t));
    const char *lvl = mp.d->has_sram ? mp.d->sram.level : "";
    for (size_t i = 0; i < mp.d->num_memory; i++) {
        const eo_memory_desc *m = &mp.d->memory[i];
        if (m->kind == EO_MEMORY_FLASH)
            mp.has_flash = true;
        if (m->kind == EO_MEMORY_SRAM
            && (!mp.sram_bytes || strcmp(m->name, lvl) == 0))
            mp.sram_bytes = m->size_bytes;
    }
    if (s == EO_OK && !mp.sram_bytes)
        s = eo_op_error(module, "npu-map: target '%s' has no SRAM",
                        eo_target_name(t));
    eo_block *body = eo_module_body(module);
    eo_op *next = NULL;
    for (eo_op *op = body ? eo_block_first(body) : NULL; s == EO_OK && op;
         op = next) {
        next = eo_op_next(op);
        if (strcmp(eo_op_name_str(op), "func.func") != 0
            || func_is_declaration(op) || !has_graph_ops(op))
            continue;
        mp.nv = mp.ntoks = mp.nsram = mp.ngroup = mp.ndone = 0;
        mp.xres = mp.xused = 0;
        s = map_func(&mp, op);
    }
    free(mp.v);
    free(mp.toks);
    free(mp.sram);
    free(mp.group);
    free(mp.done);
    eo_target_destroy(t);
    if (s == EO_NOMEM)
        return eo_op_error(module, "npu-map: out of memory");
    return s;
}

static const eo_pass_option map_options[] = {
    { "target", "The NPU target: a shipped name or a description file",
      EO_OPT_STRING, offsetof(map_opts, target), "" },
    { "report", "Report each layer's unit and why others were excluded "
      "(remarks)", EO_OPT_BOOL, offsetof(map_opts, report), "false" },
};

static const eo_pass_def map_pass = {
    .name = "npu-map",
    .description = "Map quantized graph ops to npu commands for an NPU "
                   "target",
    .anchor = "builtin.module",
    .options = map_options,
    .num_options = 2,
    .options_size = sizeof(map_opts),
    .run = run_map,
};

eo_status
eo_npu_register_passes(eo_ctx *ctx)
{
    if (eo_pass_lookup(ctx, "npu-map"))
        return EO_OK;
    return eo_pass_register(ctx, &map_pass);
}

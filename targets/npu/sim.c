/* targets/npu/sim.c - the NPU simulator (targets/npu_sim.h). Two passes
 * over the command stream of one func.func:
 *
 *  1. Functional, in program order: buffers (arguments, memref.alloc /
 *     get_global, views through subview and friends) hold real bytes;
 *     each command runs its integer kernel (kernels.c) and gets its cost
 *     inputs (bytes, MACs, cycles) and its energy.
 *  2. Timing, an event simulation: one queue per engine class (DMA,
 *     conv, IMC, each elementwise unit, host CPU); a command starts as
 *     soon as its tokens are done, the npu.wait before it is done and an
 *     instance (a DMA channel, a conv engine, its crossbars, a unit core)
 *     is free, earlier commands (program order) first. Fixed-duration
 *     commands end after their duration; DMA transfers pay a setup
 *     time, then share bandwidth (each DMA
 *     engine's and each memory level's, split evenly between the
 *     transfers using it) until their bytes are moved. A command that
 *     starts while an earlier (program order) unfinished command
 *     conflicts with it (overlapping bytes, one of them writing) is a
 *     race: the program lacks a token, and is rejected.
 *
 * docs/npu-dialect.md, "Simulator", gives every formula.
 */
#include "targets/npu_sim.h"
#include "targets/npu/sim_internal.h"
#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/memref/memref.h"
#include "dialects/npu/npu.h"
#include "dialects/quant/quant.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RANK 8
#define MAX_ACC 8

/* ------------------------------------------------------------------ */
/* Value map (open addressing on the value's address)                  */
/* ------------------------------------------------------------------ */

typedef struct vmap {
    const eo_value **keys;
    size_t *vals;
    size_t cap, len;
} vmap;

static size_t
vhash(const eo_value *v, size_t cap)
{
    uintptr_t x = (uintptr_t)v;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29)) & (cap - 1);
}

static bool
vmap_get(const vmap *m, const eo_value *v, size_t *out)
{
    if (!m->cap)
        return false;
    for (size_t i = vhash(v, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (!m->keys[i])
            return false;
        if (m->keys[i] == v) {
            *out = m->vals[i];
            return true;
        }
    }
}

static eo_status
vmap_put(vmap *m, const eo_value *v, size_t val)
{
    if ((m->len + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        const eo_value **k = calloc(ncap, sizeof *k);
        size_t *vals = calloc(ncap, sizeof *vals);
        if (!k || !vals) {
            free(k);
            free(vals);
            return EO_NOMEM;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = vhash(m->keys[i], ncap);
            while (k[j])
                j = (j + 1) & (ncap - 1);
            k[j] = m->keys[i];
            vals[j] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = k;
        m->vals = vals;
        m->cap = ncap;
    }
    size_t i = vhash(v, m->cap);
    while (m->keys[i] && m->keys[i] != v)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->len++;
    m->keys[i] = v;
    m->vals[i] = val;
    return EO_OK;
}

static void
vmap_free(vmap *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------ */
/* Simulator state                                                     */
/* ------------------------------------------------------------------ */

typedef struct buf {
    uint8_t *data;
    size_t bytes;
    size_t level;               /* index into the target's memory[] */
    bool onchip;
    bool dead;                  /* deallocated */
} buf;

/* A memref value seen through its layout: element (i0, i1, ...) is at
 * element offset + sum i_d * strides[d] of buffer 'b'. */
typedef struct view {
    size_t b;
    size_t rank;
    int64_t shape[MAX_RANK], strides[MAX_RANK];
    int64_t offset;
    size_t esize;               /* 1 (i8) or 4 (i32) */
} view;

/* Bytes [lo, hi) of buffer 'b' a command reads or writes. */
typedef struct access {
    size_t b;
    int64_t lo, hi;
    bool write;
} access;

typedef enum cstate { C_PENDING, C_SETUP, C_RUNNING, C_DONE } cstate;

typedef struct cmd {
    eo_op *op;
    int kind;                   /* eo_npu_op */
    size_t queue;               /* SIZE_MAX for npu.wait */
    size_t *deps;
    size_t ndeps;
    size_t barrier;             /* last npu.wait before it, or SIZE_MAX */
    access acc[MAX_ACC];
    size_t nacc;
    /* Cost inputs from the functional pass. */
    double dur;                 /* fixed duration (not conv, not DMA) */
    double mem_s;               /* operand bytes / level bandwidth */
    double macs;
    double energy_j;            /* dynamic energy it spent */
    eo_npu_conv conv;
    int64_t inst;               /* pinned instance (conv engine, DMA
                                 * channel) or -1 */
    int64_t xbars[64];          /* IMC: crossbars used */
    size_t nxbars;
    double bytes;               /* DMA */
    size_t dims;                /* strided dimensions of the transfer */
    bool offchip;               /* an end of it is off chip */
    size_t src_level, dst_level;
    /* Timing state. */
    size_t *succ;               /* commands waiting for this one */
    size_t nsucc, capsucc;
    size_t waiting;             /* unfinished commands it waits for */
    cstate state;
    double start, end, setup_end, remaining, rate;
    size_t at;                  /* instance running it */
} cmd;

/* An engine instance: a DMA channel, a conv engine, an ew unit core,
 * the host core. */
typedef struct inst {
    eo_npu_engine eng;
    size_t desc;                /* index of its description */
    size_t queue;
    bool busy;
} inst;

/* An engine class: its instances are insts[first_inst ...] (those with
 * this queue); 'items' lists its ready commands in program order. */
typedef struct queue {
    eo_npu_engine eng;
    size_t first_inst;
    size_t *items;
    size_t len, cap;
} queue;

typedef struct sim {
    eo_ctx *ctx;
    const eo_target *t;
    const eo_target_desc *d;
    eo_op *func;
    buf *bufs;
    size_t nbufs, capbufs;
    vmap vals;                  /* memref value -> buffer, token -> cmd */
    cmd *cmds;
    size_t ncmds, capcmds;
    inst *insts;
    size_t ninsts;
    queue *queues;
    size_t nqueues;
    size_t q_dma, q_conv, q_imc, q_cpu, q_ew0;   /* queue indices */
    /* IMC crossbars: the resident block of each. */
    int32_t **xw;
    int64_t *xk, *xn;
    bool *xbusy;
    size_t nx;
    uint64_t live_onchip, *live_level;  /* bytes live per level */
    /* Timing. */
    size_t *running, nrunning;  /* commands started, not done */
    size_t *waits, nwaits, capwaits;    /* npu.wait ready now */
    size_t ndone, first_open;   /* first_open: lowest not done */
    eo_npu_sim_stats st;
} sim;

static double
ns(double x)
{
    return x * 1e-9;
}

static double
level_bw(const sim *s, size_t level)
{
    return s->d->memory[level].bandwidth_gbps * 1e9;
}

/* Adds 'j' joules of component 'comp', spent by command 'c'. */
static void
charge(sim *s, cmd *c, eo_cost_component comp, double j)
{
    s->st.energy[comp] += j;
    c->energy_j += j;
}

/* Energy of 'bytes' touched at 'level' by 'c', into its component. */
static void
charge_bytes(sim *s, cmd *c, size_t level, double bytes)
{
    const eo_memory_desc *m = &s->d->memory[level];
    double j = bytes * m->energy_pj_per_byte * 1e-12;
    bool on = m->kind == EO_MEMORY_SRAM || m->kind == EO_MEMORY_TCM
              || m->kind == EO_MEMORY_CACHE;
    charge(s, c, on ? EO_COST_MEMORY : EO_COST_DRAM, j);
    if (!on)
        s->st.dram_bytes += (uint64_t)bytes;
}

/* ------------------------------------------------------------------ */
/* Buffers and views                                                   */
/* ------------------------------------------------------------------ */

static bool
level_onchip(const eo_memory_desc *m)
{
    return m->kind == EO_MEMORY_SRAM || m->kind == EO_MEMORY_TCM
           || m->kind == EO_MEMORY_CACHE;
}

static bool
find_kind(const eo_target_desc *d, eo_memory_kind k, size_t *out)
{
    for (size_t i = 0; i < d->num_memory; i++)
        if (d->memory[i].kind == k) {
            *out = i;
            return true;
        }
    return false;
}

/* The memory level of memory space 'ms' (NULL: off-chip). */
static eo_status
resolve_level(sim *s, eo_op *at, const eo_attr *ms, size_t *out)
{
    const eo_target_desc *d = s->d;
    if (!ms) {
        if (find_kind(d, EO_MEMORY_DRAM, out)
            || find_kind(d, EO_MEMORY_FLASH, out))
            return EO_OK;
        *out = d->num_memory - 1;
        return EO_OK;
    }
    size_t len;
    const char *name = eo_attr_string(ms, &len);
    for (size_t i = 0; i < d->num_memory; i++)
        if (strlen(d->memory[i].name) == len
            && memcmp(d->memory[i].name, name, len) == 0) {
            *out = i;
            return EO_OK;
        }
    if (len == 4 && memcmp(name, "sram", 4) == 0) {
        if (d->has_sram)
            for (size_t i = 0; i < d->num_memory; i++)
                if (strcmp(d->memory[i].name, d->sram.level) == 0) {
                    *out = i;
                    return EO_OK;
                }
        if (find_kind(d, EO_MEMORY_SRAM, out)
            || find_kind(d, EO_MEMORY_TCM, out))
            return EO_OK;
    }
    if (len == 4 && memcmp(name, "dram", 4) == 0
        && find_kind(d, EO_MEMORY_DRAM, out))
        return EO_OK;
    if (len == 5 && memcmp(name, "flash", 5) == 0
        && find_kind(d, EO_MEMORY_FLASH, out))
        return EO_OK;
    eo_strbuf lv = {0};
    for (size_t i = 0; i < d->num_memory; i++)
        eo_strbuf_printf(&lv, "%s%s", i ? ", " : "", d->memory[i].name);
    eo_status st = eo_op_error(at, "memory space \"%.*s\" names no memory "
                               "level of target '%s' (levels: %s; or "
                               "\"sram\", \"dram\", \"flash\")", (int)len,
                               name, d->name, lv.data ? lv.data : "");
    eo_strbuf_free(&lv);
    return st;
}

static bool
is_f32(const eo_type *memref)
{
    const eo_type *e = eo_type_elem(memref);
    return eo_type_is_float(e) && eo_type_float_width(e) == 32;
}

static size_t
esize_of(const eo_type *memref)
{
    return eo_type_is_signless_int(eo_type_elem(memref), 32)
           || is_f32(memref) ? 4 : 1;
}

/* The tensor element type of buffers of memref type 't' (f32 buffers
 * hold host data: float bits travel as int32 words). */
static eo_dtype
dtype_of(const eo_type *t)
{
    return is_f32(t) ? EO_DT_F32 : esize_of(t) == 4 ? EO_DT_I32 : EO_DT_I8;
}

/* A new zeroed buffer for memref type 'ty' in 'level'. */
static eo_status
add_buf(sim *s, eo_op *at, const eo_type *ty, size_t level, size_t *out)
{
    int64_t n = eo_type_num_elements(ty);
    if (n < 0)
        return eo_op_error(at, "unsupported: a buffer without a static "
                           "shape");
    if (s->nbufs == s->capbufs) {
        size_t nc = s->capbufs ? s->capbufs * 2 : 16;
        buf *nb = realloc(s->bufs, nc * sizeof *nb);
        if (!nb)
            return EO_NOMEM;
        s->bufs = nb;
        s->capbufs = nc;
    }
    buf *b = &s->bufs[s->nbufs];
    memset(b, 0, sizeof *b);
    b->bytes = (size_t)n * esize_of(ty);
    b->data = calloc(b->bytes ? b->bytes : 1, 1);
    if (!b->data)
        return EO_NOMEM;
    b->level = level;
    b->onchip = level_onchip(&s->d->memory[level]);
    *out = s->nbufs++;
    return EO_OK;
}

static bool
is_view_op(const eo_op *op)
{
    enum memref_op k = memref_op_kind(op);
    return k == MEMREF_SUBVIEW || k == MEMREF_CAST
           || k == MEMREF_COLLAPSE_SHAPE || k == MEMREF_EXPAND_SHAPE
           || k == MEMREF_REINTERPRET_CAST;
}

/* The view of memref value 'v' (used by 'at'). */
static eo_status
view_of(sim *s, eo_op *at, eo_value *v, view *out)
{
    eo_value *root = v;
    for (int guard = 0; guard < 1000; guard++) {
        eo_op *def = eo_value_def_op(root);
        if (!def || !is_view_op(def))
            break;
        root = eo_op_operand(def, 0);
    }
    size_t b;
    if (!vmap_get(&s->vals, root, &b))
        return eo_op_error(at, "unsupported: a buffer that is not a "
                           "function argument, memref.alloc or "
                           "memref.get_global (or a view of one)");
    if (s->bufs[b].dead)
        return eo_op_error(at, "uses a buffer after its memref.dealloc");
    const eo_type *t = eo_value_type(v);
    memset(out, 0, sizeof *out);
    out->b = b;
    out->rank = eo_type_rank(t);
    out->esize = esize_of(t);
    if (out->rank > MAX_RANK
        || !memref_strides_and_offset(t, out->strides, &out->offset))
        return eo_op_error(at, "unsupported: a memref layout without "
                           "static strides");
    int64_t lo = out->offset, hi = out->offset;
    for (size_t i = 0; i < out->rank; i++) {
        out->shape[i] = eo_type_dim(t, i);
        if (out->strides[i] == EO_DYNAMIC || out->shape[i] == 0)
            return eo_op_error(at, "unsupported: a memref with a dynamic "
                               "stride or an empty dimension");
        int64_t ext = (out->shape[i] - 1) * out->strides[i];
        if (ext < 0)
            lo += ext;
        else
            hi += ext;
    }
    if (out->offset == EO_DYNAMIC || lo < 0
        || (uint64_t)(hi + 1) * out->esize > s->bufs[b].bytes)
        return eo_op_error(at, "a view reaches outside its buffer");
    return EO_OK;
}

/* Byte range [lo, hi) of the box (off, sz) of view 'w'. */
static access
box_access(const view *w, const int64_t *off, const int64_t *sz, bool write)
{
    int64_t lo = w->offset, hi = w->offset;
    for (size_t i = 0; i < w->rank; i++) {
        int64_t o = off ? off[i] : 0, n = sz ? sz[i] : w->shape[i];
        lo += o * w->strides[i];
        hi += o * w->strides[i];
        int64_t ext = (n - 1) * w->strides[i];
        if (ext < 0)
            lo += ext;
        else
            hi += ext;
    }
    access a = { w->b, lo * (int64_t)w->esize,
                 (hi + 1) * (int64_t)w->esize, write };
    return a;
}

static int64_t
view_elems(const view *w)
{
    int64_t n = 1;
    for (size_t i = 0; i < w->rank; i++)
        n *= w->shape[i];
    return n;
}

/* Copies view 'w' to/from dense row-major int32 'dense', a row (the
 * last dimension) at a time. */
static void
view_xfer(sim *s, const view *w, int32_t *dense, bool store)
{
    uint8_t *base = s->bufs[w->b].data;
    size_t r = w->rank;
    int64_t idx[MAX_RANK] = {0}, n = view_elems(w);
    int64_t row = r ? w->shape[r - 1] : 1, rs = r ? w->strides[r - 1] : 1;
    for (int64_t i = 0; i < n; i += row) {
        int64_t e = w->offset;
        for (size_t d = 0; d + 1 < r; d++)
            e += idx[d] * w->strides[d];
        int32_t *dv = dense + i;
        if (w->esize == 1) {
            int8_t *p = (int8_t *)base + e;
            if (store)
                for (int64_t k = 0; k < row; k++)
                    p[k * rs] = (int8_t)dv[k];
            else
                for (int64_t k = 0; k < row; k++)
                    dv[k] = p[k * rs];
        } else {
            for (int64_t k = 0; k < row; k++) {
                uint8_t *p = base + (e + k * rs) * 4;
                if (store)
                    memcpy(p, &dv[k], 4);
                else
                    memcpy(&dv[k], p, 4);
            }
        }
        for (size_t d = r > 0 ? r - 1 : 0; d-- > 0;) {
            if (++idx[d] < w->shape[d])
                break;
            idx[d] = 0;
        }
    }
}

/* A dense int32 copy of view 'w' (NULL on allocation failure). */
static int32_t *
view_load(sim *s, const view *w)
{
    int64_t n = view_elems(w);
    int32_t *d = malloc((size_t)(n > 0 ? n : 1) * sizeof *d);
    if (d)
        view_xfer(s, w, d, false);
    return d;
}

/* ------------------------------------------------------------------ */
/* Engines                                                             */
/* ------------------------------------------------------------------ */

static eo_status
add_queue(sim *s, eo_npu_engine e, size_t *out)
{
    queue *nq = realloc(s->queues, (s->nqueues + 1) * sizeof *nq);
    if (!nq)
        return EO_NOMEM;
    s->queues = nq;
    memset(&nq[s->nqueues], 0, sizeof nq[0]);
    nq[s->nqueues].eng = e;
    nq[s->nqueues].first_inst = SIZE_MAX;
    *out = s->nqueues++;
    return EO_OK;
}

static eo_status
add_insts(sim *s, eo_npu_engine e, size_t desc, size_t q, int64_t n)
{
    if (n <= 0)
        return EO_OK;
    inst *ni = realloc(s->insts, (s->ninsts + (size_t)n) * sizeof *ni);
    if (!ni)
        return EO_NOMEM;
    s->insts = ni;
    if (s->queues[q].first_inst == SIZE_MAX)
        s->queues[q].first_inst = s->ninsts;
    for (int64_t i = 0; i < n; i++) {
        inst x = { e, desc, q, false };
        ni[s->ninsts++] = x;
    }
    return EO_OK;
}

static eo_status
setup_engines(sim *s)
{
    const eo_target_desc *d = s->d;
    eo_status st;
    if ((st = add_queue(s, EO_NPU_ENGINE_DMA, &s->q_dma)) != EO_OK
        || (st = add_queue(s, EO_NPU_ENGINE_CONV, &s->q_conv)) != EO_OK
        || (st = add_queue(s, EO_NPU_ENGINE_IMC, &s->q_imc)) != EO_OK
        || (st = add_queue(s, EO_NPU_ENGINE_CPU, &s->q_cpu)) != EO_OK)
        return st;
    for (size_t i = 0; i < d->num_dma; i++)
        if ((st = add_insts(s, EO_NPU_ENGINE_DMA, i, s->q_dma,
                            d->dma[i].channels)) != EO_OK)
            return st;
    for (size_t i = 0; i < d->num_conv_engines; i++)
        if ((st = add_insts(s, EO_NPU_ENGINE_CONV, i, s->q_conv,
                            d->conv_engines[i].count)) != EO_OK)
            return st;
    if ((st = add_insts(s, EO_NPU_ENGINE_CPU, 0, s->q_cpu, 1)) != EO_OK)
        return st;
    s->q_ew0 = s->nqueues;
    for (size_t i = 0; i < d->num_ew_units; i++) {
        size_t q;
        if ((st = add_queue(s, EO_NPU_ENGINE_EW, &q)) != EO_OK
            || (st = add_insts(s, EO_NPU_ENGINE_EW, i, q,
                               d->ew_units[i].count)) != EO_OK)
            return st;
    }
    if (d->has_imc && d->imc.crossbars > 0) {
        s->nx = (size_t)d->imc.crossbars;
        s->xw = calloc(s->nx, sizeof *s->xw);
        s->xk = calloc(s->nx, sizeof *s->xk);
        s->xn = calloc(s->nx, sizeof *s->xn);
        s->xbusy = calloc(s->nx, sizeof *s->xbusy);
        if (!s->xw || !s->xk || !s->xn || !s->xbusy)
            return EO_NOMEM;
    }
    return EO_OK;
}

/* Command c runs on the engines of queue q (it joins the queue's ready
 * list when its tokens are done). */
static eo_status
enqueue(sim *s, size_t q, size_t c)
{
    s->cmds[c].queue = q;
    return EO_OK;
}

/* Seconds to move the operand bytes of 'c' at their levels' bandwidth
 * (the memory side of an engine's roofline). */
static double
operand_time(sim *s, const cmd *c)
{
    double t = 0;
    for (size_t i = 0; i < c->nacc; i++)
        if (c->acc[i].b < s->nbufs) {
            size_t lv = s->bufs[c->acc[i].b].level;
            t += (double)(c->acc[i].hi - c->acc[i].lo) / level_bw(s, lv);
        }
    return t;
}

/* Energy of the operand bytes of 'c'. */
static void
charge_operands(sim *s, cmd *c)
{
    for (size_t i = 0; i < c->nacc; i++)
        if (c->acc[i].b < s->nbufs)
            charge_bytes(s, c, s->bufs[c->acc[i].b].level,
                         (double)(c->acc[i].hi - c->acc[i].lo));
}

/* Operand 'i' of 'c' must be on chip for an engine. */
static eo_status
need_onchip(sim *s, cmd *c, const view *w, size_t i)
{
    if (s->bufs[w->b].onchip)
        return EO_OK;
    return eo_op_error(c->op, "operand #%zu is in '%s', which the engines "
                       "cannot reach: copy it on chip with npu.dma", i,
                       s->d->memory[s->bufs[w->b].level].name);
}

/* ------------------------------------------------------------------ */
/* Functional pass, one command kind at a time                         */
/* ------------------------------------------------------------------ */

static eo_status
views(sim *s, cmd *c, size_t n, view *w, bool onchip)
{
    for (size_t i = 0; i < n; i++) {
        if (view_of(s, c->op, eo_op_operand(c->op, i), &w[i]) != EO_OK)
            return EO_ERROR;
        if (onchip && need_onchip(s, c, &w[i], i) != EO_OK)
            return EO_ERROR;
    }
    return EO_OK;
}

/* Number of strided dimensions a DMA descriptor needs for the box:
 * unit dims dropped, dims contiguous in both memrefs merged. */
static size_t
dma_dims(const eo_npu_dma *p, const view *src, const view *dst)
{
    size_t n = 0;
    int64_t prev_s = 0, prev_d = 0, prev_n = 0;
    for (size_t i = 0; i < p->rank; i++) {
        if (p->sizes[i] == 1)
            continue;
        bool merge = n > 0 && prev_s == p->sizes[i] * src->strides[i]
                     && prev_d == p->sizes[i] * dst->strides[i];
        if (!merge)
            n++;
        (void)prev_n;
        prev_n = p->sizes[i];
        prev_s = src->strides[i];
        prev_d = dst->strides[i];
    }
    return n ? n : 1;
}

static eo_status
run_dma(sim *s, cmd *c)
{
    eo_npu_dma p;
    view w[2];
    if (eo_npu_dma_params(c->op, &p) != EO_OK
        || views(s, c, 2, w, false) != EO_OK)
        return EO_ERROR;
    if (s->d->num_dma == 0)
        return eo_op_error(c->op, "unsupported: target '%s' has no DMA "
                           "engine", s->d->name);
    size_t total = 0;
    for (size_t i = 0; i < s->d->num_dma; i++)
        total += (size_t)s->d->dma[i].channels;
    if (p.channel >= (int64_t)total)
        return eo_op_error(c->op, "channel %lld does not exist (target '%s' "
                           "has %zu DMA channels)", (long long)p.channel,
                           s->d->name, total);
    /* Engines able to take it (the pinned channel's engine, if any). */
    c->dims = dma_dims(&p, &w[0], &w[1]);
    int64_t most = 0;
    size_t first = 0;
    for (size_t i = 0; i < s->d->num_dma; i++) {
        int64_t ch = s->d->dma[i].channels;
        bool pinned_here = p.channel >= (int64_t)first
                           && p.channel < (int64_t)first + ch;
        if ((p.channel < 0 || pinned_here) && s->d->dma[i].max_dims > most)
            most = s->d->dma[i].max_dims;
        first += (size_t)ch;
    }
    if ((int64_t)c->dims > most)
        return eo_op_error(c->op, "unsupported: the transfer needs %zu "
                           "strided dimensions, the DMA engines handle %lld "
                           "(split it)", c->dims, (long long)most);
    /* Copy through a dense buffer (source and destination may overlap
     * in one buffer). */
    view a = w[0], b = w[1];
    for (size_t i = 0; i < p.rank; i++) {
        a.offset += p.src_offsets[i] * a.strides[i];
        b.offset += p.dst_offsets[i] * b.strides[i];
        a.shape[i] = b.shape[i] = p.sizes[i];
    }
    int32_t *tmp = view_load(s, &a);
    if (!tmp)
        return EO_NOMEM;
    view_xfer(s, &b, tmp, true);
    free(tmp);
    c->acc[0] = box_access(&a, NULL, NULL, false);
    c->acc[1] = box_access(&b, NULL, NULL, true);
    c->nacc = 2;
    c->bytes = (double)(view_elems(&a) * (int64_t)a.esize);
    c->src_level = s->bufs[a.b].level;
    c->dst_level = s->bufs[b.b].level;
    c->inst = p.channel;
    charge_bytes(s, c, c->src_level, c->bytes);
    charge_bytes(s, c, c->dst_level, c->bytes);
    /* The DMA engine's own energy is charged when a channel (and so
     * an engine) takes the transfer. */
    c->offchip = !s->bufs[a.b].onchip || !s->bufs[b.b].onchip;
    return enqueue(s, s->q_dma, (size_t)(c - s->cmds));
}

static const eo_conv_op conv_op_of[EO_NPU_NUM_CONV_KINDS] = {
    EO_CONV_CONV2D, EO_CONV_DEPTHWISE, EO_CONV_POINTWISE,
    EO_CONV_FULLY_CONNECTED
};

static bool
conv_engine_runs(const eo_conv_engine_desc *e, eo_npu_conv_kind k)
{
    return (e->ops & (1u << conv_op_of[k]))
           && (e->dtypes & (1u << EO_TDT_INT8));
}

static eo_status
run_conv(sim *s, cmd *c)
{
    eo_npu_conv *p = &c->conv;
    if (eo_npu_conv_params(c->op, p) != EO_OK)
        return EO_ERROR;
    size_t nb = p->has_bias ? 4 : 3;
    view w[4];
    if (views(s, c, nb, w, true) != EO_OK)
        return EO_ERROR;
    bool any = false;
    for (size_t i = 0; i < s->d->num_conv_engines; i++)
        any = any || conv_engine_runs(&s->d->conv_engines[i], p->kind);
    if (!any)
        return eo_op_error(c->op, "unsupported: no convolution engine of "
                           "target '%s' runs %s on int8 (use npu.cpu or "
                           "another unit)", s->d->name,
                           eo_npu_conv_kind_name(p->kind));
    c->inst = eo_npu_attr_at(c->op, "engine", 0, -1);
    if (c->inst >= 0) {
        size_t k = 0, i = 0;
        for (; i < s->ninsts; i++)
            if (s->insts[i].eng == EO_NPU_ENGINE_CONV && k++ == (size_t)c->inst)
                break;
        if (i == s->ninsts || !conv_engine_runs(
                &s->d->conv_engines[s->insts[i].desc], p->kind))
            return eo_op_error(c->op, "engine %lld does not exist or does "
                               "not run %s", (long long)c->inst,
                               eo_npu_conv_kind_name(p->kind));
    }
    int32_t *x = view_load(s, &w[0]), *wt = view_load(s, &w[1]);
    int32_t *y = view_load(s, &w[2]);
    int32_t *bias = p->has_bias ? view_load(s, &w[3]) : NULL;
    npu_stage stg;
    eo_status st = EO_NOMEM;
    if (x && wt && y && (bias || !p->has_bias)
        && (st = npu_stage_init(&stg, c->op, &p->out, p->o)) == EO_OK) {
        npu_kernel_conv(p, &stg, x, wt, bias, y);
        view_xfer(s, &w[2], y, true);
        npu_stage_free(&stg);
    }
    free(x);
    free(wt);
    free(y);
    free(bias);
    if (st != EO_OK)
        return st;
    for (size_t i = 0; i < nb; i++)
        c->acc[c->nacc++] = box_access(&w[i], NULL, NULL, i == 2);
    c->macs = (double)(p->n * p->ho * p->wo * p->o * p->kh * p->kw
                       * p->cin_per_out);
    c->mem_s = operand_time(s, c);
    charge_operands(s, c);
    if (p->out.accumulate)
        charge_bytes(s, c, s->bufs[w[2].b].level,
                     (double)(c->acc[2].hi - c->acc[2].lo));
    s->st.macs += c->macs;
    return enqueue(s, s->q_conv, (size_t)(c - s->cmds));
}

/* Columns one int8 weight takes: weight_bits-bit cells, each column one
 * bit (the layout eo_target_peak_macs assumes), so 8 for any cell width
 * dividing 8. */
static int64_t
cols_per_weight(const eo_imc_desc *m)
{
    int64_t wb = m->weight_bits > 0 ? m->weight_bits : 8;
    return wb * ((8 + wb - 1) / wb);
}

static eo_status
need_imc(sim *s, cmd *c)
{
    if (!s->d->has_imc || s->nx == 0)
        return eo_op_error(c->op, "unsupported: target '%s' has no IMC "
                           "crossbars", s->d->name);
    if (!(s->d->imc.dtypes & (1u << EO_TDT_INT8)))
        return eo_op_error(c->op, "unsupported: the crossbars of target "
                           "'%s' do not hold int8 weights", s->d->name);
    return EO_OK;
}

static eo_status
run_imc_program(sim *s, cmd *c)
{
    view w;
    if (need_imc(s, c) != EO_OK || views(s, c, 1, &w, false) != EO_OK)
        return EO_ERROR;
    const eo_imc_desc *m = &s->d->imc;
    int64_t k = w.shape[0], n = w.shape[1];
    int64_t x = eo_npu_attr_at(c->op, "crossbar", 0, 0);
    if (x >= (int64_t)s->nx)
        return eo_op_error(c->op, "crossbar %lld does not exist (target "
                           "'%s' has %zu)", (long long)x, s->d->name, s->nx);
    if (k > m->rows || n * cols_per_weight(m) > m->columns)
        return eo_op_error(c->op, "a %lldx%lld weight block does not fit a "
                           "crossbar of %lld rows x %lld columns (%lld "
                           "columns per int8 weight)", (long long)k,
                           (long long)n, (long long)m->rows,
                           (long long)m->columns,
                           (long long)cols_per_weight(m));
    int32_t *blk = view_load(s, &w);
    if (!blk)
        return EO_NOMEM;
    c->acc[c->nacc++] = box_access(&w, NULL, NULL, false);
    c->xbars[0] = x;
    c->nxbars = 1;
    charge_operands(s, c);
    bool same = s->xw[x] && s->xk[x] == k && s->xn[x] == n
                && memcmp(s->xw[x], blk, (size_t)(k * n) * sizeof *blk) == 0;
    if (same) {
        /* Resident already: nothing is written. */
        free(blk);
        s->st.imc_programs_skipped++;
        c->dur = 0;
    } else {
        free(s->xw[x]);
        s->xw[x] = blk;
        s->xk[x] = k;
        s->xn[x] = n;
        s->st.imc_programs++;
        /* Writing rows, or reading the block where it lives. */
        c->mem_s = operand_time(s, c);
        c->dur = (double)k * ns(m->program_ns_per_row);
        if (c->mem_s > c->dur)
            c->dur = c->mem_s;
        charge(s, c, EO_COST_PROGRAM,
               (double)(k * n * 8) * m->program_pj_per_bit * 1e-12);
    }
    return enqueue(s, s->q_imc, (size_t)(c - s->cmds));
}

static eo_status
run_imc_mvm(sim *s, cmd *c)
{
    eo_npu_mvm p;
    if (need_imc(s, c) != EO_OK || eo_npu_mvm_params(c->op, &p) != EO_OK)
        return EO_ERROR;
    size_t nb = p.has_bias ? 3 : 2;
    view w[3];
    if (views(s, c, nb, w, true) != EO_OK)
        return EO_ERROR;
    if (p.num_crossbars > sizeof c->xbars / sizeof c->xbars[0])
        return eo_op_error(c->op, "unsupported: more than %zu crossbars in "
                           "one npu.imc_mvm",
                           sizeof c->xbars / sizeof c->xbars[0]);
    int64_t ksum = 0;
    for (size_t i = 0; i < p.num_crossbars; i++) {
        int64_t x = eo_npu_mvm_crossbar(c->op, i);
        if (x >= (int64_t)s->nx)
            return eo_op_error(c->op, "crossbar %lld does not exist (target "
                               "'%s' has %zu)", (long long)x, s->d->name,
                               s->nx);
        if (!s->xw[x])
            return eo_op_error(c->op, "crossbar %lld holds no weights "
                               "(npu.imc_program it first)", (long long)x);
        if (s->xn[x] != p.n)
            return eo_op_error(c->op, "crossbar %lld holds %lld columns of "
                               "weights, the output has %lld",
                               (long long)x, (long long)s->xn[x],
                               (long long)p.n);
        ksum += s->xk[x];
        c->xbars[i] = x;
    }
    c->nxbars = p.num_crossbars;
    if (ksum != p.k)
        return eo_op_error(c->op, "the crossbars hold %lld weight rows in "
                           "all, the input has %lld columns",
                           (long long)ksum, (long long)p.k);
    int32_t *wk = malloc((size_t)(p.k * p.n > 0 ? p.k * p.n : 1)
                         * sizeof *wk);
    int32_t *x = view_load(s, &w[0]), *y = view_load(s, &w[1]);
    int32_t *bias = p.has_bias ? view_load(s, &w[2]) : NULL;
    npu_stage stg;
    eo_status st = EO_NOMEM;
    if (wk && x && y && (bias || !p.has_bias)
        && (st = npu_stage_init(&stg, c->op, &p.out, p.n)) == EO_OK) {
        int64_t row = 0;
        for (size_t i = 0; i < c->nxbars; i++) {
            int64_t xb = c->xbars[i];
            memcpy(wk + row * p.n, s->xw[xb],
                   (size_t)(s->xk[xb] * p.n) * sizeof *wk);
            row += s->xk[xb];
        }
        npu_kernel_mvm(&p, &stg, x, wk, bias, y);
        view_xfer(s, &w[1], y, true);
        npu_stage_free(&stg);
    }
    free(wk);
    free(x);
    free(y);
    free(bias);
    if (st != EO_OK)
        return st;
    for (size_t i = 0; i < nb; i++)
        c->acc[c->nacc++] = box_access(&w[i], NULL, NULL, i == 1);
    const eo_imc_desc *m = &s->d->imc;
    int64_t slices = (8 + m->dac_bits - 1) / m->dac_bits;
    if (m->input_bits > 8)
        slices = (m->input_bits + m->dac_bits - 1) / m->dac_bits;
    int64_t cells = p.n * cols_per_weight(m);
    int64_t rounds = m->adcs_per_crossbar > 0
                         ? (cells + m->adcs_per_crossbar - 1)
                               / m->adcs_per_crossbar
                         : 1;
    double cycles = (double)(p.m * slices * rounds);
    c->mem_s = operand_time(s, c);
    c->dur = fmax(cycles / (m->clock_mhz * 1e6), c->mem_s);
    c->macs = (double)(p.m * p.k * p.n);
    s->st.macs += c->macs;
    charge(s, c, EO_COST_COMPUTE, c->macs * m->mac_energy_pj * 1e-12);
    charge(s, c, EO_COST_ADC, (double)(p.m * slices) * (double)c->nxbars
                                  * eo_target_imc_periphery_pj(s->t) * 1e-12);
    charge_operands(s, c);
    return enqueue(s, s->q_imc, (size_t)(c - s->cmds));
}

static const eo_ew_op ew_op_of[EO_NPU_NUM_EW_KINDS] = {
    EO_EW_ADD, EO_EW_SUB, EO_EW_MUL, EO_EW_MIN, EO_EW_MAX, EO_EW_RELU,
    EO_EW_CLIP, EO_EW_REQUANT, EO_EW_MAXPOOL, EO_EW_AVGPOOL
};

static eo_status
run_ew(sim *s, cmd *c)
{
    eo_npu_ew p;
    if (eo_npu_ew_params(c->op, &p) != EO_OK)
        return EO_ERROR;
    size_t nb = p.num_inputs + 1;
    view w[3];
    if (views(s, c, nb, w, true) != EO_OK)
        return EO_ERROR;
    const eo_attr *ua = eo_op_attr(c->op, "unit");
    size_t ulen = 0;
    const char *uname = ua ? eo_attr_string(ua, &ulen) : NULL;
    size_t unit = SIZE_MAX;
    for (size_t i = 0; i < s->d->num_ew_units && unit == SIZE_MAX; i++) {
        const eo_ew_unit_desc *u = &s->d->ew_units[i];
        if (uname && (strlen(u->name) != ulen
                      || memcmp(u->name, uname, ulen) != 0))
            continue;
        if ((u->ops & (1u << ew_op_of[p.kind]))
            && (u->dtypes & (1u << EO_TDT_INT8)))
            unit = i;
        else if (uname)
            return eo_op_error(c->op, "unsupported: elementwise unit '%s' "
                               "does not run %s on int8", u->name,
                               eo_npu_ew_kind_name(p.kind));
    }
    if (unit == SIZE_MAX)
        return eo_op_error(c->op, uname ? "target '%s' has no elementwise "
                           "unit named '%s'" : "unsupported: no elementwise "
                           "unit of target '%s' runs %s on int8",
                           s->d->name, uname ? uname
                                             : eo_npu_ew_kind_name(p.kind));
    int32_t *a = view_load(s, &w[0]);
    int32_t *b = p.num_inputs == 2 ? view_load(s, &w[1]) : NULL;
    int32_t *y = view_load(s, &w[nb - 1]);
    if (!a || !y || (p.num_inputs == 2 && !b)) {
        free(a);
        free(b);
        free(y);
        return EO_NOMEM;
    }
    npu_kernel_ew(&p, c->op, a, b, y);
    view_xfer(s, &w[nb - 1], y, true);
    free(a);
    free(b);
    free(y);
    for (size_t i = 0; i < nb; i++)
        c->acc[c->nacc++] = box_access(&w[i], NULL, NULL, i == nb - 1);
    const eo_ew_unit_desc *u = &s->d->ew_units[unit];
    double work = (double)p.elems;
    if (p.kind == EO_NPU_EW_MAXPOOL || p.kind == EO_NPU_EW_AVGPOOL)
        work = (double)(p.n * p.ho * p.wo * p.c * p.kh * p.kw);
    double cycles = ceil(work / (double)u->lanes);
    c->mem_s = operand_time(s, c);
    c->dur = fmax(cycles / (u->clock_mhz * 1e6), c->mem_s);
    charge(s, c, EO_COST_COMPUTE, work * u->op_energy_pj * 1e-12);
    charge_operands(s, c);
    return enqueue(s, s->q_ew0 + unit, (size_t)(c - s->cmds));
}

/* The host-core work of a fallback region, from its ops' result sizes:
 * MACs of graph conv2d / gemm / matmul, one operation per result element
 * of everything else. */
static void
cpu_work(eo_op *region_op, double *macs, double *ops)
{
    eo_block *b = eo_region_first(eo_op_region(region_op, 0));
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        double out = 0;
        for (size_t i = 0; i < eo_op_num_results(op); i++) {
            int64_t n = eo_type_num_elements(eo_value_type(eo_op_result(op,
                                                                        i)));
            out += n > 0 ? (double)n : 1;
        }
        int k = eo_graph_op_kind(op);
        const eo_type *a = eo_op_num_operands(op)
                               ? eo_value_type(eo_op_operand(op, 0)) : NULL;
        const eo_type *w = eo_op_num_operands(op) > 1
                               ? eo_value_type(eo_op_operand(op, 1)) : NULL;
        if (k == GRAPH_CONV2D && w && eo_type_rank(w) >= 1
            && eo_type_dim(w, 0) > 0) {
            *macs += out * (double)eo_type_num_elements(w)
                     / (double)eo_type_dim(w, 0);
        } else if ((k == GRAPH_GEMM || k == GRAPH_MATMUL) && a
                   && eo_type_rank(a) >= 1) {
            size_t r = eo_type_rank(a);
            bool ta = k == GRAPH_GEMM
                      && eo_graph_attr_bool(op, "trans_a", false);
            *macs += out * (double)eo_type_dim(a, ta ? r - 2 : r - 1);
        } else {
            *ops += out;
        }
    }
}

/* Runs the region of npu.cpu 'op' with the graph interpreter: its body
 * is cloned into a temporary func.func whose arguments are the region's
 * and whose results are npu.yield's operands. */
static eo_status
interp_region(eo_op *op, size_t nin, const eo_tensor *in, size_t nout,
              eo_tensor *out)
{
    eo_ctx *ctx = eo_op_ctx(op);
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    eo_op *yield = eo_block_terminator(body);
    const eo_type *ins[32], *outs[32];
    if (nin > 32 || nout > 32)
        return eo_op_error(op, "unsupported: more than 32 inputs or outputs "
                           "in npu.cpu");
    for (size_t i = 0; i < nin; i++)
        ins[i] = eo_value_type(eo_block_arg(body, i));
    for (size_t i = 0; i < nout; i++)
        outs[i] = eo_value_type(eo_op_operand(yield, i));
    const eo_type *ft = eo_type_get_function(ctx, nin, ins, nout, outs);
    eo_op *fn = ft ? func_create(ctx, eo_op_loc(op), "npu_cpu_region", ft,
                                 false)
                   : NULL;
    eo_irmap *map = eo_irmap_create(ctx);
    if (!fn || !map) {
        if (fn)
            eo_op_destroy(fn);
        eo_irmap_destroy(map);
        return EO_NOMEM;
    }
    eo_block *entry = func_entry_block(fn);
    eo_status st = EO_OK;
    for (size_t i = 0; i < nin && st == EO_OK; i++)
        st = eo_irmap_map_value(map, eo_block_arg(body, i),
                                eo_block_arg(entry, i));
    for (eo_op *o = eo_block_first(body); o && st == EO_OK && o != yield;
         o = eo_op_next(o)) {
        eo_op *cl = eo_op_clone(o, map);
        if (!cl)
            st = EO_NOMEM;
        else
            eo_block_append(entry, cl);
    }
    if (st == EO_OK) {
        eo_value *rv[32];
        for (size_t i = 0; i < nout; i++) {
            eo_value *v = eo_irmap_lookup_value(map,
                                                eo_op_operand(yield, i));
            rv[i] = v ? v : eo_op_operand(yield, i);
        }
        eo_builder b;
        eo_builder_init(&b, ctx);
        eo_builder_set_end(&b, entry);
        b.loc = eo_op_loc(yield);
        if (!eo_builder_create(&b, "func.return", nout, rv, 0, NULL, 0,
                               NULL))
            st = EO_NOMEM;
    }
    size_t n = nout;
    if (st == EO_OK)
        st = eo_interp_run(fn, nin, in, &n, out);
    if (st == EO_OK && n != nout) {
        for (size_t i = 0; i < n; i++)
            eo_tensor_free(&out[i]);
        st = eo_op_error(op, "the region gave %zu results, expects %zu", n,
                         nout);
    }
    eo_irmap_destroy(map);
    eo_op_destroy(fn);
    return st;
}

static eo_status
run_cpu(sim *s, cmd *c)
{
    const eo_unit_desc *host = eo_target_host_unit(s->t);
    if (!host || host->clock_mhz <= 0)
        return eo_op_error(c->op, "unsupported: target '%s' has no host "
                           "CPU to run npu.cpu", s->d->name);
    size_t nb = eo_npu_num_buffers(c->op), nin = eo_npu_cpu_num_ins(c->op);
    if (nb > 32 || nb > MAX_ACC)
        return eo_op_error(c->op, "unsupported: more than %d buffers in "
                           "npu.cpu", MAX_ACC);
    view w[MAX_ACC];
    if (views(s, c, nb, w, false) != EO_OK)
        return EO_ERROR;
    eo_tensor in[MAX_ACC], out[MAX_ACC];
    memset(in, 0, sizeof in);
    memset(out, 0, sizeof out);
    eo_status st = EO_OK;
    for (size_t i = 0; i < nin && st == EO_OK; i++) {
        eo_dtype dt = dtype_of(eo_value_type(eo_op_operand(c->op, i)));
        st = eo_tensor_alloc(&in[i], dt, w[i].rank, w[i].shape);
        if (st != EO_OK)
            break;
        int32_t *d = view_load(s, &w[i]);
        if (!d) {
            st = EO_NOMEM;
            break;
        }
        int64_t n = view_elems(&w[i]);
        for (int64_t e = 0; e < n; e++) {
            if (dt != EO_DT_I8)     /* i32, or f32 bits */
                memcpy((char *)in[i].data + 4 * e, &d[e], 4);
            else
                ((int8_t *)in[i].data)[e] = (int8_t)d[e];
        }
        free(d);
    }
    if (st == EO_OK)
        st = interp_region(c->op, nin, in, nb - nin, out);
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
    if (st != EO_OK)
        return st;
    for (size_t i = 0; i < nb - nin; i++) {
        const view *v = &w[nin + i];
        int64_t n = view_elems(v);
        int32_t *d = malloc((size_t)(n > 0 ? n : 1) * sizeof *d);
        if (!d) {
            st = EO_NOMEM;
            break;
        }
        bool wide = out[i].dtype == EO_DT_I32 || out[i].dtype == EO_DT_F32;
        for (int64_t e = 0; e < n; e++) {
            if (wide)
                memcpy(&d[e], (const char *)out[i].data + 4 * e, 4);
            else
                d[e] = ((int8_t *)out[i].data)[e];
        }
        view_xfer(s, v, d, true);
        free(d);
    }
    for (size_t i = 0; i < nb - nin; i++)
        eo_tensor_free(&out[i]);
    if (st != EO_OK)
        return st;
    for (size_t i = 0; i < nb; i++)
        c->acc[c->nacc++] = box_access(&w[i], NULL, NULL, i >= nin);
    /* Constants in the region (weights of layers on the host) are read
     * from flash (else off-chip memory), as npu-map places the engines'
     * weights. */
    double cbytes = 0;
    eo_block *body = eo_region_first(eo_op_region(c->op, 0));
    for (eo_op *o = body ? eo_block_first(body) : NULL; o;
         o = eo_op_next(o)) {
        if (eo_graph_op_kind(o) != GRAPH_CONSTANT
            || eo_op_num_results(o) != 1)
            continue;
        const eo_type *ct = eo_value_type(eo_op_result(o, 0));
        const eo_type *e = eo_type_elem_or_self(ct);
        if (eo_type_is_quant(e))
            e = eo_quant_storage_type(e);
        int64_t n = eo_type_is_shaped(ct) ? eo_type_num_elements(ct) : 1;
        if (n > 0)
            cbytes += (double)n * (double)eo_dense_elem_bytes(e);
    }
    double macs = 0, ops = 0;
    cpu_work(c->op, &macs, &ops);
    double mpc = host->macs_per_cycle[EO_TDT_INT8];
    if (mpc <= 0)
        mpc = 1;
    double hz = host->clock_mhz * 1e6 * (double)(host->count > 0
                                                     ? host->count : 1);
    c->mem_s = operand_time(s, c);
    size_t clv = 0;
    if (cbytes > 0 && (find_kind(s->d, EO_MEMORY_FLASH, &clv)
                       || resolve_level(s, c->op, NULL, &clv) == EO_OK)) {
        c->mem_s += cbytes / level_bw(s, clv);
        charge_bytes(s, c, clv, cbytes);
    }
    c->dur = macs / (mpc * hz) + ops / hz + c->mem_s;
    c->macs = macs;
    s->st.macs += macs;
    charge(s, c, EO_COST_COMPUTE,
           (macs * host->mac_energy_pj[EO_TDT_INT8]
            + ops * host->alu_energy_pj) * 1e-12);
    charge_operands(s, c);
    return enqueue(s, s->q_cpu, (size_t)(c - s->cmds));
}

/* ------------------------------------------------------------------ */
/* Loading the program                                                 */
/* ------------------------------------------------------------------ */

static eo_status
new_cmd(sim *s, eo_op *op, size_t barrier, cmd **out)
{
    if (s->ncmds == s->capcmds) {
        size_t nc = s->capcmds ? s->capcmds * 2 : 32;
        cmd *n = realloc(s->cmds, nc * sizeof *n);
        if (!n)
            return EO_NOMEM;
        s->cmds = n;
        s->capcmds = nc;
    }
    cmd *c = &s->cmds[s->ncmds];
    memset(c, 0, sizeof *c);
    c->op = op;
    c->kind = eo_npu_op_kind(op);
    c->barrier = barrier;
    c->queue = SIZE_MAX;
    c->inst = -1;
    size_t nd = c->kind == NPU_WAIT ? eo_op_num_operands(op)
                                    : eo_npu_num_deps(op);
    if (nd) {
        c->deps = calloc(nd, sizeof *c->deps);
        if (!c->deps)
            return EO_NOMEM;
    }
    for (size_t i = 0; i < nd; i++) {
        eo_value *t = c->kind == NPU_WAIT ? eo_op_operand(op, i)
                                          : eo_npu_dep(op, i);
        size_t dc;
        if (!vmap_get(&s->vals, t, &dc)) {
            free(c->deps);
            return eo_op_error(op, "waits for a token no earlier command "
                               "of this function produced");
        }
        c->deps[c->ndeps++] = dc;
    }
    if (eo_op_num_results(op) == 1
        && vmap_put(&s->vals, eo_op_result(op, 0), s->ncmds) != EO_OK) {
        free(c->deps);
        return EO_NOMEM;
    }
    *out = c;
    s->ncmds++;
    return EO_OK;
}

static eo_status
track_alloc(sim *s, eo_op *op, size_t b, bool add)
{
    buf *bu = &s->bufs[b];
    if (!add && !bu->onchip) {
        if (bu->dead)
            return eo_op_error(op, "deallocates a buffer twice");
        bu->dead = true;
        return EO_OK;
    }
    if (!bu->onchip)
        return EO_OK;
    if (!add) {
        if (bu->dead)
            return eo_op_error(op, "deallocates a buffer twice");
        bu->dead = true;
        s->live_onchip -= bu->bytes;
        s->live_level[bu->level] -= bu->bytes;
        return EO_OK;
    }
    s->live_onchip += bu->bytes;
    s->live_level[bu->level] += bu->bytes;
    if (s->live_onchip > s->st.sram_peak_bytes)
        s->st.sram_peak_bytes = s->live_onchip;
    const eo_memory_desc *m = &s->d->memory[bu->level];
    if ((int64_t)s->live_level[bu->level] > m->size_bytes)
        return eo_op_error(op, "'%s' overflows: %llu bytes live, %lld "
                           "available", m->name,
                           (unsigned long long)s->live_level[bu->level],
                           (long long)m->size_bytes);
    return EO_OK;
}

static eo_status
load_global(sim *s, eo_op *op)
{
    eo_op *g = eo_symbol_lookup_nearest(op, eo_op_attr(op, "name"));
    const eo_type *ty = eo_value_type(eo_op_result(op, 0));
    size_t level, b;
    if (!g)
        return eo_op_error(op, "refers to a global that does not exist");
    if (resolve_level(s, op, eo_type_memspace(ty), &level) != EO_OK
        || add_buf(s, op, ty, level, &b) != EO_OK)
        return EO_ERROR;
    const eo_attr *init = eo_op_attr(g, "initial_value");
    if (init && eo_attr_get_kind(init) != EO_ATTR_UNIT) {
        eo_tensor t;
        if (eo_tensor_from_attr(s->ctx, eo_op_loc(g), init, &t) != EO_OK)
            return EO_ERROR;
        if (t.nbytes != s->bufs[b].bytes) {
            eo_tensor_free(&t);
            return eo_op_error(op, "the global's initial value has %zu "
                               "bytes, the buffer %zu", t.nbytes,
                               s->bufs[b].bytes);
        }
        memcpy(s->bufs[b].data, t.data, t.nbytes);
        eo_tensor_free(&t);
    }
    if (vmap_put(&s->vals, eo_op_result(op, 0), b) != EO_OK)
        return EO_NOMEM;
    return track_alloc(s, op, b, true);
}

static eo_status
run_op(sim *s, eo_op *op, size_t *barrier)
{
    int k = eo_npu_op_kind(op);
    if (k >= 0 && k != NPU_YIELD) {
        cmd *c = NULL;
        if (new_cmd(s, op, *barrier, &c) != EO_OK)
            return EO_ERROR;
        s->st.num_commands++;
        switch (k) {
        case NPU_DMA: return run_dma(s, c);
        case NPU_CONV: return run_conv(s, c);
        case NPU_IMC_PROGRAM: return run_imc_program(s, c);
        case NPU_IMC_MVM: return run_imc_mvm(s, c);
        case NPU_EW: return run_ew(s, c);
        case NPU_CPU: return run_cpu(s, c);
        default:
            *barrier = (size_t)(c - s->cmds);
            return EO_OK;
        }
    }
    enum memref_op m = memref_op_kind(op);
    if (m == MEMREF_ALLOC || m == MEMREF_ALLOCA) {
        const eo_type *ty = eo_value_type(eo_op_result(op, 0));
        size_t level, b;
        if (eo_op_num_operands(op) != 0)
            return eo_op_error(op, "unsupported: a dynamically sized "
                               "allocation");
        if (resolve_level(s, op, eo_type_memspace(ty), &level) != EO_OK
            || add_buf(s, op, ty, level, &b) != EO_OK)
            return EO_ERROR;
        if (vmap_put(&s->vals, eo_op_result(op, 0), b) != EO_OK)
            return EO_NOMEM;
        return track_alloc(s, op, b, true);
    }
    if (m == MEMREF_DEALLOC) {
        size_t b;
        if (!vmap_get(&s->vals, eo_op_operand(op, 0), &b)
            || eo_value_is_block_arg(eo_op_operand(op, 0)))
            return eo_op_error(op, "unsupported: deallocating a view or an "
                               "argument");
        return track_alloc(s, op, b, false);
    }
    if (m == MEMREF_GET_GLOBAL)
        return load_global(s, op);
    if (is_view_op(op))
        return EO_OK;
    if (eo_op_has_trait(op, EO_RETURN_LIKE)) {
        if (eo_op_num_operands(op) != 0)
            return eo_op_error(op, "unsupported: an npu program returning "
                               "values (pass outputs as arguments)");
        return EO_OK;
    }
    return eo_op_error(op, "unsupported by the NPU simulator (expects npu "
                       "commands, memref.alloc / dealloc / get_global and "
                       "views)");
}

static eo_status
bind_args(sim *s, eo_block *entry, size_t nin, const eo_tensor *in)
{
    for (size_t i = 0; i < eo_block_num_args(entry); i++) {
        eo_value *a = eo_block_arg(entry, i);
        const eo_type *ty = eo_value_type(a);
        eo_op *f = s->func;
        if (eo_type_get_kind(ty) != EO_TYPE_MEMREF
            || eo_type_num_elements(ty) < 0
            || (eo_type_layout(ty)
                && eo_attr_get_kind(eo_type_layout(ty)) != EO_ATTR_AFFINE_MAP)
            || (!eo_type_is_signless_int(eo_type_elem(ty), 8)
                && !eo_type_is_signless_int(eo_type_elem(ty), 32)
                && !is_f32(ty)))
            return eo_op_error(f, "argument #%zu must be a statically shaped "
                               "memref of i8, i32 or f32 with the identity "
                               "layout", i);
        const eo_attr *ms = eo_type_memspace(ty);
        if (ms && (eo_attr_get_kind(ms) != EO_ATTR_STRING || eo_attr_type(ms)))
            return eo_op_error(f, "argument #%zu has a memory space that is "
                               "not a string", i);
        size_t level, b;
        if (resolve_level(s, f, ms, &level) != EO_OK
            || add_buf(s, f, ty, level, &b) != EO_OK)
            return EO_ERROR;
        if (vmap_put(&s->vals, a, b) != EO_OK)
            return EO_NOMEM;
        if (track_alloc(s, f, b, true) != EO_OK)
            return EO_ERROR;
        if (i >= nin)
            continue;
        eo_dtype want = dtype_of(ty);
        bool ok = (in[i].dtype == want
                   || (want == EO_DT_I8 && in[i].dtype == EO_DT_U8))
                  && in[i].rank == eo_type_rank(ty)
                  && in[i].nbytes == s->bufs[b].bytes;
        for (size_t d = 0; ok && d < in[i].rank; d++)
            ok = in[i].shape[d] == eo_type_dim(ty, d);
        if (!ok)
            return eo_op_error(f, "input #%zu (%s) does not match argument "
                               "#%zu's type", i, eo_dtype_name(in[i].dtype),
                               i);
        memcpy(s->bufs[b].data, in[i].data, in[i].nbytes);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Timing                                                              */
/* ------------------------------------------------------------------ */

/* The commands waiting for 'j' (its tokens' users and, after an
 * npu.wait, every later command). */
static eo_status
add_succ(sim *s, size_t from, size_t to)
{
    cmd *c = &s->cmds[from];
    if (c->nsucc == c->capsucc) {
        size_t nc = c->capsucc ? c->capsucc * 2 : 4;
        size_t *n = realloc(c->succ, nc * sizeof *n);
        if (!n)
            return EO_NOMEM;
        c->succ = n;
        c->capsucc = nc;
    }
    c->succ[c->nsucc++] = to;
    s->cmds[to].waiting++;
    return EO_OK;
}

static eo_status
build_graph(sim *s)
{
    for (size_t j = 0; j < s->ncmds; j++) {
        cmd *c = &s->cmds[j];
        for (size_t i = 0; i < c->ndeps; i++)
            if (add_succ(s, c->deps[i], j) != EO_OK)
                return EO_NOMEM;
        if (c->barrier != SIZE_MAX && add_succ(s, c->barrier, j) != EO_OK)
            return EO_NOMEM;
    }
    return EO_OK;
}

/* Adds ready command j to its queue's ready list (kept in program
 * order) or, for npu.wait, to the waits done at the current time. */
static eo_status
make_ready(sim *s, size_t j)
{
    cmd *c = &s->cmds[j];
    if (c->kind == NPU_WAIT) {
        if (s->nwaits == s->capwaits) {
            size_t nc = s->capwaits ? s->capwaits * 2 : 16;
            size_t *n = realloc(s->waits, nc * sizeof *n);
            if (!n)
                return EO_NOMEM;
            s->waits = n;
            s->capwaits = nc;
        }
        s->waits[s->nwaits++] = j;
        return EO_OK;
    }
    queue *q = &s->queues[c->queue];
    if (q->len == q->cap) {
        size_t nc = q->cap ? q->cap * 2 : 16;
        size_t *n = realloc(q->items, nc * sizeof *n);
        if (!n)
            return EO_NOMEM;
        q->items = n;
        q->cap = nc;
    }
    size_t lo = 0, hi = q->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (q->items[mid] < j)
            lo = mid + 1;
        else
            hi = mid;
    }
    memmove(q->items + lo + 1, q->items + lo, (q->len - lo) * sizeof j);
    q->items[lo] = j;
    q->len++;
    return EO_OK;
}

static bool
overlaps(const access *a, const access *b)
{
    return a->b == b->b && (a->write || b->write) && a->lo < b->hi
           && b->lo < a->hi;
}

/* Whether c and e use a crossbar in common, one of them programming
 * it (imc_program writes its crossbar, imc_mvm reads its crossbars). */
static bool
crossbar_conflict(const cmd *c, const cmd *e)
{
    if (c->kind != NPU_IMC_PROGRAM && e->kind != NPU_IMC_PROGRAM)
        return false;
    for (size_t a = 0; a < c->nxbars; a++)
        for (size_t b = 0; b < e->nxbars; b++)
            if (c->xbars[a] == e->xbars[b])
                return true;
    return false;
}

static eo_status
race_error(const cmd *c, const cmd *e, const char *what)
{
    eo_diag_builder *d = eo_op_error_begin(
        c->op, "races with an earlier command: it %s the earlier command "
        "%s, and no token orders them", what,
        e->state == C_PENDING ? "(not started yet) uses"
                              : "(still running) uses");
    eo_diag_note(d, eo_op_loc(e->op), "the earlier command");
    return eo_diag_emit(d);
}

/* Rejects starting command j while an earlier unfinished command
 * conflicts with it. */
static eo_status
race_check(sim *s, size_t j)
{
    const cmd *c = &s->cmds[j];
    for (size_t i = s->first_open; i < j; i++) {
        const cmd *e = &s->cmds[i];
        if (e->state == C_DONE)
            continue;
        for (size_t a = 0; a < c->nacc; a++)
            for (size_t b = 0; b < e->nacc; b++)
                if (overlaps(&c->acc[a], &e->acc[b]))
                    return race_error(c, e, c->acc[a].write
                                                ? "writes bytes"
                                                : "reads bytes");
        if (crossbar_conflict(c, e))
            return race_error(c, e, "uses a crossbar");
    }
    return EO_OK;
}

/* A free instance of queue q able to run c, or SIZE_MAX. */
static size_t
pick_inst(sim *s, size_t q, const cmd *c)
{
    if (s->queues[q].eng == EO_NPU_ENGINE_IMC) {
        for (size_t i = 0; i < c->nxbars; i++)
            if (s->xbusy[c->xbars[i]])
                return SIZE_MAX;
        return 0;
    }
    size_t k = 0;
    for (size_t i = s->queues[q].first_inst; i < s->ninsts; i++) {
        const inst *in = &s->insts[i];
        if (in->queue != q)
            break;
        size_t idx = k++;
        if (in->busy || (c->inst >= 0 && (int64_t)idx != c->inst))
            continue;
        if (in->eng == EO_NPU_ENGINE_CONV
            && !conv_engine_runs(&s->d->conv_engines[in->desc],
                                 c->conv.kind))
            continue;
        if (in->eng == EO_NPU_ENGINE_DMA
            && (int64_t)c->dims > s->d->dma[in->desc].max_dims)
            continue;
        return i;
    }
    return SIZE_MAX;
}

static double
conv_duration(sim *s, cmd *c, const eo_conv_engine_desc *e)
{
    const eo_npu_conv *p = &c->conv;
    double red = p->kind == EO_NPU_DEPTHWISE ? (double)(p->kh * p->kw)
                                             : (double)(p->kh * p->kw
                                                        * p->cin_per_out);
    double cycles = (double)(p->n * p->ho * p->wo)
                    * ceil(red / (double)e->mac_rows)
                    * ceil((double)p->o / (double)e->mac_cols);
    charge(s, c, EO_COST_COMPUTE, c->macs * e->mac_energy_pj * 1e-12);
    return fmax(cycles / (e->clock_mhz * 1e6), c->mem_s);
}

static void
start(sim *s, size_t j, size_t at, double now)
{
    cmd *c = &s->cmds[j];
    c->start = now;
    c->at = at;
    s->running[s->nrunning++] = j;
    if (s->queues[c->queue].eng == EO_NPU_ENGINE_IMC) {
        for (size_t i = 0; i < c->nxbars; i++)
            s->xbusy[c->xbars[i]] = true;
    } else {
        s->insts[at].busy = true;
    }
    if (c->kind == NPU_DMA) {
        const eo_dma_desc *d = &s->d->dma[s->insts[at].desc];
        double lat = fmax(s->d->memory[c->src_level].latency_ns,
                          s->d->memory[c->dst_level].latency_ns);
        charge(s, c, c->offchip ? EO_COST_DRAM : EO_COST_MEMORY,
               c->bytes * d->energy_pj_per_byte * 1e-12);
        c->state = C_SETUP;
        c->setup_end = now + ns(d->setup_ns) + ns(lat);
        c->remaining = c->bytes;
        c->end = c->setup_end;
        return;
    }
    if (c->kind == NPU_CONV)
        c->dur = conv_duration(s, c,
                               &s->d->conv_engines[s->insts[at].desc]);
    c->state = C_RUNNING;
    c->end = now + c->dur;
}

/* Marks j done at 'now' and readies the commands waiting for it. */
static eo_status
complete(sim *s, size_t j, double now)
{
    cmd *c = &s->cmds[j];
    c->state = C_DONE;
    c->end = now;
    s->ndone++;
    if (c->kind != NPU_WAIT) {
        eo_npu_engine e = s->queues[c->queue].eng;
        s->st.busy_s[e] += now - c->start;
        if (e == EO_NPU_ENGINE_IMC) {
            for (size_t i = 0; i < c->nxbars; i++)
                s->xbusy[c->xbars[i]] = false;
        } else {
            s->insts[c->at].busy = false;
        }
    }
    for (size_t i = 0; i < c->nsucc; i++)
        if (--s->cmds[c->succ[i]].waiting == 0
            && make_ready(s, c->succ[i]) != EO_OK)
            return EO_NOMEM;
    while (s->first_open < s->ncmds
           && s->cmds[s->first_open].state == C_DONE)
        s->first_open++;
    return EO_OK;
}

/* Shares bandwidth between the transfers moving bytes now. */
static void
dma_rates(sim *s)
{
    size_t per_desc[64] = {0}, per_level[64] = {0};
    for (size_t r = 0; r < s->nrunning; r++) {
        cmd *c = &s->cmds[s->running[r]];
        if (c->kind != NPU_DMA || c->state != C_RUNNING)
            continue;
        per_desc[s->insts[c->at].desc % 64]++;
        per_level[c->src_level % 64]++;
        if (c->dst_level != c->src_level)
            per_level[c->dst_level % 64]++;
    }
    for (size_t r = 0; r < s->nrunning; r++) {
        cmd *c = &s->cmds[s->running[r]];
        if (c->kind != NPU_DMA || c->state != C_RUNNING)
            continue;
        size_t d = s->insts[c->at].desc;
        double rate = s->d->dma[d].bandwidth_gbps * 1e9
                      / (double)per_desc[d % 64];
        rate = fmin(rate, level_bw(s, c->src_level)
                              / (double)per_level[c->src_level % 64]);
        rate = fmin(rate, level_bw(s, c->dst_level)
                              / (double)per_level[c->dst_level % 64]);
        c->rate = rate;
    }
}

/* Starts every command that can start at 'now'; *any says whether one
 * did (or a wait completed). */
static eo_status
start_ready(sim *s, double now, bool *any)
{
    *any = false;
    while (s->nwaits > 0) {
        size_t w = s->waits[--s->nwaits];
        s->cmds[w].start = now;
        if (complete(s, w, now) != EO_OK)
            return EO_NOMEM;
        *any = true;
    }
    for (size_t q = 0; q < s->nqueues; q++) {
        queue *qu = &s->queues[q];
        size_t keep = 0;
        for (size_t i = 0; i < qu->len; i++) {
            size_t j = qu->items[i];
            size_t at = pick_inst(s, q, &s->cmds[j]);
            if (at == SIZE_MAX) {
                qu->items[keep++] = j;
                continue;
            }
            if (race_check(s, j) != EO_OK)
                return EO_ERROR;
            start(s, j, at, now);
            *any = true;
        }
        qu->len = keep;
    }
    return EO_OK;
}

static eo_status
simulate(sim *s)
{
    double now = 0;
    eo_status st;
    s->running = malloc((s->ninsts + s->nx + 1) * sizeof *s->running);
    if (!s->running || build_graph(s) != EO_OK)
        return EO_NOMEM;
    for (size_t j = 0; j < s->ncmds; j++)
        if (s->cmds[j].waiting == 0 && make_ready(s, j) != EO_OK)
            return EO_NOMEM;
    while (s->ndone < s->ncmds) {
        bool any = true;
        while (any)
            if ((st = start_ready(s, now, &any)) != EO_OK)
                return st;
        if (s->ndone == s->ncmds)
            break;
        dma_rates(s);
        double next = INFINITY;
        size_t who = SIZE_MAX;
        for (size_t r = 0; r < s->nrunning; r++) {
            cmd *c = &s->cmds[s->running[r]];
            double t = c->state == C_RUNNING && c->kind == NPU_DMA
                           ? now + c->remaining / c->rate : c->end;
            if (t < next) {
                next = t;
                who = s->running[r];
            }
        }
        if (who == SIZE_MAX)
            return eo_op_error(s->cmds[s->first_open].op, "the command "
                               "stream cannot make progress here");
        double dt = next - now;
        now = next;
        size_t keep = 0;
        for (size_t r = 0; r < s->nrunning; r++) {
            size_t j = s->running[r];
            cmd *c = &s->cmds[j];
            bool done = false;
            if (c->state == C_SETUP) {
                if (c->end <= now || j == who)
                    c->state = C_RUNNING;
            } else if (c->kind == NPU_DMA) {
                c->remaining -= c->rate * dt;
                done = j == who || c->remaining <= 1e-9 * c->bytes;
            } else {
                done = c->end <= now || j == who;
            }
            if (!done) {
                s->running[keep++] = j;
                continue;
            }
            if (complete(s, j, now) != EO_OK)
                return EO_NOMEM;
        }
        s->nrunning = keep;
    }
    s->st.latency_s = now;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Layers                                                              */
/* ------------------------------------------------------------------ */

/* The unit that ran c (borrowed from the target or static). */
static const char *
unit_name(const sim *s, const cmd *c)
{
    switch (s->queues[c->queue].eng) {
    case EO_NPU_ENGINE_DMA:
        return s->d->dma[s->insts[c->at].desc].name;
    case EO_NPU_ENGINE_CONV:
        return s->d->conv_engines[s->insts[c->at].desc].name;
    case EO_NPU_ENGINE_IMC:
        return "imc";
    case EO_NPU_ENGINE_EW:
        return s->d->ew_units[s->insts[c->at].desc].name;
    default: {
        const eo_unit_desc *h = eo_target_host_unit(s->t);
        return h ? h->name : "cpu";
    }
    }
}

static uint64_t
fnv(const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 1099511628211ull;
    return h;
}

/* Groups the commands by site key into s->st.layers. */
static eo_status
build_layers(sim *s)
{
    size_t cap = 16;
    while (cap < 2 * s->ncmds + 2)
        cap *= 2;
    size_t *slot = malloc(cap * sizeof *slot);
    eo_npu_sim_layer *ls = calloc(s->ncmds ? s->ncmds : 1, sizeof *ls);
    bool *by_dma = calloc(s->ncmds ? s->ncmds : 1, sizeof *by_dma);
    eo_strbuf key = {0};
    eo_status st = slot && ls && by_dma ? EO_OK : EO_NOMEM;
    size_t n = 0;
    for (size_t i = 0; slot && i < cap; i++)
        slot[i] = SIZE_MAX;
    for (size_t j = 0; st == EO_OK && j < s->ncmds; j++) {
        const cmd *c = &s->cmds[j];
        if (c->kind == NPU_WAIT)
            continue;
        key.len = 0;
        if (key.data)
            key.data[0] = '\0';
        eo_op_site_key(c->op, &key);
        if (key.oom || !key.data) {
            st = EO_NOMEM;
            break;
        }
        size_t h = (size_t)fnv(key.data, key.len) & (cap - 1);
        while (slot[h] != SIZE_MAX && strcmp(ls[slot[h]].name, key.data))
            h = (h + 1) & (cap - 1);
        eo_npu_sim_layer *l;
        if (slot[h] == SIZE_MAX) {
            l = &ls[n];
            l->name = malloc(key.len + 1);
            if (!l->name) {
                st = EO_NOMEM;
                break;
            }
            memcpy(l->name, key.data, key.len + 1);
            l->start_s = c->start;
            l->unit = NULL;
            slot[h] = n++;
        } else {
            l = &ls[slot[h]];
        }
        /* The computing unit, else the first DMA engine. */
        bool dma = c->kind == NPU_DMA;
        if (!l->unit || (!dma && by_dma[l - ls])) {
            l->unit = unit_name(s, c);
            by_dma[l - ls] = dma;
        }
        l->start_s = fmin(l->start_s, c->start);
        l->end_s = fmax(l->end_s, c->end);
        l->busy_s += c->end - c->start;
        l->energy_j += c->energy_j;
        l->macs += c->macs;
        l->commands++;
    }
    free(slot);
    free(by_dma);
    eo_strbuf_free(&key);
    if (st != EO_OK) {
        for (size_t i = 0; ls && i < n; i++)
            free(ls[i].name);
        free(ls);
        return st;
    }
    s->st.layers = ls;
    s->st.num_layers = n;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Entry point                                                         */
/* ------------------------------------------------------------------ */

static void
sim_free(sim *s)
{
    for (size_t i = 0; i < s->nbufs; i++)
        free(s->bufs[i].data);
    free(s->bufs);
    for (size_t i = 0; i < s->ncmds; i++) {
        free(s->cmds[i].deps);
        free(s->cmds[i].succ);
    }
    free(s->running);
    free(s->waits);
    free(s->live_level);
    free(s->cmds);
    free(s->insts);
    for (size_t i = 0; i < s->nqueues; i++)
        free(s->queues[i].items);
    free(s->queues);
    for (size_t i = 0; s->xw && i < s->nx; i++)
        free(s->xw[i]);
    free(s->xw);
    free(s->xk);
    free(s->xn);
    free(s->xbusy);
    vmap_free(&s->vals);
}

/* Steady state (function attribute npu.steady_state): the crossbars
 * hold what a previous run of the program left in them, as on a device
 * running inference after inference. A first functional run (no timing)
 * finds those blocks and moves them into 's', set up but not run yet;
 * so a block programmed once into a crossbar nothing else overwrites
 * (weights resident) is free, a crossbar shared by layers is paid again
 * at every run. */
static eo_status
warm_crossbars(sim *s, eo_ctx *ctx, const eo_target *t, eo_op *func,
               eo_block *entry, size_t nin, const eo_tensor *in)
{
    bool any = false;
    for (eo_op *op = eo_block_first(entry); op && !any; op = eo_op_next(op))
        any = eo_npu_op_kind(op) == NPU_IMC_PROGRAM;
    if (!any)
        return EO_OK;
    sim w;
    memset(&w, 0, sizeof w);
    w.ctx = ctx;
    w.t = t;
    w.d = s->d;
    w.func = func;
    w.live_level = calloc(s->d->num_memory, sizeof *w.live_level);
    eo_status st = w.live_level ? setup_engines(&w) : EO_NOMEM;
    if (st == EO_OK)
        st = bind_args(&w, entry, nin, in);
    size_t barrier = SIZE_MAX;
    for (eo_op *op = eo_block_first(entry); op && st == EO_OK;
         op = eo_op_next(op))
        st = run_op(&w, op, &barrier);
    for (size_t i = 0; st == EO_OK && i < s->nx && i < w.nx; i++) {
        s->xw[i] = w.xw[i];
        s->xk[i] = w.xk[i];
        s->xn[i] = w.xn[i];
        w.xw[i] = NULL;
    }
    eo_npu_sim_stats_free(&w.st);
    sim_free(&w);
    return st;
}

static double
report_clock(const eo_target_desc *d, const eo_target *t)
{
    if (d->num_conv_engines)
        return d->conv_engines[0].clock_mhz;
    if (d->has_imc)
        return d->imc.clock_mhz;
    const eo_unit_desc *h = eo_target_host_unit(t);
    return h ? h->clock_mhz : 1000;
}

eo_status
eo_npu_sim_run(eo_ctx *ctx, const eo_target *t, eo_op *func, size_t nin,
               const eo_tensor *in, size_t *nout, eo_tensor *out,
               eo_npu_sim_stats *stats)
{
    size_t cap = nout ? *nout : 0;
    if (nout)
        *nout = 0;
    if (stats)
        memset(stats, 0, sizeof *stats);
    eo_block *entry = func ? func_entry_block(func) : NULL;
    if (!entry || eo_region_num_blocks(eo_op_region(func, 0)) != 1)
        return func ? eo_op_error(func, "expects a func.func with a body of "
                                  "one block")
                    : eo_emit_error(ctx, NULL, "no function to simulate");
    const eo_target_desc *d = eo_target_desc_get(t);
    if (d->kind != EO_TARGET_NPU || d->num_memory == 0)
        return eo_op_error(func, "target '%s' is not an NPU (kind %s)",
                           d->name, eo_target_kind_name(d->kind));
    size_t nargs = eo_block_num_args(entry);
    if (nin > nargs)
        return eo_op_error(func, "%zu inputs given, the function has %zu "
                           "arguments", nin, nargs);
    if (nargs - nin > cap)
        return eo_op_error(func, "room for %zu outputs, the function has "
                           "%zu output arguments", cap, nargs - nin);
    sim s;
    memset(&s, 0, sizeof s);
    s.ctx = ctx;
    s.t = t;
    s.d = d;
    s.func = func;
    s.live_level = calloc(d->num_memory, sizeof *s.live_level);
    eo_status st = s.live_level ? setup_engines(&s) : EO_NOMEM;
    if (st == EO_OK && d->has_imc && eo_op_attr(func, "npu.steady_state"))
        st = warm_crossbars(&s, ctx, t, func, entry, nin, in);
    if (st == EO_OK)
        st = bind_args(&s, entry, nin, in);
    size_t barrier = SIZE_MAX;
    for (eo_op *op = eo_block_first(entry); op && st == EO_OK;
         op = eo_op_next(op))
        st = run_op(&s, op, &barrier);
    if (st == EO_OK)
        st = simulate(&s);
    if (st == EO_OK) {
        double static_w = 0;
        for (size_t i = 0; i < d->num_units; i++)
            static_w += d->units[i].static_power_mw * 1e-3;
        s.st.energy[EO_COST_STATIC] = static_w * s.st.latency_s;
        for (int i = 0; i < EO_COST_NUM_COMPONENTS; i++)
            s.st.energy_j += s.st.energy[i];
        s.st.clock_mhz = report_clock(d, t);
        if (stats)
            st = build_layers(&s);
        s.st.cycles = (uint64_t)ceil(s.st.latency_s * s.st.clock_mhz * 1e6
                                     - 1e-6);
    }
    /* Outputs: the arguments after the inputs. */
    for (size_t i = nin; i < nargs && st == EO_OK; i++) {
        eo_value *a = eo_block_arg(entry, i);
        const eo_type *ty = eo_value_type(a);
        size_t b = 0;
        (void)vmap_get(&s.vals, a, &b);
        st = eo_tensor_alloc(&out[i - nin], dtype_of(ty), eo_type_rank(ty),
                             eo_type_shape(ty));
        if (st != EO_OK)
            break;
        memcpy(out[i - nin].data, s.bufs[b].data, s.bufs[b].bytes);
        *nout = i - nin + 1;
    }
    if (st != EO_OK && nout) {
        for (size_t i = 0; i < *nout; i++)
            eo_tensor_free(&out[i]);
        *nout = 0;
    }
    if (st == EO_OK && stats)
        *stats = s.st;
    else
        eo_npu_sim_stats_free(&s.st);
    sim_free(&s);
    return st;
}

void
eo_npu_sim_stats_free(eo_npu_sim_stats *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->num_layers; i++)
        free(s->layers[i].name);
    free(s->layers);
    memset(s, 0, sizeof *s);
}

/* Appends 'str' as a JSON string. */
static void
json_str(eo_strbuf *out, const char *str)
{
    eo_strbuf_puts(out, "\"");
    for (const unsigned char *p = (const unsigned char *)str; *p; p++) {
        if (*p == '"' || *p == '\\')
            eo_strbuf_printf(out, "\\%c", *p);
        else if (*p < 0x20)
            eo_strbuf_printf(out, "\\u%04x", *p);
        else
            eo_strbuf_append(out, (const char *)p, 1);
    }
    eo_strbuf_puts(out, "\"");
}

static const char *const engine_names[EO_NPU_NUM_ENGINES] = {
    "dma", "conv", "imc", "ew", "cpu"
};
static const char *const component_names[EO_COST_NUM_COMPONENTS] = {
    "compute", "memory", "dram", "static", "adc", "program"
};

void
eo_npu_sim_stats_json(const eo_npu_sim_stats *s, eo_strbuf *out)
{
    eo_strbuf_printf(out, "{\"latency_s\": %.9g, \"cycles\": %llu, "
                     "\"clock_mhz\": %.9g, \"energy_j\": %.9g, "
                     "\"energy\": {", s->latency_s,
                     (unsigned long long)s->cycles, s->clock_mhz,
                     s->energy_j);
    for (int i = 0; i < EO_COST_NUM_COMPONENTS; i++)
        eo_strbuf_printf(out, "%s\"%s\": %.9g", i ? ", " : "",
                         component_names[i], s->energy[i]);
    eo_strbuf_printf(out, "}, \"sram_peak_bytes\": %llu, \"dram_bytes\": "
                     "%llu, \"macs\": %.17g, \"busy_s\": {",
                     (unsigned long long)s->sram_peak_bytes,
                     (unsigned long long)s->dram_bytes, s->macs);
    for (int i = 0; i < EO_NPU_NUM_ENGINES; i++)
        eo_strbuf_printf(out, "%s\"%s\": %.9g", i ? ", " : "",
                         engine_names[i], s->busy_s[i]);
    eo_strbuf_printf(out, "}, \"commands\": %llu, \"imc_programs\": %llu, "
                     "\"imc_programs_skipped\": %llu, \"layers\": [",
                     (unsigned long long)s->num_commands,
                     (unsigned long long)s->imc_programs,
                     (unsigned long long)s->imc_programs_skipped);
    for (size_t i = 0; i < s->num_layers; i++) {
        const eo_npu_sim_layer *l = &s->layers[i];
        eo_strbuf_puts(out, i ? ", {\"name\": " : "{\"name\": ");
        json_str(out, l->name);
        eo_strbuf_puts(out, ", \"unit\": ");
        json_str(out, l->unit ? l->unit : "");
        eo_strbuf_printf(out, ", \"start_s\": %.9g, \"end_s\": %.9g, "
                         "\"busy_s\": %.9g, \"energy_j\": %.9g, "
                         "\"macs\": %.17g, \"commands\": %llu}",
                         l->start_s, l->end_s, l->busy_s, l->energy_j,
                         l->macs, (unsigned long long)l->commands);
    }
    eo_strbuf_puts(out, "]}");
}

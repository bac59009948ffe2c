/* targets/costmodel.c - the analytical cost model (targets.h, "Analytical
 * cost model"; formulas and limits: docs/targets.md, "Cost model").
 *
 * Each public function is walked in order. A top-level scf.for nest is
 * one unit of work: trip counts from its bounds (constants, or functions
 * of enclosing induction variables, averaged), MACs / operations /
 * accesses per op times the iterations around it, and for every access
 * the affine address delta per iteration of each enclosing loop. From
 * those come footprints per loop level and the traffic through each
 * memory level (a buffer's data is re-read from the next level when the
 * footprint of one iteration of a loop does not fit the level). Ops on
 * tensors left over (graph, tl) are costed from their shapes as library
 * kernels. Latency per unit of work is the larger of compute and traffic
 * time; energy is summed by component. A buffer with an integer memory
 * space lives in that level (targets/place.h); the resident bytes per
 * level are checked where something was placed.
 */
#include "targets/targets.h"

#include "targets/place.h"

#include "dialects/arith/arith.h"
#include "dialects/gpu/gpu.h"
#include "dialects/quant/quant.h"
#include "dialects/tl/tl.h"
#include "rewrite/memplan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Loops in one nest and accesses kept per nest. */
#define CM_MAX_LOOPS 64
#define CM_MAX_DEPTH 16
/* Cycles of loop control per iteration (increment, compare, branch). */
#define CM_LOOP_CYCLES 2.0
/* Samples taken to average a trip count that depends on an outer loop. */
#define CM_MAX_SAMPLES 256
#define CM_ARENA_ALIGN 16

typedef struct cm_loop {
    eo_op *op;
    int parent;             /* enclosing loop in the nest, -1: none */
    int depth;
    double trips;           /* average trip count */
    double first, step;     /* induction variable: first value, step */
    double mult;            /* iterations of this loop's body in total */
    double g;               /* footprint of one iteration (bytes) */
} cm_loop;

typedef struct cm_acc {
    int loop;               /* innermost enclosing loop, -1: none */
    int buf;                /* buffer index */
    double bytes;           /* bytes per access */
    bool store, affine;
    double coef[CM_MAX_LOOPS];  /* address delta per iteration (bytes) */
    double k;               /* constant part (bytes) */
    int group;              /* accesses to the same addresses share one */
} cm_acc;

typedef struct cm_buf {
    const eo_value *root;
    double bytes;
    int level;              /* home memory level */
    bool weight;
} cm_buf;

/* Work attributed to a unit: a nest or a tensor op. */
typedef struct cm_work {
    double macs, ops, cycles_ops, ls_instr, loop_iters;
    double mac_cycles;      /* CPU: MACs over their rate per dtype */
    double mac_pj;          /* energy of the MACs */
    int mac_dt;             /* dtype of the first MAC, -1: none */
    double bytes[8];
} cm_work;

typedef struct cm_state {
    eo_ctx *ctx;
    const eo_target *t;
    const eo_target_desc *d;
    const eo_unit_desc *cpu;
    eo_cost_report *r;
    int act_level, weight_level;
    double line;            /* cache line bytes */
    cm_loop loops[CM_MAX_LOOPS];
    int nloops;
    cm_acc *acc;
    size_t nacc, capacc;
    cm_buf *bufs;
    size_t nbufs, capbufs;
    double glob[8];         /* bytes of the globals placed per level */
    int def_weight_level;   /* the weights' default home */
    char *last_layer;       /* layer of the previous unit of work */
    bool nomem;
    bool placed[8];         /* levels holding placed buffers or code */
    eo_op *placed_at[8];    /* the first buffer placed there */
} cm_state;

static const char *const component_names[EO_COST_NUM_COMPONENTS] = {
    "compute", "memory", "dram", "static", "adc", "program"
};

const char *
eo_cost_component_name(eo_cost_component c)
{
    if ((unsigned)c >= EO_COST_NUM_COMPONENTS)
        return "";
    return component_names[c];
}

void
eo_cost_report_free(eo_cost_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->num_layers; i++)
        free(r->layers[i].name);
    free(r->layers);
    memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

/* Bytes of one element of scalar type 't' (quantized: the storage). */
static double
elem_bytes(const eo_type *t)
{
    if (eo_type_is_quant(t)) {
        const eo_type *s = eo_quant_storage_type(t);
        t = s ? s : t;
    }
    if (eo_type_get_kind(t) == EO_TYPE_VECTOR)
        return elem_bytes(eo_type_elem(t)) *
               (double)eo_type_num_elements(t);
    if (eo_type_is_index(t))
        return 8;
    if (eo_type_is_int(t))
        return eo_type_int_width(t) <= 8 ? 1 : eo_type_int_width(t) / 8.0;
    if (eo_type_is_float(t))
        return eo_type_float_width(t) / 8.0;
    return 1;
}

/* The target dtype of scalar type 't'; -1 if none fits. */
static int
dtype_of(const eo_type *t)
{
    if (eo_type_is_quant(t))
        t = eo_quant_storage_type(t);
    if (!t)
        return -1;
    if (eo_type_get_kind(t) == EO_TYPE_VECTOR)
        t = eo_type_elem(t);
    if (eo_type_is_int(t) || eo_type_is_index(t)) {
        unsigned w = eo_type_is_index(t) ? 64 : eo_type_int_width(t);
        return w <= 4 ? EO_TDT_INT4 : w <= 8 ? EO_TDT_INT8
             : w <= 16 ? EO_TDT_INT16 : EO_TDT_INT32;
    }
    if (eo_type_is_float(t)) {
        if (eo_type_float_kind(t) == EO_BF16)
            return EO_TDT_BF16;
        return eo_type_float_width(t) <= 16 ? EO_TDT_FP16 : EO_TDT_FP32;
    }
    return -1;
}

/* Bytes of a shaped value with static shape; -1 if dynamic. */
static double
shaped_bytes(const eo_type *t)
{
    if (!eo_type_is_shaped(t) || !eo_type_has_rank(t))
        return -1;
    int64_t n = eo_type_num_elements(t);
    if (n < 0)
        return -1;
    return (double)n * elem_bytes(eo_type_elem(t));
}

static bool
is_tensor(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    return k == EO_TYPE_TENSOR || k == EO_TYPE_UNRANKED_TENSOR;
}

static bool
name_is(const eo_op *op, const char *name)
{
    return strcmp(eo_op_name_str(op), name) == 0;
}

static bool
name_prefix(const eo_op *op, const char *prefix)
{
    return strncmp(eo_op_name_str(op), prefix, strlen(prefix)) == 0;
}

/* ------------------------------------------------------------------ */
/* Layers and the report                                               */
/* ------------------------------------------------------------------ */

/* The name of the first named location in 'l' (*len its length), else
 * NULL. */
static const char *
key_of_loc(const eo_loc *l, size_t *len)
{
    if (!l)
        return NULL;
    switch (eo_loc_get_kind(l)) {
    case EO_LOC_NAME: {
        const eo_ident *id = eo_loc_name_ident(l);
        *len = eo_ident_len(id);
        return eo_ident_str(id);
    }
    case EO_LOC_FUSED:
        for (size_t i = 0; i < eo_loc_num_fused(l); i++) {
            const char *k = key_of_loc(eo_loc_fused_at(l, i), len);
            if (k)
                return k;
        }
        return NULL;
    default:
        return NULL;
    }
}

typedef struct key_find {
    const char *key;
    size_t len;
} key_find;

/* Walk callback: stops at the first op with a "name" attribute or a
 * named location. */
static eo_walk_result
find_key(eo_op *op, void *ud)
{
    key_find *kf = ud;
    const eo_attr *a = eo_op_attr(op, "name");
    if (a && eo_attr_get_kind(a) == EO_ATTR_STRING) {
        kf->key = eo_attr_string(a, &kf->len);
        return EO_WALK_INTERRUPT;
    }
    const char *k = key_of_loc(eo_op_loc(op), &kf->len);
    if (k) {
        kf->key = k;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

/* The layer of the work rooted at 'root' (added on first sight): its
 * site key (module comment), else the previous work's. NULL on
 * allocation failure (st->nomem set). */
static eo_cost_layer *
layer_for(cm_state *st, eo_op *root)
{
    key_find kf = { NULL, 0 };
    eo_op_walk(root, EO_WALK_PRE, find_key, &kf);
    /* Unnamed work before the first named one belongs to the layer after
     * it (e.g. the padding of the first convolution's input). */
    if (!kf.key && !st->last_layer &&
        eo_loc_get_kind(eo_op_loc(root)) == EO_LOC_UNKNOWN)
        for (eo_op *n = eo_op_next(root); n && !kf.key; n = eo_op_next(n))
            eo_op_walk(n, EO_WALK_PRE, find_key, &kf);
    char *key;
    if (kf.key) {
        key = malloc(kf.len + 1);
        if (key) {
            memcpy(key, kf.key, kf.len);
            key[kf.len] = '\0';
        }
    } else if (st->last_layer &&
               eo_loc_get_kind(eo_op_loc(root)) == EO_LOC_UNKNOWN) {
        /* Ops without a location belong to the layer before them. */
        key = strdup(st->last_layer);
    } else {
        eo_strbuf b = { 0 };
        eo_op_site_key(root, &b);
        key = b.oom || !b.data ? NULL : strdup(b.data);
        eo_strbuf_free(&b);
    }
    if (!key) {
        st->nomem = true;
        return NULL;
    }
    eo_cost_report *r = st->r;
    for (size_t i = r->num_layers; i-- > 0;)
        if (strcmp(r->layers[i].name, key) == 0) {
            free(key);
            st->last_layer = r->layers[i].name;
            return &r->layers[i];
        }
    eo_cost_layer *nl = realloc(r->layers,
                                (r->num_layers + 1) * sizeof *nl);
    if (!nl) {
        free(key);
        st->nomem = true;
        return NULL;
    }
    r->layers = nl;
    eo_cost_layer *l = &nl[r->num_layers++];
    memset(l, 0, sizeof *l);
    l->name = key;
    l->unit = "";
    st->last_layer = key;
    return l;
}

static bool
onchip(eo_memory_kind k)
{
    return k != EO_MEMORY_DRAM && k != EO_MEMORY_FLASH;
}

/* Adds one unit of work run on 'unit' taking 'compute_s' of compute
 * time and energy 'compute_pj' to the report and to its layer. */
static void
account(cm_state *st, eo_op *root, const char *unit, const cm_work *w,
        double compute_s, double compute_pj)
{
    eo_cost_layer *l = layer_for(st, root);
    if (!l)
        return;
    eo_cost_report *r = st->r;
    double mem_s = 0, mem_pj = 0, dram_pj = 0;
    for (size_t i = 0; i < st->d->num_memory && i < 8; i++) {
        const eo_memory_desc *m = &st->d->memory[i];
        if (w->bytes[i] <= 0)
            continue;
        mem_s += w->bytes[i] / (m->bandwidth_gbps * 1e9);
        if (onchip(m->kind))
            mem_pj += w->bytes[i] * m->energy_pj_per_byte;
        else
            dram_pj += w->bytes[i] * m->energy_pj_per_byte;
        l->bytes[i] += w->bytes[i];
        r->bytes[i] += w->bytes[i];
    }
    double lat = compute_s > mem_s ? compute_s : mem_s;
    double static_w = 0;
    for (size_t i = 0; i < st->d->num_units; i++)
        static_w += st->d->units[i].static_power_mw * 1e-3;
    r->energy[EO_COST_COMPUTE] += compute_pj * 1e-12;
    r->energy[EO_COST_MEMORY] += mem_pj * 1e-12;
    r->energy[EO_COST_DRAM] += dram_pj * 1e-12;
    r->energy[EO_COST_STATIC] += static_w * lat;
    l->energy_j += (compute_pj + mem_pj + dram_pj) * 1e-12 + static_w * lat;
    l->latency_s += lat;
    l->macs += w->macs;
    l->ops += w->ops;
    r->latency_s += lat;
    r->macs += w->macs;
    r->ops += w->ops;
    /* A layer's unit: what ran its MACs, else its first work's. */
    if (!*l->unit || w->macs > 0)
        l->unit = unit;
}

/* ------------------------------------------------------------------ */
/* Buffers                                                             */
/* ------------------------------------------------------------------ */

/* Whether op name 'n' ('nl' characters) is the string literal 'lit':
 * one length test rejects most names (the loop-cost walk's hot path). */
#define NAME_IS(n, nl, lit) \
    ((nl) == sizeof(lit) - 1 && memcmp((n), (lit), sizeof(lit) - 1) == 0)

/* Whether op name 'n' ('nl' characters) is a memref view op's. */
static bool
is_view_name(const char *n, size_t nl)
{
    return NAME_IS(n, nl, "memref.subview") ||
           NAME_IS(n, nl, "memref.collapse_shape") ||
           NAME_IS(n, nl, "memref.expand_shape") ||
           NAME_IS(n, nl, "memref.cast") ||
           NAME_IS(n, nl, "memref.reinterpret_cast");
}

static bool
is_view(const eo_op *op)
{
    const eo_ident *id = eo_op_name(op);
    return is_view_name(eo_ident_str(id), eo_ident_len(id));
}

/* The buffer behind memref value 'v' (views followed to their source);
 * a new one is added on first sight. -1 on allocation failure. */
static int
buffer_of(cm_state *st, eo_value *v)
{
    for (int guard = 0; guard < 64; guard++) {
        eo_op *def = eo_value_def_op(v);
        if (!def || !is_view(def) || eo_op_num_operands(def) < 1)
            break;
        v = eo_op_operand(def, 0);
    }
    for (size_t i = 0; i < st->nbufs; i++)
        if (st->bufs[i].root == v)
            return (int)i;
    if (st->nbufs == st->capbufs) {
        size_t nc = st->capbufs ? st->capbufs * 2 : 32;
        cm_buf *nb = realloc(st->bufs, nc * sizeof *nb);
        if (!nb) {
            st->nomem = true;
            return -1;
        }
        st->bufs = nb;
        st->capbufs = nc;
    }
    cm_buf *b = &st->bufs[st->nbufs];
    b->root = v;
    double bytes = shaped_bytes(eo_value_type(v));
    b->bytes = bytes > 0 ? bytes : 0;
    eo_op *def = eo_value_def_op(v);
    b->weight = false;
    if (def && name_is(def, "memref.get_global")) {
        eo_op *g = eo_symbol_lookup_nearest(def, eo_op_attr(def, "name"));
        b->weight = g && eo_op_attr(g, "constant") != NULL;
    }
    b->level = b->weight ? st->weight_level : st->act_level;
    int pl = eo_place_level_of(st->t, eo_value_type(v));
    if (pl >= 0)
        b->level = pl;
    return (int)st->nbufs++;
}

/* ------------------------------------------------------------------ */
/* Index expressions                                                   */
/* ------------------------------------------------------------------ */

/* The loop of the nest whose induction variable 'v' is; -1 if none. */
static int
loop_of_iv(const cm_state *st, const eo_value *v)
{
    if (!eo_value_is_block_arg(v) || eo_value_index(v) != 0)
        return -1;
    eo_op *owner = eo_block_parent_op(eo_value_owner_block(v));
    for (int i = 0; i < st->nloops; i++)
        if (st->loops[i].op == owner)
            return i;
    return -1;
}

static bool
const_int(const eo_value *v, double *out)
{
    const eo_attr *a = eo_value_constant(v);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER)
        return false;
    *out = (double)eo_attr_int_value(a);
    return true;
}

/* Evaluates index value 'v' with the induction variables at
 * env[loop]; false if it depends on anything else. *deepest gets the
 * deepest loop used (unchanged if none). */
static bool
eval_index(const cm_state *st, const eo_value *v, const double *env,
           int *deepest, double *out, int depth)
{
    if (depth > 32)
        return false;
    if (const_int(v, out))
        return true;
    int l = loop_of_iv(st, v);
    if (l >= 0) {
        *out = env[l];
        if (*deepest < 0 || st->loops[l].depth > st->loops[*deepest].depth)
            *deepest = l;
        return true;
    }
    eo_op *def = eo_value_def_op(v);
    if (!def)
        return false;
    const char *n = eo_op_name_str(def);
    if (strncmp(n, "arith.", 6) != 0)
        return false;
    n += 6;
    double a, b = 0;
    size_t no = eo_op_num_operands(def);
    if (no < 1 || no > 2 ||
        !eval_index(st, eo_op_operand(def, 0), env, deepest, &a, depth + 1))
        return false;
    if (no == 2 &&
        !eval_index(st, eo_op_operand(def, 1), env, deepest, &b, depth + 1))
        return false;
    if (!strcmp(n, "index_cast") || !strcmp(n, "index_castui") ||
        !strcmp(n, "extsi") || !strcmp(n, "extui") || !strcmp(n, "trunci"))
        *out = a;
    else if (!strcmp(n, "addi"))
        *out = a + b;
    else if (!strcmp(n, "subi"))
        *out = a - b;
    else if (!strcmp(n, "muli"))
        *out = a * b;
    else if (!strcmp(n, "minsi") || !strcmp(n, "minui"))
        *out = a < b ? a : b;
    else if (!strcmp(n, "maxsi") || !strcmp(n, "maxui"))
        *out = a > b ? a : b;
    else if ((!strcmp(n, "divsi") || !strcmp(n, "divui") ||
              !strcmp(n, "floordivsi")) && b != 0)
        *out = floor(a / b);
    else if (!strcmp(n, "ceildivsi") && b != 0)
        *out = ceil(a / b);
    else if ((!strcmp(n, "remsi") || !strcmp(n, "remui")) && b != 0)
        *out = fmod(a, b);
    else
        return false;
    return true;
}

/* An affine form of an index value: coefficients per nest loop (per
 * iteration) and a constant. */
typedef struct cm_aff {
    double c[CM_MAX_LOOPS];
    double k;
} cm_aff;

static bool
affine_of(const cm_state *st, const eo_value *v, cm_aff *out, int depth)
{
    memset(out, 0, sizeof *out);
    if (depth > 32)
        return false;
    double c;
    if (const_int(v, &c)) {
        out->k = c;
        return true;
    }
    int l = loop_of_iv(st, v);
    if (l >= 0) {
        /* iv = lb + step * iteration */
        if (!affine_of(st, eo_op_operand(st->loops[l].op, 0), out,
                       depth + 1))
            return false;
        out->c[l] += st->loops[l].step;
        return true;
    }
    eo_op *def = eo_value_def_op(v);
    if (!def)
        return false;
    if (name_is(def, "arith.index_cast") ||
        name_is(def, "arith.index_castui"))
        return affine_of(st, eo_op_operand(def, 0), out, depth + 1);
    bool add = name_is(def, "arith.addi"), sub = name_is(def, "arith.subi");
    bool mul = name_is(def, "arith.muli");
    if (!add && !sub && !mul)
        return false;
    cm_aff b;
    if (!affine_of(st, eo_op_operand(def, 0), out, depth + 1) ||
        !affine_of(st, eo_op_operand(def, 1), &b, depth + 1))
        return false;
    if (add || sub) {
        double s = sub ? -1 : 1;
        for (int i = 0; i < st->nloops; i++)
            out->c[i] += s * b.c[i];
        out->k += s * b.k;
        return true;
    }
    /* One side must be a constant. */
    bool a_const = true, b_const = true;
    for (int i = 0; i < st->nloops; i++) {
        a_const = a_const && out->c[i] == 0;
        b_const = b_const && b.c[i] == 0;
    }
    if (!a_const && !b_const)
        return false;
    double f = a_const ? out->k : b.k;
    const cm_aff *x = a_const ? &b : out;
    cm_aff r;
    memset(&r, 0, sizeof r);
    for (int i = 0; i < st->nloops; i++)
        r.c[i] = x->c[i] * f;
    r.k = x->k * f;
    *out = r;
    return true;
}

/* Strides (elements) of memref type 't'; false for a non-strided
 * layout. */
static bool
memref_strides(const eo_type *t, double *strides, size_t rank)
{
    const eo_attr *lay = eo_type_layout(t);
    if (lay && eo_attr_get_kind(lay) == EO_ATTR_STRIDED_LAYOUT) {
        if (eo_attr_strided_rank(lay) != rank)
            return false;
        const int64_t *s = eo_attr_strided_strides(lay);
        for (size_t i = 0; i < rank; i++) {
            if (s[i] == EO_DYNAMIC)
                return false;
            strides[i] = (double)s[i];
        }
        return true;
    }
    if (lay && !(eo_attr_get_kind(lay) == EO_ATTR_AFFINE_MAP &&
                 eo_affine_map_is_identity(eo_attr_affine_map(lay))))
        return false;
    double s = 1;
    for (size_t i = rank; i-- > 0;) {
        strides[i] = s;
        int64_t d = eo_type_dim(t, i);
        if (d < 0)
            return false;
        s *= (double)d;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Loop nests                                                          */
/* ------------------------------------------------------------------ */

/* Adds scf.for 'op' inside nest loop 'parent' (-1: the root) with its
 * average trip count; env[] holds the first value of each induction
 * variable. EO_ERROR after a diagnostic for dynamic bounds. */
static eo_status
add_loop(cm_state *st, eo_op *op, int parent, double *env)
{
    if (st->nloops == CM_MAX_LOOPS)
        return eo_op_error(op, "cost model: unsupported: more than %d "
                           "loops in one nest", CM_MAX_LOOPS);
    int depth = parent < 0 ? 0 : st->loops[parent].depth + 1;
    if (depth >= CM_MAX_DEPTH)
        return eo_op_error(op, "cost model: unsupported: loops nested "
                           "deeper than %d", CM_MAX_DEPTH);
    if (eo_op_num_operands(op) < 3)
        return eo_op_error(op, "cost model: malformed loop");
    cm_loop *l = &st->loops[st->nloops];
    memset(l, 0, sizeof *l);
    l->op = op;
    l->parent = parent;
    l->depth = depth;
    int deepest = -1;
    double lb, ub, step;
    if (!eval_index(st, eo_op_operand(op, 0), env, &deepest, &lb, 0) ||
        !eval_index(st, eo_op_operand(op, 1), env, &deepest, &ub, 0) ||
        !eval_index(st, eo_op_operand(op, 2), env, &deepest, &step, 0))
        return eo_op_error(op, "cost model: unsupported: dynamic loop "
                           "bounds (not constants or functions of the "
                           "enclosing loop indices)");
    if (step <= 0)
        return eo_op_error(op, "cost model: loop step must be positive");
    double trips = ub > lb ? ceil((ub - lb) / step) : 0;
    if (deepest >= 0) {
        /* Average over the iterations of the loop the bounds depend on;
         * others stay at their first iteration. */
        cm_loop *o = &st->loops[deepest];
        double n = o->trips, saved = env[deepest], sum = 0;
        int samples = n < CM_MAX_SAMPLES ? (int)n : CM_MAX_SAMPLES;
        for (int i = 0; i < samples; i++) {
            double it = samples == (int)n ? i
                      : floor((double)i * n / samples);
            env[deepest] = o->first + it * o->step;
            int dd = -1;
            double a, b;
            if (!eval_index(st, eo_op_operand(op, 0), env, &dd, &a, 0) ||
                !eval_index(st, eo_op_operand(op, 1), env, &dd, &b, 0))
                return eo_op_error(op, "cost model: unsupported: dynamic "
                                   "loop bounds");
            sum += b > a ? ceil((b - a) / step) : 0;
        }
        env[deepest] = saved;
        trips = samples ? sum / samples : 0;
    }
    l->trips = trips;
    l->first = lb;
    l->step = step;
    l->mult = trips * (parent < 0 ? 1 : st->loops[parent].mult);
    env[st->nloops] = lb;
    st->nloops++;
    return EO_OK;
}

/* Adds the access of 'op' to memref 'mem' with indices from operand
 * 'first_index' on, of elements (or vectors) of type 'elem_t'. */
static eo_status
add_access(cm_state *st, eo_op *op, int loop, eo_value *mem,
           size_t first_index, const eo_type *elem_t, bool store)
{
    int b = buffer_of(st, mem);
    if (b < 0)
        return EO_NOMEM;
    if (st->nacc == st->capacc) {
        size_t nc = st->capacc ? st->capacc * 2 : 16;
        cm_acc *na = realloc(st->acc, nc * sizeof *na);
        if (!na) {
            st->nomem = true;
            return EO_NOMEM;
        }
        st->acc = na;
        st->capacc = nc;
    }
    cm_acc *a = &st->acc[st->nacc++];
    memset(a, 0, sizeof *a);
    a->loop = loop;
    a->buf = b;
    a->store = store;
    a->bytes = elem_bytes(elem_t);
    const eo_type *mt = eo_value_type(mem);
    size_t rank = eo_type_has_rank(mt) ? eo_type_rank(mt) : 0;
    double strides[64];
    double eb = elem_bytes(eo_type_elem(mt));
    a->affine = rank <= 64 && eo_type_has_rank(mt) &&
                memref_strides(mt, strides, rank) &&
                eo_op_num_operands(op) >= first_index + rank;
    for (size_t i = 0; a->affine && i < rank; i++) {
        cm_aff f;
        if (!affine_of(st, eo_op_operand(op, first_index + i), &f, 0)) {
            a->affine = false;
            break;
        }
        for (int j = 0; j < st->nloops; j++)
            a->coef[j] += f.c[j] * strides[i] * eb;
        a->k += f.k * strides[i] * eb;
    }
    a->group = -1;
    return EO_OK;
}

/* The operand a MAC's multiplication reads, through extensions. */
static int
mac_dtype(const eo_op *mul)
{
    const eo_value *v = eo_op_operand(mul, 0);
    eo_op *def = eo_value_def_op(v);
    if (def && (name_is(def, "arith.extsi") || name_is(def, "arith.extui") ||
                name_is(def, "arith.extf")))
        v = eo_op_operand(def, 0);
    return dtype_of(eo_value_type(v));
}

/* Whether multiplication 'op' feeds an accumulation (one use, an add). */
static bool
is_mac_mul(const eo_op *op)
{
    if (!name_is(op, "arith.mulf") && !name_is(op, "arith.muli"))
        return false;
    eo_value *r = eo_op_result(op, 0);
    if (!eo_value_has_one_use(r))
        return false;
    eo_op *u = eo_use_owner(eo_value_first_use(r));
    return name_is(u, "arith.addf") || name_is(u, "arith.addi");
}

static bool
is_mac_add(const eo_op *op)
{
    if (!name_is(op, "arith.addf") && !name_is(op, "arith.addi"))
        return false;
    for (size_t i = 0; i < 2 && i < eo_op_num_operands(op); i++) {
        eo_op *d = eo_value_def_op(eo_op_operand(op, i));
        if (d && eo_op_block(d) == eo_op_block(op) && is_mac_mul(d))
            return true;
    }
    return false;
}

/* Lanes of the result of 'op' (1 for scalars). */
static double
lanes_of(const eo_op *op)
{
    if (!eo_op_num_results(op))
        return 1;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (eo_type_get_kind(t) == EO_TYPE_VECTOR)
        return (double)eo_type_num_elements(t);
    return 1;
}

static bool
is_vector(const eo_op *op)
{
    return eo_op_num_results(op) &&
           eo_type_get_kind(eo_value_type(eo_op_result(op, 0))) ==
               EO_TYPE_VECTOR;
}

/* MAC rate of the CPU unit for 'dt': scalar code one MAC instruction per
 * cycle at most; vector code the unit's figure scaled by the lanes
 * used. Types the unit lacks run emulated at a quarter MAC per cycle. */
static double
mac_rate(const eo_unit_desc *u, int dt, double lanes, bool vec)
{
    double peak = dt >= 0 ? u->macs_per_cycle[dt] : 0;
    if (peak <= 0)
        return 0.25;
    if (!vec || u->vector_bits <= 0)
        return peak < 1 ? peak : 1;
    static const double bits[EO_TDT_COUNT] = { 4, 8, 16, 32, 16, 16, 32 };
    double used = lanes * bits[dt] / (double)u->vector_bits;
    return used >= 1 ? peak : (peak * used > 1 ? peak * used : 1);
}

/* Cost weight of a non-MAC arithmetic op in operations. */
static double
op_weight(const eo_op *op)
{
    if (name_prefix(op, "math."))
        return 10;
    if (name_is(op, "arith.divf") || name_is(op, "arith.divsi") ||
        name_is(op, "arith.divui") || name_is(op, "arith.remsi") ||
        name_is(op, "arith.remui") || name_is(op, "arith.remf"))
        return 4;
    return 1;
}

static bool
is_index_op(const eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (eo_type_is_index(eo_value_type(eo_op_result(op, i))))
            return true;
    return false;
}

/* Collects loops, accesses and arithmetic of the block of 'loop'. */
static eo_status
scan_block(cm_state *st, eo_block *b, int loop, double *env, cm_work *w)
{
    double mult = loop < 0 ? 1 : st->loops[loop].mult;
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        eo_status s = EO_OK;
        const eo_ident *id = eo_op_name(op);
        const char *n = eo_ident_str(id);
        size_t nl = eo_ident_len(id);
        if (NAME_IS(n, nl, "scf.for")) {
            s = add_loop(st, op, loop, env);
            if (s != EO_OK)
                return s;
            int me = st->nloops - 1;
            w->loop_iters += st->loops[me].mult;
            eo_region *r = eo_op_region(op, 0);
            for (eo_block *bb = eo_region_first(r); bb;
                 bb = eo_block_next(bb)) {
                s = scan_block(st, bb, me, env, w);
                if (s != EO_OK)
                    return s;
            }
            continue;
        }
        if (NAME_IS(n, nl, "scf.yield") || is_view_name(n, nl) ||
            NAME_IS(n, nl, "vector.vscale") ||
            eo_op_has_trait(op, EO_CONSTANT_LIKE))
            continue;
        if (eo_op_num_regions(op) > 0)
            return eo_op_error(op, "cost model: unsupported: '%s' in a "
                               "loop nest", eo_op_name_str(op));
        if (NAME_IS(n, nl, "memref.load") || NAME_IS(n, nl, "vector.load") ||
            NAME_IS(n, nl, "vector.maskedload")) {
            s = add_access(st, op, loop, eo_op_operand(op, 0), 1,
                           eo_value_type(eo_op_result(op, 0)), false);
        } else if (NAME_IS(n, nl, "vector.transfer_read")) {
            s = add_access(st, op, loop, eo_op_operand(op, 0), 1,
                           eo_value_type(eo_op_result(op, 0)), false);
        } else if (NAME_IS(n, nl, "memref.store") ||
                   NAME_IS(n, nl, "vector.store")) {
            s = add_access(st, op, loop, eo_op_operand(op, 1), 2,
                           eo_value_type(eo_op_operand(op, 0)), true);
        } else if (NAME_IS(n, nl, "vector.transfer_write")) {
            s = add_access(st, op, loop, eo_op_operand(op, 1), 2,
                           eo_value_type(eo_op_operand(op, 0)), true);
        } else if (NAME_IS(n, nl, "vector.maskedstore")) {
            size_t no = eo_op_num_operands(op);
            s = add_access(st, op, loop, eo_op_operand(op, 0), 1,
                           eo_value_type(eo_op_operand(op, no - 1)), true);
        } else if (NAME_IS(n, nl, "vector.fma")) {
            double lanes = lanes_of(op);
            int dt = dtype_of(eo_value_type(eo_op_result(op, 0)));
            w->macs += lanes * mult;
            w->mac_cycles += lanes * mult /
                             mac_rate(st->cpu, dt, lanes, true);
            if (dt >= 0)
                w->mac_pj += lanes * mult * st->cpu->mac_energy_pj[dt];
            if (w->mac_dt < 0)
                w->mac_dt = dt;
        } else if ((NAME_IS(n, nl, "arith.mulf") ||
                    NAME_IS(n, nl, "arith.muli")) && is_mac_mul(op)) {
            double lanes = lanes_of(op);
            int dt = mac_dtype(op);
            bool vec = is_vector(op);
            w->macs += lanes * mult;
            w->mac_cycles += lanes * mult / mac_rate(st->cpu, dt, lanes, vec);
            if (dt >= 0)
                w->mac_pj += lanes * mult * st->cpu->mac_energy_pj[dt];
            if (w->mac_dt < 0)
                w->mac_dt = dt;
        } else if ((NAME_IS(n, nl, "arith.addf") ||
                    NAME_IS(n, nl, "arith.addi")) && is_mac_add(op)) {
            continue;       /* counted with its multiplication */
        } else if (strncmp(n, "arith.", 6) == 0 && is_index_op(op)) {
            continue;       /* addressing: folded into address modes */
        } else if (!strncmp(n, "arith.", 6) || !strncmp(n, "math.", 5) ||
                   !strncmp(n, "vector.", 7)) {
            double lanes = lanes_of(op);
            if (NAME_IS(n, nl, "vector.reduction") && eo_op_num_operands(op))
                lanes = (double)eo_type_num_elements(
                    eo_value_type(eo_op_operand(op, 0)));
            double instr = 1;
            if (is_vector(op) && st->cpu->vector_bits > 0) {
                double bits = elem_bytes(eo_value_type(eo_op_result(op, 0)))
                              * 8;
                instr = ceil(bits / (double)st->cpu->vector_bits);
            } else if (lanes > 1) {
                instr = lanes;
            }
            double weight = op_weight(op);
            w->ops += lanes * weight * mult;
            w->cycles_ops += instr * weight * mult;
        } else {
            return eo_op_error(op, "cost model: unsupported: cannot cost "
                               "'%s' in a loop nest", n);
        }
        if (s != EO_OK)
            return s;
    }
    return EO_OK;
}

/* Footprint of group access 'a' over the loops of its path from
 * position 'pos' inward (path[pos..d-1]); fp[d] is one access. */
static void
footprints(const cm_state *st, const cm_acc *a, const int *path, int d,
           double line, double *fp)
{
    double buf = st->bufs[a->buf].bytes;
    double unit = a->bytes > line ? a->bytes : line;
    fp[d] = unit;
    double span = a->bytes;
    /* Loops stepping less than a line extend one contiguous run; the
     * others repeat it (a box of lines). */
    double run = a->bytes, reps = 1;
    for (int p = d - 1; p >= 0; p--) {
        const cm_loop *l = &st->loops[path[p]];
        double n = l->trips;
        double f = n * fp[p + 1];
        if (a->affine) {
            double c = fabs(a->coef[path[p]]);
            if (c == 0)
                f = fp[p + 1];
            double ext = c * (n > 1 ? n - 1 : 0);
            span += ext;
            if (c < line)
                run += ext;
            else if (c > 0)
                reps *= n;
            double box = ceil(run / line) * line * reps;
            double sb = (ceil(span / line) + 1) * line;
            if (box < f)
                f = box;
            if (sb < f)
                f = sb;
        }
        if (buf > 0 && buf + line < f)
            f = buf + line;
        fp[p] = f;
    }
}

/* The loops enclosing nest loop 'loop', outermost first, into path[];
 * returns their number. */
static int
path_of(const cm_state *st, int loop, int *path)
{
    int d = 0;
    for (int l = loop; l >= 0; l = st->loops[l].parent)
        d++;
    int i = d;
    for (int l = loop; l >= 0; l = st->loops[l].parent)
        path[--i] = l;
    return d;
}

/* The memory level index chain a buffer at home 'h' is reached through:
 * the caches before it, then it. */
static int
chain_of(const cm_state *st, int h, int *chain)
{
    int n = 0;
    for (int i = 0; i < h; i++)
        if (st->d->memory[i].kind == EO_MEMORY_CACHE)
            chain[n++] = i;
    chain[n++] = h;
    return n;
}

/* A conv engine running MACs of 'dt' for one of 'ops'; NULL if none. */
static const eo_conv_engine_desc *
engine_for(const cm_state *st, int dt, uint32_t ops)
{
    if (dt < 0)
        return NULL;
    for (size_t i = 0; i < st->d->num_conv_engines; i++) {
        const eo_conv_engine_desc *e = &st->d->conv_engines[i];
        if ((e->dtypes & (1u << dt)) && (e->ops & ops))
            return e;
    }
    return NULL;
}

static double
clock_hz(const eo_unit_desc *u)
{
    return u->clock_mhz * 1e6;
}

/* Costs the loop nest rooted at scf.for 'op'. */
static eo_status
cost_nest(cm_state *st, eo_op *op)
{
    double env[CM_MAX_LOOPS];
    cm_work w;
    memset(&w, 0, sizeof w);
    w.mac_dt = -1;
    st->nloops = 0;
    st->nacc = 0;
    /* The nest's root as the only op of a pseudo block: scan its loop. */
    eo_status s = add_loop(st, op, -1, env);
    if (s != EO_OK)
        return s;
    w.loop_iters += st->loops[0].mult;
    for (eo_block *bb = eo_region_first(eo_op_region(op, 0)); bb;
         bb = eo_block_next(bb)) {
        s = scan_block(st, bb, 0, env, &w);
        if (s != EO_OK)
            return s;
    }
    if (st->nomem)
        return EO_NOMEM;
    /* Groups: same buffer, same addresses. */
    for (size_t i = 0; i < st->nacc; i++) {
        cm_acc *a = &st->acc[i];
        a->group = (int)i;
        if (!a->affine)
            continue;
        for (size_t j = 0; j < i; j++) {
            cm_acc *b = &st->acc[j];
            if (b->group != (int)j || !b->affine || b->buf != a->buf ||
                b->loop != a->loop || b->k != a->k || b->bytes != a->bytes)
                continue;
            bool same = true;
            for (int l = 0; l < st->nloops && same; l++)
                same = a->coef[l] == b->coef[l];
            if (!same)
                continue;
            a->group = (int)j;
            break;
        }
    }
    /* Register level: loads and stores executed. */
    double reg_bytes[8] = { 0 };
    for (size_t i = 0; i < st->nacc; i++) {
        cm_acc *a = &st->acc[i];
        int path[CM_MAX_DEPTH];
        int d = path_of(st, a->loop, path);
        double r = a->bytes;
        bool varying = false;
        for (int p = d - 1; p >= 0; p--) {
            if (varying || !a->affine || a->coef[path[p]] != 0)
                varying = true;
            if (varying)
                r *= st->loops[path[p]].trips;
        }
        double instr = 1;
        if (a->bytes > 8 && st->cpu->vector_bits > 0)
            instr = ceil(a->bytes * 8 / (double)st->cpu->vector_bits);
        w.ls_instr += r / a->bytes * instr;
        int chain[9];
        chain_of(st, st->bufs[a->buf].level, chain);
        reg_bytes[chain[0]] += r;
    }
    /* NPU: a MAC nest of a supported type runs on a conv engine, which
     * streams every operand once. */
    const eo_conv_engine_desc *eng = NULL;
    if (w.macs > 0)
        eng = engine_for(st, w.mac_dt, ~0u);
    /* Footprints per loop iteration (sum over groups). */
    double fp[CM_MAX_DEPTH + 1];
    for (int l = 0; l < st->nloops; l++)
        st->loops[l].g = 0;
    for (size_t i = 0; i < st->nacc; i++) {
        cm_acc *a = &st->acc[i];
        if (a->group != (int)i)
            continue;
        int path[CM_MAX_DEPTH];
        int d = path_of(st, a->loop, path);
        footprints(st, a, path, d, st->line, fp);
        for (int p = 0; p < d; p++)
            st->loops[path[p]].g += fp[p + 1];
    }
    for (size_t i = 0; i < st->nacc; i++) {
        cm_acc *a = &st->acc[i];
        if (a->group != (int)i)
            continue;
        bool ld = false, sto = false;
        for (size_t j = i; j < st->nacc; j++)
            if (st->acc[j].group == (int)i) {
                ld = ld || !st->acc[j].store;
                sto = sto || st->acc[j].store;
            }
        double rw = (ld ? 1 : 0) + (sto ? 1 : 0);
        int path[CM_MAX_DEPTH];
        int d = path_of(st, a->loop, path);
        footprints(st, a, path, d, st->line, fp);
        int chain[9];
        int nc = chain_of(st, st->bufs[a->buf].level, chain);
        if (eng) {
            w.bytes[chain[nc - 1]] += fp[0] * rw;
            continue;
        }
        for (int c = 1; c < nc; c++) {
            double cap = (double)st->d->memory[chain[c - 1]].size_bytes;
            double tr = fp[d];
            for (int p = d - 1; p >= 0; p--) {
                const cm_loop *l = &st->loops[path[p]];
                tr = l->g <= cap ? fp[p] : l->trips * tr;
            }
            w.bytes[chain[c]] += tr * rw;
        }
    }
    if (eng) {
        double rate = (double)(eng->mac_rows * eng->mac_cols * eng->count);
        double cs = w.macs / rate / (eng->clock_mhz * 1e6);
        account(st, op, eng->name, &w, cs, w.macs * eng->mac_energy_pj);
        return st->nomem ? EO_NOMEM : EO_OK;
    }
    for (int i = 0; i < 8; i++)
        w.bytes[i] += reg_bytes[i];
    const eo_unit_desc *u = st->cpu;
    double cycles = w.mac_cycles + w.cycles_ops + w.ls_instr +
                    w.loop_iters * CM_LOOP_CYCLES;
    double par = u->kind == EO_UNIT_GPU ? (double)u->count : 1;
    double cs = cycles / par / clock_hz(u);
    double pj = w.mac_pj + w.ops * u->alu_energy_pj +
                w.ls_instr * u->load_store_energy_pj;
    account(st, op, u->name, &w, cs, pj);
    return st->nomem ? EO_NOMEM : EO_OK;
}

/* ------------------------------------------------------------------ */
/* Ops outside loops, tensor ops                                       */
/* ------------------------------------------------------------------ */

/* Product of the iteration domain of a tl op (from its indexing maps:
 * each loop's bound is the size of an operand dimension it indexes
 * alone, or "loop_bounds"); -1 if unknown. */
static double
tl_domain(eo_op *op)
{
    const eo_attr *maps = NULL, *iters = NULL, *bounds = NULL;
    if (tl_op_kind(op) == TL_GENERIC) {
        maps = eo_op_attr(op, "indexing_maps");
        iters = eo_op_attr(op, "iterator_types");
        bounds = eo_op_attr(op, "loop_bounds");
    } else if (eo_tl_named_maps(op, &maps, &iters, &bounds) != EO_OK) {
        return -1;
    }
    if (!maps || !iters)
        return -1;
    size_t n = eo_attr_array_size(iters);
    if (n > EO_TL_MAX_LOOPS)
        return -1;
    double dims[EO_TL_MAX_LOOPS];
    for (size_t i = 0; i < n; i++)
        dims[i] = -1;
    if (bounds && eo_attr_get_kind(bounds) == EO_ATTR_DENSE_ARRAY)
        for (size_t i = 0; i < n && i < eo_attr_dense_array_size(bounds);
             i++)
            dims[i] = (double)eo_attr_dense_array_int(bounds, i);
    size_t nops = eo_op_num_operands(op);
    for (size_t o = 0; o < eo_attr_array_size(maps) && o < nops; o++) {
        const eo_affine_map *m = eo_attr_affine_map(
            eo_attr_array_at(maps, o));
        const eo_type *t = eo_value_type(eo_op_operand(op, o));
        if (!m || !eo_type_is_shaped(t) || !eo_type_has_rank(t))
            continue;
        for (size_t r = 0; r < eo_affine_map_num_results(m) &&
                           r < eo_type_rank(t); r++) {
            const eo_affine_expr *e = eo_affine_map_result(m, r);
            if (eo_affine_expr_kind(e) != EO_AFFINE_DIM)
                continue;
            unsigned p = eo_affine_expr_pos(e);
            if (p < n && dims[p] < 0 && eo_type_dim(t, r) >= 0)
                dims[p] = (double)eo_type_dim(t, r);
        }
    }
    double prod = 1;
    for (size_t i = 0; i < n; i++) {
        if (dims[i] < 0)
            return -1;
        prod *= dims[i];
    }
    return prod;
}

/* The elementwise unit that runs 'ew' ops of dtype 'dt'. */
static const eo_ew_unit_desc *
ew_unit_for(const cm_state *st, int dt, int ew)
{
    if (dt < 0 || ew < 0)
        return NULL;
    for (size_t i = 0; i < st->d->num_ew_units; i++) {
        const eo_ew_unit_desc *e = &st->d->ew_units[i];
        if ((e->dtypes & (1u << dt)) && (e->ops & (1u << ew)))
            return e;
    }
    return NULL;
}

static int
ew_kind_of(eo_op *op)
{
    enum tl_op k = tl_op_kind(op);
    if (k == TL_REQUANTIZE)
        return EO_EW_REQUANT;
    const eo_attr *a = eo_op_attr(op, "kind");
    size_t len;
    const char *s = a && eo_attr_get_kind(a) == EO_ATTR_STRING
                  ? eo_attr_string(a, &len) : NULL;
    if (!s)
        return -1;
    static const struct { const char *n; int k; } names[] = {
        { "add", EO_EW_ADD }, { "sub", EO_EW_SUB }, { "mul", EO_EW_MUL },
        { "min", EO_EW_MIN }, { "max", EO_EW_MAX }, { "relu", EO_EW_RELU },
        { "clip", EO_EW_CLIP }, { "sigmoid", EO_EW_SIGMOID },
        { "tanh", EO_EW_TANH }, { "maxpool", EO_EW_MAXPOOL },
        { "max_pool", EO_EW_MAXPOOL }, { "avg", EO_EW_AVGPOOL },
        { "avgpool", EO_EW_AVGPOOL }, { "avg_pool", EO_EW_AVGPOOL },
        { "sum", EO_EW_AVGPOOL },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].n) == len && !memcmp(names[i].n, s, len))
            return k == TL_POOL && names[i].k == EO_EW_MAX
                   ? EO_EW_MAXPOOL : names[i].k;
    return -1;
}

/* MACs and operations of the body of a tl.generic, per iteration. */
static void
generic_body(eo_op *op, double *macs, double *ops)
{
    *macs = *ops = 0;
    eo_region *r = eo_op_num_regions(op) ? eo_op_region(op, 0) : NULL;
    eo_block *b = r ? eo_region_first(r) : NULL;
    for (eo_op *o = b ? eo_block_first(b) : NULL; o; o = eo_op_next(o)) {
        if (eo_op_is_terminator(o) || eo_op_has_trait(o, EO_CONSTANT_LIKE))
            continue;
        if (is_mac_mul(o))
            *macs += 1;
        else if (!is_mac_add(o))
            *ops += op_weight(o);
    }
}

static bool
is_weight_value(const eo_value *v)
{
    eo_op *d = eo_value_def_op(v);
    return d && eo_op_has_trait(d, EO_CONSTANT_LIKE);
}

/* Costs an op on tensors as a library kernel. */
static eo_status
cost_tensor_op(cm_state *st, eo_op *op)
{
    const char *n = eo_op_name_str(op);
    if (name_is(op, "builtin.unrealized_conversion_cast") ||
        name_is(op, "graph.reshape") || name_is(op, "graph.constant") ||
        eo_op_has_trait(op, EO_CONSTANT_LIKE))
        return EO_OK;
    cm_work w;
    memset(&w, 0, sizeof w);
    w.mac_dt = -1;
    double out_elems = 0, in_elems = 0;
    int dt = -1;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        const eo_type *t = eo_value_type(v);
        double b = shaped_bytes(t);
        if (b < 0) {
            if (eo_type_is_shaped(t))
                return eo_op_error(op, "cost model: unsupported: dynamic "
                                   "shape");
            continue;
        }
        in_elems += (double)eo_type_num_elements(t);
        if (dt < 0)
            dt = dtype_of(eo_type_elem(t));
        w.bytes[is_weight_value(v) ? st->weight_level : st->act_level] += b;
    }
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        const eo_type *t = eo_value_type(eo_op_result(op, i));
        double b = shaped_bytes(t);
        if (b < 0) {
            if (eo_type_is_shaped(t))
                return eo_op_error(op, "cost model: unsupported: dynamic "
                                   "shape");
            continue;
        }
        out_elems += (double)eo_type_num_elements(t);
        w.bytes[st->act_level] += b;
    }
    enum tl_op tk = tl_op_kind(op);
    uint32_t conv_ops = 0;
    if (tk != TL_NUM_OPS) {
        double dom = tl_domain(op);
        if (dom < 0)
            return eo_op_error(op, "cost model: unsupported: cannot derive "
                               "the iteration domain of '%s'", n);
        if (tk == TL_MATMUL || tk == TL_CONV2D || tk == TL_DEPTHWISE_CONV2D) {
            w.macs = dom;
            conv_ops = tk == TL_MATMUL
                ? (1u << EO_CONV_MATMUL) | (1u << EO_CONV_FULLY_CONNECTED)
                : tk == TL_CONV2D
                ? (1u << EO_CONV_CONV2D) | (1u << EO_CONV_POINTWISE)
                : (1u << EO_CONV_DEPTHWISE);
        } else if (tk == TL_GENERIC) {
            double m, o;
            generic_body(op, &m, &o);
            w.macs = m * dom;
            w.ops = o * dom;
        } else if (tk == TL_REQUANTIZE) {
            w.ops = 4 * dom;
        } else if (tk == TL_FILL || tk == TL_COPY || tk == TL_PACK) {
            w.ops = 0;
        } else {
            w.ops = dom;
        }
    } else if (name_prefix(op, "graph.")) {
        if (name_is(op, "graph.pad") || name_is(op, "graph.transpose") ||
            name_is(op, "graph.concat") || name_is(op, "graph.slice"))
            w.ops = 0;
        else if (name_is(op, "graph.quantize") ||
                 name_is(op, "graph.dequantize"))
            w.ops = 2 * out_elems;
        else if (name_is(op, "graph.conv2d") && eo_op_num_operands(op) > 1) {
            const eo_type *wt = eo_value_type(eo_op_operand(op, 1));
            int64_t f = eo_type_has_rank(wt) && eo_type_rank(wt)
                      ? eo_type_dim(wt, 0) : -1;
            if (f <= 0)
                return eo_op_error(op, "cost model: unsupported: dynamic "
                                   "shape");
            w.macs = out_elems * (double)eo_type_num_elements(wt) / f;
            conv_ops = 1u << EO_CONV_CONV2D;
        } else if ((name_is(op, "graph.matmul") || name_is(op, "graph.gemm"))
                   && eo_op_num_operands(op) > 1) {
            const eo_type *at = eo_value_type(eo_op_operand(op, 0));
            size_t rk = eo_type_has_rank(at) ? eo_type_rank(at) : 0;
            int64_t k = rk ? eo_type_dim(at, rk - 1) : -1;
            if (k < 0)
                return eo_op_error(op, "cost model: unsupported: dynamic "
                                   "shape");
            w.macs = out_elems * (double)k;
            conv_ops = 1u << EO_CONV_FULLY_CONNECTED;
        } else if (strstr(n, "pool") || strstr(n, "reduce"))
            w.ops = in_elems;
        else
            w.ops = out_elems > in_elems ? out_elems : in_elems;
    } else {
        return eo_op_error(op, "cost model: unsupported: cannot cost '%s'",
                           n);
    }
    w.mac_dt = dt;
    /* NPU engines first. */
    if (w.macs > 0) {
        const eo_conv_engine_desc *e = engine_for(st, dt, conv_ops);
        if (e) {
            double rate = (double)(e->mac_rows * e->mac_cols * e->count);
            double cs = w.macs / rate / (e->clock_mhz * 1e6);
            account(st, op, e->name, &w, cs, w.macs * e->mac_energy_pj);
            return st->nomem ? EO_NOMEM : EO_OK;
        }
    } else if (tk != TL_NUM_OPS) {
        const eo_ew_unit_desc *e = ew_unit_for(st, dt, ew_kind_of(op));
        if (e) {
            double cs = out_elems / (double)(e->lanes * e->count) /
                        (e->clock_mhz * 1e6);
            account(st, op, e->name, &w, cs, out_elems * e->op_energy_pj);
            return st->nomem ? EO_NOMEM : EO_OK;
        }
    }
    /* The CPU running an optimized kernel (single issue): MACs at the
     * unit's peak, other operations one vector of lanes per cycle, and
     * the loads and stores of whole words (a vector register, else 32
     * bits): the op's operands and results once, plus both operands of
     * every MAC. */
    static const double bits[EO_TDT_COUNT] = { 4, 8, 16, 32, 16, 16, 32 };
    const eo_unit_desc *u = st->cpu;
    double peak = dt >= 0 ? u->macs_per_cycle[dt] : 0;
    double rate = peak > 0 ? peak : 0.25;
    double lanes = 1;
    if (u->vector_bits > 0 && dt >= 0) {
        lanes = (double)u->vector_bits / bits[dt];
        if (lanes < 1)
            lanes = 1;
    }
    double par = u->kind == EO_UNIT_GPU ? (double)u->count : 1;
    double ls = 0;
    for (int i = 0; i < 8; i++)
        ls += w.bytes[i];
    if (dt >= 0)
        ls += 2 * w.macs * bits[dt] / 8;
    double ls_instr = ls * 8 / (u->vector_bits > 32 ? u->vector_bits : 32);
    double cycles = w.macs / rate + w.ops / lanes + ls_instr;
    double pj = (dt >= 0 ? w.macs * u->mac_energy_pj[dt] : 0) +
                w.ops * u->alu_energy_pj + ls_instr * u->load_store_energy_pj;
    account(st, op, u->name, &w, cycles / par / clock_hz(u), pj);
    return st->nomem ? EO_NOMEM : EO_OK;
}

/* Costs a top-level op of a function body that is not a loop. */
static eo_status
cost_top_op(cm_state *st, eo_op *op)
{
    if (eo_op_is_terminator(op) || name_is(op, "memref.alloc") ||
        name_is(op, "memref.alloca") || name_is(op, "memref.dealloc") ||
        name_is(op, "memref.get_global") || is_view(op) ||
        name_is(op, "memref.dim"))
        return EO_OK;
    bool tensor = false;
    for (size_t i = 0; i < eo_op_num_results(op) && !tensor; i++)
        tensor = is_tensor(eo_value_type(eo_op_result(op, i)));
    for (size_t i = 0; i < eo_op_num_operands(op) && !tensor; i++)
        tensor = is_tensor(eo_value_type(eo_op_operand(op, i)));
    if (tensor || name_prefix(op, "graph.") || tl_op_kind(op) != TL_NUM_OPS)
        return cost_tensor_op(st, op);
    if (eo_op_has_trait(op, EO_CONSTANT_LIKE))
        return EO_OK;
    if (name_is(op, "memref.copy")) {
        double b = shaped_bytes(eo_value_type(eo_op_operand(op, 0)));
        if (b < 0)
            return eo_op_error(op, "cost model: unsupported: dynamic "
                               "shape");
        cm_work w;
        memset(&w, 0, sizeof w);
        w.mac_dt = -1;
        int src = buffer_of(st, eo_op_operand(op, 0));
        int dst = buffer_of(st, eo_op_operand(op, 1));
        if (src < 0 || dst < 0)
            return EO_NOMEM;
        w.bytes[st->bufs[src].level] += b;
        w.bytes[st->bufs[dst].level] += b;
        const eo_unit_desc *u = st->cpu;
        double word = u->vector_bits > 32 ? u->vector_bits / 8.0 : 4;
        double instr = 2 * b / word;
        account(st, op, u->name, &w, instr / clock_hz(u),
                instr * u->load_store_energy_pj);
        return st->nomem ? EO_NOMEM : EO_OK;
    }
    if (eo_op_num_regions(op) == 0 &&
        (name_prefix(op, "arith.") || name_prefix(op, "math.") ||
         name_prefix(op, "memref.load") || name_prefix(op, "memref.store") ||
         name_prefix(op, "vector."))) {
        /* Straight-line code outside loops. */
        if (is_index_op(op))
            return EO_OK;
        cm_work w;
        memset(&w, 0, sizeof w);
        w.mac_dt = -1;
        const eo_unit_desc *u = st->cpu;
        double cycles, pj;
        bool ld = name_is(op, "memref.load") || name_is(op, "vector.load");
        bool sto = name_is(op, "memref.store") ||
                   name_is(op, "vector.store");
        if (ld || sto) {
            int b = buffer_of(st, eo_op_operand(op, ld ? 0 : 1));
            if (b < 0)
                return EO_NOMEM;
            const eo_type *et = eo_value_type(ld ? eo_op_result(op, 0)
                                                 : eo_op_operand(op, 0));
            w.bytes[st->bufs[b].level] += elem_bytes(et);
            cycles = 1;
            pj = u->load_store_energy_pj;
        } else {
            w.ops = lanes_of(op) * op_weight(op);
            cycles = op_weight(op);
            pj = w.ops * u->alu_energy_pj;
        }
        account(st, op, u->name, &w, cycles / clock_hz(u), pj);
        return st->nomem ? EO_NOMEM : EO_OK;
    }
    return eo_op_error(op, "cost model: unsupported: cannot cost '%s'",
                       eo_op_name_str(op));
}

/* ------------------------------------------------------------------ */
/* GPU kernels (gpu.launch)                                            */
/* ------------------------------------------------------------------ */

/* Loops (host loops around a launch and loops in its body) whose
 * induction variables the kernel evaluator knows. */
#define GK_MAX_IVS 64
/* Warps sampled to measure the activity of a guard (scf.if). */
#define GK_SAMPLE_WARPS 1024
/* Lanes of a warp sampled for coalescing (at most this many). */
#define GK_MAX_LANES 1024

/* Values of a launch's ids and sizes and of the known induction
 * variables at one sample point. */
typedef struct gk_env {
    eo_block *entry;                /* the launch body's entry block */
    double ids[GPU_LAUNCH_NUM_CONFIG_ARGS];
    eo_op *loop[GK_MAX_IVS];
    double iv[GK_MAX_IVS];
    int nloops;
} gk_env;

/* A launch's work: per thread (lane) executions and per warp issue. */
typedef struct gk_work {
    const eo_unit_desc *u;
    double sg;                  /* lanes per warp */
    double line;                /* bytes per memory transaction */
    double macs, ops, ls;       /* per thread (average) */
    double mac_pj;              /* per thread */
    int mac_dt;
    double issue;               /* core cycles of one warp's instructions */
    double acc_w;               /* global accesses per warp */
    double acc_all;             /* the same if every warp were active */
    double *warp_bytes;         /* per buffer: bytes per warp */
    size_t nwb;
} gk_work;

static bool
gk_eval(const gk_env *e, const eo_value *v, double *out, int depth);

/* Evaluates index or i1 value 'v' at the sample point 'e'; false if it
 * depends on anything else (a loaded value, an unknown op). */
static bool
gk_eval(const gk_env *e, const eo_value *v, double *out, int depth)
{
    if (depth > 48)
        return false;
    const eo_attr *ca = eo_value_constant(v);
    if (ca && eo_attr_get_kind(ca) == EO_ATTR_INTEGER) {
        *out = (double)eo_attr_int_value(ca);
        return true;
    }
    if (eo_value_is_block_arg(v)) {
        unsigned i = eo_value_index(v);
        eo_block *ob = eo_value_owner_block(v);
        if (ob == e->entry && i < GPU_LAUNCH_NUM_CONFIG_ARGS) {
            *out = e->ids[i];
            return true;
        }
        eo_op *owner = eo_block_parent_op(ob);
        for (int l = e->nloops; i == 0 && l-- > 0;)
            if (e->loop[l] == owner) {
                *out = e->iv[l];
                return true;
            }
        return false;
    }
    eo_op *def = eo_value_def_op(v);
    if (!def || !name_prefix(def, "arith."))
        return false;
    const char *n = eo_op_name_str(def) + 6;
    size_t no = eo_op_num_operands(def);
    double a[3] = { 0, 0, 0 };
    if (no < 1 || no > 3)
        return false;
    for (size_t i = 0; i < no; i++)
        if (!gk_eval(e, eo_op_operand(def, i), &a[i], depth + 1))
            return false;
    double x = a[0], y = a[1];
    if (!strcmp(n, "index_cast") || !strcmp(n, "index_castui") ||
        !strcmp(n, "extsi") || !strcmp(n, "extui") || !strcmp(n, "trunci"))
        *out = x;
    else if (!strcmp(n, "addi"))
        *out = x + y;
    else if (!strcmp(n, "subi"))
        *out = x - y;
    else if (!strcmp(n, "muli"))
        *out = x * y;
    else if (!strcmp(n, "andi"))
        *out = (double)((int64_t)x & (int64_t)y);
    else if (!strcmp(n, "ori"))
        *out = (double)((int64_t)x | (int64_t)y);
    else if (!strcmp(n, "xori"))
        *out = (double)((int64_t)x ^ (int64_t)y);
    else if (!strcmp(n, "minsi") || !strcmp(n, "minui"))
        *out = x < y ? x : y;
    else if (!strcmp(n, "maxsi") || !strcmp(n, "maxui"))
        *out = x > y ? x : y;
    else if ((!strcmp(n, "divsi") || !strcmp(n, "divui") ||
              !strcmp(n, "floordivsi")) && y != 0)
        *out = floor(x / y);
    else if (!strcmp(n, "ceildivsi") || !strcmp(n, "ceildivui"))
        *out = y != 0 ? ceil(x / y) : 0;
    else if ((!strcmp(n, "remsi") || !strcmp(n, "remui")) && y != 0)
        *out = fmod(x, y);
    else if (!strcmp(n, "select") && no == 3)
        *out = x != 0 ? y : a[2];
    else if (!strcmp(n, "cmpi") && no == 2) {
        const eo_attr *p = eo_op_attr(def, "predicate");
        if (!p || eo_attr_get_kind(p) != EO_ATTR_INTEGER)
            return false;
        bool r;
        switch (eo_attr_int_value(p)) {
        case ARITH_CMPI_EQ: r = x == y; break;
        case ARITH_CMPI_NE: r = x != y; break;
        case ARITH_CMPI_SLT: case ARITH_CMPI_ULT: r = x < y; break;
        case ARITH_CMPI_SLE: case ARITH_CMPI_ULE: r = x <= y; break;
        case ARITH_CMPI_SGT: case ARITH_CMPI_UGT: r = x > y; break;
        case ARITH_CMPI_SGE: case ARITH_CMPI_UGE: r = x >= y; break;
        default: return false;
        }
        *out = r;
    } else
        return false;
    return true;
}

/* Sets the thread and block ids of sample point 'e' to linear thread
 * 't' of the launch (x fastest, threads of a block together). */
static void
gk_set_thread(gk_env *e, double t)
{
    double bsz = e->ids[GPU_ARG_BLOCK_SIZE] * e->ids[GPU_ARG_BLOCK_SIZE + 1]
               * e->ids[GPU_ARG_BLOCK_SIZE + 2];
    double blk = floor(t / bsz), th = fmod(t, bsz);
    for (int d = 0; d < 3; d++) {
        double bs = e->ids[GPU_ARG_BLOCK_SIZE + d];
        double gs = e->ids[GPU_ARG_GRID_SIZE + d];
        e->ids[GPU_ARG_THREAD_ID + d] = fmod(th, bs);
        th = floor(th / bs);
        e->ids[GPU_ARG_BLOCK_ID + d] = fmod(blk, gs);
        blk = floor(blk / gs);
    }
}

/* The fractions of threads and of warps (a warp with any active lane)
 * for which i1 value 'cond' holds, over a sample of the launch's warps;
 * false if it cannot be evaluated. */
static bool
gk_activity(gk_env *e, const eo_value *cond, double sg, double *threads,
            double *warps)
{
    double bsz = e->ids[GPU_ARG_BLOCK_SIZE] * e->ids[GPU_ARG_BLOCK_SIZE + 1]
               * e->ids[GPU_ARG_BLOCK_SIZE + 2];
    double grid = e->ids[GPU_ARG_GRID_SIZE] * e->ids[GPU_ARG_GRID_SIZE + 1]
                * e->ids[GPU_ARG_GRID_SIZE + 2];
    double wpb = ceil(bsz / sg), nw = grid * wpb;
    double n = nw < GK_SAMPLE_WARPS ? nw : GK_SAMPLE_WARPS;
    double saved[GPU_LAUNCH_NUM_CONFIG_ARGS];
    memcpy(saved, e->ids, sizeof saved);
    double on_t = 0, on_w = 0, lanes = 0;
    bool ok = true;
    for (double i = 0; i < n && ok; i++) {
        double w = floor(i * nw / n);
        double blk = floor(w / wpb), first = fmod(w, wpb) * sg;
        double any = 0;
        for (double l = first; l < first + sg && l < bsz && ok; l++) {
            gk_set_thread(e, blk * bsz + l);
            double c;
            ok = gk_eval(e, cond, &c, 0);
            on_t += c != 0;
            any = any || c != 0;
            lanes++;
        }
        on_w += any;
    }
    memcpy(e->ids, saved, sizeof saved);
    if (!ok || lanes == 0)
        return false;
    *threads = on_t / lanes;
    *warps = on_w / n;
    return true;
}

/* Bytes one warp moves for an access to 'mem' with indices from operand
 * 'first' of 'op' ('bytes' per lane): the distinct lines its first
 * sg lanes along x touch (consecutive threads, consecutive addresses:
 * few lines; strided: a line per lane). An index that cannot be
 * evaluated counts a line per lane. */
static double
gk_warp_bytes(gk_env *e, eo_op *op, eo_value *mem, size_t first,
              double bytes, double sg, double line)
{
    const eo_type *mt = eo_value_type(mem);
    size_t rank = eo_type_has_rank(mt) ? eo_type_rank(mt) : 0;
    double strides[64];
    double lanes = e->ids[GPU_ARG_BLOCK_SIZE] < sg
                 ? e->ids[GPU_ARG_BLOCK_SIZE] : sg;
    double per_lane = ceil(bytes / line) * line;
    if (lanes > GK_MAX_LANES)
        lanes = GK_MAX_LANES;
    if (!eo_type_has_rank(mt) || rank > 64 ||
        !memref_strides(mt, strides, rank) ||
        eo_op_num_operands(op) < first + rank)
        return lanes * per_lane;
    double eb = elem_bytes(eo_type_elem(mt));
    double saved = e->ids[GPU_ARG_THREAD_ID];
    double lo[GK_MAX_LANES];
    int n = 0;
    for (double l = 0; l < lanes; l++) {
        e->ids[GPU_ARG_THREAD_ID] = l;
        double addr = 0;
        for (size_t i = 0; i < rank; i++) {
            double x;
            if (!gk_eval(e, eo_op_operand(op, first + i), &x, 0)) {
                e->ids[GPU_ARG_THREAD_ID] = saved;
                return lanes * per_lane;
            }
            addr += x * strides[i] * eb;
        }
        /* Lines [addr, addr + bytes) covers, as distinct first lines. */
        double f = floor(addr / line), k = floor((addr + bytes - 1) / line);
        for (double x = f; x <= k && n < GK_MAX_LANES; x++) {
            bool seen = false;
            for (int j = 0; j < n && !seen; j++)
                seen = lo[j] == x;
            if (!seen)
                lo[n++] = x;
        }
    }
    e->ids[GPU_ARG_THREAD_ID] = saved;
    return n * line;
}

/* Whether memref 'mem' lives in workgroup or private memory (on-chip
 * storage of the core, no global traffic). */
static bool
gk_local(const eo_value *mem)
{
    int as = gpu_memref_address_space(eo_value_type(mem));
    return as == GPU_AS_WORKGROUP || as == GPU_AS_PRIVATE;
}

/* Cycles of one warp instruction of 'lanes' lanes per thread at
 * 'per_cycle' lanes per cycle per core. */
static double
gk_warp_cycles(const gk_work *w, double lanes, double per_cycle)
{
    return w->sg * lanes / (per_cycle > 0 ? per_cycle : 1);
}

/* ALU lanes per cycle of a core for 'dt' (the FMA pipes' width; types
 * without MACs: the vector width in 32-bit lanes, a quarter rate). */
static double
gk_alu_rate(const eo_unit_desc *u, int dt)
{
    double v = u->vector_bits >= 32 ? (double)u->vector_bits / 32 : 1;
    if (dt >= 0 && u->macs_per_cycle[dt] > 0)
        return u->macs_per_cycle[dt];
    return dt >= 0 ? v / 4 : v;
}

/* Adds access of 'op' to 'mem' (indices from operand 'first', values of
 * type 'et') executed 'mt' times per thread and 'mw' per warp. */
static eo_status
gk_access(cm_state *st, gk_env *e, gk_work *w, eo_op *op, eo_value *mem,
          size_t first, const eo_type *et, double mt, double mw,
          double ml)
{
    double bytes = elem_bytes(et);
    w->ls += mt;
    w->issue += mw * gk_warp_cycles(w, ceil(bytes / 4) > 1 ?
                                    ceil(bytes / 4) : 1,
                                    gk_alu_rate(w->u, -1));
    if (gk_local(mem))
        return EO_OK;
    int b = buffer_of(st, mem);
    if (b < 0)
        return EO_NOMEM;
    if ((size_t)b >= w->nwb) {
        size_t nn = (size_t)b + 16;
        double *nb = realloc(w->warp_bytes, nn * sizeof *nb);
        if (!nb) {
            st->nomem = true;
            return EO_NOMEM;
        }
        for (size_t i = w->nwb; i < nn; i++)
            nb[i] = 0;
        w->warp_bytes = nb;
        w->nwb = nn;
    }
    w->warp_bytes[b] += mw * gk_warp_bytes(e, op, mem, first, bytes, w->sg,
                                           w->line);
    w->acc_w += mw;
    w->acc_all += ml;
    return EO_OK;
}

static eo_status
gk_scan(cm_state *st, gk_env *e, gk_work *w, eo_block *b, double mt,
        double mw, double ml, bool top);

/* Counts scf.for 'op' of a kernel body: trips at the sample point. */
static eo_status
gk_loop(cm_state *st, gk_env *e, gk_work *w, eo_op *op, double mt,
        double mw, double ml)
{
    double lb, ub, step;
    if (eo_op_num_operands(op) < 3 ||
        !gk_eval(e, eo_op_operand(op, 0), &lb, 0) ||
        !gk_eval(e, eo_op_operand(op, 1), &ub, 0) ||
        !gk_eval(e, eo_op_operand(op, 2), &step, 0))
        return eo_op_error(op, "cost model: unsupported: dynamic loop "
                           "bounds in a gpu kernel (not functions of the "
                           "thread ids and enclosing loop indices)");
    if (step <= 0)
        return eo_op_error(op, "cost model: loop step must be positive");
    if (e->nloops == GK_MAX_IVS)
        return eo_op_error(op, "cost model: unsupported: more than %d "
                           "loops around a gpu kernel op", GK_MAX_IVS);
    double trips = ub > lb ? ceil((ub - lb) / step) : 0;
    e->loop[e->nloops] = op;
    e->iv[e->nloops++] = lb;
    w->issue += mw * trips * gk_warp_cycles(w, CM_LOOP_CYCLES,
                                            gk_alu_rate(w->u, -1));
    eo_status s = EO_OK;
    for (eo_block *bb = eo_region_first(eo_op_region(op, 0));
         bb && s == EO_OK; bb = eo_block_next(bb))
        s = gk_scan(st, e, w, bb, mt * trips, mw * trips, ml * trips,
                    false);
    e->nloops--;
    return s;
}

/* Collects the work of kernel block 'b', executed 'mt' times per thread
 * and 'mw' times per warp ('ml' per warp if every warp were active);
 * 'top': not inside a kernel loop. */
static eo_status
gk_scan(cm_state *st, gk_env *e, gk_work *w, eo_block *b, double mt,
        double mw, double ml, bool top)
{
    const eo_unit_desc *u = w->u;
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        eo_status s = EO_OK;
        const char *n = eo_op_name_str(op);
        if (name_is(op, "scf.yield") || eo_op_is_terminator(op) ||
            eo_op_has_trait(op, EO_CONSTANT_LIKE) || is_view(op) ||
            gpu_op_kind(op) != GPU_NUM_OPS ||
            name_is(op, "memref.get_global"))
            continue;       /* ids: special registers; barrier: free */
        if (name_is(op, "scf.for")) {
            s = gk_loop(st, e, w, op, mt, mw, ml);
        } else if (name_is(op, "scf.if")) {
            /* A guard at the kernel's top level runs for the threads
             * (warps) whose condition holds; deeper, a warp may take
             * both sides (divergence): both are counted in full. */
            double ft = 1, fw = 1;
            bool known = top && gk_activity(e, eo_op_operand(op, 0),
                                            w->sg, &ft, &fw);
            w->issue += mw * gk_warp_cycles(w, 1, gk_alu_rate(u, -1));
            for (size_t r = 0; r < eo_op_num_regions(op) && s == EO_OK;
                 r++) {
                double kt = known ? (r == 0 ? ft : 1 - ft) : 1;
                double kw = known ? (r == 0 ? fw : kt > 0) : 1;
                for (eo_block *bb = eo_region_first(eo_op_region(op, r));
                     bb && s == EO_OK; bb = eo_block_next(bb))
                    s = gk_scan(st, e, w, bb, mt * kt, mw * kw, ml, top);
            }
        } else if (eo_op_num_regions(op) > 0) {
            return eo_op_error(op, "cost model: unsupported: '%s' in a "
                               "gpu kernel", n);
        } else if (name_is(op, "memref.load") ||
                   name_is(op, "vector.load")) {
            s = gk_access(st, e, w, op, eo_op_operand(op, 0), 1,
                          eo_value_type(eo_op_result(op, 0)), mt, mw, ml);
        } else if (name_is(op, "memref.store") ||
                   name_is(op, "vector.store")) {
            s = gk_access(st, e, w, op, eo_op_operand(op, 1), 2,
                          eo_value_type(eo_op_operand(op, 0)), mt, mw, ml);
        } else if ((is_mac_mul(op) && !is_index_op(op)) ||
                   name_is(op, "vector.fma") || name_is(op, "math.fma")) {
            double lanes = lanes_of(op);
            int dt = is_mac_mul(op) ? mac_dtype(op)
                   : dtype_of(eo_value_type(eo_op_result(op, 0)));
            w->macs += lanes * mt;
            if (dt >= 0)
                w->mac_pj += lanes * mt * u->mac_energy_pj[dt];
            if (w->mac_dt < 0)
                w->mac_dt = dt;
            w->issue += mw * gk_warp_cycles(w, lanes, gk_alu_rate(u, dt));
        } else if (is_mac_add(op) && !is_index_op(op)) {
            continue;       /* counted with its multiplication */
        } else if (!strncmp(n, "arith.", 6) || !strncmp(n, "math.", 5) ||
                   !strncmp(n, "vector.", 7)) {
            /* Index arithmetic too: on a GPU the thread id recovery and
             * addresses are instructions of every thread. */
            double lanes = lanes_of(op);
            int dt = eo_op_num_results(op)
                   ? dtype_of(eo_value_type(eo_op_result(op, 0))) : -1;
            if (dt == EO_TDT_INT4)
                dt = EO_TDT_INT8;
            w->ops += lanes * op_weight(op) * mt;
            w->issue += mw * op_weight(op) *
                        gk_warp_cycles(w, lanes, gk_alu_rate(u, dt));
        } else {
            return eo_op_error(op, "cost model: unsupported: cannot cost "
                               "'%s' in a gpu kernel", n);
        }
        if (s != EO_OK)
            return s;
    }
    return EO_OK;
}

/* The unit gpu.launch 'op' runs on: the target's first gpu unit. */
static const eo_unit_desc *
gk_unit(cm_state *st, eo_op *op)
{
    for (size_t i = 0; i < st->d->num_units; i++)
        if (st->d->units[i].kind == EO_UNIT_GPU)
            return &st->d->units[i];
    eo_op_error(op, "cost model: unsupported: 'gpu.launch' on target "
                "'%s', which has no gpu compute unit",
                eo_target_name(st->t));
    return NULL;
}

/* Bytes of the workgroup memory of one block of launch 'op': its
 * workgroup attributions and dynamic_shared_memory_size; -1 if not
 * static. */
static double
gk_shared_bytes(eo_op *op, const gk_env *e)
{
    eo_block *body = gpu_launch_body(op);
    double sh = 0;
    size_t nwg = gpu_launch_num_workgroup(op);
    for (size_t i = 0; i < nwg; i++) {
        double b = shaped_bytes(eo_value_type(
            eo_block_arg(body, GPU_LAUNCH_NUM_CONFIG_ARGS + i)));
        if (b < 0)
            return -1;
        sh += b;
    }
    size_t start, len;
    if (eo_op_operand_segment(op, GPU_SEG_DYN_SHMEM, &start, &len) && len) {
        double d;
        if (!gk_eval(e, eo_op_operand(op, start), &d, 0))
            return -1;
        sh += d;
    }
    return sh;
}

/* 32-bit registers a value of type 't' takes in a thread: integers and
 * floats by width (i1: a predicate, none), index 2 (64-bit), vectors
 * their bits, memrefs an address (2); anything else none. */
static double
gk_reg_width(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    if (k == EO_TYPE_MEMREF)
        return 2;
    if (k == EO_TYPE_VECTOR) {
        const eo_type *el = eo_type_elem(t);
        double bits = eo_type_is_index(el) ? 64
                      : eo_type_is_int(el) ? (double)eo_type_int_width(el)
                      : eo_type_is_float(el)
                          ? (double)eo_type_float_width(el) : 32;
        return ceil((double)eo_type_num_elements(t) * bits / 32);
    }
    if (eo_type_is_index(t))
        return 2;
    if (eo_type_is_int(t))
        return eo_type_int_width(t) <= 1 ? 0
               : ceil((double)eo_type_int_width(t) / 32);
    if (eo_type_is_float(t))
        return ceil((double)eo_type_float_width(t) / 32);
    return 0;
}

/* The ops of a launch body in pre-order, each with the index of its
 * last nested op. */
typedef struct gk_order {
    eo_op **op;
    size_t *end;
    size_t n, cap;
    bool nomem;
} gk_order;

static eo_walk_result
gk_order_op(eo_op *op, void *ud)
{
    gk_order *o = ud;
    if (o->n == o->cap) {
        size_t nc = o->cap ? 2 * o->cap : 64;
        eo_op **no = realloc(o->op, nc * sizeof *no);
        if (!no) {
            o->nomem = true;
            return EO_WALK_INTERRUPT;
        }
        o->op = no;
        o->cap = nc;
    }
    o->op[o->n++] = op;
    return EO_WALK_ADVANCE;
}

static size_t
gk_index(const gk_order *o, const eo_op *op)
{
    for (size_t i = 0; i < o->n; i++)
        if (o->op[i] == op)
            return i;
    return SIZE_MAX;
}

/* Adds value 'v' (defined in block 'blk' from point 'from') to the live
 * ranges 'diff': live until the end of the last op of 'blk' that holds
 * one of its uses. */
static void
gk_live(const gk_order *o, const eo_value *v, const eo_block *blk,
        size_t from, double *diff)
{
    double w = gk_reg_width(eo_value_type(v));
    if (w <= 0)
        return;
    size_t last = from;
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *a = eo_use_owner(u);
        while (a && eo_op_block(a) != blk)
            a = eo_op_parent(a);
        size_t i = a ? gk_index(o, a) : SIZE_MAX;
        if (i != SIZE_MAX && o->end[i] > last)
            last = o->end[i];
    }
    diff[from] += w;
    diff[last + 1] -= w;
}

/* Registers per thread of launch 'op' with body 'body': the most 32-bit
 * registers live at once (SSA values from their definition to the end
 * of the last op of their block using them: a value used in a loop is
 * live through the loop), values captured from outside the kernel live
 * throughout (constants are immediates), the ids and sizes used one
 * each; at least 1. -1 on allocation failure. */
static double
gk_registers(eo_op *op, eo_block *body)
{
    gk_order o = { 0 };
    for (eo_op *c = eo_block_first(body); c && !o.nomem; c = eo_op_next(c))
        eo_op_walk(c, EO_WALK_PRE, gk_order_op, &o);
    double *diff = o.nomem ? NULL : calloc(o.n + 2, sizeof *diff);
    o.end = o.nomem ? NULL : calloc(o.n + 1, sizeof *o.end);
    if (!diff || !o.end) {
        free(o.op);
        free(o.end);
        free(diff);
        return -1;
    }
    for (size_t j = 0; j < o.n; j++) {
        o.end[j] = j;
        for (eo_op *a = eo_op_parent(o.op[j]); a && a != op;
             a = eo_op_parent(a)) {
            size_t i = gk_index(&o, a);
            if (i != SIZE_MAX && o.end[i] < j)
                o.end[i] = j;
        }
    }
    double captured = 0;
    for (size_t j = 0; j < o.n; j++) {
        eo_op *x = o.op[j];
        for (size_t r = 0; r < eo_op_num_results(x); r++)
            gk_live(&o, eo_op_result(x, r), eo_op_block(x), j, diff);
        for (size_t g = 0; g < eo_op_num_regions(x); g++)
            for (eo_block *b = eo_region_first(eo_op_region(x, g)); b;
                 b = eo_block_next(b))
                for (size_t a = 0; a < eo_block_num_args(b); a++)
                    gk_live(&o, eo_block_arg(b, a), b, j, diff);
        /* Operands defined outside the launch: live throughout (each
         * value counted at its first use in the walk order). */
        for (size_t k = 0; k < eo_op_num_operands(x); k++) {
            eo_value *v = eo_op_operand(x, k);
            eo_op *d = eo_value_def_op(v);
            eo_block *db = d ? eo_op_block(d) : eo_value_owner_block(v);
            eo_op *a = db ? eo_block_parent_op(db) : NULL;
            while (a && a != op)
                a = eo_op_parent(a);
            if (a == op || (d && strcmp(eo_op_name_str(d),
                                        "arith.constant") == 0))
                continue;       /* inside the kernel, or an immediate */
            bool seen = false;
            for (size_t p = 0; p <= j && !seen; p++)
                for (size_t q = 0; q < eo_op_num_operands(o.op[p]) && !seen;
                     q++)
                    seen = (p < j || q < k) && eo_op_operand(o.op[p], q) == v;
            if (!seen)
                captured += gk_reg_width(eo_value_type(v));
        }
    }
    /* The body's own arguments (ids and sizes) live throughout. */
    for (size_t a = 0; a < eo_block_num_args(body); a++)
        captured += gk_reg_width(eo_value_type(eo_block_arg(body, a)))
                    > 0 && eo_value_has_uses(eo_block_arg(body, a))
                        ? 1 : 0;
    double live = 0, peak = 0;
    for (size_t j = 0; j < o.n; j++) {
        live += diff[j];
        if (live > peak)
            peak = live;
    }
    free(o.op);
    free(o.end);
    free(diff);
    peak += captured;
    return peak < 1 ? 1 : ceil(peak);
}

/* Costs gpu.launch 'op', run 'mult' times by host loops whose induction
 * variables 'host' holds (at their first values): work from the body
 * per thread times the threads, traffic per warp after coalescing,
 * occupancy, waves and launch overhead (docs/targets.md, "GPU
 * kernels"). */
static eo_status
cost_launch(cm_state *st, eo_op *op, const gk_env *host, double mult)
{
    const eo_unit_desc *u = gk_unit(st, op);
    if (!u)
        return EO_ERROR;
    if (mult <= 0)
        return EO_OK;       /* inside a host loop of no iterations */
    eo_block *body = gpu_launch_body(op);
    if (!body || eo_block_num_args(body) < GPU_LAUNCH_NUM_CONFIG_ARGS)
        return eo_op_error(op, "cost model: malformed gpu.launch");
    if (eo_block_next(body))
        return eo_op_error(op, "cost model: unsupported: a gpu.launch "
                           "body with more than one block");
    gk_env e = *host;
    e.entry = body;
    for (int k = 0; k < 2; k++)
        for (int d = 0; d < 3; d++) {
            size_t start, len;
            double v;
            int seg = (k ? GPU_SEG_BLOCK : GPU_SEG_GRID) + d;
            if (!eo_op_operand_segment(op, (size_t)seg, &start, &len) ||
                len != 1 || !gk_eval(&e, eo_op_operand(op, start), &v, 0))
                return eo_op_error(op, "cost model: unsupported: dynamic "
                                   "gpu.launch %s size",
                                   k ? "block" : "grid");
            if (v < 1)
                return eo_op_error(op, "cost model: gpu.launch %s size "
                                   "must be positive", k ? "block" : "grid");
            e.ids[(k ? GPU_ARG_BLOCK_SIZE : GPU_ARG_GRID_SIZE) + d] = v;
        }
    double grid = e.ids[GPU_ARG_GRID_SIZE] * e.ids[GPU_ARG_GRID_SIZE + 1]
                * e.ids[GPU_ARG_GRID_SIZE + 2];
    double bsz = e.ids[GPU_ARG_BLOCK_SIZE] * e.ids[GPU_ARG_BLOCK_SIZE + 1]
               * e.ids[GPU_ARG_BLOCK_SIZE + 2];
    gk_set_thread(&e, 0);
    double sg = (double)u->subgroup_size;
    double wpb = ceil(bsz / sg);
    /* Occupancy: resident blocks per core, the least of what the
     * threads, the registers (estimated per thread, at most
     * max_registers_per_thread: the rest spilled), the workgroup memory
     * and max_blocks_per_core allow. */
    double bpc = floor((double)u->threads_per_core / (wpb * sg));
    const char *limit = "threads";
    double sh = gk_shared_bytes(op, &e);
    if (sh < 0)
        return eo_op_error(op, "cost model: unsupported: dynamic "
                           "workgroup memory size");
    double regs = gk_registers(op, body), spill = 0;
    if (regs < 0)
        return EO_NOMEM;
    if (u->max_registers_per_thread > 0
        && regs > (double)u->max_registers_per_thread) {
        spill = regs - (double)u->max_registers_per_thread;
        regs = (double)u->max_registers_per_thread;
    }
    if (u->registers_per_core > 0
        && floor((double)u->registers_per_core / (regs * wpb * sg)) < bpc) {
        bpc = floor((double)u->registers_per_core / (regs * wpb * sg));
        limit = "registers";
    }
    if (sh > 0 && floor((double)u->local_mem_bytes / sh) < bpc) {
        bpc = floor((double)u->local_mem_bytes / sh);
        limit = "local_mem";
    }
    if (u->max_blocks_per_core > 0 && (double)u->max_blocks_per_core < bpc) {
        bpc = (double)u->max_blocks_per_core;
        limit = "max_blocks";
    }
    if (bpc < 1)
        return eo_op_error(op, "cost model: a block of %.0f threads and "
                           "%.0f bytes of workgroup memory does not fit a "
                           "core of unit '%s' (%lld threads, %lld bytes; "
                           "%.0f registers per thread, %lld per core)",
                           bsz, sh, u->name, (long long)u->threads_per_core,
                           (long long)u->local_mem_bytes, regs,
                           (long long)u->registers_per_core);
    gk_work w;
    memset(&w, 0, sizeof w);
    w.u = u;
    w.sg = sg;
    w.line = st->line;
    w.mac_dt = -1;
    eo_status s = gk_scan(st, &e, &w, body, 1, 1, 1, true);
    if (s == EO_OK && st->nomem)
        s = EO_NOMEM;
    if (s != EO_OK) {
        free(w.warp_bytes);
        return s;
    }
    /* Spilled registers: a store and a load per thread each, issued
     * like other accesses (to on-chip memory: no traffic). */
    if (spill > 0) {
        double lsw = u->vector_bits >= 32 ? (double)u->vector_bits / 32 : 1;
        w.ls += 2 * spill;
        w.issue += 2 * spill * ceil(sg / lsw);
    }
    double threads = grid * bsz, warps = grid * wpb;
    double cores = (double)u->count;
    /* Waves of resident blocks; the last one costs a full one. */
    double waves = ceil(grid / (cores * bpc));
    double per_core = ceil(grid / cores) < bpc ? ceil(grid / cores) : bpc;
    double compute_s = waves * per_core * wpb * w.issue / clock_hz(u);
    /* Traffic: the first level moves what the warps access; a further
     * one the buffers once when the kernel's footprint fits the level
     * before it, else the same again. */
    cm_work cw;
    memset(&cw, 0, sizeof cw);
    double fp = 0, moved = 0;
    for (size_t b = 0; b < w.nwb && b < st->nbufs; b++) {
        double wb = w.warp_bytes[b] * warps;
        double bb = st->bufs[b].bytes;
        fp += bb > 0 && bb < wb ? bb : wb;
        moved += wb;
    }
    for (size_t b = 0; b < w.nwb && b < st->nbufs; b++) {
        double wb = w.warp_bytes[b] * warps;
        if (wb <= 0)
            continue;
        double bb = st->bufs[b].bytes;
        int chain[9];
        int nc = chain_of(st, st->bufs[b].level, chain);
        cw.bytes[chain[0]] += wb * mult;
        for (int c = 1; c < nc; c++) {
            double cap = (double)st->d->memory[chain[c - 1]].size_bytes;
            double once = bb > 0 && bb < wb ? bb : wb;
            cw.bytes[chain[c]] += (fp <= cap ? once : wb) * mult;
        }
    }
    free(w.warp_bytes);
    /* Bandwidth a level delivers: at most what the resident threads keep
     * in flight (one access each, the active share of them) over its
     * latency (Little's law). */
    double resident = (grid < cores * bpc ? grid : cores * bpc) * bsz;
    if (w.acc_all > 0)
        resident *= w.acc_w / w.acc_all;
    double lane_acc = w.acc_w * warps * sg;
    double per_acc = lane_acc > 0 ? moved / lane_acc : 0;
    double mem_s = 0, mem_pj = 0, dram_pj = 0;
    for (size_t i = 0; i < st->d->num_memory && i < 8; i++) {
        const eo_memory_desc *m = &st->d->memory[i];
        if (cw.bytes[i] <= 0)
            continue;
        double bw = m->bandwidth_gbps * 1e9;
        if (m->latency_ns > 0 && per_acc > 0 &&
            resident * per_acc / (m->latency_ns * 1e-9) < bw)
            bw = resident * per_acc / (m->latency_ns * 1e-9);
        mem_s += cw.bytes[i] / bw;
        if (onchip(m->kind))
            mem_pj += cw.bytes[i] * m->energy_pj_per_byte;
        else
            dram_pj += cw.bytes[i] * m->energy_pj_per_byte;
    }
    double lat = (compute_s > mem_s / mult ? compute_s : mem_s / mult) +
                 u->launch_overhead_ns * 1e-9;
    lat *= mult;
    double compute_pj = (w.mac_pj + w.ops * u->alu_energy_pj +
                         w.ls * u->load_store_energy_pj) * threads * mult;
    eo_cost_layer *l = layer_for(st, op);
    if (!l)
        return EO_NOMEM;
    eo_cost_report *r = st->r;
    double static_w = 0;
    for (size_t i = 0; i < st->d->num_units; i++)
        static_w += st->d->units[i].static_power_mw * 1e-3;
    for (size_t i = 0; i < st->d->num_memory && i < 8; i++) {
        l->bytes[i] += cw.bytes[i];
        r->bytes[i] += cw.bytes[i];
    }
    r->energy[EO_COST_COMPUTE] += compute_pj * 1e-12;
    r->energy[EO_COST_MEMORY] += mem_pj * 1e-12;
    r->energy[EO_COST_DRAM] += dram_pj * 1e-12;
    r->energy[EO_COST_STATIC] += static_w * lat;
    l->energy_j += (compute_pj + mem_pj + dram_pj) * 1e-12 + static_w * lat;
    l->latency_s += lat;
    l->macs += w.macs * threads * mult;
    l->ops += w.ops * threads * mult;
    r->latency_s += lat;
    r->macs += w.macs * threads * mult;
    r->ops += w.ops * threads * mult;
    if (!*l->unit || w.macs > 0)
        l->unit = u->name;
    l->gpu_block = bsz;
    l->gpu_regs = regs;
    l->gpu_shared = sh;
    l->gpu_blocks = bpc;
    l->gpu_occupancy = bpc * wpb * sg / (double)u->threads_per_core;
    l->gpu_limit = limit;
    return st->nomem ? EO_NOMEM : EO_OK;
}

typedef struct gk_find {
    bool found;
} gk_find;

static eo_walk_result
gk_find_launch(eo_op *op, void *ud)
{
    if (gpu_op_kind(op) == GPU_LAUNCH) {
        ((gk_find *)ud)->found = true;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

/* Whether 'op' is GPU work: a gpu.launch or host loops around one. */
static bool
is_gpu_work(eo_op *op)
{
    if (gpu_op_kind(op) == GPU_LAUNCH)
        return true;
    if (!name_is(op, "scf.for"))
        return false;
    gk_find f = { false };
    eo_op_walk(op, EO_WALK_PRE, gk_find_launch, &f);
    return f.found;
}

/* Costs GPU work 'op' (is_gpu_work) run 'mult' times by the host loops
 * in 'host': launches, and host loops of launches and index arithmetic
 * (their trip counts at the enclosing loops' first values). */
static eo_status
cost_gpu_work(cm_state *st, eo_op *op, gk_env *host, double mult)
{
    if (gpu_op_kind(op) == GPU_LAUNCH)
        return cost_launch(st, op, host, mult);
    double lb, ub, step;
    if (eo_op_num_operands(op) < 3 ||
        !gk_eval(host, eo_op_operand(op, 0), &lb, 0) ||
        !gk_eval(host, eo_op_operand(op, 1), &ub, 0) ||
        !gk_eval(host, eo_op_operand(op, 2), &step, 0))
        return eo_op_error(op, "cost model: unsupported: dynamic loop "
                           "bounds around a gpu.launch");
    if (step <= 0)
        return eo_op_error(op, "cost model: loop step must be positive");
    if (host->nloops == GK_MAX_IVS)
        return eo_op_error(op, "cost model: unsupported: more than %d "
                           "loops around a gpu kernel op", GK_MAX_IVS);
    double trips = ub > lb ? ceil((ub - lb) / step) : 0;
    host->loop[host->nloops] = op;
    host->iv[host->nloops++] = lb;
    eo_status s = EO_OK;
    eo_block *b = eo_region_first(eo_op_region(op, 0));
    for (eo_op *o = b ? eo_block_first(b) : NULL; o && s == EO_OK;
         o = eo_op_next(o)) {
        if (is_gpu_work(o))
            s = cost_gpu_work(st, o, host, mult * trips);
        else if (!(eo_op_is_terminator(o) ||
                   eo_op_has_trait(o, EO_CONSTANT_LIKE) || is_view(o) ||
                   (name_prefix(o, "arith.") && is_index_op(o))))
            s = eo_op_error(o, "cost model: unsupported: '%s' in a host "
                            "loop around a gpu.launch", eo_op_name_str(o));
    }
    host->nloops--;
    return s;
}

/* Costs top-level GPU work 'op' of a function (is_gpu_work). */
static eo_status
cost_gpu_top(cm_state *st, eo_op *op)
{
    gk_env host;
    memset(&host, 0, sizeof host);
    return cost_gpu_work(st, op, &host, 1);
}

/* ------------------------------------------------------------------ */
/* Memory: placement and peak                                          */
/* ------------------------------------------------------------------ */

/* Peak of the memref allocations of 'body' placed in memory level
 * 'level' of 't' (-1: not placed, the default arena) by liveness (alloc
 * to dealloc, else to the end), planned like the arena. */
static eo_status
alloc_peak(const eo_target *t, eo_block *body, int level, uint64_t *peak)
{
    *peak = 0;
    size_t nops = 0;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        nops++;
    eo_memplan *p = eo_memplan_create();
    if (!p)
        return EO_NOMEM;
    eo_status s = EO_OK;
    size_t step = 0, nb = 0;
    const eo_value **vals = NULL;
    size_t *ids = NULL, *firsts = NULL;
    for (eo_op *op = eo_block_first(body); op && s == EO_OK;
         op = eo_op_next(op), step++) {
        if (name_is(op, "memref.alloc") || name_is(op, "memref.alloca")) {
            double b = shaped_bytes(eo_value_type(eo_op_result(op, 0)));
            if (b < 0 ||
                eo_place_level_of(t, eo_value_type(eo_op_result(op, 0)))
                    != level)
                continue;
            const eo_value **nv = realloc(vals, (nb + 1) * sizeof *nv);
            size_t *ni = nv ? realloc(ids, (nb + 1) * sizeof *ni) : NULL;
            if (nv)
                vals = nv;
            if (ni)
                ids = ni;
            size_t *nf = ni ? realloc(firsts, (nb + 1) * sizeof *nf) : NULL;
            if (!nf) {
                s = EO_NOMEM;
                break;
            }
            firsts = nf;
            vals[nb] = eo_op_result(op, 0);
            firsts[nb] = step;
            s = eo_memplan_add_buffer(p, (uint64_t)b, CM_ARENA_ALIGN,
                                      &ids[nb]);
            nb++;
        } else if (name_is(op, "memref.dealloc")) {
            const eo_value *v = eo_op_operand(op, 0);
            for (size_t i = 0; i < nb; i++)
                if (vals[i] == v && firsts[i] != SIZE_MAX) {
                    s = eo_memplan_set_interval(p, ids[i], firsts[i], step);
                    firsts[i] = SIZE_MAX;
                }
        }
    }
    for (size_t i = 0; i < nb && s == EO_OK; i++)
        if (firsts[i] != SIZE_MAX)
            s = eo_memplan_set_interval(p, ids[i], firsts[i],
                                        nops ? nops - 1 : 0);
    if (s == EO_OK && nb) {
        eo_memplan_options o;
        eo_memplan_options_init(&o);
        o.exact_limit = 0;
        s = eo_memplan_solve(p, &o);
        if (s == EO_OK)
            *peak = eo_memplan_peak(p);
    }
    free(vals);
    free(ids);
    free(firsts);
    eo_memplan_destroy(p);
    return s;
}

static bool
has_tensor_values(eo_block *body)
{
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        for (size_t i = 0; i < eo_op_num_results(op); i++)
            if (is_tensor(eo_value_type(eo_op_result(op, i))))
                return true;
    return false;
}

/* The home level of the weights ('weights': the first flash or DRAM level
 * if any) or of the activations: the first writable level (not a cache,
 * not flash) holding 'bytes', else the last writable one (the arena does
 * not fit: peak_memory_bytes says so), else the last level. */
static int
home_level(const eo_target_desc *d, double bytes, bool weights,
           const double *used)
{
    size_t n = d->num_memory < 8 ? d->num_memory : 8;
    int last_writable = -1;
    if (weights)
        for (size_t i = 0; i < n; i++)
            if (!onchip(d->memory[i].kind))
                return (int)i;
    for (size_t i = 0; i < n; i++) {
        if (d->memory[i].kind == EO_MEMORY_CACHE ||
            (!weights && d->memory[i].kind == EO_MEMORY_FLASH))
            continue;
        if ((double)d->memory[i].size_bytes >= bytes + (used ? used[i] : 0))
            return (int)i;
        last_writable = (int)i;
    }
    return last_writable >= 0 ? last_writable : (int)n - 1;
}

static double
weight_bytes_of(eo_op *module)
{
    double total = 0;
    eo_block *b = eo_module_body(module);
    for (eo_op *op = b ? eo_block_first(b) : NULL; op; op = eo_op_next(op))
        if (name_is(op, "memref.global") && eo_op_attr(op, "constant")) {
            const eo_attr *ta = eo_op_attr(op, "type");
            if (ta && eo_attr_get_kind(ta) == EO_ATTR_TYPE) {
                double v = shaped_bytes(eo_attr_type_value(ta));
                total += v > 0 ? v : 0;
            }
        }
    return total;
}

typedef struct const_sum {
    double bytes;
} const_sum;

static eo_walk_result
sum_tensor_consts(eo_op *op, void *ud)
{
    const_sum *cs = ud;
    if (eo_op_has_trait(op, EO_CONSTANT_LIKE) && eo_op_num_results(op)) {
        const eo_type *t = eo_value_type(eo_op_result(op, 0));
        if (is_tensor(t)) {
            double b = shaped_bytes(t);
            cs->bytes += b > 0 ? b : 0;
        }
    }
    return EO_WALK_ADVANCE;
}

/* Checks memory space 'type' of a buffer made by 'op' names a level
 * the buffer may live in (not a cache; flash only for constants) and
 * marks the level. EO_ERROR after a diagnostic at 'op'. */
static eo_status
check_space(cm_state *st, eo_op *op, const eo_type *type, bool constant)
{
    int l = eo_place_level_of(st->t, type);
    if (l == -1)
        return EO_OK;
    if (l < 0)
        return eo_op_error(op, "cost model: placement: the memory space "
                           "of this buffer names no memory level of "
                           "target '%s' (expected 1..%zu: memory[k-1])",
                           eo_target_name(st->t), st->r->num_levels);
    const eo_memory_desc *m = &st->d->memory[l];
    if (m->kind == EO_MEMORY_CACHE)
        return eo_op_error(op, "cost model: placement: cannot place a "
                           "buffer in cache level '%s'", m->name);
    if (m->kind == EO_MEMORY_FLASH && !constant)
        return eo_op_error(op, "cost model: placement: cannot place a "
                           "writable buffer in flash level '%s'", m->name);
    st->placed[l] = true;
    if (!st->placed_at[l])
        st->placed_at[l] = op;
    return EO_OK;
}

typedef struct space_check {
    cm_state *st;
    eo_status s;
} space_check;

static eo_walk_result
check_allocs(eo_op *op, void *ud)
{
    space_check *sc = ud;
    if ((name_is(op, "memref.alloc") || name_is(op, "memref.alloca")) &&
        eo_op_num_results(op) == 1)
        sc->s = check_space(sc->st, op, eo_value_type(eo_op_result(op, 0)),
                            false);
    return sc->s == EO_OK ? EO_WALK_ADVANCE : EO_WALK_INTERRUPT;
}

/* Costs one function; use[] gets the bytes it keeps resident per level
 * at its peak (placed allocations, the arena, the arguments). */
static eo_status
cost_function(cm_state *st, eo_op *fn, uint64_t *fn_peak, double *use)
{
    eo_region *r = eo_op_num_regions(fn) ? eo_op_region(fn, 0) : NULL;
    eo_block *body = r ? eo_region_first(r) : NULL;
    *fn_peak = 0;
    if (!body)
        return EO_OK;
    if (eo_block_next(body))
        return eo_op_error(fn, "cost model: unsupported: a function with "
                           "more than one block");
    space_check sc = { st, EO_OK };
    eo_op_walk(fn, EO_WALK_PRE, check_allocs, &sc);
    if (sc.s != EO_OK)
        return sc.s;
    uint64_t peak = 0;
    eo_status s = alloc_peak(st->t, body, -1, &peak);
    if (s != EO_OK)
        return s;
    for (int l = 0; l < 8 && (size_t)l < st->r->num_levels; l++) {
        uint64_t lp = 0;
        if (st->placed[l] &&
            (s = alloc_peak(st->t, body, l, &lp)) != EO_OK)
            return s;
        use[l] += (double)lp + st->glob[l];
    }
    if (has_tensor_values(body)) {
        eo_memplan *p = NULL;
        uint64_t w = 0, io = 0;
        s = eo_memplan_build_ir(fn, CM_ARENA_ALIGN, true, &p, &w, &io);
        if (s == EO_OK) {
            eo_memplan_options o;
            eo_memplan_options_init(&o);
            o.exact_limit = 0;
            o.brute_force_limit = 0;
            s = eo_memplan_solve(p, &o);
            if (s == EO_OK)
                peak += eo_memplan_peak(p);
        }
        eo_memplan_destroy(p);
        if (s != EO_OK)
            return s;
    }
    *fn_peak = peak;
    /* Homes: activations (arena + arguments) in the first level holding
     * them, weights in flash / DRAM where there is one. */
    double io = 0;
    for (size_t i = 0; i < eo_block_num_args(body); i++) {
        const eo_type *at = eo_value_type(eo_block_arg(body, i));
        double b = shaped_bytes(at);
        int pl = eo_place_level_of(st->t, at);
        if (pl == -2)
            return eo_op_error(fn, "cost model: placement: the memory "
                               "space of argument %zu names no memory "
                               "level of target '%s'", i,
                               eo_target_name(st->t));
        if (pl >= 0 && b > 0)
            use[pl] += b;
        else
            io += b > 0 ? b : 0;
    }
    /* Placed buffers (and the placed globals) count against their level,
     * so the default arena goes where it fits next to them. */
    st->act_level = home_level(st->d, (double)peak + io, false, use);
    st->weight_level = st->def_weight_level;
    use[st->act_level] += (double)peak + io;
    st->nbufs = 0;
    st->last_layer = NULL;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op)) {
        s = is_gpu_work(op) ? cost_gpu_top(st, op)
          : name_is(op, "scf.for") ? cost_nest(st, op) : cost_top_op(st, op);
        if (s == EO_OK && st->nomem)
            s = EO_NOMEM;
        if (s != EO_OK)
            return s;
    }
    return EO_OK;
}

static bool
is_public_function(eo_op *op)
{
    if (!name_is(op, "func.func"))
        return false;
    const eo_attr *v = eo_op_attr(op, "sym_visibility");
    size_t len;
    const char *s = v && eo_attr_get_kind(v) == EO_ATTR_STRING
                  ? eo_attr_string(v, &len) : NULL;
    return !s || !(len == 7 && !memcmp(s, "private", 7));
}

/* The module's memref.globals: checks their memory spaces, sums the
 * placed ones per level into st->glob and the others (constants at the
 * weights' home) into unplaced[]. */
static eo_status
place_globals(cm_state *st, eo_op *module, double *unplaced)
{
    eo_block *b = eo_module_body(module);
    for (eo_op *op = b ? eo_block_first(b) : NULL; op; op = eo_op_next(op)) {
        if (!name_is(op, "memref.global"))
            continue;
        const eo_attr *ta = eo_op_attr(op, "type");
        if (!ta || eo_attr_get_kind(ta) != EO_ATTR_TYPE)
            continue;
        const eo_type *gt = eo_attr_type_value(ta);
        bool constant = eo_op_attr(op, "constant") != NULL;
        if (check_space(st, op, gt, constant) != EO_OK)
            return EO_ERROR;
        double v = shaped_bytes(gt);
        v = v > 0 ? v : 0;
        int l = eo_place_level_of(st->t, gt);
        if (l >= 0)
            st->glob[l] += v;
        else if (constant)
            unplaced[st->def_weight_level] += v;
    }
    return EO_OK;
}

/* The level code lives in: the first flash level, else the first
 * off-chip one, else the last. */
static int
code_level(const eo_target_desc *d)
{
    size_t n = d->num_memory < 8 ? d->num_memory : 8;
    for (size_t i = 0; i < n; i++)
        if (d->memory[i].kind == EO_MEMORY_FLASH)
            return (int)i;
    for (size_t i = 0; i < n; i++)
        if (!onchip(d->memory[i].kind))
            return (int)i;
    return (int)n - 1;
}

eo_status
eo_target_model_evaluate(eo_ctx *ctx, const eo_target *t, eo_op *module,
                         eo_cost_report *out)
{
    return eo_target_model_evaluate_opts(ctx, t, module, NULL, out);
}

eo_status
eo_target_model_evaluate_opts(eo_ctx *ctx, const eo_target *t,
                              eo_op *module, const eo_cost_options *opts,
                              eo_cost_report *out)
{
    if (!out)
        return EO_ERROR;
    memset(out, 0, sizeof *out);
    if (!ctx || !t || !module)
        return EO_ERROR;
    const eo_target_desc *d = eo_target_desc_get(t);
    eo_block *mb = eo_module_body(module);
    if (!mb)
        return eo_op_error(module, "cost model: expected a module");
    cm_state st;
    memset(&st, 0, sizeof st);
    st.ctx = ctx;
    st.t = t;
    st.d = d;
    st.r = out;
    st.cpu = eo_target_host_unit(t);
    if (!st.cpu && d->num_units)
        st.cpu = &d->units[0];
    if (!st.cpu || d->num_memory == 0)
        return eo_emit_error(ctx, NULL, "cost model: target '%s' has no "
                             "compute unit or no memory level",
                             eo_target_name(t));
    st.line = d->kind == EO_TARGET_MCU || d->kind == EO_TARGET_NPU ? 32 : 64;
    out->num_levels = d->num_memory < 8 ? d->num_memory : 8;
    const_sum cs = { 0 };
    eo_op_walk(module, EO_WALK_PRE, sum_tensor_consts, &cs);
    out->weight_bytes = (uint64_t)(weight_bytes_of(module) + cs.bytes);
    st.def_weight_level = home_level(d, (double)out->weight_bytes, true,
                                     NULL);
    /* Resident bytes per level: module-wide (weights, code) plus the
     * largest of the functions'. */
    double fixed[8] = { 0 }, fn_max[8] = { 0 };
    fixed[st.def_weight_level] += cs.bytes;
    eo_status s = place_globals(&st, module, fixed);
    if (opts && opts->code_bytes) {
        int cl = code_level(d);
        fixed[cl] += (double)opts->code_bytes;
        st.placed[cl] = true;
        out->code_bytes = opts->code_bytes;
    }
    bool any = false;
    for (eo_op *op = eo_block_first(mb); op && s == EO_OK;
         op = eo_op_next(op)) {
        if (!is_public_function(op))
            continue;
        any = true;
        uint64_t peak = 0;
        double use[8] = { 0 };
        s = cost_function(&st, op, &peak, use);
        if (peak > out->peak_memory_bytes)
            out->peak_memory_bytes = peak;
        for (int l = 0; l < 8; l++)
            fn_max[l] = use[l] > fn_max[l] ? use[l] : fn_max[l];
    }
    if (s == EO_OK && !any)
        s = eo_op_error(module, "cost model: no public function to "
                        "evaluate");
    for (size_t l = 0; l < out->num_levels; l++) {
        /* Placed globals are in both: fn_max has them per function. */
        double g = fn_max[l] > 0 ? fn_max[l] : st.glob[l];
        out->level_peak_bytes[l] = (uint64_t)(fixed[l] + g);
        if (s == EO_OK && st.placed[l] &&
            out->level_peak_bytes[l] > (uint64_t)d->memory[l].size_bytes)
            s = eo_op_error(st.placed_at[l] ? st.placed_at[l] : module,
                            "cost model: placement: memory level "
                            "'%s' needs %llu bytes, holds %lld",
                            d->memory[l].name,
                            (unsigned long long)out->level_peak_bytes[l],
                            (long long)d->memory[l].size_bytes);
    }
    double sum = 0;
    for (int c = 0; c < EO_COST_NUM_COMPONENTS; c++)
        sum += out->energy[c];
    out->energy_j = sum;
    free(st.acc);
    free(st.bufs);
    if (st.nomem && s == EO_OK)
        s = EO_NOMEM;
    return s;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                */
/* ------------------------------------------------------------------ */

static void
json_str(eo_strbuf *out, const char *s)
{
    eo_strbuf_puts(out, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            eo_strbuf_printf(out, "\\%c", *p);
        else if (*p < 0x20)
            eo_strbuf_printf(out, "\\u%04x", *p);
        else
            eo_strbuf_append(out, (const char *)p, 1);
    }
    eo_strbuf_puts(out, "\"");
}

static void
json_num(eo_strbuf *out, double v)
{
    if (!isfinite(v))
        v = 0;
    eo_strbuf_printf(out, "%.9g", v);
}

static void
json_bytes(const eo_target *t, const eo_cost_report *r, const double *b,
           eo_strbuf *out)
{
    const eo_target_desc *d = eo_target_desc_get(t);
    eo_strbuf_puts(out, "{");
    for (size_t i = 0; i < r->num_levels && i < d->num_memory; i++) {
        if (i)
            eo_strbuf_puts(out, ", ");
        json_str(out, d->memory[i].name);
        eo_strbuf_puts(out, ": ");
        json_num(out, b[i]);
    }
    eo_strbuf_puts(out, "}");
}

void
eo_cost_report_json(const eo_target *t, const eo_cost_report *r,
                    eo_strbuf *out)
{
    eo_strbuf_puts(out, "{\n  \"target\": ");
    json_str(out, eo_target_name(t));
    eo_strbuf_puts(out, ",\n  \"latency_s\": ");
    json_num(out, r->latency_s);
    eo_strbuf_puts(out, ",\n  \"energy_j\": ");
    json_num(out, r->energy_j);
    eo_strbuf_puts(out, ",\n  \"energy\": {");
    for (int c = 0; c < EO_COST_NUM_COMPONENTS; c++) {
        eo_strbuf_printf(out, "%s\"%s\": ", c ? ", " : "",
                         component_names[c]);
        json_num(out, r->energy[c]);
    }
    eo_strbuf_printf(out, "},\n  \"peak_memory_bytes\": %llu,\n"
                     "  \"weight_bytes\": %llu,\n  \"macs\": ",
                     (unsigned long long)r->peak_memory_bytes,
                     (unsigned long long)r->weight_bytes);
    json_num(out, r->macs);
    eo_strbuf_puts(out, ",\n  \"ops\": ");
    json_num(out, r->ops);
    eo_strbuf_puts(out, ",\n  \"bytes\": ");
    json_bytes(t, r, r->bytes, out);
    eo_strbuf_puts(out, ",\n  \"layers\": [");
    for (size_t i = 0; i < r->num_layers; i++) {
        const eo_cost_layer *l = &r->layers[i];
        eo_strbuf_puts(out, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
        json_str(out, l->name);
        eo_strbuf_puts(out, ", \"unit\": ");
        json_str(out, l->unit ? l->unit : "");
        eo_strbuf_puts(out, ", \"latency_s\": ");
        json_num(out, l->latency_s);
        eo_strbuf_puts(out, ", \"energy_j\": ");
        json_num(out, l->energy_j);
        eo_strbuf_puts(out, ", \"macs\": ");
        json_num(out, l->macs);
        eo_strbuf_puts(out, ", \"ops\": ");
        json_num(out, l->ops);
        eo_strbuf_puts(out, ", \"bytes\": ");
        json_bytes(t, r, l->bytes, out);
        if (l->gpu_limit) {
            eo_strbuf_printf(out, ", \"gpu\": {\"block\": %.0f, "
                             "\"registers\": %.0f, \"shared_bytes\": %.0f, "
                             "\"blocks_per_core\": %.0f, \"occupancy\": ",
                             l->gpu_block, l->gpu_regs, l->gpu_shared,
                             l->gpu_blocks);
            json_num(out, l->gpu_occupancy);
            eo_strbuf_puts(out, ", \"limit\": ");
            json_str(out, l->gpu_limit);
            eo_strbuf_puts(out, "}");
        }
        eo_strbuf_puts(out, "}");
    }
    eo_strbuf_puts(out, r->num_layers ? "\n  ],\n  \"peak_bytes\": "
                                      : "],\n  \"peak_bytes\": ");
    double pk[8];
    for (int i = 0; i < 8; i++)
        pk[i] = (double)r->level_peak_bytes[i];
    json_bytes(t, r, pk, out);
    eo_strbuf_printf(out, ",\n  \"code_bytes\": %llu\n}\n",
                     (unsigned long long)r->code_bytes);
}

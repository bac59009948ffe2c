/* rewrite/pass_plan_memory.c - the plan-memory pass: a static arena plan
 * (rewrite/memplan.h) for the tensor intermediates of each function, for
 * any dialect.
 *
 * Run on a module (an op with a symbol table) it plans each op of the
 * module's body that has a region with a body (each function; nested
 * modules likewise); run on any other op, that op. The function body
 * must be one block. Every ranked tensor result of static shape of an op
 * in it (nested ones included) is a buffer of num-elements x element
 * bytes (quant types: their storage type) aligned to 'alignment', except
 * the results of constant-like ops (counted as weights) and the values
 * the body's terminator uses (function results, counted with the tensor
 * arguments as I/O). A buffer is live from the step of the top-level op
 * that defines it to the last top-level op using it (uses inside a
 * region belong to the op holding it). Results of EO_ELEMENTWISE ops may
 * take over the buffer of a same-shaped, same-size operand that dies
 * there ('inplace').
 *
 * Options: order=keep|search (search: the planner may pick another
 * topological order - SSA uses, and the order of the ops that are not
 * EO_PURE, are kept - and the block is reordered to it), report (print
 * one line per function to stderr), annotate (set the discardable
 * attributes memplan.offset on each op defining arena buffers - an i64,
 * or an array of i64 with -1 for results not in the arena, when it has
 * several results - and memplan.peak on the function), alignment (bytes,
 * a power of two), inplace, brute-force (order=search tries every
 * topological order of functions of at most this many ops). Unsupported,
 * with an error: a body of several blocks, a graph region, a tensor
 * result of dynamic shape or of an element type without a byte size.
 */
#include "rewrite/internal.h"
#include "rewrite/memplan.h"

#include "dialects/quant/quant.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct plan_options {
    const char *order;
    bool report;
    bool annotate;
    bool inplace;
    int64_t alignment;
    int64_t brute_force;
} plan_options;

/* Per-function state. */
typedef struct planner {
    eo_ctx *ctx;
    const plan_options *o;
    eo_block *body;
    eo_op *term;
    eo_memplan *mp;
    eo_ptrmap steps;            /* top-level op -> step */
    eo_ptrmap bufs;             /* value -> buffer */
    eo_op **ops;                /* per step */
    size_t nops;
    eo_op *cur;                 /* top-level op being walked */
    size_t *scratch;            /* consumed buffers of 'cur' */
    size_t nscratch, capscratch;
    size_t *deps;               /* steps 'cur' depends on (non-buffer) */
    size_t ndeps, capdeps;
    uint64_t weights, io;
    eo_status st;
} planner;

static bool
push(size_t **v, size_t *n, size_t *cap, size_t x)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        size_t *nv = realloc(*v, nc * sizeof(size_t));
        if (!nv)
            return false;
        *v = nv;
        *cap = nc;
    }
    (*v)[(*n)++] = x;
    return true;
}

/* Bytes of tensor type 't': false if it has no static size. */
static bool
tensor_bytes(const eo_type *t, uint64_t *out)
{
    if (eo_type_get_kind(t) != EO_TYPE_TENSOR)
        return false;
    int64_t n = eo_type_num_elements(t);
    size_t eb = eo_dense_elem_bytes(eo_quant_storage_type(eo_type_elem(t)));
    if (n < 0 || eb == 0)
        return false;
    *out = (uint64_t)n * eb;
    return true;
}

static bool
is_tensor(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    return k == EO_TYPE_TENSOR || k == EO_TYPE_UNRANKED_TENSOR;
}

static bool
used_by(const eo_value *v, const eo_op *user)
{
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u))
        if (eo_use_owner(u) == user)
            return true;
    return false;
}

/* The op of pl->body that is or holds 'op'; NULL if none. */
static eo_op *
top_level(const planner *pl, eo_op *op)
{
    while (op && eo_op_block(op) != pl->body)
        op = eo_op_parent(op);
    return op;
}

/* Walk 1: the buffers of the results of 'op' (nested in pl->cur). */
static eo_walk_result
add_results(eo_op *op, void *ud)
{
    planner *pl = ud;
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        eo_value *v = eo_op_result(op, i);
        const eo_type *t = eo_value_type(v);
        if (!is_tensor(t))
            continue;
        uint64_t bytes;
        if (!tensor_bytes(t, &bytes)) {
            eo_strbuf s = { 0 };
            eo_type_print(t, &s);
            pl->st = eo_op_error(op, "plan-memory: unsupported result type "
                                 "'%s' (no static byte size)",
                                 s.data ? s.data : "?");
            eo_strbuf_free(&s);
            return EO_WALK_INTERRUPT;
        }
        if (eo_op_has_trait(op, EO_CONSTANT_LIKE)) {
            pl->weights += bytes;
            continue;
        }
        if (pl->term && used_by(v, pl->term)) {
            pl->io += bytes;
            continue;
        }
        size_t id;
        eo_status st = eo_memplan_add_buffer(pl->mp, bytes,
                                             (uint64_t)pl->o->alignment,
                                             &id);
        if (st == EO_OK)
            st = eo_ptrmap_put(&pl->bufs, v, id, NULL);
        if (st != EO_OK) {
            pl->st = EO_NOMEM;
            return EO_WALK_INTERRUPT;
        }
    }
    return EO_WALK_ADVANCE;
}

/* Walk 2: the buffers and steps 'op' (nested in pl->cur) reads. */
static eo_walk_result
add_uses(eo_op *op, void *ud)
{
    planner *pl = ud;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        eo_op *def = eo_value_def_op(v);
        eo_op *top = def ? top_level(pl, def) : NULL;
        if (!top || top == pl->cur)
            continue;
        size_t id, step;
        bool ok = true;
        if (eo_ptrmap_get(&pl->bufs, v, &id))
            ok = push(&pl->scratch, &pl->nscratch, &pl->capscratch, id);
        else if (eo_ptrmap_get(&pl->steps, top, &step))
            ok = push(&pl->deps, &pl->ndeps, &pl->capdeps, step);
        if (!ok) {
            pl->st = EO_NOMEM;
            return EO_WALK_INTERRUPT;
        }
    }
    return EO_WALK_ADVANCE;
}

/* In-place hints of elementwise op 'op'. */
static eo_status
add_inplace(planner *pl, eo_op *op)
{
    if (!eo_op_has_trait(op, EO_ELEMENTWISE))
        return EO_OK;
    for (size_t r = 0; r < eo_op_num_results(op); r++) {
        eo_value *res = eo_op_result(op, r);
        size_t rb;
        if (!eo_ptrmap_get(&pl->bufs, res, &rb))
            continue;
        const eo_type *rt = eo_value_type(res);
        for (size_t i = 0; i < eo_op_num_operands(op); i++) {
            eo_value *v = eo_op_operand(op, i);
            const eo_type *vt = eo_value_type(v);
            size_t vb;
            uint64_t rbytes, vbytes;
            if (!eo_ptrmap_get(&pl->bufs, v, &vb) ||
                !tensor_bytes(rt, &rbytes) || !tensor_bytes(vt, &vbytes) ||
                rbytes != vbytes || eo_type_rank(rt) != eo_type_rank(vt) ||
                memcmp(eo_type_shape(rt), eo_type_shape(vt),
                       eo_type_rank(rt) * sizeof(int64_t)) != 0)
                continue;
            if (eo_memplan_set_inplace(pl->mp, rb, vb) != EO_OK)
                return EO_ERROR;
            break;
        }
    }
    return EO_OK;
}

static eo_status
build(planner *pl)
{
    eo_ctx *ctx = pl->ctx;
    size_t n = 0;
    for (eo_op *op = eo_block_first(pl->body); op; op = eo_op_next(op))
        if (op != pl->term)
            n++;
    pl->ops = calloc(n ? n : 1, sizeof(eo_op *));
    if (!pl->ops)
        return EO_NOMEM;
    for (eo_op *op = eo_block_first(pl->body); op; op = eo_op_next(op)) {
        if (op == pl->term)
            continue;
        if (eo_ptrmap_put(&pl->steps, op, pl->nops, NULL) != EO_OK)
            return EO_NOMEM;
        pl->ops[pl->nops++] = op;
    }
    for (size_t i = 0; i < eo_block_num_args(pl->body); i++) {
        uint64_t bytes;
        if (tensor_bytes(eo_value_type(eo_block_arg(pl->body, i)), &bytes))
            pl->io += bytes;
    }
    /* buffers, numbered by step: those of step s are [first[s], first[s+1]) */
    size_t *first = calloc(n + 1, sizeof(size_t));
    if (!first)
        return EO_NOMEM;
    for (size_t s = 0; s < n && pl->st == EO_OK; s++) {
        first[s] = eo_memplan_num_buffers(pl->mp);
        pl->cur = pl->ops[s];
        (void)eo_op_walk(pl->ops[s], EO_WALK_PRE, add_results, pl);
    }
    first[n] = eo_memplan_num_buffers(pl->mp);
    size_t prev_impure = EO_MEMPLAN_NONE;
    for (size_t s = 0; s < n && pl->st == EO_OK; s++) {
        pl->cur = pl->ops[s];
        pl->nscratch = pl->ndeps = 0;
        (void)eo_op_walk(pl->ops[s], EO_WALK_PRE, add_uses, pl);
        if (pl->st != EO_OK)
            break;
        size_t nprod = first[s + 1] - first[s];
        size_t *prod = malloc((nprod ? nprod : 1) * sizeof(size_t));
        if (!prod) {
            pl->st = EO_NOMEM;
            break;
        }
        for (size_t k = 0; k < nprod; k++)
            prod[k] = first[s] + k;
        eo_status st = eo_memplan_add_op(pl->mp, pl->nscratch, pl->scratch,
                                         nprod, prod, NULL);
        free(prod);
        for (size_t k = 0; k < pl->ndeps && st == EO_OK; k++)
            if (pl->deps[k] != s)
                st = eo_memplan_add_dep(pl->mp, pl->deps[k], s);
        if (!eo_op_has_trait(pl->ops[s], EO_PURE)) {
            if (prev_impure != EO_MEMPLAN_NONE && st == EO_OK)
                st = eo_memplan_add_dep(pl->mp, prev_impure, s);
            prev_impure = s;
        }
        if (st == EO_OK && pl->o->inplace)
            st = add_inplace(pl, pl->ops[s]);
        if (st != EO_OK)
            pl->st = st == EO_NOMEM ? EO_NOMEM
                                    : eo_op_error(pl->ops[s], "plan-memory: "
                                                  "inconsistent use-def "
                                                  "chains");
    }
    free(first);
    (void)ctx;
    return pl->st;
}

typedef struct annot_walk {
    planner *pl;
    const eo_type *i64;
    eo_status st;
} annot_walk;

static eo_walk_result
annotate_op(eo_op *op, void *ud)
{
    annot_walk *aw = ud;
    planner *pl = aw->pl;
    size_t nres = eo_op_num_results(op), narena = 0;
    const eo_attr *vals[64];
    if (nres == 0)
        return EO_WALK_ADVANCE;
    for (size_t i = 0; i < nres; i++) {
        size_t id;
        int64_t off = -1;
        if (eo_ptrmap_get(&pl->bufs, eo_op_result(op, i), &id)) {
            off = (int64_t)eo_memplan_offset(pl->mp, id);
            narena++;
        }
        if (i < 64)
            vals[i] = eo_attr_get_int(pl->ctx, aw->i64, off);
        if (i < 64 && !vals[i]) {
            aw->st = EO_NOMEM;
            return EO_WALK_INTERRUPT;
        }
    }
    if (narena == 0)
        return EO_WALK_ADVANCE;
    if (nres > 64) {
        aw->st = eo_op_error(op, "plan-memory: cannot annotate an op with "
                             "more than 64 results");
        return EO_WALK_INTERRUPT;
    }
    const eo_attr *a = nres == 1 ? vals[0]
                                 : eo_attr_get_array(pl->ctx, nres, vals);
    if (!a || eo_op_set_attr(op, "memplan.offset", a) != EO_OK) {
        aw->st = EO_NOMEM;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

static void
planner_fini(planner *pl)
{
    eo_ptrmap_fini(&pl->steps);
    eo_ptrmap_fini(&pl->bufs);
    eo_memplan_destroy(pl->mp);
    free(pl->ops);
    free(pl->scratch);
    free(pl->deps);
}

/* Sets up 'pl' for function 'f' and builds its plan; EO_OK with
 * pl->body NULL for a function without a body. */
static eo_status
planner_init(planner *pl, eo_ctx *ctx, eo_op *f, const plan_options *o)
{
    memset(pl, 0, sizeof(*pl));
    eo_ptrmap_init(&pl->steps, ctx);
    eo_ptrmap_init(&pl->bufs, ctx);
    pl->ctx = ctx;
    pl->o = o;
    eo_region *r = eo_op_num_regions(f) ? eo_op_region(f, 0) : NULL;
    eo_block *body = r ? eo_region_first(r) : NULL;
    if (!body)
        return EO_OK;
    if (eo_block_next(body))
        return eo_op_error(f, "plan-memory: unsupported: a body of several "
                           "blocks");
    if (eo_op_has_trait(f, EO_GRAPH_REGION))
        return eo_op_error(f, "plan-memory: unsupported: a graph region "
                           "(no execution order)");
    pl->body = body;
    pl->term = eo_block_terminator(body);
    if (pl->term && eo_op_num_results(pl->term) > 0)
        pl->term = NULL;        /* an unregistered last op, not a return */
    pl->mp = eo_memplan_create();
    if (!pl->mp)
        return EO_NOMEM;
    return build(pl);
}

eo_status
eo_memplan_build_ir(eo_op *func, uint64_t alignment, bool inplace,
                    eo_memplan **out, uint64_t *weights, uint64_t *io)
{
    *out = NULL;
    if (alignment == 0 || (alignment & (alignment - 1)) != 0 ||
        alignment > INT64_MAX)
        return eo_op_error(func, "plan-memory: alignment must be a power "
                           "of two, not %" PRIu64, alignment);
    plan_options o = { .order = "keep", .inplace = inplace,
                       .alignment = (int64_t)alignment };
    planner pl;
    eo_status st = planner_init(&pl, eo_op_ctx(func), func, &o);
    if (st == EO_OK && !pl.mp) {
        pl.mp = eo_memplan_create();
        if (!pl.mp)
            st = EO_NOMEM;
    }
    if (st == EO_OK) {
        *out = pl.mp;
        pl.mp = NULL;
        if (weights)
            *weights = pl.weights;
        if (io)
            *io = pl.io;
    }
    planner_fini(&pl);
    return st;
}

static eo_status
plan_function(eo_ctx *ctx, eo_op *f, const plan_options *o, bool *changed)
{
    planner pl;
    eo_status st = planner_init(&pl, ctx, f, o);
    if (st != EO_OK || !pl.body) {
        planner_fini(&pl);
        return st;
    }
    eo_block *body = pl.body;
    bool search = strcmp(o->order, "search") == 0;
    if (st == EO_OK) {
        eo_memplan_options mo;
        eo_memplan_options_init(&mo);
        mo.search_order = search;
        mo.brute_force_limit = (size_t)o->brute_force;
        st = eo_memplan_solve(pl.mp, &mo);
        if (st == EO_ERROR)
            st = eo_op_error(f, "plan-memory: an op uses a value defined "
                             "after it");
    }
    if (st == EO_OK && search) {
        bool moved = false;
        for (size_t s = 0; s < pl.nops; s++)
            moved |= eo_memplan_order(pl.mp, s) != s;
        for (size_t s = 0; s < pl.nops && moved; s++) {
            eo_op *op = pl.ops[eo_memplan_order(pl.mp, s)];
            if (pl.term) {
                eo_op_move_before(op, pl.term);
            } else {
                eo_op_detach(op);
                eo_block_append(body, op);
            }
        }
        *changed |= moved;
    }
    if (st == EO_OK && o->annotate) {
        annot_walk aw = { &pl, eo_type_get_int(ctx, 64), EO_OK };
        if (!aw.i64)
            st = EO_NOMEM;
        for (size_t s = 0; s < pl.nops && st == EO_OK; s++) {
            (void)eo_op_walk(pl.ops[s], EO_WALK_PRE, annotate_op, &aw);
            st = aw.st;
        }
        const eo_attr *peak =
            aw.i64 ? eo_attr_get_int(ctx, aw.i64,
                                     (int64_t)eo_memplan_peak(pl.mp))
                   : NULL;
        if (st == EO_OK &&
            (!peak || eo_op_set_attr(f, "memplan.peak", peak) != EO_OK))
            st = EO_NOMEM;
        *changed = true;
    }
    if (st == EO_OK && o->report) {
        const eo_ident *sym = eo_symbol_name(ctx, f);
        fprintf(stderr, "plan-memory @%s: peak=%" PRIu64 " buffers=%zu "
                "naive=%" PRIu64 " lower-bound=%" PRIu64 " weights=%" PRIu64
                " io=%" PRIu64 " order=%s\n",
                sym ? eo_ident_str(sym) : eo_op_name_str(f),
                eo_memplan_peak(pl.mp), eo_memplan_num_buffers(pl.mp),
                eo_memplan_naive(pl.mp), eo_memplan_lower_bound(pl.mp),
                pl.weights, pl.io, o->order);
        fflush(stderr);
    }
    planner_fini(&pl);
    return st;
}

/* Plans 'op': each function of a module (nested modules too), or 'op'
 * itself. */
static eo_status
plan_op(eo_ctx *ctx, eo_op *op, const plan_options *o, bool *changed)
{
    if (!eo_op_has_trait(op, EO_SYMBOL_TABLE) || eo_op_num_regions(op) != 1)
        return eo_op_num_regions(op) > 0 ? plan_function(ctx, op, o, changed)
                                         : EO_OK;
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    eo_status st = EO_OK;
    for (eo_op *f = body ? eo_block_first(body) : NULL; f && st == EO_OK;
         f = eo_op_next(f))
        if (eo_op_num_regions(f) > 0)
            st = plan_op(ctx, f, o, changed);
    return st;
}

static eo_status
run_plan(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const plan_options *o = options;
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    if (strcmp(o->order, "keep") != 0 && strcmp(o->order, "search") != 0)
        return eo_op_error(op, "plan-memory: order must be 'keep' or "
                           "'search', not '%s'", o->order);
    if (o->alignment < 1 || (o->alignment & (o->alignment - 1)) != 0)
        return eo_op_error(op, "plan-memory: alignment must be a power of "
                           "two, not %" PRId64, o->alignment);
    if (o->brute_force < 0 || o->brute_force > 12)
        return eo_op_error(op, "plan-memory: brute-force must be in "
                           "[0, 12], not %" PRId64, o->brute_force);
    bool changed = false;
    eo_status st = plan_op(ctx, op, o, &changed);
    if (!changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_option plan_option_rows[] = {
    { .name = "order",
      .description = "Execution order: keep, or search for a topological "
                     "order with a lower peak (and reorder the ops)",
      .kind = EO_OPT_STRING, .offset = offsetof(plan_options, order),
      .default_value = "keep" },
    { .name = "report",
      .description = "Print the plan of each function to stderr",
      .kind = EO_OPT_BOOL, .offset = offsetof(plan_options, report),
      .default_value = "false" },
    { .name = "annotate",
      .description = "Set memplan.offset on ops and memplan.peak on "
                     "functions",
      .kind = EO_OPT_BOOL, .offset = offsetof(plan_options, annotate),
      .default_value = "false" },
    { .name = "alignment",
      .description = "Alignment of each buffer in bytes",
      .kind = EO_OPT_INT, .offset = offsetof(plan_options, alignment),
      .default_value = "16" },
    { .name = "inplace",
      .description = "Let elementwise results reuse a dying operand's "
                     "buffer",
      .kind = EO_OPT_BOOL, .offset = offsetof(plan_options, inplace),
      .default_value = "true" },
    { .name = "brute-force",
      .description = "With order=search: try every topological order of "
                     "functions of at most this many ops",
      .kind = EO_OPT_INT, .offset = offsetof(plan_options, brute_force),
      .default_value = "8" },
};

const eo_pass_def eo_pass_plan_memory = {
    .name = "plan-memory",
    .description = "Plan one static arena for the tensor intermediates of "
                   "each function (offsets reused by liveness)",
    .anchor = NULL,
    .options = plan_option_rows,
    .num_options = sizeof plan_option_rows / sizeof *plan_option_rows,
    .options_size = sizeof(plan_options),
    .run = run_plan,
};

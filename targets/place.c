/* targets/place.c - the place-buffers pass (targets/place.h; design and
 * limits: docs/targets.md, "Placement").
 *
 * Buffers are visited in a fixed order (module globals, then the
 * allocations of each function in walk order). A buffer is offered the
 * levels that are not caches (and not flash unless it is a constant
 * global) where it fits together with the buffers already placed there
 * by this pass (sizes summed: a conservative, liveness-free bound), so
 * every explicit assignment the knobs can make is legal on its own; the
 * joint check with what the cost model homes by default (the activation
 * arena, the weights left in place) is the cost model's.
 */
#include "targets/place.h"

#include "rewrite/rewrite.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PL_MAX_LEVELS 8

typedef struct place_opts {
    const char *target;
} place_opts;

typedef struct placer {
    eo_ctx *ctx;
    const eo_target *t;
    const eo_target_desc *d;
    const eo_knob_provider *kp;
    eo_op *module;
    double used[PL_MAX_LEVELS];
    char **keys;            /* site keys asked so far (for duplicates) */
    size_t nkeys;
    bool nomem;
} placer;

static bool
named(const eo_op *op, const char *name)
{
    return strcmp(eo_op_name_str(op), name) == 0;
}

static bool
is_view(const eo_op *op)
{
    return named(op, "memref.subview") || named(op, "memref.collapse_shape")
        || named(op, "memref.expand_shape") || named(op, "memref.cast")
        || named(op, "memref.reinterpret_cast");
}

static bool
is_memref(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    return k == EO_TYPE_MEMREF || k == EO_TYPE_UNRANKED_MEMREF;
}

int
eo_place_level_of(const eo_target *t, const eo_type *memref)
{
    if (!t || !memref || !is_memref(memref))
        return -1;
    const eo_attr *ms = eo_type_memspace(memref);
    if (!ms)
        return -1;
    if (eo_attr_get_kind(ms) != EO_ATTR_INTEGER)
        return -2;
    int64_t k = eo_attr_int_value(ms);
    const eo_target_desc *d = eo_target_desc_get(t);
    size_t n = d->num_memory < PL_MAX_LEVELS ? d->num_memory
                                             : PL_MAX_LEVELS;
    if (k < 1 || (uint64_t)k > n)
        return -2;
    return (int)(k - 1);
}

/* Whether every use of memref 'v' keeps its type local: loads, stores,
 * copies, deallocs and views of it (recursively). A buffer that reaches
 * a terminator, a call or an op making another memref cannot be retyped
 * without changing a signature. */
static bool
uses_local(const eo_value *v, int depth)
{
    if (depth > 32)
        return false;
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *o = eo_use_owner(u);
        if (is_view(o)) {
            if (eo_op_num_results(o) != 1 ||
                !uses_local(eo_op_result(o, 0), depth + 1))
                return false;
            continue;
        }
        if (eo_op_is_terminator(o) || named(o, "func.call") ||
            named(o, "func.call_indirect") || eo_op_num_regions(o) > 0)
            return false;
        for (size_t i = 0; i < eo_op_num_results(o); i++)
            if (is_memref(eo_value_type(eo_op_result(o, i))))
                return false;
    }
    return true;
}

/* 't' with memory space 'ms' (NULL: none). */
static const eo_type *
with_memspace(eo_ctx *ctx, const eo_type *t, const eo_attr *ms)
{
    if (eo_type_get_kind(t) == EO_TYPE_UNRANKED_MEMREF)
        return eo_type_get_unranked_memref(ctx, eo_type_elem(t), ms);
    return eo_type_get_memref(ctx, eo_type_rank(t), eo_type_shape(t),
                              eo_type_elem(t), eo_type_layout(t), ms);
}

/* Retypes 'v' and the views of it to memory space 'ms'. */
static bool
retype(eo_ctx *ctx, eo_value *v, const eo_attr *ms, int depth)
{
    const eo_type *nt = with_memspace(ctx, eo_value_type(v), ms);
    if (!nt || depth > 32)
        return false;
    eo_value_set_type(v, nt);
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *o = eo_use_owner(u);
        if (is_view(o) && !retype(ctx, eo_op_result(o, 0), ms, depth + 1))
            return false;
    }
    return true;
}

typedef struct getters {
    const eo_ident *sym;
    eo_op **ops;
    size_t n;
    bool nomem;
} getters;

static eo_walk_result
find_getters(eo_op *op, void *ud)
{
    getters *g = ud;
    if (!named(op, "memref.get_global"))
        return EO_WALK_ADVANCE;
    const eo_attr *ref = eo_op_attr(op, "name");
    if (!ref || eo_attr_get_kind(ref) != EO_ATTR_SYMBOL_REF ||
        eo_attr_symbol_root(ref) != g->sym)
        return EO_WALK_ADVANCE;
    eo_op **no = realloc(g->ops, (g->n + 1) * sizeof *no);
    if (!no) {
        g->nomem = true;
        return EO_WALK_INTERRUPT;
    }
    g->ops = no;
    g->ops[g->n++] = op;
    return EO_WALK_ADVANCE;
}

/* The knob parameter making 'key' unique among the buffers asked so far
 * (NULL the first time, then "2", "3", ...) into buf. */
static const char *
dup_param(placer *pl, const char *key, char *buf, size_t size)
{
    size_t seen = 0;
    for (size_t i = 0; i < pl->nkeys; i++)
        seen += strcmp(pl->keys[i], key) == 0;
    char *k = strdup(key);
    char **nk = k ? realloc(pl->keys, (pl->nkeys + 1) * sizeof *nk) : NULL;
    if (!nk) {
        free(k);
        pl->nomem = true;
        return NULL;
    }
    pl->keys = nk;
    pl->keys[pl->nkeys++] = k;
    if (!seen)
        return NULL;
    snprintf(buf, size, "%zu", seen + 1);
    return buf;
}

/* Asks place.<site> for the buffer made by 'op' of type 'type' and, for
 * a level other than the default, retypes 'vals' (its values). */
static eo_status
place_one(placer *pl, eo_op *op, const char *sym, const eo_type *type,
          bool constant, eo_value *const *vals, size_t nvals)
{
    if (!is_memref(type) || eo_type_memspace(type) ||
        !eo_type_has_rank(type))
        return EO_OK;
    int64_t n = eo_type_num_elements(type);
    const eo_type *et = eo_type_elem(type);
    if (n < 0)
        return EO_OK;
    double eb = 1;
    if (eo_type_is_int(et))
        eb = eo_type_int_width(et) <= 8 ? 1 : eo_type_int_width(et) / 8.0;
    else if (eo_type_is_float(et))
        eb = eo_type_float_width(et) / 8.0;
    else if (eo_type_is_index(et))
        eb = 8;
    double bytes = (double)n * eb;
    for (size_t i = 0; i < nvals; i++)
        if (!uses_local(vals[i], 0))
            return EO_OK;
    const char *names[PL_MAX_LEVELS + 1];
    int levels[PL_MAX_LEVELS];
    size_t nc = 0;
    names[nc] = "default";
    size_t nl = pl->d->num_memory < PL_MAX_LEVELS ? pl->d->num_memory
                                                  : PL_MAX_LEVELS;
    for (size_t i = 0; i < nl; i++) {
        const eo_memory_desc *m = &pl->d->memory[i];
        if (m->kind == EO_MEMORY_CACHE ||
            (m->kind == EO_MEMORY_FLASH && !constant) ||
            pl->used[i] + bytes > (double)m->size_bytes)
            continue;
        levels[nc] = (int)i;
        names[++nc] = m->name;
    }
    eo_knob_domain dom = { .kind = EO_KNOB_ENUM, .names = names,
                           .count = nc + 1 };
    eo_strbuf key = { 0 };
    if (sym)
        eo_strbuf_puts(&key, sym);
    else
        eo_op_site_key(op, &key);
    if (key.oom || !key.data) {
        eo_strbuf_free(&key);
        return EO_NOMEM;
    }
    char buf[24];
    const char *param = dup_param(pl, key.data, buf, sizeof buf);
    eo_strbuf_free(&key);
    if (pl->nomem)
        return EO_NOMEM;
    /* A global's site is its symbol (stable across edits); an
     * allocation's its site key. */
    int64_t v = sym ? eo_knob_ask(pl->kp, "place", NULL, sym, &dom, 0,
                                  "place-buffers")
                    : eo_knob_ask(pl->kp, "place", op, param, &dom, 0,
                                  "place-buffers");
    if (v <= 0 || (size_t)v > nc)
        return EO_OK;
    int lvl = levels[v - 1];
    const eo_attr *ms = eo_attr_get_int(pl->ctx, eo_type_get_int(pl->ctx, 64),
                                        lvl + 1);
    if (!ms)
        return EO_NOMEM;
    for (size_t i = 0; i < nvals; i++)
        if (!retype(pl->ctx, vals[i], ms, 0))
            return EO_NOMEM;
    pl->used[lvl] += bytes;
    return EO_OK;
}

static eo_status
place_global(placer *pl, eo_op *g)
{
    const eo_attr *ta = eo_op_attr(g, "type");
    const eo_attr *na = eo_op_attr(g, "sym_name");
    if (!ta || eo_attr_get_kind(ta) != EO_ATTR_TYPE || !na ||
        eo_attr_get_kind(na) != EO_ATTR_STRING)
        return EO_OK;
    const eo_type *type = eo_attr_type_value(ta);
    size_t len;
    const char *sym = eo_attr_string(na, &len);
    getters gs = { eo_ident_get(pl->ctx, sym, len), NULL, 0, false };
    if (!gs.sym)
        return EO_NOMEM;
    eo_op_walk(pl->module, EO_WALK_PRE, find_getters, &gs);
    if (gs.nomem) {
        free(gs.ops);
        return EO_NOMEM;
    }
    eo_value **vals = malloc((gs.n ? gs.n : 1) * sizeof *vals);
    if (!vals) {
        free(gs.ops);
        return EO_NOMEM;
    }
    for (size_t i = 0; i < gs.n; i++)
        vals[i] = eo_op_result(gs.ops[i], 0);
    bool constant = eo_op_attr(g, "constant") != NULL;
    double before[PL_MAX_LEVELS];
    memcpy(before, pl->used, sizeof before);
    eo_status s = place_one(pl, g, eo_ident_str(gs.sym), type, constant,
                            vals, gs.n);
    /* Placed: the global's own type follows its users'. */
    for (int i = 0; s == EO_OK && i < PL_MAX_LEVELS; i++) {
        if (pl->used[i] == before[i])
            continue;
        const eo_attr *ms = eo_attr_get_int(
            pl->ctx, eo_type_get_int(pl->ctx, 64), i + 1);
        const eo_type *nt = ms ? with_memspace(pl->ctx, type, ms) : NULL;
        const eo_attr *nta = nt ? eo_attr_get_type(pl->ctx, nt) : NULL;
        s = nta ? eo_op_set_attr(g, "type", nta) : EO_NOMEM;
    }
    free(vals);
    free(gs.ops);
    return s;
}

typedef struct alloc_list {
    eo_op **ops;
    size_t n;
    bool nomem;
} alloc_list;

static eo_walk_result
find_allocs(eo_op *op, void *ud)
{
    alloc_list *al = ud;
    if (!named(op, "memref.alloc") && !named(op, "memref.alloca"))
        return EO_WALK_ADVANCE;
    eo_op **no = realloc(al->ops, (al->n + 1) * sizeof *no);
    if (!no) {
        al->nomem = true;
        return EO_WALK_INTERRUPT;
    }
    al->ops = no;
    al->ops[al->n++] = op;
    return EO_WALK_ADVANCE;
}

static eo_status
place_module(placer *pl)
{
    eo_block *body = eo_module_body(pl->module);
    eo_status s = EO_OK;
    for (eo_op *op = body ? eo_block_first(body) : NULL; op && s == EO_OK;
         op = eo_op_next(op))
        if (named(op, "memref.global"))
            s = place_global(pl, op);
    alloc_list al = { NULL, 0, false };
    for (eo_op *op = body ? eo_block_first(body) : NULL; op && s == EO_OK;
         op = eo_op_next(op))
        if (named(op, "func.func"))
            eo_op_walk(op, EO_WALK_PRE, find_allocs, &al);
    if (al.nomem)
        s = EO_NOMEM;
    for (size_t i = 0; i < al.n && s == EO_OK; i++) {
        eo_op *a = al.ops[i];
        if (eo_op_num_results(a) != 1)
            continue;
        eo_value *v = eo_op_result(a, 0);
        s = place_one(pl, a, NULL, eo_value_type(v), false, &v, 1);
    }
    free(al.ops);
    return s;
}

static eo_status
run_place(eo_op *module, eo_pass_ctx *pc, const void *options)
{
    const place_opts *o = options;
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    if (!o->target || !*o->target)
        return eo_op_error(module, "place-buffers: needs option "
                           "target=<name|file>");
    eo_target *t = eo_target_load_named(ctx, o->target);
    if (!t)
        return eo_op_error(module, "place-buffers: cannot load target "
                           "'%s'", o->target);
    placer pl;
    memset(&pl, 0, sizeof pl);
    pl.ctx = ctx;
    pl.t = t;
    pl.d = eo_target_desc_get(t);
    pl.kp = eo_pass_ctx_knobs(pc);
    pl.module = module;
    eo_status s = place_module(&pl);
    for (size_t i = 0; i < pl.nkeys; i++)
        free(pl.keys[i]);
    free(pl.keys);
    eo_target_destroy(t);
    if (s == EO_NOMEM)
        return eo_op_error(module, "place-buffers: out of memory");
    return s;
}

static const eo_pass_option place_options[] = {
    { "target", "The target: a shipped name or a description file",
      EO_OPT_STRING, offsetof(place_opts, target), "" },
};

static const eo_pass_def place_pass = {
    .name = "place-buffers",
    .description = "Choose the memory level of each buffer for a target "
                   "(knob place.<site>), recorded as its memory space",
    .anchor = "builtin.module",
    .options = place_options,
    .num_options = 1,
    .options_size = sizeof(place_opts),
    .run = run_place,
};

eo_status
eo_place_register_passes(eo_ctx *ctx)
{
    if (eo_pass_lookup(ctx, "place-buffers"))
        return EO_OK;
    return eo_pass_register(ctx, &place_pass);
}

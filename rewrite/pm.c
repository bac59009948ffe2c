/* rewrite/pm.c - the pass manager: runs a pipeline tree over the IR.
 *
 *   eo_pm_run(module)
 *     run_seq(root pipeline, module)
 *       pass      -> print-before, run, verify-each, print-after
 *       anchor(.) -> every op named 'anchor' directly inside op's regions
 *                    (MLIR's OpToOpPassAdaptor); isolated-from-above ops
 *                    run on a pool of threads, one op per work item, with
 *                    their diagnostics and IR dumps replayed in op order
 *       optional / any -> the branch a knob picks
 *
 * Timings accumulate per element for the --mlir-timing report.
 */
#define _POSIX_C_SOURCE 200809L       /* clock_gettime, sysconf */
#include "rewrite/pm_internal.h"
#include "rewrite/rewrite.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A driver phase shown in the timing report ("Parser", "Output"). */
typedef struct phase {
    char name[32];
    uint64_t ns;
    bool before;
} phase;

struct eo_pass_manager {
    eo_ctx *ctx;
    eo_pm_config cfg;
    char *print_before, *print_after;     /* copies of cfg's lists */
    eo_pm_elem *root;                     /* NESTED, anchored */
    unsigned next_knob;
    uint64_t t_create;
    phase phases[8];
    size_t num_phases;
    bool parallel_used;
};

struct eo_pass_ctx {
    eo_pass_manager *pm;
    const eo_knob_provider *knobs;
    bool unchanged;
};

static uint64_t
now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ------------------------------------------------------------------ */
/* Pass context                                                        */
/* ------------------------------------------------------------------ */

eo_ctx *
eo_pass_ctx_ctx(eo_pass_ctx *pc)
{
    return pc->pm->ctx;
}

const eo_knob_provider *
eo_pass_ctx_knobs(eo_pass_ctx *pc)
{
    return pc->knobs;
}

void
eo_pass_ctx_mark_unchanged(eo_pass_ctx *pc)
{
    pc->unchanged = true;
}

/* ------------------------------------------------------------------ */
/* Creation, building                                                  */
/* ------------------------------------------------------------------ */

void
eo_pm_config_init(eo_pm_config *cfg)
{
    memset(cfg, 0, sizeof(*cfg));
    cfg->threading = true;
    cfg->verify_each = true;
    cfg->dump = stderr;
}

static char *
dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

eo_pass_manager *
eo_pm_create(eo_ctx *ctx, const char *anchor, const eo_pm_config *cfg)
{
    if (!ctx || !anchor)
        return NULL;
    eo_pass_manager *pm = calloc(1, sizeof(*pm));
    if (!pm)
        return NULL;
    pm->ctx = ctx;
    if (cfg)
        pm->cfg = *cfg;
    else
        eo_pm_config_init(&pm->cfg);
    if (!pm->cfg.dump)
        pm->cfg.dump = stderr;
    pm->root = eo_pm_elem_new(EO_PM_NESTED);
    if (pm->root)
        pm->root->anchor = dup_str(anchor);
    pm->print_before = dup_str(pm->cfg.print_before);
    pm->print_after = dup_str(pm->cfg.print_after);
    if (!pm->root || !pm->root->anchor ||
        (pm->cfg.print_before && !pm->print_before) ||
        (pm->cfg.print_after && !pm->print_after)) {
        eo_pm_destroy(pm);
        return NULL;
    }
    pm->cfg.print_before = pm->print_before;
    pm->cfg.print_after = pm->print_after;
    pm->t_create = now_ns();
    return pm;
}

void
eo_pm_destroy(eo_pass_manager *pm)
{
    if (!pm)
        return;
    eo_pm_elem_free(pm->root);
    free(pm->print_before);
    free(pm->print_after);
    free(pm);
}

eo_status
eo_pm_add_pipeline(eo_pass_manager *pm, const char *text)
{
    if (!pm || !text)
        return EO_ERROR;
    return eo_pipeline_parse(pm->ctx, pm->root, text, &pm->next_knob);
}

eo_status
eo_pm_add_pass(eo_pass_manager *pm, const char *name, const char *options)
{
    if (!pm || !name)
        return EO_ERROR;
    const eo_pass_def *def = eo_pass_lookup(pm->ctx, name);
    if (!def)
        return eo_emit_error(pm->ctx, eo_loc_unknown(pm->ctx), "'%s' does "
                             "not refer to a registered pass", name);
    eo_pm_elem *e = eo_pm_elem_new(EO_PM_PASS);
    if (!e)
        return EO_NOMEM;
    e->def = def;
    const char *text = options ? options : "";
    eo_text_origin o = { .source = "<pass-options>", .full = text,
                         .full_len = strlen(text), .base = 1 };
    eo_status st = eo_pass_opts_parse(pm->ctx, def, text, strlen(text), &o,
                                      &e->opts);
    if (st != EO_OK) {
        eo_pm_elem_free(e);
        return st;
    }
    /* Implicit nesting, as mlir-opt's pass flags: a pass anchored on
     * another op goes into a nested pipeline for that op (the last one if
     * it is the same anchor). */
    eo_pm_elem *seq = pm->root;
    if (def->anchor && strcmp(def->anchor, pm->root->anchor) != 0) {
        eo_pm_elem *last = seq->num_kids ? seq->kids[seq->num_kids - 1]
                                         : NULL;
        if (last && last->kind == EO_PM_NESTED &&
            strcmp(last->anchor, def->anchor) == 0) {
            seq = last;
        } else {
            eo_pm_elem *n = eo_pm_elem_new(EO_PM_NESTED);
            if (!n || !(n->anchor = dup_str(def->anchor)) ||
                eo_pm_elem_push(seq, n) != EO_OK) {
                eo_pm_elem_free(n);
                eo_pm_elem_free(e);
                return EO_NOMEM;
            }
            seq = n;
        }
    }
    if (eo_pm_elem_push(seq, e) != EO_OK) {
        eo_pm_elem_free(e);
        return EO_NOMEM;
    }
    return EO_OK;
}

void
eo_pm_print_pipeline(const eo_pass_manager *pm, eo_strbuf *out)
{
    eo_pipeline_print_elem(pm->root, out);
}

size_t
eo_pm_size(const eo_pass_manager *pm)
{
    return pm ? pm->root->num_kids : 0;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */
/* ------------------------------------------------------------------ */

/* What one op processed on a worker produced, replayed in op order. */
typedef struct event {
    bool is_diag;
    char *text;                       /* dump text or message */
    eo_severity sev;
    const eo_loc *loc;
    eo_diag *notes;                   /* messages malloc'ed */
    size_t num_notes;
} event;

typedef struct item {
    eo_op *op;
    eo_status st;
    event *ev;
    size_t num_ev, cap_ev;
    bool oom;
} item;

/* The item the calling thread is working on (NULL on the main thread
 * outside parallel sections). */
static _Thread_local item *tl_item;

typedef struct run_state {
    eo_pass_manager *pm;
    const eo_knob_provider *knobs;
    eo_op *top;
} run_state;

static eo_status run_seq(run_state *rs, eo_pm_elem *seq, eo_op *op);

static void
add_time(_Atomic uint64_t *slot, uint64_t ns)
{
    atomic_fetch_add_explicit(slot, ns, memory_order_relaxed);
}

static bool
item_push(item *it, const event *e)
{
    if (it->num_ev == it->cap_ev) {
        size_t ncap = it->cap_ev ? it->cap_ev * 2 : 4;
        event *ne = realloc(it->ev, ncap * sizeof(*ne));
        if (!ne) {
            it->oom = true;
            return false;
        }
        it->ev = ne;
        it->cap_ev = ncap;
    }
    it->ev[it->num_ev++] = *e;
    return true;
}

static void
event_free(event *e)
{
    free(e->text);
    for (size_t i = 0; i < e->num_notes; i++)
        free((char *)e->notes[i].message);
    free(e->notes);
}

/* Writes a dump now, or keeps it for the replay when on a worker. */
static void
emit_dump(run_state *rs, eo_strbuf *text)
{
    if (!text->data)
        return;
    item *it = tl_item;
    if (it) {
        event e = { .is_diag = false, .text = text->data };
        if (item_push(it, &e)) {
            text->data = NULL;
            text->len = text->cap = 0;
        }
        return;
    }
    fwrite(text->data, 1, text->len, rs->pm->cfg.dump);
    fflush(rs->pm->cfg.dump);
}

/* Whether 'name' is in the comma-separated 'list'. */
static bool
in_list(const char *list, const char *name)
{
    if (!list)
        return false;
    size_t n = strlen(name);
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *s = p;
        while (*p && *p != ',')
            p++;
        const char *e = p;
        while (e > s && e[-1] == ' ')
            e--;
        if ((size_t)(e - s) == n && memcmp(s, name, n) == 0)
            return true;
    }
    return false;
}

/* "// -----// IR Dump After CSE (cse) //----- //" and the IR. */
static void
dump_ir(run_state *rs, const char *when, const eo_pass_def *def, eo_op *op)
{
    eo_pass_manager *pm = rs->pm;
    eo_strbuf b = { 0 };
    eo_strbuf_printf(&b, "// -----// IR Dump %s %s (%s)", when,
                     eo_pass_display_name(def), def->name);
    eo_op *shown = op;
    if (pm->cfg.print_module_scope) {
        eo_strbuf_printf(&b, " ('%s' operation", eo_op_name_str(op));
        const eo_ident *sym = eo_symbol_name(pm->ctx, op);
        if (sym)
            eo_strbuf_printf(&b, ": @%s", eo_ident_str(sym));
        eo_strbuf_puts(&b, ")");
        while (eo_op_parent(shown))
            shown = eo_op_parent(shown);
    }
    eo_strbuf_puts(&b, " //----- //\n");
    eo_print_flags fl = { 0 };
    if (pm->cfg.print_flags)
        fl = *pm->cfg.print_flags;
    eo_op_print_to(shown, &fl, &b);
    eo_strbuf_puts(&b, "\n\n");
    emit_dump(rs, &b);
    eo_strbuf_free(&b);
}

/* A fingerprint of 'op': a hash of its generic form with locations. */
static uint64_t
fingerprint(eo_op *op)
{
    eo_print_flags fl = { .generic = true, .debuginfo = true,
                          .local_scope = true };
    eo_strbuf b = { 0 };
    eo_op_print_to(op, &fl, &b);
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < b.len; i++)
        h = (h ^ (unsigned char)b.data[i]) * 1099511628211ull;
    h ^= b.oom;
    eo_strbuf_free(&b);
    return h;
}

static eo_status
run_pass(run_state *rs, eo_pm_elem *e, eo_op *op)
{
    eo_pass_manager *pm = rs->pm;
    const eo_pass_def *def = e->def;
    if (def->anchor && strcmp(def->anchor, eo_op_name_str(op)) != 0)
        return eo_op_error(op, "pass '%s' runs on '%s' operations, not on "
                           "'%s'", def->name, def->anchor,
                           eo_op_name_str(op));
    if (pm->cfg.print_before_all ||
        (pm->cfg.print_before && in_list(pm->cfg.print_before, def->name)))
        dump_ir(rs, "Before", def, op);
    bool print_after = pm->cfg.print_after_all ||
                       (pm->cfg.print_after &&
                        in_list(pm->cfg.print_after, def->name));
    uint64_t fp = 0;
    if (print_after && pm->cfg.print_after_change)
        fp = fingerprint(op);
    eo_pass_ctx pc = { .pm = pm, .knobs = rs->knobs, .unchanged = false };
    uint64_t t0 = now_ns();
    eo_status st = def->run(op, &pc, e->opts.data);
    uint64_t dt = now_ns() - t0;
    add_time(&e->wall_ns, dt);
    add_time(&e->user_ns, dt);
    atomic_store_explicit(&e->timed, true, memory_order_relaxed);
    if (st == EO_NOMEM)
        return eo_emit_error(pm->ctx, eo_op_loc(op), "out of memory while "
                             "running pass '%s'", def->name);
    if (st != EO_OK)
        return st;
    /* As MLIR, a pass that left the IR alone needs no verification. */
    if (pm->cfg.verify_each && !pc.unchanged && eo_op_verify(op) != EO_OK)
        return eo_emit_error(pm->ctx, eo_op_loc(op), "the IR is invalid "
                             "after pass '%s' (%s)", def->name,
                             eo_pass_display_name(def));
    if (print_after) {
        bool changed = !pc.unchanged;
        if (pm->cfg.print_after_change && changed)
            changed = fingerprint(op) != fp;
        if (!pm->cfg.print_after_change || changed)
            dump_ir(rs, "After", def, op);
    }
    return EO_OK;
}

/* Asks the knob of a choice element (once per run). */
static void
choose(run_state *rs, eo_pm_elem *e)
{
    if (e->chosen >= 0)
        return;
    char idx[16];
    snprintf(idx, sizeof(idx), "%u", e->knob);
    if (e->kind == EO_PM_OPTIONAL) {
        eo_knob_domain dom = { .kind = EO_KNOB_BOOL };
        e->chosen = eo_knob_ask(rs->knobs, "pipeline.optional", NULL, idx,
                                &dom, 1, "pipeline") != 0;
        return;
    }
    /* any(...): an enum over the alternatives' texts. */
    size_t n = e->num_kids;
    eo_strbuf *texts = calloc(n, sizeof(*texts));
    const char **names = calloc(n, sizeof(*names));
    int64_t v = 0;
    if (texts && names) {
        bool ok = true;
        for (size_t i = 0; i < n; i++) {
            eo_pipeline_print_elem_short(e->kids[i], &texts[i]);
            ok = ok && texts[i].data && !texts[i].oom;
            names[i] = texts[i].data;
        }
        if (ok) {
            eo_knob_domain dom = { .kind = EO_KNOB_ENUM, .names = names,
                                   .count = n };
            v = eo_knob_ask(rs->knobs, "pipeline.any", NULL, idx, &dom, 0,
                            "pipeline");
        }
    }
    if (texts)
        for (size_t i = 0; i < n; i++)
            eo_strbuf_free(&texts[i]);
    free(texts);
    free(names);
    e->chosen = v >= 0 && (size_t)v < n ? (int)v : 0;
}

/* Resolves every choice reachable in 'seq' (before a parallel section,
 * so workers never ask the pipeline's knobs). */
static void
resolve(run_state *rs, eo_pm_elem *seq)
{
    for (size_t i = 0; i < seq->num_kids; i++) {
        eo_pm_elem *e = seq->kids[i];
        switch (e->kind) {
        case EO_PM_PASS:
            break;
        case EO_PM_NESTED:
            resolve(rs, e);
            break;
        case EO_PM_OPTIONAL:
            choose(rs, e);
            if (e->chosen)
                resolve(rs, e);
            break;
        case EO_PM_ANY:
            choose(rs, e);
            if (e->kids[e->chosen]->kind != EO_PM_PASS) {
                eo_pm_elem one = { .kind = EO_PM_NESTED,
                                   .kids = &e->kids[e->chosen],
                                   .num_kids = 1 };
                resolve(rs, &one);
            }
            break;
        }
    }
}

/* Serializes knob questions from workers (the store is not shared
 * safely otherwise). */
typedef struct locked_knobs {
    eo_knob_provider prov;
    const eo_knob_provider *inner;
    pthread_mutex_t mu;
} locked_knobs;

static int64_t
locked_ask(void *ud, const char *name, const eo_knob_domain *dom,
           int64_t def, const eo_op *site, const char *asker)
{
    locked_knobs *lk = ud;
    pthread_mutex_lock(&lk->mu);
    int64_t v = lk->inner && lk->inner->ask
                    ? lk->inner->ask(lk->inner->ud, name, dom, def, site,
                                     asker)
                    : def;
    pthread_mutex_unlock(&lk->mu);
    return v;
}

/* Diagnostics emitted on a worker are kept with its item. */
typedef struct capture {
    eo_ctx *ctx;
    eo_diag_handler prev;
    void *prev_ud;
    bool had_prev;
    pthread_mutex_t mu;
} capture;

static void
forward_diag(capture *c, const eo_diag *d)
{
    if (c->had_prev) {
        c->prev(d, c->prev_ud);
        return;
    }
    eo_strbuf b = { 0 };
    eo_diag_format(c->ctx, d, &b);
    if (b.data)
        fputs(b.data, stderr);
    eo_strbuf_free(&b);
}

static void
capture_handler(const eo_diag *d, void *ud)
{
    capture *c = ud;
    item *it = tl_item;
    if (it) {
        event e = { .is_diag = true, .sev = d->severity, .loc = d->loc };
        size_t n = strlen(d->message);
        e.text = malloc(n + 1);
        if (e.text)
            memcpy(e.text, d->message, n + 1);
        if (d->num_notes && e.text) {
            e.notes = calloc(d->num_notes, sizeof(*e.notes));
            for (size_t i = 0; e.notes && i < d->num_notes; i++) {
                e.notes[i] = d->notes[i];
                size_t m = strlen(d->notes[i].message);
                char *msg = malloc(m + 1);
                if (msg)
                    memcpy(msg, d->notes[i].message, m + 1);
                e.notes[i].message = msg ? msg : NULL;
                e.notes[i].notes = NULL;
                e.notes[i].num_notes = 0;
                e.num_notes = i + 1;
                if (!msg)
                    break;
            }
        }
        if (!e.text || (d->num_notes && !e.notes) || !item_push(it, &e)) {
            it->oom = true;
            event_free(&e);
        }
        return;
    }
    pthread_mutex_lock(&c->mu);
    forward_diag(c, d);
    pthread_mutex_unlock(&c->mu);
}

typedef struct pool {
    run_state *rs;
    eo_pm_elem *seq;
    item *items;
    size_t n;
    atomic_size_t next;
    atomic_size_t first_fail;         /* lowest failed index, or n */
} pool;

static void
work(pool *pl)
{
    eo_ctx *ctx = pl->rs->pm->ctx;
    eo_symbol_cache_begin(ctx);
    for (;;) {
        size_t i = atomic_fetch_add(&pl->next, 1);
        if (i >= pl->n)
            break;
        item *it = &pl->items[i];
        /* Ops after a failed one are skipped, as a serial run stops at
         * the first failure. */
        if (i > atomic_load(&pl->first_fail)) {
            it->st = EO_OK;
            continue;
        }
        tl_item = it;
        it->st = run_seq(pl->rs, pl->seq, it->op);
        tl_item = NULL;
        if (it->st != EO_OK || it->oom) {
            size_t cur = atomic_load(&pl->first_fail);
            while (i < cur &&
                   !atomic_compare_exchange_weak(&pl->first_fail, &cur, i))
                ;
        }
    }
    eo_symbol_cache_end(ctx);
}

static void *
worker_main(void *arg)
{
    pool *pl = arg;
    work(pl);
    eo_ctx_thread_done(pl->rs->pm->ctx);
    return NULL;
}

/* The online CPU count, read once per process (sysconf reads sysfs, and
 * the explorer runs pass managers tens of thousands of times). */
static unsigned online_cpus;

static void
read_online_cpus(void)
{
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    online_cpus = c > 0 ? (unsigned)c : 1;
}

static unsigned
thread_count(const eo_pass_manager *pm)
{
    unsigned n = pm->cfg.num_threads;
    if (n == 0) {
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        n = pthread_once(&once, read_online_cpus) == 0 && online_cpus
                ? online_cpus : 1;
    }
    return n > 256 ? 256 : n;
}

/* Runs 'seq' over 'ops' on threads. */
static eo_status
run_parallel(run_state *rs, eo_pm_elem *seq, eo_op **ops, size_t n,
             unsigned nthreads)
{
    eo_pass_manager *pm = rs->pm;
    eo_ctx *ctx = pm->ctx;
    item *items = calloc(n, sizeof(*items));
    pthread_t *tids = calloc(nthreads, sizeof(*tids));
    if (!items || !tids) {
        free(items);
        free(tids);
        return EO_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        items[i].op = ops[i];
    if (eo_ctx_threads_begin(ctx) != EO_OK) {
        free(items);
        free(tids);
        return EO_NOMEM;
    }
    capture cap = { .ctx = ctx };
    pthread_mutex_init(&cap.mu, NULL);
    cap.had_prev = eo_ctx_get_diag_handler(ctx, &cap.prev, &cap.prev_ud);
    eo_ctx_set_diag_handler(ctx, capture_handler, &cap);
    locked_knobs lk = { .prov = { .ask = locked_ask, .ud = &lk },
                        .inner = rs->knobs };
    pthread_mutex_init(&lk.mu, NULL);
    run_state wrs = *rs;
    wrs.knobs = &lk.prov;
    pool pl = { .rs = &wrs, .seq = seq, .items = items, .n = n };
    atomic_init(&pl.next, 0);
    atomic_init(&pl.first_fail, n);
    unsigned started = 0;
    for (unsigned t = 1; t < nthreads; t++) {
        if (pthread_create(&tids[t], NULL, worker_main, &pl) != 0)
            break;
        started++;
    }
    work(&pl);
    for (unsigned t = 1; t <= started; t++)
        pthread_join(tids[t], NULL);
    eo_ctx_threads_end(ctx);
    if (cap.had_prev)
        eo_ctx_set_diag_handler(ctx, cap.prev, cap.prev_ud);
    else
        eo_ctx_set_diag_handler(ctx, NULL, NULL);
    pthread_mutex_destroy(&cap.mu);
    pthread_mutex_destroy(&lk.mu);
    pm->parallel_used = true;

    /* Replay in op order, up to the first failure. */
    eo_status st = EO_OK;
    for (size_t i = 0; i < n; i++) {
        item *it = &items[i];
        bool replay = st == EO_OK;
        for (size_t k = 0; k < it->num_ev; k++) {
            event *e = &it->ev[k];
            if (replay && e->is_diag) {
                eo_diag_builder *b = eo_diag_begin(ctx, e->sev, e->loc, "%s",
                                                   e->text);
                for (size_t j = 0; j < e->num_notes; j++)
                    eo_diag_note(b, e->notes[j].loc, "%s",
                                 e->notes[j].message ? e->notes[j].message
                                                     : "");
                (void)eo_diag_emit(b);
            } else if (replay) {
                fputs(e->text, pm->cfg.dump);
            }
            event_free(e);
        }
        free(it->ev);
        if (replay && it->oom)
            st = eo_emit_error(ctx, eo_op_loc(it->op), "out of memory while "
                               "recording diagnostics");
        if (replay && it->st != EO_OK)
            st = it->st;
    }
    fflush(pm->cfg.dump);
    free(items);
    free(tids);
    return st;
}

/* Runs nested pipeline 'e' on each op named e->anchor directly inside
 * op's regions. */
static eo_status
run_nested(run_state *rs, eo_pm_elem *e, eo_op *op)
{
    eo_pass_manager *pm = rs->pm;
    uint64_t t0 = now_ns();
    atomic_store_explicit(&e->timed, true, memory_order_relaxed);
    uint64_t inner0 = 0;
    for (size_t i = 0; i < e->num_kids; i++)
        inner0 += e->kids[i]->user_ns;
    size_t n = 0, cap = 0;
    eo_op **ops = NULL;
    eo_status st = EO_OK;
    for (size_t r = 0; r < eo_op_num_regions(op) && st == EO_OK; r++) {
        eo_region *reg = eo_op_region(op, r);
        for (eo_block *b = eo_region_first(reg); b && st == EO_OK;
             b = eo_block_next(b)) {
            for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
                if (strcmp(eo_op_name_str(o), e->anchor) != 0)
                    continue;
                if (n == cap) {
                    size_t ncap = cap ? cap * 2 : 16;
                    eo_op **no = realloc(ops, ncap * sizeof(*no));
                    if (!no) {
                        st = EO_NOMEM;
                        break;
                    }
                    ops = no;
                    cap = ncap;
                }
                ops[n++] = o;
            }
        }
    }
    unsigned nthreads = thread_count(pm);
    bool parallel = st == EO_OK && !tl_item && pm->cfg.threading &&
                    nthreads > 1 && n > 1 && !pm->cfg.print_module_scope &&
                    eo_op_has_trait(ops[0], EO_ISOLATED_FROM_ABOVE);
    /* Passes on isolated ops may not add or remove the symbols around
     * them, so the symbol tables that verify-each looks up stay valid
     * across the ops: build them once (per thread). */
    bool isolated = n && eo_op_has_trait(ops[0], EO_ISOLATED_FROM_ABOVE);
    if (st == EO_OK) {
        resolve(rs, e);
        if (parallel) {
            st = run_parallel(rs, e, ops, n,
                              nthreads < n ? nthreads : (unsigned)n);
        } else {
            if (isolated)
                eo_symbol_cache_begin(pm->ctx);
            for (size_t i = 0; i < n && st == EO_OK; i++)
                st = run_seq(rs, e, ops[i]);
            if (isolated)
                eo_symbol_cache_end(pm->ctx);
        }
    }
    free(ops);
    if (st == EO_NOMEM)
        st = eo_emit_error(pm->ctx, eo_op_loc(op), "out of memory while "
                           "running the '%s' pipeline", e->anchor);
    uint64_t dt = now_ns() - t0;
    if (!tl_item) {
        e->wall_ns += dt;
        /* User time of a parallel section: what its passes took. */
        uint64_t inner = 0;
        for (size_t i = 0; parallel && i < e->num_kids; i++)
            inner += e->kids[i]->user_ns;
        inner -= parallel ? inner0 : 0;
        e->user_ns += parallel && inner > dt ? inner : dt;
    } else {
        add_time(&e->wall_ns, dt);
        add_time(&e->user_ns, dt);
    }
    return st;
}

static eo_status
run_elem(run_state *rs, eo_pm_elem *e, eo_op *op)
{
    switch (e->kind) {
    case EO_PM_PASS:
        return run_pass(rs, e, op);
    case EO_PM_NESTED:
        return run_nested(rs, e, op);
    case EO_PM_OPTIONAL:
        choose(rs, e);
        return e->chosen ? run_seq(rs, e, op) : EO_OK;
    case EO_PM_ANY:
        choose(rs, e);
        return run_elem(rs, e->kids[e->chosen], op);
    }
    return EO_ERROR;
}

static eo_status
run_seq(run_state *rs, eo_pm_elem *seq, eo_op *op)
{
    for (size_t i = 0; i < seq->num_kids; i++) {
        eo_status st = run_elem(rs, seq->kids[i], op);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

static void
reset_run_state(eo_pm_elem *e)
{
    e->chosen = -1;
    for (size_t i = 0; i < e->num_kids; i++)
        reset_run_state(e->kids[i]);
}

eo_status
eo_pm_run(eo_pass_manager *pm, eo_op *op, const eo_knob_provider *knobs)
{
    if (!pm || !op)
        return EO_ERROR;
    if (strcmp(eo_op_name_str(op), pm->root->anchor) != 0)
        return eo_op_error(op, "can't run '%s' pass manager on '%s' op",
                           pm->root->anchor, eo_op_name_str(op));
    reset_run_state(pm->root);
    run_state rs = { .pm = pm, .knobs = knobs, .top = op };
    return run_seq(&rs, pm->root, op);
}

/* ------------------------------------------------------------------ */
/* Timing report                                                       */
/* ------------------------------------------------------------------ */

void
eo_pm_timing_phase(eo_pass_manager *pm, const char *name, double seconds,
                   bool before_passes)
{
    if (!pm || pm->num_phases == sizeof(pm->phases) / sizeof(pm->phases[0]))
        return;
    phase *ph = &pm->phases[pm->num_phases++];
    snprintf(ph->name, sizeof(ph->name), "%s", name);
    ph->ns = seconds > 0 ? (uint64_t)(seconds * 1e9) : 0;
    ph->before = before_passes;
}

typedef struct report {
    FILE *out;
    bool user;
    double total_wall, total_user;
} report;

static void
report_row(report *r, double user, double wall, unsigned indent,
           const char *name)
{
    if (r->user)
        fprintf(r->out, "  %8.4f (%5.1f%%)", user,
                r->total_user > 0 ? 100.0 * user / r->total_user : 0.0);
    fprintf(r->out, "  %8.4f (%5.1f%%)  %*s%s\n", wall,
            r->total_wall > 0 ? 100.0 * wall / r->total_wall : 0.0,
            (int)indent, "", name);
}

static void
report_seq(report *r, const eo_pm_elem *seq, unsigned indent)
{
    for (size_t i = 0; i < seq->num_kids; i++) {
        const eo_pm_elem *e = seq->kids[i];
        if (e->kind == EO_PM_OPTIONAL || e->kind == EO_PM_ANY) {
            report_seq(r, e, indent);
            continue;
        }
        if (!e->timed)
            continue;
        if (e->kind == EO_PM_PASS) {
            report_row(r, e->user_ns / 1e9, e->wall_ns / 1e9, indent,
                       eo_pass_display_name(e->def));
            continue;
        }
        char label[300];
        snprintf(label, sizeof(label), "'%s' Pipeline", e->anchor);
        report_row(r, e->user_ns / 1e9, e->wall_ns / 1e9, indent, label);
        report_seq(r, e, indent + 2);
    }
}

static void
top_sums(const eo_pm_elem *seq, uint64_t *wall, uint64_t *user)
{
    for (size_t i = 0; i < seq->num_kids; i++) {
        const eo_pm_elem *e = seq->kids[i];
        if (e->kind == EO_PM_OPTIONAL || e->kind == EO_PM_ANY) {
            top_sums(e, wall, user);
        } else if (e->timed) {
            *wall += e->wall_ns;
            *user += e->user_ns;
        }
    }
}

void
eo_pm_timing_report(eo_pass_manager *pm, FILE *out)
{
    if (!pm)
        return;
    uint64_t total = now_ns() - pm->t_create;
    uint64_t wall = 0, user = 0;
    top_sums(pm->root, &wall, &user);
    for (size_t i = 0; i < pm->num_phases; i++) {
        wall += pm->phases[i].ns;
        user += pm->phases[i].ns;
    }
    if (wall > total)
        total = wall;
    uint64_t rest = total - wall;
    report r = { .out = out, .user = pm->cfg.threading,
                 .total_wall = total / 1e9,
                 .total_user = (user + rest) / 1e9 };
    fputs("===------------------------------------------------------------"
          "-------------===\n"
          "                         ... Execution time report ...\n"
          "===------------------------------------------------------------"
          "-------------===\n", out);
    fprintf(out, "  Total Execution Time: %.4f seconds\n\n", r.total_wall);
    fputs(r.user ? "  ----User Time----  ----Wall Time----  ----Name----\n"
                 : "  ----Wall Time----  ----Name----\n", out);
    for (size_t i = 0; i < pm->num_phases; i++)
        if (pm->phases[i].before)
            report_row(&r, pm->phases[i].ns / 1e9, pm->phases[i].ns / 1e9, 0,
                       pm->phases[i].name);
    report_seq(&r, pm->root, 0);
    for (size_t i = 0; i < pm->num_phases; i++)
        if (!pm->phases[i].before)
            report_row(&r, pm->phases[i].ns / 1e9, pm->phases[i].ns / 1e9, 0,
                       pm->phases[i].name);
    report_row(&r, rest / 1e9, rest / 1e9, 0, "Rest");
    report_row(&r, r.total_user, r.total_wall, 0, "Total");
    fflush(out);
}

/* rewrite/memplan.c - the memory planner of rewrite/memplan.h.
 *
 * Solving runs in three layers. An order (op mode) gives every buffer its
 * live interval; buffers written in place over a dying buffer of the same
 * size join its group, and each group becomes one placement item. Items
 * are placed by several greedy strategies (or exactly, when few), keeping
 * the lowest peak. The order search evaluates the kept order, list
 * schedules (three priorities, then randomized ones), a hill climbing
 * from the best and, for small DAGs, every topological order, pruning
 * orders whose running live bytes already exceed the best peak. Orders
 * are compared with the deterministic placements (all of them in the
 * brute force); the chosen one gets the random and exact ones too.
 */
#include "rewrite/memplan.h"

#include <stdlib.h>
#include <string.h>

typedef struct mp_buf {
    uint64_t size, align;
    size_t first, last;         /* interval mode input */
    bool has_interval;
    size_t inplace;             /* hinted buffer or EO_MEMPLAN_NONE */
    size_t producer;            /* op or EO_MEMPLAN_NONE */
    /* results */
    uint64_t offset;
    size_t rfirst, rlast, group;
} mp_buf;

typedef struct mp_op {
    size_t *cons, ncons;
    size_t *prod, nprod;
} mp_op;

struct eo_memplan {
    mp_buf *bufs;
    size_t nbufs, capbufs;
    mp_op *ops;
    size_t nops, capops;
    size_t *deps;               /* pairs (before, after) */
    size_t ndeps, capdeps;
    uint64_t peak, lb;
    size_t *order;              /* nops */
    bool solved;
};

/* A placement item: one in-place group. */
typedef struct item {
    uint64_t size, align;
    size_t first, last;
} item;

/* Scratch of one solve. */
typedef struct work {
    eo_memplan *p;
    const eo_memplan_options *o;
    size_t nsteps;              /* steps of the intervals */
    size_t *first, *last;       /* per buffer */
    size_t *group;              /* per buffer: root buffer */
    size_t *item_of;            /* per root buffer: item number */
    item *items;
    size_t nitems;
    uint64_t *offs, *tmp_offs;  /* per item */
    size_t *ord, *pl;           /* per item: placement order, placed list */
    uint64_t *key;              /* per item: sort key */
    uint64_t *live;             /* per step */
    /* best plan so far */
    uint64_t best_peak, best_lb;
    size_t *best_order;         /* nops */
    uint64_t *best_buf_offs;    /* per buffer */
    size_t *best_first, *best_last, *best_group;
    bool have_best;
    /* exact placement */
    bool *placed;
    uint64_t ex_best;
    uint64_t ex_lb;
    uint64_t ex_nodes;          /* budget left (the search is exponential) */
    size_t *ex_stack;
    uint64_t *ex_offs;
    /* order search */
    size_t *preds_n;            /* per op: unscheduled predecessors */
    size_t **succ;              /* per op */
    size_t *nsucc;
    size_t *uses_left;          /* per buffer: unscheduled consumers */
    size_t *step_of;            /* per op */
    size_t *cur;                /* order being built */
    uint64_t bf_live;           /* brute force running live bytes */
    uint64_t bf_nodes;          /* brute force budget left */
    uint64_t seed;              /* randomized list schedules */
    uint64_t noise;             /* their bias: the mean buffer size */
    uint64_t live_sum;          /* of the last compute_live */
    uint64_t best_sum;          /* tie-break: total live bytes, lower */
    size_t *pos;                /* per op: step in the order tried */
    bool quick;                 /* no random or exact placements */
    bool nomem;
} work;

static void *
xcalloc(size_t n, size_t sz)
{
    return calloc(n ? n : 1, sz);
}

static bool
grow(void **v, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need)
        nc *= 2;
    void *nv = realloc(*v, nc * elem);
    if (!nv)
        return false;
    *v = nv;
    *cap = nc;
    return true;
}

static uint64_t
align_up(uint64_t x, uint64_t a)
{
    return (x + a - 1) & ~(a - 1);
}

void
eo_memplan_options_init(eo_memplan_options *o)
{
    memset(o, 0, sizeof(*o));
    o->brute_force_limit = 8;
    o->exact_limit = 10;
    o->heuristics = true;
}

eo_memplan *
eo_memplan_create(void)
{
    return calloc(1, sizeof(eo_memplan));
}

void
eo_memplan_destroy(eo_memplan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nops; i++) {
        free(p->ops[i].cons);
        free(p->ops[i].prod);
    }
    free(p->ops);
    free(p->bufs);
    free(p->deps);
    free(p->order);
    free(p);
}

eo_status
eo_memplan_add_buffer(eo_memplan *p, uint64_t size, uint64_t align,
                      size_t *id)
{
    if (align == 0)
        align = 1;
    if (align & (align - 1))
        return EO_ERROR;
    if (!grow((void **)&p->bufs, &p->capbufs, p->nbufs + 1, sizeof(mp_buf)))
        return EO_NOMEM;
    mp_buf *b = &p->bufs[p->nbufs];
    memset(b, 0, sizeof(*b));
    b->size = size;
    b->align = align;
    b->inplace = EO_MEMPLAN_NONE;
    b->producer = EO_MEMPLAN_NONE;
    b->group = p->nbufs;
    if (id)
        *id = p->nbufs;
    p->nbufs++;
    p->solved = false;
    return EO_OK;
}

eo_status
eo_memplan_set_interval(eo_memplan *p, size_t buf, size_t first,
                        size_t last)
{
    if (buf >= p->nbufs || first > last)
        return EO_ERROR;
    p->bufs[buf].first = first;
    p->bufs[buf].last = last;
    p->bufs[buf].has_interval = true;
    p->solved = false;
    return EO_OK;
}

eo_status
eo_memplan_set_inplace(eo_memplan *p, size_t buf, size_t of)
{
    if (buf >= p->nbufs || of >= p->nbufs || buf == of)
        return EO_ERROR;
    p->bufs[buf].inplace = of;
    p->solved = false;
    return EO_OK;
}

eo_status
eo_memplan_add_op(eo_memplan *p, size_t num_consumes, const size_t *consumes,
                  size_t num_produces, const size_t *produces, size_t *id)
{
    for (size_t i = 0; i < num_produces; i++) {
        if (produces[i] >= p->nbufs ||
            p->bufs[produces[i]].producer != EO_MEMPLAN_NONE)
            return EO_ERROR;
        for (size_t j = 0; j < i; j++)
            if (produces[j] == produces[i])
                return EO_ERROR;
    }
    for (size_t i = 0; i < num_consumes; i++) {
        if (consumes[i] >= p->nbufs)
            return EO_ERROR;
        for (size_t j = 0; j < num_produces; j++)
            if (produces[j] == consumes[i])
                return EO_ERROR;
    }
    if (!grow((void **)&p->ops, &p->capops, p->nops + 1, sizeof(mp_op)))
        return EO_NOMEM;
    mp_op *op = &p->ops[p->nops];
    memset(op, 0, sizeof(*op));
    op->cons = xcalloc(num_consumes, sizeof(size_t));
    op->prod = xcalloc(num_produces, sizeof(size_t));
    if (!op->cons || !op->prod) {
        free(op->cons);
        free(op->prod);
        return EO_NOMEM;
    }
    for (size_t i = 0; i < num_consumes; i++) {
        bool dup = false;
        for (size_t j = 0; j < op->ncons; j++)
            dup |= op->cons[j] == consumes[i];
        if (!dup)
            op->cons[op->ncons++] = consumes[i];
    }
    for (size_t i = 0; i < num_produces; i++) {
        op->prod[op->nprod++] = produces[i];
        p->bufs[produces[i]].producer = p->nops;
    }
    if (id)
        *id = p->nops;
    p->nops++;
    p->solved = false;
    return EO_OK;
}

eo_status
eo_memplan_add_dep(eo_memplan *p, size_t before, size_t after)
{
    if (before >= p->nops || after >= p->nops || before == after)
        return EO_ERROR;
    if (!grow((void **)&p->deps, &p->capdeps, p->ndeps * 2 + 2,
              sizeof(size_t)))
        return EO_NOMEM;
    p->deps[2 * p->ndeps] = before;
    p->deps[2 * p->ndeps + 1] = after;
    p->ndeps++;
    p->solved = false;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Placement                                                           */
/* ------------------------------------------------------------------ */

static bool
time_overlap(const item *a, const item *b)
{
    return a->first <= b->last && b->first <= a->last;
}

/* Greedy placement of the items in order 'ord' into offs; returns the
 * peak. Placed items are kept sorted by offset in w->pl. */
static uint64_t
place_greedy(work *w, const size_t *ord, bool best_fit, uint64_t *offs)
{
    size_t npl = 0;
    uint64_t peak = 0;
    for (size_t k = 0; k < w->nitems; k++) {
        size_t i = ord[k];
        const item *it = &w->items[i];
        if (it->size == 0) {
            offs[i] = 0;
            continue;
        }
        uint64_t cand = 0, best_off = 0, best_gap = UINT64_MAX;
        bool found = false;
        for (size_t j = 0; j < npl; j++) {
            const item *q = &w->items[w->pl[j]];
            if (!time_overlap(it, q))
                continue;
            uint64_t qo = offs[w->pl[j]];
            uint64_t a = align_up(cand, it->align);
            if (qo >= a && qo - a >= it->size) {
                uint64_t gap = qo - a - it->size;
                if (!best_fit) {
                    best_off = a;
                    found = true;
                    break;
                }
                if (gap < best_gap) {
                    best_gap = gap;
                    best_off = a;
                }
            }
            if (qo + q->size > cand)
                cand = qo + q->size;
        }
        uint64_t off;
        if (found || (best_fit && best_gap != UINT64_MAX))
            off = best_off;
        else
            off = align_up(cand, it->align);
        offs[i] = off;
        if (off + it->size > peak)
            peak = off + it->size;
        /* insert into pl sorted by offset */
        size_t pos = npl;
        while (pos > 0 && offs[w->pl[pos - 1]] > off) {
            w->pl[pos] = w->pl[pos - 1];
            pos--;
        }
        w->pl[pos] = i;
        npl++;
    }
    return peak;
}

/* Sorts w->ord by w->key descending, ties by index (insertion sort:
 * stable and reentrant; n is small). */
static void
sort_items(work *w)
{
    for (size_t i = 0; i < w->nitems; i++)
        w->ord[i] = i;
    for (size_t i = 1; i < w->nitems; i++) {
        size_t v = w->ord[i];
        size_t j = i;
        while (j > 0) {
            size_t u = w->ord[j - 1];
            bool before = w->key[v] > w->key[u] ||
                          (w->key[v] == w->key[u] && v < u);
            if (!before)
                break;
            w->ord[j] = u;
            j--;
        }
        w->ord[j] = v;
    }
}

enum { KEY_SIZE, KEY_SIZE_LIFE, KEY_LIFE, KEY_AREA, KEY_BREADTH,
       KEY_FIRST, NUM_KEYS };

static void
make_keys(work *w, int kind)
{
    for (size_t i = 0; i < w->nitems; i++) {
        const item *it = &w->items[i];
        uint64_t life = (uint64_t)(it->last - it->first + 1);
        uint64_t k = 0;
        switch (kind) {
        case KEY_SIZE:
            k = it->size;
            break;
        case KEY_SIZE_LIFE:
            /* size, ties broken by longer life (scaled to stay exact
             * for sizes below 2^40 and lives below 2^24) */
            k = (it->size << 24 >> 24) == it->size
                    ? (it->size << 24) | (life & 0xffffff)
                    : it->size;
            break;
        case KEY_LIFE:
            k = life;
            break;
        case KEY_AREA:
            k = it->size * life;
            break;
        case KEY_BREADTH: {
            uint64_t m = 0;
            for (size_t s = it->first; s <= it->last && s < w->nsteps; s++)
                if (w->live[s] > m)
                    m = w->live[s];
            k = m;
            break;
        }
        case KEY_FIRST:
            k = UINT64_MAX - it->first;
            break;
        }
        w->key[i] = k;
    }
    sort_items(w);
}

/* Live bytes per step of the current items; returns the maximum. */
static uint64_t
compute_live(work *w)
{
    memset(w->live, 0, (w->nsteps ? w->nsteps : 1) * sizeof(uint64_t));
    for (size_t i = 0; i < w->nitems; i++)
        for (size_t s = w->items[i].first; s <= w->items[i].last; s++)
            w->live[s] += w->items[i].size;
    uint64_t m = 0;
    w->live_sum = 0;
    for (size_t s = 0; s < w->nsteps; s++) {
        w->live_sum += w->live[s];
        if (w->live[s] > m)
            m = w->live[s];
    }
    return m;
}

/* Exact placement: items in nondecreasing offset order (ties by index),
 * each at 0 or the aligned end of a placed time-overlapping item (every
 * plan compacts downwards to one of these). Stops, keeping the best plan
 * found, after a million nodes: exact only within that budget. */
static void
exact_rec(work *w, size_t depth, uint64_t minoff, size_t minidx,
          uint64_t curpeak)
{
    if (w->ex_best <= w->ex_lb || w->ex_nodes == 0)
        return;
    w->ex_nodes--;
    if (depth == w->nitems) {
        w->ex_best = curpeak;
        memcpy(w->offs, w->ex_offs, w->nitems * sizeof(uint64_t));
        return;
    }
    for (size_t i = 0; i < w->nitems; i++) {
        if (w->placed[i])
            continue;
        const item *it = &w->items[i];
        /* candidate 0, then aligned ends of placed overlapping items */
        for (size_t c = 0; c <= depth; c++) {
            uint64_t off;
            if (c == 0) {
                off = 0;
            } else {
                size_t j = w->ex_stack[c - 1];
                if (!time_overlap(it, &w->items[j]))
                    continue;
                off = align_up(w->ex_offs[j] + w->items[j].size, it->align);
            }
            if (off < minoff || (off == minoff && depth > 0 && i < minidx))
                continue;
            uint64_t np = off + it->size > curpeak ? off + it->size
                                                   : curpeak;
            if (np >= w->ex_best)
                continue;
            bool ok = true;
            for (size_t d = 0; d < depth && ok; d++) {
                size_t j = w->ex_stack[d];
                if (!time_overlap(it, &w->items[j]) || it->size == 0 ||
                    w->items[j].size == 0)
                    continue;
                uint64_t jo = w->ex_offs[j];
                ok = off + it->size <= jo || jo + w->items[j].size <= off;
            }
            if (!ok)
                continue;
            w->placed[i] = true;
            w->ex_offs[i] = off;
            w->ex_stack[depth] = i;
            exact_rec(w, depth + 1, off, i, np);
            w->placed[i] = false;
            if (w->ex_best <= w->ex_lb || w->ex_nodes == 0)
                return;
        }
    }
}

/* Places the current items; returns the peak (offsets in w->offs). */
static uint64_t
place_items(work *w, uint64_t lb)
{
    uint64_t best = UINT64_MAX;
    int nkeys = w->o->heuristics ? NUM_KEYS : 1;
    for (int k = 0; k < nkeys && best > lb; k++) {
        make_keys(w, k);
        for (int bf = 0; bf < (w->o->heuristics ? 2 : 1); bf++) {
            uint64_t pk = place_greedy(w, w->ord, bf == 1, w->tmp_offs);
            if (pk < best) {
                best = pk;
                memcpy(w->offs, w->tmp_offs,
                       (w->nitems ? w->nitems : 1) * sizeof(uint64_t));
            }
        }
    }
    if (w->nitems == 0)
        return 0;
    /* random perturbations of the size order, first-fit and best-fit */
    uint64_t nn = (uint64_t)w->nitems * w->nitems + 1;
    uint64_t rounds = w->o->heuristics && !w->quick ? 2000000 / nn : 0;
    if (rounds > 32)
        rounds = 32;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    for (uint64_t r = 0; r < rounds && best > lb; r++) {
        make_keys(w, KEY_SIZE);
        for (size_t i = 1; i < w->nitems; i++) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            if (seed % 3 == 0) {
                size_t j = (size_t)(seed >> 8) % (i + 1);
                size_t t = w->ord[i];
                w->ord[i] = w->ord[j];
                w->ord[j] = t;
            }
        }
        uint64_t pk = place_greedy(w, w->ord, r & 1, w->tmp_offs);
        if (pk < best) {
            best = pk;
            memcpy(w->offs, w->tmp_offs, w->nitems * sizeof(uint64_t));
        }
    }
    if (w->o->exact_limit && w->nitems <= w->o->exact_limit && best > lb &&
        !w->quick) {
        memset(w->placed, 0, w->nitems * sizeof(bool));
        w->ex_best = best;
        w->ex_lb = lb;
        w->ex_nodes = 1000000;
        exact_rec(w, 0, 0, 0, 0);
        best = w->ex_best;
    }
    return best;
}

/* ------------------------------------------------------------------ */
/* Intervals of an order, groups, evaluation                           */
/* ------------------------------------------------------------------ */

/* Intervals (w->first/last) of the buffers in the order w->cur. */
static void
intervals_of_order(work *w)
{
    eo_memplan *p = w->p;
    for (size_t s = 0; s < p->nops; s++)
        w->step_of[w->cur[s]] = s;
    for (size_t b = 0; b < p->nbufs; b++) {
        size_t pr = p->bufs[b].producer;
        w->first[b] = pr == EO_MEMPLAN_NONE ? 0 : w->step_of[pr];
        w->last[b] = w->first[b];
    }
    for (size_t i = 0; i < p->nops; i++) {
        const mp_op *op = &p->ops[i];
        for (size_t k = 0; k < op->ncons; k++) {
            size_t b = op->cons[k];
            if (w->step_of[i] > w->last[b])
                w->last[b] = w->step_of[i];
        }
    }
    w->nsteps = p->nops ? p->nops : 1;
}

static size_t
find_root(const size_t *group, size_t b)
{
    while (group[b] != b)
        b = group[b];
    return b;
}

/* Groups and items from w->first/last. */
static void
build_items(work *w)
{
    eo_memplan *p = w->p;
    for (size_t b = 0; b < p->nbufs; b++)
        w->group[b] = b;
    for (size_t b = 0; b < p->nbufs; b++) {
        size_t x = p->bufs[b].inplace;
        if (x == EO_MEMPLAN_NONE || p->bufs[x].size != p->bufs[b].size ||
            w->last[x] != w->first[b] || w->first[x] == w->first[b])
            continue;
        size_t rx = find_root(w->group, x), rb = find_root(w->group, b);
        if (rx == rb)
            continue;
        /* only one buffer may take over a dying one at a step: the
         * group's current end must be x itself */
        bool clash = false;
        for (size_t c = 0; c < p->nbufs && !clash; c++)
            if (c != x && find_root(w->group, c) == rx &&
                w->last[c] >= w->first[b])
                clash = true;
        for (size_t c = 0; c < p->nbufs && !clash; c++)
            if (c != b && find_root(w->group, c) == rb &&
                w->first[c] <= w->last[x])
                clash = true;
        if (!clash)
            w->group[rb] = rx;
    }
    w->nitems = 0;
    for (size_t b = 0; b < p->nbufs; b++) {
        size_t r = find_root(w->group, b);
        w->group[b] = r;
        if (r == b) {
            w->item_of[b] = w->nitems;
            item *it = &w->items[w->nitems++];
            it->size = p->bufs[b].size;
            it->align = p->bufs[b].align;
            it->first = w->first[b];
            it->last = w->last[b];
        }
    }
    for (size_t b = 0; b < p->nbufs; b++) {
        size_t r = w->group[b];
        if (r == b)
            continue;
        item *it = &w->items[w->item_of[r]];
        if (p->bufs[b].align > it->align)
            it->align = p->bufs[b].align;
        if (w->first[b] < it->first)
            it->first = w->first[b];
        if (w->last[b] > it->last)
            it->last = w->last[b];
    }
}

/* Evaluates the intervals in w->first/last (and order w->cur); keeps the
 * plan if it beats the best (lower peak, then lower largest live bytes,
 * then lower total live bytes). Returns its peak. */
static uint64_t
evaluate(work *w, uint64_t prune_at)
{
    eo_memplan *p = w->p;
    build_items(w);
    uint64_t lb = compute_live(w);
    if (w->have_best && lb > prune_at)
        return UINT64_MAX;
    uint64_t pk = place_items(w, lb);
    bool better = !w->have_best || pk < w->best_peak ||
                  (pk == w->best_peak &&
                   (lb < w->best_lb ||
                    (lb == w->best_lb && w->live_sum < w->best_sum)));
    if (better) {
        w->have_best = true;
        w->best_peak = pk;
        w->best_lb = lb;
        w->best_sum = w->live_sum;
        if (p->nops)
            memcpy(w->best_order, w->cur, p->nops * sizeof(size_t));
        for (size_t b = 0; b < p->nbufs; b++) {
            w->best_buf_offs[b] = w->offs[w->item_of[w->group[b]]];
            w->best_first[b] = w->first[b];
            w->best_last[b] = w->last[b];
            w->best_group[b] = w->group[b];
        }
    }
    return pk;
}

/* ------------------------------------------------------------------ */
/* Order search                                                        */
/* ------------------------------------------------------------------ */

static bool
build_dag(work *w)
{
    eo_memplan *p = w->p;
    size_t n = p->nops;
    /* count successors: buffer edges + explicit deps */
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < p->ops[i].ncons; k++) {
            size_t pr = p->bufs[p->ops[i].cons[k]].producer;
            if (pr != EO_MEMPLAN_NONE)
                w->nsucc[pr]++;
        }
    for (size_t d = 0; d < p->ndeps; d++)
        w->nsucc[p->deps[2 * d]]++;
    for (size_t i = 0; i < n; i++) {
        w->succ[i] = xcalloc(w->nsucc[i], sizeof(size_t));
        if (!w->succ[i])
            return false;
        w->nsucc[i] = 0;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < p->ops[i].ncons; k++) {
            size_t pr = p->bufs[p->ops[i].cons[k]].producer;
            if (pr != EO_MEMPLAN_NONE)
                w->succ[pr][w->nsucc[pr]++] = i;
        }
    for (size_t d = 0; d < p->ndeps; d++) {
        size_t a = p->deps[2 * d];
        w->succ[a][w->nsucc[a]++] = p->deps[2 * d + 1];
    }
    return true;
}

static void
reset_sched(work *w)
{
    eo_memplan *p = w->p;
    memset(w->preds_n, 0, p->nops * sizeof(size_t));
    for (size_t i = 0; i < p->nops; i++)
        for (size_t k = 0; k < w->nsucc[i]; k++)
            w->preds_n[w->succ[i][k]]++;
    memset(w->uses_left, 0, p->nbufs * sizeof(size_t));
    w->bf_live = 0;
    for (size_t i = 0; i < p->nops; i++)
        for (size_t k = 0; k < p->ops[i].ncons; k++)
            w->uses_left[p->ops[i].cons[k]]++;
    for (size_t b = 0; b < p->nbufs; b++)
        if (p->bufs[b].producer == EO_MEMPLAN_NONE)
            w->bf_live += p->bufs[b].size;
}

static uint64_t
op_alloc(const work *w, size_t i)
{
    uint64_t a = 0;
    for (size_t k = 0; k < w->p->ops[i].nprod; k++)
        a += w->p->bufs[w->p->ops[i].prod[k]].size;
    return a;
}

/* Bytes freed by running op i next (buffers whose last consumer it is,
 * and its own unconsumed results, which die at once). */
static uint64_t
op_freed(const work *w, size_t i)
{
    uint64_t f = 0;
    const mp_op *op = &w->p->ops[i];
    for (size_t k = 0; k < op->ncons; k++)
        if (w->uses_left[op->cons[k]] == 1)
            f += w->p->bufs[op->cons[k]].size;
    for (size_t k = 0; k < op->nprod; k++)
        if (w->uses_left[op->prod[k]] == 0)
            f += w->p->bufs[op->prod[k]].size;
    return f;
}

static void
sched_do(work *w, size_t i, size_t step)
{
    const mp_op *op = &w->p->ops[i];
    w->cur[step] = i;
    w->step_of[i] = step;
    w->preds_n[i] = SIZE_MAX;
    for (size_t k = 0; k < w->nsucc[i]; k++)
        w->preds_n[w->succ[i][k]]--;
    w->bf_live += op_alloc(w, i);
    w->bf_live -= op_freed(w, i);
    for (size_t k = 0; k < op->ncons; k++)
        w->uses_left[op->cons[k]]--;
}

static void
sched_undo(work *w, size_t i)
{
    const mp_op *op = &w->p->ops[i];
    for (size_t k = 0; k < op->ncons; k++)
        w->uses_left[op->cons[k]]++;
    w->bf_live += op_freed(w, i);
    w->bf_live -= op_alloc(w, i);
    for (size_t k = 0; k < w->nsucc[i]; k++)
        w->preds_n[w->succ[i][k]]++;
    w->preds_n[i] = 0;
}

/* The latest step producing a buffer op i consumes (depth-first bias). */
static size_t
op_recency(const work *w, size_t i)
{
    size_t r = 0;
    const mp_op *op = &w->p->ops[i];
    for (size_t k = 0; k < op->ncons; k++) {
        size_t pr = w->p->bufs[op->cons[k]].producer;
        if (pr != EO_MEMPLAN_NONE && w->preds_n[pr] == SIZE_MAX &&
            w->step_of[pr] + 1 > r)
            r = w->step_of[pr] + 1;
    }
    return r;
}

/* One list schedule into w->cur; false if the DAG has a cycle. */
static bool
list_schedule(work *w, int variant)
{
    eo_memplan *p = w->p;
    reset_sched(w);
    for (size_t step = 0; step < p->nops; step++) {
        size_t pick = SIZE_MAX;
        int64_t pk1 = 0, pk2 = 0;
        for (size_t i = 0; i < p->nops; i++) {
            if (w->preds_n[i] != 0)
                continue;
            int64_t net = (int64_t)op_alloc(w, i) - (int64_t)op_freed(w, i);
            int64_t k1, k2;
            if (variant == 0) {
                k1 = net;
                k2 = 0;
            } else if (variant == 1) {
                k1 = (int64_t)(w->bf_live + op_alloc(w, i));
                k2 = net;
            } else {
                k1 = -(int64_t)op_recency(w, i);
                k2 = net;
            }
            if (variant >= 3) {
                /* randomized: a random bias on the net bytes */
                w->seed ^= w->seed << 13;
                w->seed ^= w->seed >> 7;
                w->seed ^= w->seed << 17;
                int64_t span = (int64_t)w->noise + 1;
                k1 = net + (int64_t)(w->seed % (uint64_t)(2 * span)) - span;
                if (w->seed % 8 == 0)
                    k1 = INT64_MIN + (int64_t)(w->seed >> 40);
            }
            if (pick == SIZE_MAX || k1 < pk1 || (k1 == pk1 && k2 < pk2)) {
                pick = i;
                pk1 = k1;
                pk2 = k2;
            }
        }
        if (pick == SIZE_MAX)
            return false;
        sched_do(w, pick, step);
    }
    return true;
}

static bool
depends(const work *w, size_t a, size_t b)
{
    for (size_t k = 0; k < w->nsucc[a]; k++)
        if (w->succ[a][k] == b)
            return true;
    return false;
}

/* Tries w->cur (evaluation budget permitting); true if it became the
 * best. */
static bool
try_order(work *w, size_t *budget)
{
    if (*budget == 0)
        return false;
    (*budget)--;
    uint64_t pk = w->best_peak, lb = w->best_lb, sum = w->best_sum;
    intervals_of_order(w);
    (void)evaluate(w, w->best_peak);
    return w->best_peak != pk || w->best_lb != lb || w->best_sum != sum;
}

/* Hill climbing from the best order: swaps of adjacent independent ops,
 * and moves of an op as early or as late as its dependences allow, while
 * they improve the plan. */
static void
local_search(work *w, size_t budget)
{
    eo_memplan *p = w->p;
    size_t n = p->nops;
    bool improved = true;
    while (improved && budget) {
        improved = false;
        for (size_t s = 0; s + 1 < n && budget; s++) {
            memcpy(w->cur, w->best_order, n * sizeof(size_t));
            size_t a = w->cur[s], b = w->cur[s + 1];
            if (depends(w, a, b))
                continue;
            w->cur[s] = b;
            w->cur[s + 1] = a;
            improved |= try_order(w, &budget);
        }
        for (size_t s = 0; s < n && budget; s++) {
            for (int dir = 0; dir < 2 && budget; dir++) {
                memcpy(w->cur, w->best_order, n * sizeof(size_t));
                for (size_t t = 0; t < n; t++)
                    w->pos[w->cur[t]] = t;
                size_t op = w->cur[s], t = s;
                if (dir == 0) {
                    /* hoist: just after the latest predecessor */
                    t = 0;
                    for (size_t q = 0; q < s; q++)
                        if (depends(w, w->cur[q], op))
                            t = q + 1;
                    if (t == s)
                        continue;
                    memmove(w->cur + t + 1, w->cur + t,
                            (s - t) * sizeof(size_t));
                } else {
                    /* sink: just before the earliest successor */
                    t = n - 1;
                    for (size_t k = 0; k < w->nsucc[op]; k++)
                        if (w->pos[w->succ[op][k]] - 1 < t)
                            t = w->pos[w->succ[op][k]] - 1;
                    if (t <= s)
                        continue;
                    memmove(w->cur + s, w->cur + s + 1,
                            (t - s) * sizeof(size_t));
                }
                w->cur[t] = op;
                improved |= try_order(w, &budget);
            }
        }
    }
}

/* Every topological order, pruned by running live bytes >= best, within
 * a budget of two million search nodes. */
static void
brute_rec(work *w, size_t step, uint64_t runmax)
{
    eo_memplan *p = w->p;
    if (w->nomem || w->bf_nodes == 0)
        return;
    w->bf_nodes--;
    if (step == p->nops) {
        intervals_of_order(w);
        (void)evaluate(w, w->best_peak);
        return;
    }
    for (size_t i = 0; i < p->nops; i++) {
        if (w->preds_n[i] != 0)
            continue;
        uint64_t during = w->bf_live + op_alloc(w, i);
        uint64_t m = during > runmax ? during : runmax;
        if (w->have_best && m >= w->best_peak)
            continue;
        sched_do(w, i, step);
        brute_rec(w, step + 1, m);
        sched_undo(w, i);
    }
}

/* ------------------------------------------------------------------ */
/* Solve                                                               */
/* ------------------------------------------------------------------ */

static void
work_free(work *w)
{
    if (w->succ)
        for (size_t i = 0; i < w->p->nops; i++)
            free(w->succ[i]);
    free(w->succ);
    free(w->nsucc);
    free(w->preds_n);
    free(w->uses_left);
    free(w->step_of);
    free(w->cur);
    free(w->pos);
    free(w->first);
    free(w->last);
    free(w->group);
    free(w->item_of);
    free(w->items);
    free(w->offs);
    free(w->tmp_offs);
    free(w->ord);
    free(w->pl);
    free(w->key);
    free(w->live);
    free(w->best_order);
    free(w->best_buf_offs);
    free(w->best_first);
    free(w->best_last);
    free(w->best_group);
    free(w->placed);
    free(w->ex_stack);
    free(w->ex_offs);
}

static bool
work_alloc(work *w)
{
    size_t nb = w->p->nbufs, no = w->p->nops;
    size_t ns = no > 0 ? no : 1;
    for (size_t b = 0; b < nb; b++)
        if (!w->p->nops && w->p->bufs[b].last + 1 > ns)
            ns = w->p->bufs[b].last + 1;
    w->first = xcalloc(nb, sizeof(size_t));
    w->last = xcalloc(nb, sizeof(size_t));
    w->group = xcalloc(nb, sizeof(size_t));
    w->item_of = xcalloc(nb, sizeof(size_t));
    w->items = xcalloc(nb, sizeof(item));
    w->offs = xcalloc(nb, sizeof(uint64_t));
    w->tmp_offs = xcalloc(nb, sizeof(uint64_t));
    w->ord = xcalloc(nb, sizeof(size_t));
    w->pl = xcalloc(nb, sizeof(size_t));
    w->key = xcalloc(nb, sizeof(uint64_t));
    w->live = xcalloc(ns, sizeof(uint64_t));
    w->best_order = xcalloc(no, sizeof(size_t));
    w->best_buf_offs = xcalloc(nb, sizeof(uint64_t));
    w->best_first = xcalloc(nb, sizeof(size_t));
    w->best_last = xcalloc(nb, sizeof(size_t));
    w->best_group = xcalloc(nb, sizeof(size_t));
    w->placed = xcalloc(nb, sizeof(bool));
    w->ex_stack = xcalloc(nb, sizeof(size_t));
    w->ex_offs = xcalloc(nb, sizeof(uint64_t));
    w->succ = xcalloc(no, sizeof(size_t *));
    w->nsucc = xcalloc(no, sizeof(size_t));
    w->preds_n = xcalloc(no, sizeof(size_t));
    w->uses_left = xcalloc(nb, sizeof(size_t));
    w->step_of = xcalloc(no, sizeof(size_t));
    w->cur = xcalloc(no, sizeof(size_t));
    w->pos = xcalloc(no, sizeof(size_t));
    return w->first && w->last && w->group && w->item_of && w->items &&
           w->offs && w->tmp_offs && w->ord && w->pl && w->key && w->live &&
           w->best_order && w->best_buf_offs && w->best_first &&
           w->best_last && w->best_group && w->placed && w->ex_stack &&
           w->ex_offs && w->succ && w->nsucc && w->preds_n &&
           w->uses_left && w->step_of && w->cur && w->pos;
}

/* Whether w->cur (the kept order 0..n-1) respects the DAG. */
static bool
kept_order_ok(work *w)
{
    eo_memplan *p = w->p;
    for (size_t i = 0; i < p->nops; i++)
        for (size_t k = 0; k < w->nsucc[i]; k++)
            if (w->succ[i][k] <= i)
                return false;
    return true;
}

eo_status
eo_memplan_solve(eo_memplan *p, const eo_memplan_options *o)
{
    eo_memplan_options defaults;
    if (!o) {
        eo_memplan_options_init(&defaults);
        o = &defaults;
    }
    p->solved = false;
    if (!p->nops)
        for (size_t b = 0; b < p->nbufs; b++)
            if (!p->bufs[b].has_interval)
                return EO_ERROR;
    size_t *order = xcalloc(p->nops, sizeof(size_t));
    if (!order)
        return EO_NOMEM;
    work w;
    memset(&w, 0, sizeof(w));
    w.p = p;
    w.o = o;
    eo_status st = EO_OK;
    if (!work_alloc(&w) || !build_dag(&w)) {
        st = EO_NOMEM;
        goto out;
    }
    if (!p->nops) {
        size_t ns = 1;
        for (size_t b = 0; b < p->nbufs; b++) {
            w.first[b] = p->bufs[b].first;
            w.last[b] = p->bufs[b].last;
            if (w.last[b] + 1 > ns)
                ns = w.last[b] + 1;
        }
        w.nsteps = ns;
        (void)evaluate(&w, UINT64_MAX);
    } else {
        /* the kept order first, so ties keep it; orders are compared with
         * the deterministic placements only, the best one then gets the
         * random ones too */
        w.quick = o->search_order;
        if (!kept_order_ok(&w)) {
            st = EO_ERROR;
            goto out;
        }
        for (size_t i = 0; i < p->nops; i++)
            w.cur[i] = i;
        intervals_of_order(&w);
        (void)evaluate(&w, UINT64_MAX);
        if (o->search_order) {
            w.seed = 0x2545f4914f6cdd1dull;
            w.noise = p->nbufs ? eo_memplan_naive(p) / p->nbufs : 0;
            /* randomized schedules: about 1e6 op picks */
            uint64_t nr = 1000000 / ((uint64_t)p->nops * p->nops + 1);
            nr = nr < 8 ? 8 : nr > 64 ? 64 : nr;
            for (uint64_t v = 0; v < 3 + nr; v++) {
                if (!list_schedule(&w, (int)v)) {
                    st = EO_ERROR;
                    goto out;
                }
                intervals_of_order(&w);
                (void)evaluate(&w, w.best_peak);
            }
            /* about 2e7 placement steps in all */
            uint64_t cost = 6 * (uint64_t)p->nbufs * p->nbufs + 1;
            uint64_t budget = 20000000 / cost;
            local_search(&w, budget < 20 ? 20 : budget > 1000 ? 1000
                                                              : budget);
            if (p->nops <= o->brute_force_limit) {
                reset_sched(&w);
                w.quick = false;    /* small: every placement counts */
                w.bf_nodes = 2000000;
                brute_rec(&w, 0, w.bf_live);
            }
            w.quick = false;
            memcpy(w.cur, w.best_order, p->nops * sizeof(size_t));
            intervals_of_order(&w);
            w.have_best = false;
            (void)evaluate(&w, UINT64_MAX);
        }
    }
    if (w.nomem) {
        st = EO_NOMEM;
        goto out;
    }
    free(p->order);
    p->order = order;
    order = NULL;
    if (p->nops)
        memcpy(p->order, w.best_order, p->nops * sizeof(size_t));
    p->peak = w.best_peak;
    p->lb = w.best_lb;
    for (size_t b = 0; b < p->nbufs; b++) {
        p->bufs[b].offset = w.best_buf_offs[b];
        p->bufs[b].rfirst = w.best_first[b];
        p->bufs[b].rlast = w.best_last[b];
        p->bufs[b].group = w.best_group[b];
    }
    p->solved = true;
out:
    free(order);
    work_free(&w);
    return st;
}

uint64_t
eo_memplan_peak(const eo_memplan *p)
{
    return p->solved ? p->peak : 0;
}

uint64_t
eo_memplan_lower_bound(const eo_memplan *p)
{
    return p->solved ? p->lb : 0;
}

uint64_t
eo_memplan_naive(const eo_memplan *p)
{
    uint64_t s = 0;
    for (size_t b = 0; b < p->nbufs; b++)
        s += p->bufs[b].size;
    return s;
}

size_t
eo_memplan_num_buffers(const eo_memplan *p)
{
    return p->nbufs;
}

size_t
eo_memplan_num_ops(const eo_memplan *p)
{
    return p->nops;
}

uint64_t
eo_memplan_buffer_size(const eo_memplan *p, size_t buf)
{
    return buf < p->nbufs ? p->bufs[buf].size : 0;
}

uint64_t
eo_memplan_offset(const eo_memplan *p, size_t buf)
{
    return p->solved && buf < p->nbufs ? p->bufs[buf].offset : 0;
}

void
eo_memplan_interval(const eo_memplan *p, size_t buf, size_t *first,
                    size_t *last)
{
    bool ok = p->solved && buf < p->nbufs;
    if (first)
        *first = ok ? p->bufs[buf].rfirst : 0;
    if (last)
        *last = ok ? p->bufs[buf].rlast : 0;
}

size_t
eo_memplan_order(const eo_memplan *p, size_t step)
{
    return p->solved && step < p->nops ? p->order[step] : EO_MEMPLAN_NONE;
}

bool
eo_memplan_check(const eo_memplan *p, const uint64_t *offsets, uint64_t peak,
                 size_t *bad_a, size_t *bad_b)
{
    if (!p->solved)
        return false;
    for (size_t a = 0; a < p->nbufs; a++) {
        const mp_buf *x = &p->bufs[a];
        if (offsets[a] % x->align != 0 || offsets[a] > peak ||
            peak - offsets[a] < x->size) {
            if (bad_a)
                *bad_a = a;
            if (bad_b)
                *bad_b = a;
            return false;
        }
        for (size_t b = a + 1; b < p->nbufs; b++) {
            const mp_buf *y = &p->bufs[b];
            if (x->size == 0 || y->size == 0 || x->rfirst > y->rlast ||
                y->rfirst > x->rlast)
                continue;
            if (offsets[a] + x->size <= offsets[b] ||
                offsets[b] + y->size <= offsets[a])
                continue;
            if (x->group == y->group && offsets[a] == offsets[b] &&
                (x->rlast == y->rfirst || y->rlast == x->rfirst))
                continue;
            if (bad_a)
                *bad_a = a;
            if (bad_b)
                *bad_b = b;
            return false;
        }
    }
    return true;
}

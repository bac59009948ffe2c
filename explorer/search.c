/* explorer/search.c - the search algorithms: exhaustive, random (without
 * replacement), NSGA-II, simulated annealing, layer-wise and
 * model-guided, all deterministic for a seed, under an evaluation budget,
 * reusing the results database.
 *
 * Algorithms propose candidates in requests (a generation, a slice of an
 * enumeration, one move) made before any of them is evaluated, and every
 * request goes through look_many(): a candidate seen before in this run
 * is free; one recorded in the database is reused (not evaluated again)
 * but counts towards the budget like a new one; the others are evaluated
 * in batches and recorded as each batch returns. So the candidates a run
 * looks at depend neither on the batch size nor on whether evaluation is
 * batched, and a resumed run takes exactly the path of an uninterrupted
 * one.
 */
#include "explorer/explorer.h"
#include "explorer/space_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* PRNG: xoshiro256** seeded with splitmix64                           */
/* ------------------------------------------------------------------ */

static uint64_t
splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

void
eo_rng_seed(eo_rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t
rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t
eo_rng_next(eo_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t
eo_rng_below(eo_rng *r, uint64_t n)
{
    if (n <= 1)
        return 0;
    uint64_t lim = UINT64_MAX - UINT64_MAX % n, x;
    do
        x = eo_rng_next(r);
    while (x >= lim);
    return x % n;
}

double
eo_rng_unit(eo_rng *r)
{
    return (double)(eo_rng_next(r) >> 11) * 0x1.0p-53;
}

/* ------------------------------------------------------------------ */
/* The archive: every candidate looked at, with a hash index by key    */
/* ------------------------------------------------------------------ */

/* A member of a population or beam: an archive entry with its front
 * number and crowding distance. */
typedef struct member {
    size_t idx;             /* archive index */
    size_t rank;
    double crowd;
} member;

/* Annealing's weighted sum: weights and the start's objectives. */
typedef struct scalarization {
    double w[EO_NUM_OBJECTIVES];
    double scale[EO_NUM_OBJECTIVES];    /* the start's |objective| */
} scalarization;

/* What an algorithm leaves when knobs its last request discovered end
 * its run, so that its next run, on the grown space, goes on from there
 * instead of starting over (archive indices stay valid when the space
 * grows; only the candidates get the new dimensions at their defaults). */
typedef struct warm_state {
    bool have;              /* a run left its state here */
    member *pop;            /* NSGA-II population, layer-wise beam */
    size_t npop;
    unsigned stall;         /* NSGA-II, model: rounds with nothing new */
    /* Annealing: current and best entries, the walk's progress. */
    size_t ci, best, since, steps, astall;
    unsigned idle;
    double T, T0;
    scalarization z, z0;
    /* Layer-wise: beam width, widened, the next layer (its sequence
     * key; 'swept' when the sweep was done) and the sweep's start. */
    size_t P, next_seq, before;
    bool wide, swept;
} warm_state;

typedef struct search {
    eo_ctx *ctx;
    const eo_space *space;
    const eo_search_opts *o;
    eo_search_result *res;
    size_t nd, k, cap;
    uint64_t budget;
    size_t batch;           /* largest slice handed to evaluate_batch */
    /* Hash table of the archive by value indices: archive index + 1, 0
     * for empty; an entry's candidate is res->cands + index * nd (fresh
     * candidates are copied there as soon as they get their index). The
     * canonical forms are long (tens of KB on a real model), so they are
     * made only for candidates that go to the database or an evaluator,
     * and not kept. */
    size_t *slots;
    size_t nslots;
    eo_strbuf buf;
    eo_rng rng;
    bool stop;              /* budget spent, interrupted or stopped */
    size_t dflt;            /* archive index of the default candidate,
                               SIZE_MAX when not looked at first */
    /* Knob-space JSON of the knobs archived outcomes discovered, in
     * archive order, not yet added to o->grow (malloc'd). */
    char **found;
    size_t nfound, capfound;
    warm_state warm;
} search;

static uint64_t
hash_cand(const uint32_t *c, size_t nd)
{
    uint64_t h = 0xcbf29ce484222325ull ^ nd;
    for (size_t d = 0; d < nd; d++) {
        h = (h ^ c[d]) * 0x9e3779b97f4a7c15ull;
        h ^= h >> 31;
    }
    return h;
}

/* The slot of candidate 'c' (empty if absent). */
static size_t
find_slot(const search *S, const uint32_t *c)
{
    size_t m = S->nslots - 1, i = (size_t)hash_cand(c, S->nd) & m;
    size_t w = S->nd * sizeof *c;
    while (S->slots[i] &&
           (w && memcmp(S->res->cands + (S->slots[i] - 1) * S->nd, c, w)))
        i = (i + 1) & m;
    return i;
}

/* Room for 'need' archive entries and their keys. */
static eo_status
grow(search *S, size_t need)
{
    eo_search_result *r = S->res;
    if (need > S->cap) {
        size_t cap = S->cap ? S->cap : 64;
        while (cap < need)
            cap *= 2;
        uint32_t *c = realloc(r->cands, cap * (S->nd ? S->nd : 1) *
                                            sizeof *c);
        if (c)
            r->cands = c;
        double *ob = realloc(r->obj, cap * S->k * sizeof *ob);
        if (ob)
            r->obj = ob;
        double *v = realloc(r->viol, cap * sizeof *v);
        if (v)
            r->viol = v;
        if (!c || !ob || !v)
            return EO_NOMEM;
        S->cap = cap;
    }
    if (2 * need > S->nslots) {
        size_t n = S->nslots ? S->nslots : 128;
        while (n < 2 * need)
            n *= 2;
        size_t *slots = calloc(n, sizeof *slots);
        if (!slots)
            return EO_NOMEM;
        size_t *old = S->slots, on = S->nslots;
        S->slots = slots;
        S->nslots = n;
        for (size_t i = 0; i < on; i++)
            if (old[i])
                slots[find_slot(S, r->cands + (old[i] - 1) * S->nd)] =
                    old[i];
        free(old);
    }
    return EO_OK;
}

/* Objectives and violation of an outcome, as the search sees them. */
static void
score(const search *S, const eo_eval_outcome *out, double *obj, double *viol)
{
    bool ok = out->status == EO_EVAL_OK;
    double v = 0;
    for (size_t i = 0; i < S->k && ok; i++) {
        eo_objective c = S->o->objectives[i];
        double x = out->obj[c], lim = S->o->limit[c];
        if (isnan(x)) {
            ok = false;
            break;
        }
        obj[i] = x;
        if (lim > 0 && isfinite(lim) && x > lim)
            v += (x - lim) / lim;
    }
    if (!ok) {
        for (size_t i = 0; i < S->k; i++)
            obj[i] = INFINITY;
        v = INFINITY;
    }
    *viol = v;
}

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The canonical form of 'cand' in S->buf. */
static eo_status
format_key(search *S, const uint32_t *cand)
{
    S->buf.len = 0;
    if (S->buf.data)
        S->buf.data[0] = '\0';
    return eo_space_format(S->space, cand, &S->buf);
}

/* Whether 'cand' is in the archive. */
static eo_status
is_known(search *S, const uint32_t *cand, bool *known)
{
    *known = S->nslots && S->slots[find_slot(S, cand)];
    return EO_OK;
}

static void
prefill(eo_eval_outcome *o)
{
    memset(o, 0, sizeof *o);
    o->status = EO_EVAL_OK;
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
        o->obj[i] = NAN;
}

/* The new candidates of one request: their position in the request,
 * their key (canonical form, malloc'd, freed with the request) and
 * outcome. */
typedef struct fresh {
    size_t pos;
    const char *key;
    bool have;              /* outcome known (database or evaluated) */
    eo_eval_outcome out;
} fresh;

/* Keeps the knobs f's outcome discovered for the end of the request
 * (taking them) when the space grows, else drops them. */
static void
take_found(search *S, fresh *f)
{
    char *js = f->out.discovered;
    f->out.discovered = NULL;
    if (!js)
        return;
    /* Knobs the space has or refuses (pinned) change nothing. */
    if (S->o->grow && !eo_space_would_grow(S->o->grow, js, strlen(js))) {
        free(js);
        return;
    }
    if (S->o->grow && S->nfound == S->capfound) {
        size_t cap = S->capfound ? 2 * S->capfound : 8;
        char **n = realloc(S->found, cap * sizeof *n);
        if (n) {
            S->found = n;
            S->capfound = cap;
        }
    }
    /* Without room the knobs are lost to this run: the space is only
     * smaller, and the search still correct. */
    if (S->o->grow && S->nfound < S->capfound)
        S->found[S->nfound++] = js;
    else
        free(js);
}

/* Appends new candidate j of a request to the archive and reports it. */
static void
archive(search *S, const uint32_t *cands, fresh *f)
{
    eo_search_result *r = S->res;
    take_found(S, f);
    size_t i = r->count++;
    if (S->nd)
        memcpy(r->cands + i * S->nd, cands + f->pos * S->nd,
               S->nd * sizeof *cands);
    score(S, &f->out, r->obj + i * S->k, &r->viol[i]);
    if (S->o->progress && !r->interrupted &&
        !S->o->progress(S->o->progress_ud, r, i, &f->out)) {
        r->interrupted = true;
        S->stop = true;
    }
}

/* Evaluates the fresh entries ev[0..m) of 'fr' (through evaluate_batch
 * in one call, or evaluate one by one) and records each in the
 * database, in order. */
static eo_status
evaluate_slice(search *S, const uint32_t *cands, fresh *fr, const size_t *ev,
               size_t m, uint32_t *cbuf, const char **abuf,
               eo_eval_outcome *obuf)
{
    const eo_search_opts *o = S->o;
    eo_search_result *r = S->res;
    double t = now_s();
    if (o->evaluate_batch) {
        for (size_t i = 0; i < m; i++) {
            if (S->nd)
                memcpy(cbuf + i * S->nd, cands + fr[ev[i]].pos * S->nd,
                       S->nd * sizeof *cbuf);
            abuf[i] = fr[ev[i]].key;
            prefill(&obuf[i]);
        }
        if (o->evaluate_batch(o->ud, m, cbuf, abuf, obuf) != EO_OK) {
            for (size_t i = 0; i < m; i++)
                free(obuf[i].discovered);
            return EO_ERROR;
        }
        double per = (now_s() - t) / (double)m;
        for (size_t i = 0; i < m; i++) {
            if (!(obuf[i].wall_s > 0))
                obuf[i].wall_s = per;
            fr[ev[i]].out = obuf[i];
        }
    } else {
        /* Only ever one at a time (batch size 1). */
        fresh *f = &fr[ev[0]];
        prefill(&f->out);
        if (o->evaluate(o->ud, cands + f->pos * S->nd, f->key, &f->out) !=
            EO_OK) {
            free(f->out.discovered);
            f->out.discovered = NULL;
            return EO_ERROR;
        }
        f->out.wall_s = now_s() - t;
    }
    int64_t stamp = (int64_t)time(NULL);
    for (size_t i = 0; i < m; i++) {
        fresh *f = &fr[ev[i]];
        f->out.message[sizeof f->out.message - 1] = '\0';
        if (f->out.timestamp == 0)
            f->out.timestamp = stamp;
        f->have = true;
        r->evaluated++;
        eo_status st;
        if (o->db && (st = eo_resdb_put(o->db, o->key, f->key, &f->out)) !=
                     EO_OK)
            return st;
    }
    return EO_OK;
}

/* Looks at cands[0..n) (n * ndims): idx[i] receives candidate i's
 * archive index, or SIZE_MAX when it was not looked at (the budget was
 * spent, the search was interrupted or an error stopped it; S->stop is
 * then set). Candidates seen before are free; new ones, up to the
 * budget, come from the database or are evaluated in slices of
 * S->batch (one at a time without evaluate_batch), each slice recorded
 * as soon as it returns; all are archived in request order. */
static eo_status
look_many(search *S, const uint32_t *cands, size_t n, size_t *idx)
{
    eo_search_result *r = S->res;
    for (size_t i = 0; i < n; i++)
        idx[i] = SIZE_MAX;
    if (n == 0 || S->stop)
        return EO_OK;
    size_t base = r->count, nnew = 0, nd = S->nd;
    bool cut = false;
    size_t B = S->o->evaluate_batch ? S->batch : 1;
    fresh *fr = malloc(n * sizeof *fr);
    size_t *ev = malloc(B * sizeof *ev);
    uint32_t *cbuf = malloc(B * (S->nd ? S->nd : 1) * sizeof *cbuf);
    const char **abuf = malloc(B * sizeof *abuf);
    eo_eval_outcome *obuf = malloc(B * sizeof *obuf);
    eo_status st = EO_NOMEM;
    if (!fr || !ev || !cbuf || !abuf || !obuf)
        goto done;
    if ((st = grow(S, base + n)) != EO_OK)
        goto done;
    /* Which candidates are new, up to the budget. A new one is copied
     * to its archive place at once (the table finds it there; archive()
     * writes the same values again). */
    for (size_t i = 0; i < n; i++) {
        const uint32_t *ci = cands + i * nd;
        size_t slot = find_slot(S, ci);
        if (S->slots[slot]) {
            idx[i] = S->slots[slot] - 1;
            continue;
        }
        if (base + nnew >= S->budget) {
            cut = true;
            break;
        }
        if ((st = format_key(S, ci)) != EO_OK)
            goto done;
        char *copy = malloc(S->buf.len + 1);
        if (!copy) {
            st = EO_NOMEM;
            goto done;
        }
        memcpy(copy, S->buf.data ? S->buf.data : "", S->buf.len + 1);
        if (nd)
            memcpy(r->cands + (base + nnew) * nd, ci, nd * sizeof *ci);
        S->slots[slot] = base + nnew + 1;
        idx[i] = base + nnew;
        fr[nnew++] = (fresh){ .pos = i, .key = copy };
    }
    /* Records already in the database are reused. */
    for (size_t j = 0; j < nnew && S->o->db; j++) {
        if ((st = eo_resdb_get(S->o->db, S->o->key, fr[j].key, &fr[j].have,
                               &fr[j].out)) != EO_OK)
            goto done;
        r->reused += fr[j].have;
    }
    /* The others are evaluated slice by slice; each slice is archived,
     * with the reused records before it, as soon as it is recorded. */
    size_t j = 0;
    while (r->count < base + nnew && !S->stop) {
        size_t m = 0;
        while (j < nnew && m < B) {
            if (!fr[j].have)
                ev[m++] = j;
            j++;
        }
        if (m > 0 &&
            (st = evaluate_slice(S, cands, fr, ev, m, cbuf, abuf, obuf)) !=
                EO_OK) {
            /* What precedes the slice was looked at; the rest was not. */
            for (size_t a = r->count - base; a < ev[0] && fr[a].have; a++)
                archive(S, cands, &fr[a]);
            S->stop = true;
            goto done;
        }
        size_t upto = m > 0 ? ev[m - 1] + 1 : j;
        for (size_t a = r->count - base; a < upto; a++)
            archive(S, cands, &fr[a]);
    }
    st = EO_OK;
    if (cut)
        S->stop = true;
done:
    /* Entries not archived (an error or an interruption) are not looked
     * at; the search stops, and no lookup follows. */
    for (size_t i = 0; i < n; i++)
        if (idx[i] != SIZE_MAX && idx[i] >= r->count)
            idx[i] = SIZE_MAX;
    if (st != EO_OK)
        S->stop = true;
    /* Knobs discovered by this request end the algorithm's run; it goes
     * on on the grown space (eo_search_run, S->warm). */
    if (S->nfound)
        S->stop = true;
    for (size_t f = 0; fr && f < nnew; f++) {
        free((char *)fr[f].key);
        free(fr[f].out.discovered);
    }
    free(fr);
    free(ev);
    free(cbuf);
    free(abuf);
    free(obuf);
    return st;
}

/* Looks at one candidate: *idx as in look_many. */
static eo_status
look(search *S, const uint32_t *cand, size_t *idx)
{
    return look_many(S, cand, 1, idx);
}

static void
random_cand(search *S, uint32_t *c)
{
    for (size_t d = 0; d < S->nd; d++)
        c[d] = (uint32_t)eo_rng_below(&S->rng,
                                      eo_space_dim_size(S->space, d));
}

/* A growable list of candidates. */
typedef struct cand_list {
    uint32_t *c;
    size_t n, cap, nd;
} cand_list;

/* Room for one more; the new slot (NULL on allocation failure). */
static uint32_t *
cl_push(cand_list *l)
{
    size_t w = l->nd ? l->nd : 1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        uint32_t *c = realloc(l->c, cap * w * sizeof *c);
        if (!c)
            return NULL;
        l->c = c;
        l->cap = cap;
    }
    return l->c + l->n++ * w;
}

/* Whether cand equals one of l's first 'upto' entries. */
static bool
cl_contains(const cand_list *l, size_t upto, const uint32_t *cand)
{
    for (size_t i = 0; i < upto; i++)
        if (!memcmp(l->c + i * l->nd, cand, l->nd * sizeof *cand))
            return true;
    return false;
}

/* Appends 'cand' to 'l' unless it is in the archive or already in 'l':
 * *added says whether it was. */
static eo_status
cl_add_new(search *S, cand_list *l, const uint32_t *cand, bool *added)
{
    bool known;
    *added = false;
    eo_status st = is_known(S, cand, &known);
    if (st != EO_OK || known || cl_contains(l, l->n, cand))
        return st;
    uint32_t *slot = cl_push(l);
    if (!slot)
        return EO_NOMEM;
    if (S->nd)
        memcpy(slot, cand, S->nd * sizeof *cand);
    *added = true;
    return EO_OK;
}

/* Looks at every candidate of 'l'; *idx (malloc'd, l->n entries) as in
 * look_many. */
static eo_status
look_list(search *S, const cand_list *l, size_t **idx)
{
    *idx = malloc((l->n ? l->n : 1) * sizeof **idx);
    if (!*idx)
        return EO_NOMEM;
    return look_many(S, l->c, l->n, *idx);
}

/* ------------------------------------------------------------------ */
/* Exhaustive and random                                               */
/* ------------------------------------------------------------------ */

/* Requests are consecutive slices of the enumeration, the size of an
 * evaluation batch. */
static size_t
slice_size(const search *S)
{
    uint64_t left = S->budget - S->res->count;
    return left < S->batch ? (size_t)left : S->batch;
}

static eo_status
run_exhaustive(search *S, uint32_t *c)
{
    cand_list l = { .nd = S->nd };
    size_t *idx = malloc(S->batch * sizeof *idx);
    eo_status st = idx ? EO_OK : EO_NOMEM;
    memset(c, 0, (S->nd ? S->nd : 1) * sizeof *c);
    for (bool more = true; more && st == EO_OK && !S->stop;) {
        size_t want = slice_size(S);
        if (want == 0)
            break;
        l.n = 0;
        while (more && l.n < want) {
            uint32_t *slot = cl_push(&l);
            if (!slot) {
                st = EO_NOMEM;
                break;
            }
            if (S->nd)
                memcpy(slot, c, S->nd * sizeof *c);
            /* Next candidate, last dimension fastest. */
            size_t d = S->nd;
            more = false;
            while (d > 0) {
                d--;
                if (++c[d] < eo_space_dim_size(S->space, d)) {
                    more = true;
                    break;
                }
                c[d] = 0;
            }
        }
        if (st == EO_OK)
            st = look_many(S, l.c, l.n, idx);
    }
    free(idx);
    free(l.c);
    return st;
}

/* Candidate number 'n' in mixed radix (last dimension fastest). */
static void
decode(const search *S, uint64_t n, uint32_t *c)
{
    for (size_t d = S->nd; d-- > 0;) {
        uint32_t m = eo_space_dim_size(S->space, d);
        c[d] = (uint32_t)(n % m);
        n /= m;
    }
}

#define SHUFFLE_MAX (1u << 16)
#define MAX_DUPLICATES 1000

static eo_status
run_random(search *S, uint32_t *c)
{
    uint64_t size = eo_space_size(S->space);
    cand_list l = { .nd = S->nd };
    size_t *idx = malloc(S->batch * sizeof *idx);
    uint32_t *perm = NULL;
    eo_status st = idx ? EO_OK : EO_NOMEM;
    if (st == EO_OK && size <= SHUFFLE_MAX) {
        /* Small space: a shuffled enumeration, no repeat at all. */
        if (!(perm = malloc(size * sizeof *perm))) {
            st = EO_NOMEM;
            goto done;
        }
        for (uint32_t i = 0; i < size; i++)
            perm[i] = i;
        for (uint64_t i = size; i > 1; i--) {
            uint64_t j = eo_rng_below(&S->rng, i);
            uint32_t t = perm[i - 1];
            perm[i - 1] = perm[j];
            perm[j] = t;
        }
        for (uint64_t i = 0; i < size && st == EO_OK && !S->stop;) {
            size_t want = slice_size(S);
            if (want == 0)
                break;
            for (l.n = 0; l.n < want && i < size; i++) {
                uint32_t *slot = cl_push(&l);
                if (!slot) {
                    st = EO_NOMEM;
                    goto done;
                }
                decode(S, perm[i], slot);
            }
            st = look_many(S, l.c, l.n, idx);
        }
        goto done;
    }
    /* Large space: draw and skip repeats; the sequence of first
     * occurrences does not depend on how it is sliced. */
    for (unsigned dups = 0; st == EO_OK && dups < MAX_DUPLICATES &&
                            !S->stop;) {
        size_t want = slice_size(S);
        if (want == 0)
            break;
        for (l.n = 0; l.n < want && dups < MAX_DUPLICATES;) {
            bool added;
            random_cand(S, c);
            if ((st = cl_add_new(S, &l, c, &added)) != EO_OK)
                goto done;
            dups = added ? 0 : dups + 1;
        }
        st = look_many(S, l.c, l.n, idx);
    }
done:
    free(perm);
    free(idx);
    free(l.c);
    return st;
}

/* ------------------------------------------------------------------ */
/* NSGA-II                                                             */
/* ------------------------------------------------------------------ */

typedef struct crowd_key {
    double crowd;
    size_t pos;
} crowd_key;

static int
cmp_crowd_desc(const void *a, const void *b)
{
    const crowd_key *x = a, *y = b;
    if (x->crowd != y->crowd)
        return x->crowd > y->crowd ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Keeps the best 'keep' of pool[0..n) by (front, crowding), or with
 * 'front0' only the first front's (crowding-thinned to 'keep'); computes
 * their rank and crowding (within the kept set's fronts). */
static eo_status
select_survivors(search *S, member *pool, size_t n, size_t keep,
                 bool front0, size_t *kept)
{
    size_t k = S->k;
    *kept = 0;
    if (n == 0)
        return EO_OK;
    double *obj = malloc(n * k * sizeof *obj);
    double *viol = malloc(n * sizeof *viol);
    size_t *rank = malloc(n * sizeof *rank);
    size_t *mem = malloc(n * sizeof *mem);
    double *dist = malloc(n * sizeof *dist);
    crowd_key *ck = malloc(n * sizeof *ck);
    member *out = malloc(n * sizeof *out);
    eo_status st = EO_NOMEM;
    if (!obj || !viol || !rank || !mem || !dist || !ck || !out)
        goto done;
    for (size_t i = 0; i < n; i++) {
        memcpy(obj + i * k, S->res->obj + pool[i].idx * k, k * sizeof *obj);
        viol[i] = S->res->viol[pool[i].idx];
    }
    if ((st = eo_pareto_sort(obj, viol, n, k, rank)) != EO_OK)
        goto done;
    size_t m = 0;
    for (size_t r = 0; m < keep && m < n && (!front0 || r == 0); r++) {
        size_t f = 0;
        for (size_t i = 0; i < n; i++)
            if (rank[i] == r)
                mem[f++] = i;
        if ((st = eo_pareto_crowding(obj, k, mem, f, dist)) != EO_OK)
            goto done;
        for (size_t j = 0; j < f; j++)
            ck[j] = (crowd_key){ dist[j], mem[j] };
        if (m + f > keep)
            qsort(ck, f, sizeof *ck, cmp_crowd_desc);
        size_t take = m + f > keep ? keep - m : f;
        for (size_t j = 0; j < take; j++)
            out[m++] = (member){ pool[ck[j].pos].idx, r, ck[j].crowd };
    }
    /* Crowding of a partly kept front is recomputed over what stays. */
    if (m > 0) {
        size_t last = out[m - 1].rank, f = 0, first = m;
        for (size_t j = 0; j < m; j++)
            if (out[j].rank == last) {
                mem[f++] = out[j].idx;
                if (first == m)
                    first = j;
            }
        if ((st = eo_pareto_crowding(S->res->obj, k, mem, f, dist)) !=
            EO_OK)
            goto done;
        for (size_t j = 0; j < f; j++)
            out[first + j].crowd = dist[j];
    }
    memcpy(pool, out, m * sizeof *out);
    *kept = m;
    st = EO_OK;
done:
    free(obj);
    free(viol);
    free(rank);
    free(mem);
    free(dist);
    free(ck);
    free(out);
    return st;
}

static const member *
tournament(search *S, const member *pop, size_t n)
{
    const member *a = &pop[eo_rng_below(&S->rng, n)];
    const member *b = &pop[eo_rng_below(&S->rng, n)];
    if (a->rank != b->rank)
        return a->rank < b->rank ? a : b;
    if (a->crowd != b->crowd)
        return a->crowd > b->crowd ? a : b;
    return a;
}

static bool
in_pool(const member *pool, size_t n, size_t idx)
{
    for (size_t i = 0; i < n; i++)
        if (pool[i].idx == idx)
            return true;
    return false;
}

/* Appends the looked-at entries idx[0..n) to pool[*m..) (no repeats). */
static void
pool_add(member *pool, size_t *m, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (idx[i] != SIZE_MAX && !in_pool(pool, *m, idx[i]))
            pool[(*m)++] = (member){ idx[i], 0, 0 };
}

#define MAX_STALL 20

/* Whether the run ends because the space grows (its state is then kept
 * in S->warm for the next run). */
static bool
growing(const search *S)
{
    return S->nfound > 0 && !S->res->interrupted &&
           S->res->count < S->budget;
}

/* Keeps pop[0..n) in S->warm. */
static eo_status
warm_keep_pop(search *S, const member *pop, size_t n)
{
    member *p = realloc(S->warm.pop, (n ? n : 1) * sizeof *p);
    if (!p)
        return EO_NOMEM;
    memcpy(p, pop, n * sizeof *p);
    S->warm.pop = p;
    S->warm.npop = n;
    S->warm.have = true;
    return EO_OK;
}

/* Population, proposals, neighbours and initial designs beyond this are
 * cut to it (allocation sizes stay sane). */
#define MAX_SIZE_OPT ((size_t)1 << 16)

/* The population size of generation-based searches. */
static size_t
population(const search *S)
{
    size_t N = S->o->population ? S->o->population : 20;
    N = N < MAX_SIZE_OPT ? N : MAX_SIZE_OPT;
    return N + (N & 1);
}

/* Up to 'want' distinct random candidates not in the archive (20 tries
 * each) into 'l'. */
static eo_status
random_new(search *S, cand_list *l, size_t want, uint32_t *c)
{
    for (size_t tries = 0; l->n < want && tries < 20 * want; tries++) {
        bool added;
        random_cand(S, c);
        eo_status st = cl_add_new(S, l, c, &added);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

/* Changes dimension d of 'x' to another value, uniformly. */
static void
mutate_dim(search *S, uint32_t *x, size_t d)
{
    uint32_t sz = eo_space_dim_size(S->space, d);
    uint32_t v = (uint32_t)eo_rng_below(&S->rng, sz - 1);
    x[d] = v >= x[d] ? v + 1 : v;
}

/* Each generation is made whole (children distinct from the archive
 * and from each other, at most what the budget leaves), looked at as
 * one request, then selected from: the candidates do not depend on how
 * the evaluation is batched. */
static eo_status
run_nsga2(search *S, uint32_t *c)
{
    size_t N = population(S);
    double pc = S->o->crossover > 0 ? S->o->crossover : 0.9;
    double pm = S->o->mutation > 0 ? S->o->mutation
                                   : 1.0 / (double)(S->nd ? S->nd : 1);
    uint64_t size = eo_space_size(S->space);
    member *pool = malloc(2 * N * sizeof *pool);
    uint32_t *c2 = malloc((S->nd ? S->nd : 1) * sizeof *c2);
    cand_list l = { .nd = S->nd };
    size_t *idx = NULL;
    eo_status st = EO_NOMEM;
    if (!pool || !c2)
        goto done;
    size_t n = 0;
    unsigned stall = 0;
    if (S->warm.have) {
        /* The space grew: the population goes on, its members with the
         * new knobs at their defaults; mutation reaches those. */
        n = S->warm.npop < N ? S->warm.npop : N;
        memcpy(pool, S->warm.pop, n * sizeof *pool);
        stall = S->warm.stall;
        S->warm.have = false;
        st = EO_OK;
    } else {
        /* The first population: the default candidate (looked at first
         * by eo_search_run) and distinct random candidates. */
        if (S->dflt != SIZE_MAX)
            pool_add(pool, &n, &S->dflt, 1);
        if ((st = random_new(S, &l, N - n, c)) != EO_OK ||
            (st = look_list(S, &l, &idx)) != EO_OK)
            goto done;
        pool_add(pool, &n, idx, l.n);
        if ((st = select_survivors(S, pool, n, N, false, &n)) != EO_OK)
            goto done;
    }
    while (!S->stop && stall < MAX_STALL && n > 0 && S->res->count < size) {
        uint64_t left = S->budget - S->res->count;
        size_t want = left < N ? (size_t)left : N;
        if (want == 0)
            break;
        l.n = 0;
        for (size_t tries = 0; l.n < want && tries < 20 * N; tries++) {
            const member *p1 = tournament(S, pool, n);
            const member *p2 = tournament(S, pool, n);
            memcpy(c, S->res->cands + p1->idx * S->nd, S->nd * sizeof *c);
            memcpy(c2, S->res->cands + p2->idx * S->nd, S->nd * sizeof *c);
            if (eo_rng_unit(&S->rng) < pc)
                for (size_t d = 0; d < S->nd; d++)
                    if (eo_rng_unit(&S->rng) < 0.5) {
                        uint32_t t = c[d];
                        c[d] = c2[d];
                        c2[d] = t;
                    }
            for (int child = 0; child < 2 && l.n < want; child++) {
                uint32_t *x = child ? c2 : c;
                for (size_t d = 0; d < S->nd; d++)
                    if (eo_space_dim_size(S->space, d) > 1 &&
                        eo_rng_unit(&S->rng) < pm)
                        mutate_dim(S, x, d);
                bool added;
                if ((st = cl_add_new(S, &l, x, &added)) != EO_OK)
                    goto done;
            }
        }
        free(idx);
        if ((st = look_list(S, &l, &idx)) != EO_OK)
            goto done;
        size_t m = n;
        pool_add(pool, &m, idx, l.n);
        stall = m == n ? stall + 1 : 0;
        if ((st = select_survivors(S, pool, m, N, false, &n)) != EO_OK)
            goto done;
    }
    if (growing(S)) {
        st = warm_keep_pop(S, pool, n);
        S->warm.stall = stall;
    }
done:
    free(idx);
    free(pool);
    free(c2);
    free(l.c);
    return st;
}

/* ------------------------------------------------------------------ */
/* Simulated annealing on a weighted sum                               */
/* ------------------------------------------------------------------ */

static double
scalar(const search *S, size_t idx, const scalarization *z)
{
    double f = 0;
    for (size_t i = 0; i < S->k; i++)
        f += z->w[i] * S->res->obj[idx * S->k + i] / z->scale[i];
    return f;
}

/* Whether archive entry a is better than b: less violation, then a
 * smaller weighted sum. */
static bool
better(const search *S, size_t a, size_t b, const scalarization *z)
{
    double va = S->res->viol[a], vb = S->res->viol[b];
    if (va != vb)
        return va < vb;
    return scalar(S, a, z) < scalar(S, b, z);
}

/* The start temperature for a walk from archive entry i. */
static double
start_temperature(const search *S, size_t i, const scalarization *z)
{
    double f = fabs(scalar(S, i, z));
    return (S->o->t0 > 0 ? S->o->t0 : 0.01) * (isfinite(f) && f > 0 ? f : 1);
}

/* A walk from the default candidate: a move changes one dimension to
 * another value; better moves are taken, worse ones with probability
 * exp(-delta/T), infeasible ones only when they reduce the violation.
 * Objectives are divided by the start's, so weights are relative. When
 * the walk is cold (T below 1/1000 of its start), finds nothing new
 * for a while or, under a budget, has made budget/16 moves (at least
 * 16), it restarts, reheated, from the best point so far under the
 * weights (from a random candidate after a walk that found nothing new);
 * without given weights each restart draws new ones (uniform over the
 * simplex), so the walks spread along the front. It stops when the
 * budget is spent, the space is exhausted or 20 restarts in a row found
 * nothing new. */
static eo_status
run_anneal(search *S, uint32_t *c)
{
    scalarization z0, z;
    bool given = false;
    for (size_t i = 0; i < S->k; i++)
        given |= S->o->weights[i] != 0;
    for (size_t i = 0; i < S->k; i++)
        z0.w[i] = given ? S->o->weights[i] : 1.0;
    double cooling = S->o->cooling > 0 && S->o->cooling < 1 ? S->o->cooling
                                                            : 0.97;
    uint32_t *cur = malloc((S->nd ? S->nd : 1) * sizeof *cur);
    if (!cur)
        return EO_NOMEM;
    size_t ci, best, stall = 0, steps = 0, since;
    unsigned idle = 0;
    double T0, T;
    eo_status st = EO_OK;
    warm_state *W = &S->warm;
    if (W->have) {
        /* The space grew: the walk goes on from where it was (the new
         * knobs at their defaults); moves now reach them too. */
        W->have = false;
        ci = W->ci;
        best = W->best;
        z0 = W->z0;
        z = W->z;
        T0 = W->T0;
        T = W->T;
        stall = W->astall;
        steps = W->steps;
        since = W->since;
        idle = W->idle;
        memcpy(cur, S->res->cands + ci * S->nd, S->nd * sizeof *cur);
    } else {
        eo_space_default(S->space, cur);
        st = look(S, cur, &ci);
        if (st != EO_OK || ci == SIZE_MAX) {
            free(cur);
            return st;
        }
        for (size_t i = 0; i < S->k; i++) {
            double x = fabs(S->res->obj[ci * S->k + i]);
            z0.scale[i] = isfinite(x) && x > 0 ? x : 1;
        }
        z = z0;
        best = ci;
        T0 = T = start_temperature(S, ci, &z);
        since = S->res->count;      /* archive size at the restart */
    }
    size_t movable = 0, neighbours = 0;
    for (size_t d = 0; d < S->nd; d++) {
        uint32_t sz = eo_space_dim_size(S->space, d);
        movable += sz > 1;
        neighbours += sz - 1;
    }
    uint64_t size = eo_space_size(S->space);
    size_t restart_stall = 50 + 2 * (neighbours < 1000 ? neighbours : 1000);
    /* Under a budget, walks are at most a sixteenth of it (at least 16
     * steps), so that several walks fit. */
    uint64_t walk_max = S->budget != UINT64_MAX ? S->budget / 16
                                                : UINT64_MAX;
    walk_max = walk_max < 16 ? 16 : walk_max;
    for (; movable && !S->stop && idle < MAX_STALL && S->res->count < size;
         steps++) {
        if (T < 1e-3 * T0 || stall >= restart_stall || steps >= walk_max) {
            bool dry = S->res->count == since;
            idle = dry ? idle + 1 : 0;
            since = S->res->count;
            if (!given) {
                double sum = 0;
                for (size_t i = 0; i < S->k; i++)
                    sum += z.w[i] = -log(1 - eo_rng_unit(&S->rng));
                for (size_t i = 0; i < S->k; i++)
                    z.w[i] = sum > 0 ? z.w[i] / sum : 1;
            }
            ci = 0;
            for (size_t i = 1; i < S->res->count; i++)
                if (better(S, i, ci, &z))
                    ci = i;
            if (dry) {
                /* A walk that found nothing new: the next one starts
                 * from a random candidate. */
                random_cand(S, c);
                size_t ri;
                if ((st = look(S, c, &ri)) != EO_OK || ri == SIZE_MAX)
                    break;
                ci = ri;
            }
            memcpy(cur, S->res->cands + ci * S->nd, S->nd * sizeof *cur);
            T = T0 = start_temperature(S, ci, &z);
            stall = steps = 0;
        }
        memcpy(c, cur, S->nd * sizeof *c);
        size_t pick = (size_t)eo_rng_below(&S->rng, movable), d = 0;
        for (;; d++)
            if (eo_space_dim_size(S->space, d) > 1 && pick-- == 0)
                break;
        mutate_dim(S, c, d);
        size_t before = S->res->count, ni;
        if ((st = look(S, c, &ni)) != EO_OK || ni == SIZE_MAX)
            break;
        stall = S->res->count == before ? stall + 1 : 0;
        double u = eo_rng_unit(&S->rng);
        bool take;
        if (better(S, ni, ci, &z))
            take = true;
        else if (S->res->viol[ni] != S->res->viol[ci])
            take = false;
        else
            take = u < exp(-(scalar(S, ni, &z) - scalar(S, ci, &z)) / T);
        if (take) {
            ci = ni;
            memcpy(cur, c, S->nd * sizeof *c);
        }
        if (better(S, ni, best, &z0))
            best = ni;
        T *= cooling;
    }
    if (st == EO_OK && growing(S)) {
        *W = (warm_state){ .have = true, .pop = W->pop, .ci = ci,
                           .best = best, .since = since, .steps = steps,
                           .astall = stall, .idle = idle, .T = T, .T0 = T0,
                           .z = z, .z0 = z0 };
    }
    S->res->best = best;
    free(cur);
    return st;
}

/* ------------------------------------------------------------------ */
/* Layer-wise search                                                   */
/* ------------------------------------------------------------------ */

/* Combinations of one layer's dimensions tried exhaustively up to this
 * many per beam member; beyond, this many random ones. */
#define LAYER_COMBOS 64

typedef struct seq_key {
    size_t seq;             /* first appearance of the site */
    size_t dim;
} seq_key;

static int
cmp_seq(const void *a, const void *b)
{
    const seq_key *x = a, *y = b;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return x->dim < y->dim ? -1 : x->dim > y->dim;
}

/* Groups the dimensions by site: order[] lists dimensions layer by
 * layer (sites by first appearance in the knob-space JSON, dimensions
 * by index within a site, the site-less ones last), start[l] is where
 * layer l begins (start[nl] = ndims) and seq[l] its sort key (SIZE_MAX
 * for the site-less layer). */
static eo_status
layers(const search *S, size_t *order, size_t *start, size_t *seq,
       size_t *nl)
{
    size_t nd = S->nd;
    seq_key *key = malloc((nd ? nd : 1) * sizeof *key);
    if (!key)
        return EO_NOMEM;
    for (size_t d = 0; d < nd; d++) {
        const char *site = eo_space_dim_site(S->space, d);
        size_t first = SIZE_MAX;
        if (*site)
            for (size_t e = 0; e < nd; e++)
                if (!strcmp(eo_space_dim_site(S->space, e), site) &&
                    eo_space_dim_seq(S->space, e) < first)
                    first = eo_space_dim_seq(S->space, e);
        key[d] = (seq_key){ first, d };
    }
    qsort(key, nd, sizeof *key, cmp_seq);
    *nl = 0;
    for (size_t i = 0; i < nd; i++) {
        order[i] = key[i].dim;
        if (i == 0 || key[i].seq != key[i - 1].seq) {
            seq[*nl] = key[i].seq;
            start[(*nl)++] = i;
        }
    }
    start[*nl] = nd;
    free(key);
    return EO_OK;
}

/* How many combinations of the layer dims[0..nld) a beam member is
 * extended with: all of them up to LAYER_COMBOS, else LAYER_COMBOS
 * random ones. */
static uint64_t
layer_combos(const search *S, const size_t *dims, size_t nld)
{
    uint64_t prod = 1;
    for (size_t i = 0; i < nld && prod <= LAYER_COMBOS; i++)
        prod *= eo_space_dim_size(S->space, dims[i]);
    return prod <= LAYER_COMBOS ? prod : LAYER_COMBOS;
}

/* Keeps the non-dominated (constraint domination) candidates of a beam
 * of partial solutions, layer by layer: each member is extended with
 * every combination of the next layer's values (or a random sample of
 * them), the other layers as the member has them; the beam is thinned
 * by crowding to 'population' and, under a budget (until it widens),
 * narrowed so that the sweep's remaining layers fit in what is left. Sweeps again from the
 * final beam; when a sweep finds nothing new, the beam widens (twice
 * the width, filled from the archive by front and crowding: dominated
 * partial solutions too), until a sweep over a beam as large as the
 * archive finds nothing new or the budget is spent. */
#define WIDEN_POOL_MAX 2048

static eo_status
run_layerwise(search *S, uint32_t *c)
{
    warm_state *W = &S->warm;
    size_t P = W->have ? W->P : population(S);
    size_t nd = S->nd, nl = 0;
    size_t *order = malloc((nd ? nd : 1) * sizeof *order);
    size_t *start = malloc((nd + 1) * sizeof *start);
    size_t *lseq = malloc((nd + 1) * sizeof *lseq);
    member *beam = malloc(P * sizeof *beam), *pool = NULL;
    bool wide = W->have && W->wide;
    cand_list l = { .nd = nd };
    size_t *idx = NULL, nb = 0, L = 0, before = 0;
    eo_status st = EO_NOMEM;
    if (!order || !start || !lseq || !beam)
        goto done;
    if ((st = layers(S, order, start, lseq, &nl)) != EO_OK)
        goto done;
    if (W->have) {
        /* The space grew: the sweep goes on with its beam (the new knobs
         * at their defaults) from the next layer; the new knobs join
         * their site's layer, a new site's layer comes after the old
         * ones. */
        W->have = false;
        nb = W->npop < P ? W->npop : P;
        memcpy(beam, W->pop, nb * sizeof *beam);
        before = W->before;
        L = nl;
        for (size_t i = 0; !W->swept && i < nl && L == nl; i++)
            if (lseq[i] >= W->next_seq)
                L = i;
    } else {
        eo_space_default(S->space, c);
        size_t first;
        if ((st = look(S, c, &first)) != EO_OK || first == SIZE_MAX)
            goto done;
        beam[nb++] = (member){ first, 0, 0 };
        before = S->res->count;
        L = 0;
    }
    uint64_t size = eo_space_size(S->space);
    for (bool more = true, resumed = true;
         more && !S->stop && S->res->count < size; resumed = false) {
        if (!resumed) {
            before = S->res->count;
            L = 0;
        }
        for (; L < nl && !S->stop; L++) {
            const size_t *dims = order + start[L];
            size_t nld = start[L + 1] - start[L];
            uint64_t prod = layer_combos(S, dims, nld);
            bool all = true;
            for (size_t i = 0, p = 1; i < nld && all; i++)
                all = (p *= eo_space_dim_size(S->space, dims[i])) <=
                      LAYER_COMBOS;
            /* With a budget, the beam narrows (until it widens) so that
             * the sweep's remaining layers fit in what is left; when one
             * member is already too many, the layer gets its share of
             * what is left in random combinations. */
            if (S->budget != UINT64_MAX && !wide) {
                uint64_t left = S->budget - S->res->count, need = 0;
                for (size_t M = L; M < nl; M++)
                    need += layer_combos(S, order + start[M],
                                         start[M + 1] - start[M]) - 1;
                uint64_t w = need ? left / need : nb;
                if (w < 1) {
                    w = 1;
                    uint64_t share = left * (prod - 1) / need;
                    prod = share > 1 ? share : 1;
                    all = false;
                }
                if (w < nb &&
                    (st = select_survivors(S, beam, nb, (size_t)w, true,
                                           &nb)) != EO_OK)
                    goto done;
            }
            l.n = 0;
            for (size_t b = 0; b < nb; b++) {
                const uint32_t *base = S->res->cands + beam[b].idx * nd;
                for (size_t x = 0; x < prod; x++) {
                    uint32_t *slot = cl_push(&l);
                    if (!slot) {
                        st = EO_NOMEM;
                        goto done;
                    }
                    memcpy(slot, base, nd * sizeof *slot);
                    size_t r = x;
                    for (size_t i = nld; i-- > 0;) {
                        uint32_t m = eo_space_dim_size(S->space, dims[i]);
                        if (all) {
                            slot[dims[i]] = (uint32_t)(r % m);
                            r /= m;
                        } else {
                            slot[dims[i]] =
                                (uint32_t)eo_rng_below(&S->rng, m);
                        }
                    }
                }
            }
            free(idx);
            if ((st = look_list(S, &l, &idx)) != EO_OK)
                goto done;
            member *np = realloc(pool, (nb + l.n) * sizeof *np);
            if (!np) {
                st = EO_NOMEM;
                goto done;
            }
            pool = np;
            size_t m = nb;
            memcpy(pool, beam, nb * sizeof *beam);
            pool_add(pool, &m, idx, l.n);
            if ((st = select_survivors(S, pool, m, P, !wide, &m)) != EO_OK)
                goto done;
            memcpy(beam, pool, m * sizeof *beam);
            nb = m;
        }
        if (S->res->count > before || S->stop)
            continue;
        /* A dry sweep: widen the beam, from the archive (its most
         * recent entries when it is large). */
        size_t count = S->res->count;
        if (wide && P >= count) {
            more = false;
            continue;
        }
        P = 2 * P < count ? 2 * P : count;
        wide = true;
        size_t from = count > WIDEN_POOL_MAX ? count - WIDEN_POOL_MAX : 0;
        member *nbm = realloc(beam, P * sizeof *nbm);
        member *np = realloc(pool, (count - from) * sizeof *np);
        if (nbm)
            beam = nbm;
        if (np)
            pool = np;
        if (!nbm || !np) {
            st = EO_NOMEM;
            goto done;
        }
        for (size_t i = from; i < count; i++)
            pool[i - from] = (member){ i, 0, 0 };
        if ((st = select_survivors(S, pool, count - from, P, false, &nb)) !=
            EO_OK)
            goto done;
        memcpy(beam, pool, nb * sizeof *beam);
    }
    if (growing(S) && (st = warm_keep_pop(S, beam, nb)) == EO_OK) {
        W->P = P;
        W->wide = wide;
        W->swept = L >= nl;
        W->next_seq = L < nl ? lseq[L] : SIZE_MAX;
        W->before = before;
    }
done:
    free(order);
    free(start);
    free(lseq);
    free(beam);
    free(pool);
    free(idx);
    free(l.c);
    return st;
}

/* ------------------------------------------------------------------ */
/* Model-guided search: a k-nearest-neighbour surrogate                */
/* ------------------------------------------------------------------ */

/* Optimism of the surrogate: a proposal is scored at its predicted mean
 * minus this many weighted standard deviations of its neighbours. */
#define MODEL_KAPPA 0.5

typedef struct model {
    search *S;
    size_t kn;              /* neighbours */
    size_t *front;          /* archive indices of the feasible front */
    size_t nf;
    double lo[EO_NUM_OBJECTIVES], span[EO_NUM_OBJECTIVES];
    size_t *nb_idx;         /* scratch: kn nearest */
    double *nb_dist;
    double *inv;            /* 1 / (size - 1) per dimension */
} model;

/* Distance of candidates a and b: per dimension the mean of the
 * Hamming distance and the ordinal distance of the value indices
 * (normalized by the dimension's size: inv[d] = 1 / (size - 1)), summed
 * over dimensions; it stops early, returning a partial sum, once it
 * reaches 'cut'. */
static double
cand_dist(size_t nd, const double *inv, const uint32_t *a, const uint32_t *b,
          double cut)
{
    double d = 0;
    for (size_t i = 0; i < nd && d < cut; i++)
        if (a[i] != b[i])
            d += 0.5 + 0.5 * (double)(a[i] > b[i] ? a[i] - b[i]
                                                  : b[i] - a[i]) * inv[i];
    return d;
}

/* Adds archive entry i to the feasible front (dropping what it
 * dominates; a point equal to a member is left out). */
static void
front_add(model *M, size_t i)
{
    const search *S = M->S;
    const double *obj = S->res->obj;
    size_t k = S->k;
    if (S->res->viol[i] != 0)
        return;
    for (size_t j = 0; j < M->nf; j++) {
        const double *f = obj + M->front[j] * k;
        if (eo_pareto_dominates(f, 0, obj + i * k, 0, k) ||
            !memcmp(f, obj + i * k, k * sizeof *f))
            return;
    }
    size_t w = 0;
    for (size_t j = 0; j < M->nf; j++)
        if (!eo_pareto_dominates(obj + i * k, 0, obj + M->front[j] * k, 0,
                                 k))
            M->front[w++] = M->front[j];
    M->front[w++] = i;
    M->nf = w;
}

/* Objective ranges over the feasible archive (for normalization). */
static void
model_scale(model *M)
{
    const search *S = M->S;
    double hi[EO_NUM_OBJECTIVES];
    for (size_t o = 0; o < S->k; o++) {
        M->lo[o] = INFINITY;
        hi[o] = -INFINITY;
    }
    for (size_t i = 0; i < S->res->count; i++) {
        if (!isfinite(S->res->viol[i]))
            continue;
        for (size_t o = 0; o < S->k; o++) {
            double x = S->res->obj[i * S->k + o];
            M->lo[o] = x < M->lo[o] ? x : M->lo[o];
            hi[o] = x > hi[o] ? x : hi[o];
        }
    }
    for (size_t o = 0; o < S->k; o++) {
        if (!isfinite(M->lo[o])) {
            M->lo[o] = 0;
            hi[o] = 1;
        }
        M->span[o] = hi[o] > M->lo[o] ? hi[o] - M->lo[o] : 1;
    }
}

/* Predicts a candidate's normalized objectives (optimistic: mean minus
 * MODEL_KAPPA weighted standard deviations) and its probability of
 * being infeasible from its nearest archive entries. */
static void
predict(model *M, const uint32_t *cand, double *pred, double *pfail)
{
    const search *S = M->S;
    const eo_search_result *r = S->res;
    size_t kn = M->kn < r->count ? M->kn : r->count, have = 0;
    for (size_t i = 0; i < r->count; i++) {
        double cut = have == kn ? M->nb_dist[kn - 1] : INFINITY;
        double d = cand_dist(S->nd, M->inv, cand, r->cands + i * S->nd, cut);
        if (d >= cut)
            continue;
        size_t at = have < kn ? have++ : kn - 1;
        while (at > 0 && M->nb_dist[at - 1] > d) {
            M->nb_dist[at] = M->nb_dist[at - 1];
            M->nb_idx[at] = M->nb_idx[at - 1];
            at--;
        }
        M->nb_dist[at] = d;
        M->nb_idx[at] = i;
    }
    double wsum = 0, wbad = 0, wobj = 0;
    double mean[EO_NUM_OBJECTIVES] = { 0 }, sq[EO_NUM_OBJECTIVES] = { 0 };
    for (size_t j = 0; j < have; j++) {
        size_t i = M->nb_idx[j];
        double nd = (double)(S->nd ? S->nd : 1);
        double w = 1.0 / (M->nb_dist[j] / nd + 1e-3);
        wsum += w;
        if (r->viol[i] != 0)
            wbad += w;
        if (!isfinite(r->viol[i]))
            continue;
        wobj += w;
        for (size_t o = 0; o < S->k; o++) {
            double x = (r->obj[i * S->k + o] - M->lo[o]) / M->span[o];
            mean[o] += w * x;
            sq[o] += w * x * x;
        }
    }
    *pfail = wsum > 0 ? wbad / wsum : 1;
    for (size_t o = 0; o < S->k; o++) {
        if (wobj == 0) {
            pred[o] = 1;
            continue;
        }
        double mu = mean[o] / wobj, var = sq[o] / wobj - mu * mu;
        pred[o] = mu - MODEL_KAPPA * sqrt(var > 0 ? var : 0);
    }
}

/* The reference point of normalized objectives. */
static const double model_ref[EO_NUM_OBJECTIVES] = { 1.1, 1.1, 1.1 };

typedef struct pt2 {
    double x, y;
} pt2;

static int
cmp_pt2(const void *a, const void *b)
{
    const pt2 *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return (p->y > q->y) - (p->y < q->y);
}

/* The staircase of 2-D points pts[0..n) inside the reference box: the
 * non-dominated ones by increasing x (so decreasing y), into st; returns
 * their number. */
static size_t
staircase(const double *pts, size_t n, pt2 *st)
{
    size_t m = 0;
    for (size_t j = 0; j < n; j++)
        if (pts[2 * j] < model_ref[0] && pts[2 * j + 1] < model_ref[1])
            st[m++] = (pt2){ pts[2 * j], pts[2 * j + 1] };
    qsort(st, m, sizeof *st, cmp_pt2);
    size_t w = 0;
    for (size_t j = 0; j < m; j++)
        if (w == 0 || st[j].y < st[w - 1].y)
            st[w++] = st[j];
    return w;
}

/* The area point p adds to the region a staircase dominates (within the
 * reference box). */
static double
hvi2(const pt2 *st, size_t n, const double *p)
{
    if (!(p[0] < model_ref[0] && p[1] < model_ref[1]))
        return 0;
    double h = model_ref[1], x = p[0], area = 0;
    size_t j = 0;
    for (; j < n && st[j].x <= p[0]; j++)
        h = st[j].y < h ? st[j].y : h;
    for (; j < n; j++) {
        if (h > p[1])
            area += (st[j].x - x) * (h - p[1]);
        x = st[j].x;
        h = st[j].y < h ? st[j].y : h;
    }
    if (h > p[1])
        area += (model_ref[0] - x) * (h - p[1]);
    return area;
}

/* How much normalized point p improves the set pts[0..n) (k objectives,
 * room for one more point after them; for k = 2 also as the staircase
 * st[0..ns)): the hypervolume it adds (reference 1.1 in each objective;
 * for one objective the decrease of the minimum) when positive, else
 * minus the distance it lacks to be non-dominated. h0 is the set's
 * hypervolume (k = 3). */
static eo_status
improvement(search *S, double *pts, size_t n, const pt2 *st, size_t ns,
            double h0, const double *p, double *out)
{
    size_t k = S->k;
    double lack = 0;
    for (size_t j = 0; j < n; j++) {
        double need = INFINITY;
        for (size_t o = 0; o < k; o++) {
            double e = p[o] - pts[j * k + o];
            need = e < need ? e : need;
        }
        lack = need > lack ? need : lack;
    }
    if (k == 1) {
        double best = n ? pts[0] : 1.1;
        for (size_t j = 1; j < n; j++)
            best = pts[j] < best ? pts[j] : best;
        *out = best - p[0];
        return EO_OK;
    }
    if (lack > 0) {
        *out = -lack;
        return EO_OK;
    }
    if (k == 2) {
        *out = hvi2(st, ns, p);
        return EO_OK;
    }
    double h1;
    memcpy(pts + n * k, p, k * sizeof *p);
    eo_status s = eo_pareto_hypervolume(S->ctx, pts, n + 1, k, model_ref,
                                        &h1);
    if (s != EO_OK)
        return s;
    *out = h1 - h0;
    return EO_OK;
}

/* Changes 1 to 3 random dimensions of 'x' (those with 2+ values). */
static void
mutate_some(search *S, uint32_t *x, size_t movable)
{
    size_t m = 1 + (size_t)eo_rng_below(&S->rng, 3);
    for (size_t t = 0; t < m && movable; t++) {
        size_t pick = (size_t)eo_rng_below(&S->rng, movable), d = 0;
        for (;; d++)
            if (eo_space_dim_size(S->space, d) > 1 && pick-- == 0)
                break;
        mutate_dim(S, x, d);
    }
}

/* Initial random designs, then rounds of 'population' candidates: the
 * proposals (half random, half mutations of front members) with the
 * largest predicted improvement, chosen greedily (each pick's predicted
 * point joins the front for the next). */
static eo_status
run_model(search *S, uint32_t *c)
{
    size_t N = population(S);
    size_t P = S->o->proposals ? S->o->proposals : 200;
    size_t init = S->o->initial ? S->o->initial
                                : (2 * S->nd > 10 ? 2 * S->nd : 10);
    uint64_t left0 = S->budget - S->res->count;
    P = P < MAX_SIZE_OPT ? P : MAX_SIZE_OPT;
    init = init < MAX_SIZE_OPT ? init : MAX_SIZE_OPT;
    init = init < left0 ? init : (size_t)left0;
    size_t k = S->k, movable = 0;
    for (size_t d = 0; d < S->nd; d++)
        movable += eo_space_dim_size(S->space, d) > 1;
    uint64_t size = eo_space_size(S->space);
    model M = { .S = S, .kn = S->o->knn ? S->o->knn : 5 };
    M.kn = M.kn < MAX_SIZE_OPT ? M.kn : MAX_SIZE_OPT;
    cand_list l = { .nd = S->nd }, pick = { .nd = S->nd };
    size_t *idx = NULL;
    double *pred = malloc(P * (k + 1) * sizeof *pred);
    bool *taken = malloc(P * sizeof *taken);
    double *pts = NULL;
    pt2 *stair = NULL;
    M.nb_idx = malloc(M.kn * sizeof *M.nb_idx);
    M.nb_dist = malloc(M.kn * sizeof *M.nb_dist);
    M.inv = malloc((S->nd ? S->nd : 1) * sizeof *M.inv);
    eo_status st = EO_NOMEM;
    if (!pred || !taken || !M.nb_idx || !M.nb_dist || !M.inv)
        goto done;
    for (size_t d = 0; d < S->nd; d++) {
        uint32_t m = eo_space_dim_size(S->space, d);
        M.inv[d] = m > 1 ? 1.0 / (double)(m - 1) : 0;
    }
    unsigned stall = 0;
    if (S->warm.have) {
        /* The space grew: the archive is the surrogate's training set
         * (the new knobs at their defaults); no new initial designs. */
        S->warm.have = false;
        stall = S->warm.stall;
    } else {
        /* The default candidate, looked at first, is one of the initial
         * designs. */
        if (S->dflt != SIZE_MAX && init > 0)
            init--;
        if ((st = random_new(S, &l, init, c)) != EO_OK ||
            (st = look_list(S, &l, &idx)) != EO_OK)
            goto done;
    }
    st = EO_OK;
    size_t seen = 0;
    while (!S->stop && stall < MAX_STALL && S->res->count < size) {
        /* The front and scale over what is known. */
        size_t *nf = realloc(M.front, (S->res->count ? S->res->count : 1) *
                                          sizeof *nf);
        if (!nf) {
            st = EO_NOMEM;
            goto done;
        }
        M.front = nf;
        for (; seen < S->res->count; seen++)
            front_add(&M, seen);
        model_scale(&M);
        uint64_t left = S->budget - S->res->count;
        size_t want = left < N ? (size_t)left : N;
        if (want == 0)
            break;
        /* Proposals. */
        l.n = 0;
        for (size_t tries = 0; l.n < P && tries < 10 * P; tries++) {
            if ((tries & 1) && M.nf && movable) {
                size_t f = M.front[eo_rng_below(&S->rng, M.nf)];
                memcpy(c, S->res->cands + f * S->nd, S->nd * sizeof *c);
                mutate_some(S, c, movable);
            } else {
                random_cand(S, c);
            }
            bool added;
            if ((st = cl_add_new(S, &l, c, &added)) != EO_OK)
                goto done;
        }
        if (l.n == 0) {
            stall++;
            continue;
        }
        for (size_t j = 0; j < l.n; j++) {
            predict(&M, l.c + j * S->nd, pred + j * (k + 1),
                    pred + j * (k + 1) + k);
            taken[j] = false;
        }
        /* Greedy batch by predicted improvement. */
        double *np = realloc(pts, (M.nf + want + 1) * k * sizeof *np);
        if (!np) {
            st = EO_NOMEM;
            goto done;
        }
        pts = np;
        size_t npts = 0;
        for (size_t j = 0; j < M.nf; j++, npts++)
            for (size_t o = 0; o < k; o++)
                pts[npts * k + o] =
                    (S->res->obj[M.front[j] * k + o] - M.lo[o]) / M.span[o];
        pick.n = 0;
        pt2 *np2 = realloc(stair, (M.nf + want + 1) * sizeof *np2);
        if (!np2) {
            st = EO_NOMEM;
            goto done;
        }
        stair = np2;
        while (pick.n < want && pick.n < l.n) {
            size_t best = SIZE_MAX, ns = 0;
            double best_score = -INFINITY, h0 = 0;
            if (k == 2)
                ns = staircase(pts, npts, stair);
            if (k == 3 &&
                (st = eo_pareto_hypervolume(S->ctx, pts, npts, k, model_ref,
                                            &h0)) != EO_OK)
                goto done;
            for (size_t j = 0; j < l.n; j++) {
                if (taken[j])
                    continue;
                const double *p = pred + j * (k + 1);
                double imp, pf = p[k];
                if ((st = improvement(S, pts, npts, stair, ns, h0, p,
                                      &imp)) != EO_OK)
                    goto done;
                imp = imp > 0 ? imp * (1 - pf) : imp - pf;
                if (best == SIZE_MAX || imp > best_score) {
                    best = j;
                    best_score = imp;
                }
            }
            taken[best] = true;
            uint32_t *slot = cl_push(&pick);
            if (!slot) {
                st = EO_NOMEM;
                goto done;
            }
            memcpy(slot, l.c + best * S->nd, S->nd * sizeof *slot);
            memcpy(pts + npts * k, pred + best * (k + 1), k * sizeof *pts);
            npts++;
        }
        free(idx);
        size_t before = S->res->count;
        if ((st = look_list(S, &pick, &idx)) != EO_OK)
            goto done;
        stall = S->res->count == before ? stall + 1 : 0;
    }
    if (st == EO_OK && growing(S)) {
        S->warm.have = true;
        S->warm.stall = stall;
    }
done:
    free(idx);
    free(pred);
    free(taken);
    free(pts);
    free(stair);
    free(M.front);
    free(M.nb_idx);
    free(M.nb_dist);
    free(M.inv);
    free(l.c);
    free(pick.c);
    return st;
}

/* ------------------------------------------------------------------ */
/* Driver                                                              */
/* ------------------------------------------------------------------ */

/* The final Pareto set over everything looked at (failures left out). */
static eo_status
final_front(search *S)
{
    eo_search_result *r = S->res;
    r->front = malloc((r->count ? r->count : 1) * sizeof *r->front);
    if (!r->front)
        return EO_NOMEM;
    r->front_size = 0;
    for (size_t i = 0; i < r->count; i++) {
        if (isinf(r->viol[i]))
            continue;
        bool dominated = false;
        for (size_t j = 0; j < r->count && !dominated; j++)
            dominated = j != i &&
                        eo_pareto_dominates(r->obj + j * S->k, r->viol[j],
                                            r->obj + i * S->k, r->viol[i],
                                            S->k);
        if (!dominated)
            r->front[r->front_size++] = i;
    }
    return EO_OK;
}

/* Batches beyond this size are cut to it (allocation sizes stay sane). */
#define MAX_BATCH ((size_t)1 << 16)

static const char *const algo_names[] = {
    [EO_SEARCH_EXHAUSTIVE] = "exhaustive", [EO_SEARCH_RANDOM] = "random",
    [EO_SEARCH_NSGA2] = "nsga2",           [EO_SEARCH_ANNEAL] = "anneal",
    [EO_SEARCH_LAYERWISE] = "layerwise",   [EO_SEARCH_MODEL] = "model",
};
#define NUM_ALGOS (sizeof algo_names / sizeof *algo_names)

const char *
eo_search_algo_name(eo_search_algo a)
{
    return (unsigned)a < NUM_ALGOS ? algo_names[a] : "unknown";
}

int
eo_search_algo_from_name(const char *name)
{
    for (size_t i = 0; name && i < NUM_ALGOS; i++)
        if (!strcmp(name, algo_names[i]))
            return (int)i;
    return -1;
}

/* One run of the algorithm over the current space. */
static eo_status
run_algo(search *S, uint32_t *c)
{
    eo_status st = EO_OK;
    /* NSGA-II and the model-guided search look at the default candidate
     * first, as its own request, so their front is never worse than the
     * default compile (annealing and layer-wise search start from it
     * anyway; exhaustive enumeration reaches it in order; random search
     * stays the unbiased baseline the others are measured against). */
    if (S->o->algo == EO_SEARCH_NSGA2 || S->o->algo == EO_SEARCH_MODEL) {
        eo_space_default(S->space, c);
        st = look(S, c, &S->dflt);
    }
    if (st != EO_OK || S->stop)
        return st;
    switch (S->o->algo) {
    case EO_SEARCH_EXHAUSTIVE:
        return run_exhaustive(S, c);
    case EO_SEARCH_RANDOM:
        return run_random(S, c);
    case EO_SEARCH_NSGA2:
        return run_nsga2(S, c);
    case EO_SEARCH_ANNEAL:
        return run_anneal(S, c);
    case EO_SEARCH_LAYERWISE:
        return run_layerwise(S, c);
    case EO_SEARCH_MODEL:
        return run_model(S, c);
    }
    return EO_OK;
}

/* Adds the discovered knobs to o->grow and rewrites the archive for the
 * grown space (the new dimensions at their defaults: what the archived
 * candidates were evaluated with); *c is resized. */
static eo_status
grow_space(search *S, uint32_t **c)
{
    eo_search_result *r = S->res;
    eo_space *sp = S->o->grow;
    size_t old = S->nd;
    const char **names = malloc((old ? old : 1) * sizeof *names);
    if (!names)
        return EO_NOMEM;
    for (size_t i = 0; i < old; i++)
        names[i] = eo_space_dim_name(sp, i);
    eo_status st = EO_OK;
    size_t added = 0;
    for (size_t i = 0; i < S->nfound && st == EO_OK; i++)
        st = eo_space_grow_json(sp, S->found[i], strlen(S->found[i]),
                                &added);
    for (size_t i = 0; i < S->nfound; i++)
        free(S->found[i]);
    S->nfound = 0;
    if (st != EO_OK || added == 0) {
        free(names);
        return st;
    }
    r->discovered += added;
    size_t nd = eo_space_num_dims(sp);
    size_t cap = S->cap ? S->cap : 1;
    long *from = malloc(nd * sizeof *from);
    uint32_t *nc = malloc(cap * nd * sizeof *nc);
    uint32_t *nbuf = malloc(nd * sizeof *nbuf);
    size_t *slots = S->nslots ? calloc(S->nslots, sizeof *slots) : NULL;
    if (!from || !nc || !nbuf || (S->nslots && !slots)) {
        free(names);
        free(from);
        free(nc);
        free(nbuf);
        free(slots);
        return EO_NOMEM;
    }
    /* Both name lists are sorted: merge them. */
    for (size_t j = 0, i = 0; j < nd; j++) {
        const char *n = eo_space_dim_name(sp, j);
        from[j] = i < old && names[i] == n ? (long)i++ : -1;
    }
    uint32_t *dflt = nbuf;
    eo_space_default(sp, dflt);
    for (size_t a = 0; a < r->count; a++)
        for (size_t j = 0; j < nd; j++)
            nc[a * nd + j] = from[j] >= 0 ? r->cands[a * old + from[j]]
                                          : dflt[j];
    free(names);
    free(from);
    free(r->cands);
    r->cands = nc;
    S->nd = nd;
    r->ndims = nd;
    free(S->slots);
    S->slots = slots;
    for (size_t a = 0; slots && a < r->count; a++)
        slots[find_slot(S, r->cands + a * nd)] = a + 1;
    free(*c);
    *c = nbuf;
    return EO_OK;
}

eo_status
eo_search_run(eo_ctx *ctx, const eo_space *s, const eo_search_opts *opts,
              eo_search_result *res)
{
    memset(res, 0, sizeof *res);
    if ((!opts->evaluate && !opts->evaluate_batch) ||
        opts->num_objectives < 1 ||
        opts->num_objectives > EO_NUM_OBJECTIVES || (opts->db && !opts->key))
        return eo_emit_error(ctx, NULL, "search: needs an evaluator, 1 to 3 "
                             "objectives, and a key with a database");
    for (size_t i = 0; i < opts->num_objectives; i++)
        if ((unsigned)opts->objectives[i] >= EO_NUM_OBJECTIVES)
            return eo_emit_error(ctx, NULL, "search: unknown objective %d",
                                 (int)opts->objectives[i]);
    if ((unsigned)opts->algo >= NUM_ALGOS)
        return eo_emit_error(ctx, NULL, "search: unknown algorithm %d",
                             (int)opts->algo);
    search S = { .ctx = ctx, .space = s, .o = opts, .res = res };
    S.nd = eo_space_num_dims(s);
    S.k = opts->num_objectives;
    S.budget = opts->budget ? opts->budget : UINT64_MAX;
    S.batch = opts->batch ? opts->batch : 64;
    S.batch = S.batch < MAX_BATCH ? S.batch : MAX_BATCH;
    res->ndims = S.nd;
    res->k = S.k;
    S.dflt = SIZE_MAX;
    eo_rng_seed(&S.rng, opts->seed);
    uint32_t *c = malloc((S.nd ? S.nd : 1) * sizeof *c);
    eo_status st = c ? EO_OK : EO_NOMEM;
    if (st == EO_OK && opts->grow && opts->grow != s)
        st = eo_emit_error(ctx, NULL, "search: the space to grow must be "
                           "the space searched");
    /* Discovered knobs end a run of the algorithm: it runs again on the
     * grown space, with the archive, going on from the state it left in
     * S.warm (NSGA-II, annealing, layer-wise and model-guided search) or
     * from its start (random and exhaustive); docs/explorer.md,
     * "Conditional knobs". */
    while (st == EO_OK) {
        st = run_algo(&S, c);
        if (st != EO_OK || !S.nfound)
            break;
        if ((st = grow_space(&S, &c)) != EO_OK || res->interrupted ||
            res->count >= S.budget)
            break;
        S.stop = false;
        res->restarts++;
    }
    for (size_t i = 0; i < S.nfound; i++)
        free(S.found[i]);
    free(S.found);
    free(S.warm.pop);
    free(c);
    free(S.slots);
    eo_strbuf_free(&S.buf);
    eo_status fs = res->count ? final_front(&S) : EO_OK;
    if (st == EO_OK)
        st = fs;
    if (opts->algo != EO_SEARCH_ANNEAL && res->front_size)
        res->best = res->front[0];
    return st;
}

void
eo_search_result_free(eo_search_result *res)
{
    free(res->cands);
    free(res->obj);
    free(res->viol);
    free(res->front);
    memset(res, 0, sizeof *res);
}

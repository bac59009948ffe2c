/* explorer/search.c - the search algorithms: exhaustive, random (without
 * replacement), NSGA-II and simulated annealing, all deterministic for a
 * seed, under an evaluation budget, reusing the results database.
 *
 * Every candidate a search looks at goes through look(): a candidate seen
 * before in this run is free; one recorded in the database is reused (not
 * evaluated again) but counts towards the budget like a new one, so a
 * resumed run takes exactly the path of an uninterrupted one.
 */
#include "explorer/explorer.h"

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

typedef struct search {
    eo_ctx *ctx;
    const eo_space *space;
    const eo_search_opts *o;
    eo_search_result *res;
    size_t nd, k, cap;
    uint64_t budget;
    char **keys;            /* hash table of canonical forms */
    size_t *slot_idx;
    size_t nslots;
    eo_strbuf buf;
    eo_rng rng;
    bool stop;              /* budget spent */
} search;

static uint64_t
hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

/* The slot of 'key' (empty if absent). */
static size_t
find_slot(const search *S, const char *key)
{
    size_t m = S->nslots - 1, i = (size_t)hash_str(key) & m;
    while (S->keys[i] && strcmp(S->keys[i], key) != 0)
        i = (i + 1) & m;
    return i;
}

static eo_status
grow(search *S)
{
    eo_search_result *r = S->res;
    if (r->count == S->cap) {
        size_t cap = S->cap ? 2 * S->cap : 64;
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
    if (2 * (r->count + 1) > S->nslots) {
        size_t n = S->nslots ? 2 * S->nslots : 128;
        char **keys = calloc(n, sizeof *keys);
        size_t *idx = malloc(n * sizeof *idx);
        if (!keys || !idx) {
            free(keys);
            free(idx);
            return EO_NOMEM;
        }
        char **ok = S->keys;
        size_t *oi = S->slot_idx, on = S->nslots;
        S->keys = keys;
        S->slot_idx = idx;
        S->nslots = n;
        for (size_t i = 0; i < on; i++)
            if (ok[i]) {
                size_t s = find_slot(S, ok[i]);
                keys[s] = ok[i];
                idx[s] = oi[i];
            }
        free(ok);
        free(oi);
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

/* Looks at 'cand': *idx is its archive index, or SIZE_MAX when the budget
 * is spent (S->stop is then set). */
static eo_status
look(search *S, const uint32_t *cand, size_t *idx)
{
    *idx = SIZE_MAX;
    S->buf.len = 0;
    if (S->buf.data)
        S->buf.data[0] = '\0';
    eo_status st = eo_space_format(S->space, cand, &S->buf);
    if (st != EO_OK)
        return st;
    if ((st = grow(S)) != EO_OK)
        return st;
    const char *key = S->buf.data ? S->buf.data : "";
    size_t slot = find_slot(S, key);
    if (S->keys[slot]) {
        *idx = S->slot_idx[slot];
        return EO_OK;
    }
    eo_search_result *r = S->res;
    if (r->count >= S->budget) {
        S->stop = true;
        return EO_OK;
    }
    eo_eval_outcome out;
    bool found = false;
    if (S->o->db &&
        (st = eo_resdb_get(S->o->db, S->o->key, key, &found, &out)) != EO_OK)
        return st;
    if (found) {
        r->reused++;
    } else {
        memset(&out, 0, sizeof out);
        for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
            out.obj[i] = NAN;
        double t = now_s();
        if ((st = S->o->evaluate(S->o->ud, cand, key, &out)) != EO_OK)
            return EO_ERROR;
        out.message[sizeof out.message - 1] = '\0';
        out.wall_s = now_s() - t;
        out.timestamp = (int64_t)time(NULL);
        r->evaluated++;
        if (S->o->db &&
            (st = eo_resdb_put(S->o->db, S->o->key, key, &out)) != EO_OK)
            return st;
    }
    char *copy = malloc(S->buf.len + 1);
    if (!copy)
        return EO_NOMEM;
    memcpy(copy, key, S->buf.len + 1);
    size_t i = r->count++;
    if (S->nd)
        memcpy(r->cands + i * S->nd, cand, S->nd * sizeof *cand);
    score(S, &out, r->obj + i * S->k, &r->viol[i]);
    S->keys[slot] = copy;
    S->slot_idx[slot] = i;
    *idx = i;
    return EO_OK;
}

static void
random_cand(search *S, uint32_t *c)
{
    for (size_t d = 0; d < S->nd; d++)
        c[d] = (uint32_t)eo_rng_below(&S->rng,
                                      eo_space_dim_size(S->space, d));
}

/* ------------------------------------------------------------------ */
/* Exhaustive and random                                               */
/* ------------------------------------------------------------------ */

static eo_status
run_exhaustive(search *S, uint32_t *c)
{
    memset(c, 0, (S->nd ? S->nd : 1) * sizeof *c);
    for (;;) {
        size_t idx;
        eo_status st = look(S, c, &idx);
        if (st != EO_OK || S->stop)
            return st;
        size_t d = S->nd;
        while (d > 0) {
            d--;
            if (++c[d] < eo_space_dim_size(S->space, d))
                break;
            c[d] = 0;
            if (d == 0)
                return EO_OK;
        }
        if (S->nd == 0)
            return EO_OK;
    }
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
    if (size <= SHUFFLE_MAX) {
        /* Small space: a shuffled enumeration, no repeat at all. */
        uint32_t *perm = malloc(size * sizeof *perm);
        if (!perm)
            return EO_NOMEM;
        for (uint32_t i = 0; i < size; i++)
            perm[i] = i;
        for (uint64_t i = size; i > 1; i--) {
            uint64_t j = eo_rng_below(&S->rng, i);
            uint32_t t = perm[i - 1];
            perm[i - 1] = perm[j];
            perm[j] = t;
        }
        eo_status st = EO_OK;
        for (uint64_t i = 0; i < size && st == EO_OK && !S->stop; i++) {
            size_t idx;
            decode(S, perm[i], c);
            st = look(S, c, &idx);
        }
        free(perm);
        return st;
    }
    /* Large space: draw and skip repeats. */
    for (unsigned dups = 0; dups < MAX_DUPLICATES;) {
        size_t before = S->res->count, idx;
        random_cand(S, c);
        eo_status st = look(S, c, &idx);
        if (st != EO_OK || S->stop)
            return st;
        dups = S->res->count == before ? dups + 1 : 0;
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* NSGA-II                                                             */
/* ------------------------------------------------------------------ */

typedef struct member {
    size_t idx;             /* archive index */
    size_t rank;
    double crowd;
} member;

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

/* Keeps the best 'keep' of pool[0..n) by (front, crowding); computes
 * their rank and crowding (within the kept set's fronts). */
static eo_status
select_survivors(search *S, member *pool, size_t n, size_t keep,
                 size_t *kept)
{
    size_t k = S->k;
    *kept = 0;
    if (n == 0)
        return EO_OK;
    double *obj = malloc(n * k * sizeof *obj);
    double *viol = malloc((n ? n : 1) * sizeof *viol);
    size_t *rank = malloc((n ? n : 1) * sizeof *rank);
    size_t *mem = malloc((n ? n : 1) * sizeof *mem);
    double *dist = malloc((n ? n : 1) * sizeof *dist);
    crowd_key *ck = malloc((n ? n : 1) * sizeof *ck);
    member *out = malloc((n ? n : 1) * sizeof *out);
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
    for (size_t r = 0; m < keep && m < n; r++) {
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

#define MAX_STALL 20

static eo_status
run_nsga2(search *S, uint32_t *c)
{
    size_t N = S->o->population ? S->o->population : 20;
    N += N & 1;
    double pc = S->o->crossover > 0 ? S->o->crossover : 0.9;
    double pm = S->o->mutation > 0 ? S->o->mutation
                                   : 1.0 / (double)(S->nd ? S->nd : 1);
    uint64_t size = eo_space_size(S->space);
    member *pool = malloc(2 * N * sizeof *pool);
    uint32_t *c2 = malloc((S->nd ? S->nd : 1) * sizeof *c2);
    eo_status st = EO_NOMEM;
    if (!pool || !c2)
        goto done;
    /* The first population: distinct random candidates. */
    size_t n = 0;
    st = EO_OK;
    for (size_t tries = 0; n < N && tries < 20 * N && !S->stop; tries++) {
        size_t idx;
        random_cand(S, c);
        if ((st = look(S, c, &idx)) != EO_OK)
            goto done;
        if (idx != SIZE_MAX && !in_pool(pool, n, idx))
            pool[n++] = (member){ idx, 0, 0 };
    }
    if ((st = select_survivors(S, pool, n, N, &n)) != EO_OK)
        goto done;
    for (unsigned stall = 0; !S->stop && stall < MAX_STALL && n > 0 &&
                             S->res->count < size;) {
        size_t before = S->res->count, m = n;
        for (size_t tries = 0; m < n + N && tries < 20 * N && !S->stop;
             tries++) {
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
            for (int child = 0; child < 2 && m < n + N && !S->stop;
                 child++) {
                uint32_t *x = child ? c2 : c;
                for (size_t d = 0; d < S->nd; d++) {
                    uint32_t sz = eo_space_dim_size(S->space, d);
                    if (sz > 1 && eo_rng_unit(&S->rng) < pm) {
                        uint32_t v = (uint32_t)eo_rng_below(&S->rng, sz - 1);
                        x[d] = v >= x[d] ? v + 1 : v;
                    }
                }
                size_t idx;
                if ((st = look(S, x, &idx)) != EO_OK)
                    goto done;
                if (idx != SIZE_MAX && !in_pool(pool, m, idx))
                    pool[m++] = (member){ idx, 0, 0 };
            }
        }
        if ((st = select_survivors(S, pool, m, N, &n)) != EO_OK)
            goto done;
        stall = S->res->count == before ? stall + 1 : 0;
    }
done:
    free(pool);
    free(c2);
    return st;
}

/* ------------------------------------------------------------------ */
/* Simulated annealing on a weighted sum                               */
/* ------------------------------------------------------------------ */

static double
scalar(const search *S, size_t idx, const double *w)
{
    double f = 0;
    for (size_t i = 0; i < S->k; i++)
        f += w[i] * S->res->obj[idx * S->k + i];
    return f;
}

/* Whether archive entry a is better than b: less violation, then a
 * smaller weighted sum. */
static bool
better(const search *S, size_t a, size_t b, const double *w)
{
    double va = S->res->viol[a], vb = S->res->viol[b];
    if (va != vb)
        return va < vb;
    return scalar(S, a, w) < scalar(S, b, w);
}

static eo_status
run_anneal(search *S, uint32_t *c)
{
    double w[EO_NUM_OBJECTIVES];
    bool any = false;
    for (size_t i = 0; i < S->k; i++)
        any |= S->o->weights[i] != 0;
    for (size_t i = 0; i < S->k; i++)
        w[i] = any ? S->o->weights[i] : 1.0;
    double cooling = S->o->cooling > 0 && S->o->cooling < 1 ? S->o->cooling
                                                            : 0.97;
    uint32_t *cur = malloc((S->nd ? S->nd : 1) * sizeof *cur);
    if (!cur)
        return EO_NOMEM;
    eo_space_default(S->space, cur);
    size_t ci, best;
    eo_status st = look(S, cur, &ci);
    if (st != EO_OK || ci == SIZE_MAX) {
        free(cur);
        return st;
    }
    best = ci;
    double f0 = fabs(scalar(S, ci, w));
    double T = (S->o->t0 > 0 ? S->o->t0 : 0.1) *
               (isfinite(f0) && f0 > 0 ? f0 : 1.0);
    size_t movable = 0;
    for (size_t d = 0; d < S->nd; d++)
        movable += eo_space_dim_size(S->space, d) > 1;
    uint64_t size = eo_space_size(S->space);
    unsigned max_stall = 200 * (unsigned)(S->nd < 1000 ? S->nd + 1 : 1000);
    for (unsigned stall = 0; movable && !S->stop && stall < max_stall &&
                             S->res->count < size;) {
        memcpy(c, cur, S->nd * sizeof *c);
        size_t pick = (size_t)eo_rng_below(&S->rng, movable), d = 0;
        for (;; d++)
            if (eo_space_dim_size(S->space, d) > 1 && pick-- == 0)
                break;
        uint32_t sz = eo_space_dim_size(S->space, d);
        uint32_t v = (uint32_t)eo_rng_below(&S->rng, sz - 1);
        c[d] = v >= c[d] ? v + 1 : v;
        size_t before = S->res->count, ni;
        if ((st = look(S, c, &ni)) != EO_OK || ni == SIZE_MAX)
            break;
        stall = S->res->count == before ? stall + 1 : 0;
        double u = eo_rng_unit(&S->rng);
        bool take;
        if (better(S, ni, ci, w))
            take = true;
        else if (S->res->viol[ni] != S->res->viol[ci])
            take = false;
        else
            take = u < exp(-(scalar(S, ni, w) - scalar(S, ci, w)) / T);
        if (take) {
            ci = ni;
            memcpy(cur, c, S->nd * sizeof *c);
        }
        if (better(S, ni, best, w))
            best = ni;
        T *= cooling;
        if (T < 1e-300)
            T = 1e-300;
    }
    S->res->best = best;
    free(cur);
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

eo_status
eo_search_run(eo_ctx *ctx, const eo_space *s, const eo_search_opts *opts,
              eo_search_result *res)
{
    memset(res, 0, sizeof *res);
    if (!opts->evaluate || opts->num_objectives < 1 ||
        opts->num_objectives > EO_NUM_OBJECTIVES || (opts->db && !opts->key))
        return eo_emit_error(ctx, NULL, "search: needs an evaluator, 1 to 3 "
                             "objectives, and a key with a database");
    for (size_t i = 0; i < opts->num_objectives; i++)
        if ((unsigned)opts->objectives[i] >= EO_NUM_OBJECTIVES)
            return eo_emit_error(ctx, NULL, "search: unknown objective %d",
                                 (int)opts->objectives[i]);
    if ((unsigned)opts->algo > EO_SEARCH_ANNEAL)
        return eo_emit_error(ctx, NULL, "search: unknown algorithm %d",
                             (int)opts->algo);
    search S = { .ctx = ctx, .space = s, .o = opts, .res = res };
    S.nd = eo_space_num_dims(s);
    S.k = opts->num_objectives;
    S.budget = opts->budget ? opts->budget : UINT64_MAX;
    res->ndims = S.nd;
    res->k = S.k;
    eo_rng_seed(&S.rng, opts->seed);
    uint32_t *c = malloc((S.nd ? S.nd : 1) * sizeof *c);
    eo_status st = c ? EO_OK : EO_NOMEM;
    if (st == EO_OK) {
        switch (opts->algo) {
        case EO_SEARCH_EXHAUSTIVE:
            st = run_exhaustive(&S, c);
            break;
        case EO_SEARCH_RANDOM:
            st = run_random(&S, c);
            break;
        case EO_SEARCH_NSGA2:
            st = run_nsga2(&S, c);
            break;
        case EO_SEARCH_ANNEAL:
            st = run_anneal(&S, c);
            break;
        }
    }
    free(c);
    for (size_t i = 0; i < S.nslots; i++)
        free(S.keys[i]);
    free(S.keys);
    free(S.slot_idx);
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

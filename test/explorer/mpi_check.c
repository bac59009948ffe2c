/* test/explorer/mpi_check.c - explorer/mpi.h under mpirun (driven by
 * check-mpi.sh): every rank runs this program; rank 0 evaluates batches
 * through an eo_mpi_pool and checks them against in-process evaluation,
 * the others serve. Modes (argv[1]):
 *
 *   basic         batches of 48, 1, 0 and 5 candidates equal in-process
 *                 results, in candidate order
 *   mismatch      rank 2's space differs: every rank reports, none hangs
 *   root-stops    rank 0 stops before creating a pool: workers report
 *   worker-fails  rank 1 never serves: rank 0 and rank 2 report
 *   eval-error    a worker's evaluator fails internally: rank 0's batch
 *                 fails naming the candidate; the next batch works
 *   grow          candidates with fuse.a.enable off discover a knob: the
 *                 knobs come back with the outcomes; rank 0 grows its
 *                 space, the workers follow, and batches over the grown
 *                 space (the new knob varied) equal in-process results
 *   single        one rank: the pool refuses to start
 *   evaluator M T a real eo_evaluator (model M, target T), isolated
 *                 workers on ranks 1.., against eo_evaluator_run
 *
 * Each rank prints "rank R: error: MSG" for its diagnostics and "rank R:
 * ..." lines for what it checked, and exits 0 when it saw what it
 * expected. The evaluation function below is test data, not a model.
 */
#include "explorer/explorer.h"
#include "explorer/mpi.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int rank_, errors_;

static void
print_diag(const eo_diag *d, void *ud)
{
    (void)ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    errors_++;
    printf("rank %d: error: %s\n", rank_, d->message);
}

static int failures_;

#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            printf("rank %d: FAILED: %s (line %d)\n", rank_, #cond,       \
                   __LINE__);                                             \
            failures_++;                                                  \
        }                                                                 \
    } while (0)

static const char space_json[] =
    "{\"knobs\": ["
    "{\"name\": \"fuse.a.enable\", \"domain\": {\"kind\": \"bool\"},"
    " \"default\": true},"
    "{\"name\": \"sched.b.order\", \"domain\": {\"kind\": \"enum\","
    " \"names\": [\"ijk\", \"kij\", \"jik\"]}, \"default\": \"kij\"},"
    "{\"name\": \"unroll.c.factor\", \"domain\": {\"kind\": \"set\","
    " \"values\": [1, 2, 4, 8]}, \"default\": 1}]}";

/* Rank 2's space in mode mismatch: another default. */
static const char other_json[] =
    "{\"knobs\": ["
    "{\"name\": \"fuse.a.enable\", \"domain\": {\"kind\": \"bool\"},"
    " \"default\": false},"
    "{\"name\": \"sched.b.order\", \"domain\": {\"kind\": \"enum\","
    " \"names\": [\"ijk\", \"kij\", \"jik\"]}, \"default\": \"kij\"},"
    "{\"name\": \"unroll.c.factor\", \"domain\": {\"kind\": \"set\","
    " \"values\": [1, 2, 4, 8]}, \"default\": 1}]}";

/* The knob mode grow discovers (sorted last, so the other dimensions
 * keep their indices). */
static const char grown_json[] =
    "{\"knobs\": [{\"name\": \"vectorize.d.width\", \"domain\": "
    "{\"kind\": \"set\", \"values\": [1, 4, 8]}, \"default\": 1, "
    "\"site\": \"d\", \"depends_on\": [{\"name\": \"fuse.a.enable\", "
    "\"value\": false}]}]}";

typedef struct fake {
    eo_ctx *ctx;
    int served;
    const char *error_on;   /* an assignment to fail internally on */
    const eo_space *s;      /* mode grow: the space (grows on workers) */
} fake;

static uint64_t
hash_str(const char *s)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
    return h;
}

/* Deterministic outcomes from the candidate and its canonical form; ranks
 * sleep a little, differently, so outcomes arrive out of order. */
static eo_status
fake_eval(void *ud, const uint32_t *cand, const char *assignment,
          eo_eval_outcome *o)
{
    fake *f = ud;
    f->served++;
    if (rank_ > 0) {
        struct timespec ts = { 0, (long)((cand[3] * 3 + (uint32_t)rank_) % 4)
                                  * 2000000L };
        nanosleep(&ts, NULL);
    }
    if (f->error_on && strcmp(assignment, f->error_on) == 0)
        return eo_emit_error(f->ctx, NULL, "fake evaluator: internal error "
                             "on '%s'", assignment);
    uint64_t h = hash_str(assignment);
    double extra = 0;
    if (f->s && cand[0] == 0) {
        /* fuse.a.enable off asks vectorize.d.width. */
        long d = eo_space_find(f->s, "vectorize.d.width");
        if (d < 0) {
            if (!(o->discovered = malloc(sizeof grown_json)))
                return EO_NOMEM;
            memcpy(o->discovered, grown_json, sizeof grown_json);
        } else {
            extra = 1e-4 * (1 + cand[d]);
        }
    }
    if (cand[1] == 2 && cand[3] == 3) {
        o->status = EO_EVAL_FAILED;
        snprintf(o->message, sizeof o->message, "rejected: %s", assignment);
        return EO_OK;
    }
    o->obj[EO_OBJ_LATENCY] = 1e-3 * (cand[0] + 2.0 * cand[1] +
                                     3.0 * cand[2]) + 1e-9 * (double)(h % 997)
                             + extra;
    o->obj[EO_OBJ_ENERGY] = cand[0] ? NAN : 0.25 * cand[2];
    o->obj[EO_OBJ_MEMORY] = (double)(h >> 40);
    return EO_OK;
}

static eo_space *
make_space(eo_ctx *ctx, const char *json)
{
    eo_space *s = eo_space_create(ctx);
    double clock[] = { 1e8, 2.5e8 };
    if (!s || eo_space_load_json(s, json, strlen(json)) != EO_OK ||
        eo_space_add_axis(s, "target.clock", clock, 2) != EO_OK) {
        eo_space_destroy(s);
        return NULL;
    }
    return s;
}

static bool
same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

static bool
same_outcome(const eo_eval_outcome *a, const eo_eval_outcome *b)
{
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
        if (!same_double(a->obj[i], b->obj[i]))
            return false;
    if (!a->discovered != !b->discovered ||
        (a->discovered && strcmp(a->discovered, b->discovered) != 0))
        return false;
    return a->status == b->status && strcmp(a->message, b->message) == 0;
}

/* n candidates of 's' from 'first' on: a scrambled enumeration of small
 * spaces, random ones of large spaces; cands (n * nd) and their canonical
 * forms (assign[i], to free). */
static bool
make_batch(const eo_space *s, size_t n, size_t first, uint32_t *cands,
           char **assign)
{
    size_t nd = eo_space_num_dims(s);
    uint64_t total = eo_space_size(s);
    eo_rng rng;
    eo_rng_seed(&rng, first);
    for (size_t i = 0; i < n; i++) {
        uint64_t x = ((first + i) * 29 + 7) % total;
        for (size_t d = nd; d-- > 0;) {
            uint32_t size = eo_space_dim_size(s, d);
            cands[i * nd + d] = total > 100000
                                    ? (uint32_t)eo_rng_below(&rng, size)
                                    : (uint32_t)(x % size);
            x /= size;
        }
        eo_strbuf b = { 0 };
        if (eo_space_format(s, cands + i * nd, &b) != EO_OK || b.oom)
            return false;
        assign[i] = b.data;
    }
    return true;
}

static void
prefill(eo_eval_outcome *o, size_t n)
{
    memset(o, 0, n * sizeof *o);
    for (size_t i = 0; i < n; i++)
        for (int k = 0; k < EO_NUM_OBJECTIVES; k++)
            o[i].obj[k] = NAN;
}

typedef eo_status (*local_fn)(void *ud, const eo_space *s,
                              const uint32_t *cand, const char *assignment,
                              eo_eval_outcome *out);

static eo_status
local_fake(void *ud, const eo_space *s, const uint32_t *cand,
           const char *assignment, eo_eval_outcome *out)
{
    (void)s;
    return fake_eval(ud, cand, assignment, out);
}

static eo_status
local_evaluator(void *ud, const eo_space *s, const uint32_t *cand,
                const char *assignment, eo_eval_outcome *out)
{
    (void)assignment;
    return eo_evaluator_run(ud, s, cand, out, NULL);
}

/* One batch of n through the pool, compared with in-process evaluation.
 * 'want' is the status eo_mpi_evaluate should return. */
static void
check_batch(eo_mpi_pool *p, const eo_space *s, size_t n, size_t first,
            local_fn local, void *ud, eo_status want)
{
    size_t nd = eo_space_num_dims(s);
    uint32_t *cands = calloc(n * nd + 1, sizeof *cands);
    char **assign = calloc(n + 1, sizeof *assign);
    eo_eval_outcome *outs = calloc(n + 1, sizeof *outs);
    eo_eval_outcome *ref = calloc(n + 1, sizeof *ref);
    CHECK(cands && assign && outs && ref);
    if (!cands || !assign || !outs || !ref)
        goto done;
    CHECK(make_batch(s, n, first, cands, assign));
    prefill(outs, n);
    eo_status st = eo_mpi_evaluate(p, n, cands, (const char *const *)assign,
                                   outs);
    CHECK(st == want);
    if (st != EO_OK)
        goto done;
    size_t failed = 0, found = 0;
    for (size_t i = 0; i < n; i++) {
        prefill(&ref[i], 1);
        CHECK(local(ud, s, cands + i * nd, assign[i], &ref[i]) == EO_OK);
        if (!same_outcome(&outs[i], &ref[i])) {
            printf("rank 0: candidate %zu (%s): pool %d '%s' %g, local %d "
                   "'%s' %g\n", i, assign[i], outs[i].status,
                   outs[i].message, outs[i].obj[0], ref[i].status,
                   ref[i].message, ref[i].obj[0]);
            failures_++;
        }
        CHECK(outs[i].wall_s > 0 && outs[i].timestamp > 0);
        failed += outs[i].status != EO_EVAL_OK;
        found += outs[i].discovered != NULL;
    }
    printf("rank 0: batch of %zu equal to in-process (%zu failed)\n", n,
           failed);
    if (found)
        printf("rank 0: batch of %zu: %zu discovered knobs\n", n, found);
done:
    for (size_t i = 0; outs && ref && i < n; i++) {
        free(outs[i].discovered);
        free(ref[i].discovered);
    }
    for (size_t i = 0; assign && i < n; i++)
        free(assign[i]);
    free(assign);
    free(cands);
    free(outs);
    free(ref);
}

static int
run_root(eo_ctx *ctx, const char *mode, eo_space *s)
{
    fake f = { ctx, 0, NULL, NULL };
    if (strcmp(mode, "root-stops") == 0) {
        printf("rank 0: stopping before the pool\n");
        return 0;
    }
    eo_mpi_pool *p = eo_mpi_pool_create(ctx, s);
    if (strcmp(mode, "mismatch") == 0 || strcmp(mode, "worker-fails") == 0 ||
        strcmp(mode, "single") == 0) {
        CHECK(p == NULL);
        CHECK(errors_ > 0);
        eo_mpi_pool_destroy(p);
        return 0;
    }
    CHECK(p != NULL);
    if (!p)
        return 0;
    if (strcmp(mode, "grow") == 0) {
        f.s = s;
        check_batch(p, s, 12, 0, local_fake, &f, EO_OK);
        size_t added = 0;
        CHECK(eo_space_grow_json(s, grown_json, strlen(grown_json),
                                 &added) == EO_OK && added == 1);
        CHECK(eo_space_num_dims(s) == 5);
        check_batch(p, s, 40, 12, local_fake, &f, EO_OK);
        check_batch(p, s, 3, 52, local_fake, &f, EO_OK);
        CHECK(errors_ == 0);
    } else if (strcmp(mode, "eval-error") == 0) {
        /* Candidate 3 of the scrambled order fails on the worker. */
        check_batch(p, s, 8, 0, local_fake, &f, EO_ERROR);
        CHECK(errors_ == 1);
        check_batch(p, s, 8, 8, local_fake, &f, EO_OK);
    } else {
        check_batch(p, s, 48, 0, local_fake, &f, EO_OK);
        check_batch(p, s, 1, 5, local_fake, &f, EO_OK);
        check_batch(p, s, 0, 0, local_fake, &f, EO_OK);
        check_batch(p, s, 5, 11, local_fake, &f, EO_OK);
        CHECK(errors_ == 0);
    }
    eo_mpi_pool_destroy(p);
    return 0;
}

static void
run_worker(eo_ctx *ctx, const char *mode, eo_space *s)
{
    fake f = { ctx, 0, NULL, strcmp(mode, "grow") == 0 ? s : NULL };
    if (strcmp(mode, "worker-fails") == 0 && rank_ == 1) {
        printf("rank 1: not serving\n");
        return;
    }
    char *bad = NULL;
    if (strcmp(mode, "eval-error") == 0) {
        uint32_t c[4];
        char *a[1];
        CHECK(make_batch(s, 1, 3, c, a));
        f.error_on = bad = a[0];
    }
    eo_status st = eo_mpi_serve_fn(ctx, s, fake_eval, &f);
    bool refused = strcmp(mode, "mismatch") == 0 ||
                   strcmp(mode, "root-stops") == 0 ||
                   strcmp(mode, "worker-fails") == 0;
    if (refused) {
        CHECK(st == EO_ERROR && errors_ == 1 && f.served == 0);
    } else if (strcmp(mode, "eval-error") == 0) {
        /* The rank that met the bad candidate reports it; both go on. */
        CHECK(errors_ <= 1 && (errors_ == 1) == (st == EO_ERROR));
    } else {
        CHECK(st == EO_OK && errors_ == 0);
        CHECK(f.served > 0);
    }
    printf("rank %d: served %d\n", rank_, f.served);
    free(bad);
}

/* Mode evaluator: the real evaluator on every rank. */
static void
run_evaluator(eo_ctx *ctx, const char *model, const char *target)
{
    eo_evaluator_opts o = { 0 };
    o.model_path = model;
    o.target = target;
    eo_evaluator *ev = eo_evaluator_create(ctx, &o);
    eo_strbuf json = { 0 };
    eo_space *s = NULL;
    if (ev && eo_evaluator_discover(ev, &json) == EO_OK && !json.oom &&
        (s = eo_space_create(ctx)) != NULL &&
        eo_space_load_json(s, json.data, json.len) != EO_OK) {
        eo_space_destroy(s);
        s = NULL;
    }
    eo_strbuf_free(&json);
    CHECK(s != NULL);
    if (rank_ == 0) {
        eo_mpi_pool *p = s ? eo_mpi_pool_create(ctx, s) : NULL;
        CHECK(p != NULL);
        if (p) {
            uint64_t total = eo_space_size(s);
            size_t n = total < 12 ? (size_t)total : 12;
            check_batch(p, s, n, 0, local_evaluator, ev, EO_OK);
        }
        eo_mpi_pool_destroy(p);
    } else if (s) {
        CHECK(eo_mpi_serve(ctx, ev, s, 60) == EO_OK);
        printf("rank %d: served\n", rank_);
    }
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

int
main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc < 2) {
        fprintf(stderr, "usage: mpi_check MODE [MODEL TARGET]\n");
        return 2;
    }
    const char *mode = argv[1];
    const char *model = argc > 3 ? argv[2] : NULL;
    const char *target = argc > 3 ? argv[3] : NULL;
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return 1;
    eo_ctx_set_diag_handler(ctx, print_diag, NULL);
    int size = 0;
    if (eo_mpi_init(ctx, &argc, &argv, &rank_, &size) != EO_OK) {
        eo_ctx_destroy(ctx);
        return 1;
    }
    /* A second call only answers rank and size. */
    int r2 = -1, s2 = -1;
    CHECK(eo_mpi_init(ctx, &argc, &argv, &r2, &s2) == EO_OK);
    CHECK(r2 == rank_ && s2 == size);
    if (strcmp(mode, "evaluator") == 0) {
        CHECK(model && target);
        if (model && target)
            run_evaluator(ctx, model, target);
    } else {
        bool other = strcmp(mode, "mismatch") == 0 && rank_ == 2;
        eo_space *s = make_space(ctx, other ? other_json : space_json);
        CHECK(s != NULL);
        if (s && rank_ == 0)
            run_root(ctx, mode, s);
        else if (s)
            run_worker(ctx, mode, s);
        eo_space_destroy(s);
    }
    eo_mpi_finalize();
    eo_mpi_finalize();      /* a no-op */
    eo_ctx_destroy(ctx);
    printf("rank %d: %s\n", rank_, failures_ ? "FAILED" : "done");
    return failures_ ? 1 : 0;
}

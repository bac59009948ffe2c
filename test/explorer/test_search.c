/* test/explorer/test_search.c - the search algorithms on analytic
 * problems: exhaustive coverage and database reuse, random search without
 * repeats, NSGA-II on a discretized ZDT1 (front quality, hypervolume
 * growing with the budget, determinism per seed), resuming an interrupted
 * run, constraints, and annealing on a scalarized objective.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    eo_ctx *ctx;
    int errors;
    char dir[64], path[128];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR)
        f->errors++;
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_search_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/r.sqlite", f->dir);
    *state = f;
    return 0;
}

static void
remove_db(const char *path)
{
    char p[160];
    static const char *const sfx[] = { "", "-wal", "-shm" };
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, sfx[i]);
        unlink(p);
    }
}

static int
teardown(void **state)
{
    fixture *f = *state;
    remove_db(f->path);
    rmdir(f->dir);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* n range knobs x0..x{n-1}, each 0..m-1. */
static eo_space *
grid_space(eo_ctx *ctx, int n, int m)
{
    eo_strbuf b = { 0 };
    eo_strbuf_puts(&b, "{\"knobs\": [");
    for (int i = 0; i < n; i++)
        eo_strbuf_printf(&b, "%s{\"name\": \"x%d\", \"domain\": {\"kind\": "
                         "\"range\", \"lo\": 0, \"hi\": %d, \"step\": 1}, "
                         "\"default\": 0}", i ? ", " : "", i, m - 1);
    eo_strbuf_puts(&b, "]}");
    eo_space *s = eo_space_create(ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, b.data, b.len), EO_OK);
    eo_strbuf_free(&b);
    return s;
}

typedef struct problem {
    int n;                  /* dimensions */
    double scale;           /* index -> x */
    long calls;
    long stop_after;        /* interrupt after this many calls (0: never) */
    int failing;            /* x0 index that fails (-1: none) */
} problem;

/* ZDT1 over x_i = idx_i * scale in [0, 1]. */
static eo_status
zdt1(void *ud, const uint32_t *c, const char *a, eo_eval_outcome *out)
{
    problem *p = ud;
    (void)a;
    if (p->stop_after && p->calls >= p->stop_after)
        return EO_ERROR;
    p->calls++;
    if ((int)c[0] == p->failing) {
        out->status = EO_EVAL_FAILED;
        snprintf(out->message, sizeof out->message, "boom");
        return EO_OK;
    }
    double f1 = c[0] * p->scale, g = 0;
    for (int i = 1; i < p->n; i++)
        g += c[i] * p->scale;
    g = 1 + 9 * g / (p->n - 1);
    out->status = EO_EVAL_OK;
    out->obj[EO_OBJ_LATENCY] = f1;
    out->obj[EO_OBJ_ENERGY] = g * (1 - sqrt(f1 / g));
    out->obj[EO_OBJ_MEMORY] = 100 * f1;
    return EO_OK;
}

static eo_search_opts
zdt_opts(eo_search_algo algo, uint64_t seed, uint64_t budget, problem *p)
{
    eo_search_opts o = { .algo = algo, .seed = seed, .budget = budget,
                         .objectives = { EO_OBJ_LATENCY, EO_OBJ_ENERGY },
                         .num_objectives = 2, .population = 24,
                         .evaluate = zdt1, .ud = p };
    return o;
}

static double
front_hv(eo_ctx *ctx, const eo_search_result *r)
{
    double *pts = malloc((r->front_size + 1) * 2 * sizeof *pts);
    assert_non_null(pts);
    for (size_t i = 0; i < r->front_size; i++) {
        pts[2 * i] = r->obj[r->front[i] * 2];
        pts[2 * i + 1] = r->obj[r->front[i] * 2 + 1];
    }
    double ref[] = { 1.1, 1.1 }, hv;
    assert_int_equal(eo_pareto_hypervolume(ctx, pts, r->front_size, 2, ref,
                                           &hv), EO_OK);
    free(pts);
    return hv;
}

/* The true front of the discretized ZDT1: x0 = i/10, the rest 0. */
static double
true_hv(eo_ctx *ctx)
{
    double pts[22], ref[] = { 1.1, 1.1 }, hv;
    for (int i = 0; i <= 10; i++) {
        pts[2 * i] = i * 0.1;
        pts[2 * i + 1] = 1 - sqrt(i * 0.1);
    }
    assert_int_equal(eo_pareto_hypervolume(ctx, pts, 11, 2, ref, &hv),
                     EO_OK);
    return hv;
}

static void
test_exhaustive(void **state)
{
    fixture *f = *state;
    eo_space *s = grid_space(f->ctx, 3, 4);
    problem p = { .n = 3, .scale = 1.0 / 3, .failing = 2 };
    eo_search_opts o = zdt_opts(EO_SEARCH_EXHAUSTIVE, 1, 0, &p);
    eo_resdb *db;
    eo_eval_key key = { "m", "t", "p", "zdt1" };
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    o.db = db;
    o.key = &key;
    eo_search_result r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.count, 64);
    assert_int_equal(r.evaluated, 64);
    /* Every candidate once, in index order. */
    for (size_t i = 0; i < 64; i++)
        for (size_t d = 0; d < 3; d++)
            assert_int_equal(r.cands[i * 3 + d], (i >> (2 * (2 - d))) & 3);
    /* The front is the true one without the failing x0 = 2/3 point. */
    assert_int_equal(r.front_size, 3);
    for (size_t i = 0; i < r.front_size; i++) {
        const uint32_t *c = r.cands + r.front[i] * 3;
        assert_int_not_equal(c[0], 2);
        assert_int_equal(c[1], 0);
        assert_int_equal(c[2], 0);
    }
    eo_search_result_free(&r);
    int64_t n;
    assert_int_equal(eo_resdb_count(db, &key, &n), EO_OK);
    assert_int_equal(n, 64);

    /* Again on the same database: nothing is evaluated twice. */
    p.calls = 0;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.count, 64);
    assert_int_equal(r.evaluated, 0);
    assert_int_equal(r.reused, 64);
    assert_int_equal(p.calls, 0);
    assert_int_equal(r.front_size, 3);
    eo_search_result_free(&r);

    /* A budget cuts the enumeration. */
    o.db = NULL;
    o.budget = 10;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.count, 10);
    eo_search_result_free(&r);
    eo_resdb_close(db);
    eo_space_destroy(s);
    assert_int_equal(f->errors, 0);
}

static void
test_random(void **state)
{
    fixture *f = *state;
    eo_space *s = grid_space(f->ctx, 3, 4);
    problem p = { .n = 3, .scale = 1.0 / 3, .failing = -1 };
    eo_search_opts o = zdt_opts(EO_SEARCH_RANDOM, 5, 0, &p);
    eo_search_result r, r2;
    /* No budget: the whole space, each candidate once. */
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.count, 64);
    assert_int_equal(p.calls, 64);
    bool seen[64] = { false };
    for (size_t i = 0; i < 64; i++) {
        const uint32_t *c = r.cands + i * 3;
        unsigned id = c[0] * 16 + c[1] * 4 + c[2];
        assert_false(seen[id]);
        seen[id] = true;
    }
    eo_search_result_free(&r);
    o.budget = 20;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r2), EO_OK);
    assert_int_equal(r.count, 20);
    assert_memory_equal(r.cands, r2.cands, 20 * 3 * sizeof *r.cands);
    eo_search_result_free(&r2);
    o.seed = 6;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r2), EO_OK);
    assert_true(memcmp(r.cands, r2.cands, 20 * 3 * sizeof *r.cands) != 0);
    eo_search_result_free(&r);
    eo_search_result_free(&r2);

    /* A large space draws without repeats too. */
    eo_space *big = grid_space(f->ctx, 6, 11);
    problem pb = { .n = 6, .scale = 0.1, .failing = -1 };
    o = zdt_opts(EO_SEARCH_RANDOM, 9, 300, &pb);
    assert_int_equal(eo_search_run(f->ctx, big, &o, &r), EO_OK);
    assert_int_equal(r.count, 300);
    assert_int_equal(pb.calls, 300);
    eo_search_result_free(&r);
    eo_space_destroy(big);
    eo_space_destroy(s);
}

static void
test_nsga2_zdt1(void **state)
{
    fixture *f = *state;
    eo_space *s = grid_space(f->ctx, 5, 11);   /* 161051 candidates */
    double truth = true_hv(f->ctx);
    problem p = { .n = 5, .scale = 0.1, .failing = -1 };
    eo_search_result r, r2, rr;

    eo_search_opts o = zdt_opts(EO_SEARCH_NSGA2, 1, 200, &p);
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    double hv_small = front_hv(f->ctx, &r);
    eo_search_result_free(&r);

    o.budget = 1500;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.count, 1500);
    double hv = front_hv(f->ctx, &r);
    assert_true(hv > hv_small);
    assert_true(hv >= 0.99 * truth);
    /* Random search at the same budget does worse. */
    o.algo = EO_SEARCH_RANDOM;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &rr), EO_OK);
    assert_true(front_hv(f->ctx, &rr) < hv);
    eo_search_result_free(&rr);

    /* Same seed, same sequence; another seed, another one. */
    o.algo = EO_SEARCH_NSGA2;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r2), EO_OK);
    assert_int_equal(r2.count, r.count);
    assert_memory_equal(r.cands, r2.cands, r.count * 5 * sizeof *r.cands);
    eo_search_result_free(&r2);
    o.seed = 2;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r2), EO_OK);
    assert_true(memcmp(r.cands, r2.cands, 100 * 5 * sizeof *r.cands) != 0);
    assert_true(front_hv(f->ctx, &r2) >= 0.99 * truth);
    eo_search_result_free(&r2);
    eo_search_result_free(&r);
    eo_space_destroy(s);
}

static void
test_resume(void **state)
{
    fixture *f = *state;
    eo_space *s = grid_space(f->ctx, 5, 11);
    eo_eval_key key = { "m", "t", "p", "zdt1" };
    eo_search_result full, part, resumed;

    /* Uninterrupted. */
    problem p = { .n = 5, .scale = 0.1, .failing = 3 };
    eo_search_opts o = zdt_opts(EO_SEARCH_NSGA2, 11, 400, &p);
    assert_int_equal(eo_search_run(f->ctx, s, &o, &full), EO_OK);

    /* Interrupted after 137 evaluations, then resumed. */
    eo_resdb *db;
    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    problem q = { .n = 5, .scale = 0.1, .failing = 3, .stop_after = 137 };
    o.ud = &q;
    o.db = db;
    o.key = &key;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &part), EO_ERROR);
    assert_int_equal(part.evaluated, 137);
    eo_search_result_free(&part);
    eo_resdb_close(db);

    assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
    q.stop_after = 0;
    q.calls = 0;
    o.db = db;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &resumed), EO_OK);
    assert_int_equal(resumed.reused, 137);
    assert_int_equal(resumed.evaluated, 400 - 137);
    assert_int_equal(q.calls, 400 - 137);
    int64_t n;
    assert_int_equal(eo_resdb_count(db, &key, &n), EO_OK);
    assert_int_equal(n, 400);
    eo_resdb_close(db);

    /* The same path and the same Pareto set. */
    assert_int_equal(resumed.count, full.count);
    assert_memory_equal(resumed.cands, full.cands,
                        full.count * 5 * sizeof *full.cands);
    assert_int_equal(resumed.front_size, full.front_size);
    assert_memory_equal(resumed.front, full.front,
                        full.front_size * sizeof *full.front);
    for (size_t i = 0; i < full.count * 2; i++)
        assert_true(resumed.obj[i] == full.obj[i]);
    eo_search_result_free(&full);
    eo_search_result_free(&resumed);
    eo_space_destroy(s);
    assert_int_equal(f->errors, 0);     /* the evaluator reports its own */
}

/* memory <= 50 makes x0 > 0.5 infeasible: no such point on the front. */
static void
test_constraint(void **state)
{
    fixture *f = *state;
    eo_space *s = grid_space(f->ctx, 3, 11);
    problem p = { .n = 3, .scale = 0.1, .failing = -1 };
    eo_search_opts o = zdt_opts(EO_SEARCH_NSGA2, 3, 300, &p);
    o.limit[EO_OBJ_MEMORY] = 50;
    o.objectives[2] = EO_OBJ_MEMORY;
    o.num_objectives = 3;
    eo_search_result r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_true(r.front_size > 0);
    for (size_t i = 0; i < r.front_size; i++) {
        assert_true(r.viol[r.front[i]] == 0);
        assert_true(r.cands[r.front[i] * 3] <= 5);
    }
    eo_search_result_free(&r);
    eo_space_destroy(s);
}

/* sum (x_i - 0.7)^2 as latency. */
static eo_status
bowl(void *ud, const uint32_t *c, const char *a, eo_eval_outcome *out)
{
    problem *p = ud;
    (void)a;
    p->calls++;
    double v = 0;
    for (int i = 0; i < p->n; i++)
        v += (c[i] * p->scale - 0.7) * (c[i] * p->scale - 0.7);
    out->status = EO_EVAL_OK;
    out->obj[EO_OBJ_LATENCY] = v;
    out->obj[EO_OBJ_ENERGY] = 1;
    return EO_OK;
}

static void
test_anneal(void **state)
{
    fixture *f = *state;
    eo_space *s = grid_space(f->ctx, 6, 11);
    problem p = { .n = 6, .scale = 0.1, .failing = -1 };
    eo_search_opts o = { .algo = EO_SEARCH_ANNEAL, .seed = 4, .budget = 400,
                         .objectives = { EO_OBJ_LATENCY, EO_OBJ_ENERGY },
                         .num_objectives = 2, .weights = { 1, 0 },
                         .evaluate = bowl, .ud = &p };
    eo_search_result r, r2;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    double start = r.obj[0], best = r.obj[r.best * 2];
    assert_true(fabs(start - 6 * 0.49) < 1e-12);  /* the default */
    assert_true(best < 0.05 * start);
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r2), EO_OK);
    assert_int_equal(r2.best, r.best);
    assert_int_equal(r2.count, r.count);
    eo_search_result_free(&r);
    eo_search_result_free(&r2);
    eo_space_destroy(s);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_exhaustive, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nsga2_zdt1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_constraint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_anneal, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/explorer/test_search_batch.c - batched evaluation and the
 * layer-wise and model-guided searches on synthetic problems: batch and
 * single evaluation (and every batch size) give identical archives for
 * every algorithm; the budget holds; a run resumed from a database takes
 * the same path without evaluating its prefix again; the progress
 * callback interrupts; layer-wise and model-guided search find the true
 * front of a small space (from exhaustive enumeration) with a fraction
 * of it; every algorithm beats random search at equal budget on average
 * over seeds.
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

#define NUM_ALGOS 6

typedef struct fixture {
    eo_ctx *ctx;
    int errors;
    char dir[64], path[128];
    eo_space *layered;      /* 3 layers x 2 knobs, 1728 candidates */
    eo_space *zdt;          /* 6 dims x 5 values, 15625 candidates */
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR)
        f->errors++;
}

/* Three layers conv1..conv3, each with tile.<site>.0 in {0, 2, 4, 8}
 * and unroll.<site>.factor in {1, 2, 4} (listed in JSON by name, as
 * edge-opt --list-knobs does), plus one site-less knob with one value. */
static eo_space *
layered_space(eo_ctx *ctx)
{
    eo_strbuf b = { 0 };
    eo_strbuf_puts(&b, "{\"knobs\": [");
    for (int l = 1; l <= 3; l++)
        eo_strbuf_printf(&b, "{\"name\": \"tile.conv%d.0\", \"domain\": "
                         "{\"kind\": \"set\", \"values\": [0, 2, 4, 8]}, "
                         "\"default\": 0, \"site\": \"conv%d\"}, ", l, l);
    eo_strbuf_puts(&b, "{\"name\": \"tl.fixed\", \"domain\": {\"kind\": "
                   "\"set\", \"values\": [3]}, \"default\": 3, "
                   "\"site\": null}");
    for (int l = 1; l <= 3; l++)
        eo_strbuf_printf(&b, ", {\"name\": \"unroll.conv%d.factor\", "
                         "\"domain\": {\"kind\": \"set\", \"values\": "
                         "[1, 2, 4]}, \"default\": 1, \"site\": "
                         "\"conv%d\"}", l, l);
    eo_strbuf_puts(&b, "]}");
    eo_space *s = eo_space_create(ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, b.data, b.len), EO_OK);
    eo_strbuf_free(&b);
    return s;
}

/* Six range knobs x0..x5 in 0..4, one site each. */
static eo_space *
zdt_space(eo_ctx *ctx)
{
    eo_strbuf b = { 0 };
    eo_strbuf_puts(&b, "{\"knobs\": [");
    for (int i = 0; i < 6; i++)
        eo_strbuf_printf(&b, "%s{\"name\": \"x%d\", \"domain\": {\"kind\": "
                         "\"range\", \"lo\": 0, \"hi\": 4}, \"default\": 2, "
                         "\"site\": \"L%d\"}", i ? ", " : "", i, i);
    eo_strbuf_puts(&b, "]}");
    eo_space *s = eo_space_create(ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, b.data, b.len), EO_OK);
    eo_strbuf_free(&b);
    return s;
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_searchb_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/r.sqlite", f->dir);
    f->layered = layered_space(f->ctx);
    f->zdt = zdt_space(f->ctx);
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
    eo_space_destroy(f->layered);
    eo_space_destroy(f->zdt);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

typedef struct problem {
    const eo_space *space;
    bool zdt;               /* else the layered problem */
    long calls, batches;
    size_t max_batch;
    long stop_after;        /* error once this many calls are made (0: no) */
} problem;

/* The value of dimension 'name' in 'c'. */
static uint32_t
val(const problem *p, const uint32_t *c, const char *name)
{
    long d = eo_space_find(p->space, name);
    assert_true(d >= 0);
    return c[d];
}

/* Layered: per layer, a bigger tile and unroll cut latency and cost
 * energy (separable over layers, with interactions inside a layer); a
 * tile of 8 with unroll 4 in conv2 fails. ZDT1 over x_i / 4, except
 * that x0 = 3 with x1 = 0 fails. */
static void
objective(const problem *p, const uint32_t *c, eo_eval_outcome *out)
{
    char name[64];
    if (p->zdt) {
        if (c[0] == 3 && c[1] == 0) {
            out->status = EO_EVAL_FAILED;
            snprintf(out->message, sizeof out->message, "boom");
            return;
        }
        double f1 = c[0] / 4.0, g = 0;
        for (int i = 1; i < 6; i++)
            g += c[i] / 4.0;
        g = 1 + 9 * g / 5;
        out->obj[EO_OBJ_LATENCY] = f1;
        out->obj[EO_OBJ_ENERGY] = g * (1 - sqrt(f1 / g));
        return;
    }
    double lat = 0, en = 0, mem = 0;
    static const double w[] = { 1.0, 2.5, 0.7 };
    for (int l = 0; l < 3; l++) {
        snprintf(name, sizeof name, "tile.conv%d.0", l + 1);
        double t = val(p, c, name);
        snprintf(name, sizeof name, "unroll.conv%d.factor", l + 1);
        double u = val(p, c, name);
        if (l == 1 && t == 3 && u == 2) {
            out->status = EO_EVAL_FAILED;
            snprintf(out->message, sizeof out->message, "no registers");
            return;
        }
        lat += w[l] * (8 / (1 + t) + 3 / (1 + u) + 0.3 * t * u);
        en += w[l] * (1 + 0.4 * pow(t, 1.5) + 0.7 * u + 0.1 * (t - u) *
                      (t - u));
        double m = (1 + t * t) * (3 - u) * (l + 1);
        mem = m > mem ? m : mem;
    }
    out->obj[EO_OBJ_LATENCY] = lat;
    out->obj[EO_OBJ_ENERGY] = en;
    out->obj[EO_OBJ_MEMORY] = mem;
}

static eo_status
eval_one(void *ud, const uint32_t *c, const char *a, eo_eval_outcome *out)
{
    problem *p = ud;
    (void)a;
    if (p->stop_after && p->calls >= p->stop_after)
        return EO_ERROR;
    p->calls++;
    p->batches++;
    p->max_batch = p->max_batch > 1 ? p->max_batch : 1;
    objective(p, c, out);
    return EO_OK;
}

static eo_status
eval_batch(void *ud, size_t n, const uint32_t *cands,
           const char *const *assignments, eo_eval_outcome *outs)
{
    problem *p = ud;
    size_t nd = eo_space_num_dims(p->space);
    if (p->stop_after && p->calls + (long)n > p->stop_after)
        return EO_ERROR;
    p->batches++;
    p->max_batch = p->max_batch > n ? p->max_batch : n;
    eo_strbuf b = { 0 };
    for (size_t i = 0; i < n; i++) {
        /* Outcomes come prefilled; the assignment is the candidate's. */
        assert_int_equal(outs[i].status, EO_EVAL_OK);
        assert_true(isnan(outs[i].obj[EO_OBJ_MEMORY]));
        b.len = 0;
        assert_int_equal(eo_space_format(p->space, cands + i * nd, &b),
                         EO_OK);
        assert_string_equal(b.data, assignments[i]);
        p->calls++;
        objective(p, cands + i * nd, &outs[i]);
    }
    eo_strbuf_free(&b);
    return EO_OK;
}

/* Every candidate is on the front: (sum of indices, minus it). */
static eo_status
order_eval(void *ud, const uint32_t *c, const char *a, eo_eval_outcome *out)
{
    const problem *p = ud;
    (void)a;
    double x = 0;
    for (size_t d = 0; d < eo_space_num_dims(p->space); d++)
        x += c[d] * (double)(d + 1);
    out->obj[EO_OBJ_LATENCY] = x;
    out->obj[EO_OBJ_ENERGY] = -x;
    return EO_OK;
}

static eo_search_opts
opts_for(eo_search_algo algo, uint64_t seed, uint64_t budget, problem *p)
{
    eo_search_opts o = { .algo = algo, .seed = seed, .budget = budget,
                         .objectives = { EO_OBJ_LATENCY, EO_OBJ_ENERGY },
                         .num_objectives = 2, .evaluate = eval_one,
                         .ud = p };
    return o;
}

static void
assert_same(const eo_search_result *a, const eo_search_result *b)
{
    assert_int_equal(a->count, b->count);
    assert_int_equal(a->ndims, b->ndims);
    assert_memory_equal(a->cands, b->cands,
                        a->count * a->ndims * sizeof *a->cands);
    for (size_t i = 0; i < a->count * a->k; i++)
        assert_true(a->obj[i] == b->obj[i]);
    for (size_t i = 0; i < a->count; i++)
        assert_true(a->viol[i] == b->viol[i]);
    assert_int_equal(a->front_size, b->front_size);
    assert_memory_equal(a->front, b->front,
                        a->front_size * sizeof *a->front);
    assert_int_equal(a->best, b->best);
}

/* Normalized objectives' hypervolume of r's front against ref. */
static double
front_hv(eo_ctx *ctx, const eo_search_result *r, const double *ref)
{
    double *pts = malloc((r->front_size + 1) * 2 * sizeof *pts), hv;
    assert_non_null(pts);
    for (size_t i = 0; i < r->front_size; i++) {
        pts[2 * i] = r->obj[r->front[i] * 2];
        pts[2 * i + 1] = r->obj[r->front[i] * 2 + 1];
    }
    assert_int_equal(eo_pareto_hypervolume(ctx, pts, r->front_size, 2, ref,
                                           &hv), EO_OK);
    free(pts);
    return hv;
}

static void
test_names(void **state)
{
    (void)state;
    for (int a = 0; a < NUM_ALGOS; a++)
        assert_int_equal(eo_search_algo_from_name(
                             eo_search_algo_name((eo_search_algo)a)), a);
    assert_string_equal(eo_search_algo_name(EO_SEARCH_LAYERWISE),
                        "layerwise");
    assert_string_equal(eo_search_algo_name(EO_SEARCH_MODEL), "model");
    assert_int_equal(eo_search_algo_from_name("nsga3"), -1);
    assert_int_equal(eo_search_algo_from_name(""), -1);
    assert_int_equal(eo_search_algo_from_name(NULL), -1);
}

/* Every algorithm: one at a time, and batches of 1, 3 and 64, give the
 * same archive; the budget holds; no batch is larger than asked. */
static void
test_batch_equivalence(void **state)
{
    fixture *f = *state;
    for (int z = 0; z < 2; z++) {
        eo_space *s = z ? f->zdt : f->layered;
        for (int a = 0; a < NUM_ALGOS; a++) {
            uint64_t budget = a == EO_SEARCH_EXHAUSTIVE ? 100 : 150;
            problem p = { .space = s, .zdt = z };
            eo_search_opts o = opts_for((eo_search_algo)a, 7, budget, &p);
            o.population = 12;
            eo_search_result ref;
            assert_int_equal(eo_search_run(f->ctx, s, &o, &ref), EO_OK);
            assert_true(ref.count <= budget);
            assert_int_equal(ref.evaluated, ref.count);
            assert_int_equal(p.calls, (long)ref.count);
            if (a != EO_SEARCH_ANNEAL)
                assert_int_equal(ref.count, budget);
            static const size_t sizes[] = { 1, 3, 64 };
            for (int b = 0; b < 3; b++) {
                problem q = { .space = s, .zdt = z };
                o.ud = &q;
                o.evaluate_batch = eval_batch;
                o.batch = sizes[b];
                eo_search_result r;
                assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
                assert_same(&ref, &r);
                assert_int_equal(q.calls, (long)r.count);
                assert_true(q.max_batch <= sizes[b]);
                if (sizes[b] > 1 && a != EO_SEARCH_ANNEAL)
                    assert_true(q.batches < q.calls);
                eo_search_result_free(&r);
            }
            eo_search_result_free(&ref);
        }
    }
    assert_int_equal(f->errors, 0);
}

static bool
stop_at_25(void *ud, const eo_search_result *res, size_t idx,
           const eo_eval_outcome *o)
{
    size_t *seen = ud;
    assert_int_equal(idx, *seen);
    assert_true(idx < res->count);
    assert_true(o->status == EO_EVAL_OK || o->status == EO_EVAL_FAILED);
    (*seen)++;
    return idx != 24;
}

/* Every algorithm, killed in the middle of a batch and resumed on the
 * same database, takes the path of an uninterrupted run: the recorded
 * prefix is reused, not evaluated; then a rerun evaluates nothing. The
 * progress callback interrupts a run cleanly. */
static void
test_resume_and_progress(void **state)
{
    fixture *f = *state;
    eo_eval_key key = { "m", "t", "p", "synthetic" };
    for (int a = 0; a < NUM_ALGOS; a++) {
        eo_space *s = f->layered;
        eo_search_result full, part, resumed, again;
        problem p = { .space = s };
        eo_search_opts o = opts_for((eo_search_algo)a, 3, 120, &p);
        o.population = 10;
        o.evaluate_batch = eval_batch;
        o.batch = 8;
        assert_int_equal(eo_search_run(f->ctx, s, &o, &full), EO_OK);

        /* Killed: the batch in flight (calls 41..48) is lost. */
        remove_db(f->path);
        eo_resdb *db;
        assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
        problem q = { .space = s, .stop_after = 45 };
        o.ud = &q;
        o.db = db;
        o.key = &key;
        assert_int_equal(eo_search_run(f->ctx, s, &o, &part), EO_ERROR);
        int64_t n;
        assert_int_equal(eo_resdb_count(db, &key, &n), EO_OK);
        assert_true(n == (int64_t)part.evaluated);
        assert_true(n <= 45 && n > 45 - 8);
        assert_true(part.count >= (size_t)n);
        eo_search_result_free(&part);

        /* Resumed, one at a time this time. */
        problem r = { .space = s };
        o.ud = &r;
        o.evaluate_batch = NULL;
        assert_int_equal(eo_search_run(f->ctx, s, &o, &resumed), EO_OK);
        assert_same(&full, &resumed);
        assert_int_equal(resumed.reused, (uint64_t)n);
        assert_int_equal(resumed.evaluated, full.count - (uint64_t)n);
        assert_int_equal(r.calls, (long)(full.count - (uint64_t)n));

        /* Everything recorded: nothing evaluated. */
        problem z = { .space = s };
        o.ud = &z;
        o.evaluate_batch = eval_batch;
        assert_int_equal(eo_search_run(f->ctx, s, &o, &again), EO_OK);
        assert_same(&full, &again);
        assert_int_equal(again.evaluated, 0);
        assert_int_equal(z.calls, 0);
        eo_search_result_free(&again);
        eo_resdb_close(db);

        /* Interrupted by the progress callback after 25 candidates: EO_OK,
         * every evaluated candidate is in the archive, a prefix of the
         * uninterrupted run's. */
        size_t seen = 0;
        problem w = { .space = s };
        o.ud = &w;
        o.db = NULL;
        o.progress = stop_at_25;
        o.progress_ud = &seen;
        assert_int_equal(eo_search_run(f->ctx, s, &o, &again), EO_OK);
        assert_true(again.interrupted);
        assert_int_equal(seen, 25);
        assert_true(again.count >= 25 && again.count <= 25 + 8);
        assert_int_equal(again.count, (size_t)w.calls);
        assert_memory_equal(again.cands, full.cands,
                            again.count * full.ndims * sizeof *full.cands);
        eo_search_result_free(&again);
        eo_search_result_free(&full);
        eo_search_result_free(&resumed);
    }
    assert_int_equal(f->errors, 0);
}

/* The true front of the layered problem, from exhaustive enumeration,
 * as a sorted list of (latency, energy) pairs. */
static size_t
front_points(const eo_search_result *r, double *pts)
{
    size_t n = r->front_size;
    for (size_t i = 0; i < n; i++) {
        pts[2 * i] = r->obj[r->front[i] * 2];
        pts[2 * i + 1] = r->obj[r->front[i] * 2 + 1];
    }
    /* Insertion sort by latency. */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && pts[2 * j] < pts[2 * j - 2]; j--) {
            double t0 = pts[2 * j], t1 = pts[2 * j + 1];
            pts[2 * j] = pts[2 * j - 2];
            pts[2 * j + 1] = pts[2 * j - 1];
            pts[2 * j - 2] = t0;
            pts[2 * j - 1] = t1;
        }
    return n;
}

static void
test_true_front(void **state)
{
    fixture *f = *state;
    eo_space *s = f->layered;
    problem p = { .space = s };
    eo_search_opts o = opts_for(EO_SEARCH_EXHAUSTIVE, 1, 0, &p);
    eo_search_result ex, r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &ex), EO_OK);
    assert_int_equal(ex.count, 1728);
    double truth[2 * 1728], got[2 * 1728];
    size_t nt = front_points(&ex, truth);
    assert_true(nt >= 10);
    double ref[2] = { 0, 0 };
    for (size_t i = 0; i < ex.count; i++)
        for (int j = 0; j < 2; j++)
            if (isfinite(ex.obj[i * 2 + j]) && ex.obj[i * 2 + j] > ref[j])
                ref[j] = ex.obj[i * 2 + j];
    double hv_true = front_hv(f->ctx, &ex, ref);

    /* Layer-wise: the exact front with a quarter of the space. */
    for (uint64_t seed = 1; seed <= 3; seed++) {
        problem q = { .space = s };
        o = opts_for(EO_SEARCH_LAYERWISE, seed, 432, &q);
        o.population = 40;
        assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
        assert_true(r.count <= 432);
        if (getenv("EO_TEST_VERBOSE"))
            fprintf(stderr, "layerwise seed %d: %zu looked at, front %zu "
                    "of %zu\n", (int)seed, r.count, r.front_size, nt);
        assert_int_equal(front_points(&r, got), nt);
        assert_memory_equal(got, truth, 2 * nt * sizeof *got);
        eo_search_result_free(&r);
    }
    /* Model-guided: the exact front, or at least 99.5% of its
     * hypervolume, with a quarter of the space. */
    for (uint64_t seed = 1; seed <= 3; seed++) {
        problem q = { .space = s };
        o = opts_for(EO_SEARCH_MODEL, seed, 432, &q);
        assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
        assert_int_equal(r.count, 432);
        double hv = front_hv(f->ctx, &r, ref);
        if (getenv("EO_TEST_VERBOSE"))
            fprintf(stderr, "model seed %d: hv %.6f of %.6f, ref %g %g\n",
                    (int)seed, hv, hv_true, ref[0], ref[1]);
        assert_true(hv >= 0.995 * hv_true);
        eo_search_result_free(&r);
    }
    eo_search_result_free(&ex);
}

/* One and three objectives: every algorithm gives the same archive one
 * at a time and in batches of 5, within the budget; with one objective
 * the searches come within 2% of the minimum. */
static void
test_one_and_three_objectives(void **state)
{
    fixture *f = *state;
    eo_space *s = f->layered;
    problem p = { .space = s };
    eo_search_opts o = opts_for(EO_SEARCH_EXHAUSTIVE, 1, 0, &p);
    o.num_objectives = 1;
    eo_search_result ex;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &ex), EO_OK);
    double min = ex.obj[ex.best];
    for (size_t i = 0; i < ex.count; i++)
        assert_true(ex.obj[i] >= min);
    eo_search_result_free(&ex);
    for (size_t k = 1; k <= 3; k += 2)
        for (int a = EO_SEARCH_NSGA2; a < NUM_ALGOS; a++) {
            problem q = { .space = s }, q2 = { .space = s };
            o = opts_for((eo_search_algo)a, 5, 120, &q);
            o.num_objectives = k;
            o.objectives[2] = EO_OBJ_MEMORY;
            o.limit[EO_OBJ_MEMORY] = 60;
            eo_search_result r, r2;
            assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
            assert_true(r.count <= 120 && r.count > 20);
            assert_true(r.front_size > 0);
            o.ud = &q2;
            o.evaluate_batch = eval_batch;
            o.batch = 5;
            assert_int_equal(eo_search_run(f->ctx, s, &o, &r2), EO_OK);
            assert_same(&r, &r2);
            if (k == 1)
                assert_true(r.obj[r.best] <= 1.02 * min);
            for (size_t i = 0; i < r.front_size && k == 3; i++)
                assert_true(r.viol[r.front[i]] == 0);
            eo_search_result_free(&r);
            eo_search_result_free(&r2);
        }
    assert_int_equal(f->errors, 0);
}

/* Layers follow the knob-space JSON's order of sites, not the names'
 * order; site-less dimensions come last. */
static void
test_layer_order(void **state)
{
    fixture *f = *state;
    static const char json[] =
        "{\"knobs\": ["
        "{\"name\": \"z.k\", \"domain\": {\"kind\": \"set\", \"values\": "
        "[1, 2, 3]}, \"default\": 1, \"site\": \"first\"},"
        "{\"name\": \"m.k\", \"domain\": {\"kind\": \"bool\"}, "
        "\"default\": false},"
        "{\"name\": \"a.k\", \"domain\": {\"kind\": \"set\", \"values\": "
        "[1, 2]}, \"default\": 1, \"site\": \"second\"},"
        "{\"name\": \"b.k\", \"domain\": {\"kind\": \"bool\"}, "
        "\"default\": false, \"site\": \"first\"}]}";
    eo_space *s = eo_space_create(f->ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, json, strlen(json)), EO_OK);
    /* Dims by name: a.k (second), b.k (first), m.k (none), z.k (first). */
    problem p = { .space = s, .zdt = true };
    eo_search_opts o = opts_for(EO_SEARCH_LAYERWISE, 1, 0, &p);
    o.evaluate = order_eval;
    eo_search_result r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    /* The default, then site "first" (b.k x z.k: 6 combinations, the
     * default among them), then "second" for each of those 6 (all on the
     * front), then the site-less m.k. */
    assert_int_equal(r.count, 24);
    for (size_t i = 0; i < r.count; i++) {
        const uint32_t *c = r.cands + i * 4;
        assert_int_equal(c[0], i >= 6 && i < 12 ? 1 : i >= 18);
        assert_int_equal(c[2], i >= 12);
    }
    eo_search_result_free(&r);
    eo_space_destroy(s);
}

/* NSGA-II, annealing, layer-wise and model-guided search look at the
 * default candidate first (with one-at-a-time or batched evaluation, and
 * under a budget of one), so their front is never worse than the default
 * compile. */
static void
test_default_first(void **state)
{
    fixture *f = *state;
    eo_space *s = f->zdt;
    size_t nd = eo_space_num_dims(s);
    uint32_t def[16];
    assert_true(nd <= 16);
    eo_space_default(s, def);
    for (int a = EO_SEARCH_NSGA2; a < NUM_ALGOS; a++)
        for (int batched = 0; batched < 2; batched++)
            for (uint64_t budget = 1; budget <= 60; budget += 59) {
                problem p = { .space = s, .zdt = true };
                eo_search_opts o = opts_for((eo_search_algo)a, 3, budget,
                                            &p);
                if (batched)
                    o.evaluate_batch = eval_batch;
                eo_search_result r;
                assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
                assert_int_equal(r.count, budget);
                assert_int_equal(p.calls, (long)budget);
                assert_memory_equal(r.cands, def, nd * sizeof *def);
                /* Some front point is at least as good as the default. */
                bool covered = false;
                for (size_t i = 0; i < r.front_size && !covered; i++) {
                    const double *q = r.obj + r.front[i] * r.k;
                    covered = q[0] <= r.obj[0] && q[1] <= r.obj[1];
                }
                assert_true(covered);
                eo_search_result_free(&r);
            }
}

/* Mean hypervolume over 6 seeds at a budget of 150 (1% of the ZDT
 * space, 9% of the layered one): every algorithm beats random. */
static void
test_beats_random(void **state)
{
    fixture *f = *state;
    for (int z = 0; z < 2; z++) {
        eo_space *s = z ? f->zdt : f->layered;
        double ref[2] = { 1.1, 11 };
        if (!z) {
            ref[0] = 50;
            ref[1] = 20;
        }
        double mean[NUM_ALGOS] = { 0 };
        for (int a = EO_SEARCH_RANDOM; a < NUM_ALGOS; a++)
            for (uint64_t seed = 1; seed <= 6; seed++) {
                problem p = { .space = s, .zdt = z };
                eo_search_opts o = opts_for((eo_search_algo)a, seed, 150,
                                            &p);
                o.evaluate_batch = eval_batch;
                eo_search_result r;
                assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
                mean[a] += front_hv(f->ctx, &r, ref) / 6;
                eo_search_result_free(&r);
            }
        for (int a = EO_SEARCH_NSGA2; a < NUM_ALGOS; a++) {
            if (getenv("EO_TEST_VERBOSE"))
                fprintf(stderr, "%s %s: %.4f (random %.4f)\n",
                        z ? "zdt" : "layered",
                        eo_search_algo_name((eo_search_algo)a), mean[a],
                        mean[EO_SEARCH_RANDOM]);
            assert_true(mean[a] > mean[EO_SEARCH_RANDOM]);
        }
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test_setup_teardown(test_batch_equivalence, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_resume_and_progress, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_true_front, setup, teardown),
        cmocka_unit_test_setup_teardown(test_layer_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_and_three_objectives, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_default_first, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_beats_random, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/explorer/test_condknobs.c - conditional knobs: a space that grows
 * with the knobs candidates discover (eo_space_grow_json, the search's
 * opts.grow), for every algorithm, deterministically per seed, and the
 * same after resuming from the results database.
 *
 * The evaluator is analytic: knob "b" (0..3) is asked only when knob "a"
 * is true, as a pass asks a knob only on the path another knob opens.
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
    snprintf(f->dir, sizeof f->dir, "%s/eo_condknobs_XXXXXX",
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

static const char base_json[] =
    "{\"knobs\": ["
    "{\"name\": \"a\", \"domain\": {\"kind\": \"bool\"}, \"default\": false},"
    "{\"name\": \"x\", \"domain\": {\"kind\": \"range\", \"lo\": 0, "
    "\"hi\": 7}, \"default\": 0, \"site\": \"L1\"}]}";

static const char b_json[] =
    "{\"knobs\": [{\"name\": \"b\", \"domain\": {\"kind\": \"range\", "
    "\"lo\": 0, \"hi\": 3}, \"default\": 0, \"site\": \"L1\", "
    "\"depends_on\": [{\"name\": \"a\", \"value\": true}]}]}";

static eo_space *
make_space(fixture *f)
{
    eo_space *s = eo_space_create(f->ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, base_json, strlen(base_json)),
                     EO_OK);
    return s;
}

/* The analytic evaluator: "b" is asked when a is true; when the space
 * has no "b" it answers its default and the evaluation reports it. */
static eo_status
evaluate(void *ud, const uint32_t *cand, const char *assignment,
         eo_eval_outcome *out)
{
    const eo_space *s = ud;
    (void)assignment;
    long ia = eo_space_find(s, "a"), ix = eo_space_find(s, "x");
    long ib = eo_space_find(s, "b");
    bool a = cand[ia] == 1;
    double x = (double)cand[ix] / 7.0, b = 0;
    if (a && ib >= 0)
        b = (double)cand[ib] / 3.0;
    if (a && ib < 0) {
        out->discovered = malloc(sizeof b_json);
        if (!out->discovered)
            return EO_NOMEM;
        memcpy(out->discovered, b_json, sizeof b_json);
    }
    /* With a on, b trades the two objectives off at a lower cost. */
    out->obj[EO_OBJ_LATENCY] = x + (a ? 0.5 * (1 - b) : 0.8);
    out->obj[EO_OBJ_ENERGY] = 1 - x + (a ? 0.5 * b : 0.8);
    return EO_OK;
}

static eo_search_opts
opts_for(eo_space *s, eo_search_algo algo, uint64_t budget)
{
    eo_search_opts o = { .algo = algo, .seed = 3, .budget = budget };
    o.objectives[0] = EO_OBJ_LATENCY;
    o.objectives[1] = EO_OBJ_ENERGY;
    o.num_objectives = 2;
    o.evaluate = evaluate;
    o.ud = s;
    o.grow = s;
    o.population = 8;
    return o;
}

/* Every archived candidate's canonical form, one a line. */
static char *
archive_text(const eo_space *s, const eo_search_result *r)
{
    eo_strbuf b = { 0 };
    for (size_t i = 0; i < r->count; i++) {
        assert_int_equal(eo_space_format(s, r->cands + i * r->ndims, &b),
                         EO_OK);
        eo_strbuf_puts(&b, "\n");
    }
    assert_false(b.oom);
    return b.data;
}

static void
test_grow_json(void **state)
{
    fixture *f = *state;
    eo_space *s = make_space(f);
    size_t added = 0;
    assert_int_equal(eo_space_grow_json(s, b_json, strlen(b_json), &added),
                     EO_OK);
    assert_int_equal(added, 1);
    /* Known names are skipped, not duplicates. */
    assert_int_equal(eo_space_grow_json(s, b_json, strlen(b_json), &added),
                     EO_OK);
    assert_int_equal(added, 1);
    assert_int_equal(eo_space_num_dims(s), 3);
    long ib = eo_space_find(s, "b");
    assert_int_equal(ib, 1);
    assert_true(eo_space_dim_is_conditional(s, (size_t)ib));
    assert_false(eo_space_dim_is_conditional(s, 0));
    assert_string_equal(eo_space_dim_depends(s, (size_t)ib),
                        "[{\"name\":\"a\",\"value\":true}]");
    assert_null(eo_space_dim_depends(s, 0));
    /* At its default the conditional knob is left out of the key and the
     * knob lines, and a key without it parses to its default. */
    uint32_t c[3] = { 1, 0, 5 };
    eo_strbuf b = { 0 };
    assert_int_equal(eo_space_format(s, c, &b), EO_OK);
    assert_string_equal(b.data, "a=true,x=5");
    b.len = 0;
    c[1] = 2;
    assert_int_equal(eo_space_format(s, c, &b), EO_OK);
    assert_string_equal(b.data, "a=true,b=2,x=5");
    b.len = 0;
    assert_int_equal(eo_space_knob_lines(s, c, &b), EO_OK);
    assert_string_equal(b.data, "a=true\nb=2\nx=5\n");
    uint32_t p[3] = { 9, 9, 9 };
    assert_int_equal(eo_space_parse(s, "a=false,x=3", p), EO_OK);
    assert_int_equal(p[0], 0);
    assert_int_equal(p[1], 0);
    assert_int_equal(p[2], 3);
    /* A missing unconditional dimension is still an error. */
    assert_int_equal(eo_space_parse(s, "a=false,b=1", p), EO_ERROR);
    assert_int_equal(f->errors, 1);
    eo_strbuf_free(&b);
    eo_space_destroy(s);
}

static bool
refuse_b(void *ud, const char *name)
{
    (void)ud;
    return strcmp(name, "b") != 0;
}

static void
test_grow_filter(void **state)
{
    fixture *f = *state;
    eo_space *s = make_space(f);
    eo_space_set_grow_filter(s, refuse_b, NULL);
    size_t added = 0;
    assert_int_equal(eo_space_grow_json(s, b_json, strlen(b_json), &added),
                     EO_OK);
    assert_int_equal(added, 0);
    assert_int_equal(eo_space_find(s, "b"), -1);
    /* Malformed input is an error, the space unchanged. */
    assert_int_equal(eo_space_grow_json(s, "{\"knobs\": 3}", 12, &added),
                     EO_ERROR);
    assert_int_equal(eo_space_num_dims(s), 2);
    assert_false(eo_space_would_grow(s, b_json, strlen(b_json)));
    /* A search over it never starts over for the refused knob. */
    eo_search_opts o = opts_for(s, EO_SEARCH_NSGA2, 30);
    eo_search_result r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.count, 16);
    assert_int_equal(r.discovered, 0);
    assert_int_equal(r.restarts, 0);
    eo_search_result_free(&r);
    eo_space_destroy(s);
}

/* One run of 'algo' with a growing space: the archive as text. */
static char *
run_once(fixture *f, eo_search_algo algo, uint64_t budget, eo_resdb *db,
         const eo_eval_key *key, eo_search_result *out_res)
{
    eo_space *s = make_space(f);
    eo_search_opts o = opts_for(s, algo, budget);
    o.db = db;
    o.key = key;
    eo_search_result r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    char *t = archive_text(s, &r);
    if (out_res) {
        *out_res = r;
        out_res->cands = NULL;
        out_res->obj = NULL;
        out_res->viol = NULL;
        out_res->front = NULL;
    }
    /* The space grew by b, and b was varied after it. */
    assert_int_equal(r.discovered, 1);
    assert_true(r.restarts >= 1);
    long ib = eo_space_find(s, "b");
    assert_true(ib >= 0);
    assert_int_equal(r.ndims, 3);
    bool varied = false;
    for (size_t i = 0; i < r.count; i++)
        varied |= r.cands[i * r.ndims + (size_t)ib] != 0;
    assert_true(varied);
    eo_search_result_free(&r);
    eo_space_destroy(s);
    return t;
}

static void
test_every_algorithm(void **state)
{
    fixture *f = *state;
    static const eo_search_algo algos[] = {
        EO_SEARCH_EXHAUSTIVE, EO_SEARCH_RANDOM, EO_SEARCH_NSGA2,
        EO_SEARCH_ANNEAL, EO_SEARCH_LAYERWISE, EO_SEARCH_MODEL
    };
    for (size_t i = 0; i < sizeof algos / sizeof *algos; i++) {
        /* Exhaustive enumerates the grown space anew: 16 + 64 - 16. */
        uint64_t budget = algos[i] == EO_SEARCH_EXHAUSTIVE ? 100 : 40;
        char *t1 = run_once(f, algos[i], budget, NULL, NULL, NULL);
        char *t2 = run_once(f, algos[i], budget, NULL, NULL, NULL);
        assert_string_equal(t1, t2);
        if (algos[i] == EO_SEARCH_EXHAUSTIVE) {
            size_t lines = 0;
            for (const char *p = t1; *p; p++)
                lines += *p == '\n';
            assert_int_equal(lines, 64);
        }
        free(t1);
        free(t2);
    }
    assert_int_equal(f->errors, 0);
}

static void
test_resume(void **state)
{
    fixture *f = *state;
    /* The algorithms that go on from their state when the space grows
     * (and NSGA-II's); each resumes to its uninterrupted run. */
    static const eo_search_algo algos[] = {
        EO_SEARCH_NSGA2, EO_SEARCH_ANNEAL, EO_SEARCH_LAYERWISE,
        EO_SEARCH_MODEL
    };
    for (size_t i = 0; i < sizeof algos / sizeof *algos; i++) {
        eo_eval_key key = { "m", "t", "p", eo_search_algo_name(algos[i]) };
        char *whole = run_once(f, algos[i], 40, NULL, NULL, NULL);
        eo_resdb *db;
        assert_int_equal(eo_resdb_open(f->ctx, f->path, &db), EO_OK);
        /* An interrupted run (after the discovery), then the resumed
         * one: the growth replays from the stored discoveries. */
        eo_search_result r1;
        char *first = run_once(f, algos[i], 24, db, &key, &r1);
        free(first);
        eo_search_result r2;
        char *resumed = run_once(f, algos[i], 40, db, &key, &r2);
        assert_int_equal(r2.reused, 24);
        assert_int_equal(r2.evaluated, 16);
        assert_string_equal(whole, resumed);
        eo_resdb_close(db);
        free(whole);
        free(resumed);
    }
    assert_int_equal(f->errors, 0);
}

/* A wider space for test_nsga2_goes_on: twelve 8-value knobs, one per
 * site, and "a", whose true value makes the evaluator ask "b". */
static eo_space *
make_wide_space(fixture *f)
{
    eo_strbuf j = { 0 };
    eo_strbuf_puts(&j, "{\"knobs\": [{\"name\": \"a\", \"domain\": "
                       "{\"kind\": \"bool\"}, \"default\": false}");
    for (int i = 0; i < 12; i++)
        eo_strbuf_printf(&j, ", {\"name\": \"x%02d\", \"domain\": "
                             "{\"kind\": \"range\", \"lo\": 0, \"hi\": 7}, "
                             "\"default\": 0, \"site\": \"L%d\"}", i, i);
    eo_strbuf_puts(&j, "]}");
    assert_false(j.oom);
    eo_space *s = eo_space_create(f->ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, j.data, j.len), EO_OK);
    eo_strbuf_free(&j);
    return s;
}

/* Twelve knobs summed both ways, "a" and "b" as in evaluate(). */
static eo_status
evaluate_wide(void *ud, const uint32_t *cand, const char *assignment,
              eo_eval_outcome *out)
{
    const eo_space *s = ud;
    (void)assignment;
    long ia = eo_space_find(s, "a"), ib = eo_space_find(s, "b");
    bool a = cand[ia] == 1;
    double lat = 0, en = 0;
    for (size_t d = 0; d < eo_space_num_dims(s); d++) {
        if (eo_space_dim_name(s, d)[0] != 'x')
            continue;
        double x = (double)cand[d] / 7.0;
        lat += x * x;
        en += (1 - x) * (1 - x);
    }
    if (a && ib < 0) {
        out->discovered = malloc(sizeof b_json);
        if (!out->discovered)
            return EO_NOMEM;
        memcpy(out->discovered, b_json, sizeof b_json);
    }
    double b = a && ib >= 0 ? (double)cand[ib] / 3.0 : 0;
    out->obj[EO_OBJ_LATENCY] = lat + (a ? 0.5 * (1 - b) : 0.8);
    out->obj[EO_OBJ_ENERGY] = en + (a ? 0.5 * b : 0.8);
    return EO_OK;
}

/* When the space grows, NSGA-II goes on with its population instead of
 * starting over from random candidates: without crossover, every child
 * is a mutation of an earlier candidate (at most 5 of its 13 knobs
 * changed in this run; mostly 1 or 2), also
 * right after the growth; a new random population would change most of
 * the twelve knobs. */
static void
test_nsga2_goes_on(void **state)
{
    fixture *f = *state;
    eo_space *s = make_wide_space(f);
    eo_search_opts o = opts_for(s, EO_SEARCH_NSGA2, 80);
    o.evaluate = evaluate_wide;
    o.crossover = 1e-12;
    eo_search_result r;
    assert_int_equal(eo_search_run(f->ctx, s, &o, &r), EO_OK);
    assert_int_equal(r.discovered, 1);
    assert_int_equal(r.restarts, 1);
    assert_int_equal(r.count, 80);
    long ib = eo_space_find(s, "b");
    assert_true(ib >= 0);
    bool varied = false;
    /* The first population: the default and 7 random candidates. */
    for (size_t i = 8; i < r.count; i++) {
        const uint32_t *ci = r.cands + i * r.ndims;
        size_t nearest = SIZE_MAX;
        for (size_t j = 0; j < i; j++) {
            const uint32_t *cj = r.cands + j * r.ndims;
            size_t h = 0;
            for (size_t d = 0; d < r.ndims; d++)
                h += d != (size_t)ib && ci[d] != cj[d];
            nearest = h < nearest ? h : nearest;
        }
        assert_true(nearest <= 5);
        varied |= ci[ib] != 0;
    }
    assert_true(varied);
    eo_search_result_free(&r);
    eo_space_destroy(s);
    assert_int_equal(f->errors, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_grow_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_grow_filter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_algorithm, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_resume, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nsga2_goes_on, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

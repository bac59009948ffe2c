/* test/dialects/test_tl_knob_equiv.c - the random-knob equivalence suite
 * (issue #5): every ONNX backend node test (EO_KNOB_EQUIV_DATA, default
 * /usr/share/libonnx-testdata/data/node) that imports and lowers fully
 * through graph-optimize, graph-layout, graph-to-tl{full=true},
 * tl-bufferize and tl-to-loops is lowered again under KNOB_TRIALS random
 * assignments of every knob it asks (tile sizes, interchanges,
 * vectorization, ...; fixed seed), and the loops, run by the reference
 * interpreter, must give the graph interpreter's results on the test's
 * inputs: integers exactly, floats within KNOB_RTOL / KNOB_ATOL (tiling
 * and vectorizing reductions reassociate f32 sums). Cases are taken in
 * name order until KNOB_BUDGET_S seconds have gone (a bound for CI on 2
 * cores); the test prints how many cases x assignments ran and fails on
 * any mismatch or any failure of a lowering that succeeded with the
 * default knobs; then the int8 autoencoder, bit-exact. An assignment
 * that makes the lowering ask conditional knobs (tile2.<site>.<d> under
 * a tile above 2) runs once more with random values of those too.
 * Skipped when the data is absent. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/transforms/transforms.h"
#include "explorer/explorer.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define KNOB_TRIALS 16
#define KNOB_BUDGET_S 30.0
#define KNOB_RTOL 1e-4
#define KNOB_ATOL 1e-5
#define MAX_IO 8

#define LOWER                                                              \
    "builtin.module(graph-optimize,func.func(graph-layout,"                \
    "graph-to-tl),tl-bufferize,func.func(tl-to-loops))"

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR)
        snprintf(f->last, sizeof f->last, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK ||
        eo_graph_register_passes(f->ctx) != EO_OK ||
        eo_tl_register_passes(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static eo_op *
first_func(eo_op *m)
{
    eo_block *b = eo_region_first(eo_op_region(m, 0));
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
        if (!strcmp(eo_op_name_str(o), "func.func"))
            return o;
    return NULL;
}

/* Runs LOWER on 'm' with 'knobs' (may be NULL). */
static eo_status
lower(fixture *f, eo_op *m, const eo_knob_provider *knobs)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    if (!pm)
        return EO_ERROR;
    eo_status s = eo_pm_add_pipeline(pm, LOWER);
    if (s == EO_OK)
        s = eo_pm_run(pm, m, knobs);
    eo_pm_destroy(pm);
    return s;
}

/* graph-optimize on 'm'. */
static eo_status
optimize(fixture *f, eo_op *m)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    if (!pm)
        return EO_ERROR;
    eo_status s = eo_pm_add_pipeline(pm, "graph-optimize");
    if (s == EO_OK)
        s = eo_pm_run(pm, m, NULL);
    eo_pm_destroy(pm);
    return s;
}

/* Element i of 't' as a double; false for a dtype without one. */
static bool
elem(const eo_tensor *t, int64_t i, double *v)
{
    switch (t->dtype) {
    case EO_DT_F32: *v = ((const float *)t->data)[i]; return true;
    case EO_DT_F64: *v = ((const double *)t->data)[i]; return true;
    case EO_DT_I8: *v = ((const int8_t *)t->data)[i]; return true;
    case EO_DT_U8: *v = ((const uint8_t *)t->data)[i]; return true;
    case EO_DT_I16: *v = ((const int16_t *)t->data)[i]; return true;
    case EO_DT_U16: *v = ((const uint16_t *)t->data)[i]; return true;
    case EO_DT_I32: *v = ((const int32_t *)t->data)[i]; return true;
    case EO_DT_I64: *v = (double)((const int64_t *)t->data)[i]; return true;
    case EO_DT_BOOL: *v = ((const uint8_t *)t->data)[i]; return true;
    default: return false;
    }
}

/* Whether 'got' matches 'want' (same element count; floats within the
 * tolerances, NaN where NaN; integers exactly). */
static bool
same(const eo_tensor *want, const eo_tensor *got, double *worst)
{
    int64_t n = eo_tensor_numel(want);
    bool fl = want->dtype == EO_DT_F32 || want->dtype == EO_DT_F64;
    *worst = 0;
    if (eo_tensor_numel(got) != n)
        return false;
    for (int64_t i = 0; i < n; i++) {
        double a, b;
        if (!elem(want, i, &a) || !elem(got, i, &b))
            return false;
        if (isnan(a) || isnan(b)) {
            if (isnan(a) != isnan(b))
                return false;
            continue;
        }
        double d = fabs(a - b);
        if (d > *worst)
            *worst = d;
        if (fl ? d > KNOB_ATOL + KNOB_RTOL * fabs(a) && a != b : a != b)
            return false;
    }
    return true;
}

typedef struct suite {
    int cases, runs, mismatches, failures, skipped;
    long knobs, elems;      /* knobs asked, result elements compared */
    int grown;              /* runs with conditional knobs assigned */
} suite;

/* Lowers 'path' under the assignment 'txt' ("name=value" lines), runs
 * it on in[0..nin) by the reference interpreter and compares with
 * want[0..nwant), counting in 'st'. When 'space' is given, the knob
 * space of the run (with the conditional knobs the assignment made it
 * ask, such as tile2 under a tile) is appended to it as JSON. */
static void
one_trial(fixture *f, const char *path, const char *txt, size_t nin,
          const eo_tensor *in, size_t nwant, const eo_tensor *want,
          suite *st, eo_strbuf *space)
{
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_load_buffer(ks, "random", txt,
                                               strlen(txt)), EO_OK);
    eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(m);
    st->runs++;
    eo_tensor got[MAX_IO];
    size_t ngot = MAX_IO;
    if (lower(f, m, eo_knob_store_provider(ks)) != EO_OK ||
        eo_interp_run(first_func(m), nin, in, &ngot, got) != EO_OK) {
        st->failures++;
        print_message("FAIL %s with %s: %s\n", path, txt, f->last);
        ngot = 0;
    } else if (ngot != nwant) {
        st->mismatches++;
        print_message("MISMATCH %s: %zu results, expects %zu\n", path,
                      ngot, nwant);
    } else {
        for (size_t r = 0; r < ngot; r++) {
            double worst;
            st->elems += (long)eo_tensor_numel(&want[r]);
            if (!same(&want[r], &got[r], &worst)) {
                st->mismatches++;
                print_message("MISMATCH %s result %zu (max abs error "
                              "%g) with:\n%s\n", path, r, worst, txt);
                break;
            }
        }
    }
    if (space)
        eo_knob_store_space_json(ks, space);
    for (size_t r = 0; r < ngot; r++)
        eo_tensor_free(&got[r]);
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);
}

/* The assignment 'txt' extended by a random value of every knob of
 * knob-space JSON 'json' that 'sp' lacks (conditional knobs), appended
 * to 'out'; false when there is none. */
static bool
grow_assignment(fixture *f, const eo_space *sp, const eo_strbuf *json,
                const char *txt, eo_rng *rng, eo_strbuf *out)
{
    eo_space *sp2 = eo_space_create(f->ctx);
    assert_non_null(sp2);
    assert_false(json->oom);
    assert_int_equal(eo_space_load_json(sp2, json->data, json->len),
                     EO_OK);
    bool grew = false;
    eo_strbuf_puts(out, txt);
    for (size_t i = 0; i < eo_space_num_dims(sp2); i++) {
        const char *name = eo_space_dim_name(sp2, i);
        if (eo_space_find(sp, name) >= 0)
            continue;
        grew = true;
        eo_strbuf_printf(out, "%s=", name);
        eo_space_value_text(sp2, i,
                            (uint32_t)(eo_rng_next(rng) %
                                       eo_space_dim_size(sp2, i)), out);
        eo_strbuf_puts(out, "\n");
    }
    assert_false(out->oom);
    eo_space_destroy(sp2);
    return grew;
}

/* The default lowering of 'path' (its knob space), then 'trials' random
 * assignments of it, each lowered and run on in[0..nin) by the reference
 * interpreter and compared with want[0..nwant). false when the default
 * lowering fails (an unsupported case). */
static bool
run_trials(fixture *f, const char *path, size_t nin, const eo_tensor *in,
           size_t nwant, const eo_tensor *want, int trials, eo_rng *rng,
           suite *st)
{
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    eo_op *m = ks ? eo_onnx_import_file(f->ctx, path, NULL) : NULL;
    bool ok = m && lower(f, m, eo_knob_store_provider(ks)) == EO_OK;
    if (m)
        eo_op_destroy(m);
    eo_space *sp = ok ? eo_space_create(f->ctx) : NULL;
    if (sp) {
        eo_strbuf js = {0};
        eo_knob_store_space_json(ks, &js);
        ok = !js.oom && eo_space_load_json(sp, js.data, js.len) == EO_OK;
        eo_strbuf_free(&js);
    }
    eo_knob_store_destroy(ks);
    if (!ok || !sp) {
        eo_space_destroy(sp);
        return false;
    }
    st->cases++;
    size_t nd = eo_space_num_dims(sp);
    st->knobs += (long)nd;
    uint32_t *cand = calloc(nd ? nd : 1, sizeof *cand);
    assert_non_null(cand);
    for (int t = 0; t < trials; t++) {
        for (size_t i = 0; i < nd; i++)
            cand[i] = (uint32_t)(eo_rng_next(rng) % eo_space_dim_size(sp, i));
        eo_strbuf lines = {0}, js = {0}, more = {0};
        assert_int_equal(eo_space_knob_lines(sp, cand, &lines), EO_OK);
        const char *txt = lines.data ? lines.data : "";
        one_trial(f, path, txt, nin, in, nwant, want, st, &js);
        /* Conditional knobs the assignment asked (tile2.<site>.<d> under
         * a tile above 2): once more with random values of them too. */
        if (js.data && grow_assignment(f, sp, &js, txt, rng, &more)) {
            st->grown++;
            one_trial(f, path, more.data, nin, in, nwant, want, st, NULL);
        }
        eo_strbuf_free(&more);
        eo_strbuf_free(&js);
        eo_strbuf_free(&lines);
    }
    free(cand);
    eo_space_destroy(sp);
    return true;
}

/* One node test: its inputs, the graph interpreter's results on the
 * imported model, then run_trials. */
static void
run_case(fixture *f, const char *dir, eo_rng *rng, suite *st)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/model.onnx", dir);
    eo_op *ref = eo_onnx_import_file(f->ctx, path, NULL);
    if (!ref) {
        st->skipped++;
        return;
    }
    eo_op *rf = first_func(ref);
    const eo_type *ft = rf ? func_get_type(rf) : NULL;
    size_t nin = ft ? eo_type_num_inputs(ft) : MAX_IO + 1;
    eo_tensor in[MAX_IO], want[MAX_IO];
    size_t nwant = MAX_IO, loaded = 0;
    bool ok = nin <= MAX_IO;
    for (size_t i = 0; ok && i < nin; i++, loaded++) {
        snprintf(path, sizeof path, "%s/test_data_set_0/input_%zu.pb", dir,
                 i);
        ok = eo_onnx_load_tensor(f->ctx, path, &in[i]) == EO_OK;
        if (!ok)
            break;
    }
    ok = ok && eo_interp_run(rf, nin, in, &nwant, want) == EO_OK;
    if (!ok)
        nwant = 0;
    snprintf(path, sizeof path, "%s/model.onnx", dir);
    if (!ok || !run_trials(f, path, nin, in, nwant, want, KNOB_TRIALS, rng,
                           st))
        st->skipped++;
    for (size_t r = 0; r < nwant; r++)
        eo_tensor_free(&want[r]);
    for (size_t i = 0; i < loaded; i++)
        eo_tensor_free(&in[i]);
    eo_op_destroy(ref);
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void
test_random_knobs(void **state)
{
    fixture *f = *state;
    const char *root = getenv("EO_KNOB_EQUIV_DATA");
    if (!root)
        root = "/usr/share/libonnx-testdata/data/node";
    struct dirent **ents = NULL;
    int n = scandir(root, &ents, NULL, by_name);
    if (n < 0)
        skip();
    eo_rng rng;
    eo_rng_seed(&rng, 20261129);
    suite st = {0};
    double t0 = now_s();
    int seen = 0;
    for (int i = 0; i < n; i++) {
        char dir[768];
        struct stat sb;
        if (ents[i]->d_name[0] != '.' && now_s() - t0 < KNOB_BUDGET_S) {
            snprintf(dir, sizeof dir, "%s/%s", root, ents[i]->d_name);
            if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode)) {
                seen++;
                run_case(f, dir, &rng, &st);
            }
        }
        free(ents[i]);
    }
    free(ents);
    print_message("random-knob equivalence: %d of %d node tests lowered "
                  "(%ld knobs), %d x %d + %d with conditional knobs = %d "
                  "runs, %ld elements compared, %d mismatches, %d "
                  "failures (%.1f s)\n", st.cases, seen, st.knobs,
                  st.cases, KNOB_TRIALS, st.grown, st.runs, st.elems,
                  st.mismatches, st.failures, now_s() - t0);
    assert_int_equal(st.mismatches, 0);
    assert_int_equal(st.failures, 0);
}

/* The int8 MLPerf-Tiny autoencoder under MODEL_TRIALS random assignments:
 * bit-exact with the graph interpreter (after graph-optimize, which
 * folds the QDQ pairs into integer ops, as the lowering sees them) on
 * random int8 inputs. Skipped without the shared models. */
#define MODEL_TRIALS 3
static void
test_random_knobs_int8_models(void **state)
{
    fixture *f = *state;
    static const char *const models[1] = {"ad_autoencoder_int8_qdq"};
    eo_rng rng;
    eo_rng_seed(&rng, 5);
    suite st = {0};
    double t0 = now_s();
    for (int k = 0; k < 1; k++) {
        char path[512];
        snprintf(path, sizeof path,
                 EO_TEST_SHARED_DIR "/models/mlperf-tiny/%s.onnx",
                 models[k]);
        FILE *fp = fopen(path, "rb");
        if (!fp)
            skip();
        fclose(fp);
        eo_op *ref = eo_onnx_import_file(f->ctx, path, NULL);
        assert_non_null(ref);
        assert_int_equal(optimize(f, ref), EO_OK);
        const eo_type *ft = func_get_type(first_func(ref));
        assert_non_null(ft);
        assert_int_equal(eo_type_num_inputs(ft), 1);
        const eo_type *t = eo_type_input(ft, 0);
        eo_tensor in, want[MAX_IO];
        size_t nwant = MAX_IO;
        assert_int_equal(eo_tensor_alloc(&in, EO_DT_I8, eo_type_rank(t),
                                         eo_type_shape(t)), EO_OK);
        for (int64_t i = 0; i < eo_tensor_numel(&in); i++)
            ((int8_t *)in.data)[i] = (int8_t)(eo_rng_next(&rng) & 0xff);
        assert_int_equal(eo_interp_run(first_func(ref), 1, &in, &nwant,
                                       want), EO_OK);
        assert_true(run_trials(f, path, 1, &in, nwant, want, MODEL_TRIALS,
                               &rng, &st));
        for (size_t r = 0; r < nwant; r++)
            eo_tensor_free(&want[r]);
        eo_tensor_free(&in);
        eo_op_destroy(ref);
    }
    print_message("random-knob equivalence, int8 model: %d x %d = %d runs "
                  "(%ld knobs), %ld elements compared, %d mismatches, %d "
                  "failures (%.1f s)\n", st.cases, MODEL_TRIALS, st.runs,
                  st.knobs, st.elems, st.mismatches, st.failures,
                  now_s() - t0);
    assert_int_equal(st.mismatches, 0);
    assert_int_equal(st.failures, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_random_knobs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_knobs_int8_models, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

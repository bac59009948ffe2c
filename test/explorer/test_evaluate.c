/* test/explorer/test_evaluate.c - the evaluator: loading (model, target
 * by name, pipeline), discovery of the knob space on a real model,
 * candidates with different knobs giving different objectives, failed
 * candidates (bad knob value, bad target variant) as outcomes with the
 * first diagnostic and nothing printed, inactive knobs and values outside
 * a conditional domain accepted, a model the pipeline cannot lower, target
 * axes applied, stable keys, and verification against the interpreter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"
#include "targets/targets.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define KWS EO_TEST_SHARED_DIR "/models/mlperf-tiny/kws_dscnn_f32.onnx"

static const char mm_model[] =
    "func.func @main(%a: tensor<16x32xf32>, %b: tensor<32x24xf32>)\n"
    "    -> tensor<16x24xf32> {\n"
    "  %y = graph.matmul %a, %b {name = \"mm\"}\n"
    "      : (tensor<16x32xf32>, tensor<32x24xf32>) -> tensor<16x24xf32>\n"
    "  %r = graph.relu %y {name = \"act\"}\n"
    "      : (tensor<16x24xf32>) -> tensor<16x24xf32>\n"
    "  return %r : tensor<16x24xf32>\n"
    "}\n";

typedef struct fixture {
    eo_ctx *ctx;
    int errors;
    char first[512];
    char dir[64], model[128];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (!f->errors++)
        snprintf(f->first, sizeof f->first, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_evaluate_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->model, sizeof f->model, "%s/mm.mlir", f->dir);
    FILE *fp = fopen(f->model, "w");
    if (!fp)
        return -1;
    fputs(mm_model, fp);
    fclose(fp);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    unlink(f->model);
    rmdir(f->dir);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_evaluator *
make(fixture *f, const char *model, const char *target)
{
    eo_evaluator_opts o = { .model_path = model, .target = target };
    return eo_evaluator_create(f->ctx, &o);
}

/* The space an evaluator discovers. */
static eo_space *
discover(fixture *f, eo_evaluator *ev)
{
    eo_strbuf js = { 0 };
    eo_status st = eo_evaluator_discover(ev, &js);
    if (st != EO_OK)
        fail_msg("discover: %s", f->first);
    eo_space *s = eo_space_create(f->ctx);
    assert_non_null(s);
    if (eo_space_load_json(s, js.data, js.len) != EO_OK)
        fail_msg("space: %s", f->first);
    eo_strbuf_free(&js);
    return s;
}

static void
set_dim(const eo_space *s, uint32_t *cand, const char *name,
        const char *value)
{
    long d = eo_space_find(s, name);
    assert_true(d >= 0);
    eo_strbuf b = { 0 };
    for (uint32_t v = 0; v < eo_space_dim_size(s, (size_t)d); v++) {
        b.len = 0;
        eo_space_value_text(s, (size_t)d, v, &b);
        if (strcmp(b.data, value) == 0) {
            cand[d] = v;
            eo_strbuf_free(&b);
            return;
        }
    }
    eo_strbuf_free(&b);
    fail_msg("no value %s for %s", value, name);
}

static void
test_discover_real_model(void **state)
{
    fixture *f = *state;
    if (access(KWS, R_OK) != 0)
        skip();
    eo_evaluator *ev = make(f, KWS, "cortex-m55");
    assert_non_null(ev);
    eo_strbuf js = { 0 };
    assert_int_equal(eo_evaluator_discover(ev, &js), EO_OK);
    assert_non_null(strstr(js.data, "\"tile."));
    assert_non_null(strstr(js.data, "\"fuse."));
    eo_space *s = eo_space_create(f->ctx);
    assert_int_equal(eo_space_load_json(s, js.data, js.len), EO_OK);
    assert_true(eo_space_num_dims(s) > 20);
    /* The default candidate evaluates. */
    uint32_t *cand = calloc(eo_space_num_dims(s), sizeof *cand);
    eo_space_default(s, cand);
    eo_eval_outcome o;
    assert_int_equal(eo_evaluator_run(ev, s, cand, &o, NULL), EO_OK);
    assert_int_equal(o.status, EO_EVAL_OK);
    assert_true(o.obj[EO_OBJ_LATENCY] > 0);
    assert_int_equal(f->errors, 0);
    free(cand);
    eo_space_destroy(s);
    eo_strbuf_free(&js);
    eo_evaluator_destroy(ev);
}

static void
test_knobs_change_objectives(void **state)
{
    fixture *f = *state;
    eo_evaluator *ev = make(f, f->model, "cortex-m55");
    assert_non_null(ev);
    eo_space *s = discover(f, ev);
    size_t nd = eo_space_num_dims(s);
    uint32_t *def = calloc(nd, sizeof *def), *tiled = calloc(nd, sizeof *def);
    eo_space_default(s, def);
    eo_space_default(s, tiled);
    set_dim(s, tiled, "tile.mm.0", "4");
    set_dim(s, tiled, "tile.mm.2", "8");
    eo_eval_outcome a, b;
    eo_strbuf rep = { 0 };
    assert_int_equal(eo_evaluator_run(ev, s, def, &a, &rep), EO_OK);
    assert_int_equal(eo_evaluator_run(ev, s, tiled, &b, NULL), EO_OK);
    assert_int_equal(a.status, EO_EVAL_OK);
    assert_int_equal(b.status, EO_EVAL_OK);
    assert_string_equal(a.message, "");
    assert_true(rep.len > 0 && rep.data[0] == '{');
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++) {
        assert_false(isnan(a.obj[i]));
        assert_false(isnan(b.obj[i]));
    }
    assert_true(a.obj[EO_OBJ_LATENCY] != b.obj[EO_OBJ_LATENCY] ||
                a.obj[EO_OBJ_MEMORY] != b.obj[EO_OBJ_MEMORY]);
    assert_true(a.wall_s > 0 && a.timestamp > 0);
    /* Deterministic: the same candidate again gives the same values. */
    eo_eval_outcome c;
    assert_int_equal(eo_evaluator_run(ev, s, tiled, &c, NULL), EO_OK);
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
        assert_true(c.obj[i] == b.obj[i]);
    assert_int_equal(f->errors, 0);
    eo_strbuf_free(&rep);
    free(def);
    free(tiled);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

static void
test_bad_value_and_inactive_knob(void **state)
{
    fixture *f = *state;
    eo_evaluator *ev = make(f, f->model, "cortex-m55");
    assert_non_null(ev);
    /* A space claiming tile.mm.0 may be 5 (not a value the pass offers)
     * and a knob no run asks (as an inactive conditional knob). */
    static const char js[] =
        "{\"knobs\": ["
        "{\"name\": \"tile.mm.0\", \"domain\": {\"kind\": \"set\", "
        "\"values\": [0, 4, 5]}, \"default\": 0},"
        "{\"name\": \"unroll.nowhere.factor\", \"domain\": {\"kind\": "
        "\"set\", \"values\": [1, 2]}, \"default\": 1}]}";
    eo_space *s = eo_space_create(f->ctx);
    assert_int_equal(eo_space_load_json(s, js, strlen(js)), EO_OK);
    uint32_t cand[2];
    eo_eval_outcome o;
    set_dim(s, cand, "tile.mm.0", "4");
    set_dim(s, cand, "unroll.nowhere.factor", "2");
    assert_int_equal(eo_evaluator_run(ev, s, cand, &o, NULL), EO_OK);
    assert_int_equal(o.status, EO_EVAL_OK);
    set_dim(s, cand, "tile.mm.0", "5");
    assert_int_equal(eo_evaluator_run(ev, s, cand, &o, NULL), EO_OK);
    assert_int_equal(o.status, EO_EVAL_FAILED);
    assert_non_null(strstr(o.message, "invalid value for knob 'tile.mm.0'"));
    assert_true(isnan(o.obj[EO_OBJ_LATENCY]));
    /* Captured, not printed through the caller's handler. */
    assert_int_equal(f->errors, 0);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

static void
test_target_axis(void **state)
{
    fixture *f = *state;
    eo_evaluator *ev = make(f, f->model, "cortex-m55");
    assert_non_null(ev);
    eo_space *s = discover(f, ev);
    const double clocks[] = { 100, 400, -5 };
    assert_int_equal(eo_space_add_axis(s, "target.compute_units[0]."
                                       "clock_mhz", clocks, 3), EO_OK);
    size_t nd = eo_space_num_dims(s);
    long ax = eo_space_find(s, "target.compute_units[0].clock_mhz");
    assert_true(ax >= 0);
    uint32_t *c = calloc(nd, sizeof *c);
    eo_space_default(s, c);
    eo_eval_outcome slow, fast, bad;
    assert_int_equal(eo_evaluator_run(ev, s, c, &slow, NULL), EO_OK);
    c[ax] = 1;
    assert_int_equal(eo_evaluator_run(ev, s, c, &fast, NULL), EO_OK);
    assert_int_equal(slow.status, EO_EVAL_OK);
    assert_int_equal(fast.status, EO_EVAL_OK);
    assert_true(fast.obj[EO_OBJ_LATENCY] < slow.obj[EO_OBJ_LATENCY]);
    c[ax] = 2;                  /* a negative clock: the target refuses */
    assert_int_equal(eo_evaluator_run(ev, s, c, &bad, NULL), EO_OK);
    assert_int_equal(bad.status, EO_EVAL_FAILED);
    assert_non_null(strstr(bad.message, "clock_mhz"));
    assert_int_equal(f->errors, 0);
    free(c);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

static void
test_keys(void **state)
{
    fixture *f = *state;
    eo_evaluator *a = make(f, f->model, "cortex-m55");
    eo_evaluator *b = make(f, f->model, "cortex-m55");
    eo_evaluator *h = make(f, f->model, "host");
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(h);
    const eo_eval_key *ka = eo_evaluator_key(a), *kb = eo_evaluator_key(b);
    assert_string_equal(ka->model_hash, kb->model_hash);
    assert_string_equal(ka->target_hash, kb->target_hash);
    assert_string_equal(ka->pipeline, eo_evaluator_default_pipeline());
    assert_string_equal(ka->evaluator, "model-1");
    /* FNV-1a/64 of the file's bytes. */
    uint64_t x = 14695981039346656037ull;
    for (const char *p = mm_model; *p; p++) {
        x ^= (unsigned char)*p;
        x *= 1099511628211ull;
    }
    char hex[17];
    snprintf(hex, sizeof hex, "%016" PRIx64, x);
    assert_string_equal(ka->model_hash, hex);
    assert_string_not_equal(ka->target_hash,
                            eo_evaluator_key(h)->target_hash);
    eo_evaluator_destroy(a);
    eo_evaluator_destroy(b);
    eo_evaluator_destroy(h);
    assert_int_equal(f->errors, 0);
}

static void
test_create_errors(void **state)
{
    fixture *f = *state;
    assert_null(make(f, f->model, "no-such-target"));
    assert_non_null(strstr(f->first, "unknown target 'no-such-target'"));
    f->errors = 0;
    assert_null(make(f, "/nonexistent/model.onnx", "host"));
    assert_true(f->errors > 0);
    f->errors = 0;
    eo_evaluator_opts o = { .model_path = f->model, .target = "host",
                            .pipeline = "builtin.module(no-such-pass)" };
    assert_null(eo_evaluator_create(f->ctx, &o));
    assert_true(f->errors > 0);
}

static void
test_verify(void **state)
{
    fixture *f = *state;
    eo_evaluator_opts o = { .model_path = f->model, .target = "cortex-m55",
                            .verify = true };
    eo_evaluator *ev = eo_evaluator_create(f->ctx, &o);
    assert_non_null(ev);
    assert_string_equal(eo_evaluator_key(ev)->evaluator, "model-verified-1");
    eo_space *s = discover(f, ev);
    uint32_t *c = calloc(eo_space_num_dims(s), sizeof *c);
    eo_space_default(s, c);
    set_dim(s, c, "tile.mm.1", "6");        /* partial tiles */
    set_dim(s, c, "interchange.mm", "\"d2,d0,d1\"");
    eo_eval_outcome out;
    assert_int_equal(eo_evaluator_run(ev, s, c, &out, NULL), EO_OK);
    assert_int_equal(out.status, EO_EVAL_OK);
    assert_int_equal(f->errors, 0);
    free(c);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

/* A model the pipeline cannot lower (quantized, today): discovery is an
 * error, a candidate a failed outcome with the pass's diagnostic. */
static void
test_pipeline_failure(void **state)
{
    fixture *f = *state;
    const char *qdq =
        EO_TEST_SHARED_DIR "/models/mlperf-tiny/kws_dscnn_int8_qdq.onnx";
    if (access(qdq, R_OK) != 0)
        skip();
    eo_evaluator *ev = make(f, qdq, "cortex-m55");
    assert_non_null(ev);
    eo_strbuf js = { 0 };
    eo_status st = eo_evaluator_discover(ev, &js);
    eo_strbuf_free(&js);
    if (st == EO_OK) {          /* lowered now: nothing left to check */
        eo_evaluator_destroy(ev);
        skip();
    }
    assert_true(f->errors > 0);
    f->errors = 0;
    eo_space *s = eo_space_create(f->ctx);
    eo_eval_outcome o;
    assert_int_equal(eo_evaluator_run(ev, s, NULL, &o, NULL), EO_OK);
    assert_int_equal(o.status, EO_EVAL_FAILED);
    assert_true(strlen(o.message) > 10);
    assert_non_null(strstr(o.message, "error: "));
    assert_int_equal(f->errors, 0);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

/* A knob whose domain depends on another knob: under NHWC the conv's
 * loop 3 has extent 2 (tile sizes {0, 2}), under the default NCHW 16
 * ({0, 2, 4, 8}). tile.cv.3=8 with NHWC is conditional: the knob keeps
 * its default, the candidate is evaluated like tile.cv.3=0. */
static void
test_conditional_domain(void **state)
{
    fixture *f = *state;
    static const char conv[] =
        "func.func @main(%x: tensor<1x8x12x16xf32>) -> tensor<1x4x12x16xf32>"
        " {\n"
        "  %w = graph.constant dense<0.5> : tensor<4x8x1x1xf32>\n"
        "  %y = graph.conv2d %x, %w {name = \"cv\"}\n"
        "      : (tensor<1x8x12x16xf32>, tensor<4x8x1x1xf32>)\n"
        "      -> tensor<1x4x12x16xf32>\n"
        "  return %y : tensor<1x4x12x16xf32>\n"
        "}\n";
    char path[160];
    snprintf(path, sizeof path, "%s/conv.mlir", f->dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(conv, fp);
    fclose(fp);
    eo_evaluator *ev = make(f, path, "cortex-m55");
    assert_non_null(ev);
    eo_space *s = discover(f, ev);
    size_t nd = eo_space_num_dims(s);
    uint32_t *a = calloc(nd, sizeof *a), *b = calloc(nd, sizeof *b);
    eo_space_default(s, a);
    set_dim(s, a, "layout.cv", "NHWC");
    memcpy(b, a, nd * sizeof *a);
    set_dim(s, a, "tile.cv.3", "8");
    eo_eval_outcome oa, ob;
    assert_int_equal(eo_evaluator_run(ev, s, a, &oa, NULL), EO_OK);
    assert_int_equal(eo_evaluator_run(ev, s, b, &ob, NULL), EO_OK);
    assert_int_equal(oa.status, EO_EVAL_OK);
    assert_int_equal(ob.status, EO_EVAL_OK);
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
        assert_true(oa.obj[i] == ob.obj[i]);
    assert_int_equal(f->errors, 0);
    free(a);
    free(b);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
    unlink(path);
}

/* The prefix cache changes nothing: a walk of candidates (one knob
 * changed at a time, now and then a random jump, a bad value) gives bit
 * for bit the outcomes and reports of an evaluator without the cache,
 * and the cache is hit. */
static void
test_prefix_cache_same_results(void **state)
{
    fixture *f = *state;
    if (access(KWS, R_OK) != 0)
        skip();
    eo_evaluator_opts o = { .model_path = KWS, .target = "cortex-m55" };
    eo_evaluator *ev = eo_evaluator_create(f->ctx, &o);
    o.no_prefix_cache = true;
    eo_evaluator *ref = eo_evaluator_create(f->ctx, &o);
    assert_non_null(ev);
    assert_non_null(ref);
    eo_space *s = discover(f, ev);
    size_t nd = eo_space_num_dims(s);
    uint32_t *c = calloc(nd, sizeof *c);
    assert_non_null(c);
    eo_space_default(s, c);
    eo_rng rng;
    eo_rng_seed(&rng, 7);
    eo_strbuf ra = { 0 }, rb = { 0 };
    for (int step = 0; step < 24; step++) {
        if (step % 8 == 7) {
            for (size_t d = 0; d < nd; d++)
                c[d] = (uint32_t)eo_rng_below(&rng,
                                              eo_space_dim_size(s, d));
        } else if (step > 0) {
            size_t d = (size_t)eo_rng_below(&rng, nd);
            c[d] = (uint32_t)eo_rng_below(&rng, eo_space_dim_size(s, d));
        }
        eo_eval_outcome oa, ob;
        ra.len = rb.len = 0;
        assert_int_equal(eo_evaluator_run(ev, s, c, &oa, &ra), EO_OK);
        assert_int_equal(eo_evaluator_run(ref, s, c, &ob, &rb), EO_OK);
        assert_int_equal(oa.status, ob.status);
        assert_string_equal(oa.message, ob.message);
        for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
            assert_memory_equal(&oa.obj[i], &ob.obj[i], sizeof oa.obj[i]);
        assert_int_equal(ra.len, rb.len);
        if (ra.len)
            assert_string_equal(ra.data, rb.data);
    }
    eo_evaluator_stats sa, sb;
    eo_evaluator_get_stats(ev, &sa);
    eo_evaluator_get_stats(ref, &sb);
    assert_true(sa.hits >= 10);
    assert_true(sa.stages_skipped >= sa.hits);
    assert_int_equal(sa.hits + sa.misses, 24);
    assert_int_equal(sb.hits + sb.misses, 0);
    eo_strbuf_free(&ra);
    eo_strbuf_free(&rb);
    free(c);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
    eo_evaluator_destroy(ref);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_discover_real_model, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_knobs_change_objectives, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bad_value_and_inactive_knob,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_target_axis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys, setup, teardown),
        cmocka_unit_test_setup_teardown(test_create_errors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipeline_failure, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_prefix_cache_same_results,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_conditional_domain, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/explorer/test_report.c - reports of a search: objective names,
 * the SVG front plot and the HTML report for 1, 2 and 3 objectives (one
 * mark per plottable point and panel, front marks, failed points left
 * out, escaping of names), the embedded JSON and its monotone hypervolume
 * curve, the per-layer breakdown, bad input and unwritable paths.
 *
 * Run as "test_report --write DIR" it writes sample reports to DIR and
 * the expected mark counts to DIR/expected.txt, for the headless
 * Chromium check (test/explorer/check-report-chromium.sh).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"

#include <cjson/cJSON.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Three knobs, one enum with markup characters in a value, so escaping
 * shows in titles and tables: 2 * 4 * 3 = 24 candidates. */
static const char space_json[] =
    "{\"knobs\": ["
    "{\"name\": \"fuse.enable\", \"domain\": {\"kind\": \"bool\"},"
    " \"default\": false},"
    "{\"name\": \"tile.size\", \"domain\": {\"kind\": \"set\","
    " \"values\": [1, 2, 4, 8]}, \"default\": 1},"
    "{\"name\": \"layout\", \"domain\": {\"kind\": \"enum\","
    " \"names\": [\"nchw\", \"a<b>&c\", \"nhwc\"]}, \"default\": \"nchw\"}"
    "]}";

typedef struct fixture {
    eo_ctx *ctx;
    int errors, warnings;
    char last[512];
    char dir[64];
    eo_space *space;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR) {
        f->errors++;
        snprintf(f->last, sizeof f->last, "%s", d->message);
    } else if (d->severity == EO_SEV_WARNING) {
        f->warnings++;
    }
}

static fixture *
fixture_new(void)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return NULL;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_report_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return NULL;
    f->space = eo_space_create(f->ctx);
    if (!f->space ||
        eo_space_load_json(f->space, space_json, strlen(space_json)) != EO_OK)
        return NULL;
    return f;
}

static int
setup(void **state)
{
    fixture *f = fixture_new();
    *state = f;
    return f ? 0 : -1;
}

static void
remove_dir(const char *dir)
{
    static const char *const names[] = { "r.svg", "r.html", "r1.svg",
                                         "r2.svg", "r3.svg" };
    char p[160];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        unlink(p);
    }
    rmdir(dir);
}

static int
teardown(void **state)
{
    fixture *f = *state;
    remove_dir(f->dir);
    eo_space_destroy(f->space);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* An analytic evaluator over the 24 candidates: latency falls and memory
 * grows with the tile size, energy depends on the layout; tile 8 with
 * layout nhwc fails. */
static eo_status
evaluate(void *ud, const uint32_t *cand, const char *assignment,
         eo_eval_outcome *out)
{
    (void)ud;
    (void)assignment;
    /* Dimensions are sorted by name: fuse.enable, layout, tile.size. */
    double fuse = cand[0], layout = cand[1], tile = cand[2];
    if (tile == 3 && layout == 2) {
        out->status = EO_EVAL_FAILED;
        snprintf(out->message, sizeof out->message, "does not fit");
        return EO_OK;
    }
    out->obj[EO_OBJ_LATENCY] = 4e-3 / (1 + tile) * (fuse ? 0.8 : 1.0) +
                               1e-4 * layout;
    out->obj[EO_OBJ_ENERGY] = 20e-6 * (1 + 0.3 * layout) * (1 + 0.1 * tile) *
                              (fuse ? 0.9 : 1.0);
    out->obj[EO_OBJ_MEMORY] = 16384.0 * (1 + tile) + 2048.0 * fuse;
    return EO_OK;
}

/* A search over all 24 candidates with k objectives; with 'limit' the
 * memory objective (when searched) is capped so some points are
 * infeasible. */
static eo_status
search_k(fixture *f, size_t k, bool limit, eo_search_opts *o,
         eo_search_result *res)
{
    static const eo_objective objs[3][3] = {
        { EO_OBJ_LATENCY },
        { EO_OBJ_LATENCY, EO_OBJ_MEMORY },
        { EO_OBJ_LATENCY, EO_OBJ_ENERGY, EO_OBJ_MEMORY },
    };
    memset(o, 0, sizeof *o);
    o->algo = EO_SEARCH_EXHAUSTIVE;
    o->seed = 7;
    o->budget = 24;
    o->num_objectives = k;
    for (size_t i = 0; i < k; i++)
        o->objectives[i] = objs[k - 1][i];
    if (limit && k >= 2)
        o->limit[EO_OBJ_MEMORY] = 16384.0 * 3.5;
    o->evaluate = evaluate;
    return eo_search_run(f->ctx, f->space, o, res);
}

static void
run_search(fixture *f, size_t k, bool limit, eo_search_opts *o,
           eo_search_result *res)
{
    assert_int_equal(search_k(f, k, limit, o, res), EO_OK);
    assert_int_equal(res->count, 24);
}

static eo_report_info
info(fixture *f, const eo_search_opts *o, const eo_search_result *res)
{
    eo_report_info ri = {
        .title = "m&m \"kws\" <tiny>", .model = "models/a&b.onnx",
        .target = "cortex-m55", .algorithm = "exhaustive", .seed = 7,
        .space = f->space, .opts = o, .res = res, .layers = NULL,
    };
    return ri;
}

static char *
read_all(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, fp) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(fp);
    return s;
}

/* Occurrences of 'needle' in s (memchr/memcmp: sanitized strstr is
 * quadratic on large files). */
static size_t
count_str(const char *s, const char *needle)
{
    size_t n = 0, len = strlen(needle), left = strlen(s);
    const char *p = s, *end = s + left;
    while ((size_t)(end - p) >= len &&
           (p = memchr(p, needle[0], (size_t)(end - p) - len + 1)) != NULL) {
        if (!memcmp(p, needle, len)) {
            n++;
            p += len;
        } else {
            p++;
        }
    }
    return n;
}

typedef struct counts {
    size_t plottable, feasible, infeasible, failed, front;
} counts;

static counts
count_points(const eo_search_result *res)
{
    counts c = { 0 };
    for (size_t i = 0; i < res->count; i++) {
        bool finite = true;
        for (size_t d = 0; d < res->k; d++)
            finite = finite && isfinite(res->obj[i * res->k + d]);
        if (!finite || isinf(res->viol[i])) {
            c.failed++;
            continue;
        }
        c.plottable++;
        if (res->viol[i] == 0)
            c.feasible++;
        else
            c.infeasible++;
    }
    for (size_t j = 0; j < res->front_size; j++)
        c.front += res->viol[res->front[j]] == 0;
    return c;
}

static void
test_objective_names(void **state)
{
    (void)state;
    assert_string_equal(eo_objective_name(EO_OBJ_LATENCY), "latency");
    assert_string_equal(eo_objective_unit(EO_OBJ_LATENCY), "s");
    assert_string_equal(eo_objective_name(EO_OBJ_ENERGY), "energy");
    assert_string_equal(eo_objective_unit(EO_OBJ_ENERGY), "J");
    assert_string_equal(eo_objective_name(EO_OBJ_MEMORY), "memory");
    assert_string_equal(eo_objective_unit(EO_OBJ_MEMORY), "B");
    for (int o = 0; o < EO_NUM_OBJECTIVES; o++)
        assert_int_equal(eo_objective_from_name(eo_objective_name(o)), o);
    assert_int_equal(eo_objective_from_name("speed"), -1);
    assert_int_equal(eo_objective_from_name(""), -1);
    assert_int_equal(eo_objective_from_name(NULL), -1);
}

/* SVG for k objectives: panels, one mark per plottable point per panel,
 * front marks, the caption, escaping, and no raw markup from names. */
static void
check_svg(fixture *f, size_t k, bool limit)
{
    eo_search_opts o;
    eo_search_result res;
    run_search(f, k, limit, &o, &res);
    eo_report_info ri = info(f, &o, &res);
    char path[128];
    snprintf(path, sizeof path, "%s/r%zu.svg", f->dir, k);
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, path), EO_OK);
    assert_int_equal(f->errors, 0);
    char *s = read_all(path);
    assert_non_null(s);
    counts c = count_points(&res);
    size_t panels = k == 3 ? 3 : 1;
    assert_true(c.failed > 0);
    assert_int_equal(c.plottable + c.failed, 24);
    if (limit && k >= 2)
        assert_true(c.infeasible > 0);
    assert_true(!strncmp(s, "<?xml version=\"1.0\"", 19));
    assert_non_null(strstr(s, "xmlns=\"http://www.w3.org/2000/svg\""));
    assert_int_equal(count_str(s, "<g class=\"panel\">"), panels);
    assert_int_equal(count_str(s, "class=\"pt"), panels * c.plottable);
    assert_int_equal(count_str(s, "class=\"pt front\""), panels * c.front);
    assert_int_equal(count_str(s, "class=\"pt infeasible\""),
                     panels * c.infeasible);
    /* Every mark carries its tooltip. */
    assert_int_equal(count_str(s, "<title>evaluation #"),
                     panels * c.plottable);
    char cap[64];
    snprintf(cap, sizeof cap, "%zu failed, not plotted", c.failed);
    assert_non_null(strstr(s, cap));
    if (k >= 2)
        assert_non_null(strstr(s, "class=\"stair\""));
    /* Axis labels with engineering units. */
    assert_non_null(strstr(s, "latency (ms)"));
    if (k >= 2)
        assert_non_null(strstr(s, "memory (KiB)"));
    if (k == 3)
        assert_non_null(strstr(s, "energy (uJ)"));
    if (k == 1)
        assert_non_null(strstr(s, ">evaluation<"));
    /* Escaping: the title and the enum value with markup. */
    assert_non_null(strstr(s, "m&amp;m &quot;kws&quot; &lt;tiny&gt;"));
    assert_non_null(strstr(s, "a&lt;b&gt;&amp;c"));
    assert_null(strstr(s, "a<b>"));
    assert_null(strstr(s, "<tiny>"));
    /* Well formed at the crudest level: tags balance. */
    assert_int_equal(count_str(s, "<svg"), 1);
    assert_int_equal(count_str(s, "</svg>"), 1);
    assert_int_equal(count_str(s, "<title>"), count_str(s, "</title>"));
    assert_int_equal(count_str(s, "<g "), count_str(s, "</g>"));
    free(s);
    eo_search_result_free(&res);
}

static void
test_svg_1(void **state)
{
    check_svg(*state, 1, false);
}

static void
test_svg_2(void **state)
{
    check_svg(*state, 2, true);
}

static void
test_svg_3(void **state)
{
    check_svg(*state, 3, true);
}

/* The JSON block of an HTML report, parsed. */
static cJSON *
html_json(const char *html)
{
    const char *open = "<script type=\"application/json\" id=\"eo-data\">";
    const char *p = strstr(html, open);
    if (!p)
        return NULL;
    p += strlen(open);
    const char *e = strstr(p, "</script>");
    if (!e)
        return NULL;
    return cJSON_ParseWithLength(p, (size_t)(e - p));
}

static void
check_html(fixture *f, size_t k, bool limit, const char *const *layers)
{
    eo_search_opts o;
    eo_search_result res;
    run_search(f, k, limit, &o, &res);
    eo_report_info ri = info(f, &o, &res);
    ri.layers = layers;
    char path[128];
    snprintf(path, sizeof path, "%s/r.html", f->dir);
    assert_int_equal(eo_report_write_html(f->ctx, &ri, path), EO_OK);
    assert_int_equal(f->errors, 0);
    char *s = read_all(path);
    assert_non_null(s);
    counts c = count_points(&res);
    size_t panels = k == 3 ? 3 : 1;
    assert_true(!strncmp(s, "<!DOCTYPE html>", 15));
    /* Self-contained: no external resource. */
    assert_null(strstr(s, "src="));
    assert_null(strstr(s, "href="));
    assert_null(strstr(s, "http://cdn"));
    assert_null(strstr(s, "https://"));
    /* Marks: only in the front plot, one per plottable point and panel. */
    assert_int_equal(count_str(s, "<svg"), 2);  /* plot + convergence */
    assert_int_equal(count_str(s, "class=\"pt"), panels * c.plottable);
    assert_int_equal(count_str(s, "class=\"pt front\""), panels * c.front);
    /* The Pareto table: one row per front point, ranked by the
     * objectives in order. */
    assert_int_equal(count_str(s, "<tr data-i="), res.front_size);
    size_t first = SIZE_MAX;
    for (size_t q = 0; q < res.front_size; q++) {
        size_t i = res.front[q];
        if (res.viol[i] != 0)
            continue;
        bool less = first == SIZE_MAX;
        for (size_t d = 0; d < k && !less; d++) {
            if (res.obj[i * k + d] != res.obj[first * k + d]) {
                less = res.obj[i * k + d] < res.obj[first * k + d];
                break;
            }
        }
        if (less)
            first = i;
    }
    char row[64];
    snprintf(row, sizeof row, "<tr data-i=\"%zu\"><td>1</td>", first);
    assert_non_null(strstr(s, row));
    snprintf(row, sizeof row, "<td>%zu</td>", c.front);
    assert_non_null(strstr(s, row));
    assert_non_null(strstr(s, "\nlayout=a&lt;b&gt;&amp;c"));
    assert_null(strstr(s, "a<b>"));
    assert_non_null(strstr(s, "<title>m&amp;m &quot;kws&quot; &lt;tiny&gt; "
                              "- exploration report</title>"));
    assert_non_null(strstr(s, "models/a&amp;b.onnx"));
    assert_non_null(strstr(s, "cortex-m55"));

    cJSON *j = html_json(s);
    assert_non_null(j);
    assert_string_equal(cJSON_GetObjectItem(j, "title")->valuestring,
                        "m&m \"kws\" <tiny>");
    assert_int_equal(cJSON_GetObjectItem(j, "plottable")->valueint,
                     (int)c.plottable);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "points")),
                     24);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "front")),
                     (int)res.front_size);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "objectives")),
                     (int)k);
    /* Front points carry their assignment, the others null. */
    const cJSON *pts = cJSON_GetObjectItem(j, "points");
    size_t with = 0;
    for (int p = 0; p < cJSON_GetArraySize(pts); p++) {
        const cJSON *a = cJSON_GetObjectItem(cJSON_GetArrayItem(pts, p),
                                             "assignment");
        assert_non_null(a);
        if (cJSON_IsString(a)) {
            with++;
            assert_non_null(strstr(a->valuestring, "fuse.enable="));
        } else {
            assert_true(cJSON_IsNull(a));
        }
    }
    assert_int_equal(with, res.front_size);
    /* The convergence curve: monotone, ending at the last evaluation. */
    const cJSON *conv = cJSON_GetObjectItem(
        cJSON_GetObjectItem(j, "convergence"), "points");
    int m = cJSON_GetArraySize(conv);
    assert_true(m >= 1);
    double prev = k == 1 ? INFINITY : 0;
    double prev_x = 0;
    for (int i = 0; i < m; i++) {
        const cJSON *p = cJSON_GetArrayItem(conv, i);
        double x = cJSON_GetArrayItem(p, 0)->valuedouble;
        double y = cJSON_GetArrayItem(p, 1)->valuedouble;
        assert_true(x > prev_x);
        if (k == 1)
            assert_true(y <= prev);
        else
            assert_true(y >= prev && y > 0 && y <= 1);
        prev = y;
        prev_x = x;
    }
    assert_true(prev_x == 24);
    if (k == 1) {
        /* The best latency over all feasible points. */
        double best = INFINITY;
        for (size_t i = 0; i < res.count; i++)
            if (res.viol[i] == 0)
                best = fmin(best, res.obj[i]);
        assert_true(prev == best);
    } else {
        /* The final value is the normalized hypervolume of the front. */
        double lo[3] = { INFINITY, INFINITY, INFINITY };
        double hi[3] = { -INFINITY, -INFINITY, -INFINITY };
        for (size_t i = 0; i < res.count; i++)
            if (res.viol[i] == 0)
                for (size_t d = 0; d < k; d++) {
                    lo[d] = fmin(lo[d], res.obj[i * k + d]);
                    hi[d] = fmax(hi[d], res.obj[i * k + d]);
                }
        double *norm = malloc(res.front_size * k * sizeof *norm);
        assert_non_null(norm);
        size_t nn = 0;
        for (size_t q = 0; q < res.front_size; q++) {
            size_t i = res.front[q];
            if (res.viol[i] != 0)
                continue;
            for (size_t d = 0; d < k; d++)
                norm[nn * k + d] =
                    (res.obj[i * k + d] - lo[d]) / (hi[d] - lo[d]);
            nn++;
        }
        double ref[3] = { 1.1, 1.1, 1.1 }, hv;
        assert_int_equal(eo_pareto_hypervolume(f->ctx, norm, nn, k, ref, &hv),
                         EO_OK);
        assert_true(fabs(hv / pow(1.1, (double)k) - prev) < 1e-12);
        free(norm);
    }
    cJSON_Delete(j);
    free(s);
    eo_search_result_free(&res);
}

static void
test_html_1(void **state)
{
    check_html(*state, 1, false, NULL);
}

static void
test_html_2(void **state)
{
    check_html(*state, 2, true, NULL);
}

static void
test_html_3(void **state)
{
    check_html(*state, 3, false, NULL);
}

/* Per-layer reports: a valid one becomes a table (names escaped), an
 * invalid one a warning and a note, a missing one a note. */
static void
test_html_layers(void **state)
{
    fixture *f = *state;
    eo_search_opts o;
    eo_search_result res;
    run_search(f, 2, false, &o, &res);
    assert_true(res.front_size >= 3);
    const char **layers = calloc(res.front_size, sizeof *layers);
    assert_non_null(layers);
    layers[0] = "{\"latency_s\": 0.002, \"energy_j\": 3e-5, "
                "\"peak_memory_bytes\": 40960, \"weight_bytes\": 1000, "
                "\"macs\": 1500000, \"layers\": ["
                "{\"name\": \"conv<1>&relu\", \"unit\": \"npu\", "
                "\"latency_s\": 0.0015, \"energy_j\": 2e-5, \"macs\": 1200000},"
                "{\"name\": \"fc\", \"unit\": \"cpu\", \"latency_s\": 0.0005,"
                " \"energy_j\": 1e-5, \"macs\": 300000}]}";
    layers[1] = "{not json";
    eo_report_info ri = info(f, &o, &res);
    ri.layers = layers;
    char path[128];
    snprintf(path, sizeof path, "%s/r.html", f->dir);
    assert_int_equal(eo_report_write_html(f->ctx, &ri, path), EO_OK);
    assert_int_equal(f->errors, 0);
    assert_int_equal(f->warnings, 1);
    char *s = read_all(path);
    assert_non_null(s);
    assert_non_null(strstr(s, "<td>conv&lt;1&gt;&amp;relu</td><td>npu</td>"
                              "<td class=\"num\">1.5 ms</td>"));
    assert_non_null(strstr(s, "width:75.0%"));
    assert_non_null(strstr(s, "<td class=\"num\">1.2 M</td>"));
    assert_non_null(strstr(s, "not valid JSON"));
    assert_non_null(strstr(s, "No per-layer report."));
    assert_null(strstr(s, "conv<1>"));
    cJSON *j = html_json(s);
    assert_non_null(j);
    const cJSON *l = cJSON_GetObjectItem(j, "layers");
    assert_int_equal(cJSON_GetArraySize(l), (int)res.front_size);
    const cJSON *l0 = cJSON_GetObjectItem(cJSON_GetArrayItem(l, 0), "layers");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(l0, 0),
                                            "name")->valuestring,
                        "conv<1>&relu");
    assert_true(cJSON_IsNull(cJSON_GetArrayItem(l, 1)));
    cJSON_Delete(j);
    free(s);
    free(layers);
    eo_search_result_free(&res);
}

static eo_status
fail_all(void *ud, const uint32_t *cand, const char *assignment,
         eo_eval_outcome *out)
{
    (void)ud;
    (void)cand;
    (void)assignment;
    out->status = EO_EVAL_TIMEOUT;
    return EO_OK;
}

/* Nothing plottable: both files are written, without marks. */
static void
test_all_failed(void **state)
{
    fixture *f = *state;
    eo_search_opts o = { .algo = EO_SEARCH_RANDOM, .seed = 1, .budget = 5,
                         .num_objectives = 2, .evaluate = fail_all };
    o.objectives[0] = EO_OBJ_LATENCY;
    o.objectives[1] = EO_OBJ_ENERGY;
    eo_search_result res;
    assert_int_equal(eo_search_run(f->ctx, f->space, &o, &res), EO_OK);
    eo_report_info ri = info(f, &o, &res);
    char path[128];
    snprintf(path, sizeof path, "%s/r.svg", f->dir);
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, path), EO_OK);
    char *s = read_all(path);
    assert_non_null(s);
    assert_int_equal(count_str(s, "class=\"pt"), 0);
    assert_non_null(strstr(s, "5 failed, not plotted"));
    assert_non_null(strstr(s, "no plottable point"));
    free(s);
    snprintf(path, sizeof path, "%s/r.html", f->dir);
    assert_int_equal(eo_report_write_html(f->ctx, &ri, path), EO_OK);
    s = read_all(path);
    assert_non_null(s);
    assert_int_equal(count_str(s, "class=\"pt"), 0);
    assert_non_null(strstr(s, "the Pareto set is empty"));
    assert_non_null(strstr(s, "no convergence curve"));
    cJSON *j = html_json(s);
    assert_non_null(j);
    assert_int_equal(cJSON_GetObjectItem(j, "plottable")->valueint, 0);
    cJSON_Delete(j);
    free(s);
    assert_int_equal(f->errors, 0);
    eo_search_result_free(&res);
}

/* A search that looked at nothing: empty plots, empty tables. */
static void
test_empty_result(void **state)
{
    fixture *f = *state;
    eo_search_opts o = { .num_objectives = 3 };
    o.objectives[0] = EO_OBJ_MEMORY;
    o.objectives[1] = EO_OBJ_LATENCY;
    o.objectives[2] = EO_OBJ_ENERGY;
    eo_search_result res = { .ndims = 3, .k = 3 };
    eo_report_info ri = info(f, &o, &res);
    char path[128];
    snprintf(path, sizeof path, "%s/r.svg", f->dir);
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, path), EO_OK);
    char *s = read_all(path);
    assert_non_null(s);
    assert_int_equal(count_str(s, "no plottable point"), 3);
    assert_non_null(strstr(s, "0 evaluated"));
    free(s);
    snprintf(path, sizeof path, "%s/r.html", f->dir);
    assert_int_equal(eo_report_write_html(f->ctx, &ri, path), EO_OK);
    s = read_all(path);
    assert_non_null(s);
    cJSON *j = html_json(s);
    assert_non_null(j);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(j, "points")),
                     0);
    cJSON_Delete(j);
    free(s);
    assert_int_equal(f->errors, 0);
}

static void
test_unwritable(void **state)
{
    fixture *f = *state;
    eo_search_opts o;
    eo_search_result res;
    run_search(f, 2, false, &o, &res);
    eo_report_info ri = info(f, &o, &res);
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, "/nonexistent/x.svg"),
                     EO_ERROR);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->last, "'/nonexistent/x.svg'"));
    assert_int_equal(eo_report_write_html(f->ctx, &ri, f->dir), EO_ERROR);
    assert_int_equal(f->errors, 2);
    assert_non_null(strstr(f->last, "cannot write HTML report"));
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, ""), EO_ERROR);
    assert_int_equal(f->errors, 3);
    eo_search_result_free(&res);
}

static void
test_bad_input(void **state)
{
    fixture *f = *state;
    eo_search_opts o;
    eo_search_result res;
    run_search(f, 2, false, &o, &res);
    eo_report_info ri = info(f, &o, &res);
    char path[128];
    snprintf(path, sizeof path, "%s/r.svg", f->dir);
    /* The options say 3 objectives, the result has 2. */
    o.num_objectives = 3;
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, path), EO_ERROR);
    assert_int_equal(f->errors, 1);
    o.num_objectives = 2;
    /* A front index out of range. */
    size_t saved = res.front[0];
    res.front[0] = 99;
    assert_int_equal(eo_report_write_html(f->ctx, &ri, path), EO_ERROR);
    assert_int_equal(f->errors, 2);
    res.front[0] = saved;
    /* No space. */
    ri.space = NULL;
    assert_int_equal(eo_report_write_svg(f->ctx, &ri, path), EO_ERROR);
    assert_int_equal(f->errors, 3);
    assert_int_equal(access(path, F_OK), -1);
    eo_search_result_free(&res);
}

/* A synthetic archive of 3000 points on three objectives (every 7th
 * failed): one mark per plottable point and panel; the convergence curve
 * is sampled (at most 402 points), stays monotone, and ends at the
 * normalized hypervolume of the front. */
static void
test_large_archive(void **state)
{
    fixture *f = *state;
    enum { N = 3000, K = 3 };
    eo_search_opts o = { .algo = EO_SEARCH_RANDOM, .num_objectives = K };
    o.objectives[0] = EO_OBJ_LATENCY;
    o.objectives[1] = EO_OBJ_ENERGY;
    o.objectives[2] = EO_OBJ_MEMORY;
    eo_search_result res = { .ndims = 3, .k = K, .count = N };
    res.cands = calloc(N * 3, sizeof *res.cands);
    res.obj = malloc(N * K * sizeof *res.obj);
    res.viol = calloc(N, sizeof *res.viol);
    res.front = malloc(N * sizeof *res.front);
    assert_true(res.cands && res.obj && res.viol && res.front);
    eo_rng rng;
    eo_rng_seed(&rng, 42);
    for (size_t i = 0; i < N; i++) {
        /* Uniform in a cube, scaled per objective (a front of a few
         * dozen points). */
        double x = eo_rng_unit(&rng), y = eo_rng_unit(&rng);
        double z = eo_rng_unit(&rng);
        res.obj[i * K] = 1e-3 * (0.1 + x);
        res.obj[i * K + 1] = 1e-6 * (0.1 + y);
        res.obj[i * K + 2] = 65536 * (0.1 + z);
        res.cands[i * 3 + 2] = (uint32_t)(i % 4);
        if (i % 7 == 3) {
            for (size_t d = 0; d < K; d++)
                res.obj[i * K + d] = INFINITY;
            res.viol[i] = INFINITY;
        }
    }
    for (size_t i = 0; i < N; i++) {
        if (isinf(res.viol[i]))
            continue;
        bool dom = false;
        for (size_t j = 0; j < N && !dom; j++)
            dom = j != i && eo_pareto_dominates(res.obj + j * K, res.viol[j],
                                                res.obj + i * K, res.viol[i],
                                                K);
        if (!dom)
            res.front[res.front_size++] = i;
    }
    eo_report_info ri = info(f, &o, &res);
    char path[128];
    snprintf(path, sizeof path, "%s/r.html", f->dir);
    assert_int_equal(eo_report_write_html(f->ctx, &ri, path), EO_OK);
    assert_int_equal(f->errors, 0);
    char *s = read_all(path);
    assert_non_null(s);
    size_t failed = (N - 3 + 6) / 7;
    assert_int_equal(count_str(s, "class=\"pt"), 3 * (N - failed));
    cJSON *j = html_json(s);
    assert_non_null(j);
    const cJSON *conv = cJSON_GetObjectItem(
        cJSON_GetObjectItem(j, "convergence"), "points");
    int m = cJSON_GetArraySize(conv);
    assert_true(m >= 2 && m <= 402);
    double prev = 0;
    for (int i = 0; i < m; i++) {
        double y = cJSON_GetArrayItem(cJSON_GetArrayItem(conv, i), 1)
                       ->valuedouble;
        assert_true(y >= prev);
        prev = y;
    }
    double lo[K], hi[K];
    for (size_t d = 0; d < K; d++) {
        lo[d] = INFINITY;
        hi[d] = -INFINITY;
    }
    for (size_t i = 0; i < N; i++)
        for (size_t d = 0; d < K && res.viol[i] == 0; d++) {
            lo[d] = fmin(lo[d], res.obj[i * K + d]);
            hi[d] = fmax(hi[d], res.obj[i * K + d]);
        }
    double *norm = malloc(res.front_size * K * sizeof *norm);
    assert_non_null(norm);
    for (size_t q = 0; q < res.front_size; q++)
        for (size_t d = 0; d < K; d++)
            norm[q * K + d] = (res.obj[res.front[q] * K + d] - lo[d]) /
                              (hi[d] - lo[d]);
    double ref[K] = { 1.1, 1.1, 1.1 }, hv;
    assert_int_equal(eo_pareto_hypervolume(f->ctx, norm, res.front_size, K,
                                           ref, &hv),
                     EO_OK);
    assert_true(fabs(hv / (1.1 * 1.1 * 1.1) - prev) < 1e-9);
    free(norm);
    cJSON_Delete(j);
    free(s);
    eo_search_result_free(&res);
}

/* "--write DIR": sample reports for the headless browser check. */
static int
write_samples(const char *dir)
{
    fixture *f = fixture_new();
    if (!f)
        return 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/expected.txt", dir);
    FILE *exp = fopen(path, "w");
    if (!exp)
        return 1;
    int rc = 0;
    for (size_t k = 1; k <= 3 && !rc; k++) {
        eo_search_opts o;
        eo_search_result res;
        if (search_k(f, k, true, &o, &res) != EO_OK)
            return 1;
        const char *layers0 =
            "{\"latency_s\": 0.002, \"energy_j\": 3e-5, \"macs\": 1500000,"
            " \"layers\": [{\"name\": \"conv</script>\", \"unit\": \"npu\","
            " \"latency_s\": 0.002, \"energy_j\": 3e-5, \"macs\": 1500000}]}";
        const char **layers = calloc(res.front_size + 1, sizeof *layers);
        if (!layers)
            return 1;
        layers[0] = layers0;
        eo_report_info ri = info(f, &o, &res);
        ri.layers = layers;
        counts c = count_points(&res);
        snprintf(path, sizeof path, "%s/report%zu.html", dir, k);
        if (eo_report_write_html(f->ctx, &ri, path) != EO_OK)
            rc = 1;
        snprintf(path, sizeof path, "%s/report%zu.svg", dir, k);
        if (eo_report_write_svg(f->ctx, &ri, path) != EO_OK)
            rc = 1;
        fprintf(exp, "report%zu %zu %zu %zu\n", k, k == 3 ? (size_t)3 : 1,
                c.plottable, c.front);
        free(layers);
        eo_search_result_free(&res);
    }
    if (fclose(exp) != 0)
        rc = 1;
    rmdir(f->dir);
    eo_space_destroy(f->space);
    eo_ctx_destroy(f->ctx);
    free(f);
    return rc;
}

int
main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "--write"))
        return write_samples(argv[2]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_objective_names),
        cmocka_unit_test_setup_teardown(test_svg_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_svg_3, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_2, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_3, setup, teardown),
        cmocka_unit_test_setup_teardown(test_html_layers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_all_failed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_result, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_archive, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

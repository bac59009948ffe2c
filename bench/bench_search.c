/* bench/bench_search.c - quality of the search algorithms (issue #8,
 * "Quality of the search"): on a small space where exhaustive
 * enumeration gives the true Pareto front, the normalized hypervolume
 * and ADRS each algorithm reaches at budgets of 1, 2, 5 and 10% of the
 * space, over 10 seeds.
 *
 * The space is a few layers of a real model on a real target: the
 * evaluator (explorer/evaluate.c) discovers the model's knobs; the first
 * layers' knobs (sites in order, the first --knobs-per-layer knobs of at
 * most --max-values values of each, as long as the space stays under
 * --max-space candidates: by default fuse and the loop order of the
 * first 2 layers of kws_dscnn_f32 on stm32n6-npu, 2304 candidates) form
 * the space, every other knob stays at its default. Every candidate is evaluated once into a table;
 * the searches then run against table lookups, so the bench measures the
 * algorithms, not the evaluator. With --synthetic (or when the evaluator
 * cannot be used) a documented synthetic table stands in, and the output
 * says so.
 *
 *   bench_search [--model M.onnx] [--target T] [--objectives a,b]
 *                [--max-space N] [--knobs-per-layer N] [--max-values N]
 *                [--seeds N]
 *                [--synthetic] [--dump table.csv]
 */
#include "explorer/explorer.h"
#include "ir/ir.h"

#include <cjson/cJSON.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef EO_BENCH_SOURCE_DIR
#define EO_BENCH_SOURCE_DIR "."
#endif

#define NUM_BUDGETS 4
static const double budget_pct[NUM_BUDGETS] = { 1, 2, 5, 10 };

/* The table: one outcome per candidate, in mixed-radix order (last
 * dimension fastest). */
typedef struct table {
    const eo_space *space;
    size_t nd, n;
    eo_eval_outcome *out;
} table;

static size_t
cand_index(const table *t, const uint32_t *c)
{
    size_t i = 0;
    for (size_t d = 0; d < t->nd; d++)
        i = i * eo_space_dim_size(t->space, d) + c[d];
    return i;
}

static eo_status
lookup_batch(void *ud, size_t n, const uint32_t *cands,
             const char *const *assignments, eo_eval_outcome *outs)
{
    const table *t = ud;
    (void)assignments;
    for (size_t i = 0; i < n; i++)
        outs[i] = t->out[cand_index(t, cands + i * t->nd)];
    return EO_OK;
}

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ------------------------------------------------------------------ */
/* The real space: the first layers of a model                          */
/* ------------------------------------------------------------------ */

/* Keeps, from a discovered knob-space JSON, the first 'per_layer' knobs
 * of the first sites (in the order they appear) while the product of
 * domain sizes stays within max_space; knobs with more than max_values
 * values (loop orders, by default) are skipped, so that several layers
 * fit. Appends the kept
 * knobs' JSON to 'out'; *layers receives the number of sites kept. */
static bool
restrict_space(const char *json, size_t len, uint64_t max_space,
               size_t per_layer, uint64_t max_values, eo_strbuf *out,
               size_t *layers)
{
    cJSON *root = cJSON_ParseWithLength(json, len);
    const cJSON *knobs = root ? cJSON_GetObjectItem(root, "knobs") : NULL;
    if (!cJSON_IsArray(knobs)) {
        cJSON_Delete(root);
        return false;
    }
    cJSON *keep = cJSON_CreateArray();
    const char *sites[64];
    size_t nsites = 0;
    uint64_t size = 1;
    bool full = false;
    /* Sites in order of first appearance. */
    const cJSON *k;
    cJSON_ArrayForEach(k, knobs) {
        const cJSON *site = cJSON_GetObjectItem(k, "site");
        if (!cJSON_IsString(site) || nsites == 64)
            continue;
        bool seen = false;
        for (size_t i = 0; i < nsites && !seen; i++)
            seen = !strcmp(sites[i], site->valuestring);
        if (!seen)
            sites[nsites++] = site->valuestring;
    }
    *layers = 0;
    for (size_t s = 0; s < nsites && !full; s++) {
        size_t taken = 0;
        cJSON_ArrayForEach(k, knobs) {
            if (taken == per_layer)
                break;
            const cJSON *site = cJSON_GetObjectItem(k, "site");
            if (!cJSON_IsString(site) || strcmp(site->valuestring, sites[s]))
                continue;
            const cJSON *dom = cJSON_GetObjectItem(k, "domain");
            const char *kind = cJSON_GetStringValue(
                cJSON_GetObjectItem(dom, "kind"));
            uint64_t n = 0;
            if (kind && !strcmp(kind, "bool"))
                n = 2;
            else if (kind && !strcmp(kind, "set"))
                n = (uint64_t)cJSON_GetArraySize(
                    cJSON_GetObjectItem(dom, "values"));
            else if (kind && !strcmp(kind, "enum"))
                n = (uint64_t)cJSON_GetArraySize(
                    cJSON_GetObjectItem(dom, "names"));
            if (n < 2 || n > max_values)
                continue;
            if (size * n > max_space) {
                full = true;
                break;
            }
            size *= n;
            cJSON_AddItemToArray(keep, cJSON_Duplicate(k, true));
            taken++;
        }
        *layers += taken > 0;
    }
    cJSON *o = cJSON_CreateObject();
    cJSON_AddItemToObject(o, "knobs", keep);
    char *text = cJSON_PrintUnformatted(o);
    if (text)
        eo_strbuf_puts(out, text);
    free(text);
    cJSON_Delete(o);
    cJSON_Delete(root);
    return text && size > 1;
}

/* ------------------------------------------------------------------ */
/* The synthetic fallback                                              */
/* ------------------------------------------------------------------ */

/* Three layers, each with a tile knob {0, 2, 4, 8}, an unroll knob
 * {1, 2, 4} and a layout bool (24 choices per layer, 13824 in all):
 * latency is a sum over layers of a term falling with tile and unroll
 * (with interactions, and the layout helping some layers and hurting
 * others); memory is the peak over layers of a buffer growing with the
 * tile and unroll (a max: not separable). Tile 8 with unroll 4 in layer
 * 2 fails to compile. */
static const char synthetic_json[] =
    "{\"knobs\": ["
    "{\"name\": \"layout.l1\", \"domain\": {\"kind\": \"bool\"}, "
    "\"default\": false, \"site\": \"l1\"},"
    "{\"name\": \"layout.l2\", \"domain\": {\"kind\": \"bool\"}, "
    "\"default\": false, \"site\": \"l2\"},"
    "{\"name\": \"layout.l3\", \"domain\": {\"kind\": \"bool\"}, "
    "\"default\": false, \"site\": \"l3\"},"
    "{\"name\": \"tile.l1.0\", \"domain\": {\"kind\": \"set\", \"values\": "
    "[0, 2, 4, 8]}, \"default\": 0, \"site\": \"l1\"},"
    "{\"name\": \"tile.l2.0\", \"domain\": {\"kind\": \"set\", \"values\": "
    "[0, 2, 4, 8]}, \"default\": 0, \"site\": \"l2\"},"
    "{\"name\": \"tile.l3.0\", \"domain\": {\"kind\": \"set\", \"values\": "
    "[0, 2, 4, 8]}, \"default\": 0, \"site\": \"l3\"},"
    "{\"name\": \"unroll.l1\", \"domain\": {\"kind\": \"set\", \"values\": "
    "[1, 2, 4]}, \"default\": 1, \"site\": \"l1\"},"
    "{\"name\": \"unroll.l2\", \"domain\": {\"kind\": \"set\", \"values\": "
    "[1, 2, 4]}, \"default\": 1, \"site\": \"l2\"},"
    "{\"name\": \"unroll.l3\", \"domain\": {\"kind\": \"set\", \"values\": "
    "[1, 2, 4]}, \"default\": 1, \"site\": \"l3\"}]}";

static void
synthetic_eval(const eo_space *s, const uint32_t *c, eo_eval_outcome *o)
{
    static const double work[] = { 3.0, 5.0, 2.0 };
    static const double buf[] = { 4.0, 2.0, 6.0 };
    char name[32];
    double lat = 0, mem = 0;
    for (int l = 0; l < 3; l++) {
        snprintf(name, sizeof name, "layout.l%d", l + 1);
        double lay = c[eo_space_find(s, name)];
        snprintf(name, sizeof name, "tile.l%d.0", l + 1);
        double t = c[eo_space_find(s, name)];
        snprintf(name, sizeof name, "unroll.l%d", l + 1);
        double u = c[eo_space_find(s, name)];
        if (l == 1 && t == 3 && u == 2) {
            o->status = EO_EVAL_FAILED;
            snprintf(o->message, sizeof o->message, "out of registers");
            return;
        }
        double f = (l == 1 ? 0.8 : 1.15);
        lat += work[l] * (1 + 2.0 / (1 + t) + 1.0 / (1 + u) +
                          0.15 * t * u) * (lay ? f : 1);
        double m = buf[l] * (1 + 0.6 * t * t + 0.8 * u) * (lay ? 0.9 : 1);
        mem = m > mem ? m : mem;
    }
    o->status = EO_EVAL_OK;
    o->obj[EO_OBJ_LATENCY] = lat * 1e-3;
    o->obj[EO_OBJ_ENERGY] = lat * 2e-6;
    o->obj[EO_OBJ_MEMORY] = 1024 * mem;
}

/* ------------------------------------------------------------------ */
/* Quality measures                                                     */
/* ------------------------------------------------------------------ */

typedef struct norm {
    size_t k;
    double lo[EO_NUM_OBJECTIVES], hi[EO_NUM_OBJECTIVES];
} norm;

/* Hypervolume of res's front, objectives normalized to [0, 1] over the
 * feasible space, reference point 1.1 (k = 1: 1.1 minus the minimum). */
static double
norm_hv(eo_ctx *ctx, const norm *nm, const eo_search_result *r)
{
    size_t k = nm->k;
    double *p = malloc((r->front_size + 1) * k * sizeof *p), hv = 0;
    if (!p)
        return 0;
    double best = 1.1;
    for (size_t i = 0; i < r->front_size; i++)
        for (size_t o = 0; o < k; o++) {
            double x = (r->obj[r->front[i] * k + o] - nm->lo[o]) /
                       (nm->hi[o] - nm->lo[o]);
            p[i * k + o] = x;
            best = x < best ? x : best;
        }
    if (k == 1)
        hv = 1.1 - best;
    else {
        double ref[EO_NUM_OBJECTIVES] = { 1.1, 1.1, 1.1 };
        if (eo_pareto_hypervolume(ctx, p, r->front_size, k, ref, &hv) !=
            EO_OK)
            hv = 0;
    }
    free(p);
    return hv;
}

/* ADRS: mean over the true front of the distance to the nearest found
 * point, the distance being the largest relative excess over the
 * objectives (0 when the point was found). */
static double
adrs(const eo_search_result *truth, const eo_search_result *r)
{
    size_t k = truth->k;
    if (r->front_size == 0)
        return INFINITY;
    double sum = 0;
    for (size_t i = 0; i < truth->front_size; i++) {
        const double *t = truth->obj + truth->front[i] * k;
        double best = INFINITY;
        for (size_t j = 0; j < r->front_size; j++) {
            const double *a = r->obj + r->front[j] * k;
            double d = 0;
            for (size_t o = 0; o < k; o++) {
                double e = (a[o] - t[o]) / fabs(t[o] != 0 ? t[o] : 1);
                d = e > d ? e : d;
            }
            best = d < best ? d : best;
        }
        sum += best;
    }
    return sum / (double)truth->front_size;
}

/* ------------------------------------------------------------------ */

static void
usage(void)
{
    fprintf(stderr, "usage: bench_search [--model M.onnx] [--target T] "
            "[--objectives latency,energy] [--max-space N] [--seeds N] "
            "[--knobs-per-layer N] [--max-values N] [--synthetic] "
            "[--dump table.csv]\n");
}

static void
print_diag(const eo_diag *d, void *ud)
{
    eo_ctx *ctx = ud;
    eo_strbuf b = { 0 };
    eo_diag_format(ctx, d, &b);
    fprintf(stderr, "%s\n", b.data ? b.data : "");
    eo_strbuf_free(&b);
}

int
main(int argc, char **argv)
{
    const char *model = EO_BENCH_SOURCE_DIR
        "/../shared/models/mlperf-tiny/kws_dscnn_f32.onnx";
    const char *target = EO_BENCH_SOURCE_DIR
        "/targets/data/stm32n6-npu.json";
    const char *objectives = NULL;      /* default: per table, below */
    uint64_t max_space = 4096;
    size_t per_layer = 2;
    uint64_t max_values = 25;
    int seeds = 10;
    bool synthetic = false;
    const char *dump = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--synthetic"))
            synthetic = true;
        else if (!strcmp(a, "--model") && v)
            model = argv[++i];
        else if (!strcmp(a, "--target") && v)
            target = argv[++i];
        else if (!strcmp(a, "--objectives") && v)
            objectives = argv[++i];
        else if (!strcmp(a, "--max-space") && v)
            max_space = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--max-values") && v)
            max_values = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--knobs-per-layer") && v)
            per_layer = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--dump") && v)
            dump = argv[++i];
        else if (!strcmp(a, "--seeds") && v)
            seeds = atoi(argv[++i]);
        else {
            usage();
            return 2;
        }
    }
    if (seeds < 1 || max_space < 2 || per_layer < 1) {
        usage();
        return 2;
    }
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return 1;
    eo_ctx_set_diag_handler(ctx, print_diag, ctx);

    /* The space and the table. */
    eo_space *space = eo_space_create(ctx);
    eo_evaluator *ev = NULL;
    eo_strbuf found = { 0 }, kept = { 0 };
    size_t layers = 0;
    const char *why = NULL;
    if (!space)
        return 1;
    if (!synthetic) {
        eo_evaluator_opts eo = { .model_path = model, .target = target };
        if (!(ev = eo_evaluator_create(ctx, &eo)))
            why = "the evaluator could not load the model or target";
        else if (eo_evaluator_discover(ev, &found) != EO_OK)
            why = "discovering the model's knobs failed";
        else if (!restrict_space(found.data, found.len, max_space,
                                 per_layer, max_values, &kept, &layers))
            why = "the model has no knobs to explore";
        else if (eo_space_load_json(space, kept.data, kept.len) != EO_OK)
            why = "the knob space could not be loaded";
    }
    if (synthetic || why) {
        eo_space_destroy(space);
        space = eo_space_create(ctx);
        if (!space || eo_space_load_json(space, synthetic_json,
                                         strlen(synthetic_json)) != EO_OK)
            return 1;
        layers = 3;
    }
    eo_search_opts base = { .seed = 1 };
    char objs[64];
    /* The synthetic table trades latency for memory; on the real space
     * memory does not move with these knobs, energy does. */
    if (!objectives)
        objectives = synthetic || why ? "latency,memory"
                                      : "latency,energy";
    snprintf(objs, sizeof objs, "%s", objectives);
    for (char *tok = strtok(objs, ","); tok; tok = strtok(NULL, ",")) {
        int o = !strcmp(tok, "latency")  ? EO_OBJ_LATENCY
                : !strcmp(tok, "energy") ? EO_OBJ_ENERGY
                : !strcmp(tok, "memory") ? EO_OBJ_MEMORY
                                         : -1;
        if (o < 0 || base.num_objectives == EO_NUM_OBJECTIVES) {
            fprintf(stderr, "bench_search: bad objective '%s'\n", tok);
            return 2;
        }
        base.objectives[base.num_objectives++] = (eo_objective)o;
    }

    table t = { .space = space, .nd = eo_space_num_dims(space),
                .n = (size_t)eo_space_size(space) };
    t.out = calloc(t.n, sizeof *t.out);
    uint32_t *c = calloc(t.nd ? t.nd : 1, sizeof *c);
    if (!t.out || !c)
        return 1;
    double t0 = now_s();
    size_t failed = 0;
    for (size_t i = 0; i < t.n; i++) {
        size_t r = i;
        for (size_t d = t.nd; d-- > 0;) {
            c[d] = (uint32_t)(r % eo_space_dim_size(space, d));
            r /= eo_space_dim_size(space, d);
        }
        if (synthetic || why) {
            synthetic_eval(space, c, &t.out[i]);
        } else if (eo_evaluator_run(ev, space, c, &t.out[i], NULL) !=
                   EO_OK) {
            fprintf(stderr, "bench_search: evaluator error\n");
            return 1;
        }
        failed += t.out[i].status != EO_EVAL_OK;
    }
    double table_s = now_s() - t0;
    if (dump) {
        /* The table as CSV: assignment, status, objectives. */
        FILE *fp = fopen(dump, "w");
        eo_strbuf b = { 0 };
        for (size_t i = 0; fp && i < t.n; i++) {
            size_t r = i;
            for (size_t d = t.nd; d-- > 0;) {
                c[d] = (uint32_t)(r % eo_space_dim_size(space, d));
                r /= eo_space_dim_size(space, d);
            }
            b.len = 0;
            if (eo_space_format(space, c, &b) != EO_OK)
                break;
            fprintf(fp, "\"%s\",%d,%.17g,%.17g,%.17g\n", b.data,
                    (int)t.out[i].status, t.out[i].obj[0], t.out[i].obj[1],
                    t.out[i].obj[2]);
        }
        eo_strbuf_free(&b);
        if (!fp || fclose(fp) != 0)
            fprintf(stderr, "bench_search: cannot write '%s'\n", dump);
    }

    printf("# Search quality (bench/bench_search.c)\n");
    if (synthetic || why)
        printf("SYNTHETIC TABLE (%s): 3 layers x (tile {0,2,4,8}, unroll "
               "{1,2,4}, layout bool); latency = sum over layers, memory = "
               "peak over layers; not a real model.\n",
               synthetic ? "--synthetic" : why);
    else
        printf("model %s\ntarget %s\nfirst %zu layers' knobs (other knobs "
               "at their defaults), evaluated by eo_evaluator_run\n", model,
               target, layers);
    printf("space: %zu dimensions, %zu candidates (%zu failed); table built "
           "in %.2f s (%.0f evaluations/s)\n", t.nd, t.n, failed, table_s,
           (double)t.n / (table_s > 0 ? table_s : 1e-9));
    printf("objectives: %s; %d seeds; population 20 (NSGA-II, layer-wise, "
           "model rounds)\n", objectives, seeds);

    /* The truth. */
    eo_search_opts o = base;
    o.algo = EO_SEARCH_EXHAUSTIVE;
    o.evaluate_batch = lookup_batch;
    o.ud = &t;
    eo_search_result truth;
    if (eo_search_run(ctx, space, &o, &truth) != EO_OK)
        return 1;
    norm nm = { .k = base.num_objectives };
    for (size_t j = 0; j < nm.k; j++) {
        nm.lo[j] = INFINITY;
        nm.hi[j] = -INFINITY;
        for (size_t i = 0; i < truth.count; i++) {
            double x = truth.obj[i * nm.k + j];
            if (!isfinite(x))
                continue;
            nm.lo[j] = x < nm.lo[j] ? x : nm.lo[j];
            nm.hi[j] = x > nm.hi[j] ? x : nm.hi[j];
        }
        if (!(nm.hi[j] > nm.lo[j]))
            nm.hi[j] = nm.lo[j] + 1;
    }
    double hv_true = norm_hv(ctx, &nm, &truth);
    /* Distinct objective vectors on the front, and whether the default
     * candidate is on it (a degenerate space when both say so). */
    size_t distinct = 0;
    bool def_on_front = false;
    eo_space_default(space, c);
    size_t def = cand_index(&t, c);
    for (size_t i = 0; i < truth.front_size; i++) {
        const double *a = truth.obj + truth.front[i] * nm.k;
        bool dup = false;
        for (size_t j = 0; j < i && !dup; j++)
            dup = !memcmp(a, truth.obj + truth.front[j] * nm.k,
                          nm.k * sizeof *a);
        distinct += !dup;
        def_on_front |= truth.front[i] == def;
    }
    printf("true front: %zu points, %zu distinct objective vectors; the "
           "default candidate is %son it; normalized hypervolume %.6f\n",
           truth.front_size, distinct, def_on_front ? "" : "not ", hv_true);
    if (distinct < 5)
        printf("NOTE: the true front has only %zu distinct point(s): the "
               "objectives move together here, so this measures how fast "
               "each algorithm finds the optimum, not how well it covers "
               "a front (--synthetic has a real trade-off).\n", distinct);
    printf("\n");

    /* Every algorithm at every budget over every seed. */
    enum { NA = 6 };
    static const eo_search_algo algos[NA] = {
        EO_SEARCH_RANDOM, EO_SEARCH_EXHAUSTIVE, EO_SEARCH_NSGA2,
        EO_SEARCH_ANNEAL, EO_SEARCH_LAYERWISE, EO_SEARCH_MODEL
    };
    double hv[NA][NUM_BUDGETS], hv_min[NA][NUM_BUDGETS];
    double ad[NA][NUM_BUDGETS], used[NA][NUM_BUDGETS], secs[NA];
    uint64_t budgets[NUM_BUDGETS];
    for (int b = 0; b < NUM_BUDGETS; b++) {
        budgets[b] = (uint64_t)ceil(budget_pct[b] / 100 * (double)t.n);
        budgets[b] = budgets[b] ? budgets[b] : 1;
    }
    for (int a = 0; a < NA; a++) {
        double ts = now_s();
        for (int b = 0; b < NUM_BUDGETS; b++) {
            hv[a][b] = ad[a][b] = used[a][b] = 0;
            hv_min[a][b] = INFINITY;
            for (int sd = 1; sd <= seeds; sd++) {
                o = base;
                o.algo = algos[a];
                o.seed = (uint64_t)sd;
                o.budget = budgets[b];
                o.evaluate_batch = lookup_batch;
                o.ud = &t;
                eo_search_result r;
                if (eo_search_run(ctx, space, &o, &r) != EO_OK)
                    return 1;
                double h = norm_hv(ctx, &nm, &r) / hv_true;
                hv[a][b] += h / seeds;
                hv_min[a][b] = h < hv_min[a][b] ? h : hv_min[a][b];
                ad[a][b] += adrs(&truth, &r) / seeds;
                used[a][b] += (double)r.count / seeds;
                eo_search_result_free(&r);
            }
        }
        secs[a] = now_s() - ts;
    }

    printf("normalized hypervolume, mean (min) over seeds; ADRS mean; "
           "candidates looked at (mean)\n");
    printf("%-11s", "budget");
    for (int b = 0; b < NUM_BUDGETS; b++)
        printf(" | %4.0f%% = %-20llu", budget_pct[b],
               (unsigned long long)budgets[b]);
    printf(" | time\n");
    for (int a = 0; a < NA; a++) {
        printf("%-11s", eo_search_algo_name(algos[a]));
        for (int b = 0; b < NUM_BUDGETS; b++)
            printf(" | %.4f (%.4f) %.4f %4.0f", hv[a][b], hv_min[a][b],
                   ad[a][b], used[a][b]);
        printf(" | %.2fs\n", secs[a]);
    }

    /* Summary. */
    int at5 = 2;
    printf("\nsummary: >= 0.99 normalized HV (mean over seeds) at <= 5%% "
           "of the space:");
    bool any = false;
    for (int a = 0; a < NA; a++) {
        bool ok = false;
        for (int b = 0; b <= at5; b++)
            ok |= hv[a][b] >= 0.99;
        if (ok) {
            printf(" %s", eo_search_algo_name(algos[a]));
            any = true;
        }
    }
    printf("%s\nsummary: beats random (mean HV, every budget):",
           any ? "" : " none");
    for (int a = 1; a < NA; a++) {
        bool beats = true;
        for (int b = 0; b < NUM_BUDGETS; b++)
            beats &= hv[a][b] > hv[0][b] ||
                     (hv[a][b] >= 1 - 1e-12 && hv[0][b] >= 1 - 1e-12);
        printf(" %s=%s", eo_search_algo_name(algos[a]),
               beats ? "yes" : "no");
    }
    printf("\n");

    eo_search_result_free(&truth);
    free(t.out);
    free(c);
    eo_strbuf_free(&found);
    eo_strbuf_free(&kept);
    eo_evaluator_destroy(ev);
    eo_space_destroy(space);
    eo_ctx_destroy(ctx);
    return 0;
}

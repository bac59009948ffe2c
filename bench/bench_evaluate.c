/* bench/bench_evaluate.c - speed of the analytical cost model: imports a
 * model, runs a pipeline once (timed), then evaluates the lowered module
 * on each target given for at least a minimum time and prints
 * evaluations per second and the time of one. Driven by
 * bench/bench_evaluate.sh.
 *
 * Usage: bench_evaluate MODEL.onnx PIPELINE MIN_SECONDS TARGET.json...
 */
#include "dialects/dialects.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "targets/targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
print_diag(const eo_diag *d, void *ud)
{
    eo_ctx *ctx = ud;
    eo_strbuf b = { 0 };
    eo_diag_format(ctx, d, &b);
    if (b.data)
        fputs(b.data, stderr);
    eo_strbuf_free(&b);
}

int
main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: %s MODEL.onnx PIPELINE MIN_SECONDS "
                "TARGET.json...\n", argv[0]);
        return 2;
    }
    double min_s = atof(argv[3]);
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK ||
        eo_passes_register(ctx) != EO_OK ||
        eo_graph_register_passes(ctx) != EO_OK ||
        eo_tl_register_passes(ctx) != EO_OK) {
        fprintf(stderr, "bench_evaluate: cannot set up a context\n");
        return 1;
    }
    eo_ctx_set_diag_handler(ctx, print_diag, ctx);
    int rc = 0;
    double t0 = now();
    eo_op *m = eo_onnx_import_file(ctx, argv[1], NULL);
    double t_import = now() - t0;
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = m ? eo_pm_create(ctx, "builtin.module", &cfg)
                            : NULL;
    t0 = now();
    if (!pm || eo_pm_add_pipeline(pm, argv[2]) != EO_OK ||
        eo_pm_run(pm, m, NULL) != EO_OK) {
        fprintf(stderr, "bench_evaluate: %s: import or pipeline failed\n",
                argv[1]);
        rc = 1;
    }
    double t_pipe = now() - t0;
    const char *base = strrchr(argv[1], '/');
    base = base ? base + 1 : argv[1];
    if (!rc)
        printf("%-28s import %8.2f ms  pipeline %8.2f ms\n", base,
               t_import * 1e3, t_pipe * 1e3);
    for (int i = 4; i < argc && !rc; i++) {
        eo_target *t = eo_target_load(ctx, argv[i]);
        if (!t) {
            rc = 1;
            break;
        }
        long n = 0;
        double latency = 0;
        t0 = now();
        double el;
        do {
            eo_cost_report r;
            if (eo_target_model_evaluate(ctx, t, m, &r) != EO_OK)
                rc = 1;
            latency = r.latency_s;
            eo_cost_report_free(&r);
            n++;
            el = now() - t0;
        } while (!rc && el < min_s);
        if (!rc)
            printf("  %-16s %9.0f evals/s  %8.3f ms/eval  (modelled "
                   "latency %.4g ms)\n", eo_target_name(t), n / el,
                   el / n * 1e3, latency * 1e3);
        eo_target_destroy(t);
    }
    eo_pm_destroy(pm);
    eo_op_destroy(m);
    eo_ctx_destroy(ctx);
    return rc;
}

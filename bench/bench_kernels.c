/* bench/bench_kernels.c - our compiled kernels against OpenBLAS and
 * XNNPACK, side by side in one process, single-threaded (issue #6).
 *
 * Each kernel is a tl op on memrefs (tl.matmul, tl.conv2d and
 * tl.depthwise_conv2d in NHWC), lowered through the library as edge-opt
 * does (tl-to-loops with knobs, canonicalize, unroll-jam, canonicalize),
 * JIT-compiled for the host CPU (its name and features) at O3 and timed
 * against cblas_sgemm (OpenBLAS, one thread) or XNNPACK's NHWC
 * convolution operator (no thread pool) on the same data. Outputs are
 * compared (max |ours - ref| / max |ref| <= 1e-4) and the best of -r runs
 * (two for the plain loops)
 * gives GFLOP/s and the ratio ours / reference, for the default knobs
 * (plain loops) and the tuned ones built in below (or given with --knob,
 * which replace them for every kernel).
 *
 *   bench_kernels [-r RUNS] [-k NAME] [-t] [--knob NAME=VALUE]... [--list]
 *
 * -t runs the tuned assignment only; --list prints the assignment used.
 * The plain loops of kernels above 1 GFLOP (sgemm1024: tens of seconds)
 * are not run.
 *
 * A convolution reads an input padded by the caller (tl has no padding
 * attribute), so both sides compute a valid convolution of the same
 * padded input; XNNPACK gets zero padding. Exit status: 0 when every
 * output agrees, 1 otherwise.
 */
#define _POSIX_C_SOURCE 200809L       /* clock_gettime, setenv */
#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <cblas.h>
#include <xnnpack.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_KNOBS 32
/* The plain loops of larger kernels take tens of seconds: not run. */
#define MAX_DEFAULT_FLOPS 1e9

enum kind { GEMM, CONV, DWCONV };

typedef struct kernel {
    const char *name;
    enum kind kind;
    int m, n, k;                /* GEMM: C[m,n] += A[m,k] B[k,n] */
    int oh, ow, c, f, kh, s;    /* CONV/DW: out oh x ow x f, kh x kh, s */
    const char *pipeline;       /* after the knobs are assigned */
    const char *knobs[MAX_KNOBS];   /* the tuned assignment */
} kernel;

#define PIPE "builtin.module(tl-to-loops,canonicalize,unroll-jam,canonicalize)"

/* The tuned assignments were found by hand on an AVX2 host with
 * `edge-opt --list-knobs` and this program (bench/README.md). */
static const kernel kernels[] = {
    { "sgemm256", GEMM, 256, 256, 256, 0, 0, 0, 0, 0, 0, PIPE,
      { "tile.k.1=32", "tile.k.2=128", "interchange.k=d0,d2,d1",
        "vectorize.k=16", "unroll_jam.*.factor=8",
        "unroll_jam.*.contract=true", NULL } },
    { "sgemm1024", GEMM, 1024, 1024, 1024, 0, 0, 0, 0, 0, 0, PIPE,
      { "tile.k.0=64", "tile.k.1=32", "tile.k.2=128",
        "interchange.k=d0,d2,d1", "vectorize.k=16", "unroll_jam.*.factor=8",
        "unroll_jam.*.contract=true", NULL } },
    /* MobileNet-like 3x3 convolutions (NHWC): the stem (3 -> 32, stride
     * 2) and a body layer; register blocks of ow x f. */
    { "conv3x3_s2_112_3_32", CONV, 0, 0, 0, 112, 112, 3, 32, 3, 2, PIPE,
      { "interchange.k=d0,d1,d2,d4,d5,d6,d3", "vectorize.k=16",
        "unroll_jam.scf.for_1.factor=8", "unroll_jam.*.contract=true",
        NULL } },
    { "conv3x3_28_64_64", CONV, 0, 0, 0, 28, 28, 64, 64, 3, 1, PIPE,
      { "interchange.k=d0,d1,d2,d4,d5,d6,d3", "vectorize.k=16",
        "unroll_jam.scf.for_1.factor=4", "unroll_jam.*.contract=true",
        NULL } },
    /* MobileNet v1 depthwise 3x3 layers (stride 1 and 2). */
    { "dw3x3_56_128", DWCONV, 0, 0, 0, 56, 56, 128, 128, 3, 1, PIPE,
      { "interchange.k=d0,d1,d2,d4,d5,d3", "vectorize.k=16", "tile.k.3=64",
        "unroll_jam.scf.for_2.factor=2", "unroll_jam.*.contract=true",
        NULL } },
    /* Strided: jamming does not pay (the reads of two ow are not
     * shared); c innermost in vectors of 16 is enough. */
    { "dw3x3_s2_56_64", DWCONV, 0, 0, 0, 56, 56, 64, 64, 3, 2, PIPE,
      { "interchange.k=d0,d1,d2,d4,d5,d3", "vectorize.k=16", NULL } },
};
#define NUM_KERNELS (sizeof kernels / sizeof *kernels)

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Input height/width of a valid convolution giving 'o' outputs. */
static int
in_size(int o, int k, int s)
{
    return (o - 1) * s + k;
}

static double
flops(const kernel *kn)
{
    if (kn->kind == GEMM)
        return 2.0 * kn->m * kn->n * kn->k;
    double out = (double)kn->oh * kn->ow * kn->f * kn->kh * kn->kh;
    return 2.0 * out * (kn->kind == CONV ? kn->c : 1);
}

/* The kernel as MLIR text (a function of three memrefs); malloc'd. */
static char *
kernel_source(const kernel *kn)
{
    char *buf = malloc(2048);
    if (!buf)
        return NULL;
    if (kn->kind == GEMM) {
        snprintf(buf, 2048,
                 "func.func @k(%%a: memref<%dx%dxf32>, %%b: memref<%dx%dxf32>,"
                 " %%c: memref<%dx%dxf32>) {\n"
                 "  tl.matmul {name = \"k\"} ins(%%a, %%b : memref<%dx%dxf32>,"
                 " memref<%dx%dxf32>) outs(%%c : memref<%dx%dxf32>)\n"
                 "  return\n}\n",
                 kn->m, kn->k, kn->k, kn->n, kn->m, kn->n, kn->m, kn->k,
                 kn->k, kn->n, kn->m, kn->n);
        return buf;
    }
    int ih = in_size(kn->oh, kn->kh, kn->s), iw = in_size(kn->ow, kn->kh,
                                                          kn->s);
    char x[64], w[64], y[64];
    snprintf(x, sizeof x, "memref<1x%dx%dx%dxf32>", ih, iw, kn->c);
    if (kn->kind == CONV)
        snprintf(w, sizeof w, "memref<%dx%dx%dx%dxf32>", kn->kh, kn->kh,
                 kn->c, kn->f);
    else
        snprintf(w, sizeof w, "memref<%dx%dx%dxf32>", kn->kh, kn->kh,
                 kn->c);
    snprintf(y, sizeof y, "memref<1x%dx%dx%dxf32>", kn->oh, kn->ow, kn->f);
    snprintf(buf, 2048,
             "func.func @k(%%x: %s, %%w: %s, %%y: %s) {\n"
             "  %s {name = \"k\", layout = \"%s\", strides = array<i64: %d, "
             "%d>} ins(%%x, %%w : %s, %s) outs(%%y : %s)\n  return\n}\n",
             x, w, y, kn->kind == CONV ? "tl.conv2d" : "tl.depthwise_conv2d",
             kn->kind == CONV ? "nhwc_hwcf" : "nhwc_hwc", kn->s, kn->s, x, w,
             y);
    return buf;
}

typedef struct options {
    unsigned runs;
    const char *only;
    const char *knobs[MAX_KNOBS];
    size_t num_knobs;
    bool list;
    bool tuned_only;
} options;

/* Parses, lowers with 'knobs' (NULL-terminated, may be NULL) and JITs
 * the kernel; NULL after a message. *compile_s gets the time taken. */
static eo_jit *
compile_kernel(eo_ctx *ctx, const kernel *kn, const char *const *knobs,
               bool list, double *compile_s)
{
    double t0 = now();
    char *src = kernel_source(kn);
    eo_op *m = src ? eo_parse_source(ctx, kn->name, src, strlen(src), NULL)
                   : NULL;
    eo_knob_store *ks = m ? eo_knob_store_create(ctx) : NULL;
    eo_pass_manager *pm = NULL;
    eo_jit *jit = NULL;
    bool ok = ks && eo_op_verify(m) == EO_OK;
    for (size_t i = 0; ok && knobs && knobs[i]; i++)
        ok = eo_knob_store_assign(ks, knobs[i]) == EO_OK;
    if (ok) {
        eo_pm_config cfg;
        eo_pm_config_init(&cfg);
        cfg.threading = false;
        pm = eo_pm_create(ctx, "builtin.module", &cfg);
        ok = pm && eo_pm_add_pipeline(pm, kn->pipeline) == EO_OK &&
             eo_pm_run(pm, m, eo_knob_store_provider(ks)) == EO_OK &&
             eo_knob_store_check(ks) == EO_OK;
    }
    if (ok && list) {
        eo_strbuf sb = { 0 };
        eo_knob_store_assignment_json(ks, &sb);
        printf("%s knobs: %s\n", kn->name, sb.data ? sb.data : "");
        eo_strbuf_free(&sb);
    }
    if (ok) {
        eo_codegen_options co = { .cpu = "native", .opt_level = 3 };
        jit = eo_jit_create(m, &co);
    }
    if (!jit)
        fprintf(stderr, "bench_kernels: %s: cannot compile\n", kn->name);
    eo_pm_destroy(pm);
    eo_knob_store_destroy(ks);
    if (m)
        eo_op_destroy(m);
    free(src);
    *compile_s = now() - t0;
    return jit;
}

static void
fill(float *p, size_t n, unsigned seed)
{
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1664525u + 1013904223u;
        p[i] = (float)((seed >> 8) & 0xffff) / 32768.0f - 1.0f;
    }
}

static eo_tensor
wrap(float *p, size_t rank, const int64_t *shape)
{
    eo_tensor t;
    memset(&t, 0, sizeof t);
    t.dtype = EO_DT_F32;
    t.rank = rank;
    size_t n = 1;
    for (size_t i = 0; i < rank; i++) {
        t.shape[i] = shape[i];
        n *= (size_t)shape[i];
    }
    t.data = p;
    t.nbytes = n * sizeof(float);
    t.borrowed = true;
    return t;
}

/* The problem's buffers: in0, in1, out (ours), ref (the library's). */
typedef struct problem {
    float *in0, *in1, *out, *ref, *wx;  /* wx: XNNPACK's filter layout */
    size_t n0, n1, nout;
    eo_tensor args[3];
    xnn_operator_t xop;
} problem;

static bool
problem_init(problem *p, const kernel *kn)
{
    memset(p, 0, sizeof *p);
    int64_t s0[4], s1[4], so[4];
    size_t r0, r1, ro;
    if (kn->kind == GEMM) {
        s0[0] = kn->m; s0[1] = kn->k; r0 = 2;
        s1[0] = kn->k; s1[1] = kn->n; r1 = 2;
        so[0] = kn->m; so[1] = kn->n; ro = 2;
    } else {
        s0[0] = 1;
        s0[1] = in_size(kn->oh, kn->kh, kn->s);
        s0[2] = in_size(kn->ow, kn->kh, kn->s);
        s0[3] = kn->c;
        r0 = 4;
        s1[0] = kn->kh; s1[1] = kn->kh; s1[2] = kn->c; s1[3] = kn->f;
        r1 = kn->kind == CONV ? 4 : 3;
        so[0] = 1; so[1] = kn->oh; so[2] = kn->ow; so[3] = kn->f;
        ro = 4;
    }
    p->n0 = p->n1 = p->nout = 1;
    for (size_t i = 0; i < r0; i++)
        p->n0 *= (size_t)s0[i];
    for (size_t i = 0; i < r1; i++)
        p->n1 *= (size_t)s1[i];
    for (size_t i = 0; i < ro; i++)
        p->nout *= (size_t)so[i];
    /* XNN_EXTRA_BYTES: XNNPACK may read a little past its inputs. */
    p->in0 = malloc(p->n0 * sizeof(float) + XNN_EXTRA_BYTES);
    p->in1 = malloc(p->n1 * sizeof(float) + XNN_EXTRA_BYTES);
    p->wx = malloc(p->n1 * sizeof(float) + XNN_EXTRA_BYTES);
    p->out = malloc(p->nout * sizeof(float));
    p->ref = malloc(p->nout * sizeof(float) + XNN_EXTRA_BYTES);
    if (!p->in0 || !p->in1 || !p->wx || !p->out || !p->ref)
        return false;
    fill(p->in0, p->n0, 1);
    fill(p->in1, p->n1, 2);
    p->args[0] = wrap(p->in0, r0, s0);
    p->args[1] = wrap(p->in1, r1, s1);
    p->args[2] = wrap(p->out, ro, so);
    if (kn->kind == GEMM)
        return true;
    float *bias = calloc((size_t)kn->f, sizeof(float));
    if (!bias)
        return false;
    enum xnn_status st;
    if (kn->kind == CONV) {
        /* Ours is HWCF; XNNPACK wants FHWC (OHWI). */
        size_t khw = (size_t)kn->kh * (size_t)kn->kh;
        for (size_t f = 0; f < (size_t)kn->f; f++)
            for (size_t q = 0; q < khw; q++)
                for (size_t c = 0; c < (size_t)kn->c; c++)
                    p->wx[(f * khw + q) * (size_t)kn->c + c] =
                        p->in1[(q * (size_t)kn->c + c) * (size_t)kn->f + f];
        st = xnn_create_convolution2d_nhwc_f32(
            0, 0, 0, 0, (uint32_t)kn->kh, (uint32_t)kn->kh, (uint32_t)kn->s,
            (uint32_t)kn->s, 1, 1, 1, (size_t)kn->c, (size_t)kn->f,
            (size_t)kn->c, (size_t)kn->f, p->wx, bias, -INFINITY, INFINITY,
            0, &p->xop);
    } else {
        /* Depthwise: HWC filter with XNN_FLAG_DEPTHWISE_CONVOLUTION. */
        st = xnn_create_convolution2d_nhwc_f32(
            0, 0, 0, 0, (uint32_t)kn->kh, (uint32_t)kn->kh, (uint32_t)kn->s,
            (uint32_t)kn->s, 1, 1, (uint32_t)kn->c, 1, 1, (size_t)kn->c,
            (size_t)kn->c, p->in1, bias, -INFINITY, INFINITY,
            XNN_FLAG_DEPTHWISE_CONVOLUTION, &p->xop);
    }
    free(bias);
    if (st != xnn_status_success) {
        fprintf(stderr, "bench_kernels: %s: xnn_create failed (%d)\n",
                kn->name, (int)st);
        return false;
    }
    st = xnn_setup_convolution2d_nhwc_f32(p->xop, 1, (size_t)s0[1],
                                          (size_t)s0[2], p->in0, p->ref,
                                          NULL);
    if (st != xnn_status_success) {
        fprintf(stderr, "bench_kernels: %s: xnn_setup failed (%d)\n",
                kn->name, (int)st);
        return false;
    }
    return true;
}

static void
problem_free(problem *p)
{
    if (p->xop)
        xnn_delete_operator(p->xop);
    free(p->in0);
    free(p->in1);
    free(p->wx);
    free(p->out);
    free(p->ref);
}

/* One run of the reference; false on a library error. */
static bool
run_ref(const kernel *kn, problem *p)
{
    if (kn->kind == GEMM) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, kn->m, kn->n,
                    kn->k, 1.0f, p->in0, kn->k, p->in1, kn->n, 1.0f, p->ref,
                    kn->n);
        return true;
    }
    return xnn_run_operator(p->xop, NULL) == xnn_status_success;
}

/* Best seconds of 'runs' runs (after one warm-up) of ours (jit) or the
 * reference (jit NULL); the output is reset before each run (an
 * accumulator: C += A B). Negative on error. */
static double
best_time(const kernel *kn, problem *p, eo_jit *jit, unsigned runs)
{
    double best = INFINITY;
    float *o = jit ? p->out : p->ref;
    for (unsigned r = 0; r <= runs; r++) {
        memset(o, 0, p->nout * sizeof(float));
        double t0 = now();
        bool ok;
        if (jit) {
            size_t nout = 0;
            ok = eo_jit_call(jit, "k", 3, p->args, &nout, NULL) == EO_OK;
        } else {
            ok = run_ref(kn, p);
        }
        double t = now() - t0;
        if (!ok)
            return -1;
        if (r > 0 && t < best)
            best = t;
    }
    return best;
}

static double
rel_error(const problem *p)
{
    double maxd = 0, maxr = 0;
    for (size_t i = 0; i < p->nout; i++) {
        double d = fabs((double)p->out[i] - (double)p->ref[i]);
        if (d > maxd || isnan(d))
            maxd = isnan(d) ? INFINITY : d;
        if (fabs((double)p->ref[i]) > maxr)
            maxr = fabs((double)p->ref[i]);
    }
    return maxr > 0 ? maxd / maxr : maxd;
}

/* Benchmarks one kernel; false when an output disagrees or on error. */
static bool
bench_one(eo_ctx *ctx, const kernel *kn, const options *o)
{
    problem p;
    bool ok = problem_init(&p, kn);
    double tref = ok ? best_time(kn, &p, NULL, o->runs) : -1;
    ok = ok && tref > 0;
    const char *const *tuned = o->num_knobs ? o->knobs : kn->knobs;
    for (int v = 0; v < 2 && ok; v++) {
        if (v == 0 && (o->tuned_only || flops(kn) > MAX_DEFAULT_FLOPS)) {
            printf("%-20s %-7s (skipped)\n", kn->name, "default");
            continue;
        }
        double cs;
        eo_jit *jit = compile_kernel(ctx, kn, v ? tuned : NULL, o->list,
                                     &cs);
        /* The plain loops are slow: two runs are enough for them. */
        double t = jit ? best_time(kn, &p, jit,
                                   v || o->runs < 2 ? o->runs : 2) : -1;
        eo_jit_destroy(jit);
        if (t < 0) {
            ok = false;
            break;
        }
        double err = rel_error(&p);
        double gf = flops(kn) / t * 1e-9, gref = flops(kn) / tref * 1e-9;
        printf("%-20s %-7s %9.3f ms %7.2f GF/s  %-8s %9.3f ms %7.2f GF/s"
               "  ratio %5.2f  compile %6.1f ms  err %.1e%s\n",
               kn->name, v ? "tuned" : "default", t * 1e3, gf,
               kn->kind == GEMM ? "openblas" : "xnnpack", tref * 1e3, gref,
               gf / gref, cs * 1e3, err, err <= 1e-4 ? "" : "  MISMATCH");
        if (!(err <= 1e-4))
            ok = false;
    }
    problem_free(&p);
    return ok;
}

static int
usage(void)
{
    fprintf(stderr, "usage: bench_kernels [-r RUNS] [-k NAME] "
            "[-t] [--knob NAME=VALUE]... [--list]\nkernels:");
    for (size_t i = 0; i < NUM_KERNELS; i++)
        fprintf(stderr, " %s", kernels[i].name);
    fprintf(stderr, "\n");
    return 1;
}

int
main(int argc, char **argv)
{
    options o = { .runs = 5 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-r") && i + 1 < argc) {
            o.runs = (unsigned)strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "-k") && i + 1 < argc) {
            o.only = argv[++i];
        } else if (!strcmp(argv[i], "--knob") && i + 1 < argc &&
                   o.num_knobs + 1 < MAX_KNOBS) {
            o.knobs[o.num_knobs++] = argv[++i];
        } else if (!strcmp(argv[i], "--list")) {
            o.list = true;
        } else if (!strcmp(argv[i], "-t")) {
            o.tuned_only = true;
        } else {
            return usage();
        }
    }
    if (o.runs == 0)
        o.runs = 1;
    openblas_set_num_threads(1);
    if (xnn_initialize(NULL) != xnn_status_success) {
        fprintf(stderr, "bench_kernels: cannot initialize XNNPACK\n");
        return 1;
    }
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK ||
        eo_passes_register(ctx) != EO_OK ||
        eo_tl_register_passes(ctx) != EO_OK) {
        fprintf(stderr, "bench_kernels: cannot set up the context\n");
        eo_ctx_destroy(ctx);
        return 1;
    }
    printf("# one thread; best of %u runs; ratio = ours / reference "
           "GFLOP/s (target >= 0.8)\n", o.runs);
    bool ok = true, found = false;
    for (size_t i = 0; i < NUM_KERNELS; i++) {
        if (o.only && strcmp(o.only, kernels[i].name))
            continue;
        found = true;
        fflush(stdout);
        ok = bench_one(ctx, &kernels[i], &o) && ok;
    }
    eo_ctx_destroy(ctx);
    xnn_deinitialize();
    if (!found)
        return usage();
    return ok ? 0 : 1;
}

/* test/codegen/test_parallel.c - scf.parallel on the host: the thread
 * pool of codegen/parallel.c (every iteration run once, for any range
 * and pool size; two threads really run at once; nested loops run in
 * place), the translation (an outlined body called through the runtime
 * for the JIT, a serial nest otherwise, reductions rejected), JIT
 * results bit-identical for 1, 2 and 4 threads and equal to the
 * interpreter's, and the parallel knob of tl-to-loops (its domain, the
 * loop it parallelizes, composed with tile and vectorize, results
 * unchanged).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/codegen.h"
#include "codegen/jit_internal.h"
#include "codegen/parallel.h"
#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
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
    assert_int_equal(eo_rt_set_threads(1), EO_OK);     /* joins workers */
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_op *
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test.mlir", text, strlen(text),
                               NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* ------------------------------------------------------------------ */
/* The runtime                                                         */
/* ------------------------------------------------------------------ */

static void
test_settings(void **state)
{
    (void)state;
    assert_int_equal(eo_rt_threads(), 1);
    assert_int_equal(eo_rt_set_threads(0), EO_ERROR);
    assert_int_equal(eo_rt_set_threads(EO_RT_MAX_THREADS + 1), EO_ERROR);
    assert_int_equal(eo_rt_threads(), 1);
    assert_int_equal(eo_rt_set_threads(3), EO_OK);
    assert_int_equal(eo_rt_threads(), 3);
    assert_int_equal(eo_rt_set_threads(3), EO_OK);
    assert_int_equal(eo_rt_set_threads(1), EO_OK);
    assert_int_equal(eo_rt_threads(), 1);
}

/* Counts the runs of each iteration of one range. */
typedef struct cover {
    int64_t lb, ub, step;
    atomic_int hits[1100];
    atomic_int bad;         /* chunks outside the range or misaligned */
} cover;

static void
cover_body(void *ctx, int64_t lo, int64_t hi, int64_t step)
{
    cover *c = ctx;
    if (step != c->step || lo < c->lb || hi > c->ub || lo >= hi ||
        ((uint64_t)lo - (uint64_t)c->lb) % (uint64_t)step != 0) {
        atomic_fetch_add(&c->bad, 1);
        return;
    }
    for (int64_t i = lo; i < hi; i += step) {
        uint64_t k = ((uint64_t)i - (uint64_t)c->lb) / (uint64_t)step;
        if (k < 1100)
            atomic_fetch_add(&c->hits[k], 1);
        else
            atomic_fetch_add(&c->bad, 1);
        if (i > hi - step)      /* the next one would overflow */
            break;
    }
}

static void
test_every_iteration_once(void **state)
{
    (void)state;
    static const int64_t ranges[][3] = {
        {0, 10, 1}, {-7, 13, 3}, {5, 5, 1}, {5, 4, 1}, {0, 1, 1},
        {0, 1000, 1}, {3, 1003, 7}, {INT64_MAX - 10, INT64_MAX, 3},
        {INT64_MIN, INT64_MIN + 5, 2}, {0, 10, 0}, {0, 10, -1},
    };
    static const unsigned threads[] = {1, 2, 4, 7};
    cover *c = malloc(sizeof *c);
    assert_non_null(c);
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        assert_int_equal(eo_rt_set_threads(threads[t]), EO_OK);
        for (size_t r = 0; r < sizeof ranges / sizeof *ranges; r++) {
            memset(c, 0, sizeof *c);
            c->lb = ranges[r][0];
            c->ub = ranges[r][1];
            c->step = ranges[r][2];
            eo_rt_parallel_for(cover_body, c, c->lb, c->ub, c->step);
            assert_int_equal(atomic_load(&c->bad), 0);
            uint64_t trips = 0;
            if (c->step > 0 && c->lb < c->ub) {
                uint64_t span = (uint64_t)c->ub - (uint64_t)c->lb;
                trips = (span + (uint64_t)c->step - 1) / (uint64_t)c->step;
            }
            for (uint64_t k = 0; k < 1100; k++)
                assert_int_equal(atomic_load(&c->hits[k]), k < trips);
        }
    }
    free(c);
    assert_int_equal(eo_rt_set_threads(1), EO_OK);
}

/* Two iterations that each wait (5 s at most) for the other to start:
 * they only both finish early when two threads run them at once. */
typedef struct meet {
    atomic_int entered;
    pthread_t who[2];
    atomic_int nwho;
} meet;

static void
meet_body(void *ctx, int64_t lo, int64_t hi, int64_t step)
{
    meet *m = ctx;
    (void)step;
    for (int64_t i = lo; i < hi; i++) {
        int k = atomic_fetch_add(&m->nwho, 1);
        if (k < 2)
            m->who[k] = pthread_self();
        atomic_fetch_add(&m->entered, 1);
        for (int w = 0; w < 5000 && atomic_load(&m->entered) < 2; w++)
            nanosleep(&(struct timespec){0, 1000000}, NULL);
    }
}

static void
test_two_threads_run_at_once(void **state)
{
    (void)state;
    assert_int_equal(eo_rt_set_threads(2), EO_OK);
    meet m;
    memset(&m, 0, sizeof m);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    eo_rt_parallel_for(meet_body, &m, 0, 2, 1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_int_equal(atomic_load(&m.entered), 2);
    assert_false(pthread_equal(m.who[0], m.who[1]));
    assert_true(t1.tv_sec - t0.tv_sec < 5);
    assert_int_equal(eo_rt_set_threads(1), EO_OK);
}

/* A parallel loop inside a parallel loop's body runs in that thread. */
typedef struct nest {
    atomic_int inner_runs, foreign, set_ok;
} nest;

typedef struct inner {
    pthread_t outer;
    atomic_int runs, foreign;
} inner;

static void
inner_body(void *ctx, int64_t lo, int64_t hi, int64_t step)
{
    inner *in = ctx;
    for (int64_t i = lo; i < hi; i += step) {
        atomic_fetch_add(&in->runs, 1);
        if (!pthread_equal(in->outer, pthread_self()))
            atomic_fetch_add(&in->foreign, 1);
    }
}

static void
outer_body(void *ctx, int64_t lo, int64_t hi, int64_t step)
{
    nest *n = ctx;
    for (int64_t i = lo; i < hi; i += step) {
        inner in;
        memset(&in, 0, sizeof in);
        in.outer = pthread_self();
        eo_rt_parallel_for(inner_body, &in, 0, 16, 1);
        atomic_fetch_add(&n->inner_runs, atomic_load(&in.runs));
        atomic_fetch_add(&n->foreign, atomic_load(&in.foreign));
        if (eo_rt_set_threads(2) == EO_OK)
            atomic_fetch_add(&n->set_ok, 1);
    }
}

static void
test_nested_loops_run_in_place(void **state)
{
    (void)state;
    assert_int_equal(eo_rt_set_threads(4), EO_OK);
    nest n;
    memset(&n, 0, sizeof n);
    eo_rt_parallel_for(outer_body, &n, 0, 8, 1);
    assert_int_equal(atomic_load(&n.inner_runs), 8 * 16);
    assert_int_equal(atomic_load(&n.foreign), 0);
    assert_int_equal(atomic_load(&n.set_ok), 0);   /* refused inside */
    assert_int_equal(eo_rt_threads(), 4);
    assert_int_equal(eo_rt_set_threads(1), EO_OK);
}

/* ------------------------------------------------------------------ */
/* Translation and the JIT                                             */
/* ------------------------------------------------------------------ */

/* out[i][j] = a[i][j] * s + b[j] over a dynamic 2-D space; then
 * out[i][0] += 1 for i = 1, 4, 7, ... below rows; and, in an scf.for,
 * a nested pair of scf.parallel loops adding 0.5 to the last column.
 * The loops read memrefs, a scalar argument, memref.dim sizes and
 * constants from outside. */
static const char par_mlir[] =
    "func.func @f(%a: memref<?x?xf32>, %b: memref<?xf32>, %s: f32,\n"
    "             %out: memref<?x?xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c3 = arith.constant 3 : index\n"
    "  %one = arith.constant 1.0 : f32\n"
    "  %half = arith.constant 0.5 : f32\n"
    "  %rows = memref.dim %a, %c0 : memref<?x?xf32>\n"
    "  %cols = memref.dim %a, %c1 : memref<?x?xf32>\n"
    "  scf.parallel (%i, %j) = (%c0, %c0) to (%rows, %cols)\n"
    "      step (%c1, %c1) {\n"
    "    %x = memref.load %a[%i, %j] : memref<?x?xf32>\n"
    "    %y = memref.load %b[%j] : memref<?xf32>\n"
    "    %p = arith.mulf %x, %s : f32\n"
    "    %q = arith.addf %p, %y : f32\n"
    "    memref.store %q, %out[%i, %j] : memref<?x?xf32>\n"
    "  }\n"
    "  scf.parallel (%i) = (%c1) to (%rows) step (%c3) {\n"
    "    %x = memref.load %out[%i, %c0] : memref<?x?xf32>\n"
    "    %y = arith.addf %x, %one : f32\n"
    "    memref.store %y, %out[%i, %c0] : memref<?x?xf32>\n"
    "  }\n"
    "  %last = arith.subi %cols, %c1 : index\n"
    "  scf.for %k = %c0 to %c3 step %c1 {\n"
    "    scf.parallel (%i) = (%c0) to (%rows) step (%c1) {\n"
    "      scf.parallel (%z) = (%c0) to (%c1) step (%c1) {\n"
    "        %x = memref.load %out[%i, %last] : memref<?x?xf32>\n"
    "        %y = arith.addf %x, %half : f32\n"
    "        memref.store %y, %out[%i, %last] : memref<?x?xf32>\n"
    "      }\n"
    "    }\n"
    "  }\n"
    "  return\n"
    "}\n";

enum { ROWS = 37, COLS = 11 };

static void
par_inputs(eo_tensor *in)
{
    int64_t shape[2] = {ROWS, COLS}, cols = COLS;
    memset(in, 0, 4 * sizeof *in);
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 2, shape), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 1, &cols), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[2], EO_DT_F32, 0, NULL), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[3], EO_DT_F32, 2, shape), EO_OK);
    float *a = in[0].data, *b = in[1].data;
    for (int i = 0; i < ROWS * COLS; i++)
        a[i] = (float)(i % 17) * 0.25f - 1.5f;
    for (int j = 0; j < COLS; j++)
        b[j] = (float)j * 0.5f;
    *(float *)in[2].data = 1.75f;
}

static float
par_expected(const eo_tensor *in, int i, int j)
{
    const float *a = in[0].data, *b = in[1].data;
    float v = a[i * COLS + j] * 1.75f + b[j];
    if (j == 0 && i % 3 == 1)
        v += 1.0f;
    if (j == COLS - 1)
        v = ((v + 0.5f) + 0.5f) + 0.5f;
    return v;
}

/* The LLVM IR text of 'm' translated with or without the runtime. */
static char *
llvm_text(eo_op *m, bool threads)
{
    LLVMContextRef c = LLVMContextCreate();
    /* The loops stay in @f (no outlining of its top-level nests). */
    eo_codegen_options o = { .opt_level = 2, .no_outline = true };
    LLVMModuleRef lm = eo_codegen_translate_ex(m, c, &o, threads);
    assert_non_null(lm);
    char *ir = LLVMPrintModuleToString(lm);
    char *copy = strdup(ir);
    LLVMDisposeMessage(ir);
    LLVMDisposeModule(lm);
    LLVMContextDispose(c);
    assert_non_null(copy);
    return copy;
}

static void
test_translate(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, par_mlir);
    char *ir = llvm_text(m, true);
    /* Three outlined bodies (the nested loop is serial inside its
     * parent's body), each run through the runtime. */
    assert_non_null(strstr(ir, "define internal void @f.par0(ptr"));
    assert_non_null(strstr(ir, "define internal void @f.par1(ptr"));
    assert_non_null(strstr(ir, "define internal void @f.par2(ptr"));
    assert_null(strstr(ir, "@f.par3"));
    assert_non_null(strstr(ir, "call void @eo_rt_parallel_for(ptr @f.par0"));
    assert_non_null(strstr(ir, "declare void @eo_rt_parallel_for(ptr, ptr, "
                               "i64, i64, i64)"));
    free(ir);
    ir = llvm_text(m, false);
    assert_null(strstr(ir, "eo_rt_parallel_for"));
    assert_null(strstr(ir, ".par0"));
    free(ir);
    assert_int_equal(f->errors, 0);
    eo_op_destroy(m);
}

static void
test_reduction_rejected(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @sum(%a: memref<8xf32>) -> f32 {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c8 = arith.constant 8 : index\n"
        "  %z = arith.constant 0.0 : f32\n"
        "  %r = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%z)\n"
        "      -> f32 {\n"
        "    %x = memref.load %a[%i] : memref<8xf32>\n"
        "    scf.reduce(%x : f32) {\n"
        "    ^bb0(%l: f32, %r2: f32):\n"
        "      %s = arith.addf %l, %r2 : f32\n"
        "      scf.reduce.return %s : f32\n"
        "    }\n"
        "  }\n"
        "  return %r : f32\n"
        "}\n");
    for (int threads = 0; threads < 2; threads++) {
        LLVMContextRef c = LLVMContextCreate();
        f->errors = 0;
        assert_null(eo_codegen_translate_ex(m, c, NULL, threads));
        LLVMContextDispose(c);
        assert_int_equal(f->errors, 1);
        assert_non_null(strstr(f->msg, "cannot translate scf.parallel to "
                                       "LLVM IR: reductions"));
    }
    eo_op_destroy(m);
}

/* Runs @f compiled by the JIT with 'threads' threads into 'out'. */
static void
run_jit(eo_jit *jit, unsigned threads, float *out)
{
    eo_tensor in[4];
    par_inputs(in);
    assert_int_equal(eo_rt_set_threads(threads), EO_OK);
    size_t nout = 0;
    assert_int_equal(eo_jit_call(jit, "f", 4, in, &nout, NULL), EO_OK);
    assert_int_equal(eo_rt_set_threads(1), EO_OK);
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++)
            assert_true(((float *)in[3].data)[i * COLS + j] ==
                        par_expected(in, i, j));
    memcpy(out, in[3].data, sizeof(float) * ROWS * COLS);
    for (int k = 0; k < 4; k++)
        eo_tensor_free(&in[k]);
}

static void
test_jit_any_threads(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, par_mlir);
    eo_jit *jit = eo_jit_create(m, NULL);
    assert_non_null(jit);
    static float ref[ROWS * COLS], got[ROWS * COLS];
    run_jit(jit, 1, ref);
    for (unsigned t = 2; t <= 4; t += 2) {
        run_jit(jit, t, got);
        assert_memory_equal(ref, got, sizeof ref);
    }
    eo_jit_destroy(jit);
    eo_op_destroy(m);
}

/* 's' with every 'from' replaced by 'to' (the caller frees). */
static char *
replace_all(const char *s, const char *from, const char *to)
{
    size_t n = 0, lf = strlen(from), lt = strlen(to);
    for (const char *p = strstr(s, from); p; p = strstr(p + lf, from))
        n++;
    char *r = malloc(strlen(s) + n * lt + 1), *w = r;
    assert_non_null(r);
    for (const char *p; (p = strstr(s, from)); s = p + lf) {
        memcpy(w, s, (size_t)(p - s));
        w += p - s;
        memcpy(w, to, lt);
        w += lt;
    }
    strcpy(w, s);
    return r;
}

/* The interpreter, on par_mlir with static shapes (it allocates the
 * out-param). */
static void
test_interpreter(void **state)
{
    fixture *f = *state;
    char *t1 = replace_all(par_mlir, "memref<?x?xf32>", "memref<37x11xf32>");
    char *t2 = replace_all(t1, "memref<?xf32>", "memref<11xf32>");
    eo_op *m = parse(f, t2);
    free(t1);
    free(t2);
    eo_tensor in[4], out[1] = {{0}};
    par_inputs(in);
    size_t nout = 1;
    eo_op *fn = eo_block_first(eo_module_body(m));
    assert_int_equal(eo_interp_run(fn, 3, in, &nout, out), EO_OK);
    assert_int_equal(nout, 1);
    for (int i = 0; i < ROWS; i++)
        for (int j = 0; j < COLS; j++)
            assert_true(((float *)out[0].data)[i * COLS + j] ==
                        par_expected(in, i, j));
    eo_tensor_free(&out[0]);
    for (int k = 0; k < 4; k++)
        eo_tensor_free(&in[k]);
    eo_op_destroy(m);
}

/* ------------------------------------------------------------------ */
/* The parallel knob of tl-to-loops                                    */
/* ------------------------------------------------------------------ */

static const char tl_mlir[] =
    "func.func @g(%a: memref<6x8xf32>, %b: memref<8x20xf32>,\n"
    "             %c: memref<6x20xf32>, %x: memref<37xf32>,\n"
    "             %y: memref<37xf32>) {\n"
    "  tl.matmul {name = \"mm\"} ins(%a, %b : memref<6x8xf32>,\n"
    "            memref<8x20xf32>) outs(%c : memref<6x20xf32>)\n"
    "  tl.generic {name = \"ew\", indexing_maps = [affine_map<(d0) -> (d0)>,\n"
    "              affine_map<(d0) -> (d0)>],\n"
    "              iterator_types = [\"parallel\"]}\n"
    "      ins(%x : memref<37xf32>) outs(%y : memref<37xf32>) {\n"
    "  ^bb0(%in: f32, %o: f32):\n"
    "    %m = arith.mulf %in, %in : f32\n"
    "    tl.yield %m : f32\n"
    "  }\n"
    "  return\n"
    "}\n";

typedef struct walk_count {
    const char *name;
    size_t n;
} walk_count;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    walk_count *w = ud;
    w->n += strcmp(eo_op_name_str(op), w->name) == 0;
    return EO_WALK_ADVANCE;
}

static size_t
count(eo_op *m, const char *name)
{
    walk_count w = {name, 0};
    eo_op_walk(m, EO_WALK_PRE, count_cb, &w);
    return w.n;
}

/* tl_mlir lowered by 'pipeline' with the "name=value" assignments
 * (NULL-terminated); the knob space's JSON goes to 'space' if not NULL. */
static eo_op *
lower(fixture *f, const char *pipeline, const char *const *assign,
      eo_strbuf *space)
{
    eo_op *m = parse(f, tl_mlir);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    for (size_t i = 0; assign && assign[i]; i++)
        assert_int_equal(eo_knob_store_assign(ks, assign[i]), EO_OK);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, pipeline), EO_OK);
    assert_int_equal(eo_pm_run(pm, m, eo_knob_store_provider(ks)), EO_OK);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    if (space)
        eo_knob_store_space_json(ks, space);
    eo_pm_destroy(pm);
    eo_knob_store_destroy(ks);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

#define PAR_PIPELINE "func.func(tl-to-loops{parallel=true})"

/* Runs @g compiled in 'jit' with 'threads' threads; the outs go to c,
 * y. */
static void
run_g(eo_jit *jit, unsigned threads, float *c, float *y)
{
    int64_t sa[2] = {6, 8}, sb[2] = {8, 20}, sc[2] = {6, 20}, n = 37;
    eo_tensor in[5] = {{0}};
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 2, sa), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 2, sb), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[2], EO_DT_F32, 2, sc), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[3], EO_DT_F32, 1, &n), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[4], EO_DT_F32, 1, &n), EO_OK);
    for (int i = 0; i < 48; i++)
        ((float *)in[0].data)[i] = (float)(i % 7) * 0.37f - 1.1f;
    for (int i = 0; i < 160; i++)
        ((float *)in[1].data)[i] = (float)(i % 11) * 0.23f - 0.9f;
    for (int i = 0; i < 37; i++)
        ((float *)in[3].data)[i] = (float)i * 0.31f - 4.0f;
    assert_int_equal(eo_rt_set_threads(threads), EO_OK);
    size_t nout = 0;
    assert_int_equal(eo_jit_call(jit, "g", 5, in, &nout, NULL), EO_OK);
    assert_int_equal(eo_rt_set_threads(1), EO_OK);
    memcpy(c, in[2].data, 120 * sizeof *c);
    memcpy(y, in[4].data, 37 * sizeof *y);
    for (int k = 0; k < 5; k++)
        eo_tensor_free(&in[k]);
}

static void
test_knob(void **state)
{
    fixture *f = *state;
    float c0[120], y0[37], c[120], y[37];
    /* Not asked without the pass option: the default nest. */
    eo_strbuf space = {0};
    eo_op *m = lower(f, "func.func(tl-to-loops)", NULL, &space);
    assert_null(strstr(space.data, "parallel."));
    eo_strbuf_free(&space);
    assert_int_equal(count(m, "scf.parallel"), 0);
    eo_jit *jit = eo_jit_create(m, NULL);
    assert_non_null(jit);
    run_g(jit, 1, c0, y0);
    eo_jit_destroy(jit);
    eo_op_destroy(m);
    /* Asked with it, default none: the same nest; the matmul's
     * reduction loop d2 is no candidate. */
    m = lower(f, PAR_PIPELINE, NULL, &space);
    assert_non_null(strstr(space.data, "\"names\": [\"none\", \"d0\", "
                                       "\"d1\"]"));
    assert_non_null(strstr(space.data, "\"names\": [\"none\", \"d0\"]"));
    eo_strbuf_free(&space);
    assert_int_equal(count(m, "scf.parallel"), 0);
    eo_op_destroy(m);
    /* Each choice, alone and with tiling, interchange and vectorizing
     * (a parallel innermost loop is not vectorized): bit-identical
     * results for 1 and 3 threads. */
    static const char *const sets[][6] = {
        {"parallel.mm=d0", "parallel.ew=d0", NULL},
        {"parallel.mm=d1", "vectorize.ew=8", NULL},
        {"tile.mm.1=4", "parallel.mm=d1.tile", "tile.ew.0=8",
         "parallel.ew=d0.tile", "vectorize.ew=4", NULL},
        {"interchange.mm=d0,d2,d1", "tile.mm.0=2", "parallel.mm=d0",
         "vectorize.mm=4", NULL},
    };
    static const size_t expect[] = {2, 1, 2, 1};
    for (size_t s = 0; s < sizeof sets / sizeof *sets; s++) {
        m = lower(f, PAR_PIPELINE, sets[s], NULL);
        assert_int_equal(count(m, "scf.parallel"), expect[s]);
        jit = eo_jit_create(m, NULL);
        assert_non_null(jit);
        for (unsigned t = 1; t <= 3; t += 2) {
            run_g(jit, t, c, y);
            assert_memory_equal(c, c0, sizeof c);
            assert_memory_equal(y, y0, sizeof y);
        }
        eo_jit_destroy(jit);
        eo_op_destroy(m);
    }
    assert_int_equal(f->errors, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_iteration_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_two_threads_run_at_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_nested_loops_run_in_place,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_translate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reduction_rejected, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_jit_any_threads, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_interpreter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_knob, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

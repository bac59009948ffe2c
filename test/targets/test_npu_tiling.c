/* test/targets/test_npu_tiling.c - npu-map's tiling of pools, crossbar
 * layers and fully connected layers (targets/npu/map.c): pools on the
 * pooling unit in channel tiles and row bands (with the window's halo
 * and the band's share of the padding), gemms on the convolution engine
 * in bands of rows of M, pointwise convolutions and gemms on the
 * crossbars in bands of rows of [M, K]; every mapping runs in the NPU
 * simulator with byte-identical results to the graph interpreter: a
 * small quantized graph with the knobs forced to the smallest tiles, and
 * the real kws DS-CNN on small-SRAM variants of stm32n6-npu (the global
 * pool no longer falls back to the host) and imc-digital-npu (the
 * pointwise convolutions in bands on the crossbars), and the residual
 * additions of ResNet-8 in bands of rows on the elementwise unit. */
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
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "targets/npu_map.h"
#include "targets/npu_sim.h"
#include "targets/targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MODELS EO_TEST_SHARED_DIR "/models/mlperf-tiny/"

typedef struct fixture {
    eo_ctx *ctx;
    char last[1024];
    char dir[256];              /* scratch directory (mkdtemp) */
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (getenv("EO_TEST_VERBOSE"))
        fprintf(stderr, "error: %s\n", d->message);
    snprintf(f->last, sizeof f->last, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo_npu_tiling_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK
        || eo_passes_register(f->ctx) != EO_OK
        || eo_graph_register_passes(f->ctx) != EO_OK
        || eo_npu_register_passes(f->ctx) != EO_OK)
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
    rmdir(f->dir);
    free(f);
    return 0;
}

/* Knobs: rows / tile forced to the smallest value (or the largest),
 * random otherwise when 'seed' is set; counts what was asked. */
typedef struct knobs {
    bool smallest;
    uint64_t seed;
    int rows_asked, tile_asked, pool_tiles, imc_rows, units[4];
} knobs;

static uint32_t
next(knobs *k)
{
    k->seed = k->seed * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(k->seed >> 33);
}

static int64_t
ask(void *ud, const char *name, const eo_knob_domain *dom, int64_t def,
    const eo_op *site, const char *asker)
{
    (void)asker;
    knobs *k = ud;
    int64_t v = def;
    bool rows = strncmp(name, "rows.", 5) == 0;
    bool tile = strncmp(name, "tile.", 5) == 0;
    if (k->seed) {
        switch (dom->kind) {
        case EO_KNOB_BOOL: v = next(k) & 1; break;
        case EO_KNOB_RANGE: v = dom->lo; break;
        case EO_KNOB_SET: v = dom->values[next(k) % dom->count]; break;
        case EO_KNOB_ENUM: v = (int64_t)(next(k) % dom->count); break;
        }
    } else if (k->smallest && (rows || tile)) {
        v = dom->values[dom->count - 1];
    }
    k->rows_asked += rows;
    k->tile_asked += tile;
    const char *op = site ? eo_op_name_str(site) : "";
    if (tile && strstr(op, "pool"))
        k->pool_tiles++;
    if (strncmp(name, "unit.", 5) == 0) {
        static const char *const all[] = { "conv_engine", "imc", "ew",
                                           "cpu" };
        for (int i = 0; i < 4; i++)
            k->units[i] += strcmp(dom->names[v], all[i]) == 0;
    }
    return v;
}

static eo_op *
entry(eo_op *m)
{
    for (eo_op *op = eo_block_first(eo_module_body(m)); op;
         op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), "func.func") == 0
            && !func_is_declaration(op))
            return op;
    return NULL;
}

static eo_status
run_pipeline(fixture *f, eo_op *m, const char *pipe,
             const eo_knob_provider *kp)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    eo_status s = eo_pm_add_pipeline(pm, pipe);
    if (s == EO_OK)
        s = eo_pm_run(pm, m, kp);
    eo_pm_destroy(pm);
    return s;
}

/* Fills input tensors for the arguments of m's entry deterministically. */
static size_t
inputs(eo_op *m, eo_tensor *in, size_t cap)
{
    const eo_type *ft = func_get_type(entry(m));
    size_t n = eo_type_num_inputs(ft);
    assert_true(n <= cap);
    uint64_t x = 11;
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(eo_tensor_alloc_for_type(&in[i],
                                                  eo_type_input(ft, i)),
                         EO_OK);
        for (size_t b = 0; b < in[i].nbytes; b++) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            ((uint8_t *)in[i].data)[b] = (uint8_t)(x >> 40);
        }
        if (in[i].dtype == EO_DT_F32)   /* a float interface: [-1, 1) */
            for (size_t e = 0; e < in[i].nbytes / 4; e++) {
                x = x * 6364136223846793005ull + 1442695040888963407ull;
                ((float *)in[i].data)[e] =
                    (float)((double)(x >> 40) / 8388608.0 - 1.0);
            }
    }
    return n;
}

/* Runs m (graph ops) in the interpreter, maps it for 'tname' with 'k',
 * runs the program in the simulator and compares every output byte;
 * returns the simulator's stats. */
static eo_npu_sim_stats
check(fixture *f, eo_op *m, const char *tname, knobs *k)
{
    eo_tensor in[4], ref[4], got[4];
    size_t nin = inputs(m, in, 4), nref = 4, ngot = 4;
    assert_int_equal(eo_interp_run(entry(m), nin, in, &nref, ref), EO_OK);
    char pipe[512];
    snprintf(pipe, sizeof pipe, "npu-map{target=%s}", tname);
    eo_knob_provider kp = { ask, k };
    if (run_pipeline(f, m, pipe, &kp) != EO_OK)
        fail_msg("npu-map on %s: %s", tname, f->last);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("verify on %s: %s", tname, f->last);
    eo_target *t = eo_target_load_named(f->ctx, tname);
    assert_non_null(t);
    eo_npu_sim_stats st;
    if (eo_npu_sim_run(f->ctx, t, entry(m), nin, in, &ngot, got, &st)
        != EO_OK)
        fail_msg("simulator on %s: %s", tname, f->last);
    assert_int_equal(ngot, nref);
    for (size_t i = 0; i < nref; i++) {
        assert_int_equal(got[i].nbytes, ref[i].nbytes);
        assert_memory_equal(got[i].data, ref[i].data, ref[i].nbytes);
        eo_tensor_free(&got[i]);
        eo_tensor_free(&ref[i]);
    }
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
    eo_target_destroy(t);
    return st;
}

/* An average pool (3x3, stride 2, pads 1) feeding a max pool (2x1) and
 * a gemm of 8 rows with constant weights and bias, all int8. */
static const char syn_mlir[] =
    "!qx = !quant.uniform<i8:f32, 0.1:3>\n"
    "!qa = !quant.uniform<i8:f32, 0.05:-2>\n"
    "!qw = !quant.uniform<i8:f32, 0.02:0>\n"
    "!qb = !quant.uniform<i32:f32, 0.001:0>\n"
    "!qy = !quant.uniform<i8:f32, 0.2:1>\n"
    "func.func @syn(%x: tensor<1x4x12x6x!qx>, %a: tensor<8x16x!qa>)\n"
    "    -> (tensor<1x4x5x3x!qx>, tensor<8x4x!qy>) {\n"
    "  %p = graph.avg_pool %x {kernel = array<i64: 3, 3>,\n"
    "      strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}\n"
    "      : (tensor<1x4x12x6x!qx>) -> tensor<1x4x6x3x!qx>\n"
    "  %q = graph.max_pool %p {kernel = array<i64: 2, 1>,\n"
    "      strides = array<i64: 1, 1>}\n"
    "      : (tensor<1x4x6x3x!qx>) -> tensor<1x4x5x3x!qx>\n"
    "  %w = graph.constant dense<[[1, -2, 3, 4], [5, 6, -7, 8],\n"
    "      [9, 10, 11, -12], [13, 14, 15, 16], [-1, 2, 3, 4],\n"
    "      [5, -6, 7, 8], [9, 10, -11, 12], [13, 14, 15, -16],\n"
    "      [1, 2, 3, 4], [5, 6, 7, 8], [-9, 10, 11, 12], [13, -14, 15, 16],\n"
    "      [1, 2, -3, 4], [5, 6, 7, -8], [9, 10, 11, 12],\n"
    "      [-13, 14, 15, 16]]> : tensor<16x4xi8> as tensor<16x4x!qw>\n"
    "  %b = graph.constant dense<[100, -200, 300, -400]> : tensor<4xi32>\n"
    "      as tensor<4x!qb>\n"
    "  %y = graph.gemm %a, %w, %b : (tensor<8x16x!qa>, tensor<16x4x!qw>,\n"
    "      tensor<4x!qb>) -> tensor<8x4x!qy>\n"
    "  return %q, %y : tensor<1x4x5x3x!qx>, tensor<8x4x!qy>\n"
    "}\n";

static eo_op *
parse_syn(fixture *f)
{
    eo_op *m = eo_parse_source(f->ctx, "syn.mlir", syn_mlir,
                               sizeof syn_mlir - 1, NULL);
    if (!m)
        fail_msg("parse: %s", f->last);
    return m;
}

/* Pools in channel tiles and row bands, the gemm in bands of rows of M:
 * smallest tiles and bands, default knobs and random knobs, bit-exact;
 * on the IMC target the gemm's bands run on the crossbars. */
static void
test_synthetic(void **state)
{
    fixture *f = *state;
    knobs small = { .smallest = true };
    eo_op *m = parse_syn(f);
    eo_npu_sim_stats s1 = check(f, m, "stm32n6-npu", &small);
    eo_op_destroy(m);
    /* Pools: tile (4 channels: 4, 2, 1) and rows; gemm: tile, rows. */
    assert_int_equal(small.pool_tiles, 2);
    assert_true(small.rows_asked >= 3);
    knobs def = { .smallest = false };
    m = parse_syn(f);
    eo_npu_sim_stats s0 = check(f, m, "stm32n6-npu", &def);
    eo_op_destroy(m);
    /* One-row bands of one channel need less SRAM than whole layers. */
    assert_true(s1.sram_peak_bytes < s0.sram_peak_bytes);
    assert_true(s1.latency_s > 0 && s0.latency_s > 0);
    eo_npu_sim_stats_free(&s0);
    eo_npu_sim_stats_free(&s1);
    for (uint64_t seed = 1; seed < 4; seed++) {
        knobs r = { .seed = seed };
        m = parse_syn(f);
        eo_npu_sim_stats st = check(f, m, "stm32n6-npu", &r);
        eo_npu_sim_stats_free(&st);
        eo_op_destroy(m);
    }
    knobs ismall = { .smallest = true };
    m = parse_syn(f);
    eo_npu_sim_stats si = check(f, m, "imc-digital-npu", &ismall);
    assert_int_equal(ismall.units[1], 1);  /* the gemm on the crossbars */
    assert_int_equal(ismall.units[2], 2);  /* the pools on the ew unit */
    assert_true(ismall.rows_asked >= 3);
    eo_npu_sim_stats_free(&si);
    eo_op_destroy(m);
}

/* Writes shipped target 'name' with its SRAM level 'level' shrunk to
 * 'bytes' (and its banks to 'bank' bytes) as f->dir/<out>; the path. */
static void
small_target(fixture *f, const char *name, const char *level, double bytes,
             double bank, const char *out, char *path, size_t cap)
{
    eo_target *t = eo_target_load_named(f->ctx, name);
    assert_non_null(t);
    char p[128];
    if (bank > 0)
        assert_int_equal(eo_target_set_number(f->ctx, t, "sram.bank_bytes",
                                              bank), EO_OK);
    snprintf(p, sizeof p, "memory[%s].size_bytes", level);
    assert_int_equal(eo_target_set_number(f->ctx, t, p, bytes), EO_OK);
    eo_strbuf js = { 0 };
    eo_target_to_json(t, &js);
    assert_non_null(js.data);
    snprintf(path, cap, "%s/%s", f->dir, out);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    assert_true(fputs(js.data, fp) >= 0);
    assert_int_equal(fclose(fp), 0);
    eo_strbuf_free(&js);
    eo_target_destroy(t);
}

static eo_op *
model(fixture *f, const char *path)
{
    eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(m);
    assert_int_equal(run_pipeline(f, m, "graph-optimize", NULL), EO_OK);
    return m;
}

static eo_op *
kws(fixture *f)
{
    eo_op *m = eo_onnx_import_file(f->ctx, MODELS "kws_dscnn_int8_qdq.onnx",
                                   NULL);
    assert_non_null(m);
    assert_int_equal(run_pipeline(f, m, "graph-optimize", NULL), EO_OK);
    return m;
}

static bool
have_kws(void)
{
    FILE *fp = fopen(MODELS "kws_dscnn_int8_qdq.onnx", "rb");
    if (fp)
        fclose(fp);
    return fp != NULL;
}

/* kws with 6 KiB of NPU SRAM: the global average pool (8000 bytes in)
 * runs on the pooling unit in channel tiles, bit-exact, within the SRAM;
 * with 4 KiB of crossbar SRAM the pointwise convolutions run on the
 * crossbars in bands of rows, bit-exact. */
static void
test_kws_small_sram(void **state)
{
    fixture *f = *state;
    if (!have_kws())
        skip();
    char p6[512], pi[512];
    small_target(f, "stm32n6-npu", "npu_ram", 6144, 1536, "n6.json", p6,
                 sizeof p6);
    knobs k = { .smallest = false };
    eo_op *m = kws(f);
    eo_npu_sim_stats st = check(f, m, p6, &k);
    eo_op_destroy(m);
    assert_int_equal(k.units[2], 1);    /* the pool on ew */
    assert_true(k.pool_tiles >= 1);
    assert_true(st.sram_peak_bytes <= 6144);
    fprintf(stderr, "kws on 6 KiB stm32n6-npu: %.4g s, SRAM peak %llu B\n",
            st.latency_s, (unsigned long long)st.sram_peak_bytes);
    eo_npu_sim_stats_free(&st);
    small_target(f, "imc-digital-npu", "act_sram", 4096, 512, "imc.json",
                 pi, sizeof pi);
    knobs ki = { .smallest = false };
    m = kws(f);
    st = check(f, m, pi, &ki);
    eo_op_destroy(m);
    assert_true(ki.rows_asked >= 4);    /* the 4 pointwise convolutions */
    assert_true(st.sram_peak_bytes <= 4096);
    fprintf(stderr, "kws on 4 KiB imc-digital-npu: %.4g s, SRAM peak "
            "%llu B\n", st.latency_s,
            (unsigned long long)st.sram_peak_bytes);
    eo_npu_sim_stats_free(&st);
    knobs kr = { .seed = 5 };
    m = kws(f);
    st = check(f, m, pi, &kr);
    eo_op_destroy(m);
    eo_npu_sim_stats_free(&st);
    remove(pi);
    /* ResNet-8 (float interface): its residual additions (16 KiB and
     * more) run on the elementwise unit in bands of rows. */
    FILE *fp = fopen(MODELS "ic_resnet8_qdq.onnx", "rb");
    if (fp) {
        fclose(fp);
        knobs kn = { .smallest = false };
        m = model(f, MODELS "ic_resnet8_qdq.onnx");
        st = check(f, m, p6, &kn);
        eo_op_destroy(m);
        assert_int_equal(kn.units[2], 3);   /* the three additions */
        assert_true(kn.rows_asked >= 3);
        assert_true(st.sram_peak_bytes <= 6144);
        fprintf(stderr, "ResNet-8 on 6 KiB stm32n6-npu: %.4g s, SRAM peak "
                "%llu B\n", st.latency_s,
                (unsigned long long)st.sram_peak_bytes);
        eo_npu_sim_stats_free(&st);
    }
    remove(p6);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_synthetic),
        cmocka_unit_test(test_kws_small_sram),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

/* test/targets/test_npu_map.c - the npu-map pass (targets/npu_map.h):
 * MLPerf Tiny QDQ models mapped for the NPU targets run in the NPU
 * simulator with byte-identical results to the graph interpreter on the
 * original model, for the default knobs and for random assignments; the
 * units offered respect the target (no IMC on stm32n6-npu, no conv engine
 * on the IMC targets); tiling with double buffering lowers the SRAM peak
 * without slowing the layer down; row bands fit a 6 KiB SRAM; the
 * dataflow knob changes the DMA traffic; resident IMC weights are
 * programmed once in the steady state; float-interface models map.
 * Skipped when the shared models are absent (EO_TEST_VERBOSE=1 prints
 * every error and the module that fails to verify). */
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
#include "explorer/explorer.h"
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
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    f->errors++;
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
    free(f);
    return 0;
}

/* A knob provider answering at random (seeded), recording units. */
typedef struct rnd_knobs {
    uint64_t x;
    bool random;
    int units[4];               /* conv_engine, imc, ew, cpu chosen */
    int asked_imc;              /* unit knobs offering imc */
    int tiled;                  /* tile knobs answered below the max */
} rnd_knobs;

static uint32_t
next(rnd_knobs *r)
{
    r->x = r->x * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(r->x >> 33);
}

static int64_t
ask(void *ud, const char *name, const eo_knob_domain *dom, int64_t def,
    const eo_op *site, const char *asker)
{
    (void)site;
    (void)asker;
    rnd_knobs *r = ud;
    int64_t v = def;
    if (r->random) {
        switch (dom->kind) {
        case EO_KNOB_BOOL: v = next(r) & 1; break;
        case EO_KNOB_RANGE:
            v = dom->lo + dom->step
                * (int64_t)(next(r) % (uint32_t)((dom->hi - dom->lo)
                                                 / dom->step + 1));
            break;
        case EO_KNOB_SET: v = dom->values[next(r) % dom->count]; break;
        case EO_KNOB_ENUM: v = (int64_t)(next(r) % dom->count); break;
        }
    }
    if (strncmp(name, "unit.", 5) == 0) {
        const char *u = dom->names[v];
        static const char *const all[] = { "conv_engine", "imc", "ew",
                                           "cpu" };
        for (int i = 0; i < 4; i++)
            r->units[i] += strcmp(u, all[i]) == 0;
        for (size_t i = 0; i < dom->count; i++)
            r->asked_imc += strcmp(dom->names[i], "imc") == 0;
    }
    if (strncmp(name, "tile.", 5) == 0 && v != dom->values[0])
        r->tiled++;
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

static eo_target *
target(fixture *f, const char *name)
{
    eo_target *t = eo_target_load_named(f->ctx, name);
    assert_non_null(t);
    return t;
}

/* Maps 'model' for 'tname' with knobs 'r' and checks the simulator's
 * output byte for byte against the interpreter's on the graph-optimized
 * model. */
static eo_npu_sim_stats
check(fixture *f, const char *model, const char *tname, rnd_knobs *r)
{
    char path[256], pipe[128];
    snprintf(path, sizeof path, MODELS "%s.onnx", model);
    eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(m);
    const eo_type *ft = func_get_type(entry(m));
    size_t nin = eo_type_num_inputs(ft);
    assert_true(nin == 1);
    eo_tensor in, ref, got;
    assert_int_equal(eo_tensor_alloc_for_type(&in, eo_type_input(ft, 0)),
                     EO_OK);
    uint64_t x = 7;
    for (size_t i = 0; i < in.nbytes; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        ((uint8_t *)in.data)[i] = (uint8_t)(x >> 40);
    }
    if (in.dtype == EO_DT_F32)  /* a float interface: values in [-1, 1) */
        for (size_t i = 0; i < in.nbytes / 4; i++) {
            x = x * 6364136223846793005ull + 1442695040888963407ull;
            ((float *)in.data)[i] = (float)((double)(x >> 40) / 8388608.0
                                            - 1.0);
        }
    size_t nref = 1, ngot = 1;
    /* The reference: the quantized graph npu-map maps (on kws, also the
     * imported model's results; on the autoencoder the QDQ float path
     * rounds differently from the integer one by 1 in places). */
    assert_int_equal(run_pipeline(f, m, "graph-optimize", NULL), EO_OK);
    assert_int_equal(eo_interp_run(entry(m), 1, &in, &nref, &ref), EO_OK);
    if (strcmp(model, "kws_dscnn_int8_qdq") == 0) {
        eo_op *m0 = eo_onnx_import_file(f->ctx, path, NULL);
        eo_tensor r0;
        size_t n0 = 1;
        assert_non_null(m0);
        assert_int_equal(eo_interp_run(entry(m0), 1, &in, &n0, &r0), EO_OK);
        assert_memory_equal(r0.data, ref.data, ref.nbytes);
        eo_tensor_free(&r0);
        eo_op_destroy(m0);
    }
    snprintf(pipe, sizeof pipe, "npu-map{target=%s}", tname);
    eo_knob_provider kp = { ask, r };
    if (run_pipeline(f, m, pipe, &kp) != EO_OK)
        fail_msg("%s on %s: %s", model, tname, f->last);
    if (eo_op_verify(m) != EO_OK) {
        if (getenv("EO_TEST_VERBOSE")) {
            eo_print_flags pf = { 0 };
            eo_status ps = eo_op_print(m, &pf, stderr);
            (void)ps;
        }
        fail_msg("%s on %s: verify: %s", model, tname, f->last);
    }
    eo_target *t = target(f, tname);
    eo_npu_sim_stats st;
    eo_status s = eo_npu_sim_run(f->ctx, t, entry(m), 1, &in, &ngot, &got,
                                 &st);
    if (s != EO_OK)
        fail_msg("%s on %s: simulator: %s", model, tname, f->last);
    assert_int_equal(ngot, 1);
    assert_int_equal(got.nbytes, ref.nbytes);
    for (size_t i = 0; i < ref.nbytes; i++)
        if (((uint8_t *)got.data)[i] != ((uint8_t *)ref.data)[i])
            fail_msg("%s on %s (%s knobs): byte %zu is %d, the "
                     "interpreter's %d", model, tname,
                     r->random ? "random" : "default", i,
                     ((int8_t *)got.data)[i], ((int8_t *)ref.data)[i]);
    eo_tensor_free(&in);
    eo_tensor_free(&ref);
    eo_tensor_free(&got);
    eo_target_destroy(t);
    eo_op_destroy(m);
    return st;
}

static bool
have(const char *model)
{
    char path[256];
    snprintf(path, sizeof path, MODELS "%s.onnx", model);
    FILE *fp = fopen(path, "rb");
    if (fp)
        fclose(fp);
    return fp != NULL;
}

/* kws on stm32n6-npu: every conv and the fc on the conv engine by
 * default (no IMC offered), bit-exact; random knobs too. */
static void
test_kws_stm32n6(void **state)
{
    fixture *f = *state;
    if (!have("kws_dscnn_int8_qdq"))
        skip();
    rnd_knobs r = { .x = 1 };
    eo_npu_sim_stats def = check(f, "kws_dscnn_int8_qdq", "stm32n6-npu", &r);
    assert_int_equal(r.asked_imc, 0);
    assert_int_equal(r.units[0], 10);   /* 9 convolutions + the fc */
    assert_int_equal(r.units[2], 1);    /* the average pool */
    assert_true(def.busy_s[EO_NPU_ENGINE_CONV] > 0);
    assert_true(def.latency_s > 0 && def.energy_j > 0);
    int tiled = 0, cpu = 0;
    for (uint64_t seed = 2; seed < 8; seed++) {
        rnd_knobs rr = { .x = seed, .random = true };
        eo_npu_sim_stats st = check(f, "kws_dscnn_int8_qdq", "stm32n6-npu",
                                    &rr);
        tiled += rr.tiled;
        cpu += rr.units[3];
        eo_npu_sim_stats_free(&st);
    }
    assert_true(tiled > 0);
    assert_true(cpu > 0);
    eo_npu_sim_stats_free(&def);
}

/* Tiling every layer by channels with double buffering lowers the SRAM
 * peak of kws; the simulator agrees with the interpreter. */
typedef struct tile_knobs {
    rnd_knobs r;
} tile_knobs;

static int64_t
ask_small_tiles(void *ud, const char *name, const eo_knob_domain *dom,
                int64_t def, const eo_op *site, const char *asker)
{
    (void)site;
    (void)asker;
    bool homes = ud != NULL;
    if (strncmp(name, "home.", 5) == 0)
        return homes ? 1 : 0;
    if (homes)
        return def;
    if (strncmp(name, "tile.", 5) == 0) {
        /* The largest value giving at least 4 tiles. */
        int64_t best = dom->values[dom->count - 1];
        for (size_t i = 0; i < dom->count; i++)
            if (dom->values[0] / dom->values[i] >= 4) {
                best = dom->values[i];
                break;
            }
        return best;
    }
    if (strncmp(name, "dbuf.", 5) == 0)
        return 1;
    return def;
}

static eo_npu_sim_stats
run_with(fixture *f, const eo_knob_provider *kpp)
{
    char path[256];
    snprintf(path, sizeof path, MODELS "kws_dscnn_int8_qdq.onnx");
    eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(m);
    eo_tensor in, out;
    const eo_type *ft = func_get_type(entry(m));
    assert_int_equal(eo_tensor_alloc_for_type(&in, eo_type_input(ft, 0)),
                     EO_OK);
    memset(in.data, 3, in.nbytes);
    assert_int_equal(run_pipeline(f, m, "graph-optimize,"
                                  "npu-map{target=stm32n6-npu}", kpp),
                     EO_OK);
    eo_target *t = target(f, "stm32n6-npu");
    size_t n = 1;
    eo_npu_sim_stats st;
    if (eo_npu_sim_run(f->ctx, t, entry(m), 1, &in, &n, &out, &st)
        != EO_OK)
        fail_msg("simulator: %s", f->last);
    eo_tensor_free(&in);
    eo_tensor_free(&out);
    eo_target_destroy(t);
    eo_op_destroy(m);
    return st;
}

/* Tiles of a quarter of the channels or less, double-buffered: a lower
 * SRAM peak, no slower. Activations kept in SRAM between layers: much
 * faster (no PSRAM round trips) for no more SRAM than the default. */
static void
test_kws_tiling(void **state)
{
    fixture *f = *state;
    if (!have("kws_dscnn_int8_qdq"))
        skip();
    rnd_knobs r = { .x = 1 };
    eo_npu_sim_stats def = check(f, "kws_dscnn_int8_qdq", "stm32n6-npu", &r);
    eo_knob_provider tiles = { ask_small_tiles, NULL };
    eo_npu_sim_stats st = run_with(f, &tiles);
    int one = 1;
    eo_knob_provider homes = { ask_small_tiles, &one };
    eo_npu_sim_stats hs = run_with(f, &homes);
    fprintf(stderr, "kws stm32n6: default %.4g s %.4g J %llu B; tiled: "
            "%.4g s %.4g J %llu B; SRAM homes: %.4g s %.4g J %llu B\n",
            def.latency_s, def.energy_j,
            (unsigned long long)def.sram_peak_bytes, st.latency_s,
            st.energy_j, (unsigned long long)st.sram_peak_bytes,
            hs.latency_s, hs.energy_j,
            (unsigned long long)hs.sram_peak_bytes);
    assert_true(st.sram_peak_bytes < def.sram_peak_bytes * 8 / 10);
    assert_true(st.latency_s <= def.latency_s);
    assert_true(hs.latency_s < def.latency_s * 0.6);
    assert_true(hs.sram_peak_bytes <= def.sram_peak_bytes);
    eo_npu_sim_stats_free(&st);
    eo_npu_sim_stats_free(&hs);
    eo_npu_sim_stats_free(&def);
}

/* On the IMC targets (no convolution engine) the pointwise convolutions
 * and the fc run on the crossbars (64 outputs: two column blocks of 32
 * int8 weights), the other convolutions fall back to the host, the pool
 * runs on the vector unit; bit-exact, also with random knobs. */
static void
test_kws_imc_targets(void **state)
{
    fixture *f = *state;
    if (!have("kws_dscnn_int8_qdq"))
        skip();
    static const char *const ts[] = { "imc-digital-npu", "imc-analog-npu" };
    for (size_t i = 0; i < 2; i++) {
        rnd_knobs r = { .x = 1 };
        eo_npu_sim_stats st = check(f, "kws_dscnn_int8_qdq", ts[i], &r);
        assert_int_equal(r.units[0], 0);
        assert_int_equal(r.units[1], 5);    /* 4 pointwise + the fc */
        assert_true(st.busy_s[EO_NPU_ENGINE_CPU] > 0);
        assert_true(st.busy_s[EO_NPU_ENGINE_IMC] > 0);
        assert_true(st.imc_programs >= 9);  /* 4 x 2 blocks + 1 */
        eo_npu_sim_stats_free(&st);
        rnd_knobs rr = { .x = 11, .random = true };
        st = check(f, "kws_dscnn_int8_qdq", ts[i], &rr);
        eo_npu_sim_stats_free(&st);
    }
}

/* The autoencoder (gemms on the conv engine or the crossbars), default
 * and random knobs, on stm32n6-npu and imc-digital-npu: bit-exact. The
 * models with float interfaces are rejected with a diagnostic. */
static void
test_other_models(void **state)
{
    fixture *f = *state;
    static const char *const ts[] = { "stm32n6-npu", "imc-digital-npu" };
    if (have("ad_autoencoder_int8_qdq")) {
        for (size_t j = 0; j < 2; j++) {
            rnd_knobs r = { .x = 1 }, rr = { .x = 5, .random = true };
            eo_npu_sim_stats st = check(f, "ad_autoencoder_int8_qdq", ts[j],
                                        &r);
            assert_true(r.units[j == 0 ? 0 : 1] >= 10);
            eo_npu_sim_stats_free(&st);
            st = check(f, "ad_autoencoder_int8_qdq", ts[j], &rr);
            eo_npu_sim_stats_free(&st);
        }
    }
    /* Float interfaces: quantized and dequantized on the host; the
     * residual additions of the ResNet on the elementwise unit. */
    static const char *const fm[] = { "ic_resnet8_qdq",
                                      "vww_mobilenetv1_025_qdq" };
    for (size_t i = 0; i < 2; i++) {
        if (!have(fm[i]))
            continue;
        for (size_t j = 0; j < 2; j++) {
            rnd_knobs r = { .x = 1 }, rr = { .x = 3 + j, .random = true };
            eo_npu_sim_stats st = check(f, fm[i], ts[j], &r);
            if (i == 0)
                assert_int_equal(r.units[2], 3);    /* the three adds */
            assert_true(r.units[j == 0 ? 0 : 1] >= (i == 0 && j ? 0 : 1));
            eo_npu_sim_stats_free(&st);
            for (int k = 0; k < 3; k++) {
                rr.x = 3 + j + 10 * (uint64_t)k;
                st = check(f, fm[i], ts[j], &rr);
                eo_npu_sim_stats_free(&st);
            }
        }
    }
}

/* A knob provider forcing some knobs: rows (0: largest, 1: smallest),
 * flow (0/1), smallest tiles, double buffering; random otherwise when
 * 'seed' is set. */
typedef struct force_knobs {
    int rows, flow, dbuf;
    const char *resident;       /* imc_resident true on sites holding it */
    int asked_resident;
    bool small_tiles;
    int asked_rows, asked_flow;
    rnd_knobs r;
} force_knobs;

static int64_t
ask_force(void *ud, const char *name, const eo_knob_domain *dom,
          int64_t def, const eo_op *site, const char *asker)
{
    force_knobs *k = ud;
    if (strncmp(name, "rows.", 5) == 0) {
        k->asked_rows++;
        if (k->rows >= 0)
            return dom->values[k->rows ? dom->count - 1 : 0];
    }
    if (strncmp(name, "flow.", 5) == 0) {
        k->asked_flow++;
        if (k->flow >= 0)
            return k->flow;
    }
    if (strncmp(name, "tile.", 5) == 0 && k->small_tiles) {
        int64_t best = dom->values[dom->count - 1];
        for (size_t i = 0; i < dom->count; i++)
            if (dom->values[0] / dom->values[i] >= 4) {
                best = dom->values[i];
                break;
            }
        return best;
    }
    if (strncmp(name, "dbuf.", 5) == 0 && k->dbuf >= 0)
        return k->dbuf;
    if (strncmp(name, "imc_resident.", 13) == 0) {
        k->asked_resident++;
        return k->resident && strstr(name, k->resident) ? 1 : 0;
    }
    return ask(&k->r, name, dom, def, site, asker);
}

static const char tiny_json[] =
    "{\"format\": 1, \"name\": \"tiny-sram-npu\", \"kind\": \"npu\",\n"
    " \"host_cpu\": \"m55\",\n"
    " \"compute_units\": [{\"name\": \"m55\", \"kind\": \"cpu\", "
    "\"count\": 1, \"clock_mhz\": 800, \"vector_bits\": 128, "
    "\"macs_per_cycle\": {\"int8\": 8}, \"mac_energy_pj\": {\"int8\": 12},"
    " \"alu_energy_pj\": 60, \"load_store_energy_pj\": 70}],\n"
    " \"memory\": [{\"name\": \"npu_ram\", \"kind\": \"sram\", "
    "\"size_bytes\": 6144, \"bandwidth_gbps\": 32, \"latency_ns\": 2, "
    "\"energy_pj_per_byte\": 1.5},\n"
    "  {\"name\": \"ext_psram\", \"kind\": \"dram\", "
    "\"size_bytes\": 33554432, \"bandwidth_gbps\": 0.8, "
    "\"latency_ns\": 120, \"energy_pj_per_byte\": 60}],\n"
    " \"conv_engines\": [{\"name\": \"convacc\", \"count\": 4, "
    "\"mac_rows\": 9, \"mac_cols\": 8, \"clock_mhz\": 1000, "
    "\"ops\": [\"conv2d\", \"depthwise\", \"pointwise\", "
    "\"fully_connected\"], \"data_types\": [\"int8\"], "
    "\"mac_energy_pj\": 0.5}],\n"
    " \"elementwise_units\": [{\"name\": \"pool\", \"count\": 1, "
    "\"lanes\": 8, \"clock_mhz\": 1000, \"ops\": [\"avgpool\", "
    "\"maxpool\", \"add\"], \"data_types\": [\"int8\"], "
    "\"op_energy_pj\": 0.3}],\n"
    " \"dma\": [{\"name\": \"stream\", \"channels\": 4, "
    "\"max_dims\": 3, \"bandwidth_gbps\": 16, \"setup_ns\": 50, "
    "\"energy_pj_per_byte\": 0.5}]}\n";

/* Maps kws with knobs 'k' for target 'tname' (a name or a file) and
 * checks the simulator against the interpreter byte for byte. */
static eo_npu_sim_stats
check_forced(fixture *f, const char *tname, force_knobs *k)
{
    eo_op *m = eo_onnx_import_file(f->ctx, MODELS "kws_dscnn_int8_qdq.onnx",
                                   NULL);
    assert_non_null(m);
    eo_tensor in, ref, got;
    const eo_type *ft = func_get_type(entry(m));
    assert_int_equal(eo_tensor_alloc_for_type(&in, eo_type_input(ft, 0)),
                     EO_OK);
    for (size_t i = 0; i < in.nbytes; i++)
        ((uint8_t *)in.data)[i] = (uint8_t)(i * 37 + 11);
    size_t nref = 1, ngot = 1;
    assert_int_equal(run_pipeline(f, m, "graph-optimize", NULL), EO_OK);
    assert_int_equal(eo_interp_run(entry(m), 1, &in, &nref, &ref), EO_OK);
    char pipe[512];
    snprintf(pipe, sizeof pipe, "npu-map{target=%s}", tname);
    eo_knob_provider kp = { ask_force, k };
    if (run_pipeline(f, m, pipe, &kp) != EO_OK)
        fail_msg("npu-map: %s", f->last);
    eo_target *t = target(f, tname);
    eo_npu_sim_stats st;
    if (eo_npu_sim_run(f->ctx, t, entry(m), 1, &in, &ngot, &got, &st)
        != EO_OK)
        fail_msg("simulator: %s", f->last);
    assert_int_equal(got.nbytes, ref.nbytes);
    assert_memory_equal(got.data, ref.data, ref.nbytes);
    eo_tensor_free(&in);
    eo_tensor_free(&ref);
    eo_tensor_free(&got);
    eo_target_destroy(t);
    eo_op_destroy(m);
    return st;
}

/* Row tiling: with 6 KiB of SRAM no kws activation fits whole, yet every
 * convolution runs on the engine in bands of output rows (with halos),
 * bit-exact for the default and random knobs, within the SRAM; on
 * stm32n6-npu the smallest bands lower the SRAM peak. The dataflow knob
 * changes the DMA traffic: weight-stationary re-reads input bands per
 * channel tile, output-stationary re-reads weight tiles per band. */
static void
test_kws_rows(void **state)
{
    fixture *f = *state;
    if (!have("kws_dscnn_int8_qdq"))
        skip();
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/eo_tiny_sram_npu_%ld.json",
             tmp && *tmp ? tmp : "/tmp", (long)getpid());
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    assert_int_equal(fputs(tiny_json, fp) >= 0, 1);
    assert_int_equal(fclose(fp), 0);
    force_knobs k = { .rows = -1, .flow = -1, .dbuf = -1 };
    eo_npu_sim_stats st = check_forced(f, path, &k);
    assert_int_equal(k.r.units[0], 10);     /* every conv and the fc */
    assert_true(k.asked_rows >= 5);
    assert_true(st.sram_peak_bytes <= 6144);
    eo_npu_sim_stats_free(&st);
    for (uint64_t seed = 1; seed < 4; seed++) {
        force_knobs kr = { .rows = -1, .flow = -1, .dbuf = -1,
                           .r = { .x = seed, .random = true } };
        st = check_forced(f, path, &kr);
        assert_true(st.sram_peak_bytes <= 6144);
        eo_npu_sim_stats_free(&st);
    }
    remove(path);
    force_knobs d = { .rows = 0, .flow = -1, .dbuf = 0 };
    force_knobs one = { .rows = 1, .flow = -1, .dbuf = 1 };
    eo_npu_sim_stats sd = check_forced(f, "stm32n6-npu", &d);
    eo_npu_sim_stats s1 = check_forced(f, "stm32n6-npu", &one);
    assert_true(s1.sram_peak_bytes < sd.sram_peak_bytes / 2);
    force_knobs ws = { .rows = 1, .flow = 0, .dbuf = 1,
                       .small_tiles = true };
    force_knobs os = { .rows = 1, .flow = 1, .dbuf = 1,
                       .small_tiles = true };
    eo_npu_sim_stats sw = check_forced(f, "stm32n6-npu", &ws);
    eo_npu_sim_stats so = check_forced(f, "stm32n6-npu", &os);
    assert_true(ws.asked_flow > 0);
    fprintf(stderr, "kws stm32n6: whole %.4g s %llu B; 1-row bands %.4g s "
            "%llu B; bands x tiles: weight-stationary %.4g s %llu B DRAM "
            "%llu B, output-stationary %.4g s %llu B DRAM %llu B\n",
            sd.latency_s, (unsigned long long)sd.sram_peak_bytes,
            s1.latency_s, (unsigned long long)s1.sram_peak_bytes,
            sw.latency_s, (unsigned long long)sw.sram_peak_bytes,
            (unsigned long long)sw.dram_bytes, so.latency_s,
            (unsigned long long)so.sram_peak_bytes,
            (unsigned long long)so.dram_bytes);
    assert_true(sw.dram_bytes != so.dram_bytes);
    eo_npu_sim_stats_free(&sd);
    eo_npu_sim_stats_free(&s1);
    eo_npu_sim_stats_free(&sw);
    eo_npu_sim_stats_free(&so);
}


/* The evaluator on an NPU target: the pipeline is graph-optimize +
 * npu-map, candidates run in the simulator (verified against the
 * interpreter), memory is the SRAM peak; SRAM homes are faster. */
static void
test_evaluator(void **state)
{
    fixture *f = *state;
    if (!have("kws_dscnn_int8_qdq"))
        skip();
    eo_evaluator_opts o = { .model_path = MODELS "kws_dscnn_int8_qdq.onnx",
                            .target = "stm32n6-npu", .verify = true };
    eo_evaluator *ev = eo_evaluator_create(f->ctx, &o);
    if (!ev)
        fail_msg("evaluator: %s", f->last);
    assert_non_null(strstr(eo_evaluator_key(ev)->pipeline,
                           "npu-map{target=stm32n6-npu}"));
    eo_strbuf js = { 0 };
    assert_int_equal(eo_evaluator_discover(ev, &js), EO_OK);
    assert_non_null(strstr(js.data, "\"unit.Gemm_62\""));
    assert_non_null(strstr(js.data, "\"home."));
    eo_space *s = eo_space_create(f->ctx);
    assert_int_equal(eo_space_load_json(s, js.data, js.len), EO_OK);
    uint32_t *cand = calloc(eo_space_num_dims(s), sizeof *cand);
    assert_non_null(cand);
    eo_space_default(s, cand);
    eo_eval_outcome a, b;
    eo_strbuf rep = { 0 };
    assert_int_equal(eo_evaluator_run(ev, s, cand, &a, &rep), EO_OK);
    if (a.status != EO_EVAL_OK)
        fail_msg("default: %s", a.message);
    assert_true(a.obj[EO_OBJ_LATENCY] > 1e-4);
    assert_true(a.obj[EO_OBJ_MEMORY] == 20352);
    assert_non_null(strstr(rep.data, "\"sram_peak_bytes\": 20352"));
    for (size_t d = 0; d < eo_space_num_dims(s); d++) {
        eo_strbuf v = { 0 };
        if (strncmp(eo_space_dim_name(s, d), "home.", 5) != 0)
            continue;
        for (uint32_t k = 0; k < eo_space_dim_size(s, d); k++) {
            v.len = 0;
            eo_space_value_text(s, d, k, &v);
            if (strstr(v.data, "sram"))
                cand[d] = k;
        }
        eo_strbuf_free(&v);
    }
    assert_int_equal(eo_evaluator_run(ev, s, cand, &b, NULL), EO_OK);
    if (b.status != EO_EVAL_OK)
        fail_msg("homes in SRAM: %s", b.message);
    assert_true(b.obj[EO_OBJ_LATENCY] < 0.6 * a.obj[EO_OBJ_LATENCY]);
    assert_true(b.obj[EO_OBJ_MEMORY] <= a.obj[EO_OBJ_MEMORY]);
    free(cand);
    eo_strbuf_free(&rep);
    eo_strbuf_free(&js);
    eo_space_destroy(s);
    eo_evaluator_destroy(ev);
}

/* Errors: no target, a target that is not an NPU. */
static void
test_errors(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {\n"
        "  %y = graph.relu %x : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  return %y : tensor<4xf32>\n}\n";
    eo_op *m = eo_parse_source(f->ctx, "t", src, strlen(src), NULL);
    assert_non_null(m);
    assert_int_equal(run_pipeline(f, m, "npu-map", NULL), EO_ERROR);
    assert_non_null(strstr(f->last, "needs option target"));
    assert_int_equal(run_pipeline(f, m, "npu-map{target=cortex-m4}", NULL),
                     EO_ERROR);
    assert_non_null(strstr(f->last, "is not an NPU"));
    eo_op_destroy(m);
}

/* IMC weights resident: the fc's block in a crossbar of its own is
 * programmed once (the simulator times the steady state, crossbars
 * keeping their blocks between inferences), while crossbars shared by
 * layers are programmed at every inference: less programming time and
 * energy, same bytes. Making every layer resident runs out of crossbars:
 * the later layers are not offered the IMC. */
static void
test_imc_resident(void **state)
{
    fixture *f = *state;
    if (!have("kws_dscnn_int8_qdq"))
        skip();
    force_knobs d = { .rows = -1, .flow = -1, .dbuf = -1 };
    force_knobs fc = { .rows = -1, .flow = -1, .dbuf = -1,
                       .resident = "Gemm_62" };
    force_knobs all = { .rows = -1, .flow = -1, .dbuf = -1,
                        .resident = "" };
    eo_npu_sim_stats sd = check_forced(f, "imc-digital-npu", &d);
    eo_npu_sim_stats sf = check_forced(f, "imc-digital-npu", &fc);
    eo_npu_sim_stats sa = check_forced(f, "imc-digital-npu", &all);
    fprintf(stderr, "kws imc-digital: shared %.4g s %.4g J (program %.3g J, "
            "%llu writes); fc resident %.4g s %.4g J (program %.3g J, "
            "%llu writes, %llu skipped)\n", sd.latency_s, sd.energy_j,
            sd.energy[EO_COST_PROGRAM],
            (unsigned long long)sd.imc_programs, sf.latency_s, sf.energy_j,
            sf.energy[EO_COST_PROGRAM],
            (unsigned long long)sf.imc_programs,
            (unsigned long long)sf.imc_programs_skipped);
    assert_int_equal(d.asked_resident, 5);
    assert_int_equal(d.r.units[1], 5);
    assert_int_equal(sd.imc_programs_skipped, 0);
    assert_int_equal(sf.imc_programs_skipped, 1);
    assert_true(sf.energy[EO_COST_PROGRAM] < sd.energy[EO_COST_PROGRAM]);
    assert_true(sf.latency_s <= sd.latency_s);
    /* Two layers of two blocks take the four crossbars. */
    assert_int_equal(all.r.units[1], 2);
    assert_true(all.asked_resident == 2);
    eo_npu_sim_stats_free(&sd);
    eo_npu_sim_stats_free(&sf);
    eo_npu_sim_stats_free(&sa);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_kws_stm32n6, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kws_tiling, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kws_imc_targets, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_other_models, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kws_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_imc_resident, setup, teardown),
        cmocka_unit_test_setup_teardown(test_evaluator, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/targets/test_costmodel.c - the analytical cost model
 * (eo_target_model_evaluate): roofline bounds, monotonicity in bandwidth
 * and memory size, energy conservation, locality (a tiled matmul moves
 * less data than the untiled one when its operands do not fit the
 * cache), determinism, diagnostics, and a real model through the
 * default pipeline on every shipped MCU / NPU target. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "targets/targets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef EO_TARGETS_DATA_SOURCE_DIR
#define EO_TARGETS_DATA_SOURCE_DIR "targets/data"
#endif

#define KWS EO_TEST_SHARED_DIR "/models/mlperf-tiny/kws_dscnn_f32.onnx"
#define KWS8 EO_TEST_SHARED_DIR "/models/mlperf-tiny/kws_dscnn_int8_qdq.onnx"
#define PIPELINE "builtin.module(graph-optimize,func.func(graph-layout," \
                 "graph-to-tl),tl-bufferize,func.func(tl-to-loops))"

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    f->errors++;
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

static eo_op *
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->last);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

static eo_target *
shipped(fixture *f, const char *name)
{
    eo_target *t = eo_target_load_named(f->ctx, name);
    if (!t)
        fail_msg("cannot load %s: %s", name, f->last);
    return t;
}

/* A target with a 1 KiB cache in front of a slow SRAM. */
static const char small_cache_json[] =
    "{ \"format\": 1, \"name\": \"small-cache\", \"kind\": \"mcu\",\n"
    "  \"compute_units\": [ { \"name\": \"core\", \"kind\": \"cpu\",\n"
    "    \"count\": 1, \"clock_mhz\": 100, \"vector_bits\": 32,\n"
    "    \"macs_per_cycle\": { \"fp32\": 1, \"int8\": 2 },\n"
    "    \"mac_energy_pj\": { \"fp32\": 10, \"int8\": 2 },\n"
    "    \"alu_energy_pj\": 5, \"load_store_energy_pj\": 6,\n"
    "    \"static_power_mw\": 1 } ],\n"
    "  \"memory\": [\n"
    "    { \"name\": \"cache\", \"kind\": \"cache\", \"size_bytes\": 1024,\n"
    "      \"bandwidth_gbps\": 0.8, \"latency_ns\": 1,\n"
    "      \"energy_pj_per_byte\": 1 },\n"
    "    { \"name\": \"sram\", \"kind\": \"sram\", \"size_bytes\": 1048576,\n"
    "      \"bandwidth_gbps\": 0.1, \"latency_ns\": 10,\n"
    "      \"energy_pj_per_byte\": 10 } ] }\n";

static eo_target *
small_cache(fixture *f)
{
    eo_target *t = eo_target_parse(f->ctx, "small-cache.json",
                                   small_cache_json,
                                   strlen(small_cache_json), NULL);
    if (!t)
        fail_msg("cannot parse the small-cache target: %s", f->last);
    return t;
}

/* C[i][j] += A[i][k] * B[k][j], 64x64 f32 (16 KiB per operand). */
static const char matmul_src[] =
    "func.func @mm(%a: memref<64x64xf32>, %b: memref<64x64xf32>,\n"
    "              %c: memref<64x64xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c64 = arith.constant 64 : index\n"
    "  scf.for %i = %c0 to %c64 step %c1 {\n"
    "    scf.for %j = %c0 to %c64 step %c1 {\n"
    "      scf.for %k = %c0 to %c64 step %c1 {\n"
    "        %x = memref.load %a[%i, %k] : memref<64x64xf32>\n"
    "        %y = memref.load %b[%k, %j] : memref<64x64xf32>\n"
    "        %z = memref.load %c[%i, %j] : memref<64x64xf32>\n"
    "        %p = arith.mulf %x, %y : f32\n"
    "        %s = arith.addf %z, %p : f32\n"
    "        memref.store %s, %c[%i, %j] : memref<64x64xf32>\n"
    "      }\n"
    "    }\n"
    "  }\n"
    "  return\n"
    "}\n";

/* The same in 8x8x8 tiles. */
static const char matmul_tiled_src[] =
    "func.func @mm(%a: memref<64x64xf32>, %b: memref<64x64xf32>,\n"
    "              %c: memref<64x64xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c8 = arith.constant 8 : index\n"
    "  %c64 = arith.constant 64 : index\n"
    "  scf.for %ii = %c0 to %c64 step %c8 {\n"
    "    %ie = arith.addi %ii, %c8 : index\n"
    "    scf.for %jj = %c0 to %c64 step %c8 {\n"
    "      %je = arith.addi %jj, %c8 : index\n"
    "      scf.for %kk = %c0 to %c64 step %c8 {\n"
    "        %ke = arith.addi %kk, %c8 : index\n"
    "        scf.for %i = %ii to %ie step %c1 {\n"
    "          scf.for %j = %jj to %je step %c1 {\n"
    "            scf.for %k = %kk to %ke step %c1 {\n"
    "              %x = memref.load %a[%i, %k] : memref<64x64xf32>\n"
    "              %y = memref.load %b[%k, %j] : memref<64x64xf32>\n"
    "              %z = memref.load %c[%i, %j] : memref<64x64xf32>\n"
    "              %p = arith.mulf %x, %y : f32\n"
    "              %s = arith.addf %z, %p : f32\n"
    "              memref.store %s, %c[%i, %j] : memref<64x64xf32>\n"
    "            }\n"
    "          }\n"
    "        }\n"
    "      }\n"
    "    }\n"
    "  }\n"
    "  return\n"
    "}\n";

static double
total_bytes(const eo_cost_report *r)
{
    double s = 0;
    for (size_t i = 0; i < r->num_levels; i++)
        s += r->bytes[i];
    return s;
}

/* Latency never beats peak compute or any level's bandwidth; energy
 * components add up; layers add up to the total. */
static void
check_sane(const eo_target *t, const eo_cost_report *r)
{
    const eo_target_desc *d = eo_target_desc_get(t);
    assert_true(r->latency_s > 0);
    double peak = 0;
    for (int dt = 0; dt < EO_TDT_COUNT; dt++) {
        double p = eo_target_peak_macs(t, (eo_target_dtype)dt);
        peak = p > peak ? p : peak;
    }
    assert_true(peak > 0);
    assert_true(r->latency_s >= r->macs / peak * (1 - 1e-9));
    assert_int_equal(r->num_levels, d->num_memory);
    for (size_t i = 0; i < r->num_levels; i++)
        assert_true(r->latency_s * (1 + 1e-9) >=
                    r->bytes[i] / (d->memory[i].bandwidth_gbps * 1e9));
    double sum = 0;
    for (int c = 0; c < EO_COST_NUM_COMPONENTS; c++) {
        assert_true(r->energy[c] >= 0);
        sum += r->energy[c];
    }
    assert_true(fabs(sum - r->energy_j) <= 1e-12 + 1e-9 * r->energy_j);
    double lat = 0, en = 0, macs = 0;
    for (size_t i = 0; i < r->num_layers; i++) {
        assert_non_null(r->layers[i].name);
        assert_non_null(r->layers[i].unit);
        assert_true(r->layers[i].unit[0] != '\0');
        lat += r->layers[i].latency_s;
        en += r->layers[i].energy_j;
        macs += r->layers[i].macs;
    }
    assert_true(fabs(lat - r->latency_s) <= 1e-9 * r->latency_s);
    assert_true(fabs(en - r->energy_j) <= 1e-6 * r->energy_j);
    assert_true(macs == r->macs);
}

static void
test_matmul_figures(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, matmul_src);
    eo_target *t = shipped(f, "cortex-m4");
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
    assert_true(r.macs == 64.0 * 64 * 64);
    assert_true(r.ops == 0);
    assert_int_equal(r.num_layers, 1);
    assert_string_equal(r.layers[0].unit, "m4");
    check_sane(t, &r);
    /* The accumulator stays in a register over k: A and B are read per
     * MAC, C read and written once per (i, j). */
    assert_true(r.bytes[0] == 4.0 * (2 * 64 * 64 * 64 + 2 * 64 * 64));
    eo_cost_report_free(&r);
    eo_cost_report_free(&r);    /* zeroed: fine twice */
    eo_cost_report_free(NULL);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

static void
test_tiling_reduces_traffic(void **state)
{
    fixture *f = *state;
    eo_op *plain = parse(f, matmul_src);
    eo_op *tiled = parse(f, matmul_tiled_src);
    eo_target *t = small_cache(f);
    eo_cost_report a, b;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, plain, &a), EO_OK);
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, tiled, &b), EO_OK);
    check_sane(t, &a);
    check_sane(t, &b);
    assert_true(a.macs == b.macs);
    /* Traffic beyond the cache (level 1): 8x8 tiles of three operands
     * (768 B) fit the 1 KiB cache, a row of B's columns does not. */
    assert_true(b.bytes[1] < a.bytes[1] / 2);
    assert_true(b.latency_s < a.latency_s);
    /* A bigger cache never adds traffic. */
    eo_target *big = eo_target_clone(t);
    assert_non_null(big);
    assert_int_equal(eo_target_set_number(f->ctx, big, "memory[0].size_bytes",
                                          65536), EO_OK);
    eo_cost_report c;
    assert_int_equal(eo_target_model_evaluate(f->ctx, big, plain, &c),
                     EO_OK);
    assert_true(c.bytes[1] <= a.bytes[1]);
    assert_true(total_bytes(&c) <= total_bytes(&a));
    /* Everything fits: each operand crosses once (plus one line). */
    assert_true(c.bytes[1] <= 4 * 16384.0 + 4 * 64);
    eo_cost_report_free(&a);
    eo_cost_report_free(&b);
    eo_cost_report_free(&c);
    eo_target_destroy(big);
    eo_target_destroy(t);
    eo_op_destroy(plain);
    eo_op_destroy(tiled);
}

/* Interchange: with k outermost the accumulator cannot stay in a
 * register, so more loads and stores run. */
static void
test_interchange(void **state)
{
    fixture *f = *state;
    char *src = strdup(matmul_src);
    assert_non_null(src);
    /* Swap the names of the i and k loops' induction variables. */
    char *i_loop = strstr(src, "scf.for %i");
    char *k_loop = strstr(src, "scf.for %k");
    i_loop[9] = 'k';
    k_loop[9] = 'i';
    eo_op *ikj = parse(f, matmul_src), *kji = parse(f, src);
    eo_target *t = shipped(f, "cortex-m4");
    eo_cost_report a, b;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, ikj, &a), EO_OK);
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, kji, &b), EO_OK);
    assert_true(a.macs == b.macs);
    assert_true(b.bytes[0] > a.bytes[0]);
    assert_true(b.latency_s > a.latency_s);
    eo_cost_report_free(&a);
    eo_cost_report_free(&b);
    eo_target_destroy(t);
    eo_op_destroy(ikj);
    eo_op_destroy(kji);
    free(src);
}

static eo_op *
import_lowered(fixture *f, const char *path, const char *pipeline)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fclose(fp);
    eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(m);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, pipeline), EO_OK);
    assert_int_equal(eo_pm_run(pm, m, NULL), EO_OK);
    eo_pm_destroy(pm);
    return m;
}

/* Doubling any level's bandwidth never slows the model down. */
static void
check_bandwidth_monotone(fixture *f, const eo_target *t, eo_op *m,
                         const eo_cost_report *base)
{
    const eo_target_desc *d = eo_target_desc_get(t);
    for (size_t i = 0; i < d->num_memory; i++) {
        eo_target *v = eo_target_clone(t);
        assert_non_null(v);
        char path[64];
        snprintf(path, sizeof path, "memory[%zu].bandwidth_gbps", i);
        double bw;
        assert_int_equal(eo_target_get_number(f->ctx, v, path, &bw), EO_OK);
        assert_int_equal(eo_target_set_number(f->ctx, v, path, 2 * bw),
                         EO_OK);
        eo_cost_report r;
        assert_int_equal(eo_target_model_evaluate(f->ctx, v, m, &r), EO_OK);
        assert_true(r.latency_s <= base->latency_s);
        eo_cost_report_free(&r);
        eo_target_destroy(v);
    }
}

static void
test_kws_on_targets(void **state)
{
    fixture *f = *state;
    eo_op *m = import_lowered(f, KWS, PIPELINE);
    if (!m)
        skip();
    static const char *const names[] = { "cortex-m4", "cortex-m7",
                                         "cortex-m55", "stm32n6-npu",
                                         "host", "mobile-gpu" };
    eo_strbuf first = { 0 };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        eo_target *t = shipped(f, names[i]);
        eo_cost_report r, r2;
        assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
        check_sane(t, &r);
        /* DS-CNN: about 2.7 M MACs, 12 layers (5 convolutions, 4
         * depthwise, pooling, the classifier, softmax). */
        assert_true(r.macs > 2.6e6 && r.macs < 2.8e6);
        assert_true(r.num_layers >= 10);
        assert_true(r.peak_memory_bytes > 50000 &&
                    r.peak_memory_bytes < 200000);
        assert_true(r.weight_bytes > 80000 && r.weight_bytes < 100000);
        /* Deterministic: the same report again. */
        assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r2), EO_OK);
        eo_strbuf a = { 0 }, b = { 0 };
        eo_cost_report_json(t, &r, &a);
        eo_cost_report_json(t, &r2, &b);
        assert_false(a.oom);
        assert_string_equal(a.data, b.data);
        assert_non_null(strstr(a.data, "\"layers\": ["));
        if (i == 0)
            eo_strbuf_puts(&first, a.data);
        if (i < 4)
            check_bandwidth_monotone(f, t, m, &r);
        eo_strbuf_free(&a);
        eo_strbuf_free(&b);
        eo_cost_report_free(&r);
        eo_cost_report_free(&r2);
        eo_target_destroy(t);
    }
    /* More TCM on the M7: with 64 KiB the activations (about 80 KiB)
     * live in SRAM, with 128 KiB in the faster, cheaper DTCM; traffic
     * never grows, energy drops. */
    eo_target *t = shipped(f, "cortex-m7");
    eo_cost_report a, b;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &a), EO_OK);
    assert_int_equal(eo_target_set_number(f->ctx, t, "memory[1].size_bytes",
                                          131072), EO_OK);
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &b), EO_OK);
    assert_true(total_bytes(&b) <= total_bytes(&a));
    assert_true(a.bytes[1] == 0 && b.bytes[1] > 0);
    assert_true(b.bytes[2] < a.bytes[2]);
    assert_true(b.latency_s <= a.latency_s);
    assert_true(b.energy_j < a.energy_j);
    eo_cost_report_free(&a);
    eo_cost_report_free(&b);
    eo_target_destroy(t);
    eo_strbuf_free(&first);
    if (f->errors)
        fail_msg("unexpected error: %s", f->last);
    eo_op_destroy(m);
}

/* The int8 model stops at tl ops on tensors: costed as kernels, the
 * convolutions on the NPU's engines. */
static void
test_int8_tensor_level(void **state)
{
    fixture *f = *state;
    eo_op *m = import_lowered(f, KWS8, "builtin.module(graph-optimize,"
                              "func.func(graph-layout,graph-to-tl))");
    if (!m)
        skip();
    eo_target *npu = shipped(f, "stm32n6-npu");
    eo_target *mcu = shipped(f, "cortex-m55");
    eo_cost_report a, b;
    assert_int_equal(eo_target_model_evaluate(f->ctx, npu, m, &a), EO_OK);
    assert_int_equal(eo_target_model_evaluate(f->ctx, mcu, m, &b), EO_OK);
    check_sane(npu, &a);
    check_sane(mcu, &b);
    assert_true(a.macs > 2.6e6 && a.macs < 2.8e6);
    bool engine = false;
    for (size_t i = 0; i < a.num_layers; i++)
        engine = engine || strcmp(a.layers[i].unit, "convacc") == 0;
    assert_true(engine);
    assert_true(a.latency_s < b.latency_s);
    eo_cost_report_free(&a);
    eo_cost_report_free(&b);
    eo_target_destroy(npu);
    eo_target_destroy(mcu);
    eo_op_destroy(m);
}

/* An int8 contraction in loops (i8 x i8 accumulated in i32) runs on the
 * NPU's conv engines; a float one on its host CPU. */
static void
test_npu_engine_loops(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @mm(%a: memref<32x64xi8>, %b: memref<64x32xi8>,\n"
        "              %c: memref<32x32xi32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c32 = arith.constant 32 : index\n"
        "  %c64 = arith.constant 64 : index\n"
        "  scf.for %i = %c0 to %c32 step %c1 {\n"
        "    scf.for %j = %c0 to %c32 step %c1 {\n"
        "      scf.for %k = %c0 to %c64 step %c1 {\n"
        "        %x = memref.load %a[%i, %k] : memref<32x64xi8>\n"
        "        %y = memref.load %b[%k, %j] : memref<64x32xi8>\n"
        "        %z = memref.load %c[%i, %j] : memref<32x32xi32>\n"
        "        %xe = arith.extsi %x : i8 to i32\n"
        "        %ye = arith.extsi %y : i8 to i32\n"
        "        %p = arith.muli %xe, %ye : i32\n"
        "        %s = arith.addi %z, %p : i32\n"
        "        memref.store %s, %c[%i, %j] : memref<32x32xi32>\n"
        "      }\n"
        "    }\n"
        "  }\n"
        "  return\n"
        "}\n");
    eo_target *t = shipped(f, "stm32n6-npu");
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
    check_sane(t, &r);
    assert_true(r.macs == 32.0 * 32 * 64);
    assert_int_equal(r.num_layers, 1);
    assert_string_equal(r.layers[0].unit, "convacc");
    /* Every operand streamed once: A, B and C read and written. */
    assert_true(r.bytes[0] <= 2048 + 2048 + 2 * 4096 + 3 * 64);
    eo_cost_report_free(&r);
    eo_target *m55 = shipped(f, "cortex-m55");
    assert_int_equal(eo_target_model_evaluate(f->ctx, m55, m, &r), EO_OK);
    assert_string_equal(r.layers[0].unit, "m55");
    eo_cost_report_free(&r);
    eo_target_destroy(m55);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

/* Activations never live in flash: an arena larger than the M4's SRAM
 * stays in SRAM (and the peak says it does not fit). */
static void
test_arena_not_in_flash(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @big() {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %n = arith.constant 200000 : index\n"
        "  %z = arith.constant 0.0 : f32\n"
        "  %t = memref.alloc() : memref<200000xf32>\n"
        "  scf.for %i = %c0 to %n step %c1 {\n"
        "    memref.store %z, %t[%i] : memref<200000xf32>\n"
        "  }\n"
        "  memref.dealloc %t : memref<200000xf32>\n"
        "  return\n"
        "}\n");
    eo_target *t = shipped(f, "cortex-m4");
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
    assert_true(r.peak_memory_bytes == 800000);
    assert_true(r.bytes[0] == 800000);
    assert_true(r.bytes[1] == 0);
    eo_cost_report_free(&r);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

static void
test_dynamic_bounds(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: memref<?xf32>, %n: index) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  scf.for %i = %c0 to %n step %c1 {\n"
        "    %v = memref.load %a[%i] : memref<?xf32>\n"
        "    memref.store %v, %a[%i] : memref<?xf32>\n"
        "  }\n"
        "  return\n"
        "}\n");
    eo_target *t = shipped(f, "cortex-m55");
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_ERROR);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->last, "dynamic loop bounds"));
    eo_cost_report_free(&r);
    assert_int_equal(r.num_layers, 0);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

/* Loops whose bounds follow an outer index (partial tiles) are averaged:
 * min(ii + 8, 20) - ii over ii = 0, 8, 16 is 8, 8, 4. */
static void
test_partial_tiles(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: memref<20xf32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c8 = arith.constant 8 : index\n"
        "  %c20 = arith.constant 20 : index\n"
        "  scf.for %ii = %c0 to %c20 step %c8 {\n"
        "    %e = arith.addi %ii, %c8 : index\n"
        "    %m = arith.minsi %e, %c20 : index\n"
        "    scf.for %i = %ii to %m step %c1 {\n"
        "      %v = memref.load %a[%i] : memref<20xf32>\n"
        "      %w = math.exp %v : f32\n"
        "      memref.store %w, %a[%i] : memref<20xf32>\n"
        "    }\n"
        "  }\n"
        "  return\n"
        "}\n");
    eo_target *t = shipped(f, "cortex-m55");
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
    /* 20 exponentials of 10 operations each. */
    assert_true(fabs(r.ops - 200) < 1e-9);
    assert_true(fabs(r.bytes[0] - 2 * 20 * 4) < 1e-9);
    eo_cost_report_free(&r);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

static void
test_unsupported_op(void **state)
{
    fixture *f = *state;
    eo_ctx_set_allow_unregistered(f->ctx, true);
    eo_op *m = parse(f,
        "func.func @f(%a: memref<4xf32>) {\n"
        "  \"foo.bar\"(%a) : (memref<4xf32>) -> ()\n"
        "  return\n"
        "}\n");
    eo_target *t = shipped(f, "cortex-m55");
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_ERROR);
    assert_non_null(strstr(f->last, "cannot cost 'foo.bar'"));
    eo_cost_report_free(&r);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

static void
test_names(void **state)
{
    (void)state;
    assert_string_equal(eo_cost_component_name(EO_COST_COMPUTE), "compute");
    assert_string_equal(eo_cost_component_name(EO_COST_DRAM), "dram");
    assert_string_equal(eo_cost_component_name(EO_COST_PROGRAM), "program");
    assert_string_equal(eo_cost_component_name(EO_COST_NUM_COMPONENTS), "");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_matmul_figures, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_tiling_reduces_traffic, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_interchange, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kws_on_targets, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_int8_tensor_level, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_npu_engine_loops, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_arena_not_in_flash, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_dynamic_bounds, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_partial_tiles, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unsupported_op, setup,
                                        teardown),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

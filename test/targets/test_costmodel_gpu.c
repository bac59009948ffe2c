/* test/targets/test_costmodel_gpu.c - the cost model of gpu.launch
 * kernels (docs/targets.md, "GPU kernels") on the mobile GPU: never
 * faster than peak compute or bandwidth, more bandwidth never slower, a
 * block size with more resident threads faster on a memory-bound
 * kernel, coalescing, energy components summing up, diagnostics. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "targets/targets.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
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

static eo_target *
shipped(fixture *f, const char *name)
{
    eo_target *t = eo_target_load_named(f->ctx, name);
    if (!t)
        fail_msg("cannot load %s: %s", name, f->last);
    return t;
}

/* A 1-D kernel over n elements in blocks of 'block' threads (a guard
 * skips ids past n): c[i*stride] = a[i*stride] + b[i*stride], or with
 * k > 0 a dot product of length k per thread (c[i] += a[i,j] * b[j]). */
static eo_op *
kernel(fixture *f, long n, long block, long stride, long k,
       const char *shared)
{
    char src[4096];
    long grid = (n + block - 1) / block, len = n * stride;
    long kk = k > 0 ? k : 1;
    int w = snprintf(src, sizeof src,
        "func.func @k(%%a: memref<%ldx%ldxf32>, %%b: memref<%ldxf32>,\n"
        "             %%c: memref<%ldxf32>, %%d: memref<%ldxf32>) {\n"
        "  %%c0 = arith.constant 0 : index\n"
        "  %%c1 = arith.constant 1 : index\n"
        "  %%g = arith.constant %ld : index\n"
        "  %%bs = arith.constant %ld : index\n"
        "  %%n = arith.constant %ld : index\n"
        "  %%st = arith.constant %ld : index\n"
        "  %%kk = arith.constant %ld : index\n"
        "  gpu.launch blocks(%%bx, %%by, %%bz) in (%%gx = %%g, %%gy = %%c1,"
        " %%gz = %%c1) threads(%%tx, %%ty, %%tz) in (%%sx = %%bs,"
        " %%sy = %%c1, %%sz = %%c1) %s {\n"
        "    %%0 = arith.muli %%bx, %%sx : index\n"
        "    %%1 = arith.addi %%0, %%tx : index\n"
        "    %%2 = arith.cmpi ult, %%1, %%n : index\n"
        "    scf.if %%2 {\n"
        "      %%i = arith.muli %%1, %%st : index\n",
        n, kk, kk, len, len, grid, block, n, stride, kk, shared);
    if (k > 0)
        w += snprintf(src + w, sizeof src - (size_t)w,
            "      scf.for %%j = %%c0 to %%kk step %%c1 {\n"
            "        %%x = memref.load %%a[%%i, %%j] : memref<%ldx%ldxf32>\n"
            "        %%y = memref.load %%b[%%j] : memref<%ldxf32>\n"
            "        %%z = memref.load %%c[%%i] : memref<%ldxf32>\n"
            "        %%p = arith.mulf %%x, %%y : f32\n"
            "        %%s = arith.addf %%z, %%p : f32\n"
            "        memref.store %%s, %%c[%%i] : memref<%ldxf32>\n"
            "      }\n", n, kk, kk, len, len);
    else
        w += snprintf(src + w, sizeof src - (size_t)w,
            "      %%x = memref.load %%c[%%i] : memref<%ldxf32>\n"
            "      %%y = memref.load %%d[%%i] : memref<%ldxf32>\n"
            "      %%s = arith.addf %%x, %%y : f32\n"
            "      memref.store %%s, %%d[%%i] : memref<%ldxf32>\n",
            len, len, len);
    snprintf(src + w, sizeof src - (size_t)w,
             "    }\n    gpu.terminator\n  }\n  return\n}\n");
    eo_op *m = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    if (!m)
        fail_msg("parse failed: %s\n%s", f->last, src);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

static double
evaluate(fixture *f, eo_target *t, eo_op *m, eo_cost_report *r)
{
    if (eo_target_model_evaluate(f->ctx, t, m, r) != EO_OK)
        fail_msg("evaluate failed: %s", f->last);
    return r->latency_s;
}

static double
dram_bytes(const eo_target *t, const eo_cost_report *r, double *bw)
{
    const eo_target_desc *d = eo_target_desc_get(t);
    for (size_t i = 0; i < d->num_memory; i++)
        if (d->memory[i].kind == EO_MEMORY_DRAM) {
            *bw = d->memory[i].bandwidth_gbps * 1e9;
            return r->bytes[i];
        }
    fail_msg("no DRAM level");
    return 0;
}

/* Latency is never below the launch overhead plus the larger of the
 * MACs at the peak rate and the DRAM traffic at full bandwidth. */
static void
test_roofline_bounds(void **state)
{
    fixture *f = *state;
    eo_target *t = shipped(f, "mobile-gpu");
    const eo_unit_desc *u = eo_target_find_unit(t, "shader");
    assert_non_null(u);
    long blocks[] = { 32, 64, 128, 256 };
    for (int k = 0; k < 2; k++)
        for (size_t i = 0; i < 4; i++) {
            eo_op *m = kernel(f, k ? 8192 : 1 << 20, blocks[i], 1,
                              k ? 512 : 0, "");
            eo_cost_report r;
            double lat = evaluate(f, t, m, &r);
            double bw = 0, dram = dram_bytes(t, &r, &bw);
            double peak = eo_target_peak_macs(t, EO_TDT_FP32);
            double floor_s = r.macs / peak > dram / bw ? r.macs / peak
                           : dram / bw;
            assert_true(lat >= floor_s + u->launch_overhead_ns * 1e-9);
            if (k) {
                assert_true(r.macs == 8192.0 * 512);
                assert_true(dram >= 8192.0 * 512 * 4);
            } else {
                assert_true(r.macs == 0);
                assert_true(dram >= 3.0 * 4 * (1 << 20));
            }
            assert_int_equal(r.num_layers, 1);
            assert_string_equal(r.layers[0].unit, "shader");
            eo_cost_report_free(&r);
            eo_op_destroy(m);
        }
    eo_target_destroy(t);
}

/* Doubling the bandwidth of any memory level never makes a kernel
 * slower. */
static void
test_bandwidth_monotone(void **state)
{
    fixture *f = *state;
    eo_target *t = shipped(f, "mobile-gpu");
    const eo_target_desc *d = eo_target_desc_get(t);
    for (int k = 0; k < 2; k++) {
        eo_op *m = kernel(f, k ? 4096 : 1 << 18, 64, k ? 1 : 4,
                          k ? 256 : 0, "");
        eo_cost_report r;
        double base = evaluate(f, t, m, &r);
        eo_cost_report_free(&r);
        for (size_t i = 0; i < d->num_memory; i++) {
            eo_target *v = eo_target_clone(t);
            assert_non_null(v);
            char path[64];
            snprintf(path, sizeof path, "memory[%zu].bandwidth_gbps", i);
            double bw = 0;
            assert_int_equal(eo_target_get_number(f->ctx, v, path, &bw),
                             EO_OK);
            assert_int_equal(eo_target_set_number(f->ctx, v, path, 2 * bw),
                             EO_OK);
            double lat = evaluate(f, v, m, &r);
            assert_true(lat <= base);
            eo_cost_report_free(&r);
            eo_target_destroy(v);
        }
        eo_op_destroy(m);
    }
    eo_target_destroy(t);
}

/* With at most 2 resident blocks per core, blocks of 256 threads keep
 * 4x as many accesses in flight as blocks of 64: the memory-bound
 * addition is faster with them. */
static void
test_occupancy(void **state)
{
    fixture *f = *state;
    eo_target *t = shipped(f, "mobile-gpu");
    assert_int_equal(eo_target_set_number(
        f->ctx, t, "compute_units[shader].max_blocks_per_core", 2), EO_OK);
    eo_cost_report r;
    eo_op *m64 = kernel(f, 1 << 20, 64, 1, 0, "");
    eo_op *m256 = kernel(f, 1 << 20, 256, 1, 0, "");
    double l64 = evaluate(f, t, m64, &r);
    eo_cost_report_free(&r);
    double l256 = evaluate(f, t, m256, &r);
    eo_cost_report_free(&r);
    assert_true(l256 < l64);
    /* Without the limit, both fill the cores' 1024 threads. */
    eo_target *full = shipped(f, "mobile-gpu");
    double f64 = evaluate(f, full, m64, &r);
    eo_cost_report_free(&r);
    double f256 = evaluate(f, full, m256, &r);
    eo_cost_report_free(&r);
    assert_true(fabs(f64 - f256) <= 1e-9 * f64 + 1e-6 * f64);
    assert_true(f256 <= l256);
    eo_op_destroy(m64);
    eo_op_destroy(m256);
    eo_target_destroy(full);
    eo_target_destroy(t);
}

/* Consecutive threads at consecutive addresses move a 64-byte line per
 * 16-wide warp access; a stride of 16 floats moves a line per thread. */
static void
test_coalescing(void **state)
{
    fixture *f = *state;
    eo_target *t = shipped(f, "mobile-gpu");
    eo_cost_report r;
    eo_op *unit = kernel(f, 1 << 16, 128, 1, 0, "");
    eo_op *strided = kernel(f, 1 << 16, 128, 16, 0, "");
    double lu = evaluate(f, t, unit, &r);
    double bu = r.bytes[0];
    eo_cost_report_free(&r);
    double ls = evaluate(f, t, strided, &r);
    double bs = r.bytes[0];
    eo_cost_report_free(&r);
    assert_true(bu == 3.0 * 4 * (1 << 16));
    assert_true(bs == 16 * bu);
    assert_true(ls > lu);
    eo_op_destroy(unit);
    eo_op_destroy(strided);
    eo_target_destroy(t);
}

/* The energy components add up to the total, and the layers to it. */
static void
test_energy_sums(void **state)
{
    fixture *f = *state;
    eo_target *t = shipped(f, "mobile-gpu");
    for (int k = 0; k < 2; k++) {
        eo_op *m = kernel(f, 5000, 128, 1, k ? 64 : 0, "");
        eo_cost_report r;
        evaluate(f, t, m, &r);
        double sum = 0, layers = 0;
        for (int c = 0; c < EO_COST_NUM_COMPONENTS; c++) {
            assert_true(r.energy[c] >= 0);
            sum += r.energy[c];
        }
        for (size_t i = 0; i < r.num_layers; i++)
            layers += r.layers[i].energy_j;
        assert_true(r.energy[EO_COST_COMPUTE] > 0);
        assert_true(r.energy[EO_COST_DRAM] > 0);
        assert_true(r.energy[EO_COST_STATIC] > 0);
        assert_true(fabs(sum - r.energy_j) <= 1e-12 * r.energy_j);
        assert_true(fabs(layers - r.energy_j) <= 1e-9 * r.energy_j);
        eo_cost_report_free(&r);
        eo_op_destroy(m);
    }
    eo_target_destroy(t);
}

static void
expect_error(fixture *f, eo_target *t, eo_op *m, const char *msg)
{
    eo_cost_report r;
    f->errors = 0;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_ERROR);
    assert_true(f->errors > 0);
    if (!strstr(f->last, msg))
        fail_msg("expected '%s', got '%s'", msg, f->last);
    eo_cost_report_free(&r);
}

static void
test_errors(void **state)
{
    fixture *f = *state;
    eo_target *t = shipped(f, "mobile-gpu");
    eo_op *big = kernel(f, 4096, 2048, 1, 0, "");
    expect_error(f, t, big, "a block of 2048 threads and 0 bytes of "
                 "workgroup memory does not fit a core of unit 'shader'");
    eo_op *sh = kernel(f, 4096, 64, 1, 0,
                       "workgroup(%w : memref<16384xf32, "
                       "#gpu.address_space<workgroup>>)");
    expect_error(f, t, sh, "65536 bytes of workgroup memory does not fit");
    eo_target *m55 = shipped(f, "cortex-m55");
    eo_op *ok = kernel(f, 64, 64, 1, 0, "");
    expect_error(f, m55, ok, "'gpu.launch' on target 'cortex-m55', which "
                 "has no gpu compute unit");
    /* The GPU-only fields belong to gpu units. */
    f->errors = 0;
    assert_int_equal(eo_target_set_number(
        f->ctx, m55, "compute_units[0].launch_overhead_ns", 1), EO_ERROR);
    eo_op_destroy(big);
    eo_op_destroy(sh);
    eo_op_destroy(ok);
    eo_target_destroy(m55);
    eo_target_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_roofline_bounds, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_bandwidth_monotone, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_occupancy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_coalescing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_energy_sums, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

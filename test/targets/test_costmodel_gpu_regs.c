/* test/targets/test_costmodel_gpu_regs.c - register-limited occupancy
 * of gpu.launch kernels (docs/targets.md, "GPU kernels"): the registers
 * per thread estimated from the kernel body grow with the values live at
 * once; a register file too small for the threads lowers the resident
 * blocks ("limit": "registers" in the per-kernel report) and slows a
 * memory-bound kernel; registers beyond max_registers_per_thread spill
 * (more issue, never faster); the fields belong to gpu units; a block
 * whose registers do not fit a core is diagnosed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "targets/targets.h"

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
gpu(fixture *f)
{
    eo_target *t = eo_target_load_named(f->ctx, "mobile-gpu");
    if (!t)
        fail_msg("cannot load mobile-gpu: %s", f->last);
    return t;
}

/* A 1-D kernel of n threads in blocks of 'block': thread i loads 'live'
 * floats a[0..live, i] (all live at once; coalesced), then sums them
 * into c[i]. */
static eo_op *
kernel(fixture *f, long n, long block, int live)
{
    static char src[32768];
    long grid = (n + block - 1) / block;
    int w = snprintf(src, sizeof src,
        "func.func @k(%%a: memref<%dx%ldxf32>, %%c: memref<%ldxf32>) {\n"
        "  %%c1 = arith.constant 1 : index\n"
        "  %%g = arith.constant %ld : index\n"
        "  %%bs = arith.constant %ld : index\n"
        "  gpu.launch blocks(%%bx, %%by, %%bz) in (%%gx = %%g, %%gy = %%c1,"
        " %%gz = %%c1) threads(%%tx, %%ty, %%tz) in (%%sx = %%bs,"
        " %%sy = %%c1, %%sz = %%c1) {\n"
        "    %%0 = arith.muli %%bx, %%sx : index\n"
        "    %%i = arith.addi %%0, %%tx : index\n",
        live, n, n, grid, block);
    for (int j = 0; j < live; j++)
        w += snprintf(src + w, sizeof src - (size_t)w,
            "    %%k%d = arith.constant %d : index\n"
            "    %%v%d = memref.load %%a[%%k%d, %%i] : memref<%dx%ldxf32>\n",
            j, j, j, j, live, n);
    w += snprintf(src + w, sizeof src - (size_t)w,
                  "    %%s0 = arith.addf %%v0, %%v0 : f32\n");
    for (int j = 1; j < live; j++)
        w += snprintf(src + w, sizeof src - (size_t)w,
                      "    %%s%d = arith.addf %%s%d, %%v%d : f32\n", j,
                      j - 1, j);
    snprintf(src + w, sizeof src - (size_t)w,
             "    memref.store %%s%d, %%c[%%i] : memref<%ldxf32>\n"
             "    gpu.terminator\n  }\n  return\n}\n", live - 1, n);
    eo_op *m = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->last);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

static eo_cost_layer
evaluate(fixture *f, eo_target *t, eo_op *m, double *lat, char *json,
         size_t cap)
{
    eo_cost_report r;
    if (eo_target_model_evaluate(f->ctx, t, m, &r) != EO_OK)
        fail_msg("evaluate failed: %s", f->last);
    assert_int_equal(r.num_layers, 1);
    eo_cost_layer l = r.layers[0];
    l.name = NULL;
    *lat = r.latency_s;
    if (json) {
        eo_strbuf b = { 0 };
        eo_cost_report_json(t, &r, &b);
        assert_non_null(b.data);
        snprintf(json, cap, "%s", b.data);
        eo_strbuf_free(&b);
    }
    eo_cost_report_free(&r);
    return l;
}

/* More values live at once, more registers; the estimate covers them. */
static void
test_estimate(void **state)
{
    fixture *f = *state;
    eo_target *t = gpu(f);
    double lat;
    eo_op *m4 = kernel(f, 4096, 128, 4);
    eo_op *m40 = kernel(f, 4096, 128, 40);
    eo_cost_layer a = evaluate(f, t, m4, &lat, NULL, 0);
    eo_cost_layer b = evaluate(f, t, m40, &lat, NULL, 0);
    assert_non_null(a.gpu_limit);
    assert_true(a.gpu_regs >= 4 && a.gpu_regs < 16);
    assert_true(b.gpu_regs >= 40 && b.gpu_regs <= 64);
    assert_true(a.gpu_block == 128 && a.gpu_shared == 0);
    /* 4 values: the threads limit (8 blocks of 128 = 1024 threads). */
    assert_string_equal(a.gpu_limit, "threads");
    assert_true(a.gpu_blocks == 8 && a.gpu_occupancy == 1);
    eo_op_destroy(m4);
    eo_op_destroy(m40);
    eo_target_destroy(t);
}

/* 40 live floats per thread in blocks of 256: the 32768 registers of a
 * mobile-gpu core hold 2 such blocks (512 threads) where the threads
 * allow 4 (the report says "registers"). In blocks of 64 with 8192
 * registers per core, 2 blocks (128 threads) stay resident: too few
 * accesses in flight, the memory-bound kernel is slower than without a
 * register limit. */
static void
test_register_limit(void **state)
{
    fixture *f = *state;
    eo_target *t = gpu(f);
    eo_target *free_regs = gpu(f);
    eo_target *small = gpu(f);
    assert_int_equal(eo_target_set_number(
        f->ctx, free_regs, "compute_units[shader].registers_per_core", 0),
        EO_OK);
    assert_int_equal(eo_target_set_number(
        f->ctx, small, "compute_units[shader].registers_per_core", 8192),
        EO_OK);
    eo_op *m = kernel(f, 1 << 18, 256, 40);
    double lim, unl;
    char json[8192];
    eo_cost_layer l = evaluate(f, t, m, &lim, json, sizeof json);
    assert_string_equal(l.gpu_limit, "registers");
    assert_true(l.gpu_blocks == 2 && l.gpu_occupancy == 0.5);
    if (!strstr(json, "\"limit\": \"registers\""))
        fail_msg("no register limit in the report:\n%s", json);
    eo_op_destroy(m);
    m = kernel(f, 1 << 18, 64, 40);
    l = evaluate(f, small, m, &lim, NULL, 0);
    eo_cost_layer u = evaluate(f, free_regs, m, &unl, NULL, 0);
    assert_string_equal(l.gpu_limit, "registers");
    assert_true(l.gpu_blocks == 2);
    assert_string_equal(u.gpu_limit, "threads");
    assert_true(u.gpu_occupancy == 1);
    assert_true(lim > unl);
    /* Spilling: at most 16 registers per thread, more issue. */
    assert_int_equal(eo_target_set_number(
        f->ctx, free_regs, "compute_units[shader].max_registers_per_thread",
        16), EO_OK);
    double sp;
    eo_cost_layer s = evaluate(f, free_regs, m, &sp, NULL, 0);
    assert_true(s.gpu_regs == 16);
    assert_true(sp >= unl);
    eo_op_destroy(m);
    eo_target_destroy(free_regs);
    eo_target_destroy(small);
    eo_target_destroy(t);
}

/* A block whose registers exceed a core's is diagnosed; the fields
 * belong to gpu units. */
static void
test_errors(void **state)
{
    fixture *f = *state;
    eo_target *t = gpu(f);
    assert_int_equal(eo_target_set_number(
        f->ctx, t, "compute_units[shader].registers_per_core", 4096),
        EO_OK);
    eo_op *m = kernel(f, 4096, 256, 40);
    eo_cost_report r;
    f->errors = 0;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_ERROR);
    assert_true(f->errors > 0);
    if (!strstr(f->last, "registers per thread, 4096 per core"))
        fail_msg("unexpected: %s", f->last);
    eo_cost_report_free(&r);
    eo_target *m55 = eo_target_load_named(f->ctx, "cortex-m55");
    assert_non_null(m55);
    assert_int_equal(eo_target_set_number(
        f->ctx, m55, "compute_units[0].registers_per_core", 1), EO_ERROR);
    eo_target_destroy(m55);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_estimate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_register_limit, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

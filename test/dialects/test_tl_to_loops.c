/* test/dialects/test_tl_to_loops.c - the tl-to-loops lowering
 * (eo_tl_lower_to_loops and the tl-to-loops pass): the loop structure of
 * lowered copies, elementwise ops, matmuls, strided convolutions and
 * poolings (number of scf.for, their bounds, loads and stores), and the
 * numbers they compute, by a small evaluator of the scf/memref/arith ops
 * the lowering emits, against direct C computations. Errors: tensors,
 * per-channel requantization on memrefs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/scf/scf.h"
#include "dialects/tl/tl.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];         /* last error message */
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
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* Parses 'text', lowers it (which must succeed and verify). */
static eo_op *
lower(fixture *f, const char *text)
{
    eo_op *m = parse(f, text);
    bool changed = false;
    assert_int_equal(eo_tl_lower_to_loops(m, &changed), EO_OK);
    assert_true(changed);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* Counting ops by name. */
typedef struct count_ud {
    const char *name;
    size_t n;
} count_ud;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    count_ud *u = ud;
    if (!strcmp(eo_op_name_str(op), u->name))
        u->n++;
    return EO_WALK_ADVANCE;
}

static size_t
count(eo_op *root, const char *name)
{
    count_ud u = {name, 0};
    eo_op_walk(root, EO_WALK_PRE, count_cb, &u);
    return u.n;
}

static size_t
count_prefix(eo_op *root, const char *prefix)
{
    size_t n = 0;
    /* Only "tl." is asked for: count each tl op kind. */
    static const char *const tl_names[] = {
        "tl.generic", "tl.yield", "tl.matmul", "tl.conv2d",
        "tl.depthwise_conv2d", "tl.pool", "tl.elementwise", "tl.fill",
        "tl.copy", "tl.pack", "tl.requantize"};
    assert_string_equal(prefix, "tl.");
    for (size_t i = 0; i < sizeof tl_names / sizeof *tl_names; i++)
        n += count(root, tl_names[i]);
    return n;
}

/* The first function of module 'm'. */
static eo_op *
first_func(eo_op *m)
{
    eo_op *fn = eo_block_first(eo_module_body(m));
    assert_non_null(fn);
    return fn;
}

/* The constant index value of 'v' (an arith.constant). */
static int64_t
const_of(eo_value *v)
{
    eo_op *d = eo_value_def_op(v);
    assert_non_null(d);
    assert_string_equal(eo_op_name_str(d), "arith.constant");
    return eo_attr_int_value(eo_op_attr(d, "value"));
}

/* The perfect scf.for nest starting at the first scf.for of 'fn':
 * fills ubs[] with the static trip counts (lb 0, step 1 checked) and
 * returns the depth. */
static size_t
nest_bounds(eo_op *fn, int64_t *ubs, size_t max)
{
    eo_op *op = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    while (op && scf_op_kind(op) != SCF_FOR)
        op = eo_op_next(op);
    size_t n = 0;
    while (op && scf_op_kind(op) == SCF_FOR) {
        assert_true(n < max);
        assert_int_equal(const_of(eo_op_operand(op, 0)), 0);
        assert_int_equal(const_of(eo_op_operand(op, 2)), 1);
        ubs[n++] = const_of(eo_op_operand(op, 1));
        /* The next loop is the only scf.for in this body. */
        eo_op *in = eo_block_first(scf_for_body(op));
        while (in && scf_op_kind(in) != SCF_FOR)
            in = eo_op_next(in);
        op = in;
    }
    return n;
}

#include "test/dialects/loop_eval_testlib.h"

/* Runs the (only) function of lowered module 'm' on 'bufs'. */
static void
run(eo_op *m, double **bufs, size_t nbufs)
{
    run_func(first_func(m), bufs, nbufs);
}

/* Deterministic small integers. */
static void
init(double *v, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        v[i] = (double)((int)((i * 7 + (size_t)seed * 3) % 11) - 5);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_copy(void **state)
{
    fixture *f = *state;
    eo_op *m = lower(f,
        "func.func @f(%a: memref<2x3xf32>, %b: memref<2x3xf32>) {\n"
        "  tl.copy ins(%a : memref<2x3xf32>) outs(%b : memref<2x3xf32>)\n"
        "  return\n"
        "}\n");
    int64_t ubs[8];
    assert_int_equal(nest_bounds(first_func(m), ubs, 8), 2);
    assert_int_equal(ubs[0], 2);
    assert_int_equal(ubs[1], 3);
    assert_int_equal(count(m, "scf.for"), 2);
    /* The out is only written. */
    assert_int_equal(count(m, "memref.load"), 1);
    assert_int_equal(count(m, "memref.store"), 1);
    assert_int_equal(count_prefix(m, "tl."), 0);
    double a[6], b[6] = {0};
    init(a, 6, 1);
    double *bufs[] = {a, b};
    run(m, bufs, 2);
    for (size_t i = 0; i < 6; i++)
        assert_true(a[i] == b[i]);
    eo_op_destroy(m);
}

static void
test_elementwise_add(void **state)
{
    fixture *f = *state;
    eo_op *m = lower(f,
        "func.func @f(%a: memref<3x5xf32>, %b: memref<3x5xf32>, "
        "%c: memref<3x5xf32>) {\n"
        "  tl.elementwise {kind = \"add\"} ins(%a, %b : memref<3x5xf32>, "
        "memref<3x5xf32>) outs(%c : memref<3x5xf32>)\n"
        "  return\n"
        "}\n");
    int64_t ubs[8];
    assert_int_equal(nest_bounds(first_func(m), ubs, 8), 2);
    assert_int_equal(ubs[0], 3);
    assert_int_equal(ubs[1], 5);
    assert_int_equal(count(m, "memref.load"), 2);
    assert_int_equal(count(m, "memref.store"), 1);
    assert_int_equal(count(m, "arith.addf"), 1);
    double a[15], b[15], c[15] = {0};
    init(a, 15, 1);
    init(b, 15, 2);
    double *bufs[] = {a, b, c};
    run(m, bufs, 3);
    for (size_t i = 0; i < 15; i++)
        assert_true(c[i] == a[i] + b[i]);
    eo_op_destroy(m);
}

static void
test_matmul(void **state)
{
    fixture *f = *state;
    eo_op *m = lower(f,
        "func.func @f(%a: memref<4x6xf32>, %b: memref<6x5xf32>, "
        "%c: memref<4x5xf32>) {\n"
        "  tl.matmul ins(%a, %b : memref<4x6xf32>, memref<6x5xf32>) "
        "outs(%c : memref<4x5xf32>)\n"
        "  return\n"
        "}\n");
    int64_t ubs[8];
    assert_int_equal(nest_bounds(first_func(m), ubs, 8), 3);
    assert_int_equal(ubs[0], 4);
    assert_int_equal(ubs[1], 5);
    assert_int_equal(ubs[2], 6);
    /* Read-modify-write of the out in the reduction loop. */
    assert_int_equal(count(m, "memref.load"), 3);
    assert_int_equal(count(m, "memref.store"), 1);
    double a[24], b[30], c[20];
    init(a, 24, 1);
    init(b, 30, 2);
    init(c, 20, 3);
    double want[20];
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 5; j++) {
            double s = c[i * 5 + j];
            for (size_t k = 0; k < 6; k++)
                s += a[i * 6 + k] * b[k * 5 + j];
            want[i * 5 + j] = s;
        }
    double *bufs[] = {a, b, c};
    run(m, bufs, 3);
    for (size_t i = 0; i < 20; i++)
        assert_true(c[i] == want[i]);
    eo_op_destroy(m);
}

static void
test_matmul_i8_zero_point(void **state)
{
    fixture *f = *state;
    eo_op *m = lower(f,
        "func.func @f(%a: memref<2x3xi8>, %b: memref<3x2xi8>, "
        "%c: memref<2x2xi32>) {\n"
        "  tl.matmul {lhs_zp = 2 : i64, rhs_zp = -1 : i64} ins(%a, %b : "
        "memref<2x3xi8>, memref<3x2xi8>) outs(%c : memref<2x2xi32>)\n"
        "  return\n"
        "}\n");
    assert_int_equal(count(m, "scf.for"), 3);
    double a[6], b[6], c[4] = {0};
    init(a, 6, 4);
    init(b, 6, 5);
    double *bufs[] = {a, b, c};
    run(m, bufs, 3);
    for (size_t i = 0; i < 2; i++)
        for (size_t j = 0; j < 2; j++) {
            double s = 0;
            for (size_t k = 0; k < 3; k++)
                s += (a[i * 3 + k] - 2) * (b[k * 2 + j] + 1);
            assert_true(c[i * 2 + j] == s);
        }
    eo_op_destroy(m);
}

static void
test_conv_strided(void **state)
{
    fixture *f = *state;
    /* NCHW x[1,2,7,7], f[3,2,3,3], stride 2, dilation 1: y[1,3,3,3]. */
    eo_op *m = lower(f,
        "func.func @f(%x: memref<1x2x7x7xf32>, %w: memref<3x2x3x3xf32>, "
        "%y: memref<1x3x3x3xf32>) {\n"
        "  tl.conv2d {strides = array<i64: 2, 2>} ins(%x, %w : "
        "memref<1x2x7x7xf32>, memref<3x2x3x3xf32>) "
        "outs(%y : memref<1x3x3x3xf32>)\n"
        "  return\n"
        "}\n");
    int64_t ubs[8];
    static const int64_t want_ubs[] = {1, 3, 3, 3, 2, 3, 3};
    assert_int_equal(nest_bounds(first_func(m), ubs, 8), 7);
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(ubs[i], want_ubs[i]);
    assert_int_equal(count(m, "memref.load"), 3);
    assert_int_equal(count(m, "memref.store"), 1);
    assert_int_equal(count(m, "arith.muli"), 2);   /* oh * 2, ow * 2 */
    assert_int_equal(count(m, "arith.addi"), 2);   /* + kh, + kw */
    double x[98], w[54], y[27];
    init(x, 98, 1);
    init(w, 54, 2);
    init(y, 27, 3);
    double want[27];
    for (size_t fo = 0; fo < 3; fo++)
        for (size_t oh = 0; oh < 3; oh++)
            for (size_t ow = 0; ow < 3; ow++) {
                double s = y[(fo * 3 + oh) * 3 + ow];
                for (size_t c = 0; c < 2; c++)
                    for (size_t kh = 0; kh < 3; kh++)
                        for (size_t kw = 0; kw < 3; kw++)
                            s += x[(c * 7 + oh * 2 + kh) * 7 + ow * 2 + kw] *
                                 w[((fo * 2 + c) * 3 + kh) * 3 + kw];
                want[(fo * 3 + oh) * 3 + ow] = s;
            }
    double *bufs[] = {x, w, y};
    run(m, bufs, 3);
    for (size_t i = 0; i < 27; i++)
        assert_true(y[i] == want[i]);
    eo_op_destroy(m);
}

static void
test_pool_loop_bounds(void **state)
{
    fixture *f = *state;
    eo_op *m = lower(f,
        "func.func @f(%x: memref<1x1x5x5xf32>, %y: memref<1x1x2x2xf32>) {\n"
        "  tl.pool {kind = \"max\", window = array<i64: 3, 2>, strides = "
        "array<i64: 2, 3>} ins(%x : memref<1x1x5x5xf32>) "
        "outs(%y : memref<1x1x2x2xf32>)\n"
        "  return\n"
        "}\n");
    int64_t ubs[8];
    static const int64_t want_ubs[] = {1, 1, 2, 2, 3, 2};
    assert_int_equal(nest_bounds(first_func(m), ubs, 8), 6);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(ubs[i], want_ubs[i]);
    double x[25], y[4];
    init(x, 25, 1);
    for (size_t i = 0; i < 4; i++)
        y[i] = -100;
    double *bufs[] = {x, y};
    run(m, bufs, 2);
    for (size_t oh = 0; oh < 2; oh++)
        for (size_t ow = 0; ow < 2; ow++) {
            double mx = -100;
            for (size_t kh = 0; kh < 3; kh++)
                for (size_t kw = 0; kw < 2; kw++) {
                    double v = x[(oh * 2 + kh) * 5 + ow * 3 + kw];
                    mx = v > mx ? v : mx;
                }
            assert_true(y[oh * 2 + ow] == mx);
        }
    eo_op_destroy(m);
}

static void
test_mod_div_maps(void **state)
{
    fixture *f = *state;
    /* b[i] = a[i mod 3, i floordiv 3, i ceildiv 4] */
    eo_op *m = lower(f,
        "#md = affine_map<(d0) -> (d0 mod 3, d0 floordiv 3, "
        "d0 ceildiv 4)>\n"
        "#id = affine_map<(d0) -> (d0)>\n"
        "func.func @f(%a: memref<3x4x4xf32>, %b: memref<12xf32>) {\n"
        "  tl.generic {indexing_maps = [#md, #id], iterator_types = "
        "[\"parallel\"]} ins(%a : memref<3x4x4xf32>) "
        "outs(%b : memref<12xf32>) {\n"
        "  ^bb0(%x: f32, %y: f32):\n"
        "    tl.yield %x : f32\n"
        "  }\n"
        "  return\n"
        "}\n");
    assert_int_equal(count(m, "scf.for"), 1);
    assert_int_equal(count(m, "arith.remsi"), 1);
    assert_int_equal(count(m, "arith.divsi"), 2);
    double a[48], b[12] = {0};
    init(a, 48, 2);
    double *bufs[] = {a, b};
    run(m, bufs, 2);
    for (size_t i = 0; i < 12; i++)
        assert_true(b[i] == a[((i % 3) * 4 + i / 3) * 4 + (i + 3) / 4]);
    eo_op_destroy(m);
}

static void
test_fill_dynamic_and_zero_d(void **state)
{
    fixture *f = *state;
    eo_op *m = lower(f,
        "#s = affine_map<() -> ()>\n"
        "func.func @f(%v: f32, %a: memref<?x4xf32>, %z: memref<f32>) {\n"
        "  tl.fill ins(%v : f32) outs(%a : memref<?x4xf32>)\n"
        "  tl.generic {indexing_maps = [#s, #s], iterator_types = []} "
        "ins(%v : f32) outs(%z : memref<f32>) {\n"
        "  ^bb0(%x: f32, %y: f32):\n"
        "    %s = arith.addf %x, %y : f32\n"
        "    tl.yield %s : f32\n"
        "  }\n"
        "  return\n"
        "}\n");
    /* The dynamic bound is a memref.dim of %a; the 0-d op has no loop. */
    assert_int_equal(count(m, "memref.dim"), 1);
    assert_int_equal(count(m, "scf.for"), 2);
    assert_int_equal(count(m, "memref.load"), 1);
    assert_int_equal(count(m, "memref.store"), 2);
    eo_op *dim = NULL;
    for (eo_op *op = eo_block_first(eo_region_first(
             eo_op_region(first_func(m), 0)));
         op; op = eo_op_next(op))
        if (!strcmp(eo_op_name_str(op), "memref.dim"))
            dim = op;
    assert_non_null(dim);
    assert_int_equal(eo_value_index(eo_op_operand(dim, 0)), 1);
    assert_int_equal(const_of(eo_op_operand(dim, 1)), 0);
    eo_op_destroy(m);
}

static void
test_tensors_rejected(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: tensor<4xf32>, %b: tensor<4xf32>) -> "
        "tensor<4xf32> {\n"
        "  %0 = tl.copy ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) "
        "-> tensor<4xf32>\n"
        "  return %0 : tensor<4xf32>\n"
        "}\n");
    assert_int_equal(eo_tl_lower_to_loops(m, NULL), EO_ERROR);
    assert_non_null(strstr(f->last,
                           "tl-to-loops needs buffers: bufferize first"));
    assert_int_equal(count(m, "tl.copy"), 1);   /* left alone */
    eo_op_destroy(m);
}

static void
test_requantize_per_channel_rejected(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%x: memref<4x2xi32>, %y: memref<4x2xi8>) {\n"
        "  tl.requantize {channel_dim = 1 : i64, multiplier = "
        "array<i32: 1073741824, 1518500250>, shift = array<i32: -4, 1>} "
        "ins(%x : memref<4x2xi32>) outs(%y : memref<4x2xi8>)\n"
        "  return\n"
        "}\n");
    assert_int_equal(eo_tl_lower_to_loops(m, NULL), EO_ERROR);
    assert_non_null(strstr(f->last, "unsupported"));
    eo_op_destroy(m);
}

static void
test_pass_and_unchanged(void **state)
{
    fixture *f = *state;
    assert_non_null(eo_pass_lookup(f->ctx, "tl-to-loops"));
    eo_op *m = parse(f,
        "func.func @f(%a: memref<8xf32>, %b: memref<8xf32>) {\n"
        "  tl.elementwise {kind = \"relu\"} ins(%a : memref<8xf32>) "
        "outs(%b : memref<8xf32>)\n"
        "  return\n"
        "}\n");
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, "func.func(tl-to-loops)"),
                     EO_OK);
    assert_int_equal(eo_pm_run(pm, m, NULL), EO_OK);
    eo_pm_destroy(pm);
    assert_int_equal(count(m, "scf.for"), 1);
    assert_int_equal(count(m, "arith.maximumf"), 1);
    assert_int_equal(count_prefix(m, "tl."), 0);
    /* Nothing left to lower. */
    bool changed = true;
    assert_int_equal(eo_tl_lower_to_loops(m, &changed), EO_OK);
    assert_false(changed);
    assert_int_equal(f->errors, 0);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_elementwise_add, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmul, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matmul_i8_zero_point, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_conv_strided, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pool_loop_bounds, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mod_div_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fill_dynamic_and_zero_d, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_tensors_rejected, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_requantize_per_channel_rejected,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_pass_and_unchanged, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

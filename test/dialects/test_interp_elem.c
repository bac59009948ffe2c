/* test/dialects/test_interp_elem.c - the interpreter's elementwise,
 * activation, reduction, data-movement and resize kernels, run through
 * eo_interp_run on small graph functions. Expected values come from NumPy
 * (and ONNX's reference Resize) or, for broadcasting, from explicit index
 * arithmetic written out here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
    eo_tensor out[4];
    size_t nout;
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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
        return -1;
    if (!eo_dialect_lookup(f->ctx, "graph", 5)
        && eo_graph_register(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static void
clear_outputs(fixture *f)
{
    for (size_t i = 0; i < f->nout; i++)
        eo_tensor_free(&f->out[i]);
    f->nout = 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    clear_outputs(f);
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* A tensor holding a copy of 'data'. */
static eo_tensor
mk(eo_dtype dt, size_t rank, const int64_t *shape, const void *data)
{
    eo_tensor t;
    assert_int_equal(eo_tensor_alloc(&t, dt, rank, shape), EO_OK);
    if (t.nbytes)
        memcpy(t.data, data, t.nbytes);
    return t;
}

/* Parses 'src' (a module with one func.func), verifies it when 'verify'
 * and runs it on in[0..nin); results land in f->out. */
static eo_status
run_src(fixture *f, const char *src, bool verify, size_t nin, eo_tensor *in)
{
    clear_outputs(f);
    if (f->module)
        eo_op_destroy(f->module);
    f->errors = 0;
    f->msg[0] = 0;
    f->module = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    if (!f->module)
        fail_msg("parse failed: %s", f->msg);
    if (verify && eo_op_verify(f->module) != EO_OK)
        fail_msg("verify failed: %s", f->msg);
    eo_op *fn = eo_block_first(eo_module_body(f->module));
    assert_non_null(fn);
    f->nout = 4;
    eo_status st = eo_interp_run(fn, nin, in, &f->nout, f->out);
    if (st != EO_OK)
        f->nout = 0;
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
    return st;
}

/* Runs 'src' on valid IR and expects success. */
static void
run_ok(fixture *f, const char *src, size_t nin, eo_tensor *in)
{
    if (run_src(f, src, true, nin, in) != EO_OK)
        fail_msg("run failed: %s", f->msg);
}

/* Runs 'src' (not verified) and expects an error containing 'what'. */
static void
run_err(fixture *f, const char *src, size_t nin, eo_tensor *in,
        const char *what)
{
    assert_int_not_equal(run_src(f, src, false, nin, in), EO_OK);
    if (!strstr(f->msg, what))
        fail_msg("error '%s' lacks '%s'", f->msg, what);
}

static void
expect_shape(const eo_tensor *t, size_t rank, const int64_t *shape)
{
    assert_int_equal(t->rank, rank);
    for (size_t i = 0; i < rank; i++)
        assert_int_equal(t->shape[i], shape[i]);
}

/* Float results within a relative tolerance (NaN matches NaN). */
static void
expect_f32(const eo_tensor *t, size_t n, const float *want, float tol)
{
    assert_int_equal(t->dtype, EO_DT_F32);
    assert_int_equal(eo_tensor_numel(t), (int64_t)n);
    const float *got = t->data;
    for (size_t i = 0; i < n; i++) {
        if ((isnan(want[i]) && isnan(got[i])) || got[i] == want[i])
            continue;
        float err = fabsf(got[i] - want[i]);
        if (!(err <= tol * fmaxf(1.0f, fabsf(want[i]))))
            fail_msg("element %zu: got %.9g, want %.9g", i, got[i],
                     want[i]);
    }
}

static void
expect_i64(const eo_tensor *t, size_t n, const int64_t *want)
{
    assert_int_equal(t->dtype, EO_DT_I64);
    assert_int_equal(eo_tensor_numel(t), (int64_t)n);
    assert_memory_equal(t->data, want, n * sizeof want[0]);
}

/* 0, 1, 2, ... as i64 / f32. */
static eo_tensor
iota_i64(size_t rank, const int64_t *shape)
{
    eo_tensor t;
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_I64, rank, shape), EO_OK);
    for (int64_t i = 0; i < eo_tensor_numel(&t); i++)
        ((int64_t *)t.data)[i] = i;
    return t;
}

static eo_tensor
iota_f32(size_t rank, const int64_t *shape, float from)
{
    eo_tensor t;
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_F32, rank, shape), EO_OK);
    for (int64_t i = 0; i < eo_tensor_numel(&t); i++)
        ((float *)t.data)[i] = from + (float)i;
    return t;
}

/* ------------------------------------------------------------------ */
/* Binary ops                                                          */
/* ------------------------------------------------------------------ */

/* Rank-5 broadcasting of [2,1,3,1,2] with [4,1,2,1] against explicit
 * index arithmetic, for every float binary op. */
static void
binary_f32_broadcasts_like_numpy(void **state)
{
    fixture *f = *state;
    static const char *const ops[] = { "add", "sub", "mul", "div", "max",
                                       "min", "pow" };
    const int64_t sa[] = { 2, 1, 3, 1, 2 }, sb[] = { 4, 1, 2, 1 };
    for (size_t k = 0; k < 7; k++) {
        char src[512];
        snprintf(src, sizeof src,
                 "func.func @f(%%a: tensor<2x1x3x1x2xf32>, "
                 "%%b: tensor<4x1x2x1xf32>) -> tensor<2x4x3x2x2xf32> {\n"
                 "  %%r = graph.%s %%a, %%b : (tensor<2x1x3x1x2xf32>, "
                 "tensor<4x1x2x1xf32>) -> tensor<2x4x3x2x2xf32>\n"
                 "  return %%r : tensor<2x4x3x2x2xf32>\n}\n", ops[k]);
        eo_tensor in[2] = { iota_f32(5, sa, 1.0f), iota_f32(4, sb, 0.5f) };
        const float *a = in[0].data, *b = in[1].data;
        float want[2 * 4 * 3 * 2 * 2];
        size_t n = 0;
        for (int i0 = 0; i0 < 2; i0++)
            for (int i1 = 0; i1 < 4; i1++)
                for (int i2 = 0; i2 < 3; i2++)
                    for (int i3 = 0; i3 < 2; i3++)
                        for (int i4 = 0; i4 < 2; i4++) {
                            float x = a[i0 * 6 + i2 * 2 + i4];
                            float y = b[i1 * 2 + i3];
                            float r = k == 0 ? x + y : k == 1 ? x - y
                                    : k == 2 ? x * y : k == 3 ? x / y
                                    : k == 4 ? fmaxf(x, y)
                                    : k == 5 ? fminf(x, y) : powf(x, y);
                            want[n++] = r;
                        }
        run_ok(f, src, 2, in);
        const int64_t so[] = { 2, 4, 3, 2, 2 };
        expect_shape(&f->out[0], 5, so);
        expect_f32(&f->out[0], n, want, 1e-6f);
    }
}

static void
add_applies_fused_activation_and_max_propagates_nan(void **state)
{
    fixture *f = *state;
    const int64_t s4 = 4, s1 = 1;
    const float a[] = { -2, -0.5f, 1, 3 }, b[] = { 0.25f };
    eo_tensor in[2] = { mk(EO_DT_F32, 1, &s4, a), mk(EO_DT_F32, 1, &s1, b) };
    run_ok(f,
           "func.func @f(%a: tensor<4xf32>, %b: tensor<1xf32>) "
           "-> tensor<4xf32> {\n"
           "  %r = graph.add %a, %b {activation = \"relu\"} "
           ": (tensor<4xf32>, tensor<1xf32>) -> tensor<4xf32>\n"
           "  return %r : tensor<4xf32>\n}\n", 2, in);
    const float want[] = { 0, 0, 1.25f, 3.25f };
    expect_f32(&f->out[0], 4, want, 0);

    const float c[] = { NAN, 1, -1, 2 }, d[] = { 0, NAN, -2, 1 };
    eo_tensor in2[2] = { mk(EO_DT_F32, 1, &s4, c),
                         mk(EO_DT_F32, 1, &s4, d) };
    run_ok(f,
           "func.func @f(%a: tensor<4xf32>, %b: tensor<4xf32>) "
           "-> (tensor<4xf32>, tensor<4xf32>) {\n"
           "  %x = graph.max %a, %b : (tensor<4xf32>, tensor<4xf32>) "
           "-> tensor<4xf32>\n"
           "  %n = graph.min %a, %b : (tensor<4xf32>, tensor<4xf32>) "
           "-> tensor<4xf32>\n"
           "  return %x, %n : tensor<4xf32>, tensor<4xf32>\n}\n", 2, in2);
    const float wx[] = { NAN, NAN, -1, 2 }, wn[] = { NAN, NAN, -2, 1 };
    expect_f32(&f->out[0], 4, wx, 0);
    expect_f32(&f->out[1], 4, wn, 0);
}

static void
integer_arithmetic_wraps_and_truncates(void **state)
{
    fixture *f = *state;
    const int64_t s6 = 6;
    const int8_t a[] = { 100, -100, -7, 7, -128, 5 };
    const int8_t b[] = { 100, 100, 2, -2, -1, 3 };
    eo_tensor in[2] = { mk(EO_DT_I8, 1, &s6, a), mk(EO_DT_I8, 1, &s6, b) };
    run_ok(f,
           "func.func @f(%a: tensor<6xi8>, %b: tensor<6xi8>) -> (tensor<6xi8>,"
           " tensor<6xi8>, tensor<6xi8>, tensor<6xi8>) {\n"
           "  %s = graph.add %a, %b : (tensor<6xi8>, tensor<6xi8>) "
           "-> tensor<6xi8>\n"
           "  %d = graph.sub %a, %b : (tensor<6xi8>, tensor<6xi8>) "
           "-> tensor<6xi8>\n"
           "  %m = graph.mul %a, %b : (tensor<6xi8>, tensor<6xi8>) "
           "-> tensor<6xi8>\n"
           "  %q = graph.div %a, %b : (tensor<6xi8>, tensor<6xi8>) "
           "-> tensor<6xi8>\n"
           "  return %s, %d, %m, %q : tensor<6xi8>, tensor<6xi8>, "
           "tensor<6xi8>, tensor<6xi8>\n}\n", 2, in);
    /* np.int8 arithmetic (wrapping), np.trunc division. */
    const int8_t ws[] = { -56, 0, -5, 5, 127, 8 };
    const int8_t wd[] = { 0, 56, -9, 9, -127, 2 };
    const int8_t wm[] = { 16, -16, -14, -14, -128, 15 };
    const int8_t wq[] = { 1, -1, -3, -3, -128, 1 };
    assert_int_equal(f->nout, 4);
    assert_memory_equal(f->out[0].data, ws, 6);
    assert_memory_equal(f->out[1].data, wd, 6);
    assert_memory_equal(f->out[2].data, wm, 6);
    assert_memory_equal(f->out[3].data, wq, 6);

    const int64_t s3 = 3;
    const uint8_t ua[] = { 1, 250, 7 }, ub[] = { 2, 10, 2 };
    eo_tensor in2[2] = { mk(EO_DT_U8, 1, &s3, ua),
                         mk(EO_DT_U8, 1, &s3, ub) };
    run_ok(f,
           "func.func @f(%a: tensor<3xui8>, %b: tensor<3xui8>) -> "
           "(tensor<3xui8>, tensor<3xui8>, tensor<3xui8>) {\n"
           "  %d = graph.sub %a, %b : (tensor<3xui8>, tensor<3xui8>) "
           "-> tensor<3xui8>\n"
           "  %x = graph.max %a, %b : (tensor<3xui8>, tensor<3xui8>) "
           "-> tensor<3xui8>\n"
           "  %q = graph.div %a, %b : (tensor<3xui8>, tensor<3xui8>) "
           "-> tensor<3xui8>\n"
           "  return %d, %x, %q : tensor<3xui8>, tensor<3xui8>, "
           "tensor<3xui8>\n}\n", 2, in2);
    const uint8_t ud[] = { 255, 240, 5 }, ux[] = { 2, 250, 7 },
                  uq[] = { 0, 25, 3 };
    assert_memory_equal(f->out[0].data, ud, 3);
    assert_memory_equal(f->out[1].data, ux, 3);
    assert_memory_equal(f->out[2].data, uq, 3);

    const int64_t la[] = { INT64_MIN, INT64_MAX, -9 }, lb[] = { -1, 1, 4 };
    eo_tensor in3[2] = { mk(EO_DT_I64, 1, &s3, la),
                         mk(EO_DT_I64, 1, &s3, lb) };
    run_ok(f,
           "func.func @f(%a: tensor<3xi64>, %b: tensor<3xi64>) -> "
           "(tensor<3xi64>, tensor<3xi64>, tensor<3xi64>) {\n"
           "  %q = graph.div %a, %b : (tensor<3xi64>, tensor<3xi64>) "
           "-> tensor<3xi64>\n"
           "  %s = graph.add %a, %b : (tensor<3xi64>, tensor<3xi64>) "
           "-> tensor<3xi64>\n"
           "  %n = graph.min %a, %b : (tensor<3xi64>, tensor<3xi64>) "
           "-> tensor<3xi64>\n"
           "  return %q, %s, %n : tensor<3xi64>, tensor<3xi64>, "
           "tensor<3xi64>\n}\n", 2, in3);
    const int64_t lq[] = { INT64_MIN, INT64_MAX, -2 };
    const int64_t ls[] = { INT64_MAX, INT64_MIN, -5 };
    const int64_t ln[] = { INT64_MIN, 1, -9 };
    expect_i64(&f->out[0], 3, lq);
    expect_i64(&f->out[1], 3, ls);
    expect_i64(&f->out[2], 3, ln);
}

static void
integer_division_by_zero_is_an_error(void **state)
{
    fixture *f = *state;
    const int64_t s2 = 2;
    const int32_t a[] = { 4, 5 }, b[] = { 2, 0 };
    eo_tensor in[2] = { mk(EO_DT_I32, 1, &s2, a), mk(EO_DT_I32, 1, &s2, b) };
    run_err(f,
            "func.func @f(%a: tensor<2xi32>, %b: tensor<2xi32>) "
            "-> tensor<2xi32> {\n"
            "  %q = graph.div %a, %b : (tensor<2xi32>, tensor<2xi32>) "
            "-> tensor<2xi32>\n"
            "  return %q : tensor<2xi32>\n}\n", 2, in, "division by zero");
    assert_non_null(strstr(f->msg, "graph.div"));
}

/* ------------------------------------------------------------------ */
/* Unary ops and activations                                           */
/* ------------------------------------------------------------------ */

static const float ux[8] = { -3, -1.5f, -0.5f, 0, 0.25f, 1, 2.5f, 4 };

/* Runs "graph.OP ATTRS" on x (after abs / abs + 1 for sqrt / log, with
 * graph ops so the chain is exercised too) and compares with 'want'. */
static void
check_unary(fixture *f, const char *pre, const char *op, const char *attrs,
            const float *want)
{
    char src[1024];
    const int64_t s8 = 8;
    snprintf(src, sizeof src,
             "func.func @f(%%x: tensor<8xf32>) -> tensor<8xf32> {\n"
             "  %%one = graph.constant dense<1.0> : tensor<1xf32>\n"
             "  %%a = graph.abs %%x : (tensor<8xf32>) -> tensor<8xf32>\n"
             "  %%p = graph.add %%a, %%one : (tensor<8xf32>, tensor<1xf32>) "
             "-> tensor<8xf32>\n"
             "  %%r = graph.%s %%%s %s : (tensor<8xf32>) -> tensor<8xf32>\n"
             "  return %%r : tensor<8xf32>\n}\n", op, pre, attrs);
    eo_tensor in = mk(EO_DT_F32, 1, &s8, ux);
    run_ok(f, src, 1, &in);
    expect_f32(&f->out[0], 8, want, 2e-6f);
}

static void
unary_float_ops_match_numpy(void **state)
{
    fixture *f = *state;
    static const float sqrt_w[] = { 1.73205078f, 1.22474492f, 0.707106769f,
        0, 0.5f, 1, 1.58113885f, 2 };
    static const float exp_w[] = { 0.0497870669f, 0.223130152f, 0.606530666f,
        1, 1.28402555f, 2.71828198f, 12.1824932f, 54.5981483f };
    static const float log_w[] = { 1.38629436f, 0.91629076f, 0.405465096f, 0,
        0.223143548f, 0.693147182f, 1.25276303f, 1.60943794f };
    static const float erf_w[] = { -0.999977887f, -0.966105163f,
        -0.520499885f, 0, 0.276326388f, 0.842700779f, 0.999593019f, 1 };
    static const float sig_w[] = { 0.0474258736f, 0.182425529f, 0.377540678f,
        0.5f, 0.562176526f, 0.731058598f, 0.924141824f, 0.982013762f };
    static const float tanh_w[] = { -0.995054781f, -0.905148208f,
        -0.462117195f, 0, 0.244918659f, 0.761594176f, 0.986614287f,
        0.999329329f };
    static const float hsw_w[] = { 0, -0.375f, -0.208333328f, 0,
        0.135416672f, 0.666666687f, 2.29166675f, 4 };
    static const float gelu_w[] = { -0.00404969417f, -0.100210801f,
        -0.154268771f, 0, 0.149676576f, 0.841344774f, 2.48447585f,
        3.9998734f };
    static const float gelut_w[] = { -0.00363734365f, -0.100428388f,
        -0.154285982f, 0, 0.149675354f, 0.841192007f, 2.48491573f,
        3.9999299f };
    static const float hsig_w[] = { 0, 0, 0.25f, 0.400000006f, 0.475000024f,
        0.700000048f, 1, 1 };
    static const float leaky_w[] = { -0.300000012f, -0.150000006f,
        -0.0500000007f, 0, 0.25f, 1, 2.5f, 4 };
    static const float clip_w[] = { -1, -1, -0.5f, 0, 0.25f, 1, 2, 2 };
    static const float relu_w[] = { 0, 0, 0, 0, 0.25f, 1, 2.5f, 4 };
    static const float neg_w[] = { 3, 1.5f, 0.5f, 0, -0.25f, -1, -2.5f, -4 };
    static const float abs_w[] = { 3, 1.5f, 0.5f, 0, 0.25f, 1, 2.5f, 4 };
    check_unary(f, "a", "sqrt", "", sqrt_w);
    check_unary(f, "x", "exp", "", exp_w);
    check_unary(f, "p", "log", "", log_w);
    check_unary(f, "x", "erf", "", erf_w);
    check_unary(f, "x", "sigmoid", "", sig_w);
    check_unary(f, "x", "tanh", "", tanh_w);
    check_unary(f, "x", "hard_swish", "", hsw_w);
    check_unary(f, "x", "gelu", "", gelu_w);
    check_unary(f, "x", "gelu", "{approximate = \"none\"}", gelu_w);
    check_unary(f, "x", "gelu", "{approximate = \"tanh\"}", gelut_w);
    check_unary(f, "x", "hard_sigmoid",
                "{alpha = 3.0e-01 : f32, beta = 4.0e-01 : f32}", hsig_w);
    check_unary(f, "x", "leaky_relu", "{alpha = 1.0e-01 : f32}", leaky_w);
    check_unary(f, "x", "clip", "{max = 2.0 : f32, min = -1.0 : f32}",
                clip_w);
    check_unary(f, "x", "clip", "", ux);
    check_unary(f, "x", "relu", "", relu_w);
    check_unary(f, "x", "neg", "", neg_w);
    check_unary(f, "x", "abs", "", abs_w);
}

static void
unary_defaults_and_special_values(void **state)
{
    fixture *f = *state;
    const int64_t s5 = 5;
    const float x[] = { NAN, -INFINITY, INFINITY, -100, 100 };
    eo_tensor in = mk(EO_DT_F32, 1, &s5, x);
    run_ok(f,
           "func.func @f(%x: tensor<5xf32>) -> (tensor<5xf32>, "
           "tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) {\n"
           "  %a = graph.relu %x : (tensor<5xf32>) -> tensor<5xf32>\n"
           "  %b = graph.sigmoid %x : (tensor<5xf32>) -> tensor<5xf32>\n"
           "  %c = graph.leaky_relu %x : (tensor<5xf32>) -> tensor<5xf32>\n"
           "  %d = graph.hard_sigmoid %x : (tensor<5xf32>) -> tensor<5xf32>\n"
           "  return %a, %b, %c, %d : tensor<5xf32>, tensor<5xf32>, "
           "tensor<5xf32>, tensor<5xf32>\n}\n", 1, &in);
    const float wa[] = { NAN, 0, INFINITY, 0, 100 };
    const float wb[] = { NAN, 0, 1, 3.72007598e-44f, 1 };
    const float wc[] = { NAN, -INFINITY, INFINITY, -1, 100 };  /* 0.01 */
    const float wd[] = { NAN, 0, 1, 0, 1 };                    /* 0.2, .5 */
    expect_f32(&f->out[0], 5, wa, 0);
    expect_f32(&f->out[1], 5, wb, 1e-6f);
    expect_f32(&f->out[2], 5, wc, 1e-6f);
    expect_f32(&f->out[3], 5, wd, 0);
}

static void
integer_unary_ops(void **state)
{
    fixture *f = *state;
    const int64_t s4 = 4;
    const int8_t x[] = { -128, -5, 0, 127 };
    eo_tensor in = mk(EO_DT_I8, 1, &s4, x);
    run_ok(f,
           "func.func @f(%x: tensor<4xi8>) -> (tensor<4xi8>, tensor<4xi8>, "
           "tensor<4xi8>, tensor<4xi8>) {\n"
           "  %n = graph.neg %x : (tensor<4xi8>) -> tensor<4xi8>\n"
           "  %a = graph.abs %x : (tensor<4xi8>) -> tensor<4xi8>\n"
           "  %c = graph.clip %x {min = -3.5 : f32, max = 100.0 : f32} "
           ": (tensor<4xi8>) -> tensor<4xi8>\n"
           "  %r = graph.relu %x : (tensor<4xi8>) -> tensor<4xi8>\n"
           "  return %n, %a, %c, %r : tensor<4xi8>, tensor<4xi8>, "
           "tensor<4xi8>, tensor<4xi8>\n}\n", 1, &in);
    const int8_t wn[] = { -128, 5, 0, -127 }, wa[] = { -128, 5, 0, 127 };
    const int8_t wc[] = { -3, -3, 0, 100 }, wr[] = { 0, 0, 0, 127 };
    assert_memory_equal(f->out[0].data, wn, 4);
    assert_memory_equal(f->out[1].data, wa, 4);
    assert_memory_equal(f->out[2].data, wc, 4);
    assert_memory_equal(f->out[3].data, wr, 4);

    /* Integer pow wraps; negative exponents truncate 1 / x^n. */
    const int64_t s5 = 5;
    const int32_t b[] = { 2, -3, 5, 7, -1 }, e[] = { 10, 3, 0, -1, -3 };
    eo_tensor in2[2] = { mk(EO_DT_I32, 1, &s5, b), mk(EO_DT_I32, 1, &s5, e) };
    run_ok(f,
           "func.func @f(%b: tensor<5xi32>, %e: tensor<5xi32>) "
           "-> tensor<5xi32> {\n"
           "  %p = graph.pow %b, %e : (tensor<5xi32>, tensor<5xi32>) "
           "-> tensor<5xi32>\n"
           "  return %p : tensor<5xi32>\n}\n", 2, in2);
    const int32_t wp[] = { 1024, -27, 1, 0, -1 };
    assert_memory_equal(f->out[0].data, wp, sizeof wp);
}

static void
unsupported_dtypes_and_attributes_are_errors(void **state)
{
    fixture *f = *state;
    const int64_t s2 = 2;
    const int32_t x[] = { 4, 9 };
    eo_tensor in = mk(EO_DT_I32, 1, &s2, x);
    run_err(f,
            "func.func @f(%x: tensor<2xi32>) -> tensor<2xi32> {\n"
            "  %r = graph.sqrt %x : (tensor<2xi32>) -> tensor<2xi32>\n"
            "  return %r : tensor<2xi32>\n}\n", 1, &in,
            "unsupported by the interpreter for element type i32");
    const float y[] = { 1, 2 };
    eo_tensor in2 = mk(EO_DT_F32, 1, &s2, y);
    run_err(f,
            "func.func @f(%x: tensor<2xf32>) -> tensor<2xf32> {\n"
            "  %r = graph.gelu %x {approximate = \"fast\"} : (tensor<2xf32>) "
            "-> tensor<2xf32>\n"
            "  return %r : tensor<2xf32>\n}\n", 1, &in2, "approximate");
}

/* ------------------------------------------------------------------ */
/* Reductions                                                          */
/* ------------------------------------------------------------------ */

static void
reductions_over_axes(void **state)
{
    fixture *f = *state;
    const int64_t s[] = { 2, 3, 4 };
    eo_tensor in = iota_f32(3, s, 0);
    run_ok(f,
           "func.func @f(%x: tensor<2x3x4xf32>) -> (tensor<2x4xf32>, "
           "tensor<2x3x1xf32>, tensor<3xf32>, tensor<1x1x1xf32>) {\n"
           "  %s = graph.reduce_sum %x {axes = array<i64: 1>, keepdims = "
           "false} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>\n"
           "  %m = graph.reduce_mean %x {axes = array<i64: -1>} "
           ": (tensor<2x3x4xf32>) -> tensor<2x3x1xf32>\n"
           "  %x2 = graph.reduce_max %x {axes = array<i64: 0, 2>, keepdims = "
           "false} : (tensor<2x3x4xf32>) -> tensor<3xf32>\n"
           "  %a = graph.reduce_sum %x : (tensor<2x3x4xf32>) "
           "-> tensor<1x1x1xf32>\n"
           "  return %s, %m, %x2, %a : tensor<2x4xf32>, tensor<2x3x1xf32>, "
           "tensor<3xf32>, tensor<1x1x1xf32>\n}\n", 1, &in);
    const float ws[] = { 12, 15, 18, 21, 48, 51, 54, 57 };
    const float wm[] = { 1.5f, 5.5f, 9.5f, 13.5f, 17.5f, 21.5f };
    const float wx[] = { 15, 19, 23 };
    const float wa[] = { 276 };
    expect_f32(&f->out[0], 8, ws, 0);
    expect_f32(&f->out[1], 6, wm, 0);
    expect_f32(&f->out[2], 3, wx, 0);
    expect_f32(&f->out[3], 1, wa, 0);

    const int64_t s3 = 3;
    const float n[] = { 1, NAN, 2 };
    eo_tensor in2 = mk(EO_DT_F32, 1, &s3, n);
    run_ok(f,
           "func.func @f(%x: tensor<3xf32>) -> tensor<1xf32> {\n"
           "  %r = graph.reduce_max %x : (tensor<3xf32>) -> tensor<1xf32>\n"
           "  return %r : tensor<1xf32>\n}\n", 1, &in2);
    assert_true(isnan(((float *)f->out[0].data)[0]));

    const int32_t iv[] = { 5, -7, 3 };
    eo_tensor in3 = mk(EO_DT_I32, 1, &s3, iv);
    run_ok(f,
           "func.func @f(%x: tensor<3xi32>) -> (tensor<i32>, tensor<i32>) {\n"
           "  %s = graph.reduce_sum %x {keepdims = false} : (tensor<3xi32>) "
           "-> tensor<i32>\n"
           "  %m = graph.reduce_max %x {keepdims = false} : (tensor<3xi32>) "
           "-> tensor<i32>\n"
           "  return %s, %m : tensor<i32>, tensor<i32>\n}\n", 1, &in3);
    assert_int_equal(((int32_t *)f->out[0].data)[0], 1);
    assert_int_equal(((int32_t *)f->out[1].data)[0], 5);
}

/* ------------------------------------------------------------------ */
/* Data movement                                                       */
/* ------------------------------------------------------------------ */

static void
transpose_with_and_without_perm(void **state)
{
    fixture *f = *state;
    const int64_t s[] = { 2, 3, 4 };
    eo_tensor in = iota_i64(3, s);
    run_ok(f,
           "func.func @f(%x: tensor<2x3x4xi64>) -> (tensor<4x2x3xi64>, "
           "tensor<4x3x2xi64>) {\n"
           "  %a = graph.transpose %x {perm = array<i64: 2, 0, 1>} "
           ": (tensor<2x3x4xi64>) -> tensor<4x2x3xi64>\n"
           "  %b = graph.transpose %x : (tensor<2x3x4xi64>) "
           "-> tensor<4x3x2xi64>\n"
           "  return %a, %b : tensor<4x2x3xi64>, tensor<4x3x2xi64>\n}\n",
           1, &in);
    const int64_t wa[] = { 0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6,
                           10, 14, 18, 22, 3, 7, 11, 15, 19, 23 };
    const int64_t wb[] = { 0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14,
                           6, 18, 10, 22, 3, 15, 7, 19, 11, 23 };
    const int64_t sa[] = { 4, 2, 3 };
    expect_shape(&f->out[0], 3, sa);
    expect_i64(&f->out[0], 24, wa);
    expect_i64(&f->out[1], 24, wb);
}

static void
concat_and_split(void **state)
{
    fixture *f = *state;
    const int64_t s1[] = { 2, 1 }, s2[] = { 2, 2 };
    const uint8_t a[] = { 1, 0 }, b[] = { 0, 1, 1, 1 };
    eo_tensor in[2] = { mk(EO_DT_BOOL, 2, s1, a), mk(EO_DT_BOOL, 2, s2, b) };
    run_ok(f,
           "func.func @f(%a: tensor<2x1xi1>, %b: tensor<2x2xi1>) -> "
           "(tensor<2x3xi1>, tensor<2x2xi1>, tensor<2x1xi1>) {\n"
           "  %c = graph.concat %a, %b {axis = -1 : i64} : (tensor<2x1xi1>, "
           "tensor<2x2xi1>) -> tensor<2x3xi1>\n"
           "  %p, %q = graph.split %c {axis = 1 : i64, sizes = array<i64: 2, "
           "1>} : (tensor<2x3xi1>) -> (tensor<2x2xi1>, tensor<2x1xi1>)\n"
           "  return %c, %p, %q : tensor<2x3xi1>, tensor<2x2xi1>, "
           "tensor<2x1xi1>\n}\n", 2, in);
    const uint8_t wc[] = { 1, 0, 1, 0, 1, 1 }, wp[] = { 1, 0, 0, 1 },
                  wq[] = { 1, 1 };
    assert_int_equal(f->out[0].dtype, EO_DT_BOOL);
    assert_memory_equal(f->out[0].data, wc, 6);
    assert_memory_equal(f->out[1].data, wp, 4);
    assert_memory_equal(f->out[2].data, wq, 2);
}

static void
slice_follows_onnx_semantics(void **state)
{
    fixture *f = *state;
    const int64_t s[] = { 3, 4, 5 };
    eo_tensor in = iota_i64(3, s);
    run_ok(f,
           "func.func @f(%x: tensor<3x4x5xi64>) -> (tensor<3x2x2xi64>, "
           "tensor<3x4x2xi64>, tensor<2x0x5xi64>, tensor<3x2x2xi64>) {\n"
           "  %a = graph.slice %x {starts = array<i64: 2, -1, 4>, "
           "ends = array<i64: -4, -100, 0>, steps = array<i64: -1, -2, -3>} "
           ": (tensor<3x4x5xi64>) -> tensor<3x2x2xi64>\n"
           "  %b = graph.slice %x {starts = array<i64: 1>, ends = array<i64: "
           "9223372036854775807>, axes = array<i64: -1>, steps = array<i64: "
           "2>} : (tensor<3x4x5xi64>) -> tensor<3x4x2xi64>\n"
           "  %c = graph.slice %x {starts = array<i64: 1, 3>, ends = "
           "array<i64: 3, 1>} : (tensor<3x4x5xi64>) -> tensor<2x0x5xi64>\n"
           "  %d = graph.slice %x {starts = array<i64: 0, -3, -5>, ends = "
           "array<i64: 5, -1, 10>, axes = array<i64: 2, 1, 0>, steps = "
           "array<i64: 4, 1, 1>} : (tensor<3x4x5xi64>) -> tensor<3x2x2xi64>\n"
           "  return %a, %b, %c, %d : tensor<3x2x2xi64>, tensor<3x4x2xi64>, "
           "tensor<2x0x5xi64>, tensor<3x2x2xi64>\n}\n", 1, &in);
    const int64_t wa[] = { 59, 56, 49, 46, 39, 36, 29, 26, 19, 16, 9, 6 };
    const int64_t wb[] = { 1, 3, 6, 8, 11, 13, 16, 18, 21, 23, 26, 28, 31,
                           33, 36, 38, 41, 43, 46, 48, 51, 53, 56, 58 };
    const int64_t wd[] = { 5, 9, 10, 14, 25, 29, 30, 34, 45, 49, 50, 54 };
    expect_i64(&f->out[0], 12, wa);
    expect_i64(&f->out[1], 24, wb);
    assert_int_equal(eo_tensor_numel(&f->out[2]), 0);
    expect_i64(&f->out[3], 12, wd);
}

static void
pad_modes(void **state)
{
    fixture *f = *state;
    const int64_t s[] = { 2, 3 };
    eo_tensor in = iota_f32(2, s, 0);
    run_ok(f,
           "func.func @f(%x: tensor<2x3xf32>) -> (tensor<3x6xf32>, "
           "tensor<4x7xf32>, tensor<4x5xf32>) {\n"
           "  %a = graph.pad %x {pads = array<i64: 1, 2, 0, 1>, value = "
           "-7.0 : f32} : (tensor<2x3xf32>) -> tensor<3x6xf32>\n"
           "  %b = graph.pad %x {pads = array<i64: 1, 2, 1, 2>, mode = "
           "\"reflect\"} : (tensor<2x3xf32>) -> tensor<4x7xf32>\n"
           "  %c = graph.pad %x {pads = array<i64: 0, 1, 2, 1>, mode = "
           "\"edge\"} : (tensor<2x3xf32>) -> tensor<4x5xf32>\n"
           "  return %a, %b, %c : tensor<3x6xf32>, tensor<4x7xf32>, "
           "tensor<4x5xf32>\n}\n", 1, &in);
    const float wa[] = { -7, -7, -7, -7, -7, -7, -7, -7, 0, 1, 2, -7, -7, -7,
                         3, 4, 5, -7 };
    const float wb[] = { 5, 4, 3, 4, 5, 4, 3, 2, 1, 0, 1, 2, 1, 0, 5, 4, 3,
                         4, 5, 4, 3, 2, 1, 0, 1, 2, 1, 0 };
    const float wc[] = { 0, 0, 1, 2, 2, 3, 3, 4, 5, 5, 3, 3, 4, 5, 5, 3, 3,
                         4, 5, 5 };
    expect_f32(&f->out[0], 18, wa, 0);
    expect_f32(&f->out[1], 28, wb, 0);
    expect_f32(&f->out[2], 20, wc, 0);

    const int64_t s3 = 3;
    const int8_t iv[] = { 1, 2, 3 };
    eo_tensor in2 = mk(EO_DT_I8, 1, &s3, iv);
    /* np.pad(reflect) with pads longer than the axis (which the verifier
     * rejects, as onnxruntime does; the kernel follows NumPy). */
    assert_int_equal(run_src(f,
           "func.func @f(%x: tensor<3xi8>) -> tensor<10xi8> {\n"
           "  %a = graph.pad %x {pads = array<i64: 4, 3>, mode = "
           "\"reflect\"} : (tensor<3xi8>) -> tensor<10xi8>\n"
           "  return %a : tensor<10xi8>\n}\n", false, 1, &in2), EO_OK);
    const int8_t wr[] = { 1, 2, 3, 2, 1, 2, 3, 2, 1, 2 };
    assert_memory_equal(f->out[0].data, wr, 10);
}

static void
reshape_flatten_squeeze_unsqueeze_copy(void **state)
{
    fixture *f = *state;
    const int64_t s[] = { 2, 1, 3 };
    eo_tensor in = iota_i64(3, s);
    run_ok(f,
           "func.func @f(%x: tensor<2x1x3xi64>) -> (tensor<3x2xi64>, "
           "tensor<2x3xi64>, tensor<2x3xi64>, tensor<1x2x1x3x1xi64>) {\n"
           "  %a = graph.reshape %x {shape = array<i64: 3, 2>} "
           ": (tensor<2x1x3xi64>) -> tensor<3x2xi64>\n"
           "  %b = graph.flatten %x : (tensor<2x1x3xi64>) -> tensor<2x3xi64>\n"
           "  %c = graph.squeeze %x : (tensor<2x1x3xi64>) -> tensor<2x3xi64>\n"
           "  %d = graph.unsqueeze %c {axes = array<i64: 0, -1, 2>} "
           ": (tensor<2x3xi64>) -> tensor<1x2x1x3x1xi64>\n"
           "  return %a, %b, %c, %d : tensor<3x2xi64>, tensor<2x3xi64>, "
           "tensor<2x3xi64>, tensor<1x2x1x3x1xi64>\n}\n", 1, &in);
    const int64_t w[] = { 0, 1, 2, 3, 4, 5 };
    const int64_t sd[] = { 1, 2, 1, 3, 1 };
    for (size_t i = 0; i < 4; i++)
        expect_i64(&f->out[i], 6, w);
    expect_shape(&f->out[3], 5, sd);
}

static void
gather_with_negative_indices(void **state)
{
    fixture *f = *state;
    const int64_t s[] = { 2, 3, 4 }, si[] = { 2, 2 }, s2 = 2;
    const int32_t idx[] = { 2, -1, 0, -3 };
    const int64_t idx2[] = { -1, 0 };
    eo_tensor in[3] = { iota_i64(3, s), mk(EO_DT_I32, 2, si, idx),
                        mk(EO_DT_I64, 1, &s2, idx2) };
    run_ok(f,
           "func.func @f(%x: tensor<2x3x4xi64>, %i: tensor<2x2xi32>, "
           "%j: tensor<2xi64>) -> (tensor<2x2x2x4xi64>, tensor<2x3x2xi64>) {\n"
           "  %a = graph.gather %x, %i {axis = 1 : i64} : (tensor<2x3x4xi64>, "
           "tensor<2x2xi32>) -> tensor<2x2x2x4xi64>\n"
           "  %b = graph.gather %x, %j {axis = -1 : i64} : (tensor<2x3x4xi64>,"
           " tensor<2xi64>) -> tensor<2x3x2xi64>\n"
           "  return %a, %b : tensor<2x2x2x4xi64>, tensor<2x3x2xi64>\n}\n",
           3, in);
    const int64_t wa[] = { 8, 9, 10, 11, 8, 9, 10, 11, 0, 1, 2, 3, 0, 1, 2,
                           3, 20, 21, 22, 23, 20, 21, 22, 23, 12, 13, 14, 15,
                           12, 13, 14, 15 };
    const int64_t wb[] = { 3, 0, 7, 4, 11, 8, 15, 12, 19, 16, 23, 20 };
    expect_i64(&f->out[0], 32, wa);
    expect_i64(&f->out[1], 12, wb);

    const int64_t bad[] = { 1, 3 };
    eo_tensor in2[2] = { iota_i64(3, s), mk(EO_DT_I64, 1, &s2, bad) };
    run_err(f,
            "func.func @f(%x: tensor<2x3x4xi64>, %j: tensor<2xi64>) "
            "-> tensor<2x2x4xi64> {\n"
            "  %a = graph.gather %x, %j {axis = 1 : i64} : "
            "(tensor<2x3x4xi64>, tensor<2xi64>) -> tensor<2x2x4xi64>\n"
            "  return %a : tensor<2x2x4xi64>\n}\n", 2, in2,
            "index 3 is out of range for axis 1 of size 3");
}

/* ------------------------------------------------------------------ */
/* Resize                                                              */
/* ------------------------------------------------------------------ */

/* 1x1x3x4 (1..12) to 1x1x5x7 with every nearest_mode and coordinate
 * transformation; expected values from ONNX's reference Resize. */
static void
resize_nearest_all_modes(void **state)
{
    fixture *f = *state;
    static const char *const cts[] = { "half_pixel", "asymmetric",
                                       "align_corners", "pytorch_half_pixel" };
    static const char *const nms[] = { "round_prefer_floor",
                                       "round_prefer_ceil", "floor", "ceil" };
    static const float want[4][4][35] = {
        { { 1, 1, 2, 2, 3, 4, 4, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9,
            9, 10, 10, 11, 12, 12, 9, 9, 10, 10, 11, 12, 12 },
          { 1, 1, 2, 3, 3, 4, 4, 1, 1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 7, 8, 8, 9,
            9, 10, 11, 11, 12, 12, 9, 9, 10, 11, 11, 12, 12 },
          { 1, 1, 1, 2, 3, 3, 4, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7, 7, 8, 5,
            5, 5, 6, 7, 7, 8, 9, 9, 9, 10, 11, 11, 12 },
          { 1, 2, 2, 3, 4, 4, 4, 5, 6, 6, 7, 8, 8, 8, 5, 6, 6, 7, 8, 8, 8, 9,
            10, 10, 11, 12, 12, 12, 9, 10, 10, 11, 12, 12, 12 } },
        { { 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 5, 6, 6, 7, 7, 8, 8, 9,
            10, 10, 11, 11, 12, 12, 9, 10, 10, 11, 11, 12, 12 },
          { 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 5, 6, 6, 7, 7, 8, 8, 9,
            10, 10, 11, 11, 12, 12, 9, 10, 10, 11, 11, 12, 12 },
          { 1, 1, 2, 2, 3, 3, 4, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 5,
            5, 6, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12 },
          { 1, 2, 3, 3, 4, 4, 4, 5, 6, 7, 7, 8, 8, 8, 9, 10, 11, 11, 12, 12,
            12, 9, 10, 11, 11, 12, 12, 12, 9, 10, 11, 11, 12, 12, 12 } },
        { { 1, 1, 2, 2, 3, 3, 4, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 5,
            5, 6, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12 },
          { 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 5, 6, 6, 7, 7, 8, 8, 9,
            10, 10, 11, 11, 12, 12, 9, 10, 10, 11, 11, 12, 12 },
          { 1, 1, 2, 2, 3, 3, 4, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 5,
            5, 6, 6, 7, 7, 8, 9, 9, 10, 10, 11, 11, 12 },
          { 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7, 8, 8, 5, 6, 6, 7, 7, 8, 8, 9,
            10, 10, 11, 11, 12, 12, 9, 10, 10, 11, 11, 12, 12 } },
        { { 1, 1, 2, 2, 3, 4, 4, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8, 8, 9,
            9, 10, 10, 11, 12, 12, 9, 9, 10, 10, 11, 12, 12 },
          { 1, 1, 2, 3, 3, 4, 4, 1, 1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 7, 8, 8, 9,
            9, 10, 11, 11, 12, 12, 9, 9, 10, 11, 11, 12, 12 },
          { 1, 1, 1, 2, 3, 3, 4, 1, 1, 1, 2, 3, 3, 4, 5, 5, 5, 6, 7, 7, 8, 5,
            5, 5, 6, 7, 7, 8, 9, 9, 9, 10, 11, 11, 12 },
          { 1, 2, 2, 3, 4, 4, 4, 5, 6, 6, 7, 8, 8, 8, 5, 6, 6, 7, 8, 8, 8, 9,
            10, 10, 11, 12, 12, 12, 9, 10, 10, 11, 12, 12, 12 } },
    };
    const int64_t s[] = { 1, 1, 3, 4 };
    for (size_t c = 0; c < 4; c++) {
        for (size_t m = 0; m < 4; m++) {
            char src[1024];
            snprintf(src, sizeof src,
                     "func.func @f(%%x: tensor<1x1x3x4xf32>) "
                     "-> tensor<1x1x5x7xf32> {\n"
                     "  %%r = graph.resize %%x {coordinate_transformation_mode"
                     " = \"%s\", nearest_mode = \"%s\"} : "
                     "(tensor<1x1x3x4xf32>) -> tensor<1x1x5x7xf32>\n"
                     "  return %%r : tensor<1x1x5x7xf32>\n}\n",
                     cts[c], nms[m]);
            eo_tensor in = iota_f32(4, s, 1);
            run_ok(f, src, 1, &in);
            expect_f32(&f->out[0], 35, want[c][m], 0);
        }
    }
}

static void
resize_linear(void **state)
{
    fixture *f = *state;
    const int64_t s2[] = { 1, 1, 2, 2 }, s3[] = { 1, 1, 2, 4 },
                  s4[] = { 1, 1, 4, 4 }, sn[] = { 1, 2, 2, 2 };
    const float nhwc[] = { 0, 4, 1, 5, 2, 6, 3, 7 };
    eo_tensor in[4] = { iota_f32(4, s2, 1), iota_f32(4, s3, 1),
                        iota_f32(4, s4, 1), mk(EO_DT_F32, 4, sn, nhwc) };
    run_ok(f,
           "func.func @f(%a: tensor<1x1x2x2xf32>, %b: tensor<1x1x2x4xf32>, "
           "%c: tensor<1x1x4x4xf32>, %d: tensor<1x2x2x2xf32>) -> "
           "(tensor<1x1x4x4xf32>, tensor<1x1x1x2xf32>, tensor<1x1x3x1xf32>, "
           "tensor<1x3x3x2xf32>) {\n"
           "  %ra = graph.resize %a {mode = \"linear\"} : "
           "(tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>\n"
           "  %rb = graph.resize %b {mode = \"linear\", "
           "coordinate_transformation_mode = \"align_corners\", scales = "
           "array<f64: 0.6, 0.6>} : (tensor<1x1x2x4xf32>) "
           "-> tensor<1x1x1x2xf32>\n"
           "  %rc = graph.resize %c {mode = \"linear\", "
           "coordinate_transformation_mode = \"pytorch_half_pixel\"} : "
           "(tensor<1x1x4x4xf32>) -> tensor<1x1x3x1xf32>\n"
           "  %rd = graph.resize %d {mode = \"linear\", layout = \"NHWC\", "
           "coordinate_transformation_mode = \"asymmetric\"} : "
           "(tensor<1x2x2x2xf32>) -> tensor<1x3x3x2xf32>\n"
           "  return %ra, %rb, %rc, %rd : tensor<1x1x4x4xf32>, "
           "tensor<1x1x1x2xf32>, tensor<1x1x3x1xf32>, tensor<1x3x3x2xf32>\n"
           "}\n", 4, in);
    const float wa[] = { 1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f,
                         2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4 };
    const float wb[] = { 1, 3.14285707f };
    const float wc[] = { 1.66666663f, 7, 12.333333f };
    const float wd[] = { 0, 4, 0.666666687f, 4.66666651f, 1, 5, 1.33333337f,
                         5.33333349f, 2, 6, 2.33333325f, 6.33333349f, 2, 6,
                         2.66666675f, 6.66666651f, 3, 7 };
    expect_f32(&f->out[0], 16, wa, 1e-6f);
    expect_f32(&f->out[1], 2, wb, 1e-6f);
    expect_f32(&f->out[2], 3, wc, 1e-6f);
    expect_f32(&f->out[3], 18, wd, 1e-6f);
}

/* Attribute values the verifier would reject still give a result or an
 * error from the kernel, never undefined behaviour. */
static void
hostile_attributes_are_handled(void **state)
{
    fixture *f = *state;
    const int64_t s5 = 5, s4[] = { 1, 1, 2, 2 };
    eo_tensor in = iota_i64(1, &s5);
    assert_int_equal(run_src(f,
        "func.func @f(%x: tensor<5xi64>) -> tensor<1xi64> {\n"
        "  %r = graph.slice %x {starts = array<i64: 4>, ends = array<i64: "
        "-9223372036854775808>, steps = array<i64: -9223372036854775808>} "
        ": (tensor<5xi64>) -> tensor<1xi64>\n"
        "  return %r : tensor<1xi64>\n}\n", false, 1, &in), EO_OK);
    const int64_t w4[] = { 4 };
    expect_i64(&f->out[0], 1, w4);

    in = iota_i64(1, &s5);
    run_err(f,
            "func.func @f(%x: tensor<5xi64>) -> tensor<5xi64> {\n"
            "  %r = graph.pad %x {pads = array<i64: 9223372036854775807, "
            "9223372036854775807>} : (tensor<5xi64>) -> tensor<5xi64>\n"
            "  return %r : tensor<5xi64>\n}\n", 1, &in, "inconsistent");

    eo_tensor img = iota_f32(4, s4, 1);
    assert_int_equal(run_src(f,
        "func.func @f(%x: tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32> {\n"
        "  %r = graph.resize %x {scales = array<f64: 1.0e-300, 1.0e-300>} "
        ": (tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>\n"
        "  return %r : tensor<1x1x2x2xf32>\n}\n", false, 1, &img), EO_OK);
    const float w44[] = { 4, 4, 4, 4 };
    expect_f32(&f->out[0], 4, w44, 0);

    in = iota_i64(1, &s5);
    run_err(f,
            "func.func @f(%x: tensor<5xi64>) -> tensor<5xi64> {\n"
            "  %r = graph.transpose %x {perm = array<i64: 1>} "
            ": (tensor<5xi64>) -> tensor<5xi64>\n"
            "  return %r : tensor<5xi64>\n}\n", 1, &in, "permutation");

    const int64_t s1 = 1;
    const float fi[] = { 0 };
    eo_tensor in2[2] = { iota_i64(1, &s5), mk(EO_DT_F32, 1, &s1, fi) };
    run_err(f,
            "func.func @f(%x: tensor<5xi64>, %i: tensor<1xf32>) "
            "-> tensor<1xi64> {\n"
            "  %r = graph.gather %x, %i : (tensor<5xi64>, tensor<1xf32>) "
            "-> tensor<1xi64>\n"
            "  return %r : tensor<1xi64>\n}\n", 2, in2, "i32 or i64");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(binary_f32_broadcasts_like_numpy),
        T(add_applies_fused_activation_and_max_propagates_nan),
        T(integer_arithmetic_wraps_and_truncates),
        T(integer_division_by_zero_is_an_error),
        T(unary_float_ops_match_numpy),
        T(unary_defaults_and_special_values),
        T(integer_unary_ops),
        T(unsupported_dtypes_and_attributes_are_errors),
        T(reductions_over_axes),
        T(transpose_with_and_without_perm),
        T(concat_and_split),
        T(slice_follows_onnx_semantics),
        T(pad_modes),
        T(reshape_flatten_squeeze_unsqueeze_copy),
        T(gather_with_negative_indices),
        T(resize_nearest_all_modes),
        T(resize_linear),
        T(hostile_attributes_are_handled),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

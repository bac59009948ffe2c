/* test/dialects/test_interp.c - the graph interpreter: the driver
 * (inputs checked, outputs owned by the caller, unsupported ops
 * reported), host tensors from attributes, and the float NN kernels
 * against values computed with NumPy (expected arrays below; inputs are
 * generated here with the same integer formula, so most sums are exact).
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

/* Expected values, from NumPy (the reference loops follow ONNX). */
/* shape [1, 6, 4, 6] */
static const float conv_expect[144] = {
    0.0703125, 0.0, 1.2421875, 0.2109375, 1.15625, 0.25, 0.0, 0.0234375,
    0.40625, 0.96875, 0.453125, 0.0, 0.1484375, 0.0, 1.6328125, 0.9375, 0.0,
    0.0, 1.0234375, 0.0, 1.15625, 0.0546875, 0.0, 0.140625, 0.1953125,
    0.34375, 0.0, 0.0, 0.0, 0.40625, 0.5859375, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.5234375, 0.0, 0.0, 0.0078125, 0.25, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,
    0.0, 0.828125, 0.0, 0.7890625, 0.03125, 0.0, 1.2109375, 0.3828125, 0.0,
    1.0625, 0.0, 1.2265625, 0.0, 0.0, 1.2578125, 0.0, 0.8046875, 0.3671875,
    0.3671875, 1.265625, 0.0, 0.3671875, 0.0, 0.5078125, 0.0, 0.4921875,
    1.203125, 1.375, 1.34375, 1.4296875, 0.0, 0.0, 0.9296875, 0.703125,
    0.3828125, 0.59375, 0.0, 0.6796875, 1.3515625, 1.484375, 1.3671875,
    0.6171875, 0.7578125, 0.0, 0.6796875, 0.640625, 0.8359375, 0.5546875, 0.0,
    0.5625, 0.0, 0.0, 0.0, 0.0, 0.453125, 0.390625, 0.0, 1.1640625, 0.0,
    1.2578125, 0.296875, 0.4140625, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5390625,
    0.0234375, 0.40625, 0.0, 0.0, 0.734375, 0.0, 0.0, 1.625, 0.140625,
    1.828125, 0.0, 0.2109375, 0.75, 0.0, 1.046875, 0.0, 0.2109375, 0.2109375,
    0.0, 1.828125, 0.375, 0.3125, 0.5546875, 0.0, 0.3203125, 0.3828125,
    0.4921875,
};

/* shape [1, 6, 4, 6] */
static const float conv_expect_norelu[144] = {
    0.0703125, -1.5, 1.2421875, 0.2109375, 1.15625, 0.25, -2.15625, 0.0234375,
    0.40625, 0.96875, 0.453125, -0.6484375, 0.1484375, -0.90625, 1.6328125,
    0.9375, -0.8359375, -0.2421875, 1.0234375, -0.9765625, 1.15625, 0.0546875,
    -0.5078125, 0.140625, 0.1953125, 0.34375, -0.40625, -1.3359375, -0.46875,
    0.40625, 0.5859375, -0.3046875, -1.1953125, -0.2890625, -0.4609375,
    -0.21875, -0.3828125, 0.5234375, -1.625, -1.9765625, 0.0078125, 0.25,
    -0.375, -0.3359375, -1.1953125, -0.2578125, -0.3984375, -0.1875,
    -0.2109375, -1.7578125, 0.828125, 0.0, 0.7890625, 0.03125, -2.9921875,
    1.2109375, 0.3828125, -0.4453125, 1.0625, -1.359375, 1.2265625,
    -1.3984375, -0.0703125, 1.2578125, -1.90625, 0.8046875, 0.3671875,
    0.3671875, 1.265625, -1.25, 0.3671875, -0.453125, 0.5078125, -0.21875,
    0.4921875, 1.203125, 1.375, 1.34375, 1.4296875, -0.59375, -1.0, 0.9296875,
    0.703125, 0.3828125, 0.59375, -0.890625, 0.6796875, 1.3515625, 1.484375,
    1.3671875, 0.6171875, 0.7578125, -0.1796875, 0.6796875, 0.640625,
    0.8359375, 0.5546875, -0.0703125, 0.5625, -0.421875, -1.9453125,
    -0.328125, -3.078125, 0.453125, 0.390625, -0.75, 1.1640625, -0.28125,
    1.2578125, 0.296875, 0.4140625, -0.1875, -3.125, -1.015625, -1.125,
    -0.5625, 0.5390625, 0.0234375, 0.40625, -0.703125, -0.8203125, 0.734375,
    -0.046875, -0.6484375, 1.625, 0.140625, 1.828125, -1.40625, 0.2109375,
    0.75, -0.6875, 1.046875, -0.6875, 0.2109375, 0.2109375, -0.328125,
    1.828125, 0.375, 0.3125, 0.5546875, -0.4609375, 0.3203125, 0.3828125,
    0.4921875,
};

/* shape [1, 3, 3, 3] */
static const float dw_expect[27] = {
    0.2734375, 0.703125, 0.5546875, -0.1953125, 0.3515625, -0.953125,
    -0.3515625, -0.5546875, 0.7265625, 0.4140625, 0.8125, -0.5703125,
    0.078125, -1.0078125, -0.1640625, -0.375, 0.578125, 0.3359375, -0.453125,
    0.5625, 0.125, 0.140625, 0.359375, 0.125, -0.1875, -0.3046875, 0.5703125,
};

/* shape [1, 6, 7, 6] */
static const float convt_expect[252] = {
    1.0234375, 0.6796875, 0.265625, 0.3984375, 0.2421875, -0.0625, 0.2265625,
    -0.2109375, 0.6328125, -0.875, 0.484375, 0.9765625, 0.6484375, 0.5546875,
    0.5546875, 0.09375, -0.90625, -0.1875, 0.6640625, 0.1328125, -0.890625,
    0.546875, 1.296875, 0.9609375, 0.2734375, 0.4296875, 0.3046875, -0.03125,
    0.4609375, 0.5859375, 0.7421875, -0.2890625, 0.03125, 0.859375,
    -0.0078125, -0.328125, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25, -1.1875,
    0.1015625, -0.71875, -0.4609375, 0.390625, -0.84375, -0.3046875,
    -0.7421875, -1.515625, -1.609375, -0.734375, 0.0390625, -1.09375,
    -0.1484375, 0.2734375, -0.53125, -0.0546875, -1.09375, -0.1171875,
    -0.6484375, -2.5859375, -0.078125, 0.890625, 0.1328125, -1.0, -0.3984375,
    0.3671875, -0.78125, -1.3984375, -0.0859375, -0.0859375, -1.1171875,
    -1.2421875, 0.109375, 0.2109375, -1.0, -0.5, -0.5, -0.5, -0.5, -0.5, -0.5,
    -0.515625, 0.7734375, -0.15625, -0.0703125, 0.75, -0.375, 0.4140625,
    -0.0234375, -0.1875, 0.2421875, -1.890625, -0.390625, -0.546875,
    0.3984375, 0.9453125, 0.09375, 0.4140625, -0.75, 0.3515625, 0.4140625,
    -0.8046875, -0.9375, 0.546875, 0.40625, -0.578125, 0.0234375, 0.7890625,
    -0.28125, -0.8203125, 0.4921875, 0.3359375, 0.4921875, -0.8203125,
    -0.28125, 0.7890625, 0.0234375, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.6875,
    0.40625, 0.3046875, 1.109375, -0.34375, 0.375, 0.6328125, 0.3203125,
    1.4140625, 1.109375, -0.140625, -0.6171875, 0.75, 0.71875, -0.3828125,
    -0.015625, 1.3046875, 0.328125, 0.1640625, 0.3515625, 1.421875, 0.9609375,
    0.046875, 0.3125, 0.8125, 1.03125, -0.3515625, 0.296875, 1.3359375,
    0.640625, 0.4296875, 0.6484375, 0.4921875, 0.1875, 0.6484375, 0.8046875,
    0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.078125, -0.203125, -0.4453125, 0.21875,
    -1.296875, -0.4375, -0.703125, -0.2734375, -0.7109375, 0.3125, 0.359375,
    -1.2578125, 0.015625, -0.015625, -1.0234375, -0.671875, 0.8203125, -0.25,
    -0.234375, -0.4921875, 0.34375, 0.2734375, -1.4609375, -0.21875,
    -0.046875, 0.171875, -1.2421875, -0.484375, 0.6015625, -0.0625,
    -0.7265625, -0.2109375, 0.640625, -0.59375, -1.125, 0.1015625, -0.25,
    -0.25, -0.25, -0.25, -0.25, -0.25, 0.71875, 0.4375, 0.203125, 0.578125,
    0.484375, 0.0, -0.046875, 0.3828125, -0.9921875, 0.765625, 1.3671875,
    -0.6484375, 0.53125, 0.5, 0.328125, -0.078125, 0.25, 0.421875, 0.171875,
    -0.0859375, 0.515625, 0.8359375, 0.359375, 0.5, 0.34375, 0.5625, 0.453125,
    -0.015625, 0.375, 0.484375, -0.3359375, 0.1796875, 1.0, -0.125, -0.609375,
    0.6484375, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25,
};

/* shape [2, 3, 3, 2] */
static const float matmul_expect[36] = {
    -0.25, -0.59375, -0.6171875, -0.0078125, 1.171875, 0.0390625, 0.7109375,
    -0.375, -0.34375, -0.4765625, -0.3203125, 1.21875, -0.40625, 0.5859375,
    1.265625, -0.203125, -0.4765625, -0.2734375, -0.453125, 0.0859375,
    1.3359375, 0.1328125, -0.46875, -0.71875, -0.296875, -0.5, -0.2734375,
    1.1953125, 0.6484375, -0.34375, 1.1953125, -0.34375, -0.546875,
    -0.4140625, -0.3125, 0.7734375,
};

/* shape [2, 3] */
static const float matmul1d_expect[6] = {
    -0.5, 0.4921875, 0.1484375, 0.2734375, -0.8125, -0.5625,
};

/* shape [3, 5] */
static const float gemm_expect[15] = {
    0.53515625, -0.3828125, 0.60546875, 0.77734375, -0.734375, 0.515625,
    -1.32421875, -0.21875, 0.73828125, -0.65625, 0.2265625, -1.09765625,
    -0.14453125, 1.328125, -0.21875,
};

/* shape [3, 5] */
static const float gemm2_expect[15] = {
    0.5859375, 0.984375, -0.1015625, 0.1484375, 0.3984375, -0.8046875,
    -1.3828125, -0.03125, -0.3125, -0.59375, -0.046875, -0.8828125, 0.2109375,
    0.1171875, 0.0234375,
};

/* shape [1, 2, 4, 3] */
static const float maxpool_expect[24] = {
    0.625, 1.25, 1.25, 0.875, 1.125, 1.125, 1.375, 1.375, 1.125, 1.375, 1.375,
    1.0, 1.25, 1.25, 0.0, 1.25, 1.25, 0.875, 1.125, 1.125, 0.75, 1.375, 0.75,
    0.75,
};

/* shape [1, 2, 3, 4] */
static const float avgpool_expect[24] = {
    -0.34375, 0.125, 0.270833343, -0.375, -0.166666672, -0.0972222239,
    0.208333328, 0.0416666679, -0.46875, 0.0, 0.145833328, -0.5, -0.3125,
    -0.0833333358, 0.0625, 0.375, -0.375, 0.013888889, 0.0, -0.166666672,
    0.28125, 0.270833343, -0.0625, 0.25,
};

/* shape [1, 2, 3, 4] */
static const float avgpool_cip_expect[24] = {
    -0.152777776, 0.0833333358, 0.180555552, -0.125, -0.111111112,
    -0.0972222239, 0.208333328, 0.020833334, -0.208333328, 0.0, 0.0972222239,
    -0.166666672, -0.138888896, -0.055555556, 0.0416666679, 0.125, -0.25,
    0.013888889, 0.0, -0.0833333358, 0.125, 0.180555552, -0.0416666679,
    0.0833333358,
};

/* shape [2, 3] */
static const float gavg_expect[6] = {
    -0.0500000007, 0.0187500007, 0.0874999985, 0.0125000002, -0.0625,
    0.00625000009,
};

/* shape [2, 3] */
static const float gmax_expect[6] = {
    1.375, 1.375, 1.375, 1.375, 1.25, 1.375,
};

/* shape [2, 3, 2, 2] */
static const float bn_expect[24] = {
    0.200024977, -0.362194002, 0.512368858, -0.049850136, 2.07284355,
    -0.31125927, -2.69536185, 1.01324224, 3.95435572, 1.48010015, 3.07069302,
    4.6612854, 0.637306392, 0.0750874281, -0.487131536, 0.387431324,
    -2.1655612, 1.54304266, -0.841059804, -3.22516251, 2.71722794, 4.3078208,
    1.83356535, 3.4241581,
};

/* shape [2, 3, 4] */
static const float ln_expect[24] = {
    0.262850016, 0.21960105, 0.314825445, 0.374712318, 0.156837359,
    -0.532125056, 0.722813547, 0.827675462, 0.185749903, -0.705600321,
    -0.0963751376, -0.136075929, -0.032700412, -0.371499807, -0.719601035,
    0.596375167, 0.304612577, -0.901563108, 0.0578250848, -0.0589758158,
    0.333525121, -0.410049856, -0.539700806, 0.528912544,
};

/* shape [2, 3, 4] */
static const float softmax_expect[24] = {
    0.00668287091, 4.50940424e-05, 0.816570759, 0.00668287091, 0.991825998,
    0.00669254921, 0.00122766453, 0.991825998, 0.00149115, 0.993262351,
    0.182201564, 0.00149115, 0.816570759, 0.00668287091, 4.50940424e-05,
    0.816570759, 0.00122766453, 0.991825998, 0.00669254921, 0.00122766453,
    0.182201564, 0.00149115, 0.993262351, 0.182201564,
};

/* shape [2, 3, 4] */
static const float logsoftmax_expect[24] = {
    -2.58993745, -7.08993769, -0.0899374783, -4.58993769, -0.136772856,
    -4.63677263, -9.13677311, -2.13677287, -7.01207113, -0.0120711382,
    -4.51207113, -9.01207161, -0.136772856, -4.63677263, -9.13677311,
    -2.13677287, -7.01207113, -0.0120711382, -4.51207113, -9.01207161,
    -2.58993745, -7.08993769, -0.0899374783, -4.58993769,
};

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK
        || eo_graph_register(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

/* Parses and verifies 'src'; returns its first func.func. */
static eo_op *
parse_func(fixture *f, const char *src)
{
    f->module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    if (!f->module)
        fprintf(stderr, "parse failed: %s\n", f->msg);
    assert_non_null(f->module);
    if (eo_op_verify(f->module) != EO_OK)
        fprintf(stderr, "verify failed: %s\n", f->msg);
    assert_int_equal(f->errors, 0);
    for (eo_op *op = eo_block_first(eo_module_body(f->module)); op;
         op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), "func.func") == 0)
            return op;
    fail_msg("no func.func");
    return NULL;
}

/* An f32 tensor filled with ((i * a + b) % m - off) / div. */
static void
make_f32(eo_tensor *t, size_t rank, const int64_t *shape, int64_t a,
         int64_t b, int64_t m, int64_t off, float div)
{
    assert_int_equal(eo_tensor_alloc(t, EO_DT_F32, rank, shape), EO_OK);
    float *p = t->data;
    int64_t n = eo_tensor_numel(t);
    for (int64_t i = 0; i < n; i++)
        p[i] = (float)((i * a + b) % m - off) / div;
}

/* The three fill patterns of the NumPy script. */
static void
make_x(eo_tensor *t, size_t rank, const int64_t *shape)
{
    make_f32(t, rank, shape, 37, 11, 23, 11, 8.0f);
}

static void
make_w(eo_tensor *t, size_t rank, const int64_t *shape)
{
    make_f32(t, rank, shape, 53, 5, 19, 9, 16.0f);
}

static void
make_b(eo_tensor *t, size_t rank, const int64_t *shape)
{
    make_f32(t, rank, shape, 7, 3, 5, 2, 4.0f);
}

/* Compares with relative tolerance 1e-5 (absolute near zero). */
static void
check_close(const eo_tensor *t, const float *expect, size_t n)
{
    assert_int_equal(t->dtype, EO_DT_F32);
    assert_int_equal((size_t)eo_tensor_numel(t), n);
    const float *p = t->data;
    for (size_t i = 0; i < n; i++) {
        float tol = 1e-5f * (fabsf(expect[i]) > 1.0f ? fabsf(expect[i]) : 1);
        if (!(fabsf(p[i] - expect[i]) <= tol))
            fail_msg("element %zu: got %.9g, expected %.9g", i, (double)p[i],
                     (double)expect[i]);
    }
}

static void
free_all(eo_tensor *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        eo_tensor_free(&t[i]);
}

/* Runs 'fn' on in[0..nin), expecting success and 'nres' results. */
static void
run_ok(fixture *f, eo_op *fn, size_t nin, const eo_tensor *in,
       size_t nres, eo_tensor *out)
{
    size_t nout = nres;
    eo_status st = eo_interp_run(fn, nin, in, &nout, out);
    if (st != EO_OK)
        fail_msg("interp failed: %s", f->msg);
    assert_int_equal(nout, nres);
    for (size_t i = 0; i < nres; i++)
        assert_false(out[i].borrowed);
}

/* ------------------------------------------------------------------ */
/* Convolutions                                                        */
/* ------------------------------------------------------------------ */

static const char conv_src[] =
    "func.func @main(%x: tensor<1x4x6x7xf32>, %w: tensor<6x2x3x2xf32>,\n"
    "                %b: tensor<6xf32>)\n"
    "    -> (tensor<1x6x4x6xf32>, tensor<1x6x4x6xf32>) {\n"
    "  %y = graph.conv2d %x, %w, %b {strides = array<i64: 2, 1>,\n"
    "      pads = array<i64: 1, 0, 2, 1>, dilations = array<i64: 1, 2>,\n"
    "      groups = 2 : i64, activation = \"relu\"}\n"
    "      : (tensor<1x4x6x7xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>)\n"
    "      -> tensor<1x6x4x6xf32>\n"
    "  %z = graph.conv2d %x, %w, %b {strides = array<i64: 2, 1>,\n"
    "      pads = array<i64: 1, 0, 2, 1>, dilations = array<i64: 1, 2>,\n"
    "      groups = 2 : i64}\n"
    "      : (tensor<1x4x6x7xf32>, tensor<6x2x3x2xf32>, tensor<6xf32>)\n"
    "      -> tensor<1x6x4x6xf32>\n"
    "  func.return %y, %z : tensor<1x6x4x6xf32>, tensor<1x6x4x6xf32>\n"
    "}\n";

/* Grouped, strided, dilated conv with asymmetric pads, bias and relu
 * (and without relu, in the same function: %x is used twice). */
static void
test_conv2d_nchw(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f, conv_src);
    eo_tensor in[3], out[2];
    make_x(&in[0], 4, (int64_t[]){ 1, 4, 6, 7 });
    make_w(&in[1], 4, (int64_t[]){ 6, 2, 3, 2 });
    make_b(&in[2], 1, (int64_t[]){ 6 });
    run_ok(f, fn, 3, in, 2, out);
    check_close(&out[0], conv_expect, 144);
    check_close(&out[1], conv_expect_norelu, 144);
    free_all(out, 2);
    free_all(in, 3);
}

/* One output channel per group (the direct loops, not the im2col
 * form): channels 0 and 3 of the conv above. */
static void
test_conv2d_direct(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x4x6x7xf32>, %w: tensor<2x2x3x2xf32>,\n"
        "                %b: tensor<2xf32>) -> tensor<1x2x4x6xf32> {\n"
        "  %y = graph.conv2d %x, %w, %b {strides = array<i64: 2, 1>,\n"
        "      pads = array<i64: 1, 0, 2, 1>, dilations = array<i64: 1, 2>,\n"
        "      groups = 2 : i64}\n"
        "      : (tensor<1x4x6x7xf32>, tensor<2x2x3x2xf32>, tensor<2xf32>)\n"
        "      -> tensor<1x2x4x6xf32>\n"
        "  func.return %y : tensor<1x2x4x6xf32>\n"
        "}\n");
    eo_tensor w6, b6, in[3], out[1];
    make_x(&in[0], 4, (int64_t[]){ 1, 4, 6, 7 });
    make_w(&w6, 4, (int64_t[]){ 6, 2, 3, 2 });
    make_b(&b6, 1, (int64_t[]){ 6 });
    assert_int_equal(eo_tensor_alloc(&in[1], EO_DT_F32, 4,
                                     (int64_t[]){ 2, 2, 3, 2 }), EO_OK);
    assert_int_equal(eo_tensor_alloc(&in[2], EO_DT_F32, 1,
                                     (int64_t[]){ 2 }), EO_OK);
    const float *ws = w6.data, *bs = b6.data;
    float *wd = in[1].data, *bd = in[2].data;
    memcpy(wd, ws, 12 * sizeof *wd);
    memcpy(wd + 12, ws + 3 * 12, 12 * sizeof *wd);
    bd[0] = bs[0];
    bd[1] = bs[3];
    run_ok(f, fn, 3, in, 1, out);
    float expect[48];
    memcpy(expect, conv_expect_norelu, 24 * sizeof *expect);
    memcpy(expect + 24, conv_expect_norelu + 3 * 24, 24 * sizeof *expect);
    check_close(&out[0], expect, 48);
    free_all(out, 1);
    free_all(in, 3);
    eo_tensor_free(&w6);
    eo_tensor_free(&b6);
}

/* dst[n][h][w][c] = src[n][c][h][w] (OIHW -> OHWI likewise). */
static void
to_nhwc(const eo_tensor *src, eo_tensor *dst)
{
    int64_t n = src->shape[0], c = src->shape[1], h = src->shape[2];
    int64_t w = src->shape[3];
    assert_int_equal(eo_tensor_alloc(dst, EO_DT_F32, 4,
                                     (int64_t[]){ n, h, w, c }), EO_OK);
    const float *s = src->data;
    float *d = dst->data;
    for (int64_t a = 0; a < n; a++)
        for (int64_t b = 0; b < c; b++)
            for (int64_t y = 0; y < h; y++)
                for (int64_t x = 0; x < w; x++)
                    d[((a * h + y) * w + x) * c + b] =
                        s[((a * c + b) * h + y) * w + x];
}

/* The same conv in NHWC / OHWI matches the NCHW result transposed. */
static void
test_conv2d_nhwc(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x6x7x4xf32>, %w: tensor<6x3x2x2xf32>,\n"
        "                %b: tensor<6xf32>) -> tensor<1x4x6x6xf32> {\n"
        "  %y = graph.conv2d %x, %w, %b {strides = array<i64: 2, 1>,\n"
        "      pads = array<i64: 1, 0, 2, 1>, dilations = array<i64: 1, 2>,\n"
        "      groups = 2 : i64, layout = \"NHWC\"}\n"
        "      : (tensor<1x6x7x4xf32>, tensor<6x3x2x2xf32>, tensor<6xf32>)\n"
        "      -> tensor<1x4x6x6xf32>\n"
        "  func.return %y : tensor<1x4x6x6xf32>\n"
        "}\n");
    eo_tensor x, w, in[3], out[1], expect_nchw, expect;
    make_x(&x, 4, (int64_t[]){ 1, 4, 6, 7 });
    make_w(&w, 4, (int64_t[]){ 6, 2, 3, 2 });
    to_nhwc(&x, &in[0]);
    to_nhwc(&w, &in[1]);
    make_b(&in[2], 1, (int64_t[]){ 6 });
    run_ok(f, fn, 3, in, 1, out);
    assert_int_equal(eo_tensor_alloc(&expect_nchw, EO_DT_F32, 4,
                                     (int64_t[]){ 1, 6, 4, 6 }), EO_OK);
    memcpy(expect_nchw.data, conv_expect_norelu, sizeof conv_expect_norelu);
    to_nhwc(&expect_nchw, &expect);
    check_close(&out[0], expect.data, 144);
    free_all(out, 1);
    free_all(in, 3);
    eo_tensor_free(&x);
    eo_tensor_free(&w);
    eo_tensor_free(&expect_nchw);
    eo_tensor_free(&expect);
}

static void
test_conv2d_depthwise(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x3x5x5xf32>, %w: tensor<3x1x3x3xf32>)\n"
        "    -> tensor<1x3x3x3xf32> {\n"
        "  %y = graph.conv2d %x, %w {strides = array<i64: 2, 2>,\n"
        "      pads = array<i64: 1, 1, 1, 1>, groups = 3 : i64}\n"
        "      : (tensor<1x3x5x5xf32>, tensor<3x1x3x3xf32>)\n"
        "      -> tensor<1x3x3x3xf32>\n"
        "  func.return %y : tensor<1x3x3x3xf32>\n"
        "}\n");
    eo_tensor in[2], out[1];
    make_x(&in[0], 4, (int64_t[]){ 1, 3, 5, 5 });
    make_w(&in[1], 4, (int64_t[]){ 3, 1, 3, 3 });
    run_ok(f, fn, 2, in, 1, out);
    check_close(&out[0], dw_expect, 27);
    free_all(out, 1);
    free_all(in, 2);
}

/* 1x1 convs: pointwise (read as its own column matrix) and depthwise
 * (whole planes as one row), checked against loops written here. */
static void
test_conv2d_1x1(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3x4x5xf32>, %w: tensor<4x3x1x1xf32>,\n"
        "                %d: tensor<3x1x1x1xf32>, %b: tensor<3xf32>)\n"
        "    -> (tensor<2x4x4x5xf32>, tensor<2x3x4x5xf32>) {\n"
        "  %y = graph.conv2d %x, %w\n"
        "      : (tensor<2x3x4x5xf32>, tensor<4x3x1x1xf32>)\n"
        "      -> tensor<2x4x4x5xf32>\n"
        "  %z = graph.conv2d %x, %d, %b {groups = 3 : i64,\n"
        "      activation = \"relu6\"}\n"
        "      : (tensor<2x3x4x5xf32>, tensor<3x1x1x1xf32>, tensor<3xf32>)\n"
        "      -> tensor<2x3x4x5xf32>\n"
        "  func.return %y, %z : tensor<2x4x4x5xf32>, tensor<2x3x4x5xf32>\n"
        "}\n");
    eo_tensor in[4], out[2];
    make_x(&in[0], 4, (int64_t[]){ 2, 3, 4, 5 });
    make_w(&in[1], 4, (int64_t[]){ 4, 3, 1, 1 });
    make_f32(&in[2], 4, (int64_t[]){ 3, 1, 1, 1 }, 5, 1, 7, -20, 1.0f);
    make_b(&in[3], 1, (int64_t[]){ 3 });
    run_ok(f, fn, 4, in, 2, out);
    const float *x = in[0].data, *w = in[1].data, *dw = in[2].data;
    const float *b = in[3].data;
    float ey[160], ez[120];
    for (int n = 0; n < 2; n++) {
        for (int p = 0; p < 20; p++) {
            for (int o = 0; o < 4; o++) {
                float acc = 0.0f;
                for (int c = 0; c < 3; c++)
                    acc += w[o * 3 + c] * x[(n * 3 + c) * 20 + p];
                ey[(n * 4 + o) * 20 + p] = acc;
            }
            for (int c = 0; c < 3; c++) {
                float v = b[c] + dw[c] * x[(n * 3 + c) * 20 + p];
                ez[(n * 3 + c) * 20 + p] = v < 0 ? 0 : v > 6 ? 6 : v;
            }
        }
    }
    check_close(&out[0], ey, 160);
    check_close(&out[1], ez, 120);
    free_all(out, 2);
    free_all(in, 4);
}

static void
test_conv_transpose2d(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x4x3x3xf32>, %w: tensor<4x3x3x3xf32>,\n"
        "                %b: tensor<6xf32>) -> tensor<1x6x7x6xf32> {\n"
        "  %y = graph.conv_transpose2d %x, %w, %b {\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 0, 1>,\n"
        "      output_padding = array<i64: 1, 0>, groups = 2 : i64}\n"
        "      : (tensor<1x4x3x3xf32>, tensor<4x3x3x3xf32>, tensor<6xf32>)\n"
        "      -> tensor<1x6x7x6xf32>\n"
        "  func.return %y : tensor<1x6x7x6xf32>\n"
        "}\n");
    eo_tensor in[3], out[1];
    make_x(&in[0], 4, (int64_t[]){ 1, 4, 3, 3 });
    make_w(&in[1], 4, (int64_t[]){ 4, 3, 3, 3 });
    make_b(&in[2], 1, (int64_t[]){ 6 });
    run_ok(f, fn, 3, in, 1, out);
    check_close(&out[0], convt_expect, 252);
    free_all(out, 1);
    free_all(in, 3);
}

/* ------------------------------------------------------------------ */
/* Matrix products                                                     */
/* ------------------------------------------------------------------ */

static void
test_matmul(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: tensor<2x1x3x4xf32>, %b: tensor<3x4x2xf32>,\n"
        "                %c: tensor<4xf32>, %d: tensor<2x4x3xf32>)\n"
        "    -> (tensor<2x3x3x2xf32>, tensor<2x3xf32>) {\n"
        "  %y = graph.matmul %a, %b\n"
        "      : (tensor<2x1x3x4xf32>, tensor<3x4x2xf32>)\n"
        "      -> tensor<2x3x3x2xf32>\n"
        "  %z = graph.matmul %c, %d : (tensor<4xf32>, tensor<2x4x3xf32>)\n"
        "      -> tensor<2x3xf32>\n"
        "  func.return %y, %z : tensor<2x3x3x2xf32>, tensor<2x3xf32>\n"
        "}\n");
    eo_tensor in[4], out[2];
    make_x(&in[0], 4, (int64_t[]){ 2, 1, 3, 4 });
    make_w(&in[1], 3, (int64_t[]){ 3, 4, 2 });
    make_x(&in[2], 1, (int64_t[]){ 4 });
    make_w(&in[3], 3, (int64_t[]){ 2, 4, 3 });
    run_ok(f, fn, 4, in, 2, out);
    check_close(&out[0], matmul_expect, 36);
    check_close(&out[1], matmul1d_expect, 6);
    free_all(out, 2);
    free_all(in, 4);
}

static void
test_gemm(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>,\n"
        "                %c: tensor<5xf32>, %a2: tensor<3x4xf32>,\n"
        "                %b2: tensor<4x5xf32>, %c2: tensor<3x1xf32>)\n"
        "    -> (tensor<3x5xf32>, tensor<3x5xf32>) {\n"
        "  %y = graph.gemm %a, %b, %c {trans_a = true, trans_b = true,\n"
        "      alpha = 5.000000e-01 : f32, beta = 2.000000e+00 : f32}\n"
        "      : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>)\n"
        "      -> tensor<3x5xf32>\n"
        "  %z = graph.gemm %a2, %b2, %c2\n"
        "      : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<3x1xf32>)\n"
        "      -> tensor<3x5xf32>\n"
        "  func.return %y, %z : tensor<3x5xf32>, tensor<3x5xf32>\n"
        "}\n");
    eo_tensor in[6], out[2];
    make_x(&in[0], 2, (int64_t[]){ 4, 3 });
    make_w(&in[1], 2, (int64_t[]){ 5, 4 });
    make_b(&in[2], 1, (int64_t[]){ 5 });
    make_x(&in[3], 2, (int64_t[]){ 3, 4 });
    make_w(&in[4], 2, (int64_t[]){ 4, 5 });
    make_b(&in[5], 2, (int64_t[]){ 3, 1 });
    run_ok(f, fn, 6, in, 2, out);
    check_close(&out[0], gemm_expect, 15);
    check_close(&out[1], gemm2_expect, 15);
    free_all(out, 2);
    free_all(in, 6);
}

/* ------------------------------------------------------------------ */
/* Pools                                                               */
/* ------------------------------------------------------------------ */

/* Max pool with dilation, asymmetric pads and ceil_mode. */
static void
test_max_pool(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x2x7x6xf32>) -> tensor<1x2x4x3xf32> {\n"
        "  %y = graph.max_pool %x {kernel = array<i64: 3, 2>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 1>,\n"
        "      dilations = array<i64: 1, 2>, ceil_mode = true}\n"
        "      : (tensor<1x2x7x6xf32>) -> tensor<1x2x4x3xf32>\n"
        "  func.return %y : tensor<1x2x4x3xf32>\n"
        "}\n");
    eo_tensor in[1], out[1];
    make_x(&in[0], 4, (int64_t[]){ 1, 2, 7, 6 });
    run_ok(f, fn, 1, in, 1, out);
    check_close(&out[0], maxpool_expect, 24);
    free_all(out, 1);
    free_all(in, 1);
}

/* ONNX MaxPool also takes uint8. */
static void
test_max_pool_u8(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x1x3x3xui8>) -> tensor<1x1x2x2xui8> {\n"
        "  %y = graph.max_pool %x {kernel = array<i64: 2, 2>}\n"
        "      : (tensor<1x1x3x3xui8>) -> tensor<1x1x2x2xui8>\n"
        "  func.return %y : tensor<1x1x2x2xui8>\n"
        "}\n");
    eo_tensor in, out;
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_U8, 4,
                                     (int64_t[]){ 1, 1, 3, 3 }), EO_OK);
    static const uint8_t x[9] = { 1, 200, 3, 4, 5, 6, 255, 8, 9 };
    memcpy(in.data, x, 9);
    run_ok(f, fn, 1, &in, 1, &out);
    assert_int_equal(out.dtype, EO_DT_U8);
    const uint8_t *y = out.data;
    assert_int_equal(y[0], 200);
    assert_int_equal(y[1], 200);
    assert_int_equal(y[2], 255);
    assert_int_equal(y[3], 9);
    eo_tensor_free(&out);
    eo_tensor_free(&in);
}

/* Average pool with ceil_mode, with and without count_include_pad. */
static void
test_avg_pool(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x2x5x6xf32>)\n"
        "    -> (tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>) {\n"
        "  %y = graph.avg_pool %x {kernel = array<i64: 3, 3>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,\n"
        "      ceil_mode = true}\n"
        "      : (tensor<1x2x5x6xf32>) -> tensor<1x2x3x4xf32>\n"
        "  %z = graph.avg_pool %x {kernel = array<i64: 3, 3>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,\n"
        "      ceil_mode = true, count_include_pad = true}\n"
        "      : (tensor<1x2x5x6xf32>) -> tensor<1x2x3x4xf32>\n"
        "  func.return %y, %z : tensor<1x2x3x4xf32>, tensor<1x2x3x4xf32>\n"
        "}\n");
    eo_tensor in[1], out[2];
    make_x(&in[0], 4, (int64_t[]){ 1, 2, 5, 6 });
    run_ok(f, fn, 1, in, 2, out);
    check_close(&out[0], avgpool_expect, 24);
    check_close(&out[1], avgpool_cip_expect, 24);
    free_all(out, 2);
    free_all(in, 1);
}

static void
test_global_pools(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3x4x5xf32>)\n"
        "    -> (tensor<2x3x1x1xf32>, tensor<2x3x1x1xf32>) {\n"
        "  %y = graph.global_avg_pool %x\n"
        "      : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>\n"
        "  %z = graph.global_max_pool %x\n"
        "      : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>\n"
        "  func.return %y, %z : tensor<2x3x1x1xf32>, tensor<2x3x1x1xf32>\n"
        "}\n");
    eo_tensor in[1], out[2];
    make_x(&in[0], 4, (int64_t[]){ 2, 3, 4, 5 });
    run_ok(f, fn, 1, in, 2, out);
    check_close(&out[0], gavg_expect, 6);
    check_close(&out[1], gmax_expect, 6);
    free_all(out, 2);
    free_all(in, 1);
}

/* Copies 'src' (a [1 or 2, C, H, W] NCHW array) into an owned NHWC
 * tensor. */
static void
nhwc_of(const float *src, int64_t n, int64_t c, int64_t h, int64_t w,
        eo_tensor *dst)
{
    eo_tensor t;
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_F32, 4,
                                     (int64_t[]){ n, c, h, w }), EO_OK);
    memcpy(t.data, src, t.nbytes);
    to_nhwc(&t, dst);
    eo_tensor_free(&t);
}

/* The pools and batch_norm in NHWC match their NCHW results. */
static void
test_nhwc_pools(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<1x7x6x2xf32>, %u: tensor<1x5x6x2xf32>,\n"
        "                %g: tensor<2x4x5x3xf32>, %v: tensor<2x2x2x3xf32>)\n"
        "    -> (tensor<1x4x3x2xf32>, tensor<1x3x4x2xf32>,\n"
        "        tensor<2x1x1x3xf32>, tensor<2x1x1x3xf32>,\n"
        "        tensor<2x2x2x3xf32>) {\n"
        "  %a = graph.max_pool %x {kernel = array<i64: 3, 2>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 1>,\n"
        "      dilations = array<i64: 1, 2>, ceil_mode = true,\n"
        "      layout = \"NHWC\"}\n"
        "      : (tensor<1x7x6x2xf32>) -> tensor<1x4x3x2xf32>\n"
        "  %b = graph.avg_pool %u {kernel = array<i64: 3, 3>,\n"
        "      strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,\n"
        "      ceil_mode = true, count_include_pad = true,\n"
        "      layout = \"NHWC\"}\n"
        "      : (tensor<1x5x6x2xf32>) -> tensor<1x3x4x2xf32>\n"
        "  %c = graph.global_avg_pool %g {layout = \"NHWC\"}\n"
        "      : (tensor<2x4x5x3xf32>) -> tensor<2x1x1x3xf32>\n"
        "  %d = graph.global_max_pool %g {layout = \"NHWC\"}\n"
        "      : (tensor<2x4x5x3xf32>) -> tensor<2x1x1x3xf32>\n"
        "  %s = graph.constant dense<[0.5, 1.5, -2.0]> : tensor<3xf32>\n"
        "  %t = graph.constant dense<[0.25, -1.0, 3.0]> : tensor<3xf32>\n"
        "  %m = graph.constant dense<[0.1, -0.2, 0.3]> : tensor<3xf32>\n"
        "  %r = graph.constant dense<[1.0, 0.5, 2.0]> : tensor<3xf32>\n"
        "  %e = graph.batch_norm %v, %s, %t, %m, %r\n"
        "      {epsilon = 1.000000e-03 : f32, layout = \"NHWC\"}\n"
        "      : (tensor<2x2x2x3xf32>, tensor<3xf32>, tensor<3xf32>,\n"
        "         tensor<3xf32>, tensor<3xf32>) -> tensor<2x2x2x3xf32>\n"
        "  func.return %a, %b, %c, %d, %e : tensor<1x4x3x2xf32>,\n"
        "      tensor<1x3x4x2xf32>, tensor<2x1x1x3xf32>,\n"
        "      tensor<2x1x1x3xf32>, tensor<2x2x2x3xf32>\n"
        "}\n");
    eo_tensor nchw, in[4], out[5], e0, e1, e4;
    make_x(&nchw, 4, (int64_t[]){ 1, 2, 7, 6 });
    to_nhwc(&nchw, &in[0]);
    eo_tensor_free(&nchw);
    make_x(&nchw, 4, (int64_t[]){ 1, 2, 5, 6 });
    to_nhwc(&nchw, &in[1]);
    eo_tensor_free(&nchw);
    make_x(&nchw, 4, (int64_t[]){ 2, 3, 4, 5 });
    to_nhwc(&nchw, &in[2]);
    eo_tensor_free(&nchw);
    make_x(&nchw, 4, (int64_t[]){ 2, 3, 2, 2 });
    to_nhwc(&nchw, &in[3]);
    eo_tensor_free(&nchw);
    run_ok(f, fn, 4, in, 5, out);
    nhwc_of(maxpool_expect, 1, 2, 4, 3, &e0);
    nhwc_of(avgpool_cip_expect, 1, 2, 3, 4, &e1);
    nhwc_of(bn_expect, 2, 3, 2, 2, &e4);
    check_close(&out[0], e0.data, 24);
    check_close(&out[1], e1.data, 24);
    check_close(&out[2], gavg_expect, 6);
    check_close(&out[3], gmax_expect, 6);
    check_close(&out[4], e4.data, 24);
    eo_tensor_free(&e0);
    eo_tensor_free(&e1);
    eo_tensor_free(&e4);
    free_all(out, 5);
    free_all(in, 4);
}

/* Every fused activation, on a 1x1 conv that copies its input. */
static void
test_activations(void **state)
{
    fixture *f = *state;
    static const char *const acts[] = {
        "\"relu\"", "\"relu6\"",
        "\"clip\", act_min = -1.0 : f32, act_max = 2.0 : f32",
        "\"leaky_relu\", act_alpha = 0.25 : f32", "\"sigmoid\"",
        "\"tanh\"", "\"hard_swish\"",
    };
    enum { NACT = sizeof acts / sizeof acts[0] };
    char src[4096];
    size_t len = (size_t)snprintf(src, sizeof src,
        "func.func @main(%%x: tensor<1x1x1x8xf32>) -> (");
    for (int i = 0; i < NACT; i++)
        len += (size_t)snprintf(src + len, sizeof src - len,
                                "%stensor<1x1x1x8xf32>", i ? ", " : "");
    len += (size_t)snprintf(src + len, sizeof src - len, ") {\n"
        "  %%one = graph.constant dense<1.0> : tensor<1x1x1x1xf32>\n");
    for (int i = 0; i < NACT; i++)
        len += (size_t)snprintf(src + len, sizeof src - len,
            "  %%y%d = graph.conv2d %%x, %%one {activation = %s}\n"
            "      : (tensor<1x1x1x8xf32>, tensor<1x1x1x1xf32>)\n"
            "      -> tensor<1x1x1x8xf32>\n", i, acts[i]);
    len += (size_t)snprintf(src + len, sizeof src - len, "  func.return ");
    for (int i = 0; i < NACT; i++)
        len += (size_t)snprintf(src + len, sizeof src - len, "%s%%y%d",
                                i ? ", " : "", i);
    len += (size_t)snprintf(src + len, sizeof src - len, " : ");
    for (int i = 0; i < NACT; i++)
        len += (size_t)snprintf(src + len, sizeof src - len,
                                "%stensor<1x1x1x8xf32>", i ? ", " : "");
    snprintf(src + len, sizeof src - len, "\n}\n");
    eo_op *fn = parse_func(f, src);

    static const float x[8] = { -8, -3, -1, -0.5f, 0, 0.5f, 3, 8 };
    eo_tensor in, out[NACT];
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_F32, 4,
                                     (int64_t[]){ 1, 1, 1, 8 }), EO_OK);
    memcpy(in.data, x, sizeof x);
    run_ok(f, fn, 1, &in, NACT, out);
    check_close(&out[0], (const float[]){ 0, 0, 0, 0, 0, 0.5f, 3, 8 }, 8);
    check_close(&out[1], (const float[]){ 0, 0, 0, 0, 0, 0.5f, 3, 6 }, 8);
    check_close(&out[2], (const float[]){ -1, -1, -1, -0.5f, 0, 0.5f, 2, 2 },
                8);
    check_close(&out[3], (const float[]){ -2, -0.75f, -0.25f, -0.125f, 0,
                                          0.5f, 3, 8 }, 8);
    float sig[8], th[8];
    for (int i = 0; i < 8; i++) {
        sig[i] = (float)(1.0 / (1.0 + exp(-(double)x[i])));
        th[i] = (float)tanh((double)x[i]);
    }
    check_close(&out[4], sig, 8);
    check_close(&out[5], th, 8);
    /* x * clamp(x / 6 + 1/2, 0, 1) */
    check_close(&out[6], (const float[]){ 0, 0, -1.0f / 3, -0.5f * 5 / 12,
                                          0, 0.5f * 7 / 12, 3, 8 }, 8);
    free_all(out, NACT);
    eo_tensor_free(&in);
}

/* ------------------------------------------------------------------ */
/* Normalizations                                                      */
/* ------------------------------------------------------------------ */

/* Batch norm with its parameters as constants (dense, splat). */
static void
test_batch_norm(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32> {\n"
        "  %s = graph.constant dense<[0.5, 1.5, -2.0]> : tensor<3xf32>\n"
        "  %b = graph.constant dense<[0.25, -1.0, 3.0]> : tensor<3xf32>\n"
        "  %m = graph.constant dense<[0.1, -0.2, 0.3]> : tensor<3xf32>\n"
        "  %v = graph.constant dense<[1.0, 0.5, 2.0]> : tensor<3xf32>\n"
        "  %y = graph.batch_norm %x, %s, %b, %m, %v\n"
        "      {epsilon = 1.000000e-03 : f32}\n"
        "      : (tensor<2x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>,\n"
        "         tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x2x2xf32>\n"
        "  func.return %y : tensor<2x3x2x2xf32>\n"
        "}\n");
    eo_tensor in[1], out[1];
    make_x(&in[0], 4, (int64_t[]){ 2, 3, 2, 2 });
    run_ok(f, fn, 1, in, 1, out);
    check_close(&out[0], bn_expect, 24);
    free_all(out, 1);
    free_all(in, 1);
}

/* Layer norm over dims 1..2, scale [3, 4] and a broadcast bias [4]. */
static void
test_layer_norm(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>,\n"
        "                %b: tensor<4xf32>) -> tensor<2x3x4xf32> {\n"
        "  %y = graph.layer_norm %x, %s, %b {axis = 1 : i64}\n"
        "      : (tensor<2x3x4xf32>, tensor<3x4xf32>, tensor<4xf32>)\n"
        "      -> tensor<2x3x4xf32>\n"
        "  func.return %y : tensor<2x3x4xf32>\n"
        "}\n");
    eo_tensor in[3], out[1];
    make_x(&in[0], 3, (int64_t[]){ 2, 3, 4 });
    make_w(&in[1], 2, (int64_t[]){ 3, 4 });
    make_b(&in[2], 1, (int64_t[]){ 4 });
    run_ok(f, fn, 3, in, 1, out);
    check_close(&out[0], ln_expect, 24);
    free_all(out, 1);
    free_all(in, 3);
}

static void
test_softmax(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3x4xf32>)\n"
        "    -> (tensor<2x3x4xf32>, tensor<2x3x4xf32>) {\n"
        "  %y = graph.softmax %x {axis = 1 : i64}\n"
        "      : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %z = graph.log_softmax %x\n"
        "      : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  func.return %y, %z : tensor<2x3x4xf32>, tensor<2x3x4xf32>\n"
        "}\n");
    eo_tensor in[1], out[2];
    make_f32(&in[0], 3, (int64_t[]){ 2, 3, 4 }, 37, 11, 23, 11, 2.0f);
    run_ok(f, fn, 1, in, 2, out);
    check_close(&out[0], softmax_expect, 24);
    check_close(&out[1], logsoftmax_expect, 24);
    free_all(out, 2);
    free_all(in, 1);
}

/* ------------------------------------------------------------------ */
/* Driver                                                              */
/* ------------------------------------------------------------------ */

static const char identity_src[] =
    "func.func @main(%x: tensor<2x3xf32>)\n"
    "    -> (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2xf32>,\n"
    "        tensor<2x3xf32>, tensor<2x3xf32>) {\n"
    "  %c = graph.constant dense<[1.5, -2.5]> : tensor<2xf32>\n"
    "  %y = graph.softmax %x : (tensor<2x3xf32>) -> tensor<2x3xf32>\n"
    "  func.return %x, %x, %c, %y, %y : tensor<2x3xf32>, tensor<2x3xf32>,\n"
    "      tensor<2xf32>, tensor<2x3xf32>, tensor<2x3xf32>\n"
    "}\n";

/* Returned inputs, constants and repeated values are all copies the
 * caller owns. */
static void
test_outputs_owned(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f, identity_src);
    eo_tensor in, out[5];
    make_x(&in, 2, (int64_t[]){ 2, 3 });
    run_ok(f, fn, 1, &in, 5, out);
    assert_ptr_not_equal(out[0].data, in.data);
    assert_ptr_not_equal(out[1].data, out[0].data);
    assert_ptr_not_equal(out[3].data, out[4].data);
    assert_memory_equal(out[0].data, in.data, in.nbytes);
    assert_memory_equal(out[1].data, in.data, in.nbytes);
    assert_memory_equal(out[3].data, out[4].data, out[3].nbytes);
    check_close(&out[2], (const float[]){ 1.5f, -2.5f }, 2);
    free_all(out, 5);
    eo_tensor_free(&in);
}

/* Wrong input count, shape or dtype, too little room for the results. */
static void
test_bad_inputs(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f, identity_src);
    eo_tensor in, out[5];
    size_t nout = 5;

    make_x(&in, 2, (int64_t[]){ 3, 2 });
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_ERROR);
    assert_string_equal(f->msg, "argument #0 expects f32 [2, 3], got f32 "
                        "[3, 2]");
    eo_tensor_free(&in);

    f->errors = 0;
    assert_int_equal(eo_tensor_alloc(&in, EO_DT_I32, 2,
                                     (int64_t[]){ 2, 3 }), EO_OK);
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_ERROR);
    assert_string_equal(f->msg, "argument #0 expects f32 [2, 3], got i32 "
                        "[2, 3]");

    f->errors = 0;
    assert_int_equal(eo_interp_run(fn, 0, NULL, &nout, out), EO_ERROR);
    assert_string_equal(f->msg, "function takes 1 inputs, got 0");
    eo_tensor_free(&in);

    f->errors = 0;
    make_x(&in, 2, (int64_t[]){ 2, 3 });
    nout = 4;
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_ERROR);
    assert_non_null(strstr(f->msg, "returns 5 values"));
    eo_tensor_free(&in);
}

/* Ops other than graph ops are reported at their location. */
static void
test_unsupported_op(void **state)
{
    fixture *f = *state;
    eo_ctx_set_allow_unregistered(f->ctx, true);
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2xf32>) -> tensor<2xf32> {\n"
        "  %y = graph.softmax %x : (tensor<2xf32>) -> tensor<2xf32>\n"
        "  %z = \"test.frob\"(%y) : (tensor<2xf32>) -> tensor<2xf32>\n"
        "  func.return %z : tensor<2xf32>\n"
        "}\n");
    eo_tensor in, out[1];
    size_t nout = 1;
    make_x(&in, 1, (int64_t[]){ 2 });
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_ERROR);
    assert_string_equal(f->msg,
                        "'test.frob' op is unsupported by the interpreter");
    eo_tensor_free(&in);
}

/* A dynamic shape cannot be interpreted. */
static void
test_dynamic_arg(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<?xf32>) -> tensor<?xf32> {\n"
        "  func.return %x : tensor<?xf32>\n"
        "}\n");
    eo_tensor in, out[1];
    size_t nout = 1;
    make_x(&in, 1, (int64_t[]){ 2 });
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_ERROR);
    assert_non_null(strstr(f->msg, "argument #0 has type tensor<?xf32>"));
    eo_tensor_free(&in);
}

/* eo_interp_op on one op, with its operand checked. */
static void
test_interp_op(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {\n"
        "  %y = graph.softmax %x {axis = 1 : i64}\n"
        "      : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  func.return %y : tensor<2x3x4xf32>\n"
        "}\n");
    eo_op *sm = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    eo_tensor in, out;
    make_f32(&in, 3, (int64_t[]){ 2, 3, 4 }, 37, 11, 23, 11, 2.0f);
    assert_int_equal(eo_interp_op(sm, &in, &out), EO_OK);
    check_close(&out, softmax_expect, 24);
    eo_tensor_free(&out);
    eo_tensor_free(&in);

    make_x(&in, 2, (int64_t[]){ 2, 3 });
    assert_int_equal(eo_interp_op(sm, &in, &out), EO_ERROR);
    assert_non_null(strstr(f->msg, "operand #0 expects"));
    eo_tensor_free(&in);
}

/* Ops the verifier would reject get a diagnostic (or harmless values),
 * never an out-of-bounds access: each function holds one bad op. */
static void
test_unverified(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @conv(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x2x2xf32>)\n"
        "    -> tensor<1x1x5x5xf32> {\n"
        "  %y = graph.conv2d %x, %w\n"
        "      : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>)\n"
        "      -> tensor<1x1x5x5xf32>\n"
        "  func.return %y : tensor<1x1x5x5xf32>\n"
        "}\n"
        "func.func @mm(%x: tensor<2x3xf32>, %w: tensor<3x4xf32>)\n"
        "    -> tensor<2x5xf32> {\n"
        "  %y = graph.matmul %x, %w : (tensor<2x3xf32>, tensor<3x4xf32>)\n"
        "      -> tensor<2x5xf32>\n"
        "  func.return %y : tensor<2x5xf32>\n"
        "}\n"
        "func.func @gemm(%x: tensor<2x3xf32>, %w: tensor<2x4xf32>)\n"
        "    -> tensor<2x4xf32> {\n"
        "  %y = graph.gemm %x, %w : (tensor<2x3xf32>, tensor<2x4xf32>)\n"
        "      -> tensor<2x4xf32>\n"
        "  func.return %y : tensor<2x4xf32>\n"
        "}\n"
        "func.func @sm(%x: tensor<2x3xf32>) -> tensor<7xf32> {\n"
        "  %y = graph.softmax %x : (tensor<2x3xf32>) -> tensor<7xf32>\n"
        "  func.return %y : tensor<7xf32>\n"
        "}\n"
        "func.func @bn(%x: tensor<1x2x2x2xf32>, %p: tensor<3xf32>)\n"
        "    -> tensor<1x2x2x2xf32> {\n"
        "  %y = graph.batch_norm %x, %p, %p, %p, %p\n"
        "      : (tensor<1x2x2x2xf32>, tensor<3xf32>, tensor<3xf32>,\n"
        "         tensor<3xf32>, tensor<3xf32>) -> tensor<1x2x2x2xf32>\n"
        "  func.return %y : tensor<1x2x2x2xf32>\n"
        "}\n"
        "func.func @grp(%x: tensor<1x3x3x3xf32>, %w: tensor<2x1x2x2xf32>)\n"
        "    -> tensor<1x2x2x2xf32> {\n"
        "  %y = graph.conv2d %x, %w {groups = 2 : i64}\n"
        "      : (tensor<1x3x3x3xf32>, tensor<2x1x2x2xf32>)\n"
        "      -> tensor<1x2x2x2xf32>\n"
        "  func.return %y : tensor<1x2x2x2xf32>\n"
        "}\n";
    f->module = eo_parse_source(f->ctx, "bad.mlir", src, sizeof src - 1,
                                NULL);
    assert_non_null(f->module);
    static const char *const expect[] = {
        NULL,
        "'graph.matmul' op has operand or result shapes the interpreter "
        "cannot use: result size",
        "'graph.gemm' op has operand or result shapes the interpreter "
        "cannot use: gemm dims",
        "'graph.softmax' op has operand or result shapes the interpreter "
        "cannot use: result size",
        "'graph.batch_norm' op has operand or result shapes the interpreter "
        "cannot use: batch_norm parameter size",
        "'graph.conv2d' op attribute 'groups' (2) must divide the input "
        "channels (3)",
    };
    size_t i = 0;
    for (eo_op *fn = eo_block_first(eo_module_body(f->module)); fn;
         fn = eo_op_next(fn), i++) {
        eo_block *body = eo_region_first(eo_op_region(fn, 0));
        eo_tensor in[2], out[1];
        size_t nin = eo_block_num_args(body), nout = 1;
        for (size_t j = 0; j < nin; j++)
            assert_int_equal(eo_tensor_alloc_for_type(&in[j], eo_value_type(
                eo_block_arg(body, j))), EO_OK);
        f->errors = 0;
        eo_status st = eo_interp_run(fn, nin, in, &nout, out);
        if (expect[i]) {
            assert_int_equal(st, EO_ERROR);
            assert_string_equal(f->msg, expect[i]);
        } else {
            assert_int_equal(st, EO_OK);
            eo_tensor_free(&out[0]);
        }
        free_all(in, nin);
    }
    assert_int_equal(i, 6);
}

/* eo_interp_op takes a quantized operand as its constant's storage
 * (i8 values standing for u8), as constant folding passes it. */
static void
test_interp_op_storage(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main() -> tensor<2xf32> {\n"
        "  %q = graph.constant dense<[1, -2]> : tensor<2xi8>\n"
        "      as tensor<2x!quant.uniform<u8:f32, 0.5:128>>\n"
        "  %y = graph.dequantize %q\n"
        "      : (tensor<2x!quant.uniform<u8:f32, 0.5:128>>)\n"
        "      -> tensor<2xf32>\n"
        "  func.return %y : tensor<2xf32>\n"
        "}\n");
    eo_op *c = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    eo_tensor in, out;
    assert_int_equal(eo_tensor_from_attr(f->ctx, NULL, eo_op_attr(c, "value"),
                                         &in), EO_OK);
    assert_int_equal(in.dtype, EO_DT_I8);
    /* Storage values go back to the attribute they came from. */
    assert_ptr_equal(eo_tensor_to_attr(f->ctx, &in, eo_value_type(
                         eo_op_result(c, 0))), eo_op_attr(c, "value"));
    assert_int_equal(eo_interp_op(eo_op_next(c), &in, &out), EO_OK);
    check_close(&out, (const float[]){ -63.5f, 63.0f }, 2);
    eo_tensor_free(&out);
    eo_tensor_free(&in);

    /* The same through the driver. */
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, 0, NULL, &nout, &out), EO_OK);
    check_close(&out, (const float[]){ -63.5f, 63.0f }, 2);
    eo_tensor_free(&out);
}

/* ------------------------------------------------------------------ */
/* Tensors and attributes                                              */
/* ------------------------------------------------------------------ */

static void
test_dtypes(void **state)
{
    fixture *f = *state;
    eo_dtype dt;
    assert_true(eo_dtype_of_type(eo_type_get_float(f->ctx, EO_F32), &dt));
    assert_int_equal(dt, EO_DT_F32);
    assert_true(eo_dtype_of_type(eo_type_get_int(f->ctx, 1), &dt));
    assert_int_equal(dt, EO_DT_BOOL);
    assert_true(eo_dtype_of_type(
        eo_type_get_int_signed(f->ctx, 8, EO_UNSIGNED), &dt));
    assert_int_equal(dt, EO_DT_U8);
    assert_true(eo_dtype_of_type(eo_type_get_int(f->ctx, 64), &dt));
    assert_int_equal(dt, EO_DT_I64);
    assert_false(eo_dtype_of_type(eo_type_get_float(f->ctx, EO_BF16), &dt));
    assert_false(eo_dtype_of_type(eo_type_get_index(f->ctx), &dt));
    const char *q = "!quant.uniform<u8:f32, 1.000000e-01:128>";
    assert_true(eo_dtype_of_type(eo_type_parse(f->ctx, q, strlen(q)), &dt));
    assert_int_equal(dt, EO_DT_U8);
    assert_int_equal(eo_dtype_size(EO_DT_F16), 2);
    assert_string_equal(eo_dtype_name(EO_DT_U16), "u16");

    /* Sizes that overflow are refused, not wrapped. */
    eo_tensor t;
    int64_t huge[3] = { INT64_MAX / 2, 4, 4 };
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_F32, 3, huge), EO_NOMEM);
    assert_null(t.data);
    int64_t neg[1] = { -1 };
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_F32, 1, neg), EO_ERROR);
    int64_t zero[2] = { 0, 5 };
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_F32, 2, zero), EO_OK);
    assert_int_equal(t.nbytes, 0);
    assert_int_equal(eo_tensor_numel(&t), 0);
    eo_tensor_free(&t);
    eo_tensor_free(NULL);
}

static const eo_attr *
parse_attr(fixture *f, const char *s)
{
    const eo_attr *a = eo_attr_parse(f->ctx, s, strlen(s));
    assert_non_null(a);
    return a;
}

static void
test_from_attr(void **state)
{
    fixture *f = *state;
    eo_tensor t;

    /* Dense: borrowed in place. */
    const eo_attr *a = parse_attr(f, "dense<[[1, 2, 3], [4, 5, -6]]> : "
                                     "tensor<2x3xi32>");
    assert_int_equal(eo_tensor_from_attr(f->ctx, NULL, a, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_I32);
    assert_int_equal(t.rank, 2);
    assert_int_equal(t.shape[1], 3);
    assert_true(t.borrowed);
    assert_int_equal(((int32_t *)t.data)[5], -6);

    /* Back to an attribute: the same uniqued one. */
    const eo_type *ty = eo_attr_type(a);
    assert_ptr_equal(eo_tensor_to_attr(f->ctx, &t, ty), a);
    eo_tensor_free(&t);

    /* Splat: expanded into an owned copy. */
    a = parse_attr(f, "dense<2.5> : tensor<2x2xf32>");
    assert_int_equal(eo_tensor_from_attr(f->ctx, NULL, a, &t), EO_OK);
    assert_false(t.borrowed);
    check_close(&t, (const float[]){ 2.5f, 2.5f, 2.5f, 2.5f }, 4);
    eo_tensor_free(&t);

    /* Bool. */
    a = parse_attr(f, "dense<[true, false, true]> : tensor<3xi1>");
    assert_int_equal(eo_tensor_from_attr(f->ctx, NULL, a, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_BOOL);
    assert_int_equal(((uint8_t *)t.data)[2], 1);
    eo_tensor_free(&t);

    /* Not an elements attribute. */
    f->errors = 0;
    a = parse_attr(f, "42 : i32");
    assert_int_equal(eo_tensor_from_attr(f->ctx, NULL, a, &t), EO_ERROR);
    assert_int_equal(f->errors, 1);
}

/* dense_resource blobs are borrowed; an absent blob is an error. */
static void
test_from_resource(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main() -> (tensor<2x2xf32>, tensor<2xf32>) {\n"
        "  %c = graph.constant dense_resource<blob1> : tensor<2x2xf32>\n"
        "  %d = graph.constant dense_resource<short_blob> : tensor<2xf32>\n"
        "  func.return %c, %d : tensor<2x2xf32>, tensor<2xf32>\n"
        "}\n"
        "{-#\n"
        "  dialect_resources: {\n"
        "    builtin: {\n"
        "      blob1: \"0x040000000000803F000000400000404000008040\",\n"
        "      short_blob: \"0x04000000\"\n"
        "    }\n"
        "  }\n"
        "#-}\n");
    eo_op *c = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    eo_tensor t;
    assert_int_equal(eo_tensor_from_attr(f->ctx, eo_op_loc(c),
                                         eo_op_attr(c, "value"), &t), EO_OK);
    assert_true(t.borrowed);
    check_close(&t, (const float[]){ 1.0f, 2.0f, 3.0f, 4.0f }, 4);
    eo_tensor_free(&t);

    /* A declared blob without data. */
    eo_resource *res = eo_resource_create(f->ctx, "missing", NULL, 0, 4);
    assert_non_null(res);
    const eo_type *ty = eo_attr_type(eo_op_attr(c, "value"));
    const eo_attr *a = eo_attr_get_dense_resource(f->ctx, ty, res);
    assert_non_null(a);
    assert_int_equal(eo_tensor_from_attr(f->ctx, NULL, a, &t), EO_ERROR);
    assert_string_equal(f->msg, "dense_resource<missing> has no data");

    /* A blob of the wrong size cannot be run. */
    f->errors = 0;
    eo_tensor out[2];
    size_t nout = 2;
    assert_int_equal(eo_interp_run(fn, 0, NULL, &nout, out), EO_ERROR);
    assert_non_null(strstr(f->msg, "constant holds 0 bytes, its type "
                                   "needs 8"));
}

/* A quantized constant holds its storage values under the quant type's
 * dtype. */
static void
test_quant_constant(void **state)
{
    fixture *f = *state;
    eo_op *fn = parse_func(f,
        "func.func @main() -> tensor<2x!quant.uniform<u8:f32, 0.5:128>> {\n"
        "  %q = graph.constant dense<[1, -2]> : tensor<2xi8>\n"
        "      as tensor<2x!quant.uniform<u8:f32, 0.5:128>>\n"
        "  func.return %q : tensor<2x!quant.uniform<u8:f32, 0.5:128>>\n"
        "}\n");
    eo_tensor out[1];
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, 0, NULL, &nout, out), EO_OK);
    assert_int_equal(out[0].dtype, EO_DT_U8);
    assert_int_equal(((uint8_t *)out[0].data)[0], 1);
    assert_int_equal(((uint8_t *)out[0].data)[1], 254);
    const eo_type *qt = eo_value_type(eo_op_result(
        eo_block_first(eo_region_first(eo_op_region(fn, 0))), 0));
    const eo_attr *a = eo_tensor_to_attr(f->ctx, &out[0], qt);
    assert_non_null(a);
    assert_int_equal(eo_attr_dense_int(a, 1), -2);
    free_all(out, 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
        T(test_conv2d_nchw),
        T(test_conv2d_direct),
        T(test_conv2d_nhwc),
        T(test_conv2d_depthwise),
        T(test_conv2d_1x1),
        T(test_conv_transpose2d),
        T(test_matmul),
        T(test_gemm),
        T(test_max_pool),
        T(test_max_pool_u8),
        T(test_avg_pool),
        T(test_global_pools),
        T(test_nhwc_pools),
        T(test_activations),
        T(test_batch_norm),
        T(test_layer_norm),
        T(test_softmax),
        T(test_outputs_owned),
        T(test_bad_inputs),
        T(test_unsupported_op),
        T(test_dynamic_arg),
        T(test_interp_op),
        T(test_unverified),
        T(test_interp_op_storage),
        T(test_dtypes),
        T(test_from_attr),
        T(test_from_resource),
        T(test_quant_constant),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

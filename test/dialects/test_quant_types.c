/* test/dialects/test_quant_types.c - the quant dialect's types: building
 * !quant.uniform from parameters and reading them back, uniquing, the
 * printed spelling (mlir-opt 19's), parsing, and rejected parameters.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[512];
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
    if (!f->ctx || eo_quant_register(f->ctx) != EO_OK)
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

/* Prints 't' and compares with 'want'. */
static void
expect_spelling(const eo_type *t, const char *want)
{
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    assert_false(b.oom);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    eo_strbuf_free(&b);
}

static eo_quant_params
per_tensor(eo_ctx *ctx, bool is_signed, unsigned bits, const double *scale,
           const int64_t *zp)
{
    eo_quant_params p;
    memset(&p, 0, sizeof p);
    p.is_signed = is_signed;
    p.storage_bits = bits;
    p.storage_min = is_signed ? -(1ll << (bits - 1)) : 0;
    p.storage_max = is_signed ? (1ll << (bits - 1)) - 1 : (1ll << bits) - 1;
    p.expressed = eo_type_get_float(ctx, EO_F32);
    p.axis = -1;
    p.num_scales = 1;
    p.scales = scale;
    p.zero_points = zp;
    return p;
}

static void
test_per_tensor_roundtrip(void **state)
{
    fixture *f = *state;
    double s = 0.05;
    int64_t zp = -3;
    eo_quant_params p = per_tensor(f->ctx, true, 8, &s, &zp);
    const eo_type *t = eo_quant_get_uniform(f->ctx, &p);
    assert_non_null(t);
    assert_true(eo_type_is_quant(t));
    assert_ptr_equal(eo_quant_get_uniform(f->ctx, &p), t);   /* uniqued */
    expect_spelling(t, "!quant.uniform<i8:f32, 5.000000e-02:-3>");

    eo_quant_params q;
    assert_true(eo_quant_get_params(t, &q));
    assert_true(q.is_signed);
    assert_int_equal(q.storage_bits, 8);
    assert_int_equal(q.storage_min, -128);
    assert_int_equal(q.storage_max, 127);
    assert_ptr_equal(q.expressed, eo_type_get_float(f->ctx, EO_F32));
    assert_int_equal(q.axis, -1);
    assert_int_equal(q.num_scales, 1);
    assert_true(q.scales[0] == 0.05);
    assert_int_equal(q.zero_points[0], -3);
    assert_ptr_equal(eo_quant_storage_type(t), eo_type_get_int(f->ctx, 8));

    /* The text form parses back to the same type. */
    const char *txt = "!quant.uniform<i8:f32, 5.000000e-02:-3>";
    assert_ptr_equal(eo_type_parse(f->ctx, txt, strlen(txt)), t);
}

static void
test_unsigned_and_narrow(void **state)
{
    fixture *f = *state;
    double s = 0.1;
    int64_t zp = 128;
    eo_quant_params p = per_tensor(f->ctx, false, 8, &s, &zp);
    const eo_type *t = eo_quant_get_uniform(f->ctx, &p);
    assert_non_null(t);
    expect_spelling(t, "!quant.uniform<u8:f32, 1.000000e-01:128>");
    /* u8 and i8 storage share the signless i8 storage type. */
    assert_ptr_equal(eo_quant_storage_type(t), eo_type_get_int(f->ctx, 8));

    double s2 = 0.02;
    int64_t z0 = 0;
    eo_quant_params n = per_tensor(f->ctx, true, 8, &s2, &z0);
    n.storage_min = -127;
    const eo_type *tn = eo_quant_get_uniform(f->ctx, &n);
    assert_non_null(tn);
    expect_spelling(tn, "!quant.uniform<i8<-127:127>:f32, 2.000000e-02>");
    eo_quant_params q;
    assert_true(eo_quant_get_params(tn, &q));
    assert_int_equal(q.storage_min, -127);
    assert_int_equal(q.storage_max, 127);

    int64_t zp32 = 0;
    double s3 = 1e-3;
    eo_quant_params b = per_tensor(f->ctx, true, 32, &s3, &zp32);
    const eo_type *tb = eo_quant_get_uniform(f->ctx, &b);
    expect_spelling(tb, "!quant.uniform<i32:f32, 1.000000e-03>");
    assert_ptr_equal(eo_quant_storage_type(tb), eo_type_get_int(f->ctx, 32));
}

static void
test_per_axis(void **state)
{
    fixture *f = *state;
    double s[3] = {0.1, 0.2, 0.3};
    int64_t zp[3] = {0, 1, -1};
    eo_quant_params p = per_tensor(f->ctx, true, 8, s, zp);
    p.axis = 1;
    p.num_scales = 3;
    const eo_type *t = eo_quant_get_uniform(f->ctx, &p);
    assert_non_null(t);
    expect_spelling(t, "!quant.uniform<i8:f32:1, {1.000000e-01,"
                       "2.000000e-01:1,3.000000e-01:-1}>");
    eo_quant_params q;
    assert_true(eo_quant_get_params(t, &q));
    assert_int_equal(q.axis, 1);
    assert_int_equal(q.num_scales, 3);
    for (int i = 0; i < 3; i++) {
        assert_true(q.scales[i] == s[i]);
        assert_int_equal(q.zero_points[i], zp[i]);
    }
    const char *txt = "!quant.uniform<i8:f32:1, {0.1, 0.2:1, 0.3:-1}>";
    assert_ptr_equal(eo_type_parse(f->ctx, txt, strlen(txt)), t);
    /* Per axis with one scale stays per axis. */
    p.num_scales = 1;
    p.axis = 0;
    expect_spelling(eo_quant_get_uniform(f->ctx, &p),
                    "!quant.uniform<i8:f32:0, {1.000000e-01}>");
}

static void
test_invalid_params(void **state)
{
    fixture *f = *state;
    double s = 0.5, two[2] = {0.5, 0.25};
    int64_t zp = 0, zps[2] = {0, 0};
    eo_quant_params p = per_tensor(f->ctx, true, 8, &s, &zp);
    assert_non_null(eo_quant_get_uniform(f->ctx, &p));

    eo_quant_params b = p;
    b.storage_bits = 0;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.storage_bits = 33;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.storage_min = 5;
    b.storage_max = 5;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.storage_max = 128;                /* beyond i8 */
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.expressed = eo_type_get_int(f->ctx, 32);
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.axis = -2;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.num_scales = 2;                   /* axis -1 with two scales */
    b.scales = two;
    b.zero_points = zps;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    b = p;
    b.num_scales = 0;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    double bad[] = {0.0, -1.0, INFINITY, NAN};
    for (size_t i = 0; i < 4; i++) {
        b = p;
        b.scales = &bad[i];
        assert_null(eo_quant_get_uniform(f->ctx, &b));
    }
    int64_t far = 128;
    b = p;
    b.zero_points = &far;
    assert_null(eo_quant_get_uniform(f->ctx, &b));
    assert_null(eo_quant_get_uniform(f->ctx, NULL));
    assert_int_equal(f->errors, 0);     /* no diagnostics: just NULL */
}

static void
test_not_quant(void **state)
{
    fixture *f = *state;
    const eo_type *f32 = eo_type_get_float(f->ctx, EO_F32);
    eo_quant_params q;
    assert_false(eo_type_is_quant(f32));
    assert_false(eo_type_is_quant(NULL));
    assert_false(eo_quant_get_params(f32, &q));
    assert_ptr_equal(eo_quant_storage_type(f32), f32);
    /* A hand-built !quant.uniform with other parameters is not one. */
    const eo_attr *one = eo_attr_get_int(f->ctx, eo_type_get_int(f->ctx, 64),
                                         1);
    const eo_type *odd = eo_type_get_dialect(
        f->ctx, eo_ident_cstr(f->ctx, "quant"),
        eo_ident_cstr(f->ctx, "uniform"), 1, &one);
    assert_non_null(odd);
    assert_false(eo_type_is_quant(odd));
    assert_false(eo_quant_get_params(odd, &q));
    assert_ptr_equal(eo_quant_storage_type(odd), odd);
    expect_spelling(odd, "!quant.uniform<1 : i64>");
    /* Registering twice is a no-op; graph registers quant too. */
    assert_int_equal(eo_quant_register(f->ctx), EO_OK);
    assert_int_equal(eo_register_all_dialects(f->ctx), EO_OK);
}

/* Parses 'txt' expecting failure with 'msg'. */
static void
expect_parse_error(fixture *f, const char *txt, const char *msg)
{
    f->errors = 0;
    f->msg[0] = '\0';
    assert_null(eo_type_parse(f->ctx, txt, strlen(txt)));
    assert_true(f->errors >= 1);
    assert_string_equal(f->msg, msg);
}

static void
test_parse_errors(void **state)
{
    fixture *f = *state;
    expect_parse_error(f, "!quant.uniform<i8:f32, 0.0>",
                       "illegal scale: 0.000000e+00");
    expect_parse_error(f, "!quant.uniform<i8<-129:127>:f32, 0.5>",
                       "illegal storage type minimum: -129");
    expect_parse_error(f, "!quant.uniform<i8<1:300>:f32, 0.5>",
                       "illegal storage type maximum: 300");
    expect_parse_error(f, "!quant.uniform<i8<9:9>:f32, 0.5>",
                       "illegal storage min and storage max: (9:9)");
    expect_parse_error(f, "!quant.uniform<x8:f32, 0.5>",
                       "illegal storage type prefix");
    expect_parse_error(f, "!quant.uniform<i40:f32, 0.5>",
                       "illegal storage type size: 40");
    expect_parse_error(f, "!quant.uniform<i8:i8, 0.5>",
                       "invalid kind of type specified");
    expect_parse_error(f, "!quant.any<i8:f32>",
                       "unknown quantized type any");
    expect_parse_error(f, "!quant.uniform<i8:f32, 0.5:300>",
                       "illegal zero point: 300 (outside the storage range "
                       "[-128:127])");
    expect_parse_error(f, "!quant.uniform<u8:f32, 1:128>",
                       "unexpected decimal integer literal for a floating "
                       "point value");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_per_tensor_roundtrip), T(test_unsigned_and_narrow),
        T(test_per_axis), T(test_invalid_params), T(test_not_quant),
        T(test_parse_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

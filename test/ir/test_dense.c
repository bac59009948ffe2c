/* test/ir/test_dense.c - dense elements: construction, splat detection,
 * element access, literal forms and their diagnostics (expected spellings
 * from mlir-opt 19). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
setup(void **state)
{
    *state = eo_ctx_create(NULL);
    return *state ? 0 : -1;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static void
count_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (*(int *)ud)++;
}

static void
check_print(const eo_attr *a, const char *want)
{
    assert_non_null(a);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(b.data, want);
    eo_strbuf_free(&b);
}

static const eo_attr *
parse(eo_ctx *ctx, const char *s)
{
    return eo_attr_parse(ctx, s, strlen(s));
}

static void
check_roundtrip(eo_ctx *ctx, const char *text, const char *want)
{
    const eo_attr *a = parse(ctx, text);
    if (!a)
        fail_msg("failed to parse: %s", text);
    check_print(a, want ? want : text);
}

static void
check_error(eo_ctx *ctx, const char *text)
{
    int n = 0;
    eo_ctx_set_diag_handler(ctx, count_diag, &n);
    assert_null(parse(ctx, text));
    assert_int_equal(n, 1);
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
}

static const eo_type *
tensor1(eo_ctx *ctx, int64_t n, const eo_type *elem)
{
    return eo_type_get_tensor(ctx, 1, &n, elem, NULL);
}

static void
equal_elements_become_a_splat(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *t = tensor1(ctx, 4, eo_type_get_int(ctx, 32));
    int32_t same[4] = {7, 7, 7, 7};
    int32_t one = 7;
    const eo_attr *a = eo_attr_get_dense(ctx, t, same, sizeof same, false);
    assert_true(eo_attr_dense_is_splat(a));
    assert_ptr_equal(a, eo_attr_get_dense(ctx, t, &one, 4, true));
    size_t size;
    eo_attr_dense_data(a, &size);
    assert_int_equal(size, 4);
    assert_int_equal(eo_attr_dense_int(a, 3), 7);
    check_print(a, "dense<7> : tensor<4xi32>");
    int32_t diff[4] = {1, 2, 3, -4};
    const eo_attr *b = eo_attr_get_dense(ctx, t, diff, sizeof diff, false);
    assert_false(eo_attr_dense_is_splat(b));
    assert_int_equal(eo_attr_dense_int(b, 3), -4);
    check_print(b, "dense<[1, 2, 3, -4]> : tensor<4xi32>");
    /* Wrong sizes are rejected. */
    assert_null(eo_attr_get_dense(ctx, t, diff, 12, false));
    assert_null(eo_attr_get_dense(ctx, t, diff, 8, true));
    assert_true(eo_attr_is_zero(eo_attr_get_dense(
        ctx, t, (int32_t[4]){0, 0, 0, 0}, 16, false)));
}

static void
dense_element_kinds_print_as_mlir(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    float fv[2] = {1.5f, 2.0f};
    const eo_attr *f = eo_attr_get_dense(ctx, tensor1(ctx, 2, f32), fv, 8,
                                         false);
    assert_true(eo_attr_dense_float(f, 1) == 2.0);
    check_print(f, "dense<[1.500000e+00, 2.000000e+00]> : tensor<2xf32>");
    unsigned char bools[3] = {1, 0, 1};
    check_print(eo_attr_get_dense(ctx, tensor1(ctx, 3,
                                               eo_type_get_int(ctx, 1)),
                                  bools, 3, false),
                "dense<[true, false, true]> : tensor<3xi1>");
    float cv[4] = {1, 2, 3, 4};
    check_print(eo_attr_get_dense(ctx,
                                  tensor1(ctx, 2,
                                          eo_type_get_complex(ctx, f32)),
                                  cv, 16, false),
                "dense<[(1.000000e+00,2.000000e+00), "
                "(3.000000e+00,4.000000e+00)]> : tensor<2xcomplex<f32>>");
    int64_t shape[2] = {2, 2};
    int8_t m[4] = {1, 2, 3, 4};
    check_print(eo_attr_get_dense(ctx,
                                  eo_type_get_tensor(ctx, 2, shape,
                                                     eo_type_get_int(ctx, 8),
                                                     NULL),
                                  m, 4, false),
                "dense<[[1, 2], [3, 4]]> : tensor<2x2xi8>");
    check_print(eo_attr_get_dense(ctx, tensor1(ctx, 0, f32), NULL, 0, false),
                "dense<> : tensor<0xf32>");
    check_print(eo_attr_get_dense(ctx,
                                  eo_type_get_tensor(ctx, 0, NULL, f32, NULL),
                                  fv, 4, false),
                "dense<1.500000e+00> : tensor<f32>");
}

static void
large_dense_prints_as_hex(void **state)
{
    eo_ctx *ctx = *state;
    /* mlir-opt prints non-splat data of more than 100 elements in hex. */
    int32_t v[101];
    for (int i = 0; i < 101; i++)
        v[i] = i;
    const eo_attr *a = eo_attr_get_dense(
        ctx, tensor1(ctx, 101, eo_type_get_int(ctx, 32)), v, sizeof v, false);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    eo_strbuf_append(&b, "", 1);
    assert_memory_equal(b.data, "dense<\"0x0000000001000000", 24);
    /* And it parses back to the same attribute. */
    assert_ptr_equal(eo_attr_parse(ctx, b.data, b.len - 1), a);
    eo_strbuf_free(&b);
    /* 100 elements stay decimal. */
    a = eo_attr_get_dense(ctx, tensor1(ctx, 100, eo_type_get_int(ctx, 32)),
                          v, 400, false);
    eo_attr_print(a, &b);
    assert_memory_equal(b.data, "dense<[0, 1, 2", 14);
    eo_strbuf_free(&b);
    /* i1 is bit-packed in hex, as MLIR's raw form. */
    unsigned char bits[1025];
    for (int i = 0; i < 1025; i++)
        bits[i] = !(i % 2);
    a = eo_attr_get_dense(ctx, tensor1(ctx, 1025, eo_type_get_int(ctx, 1)),
                          bits, sizeof bits, false);
    eo_attr_print(a, &b);
    eo_strbuf_append(&b, "", 1);
    assert_memory_equal(b.data, "dense<\"0x5555", 13);
    assert_non_null(strstr(b.data, "5501\"> : tensor<1025xi1>"));
    assert_ptr_equal(eo_attr_parse(ctx, b.data, b.len - 1), a);
    eo_strbuf_free(&b);
}

static void
dense_literals_round_trip(void **state)
{
    eo_ctx *ctx = *state;
    check_roundtrip(ctx, "dense<[1, 1]> : tensor<2xi32>",
                    "dense<1> : tensor<2xi32>");
    check_roundtrip(ctx, "dense<[[1,2],[3,4]]> : tensor<2x2xi32>",
                    "dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>");
    check_roundtrip(ctx, "dense<(1, 2)> : tensor<complex<i32>>",
                    "dense<(1,2)> : tensor<complex<i32>>");
    check_roundtrip(ctx, "dense<[true, false]> : tensor<2xi1>", NULL);
    check_roundtrip(ctx, "dense<5> : vector<2x3xi32>", NULL);
    check_roundtrip(ctx, "dense<1> : memref<2xi32>", NULL);
    check_roundtrip(ctx, "dense<[]> : tensor<0xf32>",
                    "dense<> : tensor<0xf32>");
    check_roundtrip(ctx, "dense<[[]]> : tensor<1x0xf32>",
                    "dense<> : tensor<1x0xf32>");
    check_roundtrip(ctx, "dense<> : tensor<1x0xf32>", NULL);
    check_roundtrip(ctx, "dense<\"0x0000803F\"> : tensor<f32>",
                    "dense<1.000000e+00> : tensor<f32>");
    check_roundtrip(ctx, "dense<\"0xFFFF\"> : tensor<2xi8>",
                    "dense<-1> : tensor<2xi8>");
    check_roundtrip(ctx, "dense<\"0x01000000\"> : tensor<4xi32>",
                    "dense<1> : tensor<4xi32>");
    check_roundtrip(ctx, "dense<\"0x00003C00\"> : tensor<2xf16>",
                    "dense<[0.000000e+00, 3.576280e-06]> : tensor<2xf16>");
    check_roundtrip(ctx, "dense<\"0x03\"> : tensor<2xi1>",
                    "dense<true> : tensor<2xi1>");
    check_roundtrip(ctx, "dense<\"0x02\"> : tensor<2xi1>",
                    "dense<[false, true]> : tensor<2xi1>");
    check_roundtrip(ctx, "dense<\"0xFF\"> : tensor<16xi1>",
                    "dense<true> : tensor<16xi1>");
    check_roundtrip(ctx, "dense<[0x7FC00000, 1.0]> : tensor<2xf32>",
                    "dense<[0x7FC00000, 1.000000e+00]> : tensor<2xf32>");
    check_roundtrip(ctx, "dense<[1, 255]> : tensor<2xui8>", NULL);
    check_roundtrip(ctx, "dense<[1, -2]> : tensor<2xindex>", NULL);
    check_roundtrip(ctx, "dense<[1, -2]> : tensor<2xi128>", NULL);
    /* A splat literal of a huge shape never allocates the shape. */
    check_roundtrip(ctx, "dense<\"0x01\"> : tensor<1000000000xi8>",
                    "dense<1> : tensor<1000000000xi8>");
    check_roundtrip(ctx, "dense<2.5> : tensor<1000000000xf32>",
                    "dense<2.500000e+00> : tensor<1000000000xf32>");
}

static void
bad_dense_literals_are_diagnosed(void **state)
{
    eo_ctx *ctx = *state;
    check_error(ctx, "dense<[1, 2]> : tensor<3xi32>");
    check_error(ctx, "dense<[[1, 2], [3]]> : tensor<2x2xi32>");
    check_error(ctx, "dense<[1, 2]> : tensor<2x2xi32>");
    check_error(ctx, "dense<300> : tensor<2xi8>");
    check_error(ctx, "dense<1.5> : tensor<2xi32>");
    check_error(ctx, "dense<1> : tensor<2xf32>");
    check_error(ctx, "dense<true> : tensor<2xi32>");
    check_error(ctx, "dense<1> : tensor<?xi32>");
    check_error(ctx, "dense<[-0x7FC00000]> : tensor<1xf32>");
    check_error(ctx, "dense<[1]> : tensor<1x1xi32>");
    check_error(ctx, "dense<-1> : tensor<2xui8>");
    check_error(ctx, "dense<\"0x0101\"> : tensor<2xi1>");
    check_error(ctx, "dense<\"0x01\"> : tensor<16xi1>");
    check_error(ctx, "dense<\"0x0100000002000000\"> : tensor<4xi32>");
    check_error(ctx, "dense<\"0x012\"> : tensor<1xi8>");
    check_error(ctx, "dense<\"0xZZ\"> : tensor<1xi8>");
    check_error(ctx, "dense<\"str\"> : tensor<2xi8>");
    check_error(ctx, "dense<1> : i32");
    check_error(ctx, "dense<> : tensor<2xi32>");
    check_error(ctx, "dense<1>");
    /* Hex shorter than a 2 GB type: a diagnostic, no allocation. */
    check_error(ctx, "dense<\"0x0102\"> : tensor<1000000000xi8>");
    check_error(ctx, "dense<(1, 2)> : tensor<2xi32>");
    check_error(ctx, "dense<[1, 2]> : tensor<complex<i32>>");
}

static void
dense_arrays_access_their_elements(void **state)
{
    eo_ctx *ctx = *state;
    const eo_attr *a = parse(ctx, "array<i8: -1, 2>");
    assert_non_null(a);
    assert_int_equal(eo_attr_get_kind(a), EO_ATTR_DENSE_ARRAY);
    assert_ptr_equal(eo_attr_dense_array_elem(a), eo_type_get_int(ctx, 8));
    assert_int_equal(eo_attr_dense_array_int(a, 0), -1);
    assert_null(eo_attr_type(a));
    a = parse(ctx, "array<f64: 0.5, -2.0>");
    assert_true(eo_attr_dense_array_float(a, 1) == -2.0);
    check_print(a, "array<f64: 5.000000e-01, -2.000000e+00>");
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(equal_elements_become_a_splat, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(dense_element_kinds_print_as_mlir,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(large_dense_prints_as_hex, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(dense_literals_round_trip, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bad_dense_literals_are_diagnosed,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(dense_arrays_access_their_elements,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

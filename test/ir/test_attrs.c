/* test/ir/test_attrs.c - attribute uniquing, constructors, accessors,
 * float formats and MLIR's spellings (expected strings are mlir-opt 19's
 * output for the same attributes). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <math.h>
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
quiet(const eo_diag *d, void *ud)
{
    (void)d;
    (*(int *)ud)++;
}

/* Prints 'a' and compares with 'want'. */
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

/* Parses 'text', prints it, compares with 'want' (NULL: same text). */
static void
check_roundtrip(eo_ctx *ctx, const char *text, const char *want)
{
    const eo_attr *a = eo_attr_parse(ctx, text, strlen(text));
    if (!a)
        fail_msg("failed to parse: %s", text);
    check_print(a, want ? want : text);
    /* And the printed form parses back to the same attribute. */
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    assert_ptr_equal(eo_attr_parse(ctx, b.data, b.len), a);
    eo_strbuf_free(&b);
}

static void
check_parse_error(eo_ctx *ctx, const char *text)
{
    int errors = 0;
    eo_ctx_set_diag_handler(ctx, quiet, &errors);
    assert_null(eo_attr_parse(ctx, text, strlen(text)));
    assert_true(errors > 0);
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
}

static void
integers_are_uniqued_and_truncated(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *i8 = eo_type_get_int(ctx, 8);
    const eo_type *u8 = eo_type_get_int_signed(ctx, 8, EO_UNSIGNED);
    assert_ptr_equal(eo_attr_get_int(ctx, i32, 42),
                     eo_attr_get_int(ctx, i32, 42));
    assert_ptr_not_equal(eo_attr_get_int(ctx, i32, 42),
                         eo_attr_get_int(ctx, i8, 42));
    const eo_attr *a = eo_attr_get_int(ctx, i8, 255);
    assert_ptr_equal(a, eo_attr_get_int(ctx, i8, -1));
    assert_int_equal(eo_attr_int_value(a), -1);
    assert_int_equal(eo_attr_int_uvalue(a), 255);
    assert_int_equal(eo_attr_int_value(eo_attr_get_int(ctx, u8, -1)), 255);
    assert_int_equal(eo_attr_get_kind(a), EO_ATTR_INTEGER);
    assert_ptr_equal(eo_attr_type(a), i8);
    assert_ptr_equal(eo_attr_ctx(a), ctx);
    check_print(a, "-1 : i8");
    check_print(eo_attr_get_int(ctx, u8, 255), "255 : ui8");
    check_print(eo_attr_get_int(ctx, eo_type_get_index(ctx), 1),
                "1 : index");
}

static void
wide_integers_keep_every_word(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *i128 = eo_type_get_int(ctx, 128);
    const eo_type *u128 = eo_type_get_int_signed(ctx, 128, EO_UNSIGNED);
    const eo_attr *m1 = eo_attr_get_int(ctx, i128, -1);
    assert_int_equal(eo_attr_int_num_words(m1), 2);
    assert_int_equal(eo_attr_int_words(m1)[1], UINT64_MAX);
    check_print(m1, "-1 : i128");
    uint64_t w[2] = {UINT64_MAX, UINT64_MAX};
    check_print(eo_attr_get_int_words(ctx, u128, 2, w),
                "340282366920938463463374607431768211455 : ui128");
    const eo_type *i65 = eo_type_get_int(ctx, 65);
    uint64_t w3[3] = {1, 3, 7};
    const eo_attr *t = eo_attr_get_int_words(ctx, i65, 3, w3);
    assert_int_equal(eo_attr_int_num_words(t), 2);
    assert_int_equal(eo_attr_int_words(t)[1], 1);
}

static void
bools_are_i1_integers(void **state)
{
    eo_ctx *ctx = *state;
    const eo_attr *t = eo_attr_get_bool(ctx, true);
    assert_true(eo_attr_is_bool(t));
    assert_ptr_equal(t, eo_attr_get_int(ctx, eo_type_get_int(ctx, 1), 1));
    assert_ptr_equal(eo_attr_get_bool(ctx, false),
                     eo_attr_get_int(ctx, eo_type_get_int(ctx, 1), 2));
    check_print(t, "true");
    check_print(eo_attr_get_bool(ctx, false), "false");
    assert_true(eo_attr_is_zero(eo_attr_get_bool(ctx, false)));
}

static void
floats_round_to_their_format(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *f16 = eo_type_get_float(ctx, EO_F16);
    const eo_type *bf16 = eo_type_get_float(ctx, EO_BF16);
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const eo_type *f64 = eo_type_get_float(ctx, EO_F64);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, f16, 1.0)),
                     0x3C00);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, f16, 65504.0)),
                     0x7BFF);
    /* Overflow to infinity, denormals, ties to even. */
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, f16, 1e6)),
                     0x7C00);
    assert_int_equal(
        eo_attr_float_bits(eo_attr_get_float(ctx, f16, ldexp(1, -24))), 1);
    assert_int_equal(
        eo_attr_float_bits(eo_attr_get_float(ctx, f16, 1 + ldexp(1, -11))),
        0x3C00);
    assert_int_equal(
        eo_attr_float_bits(eo_attr_get_float(ctx, f16, 1 + 3 * ldexp(1, -11))),
        0x3C02);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, bf16, 1.5)),
                     0x3FC0);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, f32, NAN)),
                     0x7FC00000);
    assert_int_equal(
        eo_attr_float_bits(eo_attr_get_float(ctx, f32, -INFINITY)),
        0xFF800000);
    assert_true(eo_attr_float_value(eo_attr_get_float(ctx, f32, 0.1)) ==
                (double)0.1f);
    assert_true(eo_attr_float_value(eo_attr_get_float_bits(ctx, f16, 1)) ==
                ldexp(1, -24));
    assert_ptr_equal(eo_attr_get_float(ctx, f64, 2.5),
                     eo_attr_get_float_bits(ctx, f64, 0x4004000000000000ull));
    assert_true(eo_attr_is_zero(eo_attr_get_float(ctx, f64, 0.0)));
    assert_false(eo_attr_is_zero(eo_attr_get_float(ctx, f64, -0.0)));
    const eo_type *e4 = eo_type_get_float(ctx, EO_F8E4M3FN);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, 448.0)),
                     0x7E);
    assert_int_equal(eo_attr_float_bits(eo_attr_get_float(ctx, e4, 1e9)),
                     0x7F);
    const eo_type *f80 = eo_type_get_float(ctx, EO_F80);
    assert_true(eo_attr_float_value(eo_attr_get_float(ctx, f80, 1.5)) == 1.5);
    const eo_type *f128 = eo_type_get_float(ctx, EO_F128);
    assert_true(eo_attr_float_value(eo_attr_get_float(ctx, f128, -0.1)) ==
                -0.1);
}

/* Each pair: bits in the format, then mlir-opt's spelling. */
static void
floats_print_as_mlir_does(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *f16 = eo_type_get_float(ctx, EO_F16);
    const eo_type *bf16 = eo_type_get_float(ctx, EO_BF16);
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const eo_type *f64 = eo_type_get_float(ctx, EO_F64);
    check_print(eo_attr_get_float(ctx, f64, 1.0), "1.000000e+00 : f64");
    check_print(eo_attr_get_float(ctx, f64, 0.1), "1.000000e-01 : f64");
    check_print(eo_attr_get_float(ctx, f64, -125.1085),
                "-125.10850000000001 : f64");
    check_print(eo_attr_get_float(ctx, f64, 1.23456789e-300),
                "1.23456789E-300 : f64");
    check_print(eo_attr_get_float(ctx, f64, 123456789.0),
                "0x419D6F3454000000 : f64");
    check_print(eo_attr_get_float(ctx, f64, -0.0), "-0.000000e+00 : f64");
    check_print(eo_attr_get_float(ctx, f64, INFINITY),
                "0x7FF0000000000000 : f64");
    check_print(eo_attr_get_float(ctx, f32, 1.5), "1.500000e+00 : f32");
    check_print(eo_attr_get_float_bits(ctx, f32, 0x7FC00000),
                "0x7FC00000 : f32");
    check_print(eo_attr_get_float_bits(ctx, f32, 1), "1.401300e-45 : f32");
    check_print(eo_attr_get_float(ctx, f16, 3.0e-5), "2.998110e-05 : f16");
    check_print(eo_attr_get_float_bits(ctx, f16, 1), "5.960460e-08 : f16");
    check_print(eo_attr_get_float(ctx, f16, 1e6), "0x7C00 : f16");
    check_print(eo_attr_get_float(ctx, bf16, 1.5), "1.500000e+00 : bf16");
    check_print(eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F8E4M3FN),
                                  0.1),
                "1.015630e-01 : f8E4M3FN");
    check_print(eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F128), 0.1),
                "0.100000000000000005551115123125782702 : f128");
    check_print(eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F80), 1.5),
                "1.500000e+00 : f80");
}

static void
strings_arrays_and_dicts(void **state)
{
    eo_ctx *ctx = *state;
    const eo_attr *s = eo_attr_get_string(ctx, "hi\n\"x\"", 6, NULL);
    assert_ptr_equal(s, eo_attr_get_string(ctx, "hi\n\"x\"", 6, NULL));
    size_t len;
    assert_memory_equal(eo_attr_string(s, &len), "hi\n\"x\"", 6);
    assert_int_equal(len, 6);
    check_print(s, "\"hi\\0A\\22x\\22\"");
    check_print(eo_attr_get_string(ctx, "s", 1, eo_type_get_int(ctx, 32)),
                "\"s\" : i32");

    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_attr *el[3] = {eo_attr_get_int(ctx, i64, 1),
                            eo_attr_get_int(ctx, i32, 2),
                            eo_attr_get_float(ctx,
                                              eo_type_get_float(ctx, EO_F64),
                                              3.0)};
    const eo_attr *arr = eo_attr_get_array(ctx, 3, el);
    assert_int_equal(eo_attr_array_size(arr), 3);
    assert_ptr_equal(eo_attr_array_at(arr, 1), el[1]);
    assert_null(eo_attr_array_at(arr, 3));
    check_print(arr, "[1, 2 : i32, 3.000000e+00]");
    check_print(eo_attr_get_array(ctx, 0, NULL), "[]");

    eo_named_attr na[3] = {
        {eo_ident_cstr(ctx, "b"), eo_attr_get_unit(ctx)},
        {eo_ident_cstr(ctx, "a b"), el[0]},
        {eo_ident_cstr(ctx, "a"), el[1]},
    };
    const eo_attr *d = eo_attr_get_dict(ctx, 3, na);
    assert_int_equal(eo_attr_dict_size(d), 3);
    assert_string_equal(eo_ident_str(eo_attr_dict_at(d, 0)->name), "a");
    assert_string_equal(eo_ident_str(eo_attr_dict_at(d, 1)->name), "a b");
    assert_ptr_equal(eo_attr_dict_get(d, "a b"), el[0]);
    assert_null(eo_attr_dict_get(d, "c"));
    check_print(d, "{a = 2 : i32, \"a b\" = 1 : i64, b}");
    /* Order of the input does not matter; duplicates are rejected. */
    eo_named_attr rev[3] = {na[2], na[0], na[1]};
    assert_ptr_equal(eo_attr_get_dict(ctx, 3, rev), d);
    eo_named_attr dup[2] = {na[0], na[0]};
    assert_null(eo_attr_get_dict(ctx, 2, dup));
    check_print(eo_attr_get_dict(ctx, 0, NULL), "{}");
}

static void
symbols_types_and_layouts(void **state)
{
    eo_ctx *ctx = *state;
    const eo_ident *n[2] = {eo_ident_cstr(ctx, "c.d"),
                            eo_ident_cstr(ctx, "x y")};
    const eo_attr *s = eo_attr_get_symbol_ref(ctx, eo_ident_cstr(ctx, "a-b"),
                                              2, n);
    assert_int_equal(eo_attr_symbol_num_nested(s), 2);
    assert_ptr_equal(eo_attr_symbol_nested(s, 1), n[1]);
    check_print(s, "@\"a-b\"::@c.d::@\"x y\"");
    check_print(eo_attr_get_unit(ctx), "unit");
    const eo_attr *t = eo_attr_get_type(ctx, eo_type_get_int(ctx, 32));
    assert_ptr_equal(eo_attr_type_value(t), eo_type_get_int(ctx, 32));
    check_print(t, "i32");
    int64_t st[2] = {EO_DYNAMIC, 1};
    check_print(eo_attr_get_strided(ctx, 2, st, EO_DYNAMIC),
                "strided<[?, 1], offset: ?>");
    check_print(eo_attr_get_strided(ctx, 1, st + 1, 0), "strided<[1]>");
    assert_int_equal(eo_attr_strided_offset(
                         eo_attr_get_strided(ctx, 2, st, 5)), 5);
    int32_t v[2] = {1, 2};
    const eo_attr *da = eo_attr_get_dense_array(ctx, eo_type_get_int(ctx, 32),
                                                2, v);
    assert_int_equal(eo_attr_dense_array_size(da), 2);
    assert_int_equal(eo_attr_dense_array_int(da, 1), 2);
    check_print(da, "array<i32: 1, 2>");
    check_print(eo_attr_get_dense_array(ctx, eo_type_get_int(ctx, 64), 0,
                                        NULL),
                "array<i64>");
    double fv[2] = {1.0, 0.1};
    check_print(eo_attr_get_dense_array(ctx, eo_type_get_float(ctx, EO_F64),
                                        2, fv),
                "array<f64: 1.000000e+00, 1.000000e-01>");
    const eo_attr *op = eo_attr_get_opaque(ctx, eo_ident_cstr(ctx, "foo"),
                                           "\"body\"", 6, NULL);
    check_print(op, "#foo<\"body\">");
    check_print(eo_attr_get_opaque(ctx, eo_ident_cstr(ctx, "foo"),
                                   "bar<1, 2>", 9, NULL),
                "#foo.bar<1, 2>");
    check_print(eo_attr_get_location(ctx, eo_loc_unknown(ctx)),
                "loc(unknown)");
}

static void
attributes_round_trip_through_text(void **state)
{
    eo_ctx *ctx = *state;
    check_roundtrip(ctx, "42 : i32", NULL);
    check_roundtrip(ctx, "42", "42 : i64");
    check_roundtrip(ctx, "0x10 : i8", "16 : i8");
    check_roundtrip(ctx, "255 : i8", "-1 : i8");
    check_roundtrip(ctx, "-128 : si8", NULL);
    check_roundtrip(ctx, "18446744073709551615 : ui64", NULL);
    check_roundtrip(ctx, "-9223372036854775808 : i64", NULL);
    check_roundtrip(ctx, "340282366920938463463374607431768211455 : ui128",
                    NULL);
    check_roundtrip(ctx, "-1 : i128", NULL);
    check_roundtrip(ctx, "0 : i0", NULL);
    check_roundtrip(ctx, "-1 : i1", "true");
    check_roundtrip(ctx, "1.0", "1.000000e+00 : f64");
    check_roundtrip(ctx, "-125.1085", "-125.10850000000001 : f64");
    check_roundtrip(ctx, "0x7FC00000 : f32", NULL);
    check_roundtrip(ctx, "1.0e400", "0x7FF0000000000000 : f64");
    check_roundtrip(ctx, "100000.0 : f16", "0x7C00 : f16");
    check_roundtrip(ctx, "0x3FFF8000000000000000 : f80",
                    "1.000000e+00 : f80");
    check_roundtrip(ctx, "0.1 : f128",
                    "0.100000000000000005551115123125782702 : f128");
    check_roundtrip(ctx, "true", NULL);
    check_roundtrip(ctx, "\"a\\n\\\"\"", "\"a\\0A\\22\"");
    check_roundtrip(ctx, "\"s\" : i32", NULL);
    check_roundtrip(ctx, "[1.0, 2 : i32, 3, [4, 5.0 : f32], true, {k = 2}]",
                    "[1.000000e+00, 2 : i32, 3, [4, 5.000000e+00 : f32], "
                    "true, {k = 2 : i64}]");
    check_roundtrip(ctx, "{b, \"a b\" = 1, a = unit}",
                    "{a, \"a b\" = 1 : i64, b}");
    check_roundtrip(ctx, "unit", NULL);
    check_roundtrip(ctx, "@a::@b", NULL);
    check_roundtrip(ctx, "@\"a\"", "@a");
    check_roundtrip(ctx, "@\"quoted name\"", NULL);
    check_roundtrip(ctx, "i32", NULL);
    check_roundtrip(ctx, "tensor<2xf32>", NULL);
    check_roundtrip(ctx, "(i32) -> i32", NULL);
    check_roundtrip(ctx, "array<i32: 1, 2>", NULL);
    check_roundtrip(ctx, "array<f32: 1.0, 2.5>",
                    "array<f32: 1.000000e+00, 2.500000e+00>");
    check_roundtrip(ctx, "array<i64>", NULL);
    check_roundtrip(ctx, "strided<[?, 1], offset: ?>", NULL);
    check_roundtrip(ctx, "strided<[1], offset: 0>", "strided<[1]>");
    check_roundtrip(ctx, "strided<[]>", NULL);
    check_roundtrip(ctx, "affine_map<(d0)[s0] -> (d0 + s0)>", NULL);
    check_roundtrip(ctx, "affine_set<(d0) : (d0 >= 0)>", NULL);
    check_roundtrip(ctx, "loc(\"x\":1:2)", NULL);
    check_roundtrip(ctx, "#foo<\"body\">", NULL);
    check_roundtrip(ctx, "#foo<bar>", "#foo.bar");
    check_roundtrip(ctx, "#foo.bar<1, [2, (3)]>", NULL);
    check_roundtrip(ctx, "#foo<\"x\"> : i32", NULL);
    check_roundtrip(ctx, "dense<[1, 1]> : tensor<2xi32>",
                    "dense<1> : tensor<2xi32>");
}

static void
bad_attributes_are_diagnosed(void **state)
{
    eo_ctx *ctx = *state;
    check_parse_error(ctx, "-0 : i32");
    check_parse_error(ctx, "-1 : ui8");
    check_parse_error(ctx, "128 : si8");
    check_parse_error(ctx, "1 : i0");
    check_parse_error(ctx, "2 : i1");
    check_parse_error(ctx, "0x100 : i8");
    check_parse_error(ctx, "9223372036854775808 : index");
    check_parse_error(ctx, "-9223372036854775809");
    check_parse_error(ctx, "0xFFFFFFFFFFFFFFFFF : i64");
    check_parse_error(ctx,
                      "123456789012345678901234567890123456789012345 : i64");
    check_parse_error(ctx, "1.5 : i32");
    check_parse_error(ctx, "1 : f32");
    check_parse_error(ctx, "0x100000000 : f32");
    check_parse_error(ctx, "-0x7FC00000 : f32");
    check_parse_error(ctx, "{a = 1, a = 2}");
    check_parse_error(ctx, "{\"\" = 1}");
    check_parse_error(ctx, "[1, 2");
    check_parse_error(ctx, "#undefined_alias");
    check_parse_error(ctx, "array<i64: 1.0>");
    check_parse_error(ctx, "array<f32: 1>");
    check_parse_error(ctx, "array<index: 1>");
    check_parse_error(ctx, "strided<[0]>");
    check_parse_error(ctx, "@");
    check_parse_error(ctx, "42 : i32 extra");
    check_parse_error(ctx, "#foo.bar<1");
    /* Deep nesting is an error, not a stack overflow. */
    size_t depth = 5000;
    char *deep = malloc(2 * depth + 1);
    assert_non_null(deep);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    deep[2 * depth] = '\0';
    check_parse_error(ctx, deep);
    free(deep);
}


/* A dialect with its own attribute syntax: #tst.pair<a, b>. */
static const eo_attr *
tst_parse_attr(eo_parser *p, const eo_type *type)
{
    (void)type;
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_ident *mn;
    const eo_attr *params[2];
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "pair") != 0) {
        eo_parser_error(p, "unknown tst attribute '%s'", eo_ident_str(mn));
        return NULL;
    }
    if (eo_parse_punct(p, "<") != EO_OK ||
        eo_parse_attr(p, NULL, &params[0]) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK ||
        eo_parse_attr(p, NULL, &params[1]) != EO_OK ||
        eo_parse_punct(p, ">") != EO_OK)
        return NULL;
    return eo_attr_get_dialect(ctx, eo_ident_cstr(ctx, "tst"), mn, 2, params);
}

static void
tst_print_attr(eo_printer *p, const eo_attr *a)
{
    eo_print_str(p, eo_ident_str(eo_attr_mnemonic(a)));
    eo_print_str(p, "<");
    eo_print_attr(p, eo_attr_param(a, 0));
    eo_print_str(p, ", ");
    eo_print_attr(p, eo_attr_param(a, 1));
    eo_print_str(p, ">");
}

static const eo_dialect_desc tst_dialect = {
    .name = "tst",
    .parse_attr = tst_parse_attr,
    .print_attr = tst_print_attr,
};

static void
dialect_attributes_use_their_hooks(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_dialect_register_desc(ctx, &tst_dialect), EO_OK);
    const char *s = "#tst.pair<1 : i32, \"x\">";
    const eo_attr *a = eo_attr_parse(ctx, s, strlen(s));
    assert_non_null(a);
    assert_int_equal(eo_attr_get_kind(a), EO_ATTR_DIALECT);
    assert_string_equal(eo_ident_str(eo_attr_dialect_name(a)), "tst");
    assert_int_equal(eo_attr_num_params(a), 2);
    check_print(a, s);
    check_roundtrip(ctx, "[#tst.pair<1, 2>, #tst.pair<[], {}>]",
                    "[#tst.pair<1 : i64, 2 : i64>, #tst.pair<[], {}>]");
    check_parse_error(ctx, "#tst.other<1>");
    check_parse_error(ctx, "#tst.pair<1 2>");
    /* Unregistered dialects stay opaque. */
    check_roundtrip(ctx, "#tsu.pair<1, 2>", NULL);
}

/* Fails the Nth allocation (1-based) and every one after it. */
typedef struct fail_alloc {
    long left;
    long live;
} fail_alloc;

static void *
fa_malloc(void *ud, size_t size)
{
    fail_alloc *f = ud;
    if (f->left-- <= 0)
        return NULL;
    f->live++;
    return malloc(size);
}

static void *
fa_realloc(void *ud, void *p, size_t old, size_t size)
{
    fail_alloc *f = ud;
    (void)old;
    if (f->left-- <= 0)
        return NULL;
    if (!p)
        f->live++;
    return realloc(p, size);
}

static void
fa_free(void *ud, void *p, size_t size)
{
    fail_alloc *f = ud;
    (void)size;
    if (p)
        f->live--;
    free(p);
}

static void
allocation_failures_are_clean(void **state)
{
    (void)state;
    const char *texts[] = {
        ("{a = [1, 2.5 : f32, \"s\"], b = dense<[[1, 2], [3, 4]]> : "
         "tensor<2x2xi32>, c = array<i8: 1>, d = @x::@y, e = -1 : i128}"),
        "dense<\"0x0102030405060708\"> : tensor<8xi8>",
        "dense_resource<k> : tensor<2xi8>",
    };
    bool finished = false;
    for (long n = 0; !finished && n < 2000; n++) {
        fail_alloc f = {n, 0};
        eo_alloc al = {fa_malloc, fa_realloc, fa_free, &f};
        eo_ctx *ctx = eo_ctx_create(&al);
        if (!ctx)
            continue;
        int errs = 0;
        eo_ctx_set_diag_handler(ctx, quiet, &errs);
        finished = true;
        for (size_t i = 0; i < 3; i++) {
            const eo_attr *a = eo_attr_parse(ctx, texts[i], strlen(texts[i]));
            if (!a) {
                finished = false;
                continue;
            }
            eo_strbuf b = {0};
            eo_attr_print(a, &b);
            eo_strbuf_free(&b);
        }
        unsigned char blob[3] = {1, 2, 3};
        if (!eo_resource_create(ctx, "r", blob, 3, 8))
            finished = false;
        eo_ctx_destroy(ctx);
        assert_int_equal(f.live, 0);
    }
    assert_true(finished);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(integers_are_uniqued_and_truncated,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(wide_integers_keep_every_word,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(bools_are_i1_integers, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(floats_round_to_their_format, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(floats_print_as_mlir_does, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(strings_arrays_and_dicts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(symbols_types_and_layouts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(attributes_round_trip_through_text,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(bad_attributes_are_diagnosed, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(dialect_attributes_use_their_hooks,
                                        setup, teardown),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

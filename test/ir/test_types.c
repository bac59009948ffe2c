/* test/ir/test_types.c - type uniquing, validation, accessors, MLIR's
 * spellings and the type parser's diagnostics (expected strings are
 * mlir-opt 19's output for the same types). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct diag_capture {
    char msg[512];
    unsigned line, col;
    int count;
} diag_capture;

static void
capture(const eo_diag *d, void *ud)
{
    diag_capture *c = ud;
    if (!c->count++) {
        snprintf(c->msg, sizeof(c->msg), "%s", d->message);
        const eo_loc *f = d->loc ? eo_loc_find_file(d->loc) : NULL;
        c->line = f ? eo_loc_line(f) : 0;
        c->col = f ? eo_loc_col(f) : 0;
    }
}

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return -1;
    eo_ctx_set_allow_unregistered(ctx, true);
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static void
check_print(const eo_type *t, const char *want)
{
    assert_non_null(t);
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    assert_false(b.oom);
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    eo_strbuf_free(&b);
}

/* Parses 'text', checks the spelling printed back, and that parsing that
 * spelling again gives the same (uniqued) type. */
static const eo_type *
roundtrip(eo_ctx *ctx, const char *text, const char *want)
{
    const eo_type *t = eo_type_parse(ctx, text, strlen(text));
    if (!t)
        fail_msg("failed to parse '%s'", text);
    check_print(t, want ? want : text);
    const char *w = want ? want : text;
    assert_ptr_equal(eo_type_parse(ctx, w, strlen(w)), t);
    return t;
}

static void
check_error(eo_ctx *ctx, const char *text, unsigned col, const char *msg)
{
    diag_capture c;
    memset(&c, 0, sizeof(c));
    eo_ctx_set_diag_handler(ctx, capture, &c);
    /* As in a file: a line end follows (errors at the end of the input
     * are reported just after its last token, as mlir-opt does). */
    char buf[1024];
    snprintf(buf, sizeof(buf), "%s\n", text);
    const eo_type *t = eo_type_parse(ctx, buf, strlen(buf));
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
    if (t)
        fail_msg("'%s' parsed but should fail with '%s'", text, msg);
    assert_int_equal(c.count, 1);
    if (strcmp(c.msg, msg) != 0)
        fail_msg("'%s': got '%s', want '%s'", text, c.msg, msg);
    if (col && c.col != col)       /* 0: reported at the next token */
        fail_msg("'%s': column %u, want %u", text, c.col, col);
}

/* ------------------------------------------------------------------ */

static void
scalars_are_uniqued(void **state)
{
    eo_ctx *ctx = *state;
    assert_ptr_equal(eo_type_get_int(ctx, 32), eo_type_get_int(ctx, 32));
    assert_ptr_not_equal(eo_type_get_int(ctx, 32), eo_type_get_int(ctx, 64));
    assert_ptr_equal(eo_type_get_int(ctx, 8),
                     eo_type_get_int_signed(ctx, 8, EO_SIGNLESS));
    assert_ptr_not_equal(eo_type_get_int_signed(ctx, 8, EO_SIGNED),
                         eo_type_get_int_signed(ctx, 8, EO_UNSIGNED));
    assert_ptr_equal(eo_type_get_index(ctx), eo_type_get_index(ctx));
    assert_ptr_equal(eo_type_get_none(ctx), eo_type_get_none(ctx));
    assert_ptr_equal(eo_type_get_float(ctx, EO_BF16),
                     eo_type_get_float(ctx, EO_BF16));
    assert_ptr_not_equal(eo_type_get_float(ctx, EO_BF16),
                         eo_type_get_float(ctx, EO_F16));
}

static void
aggregates_are_uniqued(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const eo_type *two[] = { i32, f32 };
    const eo_type *two_copy[] = { i32, f32 };
    assert_ptr_equal(eo_type_get_tuple(ctx, 2, two),
                     eo_type_get_tuple(ctx, 2, two_copy));
    assert_ptr_equal(eo_type_get_tuple(ctx, 0, NULL),
                     eo_type_get_tuple(ctx, 0, NULL));
    /* (i32) -> f32 and (i32, f32) -> () differ though the lists concat
     * to the same sequence. */
    assert_ptr_not_equal(eo_type_get_function(ctx, 1, two, 1, two + 1),
                         eo_type_get_function(ctx, 2, two, 0, NULL));
    assert_ptr_equal(eo_type_get_function(ctx, 1, two, 1, two + 1),
                     eo_type_get_function(ctx, 1, two_copy, 1, two_copy + 1));

    int64_t s1[] = { 4, EO_DYNAMIC }, s2[] = { 4, EO_DYNAMIC };
    assert_ptr_equal(eo_type_get_tensor(ctx, 2, s1, f32, NULL),
                     eo_type_get_tensor(ctx, 2, s2, f32, NULL));
    assert_ptr_not_equal(eo_type_get_tensor(ctx, 2, s1, f32, NULL),
                         eo_type_get_memref(ctx, 2, s1, f32, NULL, NULL));
    assert_ptr_not_equal(eo_type_get_tensor(ctx, 1, s1, f32, NULL),
                         eo_type_get_tensor(ctx, 2, s1, f32, NULL));
    assert_ptr_equal(eo_type_get_unranked_tensor(ctx, f32),
                     eo_type_get_unranked_tensor(ctx, f32));

    /* An all-false scalable mask is the same as none. */
    int64_t v[] = { 4, 8 };
    bool none[] = { false, false }, one[] = { true, false };
    assert_ptr_equal(eo_type_get_vector(ctx, 2, v, none, f32),
                     eo_type_get_vector(ctx, 2, v, NULL, f32));
    assert_ptr_not_equal(eo_type_get_vector(ctx, 2, v, one, f32),
                         eo_type_get_vector(ctx, 2, v, NULL, f32));

    const eo_ident *foo = eo_ident_cstr(ctx, "foo");
    assert_ptr_equal(eo_type_get_opaque(ctx, foo, "bar", 3),
                     eo_type_get_opaque(ctx, foo, "bar", 3));
    assert_ptr_not_equal(eo_type_get_opaque(ctx, foo, "bar", 3),
                         eo_type_get_opaque(ctx, foo, "baz", 3));
}

static void
memref_canonicalizes_defaults(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    int64_t s[] = { 4, 8 };
    const eo_type *plain = eo_type_get_memref(ctx, 2, s, f32, NULL, NULL);
    const eo_attr *id = eo_attr_get_affine_map(ctx,
                                               eo_affine_map_identity(ctx, 2));
    const eo_attr *zero = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64), 0);
    const eo_attr *one = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64), 1);
    assert_ptr_equal(eo_type_get_memref(ctx, 2, s, f32, id, zero), plain);
    assert_null(eo_type_layout(plain));
    assert_null(eo_type_memspace(plain));
    const eo_type *m1 = eo_type_get_memref(ctx, 2, s, f32, NULL, one);
    assert_ptr_equal(eo_type_memspace(m1), one);
    check_print(m1, "memref<4x8xf32, 1>");
    assert_ptr_equal(eo_type_get_unranked_memref(ctx, f32, zero),
                     eo_type_get_unranked_memref(ctx, f32, NULL));
}

static void
invalid_arguments_give_null(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *idx = eo_type_get_index(ctx);
    const eo_type *none = eo_type_get_none(ctx);
    assert_null(eo_type_get_int(ctx, EO_MAX_INT_WIDTH + 1));
    assert_non_null(eo_type_get_int(ctx, EO_MAX_INT_WIDTH));
    assert_non_null(eo_type_get_int(ctx, 0));       /* MLIR accepts i0 */
    assert_null(eo_type_get_float(ctx, (eo_float_kind)99));
    assert_null(eo_type_get_complex(ctx, idx));
    assert_null(eo_type_get_complex(ctx, none));
    assert_non_null(eo_type_get_complex(ctx, i32));

    int64_t neg[] = { -2 }, dyn[] = { EO_DYNAMIC }, zero[] = { 0 };
    assert_null(eo_type_get_tensor(ctx, 1, neg, f32, NULL));
    assert_non_null(eo_type_get_tensor(ctx, 1, dyn, f32, NULL));
    assert_non_null(eo_type_get_tensor(ctx, 1, zero, f32, NULL));
    assert_null(eo_type_get_tensor(ctx, 1, dyn, none, NULL));
    assert_null(eo_type_get_vector(ctx, 1, dyn, NULL, f32));
    assert_null(eo_type_get_vector(ctx, 1, zero, NULL, f32));
    assert_non_null(eo_type_get_vector(ctx, 0, NULL, NULL, f32));
    const eo_type *t4 = eo_type_get_tensor(ctx, 1, dyn, f32, NULL);
    assert_null(eo_type_get_vector(ctx, 1, (int64_t[]){ 4 }, NULL, t4));
    assert_null(eo_type_get_memref(ctx, 1, dyn, t4, NULL, NULL));

    /* Layout rank must match; memory spaces are int/string/dict. */
    const eo_attr *id2 = eo_attr_get_affine_map(ctx,
                                                eo_affine_map_identity(ctx, 2));
    assert_null(eo_type_get_memref(ctx, 1, dyn, f32, id2, NULL));
    int64_t st[] = { 1, 1 };
    const eo_attr *strided = eo_attr_get_strided(ctx, 2, st, 0);
    assert_null(eo_type_get_memref(ctx, 1, dyn, f32, strided, NULL));
    const eo_attr *fl = eo_attr_get_float(ctx, f32, 1.0);
    assert_null(eo_type_get_memref(ctx, 1, dyn, f32, NULL, fl));
    assert_null(eo_type_get_opaque(ctx, NULL, "x", 1));
    /* Nesting deeper than EO_MAX_DEPTH is refused (walks recurse). */
    const eo_type *deep = i32;
    unsigned levels = 0;
    while (deep && levels < 2000) {
        deep = eo_type_get_tuple(ctx, 1, &deep);
        levels++;
    }
    assert_null(deep);
    assert_int_equal(levels, 1000);
    assert_null(eo_type_get_tuple(ctx, 1, (const eo_type *[]){ NULL }));
}

static void
accessors(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *t = roundtrip(ctx, "tensor<4x?x8xf32>", NULL);
    assert_int_equal(eo_type_get_kind(t), EO_TYPE_TENSOR);
    assert_ptr_equal(eo_type_ctx(t), ctx);
    assert_true(eo_type_is_shaped(t));
    assert_true(eo_type_has_rank(t));
    assert_int_equal(eo_type_rank(t), 3);
    assert_int_equal(eo_type_dim(t, 0), 4);
    assert_true(eo_type_dim(t, 1) == EO_DYNAMIC);
    assert_int_equal(eo_type_shape(t)[2], 8);
    assert_int_equal(eo_type_num_elements(t), -1);
    assert_ptr_equal(eo_type_elem(t), eo_type_get_float(ctx, EO_F32));
    assert_ptr_equal(eo_type_elem_or_self(t), eo_type_elem(t));
    assert_null(eo_type_encoding(t));

    const eo_type *v = roundtrip(ctx, "vector<[4]x8xi16>", NULL);
    assert_true(eo_type_dim_is_scalable(v, 0));
    assert_false(eo_type_dim_is_scalable(v, 1));
    assert_int_equal(eo_type_num_elements(v), 32);
    assert_true(eo_type_is_signless_int(eo_type_elem(v), 16));

    const eo_type *u = roundtrip(ctx, "tensor<*xi8>", NULL);
    assert_false(eo_type_has_rank(u));
    assert_int_equal(eo_type_rank(u), 0);
    assert_int_equal(eo_type_num_elements(u), -1);

    const eo_type *i = roundtrip(ctx, "ui7", NULL);
    assert_true(eo_type_is_int(i));
    assert_false(eo_type_is_int_or_index(i));
    assert_false(eo_type_is_signless_int(i, 7));
    assert_int_equal(eo_type_int_width(i), 7);
    assert_int_equal(eo_type_int_signedness(i), EO_UNSIGNED);
    assert_ptr_equal(eo_type_elem_or_self(i), i);
    assert_null(eo_type_elem(i));
    assert_true(eo_type_is_int_or_index(eo_type_get_index(ctx)));

    const eo_type *f = roundtrip(ctx, "tf32", NULL);
    assert_true(eo_type_is_float(f));
    assert_int_equal(eo_type_float_kind(f), EO_TF32);
    assert_int_equal(eo_type_float_width(f), 19);
    assert_int_equal(eo_type_float_width(eo_type_get_float(ctx, EO_F80)), 80);

    const eo_type *fn = roundtrip(ctx, "(i32, f32) -> (i64, i1)", NULL);
    assert_int_equal(eo_type_num_inputs(fn), 2);
    assert_int_equal(eo_type_num_results(fn), 2);
    assert_ptr_equal(eo_type_input(fn, 1), eo_type_get_float(ctx, EO_F32));
    assert_ptr_equal(eo_type_result(fn, 1), eo_type_get_int(ctx, 1));
    assert_null(eo_type_result(fn, 2));

    const eo_type *tu = roundtrip(ctx, "tuple<i32, index>", NULL);
    assert_int_equal(eo_type_num_elems(tu), 2);
    assert_ptr_equal(eo_type_tuple_elem(tu, 1), eo_type_get_index(ctx));

    const eo_type *m = roundtrip(ctx, "memref<4x8xf32, strided<[8, 1], "
                                 "offset: ?>, 1>", NULL);
    assert_int_equal(eo_attr_get_kind(eo_type_layout(m)),
                     EO_ATTR_STRIDED_LAYOUT);
    assert_int_equal(eo_attr_int_value(eo_type_memspace(m)), 1);
    assert_int_equal(eo_type_num_elements(m), 32);

    const eo_type *enc = roundtrip(ctx, "tensor<4xf32, \"enc\">", NULL);
    assert_int_equal(eo_attr_get_kind(eo_type_encoding(enc)),
                     EO_ATTR_STRING);

    const eo_type *o = roundtrip(ctx, "!foo.bar<1, \"x\">", NULL);
    assert_int_equal(eo_type_get_kind(o), EO_TYPE_OPAQUE);
    assert_string_equal(eo_ident_str(eo_type_dialect_name(o)), "foo");
    size_t len;
    const char *body = eo_type_opaque_body(o, &len);
    assert_int_equal(len, strlen("bar<1, \"x\">"));
    assert_memory_equal(body, "bar<1, \"x\">", len);
}

static void
builtin_spellings_round_trip(void **state)
{
    eo_ctx *ctx = *state;
    static const char *const same[] = {
        "i32", "si8", "ui16", "i1", "i0", "si0", "i16777215", "index",
        "f16", "bf16", "f32", "f64", "f80", "f128", "tf32", "f8E5M2",
        "f8E4M3FN", "none", "complex<f32>", "complex<i32>",
        "tuple<i32, f32>", "tuple<>", "tuple<tuple<>, (i32) -> i32, none>",
        "(i32, f32) -> (i64, i1)", "(i32) -> i32", "() -> ()",
        "(i32) -> ((i32) -> i32)", "(i32, f32) -> ((i32) -> i32, i1)",
        "tensor<4x?x8xf32>", "tensor<*xf32>", "tensor<4xf32, \"enc\">",
        "tensor<f32>", "tensor<0x1xi1>", "tensor<0x8xf32>",
        "tensor<9223372036854775807xf32>", "tensor<4x!foo.bar>",
        "tensor<4x4x!foo<\"x\">, #foo.enc>", "tensor<4xvector<4xf32>>",
        "tensor<?x?xindex>", "tensor<4xf32, 1 : i64>",
        "memref<4x8xf32, strided<[8, 1], offset: ?>, 1>",
        "memref<*xf32, 3>", "memref<f32>",
        "memref<4xf32, affine_map<(d0) -> (d0 + 1)>>",
        "memref<4xf32, 1 : i32>", "memref<4xf32, \"x\">",
        "memref<4xf32, {a = 1 : i64}>", "memref<?x4xf32, strided<[4, 1]>>",
        "memref<4xf32, strided<[?], offset: ?>>", "memref<4xmemref<4xf32>>",
        "memref<4xcomplex<f32>>", "memref<4xvector<4xf32>>",
        "memref<4xf32, affine_map<(d0)[s0] -> (d0 + s0)>>",
        "memref<?x?xf32, affine_map<(d0, d1) -> (d1, d0)>>",
        "vector<[4]x8xf32>", "vector<4x[4]xf32>", "vector<f32>",
        "vector<2x3xindex>", "!dialect<\"opaque body\">",
        "!dialect.mnemonic<a, b>", "!foo.bar", "!foo.bar<\"x\">",
        "!foo.bar<\"<\">", "!foo.bar<a, (b), [c], {d}, <e>>",
        "!foo.bar.baz<1>", "!foo<a b>", "!foo.a<b c>", "!foo.a<x -> y>",
        "!foo.a<\"a\\\"b\">",
    };
    for (size_t i = 0; i < sizeof(same) / sizeof(same[0]); i++)
        roundtrip(ctx, same[i], NULL);
    /* Spellings MLIR canonicalizes. */
    static const char *const pairs[][2] = {
        { "(i32) -> (i32)", "(i32) -> i32" },
        { "((i32) -> i32) -> (i32)", "((i32) -> i32) -> i32" },
        { "tensor<4xf32, 1>", "tensor<4xf32, 1 : i64>" },
        { "tensor<01xf32>", "tensor<1xf32>" },
        { "tensor<0x10xf32>", "tensor<0x10xf32>" },
        { "tensor<0xi32>", "tensor<0xi32>" },
        { "memref<*xf32, 0>", "memref<*xf32>" },
        { "memref<4xf32, affine_map<(d0) -> (d0)>>", "memref<4xf32>" },
        { "memref<4xf32, 1 : i64>", "memref<4xf32, 1>" },
        { "memref<4xf32, 0>", "memref<4xf32>" },
        { "memref<4xf32, 0 : i32>", "memref<4xf32>" },
        { "memref<4xf32, strided<[1], offset: 0>>",
          "memref<4xf32, strided<[1]>>" },
        { "memref<4xf32, affine_map<(d0)->(d0)>, affine_map<(d0)->(d0 + 1)>>",
          "memref<4xf32, affine_map<(d0) -> (d0 + 1)>>" },
        { "!foo<bar>", "!foo.bar" },
        { "!foo<bar<1>>", "!foo.bar<1>" },
        { "  i32  ", "i32" },
    };
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
        roundtrip(ctx, pairs[i][0], pairs[i][1]);
}

static void
api_built_types_print(void **state)
{
    eo_ctx *ctx = *state;
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *fn1 = eo_type_get_function(ctx, 1, &i32, 1, &i32);
    check_print(eo_type_get_function(ctx, 1, &i32, 1, &fn1),
                "(i32) -> ((i32) -> i32)");
    check_print(eo_type_get_function(ctx, 0, NULL, 0, NULL), "() -> ()");
    int64_t s[] = { 2, 3 };
    bool sc[] = { false, true };
    check_print(eo_type_get_vector(ctx, 2, s, sc, f32), "vector<2x[3]xf32>");
    check_print(eo_type_get_int_signed(ctx, 4, EO_SIGNED), "si4");
    const eo_ident *foo = eo_ident_cstr(ctx, "foo");
    check_print(eo_type_get_opaque(ctx, foo, "x y", 3), "!foo<x y>");
    check_print(eo_type_get_opaque(ctx, foo, "\"q\"", 3), "!foo<\"q\">");
    /* A registered-dialect style type without a print hook. */
    const eo_attr *params[] = { eo_attr_get_type(ctx, f32),
                                eo_attr_get_int(ctx, i32, 3) };
    check_print(eo_type_get_dialect(ctx, foo, eo_ident_cstr(ctx, "pair"), 2,
                                    params), "!foo.pair<f32, 3 : i32>");
    check_print(eo_type_get_dialect(ctx, foo, eo_ident_cstr(ctx, "unit"), 0,
                                    NULL), "!foo.unit");
}

/* ------------------------------------------------------------------ */
/* A registered dialect with type hooks                                */
/* ------------------------------------------------------------------ */

/* !tt.box<T> : one type parameter. */
static const eo_type *
tt_parse_type(eo_parser *p)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_ident *mn;
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "box") != 0) {
        eo_parser_error(p, "unknown tt type");
        return NULL;
    }
    const eo_type *t;
    if (eo_parse_punct(p, "<") != EO_OK || eo_parse_type(p, &t) != EO_OK ||
        eo_parse_punct(p, ">") != EO_OK)
        return NULL;
    const eo_attr *param = eo_attr_get_type(ctx, t);
    return eo_type_get_dialect(ctx, eo_ident_cstr(ctx, "tt"), mn, 1, &param);
}

static void
tt_print_type(eo_printer *p, const eo_type *t)
{
    eo_print_str(p, "box<");
    eo_print_type(p, eo_attr_type_value(eo_type_param(t, 0)));
    eo_print_str(p, ">");
}

static const eo_dialect_desc tt_desc = {
    .name = "tt",
    .parse_type = tt_parse_type,
    .print_type = tt_print_type,
};

static void
dialect_type_hooks(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_dialect_register_desc(ctx, &tt_desc), EO_OK);
    const eo_type *t = roundtrip(ctx, "!tt.box<i32>", NULL);
    assert_int_equal(eo_type_get_kind(t), EO_TYPE_DIALECT);
    assert_string_equal(eo_ident_str(eo_type_mnemonic(t)), "box");
    assert_int_equal(eo_type_num_params(t), 1);
    roundtrip(ctx, "tensor<4x!tt.box<!tt.box<f32>>>", NULL);
    roundtrip(ctx, "(!tt.box<i1>) -> !tt.box<i1>", NULL);
    check_error(ctx, "!tt.crate<i32>", 10, "unknown tt type");
    check_error(ctx, "!tt.box<i32]", 12, "expected '>'");
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

static void
parse_errors_match_mlir(void **state)
{
    eo_ctx *ctx = *state;
    static const struct {
        const char *text;
        unsigned col;
        const char *msg;
    } cases[] = {
        { "i0x", 1, "expected non-function type" },
        { "foo", 1, "expected non-function type" },
        { "f33", 1, "expected non-function type" },
        { "i16777216", 1, "integer bitwidth is limited to 16777215 bits" },
        { "i99999999999999999999", 1, "invalid integer width" },
        { "tensor<-1xf32>", 8, "expected non-function type" },
        { "vector<?xf32>", 8, "expected non-function type" },
        { "vector<0xf32>", 10, "vector types must have positive constant "
                               "sizes" },
        { "vector<2x[0]xf32>", 14, "vector types must have positive "
                                   "constant sizes" },
        { "vector<[?]xf32>", 9, "invalid dimension" },
        { "vector<[4xf32>", 10, "missing ']' closing scalable dimension" },
        { "tensor<4x>", 10, "expected non-function type" },
        { "tensor<4xi32", 13, "expected '>' in tensor type" },
        { "tensor<4x4>", 11, "expected 'x' in dimension list" },
        { "tensor<*>", 9, "expected 'x' in dimension list" },
        { "tensor", 7, "expected '<' in tensor type" },
        { "tensor<99999999999999999999xf32>", 8, "invalid dimension" },
        { "tensor<9223372036854775808xf32>", 8, "invalid dimension" },
        { "complex<tensor<4xf32>>", 9, "invalid element type for complex" },
        { "complex<index>", 9, "invalid element type for complex" },
        { "complex<f32", 12, "expected '>' in complex type" },
        { "tensor<4xnone>", 10, "invalid tensor element type" },
        { "tensor<4xtuple<>>", 10, "invalid tensor element type" },
        { "tensor<4x(i32)->i32>", 10, "invalid tensor element type" },
        { "tuple<i32", 10, "expected '>' in tuple type" },
        { "tuple<i32,>", 11, "expected non-function type" },
        { "memref<4xtensor<4xf32>>", 10, "invalid memref element type" },
        { "memref<4x!foo.bar>", 10, "invalid memref element type" },
        { "vector<4xtensor<4xf32>>", 10, "vector elements must be "
                                         "int/index/float type" },
        { "memref<4xf32, affine_map<(d0, d1) -> (d0)>>", 1,
          "memref layout mismatch between rank and affine map: 1 != 2" },
        { "memref<4xf32, strided<[1,1]>>", 1,
          "expected the number of strides to match the rank" },
        { "memref<4xf32, 1.0>", 1, "unsupported memory space Attribute" },
        { "memref<4xf32, [1]>", 1, "unsupported memory space Attribute" },
        { "memref<4xf32, 1, 2>", 19, "multiple memory spaces specified in "
                                     "memref type" },
        { "memref<*xf32, affine_map<(d0)->(d0)>>", 37,
          "cannot have affine map for unranked memref type" },
        { "memref<4xf32, 1, affine_map<(d0)->(d0)>>", 40,
          "expected memory space to be last in memref type" },
        { "memref<4xf32 1>", 13, "expected ',' or '>' in memref type" },
        { "tensor<*xf32, \"e\">", 0, "cannot apply encoding to unranked "
                                      "tensor" },
        { "(i32) ->", 9, "expected non-function type" },
        { "(i32) i32", 6, "expected '->' in function type" },
        { "!foo.bar<(]>", 9, "unbalanced '(' character in pretty dialect "
                             "name" },
        { "!foo<x", 5, "unexpected nul or EOF in pretty dialect name" },
        { "!foo", 5, "undefined symbol alias id 'foo'" },
        { "!builtin.foo", 10, "dialect 'builtin' provides no type parsing "
                              "hook" },
        { "i32 i32", 5, "found trailing characters: 'i32'" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_error(ctx, cases[i].text, cases[i].col, cases[i].msg);
}

static void
unregistered_dialect_types_need_permission(void **state)
{
    eo_ctx *ctx = *state;
    eo_ctx_set_allow_unregistered(ctx, false);
    check_error(ctx, "!foo.bar", 6, "`!\"foo\"<\"bar\">` type created with "
                "unregistered dialect. If this is intended, please call "
                "allowUnregisteredDialects() on the MLIRContext, or use "
                "-allow-unregistered-dialect with the MLIR opt tool used");
    check_error(ctx, "!foo<\"x\">", 1, "`!\"foo\"<\"\"x\"\">` type created "
                "with unregistered dialect. If this is intended, please "
                "call allowUnregisteredDialects() on the MLIRContext, or use "
                "-allow-unregistered-dialect with the MLIR opt tool used");
}

static void
deep_nesting_is_an_error(void **state)
{
    eo_ctx *ctx = *state;
    size_t depth = 5000;
    size_t len = depth * strlen("tuple<") + 3 + depth;
    char *s = test_malloc(len + 1);
    char *q = s;
    for (size_t i = 0; i < depth; i++) {
        memcpy(q, "tuple<", 6);
        q += 6;
    }
    memcpy(q, "i32", 3);
    q += 3;
    memset(q, '>', depth);
    q[depth] = '\0';
    diag_capture c;
    memset(&c, 0, sizeof(c));
    eo_ctx_set_diag_handler(ctx, capture, &c);
    assert_null(eo_type_parse(ctx, s, len));
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
    assert_string_equal(c.msg, "nesting too deep");
    test_free(s);
}

/* A long shape and a wide tuple exercise the growable lists. */
static void
large_types(void **state)
{
    eo_ctx *ctx = *state;
    eo_strbuf b = {0};
    eo_strbuf_puts(&b, "tensor<");
    for (int i = 0; i < 100; i++)
        eo_strbuf_puts(&b, "2x");
    eo_strbuf_puts(&b, "i8>");
    const eo_type *t = eo_type_parse(ctx, b.data, b.len);
    assert_non_null(t);
    assert_int_equal(eo_type_rank(t), 100);
    assert_int_equal(eo_type_num_elements(t), -1);  /* 2^100 overflows */
    eo_strbuf c = {0};
    eo_type_print(t, &c);
    assert_int_equal(c.len, b.len);
    assert_memory_equal(c.data, b.data, b.len);
    eo_strbuf_free(&b);
    eo_strbuf_free(&c);

    eo_strbuf_puts(&b, "tuple<");
    for (int i = 0; i < 300; i++)
        eo_strbuf_puts(&b, i ? ", i32" : "i32");
    eo_strbuf_puts(&b, ">");
    t = eo_type_parse(ctx, b.data, b.len);
    assert_non_null(t);
    assert_int_equal(eo_type_num_elems(t), 300);
    eo_strbuf_free(&b);
}

/* ------------------------------------------------------------------ */
/* Allocation failures                                                 */
/* ------------------------------------------------------------------ */

/* A user allocator that fails once its countdown reaches 0 and counts
 * live blocks. */
typedef struct failing {
    long countdown;                   /* <0: never fail */
    long live;
} failing;

static void *
f_malloc(void *ud, size_t n)
{
    failing *f = ud;
    if (f->countdown == 0)
        return NULL;
    if (f->countdown > 0)
        f->countdown--;
    f->live++;
    return malloc(n);
}

static void *
f_realloc(void *ud, void *p, size_t old, size_t n)
{
    failing *f = ud;
    (void)old;
    if (f->countdown == 0)
        return NULL;
    if (f->countdown > 0)
        f->countdown--;
    if (!p)
        f->live++;
    return realloc(p, n);
}

static void
f_free(void *ud, void *p, size_t n)
{
    failing *f = ud;
    (void)n;
    if (p)
        f->live--;
    free(p);
}

static void
quiet(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

/* Fail the Nth allocation for growing N while building types, locations
 * and affine maps: every call returns a result or NULL, nothing crashes,
 * and destroying the context returns every allocation. */
static void
allocation_failures_are_clean(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "tensor<4x?xf32, \"e\">", "memref<4x4xf32, strided<[4, 1]>, 1>",
        "(i32, tuple<f32, index>) -> (vector<[4]xi8>, complex<f64>)",
        "memref<16xf32, affine_map<(d0)[s0] -> (d0 floordiv 4 + s0)>>",
        "!foo.bar<(x)>", "i32 trailing",
    };
    bool finished = false;
    long n = 0;
    for (; !finished && n < 5000; n++) {
        failing f = { .countdown = n };
        eo_alloc a = { f_malloc, f_realloc, f_free, &f };
        eo_ctx *ctx = eo_ctx_create(&a);
        if (ctx) {
            eo_ctx_set_allow_unregistered(ctx, true);
            eo_ctx_set_diag_handler(ctx, quiet, NULL);
            for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
                (void)eo_type_parse(ctx, texts[i], strlen(texts[i]));
            const eo_type *elems[12];
            for (unsigned i = 0; i < 12; i++)
                elems[i] = eo_type_get_int(ctx, i + 1);
            bool all = true;
            for (unsigned i = 0; i < 12; i++)
                all = all && elems[i];
            if (all)
                (void)eo_type_get_function(ctx, 6, elems, 6, elems + 6);
            const eo_loc *locs[20];
            for (unsigned i = 0; i < 20; i++) {
                const eo_ident *fn = eo_ident_cstr(ctx, "f.c");
                locs[i] = fn ? eo_loc_file(ctx, fn, i + 1, 1) : NULL;
            }
            all = true;
            for (unsigned i = 0; i < 20; i++)
                all = all && locs[i];
            if (all)
                (void)eo_loc_fused(ctx, 20, locs, NULL);
            (void)eo_affine_map_identity(ctx, 12);
            finished = f.countdown > 0;
            eo_ctx_destroy(ctx);
        }
        assert_int_equal(f.live, 0);
    }
    assert_true(finished);
    assert_true(n > 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(scalars_are_uniqued, setup, teardown),
        cmocka_unit_test_setup_teardown(aggregates_are_uniqued, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(memref_canonicalizes_defaults, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(invalid_arguments_give_null, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(accessors, setup, teardown),
        cmocka_unit_test_setup_teardown(builtin_spellings_round_trip, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(api_built_types_print, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(dialect_type_hooks, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_errors_match_mlir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            unregistered_dialect_types_need_permission, setup, teardown),
        cmocka_unit_test_setup_teardown(deep_nesting_is_an_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(large_types, setup, teardown),
        cmocka_unit_test(allocation_failures_are_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_vector.c - the vector dialect's C API: the op table,
 * the #vector.kind / #vector.iterator_type attributes, default-valued
 * properties, verifier diagnostics on ops built with eo_builder, folds
 * through eo_op_fold, and text round trips through the custom syntax.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/arith/arith.h"
#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/vector/vector.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
    eo_builder b;           /* at the end of @f's entry block */
    eo_block *entry;
    const eo_type *f32, *i32, *index, *v4f32, *v4i32, *v4x8f32;
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

static const eo_type *
vec(eo_ctx *ctx, size_t rank, const int64_t *shape, const eo_type *elem)
{
    return eo_type_get_vector(ctx, rank, shape, NULL, elem);
}

/* A module with func.func @f(f32, vector<4xf32>, index, vector<4x8xf32>,
 * i32, vector<4xi32>). */
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
    eo_ctx *ctx = f->ctx;
    int64_t four = 4, four_eight[] = {4, 8};
    f->f32 = eo_type_get_float(ctx, EO_F32);
    f->i32 = eo_type_get_int(ctx, 32);
    f->index = eo_type_get_index(ctx);
    f->v4f32 = vec(ctx, 1, &four, f->f32);
    f->v4i32 = vec(ctx, 1, &four, f->i32);
    f->v4x8f32 = vec(ctx, 2, four_eight, f->f32);
    const eo_type *ins[] = {
        f->f32, f->v4f32, f->index, f->v4x8f32, f->i32, f->v4i32,
    };
    const eo_type *ft = eo_type_get_function(ctx, 6, ins, 0, NULL);
    f->module = eo_module_create(ctx, NULL);
    eo_op *fn = func_create(ctx, NULL, "f", ft, false);
    if (!f->module || !fn)
        return -1;
    eo_block_append(eo_module_body(f->module), fn);
    f->entry = func_entry_block(fn);
    eo_builder_init(&f->b, ctx);
    eo_builder_set_end(&f->b, f->entry);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_value *
arg(fixture *f, size_t i)
{
    return eo_block_arg(f->entry, i);
}

/* Builds "vector.<k>"(ops) -> t with 'nattrs' attributes. */
static eo_op *
build(fixture *f, enum vector_op k, size_t n, eo_value *const *ops,
      const eo_type *t, size_t nattrs, const eo_named_attr *attrs)
{
    eo_op_state st;
    eo_op_state_init_def(&st, f->ctx, vector_op_def(k),
                         eo_loc_unknown(f->ctx));
    if (eo_op_state_add_operands(&st, n, ops) != EO_OK ||
        (t && eo_op_state_add_result(&st, t) != EO_OK)) {
        eo_op_state_release(&st);
        return NULL;
    }
    for (size_t i = 0; i < nattrs; i++)
        if (eo_op_state_set_attr(&st, eo_ident_str(attrs[i].name),
                                 attrs[i].value) != EO_OK) {
            eo_op_state_release(&st);
            return NULL;
        }
    return eo_builder_insert(&f->b, &st);
}

static eo_named_attr
named(fixture *f, const char *name, const eo_attr *a)
{
    eo_named_attr n = { eo_ident_cstr(f->ctx, name), a };
    return n;
}

/* Verifies the op and expects exactly the error 'want' (NULL: none). */
static void
expect_verify(fixture *f, eo_op *op, const char *want)
{
    assert_non_null(op);
    f->errors = 0;
    f->msg[0] = 0;
    eo_status st = eo_op_verify(op);
    if (!want) {
        if (st != EO_OK)
            fail_msg("unexpected error: %s", f->msg);
        return;
    }
    assert_int_equal(st, EO_ERROR);
    assert_string_equal(f->msg, want);
}

static void
table_rows_match_enum(void **state)
{
    fixture *f = *state;
    assert_int_equal(vector_register(f->ctx), EO_OK);   /* again: no-op */
    for (int i = 0; i < VECTOR_NUM_OPS; i++) {
        const eo_op_def *d = vector_op_def((enum vector_op)i);
        assert_non_null(d);
        assert_true(strncmp(d->name, "vector.", 7) == 0);
        assert_ptr_equal(eo_op_def_lookup(f->ctx, d->name, strlen(d->name)),
                         d);
    }
    assert_string_equal(vector_op_def(VECTOR_TRANSFER_READ)->name,
                        "vector.transfer_read");
    assert_null(vector_op_def(VECTOR_NUM_OPS));
    eo_value *x = arg(f, 0);
    eo_op *op = build(f, VECTOR_SPLAT, 1, &x, f->v4f32, 0, NULL);
    assert_int_equal(vector_op_kind(op), VECTOR_SPLAT);
}

static void
attrs_are_uniqued_and_print_like_mlir(void **state)
{
    fixture *f = *state;
    enum vector_kind k;
    enum vector_iterator it;
    const eo_attr *add = vector_kind_attr(f->ctx, VECTOR_KIND_ADD);
    assert_ptr_equal(add, vector_kind_attr(f->ctx, VECTOR_KIND_ADD));
    assert_true(vector_kind_of(add, &k));
    assert_int_equal(k, VECTOR_KIND_ADD);
    assert_false(vector_iterator_of(add, &it));
    assert_null(vector_kind_attr(f->ctx, VECTOR_KIND_ADD | VECTOR_KIND_MUL));
    assert_null(vector_kind_name((enum vector_kind)3));
    assert_string_equal(vector_kind_name(VECTOR_KIND_MINIMUMF), "minimumf");

    const struct { const eo_attr *a; const char *text; } c[] = {
        { add, "#vector.kind<add>" },
        { vector_kind_attr(f->ctx, VECTOR_KIND_MAXIMUMF),
          "#vector.kind<maximumf>" },
        { vector_kind_attr(f->ctx, VECTOR_KIND_XOR), "#vector.kind<xor>" },
        { vector_iterator_attr(f->ctx, VECTOR_ITER_PARALLEL),
          "#vector.iterator_type<parallel>" },
        { vector_iterator_attr(f->ctx, VECTOR_ITER_REDUCTION),
          "#vector.iterator_type<reduction>" },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        eo_strbuf b = {0};
        assert_non_null(c[i].a);
        eo_attr_print(c[i].a, &b);
        assert_non_null(b.data);
        assert_string_equal(b.data, c[i].text);
        eo_strbuf_free(&b);
        assert_ptr_equal(eo_attr_parse(f->ctx, c[i].text,
                                       strlen(c[i].text)), c[i].a);
    }
    f->errors = 0;
    const char *bad = "#vector.kind<sum>";
    assert_null(eo_attr_parse(f->ctx, bad, strlen(bad)));
    assert_true(f->errors > 0);
    assert_non_null(strstr(f->msg, "expected ::mlir::vector::CombiningKind "
                                   "to be one of: add, mul"));
}

static void
defaults_are_properties(void **state)
{
    fixture *f = *state;
    eo_value *v = arg(f, 1);
    eo_named_attr kind = named(f, "kind",
                               vector_kind_attr(f->ctx, VECTOR_KIND_MUL));
    eo_op *red = build(f, VECTOR_REDUCTION, 1, &v, f->f32, 1, &kind);
    assert_ptr_equal(eo_op_attr(red, "fastmath"),
                     arith_fastmath_attr(f->ctx, ARITH_FM_NONE));
    assert_non_null(eo_attr_dict_get(eo_op_props(red), "fastmath"));
    expect_verify(f, red, NULL);
}

static void
verifier_messages(void **state)
{
    fixture *f = *state;
    eo_value *x = arg(f, 0), *v = arg(f, 1), *m = arg(f, 3);
    eo_value *vi = arg(f, 5);
    expect_verify(f, build(f, VECTOR_BROADCAST, 1, &x, f->v4i32, 0, NULL),
                  "'vector.broadcast' op failed to verify that source "
                  "operand and result have same element type");
    expect_verify(f, build(f, VECTOR_BROADCAST, 1, &m, f->v4f32, 0, NULL),
                  "'vector.broadcast' op source rank higher than "
                  "destination rank");
    expect_verify(f, build(f, VECTOR_SPLAT, 1, &v, f->v4f32, 0, NULL),
                  "'vector.splat' op operand #0 must be integer/index/float "
                  "type, but got 'vector<4xf32>'");
    eo_value *fma[] = {vi, vi, vi};
    expect_verify(f, build(f, VECTOR_FMA, 3, fma, f->v4i32, 0, NULL),
                  "'vector.fma' op operand #0 must be vector of "
                  "floating-point values, but got 'vector<4xi32>'");
    eo_named_attr kind = named(f, "kind",
                               vector_kind_attr(f->ctx, VECTOR_KIND_AND));
    expect_verify(f, build(f, VECTOR_REDUCTION, 1, &v, f->f32, 1, &kind),
                  "'vector.reduction' op unsupported reduction type "
                  "''f32'' for kind 'and'");
    int64_t pos[] = {4, 0};
    eo_named_attr sp = named(f, "static_position",
                             eo_attr_get_dense_array(
                                 f->ctx, eo_type_get_int(f->ctx, 64), 2,
                                 pos));
    expect_verify(f, build(f, VECTOR_EXTRACT, 1, &m, f->f32, 1, &sp),
                  "'vector.extract' op expected position attribute #1 to "
                  "be a non-negative integer smaller than the "
                  "corresponding vector dimension");
    int64_t four = 4;
    expect_verify(f, build(f, VECTOR_SHAPE_CAST, 1, &m,
                           vec(f->ctx, 1, &four, f->f32), 0, NULL),
                  "'vector.shape_cast' op source/result number of elements "
                  "must match");
}

/* Folds 'op' (single result) and returns the value or attribute. */
static eo_fold_result
fold(eo_op *op)
{
    eo_fold_result r = {0};
    bool folded = false;
    assert_int_equal(eo_op_fold(op, &r, &folded), EO_OK);
    if (!folded)
        r.value = NULL, r.attr = NULL;
    return r;
}

static void
folds(void **state)
{
    fixture *f = *state;
    eo_value *x = arg(f, 0), *v = arg(f, 1), *m = arg(f, 3);
    eo_op *same = build(f, VECTOR_BROADCAST, 1, &v, f->v4f32, 0, NULL);
    assert_ptr_equal(fold(same).value, v);

    /* extract(insert %x at [1, 2]) at [1, 2] -> %x */
    int64_t pos[] = {1, 2};
    eo_named_attr sp = named(f, "static_position",
                             eo_attr_get_dense_array(
                                 f->ctx, eo_type_get_int(f->ctx, 64), 2,
                                 pos));
    eo_value *ins_ops[] = {x, m};
    eo_op *ins = build(f, VECTOR_INSERT, 2, ins_ops, f->v4x8f32, 1, &sp);
    eo_value *iv = eo_op_result(ins, 0);
    eo_op *ext = build(f, VECTOR_EXTRACT, 1, &iv, f->f32, 1, &sp);
    assert_ptr_equal(fold(ext).value, x);

    /* splat of a constant -> dense<2.0> */
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "arith.constant", eo_loc_unknown(f->ctx));
    assert_int_equal(eo_op_state_set_attr(&st, "value",
                                          eo_attr_get_float(f->ctx, f->f32,
                                                            2.0)), EO_OK);
    assert_int_equal(eo_op_state_add_result(&st, f->f32), EO_OK);
    eo_op *c = eo_builder_insert(&f->b, &st);
    assert_non_null(c);
    eo_value *cv = eo_op_result(c, 0);
    eo_op *splat = build(f, VECTOR_SPLAT, 1, &cv, f->v4f32, 0, NULL);
    eo_fold_result r = fold(splat);
    assert_non_null(r.attr);
    eo_strbuf b = {0};
    eo_attr_print(r.attr, &b);
    assert_non_null(b.data);
    assert_string_equal(b.data, "dense<2.000000e+00> : vector<4xf32>");
    eo_strbuf_free(&b);

    /* A non-constant splat does not fold. */
    eo_op *plain = build(f, VECTOR_SPLAT, 1, &x, f->v4f32, 0, NULL);
    r = fold(plain);
    assert_null(r.attr);
    assert_null(r.value);
}

/* Parses 'text', verifies, prints (custom and generic) and compares. */
static void
roundtrip(fixture *f, const char *text, const char *want,
          const char *want_generic)
{
    f->errors = 0;
    eo_op *mod = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!mod)
        fail_msg("parse failed: %s", f->msg);
    if (eo_op_verify(mod) != EO_OK)
        fail_msg("verify failed: %s", f->msg);
    eo_print_flags fl = {0};
    eo_strbuf b = {0};
    eo_op_print_to(mod, &fl, &b);
    assert_non_null(b.data);
    assert_string_equal(b.data, want);
    eo_strbuf_free(&b);
    if (want_generic) {
        fl.generic = true;
        eo_strbuf g = {0};
        eo_op_print_to(mod, &fl, &g);
        assert_non_null(g.data);
        assert_string_equal(g.data, want_generic);
        eo_strbuf_free(&g);
    }
    eo_op_destroy(mod);
}

static void
custom_syntax_round_trips(void **state)
{
    fixture *f = *state;
    roundtrip(f,
        "func.func @g(%m: memref<?xf32>, %i: index, %x: f32, "
        "%k: vector<4xi1>) {\n"
        "  %0 = vector.transfer_read %m[%i], %x, %k : memref<?xf32>, "
        "vector<4xf32>\n"
        "  %1 = vector.reduction <maxnumf>, %0, %x fastmath<nnan> : "
        "vector<4xf32> into f32\n"
        "  %2 = vector.insert %1, %0 [%i] : f32 into vector<4xf32>\n"
        "  vector.store %2, %m[%i] {nontemporal = false} : memref<?xf32>, "
        "vector<4xf32>\n"
        "  return\n"
        "}\n",
        "module {\n"
        "  func.func @g(%arg0: memref<?xf32>, %arg1: index, %arg2: f32, "
        "%arg3: vector<4xi1>) {\n"
        "    %0 = vector.transfer_read %arg0[%arg1], %arg2, %arg3 : "
        "memref<?xf32>, vector<4xf32>\n"
        "    %1 = vector.reduction <maxnumf>, %0, %arg2 fastmath<nnan> : "
        "vector<4xf32> into f32\n"
        "    %2 = vector.insert %1, %0 [%arg1] : f32 into vector<4xf32>\n"
        "    vector.store %2, %arg0[%arg1] : memref<?xf32>, vector<4xf32>\n"
        "    return\n"
        "  }\n"
        "}\n",
        "#map = affine_map<(d0) -> (d0)>\n"
        "\"builtin.module\"() ({\n"
        "  \"func.func\"() <{function_type = (memref<?xf32>, index, f32, "
        "vector<4xi1>) -> (), sym_name = \"g\"}> ({\n"
        "  ^bb0(%arg0: memref<?xf32>, %arg1: index, %arg2: f32, "
        "%arg3: vector<4xi1>):\n"
        "    %0 = \"vector.transfer_read\"(%arg0, %arg1, %arg2, %arg3) "
        "<{in_bounds = [false], operandSegmentSizes = array<i32: 1, 1, 1, "
        "1>, permutation_map = #map}> : (memref<?xf32>, index, f32, "
        "vector<4xi1>) -> vector<4xf32>\n"
        "    %1 = \"vector.reduction\"(%0, %arg2) <{fastmath = "
        "#arith.fastmath<nnan>, kind = #vector.kind<maxnumf>}> : "
        "(vector<4xf32>, f32) -> f32\n"
        "    %2 = \"vector.insert\"(%1, %0, %arg1) <{static_position = "
        "array<i64: -9223372036854775808>}> : (f32, vector<4xf32>, index) "
        "-> vector<4xf32>\n"
        "    \"vector.store\"(%2, %arg0, %arg1) <{nontemporal = false}> : "
        "(vector<4xf32>, memref<?xf32>, index) -> ()\n"
        "    \"func.return\"() : () -> ()\n"
        "  }) : () -> ()\n"
        "}) : () -> ()\n");
}

static void
bad_text_reports_errors(void **state)
{
    fixture *f = *state;
    const char *const bad[] = {
        "func.func @g(%v: vector<4xf32>) {\n"
        "  %0 = vector.reduction <sum>, %v : vector<4xf32> into f32\n"
        "  return\n}\n",
        "func.func @g(%m: memref<?xf32>, %i: index, %x: f32) {\n"
        "  %0 = vector.transfer_read %m[%i], %x : memref<?xf32>\n"
        "  return\n}\n",
        "func.func @g(%m: vector<4x8xf32>) {\n"
        "  %0 = vector.extract %m[y] : f32 from vector<4x8xf32>\n"
        "  return\n}\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        f->errors = 0;
        eo_op *mod = eo_parse_source(f->ctx, "bad", bad[i], strlen(bad[i]),
                                     NULL);
        assert_null(mod);
        assert_true(f->errors > 0);
    }
}

/* Ops that fail verification (missing operands, properties) still print
 * and fold without crashing (the custom printers see NULL values). */
static void
malformed_ops_print_and_fold_safely(void **state)
{
    fixture *f = *state;
    static const enum vector_op ks[] = {
        VECTOR_LOAD, VECTOR_STORE, VECTOR_MASKEDLOAD, VECTOR_MASKEDSTORE,
        VECTOR_TRANSFER_READ, VECTOR_TRANSFER_WRITE, VECTOR_REDUCTION,
        VECTOR_EXTRACT, VECTOR_INSERT, VECTOR_EXTRACTELEMENT,
        VECTOR_INSERTELEMENT, VECTOR_CONSTANT_MASK, VECTOR_CREATE_MASK,
        VECTOR_CONTRACT, VECTOR_BROADCAST, VECTOR_SPLAT, VECTOR_FMA,
        VECTOR_SHAPE_CAST, VECTOR_TRANSPOSE, VECTOR_BITCAST, VECTOR_VSCALE,
    };
    for (size_t i = 0; i < sizeof ks / sizeof ks[0]; i++) {
        eo_op *op = build(f, ks[i], 0, NULL, f->v4f32, 0, NULL);
        assert_non_null(op);
        f->errors = 0;
        assert_int_equal(eo_op_verify(op), EO_ERROR);
        assert_true(f->errors > 0);
        eo_fold_result r[1];
        bool folded = true;
        assert_int_equal(eo_op_fold(op, r, &folded), EO_OK);
        assert_false(folded);
    }
    eo_print_flags fl = {0};
    eo_strbuf b = {0};
    eo_op_print_to(f->module, &fl, &b);
    assert_non_null(b.data);
    assert_non_null(strstr(b.data, "vector.load <<NULL VALUE>>[]"));
    eo_strbuf_free(&b);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table_rows_match_enum),
        T(attrs_are_uniqued_and_print_like_mlir),
        T(defaults_are_properties),
        T(verifier_messages),
        T(folds),
        T(custom_syntax_round_trips),
        T(bad_text_reports_errors),
        T(malformed_ops_print_and_fold_safely),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

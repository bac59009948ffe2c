/* test/dialects/test_arith.c - the arith dialect's C API: the op table,
 * the fastmath/overflow attributes, verifier diagnostics on ops built
 * with eo_builder, and text round trips through the custom syntax.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/arith/arith.h"
#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
    eo_builder b;           /* at the end of @f's entry block */
    eo_block *entry;
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

/* A module with func.func @f(i32, i32, f32, f32, vector<4xi32>, i1). */
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
    int64_t four = 4;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *f32 = eo_type_get_float(ctx, EO_F32);
    const eo_type *ins[] = {
        i32, i32, f32, f32,
        eo_type_get_vector(ctx, 1, &four, NULL, i32),
        eo_type_get_int(ctx, 1),
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

/* Builds "arith.<name>"(a[, b]) -> t. */
static eo_op *
build(fixture *f, enum arith_op k, size_t n, eo_value *const *ops,
      const eo_type *t)
{
    eo_op_state st;
    eo_op_state_init_def(&st, f->ctx, arith_op_def(k), eo_loc_unknown(f->ctx));
    if (eo_op_state_add_operands(&st, n, ops) != EO_OK ||
        (t && eo_op_state_add_result(&st, t) != EO_OK)) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_builder_insert(&f->b, &st);
}

/* Verifies the op and expects exactly the error 'want' (NULL: none). */
static void
expect_verify(fixture *f, eo_op *op, const char *want)
{
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
    assert_int_equal(arith_register(f->ctx), EO_OK);    /* again: no-op */
    for (int i = 0; i < ARITH_NUM_OPS; i++) {
        const eo_op_def *d = arith_op_def((enum arith_op)i);
        assert_non_null(d);
        assert_true(strncmp(d->name, "arith.", 6) == 0);
        assert_ptr_equal(eo_op_def_lookup(f->ctx, d->name, strlen(d->name)),
                         d);
    }
    assert_string_equal(arith_op_def(ARITH_MULUI_EXTENDED)->name,
                         "arith.mului_extended");
    assert_null(arith_op_def(ARITH_NUM_OPS));
}

static void
flag_attrs_are_uniqued_and_print_like_mlir(void **state)
{
    fixture *f = *state;
    unsigned flags = 0;
    const eo_attr *a = arith_fastmath_attr(f->ctx, ARITH_FM_NNAN |
                                                   ARITH_FM_NINF);
    assert_ptr_equal(a, arith_fastmath_attr(f->ctx, 6));
    assert_true(arith_fastmath_flags(a, &flags));
    assert_int_equal(flags, 6);
    assert_false(arith_overflow_flags(a, &flags));
    assert_null(arith_fastmath_attr(f->ctx, 128));

    const struct { const eo_attr *a; const char *text; } c[] = {
        { arith_fastmath_attr(f->ctx, 6), "#arith.fastmath<nnan,ninf>" },
        { arith_fastmath_attr(f->ctx, 127), "#arith.fastmath<fast>" },
        { arith_fastmath_attr(f->ctx, 0), "#arith.fastmath<none>" },
        { arith_overflow_attr(f->ctx, 3), "#arith.overflow<nsw, nuw>" },
        { arith_overflow_attr(f->ctx, 0), "#arith.overflow<none>" },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        eo_strbuf b = {0};
        eo_attr_print(c[i].a, &b);
        assert_non_null(b.data);
        assert_string_equal(b.data, c[i].text);
        eo_strbuf_free(&b);
        const eo_attr *back = eo_attr_parse(f->ctx, c[i].text,
                                            strlen(c[i].text));
        assert_ptr_equal(back, c[i].a);
    }
    /* "fast" combined with single bits is still every bit. */
    const char *t = "#arith.fastmath<nnan,fast>";
    assert_ptr_equal(eo_attr_parse(f->ctx, t, strlen(t)),
                     arith_fastmath_attr(f->ctx, 127));
}

static void
addi_gets_default_overflow_flags(void **state)
{
    fixture *f = *state;
    eo_value *ops[] = { arg(f, 0), arg(f, 1) };
    eo_op *op = build(f, ARITH_ADDI, 2, ops, eo_type_get_int(f->ctx, 32));
    assert_non_null(op);
    /* MLIR 19 keeps the default-valued property (the generic form prints
     * it): an op built without one has it from creation on, as a
     * property, and verifying changes nothing. */
    assert_ptr_equal(eo_op_attr(op, "overflowFlags"),
                     arith_overflow_attr(f->ctx, 0));
    assert_non_null(eo_attr_dict_get(eo_op_props(op), "overflowFlags"));
    const eo_attr *props = eo_op_props(op);
    expect_verify(f, op, NULL);
    assert_ptr_equal(eo_op_props(op), props);
}

static void
integer_op_rejects_float_operands(void **state)
{
    fixture *f = *state;
    eo_value *ops[] = { arg(f, 2), arg(f, 3) };
    eo_op *op = build(f, ARITH_ADDI, 2, ops,
                      eo_type_get_float(f->ctx, EO_F32));
    expect_verify(f, op, "'arith.addi' op operand #0 must be "
                         "signless-integer-like, but got 'f32'");
}

static void
float_op_rejects_integer_operands(void **state)
{
    fixture *f = *state;
    eo_value *ops[] = { arg(f, 0), arg(f, 1) };
    eo_op *op = build(f, ARITH_MULF, 2, ops, eo_type_get_int(f->ctx, 32));
    expect_verify(f, op, "'arith.mulf' op operand #0 must be "
                         "floating-point-like, but got 'i32'");
}

static void
binary_op_requires_same_types(void **state)
{
    fixture *f = *state;
    eo_value *ops[] = { arg(f, 0), arg(f, 1) };
    eo_op *op = build(f, ARITH_SUBI, 2, ops, eo_type_get_int(f->ctx, 64));
    expect_verify(f, op, "'arith.subi' op requires the same type for all "
                         "operands and results");
}

static void
extsi_must_widen(void **state)
{
    fixture *f = *state;
    eo_value *a = arg(f, 0);
    eo_op *ok = build(f, ARITH_EXTSI, 1, &a, eo_type_get_int(f->ctx, 64));
    expect_verify(f, ok, NULL);
    eo_op *bad = build(f, ARITH_EXTSI, 1, &a, eo_type_get_int(f->ctx, 8));
    expect_verify(f, bad, "'arith.extsi' op operand type 'i32' and result "
                          "type 'i8' are cast incompatible");
    eo_op *same = build(f, ARITH_TRUNCI, 1, &a, eo_type_get_int(f->ctx, 32));
    expect_verify(f, same, "'arith.trunci' op operand type 'i32' and result "
                           "type 'i32' are cast incompatible");
}

static void
index_cast_needs_index_on_one_side(void **state)
{
    fixture *f = *state;
    eo_value *a = arg(f, 0);
    eo_op *ok = build(f, ARITH_INDEX_CAST, 1, &a, eo_type_get_index(f->ctx));
    expect_verify(f, ok, NULL);
    eo_op *bad = build(f, ARITH_INDEX_CASTUI, 1, &a,
                       eo_type_get_int(f->ctx, 64));
    expect_verify(f, bad, "'arith.index_castui' op operand type 'i32' and "
                          "result type 'i64' are cast incompatible");
}

static void
bitcast_keeps_width(void **state)
{
    fixture *f = *state;
    eo_value *a = arg(f, 2);
    eo_op *ok = build(f, ARITH_BITCAST, 1, &a, eo_type_get_int(f->ctx, 32));
    expect_verify(f, ok, NULL);
    eo_op *bad = build(f, ARITH_BITCAST, 1, &a, eo_type_get_int(f->ctx, 16));
    expect_verify(f, bad, "'arith.bitcast' op operand type 'f32' and result "
                          "type 'i16' are cast incompatible");
}

static void
cmpi_result_is_i1_of_operand_shape(void **state)
{
    fixture *f = *state;
    eo_ctx *ctx = f->ctx;
    eo_value *ops[] = { arg(f, 4), arg(f, 4) };
    int64_t four = 4;
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, arith_op_def(ARITH_CMPI),
                         eo_loc_unknown(ctx));
    assert_int_equal(eo_op_state_add_operands(&st, 2, ops), EO_OK);
    assert_int_equal(eo_op_state_add_result(&st, eo_type_get_int(ctx, 1)),
                     EO_OK);
    assert_int_equal(eo_op_state_set_attr(&st, "predicate",
                                          eo_attr_get_int(ctx,
                                          eo_type_get_int(ctx, 64), 2)),
                     EO_OK);
    eo_op *bad = eo_builder_insert(&f->b, &st);
    expect_verify(f, bad, "'arith.cmpi' op failed to verify that result "
                          "type has i1 element type and same shape as "
                          "operands");
    eo_value_set_type(eo_op_result(bad, 0),
                      eo_type_get_vector(ctx, 1, &four, NULL,
                                         eo_type_get_int(ctx, 1)));
    expect_verify(f, bad, NULL);
    assert_int_equal(eo_op_set_attr(bad, "predicate",
                                    eo_attr_get_int(ctx,
                                    eo_type_get_int(ctx, 64), 10)),
                     EO_OK);
    expect_verify(f, bad, "'arith.cmpi' op attribute 'predicate' failed to "
                          "satisfy constraint: allowed 64-bit signless "
                          "integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9");
    assert_string_equal(arith_cmpi_pred_name(2), "slt");
    assert_string_equal(arith_cmpf_pred_name(14), "uno");
    assert_null(arith_cmpi_pred_name(10));
}

static void
select_checks_condition_shape(void **state)
{
    fixture *f = *state;
    eo_value *ops[] = { arg(f, 5), arg(f, 0), arg(f, 1) };
    eo_op *ok = build(f, ARITH_SELECT, 3, ops, eo_type_get_int(f->ctx, 32));
    expect_verify(f, ok, NULL);
    eo_value *bad_ops[] = { arg(f, 0), arg(f, 0), arg(f, 1) };
    eo_op *bad = build(f, ARITH_SELECT, 3, bad_ops,
                       eo_type_get_int(f->ctx, 32));
    expect_verify(f, bad, "'arith.select' op operand #0 must be bool-like, "
                          "but got 'i32'");
}

static void
constant_value_type_must_match_result(void **state)
{
    fixture *f = *state;
    eo_ctx *ctx = f->ctx;
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, arith_op_def(ARITH_CONSTANT),
                         eo_loc_unknown(ctx));
    assert_int_equal(eo_op_state_set_attr(&st, "value",
                                          eo_attr_get_int(ctx,
                                          eo_type_get_int(ctx, 64), 1)),
                     EO_OK);
    assert_int_equal(eo_op_state_add_result(&st, eo_type_get_int(ctx, 32)),
                     EO_OK);
    eo_op *op = eo_builder_insert(&f->b, &st);
    expect_verify(f, op, "'arith.constant' op failed to verify that all of "
                         "{value, result} have same type");
    assert_int_equal(eo_op_set_attr(op, "value",
                                    eo_attr_get_string(ctx, "s", 1, NULL)),
                     EO_OK);
    eo_value_set_type(eo_op_result(op, 0), eo_type_get_none(ctx));
    expect_verify(f, op, "'arith.constant' op value must be an integer, "
                         "float, or elements attribute");
}

/* Prints 'm' and compares with 'want'; the buffer is freed before the
 * comparison so a failure leaks nothing. */
static void
expect_printed(eo_op *m, const eo_print_flags *fl, const char *want)
{
    static char out[16384];
    eo_strbuf b = {0};
    eo_op_print_to(m, fl, &b);
    snprintf(out, sizeof out, "%.*s", (int)b.len, b.data ? b.data : "");
    eo_strbuf_free(&b);
    assert_string_equal(out, want);
}

/* Parses 'text', verifies, prints (custom and generic forms) and
 * compares with 'want' / 'want_generic' (NULL to skip). */
static void
roundtrip(fixture *f, const char *text, const char *want,
          const char *want_generic)
{
    f->errors = 0;
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->msg);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("verify failed: %s", f->msg);
    eo_print_flags fl = {0};
    expect_printed(m, &fl, want);
    if (want_generic) {
        fl.generic = true;
        expect_printed(m, &fl, want_generic);
    }
    eo_op_destroy(m);
}

static void
custom_syntax_round_trips(void **state)
{
    fixture *f = *state;
    roundtrip(f,
        "func.func @g(%a: i32, %x: f32, %v: vector<4xi1>, "
        "%w: vector<4xi32>) {\n"
        "  %0 = arith.addi %a, %a overflow<nuw, nsw> : i32\n"
        "  %1 = arith.addf %x, %x fastmath<nnan,ninf> : f32\n"
        "  %2 = arith.cmpi slt, %a, %a : i32\n"
        "  %3 = arith.select %v, %w, %w : vector<4xi1>, vector<4xi32>\n"
        "  %4 = arith.extsi %a : i32 to i64\n"
        "  %5 = arith.truncf %x downward fastmath<fast> : f32 to f16\n"
        "  %6 = arith.cmpf oeq, %x, %x {tag} : f32\n"
        "  return\n"
        "}\n",
        "module {\n"
        "  func.func @g(%arg0: i32, %arg1: f32, %arg2: vector<4xi1>, "
        "%arg3: vector<4xi32>) {\n"
        "    %0 = arith.addi %arg0, %arg0 overflow<nsw, nuw> : i32\n"
        "    %1 = arith.addf %arg1, %arg1 fastmath<nnan,ninf> : f32\n"
        "    %2 = arith.cmpi slt, %arg0, %arg0 : i32\n"
        "    %3 = arith.select %arg2, %arg3, %arg3 : vector<4xi1>, "
        "vector<4xi32>\n"
        "    %4 = arith.extsi %arg0 : i32 to i64\n"
        "    %5 = arith.truncf %arg1 downward fastmath<fast> : f32 to f16\n"
        "    %6 = arith.cmpf oeq, %arg1, %arg1 {tag} : f32\n"
        "    return\n"
        "  }\n"
        "}\n",
        NULL);
}

static void
generic_form_shows_default_properties(void **state)
{
    fixture *f = *state;
    roundtrip(f,
        "func.func @g(%a: i32, %x: f32) {\n"
        "  %0 = arith.subi %a, %a : i32\n"
        "  %1 = arith.negf %x : f32\n"
        "  %2 = \"arith.muli\"(%a, %a) : (i32, i32) -> i32\n"
        "  return\n"
        "}\n",
        "module {\n"
        "  func.func @g(%arg0: i32, %arg1: f32) {\n"
        "    %0 = arith.subi %arg0, %arg0 : i32\n"
        "    %1 = arith.negf %arg1 : f32\n"
        "    %2 = arith.muli %arg0, %arg0 : i32\n"
        "    return\n"
        "  }\n"
        "}\n",
        "\"builtin.module\"() ({\n"
        "  \"func.func\"() <{function_type = (i32, f32) -> (), "
        "sym_name = \"g\"}> ({\n"
        "  ^bb0(%arg0: i32, %arg1: f32):\n"
        "    %0 = \"arith.subi\"(%arg0, %arg0) <{overflowFlags = "
        "#arith.overflow<none>}> : (i32, i32) -> i32\n"
        "    %1 = \"arith.negf\"(%arg1) <{fastmath = #arith.fastmath<none>}> "
        ": (f32) -> f32\n"
        "    %2 = \"arith.muli\"(%arg0, %arg0) <{overflowFlags = "
        "#arith.overflow<none>}> : (i32, i32) -> i32\n"
        "    \"func.return\"() : () -> ()\n"
        "  }) : () -> ()\n"
        "}) : () -> ()\n");
}

/* Collects the names a result_names hook gives. */
typedef struct names {
    char name[4][32];
    unsigned n;
} names;

static void
collect(void *ud, unsigned i, const char *name, size_t len)
{
    names *ns = ud;
    if (i < 4 && len < 32) {
        memcpy(ns->name[i], name, len);
        ns->name[i][len] = 0;
        ns->n = i + 1 > ns->n ? i + 1 : ns->n;
    }
}

static const char *
hint(fixture *f, eo_op *op, unsigned i)
{
    static names ns;
    memset(&ns, 0, sizeof ns);
    const eo_op_def *d = eo_op_get_def(op);
    assert_non_null(d->result_names);
    d->result_names(op, collect, &ns);
    return ns.name[i];
}

static eo_op *
constant(fixture *f, const eo_attr *v)
{
    eo_op_state st;
    eo_op_state_init_def(&st, f->ctx, arith_op_def(ARITH_CONSTANT),
                         eo_loc_unknown(f->ctx));
    if (eo_op_state_set_attr(&st, "value", v) != EO_OK ||
        eo_op_state_add_result(&st, eo_attr_type(v)) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_builder_insert(&f->b, &st);
}

static void
results_get_mlir_name_hints(void **state)
{
    fixture *f = *state;
    eo_ctx *ctx = f->ctx;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *i8 = eo_type_get_int(ctx, 8);
    assert_string_equal(hint(f, constant(f, eo_attr_get_int(ctx, i32, 42)),
                             0), "c42_i32");
    assert_string_equal(hint(f, constant(f, eo_attr_get_int(ctx, i8, -1)),
                             0), "c-1_i8");
    assert_string_equal(hint(f, constant(f, eo_attr_get_int(ctx,
                                         eo_type_get_index(ctx), 0)), 0),
                        "c0");
    assert_string_equal(hint(f, constant(f, eo_attr_get_bool(ctx, true)), 0),
                        "true");
    assert_string_equal(hint(f, constant(f, eo_attr_get_bool(ctx, false)), 0),
                        "false");
    assert_string_equal(hint(f, constant(f, eo_attr_get_float(ctx,
                                         eo_type_get_float(ctx, EO_F32),
                                         1.5)), 0), "cst");
    eo_value *ops[] = { arg(f, 0), arg(f, 1) };
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, arith_op_def(ARITH_MULUI_EXTENDED),
                         eo_loc_unknown(ctx));
    assert_int_equal(eo_op_state_add_operands(&st, 2, ops), EO_OK);
    const eo_type *res[] = { i32, i32 };
    assert_int_equal(eo_op_state_add_results(&st, 2, res), EO_OK);
    eo_op *mul = eo_builder_insert(&f->b, &st);
    assert_string_equal(hint(f, mul, 0), "low");
    assert_string_equal(hint(f, mul, 1), "high");
    eo_op *add = build(f, ARITH_ADDI, 2, ops, i32);
    assert_string_equal(hint(f, add, 0), "");     /* no hint: %N */
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table_rows_match_enum),
        T(flag_attrs_are_uniqued_and_print_like_mlir),
        T(addi_gets_default_overflow_flags),
        T(integer_op_rejects_float_operands),
        T(float_op_rejects_integer_operands),
        T(binary_op_requires_same_types),
        T(extsi_must_widen),
        T(index_cast_needs_index_on_one_side),
        T(bitcast_keeps_width),
        T(cmpi_result_is_i1_of_operand_shape),
        T(select_checks_condition_shape),
        T(constant_value_type_must_match_result),
        T(custom_syntax_round_trips),
        T(generic_form_shows_default_properties),
        T(results_get_mlir_name_hints),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

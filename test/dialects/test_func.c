/* test/dialects/test_func.c - the func dialect: func_create and the
 * accessors, verifier diagnostics for signatures, returns and calls, and
 * the function syntax of ir/function_syntax.c.
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
    char msg[1024];         /* first error */
    char note[2][256];      /* its first notes */
    int errors;
    eo_op *module;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR || f->errors++ != 0)
        return;
    snprintf(f->msg, sizeof f->msg, "%s", d->message);
    for (size_t i = 0; i < d->num_notes && i < 2; i++)
        snprintf(f->note[i], sizeof f->note[i], "%s", d->notes[i].message);
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
    f->module = eo_module_create(f->ctx, NULL);
    *state = f;
    return f->module ? 0 : -1;
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

static const eo_type *
fn_type(eo_ctx *ctx, size_t nin, const eo_type *in, size_t nout,
        const eo_type *out)
{
    const eo_type *ins[4] = { in, in, in, in };
    const eo_type *outs[4] = { out, out, out, out };
    return eo_type_get_function(ctx, nin, ins, nout, outs);
}

static eo_op *
add_func(fixture *f, const char *name, const eo_type *ft, bool decl)
{
    eo_op *fn = func_create(f->ctx, NULL, name, ft, decl);
    assert_non_null(fn);
    eo_block_append(eo_module_body(f->module), fn);
    return fn;
}

static eo_op *
add_op(fixture *f, eo_block *b, const eo_op_def *def, size_t n,
       eo_value *const *ops, size_t nres, const eo_type *const *res,
       const char *attr, const eo_attr *value)
{
    eo_builder bld;
    eo_op_state st;
    eo_builder_init(&bld, f->ctx);
    eo_builder_set_end(&bld, b);
    eo_op_state_init_def(&st, f->ctx, def, eo_loc_unknown(f->ctx));
    assert_int_equal(eo_op_state_add_operands(&st, n, ops), EO_OK);
    assert_int_equal(eo_op_state_add_results(&st, nres, res), EO_OK);
    if (attr)
        assert_int_equal(eo_op_state_set_attr(&st, attr, value), EO_OK);
    eo_op *op = eo_builder_insert(&bld, &st);
    assert_non_null(op);
    return op;
}

static void
expect_verify(fixture *f, const char *want)
{
    f->errors = 0;
    f->msg[0] = f->note[0][0] = f->note[1][0] = 0;
    eo_status st = eo_op_verify(f->module);
    if (!want) {
        if (st != EO_OK)
            fail_msg("unexpected error: %s", f->msg);
        return;
    }
    assert_int_equal(st, EO_ERROR);
    assert_string_equal(f->msg, want);
}

static const eo_attr *
ref(fixture *f, const char *name)
{
    return eo_attr_get_symbol_ref(f->ctx, eo_ident_cstr(f->ctx, name), 0,
                                  NULL);
}

static void
func_create_builds_signature_and_entry_block(void **state)
{
    fixture *f = *state;
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    const eo_type *ft = fn_type(f->ctx, 2, i32, 1, i32);
    eo_op *fn = add_func(f, "add", ft, false);
    assert_ptr_equal(func_get_type(fn), ft);
    assert_false(func_is_declaration(fn));
    eo_block *entry = func_entry_block(fn);
    assert_non_null(entry);
    assert_int_equal(eo_block_num_args(entry), 2);
    eo_value *args[] = { eo_block_arg(entry, 0), eo_block_arg(entry, 1) };
    eo_value *sum = eo_op_result(add_op(f, entry, arith_op_def(ARITH_ADDI), 2,
                                        args, 1, &i32, NULL, NULL), 0);
    add_op(f, entry, func_op_def(FUNC_RETURN), 1, &sum, 0, NULL, NULL, NULL);
    expect_verify(f, NULL);

    eo_op *decl = add_func(f, "ext", ft, true);
    assert_true(func_is_declaration(decl));
    assert_null(func_entry_block(decl));
    expect_verify(f, NULL);
    assert_null(func_create(f->ctx, NULL, "bad", i32, false));
}

static void
return_must_match_results(void **state)
{
    fixture *f = *state;
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    const eo_type *i64 = eo_type_get_int(f->ctx, 64);
    eo_op *fn = add_func(f, "f", fn_type(f->ctx, 1, i64, 0, NULL), false);
    eo_block *entry = func_entry_block(fn);
    eo_value *a = eo_block_arg(entry, 0);
    eo_op *ret = add_op(f, entry, func_op_def(FUNC_RETURN), 1, &a, 0, NULL,
                        NULL, NULL);
    expect_verify(f, "'func.return' op has 1 operands, but enclosing "
                     "function (@f) returns 0");
    assert_int_equal(eo_op_erase(ret), EO_OK);

    eo_op *g = add_func(f, "g", fn_type(f->ctx, 1, i64, 1, i32), false);
    entry = func_entry_block(g);
    a = eo_block_arg(entry, 0);
    add_op(f, entry, func_op_def(FUNC_RETURN), 1, &a, 0, NULL, NULL, NULL);
    /* @f has no terminator now: fix it before checking @g. */
    add_op(f, func_entry_block(fn), func_op_def(FUNC_RETURN), 0, NULL, 0,
           NULL, NULL, NULL);
    expect_verify(f, "type of return operand 0 ('i64') doesn't match "
                     "function result type ('i32') in function @g");
}

static void
entry_block_must_match_signature(void **state)
{
    fixture *f = *state;
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    eo_op *fn = add_func(f, "f", fn_type(f->ctx, 2, i32, 0, NULL), false);
    eo_block *entry = func_entry_block(fn);
    add_op(f, entry, func_op_def(FUNC_RETURN), 0, NULL, 0, NULL, NULL, NULL);
    assert_int_equal(eo_block_erase_arg(entry, 1), EO_OK);
    expect_verify(f, "'func.func' op entry block must have 2 arguments to "
                     "match function signature");
    eo_block_add_arg(entry, eo_type_get_int(f->ctx, 8), NULL);
    expect_verify(f, "'func.func' op type of entry block argument "
                     "#1('i8') must match the type of the corresponding "
                     "argument in function signature('i32')");
}

static void
public_declaration_is_rejected(void **state)
{
    fixture *f = *state;
    eo_op *fn = add_func(f, "d", fn_type(f->ctx, 0, NULL, 0, NULL), true);
    expect_verify(f, NULL);
    assert_int_equal(eo_op_set_attr(fn, "sym_visibility", NULL), EO_OK);
    expect_verify(f, "'func.func' op symbol declaration cannot have public "
                     "visibility");
    assert_int_equal(eo_op_set_attr(fn, "sym_visibility",
                                    eo_attr_get_string(f->ctx, "foo", 3,
                                                       NULL)),
                     EO_OK);
    expect_verify(f, "'func.func' op visibility expected to be one of "
                     "[\"public\", \"private\", \"nested\"], but got "
                     "\"foo\"");
}

static void
call_checks_callee(void **state)
{
    fixture *f = *state;
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    const eo_type *i64 = eo_type_get_int(f->ctx, 64);
    add_func(f, "callee", fn_type(f->ctx, 1, i64, 1, i32), true);
    eo_op *fn = add_func(f, "f", fn_type(f->ctx, 1, i32, 0, NULL), false);
    eo_block *entry = func_entry_block(fn);
    eo_value *a = eo_block_arg(entry, 0);
    eo_op *call = add_op(f, entry, func_op_def(FUNC_CALL), 1, &a, 1, &i32,
                         "callee", ref(f, "nope"));
    add_op(f, entry, func_op_def(FUNC_RETURN), 0, NULL, 0, NULL, NULL, NULL);
    expect_verify(f, "'func.call' op 'nope' does not reference a valid "
                     "function");
    assert_int_equal(eo_op_set_attr(call, "callee", ref(f, "callee")), EO_OK);
    expect_verify(f, "'func.call' op operand type mismatch: expected operand "
                     "type 'i64', but provided 'i32' for operand number 0");
    eo_value_set_type(a, i64);
    eo_value_set_type(eo_op_result(call, 0), i64);
    /* The signature of @f no longer matches its entry block: fix it. */
    assert_int_equal(eo_op_set_attr(fn, "function_type",
                                    eo_attr_get_type(f->ctx,
                                    fn_type(f->ctx, 1, i64, 0, NULL))),
                     EO_OK);
    expect_verify(f, "'func.call' op result type mismatch at index 0");
    assert_string_equal(f->note[0], "      op result types: 'i64'");
    assert_string_equal(f->note[1], "function result types: 'i32'");
    eo_value_set_type(eo_op_result(call, 0), i32);
    expect_verify(f, NULL);
}

static void
call_indirect_and_constant(void **state)
{
    fixture *f = *state;
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    const eo_type *ft = fn_type(f->ctx, 1, i32, 1, i32);
    add_func(f, "id", ft, true);
    eo_op *fn = add_func(f, "f", fn_type(f->ctx, 1, i32, 0, NULL), false);
    eo_block *entry = func_entry_block(fn);
    eo_op *cst = add_op(f, entry, func_op_def(FUNC_CONSTANT), 0, NULL, 1, &ft,
                        "value", ref(f, "id"));
    eo_value *ops[] = { eo_op_result(cst, 0), eo_block_arg(entry, 0) };
    eo_op *ci = add_op(f, entry, func_op_def(FUNC_CALL_INDIRECT), 2, ops, 1,
                       &i32, NULL, NULL);
    add_op(f, entry, func_op_def(FUNC_RETURN), 0, NULL, 0, NULL, NULL, NULL);
    expect_verify(f, NULL);
    eo_value_set_type(eo_op_result(ci, 0), eo_type_get_int(f->ctx, 8));
    expect_verify(f, "'func.call_indirect' op failed to verify that callee "
                     "result types match result types");
    eo_value_set_type(eo_op_result(ci, 0), i32);
    assert_int_equal(eo_op_set_attr(cst, "value", ref(f, "nope")), EO_OK);
    expect_verify(f, "'func.constant' op reference to undefined function "
                     "'nope'");
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

static void
roundtrip(fixture *f, const char *text, const char *want, bool generic)
{
    f->errors = 0;
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->msg);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("verify failed: %s", f->msg);
    eo_print_flags fl = {0};
    fl.generic = generic;
    expect_printed(m, &fl, want);
    eo_op_destroy(m);
}

static void
function_syntax_round_trips(void **state)
{
    fixture *f = *state;
    static const char text[] =
        "func.func @g(%x: i32) -> i32 {\n"
        "  %r = call @g(%x) {z} : (i32) -> i32\n"
        "  func.return {q} %r : i32\n"
        "}\n"
        "func.func @h(%arg0: i32 {a.x = 1}, %arg1: f32) -> (i32, f32) "
        "attributes {foo} {\n"
        "  return %arg0, %arg1 : i32, f32\n"
        "}\n"
        "func.func private @decl(i32 {a.b}, f32) -> (i32 {c.d})\n"
        "func.func nested @k() -> ((i32) -> i32)\n"
        "func.func public @e() {\n"
        "  return\n"
        "}\n";
    roundtrip(f, text,
        "module {\n"
        "  func.func @g(%arg0: i32) -> i32 {\n"
        "    %0 = call @g(%arg0) {z} : (i32) -> i32\n"
        "    return {q} %0 : i32\n"
        "  }\n"
        "  func.func @h(%arg0: i32 {a.x = 1 : i64}, %arg1: f32) -> "
        "(i32, f32) attributes {foo} {\n"
        "    return %arg0, %arg1 : i32, f32\n"
        "  }\n"
        "  func.func private @decl(i32 {a.b}, f32) -> (i32 {c.d})\n"
        "  func.func nested @k() -> ((i32) -> i32)\n"
        "  func.func public @e() {\n"
        "    return\n"
        "  }\n"
        "}\n", false);
    roundtrip(f, "func.func private @decl(i32 {a.b}, f32) -> (i32 {c.d})\n",
        "\"builtin.module\"() ({\n"
        "  \"func.func\"() <{arg_attrs = [{a.b}, {}], function_type = "
        "(i32, f32) -> i32, res_attrs = [{c.d}], sym_name = \"decl\", "
        "sym_visibility = \"private\"}> ({\n"
        "  }) : () -> ()\n"
        "}) : () -> ()\n", true);
}

static void
function_syntax_rejects_inferred_attributes(void **state)
{
    fixture *f = *state;
    static const char text[] =
        "func.func @g() attributes {sym_visibility = \"private\"} {\n"
        "  return\n"
        "}\n";
    f->errors = 0;
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_null(m);
    assert_string_equal(f->msg, "custom op 'func.func' 'sym_visibility' is "
                                "an inferred attribute and should not be "
                                "specified in the explicit attribute "
                                "dictionary");
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(func_create_builds_signature_and_entry_block),
        T(return_must_match_results),
        T(entry_block_must_match_signature),
        T(public_declaration_is_rejected),
        T(call_checks_callee),
        T(call_indirect_and_constant),
        T(function_syntax_round_trips),
        T(function_syntax_rejects_inferred_attributes),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

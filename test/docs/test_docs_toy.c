/* test/docs/test_docs_toy.c - compiles the toy dialect of
 * docs/writing-a-dialect.md (docs/examples/toy_dialect.c, included as is)
 * and checks that it does what the text says: it registers, its custom
 * forms parse and print back, and its verifiers report MLIR-style errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "docs/examples/toy_dialect.c"
#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

/* Collects error messages, one per line. */
static void
collect_diag(const eo_diag *d, void *ud)
{
    eo_strbuf *b = ud;
    eo_strbuf_puts(b, d->message);
    eo_strbuf_puts(b, "\n");
}

typedef struct fixture {
    eo_ctx *ctx;
    eo_strbuf diags;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx) {
        free(f);
        return -1;
    }
    eo_ctx_set_diag_handler(f->ctx, collect_diag, &f->diags);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    eo_strbuf_free(&f->diags);
    free(f);
    return 0;
}

/* Parses 'src' with the toy dialect registered; NULL after diagnostics. */
static eo_op *
parse(fixture *f, const char *src)
{
    assert_int_equal(toy_register(f->ctx), EO_OK);
    return eo_parse_source(f->ctx, "toy.mlir", src, strlen(src), NULL);
}

static const char *
diags(fixture *f)
{
    eo_strbuf_append(&f->diags, "", 1);
    f->diags.len--;
    return f->diags.data;
}

static void
toy_registers_once_and_twice(void **state)
{
    fixture *f = *state;
    assert_int_equal(toy_register(f->ctx), EO_OK);
    assert_int_equal(toy_register(f->ctx), EO_OK);
    assert_non_null(eo_op_def_lookup(f->ctx, "toy.add", 7));
    assert_ptr_equal(eo_op_def_lookup(f->ctx, "toy.add", 7),
                     &toy_ops[TOY_ADD]);
}

static void
toy_module_parses_verifies_and_prints_back(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "%0 = toy.constant 5 : i32\n"
        "%1 = toy.add %0, %0 : i32\n"
        "\"toy.print\"(%1) : (i32) -> ()\n";
    static const char expected[] =
        "module {\n"
        "  %0 = toy.constant 5 : i32\n"
        "  %1 = toy.add %0, %0 : i32\n"
        "  \"toy.print\"(%1) : (i32) -> ()\n"
        "}\n";
    eo_op *m = parse(f, src);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);

    eo_print_flags fl = {0};
    eo_strbuf out = {0};
    eo_op_print_to(m, &fl, &out);
    assert_false(out.oom);
    eo_strbuf_append(&out, "", 1);
    assert_string_equal(out.data, expected);
    eo_strbuf_free(&out);

    /* The generic form needs no hooks. */
    fl.generic = true;
    eo_op_print_to(m, &fl, &out);
    eo_strbuf_append(&out, "", 1);
    assert_non_null(strstr(out.data, "%1 = \"toy.add\"(%0, %0) : "
                                     "(i32, i32) -> i32"));
    eo_strbuf_free(&out);
    eo_op_destroy(m);
    assert_int_equal(f->diags.len, 0);
}

static void
print_without_operands_is_a_verifier_error(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"toy.print\"() : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_non_null(strstr(diags(f),
                           "'toy.print' op expects at least one operand"));
    eo_op_destroy(m);
}

static void
constant_of_the_wrong_type_is_a_verifier_error(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "%0 = \"toy.constant\"() <{value = 5 : i64}> "
                        ": () -> i32\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_non_null(strstr(diags(f), "'toy.constant' op attribute 'value' "
                                     "must have the result type"));
    eo_op_destroy(m);
}

static void
constant_without_value_fails_the_generic_checks(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "%0 = \"toy.constant\"() : () -> i32\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_non_null(strstr(diags(f), "'toy.constant' op requires attribute "
                                     "'value'"));
    eo_op_destroy(m);
}

static void
add_of_mixed_types_is_a_parse_error(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "%0 = toy.constant 1 : i32\n"
                        "%1 = toy.add %0, %0 : i64\n");
    assert_null(m);
    assert_true(f->diags.len > 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(toy_registers_once_and_twice,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            toy_module_parses_verifies_and_prints_back, setup, teardown),
        cmocka_unit_test_setup_teardown(
            print_without_operands_is_a_verifier_error, setup, teardown),
        cmocka_unit_test_setup_teardown(
            constant_of_the_wrong_type_is_a_verifier_error, setup, teardown),
        cmocka_unit_test_setup_teardown(
            constant_without_value_fails_the_generic_checks, setup,
            teardown),
        cmocka_unit_test_setup_teardown(add_of_mixed_types_is_a_parse_error,
                                        setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

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

#include <stdio.h>
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
        "  %cst = toy.constant 5 : i32\n"
        "  %0 = toy.add %cst, %cst : i32\n"
        "  \"toy.print\"(%0) : (i32) -> ()\n"
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
    assert_null(strstr(out.data, "%cst"));   /* names are for custom forms */
    eo_strbuf_free(&out);
    eo_op_destroy(m);
    assert_int_equal(f->diags.len, 0);
}

/* The first op of the module's body named 'name'. */
static eo_op *
find_op(eo_op *module, const char *name)
{
    for (eo_op *op = eo_block_first(eo_module_body(module)); op;
         op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), name) == 0)
            return op;
    return NULL;
}

static void
add_folds_constants_and_zero(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "%0 = toy.constant 2 : i8\n"
                        "%1 = toy.constant 255 : i8\n"
                        "%2 = toy.add %0, %1 : i8\n"
                        "%3 = toy.constant 0 : i8\n"
                        "%4 = toy.add %3, %2 : i8\n"
                        "\"toy.print\"(%2, %4) : (i8, i8) -> ()\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op *add = find_op(m, "toy.add");
    eo_fold_result res;
    bool folded;

    /* 2 + 255 wraps to 1 in i8. */
    assert_int_equal(eo_op_fold(add, &res, &folded), EO_OK);
    assert_true(folded);
    assert_non_null(res.attr);
    assert_int_equal(eo_attr_int_value(res.attr), 1);
    assert_ptr_equal(eo_attr_type(res.attr), eo_type_get_int(f->ctx, 8));

    /* 0 + x: the constant moves right, then x + 0 -> x. */
    eo_op *add2 = eo_op_next(eo_op_next(add));
    assert_string_equal(eo_op_name_str(add2), "toy.add");
    assert_int_equal(eo_op_fold(add2, &res, &folded), EO_OK);
    assert_true(folded);
    assert_ptr_equal(res.value, eo_op_result(add, 0));
    eo_op_destroy(m);
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

/* docs/writing-a-dialect.md, read whole (EO_SOURCE_DIR is the checkout). */
static char *
read_page(void)
{
    FILE *fp = fopen(EO_SOURCE_DIR "/docs/writing-a-dialect.md", "rb");
    assert_non_null(fp);
    eo_strbuf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        eo_strbuf_append(&b, chunk, n);
    assert_int_equal(ferror(fp), 0);
    fclose(fp);
    eo_strbuf_append(&b, "", 1);
    assert_false(b.oom);
    return b.data;
}

/* The text after the line 'intro' (and a mark line "<!-- ... -->") up to
 * the next line that is neither part of a ```mlir fence nor indented by 4:
 * the fenced block's lines, or the indented lines with the indentation
 * removed. */
static void
page_block(const char *page, const char *intro, eo_strbuf *out)
{
    const char *at = strstr(page, intro);
    assert_non_null(at);
    const char *line = strchr(at, '\n');
    assert_non_null(line);
    line++;
    while (*line == '\n')
        line++;
    /* A "<!-- tested by: ... -->" mark (test/docs/check_blocks.py). */
    if (strncmp(line, "<!--", 4) == 0) {
        line = strchr(line, '\n');
        assert_non_null(line);
        while (*line == '\n')
            line++;
    }
    bool fenced = strncmp(line, "```mlir\n", 8) == 0;
    if (fenced)
        line += 8;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (fenced && len == 3 && strncmp(line, "```", 3) == 0)
            return;
        if (!fenced) {
            if (len < 4 || strncmp(line, "    ", 4) != 0)
                return;
            line += 4;
            len -= 4;
        }
        eo_strbuf_append(out, line, len);
        eo_strbuf_append(out, "\n", 1);
        line += len + (end ? 1 : 0);
    }
    fail_msg("block after '%s' is not closed", intro);
}

/* What the page says the dialect prints and reports is what it does. */
static void
page_shows_what_the_dialect_prints_and_reports(void **state)
{
    fixture *f = *state;
    char *page = read_page();
    eo_strbuf shown = {0}, printed = {0}, lines = {0};

    /* The page shows the body of the module that the round trip prints. */
    page_block(page, "It reads and prints:", &shown);
    eo_strbuf_append(&shown, "", 1);
    eo_op *m = parse(f, shown.data);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_print_flags fl = {0};
    eo_op_print_to(m, &fl, &printed);
    eo_strbuf_append(&printed, "", 1);
    assert_false(printed.oom);
    eo_strbuf_puts(&lines, "module {\n");
    for (const char *l = shown.data; *l;) {
        const char *end = strchr(l, '\n');
        eo_strbuf_puts(&lines, "  ");
        eo_strbuf_append(&lines, l, (size_t)(end - l) + 1);
        l = end + 1;
    }
    eo_strbuf_puts(&lines, "}\n");
    eo_strbuf_append(&lines, "", 1);
    assert_string_equal(printed.data, lines.data);
    eo_op_destroy(m);

    /* Each message it lists is one of the dialect's, produced by invalid
     * input. */
    static const char *const bad[] = {
        "\"toy.print\"() : () -> ()\n",
        "%0 = \"toy.constant\"() <{value = 5 : i64}> : () -> i32\n",
        "%0 = \"toy.constant\"() : () -> i32\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        m = parse(f, bad[i]);
        assert_non_null(m);
        assert_int_equal(eo_op_verify(m), EO_ERROR);
        eo_op_destroy(m);
    }
    const char *got = diags(f);
    eo_strbuf msgs = {0};
    page_block(page, "and reports, for instance:", &msgs);
    eo_strbuf_append(&msgs, "", 1);
    size_t count = 0;
    for (char *l = msgs.data; *l; count++) {
        char *end = strchr(l, '\n');
        *end = '\0';
        if (!strstr(got, l))
            fail_msg("the page lists '%s', which the dialect does not "
                     "report; it reports:\n%s", l, got);
        l = end + 1;
    }
    assert_int_equal(count, sizeof bad / sizeof bad[0]);
    eo_strbuf_free(&msgs);
    eo_strbuf_free(&lines);
    eo_strbuf_free(&printed);
    eo_strbuf_free(&shown);
    free(page);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(toy_registers_once_and_twice,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            toy_module_parses_verifies_and_prints_back, setup, teardown),
        cmocka_unit_test_setup_teardown(add_folds_constants_and_zero, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(
            print_without_operands_is_a_verifier_error, setup, teardown),
        cmocka_unit_test_setup_teardown(
            constant_of_the_wrong_type_is_a_verifier_error, setup, teardown),
        cmocka_unit_test_setup_teardown(
            constant_without_value_fails_the_generic_checks, setup,
            teardown),
        cmocka_unit_test_setup_teardown(add_of_mixed_types_is_a_parse_error,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            page_shows_what_the_dialect_prints_and_reports, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

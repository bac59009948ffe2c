/* test/docs/test_docs_api.c - compiles and runs the embedding example of
 * docs/ir.md (docs/examples/parse_verify_print.c, included as is). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "docs/examples/parse_verify_print.c"

#include <stdio.h>
#include <string.h>

/* Runs the example on 'src' and returns what it printed (static buffer). */
static const char *
run(const char *src, bool generic, eo_status *st)
{
    static char buf[4096];
    FILE *f = tmpfile();
    assert_non_null(f);
    *st = parse_verify_print("example.mlir", src, strlen(src), generic, f);
    rewind(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static void
example_prints_a_valid_module(void **state)
{
    (void)state;
    eo_status st;
    const char *out = run("func.func @id(%x: i32) -> i32 {\n"
                          "  return %x : i32\n"
                          "}\n", false, &st);
    assert_int_equal(st, EO_OK);
    assert_string_equal(out, "module {\n"
                             "  func.func @id(%arg0: i32) -> i32 {\n"
                             "    return %arg0 : i32\n"
                             "  }\n"
                             "}\n");
}

static void
example_prints_the_generic_form(void **state)
{
    (void)state;
    eo_status st;
    const char *out = run("%0 = arith.constant 1 : i32\n", true, &st);
    assert_int_equal(st, EO_OK);
    assert_non_null(strstr(out, "\"arith.constant\"() <{value = 1 : i32}> "
                                ": () -> i32"));
}

static void
example_fails_on_invalid_ir(void **state)
{
    (void)state;
    eo_status st;
    const char *out = run("func.func @f(%x: i32) -> i64 {\n"
                          "  return %x : i32\n"
                          "}\n", false, &st);
    assert_int_equal(st, EO_ERROR);
    assert_string_equal(out, "");
    out = run("%0 = arith.addi\n", false, &st);
    assert_int_equal(st, EO_ERROR);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(example_prints_a_valid_module),
        cmocka_unit_test(example_prints_the_generic_form),
        cmocka_unit_test(example_fails_on_invalid_ir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

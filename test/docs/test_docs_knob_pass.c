/* test/docs/test_docs_knob_pass.c - compiles the mul-to-shift pass of
 * docs/patterns-and-passes.md and docs/knobs.md
 * (docs/examples/knob_pass.c, included as is) and checks that it does what
 * the text says: it registers, runs through the pass manager, rewrites
 * every power-of-two multiplication when no knob is assigned, keeps the
 * ones whose knob is assigned false, honours its typed option, and records
 * its knobs in the space.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "docs/examples/knob_pass.c"
#include "dialects/dialects.h"

#include <stdlib.h>
#include <string.h>

eo_status mul_to_shift_register(eo_ctx *ctx);

static const char input[] =
    "func.func @f(%x: i32, %y: i32) -> (i32, i32, i32) {\n"
    "  %c8 = arith.constant 8 : i32\n"
    "  %c3 = arith.constant 3 : i32\n"
    "  %0 = arith.muli %x, %c8 {name = \"m1\"} : i32\n"
    "  %1 = arith.muli %c8, %y : i32\n"
    "  %2 = arith.muli %x, %c3 : i32\n"
    "  return %0, %1, %2 : i32, i32, i32\n"
    "}\n";

/* Collects diagnostics, one message per line. */
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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        mul_to_shift_register(f->ctx) != EO_OK) {
        if (f->ctx)
            eo_ctx_destroy(f->ctx);
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

static size_t
count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Parses 'input', runs 'pipeline' with knob assignments 'assign' (NULL:
 * none), checks the assignment, and returns the printed module (malloc'd)
 * and the knob space JSON in *space (malloc'd). */
static char *
run(fixture *f, const char *pipeline, const char *assign, char **space,
    size_t *asked)
{
    eo_op *m = eo_parse_source(f->ctx, "input.mlir", input, strlen(input),
                               NULL);
    assert_non_null(m);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, pipeline), EO_OK);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    if (assign)
        assert_int_equal(eo_knob_store_assign(ks, assign), EO_OK);
    assert_int_equal(eo_pm_run(pm, m, eo_knob_store_provider(ks)), EO_OK);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    *asked = eo_knob_store_num_asked(ks);

    eo_strbuf b = {0};
    eo_knob_store_space_json(ks, &b);
    eo_strbuf_append(&b, "", 1);
    assert_false(b.oom);
    *space = strdup(b.data);
    eo_strbuf_free(&b);

    eo_print_flags fl = {0};
    eo_op_print_to(m, &fl, &b);
    eo_strbuf_append(&b, "", 1);
    assert_false(b.oom);
    char *text = strdup(b.data);
    eo_strbuf_free(&b);
    eo_knob_store_destroy(ks);
    eo_pm_destroy(pm);
    eo_op_destroy(m);
    assert_non_null(text);
    assert_non_null(*space);
    return text;
}

static void
registers_and_is_listed(void **state)
{
    fixture *f = *state;
    assert_int_equal(mul_to_shift_register(f->ctx), EO_OK);  /* twice */
    assert_ptr_equal(eo_pass_lookup(f->ctx, "mul-to-shift"),
                     &mul_to_shift_pass);
    eo_strbuf b = {0};
    eo_pass_list(f->ctx, &b);
    eo_strbuf_append(&b, "", 1);
    assert_non_null(strstr(b.data, "--mul-to-shift"));
    assert_non_null(strstr(b.data, "--max-shift=<long>"));
    eo_strbuf_free(&b);

    /* Added by name, a func.func pass nests itself, as pass flags do. */
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", NULL);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pass(pm, "mul-to-shift", "max-shift=4"),
                     EO_OK);
    eo_pm_print_pipeline(pm, &b);
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(
        b.data, "builtin.module(func.func(mul-to-shift{max-shift=4}))");
    eo_strbuf_free(&b);
    eo_pm_destroy(pm);
}

/* No assignment: every knob answers its default (true), so both
 * multiplications by 8 become shifts; the one by 3 is never asked. */
static void
defaults_rewrite_every_power_of_two(void **state)
{
    fixture *f = *state;
    char *space;
    size_t asked;
    char *out = run(f, "builtin.module(func.func(mul-to-shift))", NULL,
                    &space, &asked);
    assert_int_equal(count(out, "arith.shli"), 2);
    assert_int_equal(count(out, "arith.muli"), 1);
    assert_non_null(strstr(out, "arith.shli %arg0, %c3_i32 {name = \"m1\"}"));
    assert_int_equal(asked, 2);
    assert_non_null(strstr(space, "\"name\": \"mul-to-shift.m1.enable\""));
    assert_non_null(strstr(
        space, "\"name\": \"mul-to-shift.input.mlir:5:8.enable\""));
    assert_non_null(strstr(space, "\"asker\": \"mul-to-shift\""));
    free(out);
    free(space);
    assert_int_equal(f->diags.len, 0);
}

/* An assignment turns the rewrite off at one site only. */
static void
assignment_keeps_one_multiplication(void **state)
{
    fixture *f = *state;
    char *space, *def_space;
    size_t asked, def_asked;
    char *def = run(f, "builtin.module(func.func(mul-to-shift))", NULL,
                    &def_space, &def_asked);
    char *out = run(f, "builtin.module(func.func(mul-to-shift))",
                    "mul-to-shift.m1.enable=false", &space, &asked);
    assert_string_not_equal(out, def);
    assert_int_equal(count(out, "arith.shli"), 1);
    assert_int_equal(count(out, "arith.muli"), 2);
    assert_non_null(strstr(out, "arith.muli %arg0, %c8_i32 {name = \"m1\"}"));
    assert_int_equal(asked, 2);
    free(def);
    free(def_space);
    free(out);
    free(space);

    /* A glob assigns every site. */
    out = run(f, "builtin.module(func.func(mul-to-shift))",
              "mul-to-shift.*.enable=false", &space, &asked);
    assert_int_equal(count(out, "arith.shli"), 0);
    free(out);
    free(space);
    assert_int_equal(f->diags.len, 0);
}

/* The typed option: max-shift=2 excludes x * 8, so no knob is asked. */
static void
option_limits_the_pattern(void **state)
{
    fixture *f = *state;
    char *space;
    size_t asked;
    char *out = run(f, "builtin.module(func.func(mul-to-shift{max-shift=2}))",
                    NULL, &space, &asked);
    assert_int_equal(count(out, "arith.shli"), 0);
    assert_int_equal(asked, 0);
    free(out);
    free(space);

    /* A bad option value is an error of the pipeline text. */
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", NULL);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, "mul-to-shift{max-shift=x}"),
                     EO_ERROR);
    assert_true(f->diags.len > 0);
    eo_pm_destroy(pm);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(registers_and_is_listed, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(defaults_rewrite_every_power_of_two,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(assignment_keeps_one_multiplication,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(option_limits_the_pattern, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

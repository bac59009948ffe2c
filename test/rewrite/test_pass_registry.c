/* test/rewrite/test_pass_registry.c - the pass registry and typed pass
 * options: registration rules, lookup per context, option parsing into
 * the options struct, errors with their column, --list-passes text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <string.h>

typedef struct tile_opts {
    int64_t size;
    int64_t loops;
    bool verbose;
    const char *label;
} tile_opts;

static tile_opts last_opts;
static char last_label[64];

static eo_status
run_tile(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    (void)op;
    (void)pc;
    last_opts = *(const tile_opts *)options;
    snprintf(last_label, sizeof(last_label), "%s",
             last_opts.label ? last_opts.label : "(null)");
    return EO_OK;
}

static const eo_pass_option tile_options[] = {
    { "size", "Tile size", EO_OPT_INT, offsetof(tile_opts, size), "32" },
    { "loops", "Loops to tile", EO_OPT_INT, offsetof(tile_opts, loops),
      "2" },
    { "verbose", "Say more", EO_OPT_BOOL, offsetof(tile_opts, verbose),
      "false" },
    { "label", "A name", EO_OPT_STRING, offsetof(tile_opts, label), "t" },
};

static const eo_pass_def tile_pass = {
    .name = "test-tile",
    .description = "Tile things (test)",
    .anchor = NULL,
    .options = tile_options,
    .num_options = 4,
    .options_size = sizeof(tile_opts),
    .run = run_tile,
};

static const eo_pass_def tile_pass_twin = {
    .name = "test-tile",
    .description = "Another pass with the same name",
    .run = run_tile,
};

static const eo_pass_def bad_name_pass = {
    .name = "bad name",
    .run = run_tile,
};

static const eo_pass_option bad_default_options[] = {
    { "n", "A number", EO_OPT_INT, 0, "many" },
};

static const eo_pass_def bad_default_pass = {
    .name = "test-bad-default",
    .options = bad_default_options,
    .num_options = 1,
    .options_size = sizeof(int64_t),
    .run = run_tile,
};

static const eo_pass_option bad_offset_options[] = {
    { "n", "A number", EO_OPT_INT, 4, "1" },
};

static const eo_pass_def bad_offset_pass = {
    .name = "test-bad-offset",
    .options = bad_offset_options,
    .num_options = 1,
    .options_size = sizeof(int64_t),
    .run = run_tile,
};

/* Diagnostics, formatted, for checking messages and columns. */
static eo_strbuf diags;

static void
capture(const eo_diag *d, void *ud)
{
    eo_diag_format(ud, d, &diags);
}

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return -1;
    eo_ctx_set_diag_handler(ctx, capture, ctx);
    diags.len = 0;
    if (diags.data)
        diags.data[0] = '\0';
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static const char *
diag_text(void)
{
    return diags.data ? diags.data : "";
}

static void
registered_pass_is_found_by_name(void **state)
{
    eo_ctx *ctx = *state;
    assert_null(eo_pass_lookup(ctx, "test-tile"));
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_ptr_equal(eo_pass_lookup(ctx, "test-tile"), &tile_pass);
    assert_null(eo_pass_lookup(ctx, "test-til"));
}

static void
registering_the_same_def_twice_is_a_no_op(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_string_equal(diag_text(), "");
}

static void
a_taken_name_is_an_error(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_int_equal(eo_pass_register(ctx, &tile_pass_twin), EO_ERROR);
    assert_non_null(strstr(diag_text(), "pass 'test-tile' is already "
                                        "registered"));
    assert_ptr_equal(eo_pass_lookup(ctx, "test-tile"), &tile_pass);
}

static void
bad_definitions_are_rejected(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &bad_name_pass), EO_ERROR);
    assert_non_null(strstr(diag_text(), "invalid pass name 'bad name'"));
    assert_int_equal(eo_pass_register(ctx, &bad_default_pass), EO_ERROR);
    assert_non_null(strstr(diag_text(), "invalid value 'many' for integer "
                                        "option 'n'"));
    assert_int_equal(eo_pass_register(ctx, &bad_offset_pass), EO_ERROR);
    assert_non_null(strstr(diag_text(), "invalid option 'n'"));
    assert_null(eo_pass_lookup(ctx, "test-bad-default"));
}

static void
registries_are_per_context(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    eo_ctx *other = eo_ctx_create(NULL);
    assert_non_null(other);
    assert_null(eo_pass_lookup(other, "test-tile"));
    assert_int_equal(eo_pass_register(other, &tile_pass_twin), EO_OK);
    assert_ptr_equal(eo_pass_lookup(other, "test-tile"), &tile_pass_twin);
    assert_ptr_equal(eo_pass_lookup(ctx, "test-tile"), &tile_pass);
    eo_ctx_destroy(other);
}

/* Runs test-tile once with 'options' through a pass manager. */
static eo_status
run_with(eo_ctx *ctx, const char *options)
{
    eo_pass_manager *pm = eo_pm_create(ctx, "builtin.module", NULL);
    assert_non_null(pm);
    eo_status st = eo_pm_add_pass(pm, "test-tile", options);
    if (st == EO_OK) {
        eo_op *m = eo_module_create(ctx, eo_loc_unknown(ctx));
        assert_non_null(m);
        st = eo_pm_run(pm, m, NULL);
        eo_op_destroy(m);
    }
    eo_pm_destroy(pm);
    return st;
}

static void
options_default_and_parse_into_the_struct(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_int_equal(run_with(ctx, NULL), EO_OK);
    assert_int_equal(last_opts.size, 32);
    assert_int_equal(last_opts.loops, 2);
    assert_false(last_opts.verbose);
    assert_string_equal(last_label, "t");

    assert_int_equal(run_with(ctx, "size=64 loops=-3 verbose label=abc"),
                     EO_OK);
    assert_int_equal(last_opts.size, 64);
    assert_int_equal(last_opts.loops, -3);
    assert_true(last_opts.verbose);
    assert_string_equal(last_label, "abc");

    assert_int_equal(run_with(ctx, "verbose=false label=\"a b\" "
                                   "size=0x10"), EO_OK);
    assert_false(last_opts.verbose);
    assert_string_equal(last_label, "a b");
    assert_int_equal(last_opts.size, 16);

    assert_int_equal(run_with(ctx, "label={x{y} z}"), EO_OK);
    assert_string_equal(last_label, "x{y} z");
    assert_string_equal(diag_text(), "");
}

static void
an_unknown_option_is_reported_at_its_column(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_int_equal(run_with(ctx, "size=1 tiles=2"), EO_ERROR);
    assert_non_null(strstr(diag_text(), "<pass-options>:1:8: error: no "
                                        "option 'tiles' in pass "
                                        "'test-tile'"));
}

static void
a_bad_value_is_reported_at_its_column(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    assert_int_equal(run_with(ctx, "size=big"), EO_ERROR);
    assert_non_null(strstr(diag_text(), "<pass-options>:1:6: error: "
                                        "invalid value 'big' for integer "
                                        "option 'size' of pass "
                                        "'test-tile'"));
    diags.len = 0;
    assert_int_equal(run_with(ctx, "verbose=maybe"), EO_ERROR);
    assert_non_null(strstr(diag_text(), "1:9: error: invalid value 'maybe' "
                                        "for boolean option 'verbose'"));
    diags.len = 0;
    assert_int_equal(run_with(ctx, "size"), EO_ERROR);
    assert_non_null(strstr(diag_text(), "option 'size' of pass 'test-tile' "
                                        "needs a value"));
    diags.len = 0;
    assert_int_equal(run_with(ctx, "label=\"open"), EO_ERROR);
    assert_non_null(strstr(diag_text(), "unterminated quoted option "
                                        "value"));
}

static void
unknown_pass_is_an_error(void **state)
{
    eo_ctx *ctx = *state;
    eo_pass_manager *pm = eo_pm_create(ctx, "builtin.module", NULL);
    assert_int_equal(eo_pm_add_pass(pm, "no-such-pass", NULL), EO_ERROR);
    assert_non_null(strstr(diag_text(), "'no-such-pass' does not refer to "
                                        "a registered pass"));
    eo_pm_destroy(pm);
}

static void
list_shows_names_descriptions_and_options(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_pass_register(ctx, &tile_pass), EO_OK);
    eo_strbuf out = { 0 };
    eo_pass_list(ctx, &out);
    assert_non_null(out.data);
    assert_non_null(strstr(out.data, "Available passes:\n"));
    assert_non_null(strstr(out.data, "  --test-tile "));
    assert_non_null(strstr(out.data, "-   Tile things (test)\n"));
    assert_non_null(strstr(out.data, "    --size=<long> "));
    assert_non_null(strstr(out.data, "- Tile size (default: 32)\n"));
    assert_non_null(strstr(out.data, "    --verbose "));
    assert_non_null(strstr(out.data, "    --label=<string> "));
    eo_strbuf_free(&out);
}

static void
count_pass(const eo_pass_def *d, void *ud)
{
    (void)d;
    (*(size_t *)ud)++;
}

static void
builtin_passes_register_and_are_listed_in_name_order(void **state)
{
    eo_ctx *ctx = *state;
    assert_int_equal(eo_passes_register(ctx), EO_OK);
    assert_int_equal(eo_passes_register(ctx), EO_OK);
    size_t n = 0;
    eo_pass_foreach(ctx, count_pass, &n);
    assert_true(n >= 1);
    eo_strbuf out = { 0 };
    eo_pass_list(ctx, &out);
    const char *prev = NULL;
    for (const char *p = out.data; p && (p = strstr(p, "\n  --")); p++) {
        if (prev)
            assert_true(strcmp(prev, p + 5) < 0);
        prev = p + 5;
    }
    eo_strbuf_free(&out);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(registered_pass_is_found_by_name),
        T(registering_the_same_def_twice_is_a_no_op),
        T(a_taken_name_is_an_error),
        T(bad_definitions_are_rejected),
        T(registries_are_per_context),
        T(options_default_and_parse_into_the_struct),
        T(an_unknown_option_is_reported_at_its_column),
        T(a_bad_value_is_reported_at_its_column),
        T(unknown_pass_is_an_error),
        T(list_shows_names_descriptions_and_options),
        T(builtin_passes_register_and_are_listed_in_name_order),
#undef T
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    eo_strbuf_free(&diags);
    return rc;
}

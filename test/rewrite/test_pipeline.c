/* test/rewrite/test_pipeline.c - MLIR's textual pipeline syntax: parsing
 * (anchored and anchorless), printing that round-trips, errors at their
 * column, and the optional(...) / any(...) choices asked as knobs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <string.h>

/* Each test pass appends its name and the op it ran on to 'trace'. */
static eo_strbuf trace;

typedef struct count_opts {
    int64_t size;
    bool flag;
} count_opts;

static eo_status
run_a(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    const count_opts *co = o;
    eo_strbuf_printf(&trace, "a%lld@%s ", (long long)co->size,
                     eo_op_name_str(op));
    return EO_OK;
}

static eo_status
run_b(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    (void)o;
    eo_strbuf_printf(&trace, "b@%s ", eo_op_name_str(op));
    return EO_OK;
}

static eo_status
run_f(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    (void)o;
    const eo_ident *s = eo_symbol_name(eo_op_ctx(op), op);
    eo_strbuf_printf(&trace, "f@%s ", s ? eo_ident_str(s) : "?");
    return EO_OK;
}

static const eo_pass_option a_options[] = {
    { "size", "A size", EO_OPT_INT, offsetof(count_opts, size), "1" },
    { "flag", "A flag", EO_OPT_BOOL, offsetof(count_opts, flag), "false" },
};

static const eo_pass_def pass_a = {
    .name = "pa", .description = "any-op pass a", .options = a_options,
    .num_options = 2, .options_size = sizeof(count_opts), .run = run_a,
};
static const eo_pass_def pass_b = {
    .name = "pb", .description = "any-op pass b", .run = run_b,
};
static const eo_pass_def pass_f = {
    .name = "pf", .description = "function pass", .anchor = "func.func",
    .run = run_f,
};

static eo_strbuf diags;

static void
capture(const eo_diag *d, void *ud)
{
    eo_diag_format(ud, d, &diags);
}

static const char *
diag_text(void)
{
    return diags.data && diags.len ? diags.data : "";
}

static const char module_text[] =
    "func.func @f1() {\n  return\n}\n"
    "func.func @f2() {\n  return\n}\n";

typedef struct fixture {
    eo_ctx *ctx;
    eo_op *module;
} fixture;

static int
setup(void **state)
{
    static fixture fx;
    fx.ctx = eo_ctx_create(NULL);
    if (!fx.ctx || eo_register_all_dialects(fx.ctx) != EO_OK ||
        eo_pass_register(fx.ctx, &pass_a) != EO_OK ||
        eo_pass_register(fx.ctx, &pass_b) != EO_OK ||
        eo_pass_register(fx.ctx, &pass_f) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(fx.ctx, capture, fx.ctx);
    fx.module = eo_parse_source(fx.ctx, "m.mlir", module_text,
                                strlen(module_text), NULL);
    if (!fx.module)
        return -1;
    diags.len = 0;
    trace.len = 0;
    *state = &fx;
    return 0;
}

static int
teardown(void **state)
{
    fixture *fx = *state;
    eo_op_destroy(fx->module);
    eo_ctx_destroy(fx->ctx);
    return 0;
}

static eo_pass_manager *
pm_new(fixture *fx)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(fx->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    return pm;
}

/* Parses 'text', checks it prints as 'printed', and that the printed
 * form parses back to the same text. */
static void
check_round_trip(fixture *fx, const char *text, const char *printed)
{
    eo_pass_manager *pm = pm_new(fx);
    assert_int_equal(eo_pm_add_pipeline(pm, text), EO_OK);
    eo_strbuf out = { 0 };
    eo_pm_print_pipeline(pm, &out);
    assert_string_equal(out.data, printed);
    eo_pass_manager *pm2 = pm_new(fx);
    assert_int_equal(eo_pm_add_pipeline(pm2, out.data), EO_OK);
    eo_strbuf out2 = { 0 };
    eo_pm_print_pipeline(pm2, &out2);
    assert_string_equal(out2.data, printed);
    eo_strbuf_free(&out);
    eo_strbuf_free(&out2);
    eo_pm_destroy(pm);
    eo_pm_destroy(pm2);
}

static void
anchored_pipelines_round_trip(void **state)
{
    fixture *fx = *state;
    check_round_trip(fx, "builtin.module(func.func(pf,pb),pa{size=3})",
                     "builtin.module(func.func(pf,pb),"
                     "pa{size=3 flag=false})");
    check_round_trip(fx, " builtin.module( func.func( pa{ flag } ) , pb ) ",
                     "builtin.module(func.func(pa{size=1 flag=true}),pb)");
    check_round_trip(fx, "builtin.module()", "builtin.module()");
    check_round_trip(fx, "", "builtin.module()");
}

static void
anchorless_pipelines_go_into_the_root(void **state)
{
    fixture *fx = *state;
    check_round_trip(fx, "pa,pb", "builtin.module(pa{size=1 flag=false},pb)");
    check_round_trip(fx, "func.func(pf)", "builtin.module(func.func(pf))");
}

static void
choices_round_trip(void **state)
{
    fixture *fx = *state;
    check_round_trip(fx, "builtin.module(optional(pb),any(pb, func.func(pf)))",
                     "builtin.module(optional(pb),any(pb,func.func(pf)))");
}

static void
pipelines_append(void **state)
{
    fixture *fx = *state;
    eo_pass_manager *pm = pm_new(fx);
    assert_int_equal(eo_pm_add_pipeline(pm, "pb"), EO_OK);
    assert_int_equal(eo_pm_add_pass(pm, "pf", NULL), EO_OK);
    assert_int_equal(eo_pm_add_pass(pm, "pf", ""), EO_OK);
    assert_int_equal(eo_pm_add_pass(pm, "pa", "size=7"), EO_OK);
    eo_strbuf out = { 0 };
    eo_pm_print_pipeline(pm, &out);
    /* Function passes nest implicitly, as mlir-opt's pass flags do. */
    assert_string_equal(out.data, "builtin.module(pb,func.func(pf,pf),"
                                  "pa{size=7 flag=false})");
    eo_strbuf_free(&out);
    eo_pm_destroy(pm);
}

/* Adds 'text' to a fresh pass manager; expects an error containing
 * 'msg'. */
static void
expect_error(fixture *fx, const char *text, const char *msg)
{
    diags.len = 0;
    eo_pass_manager *pm = pm_new(fx);
    assert_int_equal(eo_pm_add_pipeline(pm, text), EO_ERROR);
    if (!strstr(diag_text(), msg))
        fail_msg("expected '%s' in:\n%s", msg, diag_text());
    eo_pm_destroy(pm);
}

static void
errors_name_their_column(void **state)
{
    fixture *fx = *state;
    expect_error(fx, "builtin.module(func.func(nope))",
                 "<pass-pipeline>:1:26: error: 'nope' does not refer to a "
                 "registered pass or pass pipeline\n"
                 "builtin.module(func.func(nope))\n"
                 "                         ^");
    expect_error(fx, "builtin.module(pb",
                 "<pass-pipeline>:1:18: error: encountered unbalanced "
                 "parentheses while parsing pipeline");
    expect_error(fx, "builtin.module(func.func(pf)))",
                 "<pass-pipeline>:1:30: error: encountered extra closing ')' "
                 "creating unbalanced parentheses while parsing pipeline");
    expect_error(fx, "pa{size=x}", "<pass-pipeline>:1:9: error: invalid "
                 "value 'x' for integer option 'size' of pass 'pa'");
    expect_error(fx, "pa{sizes=1}", "<pass-pipeline>:1:4: error: no option "
                 "'sizes' in pass 'pa'");
    expect_error(fx, "pa{size=1", "<pass-pipeline>:1:3: error: missing '}' "
                 "after the options of 'pa'");
    expect_error(fx, "builtin.module(,pb)", "<pass-pipeline>:1:16: error: "
                 "'' does not refer to a registered pass");
    expect_error(fx, "pb(pa)", "<pass-pipeline>:1:1: error: 'pb' is not an "
                 "operation name");
    expect_error(fx, "pf", "<pass-pipeline>:1:1: error: pass 'pf' runs on "
                 "'func.func' operations and cannot run on 'builtin.module' "
                 "ones; nest it as func.func(pf)");
    expect_error(fx, "any()", "<pass-pipeline>:1:4: error: 'any(...)' needs "
                 "at least one element");
    expect_error(fx, "pb pa", "<pass-pipeline>:1:4: error: expected ',' or "
                 "')' after a pipeline element, found 'p'");
}

static void
a_failed_add_leaves_the_pipeline_unchanged(void **state)
{
    fixture *fx = *state;
    eo_pass_manager *pm = pm_new(fx);
    assert_int_equal(eo_pm_add_pipeline(pm, "pb"), EO_OK);
    assert_int_equal(eo_pm_add_pipeline(pm, "pa,nope"), EO_ERROR);
    eo_strbuf out = { 0 };
    eo_pm_print_pipeline(pm, &out);
    assert_string_equal(out.data, "builtin.module(pb)");
    eo_strbuf_free(&out);
    eo_pm_destroy(pm);
}

/* A knob provider answering from a table and recording what it was
 * asked. */
typedef struct answers {
    const char *names[4];
    int64_t values[4];
    eo_strbuf asked;
} answers;

static int64_t
ask(void *ud, const char *name, const eo_knob_domain *dom, int64_t def,
    const eo_op *site, const char *asker)
{
    answers *a = ud;
    (void)site;
    eo_strbuf_printf(&a->asked, "%s[%s", name,
                     dom->kind == EO_KNOB_BOOL ? "bool" : "enum");
    for (size_t i = 0; dom->kind == EO_KNOB_ENUM && i < dom->count; i++)
        eo_strbuf_printf(&a->asked, " %s", dom->names[i]);
    eo_strbuf_printf(&a->asked, " def=%lld by %s] ", (long long)def, asker);
    for (size_t i = 0; i < 4 && a->names[i]; i++)
        if (strcmp(a->names[i], name) == 0)
            return a->values[i];
    return def;
}

static void
run_choices(fixture *fx, const char *text, answers *a)
{
    trace.len = 0;
    if (trace.data)
        trace.data[0] = '\0';
    eo_pass_manager *pm = pm_new(fx);
    assert_int_equal(eo_pm_add_pipeline(pm, text), EO_OK);
    eo_knob_provider kp = { .ask = ask, .ud = a };
    assert_int_equal(eo_pm_run(pm, fx->module, &kp), EO_OK);
    eo_pm_destroy(pm);
}

static void
optional_and_any_are_knobs(void **state)
{
    fixture *fx = *state;
    const char *text = "optional(pb),any(pa{size=2},func.func(pf))";
    answers a = { .names = { NULL } };
    run_choices(fx, text, &a);
    /* Defaults: the optional pass runs, any() takes its first choice. */
    assert_string_equal(trace.data, "b@builtin.module a2@builtin.module ");
    assert_string_equal(a.asked.data,
                        "pipeline.optional.0[bool def=1 by pipeline] "
                        "pipeline.any.1[enum pa{size=2} func.func(pf) "
                        "def=0 by pipeline] ");
    eo_strbuf_free(&a.asked);

    answers b = { .names = { "pipeline.optional.0", "pipeline.any.1" },
                  .values = { 0, 1 } };
    run_choices(fx, text, &b);
    assert_string_equal(trace.data, "f@f1 f@f2 ");
    eo_strbuf_free(&b.asked);
}

static void
choices_inside_a_skipped_branch_are_not_asked(void **state)
{
    fixture *fx = *state;
    answers a = { .names = { "pipeline.optional.0" }, .values = { 0 } };
    run_choices(fx, "optional(pb,optional(pa)),pb", &a);
    assert_string_equal(trace.data, "b@builtin.module ");
    assert_string_equal(a.asked.data,
                        "pipeline.optional.0[bool def=1 by pipeline] ");
    eo_strbuf_free(&a.asked);
}

static void
nested_choices_are_asked_once_per_run(void **state)
{
    fixture *fx = *state;
    answers a = { .names = { "pipeline.any.0" }, .values = { 1 } };
    run_choices(fx, "func.func(any(pb,pf))", &a);
    assert_string_equal(trace.data, "f@f1 f@f2 ");
    assert_string_equal(a.asked.data,
                        "pipeline.any.0[enum pb pf def=0 by pipeline] ");
    eo_strbuf_free(&a.asked);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(anchored_pipelines_round_trip),
        T(anchorless_pipelines_go_into_the_root),
        T(choices_round_trip),
        T(pipelines_append),
        T(errors_name_their_column),
        T(a_failed_add_leaves_the_pipeline_unchanged),
        T(optional_and_any_are_knobs),
        T(choices_inside_a_skipped_branch_are_not_asked),
        T(nested_choices_are_asked_once_per_run),
#undef T
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    eo_strbuf_free(&diags);
    eo_strbuf_free(&trace);
    return rc;
}

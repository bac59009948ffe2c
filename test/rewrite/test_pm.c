/* test/rewrite/test_pm.c - the pass manager: nesting by anchor, order of
 * nested pipelines, parallel function passes with deterministic
 * diagnostics, verify-each, failures, IR dumps and the timing report. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t trace_mu = PTHREAD_MUTEX_INITIALIZER;
static eo_strbuf trace;
static int runs;

static const char *
sym(eo_op *op)
{
    const eo_ident *s = eo_symbol_name(eo_op_ctx(op), op);
    return s ? eo_ident_str(s) : eo_op_name_str(op);
}

static void
note(const char *pass, eo_op *op)
{
    pthread_mutex_lock(&trace_mu);
    eo_strbuf_printf(&trace, "%s@%s ", pass, sym(op));
    runs++;
    pthread_mutex_unlock(&trace_mu);
}

/* any-op: records where it ran. */
static eo_status
run_any(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    (void)o;
    note("anyop", op);
    return EO_OK;
}

/* func.func: records, remarks and tags the function. */
static eo_status
run_tag(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)o;
    note("tag", op);
    eo_emit_remark(eo_pass_ctx_ctx(pc), eo_op_loc(op), "tagged @%s",
                   sym(op));
    return eo_op_set_attr(op, "tagged",
                          eo_attr_get_unit(eo_pass_ctx_ctx(pc)));
}

/* func.func: leaves the IR alone and says so. */
static eo_status
run_idle(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)o;
    note("idle", op);
    eo_pass_ctx_mark_unchanged(pc);
    return EO_OK;
}

/* func.func: claims nothing but changes nothing either. */
static eo_status
run_noop(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    (void)o;
    note("noop", op);
    return EO_OK;
}

/* func.func: fails on @f2. */
static eo_status
run_fail(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    (void)o;
    note("fail", op);
    if (strcmp(sym(op), "f2") == 0)
        return eo_op_error(op, "cannot handle @f2");
    return EO_OK;
}

/* func.func: erases the terminator, leaving invalid IR. */
static eo_status
run_break(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)pc;
    (void)o;
    note("break", op);
    eo_block *b = eo_region_first(eo_op_region(op, 0));
    return eo_op_erase(eo_block_last(b));
}

/* func.func: asks a knob per function. */
static eo_status
run_knob(eo_op *op, eo_pass_ctx *pc, const void *o)
{
    (void)o;
    eo_knob_domain dom = { .kind = EO_KNOB_RANGE, .lo = 0, .hi = 100,
                           .step = 1 };
    int64_t v = eo_knob_ask(eo_pass_ctx_knobs(pc), "test", op, "v", &dom,
                            5, "knob");
    return eo_op_set_attr(op, "v", eo_attr_get_int(eo_pass_ctx_ctx(pc),
                                                   eo_type_get_int(
                                                       eo_pass_ctx_ctx(pc),
                                                       64), v));
}

#define PASS(n, a, f) \
    static const eo_pass_def pass_##f = { .name = n, .description = n, \
                                          .anchor = a, .run = run_##f }
PASS("anyop", NULL, any);
PASS("tag", "func.func", tag);
PASS("idle", "func.func", idle);
PASS("noop", "func.func", noop);
PASS("fail", "func.func", fail);
PASS("break", "func.func", break);
PASS("knob", "func.func", knob);

static eo_strbuf diags;

static void
capture(const eo_diag *d, void *ud)
{
    eo_diag_format(ud, d, &diags);
}

typedef struct fixture {
    eo_ctx *ctx;
    eo_op *module;
    FILE *dump;
} fixture;

static const char module_text[] =
    "func.func @f1() {\n  return\n}\n"
    "func.func @f2() {\n  return\n}\n"
    "module @inner {\n  func.func @g() {\n    return\n  }\n}\n"
    "func.func @f3() {\n  return\n}\n";

static fixture fx;

static int
setup_with(const char *text)
{
    fx.ctx = eo_ctx_create(NULL);
    if (!fx.ctx || eo_register_all_dialects(fx.ctx) != EO_OK)
        return -1;
    const eo_pass_def *defs[] = { &pass_any, &pass_tag, &pass_idle,
                                  &pass_noop, &pass_fail, &pass_break,
                                  &pass_knob };
    for (size_t i = 0; i < sizeof(defs) / sizeof(defs[0]); i++)
        if (eo_pass_register(fx.ctx, defs[i]) != EO_OK)
            return -1;
    eo_ctx_set_diag_handler(fx.ctx, capture, fx.ctx);
    fx.module = eo_parse_source(fx.ctx, "m.mlir", text, strlen(text), NULL);
    fx.dump = tmpfile();
    if (!fx.module || !fx.dump)
        return -1;
    diags.len = 0;
    trace.len = 0;
    if (trace.data)
        trace.data[0] = '\0';
    if (diags.data)
        diags.data[0] = '\0';
    runs = 0;
    return 0;
}

static int
setup(void **state)
{
    *state = &fx;
    return setup_with(module_text);
}

static int
teardown(void **state)
{
    (void)state;
    eo_op_destroy(fx.module);
    eo_ctx_destroy(fx.ctx);
    fclose(fx.dump);
    return 0;
}

static eo_pass_manager *
pm_with(const char *pipeline, bool threading, void (*tweak)(eo_pm_config *))
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = threading;
    cfg.num_threads = 4;
    cfg.dump = fx.dump;
    if (tweak)
        tweak(&cfg);
    eo_pass_manager *pm = eo_pm_create(fx.ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, pipeline), EO_OK);
    return pm;
}

static eo_status
run(const char *pipeline, bool threading, void (*tweak)(eo_pm_config *))
{
    eo_pass_manager *pm = pm_with(pipeline, threading, tweak);
    eo_status st = eo_pm_run(pm, fx.module, NULL);
    eo_pm_destroy(pm);
    return st;
}

/* Everything written to the dump file so far (malloc'ed). */
static char *
dump_text(void)
{
    fflush(fx.dump);
    long n = ftell(fx.dump);
    char *s = calloc(1, (size_t)n + 1);
    rewind(fx.dump);
    if (n > 0 && fread(s, 1, (size_t)n, fx.dump) != (size_t)n)
        s[0] = '\0';
    return s;
}

static const char *
diag_text(void)
{
    return diags.data && diags.len ? diags.data : "";
}

static void
nested_pipelines_run_on_direct_children_only(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(tag)", false, NULL), EO_OK);
    assert_string_equal(trace.data, "tag@f1 tag@f2 tag@f3 ");
    trace.len = 0;
    assert_int_equal(run("builtin.module(builtin.module(func.func(tag)))",
                         false, NULL), EO_OK);
    assert_string_equal(trace.data, "tag@g ");
}

static void
any_op_passes_run_where_they_are_placed(void **state)
{
    (void)state;
    assert_int_equal(run("anyop,func.func(anyop),"
                         "builtin.module(func.func(anyop))", false, NULL),
                     EO_OK);
    assert_string_equal(trace.data, "anyop@builtin.module anyop@f1 anyop@f2 "
                                    "anyop@f3 anyop@g ");
}

static void
a_nested_pipeline_runs_whole_on_each_op_in_turn(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(tag,idle)", false, NULL), EO_OK);
    assert_string_equal(trace.data, "tag@f1 idle@f1 tag@f2 idle@f2 tag@f3 "
                                    "idle@f3 ");
}

static void
the_pass_manager_checks_its_anchor(void **state)
{
    (void)state;
    eo_pass_manager *pm = eo_pm_create(fx.ctx, "func.func", NULL);
    assert_int_equal(eo_pm_add_pipeline(pm, "func.func(tag)"), EO_OK);
    assert_int_equal(eo_pm_run(pm, fx.module, NULL), EO_ERROR);
    assert_non_null(strstr(diag_text(), "can't run 'func.func' pass "
                                        "manager on 'builtin.module' op"));
    eo_pm_destroy(pm);
}

/* A module of n functions. */
static char *
many_functions(size_t n)
{
    eo_strbuf b = { 0 };
    for (size_t i = 0; i < n; i++)
        eo_strbuf_printf(&b, "func.func @f%zu(%%a: i32) -> i32 {\n"
                         "  %%0 = arith.addi %%a, %%a : i32\n"
                         "  return %%0 : i32\n}\n", i);
    return b.data;
}

static void
parallel_runs_emit_diagnostics_in_function_order(void **state)
{
    (void)state;
    teardown(NULL);
    char *text = many_functions(64);
    assert_int_equal(setup_with(text), 0);
    assert_int_equal(run("func.func(tag,idle)", true, NULL), EO_OK);
    assert_int_equal(runs, 128);
    /* Remarks come in function order; each names its function. */
    const char *p = diag_text();
    for (unsigned i = 0; i < 64; i++) {
        char line[64];
        snprintf(line, sizeof(line), "remark: tagged @f%u\n", i);
        const char *q = strstr(p, line);
        assert_non_null(q);
        p = q + strlen(line);
    }
    for (eo_op *f = eo_block_first(eo_module_body(fx.module)); f;
         f = eo_op_next(f))
        assert_non_null(eo_op_attr(f, "tagged"));
    free(text);
}

static void
parallel_and_serial_runs_agree(void **state)
{
    (void)state;
    teardown(NULL);
    char *text = many_functions(20);
    assert_int_equal(setup_with(text), 0);
    assert_int_equal(run("func.func(tag)", true, NULL), EO_OK);
    eo_strbuf par = { 0 };
    eo_op_print_to(fx.module, &(eo_print_flags){ 0 }, &par);
    size_t n = strlen(diag_text());
    char *par_diags = malloc(n + 1);
    memcpy(par_diags, diag_text(), n + 1);
    teardown(NULL);
    assert_int_equal(setup_with(text), 0);
    assert_int_equal(run("func.func(tag)", false, NULL), EO_OK);
    eo_strbuf ser = { 0 };
    eo_op_print_to(fx.module, &(eo_print_flags){ 0 }, &ser);
    assert_string_equal(par.data, ser.data);
    assert_string_equal(par_diags, diag_text());
    free(par_diags);
    eo_strbuf_free(&par);
    eo_strbuf_free(&ser);
    free(text);
}

static int64_t
ask_double(void *ud, const char *name, const eo_knob_domain *dom,
           int64_t def, const eo_op *site, const char *asker)
{
    (void)ud;
    (void)dom;
    (void)asker;
    (void)site;
    return strstr(name, "m.mlir:13:1.") ? def * 2 : def;  /* @f3 */
}

static void
passes_reach_the_knob_provider_from_threads(void **state)
{
    (void)state;
    teardown(NULL);
    char *text = many_functions(8);
    assert_int_equal(setup_with(text), 0);
    eo_pass_manager *pm = pm_with("func.func(knob)", true, NULL);
    eo_knob_provider kp = { .ask = ask_double };
    assert_int_equal(eo_pm_run(pm, fx.module, &kp), EO_OK);
    eo_pm_destroy(pm);
    size_t i = 0;
    for (eo_op *f = eo_block_first(eo_module_body(fx.module)); f;
         f = eo_op_next(f), i++)
        assert_int_equal(eo_attr_int_value(eo_op_attr(f, "v")),
                         i == 3 ? 10 : 5);
    free(text);
}

static void
a_failing_pass_stops_the_run(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(fail,tag),anyop", false, NULL), EO_ERROR);
    assert_string_equal(trace.data, "fail@f1 tag@f1 fail@f2 ");
    assert_non_null(strstr(diag_text(), "m.mlir:4:1: error: 'func.func' op "
                                        "cannot handle @f2"));
}

static void
a_failing_pass_in_parallel_reports_as_serially(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(tag,fail)", true, NULL), EO_ERROR);
    /* The remark of @f3 (after the failure) is not shown. */
    assert_non_null(strstr(diag_text(), "remark: tagged @f1"));
    assert_non_null(strstr(diag_text(), "remark: tagged @f2"));
    assert_non_null(strstr(diag_text(), "cannot handle @f2"));
    assert_null(strstr(diag_text(), "tagged @f3"));
}

static void
verify_each_names_the_pass_that_broke_the_ir(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(break,tag)", false, NULL), EO_ERROR);
    assert_string_equal(trace.data, "break@f1 ");
    assert_non_null(strstr(diag_text(), "m.mlir:1:1: error: the IR is "
                                        "invalid after pass 'break' "
                                        "(break)"));
    const char *verr = strstr(diag_text(), "error: ");
    const char *perr = strstr(diag_text(), "the IR is invalid");
    assert_true(verr < perr);   /* the verifier's diagnostic first */
}

static void
no_verify_each(eo_pm_config *cfg)
{
    cfg->verify_each = false;
}

static void
verify_each_can_be_turned_off(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(break)", false, no_verify_each), EO_OK);
    assert_string_equal(diag_text(), "");
}

static void
after_all(eo_pm_config *cfg)
{
    cfg->print_after_all = true;
}

static void
print_after_all_dumps_each_op_after_each_pass(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(tag),anyop", false, after_all), EO_OK);
    char *d = dump_text();
    const char *want =
        "// -----// IR Dump After tag (tag) //----- //\n"
        "func.func @f1() attributes {tagged} {\n  return\n}\n\n"
        "// -----// IR Dump After tag (tag) //----- //\n"
        "func.func @f2() attributes {tagged} {\n  return\n}\n\n";
    assert_memory_equal(d, want, strlen(want));
    assert_non_null(strstr(d, "// -----// IR Dump After anyop (anyop) //----- "
                              "//\nmodule {\n"));
    free(d);
}

static void
before_tag_after_any(eo_pm_config *cfg)
{
    cfg->print_before = "idle, tag";
    cfg->print_after = "anyop";
}

static void
print_before_and_after_take_pass_lists(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(tag),anyop", false, before_tag_after_any),
                     EO_OK);
    char *d = dump_text();
    assert_non_null(strstr(d, "// -----// IR Dump Before tag (tag) //----- "
                              "//\nfunc.func @f1() {\n"));
    assert_null(strstr(d, "IR Dump After tag"));
    assert_non_null(strstr(d, "IR Dump After anyop (anyop) //----- //\n"
                              "module"));
    free(d);
}

static void
after_all_change(eo_pm_config *cfg)
{
    cfg->print_after_all = true;
    cfg->print_after_change = true;
}

static void
print_after_change_skips_passes_that_changed_nothing(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(idle,noop,tag)", false,
                         after_all_change), EO_OK);
    char *d = dump_text();
    assert_null(strstr(d, "After idle"));
    assert_null(strstr(d, "After noop"));
    assert_non_null(strstr(d, "IR Dump After tag (tag) //----- //\n"
                              "func.func @f1() attributes {tagged}"));
    free(d);
}

static void
module_scope(eo_pm_config *cfg)
{
    cfg->print_after = "tag";
    cfg->print_module_scope = true;
}

static void
module_scope_prints_the_whole_module(void **state)
{
    (void)state;
    assert_int_equal(run("func.func(tag)", true, module_scope), EO_OK);
    char *d = dump_text();
    assert_non_null(strstr(d, "// -----// IR Dump After tag (tag) "
                              "('func.func' operation: @f2) //----- //\n"
                              "module {\n  func.func @f1() attributes "
                              "{tagged} {"));
    free(d);
}

static void
timing(eo_pm_config *cfg)
{
    cfg->timing = true;
}

static void
timing_report_is_a_tree(void **state)
{
    (void)state;
    eo_pass_manager *pm = pm_with("func.func(tag,idle),anyop", false, timing);
    assert_int_equal(eo_pm_run(pm, fx.module, NULL), EO_OK);
    eo_pm_timing_phase(pm, "Parser", 0.001, true);
    eo_pm_timing_phase(pm, "Output", 0.001, false);
    eo_pm_timing_report(pm, fx.dump);
    eo_pm_destroy(pm);
    char *d = dump_text();
    assert_non_null(strstr(d,
        "===-------------------------------------------------------------"
        "------------===\n"
        "                         ... Execution time report ...\n"
        "===-------------------------------------------------------------"
        "------------===\n"
        "  Total Execution Time: "));
    assert_non_null(strstr(d, "  ----Wall Time----  ----Name----\n"));
    const char *parser = strstr(d, "%)  Parser\n");
    const char *pipe = strstr(d, "%)  'func.func' Pipeline\n");
    const char *tag = strstr(d, "%)    tag\n");
    const char *idle = strstr(d, "%)    idle\n");
    const char *any = strstr(d, "%)  anyop\n");
    const char *out = strstr(d, "%)  Output\n");
    const char *rest = strstr(d, "%)  Rest\n");
    const char *total = strstr(d, "(100.0%)  Total\n");
    assert_true(parser && pipe && tag && idle && any && out && rest &&
                total);
    assert_true(parser < pipe && pipe < tag && tag < idle && idle < any &&
                any < out && out < rest && rest < total);
    free(d);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(nested_pipelines_run_on_direct_children_only),
        T(any_op_passes_run_where_they_are_placed),
        T(a_nested_pipeline_runs_whole_on_each_op_in_turn),
        T(the_pass_manager_checks_its_anchor),
        T(parallel_runs_emit_diagnostics_in_function_order),
        T(parallel_and_serial_runs_agree),
        T(passes_reach_the_knob_provider_from_threads),
        T(a_failing_pass_stops_the_run),
        T(a_failing_pass_in_parallel_reports_as_serially),
        T(verify_each_names_the_pass_that_broke_the_ir),
        T(verify_each_can_be_turned_off),
        T(print_after_all_dumps_each_op_after_each_pass),
        T(print_before_and_after_take_pass_lists),
        T(print_after_change_skips_passes_that_changed_nothing),
        T(module_scope_prints_the_whole_module),
        T(timing_report_is_a_tree),
#undef T
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    eo_strbuf_free(&diags);
    eo_strbuf_free(&trace);
    return rc;
}

/* test/rewrite/test_knobs.c - the knob store: answers and records, knob
 * files (JSON and name=value lines) with positioned errors, globs and
 * their specificity, the checks after a run, conditional knobs, and the
 * space/assignment JSON. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rewrite/rewrite.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct fixture {
    eo_ctx *ctx;
    eo_knob_store *ks;
    eo_strbuf diags;
    eo_op *module;
    char path[4096];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    eo_diag_format(f->ctx, d, &f->diags);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    f->ks = eo_knob_store_create(f->ctx);
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    eo_ctx_set_allow_unregistered(f->ctx, true);
    *state = f;
    return f->ctx && f->ks ? 0 : -1;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_knob_store_destroy(f->ks);
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    eo_strbuf_free(&f->diags);
    if (f->path[0])
        unlink(f->path);
    free(f);
    return 0;
}

static const char *
diags(fixture *f)
{
    return f->diags.data ? f->diags.data : "";
}

/* Writes 'text' to a fresh temporary file (removed by teardown). */
static const char *
write_file(fixture *f, const char *text)
{
    if (f->path[0])
        unlink(f->path);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->path, sizeof f->path, "%s/eo_knobs_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(f->path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return f->path;
}

/* The n-th top-level op of a small module with named sites. */
static eo_op *
site(fixture *f, int n)
{
    if (!f->module) {
        static const char src[] =
            "\"test.a\"() {name = \"L1\"} : () -> ()\n"
            "\"test.b\"() {name = \"L2\"} : () -> ()\n"
            "\"test.c\"() : () -> ()\n";
        f->module = eo_parse_source(f->ctx, "sites.mlir", src,
                                    sizeof src - 1, NULL);
        assert_non_null(f->module);
    }
    eo_op *op = eo_block_first(eo_module_body(f->module));
    while (n-- > 0)
        op = eo_op_next(op);
    return op;
}

static const int64_t pow2[] = { 1, 2, 4, 8 };
static const eo_knob_domain set_dom = { .kind = EO_KNOB_SET, .values = pow2,
                                        .count = 4 };
static const eo_knob_domain bool_dom = { .kind = EO_KNOB_BOOL };
static const eo_knob_domain range_dom = { .kind = EO_KNOB_RANGE, .lo = 0,
                                          .hi = 64, .step = 16 };
static const char *const modes[] = { "fast", "small", "auto" };
static const eo_knob_domain enum_dom = { .kind = EO_KNOB_ENUM,
                                         .names = modes, .count = 3 };

static int64_t
ask(fixture *f, const char *name, const eo_knob_domain *d, int64_t def,
    const eo_op *op)
{
    const eo_knob_provider *kp = eo_knob_store_provider(f->ks);
    return kp->ask(kp->ud, name, d, def, op, "test");
}

static void
unassigned_knobs_take_their_default_and_are_recorded(void **state)
{
    fixture *f = *state;
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, site(f, 0)), 1);
    assert_int_equal(ask(f, "inline.x.enable", &bool_dom, 1, NULL), 1);
    assert_int_equal(eo_knob_store_num_asked(f->ks), 2);
    /* Asking again answers the same and records nothing new. */
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, site(f, 0)), 1);
    assert_int_equal(eo_knob_store_num_asked(f->ks), 2);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
    eo_strbuf b = {0};
    eo_knob_store_space_json(f->ks, &b);
    cJSON *j = cJSON_Parse(b.data);
    assert_non_null(j);
    cJSON *knobs = cJSON_GetObjectItem(j, "knobs");
    assert_int_equal(cJSON_GetArraySize(knobs), 2);
    /* Sorted by name: inline.* first. */
    cJSON *k = cJSON_GetArrayItem(knobs, 1);
    assert_string_equal(cJSON_GetObjectItem(k, "name")->valuestring,
                        "unroll.L1.factor");
    assert_string_equal(cJSON_GetObjectItem(k, "asker")->valuestring, "test");
    assert_string_equal(cJSON_GetObjectItem(k, "site")->valuestring, "L1");
    assert_string_equal(cJSON_GetObjectItem(k, "loc")->valuestring,
                        "sites.mlir:1:1");
    assert_int_equal(cJSON_GetObjectItem(k, "asks")->valueint, 2);
    cJSON *dom = cJSON_GetObjectItem(k, "domain");
    assert_string_equal(cJSON_GetObjectItem(dom, "kind")->valuestring, "set");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(dom, "values")),
                     4);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(k, "assigned")));
    cJSON *k0 = cJSON_GetArrayItem(knobs, 0);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(k0, "value")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(k0, "site")));
    cJSON_Delete(j);
    eo_strbuf_free(&b);
}

static void
command_line_assignments_answer(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_assign(f->ks, "unroll.L1.factor=4"),
                     EO_OK);
    assert_int_equal(eo_knob_store_assign(f->ks, "inline.x.enable = false"),
                     EO_OK);
    assert_int_equal(eo_knob_store_assign(f->ks, "mode=small"), EO_OK);
    assert_int_equal(eo_knob_store_assign(f->ks, "tile=0x20"), EO_OK);
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 4);
    assert_int_equal(ask(f, "inline.x.enable", &bool_dom, 1, NULL), 0);
    assert_int_equal(ask(f, "mode", &enum_dom, 0, NULL), 1);
    assert_int_equal(ask(f, "tile", &range_dom, 0, NULL), 32);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
    /* A later assignment of the same key overrides. */
    assert_int_equal(eo_knob_store_assign(f->ks, "other=2"), EO_OK);
    assert_int_equal(eo_knob_store_assign(f->ks, "other=8"), EO_OK);
    assert_int_equal(ask(f, "other", &set_dom, 1, NULL), 8);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

static void
malformed_command_line_assignments_are_errors(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_assign(f->ks, "novalue"), EO_ERROR);
    assert_non_null(strstr(diags(f), "<command line>:1:1: error: expected "
                                     "'name=value'"));
    assert_int_equal(eo_knob_store_assign(f->ks, "a=4x"), EO_ERROR);
    assert_non_null(strstr(diags(f), "<command line>:1:3: error: expected "
                                     "an integer"));
    assert_int_equal(eo_knob_store_assign(f->ks, "=4"), EO_ERROR);
    assert_int_equal(eo_knob_store_assign(f->ks, "a="), EO_ERROR);
    assert_int_equal(eo_knob_store_assign(f->ks, "a=99999999999999999999"),
                     EO_ERROR);
    assert_non_null(strstr(diags(f), "out of range"));
}

static void
json_files_are_loaded_with_every_value_kind(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "{\n"
                                  "  \"unroll.L1.factor\": 8,\n"
                                  "  \"inline.x.enable\": false,\n"
                                  "  \"mode\": \"auto\",\n"
                                  "  \"big\": -9007199254740993\n"
                                  "}\n");
    static const eo_knob_domain big_dom = {
        .kind = EO_KNOB_RANGE, .lo = INT64_MIN, .hi = 0, .step = 1 };
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 8);
    assert_int_equal(ask(f, "inline.x.enable", &bool_dom, 1, NULL), 0);
    assert_int_equal(ask(f, "mode", &enum_dom, 0, NULL), 2);
    /* Integers are exact (not rounded through a double). */
    assert_true(ask(f, "big", &big_dom, 0, NULL) == -9007199254740993LL);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

static void
line_files_take_comments_and_blank_lines(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "# a comment\n"
                                  "\n"
                                  "  unroll.L1.factor = 2   # trailing\n"
                                  "inline.x.enable=true\n"
                                  "mode=\"fast\"\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 2);
    assert_int_equal(ask(f, "inline.x.enable", &bool_dom, 0, NULL), 1);
    assert_int_equal(ask(f, "mode", &enum_dom, 2, NULL), 0);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

static void
malformed_json_is_reported_at_its_position(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "{\n  \"a\": 1,\n  \"b\" 2\n}\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_ERROR);
    char want[128];
    snprintf(want, sizeof want, "%s:3:7: error: malformed JSON", p);
    assert_non_null(strstr(diags(f), want));
}

static void
json_must_be_an_object_of_scalars(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "[1, 2]\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_ERROR);
    assert_non_null(strstr(diags(f), "expected a JSON object"));
    p = write_file(f, "{\"a\": 1.5,\n \"b\": [1]}\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_ERROR);
    char want[128];
    snprintf(want, sizeof want, "%s:1:7: error: knob 'a': expected an "
             "integer, got '1.5'", p);
    assert_non_null(strstr(diags(f), want));
    snprintf(want, sizeof want, "%s:2:7: error: knob 'b': expected true",
             p);
    assert_non_null(strstr(diags(f), want));
}

static void
malformed_lines_are_reported_at_their_position(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "a=1\n"
                                  "   justaname\n"
                                  "b = \"open\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_ERROR);
    char want[128];
    snprintf(want, sizeof want, "%s:2:4: error: expected 'name=value'", p);
    assert_non_null(strstr(diags(f), want));
    snprintf(want, sizeof want, "%s:3:5: error: unterminated string", p);
    assert_non_null(strstr(diags(f), want));
}

static void
missing_files_are_errors(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_load(f->ks, "/nonexistent/knobs.json"),
                     EO_ERROR);
    assert_non_null(strstr(diags(f), "cannot open knob file"));
}

static void
unknown_knobs_are_reported_by_check_with_their_position(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "{\n  \"unroll.L1.factor\": 2,\n"
                                  "  \"unroll.typo.factor\": 4\n}\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 2);
    assert_int_equal(eo_knob_store_check(f->ks), EO_ERROR);
    char want[160];
    snprintf(want, sizeof want, "%s:3:3: error: unknown knob "
             "'unroll.typo.factor'", p);
    assert_non_null(strstr(diags(f), want));
}

static void
out_of_domain_values_are_reported_at_the_value(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "unroll.L1.factor=3\n"
                                  "tile=17\n"
                                  "mode=slow\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    /* The default is used when the value does not fit. */
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 1);
    assert_int_equal(ask(f, "tile", &range_dom, 16, NULL), 16);
    assert_int_equal(ask(f, "mode", &enum_dom, 0, NULL), 0);
    assert_int_equal(eo_knob_store_check(f->ks), EO_ERROR);
    char want[200];
    snprintf(want, sizeof want, "%s:1:18: error: invalid value for knob "
             "'unroll.L1.factor': value 3 is outside the domain "
             "{1, 2, 4, 8}", p);
    assert_non_null(strstr(diags(f), want));
    snprintf(want, sizeof want, "%s:2:6: error: invalid value for knob "
             "'tile': value 17 is outside the domain [0, 64] step 16", p);
    assert_non_null(strstr(diags(f), want));
    assert_non_null(strstr(diags(f), "\"slow\" is not in the domain "
                                     "{\"fast\", \"small\", \"auto\"}"));
    /* Nothing assigned was used: the record says so. */
    eo_strbuf b = {0};
    eo_knob_store_space_json(f->ks, &b);
    assert_null(strstr(b.data, "\"assigned\": true"));
    eo_strbuf_free(&b);
}

static void
wrong_value_kinds_are_reported(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "{\"a\": \"four\", \"b\": 2, \"c\": true}");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    assert_int_equal(ask(f, "a", &set_dom, 1, NULL), 1);
    assert_int_equal(ask(f, "b", &bool_dom, 1, NULL), 1);
    assert_int_equal(ask(f, "c", &enum_dom, 0, NULL), 0);
    assert_int_equal(eo_knob_store_check(f->ks), EO_ERROR);
    assert_non_null(strstr(diags(f), "knob 'a': expected an integer, got "
                                     "string \"four\""));
    assert_non_null(strstr(diags(f), "knob 'b': value 2 is outside the bool"));
    assert_non_null(strstr(diags(f), "knob 'c': expected a string naming"));
}

static void
globs_tie_sites_and_the_most_specific_key_wins(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "*=2\n"
                                  "unroll.*.factor=4\n"
                                  "unroll.L?.factor=8\n"
                                  "unroll.L1.factor=1\n"
                                  "unroll.inner*=2\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    /* Exact beats any glob. */
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 4, NULL), 1);
    /* One wildcard beats two... and '?' counts as one. */
    assert_int_equal(ask(f, "unroll.L2.factor", &set_dom, 1, NULL), 8);
    assert_int_equal(ask(f, "unroll.loop33.factor", &set_dom, 1, NULL), 4);
    /* Equal counts: the longer literal prefix wins. */
    assert_int_equal(ask(f, "unroll.inner.factor", &set_dom, 1, NULL), 2);
    assert_int_equal(ask(f, "tile.conv.oc", &set_dom, 1, NULL), 2);
    /* '*' spans dots. */
    assert_int_equal(ask(f, "unroll.a.b.c.factor", &set_dom, 1, NULL), 4);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

static void
globs_matching_nothing_are_reported(void **state)
{
    fixture *f = *state;
    const char *p = write_file(f, "unroll.*.factor=4\ntile.*.oc=16\n");
    assert_int_equal(eo_knob_store_load(f->ks, p), EO_OK);
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 4);
    assert_int_equal(eo_knob_store_check(f->ks), EO_ERROR);
    char want[160];
    snprintf(want, sizeof want, "%s:2:1: error: knob pattern 'tile.*.oc' "
             "matches no knob", p);
    assert_non_null(strstr(diags(f), want));
    assert_null(strstr(diags(f), "unroll.*"));
}

static void
a_glob_out_of_domain_names_the_knob_and_the_pattern(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_assign(f->ks, "unroll.*.factor=3"),
                     EO_OK);
    assert_int_equal(ask(f, "unroll.L1.factor", &set_dom, 1, NULL), 1);
    assert_int_equal(eo_knob_store_check(f->ks), EO_ERROR);
    assert_non_null(strstr(diags(f), "invalid value for knob "
                                     "'unroll.L1.factor'"));
    assert_non_null(strstr(diags(f), "note: assigned through the pattern "
                                     "'unroll.*.factor'"));
}

static void
conditional_knobs_record_what_was_active(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_assign(f->ks, "pipeline.optional.0=true"),
                     EO_OK);
    assert_int_equal(eo_knob_store_assign(f->ks, "unroll.L1.factor=4"),
                     EO_OK);
    const eo_knob_provider *kp = eo_knob_store_provider(f->ks);
    kp->ask(kp->ud, "pipeline.optional.0", &bool_dom, 0, NULL, "pipeline");
    kp->ask(kp->ud, "unroll.L1.factor", &set_dom, 1, site(f, 0), "unroll");
    kp->ask(kp->ud, "vec.L1.width", &set_dom, 1, site(f, 0), "vec");
    kp->ask(kp->ud, "vec.L2.width", &set_dom, 1, site(f, 1), "vec");
    eo_strbuf b = {0};
    eo_knob_store_space_json(f->ks, &b);
    cJSON *j = cJSON_Parse(b.data);
    assert_non_null(j);
    cJSON *knobs = cJSON_GetObjectItem(j, "knobs");
    /* Sorted: pipeline.optional.0, unroll.L1.factor, vec.L1, vec.L2. */
    cJSON *deps0 = cJSON_GetObjectItem(cJSON_GetArrayItem(knobs, 0),
                                       "depends_on");
    assert_int_equal(cJSON_GetArraySize(deps0), 0);
    cJSON *deps2 = cJSON_GetObjectItem(cJSON_GetArrayItem(knobs, 2),
                                       "depends_on");
    assert_int_equal(cJSON_GetArraySize(deps2), 2);
    cJSON *d0 = cJSON_GetArrayItem(deps2, 0);
    assert_string_equal(cJSON_GetObjectItem(d0, "name")->valuestring,
                        "pipeline.optional.0");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(d0, "value")));
    cJSON *d1 = cJSON_GetArrayItem(deps2, 1);
    assert_string_equal(cJSON_GetObjectItem(d1, "name")->valuestring,
                        "unroll.L1.factor");
    assert_int_equal(cJSON_GetObjectItem(d1, "value")->valueint, 4);
    /* Another site only depends on the pipeline choice. */
    cJSON *deps3 = cJSON_GetObjectItem(cJSON_GetArrayItem(knobs, 3),
                                       "depends_on");
    assert_int_equal(cJSON_GetArraySize(deps3), 1);
    cJSON_Delete(j);
    eo_strbuf_free(&b);
}

static void
the_assignment_json_replays_the_run(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_assign(f->ks, "unroll.*.factor=4"),
                     EO_OK);
    ask(f, "unroll.L1.factor", &set_dom, 1, NULL);
    ask(f, "unroll.L2.factor", &set_dom, 1, NULL);
    ask(f, "inline.c1.enable", &bool_dom, 1, NULL);
    ask(f, "mode", &enum_dom, 1, NULL);
    eo_strbuf b = {0};
    eo_knob_store_assignment_json(f->ks, &b);
    assert_string_equal(b.data, "{\n"
                                "  \"inline.c1.enable\": true,\n"
                                "  \"mode\": \"small\",\n"
                                "  \"unroll.L1.factor\": 4,\n"
                                "  \"unroll.L2.factor\": 4\n"
                                "}\n");
    /* Replay in a fresh store. */
    eo_knob_store *ks2 = eo_knob_store_create(f->ctx);
    assert_int_equal(eo_knob_store_load(ks2, write_file(f, b.data)), EO_OK);
    const eo_knob_provider *kp = eo_knob_store_provider(ks2);
    assert_int_equal(kp->ask(kp->ud, "unroll.L2.factor", &set_dom, 1, NULL,
                             "t"), 4);
    assert_int_equal(kp->ask(kp->ud, "mode", &enum_dom, 0, NULL, "t"), 1);
    assert_int_equal(kp->ask(kp->ud, "inline.c1.enable", &bool_dom, 0, NULL,
                             "t"), 1);
    assert_int_equal(kp->ask(kp->ud, "unroll.L1.factor", &set_dom, 1, NULL,
                             "t"), 4);
    assert_int_equal(eo_knob_store_check(ks2), EO_OK);
    eo_knob_store_destroy(ks2);
    eo_strbuf_free(&b);
}

static void
an_empty_store_prints_empty_json(void **state)
{
    fixture *f = *state;
    eo_strbuf b = {0};
    eo_knob_store_space_json(f->ks, &b);
    assert_string_equal(b.data, "{\n  \"knobs\": []\n}\n");
    eo_strbuf_free(&b);
    eo_knob_store_assignment_json(f->ks, &b);
    assert_string_equal(b.data, "{}\n");
    eo_strbuf_free(&b);
}

static void
eo_knob_ask_names_knobs_by_site(void **state)
{
    fixture *f = *state;
    const eo_knob_provider *kp = eo_knob_store_provider(f->ks);
    assert_int_equal(eo_knob_store_assign(f->ks, "unroll.L2.factor=8"),
                     EO_OK);
    assert_int_equal(eo_knob_ask(kp, "unroll", site(f, 1), "factor",
                                 &set_dom, 1, "unroll"), 8);
    assert_int_equal(eo_knob_ask(NULL, "unroll", site(f, 1), "factor",
                                 &set_dom, 1, "unroll"), 1);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

static void
many_assignments_and_asks_stay_fast(void **state)
{
    fixture *f = *state;
    char buf[64];
    for (int i = 0; i < 20000; i++) {
        snprintf(buf, sizeof buf, "unroll.loop%d.factor=%d", i, 1 << (i % 4));
        assert_int_equal(eo_knob_store_assign(f->ks, buf), EO_OK);
    }
    assert_int_equal(eo_knob_store_assign(f->ks, "unroll.loop7.factor=8"),
                     EO_OK);
    for (int i = 0; i < 20000; i++) {
        snprintf(buf, sizeof buf, "unroll.loop%d.factor", i);
        assert_int_equal(ask(f, buf, &set_dom, 1, NULL),
                         i == 7 ? 8 : 1 << (i % 4));
    }
    assert_int_equal(eo_knob_store_num_asked(f->ks), 20000);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

/* Records keep their own copies (names hashed eight bytes at a time, so
 * names of every length up to 40 that differ only in the last byte stay
 * apart; site keys and askers shared between records; enum names copied,
 * not borrowed). */
static void
records_copy_names_sites_askers_and_domains(void **state)
{
    fixture *f = *state;
    char name[48];
    for (int len = 1; len <= 40; len++)
        for (char last = 'a'; last <= 'b'; last++) {
            memset(name, 'k', (size_t)len - 1);
            name[len - 1] = last;
            name[len] = '\0';
            assert_int_equal(ask(f, name, &set_dom, last == 'a' ? 2 : 4,
                                 NULL), last == 'a' ? 2 : 4);
        }
    assert_int_equal(eo_knob_store_num_asked(f->ks), 80);
    /* Asked again: the first answers, nothing new recorded. */
    memset(name, 'k', 16);
    name[16] = 'b';
    name[17] = '\0';
    assert_int_equal(ask(f, name, &set_dom, 8, NULL), 4);
    assert_int_equal(eo_knob_store_num_asked(f->ks), 80);
    /* Interleaved sites and askers; an enum domain whose names change
     * after the ask. */
    char m0[8] = "fast", m1[8] = "small";
    const char *names[] = { m0, m1 };
    eo_knob_domain e = { .kind = EO_KNOB_ENUM, .names = names, .count = 2 };
    const eo_knob_provider *kp = eo_knob_store_provider(f->ks);
    for (int i = 0; i < 6; i++) {
        char asker[16];
        snprintf(asker, sizeof asker, "pass%d", i % 2);
        snprintf(name, sizeof name, "mode.%d", i);
        assert_int_equal(kp->ask(kp->ud, name, &e, 1, site(f, i % 2), asker),
                         1);
        asker[0] = 'X';     /* the store keeps its own copy */
    }
    strcpy(m1, "CHANGED");
    eo_strbuf b = { 0 };
    eo_knob_store_space_json(f->ks, &b);
    assert_non_null(b.data);
    assert_null(strstr(b.data, "CHANGED"));
    assert_null(strstr(b.data, "Xass"));
    const char *m5 = strstr(b.data, "\"name\": \"mode.5\"");
    assert_non_null(m5);
    assert_non_null(strstr(m5, "\"names\": [\"fast\", \"small\"]"));
    assert_non_null(strstr(m5, "\"asker\": \"pass1\""));
    assert_non_null(strstr(m5, "\"site\": \"L2\""));
    /* mode.5 depends on the earlier knobs of its site, L2: 1 and 3. */
    assert_non_null(strstr(m5, "\"depends_on\": [{\"name\": \"mode.1\""));
    assert_non_null(strstr(m5, "\"mode.3\""));
    assert_null(strstr(m5, "\"mode.2\""));
    eo_strbuf_free(&b);
}

typedef struct thread_arg {
    fixture *f;
    int id;
} thread_arg;

static void *
asker_thread(void *p)
{
    thread_arg *t = p;
    const eo_knob_provider *kp = eo_knob_store_provider(t->f->ks);
    char buf[64];
    for (int i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "t%d.k%d", t->id, i % 1000);
        if (kp->ask(kp->ud, buf, &set_dom, 1, NULL, "thread") != 4)
            return p;
    }
    return NULL;
}

static void
the_provider_may_be_asked_from_many_threads(void **state)
{
    fixture *f = *state;
    assert_int_equal(eo_knob_store_assign(f->ks, "t*=4"), EO_OK);
    pthread_t th[4];
    thread_arg args[4];
    for (int i = 0; i < 4; i++) {
        args[i] = (thread_arg){ f, i };
        assert_int_equal(pthread_create(&th[i], NULL, asker_thread,
                                        &args[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(th[i], &r);
        assert_null(r);
    }
    assert_int_equal(eo_knob_store_num_asked(f->ks), 4000);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(unassigned_knobs_take_their_default_and_are_recorded),
        T(command_line_assignments_answer),
        T(malformed_command_line_assignments_are_errors),
        T(json_files_are_loaded_with_every_value_kind),
        T(line_files_take_comments_and_blank_lines),
        T(malformed_json_is_reported_at_its_position),
        T(json_must_be_an_object_of_scalars),
        T(malformed_lines_are_reported_at_their_position),
        T(missing_files_are_errors),
        T(unknown_knobs_are_reported_by_check_with_their_position),
        T(out_of_domain_values_are_reported_at_the_value),
        T(wrong_value_kinds_are_reported),
        T(globs_tie_sites_and_the_most_specific_key_wins),
        T(globs_matching_nothing_are_reported),
        T(a_glob_out_of_domain_names_the_knob_and_the_pattern),
        T(conditional_knobs_record_what_was_active),
        T(the_assignment_json_replays_the_run),
        T(an_empty_store_prints_empty_json),
        T(eo_knob_ask_names_knobs_by_site),
        T(many_assignments_and_asks_stay_fast),
        T(records_copy_names_sites_askers_and_domains),
        T(the_provider_may_be_asked_from_many_threads),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

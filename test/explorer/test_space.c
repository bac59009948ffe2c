/* test/explorer/test_space.c - the explorer's search space: parsing the
 * knob-space JSON edge-opt --list-knobs prints (a captured output and one
 * produced by the knob store here), sizes, axes, the canonical form and
 * knob lines the knob store accepts back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Captured from: edge-opt docs/examples/knobs.mlir --unroll --inline
 * --list-knobs (plus one enum and one range knob added by hand). */
static const char listed[] =
    "{\n  \"knobs\": [\n"
    "    {\n      \"name\": \"inline.knobs.mlir:16:8.enable\",\n"
    "      \"domain\": {\"kind\": \"bool\"},\n      \"default\": true,\n"
    "      \"value\": true,\n      \"assigned\": false,\n"
    "      \"asker\": \"inline\",\n      \"site\": \"knobs.mlir:16:8\",\n"
    "      \"loc\": \"docs/examples/knobs.mlir:16:8\",\n"
    "      \"asks\": 1,\n      \"depends_on\": []\n    },\n"
    "    {\n      \"name\": \"inline.step.enable\",\n"
    "      \"domain\": {\"kind\": \"bool\"},\n      \"default\": true,\n"
    "      \"value\": true,\n      \"assigned\": false,\n"
    "      \"asker\": \"inline\",\n      \"site\": \"step\",\n"
    "      \"loc\": \"docs/examples/knobs.mlir:13:10\",\n"
    "      \"asks\": 1,\n      \"depends_on\": []\n    },\n"
    "    {\n      \"name\": \"sched.loop.order\",\n"
    "      \"domain\": {\"kind\": \"enum\", \"names\": [\"ijk\", \"kij\", "
    "\"i j\"]},\n      \"default\": \"kij\",\n      \"value\": \"kij\",\n"
    "      \"assigned\": false,\n      \"asker\": \"sched\",\n"
    "      \"site\": \"loop\",\n      \"loc\": null,\n      \"asks\": 1,\n"
    "      \"depends_on\": []\n    },\n"
    "    {\n      \"name\": \"tile.loop.size\",\n"
    "      \"domain\": {\"kind\": \"range\", \"lo\": 2, \"hi\": 11, "
    "\"step\": 3},\n      \"default\": 5,\n      \"value\": 5,\n"
    "      \"assigned\": false,\n      \"asker\": \"tile\",\n"
    "      \"site\": \"loop\",\n      \"loc\": null,\n      \"asks\": 1,\n"
    "      \"depends_on\": [{\"name\": \"inline.step.enable\", \"value\": "
    "true}]\n    },\n"
    "    {\n      \"name\": \"unroll.loop.factor\",\n"
    "      \"domain\": {\"kind\": \"set\", \"values\": [1, 2, 4, 8]},\n"
    "      \"default\": 1,\n      \"value\": 1,\n      \"assigned\": false,\n"
    "      \"asker\": \"unroll\",\n      \"site\": \"loop\",\n"
    "      \"loc\": \"docs/examples/knobs.mlir:12:8\",\n      \"asks\": 1,\n"
    "      \"depends_on\": []\n    }\n  ]\n}\n";

typedef struct fixture {
    eo_ctx *ctx;
    char msg[512];
    int errors;
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

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || !(f->ctx = eo_ctx_create(NULL)))
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static void
test_parse_listed(void **state)
{
    fixture *f = *state;
    eo_space *s = eo_space_create(f->ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, listed, strlen(listed)), EO_OK);
    assert_int_equal(eo_space_num_dims(s), 5);
    assert_string_equal(eo_space_dim_name(s, 0),
                        "inline.knobs.mlir:16:8.enable");
    assert_int_equal(eo_space_dim_size(s, 0), 2);
    assert_int_equal(eo_space_dim_default(s, 0), 1);
    assert_int_equal(eo_space_dim_size(s, 2), 3);
    assert_int_equal(eo_space_dim_default(s, 2), 1);   /* "kij" */
    assert_int_equal(eo_space_dim_size(s, 3), 4);      /* 2 5 8 11 */
    assert_int_equal(eo_space_dim_default(s, 3), 1);
    assert_int_equal(eo_space_dim_size(s, 4), 4);
    assert_int_equal(eo_space_size(s), 2 * 2 * 3 * 4 * 4);

    uint32_t c[6];
    eo_space_default(s, c);
    eo_strbuf b = { 0 };
    assert_int_equal(eo_space_format(s, c, &b), EO_OK);
    assert_string_equal(b.data, "inline.knobs.mlir:16:8.enable=true,"
                        "inline.step.enable=true,sched.loop.order=kij,"
                        "tile.loop.size=5,unroll.loop.factor=1");
    eo_strbuf_free(&b);

    /* A target axis sorts in by name; knob lines leave it out. */
    double clk[] = { 100e6, 2.5e8 };
    assert_int_equal(eo_space_add_axis(s, "target.clock", clk, 2), EO_OK);
    assert_int_equal(eo_space_num_dims(s), 6);
    assert_int_equal(eo_space_find(s, "target.clock"), 3);
    assert_true(eo_space_dim_is_axis(s, 3));
    uint32_t c2[6] = { 0, 1, 2, 1, 3, 2 };
    assert_int_equal(eo_space_format(s, c2, &b), EO_OK);
    assert_string_equal(b.data, "inline.knobs.mlir:16:8.enable=false,"
                        "inline.step.enable=true,sched.loop.order=\"i j\","
                        "target.clock=250000000,tile.loop.size=11,"
                        "unroll.loop.factor=4");
    uint32_t back[6];
    assert_int_equal(eo_space_parse(s, b.data, back), EO_OK);
    assert_memory_equal(back, c2, sizeof back);
    eo_strbuf_free(&b);
    assert_int_equal(eo_space_knob_lines(s, c2, &b), EO_OK);
    assert_string_equal(b.data, "inline.knobs.mlir:16:8.enable=false\n"
                        "inline.step.enable=true\n"
                        "sched.loop.order=\"i j\"\ntile.loop.size=11\n"
                        "unroll.loop.factor=4\n");

    /* The knob store takes every line back. */
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    char *line = b.data;
    for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = '\0';
        assert_int_equal(eo_knob_store_assign(ks, line), EO_OK);
    }
    eo_knob_store_destroy(ks);
    eo_strbuf_free(&b);
    assert_int_equal(f->errors, 0);

    /* Out of range indices and bad text are errors, not crashes. */
    c2[4] = 4;
    assert_int_equal(eo_space_format(s, c2, &b), EO_ERROR);
    assert_non_null(strstr(f->msg, "out of range"));
    eo_strbuf_free(&b);
    assert_int_equal(eo_space_parse(s, "tile.loop.size=3", back), EO_ERROR);
    assert_int_equal(eo_space_parse(s, "nope=1", back), EO_ERROR);
    assert_int_equal(eo_space_parse(s, "garbage", back), EO_ERROR);
    eo_space_destroy(s);
}

/* A space the knob store itself writes. */
static void
test_from_knob_store(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    const eo_knob_provider *kp = eo_knob_store_provider(ks);
    static const int64_t tiles[] = { 8, 16, 32 };
    static const char *const modes[] = { "fast", "small" };
    eo_knob_domain set = { .kind = EO_KNOB_SET, .values = tiles, .count = 3 };
    eo_knob_domain en = { .kind = EO_KNOB_ENUM, .names = modes, .count = 2 };
    eo_knob_domain rg = { .kind = EO_KNOB_RANGE, .lo = 0, .hi = 9,
                          .step = 1 };
    eo_knob_domain bl = { .kind = EO_KNOB_BOOL };
    eo_knob_ask(kp, "tile", NULL, "oc", &set, 16, "tile");
    eo_knob_ask(kp, "mode", NULL, "pick", &en, 1, "mode");
    eo_knob_ask(kp, "split", NULL, "n", &rg, 3, "split");
    eo_knob_ask(kp, "fuse", NULL, "on", &bl, 0, "fuse");
    eo_strbuf b = { 0 };
    eo_knob_store_space_json(ks, &b);
    eo_knob_store_destroy(ks);
    eo_space *s = eo_space_create(f->ctx);
    assert_int_equal(eo_space_load_json(s, b.data, b.len), EO_OK);
    eo_strbuf_free(&b);
    assert_int_equal(eo_space_size(s), 3 * 2 * 10 * 2);
    uint32_t c[4];
    eo_space_default(s, c);
    assert_int_equal(eo_space_format(s, c, &b), EO_OK);
    assert_string_equal(b.data, "fuse.on=false,mode.pick=small,split.n=3,"
                        "tile.oc=16");
    eo_strbuf_free(&b);

    /* A candidate's knob lines replay: the store answers its values. */
    uint32_t pick[4] = { 1, 0, 7, 2 };
    assert_int_equal(eo_space_knob_lines(s, pick, &b), EO_OK);
    ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    char *line = b.data;
    for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = '\0';
        assert_int_equal(eo_knob_store_assign(ks, line), EO_OK);
    }
    eo_strbuf_free(&b);
    kp = eo_knob_store_provider(ks);
    assert_int_equal(eo_knob_ask(kp, "tile", NULL, "oc", &set, 16, "tile"),
                     32);
    assert_int_equal(eo_knob_ask(kp, "mode", NULL, "pick", &en, 1, "mode"),
                     0);
    assert_int_equal(eo_knob_ask(kp, "split", NULL, "n", &rg, 3, "split"),
                     7);
    assert_int_equal(eo_knob_ask(kp, "fuse", NULL, "on", &bl, 0, "fuse"),
                     1);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    eo_knob_store_destroy(ks);
    assert_int_equal(f->errors, 0);
    eo_space_destroy(s);
}

/* Sites, and enum names with commas (loop orders such as "d1,d0"). */
static void
test_sites_and_commas(void **state)
{
    fixture *f = *state;
    static const char json[] =
        "{\"knobs\": ["
        "{\"name\": \"tile.conv2.0\", \"domain\": {\"kind\": \"set\", "
        "\"values\": [0, 4]}, \"default\": 0, \"site\": \"conv2\"},"
        "{\"name\": \"interchange.conv1\", \"domain\": {\"kind\": "
        "\"enum\", \"names\": [\"d0,d1\", \"d1,d0\"]}, \"default\": "
        "\"d0,d1\", \"site\": \"conv1\"},"
        "{\"name\": \"pipeline.fold\", \"domain\": {\"kind\": \"bool\"}, "
        "\"default\": false, \"site\": null},"
        "{\"name\": \"zz.other\", \"domain\": {\"kind\": \"bool\"}}]}";
    eo_space *s = eo_space_create(f->ctx);
    assert_non_null(s);
    assert_int_equal(eo_space_load_json(s, json, strlen(json)), EO_OK);
    assert_int_equal(eo_space_num_dims(s), 4);
    /* Sorted by name: interchange, pipeline, tile, zz. */
    assert_string_equal(eo_space_dim_site(s, 0), "conv1");
    assert_string_equal(eo_space_dim_site(s, 1), "");
    assert_string_equal(eo_space_dim_site(s, 2), "conv2");
    assert_string_equal(eo_space_dim_site(s, 3), "");
    double v[] = { 1, 2 };
    assert_int_equal(eo_space_add_axis(s, "target.x", v, 2), EO_OK);
    assert_string_equal(eo_space_dim_site(s, 2), "");   /* target.x */
    assert_string_equal(eo_space_dim_site(s, 3), "conv2");
    assert_string_equal(eo_space_dim_site(s, 99), "");

    uint32_t c[5] = { 1, 1, 1, 1, 1 }, back[5];
    eo_strbuf b = { 0 };
    assert_int_equal(eo_space_format(s, c, &b), EO_OK);
    assert_string_equal(b.data, "interchange.conv1=\"d1,d0\","
                        "pipeline.fold=true,target.x=2,tile.conv2.0=4,"
                        "zz.other=true");
    assert_int_equal(eo_space_parse(s, b.data, back), EO_OK);
    assert_memory_equal(back, c, sizeof c);
    assert_int_equal(eo_space_parse(s, "interchange.conv1=\"d1,d0,"
                                    "pipeline.fold=true", back), EO_ERROR);
    eo_strbuf_free(&b);
    /* The knob store reads the quoted loop order back. */
    assert_int_equal(eo_space_knob_lines(s, c, &b), EO_OK);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    char *line = b.data;
    for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
        *nl = '\0';
        assert_int_equal(eo_knob_store_assign(ks, line), EO_OK);
    }
    static const char *const orders[] = { "d0,d1", "d1,d0" };
    eo_knob_domain en = { .kind = EO_KNOB_ENUM, .names = orders,
                          .count = 2 };
    assert_int_equal(eo_knob_ask(eo_knob_store_provider(ks), "interchange",
                                 NULL, "conv1", &en, 0, "interchange"), 1);
    eo_knob_store_destroy(ks);
    eo_strbuf_free(&b);
    eo_space_destroy(s);
    assert_int_equal(f->errors, 1);     /* the unterminated quote */

    /* A site that is not a string is refused. */
    static const char bad[] = "{\"knobs\": [{\"name\": \"a\", \"domain\": "
                              "{\"kind\": \"bool\"}, \"site\": 3}]}";
    s = eo_space_create(f->ctx);
    f->errors = 0;
    assert_int_equal(eo_space_load_json(s, bad, strlen(bad)), EO_ERROR);
    assert_non_null(strstr(f->msg, "site"));
    eo_space_destroy(s);
}

static void
test_errors_and_size(void **state)
{
    fixture *f = *state;
    static const char *const bad[] = {
        "{\"knobs\": [",
        "[1, 2]",
        "{\"knobs\": [{\"name\": \"a\"}]}",
        "{\"knobs\": [{\"name\": \"a\", \"domain\": {\"kind\": \"cube\"}}]}",
        "{\"knobs\": [{\"name\": \"a\", \"domain\": {\"kind\": \"range\", "
        "\"lo\": 5, \"hi\": 1}}]}",
        "{\"knobs\": [{\"name\": \"a\", \"domain\": {\"kind\": \"set\", "
        "\"values\": []}}]}",
        "{\"knobs\": [{\"name\": \"a\", \"domain\": {\"kind\": \"set\", "
        "\"values\": [1]}, \"default\": 7}]}",
        "{\"knobs\": [{\"name\": \"a,b\", \"domain\": {\"kind\": \"bool\"}}]}",
        "{\"knobs\": [{\"name\": \"a\", \"domain\": {\"kind\": \"bool\"}}, "
        "{\"name\": \"a\", \"domain\": {\"kind\": \"bool\"}}]}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        eo_space *s = eo_space_create(f->ctx);
        f->errors = 0;
        assert_int_equal(eo_space_load_json(s, bad[i], strlen(bad[i])),
                         EO_ERROR);
        assert_int_equal(f->errors, 1);
        eo_space_destroy(s);
    }
    /* The size saturates. */
    eo_space *s = eo_space_create(f->ctx);
    assert_int_equal(eo_space_size(s), 1);
    double v[1000];
    for (int i = 0; i < 1000; i++)
        v[i] = i;
    char name[16];
    for (int i = 0; i < 6; i++) {
        snprintf(name, sizeof name, "ax%d", i);
        assert_int_equal(eo_space_add_axis(s, name, v, 1000), EO_OK);
    }
    assert_int_equal(eo_space_size(s), 1000000000000000000ull);
    assert_int_equal(eo_space_add_axis(s, "ax6", v, 1000), EO_OK);
    assert_true(eo_space_size(s) == UINT64_MAX);
    f->errors = 0;
    assert_int_equal(eo_space_add_axis(s, "ax0", v, 2), EO_ERROR);
    assert_non_null(strstr(f->msg, "duplicate"));
    eo_space_destroy(s);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_parse_listed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_from_knob_store, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sites_and_commas, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_errors_and_size, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/rewrite/test_knob_assign_value.c - eo_knob_store_assign_value:
 * the same answers, records and diagnostics (text and place) as
 * eo_knob_store_assign of the "name=value" line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct side {
    eo_ctx *ctx;
    eo_knob_store *ks;
    eo_strbuf diags;
} side;

static void
capture(const eo_diag *d, void *ud)
{
    side *s = ud;
    eo_diag_format(s->ctx, d, &s->diags);
}

static void
side_open(side *s)
{
    memset(s, 0, sizeof *s);
    s->ctx = eo_ctx_create(NULL);
    assert_non_null(s->ctx);
    s->ks = eo_knob_store_create(s->ctx);
    assert_non_null(s->ks);
    eo_ctx_set_diag_handler(s->ctx, capture, s);
}

static void
side_close(side *s)
{
    eo_knob_store_destroy(s->ks);
    eo_ctx_destroy(s->ctx);
    eo_strbuf_free(&s->diags);
}

static const int64_t pow2[] = { 1, 2, 4, 8 };
static const eo_knob_domain set_dom = { .kind = EO_KNOB_SET, .values = pow2,
                                        .count = 4 };
static const eo_knob_domain bool_dom = { .kind = EO_KNOB_BOOL };
static const char *const modes[] = { "fast", "small", "d1,d0", "a b" };
static const eo_knob_domain enum_dom = { .kind = EO_KNOB_ENUM,
                                         .names = modes, .count = 4 };

/* Assigns 'value' to 'name' both ways, asks 'name' in 'dom' on both
 * stores, checks them and compares answers, statuses and diagnostics;
 * returns the answer. */
static int64_t
same(const char *name, const char *value, const eo_knob_domain *dom,
     eo_status want)
{
    side a, b;
    side_open(&a);
    side_open(&b);
    char line[256];
    snprintf(line, sizeof line, "%s=%s", name, value);
    eo_status sa = eo_knob_store_assign(a.ks, line);
    eo_status sb = eo_knob_store_assign_value(b.ks, name, value);
    assert_int_equal(sa, want);
    assert_int_equal(sb, want);
    int64_t va = -7, vb = -7;
    if (sa == EO_OK) {
        const eo_knob_provider *pa = eo_knob_store_provider(a.ks);
        const eo_knob_provider *pb = eo_knob_store_provider(b.ks);
        const char *key = strchr(name, '*') ? "tile.x.0" : name;
        va = pa->ask(pa->ud, key, dom, 1, NULL, "test");
        vb = pb->ask(pb->ud, key, dom, 1, NULL, "test");
        assert_int_equal(eo_knob_store_check(a.ks),
                         eo_knob_store_check(b.ks));
    }
    assert_int_equal(va, vb);
    assert_string_equal(a.diags.data ? a.diags.data : "",
                        b.diags.data ? b.diags.data : "");
    side_close(&a);
    side_close(&b);
    return va;
}

static void
values_answer_as_their_line_does(void **state)
{
    (void)state;
    assert_int_equal(same("tile.x.0", "4", &set_dom, EO_OK), 4);
    assert_int_equal(same("tile.x.0", "0x8", &set_dom, EO_OK), 8);
    assert_int_equal(same("vec.x", "false", &bool_dom, EO_OK), 0);
    assert_int_equal(same("mode", "small", &enum_dom, EO_OK), 1);
    assert_int_equal(same("mode", "\"d1,d0\"", &enum_dom, EO_OK), 2);
    assert_int_equal(same("mode", "\"a b\"", &enum_dom, EO_OK), 3);
    assert_int_equal(same("tile.*", "2", &set_dom, EO_OK), 2);
}

static void
bad_values_are_the_same_errors_in_the_same_place(void **state)
{
    (void)state;
    /* Out of the domain or of the wrong kind: reported by the check. */
    assert_int_equal(same("tile.x.0", "3", &set_dom, EO_OK), 1);
    assert_int_equal(same("tile.x.0", "fast", &set_dom, EO_OK), 1);
    assert_int_equal(same("mode", "slow", &enum_dom, EO_OK), 1);
    /* Malformed values and names: refused at once. */
    same("tile.x.0", "4x", &set_dom, EO_ERROR);
    same("tile.x.0", "99999999999999999999", &set_dom, EO_ERROR);
    same("mode", "\"open", &enum_dom, EO_ERROR);
    same("mode", "", &enum_dom, EO_ERROR);
    same("", "4", &set_dom, EO_ERROR);
    same("a\"b", "4", &set_dom, EO_ERROR);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_answer_as_their_line_does),
        cmocka_unit_test(bad_values_are_the_same_errors_in_the_same_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/ir/test_locs.c - location uniquing, MLIR's canonical forms (name
 * with unknown child, fused flattening), accessors, eo_loc_find_file and
 * the printed spelling (as mlir-opt 19 prints with --mlir-print-debuginfo
 * --mlir-print-local-scope). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <stdio.h>
#include <string.h>

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return -1;
    eo_ctx_set_allow_unregistered(ctx, true);
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static const eo_ident *
id(eo_ctx *ctx, const char *s)
{
    return eo_ident_cstr(ctx, s);
}

/* Prints 'l' as a location attribute (the attribute printer uses the
 * location printer) and compares with 'want'. */
static void
check_print(eo_ctx *ctx, const eo_loc *l, const char *want)
{
    assert_non_null(l);
    const eo_attr *a = eo_attr_get_location(ctx, l);
    assert_non_null(a);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0)
        fail_msg("got '%.*s', want '%s'", (int)b.len, b.data, want);
    eo_strbuf_free(&b);
}

static const eo_loc *
op_loc(eo_ctx *ctx, const char *src)
{
    eo_op *m = eo_parse_source(ctx, "t.mlir", src, strlen(src), NULL);
    if (!m)
        return NULL;
    eo_op *op = eo_block_first(eo_module_body(m));
    const eo_loc *l = op ? eo_op_loc(op) : NULL;
    eo_op_destroy(m);
    return l;
}

/* ------------------------------------------------------------------ */

static void
locations_are_uniqued(void **state)
{
    eo_ctx *ctx = *state;
    assert_ptr_equal(eo_loc_unknown(ctx), eo_loc_unknown(ctx));
    const eo_loc *f = eo_loc_file(ctx, id(ctx, "a.mlir"), 3, 7);
    assert_ptr_equal(f, eo_loc_file(ctx, id(ctx, "a.mlir"), 3, 7));
    assert_ptr_not_equal(f, eo_loc_file(ctx, id(ctx, "a.mlir"), 7, 3));
    const eo_loc *n = eo_loc_name(ctx, id(ctx, "n"), f);
    assert_ptr_equal(n, eo_loc_name(ctx, id(ctx, "n"), f));
    assert_ptr_not_equal(n, eo_loc_name(ctx, id(ctx, "n"), NULL));
    const eo_loc *c = eo_loc_callsite(ctx, n, f);
    assert_ptr_equal(c, eo_loc_callsite(ctx, n, f));
    assert_ptr_not_equal(c, eo_loc_callsite(ctx, f, n));
    const eo_loc *two[] = { f, n };
    assert_ptr_equal(eo_loc_fused(ctx, 2, two, NULL),
                     eo_loc_fused(ctx, 2, two, NULL));
}

static void
canonical_forms(void **state)
{
    eo_ctx *ctx = *state;
    const eo_loc *unk = eo_loc_unknown(ctx);
    const eo_loc *a = eo_loc_name(ctx, id(ctx, "a"), NULL);
    const eo_loc *b = eo_loc_name(ctx, id(ctx, "b"), NULL);
    const eo_loc *f = eo_loc_file(ctx, id(ctx, "f"), 1, 2);
    /* A name with an unknown child has no child. */
    assert_ptr_equal(eo_loc_name(ctx, id(ctx, "a"), unk), a);
    assert_null(eo_loc_child(a));
    /* fused[] is unknown, fused[x] is x, duplicates and unknowns go. */
    assert_ptr_equal(eo_loc_fused(ctx, 0, NULL, NULL), unk);
    assert_ptr_equal(eo_loc_fused(ctx, 1, &a, NULL), a);
    const eo_loc *aa[] = { a, a, unk };
    assert_ptr_equal(eo_loc_fused(ctx, 3, aa, NULL), a);
    /* Nested fused locations with the same metadata are flattened. */
    const eo_loc *ab[] = { a, b };
    const eo_loc *fab = eo_loc_fused(ctx, 2, ab, NULL);
    const eo_loc *nested[] = { fab, f, a };
    const eo_loc *flat = eo_loc_fused(ctx, 3, nested, NULL);
    assert_int_equal(eo_loc_num_fused(flat), 3);
    assert_ptr_equal(eo_loc_fused_at(flat, 0), a);
    assert_ptr_equal(eo_loc_fused_at(flat, 1), b);
    assert_ptr_equal(eo_loc_fused_at(flat, 2), f);
    /* Metadata is kept even with one or no member. */
    const eo_attr *meta = eo_attr_get_string(ctx, "m", 1, NULL);
    const eo_loc *m0 = eo_loc_fused(ctx, 0, NULL, meta);
    assert_int_equal(eo_loc_get_kind(m0), EO_LOC_FUSED);
    assert_int_equal(eo_loc_num_fused(m0), 1);
    assert_ptr_equal(eo_loc_fused_at(m0, 0), unk);
    assert_ptr_equal(eo_loc_fused_metadata(m0), meta);
    check_print(ctx, m0, "loc(fused<\"m\">[unknown])");
    const eo_loc *m1 = eo_loc_fused(ctx, 1, &a, meta);
    assert_int_equal(eo_loc_get_kind(m1), EO_LOC_FUSED);
    /* Different metadata is not flattened. */
    const eo_loc *outer[] = { m1, b };
    const eo_loc *keep = eo_loc_fused(ctx, 2, outer, NULL);
    assert_int_equal(eo_loc_num_fused(keep), 2);
    check_print(ctx, keep, "loc(fused[fused<\"m\">[\"a\"], \"b\"])");
}

static void
accessors_and_find_file(void **state)
{
    eo_ctx *ctx = *state;
    const eo_loc *f = eo_loc_file(ctx, id(ctx, "x.c"), 10, 20);
    assert_int_equal(eo_loc_get_kind(f), EO_LOC_FILE);
    assert_string_equal(eo_ident_str(eo_loc_filename(f)), "x.c");
    assert_int_equal(eo_loc_line(f), 10);
    assert_int_equal(eo_loc_col(f), 20);
    const eo_loc *n = eo_loc_name(ctx, id(ctx, "nm"), f);
    assert_string_equal(eo_ident_str(eo_loc_name_ident(n)), "nm");
    assert_ptr_equal(eo_loc_child(n), f);
    const eo_loc *g = eo_loc_file(ctx, id(ctx, "y.c"), 1, 1);
    const eo_loc *cs = eo_loc_callsite(ctx, eo_loc_name(ctx, id(ctx, "k"),
                                                        NULL), g);
    assert_ptr_equal(eo_loc_caller(cs), g);
    assert_int_equal(eo_loc_get_kind(eo_loc_callee(cs)), EO_LOC_NAME);

    assert_ptr_equal(eo_loc_find_file(f), f);
    assert_ptr_equal(eo_loc_find_file(n), f);
    assert_ptr_equal(eo_loc_find_file(cs), g);
    assert_null(eo_loc_find_file(eo_loc_unknown(ctx)));
    const eo_loc *parts[] = { eo_loc_name(ctx, id(ctx, "q"), NULL), cs, f };
    assert_ptr_equal(eo_loc_find_file(eo_loc_fused(ctx, 3, parts, NULL)), g);
}

static void
printing_matches_mlir(void **state)
{
    eo_ctx *ctx = *state;
    const eo_loc *f = eo_loc_file(ctx, id(ctx, "file.mlir"), 3, 7);
    check_print(ctx, f, "loc(\"file.mlir\":3:7)");
    check_print(ctx, eo_loc_unknown(ctx), "loc(unknown)");
    const eo_loc *a = eo_loc_name(ctx, id(ctx, "a"), NULL);
    check_print(ctx, a, "loc(\"a\")");
    const eo_loc *f12 = eo_loc_file(ctx, id(ctx, "f"), 1, 2);
    check_print(ctx, eo_loc_name(ctx, id(ctx, "name"), f12),
                "loc(\"name\"(\"f\":1:2))");
    const eo_loc *b12 = eo_loc_file(ctx, id(ctx, "b"), 1, 2);
    check_print(ctx, eo_loc_callsite(ctx, a, b12),
                "loc(callsite(\"a\" at \"b\":1:2))");
    const eo_loc *ab[] = { a, eo_loc_name(ctx, id(ctx, "b"), NULL) };
    check_print(ctx, eo_loc_fused(ctx, 2, ab, NULL),
                "loc(fused[\"a\", \"b\"])");
    const eo_loc *af[] = { a, f12 };
    check_print(ctx, eo_loc_fused(ctx, 2, af,
                                  eo_attr_get_string(ctx, "meta", 4, NULL)),
                "loc(fused<\"meta\">[\"a\", \"f\":1:2])");
    check_print(ctx, eo_loc_name(ctx, id(ctx, "tab\there"), NULL),
                "loc(\"tab\\09here\")");
}

/* Locations read from text, through the op parser. */
static void
parsed_locations(void **state)
{
    eo_ctx *ctx = *state;
    static const char *const cases[][2] = {
        { "\"t.op\"() : () -> () loc(\"file.mlir\":3:7)",
          "loc(\"file.mlir\":3:7)" },
        { "\"t.op\"() : () -> () loc(unknown)", "loc(unknown)" },
        { "\"t.op\"() : () -> () loc(\"name\"(\"f\":1:2))",
          "loc(\"name\"(\"f\":1:2))" },
        { "\"t.op\"() : () -> () loc(callsite(callsite(\"a\" at \"b\":1:2) "
          "at \"c\":3:4))",
          "loc(callsite(callsite(\"a\" at \"b\":1:2) at \"c\":3:4))" },
        { "\"t.op\"() : () -> () loc(fused[fused[\"x\",\"y\"], \"a\"])",
          "loc(fused[\"x\", \"y\", \"a\"])" },
        { "\"t.op\"() : () -> () loc(fused<{a = 1}>[\"a\", \"f\":1:2])",
          "loc(fused<{a = 1 : i64}>[\"a\", \"f\":1:2])" },
        { "\"t.op\"() : () -> () loc(fused[\"a\", unknown])", "loc(\"a\")" },
        { "\"t.op\"() : () -> () loc(\"a\"(unknown))", "loc(\"a\")" },
        { "#l = loc(\"aliased\":5:6)\n\"t.op\"() : () -> () loc(#l)",
          "loc(\"aliased\":5:6)" },
        { "#l = loc(\"x\":1:1)\n"
          "\"t.op\"() : () -> () loc(callsite(#l at \"y\":2:2))",
          "loc(callsite(\"x\":1:1 at \"y\":2:2))" },
        { "\"t.op\"() : () -> () loc(#l)\n#l = loc(\"later\":1:2)",
          "loc(\"later\":1:2)" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        const eo_loc *l = op_loc(ctx, cases[i][0]);
        if (!l)
            fail_msg("failed to parse '%s'", cases[i][0]);
        check_print(ctx, l, cases[i][1]);
    }
}

typedef struct diag_capture {
    char msg[512];
    unsigned line, col;
    int count;
} diag_capture;

static void
capture(const eo_diag *d, void *ud)
{
    diag_capture *c = ud;
    if (!c->count++) {
        snprintf(c->msg, sizeof(c->msg), "%s", d->message);
        const eo_loc *f = d->loc ? eo_loc_find_file(d->loc) : NULL;
        c->line = f ? eo_loc_line(f) : 0;
        c->col = f ? eo_loc_col(f) : 0;
    }
}

static void
parse_errors_match_mlir(void **state)
{
    eo_ctx *ctx = *state;
    /* Columns as mlir-opt reports them for the same lines. */
    static const struct {
        const char *loc;
        unsigned col;
        const char *msg;
    } cases[] = {
        { "loc(\"a\":1)", 33, "expected ':' in FileLineColLoc" },
        { "loc(\"a\":x:1)", 32,
          "expected integer line number in FileLineColLoc" },
        { "loc(\"a\":99999999999:1)", 32,
          "expected integer line number in FileLineColLoc" },
        { "loc(\"a\":1:x)", 34,
          "expected integer column number in FileLineColLoc" },
        { "loc(foo)", 28, "expected location instance" },
        { "loc(1)", 28, "expected location instance" },
        { "loc(\"a\" \"b\")", 31, "expected ')' in location" },
        { "loc(\"a\":1:2:3)", 35, "expected ')' in location" },
        { "loc(callsite(\"a\" \"b\"))", 40,
          "expected 'at' in callsite location" },
        { "loc(callsite(\"a\" at))", 43, "expected location instance" },
        { "loc(fused<\"m\">)", 38, "expected '[' in fused location" },
        { "loc(fused[\"a\" \"b\"])", 37, "expected ']' in fused location" },
        { "loc(callsite(#nope at \"a\":1:2))", 42,
          "undefined symbol alias id 'nope'" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char src[256];
        snprintf(src, sizeof(src), "\"test.op\"() : () -> () %s",
                 cases[i].loc);
        diag_capture c;
        memset(&c, 0, sizeof(c));
        eo_ctx_set_diag_handler(ctx, capture, &c);
        eo_op *m = eo_parse_source(ctx, "e.mlir", src, strlen(src), NULL);
        eo_ctx_set_diag_handler(ctx, NULL, NULL);
        if (m)
            fail_msg("'%s' parsed", src);
        if (strcmp(c.msg, cases[i].msg) != 0)
            fail_msg("'%s': got '%s', want '%s'", cases[i].loc, c.msg,
                     cases[i].msg);
        if (c.col != cases[i].col)
            fail_msg("'%s': column %u, want %u", cases[i].loc, c.col,
                     cases[i].col);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(locations_are_uniqued, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(canonical_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(accessors_and_find_file, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(printing_matches_mlir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(parsed_locations, setup, teardown),
        cmocka_unit_test_setup_teardown(parse_errors_match_mlir, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/ir/test_affine.c - affine expressions, maps and integer sets:
 * uniquing, MLIR's simplifications, evaluation, printing and parsing
 * (expected strings are mlir-opt 19's output for the same input). */
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
    *state = eo_ctx_create(NULL);
    return *state ? 0 : -1;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

typedef struct diag_capture {
    char msg[512];
    unsigned col;
    int count;
} diag_capture;

static void
capture(const eo_diag *d, void *ud)
{
    diag_capture *c = ud;
    if (!c->count++) {
        snprintf(c->msg, sizeof(c->msg), "%s", d->message);
        const eo_loc *f = d->loc ? eo_loc_find_file(d->loc) : NULL;
        c->col = f ? eo_loc_col(f) : 0;
    }
}

/* One-result map "(d0, d1)[s0, s1] -> (e)" printed. */
static void
check_expr(eo_ctx *ctx, const eo_affine_expr *e, const char *want)
{
    assert_non_null(e);
    const eo_affine_map *m = eo_affine_map_get(ctx, 2, 2, 1, &e);
    assert_non_null(m);
    eo_strbuf b = {0};
    eo_affine_map_print(m, &b);
    const char *prefix = "(d0, d1)[s0, s1] -> (";
    size_t pl = strlen(prefix);
    assert_true(b.len > pl + 1);
    if (b.len - pl - 1 != strlen(want) ||
        memcmp(b.data + pl, want, strlen(want)) != 0)
        fail_msg("got '%.*s', want '%s'", (int)(b.len - pl - 1), b.data + pl,
                 want);
    eo_strbuf_free(&b);
}

/* Parses "#a = affine_map<...>"-style text through the attribute parser
 * and checks mlir-opt's spelling. */
static void
check_map(eo_ctx *ctx, const char *body, const char *want)
{
    char text[2048];
    snprintf(text, sizeof(text), "affine_map<%s>", body);
    const eo_attr *a = eo_attr_parse(ctx, text, strlen(text));
    if (!a)
        fail_msg("failed to parse '%s'", text);
    const eo_affine_map *m = eo_attr_affine_map(a);
    eo_strbuf b = {0};
    eo_affine_map_print(m, &b);
    if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0)
        fail_msg("'%s': got '%.*s', want '%s'", body, (int)b.len, b.data,
                 want);
    eo_strbuf_free(&b);
}

static void
check_set(eo_ctx *ctx, const char *body, const char *want)
{
    char text[2048];
    snprintf(text, sizeof(text), "affine_set<%s>", body);
    const eo_attr *a = eo_attr_parse(ctx, text, strlen(text));
    if (!a)
        fail_msg("failed to parse '%s'", text);
    const eo_integer_set *s = eo_attr_integer_set(a);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    char w[2048];
    snprintf(w, sizeof(w), "affine_set<%s>", want);
    if (b.len != strlen(w) || memcmp(b.data, w, b.len) != 0)
        fail_msg("'%s': got '%.*s', want '%s'", body, (int)b.len, b.data, w);
    eo_strbuf_free(&b);
    assert_non_null(s);
}

static void
check_error(eo_ctx *ctx, const char *text, unsigned col, const char *msg)
{
    diag_capture c;
    memset(&c, 0, sizeof(c));
    eo_ctx_set_diag_handler(ctx, capture, &c);
    /* As in a file: a line end follows (errors at the end of the input
     * are reported just after its last token, as mlir-opt does). */
    char buf[1024];
    snprintf(buf, sizeof(buf), "%s\n", text);
    const eo_attr *a = eo_attr_parse(ctx, buf, strlen(buf));
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
    if (a)
        fail_msg("'%s' parsed but should fail with '%s'", text, msg);
    if (strcmp(c.msg, msg) != 0)
        fail_msg("'%s': got '%s', want '%s'", text, c.msg, msg);
    if (c.col != col)
        fail_msg("'%s': column %u, want %u", text, c.col, col);
}

/* ------------------------------------------------------------------ */

static void
expressions_are_uniqued(void **state)
{
    eo_ctx *ctx = *state;
    const eo_affine_expr *d0 = eo_affine_dim(ctx, 0);
    const eo_affine_expr *s0 = eo_affine_symbol(ctx, 0);
    assert_ptr_equal(d0, eo_affine_dim(ctx, 0));
    assert_ptr_not_equal(d0, eo_affine_symbol(ctx, 0));
    assert_ptr_equal(eo_affine_const(ctx, 7), eo_affine_const(ctx, 7));
    assert_ptr_equal(eo_affine_add(ctx, d0, s0), eo_affine_add(ctx, d0, s0));
    assert_ptr_equal(eo_affine_add(ctx, s0, d0), eo_affine_add(ctx, d0, s0));
    const eo_affine_expr *r[] = { d0, s0 };
    assert_ptr_equal(eo_affine_map_get(ctx, 1, 1, 2, r),
                     eo_affine_map_get(ctx, 1, 1, 2, r));
    assert_ptr_not_equal(eo_affine_map_get(ctx, 1, 1, 2, r),
                         eo_affine_map_get(ctx, 2, 1, 2, r));
    assert_ptr_equal(eo_affine_map_identity(ctx, 3),
                     eo_affine_map_identity(ctx, 3));
    bool eq[] = { true, false };
    assert_ptr_equal(eo_integer_set_get(ctx, 1, 1, 2, r, eq),
                     eo_integer_set_get(ctx, 1, 1, 2, r, eq));
    bool eq2[] = { false, false };
    assert_ptr_not_equal(eo_integer_set_get(ctx, 1, 1, 2, r, eq),
                         eo_integer_set_get(ctx, 1, 1, 2, r, eq2));
}

static void
accessors(void **state)
{
    eo_ctx *ctx = *state;
    const eo_affine_expr *d1 = eo_affine_dim(ctx, 1);
    const eo_affine_expr *s2 = eo_affine_symbol(ctx, 2);
    const eo_affine_expr *e = eo_affine_mul(ctx, d1, s2);
    assert_int_equal(eo_affine_expr_kind(e), EO_AFFINE_MUL);
    assert_ptr_equal(eo_affine_expr_lhs(e), d1);
    assert_ptr_equal(eo_affine_expr_rhs(e), s2);
    assert_int_equal(eo_affine_expr_pos(d1), 1);
    assert_int_equal(eo_affine_expr_kind(s2), EO_AFFINE_SYMBOL);
    assert_int_equal(eo_affine_expr_value(eo_affine_const(ctx, -3)), -3);

    const eo_affine_map *id = eo_affine_map_identity(ctx, 2);
    assert_true(eo_affine_map_is_identity(id));
    assert_int_equal(eo_affine_map_num_dims(id), 2);
    assert_int_equal(eo_affine_map_num_symbols(id), 0);
    assert_int_equal(eo_affine_map_num_results(id), 2);
    assert_ptr_equal(eo_affine_map_result(id, 1), d1);
    const eo_affine_expr *swap[] = { d1, eo_affine_dim(ctx, 0) };
    assert_false(eo_affine_map_is_identity(eo_affine_map_get(ctx, 2, 0, 2,
                                                             swap)));
    /* Results must only use declared dims and symbols. */
    assert_null(eo_affine_map_get(ctx, 1, 0, 1, &d1));
    assert_null(eo_affine_map_get(ctx, 2, 2, 1, &s2));
    assert_non_null(eo_affine_map_get(ctx, 2, 3, 1, &s2));

    bool eq = true;
    const eo_integer_set *s = eo_integer_set_get(ctx, 2, 3, 1, &e, &eq);
    assert_int_equal(eo_integer_set_num_dims(s), 2);
    assert_int_equal(eo_integer_set_num_symbols(s), 3);
    assert_int_equal(eo_integer_set_num_constraints(s), 1);
    assert_ptr_equal(eo_integer_set_constraint(s, 0), e);
    assert_true(eo_integer_set_is_eq(s, 0));
}

static void
constructors_simplify(void **state)
{
    eo_ctx *ctx = *state;
    const eo_affine_expr *d0 = eo_affine_dim(ctx, 0);
    const eo_affine_expr *d1 = eo_affine_dim(ctx, 1);
    const eo_affine_expr *s0 = eo_affine_symbol(ctx, 0);
    const eo_affine_expr *c0 = eo_affine_const(ctx, 0);
    const eo_affine_expr *c1 = eo_affine_const(ctx, 1);
    const eo_affine_expr *c2 = eo_affine_const(ctx, 2);
    const eo_affine_expr *c3 = eo_affine_const(ctx, 3);
    const eo_affine_expr *m1 = eo_affine_const(ctx, -1);
    assert_ptr_equal(eo_affine_add(ctx, d0, c0), d0);
    assert_ptr_equal(eo_affine_mul(ctx, d0, c1), d0);
    assert_ptr_equal(eo_affine_mul(ctx, d0, c0), c0);
    assert_ptr_equal(eo_affine_floordiv(ctx, d0, c1), d0);
    assert_ptr_equal(eo_affine_ceildiv(ctx, d0, c1), d0);
    assert_ptr_equal(eo_affine_mod(ctx, d0, c1), c0);
    assert_ptr_equal(eo_affine_add(ctx, c2, c3), eo_affine_const(ctx, 5));
    assert_ptr_equal(eo_affine_mod(ctx, eo_affine_const(ctx, -7), c3), c2);
    check_expr(ctx, eo_affine_add(ctx, c3, d0), "d0 + 3");
    check_expr(ctx, eo_affine_mul(ctx, c2, d0), "d0 * 2");
    check_expr(ctx, eo_affine_add(ctx, eo_affine_add(ctx, d0, c1), c2),
               "d0 + 3");
    check_expr(ctx, eo_affine_mul(ctx, eo_affine_mul(ctx, d0, c2), c3),
               "d0 * 6");
    check_expr(ctx, eo_affine_add(ctx, d0, eo_affine_mul(ctx, s0, m1)),
               "d0 - s0");
    check_expr(ctx, eo_affine_add(ctx, s0, eo_affine_mul(ctx, d0, m1)),
               "-d0 + s0");
    check_expr(ctx, eo_affine_add(ctx, d0, d0), "d0 * 2");
    check_expr(ctx, eo_affine_add(ctx, d0, eo_affine_mul(ctx, d0, m1)), "0");
    /* d0 - (d0 floordiv 4) * 4 is d0 mod 4 */
    const eo_affine_expr *c4 = eo_affine_const(ctx, 4);
    const eo_affine_expr *fd = eo_affine_floordiv(ctx, d0, c4);
    check_expr(ctx, eo_affine_add(ctx, d0, eo_affine_mul(ctx, fd,
                                                         eo_affine_const(ctx,
                                                                         -4))),
               "d0 mod 4");
    check_expr(ctx, eo_affine_floordiv(ctx, eo_affine_mul(ctx, d0, c4), c2),
               "d0 * 2");
    check_expr(ctx, eo_affine_mod(ctx, eo_affine_mul(ctx, d0, c4), c2), "0");
    check_expr(ctx, eo_affine_mul(ctx, d0, d1), "d0 * d1");  /* no check */
    check_expr(ctx, eo_affine_mod(ctx, d0, eo_affine_const(ctx, -2)),
               "d0 mod -2");
    check_expr(ctx, eo_affine_floordiv(ctx, d0, c0), "d0 floordiv 0");
    /* Constant overflow is left unfolded, as MLIR does. */
    const eo_affine_expr *big = eo_affine_const(ctx, INT64_MAX);
    check_expr(ctx, eo_affine_add(ctx, big, c1), "9223372036854775807 + 1");
    check_expr(ctx, eo_affine_floordiv(ctx, eo_affine_const(ctx, INT64_MIN),
                                       m1),
               "-9223372036854775808 floordiv -1");
}

static void
evaluation(void **state)
{
    eo_ctx *ctx = *state;
    const eo_affine_expr *d0 = eo_affine_dim(ctx, 0);
    const eo_affine_expr *s0 = eo_affine_symbol(ctx, 0);
    int64_t dims[] = { -7 }, syms[] = { 2 }, out;
    const eo_affine_expr *e = eo_affine_floordiv(ctx, d0, s0);
    assert_true(eo_affine_expr_eval(e, dims, syms, &out));
    assert_int_equal(out, -4);
    assert_true(eo_affine_expr_eval(eo_affine_ceildiv(ctx, d0, s0), dims,
                                    syms, &out));
    assert_int_equal(out, -3);
    assert_true(eo_affine_expr_eval(eo_affine_mod(ctx, d0, s0), dims, syms,
                                    &out));
    assert_int_equal(out, 1);
    e = eo_affine_add(ctx, eo_affine_mul(ctx, d0, eo_affine_const(ctx, 3)),
                      s0);
    assert_true(eo_affine_expr_eval(e, dims, syms, &out));
    assert_int_equal(out, -19);
    int64_t zero[] = { 0 };
    assert_false(eo_affine_expr_eval(eo_affine_mod(ctx, d0, s0), dims, zero,
                                     &out));
    assert_false(eo_affine_expr_eval(eo_affine_floordiv(ctx, d0, s0), dims,
                                     zero, &out));
    int64_t huge[] = { INT64_MAX };
    assert_false(eo_affine_expr_eval(eo_affine_add(ctx, d0, s0), huge, syms,
                                     &out));
}

static void
map_printing_matches_mlir(void **state)
{
    eo_ctx *ctx = *state;
    static const char *const cases[][2] = {
        { "(d0, d1)[s0] -> (d0 + s0, d1)", "(d0, d1)[s0] -> (d0 + s0, d1)" },
        { "(d0)[s0] -> (d0 - s0, d0 * 2, d0 floordiv 2, d0 ceildiv 4, "
          "d0 mod 3)",
          "(d0)[s0] -> (d0 - s0, d0 * 2, d0 floordiv 2, d0 ceildiv 4, "
          "d0 mod 3)" },
        { "(d0, d1) -> ()", "(d0, d1) -> ()" },
        { "() -> (0)", "() -> (0)" },
        { "(i, j)[N] -> (i + N, j)", "(d0, d1)[s0] -> (d0 + s0, d1)" },
        { "(d0) -> (d0 + 0, d0 * 1, d0 * 0, 3 + d0, 2 * d0, (d0 + 1) + 2, "
          "(d0 * 2) * 3, d0 floordiv 1, d0 mod 1, 7 mod 3, -7 floordiv 2, "
          "-7 ceildiv 2, -7 mod 3)",
          "(d0) -> (d0, d0, 0, d0 + 3, d0 * 2, d0 + 3, d0 * 6, d0, 0, 1, -4, "
          "-3, 2)" },
        { "(d0, d1)[s0, s1] -> (d0 * s0, s0 * d0, (d0 + d1) * 2, "
          "(d0 + d1) floordiv 2, (d0 * 2) mod 3, d0 - d1 * 2, -d0, "
          "d0 - (d1 + 2), -(d0 + d1), d0 * -1, d0 + -3, d0 - 3, "
          "(d0 floordiv 2) * 2, s0 floordiv s1)",
          "(d0, d1)[s0, s1] -> (d0 * s0, d0 * s0, (d0 + d1) * 2, "
          "(d0 + d1) floordiv 2, (d0 * 2) mod 3, d0 - d1 * 2, -d0, "
          "d0 - (d1 + 2), -(d0 + d1), -d0, d0 - 3, d0 - 3, "
          "(d0 floordiv 2) * 2, s0 floordiv s1)" },
        { "(d0, d1) -> (d0 + d1 + 1, d1 + d0, (d0 + 1) * 4, (d0 mod 4) + 1, "
          "d0 * 4 + d1, d1 + d0 * 4, d0 + d1 * (-1), 2 * (d0 floordiv 3), "
          "(d0 + d1) mod 4 + 1)",
          "(d0, d1) -> (d0 + d1 + 1, d1 + d0, (d0 + 1) * 4, d0 mod 4 + 1, "
          "d0 * 4 + d1, d1 + d0 * 4, d0 - d1, (d0 floordiv 3) * 2, "
          "(d0 + d1) mod 4 + 1)" },
        { "(d0) -> (d0 * 2 + 1, (d0 floordiv 4) floordiv 2, "
          "(d0 ceildiv 4) mod 2, d0 + d0, d0 * 2 + d0, d0 - d0, "
          "(d0 * 4) floordiv 2, (d0 * 4) mod 2, (d0 * 4 + 8) floordiv 4)",
          "(d0) -> (d0 * 2 + 1, (d0 floordiv 4) floordiv 2, "
          "(d0 ceildiv 4) mod 2, d0 * 2, d0 * 3, 0, d0 * 2, 0, d0 + 2)" },
        { "(d0) -> (7 floordiv -2, 7 ceildiv -2, 7 mod -2, 5 floordiv 0)",
          "(d0) -> (-4, -3, 7 mod -2, 5 floordiv 0)" },
        { "(d0) -> (d0 * 9223372036854775807 * 2, "
          "d0 - -9223372036854775807 - 1, -9223372036854775807 - 1)",
          "(d0) -> (d0 * -2, d0 + 9223372036854775806, "
          "-9223372036854775808)" },
        { "(d0)[s0] -> (d0 * (s0 + 1), (s0 + 1) * d0, d0 * s0 * 2, "
          "(d0 * 2) * s0)",
          "(d0)[s0] -> (d0 * (s0 + 1), d0 * (s0 + 1), (d0 * s0) * 2, "
          "(d0 * s0) * 2)" },
        { "(d0) -> (d0 floordiv 2 floordiv 3, d0 - 2 * d0, "
          "(d0 + 4) floordiv 2, (d0 * 4 + 3) floordiv 2, (d0 * 4 + 3) mod 2, "
          "(d0 mod 4) mod 2, (d0 + d0 floordiv 3 * -3))",
          "(d0) -> ((d0 floordiv 2) floordiv 3, -d0, d0 floordiv 2 + 2, "
          "d0 * 2 + 1, 1, d0 mod 2, d0 mod 3)" },
        { "(d0) -> ((((d0 * 4) mod 8) floordiv 2) mod 2, "
          "(d0 * 4 + 3) ceildiv 2, (d0 * 6) ceildiv 4, d0 * 3 + d0 * 4, "
          "(d0 mod 8) mod 4, (d0 mod 4) mod 8, 9223372036854775807 * 2)",
          "(d0) -> (0, (d0 * 4 + 3) ceildiv 2, (d0 * 6) ceildiv 4, d0 * 7, "
          "d0 mod 4, (d0 mod 4) mod 8, 9223372036854775807 * 2)" },
        { "(d0)[s0, s1] -> (s0 + d0, s0 * 2 + d0, d0 * s0 + 1 + s1, "
          "d0 - (d0 floordiv s0) * s0, d0 * -3 + s0 * -2, -(-d0))",
          "(d0)[s0, s1] -> (d0 + s0, d0 + s0 * 2, d0 * s0 + s1 + 1, "
          "d0 mod s0, d0 * -3 - s0 * 2, d0)" },
        { "(d0)[s0] -> (d0 * -1 * s0, d0 - (-1), (d0 floordiv 2) * -1, "
          "d0 mod 2 * -1, d0 - d0 mod 2, d0 - (s0 - d0), "
          "d0 + (d0 * -1 + 2), d0 + (d0 floordiv 4 - 4))",
          "(d0)[s0] -> (-(d0 * s0), d0 + 1, -(d0 floordiv 2), -(d0 mod 2), "
          "d0 - d0 mod 2, d0 - (-d0 + s0), d0 + -d0 + 2, "
          "d0 + d0 floordiv 4 - 4)" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_map(ctx, cases[i][0], cases[i][1]);
}

static void
set_printing_matches_mlir(void **state)
{
    eo_ctx *ctx = *state;
    check_set(ctx, "(d0)[s0] : (d0 - 10 >= 0, s0 - d0 == 0)",
              "(d0)[s0] : (d0 - 10 >= 0, -d0 + s0 == 0)");
    check_set(ctx, "() : (1 == 0)", "() : (1 == 0)");
    check_set(ctx, "(d0) : (d0 >= 0, -d0 + 5 >= 0, d0 == 3, "
              "d0 * 2 - 1 >= 0)",
              "(d0) : (d0 >= 0, -d0 + 5 >= 0, d0 - 3 == 0, d0 * 2 - 1 >= 0)");
    check_set(ctx, "(d0) : ()", "(d0) : (0 == 0)");
    check_set(ctx, "(d0) : (d0 <= 4)", "(d0) : (-d0 + 4 >= 0)");
    check_set(ctx, "(d0, d1)[s0] : (d0 + d1 <= s0, d0 * 2 >= d1 floordiv 2, "
              "d0 - 1 == d1 + 2, 0 <= d0)",
              "(d0, d1)[s0] : (-(d0 + d1) + s0 >= 0, d0 * 2 - d1 floordiv 2 "
              ">= 0, d0 - (d1 + 2) - 1 == 0, d0 >= 0)");
    /* Printing a set built through the API. */
    const eo_affine_expr *d0 = eo_affine_dim(ctx, 0);
    bool eq = false;
    const eo_integer_set *s = eo_integer_set_get(ctx, 1, 0, 1, &d0, &eq);
    const eo_attr *a = eo_attr_get_integer_set(ctx, s);
    eo_strbuf b = {0};
    eo_attr_print(a, &b);
    assert_int_equal(b.len, strlen("affine_set<(d0) : (d0 >= 0)>"));
    assert_memory_equal(b.data, "affine_set<(d0) : (d0 >= 0)>", b.len);
    eo_strbuf_free(&b);
}

static void
parse_errors_match_mlir(void **state)
{
    eo_ctx *ctx = *state;
    /* Columns are those of mlir-opt minus the 17 columns of the
     * '"test.op"() {a = ' prefix it was given. */
    static const struct {
        const char *text;
        unsigned col;
        const char *msg;
    } cases[] = {
        { "affine_map<(d0, d1) -> (d0 * d1)>", 28,
          "non-affine expression: at least one of the multiply operands has "
          "to be either a constant or symbolic" },
        { "affine_map<(d0, d1) -> (d0 floordiv d1)>", 28,
          "non-affine expression: right operand of floordiv has to be "
          "either a constant or symbolic" },
        { "affine_map<(d0, d1) -> (d0 mod d1)>", 28,
          "non-affine expression: right operand of mod has to be either a "
          "constant or symbolic" },
        { "affine_map<(d0, d1) -> (d0 ceildiv d1)>", 28,
          "non-affine expression: right operand of ceildiv has to be either "
          "a constant or symbolic" },
        { "affine_map<(d0) -> (d1)>", 21, "use of undeclared identifier" },
        { "affine_map<(d0) -> (d0 +)>", 25,
          "missing right operand of binary operator" },
        { "affine_map<(d0)>", 16, "expected '->' or ':'" },
        { "affine_map<(d0, d0) -> (d0)>", 17,
          "redefinition of identifier 'd0'" },
        { "affine_map<(d0)[d0] -> (d0)>", 17,
          "redefinition of identifier 'd0'" },
        { "affine_map<(d0) -> (9223372036854775808)>", 21,
          "constant too large for index" },
        { "affine_map<(d0) -> (d0, )>", 25, "expected affine expression" },
        { "affine_map<(d0) -> (+ d0)>", 21,
          "missing left operand of binary operator" },
        { "affine_map<(d0) -> (())>", 22, "no expression inside parentheses" },
        { "affine_map<(d0) -> (d0 floordiv)>", 32,
          "missing right operand of binary operator" },
        { "affine_map<(d0 -> (d0)>", 15,
          "expected ')' in dimensional identifier list" },
        { "affine_map<(d0)[s0 -> (d0)>", 19, "expected ']' in symbol list" },
        { "affine_map<(1) -> (d0)>", 13, "expected bare identifier" },
        { "affine_set<(d0) : (d0 > 0)>", 25,
          "expected '== affine-expr' or '>= affine-expr' at end of affine "
          "constraint" },
        { "affine_set<(d0) : (d0)>", 22,
          "expected '== affine-expr' or '>= affine-expr' at end of affine "
          "constraint" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        check_error(ctx, cases[i].text, cases[i].col, cases[i].msg);
}

/* A sum of thousands of terms nests too deeply: an error, not a stack
 * overflow; a few hundred are fine. */
static void
long_expressions(void **state)
{
    eo_ctx *ctx = *state;
    eo_strbuf b = {0};
    eo_strbuf_puts(&b, "affine_map<(d0) -> (d0");
    for (int i = 0; i < 300; i++)
        eo_strbuf_puts(&b, " + d0 floordiv 2");
    eo_strbuf_puts(&b, ")>");
    assert_non_null(eo_attr_parse(ctx, b.data, b.len));
    eo_strbuf_free(&b);

    eo_strbuf_puts(&b, "affine_map<(d0)[s0] -> (d0");
    for (int i = 0; i < 5000; i++)
        eo_strbuf_puts(&b, " + s0 floordiv 3");
    eo_strbuf_puts(&b, ")>");
    diag_capture c;
    memset(&c, 0, sizeof(c));
    eo_ctx_set_diag_handler(ctx, capture, &c);
    assert_null(eo_attr_parse(ctx, b.data, b.len));
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
    assert_string_equal(c.msg, "affine expression nesting too deep");
    eo_strbuf_free(&b);

    eo_strbuf_puts(&b, "affine_map<(d0) -> (");
    for (int i = 0; i < 5000; i++)
        eo_strbuf_puts(&b, "(");
    eo_strbuf_puts(&b, "d0");
    for (int i = 0; i < 5000; i++)
        eo_strbuf_puts(&b, ")");
    eo_strbuf_puts(&b, ")>");
    memset(&c, 0, sizeof(c));
    eo_ctx_set_diag_handler(ctx, capture, &c);
    assert_null(eo_attr_parse(ctx, b.data, b.len));
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
    assert_string_equal(c.msg, "nesting too deep");
    eo_strbuf_free(&b);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(expressions_are_uniqued, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(accessors, setup, teardown),
        cmocka_unit_test_setup_teardown(constructors_simplify, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(evaluation, setup, teardown),
        cmocka_unit_test_setup_teardown(map_printing_matches_mlir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(set_printing_matches_mlir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(parse_errors_match_mlir, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(long_expressions, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

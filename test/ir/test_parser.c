/* test/ir/test_parser.c - the operation parser: generic syntax round
 * trips, value and block scopes, forward references, aliases, deferred
 * location aliases, the implicit module, error messages with positions,
 * deep nesting and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first error: message and position. */
typedef struct first_diag {
    char msg[512];
    char note[512];
    unsigned line, col;
    int count;
} first_diag;

static void
capture(const eo_diag *d, void *ud)
{
    first_diag *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->count++)
        return;
    snprintf(f->msg, sizeof(f->msg), "%s", d->message);
    f->note[0] = '\0';
    if (d->num_notes)
        snprintf(f->note, sizeof(f->note), "%s", d->notes[0].message);
    const eo_loc *l = d->loc ? eo_loc_find_file(d->loc) : NULL;
    f->line = l ? eo_loc_line(l) : 0;
    f->col = l ? eo_loc_col(l) : 0;
}

typedef struct fixture {
    eo_ctx *ctx;
    first_diag diag;
} fixture;

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_allow_unregistered(f->ctx, true);
    eo_ctx_set_diag_handler(f->ctx, capture, &f->diag);
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

static eo_op *
parse(fixture *f, const char *text)
{
    memset(&f->diag, 0, sizeof(f->diag));
    return eo_parse_source(f->ctx, "in.mlir", text, strlen(text), NULL);
}

/* Parses, prints with 'fl' and compares with 'expected'. */
static void
round_trip(fixture *f, const char *text, const eo_print_flags *fl,
           const char *expected)
{
    eo_op *m = parse(f, text);
    if (!m)
        fail_msg("parse failed: %s (%u:%u)", f->diag.msg, f->diag.line,
                 f->diag.col);
    eo_strbuf b = {0};
    eo_op_print_to(m, fl, &b);
    assert_false(b.oom);
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(b.data, expected);
    eo_strbuf_free(&b);
    eo_op_destroy(m);
}

/* Expects the parse to fail with 'msg' at line:col. */
static void
parse_error(fixture *f, const char *text, const char *msg, unsigned line,
            unsigned col)
{
    eo_op *m = parse(f, text);
    if (m) {
        eo_op_destroy(m);
        fail_msg("parse succeeded, expected: %s", msg);
    }
    assert_int_equal(f->diag.count, 1);
    assert_string_equal(f->diag.msg, msg);
    assert_int_equal(f->diag.line, line);
    assert_int_equal(f->diag.col, col);
}

static const eo_print_flags generic = { .generic = true };

static void
generic_ops_round_trip(void **state)
{
    fixture *f = *state;
    const char *text =
        "%0:2 = \"foo.pair\"() {a = 1 : i32} : () -> (i32, f32)\n"
        "%1 = \"foo.use\"(%0#1, %0#0) <{p = \"x\"}> : (f32, i32) -> i64\n"
        "\"foo.regions\"(%1) ({\n"
        "^bb0(%a: i64):\n"
        "  \"foo.br\"(%a)[^bb1] : (i64) -> ()\n"
        "^bb1:\n"
        "  \"foo.end\"() : () -> ()\n"
        "}, {\n"
        "}) : (i64) -> ()\n";
    round_trip(f, text, &generic,
        "\"builtin.module\"() ({\n"
        "  %0:2 = \"foo.pair\"() {a = 1 : i32} : () -> (i32, f32)\n"
        "  %1 = \"foo.use\"(%0#1, %0#0) <{p = \"x\"}> : (f32, i32) -> i64\n"
        "  \"foo.regions\"(%1) ({\n"
        "  ^bb0(%arg0: i64):\n"
        "    \"foo.br\"(%arg0)[^bb1] : (i64) -> ()\n"
        "  ^bb1:  // pred: ^bb0\n"
        "    \"foo.end\"() : () -> ()\n"
        "  }, {\n"
        "  }) : (i64) -> ()\n"
        "}) : () -> ()\n");
}

static void
result_groups_bind_in_order(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "%a, %b:2 = \"foo.three\"() : () -> (i1, i8, i16)\n"
                        "\"foo.use\"(%b#1, %a) : (i16, i1) -> ()\n");
    assert_non_null(m);
    eo_op *def = eo_block_first(eo_module_body(m));
    eo_op *use = eo_op_next(def);
    assert_ptr_equal(eo_op_operand(use, 0), eo_op_result(def, 2));
    assert_ptr_equal(eo_op_operand(use, 1), eo_op_result(def, 0));
    eo_op_destroy(m);
}

static void
forward_references_are_resolved(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"foo.use\"(%x, %x) : (i32, i32) -> ()\n"
                        "%x = \"foo.def\"() : () -> i32\n");
    assert_non_null(m);
    eo_op *use = eo_block_first(eo_module_body(m));
    eo_op *def = eo_op_next(use);
    assert_ptr_equal(eo_op_operand(use, 0), eo_op_result(def, 0));
    assert_ptr_equal(eo_op_operand(use, 1), eo_op_result(def, 0));
    assert_int_equal(eo_value_num_uses(eo_op_result(def, 0)), 2);
    eo_op_destroy(m);
}

static void
blocks_can_be_referenced_before_definition(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"foo.r\"() ({\n"
                        "  \"foo.br\"()[^exit] : () -> ()\n"
                        "^mid(%v: i8):\n"
                        "  \"foo.br\"()[^mid] : () -> ()\n"
                        "^exit:\n"
                        "  \"foo.end\"() : () -> ()\n"
                        "}) : () -> ()\n");
    assert_non_null(m);
    eo_op *r = eo_block_first(eo_module_body(m));
    eo_region *reg = eo_op_region(r, 0);
    assert_int_equal(eo_region_num_blocks(reg), 3);
    eo_block *entry = eo_region_first(reg);
    eo_block *mid = eo_block_next(entry);
    eo_block *exit_b = eo_block_next(mid);
    assert_ptr_equal(eo_op_successor(eo_block_first(entry), 0), exit_b);
    assert_ptr_equal(eo_op_successor(eo_block_first(mid), 0), mid);
    assert_int_equal(eo_block_num_args(mid), 1);
    eo_op_destroy(m);
}

static void
nested_regions_see_outer_values(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "%0 = \"foo.def\"() : () -> i32\n"
                        "\"foo.r\"() ({\n"
                        "  %1 = \"foo.inner\"(%0) : (i32) -> i32\n"
                        "}) : () -> ()\n"
                        "%1 = \"foo.again\"() : () -> i32\n");
    /* %1 of the region is forgotten when it ends: no redefinition. */
    assert_non_null(m);
    eo_op_destroy(m);
}

static void
aliases_are_substituted(void **state)
{
    fixture *f = *state;
    round_trip(f,
        "#a = 42 : i32\n"
        "!t = tensor<4xi8>\n"
        "\"foo.x\"() {v = #a} : () -> !t\n", NULL,
        "module {\n"
        "  %0 = \"foo.x\"() {v = 42 : i32} : () -> tensor<4xi8>\n"
        "}\n");
}

static void
deferred_location_aliases_are_patched(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"foo.x\"() : () -> () loc(#loc1)\n"
                        "\"foo.r\"() ({\n"
                        "^bb0(%a: i32 loc(#loc2)):\n"
                        "  \"foo.y\"() : () -> () loc(fused[#loc0])\n"
                        "}) : () -> ()\n"
                        "#loc0 = loc(\"a.c\":1:2)\n"
                        "#loc1 = loc(\"b.c\":3:4)\n"
                        "#loc2 = loc(\"c.c\":5:6)\n");
    assert_null(m);                   /* #loc0 used nested before defined */
    assert_string_equal(f->diag.msg, "undefined symbol alias id 'loc0'");

    m = parse(f, "\"foo.x\"() : () -> () loc(#loc1)\n"
                 "\"foo.r\"() ({\n"
                 "^bb0(%a: i32 loc(#loc2)):\n"
                 "  \"foo.y\"() : () -> () loc(#loc1)\n"
                 "}) : () -> ()\n"
                 "#loc1 = loc(\"b.c\":3:4)\n"
                 "#loc2 = loc(\"c.c\":5:6)\n");
    assert_non_null(m);
    eo_op *x = eo_block_first(eo_module_body(m));
    const eo_loc *l = eo_op_loc(x);
    assert_int_equal(eo_loc_get_kind(l), EO_LOC_FILE);
    assert_string_equal(eo_ident_str(eo_loc_filename(l)), "b.c");
    assert_int_equal(eo_loc_line(l), 3);
    eo_op *r = eo_op_next(x);
    eo_block *b = eo_region_first(eo_op_region(r, 0));
    const eo_loc *al = eo_value_loc(eo_block_arg(b, 0));
    assert_string_equal(eo_ident_str(eo_loc_filename(al)), "c.c");
    assert_ptr_equal(eo_op_loc(eo_block_first(b)), l);
    eo_op_destroy(m);
}

static void
implicit_module_wraps_top_level_ops(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"foo.a\"() : () -> ()\n\"foo.b\"() : () -> ()\n");
    assert_non_null(m);
    assert_ptr_equal(eo_op_get_def(m), eo_builtin_op(f->ctx,
                                                     EO_BUILTIN_MODULE));
    /* MLIR's implicit module is at file:0:0. */
    assert_int_equal(eo_loc_line(eo_op_loc(m)), 0);
    eo_op_destroy(m);

    m = parse(f, "module attributes {x.y = 1} {\n}\n");
    assert_non_null(m);
    assert_non_null(eo_op_attr(m, "x.y"));
    assert_int_equal(eo_loc_line(eo_op_loc(m)), 1);
    eo_op_destroy(m);

    eo_parse_config cfg = { .no_implicit_module = true };
    memset(&f->diag, 0, sizeof(f->diag));
    const char *two = "\"foo.a\"() : () -> ()\n\"foo.b\"() : () -> ()\n";
    assert_null(eo_parse_source(f->ctx, "in.mlir", two, strlen(two), &cfg));
    assert_string_equal(f->diag.msg, "source must contain a single top-level "
                        "operation, found: 2");
    const char *one = "\"foo.a\"() : () -> ()\n";
    m = eo_parse_source(f->ctx, "in.mlir", one, strlen(one), &cfg);
    assert_non_null(m);
    assert_string_equal(eo_op_name_str(m), "foo.a");
    eo_op_destroy(m);
}

static void
line_offset_shifts_locations(void **state)
{
    fixture *f = *state;
    eo_parse_config cfg = { .line_offset = 10 };
    const char *text = "\n  \"foo.a\"(%u) : (i32) -> ()\n";
    assert_null(eo_parse_source(f->ctx, "in.mlir", text, strlen(text), &cfg));
    assert_string_equal(f->diag.msg, "use of undeclared SSA value name");
    assert_int_equal(f->diag.line, 12);
    assert_int_equal(f->diag.col, 11);
}

static void
custom_forms_use_default_dialects(void **state)
{
    fixture *f = *state;
    round_trip(f,
        "func.func @f(%x: i32) -> i32 {\n"
        "  %0 = arith.addi %x, %x : i32\n"
        "  return %0 : i32\n"
        "}\n", NULL,
        "module {\n"
        "  func.func @f(%arg0: i32) -> i32 {\n"
        "    %0 = arith.addi %arg0, %arg0 : i32\n"
        "    return %0 : i32\n"
        "  }\n"
        "}\n");
}

static void
value_errors_name_the_value(void **state)
{
    fixture *f = *state;
    parse_error(f, "%0 = \"foo.a\"() : () -> i32\n"
                   "%0 = \"foo.a\"() : () -> i32\n",
                "redefinition of SSA value '%0'", 2, 1);
    assert_string_equal(f->diag.note, "previously defined here");
    parse_error(f, "\"foo.a\"(%x) : (i32) -> ()\n",
                "use of undeclared SSA value name", 1, 9);
    parse_error(f, "\"foo.a\"(%x) : (i32) -> ()\n"
                   "\"foo.a\"(%x) : (i64) -> ()\n",
                "use of value '%x' expects different type than prior uses: "
                "'i64' vs 'i32'", 2, 9);
    assert_string_equal(f->diag.note, "prior use here");
    parse_error(f, "\"foo.a\"(%x) : (i32) -> ()\n"
                   "%x = \"foo.b\"() : () -> i64\n",
                "definition of SSA value '%x#0' has type 'i64'", 2, 1);
    assert_string_equal(f->diag.note, "previously used here with type 'i32'");
    parse_error(f, "%a, %b = \"foo.a\"() : () -> (i32)\n",
                "operation defines 1 results but was provided 2 to bind",
                1, 1);
    parse_error(f, "%a = \"foo.a\"() : () -> ()\n",
                "cannot name an operation with no results", 1, 1);
    parse_error(f, "%a = \"foo.a\"() : () -> i32\n"
                   "\"foo.b\"(%a#3) : (i32) -> ()\n",
                "reference to invalid result number", 2, 9);
}

static void
block_errors_name_the_block(void **state)
{
    fixture *f = *state;
    parse_error(f, "\"foo.a\"() [^bb1] : () -> ()\n",
                "reference to an undefined block", 1, 12);
    parse_error(f, "\"foo.r\"() ({\n^bb0:\n  \"foo.a\"() : () -> ()\n"
                   "^bb0:\n  \"foo.a\"() : () -> ()\n}) : () -> ()\n",
                "redefinition of block '^bb0'", 4, 1);
    parse_error(f, "\"foo.r\"() ({\n  \"foo.a\"() : () -> ()\n"
                   "^bb1(%x: i32, %x: i32):\n  \"foo.a\"() : () -> ()\n"
                   "}) : () -> ()\n",
                "redefinition of SSA value '%x'", 3, 15);
}

static void
op_errors_match_mlir(void **state)
{
    fixture *f = *state;
    parse_error(f, "foo\n", "custom op 'foo' is unknown (tried 'builtin.foo' "
                "as well)", 1, 1);
    parse_error(f, "\"foo.a\"() : i32\n", "expected function type", 1, 13);
    parse_error(f, "\"foo.a\"(%x) : () -> ()\n%x = \"b.c\"() : () -> i1\n",
                "expected 1 operand type but had 0", 1, 15);
    parse_error(f, "\"\"() : () -> ()\n", "empty operation name is invalid",
                1, 1);
    parse_error(f, "42\n", "expected operation name in quotes", 1, 1);
    parse_error(f, "\"arith.addi\"() [^bb1] : () -> ()\n",
                "successors in non-terminator", 1, 16);
    parse_error(f, "\"foo.a\"() : () -> () loc(#nope)\n",
                "operation location alias was never defined", 1, 26);
    parse_error(f, "\"foo.a\"() : () -> () loc(#l)\n#l = 3\n",
                "expected location, but found '3 : i64'", 1, 26);
    parse_error(f, "#a = 1\n#a = 2\n", "redefinition of attribute alias id "
                "'a'", 2, 1);
    parse_error(f, "!a = i1\n!a = i2\n", "redefinition of type alias id 'a'",
                2, 1);
    parse_error(f, "#a.b = 1\n", "attribute names with a '.' are reserved "
                "for dialect-defined names", 1, 1);
    parse_error(f, "\"foo.r\"() ({\n  \"foo.a\"() : () -> ()\n",
                "expected '}' to end region", 3, 1);

    eo_ctx_set_allow_unregistered(f->ctx, false);
    parse_error(f, "\"foo.bar\"() : () -> ()\n",
                "operation being parsed with an unregistered dialect. If "
                "this is intended, please use -allow-unregistered-dialect "
                "with the MLIR tool used", 1, 10);
    /* An unknown op of a registered dialect is the verifier's to reject. */
    eo_op *m = parse(f, "\"arith.foo\"() : () -> ()\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_string_equal(f->diag.msg, "unregistered operation 'arith.foo' "
                        "found in dialect ('arith') that does not allow "
                        "unknown operations");
    eo_op_destroy(m);
    parse_error(f, "arith.foo\n", "custom op 'arith.foo' is unknown", 1, 1);
    eo_ctx_set_allow_unregistered(f->ctx, true);
}

static void
lexer_errors_stop_the_parse(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"foo.a\"() {s = \"unterminated} : () -> ()\n");
    assert_null(m);
    assert_int_equal(f->diag.count, 1);
    assert_int_equal(f->diag.line, 1);
}

static void
deep_nesting_is_an_error_not_a_crash(void **state)
{
    fixture *f = *state;
    const size_t depth = 100000;
    const char *open = "\"foo.r\"() ({\n";
    const char *close = "}) : () -> ()\n";
    size_t lo = strlen(open), lc = strlen(close);
    char *text = malloc(depth * (lo + lc) + 1);
    assert_non_null(text);
    char *q = text;
    for (size_t i = 0; i < depth; i++, q += lo)
        memcpy(q, open, lo);
    for (size_t i = 0; i < depth; i++, q += lc)
        memcpy(q, close, lc);
    *q = '\0';
    eo_op *m = parse(f, text);
    assert_null(m);
    assert_int_equal(f->diag.count, 1);
    assert_string_equal(f->diag.msg, "nesting too deep");
    free(text);

    /* Just under the limit parses. */
    size_t ok_depth = 900;
    text = malloc(ok_depth * (lo + lc) + 1);
    assert_non_null(text);
    q = text;
    for (size_t i = 0; i < ok_depth; i++, q += lo)
        memcpy(q, open, lo);
    for (size_t i = 0; i < ok_depth; i++, q += lc)
        memcpy(q, close, lc);
    *q = '\0';
    m = parse(f, text);
    assert_non_null(m);
    eo_op_destroy(m);
    free(text);
}

static void
file_metadata_is_parsed(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "\"foo.a\"() {v = dense_resource<blob> : "
                        "tensor<2xi8>} : () -> ()\n"
                        "{-#\n  dialect_resources: {\n    builtin: {\n"
                        "      blob: \"0x010000000102\"\n    }\n  }\n#-}\n");
    if (!m)
        fail_msg("%s", f->diag.msg);
    eo_resource *r = eo_resource_lookup(f->ctx, "blob");
    assert_non_null(r);
    size_t size;
    const unsigned char *d = eo_resource_data(r, &size);
    assert_int_equal(size, 2);
    assert_int_equal(d[0], 1);
    assert_int_equal(d[1], 2);
    eo_op_destroy(m);
}

/* Fails the Nth allocation of the context. */
typedef struct fail_alloc {
    long countdown;
} fail_alloc;

static void *
f_malloc(void *ud, size_t size)
{
    fail_alloc *a = ud;
    if (a->countdown >= 0 && a->countdown-- == 0)
        return NULL;
    return malloc(size);
}

static void *
f_realloc(void *ud, void *p, size_t old, size_t size)
{
    (void)old;
    fail_alloc *a = ud;
    if (a->countdown >= 0 && a->countdown-- == 0)
        return NULL;
    return realloc(p, size);
}

static void
f_free(void *ud, void *p, size_t size)
{
    (void)ud;
    (void)size;
    free(p);
}

static void
quiet(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

static void
allocation_failures_are_clean(void **state)
{
    (void)state;
    const char *text =
        "#m = affine_map<(d0) -> (d0)>\n"
        "\"foo.use\"(%x) {m = #m} : (i32) -> ()\n"
        "%x = \"foo.def\"() ({\n"
        "^bb0(%a: i32):\n"
        "  \"foo.br\"(%a)[^bb1] : (i32) -> ()\n"
        "^bb1:\n"
        "  \"foo.end\"() : () -> () loc(#l)\n"
        "}) : () -> i32\n"
        "#l = loc(\"x\":1:1)\n";
    bool done = false;
    for (long n = 0; n < 100000 && !done; n++) {
        fail_alloc fa = { .countdown = -1 };
        eo_alloc al = { f_malloc, f_realloc, f_free, &fa };
        eo_ctx *ctx = eo_ctx_create(&al);
        if (!ctx)
            continue;
        eo_ctx_set_allow_unregistered(ctx, true);
        eo_ctx_set_diag_handler(ctx, quiet, NULL);
        fa.countdown = n;
        eo_op *m = eo_parse_source(ctx, "in.mlir", text, strlen(text), NULL);
        if (m) {
            done = fa.countdown >= 0;
            eo_op_destroy(m);
        }
        fa.countdown = -1;
        eo_ctx_destroy(ctx);
    }
    assert_true(done);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(generic_ops_round_trip),
        T(result_groups_bind_in_order),
        T(forward_references_are_resolved),
        T(blocks_can_be_referenced_before_definition),
        T(nested_regions_see_outer_values),
        T(aliases_are_substituted),
        T(deferred_location_aliases_are_patched),
        T(implicit_module_wraps_top_level_ops),
        T(line_offset_shifts_locations),
        T(custom_forms_use_default_dialects),
        T(value_errors_name_the_value),
        T(block_errors_name_the_block),
        T(op_errors_match_mlir),
        T(lexer_errors_stop_the_parse),
        T(deep_nesting_is_an_error_not_a_crash),
        T(file_metadata_is_parsed),
        cmocka_unit_test(allocation_failures_are_clean),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

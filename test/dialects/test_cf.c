/* test/dialects/test_cf.c - the cf dialect's C API: registration, the
 * builders, successor operand ranges, verifier messages (captured through
 * the diagnostic handler), parsing and printing of the custom forms, and
 * clean failure when allocations fail. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/cf/cf.h"
#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];         /* last error message */
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    f->errors++;
    snprintf(f->last, sizeof f->last, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
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

/* A func.func @f(i1, i32) inside a new module; *entry gets its block. */
static eo_op *
make_func(eo_ctx *ctx, eo_block **entry)
{
    const eo_type *in[2] = {eo_type_get_int(ctx, 1), eo_type_get_int(ctx, 32)};
    const eo_type *ft = eo_type_get_function(ctx, 2, in, 0, NULL);
    eo_op *m = eo_module_create(ctx, eo_loc_unknown(ctx));
    eo_op *fn = func_create(ctx, eo_loc_unknown(ctx), "f", ft, false);
    assert_non_null(m);
    assert_non_null(fn);
    eo_block_append(eo_module_body(m), fn);
    *entry = func_entry_block(fn);
    return m;
}

static char *
print_op(eo_op *op, bool generic)
{
    eo_strbuf b = {0};
    eo_print_flags fl = {0};
    fl.generic = generic;
    eo_op_print_to(op, &fl, &b);
    eo_strbuf_append(&b, "", 1);
    assert_false(b.oom);
    return b.data;
}

static void
registration_is_idempotent_and_kinds_are_known(void **state)
{
    fixture *f = *state;
    assert_int_equal(cf_register(f->ctx), EO_OK);
    assert_ptr_equal(eo_op_def_lookup(f->ctx, "cf.switch", 9),
                     cf_op_def(CF_SWITCH));
    assert_null(cf_op_def(CF_NUM_OPS));
    assert_true(cf_op_def(CF_BR)->traits & EO_TERMINATOR);
    assert_false(cf_op_def(CF_ASSERT)->traits & EO_TERMINATOR);
}

static void
built_branches_verify_and_forward_operands(void **state)
{
    fixture *f = *state;
    eo_block *entry;
    eo_op *m = make_func(f->ctx, &entry);
    eo_region *body = eo_block_region(entry);
    eo_block *b1 = eo_block_create(f->ctx), *b2 = eo_block_create(f->ctx);
    eo_region_append(body, b1);
    eo_region_append(body, b2);
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    eo_value *x = eo_block_add_arg(b1, i32, eo_loc_unknown(f->ctx));
    eo_value *c = eo_block_arg(entry, 0), *a = eo_block_arg(entry, 1);

    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_end(&b, entry);
    eo_op *cb = cf_cond_br_build(&b, c, b1, 1, &a, b2, 0, NULL);
    assert_non_null(cb);
    eo_builder_set_end(&b, b1);
    assert_non_null(cf_assert_build(&b, c, "ok"));
    assert_non_null(cf_br_build(&b, b2, 0, NULL));
    (void)x;
    eo_builder_set_end(&b, b2);
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "func.return", eo_loc_unknown(f->ctx));
    assert_non_null(eo_builder_insert(&b, &st));

    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(f->errors, 0);
    assert_int_equal(cf_op_kind(cb), CF_COND_BR);
    unsigned first, count;
    cf_op_def(CF_COND_BR)->successor_operands(cb, 0, &first, &count);
    assert_int_equal(first, 1);
    assert_int_equal(count, 1);
    cf_op_def(CF_COND_BR)->successor_operands(cb, 1, &first, &count);
    assert_int_equal(count, 0);
    eo_op_destroy(m);
}

static void
operand_count_mismatch_is_reported(void **state)
{
    fixture *f = *state;
    eo_block *entry;
    eo_op *m = make_func(f->ctx, &entry);
    eo_block *b1 = eo_block_create(f->ctx);
    eo_region_append(eo_block_region(entry), b1);
    eo_value *a = eo_block_arg(entry, 1);
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_end(&b, entry);
    assert_non_null(cf_br_build(&b, b1, 1, &a));
    eo_builder_set_end(&b, b1);
    eo_op_state st;
    eo_op_state_init(&st, f->ctx, "func.return", eo_loc_unknown(f->ctx));
    assert_non_null(eo_builder_insert(&b, &st));

    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_string_equal(f->last, "branch has 1 operands for successor #0, "
                                 "but target block has 0");

    /* Give the block an argument of another type. */
    f->errors = 0;
    assert_non_null(eo_block_add_arg(b1, eo_type_get_int(f->ctx, 64),
                                     eo_loc_unknown(f->ctx)));
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_string_equal(f->last, "type mismatch for bb argument #0 of "
                                 "successor #0");
    eo_op_destroy(m);
}

static const char switch_src[] =
    "func.func @s(%flag: i8, %a: i32) {\n"
    "  cf.switch %flag : i8, [\n"
    "    default: ^bb1(%a : i32),\n"
    "    -7: ^bb2,\n"
    "    3: ^bb3(%a, %a : i32, i32)\n"
    "  ]\n"
    "^bb1(%x: i32):\n"
    "  return\n"
    "^bb2:\n"
    "  return\n"
    "^bb3(%y: i32, %z: i32):\n"
    "  return\n"
    "}\n";

static eo_op *
first_op_of(eo_op *module)
{
    eo_op *fn = eo_block_first(eo_module_body(module));
    return eo_block_first(func_entry_block(fn));
}

static void
switch_parses_with_case_values_and_segments(void **state)
{
    fixture *f = *state;
    eo_op *m = eo_parse_source(f->ctx, "switch", switch_src,
                               strlen(switch_src), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op *sw = first_op_of(m);
    assert_int_equal(cf_op_kind(sw), CF_SWITCH);

    const eo_attr *vals = eo_op_attr(sw, "case_values");
    assert_non_null(vals);
    assert_int_equal(eo_attr_get_kind(vals), EO_ATTR_DENSE);
    assert_int_equal(eo_type_num_elements(eo_attr_type(vals)), 2);
    assert_int_equal(eo_attr_dense_int(vals, 0), -7);
    assert_int_equal(eo_attr_dense_int(vals, 1), 3);

    const eo_op_def *d = cf_op_def(CF_SWITCH);
    unsigned first, count;
    d->successor_operands(sw, 0, &first, &count);
    assert_int_equal(first, 1);
    assert_int_equal(count, 1);
    d->successor_operands(sw, 1, &first, &count);
    assert_int_equal(count, 0);
    d->successor_operands(sw, 2, &first, &count);
    assert_int_equal(first, 2);
    assert_int_equal(count, 2);

    char *text = print_op(m, false);
    assert_non_null(strstr(text,
        "    cf.switch %arg0 : i8, [\n"
        "      default: ^bb1(%arg1 : i32),\n"
        "      249: ^bb2,\n"
        "      3: ^bb3(%arg1, %arg1 : i32, i32)\n"
        "    ]\n"));
    free(text);
    text = print_op(m, true);
    assert_non_null(strstr(text,
        "\"cf.switch\"(%arg0, %arg1, %arg1, %arg1)[^bb1, ^bb2, ^bb3] "
        "<{case_operand_segments = array<i32: 0, 2>, case_values = "
        "dense<[-7, 3]> : vector<2xi8>, operandSegmentSizes = "
        "array<i32: 1, 1, 2>}> : (i8, i32, i32, i32) -> ()"));
    free(text);
    eo_op_destroy(m);
}

static void
cond_br_and_assert_print_as_mlir(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @g(%c: i1, %a: i32) {\n"
        "  cf.cond_br %c, ^bb1(%a : i32), ^bb2 {w = 1 : i64}\n"
        "^bb1(%x: i32):\n"
        "  cf.assert %c, \"a \\\"b\\\"\"\n"
        "  cf.br ^bb2\n"
        "^bb2:\n"
        "  return\n"
        "}\n";
    eo_op *m = eo_parse_source(f->ctx, "g", src, sizeof src - 1, NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    char *text = print_op(m, false);
    assert_non_null(strstr(text, "cf.cond_br %arg0, ^bb1(%arg1 : i32), ^bb2 "
                                 "{w = 1 : i64}\n"));
    assert_non_null(strstr(text, "cf.assert %arg0, \"a \\22b\\22\"\n"));
    assert_non_null(strstr(text, "cf.br ^bb2\n"));
    free(text);
    eo_op_destroy(m);
}

static void
parse_errors_are_reported_not_fatal(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @g(%a: i32) {\n"
        "  cf.switch %a : i32, [\n"
        "  ]\n"
        "}\n";
    eo_op *m = eo_parse_source(f->ctx, "bad", src, sizeof src - 1, NULL);
    assert_null(m);
    assert_true(f->errors >= 1);
}

/* An allocator that fails the n-th allocation. */
typedef struct failing {
    long countdown;
} failing;

static void *
fail_malloc(void *ud, size_t size)
{
    failing *fa = ud;
    if (fa->countdown-- == 0)
        return NULL;
    return malloc(size);
}

static void *
fail_realloc(void *ud, void *p, size_t old, size_t size)
{
    failing *fa = ud;
    (void)old;
    if (fa->countdown-- == 0)
        return NULL;
    return realloc(p, size);
}

static void
fail_free(void *ud, void *p, size_t size)
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
allocation_failures_while_parsing_fail_cleanly(void **state)
{
    (void)state;
    bool done = false;
    for (long n = 0; n < 100000 && !done; n++) {
        failing fa = {n};
        eo_alloc al = {fail_malloc, fail_realloc, fail_free, &fa};
        eo_ctx *ctx = eo_ctx_create(&al);
        if (!ctx)
            continue;
        eo_ctx_set_diag_handler(ctx, quiet, NULL);
        if (eo_register_all_dialects(ctx) == EO_OK) {
            eo_op *m = eo_parse_source(ctx, "switch", switch_src,
                                       strlen(switch_src), NULL);
            if (m) {
                done = fa.countdown >= 0;
                eo_op_destroy(m);
            }
        }
        eo_ctx_destroy(ctx);
    }
    assert_true(done);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(
            registration_is_idempotent_and_kinds_are_known, setup, teardown),
        cmocka_unit_test_setup_teardown(
            built_branches_verify_and_forward_operands, setup, teardown),
        cmocka_unit_test_setup_teardown(
            operand_count_mismatch_is_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(
            switch_parses_with_case_values_and_segments, setup, teardown),
        cmocka_unit_test_setup_teardown(
            cond_br_and_assert_print_as_mlir, setup, teardown),
        cmocka_unit_test_setup_teardown(
            parse_errors_are_reported_not_fatal, setup, teardown),
        cmocka_unit_test(allocation_failures_while_parsing_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

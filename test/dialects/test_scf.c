/* test/dialects/test_scf.c - the scf dialect's C API: builders and
 * accessors, implicit terminators added by the parser, verifier messages
 * (captured through the diagnostic handler), printing of the custom forms,
 * and clean failure when allocations fail. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/scf/scf.h"
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

/* module { func.func @f(%lb: index, %c: i1, %x: i32) { <body> return } };
 * *b is positioned before the return. */
static eo_op *
make_func(eo_ctx *ctx, eo_builder *b, eo_block **entry)
{
    const eo_type *in[3] = {eo_type_get_index(ctx), eo_type_get_int(ctx, 1),
                            eo_type_get_int(ctx, 32)};
    const eo_type *ft = eo_type_get_function(ctx, 3, in, 0, NULL);
    eo_op *m = eo_module_create(ctx, eo_loc_unknown(ctx));
    eo_op *fn = func_create(ctx, eo_loc_unknown(ctx), "f", ft, false);
    assert_non_null(m);
    assert_non_null(fn);
    eo_block_append(eo_module_body(m), fn);
    *entry = func_entry_block(fn);
    eo_op_state st;
    eo_op_state_init(&st, ctx, "func.return", eo_loc_unknown(ctx));
    eo_builder_init(b, ctx);
    eo_builder_set_end(b, *entry);
    eo_op *ret = eo_builder_insert(b, &st);
    assert_non_null(ret);
    eo_builder_set_before(b, ret);
    return m;
}

static eo_op *
parse(fixture *f, const char *src)
{
    return eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
}

static eo_op *
first_in_func(eo_op *module)
{
    eo_op *fn = eo_block_first(eo_module_body(module));
    return eo_block_first(func_entry_block(fn));
}

static void
kinds_and_defs_are_consistent(void **state)
{
    fixture *f = *state;
    assert_int_equal(scf_register(f->ctx), EO_OK);
    for (int k = 0; k < SCF_NUM_OPS; k++) {
        const eo_op_def *d = scf_op_def((enum scf_op)k);
        assert_non_null(d);
        assert_ptr_equal(eo_op_def_lookup(f->ctx, d->name, strlen(d->name)),
                         d);
    }
    assert_true(scf_op_def(SCF_YIELD)->traits & EO_RETURN_LIKE);
    assert_true(scf_op_def(SCF_FOR)->traits & EO_RECURSIVE_EFFECTS);
}

static void
built_for_without_inits_verifies_and_prints(void **state)
{
    fixture *f = *state;
    eo_builder b;
    eo_block *entry;
    eo_op *m = make_func(f->ctx, &b, &entry);
    eo_value *lb = eo_block_arg(entry, 0);
    eo_op *loop = scf_for_build(&b, lb, lb, lb, 0, NULL);
    assert_non_null(loop);
    assert_int_equal(scf_op_kind(loop), SCF_FOR);
    eo_block *body = scf_for_body(loop);
    assert_non_null(body);
    assert_int_equal(eo_block_num_args(body), 1);
    assert_ptr_equal(eo_value_type(scf_for_induction_var(loop)),
                     eo_type_get_index(f->ctx));
    assert_int_equal(scf_op_kind(eo_block_last(body)), SCF_YIELD);
    assert_int_equal(eo_op_verify(m), EO_OK);

    char *text = print_op(m, false);
    assert_non_null(strstr(text, "    scf.for %arg3 = %arg0 to %arg0 step "
                                 "%arg0 {\n    }\n"));
    free(text);
    eo_op_destroy(m);
}

static void
built_for_with_inits_checks_yield_types(void **state)
{
    fixture *f = *state;
    eo_builder b;
    eo_block *entry;
    eo_op *m = make_func(f->ctx, &b, &entry);
    eo_value *lb = eo_block_arg(entry, 0), *x = eo_block_arg(entry, 2);
    eo_op *loop = scf_for_build(&b, lb, lb, lb, 1, &x);
    assert_non_null(loop);
    eo_block *body = scf_for_body(loop);
    eo_builder in;
    eo_builder_init(&in, f->ctx);
    eo_builder_set_end(&in, body);
    eo_value *iv = scf_for_induction_var(loop);
    eo_op *y = scf_yield_build(&in, 1, &iv);
    assert_non_null(y);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_string_equal(f->last, "'scf.for' op 0-th region iter_arg and 0-th "
                                 "yielded value have different type: 'i32' "
                                 "!= 'index'");

    eo_op_set_operand(y, 0, eo_block_arg(body, 1));
    f->errors = 0;
    assert_int_equal(eo_op_verify(m), EO_OK);
    char *text = print_op(m, false);
    assert_non_null(strstr(text, "%0 = scf.for %arg3 = %arg0 to %arg0 step "
                                 "%arg0 iter_args(%arg4 = %arg2) -> (i32) {\n"
                                 "      scf.yield %arg4 : i32\n    }\n"));
    free(text);
    eo_op_destroy(m);
}

static void
built_if_with_results_needs_else(void **state)
{
    fixture *f = *state;
    eo_builder b;
    eo_block *entry;
    eo_op *m = make_func(f->ctx, &b, &entry);
    const eo_type *i32 = eo_type_get_int(f->ctx, 32);
    eo_op *op = scf_if_build(&b, eo_block_arg(entry, 1), 1, &i32, false);
    assert_non_null(op);
    assert_true(eo_region_empty(eo_op_region(op, 1)));
    eo_builder in;
    eo_builder_init(&in, f->ctx);
    eo_builder_set_end(&in, eo_region_first(eo_op_region(op, 0)));
    eo_value *x = eo_block_arg(entry, 2);
    assert_non_null(scf_yield_build(&in, 1, &x));
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_string_equal(f->last, "'scf.if' op must have an else block if "
                                 "defining values");
    eo_op_destroy(m);

    /* Without results both blocks get their empty yields. */
    f->errors = 0;
    m = make_func(f->ctx, &b, &entry);
    op = scf_if_build(&b, eo_block_arg(entry, 1), 0, NULL, true);
    assert_non_null(op);
    assert_int_equal(eo_op_verify(m), EO_OK);
    char *text = print_op(m, false);
    assert_non_null(strstr(text, "    scf.if %arg1 {\n    } else {\n    }\n"));
    free(text);
    eo_op_destroy(m);
}

static void
parser_adds_implicit_terminators(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "func.func @f(%lb: index, %c: i1) {\n"
                        "  scf.for %i = %lb to %lb step %lb {\n  }\n"
                        "  scf.if %c {\n  }\n"
                        "  scf.parallel (%j) = (%lb) to (%lb) step (%lb) {\n"
                        "  }\n"
                        "  scf.forall (%k) in (4) {\n  }\n"
                        "  scf.index_switch %lb\n  default {\n  }\n"
                        "  return\n}\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op *op = first_in_func(m);
    assert_int_equal(scf_op_kind(eo_block_last(scf_for_body(op))), SCF_YIELD);
    op = eo_op_next(op);
    assert_int_equal(scf_op_kind(op), SCF_IF);
    assert_int_equal(scf_op_kind(eo_block_last(
                         eo_region_first(eo_op_region(op, 0)))), SCF_YIELD);
    assert_true(eo_region_empty(eo_op_region(op, 1)));
    op = eo_op_next(op);
    assert_int_equal(scf_op_kind(eo_block_last(
                         eo_region_first(eo_op_region(op, 0)))), SCF_REDUCE);
    op = eo_op_next(op);
    eo_op *ip = eo_block_last(eo_region_first(eo_op_region(op, 0)));
    assert_int_equal(scf_op_kind(ip), SCF_FORALL_IN_PARALLEL);
    assert_int_equal(eo_region_num_blocks(eo_op_region(ip, 0)), 1);
    op = eo_op_next(op);
    assert_int_equal(scf_op_kind(eo_block_last(
                         eo_region_first(eo_op_region(op, 0)))), SCF_YIELD);

    char *text = print_op(m, true);
    assert_non_null(strstr(text, "\"scf.forall\"() <{operandSegmentSizes = "
                                 "array<i32: 0, 0, 0, 0>, staticLowerBound = "
                                 "array<i64: 0>, staticStep = array<i64: 1>, "
                                 "staticUpperBound = array<i64: 4>}> ({\n"));
    free(text);
    eo_op_destroy(m);
}

static void
region_branch_errors_use_mlir_wording(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "func.func @f(%c: i1, %i: i32, %x: f32) {\n"
                        "  %r = scf.while (%a = %i) : (i32) -> i32 {\n"
                        "    scf.condition(%c) %a : i32\n"
                        "  } do {\n"
                        "  ^bb0(%b: i32):\n"
                        "    scf.yield %x : f32\n"
                        "  }\n"
                        "  return\n}\n");
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_int_equal(f->errors, 1);
    assert_string_equal(f->last, "'scf.while' op  along control flow edge "
                                 "from Region #1 to Region #0: source type "
                                 "#0 'f32' should match input type #0 'i32'");
    eo_op_destroy(m);
}

static void
parallel_and_reduce_print_as_mlir(void **state)
{
    fixture *f = *state;
    static const char src[] =
        "func.func @f(%lb: index, %x: f32) -> f32 {\n"
        "  %r = scf.parallel (%i) = (%lb) to (%lb) step (%lb) init (%x)"
        " -> f32 {\n"
        "    scf.reduce(%x : f32) {\n"
        "    ^bb0(%l: f32, %q: f32):\n"
        "      scf.reduce.return %l : f32\n"
        "    }\n"
        "  }\n"
        "  return %r : f32\n}\n";
    eo_op *m = parse(f, src);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    char *text = print_op(m, false);
    assert_non_null(strstr(text,
        "    %0 = scf.parallel (%arg2) = (%arg0) to (%arg0) step (%arg0) "
        "init (%arg1) -> f32 {\n"
        "      scf.reduce(%arg1 : f32) {\n"
        "      ^bb0(%arg3: f32, %arg4: f32):\n"
        "        scf.reduce.return %arg3 : f32\n"
        "      }\n"
        "    }\n"));
    free(text);
    eo_op_destroy(m);
}

static void
malformed_ops_print_without_crashing(void **state)
{
    fixture *f = *state;
    eo_op_state st;
    eo_op_state_init_def(&st, f->ctx, scf_op_def(SCF_FOR),
                         eo_loc_unknown(f->ctx));
    eo_op *op = eo_op_create(&st);
    assert_non_null(op);
    char *text = print_op(op, false);
    assert_non_null(strstr(text, "scf.for <<malformed"));
    free(text);
    assert_int_equal(eo_op_verify(op), EO_ERROR);
    eo_op_destroy(op);
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
    static const char src[] =
        "func.func @f(%lb: index, %c: i1, %x: f32) -> f32 {\n"
        "  %r = scf.for %i = %lb to %lb step %lb iter_args(%a = %x)"
        " -> (f32) {\n"
        "    scf.yield %a : f32\n"
        "  }\n"
        "  scf.if %c {\n  }\n"
        "  %w = scf.while (%v = %x) : (f32) -> f32 {\n"
        "    scf.condition(%c) %v : f32\n"
        "  } do {\n"
        "  ^bb0(%u: f32):\n"
        "    scf.yield %u : f32\n"
        "  }\n"
        "  scf.index_switch %lb\n  case 3 {\n    scf.yield\n  }\n"
        "  default {\n  }\n"
        "  scf.forall (%k) = (0) to (%lb) step (2) {\n  }\n"
        "  return %r : f32\n}\n";
    bool done = false;
    for (long n = 0; n < 100000 && !done; n++) {
        failing fa = {n};
        eo_alloc al = {fail_malloc, fail_realloc, fail_free, &fa};
        eo_ctx *ctx = eo_ctx_create(&al);
        if (!ctx)
            continue;
        eo_ctx_set_diag_handler(ctx, quiet, NULL);
        if (eo_register_all_dialects(ctx) == EO_OK) {
            eo_op *m = eo_parse_source(ctx, "t", src, sizeof src - 1, NULL);
            if (m) {
                if (fa.countdown >= 0)
                    done = eo_op_verify(m) == EO_OK;
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
        cmocka_unit_test_setup_teardown(kinds_and_defs_are_consistent,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            built_for_without_inits_verifies_and_prints, setup, teardown),
        cmocka_unit_test_setup_teardown(
            built_for_with_inits_checks_yield_types, setup, teardown),
        cmocka_unit_test_setup_teardown(built_if_with_results_needs_else,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(parser_adds_implicit_terminators,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            region_branch_errors_use_mlir_wording, setup, teardown),
        cmocka_unit_test_setup_teardown(parallel_and_reduce_print_as_mlir,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(malformed_ops_print_without_crashing,
                                        setup, teardown),
        cmocka_unit_test(allocation_failures_while_parsing_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

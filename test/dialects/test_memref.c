/* test/dialects/test_memref.c - the memref dialect's C API: the op
 * table and memory-effect traits, memref_strides_and_offset, custom
 * syntax round trips, verifier diagnostics (subview layouts, globals) and
 * the folds (memref.dim, memref.cast operands).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/memref/memref.h"
#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    eo_op *module;
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
    if (f->module)
        eo_op_destroy(f->module);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_op *
parse(fixture *f, const char *src)
{
    if (f->module)
        eo_op_destroy(f->module);
    f->module = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    return f->module;
}

/* The n-th op (pre-order, module excluded) named 'name'. */
typedef struct find { const char *name; eo_op *found; } find;

static eo_walk_result
find_fn(eo_op *op, void *ud)
{
    find *fd = ud;
    if (!fd->found && strcmp(eo_op_name_str(op), fd->name) == 0)
        fd->found = op;
    return EO_WALK_ADVANCE;
}

static eo_op *
first_op(fixture *f, const char *name)
{
    find fd = {name, NULL};
    eo_op_walk(f->module, EO_WALK_PRE, find_fn, &fd);
    return fd.found;
}

static void
table_rows_and_effects(void **state)
{
    fixture *f = *state;
    assert_int_equal(memref_register(f->ctx), EO_OK);  /* again: no-op */
    for (int i = 0; i < MEMREF_NUM_OPS; i++) {
        const eo_op_def *d = memref_op_def((enum memref_op)i);
        assert_non_null(d);
        assert_true(strncmp(d->name, "memref.", 7) == 0);
        assert_ptr_equal(eo_op_def_lookup(f->ctx, d->name, strlen(d->name)),
                         d);
    }
    assert_null(memref_op_def(MEMREF_NUM_OPS));
    assert_true(memref_op_def(MEMREF_ALLOC)->traits & EO_MEM_ALLOC);
    assert_true(memref_op_def(MEMREF_DEALLOC)->traits & EO_MEM_FREE);
    assert_true(memref_op_def(MEMREF_LOAD)->traits & EO_MEM_READ);
    assert_false(memref_op_def(MEMREF_LOAD)->traits & EO_MEM_WRITE);
    assert_true(memref_op_def(MEMREF_STORE)->traits & EO_MEM_WRITE);
    uint64_t cp = memref_op_def(MEMREF_COPY)->traits;
    assert_true((cp & EO_MEM_READ) && (cp & EO_MEM_WRITE));
    assert_true(memref_op_def(MEMREF_SUBVIEW)->traits & EO_PURE);
    assert_true(memref_op_def(MEMREF_GLOBAL)->traits & EO_SYMBOL);
}

static void
strides_and_offsets(void **state)
{
    fixture *f = *state;
    int64_t st[3], off = -1;
    const eo_type *t = eo_type_parse(f->ctx, "memref<2x?x4xf32>", 17);
    assert_non_null(t);
    assert_true(memref_strides_and_offset(t, st, &off));
    assert_true(st[0] == EO_DYNAMIC && st[1] == 4 && st[2] == 1);
    assert_int_equal(off, 0);
    const char *s = "memref<2x3xf32, strided<[?, 2], offset: 5>>";
    t = eo_type_parse(f->ctx, s, strlen(s));
    assert_non_null(t);
    assert_true(memref_strides_and_offset(t, st, &off));
    assert_true(st[0] == EO_DYNAMIC && st[1] == 2 && off == 5);
    s = "memref<2x3xf32, affine_map<(d0, d1) -> (d1, d0)>>";
    t = eo_type_parse(f->ctx, s, strlen(s));
    assert_non_null(t);
    assert_false(memref_strides_and_offset(t, st, &off));
    t = eo_type_parse(f->ctx, "memref<*xf32>", 13);
    assert_false(memref_strides_and_offset(t, st, &off));
}

static void
custom_syntax_round_trips(void **state)
{
    fixture *f = *state;
    const char *src =
        "module {\n"
        "  memref.global \"private\" constant @c : memref<2xf32> = "
        "dense<[1.000000e+00, 2.000000e+00]> {alignment = 64 : i64}\n"
        "  memref.global @u : memref<4xi32> = uninitialized\n"
        "  func.func @f(%arg0: index, %arg1: memref<?x?xf32>) {\n"
        "    %alloc = memref.alloc(%arg0) {alignment = 16 : i64} : "
        "memref<?xf32, 1>\n"
        "    %0 = memref.load %alloc[%arg0] {nontemporal = true} : "
        "memref<?xf32, 1>\n"
        "    memref.store %0, %alloc[%arg0] : memref<?xf32, 1>\n"
        "    %subview = memref.subview %arg1[%arg0, 2] [4, %arg0] [1, 1] : "
        "memref<?x?xf32> to memref<4x?xf32, strided<[?, 1], offset: ?>>\n"
        "    %reinterpret_cast = memref.reinterpret_cast %arg1 to offset: "
        "[0], sizes: [%arg0, 4], strides: [4, 1] : memref<?x?xf32> to "
        "memref<?x4xf32>\n"
        "    %1 = memref.get_global @c : memref<2xf32>\n"
        "    %dim = memref.dim %arg1, %arg0 : memref<?x?xf32>\n"
        "    %collapse_shape = memref.collapse_shape %arg1 [[0, 1]] : "
        "memref<?x?xf32> into memref<?xf32>\n"
        "    memref.dealloc %alloc : memref<?xf32, 1>\n"
        "    return\n"
        "  }\n"
        "}\n";
    assert_non_null(parse(f, src));
    assert_int_equal(eo_op_verify(f->module), EO_OK);
    eo_strbuf out = {0};
    eo_print_flags fl = {0};
    eo_op_print_to(f->module, &fl, &out);
    assert_non_null(out.data);
    assert_string_equal(out.data, src);
    eo_strbuf_free(&out);
}

static void
verifier_reports_mlir_messages(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(f, "func.func @f(%m: memref<8x8xf32>) {\n"
                             "  %0 = memref.subview %m[0, 0][4, 4][1, 1] : "
                             "memref<8x8xf32> to memref<4x4xf32>\n"
                             "  return\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_ERROR);
    assert_string_equal(f->msg, "expected result type to be 'memref<4x4xf32, "
                                "strided<[8, 1]>>' or a rank-reduced version."
                                " (mismatch of result layout) ");
    f->errors = 0;
    assert_non_null(parse(f, "memref.global @g : memref<4xf32>\n"
                             "func.func @f() {\n"
                             "  %0 = memref.get_global @g : memref<5xf32>\n"
                             "  return\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_ERROR);
    assert_string_equal(f->msg, "'memref.get_global' op result type "
                                "'memref<5xf32>' does not match type "
                                "'memref<4xf32>' of the global memref @g");
    f->errors = 0;
    assert_non_null(parse(f, "func.func @f(%d: index) {\n"
                             "  %0 = memref.alloc() : memref<?xf32>\n"
                             "  return\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_ERROR);
    assert_string_equal(f->msg, "'memref.alloc' op dimension operand count "
                                "does not equal memref dynamic dimension "
                                "count");
}

static void
rank_reduced_subviews_verify(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(
        f, "func.func @f(%m: memref<8x8xf32>) {\n"
           "  %0 = memref.subview %m[2, 0][1, 8][1, 1] : memref<8x8xf32> to "
           "memref<8xf32, strided<[1], offset: 16>>\n"
           "  %1 = memref.subview %m[2, 0][1, 1][1, 1] : memref<8x8xf32> to "
           "memref<1xf32, strided<[8], offset: 16>>\n"
           "  %2 = memref.subview %m[2, 0][1, 1][1, 1] : memref<8x8xf32> to "
           "memref<1xf32, strided<[1], offset: 16>>\n"
           "  %3 = memref.subview %m[0, 0][1, 8][1, 1] : memref<8x8xf32> to "
           "memref<8xf32>\n"
           "  return\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

static void
dim_and_cast_folds(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(
        f, "func.func @f(%d: index, %i: index) -> (index, index, f32) {\n"
           "  %c0 = arith.constant 0 : index\n"
           "  %c1 = arith.constant 1 : index\n"
           "  %a = memref.alloc(%d) : memref<4x?xf32>\n"
           "  %0 = memref.dim %a, %c0 : memref<4x?xf32>\n"
           "  %c = memref.cast %a : memref<4x?xf32> to memref<?x?xf32>\n"
           "  %1 = memref.load %c[%i, %i] : memref<?x?xf32>\n"
           "  %2 = memref.dim %a, %c1 : memref<4x?xf32>\n"
           "  return %0, %2, %1 : index, index, f32\n}\n"));
    eo_op *dim = first_op(f, "memref.dim");
    eo_fold_result r[1] = {{0}};
    bool folded = false;
    assert_int_equal(eo_op_fold(dim, r, &folded), EO_OK);
    assert_true(folded);
    assert_non_null(r[0].attr);
    assert_int_equal(eo_attr_int_value(r[0].attr), 4);
    /* The dynamic size is the alloc's operand. */
    eo_op *dim2 = eo_op_prev(eo_block_last(eo_op_block(dim)));
    assert_int_equal(memref_op_kind(dim2), MEMREF_DIM);
    r[0].attr = NULL;
    assert_int_equal(eo_op_fold(dim2, r, &folded), EO_OK);
    assert_true(folded);
    assert_true(eo_value_is_block_arg(r[0].value));
    /* load(cast(x)) reads x directly: an in-place fold. */
    eo_op *load = first_op(f, "memref.load");
    assert_int_equal(eo_op_fold(load, r, &folded), EO_OK);
    assert_true(folded);
    assert_int_equal(memref_op_kind(eo_value_def_op(eo_op_operand(load, 0))),
                     MEMREF_ALLOC);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

static void
identity_subview_folds_to_source(void **state)
{
    fixture *f = *state;
    assert_non_null(parse(
        f, "func.func @f(%m: memref<8x16xf32>) -> memref<8x16xf32> {\n"
           "  %0 = memref.subview %m[0, 0][8, 16][1, 1] : memref<8x16xf32> "
           "to memref<8x16xf32>\n"
           "  return %0 : memref<8x16xf32>\n}\n"));
    assert_int_equal(eo_op_verify(f->module), EO_OK);
    eo_op *sv = first_op(f, "memref.subview");
    eo_fold_result r[1] = {{0}};
    bool folded = false;
    assert_int_equal(eo_op_fold(sv, r, &folded), EO_OK);
    assert_true(folded);
    assert_ptr_equal(r[0].value, eo_op_operand(sv, 0));
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table_rows_and_effects),
        T(strides_and_offsets),
        T(custom_syntax_round_trips),
        T(verifier_reports_mlir_messages),
        T(rank_reduced_subviews_verify),
        T(dim_and_cast_folds),
        T(identity_subview_folds_to_source),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

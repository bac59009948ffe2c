/* test/ir/test_loc_tables.c - file locations are uniqued by per-file line
 * tables (loc.c) with the generic set as the fallback: many files, lines
 * far past a table's end, several columns on a line, lines in any order.
 * Every lookup must give back the same object, and distinct keys distinct
 * objects. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ir/ir.h"

#include <stdio.h>

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return -1;
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

enum { FILES = 20, LINES = 3 };

/* Lines: small, past the first table size, and far out (fallback). */
static const unsigned line_of[LINES] = { 1, 70000, 4000000000u };

static void
many_files_and_lines(void **state)
{
    eo_ctx *ctx = *state;
    const eo_ident *files[FILES];
    const eo_loc *locs[FILES][LINES][2];
    for (int f = 0; f < FILES; f++) {
        char name[16];
        snprintf(name, sizeof(name), "f%d.mlir", f);
        files[f] = eo_ident_cstr(ctx, name);
        assert_non_null(files[f]);
    }
    /* Columns 1 and 9 of each line; the second pass must find them. */
    for (int pass = 0; pass < 2; pass++) {
        for (int f = 0; f < FILES; f++) {
            for (int l = LINES - 1; l >= 0; l--) {
                for (int c = 0; c < 2; c++) {
                    unsigned col = c ? 9 : 1;
                    const eo_loc *x = eo_loc_file(ctx, files[f], line_of[l],
                                                  col);
                    assert_non_null(x);
                    assert_int_equal(eo_loc_get_kind(x), EO_LOC_FILE);
                    assert_ptr_equal(eo_loc_filename(x), files[f]);
                    assert_int_equal(eo_loc_line(x), line_of[l]);
                    assert_int_equal(eo_loc_col(x), col);
                    assert_ptr_equal(eo_loc_find_file(x), x);
                    if (pass == 0)
                        locs[f][l][c] = x;
                    else
                        assert_ptr_equal(locs[f][l][c], x);
                }
            }
        }
    }
    /* All distinct. */
    const eo_loc **all = &locs[0][0][0];
    size_t n = FILES * LINES * 2;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            assert_ptr_not_equal(all[i], all[j]);
}

/* A long file parsed in order: one location per line, then a lookup of
 * each again (the table grows while the earlier entries stay valid). */
static void
growing_table(void **state)
{
    eo_ctx *ctx = *state;
    const eo_ident *file = eo_ident_cstr(ctx, "big.mlir");
    enum { N = 300000 };
    static const eo_loc *seen[N];
    for (unsigned i = 0; i < N; i++) {
        seen[i] = eo_loc_file(ctx, file, i, 3);
        assert_non_null(seen[i]);
    }
    for (unsigned i = 0; i < N; i++)
        assert_ptr_equal(eo_loc_file(ctx, file, i, 3), seen[i]);
    /* File locations nest in the other kinds as before. */
    const eo_loc *name = eo_loc_name(ctx, eo_ident_cstr(ctx, "n"), seen[7]);
    assert_non_null(name);
    assert_ptr_equal(eo_loc_child(name), seen[7]);
    assert_ptr_equal(eo_loc_find_file(name), seen[7]);
    const eo_loc *two[2] = { seen[1], seen[2] };
    const eo_loc *fused = eo_loc_fused(ctx, 2, two, NULL);
    assert_non_null(fused);
    assert_int_equal(eo_loc_num_fused(fused), 2);
    assert_ptr_equal(eo_loc_fused(ctx, 2, two, NULL), fused);
    assert_null(eo_loc_file(ctx, NULL, 1, 1));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(many_files_and_lines, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(growing_table, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

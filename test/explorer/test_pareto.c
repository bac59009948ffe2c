/* test/explorer/test_pareto.c - Pareto utilities: constraint domination,
 * non-dominated sorting, crowding distance and exact 2-D/3-D
 * hypervolumes checked against hand-computed values and a grid count.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "explorer/explorer.h"
#include "ir/ir.h"

#include <math.h>
#include <stdlib.h>

static void
test_dominates(void **state)
{
    (void)state;
    double a[] = { 1, 2 }, b[] = { 2, 2 }, c[] = { 0, 3 };
    assert_true(eo_pareto_dominates(a, 0, b, 0, 2));
    assert_false(eo_pareto_dominates(b, 0, a, 0, 2));
    assert_false(eo_pareto_dominates(a, 0, a, 0, 2));
    assert_false(eo_pareto_dominates(a, 0, c, 0, 2));
    assert_false(eo_pareto_dominates(c, 0, a, 0, 2));
    /* Feasible beats infeasible whatever the objectives. */
    assert_true(eo_pareto_dominates(b, 0, a, 0.5, 2));
    assert_false(eo_pareto_dominates(a, 0.5, b, 0, 2));
    /* Two infeasible: less violation wins. */
    assert_true(eo_pareto_dominates(b, 0.1, a, 0.5, 2));
    assert_false(eo_pareto_dominates(a, 0.5, b, 0.1, 2));
}

static void
test_sort_and_crowding(void **state)
{
    (void)state;
    /* Front 0: (1,4) (2,2) (4,1); front 1: (3,3) (2,5); front 2: (4,5);
     * the infeasible (0,0) comes last. */
    double obj[] = { 3, 3, 1, 4, 2, 2, 4, 5, 4, 1, 2, 5, 0, 0 };
    double viol[] = { 0, 0, 0, 0, 0, 0, 1 };
    size_t rank[7];
    assert_int_equal(eo_pareto_sort(obj, viol, 7, 2, rank), EO_OK);
    size_t want[] = { 1, 0, 0, 2, 0, 1, 3 };
    for (int i = 0; i < 7; i++)
        assert_int_equal(rank[i], want[i]);
    assert_int_equal(eo_pareto_sort(obj, NULL, 7, 2, rank), EO_OK);
    assert_int_equal(rank[6], 0);
    assert_int_equal(rank[1], 1);

    size_t front[] = { 1, 2, 4 };
    double d[3];
    assert_int_equal(eo_pareto_crowding(obj, 2, front, 3, d), EO_OK);
    assert_true(isinf(d[0]));
    assert_true(isinf(d[2]));
    /* Middle point (2,2): (4-1)/3 + (4-1)/3 = 2. */
    assert_true(fabs(d[1] - 2.0) < 1e-12);
}

static void
count_errors(const eo_diag *d, void *ud)
{
    if (d->severity == EO_SEV_ERROR)
        ++*(int *)ud;
}

static void
test_hypervolume(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    int errors = 0;
    (void)state;
    assert_non_null(ctx);
    eo_ctx_set_diag_handler(ctx, count_errors, &errors);
    double ref2[] = { 4, 4 };
    double p2[] = { 1, 3, 2, 2, 3, 1, 2, 3, 5, 0 };  /* last two add 0 */
    double hv;
    assert_int_equal(eo_pareto_hypervolume(ctx, p2, 5, 2, ref2, &hv), EO_OK);
    assert_true(fabs(hv - 6.0) < 1e-12);   /* 3*1 + 2*1 + 1*1 */
    assert_int_equal(eo_pareto_hypervolume(ctx, p2, 0, 2, ref2, &hv), EO_OK);
    assert_true(hv == 0);

    /* 3-D: one point is a box; two overlapping boxes. */
    double ref3[] = { 2, 2, 2 };
    double q[] = { 0, 0, 1, 1, 1, 0 };
    assert_int_equal(eo_pareto_hypervolume(ctx, q, 1, 3, ref3, &hv), EO_OK);
    assert_true(fabs(hv - 4.0) < 1e-12);
    assert_int_equal(eo_pareto_hypervolume(ctx, q, 2, 3, ref3, &hv), EO_OK);
    assert_true(fabs(hv - 5.0) < 1e-12);   /* 4 + 2 - 1 */

    /* Random integer points against a unit-cell count. */
    eo_rng r;
    eo_rng_seed(&r, 7);
    double pts[3 * 12], ref[] = { 8, 8, 8 };
    for (int i = 0; i < 36; i++)
        pts[i] = (double)eo_rng_below(&r, 8);
    int cells = 0;
    for (int x = 0; x < 8; x++)
        for (int y = 0; y < 8; y++)
            for (int z = 0; z < 8; z++)
                for (int i = 0; i < 12; i++)
                    if (pts[3 * i] <= x && pts[3 * i + 1] <= y &&
                        pts[3 * i + 2] <= z) {
                        cells++;
                        break;
                    }
    assert_int_equal(eo_pareto_hypervolume(ctx, pts, 12, 3, ref, &hv),
                     EO_OK);
    assert_true(fabs(hv - cells) < 1e-9);

    assert_int_equal(eo_pareto_hypervolume(ctx, pts, 3, 4, ref, &hv),
                     EO_ERROR);
    assert_int_equal(errors, 1);
    eo_ctx_destroy(ctx);
}

static void
test_rng(void **state)
{
    (void)state;
    eo_rng a, b;
    eo_rng_seed(&a, 42);
    eo_rng_seed(&b, 42);
    for (int i = 0; i < 100; i++)
        assert_true(eo_rng_next(&a) == eo_rng_next(&b));
    eo_rng_seed(&b, 43);
    assert_true(eo_rng_next(&a) != eo_rng_next(&b));
    int hist[5] = { 0 };
    for (int i = 0; i < 5000; i++) {
        uint64_t x = eo_rng_below(&a, 5);
        assert_true(x < 5);
        hist[x]++;
        double u = eo_rng_unit(&a);
        assert_true(u >= 0 && u < 1);
    }
    for (int i = 0; i < 5; i++)
        assert_true(hist[i] > 850 && hist[i] < 1150);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dominates),
        cmocka_unit_test(test_sort_and_crowding),
        cmocka_unit_test(test_hypervolume),
        cmocka_unit_test(test_rng),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

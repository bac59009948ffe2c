/* test/rewrite/test_memplan.c - the memory planner (rewrite/memplan.h):
 * interval sets with a known optimum, exact placement against an
 * independent brute force, random small DAGs where every topological
 * order with exact placement gives the optimum the planner must reach
 * within 10%, the checker, alignment, in-place sharing and errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "rewrite/memplan.h"

#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t
rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static unsigned
rnd(unsigned n)
{
    return (unsigned)(rng() % n);
}

/* A plan of intervals (size, align 1, first, last). */
static eo_memplan *
intervals(size_t n, const uint64_t *size, const size_t *first,
          const size_t *last)
{
    eo_memplan *p = eo_memplan_create();
    assert_non_null(p);
    for (size_t i = 0; i < n; i++) {
        size_t id;
        assert_int_equal(eo_memplan_add_buffer(p, size[i], 1, &id), EO_OK);
        assert_int_equal(id, i);
        assert_int_equal(eo_memplan_set_interval(p, i, first[i], last[i]),
                         EO_OK);
    }
    return p;
}

static void
check_plan(const eo_memplan *p)
{
    size_t n = eo_memplan_num_buffers(p);
    uint64_t *offs = calloc(n ? n : 1, sizeof(uint64_t));
    assert_non_null(offs);
    for (size_t i = 0; i < n; i++)
        offs[i] = eo_memplan_offset(p, i);
    assert_true(eo_memplan_check(p, offs, eo_memplan_peak(p), NULL, NULL));
    assert_true(eo_memplan_peak(p) >= eo_memplan_lower_bound(p));
    free(offs);
}

static void
known_optima(void **state)
{
    (void)state;
    /* a chain: two live at a time */
    uint64_t s1[] = { 100, 100, 100 };
    size_t f1[] = { 0, 1, 2 }, l1[] = { 1, 2, 3 };
    eo_memplan *p = intervals(3, s1, f1, l1);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 200);
    assert_int_equal(eo_memplan_lower_bound(p), 200);
    assert_int_equal(eo_memplan_naive(p), 300);
    check_plan(p);
    eo_memplan_destroy(p);

    /* A spans all; B and C share a slot; D overlaps both */
    uint64_t s2[] = { 100, 50, 50, 50 };
    size_t f2[] = { 0, 0, 2, 1 }, l2[] = { 3, 1, 3, 2 };
    p = intervals(4, s2, f2, l2);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 200);
    assert_int_equal(eo_memplan_offset(p, 1), eo_memplan_offset(p, 2));
    check_plan(p);
    eo_memplan_destroy(p);

    /* Greedy by size first-fit leaves a hole here that the exact
     * placement (and the other orders) avoid: the optimum is the lower
     * bound 6. */
    uint64_t s3[] = { 3, 2, 2, 2, 1, 1 };
    size_t f3[] = { 0, 1, 0, 3, 2, 1 }, l3[] = { 1, 3, 2, 4, 4, 4 };
    p = intervals(6, s3, f3, l3);
    eo_memplan_options o;
    eo_memplan_options_init(&o);
    o.exact_limit = 0;
    o.heuristics = false;
    assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 8);
    o.heuristics = true;
    o.exact_limit = 10;
    assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
    uint64_t exact = eo_memplan_peak(p);
    assert_int_equal(exact, eo_memplan_lower_bound(p));
    check_plan(p);
    eo_memplan_destroy(p);

    /* an empty plan */
    p = eo_memplan_create();
    assert_non_null(p);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 0);
    eo_memplan_destroy(p);
}

/* Independent exact placement: buffers in index order, every offset. */
static void
grid_rec(size_t n, const uint64_t *size, const size_t *first,
         const size_t *last, uint64_t *offs, size_t i, uint64_t peak,
         uint64_t *best)
{
    if (peak >= *best)
        return;
    if (i == n) {
        *best = peak;
        return;
    }
    for (uint64_t o = 0; o + size[i] < *best; o++) {
        bool ok = true;
        for (size_t j = 0; j < i && ok; j++)
            if (first[i] <= last[j] && first[j] <= last[i])
                ok = o + size[i] <= offs[j] || offs[j] + size[j] <= o;
        if (!ok)
            continue;
        offs[i] = o;
        grid_rec(n, size, first, last, offs, i + 1,
                 o + size[i] > peak ? o + size[i] : peak, best);
    }
}

static void
exact_matches_brute_force(void **state)
{
    (void)state;
    for (int iter = 0; iter < 120; iter++) {
        size_t n = 3 + rnd(3);
        uint64_t size[6], offs[6];
        size_t first[6], last[6];
        for (size_t i = 0; i < n; i++) {
            size[i] = 1 + rnd(5);
            first[i] = rnd(5);
            last[i] = first[i] + rnd(3);
        }
        eo_memplan *p = intervals(n, size, first, last);
        eo_memplan_options o;
        eo_memplan_options_init(&o);
        o.exact_limit = 0;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        uint64_t heur = eo_memplan_peak(p);
        check_plan(p);
        o.exact_limit = 10;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        check_plan(p);
        uint64_t best = heur + 1;
        grid_rec(n, size, first, last, offs, 0, 0, &best);
        assert_int_equal(eo_memplan_peak(p), best);
        assert_true(heur >= best);
        eo_memplan_destroy(p);
    }
}

/* Random DAG: op i produces buffer i and reads 1-2 earlier buffers;
 * buffers nobody reads are outputs kept by a final op. */
typedef struct dag {
    size_t n;
    uint64_t size[10];
    size_t ncons[11], cons[11][10];
} dag;

static void
random_dag(dag *d, size_t n)
{
    memset(d, 0, sizeof(*d));
    d->n = n;
    bool used[10] = { false };
    for (size_t i = 0; i < n; i++) {
        d->size[i] = 16 * (1 + rnd(8));
        if (i == 0)
            continue;
        size_t k = 1 + rnd(2);
        for (size_t j = 0; j < k; j++) {
            size_t b = rnd((unsigned)i);
            bool dup = false;
            for (size_t m = 0; m < d->ncons[i]; m++)
                dup |= d->cons[i][m] == b;
            if (!dup) {
                d->cons[i][d->ncons[i]++] = b;
                used[b] = true;
            }
        }
    }
    for (size_t b = 0; b < n; b++)
        if (!used[b])
            d->cons[n][d->ncons[n]++] = b;
}

static eo_memplan *
dag_plan(const dag *d)
{
    eo_memplan *p = eo_memplan_create();
    assert_non_null(p);
    for (size_t i = 0; i < d->n; i++)
        assert_int_equal(eo_memplan_add_buffer(p, d->size[i], 16, NULL),
                         EO_OK);
    for (size_t i = 0; i <= d->n; i++) {
        size_t prod = i;
        assert_int_equal(eo_memplan_add_op(p, d->ncons[i], d->cons[i],
                                           i < d->n ? 1 : 0, &prod, NULL),
                         EO_OK);
    }
    return p;
}

/* Optimum over every topological order (own enumeration) with exact
 * placement of each order's intervals. */
static void
topo_rec(const dag *d, size_t *order, bool *done, size_t step,
         uint64_t *best)
{
    size_t nops = d->n + 1;
    if (step == nops) {
        size_t pos[11], first[10], last[10];
        for (size_t s = 0; s < nops; s++)
            pos[order[s]] = s;
        for (size_t b = 0; b < d->n; b++)
            first[b] = last[b] = pos[b];
        for (size_t i = 0; i < nops; i++)
            for (size_t k = 0; k < d->ncons[i]; k++)
                if (pos[i] > last[d->cons[i][k]])
                    last[d->cons[i][k]] = pos[i];
        eo_memplan *p = eo_memplan_create();
        assert_non_null(p);
        for (size_t b = 0; b < d->n; b++) {
            assert_int_equal(eo_memplan_add_buffer(p, d->size[b], 16, NULL),
                             EO_OK);
            assert_int_equal(eo_memplan_set_interval(p, b, first[b],
                                                     last[b]), EO_OK);
        }
        eo_memplan_options o;
        eo_memplan_options_init(&o);
        o.exact_limit = 16;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        if (eo_memplan_peak(p) < *best)
            *best = eo_memplan_peak(p);
        eo_memplan_destroy(p);
        return;
    }
    for (size_t i = 0; i < nops; i++) {
        if (done[i])
            continue;
        bool ready = true;
        for (size_t k = 0; k < d->ncons[i]; k++)
            ready &= done[d->cons[i][k]];
        if (!ready)
            continue;
        done[i] = true;
        order[step] = i;
        topo_rec(d, order, done, step + 1, best);
        done[i] = false;
    }
}

static void
random_dags_near_optimum(void **state)
{
    (void)state;
    double worst_default = 1.0, worst_list = 1.0;
    for (int iter = 0; iter < 120; iter++) {
        dag d;
        random_dag(&d, 5 + rnd(3));
        size_t order[11];
        bool done[11] = { false };
        uint64_t opt = UINT64_MAX;
        topo_rec(&d, order, done, 0, &opt);

        eo_memplan *p = dag_plan(&d);
        eo_memplan_options o;
        eo_memplan_options_init(&o);
        o.search_order = true;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        check_plan(p);
        /* the chosen order is topological */
        size_t pos[11];
        for (size_t s = 0; s <= d.n; s++)
            pos[eo_memplan_order(p, s)] = s;
        for (size_t i = 0; i <= d.n; i++)
            for (size_t k = 0; k < d.ncons[i]; k++)
                assert_true(pos[d.cons[i][k]] < pos[i]);
        uint64_t heur = eo_memplan_peak(p);
        assert_true(heur >= opt);
        double r = (double)heur / (double)opt;
        if (r > worst_default)
            worst_default = r;

        /* list scheduling only */
        o.brute_force_limit = 0;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        check_plan(p);
        r = (double)eo_memplan_peak(p) / (double)opt;
        if (r > worst_list)
            worst_list = r;

        /* with exact placement and brute force: the optimum itself */
        o.brute_force_limit = 12;
        o.exact_limit = 16;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        assert_int_equal(eo_memplan_peak(p), opt);
        eo_memplan_destroy(p);
    }
    print_message("worst ratio: default %.3f, list scheduling %.3f\n",
                  worst_default, worst_list);
    assert_true(worst_default <= 1.10);
    assert_true(worst_list <= 1.10);
}

/* Random DAGs with random in-place hints and extra dependences: every
 * plan, in every mode, passes the checker (and so respects the hints'
 * conditions) and never beats the lower bound. */
static void
random_inplace_plans_are_valid(void **state)
{
    (void)state;
    for (int iter = 0; iter < 40; iter++) {
        dag d;
        random_dag(&d, 3 + rnd(8));
        eo_memplan *p = dag_plan(&d);
        for (size_t i = 1; i < d.n; i++)
            if (rnd(4) == 0)
                assert_int_equal(eo_memplan_add_dep(p, rnd((unsigned)i),
                                                    i), EO_OK);
        bool small = d.n <= 6;
        eo_memplan_options o;
        eo_memplan_options_init(&o);
        o.search_order = true;
        o.brute_force_limit = small ? 12 : 0;
        assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
        check_plan(p);
        for (size_t i = 1; i < d.n; i++)
            if (rnd(2))
                assert_int_equal(eo_memplan_set_inplace(p, i,
                                                        d.cons[i][0]),
                                 EO_OK);
        for (int mode = 0; mode < 3; mode++) {
            o.search_order = mode > 0;
            o.brute_force_limit = mode == 2 && small ? 12 : 0;
            assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
            check_plan(p);
        }
        eo_memplan_destroy(p);
    }
}

static void
checker_rejects(void **state)
{
    (void)state;
    uint64_t s[] = { 64, 32, 32 };
    size_t f[] = { 0, 1, 3 }, l[] = { 2, 2, 3 };
    eo_memplan *p = intervals(3, s, f, l);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    check_plan(p);
    uint64_t offs[3] = { 0, 64, 0 };
    assert_true(eo_memplan_check(p, offs, 96, NULL, NULL));
    size_t a = 9, b = 9;
    offs[1] = 32;             /* overlaps buffer 0 while both live */
    assert_false(eo_memplan_check(p, offs, 96, &a, &b));
    assert_int_equal(a, 0);
    assert_int_equal(b, 1);
    offs[1] = 64;
    assert_false(eo_memplan_check(p, offs, 95, &a, &b));  /* outside */
    assert_int_equal(a, 1);
    assert_int_equal(b, 1);
    eo_memplan_destroy(p);

    /* misaligned */
    p = eo_memplan_create();
    assert_non_null(p);
    assert_int_equal(eo_memplan_add_buffer(p, 8, 8, NULL), EO_OK);
    assert_int_equal(eo_memplan_set_interval(p, 0, 0, 0), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    uint64_t o4 = 4;
    assert_false(eo_memplan_check(p, &o4, 16, NULL, NULL));
    eo_memplan_destroy(p);
}

static void
alignment(void **state)
{
    (void)state;
    eo_memplan *p = eo_memplan_create();
    assert_non_null(p);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(eo_memplan_add_buffer(p, 10, 64, NULL), EO_OK);
        assert_int_equal(eo_memplan_set_interval(p, (size_t)i, 0, 1), EO_OK);
    }
    assert_int_equal(eo_memplan_add_buffer(p, 3, 1, NULL), EO_OK);
    assert_int_equal(eo_memplan_set_interval(p, 3, 1, 1), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(eo_memplan_offset(p, i) % 64, 0);
    /* 0, 64, 128 (+10); the 3-byte buffer fits in a gap */
    assert_int_equal(eo_memplan_peak(p), 138);
    check_plan(p);
    eo_memplan_destroy(p);

    p = eo_memplan_create();
    assert_non_null(p);
    assert_int_equal(eo_memplan_add_buffer(p, 10, 3, NULL), EO_ERROR);
    eo_memplan_destroy(p);
}

static void
inplace_sharing(void **state)
{
    (void)state;
    /* op0 -> b0; op1 reads b0, writes b1 in place; op2 reads b1 -> b2 */
    eo_memplan *p = eo_memplan_create();
    assert_non_null(p);
    for (int i = 0; i < 3; i++)
        assert_int_equal(eo_memplan_add_buffer(p, 100, 4, NULL), EO_OK);
    size_t b0 = 0, b1 = 1, b2 = 2;
    assert_int_equal(eo_memplan_add_op(p, 0, NULL, 1, &b0, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &b0, 1, &b1, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &b1, 1, &b2, NULL), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 200);
    assert_int_equal(eo_memplan_set_inplace(p, 1, 0), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 200);   /* b2 still beside b1 */
    assert_int_equal(eo_memplan_offset(p, 0), eo_memplan_offset(p, 1));
    check_plan(p);
    assert_int_equal(eo_memplan_set_inplace(p, 2, 1), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 100);
    check_plan(p);
    eo_memplan_destroy(p);

    /* no sharing when the operand lives on */
    p = eo_memplan_create();
    assert_non_null(p);
    for (int i = 0; i < 2; i++)
        assert_int_equal(eo_memplan_add_buffer(p, 100, 4, NULL), EO_OK);
    size_t both[2] = { 0, 1 };
    assert_int_equal(eo_memplan_add_op(p, 0, NULL, 1, &b0, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &b0, 1, &b1, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 2, both, 0, NULL, NULL), EO_OK);
    assert_int_equal(eo_memplan_set_inplace(p, 1, 0), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 200);
    check_plan(p);
    eo_memplan_destroy(p);
}

static void
order_search_and_errors(void **state)
{
    (void)state;
    /* two branches x -> a(big) -> a2(small), x -> b(big) -> b2(small):
     * finishing one branch first halves the peak */
    eo_memplan *p = eo_memplan_create();
    assert_non_null(p);
    uint64_t sz[] = { 16, 1024, 1024, 16, 16 };   /* x a b a2 b2 */
    for (int i = 0; i < 5; i++)
        assert_int_equal(eo_memplan_add_buffer(p, sz[i], 16, NULL), EO_OK);
    size_t x = 0, a = 1, b = 2, a2 = 3, b2 = 4, outs[2] = { 3, 4 };
    size_t opa, opb;
    assert_int_equal(eo_memplan_add_op(p, 0, NULL, 1, &x, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &x, 1, &a, &opa), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &x, 1, &b, &opb), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &a, 1, &a2, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &b, 1, &b2, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 2, outs, 0, NULL, NULL), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 2064);
    eo_memplan_options o;
    eo_memplan_options_init(&o);
    o.search_order = true;
    o.brute_force_limit = 0;
    assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 1056);
    check_plan(p);
    /* TFLite Micro's planner alone: the same in this case */
    o.heuristics = false;
    assert_int_equal(eo_memplan_solve(p, &o), EO_OK);
    assert_int_equal(eo_memplan_peak(p), 1056);

    /* a dependence against the kept order, then a cycle */
    assert_int_equal(eo_memplan_add_dep(p, opb, opa), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_ERROR);
    assert_int_equal(eo_memplan_peak(p), 0);
    assert_int_equal(eo_memplan_add_dep(p, opa, opb), EO_OK);
    o.heuristics = true;
    eo_memplan_destroy(p);

    p = eo_memplan_create();
    assert_non_null(p);
    assert_int_equal(eo_memplan_add_buffer(p, 4, 1, NULL), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 0, NULL, 1, &x, &opa), EO_OK);
    assert_int_equal(eo_memplan_add_op(p, 1, &x, 1, &x, NULL), EO_ERROR);
    assert_int_equal(eo_memplan_add_op(p, 0, NULL, 1, &x, NULL), EO_ERROR);
    assert_int_equal(eo_memplan_add_op(p, 1, &a, 0, NULL, NULL), EO_ERROR);
    assert_int_equal(eo_memplan_add_op(p, 1, &x, 0, NULL, &opb), EO_OK);
    assert_int_equal(eo_memplan_add_dep(p, opb, opa), EO_OK);
    o.search_order = true;
    assert_int_equal(eo_memplan_solve(p, &o), EO_ERROR);
    assert_int_equal(eo_memplan_add_dep(p, opa, opa), EO_ERROR);
    assert_int_equal(eo_memplan_set_inplace(p, 0, 0), EO_ERROR);
    eo_memplan_destroy(p);

    /* interval mode needs every interval */
    p = eo_memplan_create();
    assert_non_null(p);
    assert_int_equal(eo_memplan_add_buffer(p, 4, 1, NULL), EO_OK);
    assert_int_equal(eo_memplan_solve(p, NULL), EO_ERROR);
    assert_int_equal(eo_memplan_set_interval(p, 0, 2, 1), EO_ERROR);
    eo_memplan_destroy(p);
}

/* The IR side: the plan the pass builds for a function. */
static void
plan_from_ir(void **state)
{
    (void)state;
    eo_ctx *ctx = eo_ctx_create(NULL);
    assert_non_null(ctx);
    assert_int_equal(eo_register_all_dialects(ctx), EO_OK);
    static const char text[] =
        "func.func @f(%a: tensor<8xf32>) -> tensor<8xf32> {\n"
        "  %c = arith.constant dense<1.0> : tensor<8xf32>\n"
        "  %0 = math.exp %a : tensor<8xf32>\n"
        "  %1 = arith.addf %0, %c : tensor<8xf32>\n"
        "  %2 = math.tanh %1 : tensor<8xf32>\n"
        "  %3 = arith.mulf %2, %0 : tensor<8xf32>\n"
        "  return %3 : tensor<8xf32>\n"
        "}\n";
    eo_op *m = eo_parse_source(ctx, "t.mlir", text, sizeof(text) - 1, NULL);
    assert_non_null(m);
    eo_op *f = eo_block_first(eo_region_first(eo_op_region(m, 0)));
    assert_non_null(f);
    for (int inplace = 0; inplace < 2; inplace++) {
        eo_memplan *p;
        uint64_t weights, io;
        assert_int_equal(eo_memplan_build_ir(f, 16, inplace, &p, &weights,
                                             &io), EO_OK);
        assert_int_equal(weights, 32);
        assert_int_equal(io, 64);
        assert_int_equal(eo_memplan_num_buffers(p), 3);  /* %0 %1 %2 */
        assert_int_equal(eo_memplan_num_ops(p), 5);
        assert_int_equal(eo_memplan_solve(p, NULL), EO_OK);
        check_plan(p);
        /* %0 lives to the mulf: with %1 at the addf, with %2 at the tanh;
         * %1 dies where %2 is born, so in place they share */
        assert_int_equal(eo_memplan_peak(p), inplace ? 64 : 96);
        eo_memplan_destroy(p);
    }
    assert_int_equal(eo_memplan_build_ir(f, 12, false, &(eo_memplan *){ 0 },
                                         NULL, NULL), EO_ERROR);
    eo_op_destroy(m);
    eo_ctx_destroy(ctx);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_optima),
        cmocka_unit_test(exact_matches_brute_force),
        cmocka_unit_test(random_dags_near_optimum),
        cmocka_unit_test(random_inplace_plans_are_valid),
        cmocka_unit_test(checker_rejects),
        cmocka_unit_test(alignment),
        cmocka_unit_test(inplace_sharing),
        cmocka_unit_test(order_search_and_errors),
        cmocka_unit_test(plan_from_ir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

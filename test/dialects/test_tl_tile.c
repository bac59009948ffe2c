/* test/dialects/test_tl_tile.c - the tile, inner tile (tile2) and
 * interchange knobs of tl-to-loops: which knobs a matmul, a strided
 * convolution and a pooling ask (and that illegal choices are not in
 * their domains; tile2 only under a tile above 2), the nest a chosen
 * assignment builds (through the knob store; two levels too), and,
 * under many random assignments, bit-identical results to the default
 * lowering by a small evaluator of the lowered loops that rounds float
 * ops to f32. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/scf/scf.h"
#include "dialects/tl/tl.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK ||
        eo_tl_register_passes(f->ctx) != EO_OK)
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

/* Parses 'text' and runs func.func(tl-to-loops) on it with 'knobs'. */
static eo_op *
lower(fixture *f, const char *text, const eo_knob_provider *knobs)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, "func.func(tl-to-loops)"),
                     EO_OK);
    assert_int_equal(eo_pm_run(pm, m, knobs), EO_OK);
    eo_pm_destroy(pm);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

typedef struct count_ud {
    const char *name;
    size_t n;
} count_ud;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    count_ud *u = ud;
    if (!strcmp(eo_op_name_str(op), u->name))
        u->n++;
    return EO_WALK_ADVANCE;
}

static size_t
count(eo_op *root, const char *name)
{
    count_ud u = {name, 0};
    eo_op_walk(root, EO_WALK_PRE, count_cb, &u);
    return u.n;
}

/* The first function of module 'm'. */
static eo_op *
first_func(eo_op *m)
{
    eo_op *fn = eo_block_first(eo_module_body(m));
    assert_non_null(fn);
    return fn;
}

#include "test/dialects/loop_eval_testlib.h"

/* Runs the (only) function of lowered module 'm' on 'bufs'. */
static void
run(eo_op *m, double **bufs, size_t nbufs)
{
    run_func(first_func(m), bufs, nbufs);
}

/* ------------------------------------------------------------------ */
/* Programs and knob providers                                         */
/* ------------------------------------------------------------------ */

/* A function of memref args; buffer i has sizes[i] elements, the last
 * one is the out. */
typedef struct program {
    const char *text;
    size_t nbufs;
    size_t sizes[3];
} program;

/* Matmul 7x10 * 10x6 (partial tiles everywhere). */
static const program matmul_prog = {
    "func.func @f(%a: memref<7x10xf32>, %b: memref<10x6xf32>, "
    "%c: memref<7x6xf32>) {\n"
    "  tl.matmul {name = \"mm\"} ins(%a, %b : memref<7x10xf32>, "
    "memref<10x6xf32>) outs(%c : memref<7x6xf32>)\n"
    "  return\n"
    "}\n",
    3, {70, 60, 42}};

/* NCHW conv, stride 2: x[1,3,9,9] * w[4,3,3,3] -> y[1,4,4,4]; loops
 * n, f, oh, ow (parallel), c, kh, kw (reductions). */
static const program conv_prog = {
    "func.func @f(%x: memref<1x3x9x9xf32>, %w: memref<4x3x3x3xf32>, "
    "%y: memref<1x4x4x4xf32>) {\n"
    "  tl.conv2d {name = \"cv\", strides = array<i64: 2, 2>} ins(%x, %w : "
    "memref<1x3x9x9xf32>, memref<4x3x3x3xf32>) "
    "outs(%y : memref<1x4x4x4xf32>)\n"
    "  return\n"
    "}\n",
    3, {243, 108, 64}};

/* Max pooling 3x2, strides 2x3: x[1,2,7,8] -> y[1,2,3,3]. */
static const program pool_prog = {
    "func.func @f(%x: memref<1x2x7x8xf32>, %y: memref<1x2x3x3xf32>) {\n"
    "  tl.pool {name = \"pl\", kind = \"max\", window = array<i64: 3, 2>, "
    "strides = array<i64: 2, 3>} ins(%x : memref<1x2x7x8xf32>) "
    "outs(%y : memref<1x2x3x3xf32>)\n"
    "  return\n"
    "}\n",
    2, {112, 18}};

/* Values that are not exact in sums, so reassociation would show. */
static void
init(double *v, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        v[i] = (double)((float)((int)((i * 37 + (size_t)seed * 11) % 101) -
                                50) / 7.0f);
}

/* Lowers 'p' with 'knobs', runs it on fresh inputs; the out (malloc'd,
 * caller frees) is returned and the module in *mod (if non-NULL). */
static double *
lower_and_run(fixture *f, const program *p, const eo_knob_provider *knobs,
              eo_op **mod)
{
    eo_op *m = lower(f, p->text, knobs);
    double *bufs[3] = {0};
    for (size_t i = 0; i < p->nbufs; i++) {
        bufs[i] = malloc(p->sizes[i] * sizeof **bufs);
        assert_non_null(bufs[i]);
        init(bufs[i], p->sizes[i], (int)i + 1);
    }
    run(m, bufs, p->nbufs);
    for (size_t i = 0; i + 1 < p->nbufs; i++)
        free(bufs[i]);
    if (mod)
        *mod = m;
    else
        eo_op_destroy(m);
    return bufs[p->nbufs - 1];
}

/* A provider answering every knob at random from its domain and
 * recording what was asked. */
typedef struct random_knobs {
    uint64_t state;
    size_t asks;
    char names[16][48];
    size_t domain_sizes[16];
    bool non_default;
    size_t asks2;           /* tile2.* knobs (not in names[]) */
    int64_t last_tile;      /* the answer to the last tile.* knob */
    bool tile2_ok;          /* each tile2 asked right after a tile > 2 */
    /* For "interchange.cv": every order keeps c, kh, kw in order. */
    bool reductions_in_order;
} random_knobs;

static uint64_t
next_random(random_knobs *r)
{
    r->state ^= r->state << 13;
    r->state ^= r->state >> 7;
    r->state ^= r->state << 17;
    return r->state;
}

/* Whether "dA" comes before "dB" in an order name like "d0,d4,d1". */
static bool
before(const char *order, const char *a, const char *b)
{
    const char *pa = strstr(order, a), *pb = strstr(order, b);
    return pa && pb && pa < pb;
}

static int64_t
random_ask(void *ud, const char *name, const eo_knob_domain *dom,
           int64_t def, const eo_op *site, const char *asker)
{
    random_knobs *r = ud;
    assert_non_null(site);
    assert_string_equal(asker, "tl-to-loops");
    /* The vectorize knob (test_tl_vectorize.c) stays at its default: the
     * evaluator here runs scalar loops only. */
    if (!strncmp(name, "vectorize.", 10))
        return def;
    assert_true(dom->kind == EO_KNOB_SET || dom->kind == EO_KNOB_ENUM);
    assert_true(dom->count > 1);
    bool inner = !strncmp(name, "tile2.", 6);
    if (inner) {
        /* Asked only under a tile above 2, with sizes below it. */
        r->asks2++;
        r->tile2_ok &= r->last_tile > 2 &&
                       dom->values[dom->count - 1] < r->last_tile;
    }
    if (!inner && r->asks < 16) {
        snprintf(r->names[r->asks], sizeof r->names[0], "%s", name);
        r->domain_sizes[r->asks] = dom->count;
    }
    r->asks += !inner;
    if (!strcmp(name, "interchange.cv"))
        for (size_t i = 0; i < dom->count; i++)
            if (!before(dom->names[i], "d4", "d5") ||
                !before(dom->names[i], "d5", "d6"))
                r->reductions_in_order = false;
    /* Half the time the default, else any value of the domain. */
    size_t k = next_random(r) % 2 ? 0 : (size_t)(next_random(r) % dom->count);
    /* An inner tile from the high bits (the low ones follow the draw
     * above too closely to reach every size). */
    if (inner)
        k = (size_t)((next_random(r) >> 32) % dom->count);
    int64_t v = dom->kind == EO_KNOB_SET ? dom->values[k] : (int64_t)k;
    if (!strncmp(name, "tile.", 5))
        r->last_tile = v;
    if (v != def)
        r->non_default = true;
    return v;
}

/* Whether knob 'name' was asked. */
static bool
asked(const random_knobs *r, const char *name)
{
    for (size_t i = 0; i < r->asks && i < 16; i++)
        if (!strcmp(r->names[i], name))
            return true;
    return false;
}

/* Lowers 'p' under 'trials' random assignments (the inner tile knobs
 * tile2.* too): each result must be bit-identical to the default
 * lowering's. Checks the asked knobs. */
static void
random_trials(fixture *f, const program *p, size_t trials,
              const char *const *want_asked, size_t nwant,
              const char *const *not_asked, size_t nnot, bool want_inner)
{
    size_t n = p->sizes[p->nbufs - 1];
    double *ref = lower_and_run(f, p, NULL, NULL);
    size_t non_default = 0, inner = 0;
    for (size_t t = 0; t < trials; t++) {
        random_knobs r = {.state = 0x9e3779b97f4a7c15ull * (t + 1),
                          .reductions_in_order = true, .tile2_ok = true};
        eo_knob_provider kp = {random_ask, &r};
        double *got = lower_and_run(f, p, &kp, NULL);
        assert_int_equal(r.asks, nwant);
        for (size_t i = 0; i < nwant; i++)
            assert_true(asked(&r, want_asked[i]));
        for (size_t i = 0; i < nnot; i++)
            assert_false(asked(&r, not_asked[i]));
        assert_true(r.reductions_in_order);
        assert_true(r.tile2_ok);
        inner += r.asks2;
        for (size_t i = 0; i < n; i++)
            assert_memory_equal(&got[i], &ref[i], sizeof *got);
        non_default += r.non_default;
        free(got);
    }
    /* Most trials chose something else than the plain nest. */
    assert_true(non_default > trials / 2);
    /* Some trials split a tile once more (where a tile exceeds 2). */
    assert_true(want_inner ? inner > 0 : inner == 0);
    free(ref);
    assert_int_equal(f->errors, 0);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_matmul_random(void **state)
{
    static const char *const want[] = {"tile.mm.0", "tile.mm.1",
                                       "tile.mm.2", "interchange.mm"};
    random_trials(*state, &matmul_prog, 40, want, 4, NULL, 0, true);
}

/* The data is such that summing k in another order changes the bits
 * (so the trials above would see a reordered reduction). */
static void
test_data_detects_reassociation(void **state)
{
    double *ref = lower_and_run(*state, &matmul_prog, NULL, NULL);
    double a[70], b[60], c[42];
    init(a, 70, 1);
    init(b, 60, 2);
    init(c, 42, 3);
    size_t differ = 0;
    for (size_t i = 0; i < 7; i++)
        for (size_t j = 0; j < 6; j++) {
            float s = (float)c[i * 6 + j];
            for (size_t k = 10; k-- > 0;)
                s += (float)a[i * 10 + k] * (float)b[k * 6 + j];
            differ += (double)s != ref[i * 6 + j];
        }
    assert_true(differ > 0);
    free(ref);
}

static void
test_conv_random(void **state)
{
    /* n has extent 1; kh and kw are reductions after c: no tile knob.
     * Extents of 4 and 3 offer tiles of 2 only: no inner tile. */
    static const char *const want[] = {"tile.cv.1", "tile.cv.2",
                                       "tile.cv.3", "tile.cv.4",
                                       "interchange.cv"};
    static const char *const not[] = {"tile.cv.0", "tile.cv.5",
                                      "tile.cv.6"};
    random_trials(*state, &conv_prog, 25, want, 5, not, 3, false);
}

static void
test_pool_random(void **state)
{
    /* Loops n, c (extent 2), oh, ow (3), kh (3), kw (2): tiles of 2
     * at most, so no inner tile. */
    static const char *const want[] = {"tile.pl.2", "tile.pl.3",
                                       "tile.pl.4", "interchange.pl"};
    static const char *const not[] = {"tile.pl.0", "tile.pl.1",
                                      "tile.pl.5"};
    random_trials(*state, &pool_prog, 25, want, 4, not, 3, false);
}

/* The domains: tile sizes and interchange orders of the matmul. */
static void
test_domains(void **state)
{
    fixture *f = *state;
    random_knobs r = {.state = 1, .reductions_in_order = true};
    eo_knob_provider kp = {random_ask, &r};
    eo_op *m = lower(f, matmul_prog.text, &kp);
    eo_op_destroy(m);
    assert_int_equal(r.asks, 4);
    /* tile.mm.0 over 7: {0, 2, 4}; .1 over 6: {0, 2, 3, 4};
     * .2 over 10: {0, 2, 4, 5, 8}; all 6 orders of 3 loops. */
    assert_string_equal(r.names[0], "tile.mm.0");
    assert_int_equal(r.domain_sizes[0], 3);
    assert_int_equal(r.domain_sizes[1], 4);
    assert_int_equal(r.domain_sizes[2], 5);
    assert_string_equal(r.names[3], "interchange.mm");
    assert_int_equal(r.domain_sizes[3], 6);
}

/* A chosen assignment through the knob store: the nest it builds, and
 * a value outside a domain is reported by the check and not used. */
static void
test_knob_store(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "tile.mm.0=4"), EO_OK);
    assert_int_equal(eo_knob_store_assign(ks, "tile.mm.2=5"), EO_OK);
    assert_int_equal(eo_knob_store_assign(ks, "interchange.mm=d2,d0,d1"),
                     EO_OK);
    eo_op *m = NULL;
    double *ref = lower_and_run(f, &matmul_prog, NULL, NULL);
    double *got = lower_and_run(f, &matmul_prog,
                                eo_knob_store_provider(ks), &m);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    /* The tile and interchange knobs, vectorize.mm (j innermost) ... */
    /* ... and tile2.mm.0 and tile2.mm.2 under the tiles of 4 and 5. */
    assert_int_equal(eo_knob_store_num_asked(ks), 7);
    /* Two tile loops and three point loops; 7 % 4 needs a clamp, 10 % 5
     * does not. */
    assert_int_equal(count(m, "scf.for"), 5);
    assert_int_equal(count(m, "arith.minsi"), 1);
    assert_int_equal(count(m, "arith.addi"), 2);
    /* The outermost loop is k's tile loop (step 5). */
    eo_op *fn = first_func(m);
    eo_op *op = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    while (op && scf_op_kind(op) != SCF_FOR)
        op = eo_op_next(op);
    assert_non_null(op);
    eo_op *step = eo_value_def_op(eo_op_operand(op, 2));
    assert_int_equal(eo_attr_int_value(eo_op_attr(step, "value")), 5);
    assert_memory_equal(got, ref, 42 * sizeof *got);
    eo_op_destroy(m);
    free(got);
    eo_knob_store_destroy(ks);

    /* 3 is not a legal tile of the 7-long loop. */
    ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "tile.mm.0=3"), EO_OK);
    m = lower(f, matmul_prog.text, eo_knob_store_provider(ks));
    assert_int_equal(count(m, "scf.for"), 3);
    assert_int_equal(eo_knob_store_check(ks), EO_ERROR);
    assert_non_null(strstr(f->last, "tile.mm.0"));
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);
    free(ref);
}

/* Two tiling levels: i (7) by 4 then 2, k (10) by 8 then 4; every
 * inner tile can be partial (7 % 4 = 3 and 10 % 8 = 2 are not whole
 * inner tiles), so each level clamps; bit-identical results. */
static void
test_two_levels(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    static const char *const a[] = {"tile.mm.0=4", "tile2.mm.0=2",
                                    "tile.mm.2=8", "tile2.mm.2=4",
                                    "interchange.mm=d2,d0,d1"};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(eo_knob_store_assign(ks, a[i]), EO_OK);
    eo_op *m = NULL;
    double *ref = lower_and_run(f, &matmul_prog, NULL, NULL);
    double *got = lower_and_run(f, &matmul_prog,
                                eo_knob_store_provider(ks), &m);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    assert_int_equal(count(m, "scf.for"), 7);
    assert_int_equal(count(m, "arith.minsi"), 4);
    assert_int_equal(count(m, "arith.addi"), 4);
    /* Outer tiles k (step 8), i (4), then inner k (4), i (2). */
    eo_op *fn = first_func(m);
    eo_op *op = eo_block_first(eo_region_first(eo_op_region(fn, 0)));
    while (op && scf_op_kind(op) != SCF_FOR)
        op = eo_op_next(op);
    static const int64_t steps[4] = {8, 4, 4, 2};
    for (size_t k = 0; k < 4; k++) {
        assert_non_null(op);
        eo_op *step = eo_value_def_op(eo_op_operand(op, 2));
        assert_int_equal(eo_attr_int_value(eo_op_attr(step, "value")),
                         steps[k]);
        op = eo_block_first(scf_for_body(op));
        while (op && scf_op_kind(op) != SCF_FOR)
            op = eo_op_next(op);
    }
    assert_memory_equal(got, ref, 42 * sizeof *got);
    eo_op_destroy(m);
    free(got);
    eo_knob_store_destroy(ks);

    /* An inner size is not asked under an untiled loop, and not above
     * the outer tile: 8 is outside tile2.mm.0's {0, 2} under 4. */
    ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "tile.mm.0=4"), EO_OK);
    assert_int_equal(eo_knob_store_assign(ks, "tile2.mm.0=8"), EO_OK);
    m = lower(f, matmul_prog.text, eo_knob_store_provider(ks));
    assert_int_equal(count(m, "scf.for"), 4);
    assert_int_equal(eo_knob_store_check(ks), EO_ERROR);
    assert_non_null(strstr(f->last, "tile2.mm.0"));
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);
    free(ref);
}

/* Dynamic extents: tile sizes up to 64, always clamped. */
static void
test_dynamic_extent(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "tile.*.0=64"), EO_OK);
    eo_op *m = lower(f,
        "func.func @f(%a: memref<?xf32>, %b: memref<?xf32>) {\n"
        "  tl.elementwise {name = \"ew\", kind = \"relu\"} "
        "ins(%a : memref<?xf32>) outs(%b : memref<?xf32>)\n"
        "  return\n"
        "}\n", eo_knob_store_provider(ks));
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    assert_int_equal(count(m, "scf.for"), 2);
    assert_int_equal(count(m, "arith.minsi"), 1);
    assert_int_equal(count(m, "memref.dim"), 1);
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);
}

/* An out that is also an in at another map (a transpose in place): the
 * iterations depend on each other, so no knob is asked. */
static void
test_self_dependent_asks_nothing(void **state)
{
    fixture *f = *state;
    random_knobs r = {.state = 7, .reductions_in_order = true};
    eo_knob_provider kp = {random_ask, &r};
    eo_op *m = lower(f,
        "#a = affine_map<(d0, d1) -> (d1, d0)>\n"
        "#b = affine_map<(d0, d1) -> (d0, d1)>\n"
        "func.func @f(%a: memref<8x8xf32>) {\n"
        "  tl.generic {indexing_maps = [#a, #b], iterator_types = "
        "[\"parallel\", \"parallel\"]} "
        "ins(%a : memref<8x8xf32>) outs(%a : memref<8x8xf32>) {\n"
        "  ^bb0(%x: f32, %y: f32):\n"
        "    tl.yield %x : f32\n"
        "  }\n"
        "  return\n"
        "}\n", &kp);
    assert_int_equal(r.asks, 0);
    assert_int_equal(count(m, "scf.for"), 2);
    eo_op_destroy(m);
}

/* Several tl ops with one site key (an ONNX node lowered to a fill and a
 * matmul): the later ones ask under "<key>.<k>". */
static void
test_shared_site_key(void **state)
{
    fixture *f = *state;
    random_knobs r = {.state = 3, .reductions_in_order = true};
    eo_knob_provider kp = {random_ask, &r};
    eo_op *m = lower(f,
        "func.func @f(%a: memref<4x8xf32>, %b: memref<8x4xf32>, "
        "%c: memref<4x4xf32>) {\n"
        "  %z = arith.constant 0.0 : f32\n"
        "  tl.fill {name = \"g\"} ins(%z : f32) outs(%c : memref<4x4xf32>)\n"
        "  tl.matmul {name = \"g\"} ins(%a, %b : memref<4x8xf32>, "
        "memref<8x4xf32>) outs(%c : memref<4x4xf32>)\n"
        "  return\n"
        "}\n", &kp);
    assert_int_equal(r.asks, 7);
    assert_true(asked(&r, "tile.g.0"));
    assert_true(asked(&r, "tile.g.1"));
    assert_true(asked(&r, "interchange.g"));
    assert_true(asked(&r, "tile.g.1.0"));
    assert_true(asked(&r, "tile.g.1.2"));
    assert_true(asked(&r, "interchange.g.1"));
    eo_op_destroy(m);
    assert_int_equal(f->errors, 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_matmul_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_data_detects_reassociation,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_conv_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pool_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domains, setup, teardown),
        cmocka_unit_test_setup_teardown(test_knob_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_levels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dynamic_extent, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_self_dependent_asks_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_shared_site_key, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_tl_vectorize.c - the vectorize knob of tl-to-loops:
 * which ops ask it (and with which domain), the loops a width builds
 * (vector loop, scalar rest, reductions), the loop analysis on its own,
 * and, under many random assignments of every tl-to-loops knob, the
 * same results as the default lowering through the reference
 * interpreter: bit-identical where the vectorized loop is parallel or
 * an exact (integer, max) reduction, within rounding for float sums. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/tl/transforms/transforms.h"
#include "dialects/tl/transforms/vectorize.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <math.h>
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

static eo_op *
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* Parses 'text' and runs func.func(tl-to-loops) on it with 'knobs'. */
static eo_op *
lower(fixture *f, const char *text, const eo_knob_provider *knobs)
{
    eo_op *m = parse(f, text);
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

static eo_op *
first_func(eo_op *m)
{
    eo_op *fn = eo_block_first(eo_module_body(m));
    assert_non_null(fn);
    return fn;
}

/* ------------------------------------------------------------------ */
/* Programs                                                            */
/* ------------------------------------------------------------------ */

/* A function of memref args, the last one the out (a zeroed
 * out-param); the ins get deterministic values. 'exact': every
 * vectorized result must be bit-identical. */
typedef struct program {
    const char *text;
    size_t nins;
    eo_dtype dt[3];
    size_t rank[3];
    int64_t shape[3][4];
    bool exact;
} program;

static const program matmul_prog = {
    "func.func @f(%a: memref<7x10xf32>, %b: memref<10x18xf32>, "
    "%c: memref<7x18xf32>) {\n"
    "  tl.matmul {name = \"mm\"} ins(%a, %b : memref<7x10xf32>, "
    "memref<10x18xf32>) outs(%c : memref<7x18xf32>)\n"
    "  return\n"
    "}\n",
    2, {EO_DT_F32, EO_DT_F32}, {2, 2}, {{7, 10}, {10, 18}}, true};

static const program relu_prog = {
    "func.func @f(%a: memref<3x37xf32>, %c: memref<3x37xf32>) {\n"
    "  tl.elementwise {kind = \"relu\", name = \"r\"} ins(%a : "
    "memref<3x37xf32>) outs(%c : memref<3x37xf32>)\n"
    "  return\n"
    "}\n",
    1, {EO_DT_F32}, {2}, {{3, 37}}, true};

static const program dot_prog = {
    "#a = affine_map<(d0, d1) -> (d0, d1)>\n"
    "#b = affine_map<(d0, d1) -> (d1)>\n"
    "#c = affine_map<(d0, d1) -> (d0)>\n"
    "func.func @f(%a: memref<5x45xf32>, %b: memref<45xf32>, "
    "%c: memref<5xf32>) {\n"
    "  tl.generic {indexing_maps = [#a, #b, #c], iterator_types = "
    "[\"parallel\", \"reduction\"], name = \"dot\"} ins(%a, %b : "
    "memref<5x45xf32>, memref<45xf32>) outs(%c : memref<5xf32>) {\n"
    "  ^bb0(%x: f32, %y: f32, %acc: f32):\n"
    "    %m = arith.mulf %x, %y : f32\n"
    "    %s = arith.addf %acc, %m : f32\n"
    "    tl.yield %s : f32\n"
    "  }\n"
    "  return\n"
    "}\n",
    2, {EO_DT_F32, EO_DT_F32}, {2, 1}, {{5, 45}, {45}}, false};

/* int8 products summed into i32: an exact integer reduction. */
static const program idot_prog = {
    "#a = affine_map<(d0, d1) -> (d0, d1)>\n"
    "#b = affine_map<(d0, d1) -> (d1)>\n"
    "#c = affine_map<(d0, d1) -> (d0)>\n"
    "func.func @f(%a: memref<4x35xi8>, %b: memref<35xi8>, "
    "%c: memref<4xi32>) {\n"
    "  tl.generic {indexing_maps = [#a, #b, #c], iterator_types = "
    "[\"parallel\", \"reduction\"], name = \"idot\"} ins(%a, %b : "
    "memref<4x35xi8>, memref<35xi8>) outs(%c : memref<4xi32>) {\n"
    "  ^bb0(%x: i8, %y: i8, %acc: i32):\n"
    "    %xe = arith.extsi %x : i8 to i32\n"
    "    %ye = arith.extsi %y : i8 to i32\n"
    "    %m = arith.muli %xe, %ye : i32\n"
    "    %s = arith.addi %acc, %m : i32\n"
    "    tl.yield %s : i32\n"
    "  }\n"
    "  return\n"
    "}\n",
    2, {EO_DT_I8, EO_DT_I8}, {2, 1}, {{4, 35}, {35}}, true};

/* Max pooling (max reductions over the window: exact). */
static const program pool_prog = {
    "func.func @f(%x: memref<1x2x7x20xf32>, %y: memref<1x2x3x9xf32>) {\n"
    "  tl.pool {name = \"pl\", kind = \"max\", window = array<i64: 3, 4>, "
    "strides = array<i64: 2, 2>} ins(%x : memref<1x2x7x20xf32>) "
    "outs(%y : memref<1x2x3x9xf32>)\n"
    "  return\n"
    "}\n",
    1, {EO_DT_F32}, {4}, {{1, 2, 7, 20}}, true};

/* NHWC depthwise convolution: vectorizable where the channels (a
 * parallel loop, unit-stride everywhere) are innermost. */
static const program dw_prog = {
    "func.func @f(%x: memref<1x6x6x19xf32>, %w: memref<3x3x19xf32>, "
    "%y: memref<1x4x4x19xf32>) {\n"
    "  tl.depthwise_conv2d {name = \"dw\", layout = \"nhwc_hwc\"} ins(%x, "
    "%w : memref<1x6x6x19xf32>, memref<3x3x19xf32>) "
    "outs(%y : memref<1x4x4x19xf32>)\n"
    "  return\n"
    "}\n",
    2, {EO_DT_F32, EO_DT_F32}, {4, 3}, {{1, 6, 6, 19}, {3, 3, 19}}, true};

static void
fill(eo_tensor *t, int seed)
{
    size_t n = (size_t)eo_tensor_numel(t);
    for (size_t i = 0; i < n; i++) {
        int v = (int)((i * 37 + (size_t)seed * 11) % 101) - 50;
        if (t->dtype == EO_DT_F32)
            ((float *)t->data)[i] = (float)v / 7.0f;
        else
            ((int8_t *)t->data)[i] = (int8_t)v;
    }
}

/* Lowers 'p' with 'knobs' and interprets it; returns the out (the
 * caller frees it with eo_tensor_free). */
static eo_tensor
lower_and_run(fixture *f, const program *p, const eo_knob_provider *knobs,
              eo_op **mod)
{
    eo_op *m = lower(f, p->text, knobs);
    eo_tensor in[3], out[2];
    for (size_t i = 0; i < p->nins; i++) {
        assert_int_equal(eo_tensor_alloc(&in[i], p->dt[i], p->rank[i],
                                         p->shape[i]),
                         EO_OK);
        fill(&in[i], (int)i + 1);
    }
    size_t nout = 2;
    assert_int_equal(eo_interp_run(first_func(m), p->nins, in, &nout, out),
                     EO_OK);
    assert_int_equal(nout, 1);
    for (size_t i = 0; i < p->nins; i++)
        eo_tensor_free(&in[i]);
    if (mod)
        *mod = m;
    else
        eo_op_destroy(m);
    return out[0];
}

/* A provider answering every knob at random from its domain (half the
 * time its default), recording the vectorize knobs asked. */
typedef struct random_knobs {
    uint64_t state;
    size_t vec_asks;
    int64_t width;            /* the last vectorize width chosen */
    bool bad_domain;
} random_knobs;

static uint64_t
next_random(random_knobs *r)
{
    r->state ^= r->state << 13;
    r->state ^= r->state >> 7;
    r->state ^= r->state << 17;
    return r->state;
}

static int64_t
random_ask(void *ud, const char *name, const eo_knob_domain *dom,
           int64_t def, const eo_op *site, const char *asker)
{
    random_knobs *r = ud;
    (void)site;
    assert_string_equal(asker, "tl-to-loops");
    size_t k = next_random(r) % 2 ? (size_t)-1
                                  : (size_t)(next_random(r) % dom->count);
    if (!strncmp(name, "vectorize.", 10)) {
        r->vec_asks++;
        r->bad_domain |= dom->kind != EO_KNOB_SET || dom->count != 4 ||
                         dom->values[0] != 1 || dom->values[1] != 4 ||
                         dom->values[2] != 8 || dom->values[3] != 16 ||
                         def != 1;
        /* Mostly vectorized: that is what is under test here. */
        k = (size_t)(next_random(r) % 4);
        if (k == 0)
            k = 1 + (size_t)(next_random(r) % 3);
        r->width = dom->values[k];
        return dom->values[k];
    }
    /* The depthwise convolution vectorizes with c (d3) innermost: one
     * order of many, chosen half the time. */
    if (!strcmp(name, "interchange.dw") && next_random(r) % 2)
        for (size_t i = 0; i < dom->count; i++)
            if (strstr(dom->names[i], ",d3") &&
                !strcmp(strstr(dom->names[i], ",d3"), ",d3"))
                k = i;
    if (k == (size_t)-1)
        return def;
    return dom->kind == EO_KNOB_SET ? dom->values[k] : (int64_t)k;
}

/* Float results within rounding of a reassociated sum. */
static bool
close_enough(const eo_tensor *a, const eo_tensor *b)
{
    size_t n = (size_t)eo_tensor_numel(a);
    for (size_t i = 0; i < n; i++) {
        double x = ((const float *)a->data)[i];
        double y = ((const float *)b->data)[i];
        if (fabs(x - y) > 1e-5 * (1 + fabs(y)))
            return false;
    }
    return true;
}

/* 'trials' random assignments of 'p', each compared with the default
 * lowering; returns how many trials vectorized something. */
static size_t
random_trials(fixture *f, const program *p, size_t trials)
{
    eo_tensor ref = lower_and_run(f, p, NULL, NULL);
    size_t vectorized = 0;
    for (size_t t = 0; t < trials; t++) {
        random_knobs r = {.state = 0x9e3779b97f4a7c15ull * (t + 7)};
        eo_knob_provider kp = {random_ask, &r};
        eo_op *m = NULL;
        eo_tensor got = lower_and_run(f, p, &kp, &m);
        assert_false(r.bad_domain);
        size_t nvec = count(m, "vector.load") + count(m, "vector.store");
        assert_true(nvec > 0 || r.vec_asks == 0);
        vectorized += nvec > 0;
        assert_int_equal(got.nbytes, ref.nbytes);
        if (p->exact)
            assert_memory_equal(got.data, ref.data, ref.nbytes);
        else
            assert_true(close_enough(&got, &ref));
        eo_tensor_free(&got);
        eo_op_destroy(m);
    }
    eo_tensor_free(&ref);
    assert_int_equal(f->errors, 0);
    return vectorized;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_matmul_random(void **state)
{
    /* Vectorizable only in the orders that put j (d1) innermost. */
    size_t v = random_trials(*state, &matmul_prog, 30);
    assert_true(v > 0 && v < 30);
}

static void
test_relu_random(void **state)
{
    assert_true(random_trials(*state, &relu_prog, 20) > 0);
}

static void
test_dot_random(void **state)
{
    assert_true(random_trials(*state, &dot_prog, 20) > 0);
}

static void
test_int_dot_random(void **state)
{
    assert_true(random_trials(*state, &idot_prog, 20) > 0);
}

static void
test_pool_random(void **state)
{
    assert_true(random_trials(*state, &pool_prog, 20) > 0);
}

static void
test_depthwise_random(void **state)
{
    assert_true(random_trials(*state, &dw_prog, 20) > 0);
}

/* The loops of chosen widths, through the knob store. */
static void
test_structure(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "vectorize.r=4"), EO_OK);
    eo_op *m = lower(f, relu_prog.text, eo_knob_store_provider(ks));
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    /* 37 = 9 * 4 + 1: the row loop, the vector loop, the scalar rest. */
    assert_int_equal(count(m, "scf.for"), 3);
    assert_int_equal(count(m, "vector.load"), 1);
    assert_int_equal(count(m, "vector.store"), 1);
    assert_int_equal(count(m, "vector.broadcast"), 1);
    assert_int_equal(count(m, "memref.load"), 1);
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);

    /* 35 = 2 * 16 + 3: one accumulator, a vector.reduction, the rest. */
    ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "vectorize.idot=16"), EO_OK);
    m = lower(f, idot_prog.text, eo_knob_store_provider(ks));
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    assert_int_equal(count(m, "scf.for"), 3);
    assert_int_equal(count(m, "vector.reduction"), 1);
    assert_int_equal(count(m, "arith.extsi"), 4);
    assert_int_equal(count(m, "vector.fma"), 0);
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);

    /* The float dot fuses its product into vector.fma; 45 = 5 * 8 + 5. */
    ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "vectorize.dot=8"), EO_OK);
    m = lower(f, dot_prog.text, eo_knob_store_provider(ks));
    assert_int_equal(count(m, "vector.fma"), 1);
    assert_int_equal(count(m, "arith.mulf"), 1);   /* the scalar rest */
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);
    assert_int_equal(f->errors, 0);
}

/* The matmul in its default order reads B with stride 18 along k: no
 * vectorize knob; with j innermost it has one. */
static void
test_domain(void **state)
{
    fixture *f = *state;
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    eo_op *m = lower(f, matmul_prog.text, eo_knob_store_provider(ks));
    eo_strbuf space = {0};
    eo_knob_store_space_json(ks, &space);
    assert_non_null(space.data);
    assert_null(strstr(space.data, "vectorize."));
    eo_strbuf_free(&space);
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);

    ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    assert_int_equal(eo_knob_store_assign(ks, "interchange.mm=d0,d2,d1"),
                     EO_OK);
    m = lower(f, matmul_prog.text, eo_knob_store_provider(ks));
    eo_knob_store_space_json(ks, &space);
    assert_non_null(strstr(space.data, "\"vectorize.mm\""));
    assert_non_null(strstr(space.data, "[1, 4, 8, 16]"));
    eo_strbuf_free(&space);
    eo_op_destroy(m);
    eo_knob_store_destroy(ks);

    /* Without a provider nothing is asked or vectorized. */
    m = lower(f, relu_prog.text, NULL);
    assert_int_equal(count(m, "vector.load"), 0);
    eo_op_destroy(m);
}

/* The analysis on hand-written loops, and the rewrite's refusal. */
static const char loops_text[] =
    "func.func @f(%a: memref<16xf32>, %b: memref<32xf32>, "
    "%c: memref<16xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c2 = arith.constant 2 : index\n"
    "  %c16 = arith.constant 16 : index\n"
    /* unit stride, with index arithmetic: vectorizable */
    "  scf.for %i = %c0 to %c16 step %c1 {\n"
    "    %j = arith.addi %i, %c0 : index\n"
    "    %x = memref.load %a[%j] : memref<16xf32>\n"
    "    %y = arith.negf %x : f32\n"
    "    memref.store %y, %c[%i] : memref<16xf32>\n"
    "  }\n"
    /* a load with stride 2: not */
    "  scf.for %i = %c0 to %c16 step %c1 {\n"
    "    %j = arith.muli %i, %c2 : index\n"
    "    %x = memref.load %b[%j] : memref<32xf32>\n"
    "    memref.store %x, %c[%i] : memref<16xf32>\n"
    "  }\n"
    /* a store of one element, not a reduction: not */
    "  scf.for %i = %c0 to %c16 step %c1 {\n"
    "    %x = memref.load %a[%i] : memref<16xf32>\n"
    "    memref.store %x, %c[%c0] : memref<16xf32>\n"
    "  }\n"
    /* a read of the stored memref elsewhere (a recurrence): not */
    "  scf.for %i = %c1 to %c16 step %c1 {\n"
    "    %p = arith.subi %i, %c1 : index\n"
    "    %x = memref.load %c[%p] : memref<16xf32>\n"
    "    memref.store %x, %c[%i] : memref<16xf32>\n"
    "  }\n"
    /* index data (the iv converted to a float): not */
    "  scf.for %i = %c0 to %c16 step %c1 {\n"
    "    %k = arith.index_cast %i : index to i32\n"
    "    %x = arith.sitofp %k : i32 to f32\n"
    "    memref.store %x, %c[%i] : memref<16xf32>\n"
    "  }\n"
    "  return\n"
    "}\n";

static eo_value *
make_const(void *ud, int64_t v)
{
    eo_builder *b = ud;
    eo_ctx *ctx = b->ctx;
    const eo_type *index = eo_type_get_index(ctx);
    eo_named_attr a = {eo_ident_get(ctx, "value", 5),
                       eo_attr_get_int(ctx, index, v)};
    eo_op *op = eo_builder_create(b, "arith.constant", 0, NULL, 1, &index,
                                  1, &a);
    return op ? eo_op_result(op, 0) : NULL;
}

static void
test_analysis(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, loops_text);
    eo_op *fn = first_func(m);
    eo_block *body = eo_region_first(eo_op_region(fn, 0));
    eo_op *loops[5];
    size_t n = 0;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        if (!strcmp(eo_op_name_str(op), "scf.for") && n < 5)
            loops[n++] = op;
    assert_int_equal(n, 5);
    assert_true(eo_tl_loop_vectorizable(loops[0]));
    for (size_t i = 1; i < 5; i++)
        assert_false(eo_tl_loop_vectorizable(loops[i]));
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_before(&b, loops[0]);
    /* Width 1 is a no-op; a loop that does not qualify is an error. */
    assert_int_equal(eo_tl_vectorize_loop(loops[1], 1, make_const, &b),
                     EO_OK);
    assert_int_equal(eo_tl_vectorize_loop(loops[1], 4, make_const, &b),
                     EO_ERROR);
    assert_non_null(strstr(f->last, "cannot vectorize"));
    f->errors = 0;
    /* 16 = 2 * 8: the scalar loop goes away. */
    assert_int_equal(eo_tl_vectorize_loop(loops[0], 8, make_const, &b),
                     EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(count(m, "scf.for"), 5);
    assert_int_equal(count(m, "vector.load"), 1);
    assert_int_equal(count(m, "arith.negf"), 1);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_matmul_random, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_relu_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dot_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int_dot_random, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_pool_random, setup, teardown),
        cmocka_unit_test_setup_teardown(test_depthwise_random, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_structure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_analysis, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

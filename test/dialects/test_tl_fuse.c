/* test/dialects/test_tl_fuse.c - the tl-fuse pass (tile-and-fuse on
 * buffers): which edges ask a knob, the structure of a fused edge, and
 * results bit-identical to the unfused lowering (both lowered with
 * tl-to-loops and run by the loop interpreter on random inputs) for a
 * conv + bias + relu + pool chain in NCHW (channel tiles) and NHWC (row
 * tiles with a recomputed halo), a conv consuming a conv, a padded
 * depthwise convolution taking its padding, and an elementwise chain;
 * together with the tile, interchange and vectorize knobs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
} fixture;

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

/* A knob provider: tl-fuse knobs answer 'fuse', others given values by
 * name prefix (tile / interchange / vectorize: the last value of the
 * domain), and the tl-fuse names asked are counted. */
typedef struct prov {
    bool fuse;
    bool others;              /* non-default tile/vectorize choices */
    size_t asked;
    char first[256];
} prov;

static int64_t
ask(void *ud, const char *name, const eo_knob_domain *dom, int64_t def,
    const eo_op *site, const char *asker)
{
    (void)site;
    (void)asker;
    prov *p = ud;
    if (!strncmp(name, "tl-fuse.", 8)) {
        if (!p->asked++)
            snprintf(p->first, sizeof p->first, "%s", name);
        return p->fuse;
    }
    if (p->others && dom->kind == EO_KNOB_SET && dom->count > 1)
        return dom->values[1];
    return def;
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

/* Parses 'text' and runs 'pipeline' on it with provider 'p'. */
static eo_op *
run_pipeline(fixture *f, const char *text, const char *pipeline, prov *p)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, pipeline), EO_OK);
    eo_knob_provider kp = {ask, p};
    assert_int_equal(eo_pm_run(pm, m, &kp), EO_OK);
    eo_pm_destroy(pm);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* Runs the function of 'm' on 'nin' random f32 inputs (seeded), its
 * out-param being the last argument; returns the output (caller frees
 * with eo_tensor_free). */
static void
interp(eo_op *m, size_t nin, unsigned seed, eo_tensor *out)
{
    eo_op *fn = eo_block_first(eo_module_body(m));
    eo_block *body = eo_region_first(eo_op_region(fn, 0));
    eo_tensor in[4];
    assert_true(nin <= 4);
    srand(seed);
    for (size_t i = 0; i < nin; i++) {
        const eo_type *t = eo_value_type(eo_block_arg(body, i));
        assert_int_equal(eo_tensor_alloc(&in[i], EO_DT_F32, eo_type_rank(t),
                                         eo_type_shape(t)), EO_OK);
        float *d = in[i].data;
        for (int64_t k = 0; k < eo_tensor_numel(&in[i]); k++)
            d[k] = (float)(rand() % 2001 - 1000) / 517.0f;
    }
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, nin, in, &nout, out), EO_OK);
    assert_int_equal(nout, 1);
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
}

/* Lowers 'text' unfused and fused (with the other knobs at 'others'),
 * checks bit-identical outputs and returns the fused module's number of
 * tl-fuse knobs asked; *loops gets the scf.for count of the fused
 * module before tl-to-loops. */
static size_t
check_same(fixture *f, const char *text, size_t nin, bool others,
           size_t *fused_loops)
{
    prov pu = {.fuse = false, .others = others};
    prov pf = {.fuse = true, .others = others};
    eo_op *mu = run_pipeline(f, text, "func.func(tl-fuse,tl-to-loops)", &pu);
    eo_op *mm = run_pipeline(f, text, "func.func(tl-fuse)", &pf);
    *fused_loops = count(mm, "scf.for");
    eo_op_destroy(mm);
    prov pf2 = {.fuse = true, .others = others};
    eo_op *mf = run_pipeline(f, text, "func.func(tl-fuse,tl-to-loops)",
                             &pf2);
    assert_int_equal(count(mf, "tl.conv2d") + count(mf, "tl.generic") +
                     count(mf, "tl.pool"), 0);
    for (unsigned seed = 1; seed <= 2; seed++) {
        eo_tensor a, b;
        interp(mu, nin, seed, &a);
        interp(mf, nin, seed, &b);
        assert_int_equal(a.nbytes, b.nbytes);
        assert_memory_equal(a.data, b.data, a.nbytes);
        eo_tensor_free(&a);
        eo_tensor_free(&b);
    }
    assert_int_equal(pu.asked, pf.asked);
    eo_op_destroy(mu);
    eo_op_destroy(mf);
    return pf.asked;
}

#define MAPS4                                                           \
    "#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>\n"           \
    "#ch = affine_map<(d0, d1, d2, d3) -> (d1)>\n"                      \
    "#cl = affine_map<(d0, d1, d2, d3) -> (d3)>\n"

/* NCHW: bias broadcast, conv 3x3, relu in place, max pool 2x2 / 2. */
static const char *nchw_text =
    MAPS4
    "func.func @f(%x: memref<1x2x10x10xf32>, %w: memref<3x2x3x3xf32>,"
    " %b: memref<3xf32>, %y: memref<1x3x4x4xf32>) {\n"
    "  %t = memref.alloc() : memref<1x3x8x8xf32>\n"
    "  tl.generic {indexing_maps = [#ch, #id], iterator_types = "
    "[\"parallel\", \"parallel\", \"parallel\", \"parallel\"], name = "
    "\"conv\"} ins(%b : memref<3xf32>) outs(%t : memref<1x3x8x8xf32>) {\n"
    "  ^bb0(%v: f32, %o: f32):\n"
    "    tl.yield %v : f32\n"
    "  }\n"
    "  tl.conv2d {name = \"conv\"} ins(%x, %w : memref<1x2x10x10xf32>, "
    "memref<3x2x3x3xf32>) outs(%t : memref<1x3x8x8xf32>)\n"
    "  tl.elementwise {kind = \"relu\", name = \"conv\"} ins(%t : "
    "memref<1x3x8x8xf32>) outs(%t : memref<1x3x8x8xf32>)\n"
    "  %ninf = arith.constant 0xFF800000 : f32\n"
    "  tl.fill ins(%ninf : f32) outs(%y : memref<1x3x4x4xf32>)\n"
    "  tl.pool {kind = \"max\", window = array<i64: 2, 2>, strides = "
    "array<i64: 2, 2>, name = \"pool\"} ins(%t : memref<1x3x8x8xf32>) "
    "outs(%y : memref<1x3x4x4xf32>)\n"
    "  memref.dealloc %t : memref<1x3x8x8xf32>\n"
    "  return\n"
    "}\n";

/* NHWC: conv 3x3 + bias + relu, avg pool 3x3 / 2 (rows overlap: the
 * halo row is recomputed). */
static const char *nhwc_text =
    MAPS4
    "func.func @f(%x: memref<1x11x9x2xf32>, %w: memref<3x3x2x4xf32>,"
    " %b: memref<4xf32>, %y: memref<1x4x3x4xf32>) {\n"
    "  %t = memref.alloc() : memref<1x9x7x4xf32>\n"
    "  tl.generic {indexing_maps = [#cl, #id], iterator_types = "
    "[\"parallel\", \"parallel\", \"parallel\", \"parallel\"], name = "
    "\"conv\"} ins(%b : memref<4xf32>) outs(%t : memref<1x9x7x4xf32>) {\n"
    "  ^bb0(%v: f32, %o: f32):\n"
    "    tl.yield %v : f32\n"
    "  }\n"
    "  tl.conv2d {layout = \"nhwc_hwcf\", name = \"conv\"} ins(%x, %w : "
    "memref<1x11x9x2xf32>, memref<3x3x2x4xf32>) outs(%t : "
    "memref<1x9x7x4xf32>)\n"
    "  tl.elementwise {kind = \"relu\", name = \"conv\"} ins(%t : "
    "memref<1x9x7x4xf32>) outs(%t : memref<1x9x7x4xf32>)\n"
    "  tl.pool {kind = \"avg\", layout = \"nhwc\", window = array<i64: 3, "
    "3>, strides = array<i64: 2, 2>, name = \"pool\"} ins(%t : "
    "memref<1x9x7x4xf32>) outs(%y : memref<1x4x3x4xf32>)\n"
    "  memref.dealloc %t : memref<1x9x7x4xf32>\n"
    "  return\n"
    "}\n";

/* A 3x3 conv consuming a 3x3 conv (NHWC, halo of 2 rows: tiles of 2). */
static const char *conv_conv_text =
    "func.func @f(%x: memref<1x10x6x2xf32>, %w: memref<3x3x2x3xf32>,"
    " %v: memref<3x3x3x2xf32>, %y: memref<1x6x2x2xf32>) {\n"
    "  %t = memref.alloc() : memref<1x8x4x3xf32>\n"
    "  %z = arith.constant 0.0 : f32\n"
    "  tl.fill ins(%z : f32) outs(%t : memref<1x8x4x3xf32>)\n"
    "  tl.conv2d {layout = \"nhwc_hwcf\", name = \"c1\"} ins(%x, %w : "
    "memref<1x10x6x2xf32>, memref<3x3x2x3xf32>) outs(%t : "
    "memref<1x8x4x3xf32>)\n"
    "  tl.conv2d {layout = \"nhwc_hwcf\", name = \"c2\"} ins(%t, %v : "
    "memref<1x8x4x3xf32>, memref<3x3x3x2xf32>) outs(%y : "
    "memref<1x6x2x2xf32>)\n"
    "  memref.dealloc %t : memref<1x8x4x3xf32>\n"
    "  return\n"
    "}\n";

/* The padding of a depthwise convolution (fill + copy into the interior,
 * as tl-bufferize writes it) computed per channel. */
static const char *pad_text =
    "func.func @f(%x: memref<1x3x5x4xf32>, %w: memref<3x3x3xf32>,"
    " %y: memref<1x3x5x4xf32>) {\n"
    "  %p = memref.alloc() : memref<1x3x7x6xf32>\n"
    "  %z = arith.constant 0.0 : f32\n"
    "  tl.fill ins(%z : f32) outs(%p : memref<1x3x7x6xf32>)\n"
    "  %s = memref.subview %p[0, 0, 1, 1] [1, 3, 5, 4] [1, 1, 1, 1] : "
    "memref<1x3x7x6xf32> to memref<1x3x5x4xf32, strided<[126, 42, 6, 1], "
    "offset: 7>>\n"
    "  tl.copy {name = \"pad\"} ins(%x : memref<1x3x5x4xf32>) outs(%s : "
    "memref<1x3x5x4xf32, strided<[126, 42, 6, 1], offset: 7>>)\n"
    "  tl.depthwise_conv2d {name = \"dw\"} ins(%p, %w : "
    "memref<1x3x7x6xf32>, memref<3x3x3xf32>) outs(%y : "
    "memref<1x3x5x4xf32>)\n"
    "  memref.dealloc %p : memref<1x3x7x6xf32>\n"
    "  return\n"
    "}\n";

/* exp, then add with another input: one row of exp per tile. */
static const char *ew_text =
    "func.func @f(%a: memref<6x8xf32>, %b: memref<6x8xf32>, "
    "%y: memref<6x8xf32>) {\n"
    "  %t = memref.alloc() : memref<6x8xf32>\n"
    "  tl.elementwise {kind = \"exp\", name = \"e\"} ins(%a : "
    "memref<6x8xf32>) outs(%t : memref<6x8xf32>)\n"
    "  tl.elementwise {kind = \"add\", name = \"s\"} ins(%t, %b : "
    "memref<6x8xf32>, memref<6x8xf32>) outs(%y : memref<6x8xf32>)\n"
    "  memref.dealloc %t : memref<6x8xf32>\n"
    "  return\n"
    "}\n";

/* The intermediate read twice: no knob. */
static const char *two_readers_text =
    "func.func @f(%a: memref<6x8xf32>, %y: memref<6x8xf32>, "
    "%u: memref<6x8xf32>) {\n"
    "  %t = memref.alloc() : memref<6x8xf32>\n"
    "  tl.elementwise {kind = \"exp\", name = \"e\"} ins(%a : "
    "memref<6x8xf32>) outs(%t : memref<6x8xf32>)\n"
    "  tl.elementwise {kind = \"relu\", name = \"r\"} ins(%t : "
    "memref<6x8xf32>) outs(%y : memref<6x8xf32>)\n"
    "  tl.elementwise {kind = \"neg\", name = \"n\"} ins(%t : "
    "memref<6x8xf32>) outs(%u : memref<6x8xf32>)\n"
    "  memref.dealloc %t : memref<6x8xf32>\n"
    "  return\n"
    "}\n";

static void
test_nchw_chain(void **state)
{
    fixture *f = *state;
    size_t loops = 0;
    assert_int_equal(check_same(f, nchw_text, 3, false, &loops), 1);
    assert_int_equal(loops, 1);
    assert_int_equal(check_same(f, nchw_text, 3, true, &loops), 1);
    /* The knob's name and the tile buffer: one channel. */
    prov p = {.fuse = true};
    eo_op *m = run_pipeline(f, nchw_text, "func.func(tl-fuse)", &p);
    assert_string_equal(p.first, "tl-fuse.pool.conv");
    eo_strbuf sb = {0};
    eo_op_print_to(m, NULL, &sb);
    assert_non_null(strstr(sb.data, "memref.alloc() : memref<1x1x8x8xf32>"));
    assert_null(strstr(sb.data, "memref<1x3x8x8xf32>"));
    eo_strbuf_free(&sb);
    eo_op_destroy(m);
}

static void
test_nhwc_halo(void **state)
{
    fixture *f = *state;
    size_t loops = 0;
    assert_int_equal(check_same(f, nhwc_text, 3, false, &loops), 1);
    assert_int_equal(check_same(f, nhwc_text, 3, true, &loops), 1);
    prov p = {.fuse = true};
    eo_op *m = run_pipeline(f, nhwc_text, "func.func(tl-fuse)", &p);
    eo_strbuf sb = {0};
    eo_op_print_to(m, NULL, &sb);
    /* Rows 2t .. 2t + 2 of the conv per output row of the pool. */
    assert_non_null(strstr(sb.data, "memref.alloc() : memref<1x3x7x4xf32>"));
    eo_strbuf_free(&sb);
    eo_op_destroy(m);
}

static void
test_conv_conv(void **state)
{
    fixture *f = *state;
    size_t loops = 0;
    assert_int_equal(check_same(f, conv_conv_text, 3, false, &loops), 1);
    assert_int_equal(check_same(f, conv_conv_text, 3, true, &loops), 1);
    prov p = {.fuse = true};
    eo_op *m = run_pipeline(f, conv_conv_text, "func.func(tl-fuse)", &p);
    eo_strbuf sb = {0};
    eo_op_print_to(m, NULL, &sb);
    /* Tiles of 2 output rows need 4 rows of the first conv. */
    assert_non_null(strstr(sb.data, "memref.alloc() : memref<1x4x4x3xf32>"));
    eo_strbuf_free(&sb);
    eo_op_destroy(m);
}

static void
test_pad(void **state)
{
    fixture *f = *state;
    size_t loops = 0;
    assert_int_equal(check_same(f, pad_text, 2, false, &loops), 1);
    assert_int_equal(check_same(f, pad_text, 2, true, &loops), 1);
    prov p = {.fuse = true};
    eo_op *m = run_pipeline(f, pad_text, "func.func(tl-fuse)", &p);
    assert_string_equal(p.first, "tl-fuse.dw.pad");
    eo_strbuf sb = {0};
    eo_op_print_to(m, NULL, &sb);
    assert_non_null(strstr(sb.data, "memref.alloc() : memref<1x1x7x6xf32>"));
    eo_strbuf_free(&sb);
    eo_op_destroy(m);
}

static void
test_elementwise(void **state)
{
    fixture *f = *state;
    size_t loops = 0;
    assert_int_equal(check_same(f, ew_text, 2, false, &loops), 1);
    assert_int_equal(check_same(f, ew_text, 2, true, &loops), 1);
}

static void
test_illegal(void **state)
{
    fixture *f = *state;
    prov p = {.fuse = true};
    eo_op *m = run_pipeline(f, two_readers_text, "func.func(tl-fuse)", &p);
    assert_int_equal(p.asked, 0);
    assert_int_equal(count(m, "scf.for"), 0);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_nchw_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nhwc_halo, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conv_conv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pad, setup, teardown),
        cmocka_unit_test_setup_teardown(test_elementwise, setup, teardown),
        cmocka_unit_test_setup_teardown(test_illegal, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

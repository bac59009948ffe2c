/* test/dialects/test_tl_fuse_ew.c - the knobs tl-fuse asks under a fused
 * edge: tl-fuse-ew.<c>.<p> merges an elementwise producer chain into its
 * elementwise consumer (one tl.generic, no intermediate buffer, again
 * and again along add -> relu -> clip), tl-fuse-tile.<c>.<p> sets the
 * tile size of a tile-fused loop; and the unique site keys of unnamed
 * ops. Results are bit-identical to the unfused lowering (both lowered
 * with tl-to-loops and run by the loop interpreter on random inputs). */
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

/* Answers tl-fuse knobs 'fuse', tl-fuse-ew knobs 'merge', tl-fuse-tile
 * knobs 'tile' (when in the domain), others their default; records the
 * names asked. */
typedef struct prov {
    bool fuse, merge;
    int64_t tile;
    size_t asked;
    char names[16][96];
    size_t tile_count;      /* domain size of the last tl-fuse-tile */
} prov;

static int64_t
ask(void *ud, const char *name, const eo_knob_domain *dom, int64_t def,
    const eo_op *site, const char *asker)
{
    prov *p = ud;
    assert_non_null(site);
    (void)asker;
    if (p->asked < 16)
        snprintf(p->names[p->asked], sizeof p->names[0], "%s", name);
    p->asked++;
    if (!strncmp(name, "tl-fuse.", 8))
        return p->fuse;
    if (!strncmp(name, "tl-fuse-ew.", 11))
        return p->merge;
    if (!strncmp(name, "tl-fuse-tile.", 13)) {
        p->tile_count = dom->count;
        for (size_t k = 0; k < dom->count; k++)
            if (dom->values[k] == p->tile)
                return p->tile;
    }
    return def;
}

static bool
asked(const prov *p, const char *name)
{
    for (size_t i = 0; i < p->asked && i < 16; i++)
        if (!strcmp(p->names[i], name))
            return true;
    return false;
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

/* Parses 'text' and runs 'pipeline' on it with provider 'p' (may be
 * NULL: defaults). */
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
    assert_int_equal(eo_pm_run(pm, m, p ? &kp : NULL), EO_OK);
    eo_pm_destroy(pm);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* Runs the function of lowered 'm' on random f32 inputs (seeded) for
 * its first 'nin' arguments, the rest being out-params (zeroed by the
 * interpreter); the first out in *out (free with eo_tensor_free). */
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
            d[k] = (float)(rand() % 2001 - 1000) / 97.0f;
    }
    eo_tensor res[4];
    size_t nout = 4;
    assert_int_equal(eo_interp_run(fn, nin, in, &nout, res), EO_OK);
    assert_true(nout >= 1);
    *out = res[0];
    for (size_t i = 1; i < nout; i++)
        eo_tensor_free(&res[i]);
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
}

/* Lowers 'text' unfused and with 'p', runs both on two random inputs:
 * bit-identical outs. */
static void
check_same(fixture *f, const char *text, size_t nin, prov *p)
{
    eo_op *mu = run_pipeline(f, text, "func.func(tl-to-loops)", NULL);
    eo_op *mf = run_pipeline(f, text, "func.func(tl-fuse,tl-to-loops)", p);
    for (unsigned seed = 1; seed <= 2; seed++) {
        eo_tensor a, b;
        interp(mu, nin, seed, &a);
        interp(mf, nin, seed, &b);
        assert_int_equal(a.nbytes, b.nbytes);
        assert_memory_equal(a.data, b.data, a.nbytes);
        eo_tensor_free(&a);
        eo_tensor_free(&b);
    }
    eo_op_destroy(mu);
    eo_op_destroy(mf);
}

/* add -> relu -> clip, each into its own buffer. */
static const char *chain_text =
    "#id = affine_map<(d0, d1) -> (d0, d1)>\n"
    "func.func @f(%a: memref<4x8xf32>, %b: memref<4x8xf32>, "
    "%y: memref<4x8xf32>) {\n"
    "  %t0 = memref.alloc() : memref<4x8xf32>\n"
    "  tl.elementwise {kind = \"add\", name = \"add\"} ins(%a, %b : "
    "memref<4x8xf32>, memref<4x8xf32>) outs(%t0 : memref<4x8xf32>)\n"
    "  %t1 = memref.alloc() : memref<4x8xf32>\n"
    "  tl.elementwise {kind = \"relu\", name = \"relu\"} ins(%t0 : "
    "memref<4x8xf32>) outs(%t1 : memref<4x8xf32>)\n"
    "  memref.dealloc %t0 : memref<4x8xf32>\n"
    "  tl.generic {indexing_maps = [#id, #id], iterator_types = "
    "[\"parallel\", \"parallel\"], name = \"clip\"} ins(%t1 : "
    "memref<4x8xf32>) outs(%y : memref<4x8xf32>) {\n"
    "  ^bb0(%v: f32, %o: f32):\n"
    "    %c = arith.constant 6.0 : f32\n"
    "    %r = arith.minimumf %v, %c : f32\n"
    "    tl.yield %r : f32\n"
    "  }\n"
    "  memref.dealloc %t1 : memref<4x8xf32>\n"
    "  return\n"
    "}\n";

static void
test_chain_merged(void **state)
{
    fixture *f = *state;
    prov p = {.fuse = true, .merge = true};
    eo_op *m = run_pipeline(f, chain_text, "func.func(tl-fuse)", &p);
    /* One op, named as the consumer, on the function's buffers only. */
    assert_int_equal(count(m, "tl.generic"), 1);
    assert_int_equal(count(m, "tl.elementwise"), 0);
    assert_int_equal(count(m, "memref.alloc"), 0);
    assert_int_equal(count(m, "memref.dealloc"), 0);
    assert_int_equal(count(m, "scf.for"), 0);
    assert_true(asked(&p, "tl-fuse.clip.relu"));
    assert_true(asked(&p, "tl-fuse-ew.clip.relu"));
    assert_true(asked(&p, "tl-fuse.clip.add"));
    assert_true(asked(&p, "tl-fuse-ew.clip.add"));
    /* A merged edge asks no tile size. */
    assert_int_equal(p.asked, 4);
    eo_op_destroy(m);
    prov q = {.fuse = true, .merge = true};
    check_same(f, chain_text, 2, &q);
}

/* Without tl-fuse-ew, the edge is tile-fused: its tile size is asked,
 * {1, 2} for 4 rows, and a tile of 2 rows gives the same results. */
static void
test_fused_tile_size(void **state)
{
    fixture *f = *state;
    prov p = {.fuse = true, .merge = false, .tile = 2};
    eo_op *m = run_pipeline(f, chain_text, "func.func(tl-fuse)", &p);
    assert_true(asked(&p, "tl-fuse-tile.clip.relu"));
    assert_int_equal(p.tile_count, 2);
    assert_int_equal(count(m, "scf.for"), 1);
    eo_strbuf sb = {0};
    eo_op_print_to(m, NULL, &sb);
    assert_non_null(strstr(sb.data, "memref.alloc() : memref<2x8xf32>"));
    eo_strbuf_free(&sb);
    eo_op_destroy(m);
    for (int64_t t = 1; t <= 2; t++) {
        prov q = {.fuse = true, .tile = t};
        check_same(f, chain_text, 2, &q);
    }
    /* With no edge fused, only the two edges' tl-fuse knobs are asked. */
    prov off = {0};
    m = run_pipeline(f, chain_text, "func.func(tl-fuse)", &off);
    assert_int_equal(off.asked, 2);
    assert_true(asked(&off, "tl-fuse.clip.relu"));
    assert_true(asked(&off, "tl-fuse.relu.add"));
    eo_op_destroy(m);
}

/* The consumer writes a buffer the chain reads, at the same element: the
 * merge stays elementwise and exact. */
static const char *in_place_text =
    "func.func @f(%a: memref<3x5xf32>, %b: memref<3x5xf32>) {\n"
    "  %t = memref.alloc() : memref<3x5xf32>\n"
    "  tl.elementwise {kind = \"mul\", name = \"mul\"} ins(%a, %b : "
    "memref<3x5xf32>, memref<3x5xf32>) outs(%t : memref<3x5xf32>)\n"
    "  tl.elementwise {kind = \"sub\", name = \"sub\"} ins(%t, %b : "
    "memref<3x5xf32>, memref<3x5xf32>) outs(%b : memref<3x5xf32>)\n"
    "  memref.dealloc %t : memref<3x5xf32>\n"
    "  return\n"
    "}\n";

static void
test_in_place(void **state)
{
    fixture *f = *state;
    prov p = {.fuse = true, .merge = true};
    eo_op *m = run_pipeline(f, in_place_text, "func.func(tl-fuse)", &p);
    assert_true(asked(&p, "tl-fuse-ew.sub.mul"));
    assert_int_equal(count(m, "tl.generic"), 1);
    assert_int_equal(count(m, "memref.alloc"), 0);
    eo_op_destroy(m);
}

/* A consumer reading the intermediate transposed is not elementwise:
 * tile-fused only (tl-fuse-ew is not asked). */
static const char *transposed_text =
    "#id = affine_map<(d0, d1) -> (d0, d1)>\n"
    "#tr = affine_map<(d0, d1) -> (d1, d0)>\n"
    "func.func @f(%a: memref<4x4xf32>, %y: memref<4x4xf32>) {\n"
    "  %t = memref.alloc() : memref<4x4xf32>\n"
    "  tl.elementwise {kind = \"neg\", name = \"neg\"} ins(%a : "
    "memref<4x4xf32>) outs(%t : memref<4x4xf32>)\n"
    "  tl.generic {indexing_maps = [#tr, #id], iterator_types = "
    "[\"parallel\", \"parallel\"], name = \"tr\"} ins(%t : "
    "memref<4x4xf32>) outs(%y : memref<4x4xf32>) {\n"
    "  ^bb0(%v: f32, %o: f32):\n"
    "    tl.yield %v : f32\n"
    "  }\n"
    "  memref.dealloc %t : memref<4x4xf32>\n"
    "  return\n"
    "}\n";

static void
test_not_elementwise(void **state)
{
    fixture *f = *state;
    prov p = {.fuse = true, .merge = true};
    eo_op *m = run_pipeline(f, transposed_text, "func.func(tl-fuse)", &p);
    assert_true(asked(&p, "tl-fuse.tr.neg"));
    assert_false(asked(&p, "tl-fuse-ew.tr.neg"));
    assert_true(asked(&p, "tl-fuse-tile.tr.neg"));
    assert_int_equal(count(m, "scf.for"), 1);
    eo_op_destroy(m);
    prov q = {.fuse = true, .merge = true};
    check_same(f, transposed_text, 1, &q);
}

/* Unnamed ops sharing a location (an importer's) get unique site keys,
 * as tl-to-loops gives them: two edges, two knobs. */
static void
test_unnamed_sites(void **state)
{
    fixture *f = *state;
    static const char *text =
        "func.func @f(%a: memref<6x8xf32>, %y: memref<6x8xf32>, "
        "%u: memref<6x8xf32>) {\n"
        "  %t = memref.alloc() : memref<6x8xf32>\n"
        "  tl.elementwise {kind = \"exp\"} ins(%a : memref<6x8xf32>) "
        "outs(%t : memref<6x8xf32>) loc(\"m.onnx\":0:0)\n"
        "  tl.elementwise {kind = \"relu\"} ins(%t : memref<6x8xf32>) "
        "outs(%y : memref<6x8xf32>) loc(\"m.onnx\":0:0)\n"
        "  memref.dealloc %t : memref<6x8xf32>\n"
        "  %s = memref.alloc() : memref<6x8xf32>\n"
        "  tl.elementwise {kind = \"exp\"} ins(%a : memref<6x8xf32>) "
        "outs(%s : memref<6x8xf32>) loc(\"m.onnx\":0:0)\n"
        "  tl.elementwise {kind = \"neg\"} ins(%s : memref<6x8xf32>) "
        "outs(%u : memref<6x8xf32>) loc(\"m.onnx\":0:0)\n"
        "  memref.dealloc %s : memref<6x8xf32>\n"
        "  return\n"
        "}\n";
    prov p = {0};
    eo_op *m = run_pipeline(f, text, "func.func(tl-fuse)", &p);
    assert_int_equal(p.asked, 2);
    assert_true(asked(&p, "tl-fuse.m.onnx:0:0.3.m.onnx:0:0.2"));
    assert_true(asked(&p, "tl-fuse.m.onnx:0:0.1.m.onnx:0:0"));
    eo_op_destroy(m);
    /* Both merged: two ops left, exact. */
    prov q = {.fuse = true, .merge = true};
    m = run_pipeline(f, text, "func.func(tl-fuse)", &q);
    assert_int_equal(count(m, "tl.generic"), 2);
    assert_int_equal(count(m, "memref.alloc"), 0);
    eo_op_destroy(m);
    prov r = {.fuse = true, .merge = true};
    check_same(f, text, 1, &r);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_chain_merged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fused_tile_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_in_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_not_elementwise, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_unnamed_sites, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

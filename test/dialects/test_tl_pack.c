/* test/dialects/test_tl_pack.c - tl.pack with padding and the tl-pack
 * pass: the packed data (eo_tl_pack_data) against a direct formula, a
 * pack / unpack round trip through the generic forms and through loops,
 * verifier errors, compile-time packing of constants, every value of
 * every pack.<site>.oc knob on hand-written convolutions (NCHW, NHWC,
 * strided, dilated, int8 with zero points), a matmul and a transposed,
 * scaled generic matmul, bit-exact with the unpacked op, and random
 * assignments of every knob (pack, tile, interchange, vectorize, layout)
 * on ONNX conformance convolutions, a gemm and a Linear layer against
 * the graph interpreter. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/tl.h"
#include "dialects/tl/transforms/transforms.h"
#include "explorer/explorer.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IO 8

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity == EO_SEV_ERROR)
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
        eo_graph_register_passes(f->ctx) != EO_OK ||
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
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    if (m && eo_op_verify(m) != EO_OK) {
        eo_op_destroy(m);
        return NULL;
    }
    return m;
}

static eo_op *
func_named(eo_op *m, const char *name)
{
    eo_block *b = eo_region_first(eo_op_region(m, 0));
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
        const eo_attr *a = eo_op_attr(o, "sym_name");
        size_t len = 0;
        const char *s = a ? eo_attr_string(a, &len) : NULL;
        if (s && len == strlen(name) && !memcmp(s, name, len))
            return o;
    }
    return NULL;
}

/* The first op named 'name' nested in 'root'. */
typedef struct find { const char *name; eo_op *op; } find;

static eo_walk_result
find_cb(eo_op *op, void *ud)
{
    find *fd = ud;
    if (!strcmp(eo_op_name_str(op), fd->name)) {
        fd->op = op;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

static eo_op *
find_op(eo_op *root, const char *name)
{
    find fd = {name, NULL};
    eo_op_walk(root, EO_WALK_PRE, find_cb, &fd);
    return fd.op;
}

/* Runs pipeline 'pipe' on module 'm' with knob lines 'knobs' (may be
 * NULL); with 'space', no check of the assignment, and the knob space
 * asked is appended to it as JSON. */
static eo_status
run_pipe_space(fixture *f, eo_op *m, const char *pipe, const char *knobs,
               eo_strbuf *space)
{
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    if (!ks)
        return EO_NOMEM;
    eo_status s = knobs ? eo_knob_store_load_buffer(ks, "knobs", knobs,
                                                    strlen(knobs))
                        : EO_OK;
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = s == EO_OK ? eo_pm_create(f->ctx, "builtin.module",
                                                    &cfg)
                                     : NULL;
    if (pm) {
        s = eo_pm_add_pipeline(pm, pipe);
        if (s == EO_OK)
            s = eo_pm_run(pm, m, eo_knob_store_provider(ks));
        if (s == EO_OK && !space)
            s = eo_knob_store_check(ks);
        if (space)
            eo_knob_store_space_json(ks, space);
        eo_pm_destroy(pm);
    } else if (s == EO_OK) {
        s = EO_NOMEM;
    }
    eo_knob_store_destroy(ks);
    return s;
}

static eo_status
run_pipe(fixture *f, eo_op *m, const char *pipe, const char *knobs)
{
    return run_pipe_space(f, m, pipe, knobs, NULL);
}

static void
fill_random(eo_tensor *t, uint32_t *seed)
{
    int64_t n = eo_tensor_numel(t);
    for (int64_t i = 0; i < n; i++) {
        *seed = *seed * 1664525u + 1013904223u;
        int v = (int)(*seed >> 24) - 128;
        if (t->dtype == EO_DT_F32)
            ((float *)t->data)[i] = (float)v / 37.0f;
        else if (t->dtype == EO_DT_I8)
            ((int8_t *)t->data)[i] = (int8_t)v;
        else if (t->dtype == EO_DT_I32)
            ((int32_t *)t->data)[i] = v * 1000;
    }
}

/* Random inputs for every argument of 'fn' (nin of them). */
static void
make_inputs(eo_op *fn, size_t nin, eo_tensor *in, uint32_t seed)
{
    const eo_type *ft = func_get_type(fn);
    for (size_t i = 0; i < nin; i++) {
        assert_int_equal(eo_tensor_alloc_for_type(&in[i],
                                                  eo_type_input(ft, i)),
                         EO_OK);
        fill_random(&in[i], &seed);
    }
}

/* ------------------------------------------------------------------ */
/* Packed data, round trip, verifier                                   */
/* ------------------------------------------------------------------ */

static const char *const pack_src =
    "func.func @p(%x: tensor<10x6xf32>, %d: tensor<6x3x4xf32>,\n"
    "             %u: tensor<10x6xf32>)\n"
    "    -> (tensor<6x3x4xf32>, tensor<10x6xf32>) {\n"
    "  %p = tl.pack {inner_dims_pos = array<i64: 0>,\n"
    "                inner_tiles = array<i64: 4>,\n"
    "                outer_dims_perm = array<i64: 1, 0>,\n"
    "                padding_value = -1.0 : f32}\n"
    "       ins(%x : tensor<10x6xf32>) outs(%d : tensor<6x3x4xf32>)\n"
    "       -> tensor<6x3x4xf32>\n"
    "  %r = tl.generic {indexing_maps = [\n"
    "         affine_map<(d0, d1) -> (d1, d0 floordiv 4, d0 mod 4)>,\n"
    "         affine_map<(d0, d1) -> (d0, d1)>],\n"
    "         iterator_types = [\"parallel\", \"parallel\"]}\n"
    "       ins(%p : tensor<6x3x4xf32>) outs(%u : tensor<10x6xf32>) {\n"
    "  ^bb0(%a: f32, %b: f32):\n"
    "    tl.yield %a : f32\n"
    "  } -> tensor<10x6xf32>\n"
    "  return %p, %r : tensor<6x3x4xf32>, tensor<10x6xf32>\n"
    "}\n";

/* packed[j][o][i] = x[o * 4 + i][j], -1 past row 9. */
static float
want_packed(const float *x, size_t e)
{
    size_t j = e / 12, o = e / 4 % 3, i = e % 4;
    size_t r = o * 4 + i;
    return r < 10 ? x[r * 6 + j] : -1.0f;
}

static void
test_pack_data(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, pack_src);
    assert_non_null(m);
    eo_op *p = find_op(m, "tl.pack");
    assert_non_null(p);
    float x[60], y[72];
    for (int i = 0; i < 60; i++)
        x[i] = (float)i * 0.5f;
    assert_int_equal(eo_tl_pack_data(p, x, sizeof x, y, sizeof y), EO_OK);
    for (size_t e = 0; e < 72; e++)
        assert_true(y[e] == want_packed(x, e));
    assert_true(y[2 * 12 + 2 * 4 + 1] == x[9 * 6 + 2]);    /* row 9 */
    assert_true(y[2 * 12 + 2 * 4 + 2] == -1.0f);           /* padding */
    /* Wrong sizes are an error, not an overrun. */
    assert_int_equal(eo_tl_pack_data(p, x, sizeof x, y, sizeof y - 4),
                     EO_ERROR);
    assert_non_null(strstr(f->last, "expects 240 source and 288 packed"));
    eo_op_destroy(m);
}

/* Pack then unpack gives the source back and the packed tensor is
 * eo_tl_pack_data's, through the generic forms on tensors and through
 * loops on buffers. */
static void
test_round_trip(void **state)
{
    fixture *f = *state;
    static const char *const pipes[2] = {
        "builtin.module(func.func(tl-generalize))",
        "builtin.module(func.func(tl-pack),tl-bufferize,"
        "func.func(tl-to-loops))",
    };
    for (int k = 0; k < 2; k++) {
        eo_op *m = parse(f, pack_src);
        assert_non_null(m);
        eo_tensor in[3], out[MAX_IO];
        size_t nout = MAX_IO;
        make_inputs(func_named(m, "p"), 3, in, 7);
        assert_int_equal(run_pipe(f, m, pipes[k], NULL), EO_OK);
        assert_null(find_op(m, "tl.pack"));
        if (k == 1)
            assert_null(find_op(m, "tl.generic"));
        assert_int_equal(eo_interp_run(func_named(m, "p"), 3, in, &nout,
                                       out), EO_OK);
        /* Buffers: the two results come back as out-params. */
        assert_int_equal(nout, 2);
        const float *x = in[0].data, *pk = out[0].data, *u = out[1].data;
        for (size_t e = 0; e < 72; e++)
            assert_true(pk[e] == want_packed(x, e));
        assert_memory_equal(u, x, 60 * sizeof(float));
        for (size_t i = 0; i < 3; i++)
            eo_tensor_free(&in[i]);
        for (size_t i = 0; i < nout; i++)
            eo_tensor_free(&out[i]);
        eo_op_destroy(m);
    }
}

static void
expect_invalid(fixture *f, const char *src, const char *msg)
{
    f->last[0] = 0;
    eo_op *m = parse(f, src);
    assert_null(m);
    if (!strstr(f->last, msg))
        fail_msg("expected '%s', got '%s'", msg, f->last);
}

static void
test_verify(void **state)
{
    fixture *f = *state;
    expect_invalid(f,
        "func.func @f(%a: tensor<10x6xf32>, %b: tensor<3x6x4xf32>) {\n"
        "  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = "
        "array<i64: 4>} ins(%a : tensor<10x6xf32>) outs(%b : "
        "tensor<3x6x4xf32>) -> tensor<3x6x4xf32>\n"
        "  return\n}\n",
        "expects inner tile 4 to divide source dimension 0 (10), or a "
        "'padding_value'");
    expect_invalid(f,
        "func.func @f(%a: tensor<10x6xi8>, %b: tensor<3x6x4xi8>) {\n"
        "  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = "
        "array<i64: 4>, padding_value = 0.0 : f32} ins(%a : "
        "tensor<10x6xi8>) outs(%b : tensor<3x6x4xi8>) -> "
        "tensor<3x6x4xi8>\n"
        "  return\n}\n",
        "expects 'padding_value' to be a scalar of the element type");
    expect_invalid(f,
        "func.func @f(%a: tensor<10x6xi8>, %b: tensor<2x6x4xi8>) {\n"
        "  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = "
        "array<i64: 4>, padding_value = 0 : i8} ins(%a : "
        "tensor<10x6xi8>) outs(%b : tensor<2x6x4xi8>) -> "
        "tensor<2x6x4xi8>\n"
        "  return\n}\n",
        "expects out dimension 0 to be 3, got 2");
    /* A padded pack on buffers verifies but has no generic form. */
    eo_op *m = parse(f,
        "func.func @f(%a: memref<10x6xi8>, %b: memref<3x6x4xi8>) {\n"
        "  tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = "
        "array<i64: 4>, padding_value = 3 : i8} ins(%a : memref<10x6xi8>) "
        "outs(%b : memref<3x6x4xi8>)\n"
        "  return\n}\n");
    assert_non_null(m);
    assert_int_equal(run_pipe(f, m, "builtin.module(func.func("
                                     "tl-to-loops))", NULL), EO_ERROR);
    assert_non_null(strstr(f->last, "padded tl.pack needs tensors"));
    eo_op_destroy(m);
}

/* tl-pack folds a tl.pack of a constant into a packed constant (int8,
 * padded with the padding value) and drops the unpacked one. */
static void
test_fold_constant(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%d: tensor<2x2x4xi8>) -> tensor<2x2x4xi8> {\n"
        "  %c = graph.constant dense<[[0, 1], [2, 3], [4, 5], [6, 7], "
        "[8, 9], [10, 11]]> : tensor<6x2xi8>\n"
        "  %0 = tl.pack {inner_dims_pos = array<i64: 0>, inner_tiles = "
        "array<i64: 4>, padding_value = -7 : i8} ins(%c : tensor<6x2xi8>) "
        "outs(%d : tensor<2x2x4xi8>) -> tensor<2x2x4xi8>\n"
        "  return %0 : tensor<2x2x4xi8>\n}\n");
    assert_non_null(m);
    assert_int_equal(run_pipe(f, m, "builtin.module(func.func(tl-pack))",
                              NULL), EO_OK);
    assert_null(find_op(m, "tl.pack"));
    eo_op *c = find_op(m, "graph.constant");
    assert_non_null(c);
    const eo_type *t = eo_value_type(eo_op_result(c, 0));
    assert_int_equal(eo_type_rank(t), 3);
    assert_int_equal(eo_type_dim(t, 0), 2);
    const eo_attr *a = eo_op_attr(c, "value");
    assert_int_equal(eo_attr_get_kind(a), EO_ATTR_DENSE);
    /* [o][c][i] = src[o * 4 + i][c], rows 6 and 7 padded with -7. */
    static const int8_t want[16] = {0, 2, 4, 6, 1, 3, 5, 7,
                                    8, 10, -7, -7, 9, 11, -7, -7};
    for (size_t i = 0; i < 16; i++)
        assert_int_equal(eo_attr_dense_int(a, i), want[i]);
    /* The unpacked constant is gone: one graph.constant left. */
    eo_block *body = eo_op_block(c);
    size_t nconst = 0;
    for (eo_op *o = eo_block_first(body); o; o = eo_op_next(o))
        nconst += !strcmp(eo_op_name_str(o), "graph.constant");
    assert_int_equal(nconst, 1);
    eo_op_destroy(m);
}

/* ------------------------------------------------------------------ */
/* Every knob value, bit-exact                                          */
/* ------------------------------------------------------------------ */

/* The functions of the knob sweep: (source, function, knob site, the
 * largest block). The filters are arguments (a tl.pack at run time) or
 * constants (packed at compile time). */
static const char *const sweep_src =
    "func.func @nchw(%x: tensor<2x3x9x9xf32>, %w: tensor<10x3x3x3xf32>,\n"
    "                %y: tensor<2x10x4x4xf32>) -> tensor<2x10x4x4xf32> {\n"
    "  %r = tl.conv2d {name = \"a\", strides = array<i64: 2, 2>}\n"
    "       ins(%x, %w : tensor<2x3x9x9xf32>, tensor<10x3x3x3xf32>)\n"
    "       outs(%y : tensor<2x10x4x4xf32>) -> tensor<2x10x4x4xf32>\n"
    "  return %r : tensor<2x10x4x4xf32>\n"
    "}\n"
    "func.func @nhwc(%x: tensor<1x8x8x2xf32>, %y: tensor<1x4x4x17xf32>)\n"
    "    -> tensor<1x4x4x17xf32> {\n"
    "  %w = graph.constant dense<0.375> : tensor<3x3x2x17xf32>\n"
    "  %r = tl.conv2d {name = \"b\", layout = \"nhwc_hwcf\",\n"
    "                  dilations = array<i64: 2, 2>}\n"
    "       ins(%x, %w : tensor<1x8x8x2xf32>, tensor<3x3x2x17xf32>)\n"
    "       outs(%y : tensor<1x4x4x17xf32>) -> tensor<1x4x4x17xf32>\n"
    "  return %r : tensor<1x4x4x17xf32>\n"
    "}\n"
    "func.func @int8(%x: tensor<1x4x5x5xi8>, %w: tensor<6x4x2x2xi8>,\n"
    "                %y: tensor<1x6x4x4xi32>) -> tensor<1x6x4x4xi32> {\n"
    "  %r = tl.conv2d {name = \"c\", input_zp = 3, filter_zp = -2}\n"
    "       ins(%x, %w : tensor<1x4x5x5xi8>, tensor<6x4x2x2xi8>)\n"
    "       outs(%y : tensor<1x6x4x4xi32>) -> tensor<1x6x4x4xi32>\n"
    "  return %r : tensor<1x6x4x4xi32>\n"
    "}\n"
    "func.func @mm(%a: tensor<5x7xf32>, %b: tensor<7x9xf32>,\n"
    "              %c: tensor<5x9xf32>) -> tensor<5x9xf32> {\n"
    "  %r = tl.matmul {name = \"d\"} ins(%a, %b : tensor<5x7xf32>,\n"
    "       tensor<7x9xf32>) outs(%c : tensor<5x9xf32>) -> tensor<5x9xf32>\n"
    "  return %r : tensor<5x9xf32>\n"
    "}\n"
    "func.func @gt(%a: tensor<7x5xf32>, %c: tensor<5x9xf32>)\n"
    "    -> tensor<5x9xf32> {\n"
    "  %b = graph.constant dense<[[0.5, -1.0, 2.0, 0.25, 1.0, 3.0, -2.0], "
    "[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [0.0, 0.125, 0.0, 4.0, 0.0, 1.0, "
    "0.5], [-1.0, 2.0, -3.0, 4.0, -5.0, 6.0, -7.0], [1.5, 1.5, 0.0, 0.0, "
    "2.5, 2.5, 1.0], [3.0, 2.0, 1.0, 0.0, -1.0, -2.0, -3.0], [0.75, 0.5, "
    "0.25, 0.0, 0.25, 0.5, 0.75], [2.0, 0.0, 2.0, 0.0, 2.0, 0.0, 2.0], "
    "[-0.5, -0.5, 1.0, 1.0, -0.5, -0.5, 1.0]]> : tensor<9x7xf32>\n"
    "  %r = tl.generic {indexing_maps = [\n"
    "         affine_map<(d0, d1, d2) -> (d2, d0)>,\n"
    "         affine_map<(d0, d1, d2) -> (d1, d2)>,\n"
    "         affine_map<(d0, d1, d2) -> (d0, d1)>],\n"
    "         iterator_types = [\"parallel\", \"parallel\", "
    "\"reduction\"], name = \"e\"}\n"
    "       ins(%a, %b : tensor<7x5xf32>, tensor<9x7xf32>)\n"
    "       outs(%c : tensor<5x9xf32>) {\n"
    "  ^bb0(%x: f32, %y: f32, %acc: f32):\n"
    "    %m = arith.mulf %x, %y : f32\n"
    "    %k = arith.constant 0.5 : f32\n"
    "    %s = arith.mulf %m, %k : f32\n"
    "    %t = arith.addf %acc, %s : f32\n"
    "    tl.yield %t : f32\n"
    "  } -> tensor<5x9xf32>\n"
    "  return %r : tensor<5x9xf32>\n"
    "}\n";

typedef struct sweep_case {
    const char *fn, *site;
    size_t nin;
    int64_t fmax;             /* output channels */
} sweep_case;

static void
test_knob_sweep(void **state)
{
    fixture *f = *state;
    static const sweep_case cases[5] = {
        {"nchw", "a", 3, 10}, {"nhwc", "b", 2, 17}, {"int8", "c", 3, 6},
        {"mm", "d", 3, 9}, {"gt", "e", 2, 9},
    };
    static const int64_t blocks[4] = {1, 4, 8, 16};
    static const char *const pipe =
        "builtin.module(func.func(tl-pack),tl-bufferize,"
        "func.func(tl-to-loops))";
    int runs = 0;
    for (size_t k = 0; k < 5; k++) {
        const sweep_case *c = &cases[k];
        eo_tensor in[MAX_IO], ref[MAX_IO];
        size_t nref = 0;
        for (size_t bi = 0; bi < 4 && blocks[bi] <= c->fmax; bi++) {
            eo_op *m = parse(f, sweep_src);
            assert_non_null(m);
            if (bi == 0)
                make_inputs(func_named(m, c->fn), c->nin, in,
                            11 + (uint32_t)k);
            char knob[64];
            snprintf(knob, sizeof knob, "pack.%s.oc=%lld\n", c->site,
                     (long long)blocks[bi]);
            /* Only this function's knob is assigned; the others stay at
             * their default and are not checked (the store's check would
             * otherwise complain about nothing). */
            if (run_pipe(f, m, pipe, knob) != EO_OK)
                fail_msg("%s at %lld: %s", c->fn, (long long)blocks[bi],
                         f->last);
            assert_null(find_op(m, "tl.pack"));
            eo_op *fn = func_named(m, c->fn);
            eo_tensor got[MAX_IO];
            size_t ngot = MAX_IO;
            assert_int_equal(eo_interp_run(fn, c->nin, in, &ngot, got),
                             EO_OK);
            assert_int_equal(ngot, 1);
            if (bi == 0) {
                ref[0] = got[0];
                nref = 1;
            } else {
                assert_int_equal(got[0].nbytes, ref[0].nbytes);
                if (memcmp(got[0].data, ref[0].data, ref[0].nbytes))
                    fail_msg("%s: block %lld differs from the unpacked op",
                             c->fn, (long long)blocks[bi]);
                eo_tensor_free(&got[0]);
            }
            runs++;
            eo_op_destroy(m);
        }
        for (size_t i = 0; i < c->nin; i++)
            eo_tensor_free(&in[i]);
        for (size_t i = 0; i < nref; i++)
            eo_tensor_free(&ref[i]);
    }
    assert_int_equal(runs, 3 + 4 + 2 + 3 + 3);
}

/* ------------------------------------------------------------------ */
/* Random knobs on ONNX conformance tests                              */
/* ------------------------------------------------------------------ */

#define ONNX_TRIALS 6
#define LOWER_PACKED                                                      \
    "builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl,"   \
    "tl-pack),tl-bufferize,func.func(tl-to-loops))"

static eo_op *
first_func(eo_op *m)
{
    eo_block *b = eo_region_first(eo_op_region(m, 0));
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
        if (!strcmp(eo_op_name_str(o), "func.func"))
            return o;
    return NULL;
}

static bool
close_enough(const eo_tensor *want, const eo_tensor *got)
{
    if (want->dtype != EO_DT_F32 || got->dtype != EO_DT_F32 ||
        eo_tensor_numel(want) != eo_tensor_numel(got))
        return false;
    const float *a = want->data, *b = got->data;
    for (int64_t i = 0; i < eo_tensor_numel(want); i++)
        if (fabs((double)a[i] - (double)b[i]) >
            1e-5 + 1e-4 * fabs((double)a[i]))
            return false;
    return true;
}

/* 'txt' plus a random value of every knob of space JSON 'json' that
 * 'sp' lacks, into 'out'; false when there is none. */
static bool
grow(fixture *f, const eo_space *sp, const eo_strbuf *json, const char *txt,
     eo_rng *rng, eo_strbuf *out)
{
    eo_space *sp2 = eo_space_create(f->ctx);
    assert_non_null(sp2);
    assert_int_equal(eo_space_load_json(sp2, json->data, json->len), EO_OK);
    bool grew = false;
    eo_strbuf_puts(out, txt);
    for (size_t i = 0; i < eo_space_num_dims(sp2); i++) {
        const char *name = eo_space_dim_name(sp2, i);
        if (eo_space_find(sp, name) >= 0)
            continue;
        grew = true;
        eo_strbuf_printf(out, "%s=", name);
        eo_space_value_text(sp2, i, (uint32_t)(eo_rng_next(rng) %
                                               eo_space_dim_size(sp2, i)),
                            out);
        eo_strbuf_puts(out, "\n");
    }
    assert_false(out->oom);
    eo_space_destroy(sp2);
    return grew;
}

/* Lowers 'path' with tl-pack under ONNX_TRIALS random assignments of
 * every knob asked (pack.<site>.oc among them) and compares the loops,
 * run by the reference interpreter, with the graph interpreter. */
static void
onnx_case(fixture *f, const char *dir, eo_rng *rng, int *runs, int *packed,
          int *grown)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/model.onnx", dir);
    eo_op *ref = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(ref);
    eo_op *rf = first_func(ref);
    size_t nin = eo_type_num_inputs(func_get_type(rf));
    assert_true(nin <= MAX_IO);
    eo_tensor in[MAX_IO], want[MAX_IO];
    for (size_t i = 0; i < nin; i++) {
        snprintf(path, sizeof path, "%s/test_data_set_0/input_%zu.pb", dir,
                 i);
        assert_int_equal(eo_onnx_load_tensor(f->ctx, path, &in[i]), EO_OK);
    }
    size_t nwant = MAX_IO;
    assert_int_equal(eo_interp_run(rf, nin, in, &nwant, want), EO_OK);
    snprintf(path, sizeof path, "%s/model.onnx", dir);
    /* The space: the default lowering's knobs. */
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
    assert_non_null(m);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_int_equal(eo_pm_add_pipeline(pm, LOWER_PACKED), EO_OK);
    assert_int_equal(eo_pm_run(pm, m, eo_knob_store_provider(ks)), EO_OK);
    eo_pm_destroy(pm);
    eo_op_destroy(m);
    eo_strbuf js = {0};
    eo_knob_store_space_json(ks, &js);
    eo_knob_store_destroy(ks);
    assert_non_null(strstr(js.data, "\"pack."));
    eo_space *sp = eo_space_create(f->ctx);
    assert_int_equal(eo_space_load_json(sp, js.data, js.len), EO_OK);
    eo_strbuf_free(&js);
    size_t nd = eo_space_num_dims(sp);
    uint32_t cand[64];
    assert_true(nd <= 64);
    for (int t = 0; t < ONNX_TRIALS; t++) {
        for (size_t i = 0; i < nd; i++)
            cand[i] = (uint32_t)(eo_rng_next(rng) % eo_space_dim_size(sp, i));
        eo_strbuf lines = {0};
        assert_int_equal(eo_space_knob_lines(sp, cand, &lines), EO_OK);
        const char *txt = lines.data ? lines.data : "";
        *packed += strstr(txt, ".oc=1\n") == NULL;
        /* A packed op's loops have other site keys (the pack and
         * unpack come first): the knobs that assignment asks anew get
         * random values in a second run. */
        eo_strbuf asked = {0}, more = {0};
        for (int pass = 0; pass < 2; pass++) {
            m = eo_onnx_import_file(f->ctx, path, NULL);
            assert_non_null(m);
            eo_strbuf again = {0};
            eo_status st = run_pipe_space(f, m, LOWER_PACKED, txt,
                                          pass ? &again : &asked);
            eo_strbuf_free(&again);
            if (st != EO_OK)
                fail_msg("%s with\n%s: %s", dir, txt, f->last);
            eo_tensor got[MAX_IO];
            size_t ngot = MAX_IO;
            assert_int_equal(eo_interp_run(first_func(m), nin, in, &ngot,
                                           got), EO_OK);
            assert_int_equal(ngot, nwant);
            for (size_t r = 0; r < ngot; r++) {
                if (!close_enough(&want[r], &got[r]))
                    fail_msg("%s result %zu differs with\n%s", dir, r,
                             txt);
                eo_tensor_free(&got[r]);
            }
            (*runs)++;
            eo_op_destroy(m);
            if (pass || !grow(f, sp, &asked, txt, rng, &more))
                break;
            txt = more.data;
            (*grown)++;
        }
        eo_strbuf_free(&asked);
        eo_strbuf_free(&more);
        eo_strbuf_free(&lines);
    }
    eo_space_destroy(sp);
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
    for (size_t r = 0; r < nwant; r++)
        eo_tensor_free(&want[r]);
    eo_op_destroy(ref);
}

static void
test_onnx_random_knobs(void **state)
{
    fixture *f = *state;
    static const char *const tests[4] = {
        "pytorch-converted/test_Conv2d",
        "pytorch-converted/test_Conv2d_strided",
        "node/test_gemm_default_matrix_bias",
        "pytorch-converted/test_Linear",        /* trans_b: a generic */
    };
    const char *root = getenv("EO_ONNX_TESTDATA");
    if (!root)
        root = "/usr/share/libonnx-testdata/data";
    eo_rng rng;
    eo_rng_seed(&rng, 20261130);
    int runs = 0, packed = 0, grown = 0;
    for (int k = 0; k < 4; k++) {
        char dir[768], probe[900];
        snprintf(dir, sizeof dir, "%s/%s", root, tests[k]);
        snprintf(probe, sizeof probe, "%s/model.onnx", dir);
        FILE *fp = fopen(probe, "rb");
        if (!fp)
            skip();
        fclose(fp);
        onnx_case(f, dir, &rng, &runs, &packed, &grown);
    }
    print_message("tl-pack random knobs: %d runs (%d assignments packed, "
                  "%d grown by the knobs they asked), no mismatch\n", runs,
                  packed, grown);
    assert_int_equal(runs, 4 * ONNX_TRIALS + grown);
    assert_true(packed > 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_pack_data, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_constant, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_knob_sweep, setup, teardown),
        cmocka_unit_test_setup_teardown(test_onnx_random_knobs, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

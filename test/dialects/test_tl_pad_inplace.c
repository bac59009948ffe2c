/* test/dialects/test_tl_pad_inplace.c - graph.pad through tl-bufferize:
 * a pad's source produced by tl ops and used only by the pad is computed
 * straight into the interior of the padded buffer (filled with the pad
 * value first), with no tl.copy and no buffer of its own: a depthwise
 * convolution with bias and relu padded for the next convolution, a
 * max pooling's -inf padding, an int8 quantize, a concat and a slice
 * padded; an argument or a value used elsewhere is still copied. Small
 * graph-level functions are lowered with the default pipeline
 * (EO_AOT_DEFAULT_PIPELINE), checked for structure and JIT-compiled: the
 * compiled results must equal the graph interpreter's exactly (the data
 * are multiples of 1/4, the weights of 1/8: every sum is exact). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/aot.h"
#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];         /* last error message */
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
first_func(eo_op *m)
{
    eo_block *b = eo_region_first(eo_op_region(m, 0));
    for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
        if (!strcmp(eo_op_name_str(o), "func.func"))
            return o;
    return NULL;
}

static eo_status
run_pipeline(fixture *f, eo_op *m, const char *pipeline)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    if (!pm)
        return EO_NOMEM;
    eo_status s = eo_pm_add_pipeline(pm, pipeline);
    if (s == EO_OK)
        s = eo_pm_run(pm, m, NULL);
    eo_pm_destroy(pm);
    return s;
}

typedef struct counts {
    int graph, tl_copies, allocs, fills, subviews;
} counts;

static eo_walk_result
count_op(eo_op *op, void *ud)
{
    counts *c = ud;
    const char *n = eo_op_name_str(op);
    if (!strncmp(n, "graph.", 6))
        c->graph++;
    else if (!strcmp(n, "tl.copy"))
        c->tl_copies++;
    else if (!strcmp(n, "memref.alloc"))
        c->allocs++;
    else if (!strcmp(n, "tl.fill"))
        c->fills++;
    else if (!strcmp(n, "memref.subview"))
        c->subviews++;
    return EO_WALK_ADVANCE;
}

/* EO_AOT_DEFAULT_PIPELINE, cut after tl-bufferize. */
#define BUFFERIZE                                                          \
    "builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),"   \
    "tl-bufferize)"
#define LOOPS "builtin.module(func.func(tl-fuse,tl-to-loops))"

/* Interprets 'text' (function @f of one 1x2x5x5 f32 argument and one
 * result), lowers it as the default pipeline does, checks the numbers
 * of tl.copy, memref.alloc and tl.fill after tl-bufferize (and that the
 * pad's interior is written through memref.subview), JIT-compiles it
 * and compares bit for bit. */
static void
check_pad(fixture *f, const char *text, int tl_copies, int allocs,
          int fills)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fail_msg("parse error: %s", f->last);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_tensor in[2];
    int64_t shape[4] = {1, 2, 5, 5};
    assert_int_equal(eo_tensor_alloc(&in[0], EO_DT_F32, 4, shape), EO_OK);
    float *p = in[0].data;
    for (int i = 0; i < 50; i++)
        p[i] = (float)((i * 7) % 23 - 11) * 0.25f;
    eo_tensor want;
    size_t nwant = 1;
    assert_int_equal(eo_interp_run(first_func(m), 1, in, &nwant, &want),
                     EO_OK);
    assert_int_equal(nwant, 1);
    if (run_pipeline(f, m, BUFFERIZE) != EO_OK)
        fail_msg("bufferizing failed: %s", f->last);
    assert_int_equal(eo_op_verify(m), EO_OK);
    counts c = {0};
    (void)eo_op_walk(m, EO_WALK_PRE, count_op, &c);
    assert_int_equal(c.graph, 0);
    assert_int_equal(c.tl_copies, tl_copies);
    assert_int_equal(c.allocs, allocs);
    assert_int_equal(c.fills, fills);
    assert_true(c.subviews >= 1);
    if (run_pipeline(f, m, LOOPS) != EO_OK)
        fail_msg("lowering to loops failed: %s", f->last);
    assert_int_equal(eo_tensor_alloc(&in[1], want.dtype, want.rank,
                                     want.shape), EO_OK);
    eo_jit *jit = eo_jit_create(m, NULL);
    if (!jit)
        fail_msg("JIT failed: %s", f->last);
    size_t nout = 0;
    assert_int_equal(eo_jit_call(jit, "f", 2, in, &nout, NULL), EO_OK);
    assert_int_equal(in[1].nbytes, want.nbytes);
    assert_memory_equal(in[1].data, want.data, want.nbytes);
    eo_jit_destroy(jit);
    eo_tensor_free(&in[0]);
    eo_tensor_free(&in[1]);
    eo_tensor_free(&want);
    eo_op_destroy(m);
}

#define W1                                                                 \
    "  %w1 = graph.constant dense<[[[[0.5, -1.0], [2.0, 0.25]]], "         \
    "[[[1.5, -0.5], [0.75, -2.0]]]]> : tensor<2x1x2x2xf32>\n"

/* Depthwise conv + bias + relu, padded for a 3x3 conv: one buffer (the
 * padded one), one fill (its zero padding), no copy; the bias, the
 * convolution and the relu write its interior. */
static void
test_conv_chain(void **state)
{
    fixture *f = *state;
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x3x4x4xf32> {\n"
        W1
        "  %b1 = graph.constant dense<[0.125, -0.25]> : tensor<2xf32>\n"
        "  %w2 = graph.constant dense<0.375> : tensor<3x2x3x3xf32>\n"
        "  %b2 = graph.constant dense<[1.0, -1.0, 0.5]> : tensor<3xf32>\n"
        "  %c = graph.conv2d %x, %w1, %b1 {groups = 2 : i64, activation = "
        "\"relu\"} : (tensor<1x2x5x5xf32>, tensor<2x1x2x2xf32>, "
        "tensor<2xf32>) -> tensor<1x2x4x4xf32>\n"
        "  %y = graph.conv2d %c, %w2, %b2 {pads = array<i64: 1, 1, 1, 1>} :"
        " (tensor<1x2x4x4xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>) -> "
        "tensor<1x3x4x4xf32>\n"
        "  return %y : tensor<1x3x4x4xf32>\n}\n", 0, 1, 1);
}

/* Max pooling pads with -inf, filled before the convolution's zero init
 * of the interior (two fills, the pool's own init a third). */
static void
test_max_pool(void **state)
{
    fixture *f = *state;
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x2x2xf32> {\n"
        W1
        "  %c = graph.conv2d %x, %w1 {groups = 2 : i64} : "
        "(tensor<1x2x5x5xf32>, tensor<2x1x2x2xf32>) -> "
        "tensor<1x2x4x4xf32>\n"
        "  %n = graph.neg %c : (tensor<1x2x4x4xf32>) -> "
        "tensor<1x2x4x4xf32>\n"
        "  %p = graph.max_pool %n {kernel = array<i64: 3, 3>, strides = "
        "array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : "
        "(tensor<1x2x4x4xf32>) -> tensor<1x2x2x2xf32>\n"
        "  return %p : tensor<1x2x2x2xf32>\n}\n", 0, 1, 3);
}

/* int8: the quantize writes i8 storage into the padded buffer (through
 * the storage casts graph-to-tl leaves). */
static void
test_int8(void **state)
{
    fixture *f = *state;
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {\n"
        "  %q = graph.quantize %x : (tensor<1x2x5x5xf32>) -> "
        "tensor<1x2x5x5x!quant.uniform<i8:f32, 2.5e-02:-5>>\n"
        "  %p = graph.max_pool %q {kernel = array<i64: 3, 3>, strides = "
        "array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : "
        "(tensor<1x2x5x5x!quant.uniform<i8:f32, 2.5e-02:-5>>) -> "
        "tensor<1x2x3x3x!quant.uniform<i8:f32, 2.5e-02:-5>>\n"
        "  %d = graph.dequantize %p : (tensor<1x2x3x3x!quant.uniform<i8:"
        "f32, 2.5e-02:-5>>) -> tensor<1x2x3x3xf32>\n"
        "  return %d : tensor<1x2x3x3xf32>\n}\n", 0, 2, 2);
}

/* A concat padded: its buffer is the pad's interior, each operand
 * written into its part of it (a subview of the subview). */
static void
test_concat(void **state)
{
    fixture *f = *state;
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x4x5x5xf32> {\n"
        "  %r = graph.relu %x : (tensor<1x2x5x5xf32>) -> "
        "tensor<1x2x5x5xf32>\n"
        "  %n = graph.neg %x : (tensor<1x2x5x5xf32>) -> "
        "tensor<1x2x5x5xf32>\n"
        "  %c = graph.concat %r, %n {axis = 1 : i64} : "
        "(tensor<1x2x5x5xf32>, tensor<1x2x5x5xf32>) -> "
        "tensor<1x4x5x5xf32>\n"
        "  %p = graph.max_pool %c {kernel = array<i64: 3, 3>, pads = "
        "array<i64: 1, 1, 1, 1>} : (tensor<1x4x5x5xf32>) -> "
        "tensor<1x4x5x5xf32>\n"
        "  return %p : tensor<1x4x5x5xf32>\n}\n", 0, 1, 2);
}

/* A slice padded: its tl.copy from a strided view of the argument
 * writes the interior (the one copy). */
static void
test_slice(void **state)
{
    fixture *f = *state;
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x5x4xf32> {\n"
        "  %s = graph.slice %x {axes = array<i64: 3>, starts = array<i64: "
        "0>, ends = array<i64: 4>} : (tensor<1x2x5x5xf32>) -> "
        "tensor<1x2x5x4xf32>\n"
        "  %p = graph.max_pool %s {kernel = array<i64: 3, 3>, pads = "
        "array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x4xf32>) -> "
        "tensor<1x2x5x4xf32>\n"
        "  return %p : tensor<1x2x5x4xf32>\n}\n", 1, 1, 2);
}

/* An argument, and a value also used after the pad, are copied into the
 * interior as before. */
static void
test_copied(void **state)
{
    fixture *f = *state;
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32> {\n"
        "  %p = graph.max_pool %x {kernel = array<i64: 3, 3>, strides = "
        "array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : "
        "(tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>\n"
        "  return %p : tensor<1x2x3x3xf32>\n}\n", 1, 1, 2);
    check_pad(f,
        "func.func @f(%x: tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32> {\n"
        "  %r = graph.relu %x : (tensor<1x2x5x5xf32>) -> "
        "tensor<1x2x5x5xf32>\n"
        "  %p = graph.max_pool %r {kernel = array<i64: 3, 3>, pads = "
        "array<i64: 1, 1, 1, 1>} : (tensor<1x2x5x5xf32>) -> "
        "tensor<1x2x5x5xf32>\n"
        "  %s = graph.add %p, %r : (tensor<1x2x5x5xf32>, "
        "tensor<1x2x5x5xf32>) -> tensor<1x2x5x5xf32>\n"
        "  return %s : tensor<1x2x5x5xf32>\n}\n", 1, 3, 2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_conv_chain, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_pool, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concat, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copied, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_tl_concat.c - graph.concat through tl-bufferize:
 * small graph-level functions (a concat along each axis of a relu and an
 * argument, nested concats, an int8 concat of quantized values, slices
 * and a gather into a concat) lowered with the default pipeline
 * (EO_AOT_DEFAULT_PIPELINE: graph-optimize, graph-to-tl, tl-bufferize,
 * tl-fuse, tl-to-loops), checked for structure (no graph op left, the
 * producers write into memref.subview parts of the concat's buffer) and
 * JIT-compiled: the compiled results must equal the graph interpreter's
 * (exactly: only data movement and the same scalar ops). */
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
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fprintf(stderr, "parse error: %s\n", f->last);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
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
    int graph, subviews, tl_copies, allocs;
} counts;

static eo_walk_result
count_op(eo_op *op, void *ud)
{
    counts *c = ud;
    const char *n = eo_op_name_str(op);
    if (!strncmp(n, "graph.", 6))
        c->graph++;
    else if (!strcmp(n, "memref.subview"))
        c->subviews++;
    else if (!strcmp(n, "tl.copy"))
        c->tl_copies++;
    else if (!strcmp(n, "memref.alloc"))
        c->allocs++;
    return EO_WALK_ADVANCE;
}

/* A 2x3x4 f32 input with distinct values of both signs. */
static void
input(eo_tensor *t, float base, float step)
{
    int64_t shape[3] = {2, 3, 4};
    assert_int_equal(eo_tensor_alloc(t, EO_DT_F32, 3, shape), EO_OK);
    float *p = t->data;
    for (int i = 0; i < 24; i++)
        p[i] = base + step * (float)i;
}

/* EO_AOT_DEFAULT_PIPELINE, cut after tl-bufferize. */
#define BUFFERIZE                                                          \
    "builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),"   \
    "tl-bufferize)"
#define LOOPS "builtin.module(func.func(tl-fuse,tl-to-loops))"

/* Interprets 'text' (function @f of two 2x3x4 f32 arguments and one
 * result), lowers it as the default pipeline does, checks that no graph
 * op is left and the numbers of memref.subview and tl.copy after
 * tl-bufferize, JIT-compiles it and compares. */
static void
check_concat(fixture *f, const char *text, int subviews, int tl_copies)
{
    eo_op *m = parse(f, text);
    eo_tensor in[3];
    input(&in[0], -2.9f, 0.25f);
    input(&in[1], 3.8f, -0.3f);
    eo_tensor want;
    size_t nwant = 1;
    assert_int_equal(eo_interp_run(first_func(m), 2, in, &nwant, &want),
                     EO_OK);
    assert_int_equal(nwant, 1);
    /* EO_AOT_DEFAULT_PIPELINE in two steps, to look at the buffers. */
    if (run_pipeline(f, m, BUFFERIZE) != EO_OK)
        fail_msg("bufferizing failed: %s", f->last);
    counts c = {0};
    (void)eo_op_walk(m, EO_WALK_PRE, count_op, &c);
    assert_int_equal(c.graph, 0);
    assert_int_equal(c.subviews, subviews);
    assert_int_equal(c.tl_copies, tl_copies);
    if (run_pipeline(f, m, LOOPS) != EO_OK)
        fail_msg("lowering to loops failed: %s", f->last);
    /* The out-param takes the third slot. */
    assert_int_equal(eo_tensor_alloc(&in[2], want.dtype, want.rank,
                                     want.shape), EO_OK);
    eo_jit *jit = eo_jit_create(m, NULL);
    if (!jit)
        fail_msg("JIT failed: %s", f->last);
    size_t nout = 0;
    assert_int_equal(eo_jit_call(jit, "f", 3, in, &nout, NULL), EO_OK);
    assert_int_equal(nout, 0);
    assert_int_equal(in[2].nbytes, want.nbytes);
    assert_memory_equal(in[2].data, want.data, want.nbytes);
    eo_jit_destroy(jit);
    for (size_t i = 0; i < 3; i++)
        eo_tensor_free(&in[i]);
    eo_tensor_free(&want);
    eo_op_destroy(m);
}

/* relu(a) ++ b along 'axis', then tanh: relu writes its part, b is
 * copied into the other. */
static void
test_each_axis(void **state)
{
    fixture *f = *state;
    static const char *const shapes[4] = {"4x3x4", "2x6x4", "2x3x8",
                                          "2x3x8"};
    static const int axes[4] = {0, 1, 2, -1};
    /* The two steps of check_concat are the default pipeline. */
    assert_string_equal(EO_AOT_DEFAULT_PIPELINE,
                        "builtin.module(graph-optimize,func.func("
                        "graph-layout,graph-to-tl),tl-bufferize,func.func("
                        "tl-fuse,tl-to-loops))");
    for (size_t k = 0; k < 4; k++) {
        char text[2048];
        snprintf(text, sizeof text,
                 "func.func @f(%%a: tensor<2x3x4xf32>, "
                 "%%b: tensor<2x3x4xf32>) -> tensor<%sxf32> {\n"
                 "  %%r = graph.relu %%a : (tensor<2x3x4xf32>) -> "
                 "tensor<2x3x4xf32>\n"
                 "  %%c = graph.concat %%r, %%b {axis = %d : i64} : "
                 "(tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> "
                 "tensor<%sxf32>\n"
                 "  %%t = graph.tanh %%c : (tensor<%sxf32>) -> "
                 "tensor<%sxf32>\n"
                 "  return %%t : tensor<%sxf32>\n}\n",
                 shapes[k], axes[k], shapes[k], shapes[k], shapes[k],
                 shapes[k]);
        check_concat(f, text, 2, 1);
    }
}

/* Three operands, the first returned directly: the concat's buffer is
 * the out-param; a value used twice is copied twice. */
static void
test_returned_and_repeated(void **state)
{
    fixture *f = *state;
    check_concat(f,
        "func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>)"
        " -> tensor<2x9x4xf32> {\n"
        "  %n = graph.neg %a : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %s = graph.sigmoid %b : (tensor<2x3x4xf32>) -> "
        "tensor<2x3x4xf32>\n"
        "  %c = graph.concat %s, %n, %s {axis = 1 : i64} : "
        "(tensor<2x3x4xf32>, tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> "
        "tensor<2x9x4xf32>\n"
        "  return %c : tensor<2x9x4xf32>\n}\n", 3, 2);
}

/* A concat of concats: %j lives in its part of %k's buffer and %e in
 * its part of %j's (a subview of a subview); %r and %n, used twice, are
 * copied each time (4 tl.copy); 6 subviews in all. */
static void
test_nested(void **state)
{
    fixture *f = *state;
    check_concat(f,
        "func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>)"
        " -> tensor<4x3x8xf32> {\n"
        "  %r = graph.relu %a : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %n = graph.neg %b : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %i = graph.concat %r, %n {axis = 0 : i64} : (tensor<2x3x4xf32>,"
        " tensor<2x3x4xf32>) -> tensor<4x3x4xf32>\n"
        "  %e = graph.exp %i : (tensor<4x3x4xf32>) -> tensor<4x3x4xf32>\n"
        "  %j = graph.concat %r, %e {axis = 0 : i64} : (tensor<2x3x4xf32>,"
        " tensor<4x3x4xf32>) -> tensor<6x3x4xf32>\n"
        "  %k = graph.concat %n, %j {axis = 0 : i64} : (tensor<2x3x4xf32>,"
        " tensor<6x3x4xf32>) -> tensor<8x3x4xf32>\n"
        "  %o = graph.reshape %k {shape = array<i64: 4, 3, 8>} : "
        "(tensor<8x3x4xf32>) -> tensor<4x3x8xf32>\n"
        "  return %o : tensor<4x3x8xf32>\n}\n", 6, 4);
}

/* int8: quantized operands, written as i8 storage into the buffer. */
static void
test_int8(void **state)
{
    fixture *f = *state;
    check_concat(f,
        "func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>)"
        " -> tensor<2x3x8xf32> {\n"
        "  %qa = graph.quantize %a : (tensor<2x3x4xf32>) -> "
        "tensor<2x3x4x!quant.uniform<i8:f32, 2.5e-02:-5>>\n"
        "  %qb = graph.quantize %b : (tensor<2x3x4xf32>) -> "
        "tensor<2x3x4x!quant.uniform<i8:f32, 2.5e-02:-5>>\n"
        "  %c = graph.concat %qa, %qb {axis = 2 : i64} : "
        "(tensor<2x3x4x!quant.uniform<i8:f32, 2.5e-02:-5>>, "
        "tensor<2x3x4x!quant.uniform<i8:f32, 2.5e-02:-5>>) -> "
        "tensor<2x3x8x!quant.uniform<i8:f32, 2.5e-02:-5>>\n"
        "  %d = graph.dequantize %c : (tensor<2x3x8x!quant.uniform<i8:f32,"
        " 2.5e-02:-5>>) -> tensor<2x3x8xf32>\n"
        "  return %d : tensor<2x3x8xf32>\n}\n", 2, 0);
}

/* Slices (a window from 0: strided subview; reversed: tl.generic) and a
 * gather of a constant index into a concat. */
static void
test_slices_and_gather(void **state)
{
    fixture *f = *state;
    check_concat(f,
        "func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<2x3x4xf32>)"
        " -> tensor<2x3x5xf32> {\n"
        "  %s = graph.slice %a {axes = array<i64: -1>, starts = "
        "array<i64: 0>, ends = array<i64: 2>} : (tensor<2x3x4xf32>) -> "
        "tensor<2x3x2xf32>\n"
        "  %t = graph.slice %b {axes = array<i64: 2>, starts = "
        "array<i64: 3>, ends = array<i64: 0>, steps = array<i64: -1>} : "
        "(tensor<2x3x4xf32>) -> tensor<2x3x3xf32>\n"
        "  %c = graph.concat %s, %t {axis = 2 : i64} : (tensor<2x3x2xf32>,"
        " tensor<2x3x3xf32>) -> tensor<2x3x5xf32>\n"
        "  %i = graph.constant dense<2> : tensor<i64>\n"
        "  %g = graph.gather %c, %i {axis = 1 : i64} : (tensor<2x3x5xf32>,"
        " tensor<i64>) -> tensor<2x5xf32>\n"
        "  %g3 = graph.reshape %g {shape = array<i64: 2, 1, 5>} : "
        "(tensor<2x5xf32>) -> tensor<2x1x5xf32>\n"
        "  %r = graph.relu %c : (tensor<2x3x5xf32>) -> tensor<2x3x5xf32>\n"
        "  %o = graph.add %r, %g3 : (tensor<2x3x5xf32>, tensor<2x1x5xf32>)"
        " -> tensor<2x3x5xf32>\n"
        "  return %o : tensor<2x3x5xf32>\n}\n", 3, 1);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_each_axis, setup, teardown),
        cmocka_unit_test_setup_teardown(test_returned_and_repeated, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_nested, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_slices_and_gather, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

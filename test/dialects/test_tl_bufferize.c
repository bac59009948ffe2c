/* test/dialects/test_tl_bufferize.c - the tl-bufferize pass: hand-written
 * tl-on-tensors functions, bufferized, checked for structure (allocs,
 * copies, fills, deallocs, globals, signatures) and for verifying; errors
 * for what it cannot bufferize; graph-to-tl output bufferized. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
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

static eo_status
run_pipeline(fixture *f, eo_op *m, const char *pipeline)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    eo_status s = eo_pm_add_pipeline(pm, pipeline);
    if (s == EO_OK)
        s = eo_pm_run(pm, m, NULL);
    eo_pm_destroy(pm);
    return s;
}

/* Op counts by name, and whether any value still has a tensor type. */
typedef struct counts {
    int alloc, dealloc, copy, fill, global, get_global, tl, tensors;
} counts;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    counts *c = ud;
    const char *n = eo_op_name_str(op);
    if (!strcmp(n, "memref.alloc"))
        c->alloc++;
    else if (!strcmp(n, "memref.dealloc"))
        c->dealloc++;
    else if (!strcmp(n, "memref.copy"))
        c->copy++;
    else if (!strcmp(n, "tl.fill"))
        c->fill++;
    else if (!strcmp(n, "memref.global"))
        c->global++;
    else if (!strcmp(n, "memref.get_global"))
        c->get_global++;
    if (tl_op_kind(op) != TL_NUM_OPS && tl_op_kind(op) != TL_YIELD)
        c->tl++;
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (eo_type_get_kind(eo_value_type(eo_op_result(op, i))) ==
            EO_TYPE_TENSOR)
            c->tensors++;
    for (size_t r = 0; r < eo_op_num_regions(op); r++)
        for (eo_block *b = eo_region_first(eo_op_region(op, r)); b;
             b = eo_block_next(b))
            for (size_t i = 0; i < eo_block_num_args(b); i++)
                if (eo_type_get_kind(eo_value_type(eo_block_arg(b, i))) ==
                    EO_TYPE_TENSOR)
                    c->tensors++;
    return EO_WALK_ADVANCE;
}

/* Parses 'text', bufferizes it (must succeed), verifies and counts. */
static eo_op *
bufferize(fixture *f, const char *text, counts *c)
{
    eo_op *m = parse(f, text);
    f->errors = 0;
    assert_int_equal(run_pipeline(f, m, "tl-bufferize"), EO_OK);
    assert_int_equal(f->errors, 0);
    assert_int_equal(eo_op_verify(m), EO_OK);
    memset(c, 0, sizeof *c);
    eo_op_walk(m, EO_WALK_PRE, count_cb, c);
    assert_int_equal(c->tensors, 0);
    assert_int_equal(c->alloc, c->dealloc);
    return m;
}

static eo_op *
find_func(eo_op *m, const char *name)
{
    eo_op *o = eo_symbol_lookup_in(m, name);
    assert_non_null(o);
    assert_string_equal(eo_op_name_str(o), "func.func");
    return o;
}

/* The first top-level op named 'name' in f's body, after 'from' if
 * given. */
static eo_op *
find_op(eo_op *f, const char *name, eo_op *from)
{
    eo_op *o = from ? eo_op_next(from) : eo_block_first(func_entry_block(f));
    for (; o; o = eo_op_next(o))
        if (!strcmp(eo_op_name_str(o), name))
            return o;
    return NULL;
}

/* A chain of three elementwise ops after the first: one buffer, reused
 * in place, the last op writing the out-param; no copies. */
static void
test_chain_in_place(void **state)
{
    fixture *f = *state;
    counts c;
    eo_op *m = bufferize(f,
        "func.func @f(%a: tensor<2x3xf32>) -> tensor<2x3xf32> {\n"
        "  %z = graph.constant dense<0.0> : tensor<2x3xf32>\n"
        "  %0 = tl.elementwise {kind = \"relu\"} ins(%a : tensor<2x3xf32>)"
        " outs(%z : tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  %1 = tl.elementwise {kind = \"neg\"} ins(%0 : tensor<2x3xf32>)"
        " outs(%0 : tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  %2 = tl.elementwise {kind = \"exp\"} ins(%1 : tensor<2x3xf32>)"
        " outs(%1 : tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  %3 = tl.elementwise {kind = \"abs\"} ins(%2 : tensor<2x3xf32>)"
        " outs(%2 : tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  return %3 : tensor<2x3xf32>\n}\n", &c);
    assert_int_equal(c.alloc, 1);
    assert_int_equal(c.copy, 0);
    assert_int_equal(c.fill, 0);
    assert_int_equal(c.global, 0);
    assert_int_equal(c.tl, 4);
    eo_op *fn = find_func(m, "f");
    eo_block *body = func_entry_block(fn);
    /* Signature: (memref, out-param memref) -> (). */
    const eo_type *ft = func_get_type(fn);
    assert_int_equal(eo_type_num_inputs(ft), 2);
    assert_int_equal(eo_type_num_results(ft), 0);
    assert_int_equal(eo_type_get_kind(eo_type_input(ft, 1)), EO_TYPE_MEMREF);
    assert_null(eo_type_layout(eo_type_input(ft, 1)));
    assert_int_equal(eo_block_num_args(body), 2);
    eo_value *buf = eo_op_result(find_op(fn, "memref.alloc", NULL), 0);
    eo_op *t = find_op(fn, "tl.elementwise", NULL);
    assert_ptr_equal(eo_tl_out(t, 0), buf);
    t = find_op(fn, "tl.elementwise", t);
    assert_ptr_equal(eo_tl_in(t, 0), buf);
    assert_ptr_equal(eo_tl_out(t, 0), buf);
    t = find_op(fn, "tl.elementwise", t);
    assert_ptr_equal(eo_tl_out(t, 0), buf);
    t = find_op(fn, "tl.elementwise", t);
    assert_ptr_equal(eo_tl_in(t, 0), buf);
    assert_ptr_equal(eo_tl_out(t, 0), eo_block_arg(body, 1));
    assert_int_equal(eo_op_num_results(t), 0);
    /* The dealloc comes right after the last user, before the return. */
    eo_op *d = eo_op_next(t);
    assert_string_equal(eo_op_name_str(d), "memref.dealloc");
    assert_ptr_equal(eo_op_operand(d, 0), buf);
    assert_string_equal(eo_op_name_str(eo_op_next(d)), "func.return");
    assert_int_equal(eo_op_num_operands(eo_op_next(d)), 0);
    eo_op_destroy(m);
}

/* A value used again after serving as an init: the op gets a second
 * buffer; for an accumulating op, a copy of the init. */
static void
test_value_used_twice(void **state)
{
    fixture *f = *state;
    counts c;
    eo_op *m = bufferize(f,
        "func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {\n"
        "  %z = graph.constant dense<0.0> : tensor<4xf32>\n"
        "  %0 = tl.elementwise {kind = \"neg\"} ins(%a : tensor<4xf32>)"
        " outs(%z : tensor<4xf32>) -> tensor<4xf32>\n"
        "  %1 = tl.elementwise {kind = \"relu\"} ins(%0 : tensor<4xf32>)"
        " outs(%0 : tensor<4xf32>) -> tensor<4xf32>\n"
        "  %2 = tl.elementwise {kind = \"add\"} ins(%0, %1 : tensor<4xf32>,"
        " tensor<4xf32>) outs(%1 : tensor<4xf32>) -> tensor<4xf32>\n"
        "  return %2 : tensor<4xf32>\n}\n", &c);
    assert_int_equal(c.alloc, 2);
    assert_int_equal(c.copy, 0);
    eo_op_destroy(m);

    m = bufferize(f,
        "func.func @g(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>,"
        " %c: tensor<2x4xf32>) -> tensor<2x4xf32> {\n"
        "  %n = tl.elementwise {kind = \"neg\"} ins(%c : tensor<2x4xf32>)"
        " outs(%c : tensor<2x4xf32>) -> tensor<2x4xf32>\n"
        "  %0 = tl.matmul ins(%a, %b : tensor<2x3xf32>, tensor<3x4xf32>)"
        " outs(%n : tensor<2x4xf32>) -> tensor<2x4xf32>\n"
        "  %1 = tl.elementwise {kind = \"add\"} ins(%0, %n : tensor<2x4xf32>,"
        " tensor<2x4xf32>) outs(%0 : tensor<2x4xf32>) -> tensor<2x4xf32>\n"
        "  return %1 : tensor<2x4xf32>\n}\n", &c);
    assert_int_equal(c.alloc, 2);
    assert_int_equal(c.copy, 1);
    eo_op *fn = find_func(m, "g");
    eo_op *cp = find_op(fn, "memref.copy", NULL);
    eo_op *mm = find_op(fn, "tl.matmul", NULL);
    eo_op *neg = find_op(fn, "tl.elementwise", NULL);
    assert_ptr_equal(eo_op_operand(cp, 0), eo_tl_out(neg, 0));
    assert_ptr_equal(eo_op_operand(cp, 1), eo_tl_out(mm, 0));
    assert_ptr_not_equal(eo_tl_out(neg, 0), eo_tl_out(mm, 0));
    /* The argument %c is read, never written. */
    eo_block *body = func_entry_block(fn);
    assert_ptr_equal(eo_tl_in(neg, 0), eo_block_arg(body, 2));
    assert_ptr_not_equal(eo_tl_out(neg, 0), eo_block_arg(body, 2));
    eo_op_destroy(m);
}

/* A reduction with a zero init: alloc + tl.fill of an arith.constant
 * zero, then the matmul in that buffer. Weights: memref.global with the
 * same dense_resource attribute (no copy of the blob). */
static void
test_matmul_zero_init_and_weights(void **state)
{
    fixture *f = *state;
    counts c;
    eo_op *m = bufferize(f,
        "func.func @f(%a: tensor<2x3xi8>) -> tensor<2x4xi32> {\n"
        "  %w = graph.constant {name = \"fc/w\"} dense_resource<fc_w>"
        " : tensor<3x4xi8>\n"
        "  %z = graph.constant dense<0> : tensor<2x4xi32>\n"
        "  %0 = tl.matmul {lhs_zp = 1 : i64} ins(%a, %w : tensor<2x3xi8>,"
        " tensor<3x4xi8>) outs(%z : tensor<2x4xi32>) -> tensor<2x4xi32>\n"
        "  %k = graph.constant dense<[1, 2, 3, 4]> : tensor<4xi32>\n"
        "  %1 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>,"
        " affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>],"
        " iterator_types = [\"parallel\", \"parallel\"]}"
        " ins(%0, %k : tensor<2x4xi32>, tensor<4xi32>)"
        " outs(%0 : tensor<2x4xi32>) {\n"
        "  ^bb0(%x: i32, %y: i32, %o: i32):\n"
        "    %s = arith.addi %x, %y : i32\n"
        "    tl.yield %s : i32\n"
        "  } -> tensor<2x4xi32>\n"
        "  return %1 : tensor<2x4xi32>\n}\n"
        "{-#\n  dialect_resources: {\n    builtin: {\n"
        "      fc_w: \"0x04000000000102030405060708090A0B\"\n"
        "    }\n  }\n#-}\n", &c);
    assert_int_equal(c.alloc, 1);
    assert_int_equal(c.fill, 1);
    assert_int_equal(c.copy, 0);
    assert_int_equal(c.global, 2);
    assert_int_equal(c.get_global, 2);
    eo_op *g = eo_symbol_lookup_in(m, "__constant_fc_w");
    assert_non_null(g);
    assert_string_equal(eo_op_name_str(g), "memref.global");
    assert_non_null(eo_op_attr(g, "constant"));
    size_t len;
    const char *vis = eo_attr_string(eo_op_attr(g, "sym_visibility"), &len);
    assert_int_equal(len, 7);
    assert_memory_equal(vis, "private", 7);
    const eo_attr *init = eo_op_attr(g, "initial_value");
    assert_int_equal(eo_attr_get_kind(init), EO_ATTR_DENSE_RESOURCE);
    eo_resource *r = eo_attr_resource(init);
    assert_non_null(r);
    assert_ptr_equal(r, eo_resource_lookup(f->ctx, "fc_w"));
    assert_non_null(eo_symbol_lookup_in(m, "__constant_4xi32"));

    eo_op *fn = find_func(m, "f");
    eo_op *gg = find_op(fn, "memref.get_global", NULL);
    eo_op *fill = find_op(fn, "tl.fill", NULL);
    eo_op *mm = find_op(fn, "tl.matmul", NULL);
    eo_op *cst = eo_value_def_op(eo_tl_in(fill, 0));
    assert_string_equal(eo_op_name_str(cst), "arith.constant");
    assert_true(eo_attr_is_zero(eo_op_attr(cst, "value")));
    assert_ptr_equal(eo_tl_out(fill, 0), eo_tl_out(mm, 0));
    assert_ptr_equal(eo_tl_in(mm, 1), eo_op_result(gg, 0));
    assert_int_equal(eo_attr_int_value(eo_op_attr(mm, "lhs_zp")), 1);
    /* The bias add runs in place and writes... the out-param directly,
     * since it is returned. */
    eo_op *add = find_op(fn, "tl.generic", NULL);
    assert_ptr_equal(eo_tl_in(add, 0), eo_tl_out(mm, 0));
    assert_ptr_equal(eo_tl_out(add, 0),
                     eo_block_arg(func_entry_block(fn), 1));
    assert_int_equal(eo_op_num_regions(add), 1);
    assert_false(eo_block_empty(eo_region_first(eo_op_region(add, 0))));
    eo_op_destroy(m);
}

/* Results become out-params in order; scalar results stay; returned
 * arguments, constants and repeated values are copied. */
static void
test_results_to_out_params(void **state)
{
    fixture *f = *state;
    counts c;
    eo_op *m = bufferize(f,
        "func.func @f(%a: tensor<2xi8>, %s: f32) -> (tensor<2xi8>, f32,"
        " tensor<2xi8>, tensor<2xi8>, tensor<2xi8>) {\n"
        "  %c = graph.constant dense<[1, -2]> : tensor<2xi8>\n"
        "  %0 = tl.elementwise {kind = \"abs\"} ins(%a : tensor<2xi8>)"
        " outs(%c : tensor<2xi8>) -> tensor<2xi8>\n"
        "  return %a, %s, %c, %0, %0 : tensor<2xi8>, f32, tensor<2xi8>,"
        " tensor<2xi8>, tensor<2xi8>\n}\n", &c);
    assert_int_equal(c.alloc, 0);
    assert_int_equal(c.copy, 3);
    eo_op *fn = find_func(m, "f");
    const eo_type *ft = func_get_type(fn);
    assert_int_equal(eo_type_num_inputs(ft), 6);
    assert_int_equal(eo_type_num_results(ft), 1);
    assert_true(eo_type_is_float(eo_type_result(ft, 0)));
    eo_block *body = func_entry_block(fn);
    eo_op *abs = find_op(fn, "tl.elementwise", NULL);
    assert_ptr_equal(eo_tl_out(abs, 0), eo_block_arg(body, 4));
    eo_op *ret = eo_block_last(body);
    assert_int_equal(eo_op_num_operands(ret), 1);
    assert_ptr_equal(eo_op_operand(ret, 0), eo_block_arg(body, 1));
    eo_op_destroy(m);
}

/* Two outs with the same init: the first takes the buffer in place, the
 * second (whose body reads its out) gets a copy made before the op. A
 * returned accumulation whose init is a single-use tl result: the init's
 * producer writes the out-param, the matmul accumulates there. */
static void
test_shared_init_and_return_chain(void **state)
{
    fixture *f = *state;
    counts c;
    eo_op *m = bufferize(f,
        "#id = affine_map<(d0) -> (d0)>\n"
        "func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {\n"
        "  %0 = tl.elementwise {kind = \"neg\"} ins(%a : tensor<4xf32>)"
        " outs(%a : tensor<4xf32>) -> tensor<4xf32>\n"
        "  %1:2 = tl.generic {indexing_maps = [#id, #id, #id],"
        " iterator_types = [\"parallel\"]} ins(%a : tensor<4xf32>)"
        " outs(%0, %0 : tensor<4xf32>, tensor<4xf32>) {\n"
        "  ^bb0(%x: f32, %o: f32, %p: f32):\n"
        "    %s = arith.addf %x, %p : f32\n"
        "    tl.yield %x, %s : f32, f32\n"
        "  } -> tensor<4xf32>, tensor<4xf32>\n"
        "  %2 = tl.elementwise {kind = \"add\"} ins(%1#0, %1#1 :"
        " tensor<4xf32>, tensor<4xf32>) outs(%1#0 : tensor<4xf32>)"
        " -> tensor<4xf32>\n"
        "  return %2 : tensor<4xf32>\n}\n", &c);
    assert_int_equal(c.alloc, 2);
    assert_int_equal(c.copy, 1);
    eo_op *fn = find_func(m, "f");
    eo_op *neg = find_op(fn, "tl.elementwise", NULL);
    eo_op *g = find_op(fn, "tl.generic", NULL);
    eo_op *cp = eo_op_prev(g);
    assert_string_equal(eo_op_name_str(cp), "memref.copy");
    assert_ptr_equal(eo_tl_out(g, 0), eo_tl_out(neg, 0));
    assert_ptr_equal(eo_op_operand(cp, 0), eo_tl_out(neg, 0));
    assert_ptr_equal(eo_op_operand(cp, 1), eo_tl_out(g, 1));
    eo_op_destroy(m);

    m = bufferize(f,
        "func.func @g(%a: tensor<1x3xf32>, %w: tensor<3x4xf32>,"
        " %b: tensor<4xf32>) -> tensor<1x4xf32> {\n"
        "  %z = graph.constant dense<0.0> : tensor<1x4xf32>\n"
        "  %0 = tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>,"
        " affine_map<(d0, d1) -> (d0, d1)>], iterator_types ="
        " [\"parallel\", \"parallel\"]} ins(%b : tensor<4xf32>)"
        " outs(%z : tensor<1x4xf32>) {\n"
        "  ^bb0(%x: f32, %o: f32):\n"
        "    tl.yield %x : f32\n"
        "  } -> tensor<1x4xf32>\n"
        "  %1 = tl.matmul ins(%a, %w : tensor<1x3xf32>, tensor<3x4xf32>)"
        " outs(%0 : tensor<1x4xf32>) -> tensor<1x4xf32>\n"
        "  return %1 : tensor<1x4xf32>\n}\n", &c);
    assert_int_equal(c.alloc, 0);
    assert_int_equal(c.copy, 0);
    assert_int_equal(c.fill, 0);
    fn = find_func(m, "g");
    eo_value *outp = eo_block_arg(func_entry_block(fn), 3);
    assert_ptr_equal(eo_tl_out(find_op(fn, "tl.generic", NULL), 0), outp);
    assert_ptr_equal(eo_tl_out(find_op(fn, "tl.matmul", NULL), 0), outp);
    eo_op_destroy(m);
}

/* What the pass cannot bufferize is an error naming the op. */
static void
test_errors(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: tensor<4xf32>) -> tensor<4xf32> {\n"
        "  %0 = graph.relu %a : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  return %0 : tensor<4xf32>\n}\n");
    f->errors = 0;
    assert_int_equal(run_pipeline(f, m, "tl-bufferize"), EO_ERROR);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->last, "cannot bufferize"));
    assert_non_null(strstr(f->last, "'graph.relu' op"));
    eo_op_destroy(m);

    m = parse(f,
        "func.func @f(%a: tensor<?xf32>) -> tensor<?xf32> {\n"
        "  return %a : tensor<?xf32>\n}\n");
    f->errors = 0;
    assert_int_equal(run_pipeline(f, m, "tl-bufferize"), EO_ERROR);
    assert_non_null(strstr(f->last, "cannot bufferize 'tensor<?xf32>'"));
    eo_op_destroy(m);
}

/* graph-to-tl's output (fresh zero inits everywhere) bufferizes into one
 * accumulator buffer for matmul + activations. */
static void
test_after_graph_to_tl(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @g(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>)"
        " -> tensor<2x4xf32> {\n"
        "  %y = graph.matmul %a, %b {activation = \"tanh\"}"
        " : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>\n"
        "  %z = graph.relu %y : (tensor<2x4xf32>) -> tensor<2x4xf32>\n"
        "  return %z : tensor<2x4xf32>\n}\n");
    f->errors = 0;
    assert_int_equal(run_pipeline(f, m,
                                  "func.func(graph-to-tl),tl-bufferize"),
                     EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    counts c = {0};
    eo_op_walk(m, EO_WALK_PRE, count_cb, &c);
    assert_int_equal(c.tensors, 0);
    assert_int_equal(c.alloc, 1);
    assert_int_equal(c.dealloc, 1);
    assert_int_equal(c.copy, 0);
    assert_int_equal(c.fill, 1);
    assert_int_equal(c.tl, 4);   /* fill, matmul, tanh, relu */
    eo_op_destroy(m);
}

/* Real models through graph-optimize, graph-to-tl and tl-bufferize (with
 * pads, reshapes and transposes): no tensor left, every alloc freed, the
 * IR verifies, and the in-place analysis leaves fewer buffers than values.
 * Skipped when the shared models are absent. */
static void
test_real_models(void **state)
{
    fixture *f = *state;
    static const char *const models[] = {
        "ad_autoencoder_f32", "kws_dscnn_f32", "ic_resnet8_f32"
    };
    for (size_t i = 0; i < sizeof models / sizeof *models; i++) {
        char path[256];
        snprintf(path, sizeof path,
                 EO_TEST_SHARED_DIR "/models/mlperf-tiny/%s.onnx", models[i]);
        FILE *fp = fopen(path, "rb");
        if (!fp)
            skip();
        fclose(fp);
        eo_op *m = eo_onnx_import_file(f->ctx, path, NULL);
        assert_non_null(m);
        if (run_pipeline(f, m, "graph-optimize,func.func(graph-to-tl)")
            != EO_OK)
            fail_msg("%s: %s", models[i], f->last);
        counts before = {0};
        eo_op_walk(m, EO_WALK_PRE, count_cb, &before);
        f->errors = 0;
        if (run_pipeline(f, m, "tl-bufferize") != EO_OK)
            fail_msg("%s: %s", models[i], f->last);
        assert_int_equal(eo_op_verify(m), EO_OK);
        counts c = {0};
        eo_op_walk(m, EO_WALK_PRE, count_cb, &c);
        assert_int_equal(c.tensors, 0);
        assert_int_equal(c.alloc, c.dealloc);
        assert_true(c.alloc > 0);
        assert_true(c.alloc < before.tl);
        eo_op_destroy(m);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_chain_in_place, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_value_used_twice, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmul_zero_init_and_weights,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_results_to_out_params, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_shared_init_and_return_chain,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_after_graph_to_tl, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_real_models, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

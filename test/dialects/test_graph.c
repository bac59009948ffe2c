/* test/dialects/test_graph.c - the graph dialect's C API: op kinds and
 * names, ops built with eo_builder and verified, eo_graph_infer_shapes on
 * every class of op (and its errors), the resolved conv/pool record
 * (auto_pad, NHWC, global pools), activations, attribute getters, quantized
 * constants and constant materialization.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
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

static void
reset(fixture *f)
{
    f->errors = 0;
    f->msg[0] = '\0';
}

static const eo_type *
ty(fixture *f, const char *s)
{
    const eo_type *t = eo_type_parse(f->ctx, s, strlen(s));
    if (!t)
        fail_msg("bad type %s: %s", s, f->msg);
    return t;
}

static const eo_attr *
dict(fixture *f, const char *s)
{
    if (!s)
        return NULL;
    const eo_attr *a = eo_attr_parse(f->ctx, s, strlen(s));
    if (!a)
        fail_msg("bad attribute %s: %s", s, f->msg);
    return a;
}

/* Infers op k on operand types 'types' (a NULL-terminated list of type
 * spellings) with attributes 'attrs'; expects result 0 to be 'want'
 * ("[1, 2]") and returns the number of results, or -1 after an error (the
 * message is in f->msg). */
static int
infer(fixture *f, eo_graph_op k, const char *const *types, const char *attrs,
      const char *want)
{
    const eo_type *ops[8];
    size_t n = 0;
    while (types[n])
        ops[n] = ty(f, types[n]), n++;
    size_t nres = 4, ranks[4];
    int64_t shapes[4][EO_GRAPH_MAX_RANK];
    reset(f);
    if (eo_graph_infer_shapes(f->ctx, NULL, k, n, ops, dict(f, attrs), &nres,
                              ranks, shapes) != EO_OK) {
        assert_true(f->errors > 0);
        return -1;
    }
    char buf[256];
    size_t len = 0;
    len += (size_t)snprintf(buf, sizeof buf, "[");
    for (size_t i = 0; i < ranks[0]; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%lld",
                                i ? ", " : "", (long long)shapes[0][i]);
    snprintf(buf + len, sizeof buf - len, "]");
    if (want)
        assert_string_equal(buf, want);
    return (int)nres;
}

#define TYPES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Parses and verifies a module; returns it (the caller destroys it). */
static eo_op *
parse_ok(fixture *f, const char *text)
{
    reset(f);
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->msg);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("verify failed: %s", f->msg);
    return m;
}

/* The first op of the first function's body. */
static eo_op *
first_op(eo_op *module)
{
    eo_op *fn = eo_block_first(eo_module_body(module));
    return eo_block_first(eo_region_first(eo_op_region(fn, 0)));
}

/* ------------------------------------------------------------------ */

static void
test_kinds_and_names(void **state)
{
    fixture *f = *state;
    for (int k = 0; k < GRAPH_NUM_OPS; k++) {
        const char *name = eo_graph_op_name((eo_graph_op)k);
        assert_non_null(name);
        const eo_op_def *d = eo_op_def_lookup(f->ctx, name, strlen(name));
        assert_non_null(d);
        assert_true(d->traits & EO_PURE);
    }
    assert_string_equal(eo_graph_op_name(GRAPH_CONV2D), "graph.conv2d");
    assert_string_equal(eo_graph_op_name(GRAPH_REQUANTIZE),
                        "graph.requantize");
    assert_null(eo_graph_op_name(GRAPH_NUM_OPS));
    assert_null(eo_graph_op_name((eo_graph_op)-1));
    const eo_op_def *c = eo_op_def_lookup(f->ctx, "graph.constant", 14);
    assert_true(c->traits & EO_CONSTANT_LIKE);
    assert_true(eo_op_def_lookup(f->ctx, "graph.add", 9)->traits &
                EO_COMMUTATIVE);
    assert_false(eo_op_def_lookup(f->ctx, "graph.sub", 9)->traits &
                 EO_COMMUTATIVE);
    assert_true(eo_op_def_is_inherent_attr(
        eo_op_def_lookup(f->ctx, "graph.conv2d", 12), "name"));

    eo_op *m = parse_ok(f, "func.func @f(%x: tensor<2xf32>) {\n"
                           "  %0 = graph.relu %x : (tensor<2xf32>) -> "
                           "tensor<2xf32>\n"
                           "  %1 = arith.constant 1 : i32\n  return\n}\n");
    eo_op *relu = first_op(m);
    assert_int_equal(eo_graph_op_kind(relu), GRAPH_RELU);
    assert_int_equal(eo_graph_op_kind(eo_op_next(relu)), -1);
    assert_int_equal(eo_graph_op_kind(NULL), -1);
    eo_op_destroy(m);
}

/* Builds graph.conv2d with eo_builder into a function and verifies it. */
static void
test_builder_verify(void **state)
{
    fixture *f = *state;
    eo_ctx *ctx = f->ctx;
    const eo_type *x = ty(f, "tensor<1x3x9x9xf32>");
    const eo_type *w = ty(f, "tensor<4x3x3x3xf32>");
    const eo_type *ins[] = {x, w};
    const eo_type *ft = eo_type_get_function(ctx, 2, ins, 0, NULL);
    eo_op *m = eo_module_create(ctx, NULL);
    eo_op *fn = func_create(ctx, NULL, "f", ft, false);
    assert_non_null(m);
    assert_non_null(fn);
    eo_block_append(eo_module_body(m), fn);
    eo_block *entry = func_entry_block(fn);
    eo_builder b;
    eo_builder_init(&b, ctx);
    eo_builder_set_end(&b, entry);
    int64_t two[2] = {2, 2};
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    eo_named_attr attrs[] = {
        {eo_ident_cstr(ctx, "strides"),
         eo_attr_get_dense_array(ctx, i64, 2, two)},
        {eo_ident_cstr(ctx, "auto_pad"),
         eo_attr_get_string(ctx, "SAME_UPPER", 10, NULL)},
        {eo_ident_cstr(ctx, "name"), eo_attr_get_string(ctx, "c1", 2, NULL)},
    };
    eo_value *ops[] = {eo_block_arg(entry, 0), eo_block_arg(entry, 1)};
    const eo_type *good = ty(f, "tensor<1x4x5x5xf32>");
    eo_op *conv = eo_builder_create(&b, "graph.conv2d", 2, ops, 1, &good, 3,
                                    attrs);
    assert_non_null(conv);
    /* Inherent attributes are properties. */
    assert_non_null(eo_attr_dict_get(eo_op_props(conv), "strides"));
    eo_op_state st;
    eo_op_state_init(&st, ctx, "func.return", NULL);
    assert_non_null(eo_builder_insert(&b, &st));
    reset(f);
    assert_int_equal(eo_op_verify(m), EO_OK);

    /* A wrong result shape: the spec's message. */
    eo_value_set_type(eo_op_result(conv, 0), ty(f, "tensor<1x4x5x4xf32>"));
    reset(f);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_string_equal(f->msg, "'graph.conv2d' op result shape [1, 4, 5, 4] "
                                "does not match the inferred shape "
                                "[1, 4, 5, 5]");
    eo_value_set_type(eo_op_result(conv, 0), good);

    /* Custom form: the attribute dictionary sorted by name. */
    eo_strbuf out = {0};
    eo_print_flags fl = {0};
    eo_op_print_to(m, &fl, &out);
    assert_non_null(strstr(out.data, "graph.conv2d %arg0, %arg1 {auto_pad = "
                                     "\"SAME_UPPER\", name = \"c1\", strides "
                                     "= array<i64: 2, 2>} : (tensor<1x3x9x9x"
                                     "f32>, tensor<4x3x3x3xf32>) -> tensor<"
                                     "1x4x5x5xf32>"));
    eo_strbuf_free(&out);
    eo_op_destroy(m);
}

static void
test_infer_conv(void **state)
{
    fixture *f = *state;
    const char *const *xw = TYPES("tensor<1x3x96x96xf32>",
                                  "tensor<8x3x3x3xf32>", "tensor<8xf32>");
    assert_int_equal(infer(f, GRAPH_CONV2D, xw,
                           "{strides = array<i64: 2, 2>, pads = array<i64: "
                           "1, 1, 1, 1>}", "[1, 8, 48, 48]"), 1);
    infer(f, GRAPH_CONV2D, xw, NULL, "[1, 8, 94, 94]");
    infer(f, GRAPH_CONV2D, xw, "{auto_pad = \"SAME_LOWER\", strides = "
          "array<i64: 5, 3>}", "[1, 8, 20, 32]");
    infer(f, GRAPH_CONV2D, xw, "{dilations = array<i64: 3, 1>, pads = "
          "array<i64: 0, 0, 2, 0>}", "[1, 8, 92, 94]");
    /* NHWC with an OHWI filter. */
    infer(f, GRAPH_CONV2D, TYPES("tensor<1x10x12x4xf32>",
                                 "tensor<6x3x3x2xf32>"),
          "{layout = \"NHWC\", groups = 2 : i64}", "[1, 8, 10, 6]");
    /* conv_transpose2d: ONNX's formula with output_padding. */
    infer(f, GRAPH_CONV_TRANSPOSE2D, TYPES("tensor<1x4x5x5xf32>",
                                           "tensor<4x3x3x3xf32>"),
          "{strides = array<i64: 2, 2>, output_padding = array<i64: 1, 0>}",
          "[1, 3, 12, 11]");
    infer(f, GRAPH_CONV_TRANSPOSE2D, TYPES("tensor<1x4x5x5xf32>",
                                           "tensor<4x1x3x3xf32>"),
          "{groups = 2 : i64, auto_pad = \"SAME_UPPER\", strides = "
          "array<i64: 2, 2>}", "[1, 2, 10, 10]");
    /* Errors. */
    assert_int_equal(infer(f, GRAPH_CONV2D, TYPES("tensor<1x3x?x96xf32>",
                                                  "tensor<8x3x3x3xf32>"),
                           NULL, NULL), -1);
    assert_string_equal(f->msg, "'graph.conv2d' op operand #0 has a dynamic "
                                "dimension (dim 2); graph ops need static "
                                "shapes");
    assert_int_equal(infer(f, GRAPH_CONV2D, TYPES("tensor<1x3x96x96xf32>"),
                           NULL, NULL), -1);
    assert_string_equal(f->msg, "'graph.conv2d' op expected 2 to 3 operands, "
                                "but found 1");
    assert_int_equal(infer(f, GRAPH_CONV2D, xw, "{groups = 0 : i64}", NULL),
                     -1);
    assert_string_equal(f->msg, "'graph.conv2d' op attribute 'groups' must be "
                                "positive, but is 0");
    assert_int_equal(infer(f, GRAPH_CONSTANT, TYPES("tensor<2xf32>"), NULL,
                           NULL), -1);
}

static void
test_infer_pools(void **state)
{
    fixture *f = *state;
    const char *const *x = TYPES("tensor<1x3x7x7xf32>");
    infer(f, GRAPH_MAX_POOL, x, "{kernel = array<i64: 3, 3>, strides = "
          "array<i64: 2, 2>}", "[1, 3, 3, 3]");
    infer(f, GRAPH_MAX_POOL, x, "{kernel = array<i64: 2, 2>, strides = "
          "array<i64: 2, 2>, ceil_mode = true}", "[1, 3, 4, 4]");
    /* ceil_mode: the last window must start inside the input or the left
     * padding (in 5, k 2, s 2, pads 1/1: 4 windows by ceil, the 4th would
     * start at 6 >= 5 + 1). */
    infer(f, GRAPH_AVG_POOL, TYPES("tensor<1x1x5x5xf32>"),
          "{kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = "
          "array<i64: 1, 1, 1, 1>, ceil_mode = true}", "[1, 1, 3, 3]");
    infer(f, GRAPH_AVG_POOL, TYPES("tensor<1x7x7x3xf32>"),
          "{kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, "
          "auto_pad = \"SAME_UPPER\", layout = \"NHWC\"}", "[1, 4, 4, 3]");
    infer(f, GRAPH_GLOBAL_AVG_POOL, x, NULL, "[1, 3, 1, 1]");
    infer(f, GRAPH_GLOBAL_MAX_POOL, TYPES("tensor<2x5x6x3xf32>"),
          "{layout = \"NHWC\"}", "[2, 1, 1, 3]");
    assert_int_equal(infer(f, GRAPH_MAX_POOL, x, "{kernel = array<i64: 8, "
                           "1>}", NULL), -1);
    assert_string_equal(f->msg, "'graph.max_pool' op pooling window (extent "
                                "8) does not fit in the padded input (size "
                                "7) along H");
}

static void
test_infer_linear(void **state)
{
    fixture *f = *state;
    infer(f, GRAPH_MATMUL, TYPES("tensor<2x1x3x4xf32>", "tensor<5x4x6xf32>"),
          NULL, "[2, 5, 3, 6]");
    infer(f, GRAPH_MATMUL, TYPES("tensor<4xf32>", "tensor<4xf32>"), NULL,
          "[]");
    infer(f, GRAPH_MATMUL, TYPES("tensor<4xf32>", "tensor<3x4x2xf32>"), NULL,
          "[3, 2]");
    infer(f, GRAPH_MATMUL, TYPES("tensor<3x2x4xf32>", "tensor<4xf32>"), NULL,
          "[3, 2]");
    infer(f, GRAPH_GEMM, TYPES("tensor<4x3xf32>", "tensor<5x4xf32>",
                               "tensor<1x5xf32>"),
          "{trans_a = true, trans_b = true}", "[3, 5]");
    assert_int_equal(infer(f, GRAPH_MATMUL, TYPES("tensor<2x3x4xf32>",
                                                  "tensor<3x4x2xf32>"),
                           NULL, NULL), -1);
    assert_string_equal(f->msg, "'graph.matmul' op operand shapes [2] and "
                                "[3] are not broadcastable");
    infer(f, GRAPH_ADD, TYPES("tensor<2x1x3xf32>", "tensor<4x1xf32>"), NULL,
          "[2, 4, 3]");
    infer(f, GRAPH_POW, TYPES("tensor<f32>", "tensor<2x2xf32>"), NULL,
          "[2, 2]");
}

static void
test_infer_data_movement(void **state)
{
    fixture *f = *state;
    const char *const *x = TYPES("tensor<2x3x4xf32>");
    infer(f, GRAPH_RESHAPE, x, "{shape = array<i64: 4, 0, 6>}", NULL);
    assert_string_equal(f->msg, "'graph.reshape' op attribute 'shape' has 0 "
                                "elements, but the input has 24");
    infer(f, GRAPH_RESHAPE, x, "{shape = array<i64: 4, 6>}", "[4, 6]");
    infer(f, GRAPH_FLATTEN, x, "{axis = -1 : i64}", "[6, 4]");
    infer(f, GRAPH_FLATTEN, x, "{axis = 3 : i64}", "[24, 1]");
    infer(f, GRAPH_TRANSPOSE, x, "{perm = array<i64: 2, 0, 1>}", "[4, 2, 3]");
    infer(f, GRAPH_CONCAT, TYPES("tensor<2x3x4xf32>", "tensor<2x1x4xf32>",
                                 "tensor<2x2x4xf32>"),
          "{axis = -2 : i64}", "[2, 6, 4]");
    /* split: one result per size. */
    size_t nres = 4, ranks[4];
    int64_t shapes[4][EO_GRAPH_MAX_RANK];
    const eo_type *ops[] = {ty(f, "tensor<2x3x4xf32>")};
    reset(f);
    assert_int_equal(eo_graph_infer_shapes(f->ctx, NULL, GRAPH_SPLIT, 1, ops,
                                           dict(f, "{axis = 2 : i64, sizes = "
                                                "array<i64: 1, 0, 3>}"),
                                           &nres, ranks, shapes), EO_OK);
    assert_int_equal(nres, 3);
    assert_int_equal(shapes[0][2], 1);
    assert_int_equal(shapes[1][2], 0);
    assert_int_equal(shapes[2][2], 3);
    assert_int_equal(ranks[2], 3);
    nres = 2;                           /* too little room */
    assert_int_equal(eo_graph_infer_shapes(f->ctx, NULL, GRAPH_SPLIT, 1, ops,
                                           dict(f, "{sizes = array<i64: 1, "
                                                "0, 1>}"),
                                           &nres, ranks, shapes), EO_ERROR);
    /* slice: ONNX's clamping, negative indices and steps. */
    infer(f, GRAPH_SLICE, TYPES("tensor<10x5xf32>"),
          "{starts = array<i64: -3, 100>, ends = array<i64: 100, -100>, "
          "steps = array<i64: 1, -2>}", "[3, 3]");
    infer(f, GRAPH_SLICE, TYPES("tensor<10x5xf32>"),
          "{starts = array<i64: 8>, ends = array<i64: 2>, axes = "
          "array<i64: -2>}", "[0, 5]");
    infer(f, GRAPH_SLICE, TYPES("tensor<10x5xf32>"),
          "{starts = array<i64: 1>, ends = array<i64: 10>, axes = "
          "array<i64: 0>, steps = array<i64: 4>}", "[3, 5]");
    infer(f, GRAPH_PAD, x, "{pads = array<i64: 1, 0, 2, 0, 3, 1>}",
          "[3, 6, 7]");
    infer(f, GRAPH_SQUEEZE, TYPES("tensor<1x3x1x2xf32>"), NULL, "[3, 2]");
    infer(f, GRAPH_SQUEEZE, TYPES("tensor<1x3x1x2xf32>"),
          "{axes = array<i64: -2>}", "[1, 3, 2]");
    infer(f, GRAPH_UNSQUEEZE, x, "{axes = array<i64: 1, -1>}",
          "[2, 1, 3, 4, 1]");
    infer(f, GRAPH_GATHER, TYPES("tensor<2x3x4xf32>", "tensor<5x6xi64>"),
          "{axis = -1 : i64}", "[2, 3, 5, 6]");
    infer(f, GRAPH_GATHER, TYPES("tensor<2x3x4xf32>", "tensor<i32>"), NULL,
          "[3, 4]");
    infer(f, GRAPH_REDUCE_MEAN, x, "{axes = array<i64: 0, 2>}", "[1, 3, 1]");
    infer(f, GRAPH_REDUCE_SUM, x, "{axes = array<i64: 1>, keepdims = false}",
          "[2, 4]");
    infer(f, GRAPH_REDUCE_MAX, x, "{keepdims = false}", "[]");
    infer(f, GRAPH_RESIZE, TYPES("tensor<1x3x5x5xf32>"),
          "{scales = array<f64: 2.5, 0.5>}", "[1, 3, 12, 2]");
    assert_int_equal(infer(f, GRAPH_RESIZE, TYPES("tensor<1x3x5x5xf32>"),
                           NULL, NULL), -1);
    infer(f, GRAPH_SOFTMAX, x, NULL, "[2, 3, 4]");
    infer(f, GRAPH_QUANTIZE, x, NULL, "[2, 3, 4]");
    infer(f, GRAPH_LAYER_NORM, TYPES("tensor<2x3x4xf32>", "tensor<3x4xf32>"),
          "{axis = 1 : i64}", "[2, 3, 4]");
    assert_int_equal(infer(f, GRAPH_REDUCE_MEAN, x, "{axes = array<i64: 3>}",
                           NULL), -1);
    assert_string_equal(f->msg, "'graph.reduce_mean' op axis 3 is out of "
                                "range for rank 3");
    assert_int_equal(infer(f, GRAPH_UNSQUEEZE, x, "{axes = array<i64: 0, "
                           "-5>}", NULL), -1);
    assert_string_equal(f->msg, "'graph.unsqueeze' op axis -5 appears twice "
                                "in 'axes'");
}

/* The first op of a one-op function, parsed from 'body'. */
static eo_op *
one_op(fixture *f, eo_op **module, const char *args, const char *body)
{
    char text[2048];
    snprintf(text, sizeof text, "func.func @f(%s) {\n  %s\n  return\n}\n",
             args, body);
    *module = parse_ok(f, text);
    return first_op(*module);
}

static void
test_conv_params(void **state)
{
    fixture *f = *state;
    eo_op *m;
    eo_graph_conv c;
    /* SAME_UPPER on an even input: the odd pixel goes at the end. */
    eo_op *op = one_op(f, &m, "%x: tensor<2x3x8x10xf32>, %w: "
                       "tensor<6x3x3x3xf32>, %b: tensor<6xf32>",
                       "%0 = graph.conv2d %x, %w, %b {auto_pad = "
                       "\"SAME_UPPER\", strides = array<i64: 2, 2>, "
                       "activation = \"relu6\"} : (tensor<2x3x8x10xf32>, "
                       "tensor<6x3x3x3xf32>, tensor<6xf32>) -> "
                       "tensor<2x6x4x5xf32>");
    assert_int_equal(eo_graph_conv_params(op, &c), EO_OK);
    assert_false(c.nhwc);
    assert_int_equal(c.n, 2);
    assert_int_equal(c.c, 3);
    assert_int_equal(c.h, 8);
    assert_int_equal(c.w, 10);
    assert_int_equal(c.o, 6);
    assert_int_equal(c.ho, 4);
    assert_int_equal(c.wo, 5);
    assert_int_equal(c.kh, 3);
    assert_int_equal(c.kw, 3);
    assert_int_equal(c.stride[0], 2);
    assert_int_equal(c.dilation[1], 1);
    assert_int_equal(c.pad[0], 0);      /* top: total 1 on H */
    assert_int_equal(c.pad[1], 0);      /* left: total 1 on W */
    assert_int_equal(c.pad[2], 1);      /* bottom */
    assert_int_equal(c.pad[3], 1);      /* right */
    assert_int_equal(c.groups, 1);
    assert_true(c.has_bias);
    assert_int_equal(c.act.kind, EO_ACT_RELU6);
    assert_true(c.act.min == 0.0f && c.act.max == 6.0f);
    eo_op_destroy(m);

    /* SAME_LOWER, NHWC, OHWI: the odd pixel at the beginning. */
    op = one_op(f, &m, "%x: tensor<1x8x8x4xf32>, %w: tensor<2x3x3x4xf32>",
                "%0 = graph.conv2d %x, %w {auto_pad = \"SAME_LOWER\", "
                "strides = array<i64: 2, 2>, layout = \"NHWC\"} : "
                "(tensor<1x8x8x4xf32>, tensor<2x3x3x4xf32>) -> "
                "tensor<1x4x4x2xf32>");
    assert_int_equal(eo_graph_conv_params(op, &c), EO_OK);
    assert_true(c.nhwc);
    assert_int_equal(c.c, 4);
    assert_int_equal(c.h, 8);
    assert_int_equal(c.o, 2);
    assert_int_equal(c.ho, 4);
    assert_int_equal(c.pad[0], 1);
    assert_int_equal(c.pad[2], 0);
    assert_false(c.has_bias);
    assert_int_equal(c.act.kind, EO_ACT_NONE);
    eo_op_destroy(m);

    /* Global pool: the kernel is the whole spatial extent. */
    op = one_op(f, &m, "%x: tensor<1x5x7x3xf32>",
                "%0 = graph.global_avg_pool %x {layout = \"NHWC\"} : "
                "(tensor<1x5x7x3xf32>) -> tensor<1x1x1x3xf32>");
    assert_int_equal(eo_graph_conv_params(op, &c), EO_OK);
    assert_int_equal(c.kh, 5);
    assert_int_equal(c.kw, 7);
    assert_int_equal(c.ho, 1);
    assert_int_equal(c.wo, 1);
    assert_int_equal(c.c, 3);
    assert_int_equal(c.o, 3);
    eo_op_destroy(m);

    /* avg_pool flags; relu is not a conv or pool. */
    op = one_op(f, &m, "%x: tensor<1x1x5x5xf32>",
                "%0 = graph.avg_pool %x {kernel = array<i64: 2, 3>, "
                "ceil_mode = true, count_include_pad = true, pads = "
                "array<i64: 1, 0, 1, 0>} : (tensor<1x1x5x5xf32>) -> "
                "tensor<1x1x6x3xf32>");
    assert_int_equal(eo_graph_conv_params(op, &c), EO_OK);
    assert_true(c.ceil_mode && c.count_include_pad);
    assert_int_equal(c.kh, 2);
    assert_int_equal(c.kw, 3);
    assert_int_equal(c.pad[0], 1);
    assert_int_equal(c.ho, 6);
    assert_int_equal(c.wo, 3);
    eo_op_destroy(m);

    op = one_op(f, &m, "%x: tensor<1x1x5x5xf32>",
                "%0 = graph.relu %x : (tensor<1x1x5x5xf32>) -> "
                "tensor<1x1x5x5xf32>");
    reset(f);
    assert_int_equal(eo_graph_conv_params(op, &c), EO_ERROR);
    assert_string_equal(f->msg, "'graph.relu' op has no convolution or "
                                "pooling parameters");
    eo_op_destroy(m);
}

static void
test_activation_and_attrs(void **state)
{
    fixture *f = *state;
    eo_op *m;
    eo_op *op = one_op(f, &m, "%a: tensor<4xf32>",
                       "%0 = graph.add %a, %a {activation = \"clip\", "
                       "act_min = -1.0 : f32, act_max = 2.5 : f32, name = "
                       "\"add_1\", note = 7 : i32} : (tensor<4xf32>, "
                       "tensor<4xf32>) -> tensor<4xf32>");
    eo_graph_activation a = eo_graph_op_activation(op);
    assert_int_equal(a.kind, EO_ACT_CLIP);
    assert_true(a.min == -1.0f && a.max == 2.5f);
    assert_string_equal(eo_graph_attr_str(op, "name", NULL), "add_1");
    assert_string_equal(eo_graph_attr_str(op, "layout", "NCHW"), "NCHW");
    assert_int_equal(eo_graph_attr_int(op, "note", 0), 7);   /* discardable */
    assert_int_equal(eo_graph_attr_int(op, "name", 5), 5);   /* wrong kind */
    assert_true(eo_graph_attr_float(op, "act_max", 0) == 2.5);
    assert_true(eo_graph_attr_float(op, "absent", 1.5) == 1.5);
    assert_true(eo_graph_attr_bool(op, "absent", true));
    int64_t out[2] = {42, 43};
    assert_int_equal(eo_graph_attr_ints(op, "name", out, 2), -1);
    assert_int_equal(out[0], 42);       /* untouched */
    eo_op_destroy(m);

    op = one_op(f, &m, "%a: tensor<4xf32>, %b: tensor<4x4xf32>",
                "%0 = graph.matmul %a, %b {activation = \"leaky_relu\"} : "
                "(tensor<4xf32>, tensor<4x4xf32>) -> tensor<4xf32>");
    a = eo_graph_op_activation(op);
    assert_int_equal(a.kind, EO_ACT_LEAKY_RELU);
    assert_true(a.alpha == 0.01f);
    eo_op_destroy(m);

    op = one_op(f, &m, "%a: tensor<1x3x8x8xf32>",
                "%0 = graph.max_pool %a {kernel = array<i64: 2, 2>, strides "
                "= array<i64: 2, 1>, ceil_mode = true} : "
                "(tensor<1x3x8x8xf32>) -> tensor<1x3x4x7xf32>");
    assert_int_equal(eo_graph_op_activation(op).kind, EO_ACT_NONE);
    int64_t st[4] = {0, 0, 0, 0};
    assert_int_equal(eo_graph_attr_ints(op, "strides", st, 1), 2);
    assert_int_equal(st[0], 2);
    assert_int_equal(st[1], 0);         /* only 'max' written */
    assert_true(eo_graph_attr_bool(op, "ceil_mode", false));
    eo_op_destroy(m);
}

static void
test_quant_constant_and_materialize(void **state)
{
    fixture *f = *state;
    const char *text =
        "func.func @f() {\n"
        "  %cst = graph.constant dense<[1, -2]> : tensor<2xi8> as "
        "tensor<2x!quant.uniform<i8:f32, 5.000000e-02:-3>>\n"
        "  %0 = graph.dequantize %cst : (tensor<2x!quant.uniform<i8:f32, "
        "5.000000e-02:-3>>) -> tensor<2xf32>\n"
        "  return\n}\n";
    eo_op *m = parse_ok(f, text);
    eo_op *cst = first_op(m);
    assert_int_equal(eo_graph_op_kind(cst), GRAPH_CONSTANT);
    const eo_type *rt = eo_value_type(eo_op_result(cst, 0));
    assert_true(eo_type_is_quant(eo_type_elem(rt)));
    assert_ptr_equal(eo_attr_type(eo_op_attr(cst, "value")),
                     ty(f, "tensor<2xi8>"));
    eo_strbuf out = {0};
    eo_print_flags fl = {0};
    eo_op_print_to(m, &fl, &out);
    assert_non_null(strstr(out.data, "%cst = graph.constant dense<[1, -2]> "
                                     ": tensor<2xi8> as tensor<2x!quant."
                                     "uniform<i8:f32, 5.000000e-02:-3>>"));
    eo_strbuf_free(&out);

    /* materialize_constant: a dense value of the type, or its quantized
     * view; nothing for scalars. */
    const eo_dialect_desc *d =
        eo_dialect_get_desc(eo_dialect_lookup(f->ctx, "graph", 5));
    assert_non_null(d->materialize_constant);
    eo_rewriter rw;
    eo_rewriter_init(&rw, f->ctx, NULL, NULL);
    eo_builder_set_before(&rw.b, cst);
    const eo_attr *v = eo_op_attr(cst, "value");
    eo_op *c2 = d->materialize_constant(&rw, v, rt, NULL);
    assert_non_null(c2);
    assert_ptr_equal(eo_value_type(eo_op_result(c2, 0)), rt);
    eo_op *c3 = d->materialize_constant(&rw, v, eo_attr_type(v), NULL);
    assert_non_null(c3);
    const eo_type *f32 = eo_type_get_float(f->ctx, EO_F32);
    assert_null(d->materialize_constant(&rw, eo_attr_get_float(f->ctx, f32,
                                                               1.0),
                                        f32, NULL));
    assert_null(d->materialize_constant(&rw, v, ty(f, "tensor<3xi8>"),
                                        NULL));
    reset(f);
    assert_int_equal(eo_op_verify(m), EO_OK);
    eo_op_destroy(m);
}

static void
test_verify_errors(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *text, *msg;
    } cases[] = {
        {"func.func @f(%x: tensor<2x3xf32>) {\n  %0 = graph.softmax %x "
         "{axis = -3 : i64} : (tensor<2x3xf32>) -> tensor<2x3xf32>\n"
         "  return\n}\n",
         "'graph.softmax' op axis -3 is out of range for rank 2"},
        {"func.func @f(%x: tensor<2x3xf32>) {\n  %0 = graph.transpose %x "
         "{perm = array<i64: 1, 1>} : (tensor<2x3xf32>) -> "
         "tensor<3x2xf32>\n  return\n}\n",
         "'graph.transpose' op attribute 'perm' is not a permutation of "
         "0..1"},
        {"func.func @f(%x: tensor<2x3xf32>) {\n  %0 = graph.relu %x "
         ": (tensor<2x3xf32>) -> tensor<2x3xi8>\n  return\n}\n",
         "'graph.relu' op result #0 must be of the element type of operand "
         "#0, but got 'tensor<2x3xi8>'"},
        {"func.func @f(%x: tensor<2x3xf32>) {\n  %0 = graph.flatten %x "
         "{axis = \"1\"} : (tensor<2x3xf32>) -> tensor<2x3xf32>\n"
         "  return\n}\n",
         "'graph.flatten' op attribute 'axis' must be an i64 integer"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        reset(f);
        eo_op *m = eo_parse_source(f->ctx, "t", cases[i].text,
                                   strlen(cases[i].text), NULL);
        assert_non_null(m);
        assert_int_equal(eo_op_verify(m), EO_ERROR);
        assert_string_equal(f->msg, cases[i].msg);
        eo_op_destroy(m);
    }
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_kinds_and_names), T(test_builder_verify), T(test_infer_conv),
        T(test_infer_pools), T(test_infer_linear),
        T(test_infer_data_movement), T(test_conv_params),
        T(test_activation_and_attrs), T(test_quant_constant_and_materialize),
        T(test_verify_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_tl.c - the tl dialect's C API: named ops rewritten to
 * tl.generic by eo_tl_generalize_patterns (the result of the whole of
 * docs/examples/tl_named.mlir must be docs/examples/tl_generic.mlir), the
 * maps and iterator types of each generic form, the scalar bodies checked
 * by constant folding them (matmul with zero points, requantization
 * against eo_quant_apply_multiplier, pooling, elementwise kinds), the
 * builder, accessors and errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/quant/quant.h"
#include "dialects/tl/tl.h"
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

static eo_op *
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

static char *
print_op(eo_op *op)
{
    eo_strbuf b = {0};
    eo_print_flags fl = {0};
    eo_op_print_to(op, &fl, &b);
    eo_strbuf_append(&b, "", 1);
    assert_false(b.oom);
    return b.data;
}

/* Runs the tl-generalize patterns (no folding) over 'm'. */
static eo_status
generalize(eo_op *m)
{
    eo_pattern_set *ps = eo_pattern_set_create(eo_op_ctx(m));
    assert_non_null(ps);
    for (const eo_pattern *p = eo_tl_generalize_patterns; p->name; p++)
        assert_int_equal(eo_pattern_set_add(ps, p), EO_OK);
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    cfg.fold = false;
    bool changed = false;
    eo_status s = eo_apply_patterns_greedily(m, ps, &cfg, NULL, &changed);
    eo_pattern_set_destroy(ps);
    return s;
}

/* The first op named 'name' under 'root'. */
typedef struct find_ud {
    const char *name;
    eo_op *found;
} find_ud;

static eo_walk_result
find_cb(eo_op *op, void *ud)
{
    find_ud *u = ud;
    if (!strcmp(eo_op_name_str(op), u->name)) {
        u->found = op;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

static eo_op *
find(eo_op *root, const char *name)
{
    find_ud u = {name, NULL};
    eo_op_walk(root, EO_WALK_PRE, find_cb, &u);
    return u.found;
}

/* A file of the source tree, found from this file's path. */
static char *
read_source(const char *rel)
{
    char path[1024];
    const char *me = __FILE__;
    const char *tail = strstr(me, "test/dialects/test_tl.c");
    assert_non_null(tail);
    snprintf(path, sizeof path, "%.*s%s", (int)(tail - me), me, rel);
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = 0;
    fclose(fp);
    return buf;
}

/* The doc's named ops generalize to exactly the doc's generic forms,
 * which verify. */
static void
test_doc_generic_forms(void **state)
{
    fixture *f = *state;
    char *named = read_source("docs/examples/tl_named.mlir");
    char *want = read_source("docs/examples/tl_generic.mlir");
    eo_op *m = parse(f, named);
    assert_int_equal(generalize(m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    char *got = print_op(m);
    /* The expected file starts with comment lines the printer drops. */
    const char *body = want;
    while (body[0] == '/' && body[1] == '/')
        body = strchr(body, '\n') + 1;
    if (strcmp(got, body)) {
        FILE *o = fopen("tl_generic.actual.mlir", "w");
        if (o) {
            fputs(got, o);
            fclose(o);
        }
    }
    assert_string_equal(got, body);
    assert_null(find(m, "tl.matmul"));
    assert_null(find(m, "tl.pack"));
    free(got);
    eo_op_destroy(m);
    free(named);
    free(want);
}

static const char *
map_text(const eo_attr *maps, size_t i)
{
    static char buf[4][256];
    eo_strbuf b = {0};
    eo_affine_map_print(eo_attr_affine_map(eo_attr_array_at(maps, i)), &b);
    snprintf(buf[i % 4], sizeof buf[0], "%.*s", (int)b.len,
             b.data ? b.data : "");
    eo_strbuf_free(&b);
    return buf[i % 4];
}

static const char *
iter_text(const eo_attr *iters)
{
    static char buf[256];
    size_t at = 0;
    for (size_t i = 0; i < eo_attr_array_size(iters); i++) {
        size_t len;
        const char *s = eo_attr_string(eo_attr_array_at(iters, i), &len);
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%c",
                               i ? "," : "", s[0]);
    }
    buf[at] = 0;
    return buf;
}

/* Maps and iterators of a named op in a one-function module. */
static eo_op *
maps_of(fixture *f, const char *text, const char *opname,
        const eo_attr **maps, const eo_attr **iters, const eo_attr **lb)
{
    eo_op *m = parse(f, text);
    eo_op *op = find(m, opname);
    assert_non_null(op);
    assert_int_equal(eo_tl_named_maps(op, maps, iters, lb), EO_OK);
    return m;
}

static void
test_matmul_maps(void **state)
{
    fixture *f = *state;
    const eo_attr *maps, *iters, *lb;
    eo_op *m = maps_of(f,
        "func.func @f(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>,"
        " %c: tensor<4x16xf32>) -> tensor<4x16xf32> {\n"
        "  %0 = tl.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>)"
        " outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>\n"
        "  return %0 : tensor<4x16xf32>\n}\n", "tl.matmul", &maps, &iters,
        &lb);
    assert_int_equal(eo_attr_array_size(maps), 3);
    assert_string_equal(map_text(maps, 0), "(d0, d1, d2) -> (d0, d2)");
    assert_string_equal(map_text(maps, 1), "(d0, d1, d2) -> (d2, d1)");
    assert_string_equal(map_text(maps, 2), "(d0, d1, d2) -> (d0, d1)");
    assert_string_equal(iter_text(iters), "p,p,r");
    assert_null(lb);
    eo_op *mm = find(m, "tl.matmul");
    assert_int_equal(tl_op_kind(mm), TL_MATMUL);
    assert_int_equal(eo_tl_num_ins(mm), 2);
    assert_int_equal(eo_tl_num_outs(mm), 1);
    assert_ptr_equal(eo_tl_out(mm, 0), eo_op_operand(mm, 2));
    assert_null(eo_tl_in(mm, 2));
    assert_int_equal(tl_op_kind(find(m, "func.return")), TL_NUM_OPS);
    eo_op_destroy(m);
}

static void
test_conv_maps(void **state)
{
    fixture *f = *state;
    const eo_attr *maps, *iters, *lb;
    eo_op *m = maps_of(f,
        "func.func @f(%x: tensor<1x3x9x11xf32>, %w: tensor<8x3x3x3xf32>,"
        " %y: tensor<1x8x4x3xf32>) -> tensor<1x8x4x3xf32> {\n"
        "  %0 = tl.conv2d {strides = array<i64: 2, 3>,"
        " dilations = array<i64: 1, 2>} ins(%x, %w : tensor<1x3x9x11xf32>,"
        " tensor<8x3x3x3xf32>) outs(%y : tensor<1x8x4x3xf32>)"
        " -> tensor<1x8x4x3xf32>\n"
        "  return %0 : tensor<1x8x4x3xf32>\n}\n", "tl.conv2d", &maps,
        &iters, &lb);
    assert_string_equal(map_text(maps, 0),
                        "(d0, d1, d2, d3, d4, d5, d6) -> "
                        "(d0, d4, d2 * 2 + d5, d3 * 3 + d6 * 2)");
    assert_string_equal(map_text(maps, 1),
                        "(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)");
    assert_string_equal(map_text(maps, 2),
                        "(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)");
    assert_string_equal(iter_text(iters), "p,p,p,p,r,r,r");
    eo_op_destroy(m);

    m = maps_of(f,
        "func.func @f(%x: tensor<2x7x7x16xf32>, %w: tensor<3x3x16xf32>,"
        " %y: tensor<2x3x3x16xf32>) -> tensor<2x3x3x16xf32> {\n"
        "  %0 = tl.depthwise_conv2d {layout = \"nhwc_hwc\", strides ="
        " array<i64: 2, 2>} ins(%x, %w : tensor<2x7x7x16xf32>,"
        " tensor<3x3x16xf32>) outs(%y : tensor<2x3x3x16xf32>)"
        " -> tensor<2x3x3x16xf32>\n"
        "  return %0 : tensor<2x3x3x16xf32>\n}\n", "tl.depthwise_conv2d",
        &maps, &iters, &lb);
    assert_string_equal(map_text(maps, 0),
                        "(d0, d1, d2, d3, d4, d5) -> "
                        "(d0, d1 * 2 + d4, d2 * 2 + d5, d3)");
    assert_string_equal(map_text(maps, 1),
                        "(d0, d1, d2, d3, d4, d5) -> (d4, d5, d3)");
    assert_string_equal(iter_text(iters), "p,p,p,p,r,r");
    eo_op_destroy(m);
}

static void
test_pool_pack_maps(void **state)
{
    fixture *f = *state;
    const eo_attr *maps, *iters, *lb;
    eo_op *m = maps_of(f,
        "func.func @f(%x: tensor<1x6x6x4xi8>, %y: tensor<1x2x2x4xi8>)"
        " -> tensor<1x2x2x4xi8> {\n"
        "  %0 = tl.pool {kind = \"max\", layout = \"nhwc\", window ="
        " array<i64: 3, 3>, strides = array<i64: 3, 3>} ins(%x :"
        " tensor<1x6x6x4xi8>) outs(%y : tensor<1x2x2x4xi8>)"
        " -> tensor<1x2x2x4xi8>\n"
        "  return %0 : tensor<1x2x2x4xi8>\n}\n", "tl.pool", &maps, &iters,
        &lb);
    assert_string_equal(map_text(maps, 0),
                        "(d0, d1, d2, d3, d4, d5) -> "
                        "(d0, d1 * 3 + d4, d2 * 3 + d5, d3)");
    assert_string_equal(iter_text(iters), "p,p,p,p,r,r");
    assert_non_null(lb);
    assert_int_equal(eo_attr_dense_array_size(lb), 6);
    assert_int_equal(eo_attr_dense_array_int(lb, 0), 0);
    assert_int_equal(eo_attr_dense_array_int(lb, 4), 3);
    assert_int_equal(eo_attr_dense_array_int(lb, 5), 3);
    eo_op_destroy(m);

    /* NCHW -> N C/4 H W 4 with the outer dims permuted to N H W C/4. */
    m = maps_of(f,
        "func.func @f(%x: tensor<1x8x5x6xf32>, %y: tensor<1x5x6x2x4xf32>)"
        " -> tensor<1x5x6x2x4xf32> {\n"
        "  %0 = tl.pack {inner_dims_pos = array<i64: 1>, inner_tiles ="
        " array<i64: 4>, outer_dims_perm = array<i64: 0, 2, 3, 1>} ins(%x :"
        " tensor<1x8x5x6xf32>) outs(%y : tensor<1x5x6x2x4xf32>)"
        " -> tensor<1x5x6x2x4xf32>\n"
        "  return %0 : tensor<1x5x6x2x4xf32>\n}\n", "tl.pack", &maps,
        &iters, &lb);
    assert_string_equal(map_text(maps, 0),
                        "(d0, d1, d2, d3, d4) -> (d0, d3 * 4 + d4, d1, d2)");
    assert_string_equal(map_text(maps, 1),
                        "(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)");
    assert_string_equal(iter_text(iters), "p,p,p,p,p");
    eo_op_destroy(m);
}

/* ------------------------------------------------------------------ */
/* Semantics of the maps: a tiny loop-nest runner over dense buffers   */
/* ------------------------------------------------------------------ */

enum nest_body { NEST_MAC, NEST_COPY, NEST_MAX };

/* Runs the generic form's loop nest (maps, loop bounds derived from the
 * static shapes or 'lb') over row-major buffers buf[i] of shapes
 * types[i]; the last operand is the out. */
static void
run_nest(const eo_attr *maps, const eo_attr *lb, size_t n,
         const eo_type *const *types, double *const *buf,
         enum nest_body body)
{
    const eo_affine_map *m0 = eo_attr_affine_map(eo_attr_array_at(maps, 0));
    unsigned nl = eo_affine_map_num_dims(m0);
    int64_t bound[16] = {0}, p[16] = {0};
    for (size_t i = 0; i < n; i++) {
        const eo_affine_map *m = eo_attr_affine_map(eo_attr_array_at(maps,
                                                                     i));
        for (size_t j = 0; j < eo_affine_map_num_results(m); j++) {
            const eo_affine_expr *e = eo_affine_map_result(m, j);
            if (eo_affine_expr_kind(e) == EO_AFFINE_DIM)
                bound[eo_affine_expr_pos(e)] = eo_type_dim(types[i], j);
        }
    }
    for (unsigned d = 0; lb && d < nl; d++)
        if (eo_attr_dense_array_int(lb, d))
            bound[d] = eo_attr_dense_array_int(lb, d);
    for (unsigned d = 0; d < nl; d++)
        assert_true(bound[d] > 0);
    for (;;) {
        size_t at[4];
        for (size_t i = 0; i < n; i++) {
            const eo_affine_map *m =
                eo_attr_affine_map(eo_attr_array_at(maps, i));
            size_t lin = 0;
            for (size_t j = 0; j < eo_affine_map_num_results(m); j++) {
                int64_t v;
                assert_true(eo_affine_expr_eval(eo_affine_map_result(m, j),
                                                p, NULL, &v));
                assert_true(v >= 0 && v < eo_type_dim(types[i], j));
                lin = lin * (size_t)eo_type_dim(types[i], j) + (size_t)v;
            }
            at[i] = lin;
        }
        double *y = &buf[n - 1][at[n - 1]];
        double x = buf[0][at[0]];
        if (body == NEST_MAC)
            *y += x * buf[1][at[1]];
        else if (body == NEST_COPY)
            *y = x;
        else
            *y = x > *y ? x : *y;
        unsigned d = nl;
        while (d > 0 && ++p[d - 1] == bound[d - 1])
            p[--d] = 0;
        if (d == 0)
            break;
    }
}

static double *
filled(size_t n, unsigned seed)
{
    double *b = malloc(n * sizeof *b);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        b[i] = (double)((seed >> 16) % 13) - 6.0;
    }
    return b;
}

/* Row-major index into a 4-d shape. */
static size_t
ix4(const int64_t *s, int64_t a, int64_t b, int64_t c, int64_t d)
{
    return (size_t)(((a * s[1] + b) * s[2] + c) * s[3] + d);
}

/* Parses the named op of 'text' ('%y' is the out), runs its maps and
 * returns the out buffer (zero initialized); *types gets the operand
 * types, ins are filled() with seeds 1, 2. */
static double *
nest_of(fixture *f, const char *text, const char *opname,
        enum nest_body body, double **ins, const eo_type **types)
{
    const eo_attr *maps, *iters, *lb;
    eo_op *m = maps_of(f, text, opname, &maps, &iters, &lb);
    eo_op *op = find(m, opname);
    size_t n = eo_op_num_operands(op);
    double *buf[4];
    for (size_t i = 0; i < n; i++) {
        types[i] = eo_value_type(eo_op_operand(op, i));
        size_t ne = (size_t)eo_type_num_elements(types[i]);
        buf[i] = i + 1 < n ? filled(ne, (unsigned)i + 1)
                           : calloc(ne, sizeof(double));
        assert_non_null(buf[i]);
        if (i + 1 < n)
            ins[i] = buf[i];
    }
    run_nest(maps, lb, n, types, buf, body);
    eo_op_destroy(m);
    return buf[n - 1];
}

/* Convolutions (both layouts, strides, dilations), depthwise and max
 * pooling computed through their maps equal direct loops. */
static void
test_window_semantics(void **state)
{
    fixture *f = *state;
    for (int layout = 0; layout < 2; layout++) {
        char text[1024];
        /* N=2, C=3, H=7, W=8, F=4, K=3x2, s=(2,1), d=(1,2):
         * OH = (7-3)/2+1 = 3, OW = (8-3)/1+1 = 6. */
        snprintf(text, sizeof text,
                 "func.func @f(%%x: %s, %%w: %s, %%y: %s) {\n"
                 "  tl.conv2d {layout = \"%s\", strides = array<i64: 2, 1>,"
                 " dilations = array<i64: 1, 2>} ins(%%x, %%w : %s, %s)"
                 " outs(%%y : %s)\n  return\n}\n",
                 layout ? "memref<2x7x8x3xf32>" : "memref<2x3x7x8xf32>",
                 layout ? "memref<3x2x3x4xf32>" : "memref<4x3x3x2xf32>",
                 layout ? "memref<2x3x6x4xf32>" : "memref<2x4x3x6xf32>",
                 layout ? "nhwc_hwcf" : "nchw_fchw",
                 layout ? "memref<2x7x8x3xf32>" : "memref<2x3x7x8xf32>",
                 layout ? "memref<3x2x3x4xf32>" : "memref<4x3x3x2xf32>",
                 layout ? "memref<2x3x6x4xf32>" : "memref<2x4x3x6xf32>");
        double *in[2];
        const eo_type *t[3];
        double *y = nest_of(f, text, "tl.conv2d", NEST_MAC, in, t);
        const int64_t *xs = eo_type_shape(t[0]), *ws = eo_type_shape(t[1]);
        const int64_t *ys = eo_type_shape(t[2]);
        for (int64_t n = 0; n < 2; n++)
            for (int64_t fo = 0; fo < 4; fo++)
                for (int64_t oh = 0; oh < 3; oh++)
                    for (int64_t ow = 0; ow < 6; ow++) {
                        double acc = 0;
                        for (int64_t c = 0; c < 3; c++)
                            for (int64_t kh = 0; kh < 3; kh++)
                                for (int64_t kw = 0; kw < 2; kw++) {
                                    int64_t h = oh * 2 + kh, w = ow + kw * 2;
                                    acc += layout
                                        ? in[0][ix4(xs, n, h, w, c)]
                                          * in[1][ix4(ws, kh, kw, c, fo)]
                                        : in[0][ix4(xs, n, c, h, w)]
                                          * in[1][ix4(ws, fo, c, kh, kw)];
                                }
                        size_t at = layout ? ix4(ys, n, oh, ow, fo)
                                           : ix4(ys, n, fo, oh, ow);
                        assert_true(y[at] == acc);
                    }
        free(in[0]);
        free(in[1]);
        free(y);
    }

    /* Depthwise NHWC and max pooling NCHW with stride 2. */
    double *in[2];
    const eo_type *t[3];
    double *y = nest_of(f,
        "func.func @f(%x: memref<1x5x6x3xf32>, %w: memref<2x2x3xf32>,"
        " %y: memref<1x2x5x3xf32>) {\n"
        "  tl.depthwise_conv2d {layout = \"nhwc_hwc\", strides ="
        " array<i64: 2, 1>, dilations = array<i64: 2, 1>} ins(%x, %w :"
        " memref<1x5x6x3xf32>, memref<2x2x3xf32>) outs(%y :"
        " memref<1x2x5x3xf32>)\n  return\n}\n", "tl.depthwise_conv2d",
        NEST_MAC, in, t);
    for (int64_t oh = 0; oh < 2; oh++)
        for (int64_t ow = 0; ow < 5; ow++)
            for (int64_t c = 0; c < 3; c++) {
                double acc = 0;
                for (int64_t kh = 0; kh < 2; kh++)
                    for (int64_t kw = 0; kw < 2; kw++)
                        acc += in[0][((oh * 2 + kh * 2) * 6 + ow + kw) * 3
                                     + c]
                               * in[1][(kh * 2 + kw) * 3 + c];
                assert_true(y[(oh * 5 + ow) * 3 + c] == acc);
            }
    free(in[0]);
    free(in[1]);
    free(y);

    y = nest_of(f,
        "func.func @f(%x: memref<1x2x6x6xf32>, %y: memref<1x2x3x2xf32>) {\n"
        "  tl.pool {kind = \"max\", window = array<i64: 2, 3>, strides ="
        " array<i64: 2, 3>} ins(%x : memref<1x2x6x6xf32>) outs(%y :"
        " memref<1x2x3x2xf32>)\n  return\n}\n", "tl.pool", NEST_MAX, in, t);
    for (int64_t c = 0; c < 2; c++)
        for (int64_t oh = 0; oh < 3; oh++)
            for (int64_t ow = 0; ow < 2; ow++) {
                double mx = 0;      /* the out starts at 0 */
                for (int64_t kh = 0; kh < 2; kh++)
                    for (int64_t kw = 0; kw < 3; kw++) {
                        double v = in[0][(c * 6 + oh * 2 + kh) * 6 + ow * 3
                                         + kw];
                        mx = v > mx ? v : mx;
                    }
                assert_true(y[(c * 3 + oh) * 2 + ow] == mx);
            }
    free(in[0]);
    free(y);
}

/* tl.pack through its maps is tensor.pack: NC HW -> (C/4) N H W 4 with
 * outer_dims_perm [1, 0, 2, 3] and tiles of 4 on C, 3 on W. */
static void
test_pack_semantics(void **state)
{
    fixture *f = *state;
    double *in[1];
    const eo_type *t[2];
    double *y = nest_of(f,
        "func.func @f(%x: memref<2x8x3x6xf32>, %y: memref<2x2x3x2x4x3xf32>)"
        " {\n  tl.pack {inner_dims_pos = array<i64: 1, 3>, inner_tiles ="
        " array<i64: 4, 3>, outer_dims_perm = array<i64: 1, 0, 2, 3>}"
        " ins(%x : memref<2x8x3x6xf32>) outs(%y :"
        " memref<2x2x3x2x4x3xf32>)\n  return\n}\n", "tl.pack", NEST_COPY, in,
        t);
    for (int64_t co = 0; co < 2; co++)
        for (int64_t n = 0; n < 2; n++)
            for (int64_t h = 0; h < 3; h++)
                for (int64_t wo = 0; wo < 2; wo++)
                    for (int64_t ci = 0; ci < 4; ci++)
                        for (int64_t wi = 0; wi < 3; wi++) {
                            size_t at = (size_t)(((((co * 2 + n) * 3 + h) * 2
                                                   + wo) * 4 + ci) * 3 + wi);
                            size_t src = (size_t)(((n * 8 + co * 4 + ci) * 3
                                                   + h) * 6 + wo * 3 + wi);
                            assert_true(y[at] == in[0][src]);
                        }
    free(in[0]);
    free(y);
}

/* Folds the body of the (single) tl.generic in 'm' with constant block
 * arguments args[] and returns the folded yield value's attribute. */
static const eo_attr *
fold_body(fixture *f, eo_op *m, const eo_attr *const *args)
{
    eo_op *g = find(m, "tl.generic");
    assert_non_null(g);
    eo_block *body = eo_region_first(eo_op_region(g, 0));
    eo_op *mod = eo_module_create(f->ctx, eo_loc_unknown(f->ctx));
    eo_block *mb = eo_module_body(mod);
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_end(&b, mb);
    eo_irmap *map = eo_irmap_create(f->ctx);
    assert_non_null(map);
    for (size_t i = 0; i < eo_block_num_args(body); i++) {
        eo_value *a = eo_block_arg(body, i);
        eo_named_attr v = {eo_ident_cstr(f->ctx, "value"), args[i]};
        const eo_type *t = eo_value_type(a);
        eo_op *c = eo_builder_create(&b, "arith.constant", 0, NULL, 1, &t,
                                     1, &v);
        assert_non_null(c);
        assert_int_equal(eo_irmap_map_value(map, a, eo_op_result(c, 0)),
                         EO_OK);
    }
    eo_value *y = NULL;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op)) {
        if (!strcmp(eo_op_name_str(op), "tl.yield")) {
            y = eo_irmap_lookup_value(map, eo_op_operand(op, 0));
            break;
        }
        eo_block_append(mb, eo_op_clone(op, map));
    }
    assert_non_null(y);
    /* Keep the yielded value alive through an unregistered user. */
    eo_ctx_set_allow_unregistered(f->ctx, true);
    assert_non_null(eo_builder_create(&b, "test.use", 1, &y, 0, NULL, 0,
                                      NULL));
    eo_pattern_set *ps = eo_pattern_set_create(f->ctx);
    assert_int_equal(eo_pattern_set_add_canonicalization(ps), EO_OK);
    eo_greedy_config cfg;
    eo_greedy_config_init(&cfg);
    assert_int_equal(eo_apply_patterns_greedily(mod, ps, &cfg, NULL, NULL),
                     EO_OK);
    eo_pattern_set_destroy(ps);
    eo_op *use = find(mod, "test.use");
    const eo_attr *r = eo_value_constant(eo_op_operand(use, 0));
    eo_irmap_destroy(map);
    eo_op_destroy(mod);
    eo_ctx_set_allow_unregistered(f->ctx, false);
    return r;
}

static const eo_attr *
iattr(fixture *f, unsigned w, int64_t v)
{
    return eo_attr_get_int(f->ctx, eo_type_get_int(f->ctx, w), v);
}

static const eo_attr *
fattr(fixture *f, double v)
{
    return eo_attr_get_float(f->ctx, eo_type_get_float(f->ctx, EO_F32), v);
}

static eo_op *
generalized(fixture *f, const char *text)
{
    eo_op *m = parse(f, text);
    assert_int_equal(generalize(m), EO_OK);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* acc + (a - zp_a) * (b - zp_b) on sign-extended i8. */
static void
test_matmul_i8_body(void **state)
{
    fixture *f = *state;
    eo_op *m = generalized(f,
        "func.func @f(%a: memref<2x3xi8>, %b: memref<3x4xi8>,"
        " %c: memref<2x4xi32>) {\n"
        "  tl.matmul {lhs_zp = -3 : i64, rhs_zp = 7 : i64} ins(%a, %b :"
        " memref<2x3xi8>, memref<3x4xi8>) outs(%c : memref<2x4xi32>)\n"
        "  return\n}\n");
    static const int v[][3] = {{-128, 127, 5}, {100, -100, -1000},
                               {0, 0, 0}, {-3, 7, 42}};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        const eo_attr *args[3] = {iattr(f, 8, v[i][0]), iattr(f, 8, v[i][1]),
                                  iattr(f, 32, v[i][2])};
        const eo_attr *r = fold_body(f, m, args);
        assert_non_null(r);
        assert_int_equal(eo_attr_int_value(r),
                         v[i][2] + (v[i][0] + 3) * (v[i][1] - 7));
    }
    eo_op_destroy(m);
}

/* The generic body of tl.requantize computes eo_quant_apply_multiplier,
 * plus the zero point, clamped to i8. */
static void
test_requantize_body(void **state)
{
    fixture *f = *state;
    static const struct {
        int32_t q;
        int shift;
    } p[] = {{1073741824, -4}, {1518500250, 1}, {2147483647, 0},
             {1395864371, -10}, {1073741824, 30}, {1717986918, -31}};
    static const int32_t xs[] = {0, 1, -1, 7, -7, 8, -8, 12345, -12345,
                                 1 << 20, -(1 << 20), INT32_MAX, INT32_MIN,
                                 -2047, 2047, 24, -24};
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "func.func @f(%%x: tensor<4xi32>, %%y: tensor<4xi8>)"
                 " -> tensor<4xi8> {\n"
                 "  %%0 = tl.requantize {multiplier = array<i32: %d>,"
                 " shift = array<i32: %d>, output_zp = -5 : i64} ins(%%x :"
                 " tensor<4xi32>) outs(%%y : tensor<4xi8>) -> tensor<4xi8>\n"
                 "  return %%0 : tensor<4xi8>\n}\n", (int)p[i].q, p[i].shift);
        eo_op *m = generalized(f, text);
        for (size_t j = 0; j < sizeof xs / sizeof xs[0]; j++) {
            const eo_attr *args[2] = {iattr(f, 32, xs[j]), iattr(f, 8, 0)};
            const eo_attr *r = fold_body(f, m, args);
            assert_non_null(r);
            int64_t want = (int64_t)eo_quant_apply_multiplier(xs[j], p[i].q,
                                                              p[i].shift)
                           - 5;
            want = want < -128 ? -128 : want > 127 ? 127 : want;
            if (eo_attr_int_value(r) != want)
                fail_msg("q=%d shift=%d x=%d: got %lld, want %lld",
                         (int)p[i].q, p[i].shift, (int)xs[j],
                         (long long)eo_attr_int_value(r), (long long)want);
        }
        eo_op_destroy(m);
    }
}

/* Per channel: the multipliers and shifts become constant tensor ins
 * indexed by the channel dim. */
static void
test_requantize_per_channel(void **state)
{
    fixture *f = *state;
    eo_op *m = generalized(f,
        "func.func @f(%x: tensor<4x3xi32>, %y: tensor<4x3xi8>)"
        " -> tensor<4x3xi8> {\n"
        "  %0 = tl.requantize {channel_dim = 1 : i64, multiplier ="
        " array<i32: 1073741824, 1518500250, 2147483647>, shift ="
        " array<i32: -4, 1, 0>} ins(%x : tensor<4x3xi32>) outs(%y :"
        " tensor<4x3xi8>) -> tensor<4x3xi8>\n"
        "  return %0 : tensor<4x3xi8>\n}\n");
    eo_op *g = find(m, "tl.generic");
    assert_int_equal(eo_tl_num_ins(g), 3);
    const eo_attr *maps = eo_op_attr(g, "indexing_maps");
    assert_string_equal(map_text(maps, 1), "(d0, d1) -> (d1)");
    assert_string_equal(map_text(maps, 2), "(d0, d1) -> (d1)");
    const eo_attr *q = eo_value_constant(eo_tl_in(g, 1));
    assert_non_null(q);
    assert_int_equal(eo_attr_dense_int(q, 1), 1518500250);
    const eo_attr *args[4] = {iattr(f, 32, 1000), iattr(f, 32, 1518500250),
                              iattr(f, 32, 1), iattr(f, 8, 0)};
    const eo_attr *r = fold_body(f, m, args);
    assert_non_null(r);
    assert_int_equal(eo_attr_int_value(r),
                     eo_quant_apply_multiplier(1000, 1518500250, 1) > 127
                         ? 127 : eo_quant_apply_multiplier(1000, 1518500250,
                                                           1));
    eo_op_destroy(m);

    /* On memrefs there is no constant tensor to index: unsupported. */
    m = parse(f,
        "func.func @f(%x: memref<4x2xi32>, %y: memref<4x2xi8>) {\n"
        "  tl.requantize {channel_dim = 1 : i64, multiplier ="
        " array<i32: 1, 2>, shift = array<i32: 0, 0>} ins(%x :"
        " memref<4x2xi32>) outs(%y : memref<4x2xi8>)\n"
        "  return\n}\n");
    f->errors = 0;
    assert_int_not_equal(generalize(m), EO_OK);
    assert_true(f->errors > 0);
    assert_non_null(strstr(f->last, "unsupported"));
    eo_op_destroy(m);
}

static void
test_pool_elementwise_bodies(void **state)
{
    fixture *f = *state;
    eo_op *m = generalized(f,
        "func.func @f(%x: tensor<1x1x4x4xf32>, %y: tensor<1x1x2x2xf32>)"
        " -> tensor<1x1x2x2xf32> {\n"
        "  %0 = tl.pool {kind = \"avg\", window = array<i64: 2, 2>,"
        " strides = array<i64: 2, 2>} ins(%x : tensor<1x1x4x4xf32>)"
        " outs(%y : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>\n"
        "  return %0 : tensor<1x1x2x2xf32>\n}\n");
    const eo_attr *a2[2] = {fattr(f, 8.0), fattr(f, 1.0)};
    const eo_attr *r = fold_body(f, m, a2);
    assert_non_null(r);
    assert_true(eo_attr_float_value(r) == 3.0);    /* 1 + 8 / 4 */
    eo_op_destroy(m);

    static const struct {
        const char *kind;
        double x, want;
    } un[] = {{"relu", -2.5, 0.0}, {"relu", 2.5, 2.5}, {"neg", 1.5, -1.5},
              {"abs", -4.0, 4.0}, {"sqrt", 9.0, 3.0},
              {"sigmoid", 0.0, 0.5}};
    for (size_t i = 0; i < sizeof un / sizeof un[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "func.func @f(%%x: tensor<3xf32>, %%y: tensor<3xf32>)"
                 " -> tensor<3xf32> {\n"
                 "  %%0 = tl.elementwise {kind = \"%s\"} ins(%%x :"
                 " tensor<3xf32>) outs(%%y : tensor<3xf32>) ->"
                 " tensor<3xf32>\n"
                 "  return %%0 : tensor<3xf32>\n}\n", un[i].kind);
        m = generalized(f, text);
        a2[0] = fattr(f, un[i].x);
        a2[1] = fattr(f, 0.0);
        r = fold_body(f, m, a2);
        if (!r)
            fail_msg("%s did not fold", un[i].kind);
        assert_true(fabs(eo_attr_float_value(r) - un[i].want) < 1e-6);
        eo_op_destroy(m);
    }

    m = generalized(f,
        "func.func @f(%a: memref<3xi16>, %b: memref<3xi16>,"
        " %c: memref<3xi16>) {\n"
        "  tl.elementwise {kind = \"min\"} ins(%a, %b : memref<3xi16>,"
        " memref<3xi16>) outs(%c : memref<3xi16>)\n"
        "  return\n}\n");
    const eo_attr *a3[3] = {iattr(f, 16, -9), iattr(f, 16, 4),
                            iattr(f, 16, 0)};
    r = fold_body(f, m, a3);
    assert_non_null(r);
    assert_int_equal(eo_attr_int_value(r), -9);
    eo_op_destroy(m);
}

/* eo_tl_generic_build plus a hand-made body verifies; the rewriter API
 * reports non-named ops. */
static void
test_builder_and_errors(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: tensor<5xf32>, %b: tensor<f32>) -> tensor<f32> {\n"
        "  return %b : tensor<f32>\n}\n");
    eo_op *ret = find(m, "func.return");
    eo_op *fn = find(m, "func.func");
    eo_block *entry = eo_region_first(eo_op_region(fn, 0));
    eo_rewriter rw;
    eo_rewriter_init(&rw, f->ctx, NULL, NULL);
    eo_builder_set_before(&rw.b, ret);
    const eo_attr *maps = eo_attr_parse(f->ctx,
        "[affine_map<(d0) -> (d0)>, affine_map<(d0) -> ()>]", 50);
    const eo_attr *iters = eo_attr_parse(f->ctx, "[\"reduction\"]", 13);
    assert_non_null(maps);
    assert_non_null(iters);
    eo_value *in = eo_block_arg(entry, 0), *out = eo_block_arg(entry, 1);
    eo_op *g = eo_tl_generic_build(&rw, 1, &in, 1, &out, maps, iters);
    assert_non_null(g);
    assert_int_equal(eo_op_num_results(g), 1);
    eo_block *body = eo_region_first(eo_op_region(g, 0));
    assert_int_equal(eo_block_num_args(body), 2);
    eo_builder_set_end(&rw.b, body);
    eo_value *ops[2] = {eo_block_arg(body, 1), eo_block_arg(body, 0)};
    const eo_type *f32 = eo_type_get_float(f->ctx, EO_F32);
    eo_op *add = eo_builder_create(&rw.b, "arith.addf", 2, ops, 1, &f32, 0,
                                   NULL);
    eo_value *s = eo_op_result(add, 0);
    assert_non_null(eo_builder_create(&rw.b, "tl.yield", 1, &s, 0, NULL, 0,
                                      NULL));
    eo_op_set_operand(ret, 0, eo_op_result(g, 0));
    assert_int_equal(eo_op_verify(m), EO_OK);
    char *text = print_op(m);
    assert_non_null(strstr(text, "tl.generic {indexing_maps = [#map, #map1],"
                                 " iterator_types = [\"reduction\"]}"
                                 " ins(%arg0 : tensor<5xf32>)"
                                 " outs(%arg1 : tensor<f32>)"));
    free(text);

    rw.root = NULL;
    f->errors = 0;
    assert_null(eo_tl_named_to_generic(&rw, g));
    assert_string_equal(f->last, "'tl.generic' op is not a named tl op");
    const eo_attr *a, *b, *c;
    assert_int_equal(eo_tl_named_maps(ret, &a, &b, &c), EO_ERROR);
    assert_null(a);
    eo_op_destroy(m);

    /* A named op that does not verify is not generalized. */
    static const char bad[] =
        "func.func @f(%a: tensor<4x8xf32>, %b: tensor<9x16xf32>,"
        " %c: tensor<4x16xf32>) -> tensor<4x16xf32> {\n"
        "  %0 = tl.matmul ins(%a, %b : tensor<4x8xf32>, tensor<9x16xf32>)"
        " outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>\n"
        "  return %0 : tensor<4x16xf32>\n}\n";
    m = eo_parse_source(f->ctx, "bad", bad, strlen(bad), NULL);
    assert_non_null(m);
    f->errors = 0;
    assert_int_not_equal(generalize(m), EO_OK);
    assert_string_equal(f->last, "'tl.matmul' op expects matching K sizes, "
                                 "got 8 and 9");
    eo_op_destroy(m);
}

/* Rank-0 and dynamic shapes generalize to generic forms that verify. */
static void
test_rank0_and_dynamic(void **state)
{
    fixture *f = *state;
    eo_op *m = generalized(f,
        "func.func @f(%v: f32, %t: tensor<f32>, %a: memref<?x4xf32>,"
        " %b: memref<?x4xf32>, %x: tensor<?x3xi8>, %w: tensor<3x?xi8>,"
        " %y: tensor<?x?xi32>) -> (tensor<f32>, tensor<?x?xi32>) {\n"
        "  %0 = tl.fill ins(%v : f32) outs(%t : tensor<f32>) -> tensor<f32>\n"
        "  %1 = tl.elementwise {kind = \"tanh\"} ins(%0 : tensor<f32>)"
        " outs(%t : tensor<f32>) -> tensor<f32>\n"
        "  tl.copy ins(%a : memref<?x4xf32>) outs(%b : memref<?x4xf32>)\n"
        "  %2 = tl.matmul ins(%x, %w : tensor<?x3xi8>, tensor<3x?xi8>)"
        " outs(%y : tensor<?x?xi32>) -> tensor<?x?xi32>\n"
        "  return %1, %2 : tensor<f32>, tensor<?x?xi32>\n}\n");
    assert_null(find(m, "tl.fill"));
    assert_null(find(m, "tl.copy"));
    assert_null(find(m, "tl.matmul"));
    eo_op *g = find(m, "tl.generic");
    assert_non_null(g);
    assert_int_equal(eo_attr_array_size(eo_op_attr(g, "iterator_types")),
                     0);
    assert_string_equal(map_text(eo_op_attr(g, "indexing_maps"), 0),
                        "() -> ()");
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_doc_generic_forms, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmul_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conv_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pool_pack_maps, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_window_semantics, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_pack_semantics, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_matmul_i8_body, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_requantize_body, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_requantize_per_channel, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_pool_elementwise_bodies, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_builder_and_errors, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_rank0_and_dynamic, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

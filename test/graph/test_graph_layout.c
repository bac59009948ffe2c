/* test/graph/test_graph_layout.c - the graph-layout pass: the per-site
 * layout knob switches convs and pools to NHWC (filters to OHWI), the
 * transposes between switched layers cancel through elementwise ops, the
 * results stay the same; by default nothing changes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

/* conv -> relu -> conv -> add(residual) -> max_pool -> global_avg_pool. */
static const char net_src[] =
    "func.func @main(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x1x1xf32> {\n"
    "  %w1 = graph.constant dense<[[[[0.5]], [[-1.0]]], [[[2.0]], "
    "[[0.25]]]]> : tensor<2x2x1x1xf32>\n"
    "  %w2 = graph.constant dense<[[[[0.5, 1.0], [-1.0, 0.5]], [[0.25, "
    "0.5], [1.0, -2.0]]], [[[1.0, 0.0], [0.5, 0.5]], [[-0.5, 1.5], [0.25, "
    "1.0]]]]> : tensor<2x2x2x2xf32>\n"
    "  %b = graph.constant dense<[0.1, -0.2]> : tensor<2xf32>\n"
    "  %k = graph.constant dense<[[[[1.0]], [[2.0]]]]> : "
    "tensor<1x2x1x1xf32>\n"
    "  %c1 = graph.conv2d %x, %w1, %b {name = \"c1\"} : "
    "(tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>, tensor<2xf32>) -> "
    "tensor<1x2x4x4xf32>\n"
    "  %r = graph.relu %c1 : (tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>\n"
    "  %c2 = graph.conv2d %r, %w2 {name = \"c2\", pads = array<i64: 0, 0, "
    "1, 1>} : (tensor<1x2x4x4xf32>, tensor<2x2x2x2xf32>) -> "
    "tensor<1x2x4x4xf32>\n"
    "  %s = graph.add %c2, %r : (tensor<1x2x4x4xf32>, tensor<1x2x4x4xf32>)"
    " -> tensor<1x2x4x4xf32>\n"
    "  %m = graph.mul %s, %k : (tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>)"
    " -> tensor<1x2x4x4xf32>\n"
    "  %p = graph.max_pool %m {name = \"p\", kernel = array<i64: 2, 2>, "
    "strides = array<i64: 2, 2>} : (tensor<1x2x4x4xf32>) -> "
    "tensor<1x2x2x2xf32>\n"
    "  %g = graph.global_avg_pool %p {name = \"g\"} : "
    "(tensor<1x2x2x2xf32>) -> tensor<1x2x1x1xf32>\n"
    "  return %g : tensor<1x2x1x1xf32>\n"
    "}\n";

static void
default_keeps_layouts(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, net_src, "func.func(graph-layout)", NULL,
                              0.0);
    assert_int_equal(count_ops(m, "graph.transpose"), 0);
    eo_strbuf js = { 0 };
    eo_knob_store_space_json(f->ks, &js);
    assert_has(js.data, "\"name\": \"layout.c1\"");
    assert_has(js.data, "\"name\": \"layout.c2\"");
    assert_has(js.data, "\"name\": \"layout.p\"");
    assert_has(js.data, "\"name\": \"layout.g\"");
    assert_has(js.data, "\"names\": [\"NCHW\", \"NHWC\"]");
    eo_strbuf_free(&js);
    eo_op_destroy(m);
}

/* Everything NHWC: one transpose in, one out. */
static void
all_nhwc(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, net_src, "func.func(graph-layout)",
                              "layout.*=NHWC", 1e-5);
    assert_int_equal(count_ops(m, "graph.transpose"), 2);
    char *ir = print_ir(m);
    assert_has(ir, "tensor<2x2x2x2xf32>) -> tensor<1x4x4x2xf32>");
    assert_has(ir, "layout = \"NHWC\", name = \"c2\"");
    assert_has(ir, "layout = \"NHWC\", name = \"g\"");
    /* The mul's [1,2,1,1] constant became [1,1,1,2]. */
    assert_has(ir, "tensor<1x1x1x2xf32>");
    free(ir);
    eo_op_destroy(m);
}

/* One site switched: transposes around it only; back again cancels. */
static void
one_site(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, net_src, "func.func(graph-layout)",
                              "layout.c2=NHWC", 1e-5);
    assert_int_equal(count_ops(m, "graph.transpose"), 2);
    char *ir = print_ir(m);
    assert_has(ir, "layout = \"NHWC\", name = \"c2\"");
    free(ir);
    /* Switching c2 back to NCHW leaves transposes that cancel. */
    run_pipeline(f, m, "func.func(graph-layout)", "layout.c2=NCHW");
    assert_int_equal(count_ops(m, "graph.transpose"), 0);
    eo_op_destroy(m);
}

/* Branches concatenated on channels and a shared input: one transpose
 * in (reused by both convs), the concat on axis 3, one transpose out. */
static void
concat_sinks(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<1x2x3x3xf32>) -> tensor<1x3x3x3xf32> {\n"
        "  %w = graph.constant dense<[[[[1.0]], [[-2.0]]]]> : "
        "tensor<1x2x1x1xf32>\n"
        "  %v = graph.constant dense<[[[[0.5]], [[1.5]]], [[[2.0]], "
        "[[-1.0]]]]> : tensor<2x2x1x1xf32>\n"
        "  %a = graph.conv2d %x, %w : (tensor<1x2x3x3xf32>, "
        "tensor<1x2x1x1xf32>) -> tensor<1x1x3x3xf32>\n"
        "  %b = graph.conv2d %x, %v : (tensor<1x2x3x3xf32>, "
        "tensor<2x2x1x1xf32>) -> tensor<1x2x3x3xf32>\n"
        "  %c = graph.concat %a, %b {axis = -3 : i64} : "
        "(tensor<1x1x3x3xf32>, tensor<1x2x3x3xf32>) -> "
        "tensor<1x3x3x3xf32>\n"
        "  %r = graph.relu %c : (tensor<1x3x3x3xf32>) -> "
        "tensor<1x3x3x3xf32>\n"
        "  return %r : tensor<1x3x3x3xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-layout)",
                              "layout.*=NHWC", 1e-6);
    assert_int_equal(count_ops(m, "graph.transpose"), 2);
    char *ir = print_ir(m);
    assert_has(ir, "{axis = 3 : i64}");
    free(ir);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(default_keeps_layouts, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(all_nhwc, setup, teardown),
        cmocka_unit_test_setup_teardown(one_site, setup, teardown),
        cmocka_unit_test_setup_teardown(concat_sinks, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

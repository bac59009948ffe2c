/* test/graph/test_graph_fuse_act.c - the graph-fuse-activation pass: each
 * activation fuses into each producer kind with the right attributes and
 * the same results; the fuse.<site> knob turns one site off; what it must
 * leave alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

#include <stdio.h>

static const char *const producers[] = {
    "graph.add %x, %y {name = \"p\"} : (tensor<4x4xf32>, tensor<4x4xf32>) "
    "-> tensor<4x4xf32>",
    "graph.matmul %x, %y {name = \"p\"} : (tensor<4x4xf32>, "
    "tensor<4x4xf32>) -> tensor<4x4xf32>",
    "graph.gemm %x, %y, %b {name = \"p\", trans_b = true} : "
    "(tensor<4x4xf32>, tensor<4x4xf32>, tensor<4xf32>) -> tensor<4x4xf32>",
};

static void
fuses_each_activation(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *op, *expect;
    } acts[] = {
        { "graph.relu", "activation = \"relu\"" },
        { "graph.clip {min = 0.0 : f32, max = 6.0 : f32}",
          "activation = \"relu6\"" },
        { "graph.clip {min = 0.0 : f32}", "activation = \"relu\"" },
        { "graph.clip {min = -1.0 : f32, max = 0.5 : f32}",
          "act_max = 5.000000e-01 : f32, act_min = -1.000000e+00 : f32, "
          "activation = \"clip\"" },
        { "graph.leaky_relu {alpha = 0.2 : f32}",
          "act_alpha = 2.000000e-01 : f32, activation = \"leaky_relu\"" },
        { "graph.sigmoid", "activation = \"sigmoid\"" },
        { "graph.tanh", "activation = \"tanh\"" },
        { "graph.hard_swish", "activation = \"hard_swish\"" },
    };
    for (size_t p = 0; p < sizeof producers / sizeof *producers; p++) {
        for (size_t a = 0; a < sizeof acts / sizeof *acts; a++) {
            /* Attributes of the activation go before the type. */
            char op[256];
            const char *brace = strchr(acts[a].op, '{');
            if (brace)
                snprintf(op, sizeof op, "%.*s", (int)(brace - acts[a].op),
                         acts[a].op);
            else
                snprintf(op, sizeof op, "%s ", acts[a].op);
            char src[2048];
            snprintf(src, sizeof src,
                     "func.func @main(%%x: tensor<4x4xf32>, %%y: "
                     "tensor<4x4xf32>) -> tensor<4x4xf32> {\n"
                     "  %%b = graph.constant dense<[0.5, -0.5, 1.0, -1.0]> :"
                     " tensor<4xf32>\n"
                     "  %%p = %s\n"
                     "  %%r = %s%%p %s : (tensor<4x4xf32>) -> "
                     "tensor<4x4xf32>\n"
                     "  return %%r : tensor<4x4xf32>\n"
                     "}\n", producers[p], op, brace ? brace : "");
            eo_op *m = check_pipeline(f, src,
                                      "func.func(graph-fuse-activation)",
                                      NULL, 1e-6);
            char *ir = print_ir(m);
            assert_has(ir, acts[a].expect);
            assert_int_equal(count_ops(m, "graph.relu") +
                                 count_ops(m, "graph.clip") +
                                 count_ops(m, "graph.sigmoid") +
                                 count_ops(m, "graph.leaky_relu") +
                                 count_ops(m, "graph.tanh") +
                                 count_ops(m, "graph.hard_swish"), 0);
            free(ir);
            eo_op_destroy(m);
        }
    }
}

static const char conv_src[] =
    "func.func @main(%x: tensor<1x1x3x3xf32>) -> (tensor<1x1x3x3xf32>, "
    "tensor<1x1x5x5xf32>) {\n"
    "  %w = graph.constant dense<[[[[0.5, -1.0], [2.0, 0.25]]]]> : "
    "tensor<1x1x2x2xf32>\n"
    "  %c = graph.conv2d %x, %w {name = \"c1\", pads = array<i64: 0, 0, 1, "
    "1>} : (tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> "
    "tensor<1x1x3x3xf32>\n"
    "  %r = graph.relu %c : (tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>\n"
    "  %t = graph.conv_transpose2d %x, %w {name = \"t1\", strides = "
    "array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>} : "
    "(tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x5x5xf32>\n"
    "  %s = graph.clip %t {min = 0.0 : f32, max = 6.0 : f32} : "
    "(tensor<1x1x5x5xf32>) -> tensor<1x1x5x5xf32>\n"
    "  return %r, %s : tensor<1x1x3x3xf32>, tensor<1x1x5x5xf32>\n"
    "}\n";

static void
knob_per_site(void **state)
{
    fixture *f = *state;
    eo_op *m = check_pipeline(f, conv_src, "func.func(graph-fuse-activation)",
                              NULL, 1e-6);
    assert_int_equal(count_ops(m, "graph.relu"), 0);
    assert_int_equal(count_ops(m, "graph.clip"), 0);
    eo_strbuf js = { 0 };
    eo_knob_store_space_json(f->ks, &js);
    assert_has(js.data, "\"name\": \"fuse.c1\"");
    assert_has(js.data, "\"name\": \"fuse.t1\"");
    eo_strbuf_free(&js);
    eo_op_destroy(m);

    m = check_pipeline(f, conv_src, "func.func(graph-fuse-activation)",
                       "fuse.c1=false", 1e-6);
    assert_int_equal(count_ops(m, "graph.relu"), 1);
    assert_int_equal(count_ops(m, "graph.clip"), 0);
    assert_int_equal(eo_knob_store_check(f->ks), EO_OK);
    eo_op_destroy(m);
}

/* A producer used twice, one that already has an activation, and a
 * sub (not a producer) keep their activation ops. */
static void
leaves_non_matches(void **state)
{
    fixture *f = *state;
    const char *src =
        "func.func @main(%x: tensor<4xf32>, %y: tensor<4xf32>) -> "
        "(tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {\n"
        "  %a = graph.add %x, %y : (tensor<4xf32>, tensor<4xf32>) -> "
        "tensor<4xf32>\n"
        "  %r = graph.relu %a : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  %b = graph.add %x, %y {activation = \"relu\"} : (tensor<4xf32>, "
        "tensor<4xf32>) -> tensor<4xf32>\n"
        "  %s = graph.sigmoid %b : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  %c = graph.sub %x, %y : (tensor<4xf32>, tensor<4xf32>) -> "
        "tensor<4xf32>\n"
        "  %t = graph.relu %c : (tensor<4xf32>) -> tensor<4xf32>\n"
        "  return %a, %r, %s, %t : tensor<4xf32>, tensor<4xf32>, "
        "tensor<4xf32>, tensor<4xf32>\n"
        "}\n";
    eo_op *m = check_pipeline(f, src, "func.func(graph-fuse-activation)",
                              NULL, 0.0);
    assert_int_equal(count_ops(m, "graph.relu"), 2);
    assert_int_equal(count_ops(m, "graph.sigmoid"), 1);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fuses_each_activation, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(knob_per_site, setup, teardown),
        cmocka_unit_test_setup_teardown(leaves_non_matches, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/graph/test_graph_view.c - the view-op-graph pass: one digraph per
 * function with a node per op (name, result types, site key), a node per
 * block argument, use-def and successor edges, clusters for regions; the
 * IR is unchanged; an unwritable file is an error. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/graph/graph_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char src[] =
    "func.func @g(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {\n"
    "  %w = graph.constant dense<0.5> : tensor<1x1x2x2xf32>\n"
    "  %c = graph.conv2d %x, %w {name = \"c1\"} : (tensor<1x1x3x3xf32>, "
    "tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>\n"
    "  return %c : tensor<1x1x2x2xf32>\n"
    "}\n"
    "func.func @b(%c: i1, %x: i32) -> i32 {\n"
    "  cf.cond_br %c, ^bb1, ^bb2(%x : i32)\n"
    "^bb1:\n"
    "  %y = arith.muli %x, %x : i32\n"
    "  cf.br ^bb2(%y : i32)\n"
    "^bb2(%z: i32):\n"
    "  return %z : i32\n"
    "}\n";

static char *
read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static void
writes_dot(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, src);
    char *before = print_ir(m);
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/eo_view_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char pipeline[sizeof path + 64];
    snprintf(pipeline, sizeof pipeline,
             "builtin.module(view-op-graph{filename=%s})", path);
    run_pipeline(f, m, pipeline, NULL);
    char *after = print_ir(m);
    assert_string_equal(before, after);
    const char *dot = read_file(path);
    unlink(path);
    assert_has(dot, "digraph \"g\" {");
    assert_has(dot, "label=\"func.func @g\";");
    assert_has(dot, "v0 [shape=ellipse, label=\"%arg0\\n"
                    "tensor<1x1x3x3xf32>\"];");
    assert_has(dot, "v2 [label=\"graph.conv2d\\ntensor<1x1x2x2xf32>\\n"
                    "site: c1\"];");
    assert_has(dot, "v0 -> v2 [label=\"0\"];");
    assert_has(dot, "v1 -> v2 [label=\"1\"];");
    assert_has(dot, "v2 -> v3;");
    /* The branchy function: a cluster per block, dashed successors. */
    assert_has(dot, "digraph \"b\" {");
    assert_has(dot, "label=\"^bb2\";");
    assert_has(dot, "[style=dashed];");
    free(before);
    free(after);
    eo_op_destroy(m);
}

static void
bad_file_is_an_error(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, src);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, "builtin.module(view-op-graph{"
                                            "filename=/nonexistent/x.dot})"),
                     EO_OK);
    assert_int_equal(eo_pm_run(pm, m, NULL), EO_ERROR);
    assert_has(f->diags.data, "view-op-graph: cannot open "
                              "'/nonexistent/x.dot'");
    eo_pm_destroy(pm);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(writes_dot, setup, teardown),
        cmocka_unit_test_setup_teardown(bad_file_is_an_error, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

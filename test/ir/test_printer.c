/* test/ir/test_printer.c - the operation printer: MLIR's value and
 * block numbering (custom and generic forms), predecessor comments,
 * aliases, location aliases with debug info, the resources section, the
 * print flags and the printer API on nested ops. Expected texts are what
 * mlir-opt 19 prints for the same input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
quiet(const eo_diag *d, void *ud)
{
    (void)ud;
    fprintf(stderr, "diag: %s\n", d->message);
}

static int
setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK)
        return -1;
    eo_ctx_set_allow_unregistered(ctx, true);
    eo_ctx_set_diag_handler(ctx, quiet, NULL);
    *state = ctx;
    return 0;
}

static int
teardown(void **state)
{
    eo_ctx_destroy(*state);
    return 0;
}

static eo_op *
parse(eo_ctx *ctx, const char *text)
{
    eo_op *m = eo_parse_source(ctx, "in.mlir", text, strlen(text), NULL);
    assert_non_null(m);
    return m;
}

static void
expect_print(eo_op *op, const eo_print_flags *fl, const char *expected)
{
    eo_strbuf b = {0};
    eo_op_print_to(op, fl, &b);
    assert_false(b.oom);
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(b.data, expected);
    eo_strbuf_free(&b);
}

static void
check(eo_ctx *ctx, const char *text, const eo_print_flags *fl,
      const char *expected)
{
    eo_op *m = parse(ctx, text);
    expect_print(m, fl, expected);
    eo_op_destroy(m);
}

static const char *const source =
    "func.func @f(%a: i32, %c: i1) -> i32 {\n"
    "  %0:2 = \"foo.pair\"(%a) : (i32) -> (i32, i32)\n"
    "  %1 = scf.if %c -> (i32) {\n"
    "    %2 = \"foo.x\"(%0#0) : (i32) -> i32\n"
    "    scf.yield %2 : i32\n"
    "  } else {\n"
    "    %3 = \"foo.y\"(%0#1) : (i32) -> i32\n"
    "    scf.yield %3 : i32\n"
    "  }\n"
    "  cf.br ^bb1(%1 : i32)\n"
    "^bb1(%x: i32):\n"
    "  cf.cond_br %c, ^bb1(%x : i32), ^bb2\n"
    "^bb2:\n"
    "  return %x : i32\n"
    "}\n"
    "func.func @g() {\n"
    "  %0 = \"foo.z\"() : () -> i32\n"
    "  return\n"
    "}\n";

static void
custom_form_numbers_regions_from_their_parent(void **state)
{
    /* Sibling regions restart where the parent region ended (%3 twice);
     * each function starts at %0 and %arg0. */
    check(*state, source, NULL,
        "module {\n"
        "  func.func @f(%arg0: i32, %arg1: i1) -> i32 {\n"
        "    %0:2 = \"foo.pair\"(%arg0) : (i32) -> (i32, i32)\n"
        "    %1 = scf.if %arg1 -> (i32) {\n"
        "      %3 = \"foo.x\"(%0#0) : (i32) -> i32\n"
        "      scf.yield %3 : i32\n"
        "    } else {\n"
        "      %3 = \"foo.y\"(%0#1) : (i32) -> i32\n"
        "      scf.yield %3 : i32\n"
        "    }\n"
        "    cf.br ^bb1(%1 : i32)\n"
        "  ^bb1(%2: i32):  // 2 preds: ^bb0, ^bb1\n"
        "    cf.cond_br %arg1, ^bb1(%2 : i32), ^bb2\n"
        "  ^bb2:  // pred: ^bb1\n"
        "    return %2 : i32\n"
        "  }\n"
        "  func.func @g() {\n"
        "    %0 = \"foo.z\"() : () -> i32\n"
        "    return\n"
        "  }\n"
        "}\n");
}

static void
generic_form_numbers_values_uniquely(void **state)
{
    /* mlir-opt numbers regions from a stack without restoring the
     * counters in the generic form: the last function comes first and
     * the else region before the then region. */
    eo_print_flags fl = { .generic = true };
    check(*state, source, &fl,
        "\"builtin.module\"() ({\n"
        "  \"func.func\"() <{function_type = (i32, i1) -> i32, sym_na"
        "me = \"f\"}> ({\n"
        "  ^bb0(%arg0: i32, %arg1: i1):\n"
        "    %1:2 = \"foo.pair\"(%arg0) : (i32) -> (i32, i32)\n"
        "    %2 = \"scf.if\"(%arg1) ({\n"
        "      %5 = \"foo.x\"(%1#0) : (i32) -> i32\n"
        "      \"scf.yield\"(%5) : (i32) -> ()\n"
        "    }, {\n"
        "      %4 = \"foo.y\"(%1#1) : (i32) -> i32\n"
        "      \"scf.yield\"(%4) : (i32) -> ()\n"
        "    }) : (i1) -> i32\n"
        "    \"cf.br\"(%2)[^bb1] : (i32) -> ()\n"
        "  ^bb1(%3: i32):  // 2 preds: ^bb0, ^bb1\n"
        "    \"cf.cond_br\"(%arg1, %3)[^bb1, ^bb2] <{operandSegmentSi"
        "zes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()\n"
        "  ^bb2:  // pred: ^bb1\n"
        "    \"func.return\"(%3) : (i32) -> ()\n"
        "  }) : () -> ()\n"
        "  \"func.func\"() <{function_type = () -> (), sym_name = \"g\"}> ({\n"
        "    %0 = \"foo.z\"() : () -> i32\n"
        "    \"func.return\"() : () -> ()\n"
        "  }) : () -> ()\n"
        "}) : () -> ()\n");
}

static void
debuginfo_defers_location_aliases(void **state)
{
    /* Argument locations are printed in place but still get an alias,
     * defined at the top; op locations are defined at the end. */
    eo_print_flags fl = { .debuginfo = true };
    check(*state, source, &fl,
        "#loc2 = loc(\"in.mlir\":1:14)\n"
        "#loc3 = loc(\"in.mlir\":1:23)\n"
        "#loc11 = loc(\"in.mlir\":11:6)\n"
        "module {\n"
        "  func.func @f(%arg0: i32 loc(\"in.mlir\":1:14), %arg1: i1 l"
        "oc(\"in.mlir\":1:23)) -> i32 {\n"
        "    %0:2 = \"foo.pair\"(%arg0) : (i32) -> (i32, i32) loc(#loc4)\n"
        "    %1 = scf.if %arg1 -> (i32) {\n"
        "      %3 = \"foo.x\"(%0#0) : (i32) -> i32 loc(#loc6)\n"
        "      scf.yield %3 : i32 loc(#loc7)\n"
        "    } else {\n"
        "      %3 = \"foo.y\"(%0#1) : (i32) -> i32 loc(#loc8)\n"
        "      scf.yield %3 : i32 loc(#loc9)\n"
        "    } loc(#loc5)\n"
        "    cf.br ^bb1(%1 : i32) loc(#loc10)\n"
        "  ^bb1(%2: i32 loc(\"in.mlir\":11:6)):  // 2 preds: ^bb0, ^bb1\n"
        "    cf.cond_br %arg1, ^bb1(%2 : i32), ^bb2 loc(#loc12)\n"
        "  ^bb2:  // pred: ^bb1\n"
        "    return %2 : i32 loc(#loc13)\n"
        "  } loc(#loc1)\n"
        "  func.func @g() {\n"
        "    %0 = \"foo.z\"() : () -> i32 loc(#loc15)\n"
        "    return loc(#loc16)\n"
        "  } loc(#loc14)\n"
        "} loc(#loc)\n"
        "#loc = loc(\"in.mlir\":0:0)\n"
        "#loc1 = loc(\"in.mlir\":1:1)\n"
        "#loc4 = loc(\"in.mlir\":2:10)\n"
        "#loc5 = loc(\"in.mlir\":3:8)\n"
        "#loc6 = loc(\"in.mlir\":4:10)\n"
        "#loc7 = loc(\"in.mlir\":5:5)\n"
        "#loc8 = loc(\"in.mlir\":7:10)\n"
        "#loc9 = loc(\"in.mlir\":8:5)\n"
        "#loc10 = loc(\"in.mlir\":10:3)\n"
        "#loc12 = loc(\"in.mlir\":12:3)\n"
        "#loc13 = loc(\"in.mlir\":14:3)\n"
        "#loc14 = loc(\"in.mlir\":16:1)\n"
        "#loc15 = loc(\"in.mlir\":17:8)\n"
        "#loc16 = loc(\"in.mlir\":18:3)\n");
}

static void
nested_locations_use_aliases_by_depth(void **state)
{
    eo_print_flags fl = { .debuginfo = true };
    check(*state,
        "\"foo.a\"() : () -> () loc(fused[\"a.c\":1:1, \"b.c\":2:2])\n"
        "\"foo.b\"() : () -> () loc(\"nm\"(\"a.c\":1:1))\n"
        "\"foo.c\"() : () -> () loc(callsite(\"x.c\":3:3 at \"a.c\":1:1))\n"
        "\"foo.d\"() : () -> () loc(unknown)\n", &fl,
        "module {\n"
        "  \"foo.a\"() : () -> () loc(#loc5)\n"
        "  \"foo.b\"() : () -> () loc(#loc6)\n"
        "  \"foo.c\"() : () -> () loc(#loc7)\n"
        "  \"foo.d\"() : () -> () loc(#loc4)\n"
        "} loc(#loc)\n"
        "#loc = loc(\"in.mlir\":0:0)\n"
        "#loc1 = loc(\"a.c\":1:1)\n"
        "#loc2 = loc(\"b.c\":2:2)\n"
        "#loc3 = loc(\"x.c\":3:3)\n"
        "#loc4 = loc(unknown)\n"
        "#loc5 = loc(fused[#loc1, #loc2])\n"
        "#loc6 = loc(\"nm\"(#loc1))\n"
        "#loc7 = loc(callsite(#loc3 at #loc1))\n");
    /* Local scope: everything in place. */
    fl.local_scope = true;
    check(*state, "\"foo.a\"() : () -> () loc(\"nm\"(\"a.c\":1:1))\n", &fl,
        "module {\n"
        "  \"foo.a\"() : () -> () loc(\"nm\"(\"a.c\":1:1))\n"
        "} loc(\"in.mlir\":0:0)");
}

static void
affine_maps_and_sets_get_aliases(void **state)
{
    const char *text =
        "#m = affine_map<(d0) -> (d0 + 1)>\n"
        "func.func @a(%x: memref<4xf32, affine_map<(d0)[s0] -> (d0 + s0)>>)"
        " attributes {s = affine_set<(d0) : (d0 >= 0)>,"
        " m2 = affine_map<(d0, d1) -> (d1, d0)>, m = #m,"
        " m3 = affine_map<(d0, d1) -> (d1, d0)>,"
        " t = [affine_map<(d0) -> (d0 * 2)>]} {\n"
        "  return\n"
        "}\n";
    check(*state, text, NULL,
        "#map = affine_map<(d0)[s0] -> (d0 + s0)>\n"
        "#map1 = affine_map<(d0) -> (d0 + 1)>\n"
        "#map2 = affine_map<(d0, d1) -> (d1, d0)>\n"
        "#map3 = affine_map<(d0) -> (d0 * 2)>\n"
        "#set = affine_set<(d0) : (d0 >= 0)>\n"
        "module {\n"
        "  func.func @a(%arg0: memref<4xf32, #map>) attributes {m = #map1, "
        "m2 = #map2, m3 = #map2, s = #set, t = [#map3]} {\n"
        "    return\n"
        "  }\n"
        "}\n");
    eo_print_flags fl = { .local_scope = true };
    check(*state, text, &fl,
        "module {\n"
        "  func.func @a(%arg0: memref<4xf32, affine_map<(d0)[s0] -> "
        "(d0 + s0)>>) attributes {m = affine_map<(d0) -> (d0 + 1)>, "
        "m2 = affine_map<(d0, d1) -> (d1, d0)>, m3 = affine_map<(d0, d1) "
        "-> (d1, d0)>, s = affine_set<(d0) : (d0 >= 0)>, "
        "t = [affine_map<(d0) -> (d0 * 2)>]} {\n"
        "    return\n"
        "  }\n"
        "}");
}

static void
generic_regions_show_entry_labels_and_preds(void **state)
{
    check(*state,
        "\"foo.a\"() ({\n^bb0:\n}, {\n^bb0(%a: i32):\n"
        "  \"foo.b\"() : () -> ()\n}) {\"a b\" = 1, c, d = unit} :"
        " () -> ()\n"
        "\"foo.c\"() ({^bb1: \"foo.t\"()[^bb2] : () -> ()\n"
        "^bb2: \"foo.t\"()[^bb2, ^bb2, ^bb3] : () -> ()\n"
        "^bb3: \"foo.z\"() : () -> ()\n"
        "^bb4: \"foo.z\"() : () -> ()}) : () -> ()\n", NULL,
        "module {\n"
        "  \"foo.a\"() ({\n"
        "  ^bb0:\n"
        "  }, {\n"
        "  ^bb0(%arg0: i32):\n"
        "    \"foo.b\"() : () -> ()\n"
        "  }) {\"a b\" = 1 : i64, c, d} : () -> ()\n"
        "  \"foo.c\"() ({\n"
        "    \"foo.t\"()[^bb1] : () -> ()\n"
        "  ^bb1:  // 3 preds: ^bb0, ^bb1, ^bb1\n"
        "    \"foo.t\"()[^bb1, ^bb1, ^bb2] : () -> ()\n"
        "  ^bb2:  // pred: ^bb1\n"
        "    \"foo.z\"() : () -> ()\n"
        "  ^bb3:  // no predecessors\n"
        "    \"foo.z\"() : () -> ()\n"
        "  }) : () -> ()\n"
        "}\n");
}

static void
skip_regions_prints_ellipsis(void **state)
{
    eo_print_flags fl = { .skip_regions = true };
    check(*state, source, &fl, "module {...}\n");
    fl.generic = true;
    check(*state, "\"foo.r\"() ({\n  \"foo.x\"() : () -> ()\n}) : () -> ()\n",
          &fl, "\"builtin.module\"() ({...}) : () -> ()\n");
}

static void
resources_section_lists_referenced_blobs(void **state)
{
    const char *text =
        "\"foo.a\"() {v = dense_resource<blob1> : tensor<3xi32>, "
        "w = dense_resource<blob2> : tensor<2xi8>, "
        "u = dense_resource<unused> : tensor<1xi8>, "
        "x = dense_resource<blob1> : tensor<3xi32>} : () -> ()\n"
        "{-#\n  dialect_resources: {\n    builtin: {\n"
        "      blob2: \"0x01000000AB02\",\n"
        "      blob1: \"0x08000000010000000200000003000000\",\n"
        "      other: \"0x0100000001\"\n    }\n  }\n#-}\n";
    const char *body =
        "module {\n"
        "  \"foo.a\"() {u = dense_resource<unused> : tensor<1xi8>, "
        "v = dense_resource<blob1> : tensor<3xi32>, w = dense_resource<blob2>"
        " : tensor<2xi8>, x = dense_resource<blob1> : tensor<3xi32>} : "
        "() -> ()\n"
        "}\n";
    char expected[2048];
    snprintf(expected, sizeof(expected), "%s"
             "\n{-#\n  dialect_resources: {\n    builtin: {\n"
             "      blob1: \"0x08000000010000000200000003000000\",\n"
             "      blob2: \"0x01000000AB02\"\n    }\n  }\n#-}\n", body);
    check(*state, text, NULL, expected);
    eo_print_flags fl = { .elide_resources = true };
    snprintf(expected, sizeof(expected), "%s\n{-#\n\n#-}\n", body);
    check(*state, text, &fl, expected);
}

static void
nested_ops_print_alone(void **state)
{
    eo_op *m = parse(*state, source);
    eo_op *f = eo_block_first(eo_module_body(m));
    eo_op *pair = eo_block_first(eo_region_first(eo_op_region(f, 0)));
    /* Printed on its own, the op numbers from itself: its operand is
     * unknown there, and there is no final newline. */
    expect_print(pair, NULL, "%0:2 = \"foo.pair\"(<<UNKNOWN SSA VALUE>>) : "
                 "(i32) -> (i32, i32)");
    eo_op_destroy(m);
}

static void
print_to_file_matches_print_to(void **state)
{
    eo_op *m = parse(*state, source);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    eo_print_flags fl = { .debuginfo = true };
    assert_int_equal(eo_op_print(m, &fl, tmp), EO_OK);
    long n = ftell(tmp);
    rewind(tmp);
    char *text = malloc((size_t)n + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)n, tmp), (size_t)n);
    text[n] = '\0';
    fclose(tmp);
    expect_print(m, &fl, text);
    free(text);
    eo_op_destroy(m);
}

static void
big_modules_flush_in_pieces(void **state)
{
    /* Bigger than the flush threshold: the file output stays exact. */
    size_t n = 40000;
    eo_strbuf src = {0};
    eo_strbuf_puts(&src, "%0 = \"foo.c\"() : () -> i32\n");
    for (size_t i = 1; i < n; i++)
        eo_strbuf_printf(&src, "%%%zu = \"foo.add\"(%%%zu, %%%zu) "
                         "{tag = \"some attribute text\"} : "
                         "(i32, i32) -> i32\n",
                         i, i - 1, i - 1);
    eo_op *m = eo_parse_source(*state, "big.mlir", src.data, src.len, NULL);
    assert_non_null(m);
    eo_strbuf want = {0};
    eo_op_print_to(m, NULL, &want);
    assert_true(want.len > (2u << 20));
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    assert_int_equal(eo_op_print(m, NULL, tmp), EO_OK);
    assert_int_equal((size_t)ftell(tmp), want.len);
    rewind(tmp);
    char *got = malloc(want.len);
    assert_non_null(got);
    assert_int_equal(fread(got, 1, want.len, tmp), want.len);
    assert_memory_equal(got, want.data, want.len);
    free(got);
    fclose(tmp);
    eo_strbuf_free(&want);
    eo_strbuf_free(&src);
    eo_op_destroy(m);
}

static void
printer_api_prints_pieces(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = parse(ctx, "%0:2 = \"foo.pair\"() {a = 1 : i32, b} : "
                          "() -> (i32, f32)\n");
    eo_op *pair = eo_block_first(eo_module_body(m));
    eo_strbuf b = {0};
    eo_print_flags fl = { .generic = true };
    eo_op_print_to(m, &fl, &b);
    eo_strbuf_append(&b, "", 1);
    assert_string_equal(b.data,
        "\"builtin.module\"() ({\n"
        "  %0:2 = \"foo.pair\"() {a = 1 : i32, b} : () -> (i32, f32)\n"
        "}) : () -> ()\n");
    eo_strbuf_free(&b);
    assert_non_null(pair);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
        T(custom_form_numbers_regions_from_their_parent),
        T(generic_form_numbers_values_uniquely),
        T(debuginfo_defers_location_aliases),
        T(nested_locations_use_aliases_by_depth),
        T(affine_maps_and_sets_get_aliases),
        T(generic_regions_show_entry_labels_and_preds),
        T(skip_regions_prints_ellipsis),
        T(resources_section_lists_referenced_blobs),
        T(nested_ops_print_alone),
        T(print_to_file_matches_print_to),
        T(big_modules_flush_in_pieces),
        T(printer_api_prints_pieces),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_npu.c - the npu dialect's C API: the token type,
 * operand groups, the decoded records (conv, imc_mvm, ew, dma) with
 * their defaults, ops built with eo_builder and verified, and a text
 * round trip of every op.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "dialects/npu/npu.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];
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

static const char *const program =
    "func.func @f(%x: memref<1x9x9x8xi8, \"sram\">, "
    "%w: memref<16x3x3x8xi8, \"sram\">, %y: memref<1x4x4x16xi8, \"sram\">, "
    "%b: memref<16xi32, \"sram\">, %a: memref<2x64xi8, \"sram\">, "
    "%acc: memref<2x16xi32, \"sram\">, %d: memref<1x9x9x8xi8>) {\n"
    "  %t0 = npu.dma %d, %x {channel = 3} : memref<1x9x9x8xi8>, "
    "memref<1x9x9x8xi8, \"sram\">\n"
    "  %t1 = npu.conv %x, %w, %y, %b after %t0 {kind = \"conv2d\", "
    "strides = array<i64: 2, 2>, dilations = array<i64: 1, 1>, "
    "input_zp = 5, weight_zp = array<i64: 1>, output_zp = -2, "
    "multiplier = array<i64: 1073741824, 1073741825, 1073741826, "
    "1073741827, 1073741828, 1073741829, 1073741830, 1073741831, "
    "1073741832, 1073741833, 1073741834, 1073741835, 1073741836, "
    "1073741837, 1073741838, 1073741839>, shift = array<i64: -7>, "
    "act_min = -2} : memref<1x9x9x8xi8, \"sram\">, "
    "memref<16x3x3x8xi8, \"sram\">, memref<1x4x4x16xi8, \"sram\">, "
    "memref<16xi32, \"sram\">\n"
    "  %t2 = npu.imc_mvm %a, %acc after %t1 {crossbars = array<i64: 3, 1>, "
    "accumulate} : memref<2x64xi8, \"sram\">, memref<2x16xi32, \"sram\">\n"
    "  %t3 = npu.ew %y, %y after %t2 {op = \"relu\", act_min = 0} : "
    "memref<1x4x4x16xi8, \"sram\">, memref<1x4x4x16xi8, \"sram\">\n"
    "  npu.wait %t3\n"
    "  return\n"
    "}\n";

static eo_op *
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, "t.mlir", src, strlen(src), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(f->errors, 0);
    return m;
}

/* The n-th op of @f's body. */
static eo_op *
nth(eo_op *m, int n)
{
    eo_op *fn = eo_block_first(eo_module_body(m));
    eo_block *b = eo_region_first(eo_op_region(fn, 0));
    eo_op *op = eo_block_first(b);
    while (n-- > 0 && op)
        op = eo_op_next(op);
    assert_non_null(op);
    return op;
}

static void
test_token_and_groups(void **state)
{
    fixture *f = *state;
    const eo_type *tok = eo_npu_token_type(f->ctx);
    assert_non_null(tok);
    assert_ptr_equal(tok, eo_npu_token_type(f->ctx));
    assert_true(eo_type_is_npu_token(tok));
    assert_false(eo_type_is_npu_token(eo_type_get_int(f->ctx, 8)));
    eo_op *m = parse(f, program);
    eo_op *conv = nth(m, 1);
    assert_int_equal(eo_npu_op_kind(conv), NPU_CONV);
    assert_int_equal(eo_npu_op_kind(m), -1);
    assert_int_equal(eo_npu_num_buffers(conv), 4);
    assert_int_equal(eo_npu_num_deps(conv), 1);
    assert_ptr_equal(eo_npu_dep(conv, 0), eo_op_result(nth(m, 0), 0));
    assert_int_equal(eo_npu_op_kind(nth(m, 4)), NPU_WAIT);
    assert_int_equal(eo_npu_num_buffers(nth(m, 4)), 0);
    eo_op_destroy(m);
}

static void
test_decoded_records(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, program);
    eo_npu_dma d;
    assert_int_equal(eo_npu_dma_params(nth(m, 0), &d), EO_OK);
    assert_int_equal(d.rank, 4);
    assert_int_equal(d.channel, 3);
    assert_int_equal(d.sizes[1], 9);
    assert_int_equal(d.src_offsets[2], 0);
    eo_npu_conv c;
    eo_op *conv = nth(m, 1);
    assert_int_equal(eo_npu_conv_params(conv, &c), EO_OK);
    assert_int_equal(c.kind, EO_NPU_CONV2D);
    assert_string_equal(eo_npu_conv_kind_name(c.kind), "conv2d");
    assert_int_equal(c.ho, 4);
    assert_int_equal(c.wo, 4);
    assert_int_equal(c.o, 16);
    assert_int_equal(c.cin_per_out, 8);
    assert_true(c.has_bias);
    assert_false(c.out.raw);
    assert_int_equal(c.out.input_zp, 5);
    assert_int_equal(c.out.output_zp, -2);
    assert_int_equal(c.out.act_min, -2);
    assert_int_equal(c.out.act_max, 127);          /* default */
    /* Per channel, and per tensor broadcast to every channel. */
    assert_int_equal(eo_npu_attr_at(conv, "multiplier", 15, 0), 1073741839);
    assert_int_equal(eo_npu_attr_at(conv, "shift", 9, 0), -7);
    assert_int_equal(eo_npu_attr_at(conv, "weight_zp", 3, 0), 1);
    assert_int_equal(eo_npu_attr_at(conv, "absent", 3, 42), 42);
    eo_npu_mvm v;
    eo_op *mvm = nth(m, 2);
    assert_int_equal(eo_npu_mvm_params(mvm, &v), EO_OK);
    assert_int_equal(v.m, 2);
    assert_int_equal(v.k, 64);
    assert_int_equal(v.n, 16);
    assert_int_equal(v.num_crossbars, 2);
    assert_int_equal(eo_npu_mvm_crossbar(mvm, 0), 3);
    assert_int_equal(eo_npu_mvm_crossbar(mvm, 1), 1);
    assert_true(v.out.raw);
    assert_true(v.out.accumulate);
    eo_npu_ew e;
    assert_int_equal(eo_npu_ew_params(nth(m, 3), &e), EO_OK);
    assert_int_equal(e.kind, EO_NPU_EW_RELU);
    assert_int_equal(e.num_inputs, 1);
    assert_int_equal(e.elems, 256);
    assert_int_equal(e.act_min, 0);
    assert_int_equal(eo_npu_ew_kind_from_name("avgpool"), EO_NPU_EW_AVGPOOL);
    assert_int_equal(eo_npu_ew_kind_from_name("gelu"), -1);
    assert_null(eo_npu_ew_kind_name(EO_NPU_NUM_EW_KINDS));
    eo_op_destroy(m);
}

/* Printing and parsing back gives the same text, custom and generic. */
static void
test_round_trip(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, program);
    eo_strbuf a = {0}, b = {0}, g = {0}, h = {0};
    eo_op_print_to(m, NULL, &a);
    eo_op *m2 = parse(f, a.data);
    eo_op_print_to(m2, NULL, &b);
    assert_string_equal(a.data, b.data);
    assert_non_null(strstr(a.data, "npu.conv %arg0, %arg1, %arg2, %arg3 "
                                    "after %tok {"));
    eo_print_flags fl = { .generic = true };
    eo_op_print_to(m, &fl, &g);
    assert_non_null(strstr(g.data, "\"npu.wait\"("));
    eo_op *m3 = parse(f, g.data);
    eo_op_print_to(m3, NULL, &h);
    assert_string_equal(a.data, h.data);
    eo_op_destroy(m);
    eo_op_destroy(m2);
    eo_op_destroy(m3);
    eo_strbuf_free(&a);
    eo_strbuf_free(&b);
    eo_strbuf_free(&g);
    eo_strbuf_free(&h);
}

/* Ops built with the builder verify, and report clear errors. */
static void
test_builder(void **state)
{
    fixture *f = *state;
    eo_ctx *ctx = f->ctx;
    int64_t s4[1] = { 4 };
    const eo_type *i8 = eo_type_get_int(ctx, 8);
    const eo_attr *sram = eo_attr_get_string(ctx, "sram", 4, NULL);
    const eo_type *mt = eo_type_get_memref(ctx, 1, s4, i8, NULL, NULL);
    const eo_type *st = eo_type_get_memref(ctx, 1, s4, i8, NULL, sram);
    const eo_type *ins[2] = { mt, st };
    const eo_type *ft = eo_type_get_function(ctx, 2, ins, 0, NULL);
    eo_op *mod = eo_module_create(ctx, NULL);
    eo_op_state fs;
    eo_op_state_init(&fs, ctx, "func.func", NULL);
    assert_int_equal(eo_op_state_set_attr(&fs, "sym_name",
                     eo_attr_get_string(ctx, "f", 1, NULL)), EO_OK);
    assert_int_equal(eo_op_state_set_attr(&fs, "function_type",
                     eo_attr_get_type(ctx, ft)), EO_OK);
    eo_region *r = eo_op_state_add_region(&fs);
    eo_block *blk = eo_block_create(ctx);
    eo_region_append(r, blk);
    eo_value *a0 = eo_block_add_arg(blk, mt, NULL);
    eo_value *a1 = eo_block_add_arg(blk, st, NULL);
    eo_op *fn = eo_op_create(&fs);
    assert_non_null(fn);
    eo_block_append(eo_module_body(mod), fn);
    eo_builder bld;
    eo_builder_init(&bld, ctx);
    eo_builder_set_end(&bld, blk);
    const eo_type *tok = eo_npu_token_type(ctx);
    eo_value *ops[2] = { a0, a1 };
    eo_op *dma = eo_builder_create(&bld, "npu.dma", 2, ops, 1, &tok, 0,
                                   NULL);
    assert_non_null(dma);
    eo_value *t = eo_op_result(dma, 0);
    eo_op *w = eo_builder_create(&bld, "npu.wait", 1, &t, 0, NULL, 0, NULL);
    assert_non_null(w);
    assert_non_null(eo_builder_create(&bld, "func.return", 0, NULL, 0, NULL,
                                      0, NULL));
    assert_int_equal(eo_op_verify(mod), EO_OK);
    /* A bad channel. */
    const eo_attr *neg = eo_attr_get_int(ctx, eo_type_get_int(ctx, 64), -2);
    assert_int_equal(eo_op_set_attr(dma, "channel", neg), EO_OK);
    assert_int_equal(eo_op_verify(mod), EO_ERROR);
    assert_string_equal(f->msg, "'npu.dma' op attribute 'channel' is -2, "
                        "expects a value in [0, 65536]");
    eo_op_destroy(mod);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_token_and_groups, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_decoded_records, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_builder, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

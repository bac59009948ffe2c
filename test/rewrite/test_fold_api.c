/* test/rewrite/test_fold_api.c - the fold API of ir/pattern.c: fold
 * result slots, constant operands, eo_op_fold (hooks, commutative
 * reordering, in-place folds), site keys and knob questions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test/rewrite/rdriver_testlib.h"

static const char *const adds =
    "\"t.print\"() : () -> ()\n"
    "%a = \"t.load\"(%c1) : (i32) -> i32\n"
    "%c1 = \"t.const\"() {value = 1 : i32} : () -> i32\n"
    "%c2 = \"t.const\"() {value = 2 : i32} : () -> i32\n"
    "%c0 = \"t.const\"() {value = 0 : i32} : () -> i32\n"
    "%s = \"t.add\"(%c1, %c2) : (i32, i32) -> i32\n"
    "%l = \"t.add\"(%c2, %a) : (i32, i32) -> i32\n"
    "%z = \"t.add\"(%a, %c0) : (i32, i32) -> i32\n"
    "%n = \"t.add\"(%a, %a) : (i32, i32) -> i32\n";

static eo_op *
nth_op(eo_op *module, size_t n)
{
    eo_op *o = eo_block_first(eo_module_body(module));
    while (o && n--)
        o = eo_op_next(o);
    return o;
}

static void
fold_slots_are_filled(void **state)
{
    eo_ctx *ctx = *state;
    eo_fold_result r[2];
    memset(r, 0, sizeof(r));
    eo_fold f = { r, 2, false };
    const eo_attr *one = eo_attr_get_int(ctx, eo_type_get_int(ctx, 32), 1);
    assert_true(eo_fold_to_attr(&f, one));
    assert_ptr_equal(r[0].attr, one);
    assert_null(r[0].value);
    assert_true(eo_fold_set_attr(&f, 1, one));
    assert_false(eo_fold_set_attr(&f, 2, one));       /* out of range */
    assert_false(eo_fold_to_attr(&f, NULL));          /* getter failed */
    assert_true(eo_fold_in_place(&f));
    assert_true(f.in_place);
}

static void
value_constant_reads_constant_like_ops(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, adds);
    assert_non_null(m);
    eo_op *c1 = nth_op(m, 2);
    assert_string_equal(eo_op_name_str(c1), "t.const");
    const eo_attr *v = eo_value_constant(eo_op_result(c1, 0));
    assert_non_null(v);
    assert_int_equal(eo_attr_int_value(v), 1);
    assert_null(eo_value_constant(eo_op_result(nth_op(m, 1), 0)));
    assert_null(eo_value_constant(NULL));
    eo_op_destroy(m);
}

static void
op_fold_constant_operands(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, adds);
    eo_fold_result r[1];
    bool folded = false;
    assert_int_equal(eo_op_fold(nth_op(m, 5), r, &folded), EO_OK);
    assert_true(folded);
    assert_non_null(r[0].attr);
    assert_int_equal(eo_attr_int_value(r[0].attr), 3);
    eo_op_destroy(m);
}

static void
op_fold_moves_constants_right_in_place(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, adds);
    eo_op *l = nth_op(m, 6);
    eo_value *a = eo_op_result(nth_op(m, 1), 0);
    eo_value *c2 = eo_op_result(nth_op(m, 3), 0);
    eo_fold_result r[1];
    bool folded = false;
    assert_int_equal(eo_op_fold(l, r, &folded), EO_OK);
    assert_true(folded);                    /* in place: slots empty */
    assert_null(r[0].attr);
    assert_null(r[0].value);
    assert_ptr_equal(eo_op_operand(l, 0), a);
    assert_ptr_equal(eo_op_operand(l, 1), c2);
    /* Use lists follow the swap. */
    assert_ptr_equal(eo_use_owner(eo_value_first_use(c2)), l);
    /* A second fold has nothing to do. */
    assert_int_equal(eo_op_fold(l, r, &folded), EO_OK);
    assert_false(folded);
    eo_op_destroy(m);
}

static void
op_fold_to_existing_value(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, adds);
    eo_fold_result r[1];
    bool folded = false;
    assert_int_equal(eo_op_fold(nth_op(m, 7), r, &folded), EO_OK);
    assert_true(folded);
    assert_ptr_equal(r[0].value, eo_op_result(nth_op(m, 1), 0));
    assert_int_equal(eo_op_fold(nth_op(m, 8), r, &folded), EO_OK);
    assert_false(folded);
    /* No hook: never folds. */
    assert_int_equal(eo_op_fold(nth_op(m, 1), r, &folded), EO_OK);
    assert_false(folded);
    eo_op_destroy(m);
}

static void
site_keys(void **state)
{
    eo_ctx *ctx = *state;
    const char *src =
        "\"t.print\"() {name = \"conv_3\"} : () -> ()\n"
        "\"t.print\"() {onnx.name = \"relu_1\"} : () -> ()\n"
        "\"t.print\"() : () -> () loc(\"/a/b/model.mlir\":7:9)\n"
        "\"t.print\"() : () -> () loc(unknown)\n"
        "\"t.print\"() : () -> () loc(unknown)\n";
    eo_op *m = t_parse(ctx, src);
    assert_non_null(m);
    const char *want[] = { "conv_3", "relu_1", "model.mlir:7:9",
                           "t.print_3", "t.print_4" };
    for (size_t i = 0; i < 5; i++) {
        eo_strbuf b = { 0 };
        eo_op_site_key(nth_op(m, i), &b);
        assert_string_equal(b.data, want[i]);
        eo_strbuf_free(&b);
    }
    eo_op_destroy(m);
}

typedef struct asked {
    char name[128];
    int64_t def;
    const char *asker;
} asked;

static int64_t
record_ask(void *ud, const char *name, const eo_knob_domain *dom,
           int64_t def, const eo_op *site, const char *asker)
{
    (void)dom;
    (void)site;
    asked *a = ud;
    snprintf(a->name, sizeof(a->name), "%s", name);
    a->def = def;
    a->asker = asker;
    return def + 1;
}

static void
knob_ask_names_the_site(void **state)
{
    eo_ctx *ctx = *state;
    eo_op *m = t_parse(ctx, "\"t.print\"() {name = \"loop_3\"} : () -> ()\n");
    eo_knob_domain dom = { .kind = EO_KNOB_RANGE, .lo = 1, .hi = 8,
                           .step = 1 };
    asked a;
    memset(&a, 0, sizeof(a));
    eo_knob_provider kp = { record_ask, &a };
    int64_t v = eo_knob_ask(&kp, "unroll", nth_op(m, 0), "factor", &dom, 2,
                            "unroll");
    assert_int_equal(v, 3);
    assert_string_equal(a.name, "unroll.loop_3.factor");
    assert_string_equal(a.asker, "unroll");
    v = eo_knob_ask(&kp, "pipeline", NULL, "any.1", &dom, 4, "pm");
    assert_string_equal(a.name, "pipeline.any.1");
    /* No provider: the default. */
    assert_int_equal(eo_knob_ask(NULL, "unroll", nth_op(m, 0), "factor",
                                 &dom, 2, "unroll"), 2);
    eo_rewriter rw;
    eo_rewriter_init(&rw, ctx, NULL, &kp);
    assert_int_equal(eo_rewriter_knob(&rw, "tile", nth_op(m, 0), "oc", &dom,
                                      16, "tile"), 17);
    assert_string_equal(a.name, "tile.loop_3.oc");
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(fold_slots_are_filled, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(
            value_constant_reads_constant_like_ops, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(op_fold_constant_operands, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(
            op_fold_moves_constants_right_in_place, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(op_fold_to_existing_value, t_setup,
                                        t_teardown),
        cmocka_unit_test_setup_teardown(site_keys, t_setup, t_teardown),
        cmocka_unit_test_setup_teardown(knob_ask_names_the_site, t_setup,
                                        t_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

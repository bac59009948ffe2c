/* test/targets/test_place.c - the place-buffers pass and placement in the
 * cost model: knob domains (levels that fit, no flash for writable
 * buffers, greedy capacity), the memory space recorded on every use,
 * the default leaving the module and its cost unchanged, placement
 * changing latency and energy as the Cortex-M55 description says, the
 * per-level peak, capacity violations, code size. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "targets/place.h"
#include "targets/targets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];
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
        eo_place_register_passes(f->ctx) != EO_OK ||
        eo_place_register_passes(f->ctx) != EO_OK)
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
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, "test", src, strlen(src), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->last);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

/* Copies 64 KiB of int8 weights into an argument; a scratch buffer. */
static const char copy_src[] =
    "memref.global \"private\" constant @w : memref<65536xi8> = dense<1>\n"
    "func.func @f(%d: memref<65536xi8>) {\n"
    "  %g = memref.get_global @w : memref<65536xi8>\n"
    "  memref.copy %g, %d {name = \"copy\"} : memref<65536xi8> to "
    "memref<65536xi8>\n"
    "  %t = memref.alloc() {name = \"tmp\"} : memref<64xi8>\n"
    "  %v = memref.subview %d[0] [64] [1] : memref<65536xi8> to "
    "memref<64xi8, strided<[1]>>\n"
    "  memref.copy %v, %t : memref<64xi8, strided<[1]>> to memref<64xi8>\n"
    "  memref.dealloc %t : memref<64xi8>\n"
    "  return\n"
    "}\n";

/* Runs place-buffers for 'target' on 'm' with the assignments 'knobs'
 * (NULL-terminated); the recorded space into *space if not NULL. */
static void
place(fixture *f, eo_op *m, const char *target, const char *const *knobs,
      eo_strbuf *space)
{
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    for (size_t i = 0; knobs && knobs[i]; i++)
        assert_int_equal(eo_knob_store_assign(ks, knobs[i]), EO_OK);
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", NULL);
    assert_non_null(pm);
    char opts[128];
    snprintf(opts, sizeof opts, "target=%s", target);
    assert_int_equal(eo_pm_add_pass(pm, "place-buffers", opts), EO_OK);
    assert_int_equal(eo_pm_run(pm, m, eo_knob_store_provider(ks)), EO_OK);
    assert_int_equal(eo_knob_store_check(ks), EO_OK);
    if (space)
        eo_knob_store_space_json(ks, space);
    eo_pm_destroy(pm);
    eo_knob_store_destroy(ks);
}

static eo_target *
m55(fixture *f)
{
    eo_target *t = eo_target_load_named(f->ctx, "cortex-m55");
    if (!t)
        fail_msg("cannot load cortex-m55: %s", f->last);
    return t;
}

static void
print_module(eo_op *m, eo_strbuf *out)
{
    eo_op_print_to(m, NULL, out);
    assert_false(out->oom);
}

static void
test_domains(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, copy_src);
    eo_strbuf sp = { 0 };
    place(f, m, "cortex-m55", NULL, &sp);
    assert_non_null(strstr(sp.data, "\"name\": \"place.w\",\n      "
                           "\"domain\": {\"kind\": \"enum\", \"names\": "
                           "[\"default\", \"dtcm\", \"sram\", \"flash\"]}"));
    assert_non_null(strstr(sp.data, "\"name\": \"place.tmp\",\n      "
                           "\"domain\": {\"kind\": \"enum\", \"names\": "
                           "[\"default\", \"dtcm\", \"sram\"]}"));
    eo_strbuf_free(&sp);
    eo_op_destroy(m);
}

/* The default changes nothing: same IR, same figures as without the
 * pass. */
static void
test_default_unchanged(void **state)
{
    fixture *f = *state;
    eo_op *a = parse(f, copy_src), *b = parse(f, copy_src);
    place(f, b, "cortex-m55", NULL, NULL);
    eo_strbuf pa = { 0 }, pb = { 0 };
    print_module(a, &pa);
    print_module(b, &pb);
    assert_string_equal(pa.data, pb.data);
    eo_target *t = m55(f);
    eo_cost_report ra, rb;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, a, &ra), EO_OK);
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, b, &rb), EO_OK);
    assert_true(ra.latency_s == rb.latency_s);
    assert_true(ra.energy_j == rb.energy_j);
    /* Weights in flash, activations in DTCM (the arena and argument). */
    assert_true(ra.bytes[2] == 65536);
    assert_int_equal(ra.level_peak_bytes[0], 65536 + 64);
    assert_int_equal(ra.level_peak_bytes[2], 65536);
    assert_int_equal(ra.code_bytes, 0);
    eo_cost_report_free(&ra);
    eo_cost_report_free(&rb);
    eo_target_destroy(t);
    eo_strbuf_free(&pa);
    eo_strbuf_free(&pb);
    eo_op_destroy(a);
    eo_op_destroy(b);
}

/* Weights in DTCM beat SRAM beat flash in latency and energy (the copy
 * is bandwidth-bound: 6.4 / 3.2 / 0.8 GB/s, 2 / 4 / 30 pJ/B). */
static void
test_placement_cost(void **state)
{
    fixture *f = *state;
    static const char *const levels[] = { "flash", "sram", "dtcm" };
    eo_target *t = m55(f);
    double lat[3], en[3];
    for (int i = 0; i < 3; i++) {
        eo_op *m = parse(f, copy_src);
        char k[64];
        snprintf(k, sizeof k, "place.w=%s", levels[i]);
        const char *knobs[] = { k, NULL };
        place(f, m, "cortex-m55", knobs, NULL);
        eo_strbuf p = { 0 };
        print_module(m, &p);
        char want[64];
        snprintf(want, sizeof want, "memref.get_global @w : "
                 "memref<65536xi8, %d>", 3 - i);
        assert_non_null(strstr(p.data, want));
        eo_strbuf_free(&p);
        eo_cost_report r;
        assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
        lat[i] = r.latency_s;
        en[i] = r.energy_j;
        assert_true(r.bytes[2 - i] >= 65536);
        assert_int_equal(r.level_peak_bytes[2 - i] >= 65536, 1);
        eo_cost_report_free(&r);
        eo_op_destroy(m);
    }
    assert_true(lat[0] > lat[1] && lat[1] > lat[2]);
    assert_true(en[0] > en[1] && en[1] > en[2]);
    /* 64 KiB / 0.8 GB/s + 64 KiB / 6.4 GB/s (+ the 64-byte copy). */
    assert_true(lat[0] > 92.16e-6 && lat[0] < 92.2e-6);
    eo_target_destroy(t);
}

/* Buffers already placed count against a level: two 160 KiB buffers
 * cannot both be offered the 256 KiB DTCM. */
static void
test_greedy_capacity(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f() {\n"
        "  %a = memref.alloc() {name = \"a\"} : memref<163840xi8>\n"
        "  %b = memref.alloc() {name = \"b\"} : memref<163840xi8>\n"
        "  memref.dealloc %b : memref<163840xi8>\n"
        "  memref.dealloc %a : memref<163840xi8>\n"
        "  return\n"
        "}\n");
    const char *knobs[] = { "place.a=dtcm", NULL };
    eo_strbuf sp = { 0 };
    place(f, m, "cortex-m55", knobs, &sp);
    assert_non_null(strstr(sp.data, "\"name\": \"place.b\",\n      "
                           "\"domain\": {\"kind\": \"enum\", \"names\": "
                           "[\"default\", \"sram\"]}"));
    eo_strbuf_free(&sp);
    /* The default arena ("b") goes where it fits next to "a". */
    eo_target *t = m55(f);
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r), EO_OK);
    assert_int_equal(r.level_peak_bytes[0], 163840);
    assert_int_equal(r.level_peak_bytes[1], 163840);
    eo_cost_report_free(&r);
    eo_target_destroy(t);
    eo_op_destroy(m);
}

/* A buffer returned (or passed to a call) keeps its type: no knob. */
static void
test_escaping_buffer(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f() -> memref<4xi8> {\n"
        "  %a = memref.alloc() {name = \"a\"} : memref<4xi8>\n"
        "  return %a : memref<4xi8>\n"
        "}\n");
    eo_strbuf sp = { 0 };
    place(f, m, "cortex-m55", NULL, &sp);
    assert_null(strstr(sp.data, "place.a"));
    eo_strbuf_free(&sp);
    eo_op_destroy(m);
}

static void
test_violations(void **state)
{
    fixture *f = *state;
    eo_target *t = m55(f);
    static const struct { const char *src, *msg; } cases[] = {
        { "func.func @f() {\n"
          "  %a = memref.alloc() : memref<163840xi8, 1>\n"
          "  %b = memref.alloc() : memref<163840xi8, 1>\n"
          "  return\n}\n",
          "memory level 'dtcm' needs 327680 bytes, holds 262144" },
        { "func.func @f() {\n"
          "  %a = memref.alloc() : memref<4xi8, 3>\n"
          "  return\n}\n",
          "cannot place a writable buffer in flash level 'flash'" },
        { "func.func @f() {\n"
          "  %a = memref.alloc() : memref<4xi8, 7>\n"
          "  return\n}\n",
          "names no memory level of target 'cortex-m55'" },
        { "func.func @f(%a: memref<4xi8, 0.5 : f32>) {\n"
          "  return\n}\n",
          "unsupported memory space" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        f->errors = 0;
        eo_op *m = eo_parse_source(f->ctx, "test", cases[i].src,
                                   strlen(cases[i].src), NULL);
        if (!m) {
            /* Rejected by the type itself. */
            assert_non_null(strstr(f->last, cases[i].msg));
            continue;
        }
        eo_cost_report r;
        assert_int_equal(eo_target_model_evaluate(f->ctx, t, m, &r),
                         EO_ERROR);
        assert_true(f->errors > 0);
        if (!strstr(f->last, cases[i].msg))
            fail_msg("case %zu: got '%s'", i, f->last);
        eo_cost_report_free(&r);
        eo_op_destroy(m);
    }
    eo_target_destroy(t);
}

/* Code size from the caller: counted in flash, checked. */
static void
test_code_bytes(void **state)
{
    fixture *f = *state;
    eo_target *t = m55(f);
    eo_op *m = parse(f, copy_src);
    eo_cost_options o = { .code_bytes = 12345 };
    eo_cost_report r;
    assert_int_equal(eo_target_model_evaluate_opts(f->ctx, t, m, &o, &r),
                     EO_OK);
    assert_int_equal(r.code_bytes, 12345);
    assert_int_equal(r.level_peak_bytes[2], 65536 + 12345);
    eo_strbuf js = { 0 };
    eo_cost_report_json(t, &r, &js);
    assert_non_null(strstr(js.data, "\"code_bytes\": 12345\n}"));
    assert_non_null(strstr(js.data, "\"peak_bytes\": {\"dtcm\": 65600, "
                           "\"sram\": 0, \"flash\": 77881}"));
    eo_strbuf_free(&js);
    eo_cost_report_free(&r);
    /* 4 MiB of flash: too much code. */
    o.code_bytes = 4194304;
    f->errors = 0;
    assert_int_equal(eo_target_model_evaluate_opts(f->ctx, t, m, &o, &r),
                     EO_ERROR);
    assert_non_null(strstr(f->last, "memory level 'flash' needs"));
    eo_cost_report_free(&r);
    eo_op_destroy(m);
    eo_target_destroy(t);
}

static void
test_level_of(void **state)
{
    fixture *f = *state;
    eo_target *t = m55(f);
    const eo_type *i8 = eo_type_get_int(f->ctx, 8);
    int64_t shape[1] = { 4 };
    const eo_type *plain = eo_type_get_memref(f->ctx, 1, shape, i8, NULL,
                                              NULL);
    assert_int_equal(eo_place_level_of(t, plain), -1);
    const eo_type *i64 = eo_type_get_int(f->ctx, 64);
    for (int k = 1; k <= 4; k++) {
        const eo_type *mt = eo_type_get_memref(
            f->ctx, 1, shape, i8, NULL, eo_attr_get_int(f->ctx, i64, k));
        assert_int_equal(eo_place_level_of(t, mt), k <= 3 ? k - 1 : -2);
    }
    assert_int_equal(eo_place_level_of(t, i8), -1);
    assert_int_equal(eo_place_level_of(NULL, plain), -1);
    eo_target_destroy(t);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_domains, setup, teardown),
        cmocka_unit_test_setup_teardown(test_default_unchanged, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_placement_cost, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_greedy_capacity, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_escaping_buffer, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_violations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_code_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_level_of, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

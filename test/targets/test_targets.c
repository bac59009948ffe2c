/* test/targets/test_targets.c - target descriptions: loading every shipped
 * file, the typed view and derived figures, content hashes, canonical JSON
 * round trips, numeric fields by path, variants (cartesian products),
 * host detection under a fake sysroot and every class of validation error
 * with its file:line:col and JSON path.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "targets/targets.h"
#include "dialects/graph/interp.h"   /* no name clashes with it */
#include "ir/ir.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char log[8192];         /* "line:col: message\n" per error */
    size_t len;
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    f->errors++;
    unsigned line = 0, col = 0;
    if (d->loc && eo_loc_get_kind(d->loc) == EO_LOC_FILE) {
        line = eo_loc_line(d->loc);
        col = eo_loc_col(d->loc);
    }
    int w = snprintf(f->log + f->len, sizeof f->log - f->len, "%u:%u: %s\n",
                     line, col, d->message);
    if (w > 0 && (size_t)w < sizeof f->log - f->len)
        f->len += (size_t)w;
}

static void
clear(fixture *f)
{
    f->len = 0;
    f->log[0] = '\0';
    f->errors = 0;
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx)
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

/* A path of the source tree, found from this file's path. */
static void
source_path(char *out, size_t size, const char *rel)
{
    const char *me = __FILE__;
    const char *tail = strstr(me, "test/targets/test_targets.c");
    assert_non_null(tail);
    snprintf(out, size, "%.*s%s", (int)(tail - me), me, rel);
}

static eo_target *
load_shipped(fixture *f, const char *name)
{
    char path[1024], rel[128];
    snprintf(rel, sizeof rel, "targets/data/%s.json", name);
    source_path(path, sizeof path, rel);
    eo_target_opts o = { .no_detect = true };
    eo_target *t = eo_target_load_opts(f->ctx, path, &o);
    if (!t)
        fprintf(stderr, "%s", f->log);
    assert_non_null(t);
    return t;
}

static eo_target *
parse(fixture *f, const char *text)
{
    clear(f);
    return eo_target_parse(f->ctx, "t.json", text, strlen(text), NULL);
}

static const char *const shipped[] = {
    "host", "cortex-m4", "cortex-m7", "cortex-m55", "stm32n6-npu",
    "imc-digital-npu", "imc-analog-npu", "mobile-gpu",
};

static void
every_shipped_file_loads(void **state)
{
    fixture *f = *state;
    static const eo_target_kind kinds[] = {
        EO_TARGET_CPU, EO_TARGET_MCU, EO_TARGET_MCU, EO_TARGET_MCU,
        EO_TARGET_NPU, EO_TARGET_NPU, EO_TARGET_NPU, EO_TARGET_GPU,
    };
    for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
        eo_target *t = load_shipped(f, shipped[i]);
        assert_string_equal(eo_target_name(t), shipped[i]);
        assert_int_equal(eo_target_kind_get(t), kinds[i]);
        assert_non_null(strstr(eo_target_file(t), shipped[i]));
        assert_string_equal(eo_target_variant(t), "");
        const eo_target_desc *d = eo_target_desc_get(t);
        assert_true(d->num_units >= 1 && d->num_memory >= 1);
        if (kinds[i] != EO_TARGET_GPU)
            assert_non_null(eo_target_host_unit(t));
        else
            assert_null(eo_target_host_unit(t));
        assert_true(eo_target_peak_macs(t, EO_TDT_INT8) > 0);
        eo_target_destroy(t);
    }
    assert_int_equal(f->errors, 0);
}

static void
stm32n6_accessors(void **state)
{
    fixture *f = *state;
    eo_target *t = load_shipped(f, "stm32n6-npu");
    const eo_target_desc *d = eo_target_desc_get(t);
    assert_int_equal(d->format, EO_TARGET_FORMAT);
    assert_string_equal(d->host_cpu, "m55");
    assert_false(d->detect);
    assert_int_equal(d->num_units, 1);
    const eo_unit_desc *u = eo_target_find_unit(t, "m55");
    assert_ptr_equal(u, &d->units[0]);
    assert_ptr_equal(eo_target_host_unit(t), u);
    assert_int_equal(u->kind, EO_UNIT_CPU);
    assert_true(u->clock_mhz == 800);
    assert_int_equal(u->vector_bits, 128);
    assert_true(u->macs_per_cycle[EO_TDT_INT8] == 8);
    assert_true(u->macs_per_cycle[EO_TDT_BF16] == 0);
    assert_string_equal(u->isa, "armv8.1-m.main+mve.fp");
    assert_int_equal(u->local_mem_bytes, 0);

    assert_int_equal(d->num_memory, 4);
    assert_string_equal(d->memory[0].name, "npu_ram");
    assert_int_equal(d->memory[0].kind, EO_MEMORY_SRAM);
    const eo_memory_desc *fl = eo_target_find_memory(t, "ext_flash");
    assert_non_null(fl);
    assert_int_equal(fl->kind, EO_MEMORY_FLASH);
    assert_null(eo_target_find_memory(t, "nope"));
    assert_null(eo_target_find_unit(t, "nope"));
    /* 4.2 MB of on-chip SRAM in the two sram levels. */
    int64_t onchip = d->memory[0].size_bytes + d->memory[1].size_bytes;
    assert_true(onchip > 4200000 && onchip < 4500000);

    assert_int_equal(d->num_conv_engines, 1);
    const eo_conv_engine_desc *ce = &d->conv_engines[0];
    assert_int_equal(ce->count * ce->mac_rows * ce->mac_cols, 288);
    assert_true(ce->ops & (1u << EO_CONV_DEPTHWISE));
    assert_false(ce->ops & (1u << EO_CONV_MATMUL));
    assert_true(ce->dtypes & (1u << EO_TDT_INT8));
    assert_false(ce->dtypes & (1u << EO_TDT_FP32));
    assert_false(d->has_imc);
    assert_int_equal(d->num_ew_units, 3);
    assert_true(d->ew_units[0].ops & (1u << EO_EW_MAXPOOL));
    assert_int_equal(d->num_dma, 1);
    assert_int_equal(d->dma[0].max_dims, 3);
    assert_true(d->has_sram);
    assert_string_equal(d->sram.level, "npu_ram");
    assert_int_equal(d->sram.banks * d->sram.bank_bytes,
                     d->memory[0].size_bytes);

    /* ~600 GOPS: 288 MACs x 1 GHz + the M55's 8 MACs x 800 MHz. */
    double peak = eo_target_peak_macs(t, EO_TDT_INT8);
    assert_true(fabs(peak - (288e9 + 6.4e9)) < 1);
    assert_true(eo_target_peak_macs(t, EO_TDT_FP32) == 2 * 800e6);
    assert_true(eo_target_peak_macs(t, EO_TDT_COUNT) == 0);
    assert_true(eo_target_imc_periphery_pj(t) == 0);

    assert_string_equal(eo_target_dtype_name(EO_TDT_BF16), "bf16");
    assert_int_equal(eo_target_dtype_from_name("int16"), EO_TDT_INT16);
    assert_int_equal(eo_target_dtype_from_name("int9"), -1);
    assert_string_equal(eo_target_kind_name(EO_TARGET_NPU), "npu");
    eo_target_destroy(t);
}

/* ADC (k1 b + k2 4^b) Vdd^2 and DAC k3 b Vdd^2, recomputed on change. */
static void
zigzag_energies_follow_bit_widths(void **state)
{
    fixture *f = *state;
    eo_target *t = load_shipped(f, "imc-analog-npu");
    const eo_imc_desc *m = &eo_target_desc_get(t)->imc;
    assert_int_equal(m->energy_model, EO_IMC_MODEL_ZIGZAG);
    double v2 = 0.8 * 0.8;
    assert_true(fabs(m->adc_energy_pj - (100 * 6e-3 + 4096e-6) * v2) < 1e-12);
    assert_true(fabs(m->dac_energy_pj - 50 * 2e-3 * v2) < 1e-12);
    double per = eo_target_imc_periphery_pj(t);
    assert_true(fabs(per - (64 * m->adc_energy_pj + 256 * m->dac_energy_pj))
                < 1e-9);
    assert_int_equal(eo_target_set_number(f->ctx, t, "imc.adc_bits", 8),
                     EO_OK);
    assert_true(fabs(m->adc_energy_pj - (100 * 8e-3 + 65536e-6) * v2) < 1e-12);
    assert_int_equal(eo_target_set_number(f->ctx, t, "imc.vdd_v", 1.0),
                     EO_OK);
    assert_true(fabs(m->dac_energy_pj - 50 * 2e-3) < 1e-12);
    /* Peak: 4 crossbars x 256 rows x (256 / 4) weights / (8 / 2) cycles. */
    assert_true(fabs(eo_target_peak_macs(t, EO_TDT_INT8) -
                     (4.0 * 256 * 64 / 4 * 100e6 + 8 * 400e6)) < 1);
    eo_target_destroy(t);

    t = load_shipped(f, "imc-digital-npu");
    m = &eo_target_desc_get(t)->imc;
    assert_int_equal(m->kind, EO_IMC_DIGITAL);
    assert_true(m->adc_energy_pj == 0 && m->dac_energy_pj == 0);
    assert_true(eo_target_imc_periphery_pj(t) == 0);
    eo_target_destroy(t);
}

static uint64_t
hash_of_text(fixture *f, const char *text)
{
    eo_target *t = parse(f, text);
    if (!t)
        fprintf(stderr, "%s", f->log);
    assert_non_null(t);
    uint64_t h = eo_target_hash(t);
    eo_target_destroy(t);
    return h;
}

#define MINI_UNIT                                                          \
    "{\"name\": \"c\", \"kind\": \"cpu\", \"count\": 1, \"clock_mhz\": 100," \
    " \"vector_bits\": 32, \"macs_per_cycle\": {\"int8\": 2},"              \
    " \"mac_energy_pj\": {\"int8\": 5}, \"alu_energy_pj\": 1,"              \
    " \"load_store_energy_pj\": 2}"
#define MINI_MEM                                                           \
    "{\"name\": \"s\", \"kind\": \"sram\", \"size_bytes\": 1024,"           \
    " \"bandwidth_gbps\": 1, \"latency_ns\": 1, \"energy_pj_per_byte\": 1}"
#define MINI_KIND(kind, extra)                                             \
    "{\"format\": 1, \"name\": \"mini\", \"kind\": \"" kind "\","           \
    " \"compute_units\": [" MINI_UNIT "], \"memory\": [" MINI_MEM "]"       \
    extra "}"
#define MINI(extra) MINI_KIND("mcu", extra)

static void
hash_is_stable_and_sensitive(void **state)
{
    fixture *f = *state;
    eo_target *a = load_shipped(f, "cortex-m7");
    eo_target *b = load_shipped(f, "cortex-m7");
    uint64_t h = eo_target_hash(a);
    assert_true(h != 0);
    assert_true(eo_target_hash(b) == h);
    eo_target *c = eo_target_clone(a);
    assert_non_null(c);
    assert_true(eo_target_hash(c) == h);
    /* Any change shows; changing back restores it. */
    assert_int_equal(eo_target_set_number(f->ctx, c, "compute_units[0]."
                                          "clock_mhz", 200), EO_OK);
    assert_true(eo_target_hash(c) != h);
    assert_int_equal(eo_target_set_number(f->ctx, c, "compute_units[m7]."
                                          "clock_mhz", 216), EO_OK);
    assert_true(eo_target_hash(c) == h);
    assert_int_equal(eo_target_set_number(f->ctx, c, "memory[sram]."
                                          "energy_pj_per_byte", 12.5), EO_OK);
    assert_true(eo_target_hash(c) != h);
    assert_true(eo_target_hash(a) == h);   /* the clone is independent */
    eo_target_destroy(a);
    eo_target_destroy(b);
    eo_target_destroy(c);

    /* Formatting, key order and explicit defaults do not matter. */
    uint64_t h1 = hash_of_text(f, MINI(""));
    uint64_t h2 = hash_of_text(f,
        "{\"memory\": [" MINI_MEM "],\n\n  \"kind\": \"mcu\", \"format\": 1,"
        " \"name\": \"mini\", \"detect\": false, \"description\": \"\","
        " \"compute_units\": [" MINI_UNIT "]}");
    assert_true(h1 == h2);
    uint64_t h3 = hash_of_text(f, MINI(", \"description\": \"x\""));
    assert_true(h3 != h1);
}

static void
canonical_json_round_trips(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof shipped / sizeof *shipped; i++) {
        eo_target *t = load_shipped(f, shipped[i]);
        eo_strbuf a = { 0 }, b = { 0 };
        eo_target_to_json(t, &a);
        assert_false(a.oom);
        eo_target_opts o = { .no_detect = true };
        eo_target *u = eo_target_parse(f->ctx, "canon.json", a.data, a.len,
                                       &o);
        assert_non_null(u);
        eo_target_to_json(u, &b);
        assert_string_equal(a.data, b.data);
        assert_true(eo_target_hash(t) == eo_target_hash(u));
        eo_strbuf_free(&a);
        eo_strbuf_free(&b);
        eo_target_destroy(t);
        eo_target_destroy(u);
    }
    /* Strings are escaped; defaults are printed. */
    eo_target *t = parse(f, MINI(", \"description\": \"a \\\"q\\\"\\n\""));
    assert_non_null(t);
    eo_strbuf s = { 0 };
    eo_target_to_json(t, &s);
    assert_non_null(strstr(s.data, "\"description\": \"a \\\"q\\\"\\u000a\""));
    assert_non_null(strstr(s.data, "\"static_power_mw\": 0,"));
    assert_non_null(strstr(s.data, "\"bf16\": 0,"));
    assert_null(strstr(s.data, "conv_engines"));
    assert_true(s.data[s.len - 1] == '\n');
    eo_strbuf_free(&s);
    eo_target_destroy(t);
}

static void
variants_are_a_cartesian_product(void **state)
{
    fixture *f = *state;
    eo_target *base = load_shipped(f, "imc-analog-npu");
    const char *specs[] = { "imc.crossbars=2,4,8", "imc.adc_bits=4,8" };
    eo_target **list;
    size_t n;
    assert_int_equal(eo_target_vary(f->ctx, base, 2, specs, &list, &n),
                     EO_OK);
    assert_int_equal(n, 6);
    static const int64_t xb[] = { 2, 2, 4, 4, 8, 8 };
    static const int64_t adc[] = { 4, 8, 4, 8, 4, 8 };
    for (size_t i = 0; i < n; i++) {
        const eo_imc_desc *m = &eo_target_desc_get(list[i])->imc;
        assert_int_equal(m->crossbars, xb[i]);
        assert_int_equal(m->adc_bits, adc[i]);
        char label[96];
        snprintf(label, sizeof label, "imc.crossbars=%d,imc.adc_bits=%d",
                 (int)xb[i], (int)adc[i]);
        assert_string_equal(eo_target_variant(list[i]), label);
        for (size_t j = 0; j < i; j++)
            assert_true(eo_target_hash(list[i]) != eo_target_hash(list[j]));
        double v;
        assert_int_equal(eo_target_get_number(f->ctx, list[i],
                                              "imc.crossbars", &v), EO_OK);
        assert_true(v == (double)xb[i]);
    }
    /* The base is untouched; its own values give its own hash. */
    assert_int_equal(eo_target_desc_get(base)->imc.crossbars, 4);
    assert_true(eo_target_hash(list[3]) != eo_target_hash(base));
    eo_target_list_free(list, n);

    assert_int_equal(eo_target_vary(f->ctx, base, 0, NULL, &list, &n), EO_OK);
    assert_int_equal(n, 1);
    assert_true(eo_target_hash(list[0]) == eo_target_hash(base));
    assert_string_equal(eo_target_variant(list[0]), "");
    eo_target_list_free(list, n);

    /* Real values; element by name; a bad value anywhere fails it all. */
    const char *spec2[] = { "compute_units[m55].clock_mhz=100.5,200" };
    assert_int_equal(eo_target_vary(f->ctx, base, 1, spec2, &list, &n),
                     EO_OK);
    assert_true(eo_target_desc_get(list[0])->units[0].clock_mhz == 100.5);
    assert_string_equal(eo_target_variant(list[0]),
                        "compute_units[m55].clock_mhz=100.5");
    eo_target_list_free(list, n);
    clear(f);
    const char *bad[] = { "imc.crossbars=2,4", "imc.adc_bits=4,17" };
    assert_int_equal(eo_target_vary(f->ctx, base, 2, bad, &list, &n),
                     EO_ERROR);
    assert_null(list);
    assert_int_equal(n, 0);
    assert_non_null(strstr(f->log, "imc.adc_bits: expected an integer in "
                                   "0..16, got 17"));
    const char *cases[][2] = {
        { "imc.crossbars", "expected path=v1,v2,..." },
        { "=4", "expected path=v1,v2,..." },
        { "imc.crossbars=", "expected path=v1,v2,..." },
        { "imc.crossbars=4,", "'' is not a number" },
        { "imc.crossbars=1e999", "'1e999' is not a number" },
        { "imc.crossbars=2.5", "expected an integer in 1..1000000, got 2.5" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        clear(f);
        assert_int_equal(eo_target_vary(f->ctx, base, 1, &cases[i][0], &list,
                                        &n), EO_ERROR);
        if (!strstr(f->log, cases[i][1]))
            fail_msg("%s: got '%s'", cases[i][0], f->log);
    }
    eo_target_destroy(base);
}

static void
paths_report_clear_errors(void **state)
{
    fixture *f = *state;
    eo_target *t = load_shipped(f, "stm32n6-npu");
    uint64_t h = eo_target_hash(t);
    static const struct { const char *path; const char *msg; } cases[] = {
        { "imc.crossbars", "this target has no 'imc'" },
        { "conv_engine[0].count", "no key 'conv_engine' in target (did you "
                                  "mean 'conv_engines'?)" },
        { "conv_engines.count", "'conv_engines' is an array; pick an "
                                "element" },
        { "conv_engines[9].count", "has no element [9] (1 elements)" },
        { "conv_engines[x].count", "has no element [x]" },
        { "conv_engines[0]", "is an element; expected '.'" },
        { "conv_engines[0].ops", "is not numeric (a list of names)" },
        { "name", "is not numeric (a string)" },
        { "detect", "is not numeric (a boolean)" },
        { "sram", "is an object" },
        { "sram.banks.x", "has no fields" },
        { "", "expected a key" },
        { "compute_units[0].macs_per_cycle.int9", "no key 'int9' in data "
                                                  "type table (did you mean" },
        { "conv_engines[0", "missing ']'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        clear(f);
        double v;
        assert_int_equal(eo_target_get_number(f->ctx, t, cases[i].path, &v),
                         EO_ERROR);
        if (!strstr(f->log, cases[i].msg))
            fail_msg("%s: got '%s'", cases[i].path, f->log);
        clear(f);
        assert_int_equal(eo_target_set_number(f->ctx, t, cases[i].path, 1),
                         EO_ERROR);
        assert_int_equal(f->errors, 1);
    }
    /* Range and cross-field failures leave the target unchanged. */
    clear(f);
    assert_int_equal(eo_target_set_number(f->ctx, t, "conv_engines[0]."
                                          "mac_rows", 0), EO_ERROR);
    assert_non_null(strstr(f->log, "conv_engines[0].mac_rows: expected an "
                                   "integer in 1..1000000, got 0"));
    clear(f);
    assert_int_equal(eo_target_set_number(f->ctx, t, "sram.bank_bytes",
                                          1e6), EO_ERROR);
    assert_non_null(strstr(f->log, "sram.banks: 4 banks of 1000000 bytes "
                                   "exceed level 'npu_ram'"));
    assert_true(strncmp(f->log, "0:0: ", 5) == 0);   /* no file position */
    assert_non_null(strstr(f->log, "stm32n6-npu.json: sram.banks"));
    clear(f);
    assert_int_equal(eo_target_set_number(f->ctx, t, "memory[0].size_bytes",
                                          1e12), EO_ERROR);
    assert_non_null(strstr(f->log, "memory levels must be ordered by size"));
    assert_true(eo_target_hash(t) == h);
    double v;
    assert_int_equal(eo_target_get_number(f->ctx, t, "sram.bank_bytes", &v),
                     EO_OK);
    assert_true(v == 458752);
    assert_int_equal(eo_target_get_number(f->ctx, t, "compute_units[0]."
                                          "mac_energy_pj.int8", &v), EO_OK);
    assert_true(v == 12);
    eo_target_destroy(t);
}

/* Each bad text gives an error containing 'msg' at 'where' ("line:col"). */
static void
validation_errors(void **state)
{
    fixture *f = *state;
    static const struct { const char *text, *where, *msg; } cases[] = {
        /* syntax */
        { "{\"format\": 1,\n  \"name\" \"x\"}", "2:10",
          "invalid JSON: unexpected '\"'" },
        { "{\"format\": 1,\n", "2:1", "unexpected end of file" },
        { "  \n ", "2:2", "the file is empty" },
        { "{} {}", "1:4", "invalid JSON: unexpected '{'" },
        { "{\"a\": tru}", "1:7", "invalid JSON: unexpected 't'" },
        { "[1]", "1:1", "expected an object (target), got an array" },
        /* unknown keys, missing keys, duplicates, types */
        { MINI(", \"hots_cpu\": \"c\""), "1:", "unknown key 'hots_cpu' in "
          "target (did you mean 'host_cpu'?)" },
        { MINI(", \"zzz\": 1"), "1:", "zzz: unknown key 'zzz' in target" },
        { "{\"format\": 1, \"kind\": \"mcu\", \"compute_units\": ["
          MINI_UNIT "], \"memory\": [" MINI_MEM "]}", "1:1",
          "missing required key 'name' in target" },
        { MINI(", \"name\": \"again\""), "1:", "name: duplicate key 'name'" },
        { MINI(", \"detect\": 1"), "1:", "detect: expected true or false, "
          "got a number" },
        { MINI(", \"description\": 5"), "1:", "description: expected a "
          "string, got a number" },
        { MINI(", \"dma\": {}"), "1:", "dma: expected an array, got an "
          "object" },
        { MINI(", \"dma\": []"), "1:", "dma: expected at least one DMA "
          "engine" },
        { MINI(", \"dma\": [3]"), "1:", "dma[0]: expected an object (DMA "
          "engine), got a number" },
        { MINI(", \"sram\": null"), "1:", "sram: expected an object (SRAM), "
          "got null" },
        /* ranges */
        { MINI(", \"dma\": [{\"name\": \"d\", \"channels\": 1, \"max_dims\":"
               " 9, \"bandwidth_gbps\": 1, \"setup_ns\": 0,"
               " \"energy_pj_per_byte\": 0}]"), "1:",
          "dma[0].max_dims: expected an integer in 1..6, got 9" },
        { MINI(", \"dma\": [{\"name\": \"d\", \"channels\": 1.5, \"max_dims\":"
               " 2, \"bandwidth_gbps\": -1, \"setup_ns\": 0,"
               " \"energy_pj_per_byte\": 0}]"), "1:",
          "dma[0].channels: expected an integer in 1..1024, got 1.5" },
        { MINI(", \"dma\": [{\"name\": \"d\", \"channels\": 1, \"max_dims\":"
               " 2, \"bandwidth_gbps\": -1, \"setup_ns\": 0,"
               " \"energy_pj_per_byte\": 0}]"), "1:",
          "dma[0].bandwidth_gbps: expected a number > 0, got -1" },
        { "{\"format\": 1e400}", "1:12", "format: expected an integer in "
          "1..1, got inf" },
        /* enums and name sets */
        { MINI_KIND("mcux", ""), "1:", "expected one of 'cpu', 'mcu', "
          "'npu', 'gpu', got 'mcux'" },
        { MINI(", \"conv_engines\": [{\"name\": \"e\", \"count\": 1,"
               " \"mac_rows\": 1, \"mac_cols\": 1, \"clock_mhz\": 1,"
               " \"ops\": [\"conv3d\"], \"data_types\": [\"fp8\"],"
               " \"mac_energy_pj\": 1}]"), "1:",
          "conv_engines[0].ops[0]: unknown name 'conv3d' (did you mean "
          "'conv2d'?)" },
        { MINI(", \"conv_engines\": [{\"name\": \"e\", \"count\": 1,"
               " \"mac_rows\": 1, \"mac_cols\": 1, \"clock_mhz\": 1,"
               " \"ops\": [], \"data_types\": [1],"
               " \"mac_energy_pj\": 1}]"), "1:",
          "conv_engines[0].data_types[0]: expected a name, got a number" },
        { MINI(", \"conv_engines\": [{\"name\": \"e\", \"count\": 1,"
               " \"mac_rows\": 1, \"mac_cols\": 1, \"clock_mhz\": 1,"
               " \"ops\": [], \"data_types\": [\"int8\"],"
               " \"mac_energy_pj\": 1}]"), "1:",
          "conv_engines[0].ops: expected at least one name" },
        /* cross-field rules */
        { MINI(", \"host_cpu\": \"cc\""), "1:", "host_cpu: 'cc' is not a "
          "compute unit of this target (did you mean 'c'?)" },
        { MINI_KIND("npu", ""), "1:", "host_cpu: an npu target needs "
          "'host_cpu'" },
        { MINI_KIND("npu", ", \"host_cpu\": \"c\""), "1:1",
          "an npu target needs conv_engines or imc" },
        { MINI(", \"detect\": true"), "1:", "detect: only a cpu target" },
        { MINI(", \"sram\": {\"level\": \"x\", \"banks\": 1, \"bank_bytes\":"
               " 1, \"bank_width_bits\": 8}"), "1:",
          "sram.level: 'x' is not a memory level of this target" },
        { "{\"format\": 1, \"name\": \"a\", \"kind\": \"mcu\", "
          "\"compute_units\": [" MINI_UNIT "," MINI_UNIT "], "
          "\"memory\": [" MINI_MEM "]}", "1:",
          "compute_units[1].name: name 'c' is already used" },
        { "{\"format\": 1, \"name\": \"a\", \"kind\": \"mcu\", "
          "\"compute_units\": [{\"name\": \"a b\", \"kind\": \"cpu\", "
          "\"count\": 1, \"clock_mhz\": 1, \"vector_bits\": 0, "
          "\"macs_per_cycle\": {}, \"mac_energy_pj\": {}, "
          "\"alu_energy_pj\": 1, \"load_store_energy_pj\": 1}], "
          "\"memory\": [" MINI_MEM "]}", "1:",
          "compute_units[0].name: expected a name of letters" },
        { "{\"format\": 1, \"name\": \"a\", \"kind\": \"mcu\", "
          "\"compute_units\": [{\"name\": \"a\", \"kind\": \"cpu\", "
          "\"count\": 1, \"clock_mhz\": 1, \"vector_bits\": 0, "
          "\"macs_per_cycle\": {}, \"mac_energy_pj\": {}, "
          "\"alu_energy_pj\": 1, \"load_store_energy_pj\": 1}], "
          "\"memory\": [" MINI_MEM "]}", "1:",
          "compute_units[0].macs_per_cycle: expected a data type with a "
          "number > 0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        eo_target *t = parse(f, cases[i].text);
        /* The line holding 'msg' starts with "where" (line:col). */
        const char *m = strstr(f->log, cases[i].msg);
        const char *line = m;
        while (line && line > f->log && line[-1] != '\n')
            line--;
        if (t || !m ||
            strncmp(line, cases[i].where, strlen(cases[i].where)) != 0)
            fail_msg("case %zu: want %s '%s', got:\n%s", i, cases[i].where,
                     cases[i].msg, f->log);
        eo_target_destroy(t);
    }
}

static const char *imc_block =
    "\"imc\": {\"kind\": \"%s\", \"crossbars\": 1, \"rows\": 8, "
    "\"columns\": 8, \"weight_bits\": 4, \"input_bits\": 4, "
    "\"dac_bits\": %d, \"adc_bits\": %d, \"adcs_per_crossbar\": %d, "
    "\"clock_mhz\": 1, \"data_types\": [\"int8\"], \"mac_energy_pj\": 1, "
    "\"program_ns_per_row\": 1, \"program_pj_per_bit\": 1%s}";

static void
imc_rules(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *kind; int dac, adc, adcs; const char *extra, *msg;
    } cases[] = {
        { "analog", 1, 0, 1, "", "imc.adc_bits: an analog crossbar needs "
          "adc_bits in 1..16, got 0" },
        { "analog", 1, 4, 9, "", "imc.adcs_per_crossbar: an analog crossbar "
          "needs 1..columns (8) ADCs, got 9" },
        { "digital", 1, 4, 0, "", "a digital crossbar has no ADC" },
        { "digital", 5, 0, 0, "", "imc.dac_bits: expected at most input_bits "
          "(4), got 5" },
        { "analog", 1, 4, 2, ", \"energy_model\": \"zigzag-imc\"",
          "imc.vdd_v: energy_model 'zigzag-imc' needs vdd_v > 0" },
        { "analog", 1, 4, 2, ", \"energy_model\": \"zigzag-imc\", "
          "\"vdd_v\": 1, \"adc_energy_pj\": 2",
          "imc.adc_energy_pj: not allowed here: derived by energy_model "
          "'zigzag-imc'" },
        { "analog", 1, 4, 2, ", \"adc_k1_ff\": 2",
          "imc.adc_k1_ff: not allowed here: only used by energy_model "
          "'zigzag-imc'" },
        { "analog", 1, 4, 2, ", \"energy_model\": \"zz\"",
          "imc.energy_model: expected one of 'fixed', 'zigzag-imc', got "
          "'zz'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char imc[1024], text[4096];
        snprintf(imc, sizeof imc, imc_block, cases[i].kind, cases[i].dac,
                 cases[i].adc, cases[i].adcs, cases[i].extra);
        snprintf(text, sizeof text, "{\"format\": 1, \"name\": \"a\", "
                 "\"kind\": \"npu\", \"host_cpu\": \"c\", "
                 "\"compute_units\": [" MINI_UNIT "], \"memory\": ["
                 MINI_MEM "], %s}", imc);
        eo_target *t = parse(f, text);
        if (t || !strstr(f->log, cases[i].msg))
            fail_msg("case %zu: want '%s', got:\n%s", i, cases[i].msg,
                     f->log);
    }
    /* A good one, and a derived energy that cannot be set. */
    char imc[1024], text[4096];
    snprintf(imc, sizeof imc, imc_block, "analog", 1, 4, 2,
             ", \"energy_model\": \"zigzag-imc\", \"vdd_v\": 1, "
             "\"adc_k1_ff\": 10, \"adc_k2_af\": 0, \"dac_k3_ff\": 0");
    snprintf(text, sizeof text, "{\"format\": 1, \"name\": \"a\", "
             "\"kind\": \"npu\", \"host_cpu\": \"c\", \"compute_units\": ["
             MINI_UNIT "], \"memory\": [" MINI_MEM "], %s}", imc);
    eo_target *t = parse(f, text);
    assert_non_null(t);
    assert_true(fabs(eo_target_desc_get(t)->imc.adc_energy_pj - 0.04) < 1e-12);
    assert_int_equal(eo_target_set_number(f->ctx, t, "imc.adc_energy_pj", 1),
                     EO_ERROR);
    assert_non_null(strstr(f->log, "is not used here"));
    eo_target_destroy(t);
}

/* Bytes no file should hold, deep nesting, huge numbers: errors only. */
static void
hostile_inputs_fail_cleanly(void **state)
{
    fixture *f = *state;
    char text[64] = "{\"format\": 1,\0 \"name\": \"x\"}";
    clear(f);
    assert_null(eo_target_parse(f->ctx, "nul.json", text, 28, NULL));
    assert_non_null(strstr(f->log, "1:14: invalid JSON: NUL byte"));

    size_t depth = 5000;
    char *deep = malloc(2 * depth + 1);
    assert_non_null(deep);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    deep[2 * depth] = '\0';
    clear(f);
    assert_null(eo_target_parse(f->ctx, "deep.json", deep, 2 * depth, NULL));
    assert_true(f->errors == 1);
    free(deep);

    /* Within cJSON's nesting limit: the scanner keeps positions. */
    char nest[2100];
    size_t k = 0;
    k += (size_t)snprintf(nest, sizeof nest, "{\"format\": 1, \"x\": ");
    for (int i = 0; i < 900; i++)
        nest[k++] = '[';
    for (int i = 0; i < 900; i++)
        nest[k++] = ']';
    nest[k++] = '}';
    nest[k] = '\0';
    clear(f);
    assert_null(eo_target_parse(f->ctx, "nest.json", nest, k, NULL));
    assert_non_null(strstr(f->log, "1:15: x: unknown key 'x'"));

    clear(f);
    assert_null(eo_target_load(f->ctx, "/nonexistent/t.json"));
    assert_non_null(strstr(f->log, "cannot open target description"));
}

static void
host_detection_reads_the_sysroot(void **state)
{
    fixture *f = *state;
    char path[1024], root[1024];
    source_path(path, sizeof path, "targets/data/host.json");
    source_path(root, sizeof root, "lit/targets/Inputs/sysroot");
    eo_target_opts o = { .sysroot = root };
    eo_target *t = eo_target_load_opts(f->ctx, path, &o);
    assert_non_null(t);
    const eo_target_desc *d = eo_target_desc_get(t);
    assert_false(d->detect);
    assert_int_equal(d->units[0].count, 8);            /* 0-5,8-9 */
    assert_true(d->units[0].clock_mhz == 3200);        /* cpufreq */
    assert_int_equal(d->units[0].vector_bits, 256);    /* avx2 */
    assert_int_equal(eo_target_find_memory(t, "l1d")->size_bytes, 32768);
    assert_int_equal(eo_target_find_memory(t, "l2")->size_bytes, 524288);
    assert_int_equal(eo_target_find_memory(t, "l3")->size_bytes, 8388608);
    eo_target_destroy(t);

    /* Nothing to read: the file's values stay. */
    o.sysroot = "/nonexistent";
    t = eo_target_load_opts(f->ctx, path, &o);
    assert_non_null(t);
    d = eo_target_desc_get(t);
    assert_int_equal(d->units[0].count, 4);
    assert_true(d->units[0].clock_mhz == 2500);
    assert_int_equal(d->units[0].vector_bits, 256);
    assert_false(d->detect);
    eo_target_destroy(t);

    /* The real machine: something sensible. */
    t = eo_target_load(f->ctx, path);
    assert_non_null(t);
    d = eo_target_desc_get(t);
    assert_true(d->units[0].count >= 1);
    assert_true(d->units[0].clock_mhz > 0);
    eo_target_destroy(t);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(every_shipped_file_loads),
        T(stm32n6_accessors),
        T(zigzag_energies_follow_bit_widths),
        T(hash_is_stable_and_sensitive),
        T(canonical_json_round_trips),
        T(variants_are_a_cartesian_product),
        T(paths_report_clear_errors),
        T(validation_errors),
        T(imc_rules),
        T(hostile_inputs_fail_cleanly),
        T(host_detection_reads_the_sysroot),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/fuzz/fuzz_knobs.c - libFuzzer target for the explorer's textual
 * inputs: knob files (JSON objects or name=value lines, with glob keys),
 * knob-space JSON (edge-opt --list-knobs, read by eo_space_load_json) and
 * canonical assignments (eo_space_parse, the results database's keys).
 *
 * Each input goes to all three parsers in a fresh context, diagnostics
 * dropped. A knob file that loads is asked a fixed set of knobs (every
 * domain kind), and every answer must lie in its domain; a space that
 * loads must format its default candidate into a canonical form that
 * parses back to the same candidate. Anything else traps; bad inputs must
 * fail cleanly, never reach a sanitizer. Built with -DEO_FUZZ=ON; run with
 * FUZZ_TARGET=fuzz_knobs test/fuzz/run-fuzz.sh.
 */
#include "explorer/explorer.h"
#include "rewrite/rewrite.h"
#include "ir/ir.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
drop_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

static bool
in_domain(const eo_knob_domain *d, int64_t v)
{
    switch (d->kind) {
    case EO_KNOB_BOOL:
        return v == 0 || v == 1;
    case EO_KNOB_RANGE:
        return v >= d->lo && v <= d->hi && (v - d->lo) % d->step == 0;
    case EO_KNOB_SET:
        for (size_t i = 0; i < d->count; i++)
            if (d->values[i] == v)
                return true;
        return false;
    case EO_KNOB_ENUM:
        return v >= 0 && (size_t)v < d->count;
    }
    return false;
}

/* Asks the knobs a pipeline might ask and checks every answer. */
static void
ask_knobs(eo_knob_store *ks)
{
    static const int64_t tiles[] = { 0, 2, 4, 8, 16 };
    static const char *const layouts[] = { "NCHW", "NHWC" };
    static const struct {
        const char *name;
        eo_knob_domain dom;
        int64_t def;
    } asks[] = {
        { "fuse.conv_1", { .kind = EO_KNOB_BOOL }, 1 },
        { "unroll.loop_3.factor",
          { .kind = EO_KNOB_RANGE, .lo = 1, .hi = 8, .step = 1 }, 1 },
        { "tile.conv_1.0", { .kind = EO_KNOB_SET, .values = tiles,
                             .count = 5 }, 0 },
        { "tile.conv_1.1", { .kind = EO_KNOB_SET, .values = tiles,
                             .count = 5 }, 0 },
        { "layout.conv_1", { .kind = EO_KNOB_ENUM, .names = layouts,
                             .count = 2 }, 0 },
        { "a", { .kind = EO_KNOB_RANGE, .lo = -4, .hi = 12, .step = 4 }, 0 },
    };
    const eo_knob_provider *kp = eo_knob_store_provider(ks);
    for (size_t i = 0; i < sizeof asks / sizeof *asks; i++) {
        int64_t v = kp->ask(kp->ud, asks[i].name, &asks[i].dom, asks[i].def,
                            NULL, "fuzz");
        if (!in_domain(&asks[i].dom, v))
            __builtin_trap();
    }
    (void)eo_knob_store_check(ks);
    eo_strbuf out = { 0 };
    eo_knob_store_space_json(ks, &out);
    eo_knob_store_assignment_json(ks, &out);
    eo_strbuf_free(&out);
}

static void
space_round_trip(eo_ctx *ctx, const eo_space *s, const char *text)
{
    size_t nd = eo_space_num_dims(s);
    uint32_t *a = calloc(nd + 1, sizeof *a), *b = calloc(nd + 1, sizeof *b);
    if (!a || !b)
        goto done;
    eo_space_default(s, a);
    eo_strbuf form = { 0 };
    if (eo_space_format(s, a, &form) != EO_OK)
        __builtin_trap();
    if (form.oom) {
        eo_strbuf_free(&form);
        goto done;
    }
    if (eo_space_parse(s, form.data ? form.data : "", b) != EO_OK ||
        memcmp(a, b, nd * sizeof *a) != 0)
        __builtin_trap();
    eo_strbuf lines = { 0 };
    (void)eo_space_knob_lines(s, a, &lines);
    /* The input itself as a canonical form: must fail or give a
     * candidate that formats back to a form that parses identically. */
    if (eo_space_parse(s, text, b) == EO_OK) {
        form.len = 0;
        if (eo_space_format(s, b, &form) != EO_OK ||
            (!form.oom && eo_space_parse(s, form.data ? form.data : "",
                                         a) != EO_OK) ||
            (!form.oom && memcmp(a, b, nd * sizeof *a) != 0))
            __builtin_trap();
    }
    eo_strbuf_free(&form);
    eo_strbuf_free(&lines);
    (void)ctx;
done:
    free(a);
    free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';

    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx) {
        free(text);
        return 0;
    }
    eo_ctx_set_diag_handler(ctx, drop_diag, NULL);

    eo_knob_store *ks = eo_knob_store_create(ctx);
    if (ks && eo_knob_store_load_buffer(ks, "fuzz.knobs", text, size) ==
                  EO_OK)
        ask_knobs(ks);
    eo_knob_store_destroy(ks);

    eo_space *s = eo_space_create(ctx);
    if (s && eo_space_load_json(s, text, size) == EO_OK)
        space_round_trip(ctx, s, text);
    eo_space_destroy(s);

    eo_ctx_destroy(ctx);
    free(text);
    return 0;
}

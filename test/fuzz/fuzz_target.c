/* test/fuzz/fuzz_target.c - libFuzzer target for target descriptions.
 *
 * Each input is parsed with eo_target_parse in a fresh context,
 * diagnostics dropped. A description that loads must print canonical JSON
 * that loads back to the same hash and prints identically, and a few
 * numeric paths are read and written; anything else traps. Bad inputs
 * must give NULL, never a sanitizer report. Built with -DEO_FUZZ=ON; run
 * with FUZZ_TARGET=fuzz_target test/fuzz/run-fuzz.sh.
 */
#include "targets/targets.h"
#include "ir/ir.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
drop_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return 0;
    eo_ctx_set_diag_handler(ctx, drop_diag, NULL);
    eo_target_opts opts = { .no_detect = true };
    eo_target *t = eo_target_parse(ctx, "fuzz.json", (const char *)data, size,
                                   &opts);
    if (t) {
        eo_strbuf a = { 0 }, b = { 0 };
        eo_target_to_json(t, &a);
        eo_target *u = a.data ? eo_target_parse(ctx, "canon.json", a.data,
                                                a.len, &opts)
                              : NULL;
        if (a.data && !u)
            __builtin_trap();
        if (u) {
            eo_target_to_json(u, &b);
            if (eo_target_hash(u) != eo_target_hash(t) || !b.data ||
                strcmp(a.data, b.data) != 0)
                __builtin_trap();
        }
        static const char *const paths[] = {
            "imc.crossbars", "compute_units[0].clock_mhz",
            "memory[0].size_bytes", "sram.banks", "conv_engines[0].mac_rows",
        };
        for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
            double v;
            if (eo_target_get_number(ctx, t, paths[i], &v) == EO_OK &&
                eo_target_set_number(ctx, t, paths[i], v) != EO_OK)
                __builtin_trap();
        }
        eo_strbuf_free(&a);
        eo_strbuf_free(&b);
        eo_target_destroy(u);
        eo_target_destroy(t);
    }
    eo_ctx_destroy(ctx);
    return 0;
}

/* test/fuzz/fuzz_npy.c - libFuzzer target for the .npy reader.
 *
 * Each input is written to a scratch file (one per process) and loaded
 * with eo_tensor_load_npy in a fresh context, diagnostics dropped. A file
 * that loads must describe itself consistently (nbytes = elements x
 * element size) and survive a save / load round trip unchanged; anything
 * else traps. Corrupt inputs must give EO_ERROR, never a sanitizer
 * report. Built with -DEO_FUZZ=ON; run with FUZZ_TARGET=fuzz_npy
 * test/fuzz/run-fuzz.sh.
 */
#include "dialects/graph/interp.h"
#include "ir/ir.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char in_path[256], out_path[256];

static void
drop_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    snprintf(in_path, sizeof in_path, "%s/fuzz_npy_%ld.in.npy", dir,
             (long)getpid());
    snprintf(out_path, sizeof out_path, "%s/fuzz_npy_%ld.out.npy", dir,
             (long)getpid());
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(in_path, "wb");
    if (!f)
        return 0;
    size_t put = fwrite(data, 1, size, f);
    if (fclose(f) != 0 || put != size)
        return 0;
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return 0;
    eo_ctx_set_diag_handler(ctx, drop_diag, NULL);
    eo_tensor t;
    if (eo_tensor_load_npy(ctx, in_path, &t) == EO_OK) {
        int64_t n = eo_tensor_numel(&t);
        if (n < 0 || t.nbytes != (size_t)n * eo_dtype_size(t.dtype))
            __builtin_trap();
        eo_tensor back;
        if (eo_tensor_save_npy(ctx, out_path, &t) == EO_OK) {
            if (eo_tensor_load_npy(ctx, out_path, &back) != EO_OK ||
                back.dtype != t.dtype || back.rank != t.rank ||
                back.nbytes != t.nbytes ||
                memcmp(back.shape, t.shape, t.rank * sizeof t.shape[0]) ||
                (t.nbytes && memcmp(back.data, t.data, t.nbytes)))
                __builtin_trap();
            eo_tensor_free(&back);
        }
        eo_tensor_free(&t);
    }
    eo_ctx_destroy(ctx);
    return 0;
}

/* test/fuzz/fuzz_onnx.c - libFuzzer target for the ONNX importer.
 *
 * Each input is imported as a serialized ModelProto in a fresh context
 * (diagnostics dropped, dynamic dimensions set to 1). An imported module
 * must verify and print; an input that fails must have reported an error.
 * Bugs show as sanitizer reports or traps. Built with -DEO_FUZZ=ON; run
 * with FUZZ_TARGET=fuzz_onnx test/fuzz/run-fuzz.sh.
 */
#include "dialects/graph/onnx/onnx.h"
#include "ir/ir.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
count_errors(const eo_diag *d, void *ud)
{
    if (d->severity == EO_SEV_ERROR)
        ++*(int *)ud;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return 0;
    int errors = 0;
    eo_ctx_set_diag_handler(ctx, count_errors, &errors);
    eo_onnx_options opts = { .dynamic_dim = 1 };
    eo_op *module = eo_onnx_import_buffer(ctx, data, size, "fuzz.onnx",
                                          &opts);
    if (module) {
        /* The importer verified it; a second verification must agree. */
        if (errors || eo_op_verify(module) != EO_OK)
            __builtin_trap();
        eo_strbuf out = { 0 };
        eo_print_flags fl = { .elide_resources = true };
        eo_op_print_to(module, &fl, &out);
        if (out.oom)
            __builtin_trap();
        eo_strbuf_free(&out);
        eo_op_destroy(module);
    } else if (errors == 0) {
        __builtin_trap();               /* failed without saying why */
    }
    eo_ctx_destroy(ctx);
    return 0;
}

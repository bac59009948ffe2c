/* test/fuzz/fuzz_parser.c - libFuzzer target for the textual parser.
 *
 * Each input is parsed as a whole MLIR file in a fresh context (every
 * dialect registered, unregistered ops allowed, diagnostics dropped). A
 * module that parses is verified and printed, generic and pretty, with
 * locations. Bugs show as sanitizer reports or as traps on broken
 * invariants: a printer that runs out of memory on a small module, or
 * (with EO_FUZZ_ROUNDTRIP=1 in the environment) printed text of a
 * verified module that does not parse back, or parses back to different
 * text. Built with -DEO_FUZZ=ON; run with test/fuzz/run-fuzz.sh.
 */
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool roundtrip;

static void
drop_diag(const eo_diag *d, void *ud)
{
    (void)d;
    (void)ud;
}

static eo_ctx *
new_ctx(void)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return NULL;
    eo_ctx_set_allow_unregistered(ctx, true);
    eo_ctx_set_diag_handler(ctx, drop_diag, NULL);
    if (eo_register_all_dialects(ctx) != EO_OK) {
        eo_ctx_destroy(ctx);
        return NULL;
    }
    return ctx;
}

/* Prints 'module' with 'fl' into 'out'; traps if the printer failed. */
static void
print_checked(eo_op *module, const eo_print_flags *fl, eo_strbuf *out)
{
    eo_op_print_to(module, fl, out);
    if (out->oom)
        __builtin_trap();
}

/* The printed form of a verified module must parse, verify and print
 * again to the same text (in a fresh context, as another tool would). */
static void
check_roundtrip(const eo_strbuf *text, const eo_print_flags *fl)
{
    eo_ctx *ctx = new_ctx();
    if (!ctx)
        return;
    eo_op *m = eo_parse_source(ctx, "roundtrip", text->data, text->len,
                               NULL);
    if (!m || eo_op_verify(m) != EO_OK)
        __builtin_trap();
    eo_strbuf again = {0};
    print_checked(m, fl, &again);
    if (again.len != text->len || memcmp(again.data, text->data, again.len))
        __builtin_trap();
    eo_strbuf_free(&again);
    eo_op_destroy(m);
    eo_ctx_destroy(ctx);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *rt = getenv("EO_FUZZ_ROUNDTRIP");
    roundtrip = rt && *rt && strcmp(rt, "0") != 0;
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    eo_ctx *ctx = new_ctx();
    if (!ctx)
        return 0;
    /* libFuzzer's buffer is exactly 'size' bytes, not NUL-terminated:
     * ASan catches a lexer that reads past the end. */
    eo_op *m = eo_parse_source(ctx, "fuzz", (const char *)data, size, NULL);
    if (m) {
        if (eo_op_verify(m) == EO_OK) {
            static const eo_print_flags modes[] = {
                { .generic = false },
                { .generic = true, .debuginfo = true },
                { .generic = false, .debuginfo = true },
            };
            for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
                eo_strbuf out = {0};
                print_checked(m, &modes[i], &out);
                /* Pretty forms with locations are not a fixed point: a
                 * re-parse invents locations for what they leave out
                 * (implicit terminators), as in MLIR. */
                if (roundtrip && (modes[i].generic || !modes[i].debuginfo))
                    check_roundtrip(&out, &modes[i]);
                eo_strbuf_free(&out);
            }
        }
        eo_op_destroy(m);
    }
    eo_ctx_destroy(ctx);
    return 0;
}

/* docs/examples/parse_verify_print.c - the embedding example of
 * docs/ir.md: what edge-opt does with one file, through the C API. */
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>

eo_status parse_verify_print(const char *name, const char *text, size_t len,
                             bool generic, FILE *out);

/* Parses 'text' (named 'name' in locations and diagnostics), verifies it
 * and prints it to 'out'. Diagnostics go to stderr (the default handler). */
eo_status
parse_verify_print(const char *name, const char *text, size_t len,
                   bool generic, FILE *out)
{
    eo_ctx *ctx = eo_ctx_create(NULL);     /* owns everything uniqued */
    if (!ctx)
        return EO_NOMEM;
    eo_status st = eo_register_all_dialects(ctx);
    if (st != EO_OK) {
        eo_ctx_destroy(ctx);
        return st;
    }
    /* The module is ours (detached); 'text' must outlive diagnostics. */
    eo_op *module = eo_parse_source(ctx, name, text, len, NULL);
    if (!module) {
        eo_ctx_destroy(ctx);
        return EO_ERROR;                    /* already reported */
    }
    st = eo_op_verify(module);
    if (st == EO_OK) {
        eo_print_flags flags = { .generic = generic };
        st = eo_op_print(module, &flags, out);
    }
    eo_op_destroy(module);
    eo_ctx_destroy(ctx);
    return st;
}

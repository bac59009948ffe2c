/* docs/examples/out-of-tree/toy_opt.c - a tool built outside the edge-opt
 * tree: registers the built-in dialects and the toy dialect of
 * docs/writing-a-dialect.md, then parses, verifies and prints a file.
 *
 *   toy-opt input.mlir
 */
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>

eo_status toy_register(eo_ctx *ctx);   /* docs/examples/toy_dialect.c */

/* Reads all of 'path' into a malloc'ed buffer; NULL on failure. */
static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    bool failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

int
main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: toy-opt FILE.mlir\n");
        return 2;
    }
    size_t len;
    char *text = read_file(argv[1], &len);
    if (!text) {
        fprintf(stderr, "toy-opt: cannot read '%s'\n", argv[1]);
        return 1;
    }
    eo_ctx *ctx = eo_ctx_create(NULL);
    int rc = 1;
    if (ctx && eo_register_all_dialects(ctx) == EO_OK
        && toy_register(ctx) == EO_OK) {
        eo_op *module = eo_parse_source(ctx, argv[1], text, len, NULL);
        if (module) {
            eo_print_flags flags = {0};
            if (eo_op_verify(module) == EO_OK
                && eo_op_print(module, &flags, stdout) == EO_OK)
                rc = 0;
            eo_op_destroy(module);
        }
    }
    eo_ctx_destroy(ctx);
    free(text);
    return rc;
}

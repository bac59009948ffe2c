/* tools/edge-target.c - validates and prints target descriptions.
 *
 *   edge-target FILE [--vary path=v1,v2 ...] [--print] [--hash]
 *               [--no-detect] [--sysroot DIR]
 *
 * Without --print/--hash it prints "FILE: ok (...)" once the file (and
 * every variant) validates. Exit status 1 after diagnostics, 2 on usage
 * errors. Format: docs/targets.md.
 */
#include "targets/targets.h"
#include "ir/ir.h"
#include "tools/cli.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
usage(FILE *out)
{
    fputs("usage: edge-target FILE [--vary path=v1,v2,...]... [--print] "
          "[--hash]\n"
          "                   [--no-detect] [--sysroot DIR]\n"
          "  --vary SPEC   a variant axis (repeatable: cartesian product)\n"
          "  --print       print the canonical JSON of each target\n"
          "  --hash        print each target's content hash\n"
          "  --no-detect   keep a host file's values (no detection)\n"
          "  --sysroot DIR read /proc and /sys under DIR when detecting\n",
          out);
}

/* Unknown locations (variant errors) print as "edge-target: error: ...",
 * without "<unknown>:0: " (tools/cli.h). */
static void
print_diag(const eo_diag *d, void *ud)
{
    eo_cli_print_diag("edge-target", ud, d);
}

int
main(int argc, char **argv)
{
    const char *file = NULL;
    const char **specs = calloc((size_t)argc, sizeof *specs);
    size_t nspecs = 0;
    bool print = false, hash = false;
    eo_target_opts opts = { 0 };
    if (!specs)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--vary") == 0 && i + 1 < argc) {
            specs[nspecs++] = argv[++i];
        } else if (strncmp(a, "--vary=", 7) == 0) {
            specs[nspecs++] = a + 7;
        } else if (strcmp(a, "--print") == 0) {
            print = true;
        } else if (strcmp(a, "--hash") == 0) {
            hash = true;
        } else if (strcmp(a, "--no-detect") == 0) {
            opts.no_detect = true;
        } else if (strcmp(a, "--sysroot") == 0 && i + 1 < argc) {
            opts.sysroot = argv[++i];
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            free(specs);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "edge-target: error: unknown option '%s' or "
                    "missing value (see edge-target --help)\n", a);
            free(specs);
            return 2;
        } else if (file) {
            fprintf(stderr, "edge-target: error: more than one input "
                    "file ('%s')\n", a);
            free(specs);
            return 2;
        } else {
            file = a;
        }
    }
    if (!file) {
        fputs("edge-target: error: no input file\n", stderr);
        usage(stderr);
        free(specs);
        return 2;
    }
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx) {
        free(specs);
        return 1;
    }
    eo_ctx_set_diag_handler(ctx, print_diag, ctx);
    int rc = 1;
    eo_target **list = NULL;
    size_t count = 0;
    eo_target *t = eo_target_load_opts(ctx, file, &opts);
    if (!t)
        goto out;
    if (eo_target_vary(ctx, t, nspecs, specs, &list, &count) != EO_OK)
        goto out;
    for (size_t i = 0; i < count; i++) {
        const char *label = eo_target_variant(list[i]);
        if (print) {
            if (nspecs)
                printf("// variant %s\n", label);
            eo_strbuf b = { 0 };
            eo_target_to_json(list[i], &b);
            if (b.oom || !b.data)
                goto out;
            fputs(b.data, stdout);
            eo_strbuf_free(&b);
        }
        if (hash)
            printf("%016" PRIx64 " %s%s%s\n", eo_target_hash(list[i]),
                   eo_target_name(list[i]), *label ? " " : "", label);
    }
    if (!print && !hash)
        printf("%s: ok (%s, %s target, %zu variant%s)\n", file,
               eo_target_name(t), eo_target_kind_name(eo_target_kind_get(t)),
               count, count == 1 ? "" : "s");
    rc = 0;
out:
    eo_target_list_free(list, count);
    eo_target_destroy(t);
    eo_ctx_destroy(ctx);
    free(specs);
    return rc;
}

/* tools/cli.c - the command-line parsing the tools share (see cli.h). */
#include "tools/cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* "--name=<value>" as --help shows it ("-o <value>" for one letter). */
static void
spelling(const eo_cli_flag *fl, char *buf, size_t size)
{
    bool single = strlen(fl->name) == 1;
    const char *open = fl->kind == EO_CLI_VALUE ? (single ? " <" : "=<")
                       : fl->kind == EO_CLI_OPT_VALUE ? "[=<" : "";
    const char *close = fl->kind == EO_CLI_VALUE ? ">"
                        : fl->kind == EO_CLI_OPT_VALUE ? ">]" : "";
    snprintf(buf, size, "%s%s%s%s%s", single ? "-" : "--", fl->name, open,
             fl->value_name ? fl->value_name : "", close);
}

void
eo_cli_print_flags(FILE *f, const eo_cli_flag *flags, size_t n)
{
    char spell[128];
    size_t width = 0;
    for (size_t i = 0; i < n; i++) {
        spelling(&flags[i], spell, sizeof(spell));
        if (strlen(spell) > width)
            width = strlen(spell);
    }
    for (size_t i = 0; i < n; i++) {
        spelling(&flags[i], spell, sizeof(spell));
        fprintf(f, "  %-*s - %s\n", (int)width, spell, flags[i].help);
    }
}

const eo_cli_flag *
eo_cli_find(const eo_cli_flag *flags, size_t n, const char *name,
            size_t len)
{
    for (size_t k = 0; k < n; k++) {
        if (strlen(flags[k].name) == len &&
            memcmp(flags[k].name, name, len) == 0)
            return &flags[k];
    }
    return NULL;
}

bool
eo_cli_parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = { "true", "TRUE", "True", "1" };
    static const char *const no[] = { "false", "FALSE", "False", "0" };
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(v, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcmp(v, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

bool
eo_cli_parse_int(const char *v, int64_t lo, int64_t hi, int64_t *out)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return false;
    *out = (int64_t)n;
    return true;
}

bool
eo_cli_parse_u64(const char *v, uint64_t lo, uint64_t hi, uint64_t *out)
{
    char *end;
    if (!*v || *v == '-' || *v == '+')
        return false;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || *end || n < lo || n > hi)
        return false;
    *out = (uint64_t)n;
    return true;
}

bool
eo_cli_parse_nonneg(const char *v, double *out, const char **rest)
{
    char *end;
    errno = 0;
    double d = strtod(v, &end);
    if (errno || end == v || !(d >= 0) || isinf(d) || (!rest && *end))
        return false;
    *out = d;
    if (rest)
        *rest = end;
    return true;
}

void
eo_cli_print_diag(const char *tool, eo_ctx *ctx, const eo_diag *d)
{
    if (!d->loc || eo_loc_get_kind(d->loc) == EO_LOC_UNKNOWN) {
        const char *sev = d->severity == EO_SEV_ERROR ? "error"
                          : d->severity == EO_SEV_WARNING ? "warning"
                                                          : "note";
        fprintf(stderr, "%s: %s: %s\n", tool, sev, d->message);
        for (size_t i = 0; i < d->num_notes; i++)
            fprintf(stderr, "%s: note: %s\n", tool, d->notes[i].message);
        return;
    }
    eo_strbuf b = { 0 };
    eo_diag_format(ctx, d, &b);
    if (b.data)
        fputs(b.data, stderr);
    eo_strbuf_free(&b);
}

bool
eo_cli_parse(const eo_cli *cli, int argc, char **argv)
{
    bool ok = true, only_positional = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_positional || a[0] != '-' || a[1] == '\0') {
            if (!cli->positional(cli->opts, a))
                ok = false;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = true;
            continue;
        }
        const char *name = a + 1 + (a[1] == '-');
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const eo_cli_flag *fl = eo_cli_find(cli->flags, cli->num_flags,
                                            name, len);
        if (!fl) {
            fprintf(stderr, "%s: error: unknown option '%s' (see %s "
                    "--help)\n", cli->tool, a, cli->tool);
            ok = false;
            continue;
        }
        const char *value = eq ? eq + 1 : NULL;
        if (fl->kind == EO_CLI_BOOL) {
            bool b = true;
            if (value && !eo_cli_parse_bool(value, &b)) {
                fprintf(stderr, "%s: error: --%s takes no value other "
                        "than true or false, got '%s'\n", cli->tool,
                        fl->name, value);
                ok = false;
                continue;
            }
            *(bool *)((char *)cli->opts + fl->offset) = b;
            continue;
        }
        if (!value && fl->kind == EO_CLI_VALUE) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: error: --%s needs a value\n",
                        cli->tool, fl->name);
                ok = false;
                continue;
            }
            value = argv[++i];
        }
        switch (cli->set(cli->opts, fl, value)) {
        case EO_CLI_SET_OK:
            break;
        case EO_CLI_SET_INVALID:
            fprintf(stderr, "%s: error: invalid value '%s' for --%s\n",
                    cli->tool, value ? value : "", fl->name);
            ok = false;
            break;
        case EO_CLI_SET_REPORTED:
            ok = false;
            break;
        }
    }
    return ok;
}

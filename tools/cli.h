/* tools/cli.h - the command-line handling the tools share: a table of
 * flags sorted by name, the --help table made from it, the "--name=value"
 * / "--name value" loop with its error messages, number parsing with range
 * checks (edge-opt, edge-run, edge-explore), and diagnostics without a
 * location printed as "TOOL: error: ..." (those and edge-target).
 * tools/cli.c is compiled into each tool (not a library: nothing here is
 * EO_API); test/tools/test_cli.c tests it. */
#ifndef EO_TOOLS_CLI_H
#define EO_TOOLS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ir/ir.h"

typedef enum eo_cli_kind {
    EO_CLI_BOOL,        /* --f, --f=true|false|1|0 */
    EO_CLI_VALUE,       /* --f value, --f=value */
    EO_CLI_OPT_VALUE    /* --f, --f=value */
} eo_cli_kind;

/* One accepted flag. A boolean flag stores into the bool at 'offset' in
 * the tool's options; a value flag names a 'slot', which the tool's
 * setter interprets. A one-letter name is spelled "-o". */
typedef struct eo_cli_flag {
    const char *name;
    eo_cli_kind kind;
    size_t offset;              /* EO_CLI_BOOL */
    int slot;                   /* EO_CLI_VALUE, EO_CLI_OPT_VALUE */
    const char *value_name;     /* --help: "--name=<value_name>" */
    const char *help;
} eo_cli_flag;

/* A boolean flag storing into field 'field' of the options type 'type'. */
#define EO_CLI_BOOL_FLAG(type, n, field, h) \
    { n, EO_CLI_BOOL, offsetof(type, field), -1, NULL, h }
/* A flag taking a value, handed to the tool's setter with its slot. */
#define EO_CLI_VALUE_FLAG(n, slot, v, h) { n, EO_CLI_VALUE, 0, slot, v, h }

/* What a tool's setter made of a flag's value. */
typedef enum eo_cli_set {
    EO_CLI_SET_OK,
    EO_CLI_SET_INVALID,     /* eo_cli_parse reports "invalid value" */
    EO_CLI_SET_REPORTED     /* the setter printed its own error */
} eo_cli_set;

/* A tool's command line: its name (for messages), its flag table, the
 * options the flags fill, and two callbacks. 'set' takes a value flag's
 * value; 'positional' takes an argument that is not a flag, and prints
 * its own error when it refuses it. */
typedef struct eo_cli {
    const char *tool;
    const eo_cli_flag *flags;
    size_t num_flags;
    void *opts;
    eo_cli_set (*set)(void *opts, const eo_cli_flag *fl, const char *value);
    bool (*positional)(void *opts, const char *arg);
} eo_cli;

/* Prints the flag table of --help: one line per flag, "  --name=<v> -
 * help", the spellings padded to the longest. */
EO_HIDDEN void eo_cli_print_flags(FILE *f, const eo_cli_flag *flags,
                                  size_t n);

/* The flag whose name is name[0, len), or NULL. */
EO_HIDDEN const eo_cli_flag *eo_cli_find(const eo_cli_flag *flags, size_t n,
                                         const char *name, size_t len);

/* A boolean flag's value: true/True/TRUE/1 or false/False/FALSE/0.
 * False (and *out untouched) for anything else. */
EO_HIDDEN bool eo_cli_parse_bool(const char *v, bool *out);

/* A decimal integer in [lo, hi] (strtoll syntax), the whole string. */
EO_HIDDEN bool eo_cli_parse_int(const char *v, int64_t lo, int64_t hi,
                                int64_t *out);

/* An unsigned decimal integer in [lo, hi], no sign, the whole string. */
EO_HIDDEN bool eo_cli_parse_u64(const char *v, uint64_t lo, uint64_t hi,
                                uint64_t *out);

/* A finite number >= 0 (strtod syntax). With 'rest', what follows it is
 * stored there; without, the number must be the whole string. */
EO_HIDDEN bool eo_cli_parse_nonneg(const char *v, double *out,
                                   const char **rest);

/* Prints a diagnostic on stderr as the context formats it
 * ("file:line:col: error: msg", the source line, a caret), or, without a
 * location, as "TOOL: error: msg" (its notes as "TOOL: note: msg"). */
EO_HIDDEN void eo_cli_print_diag(const char *tool, eo_ctx *ctx,
                                 const eo_diag *d);

/* Parses argv[1..argc) ("--f", "-f", "--f=value", "--f value"; after
 * "--" every argument is positional). Every problem is reported on
 * stderr as "TOOL: error: ..."; false if there was one. */
EO_HIDDEN bool eo_cli_parse(const eo_cli *cli, int argc, char **argv);

#endif

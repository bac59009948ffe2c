/* tools/edge-opt.c - the edge-opt driver, a thin main over the libraries.
 *
 *   flags -> pass pipeline (checked once) -> read input -> split into
 *            chunks (--split-input-file)
 *         -> per chunk: context, parse, verify, run the passes (with the
 *            knob store), print (or, with --verify-diagnostics, match
 *            diagnostics to expected-* comments)
 *         -> output (stdout, or a temporary file renamed over -o's path)
 *
 * Flags follow mlir-opt's names and LLVM cl's spellings ("-f", "--f",
 * "--f=value"). Exit status: 0 on success, 1 on any error.
 */
#define _POSIX_C_SOURCE 200809L       /* clock_gettime, mkstemp, ... */
#include "codegen/aot.h"
#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "targets/npu_map.h"
#include "targets/place.h"
#include "targets/targets.h"
#include "tools/cli.h"

#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TOOL "edge-opt"
#define DEFAULT_SPLIT_MARKER "// -----"
#define OUTPUT_SPLIT_MARKER "// -----\n"

/* ------------------------------------------------------------------ */
/* Command line                                                        */
/* ------------------------------------------------------------------ */

/* A pass given as its own flag ("--canonicalize=max-iterations=3"). */
typedef struct pass_flag {
    const char *name;
    size_t len;
    const char *options;        /* NULL: defaults */
} pass_flag;

typedef struct options {
    const char *input;          /* NULL or "-": stdin */
    const char *output;         /* NULL or "-": stdout */
    const char *split_marker;   /* NULL: no splitting */
    bool verify_diagnostics;
    bool allow_unregistered;
    bool no_implicit_module;
    bool show_dialects;
    bool help;
    bool version;
    eo_print_flags print;
    /* Passes and instrumentation. */
    bool list_passes;
    bool dump_pipeline;
    bool disable_threading;
    bool print_after_all, print_after_change, print_module_scope;
    bool print_before_all;
    bool timing;
    bool verify_each;
    bool op_stats;              /* --op-stats */
    bool report_memory;         /* --report-memory */
    const char *report_mapping; /* --report-mapping=<npu target> */
    /* ONNX import (--import-onnx). */
    bool import_onnx;
    int64_t onnx_dynamic_dim;
    const char **onnx_binds;    /* --onnx-bind-input NAME=FILE, argc */
    size_t num_onnx_binds;
    unsigned num_threads;
    const char *pipeline;       /* --pass-pipeline */
    pass_flag *passes;          /* argc entries at most */
    size_t num_passes;
    eo_strbuf print_before, print_after;  /* comma-joined pass names */
    /* Knobs. */
    const char *knobs_file, *knobs_out, *list_knobs_file;
    bool list_knobs;
    const char **knob_assigns;  /* --knob name=value, argc at most */
    size_t num_knob_assigns;
    /* Plugins, loaded into every context in command-line order. */
    const char **plugins;       /* argc at most */
    eo_plugin_kind *plugin_kinds;
    size_t num_plugins;
    /* Code generation (--emit, --target): after the passes, translate
     * to LLVM and write that instead of the IR. */
    bool emit;
    eo_emit_kind emit_kind;
    const char *target;         /* --target's value, parsed by emit_code */
    /* --emit=c-lib: an AOT model library (codegen/aot.h) in the directory
     * -o names, called lib_name (default: the input file's stem). */
    bool emit_clib;
    const char *lib_name;
    /* --evaluate: after the passes, model the module on --target (a
     * target description) and write the cost report instead of the IR. */
    bool evaluate;
} options;

enum {
    SLOT_OUTPUT, SLOT_SPLIT, SLOT_PIPELINE, SLOT_PRINT_BEFORE,
    SLOT_PRINT_AFTER, SLOT_KNOBS, SLOT_KNOB, SLOT_KNOBS_OUT, SLOT_LIST_KNOBS,
    SLOT_NUM_THREADS, SLOT_DIALECT_PLUGIN, SLOT_PASS_PLUGIN,
    SLOT_ONNX_DYNAMIC_DIM, SLOT_ONNX_BIND, SLOT_EMIT, SLOT_TARGET,
    SLOT_LIB_NAME, SLOT_REPORT_MAPPING
};

/* Boolean flags store into the bool 'field' of 'options'; value flags
 * name a slot (tools/cli.h). Sorted by name for --help. */
#define BOOL_FLAG(n, field, h) EO_CLI_BOOL_FLAG(options, n, field, h)

/* name, kind, field or slot, value name, help */
static const eo_cli_flag flags[] = {
    BOOL_FLAG("allow-unregistered-dialect", allow_unregistered,
              "Accept operations of dialects that are not registered"),
    BOOL_FLAG("dump-pass-pipeline", dump_pipeline,
              "Print the pass pipeline to stderr before running it"),
    { "emit", EO_CLI_VALUE, 0, SLOT_EMIT, "kind",
      "After the passes, translate func/arith/math/cf/scf/memref to LLVM "
      "and write, instead of the IR, LLVM IR (llvm), bitcode (bc), "
      "assembly (asm) or an object file (obj); c-lib: an object file, a C "
      "header and no heap use, in the directory -o names "
      "(docs/deploy.md); ptx: the gpu.launch kernels as PTX "
      "(docs/gpu.md)" },
    BOOL_FLAG("evaluate", evaluate,
              "After the passes, evaluate the module on the target "
              "description --target names with the analytical cost model "
              "and write the cost report (JSON) instead of the IR"),
    BOOL_FLAG("help", help, "Print this list of options and exit"),
    BOOL_FLAG("import-onnx", import_onnx,
              "Read the input as an ONNX model and import it into the "
              "graph dialect"),
    { "knob", EO_CLI_VALUE, 0, SLOT_KNOB, "name=value",
      "Assign a knob (repeatable; the name may be a glob pattern)" },
    { "knobs", EO_CLI_VALUE, 0, SLOT_KNOBS, "file",
      "Read knob assignments (a JSON object or name=value lines)" },
    { "knobs-out", EO_CLI_VALUE, 0, SLOT_KNOBS_OUT, "file",
      "Write the knob assignment used, as JSON, for replay" },
    { "lib-name", EO_CLI_VALUE, 0, SLOT_LIB_NAME, "name",
      "With --emit=c-lib: the C name of the library (<name>.h, <name>.o, "
      "<name>_run; default: the input file's stem)" },
    { "list-knobs", EO_CLI_OPT_VALUE, 0, SLOT_LIST_KNOBS, "file",
      "Write every knob asked (the search space) as JSON to the file, or "
      "to stdout instead of the IR" },
    BOOL_FLAG("list-passes", list_passes,
              "Print the registered passes with their options and exit"),
    { "load-dialect-plugin", EO_CLI_VALUE, 0, SLOT_DIALECT_PLUGIN, "path",
      "Load a dialect plugin (a shared object exporting "
      "eo_dialect_plugin_info; repeatable)" },
    { "load-pass-plugin", EO_CLI_VALUE, 0, SLOT_PASS_PLUGIN, "path",
      "Load a pass plugin (a shared object exporting eo_pass_plugin_info; "
      "repeatable)" },
    BOOL_FLAG("mlir-disable-threading", disable_threading,
              "Run function passes on one thread"),
    { "mlir-num-threads", EO_CLI_VALUE, 0, SLOT_NUM_THREADS, "n",
      "Threads for function passes (0, the default: one per CPU)" },
    BOOL_FLAG("mlir-pretty-debuginfo", print.pretty_debuginfo,
              "Print locations in a readable form"),
    BOOL_FLAG("mlir-print-debuginfo", print.debuginfo,
              "Print the location of every operation"),
    { "mlir-print-ir-after", EO_CLI_VALUE, 0, SLOT_PRINT_AFTER, "pass-arg",
      "Print the IR after each run of the named passes (comma-separated, "
      "repeatable)" },
    BOOL_FLAG("mlir-print-ir-after-all", print_after_all,
              "Print the IR after every pass"),
    BOOL_FLAG("mlir-print-ir-after-change", print_after_change,
              "With --mlir-print-ir-after(-all): only when the pass changed "
              "the IR"),
    { "mlir-print-ir-before", EO_CLI_VALUE, 0, SLOT_PRINT_BEFORE, "pass-arg",
      "Print the IR before each run of the named passes (comma-separated, "
      "repeatable)" },
    BOOL_FLAG("mlir-print-ir-before-all", print_before_all,
              "Print the IR before every pass"),
    BOOL_FLAG("mlir-print-ir-module-scope", print_module_scope,
              "Print the whole module in IR dumps (function passes then run "
              "on one thread)"),
    BOOL_FLAG("mlir-print-local-scope", print.local_scope,
              "Print attributes, types and locations in place, without "
              "aliases"),
    BOOL_FLAG("mlir-print-op-generic", print.generic,
              "Print every operation in the generic form"),
    BOOL_FLAG("mlir-print-skip-regions", print.skip_regions,
              "Print operations without their regions"),
    BOOL_FLAG("mlir-timing", timing,
              "Report the wall time of each pass (to stderr)"),
    BOOL_FLAG("no-implicit-module", no_implicit_module,
              "Do not wrap the top-level operations in a builtin.module"),
    { "o", EO_CLI_VALUE, 0, SLOT_OUTPUT, "filename",
      "Output file ('-', the default, is stdout)" },
    { "onnx-bind-input", EO_CLI_VALUE, 0, SLOT_ONNX_BIND, "name=file",
      "With --import-onnx: import graph input 'name' as a constant of the "
      "value in 'file' (.npy, else an ONNX TensorProto .pb; repeatable)" },
    { "onnx-dynamic-dim", EO_CLI_VALUE, 0, SLOT_ONNX_DYNAMIC_DIM, "n",
      "With --import-onnx: the size of every dynamic input dimension "
      "(0, the default: dynamic dimensions are an error)" },
    BOOL_FLAG("op-stats", op_stats,
              "Print the number of operations of each kind to stderr after "
              "the passes"),
    { "pass-pipeline", EO_CLI_VALUE, 0, SLOT_PIPELINE, "pipeline",
      "A textual pass pipeline: 'builtin.module(func.func(cse))'" },
    BOOL_FLAG("print-generic", print.generic,
              "Same as --mlir-print-op-generic"),
    { "report-mapping", EO_CLI_VALUE, 0, SLOT_REPORT_MAPPING, "npu-target",
      "Map the graph onto the NPU target and report, per layer, the unit "
      "chosen and why the others were excluded (remarks on stderr; "
      "appends npu-map{target=T report=true} to the passes)" },
    BOOL_FLAG("report-memory", report_memory,
              "Plan the arena of each function and report its peak (to "
              "stderr; appends plan-memory{report=true} to the passes)"),
    BOOL_FLAG("show-dialects", show_dialects,
              "Print the registered dialects and exit"),
    { "split-input-file", EO_CLI_OPT_VALUE, 0, SLOT_SPLIT, "marker",
      "Cut the input at each '" DEFAULT_SPLIT_MARKER "' (or the given "
      "marker) and process every chunk on its own" },
    { "target", EO_CLI_VALUE, 0, SLOT_TARGET, "spec",
      "With --emit: 'triple[,cpu=name][,features=+a,+b][,O=n]"
      "[,outline=0|1]': the LLVM target triple ('host', the default), CPU "
      "('native': the host's), features, optimization level (0-3, default "
      "2) and whether loop nests are compiled as functions of their own "
      "(default 1). With "
      "--evaluate: a target description, a .json file or a shipped name "
      "(cortex-m55, ...; searched in $EO_TARGETS_DIR, then the source "
      "tree's and the installed targets)" },
    BOOL_FLAG("verify-diagnostics", verify_diagnostics,
              "Check the diagnostics against the expected-* comments of "
              "the input instead of printing them"),
    BOOL_FLAG("verify-each", verify_each,
              "Verify the IR after each pass (default true)"),
    BOOL_FLAG("version", version, "Print the version and exit"),
};

#define NUM_FLAGS (sizeof(flags) / sizeof(flags[0]))

static void
print_help(FILE *f, const char *dialects)
{
    fprintf(f, "OVERVIEW: " TOOL ": parse, verify and print MLIR\n"
               "Available Dialects: %s\n"
               "USAGE: " TOOL " [options] <input file>\n\nOPTIONS:\n",
            dialects);
    eo_cli_print_flags(f, flags, NUM_FLAGS);
    fprintf(f, "\nCompiler passes to run (each a flag: --<pass> or "
               "--<pass>=\"<options>\"):\n");
}

/* Levenshtein distance, for "Did you mean" (flag names are short). */
static size_t
edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t row[128];
    if (nb >= sizeof(row) / sizeof(row[0]) || na > 1000)
        return SIZE_MAX;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

/* The nearest pass name, for "Did you mean". */
typedef struct near_pass {
    const char *name;
    size_t len, best_d;
    const char *best;
} near_pass;

static void
near_pass_visit(const eo_pass_def *d, void *ud)
{
    near_pass *np = ud;
    size_t dist = edit_distance(np->name, np->len, d->name, strlen(d->name));
    if (dist < np->best_d) {
        np->best_d = dist;
        np->best = d->name;
    }
}

static void
unknown_flag(const char *arg, const char *name, size_t len, eo_ctx *pctx)
{
    fprintf(stderr, TOOL ": Unknown command line argument '%s'.  Try: '"
            TOOL " --help'\n", arg);
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < NUM_FLAGS; i++) {
        size_t d = edit_distance(name, len, flags[i].name,
                                 strlen(flags[i].name));
        if (d < best_d) {
            best_d = d;
            best = flags[i].name;
        }
    }
    near_pass np = { name, len, best_d, best };
    eo_pass_foreach(pctx, near_pass_visit, &np);
    size_t limit = len / 3 > 2 ? len / 3 : 2;
    if (np.best && np.best_d <= limit)
        fprintf(stderr, TOOL ": Did you mean '%s%s'?\n",
                strlen(np.best) == 1 ? "-" : "--", np.best);
}

/* Appends "," and 'v' to a comma-joined list. */
static void
list_add(eo_strbuf *b, const char *v)
{
    if (b->len)
        eo_strbuf_puts(b, ",");
    eo_strbuf_puts(b, v);
}

/* Collects --load-dialect-plugin / --load-pass-plugin before the other
 * flags are parsed, as mlir-opt does: a plugin's passes are flags too.
 * Malformed uses are left for parse_args to report. */
static void
scan_plugins(int argc, char **argv, options *o)
{
    static const struct { const char *flag; eo_plugin_kind kind; } kinds[] = {
        { "load-dialect-plugin", EO_PLUGIN_DIALECT },
        { "load-pass-plugin", EO_PLUGIN_PASS },
    };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            break;
        if (a[0] != '-')
            continue;
        const char *name = a + 1 + (a[1] == '-');
        for (size_t k = 0; k < 2; k++) {
            size_t len = strlen(kinds[k].flag);
            if (strncmp(name, kinds[k].flag, len) != 0)
                continue;
            const char *value = NULL;
            if (name[len] == '=')
                value = name + len + 1;
            else if (name[len] == '\0' && i + 1 < argc)
                value = argv[i + 1];
            if (value) {
                o->plugins[o->num_plugins] = value;
                o->plugin_kinds[o->num_plugins++] = kinds[k].kind;
            }
        }
    }
}

/* Parses argv into 'o'; a flag naming a pass of 'pctx' adds that pass.
 * Reports every problem; false if there was one. */
static bool
parse_args(int argc, char **argv, options *o, eo_ctx *pctx)
{
    bool ok = true, only_positional = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_positional || a[0] != '-' || a[1] == '\0') {
            if (o->input) {
                fprintf(stderr, TOOL ": Too many positional arguments "
                        "specified!\nCan specify at most 1 positional "
                        "arguments: See: " TOOL " --help\n");
                ok = false;
                continue;
            }
            o->input = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_positional = true;
            continue;
        }
        const char *name = a + 1 + (a[1] == '-');
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const eo_cli_flag *fl = eo_cli_find(flags, NUM_FLAGS, name, len);
        if (!fl) {
            char pname[128];
            if (len < sizeof(pname)) {
                memcpy(pname, name, len);
                pname[len] = '\0';
            }
            if (len < sizeof(pname) && eo_pass_lookup(pctx, pname)) {
                o->passes[o->num_passes++] = (pass_flag){
                    name, len, eq ? eq + 1 : NULL };
                continue;
            }
            unknown_flag(a, name, len, pctx);
            ok = false;
            continue;
        }
        const char *dash = len == 1 ? "-" : "--";
        const char *value = eq ? eq + 1 : NULL;
        switch (fl->kind) {
        case EO_CLI_BOOL: {
            bool b = true;
            if (value && !eo_cli_parse_bool(value, &b)) {
                fprintf(stderr, TOOL ": for the %s%s option: '%s' is "
                        "invalid value for boolean argument! Try 0 or 1\n",
                        dash, fl->name, value);
                ok = false;
            }
            *(bool *)((char *)o + fl->offset) = b;
            break;
        }
        case EO_CLI_VALUE:
            if (!value) {
                if (i + 1 >= argc) {
                    fprintf(stderr, TOOL ": for the %s%s option: requires "
                            "a value!\n", dash, fl->name);
                    ok = false;
                    break;
                }
                value = argv[++i];
            }
            switch (fl->slot) {
            case SLOT_OUTPUT:
                o->output = value;
                break;
            case SLOT_EMIT: {
                static const char *const kinds[] = { "llvm", "bc", "asm",
                                                     "obj" };
                size_t k = 0;
                while (k < 4 && strcmp(value, kinds[k]) != 0)
                    k++;
                o->emit_clib = strcmp(value, "c-lib") == 0;
                /* ptx: the gpu.launch kernels as assembly for NVPTX
                 * (codegen/translate_gpu.c); --target may name another
                 * nvptx triple or cpu. */
                if (k == 4 && strcmp(value, "ptx") == 0) {
                    k = EO_EMIT_ASM;
                    if (!o->target)
                        o->target = "nvptx64-nvidia-cuda,cpu=sm_80";
                }
                if (k == 4 && !o->emit_clib) {
                    fprintf(stderr, TOOL ": for the %s%s option: '%s' is "
                            "not one of llvm, bc, asm, obj, c-lib, ptx\n", dash,
                            fl->name, value);
                    ok = false;
                }
                o->emit = true;
                o->emit_kind = o->emit_clib ? EO_EMIT_OBJ : (eo_emit_kind)k;
                break;
            }
            case SLOT_TARGET:
                o->target = value;
                break;
            case SLOT_LIB_NAME:
                o->lib_name = value;
                break;
            case SLOT_PIPELINE:
                o->pipeline = value;
                break;
            case SLOT_PRINT_BEFORE:
                list_add(&o->print_before, value);
                break;
            case SLOT_PRINT_AFTER:
                list_add(&o->print_after, value);
                break;
            case SLOT_KNOBS:
                o->knobs_file = value;
                break;
            case SLOT_KNOB:
                o->knob_assigns[o->num_knob_assigns++] = value;
                break;
            case SLOT_DIALECT_PLUGIN:
            case SLOT_PASS_PLUGIN:
                break;              /* loaded already: scan_plugins */
            case SLOT_KNOBS_OUT:
                o->knobs_out = value;
                break;
            case SLOT_REPORT_MAPPING:
                o->report_mapping = value;
                break;
            case SLOT_ONNX_BIND:
                o->onnx_binds[o->num_onnx_binds++] = value;
                break;
            case SLOT_ONNX_DYNAMIC_DIM: {
                char *end;
                errno = 0;
                long long n = strtoll(value, &end, 10);
                if (errno || *end || !*value || n < 0) {
                    fprintf(stderr, TOOL ": for the %s%s option: '%s' "
                            "value invalid for int argument!\n", dash,
                            fl->name, value);
                    ok = false;
                }
                o->onnx_dynamic_dim = n;
                break;
            }
            case SLOT_NUM_THREADS: {
                char *end;
                errno = 0;
                unsigned long n = strtoul(value, &end, 10);
                if (errno || *end || !*value || value[0] == '-' ||
                    n > 1024) {
                    fprintf(stderr, TOOL ": for the %s%s option: '%s' "
                            "value invalid for uint argument!\n", dash,
                            fl->name, value);
                    ok = false;
                }
                o->num_threads = (unsigned)n;
                break;
            }
            default:
                break;
            }
            break;
        case EO_CLI_OPT_VALUE:
            if (fl->slot == SLOT_SPLIT)
                o->split_marker = value && *value ? value
                                                  : DEFAULT_SPLIT_MARKER;
            if (fl->slot == SLOT_LIST_KNOBS) {
                o->list_knobs = true;
                o->list_knobs_file = value && *value ? value : NULL;
            }
            break;
        }
    }
    if (o->pipeline && o->num_passes) {
        fprintf(stderr, TOOL ": error: '--pass-pipeline' option can't be "
                "used with individual pass options\n");
        ok = false;
    }
    if (o->evaluate && o->emit) {
        fprintf(stderr, TOOL ": error: '--evaluate' can't be used with "
                "'--emit'\n");
        ok = false;
    }
    if (o->evaluate && !o->target) {
        fprintf(stderr, TOOL ": error: '--evaluate' needs '--target'\n");
        ok = false;
    }
    if (o->emit_clib && (!o->output || strcmp(o->output, "-") == 0)) {
        fprintf(stderr, TOOL ": error: '--emit=c-lib' needs '-o <directory>'"
                "\n");
        ok = false;
    }
    /* An ONNX model without passes goes down the default pipeline. */
    if (o->emit_clib && o->import_onnx && !o->pipeline && !o->num_passes)
        o->pipeline = EO_AOT_DEFAULT_PIPELINE;
    return ok;
}

/* The first occurrence of needle[0, nlen) in hay[0, hlen), or NULL
 * (memmem is a GNU extension). */
static const char *
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (nlen == 0)
        return hay;
    const char *end = hay + hlen;
    while ((size_t)(end - hay) >= nlen) {
        const char *p = memchr(hay, needle[0], (size_t)(end - hay) - nlen + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, nlen) == 0)
            return p;
        hay = p + 1;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Input                                                               */
/* ------------------------------------------------------------------ */

typedef struct input {
    const char *name;           /* for locations: the path or "<stdin>" */
    char *data;
    size_t len;
    size_t map_len;             /* nonzero if mmap'ed */
} input;

static bool
read_fd(int fd, input *in)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return false;
    for (;;) {
        if (len + 1 >= cap) {   /* room for the NUL after the data */
            if (cap > SIZE_MAX / 2) {
                free(buf);
                errno = ENOMEM;
                return false;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                errno = ENOMEM;
                return false;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            errno = e;
            return false;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    buf[len] = '\0';
    in->data = buf;
    in->len = len;
    return true;
}

/* Reads the whole input: mmap for regular files, read() otherwise. The
 * data is always followed by a NUL byte (mmap zero-fills the rest of the
 * last page; a size that fills it exactly is read instead), so code that
 * scans a token with the C library cannot run off the end. Reports the
 * error and returns false on failure. */
static bool
open_input(const char *path, input *in)
{
    bool is_stdin = !path || strcmp(path, "-") == 0;
    in->name = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        goto fail;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        goto fail;
    }
    long page = sysconf(_SC_PAGESIZE);
    if (S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size < SIZE_MAX && page > 0 &&
        st.st_size % page != 0 && lseek(fd, 0, SEEK_CUR) == 0) {
        size_t size = (size_t)st.st_size;
        void *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            in->data = p;
            in->len = size;
            in->map_len = size;
            if (!is_stdin)
                close(fd);
            return true;
        }
    }
    if (!read_fd(fd, in))
        goto fail;
    if (!is_stdin)
        close(fd);
    return true;
fail:;
    int e = errno;
    if (fd >= 0 && !is_stdin)
        close(fd);
    fprintf(stderr, TOOL ": error: cannot open input file '%s': %s\n",
            is_stdin ? "-" : path, strerror(e));
    return false;
}

/* eo_parse_config.progress for a mapped input: the pages the parser has
 * passed go back to the kernel, so the text does not add to the peak
 * memory on top of the IR built from it. They are clean file pages: a
 * diagnostic that quotes a line reads them back from the file. */
typedef struct released {
    const char *base;           /* the mapping (page-aligned) */
    size_t done;                /* bytes from base already dropped */
} released;

static void
release_input(void *ud, const char *upto)
{
    released *r = ud;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0 || upto < r->base)
        return;
    size_t off = (size_t)(upto - r->base);
    off -= off % (size_t)page;
    /* Keep the page in use (the parser looks back a little). */
    off = off > (size_t)page ? off - (size_t)page : 0;
    if (off <= r->done)
        return;
    madvise((void *)(r->base + r->done), off - r->done, MADV_DONTNEED);
    r->done = off;
}

static void
close_input(input *in)
{
    if (in->map_len)
        munmap(in->data, in->map_len);
    else
        free(in->data);
}

/* ------------------------------------------------------------------ */
/* Splitting (--split-input-file)                                      */
/* ------------------------------------------------------------------ */

typedef struct chunk {
    const char *text;
    size_t len;
    unsigned line_offset;       /* lines of the file before the chunk */
} chunk;

typedef struct chunk_list {
    chunk *v;
    size_t n, cap;
} chunk_list;

static bool
chunk_push(chunk_list *l, const char *text, size_t len, unsigned off)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 16;
        chunk *nv = realloc(l->v, ncap * sizeof(*nv));
        if (!nv)
            return false;
        l->v = nv;
        l->cap = ncap;
    }
    l->v[l->n++] = (chunk){ text, len, off };
    return true;
}

static unsigned
count_lines(const char *p, const char *end)
{
    unsigned n = 0;
    while (p < end && (p = memchr(p, '\n', (size_t)(end - p)))) {
        n++;
        p++;
    }
    return n;
}

/* Prints "name:line:col: warning: msg", the line and a caret. */
static void
warn_at(const input *in, const char *pos, const char *msg)
{
    const char *ls = pos;
    while (ls > in->data && ls[-1] != '\n')
        ls--;
    const char *end = in->data + in->len;
    const char *le = memchr(pos, '\n', (size_t)(end - pos));
    if (!le)
        le = end;
    unsigned line = 1 + count_lines(in->data, ls);
    fprintf(stderr, "%s:%u:%zu: warning: %s\n%.*s\n%*s^\n", in->name, line,
            (size_t)(pos - ls) + 1, msg, (int)(le - ls), ls,
            (int)(pos - ls), "");
}

/* Cuts the input at each marker as mlir-opt does: a marker is found as a
 * plain substring, and one not followed by at least one more character
 * (or whose last two characters differ) is a "near miss": a warning, no
 * cut. A chunk starts just after its marker; when only blanks follow the
 * marker on its line, the chunk starts at the next line instead, so its
 * lines and columns match the file's exactly. */
static bool
split_input(const input *in, const char *marker, chunk_list *out)
{
    const char *p = in->data, *end = in->data + in->len;
    size_t mlen = strlen(marker);
    size_t check = mlen > 2 ? 2 : 0;    /* mlir-opt's near-miss window */
    size_t plen = mlen - check;
    const char *start = p;
    unsigned start_off = 0, line = 0;   /* lines before 'start', 'scan' */
    const char *scan = p;
    while (p < end) {
        const char *hit = find(p, (size_t)(end - p), marker, plen);
        if (!hit)
            break;
        const char *after = hit + plen;
        if (check && ((size_t)(end - after) <= check ||
                      memcmp(after, marker + plen, check) != 0)) {
            warn_at(in, after, "near miss with file split marker");
            p = after;
            continue;
        }
        line += count_lines(scan, hit);
        scan = hit;
        if (!chunk_push(out, start, (size_t)(hit - start), start_off))
            return false;
        const char *next = after + check;
        const char *q = next;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < end && *q == '\n') {
            start = q + 1;
            start_off = line + 1;
        } else {
            start = next;
            start_off = line;
        }
        p = next;
    }
    return chunk_push(out, start, (size_t)(end - start), start_off);
}

/* ------------------------------------------------------------------ */
/* --verify-diagnostics                                                */
/* ------------------------------------------------------------------ */

/* One "expected-<kind>[-re] [@where] {{text}}" comment. */
typedef struct expect {
    eo_severity sev;
    unsigned line;              /* line it applies to */
    unsigned at_line, at_col;   /* where the comment is */
    bool unknown_loc;           /* @unknown */
    bool matched;
    bool is_regex;
    regex_t re;
    const char *text;
    size_t len;
} expect;

typedef struct verifier {
    eo_ctx *ctx;
    const eo_ident *file;
    expect *v;
    size_t n, cap;
    bool failed;
    bool oom;
} verifier;

static const char *
sev_name(eo_severity s)
{
    switch (s) {
    case EO_SEV_ERROR: return "error";
    case EO_SEV_WARNING: return "warning";
    case EO_SEV_NOTE: return "note";
    case EO_SEV_REMARK: return "remark";
    }
    return "error";
}

/* Prints an error through the context's formatter (file:line:col, the
 * source line and a caret) without going through the handler. */
static void
report(verifier *vf, const eo_loc *loc, const char *fmt, ...)
    EO_PRINTF(3, 4);

static void
report(verifier *vf, const eo_loc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    char *msg = small;
    if (n >= (int)sizeof(small)) {
        msg = malloc((size_t)n + 1);
        if (msg) {
            va_start(ap, fmt);
            vsnprintf(msg, (size_t)n + 1, fmt, ap);
            va_end(ap);
        } else {
            msg = small;
        }
    }
    eo_diag d = { .severity = EO_SEV_ERROR, .loc = loc, .message = msg };
    eo_strbuf b = { 0 };
    eo_diag_format(vf->ctx, &d, &b);
    if (b.data && !b.oom)
        fwrite(b.data, 1, b.len, stderr);
    else
        fprintf(stderr, "error: %s\n", msg);
    eo_strbuf_free(&b);
    if (msg != small)
        free(msg);
    vf->failed = true;
}

static const eo_loc *
expect_loc(verifier *vf, const expect *e)
{
    return eo_loc_file(vf->ctx, vf->file, e->at_line, e->at_col);
}

/* Turns "lit {{re}} lit" into an extended regex: literal parts escaped,
 * {{...}} parts kept (grouped). Reports and returns false if invalid. */
static bool
compile_regex(verifier *vf, expect *e)
{
    size_t cap = 2 * e->len + 3;
    char *pat = malloc(cap), *w = pat;
    if (!pat) {
        vf->oom = true;
        return false;
    }
    const char *p = e->text, *end = e->text + e->len;
    while (p < end) {
        const char *open = find(p, (size_t)(end - p), "{{", 2);
        const char *lit_end = open ? open : end;
        for (; p < lit_end; p++) {
            if (strchr(".[]{}()\\*+?^$|", *p))
                *w++ = '\\';
            *w++ = *p;
        }
        if (!open)
            break;
        const char *close = find(open + 2, (size_t)(end - open - 2),
                                   "}}", 2);
        if (!close) {
            free(pat);
            report(vf, expect_loc(vf, e),
                   "found start of regex with no end '}}'");
            return false;
        }
        *w++ = '(';
        memcpy(w, open + 2, (size_t)(close - open - 2));
        w += close - open - 2;
        *w++ = ')';
        p = close + 2;
    }
    *w = '\0';
    int rc = regcomp(&e->re, pat, REG_EXTENDED | REG_NOSUB);
    free(pat);
    if (rc != 0) {
        char err[256];
        regerror(rc, &e->re, err, sizeof(err));
        report(vf, expect_loc(vf, e), "invalid regex: %s", err);
        return false;
    }
    e->is_regex = true;
    return true;
}

static bool
word_at(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(end - p) >= n && memcmp(p, w, n) == 0;
}

/* Matches "expected-<kind>[-re] *[@where] *{{text}}" at 'p', where the
 * line (without trailing blanks) must end at 'end' with "}}". */
static bool
match_directive(const char *p, const char *end, expect *e, bool *re,
                const char **where, size_t *where_len)
{
    static const struct { const char *w; eo_severity s; } kinds[] = {
        { "error", EO_SEV_ERROR }, { "note", EO_SEV_NOTE },
        { "remark", EO_SEV_REMARK }, { "warning", EO_SEV_WARNING },
    };
    p += strlen("expected-");
    size_t k = 0;
    while (k < 4 && !word_at(p, end, kinds[k].w))
        k++;
    if (k == 4)
        return false;
    e->sev = kinds[k].s;
    p += strlen(kinds[k].w);
    *re = word_at(p, end, "-re");
    if (*re)
        p += 3;
    while (p < end && *p == ' ')
        p++;
    *where = NULL;
    *where_len = 0;
    if (p < end && *p == '@') {
        const char *w = ++p;
        if (p < end && (*p == '+' || *p == '-')) {
            p++;
            const char *digits = p;
            while (p < end && *p >= '0' && *p <= '9')
                p++;
            if (p == digits)
                return false;
        } else if (word_at(p, end, "above") || word_at(p, end, "below")) {
            p += 5;
        } else if (word_at(p, end, "unknown")) {
            p += 7;
        } else {
            return false;
        }
        *where = w;
        *where_len = (size_t)(p - w);
        while (p < end && *p == ' ')
            p++;
    }
    if (!word_at(p, end, "{{") || end - p < 4 || end[-1] != '}' ||
        end[-2] != '}')
        return false;
    e->text = p + 2;
    e->len = (size_t)(end - 2 - e->text);
    return true;
}

static bool
add_expect(verifier *vf, const expect *e)
{
    if (vf->n == vf->cap) {
        size_t ncap = vf->cap ? vf->cap * 2 : 16;
        expect *nv = realloc(vf->v, ncap * sizeof(*nv));
        if (!nv) {
            vf->oom = true;
            return false;
        }
        vf->v = nv;
        vf->cap = ncap;
    }
    vf->v[vf->n++] = *e;
    return true;
}

/* Collects the expected-* comments of a chunk. Line numbers are the
 * file's (the chunk's first line is line_offset + 1). */
static void
collect_expectations(verifier *vf, const chunk *c)
{
    const char *p = c->text, *end = c->text + c->len;
    unsigned line = c->line_offset;
    unsigned last_plain = c->line_offset + 1;   /* for @above */
    size_t *pending = NULL, npending = 0, cap_pending = 0; /* @below */
    while (p <= end && !vf->oom) {
        const char *le = memchr(p, '\n', (size_t)(end - p));
        if (!le)
            le = end;
        line++;
        const char *te = le;
        while (te > p && (te[-1] == ' ' || te[-1] == '\t' ||
                          te[-1] == '\r' || te[-1] == '\v' ||
                          te[-1] == '\f'))
            te--;
        expect e = { 0 };
        bool found = false, re = false;
        const char *where = NULL;
        size_t where_len = 0;
        for (const char *s = p; s < te; s++) {
            s = find(s, (size_t)(te - s), "expected-", 9);
            if (!s)
                break;
            if (match_directive(s, te, &e, &re, &where, &where_len)) {
                e.at_col = (unsigned)(s - p) + 1;
                found = true;
                break;
            }
        }
        if (!found) {
            for (size_t i = 0; i < npending; i++)
                vf->v[pending[i]].line = line;
            npending = 0;
            last_plain = line;
        } else {
            e.at_line = line;
            e.line = line;
            bool keep = !re || compile_regex(vf, &e);
            if (where && where[0] == '+') {
                e.line = line + (unsigned)strtoul(where + 1, NULL, 10);
            } else if (where && where[0] == '-') {
                e.line = line - (unsigned)strtoul(where + 1, NULL, 10);
            } else if (where && where[0] == 'a') {
                e.line = last_plain;
            } else if (where && where[0] == 'u') {
                e.unknown_loc = true;
            } else if (where && where[0] == 'b') {
                e.line = 0;     /* dangling until a plain line follows */
                if (keep && npending == cap_pending) {
                    size_t ncap = cap_pending ? cap_pending * 2 : 8;
                    size_t *np = realloc(pending, ncap * sizeof(*np));
                    if (!np) {
                        vf->oom = true;
                        if (e.is_regex)
                            regfree(&e.re);
                        break;
                    }
                    pending = np;
                    cap_pending = ncap;
                }
                if (keep)
                    pending[npending++] = vf->n;
            }
            if (keep && !add_expect(vf, &e) && e.is_regex)
                regfree(&e.re);
        }
        if (le == end)
            break;
        p = le + 1;
    }
    free(pending);
}

static bool
expect_matches(const expect *e, const char *msg)
{
    if (e->is_regex)
        return regexec(&e->re, msg, 0, NULL, 0) == 0;
    return e->len == 0 || find(msg, strlen(msg), e->text, e->len);
}

static void
verify_one(verifier *vf, eo_severity sev, const eo_loc *loc, const char *msg)
{
    const eo_loc *f = loc ? eo_loc_find_file(loc) : NULL;
    unsigned line = f ? eo_loc_line(f) : 0;
    expect *near = NULL;
    for (size_t i = 0; i < vf->n; i++) {
        expect *e = &vf->v[i];
        if (e->unknown_loc != !f || (f && e->line != line) ||
            !expect_matches(e, msg))
            continue;
        if (e->sev == sev) {
            e->matched = true;
            return;
        }
        near = e;
    }
    if (near)
        report(vf, expect_loc(vf, near), "'%s' diagnostic emitted when "
               "expecting a '%s'", sev_name(sev), sev_name(near->sev));
    else
        report(vf, loc, "unexpected %s: %s", sev_name(sev), msg);
}

static void
verify_handler(const eo_diag *d, void *ud)
{
    verifier *vf = ud;
    verify_one(vf, d->severity, d->loc, d->message);
    for (size_t i = 0; i < d->num_notes; i++) {
        const eo_diag *n = &d->notes[i];
        verify_one(vf, EO_SEV_NOTE, n->loc ? n->loc : d->loc, n->message);
    }
}

/* Reports expectations nothing matched; true if all is well. */
static bool
verify_finish(verifier *vf)
{
    for (size_t i = 0; i < vf->n; i++) {
        expect *e = &vf->v[i];
        if (!e->matched)
            report(vf, expect_loc(vf, e), "expected %s \"%.*s\" was not "
                   "produced", sev_name(e->sev), (int)e->len, e->text);
    }
    if (vf->oom)
        fprintf(stderr, TOOL ": error: out of memory\n");
    return !vf->failed && !vf->oom;
}

static void
verifier_free(verifier *vf)
{
    for (size_t i = 0; i < vf->n; i++) {
        if (vf->v[i].is_regex)
            regfree(&vf->v[i].re);
    }
    free(vf->v);
}

/* ------------------------------------------------------------------ */
/* Processing                                                          */
/* ------------------------------------------------------------------ */

/* errno of the first failed write to the output, 0 if none. */
static int write_errno;

/* Set when a plugin failed to load (reported already; not a memory
 * problem). */
static bool plugin_failed;

/* Diagnostics of plugin loading (no location): "edge-opt: error: ...". */
static void
plugin_diag(const eo_diag *d, void *ud)
{
    eo_cli_print_diag(TOOL, ud, d);
}

static eo_ctx *
make_ctx(const options *o)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx)
        return NULL;
    if (eo_register_all_dialects(ctx) != EO_OK ||
        eo_passes_register(ctx) != EO_OK ||
        eo_graph_register_passes(ctx) != EO_OK ||
        eo_tl_register_passes(ctx) != EO_OK ||
        eo_npu_register_passes(ctx) != EO_OK ||
        eo_place_register_passes(ctx) != EO_OK) {
        eo_ctx_destroy(ctx);
        return NULL;
    }
    eo_ctx_set_diag_handler(ctx, plugin_diag, ctx);
    for (size_t i = 0; i < o->num_plugins; i++) {
        eo_status st = eo_plugin_load(ctx, o->plugins[i], o->plugin_kinds[i]);
        if (st != EO_OK) {
            plugin_failed = st != EO_NOMEM;
            eo_ctx_destroy(ctx);
            return NULL;
        }
    }
    eo_ctx_set_diag_handler(ctx, NULL, NULL);
    eo_ctx_set_allow_unregistered(ctx, o->allow_unregistered);
    return ctx;
}

static double
seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool
has_passes(const options *o)
{
    return o->pipeline || o->num_passes || o->report_memory ||
           o->report_mapping;
}

static bool
uses_knobs(const options *o)
{
    return o->knobs_file || o->num_knob_assigns || o->knobs_out ||
           o->list_knobs;
}

/* The pass manager of the flags in 'ctx', or NULL after diagnostics. */
static eo_pass_manager *
build_pm(const options *o, eo_ctx *ctx)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = !o->disable_threading;
    cfg.num_threads = o->num_threads;
    cfg.verify_each = o->verify_each;
    cfg.print_before = o->print_before.len ? o->print_before.data : NULL;
    cfg.print_after = o->print_after.len ? o->print_after.data : NULL;
    cfg.print_after_all = o->print_after_all;
    cfg.print_before_all = o->print_before_all;
    cfg.print_after_change = o->print_after_change;
    cfg.print_module_scope = o->print_module_scope;
    cfg.timing = o->timing;
    cfg.print_flags = &o->print;
    cfg.dump = stderr;
    eo_pass_manager *pm = eo_pm_create(ctx, "builtin.module", &cfg);
    if (!pm) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return NULL;
    }
    eo_status st = EO_OK;
    if (o->pipeline)
        st = eo_pm_add_pipeline(pm, o->pipeline);
    for (size_t i = 0; i < o->num_passes && st == EO_OK; i++) {
        const pass_flag *pf = &o->passes[i];
        char name[128];
        snprintf(name, sizeof(name), "%.*s", (int)pf->len, pf->name);
        st = eo_pm_add_pass(pm, name, pf->options);
    }
    if (o->report_mapping && st == EO_OK) {
        char opts[1024];
        snprintf(opts, sizeof opts, "target=%s report=true",
                 o->report_mapping);
        st = eo_pm_add_pass(pm, "npu-map", opts);
    }
    if (o->report_memory && st == EO_OK)
        st = eo_pm_add_pass(pm, "plan-memory", "report=true");
    if (st != EO_OK) {
        if (st == EO_NOMEM)
            fprintf(stderr, TOOL ": error: out of memory\n");
        eo_pm_destroy(pm);
        return NULL;
    }
    return pm;
}

/* What the knob flags write, gathered over the chunks. */
typedef struct knob_outputs {
    eo_strbuf space, assignment;
    size_t chunks;
} knob_outputs;

static knob_outputs knob_out;

/* Sets up the knob store of a chunk from --knobs / --knob. */
static eo_knob_store *
make_knob_store(const options *o, eo_ctx *ctx, bool *ok)
{
    eo_knob_store *ks = eo_knob_store_create(ctx);
    if (!ks) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        *ok = false;
        return NULL;
    }
    if (o->knobs_file && eo_knob_store_load(ks, o->knobs_file) != EO_OK)
        *ok = false;
    for (size_t i = 0; i < o->num_knob_assigns && *ok; i++)
        if (eo_knob_store_assign(ks, o->knob_assigns[i]) != EO_OK)
            *ok = false;
    return ks;
}

static void
record_knobs(const options *o, eo_knob_store *ks)
{
    if (knob_out.chunks++) {
        eo_strbuf_puts(&knob_out.space, OUTPUT_SPLIT_MARKER);
        eo_strbuf_puts(&knob_out.assignment, OUTPUT_SPLIT_MARKER);
    }
    if (o->list_knobs) {
        eo_knob_store_space_json(ks, &knob_out.space);
        if (!knob_out.space.len ||
            knob_out.space.data[knob_out.space.len - 1] != '\n')
            eo_strbuf_puts(&knob_out.space, "\n");
    }
    if (o->knobs_out) {
        eo_knob_store_assignment_json(ks, &knob_out.assignment);
        if (!knob_out.assignment.len ||
            knob_out.assignment.data[knob_out.assignment.len - 1] != '\n')
            eo_strbuf_puts(&knob_out.assignment, "\n");
    }
}

/* Writes 'b' to 'path' ("-" or NULL: stdout); false after a message. */
static bool
write_text_file(const char *path, const eo_strbuf *b)
{
    if (b->oom) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    bool to_stdout = !path || strcmp(path, "-") == 0;
    FILE *f = to_stdout ? stdout : fopen(path, "w");
    if (!f) {
        fprintf(stderr, TOOL ": error: cannot open '%s': %s\n", path,
                strerror(errno));
        return false;
    }
    bool ok = (b->len == 0 || fwrite(b->data, 1, b->len, f) == b->len);
    ok = (to_stdout ? fflush(f) == 0 : fclose(f) == 0) && ok;
    if (!ok)
        fprintf(stderr, TOOL ": error: cannot write '%s'\n",
                to_stdout ? "-" : path);
    return ok;
}

static int
cmp_op_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static eo_walk_result
collect_op_name(eo_op *op, void *ud)
{
    eo_strbuf *names = ud;
    const char *n = eo_op_name_str(op);
    eo_strbuf_append(names, (const char *)&n, sizeof(n));
    return EO_WALK_ADVANCE;
}

/* --op-stats: mlir-opt's --print-op-stats summary ("Operations
 * encountered:", then each op name, sorted, with its count; dialect
 * names right-aligned on the '.', op names left-aligned). */
static void
print_op_stats(eo_op *root, FILE *f)
{
    eo_strbuf b = { 0 };
    eo_op_walk(root, EO_WALK_PRE, collect_op_name, &b);
    if (b.oom) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        eo_strbuf_free(&b);
        return;
    }
    const char **v = (const char **)(void *)b.data;
    size_t n = b.len / sizeof(*v), dmax = 0, omax = 0;
    qsort(v, n, sizeof(*v), cmp_op_name);
    for (size_t i = 0; i < n; i++) {
        const char *dot = strchr(v[i], '.');
        size_t dl = dot ? (size_t)(dot - v[i]) : 0;
        size_t ol = strlen(v[i]) - (dot ? dl + 1 : 0);
        dmax = dl > dmax ? dl : dmax;
        omax = ol > omax ? ol : omax;
    }
    fprintf(f, "Operations encountered:\n-----------------------\n");
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && strcmp(v[j], v[i]) == 0; j++)
            ;
        const char *dot = strchr(v[i], '.');
        int dl = dot ? (int)(dot - v[i]) : 0;
        if (dot)
            fprintf(f, "%*s%.*s.", (int)dmax + 2 - dl, "", dl, v[i]);
        else
            fprintf(f, "%*s", (int)dmax + 3, "");
        fprintf(f, "%-*s , %zu\n", (int)omax, dot ? dot + 1 : v[i], j - i);
    }
    eo_strbuf_free(&b);
}

/* Parses, verifies, runs the passes on and prints one chunk to 'out'.
 * True on success (with --verify-diagnostics: when the diagnostics
 * matched the comments). */
/* The code generator, loaded on the first --emit: edge-opt-codegen.so in
 * the library directory beside this executable's bin/ (EO_BIN_TO_LIB, set
 * by the build), or $EO_CODEGEN_PLUGIN, so that runs without --emit never
 * map LLVM. NULL after a diagnostic. */
static void *codegen_handle;     /* the loaded edge-opt-codegen.so */

static eo_codegen_emit_op_fn
load_codegen(eo_ctx *ctx)
{
    static eo_codegen_emit_op_fn fn;
    if (fn)
        return fn;
#ifdef EO_CODEGEN_LINKED
    (void)ctx;
    fn = eo_codegen_emit_op;        /* sanitized builds: linked in */
    return fn;
#endif
    char path[4096];
    const char *env = getenv("EO_CODEGEN_PLUGIN");
    if (env && *env) {
        snprintf(path, sizeof path, "%s", env);
    } else {
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
        if (n <= 0) {
            eo_emit_error(ctx, NULL, "--emit: cannot find the edge-opt "
                          "executable to locate the code generator");
            return NULL;
        }
        path[n] = '\0';
        char *slash = strrchr(path, '/');
        if (slash)
            *slash = '\0';
        size_t len = strlen(path);
        snprintf(path + len, sizeof path - len,
                 "/" EO_BIN_TO_LIB "/edge-opt-codegen.so");
    }
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        eo_emit_error(ctx, NULL, "--emit: cannot load the code generator "
                      "'%s': %s", path, why ? why : "unknown error");
        return NULL;
    }
    void *sym = dlsym(h, EO_CODEGEN_PLUGIN_ENTRY);
    if (!sym) {
        dlclose(h);
        eo_emit_error(ctx, NULL, "--emit: '%s' does not export %s", path,
                      EO_CODEGEN_PLUGIN_ENTRY);
        return NULL;
    }
    *(void **)&fn = sym;        /* POSIX: function pointers through dlsym */
    codegen_handle = h;
    return fn;
}

/* --evaluate: loads the target description --target names
 * (eo_target_load_named), evaluates 'module' with the cost model and
 * writes the report as JSON to 'out'. */
static bool
evaluate_module(const options *o, eo_op *module, FILE *out)
{
    eo_ctx *ctx = eo_op_ctx(module);
    eo_target *t = eo_target_load_named(ctx, o->target);
    if (!t)
        return false;
    eo_cost_report r;
    bool ok = eo_target_model_evaluate(ctx, t, module, &r) == EO_OK;
    if (ok) {
        eo_strbuf b = { 0 };
        eo_cost_report_json(t, &r, &b);
        if (b.oom) {
            fprintf(stderr, TOOL ": error: out of memory\n");
            ok = false;
        } else if (fwrite(b.data, 1, b.len, out) != b.len) {
            if (!write_errno)
                write_errno = errno ? errno : EIO;
            ok = false;
        }
        eo_strbuf_free(&b);
    }
    eo_cost_report_free(&r);
    eo_target_destroy(t);
    return ok;
}

/* --emit=c-lib: writes the model library into the directory -o names
 * (created if missing), through eo_aot_emit_c_lib found beside the
 * loaded eo_codegen_emit_op 'emit'. The name is --lib-name or the input
 * file's stem made a C identifier. */
static bool
emit_clib(const options *o, eo_op *module, const eo_codegen_options *co,
          eo_codegen_emit_op_fn emit)
{
    eo_ctx *ctx = eo_op_ctx(module);
    eo_aot_emit_c_lib_fn fn = NULL;
#ifdef EO_CODEGEN_LINKED
    (void)emit;
    fn = eo_aot_emit_c_lib;
#else
    (void)emit;
    void *sym = codegen_handle ? dlsym(codegen_handle, EO_AOT_PLUGIN_ENTRY)
                               : NULL;
    if (!sym) {
        eo_emit_error(ctx, NULL, "--emit=c-lib: the code generator does "
                      "not export " EO_AOT_PLUGIN_ENTRY);
        return false;
    }
    *(void **)&fn = sym;
#endif
    char name[256];
    if (o->lib_name) {
        snprintf(name, sizeof name, "%s", o->lib_name);
    } else {
        const char *in = o->input && strcmp(o->input, "-") ? o->input
                                                            : "model";
        const char *base = strrchr(in, '/');
        snprintf(name, sizeof name, "%s", base ? base + 1 : in);
        char *dot = strchr(name, '.');
        if (dot && dot != name)
            *dot = '\0';
        for (char *p = name; *p; p++)
            if (!isalnum((unsigned char)*p))
                *p = '_';
        if (isdigit((unsigned char)name[0]) && strlen(name) + 2 < sizeof name) {
            memmove(name + 2, name, strlen(name) + 1);
            memcpy(name, "m_", 2);
        }
    }
    if (mkdir(o->output, 0777) != 0 && errno != EEXIST) {
        eo_emit_error(ctx, NULL, "--emit=c-lib: cannot create the directory "
                      "'%s': %s", o->output, strerror(errno));
        return false;
    }
    return fn(module, co, o->output, name, NULL) == EO_OK;
}

/* --emit: translates 'module' for --target and writes it to 'out'.
 * The target is "triple[,cpu=X][,features=Y][,O=n][,outline=B]" (an
 * empty triple or "host": the host). Diagnostics go through the module's context. */
static bool
emit_code(const options *o, eo_op *module, FILE *out)
{
    eo_ctx *ctx = eo_op_ctx(module);
    eo_codegen_options co = { .opt_level = 2 };
    char *spec = strdup(o->target ? o->target : "");
    if (!spec) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    bool ok = true;
    char *save = NULL;
    char *tok = strtok_r(spec, ",", &save);
    if (tok && !strchr(tok, '=')) {
        if (strcmp(tok, "host") != 0)
            co.triple = tok;
        tok = strtok_r(NULL, ",", &save);
    }
    /* features=+a,+b: the later comma-separated "+x"/"-x" items join the
     * features (they were split at the commas). */
    eo_strbuf feat = { 0 };
    for (; tok; tok = strtok_r(NULL, ",", &save)) {
        if (strncmp(tok, "cpu=", 4) == 0) {
            co.cpu = tok + 4;
        } else if (strncmp(tok, "features=", 9) == 0) {
            eo_strbuf_puts(&feat, tok + 9);
        } else if ((tok[0] == '+' || tok[0] == '-') && feat.len) {
            eo_strbuf_printf(&feat, ",%s", tok);
        } else if (strncmp(tok, "O=", 2) == 0 && tok[2] >= '0' &&
                   tok[2] <= '3' && !tok[3]) {
            co.opt_level = tok[2] - '0';
        } else if (strcmp(tok, "outline=0") == 0 ||
                   strcmp(tok, "outline=1") == 0) {
            co.no_outline = tok[8] == '0';
        } else {
            eo_emit_error(ctx, NULL, "--target: unknown item '%s' (expected "
                          "cpu=, features=, O= or outline=)", tok);
            ok = false;
        }
    }
    co.features = feat.len ? feat.data : NULL;
    eo_codegen_emit_op_fn emit = ok ? load_codegen(ctx) : NULL;
    if (emit && o->emit_clib)
        ok = emit_clib(o, module, &co, emit);
    else
        ok = emit && emit(module, &co, o->emit_kind, out) == EO_OK;
    eo_strbuf_free(&feat);
    free(spec);
    return ok;
}

static bool
process_chunk(const options *o, const input *in, const chunk *c, FILE *out)
{
    eo_ctx *ctx = make_ctx(o);
    if (!ctx) {
        fprintf(stderr, TOOL ": error: cannot set up the context (out of "
                "memory)\n");
        return false;
    }
    /* A chunk after the first is registered as the whole file, so that
     * diagnostics (whose lines are the file's) show the right source
     * line; the parser registers a chunk starting at line 1 itself. */
    if (c->line_offset > 0 &&
        eo_ctx_add_source(ctx, in->name, in->data, in->len) != EO_OK) {
        eo_ctx_destroy(ctx);
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    verifier vf = { .ctx = ctx };
    if (o->verify_diagnostics) {
        vf.file = eo_ident_cstr(ctx, in->name);
        if (!vf.file) {
            eo_ctx_destroy(ctx);
            fprintf(stderr, TOOL ": error: out of memory\n");
            return false;
        }
        collect_expectations(&vf, c);
        eo_ctx_set_diag_handler(ctx, verify_handler, &vf);
    }
    eo_pass_manager *pm = NULL;
    if (has_passes(o) || o->timing) {
        pm = build_pm(o, ctx);
        if (!pm) {
            if (o->verify_diagnostics)
                verifier_free(&vf);
            eo_ctx_destroy(ctx);
            return false;
        }
    }
    double t0 = seconds_now();
    eo_parse_config cfg = { .no_implicit_module = o->no_implicit_module,
                            .line_offset = c->line_offset };
    released rel = { in->data, 0 };
    if (in->map_len) {
        cfg.progress = release_input;
        cfg.progress_ud = &rel;
    }
    eo_op *op;
    if (o->import_onnx) {
        /* The importer verifies what it builds. */
        eo_onnx_bindings bind;
        eo_onnx_options oo = { .dynamic_dim = o->onnx_dynamic_dim };
        /* A file is imported from its path: the importer drops its own
         * mapping once unpacked (edge-opt's mapped pages stay untouched),
         * which keeps peak memory near twice the model's size. */
        bool file = in->map_len && o->input && strcmp(o->input, "-");
        op = NULL;
        if (eo_onnx_bindings_load(ctx, o->num_onnx_binds, o->onnx_binds,
                                  &bind) == EO_OK) {
            oo.bind_names = (const char *const *)bind.names;
            oo.bind_values = bind.values;
            oo.num_bind = bind.n;
            op = file ? eo_onnx_import_file(ctx, in->name, &oo)
                      : eo_onnx_import_buffer(ctx, c->text, c->len, in->name,
                                              &oo);
            eo_onnx_bindings_free(&bind);
        }
    } else {
        op = eo_parse_source(ctx, in->name, c->text, c->len, &cfg);
    }
    bool ok = op && (o->import_onnx || eo_op_verify(op) == EO_OK);
    if (pm)
        eo_pm_timing_phase(pm, "Parser", seconds_now() - t0, true);
    eo_knob_store *ks = NULL;
    if (ok && uses_knobs(o))
        ks = make_knob_store(o, ctx, &ok);
    if (ok && has_passes(o))
        ok = eo_pm_run(pm, op, ks ? eo_knob_store_provider(ks) : NULL) ==
             EO_OK;
    if (ok && ks)
        ok = eo_knob_store_check(ks) == EO_OK;
    if (ok && ks)
        record_knobs(o, ks);
    if (ok && o->op_stats)
        print_op_stats(op, stderr);
    if (ok && o->emit)
        ok = emit_code(o, op, out);
    if (ok && o->evaluate)
        ok = evaluate_module(o, op, out);
    /* --list-knobs without a file takes stdout's place of the IR. */
    bool print_ir = !o->emit && !o->evaluate &&
                    !(o->list_knobs && !o->list_knobs_file &&
                      (!o->output || strcmp(o->output, "-") == 0));
    /* eo_op_print prints as MLIR's Operation::print; mlir-opt adds a
     * newline after it. */
    errno = 0;
    t0 = seconds_now();
    if (ok && print_ir && (eo_op_print(op, &o->print, out) != EO_OK ||
                           fputc('\n', out) == EOF)) {
        /* Reported once, by close_output (ferror stays set). */
        if (!write_errno)
            write_errno = errno ? errno : EIO;
        ok = false;
        vf.failed = true;
    }
    if (pm && o->timing) {
        fflush(out);
        eo_pm_timing_phase(pm, "Output", seconds_now() - t0, false);
        eo_pm_timing_report(pm, stderr);
    }
    if (o->verify_diagnostics) {
        ok = verify_finish(&vf);
        verifier_free(&vf);
    }
    eo_knob_store_destroy(ks);
    eo_pm_destroy(pm);
    eo_ctx_destroy(ctx);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

typedef struct output {
    const char *path;           /* NULL: stdout */
    char *tmp;                  /* temporary file renamed over 'path' */
    FILE *f;
} output;

static char out_buf[1 << 16];

/* A regular (or new) output file is written to a temporary file next to
 * it and renamed on success, so a failed run leaves the old file alone;
 * anything else (a device, a fifo) is written in place. */
static bool
open_output(const char *path, output *out)
{
    if (!path || strcmp(path, "-") == 0) {
        out->f = stdout;
        setvbuf(stdout, out_buf, _IOFBF, sizeof(out_buf));
        return true;
    }
    out->path = path;
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        out->f = fopen(path, "w");
        if (!out->f)
            goto fail;
        setvbuf(out->f, out_buf, _IOFBF, sizeof(out_buf));
        return true;
    }
    char *real = exists ? realpath(path, NULL) : NULL;
    const char *target = real ? real : path;
    size_t n = strlen(target);
    out->tmp = malloc(n + sizeof(".tmp-XXXXXX"));
    if (!out->tmp) {
        free(real);
        errno = ENOMEM;
        goto fail;
    }
    memcpy(out->tmp, target, n);
    memcpy(out->tmp + n, ".tmp-XXXXXX", sizeof(".tmp-XXXXXX"));
    free(real);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        free(out->tmp);
        out->tmp = NULL;
        goto fail;
    }
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    if (fchmod(fd, mode) != 0 || !(out->f = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        unlink(out->tmp);
        free(out->tmp);
        out->tmp = NULL;
        errno = e;
        goto fail;
    }
    setvbuf(out->f, out_buf, _IOFBF, sizeof(out_buf));
    return true;
fail:
    fprintf(stderr, TOOL ": error: cannot open output file '%s': %s\n",
            path, strerror(errno));
    return false;
}

/* Flushes and closes; renames the temporary file over the output if 'ok'
 * (else removes it). Returns false, after a message, if writing failed. */
static bool
close_output(output *out, bool ok)
{
    errno = 0;
    bool wrote = fflush(out->f) == 0 && !ferror(out->f);
    int e = write_errno ? write_errno : errno;
    if (out->f != stdout && fclose(out->f) != 0 && wrote) {
        wrote = false;
        e = errno;
    }
    if (out->tmp) {
        if (ok && wrote && rename(out->tmp, out->path) != 0) {
            wrote = false;
            e = errno;
        }
        if (!ok || !wrote)
            unlink(out->tmp);
        free(out->tmp);
    }
    if (!wrote)
        fprintf(stderr, TOOL ": error: cannot write output file '%s': %s\n",
                out->path ? out->path : "-", e ? strerror(e) : "I/O error");
    return wrote;
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

typedef struct name_list {
    const char *v[64];
    size_t n;
} name_list;

static void
collect_dialect(const eo_dialect *d, void *ud)
{
    name_list *l = ud;
    if (l->n < sizeof(l->v) / sizeof(l->v[0]))
        l->v[l->n++] = eo_dialect_name(d);
}

/* "a,b,c" (sep ",") or "a, b, c" into buf: the registered dialects. */
static bool
dialect_list(const options *o, const char *sep, char *buf, size_t size)
{
    eo_ctx *ctx = make_ctx(o);
    if (!ctx)
        return false;
    name_list l = { .n = 0 };
    eo_dialect_foreach(ctx, collect_dialect, &l);
    qsort(l.v, l.n, sizeof(l.v[0]), cmp_str);
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < l.n && len < size; i++) {
        int n = snprintf(buf + len, size - len, "%s%s", i ? sep : "",
                         l.v[i]);
        if (n < 0)
            break;
        len += (size_t)n;
    }
    eo_ctx_destroy(ctx);
    return true;
}

/* Frees what main allocated for the options and the knob outputs. */
static void
free_options(options *o, eo_ctx *pctx)
{
    free(o->passes);
    free(o->knob_assigns);
    free(o->onnx_binds);
    free(o->plugins);
    free(o->plugin_kinds);
    eo_strbuf_free(&o->print_before);
    eo_strbuf_free(&o->print_after);
    eo_strbuf_free(&knob_out.space);
    eo_strbuf_free(&knob_out.assignment);
    eo_ctx_destroy(pctx);
}

int
main(int argc, char **argv)
{
    options o = { .verify_each = true };
    o.plugins = calloc((size_t)argc + 1, sizeof(*o.plugins));
    o.plugin_kinds = calloc((size_t)argc + 1, sizeof(*o.plugin_kinds));
    if (o.plugins && o.plugin_kinds)
        scan_plugins(argc, argv, &o);
    /* The registry that tells pass flags from unknown ones, and checks the
     * pipeline once before any input is read. */
    eo_ctx *pctx = o.plugins && o.plugin_kinds ? make_ctx(&o) : NULL;
    o.passes = calloc((size_t)argc + 1, sizeof(*o.passes));
    o.knob_assigns = calloc((size_t)argc + 1, sizeof(*o.knob_assigns));
    o.onnx_binds = calloc((size_t)argc + 1, sizeof(*o.onnx_binds));
    if (!pctx || !o.passes || !o.knob_assigns || !o.onnx_binds) {
        if (!plugin_failed)
            fprintf(stderr, TOOL ": error: out of memory\n");
        free_options(&o, pctx);
        return 1;
    }
    if (!parse_args(argc, argv, &o, pctx)) {
        free_options(&o, pctx);
        return 1;
    }
    if (o.help || o.show_dialects || o.list_passes) {
        char names[1024];
        if (!dialect_list(&o, o.help ? ", " : ",", names, sizeof(names))) {
            fprintf(stderr, TOOL ": error: out of memory\n");
            free_options(&o, pctx);
            return 1;
        }
        eo_strbuf passes = { 0 };
        eo_pass_list(pctx, &passes);
        if (o.help)
            print_help(stdout, names);
        if (o.help || o.list_passes)
            fputs(passes.data ? passes.data : "", stdout);
        if (o.show_dialects)
            printf("Available Dialects: %s\n", names);
        eo_strbuf_free(&passes);
        free_options(&o, pctx);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (o.version) {
        printf(TOOL " version " EO_VERSION_STRING "\n");
        free_options(&o, pctx);
        return fflush(stdout) == 0 ? 0 : 1;
    }
    if (o.print_before.oom || o.print_after.oom) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        free_options(&o, pctx);
        return 1;
    }
    if (has_passes(&o) || o.dump_pipeline) {
        eo_pass_manager *pm = build_pm(&o, pctx);
        if (!pm) {
            free_options(&o, pctx);
            return 1;
        }
        if (o.dump_pipeline) {
            eo_strbuf b = { 0 };
            eo_pm_print_pipeline(pm, &b);
            fprintf(stderr, "Pass Manager with %zu passes:\n%s\n\n",
                    eo_pm_size(pm), b.data ? b.data : "");
            eo_strbuf_free(&b);
        }
        eo_pm_destroy(pm);
    }

    input in = { 0 };
    if (!open_input(o.input, &in)) {
        free_options(&o, pctx);
        return 1;
    }
    chunk_list chunks = { 0 };
    if (o.import_onnx && o.split_marker) {
        fprintf(stderr, TOOL ": error: --split-input-file cannot be used "
                "with --import-onnx\n");
        close_input(&in);
        free_options(&o, pctx);
        return 1;
    }
    bool ok = o.split_marker
                  ? split_input(&in, o.split_marker, &chunks)
                  : chunk_push(&chunks, in.data, in.len, 0);
    if (!ok) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        free(chunks.v);
        close_input(&in);
        free_options(&o, pctx);
        return 1;
    }
    output out = { 0 };
    if (!open_output(o.emit_clib ? NULL : o.output, &out)) {
        free(chunks.v);
        close_input(&in);
        free_options(&o, pctx);
        return 1;
    }
    bool print_ir = !o.emit && !o.evaluate &&
                    !(o.list_knobs && !o.list_knobs_file &&
                      (!o.output || strcmp(o.output, "-") == 0));
    for (size_t i = 0; i < chunks.n; i++) {
        if (i > 0 && print_ir)
            fputs(OUTPUT_SPLIT_MARKER, out.f);
        if (!process_chunk(&o, &in, &chunks.v[i], out.f))
            ok = false;
        if (write_errno)
            break;
    }
    if (ok && o.list_knobs && o.list_knobs_file &&
        !write_text_file(o.list_knobs_file, &knob_out.space))
        ok = false;
    if (ok && o.knobs_out && !write_text_file(o.knobs_out,
                                              &knob_out.assignment))
        ok = false;
    if (ok && o.list_knobs && !o.list_knobs_file && knob_out.space.len)
        fwrite(knob_out.space.data, 1, knob_out.space.len, stdout);
    if (!close_output(&out, ok))
        ok = false;
    free(chunks.v);
    close_input(&in);
    free_options(&o, pctx);
    return ok ? 0 : 1;
}

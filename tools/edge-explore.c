/* tools/edge-explore.c - multi-objective exploration of a model's
 * compile-time choices on a device: a thin main over the explorer library.
 *
 *   flags -> evaluator (model + pipeline + target, loaded once)
 *         -> space: the knobs the pipeline asks (discovered), --knob pins
 *            made single-valued, --vary target axes added
 *         -> --space: print it and stop
 *         -> results database (--db, default DIR/results.sqlite with
 *            --out): refused when it already holds this run's records,
 *            unless --resume
 *         -> search (eo_search_run) with candidates evaluated by isolated
 *            worker processes (--jobs), in process (--jobs 0) or by MPI
 *            ranks (--mpi); a progress bar or log lines on stderr
 *         -> the Pareto set as a table; with --out: CSV, JSON, one knob
 *            file per front point, an SVG plot and an HTML report
 *
 *   edge-explore show DB             runs, fronts and best points of DB
 *   edge-explore export DB --format csv|json [-o FILE]
 *
 * Exit status: 0 when done (also when --time ran out), 1 after errors,
 * 2 on usage errors, 130 after Ctrl-C (the outputs of what was done are
 * written; --resume continues). See docs/explorer.md ("The edge-explore
 * tool").
 */
#define _POSIX_C_SOURCE 200809L       /* clock_gettime, sigaction, ... */
#include "codegen/codegen.h"
#include "explorer/explorer.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "targets/targets.h"
#include "tools/cli.h"
#ifdef EO_HAVE_MPI
#include "explorer/mpi.h"
#endif

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TOOL "edge-explore"
#define DEFAULT_BUDGET 100
#define DEFAULT_TIMEOUT 60.0
/* Knob differences shown per row of the Pareto table. */
#define DIFF_WIDTH 72

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */
/* ------------------------------------------------------------------ */

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Glob match as the knob store does: '*' any run, '?' one character. */
static bool
glob_match(const char *pat, const char *s)
{
    const char *star = NULL, *back = NULL;
    while (*s) {
        if (*pat == '*') {
            star = pat++;
            back = s;
        } else if (*pat == '?' || *pat == *s) {
            pat++;
            s++;
        } else if (star) {
            pat = star + 1;
            s = ++back;
        } else {
            return false;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == '\0';
}

/* A duration: a number with s (default), m, h or ms. */
static bool
parse_duration(const char *v, double *out)
{
    const char *u;
    double d;
    if (!eo_cli_parse_nonneg(v, &d, &u))
        return false;
    static const struct { const char *u; double f; } units[] = {
        { "", 1 }, { "s", 1 }, { "ms", 1e-3 }, { "m", 60 }, { "min", 60 },
        { "h", 3600 },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(u, units[i].u) == 0) {
            *out = d * units[i].f;
            return *out > 0;
        }
    }
    return false;
}

static void
json_string(eo_strbuf *b, const char *s)
{
    eo_strbuf_puts(b, "\"");
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            eo_strbuf_printf(b, "\\%c", c);
        else if (c == '\n')
            eo_strbuf_puts(b, "\\n");
        else if (c == '\t')
            eo_strbuf_puts(b, "\\t");
        else if (c < 0x20)
            eo_strbuf_printf(b, "\\u%04x", c);
        else
            eo_strbuf_append(b, s, 1);
    }
    eo_strbuf_puts(b, "\"");
}

/* A double as JSON (null when not finite). */
static void
json_number(eo_strbuf *b, double v)
{
    if (isfinite(v))
        eo_strbuf_printf(b, "%.17g", v);
    else
        eo_strbuf_puts(b, "null");
}

/* A CSV field, quoted when it holds a comma, a quote or a line break. */
static void
csv_field(eo_strbuf *b, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        eo_strbuf_puts(b, s);
        return;
    }
    eo_strbuf_puts(b, "\"");
    for (; *s; s++) {
        if (*s == '"')
            eo_strbuf_puts(b, "\"");
        eo_strbuf_append(b, s, 1);
    }
    eo_strbuf_puts(b, "\"");
}

/* A double as a CSV field (empty when not finite). */
static void
csv_number(eo_strbuf *b, double v)
{
    if (isfinite(v))
        eo_strbuf_printf(b, "%.17g", v);
}

/* Writes b to 'path' (through a temporary file renamed over it);
 * reports and returns false on failure. */
static bool
write_file(const char *path, const eo_strbuf *b)
{
    if (b->oom) {
        fprintf(stderr, TOOL ": error: out of memory writing '%s'\n", path);
        return false;
    }
    size_t n = strlen(path) + 8;
    char *tmp = malloc(n);
    if (!tmp) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    snprintf(tmp, n, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    bool ok = f && fwrite(b->data ? b->data : "", 1, b->len, f) == b->len;
    int e = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = false;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        if (f)
            unlink(tmp);
        fprintf(stderr, TOOL ": error: cannot write '%s': %s\n", path,
                strerror(e));
    }
    free(tmp);
    return ok;
}

/* Creates directory 'path' and its parents; reports on failure. */
static bool
make_dirs(const char *path)
{
    size_t n = strlen(path);
    char *p = malloc(n + 1);
    if (!p) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    memcpy(p, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] != '/' && p[i] != '\0')
            continue;
        char c = p[i];
        p[i] = '\0';
        struct stat st;
        if (stat(p, &st) != 0) {
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                fprintf(stderr, TOOL ": error: cannot create directory "
                        "'%s': %s\n", p, strerror(errno));
                free(p);
                return false;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            fprintf(stderr, TOOL ": error: '%s' is not a directory\n", p);
            free(p);
            return false;
        }
        p[i] = c;
    }
    free(p);
    return true;
}

/* ------------------------------------------------------------------ */
/* Objectives with units                                               */
/* ------------------------------------------------------------------ */

typedef struct unit_scale {
    const char *name;
    double factor;              /* value in base units / factor */
} unit_scale;

/* The unit to show values up to 'max' of objective 'o' in. */
static unit_scale
pick_unit(eo_objective o, double max)
{
    static const unit_scale lat[] = { { "s", 1 }, { "ms", 1e-3 },
                                      { "us", 1e-6 }, { "ns", 1e-9 } };
    static const unit_scale en[] = { { "J", 1 }, { "mJ", 1e-3 },
                                     { "uJ", 1e-6 }, { "nJ", 1e-9 } };
    static const unit_scale mem[] = { { "GiB", 1073741824.0 },
                                      { "MiB", 1048576.0 },
                                      { "KiB", 1024.0 }, { "B", 1 } };
    const unit_scale *u = o == EO_OBJ_LATENCY ? lat
                          : o == EO_OBJ_ENERGY ? en : mem;
    if (!isfinite(max) || max <= 0)
        return o == EO_OBJ_MEMORY ? u[3] : u[0];
    for (size_t i = 0; i < 4; i++) {
        if (max >= u[i].factor)
            return u[i];
    }
    return u[3];
}

static void
format_value(eo_strbuf *b, double v, unit_scale u)
{
    if (!isfinite(v))
        eo_strbuf_puts(b, "-");
    else if (strcmp(u.name, "B") == 0)
        eo_strbuf_printf(b, "%.0f %s", v, u.name);
    else
        eo_strbuf_printf(b, "%.4g %s", v / u.factor, u.name);
}

/* "memory<=4MB" -> objective and limit in base units. */
static bool
parse_constraint(const char *spec, eo_objective *obj, double *limit)
{
    const char *op = strpbrk(spec, "<=");
    if (!op || op == spec)
        return false;
    char name[32];
    size_t n = (size_t)(op - spec);
    while (n && spec[n - 1] == ' ')
        n--;
    if (n == 0 || n >= sizeof name)
        return false;
    memcpy(name, spec, n);
    name[n] = '\0';
    int o = eo_objective_from_name(name);
    if (o < 0)
        return false;
    if (strncmp(op, "<=", 2) == 0)
        op += 2;
    else if (op[0] == '<')
        op += 1;
    else
        return false;
    while (*op == ' ')
        op++;
    const char *u;
    double v;
    if (!eo_cli_parse_nonneg(op, &v, &u))
        return false;
    while (*u == ' ')
        u++;
    static const struct { int o; const char *u; double f; } units[] = {
        { EO_OBJ_LATENCY, "", 1 }, { EO_OBJ_LATENCY, "s", 1 },
        { EO_OBJ_LATENCY, "ms", 1e-3 }, { EO_OBJ_LATENCY, "us", 1e-6 },
        { EO_OBJ_LATENCY, "ns", 1e-9 },
        { EO_OBJ_ENERGY, "", 1 }, { EO_OBJ_ENERGY, "J", 1 },
        { EO_OBJ_ENERGY, "mJ", 1e-3 }, { EO_OBJ_ENERGY, "uJ", 1e-6 },
        { EO_OBJ_ENERGY, "nJ", 1e-9 },
        { EO_OBJ_MEMORY, "", 1 }, { EO_OBJ_MEMORY, "B", 1 },
        { EO_OBJ_MEMORY, "KB", 1e3 }, { EO_OBJ_MEMORY, "MB", 1e6 },
        { EO_OBJ_MEMORY, "GB", 1e9 }, { EO_OBJ_MEMORY, "KiB", 1024.0 },
        { EO_OBJ_MEMORY, "MiB", 1048576.0 },
        { EO_OBJ_MEMORY, "GiB", 1073741824.0 },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (units[i].o == o && strcmp(units[i].u, u) == 0) {
            if (!(v > 0))
                return false;
            *obj = (eo_objective)o;
            *limit = v * units[i].f;
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */
/* ------------------------------------------------------------------ */

typedef struct str_list {
    const char **v;             /* argc entries at most */
    size_t n;
} str_list;

typedef struct options {
    const char *model, *target, *pipeline, *db, *out;
    str_list constraints, varies, knobs;
    str_list dialect_plugins, pass_plugins;   /* --load-*-plugin */
    eo_search_opts search;      /* algo, seed, budget, objectives, limit */
    bool budget_set;
    double time_limit;          /* seconds, 0 = none */
    uint64_t jobs;
    double timeout;
    uint64_t repeats;
    bool resume, verify, mpi, space, quiet, measure, help, version;
    bool no_prefix_cache, verify_ir, fixed_space;
} options;

enum {
    SLOT_NONE, SLOT_TARGET, SLOT_PIPELINE, SLOT_OBJECTIVES, SLOT_CONSTRAINT,
    SLOT_ALGORITHM, SLOT_BUDGET, SLOT_TIME, SLOT_SEED, SLOT_JOBS,
    SLOT_TIMEOUT, SLOT_DB, SLOT_OUT, SLOT_VARY, SLOT_KNOB, SLOT_REPEATS,
    SLOT_DIALECT_PLUGIN, SLOT_PASS_PLUGIN
};

/* Booleans store into the bool 'field' of 'options', value flags name a
 * slot (tools/cli.h). Sorted by name for --help. */
#define BOOL_FLAG(n, field, h) EO_CLI_BOOL_FLAG(options, n, field, h)
#define VALUE_FLAG EO_CLI_VALUE_FLAG

/* name, field or slot, value name, help */
static const eo_cli_flag flags[] = {
    VALUE_FLAG("algorithm", SLOT_ALGORITHM, "name",
               "Search algorithm: nsga2 (default), random, exhaustive, "
               "anneal, layerwise or model"),
    VALUE_FLAG("budget", SLOT_BUDGET, "n",
               "Distinct candidates to look at, evaluated now or found in "
               "the database (default 100; with only --time: no limit)"),
    VALUE_FLAG("constraint", SLOT_CONSTRAINT, "expr",
               "Make an objective a constraint: 'memory<=4MB', "
               "'latency<=2ms', 'energy<=1mJ' (units B/KB/MB/KiB/MiB, "
               "s/ms/us, J/mJ/uJ; repeatable)"),
    VALUE_FLAG("db", SLOT_DB, "file",
               "Results database (SQLite; default DIR/results.sqlite with "
               "--out, else none)"),
    BOOL_FLAG("fixed-space", fixed_space,
              "Search only the knobs of the default compile: conditional "
              "knobs candidates ask stay at their defaults"),
    BOOL_FLAG("help", help, "Print this list of options and exit"),
    VALUE_FLAG("jobs", SLOT_JOBS, "n",
               "Isolated worker processes evaluating candidates (default "
               "1; 0: in this process, for debugging)"),
    VALUE_FLAG("knob", SLOT_KNOB, "name=value",
               "Pin the knobs matching 'name' (a glob pattern) to 'value' "
               "('default': their defaults; '*': not pinned): they leave "
               "the space (repeatable; the last match wins)"),
    VALUE_FLAG("load-dialect-plugin", SLOT_DIALECT_PLUGIN, "path",
               "Load a dialect plugin (a shared object exporting "
               "eo_dialect_plugin_info; repeatable; before pass plugins)"),
    VALUE_FLAG("load-pass-plugin", SLOT_PASS_PLUGIN, "path",
               "Load a pass plugin (a shared object exporting "
               "eo_pass_plugin_info; repeatable): its passes may be in "
               "--pipeline, its knobs are in the space"),
    BOOL_FLAG("measure", measure,
              "Host targets: measure the compiled code instead of "
              "modelling it"),
    BOOL_FLAG("mpi", mpi,
              "Evaluate on MPI ranks (mpirun -np N " TOOL " --mpi ...; "
              "rank 0 searches and owns the database)"),
    BOOL_FLAG("no-prefix-cache", no_prefix_cache,
              "Run the whole pipeline for every candidate (the results "
              "are the same; for checking and timing)"),
    VALUE_FLAG("objectives", SLOT_OBJECTIVES, "list",
               "Objectives to minimize, comma-separated (default "
               "latency,energy,memory)"),
    VALUE_FLAG("out", SLOT_OUT, "dir",
               "Write pareto.csv, pareto.json, all.csv, points/, front.svg "
               "and report.html to this directory"),
    VALUE_FLAG("pipeline", SLOT_PIPELINE, "pipeline",
               "The pass pipeline compiling each candidate (default: the "
               "evaluator's)"),
    BOOL_FLAG("quiet", quiet, "Print no progress"),
    VALUE_FLAG("repeats", SLOT_REPEATS, "n",
               "With --measure: timed runs per candidate (default 5)"),
    BOOL_FLAG("resume", resume,
              "Continue from the database's records of this model, "
              "target, pipeline and evaluator (they are reused)"),
    VALUE_FLAG("seed", SLOT_SEED, "n", "Random seed (default 1)"),
    BOOL_FLAG("space", space,
              "Print the search space (size and dimensions) and exit"),
    VALUE_FLAG("target", SLOT_TARGET, "name|file",
               "The device: a shipped target name (cortex-m55, host, ...) "
               "or a description file (required)"),
    VALUE_FLAG("time", SLOT_TIME, "duration",
               "Stop after this long: 90, 30s, 10m, 2h"),
    VALUE_FLAG("timeout", SLOT_TIMEOUT, "seconds",
               "A candidate running longer fails as a timeout (default 60; "
               "0: none)"),
    VALUE_FLAG("vary", SLOT_VARY, "path=v1,v2,...",
               "Add a target variant axis to the space (a numeric field of "
               "the description; repeatable)"),
    BOOL_FLAG("verify", verify,
              "Check each candidate's outputs against the reference "
              "interpreter (host targets; implies --measure)"),
    BOOL_FLAG("verify-ir", verify_ir,
              "Run the IR verifier on every candidate's lowered module "
              "(default: the first one's; --verify implies it)"),
    BOOL_FLAG("version", version, "Print the version and exit"),
};

#define NUM_FLAGS (sizeof(flags) / sizeof(flags[0]))

static void
print_help(FILE *f)
{
    fprintf(f, "OVERVIEW: " TOOL ": find the Pareto-optimal compile-time "
               "choices of a model on a device\n"
               "USAGE: " TOOL " <model.onnx|model.mlir> --target=<name|file> "
               "[options]\n"
               "       " TOOL " show <db>\n"
               "       " TOOL " export <db> --format=csv|json "
               "[-o <file>]\n\n"
               "The space is every knob the pipeline asks for the model "
               "(and --vary axes);\neach candidate is compiled and costed "
               "on the target (measured on the host with\n--measure). "
               "Every evaluation is appended to the database at once: "
               "after Ctrl-C\nor a crash, the same command with --resume "
               "continues where it stopped and ends\nwith the same results. "
               "Exit status: 0 done, 1 errors, 2 usage errors, 130\n"
               "interrupted.\n\nOPTIONS:\n");
    eo_cli_print_flags(f, flags, NUM_FLAGS);
}

/* "latency,memory" into the search options. */
static bool
parse_objectives(const char *v, eo_search_opts *so)
{
    so->num_objectives = 0;
    const char *p = v;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        char name[32];
        if (n == 0 || n >= sizeof name ||
            so->num_objectives == EO_NUM_OBJECTIVES)
            return false;
        memcpy(name, p, n);
        name[n] = '\0';
        int o = eo_objective_from_name(name);
        if (o < 0)
            return false;
        for (size_t i = 0; i < so->num_objectives; i++)
            if (so->objectives[i] == (eo_objective)o)
                return false;
        so->objectives[so->num_objectives++] = (eo_objective)o;
        if (!comma)
            break;
        p = comma + 1;
        if (!*p)
            return false;
    }
    return so->num_objectives > 0;
}

/* "path=v1,v2,...": the numbers into vals (malloc'd), the path length.
 * False when malformed. */
static bool
parse_vary(const char *spec, size_t *path_len, double **vals, size_t *n)
{
    const char *eq = strchr(spec, '=');
    *vals = NULL;
    *n = 0;
    if (!eq || eq == spec || !eq[1])
        return false;
    *path_len = (size_t)(eq - spec);
    size_t cap = 1;
    for (const char *p = eq + 1; *p; p++)
        cap += *p == ',';
    double *v = malloc(cap * sizeof *v);
    if (!v)
        return false;
    const char *p = eq + 1;
    for (;;) {
        char *end;
        errno = 0;
        double d = strtod(p, &end);
        if (errno || end == p || !isfinite(d) || (*end && *end != ',')) {
            free(v);
            return false;
        }
        v[(*n)++] = d;
        if (!*end)
            break;
        p = end + 1;
    }
    *vals = v;
    return true;
}

/* A value flag's value into the options (eo_cli's setter). */
static eo_cli_set
set_value(void *opts, const eo_cli_flag *fl, const char *value)
{
    options *o = opts;
    switch (fl->slot) {
    case SLOT_TARGET:
        o->target = value;
        return EO_CLI_SET_OK;
    case SLOT_PIPELINE:
        o->pipeline = value;
        return EO_CLI_SET_OK;
    case SLOT_DIALECT_PLUGIN:
        o->dialect_plugins.v[o->dialect_plugins.n++] = value;
        return EO_CLI_SET_OK;
    case SLOT_PASS_PLUGIN:
        o->pass_plugins.v[o->pass_plugins.n++] = value;
        return EO_CLI_SET_OK;
    case SLOT_DB:
        o->db = value;
        return EO_CLI_SET_OK;
    case SLOT_OUT:
        o->out = value;
        return EO_CLI_SET_OK;
    case SLOT_CONSTRAINT: {
        eo_objective obj;
        double lim;
        if (!parse_constraint(value, &obj, &lim)) {
            fprintf(stderr, TOOL ": error: bad constraint '%s' (expected "
                    "objective<=value[unit], e.g. 'memory<=4MB', "
                    "'latency<=2ms', 'energy<=1mJ')\n", value);
            return EO_CLI_SET_REPORTED;
        }
        o->search.limit[obj] = lim;
        o->constraints.v[o->constraints.n++] = value;
        return EO_CLI_SET_OK;
    }
    case SLOT_VARY: {
        size_t plen, nv;
        double *vals;
        if (!parse_vary(value, &plen, &vals, &nv)) {
            fprintf(stderr, TOOL ": error: bad --vary '%s' (expected "
                    "path=v1,v2,... with numbers, e.g. "
                    "'compute_units[0].clock_mhz=100,200')\n", value);
            return EO_CLI_SET_REPORTED;
        }
        free(vals);
        o->varies.v[o->varies.n++] = value;
        return EO_CLI_SET_OK;
    }
    case SLOT_KNOB: {
        const char *eq = strchr(value, '=');
        if (!eq || eq == value || !eq[1]) {
            fprintf(stderr, TOOL ": error: bad --knob '%s' (expected "
                    "name=value; the name may be a glob pattern)\n", value);
            return EO_CLI_SET_REPORTED;
        }
        o->knobs.v[o->knobs.n++] = value;
        return EO_CLI_SET_OK;
    }
    case SLOT_OBJECTIVES:
        if (!parse_objectives(value, &o->search)) {
            fprintf(stderr, TOOL ": error: bad --objectives '%s' (a "
                    "comma-separated list of latency, energy, memory, each "
                    "once)\n", value);
            return EO_CLI_SET_REPORTED;
        }
        return EO_CLI_SET_OK;
    case SLOT_ALGORITHM: {
        int a = eo_search_algo_from_name(value);
        if (a < 0) {
            fprintf(stderr, TOOL ": error: unknown algorithm '%s' (one of "
                    "nsga2, random, exhaustive, anneal, layerwise, model)\n",
                    value);
            return EO_CLI_SET_REPORTED;
        }
        o->search.algo = (eo_search_algo)a;
        return EO_CLI_SET_OK;
    }
    case SLOT_BUDGET:
        if (!eo_cli_parse_u64(value, 1, UINT64_MAX, &o->search.budget))
            break;
        o->budget_set = true;
        return EO_CLI_SET_OK;
    case SLOT_SEED:
        if (!eo_cli_parse_u64(value, 0, UINT64_MAX, &o->search.seed))
            break;
        return EO_CLI_SET_OK;
    case SLOT_JOBS:
        if (!eo_cli_parse_u64(value, 0, 1024, &o->jobs))
            break;
        return EO_CLI_SET_OK;
    case SLOT_REPEATS:
        if (!eo_cli_parse_u64(value, 1, 100000, &o->repeats))
            break;
        return EO_CLI_SET_OK;
    case SLOT_TIMEOUT:
        if (!eo_cli_parse_nonneg(value, &o->timeout, NULL))
            break;
        return EO_CLI_SET_OK;
    case SLOT_TIME:
        if (!parse_duration(value, &o->time_limit)) {
            fprintf(stderr, TOOL ": error: bad --time '%s' (a duration: "
                    "90, 30s, 10m, 2h)\n", value);
            return EO_CLI_SET_REPORTED;
        }
        return EO_CLI_SET_OK;
    default:
        break;
    }
    return EO_CLI_SET_INVALID;
}

/* The model, the only argument that is not a flag. */
static bool
set_model(void *opts, const char *arg)
{
    options *o = opts;
    if (o->model) {
        fprintf(stderr, TOOL ": error: more than one model ('%s' and "
                "'%s')\n", o->model, arg);
        return false;
    }
    o->model = arg;
    return true;
}

/* Parses argv into 'o'. Reports every problem; false if there
 * was one. */
static bool
parse_args(int argc, char **argv, options *o)
{
    const eo_cli cli = { TOOL, flags, NUM_FLAGS, o, set_value, set_model };
    return eo_cli_parse(&cli, argc, argv);
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

static int mpi_rank;            /* prefixes diagnostics of ranks > 0 */

/* file:line:col diagnostics as the context formats them; those without
 * a location as "edge-explore: error: msg". */
static void
print_diag(const eo_diag *d, void *ud)
{
    eo_ctx *ctx = ud;
    if (mpi_rank > 0)
        fprintf(stderr, "[rank %d] ", mpi_rank);
    eo_cli_print_diag(TOOL, ctx, d);
}

/* ------------------------------------------------------------------ */
/* The space                                                           */
/* ------------------------------------------------------------------ */

/* What kind of value a dimension holds, for the knob files. */
typedef enum dim_kind { DIM_BOOL, DIM_INT, DIM_ENUM, DIM_AXIS } dim_kind;

typedef struct space_info {
    eo_space *space;
    dim_kind *kinds;            /* per dimension */
    bool *pinned;               /* per dimension */
    size_t num_pinned;          /* dimensions pinned to one value */
    size_t num_dropped;         /* knobs pinned to their defaults */
    size_t nk;                  /* dimensions kinds[] and pinned[] cover */
} space_info;

/* Pins knob 'k' to 'text': *at_default when that is its default (the
 * knob then leaves the space: unassigned, it answers its default), else
 * its domain and default become that one value (a set of one integer,
 * or an enum of one name). "default" stands for the knob's default. False
 * with a message when the value is not in the knob's domain. */
static bool
pin_knob(cJSON *k, const char *name, const char *text, bool *at_default)
{
    cJSON *d = cJSON_GetObjectItemCaseSensitive(k, "domain");
    cJSON *kd = cJSON_GetObjectItemCaseSensitive(d, "kind");
    cJSON *def = cJSON_GetObjectItemCaseSensitive(k, "default");
    const char *kn = cJSON_IsString(kd) ? kd->valuestring : "";
    bool is_default = strcmp(text, "default") == 0;
    cJSON *dom = NULL, *val = NULL;
    *at_default = false;
    if (strcmp(kn, "bool") == 0) {
        int v = strcmp(text, "true") == 0 || strcmp(text, "1") == 0 ? 1
                : strcmp(text, "false") == 0 || strcmp(text, "0") == 0 ? 0
                                                                       : -1;
        if (is_default) {
            *at_default = true;
            return true;
        }
        if (v < 0) {
            fprintf(stderr, TOOL ": error: --knob: '%s' is not a value of "
                    "bool knob '%s' (true, false or default)\n", text, name);
            return false;
        }
        if (cJSON_IsBool(def) && cJSON_IsTrue(def) == (v == 1)) {
            *at_default = true;
            return true;
        }
        dom = cJSON_CreateObject();
        cJSON_AddStringToObject(dom, "kind", "set");
        cJSON *vals = cJSON_AddArrayToObject(dom, "values");
        cJSON_AddItemToArray(vals, cJSON_CreateNumber(v));
        val = cJSON_CreateNumber(v);
    } else if (strcmp(kn, "range") == 0 || strcmp(kn, "set") == 0) {
        if (is_default) {
            *at_default = true;
            return true;
        }
        char *end;
        errno = 0;
        long long v = strtoll(text, &end, 10);
        bool in = !errno && end != text && !*end;
        if (in && kn[0] == 'r') {
            double lo = cJSON_GetNumberValue(
                cJSON_GetObjectItemCaseSensitive(d, "lo"));
            double hi = cJSON_GetNumberValue(
                cJSON_GetObjectItemCaseSensitive(d, "hi"));
            double step = cJSON_GetNumberValue(
                cJSON_GetObjectItemCaseSensitive(d, "step"));
            if (!(step >= 1))
                step = 1;
            in = (double)v >= lo && (double)v <= hi &&
                 fmod((double)v - lo, step) == 0;
        } else if (in) {
            bool found = false;
            cJSON *e;
            cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(d,
                                                                "values"))
                found |= cJSON_GetNumberValue(e) == (double)v;
            in = found;
        }
        if (!in) {
            char *ds = cJSON_PrintUnformatted(d);
            fprintf(stderr, TOOL ": error: --knob: '%s' is not in the "
                    "domain of knob '%s' (%s)\n", text, name,
                    ds ? ds : "?");
            cJSON_free(ds);
            return false;
        }
        if (cJSON_IsNumber(def) && cJSON_GetNumberValue(def) == (double)v) {
            *at_default = true;
            return true;
        }
        dom = cJSON_CreateObject();
        cJSON_AddStringToObject(dom, "kind", "set");
        cJSON *vals = cJSON_AddArrayToObject(dom, "values");
        cJSON_AddItemToArray(vals, cJSON_CreateNumber((double)v));
        val = cJSON_CreateNumber((double)v);
    } else if (strcmp(kn, "enum") == 0) {
        size_t n = strlen(text);
        char *t = malloc(n + 1);
        if (!t)
            return false;
        /* A quoted name as in a knob file. */
        if (n >= 2 && text[0] == '"' && text[n - 1] == '"') {
            memcpy(t, text + 1, n - 2);
            t[n - 2] = '\0';
        } else {
            memcpy(t, text, n + 1);
        }
        bool found = false;
        cJSON *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(d, "names"))
            found |= cJSON_IsString(e) && strcmp(e->valuestring, t) == 0;
        if (!found && is_default) {
            free(t);
            *at_default = true;
            return true;
        }
        if (!found) {
            char *ds = cJSON_PrintUnformatted(d);
            fprintf(stderr, TOOL ": error: --knob: '%s' is not in the "
                    "domain of knob '%s' (%s)\n", t, name, ds ? ds : "?");
            cJSON_free(ds);
            free(t);
            return false;
        }
        if (cJSON_IsString(def) && strcmp(def->valuestring, t) == 0) {
            free(t);
            *at_default = true;
            return true;
        }
        dom = cJSON_CreateObject();
        cJSON_AddStringToObject(dom, "kind", "enum");
        cJSON *names = cJSON_AddArrayToObject(dom, "names");
        cJSON_AddItemToArray(names, cJSON_CreateString(t));
        val = cJSON_CreateString(t);
        free(t);
    } else {
        fprintf(stderr, TOOL ": error: --knob: knob '%s' has an unknown "
                "domain kind '%s'\n", name, kn);
        return false;
    }
    if (!dom || !val) {
        cJSON_Delete(dom);
        cJSON_Delete(val);
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    cJSON_ReplaceItemInObjectCaseSensitive(k, "domain", dom);
    if (def)
        cJSON_ReplaceItemInObjectCaseSensitive(k, "default", val);
    else
        cJSON_AddItemToObject(k, "default", val);
    return true;
}

static dim_kind
domain_kind(cJSON *k)
{
    cJSON *kd = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(k, "domain"), "kind");
    const char *kn = cJSON_IsString(kd) ? kd->valuestring : "";
    return strcmp(kn, "bool") == 0 ? DIM_BOOL
           : strcmp(kn, "enum") == 0 ? DIM_ENUM : DIM_INT;
}

static void
space_info_free(space_info *si)
{
    eo_space_destroy(si->space);
    free(si->kinds);
    free(si->pinned);
    memset(si, 0, sizeof *si);
}

/* Builds the space from the discovered knob-space JSON, the pins and the
 * axes. Returns 0, 1 (error, reported) or 2 (a bad --knob). */
/* eo_space_keep_fn for the knobs candidates discover: those a --knob
 * pins (its last matching pattern not '*') stay out of the space, at
 * their defaults. */
static bool
keep_discovered(void *ud, const char *name)
{
    const options *o = ud;
    const char *text = NULL;
    for (size_t p = 0; p < o->knobs.n; p++) {
        const char *spec = o->knobs.v[p], *eq = strchr(spec, '=');
        char pat[512];
        size_t pl = eq ? (size_t)(eq - spec) : 0;
        if (!eq || pl >= sizeof pat)
            continue;
        memcpy(pat, spec, pl);
        pat[pl] = '\0';
        if (glob_match(pat, name))
            text = eq + 1;
    }
    return !text || strcmp(text, "*") == 0;
}

static int
build_space(eo_ctx *ctx, const options *o, const char *json, size_t len,
            space_info *si)
{
    memset(si, 0, sizeof *si);
    cJSON *root = cJSON_ParseWithLength(json, len);
    cJSON *knobs = cJSON_GetObjectItemCaseSensitive(root, "knobs");
    if (!cJSON_IsArray(knobs)) {
        cJSON_Delete(root);
        return eo_emit_error(ctx, eo_loc_unknown(ctx), "the evaluator's "
                             "knob space is not valid JSON"), 1;
    }
    size_t nk = (size_t)cJSON_GetArraySize(knobs);
    char **names = calloc(nk + 1, sizeof *names);
    dim_kind *kk = calloc(nk + 1, sizeof *kk);
    bool *kpin = calloc(nk + 1, sizeof *kpin);
    bool *used = calloc(o->knobs.n + 1, sizeof *used);
    int rc = names && kk && kpin && used ? 0 : 1;
    cJSON *dropped = cJSON_CreateArray();
    if (!dropped)
        rc = 1;
    size_t i = 0;
    for (cJSON *k = knobs->child; k && !rc;) {
        cJSON *nm = cJSON_GetObjectItemCaseSensitive(k, "name");
        if (!cJSON_IsString(nm)) {
            rc = 1;
            break;
        }
        names[i] = nm->valuestring;
        kk[i] = domain_kind(k);
        /* The last pin matching wins. */
        const char *text = NULL;
        for (size_t p = 0; p < o->knobs.n; p++) {
            const char *spec = o->knobs.v[p], *eq = strchr(spec, '=');
            char pat[512];
            size_t pl = (size_t)(eq - spec);
            if (pl >= sizeof pat)
                continue;
            memcpy(pat, spec, pl);
            pat[pl] = '\0';
            if (glob_match(pat, names[i])) {
                text = eq + 1;
                used[p] = true;
            }
        }
        cJSON *next = k->next;
        if (text && strcmp(text, "*") != 0) {
            bool at_default;
            if (!pin_knob(k, names[i], text, &at_default)) {
                rc = 2;
                break;
            }
            kpin[i] = true;
            if (at_default) {
                /* Out of the space, kept alive for names[]. */
                cJSON_AddItemToArray(dropped,
                                     cJSON_DetachItemViaPointer(knobs, k));
                si->num_dropped++;
            }
        }
        i++;
        k = next;
    }
    for (size_t p = 0; rc == 0 && p < o->knobs.n; p++) {
        if (!used[p]) {
            fprintf(stderr, TOOL ": error: --knob '%s' matches no knob of "
                    "the space (see " TOOL " --space)\n", o->knobs.v[p]);
            rc = 2;
        }
    }
    char *text = rc == 0 ? cJSON_PrintUnformatted(root) : NULL;
    if (rc == 0 && !text)
        rc = 1;
    if (rc == 0) {
        si->space = eo_space_create(ctx);
        if (!si->space ||
            eo_space_load_json(si->space, text, strlen(text)) != EO_OK)
            rc = 1;
        else
            eo_space_set_grow_filter(si->space, keep_discovered, (void *)o);
    }
    cJSON_free(text);
    /* Axes. */
    for (size_t v = 0; rc == 0 && v < o->varies.n; v++) {
        size_t plen, nv;
        double *vals;
        if (!parse_vary(o->varies.v[v], &plen, &vals, &nv)) {
            rc = 1;
            break;
        }
        eo_strbuf nm = { 0 };
        eo_strbuf_puts(&nm, "target.");
        eo_strbuf_append(&nm, o->varies.v[v], plen);
        if (nm.oom || eo_space_add_axis(si->space, nm.data, vals, nv) != EO_OK)
            rc = 1;
        eo_strbuf_free(&nm);
        free(vals);
    }
    if (rc == 0) {
        size_t nd = eo_space_num_dims(si->space);
        si->nk = nd;
        si->kinds = calloc(nd + 1, sizeof *si->kinds);
        si->pinned = calloc(nd + 1, sizeof *si->pinned);
        if (!si->kinds || !si->pinned)
            rc = 1;
        for (size_t d = 0; rc == 0 && d < nd; d++) {
            si->kinds[d] = eo_space_dim_is_axis(si->space, d) ? DIM_AXIS
                                                             : DIM_INT;
            for (size_t j = 0; j < i; j++) {
                if (strcmp(names[j], eo_space_dim_name(si->space, d)) == 0) {
                    si->kinds[d] = kk[j];
                    si->pinned[d] = kpin[j];
                    si->num_pinned += kpin[j];
                    break;
                }
            }
        }
    }
    free(names);
    free(kk);
    free(kpin);
    free(used);
    cJSON_Delete(dropped);
    cJSON_Delete(root);
    if (rc)
        space_info_free(si);
    return rc;
}

/* Brings kinds[] and pinned[] up to a space that grew (the search adds
 * conditional knobs, and only those, keeping the names sorted); false
 * when out of memory. */
static bool
sync_kinds(space_info *si)
{
    const eo_space *s = si->space;
    size_t nd = eo_space_num_dims(s);
    if (nd == si->nk)
        return true;
    dim_kind *k = calloc(nd + 1, sizeof *k);
    bool *p = calloc(nd + 1, sizeof *p);
    if (!k || !p) {
        free(k);
        free(p);
        return false;
    }
    eo_strbuf v = { 0 };
    for (size_t d = 0, i = 0; d < nd; d++) {
        if (!eo_space_dim_is_conditional(s, d) && i < si->nk) {
            k[d] = si->kinds[i];
            p[d] = si->pinned[i++];
            continue;
        }
        v.len = 0;
        eo_space_value_text(s, d, 0, &v);
        const char *t = v.data ? v.data : "";
        char *end;
        (void)strtoll(t, &end, 10);
        k[d] = !strcmp(t, "false") && eo_space_dim_size(s, d) == 2 ? DIM_BOOL
               : *t && !*end ? DIM_INT : DIM_ENUM;
    }
    eo_strbuf_free(&v);
    free(si->kinds);
    free(si->pinned);
    si->kinds = k;
    si->pinned = p;
    si->nk = nd;
    return true;
}

/* eo_resdb_visit_fn: adds the knobs a record discovered to the space. */
static bool
grow_visit(const char *assignment, const eo_eval_outcome *o, void *ud)
{
    space_info *si = ud;
    (void)assignment;
    return !o->discovered ||
           eo_space_grow_json(si->space, o->discovered,
                              strlen(o->discovered), NULL) == EO_OK;
}

/* --space with --db: the space grows by the knobs the database's records
 * of this evaluator discovered (the knobs known so far); false after a
 * diagnostic. */
static bool
grow_from_db(eo_ctx *ctx, const char *path, const eo_evaluator *ev,
             space_info *si)
{
    eo_resdb *db = NULL;
    bool ok = eo_resdb_open(ctx, path, &db) == EO_OK &&
              eo_resdb_foreach(db, eo_evaluator_key(ev), grow_visit, si) ==
                  EO_OK &&
              sync_kinds(si);
    eo_resdb_close(db);
    return ok;
}

/* Prints the size and every dimension of the space. */
static void
print_space(const space_info *si)
{
    const eo_space *s = si->space;
    size_t nd = eo_space_num_dims(s);
    double lg = 0;
    for (size_t d = 0; d < nd; d++)
        lg += log10((double)eo_space_dim_size(s, d));
    uint64_t size = eo_space_size(s);
    if (size == UINT64_MAX)
        printf("space: %zu dimensions, about 10^%.1f candidates",
               nd, lg);
    else
        printf("space: %zu dimensions, %" PRIu64 " candidates (log10 %.2f)",
               nd, size, lg);
    if (si->num_dropped)
        printf("; %zu knob%s pinned to %s default%s (left out)",
               si->num_dropped, si->num_dropped == 1 ? "" : "s",
               si->num_dropped == 1 ? "its" : "their",
               si->num_dropped == 1 ? "" : "s");
    if (si->num_pinned)
        printf("; %zu pinned to other values", si->num_pinned);
    printf("\n");
    size_t wd = 7;
    eo_strbuf v = { 0 };
    for (size_t d = 0; d < nd; d++) {
        v.len = 0;
        eo_space_value_text(s, d, eo_space_dim_default(s, d), &v);
        wd = v.len > wd ? v.len : wd;
    }
    /* The site is shown when the name does not hold it already. */
    printf("  %6s  %-*s  %s\n", "values", (int)wd, "default",
           "name [site]");
    for (size_t d = 0; d < nd; d++) {
        v.len = 0;
        eo_space_value_text(s, d, eo_space_dim_default(s, d), &v);
        const char *name = eo_space_dim_name(s, d);
        const char *site = eo_space_dim_site(s, d);
        printf("  %6" PRIu32 "  %-*s  %s", eo_space_dim_size(s, d), (int)wd,
               v.data ? v.data : "", name);
        if (*site && !strstr(name, site))
            printf(" [%s]", site);
        printf("%s", si->pinned[d] ? " (pinned)"
                     : eo_space_dim_is_axis(s, d) ? " (target axis)" : "");
        const char *deps = eo_space_dim_depends(s, d);
        if (eo_space_dim_is_conditional(s, d))
            printf(" (conditional%s%s)", deps ? ", depends on " : "",
                   deps ? deps : "");
        printf("\n");
    }
    eo_strbuf_free(&v);
}

/* ------------------------------------------------------------------ */
/* Targets (for --vary checks and the variant files of front points)  */
/* ------------------------------------------------------------------ */

static bool
is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Applies the axes of 'cand' to a clone of 't'; NULL after a diagnostic. */
static eo_target *
apply_axes(eo_ctx *ctx, const eo_target *t, const eo_space *s,
           const uint32_t *cand)
{
    eo_target *c = eo_target_clone(t);
    if (!c)
        return NULL;
    eo_strbuf v = { 0 };
    for (size_t d = 0; d < eo_space_num_dims(s); d++) {
        if (!eo_space_dim_is_axis(s, d))
            continue;
        v.len = 0;
        eo_space_value_text(s, d, cand[d], &v);
        if (v.oom || !v.data ||
            eo_target_set_number(ctx, c, eo_space_dim_name(s, d) + 7,
                                 strtod(v.data, NULL)) != EO_OK) {
            eo_target_destroy(c);
            c = NULL;
            break;
        }
    }
    eo_strbuf_free(&v);
    return c;
}

/* Checks every value of every axis on the target (bad paths and values
 * are reported here, not as failed candidates). */
static bool
check_axes(eo_ctx *ctx, const eo_target *t, const eo_space *s)
{
    uint32_t *cand = calloc(eo_space_num_dims(s) + 1, sizeof *cand);
    if (!cand)
        return false;
    eo_space_default(s, cand);
    bool ok = true;
    for (size_t d = 0; ok && d < eo_space_num_dims(s); d++) {
        if (!eo_space_dim_is_axis(s, d))
            continue;
        uint32_t def = cand[d];
        for (uint32_t v = 0; ok && v < eo_space_dim_size(s, d); v++) {
            cand[d] = v;
            eo_target *c = apply_axes(ctx, t, s, cand);
            ok = c != NULL;
            eo_target_destroy(c);
        }
        cand[d] = def;
    }
    free(cand);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Progress                                                            */
/* ------------------------------------------------------------------ */

static volatile sig_atomic_t got_signal;

static void
on_signal(int sig)
{
    got_signal = sig;
}

/* What the tool keeps per candidate looked at (the outcome, whose
 * objectives the search result has only for the searched ones). */
typedef struct record {
    eo_eval_status status;
    double obj[EO_NUM_OBJECTIVES];
    char *message;              /* NULL when "" */
} record;

typedef struct run_state {
    eo_ctx *ctx;
    const options *o;
    const eo_search_opts *so;
    uint64_t budget;            /* min(budget, space size) */
    record *recs;
    size_t nrecs, cap;
    bool oom;
    size_t failed;
    /* Current non-dominated feasible points (indices into res). */
    size_t *front;
    size_t nfront;
    double box_lo[EO_NUM_OBJECTIVES], box_hi[EO_NUM_OBJECTIVES];
    bool box_set;
    double start, last_draw, last_log;
    size_t next_log;
    bool tty, drawn, timed_out;
    bool unbounded;             /* only --time limits the search */
    double hv;                  /* last computed, NAN before */
} run_state;

/* a dominates b (minimization) over k objectives. */
static bool
dominates(const double *a, const double *b, size_t k)
{
    bool better = false;
    for (size_t i = 0; i < k; i++) {
        if (a[i] > b[i])
            return false;
        better |= a[i] < b[i];
    }
    return better;
}

/* Adds feasible point idx of res to the running front. */
static void
front_add(run_state *rs, const eo_search_result *res, size_t idx)
{
    size_t k = res->k;
    const double *p = res->obj + idx * k;
    for (size_t i = 0; i < rs->nfront; i++)
        if (dominates(res->obj + rs->front[i] * k, p, k))
            return;
    size_t w = 0;
    for (size_t i = 0; i < rs->nfront; i++)
        if (!dominates(p, res->obj + rs->front[i] * k, k))
            rs->front[w++] = rs->front[i];
    rs->nfront = w;
    rs->front[rs->nfront++] = idx;
}

/* Hypervolume of the running front, normalized to the box of the
 * feasible points evaluated (reference 1.1 in each objective, divided by
 * the reference box: a value in [0, 1]). */
static double
front_hv(run_state *rs, const eo_search_result *res)
{
    size_t k = res->k;
    if (!rs->nfront || !rs->box_set)
        return NAN;
    double *pts = malloc(rs->nfront * k * sizeof *pts);
    if (!pts)
        return NAN;
    for (size_t i = 0; i < rs->nfront; i++) {
        for (size_t j = 0; j < k; j++) {
            double span = rs->box_hi[j] - rs->box_lo[j];
            double v = res->obj[rs->front[i] * k + j] - rs->box_lo[j];
            pts[i * k + j] = span > 0 ? v / span : 0;
        }
    }
    double hv = NAN, ref[EO_NUM_OBJECTIVES] = { 1.1, 1.1, 1.1 };
    if (k == 1)
        hv = (1.1 - pts[0]) / 1.1;
    else if (eo_pareto_hypervolume(rs->ctx, pts, rs->nfront, k, ref, &hv) ==
             EO_OK)
        hv /= pow(1.1, (double)k);
    free(pts);
    return hv;
}

static void
format_duration(char *buf, size_t n, double s)
{
    if (!isfinite(s) || s < 0)
        snprintf(buf, n, "?");
    else if (s >= 3600)
        snprintf(buf, n, "%d:%02d:%02d", (int)(s / 3600),
                 (int)fmod(s / 60, 60), (int)fmod(s, 60));
    else
        snprintf(buf, n, "%d:%02d", (int)(s / 60), (int)fmod(s, 60));
}

/* The progress line (without a line end). */
static void
progress_text(run_state *rs, size_t done, char *buf, size_t n)
{
    double el = now_s() - rs->start;
    double rate = el > 0 ? (double)done / el : 0;
    double eta = rate > 0 ? (double)(rs->budget - done) / rate : NAN;
    if (rs->o->time_limit > 0) {
        double left = rs->o->time_limit - el;
        if (!(eta <= left))
            eta = left > 0 ? left : 0;
    }
    char e[32], t[32];
    format_duration(e, sizeof e, eta);
    format_duration(t, sizeof t, el);
    char hv[48] = "-";
    if (rs->so->num_objectives == 1 && rs->box_set) {
        /* One objective: the best value says more. */
        eo_strbuf b = { 0 };
        eo_objective o = rs->so->objectives[0];
        format_value(&b, rs->box_lo[0], pick_unit(o, rs->box_lo[0]));
        snprintf(hv, sizeof hv, "- (best %s %s)", eo_objective_name(o),
                 b.data ? b.data : "?");
        eo_strbuf_free(&b);
    } else if (isfinite(rs->hv)) {
        snprintf(hv, sizeof hv, "%.4f", rs->hv);
    }
    char of[32] = "";
    if (!rs->unbounded)
        snprintf(of, sizeof of, "/%" PRIu64, rs->budget);
    snprintf(buf, n, "%zu%s candidates, %.1f eval/s, %s elapsed, ETA %s, "
             "front %zu, hypervolume %s, %zu failed", done, of, rate, t, e,
             rs->nfront, hv, rs->failed);
}

/* Draws the bar (on a terminal) or writes a log line for 'done'. */
static void
progress_draw(run_state *rs, const eo_search_result *res, size_t done,
              double t)
{
    char line[256];
    rs->hv = front_hv(rs, res);
    progress_text(rs, done, line, sizeof line);
    if (!rs->tty) {
        fprintf(stderr, TOOL ": %s\n", line);
        rs->last_log = t;
        return;
    }
    double frac = rs->unbounded ? (t - rs->start) / rs->o->time_limit
                                : (double)done / (double)rs->budget;
    size_t fill = frac > 0 ? (size_t)(20.0 * (frac < 1 ? frac : 1)) : 0;
    char bar[21];
    for (size_t b = 0; b < 20; b++)
        bar[b] = b < fill ? '#' : '.';
    bar[20] = '\0';
    fprintf(stderr, "\r[%s] %s\033[K", bar, line);
    rs->drawn = true;
    rs->last_draw = t;
}

/* Ends the progress bar's line with the final state (before other
 * output). */
static void
progress_end(run_state *rs, const eo_search_result *res)
{
    if (rs->drawn) {
        progress_draw(rs, res, rs->nrecs, now_s());
        fputs("\n", stderr);
        rs->drawn = false;
    }
}

static bool
progress(void *ud, const eo_search_result *res, size_t idx,
         const eo_eval_outcome *out)
{
    run_state *rs = ud;
    if (idx >= rs->cap) {
        size_t cap = rs->cap ? rs->cap * 2 : 256;
        while (cap <= idx)
            cap *= 2;
        record *r = realloc(rs->recs, cap * sizeof *r);
        size_t *f = realloc(rs->front, cap * sizeof *f);
        if (r)
            rs->recs = r;
        if (f)
            rs->front = f;
        if (!r || !f) {
            rs->oom = true;
            return false;
        }
        memset(rs->recs + rs->cap, 0, (cap - rs->cap) * sizeof *r);
        rs->cap = cap;
    }
    record *r = &rs->recs[idx];
    r->status = out->status;
    memcpy(r->obj, out->obj, sizeof r->obj);
    free(r->message);
    r->message = NULL;
    if (out->message[0]) {
        size_t n = strnlen(out->message, sizeof out->message);
        r->message = malloc(n + 1);
        if (r->message) {
            memcpy(r->message, out->message, n);
            r->message[n] = '\0';
        }
    }
    if (idx + 1 > rs->nrecs)
        rs->nrecs = idx + 1;
    if (out->status != EO_EVAL_OK)
        rs->failed++;
    if (res->viol[idx] == 0) {
        const double *p = res->obj + idx * res->k;
        for (size_t j = 0; j < res->k; j++) {
            if (!rs->box_set || p[j] < rs->box_lo[j])
                rs->box_lo[j] = p[j];
            if (!rs->box_set || p[j] > rs->box_hi[j])
                rs->box_hi[j] = p[j];
        }
        rs->box_set = true;
        front_add(rs, res, idx);
    }
    size_t done = idx + 1;
    double t = now_s();
    if (!rs->o->quiet) {
        bool last = done >= rs->budget;
        if (rs->tty && (t - rs->last_draw >= 0.1 || last)) {
            progress_draw(rs, res, done, t);
        } else if (!rs->tty && ((done >= rs->next_log &&
                                 t - rs->last_log >= 1) ||
                                t - rs->last_log >= 10 || last)) {
            progress_draw(rs, res, done, t);
            while (rs->next_log <= done)
                rs->next_log += rs->budget / 10 ? rs->budget / 10 : 1;
        }
    }
    if (got_signal)
        return false;
    if (rs->o->time_limit > 0 && t - rs->start >= rs->o->time_limit) {
        rs->timed_out = true;
        return false;
    }
    return true;
}

/* Candidates the progress callback did not see (the rest of the batch
 * in flight when it stopped the search): their outcomes from the
 * database, else from the search result (the searched objectives). */
static bool
fill_records(run_state *rs, const eo_search_result *res, const eo_space *s,
             eo_resdb *db, const eo_eval_key *key)
{
    if (res->count <= rs->nrecs)
        return true;
    if (res->count > rs->cap) {
        record *g = realloc(rs->recs, res->count * sizeof *g);
        if (!g) {
            fprintf(stderr, TOOL ": error: out of memory\n");
            return false;
        }
        memset(g + rs->cap, 0, (res->count - rs->cap) * sizeof *g);
        rs->recs = g;
        rs->cap = res->count;
    }
    record *r = rs->recs;
    eo_strbuf a = { 0 };
    for (size_t i = rs->nrecs; i < res->count; i++) {
        eo_eval_outcome o;
        bool found = false;
        a.len = 0;
        if (db && eo_space_format(s, res->cands + i * res->ndims, &a) ==
                      EO_OK && !a.oom &&
            eo_resdb_get(db, key, a.data, &found, &o) != EO_OK)
            found = false;
        if (!found) {
            memset(&o, 0, sizeof o);
            o.status = isinf(res->viol[i]) ? EO_EVAL_FAILED : EO_EVAL_OK;
            for (int m = 0; m < EO_NUM_OBJECTIVES; m++)
                o.obj[m] = NAN;
            for (size_t m = 0; m < res->k && o.status == EO_EVAL_OK; m++)
                o.obj[rs->so->objectives[m]] = res->obj[i * res->k + m];
        }
        free(r[i].message);
        memset(&r[i], 0, sizeof r[i]);
        r[i].status = o.status;
        memcpy(r[i].obj, o.obj, sizeof r[i].obj);
        if (o.message[0]) {
            size_t n = strnlen(o.message, sizeof o.message);
            r[i].message = malloc(n + 1);
            if (r[i].message) {
                memcpy(r[i].message, o.message, n);
                r[i].message[n] = '\0';
            }
        }
        rs->failed += o.status != EO_EVAL_OK;
        free(o.discovered);         /* the space already holds them */
    }
    eo_strbuf_free(&a);
    rs->nrecs = res->count;
    return true;
}

/* In-process evaluation (--jobs 0). */
typedef struct inproc {
    eo_evaluator *ev;
    const eo_space *space;
} inproc;

static eo_status
evaluate_inproc(void *ud, const uint32_t *cand, const char *assignment,
                eo_eval_outcome *out)
{
    inproc *ip = ud;
    (void)assignment;
    return eo_evaluator_run(ip->ev, ip->space, cand, out, NULL);
}

/* ------------------------------------------------------------------ */
/* Results                                                             */
/* ------------------------------------------------------------------ */

/* Front indices sorted by the searched objectives, then by the number
 * of dimensions off their defaults (the simplest first), then by index. */
static const eo_search_result *sort_res;
static const eo_space *sort_space;

static size_t
off_defaults(const eo_space *s, const uint32_t *cand)
{
    size_t n = 0;
    for (size_t d = 0; d < eo_space_num_dims(s); d++)
        n += cand[d] != eo_space_dim_default(s, d);
    return n;
}

static int
cmp_front(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b, k = sort_res->k;
    for (size_t m = 0; m < k; m++) {
        double x = sort_res->obj[i * k + m], y = sort_res->obj[j * k + m];
        if (x != y)
            return x < y ? -1 : 1;
    }
    size_t ni = off_defaults(sort_space, sort_res->cands + i * sort_res->ndims);
    size_t nj = off_defaults(sort_space, sort_res->cands + j * sort_res->ndims);
    if (ni != nj)
        return ni < nj ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* "name=value ..." for the dimensions of 'cand' off their defaults,
 * cut at 'width' characters with "(+N more)". */
static void
knob_diff(const eo_space *s, const uint32_t *cand, size_t width,
          eo_strbuf *out)
{
    eo_strbuf v = { 0 };
    size_t start = out->len, more = 0;
    for (size_t d = 0; d < eo_space_num_dims(s); d++) {
        if (cand[d] == eo_space_dim_default(s, d))
            continue;
        v.len = 0;
        eo_space_value_text(s, d, cand[d], &v);
        size_t add = strlen(eo_space_dim_name(s, d)) + 2 +
                     (v.data ? v.len : 0);
        if (width && out->len - start + add > width) {
            more++;
            continue;
        }
        eo_strbuf_printf(out, "%s%s=%s", out->len > start ? " " : "",
                         eo_space_dim_name(s, d), v.data ? v.data : "");
    }
    if (out->len == start && !more)
        eo_strbuf_puts(out, "(default)");
    if (more)
        eo_strbuf_printf(out, "%s(+%zu more)", out->len > start ? " " : "",
                         more);
    eo_strbuf_free(&v);
}

/* Prints the Pareto table (rows: sorted front). */
static void
print_table(const run_state *rs, const eo_space *s,
            const eo_search_result *res, const size_t *front, size_t nf)
{
    const eo_search_opts *so = rs->so;
    unit_scale u[EO_NUM_OBJECTIVES];
    for (size_t m = 0; m < so->num_objectives; m++) {
        double mx = 0;
        for (size_t i = 0; i < nf; i++) {
            double v = rs->recs[front[i]].obj[so->objectives[m]];
            if (isfinite(v) && v > mx)
                mx = v;
        }
        u[m] = pick_unit(so->objectives[m], mx);
    }
    printf("%4s", "#");
    for (size_t m = 0; m < so->num_objectives; m++)
        printf("  %12s", eo_objective_name(so->objectives[m]));
    printf("  knobs (off their defaults)\n");
    /* Rows with the same objectives as the row above are counted, not
     * shown (the files list them all). */
    eo_strbuf b = { 0 };
    for (size_t i = 0; i < nf;) {
        size_t same = 1;
        while (i + same < nf &&
               memcmp(rs->recs[front[i]].obj, rs->recs[front[i + same]].obj,
                      sizeof rs->recs[0].obj) == 0)
            same++;
        printf("%4zu", i + 1);
        for (size_t m = 0; m < so->num_objectives; m++) {
            b.len = 0;
            format_value(&b, rs->recs[front[i]].obj[so->objectives[m]],
                         u[m]);
            printf("  %12s", b.data ? b.data : "");
        }
        b.len = 0;
        knob_diff(s, res->cands + front[i] * res->ndims, DIFF_WIDTH, &b);
        printf("  %s\n", b.data ? b.data : "");
        if (same == 2)
            printf("%4s  (#%zu: the same objectives)\n", "", i + 2);
        else if (same > 2)
            printf("%4s  (#%zu-#%zu: the same objectives)\n", "", i + 2,
                   i + same);
        i += same;
    }
    eo_strbuf_free(&b);
}

/* Why the table is empty. */
static void
print_no_front(const run_state *rs, const options *o)
{
    size_t ok = 0;
    const char *first = NULL;
    for (size_t i = 0; i < rs->nrecs; i++) {
        ok += rs->recs[i].status == EO_EVAL_OK;
        if (!first && rs->recs[i].status != EO_EVAL_OK)
            first = rs->recs[i].message ? rs->recs[i].message : "";
    }
    if (!rs->nrecs) {
        printf("no candidate was evaluated\n");
    } else if (ok && o->constraints.n) {
        printf("no candidate meets the constraints (");
        for (size_t i = 0; i < o->constraints.n; i++)
            printf("%s%s", i ? ", " : "", o->constraints.v[i]);
        printf(")\n");
    } else if (!ok) {
        printf("every candidate failed; the first: %s\n", first);
    } else {
        printf("no candidate has every objective searched\n");
    }
}

/* The knob file of one candidate: a JSON object name -> value (what
 * edge-opt --knobs reads); target axes are left out. */
static void
knob_file(const space_info *si, const uint32_t *cand, eo_strbuf *out)
{
    const eo_space *s = si->space;
    eo_strbuf v = { 0 };
    bool first = true;
    eo_strbuf_puts(out, "{");
    for (size_t d = 0; d < eo_space_num_dims(s); d++) {
        if (si->kinds[d] == DIM_AXIS)
            continue;
        /* As in eo_space_knob_lines: an inactive knob would be an
         * assignment edge-opt rejects as unused. */
        if (eo_space_dim_is_conditional(s, d) &&
            cand[d] == eo_space_dim_default(s, d))
            continue;
        v.len = 0;
        eo_space_value_text(s, d, cand[d], &v);
        if (v.oom || !v.data) {
            out->oom = true;
            break;
        }
        char *t = v.data;
        eo_strbuf_puts(out, first ? "\n  " : ",\n  ");
        first = false;
        json_string(out, eo_space_dim_name(s, d));
        eo_strbuf_puts(out, ": ");
        if (si->kinds[d] == DIM_BOOL)
            eo_strbuf_puts(out, strcmp(t, "true") == 0 ||
                                strcmp(t, "1") == 0 ? "true" : "false");
        else if (si->kinds[d] == DIM_INT)
            eo_strbuf_puts(out, t);
        else if (v.len >= 2 && t[0] == '"' && t[v.len - 1] == '"') {
            /* An enum name the canonical form quotes (no '"' inside). */
            t[v.len - 1] = '\0';
            json_string(out, t + 1);
        } else {
            json_string(out, t);
        }
    }
    eo_strbuf_puts(out, first ? "}\n" : "\n}\n");
    eo_strbuf_free(&v);
}

static const char *
status_name(eo_eval_status s)
{
    return s == EO_EVAL_OK ? "ok" : s == EO_EVAL_FAILED ? "failed"
                                                        : "timeout";
}

typedef struct out_ctx {
    eo_ctx *ctx;
    const options *o;
    const space_info *si;
    const eo_search_opts *so;
    const eo_search_result *res;
    const run_state *rs;
    const size_t *front;        /* sorted */
    size_t nf;
    eo_evaluator *ev;
    const eo_target *target;    /* for the variant files, may be NULL */
} out_ctx;

static bool
write_path(const char *dir, const char *name, const eo_strbuf *b)
{
    eo_strbuf p = { 0 };
    eo_strbuf_printf(&p, "%s/%s", dir, name);
    bool ok = !p.oom && write_file(p.data, b);
    eo_strbuf_free(&p);
    return ok;
}

/* pareto.csv / all.csv: one row per candidate of 'idx' (NULL: all). */
static void
csv_rows(const out_ctx *oc, const size_t *idx, size_t n, bool all,
         eo_strbuf *b)
{
    const eo_search_result *res = oc->res;
    eo_strbuf_puts(b, all ? "index,status,message,feasible,front,"
                            "latency_s,energy_j,memory_b,assignment\n"
                          : "rank,index,latency_s,energy_j,memory_b,"
                            "assignment\n");
    eo_strbuf a = { 0 };
    for (size_t r = 0; r < n; r++) {
        size_t i = idx ? idx[r] : r;
        const record *rec = &oc->rs->recs[i];
        a.len = 0;
        if (eo_space_format(oc->si->space, res->cands + i * res->ndims,
                            &a) != EO_OK)
            a.oom = true;
        if (all) {
            bool on_front = false;
            for (size_t f = 0; f < oc->nf; f++)
                on_front |= oc->front[f] == i;
            eo_strbuf_printf(b, "%zu,%s,", i, status_name(rec->status));
            csv_field(b, rec->message ? rec->message : "");
            eo_strbuf_printf(b, ",%d,%d", res->viol[i] == 0, on_front);
        } else {
            eo_strbuf_printf(b, "%zu,%zu", r + 1, i);
        }
        for (int m = 0; m < EO_NUM_OBJECTIVES; m++) {
            eo_strbuf_puts(b, ",");
            csv_number(b, rec->obj[m]);
        }
        eo_strbuf_puts(b, ",");
        csv_field(b, a.data ? a.data : "");
        eo_strbuf_puts(b, "\n");
    }
    if (a.oom)
        b->oom = true;
    eo_strbuf_free(&a);
}

/* Writes every output file under --out. */
static bool
write_outputs(const out_ctx *oc, const eo_report_info *ri)
{
    const char *dir = oc->o->out;
    const eo_search_result *res = oc->res;
    const eo_space *s = oc->si->space;
    const eo_eval_key *key = eo_evaluator_key(oc->ev);
    eo_strbuf pdir = { 0 };
    eo_strbuf_printf(&pdir, "%s/points", dir);
    if (pdir.oom || !make_dirs(pdir.data)) {
        eo_strbuf_free(&pdir);
        return false;
    }
    eo_strbuf_free(&pdir);
    bool ok = true;
    eo_strbuf b = { 0 };
    csv_rows(oc, oc->front, oc->nf, false, &b);
    ok &= write_path(dir, "pareto.csv", &b);
    b.len = 0;
    csv_rows(oc, NULL, oc->rs->nrecs < res->count ? oc->rs->nrecs
                                                   : res->count, true, &b);
    ok &= write_path(dir, "all.csv", &b);

    /* pareto.json and the point files. */
    b.len = 0;
    eo_strbuf_puts(&b, "{\n  \"model\": ");
    json_string(&b, oc->o->model);
    eo_strbuf_puts(&b, ",\n  \"target\": ");
    json_string(&b, oc->o->target);
    eo_strbuf_puts(&b, ",\n  \"model_hash\": ");
    json_string(&b, key->model_hash);
    eo_strbuf_puts(&b, ",\n  \"target_hash\": ");
    json_string(&b, key->target_hash);
    eo_strbuf_puts(&b, ",\n  \"pipeline\": ");
    json_string(&b, key->pipeline);
    eo_strbuf_puts(&b, ",\n  \"evaluator\": ");
    json_string(&b, key->evaluator);
    eo_strbuf_puts(&b, ",\n  \"algorithm\": ");
    json_string(&b, eo_search_algo_name(oc->so->algo));
    eo_strbuf_printf(&b, ",\n  \"seed\": %" PRIu64 ",\n  \"objectives\": [",
                     oc->so->seed);
    for (size_t m = 0; m < oc->so->num_objectives; m++) {
        eo_strbuf_puts(&b, m ? ", " : "");
        json_string(&b, eo_objective_name(oc->so->objectives[m]));
    }
    eo_strbuf_printf(&b, "],\n  \"candidates\": %zu,\n  \"evaluated\": %"
                     PRIu64 ",\n  \"reused\": %" PRIu64 ",\n  \"points\": [",
                     res->count, res->evaluated, res->reused);
    eo_strbuf a = { 0 }, kf = { 0 }, name = { 0 };
    bool has_axes = false;
    for (size_t d = 0; d < eo_space_num_dims(s); d++)
        has_axes |= eo_space_dim_is_axis(s, d);
    for (size_t r = 0; r < oc->nf; r++) {
        size_t i = oc->front[r];
        const uint32_t *cand = res->cands + i * res->ndims;
        const record *rec = &oc->rs->recs[i];
        a.len = 0;
        if (eo_space_format(s, cand, &a) != EO_OK)
            ok = false;
        /* The assignment the pipeline used (inactive conditional knobs
         * left out, values of changed domains as used), so that edge-opt
         * --knobs replays exactly this candidate; the candidate's own
         * values if it does not compile now. */
        kf.len = 0;
        eo_eval_outcome used_out = { .status = EO_EVAL_FAILED };
        if (!oc->ev ||
            eo_evaluator_run_used(oc->ev, s, cand, &used_out, NULL, &kf) !=
                EO_OK ||
            used_out.status != EO_EVAL_OK || !kf.len) {
            free(used_out.discovered);
            used_out.discovered = NULL;
            kf.len = 0;
            knob_file(oc->si, cand, &kf);
        }
        free(used_out.discovered);
        name.len = 0;
        eo_strbuf_printf(&name, "points/point_%zu.json", r + 1);
        ok &= write_path(dir, name.data ? name.data : "", &kf);
        eo_strbuf_puts(&b, r ? ",\n    {" : "\n    {");
        eo_strbuf_printf(&b, "\"rank\": %zu, \"index\": %zu, \"knobs\": ",
                         r + 1, i);
        json_string(&b, name.data ? name.data : "");
        if (has_axes) {
            name.len = 0;
            eo_strbuf_printf(&name, "points/point_%zu.target.json", r + 1);
            eo_strbuf_puts(&b, ", \"target\": ");
            json_string(&b, name.data ? name.data : "");
            eo_target *t = oc->target ? apply_axes(oc->ctx, oc->target, s,
                                                   cand)
                                      : NULL;
            if (t) {
                kf.len = 0;
                eo_target_to_json(t, &kf);
                ok &= write_path(dir, name.data ? name.data : "", &kf);
                eo_target_destroy(t);
            } else {
                ok = false;
            }
        }
        for (int m = 0; m < EO_NUM_OBJECTIVES; m++) {
            eo_strbuf_printf(&b, ", \"%s\": ", eo_objective_name(m));
            json_number(&b, rec->obj[m]);
        }
        eo_strbuf_puts(&b, ", \"assignment\": ");
        json_string(&b, a.data ? a.data : "");
        eo_strbuf_puts(&b, "}");
    }
    eo_strbuf_puts(&b, oc->nf ? "\n  ]\n}\n" : "]\n}\n");
    ok &= write_path(dir, "pareto.json", &b);
    eo_strbuf_free(&a);
    eo_strbuf_free(&kf);
    eo_strbuf_free(&name);
    eo_strbuf_free(&b);

    eo_strbuf p = { 0 };
    eo_strbuf_printf(&p, "%s/front.svg", dir);
    if (p.oom || eo_report_write_svg(oc->ctx, ri, p.data) != EO_OK)
        ok = false;
    p.len = 0;
    eo_strbuf_printf(&p, "%s/report.html", dir);
    if (p.oom || eo_report_write_html(oc->ctx, ri, p.data) != EO_OK)
        ok = false;
    eo_strbuf_free(&p);
    return ok;
}

/* ------------------------------------------------------------------ */
/* show / export                                                       */
/* ------------------------------------------------------------------ */

typedef struct db_run {
    char *model, *target, *pipeline, *evaluator;
    int64_t count;
} db_run;

/* Every (model, target, pipeline, evaluator) key of the database, in
 * order of first record. Reports and returns false on errors. */
static bool
list_runs(const char *path, db_run **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    bool ok = false;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
        goto done;
    sqlite3_busy_timeout(db, 2000);
    if (sqlite3_prepare_v2(db, "SELECT model_hash, target_hash, pipeline, "
                           "evaluator, COUNT(*) FROM evaluations GROUP BY "
                           "model_hash, target_hash, pipeline, evaluator "
                           "ORDER BY MIN(id)", -1, &st, NULL) != SQLITE_OK)
        goto done;
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 8;
            db_run *r = realloc(*out, cap * sizeof *r);
            if (!r)
                goto done;
            *out = r;
        }
        db_run *r = &(*out)[*n];
        memset(r, 0, sizeof *r);
        (*n)++;
        char **f[4] = { &r->model, &r->target, &r->pipeline, &r->evaluator };
        for (int c = 0; c < 4; c++) {
            const unsigned char *t = sqlite3_column_text(st, c);
            size_t len = t ? strlen((const char *)t) : 0;
            *f[c] = malloc(len + 1);
            if (!*f[c])
                goto done;
            memcpy(*f[c], t ? (const char *)t : "", len + 1);
        }
        r->count = sqlite3_column_int64(st, 4);
    }
    ok = rc == SQLITE_DONE;
done:
    if (!ok)
        fprintf(stderr, TOOL ": error: %s: %s\n", path,
                db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ok;
}

static void
free_runs(db_run *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(r[i].model);
        free(r[i].target);
        free(r[i].pipeline);
        free(r[i].evaluator);
    }
    free(r);
}

/* Records of one run. */
typedef struct db_rec {
    char *assignment;
    eo_eval_outcome o;
} db_rec;

typedef struct rec_list {
    db_rec *v;
    size_t n, cap;
    bool oom;
} rec_list;

static bool
collect_rec(const char *assignment, const eo_eval_outcome *o, void *ud)
{
    rec_list *l = ud;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        db_rec *v = realloc(l->v, cap * sizeof *v);
        if (!v) {
            l->oom = true;
            return false;
        }
        l->v = v;
        l->cap = cap;
    }
    size_t len = strlen(assignment);
    char *a = malloc(len + 1);
    if (!a) {
        l->oom = true;
        return false;
    }
    memcpy(a, assignment, len + 1);
    l->v[l->n].assignment = a;
    l->v[l->n].o = *o;
    l->n++;
    return true;
}

static void
free_recs(rec_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].assignment);
    free(l->v);
    memset(l, 0, sizeof *l);
}

static bool
load_recs(eo_resdb *db, const db_run *r, rec_list *l)
{
    eo_eval_key key = { r->model, r->target, r->pipeline, r->evaluator };
    memset(l, 0, sizeof *l);
    if (eo_resdb_foreach(db, &key, collect_rec, l) != EO_OK)
        return false;
    if (l->oom)
        fprintf(stderr, TOOL ": error: out of memory\n");
    return !l->oom;
}

static bool
rec_complete(const db_rec *r)
{
    if (r->o.status != EO_EVAL_OK)
        return false;
    for (int m = 0; m < EO_NUM_OBJECTIVES; m++)
        if (!isfinite(r->o.obj[m]))
            return false;
    return true;
}

static void
print_objs(const double *obj, const unit_scale *u)
{
    eo_strbuf b = { 0 };
    for (int m = 0; m < EO_NUM_OBJECTIVES; m++) {
        b.len = 0;
        format_value(&b, obj[m], u[m]);
        printf("  %12s", b.data ? b.data : "");
    }
    eo_strbuf_free(&b);
}

static int
show_db(eo_ctx *ctx, const char *path)
{
    eo_resdb *db = NULL;
    if (eo_resdb_open(ctx, path, &db) != EO_OK)
        return 1;
    db_run *runs = NULL;
    size_t nr = 0;
    int64_t total = 0;
    int rc = 1;
    if (!list_runs(path, &runs, &nr) ||
        eo_resdb_count(db, NULL, &total) != EO_OK)
        goto done;
    printf("%s: %zu run%s, %" PRId64 " evaluation%s\n", path, nr,
           nr == 1 ? "" : "s", total, total == 1 ? "" : "s");
    for (size_t r = 0; r < nr; r++) {
        rec_list l;
        if (!load_recs(db, &runs[r], &l)) {
            free_recs(&l);
            goto done;
        }
        size_t ok = 0, failed = 0, timeout = 0;
        size_t *front = malloc((l.n + 1) * sizeof *front), nf = 0;
        if (!front) {
            free_recs(&l);
            goto done;
        }
        unit_scale u[EO_NUM_OBJECTIVES];
        double mx[EO_NUM_OBJECTIVES] = { 0, 0, 0 };
        for (size_t i = 0; i < l.n; i++) {
            const db_rec *e = &l.v[i];
            ok += e->o.status == EO_EVAL_OK;
            failed += e->o.status == EO_EVAL_FAILED;
            timeout += e->o.status == EO_EVAL_TIMEOUT;
            if (!rec_complete(e))
                continue;
            for (int m = 0; m < EO_NUM_OBJECTIVES; m++)
                mx[m] = e->o.obj[m] > mx[m] ? e->o.obj[m] : mx[m];
            bool dom = false;
            for (size_t f = 0; f < nf && !dom; f++)
                dom = dominates(l.v[front[f]].o.obj, e->o.obj,
                                EO_NUM_OBJECTIVES);
            if (dom)
                continue;
            size_t w = 0;
            for (size_t f = 0; f < nf; f++)
                if (!dominates(e->o.obj, l.v[front[f]].o.obj,
                               EO_NUM_OBJECTIVES))
                    front[w++] = front[f];
            nf = w;
            front[nf++] = i;
        }
        for (int m = 0; m < EO_NUM_OBJECTIVES; m++)
            u[m] = pick_unit((eo_objective)m, mx[m]);
        printf("\nrun %zu: model %s, target %s, evaluator %s\n"
               "  pipeline: %s\n"
               "  %zu evaluations: %zu ok, %zu failed, %zu timed out\n",
               r + 1, runs[r].model, runs[r].target, runs[r].evaluator,
               runs[r].pipeline, l.n, ok, failed, timeout);
        if (nf) {
            printf("  front (latency, energy, memory): %zu point%s\n", nf,
                   nf == 1 ? "" : "s");
            printf("  %6s", "#");
            for (int m = 0; m < EO_NUM_OBJECTIVES; m++)
                printf("  %12s", eo_objective_name((eo_objective)m));
            printf("\n");
            sort_res = NULL;
            /* Sort by latency, then energy, memory (insertion sort: the
             * front is small). */
            for (size_t a = 1; a < nf; a++) {
                size_t x = front[a], b = a;
                while (b > 0) {
                    const double *p = l.v[front[b - 1]].o.obj;
                    const double *q = l.v[x].o.obj;
                    int c = 0;
                    for (int m = 0; m < EO_NUM_OBJECTIVES && !c; m++)
                        c = p[m] < q[m] ? -1 : p[m] > q[m];
                    if (c <= 0)
                        break;
                    front[b] = front[b - 1];
                    b--;
                }
                front[b] = x;
            }
            for (size_t f = 0; f < nf; f++) {
                printf("  %6zu", front[f] + 1);
                print_objs(l.v[front[f]].o.obj, u);
                printf("\n");
            }
            for (int m = 0; m < EO_NUM_OBJECTIVES; m++) {
                size_t best = front[0];
                for (size_t f = 1; f < nf; f++)
                    if (l.v[front[f]].o.obj[m] < l.v[best].o.obj[m])
                        best = front[f];
                printf("  best %-8s #%zu:", eo_objective_name(m), best + 1);
                print_objs(l.v[best].o.obj, u);
                printf("\n    %s\n", l.v[best].assignment);
            }
        }
        free(front);
        free_recs(&l);
    }
    rc = fflush(stdout) == 0 ? 0 : 1;
done:
    free_runs(runs, nr);
    eo_resdb_close(db);
    return rc;
}

static int
export_db(eo_ctx *ctx, const char *path, const char *format,
          const char *out)
{
    bool csv = strcmp(format, "csv") == 0;
    eo_resdb *db = NULL;
    if (eo_resdb_open(ctx, path, &db) != EO_OK)
        return 1;
    db_run *runs = NULL;
    size_t nr = 0;
    int rc = 1;
    eo_strbuf b = { 0 };
    if (!list_runs(path, &runs, &nr))
        goto done;
    if (csv)
        eo_strbuf_puts(&b, "run,index,model_hash,target_hash,pipeline,"
                           "evaluator,assignment,status,message,latency_s,"
                           "energy_j,memory_b,wall_s,timestamp\n");
    else
        eo_strbuf_puts(&b, "{\"runs\": [");
    for (size_t r = 0; r < nr; r++) {
        rec_list l;
        if (!load_recs(db, &runs[r], &l)) {
            free_recs(&l);
            goto done;
        }
        if (!csv) {
            eo_strbuf_puts(&b, r ? ",\n {" : "\n {");
            eo_strbuf_puts(&b, "\"model_hash\": ");
            json_string(&b, runs[r].model);
            eo_strbuf_puts(&b, ", \"target_hash\": ");
            json_string(&b, runs[r].target);
            eo_strbuf_puts(&b, ", \"pipeline\": ");
            json_string(&b, runs[r].pipeline);
            eo_strbuf_puts(&b, ", \"evaluator\": ");
            json_string(&b, runs[r].evaluator);
            eo_strbuf_puts(&b, ",\n  \"evaluations\": [");
        }
        for (size_t i = 0; i < l.n; i++) {
            const db_rec *e = &l.v[i];
            if (csv) {
                eo_strbuf_printf(&b, "%zu,%zu,", r + 1, i + 1);
                const char *f[4] = { runs[r].model, runs[r].target,
                                     runs[r].pipeline, runs[r].evaluator };
                for (int c = 0; c < 4; c++) {
                    csv_field(&b, f[c]);
                    eo_strbuf_puts(&b, ",");
                }
                csv_field(&b, e->assignment);
                eo_strbuf_printf(&b, ",%s,", status_name(e->o.status));
                csv_field(&b, e->o.message);
                for (int m = 0; m < EO_NUM_OBJECTIVES; m++) {
                    eo_strbuf_puts(&b, ",");
                    csv_number(&b, e->o.obj[m]);
                }
                eo_strbuf_puts(&b, ",");
                csv_number(&b, e->o.wall_s);
                eo_strbuf_printf(&b, ",%" PRId64 "\n", e->o.timestamp);
                continue;
            }
            eo_strbuf_printf(&b, "%s\n   {\"index\": %zu, \"assignment\": ",
                             i ? "," : "", i + 1);
            json_string(&b, e->assignment);
            eo_strbuf_printf(&b, ", \"status\": \"%s\", \"message\": ",
                             status_name(e->o.status));
            json_string(&b, e->o.message);
            static const char *const keys[] = { "latency_s", "energy_j",
                                                "memory_b" };
            for (int m = 0; m < EO_NUM_OBJECTIVES; m++) {
                eo_strbuf_printf(&b, ", \"%s\": ", keys[m]);
                json_number(&b, e->o.obj[m]);
            }
            eo_strbuf_puts(&b, ", \"wall_s\": ");
            json_number(&b, e->o.wall_s);
            eo_strbuf_printf(&b, ", \"timestamp\": %" PRId64 "}",
                             e->o.timestamp);
        }
        if (!csv)
            eo_strbuf_puts(&b, l.n ? "\n  ]}" : "]}");
        free_recs(&l);
    }
    if (!csv)
        eo_strbuf_puts(&b, nr ? "\n]}\n" : "]}\n");
    if (b.oom) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        goto done;
    }
    if (out && strcmp(out, "-") != 0) {
        rc = write_file(out, &b) ? 0 : 1;
    } else {
        rc = fwrite(b.data ? b.data : "", 1, b.len, stdout) == b.len &&
             fflush(stdout) == 0 ? 0 : 1;
    }
done:
    eo_strbuf_free(&b);
    free_runs(runs, nr);
    eo_resdb_close(db);
    return rc;
}

/* edge-explore show DB / export DB --format F [-o FILE]. */
static int
subcommand(int argc, char **argv)
{
    bool show = strcmp(argv[1], "show") == 0;
    const char *db = NULL, *format = NULL, *out = NULL;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        const char *v = NULL;
        if (!show && (strcmp(a, "--format") == 0 || strcmp(a, "-o") == 0 ||
                      strcmp(a, "--output") == 0)) {
            slot = a[1] == 'o' ? &out : a[2] == 'f' ? &format : &out;
            if (i + 1 >= argc) {
                fprintf(stderr, TOOL ": error: %s needs a value\n", a);
                return 2;
            }
            v = argv[++i];
        } else if (!show && strncmp(a, "--format=", 9) == 0) {
            slot = &format;
            v = a + 9;
        } else if (!show && strncmp(a, "--output=", 9) == 0) {
            slot = &out;
            v = a + 9;
        } else if (strcmp(a, "--help") == 0) {
            print_help(stdout);
            return 0;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, TOOL ": error: unknown option '%s' for '%s' "
                    "(see " TOOL " --help)\n", a, argv[1]);
            return 2;
        } else if (db) {
            fprintf(stderr, TOOL ": error: more than one database ('%s' "
                    "and '%s')\n", db, a);
            return 2;
        } else {
            db = a;
            continue;
        }
        *slot = v;
    }
    if (!db) {
        fprintf(stderr, TOOL ": error: %s: no database given (" TOOL
                " %s <db>%s)\n", argv[1], argv[1],
                show ? "" : " --format=csv|json [-o <file>]");
        return 2;
    }
    if (!show && (!format || (strcmp(format, "csv") != 0 &&
                              strcmp(format, "json") != 0))) {
        fprintf(stderr, TOOL ": error: export: --format must be csv or "
                "json\n");
        return 2;
    }
    if (!is_file(db)) {
        fprintf(stderr, TOOL ": error: cannot open database '%s': %s\n", db,
                strerror(errno ? errno : ENOENT));
        return 1;
    }
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return 1;
    }
    eo_ctx_set_diag_handler(ctx, print_diag, ctx);
    int rc = show ? show_db(ctx, db) : export_db(ctx, db, format, out);
    eo_ctx_destroy(ctx);
    return rc;
}

/* ------------------------------------------------------------------ */
/* The exploration                                                     */
/* ------------------------------------------------------------------ */

/* The model's base name without the extension, for titles. */
static void
model_stem(const char *path, eo_strbuf *out)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    eo_strbuf_append(out, b, dot && dot != b ? (size_t)(dot - b)
                                              : strlen(b));
}

static int
explore(eo_ctx *ctx, options *o, int *argc, char ***argv)
{
    int rc = 1;
    bool mpi_on = false;
    int mpi_size = 1;
    eo_evaluator *ev = NULL;
    eo_target *target = NULL;
    space_info si = { 0 };
    eo_resdb *db = NULL;
    eo_workers *workers = NULL;
#ifdef EO_HAVE_MPI
    eo_mpi_pool *pool = NULL;
#endif
    eo_strbuf json = { 0 }, dbpath = { 0 };
    run_state rs = { 0 };
    eo_search_result res;
    memset(&res, 0, sizeof res);
    size_t *front = NULL;
    char **layers = NULL;
    size_t nlayers = 0;
    (void)argc;
    (void)argv;

    if (o->mpi && !o->space) {
#ifdef EO_HAVE_MPI
        if (eo_mpi_init(ctx, argc, argv, &mpi_rank, &mpi_size) != EO_OK)
            return 1;
        mpi_on = true;
        if (mpi_size < 2 && mpi_rank == 0) {
            fprintf(stderr, TOOL ": error: --mpi needs at least 2 ranks "
                    "(mpirun -np N with N >= 2)\n");
            goto done;
        }
#else
        fprintf(stderr, TOOL ": error: --mpi: this " TOOL " was built "
                "without MPI\n");
        return 1;
#endif
    }

    eo_evaluator_opts eo = { 0 };
    eo.model_path = o->model;
    eo.pipeline = o->pipeline;
    eo.target = o->target;
    if (o->measure || o->verify)
        eo.measure = eo_codegen_measure;
    eo.repeats = (unsigned)o->repeats;
    eo.verify = o->verify;
    eo.verify_ir = o->verify_ir;
    eo.no_prefix_cache = o->no_prefix_cache;
    eo.discover = !o->fixed_space;
    ev = eo_evaluator_create(ctx, &eo);
    if (!ev)
        goto done;
    if (eo_evaluator_discover(ev, &json) != EO_OK)
        goto done;
    if (json.oom) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        goto done;
    }
    int brc = build_space(ctx, o, json.data ? json.data : "", json.len, &si);
    if (brc) {
        rc = brc;
        goto done;
    }
    target = eo_target_load_named(ctx, o->target);
    if (!target || !check_axes(ctx, target, si.space))
        goto done;
    if (o->space && o->db && !grow_from_db(ctx, o->db, ev, &si))
        goto done;
    if (o->space) {
        print_space(&si);
        rc = fflush(stdout) == 0 ? 0 : 1;
        goto done;
    }

#ifdef EO_HAVE_MPI
    if (mpi_on && mpi_rank != 0) {
        rc = eo_mpi_serve(ctx, ev, si.space, o->timeout) == EO_OK ? 0 : 1;
        goto done;
    }
#endif

    /* The database. */
    if (o->db)
        eo_strbuf_puts(&dbpath, o->db);
    else if (o->out && make_dirs(o->out))
        eo_strbuf_printf(&dbpath, "%s/results.sqlite", o->out);
    else if (o->out)
        goto done;
    if (dbpath.oom)
        goto done;
    const eo_eval_key *key = eo_evaluator_key(ev);
    if (dbpath.data) {
        if (eo_resdb_open(ctx, dbpath.data, &db) != EO_OK)
            goto done;
        int64_t have = 0;
        if (eo_resdb_count(db, key, &have) != EO_OK)
            goto done;
        if (have > 0 && !o->resume) {
            fprintf(stderr, TOOL ": error: '%s' already holds %" PRId64
                    " evaluation%s of this model, target, pipeline and "
                    "evaluator; add --resume to continue from them (they "
                    "are reused, not repeated), or give another --db\n",
                    dbpath.data, have, have == 1 ? "" : "s");
            goto done;
        }
    }

    /* The search. */
    eo_search_opts *so = &o->search;
    uint64_t size = eo_space_size(si.space);
    if (!o->budget_set)
        so->budget = o->time_limit > 0 ? size : DEFAULT_BUDGET;
    so->db = db;
    so->key = key;
    inproc ip = { ev, si.space };
    if (o->jobs == 0) {
        so->evaluate = evaluate_inproc;
        so->ud = &ip;
    }
    so->batch = o->jobs > 1 ? (size_t)o->jobs * 4 : 8;
    rs.ctx = ctx;
    rs.o = o;
    rs.so = so;
    rs.budget = so->budget < size ? so->budget : size;
    rs.unbounded = !o->budget_set && o->time_limit > 0;
    rs.tty = isatty(STDERR_FILENO);
    rs.hv = NAN;
    rs.next_log = rs.budget / 10 ? (size_t)(rs.budget / 10) : 1;
    so->progress = progress;
    so->progress_ud = &rs;

    /* Ctrl-C: finish what is in flight, write the outputs, exit 130. The
     * handler is installed before the workers fork, so they keep
     * evaluating through a terminal's SIGINT. A second one kills. */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    if (mpi_on) {
#ifdef EO_HAVE_MPI
        pool = eo_mpi_pool_create(ctx, si.space);
        if (!pool)
            goto done;
        so->evaluate_batch = eo_mpi_evaluate;
        so->ud = pool;
        so->batch = (size_t)(mpi_size - 1) * 4;
#endif
    } else if (o->jobs > 0) {
        workers = eo_workers_create(ctx, ev, si.space, (size_t)o->jobs,
                                    o->timeout);
        if (!workers)
            goto done;
        so->evaluate_batch = eo_workers_evaluate;
        so->ud = workers;
    }

    rs.start = rs.last_draw = rs.last_log = now_s();
    so->grow = o->fixed_space ? NULL : si.space;
    eo_status st = eo_search_run(ctx, si.space, so, &res);
    if (!sync_kinds(&si)) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        goto done;
    }
    if (res.discovered && !o->quiet)
        fprintf(stderr, TOOL ": %zu conditional knob%s discovered; the "
                "space grew %zu time%s and the search went on over it\n",
                res.discovered, res.discovered == 1 ? "" : "s",
                res.restarts, res.restarts == 1 ? "" : "s");
    eo_workers_destroy(workers);
    workers = NULL;
#ifdef EO_HAVE_MPI
    eo_mpi_pool_destroy(pool);
    pool = NULL;
#endif
    if (rs.oom) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        goto done;
    }

    /* The results. */
    if (!fill_records(&rs, &res, si.space, db, key))
        goto done;
    progress_end(&rs, &res);
    double el = now_s() - rs.start;
    eo_strbuf title = { 0 };
    model_stem(o->model, &title);
    eo_strbuf_printf(&title, " on %s", eo_target_name(target));
    if (!o->quiet || st != EO_OK || got_signal) {
        fprintf(stderr, TOOL ": %s: %zu candidate%s in %.1f s (%" PRIu64
                " evaluated, %" PRIu64 " reused from the database, %zu "
                "failed)%s\n", title.data ? title.data : "", res.count,
                res.count == 1 ? "" : "s", el, res.evaluated, res.reused,
                rs.failed,
                got_signal ? "; interrupted: run again with --resume to "
                             "continue"
                : rs.timed_out ? "; --time ran out" : "");
    }
    front = malloc((res.front_size + 1) * sizeof *front);
    if (!front) {
        eo_strbuf_free(&title);
        goto done;
    }
    /* Feasible points only (with constraint domination the search's
     * front holds the least infeasible ones when nothing is feasible). */
    size_t nf = 0;
    for (size_t i = 0; i < res.front_size; i++)
        if (res.viol[res.front[i]] == 0)
            front[nf++] = res.front[i];
    sort_res = &res;
    sort_space = si.space;
    qsort(front, nf, sizeof *front, cmp_front);
    printf("Pareto front: %zu point%s of %zu candidate%s\n", nf,
           nf == 1 ? "" : "s", res.count, res.count == 1 ? "" : "s");
    if (nf)
        print_table(&rs, si.space, &res, front, nf);
    else
        print_no_front(&rs, o);
    bool ok = st == EO_OK;
    if (o->out) {
        /* The per-layer breakdown of each front point. */
        layers = calloc(nf + 1, sizeof *layers);
        nlayers = nf;
        if (!layers) {
            eo_strbuf_free(&title);
            goto done;
        }
        for (size_t i = 0; i < nf; i++) {
            eo_strbuf rep = { 0 };
            eo_eval_outcome out;
            if (eo_evaluator_run(ev, si.space,
                                 res.cands + front[i] * res.ndims, &out,
                                 &rep) == EO_OK &&
                out.status == EO_EVAL_OK && !rep.oom && rep.data)
                layers[i] = rep.data;
            else
                eo_strbuf_free(&rep);
            free(out.discovered);
        }
        /* The report follows the sorted front. */
        eo_search_result sorted = res;
        sorted.front = front;
        sorted.front_size = nf;
        eo_report_info ri = { 0 };
        ri.title = title.data ? title.data : "";
        ri.model = o->model;
        ri.target = o->target;
        ri.algorithm = eo_search_algo_name(so->algo);
        ri.seed = so->seed;
        ri.space = si.space;
        ri.opts = so;
        ri.res = &sorted;
        ri.layers = (const char *const *)layers;
        out_ctx oc = { ctx, o, &si, so, &res, &rs, front, nf, ev, target };
        if (!write_outputs(&oc, &ri))
            ok = false;
        else if (!o->quiet)
            fprintf(stderr, TOOL ": wrote %s/{pareto.csv,pareto.json,"
                    "all.csv,points/,front.svg,report.html}\n", o->out);
    }
    eo_strbuf_free(&title);
    if (fflush(stdout) != 0)
        ok = false;
    rc = !ok ? 1 : got_signal ? 128 + (int)got_signal : 0;
done:
    if (layers) {
        for (size_t i = 0; i < nlayers; i++)
            free(layers[i]);
        free(layers);
    }
    free(front);
    for (size_t i = 0; i < rs.cap; i++)
        free(rs.recs ? rs.recs[i].message : NULL);
    free(rs.recs);
    free(rs.front);
    eo_search_result_free(&res);
    eo_workers_destroy(workers);
#ifdef EO_HAVE_MPI
    eo_mpi_pool_destroy(pool);
#endif
    eo_resdb_close(db);
    eo_strbuf_free(&json);
    eo_strbuf_free(&dbpath);
    space_info_free(&si);
    eo_target_destroy(target);
    eo_evaluator_destroy(ev);
#ifdef EO_HAVE_MPI
    if (mpi_on)
        eo_mpi_finalize();
#endif
    (void)mpi_size;
    return rc;
}

int
main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "show") == 0 ||
                     strcmp(argv[1], "export") == 0))
        return subcommand(argc, argv);
    options o = { .jobs = 1, .timeout = DEFAULT_TIMEOUT };
    o.search.algo = EO_SEARCH_NSGA2;
    o.search.seed = 1;
    o.search.objectives[0] = EO_OBJ_LATENCY;
    o.search.objectives[1] = EO_OBJ_ENERGY;
    o.search.objectives[2] = EO_OBJ_MEMORY;
    o.search.num_objectives = 3;
    size_t cap = (size_t)argc + 1;
    o.constraints.v = calloc(cap, sizeof(char *));
    o.varies.v = calloc(cap, sizeof(char *));
    o.knobs.v = calloc(cap, sizeof(char *));
    o.dialect_plugins.v = calloc(cap, sizeof(char *));
    o.pass_plugins.v = calloc(cap, sizeof(char *));
    int status = 2;
    if (!o.constraints.v || !o.varies.v || !o.knobs.v ||
        !o.dialect_plugins.v || !o.pass_plugins.v) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        status = 1;
        goto done;
    }
    if (!parse_args(argc, argv, &o))
        goto done;
    if (o.help) {
        print_help(stdout);
        status = fflush(stdout) == 0 ? 0 : 1;
        goto done;
    }
    if (o.version) {
#ifdef EO_HAVE_MPI
        printf(TOOL " version " EO_VERSION_STRING " (with MPI)\n");
#else
        printf(TOOL " version " EO_VERSION_STRING "\n");
#endif
        status = fflush(stdout) == 0 ? 0 : 1;
        goto done;
    }
    if (!o.model) {
        fprintf(stderr, TOOL ": error: no model given (see " TOOL
                " --help)\n");
        goto done;
    }
    if (!o.target) {
        fprintf(stderr, TOOL ": error: no target given (--target=<name|"
                "file>, e.g. --target=cortex-m55)\n");
        goto done;
    }
    if (o.resume && !o.db && !o.out) {
        fprintf(stderr, TOOL ": error: --resume needs a results database "
                "(--db=<file> or --out=<dir>)\n");
        goto done;
    }
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        status = 1;
        goto done;
    }
    eo_ctx_set_diag_handler(ctx, print_diag, ctx);
    /* Plugins go into the context before the evaluator registers the
     * rest; forked workers and MPI ranks (which run this too) have them. */
    status = 0;
    for (size_t i = 0; i < o.dialect_plugins.n + o.pass_plugins.n; i++) {
        bool dialect = i < o.dialect_plugins.n;
        if (eo_plugin_load(ctx, dialect ? o.dialect_plugins.v[i]
                           : o.pass_plugins.v[i - o.dialect_plugins.n],
                           dialect ? EO_PLUGIN_DIALECT : EO_PLUGIN_PASS)
            != EO_OK) {
            status = 1;
            break;
        }
    }
    if (status == 0)
        status = explore(ctx, &o, &argc, &argv);
    eo_ctx_destroy(ctx);
done:
    free(o.constraints.v);
    free(o.varies.v);
    free(o.knobs.v);
    free(o.dialect_plugins.v);
    free(o.pass_plugins.v);
    return status;
}

/* tools/edge-run.c - runs a function of an MLIR or ONNX file on host
 * tensors with the graph dialect's reference interpreter (--interpret)
 * or compiled in-process by the JIT (--compile; MLIR's CPU runner).
 *
 *   flags -> load the module (.mlir parsed, .onnx imported), verify
 *         -> --compile: lower graph-level IR to loops, JIT-compile
 *         -> pick the function (--func, or the only public func.func)
 *         -> read the inputs (.npy or ONNX TensorProto .pb)
 *         -> run (--repeat times; --time reports min and median)
 *         -> write --output files, --print, --check against references
 *
 * Exit status: 0 on success, 1 on any error or check mismatch.
 */
#define _POSIX_C_SOURCE 200809L       /* clock_gettime */
#include "codegen/codegen.h"
#include "codegen/parallel.h"
#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"
#include "tools/cli.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOOL "edge-run"
/* ONNX's backend test defaults (onnx/backend/test/case/node: rtol 1e-3,
 * atol 1e-7). */
#define DEFAULT_RTOL 1e-3
#define DEFAULT_ATOL 1e-7
/* Mismatching elements listed by --check before the summary. */
#define MAX_REPORTED 5
/* Values shown per output by --print. */
#define MAX_PRINTED 16
#define MAX_REPEAT 100000

/* ------------------------------------------------------------------ */
/* Command line                                                        */
/* ------------------------------------------------------------------ */

typedef struct path_list {
    const char **v;             /* argc entries at most */
    size_t n;
} path_list;

typedef struct options {
    const char *file;
    const char *func;
    path_list inputs, outputs, checks;
    path_list binds;            /* --onnx-bind-input NAME=FILE */
    double atol, rtol;
    uint64_t int_tol;
    int64_t dynamic_dim;
    long repeat;
    long threads;               /* --threads: the runtime's pool size */
    long opt_level;             /* --opt-level: the JIT's, 0..3 */
    bool interpret, compile, print, time, help, version;
} options;

enum {
    SLOT_NONE, SLOT_FUNC, SLOT_INPUT, SLOT_OUTPUT, SLOT_CHECK, SLOT_ATOL,
    SLOT_RTOL, SLOT_INT_TOL, SLOT_DYNAMIC_DIM, SLOT_REPEAT, SLOT_BIND,
    SLOT_THREADS, SLOT_OPT_LEVEL
};

/* Booleans store into the bool 'field' of 'options', value flags name a
 * slot (tools/cli.h). Sorted by name for --help. */
#define BOOL_FLAG(n, field, h) EO_CLI_BOOL_FLAG(options, n, field, h)
#define VALUE_FLAG EO_CLI_VALUE_FLAG

/* name, field or slot, value name, help */
static const eo_cli_flag flags[] = {
    VALUE_FLAG("atol", SLOT_ATOL, "x",
               "--check: absolute tolerance for floats (default 1e-7)"),
    VALUE_FLAG("check", SLOT_CHECK, "file",
               "Compare the next result to this .npy or .pb (repeatable, "
               "in result order; exit 1 on a mismatch)"),
    BOOL_FLAG("compile", compile,
              "Compile with the JIT and run (graph-level input is lowered "
              "to loops first)"),
    VALUE_FLAG("func", SLOT_FUNC, "name",
               "The func.func to run (default: the only public one)"),
    BOOL_FLAG("help", help, "Print this list of options and exit"),
    VALUE_FLAG("input", SLOT_INPUT, "file",
               "The next argument, from a .npy or .pb file (repeatable, "
               "in argument order; trailing memref arguments without one "
               "are out-params, returned after the results)"),
    VALUE_FLAG("int-tol", SLOT_INT_TOL, "n",
               "--check: largest difference allowed for integers "
               "(default 0)"),
    BOOL_FLAG("interpret", interpret,
              "Run with the reference interpreter"),
    VALUE_FLAG("onnx-bind-input", SLOT_BIND, "name=file",
               "Import input 'name' of an .onnx file as a constant of this "
               ".npy or .pb value; not an argument then (repeatable)"),
    VALUE_FLAG("onnx-dynamic-dim", SLOT_DYNAMIC_DIM, "n",
               "Size given to every dynamic dimension of an .onnx "
               "file's inputs"),
    VALUE_FLAG("opt-level", SLOT_OPT_LEVEL, "n",
               "--compile: LLVM optimization level, 0 to 3 (default 2; 0 "
               "compiles fastest)"),
    VALUE_FLAG("output", SLOT_OUTPUT, "file",
               "Write the next result to this .npy file (repeatable, in "
               "result order)"),
    BOOL_FLAG("print", print,
              "Print each result's type and first values"),
    VALUE_FLAG("repeat", SLOT_REPEAT, "n",
               "Run the function n times (default 1)"),
    VALUE_FLAG("rtol", SLOT_RTOL, "x",
               "--check: relative tolerance for floats (default 1e-3)"),
    VALUE_FLAG("threads", SLOT_THREADS, "n",
               "--compile: threads scf.parallel loops run on, the caller "
               "included (default 1; results do not depend on it); above "
               "1, graph-level input is lowered with the outermost "
               "independent loop of each nest parallel"),
    BOOL_FLAG("time", time,
              "Print the min and median run time over --repeat runs "
              "(--compile: and the compile time)"),
    BOOL_FLAG("version", version, "Print the version and exit"),
};

#define NUM_FLAGS (sizeof(flags) / sizeof(flags[0]))

static void
print_help(FILE *f)
{
    fprintf(f, "OVERVIEW: " TOOL ": run a function of an MLIR or ONNX "
               "file on tensors\n"
               "USAGE: " TOOL " --interpret|--compile [options] "
               "<file.mlir|"
               "file.onnx>\n\n"
               "Inputs and references are .npy files or ONNX TensorProto "
               ".pb files; results are\nwritten as .npy. --check passes "
               "when |got - expected| <= atol + rtol * |expected|\nfor "
               "every float element (NaNs must match) and |got - "
               "expected| <= int-tol for\nintegers, and otherwise lists "
               "the first mismatches and the largest errors.\n\n"
               "OPTIONS:\n");
    eo_cli_print_flags(f, flags, NUM_FLAGS);
}

/* A value flag's value into the options (eo_cli's setter). */
static eo_cli_set
set_value(void *opts, const eo_cli_flag *fl, const char *value)
{
    options *o = opts;
    int64_t n;
    bool ok = false;
    switch (fl->slot) {
    case SLOT_FUNC:
        o->func = value;
        return EO_CLI_SET_OK;
    case SLOT_INPUT:
        o->inputs.v[o->inputs.n++] = value;
        return EO_CLI_SET_OK;
    case SLOT_OUTPUT:
        o->outputs.v[o->outputs.n++] = value;
        return EO_CLI_SET_OK;
    case SLOT_CHECK:
        o->checks.v[o->checks.n++] = value;
        return EO_CLI_SET_OK;
    case SLOT_BIND:
        o->binds.v[o->binds.n++] = value;
        return EO_CLI_SET_OK;
    case SLOT_ATOL:
        ok = eo_cli_parse_nonneg(value, &o->atol, NULL);
        break;
    case SLOT_RTOL:
        ok = eo_cli_parse_nonneg(value, &o->rtol, NULL);
        break;
    case SLOT_INT_TOL:
        if (!eo_cli_parse_int(value, 0, INT64_MAX, &n))
            return EO_CLI_SET_INVALID;
        o->int_tol = (uint64_t)n;
        return EO_CLI_SET_OK;
    case SLOT_DYNAMIC_DIM:
        ok = eo_cli_parse_int(value, 1, INT64_MAX, &o->dynamic_dim);
        break;
    case SLOT_REPEAT:
        if (!eo_cli_parse_int(value, 1, MAX_REPEAT, &n))
            return EO_CLI_SET_INVALID;
        o->repeat = (long)n;
        return EO_CLI_SET_OK;
    case SLOT_OPT_LEVEL:
        if (!eo_cli_parse_int(value, 0, 3, &n))
            return EO_CLI_SET_INVALID;
        o->opt_level = (long)n;
        return EO_CLI_SET_OK;
    case SLOT_THREADS:
        if (!eo_cli_parse_int(value, 1, EO_RT_MAX_THREADS, &n))
            return EO_CLI_SET_INVALID;
        o->threads = (long)n;
        return EO_CLI_SET_OK;
    default:
        break;
    }
    return ok ? EO_CLI_SET_OK : EO_CLI_SET_INVALID;
}

/* The input file, the only argument that is not a flag. */
static bool
set_file(void *opts, const char *arg)
{
    options *o = opts;
    if (o->file) {
        fprintf(stderr, TOOL ": error: more than one input file "
                "('%s' and '%s')\n", o->file, arg);
        return false;
    }
    o->file = arg;
    return true;
}

/* Parses argv into 'o'. Reports every problem; false if there was one. */
static bool
parse_args(int argc, char **argv, options *o)
{
    const eo_cli cli = { TOOL, flags, NUM_FLAGS, o, set_value, set_file };
    return eo_cli_parse(&cli, argc, argv);
}

/* ------------------------------------------------------------------ */
/* Files                                                               */
/* ------------------------------------------------------------------ */

static bool
has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Reads a whole file into a NUL-terminated malloc'ed buffer; reports and
 * returns NULL on failure. */
static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;
    if (!f)
        goto fail;
    for (;;) {
        if (cap - n < 65536) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                errno = ENOMEM;
                goto fail;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        goto fail;
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
fail:;
    int e = errno;
    if (f)
        fclose(f);
    free(buf);
    fprintf(stderr, TOOL ": error: cannot read '%s': %s\n", path,
            strerror(e));
    return NULL;
}

/* Loads a tensor from .npy or .pb (errors reported). */
static bool
load_tensor(eo_ctx *ctx, const char *path, eo_tensor *t)
{
    memset(t, 0, sizeof(*t));
    if (has_suffix(path, ".npy"))
        return eo_tensor_load_npy(ctx, path, t) == EO_OK;
    if (has_suffix(path, ".pb"))
        return eo_onnx_load_tensor(ctx, path, t) == EO_OK;
    fprintf(stderr, TOOL ": error: '%s': expected a .npy or .pb file\n",
            path);
    return false;
}

/* ------------------------------------------------------------------ */
/* The module and the function                                         */
/* ------------------------------------------------------------------ */

/* Parses (.mlir) or imports (.onnx) 'path' and verifies it; NULL after
 * diagnostics. A parsed file's text stays in *text (the diagnostics of
 * later stages may quote it). */
static eo_op *
load_module(eo_ctx *ctx, const options *o, char **text)
{
    const char *path = o->file;
    eo_op *module = NULL;
    if (has_suffix(path, ".onnx")) {
        eo_onnx_options oo = { .func_name = NULL,
                               .dynamic_dim = o->dynamic_dim };
        eo_onnx_bindings bind;
        if (eo_onnx_bindings_load(ctx, o->binds.n, o->binds.v, &bind) !=
            EO_OK)
            return NULL;
        oo.bind_names = (const char *const *)bind.names;
        oo.bind_values = bind.values;
        oo.num_bind = bind.n;
        module = eo_onnx_import_file(ctx, path, &oo);
        eo_onnx_bindings_free(&bind);
    } else {
        if (o->binds.n)
            fprintf(stderr, TOOL ": warning: --onnx-bind-input ignored "
                    "for '%s' (not an .onnx file)\n", path);
        if (o->dynamic_dim)
            fprintf(stderr, TOOL ": warning: --onnx-dynamic-dim ignored "
                    "for '%s' (not an .onnx file)\n", path);
        size_t len;
        *text = read_file(path, &len);
        if (!*text)
            return NULL;
        module = eo_parse_source(ctx, path, *text, len, NULL);
    }
    if (!module)
        return NULL;
    if (eo_op_verify(module) != EO_OK) {
        eo_op_destroy(module);
        return NULL;
    }
    return module;
}

static bool
is_func(const eo_op *op)
{
    return strcmp(eo_op_name_str(op), "func.func") == 0;
}

static bool
is_public(const eo_op *op)
{
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    size_t len = 0;
    const char *s = vis ? eo_attr_string(vis, &len) : NULL;
    return !s || (len == 6 && memcmp(s, "public", 6) == 0);
}

static const char *
func_name(eo_ctx *ctx, const eo_op *fn)
{
    const eo_ident *id = eo_symbol_name(ctx, fn);
    return id ? eo_ident_str(id) : "?";
}

/* The function to run: --func's, or the only public func.func with a
 * body. Reports and returns NULL if there is none or more than one. */
static eo_op *
find_func(eo_ctx *ctx, eo_op *module, const char *name)
{
    eo_block *body = eo_module_body(module);
    if (name) {
        eo_op *fn = eo_symbol_lookup_in(module, name);
        if (!fn || !is_func(fn)) {
            fprintf(stderr, TOOL ": error: no func.func named '%s'\n", name);
            return NULL;
        }
        if (func_is_declaration(fn)) {
            fprintf(stderr, TOOL ": error: @%s is a declaration (no body "
                    "to run)\n", name);
            return NULL;
        }
        return fn;
    }
    eo_op *found = NULL;
    size_t n = 0;
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op)) {
        if (!is_func(op) || !is_public(op) || func_is_declaration(op))
            continue;
        if (n++ == 0)
            found = op;
    }
    if (n == 0) {
        fprintf(stderr, TOOL ": error: no public func.func with a body to "
                "run\n");
        return NULL;
    }
    if (n > 1) {
        fprintf(stderr, TOOL ": error: %zu public functions (@%s, ...): "
                "choose one with --func\n", n, func_name(ctx, found));
        return NULL;
    }
    return found;
}

/* ------------------------------------------------------------------ */
/* Elements                                                            */
/* ------------------------------------------------------------------ */

static bool
is_float_dtype(eo_dtype dt)
{
    return dt == EO_DT_F32 || dt == EO_DT_F64 || dt == EO_DT_F16;
}

static double
half_to_double(uint16_t h)
{
    int sign = h >> 15, exp = (h >> 10) & 0x1f, man = h & 0x3ff;
    double v;
    if (exp == 0)
        v = ldexp((double)man, -24);
    else if (exp == 31)
        v = man ? NAN : INFINITY;
    else
        v = ldexp((double)(man | 0x400), exp - 25);
    return sign ? -v : v;
}

/* Element i of a float tensor. */
static double
float_at(const eo_tensor *t, int64_t i)
{
    switch (t->dtype) {
    case EO_DT_F32: {
        float f;
        memcpy(&f, (const char *)t->data + i * 4, 4);
        return f;
    }
    case EO_DT_F64: {
        double d;
        memcpy(&d, (const char *)t->data + i * 8, 8);
        return d;
    }
    case EO_DT_F16: {
        uint16_t h;
        memcpy(&h, (const char *)t->data + i * 2, 2);
        return half_to_double(h);
    }
    default:
        return 0;
    }
}

/* Element i of an integer or bool tensor: signed types in *s, unsigned
 * ones in *u (the other set to 0); returns whether it is unsigned. */
static bool
int_at(const eo_tensor *t, int64_t i, int64_t *s, uint64_t *u)
{
    const char *p = (const char *)t->data + i * (int64_t)eo_dtype_size(
                                                t->dtype);
    *s = 0;
    *u = 0;
    switch (t->dtype) {
    case EO_DT_I8: { int8_t v; memcpy(&v, p, 1); *s = v; return false; }
    case EO_DT_I16: { int16_t v; memcpy(&v, p, 2); *s = v; return false; }
    case EO_DT_I32: { int32_t v; memcpy(&v, p, 4); *s = v; return false; }
    case EO_DT_I64: { int64_t v; memcpy(&v, p, 8); *s = v; return false; }
    case EO_DT_U8: { uint8_t v; memcpy(&v, p, 1); *u = v; return true; }
    case EO_DT_U16: { uint16_t v; memcpy(&v, p, 2); *u = v; return true; }
    case EO_DT_U32: { uint32_t v; memcpy(&v, p, 4); *u = v; return true; }
    case EO_DT_U64: { uint64_t v; memcpy(&v, p, 8); *u = v; return true; }
    case EO_DT_BOOL: *u = p[0] != 0; return true;
    default: return true;
    }
}

static void
format_elem(const eo_tensor *t, int64_t i, char *buf, size_t size)
{
    if (is_float_dtype(t->dtype)) {
        snprintf(buf, size, "%.9g", float_at(t, i));
        return;
    }
    int64_t s;
    uint64_t u;
    bool is_unsigned = int_at(t, i, &s, &u);
    if (t->dtype == EO_DT_BOOL)
        snprintf(buf, size, "%s", u ? "true" : "false");
    else if (is_unsigned)
        snprintf(buf, size, "%llu", (unsigned long long)u);
    else
        snprintf(buf, size, "%lld", (long long)s);
}

/* "[1, 2, 3]": the multi-index of flat index i. */
static void
format_index(const eo_tensor *t, int64_t i, char *buf, size_t size)
{
    int64_t idx[EO_GRAPH_MAX_RANK];
    for (size_t d = t->rank; d-- > 0;) {
        int64_t dim = t->shape[d] > 0 ? t->shape[d] : 1;
        idx[d] = i % dim;
        i /= dim;
    }
    size_t len = 0;
    buf[0] = '\0';
    len += (size_t)snprintf(buf, size, "[");
    for (size_t d = 0; d < t->rank && len < size; d++)
        len += (size_t)snprintf(buf + len, size - len, "%s%lld",
                                d ? ", " : "", (long long)idx[d]);
    if (len < size)
        snprintf(buf + len, size - len, "]");
}

/* "1x10xf32" */
static void
format_type(const eo_tensor *t, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t d = 0; d < t->rank && len < size; d++)
        len += (size_t)snprintf(buf + len, size - len, "%lldx",
                                (long long)t->shape[d]);
    if (len < size)
        snprintf(buf + len, size - len, "%s", eo_dtype_name(t->dtype));
}

static void
print_tensor(size_t k, const eo_tensor *t)
{
    char ty[160], v[64];
    format_type(t, ty, sizeof(ty));
    int64_t n = eo_tensor_numel(t);
    printf("result %zu: %s\n  [", k, ty);
    for (int64_t i = 0; i < n && i < MAX_PRINTED; i++) {
        format_elem(t, i, v, sizeof(v));
        printf("%s%s", i ? ", " : "", v);
    }
    if (n > MAX_PRINTED)
        printf(", ... (%lld more)", (long long)(n - MAX_PRINTED));
    printf("]\n");
}

/* ------------------------------------------------------------------ */
/* --check                                                             */
/* ------------------------------------------------------------------ */

/* Compares result k to the reference 'exp' (read from 'path'); prints a
 * one-line summary on success, the first mismatches and the largest
 * errors otherwise. */
static bool
check_tensor(const options *o, size_t k, const char *path,
             const eo_tensor *got, const eo_tensor *exp)
{
    char gt[160], et[160];
    format_type(got, gt, sizeof(gt));
    format_type(exp, et, sizeof(et));
    bool same_shape = got->rank == exp->rank;
    for (size_t d = 0; same_shape && d < got->rank; d++)
        same_shape = got->shape[d] == exp->shape[d];
    if (got->dtype != exp->dtype || !same_shape) {
        fprintf(stderr, TOOL ": error: result %zu is %s but '%s' holds "
                "%s\n", k, gt, path, et);
        return false;
    }
    bool flt = is_float_dtype(got->dtype);
    int64_t n = eo_tensor_numel(got), bad = 0;
    double max_abs = 0, max_rel = 0;
    int64_t at_abs = -1, at_rel = -1;
    char ib[160], gv[64], ev[64];
    for (int64_t i = 0; i < n; i++) {
        bool ok;
        double abs_err, rel_err = 0;
        if (flt) {
            double g = float_at(got, i), e = float_at(exp, i);
            if (isnan(g) || isnan(e)) {
                ok = isnan(g) && isnan(e);
                abs_err = ok ? 0 : INFINITY;
            } else if (isinf(g) || isinf(e)) {
                ok = g == e;
                abs_err = ok ? 0 : INFINITY;
            } else {
                abs_err = fabs(g - e);
                ok = abs_err <= o->atol + o->rtol * fabs(e);
            }
            if (e != 0 && !isnan(e))
                rel_err = abs_err / fabs(e);
            else if (abs_err != 0)
                rel_err = INFINITY;
        } else {
            int64_t gs, es;
            uint64_t gu, eu, diff;
            bool is_unsigned = int_at(got, i, &gs, &gu);
            int_at(exp, i, &es, &eu);
            if (is_unsigned)
                diff = gu > eu ? gu - eu : eu - gu;
            else
                diff = gs > es ? (uint64_t)gs - (uint64_t)es
                               : (uint64_t)es - (uint64_t)gs;
            ok = diff <= o->int_tol;
            abs_err = (double)diff;
        }
        if (abs_err > max_abs || (at_abs < 0 && abs_err > 0)) {
            max_abs = abs_err;
            at_abs = i;
        }
        if (rel_err > max_rel) {
            max_rel = rel_err;
            at_rel = i;
        }
        if (ok)
            continue;
        if (bad++ == 0)
            fprintf(stderr, TOOL ": error: result %zu does not match '%s' "
                    "(%s):\n", k, path, gt);
        if (bad <= MAX_REPORTED) {
            format_index(got, i, ib, sizeof(ib));
            format_elem(got, i, gv, sizeof(gv));
            format_elem(exp, i, ev, sizeof(ev));
            fprintf(stderr, "  at %s: got %s, expected %s\n", ib, gv, ev);
        }
    }
    if (bad) {
        if (bad > MAX_REPORTED)
            fprintf(stderr, "  ... and %lld more\n",
                    (long long)(bad - MAX_REPORTED));
        fprintf(stderr, "  %lld of %lld elements differ", (long long)bad,
                (long long)n);
        if (flt)
            fprintf(stderr, " (atol %g, rtol %g)", o->atol, o->rtol);
        else
            fprintf(stderr, " (int-tol %llu)",
                    (unsigned long long)o->int_tol);
        format_index(got, at_abs < 0 ? 0 : at_abs, ib, sizeof(ib));
        fprintf(stderr, "; max abs error %g at %s", max_abs, ib);
        if (flt) {
            format_index(got, at_rel < 0 ? 0 : at_rel, ib, sizeof(ib));
            fprintf(stderr, ", max rel error %g at %s", max_rel, ib);
        }
        fprintf(stderr, "\n");
        return false;
    }
    printf("result %zu: ok (%lld elements, max abs error %g", k,
           (long long)n, max_abs);
    if (flt)
        printf(", max rel error %g", max_rel);
    printf(")\n");
    return true;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */
/* ------------------------------------------------------------------ */

static double
seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void
free_tensors(eo_tensor *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++)
        eo_tensor_free(&t[i]);
}

/* Runs 'fn' (compiled in 'jit' if not NULL) o->repeat times on the
 * inputs; the last run's results stay in 'out' (nres of them). Reports
 * the timing with --time. */
static bool
run_func(const options *o, eo_op *fn, eo_jit *jit, const char *name,
         eo_tensor *in, size_t nin, eo_tensor *out, size_t nres)
{
    double *times = calloc((size_t)o->repeat, sizeof(double));
    if (!times) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        return false;
    }
    bool ok = true;
    for (long r = 0; r < o->repeat && ok; r++) {
        if (r > 0)
            free_tensors(out, nres);
        size_t nout = nres;
        double t0 = seconds_now();
        if (jit)
            ok = eo_jit_call(jit, name, nin, in, &nout, out) == EO_OK;
        else
            ok = eo_interp_run(fn, nin, in, &nout, out) == EO_OK;
        times[r] = seconds_now() - t0;
        if (ok && nout != nres) {
            fprintf(stderr, TOOL ": error: the %s returned %zu "
                    "results for %zu declared\n", jit ? "JIT" : "interpreter",
                    nout, nres);
            free_tensors(out, nout < nres ? nout : nres);
            ok = false;
        }
    }
    if (ok && o->time) {
        qsort(times, (size_t)o->repeat, sizeof(double), cmp_double);
        long n = o->repeat;
        double median = n % 2 ? times[n / 2]
                              : (times[n / 2 - 1] + times[n / 2]) / 2;
        printf("time: min %.3f ms, median %.3f ms over %ld run%s\n",
               times[0] * 1e3, median * 1e3, n, n == 1 ? "" : "s");
    }
    free(times);
    return ok;
}

/* Whether a func.func of 'module' takes or returns tensors (graph-level
 * IR, which --compile lowers to loops first). */
static bool
is_graph_level(eo_op *module)
{
    eo_block *body = eo_module_body(module);
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op)) {
        const eo_type *ft = is_func(op) ? func_get_type(op) : NULL;
        size_t n = ft ? eo_type_num_inputs(ft) : 0;
        size_t m = ft ? eo_type_num_results(ft) : 0;
        for (size_t i = 0; i < n + m; i++) {
            eo_type_kind k = eo_type_get_kind(i < n ? eo_type_input(ft, i)
                                              : eo_type_result(ft, i - n));
            if (k == EO_TYPE_TENSOR || k == EO_TYPE_UNRANKED_TENSOR)
                return true;
        }
    }
    return false;
}

#define LOWER_PIPELINE "builtin.module(graph-optimize,func.func(graph-to-tl)," \
                       "tl-bufferize,tl-to-loops)"
#define LOWER_PIPELINE_PARALLEL \
    "builtin.module(graph-optimize,func.func(graph-to-tl),tl-bufferize," \
    "tl-to-loops{parallel=true})"

/* Answers knob parallel.<site> with its first loop (the outermost that
 * may run in parallel), every other knob with its default. */
static int64_t
outermost_parallel(void *ud, const char *name, const eo_knob_domain *dom,
                   int64_t def, const eo_op *site, const char *asker)
{
    (void)ud;
    (void)site;
    (void)asker;
    return strncmp(name, "parallel.", 9) == 0 &&
                   dom->kind == EO_KNOB_ENUM && dom->count > 1
               ? 1 : def;
}

/* Lowers graph-level 'module' to loops in place (errors reported); with
 * 'parallel', the outermost independent loop of each nest becomes an
 * scf.parallel. */
static bool
lower_to_loops(eo_ctx *ctx, eo_op *module, bool parallel)
{
    const eo_knob_provider par = {outermost_parallel, NULL};
    if (eo_passes_register(ctx) != EO_OK ||
        eo_graph_register_passes(ctx) != EO_OK ||
        eo_tl_register_passes(ctx) != EO_OK) {
        fprintf(stderr, TOOL ": error: cannot register the passes\n");
        return false;
    }
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(ctx, "builtin.module", &cfg);
    bool ok = pm && eo_pm_add_pipeline(pm, parallel
                                                   ? LOWER_PIPELINE_PARALLEL
                                                   : LOWER_PIPELINE) == EO_OK &&
              eo_pm_run(pm, module, parallel ? &par : NULL) == EO_OK;
    eo_pm_destroy(pm);
    return ok;
}

/* A zeroed tensor for an out-param of memref type 't' (static shape). */
static bool
alloc_out_param(eo_tensor *out, const eo_type *t)
{
    eo_dtype dt;
    if (eo_type_get_kind(t) != EO_TYPE_MEMREF ||
        eo_type_rank(t) > EO_GRAPH_MAX_RANK)
        return false;
    for (size_t d = 0; d < eo_type_rank(t); d++)
        if (eo_type_dim(t, d) < 0)
            return false;
    if (eo_type_is_index(eo_type_elem(t)))
        dt = EO_DT_I64;
    else if (!eo_dtype_of_type(eo_type_elem(t), &dt))
        return false;
    return eo_tensor_alloc(out, dt, eo_type_rank(t), eo_type_shape(t)) ==
           EO_OK;
}

/* --compile: JIT-compiles 'module' and fills args[0..nargs): the inputs
 * (shallow copies) then the out-params, allocated from their types.
 * NULL after errors (*args may hold out-params to free). */
static eo_jit *
compile_module(const options *o, eo_op *module, const eo_type *ft,
               eo_tensor *in, size_t nin, eo_tensor *args)
{
    size_t nargs = eo_type_num_inputs(ft);
    for (size_t i = 0; i < nin; i++)
        args[i] = in[i];
    for (size_t i = nin; i < nargs; i++) {
        const eo_type *t = eo_type_input(ft, i);
        if (!alloc_out_param(&args[i], t)) {
            fprintf(stderr, TOOL ": error: argument #%zu is an output "
                    "(no --input for it) but not a memref of static "
                    "shape and known element type\n", i);
            return NULL;
        }
    }
    double t0 = seconds_now();
    eo_codegen_options co = { .opt_level = (int)o->opt_level };
    eo_jit *jit = eo_jit_create(module, &co);
    if (jit && o->time)
        printf("compile: %.3f ms\n", (seconds_now() - t0) * 1e3);
    return jit;
}

/* Everything after the flags; returns the exit status. */
static int
run(const options *o)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK ||
        eo_graph_register(ctx) != EO_OK) {
        fprintf(stderr, TOOL ": error: cannot set up the context\n");
        eo_ctx_destroy(ctx);
        return 1;
    }
    char *text = NULL;
    eo_tensor *in = NULL, *out = NULL, *args = NULL;
    eo_jit *jit = NULL;
    size_t nin = o->inputs.n, nres = 0, nargs = 0, nscal = 0;
    bool ok = false, have_out = false;
    eo_op *module = load_module(ctx, o, &text);
    bool lowered = module && (!o->compile || !is_graph_level(module) ||
                              lower_to_loops(ctx, module, o->threads > 1));
    eo_op *fn = lowered ? find_func(ctx, module, o->func) : NULL;
    if (!fn)
        goto done;
    const eo_type *ft = func_get_type(fn);
    if (!ft) {
        fprintf(stderr, TOOL ": error: @%s has no function type\n",
                func_name(ctx, fn));
        goto done;
    }
    nres = nscal = eo_type_num_results(ft);
    nargs = eo_type_num_inputs(ft);
    bool out_params = nin < nargs;  /* trailing memrefs: results */
    for (size_t i = nin; i < nargs; i++)
        out_params = out_params &&
                     eo_type_get_kind(eo_type_input(ft, i)) == EO_TYPE_MEMREF;
    if (out_params)
        nres += nargs - nin;
    if (nin != nargs && !out_params) {
        fprintf(stderr, TOOL ": error: @%s takes %zu argument%s but %zu "
                "--input file%s given\n", func_name(ctx, fn),
                eo_type_num_inputs(ft), eo_type_num_inputs(ft) == 1 ? ""
                                                                  : "s",
                nin, nin == 1 ? " was" : "s were");
        goto done;
    }
    if (o->outputs.n && o->outputs.n != nres) {
        fprintf(stderr, TOOL ": error: @%s has %zu result%s but %zu "
                "--output file%s given\n", func_name(ctx, fn), nres,
                nres == 1 ? "" : "s", o->outputs.n,
                o->outputs.n == 1 ? " was" : "s were");
        goto done;
    }
    if (o->checks.n && o->checks.n != nres) {
        fprintf(stderr, TOOL ": error: @%s has %zu result%s but %zu "
                "--check file%s given\n", func_name(ctx, fn), nres,
                nres == 1 ? "" : "s", o->checks.n,
                o->checks.n == 1 ? " was" : "s were");
        goto done;
    }
    in = calloc(nin ? nin : 1, sizeof(*in));
    out = calloc(nres ? nres : 1, sizeof(*out));
    if (!in || !out) {
        fprintf(stderr, TOOL ": error: out of memory\n");
        goto done;
    }
    for (size_t i = 0; i < nin; i++) {
        if (!load_tensor(ctx, o->inputs.v[i], &in[i]))
            goto done;
    }
    if (o->compile && eo_rt_set_threads((unsigned)o->threads) != EO_OK) {
        fprintf(stderr, TOOL ": error: cannot use %ld threads\n",
                o->threads);
        goto done;
    }
    if (o->compile) {
        args = calloc(nargs ? nargs : 1, sizeof(*args));
        if (!args) {
            fprintf(stderr, TOOL ": error: out of memory\n");
            goto done;
        }
        jit = compile_module(o, module, ft, in, nin, args);
        if (!jit)
            goto done;
    }
    if (!run_func(o, fn, jit, func_name(ctx, fn), jit ? args : in,
                  jit ? nargs : nin, out, jit ? nscal : nres))
        goto done;
    for (size_t k = nscal; jit && k < nres; k++) {
        out[k] = args[nin + k - nscal];         /* the out-params */
        memset(&args[nin + k - nscal], 0, sizeof(*args));
    }
    have_out = true;
    ok = true;
    for (size_t k = 0; k < o->outputs.n; k++) {
        const char *path = o->outputs.v[k];
        if (!has_suffix(path, ".npy")) {
            fprintf(stderr, TOOL ": error: '%s': results are written as "
                    ".npy files\n", path);
            ok = false;
        } else if (eo_tensor_save_npy(ctx, path, &out[k]) != EO_OK) {
            ok = false;
        }
    }
    for (size_t k = 0; o->print && k < nres; k++)
        print_tensor(k, &out[k]);
    for (size_t k = 0; k < o->checks.n; k++) {
        eo_tensor exp;
        if (!load_tensor(ctx, o->checks.v[k], &exp)) {
            ok = false;
            continue;
        }
        if (!check_tensor(o, k, o->checks.v[k], &out[k], &exp))
            ok = false;
        eo_tensor_free(&exp);
    }
done:
    if (have_out)
        free_tensors(out, nres);
    if (args)
        free_tensors(args + nin, nargs - nin);
    free(args);
    eo_jit_destroy(jit);
    if (o->compile && eo_rt_set_threads(1) != EO_OK)   /* joins workers */
        ok = false;
    free_tensors(in, nin);
    free(in);
    free(out);
    if (module)
        eo_op_destroy(module);
    eo_ctx_destroy(ctx);
    free(text);
    if (fflush(stdout) != 0)
        ok = false;
    return ok ? 0 : 1;
}

int
main(int argc, char **argv)
{
    options o = { .atol = DEFAULT_ATOL, .rtol = DEFAULT_RTOL,
                  .repeat = 1, .threads = 1, .opt_level = 2 };
    size_t cap = (size_t)argc + 1;
    o.inputs.v = calloc(cap, sizeof(char *));
    o.outputs.v = calloc(cap, sizeof(char *));
    o.checks.v = calloc(cap, sizeof(char *));
    o.binds.v = calloc(cap, sizeof(char *));
    int status = 1;
    if (!o.inputs.v || !o.outputs.v || !o.checks.v || !o.binds.v) {
        fprintf(stderr, TOOL ": error: out of memory\n");
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
        printf(TOOL " version " EO_VERSION_STRING "\n");
        status = fflush(stdout) == 0 ? 0 : 1;
        goto done;
    }
    if (o.interpret == o.compile) {
        fprintf(stderr, TOOL ": error: %s (use --interpret or "
                "--compile)\n", o.interpret ? "two execution modes given"
                                            : "no execution mode given");
        goto done;
    }
    if (!o.file) {
        fprintf(stderr, TOOL ": error: no input file (see " TOOL
                " --help)\n");
        goto done;
    }
    status = run(&o);
done:
    free(o.inputs.v);
    free(o.outputs.v);
    free(o.checks.v);
    free(o.binds.v);
    return status;
}

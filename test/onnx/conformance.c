/* test/onnx/conformance.c - the ONNX backend test suite through the
 * importer and the reference interpreter.
 *
 *   conformance DATA_ROOT [--filter SUBSTR] [--verbose] [--no-fork]
 *               [--timeout SECONDS]
 *
 * For every test directory in DATA_ROOT/{node, pytorch-converted,
 * pytorch-operator, simple}: import model.onnx, run each test_data_set_*
 * on input_*.pb and compare the results to output_*.pb with the ONNX
 * backend tolerances (rtol 1e-3, atol 1e-7; int8/uint8 results within 1,
 * other integers exact). A test whose import or run fails with a
 * diagnostic that says "unsupported" is counted as unsupported, with the
 * reason. Parameter inputs: when the import fails only because a graph
 * input other than the first must be a constant (Slice starts, Clip min,
 * a scale...), the test is imported again with those inputs bound to
 * their test_data_set_0 values (eo_onnx_options.bind_*) and run on the
 * remaining inputs; it then passes only if every data set has the same
 * values for them, and is counted apart in the summary. Each test runs
 * in a child process (unless --no-fork) so that a crash or a hang is one
 * failed test, not a dead suite.
 *
 * Prints "N passed (M of them with parameter inputs bound as constants),
 * N failed, N unsupported", the unsupported reasons
 * with counts, then each failed test with its first error. Exit status:
 * 0 if none failed, 1 otherwise, 77 (ctest's skip) without the data.
 */
#define _POSIX_C_SOURCE 200809L
#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "ir/ir.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SKIP_STATUS 77
#define RTOL 1e-3
#define ATOL 1e-7
#define MSG_MAX 1024
#define MAX_IO 64

static const char *const categories[] = {
    "node", "pytorch-converted", "pytorch-operator", "simple",
};

typedef enum outcome { PASS, FAIL, UNSUPPORTED } outcome;

/* One test's result: 'reason' is the unsupported reason (the grouping
 * key) or the first error of a failure. */
typedef struct result {
    outcome kind;
    size_t bound;               /* parameter inputs bound as constants */
    char reason[MSG_MAX];
} result;

typedef struct config {
    const char *root;
    const char *filter;
    bool verbose, fork;
    unsigned timeout;
} config;

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

/* What the context's handler keeps: the first error, and the first error
 * that says "unsupported". */
typedef struct capture {
    char first[MSG_MAX];
    char unsupported[MSG_MAX];
    int errors;
} capture;

/* "unsupported ..." from the message: from that word on, so that node
 * and input names before it do not split one reason into many. */
static void
keep_unsupported(capture *c, const char *msg)
{
    const char *u = strstr(msg, "unsupported");
    if (!u)
        u = strstr(msg, "Unsupported");
    if (u && !c->unsupported[0])
        snprintf(c->unsupported, sizeof(c->unsupported), "%s", u);
}

static void
on_diag(const eo_diag *d, void *ud)
{
    capture *c = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (c->errors++ == 0)
        snprintf(c->first, sizeof(c->first), "%s", d->message);
    keep_unsupported(c, d->message);
    for (size_t i = 0; i < d->num_notes; i++)
        keep_unsupported(c, d->notes[i].message);
}

/* ------------------------------------------------------------------ */
/* Comparison                                                          */
/* ------------------------------------------------------------------ */

static bool
is_float_dtype(eo_dtype dt)
{
    return dt == EO_DT_F32 || dt == EO_DT_F64 || dt == EO_DT_F16;
}

static double
half_to_double(uint16_t h)
{
    int exp = (h >> 10) & 0x1f, man = h & 0x3ff;
    double v = exp == 0    ? ldexp((double)man, -24)
               : exp == 31 ? (man ? NAN : INFINITY)
                           : ldexp((double)(man | 0x400), exp - 25);
    return h >> 15 ? -v : v;
}

/* Element i as a double (integers may lose precision above 2^53; the
 * exact comparison below does not go through here). */
static double
elem_double(const eo_tensor *t, int64_t i)
{
    const char *p = (const char *)t->data + i * (int64_t)eo_dtype_size(
                                                t->dtype);
    switch (t->dtype) {
    case EO_DT_F32: { float v; memcpy(&v, p, 4); return v; }
    case EO_DT_F64: { double v; memcpy(&v, p, 8); return v; }
    case EO_DT_F16: { uint16_t v; memcpy(&v, p, 2);
                      return half_to_double(v); }
    case EO_DT_I8: { int8_t v; memcpy(&v, p, 1); return v; }
    case EO_DT_U8: { uint8_t v; memcpy(&v, p, 1); return v; }
    case EO_DT_I16: { int16_t v; memcpy(&v, p, 2); return v; }
    case EO_DT_U16: { uint16_t v; memcpy(&v, p, 2); return v; }
    case EO_DT_I32: { int32_t v; memcpy(&v, p, 4); return v; }
    case EO_DT_U32: { uint32_t v; memcpy(&v, p, 4); return v; }
    case EO_DT_I64: { int64_t v; memcpy(&v, p, 8); return (double)v; }
    case EO_DT_U64: { uint64_t v; memcpy(&v, p, 8); return (double)v; }
    case EO_DT_BOOL: return p[0] != 0;
    }
    return 0;
}

static void
format_shape(const eo_tensor *t, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t d = 0; d < t->rank && len < size; d++)
        len += (size_t)snprintf(buf + len, size - len, "%lldx",
                                (long long)t->shape[d]);
    if (len < size)
        snprintf(buf + len, size - len, "%s", eo_dtype_name(t->dtype));
}

/* Compares result k; on a mismatch writes the first error to 'msg'. */
static bool
compare(size_t k, const eo_tensor *got, const eo_tensor *exp, char *msg,
        size_t size)
{
    char gs[128], es[128];
    format_shape(got, gs, sizeof(gs));
    format_shape(exp, es, sizeof(es));
    bool same = got->dtype == exp->dtype && got->rank == exp->rank;
    for (size_t d = 0; same && d < got->rank; d++)
        same = got->shape[d] == exp->shape[d];
    if (!same) {
        snprintf(msg, size, "output %zu: got %s, expected %s", k, gs, es);
        return false;
    }
    int64_t n = eo_tensor_numel(got), bad = 0, first = -1;
    double max_abs = 0;
    bool flt = is_float_dtype(got->dtype);
    double itol = got->dtype == EO_DT_I8 || got->dtype == EO_DT_U8 ? 1 : 0;
    size_t es_size = eo_dtype_size(got->dtype);
    for (int64_t i = 0; i < n; i++) {
        bool ok;
        if (flt) {
            double g = elem_double(got, i), e = elem_double(exp, i);
            if (isnan(g) || isnan(e))
                ok = isnan(g) && isnan(e);
            else if (isinf(g) || isinf(e))
                ok = g == e;
            else
                ok = fabs(g - e) <= ATOL + RTOL * fabs(e);
            if (!ok && !(fabs(g - e) <= max_abs))
                max_abs = fabs(g - e);
        } else if (got->dtype == EO_DT_BOOL) {
            ok = (((const char *)got->data)[i] != 0) ==
                 (((const char *)exp->data)[i] != 0);
        } else if (itol == 0) {
            ok = memcmp((const char *)got->data + (size_t)i * es_size,
                        (const char *)exp->data + (size_t)i * es_size,
                        es_size) == 0;
        } else {
            ok = fabs(elem_double(got, i) - elem_double(exp, i)) <= itol;
        }
        if (!ok && bad++ == 0)
            first = i;
    }
    if (!bad)
        return true;
    int len = snprintf(msg, size, "output %zu (%s): %lld of %lld elements "
                       "differ; first at flat index %lld: got %.9g, "
                       "expected %.9g", k, gs, (long long)bad, (long long)n,
                       (long long)first, elem_double(got, first),
                       elem_double(exp, first));
    if (flt && len > 0 && (size_t)len < size)
        snprintf(msg + len, size - (size_t)len, "; max abs error %g",
                 max_abs);
    return false;
}

/* ------------------------------------------------------------------ */
/* One test                                                            */
/* ------------------------------------------------------------------ */

/* buf = a + "/" + b; false if it does not fit. */
static bool
join_path(char *buf, size_t size, const char *a, const char *b)
{
    int n = snprintf(buf, size, "%s/%s", a, b);
    return n >= 0 && (size_t)n < size;
}

static bool
file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool
dir_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* r = kind, reason = a + b (cut to fit). */
static void
set_result(result *r, outcome kind, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), cap = sizeof(r->reason) - 1;
    if (na > cap)
        na = cap;
    if (nb > cap - na)
        nb = cap - na;
    r->kind = kind;
    memcpy(r->reason, a, na);
    memcpy(r->reason + na, b, nb);
    r->reason[na + nb] = '\0';
}

/* Failure or unsupported, from what the handler captured. */
static void
diag_result(result *r, const capture *c, const char *stage)
{
    if (c->unsupported[0])
        set_result(r, UNSUPPORTED, c->unsupported, "");
    else
        set_result(r, FAIL, stage,
                   c->first[0] ? c->first : "failed without a diagnostic");
}

/* Loads dir/prefix_0.pb, prefix_1.pb, ... while they exist; returns how
 * many (or -1, none kept, after an error described in 'r'). */
static long
load_pbs(eo_ctx *ctx, const char *dir, const char *prefix, eo_tensor *t,
         capture *c, result *r)
{
    char path[4096];
    long n = 0;
    for (; n < MAX_IO; n++) {
        int len = snprintf(path, sizeof(path), "%s/%s_%ld.pb", dir, prefix,
                           n);
        if (len < 0 || (size_t)len >= sizeof(path) || !file_exists(path))
            break;
        if (eo_onnx_load_tensor(ctx, path, &t[n]) != EO_OK) {
            diag_result(r, c, "loading test data: ");
            for (long i = 0; i < n; i++)
                eo_tensor_free(&t[i]);
            return -1;
        }
    }
    return n;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted names in 'dir' starting with 'prefix' (malloc'ed array of
 * malloc'ed strings), or NULL with *n 0. */
static char **
list_dir(const char *dir, const char *prefix, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' ||
            strncmp(e->d_name, prefix, strlen(prefix)) != 0)
            continue;
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **nv = realloc(v, ncap * sizeof(*v));
            if (!nv)
                break;
            v = nv;
            cap = ncap;
        }
        v[*n] = strdup(e->d_name);
        if (v[*n])
            (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(v, *n, sizeof(*v), cmp_str);
    return v;
}

static void
free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void
free_tensors(eo_tensor *t, size_t n)
{
    for (size_t i = 0; i < n; i++)
        eo_tensor_free(&t[i]);
}

/* ------------------------------------------------------------------ */
/* Parameter inputs bound as constants                                 */
/* ------------------------------------------------------------------ */

/* Graph inputs bound to their values in test_data_set_0: names[i] is
 * input file idx[i]. */
typedef struct binding {
    size_t n;
    char *names[MAX_IO];
    eo_tensor vals[MAX_IO];
    long idx[MAX_IO];
} binding;

static void
binding_free(binding *b)
{
    for (size_t i = 0; i < b->n; i++) {
        free(b->names[i]);
        eo_tensor_free(&b->vals[i]);
    }
    b->n = 0;
}

static bool
binding_has(const binding *b, long idx)
{
    for (size_t i = 0; i < b->n; i++)
        if (b->idx[i] == idx)
            return true;
    return false;
}

/* Reads a protobuf varint at *p (< end); false if malformed. */
static bool
pb_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
    *v = 0;
    for (unsigned shift = 0; *p < end && shift < 64; shift += 7) {
        unsigned char byte = *(*p)++;
        *v |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            return true;
    }
    return false;
}

/* The name (field 8) of the serialized TensorProto in file 'path' into
 * buf ("" if it has none or the file is unreadable). */
static void
pb_tensor_name(const char *path, char *buf, size_t size)
{
    buf[0] = '\0';
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            size_t ncap = cap ? cap * 2 : 4096;
            unsigned char *nd = ncap > ((size_t)1 << 30)
                                    ? NULL
                                    : realloc(data, ncap);
            if (!nd)
                break;
            data = nd;
            cap = ncap;
        }
        size_t n = fread(data + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    fclose(f);
    const unsigned char *p = data, *end = data ? data + len : NULL;
    while (p && p < end) {
        uint64_t key, v;
        if (!pb_varint(&p, end, &key))
            break;
        unsigned wt = (unsigned)(key & 7);
        if (wt == 0) {
            if (!pb_varint(&p, end, &v))
                break;
        } else if (wt == 1 || wt == 5) {
            size_t skip = wt == 1 ? 8 : 4;
            if ((size_t)(end - p) < skip)
                break;
            p += skip;
        } else if (wt == 2) {
            if (!pb_varint(&p, end, &v) || v > (uint64_t)(end - p))
                break;
            if ((key >> 3) == 8) {
                size_t n = v < size ? (size_t)v : size - 1;
                memcpy(buf, p, n);
                buf[n] = '\0';
                break;
            }
            p += v;
        } else {
            break;
        }
    }
    free(data);
}

/* The tensor name in an importer diagnostic saying that a tensor must
 * be a constant ("... (input 1, 'starts') must be a constant", "... not
 * a constant ('x')") into buf; false if 'msg' is no such diagnostic. */
static bool
const_input_name(const char *msg, char *buf, size_t size)
{
    const char *e = strstr(msg, "') must be a constant");
    const char *b = NULL;
    if (e) {
        for (b = e; b > msg && b[-1] != '\''; b--)
            ;
        if (b == msg)
            return false;
    } else if ((b = strstr(msg, "not a constant ('"))) {
        b += strlen("not a constant ('");
        e = strchr(b, '\'');
        if (!e)
            return false;
    } else {
        return false;
    }
    size_t n = (size_t)(e - b);
    if (n == 0 || n >= size)
        return false;
    memcpy(buf, b, n);
    buf[n] = '\0';
    return true;
}

/* After an import failure captured in 'c': if a graph input other than
 * the first must be a constant and test_data_set_0 has its value, adds
 * it to 'b' and returns true (import again). */
static bool
bind_more(eo_ctx *ctx, const char *dir, const capture *c, binding *b)
{
    char want[256], set0[4096], path[4096], name[256];
    if (!c->unsupported[0] ||
        !const_input_name(c->unsupported, want, sizeof(want)) ||
        b->n == MAX_IO || !join_path(set0, sizeof(set0), dir,
                                     "test_data_set_0"))
        return false;
    for (long k = 0; k < MAX_IO; k++) {
        int len = snprintf(path, sizeof(path), "%s/input_%ld.pb", set0, k);
        if (len < 0 || (size_t)len >= sizeof(path) || !file_exists(path))
            return false;
        pb_tensor_name(path, name, sizeof(name));
        if (strcmp(name, want) != 0)
            continue;
        if (k == 0 || binding_has(b, k))
            return false;
        char *dup = strdup(want);
        if (!dup || eo_onnx_load_tensor(ctx, path, &b->vals[b->n]) != EO_OK) {
            free(dup);
            return false;
        }
        b->names[b->n] = dup;
        b->idx[b->n++] = k;
        return true;
    }
    return false;
}

/* Whether tensors a and b are equal (dtype, shape, bytes). */
static bool
same_tensor(const eo_tensor *a, const eo_tensor *b)
{
    if (a->dtype != b->dtype || a->rank != b->rank ||
        a->nbytes != b->nbytes)
        return false;
    for (size_t d = 0; d < a->rank; d++)
        if (a->shape[d] != b->shape[d])
            return false;
    return a->nbytes == 0 || memcmp(a->data, b->data, a->nbytes) == 0;
}

/* Runs one data set of 'fn' (input files bound in 'b' are not passed:
 * they must hold the bound values); false (with 'r' set) on failure. */
static bool
run_data_set(eo_ctx *ctx, eo_op *fn, const char *dir, const binding *b,
             capture *c, result *r)
{
    eo_tensor in[MAX_IO], exp[MAX_IO], out[MAX_IO];
    memset(in, 0, sizeof(in));
    memset(exp, 0, sizeof(exp));
    memset(out, 0, sizeof(out));
    long nin = load_pbs(ctx, dir, "input", in, c, r);
    long nexp = nin < 0 ? -1 : load_pbs(ctx, dir, "output", exp, c, r);
    const eo_type *ft = func_get_type(fn);
    bool ok = nin >= 0 && nexp >= 0;
    long nall = nin;
    if (ok && b->n) {
        /* Drop the bound inputs (kept at the end, freed with the rest). */
        eo_tensor keep[MAX_IO], drop[MAX_IO];
        long nk = 0, nd = 0;
        for (long k = 0; k < nin; k++) {
            bool bound = false;
            for (size_t i = 0; i < b->n; i++) {
                if (b->idx[i] != k)
                    continue;
                bound = true;
                if (ok && !same_tensor(&in[k], &b->vals[i])) {
                    set_result(r, UNSUPPORTED, "unsupported: parameter "
                               "input differs between data sets: ",
                               b->names[i]);
                    ok = false;
                }
            }
            if (bound)
                drop[nd++] = in[k];
            else
                keep[nk++] = in[k];
        }
        memcpy(in, keep, (size_t)nk * sizeof(*in));
        memcpy(in + nk, drop, (size_t)nd * sizeof(*in));
        nin = nk;
    }
    if (ok && (size_t)nin != eo_type_num_inputs(ft)) {
        r->kind = FAIL;
        snprintf(r->reason, sizeof(r->reason), "%ld input files for %zu "
                 "function arguments", nin, eo_type_num_inputs(ft));
        ok = false;
    }
    if (ok && (size_t)nexp != eo_type_num_results(ft)) {
        r->kind = FAIL;
        snprintf(r->reason, sizeof(r->reason), "%ld output files for %zu "
                 "function results", nexp, eo_type_num_results(ft));
        ok = false;
    }
    size_t nout = MAX_IO;
    if (ok && eo_interp_run(fn, (size_t)nin, in, &nout, out) != EO_OK) {
        diag_result(r, c, "run: ");
        nout = 0;
        ok = false;
    }
    for (size_t k = 0; ok && k < nout && k < (size_t)nexp; k++) {
        if (!compare(k, &out[k], &exp[k], r->reason, sizeof(r->reason))) {
            r->kind = FAIL;
            ok = false;
        }
    }
    if (nout > MAX_IO)
        nout = MAX_IO;
    free_tensors(out, nout);
    free_tensors(in, nall > 0 ? (size_t)nall : 0);
    free_tensors(exp, nexp > 0 ? (size_t)nexp : 0);
    return ok;
}

/* The first func.func of the imported module. */
static eo_op *
first_func(eo_op *module)
{
    eo_block *body = eo_module_body(module);
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op)) {
        if (strcmp(eo_op_name_str(op), "func.func") == 0)
            return op;
    }
    return NULL;
}

static void
run_test(const char *dir, result *r)
{
    r->kind = PASS;
    r->bound = 0;
    r->reason[0] = '\0';
    capture c = { 0 };
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_register_all_dialects(ctx) != EO_OK ||
        eo_graph_register(ctx) != EO_OK) {
        set_result(r, FAIL, "cannot set up a context", "");
        eo_ctx_destroy(ctx);
        return;
    }
    eo_ctx_set_diag_handler(ctx, on_diag, &c);
    char path[4096];
    binding b = { 0 };
    eo_op *module = NULL;
    if (join_path(path, sizeof(path), dir, "model.onnx")) {
        for (;;) {
            eo_onnx_options oo = {
                .bind_names = (const char *const *)b.names,
                .bind_values = b.vals,
                .num_bind = b.n,
            };
            module = eo_onnx_import_file(ctx, path, &oo);
            if (module || !bind_more(ctx, dir, &c, &b))
                break;
            memset(&c, 0, sizeof(c));
        }
    }
    if (!module) {
        diag_result(r, &c, "import: ");
        binding_free(&b);
        eo_ctx_destroy(ctx);
        return;
    }
    r->bound = b.n;
    eo_op *fn = first_func(module);
    if (!fn) {
        set_result(r, FAIL, "import: no func.func in the module", "");
    } else {
        size_t nsets;
        char **sets = list_dir(dir, "test_data_set_", &nsets);
        if (!nsets)
            set_result(r, FAIL, "no test_data_set_* directory", "");
        for (size_t i = 0; i < nsets; i++) {
            if (!join_path(path, sizeof(path), dir, sets[i])) {
                set_result(r, FAIL, "path too long: ", sets[i]);
                break;
            }
            if (!run_data_set(ctx, fn, path, &b, &c, r))
                break;
        }
        free_list(sets, nsets);
    }
    eo_op_destroy(module);
    binding_free(&b);
    eo_ctx_destroy(ctx);
}

/* The first line of 'f' (the child's stderr) that names an error, else
 * its first line, into buf ("" if empty). */
static void
first_error_line(FILE *f, char *buf, size_t size)
{
    char line[MSG_MAX];
    buf[0] = '\0';
    if (!f || fseek(f, 0, SEEK_SET) != 0)
        return;
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        bool err = strstr(line, "runtime error") || strstr(line, "ERROR:");
        if (err || (!buf[0] && line[0])) {
            size_t n = strlen(line) < size ? strlen(line) : size - 1;
            memcpy(buf, line, n);
            buf[n] = '\0';
        }
        if (err)
            return;
    }
}

/* Copies the rest of 'f' from the start to stderr. */
static void
echo_file(FILE *f)
{
    char buf[4096];
    size_t n;
    if (!f || fseek(f, 0, SEEK_SET) != 0)
        return;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        fwrite(buf, 1, n, stderr);
}

/* Reads the child's result record from 'fd'; the bytes read. */
static size_t
read_result(int fd, result *got)
{
    memset(got, 0, sizeof(*got));
    size_t have = 0;
    while (have < sizeof(*got)) {
        ssize_t n = read(fd, (char *)got + have, sizeof(*got) - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        have += (size_t)n;
    }
    got->reason[sizeof(got->reason) - 1] = '\0';
    return have;
}

/* run_test in a child process: a crash, a sanitizer report or a hang
 * becomes a failure of this test, with the report's first error line;
 * the child's stderr is shown for such failures only. */
static void
run_test_forked(const config *cfg, const char *dir, result *r)
{
    int fds[2];
    if (pipe(fds) != 0) {
        run_test(dir, r);
        return;
    }
    FILE *errf = tmpfile();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        if (errf)
            fclose(errf);
        run_test(dir, r);
        return;
    }
    if (pid == 0) {
        close(fds[0]);
        if (errf)
            dup2(fileno(errf), STDERR_FILENO);
        alarm(cfg->timeout);
        run_test(dir, r);
        size_t len = offsetof(result, reason) + strlen(r->reason) + 1;
        const char *p = (const char *)r;
        while (len) {
            ssize_t w = write(fds[1], p, len);
            if (w <= 0)
                break;
            p += w;
            len -= (size_t)w;
        }
        close(fds[1]);
        exit(0);     /* exit, not _exit: LeakSanitizer checks the child */
    }
    close(fds[1]);
    result got;
    size_t have = read_result(fds[0], &got);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    bool complete = have > offsetof(result, reason);
    *r = got;
    char why[256], err[MSG_MAX / 2];
    why[0] = '\0';
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        if (sig == SIGALRM)
            snprintf(why, sizeof(why), "timed out after %u s",
                     cfg->timeout);
        else
            snprintf(why, sizeof(why), "crashed: signal %d (%s)", sig,
                     strsignal(sig));
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
               !complete) {
        snprintf(why, sizeof(why), "exit status %d (%s)",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                 !complete             ? "no result"
                 : r->kind == PASS     ? "after passing"
                 : r->kind == FAIL     ? "after failing"
                                       : "after unsupported");
    }
    if (why[0]) {
        first_error_line(errf, err, sizeof(err));
        r->kind = FAIL;
        snprintf(r->reason, sizeof(r->reason), "%s%s%s", why,
                 err[0] ? ": " : "", err);
        echo_file(errf);
    }
    if (errf)
        fclose(errf);
}

/* ------------------------------------------------------------------ */
/* The suite                                                           */
/* ------------------------------------------------------------------ */

typedef struct reason_count {
    char *reason;
    size_t count;
    char *example;
} reason_count;

typedef struct failure {
    char *test;
    char *reason;
} failure;

typedef struct summary {
    size_t passed, passed_bound, failed, unsupported;
    reason_count *reasons;
    size_t num_reasons, cap_reasons;
    failure *fails;
    size_t num_fails, cap_fails;
    bool oom;
} summary;

static void
add_reason(summary *s, const char *reason, const char *test)
{
    for (size_t i = 0; i < s->num_reasons; i++) {
        if (strcmp(s->reasons[i].reason, reason) == 0) {
            s->reasons[i].count++;
            return;
        }
    }
    if (s->num_reasons == s->cap_reasons) {
        size_t ncap = s->cap_reasons ? s->cap_reasons * 2 : 32;
        reason_count *nv = realloc(s->reasons, ncap * sizeof(*nv));
        if (!nv) {
            s->oom = true;
            return;
        }
        s->reasons = nv;
        s->cap_reasons = ncap;
    }
    reason_count *rc = &s->reasons[s->num_reasons];
    rc->reason = strdup(reason);
    rc->example = strdup(test);
    rc->count = 1;
    if (!rc->reason || !rc->example) {
        free(rc->reason);
        free(rc->example);
        s->oom = true;
        return;
    }
    s->num_reasons++;
}

static void
add_failure(summary *s, const char *test, const char *reason)
{
    if (s->num_fails == s->cap_fails) {
        size_t ncap = s->cap_fails ? s->cap_fails * 2 : 32;
        failure *nv = realloc(s->fails, ncap * sizeof(*nv));
        if (!nv) {
            s->oom = true;
            return;
        }
        s->fails = nv;
        s->cap_fails = ncap;
    }
    failure *f = &s->fails[s->num_fails];
    f->test = strdup(test);
    f->reason = strdup(reason);
    if (!f->test || !f->reason) {
        free(f->test);
        free(f->reason);
        s->oom = true;
        return;
    }
    s->num_fails++;
}

/* Most frequent first, then by text. */
static int
cmp_reason(const void *a, const void *b)
{
    const reason_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->reason, y->reason);
}

static double
seconds_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void
run_category(const config *cfg, const char *cat, summary *s)
{
    char dir[4096];
    if (!join_path(dir, sizeof(dir), cfg->root, cat))
        return;
    size_t n;
    char **tests = list_dir(dir, "", &n);
    for (size_t i = 0; i < n; i++) {
        char name[4096], tdir[4096], model[4096];
        if (!join_path(name, sizeof(name), cat, tests[i]) ||
            !join_path(tdir, sizeof(tdir), dir, tests[i]) ||
            !join_path(model, sizeof(model), tdir, "model.onnx"))
            continue;
        if (cfg->filter && !strstr(name, cfg->filter))
            continue;
        if (!file_exists(model))
            continue;
        result r;
        double t0 = seconds_now();
        if (cfg->fork)
            run_test_forked(cfg, tdir, &r);
        else
            run_test(tdir, &r);
        double ms = (seconds_now() - t0) * 1e3;
        switch (r.kind) {
        case PASS:
            s->passed++;
            if (r.bound)
                s->passed_bound++;
            break;
        case FAIL:
            s->failed++;
            add_failure(s, name, r.reason);
            break;
        case UNSUPPORTED:
            s->unsupported++;
            add_reason(s, r.reason, name);
            break;
        }
        if (cfg->verbose && r.kind == PASS && r.bound)
            snprintf(r.reason, sizeof(r.reason), "%zu parameter input%s "
                     "bound as constants", r.bound, r.bound == 1 ? "" : "s");
        if (cfg->verbose)
            printf("%-11s %s (%.1f ms)%s%s\n",
                   r.kind == PASS   ? "PASS"
                   : r.kind == FAIL ? "FAIL"
                                    : "UNSUPPORTED",
                   name, ms, r.reason[0] ? ": " : "", r.reason);
    }
    free_list(tests, n);
}

static void
usage(void)
{
    fprintf(stderr, "usage: conformance DATA_ROOT [--filter SUBSTR] "
            "[--verbose] [--no-fork] [--timeout SECONDS]\n");
}

int
main(int argc, char **argv)
{
    config cfg = { .fork = true, .timeout = 20 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--filter") == 0 && i + 1 < argc) {
            cfg.filter = argv[++i];
        } else if (strcmp(a, "--verbose") == 0) {
            cfg.verbose = true;
        } else if (strcmp(a, "--no-fork") == 0) {
            cfg.fork = false;
        } else if (strcmp(a, "--timeout") == 0 && i + 1 < argc) {
            char *end;
            unsigned long t = strtoul(argv[++i], &end, 10);
            if (*end || t == 0 || t > 3600) {
                usage();
                return 2;
            }
            cfg.timeout = (unsigned)t;
        } else if (a[0] != '-' && !cfg.root) {
            cfg.root = a;
        } else {
            usage();
            return 2;
        }
    }
    if (!cfg.root) {
        usage();
        return 2;
    }
    if (!dir_exists(cfg.root)) {
        printf("conformance: no ONNX test data at %s: skipped\n", cfg.root);
        return SKIP_STATUS;
    }
    summary s = { 0 };
    double t0 = seconds_now();
    for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
        run_category(&cfg, categories[i], &s);
    double secs = seconds_now() - t0;
    printf("%zu passed (%zu of them with parameter inputs bound as "
           "constants), %zu failed, %zu unsupported (%.1f s)\n", s.passed,
           s.passed_bound, s.failed, s.unsupported, secs);
    if (s.num_reasons) {
        qsort(s.reasons, s.num_reasons, sizeof(*s.reasons), cmp_reason);
        printf("\nUnsupported (tests, reason, e.g.):\n");
        for (size_t i = 0; i < s.num_reasons; i++)
            printf("%5zu  %s  [%s]\n", s.reasons[i].count,
                   s.reasons[i].reason, s.reasons[i].example);
    }
    if (s.num_fails) {
        printf("\nFailed:\n");
        for (size_t i = 0; i < s.num_fails; i++)
            printf("  %s: %s\n", s.fails[i].test, s.fails[i].reason);
    }
    if (s.oom)
        printf("conformance: out of memory while collecting results\n");
    for (size_t i = 0; i < s.num_reasons; i++) {
        free(s.reasons[i].reason);
        free(s.reasons[i].example);
    }
    for (size_t i = 0; i < s.num_fails; i++) {
        free(s.fails[i].test);
        free(s.fails[i].reason);
    }
    free(s.reasons);
    free(s.fails);
    return s.failed || s.oom ? 1 : 0;
}

/* explorer/evaluate.c - the evaluator: one model, one pipeline and one
 * target, loaded once; each candidate runs the pipeline on a copy of the
 * model with its knobs assigned, on a copy of the target with its variant
 * axes applied, and is measured on the host or costed by the target's
 * analytical model. Candidates that give the first stages' knobs the
 * same values start from a kept copy of the module after them (the
 * prefix cache). See docs/explorer.md, "Evaluator" and "Prefix cache".
 */
#include "explorer/explorer.h"

#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/npu/npu.h"
#include "dialects/tl/transforms/transforms.h"
#include "rewrite/rewrite.h"
#include "targets/npu_map.h"
#include "targets/npu_sim.h"
#include "targets/place.h"
#include "targets/targets.h"

#include <cjson/cJSON.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define DEFAULT_PIPELINE                                                   \
    "builtin.module(graph-optimize,func.func(graph-layout,graph-to-tl),"   \
    "tl-bufferize,func.func(tl-fuse,tl-to-loops))"
/* NPU targets (without --pipeline): the graph mapped by npu-map. */
#define NPU_PIPELINE "builtin.module(graph-optimize,npu-map{target=%s})"

/* Prefix cache (docs/explorer.md, "Prefix cache"): the pipeline's
 * top-level elements run as stages; the module after a stage is kept
 * with every knob asked up to it, and a later candidate giving those
 * knobs the same values starts from a copy of it. */
#define MAX_STAGES 16
#define CACHE_PER_STAGE 32

/* One knob question of a stage and its answer. */
typedef struct ask_rec {
    char *name;
    char *asker;                /* NULL when none */
    eo_knob_domain dom;         /* values / names owned */
    int64_t def, value;
    long dim;                   /* the space's dimension, -1 when none */
    uint32_t vidx;              /* the candidate's value index of dim */
} ask_rec;

typedef struct ask_log {
    ask_rec *a;
    size_t n, cap;
} ask_log;

typedef struct cache_entry {
    eo_op *module;              /* after stages 0..its stage; NULL: free */
    ask_log asks;               /* every question of those stages */
    uint64_t used;              /* last use (LRU) */
} cache_entry;

struct eo_evaluator {
    eo_ctx *ctx;
    eo_op *module;              /* the imported model (never changed) */
    eo_target *target;
    char *pipeline;
    eo_pass_manager *pm;
    eo_measure_fn measure;
    unsigned repeats;
    bool measured;              /* host target with a measure function */
    bool verify;
    char model_hash[17];
    char target_hash[17];
    char version[32];
    eo_eval_key key;
    /* verify: the deterministic input and the interpreter's outputs */
    eo_tensor *ref_in, *ref_out;
    size_t num_in, num_out;
    /* The knob space of the default candidate (discovery), parsed: the
     * domains invalid values are judged against. NULL until needed. */
    cJSON *disc;
    bool disc_failed;
    /* NPU targets: the deterministic input the simulator runs. */
    eo_tensor *npu_in;
    size_t npu_nin;
    /* Prefix cache: one pass manager per top-level element (nstages 0:
     * no cache), the cached modules per stage (the last stage's output is
     * never kept), and the space the entries' dimensions refer to. */
    eo_pass_manager *stage_pm[MAX_STAGES];
    size_t nstages;
    cache_entry cache[MAX_STAGES][CACHE_PER_STAGE];
    const eo_space *cache_space;
    size_t cache_ndims;
    uint64_t clock;
    /* Per stage: modules kept and hits on them (halved now and then);
     * a stage whose modules are seldom hit keeps one candidate in 16. */
    uint32_t kept[MAX_STAGES], hit[MAX_STAGES];
    eo_evaluator_stats stats;
    bool verify_ir;             /* verify every candidate's IR */
    bool ir_verified;           /* a candidate's IR was verified */
    bool discover;              /* fill eo_eval_outcome.discovered */
    /* discover: the names of 'disc' sorted (borrowed from it; built once
     * it is there), and whether the candidate running asked a knob that
     * is neither a dimension nor one of them (only then are its knobs
     * written and parsed to find the new ones). */
    const char **known;
    size_t nknown;
    bool asked_new;
};

const char *
eo_evaluator_default_pipeline(void)
{
    return DEFAULT_PIPELINE;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static bool
has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

/* Reads a whole file (NUL-terminated); NULL after a diagnostic. */
static char *
read_file(eo_ctx *ctx, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "cannot open '%s': %s", path,
                      strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (cap - n < 4097) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nb = realloc(buf, ncap);
            if (!nb) {
                free(buf);
                fclose(f);
                eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory "
                              "reading '%s'", path);
                return NULL;
            }
            buf = nb;
            cap = ncap;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        eo_emit_error(ctx, eo_loc_unknown(ctx), "cannot read '%s'", path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static uint64_t
fnv1a(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static bool
is_public_func(eo_op *op)
{
    if (strcmp(eo_op_name_str(op), "func.func") != 0 ||
        func_is_declaration(op))
        return false;
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    size_t len = 0;
    const char *s = vis ? eo_attr_string(vis, &len) : NULL;
    return !s || (len == 6 && memcmp(s, "public", 6) == 0);
}

/* The entry function: the first public func.func with a body. */
static eo_op *
entry_func(eo_op *module)
{
    eo_block *body = eo_module_body(module);
    for (eo_op *op = body ? eo_block_first(body) : NULL; op;
         op = eo_op_next(op))
        if (is_public_func(op))
            return op;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Capturing diagnostics                                               */
/* ------------------------------------------------------------------ */

/* While a candidate runs, its diagnostics are kept (the first error
 * becomes the outcome's message), never printed. */
typedef struct capture {
    eo_ctx *ctx;
    eo_diag_handler old;
    void *old_ud;
    bool had_old;
    bool errors;
    /* Knob check: assignments that matched no knob are not errors (a
     * conditional knob this candidate did not ask); invalid values are
     * collected in 'invalid' (knob name, message), judged afterwards. */
    bool skip_unmatched;
    char first[256];
    eo_strbuf invalid;          /* "name\0reason\0message\0" triples */
} capture;

#define INVALID_PREFIX "invalid value for knob '"

/* Text of diagnostic 'd' for a message: its first line, without the
 * place when that is an assignment's ("<command line>:1:40"). */
static void
diag_line(eo_ctx *ctx, const eo_diag *d, char *out, size_t size)
{
    eo_strbuf b = { 0 };
    eo_diag_format(ctx, d, &b);
    const char *text = b.data && !b.oom ? b.data : d->message;
    if (strncmp(text, "<command line>", 14) == 0)
        text = d->message;
    size_t n = strcspn(text, "\n");
    if (n >= size)
        n = size - 1;
    memcpy(out, text, n);
    out[n] = '\0';
    eo_strbuf_free(&b);
}

static void
capture_handler(const eo_diag *d, void *ud)
{
    capture *c = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (c->skip_unmatched &&
        (strncmp(d->message, "unknown knob '", 14) == 0 ||
         strncmp(d->message, "knob pattern '", 14) == 0))
        return;
    size_t plen = strlen(INVALID_PREFIX);
    const char *end = NULL;
    if (c->skip_unmatched && strncmp(d->message, INVALID_PREFIX, plen) == 0 &&
        (end = strstr(d->message + plen, "': ")) != NULL) {
        char line[256];
        diag_line(c->ctx, d, line, sizeof line);
        eo_strbuf_append(&c->invalid, d->message + plen,
                         (size_t)(end - d->message) - plen);
        eo_strbuf_append(&c->invalid, "", 1);
        eo_strbuf_append(&c->invalid, end + 3, strlen(end + 3) + 1);
        eo_strbuf_append(&c->invalid, line, strlen(line) + 1);
        return;
    }
    if (!c->errors)
        diag_line(c->ctx, d, c->first, sizeof c->first);
    c->errors = true;
}

static void
capture_begin(capture *c, eo_ctx *ctx)
{
    memset(c, 0, sizeof *c);
    c->ctx = ctx;
    c->had_old = eo_ctx_get_diag_handler(ctx, &c->old, &c->old_ud);
    eo_ctx_set_diag_handler(ctx, capture_handler, c);
}

static void
capture_end(capture *c)
{
    eo_strbuf_free(&c->invalid);
    if (c->had_old)
        eo_ctx_set_diag_handler(c->ctx, c->old, c->old_ud);
    else
        eo_ctx_set_diag_handler(c->ctx, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Deterministic inputs and comparison (verify)                        */
/* ------------------------------------------------------------------ */

/* Fills 't' from a fixed LCG: floats uniform in [-1, 1], integers in
 * [-8, 8) (unsigned: [0, 16)), booleans 0/1. */
static void
fill_tensor(eo_tensor *t, uint64_t seed)
{
    uint64_t x = seed * 6364136223846793005ull + 1442695040888963407ull;
    int64_t n = eo_tensor_numel(t);
    for (int64_t i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint32_t r = (uint32_t)(x >> 33);
        double u = (double)r / 2147483648.0 * 2.0 - 1.0;
        int64_t k = (int64_t)(r % 16) - 8;
        switch (t->dtype) {
        case EO_DT_F32: ((float *)t->data)[i] = (float)u; break;
        case EO_DT_F64: ((double *)t->data)[i] = u; break;
        case EO_DT_I8: ((int8_t *)t->data)[i] = (int8_t)k; break;
        case EO_DT_U8: ((uint8_t *)t->data)[i] = (uint8_t)(k + 8); break;
        case EO_DT_I16: ((int16_t *)t->data)[i] = (int16_t)k; break;
        case EO_DT_U16: ((uint16_t *)t->data)[i] = (uint16_t)(k + 8); break;
        case EO_DT_I32: ((int32_t *)t->data)[i] = (int32_t)k; break;
        case EO_DT_U32: ((uint32_t *)t->data)[i] = (uint32_t)(k + 8); break;
        case EO_DT_I64: ((int64_t *)t->data)[i] = k; break;
        case EO_DT_U64: ((uint64_t *)t->data)[i] = (uint64_t)(k + 8); break;
        case EO_DT_BOOL: ((uint8_t *)t->data)[i] = (uint8_t)(r & 1); break;
        case EO_DT_F16: ((uint16_t *)t->data)[i] = 0; break;  /* zero */
        }
    }
}

static double
elem_at(const eo_tensor *t, int64_t i)
{
    switch (t->dtype) {
    case EO_DT_F32: return ((const float *)t->data)[i];
    case EO_DT_F64: return ((const double *)t->data)[i];
    case EO_DT_I8: return ((const int8_t *)t->data)[i];
    case EO_DT_U8: return ((const uint8_t *)t->data)[i];
    case EO_DT_I16: return ((const int16_t *)t->data)[i];
    case EO_DT_U16: return ((const uint16_t *)t->data)[i];
    case EO_DT_I32: return ((const int32_t *)t->data)[i];
    case EO_DT_U32: return ((const uint32_t *)t->data)[i];
    case EO_DT_I64: return (double)((const int64_t *)t->data)[i];
    case EO_DT_U64: return (double)((const uint64_t *)t->data)[i];
    case EO_DT_BOOL: return ((const uint8_t *)t->data)[i];
    case EO_DT_F16: return ((const uint16_t *)t->data)[i];
    }
    return 0;
}

/* Compares result k; on a mismatch reports it and returns false. Floats
 * within 1e-4 + 1e-3 |ref| (reassociation by tiling), integers exact. */
static bool
same_output(eo_ctx *ctx, size_t k, const eo_tensor *got,
            const eo_tensor *ref)
{
    if (got->dtype != ref->dtype || got->rank != ref->rank ||
        memcmp(got->shape, ref->shape, ref->rank * sizeof ref->shape[0])) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "verify: result #%zu has "
                      "another type or shape than the reference", k);
        return false;
    }
    bool fp = ref->dtype == EO_DT_F32 || ref->dtype == EO_DT_F64;
    int64_t n = eo_tensor_numel(ref);
    for (int64_t i = 0; i < n; i++) {
        double a = elem_at(got, i), b = elem_at(ref, i);
        bool ok = fp ? fabs(a - b) <= 1e-4 + 1e-3 * fabs(b) : a == b;
        if (!ok || (fp && isnan(a) != isnan(b))) {
            eo_emit_error(ctx, eo_loc_unknown(ctx), "verify: result #%zu "
                          "differs from the reference interpreter at element "
                          "%" PRId64 ": %g instead of %g", k, i, a, b);
            return false;
        }
    }
    return true;
}

static void
free_tensors(eo_tensor *t, size_t n)
{
    for (size_t i = 0; t && i < n; i++)
        eo_tensor_free(&t[i]);
    free(t);
}

/* Runs the imported model in the interpreter on the deterministic input
 * once; EO_ERROR after a diagnostic. */
static eo_status
make_reference(eo_evaluator *ev)
{
    eo_op *fn = entry_func(ev->module);
    const eo_type *ft = fn ? func_get_type(fn) : NULL;
    if (!ft)
        return eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "verify: the "
                             "model has no public function to run");
    size_t nin = eo_type_num_inputs(ft), nres = eo_type_num_results(ft);
    ev->ref_in = calloc(nin ? nin : 1, sizeof *ev->ref_in);
    ev->ref_out = calloc(nres ? nres : 1, sizeof *ev->ref_out);
    if (!ev->ref_in || !ev->ref_out)
        return EO_NOMEM;
    for (size_t i = 0; i < nin; i++) {
        if (eo_tensor_alloc_for_type(&ev->ref_in[i], eo_type_input(ft, i)) !=
            EO_OK)
            return eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "verify: "
                                 "input #%zu has no static host type", i);
        ev->num_in = i + 1;
        fill_tensor(&ev->ref_in[i], i + 1);
    }
    size_t nout = nres;
    if (eo_interp_run(fn, nin, ev->ref_in, &nout, ev->ref_out) != EO_OK)
        return EO_ERROR;
    ev->num_out = nout;
    return EO_OK;
}

/* Runs the lowered module in the interpreter on the reference input and
 * compares; EO_ERROR after a diagnostic on any difference. */
static eo_status
verify_lowered(eo_evaluator *ev, eo_op *module)
{
    eo_op *fn = entry_func(module);
    if (!fn)
        return eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "verify: no "
                             "public function after the pipeline");
    size_t cap = ev->num_out + 8, nout = cap;
    eo_tensor *out = calloc(cap, sizeof *out);
    if (!out)
        return EO_NOMEM;
    eo_status st = eo_interp_run(fn, ev->num_in, ev->ref_in, &nout, out);
    if (st == EO_OK && nout != ev->num_out)
        st = eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "verify: %zu "
                           "results after the pipeline, %zu before", nout,
                           ev->num_out);
    for (size_t k = 0; st == EO_OK && k < nout; k++)
        if (!same_output(ev->ctx, k, &out[k], &ev->ref_out[k]))
            st = EO_ERROR;
    free_tensors(out, st == EO_OK || nout <= cap ? nout : 0);
    return st;
}

/* ------------------------------------------------------------------ */
/* Creation                                                            */
/* ------------------------------------------------------------------ */

static void make_stages(eo_evaluator *ev, const eo_pm_config *cfg);
static void cache_clear(eo_evaluator *ev);

static eo_status
register_all(eo_ctx *ctx)
{
    eo_status st = eo_register_all_dialects(ctx);
    if (st == EO_OK)
        st = eo_passes_register(ctx);
    if (st == EO_OK)
        st = eo_graph_register_passes(ctx);
    if (st == EO_OK)
        st = eo_tl_register_passes(ctx);
    if (st == EO_OK)
        st = eo_npu_register_passes(ctx);
    if (st == EO_OK)
        st = eo_place_register_passes(ctx);
    return st;
}

static eo_op *
load_model(eo_ctx *ctx, const char *path, const char *bytes, size_t len)
{
    eo_op *m;
    if (has_suffix(path, ".onnx")) {
        /* A dynamic (batch) dimension is taken as 1. */
        eo_onnx_options oo = { .func_name = NULL, .dynamic_dim = 1 };
        m = eo_onnx_import_buffer(ctx, bytes, len, path, &oo);
    } else {
        m = eo_parse_source(ctx, path, bytes, len, NULL);
    }
    if (m && eo_op_verify(m) != EO_OK) {
        eo_op_destroy(m);
        m = NULL;
    }
    return m;
}

eo_evaluator *
eo_evaluator_create(eo_ctx *ctx, const eo_evaluator_opts *o)
{
    if (!ctx)
        return NULL;
    if (!o || !o->model_path || !o->target) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "evaluator: a model and a "
                      "target are needed");
        return NULL;
    }
    if (register_all(ctx) != EO_OK)
        return NULL;
    eo_evaluator *ev = calloc(1, sizeof *ev);
    if (!ev) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory");
        return NULL;
    }
    ev->ctx = ctx;
    ev->measure = o->measure;
    ev->repeats = o->repeats ? o->repeats : 5;
    ev->verify = o->verify;
    /* The model: its bytes are hashed and kept registered as source
     * text by the parser, so they live in the context's arena. */
    size_t len = 0;
    char *bytes = read_file(ctx, o->model_path, &len);
    if (!bytes)
        goto fail;
    snprintf(ev->model_hash, sizeof ev->model_hash, "%016" PRIx64,
             fnv1a(bytes, len));
    char *kept = eo_ctx_alloc(ctx, len + 1);
    if (kept)
        memcpy(kept, bytes, len + 1);
    free(bytes);
    if (!kept) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory");
        goto fail;
    }
    ev->module = load_model(ctx, o->model_path, kept, len);
    if (!ev->module)
        goto fail;

    ev->target = eo_target_load_named(ctx, o->target);
    if (!ev->target)
        goto fail;
    snprintf(ev->target_hash, sizeof ev->target_hash, "%016" PRIx64,
             eo_target_hash(ev->target));
    ev->measured = ev->measure &&
                   eo_target_kind_get(ev->target) == EO_TARGET_CPU;

    /* The pipeline: NPU targets map the graph onto the NPU (npu-map
     * loads the same target by the same spec). */
    const char *pipe = o->pipeline ? o->pipeline : DEFAULT_PIPELINE;
    size_t plen = strlen(pipe) + 1;
    bool npu = !o->pipeline &&
               eo_target_kind_get(ev->target) == EO_TARGET_NPU;
    if (npu && strpbrk(o->target, " ,{}\"\'")) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "evaluator: NPU target "
                      "'%s' cannot be named in the npu-map pipeline (give "
                      "--pipeline)", o->target);
        goto fail;
    }
    if (npu)
        plen = strlen(NPU_PIPELINE) + strlen(o->target) + 1;
    ev->pipeline = malloc(plen);
    if (!ev->pipeline) {
        eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory");
        goto fail;
    }
    if (npu)
        snprintf(ev->pipeline, plen, NPU_PIPELINE, o->target);
    else
        strcpy(ev->pipeline, pipe);

    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;      /* one thread: workers fork this process */
    cfg.verify_each = false;    /* the result is verified once, at the end */
    ev->pm = eo_pm_create(ctx, "builtin.module", &cfg);
    if (!ev->pm || eo_pm_add_pipeline(ev->pm, ev->pipeline) != EO_OK)
        goto fail;
    ev->verify_ir = o->verify_ir;
    ev->discover = o->discover;
    if (!o->no_prefix_cache)
        make_stages(ev, &cfg);

    if (ev->verify && make_reference(ev) != EO_OK)
        goto fail;

    snprintf(ev->version, sizeof ev->version, "%s%s-1",
             ev->measured ? "host-measured" : "model",
             ev->verify ? "-verified" : "");
    ev->key.model_hash = ev->model_hash;
    ev->key.target_hash = ev->target_hash;
    ev->key.pipeline = ev->pipeline;
    ev->key.evaluator = ev->version;
    return ev;
fail:
    eo_evaluator_destroy(ev);
    return NULL;
}

void
eo_evaluator_destroy(eo_evaluator *ev)
{
    if (!ev)
        return;
    free_tensors(ev->ref_in, ev->num_in);
    free_tensors(ev->ref_out, ev->num_out);
    free_tensors(ev->npu_in, ev->npu_nin);
    free(ev->known);
    cJSON_Delete(ev->disc);
    cache_clear(ev);
    for (size_t i = 0; i < ev->nstages; i++)
        eo_pm_destroy(ev->stage_pm[i]);
    eo_pm_destroy(ev->pm);
    eo_target_destroy(ev->target);
    if (ev->module)
        eo_op_destroy(ev->module);
    free(ev->pipeline);
    free(ev);
}

const eo_eval_key *
eo_evaluator_key(const eo_evaluator *ev)
{
    return &ev->key;
}

/* ------------------------------------------------------------------ */
/* Prefix cache                                                        */
/* ------------------------------------------------------------------ */

static void
ask_rec_free(ask_rec *r)
{
    free(r->name);
    free(r->asker);
    free((void *)r->dom.values);
    if (r->dom.names)
        for (size_t i = 0; i < r->dom.count; i++)
            free((void *)r->dom.names[i]);
    free((void *)r->dom.names);
}

static void
ask_log_clear(ask_log *l)
{
    for (size_t i = 0; i < l->n; i++)
        ask_rec_free(&l->a[i]);
    free(l->a);
    memset(l, 0, sizeof *l);
}

static char *
dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Appends a deep copy of a question; false when out of memory. */
static bool
ask_log_push(ask_log *l, const char *name, const eo_knob_domain *dom,
             int64_t def, int64_t value, const char *asker, long dim,
             uint32_t vidx)
{
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 32;
        ask_rec *na = realloc(l->a, ncap * sizeof *na);
        if (!na)
            return false;
        l->a = na;
        l->cap = ncap;
    }
    ask_rec *r = &l->a[l->n];
    memset(r, 0, sizeof *r);
    r->dom.kind = dom->kind;
    r->dom.lo = dom->lo;
    r->dom.hi = dom->hi;
    r->dom.step = dom->step;
    r->def = def;
    r->value = value;
    r->dim = dim;
    r->vidx = vidx;
    bool ok = (r->name = dup_str(name)) != NULL &&
              (!asker || (r->asker = dup_str(asker)) != NULL);
    if (ok && dom->values && dom->count) {
        int64_t *v = malloc(dom->count * sizeof *v);
        ok = v != NULL;
        if (ok) {
            memcpy(v, dom->values, dom->count * sizeof *v);
            r->dom.values = v;
            r->dom.count = dom->count;
        }
    }
    if (ok && dom->names && dom->count) {
        char **nm = calloc(dom->count, sizeof *nm);
        ok = nm != NULL;
        if (ok) {
            r->dom.names = (const char *const *)nm;
            r->dom.count = dom->count;
            for (size_t i = 0; ok && i < dom->count; i++)
                ok = (nm[i] = dup_str(dom->names[i])) != NULL;
        }
    }
    if (ok && !dom->values && !dom->names)
        r->dom.count = dom->count;
    if (!ok) {
        ask_rec_free(r);
        return false;
    }
    l->n++;
    return true;
}

/* Copies the first n questions of 'src' to the end of 'dst'. */
static bool
ask_log_copy(ask_log *dst, const ask_log *src, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const ask_rec *r = &src->a[i];
        if (!ask_log_push(dst, r->name, &r->dom, r->def, r->value, r->asker,
                          r->dim, r->vidx))
            return false;
    }
    return true;
}

static void
cache_clear(eo_evaluator *ev)
{
    for (size_t k = 0; k < MAX_STAGES; k++)
        for (size_t j = 0; j < CACHE_PER_STAGE; j++) {
            cache_entry *e = &ev->cache[k][j];
            if (e->module)
                eo_op_destroy(e->module);
            ask_log_clear(&e->asks);
            e->module = NULL;
        }
}

/* Splits pipeline 'text' ("builtin.module(a,func.func(b,c),d)") into
 * one pass manager per top-level element. Leaves nstages 0 (no cache)
 * when the text has another form or an element does not parse alone. */
static void
make_stages(eo_evaluator *ev, const eo_pm_config *cfg)
{
    static const char head[] = "builtin.module(";
    const char *p = ev->pipeline;
    size_t n = strlen(p), hl = sizeof head - 1;
    if (n <= hl + 1 || strncmp(p, head, hl) != 0 || p[n - 1] != ')')
        return;
    capture cap;
    capture_begin(&cap, ev->ctx);
    eo_strbuf b = { 0 };
    size_t start = hl, count = 0;
    int depth = 0;
    char quote = 0;
    bool ok = true;
    for (size_t i = hl; ok && i < n; i++) {
        char c = p[i];
        if (quote) {
            if (c == '\\' && i + 1 < n)
                i++;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '"' || c == '\'')
            quote = c;
        else if (c == '(' || c == '{' || c == '[')
            depth++;
        else if ((c == ')' || c == '}' || c == ']') && depth > 0)
            depth--;
        else if ((c == ',' && depth == 0) || (c == ')' && i == n - 1)) {
            if (count == MAX_STAGES || i == start) {
                ok = false;
                break;
            }
            b.len = 0;
            eo_strbuf_printf(&b, "builtin.module(%.*s)", (int)(i - start),
                             p + start);
            eo_pass_manager *pm = b.oom ? NULL
                : eo_pm_create(ev->ctx, "builtin.module", cfg);
            ev->stage_pm[count++] = pm;
            ok = pm && eo_pm_add_pipeline(pm, b.data) == EO_OK;
            start = i + 1;
        } else if (c == ')' && depth == 0) {
            ok = false;
        }
    }
    eo_strbuf_free(&b);
    capture_end(&cap);
    if (!ok || quote || depth != 0 || count < 2) {
        for (size_t i = 0; i < count; i++)
            eo_pm_destroy(ev->stage_pm[i]);
        memset(ev->stage_pm, 0, sizeof ev->stage_pm);
        count = 0;
    }
    ev->nstages = count;
}

void
eo_evaluator_get_stats(const eo_evaluator *ev, eo_evaluator_stats *out)
{
    *out = ev->stats;
}

/* A provider that answers through the knob store and records each
 * question of a cacheable stage. */
typedef struct recorder {
    const eo_knob_provider *inner;
    const eo_space *s;
    const uint32_t *cand;
    ask_log *log;
    bool record;
    bool oom;
} recorder;

static int64_t
recorder_ask(void *ud, const char *name, const eo_knob_domain *dom,
             int64_t def, const eo_op *site, const char *asker)
{
    recorder *r = ud;
    int64_t v = r->inner->ask
        ? r->inner->ask(r->inner->ud, name, dom, def, site, asker) : def;
    if (r->record && !r->oom && name && dom) {
        long d = eo_space_find(r->s, name);
        if (!ask_log_push(r->log, name, dom, def, v, asker, d,
                          d >= 0 ? r->cand[d] : 0))
            r->oom = true;
    }
    return v;
}

static int
cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether 'name' is a knob of the default candidate (discovery); false
 * when that is not known (yet). */
static bool
known_knob(eo_evaluator *ev, const char *name)
{
    if (!ev->known && ev->disc) {
        const cJSON *knobs = cJSON_GetObjectItemCaseSensitive(ev->disc,
                                                              "knobs");
        int n = cJSON_GetArraySize(knobs);
        ev->known = malloc((n > 0 ? (size_t)n : 1) * sizeof *ev->known);
        if (!ev->known)
            return false;
        const cJSON *k;
        ev->nknown = 0;
        cJSON_ArrayForEach(k, knobs) {
            const cJSON *nm = cJSON_GetObjectItemCaseSensitive(k, "name");
            if (cJSON_IsString(nm))
                ev->known[ev->nknown++] = nm->valuestring;
        }
        qsort(ev->known, ev->nknown, sizeof *ev->known, cmp_name);
    }
    return ev->known && bsearch(&name, ev->known, ev->nknown,
                                sizeof *ev->known, cmp_name);
}

/* A provider in front of the knob store that notes (ev->asked_new)
 * whether a question is about a knob outside the space and discovery. */
typedef struct watcher {
    const eo_knob_provider *inner;
    eo_evaluator *ev;
    const eo_space *s;
} watcher;

static int64_t
watcher_ask(void *ud, const char *name, const eo_knob_domain *dom,
            int64_t def, const eo_op *site, const char *asker)
{
    watcher *w = ud;
    if (!w->ev->asked_new && name && eo_space_find(w->s, name) < 0 &&
        !known_knob(w->ev, name))
        w->ev->asked_new = true;
    return w->inner->ask
        ? w->inner->ask(w->inner->ud, name, dom, def, site, asker) : def;
}

/* Whether candidate 'cand' gives every knob of 'e' its value then. */
static bool
entry_matches(const cache_entry *e, const uint32_t *cand, size_t ndims)
{
    for (size_t i = 0; i < e->asks.n; i++) {
        const ask_rec *r = &e->asks.a[i];
        if (r->dim >= 0 && ((size_t)r->dim >= ndims || cand[r->dim] != r->vidx))
            return false;
    }
    return true;
}

/* What a cached run leaves to keep: the module after each stage but the
 * last and the number of questions asked up to it. */
typedef struct pending {
    eo_op *module[MAX_STAGES];
    size_t nasks[MAX_STAGES];
    ask_log log;
    bool mismatch;              /* a replayed answer differed */
} pending;

static void
pending_free(pending *pd)
{
    for (size_t k = 0; k < MAX_STAGES; k++)
        if (pd->module[k])
            eo_op_destroy(pd->module[k]);
    ask_log_clear(&pd->log);
    memset(pd, 0, sizeof *pd);
}

/* Keeps the modules of a candidate that compiled (taking them). */
static void
pending_keep(eo_evaluator *ev, pending *pd)
{
    for (size_t k = 0; k + 1 < ev->nstages; k++) {
        if (!pd->module[k])
            continue;
        cache_entry *slot = NULL;
        for (size_t j = 0; j < CACHE_PER_STAGE; j++) {
            cache_entry *e = &ev->cache[k][j];
            if (!e->module) {
                slot = e;
                break;
            }
            if (!slot || e->used < slot->used)
                slot = e;
        }
        ask_log asks = { 0 };
        if (!ask_log_copy(&asks, &pd->log, pd->nasks[k])) {
            ask_log_clear(&asks);
            continue;
        }
        if (slot->module)
            eo_op_destroy(slot->module);
        ask_log_clear(&slot->asks);
        slot->module = pd->module[k];
        slot->asks = asks;
        slot->used = ++ev->clock;
        pd->module[k] = NULL;
        if (++ev->kept[k] >= 256) {
            ev->kept[k] /= 2;
            ev->hit[k] /= 2;
        }
    }
}

/* Runs the pipeline for 'cand' on a new module (*mout): from the deepest
 * cached stage whose knobs the candidate gives the same values, the
 * earlier stages' questions replayed to 'ks' so that it records what a
 * whole run would (without sites), or the whole pipeline with 'pd' NULL.
 * The modules after each stage go to 'pd'. */
static eo_status
run_pipeline(eo_evaluator *ev, const eo_space *s, const uint32_t *cand,
             eo_knob_store *ks, pending *pd, eo_op **mout)
{
    const eo_knob_provider *kp = eo_knob_store_provider(ks);
    /* With discover, every question (replayed ones too) is watched. */
    watcher w = { .inner = kp, .ev = ev, .s = s };
    eo_knob_provider wprov = { .ask = watcher_ask, .ud = &w };
    if (ev->discover)
        kp = &wprov;
    if (!pd || ev->nstages == 0) {
        *mout = eo_op_clone(ev->module, NULL);
        if (!*mout)
            return EO_NOMEM;
        return eo_pm_run(ev->pm, *mout, kp);
    }
    size_t ndims = eo_space_num_dims(s);
    if (ev->cache_space != s || ev->cache_ndims != ndims) {
        cache_clear(ev);
        ev->cache_space = s;
        ev->cache_ndims = ndims;
    }
    cache_entry *hit = NULL;
    size_t start = 0;
    for (size_t k = ev->nstages - 1; k-- > 0 && !hit;)
        for (size_t j = 0; j < CACHE_PER_STAGE && !hit; j++) {
            cache_entry *e = &ev->cache[k][j];
            if (e->module && entry_matches(e, cand, ndims)) {
                hit = e;
                start = k + 1;
            }
        }
    if (hit) {
        ev->hit[start - 1]++;
        for (size_t i = 0; i < hit->asks.n; i++) {
            const ask_rec *r = &hit->asks.a[i];
            int64_t v = kp->ask ? kp->ask(kp->ud, r->name, &r->dom, r->def,
                                          NULL, r->asker) : r->def;
            if (v != r->value) {
                pd->mismatch = true;
                return EO_ERROR;
            }
        }
        if (!ask_log_copy(&pd->log, &hit->asks, hit->asks.n))
            return EO_NOMEM;
        hit->used = ++ev->clock;
        *mout = eo_op_clone(hit->module, NULL);
        ev->stats.hits++;
        ev->stats.stages_skipped += start;
    } else {
        *mout = eo_op_clone(ev->module, NULL);
        ev->stats.misses++;
    }
    if (!*mout)
        return EO_NOMEM;
    recorder rec = { .inner = kp, .s = s, .cand = cand, .log = &pd->log };
    eo_knob_provider prov = { .ask = recorder_ask, .ud = &rec };
    uint64_t run_no = ev->stats.hits + ev->stats.misses;
    for (size_t k = start; k < ev->nstages; k++) {
        rec.record = k + 1 < ev->nstages;
        eo_status st = eo_pm_run(ev->stage_pm[k], *mout, &prov);
        if (st != EO_OK)
            return st;
        if (rec.oom)
            return EO_NOMEM;
        if (k + 1 < ev->nstages) {
            pd->nasks[k] = pd->log.n;
            bool keep = ev->kept[k] < 16 ||
                        (uint64_t)ev->hit[k] * 8 >= ev->kept[k] ||
                        run_no % 16 == 0;
            if (!keep)
                continue;
            pd->module[k] = eo_op_clone(*mout, NULL);
            if (!pd->module[k])
                return EO_NOMEM;
        }
    }
    /* A stage that asked nothing makes the module before it useless: the
     * one after it answers the same candidates, and more of the work. */
    for (size_t k = start; k + 2 < ev->nstages; k++)
        if (pd->module[k] && pd->module[k + 1] &&
            pd->nasks[k] == pd->nasks[k + 1]) {
            eo_op_destroy(pd->module[k]);
            pd->module[k] = NULL;
        }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Running                                                             */
/* ------------------------------------------------------------------ */

eo_status
eo_evaluator_discover(eo_evaluator *ev, eo_strbuf *space_json)
{
    eo_knob_store *ks = eo_knob_store_create(ev->ctx);
    eo_op *m = eo_op_clone(ev->module, NULL);
    eo_status st = ks && m ? EO_OK : EO_NOMEM;
    if (st == EO_OK)
        st = eo_pm_run(ev->pm, m, eo_knob_store_provider(ks));
    size_t mark = space_json->len;
    if (st == EO_OK)
        eo_knob_store_space_json(ks, space_json);
    if (st == EO_OK && space_json->oom)
        st = EO_NOMEM;
    if (st == EO_OK && !ev->disc) {
        ev->disc = cJSON_ParseWithLength(space_json->data + mark,
                                         space_json->len - mark);
        ev->disc_failed = !ev->disc;
    }
    if (m)
        eo_op_destroy(m);
    eo_knob_store_destroy(ks);
    return st;
}

/* The record of knob 'name' in a knob-space JSON, or NULL. */
static const cJSON *
find_knob(const cJSON *space, const char *name)
{
    const cJSON *knobs = cJSON_GetObjectItemCaseSensitive(space, "knobs");
    const cJSON *k;
    cJSON_ArrayForEach(k, knobs) {
        const cJSON *n = cJSON_GetObjectItemCaseSensitive(k, "name");
        if (cJSON_IsString(n) && strcmp(n->valuestring, name) == 0)
            return k;
    }
    return NULL;
}

/* Appends domain 'dom' (knob-space JSON) as eo_knob_store_check's
 * messages write it: "[lo, hi]" (" step s"), "{1, 2}", "{"a", "b"}". */
static void
domain_text(const cJSON *dom, eo_strbuf *out)
{
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(dom, "kind");
    const char *k = cJSON_IsString(kind) ? kind->valuestring : "";
    if (strcmp(k, "range") == 0) {
        const cJSON *lo = cJSON_GetObjectItemCaseSensitive(dom, "lo");
        const cJSON *hi = cJSON_GetObjectItemCaseSensitive(dom, "hi");
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(dom, "step");
        eo_strbuf_printf(out, "[%.0f, %.0f]", cJSON_GetNumberValue(lo),
                         cJSON_GetNumberValue(hi));
        if (cJSON_IsNumber(st) && st->valuedouble > 1)
            eo_strbuf_printf(out, " step %.0f", st->valuedouble);
        return;
    }
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(
        dom, strcmp(k, "enum") == 0 ? "names" : "values");
    const cJSON *v;
    bool first = true;
    eo_strbuf_puts(out, "{");
    cJSON_ArrayForEach(v, list) {
        eo_strbuf_puts(out, first ? "" : ", ");
        first = false;
        if (cJSON_IsString(v))
            eo_strbuf_printf(out, "\"%s\"", v->valuestring);
        else
            eo_strbuf_printf(out, "%.0f", cJSON_GetNumberValue(v));
    }
    eo_strbuf_puts(out, "}");
}

/* Judges the invalid knob values that eo_knob_store_check reported
 * (collected in c->invalid). A value is an error (the first one becomes
 * the message) when the knob's domain in this run, as the check's
 * message gives it, is the one discovery recorded (at the defaults): the
 * space offers a value the compiler never takes. When the domain changed
 * with other knobs of the candidate (a layout changes a convolution's
 * loop extents, so its tile sizes), the knob is conditional: it keeps
 * its default, as a knob the candidate does not ask is ignored, and the
 * candidate is evaluated. */
static eo_status
judge_invalid(eo_evaluator *ev, capture *c)
{
    if (!ev->disc && !ev->disc_failed) {
        /* Discovery's diagnostics (if it fails) are not the candidate's. */
        bool errors = c->errors;
        char first[sizeof c->first];
        memcpy(first, c->first, sizeof first);
        eo_strbuf js = { 0 };
        if (eo_evaluator_discover(ev, &js) != EO_OK)
            ev->disc_failed = true;
        eo_strbuf_free(&js);
        c->errors = errors;
        memcpy(c->first, first, sizeof first);
    }
    eo_status st = EO_OK;
    eo_strbuf dt = { 0 };
    const char *p = c->invalid.data, *end = p + c->invalid.len;
    while (p && p < end && st == EO_OK) {
        const char *name = p, *reason = p + strlen(p) + 1;
        const char *msg = reason + strlen(reason) + 1;
        p = msg + strlen(msg) + 1;
        /* "value 8 is outside the domain {0, 2, 4}"; other reasons (a
         * value of the wrong kind, the bool domain) are errors. */
        const char *run_dom = strstr(reason, " is outside the domain ");
        if (!run_dom)
            run_dom = strstr(reason, " is not in the domain ");
        const cJSON *k = ev->disc ? find_knob(ev->disc, name) : NULL;
        bool conditional = false;
        if (run_dom && (ev->disc_failed || !k)) {
            conditional = true;
        } else if (run_dom) {
            run_dom = strstr(run_dom, "domain ") + 7;
            dt.len = 0;
            domain_text(cJSON_GetObjectItemCaseSensitive(k, "domain"), &dt);
            conditional = dt.data && !dt.oom && strcmp(dt.data, run_dom);
        }
        if (!conditional) {
            snprintf(c->first, sizeof c->first, "%s", msg);
            c->errors = true;
            st = EO_ERROR;
        }
    }
    eo_strbuf_free(&dt);
    return st;
}

/* Assigns the knobs of 'cand' to 'ks' and applies its axes to 't'.
 * EO_ERROR after a diagnostic. */
static eo_status
assign_candidate(eo_evaluator *ev, const eo_space *s, const uint32_t *cand,
                 eo_knob_store *ks, eo_target *t)
{
    eo_status st = EO_OK;
    size_t n = eo_space_num_dims(s);
    for (size_t i = 0; i < n; i++) {
        if (cand[i] < eo_space_dim_size(s, i))
            continue;
        /* Its diagnostic, as the space gives it. */
        eo_strbuf lines = { 0 };
        st = eo_space_knob_lines(s, cand, &lines);
        eo_strbuf_free(&lines);
        return st == EO_OK ? EO_ERROR : st;
    }
    /* Each knob as its "name=value" line would assign it, without
     * writing and splitting the lines. */
    eo_strbuf val = { 0 };
    for (size_t i = 0; st == EO_OK && i < n; i++) {
        /* Conditional knobs at their defaults have no line (most are not
         * asked: assigning them would only make the check report them). */
        if (eo_space_dim_is_axis(s, i) ||
            (eo_space_dim_is_conditional(s, i) &&
             cand[i] == eo_space_dim_default(s, i)))
            continue;
        val.len = 0;
        eo_space_value_text(s, i, cand[i], &val);
        if (val.oom || !val.data)
            st = EO_NOMEM;
        else
            st = eo_knob_store_assign_value(ks, eo_space_dim_name(s, i),
                                            val.data);
    }
    for (size_t i = 0; st == EO_OK && i < n; i++) {
        if (!eo_space_dim_is_axis(s, i))
            continue;
        const char *name = eo_space_dim_name(s, i);
        if (strncmp(name, "target.", 7) != 0 || !name[7]) {
            st = eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "axis '%s' "
                               "is not a target variant ('target.<path>')",
                               name);
            break;
        }
        val.len = 0;
        eo_space_value_text(s, i, cand[i], &val);
        if (val.oom || !val.data) {
            st = EO_NOMEM;
            break;
        }
        char *end;
        double v = strtod(val.data, &end);
        if (*end)
            st = eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "axis '%s': "
                               "bad value '%s'", name, val.data);
        else
            st = eo_target_set_number(ev->ctx, t, name + 7, v);
    }
    eo_strbuf_free(&val);
    return st;
}

/* Whether lowered module 'm' holds npu commands (an NPU program). */
static bool
has_npu_ops(eo_op *m)
{
    eo_op *fn = entry_func(m);
    eo_block *b = fn ? func_entry_block(fn) : NULL;
    for (eo_op *op = b ? eo_block_first(b) : NULL; op; op = eo_op_next(op))
        if (eo_npu_op_kind(op) >= 0)
            return true;
    return false;
}

/* The NPU branch: runs the program in the NPU simulator on the
 * deterministic input (the verify reference's); latency and energy are
 * the simulator's, memory its SRAM peak (on-chip buffers live at once;
 * off-chip activations and weights are not counted). With verify, the
 * outputs must equal the interpreter's on the original model. */
static eo_status
npu_objectives(eo_evaluator *ev, const eo_target *t, eo_op *m,
               eo_eval_outcome *out, eo_strbuf *report)
{
    if (!ev->npu_in) {
        eo_op *fn0 = entry_func(ev->module);
        const eo_type *ft = fn0 ? func_get_type(fn0) : NULL;
        size_t nin = ft ? eo_type_num_inputs(ft) : 0;
        eo_tensor *in = calloc(nin ? nin : 1, sizeof *in);
        if (!in)
            return EO_NOMEM;
        for (size_t i = 0; i < nin; i++) {
            if (eo_tensor_alloc_for_type(&in[i], eo_type_input(ft, i))
                != EO_OK) {
                free_tensors(in, i);
                return eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx),
                                     "NPU evaluation: input #%zu has no "
                                     "static host type", i);
            }
            fill_tensor(&in[i], i + 1);
        }
        ev->npu_in = in;
        ev->npu_nin = nin;
    }
    eo_op *fn = entry_func(m);
    if (!fn)
        return eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "NPU "
                             "evaluation: no public function after the "
                             "pipeline");
    size_t cap = eo_block_num_args(func_entry_block(fn)) + 1, nout = cap;
    eo_tensor *res = calloc(cap, sizeof *res);
    if (!res)
        return EO_NOMEM;
    eo_npu_sim_stats st;
    eo_status s = eo_npu_sim_run(ev->ctx, t, fn, ev->npu_nin, ev->npu_in,
                                 &nout, res, &st);
    size_t got = s == EO_OK ? nout : 0;
    if (s == EO_OK && ev->verify) {
        if (nout != ev->num_out)
            s = eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "verify: "
                              "%zu results after the pipeline, %zu before",
                              nout, ev->num_out);
        for (size_t k = 0; s == EO_OK && k < nout; k++)
            if (!same_output(ev->ctx, k, &res[k], &ev->ref_out[k]))
                s = EO_ERROR;
    }
    if (s == EO_OK) {
        out->obj[EO_OBJ_LATENCY] = st.latency_s;
        out->obj[EO_OBJ_ENERGY] = st.energy_j;
        out->obj[EO_OBJ_MEMORY] = (double)st.sram_peak_bytes;
        if (report)
            eo_npu_sim_stats_json(&st, report);
    }
    free_tensors(res, got);
    eo_npu_sim_stats_free(&st);
    return s;
}

/* Costs or measures the lowered 'm' on 't' into 'out'. */
static eo_status
objectives(eo_evaluator *ev, const eo_target *t, eo_op *m,
           eo_eval_outcome *out, eo_strbuf *report)
{
    if (eo_target_kind_get(t) == EO_TARGET_NPU && has_npu_ops(m))
        return npu_objectives(ev, t, m, out, report);
    eo_cost_report r;
    memset(&r, 0, sizeof r);
    eo_status st = eo_target_model_evaluate(ev->ctx, t, m, &r);
    if (st == EO_OK) {
        out->obj[EO_OBJ_LATENCY] = r.latency_s;
        out->obj[EO_OBJ_ENERGY] = r.energy_j;
        out->obj[EO_OBJ_MEMORY] = (double)r.peak_memory_bytes;
        if (report)
            eo_cost_report_json(t, &r, report);
    }
    eo_cost_report_free(&r);
    if (st == EO_OK && ev->measured) {
        double median = NAN;
        uint64_t code = 0;
        st = ev->measure(m, ev->repeats, &median, &code);
        if (st == EO_OK)
            out->obj[EO_OBJ_LATENCY] = median;
    }
    return st;
}

/* The end of the JSON value (object or array) opening at p[0], in
 * p[0..n): one past its closing bracket, or NULL when it does not end. */
static const char *
json_value_end(const char *p, const char *end)
{
    int depth = 0;
    bool str = false;
    for (; p < end; p++) {
        char c = *p;
        if (str) {
            if (c == '\\')
                p++;
            else if (c == '"')
                str = false;
        } else if (c == '"') {
            str = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return p + 1;
        }
    }
    return NULL;
}

/* Whether knob record o[0..n) (one object of knob-space JSON) is about a
 * knob outside the space and discovery: its name is read from the text
 * when it has no escapes, else from the parsed record. */
static bool
record_is_new(eo_evaluator *ev, const eo_space *s, const char *o, size_t n)
{
    static const char key[] = "\"name\": \"";
    const char *p = strstr(o, key);
    const char *q = p ? p + sizeof key - 1 : NULL;
    const char *e = q ? strchr(q, '"') : NULL;
    char small[512];
    if (p && e && e < o + n && !memchr(q, '\\', (size_t)(e - q)) &&
        (size_t)(e - q) < sizeof small) {
        memcpy(small, q, (size_t)(e - q));
        small[e - q] = '\0';
        return eo_space_find(s, small) < 0 && !known_knob(ev, small);
    }
    cJSON *k = cJSON_ParseWithLength(o, n);
    const cJSON *nm = cJSON_GetObjectItemCaseSensitive(k, "name");
    bool is_new = cJSON_IsString(nm) &&
                  eo_space_find(s, nm->valuestring) < 0 &&
                  !known_knob(ev, nm->valuestring);
    cJSON_Delete(k);
    return is_new;
}

/* The knobs 'ks' recorded that are neither dimensions of 's' nor knobs
 * of the default assignment (discovery; those not dimensions were left
 * out on purpose: pinned), as knob-space JSON in *out (malloc'd; NULL
 * when there are none). The store's JSON is split into its records
 * without parsing it whole (it holds every knob, with long depends_on
 * lists); the new records are copied as they are. */
static eo_status
new_knobs(eo_evaluator *ev, const eo_space *s, const eo_knob_store *ks,
          char **out)
{
    *out = NULL;
    eo_strbuf js = { 0 }, res = { 0 };
    eo_knob_store_space_json(ks, &js);
    if (js.oom || !js.data) {
        eo_strbuf_free(&js);
        return js.oom ? EO_NOMEM : EO_OK;
    }
    const char *end = js.data + js.len;
    const char *p = strstr(js.data, "\"knobs\"");
    p = p ? strchr(p, '[') : NULL;
    size_t count = 0;
    eo_status st = EO_OK;
    for (p = p ? p + 1 : end; p < end;) {
        while (p < end && *p != '{' && *p != ']')
            p++;
        if (p >= end || *p == ']')
            break;
        const char *e = json_value_end(p, end);
        if (!e)
            break;
        /* The record as text, NUL-terminated for the name lookup. */
        char save = *e;
        *(char *)e = '\0';
        bool keep = record_is_new(ev, s, p, (size_t)(e - p));
        *(char *)e = save;
        if (keep) {
            eo_strbuf_puts(&res, count++ ? ",\n" : "{\"knobs\": [\n");
            eo_strbuf_append(&res, p, (size_t)(e - p));
        }
        p = e;
    }
    eo_strbuf_free(&js);
    if (count)
        eo_strbuf_puts(&res, "]}");
    if (res.oom)
        st = EO_NOMEM;
    else if (count)
        *out = res.data;
    if (st != EO_OK || !count)
        eo_strbuf_free(&res);
    return st;
}

static eo_status run_candidate(eo_evaluator *ev, const eo_space *s,
                               const uint32_t *cand, eo_eval_outcome *out,
                               eo_strbuf *report, eo_strbuf *used,
                               bool whole);

/* eo_evaluator_run; 'used' (may be NULL) receives the knob assignment
 * the pipeline used, as JSON, when the candidate compiled; 'whole' turns
 * the prefix cache off. */
static eo_status
run_candidate(eo_evaluator *ev, const eo_space *s, const uint32_t *cand,
              eo_eval_outcome *out, eo_strbuf *report, eo_strbuf *used,
              bool whole)
{
    double t0 = now_s();
    memset(out, 0, sizeof *out);
    out->status = EO_EVAL_OK;
    for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
        out->obj[i] = NAN;
    out->timestamp = (int64_t)time(NULL);

    /* The prefix cache is left out when the assignment used is wanted
     * (its replayed questions have no site). */
    pending pd;
    memset(&pd, 0, sizeof pd);
    bool cached = !used && !whole && ev->nstages > 0;
    uint64_t hits = ev->stats.hits;
    ev->asked_new = false;
    capture cap;
    capture_begin(&cap, ev->ctx);
    eo_knob_store *ks = eo_knob_store_create(ev->ctx);
    eo_target *t = eo_target_clone(ev->target);
    eo_op *m = NULL;
    eo_status st = ks && t ? EO_OK : EO_NOMEM;
    eo_status internal = st;
    if (st == EO_OK)
        st = assign_candidate(ev, s, cand, ks, t);
    if (st == EO_OK)
        st = run_pipeline(ev, s, cand, ks, cached ? &pd : NULL, &m);
    if (pd.mismatch) {
        /* A replayed answer differed (it cannot when passes answer as
         * documented): the whole pipeline runs, with a fresh store. */
        pending_free(&pd);
        if (m)
            eo_op_destroy(m);
        m = NULL;
        eo_knob_store_destroy(ks);
        ks = eo_knob_store_create(ev->ctx);
        st = ks ? assign_candidate(ev, s, cand, ks, t) : EO_NOMEM;
        if (st == EO_OK)
            st = run_pipeline(ev, s, cand, ks, NULL, &m);
        if (st == EO_NOMEM)
            internal = EO_NOMEM;
    }
    /* The IR verifier runs on the first candidate that gets this far
     * and, with verify or verify_ir, on every one. */
    if (st == EO_OK && (ev->verify || ev->verify_ir || !ev->ir_verified)) {
        st = eo_op_verify(m);
        ev->ir_verified = ev->ir_verified || st == EO_OK;
    }
    if (st == EO_OK) {
        cap.skip_unmatched = true;
        st = eo_knob_store_check(ks);
        cap.skip_unmatched = false;
        /* Unmatched assignments are inactive knobs; invalid values are
         * judged against the discovered domains. */
        if (st == EO_ERROR && !cap.errors)
            st = cap.invalid.len ? judge_invalid(ev, &cap) : EO_OK;
    }
    char *found = NULL;
    if (st == EO_OK && ev->discover && ev->asked_new &&
        (internal = new_knobs(ev, s, ks, &found)) != EO_OK)
        st = internal;
    if (found && ev->stats.hits != hits) {
        /* A cache hit replays questions without their sites, and what a
         * discovered knob depends on can follow from those: the knobs
         * are taken from a whole run, the same whatever the cache. */
        free(found);
        capture_end(&cap);
        pending_free(&pd);
        eo_op_destroy(m);
        eo_target_destroy(t);
        eo_knob_store_destroy(ks);
        return run_candidate(ev, s, cand, out, report, used, true);
    }
    if (st == EO_OK && used)
        eo_knob_store_assignment_json(ks, used);
    if (st == EO_OK && cached)
        pending_keep(ev, &pd);
    pending_free(&pd);
    /* NPU programs are verified in the simulator (objectives). */
    if (st == EO_OK && ev->verify &&
        !(eo_target_kind_get(t) == EO_TARGET_NPU && has_npu_ops(m)))
        st = verify_lowered(ev, m);
    if (st == EO_OK) {
        size_t mark = report ? report->len : 0;
        st = objectives(ev, t, m, out, report);
        if (st != EO_OK && report && report->data) {
            report->len = mark;
            report->data[mark] = '\0';
        }
    }
    capture_end(&cap);
    if (st == EO_NOMEM)
        internal = EO_NOMEM;
    out->discovered = found;
    if (st != EO_OK) {
        out->status = EO_EVAL_FAILED;
        for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
            out->obj[i] = NAN;
        snprintf(out->message, sizeof out->message, "%s",
                 cap.errors ? cap.first
                 : st == EO_NOMEM ? "out of memory"
                                  : "failed without a diagnostic");
    }
    if (m)
        eo_op_destroy(m);
    eo_target_destroy(t);
    eo_knob_store_destroy(ks);
    out->wall_s = now_s() - t0;
    if (internal != EO_OK)
        return eo_emit_error(ev->ctx, eo_loc_unknown(ev->ctx), "evaluator: "
                             "out of memory");
    return EO_OK;
}

eo_status
eo_evaluator_run(eo_evaluator *ev, const eo_space *s, const uint32_t *cand,
                 eo_eval_outcome *out, eo_strbuf *report)
{
    return run_candidate(ev, s, cand, out, report, NULL, false);
}

eo_status
eo_evaluator_run_used(eo_evaluator *ev, const eo_space *s,
                      const uint32_t *cand, eo_eval_outcome *out,
                      eo_strbuf *report, eo_strbuf *used)
{
    return run_candidate(ev, s, cand, out, report, used, false);
}

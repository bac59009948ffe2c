/* explorer/mpi.c - distributed evaluation over MPI_COMM_WORLD: rank 0
 * deals candidates (value indices) to ranks 1..size-1, which evaluate
 * them (isolated, through eo_workers) and send the outcomes back. The
 * protocol is described in docs/explorer.md ("MPI").
 *
 * Every rank runs the same executable on the same architecture, so
 * messages are plain bytes in the host's layout (MPI_BYTE); a magic
 * number in the first message catches a mix of byte orders.
 */
#include "explorer/mpi.h"
#include "explorer/explorer.h"
#include "explorer/space_internal.h"
#include "ir/ir.h"

#include <mpi.h>

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Message tags; the layouts (byte offsets) follow. */
enum {
    TAG_HELLO = 0x4f45,     /* worker -> 0: HELLO_* */
    TAG_VERDICT,            /* 0 -> worker: VERDICT_* */
    TAG_REQUEST,            /* 0 -> worker: uint64_t seq, uint32_t[ndims] */
    TAG_OUTCOME,            /* worker -> 0: OUT_*, then discovered JSON */
    TAG_STOP,               /* 0 -> worker: empty */
    TAG_GROW                /* 0 -> worker: GROW_* */
};

#define MAGIC UINT64_C(0x0102030405060708)
#define PROTOCOL 2

/* A worker's first message: whether it can serve and its space. */
enum { HELLO_MAGIC = 0, HELLO_VERSION = 8, HELLO_READY = 12,
       HELLO_HASH = 16, HELLO_NDIMS = 24, HELLO_SIZE = 32 };

/* Rank 0's answer to a hello. */
enum {
    VERDICT_GO = 1,         /* serve */
    VERDICT_MISMATCH,       /* this rank's space differs from rank 0's */
    VERDICT_OTHER,          /* another rank's space differs or failed */
    VERDICT_ROOT_STOPPED,   /* rank 0 stopped before creating a pool */
    VERDICT_ROOT_FAILED     /* rank 0 could not create the pool */
};
enum { VERDICT_CODE = 0, VERDICT_HASH = 8, VERDICT_SIZE = 16 };

/* An outcome: seq, status, internal error flag, objectives, wall time,
 * timestamp, message; the knob-space JSON of the knobs it discovered
 * (eo_eval_outcome.discovered) follows, without its NUL, when there are
 * any (the message is longer than OUT_SIZE). */
enum {
    OUT_SEQ = 0, OUT_STATUS = 8, OUT_INTERNAL = 12, OUT_OBJ = 16,
    OUT_WALL = OUT_OBJ + 8 * EO_NUM_OBJECTIVES, OUT_TIME = OUT_WALL + 8,
    OUT_MESSAGE = OUT_TIME + 8,
    OUT_SIZE = OUT_MESSAGE + (int)sizeof(((eo_eval_outcome *)0)->message)
};

/* The space grew on rank 0: its dimension count and hash after the
 * growth, then its conditional dimensions as knob-space JSON
 * (eo_space_conditional_json), which the worker grows its space by
 * before the next request. */
enum { GROW_NDIMS = 0, GROW_HASH = 8, GROW_JSON = 16 };

/* MPI is global to the process; so is what this file knows about it. */
static struct {
    bool inited;        /* eo_mpi_init initialized MPI */
    bool handshake;     /* rank 0: a pool was created (or tried);
                         * workers: this rank said hello */
    int rank, size;
} g;

struct eo_mpi_pool {
    eo_ctx *ctx;
    const eo_space *s;
    size_t ndims;
    int size;
    uint64_t next_seq;
    size_t *busy;       /* per rank: candidate index in flight, or SIZE_MAX */
    uint64_t *seq;      /* per rank: its request's sequence number */
    unsigned char *req; /* request buffer: 8 + 4 * ndims bytes */
    int req_size;
};

static void
put_u32(unsigned char *p, uint32_t v)
{
    memcpy(p, &v, sizeof v);
}

static void
put_u64(unsigned char *p, uint64_t v)
{
    memcpy(p, &v, sizeof v);
}

static uint32_t
get_u32(const unsigned char *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

static uint64_t
get_u64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Reports a failed MPI call 'what' with MPI's own message. */
static eo_status
mpi_error(eo_ctx *ctx, const char *what, int rc)
{
    char msg[MPI_MAX_ERROR_STRING + 1];
    int len = 0;
    if (MPI_Error_string(rc, msg, &len) != MPI_SUCCESS)
        len = 0;
    msg[len < 0 ? 0 : len] = '\0';
    return eo_emit_error(ctx, NULL, "MPI (rank %d): %s failed: %s", g.rank,
                         what, len > 0 ? msg : "unknown error");
}

static void
fnv(uint64_t *h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        *h ^= b[i];
        *h *= UINT64_C(0x100000001b3);
    }
}

static void
fnv_u64(uint64_t *h, uint64_t v)
{
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    fnv(h, b, sizeof b);
}

/* The space's canonical hash: every dimension in order, with its name,
 * kind (axis or knob), size, default and the text of each value.
 * EO_NOMEM when the value texts cannot be formatted. */
static eo_status
space_hash(const eo_space *s, uint64_t *out)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    eo_strbuf b = { 0 };
    size_t nd = eo_space_num_dims(s);
    fnv_u64(&h, nd);
    for (size_t i = 0; i < nd; i++) {
        const char *name = eo_space_dim_name(s, i);
        fnv(&h, name, strlen(name) + 1);
        fnv_u64(&h, eo_space_dim_is_axis(s, i));
        uint32_t n = eo_space_dim_size(s, i);
        fnv_u64(&h, n);
        fnv_u64(&h, eo_space_dim_default(s, i));
        for (uint32_t v = 0; v < n; v++) {
            b.len = 0;
            eo_space_value_text(s, i, v, &b);
            if (b.oom) {
                eo_strbuf_free(&b);
                return EO_NOMEM;
            }
            fnv(&h, b.data ? b.data : "", b.len + 1);
        }
    }
    eo_strbuf_free(&b);
    *out = h;
    return EO_OK;
}

eo_status
eo_mpi_init(eo_ctx *ctx, int *argc, char ***argv, int *rank, int *size)
{
    if (!g.inited) {
        int flag = 0;
        int rc = MPI_Initialized(&flag);
        if (rc != MPI_SUCCESS)
            return mpi_error(ctx, "MPI_Initialized", rc);
        if (flag)
            return eo_emit_error(ctx, NULL, "MPI was initialized outside "
                                 "eo_mpi_init");
        /* Workers fork (eo_workers); the children never call MPI. */
        if (setenv("OMPI_MCA_mpi_warn_on_fork", "0", 0) != 0)
            return eo_emit_error(ctx, NULL, "MPI: cannot set the "
                                 "environment");
        int provided = 0;
        rc = MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
        if (rc != MPI_SUCCESS)
            return mpi_error(ctx, "MPI_Init_thread", rc);
        g.inited = true;
        g.handshake = false;
        if ((rc = MPI_Comm_set_errhandler(MPI_COMM_WORLD,
                                          MPI_ERRORS_RETURN)) != MPI_SUCCESS ||
            (rc = MPI_Comm_rank(MPI_COMM_WORLD, &g.rank)) != MPI_SUCCESS ||
            (rc = MPI_Comm_size(MPI_COMM_WORLD, &g.size)) != MPI_SUCCESS) {
            eo_status st = mpi_error(ctx, "querying MPI_COMM_WORLD", rc);
            MPI_Finalize();
            g.inited = false;
            return st;
        }
    }
    if (rank)
        *rank = g.rank;
    if (size)
        *size = g.size;
    return EO_OK;
}

/* Sends a verdict (and rank 0's hash) to 'dest'. */
static int
send_verdict(int dest, uint32_t code, uint64_t hash)
{
    unsigned char m[VERDICT_SIZE] = { 0 };
    put_u32(m + VERDICT_CODE, code);
    put_u64(m + VERDICT_HASH, hash);
    return MPI_Send(m, VERDICT_SIZE, MPI_BYTE, dest, TAG_VERDICT,
                    MPI_COMM_WORLD);
}

/* A worker's side of the handshake: says hello (ready or not, with its
 * space's hash), then waits for rank 0's verdict into *code. */
static eo_status
worker_hello(eo_ctx *ctx, const eo_space *s, bool ready, uint32_t *code,
             uint64_t *root_hash)
{
    uint64_t h = 0;
    if (s && space_hash(s, &h) != EO_OK) {
        ready = false;
        eo_emit_error(ctx, NULL, "MPI (rank %d): out of memory hashing the "
                      "search space", g.rank);
    }
    unsigned char m[HELLO_SIZE] = { 0 };
    put_u64(m + HELLO_MAGIC, MAGIC);
    put_u32(m + HELLO_VERSION, PROTOCOL);
    put_u32(m + HELLO_READY, ready);
    put_u64(m + HELLO_HASH, h);
    put_u64(m + HELLO_NDIMS, s ? eo_space_num_dims(s) : 0);
    g.handshake = true;
    int rc = MPI_Send(m, HELLO_SIZE, MPI_BYTE, 0, TAG_HELLO, MPI_COMM_WORLD);
    if (rc != MPI_SUCCESS)
        return mpi_error(ctx, "sending the hello to rank 0", rc);
    unsigned char v[VERDICT_SIZE];
    rc = MPI_Recv(v, VERDICT_SIZE, MPI_BYTE, 0, TAG_VERDICT, MPI_COMM_WORLD,
                  MPI_STATUS_IGNORE);
    if (rc != MPI_SUCCESS)
        return mpi_error(ctx, "receiving rank 0's verdict", rc);
    *code = get_u32(v + VERDICT_CODE);
    *root_hash = get_u64(v + VERDICT_HASH);
    return ready ? EO_OK : EO_ERROR;
}

void
eo_mpi_finalize(void)
{
    if (!g.inited)
        return;
    /* Nobody may be left waiting for a handshake that will not come:
     * rank 0 answers every hello with "stopped", a worker that never
     * served says it cannot. Errors here have no context to go to. */
    if (!g.handshake && g.size > 1) {
        if (g.rank == 0) {
            for (int r = 1; r < g.size; r++) {
                unsigned char m[HELLO_SIZE];
                if (MPI_Recv(m, HELLO_SIZE, MPI_BYTE, r, TAG_HELLO,
                             MPI_COMM_WORLD, MPI_STATUS_IGNORE) !=
                    MPI_SUCCESS)
                    continue;
                (void)send_verdict(r, VERDICT_ROOT_STOPPED, 0);
            }
        } else {
            unsigned char m[HELLO_SIZE] = { 0 };
            put_u64(m + HELLO_MAGIC, MAGIC);
            put_u32(m + HELLO_VERSION, PROTOCOL);
            unsigned char v[VERDICT_SIZE];
            if (MPI_Send(m, HELLO_SIZE, MPI_BYTE, 0, TAG_HELLO,
                         MPI_COMM_WORLD) == MPI_SUCCESS)
                (void)MPI_Recv(v, VERDICT_SIZE, MPI_BYTE, 0, TAG_VERDICT,
                               MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
    }
    MPI_Finalize();
    g.inited = false;
}

/* Why a verdict stops this worker, for its diagnostic. */
static const char *
verdict_text(uint32_t code)
{
    switch (code) {
    case VERDICT_MISMATCH:
        return "its search space differs from rank 0's (every rank must "
               "discover the same space: same model, target, pipeline and "
               "options)";
    case VERDICT_OTHER:
        return "another rank's search space differs from rank 0's or that "
               "rank could not start";
    case VERDICT_ROOT_STOPPED:
        return "rank 0 stopped before the search began";
    case VERDICT_ROOT_FAILED:
        return "rank 0 could not set up the pool";
    default:
        return "rank 0 sent an unknown verdict (protocol error)";
    }
}

/* Receives rank 0's TAG_GROW message (probed as 'st') and grows 's' by
 * it; false (reported) when it cannot or the grown space differs from
 * rank 0's. With 's' NULL the message is only received. */
static bool
grow_from_root(eo_ctx *ctx, eo_space *s, const MPI_Status *st)
{
    int count = 0;
    unsigned char *m = NULL;
    if (MPI_Get_count(st, MPI_BYTE, &count) != MPI_SUCCESS ||
        count < GROW_JSON) {
        eo_emit_error(ctx, NULL, "MPI (rank %d): protocol error: bad "
                      "growth message from rank 0", g.rank);
        count = 0;
    } else if (!(m = malloc((size_t)count))) {
        eo_emit_error(ctx, NULL, "MPI (rank %d): out of memory", g.rank);
    }
    /* Received (or drained) whatever happens, so the next probe sees the
     * next message. */
    unsigned char dummy[GROW_JSON];
    int rc = MPI_Recv(m ? (void *)m : (void *)dummy,
                      m ? count : (int)sizeof dummy, MPI_BYTE, 0, TAG_GROW,
                      MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (rc != MPI_SUCCESS) {
        free(m);
        mpi_error(ctx, "receiving the grown space", rc);
        return false;
    }
    if (!m || !s) {
        free(m);
        return false;
    }
    uint64_t h = 0;
    bool ok = eo_space_grow_json(s, (const char *)m + GROW_JSON,
                                 (size_t)count - GROW_JSON, NULL) == EO_OK &&
              space_hash(s, &h) == EO_OK;
    if (ok && (get_u64(m + GROW_NDIMS) != eo_space_num_dims(s) ||
               get_u64(m + GROW_HASH) != h)) {
        eo_emit_error(ctx, NULL, "MPI (rank %d): the grown search space "
                      "differs from rank 0's (space hash %016" PRIx64
                      ", rank 0's %016" PRIx64 ")", g.rank, h,
                      get_u64(m + GROW_HASH));
        ok = false;
    }
    free(m);
    return ok;
}

/* Serves requests with 'fn' until rank 0 sends a stop; *req holds a
 * request (8 + 4 * ndims bytes), *cand a candidate (both reallocated
 * when the space grows). After a growth that failed, every request is
 * answered as an internal failure, so that rank 0 stops the search. */
static eo_status
serve_loop(eo_ctx *ctx, eo_space *s, eo_evaluate_fn fn, void *ud,
           unsigned char **req, uint32_t **cand)
{
    size_t nd = eo_space_num_dims(s);
    int req_size = (int)(8 + 4 * nd);
    eo_strbuf key = { 0 };
    eo_status result = EO_OK;
    bool broken = false;
    unsigned char *m = NULL;
    for (;;) {
        MPI_Status st;
        int rc = MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &st);
        if (rc != MPI_SUCCESS) {
            result = mpi_error(ctx, "waiting for rank 0", rc);
            break;
        }
        if (st.MPI_TAG == TAG_STOP) {
            rc = MPI_Recv(NULL, 0, MPI_BYTE, 0, TAG_STOP, MPI_COMM_WORLD,
                          MPI_STATUS_IGNORE);
            if (rc != MPI_SUCCESS)
                result = mpi_error(ctx, "receiving the stop", rc);
            break;
        }
        if (st.MPI_TAG == TAG_GROW) {
            if (!broken && !grow_from_root(ctx, s, &st)) {
                broken = true;
                result = EO_ERROR;
            } else if (broken) {
                (void)grow_from_root(ctx, NULL, &st);
            }
            size_t n2 = eo_space_num_dims(s);
            if (broken || n2 == nd)
                continue;
            if (8 + 4 * (uint64_t)n2 > INT_MAX) {
                eo_emit_error(ctx, NULL, "MPI (rank %d): unsupported: the "
                              "search space has too many dimensions for "
                              "one message", g.rank);
                broken = true;
                result = EO_ERROR;
                continue;
            }
            unsigned char *r2 = realloc(*req, 8 + 4 * n2);
            if (r2)
                *req = r2;
            uint32_t *c2 = realloc(*cand, n2 * sizeof *c2);
            if (c2)
                *cand = c2;
            if (!r2 || !c2) {
                eo_emit_error(ctx, NULL, "MPI (rank %d): out of memory",
                              g.rank);
                broken = true;
                result = EO_ERROR;
                continue;
            }
            nd = n2;
            req_size = (int)(8 + 4 * nd);
            continue;
        }
        int count = 0;
        if (st.MPI_TAG != TAG_REQUEST ||
            MPI_Get_count(&st, MPI_BYTE, &count) != MPI_SUCCESS ||
            (count != req_size && !(broken && count >= 8))) {
            result = eo_emit_error(ctx, NULL, "MPI (rank %d): protocol "
                                   "error: unexpected message (tag %d, %d "
                                   "bytes) from rank 0", g.rank, st.MPI_TAG,
                                   count);
            break;
        }
        unsigned char *in = *req, *spare = NULL;
        if (count != req_size && !(in = spare = malloc((size_t)count))) {
            result = eo_emit_error(ctx, NULL, "MPI (rank %d): out of memory",
                                   g.rank);
            break;
        }
        rc = MPI_Recv(in, count, MPI_BYTE, 0, TAG_REQUEST, MPI_COMM_WORLD,
                      MPI_STATUS_IGNORE);
        if (rc != MPI_SUCCESS) {
            free(spare);
            result = mpi_error(ctx, "receiving a request", rc);
            break;
        }
        eo_eval_outcome out;
        memset(&out, 0, sizeof out);
        for (int i = 0; i < EO_NUM_OBJECTIVES; i++)
            out.obj[i] = NAN;
        key.len = 0;
        if (key.data)
            key.data[0] = '\0';
        bool internal = broken;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (!broken) {
            if (nd)
                memcpy(*cand, in + 8, nd * sizeof **cand);
            if (eo_space_format(s, *cand, &key) != EO_OK || key.oom ||
                fn(ud, *cand, key.data ? key.data : "", &out) != EO_OK) {
                internal = true;
                result = EO_ERROR;
            }
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (out.wall_s == 0)
            out.wall_s = (double)(t1.tv_sec - t0.tv_sec) +
                         1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
        if (out.timestamp == 0)
            out.timestamp = (int64_t)time(NULL);
        out.message[sizeof out.message - 1] = '\0';
        size_t dn = out.discovered && !internal ? strlen(out.discovered)
                                                : 0;
        if (dn > (size_t)INT_MAX - OUT_SIZE)
            dn = 0;     /* cannot be sent: the space only stays smaller */
        unsigned char *nm = realloc(m, OUT_SIZE + dn);
        if (!nm) {
            /* Without room for the discoveries, the outcome alone. */
            dn = 0;
            nm = realloc(m, OUT_SIZE);
        }
        if (!nm) {
            free(out.discovered);
            free(spare);
            result = eo_emit_error(ctx, NULL, "MPI (rank %d): out of memory",
                                   g.rank);
            break;
        }
        m = nm;
        memset(m, 0, OUT_SIZE);
        memcpy(m + OUT_SEQ, in, 8);
        free(spare);
        put_u32(m + OUT_STATUS, (uint32_t)out.status);
        put_u32(m + OUT_INTERNAL, internal);
        memcpy(m + OUT_OBJ, out.obj, sizeof out.obj);
        memcpy(m + OUT_WALL, &out.wall_s, 8);
        memcpy(m + OUT_TIME, &out.timestamp, 8);
        memcpy(m + OUT_MESSAGE, out.message, sizeof out.message);
        if (dn)
            memcpy(m + OUT_SIZE, out.discovered, dn);
        free(out.discovered);
        rc = MPI_Send(m, (int)(OUT_SIZE + dn), MPI_BYTE, 0, TAG_OUTCOME,
                      MPI_COMM_WORLD);
        if (rc != MPI_SUCCESS) {
            result = mpi_error(ctx, "sending an outcome", rc);
            break;
        }
    }
    free(m);
    eo_strbuf_free(&key);
    return result;
}

/* Handshake, then serve; 'ready' false only says so to rank 0. */
static eo_status
serve(eo_ctx *ctx, eo_space *s, bool ready, eo_evaluate_fn fn, void *ud)
{
    if (!g.inited)
        return eo_emit_error(ctx, NULL, "MPI: eo_mpi_serve before "
                             "eo_mpi_init");
    if (g.rank == 0)
        return eo_emit_error(ctx, NULL, "MPI: rank 0 runs the search; only "
                             "ranks 1.. serve");
    if (g.handshake)
        return eo_emit_error(ctx, NULL, "MPI (rank %d): this rank already "
                             "served a pool", g.rank);
    if (8 + 4 * (uint64_t)eo_space_num_dims(s) > INT_MAX) {
        eo_emit_error(ctx, NULL, "MPI (rank %d): unsupported: the search "
                      "space has too many dimensions for one message",
                      g.rank);
        ready = false;
    }
    /* Allocated first: once told to go, this rank must answer. */
    size_t nd = eo_space_num_dims(s);
    unsigned char *req = ready ? malloc(8 + 4 * nd) : NULL;
    uint32_t *cand = ready ? malloc((nd ? nd : 1) * sizeof *cand) : NULL;
    if (ready && (!req || !cand)) {
        eo_emit_error(ctx, NULL, "MPI (rank %d): out of memory", g.rank);
        ready = false;
    }
    uint32_t code = 0;
    uint64_t root_hash = 0;
    eo_status st = worker_hello(ctx, s, ready, &code, &root_hash);
    if (st == EO_OK && code == VERDICT_GO)
        st = serve_loop(ctx, s, fn, ud, &req, &cand);
    free(req);
    free(cand);
    if (st != EO_OK || code == VERDICT_GO)
        return st;
    if (code == VERDICT_MISMATCH) {
        uint64_t h = 0;
        (void)space_hash(s, &h);
        return eo_emit_error(ctx, NULL, "MPI (rank %d): not serving: %s "
                             "(space hash %016" PRIx64 ", rank 0's %016"
                             PRIx64 ")", g.rank, verdict_text(code), h,
                             root_hash);
    }
    return eo_emit_error(ctx, NULL, "MPI (rank %d): not serving: %s",
                         g.rank, verdict_text(code));
}

eo_status
eo_mpi_serve_fn(eo_ctx *ctx, eo_space *s, eo_evaluate_fn fn, void *ud)
{
    if (!fn)
        eo_emit_error(ctx, NULL, "MPI: eo_mpi_serve_fn without a function");
    return serve(ctx, s, fn != NULL, fn, ud);
}

/* eo_evaluate_fn over a one-process eo_workers pool. */
static eo_status
workers_one(void *ud, const uint32_t *cand, const char *assignment,
            eo_eval_outcome *out)
{
    const char *a[1] = { assignment };
    return eo_workers_evaluate(ud, 1, cand, a, out);
}

eo_status
eo_mpi_serve(eo_ctx *ctx, eo_evaluator *ev, eo_space *s, double timeout_s)
{
    if (!g.inited || g.rank == 0 || g.handshake)
        return serve(ctx, s, false, NULL, NULL);
    eo_workers *w = eo_workers_create(ctx, ev, s, 1, timeout_s);
    if (!w)
        return serve(ctx, s, false, NULL, NULL);
    eo_status st = serve(ctx, s, true, workers_one, w);
    eo_workers_destroy(w);
    return st;
}

/* Tells every worker rank to stop serving. */
static eo_status
send_stops(eo_ctx *ctx, int size)
{
    eo_status result = EO_OK;
    for (int r = 1; r < size; r++) {
        int rc = MPI_Send(NULL, 0, MPI_BYTE, r, TAG_STOP, MPI_COMM_WORLD);
        if (rc != MPI_SUCCESS && result == EO_OK)
            result = mpi_error(ctx, "sending a stop", rc);
    }
    return result;
}

static void
pool_free(eo_mpi_pool *p)
{
    if (!p)
        return;
    free(p->busy);
    free(p->seq);
    free(p->req);
    free(p);
}

/* The pool's memory; NULL (reported) when it cannot be had. */
static eo_mpi_pool *
pool_alloc(eo_ctx *ctx, const eo_space *s)
{
    size_t nd = eo_space_num_dims(s);
    if (8 + 4 * (uint64_t)nd > INT_MAX) {
        eo_emit_error(ctx, NULL, "MPI: unsupported: the search space has "
                      "too many dimensions for one message");
        return NULL;
    }
    eo_mpi_pool *p = calloc(1, sizeof *p);
    if (p) {
        p->ctx = ctx;
        p->s = s;
        p->ndims = nd;
        p->size = g.size;
        p->req_size = (int)(8 + 4 * nd);
        p->busy = malloc((size_t)g.size * sizeof *p->busy);
        p->seq = calloc((size_t)g.size, sizeof *p->seq);
        p->req = malloc((size_t)p->req_size);
    }
    if (!p || !p->busy || !p->seq || !p->req) {
        pool_free(p);
        eo_emit_error(ctx, NULL, "MPI: out of memory creating the pool");
        return NULL;
    }
    for (int r = 0; r < g.size; r++)
        p->busy[r] = SIZE_MAX;
    return p;
}

/* Rank 0's side of the handshake: one hello from every worker (from
 * eo_mpi_serve, or from eo_mpi_finalize when it never served), checked
 * against hash 'h' into verdict[r]. False (reported) if any is not GO. */
static bool
read_hellos(eo_ctx *ctx, uint64_t h, size_t nd, uint32_t *verdict)
{
    bool ok = true;
    int nbad = 0;
    eo_strbuf bad = { 0 };
    for (int r = 1; r < g.size; r++) {
        unsigned char m[HELLO_SIZE];
        int rc = MPI_Recv(m, HELLO_SIZE, MPI_BYTE, r, TAG_HELLO,
                          MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        uint32_t v = VERDICT_GO;
        if (rc != MPI_SUCCESS) {
            mpi_error(ctx, "receiving a hello", rc);
            v = VERDICT_OTHER;
        } else if (get_u64(m + HELLO_MAGIC) != MAGIC ||
                   get_u32(m + HELLO_VERSION) != PROTOCOL) {
            eo_emit_error(ctx, NULL, "MPI: rank %d speaks another protocol "
                          "version or byte order", r);
            v = VERDICT_MISMATCH;
        } else if (!get_u32(m + HELLO_READY)) {
            eo_emit_error(ctx, NULL, "MPI: rank %d could not start serving "
                          "(see its diagnostics)", r);
            v = VERDICT_OTHER;
        } else if (get_u64(m + HELLO_HASH) != h ||
                   get_u64(m + HELLO_NDIMS) != nd) {
            v = VERDICT_MISMATCH;
            eo_strbuf_printf(&bad, "%s%d (%016" PRIx64 ")", nbad ? ", " : "",
                             r, get_u64(m + HELLO_HASH));
            nbad++;
        }
        verdict[r] = v;
        ok = ok && v == VERDICT_GO;
    }
    if (nbad)
        eo_emit_error(ctx, NULL, "MPI: the search space of rank%s %s differs "
                      "from rank 0's (%016" PRIx64 "): every rank must "
                      "discover the same space (same model, target, "
                      "pipeline and options)", nbad > 1 ? "s" : "",
                      bad.oom || !bad.data ? "?" : bad.data, h);
    eo_strbuf_free(&bad);
    return ok;
}

eo_mpi_pool *
eo_mpi_pool_create(eo_ctx *ctx, const eo_space *s)
{
    if (!g.inited) {
        eo_emit_error(ctx, NULL, "MPI: eo_mpi_pool_create before "
                      "eo_mpi_init");
        return NULL;
    }
    if (g.rank != 0) {
        eo_emit_error(ctx, NULL, "MPI (rank %d): only rank 0 creates the "
                      "pool", g.rank);
        return NULL;
    }
    if (g.handshake) {
        eo_emit_error(ctx, NULL, "MPI: the pool was already created once "
                      "in this run");
        return NULL;
    }
    if (g.size < 2) {
        eo_emit_error(ctx, NULL, "MPI: the pool needs at least 2 ranks "
                      "(run under mpirun -np N, N >= 2); this run has %d",
                      g.size);
        return NULL;
    }
    g.handshake = true;
    uint64_t h = 0;
    eo_mpi_pool *p = pool_alloc(ctx, s);
    uint32_t *verdict = calloc((size_t)g.size, sizeof *verdict);
    if (p && space_hash(s, &h) != EO_OK) {
        eo_emit_error(ctx, NULL, "MPI: out of memory hashing the search "
                      "space");
        pool_free(p);
        p = NULL;
    }
    if (!verdict) {
        eo_emit_error(ctx, NULL, "MPI: out of memory creating the pool");
        pool_free(p);
        p = NULL;
    }
    /* Every worker gets a verdict, whatever happened here, so that none
     * waits for one forever. */
    bool ok = p != NULL;
    if (verdict)
        ok = read_hellos(ctx, h, eo_space_num_dims(s), verdict) && ok;
    int sent_go = 0;
    for (int r = 1; r < g.size; r++) {
        uint32_t v = !p || !verdict ? VERDICT_ROOT_FAILED
                     : !ok && verdict[r] == VERDICT_GO ? VERDICT_OTHER
                     : verdict[r];
        if (!verdict) {
            /* No memory to remember what the hellos said: read each one
             * just before answering it. */
            unsigned char m[HELLO_SIZE];
            (void)MPI_Recv(m, HELLO_SIZE, MPI_BYTE, r, TAG_HELLO,
                           MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        }
        int rc = send_verdict(r, v, h);
        if (rc != MPI_SUCCESS) {
            mpi_error(ctx, "sending a verdict", rc);
            ok = false;
        } else if (v == VERDICT_GO && ok) {
            sent_go = r;
        }
    }
    free(verdict);
    if (!ok) {
        /* The ranks told to go before a send failed are serving. */
        for (int r = 1; r <= sent_go; r++)
            (void)MPI_Send(NULL, 0, MPI_BYTE, r, TAG_STOP, MPI_COMM_WORLD);
        pool_free(p);
        return NULL;
    }
    return p;
}

void
eo_mpi_pool_destroy(eo_mpi_pool *p)
{
    if (!p)
        return;
    (void)send_stops(p->ctx, p->size);
    pool_free(p);
}

/* The space grew since the last batch: sends every worker its
 * conditional dimensions (they grow theirs alike and check the hash)
 * and resizes the request buffer. */
static eo_status
send_growth(eo_mpi_pool *p)
{
    size_t nd = eo_space_num_dims(p->s);
    if (8 + 4 * (uint64_t)nd > INT_MAX)
        return eo_emit_error(p->ctx, NULL, "MPI: unsupported: the search "
                             "space has too many dimensions for one "
                             "message");
    eo_strbuf b = { 0 };
    uint64_t h = 0;
    unsigned char hdr[GROW_JSON];
    eo_strbuf_append(&b, (const char *)hdr, sizeof hdr);
    if (eo_space_conditional_json(p->s, &b) != EO_OK || b.oom ||
        b.len > INT_MAX || space_hash(p->s, &h) != EO_OK) {
        eo_strbuf_free(&b);
        return eo_emit_error(p->ctx, NULL, "MPI: out of memory sending "
                             "the grown space");
    }
    put_u64((unsigned char *)b.data + GROW_NDIMS, nd);
    put_u64((unsigned char *)b.data + GROW_HASH, h);
    unsigned char *req = realloc(p->req, 8 + 4 * nd);
    if (!req) {
        eo_strbuf_free(&b);
        return eo_emit_error(p->ctx, NULL, "MPI: out of memory");
    }
    p->req = req;
    p->req_size = (int)(8 + 4 * nd);
    p->ndims = nd;
    eo_status result = EO_OK;
    for (int r = 1; r < p->size && result == EO_OK; r++) {
        int rc = MPI_Send(b.data, (int)b.len, MPI_BYTE, r, TAG_GROW,
                          MPI_COMM_WORLD);
        if (rc != MPI_SUCCESS)
            result = mpi_error(p->ctx, "sending the grown space", rc);
    }
    eo_strbuf_free(&b);
    return result;
}

/* Deals requests and collects outcomes: see eo_evaluate_batch_fn. */
eo_status
eo_mpi_evaluate(void *ud, size_t n, const uint32_t *cands,
                const char *const *assignments, eo_eval_outcome *outs)
{
    eo_mpi_pool *p = ud;
    if (!p || (n && !outs) || (n && p->ndims && !cands))
        return EO_ERROR;
    if (eo_space_num_dims(p->s) != p->ndims && send_growth(p) != EO_OK)
        return EO_ERROR;
    size_t next = 0, inflight = 0;
    eo_status result = EO_OK;
    int failed_rank = 0;
    size_t failed_idx = 0;
    while (next < n || inflight > 0) {
        for (int r = 1; r < p->size && next < n && result == EO_OK; r++) {
            if (p->busy[r] != SIZE_MAX)
                continue;
            uint64_t seq = p->next_seq++;
            put_u64(p->req, seq);
            if (p->ndims)
                memcpy(p->req + 8, cands + next * p->ndims,
                       p->ndims * sizeof *cands);
            int rc = MPI_Send(p->req, p->req_size, MPI_BYTE, r, TAG_REQUEST,
                              MPI_COMM_WORLD);
            if (rc != MPI_SUCCESS) {
                result = mpi_error(p->ctx, "sending a request", rc);
                break;
            }
            p->busy[r] = next++;
            p->seq[r] = seq;
            inflight++;
        }
        if (inflight == 0)
            break;
        /* An outcome, with the knobs it discovered after it. */
        MPI_Status st;
        int count = 0;
        int rc = MPI_Probe(MPI_ANY_SOURCE, TAG_OUTCOME, MPI_COMM_WORLD, &st);
        if (rc == MPI_SUCCESS)
            rc = MPI_Get_count(&st, MPI_BYTE, &count);
        if (rc != MPI_SUCCESS) {
            /* The pool's state is unknown now: report and give up. */
            return mpi_error(p->ctx, "receiving an outcome", rc);
        }
        int r = st.MPI_SOURCE;
        unsigned char small[OUT_SIZE];
        unsigned char *m = count > OUT_SIZE ? malloc((size_t)count + 1)
                                            : small;
        if (!m)
            return eo_emit_error(p->ctx, NULL, "MPI: out of memory "
                                 "receiving an outcome");
        rc = MPI_Recv(m, count > OUT_SIZE ? count : OUT_SIZE, MPI_BYTE, r,
                      TAG_OUTCOME, MPI_COMM_WORLD, &st);
        if (rc != MPI_SUCCESS) {
            if (m != small)
                free(m);
            return mpi_error(p->ctx, "receiving an outcome", rc);
        }
        if (r < 1 || r >= p->size || p->busy[r] == SIZE_MAX ||
            count < OUT_SIZE || get_u64(m + OUT_SEQ) != p->seq[r]) {
            if (m != small)
                free(m);
            return eo_emit_error(p->ctx, NULL, "MPI: protocol error: "
                                 "unexpected outcome from rank %d", r);
        }
        size_t i = p->busy[r];
        p->busy[r] = SIZE_MAX;
        inflight--;
        if (get_u32(m + OUT_INTERNAL)) {
            if (result == EO_OK) {
                failed_rank = r;
                failed_idx = i;
            }
            result = EO_ERROR;
            if (m != small)
                free(m);
            continue;
        }
        eo_eval_outcome *o = &outs[i];
        uint32_t status = get_u32(m + OUT_STATUS);
        o->status = status == EO_EVAL_OK ? EO_EVAL_OK
                    : status == EO_EVAL_TIMEOUT ? EO_EVAL_TIMEOUT
                    : EO_EVAL_FAILED;
        memcpy(o->obj, m + OUT_OBJ, sizeof o->obj);
        memcpy(&o->wall_s, m + OUT_WALL, 8);
        memcpy(&o->timestamp, m + OUT_TIME, 8);
        memcpy(o->message, m + OUT_MESSAGE, sizeof o->message);
        o->message[sizeof o->message - 1] = '\0';
        if (m != small) {
            /* The discovered knobs: the buffer becomes the string. */
            size_t dn = (size_t)count - OUT_SIZE;
            memmove(m, m + OUT_SIZE, dn);
            m[dn] = '\0';
            free(o->discovered);
            o->discovered = (char *)m;
        }
    }
    if (result == EO_ERROR && failed_rank)
        eo_emit_error(p->ctx, NULL, "MPI: rank %d could not evaluate "
                      "candidate '%s' (see that rank's diagnostics)",
                      failed_rank,
                      assignments && assignments[failed_idx]
                          ? assignments[failed_idx] : "?");
    return result;
}

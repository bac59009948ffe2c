/* explorer/workers.c - isolated worker processes: each candidate is
 * evaluated in a forked child (copy-on-write view of the evaluator and the
 * space), so one that crashes or hangs is recorded and the search goes on.
 *
 * Protocol: per worker a request pipe (parent -> child: the candidate's
 * value indices, ndims uint32_t) and a result pipe (child -> parent: one
 * eo_eval_outcome as raw bytes, both sides being the same binary, then
 * the length (uint32_t) and bytes of its 'discovered' knob-space JSON, 0
 * for none). EOF on the request pipe ends a worker. When the space grows
 * (eo_search_opts.grow) the pool forks fresh workers, which see it.
 */
#include "explorer/explorer.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The status a worker sends when eo_evaluator_run itself failed (out of
 * memory): the batch then ends in an error, as in-process. */
#define INTERNAL_ERROR ((eo_eval_status)-1)

/* A worker is replaced by a fresh fork after this many candidates, a
 * safety net: what evaluations leave in the context is bounded (folded
 * constant blobs are shared by content, uniqued attributes repeat; the
 * MLPerf Tiny models' workers stay flat over thousands of candidates),
 * but a pass that interns something new per run would still grow. */
#define RECYCLE_AFTER 20000

_Static_assert(sizeof(eo_eval_outcome) <= PIPE_BUF,
               "an outcome must fit one atomic pipe write");

typedef struct worker {
    pid_t pid;                  /* 0: not running */
    int req;                    /* write end of the request pipe */
    int res;                    /* read end of the result pipe */
    bool busy;
    size_t cand;                /* candidate index in the batch */
    size_t served;              /* candidates evaluated by this process */
    double deadline;            /* monotonic seconds; INFINITY: none */
} worker;

struct eo_workers {
    eo_ctx *ctx;
    eo_evaluator *ev;
    const eo_space *s;
    size_t ndims;
    double timeout_s;
    size_t n;
    worker *w;
    pid_t parent;
};

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Reads exactly n bytes; returns n, 0 on EOF before the first byte, -1
 * on EOF in the middle or an error. */
static ssize_t
read_full(int fd, void *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return got == 0 && r == 0 ? 0 : -1;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* Writes exactly n bytes with SIGPIPE blocked (a dead reader is EPIPE,
 * never a signal that would kill the explorer). false on failure. */
static bool
write_full(int fd, const void *buf, size_t n)
{
    sigset_t pipe_set, old;
    sigemptyset(&pipe_set);
    sigaddset(&pipe_set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_set, &old);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    bool was_pending = sigismember(&pending, SIGPIPE);
    size_t put = 0;
    bool ok = true;
    while (put < n) {
        ssize_t r = write(fd, (const char *)buf + put, n - put);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            ok = false;
            break;
        }
        put += (size_t)r;
    }
    if (!ok && !was_pending) {
        /* Consume the SIGPIPE this write raised. */
        struct timespec zero = { 0, 0 };
        while (sigtimedwait(&pipe_set, NULL, &zero) < 0 && errno == EINTR)
            ;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return ok;
}

/* ------------------------------------------------------------------ */
/* The child                                                           */
/* ------------------------------------------------------------------ */

/* Test hooks (used by test/explorer/test_workers.c only): a candidate
 * whose canonical form contains $EO_TEST_WORKER_CRASH makes its worker
 * die of SIGSEGV, one containing $EO_TEST_WORKER_HANG makes it sleep
 * forever, so that crash and timeout handling are tested on real
 * processes. Unset, they cost two getenv calls per candidate. */
static void
test_hooks(const char *assignment)
{
    const char *crash = getenv("EO_TEST_WORKER_CRASH");
    if (crash && *crash && strstr(assignment, crash)) {
        signal(SIGSEGV, SIG_DFL);
        raise(SIGSEGV);
    }
    const char *hang = getenv("EO_TEST_WORKER_HANG");
    if (hang && *hang && strstr(assignment, hang))
        for (;;)
            pause();
}

static _Noreturn void
worker_main(eo_workers *p, int req, int res)
{
    /* Die with the parent. Ctrl-C is ignored (set in spawn: the parent
     * handles it and stops the pool). */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != p->parent)
        _exit(0);
    signal(SIGPIPE, SIG_DFL);
    uint32_t *cand = calloc(p->ndims ? p->ndims : 1, sizeof *cand);
    if (!cand)
        _exit(1);
    eo_strbuf text = { 0 };
    for (;;) {
        ssize_t r = read_full(req, cand, p->ndims * sizeof *cand);
        if (r <= 0 && p->ndims)
            _exit(0);
        if (!p->ndims) {
            char c;
            if (read_full(req, &c, 1) != 1)
                _exit(0);
        }
        text.len = 0;
        if ((getenv("EO_TEST_WORKER_CRASH") || getenv("EO_TEST_WORKER_HANG"))
            && eo_space_format(p->s, cand, &text) == EO_OK && text.data &&
            !text.oom)
            test_hooks(text.data);
        eo_eval_outcome o;
        memset(&o, 0, sizeof o);
        if (eo_evaluator_run(p->ev, p->s, cand, &o, NULL) != EO_OK) {
            o.status = INTERNAL_ERROR;
            snprintf(o.message, sizeof o.message, "internal error in the "
                     "evaluator");
        }
        /* The record, the knobs' length and the knobs in one write. */
        size_t dn = o.discovered ? strlen(o.discovered) : 0;
        uint32_t len = dn <= UINT32_MAX - 1 ? (uint32_t)dn : 0;
        char *msg = malloc(sizeof o + sizeof len + len);
        if (!msg) {
            o.status = INTERNAL_ERROR;
            snprintf(o.message, sizeof o.message, "out of memory");
            len = 0;
        }
        char *disc = o.discovered;
        o.discovered = NULL;
        bool ok;
        if (msg) {
            memcpy(msg, &o, sizeof o);
            memcpy(msg + sizeof o, &len, sizeof len);
            if (len)
                memcpy(msg + sizeof o + sizeof len, disc, len);
            ok = write_full(res, msg, sizeof o + sizeof len + len);
        } else {
            ok = write_full(res, &o, sizeof o) &&
                 write_full(res, &len, sizeof len);
        }
        free(msg);
        free(disc);
        if (!ok)
            _exit(0);
    }
}

/* ------------------------------------------------------------------ */
/* The pool                                                            */
/* ------------------------------------------------------------------ */

static void
close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Starts worker i; EO_ERROR after a diagnostic. */
static int
pipe_cloexec(int fds[2])
{
    if (pipe(fds) != 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
}

static eo_status
spawn(eo_workers *p, size_t i)
{
    int req[2], res[2];
    if (pipe_cloexec(req) != 0)
        return eo_emit_error(p->ctx, eo_loc_unknown(p->ctx), "workers: "
                             "cannot create a pipe: %s", strerror(errno));
    if (pipe_cloexec(res) != 0) {
        int e = errno;
        close(req[0]);
        close(req[1]);
        return eo_emit_error(p->ctx, eo_loc_unknown(p->ctx), "workers: "
                             "cannot create a pipe: %s", strerror(e));
    }
    fflush(NULL);       /* nothing buffered is written twice */
    /* SIGINT stays blocked until the child ignores it, so a Ctrl-C that
     * comes during the fork never kills a new worker. */
    sigset_t int_set, old;
    sigemptyset(&int_set);
    sigaddset(&int_set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &int_set, &old);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGINT, SIG_IGN);
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    } else {
        pthread_sigmask(SIG_SETMASK, &old, NULL);
    }
    if (pid < 0) {
        int e = errno;
        close(req[0]);
        close(req[1]);
        close(res[0]);
        close(res[1]);
        return eo_emit_error(p->ctx, eo_loc_unknown(p->ctx), "workers: "
                             "cannot start a process: %s", strerror(e));
    }
    if (pid == 0) {
        /* Other workers' pipe ends must not stay open here, or their EOF
         * would never come. */
        for (size_t j = 0; j < p->n; j++) {
            if (j == i)
                continue;
            close_fd(&p->w[j].req);
            close_fd(&p->w[j].res);
        }
        close(req[1]);
        close(res[0]);
        worker_main(p, req[0], res[1]);
    }
    close(req[0]);
    close(res[1]);
    worker *w = &p->w[i];
    w->pid = pid;
    w->req = req[1];
    w->res = res[0];
    w->busy = false;
    w->served = 0;
    w->deadline = INFINITY;
    return EO_OK;
}

/* Kills (if 'kill_it') and reaps worker i; returns its wait status. */
static int
reap(worker *w, bool kill_it)
{
    int status = 0;
    close_fd(&w->req);
    close_fd(&w->res);
    if (w->pid > 0) {
        if (kill_it)
            kill(w->pid, SIGKILL);
        while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    w->pid = 0;
    w->busy = false;
    return status;
}

eo_workers *
eo_workers_create(eo_ctx *ctx, eo_evaluator *ev, const eo_space *s, size_t n,
                  double timeout_s)
{
    if (!ctx || !ev || !s || n == 0) {
        if (ctx)
            eo_emit_error(ctx, eo_loc_unknown(ctx), "workers: need an "
                          "evaluator, a space and at least one worker");
        return NULL;
    }
    eo_workers *p = calloc(1, sizeof *p);
    worker *w = calloc(n, sizeof *w);
    if (!p || !w) {
        free(p);
        free(w);
        eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory");
        return NULL;
    }
    p->ctx = ctx;
    p->ev = ev;
    p->s = s;
    p->ndims = eo_space_num_dims(s);
    p->timeout_s = timeout_s > 0 ? timeout_s : INFINITY;
    p->n = n;
    p->w = w;
    p->parent = getpid();
    for (size_t i = 0; i < n; i++)
        w[i].req = w[i].res = -1;
    for (size_t i = 0; i < n; i++) {
        if (spawn(p, i) != EO_OK) {
            eo_workers_destroy(p);
            return NULL;
        }
    }
    return p;
}

void
eo_workers_destroy(eo_workers *p)
{
    if (!p)
        return;
    /* EOF on its request pipe ends an idle worker; give them a moment,
     * then kill what is left (a worker in the middle of a candidate). */
    for (size_t i = 0; i < p->n; i++)
        close_fd(&p->w[i].req);
    double until = now_s() + 0.5;
    for (size_t i = 0; i < p->n; i++) {
        worker *w = &p->w[i];
        while (w->pid > 0) {
            int status;
            pid_t r = waitpid(w->pid, &status, WNOHANG);
            if (r == w->pid || (r < 0 && errno != EINTR)) {
                w->pid = 0;
                break;
            }
            if (now_s() > until) {
                reap(w, true);
                break;
            }
            struct timespec ts = { 0, 1000000 };
            nanosleep(&ts, NULL);
        }
        close_fd(&w->res);
    }
    free(p->w);
    free(p);
}

/* The message for a worker that ended with wait status 'status'. */
static void
death_message(int status, char *msg, size_t size)
{
    if (WIFSIGNALED(status))
        snprintf(msg, size, "worker killed by signal %d (%s)",
                 WTERMSIG(status), strsignal(WTERMSIG(status)));
    else if (WIFEXITED(status))
        snprintf(msg, size, "worker exited with status %d",
                 WEXITSTATUS(status));
    else
        snprintf(msg, size, "worker ended unexpectedly");
}

/* Hands candidate 'c' of the batch to idle worker i. A worker found dead
 * is replaced and the request sent again (once). */
static eo_status
dispatch(eo_workers *p, size_t i, size_t c, const uint32_t *cand)
{
    static const char tick = 0;
    for (int attempt = 0; attempt < 2; attempt++) {
        worker *w = &p->w[i];
        bool ok = p->ndims ? write_full(w->req, cand,
                                        p->ndims * sizeof *cand)
                           : write_full(w->req, &tick, 1);
        if (ok) {
            w->busy = true;
            w->cand = c;
            w->deadline = now_s() + p->timeout_s;
            return EO_OK;
        }
        reap(w, true);
        if (spawn(p, i) != EO_OK)
            return EO_ERROR;
    }
    return eo_emit_error(p->ctx, eo_loc_unknown(p->ctx), "workers: a new "
                         "worker died before taking a candidate");
}

/* Reads one result record (see the protocol above) into *o and *disc
 * (malloc'd knobs or NULL); false on EOF, a short record or no memory. */
static bool
read_record(int fd, eo_eval_outcome *o, char **disc)
{
    uint32_t len;
    *disc = NULL;
    if (read_full(fd, o, sizeof *o) != (ssize_t)sizeof *o ||
        read_full(fd, &len, sizeof len) != (ssize_t)sizeof len)
        return false;
    o->discovered = NULL;
    if (len == 0)
        return true;
    char *d = malloc((size_t)len + 1);
    if (!d || read_full(fd, d, len) != (ssize_t)len) {
        free(d);
        return false;
    }
    d[len] = '\0';
    *disc = d;
    return true;
}

eo_status
eo_workers_evaluate(void *ud, size_t n, const uint32_t *cands,
                    const char *const *assignments, eo_eval_outcome *outs)
{
    eo_workers *p = ud;
    if (!p || (n && (!cands || !outs)))
        return EO_ERROR;
    size_t nd = eo_space_num_dims(p->s);
    if (nd != p->ndims) {
        /* The space grew: workers forked now see it. */
        p->ndims = nd;
        for (size_t i = 0; i < p->n; i++) {
            reap(&p->w[i], true);
            eo_status sp = spawn(p, i);
            if (sp != EO_OK)
                return sp;
        }
    }
    struct pollfd *fds = calloc(p->n, sizeof *fds);
    size_t *who = calloc(p->n, sizeof *who);
    if (!fds || !who) {
        free(fds);
        free(who);
        return eo_emit_error(p->ctx, eo_loc_unknown(p->ctx), "out of "
                             "memory");
    }
    eo_status st = EO_OK;
    bool internal = false;
    size_t next = 0, done = 0;
    while (st == EO_OK && done < n) {
        for (size_t i = 0; i < p->n && next < n && st == EO_OK; i++) {
            if (!p->w[i].busy) {
                st = dispatch(p, i, next, cands + next * p->ndims);
                next++;
            }
        }
        if (st != EO_OK)
            break;
        size_t nfds = 0;
        double now = now_s(), first = INFINITY;
        for (size_t i = 0; i < p->n; i++) {
            if (!p->w[i].busy)
                continue;
            fds[nfds].fd = p->w[i].res;
            fds[nfds].events = POLLIN;
            fds[nfds].revents = 0;
            who[nfds++] = i;
            if (p->w[i].deadline < first)
                first = p->w[i].deadline;
        }
        int wait_ms = -1;
        if (first < INFINITY) {
            double ms = ceil((first - now) * 1e3);
            wait_ms = ms < 0 ? 0 : ms > INT_MAX ? INT_MAX : (int)ms;
        }
        int r = poll(fds, nfds, wait_ms);
        if (r < 0 && errno != EINTR) {
            st = eo_emit_error(p->ctx, eo_loc_unknown(p->ctx), "workers: "
                               "poll: %s", strerror(errno));
            break;
        }
        now = now_s();
        for (size_t k = 0; r > 0 && k < nfds; k++) {
            if (!fds[k].revents)
                continue;
            worker *w = &p->w[who[k]];
            eo_eval_outcome *o = &outs[w->cand];
            eo_eval_outcome got;
            char *disc = NULL;
            if (read_record(w->res, &got, &disc)) {
                *o = got;
                o->discovered = disc;
                o->message[sizeof o->message - 1] = '\0';
                if (o->status == INTERNAL_ERROR) {
                    o->status = EO_EVAL_FAILED;
                    if (!internal)
                        eo_emit_error(p->ctx, eo_loc_unknown(p->ctx),
                                      "workers: the evaluator failed "
                                      "internally on candidate %zu%s%s",
                                      w->cand, assignments ? " " : "",
                                      assignments ? assignments[w->cand]
                                                  : "");
                    internal = true;
                }
                w->busy = false;
                done++;
                if (++w->served >= RECYCLE_AFTER) {
                    reap(w, true);
                    st = spawn(p, who[k]);
                }
                continue;
            }
            /* EOF or a short record: the worker died with the candidate. */
            int status = reap(w, true);
            memset(o, 0, sizeof *o);
            o->status = EO_EVAL_FAILED;
            death_message(status, o->message, sizeof o->message);
            for (int j = 0; j < EO_NUM_OBJECTIVES; j++)
                o->obj[j] = NAN;
            o->timestamp = (int64_t)time(NULL);
            done++;
            st = spawn(p, who[k]);
        }
        for (size_t i = 0; i < p->n && st == EO_OK; i++) {
            worker *w = &p->w[i];
            if (!w->busy || w->deadline > now)
                continue;
            eo_eval_outcome *o = &outs[w->cand];
            reap(w, true);
            memset(o, 0, sizeof *o);
            o->status = EO_EVAL_TIMEOUT;
            snprintf(o->message, sizeof o->message, "timed out after %g s",
                     p->timeout_s);
            for (int j = 0; j < EO_NUM_OBJECTIVES; j++)
                o->obj[j] = NAN;
            o->wall_s = p->timeout_s;
            o->timestamp = (int64_t)time(NULL);
            done++;
            st = spawn(p, i);
        }
    }
    if (st != EO_OK) {
        /* Candidates in flight are abandoned: their workers restart. */
        for (size_t i = 0; i < p->n; i++) {
            if (!p->w[i].busy)
                continue;
            reap(&p->w[i], true);
            if (spawn(p, i) != EO_OK)
                break;
        }
    }
    free(fds);
    free(who);
    return st == EO_OK && internal ? EO_ERROR : st;
}

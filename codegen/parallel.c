/* codegen/parallel.c - the thread pool behind compiled scf.parallel loops
 * (parallel.h) and its registration with the JIT.
 *
 * One pool per process. A parallel loop posts a job (the body, its
 * context, the iteration space cut into chunks), bumps the generation
 * and wakes the workers; the caller and every worker take chunks from a
 * shared atomic counter until none is left, and the caller returns once
 * every worker has finished the generation (so a job never outlives its
 * loop). Only one loop uses the pool at a time ('region'); a loop that
 * finds the pool busy, or runs inside another loop's body, runs
 * serially in its own thread.
 */
#include "codegen/parallel.h"
#include "codegen/jit_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

/* Chunks per thread: a few, so that a thread slowed down by others on
 * the machine leaves its share to the rest. */
#define CHUNKS_PER_THREAD 4

typedef struct job {
    eo_rt_body_fn fn;
    void *ctx;
    int64_t lb, ub, step;
    uint64_t trips, nchunks;
} job;

typedef struct pool {
    pthread_mutex_t region;   /* held by the loop using the pool */
    pthread_mutex_t mu;       /* guards everything below but 'next' */
    pthread_cond_t wake;      /* a new generation, or quit */
    pthread_cond_t done;      /* busy reached 0 */
    unsigned nworkers;        /* running (region held to change) */
    bool start_failed;        /* no worker could start at this size */
    bool quit;
    uint64_t gen, start_gen;
    unsigned busy;            /* workers not done with 'gen' */
    job job;
    atomic_uint_fast64_t next;      /* the next chunk to take */
    pthread_t workers[EO_RT_MAX_THREADS];
} pool;

static pool P = {
    .region = PTHREAD_MUTEX_INITIALIZER,
    .mu = PTHREAD_MUTEX_INITIALIZER,
    .wake = PTHREAD_COND_INITIALIZER,
    .done = PTHREAD_COND_INITIALIZER,
};
static atomic_uint want = 1;    /* threads set, the caller included */
/* Set in workers, and in a caller while it runs chunks: parallel loops
 * started there run serially. */
static _Thread_local bool in_loop;

/* Runs chunks of 'j' until none is left. */
static void
run_chunks(const job *j)
{
    uint64_t base = j->trips / j->nchunks, rem = j->trips % j->nchunks;
    for (;;) {
        uint64_t c = atomic_fetch_add(&P.next, 1);
        if (c >= j->nchunks)
            return;
        uint64_t first = c * base + (c < rem ? c : rem);
        uint64_t end = first + base + (c < rem);
        /* Two's complement steps: lb + k * step stays below ub. */
        int64_t lo = (int64_t)((uint64_t)j->lb + first * (uint64_t)j->step);
        int64_t hi = end == j->trips
            ? j->ub : (int64_t)((uint64_t)j->lb + end * (uint64_t)j->step);
        j->fn(j->ctx, lo, hi, j->step);
    }
}

static void *
worker_main(void *arg)
{
    (void)arg;
    in_loop = true;
    pthread_mutex_lock(&P.mu);
    uint64_t seen = P.start_gen;
    for (;;) {
        while (P.gen == seen && !P.quit)
            pthread_cond_wait(&P.wake, &P.mu);
        if (P.quit)
            break;
        seen = P.gen;
        job j = P.job;
        pthread_mutex_unlock(&P.mu);
        run_chunks(&j);
        pthread_mutex_lock(&P.mu);
        if (--P.busy == 0)
            pthread_cond_signal(&P.done);
    }
    pthread_mutex_unlock(&P.mu);
    return NULL;
}

/* Starts want - 1 workers (region held); keeps those that started. */
static void
start_workers(unsigned n)
{
    pthread_mutex_lock(&P.mu);
    P.quit = false;
    P.start_gen = P.gen;
    pthread_mutex_unlock(&P.mu);
    unsigned k = 0;
    while (k + 1 < n && pthread_create(&P.workers[k], NULL, worker_main,
                                       NULL) == 0)
        k++;
    P.nworkers = k;
    P.start_failed = k == 0;
}

/* Stops and joins the workers (region held: no loop is running). */
static void
stop_workers(void)
{
    pthread_mutex_lock(&P.mu);
    P.quit = true;
    pthread_cond_broadcast(&P.wake);
    pthread_mutex_unlock(&P.mu);
    for (unsigned k = 0; k < P.nworkers; k++)
        (void)pthread_join(P.workers[k], NULL);   /* joinable, ours */
    P.nworkers = 0;
}

EO_API void
eo_rt_parallel_for(eo_rt_body_fn fn, void *ctx, int64_t lb, int64_t ub,
                   int64_t step)
{
    if (!fn || step <= 0 || lb >= ub)
        return;
    uint64_t span = (uint64_t)ub - (uint64_t)lb;
    uint64_t trips = span / (uint64_t)step + (span % (uint64_t)step != 0);
    if (in_loop || trips < 2 || atomic_load(&want) < 2 ||
        pthread_mutex_trylock(&P.region) != 0) {
        fn(ctx, lb, ub, step);
        return;
    }
    unsigned n = atomic_load(&want);
    if (P.nworkers == 0 && !P.start_failed && n > 1)
        start_workers(n);
    if (P.nworkers == 0) {
        pthread_mutex_unlock(&P.region);
        fn(ctx, lb, ub, step);
        return;
    }
    uint64_t nchunks = (uint64_t)(P.nworkers + 1) * CHUNKS_PER_THREAD;
    pthread_mutex_lock(&P.mu);
    P.job = (job){.fn = fn, .ctx = ctx, .lb = lb, .ub = ub, .step = step,
                  .trips = trips,
                  .nchunks = nchunks < trips ? nchunks : trips};
    atomic_store(&P.next, 0);
    P.busy = P.nworkers;
    P.gen++;
    pthread_cond_broadcast(&P.wake);
    job j = P.job;
    pthread_mutex_unlock(&P.mu);
    in_loop = true;
    run_chunks(&j);
    in_loop = false;
    pthread_mutex_lock(&P.mu);
    while (P.busy)
        pthread_cond_wait(&P.done, &P.mu);
    pthread_mutex_unlock(&P.mu);
    pthread_mutex_unlock(&P.region);
}

EO_API eo_status
eo_rt_set_threads(unsigned n)
{
    if (n < 1 || n > EO_RT_MAX_THREADS || in_loop)
        return EO_ERROR;
    pthread_mutex_lock(&P.region);
    if (n != atomic_load(&want) || n < 2) {
        stop_workers();
        P.start_failed = false;
        atomic_store(&want, n);
    }
    pthread_mutex_unlock(&P.region);
    return EO_OK;
}

EO_API unsigned
eo_rt_threads(void)
{
    return atomic_load(&want);
}

LLVMErrorRef
eo_rt_jit_define(LLVMOrcLLJITRef j)
{
    LLVMOrcCSymbolMapPair sym = {
        .Name = LLVMOrcLLJITMangleAndIntern(j, EO_RT_PARALLEL_FOR),
        .Sym = {.Address = (LLVMOrcExecutorAddress)(uintptr_t)
                    eo_rt_parallel_for,
                .Flags = {.GenericFlags = LLVMJITSymbolGenericFlagsExported |
                                          LLVMJITSymbolGenericFlagsCallable,
                          .TargetFlags = 0}},
    };
    LLVMOrcMaterializationUnitRef mu = LLVMOrcAbsoluteSymbols(&sym, 1);
    LLVMErrorRef err = LLVMOrcJITDylibDefine(LLVMOrcLLJITGetMainJITDylib(j),
                                             mu);
    if (err)
        LLVMOrcDisposeMaterializationUnit(mu);
    return err;
}

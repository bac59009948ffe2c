/* codegen/parallel.h - the host thread runtime of compiled scf.parallel
 * loops. The JIT translates an scf.parallel into an outlined body
 * function, called through eo_rt_parallel_for, which splits the
 * iterations of the outermost induction variable over a pool of POSIX
 * threads (created once, at the first parallel loop run with more than
 * one thread). The iterations of an scf.parallel are independent, so
 * results do not depend on the number of threads. Part of eo_codegen.
 */
#ifndef EO_CODEGEN_PARALLEL_H
#define EO_CODEGEN_PARALLEL_H

#include "ir/ir.h"

#include <stdint.h>

/* The most threads the pool runs (the caller included). */
#define EO_RT_MAX_THREADS 256

/* An outlined loop body: runs the iterations lb, lb + step, ... below
 * ub with the live-in values 'ctx' points at. */
typedef void (*eo_rt_body_fn)(void *ctx, int64_t lb, int64_t ub,
                              int64_t step);

/* Runs fn(ctx, ...) over [lb, ub) by 'step' (> 0; nothing runs
 * otherwise), split into contiguous chunks shared by the calling thread
 * and the pool's workers; returns when every iteration has run. Runs
 * serially in the caller when the pool has one thread, when called from
 * inside a parallel loop (nested regions), while another thread of the
 * process runs a parallel loop, or when no worker thread can be
 * started. Called by compiled code. */
EO_API void eo_rt_parallel_for(eo_rt_body_fn fn, void *ctx, int64_t lb,
                               int64_t ub, int64_t step);

/* Sets the number of threads parallel loops use, the caller included
 * (1..EO_RT_MAX_THREADS; default 1: serial). Workers of an earlier size
 * are stopped and joined (waiting for a running loop to finish); the
 * new ones start at the next parallel loop. EO_ERROR (no diagnostic:
 * there is no context) when n is out of range. Not to be called from
 * inside a parallel loop body. */
EO_API EO_NODISCARD eo_status eo_rt_set_threads(unsigned n);

/* The number of threads set by eo_rt_set_threads (1 by default). */
EO_API unsigned eo_rt_threads(void);

#endif /* EO_CODEGEN_PARALLEL_H */

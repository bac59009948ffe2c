/* explorer/mpi.h - distributed evaluation with OpenMPI (library
 * eo_explorer_mpi, built when MPI is found; only edge-explore links it).
 *
 * Rank 0 runs the search and owns the results database; every other rank
 * builds the same evaluator and space and serves evaluations, each in an
 * isolated worker process (eo_workers), until rank 0 shuts the pool down.
 * Candidates travel as value indices; the space's canonical hash is
 * checked once so that ranks that discovered different spaces refuse to
 * work together. See docs/explorer.md ("MPI").
 */
#ifndef EO_EXPLORER_MPI_H
#define EO_EXPLORER_MPI_H

#include "explorer/explorer.h"

/* Initializes MPI (MPI_Init_thread, funneled) and returns this rank and
 * the number of ranks. EO_ERROR with a diagnostic when MPI cannot start. */
EO_API EO_NODISCARD eo_status eo_mpi_init(eo_ctx *ctx, int *argc,
                                          char ***argv, int *rank,
                                          int *size);
/* Finalizes MPI (after eo_mpi_init; a no-op otherwise). */
EO_API void eo_mpi_finalize(void);

/* Worker ranks: checks the space against rank 0's, then evaluates the
 * candidates rank 0 sends (isolated, with 'timeout_s' as in
 * eo_workers_create) and sends the outcomes back, until rank 0 destroys
 * its pool. The knobs a candidate discovers (conditional knobs) go back
 * with its outcome; when rank 0's space grows by them, 's' grows alike
 * before the next candidate (checked against rank 0's). EO_ERROR
 * (reported) on a space mismatch or an MPI error. */
EO_API EO_NODISCARD eo_status eo_mpi_serve(eo_ctx *ctx, eo_evaluator *ev,
                                           eo_space *s, double timeout_s);

/* eo_mpi_serve with 'fn' (and 'ud') evaluating each candidate in this
 * process instead of an isolated worker: for evaluators that cannot
 * crash or hang, and for tests of the transport. */
EO_API EO_NODISCARD eo_status eo_mpi_serve_fn(eo_ctx *ctx, eo_space *s,
                                              eo_evaluate_fn fn, void *ud);

typedef struct eo_mpi_pool eo_mpi_pool;

/* Rank 0: a pool over ranks 1..size-1 (at least one). Checks that every
 * rank has the same space; NULL with a diagnostic otherwise. */
EO_API eo_mpi_pool *eo_mpi_pool_create(eo_ctx *ctx, const eo_space *s);
/* Tells every worker rank to stop and frees the pool (NULL is fine). */
EO_API void eo_mpi_pool_destroy(eo_mpi_pool *p);
/* An eo_evaluate_batch_fn: 'ud' is the eo_mpi_pool; candidates are
 * dealt to idle ranks as they free up, outcomes come back in candidate
 * order. */
EO_API EO_NODISCARD eo_status eo_mpi_evaluate(void *ud, size_t n,
                                              const uint32_t *cands,
                                              const char *const *assignments,
                                              eo_eval_outcome *outs);

#endif /* EO_EXPLORER_MPI_H */

/* explorer/explorer.h - the explorer's core: the search space built from
 * a knob-space JSON (edge-opt --list-knobs), the SQLite results database,
 * Pareto utilities and the search algorithms (exhaustive, random,
 * NSGA-II, simulated annealing). See docs/explorer.md.
 *
 * Errors are reported through the eo_ctx given to each entry point.
 */
#ifndef EO_EXPLORER_EXPLORER_H
#define EO_EXPLORER_EXPLORER_H

#include "ir/ir.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ */
/* Search space                                                        */
/* ------------------------------------------------------------------ */

/* A search space: dimensions (knobs and target variant axes) sorted by
 * name. A candidate is one value index per dimension (uint32_t[ndims]). */
typedef struct eo_space eo_space;

/* An empty space; NULL on allocation failure. Free with eo_space_destroy. */
EO_API eo_space *eo_space_create(eo_ctx *ctx);
/* Frees 's' (NULL is fine). */
EO_API void eo_space_destroy(eo_space *s);
/* Adds every knob of a knob-space JSON (eo_knob_store_space_json's
 * format); EO_ERROR with a diagnostic on malformed input or a name that
 * is already a dimension. */
EO_API EO_NODISCARD eo_status eo_space_load_json(eo_space *s,
                                                 const char *json, size_t n);
/* Adds a target variant axis 'name' with values[0..n) (copied; n >= 1);
 * its default is values[0]. EO_ERROR on a duplicate or invalid name. */
EO_API EO_NODISCARD eo_status eo_space_add_axis(eo_space *s, const char *name,
                                                const double *values,
                                                size_t n);
/* Number of dimensions. */
EO_API size_t eo_space_num_dims(const eo_space *s);
/* Name of dimension i (borrowed). */
EO_API const char *eo_space_dim_name(const eo_space *s, size_t i);
/* Number of values of dimension i. */
EO_API uint32_t eo_space_dim_size(const eo_space *s, size_t i);
/* Index of dimension i's default value. */
EO_API uint32_t eo_space_dim_default(const eo_space *s, size_t i);
/* Whether dimension i is a target variant axis (not a knob). */
EO_API bool eo_space_dim_is_axis(const eo_space *s, size_t i);
/* Index of the dimension called 'name', or -1. */
EO_API long eo_space_find(const eo_space *s, const char *name);
/* Number of candidates, saturating at UINT64_MAX (1 for no dimension). */
EO_API uint64_t eo_space_size(const eo_space *s);
/* Writes the default candidate to cand[0..ndims). */
EO_API void eo_space_default(const eo_space *s, uint32_t *cand);
/* Appends value index 'v' of dimension i as text (true/false, integer,
 * enum name, axis number %.17g) to 'out'. */
EO_API void eo_space_value_text(const eo_space *s, size_t i, uint32_t v,
                                eo_strbuf *out);
/* Appends the canonical form "name=value,name=value" (by name) of
 * 'cand' to 'out': a DB key. EO_ERROR if an index is out of range. */
EO_API EO_NODISCARD eo_status eo_space_format(const eo_space *s,
                                              const uint32_t *cand,
                                              eo_strbuf *out);
/* Appends one "name=value" line per knob (axes left out) of 'cand' to
 * 'out': a file for edge-opt --knobs, or --knob arguments. */
EO_API EO_NODISCARD eo_status eo_space_knob_lines(const eo_space *s,
                                                  const uint32_t *cand,
                                                  eo_strbuf *out);
/* Parses a canonical form back into cand[0..ndims); EO_ERROR with a
 * diagnostic on an unknown name, a bad value or a missing dimension. */
EO_API EO_NODISCARD eo_status eo_space_parse(const eo_space *s,
                                             const char *text,
                                             uint32_t *cand);

/* ------------------------------------------------------------------ */
/* Results database                                                    */
/* ------------------------------------------------------------------ */

/* The objectives the database stores, in this order (minimized). */
typedef enum eo_objective {
    EO_OBJ_LATENCY,
    EO_OBJ_ENERGY,
    EO_OBJ_MEMORY,
    EO_NUM_OBJECTIVES
} eo_objective;

/* How one evaluation ended. */
typedef enum eo_eval_status {
    EO_EVAL_OK,
    EO_EVAL_FAILED,
    EO_EVAL_TIMEOUT
} eo_eval_status;

/* What an evaluation is keyed by, besides the assignment. */
typedef struct eo_eval_key {
    const char *model_hash;
    const char *target_hash;
    const char *pipeline;
    const char *evaluator;      /* evaluator version */
} eo_eval_key;

/* One evaluation's outcome. obj[i] is NAN when absent (NULL in the DB). */
typedef struct eo_eval_outcome {
    eo_eval_status status;
    char message[256];          /* why it failed; "" when ok */
    double obj[EO_NUM_OBJECTIVES];
    double wall_s;              /* evaluation wall time, seconds */
    int64_t timestamp;          /* seconds since the epoch */
} eo_eval_outcome;

/* An open results database. */
typedef struct eo_resdb eo_resdb;

/* Called by eo_resdb_foreach for each record, oldest first; return false
 * to stop. */
typedef bool (*eo_resdb_visit_fn)(const char *assignment,
                                  const eo_eval_outcome *o, void *ud);

/* Opens (creating if missing) the database at 'path' in WAL mode and
 * checks its schema version; EO_ERROR with a diagnostic when the file is
 * not a results database, is locked or has another schema version. */
EO_API EO_NODISCARD eo_status eo_resdb_open(eo_ctx *ctx, const char *path,
                                            eo_resdb **out);
/* Closes 'db' (NULL is fine). */
EO_API void eo_resdb_close(eo_resdb *db);
/* The journal mode in use ("wal"), borrowed. */
EO_API const char *eo_resdb_journal_mode(const eo_resdb *db);
/* Appends one evaluation in its own transaction; EO_ERROR (diagnostic)
 * if (key, assignment) is already recorded or on a database error. */
EO_API EO_NODISCARD eo_status eo_resdb_put(eo_resdb *db,
                                           const eo_eval_key *key,
                                           const char *assignment,
                                           const eo_eval_outcome *o);
/* Looks (key, assignment) up: *found says whether it was evaluated, and
 * *o (may be NULL) receives the record. */
EO_API EO_NODISCARD eo_status eo_resdb_get(eo_resdb *db,
                                           const eo_eval_key *key,
                                           const char *assignment,
                                           bool *found, eo_eval_outcome *o);
/* Visits every record of 'key' in insertion order. */
EO_API EO_NODISCARD eo_status eo_resdb_foreach(eo_resdb *db,
                                               const eo_eval_key *key,
                                               eo_resdb_visit_fn fn,
                                               void *ud);
/* Number of records of 'key' (all records when key is NULL). */
EO_API EO_NODISCARD eo_status eo_resdb_count(eo_resdb *db,
                                             const eo_eval_key *key,
                                             int64_t *n);

/* ------------------------------------------------------------------ */
/* Pareto utilities (minimization)                                     */
/* ------------------------------------------------------------------ */

/* Constraint domination over k objectives: a feasible point (violation
 * 0) dominates an infeasible one; two infeasible points compare by
 * violation; two feasible ones by Pareto dominance. */
EO_API bool eo_pareto_dominates(const double *a, double viol_a,
                                const double *b, double viol_b, size_t k);
/* Non-dominated sort of n points (obj[i*k..], viol may be NULL = all
 * feasible): rank[i] = front number (0 = non-dominated). EO_NOMEM. */
EO_API EO_NODISCARD eo_status eo_pareto_sort(const double *obj,
                                             const double *viol, size_t n,
                                             size_t k, size_t *rank);
/* Crowding distance of the m points members[] (indices into obj, one
 * front): dist[j] for members[j]; boundary points get INFINITY. */
EO_API EO_NODISCARD eo_status eo_pareto_crowding(const double *obj, size_t k,
                                                 const size_t *members,
                                                 size_t m, double *dist);
/* Exact hypervolume dominated by n points w.r.t. reference point 'ref'
 * for k = 2 or 3 (points not strictly better than ref in every
 * objective add nothing); EO_ERROR (diagnostic) for other k. */
EO_API EO_NODISCARD eo_status eo_pareto_hypervolume(eo_ctx *ctx,
                                                    const double *obj,
                                                    size_t n, size_t k,
                                                    const double *ref,
                                                    double *hv);

/* ------------------------------------------------------------------ */
/* Search                                                              */
/* ------------------------------------------------------------------ */

/* A small deterministic PRNG (xoshiro256** seeded by splitmix64). */
typedef struct eo_rng {
    uint64_t s[4];
} eo_rng;

/* Seeds 'r' from 'seed'. */
EO_API void eo_rng_seed(eo_rng *r, uint64_t seed);
/* Next 64 random bits. */
EO_API uint64_t eo_rng_next(eo_rng *r);
/* Uniform integer in [0, n) (n > 0), without modulo bias. */
EO_API uint64_t eo_rng_below(eo_rng *r, uint64_t n);
/* Uniform double in [0, 1). */
EO_API double eo_rng_unit(eo_rng *r);

typedef enum eo_search_algo {
    EO_SEARCH_EXHAUSTIVE,
    EO_SEARCH_RANDOM,
    EO_SEARCH_NSGA2,
    EO_SEARCH_ANNEAL
} eo_search_algo;

/* Evaluates one candidate ('assignment' is its canonical form) into *out
 * (status, message, objectives; NAN = absent). Returning an error stops
 * the search (as an interruption would); the candidate is not recorded. */
typedef eo_status (*eo_evaluate_fn)(void *ud, const uint32_t *cand,
                                    const char *assignment,
                                    eo_eval_outcome *out);

typedef struct eo_search_opts {
    eo_search_algo algo;
    uint64_t seed;
    /* Distinct candidates the search may look at, whether evaluated now
     * or found in the database (a resumed run takes the same path). */
    uint64_t budget;
    /* The objectives searched, in order (1..3 of eo_objective). */
    eo_objective objectives[EO_NUM_OBJECTIVES];
    size_t num_objectives;
    /* Constraints: an evaluated objective above limit[o] is infeasible
     * (violation: the sum of relative excesses). INFINITY or 0 = none. */
    double limit[EO_NUM_OBJECTIVES];
    /* NSGA-II: population (0 = 20, rounded up to even), crossover
     * probability (0 = 0.9), per-dimension mutation probability (0 =
     * 1/ndims). */
    size_t population;
    double crossover;
    double mutation;
    /* Annealing: weights of the searched objectives (all 0 = 1 each),
     * start temperature (0 = 1, relative to the start's scalar value),
     * cooling factor per step (0 = 0.97). */
    double weights[EO_NUM_OBJECTIVES];
    double t0;
    double cooling;
    /* Optional results database and the key of this run's records. */
    eo_resdb *db;
    const eo_eval_key *key;
    eo_evaluate_fn evaluate;
    void *ud;
} eo_search_opts;

/* Everything a search looked at, in the order it did. */
typedef struct eo_search_result {
    size_t ndims, k;            /* dimensions, searched objectives */
    size_t count;               /* candidates looked at */
    uint32_t *cands;            /* count * ndims */
    double *obj;                /* count * k (INFINITY for failures) */
    double *viol;               /* count: 0 feasible, INFINITY failed */
    size_t *front;              /* indices of the final Pareto set */
    size_t front_size;
    uint64_t evaluated;         /* evaluate calls made by this run */
    uint64_t reused;            /* records taken from the database */
    size_t best;                /* annealing: best index (else front[0]) */
} eo_search_result;

/* Runs a search over 's' under 'opts'; fills *res (free it with
 * eo_search_result_free, also after an error: what was done stays).
 * EO_ERROR when the evaluator stops it or on a database error. */
EO_API EO_NODISCARD eo_status eo_search_run(eo_ctx *ctx, const eo_space *s,
                                            const eo_search_opts *opts,
                                            eo_search_result *res);
/* Frees the arrays of 'res' and zeroes it. */
EO_API void eo_search_result_free(eo_search_result *res);

#endif /* EO_EXPLORER_EXPLORER_H */

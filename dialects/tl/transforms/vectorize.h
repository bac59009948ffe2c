/* dialects/tl/transforms/vectorize.h - the vectorize step of tl-to-loops
 * (vectorize.c), shared with tl_to_loops.c only. */
#ifndef EO_DIALECTS_TL_TRANSFORMS_VECTORIZE_H
#define EO_DIALECTS_TL_TRANSFORMS_VECTORIZE_H

#include "ir/ir.h"

/* Makes or finds the index constant 'v' where every loop of the nest
 * sees it; NULL on allocation failure. */
typedef eo_value *(*eo_tl_index_const_fn)(void *ud, int64_t v);

/* Whether innermost loop 'loop' (an scf.for that tl-to-loops built: step
 * 1, no iter_args) can run 4, 8 or 16 iterations at once with vector
 * ops: every access unit-stride in the last dimension of a contiguous
 * memref or invariant, elementwise arith/math in between, stores either
 * unit-stride or a reduction into an invariant element. Decides the
 * vectorize knob's domain; asks nothing and changes nothing. */
EO_HIDDEN bool eo_tl_loop_vectorizable(eo_op *loop);

/* Rewrites 'loop' (eo_tl_loop_vectorizable) into a loop of 'width'
 * iterations a step on vector<width x T> values, then the scalar 'loop'
 * itself for the remaining iterations (erased when none can remain).
 * EO_ERROR after a diagnostic if 'loop' does not qualify, EO_NOMEM on
 * allocation failure. */
EO_HIDDEN EO_NODISCARD eo_status
eo_tl_vectorize_loop(eo_op *loop, int64_t width, eo_tl_index_const_fn cst,
                     void *ud);

#endif /* EO_DIALECTS_TL_TRANSFORMS_VECTORIZE_H */

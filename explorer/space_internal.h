/* explorer/space_internal.h - what the search (search.c) needs of the
 * space (space.c) beyond explorer.h. Private to explorer/.
 */
#ifndef EO_EXPLORER_SPACE_INTERNAL_H
#define EO_EXPLORER_SPACE_INTERNAL_H

#include "explorer/explorer.h"

/* Position of dimension i in the order the dimensions were added (the
 * knob-space JSON's order, then axes as added); SIZE_MAX out of range.
 * The layer-wise search orders sites by it. */
EO_HIDDEN size_t eo_space_dim_seq(const eo_space *s, size_t i);

/* Appends the conditional dimensions (eo_space_grow_json's) as
 * knob-space JSON, in the order they were added: growing a space that
 * has the same other dimensions by it gives the same dimensions (MPI
 * ranks follow rank 0's space this way). EO_NOMEM. */
EO_HIDDEN EO_NODISCARD eo_status eo_space_conditional_json(const eo_space *s,
                                                           eo_strbuf *out);

#endif /* EO_EXPLORER_SPACE_INTERNAL_H */

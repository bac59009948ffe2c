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

#endif /* EO_EXPLORER_SPACE_INTERNAL_H */

/* dialects/cf/cf_internal.h - what cf.c and cf_canon.c share: the
 * canonicalization pattern rows of the cf ops (defined in cf_canon.c).
 */
#ifndef EO_DIALECTS_CF_CF_INTERNAL_H
#define EO_DIALECTS_CF_CF_INTERNAL_H

#include "dialects/cf/cf.h"

/* MLIR 19's canonicalization patterns of each op, each array ending with
 * a row whose name is NULL. */
EO_HIDDEN extern const eo_pattern cf_assert_canon[];
EO_HIDDEN extern const eo_pattern cf_br_canon[];
EO_HIDDEN extern const eo_pattern cf_cond_br_canon[];
EO_HIDDEN extern const eo_pattern cf_switch_canon[];

#endif /* EO_DIALECTS_CF_CF_INTERNAL_H */

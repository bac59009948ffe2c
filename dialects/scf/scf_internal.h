/* dialects/scf/scf_internal.h - what scf.c and scf_canon.c share: the
 * canonicalization pattern rows and fold hooks of the scf ops (defined in
 * scf_canon.c).
 */
#ifndef EO_DIALECTS_SCF_SCF_INTERNAL_H
#define EO_DIALECTS_SCF_SCF_INTERNAL_H

#include "dialects/scf/scf.h"

/* MLIR 19's canonicalization patterns of each op, each array ending with
 * a row whose name is NULL. */
EO_HIDDEN extern const eo_pattern scf_for_canon[];
EO_HIDDEN extern const eo_pattern scf_if_canon[];
EO_HIDDEN extern const eo_pattern scf_execute_region_canon[];
EO_HIDDEN extern const eo_pattern scf_index_switch_canon[];
EO_HIDDEN extern const eo_pattern scf_while_canon[];
EO_HIDDEN extern const eo_pattern scf_parallel_canon[];

/* scf.if's fold: "if (xori %c, true)" swaps its regions and tests %c. */
EO_HIDDEN bool scf_if_fold(eo_op *op, const eo_attr *const cst[],
                           eo_fold *out);

#endif /* EO_DIALECTS_SCF_SCF_INTERNAL_H */

/* dialects/func/func_internal.h - what func.c and func_canon.c share: the
 * canonicalization pattern rows of the func ops (defined in func_canon.c).
 */
#ifndef EO_DIALECTS_FUNC_FUNC_INTERNAL_H
#define EO_DIALECTS_FUNC_FUNC_INTERNAL_H

#include "dialects/func/func.h"

/* func.call_indirect's patterns (MLIR 19 has no others for func), ending
 * with a row whose name is NULL. */
EO_HIDDEN extern const eo_pattern func_call_indirect_canon[];

#endif /* EO_DIALECTS_FUNC_FUNC_INTERNAL_H */

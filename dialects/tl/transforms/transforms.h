/* dialects/tl/transforms/transforms.h - rewrites of the tl dialect
 * (library eo_tl_transforms), as passes:
 *
 *   tl-generalize   every named tl op (tl.matmul, tl.conv2d, ...) becomes
 *                   the tl.generic it stands for (eo_tl_generalize_patterns)
 */
#ifndef EO_DIALECTS_TL_TRANSFORMS_TRANSFORMS_H
#define EO_DIALECTS_TL_TRANSFORMS_TRANSFORMS_H

#include "ir/ir.h"

/* Registers the passes above with the context's pass registry (the tl
 * dialect itself is registered separately). Registering twice is a no-op;
 * fails, with a diagnostic, if another pass has one of the names. */
EO_API EO_NODISCARD eo_status eo_tl_register_passes(eo_ctx *ctx);

#endif /* EO_DIALECTS_TL_TRANSFORMS_TRANSFORMS_H */

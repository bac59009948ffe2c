/* dialects/internal.h - helpers shared by the dialect folders (one
 * library, eo_dialects); nothing outside dialects/ includes this. */
#ifndef EO_DIALECTS_INTERNAL_H
#define EO_DIALECTS_INTERNAL_H

#include "ir/ir.h"

/* A growable list of values in the context's arena. After an allocation
 * failure 'nomem' is set and pushes are dropped. */
typedef struct vals {
    eo_ctx *ctx;
    eo_value **v;
    size_t n, cap;
    bool nomem;
} vals;

EO_HIDDEN void vals_init(vals *l, eo_ctx *ctx);
EO_HIDDEN void vals_push(vals *l, eo_value *x);
/* Appends the operands of 'op' from 'first' on. */
EO_HIDDEN void vals_operands(vals *l, eo_op *op, size_t first);
EO_HIDDEN bool vals_equal(const vals *a, const vals *b);
EO_HIDDEN void vals_fini(vals *l);

#endif /* EO_DIALECTS_INTERNAL_H */

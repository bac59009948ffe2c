/* dialects/vals.c - the value lists of dialects/internal.h. */
#include "dialects/internal.h"

#include <string.h>

void
vals_init(vals *l, eo_ctx *ctx)
{
    memset(l, 0, sizeof(*l));
    l->ctx = ctx;
}

void
vals_push(vals *l, eo_value *x)
{
    if (l->nomem)
        return;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 8;
        eo_value **nv = eo_ctx_alloc(l->ctx, nc * sizeof(*nv));
        if (!nv) {
            l->nomem = true;
            return;
        }
        if (l->v) {
            memcpy(nv, l->v, l->n * sizeof(*nv));
            eo_ctx_free(l->ctx, l->v, l->cap * sizeof(*nv));
        }
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = x;
}

void
vals_operands(vals *l, eo_op *op, size_t first)
{
    for (size_t i = first; i < eo_op_num_operands(op); i++)
        vals_push(l, eo_op_operand(op, i));
}

bool
vals_equal(const vals *a, const vals *b)
{
    return a->n == b->n &&
           (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(*a->v)) == 0);
}

void
vals_fini(vals *l)
{
    if (l->v)
        eo_ctx_free(l->ctx, l->v, l->cap * sizeof(*l->v));
    l->v = NULL;
    l->n = l->cap = 0;
}

/* dialects/graph/graph_fold.c - fold hooks of the graph dialect. */
#include "dialects/graph/graph_internal.h"

/* No graph op folds yet. */
bool
graph_fold(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)op;
    (void)cst;
    (void)out;
    return false;
}

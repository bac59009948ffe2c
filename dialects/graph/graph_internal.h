/* dialects/graph/graph_internal.h - declarations shared by the graph
 * dialect's files (library eo_dialects); nothing outside dialects/graph/
 * includes this. */
#ifndef EO_DIALECTS_GRAPH_GRAPH_INTERNAL_H
#define EO_DIALECTS_GRAPH_GRAPH_INTERNAL_H

#include "dialects/graph/graph.h"

/* The fold hook of every graph op but graph.constant (graph_fold.c). */
EO_HIDDEN bool graph_fold(eo_op *op, const eo_attr *const cst[],
                          eo_fold *out);

#endif /* EO_DIALECTS_GRAPH_GRAPH_INTERNAL_H */

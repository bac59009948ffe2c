/* dialects/graph/graph_internal.h - declarations shared by the graph
 * dialect's files (library eo_dialects); nothing outside dialects/graph/
 * includes this. */
#ifndef EO_DIALECTS_GRAPH_GRAPH_INTERNAL_H
#define EO_DIALECTS_GRAPH_GRAPH_INTERNAL_H

#include "dialects/graph/graph.h"

/* The fold hook of every graph op but graph.constant (graph_fold.c). */
EO_HIDDEN bool graph_fold(eo_op *op, const eo_attr *const cst[],
                          eo_fold *out);

/* Attribute readers over an attribute dictionary 'd' (may be NULL), as
 * eo_graph_attr_* read an op's (graph_shape.c). */
EO_HIDDEN long graph_dict_ints(const eo_attr *d, const char *name,
                               int64_t *out, size_t max);
EO_HIDDEN int64_t graph_dict_int(const eo_attr *d, const char *name,
                                 int64_t def);
EO_HIDDEN double graph_dict_float(const eo_attr *d, const char *name,
                                  double def);
EO_HIDDEN bool graph_dict_bool(const eo_attr *d, const char *name,
                               bool def);
EO_HIDDEN const char *graph_dict_str(const eo_attr *d, const char *name,
                                     const char *def);

/* Whether 't' is a ranked tensor type with static dims of rank at most
 * EO_GRAPH_MAX_RANK. */
EO_HIDDEN bool graph_static_tensor(const eo_type *t);

#endif /* EO_DIALECTS_GRAPH_GRAPH_INTERNAL_H */

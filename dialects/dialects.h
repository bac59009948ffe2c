/* dialects/dialects.h - registration of every dialect in dialects/
 * (func, arith, cf, scf, math, memref, vector; graph with quant; tl) in
 * one call, as edge-opt and the tests use it.
 */
#ifndef EO_DIALECTS_DIALECTS_H
#define EO_DIALECTS_DIALECTS_H

#include "ir/ir.h"

/* Registers func, arith, cf, scf, graph, quant, math, memref, vector, tl
 * and npu in 'ctx' (the builtin dialect is always there). Registering
 * twice is a no-op. Fails, with a
 * diagnostic from the registry, if a name clashes; EO_NOMEM on allocation
 * failure. */
EO_API EO_NODISCARD eo_status eo_register_all_dialects(eo_ctx *ctx);

#endif /* EO_DIALECTS_DIALECTS_H */

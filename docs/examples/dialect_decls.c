/* The declarations docs/writing-a-dialect.md lists, compiled with the
 * header by lit/docs/pages-tested.test: a declaration that no longer
 * matches the header's is a compile error. */
#include "ir/ir.h"

eo_status eo_dialect_register(eo_ctx *ctx, const char *name,
                              const eo_op_def *ops, size_t n);
eo_status eo_dialect_register_desc(eo_ctx *ctx, const eo_dialect_desc *desc);

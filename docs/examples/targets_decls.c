/* The declarations docs/targets.md lists, compiled with the header by
 * lit/docs/pages-tested.test: a declaration that no longer matches the
 * header's is a compile error. */
#include "targets/targets.h"

eo_target *eo_target_parse(eo_ctx *ctx, const char *name, const char *text,
                           size_t len, const eo_target_opts *opts);
eo_status eo_target_get_number(eo_ctx *ctx, const eo_target *t,
                               const char *path, double *out);
eo_status eo_target_set_number(eo_ctx *ctx, eo_target *t, const char *path,
                               double value);
void eo_target_to_json(const eo_target *t, eo_strbuf *out);  /* canonical */
/* sets: d->conv_engines[0].ops & (1u << EO_CONV_DEPTHWISE),
 *       d->imc.dtypes & (1u << EO_TDT_INT8) */

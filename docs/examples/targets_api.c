/* The C API example of docs/targets.md, compiled by
 * lit/docs/pages-tested.test: loads a target, prints its peak and the
 * hashes of a sweep of variants. */
#include <stdio.h>

#include "targets/targets.h"

eo_status print_variants(eo_ctx *ctx)
{
    eo_target *t = eo_target_load(ctx, "targets/data/imc-analog-npu.json");
    if (!t)
        return EO_ERROR;                /* diagnostics went to ctx */
    const eo_target_desc *d = eo_target_desc_get(t);
    double peak = eo_target_peak_macs(t, EO_TDT_INT8);   /* MAC/s */
    printf("%s: %lld crossbars, ADC %.3f pJ, %.3g MAC/s\n", d->name,
           (long long)d->imc.crossbars, d->imc.adc_energy_pj, peak);

    const char *axes[] = { "imc.crossbars=2,4,8", "imc.adc_bits=4,8" };
    eo_target **vs;
    size_t n;
    if (eo_target_vary(ctx, t, 2, axes, &vs, &n) == EO_OK) {
        for (size_t i = 0; i < n; i++)
            printf("%016llx %s\n", (unsigned long long)eo_target_hash(vs[i]),
                   eo_target_variant(vs[i]));
        eo_target_list_free(vs, n);
    }
    eo_target_destroy(t);
    return EO_OK;
}

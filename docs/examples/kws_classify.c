#include "kws_dscnn_f32.h"

static _Alignas(KWS_DSCNN_F32_WORKSPACE_ALIGN)
    unsigned char workspace[KWS_DSCNN_F32_WORKSPACE_SIZE];

int classify(const float features[490], float scores[12])
{
    const void *in[1] = { features };
    void *out[1] = { scores };
    return kws_dscnn_f32_run(in, out, workspace);
}

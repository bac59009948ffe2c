/* dialects/dialects.c - eo_register_all_dialects. */
#include "dialects/dialects.h"

#include "dialects/arith/arith.h"
#include "dialects/cf/cf.h"
#include "dialects/func/func.h"
#include "dialects/gpu/gpu.h"
#include "dialects/graph/graph.h"
#include "dialects/math/math.h"
#include "dialects/memref/memref.h"
#include "dialects/npu/npu.h"
#include "dialects/scf/scf.h"
#include "dialects/tl/tl.h"
#include "dialects/vector/vector.h"

eo_status
eo_register_all_dialects(eo_ctx *ctx)
{
    eo_status (*const regs[])(eo_ctx *) = {
        func_register, arith_register, cf_register, scf_register,
        eo_graph_register,
        math_register,
        memref_register,
        vector_register,
        tl_register,
        eo_npu_register,
        gpu_register,
    };
    for (size_t i = 0; i < sizeof regs / sizeof regs[0]; i++) {
        eo_status st = regs[i](ctx);
        if (st != EO_OK)
            return st;
    }
    return EO_OK;
}

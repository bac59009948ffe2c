/* dialects/gpu/gpu.h - a subset of MLIR's gpu dialect, parsed, printed
 * and verified as mlir-opt 19 does: gpu.launch (grid and block sizes, a
 * body region whose entry block takes the block/thread ids and sizes,
 * then workgroup and private memory attributions), gpu.terminator, the
 * id/size queries gpu.thread_id/block_id/block_dim/grid_dim/global_id
 * (dimension #gpu<dim x|y|z>), gpu.barrier, and the memory space
 * attribute #gpu.address_space<global|workgroup|private>. Not covered:
 * async tokens, clusters, gpu.module/gpu.func/gpu.launch_func (kernels
 * are outlined when translating to NVPTX, codegen/translate_gpu.c).
 */
#ifndef EO_DIALECTS_GPU_GPU_H
#define EO_DIALECTS_GPU_GPU_H

#include "ir/ir.h"

enum gpu_op {
    GPU_BARRIER,
    GPU_BLOCK_DIM,
    GPU_BLOCK_ID,
    GPU_GLOBAL_ID,
    GPU_GRID_DIM,
    GPU_LAUNCH,
    GPU_TERMINATOR,
    GPU_THREAD_ID,
    GPU_NUM_OPS
};

/* The entry block arguments of gpu.launch's body, in order; the
 * workgroup attributions follow, then the private ones. */
enum {
    GPU_ARG_BLOCK_ID = 0,     /* x, y, z */
    GPU_ARG_THREAD_ID = 3,
    GPU_ARG_GRID_SIZE = 6,
    GPU_ARG_BLOCK_SIZE = 9,
    GPU_LAUNCH_NUM_CONFIG_ARGS = 12
};

/* gpu.launch operand segments (operandSegmentSizes). */
enum {
    GPU_SEG_ASYNC = 0,
    GPU_SEG_GRID = 1,         /* 1, 2, 3: x, y, z */
    GPU_SEG_BLOCK = 4,        /* 4, 5, 6 */
    GPU_SEG_CLUSTER = 7,      /* 7, 8, 9 */
    GPU_SEG_DYN_SHMEM = 10,
    GPU_LAUNCH_NUM_SEGMENTS = 11
};

/* #gpu.address_space<...> values: LLVM's NVPTX address spaces. */
enum gpu_address_space {
    GPU_AS_GLOBAL = 1,
    GPU_AS_WORKGROUP = 3,
    GPU_AS_PRIVATE = 5
};

/* Registers the gpu dialect. Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status gpu_register(eo_ctx *ctx);
/* The row of 'op' in the static table (valid without registration). */
EO_API const eo_op_def *gpu_op_def(enum gpu_op op);
/* Which gpu op 'op' is; GPU_NUM_OPS if it is not one. */
EO_API enum gpu_op gpu_op_kind(const eo_op *op);

/* The dimension (0, 1, 2 for x, y, z) of an id/size query op; -1 if 'op'
 * is not one or is malformed. */
EO_API int gpu_op_dimension(const eo_op *op);
/* The #gpu<dim x|y|z> attribute for dimension d (0..2); NULL on bad d
 * or allocation failure. Uniqued. */
EO_API const eo_attr *gpu_dim_attr(eo_ctx *ctx, int d);
/* #gpu.address_space<...> for 'as'; NULL on allocation failure. */
EO_API const eo_attr *gpu_address_space_attr(eo_ctx *ctx,
                                             enum gpu_address_space as);
/* The address space a memref type lives in: 0 (default), the integer
 * memory space, or an enum gpu_address_space for #gpu.address_space;
 * -1 for another memory space attribute. */
EO_API int gpu_memref_address_space(const eo_type *memref);

/* gpu.launch accessors (borrowed; NULL/0 when malformed). */
EO_API eo_block *gpu_launch_body(const eo_op *launch);
EO_API size_t gpu_launch_num_workgroup(const eo_op *launch);

/* Builds "gpu.launch blocks(...) in (grid) threads(...) in (block)" at
 * b's insertion point with an entry block of 12 index arguments and a
 * gpu.terminator; 'grid' and 'block' are 3 index values each. Returns
 * the op (owned by its block) or NULL on allocation failure. */
EO_API eo_op *gpu_launch_build(eo_builder *b, eo_value *const grid[3],
                               eo_value *const block[3]);

#endif /* EO_DIALECTS_GPU_GPU_H */

/* dialects/tl/transforms/gpu_map.h - the gpu-map-loops pass: the
 * outermost band of provably parallel scf.for loops of each loop nest
 * (as tl-to-loops emits them) becomes one gpu.launch over the collapsed
 * iteration space, with a block-size knob "gpu.block.<site>" (32, 64,
 * 128 or 256; every value is legal: the grid covers the space and each
 * thread checks its linear id against the trip count). See docs/gpu.md.
 */
#ifndef EO_DIALECTS_TL_TRANSFORMS_GPU_MAP_H
#define EO_DIALECTS_TL_TRANSFORMS_GPU_MAP_H

#include "ir/ir.h"

/* The default of knob "gpu.block.<site>". */
#define EO_GPU_BLOCK_DEFAULT 128
/* Its domain, {32, 64, 128, 256} (static data). */
EO_API const eo_knob_domain *eo_gpu_block_domain(void);

/* Maps the loop nests nested in 'op' (not 'op' itself) onto gpu.launch
 * ops, asking 'knobs' (may be NULL: defaults). *mapped (may be NULL)
 * gets the number of launches created. EO_ERROR after a diagnostic (the
 * gpu, scf, arith or memref dialect not registered); EO_NOMEM on
 * allocation failure. Nests that are not provably parallel stay. */
EO_API EO_NODISCARD eo_status eo_gpu_map_loops(eo_op *op,
                                               const eo_knob_provider *knobs,
                                               size_t *mapped);

/* Whether scf.for 'loop' is parallel by the analysis of docs/gpu.md: no
 * results, and every memref written in it is accessed, through one
 * memref value, at indices whose position p is the induction variable
 * itself (not the last index for vector accesses); only pure ops, loops,
 * ifs and memref/vector loads and stores inside. */
EO_API bool eo_gpu_loop_is_parallel(eo_op *loop);

/* The pass definition (registered by eo_tl_register_passes). */
EO_HIDDEN const struct eo_pass_def *eo_tl_gpu_map_pass_def(void);

#endif /* EO_DIALECTS_TL_TRANSFORMS_GPU_MAP_H */

/* targets/place.h - the place-buffers pass: chooses the memory level of
 * each buffer of a module for a target (docs/targets.md, "Placement").
 *
 * Per buffer (memref.global, memref.alloc, memref.alloca; site = the
 * op's site key) it asks the knob
 *   place.<site>   default | <level> | ...   (the levels it may live in)
 * and records a level as the buffer's integer memory space: memory space
 * k (k >= 1) is memory[k - 1] of the target. "default" (the knob's
 * default) leaves the type alone: the cost model then picks the home it
 * always did. The cost model charges a placed buffer's traffic to its
 * level and reports the peak bytes of every level.
 *
 *   edge-opt m.mlir --pass-pipeline='builtin.module(place-buffers{
 *       target=cortex-m55})' --knob place.w=dtcm --target=cortex-m55
 *       --evaluate
 */
#ifndef EO_TARGETS_PLACE_H
#define EO_TARGETS_PLACE_H

#include "ir/ir.h"

#include "targets/targets.h"

/* Registers the pass "place-buffers" (option: target=<name|file>).
 * Twice is a no-op. */
EO_API EO_NODISCARD eo_status eo_place_register_passes(eo_ctx *ctx);

/* The memory level a memref type is placed in by its memory space on
 * 't': 0..num_memory-1; -1 when it has none (the model's default home);
 * -2 when the memory space names no level of 't' (not an integer, out of
 * range). Never fails otherwise. */
EO_API int eo_place_level_of(const eo_target *t, const eo_type *memref);

#endif /* EO_TARGETS_PLACE_H */

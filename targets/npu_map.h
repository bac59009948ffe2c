/* targets/npu_map.h - the npu-map pass: lowers the quantized graph ops
 * of each public function to an npu dialect command stream for an NPU
 * target (docs/npu-dialect.md, "Mapping"). Per layer (site key = the
 * op's name) it asks the knobs
 *   unit.<site>          conv_engine | imc | ew | cpu (the legal ones)
 *   tile.<site>          output channels per tile (divisors that fit)
 *   rows.<site>          output rows per band (divisors of the output
 *                        height whose band, with its halo, fits)
 *   flow.<site>          weight_stationary | output_stationary (tiles
 *                        and bands both more than one)
 *   dbuf.<site>          double buffering of the tiles / bands
 *   imc_resident.<site>  weights in crossbars of their own (enough free)
 *   home.<site>          dram | sram: where the result lives (when it
 *                        fits)
 * and emits DMA into SRAM, engine commands ordered by tokens, and
 * npu.cpu regions for what falls back to the host core (also the
 * quantization of a float interface).
 *
 *   edge-opt m.onnx --import-onnx --graph-optimize \
 *       --npu-map="target=stm32n6-npu report=true"
 */
#ifndef EO_TARGETS_NPU_MAP_H
#define EO_TARGETS_NPU_MAP_H

#include "ir/ir.h"

/* Registers the pass "npu-map" (options: target=<name|file>, report).
 * Twice is a no-op. */
EO_API EO_NODISCARD eo_status eo_npu_register_passes(eo_ctx *ctx);

#endif /* EO_TARGETS_NPU_MAP_H */

/* targets/npu_sim.h - the NPU simulator: runs a func.func of npu dialect
 * commands (dialects/npu/npu.h) on an NPU target description, function-
 * ally (int8 results bit-exact with the graph reference interpreter) and
 * in time, with an event model: every engine (DMA channels, convolution
 * engines, IMC crossbars, elementwise units, the host CPU) has a
 * timeline; a command starts when the tokens it waits for are done and
 * an engine of its kind is free, DMA bandwidth is shared between the
 * transfers in flight, and crossbar programming is paid once per
 * residency. docs/npu-dialect.md, "Simulator", has the formulas.
 */
#ifndef EO_TARGETS_NPU_SIM_H
#define EO_TARGETS_NPU_SIM_H

#include "dialects/graph/interp.h"
#include "ir/ir.h"
#include "targets/targets.h"

/* Engine classes, for per-engine busy times. */
typedef enum eo_npu_engine {
    EO_NPU_ENGINE_DMA, EO_NPU_ENGINE_CONV, EO_NPU_ENGINE_IMC,
    EO_NPU_ENGINE_EW, EO_NPU_ENGINE_CPU, EO_NPU_NUM_ENGINES
} eo_npu_engine;

/* One layer: the commands carrying the same site key (eo_op_site_key:
 * their "name" attribute, else their location), npu.wait excepted, in
 * program order of first appearance. */
typedef struct eo_npu_sim_layer {
    char *name;                 /* site key (owned by the stats) */
    const char *unit;           /* what computed it: a conv engine's or an
                                 * elementwise unit's name, "imc", the
                                 * host unit's name; a DMA engine's name
                                 * for a layer of transfers only
                                 * (borrowed from the target) */
    double start_s, end_s;      /* first start, last end */
    double busy_s;              /* its commands' durations, summed */
    double energy_j;            /* its commands' energy (static energy
                                 * is not attributed to layers) */
    double macs;
    uint64_t commands;
} eo_npu_sim_layer;

typedef struct eo_npu_sim_stats {
    double latency_s;           /* completion of the last command */
    double clock_mhz;           /* the clock 'cycles' counts (the first
                                 * conv engine's, else the IMC's, else the
                                 * host's) */
    uint64_t cycles;            /* latency in those cycles, rounded up */
    double energy_j;            /* sum of energy[] */
    double energy[EO_COST_NUM_COMPONENTS];  /* compute, memory (on-chip
                                 * SRAM), dram (off-chip traffic and DMA
                                 * engine), static, adc (ADC + DAC),
                                 * program (crossbar writes) */
    uint64_t sram_peak_bytes;   /* live on-chip buffers, at most */
    uint64_t dram_bytes;        /* off-chip bytes read + written */
    double macs;                /* multiply-accumulates done */
    double busy_s[EO_NPU_NUM_ENGINES];  /* summed over engine instances */
    uint64_t num_commands;      /* commands executed (wait included) */
    uint64_t imc_programs;      /* crossbar writes done */
    uint64_t imc_programs_skipped;  /* writes of a block already resident */
    eo_npu_sim_layer *layers;   /* owned; free with eo_npu_sim_stats_free */
    size_t num_layers;
} eo_npu_sim_stats;

/* Frees what 's' owns (the layers) and zeroes it; NULL is fine. */
EO_API void eo_npu_sim_stats_free(eo_npu_sim_stats *s);

/* Runs 'func' (a func.func whose arguments are memrefs and whose body
 * holds npu commands, memref.alloc / dealloc / get_global / subview and
 * func.return) on target 't' (kind npu). The first 'nin' arguments get
 * the tensors in[0..nin) (shapes and element types must match); the
 * remaining arguments are outputs, allocated zeroed and returned in
 * out[0..*nout) (the caller passes the capacity in *nout and frees each
 * with eo_tensor_free). 'stats' (may be NULL) receives the timing,
 * energy and per-layer figures (free with eo_npu_sim_stats_free; zeroed
 * on error). Every problem is an error at the op concerned: an op the
 * simulator does not run, a buffer an engine cannot reach, an operation
 * or data type the target's engines lack, SRAM overflow, a crossbar
 * block that does not fit or is not programmed, and a race (a command
 * touching bytes an earlier unfinished command writes, or writing bytes
 * it reads, without a token ordering them). Deterministic. */
EO_API EO_NODISCARD eo_status eo_npu_sim_run(eo_ctx *ctx, const eo_target *t,
                                             eo_op *func, size_t nin,
                                             const eo_tensor *in,
                                             size_t *nout, eo_tensor *out,
                                             eo_npu_sim_stats *stats);

/* Appends 's' as JSON: {"latency_s", "cycles", "clock_mhz", "energy_j",
 * "energy": {component: J}, "sram_peak_bytes", "dram_bytes", "macs",
 * "busy_s": {engine: s}, "commands", "imc_programs",
 * "imc_programs_skipped", "layers": [{"name", "unit", "start_s", "end_s",
 * "busy_s", "energy_j", "macs", "commands"}]}. */
EO_API void eo_npu_sim_stats_json(const eo_npu_sim_stats *s, eo_strbuf *out);

#endif /* EO_TARGETS_NPU_SIM_H */

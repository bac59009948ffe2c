/* targets/targets.h - target descriptions: the devices edge-opt compiles
 * for, read from JSON data files (format: docs/targets.md).
 *
 * Start with eo_target_load (validates, fills "detect" fields of the
 * host), then eo_target_desc (the typed view: compute units, memory
 * levels, NPU engines, IMC crossbars, DMA engines, SRAM banks). Variants
 * (eo_target_set_number, eo_target_vary) change numeric fields by path,
 * e.g. "imc.crossbars" or "compute_units[cpu].clock_mhz", so devices are
 * explored like knobs; eo_target_hash keys results by content.
 */
#ifndef EO_TARGETS_TARGETS_H
#define EO_TARGETS_TARGETS_H

#include "ir/ir.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The data format version this library reads ("format": 1). */
#define EO_TARGET_FORMAT 1

typedef enum eo_target_kind {
    EO_TARGET_CPU,      /* an application processor (the host) */
    EO_TARGET_MCU,      /* a microcontroller: CPU + on-chip memories */
    EO_TARGET_NPU,      /* a neural accelerator with a host CPU */
    EO_TARGET_GPU,      /* a (mobile) GPU */
    EO_TARGET_NUM_KINDS
} eo_target_kind;

typedef enum eo_unit_kind {
    EO_UNIT_CPU, EO_UNIT_GPU, EO_UNIT_DSP, EO_UNIT_NUM_KINDS
} eo_unit_kind;

/* Data types, as named in files ("int8", ...); sets of them are bit masks
 * (1u << EO_TDT_x). */
typedef enum eo_target_dtype {
    EO_TDT_INT4, EO_TDT_INT8, EO_TDT_INT16, EO_TDT_INT32,
    EO_TDT_FP16, EO_TDT_BF16, EO_TDT_FP32, EO_TDT_COUNT
} eo_target_dtype;

typedef enum eo_memory_kind {
    EO_MEMORY_CACHE, EO_MEMORY_TCM, EO_MEMORY_SRAM, EO_MEMORY_DRAM,
    EO_MEMORY_FLASH, EO_MEMORY_NUM_KINDS
} eo_memory_kind;

/* Layer kinds a convolution engine runs (bit masks: 1u << EO_CONV_x). */
typedef enum eo_conv_op {
    EO_CONV_CONV2D, EO_CONV_DEPTHWISE, EO_CONV_POINTWISE,
    EO_CONV_FULLY_CONNECTED, EO_CONV_MATMUL, EO_CONV_NUM_OPS
} eo_conv_op;

/* Operations of elementwise / pooling units (bit masks: 1u << EO_EW_x). */
typedef enum eo_ew_op {
    EO_EW_ADD, EO_EW_SUB, EO_EW_MUL, EO_EW_MIN, EO_EW_MAX, EO_EW_RELU,
    EO_EW_CLIP, EO_EW_SIGMOID, EO_EW_TANH, EO_EW_MAXPOOL, EO_EW_AVGPOOL,
    EO_EW_REQUANT, EO_EW_NUM_OPS
} eo_ew_op;

typedef enum eo_imc_kind { EO_IMC_DIGITAL, EO_IMC_ANALOG } eo_imc_kind;

/* How IMC ADC/DAC energies are obtained: given in the file, or derived
 * from bit widths and technology coefficients (ZigZag-IMC style). */
typedef enum eo_imc_model {
    EO_IMC_MODEL_FIXED, EO_IMC_MODEL_ZIGZAG
} eo_imc_model;

/* A compute unit: 'count' identical cores / shader cores. */
typedef struct eo_unit_desc {
    const char *name;
    eo_unit_kind kind;
    int64_t count;
    double clock_mhz;
    int64_t vector_bits;            /* SIMD width; 0: scalar only */
    const char *isa;                /* informative, "" if not given */
    double macs_per_cycle[EO_TDT_COUNT];  /* per core; 0: unsupported */
    double mac_energy_pj[EO_TDT_COUNT];   /* per MAC of that type */
    double alu_energy_pj;           /* per other arithmetic operation */
    double load_store_energy_pj;    /* per load/store (core side) */
    double static_power_mw;         /* whole unit, leakage + clock tree */
    int64_t local_mem_bytes;        /* GPU: shared memory per core */
    int64_t threads_per_core;       /* GPU: resident threads per core */
    int64_t subgroup_size;          /* GPU: warp / subgroup width */
    int64_t max_blocks_per_core;    /* GPU: resident blocks; 0: no limit */
    double launch_overhead_ns;      /* GPU: per kernel launch */
    int64_t registers_per_core;     /* GPU: 32-bit registers; 0: no limit */
    int64_t max_registers_per_thread;   /* GPU: more spill; 0: no limit */
} eo_unit_desc;

/* A memory level; levels are listed nearest (smallest) first. */
typedef struct eo_memory_desc {
    const char *name;
    eo_memory_kind kind;
    int64_t size_bytes;
    double bandwidth_gbps;          /* GB/s (1e9 bytes/s) */
    double latency_ns;
    double energy_pj_per_byte;
} eo_memory_desc;

typedef struct eo_conv_engine_desc {
    const char *name;
    int64_t count;
    int64_t mac_rows, mac_cols;     /* MAC array: rows x cols per cycle */
    double clock_mhz;
    uint32_t ops;                   /* 1u << eo_conv_op */
    uint32_t dtypes;                /* 1u << eo_target_dtype */
    double mac_energy_pj;
} eo_conv_engine_desc;

/* 'crossbars' identical crossbars of rows x columns weight cells. */
typedef struct eo_imc_desc {
    eo_imc_kind kind;
    int64_t crossbars;
    int64_t rows, columns;
    int64_t weight_bits;            /* bits per stored weight */
    int64_t input_bits;             /* activation precision */
    int64_t dac_bits;               /* input bits applied per cycle */
    int64_t adc_bits;               /* 0: no ADC (digital adder trees) */
    int64_t adcs_per_crossbar;
    double clock_mhz;
    uint32_t dtypes;
    double mac_energy_pj;           /* per full-precision MAC, ADC/DAC excl. */
    double adc_energy_pj;           /* per conversion (derived: ZIGZAG) */
    double dac_energy_pj;           /* per conversion (derived: ZIGZAG) */
    double program_ns_per_row;      /* weight programming time per row */
    double program_pj_per_bit;      /* weight programming energy per bit */
    eo_imc_model energy_model;
    double vdd_v;                   /* ZIGZAG: supply voltage */
    double adc_k1_ff, adc_k2_af;    /* ZIGZAG: E = (k1 b + k2 4^b) Vdd^2 */
    double dac_k3_ff;               /* ZIGZAG: E = k3 b Vdd^2 */
} eo_imc_desc;

/* Elementwise / pooling unit. */
typedef struct eo_ew_unit_desc {
    const char *name;
    int64_t count;
    int64_t lanes;                  /* elements per cycle */
    double clock_mhz;
    uint32_t ops;                   /* 1u << eo_ew_op */
    uint32_t dtypes;
    double op_energy_pj;            /* per element operation */
} eo_ew_unit_desc;

typedef struct eo_dma_desc {
    const char *name;
    int64_t channels;
    int64_t max_dims;               /* strided dimensions per transfer */
    double bandwidth_gbps;
    double setup_ns;                /* per transfer */
    double energy_pj_per_byte;      /* engine only; memories add theirs */
} eo_dma_desc;

/* On-chip SRAM banks, backing the memory level 'level'. */
typedef struct eo_sram_desc {
    const char *level;
    int64_t banks;
    int64_t bank_bytes;
    int64_t bank_width_bits;
} eo_sram_desc;

/* The typed view of a target. Strings are never NULL ("" when absent);
 * arrays have their counts next to them. Owned by the eo_target. */
typedef struct eo_target_desc {
    int64_t format;
    const char *name;
    eo_target_kind kind;
    const char *description;
    bool detect;                    /* false once detection has run */
    const char *host_cpu;           /* a unit's name, "" if none */
    eo_unit_desc *units;
    size_t num_units;
    eo_memory_desc *memory;
    size_t num_memory;
    eo_conv_engine_desc *conv_engines;
    size_t num_conv_engines;
    bool has_imc;
    eo_imc_desc imc;
    eo_ew_unit_desc *ew_units;
    size_t num_ew_units;
    eo_dma_desc *dma;
    size_t num_dma;
    bool has_sram;
    eo_sram_desc sram;
} eo_target_desc;

typedef struct eo_target eo_target;

/* Load options; a zeroed struct (or NULL) means the defaults. */
typedef struct eo_target_opts {
    bool no_detect;         /* keep the file's values even if "detect" */
    const char *sysroot;    /* prefix for /proc and /sys (tests); NULL: "" */
} eo_target_opts;

/* Reads, validates and (for "detect": true) completes the description in
 * 'path'. Every problem is reported through ctx's diagnostics as
 * "file:line:col: error: json.path: message"; returns NULL after them
 * (or on allocation failure). The caller owns the result. */
EO_API eo_target *eo_target_load(eo_ctx *ctx, const char *path);
EO_API eo_target *eo_target_load_opts(eo_ctx *ctx, const char *path,
                                      const eo_target_opts *opts);
/* The same from a buffer ('len' bytes, NUL not needed); 'name' is used in
 * diagnostics only. */
EO_API eo_target *eo_target_parse(eo_ctx *ctx, const char *name,
                                  const char *text, size_t len,
                                  const eo_target_opts *opts);
/* Loads a target by what a user typed: a path (with a '/' or ending in
 * .json) as is, else a shipped name ("cortex-m55") as <name>.json in
 * $EO_TARGETS_DIR, the source tree's targets/data, then the install
 * directory (share/edge-opt/targets). NULL after a diagnostic (unknown
 * name, or eo_target_load's). */
EO_API eo_target *eo_target_load_named(eo_ctx *ctx, const char *spec);
/* Frees 't' (NULL is fine). */
EO_API void eo_target_destroy(eo_target *t);
/* A deep copy; NULL on allocation failure. The caller owns it. */
EO_API eo_target *eo_target_clone(const eo_target *t);

/* The typed view, borrowed from 't' (valid until it changes or dies). */
EO_API const eo_target_desc *eo_target_desc_get(const eo_target *t);
EO_API const char *eo_target_name(const eo_target *t);
EO_API eo_target_kind eo_target_kind_get(const eo_target *t);
/* The file it came from (borrowed). */
EO_API const char *eo_target_file(const eo_target *t);
/* "path=v,path=v" for a variant made by eo_target_vary, "" otherwise. */
EO_API const char *eo_target_variant(const eo_target *t);

/* Lookups by name; NULL if absent (borrowed). */
EO_API const eo_unit_desc *eo_target_find_unit(const eo_target *t,
                                               const char *name);
EO_API const eo_memory_desc *eo_target_find_memory(const eo_target *t,
                                                   const char *name);
/* The NPU's host CPU unit, else the first unit of kind cpu, else NULL. */
EO_API const eo_unit_desc *eo_target_host_unit(const eo_target *t);

/* Derived figures. Peak MACs per second of 'dt' over every engine that
 * supports it (compute units, conv engines, IMC crossbars). */
EO_API double eo_target_peak_macs(const eo_target *t, eo_target_dtype dt);
/* IMC energies of one crossbar activation (all rows, one input slice):
 * ADC conversions + DAC conversions, in pJ; 0 without IMC. */
EO_API double eo_target_imc_periphery_pj(const eo_target *t);

/* Names of enum values as files spell them ("int8", "analog", ...), and
 * back (-1 if unknown). */
EO_API const char *eo_target_dtype_name(eo_target_dtype dt);
EO_API int eo_target_dtype_from_name(const char *name);
EO_API const char *eo_target_kind_name(eo_target_kind k);

/* Canonical JSON: every field in schema order, defaults filled in, 2-space
 * indentation, numbers in shortest round-trip form, trailing newline.
 * Loading it gives an equal target (same hash). Appends to 'out'. */
EO_API void eo_target_to_json(const eo_target *t, eo_strbuf *out);
/* FNV-1a/64 of the canonical JSON: equal content, equal hash. */
EO_API uint64_t eo_target_hash(const eo_target *t);

/* Reads / sets a numeric field by path: "imc.crossbars",
 * "memory[1].size_bytes", "compute_units[m55].clock_mhz" (an index or an
 * element's name), "compute_units[0].macs_per_cycle.int8". Errors
 * (reported, 't' unchanged): unknown path (with a suggestion), a
 * non-numeric field, a non-integer for an integer field, a value out of
 * range, a value breaking a cross-field rule. */
EO_API EO_NODISCARD eo_status eo_target_get_number(eo_ctx *ctx,
                                                   const eo_target *t,
                                                   const char *path,
                                                   double *out);
EO_API EO_NODISCARD eo_status eo_target_set_number(eo_ctx *ctx, eo_target *t,
                                                   const char *path,
                                                   double value);

/* The cartesian product of 'n' variant specs "path=v1,v2,..." (first spec
 * varies slowest) applied to copies of 'base'. On success *out is an
 * array of *count new targets (free with eo_target_list_free); with n ==
 * 0 it holds one copy of 'base'. On error (bad spec, bad path or value,
 * more than 100000 variants) reports and returns EO_ERROR, *out NULL. */
EO_API EO_NODISCARD eo_status eo_target_vary(eo_ctx *ctx,
                                             const eo_target *base, size_t n,
                                             const char *const specs[],
                                             eo_target ***out, size_t *count);
EO_API void eo_target_list_free(eo_target **list, size_t count);

/* ------------------------------------------------------------------ */
/* Analytical cost model (docs/targets.md, "Cost model")               */
/* ------------------------------------------------------------------ */

/* Energy components of a cost report, in joules. */
typedef enum eo_cost_component {
    EO_COST_COMPUTE,    /* MACs and other arithmetic */
    EO_COST_MEMORY,     /* on-chip levels (caches, TCM, SRAM) */
    EO_COST_DRAM,       /* off-chip / flash traffic */
    EO_COST_STATIC,     /* leakage over the latency */
    EO_COST_ADC,        /* IMC periphery (ADC + DAC) */
    EO_COST_PROGRAM,    /* IMC weight programming */
    EO_COST_NUM_COMPONENTS
} eo_cost_component;

/* One layer: the ops that carry the same site key (their "name"
 * attribute, else their location), in first-execution order. */
typedef struct eo_cost_layer {
    char *name;                 /* site key (owned) */
    const char *unit;           /* what ran it: a compute unit or engine
                                 * name of the target (borrowed) */
    double latency_s;
    double energy_j;
    double macs;                /* multiply-accumulates */
    double ops;                 /* other arithmetic operations */
    double bytes[8];            /* traffic per memory level (0..7) */
    /* GPU kernels (gpu_limit non-NULL): the last kernel's block size,
     * estimated registers per thread (after spilling), workgroup bytes,
     * resident blocks per core, occupancy (resident threads / threads
     * per core) and what limits the resident blocks ("threads",
     * "registers", "local_mem", "max_blocks"; static string). */
    double gpu_block, gpu_regs, gpu_shared, gpu_blocks, gpu_occupancy;
    const char *gpu_limit;
} eo_cost_layer;

typedef struct eo_cost_report {
    double latency_s;
    double energy_j;            /* sum of energy[] */
    double energy[EO_COST_NUM_COMPONENTS];
    uint64_t peak_memory_bytes; /* arena peak of the planned buffers */
    uint64_t weight_bytes;      /* read-only data (memref.global) */
    double macs, ops;
    size_t num_levels;          /* memory levels of the target (<= 8) */
    double bytes[8];            /* traffic per memory level */
    eo_cost_layer *layers;
    size_t num_layers;
    /* Bytes resident per memory level at the peak (docs/targets.md,
     * "Placement"): buffers placed there (memory space), the activation
     * arena and arguments at their home, weights at theirs, the code. */
    uint64_t level_peak_bytes[8];
    uint64_t code_bytes;        /* eo_cost_options.code_bytes */
} eo_cost_report;

/* Evaluation options; a zeroed struct (or NULL) means the defaults. */
typedef struct eo_cost_options {
    /* Size of the compiled code and its read-only data (e.g. .text +
     * .rodata of the object the module compiles to, measured by the
     * caller: targets cannot depend on codegen). 0: unknown, not
     * counted. Counted in the first flash level (else the first off-chip
     * one, else the last level) and checked against its capacity. */
    uint64_t code_bytes;
} eo_cost_options;

/* Models running the public functions of 'module' (loops over memrefs
 * after tl-to-loops: scf/memref/arith/math/vector; graph or tl ops left
 * over are costed from their tensor shapes) on 't': MACs and operations
 * per loop nest from trip counts, data traffic per memory level from the
 * footprints of the accessed buffers under the loop order (a buffer is
 * re-read from the next level when its footprint inside a loop does not
 * fit), latency as the larger of compute time and traffic time per nest
 * (roofline), energy by component, peak memory from the liveness of the
 * allocations. Deterministic. 'module' is not changed. Unsupported
 * constructs (a loop with dynamic bounds, an op it cannot cost) are an
 * error with a diagnostic at the op, never a silent guess. Fills *out
 * (free with eo_cost_report_free, also after an error). */
EO_API EO_NODISCARD eo_status eo_target_model_evaluate(eo_ctx *ctx,
                                                       const eo_target *t,
                                                       eo_op *module,
                                                       eo_cost_report *out);
/* The same with options 'opts' (NULL: the defaults). Buffers placed in a
 * level (memory space, targets/place.h) are charged there; a placement
 * or code size exceeding a level's capacity is an error (diagnostic at
 * the module) with *out filled. */
EO_API EO_NODISCARD eo_status eo_target_model_evaluate_opts(
    eo_ctx *ctx, const eo_target *t, eo_op *module,
    const eo_cost_options *opts, eo_cost_report *out);
/* Frees what *r owns and zeroes it (NULL is fine). */
EO_API void eo_cost_report_free(eo_cost_report *r);
/* Appends *r as JSON: {"latency_s", "energy_j", "energy": {component:
 * J}, "peak_memory_bytes", "weight_bytes", "macs", "ops", "bytes":
 * {level: B}, "layers": [{"name", "unit", "latency_s", "energy_j",
 * "macs", "ops", "bytes": {level: B}}], "peak_bytes": {level: B},
 * "code_bytes"}; level names from 't'. */
EO_API void eo_cost_report_json(const eo_target *t, const eo_cost_report *r,
                                eo_strbuf *out);
/* The name of a component ("compute", "memory", "dram", "static", "adc",
 * "program"). */
EO_API const char *eo_cost_component_name(eo_cost_component c);

#endif /* EO_TARGETS_TARGETS_H */

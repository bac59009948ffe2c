/* targets/schema.c - the target description format as tables: one row per
 * JSON key, in canonical order, naming the C member it fills, its kind,
 * range and default. docs/targets.md documents the same fields; target.c
 * walks these tables to load, validate, print, copy and set by path.
 */
#include "targets/internal.h"

#include <stddef.h>

const char eo_target_empty[] = "";

#define N_(a) (sizeof(a) / sizeof((a)[0]))
#define BIG 9007199254740992.0      /* 2^53: exact in a double */

/* Columns: key, kind, member, required, lower bound (exclusive?), upper
 * bound, default. */
#define STR(T, k, m, req) \
    { .key = k, .kind = T_STR, .off = offsetof(T, m), .required = req }
#define ENUM(T, k, m, req, nm, d) \
    { .key = k, .kind = T_ENUM, .off = offsetof(T, m), .required = req, \
      .names = nm, .num_names = N_(nm), .def = d }
#define INT(T, k, m, req, lo, hi, d) \
    { .key = k, .kind = T_INT, .off = offsetof(T, m), .required = req, \
      .min = lo, .max = hi, .def = d }
#define NUM(T, k, m, req, lo, hi, d) \
    { .key = k, .kind = T_NUM, .off = offsetof(T, m), .required = req, \
      .min = lo, .max = hi, .def = d }
#define POS(T, k, m, req, hi, d) \
    { .key = k, .kind = T_NUM, .off = offsetof(T, m), .required = req, \
      .min = 0, .min_excl = true, .max = hi, .def = d }
#define SET(T, k, m, nm) \
    { .key = k, .kind = T_SET, .off = offsetof(T, m), .required = true, \
      .names = nm, .num_names = N_(nm) }
#define OBJ(T, k, m, req, sch, has) \
    { .key = k, .kind = T_OBJ, .off = offsetof(T, m), .required = req, \
      .sub = &sch, .aux = has }
#define ARR(T, k, m, req, sch, cnt) \
    { .key = k, .kind = T_ARR, .off = offsetof(T, m), .required = req, \
      .sub = &sch, .aux = offsetof(T, cnt) }
#define SCHEMA(what, T, rows) \
    { what, rows, N_(rows), sizeof(T) }

const char *const eo_target_kind_names[EO_TARGET_NUM_KINDS] = {
    "cpu", "mcu", "npu", "gpu",
};
static const char *const unit_kinds[EO_UNIT_NUM_KINDS] = {
    "cpu", "gpu", "dsp",
};
const char *const eo_target_dtype_names[EO_TDT_COUNT] = {
    "int4", "int8", "int16", "int32", "fp16", "bf16", "fp32",
};
static const char *const mem_kinds[EO_MEMORY_NUM_KINDS] = {
    "cache", "tcm", "sram", "dram", "flash",
};
static const char *const conv_ops[EO_CONV_NUM_OPS] = {
    "conv2d", "depthwise", "pointwise", "fully_connected", "matmul",
};
static const char *const ew_ops[EO_EW_NUM_OPS] = {
    "add", "sub", "mul", "min", "max", "relu", "clip", "sigmoid", "tanh",
    "maxpool", "avgpool", "requant",
};
static const char *const imc_kinds[] = { "digital", "analog" };
static const char *const imc_models[] = { "fixed", "zigzag-imc" };

/* { "int4": x, ..., "fp32": x }: a double per data type, default 0. */
static const tfield per_dtype_rows[EO_TDT_COUNT] = {
    [EO_TDT_INT4] = { "int4", T_NUM, EO_TDT_INT4 * sizeof(double),
                        .max = 1e9 },
    [EO_TDT_INT8] = { "int8", T_NUM, EO_TDT_INT8 * sizeof(double),
                        .max = 1e9 },
    [EO_TDT_INT16] = { "int16", T_NUM, EO_TDT_INT16 * sizeof(double),
                         .max = 1e9 },
    [EO_TDT_INT32] = { "int32", T_NUM, EO_TDT_INT32 * sizeof(double),
                         .max = 1e9 },
    [EO_TDT_FP16] = { "fp16", T_NUM, EO_TDT_FP16 * sizeof(double),
                        .max = 1e9 },
    [EO_TDT_BF16] = { "bf16", T_NUM, EO_TDT_BF16 * sizeof(double),
                        .max = 1e9 },
    [EO_TDT_FP32] = { "fp32", T_NUM, EO_TDT_FP32 * sizeof(double),
                        .max = 1e9 },
};
static const tschema per_dtype = {
    "data type table", per_dtype_rows, EO_TDT_COUNT,
    sizeof(double) * EO_TDT_COUNT
};

/* GPU-only unit fields are neither read nor printed for other units. */
static bool
not_gpu_unit(const void *obj)
{
    return ((const eo_unit_desc *)obj)->kind != EO_UNIT_GPU;
}

typedef eo_unit_desc U;
static const tfield unit_rows[] = {
    STR(U, "name", name, true),
    ENUM(U, "kind", kind, true, unit_kinds, 0),
    INT(U, "count", count, true, 1, 1e6, 1),
    POS(U, "clock_mhz", clock_mhz, true, 1e5, 0),
    INT(U, "vector_bits", vector_bits, true, 0, 65536, 0),
    STR(U, "isa", isa, false),
    OBJ(U, "macs_per_cycle", macs_per_cycle, true, per_dtype, T_NO_AUX),
    OBJ(U, "mac_energy_pj", mac_energy_pj, true, per_dtype, T_NO_AUX),
    NUM(U, "alu_energy_pj", alu_energy_pj, true, 0, 1e6, 0),
    NUM(U, "load_store_energy_pj", load_store_energy_pj, true, 0, 1e6, 0),
    NUM(U, "static_power_mw", static_power_mw, false, 0, 1e6, 0),
    INT(U, "local_mem_bytes", local_mem_bytes, false, 0, BIG, 0),
    INT(U, "threads_per_core", threads_per_core, false, 0, 1e6, 0),
    INT(U, "subgroup_size", subgroup_size, false, 0, 1024, 0),
    { .key = "max_blocks_per_core", .kind = T_INT,
      .off = offsetof(U, max_blocks_per_core), .max = 1e6,
      .unused = not_gpu_unit, .unused_why = "only used by a gpu unit" },
    { .key = "launch_overhead_ns", .kind = T_NUM,
      .off = offsetof(U, launch_overhead_ns), .max = 1e9,
      .unused = not_gpu_unit, .unused_why = "only used by a gpu unit" },
    { .key = "registers_per_core", .kind = T_INT,
      .off = offsetof(U, registers_per_core), .max = 1e9,
      .unused = not_gpu_unit, .unused_why = "only used by a gpu unit" },
    { .key = "max_registers_per_thread", .kind = T_INT,
      .off = offsetof(U, max_registers_per_thread), .max = 65536,
      .unused = not_gpu_unit, .unused_why = "only used by a gpu unit" },
};
static const tschema unit_schema = SCHEMA("compute unit", U, unit_rows);

typedef eo_memory_desc M;
static const tfield memory_rows[] = {
    STR(M, "name", name, true),
    ENUM(M, "kind", kind, true, mem_kinds, 0),
    INT(M, "size_bytes", size_bytes, true, 1, BIG, 0),
    POS(M, "bandwidth_gbps", bandwidth_gbps, true, 1e6, 0),
    NUM(M, "latency_ns", latency_ns, true, 0, 1e9, 0),
    NUM(M, "energy_pj_per_byte", energy_pj_per_byte, true, 0, 1e6, 0),
};
static const tschema memory_schema = SCHEMA("memory level", M, memory_rows);

typedef eo_conv_engine_desc C;
static const tfield conv_rows[] = {
    STR(C, "name", name, true),
    INT(C, "count", count, true, 1, 1e6, 1),
    INT(C, "mac_rows", mac_rows, true, 1, 1e6, 0),
    INT(C, "mac_cols", mac_cols, true, 1, 1e6, 0),
    POS(C, "clock_mhz", clock_mhz, true, 1e5, 0),
    SET(C, "ops", ops, conv_ops),
    SET(C, "data_types", dtypes, eo_target_dtype_names),
    POS(C, "mac_energy_pj", mac_energy_pj, true, 1e6, 0),
};
static const tschema conv_schema = SCHEMA("convolution engine", C, conv_rows);

static bool
zigzag_only(const void *obj)
{
    return ((const eo_imc_desc *)obj)->energy_model != EO_IMC_MODEL_ZIGZAG;
}

static bool
fixed_only(const void *obj)
{
    return ((const eo_imc_desc *)obj)->energy_model != EO_IMC_MODEL_FIXED;
}

typedef eo_imc_desc I;
static const tfield imc_rows[] = {
    ENUM(I, "kind", kind, true, imc_kinds, 0),
    INT(I, "crossbars", crossbars, true, 1, 1e6, 0),
    INT(I, "rows", rows, true, 1, 1e6, 0),
    INT(I, "columns", columns, true, 1, 1e6, 0),
    INT(I, "weight_bits", weight_bits, true, 1, 16, 0),
    INT(I, "input_bits", input_bits, true, 1, 16, 0),
    INT(I, "dac_bits", dac_bits, true, 1, 16, 1),
    INT(I, "adc_bits", adc_bits, true, 0, 16, 0),
    INT(I, "adcs_per_crossbar", adcs_per_crossbar, true, 0, 1e6, 0),
    POS(I, "clock_mhz", clock_mhz, true, 1e5, 0),
    SET(I, "data_types", dtypes, eo_target_dtype_names),
    NUM(I, "mac_energy_pj", mac_energy_pj, true, 0, 1e6, 0),
    NUM(I, "program_ns_per_row", program_ns_per_row, true, 0, 1e9, 0),
    NUM(I, "program_pj_per_bit", program_pj_per_bit, true, 0, 1e6, 0),
    ENUM(I, "energy_model", energy_model, false, imc_models, 0),
    { .key = "adc_energy_pj", .kind = T_NUM,
      .off = offsetof(I, adc_energy_pj), .max = 1e6, .unused = fixed_only,
      .unused_why = "derived by energy_model 'zigzag-imc'" },
    { .key = "dac_energy_pj", .kind = T_NUM,
      .off = offsetof(I, dac_energy_pj), .max = 1e6, .unused = fixed_only,
      .unused_why = "derived by energy_model 'zigzag-imc'" },
    { .key = "vdd_v", .kind = T_NUM, .off = offsetof(I, vdd_v),
      .min_excl = true, .max = 10, .required = false, .unused = zigzag_only,
      .unused_why = "only used by energy_model 'zigzag-imc'" },
    { .key = "adc_k1_ff", .kind = T_NUM, .off = offsetof(I, adc_k1_ff),
      .max = 1e6, .unused = zigzag_only,
      .unused_why = "only used by energy_model 'zigzag-imc'" },
    { .key = "adc_k2_af", .kind = T_NUM, .off = offsetof(I, adc_k2_af),
      .max = 1e6, .unused = zigzag_only,
      .unused_why = "only used by energy_model 'zigzag-imc'" },
    { .key = "dac_k3_ff", .kind = T_NUM, .off = offsetof(I, dac_k3_ff),
      .max = 1e6, .unused = zigzag_only,
      .unused_why = "only used by energy_model 'zigzag-imc'" },
};
static const tschema imc_schema = SCHEMA("IMC block", I, imc_rows);

typedef eo_ew_unit_desc E;
static const tfield ew_rows[] = {
    STR(E, "name", name, true),
    INT(E, "count", count, true, 1, 1e6, 1),
    INT(E, "lanes", lanes, true, 1, 1e6, 0),
    POS(E, "clock_mhz", clock_mhz, true, 1e5, 0),
    SET(E, "ops", ops, ew_ops),
    SET(E, "data_types", dtypes, eo_target_dtype_names),
    NUM(E, "op_energy_pj", op_energy_pj, true, 0, 1e6, 0),
};
static const tschema ew_schema = SCHEMA("elementwise unit", E, ew_rows);

typedef eo_dma_desc D;
static const tfield dma_rows[] = {
    STR(D, "name", name, true),
    INT(D, "channels", channels, true, 1, 1024, 1),
    INT(D, "max_dims", max_dims, true, 1, 6, 1),
    POS(D, "bandwidth_gbps", bandwidth_gbps, true, 1e6, 0),
    NUM(D, "setup_ns", setup_ns, true, 0, 1e9, 0),
    NUM(D, "energy_pj_per_byte", energy_pj_per_byte, true, 0, 1e6, 0),
};
static const tschema dma_schema = SCHEMA("DMA engine", D, dma_rows);

typedef eo_sram_desc S;
static const tfield sram_rows[] = {
    STR(S, "level", level, true),
    INT(S, "banks", banks, true, 1, 1e6, 0),
    INT(S, "bank_bytes", bank_bytes, true, 1, BIG, 0),
    INT(S, "bank_width_bits", bank_width_bits, true, 8, 4096, 0),
};
static const tschema sram_schema = SCHEMA("SRAM", S, sram_rows);

typedef eo_target_desc T;
static const tfield target_rows[] = {
    INT(T, "format", format, true, EO_TARGET_FORMAT, EO_TARGET_FORMAT, 0),
    STR(T, "name", name, true),
    ENUM(T, "kind", kind, true, eo_target_kind_names, 0),
    STR(T, "description", description, false),
    { .key = "detect", .kind = T_BOOL, .off = offsetof(T, detect) },
    STR(T, "host_cpu", host_cpu, false),
    ARR(T, "compute_units", units, true, unit_schema, num_units),
    ARR(T, "memory", memory, true, memory_schema, num_memory),
    ARR(T, "conv_engines", conv_engines, false, conv_schema,
        num_conv_engines),
    OBJ(T, "imc", imc, false, imc_schema, offsetof(T, has_imc)),
    ARR(T, "elementwise_units", ew_units, false, ew_schema, num_ew_units),
    ARR(T, "dma", dma, false, dma_schema, num_dma),
    OBJ(T, "sram", sram, false, sram_schema, offsetof(T, has_sram)),
};
const tschema eo_target_schema = SCHEMA("target", T, target_rows);

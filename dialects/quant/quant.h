/* dialects/quant/quant.h - the quant dialect: MLIR's uniform quantized
 * types (!quant.uniform<i8:f32, 0.05:-3>, per tensor and per channel) and
 * the integer-only fixed-point arithmetic TFLite and CMSIS-NN use to apply
 * them. The syntax is MLIR 19's; see docs/graph-dialect.md.
 */
#ifndef EO_DIALECTS_QUANT_QUANT_H
#define EO_DIALECTS_QUANT_QUANT_H

#include "ir/ir.h"

/* The parameters of a uniform quantized type. real = scale * (q - zp). */
typedef struct eo_quant_params {
    bool is_signed;           /* "i8" (true) or "u8" (false) storage */
    unsigned storage_bits;    /* 2..32 */
    int64_t storage_min;      /* the storage range: the full range of the */
    int64_t storage_max;      /* storage type unless narrowed (i8<-127:127>) */
    const eo_type *expressed; /* f32 (also f16, bf16, f64 accepted) */
    int32_t axis;             /* quantized dimension, -1 for per tensor */
    size_t num_scales;        /* 1 for per tensor */
    const double *scales;     /* num_scales entries, each > 0 and finite */
    const int64_t *zero_points;  /* num_scales entries, within the range */
} eo_quant_params;

/* Registers the quant dialect (types only). Registering twice is a no-op. */
EO_API EO_NODISCARD eo_status eo_quant_register(eo_ctx *ctx);

/* True if 't' is a !quant.uniform type. */
EO_API bool eo_type_is_quant(const eo_type *t);
/* Decodes 't' into 'out' (pointers stay valid as long as the context);
 * false if 't' is not a quant type. */
EO_API bool eo_quant_get_params(const eo_type *t, eo_quant_params *out);
/* The uniqued !quant.uniform type for 'p'; NULL on allocation failure or
 * invalid parameters (bits, range, a non-positive scale, a zero point out
 * of range, axis < -1, num_scales != 1 with axis -1). */
EO_API const eo_type *eo_quant_get_uniform(eo_ctx *ctx,
                                           const eo_quant_params *p);
/* The signless integer type holding the stored values of quant type 't'
 * (i8 for both i8 and u8 storage); for any other type 't' itself. */
EO_API const eo_type *eo_quant_storage_type(const eo_type *t);

/* TFLite's QuantizeMultiplier: splits a real multiplier m >= 0 into a Q31
 * mantissa *q in [2^30, 2^31) (or 0 for m == 0) and a shift so that
 * m ~= q * 2^(shift - 31). */
EO_API void eo_quant_multiplier(double m, int32_t *q, int *shift);
/* TFLite's MultiplyByQuantizedMultiplier: x * q * 2^(shift - 31) with
 * SaturatingRoundingDoublingHighMul and RoundingDivideByPOT (round half
 * away from zero). */
EO_API int32_t eo_quant_apply_multiplier(int32_t x, int32_t q, int shift);

#endif /* EO_DIALECTS_QUANT_QUANT_H */

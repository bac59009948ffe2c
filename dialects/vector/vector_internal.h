/* dialects/vector/vector_internal.h - what vector.c (attributes, the table,
 * the simple ops) and vector_xfer.c (transfer ops and vector.contract)
 * share.
 */
#ifndef EO_DIALECTS_VECTOR_VECTOR_INTERNAL_H
#define EO_DIALECTS_VECTOR_VECTOR_INTERNAL_H

#include "dialects/vector/vector.h"

/* A type spelled into a fixed buffer, for messages (long types are cut). */
typedef struct vec_tbuf {
    char s[512];
} vec_tbuf;

EO_HIDDEN const char *vec_tstr(vec_tbuf *b, const eo_type *t);
/* "'op' op <what> #i must be <desc>, but got 'T'" (MLIR's ODS text). */
EO_HIDDEN eo_status vec_cons_error(eo_op *op, const char *what, size_t i,
                                   const char *desc, const eo_type *t);
/* Operands [first, first + n) are all index ("variadic of index"). */
EO_HIDDEN eo_status vec_check_index_operands(eo_op *op, size_t first,
                                             size_t n);
/* Type of operand/result i, NULL if there is none (unverified ops). */
EO_HIDDEN const eo_type *vec_operand_type(const eo_op *op, size_t i);
EO_HIDDEN const eo_type *vec_result_type(const eo_op *op, size_t i);
EO_HIDDEN bool vec_is_vector(const eo_type *t);
EO_HIDDEN bool vec_is_i1_vector(const eo_type *t);
/* Parse error at 'loc' (NULL: the current token) with MLIR's
 * "custom op '<name>' " prefix; returns EO_ERROR. */
EO_HIDDEN eo_status vec_perr(eo_parser *p, const eo_loc *loc,
                             const eo_op_state *st, const char *fmt, ...)
    EO_PRINTF(4, 5);
/* The operandSegmentSizes property: 'n' entries, entry i within
 * [lo[i], hi[i]] (hi -1: any). */
EO_HIDDEN eo_status vec_check_segments(eo_op *op, size_t n, const int *lo,
                                       const int *hi);
EO_HIDDEN eo_status vec_set_segments(eo_op_state *st, size_t n,
                                     const int32_t *seg);
/* "<kind>" of a combining kind inside an op's custom form. */
EO_HIDDEN eo_status vec_parse_kind_body(eo_parser *p, const char *opname,
                                        enum vector_kind *out);
/* Bit width of a scalar for MLIR's default data layout (index: 64);
 * 0 if unknown. */
EO_HIDDEN unsigned vec_bit_width(const eo_type *t);
/* Whether 'k' can combine elements of type 't' (MLIR's
 * isSupportedCombiningKind). */
EO_HIDDEN bool vec_kind_supports(enum vector_kind k, const eo_type *t);

/* MLIR's memref::foldMemRefCast: operands defined by a memref.cast that
 * only erases static information take the cast's source. Whether any
 * operand changed. */
EO_HIDDEN bool vec_fold_memref_casts(eo_op *op);

/* Canonicalization patterns (vector_canon.c). */
EO_HIDDEN extern const eo_pattern vec_broadcast_canon[];
EO_HIDDEN extern const eo_pattern vec_extract_canon[];
EO_HIDDEN extern const eo_pattern vec_create_mask_canon[];

/* Hooks defined in vector_xfer.c. */
EO_HIDDEN bool vec_fold_transfer_read(eo_op *op, const eo_attr *const cst[],
                                      eo_fold *out);
EO_HIDDEN bool vec_fold_transfer_write(eo_op *op,
                                       const eo_attr *const cst[],
                                       eo_fold *out);
EO_HIDDEN eo_status vec_verify_transfer_read(eo_op *op);
EO_HIDDEN eo_status vec_verify_transfer_write(eo_op *op);
EO_HIDDEN void vec_print_transfer_read(eo_printer *p, eo_op *op);
EO_HIDDEN void vec_print_transfer_write(eo_printer *p, eo_op *op);
EO_HIDDEN eo_status vec_parse_transfer_read(eo_parser *p, eo_op_state *st);
EO_HIDDEN eo_status vec_parse_transfer_write(eo_parser *p,
                                             eo_op_state *st);
EO_HIDDEN eo_status vec_verify_contract(eo_op *op);
EO_HIDDEN void vec_print_contract(eo_printer *p, eo_op *op);
EO_HIDDEN eo_status vec_parse_contract(eo_parser *p, eo_op_state *st);
EO_HIDDEN eo_status vec_populate_contract(eo_op_state *st);

#endif /* EO_DIALECTS_VECTOR_VECTOR_INTERNAL_H */

/* ir/ir.h - edge-opt's core IR, the only ir/ header other folders include.
 *
 * Start with eo_ctx (owns everything uniqued), then eo_op / eo_block /
 * eo_region / eo_value (the IR, which owns itself by containment), then the
 * dialect-definition API (eo_op_def tables) and the textual format
 * (eo_parse_*, eo_print_*). Ownership is stated on every declaration:
 * "_get" results are uniqued or borrowed and never freed; "_create" and
 * "_clone" results belong to the caller.
 */
#ifndef EO_IR_IR_H
#define EO_IR_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define EO_API __attribute__((visibility("default")))
#define EO_HIDDEN __attribute__((visibility("hidden")))
#define EO_NODISCARD __attribute__((warn_unused_result))
#define EO_PRINTF(n, m) __attribute__((format(printf, n, m)))

#define EO_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------ */
/* Status, allocation, strings                                         */
/* ------------------------------------------------------------------ */

typedef enum eo_status { EO_OK = 0, EO_ERROR = 1, EO_NOMEM = 2 } eo_status;

/* A user allocator: free gets the size that was asked for. NULL fields
 * mean the C library's. */
typedef struct eo_alloc {
    void *(*malloc)(void *ud, size_t size);
    void *(*realloc)(void *ud, void *p, size_t old_size, size_t new_size);
    void (*free)(void *ud, void *p, size_t size);
    void *ud;
} eo_alloc;

/* A growable byte buffer, used by printers. Zero-initialize it; free data
 * with eo_strbuf_free. After an allocation failure 'oom' is set and
 * appends are dropped. */
typedef struct eo_strbuf {
    char *data;
    size_t len, cap;
    bool oom;
} eo_strbuf;

/* Appends n bytes of s (keeps data NUL-terminated). */
EO_API void eo_strbuf_append(eo_strbuf *b, const char *s, size_t n);
/* Appends the NUL-terminated string s. */
EO_API void eo_strbuf_puts(eo_strbuf *b, const char *s);
/* Appends printf-formatted text. */
EO_API void eo_strbuf_printf(eo_strbuf *b, const char *fmt, ...)
    EO_PRINTF(2, 3);
/* Frees the data and resets b to empty (reusable). */
EO_API void eo_strbuf_free(eo_strbuf *b);

/* ------------------------------------------------------------------ */
/* Opaque handles                                                      */
/* ------------------------------------------------------------------ */

typedef struct eo_ctx eo_ctx;
typedef struct eo_ident eo_ident;
typedef struct eo_type eo_type;
typedef struct eo_attr eo_attr;
typedef struct eo_loc eo_loc;
typedef struct eo_affine_expr eo_affine_expr;
typedef struct eo_affine_map eo_affine_map;
typedef struct eo_integer_set eo_integer_set;
typedef struct eo_resource eo_resource;
typedef struct eo_op eo_op;
typedef struct eo_block eo_block;
typedef struct eo_region eo_region;
typedef struct eo_value eo_value;
typedef struct eo_use eo_use;
typedef struct eo_dialect eo_dialect;
typedef struct eo_op_def eo_op_def;
typedef struct eo_op_state eo_op_state;
typedef struct eo_parser eo_parser;
typedef struct eo_printer eo_printer;
typedef struct eo_irmap eo_irmap;
typedef struct eo_symtab eo_symtab;
typedef struct eo_diag eo_diag;
typedef struct eo_rewriter eo_rewriter;

/* ------------------------------------------------------------------ */
/* Context                                                             */
/* ------------------------------------------------------------------ */

/* Creates a context; 'alloc' may be NULL (the C library). The builtin
 * dialect is registered. Returns NULL on allocation failure. */
EO_API eo_ctx *eo_ctx_create(const eo_alloc *alloc);
/* Frees the context, every uniqued object and every op still alive. */
EO_API void eo_ctx_destroy(eo_ctx *ctx);
/* Whether ops of unregistered dialects are accepted (default false). */
EO_API void eo_ctx_set_allow_unregistered(eo_ctx *ctx, bool allow);
EO_API bool eo_ctx_allow_unregistered(const eo_ctx *ctx);

/* Threads. A context is used by one thread at a time, except between
 * eo_ctx_threads_begin and eo_ctx_threads_end: there any number of
 * threads may create, change and destroy IR in disjoint parts of it,
 * unique types, attributes, locations and identifiers, and emit
 * diagnostics. The pass manager brackets its parallel sections with
 * these; EO_NOMEM if the shared state cannot be set up. */
EO_API EO_NODISCARD eo_status eo_ctx_threads_begin(eo_ctx *ctx);
/* Called by each thread (other than the one that called begin) when it
 * is done with the context, before eo_ctx_threads_end. */
EO_API void eo_ctx_thread_done(eo_ctx *ctx);
EO_API void eo_ctx_threads_end(eo_ctx *ctx);

/* Extension slots: state that libraries above ir/ keep per context (the
 * pass registry, ...). 'key' is any address unique to the user (e.g. of
 * a static variable). get returns NULL if unset; set replaces a previous
 * value (destroying it) and 'destroy' (may be NULL) runs on the value
 * when the context is destroyed. EO_NOMEM on allocation failure. */
EO_API void *eo_ctx_ext_get(eo_ctx *ctx, const void *key);
EO_API EO_NODISCARD eo_status eo_ctx_ext_set(eo_ctx *ctx, const void *key,
                                             void *value,
                                             void (*destroy)(eo_ctx *ctx,
                                                             void *value));

/* Memory from the context's arena, recycled by size class; freed with the
 * context. eo_ctx_free takes the size given to eo_ctx_alloc. Returns NULL
 * on failure. Memory is zeroed. */
EO_API void *eo_ctx_alloc(eo_ctx *ctx, size_t size);
EO_API void eo_ctx_free(eo_ctx *ctx, void *p, size_t size);

/* Interned identifiers: equal strings give the same pointer. */
EO_API const eo_ident *eo_ident_get(eo_ctx *ctx, const char *s, size_t len);
EO_API const eo_ident *eo_ident_cstr(eo_ctx *ctx, const char *s);
EO_API const char *eo_ident_str(const eo_ident *id);  /* NUL-terminated */
EO_API size_t eo_ident_len(const eo_ident *id);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

typedef enum eo_severity {
    EO_SEV_ERROR, EO_SEV_WARNING, EO_SEV_NOTE, EO_SEV_REMARK
} eo_severity;

/* A diagnostic handed to the handler: borrowed for the call only. */
struct eo_diag {
    eo_severity severity;
    const eo_loc *loc;
    const char *message;
    const eo_diag *notes;       /* attached notes, 'num_notes' of them */
    size_t num_notes;
};

typedef void (*eo_diag_handler)(const eo_diag *d, void *ud);

/* Installs 'h' (NULL restores the default, which prints to stderr
 * "file:line:col: error: msg", the source line and a caret). */
EO_API void eo_ctx_set_diag_handler(eo_ctx *ctx, eo_diag_handler h, void *ud);
/* The installed handler and its data; false (nothing stored) while the
 * default is in use. */
EO_API bool eo_ctx_get_diag_handler(eo_ctx *ctx, eo_diag_handler *h,
                                    void **ud);
/* Formats 'd' as the default handler does, notes included. */
EO_API void eo_diag_format(eo_ctx *ctx, const eo_diag *d, eo_strbuf *out);
/* Registers a source buffer so diagnostics can show the line; the buffer
 * is borrowed and must outlive the diagnostics that point into it. */
EO_API eo_status eo_ctx_add_source(eo_ctx *ctx, const char *name,
                                   const char *buf, size_t len);

/* Emit through the handler. Return EO_ERROR (for error) else EO_OK so
 * report-and-return is one line. */
EO_API eo_status eo_emit_error(eo_ctx *ctx, const eo_loc *loc,
                               const char *fmt, ...) EO_PRINTF(3, 4);
EO_API void eo_emit_warning(eo_ctx *ctx, const eo_loc *loc,
                            const char *fmt, ...) EO_PRINTF(3, 4);
EO_API void eo_emit_remark(eo_ctx *ctx, const eo_loc *loc,
                           const char *fmt, ...) EO_PRINTF(3, 4);

/* A diagnostic with notes: begin, add notes, emit. A builder that failed
 * to allocate still emits what it has. */
typedef struct eo_diag_builder eo_diag_builder;
/* Starts a diagnostic of severity 'sev' at 'loc' (may be NULL). */
EO_API eo_diag_builder *eo_diag_begin(eo_ctx *ctx, eo_severity sev,
                                      const eo_loc *loc, const char *fmt, ...)
    EO_PRINTF(4, 5);
/* Adds a note at 'loc' (may be NULL) to the diagnostic being built. */
EO_API void eo_diag_note(eo_diag_builder *b, const eo_loc *loc,
                         const char *fmt, ...) EO_PRINTF(3, 4);
/* Emits and frees 'b'; returns EO_ERROR for errors, EO_OK otherwise. */
EO_API eo_status eo_diag_emit(eo_diag_builder *b);

/* Error at op's location, prefixed "'op.name' op " as MLIR does. */
EO_API eo_status eo_op_error(eo_op *op, const char *fmt, ...) EO_PRINTF(2, 3);
/* The same as a builder, for errors with notes (finish: eo_diag_emit). */
EO_API eo_diag_builder *eo_op_error_begin(eo_op *op, const char *fmt, ...)
    EO_PRINTF(2, 3);

#ifdef NDEBUG
#define EO_NEVER(cond) (cond)
#else
#include <assert.h>
#define EO_NEVER(cond) ((cond) ? (assert(!(#cond)), 1) : 0)
#endif

/* ------------------------------------------------------------------ */
/* Locations (uniqued)                                                 */
/* ------------------------------------------------------------------ */

typedef enum eo_loc_kind {
    EO_LOC_UNKNOWN, EO_LOC_FILE, EO_LOC_NAME, EO_LOC_FUSED, EO_LOC_CALLSITE
} eo_loc_kind;

/* Uniqued locations; NULL only on allocation failure. loc(unknown): */
EO_API const eo_loc *eo_loc_unknown(eo_ctx *ctx);
/* "file":line:col */
EO_API const eo_loc *eo_loc_file(eo_ctx *ctx, const eo_ident *file,
                                 unsigned line, unsigned col);
/* loc("name"(child)); child NULL means unknown (printed without it). */
EO_API const eo_loc *eo_loc_name(eo_ctx *ctx, const eo_ident *name,
                                 const eo_loc *child);
/* loc(fused<metadata>[locs]); metadata may be NULL. */
EO_API const eo_loc *eo_loc_fused(eo_ctx *ctx, size_t n,
                                  const eo_loc *const *locs,
                                  const eo_attr *metadata);
EO_API const eo_loc *eo_loc_callsite(eo_ctx *ctx, const eo_loc *callee,
                                     const eo_loc *caller);

/* Accessors; each applies to the kind named in its comment. */
EO_API eo_loc_kind eo_loc_get_kind(const eo_loc *l);
EO_API const eo_ident *eo_loc_filename(const eo_loc *l); /* FILE */
EO_API unsigned eo_loc_line(const eo_loc *l);            /* FILE */
EO_API unsigned eo_loc_col(const eo_loc *l);             /* FILE */
EO_API const eo_ident *eo_loc_name_ident(const eo_loc *l); /* NAME */
EO_API const eo_loc *eo_loc_child(const eo_loc *l);      /* NAME; or NULL */
EO_API size_t eo_loc_num_fused(const eo_loc *l);         /* FUSED */
EO_API const eo_loc *eo_loc_fused_at(const eo_loc *l, size_t i); /* FUSED */
EO_API const eo_attr *eo_loc_fused_metadata(const eo_loc *l); /* FUSED; or
                                                                NULL */
EO_API const eo_loc *eo_loc_callee(const eo_loc *l);     /* CALLSITE */
EO_API const eo_loc *eo_loc_caller(const eo_loc *l);     /* CALLSITE */
/* First file:line:col found inside 'l' (for diagnostics), or NULL. */
EO_API const eo_loc *eo_loc_find_file(const eo_loc *l);

/* ------------------------------------------------------------------ */
/* Types (uniqued, compared by pointer)                                */
/* ------------------------------------------------------------------ */

typedef enum eo_type_kind {
    EO_TYPE_INTEGER,          /* iN, siN, uiN */
    EO_TYPE_INDEX,
    EO_TYPE_FLOAT,
    EO_TYPE_NONE,
    EO_TYPE_COMPLEX,
    EO_TYPE_TUPLE,
    EO_TYPE_FUNCTION,
    EO_TYPE_TENSOR,           /* ranked */
    EO_TYPE_UNRANKED_TENSOR,
    EO_TYPE_MEMREF,           /* ranked */
    EO_TYPE_UNRANKED_MEMREF,
    EO_TYPE_VECTOR,
    EO_TYPE_OPAQUE,           /* !dialect<"body"> or an unregistered !d.x */
    EO_TYPE_DIALECT           /* a registered dialect's !d.mnemonic<...> */
} eo_type_kind;

typedef enum eo_signedness {
    EO_SIGNLESS, EO_SIGNED, EO_UNSIGNED
} eo_signedness;

typedef enum eo_float_kind {
    EO_F16, EO_BF16, EO_F32, EO_F64, EO_F80, EO_F128, EO_TF32,
    EO_F8E5M2, EO_F8E4M3FN,
    /* APFloat's FNUZ formats: no infinities, no negative zero, the only
     * NaN is 0x80; biases 8, 16 and 11. f8E4M3 is IEEE-like (bias 7). */
    EO_F8E4M3FNUZ, EO_F8E5M2FNUZ, EO_F8E4M3B11FNUZ, EO_F8E4M3
} eo_float_kind;

/* The last eo_float_kind (for tables indexed by kind). */
#define EO_FLOAT_KIND_LAST EO_F8E4M3

/* MLIR's ShapedType::kDynamic: a '?' dimension, offset or stride. */
#define EO_DYNAMIC INT64_MIN
/* Largest integer bit width accepted (MLIR's IntegerType::kMaxWidth). */
#define EO_MAX_INT_WIDTH 16777215u

/* Constructors return NULL (after a diagnostic-free failure) only on
 * allocation failure or invalid arguments (e.g. a width over
 * EO_MAX_INT_WIDTH; i0, si0 and ui0 are valid, as in MLIR). */
EO_API const eo_type *eo_type_get_int(eo_ctx *ctx, unsigned width);
EO_API const eo_type *eo_type_get_int_signed(eo_ctx *ctx, unsigned width,
                                             eo_signedness s);
EO_API const eo_type *eo_type_get_index(eo_ctx *ctx);
EO_API const eo_type *eo_type_get_float(eo_ctx *ctx, eo_float_kind k);
EO_API const eo_type *eo_type_get_none(eo_ctx *ctx);
EO_API const eo_type *eo_type_get_complex(eo_ctx *ctx, const eo_type *elem);
EO_API const eo_type *eo_type_get_tuple(eo_ctx *ctx, size_t n,
                                        const eo_type *const *types);
EO_API const eo_type *eo_type_get_function(eo_ctx *ctx, size_t nin,
                                           const eo_type *const *ins,
                                           size_t nout,
                                           const eo_type *const *outs);
/* shape[i] is a size >= 0 or EO_DYNAMIC; encoding may be NULL. */
EO_API const eo_type *eo_type_get_tensor(eo_ctx *ctx, size_t rank,
                                         const int64_t *shape,
                                         const eo_type *elem,
                                         const eo_attr *encoding);
EO_API const eo_type *eo_type_get_unranked_tensor(eo_ctx *ctx,
                                                  const eo_type *elem);
/* layout NULL means the identity layout; memspace may be NULL. */
EO_API const eo_type *eo_type_get_memref(eo_ctx *ctx, size_t rank,
                                         const int64_t *shape,
                                         const eo_type *elem,
                                         const eo_attr *layout,
                                         const eo_attr *memspace);
EO_API const eo_type *eo_type_get_unranked_memref(eo_ctx *ctx,
                                                  const eo_type *elem,
                                                  const eo_attr *memspace);
/* scalable may be NULL (no scalable dims). Vector dims are static. */
EO_API const eo_type *eo_type_get_vector(eo_ctx *ctx, size_t rank,
                                         const int64_t *shape,
                                         const bool *scalable,
                                         const eo_type *elem);
/* !dialect<"body">: unregistered dialect types kept as text. */
EO_API const eo_type *eo_type_get_opaque(eo_ctx *ctx, const eo_ident *dialect,
                                         const char *body, size_t len);
/* !dialect.mnemonic<params> of a registered dialect: a mnemonic and a
 * list of parameters (types are passed wrapped as type attributes). */
EO_API const eo_type *eo_type_get_dialect(eo_ctx *ctx, const eo_ident *dialect,
                                          const eo_ident *mnemonic, size_t n,
                                          const eo_attr *const *params);

/* Queries (never fail; accessors of one kind return 0/NULL for others). */
EO_API eo_type_kind eo_type_get_kind(const eo_type *t);
EO_API eo_ctx *eo_type_ctx(const eo_type *t);          /* the owner */
EO_API bool eo_type_is_int(const eo_type *t);          /* any signedness */
/* iN without signedness, N == width. */
EO_API bool eo_type_is_signless_int(const eo_type *t, unsigned width);
EO_API bool eo_type_is_index(const eo_type *t);
EO_API bool eo_type_is_float(const eo_type *t);        /* any float kind */
/* Signless integer or index (what arith's integer ops take). */
EO_API bool eo_type_is_int_or_index(const eo_type *t);
EO_API bool eo_type_is_shaped(const eo_type *t);  /* tensor, memref, vector */
EO_API unsigned eo_type_int_width(const eo_type *t);
EO_API eo_signedness eo_type_int_signedness(const eo_type *t);
EO_API eo_float_kind eo_type_float_kind(const eo_type *t);
EO_API unsigned eo_type_float_width(const eo_type *t);
/* Element type of complex/tensor/memref/vector, else NULL. */
EO_API const eo_type *eo_type_elem(const eo_type *t);
/* For a shaped type the element type, for anything else t itself. */
EO_API const eo_type *eo_type_elem_or_self(const eo_type *t);
EO_API bool eo_type_has_rank(const eo_type *t);
EO_API size_t eo_type_rank(const eo_type *t);
EO_API const int64_t *eo_type_shape(const eo_type *t);
EO_API int64_t eo_type_dim(const eo_type *t, size_t i);
EO_API bool eo_type_dim_is_scalable(const eo_type *t, size_t i);
/* Product of dims, or -1 if unranked or dynamic (or overflowing). */
EO_API int64_t eo_type_num_elements(const eo_type *t);
EO_API const eo_attr *eo_type_encoding(const eo_type *t);   /* tensor */
EO_API const eo_attr *eo_type_layout(const eo_type *t);     /* memref */
EO_API const eo_attr *eo_type_memspace(const eo_type *t);   /* memref */
EO_API size_t eo_type_num_inputs(const eo_type *t);         /* function */
EO_API const eo_type *eo_type_input(const eo_type *t, size_t i);
EO_API size_t eo_type_num_results(const eo_type *t);
EO_API const eo_type *eo_type_result(const eo_type *t, size_t i);
EO_API size_t eo_type_num_elems(const eo_type *t);          /* tuple */
EO_API const eo_type *eo_type_tuple_elem(const eo_type *t, size_t i);
EO_API const eo_ident *eo_type_dialect_name(const eo_type *t); /* opaque,
                                                                  dialect */
EO_API const char *eo_type_opaque_body(const eo_type *t, size_t *len);
EO_API const eo_ident *eo_type_mnemonic(const eo_type *t);  /* dialect */
EO_API size_t eo_type_num_params(const eo_type *t);
EO_API const eo_attr *eo_type_param(const eo_type *t, size_t i);

/* Appends MLIR's spelling of 't' (aliases not used). */
EO_API void eo_type_print(const eo_type *t, eo_strbuf *out);
/* Parses a whole string as one type; NULL after a diagnostic. */
EO_API const eo_type *eo_type_parse(eo_ctx *ctx, const char *s, size_t len);

/* ------------------------------------------------------------------ */
/* Affine expressions, maps and integer sets (uniqued, simplified)     */
/* ------------------------------------------------------------------ */

typedef enum eo_affine_kind {
    EO_AFFINE_DIM, EO_AFFINE_SYMBOL, EO_AFFINE_CONST,
    EO_AFFINE_ADD, EO_AFFINE_MUL, EO_AFFINE_MOD,
    EO_AFFINE_FLOORDIV, EO_AFFINE_CEILDIV
} eo_affine_kind;

/* Uniqued leaf expressions d<pos>, s<pos> and constants; NULL only on
 * allocation failure. */
EO_API const eo_affine_expr *eo_affine_dim(eo_ctx *ctx, unsigned pos);
EO_API const eo_affine_expr *eo_affine_symbol(eo_ctx *ctx, unsigned pos);
EO_API const eo_affine_expr *eo_affine_const(eo_ctx *ctx, int64_t v);
/* Binary constructors simplify as MLIR does (constant folding, x+0, x*1,
 * x*0, constants to the right, (x + c1) + c2, mod/div by 1, ...). */
EO_API const eo_affine_expr *eo_affine_add(eo_ctx *ctx, const eo_affine_expr *a,
                                           const eo_affine_expr *b);
EO_API const eo_affine_expr *eo_affine_mul(eo_ctx *ctx, const eo_affine_expr *a,
                                           const eo_affine_expr *b);
EO_API const eo_affine_expr *eo_affine_mod(eo_ctx *ctx, const eo_affine_expr *a,
                                           const eo_affine_expr *b);
EO_API const eo_affine_expr *eo_affine_floordiv(eo_ctx *ctx,
                                                const eo_affine_expr *a,
                                                const eo_affine_expr *b);
EO_API const eo_affine_expr *eo_affine_ceildiv(eo_ctx *ctx,
                                               const eo_affine_expr *a,
                                               const eo_affine_expr *b);
EO_API eo_affine_kind eo_affine_expr_kind(const eo_affine_expr *e);
EO_API int64_t eo_affine_expr_value(const eo_affine_expr *e); /* CONST */
EO_API unsigned eo_affine_expr_pos(const eo_affine_expr *e);  /* DIM/SYM */
EO_API const eo_affine_expr *eo_affine_expr_lhs(const eo_affine_expr *e);
EO_API const eo_affine_expr *eo_affine_expr_rhs(const eo_affine_expr *e);
/* Evaluates with the given dim and symbol values; false if a division by
 * zero or a non-positive divisor occurs. */
EO_API bool eo_affine_expr_eval(const eo_affine_expr *e, const int64_t *dims,
                                const int64_t *syms, int64_t *out);

/* The uniqued map (d0..d<ndims-1>)[s0..] -> (r...); NULL on allocation
 * failure or a result using a dim/symbol out of range. */
EO_API const eo_affine_map *eo_affine_map_get(eo_ctx *ctx, unsigned ndims,
                                              unsigned nsyms, size_t nresults,
                                              const eo_affine_expr *const *r);
/* (d0, ..., d<n-1>) -> (d0, ..., d<n-1>) */
EO_API const eo_affine_map *eo_affine_map_identity(eo_ctx *ctx, unsigned n);
/* Accessors. */
EO_API unsigned eo_affine_map_num_dims(const eo_affine_map *m);
EO_API unsigned eo_affine_map_num_symbols(const eo_affine_map *m);
EO_API size_t eo_affine_map_num_results(const eo_affine_map *m);
EO_API const eo_affine_expr *eo_affine_map_result(const eo_affine_map *m,
                                                  size_t i);
/* True for (d0, ..., dn) -> (d0, ..., dn) without symbols. */
EO_API bool eo_affine_map_is_identity(const eo_affine_map *m);
/* Appends "(d0)[s0] -> (d0 + s0)". */
EO_API void eo_affine_map_print(const eo_affine_map *m, eo_strbuf *out);

/* Constraints are expr == 0 (eq[i] true) or expr >= 0. */
EO_API const eo_integer_set *eo_integer_set_get(eo_ctx *ctx, unsigned ndims,
                                                unsigned nsyms, size_t n,
                                                const eo_affine_expr *const *c,
                                                const bool *eq);
EO_API unsigned eo_integer_set_num_dims(const eo_integer_set *s);
EO_API unsigned eo_integer_set_num_symbols(const eo_integer_set *s);
EO_API size_t eo_integer_set_num_constraints(const eo_integer_set *s);
EO_API const eo_affine_expr *eo_integer_set_constraint(const eo_integer_set *s,
                                                       size_t i);
EO_API bool eo_integer_set_is_eq(const eo_integer_set *s, size_t i);

/* ------------------------------------------------------------------ */
/* Attributes (uniqued, compared by pointer)                           */
/* ------------------------------------------------------------------ */

typedef enum eo_attr_kind {
    EO_ATTR_INTEGER,          /* incl. bool: an i1 integer */
    EO_ATTR_FLOAT,
    EO_ATTR_STRING,
    EO_ATTR_ARRAY,
    EO_ATTR_DICT,
    EO_ATTR_UNIT,
    EO_ATTR_TYPE,
    EO_ATTR_SYMBOL_REF,
    EO_ATTR_DENSE,            /* dense<...> elements */
    EO_ATTR_DENSE_RESOURCE,   /* dense_resource<key> */
    EO_ATTR_DENSE_ARRAY,      /* array<i64: 1, 2> */
    EO_ATTR_AFFINE_MAP,
    EO_ATTR_INTEGER_SET,
    EO_ATTR_STRIDED_LAYOUT,   /* strided<[s...], offset: o> */
    EO_ATTR_LOCATION,         /* a location used as an attribute */
    EO_ATTR_OPAQUE,           /* #dialect<"body"> or unregistered #d.x */
    EO_ATTR_DIALECT           /* registered #d.mnemonic<params> */
} eo_attr_kind;

/* A (name, value) pair; dictionaries keep them sorted by name. */
typedef struct eo_named_attr {
    const eo_ident *name;
    const eo_attr *value;
} eo_named_attr;

/* Integers: 'type' is an integer or index type; the value is truncated to
 * the width. Wider than 64 bits: little-endian 64-bit words. */
EO_API const eo_attr *eo_attr_get_int(eo_ctx *ctx, const eo_type *type,
                                      int64_t v);
EO_API const eo_attr *eo_attr_get_int_words(eo_ctx *ctx, const eo_type *type,
                                            size_t nwords,
                                            const uint64_t *words);
EO_API const eo_attr *eo_attr_get_bool(eo_ctx *ctx, bool v);
/* Floats: the value is rounded to the type's format; use _bits for exact
 * bit patterns (NaN payloads, f80/f128 take the low 64 bits only). */
EO_API const eo_attr *eo_attr_get_float(eo_ctx *ctx, const eo_type *type,
                                        double v);
EO_API const eo_attr *eo_attr_get_float_bits(eo_ctx *ctx, const eo_type *type,
                                             uint64_t bits);
/* Strings hold any bytes; 'type' is NULL for the usual untyped string. */
EO_API const eo_attr *eo_attr_get_string(eo_ctx *ctx, const char *s,
                                         size_t len, const eo_type *type);
EO_API const eo_attr *eo_attr_get_array(eo_ctx *ctx, size_t n,
                                        const eo_attr *const *elems);
/* Sorts a copy of 'attrs' by name; NULL if a name repeats. */
EO_API const eo_attr *eo_attr_get_dict(eo_ctx *ctx, size_t n,
                                       const eo_named_attr *attrs);
EO_API const eo_attr *eo_attr_get_unit(eo_ctx *ctx);
EO_API const eo_attr *eo_attr_get_type(eo_ctx *ctx, const eo_type *t);
/* @root::@n1::@n2; n may be 0. */
EO_API const eo_attr *eo_attr_get_symbol_ref(eo_ctx *ctx, const eo_ident *root,
                                             size_t n,
                                             const eo_ident *const *nested);
/* Dense elements of a tensor/vector type with static shape. 'data' holds
 * the elements in row-major order, each in eo_dense_elem_bytes(elem type)
 * little-endian bytes (i1: one byte 0/1; complex: real then imaginary);
 * a splat holds one element. The data is copied. */
EO_API const eo_attr *eo_attr_get_dense(eo_ctx *ctx, const eo_type *type,
                                        const void *data, size_t size,
                                        bool splat);
EO_API size_t eo_dense_elem_bytes(const eo_type *elem);
EO_API const eo_attr *eo_attr_get_dense_resource(eo_ctx *ctx,
                                                 const eo_type *type,
                                                 eo_resource *res);
/* array<T: v...>: T is i1 or an integer or float type whose width is a
 * multiple of 8; 'data' as for dense. */
EO_API const eo_attr *eo_attr_get_dense_array(eo_ctx *ctx,
                                              const eo_type *elem, size_t n,
                                              const void *data);
EO_API const eo_attr *eo_attr_get_affine_map(eo_ctx *ctx,
                                             const eo_affine_map *m);
EO_API const eo_attr *eo_attr_get_integer_set(eo_ctx *ctx,
                                              const eo_integer_set *s);
/* Strides/offset may be EO_DYNAMIC. */
EO_API const eo_attr *eo_attr_get_strided(eo_ctx *ctx, size_t n,
                                          const int64_t *strides,
                                          int64_t offset);
EO_API const eo_attr *eo_attr_get_location(eo_ctx *ctx, const eo_loc *l);
EO_API const eo_attr *eo_attr_get_opaque(eo_ctx *ctx, const eo_ident *dialect,
                                         const char *body, size_t len,
                                         const eo_type *type);
EO_API const eo_attr *eo_attr_get_dialect(eo_ctx *ctx, const eo_ident *dialect,
                                          const eo_ident *mnemonic, size_t n,
                                          const eo_attr *const *params);

/* Queries (never fail; an accessor of one kind gives 0/NULL for others). */
EO_API eo_attr_kind eo_attr_get_kind(const eo_attr *a);
EO_API eo_ctx *eo_attr_ctx(const eo_attr *a);          /* the owner */
/* The attribute's type: of integer, float, typed string, dense (the
 * shaped type), dense_resource, opaque; NULL otherwise. */
EO_API const eo_type *eo_attr_type(const eo_attr *a);
EO_API bool eo_attr_is_bool(const eo_attr *a);
EO_API int64_t eo_attr_int_value(const eo_attr *a);   /* sign-extended,
                                                         zero for unsigned */
EO_API uint64_t eo_attr_int_uvalue(const eo_attr *a); /* zero-extended */
EO_API size_t eo_attr_int_num_words(const eo_attr *a);
EO_API const uint64_t *eo_attr_int_words(const eo_attr *a);
EO_API double eo_attr_float_value(const eo_attr *a);
EO_API uint64_t eo_attr_float_bits(const eo_attr *a);
/* f80 and f128 hold more than 64 bits: the float attribute with the full
 * bit pattern lo | hi << 64 (bits above the width are dropped; NULL for
 * a non-float type), and the bits above the low 64 (0 for narrower
 * types or non-float attributes). */
EO_API const eo_attr *eo_attr_get_float_wide(eo_ctx *ctx,
                                             const eo_type *type,
                                             uint64_t lo, uint64_t hi);
EO_API uint64_t eo_attr_float_bits_hi(const eo_attr *a);
EO_API const char *eo_attr_string(const eo_attr *a, size_t *len);
EO_API size_t eo_attr_array_size(const eo_attr *a);
EO_API const eo_attr *eo_attr_array_at(const eo_attr *a, size_t i);
EO_API size_t eo_attr_dict_size(const eo_attr *a);
EO_API const eo_named_attr *eo_attr_dict_at(const eo_attr *a, size_t i);
EO_API const eo_attr *eo_attr_dict_get(const eo_attr *a, const char *name);
EO_API const eo_type *eo_attr_type_value(const eo_attr *a);
EO_API const eo_ident *eo_attr_symbol_root(const eo_attr *a);
EO_API size_t eo_attr_symbol_num_nested(const eo_attr *a);
EO_API const eo_ident *eo_attr_symbol_nested(const eo_attr *a, size_t i);
EO_API bool eo_attr_dense_is_splat(const eo_attr *a);
EO_API const void *eo_attr_dense_data(const eo_attr *a, size_t *size);
EO_API int64_t eo_attr_dense_int(const eo_attr *a, size_t i);  /* splat ok */
EO_API double eo_attr_dense_float(const eo_attr *a, size_t i);
EO_API eo_resource *eo_attr_resource(const eo_attr *a);
EO_API size_t eo_attr_dense_array_size(const eo_attr *a);
EO_API int64_t eo_attr_dense_array_int(const eo_attr *a, size_t i);
EO_API double eo_attr_dense_array_float(const eo_attr *a, size_t i);
/* The element type T of array<T: ...>. */
EO_API const eo_type *eo_attr_dense_array_elem(const eo_attr *a);
/* The elements, as given to eo_attr_get_dense_array. */
EO_API const void *eo_attr_dense_array_data(const eo_attr *a);
EO_API const eo_affine_map *eo_attr_affine_map(const eo_attr *a);
EO_API const eo_integer_set *eo_attr_integer_set(const eo_attr *a);
EO_API size_t eo_attr_strided_rank(const eo_attr *a);
EO_API const int64_t *eo_attr_strided_strides(const eo_attr *a);
EO_API int64_t eo_attr_strided_offset(const eo_attr *a);
EO_API const eo_loc *eo_attr_location(const eo_attr *a);
EO_API const eo_ident *eo_attr_dialect_name(const eo_attr *a);
EO_API const char *eo_attr_opaque_body(const eo_attr *a, size_t *len);
EO_API const eo_ident *eo_attr_mnemonic(const eo_attr *a);
EO_API size_t eo_attr_num_params(const eo_attr *a);
EO_API const eo_attr *eo_attr_param(const eo_attr *a, size_t i);
EO_API bool eo_attr_is_zero(const eo_attr *a);   /* int/float 0 or splat 0 */

/* Appends MLIR's spelling ("42 : i32", "dense<1> : tensor<2xi8>", ...). */
EO_API void eo_attr_print(const eo_attr *a, eo_strbuf *out);
EO_API const eo_attr *eo_attr_parse(eo_ctx *ctx, const char *s, size_t len);

/* Resource blobs, named per context (dense_resource<name>). The key is
 * made unique ("name_1") if taken, except that a key declared by a parsed
 * dense_resource<name> whose blob is absent gets this data. The data is
 * copied; NULL data creates a declared-but-absent entry. Data identical
 * (bytes, size, alignment) to an owned blob under 'key' or one of its
 * renamings returns that resource (repeated compiles do not grow). */
EO_API eo_resource *eo_resource_create(eo_ctx *ctx, const char *key,
                                       const void *data, size_t size,
                                       uint32_t align);
/* Like eo_resource_create, but the blob is used in place, not copied
 * (zero-copy weights of a mapped model file): 'data' must stay valid and
 * unchanged until the context is destroyed or the blob is replaced, when
 * release(ud) is called (release may be NULL). 'data' must be aligned to
 * 'align' (a power of two). NULL on invalid arguments or no memory (then
 * release is not called). */
EO_API eo_resource *eo_resource_create_borrowed(eo_ctx *ctx, const char *key,
                                                const void *data, size_t size,
                                                uint32_t align,
                                                void (*release)(void *ud),
                                                void *ud);
EO_API eo_resource *eo_resource_lookup(eo_ctx *ctx, const char *key);
EO_API const char *eo_resource_key(const eo_resource *r);
/* NULL data means declared but not (yet) provided. */
EO_API const void *eo_resource_data(const eo_resource *r, size_t *size);
EO_API uint32_t eo_resource_align(const eo_resource *r);

/* ------------------------------------------------------------------ */
/* Dialects and op definitions                                         */
/* ------------------------------------------------------------------ */

/* Traits: constant data in each op's row. */
#define EO_PURE                  (1ull << 0)  /* no side effects */
#define EO_COMMUTATIVE           (1ull << 1)
#define EO_CONSTANT_LIKE         (1ull << 2)
#define EO_TERMINATOR            (1ull << 3)
#define EO_ISOLATED_FROM_ABOVE   (1ull << 4)
#define EO_SYMBOL                (1ull << 5)  /* has sym_name */
#define EO_SYMBOL_TABLE          (1ull << 6)
#define EO_SAME_TYPES            (1ull << 7)  /* operands and results */
#define EO_SAME_OPERAND_TYPES    (1ull << 8)
#define EO_NO_TERMINATOR         (1ull << 9)  /* blocks need no terminator */
#define EO_SINGLE_BLOCK          (1ull << 10)
#define EO_GRAPH_REGION          (1ull << 11) /* no dominance in regions */
#define EO_RETURN_LIKE           (1ull << 12)
#define EO_ELEMENTWISE           (1ull << 13)
#define EO_ATTR_SIZED_OPERANDS   (1ull << 14) /* operandSegmentSizes */
#define EO_ATTR_SIZED_RESULTS    (1ull << 15) /* resultSegmentSizes */
#define EO_MEM_READ              (1ull << 16)
#define EO_MEM_WRITE             (1ull << 17)
#define EO_MEM_ALLOC             (1ull << 18)
#define EO_MEM_FREE              (1ull << 19)
#define EO_RECURSIVE_EFFECTS     (1ull << 20) /* effects = nested ops' */
#define EO_CALL                  (1ull << 21)
#define EO_CALLABLE              (1ull << 22)
#define EO_AFFINE_SCOPE          (1ull << 23)
#define EO_SAME_OPERAND_SHAPES   (1ull << 24)  /* ...and result shapes */

#define EO_VARIADIC (-1)

/* Fold results; see "Folding, patterns" below. */
typedef struct eo_fold eo_fold;
typedef struct eo_pattern eo_pattern;

/* NULL-terminated list of attribute names, for eo_op_def.attrs. */
#define EO_ATTRS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* Region control flow (see eo_op_def.region_successors): control goes
 * from a region-branch op, or from the terminator that leaves one of its
 * regions, to the entry block of region 'region' of the op, or back to
 * the op itself (region == EO_REGION_PARENT), whose results then receive
 * the values. Operands [first_operand, first_operand + count) of the
 * predecessor (the op itself when control enters it, else the
 * terminator) are forwarded to the successor's inputs [first_input,
 * first_input + count): the entry block's arguments, or the op's
 * results. Inputs outside that range are not forwarded: the op defines
 * them in a way the interface does not describe (scf.for's induction
 * variable), so an analysis must assume nothing about them. */
#define EO_REGION_PARENT UINT32_MAX

typedef struct eo_region_successor {
    uint32_t region;                  /* region index or EO_REGION_PARENT */
    uint32_t first_operand;
    uint32_t first_input;
    uint32_t count;
} eo_region_successor;

/* Receives one successor (borrowed for the call). */
typedef void (*eo_region_successor_fn)(void *ud,
                                       const eo_region_successor *s);

/* One row of a dialect's op table. Counts, traits and required inherent
 * attributes are checked generically before the verify hook runs. */
struct eo_op_def {
    const char *name;                 /* "arith.addi" */
    int operands, results;            /* exact count or EO_VARIADIC */
    int regions, successors;          /* exact counts (EO_VARIADIC ok) */
    uint64_t traits;
    const char *const *attrs;         /* required inherent attributes */
    const char *const *opt_attrs;     /* optional inherent attributes */
    const char *default_dialect;      /* for unprefixed ops in regions */
    /* Fills default-valued inherent attributes that 'st' lacks (MLIR's
     * default-valued properties), before the op is created; EO_NOMEM on
     * failure. Optional. */
    eo_status (*populate)(eo_op_state *st);
    eo_status (*verify)(eo_op *op);
    /* Runs after regions verified (MLIR's verifyRegions). */
    eo_status (*verify_regions)(eo_op *op);
    bool (*fold)(eo_op *op, const eo_attr *const cst[], eo_fold *out);
    /* Custom form: the framework prints "%r = op.name" (and parses it);
     * the hooks handle what follows, starting with a space. */
    void (*print)(eo_printer *p, eo_op *op);
    eo_status (*parse)(eo_parser *p, eo_op_state *st);
    /* Operand range [*first, *first + *count) forwarded to successor i. */
    void (*successor_operands)(eo_op *op, unsigned i, unsigned *first,
                               unsigned *count);
    /* Result name hints for the custom form (MLIR's getAsmResultNames):
     * calls set(ud, i, name, len) for result i ("c42_i32", "cst", "low");
     * the printer uniques them as MLIR does ("cst_0"). Optional. */
    void (*result_names)(eo_op *op,
                         void (*set)(void *ud, unsigned i, const char *name,
                                     size_t len),
                         void *ud);
    /* Canonicalization patterns: NULL or an array ending with a row whose
     * name is NULL. */
    const eo_pattern *canonicalize;
    const void *ext;                  /* for later libraries' interfaces */
    /* Control-flow interfaces (optional; fields added after 'ext', so a
     * table written against an older header still compiles; use them
     * through eo_op_branch_successor / eo_op_region_successors). */
    /* Branch (MLIR's BranchOpInterface::getSuccessorForOperands): the
     * index of the successor control takes when operand i has the
     * constant value cst[i] (NULL: not a known constant), or -1 when that
     * cannot be told from them. 'cst' may be NULL (nothing known). */
    int (*branch_successor)(eo_op *op, const eo_attr *const cst[]);
    /* Region branch (MLIR's RegionBranchOpInterface and
     * RegionBranchTerminatorOpInterface, simplified): calls add(ud, s)
     * for each place control may go (eo_region_successor above), in
     * MLIR's getSuccessorRegions order. With 'term' NULL control enters
     * 'op' and cst[i] is the constant of op's operand i; else 'term' is a
     * terminator without successors closing a block directly in one of
     * op's regions, control leaves that region through it and cst[i] is
     * the constant of term's operand i. 'cst' may be NULL (nothing
     * known); a constant that decides the way (scf.if's condition)
     * prunes the successors. A terminator the op does not know forwards
     * nothing (count 0) to where the region may go. */
    void (*region_successors)(eo_op *op, eo_op *term,
                              const eo_attr *const cst[],
                              eo_region_successor_fn add, void *ud);
};

/* Hooks of a dialect beyond its ops (all optional). A type/attr parse
 * hook is called with the parser just after "!dialect." / "#dialect."
 * (the mnemonic is next) and returns NULL after reporting an error. */
typedef struct eo_dialect_desc {
    const char *name;
    const eo_op_def *ops;
    size_t num_ops;
    const eo_type *(*parse_type)(eo_parser *p);
    /* Prints what follows "!dialect." (the framework prints that). */
    void (*print_type)(eo_printer *p, const eo_type *t);
    const eo_attr *(*parse_attr)(eo_parser *p, const eo_type *type);
    void (*print_attr)(eo_printer *p, const eo_attr *a);
    /* Verifies a discardable attribute "dialect.x" on an op. */
    eo_status (*verify_attr)(eo_op *op, const eo_named_attr *a);
    /* Constant materialization for fold results (optional). */
    eo_op *(*materialize_constant)(eo_rewriter *rw,
                                   const eo_attr *value, const eo_type *type,
                                   const eo_loc *loc);
} eo_dialect_desc;

/* Registers a dialect whose table is static data (borrowed). Fails, with
 * a diagnostic, if a slot is empty, a name is taken or lacks the prefix.
 * Registering the same table twice is a no-op. */
EO_API EO_NODISCARD eo_status eo_dialect_register(eo_ctx *ctx, const char *name,
                                                  const eo_op_def *ops,
                                                  size_t n);
EO_API EO_NODISCARD eo_status eo_dialect_register_desc(
    eo_ctx *ctx, const eo_dialect_desc *desc);
EO_API eo_dialect *eo_dialect_lookup(eo_ctx *ctx, const char *name,
                                     size_t len);
EO_API const char *eo_dialect_name(const eo_dialect *d);
EO_API const eo_dialect_desc *eo_dialect_get_desc(const eo_dialect *d);
/* Calls f for each registered dialect, in registration order. */
EO_API void eo_dialect_foreach(eo_ctx *ctx,
                               void (*f)(const eo_dialect *d, void *ud),
                               void *ud);
/* The registered definition of "dialect.op", or NULL. */
EO_API const eo_op_def *eo_op_def_lookup(eo_ctx *ctx, const char *name,
                                         size_t len);
EO_API bool eo_op_def_is_inherent_attr(const eo_op_def *d, const char *name);

/* Control-flow interfaces (the branch_successor and region_successors
 * hooks of eo_op_def; defined in ir/control_flow.c). */
/* The successor 'op' takes given its operands' constants 'cst' (NULL
 * entries, or a NULL array, for unknown ones): an index below
 * eo_op_num_successors(op), or -1 when the op has no branch hook, the
 * hook cannot tell, or it answers an index out of range. */
EO_API int eo_op_branch_successor(eo_op *op, const eo_attr *const cst[]);
/* Whether op's definition has a region_successors hook. */
EO_API bool eo_op_is_region_branch(const eo_op *op);
/* Runs op's region_successors hook (see eo_op_def) for control entering
 * 'op' (term NULL) or leaving one of its regions through 'term', and
 * calls add(ud, s) for each successor, checked against the IR: a region
 * index out of range is dropped, and a forwarded range is shortened to
 * the operands and inputs that exist. Returns false, calling nothing,
 * when the op has no hook or 'term' is not a terminator without
 * successors at the end of a block directly in one of op's regions. */
EO_API bool eo_op_region_successors(eo_op *op, eo_op *term,
                                    const eo_attr *const cst[],
                                    eo_region_successor_fn add, void *ud);

/* ------------------------------------------------------------------ */
/* Operations, blocks, regions, values                                 */
/* ------------------------------------------------------------------ */

/* Everything needed to create an op. Initialize with eo_op_state_init,
 * add pieces, then eo_op_create (which consumes it) or
 * eo_op_state_release (which frees it). Add functions return EO_NOMEM
 * on allocation failure. */
struct eo_op_state {
    eo_ctx *ctx;
    const eo_ident *name;
    const eo_op_def *def;             /* NULL if unregistered */
    const eo_loc *loc;
    eo_value **operands;
    size_t num_operands, cap_operands;
    const eo_type **results;
    size_t num_results, cap_results;
    eo_named_attr *attrs;             /* discardable + inherent, any order */
    size_t num_attrs, cap_attrs;
    eo_named_attr *props;             /* explicitly given <{...}> */
    size_t num_props, cap_props;
    eo_block **successors;
    size_t num_successors, cap_successors;
    eo_region **regions;              /* detached, owned by the state */
    size_t num_regions, cap_regions;
};

/* 'name' is "dialect.op"; the def is looked up. */
EO_API void eo_op_state_init(eo_op_state *st, eo_ctx *ctx, const char *name,
                             const eo_loc *loc);
EO_API void eo_op_state_init_def(eo_op_state *st, eo_ctx *ctx,
                                 const eo_op_def *def, const eo_loc *loc);
EO_API EO_NODISCARD eo_status eo_op_state_add_operand(eo_op_state *st,
                                                      eo_value *v);
EO_API EO_NODISCARD eo_status eo_op_state_add_operands(eo_op_state *st,
                                                       size_t n,
                                                       eo_value *const *v);
EO_API EO_NODISCARD eo_status eo_op_state_add_result(eo_op_state *st,
                                                     const eo_type *t);
EO_API EO_NODISCARD eo_status eo_op_state_add_results(eo_op_state *st,
                                                      size_t n,
                                                      const eo_type *const *t);
/* Sets (or replaces) an attribute by name. */
EO_API EO_NODISCARD eo_status eo_op_state_set_attr(eo_op_state *st,
                                                   const char *name,
                                                   const eo_attr *value);
/* Sets (or replaces) an explicitly given property (<{...}>): it stays a
 * property even on unregistered ops. */
EO_API EO_NODISCARD eo_status eo_op_state_set_prop(eo_op_state *st,
                                                   const eo_ident *name,
                                                   const eo_attr *value);
EO_API EO_NODISCARD eo_status eo_op_state_add_successor(eo_op_state *st,
                                                        eo_block *b);
/* A new empty region owned by the state (moved into the op on create). */
EO_API eo_region *eo_op_state_add_region(eo_op_state *st);
EO_API void eo_op_state_release(eo_op_state *st);

/* Creates a detached op (the caller owns it) and releases 'st' (also on
 * failure). Inherent attributes (the def's attrs/opt_attrs) go to the
 * properties, the rest stay discardable. NULL on allocation failure. */
EO_API eo_op *eo_op_create(eo_op_state *st);
/* Destroys a detached op and everything inside; its results must have no
 * uses left outside it. */
EO_API void eo_op_destroy(eo_op *op);
/* Unlinks 'op' from its block and destroys it; fails (EO_ERROR, with a
 * diagnostic) if a result still has uses. */
EO_API EO_NODISCARD eo_status eo_op_erase(eo_op *op);
/* Unlinks 'op' from its block; the caller owns it again. */
EO_API void eo_op_detach(eo_op *op);

/* Accessors of an op (none fails; NULL where there is nothing). */
EO_API eo_ctx *eo_op_ctx(const eo_op *op);
EO_API const eo_ident *eo_op_name(const eo_op *op);   /* "arith.addi" */
EO_API const char *eo_op_name_str(const eo_op *op);
EO_API const eo_op_def *eo_op_get_def(const eo_op *op); /* NULL: unreg. */
/* Whether op's definition is 'def' (pointer comparison). */
EO_API bool eo_op_is(const eo_op *op, const eo_op_def *def);
/* Whether op's definition has all the EO_* trait bits in 'trait'. */
EO_API bool eo_op_has_trait(const eo_op *op, uint64_t trait);
EO_API bool eo_op_is_terminator(const eo_op *op);     /* EO_TERMINATOR */
EO_API const eo_loc *eo_op_loc(const eo_op *op);      /* never NULL */
EO_API void eo_op_set_loc(eo_op *op, const eo_loc *loc);
EO_API eo_block *eo_op_block(const eo_op *op);        /* NULL: detached */
EO_API eo_op *eo_op_parent(const eo_op *op);    /* op owning the block's
                                                   region, or NULL */
EO_API eo_region *eo_op_parent_region(const eo_op *op);
EO_API eo_op *eo_op_next(const eo_op *op);       /* in its block, or NULL */
EO_API eo_op *eo_op_prev(const eo_op *op);
/* Whether 'op' is 'ancestor' or nested inside it. */
EO_API bool eo_op_is_inside(const eo_op *op, const eo_op *ancestor);

/* Operand i (i < eo_op_num_operands), its use, and replacing it (the use
 * lists of the old and new values are updated). */
EO_API size_t eo_op_num_operands(const eo_op *op);
EO_API eo_value *eo_op_operand(const eo_op *op, size_t i);
EO_API eo_use *eo_op_operand_use(eo_op *op, size_t i);
EO_API void eo_op_set_operand(eo_op *op, size_t i, eo_value *v);
/* Replaces all operands; EO_NOMEM leaves the op unchanged. */
EO_API EO_NODISCARD eo_status eo_op_set_operands(eo_op *op, size_t n,
                                                 eo_value *const *v);
EO_API EO_NODISCARD eo_status eo_op_insert_operand(eo_op *op, size_t i,
                                                   eo_value *v);
EO_API void eo_op_erase_operand(eo_op *op, size_t i);
EO_API size_t eo_op_num_results(const eo_op *op);
EO_API eo_value *eo_op_result(const eo_op *op, size_t i);
EO_API size_t eo_op_num_regions(const eo_op *op);
EO_API eo_region *eo_op_region(const eo_op *op, size_t i);
EO_API size_t eo_op_num_successors(const eo_op *op);
EO_API eo_block *eo_op_successor(const eo_op *op, size_t i);
EO_API void eo_op_set_successor(eo_op *op, size_t i, eo_block *b);

/* Attributes. Inherent ones (properties) and discardable ones are kept
 * apart, each a sorted dictionary attribute (possibly empty, never NULL
 * from the getters below). eo_op_attr looks in both. */
EO_API const eo_attr *eo_op_attr(const eo_op *op, const char *name);
EO_API const eo_attr *eo_op_props(const eo_op *op);
EO_API const eo_attr *eo_op_discardable_attrs(const eo_op *op);
/* Sets 'name' (to props if inherent for the op's def, else discardable);
 * value NULL removes it. */
EO_API EO_NODISCARD eo_status eo_op_set_attr(eo_op *op, const char *name,
                                             const eo_attr *value);
EO_API void eo_op_set_props(eo_op *op, const eo_attr *dict);
EO_API void eo_op_set_discardable_attrs(eo_op *op, const eo_attr *dict);

/* Segment sizes from operandSegmentSizes (an array<i32> property) when
 * the op has EO_ATTR_SIZED_OPERANDS; start/len of segment i. Returns
 * false if absent or malformed. */
EO_API bool eo_op_operand_segment(const eo_op *op, size_t i, size_t *start,
                                  size_t *len);
EO_API bool eo_op_result_segment(const eo_op *op, size_t i, size_t *start,
                                 size_t *len);

/* Values */
EO_API const eo_type *eo_value_type(const eo_value *v);
EO_API void eo_value_set_type(eo_value *v, const eo_type *t);
EO_API bool eo_value_is_block_arg(const eo_value *v);
EO_API eo_op *eo_value_def_op(const eo_value *v);      /* NULL for args */
EO_API eo_block *eo_value_owner_block(const eo_value *v); /* args; for
                                            results the op's block */
EO_API unsigned eo_value_index(const eo_value *v);     /* result/arg no. */
EO_API const eo_loc *eo_value_loc(const eo_value *v);  /* args: own loc */
EO_API void eo_value_set_loc(eo_value *v, const eo_loc *loc);
EO_API bool eo_value_has_uses(const eo_value *v);
EO_API bool eo_value_has_one_use(const eo_value *v);
EO_API size_t eo_value_num_uses(const eo_value *v);
EO_API eo_use *eo_value_first_use(const eo_value *v);
EO_API eo_use *eo_use_next(const eo_use *u);
EO_API eo_op *eo_use_owner(const eo_use *u);
EO_API size_t eo_use_operand_index(const eo_use *u);
EO_API eo_value *eo_use_value(const eo_use *u);
/* Points every use of 'from' at 'to' (same type expected). */
EO_API void eo_value_replace_all_uses(eo_value *from, eo_value *to);
/* Like replace_all_uses, except for the uses owned by 'except'. */
EO_API void eo_value_replace_uses_except(eo_value *from, eo_value *to,
                                         const eo_op *except);

/* Blocks. A detached block (from eo_block_create, or after
 * eo_block_detach) is the caller's until appended to a region. */
EO_API eo_block *eo_block_create(eo_ctx *ctx);
EO_API void eo_block_destroy(eo_block *b);
EO_API eo_ctx *eo_block_ctx(const eo_block *b);
EO_API eo_value *eo_block_add_arg(eo_block *b, const eo_type *t,
                                  const eo_loc *loc);
EO_API eo_value *eo_block_insert_arg(eo_block *b, size_t i, const eo_type *t,
                                     const eo_loc *loc);
/* Fails if the argument still has uses. */
EO_API EO_NODISCARD eo_status eo_block_erase_arg(eo_block *b, size_t i);
EO_API size_t eo_block_num_args(const eo_block *b);
EO_API eo_value *eo_block_arg(const eo_block *b, size_t i);
EO_API eo_op *eo_block_first(const eo_block *b);
EO_API eo_op *eo_block_last(const eo_block *b);
EO_API bool eo_block_empty(const eo_block *b);
/* The last op if it is a terminator (or any last op in an
 * unregistered context), else NULL. */
EO_API eo_op *eo_block_terminator(const eo_block *b);
EO_API eo_region *eo_block_region(const eo_block *b);
EO_API eo_op *eo_block_parent_op(const eo_block *b);
EO_API eo_block *eo_block_next(const eo_block *b);
EO_API eo_block *eo_block_prev(const eo_block *b);
/* Takes ownership of the detached 'op'. */
EO_API void eo_block_append(eo_block *b, eo_op *op);
EO_API void eo_block_prepend(eo_block *b, eo_op *op);
EO_API void eo_op_insert_before(eo_op *pos, eo_op *op);
EO_API void eo_op_insert_after(eo_op *pos, eo_op *op);
EO_API void eo_op_move_before(eo_op *op, eo_op *pos);
EO_API void eo_op_move_after(eo_op *op, eo_op *pos);
/* Moves ops [op, end of block) to the end of 'dst'. */
EO_API void eo_block_splice_from(eo_block *dst, eo_op *first);
/* Splits 'b' before 'op': ops from 'op' on move to a new block appended
 * after 'b'. Returns it, or NULL on allocation failure. */
EO_API eo_block *eo_block_split(eo_block *b, eo_op *op);
/* Whether 'b' is the first block of its region. */
EO_API bool eo_block_is_entry(const eo_block *b);
EO_API size_t eo_block_index(const eo_block *b);   /* position in region */
/* Unlinks the block from its region; the caller owns it again. */
EO_API void eo_block_detach(eo_block *b);

/* Regions. */
EO_API eo_region *eo_region_create(eo_ctx *ctx);  /* detached */
EO_API void eo_region_destroy(eo_region *r);
EO_API eo_op *eo_region_parent_op(const eo_region *r);
EO_API eo_block *eo_region_first(const eo_region *r);
EO_API eo_block *eo_region_last(const eo_region *r);
EO_API bool eo_region_empty(const eo_region *r);
EO_API size_t eo_region_num_blocks(const eo_region *r);
EO_API unsigned eo_region_index(const eo_region *r);  /* in parent op */
EO_API void eo_region_append(eo_region *r, eo_block *b);
EO_API void eo_region_insert_after(eo_region *r, eo_block *pos, eo_block *b);
/* Moves all blocks of 'src' to the end of 'dst'. */
EO_API void eo_region_take_body(eo_region *dst, eo_region *src);

/* Walk: iterative (no recursion, any nesting depth). The callback returns
 * what to do next; SKIP (pre-order only) skips the op's regions. */
typedef enum eo_walk_result {
    EO_WALK_ADVANCE, EO_WALK_SKIP, EO_WALK_INTERRUPT
} eo_walk_result;
typedef enum eo_walk_order { EO_WALK_PRE, EO_WALK_POST } eo_walk_order;
typedef eo_walk_result (*eo_walk_fn)(eo_op *op, void *ud);
/* Visits 'op' and every op nested in it. Post-order allows erasing the
 * visited op. Returns true if interrupted. */
EO_API bool eo_op_walk(eo_op *op, eo_walk_order order, eo_walk_fn f,
                       void *ud);

/* Value/block mapping for cloning. */
EO_API eo_irmap *eo_irmap_create(eo_ctx *ctx);
EO_API void eo_irmap_destroy(eo_irmap *m);
EO_API EO_NODISCARD eo_status eo_irmap_map_value(eo_irmap *m,
                                                 const eo_value *from,
                                                 eo_value *to);
EO_API EO_NODISCARD eo_status eo_irmap_map_block(eo_irmap *m,
                                                 const eo_block *from,
                                                 eo_block *to);
/* The mapped value, or NULL. */
EO_API eo_value *eo_irmap_lookup_value(const eo_irmap *m, const eo_value *v);
EO_API eo_block *eo_irmap_lookup_block(const eo_irmap *m, const eo_block *b);

/* Deep copy of 'op' (detached, the caller's). Operands defined outside
 * are remapped through 'map' when mapped, else kept; results and nested
 * values/blocks are recorded in 'map' (which may be NULL). */
EO_API eo_op *eo_op_clone(eo_op *op, eo_irmap *map);
/* Clones the blocks of 'src' to the end of 'dst'. */
EO_API EO_NODISCARD eo_status eo_region_clone_into(eo_region *src,
                                                   eo_region *dst,
                                                   eo_irmap *map);

/* ------------------------------------------------------------------ */
/* Builder                                                             */
/* ------------------------------------------------------------------ */

/* An insertion point: ops are inserted before 'before' in 'block', or at
 * the end of 'block' if 'before' is NULL. */
typedef struct eo_builder {
    eo_ctx *ctx;
    eo_block *block;
    eo_op *before;
    const eo_loc *loc;                /* default location, may be NULL */
} eo_builder;

/* A builder with no insertion point yet (ops it creates stay detached). */
EO_API void eo_builder_init(eo_builder *b, eo_ctx *ctx);
/* Insertion points: the end of 'block', before 'op', after 'op'. */
EO_API void eo_builder_set_end(eo_builder *b, eo_block *block);
EO_API void eo_builder_set_before(eo_builder *b, eo_op *op);
EO_API void eo_builder_set_after(eo_builder *b, eo_op *op);
/* Creates the op from 'st' and inserts it; NULL on failure (st released). */
EO_API eo_op *eo_builder_insert(eo_builder *b, eo_op_state *st);
/* Builds "name"(operands) {attrs} : (...) -> (results) in one call. */
EO_API eo_op *eo_builder_create(eo_builder *b, const char *name,
                                size_t nops, eo_value *const *ops,
                                size_t nres, const eo_type *const *res,
                                size_t nattrs, const eo_named_attr *attrs);

/* ------------------------------------------------------------------ */
/* Symbol tables                                                       */
/* ------------------------------------------------------------------ */

/* The "sym_name" string attribute of a symbol op, or NULL. */
EO_API const eo_ident *eo_symbol_name(eo_ctx *ctx, const eo_op *op);
/* A table of the symbols directly inside 'table_op' (an op with
 * EO_SYMBOL_TABLE, one region, one block). Fails with a diagnostic on a
 * duplicate name. The caller owns the table. */
EO_API eo_symtab *eo_symtab_create(eo_op *table_op);
EO_API void eo_symtab_destroy(eo_symtab *t);
EO_API eo_op *eo_symtab_lookup(const eo_symtab *t, const char *name);
/* Adds 'op' (already inside the table op); EO_ERROR if the name is taken. */
EO_API EO_NODISCARD eo_status eo_symtab_insert(eo_symtab *t, eo_op *op);
EO_API void eo_symtab_remove(eo_symtab *t, eo_op *op);
/* Looks 'name' up among the symbols directly in 'table_op' (no table). */
EO_API eo_op *eo_symbol_lookup_in(eo_op *table_op, const char *name);
/* Resolves a (nested) symbol ref from the nearest symbol table enclosing
 * 'from' (MLIR's lookupNearestSymbolFrom). NULL if not found. */
EO_API eo_op *eo_symbol_lookup_nearest(eo_op *from, const eo_attr *ref);
/* The closest enclosing op with EO_SYMBOL_TABLE (or 'op' itself). */
EO_API eo_op *eo_symbol_table_of(eo_op *op);
/* While the IR's symbol tables do not change (the verifier; function
 * passes, which may not add or remove symbols outside their function),
 * symbol lookups use per-table hash maps built on first use instead of
 * scanning the table's body each time. begin/end nest; the cache is
 * dropped at the last end. In a parallel section each thread has its
 * own. */
EO_API void eo_symbol_cache_begin(eo_ctx *ctx);
EO_API void eo_symbol_cache_end(eo_ctx *ctx);
/* Whether any op under 'root' (other than the symbol's own body) refers
 * to 'symbol' through a symbol ref attribute. */
EO_API bool eo_symbol_is_used(eo_op *root, eo_op *symbol);

/* ------------------------------------------------------------------ */
/* Verifier                                                            */
/* ------------------------------------------------------------------ */

/* Verifies 'op' and everything nested: structure, traits, per-op hooks,
 * dominance (SSACFG regions), terminators, symbol uniqueness. Reports
 * each problem found; EO_ERROR if any. */
EO_API EO_NODISCARD eo_status eo_op_verify(eo_op *op);
/* Whether 'a' properly dominates 'b' (both in the same isolated scope). */
EO_API bool eo_value_dominates(const eo_value *v, const eo_op *user);

/* ------------------------------------------------------------------ */
/* Textual format: parsing                                             */
/* ------------------------------------------------------------------ */

typedef struct eo_parse_config {
    /* Wrap top-level ops other than one builtin.module into a module. */
    bool no_implicit_module;
    /* Where the parse began in a bigger file (for --split-input-file). */
    unsigned line_offset;
    /* If set, called now and then (every MiB or so) with how far the
     * parse has read: the parser needs no byte before 'upto' any more
     * except to quote source lines in diagnostics. A tool that mapped
     * the file can drop those pages (they are read back if needed). */
    void (*progress)(void *ud, const char *upto);
    void *progress_ud;
} eo_parse_config;

/* Parses MLIR text into a module op (the caller owns it, detached), or
 * returns NULL after diagnostics. 'name' names the buffer in locations;
 * the buffer must stay alive while diagnostics may point into it (it is
 * registered as a source). 'cfg' may be NULL. The result is not
 * verified. */
EO_API eo_op *eo_parse_source(eo_ctx *ctx, const char *name, const char *buf,
                              size_t len, const eo_parse_config *cfg);

/* Parser API for custom (pretty) op forms and dialect types/attributes.
 * Each function that fails has already reported an error at the current
 * token; "optional" ones return false (no error) if absent. */

/* A use of an SSA value (%name or %name#N) not yet given a type. */
typedef struct eo_operand_ref {
    const char *name;                 /* "%x", points into the source */
    size_t len;
    unsigned number;                  /* #N */
    const eo_loc *loc;
} eo_operand_ref;

/* An argument declaration: %name [: type] [attr-dict] [loc(...)]. */
typedef struct eo_arg_decl {
    eo_operand_ref ref;
    const eo_type *type;
    const eo_attr *attrs;             /* dictionary or NULL */
    const eo_loc *loc;                /* explicit loc(...) or NULL */
} eo_arg_decl;

/* The context the parser builds in (for custom parse hooks). */
EO_API eo_ctx *eo_parser_ctx(eo_parser *p);
/* Location of the current token. */
EO_API const eo_loc *eo_parser_loc(eo_parser *p);
/* Reports at the current token; returns EO_ERROR. */
EO_API eo_status eo_parser_error(eo_parser *p, const char *fmt, ...)
    EO_PRINTF(2, 3);
/* Reports at 'loc' (saved earlier with eo_parser_loc) and marks the parse
 * failed, so no second "failed to parse" follows; returns EO_ERROR.
 * (Defined in ir/function_syntax.c.) */
EO_API eo_status eo_parser_error_loc(eo_parser *p, const eo_loc *loc,
                                     const char *fmt, ...) EO_PRINTF(3, 4);
/* Punctuation: "(", ")", "[", "]", "{", "}", "<", ">", ",", ":", "=",
 * "->", "?", "*", "+", "-", "...", "|", "::". */
EO_API EO_NODISCARD eo_status eo_parse_punct(eo_parser *p, const char *punct);
EO_API bool eo_parse_optional_punct(eo_parser *p, const char *punct);
/* A bare identifier; *out gets the interned word. */
EO_API EO_NODISCARD eo_status eo_parse_keyword(eo_parser *p,
                                               const eo_ident **out);
EO_API EO_NODISCARD eo_status eo_parse_expect_keyword(eo_parser *p,
                                                      const char *kw);
EO_API bool eo_parse_optional_keyword(eo_parser *p, const char *kw);
/* Peeks whether the next token is bare identifier 'kw'. */
EO_API bool eo_parser_at_keyword(eo_parser *p, const char *kw);
/* Whether the next token is a %value. */
EO_API bool eo_parser_at_operand(eo_parser *p);
EO_API EO_NODISCARD eo_status eo_parse_integer(eo_parser *p, int64_t *out);
EO_API bool eo_parse_optional_integer(eo_parser *p, int64_t *out,
                                      eo_status *st);
EO_API EO_NODISCARD eo_status eo_parse_string(eo_parser *p, char **out,
                                              size_t *len); /* arena */
EO_API EO_NODISCARD eo_status eo_parse_symbol_name(eo_parser *p,
                                                   const eo_ident **out);
EO_API EO_NODISCARD eo_status eo_parse_type(eo_parser *p,
                                            const eo_type **out);
EO_API bool eo_parser_at_type(eo_parser *p);
/* A type list "t1, t2" or "(t1, t2)"; *out is arena memory valid while
 * the parse lasts. */
EO_API EO_NODISCARD eo_status eo_parse_type_list(eo_parser *p,
                                                 const eo_type ***out,
                                                 size_t *n);
/* Function result types: "t", "(t1, t2)" or "()". */
EO_API EO_NODISCARD eo_status eo_parse_result_types(eo_parser *p,
                                                    const eo_type ***out,
                                                    size_t *n);
/* An attribute; 'type' (may be NULL) is the expected type when the text
 * leaves it out ("42" with i32 gives 42 : i32). */
EO_API EO_NODISCARD eo_status eo_parse_attr(eo_parser *p, const eo_type *type,
                                            const eo_attr **out);
/* "{...}" into st's attributes, if present. */
EO_API EO_NODISCARD eo_status eo_parse_optional_attr_dict(eo_parser *p,
                                                          eo_op_state *st);
/* "attributes {...}" if present. */
EO_API EO_NODISCARD eo_status eo_parse_optional_attr_dict_kw(
    eo_parser *p, eo_op_state *st);
/* "<{...}>" properties if present. */
EO_API EO_NODISCARD eo_status eo_parse_optional_props(eo_parser *p,
                                                      eo_op_state *st);
EO_API EO_NODISCARD eo_status eo_parse_operand(eo_parser *p,
                                               eo_operand_ref *out);
/* Optional operand: returns false (no error) if not at a %value. */
EO_API bool eo_parse_optional_operand(eo_parser *p, eo_operand_ref *out,
                                      eo_status *st);
/* Comma-separated operands (possibly none); arena array. */
EO_API EO_NODISCARD eo_status eo_parse_operand_list(eo_parser *p,
                                                    eo_operand_ref **out,
                                                    size_t *n);
/* Resolves 'ref' with 'type' (a forward reference is created if not yet
 * defined) and appends it to st's operands. */
EO_API EO_NODISCARD eo_status eo_parse_resolve_operand(eo_parser *p,
                                                       const eo_operand_ref *r,
                                                       const eo_type *type,
                                                       eo_op_state *st);
EO_API EO_NODISCARD eo_status eo_parse_resolve_operands(
    eo_parser *p, const eo_operand_ref *refs, size_t n,
    const eo_type *const *types, size_t ntypes, eo_op_state *st);
/* Resolves to a value without adding it to a state. */
EO_API eo_value *eo_parse_resolve_value(eo_parser *p, const eo_operand_ref *r,
                                        const eo_type *type);
/* %name [: type] [{attrs}] [loc(...)]; type required if 'with_type'. */
EO_API EO_NODISCARD eo_status eo_parse_arg_decl(eo_parser *p,
                                                eo_arg_decl *out,
                                                bool with_type,
                                                bool with_attrs);
/* A region "{...}" into 'r'. Entry block arguments, if given, are
 * defined in the region's scope (the entry block is created even when the
 * text starts without a label). */
EO_API EO_NODISCARD eo_status eo_parse_region(eo_parser *p, eo_region *r,
                                              const eo_arg_decl *args,
                                              size_t nargs);
EO_API bool eo_parser_at_region(eo_parser *p);
/* ^bb name; *out is the (possibly forward-declared) block. */
EO_API EO_NODISCARD eo_status eo_parse_successor(eo_parser *p,
                                                 eo_block **out);
/* ^bb [ "(" %v, ... ":" types ")" ] : successor plus its operands,
 * appended to st (operands resolved). */
EO_API EO_NODISCARD eo_status eo_parse_successor_and_operands(
    eo_parser *p, eo_op_state *st, size_t *num_operands);
/* Optional trailing location: "loc(...)". */
EO_API EO_NODISCARD eo_status eo_parse_optional_loc(eo_parser *p,
                                                    const eo_loc **out);
/* Raw text of a balanced "<...>" body (for opaque attributes), at the
 * current "<" token: *body points at the "<" and *len includes the
 * matching ">" (nested <>, (), [], {} and strings are skipped over);
 * the parser is left after the ">". */
EO_API EO_NODISCARD eo_status eo_parse_angle_body(eo_parser *p,
                                                  const char **body,
                                                  size_t *len);
/* An affine map "(d0)[s0] -> (...)" (without "affine_map<...>"). */
EO_API EO_NODISCARD eo_status eo_parse_affine_map(eo_parser *p,
                                                  const eo_affine_map **out);

/* Custom-form helpers shared by dialects (MLIR's function_interface_impl):
 * "@name(%a: t {attrs}, ...) -> (res types) attributes {...} {body}" */
EO_API EO_NODISCARD eo_status eo_parse_function_op(eo_parser *p,
                                                   eo_op_state *st,
                                                   bool allow_variadic);

/* ------------------------------------------------------------------ */
/* Textual format: printing                                            */
/* ------------------------------------------------------------------ */

typedef struct eo_print_flags {
    bool generic;         /* --mlir-print-op-generic */
    bool debuginfo;       /* --mlir-print-debuginfo */
    bool pretty_debuginfo;
    bool local_scope;     /* --mlir-print-local-scope: no aliases */
    bool skip_regions;    /* --mlir-print-skip-regions */
    bool elide_resources; /* print dense_resource blobs as elided */
} eo_print_flags;

/* Prints 'op' (usually a module) with aliases and the resource section,
 * as mlir-opt does, to 'out'. Returns EO_ERROR if writing failed. */
EO_API EO_NODISCARD eo_status eo_op_print(eo_op *op, const eo_print_flags *fl,
                                          FILE *out);
EO_API void eo_op_print_to(eo_op *op, const eo_print_flags *fl,
                           eo_strbuf *out);

/* Printer API for custom forms. */
EO_API eo_ctx *eo_printer_ctx(eo_printer *p);
EO_API const eo_print_flags *eo_printer_flags(eo_printer *p);
EO_API void eo_print_str(eo_printer *p, const char *s);
EO_API void eo_print_strn(eo_printer *p, const char *s, size_t n);
EO_API void eo_print_fmt(eo_printer *p, const char *fmt, ...) EO_PRINTF(2, 3);
EO_API void eo_print_value(eo_printer *p, const eo_value *v);
/* "%a, %b" */
EO_API void eo_print_values(eo_printer *p, size_t n, eo_value *const *v);
EO_API void eo_print_operands(eo_printer *p, const eo_op *op, size_t first,
                              size_t n);
EO_API void eo_print_type(eo_printer *p, const eo_type *t);
/* "t1, t2" */
EO_API void eo_print_types(eo_printer *p, size_t n,
                           const eo_type *const *t);
/* Function results: "t", or "(t1, t2)" when not exactly one type or when
 * the single type is a function type. */
EO_API void eo_print_result_types(eo_printer *p, size_t n,
                                  const eo_type *const *t);
EO_API void eo_print_attr(eo_printer *p, const eo_attr *a);
/* An attribute without its ": type" suffix when the type is implied. */
EO_API void eo_print_attr_no_type(eo_printer *p, const eo_attr *a);
EO_API void eo_print_symbol_name(eo_printer *p, const eo_ident *name);
/* " {a = 1, b}" for the op's attributes (props and discardable) except
 * names in 'elided' (NULL-terminated); nothing if none remain. */
EO_API void eo_print_attr_dict(eo_printer *p, const eo_op *op,
                               const char *const *elided);
/* The same with the "attributes" keyword. */
EO_API void eo_print_attr_dict_kw(eo_printer *p, const eo_op *op,
                                  const char *const *elided);
/* A region "{...}"; the entry block's label and arguments are printed
 * only if 'entry_args' and the block has arguments (or other blocks
 * branch to it); terminators are left out when 'terminators' is false and
 * the terminator has no operands/attributes (implicit yields). */
EO_API void eo_print_region(eo_printer *p, eo_region *r, bool entry_args,
                            bool terminators);
EO_API void eo_print_successor(eo_printer *p, eo_block *b);
/* "^bb1(%a, %b : i32, i32)" for a successor with operands. */
EO_API void eo_print_successor_and_operands(eo_printer *p, eo_block *b,
                                            size_t n, eo_value *const *v);
/* "%arg0: i32 {attrs} loc(...)" */
EO_API void eo_print_arg_decl(eo_printer *p, eo_value *arg,
                              const eo_attr *attrs);
EO_API void eo_print_newline(eo_printer *p);   /* + current indentation */
EO_API void eo_print_optional_loc(eo_printer *p, const eo_loc *l);
EO_API void eo_print_function_op(eo_printer *p, eo_op *op);

/* ------------------------------------------------------------------ */
/* Folding, patterns, the rewriter and knobs (used by dialects; the    */
/* greedy driver, passes and the knob store live in rewrite/)          */
/* ------------------------------------------------------------------ */

/* What a fold hook produced for one result: an existing value or a
 * constant attribute (exactly one is set). */
typedef struct eo_fold_result {
    eo_value *value;
    const eo_attr *attr;
} eo_fold_result;

/* Passed to eo_op_def.fold: one slot per op result. A hook returns true
 * after filling every result slot (eo_fold_to_*), or after changing the op
 * in place (eo_fold_in_place); false means "no fold" and leaves the op
 * unchanged. cst[i] is operand i's constant value (from a constant-like
 * defining op's "value") or NULL. */
struct eo_fold {
    eo_fold_result *results;
    size_t num_results;
    bool in_place;
};

/* Set result 0 (single-result ops) / result i; return true. */
EO_API bool eo_fold_to_value(eo_fold *f, eo_value *v);
EO_API bool eo_fold_to_attr(eo_fold *f, const eo_attr *a);
EO_API bool eo_fold_set_value(eo_fold *f, size_t i, eo_value *v);
EO_API bool eo_fold_set_attr(eo_fold *f, size_t i, const eo_attr *a);
EO_API bool eo_fold_in_place(eo_fold *f);
/* The constant attribute behind 'v' if its defining op is constant-like
 * (its "value" attribute), else NULL. */
EO_API const eo_attr *eo_value_constant(const eo_value *v);
/* Runs op's fold hook with its constant operands. *folded says whether
 * it folded; 'out' has eo_op_num_results(op) slots. An in-place fold
 * (the hook's, or a commutative op's constants moved to the right as
 * MLIR's Commutative trait does, before the hook runs) leaves every slot
 * empty. */
EO_API EO_NODISCARD eo_status eo_op_fold(eo_op *op, eo_fold_result *out,
                                         bool *folded);

/* Knob domains (see docs on knobs): what values a decision may take. */
typedef enum eo_knob_kind {
    EO_KNOB_BOOL,       /* 0 or 1 */
    EO_KNOB_RANGE,      /* lo, lo+step, ..., <= hi */
    EO_KNOB_SET,        /* one of values[] */
    EO_KNOB_ENUM        /* index into names[] */
} eo_knob_kind;

typedef struct eo_knob_domain {
    eo_knob_kind kind;
    int64_t lo, hi, step;               /* RANGE */
    const int64_t *values;              /* SET */
    const char *const *names;           /* ENUM */
    size_t count;                       /* SET / ENUM entries */
} eo_knob_domain;

/* Where knob questions go. The rewrite library's knob store implements
 * it; a NULL provider (or NULL ask) answers every knob with its default. */
typedef struct eo_knob_provider {
    /* 'name' is the full stable knob name ("unroll.loop_3.factor"); 'site'
     * the op the decision is about (may be NULL); 'asker' the pass or
     * pattern name. Returns the value to use (always in the domain). */
    int64_t (*ask)(void *ud, const char *name, const eo_knob_domain *dom,
                   int64_t def, const eo_op *site, const char *asker);
    void *ud;
} eo_knob_provider;

/* Asks 'kp' (may be NULL: the default is returned). The name is
 * "<prefix>.<site key of op>.<param>" when 'op' is given, else
 * "<prefix>.<param>". */
EO_API int64_t eo_knob_ask(const eo_knob_provider *kp, const char *prefix,
                           const eo_op *op, const char *param,
                           const eo_knob_domain *dom, int64_t def,
                           const char *asker);
/* The stable site key of 'op': its "name" string attribute, else
 * "onnx.name", else its file location as "file:line:col" (file base name
 * only), else its op name and position. Appends to 'out'. */
EO_API void eo_op_site_key(const eo_op *op, eo_strbuf *out);

/* The rewriter: a builder whose changes are reported to a listener (the
 * greedy driver's worklist), so use lists stay consistent and the driver
 * knows what changed. Ops it creates inherit the location (fused) and
 * site key ("name" attribute) of 'root', the op being rewritten. */
typedef struct eo_rewrite_listener {
    void (*inserted)(void *ud, eo_op *op);
    void (*erasing)(void *ud, eo_op *op);      /* before it is erased */
    void (*modified)(void *ud, eo_op *op);
    /* Results of 'op' are about to be replaced by 'values'. */
    void (*replacing)(void *ud, eo_op *op, eo_value *const *values);
    void *ud;
} eo_rewrite_listener;

struct eo_rewriter {
    eo_builder b;                     /* insertion point */
    const eo_rewrite_listener *listener;  /* may be NULL */
    eo_op *root;                      /* op being rewritten, may be NULL */
    const eo_knob_provider *knobs;    /* may be NULL */
};

/* A rewriter reporting to 'l' and asking 'knobs' (both may be NULL). */
EO_API void eo_rewriter_init(eo_rewriter *rw, eo_ctx *ctx,
                             const eo_rewrite_listener *l,
                             const eo_knob_provider *knobs);
/* The context the rewriter builds in. */
EO_API eo_ctx *eo_rewriter_ctx(const eo_rewriter *rw);
/* Creates from 'st' at the insertion point, notifies; NULL on failure. */
EO_API eo_op *eo_rewriter_create(eo_rewriter *rw, eo_op_state *st);
/* Replaces all uses of op's results with 'values' and erases op. */
EO_API void eo_rewriter_replace_op(eo_rewriter *rw, eo_op *op,
                                   eo_value *const *values);
/* Erases 'op' (its results must be unused). */
EO_API void eo_rewriter_erase_op(eo_rewriter *rw, eo_op *op);
/* Brackets an in-place change of 'op' (attributes, operands). */
EO_API void eo_rewriter_modify_begin(eo_rewriter *rw, eo_op *op);
EO_API void eo_rewriter_modify_end(eo_rewriter *rw, eo_op *op);
EO_API void eo_rewriter_replace_all_uses(eo_rewriter *rw, eo_value *from,
                                         eo_value *to);
/* Moves the ops of 'src' (a single block with 'nargs' args replaced by
 * 'args') before 'pos'; 'src' is left empty and erased. */
EO_API void eo_rewriter_inline_block_before(eo_rewriter *rw, eo_block *src,
                                            eo_op *pos, eo_value *const *args,
                                            size_t nargs);
/* Moves all blocks of 'r' into the region of 'before', ahead of it. */
EO_API void eo_rewriter_inline_region_before(eo_rewriter *rw, eo_region *r,
                                             eo_block *before);
EO_API eo_block *eo_rewriter_split_block(eo_rewriter *rw, eo_block *b,
                                         eo_op *at);
/* Appends the ops of 'src' to 'dst' (args replaced by 'args'); erases
 * 'src'. */
EO_API void eo_rewriter_merge_blocks(eo_rewriter *rw, eo_block *src,
                                     eo_block *dst, eo_value *const *args,
                                     size_t nargs);
EO_API int64_t eo_rewriter_knob(eo_rewriter *rw, const char *prefix,
                                const eo_op *op, const char *param,
                                const eo_knob_domain *dom, int64_t def,
                                const char *asker);

typedef enum eo_rewrite_result {
    EO_REWRITE_FAILED = -1,           /* error reported; stop */
    EO_REWRITE_NO_MATCH = 0,
    EO_REWRITE_APPLIED = 1
} eo_rewrite_result;

/* A rewrite pattern: rows of constant data like op tables. */
struct eo_pattern {
    const char *name;                 /* "arith.add-zero" */
    const char *root;                 /* op name, or NULL: any op */
    unsigned benefit;                 /* higher first */
    eo_rewrite_result (*match_and_rewrite)(const eo_pattern *pat, eo_op *op,
                                           eo_rewriter *rw);
    const void *data;                 /* for the hook */
};

/* A dialect may give constants back as ops (the greedy driver uses it to
 * materialize fold results): creates one at the rewriter's insertion
 * point, or returns NULL if it cannot represent 'value' as 'type'. */
typedef eo_op *(*eo_materialize_fn)(eo_rewriter *rw, const eo_attr *value,
                                    const eo_type *type, const eo_loc *loc);

/* ------------------------------------------------------------------ */
/* Builtin dialect                                                     */
/* ------------------------------------------------------------------ */

enum eo_builtin_op {
    EO_BUILTIN_MODULE,
    EO_BUILTIN_UNREALIZED_CAST,
    EO_BUILTIN_NUM_OPS
};

/* The builtin dialect's op definitions (registered by eo_ctx_create). */
EO_API const eo_op_def *eo_builtin_op(eo_ctx *ctx, enum eo_builtin_op op);
/* A new empty builtin.module (one region, one block), detached. */
EO_API eo_op *eo_module_create(eo_ctx *ctx, const eo_loc *loc);
EO_API eo_block *eo_module_body(eo_op *module);

#endif /* EO_IR_IR_H */

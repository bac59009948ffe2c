/* dialects/graph/onnx/onnx_internal.h - declarations shared by the ONNX
 * importer's files (library eo_onnx), private to it:
 *   onnx_tensor.c  the bump arena protobuf-c unpacks into, TensorProto
 *                  decoding (also for eo_onnx_load_tensor);
 *   onnx_import.c  the driver: value table, constants, op emission;
 *   onnx_ops.c     one converter per ONNX op. */
#ifndef EO_DIALECTS_GRAPH_ONNX_ONNX_INTERNAL_H
#define EO_DIALECTS_GRAPH_ONNX_ONNX_INTERNAL_H

#include "dialects/graph/graph.h"
#include "dialects/graph/onnx/onnx.h"

#include "onnx.pb-c.h"

/* A bump allocator: allocations are 16-byte aligned and live until
 * onnx_arena_free. Zero-initialize it. */
typedef struct onnx_arena_chunk {
    struct onnx_arena_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} onnx_arena_chunk;
typedef struct onnx_arena {
    onnx_arena_chunk *head;
    size_t next_size;           /* size of the next chunk to allocate */
} onnx_arena;

/* NULL on allocation failure (or size overflow). Memory is not zeroed. */
EO_HIDDEN void *onnx_arena_alloc(onnx_arena *a, size_t size);
EO_HIDDEN void onnx_arena_free(onnx_arena *a);
/* A protobuf-c allocator over 'a' (free is a no-op). */
EO_HIDDEN ProtobufCAllocator onnx_arena_pb_allocator(onnx_arena *a);
/* Whether the nesting of messages in the serialized 'desc' message
 * 'data' stays within 'max_depth' (protobuf-c recurses once per level;
 * this keeps a hostile file from exhausting the stack). False also for
 * malformed wire data, which the unpacker would reject anyway. */
EO_HIDDEN bool onnx_pb_depth_ok(const ProtobufCMessageDescriptor *desc,
                                const uint8_t *data, size_t len,
                                unsigned max_depth);

/* A decoded TensorProto: dense little-endian row-major data. */
typedef struct onnx_tensor_data {
    int32_t dt;                 /* ONNX TensorProto.DataType */
    size_t rank;
    int64_t shape[EO_GRAPH_MAX_RANK];
    int64_t numel;
    const void *data;           /* numel * onnx_dtype_size(dt) bytes */
    size_t nbytes;
} onnx_tensor_data;

/* Bytes per element of ONNX data type 'dt', 0 if it has no fixed-width
 * dense form (STRING, UNDEFINED, unknown values). */
EO_HIDDEN size_t onnx_dtype_size(int32_t dt);
/* "FLOAT", "INT8", ... or "<n>" for unknown values (static storage for
 * known ones; 'buf' (16 bytes) for the rest). */
EO_HIDDEN const char *onnx_dtype_name(int32_t dt, char buf[16]);
/* Decodes 't' (raw_data or the typed fields). Data that needs converting
 * (int32_data into 1- or 2-byte elements) is allocated in 'arena';
 * otherwise 'out->data' points into the message. 'what' names the
 * tensor in diagnostics (reported at 'loc'). 'any_type': accept every
 * fixed-width type (eo_onnx_load_tensor), else only the importer's (FLOAT,
 * UINT8, INT8, INT32, INT64, BOOL). Unsupported features say so. */
EO_HIDDEN eo_status onnx_tensor_decode(eo_ctx *ctx, const eo_loc *loc,
                                       const Onnx__TensorProto *t,
                                       const char *what, bool any_type,
                                       onnx_arena *arena,
                                       onnx_tensor_data *out);

/* ------------------------------------------------------------------ */
/* The importer's state (onnx_import.c, onnx_ops.c)                    */
/* ------------------------------------------------------------------ */

#define ONNX_MAX_ATTRS 24
#define ONNX_MAX_OPERANDS 256
#define ONNX_MAX_RESULTS 64
/* Largest dimension, and element count, of a tensor the importer makes
 * (bounds that keep every size computation far from overflow). */
#define ONNX_MAX_DIM ((int64_t)1 << 31)
#define ONNX_MAX_NUMEL ((int64_t)1 << 40)
/* Largest constant computed at import (shape subgraphs are tiny). */
#define ONNX_MAX_FOLD_NUMEL ((int64_t)1 << 24)

/* The unpacked model and its arena; dense_resource blobs borrowed from
 * it hold references (the last one frees it). */
typedef struct onnx_model {
    onnx_arena arena;
    size_t refs;
} onnx_model;

/* A tensor whose value is known at import time. */
typedef struct onnx_cst {
    onnx_tensor_data t;
    bool model_data;        /* t.data lives as long as the model */
    bool initializer;       /* a graph initializer (dense_resource) */
    const char *key;        /* resource key hint */
} onnx_cst;

/* One ONNX tensor name: its IR value (created lazily for constants)
 * and/or its known value. */
typedef struct onnx_val {
    const char *name;
    eo_value *v;
    onnx_cst *c;
    const Onnx__TensorProto *init;    /* not yet decoded initializer */
} onnx_val;

/* Attributes of an op being built. */
typedef struct onnx_alist {
    eo_named_attr a[ONNX_MAX_ATTRS];
    size_t n;
    bool oom;
} onnx_alist;

typedef struct onnx_importer {
    eo_ctx *ctx;
    eo_onnx_options opts;
    int64_t dynamic_dim;
    int opset;
    const eo_loc *file_loc;
    const eo_loc *loc;                /* the current node's, or file_loc */
    onnx_model *model;
    onnx_arena scratch;               /* freed at the end of the import */
    onnx_val *tab;
    size_t cap, used;
    eo_op *module, *func;
    eo_builder b;
    /* The node being converted. */
    const Onnx__NodeProto *node;
    size_t node_index;
    const char *node_name;
    char node_name_buf[256];
    bool failed, oom;                 /* an error was reported */
    /* The diagnostic handler in place before the import. */
    eo_diag_handler prev_h;
    void *prev_ud;
    bool has_prev;
    /* Shape inference output. */
    size_t ranks[ONNX_MAX_RESULTS];
    int64_t shapes[ONNX_MAX_RESULTS][EO_GRAPH_MAX_RANK];
} onnx_importer;

/* Diagnostics at the current node (the handler adds the node prefix). */
EO_HIDDEN eo_status onnx_error(onnx_importer *I, const char *fmt, ...)
    EO_PRINTF(2, 3);
EO_HIDDEN eo_status onnx_nomem(onnx_importer *I);
EO_HIDDEN void onnx_diag_handler(const eo_diag *d, void *ud);

/* Value table. */
EO_HIDDEN onnx_val *onnx_lookup(onnx_importer *I, const char *name);
EO_HIDDEN eo_status onnx_define(onnx_importer *I, const char *name,
                                eo_value *v, onnx_cst *c,
                                const Onnx__TensorProto *init);

/* Types. */
EO_HIDDEN const eo_type *onnx_elem_type(onnx_importer *I, int32_t dt);
EO_HIDDEN int32_t onnx_dt_of_elem(const eo_type *elem);
EO_HIDDEN const eo_type *onnx_tensor_type(onnx_importer *I, size_t rank,
                                          const int64_t *shape,
                                          const eo_type *elem);

/* Constants. */
EO_HIDDEN onnx_cst *onnx_cst_new(onnx_importer *I, int32_t dt, size_t rank,
                                 const int64_t *shape);
/* The known value of 'x' (decoding an initializer on first use), or NULL
 * (I->failed set if decoding failed). */
EO_HIDDEN onnx_cst *onnx_val_cst(onnx_importer *I, onnx_val *x);
/* An "unsupported" error if a dimension of 't' exceeds ONNX_MAX_DIM. */
EO_HIDDEN eo_status onnx_check_dims(onnx_importer *I,
                                    const onnx_tensor_data *t,
                                    const char *name);
EO_HIDDEN int64_t onnx_cst_int(const onnx_cst *c, int64_t i);
EO_HIDDEN double onnx_cst_float(const onnx_cst *c, int64_t i);
EO_HIDDEN void onnx_cst_set(onnx_cst *c, int64_t i, int64_t iv, double fv);
/* The IR value of 'x': a graph.constant is created for a constant not
 * yet used as a value. 'want_elem' (NULL: the plain type) may ask for a
 * quant element type over the constant's storage. NULL after an error. */
EO_HIDDEN eo_value *onnx_materialize(onnx_importer *I, onnx_val *x,
                                     const eo_type *want_elem);

/* Attribute lists (an allocation failure is remembered in l->oom). */
EO_HIDDEN void onnx_al_set(onnx_importer *I, onnx_alist *l, const char *name,
                           const eo_attr *a);
EO_HIDDEN void onnx_al_int(onnx_importer *I, onnx_alist *l, const char *name,
                           int64_t v);
EO_HIDDEN void onnx_al_ints(onnx_importer *I, onnx_alist *l,
                            const char *name, size_t n, const int64_t *v);
EO_HIDDEN void onnx_al_f64s(onnx_importer *I, onnx_alist *l,
                            const char *name, size_t n, const double *v);
EO_HIDDEN void onnx_al_f32(onnx_importer *I, onnx_alist *l, const char *name,
                           double v);
EO_HIDDEN void onnx_al_str(onnx_importer *I, onnx_alist *l, const char *name,
                           const char *s);
EO_HIDDEN void onnx_al_bool(onnx_importer *I, onnx_alist *l,
                            const char *name, bool v);

/* Creates graph op 'k' on 'ops' with the attributes in 'l' (may be NULL)
 * and the name attribute "<node name><suffix>"; result shapes from
 * eo_graph_infer_shapes, element type 'elem' (NULL: operand 0's). */
EO_HIDDEN eo_op *onnx_emit(onnx_importer *I, eo_graph_op k, size_t nops,
                           eo_value *const *ops, onnx_alist *l,
                           const eo_type *elem, const char *suffix);

/* Converts I->node (onnx_ops.c). */
EO_HIDDEN eo_status onnx_convert_node(onnx_importer *I);

#endif /* EO_DIALECTS_GRAPH_ONNX_ONNX_INTERNAL_H */

/* dialects/graph/onnx/onnx_internal.h - declarations shared by the ONNX
 * importer's files (library eo_onnx): the bump arena protobuf-c unpacks
 * into, and TensorProto decoding (onnx_tensor.c), used by the importer
 * (onnx_import.c) and by eo_onnx_load_tensor. */
#ifndef EO_DIALECTS_GRAPH_ONNX_ONNX_INTERNAL_H
#define EO_DIALECTS_GRAPH_ONNX_ONNX_INTERNAL_H

#include "dialects/graph/onnx/onnx.h"

#include "onnx.pb-c.h"

/* A bump allocator: allocations are 16-byte aligned and live until
 * onnx_arena_free. Zero-initialize it. */
typedef struct onnx_arena_chunk onnx_arena_chunk;
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

#endif /* EO_DIALECTS_GRAPH_ONNX_ONNX_INTERNAL_H */

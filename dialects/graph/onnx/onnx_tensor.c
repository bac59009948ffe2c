/* dialects/graph/onnx/onnx_tensor.c - ONNX TensorProto decoding, the
 * bump arena the importer unpacks models into, a nesting-depth check of
 * serialized messages, and eo_onnx_load_tensor (.pb tensor files). */
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/onnx/onnx_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Arena                                                               */
/* ------------------------------------------------------------------ */


#define ARENA_MIN_CHUNK ((size_t)64 << 10)

void *
onnx_arena_alloc(onnx_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + 15) & ~(size_t)15;
    onnx_arena_chunk *c = a->head;
    if (!c || c->size - c->used < size) {
        size_t want = a->next_size > ARENA_MIN_CHUNK ? a->next_size
                                                     : ARENA_MIN_CHUNK;
        if (want < size)
            want = size;
        c = malloc(sizeof(*c) + want);
        if (!c)
            return NULL;
        c->size = want;
        c->used = 0;
        c->next = a->head;
        a->head = c;
        /* Grow geometrically so many small allocations stay cheap. */
        a->next_size = want < ((size_t)64 << 20) ? want * 2 : want;
    }
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

void
onnx_arena_free(onnx_arena *a)
{
    onnx_arena_chunk *c = a->head;
    while (c) {
        onnx_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

static void *
pb_alloc(void *ud, size_t size)
{
    return onnx_arena_alloc(ud, size ? size : 1);
}

static void
pb_free(void *ud, void *p)
{
    (void)ud;
    (void)p;
}

ProtobufCAllocator
onnx_arena_pb_allocator(onnx_arena *a)
{
    ProtobufCAllocator al = { .alloc = pb_alloc, .free = pb_free,
                              .allocator_data = a };
    return al;
}

/* ------------------------------------------------------------------ */
/* Nesting depth of serialized messages                                */
/* ------------------------------------------------------------------ */

static bool
read_varint(const uint8_t **p, const uint8_t *end, uint64_t *out)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
        if (*p >= end)
            return false;
        uint8_t b = *(*p)++;
        v |= (uint64_t)(b & 0x7f) << (shift < 64 ? shift : 63);
        if (!(b & 0x80)) {
            *out = v;
            return true;
        }
    }
    return false;
}

bool
onnx_pb_depth_ok(const ProtobufCMessageDescriptor *desc, const uint8_t *data,
                 size_t len, unsigned max_depth)
{
    if (max_depth == 0)
        return false;
    const uint8_t *p = data, *end = data + len;
    while (p < end) {
        uint64_t tag, v;
        if (!read_varint(&p, end, &tag))
            return false;
        switch (tag & 7) {
        case 0:
            if (!read_varint(&p, end, &v))
                return false;
            break;
        case 1:
            if (end - p < 8)
                return false;
            p += 8;
            break;
        case 5:
            if (end - p < 4)
                return false;
            p += 4;
            break;
        case 2: {
            if (!read_varint(&p, end, &v) || v > (uint64_t)(end - p))
                return false;
            const ProtobufCFieldDescriptor *f =
                tag >> 3 <= UINT32_MAX
                    ? protobuf_c_message_descriptor_get_field(
                          desc, (unsigned)(tag >> 3))
                    : NULL;
            if (f && f->type == PROTOBUF_C_TYPE_MESSAGE &&
                !onnx_pb_depth_ok(f->descriptor, p, (size_t)v,
                                  max_depth - 1))
                return false;
            p += v;
            break;
        }
        default:                /* groups: protobuf-c rejects them too */
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Data types                                                          */
/* ------------------------------------------------------------------ */

size_t
onnx_dtype_size(int32_t dt)
{
    switch (dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT:
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32:
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT32:
        return 4;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8:
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8:
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL:
        return 1;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT16:
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT16:
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16:
    case ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16:
        return 2;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64:
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT64:
    case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE:
        return 8;
    default:
        return 0;
    }
}

const char *
onnx_dtype_name(int32_t dt, char buf[16])
{
    static const char *const names[] = {
        "UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32",
        "INT64", "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64",
        "COMPLEX64", "COMPLEX128", "BFLOAT16", "FLOAT8E4M3FN",
        "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4"
    };
    if (dt >= 0 && (size_t)dt < sizeof(names) / sizeof(names[0]))
        return names[dt];
    snprintf(buf, 16, "<%d>", (int)dt);
    return buf;
}

/* The importer's element types. */
static bool
import_dtype(int32_t dt)
{
    switch (dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT:
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8:
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8:
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32:
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64:
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL:
        return true;
    default:
        return false;
    }
}

/* ------------------------------------------------------------------ */
/* TensorProto                                                         */
/* ------------------------------------------------------------------ */

static eo_status
count_error(eo_ctx *ctx, const eo_loc *loc, const char *what,
            const char *field, size_t have, int64_t want)
{
    return eo_emit_error(ctx, loc,
                         "tensor '%s': %s holds %zu values, expected %lld",
                         what, field, have, (long long)want);
}

eo_status
onnx_tensor_decode(eo_ctx *ctx, const eo_loc *loc, const Onnx__TensorProto *t,
                   const char *what, bool any_type, onnx_arena *arena,
                   onnx_tensor_data *out)
{
    char buf[16];
    memset(out, 0, sizeof(*out));
    int32_t dt = t->has_data_type ? t->data_type : 0;
    size_t es = onnx_dtype_size(dt);
    if (!es || (!any_type && !import_dtype(dt)))
        return eo_emit_error(ctx, loc, "tensor '%s': unsupported data type "
                             "%s", what, onnx_dtype_name(dt, buf));
    if ((t->has_data_location &&
         t->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL) ||
        t->n_external_data)
        return eo_emit_error(ctx, loc, "tensor '%s': unsupported: external "
                             "data", what);
    if (t->segment)
        return eo_emit_error(ctx, loc, "tensor '%s': unsupported: segmented "
                             "tensor", what);
    if (t->n_dims > EO_GRAPH_MAX_RANK)
        return eo_emit_error(ctx, loc, "tensor '%s': unsupported: rank %zu "
                             "(at most %d)", what, t->n_dims,
                             EO_GRAPH_MAX_RANK);
    int64_t numel = 1;
    for (size_t i = 0; i < t->n_dims; i++) {
        int64_t d = t->dims[i];
        if (d < 0)
            return eo_emit_error(ctx, loc, "tensor '%s': negative dimension "
                                 "%lld", what, (long long)d);
        if (d && numel > (INT64_MAX / 16) / d)
            return eo_emit_error(ctx, loc, "tensor '%s': too many elements",
                                 what);
        numel *= d;
        out->shape[i] = d;
    }
    out->dt = dt;
    out->rank = t->n_dims;
    out->numel = numel;
    size_t nbytes = (size_t)numel * es;
    out->nbytes = nbytes;
    if (t->has_raw_data) {
        if (t->raw_data.len != nbytes)
            return eo_emit_error(ctx, loc, "tensor '%s': raw_data holds %zu "
                                 "bytes, expected %zu", what,
                                 t->raw_data.len, nbytes);
        out->data = t->raw_data.data;
        return EO_OK;
    }
    switch (dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT:
        if (t->n_float_data != (size_t)numel)
            return count_error(ctx, loc, what, "float_data",
                               t->n_float_data, numel);
        out->data = t->float_data;
        return EO_OK;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64:
        if (t->n_int64_data != (size_t)numel)
            return count_error(ctx, loc, what, "int64_data",
                               t->n_int64_data, numel);
        out->data = t->int64_data;
        return EO_OK;
    case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE:
        if (t->n_double_data != (size_t)numel)
            return count_error(ctx, loc, what, "double_data",
                               t->n_double_data, numel);
        out->data = t->double_data;
        return EO_OK;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT64:
        if (t->n_uint64_data != (size_t)numel)
            return count_error(ctx, loc, what, "uint64_data",
                               t->n_uint64_data, numel);
        out->data = t->uint64_data;
        return EO_OK;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32:
        if (t->n_int32_data != (size_t)numel)
            return count_error(ctx, loc, what, "int32_data",
                               t->n_int32_data, numel);
        out->data = t->int32_data;
        return EO_OK;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT32: {
        if (t->n_uint64_data != (size_t)numel)
            return count_error(ctx, loc, what, "uint64_data",
                               t->n_uint64_data, numel);
        uint32_t *d = onnx_arena_alloc(arena, nbytes);
        if (!d)
            return EO_NOMEM;
        for (int64_t i = 0; i < numel; i++)
            d[i] = (uint32_t)t->uint64_data[i];
        out->data = d;
        return EO_OK;
    }
    default: {
        /* 1- and 2-byte types travel in int32_data, one value each. */
        if (t->n_int32_data != (size_t)numel)
            return count_error(ctx, loc, what, "int32_data",
                               t->n_int32_data, numel);
        unsigned char *d = onnx_arena_alloc(arena, nbytes);
        if (!d)
            return EO_NOMEM;
        for (int64_t i = 0; i < numel; i++) {
            uint32_t v = (uint32_t)t->int32_data[i];
            if (es == 1) {
                d[i] = (unsigned char)(v & 0xff);
            } else {
                d[2 * i] = (unsigned char)(v & 0xff);
                d[2 * i + 1] = (unsigned char)((v >> 8) & 0xff);
            }
        }
        out->data = d;
        return EO_OK;
    }
    }
}

/* ------------------------------------------------------------------ */
/* eo_onnx_load_tensor                                                 */
/* ------------------------------------------------------------------ */

static bool
host_dtype(int32_t dt, eo_dtype *out)
{
    switch (dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: *out = EO_DT_F32; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: *out = EO_DT_F64; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16: *out = EO_DT_F16; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: *out = EO_DT_I8; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8: *out = EO_DT_U8; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: *out = EO_DT_I16; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT16: *out = EO_DT_U16; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: *out = EO_DT_I32; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT32: *out = EO_DT_U32; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: *out = EO_DT_I64; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT64: *out = EO_DT_U64; return true;
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL: *out = EO_DT_BOOL; return true;
    default: return false;
    }
}

/* Reads all of 'path' into malloc'ed memory; NULL after a diagnostic. */
static unsigned char *
read_file(eo_ctx *ctx, const eo_loc *loc, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        eo_emit_error(ctx, loc, "cannot open '%s': %s", path,
                      strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        unsigned char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2)
                                                : NULL;
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb;
        cap *= 2;
    }
    bool err = ferror(f);
    fclose(f);
    if (!buf) {
        eo_emit_error(ctx, loc, "out of memory reading '%s'", path);
        return NULL;
    }
    if (err) {
        free(buf);
        eo_emit_error(ctx, loc, "cannot read '%s'", path);
        return NULL;
    }
    *len = n;
    return buf;
}

eo_status
eo_onnx_load_tensor(eo_ctx *ctx, const char *path, eo_tensor *out)
{
    memset(out, 0, sizeof(*out));
    const eo_loc *loc = eo_loc_file(ctx, eo_ident_cstr(ctx, path), 0, 0);
    size_t len = 0;
    unsigned char *buf = read_file(ctx, loc, path, &len);
    if (!buf)
        return EO_ERROR;
    onnx_arena arena = { 0 };
    ProtobufCAllocator al = onnx_arena_pb_allocator(&arena);
    Onnx__TensorProto *t = NULL;
    if (onnx_pb_depth_ok(&onnx__tensor_proto__descriptor, buf, len, 16))
        t = onnx__tensor_proto__unpack(&al, len, buf);
    free(buf);
    eo_status st = EO_ERROR;
    onnx_tensor_data d;
    if (!t) {
        eo_emit_error(ctx, loc, "failed to parse ONNX tensor '%s'", path);
        goto done;
    }
    const char *what = t->name && *t->name ? t->name : path;
    st = onnx_tensor_decode(ctx, loc, t, what, true, &arena, &d);
    if (st != EO_OK)
        goto done;
    eo_dtype hd;
    if (!host_dtype(d.dt, &hd)) {
        char nb[16];
        st = eo_emit_error(ctx, loc, "tensor '%s': unsupported data type %s",
                           what, onnx_dtype_name(d.dt, nb));
        goto done;
    }
    st = eo_tensor_alloc(out, hd, d.rank, d.shape);
    if (st != EO_OK) {
        eo_emit_error(ctx, loc, "out of memory loading '%s'", path);
        goto done;
    }
    if (d.nbytes)
        memcpy(out->data, d.data, d.nbytes);
done:
    onnx_arena_free(&arena);
    return st;
}

void
eo_onnx_bindings_free(eo_onnx_bindings *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++) {
        free(b->names[i]);
        eo_tensor_free(&b->values[i]);
    }
    free(b->names);
    free(b->values);
    memset(b, 0, sizeof(*b));
}

eo_status
eo_onnx_bindings_load(eo_ctx *ctx, size_t n, const char *const *specs,
                      eo_onnx_bindings *out)
{
    memset(out, 0, sizeof(*out));
    if (!n)
        return EO_OK;
    out->names = calloc(n, sizeof(*out->names));
    out->values = calloc(n, sizeof(*out->values));
    if (!out->names || !out->values) {
        eo_onnx_bindings_free(out);
        eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory");
        return EO_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        const char *spec = specs[i] ? specs[i] : "";
        const char *eq = strchr(spec, '=');
        if (!eq || eq == spec || !eq[1]) {
            eo_onnx_bindings_free(out);
            return eo_emit_error(ctx, eo_loc_unknown(ctx),
                                 "invalid input binding '%s' (expected "
                                 "NAME=FILE)", spec);
        }
        size_t nl = (size_t)(eq - spec), fl = strlen(eq + 1);
        char *name = malloc(nl + 1);
        if (!name) {
            eo_onnx_bindings_free(out);
            eo_emit_error(ctx, eo_loc_unknown(ctx), "out of memory");
            return EO_NOMEM;
        }
        memcpy(name, spec, nl);
        name[nl] = 0;
        out->names[i] = name;
        out->n = i + 1;
        const char *file = eq + 1;
        bool npy = fl >= 4 && !strcmp(file + fl - 4, ".npy");
        eo_status st = npy ? eo_tensor_load_npy(ctx, file, &out->values[i])
                           : eo_onnx_load_tensor(ctx, file,
                                                 &out->values[i]);
        if (st != EO_OK) {
            eo_onnx_bindings_free(out);
            return st;
        }
    }
    return EO_OK;
}

/* dialects/graph/interp.c - the interpreter's driver and host tensors.
 * eo_interp_run walks one func.func in order: block arguments take the
 * inputs, each graph op gets freshly allocated (zeroed) results from its
 * IR result types and runs its kernel (interp_nn.c, interp_elem.c,
 * interp_quant.c via interp_kernel_for), and a tensor is freed once its
 * last use has run. func.return's operands become the outputs.
 */
#include "dialects/graph/interp.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/interp_internal.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* dtypes                                                              */
/* ------------------------------------------------------------------ */

size_t
eo_dtype_size(eo_dtype dt)
{
    switch (dt) {
    case EO_DT_F32: case EO_DT_I32: case EO_DT_U32: return 4;
    case EO_DT_F64: case EO_DT_I64: case EO_DT_U64: return 8;
    case EO_DT_I16: case EO_DT_U16: case EO_DT_F16: return 2;
    case EO_DT_I8: case EO_DT_U8: case EO_DT_BOOL: return 1;
    }
    return 0;
}

const char *
eo_dtype_name(eo_dtype dt)
{
    switch (dt) {
    case EO_DT_F32: return "f32";
    case EO_DT_F64: return "f64";
    case EO_DT_I8: return "i8";
    case EO_DT_U8: return "u8";
    case EO_DT_I16: return "i16";
    case EO_DT_U16: return "u16";
    case EO_DT_I32: return "i32";
    case EO_DT_U32: return "u32";
    case EO_DT_I64: return "i64";
    case EO_DT_U64: return "u64";
    case EO_DT_BOOL: return "bool";
    case EO_DT_F16: return "f16";
    }
    return "?";
}

/* The dtype of an integer of 'bits' bits (8, 16, 32, 64). */
static bool
int_dtype(unsigned bits, bool is_signed, eo_dtype *out)
{
    switch (bits) {
    case 8: *out = is_signed ? EO_DT_I8 : EO_DT_U8; return true;
    case 16: *out = is_signed ? EO_DT_I16 : EO_DT_U16; return true;
    case 32: *out = is_signed ? EO_DT_I32 : EO_DT_U32; return true;
    case 64: *out = is_signed ? EO_DT_I64 : EO_DT_U64; return true;
    default: return false;
    }
}

bool
eo_dtype_of_type(const eo_type *elem, eo_dtype *out)
{
    if (!elem || !out)
        return false;
    if (eo_type_is_quant(elem)) {
        eo_quant_params qp;
        if (!eo_quant_get_params(elem, &qp))
            return false;
        /* Narrow storage (i4 ...) is held in the next byte-sized type. */
        unsigned bits = qp.storage_bits <= 8 ? 8
                        : qp.storage_bits <= 16 ? 16
                        : qp.storage_bits <= 32 ? 32 : 0;
        return int_dtype(bits, qp.is_signed, out);
    }
    if (eo_type_is_float(elem)) {
        switch (eo_type_float_kind(elem)) {
        case EO_F32: *out = EO_DT_F32; return true;
        case EO_F64: *out = EO_DT_F64; return true;
        case EO_F16: *out = EO_DT_F16; return true;
        default: return false;
        }
    }
    if (eo_type_is_int(elem)) {
        unsigned w = eo_type_int_width(elem);
        if (w == 1) {
            *out = EO_DT_BOOL;
            return true;
        }
        return int_dtype(w, eo_type_int_signedness(elem) != EO_UNSIGNED,
                         out);
    }
    return false;
}

/* ------------------------------------------------------------------ */
/* Tensors                                                             */
/* ------------------------------------------------------------------ */

int64_t
eo_tensor_numel(const eo_tensor *t)
{
    int64_t n = 1;
    for (size_t i = 0; i < t->rank && i < EO_GRAPH_MAX_RANK; i++)
        n *= t->shape[i];
    return n;
}

/* Bytes of a tensor of 'rank' dims 'shape' of 'dt'; false if a dim is
 * negative, the rank too large or the size overflows size_t. */
static bool
tensor_bytes(eo_dtype dt, size_t rank, const int64_t *shape, size_t *out)
{
    size_t esize = eo_dtype_size(dt);
    if (esize == 0 || rank > EO_GRAPH_MAX_RANK)
        return false;
    size_t n = 1;
    for (size_t i = 0; i < rank; i++) {
        if (shape[i] < 0)
            return false;
        uint64_t d = (uint64_t)shape[i];
        if (d != 0 && n > SIZE_MAX / esize / d)
            return false;
        n *= (size_t)d;
    }
    *out = n * esize;
    return true;
}

eo_status
eo_tensor_alloc(eo_tensor *t, eo_dtype dt, size_t rank, const int64_t *shape)
{
    memset(t, 0, sizeof *t);
    size_t nbytes;
    if (rank > EO_GRAPH_MAX_RANK || (rank && !shape)
        || eo_dtype_size(dt) == 0)
        return EO_ERROR;
    for (size_t i = 0; i < rank; i++)
        if (shape[i] < 0)
            return EO_ERROR;
    /* A size past SIZE_MAX cannot be allocated. */
    if (!tensor_bytes(dt, rank, shape, &nbytes))
        return EO_NOMEM;
    /* One byte at least, so that an empty tensor still has data. */
    void *data = calloc(nbytes ? nbytes : 1, 1);
    if (!data)
        return EO_NOMEM;
    t->dtype = dt;
    t->rank = rank;
    for (size_t i = 0; i < rank; i++)
        t->shape[i] = shape[i];
    t->data = data;
    t->nbytes = nbytes;
    t->borrowed = false;
    return EO_OK;
}

/* Whether 'type' is a ranked tensor type with a static shape of at most
 * EO_GRAPH_MAX_RANK dims and an element type the interpreter holds. */
static bool
host_type(const eo_type *type, eo_dtype *dt)
{
    if (!type || eo_type_get_kind(type) != EO_TYPE_TENSOR
        || eo_type_rank(type) > EO_GRAPH_MAX_RANK)
        return false;
    for (size_t i = 0; i < eo_type_rank(type); i++)
        if (eo_type_dim(type, i) < 0)
            return false;
    return eo_dtype_of_type(eo_type_elem(type), dt);
}

static bool
is_int_dtype(eo_dtype dt)
{
    return dt != EO_DT_F32 && dt != EO_DT_F64 && dt != EO_DT_F16
           && dt != EO_DT_BOOL;
}

/* Whether a tensor of 'got' may stand for an operand of quantized type
 * 'type' of host dtype 'want': a constant's value holds the stored values
 * as signless integers (i8 for u8 storage). */
static bool
storage_of(const eo_type *type, eo_dtype want, eo_dtype got)
{
    return eo_type_is_quant(eo_type_elem(type)) && is_int_dtype(got)
           && eo_dtype_size(got) == eo_dtype_size(want);
}

eo_status
eo_tensor_alloc_for_type(eo_tensor *t, const eo_type *type)
{
    eo_dtype dt;
    memset(t, 0, sizeof *t);
    if (!host_type(type, &dt))
        return EO_ERROR;
    return eo_tensor_alloc(t, dt, eo_type_rank(type), eo_type_shape(type));
}

void
eo_tensor_free(eo_tensor *t)
{
    if (!t)
        return;
    if (!t->borrowed)
        free(t->data);
    memset(t, 0, sizeof *t);
}

/* An owned deep copy of 'src' into 'dst'. */
static eo_status
tensor_clone(eo_tensor *dst, const eo_tensor *src)
{
    eo_status st = eo_tensor_alloc(dst, src->dtype, src->rank, src->shape);
    if (st != EO_OK)
        return st;
    if (dst->nbytes)
        memcpy(dst->data, src->data, dst->nbytes);
    return EO_OK;
}

/* Whether 'shape' of 'rank' dims is the shape of 'type'. */
static bool
same_shape(const eo_type *type, size_t rank, const int64_t *shape)
{
    if (eo_type_rank(type) != rank)
        return false;
    for (size_t i = 0; i < rank; i++)
        if (eo_type_dim(type, i) != shape[i])
            return false;
    return true;
}

/* "[1, 3, 224, 224]" */
static void
shape_str(eo_strbuf *b, size_t rank, const int64_t *shape)
{
    eo_strbuf_puts(b, "[");
    for (size_t i = 0; i < rank; i++)
        eo_strbuf_printf(b, "%s%lld", i ? ", " : "", (long long)shape[i]);
    eo_strbuf_puts(b, "]");
}

eo_status
eo_tensor_from_attr(eo_ctx *ctx, const eo_loc *loc, const eo_attr *a,
                    eo_tensor *out)
{
    memset(out, 0, sizeof *out);
    if (!loc)
        loc = eo_loc_unknown(ctx);
    eo_attr_kind kind = a ? eo_attr_get_kind(a) : EO_ATTR_UNIT;
    if (kind != EO_ATTR_DENSE && kind != EO_ATTR_DENSE_RESOURCE)
        return eo_emit_error(ctx, loc, "expected a dense or dense_resource "
                             "elements attribute");
    const eo_type *type = eo_attr_type(a);
    eo_dtype dt;
    if (!host_type(type, &dt)) {
        eo_strbuf b = { 0 };
        if (type)
            eo_type_print(type, &b);
        eo_status st = eo_emit_error(ctx, loc, "the interpreter cannot hold "
                                     "a constant of type %s",
                                     b.data ? b.data : "?");
        eo_strbuf_free(&b);
        return st;
    }
    size_t esize = eo_dtype_size(dt);
    if (eo_dense_elem_bytes(eo_type_elem(type)) != esize)
        return eo_emit_error(ctx, loc, "unexpected element size in a "
                             "constant of %s", eo_dtype_name(dt));
    size_t rank = eo_type_rank(type);
    const int64_t *shape = eo_type_shape(type);
    size_t nbytes;
    if (!tensor_bytes(dt, rank, shape, &nbytes))
        return eo_emit_error(ctx, loc, "constant too large");

    const void *data;
    size_t size = 0;
    bool splat = false;
    if (kind == EO_ATTR_DENSE) {
        data = eo_attr_dense_data(a, &size);
        splat = eo_attr_dense_is_splat(a);
    } else {
        eo_resource *res = eo_attr_resource(a);
        data = res ? eo_resource_data(res, &size) : NULL;
        if (!data)
            return eo_emit_error(ctx, loc, "dense_resource<%s> has no data",
                                 res ? eo_resource_key(res) : "?");
    }
    if (splat) {
        if (size != esize || !data)
            return eo_emit_error(ctx, loc, "malformed splat constant");
        eo_status st = eo_tensor_alloc(out, dt, rank, shape);
        if (st != EO_OK)
            return st;
        unsigned char *dst = out->data;
        for (size_t off = 0; off < nbytes; off += esize)
            memcpy(dst + off, data, esize);
        return EO_OK;
    }
    if (size != nbytes || (nbytes && !data))
        return eo_emit_error(ctx, loc, "constant holds %zu bytes, its type "
                             "needs %zu", size, nbytes);
    /* Kernels read elements through typed pointers: borrow only data
     * aligned for the element type, copy the rest. */
    if (nbytes == 0 || ((uintptr_t)data % esize) != 0) {
        eo_status st = eo_tensor_alloc(out, dt, rank, shape);
        if (st != EO_OK)
            return st;
        if (nbytes)
            memcpy(out->data, data, nbytes);
        return EO_OK;
    }
    out->dtype = dt;
    out->rank = rank;
    for (size_t i = 0; i < rank; i++)
        out->shape[i] = shape[i];
    out->data = (void *)(uintptr_t)data;
    out->nbytes = nbytes;
    out->borrowed = true;
    return EO_OK;
}

const eo_attr *
eo_tensor_to_attr(eo_ctx *ctx, const eo_tensor *t, const eo_type *type)
{
    eo_dtype dt;
    if (!ctx || !t || !host_type(type, &dt)
        || (dt != t->dtype && !storage_of(type, dt, t->dtype))
        || !same_shape(type, t->rank, t->shape))
        return NULL;
    const eo_type *elem = eo_type_elem(type);
    if (eo_type_is_quant(elem)) {
        elem = eo_quant_storage_type(elem);
        type = eo_type_get_tensor(ctx, t->rank, t->shape, elem, NULL);
        if (!type)
            return NULL;
    }
    size_t nbytes;
    if (!tensor_bytes(dt, t->rank, t->shape, &nbytes) || nbytes != t->nbytes
        || eo_dense_elem_bytes(elem) != eo_dtype_size(dt))
        return NULL;
    return eo_attr_get_dense(ctx, type, t->data, nbytes, false);
}

/* ------------------------------------------------------------------ */
/* Kernel selection                                                    */
/* ------------------------------------------------------------------ */

static bool
is_quant_value(const eo_value *v)
{
    return eo_type_is_quant(eo_type_elem_or_self(eo_value_type(v)));
}

interp_kernel
interp_kernel_for(eo_op *op)
{
    int k = eo_graph_op_kind(op);
    if (k < 0 || k == GRAPH_CONSTANT)
        return NULL;
    bool quant = k == GRAPH_QUANTIZE || k == GRAPH_DEQUANTIZE
                 || k == GRAPH_REQUANTIZE;
    for (size_t i = 0; !quant && i < eo_op_num_operands(op); i++)
        quant = is_quant_value(eo_op_operand(op, i));
    for (size_t i = 0; !quant && i < eo_op_num_results(op); i++)
        quant = is_quant_value(eo_op_result(op, i));
    if (quant)
        return interp_quant_kernel((eo_graph_op)k);
    interp_kernel kern = interp_nn_kernel((eo_graph_op)k);
    return kern ? kern : interp_elem_kernel((eo_graph_op)k);
}

/* ------------------------------------------------------------------ */
/* One op                                                              */
/* ------------------------------------------------------------------ */

/* Reports that value 'v' (operand or result 'i' of 'op') has a type the
 * interpreter cannot hold. */
static eo_status
bad_type(eo_op *op, const char *what, size_t i, const eo_value *v)
{
    eo_strbuf b = { 0 };
    eo_type_print(eo_value_type(v), &b);
    eo_status st = eo_op_error(op, "%s #%zu has type %s, which the "
                               "interpreter cannot hold (it needs a "
                               "statically shaped tensor)", what, i,
                               b.data ? b.data : "?");
    eo_strbuf_free(&b);
    return st;
}

/* graph.constant: its value as a tensor of the result type (borrowed
 * where possible). A quantized result relabels the storage values. */
static eo_status
run_constant(eo_op *op, eo_tensor *out)
{
    eo_ctx *ctx = eo_op_ctx(op);
    eo_dtype dt;
    if (eo_op_num_results(op) != 1)
        return eo_op_error(op, "expects one result");
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (!host_type(rt, &dt))
        return bad_type(op, "result", 0, eo_op_result(op, 0));
    eo_status st = eo_tensor_from_attr(ctx, eo_op_loc(op),
                                       eo_op_attr(op, "value"), out);
    if (st != EO_OK)
        return st;
    if (!same_shape(rt, out->rank, out->shape)
        || (out->dtype != dt && !storage_of(rt, dt, out->dtype))) {
        eo_tensor_free(out);
        return eo_op_error(op, "value does not match the result type");
    }
    out->dtype = dt;
    return EO_OK;
}

/* Checks that in[0..n) match the operand types of 'op'; *relabel is set
 * if some operand is a quantized type's storage under another integer
 * dtype. */
static eo_status
check_operands(eo_op *op, const eo_tensor *in, bool *relabel)
{
    *relabel = false;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        const eo_value *v = eo_op_operand(op, i);
        eo_dtype dt;
        if (!host_type(eo_value_type(v), &dt))
            return bad_type(op, "operand", i, v);
        bool as_storage = in[i].dtype != dt
                          && storage_of(eo_value_type(v), dt, in[i].dtype);
        size_t nbytes;
        *relabel |= as_storage;
        if ((in[i].dtype != dt && !as_storage)
            || !same_shape(eo_value_type(v), in[i].rank, in[i].shape)
            || !tensor_bytes(in[i].dtype, in[i].rank, in[i].shape, &nbytes)
            || in[i].nbytes != nbytes || (nbytes && !in[i].data)) {
            eo_strbuf b = { 0 };
            eo_type_print(eo_value_type(v), &b);
            eo_strbuf_printf(&b, ", got %s ", eo_dtype_name(in[i].dtype));
            shape_str(&b, in[i].rank, in[i].shape);
            eo_status st = eo_op_error(op, "operand #%zu expects %s", i,
                                       b.data ? b.data : "?");
            eo_strbuf_free(&b);
            return st;
        }
    }
    return EO_OK;
}

/* Allocates the results of 'op' and runs its kernel; on failure nothing
 * is left allocated in out[]. */
static eo_status
run_op(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    size_t nres = eo_op_num_results(op);
    interp_kernel kern = interp_kernel_for(op);
    if (!kern) {
        bool quant = false;
        for (size_t i = 0; i < eo_op_num_operands(op); i++)
            quant |= is_quant_value(eo_op_operand(op, i));
        for (size_t i = 0; i < nres; i++)
            quant |= is_quant_value(eo_op_result(op, i));
        return eo_op_error(op, "is unsupported by the interpreter%s",
                           quant ? " on quantized types" : "");
    }
    for (size_t i = 0; i < nres; i++)
        memset(&out[i], 0, sizeof out[i]);
    eo_status st = EO_OK;
    for (size_t i = 0; i < nres && st == EO_OK; i++) {
        const eo_value *r = eo_op_result(op, i);
        st = eo_tensor_alloc_for_type(&out[i], eo_value_type(r));
        if (st == EO_ERROR)
            st = bad_type(op, "result", i, r);
    }
    if (st == EO_OK)
        st = kern(op, in, out);
    if (st != EO_OK)
        for (size_t i = 0; i < nres; i++)
            eo_tensor_free(&out[i]);
    return st;
}

eo_status
eo_interp_op(eo_op *op, const eo_tensor *in, eo_tensor *out)
{
    if (!op || !out)
        return EO_ERROR;
    int k = eo_graph_op_kind(op);
    if (k == GRAPH_CONSTANT) {
        eo_tensor tmp;
        eo_status st = run_constant(op, &tmp);
        if (st != EO_OK)
            return st;
        if (!tmp.borrowed) {
            out[0] = tmp;
            return EO_OK;
        }
        return tensor_clone(&out[0], &tmp);
    }
    if (k < 0)
        return eo_op_error(op, "is unsupported by the interpreter");
    size_t nin = eo_op_num_operands(op);
    if (nin && !in)
        return EO_ERROR;
    bool relabel;
    eo_status st = check_operands(op, in, &relabel);
    if (st != EO_OK || !relabel)
        return st == EO_OK ? run_op(op, in, out) : st;
    /* Shallow copies with the operand types' dtypes. */
    eo_tensor *args = malloc(nin * sizeof *args);
    if (!args)
        return EO_NOMEM;
    for (size_t i = 0; i < nin; i++) {
        args[i] = in[i];
        eo_dtype_of_type(eo_type_elem(eo_value_type(eo_op_operand(op, i))),
                         &args[i].dtype);
    }
    st = run_op(op, args, out);
    free(args);
    return st;
}

/* ------------------------------------------------------------------ */
/* Whole functions                                                     */
/* ------------------------------------------------------------------ */

/* The tensor of one SSA value while the function runs. */
typedef struct vslot {
    const eo_value *key;    /* NULL: empty hash slot */
    eo_tensor t;            /* borrowed for inputs and borrowed constants */
    size_t uses_left;
    bool live;              /* t holds the value's tensor */
    long moved_to;          /* output index it was handed to, or -1 */
} vslot;

/* Open-addressing hash map from values to slots. */
typedef struct vmap {
    vslot *slots;
    size_t cap;             /* a power of two */
} vmap;

static size_t
vmap_hash(const eo_value *v, size_t cap)
{
    uint64_t x = (uint64_t)(uintptr_t)v;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (size_t)x & (cap - 1);
}

/* The slot of 'v', claimed if 'insert' and absent; NULL if absent. */
static vslot *
vmap_find(vmap *m, const eo_value *v, bool insert)
{
    size_t i = vmap_hash(v, m->cap);
    for (;;) {
        vslot *s = &m->slots[i];
        if (s->key == v)
            return s;
        if (!s->key) {
            if (!insert)
                return NULL;
            s->key = v;
            s->moved_to = -1;
            return s;
        }
        i = (i + 1) & (m->cap - 1);
    }
}

static void
vmap_free(vmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key && m->slots[i].moved_to < 0)
            eo_tensor_free(&m->slots[i].t);
    free(m->slots);
    m->slots = NULL;
}

/* Checks input 'i' against argument type 'type'. */
static eo_status
check_input(eo_ctx *ctx, const eo_loc *loc, size_t i, const eo_type *type,
            const eo_tensor *t)
{
    eo_dtype dt;
    if (!host_type(type, &dt)) {
        eo_strbuf b = { 0 };
        eo_type_print(type, &b);
        eo_status st = eo_emit_error(ctx, loc, "argument #%zu has type %s, "
                                     "which the interpreter cannot hold", i,
                                     b.data ? b.data : "?");
        eo_strbuf_free(&b);
        return st;
    }
    size_t nbytes;
    bool ok = t->dtype == dt && same_shape(type, t->rank, t->shape)
              && tensor_bytes(t->dtype, t->rank, t->shape, &nbytes)
              && t->nbytes == nbytes && (nbytes == 0 || t->data);
    if (ok)
        return EO_OK;
    eo_strbuf b = { 0 };
    eo_strbuf_printf(&b, "argument #%zu expects %s ", i, eo_dtype_name(dt));
    shape_str(&b, eo_type_rank(type), eo_type_shape(type));
    if (t->rank > EO_GRAPH_MAX_RANK) {
        eo_strbuf_printf(&b, ", got a tensor of rank %zu", t->rank);
    } else {
        eo_strbuf_printf(&b, ", got %s ", eo_dtype_name(t->dtype));
        shape_str(&b, t->rank, t->shape);
        if (t->dtype == dt && same_shape(type, t->rank, t->shape))
            eo_strbuf_printf(&b, " with %zu bytes of data", t->nbytes);
    }
    eo_status st = eo_emit_error(ctx, loc, "%s", b.data ? b.data : "?");
    eo_strbuf_free(&b);
    return st;
}

/* Drops one use of 'v'; frees its tensor after the last. */
static void
release_use(vmap *m, const eo_value *v)
{
    vslot *s = vmap_find(m, v, false);
    if (!s || !s->live)
        return;
    if (s->uses_left > 0)
        s->uses_left--;
    if (s->uses_left == 0 && s->moved_to < 0) {
        eo_tensor_free(&s->t);
        s->live = false;
    }
}

/* Hands func.return's operands over as outputs. */
static eo_status
take_outputs(eo_op *ret, vmap *m, size_t *nout, eo_tensor *out)
{
    size_t n = eo_op_num_operands(ret);
    if (n > *nout)
        return eo_op_error(ret, "returns %zu values, the caller has room "
                           "for %zu", n, *nout);
    for (size_t i = 0; i < n; i++)
        memset(&out[i], 0, sizeof out[i]);
    eo_status st = EO_OK;
    size_t done = 0;
    for (; done < n && st == EO_OK; done++) {
        vslot *s = vmap_find(m, eo_op_operand(ret, done), false);
        if (!s || (!s->live && s->moved_to < 0)) {
            st = eo_op_error(ret, "operand #%zu has no value", done);
            break;
        }
        if (s->moved_to >= 0) {
            st = tensor_clone(&out[done], &out[s->moved_to]);
        } else if (s->t.borrowed) {
            st = tensor_clone(&out[done], &s->t);
        } else {
            out[done] = s->t;
            s->moved_to = (long)done;
            s->live = false;
        }
    }
    if (st != EO_OK) {
        /* Moved tensors go with out[] (vmap_free skips moved slots). */
        for (size_t i = 0; i < n; i++)
            eo_tensor_free(&out[i]);
        return st;
    }
    *nout = n;
    return EO_OK;
}

/* Runs the entry block of 'func'. */
static eo_status
run_block(eo_op *func, eo_block *body, vmap *m, const eo_tensor *in,
          size_t *nout, eo_tensor *out)
{
    eo_ctx *ctx = eo_op_ctx(func);
    for (size_t i = 0; i < eo_block_num_args(body); i++) {
        eo_value *arg = eo_block_arg(body, i);
        eo_status st = check_input(ctx, eo_op_loc(func), i,
                                   eo_value_type(arg), &in[i]);
        if (st != EO_OK)
            return st;
        vslot *s = vmap_find(m, arg, true);
        s->t = in[i];
        s->t.borrowed = true;
        s->live = true;
        s->uses_left = eo_value_num_uses(arg);
    }
    /* Scratch for operand tensors, sized for the widest op. */
    size_t cap = 0;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        if (eo_op_num_operands(op) > cap)
            cap = eo_op_num_operands(op);
    eo_tensor *args = calloc(cap ? cap : 1, sizeof *args);
    if (!args)
        return EO_NOMEM;
    eo_status st = EO_OK;
    eo_op *op = eo_block_first(body);
    for (; op && st == EO_OK; op = eo_op_next(op)) {
        if (strcmp(eo_op_name_str(op), "func.return") == 0) {
            st = take_outputs(op, m, nout, out);
            break;
        }
        int k = eo_graph_op_kind(op);
        if (k < 0 || eo_op_num_regions(op) > 0) {
            st = eo_op_error(op, "is unsupported by the interpreter");
            break;
        }
        size_t nops = eo_op_num_operands(op);
        for (size_t i = 0; i < nops && st == EO_OK; i++) {
            vslot *s = vmap_find(m, eo_op_operand(op, i), false);
            if (!s || !s->live)
                st = eo_op_error(op, "operand #%zu is not defined before "
                                 "its use in the function body", i);
            else
                args[i] = s->t;
        }
        if (st != EO_OK)
            break;
        size_t nres = eo_op_num_results(op);
        eo_tensor one, *res = &one;
        if (nres > 1) {
            res = calloc(nres, sizeof *res);
            if (!res) {
                st = EO_NOMEM;
                break;
            }
        }
        if (k == GRAPH_CONSTANT)
            st = run_constant(op, res);
        else if (nres == 0)
            st = eo_op_error(op, "has no results");
        else
            st = run_op(op, args, res);
        if (st == EO_OK) {
            for (size_t i = 0; i < nres; i++) {
                eo_value *r = eo_op_result(op, i);
                vslot *s = vmap_find(m, r, true);
                s->t = res[i];
                s->live = true;
                s->uses_left = eo_value_num_uses(r);
                if (s->uses_left == 0) {
                    eo_tensor_free(&s->t);
                    s->live = false;
                }
            }
            for (size_t i = 0; i < nops; i++)
                release_use(m, eo_op_operand(op, i));
        }
        if (res != &one)
            free(res);
    }
    free(args);
    if (st == EO_OK && !op)
        st = eo_emit_error(ctx, eo_op_loc(func), "function body does not "
                           "end with func.return");
    return st;
}

eo_status
eo_interp_run(eo_op *func, size_t nin, const eo_tensor *in, size_t *nout,
              eo_tensor *out)
{
    if (!func || !nout || (nin && !in) || (*nout && !out))
        return EO_ERROR;
    eo_ctx *ctx = eo_op_ctx(func);
    if (strcmp(eo_op_name_str(func), "func.func") != 0
        || eo_op_num_regions(func) != 1)
        return eo_op_error(func, "is not a func.func the interpreter can "
                           "run");
    eo_region *r = eo_op_region(func, 0);
    if (eo_region_empty(r))
        return eo_op_error(func, "has no body to run");
    if (interp_loops_wanted(func, nin))
        return interp_loops_run(func, nin, in, nout, out);
    eo_block *body = eo_region_first(r);
    if (eo_block_num_args(body) != nin)
        return eo_emit_error(ctx, eo_op_loc(func), "function takes %zu "
                             "inputs, got %zu", eo_block_num_args(body), nin);

    /* Every block argument and op result gets a slot. */
    size_t nvals = nin;
    for (eo_op *op = eo_block_first(body); op; op = eo_op_next(op))
        nvals += eo_op_num_results(op);
    vmap m = { NULL, 16 };
    while (m.cap < 2 * nvals)
        m.cap *= 2;
    m.slots = calloc(m.cap, sizeof *m.slots);
    if (!m.slots)
        return EO_NOMEM;
    eo_status st = run_block(func, body, &m, in, nout, out);
    vmap_free(&m);
    return st;
}

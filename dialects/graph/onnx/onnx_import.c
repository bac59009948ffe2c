/* dialects/graph/onnx/onnx_import.c - ONNX ModelProto -> one func.func
 * of graph ops.
 *
 *   bytes -> protobuf-c unpack into an arena (the "model", refcounted:
 *            dense_resource blobs borrow its tensors, zero-copy)
 *         -> value table (tensor name -> IR value and/or known constant)
 *         -> one converter per node (onnx_ops.c), constant subgraphs
 *            (shape chains) folded on the way
 *         -> func.return, function type, verify.
 *
 * Diagnostics emitted while a node is converted (also by shape inference)
 * are prefixed "node 'NAME' (OpType): " by a handler installed for the
 * import. On any error the partial module is destroyed.
 */
#include "dialects/graph/onnx/onnx.h"
#include "dialects/dialects.h"
#include "dialects/func/func.h"
#include "dialects/graph/graph.h"
#include "dialects/graph/onnx/onnx_internal.h"
#include "dialects/quant/quant.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Nesting depth accepted in a serialized model (real models use < 10). */
#define MAX_PB_DEPTH 64

/* ------------------------------------------------------------------ */
/* The model: unpacked message + arena, kept alive by borrowed blobs   */
/* ------------------------------------------------------------------ */

static void
model_unref(void *ud)
{
    onnx_model *m = ud;
    if (m && --m->refs == 0) {
        onnx_arena_free(&m->arena);
        free(m);
    }
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

/* Re-emits 'd' through the handler that was installed before the import,
 * with 'msg' as its message. */
static void
forward_diag(onnx_importer *I, const eo_diag *d, const char *msg)
{
    eo_ctx_set_diag_handler(I->ctx, I->has_prev ? I->prev_h : NULL,
                            I->prev_ud);
    eo_diag_builder *b = eo_diag_begin(I->ctx, d->severity, d->loc, "%s",
                                       msg);
    for (size_t i = 0; i < d->num_notes; i++)
        eo_diag_note(b, d->notes[i].loc, "%s", d->notes[i].message);
    (void)eo_diag_emit(b);
    eo_ctx_set_diag_handler(I->ctx, onnx_diag_handler, I);
}

void
onnx_diag_handler(const eo_diag *d, void *ud)
{
    onnx_importer *I = ud;
    if (!I->node || d->severity == EO_SEV_NOTE) {
        forward_diag(I, d, d->message);
        return;
    }
    eo_strbuf b = { 0 };
    eo_strbuf_printf(&b, "node '%s' (%s): %s", I->node_name,
                     I->node->op_type ? I->node->op_type : "", d->message);
    forward_diag(I, d, b.oom ? d->message : b.data);
    eo_strbuf_free(&b);
}

eo_status
onnx_error(onnx_importer *I, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof(small)) {
        char *big = malloc((size_t)n + 1);
        if (big) {
            va_start(ap, fmt);
            vsnprintf(big, (size_t)n + 1, fmt, ap);
            va_end(ap);
            eo_emit_error(I->ctx, I->loc, "%s", big);
            free(big);
            return EO_ERROR;
        }
    }
    return eo_emit_error(I->ctx, I->loc, "%s", small);
}

eo_status
onnx_nomem(onnx_importer *I)
{
    I->oom = true;
    eo_emit_error(I->ctx, I->loc, "out of memory");
    return EO_NOMEM;
}

/* ------------------------------------------------------------------ */
/* Value table                                                         */
/* ------------------------------------------------------------------ */

static uint64_t
hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

onnx_val *
onnx_lookup(onnx_importer *I, const char *name)
{
    if (!name || !*name)
        return NULL;
    size_t mask = I->cap - 1;
    for (size_t i = hash_str(name) & mask;; i = (i + 1) & mask) {
        onnx_val *v = &I->tab[i];
        if (!v->name)
            return NULL;
        if (strcmp(v->name, name) == 0)
            return v;
    }
}

/* The slot for 'name' (reset if it existed: ONNX names are SSA, a
 * redefinition shadows). NULL if the table is full. */
static onnx_val *
table_define(onnx_importer *I, const char *name)
{
    size_t mask = I->cap - 1;
    for (size_t i = hash_str(name) & mask, n = 0; n < I->cap;
         i = (i + 1) & mask, n++) {
        onnx_val *v = &I->tab[i];
        if (!v->name || strcmp(v->name, name) == 0) {
            if (!v->name)
                I->used++;
            memset(v, 0, sizeof(*v));
            v->name = name;
            return v;
        }
    }
    return NULL;
}

eo_status
onnx_define(onnx_importer *I, const char *name, eo_value *v, onnx_cst *c,
            const Onnx__TensorProto *init)
{
    if (!name || !*name)
        return EO_OK;
    if (I->used + 1 > I->cap / 2)
        return onnx_error(I, "too many tensors");
    onnx_val *s = table_define(I, name);
    if (!s)
        return onnx_error(I, "too many tensors");
    s->v = v;
    s->c = c;
    s->init = init;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

const eo_type *
onnx_elem_type(onnx_importer *I, int32_t dt)
{
    eo_ctx *ctx = I->ctx;
    switch (dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT:
        return eo_type_get_float(ctx, EO_F32);
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8:
        return eo_type_get_int_signed(ctx, 8, EO_UNSIGNED);
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8:
        return eo_type_get_int(ctx, 8);
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32:
        return eo_type_get_int(ctx, 32);
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64:
        return eo_type_get_int(ctx, 64);
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL:
        return eo_type_get_int(ctx, 1);
    default:
        return NULL;
    }
}

int32_t
onnx_dt_of_elem(const eo_type *e)
{
    eo_quant_params qp;
    if (eo_quant_get_params(e, &qp)) {
        if (qp.storage_bits == 8)
            return qp.is_signed ? ONNX__TENSOR_PROTO__DATA_TYPE__INT8
                                : ONNX__TENSOR_PROTO__DATA_TYPE__UINT8;
        if (qp.storage_bits == 32 && qp.is_signed)
            return ONNX__TENSOR_PROTO__DATA_TYPE__INT32;
        return 0;
    }
    if (eo_type_is_float(e) && eo_type_float_kind(e) == EO_F32)
        return ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
    if (!eo_type_is_int(e))
        return 0;
    unsigned w = eo_type_int_width(e);
    if (eo_type_int_signedness(e) == EO_UNSIGNED)
        return w == 8 ? ONNX__TENSOR_PROTO__DATA_TYPE__UINT8 : 0;
    switch (w) {
    case 1: return ONNX__TENSOR_PROTO__DATA_TYPE__BOOL;
    case 8: return ONNX__TENSOR_PROTO__DATA_TYPE__INT8;
    case 32: return ONNX__TENSOR_PROTO__DATA_TYPE__INT32;
    case 64: return ONNX__TENSOR_PROTO__DATA_TYPE__INT64;
    default: return 0;
    }
}

const eo_type *
onnx_tensor_type(onnx_importer *I, size_t rank, const int64_t *shape,
                 const eo_type *elem)
{
    const eo_type *t = elem ? eo_type_get_tensor(I->ctx, rank, shape, elem,
                                                 NULL)
                            : NULL;
    if (!t)
        onnx_nomem(I);
    return t;
}

/* ------------------------------------------------------------------ */
/* Constants                                                           */
/* ------------------------------------------------------------------ */

onnx_cst *
onnx_cst_new(onnx_importer *I, int32_t dt, size_t rank, const int64_t *shape)
{
    onnx_cst *c = onnx_arena_alloc(&I->scratch, sizeof(*c));
    if (!c) {
        onnx_nomem(I);
        return NULL;
    }
    memset(c, 0, sizeof(*c));
    c->t.dt = dt;
    c->t.rank = rank;
    int64_t n = 1;
    for (size_t i = 0; i < rank; i++) {
        c->t.shape[i] = shape[i];
        if (shape[i] < 0 || (shape[i] && n > ONNX_MAX_FOLD_NUMEL / shape[i])) {
            onnx_error(I, "unsupported: computing a constant of more than "
                       "%lld elements", (long long)ONNX_MAX_FOLD_NUMEL);
            return NULL;
        }
        n *= shape[i];
    }
    c->t.numel = n;
    c->t.nbytes = (size_t)n * onnx_dtype_size(dt);
    void *d = onnx_arena_alloc(&I->scratch, c->t.nbytes ? c->t.nbytes : 1);
    if (!d) {
        onnx_nomem(I);
        return NULL;
    }
    memset(d, 0, c->t.nbytes);
    c->t.data = d;
    return c;
}

onnx_cst *
onnx_val_cst(onnx_importer *I, onnx_val *x)
{
    if (!x)
        return NULL;
    if (x->c || !x->init)
        return x->c;
    onnx_cst *c = onnx_arena_alloc(&I->scratch, sizeof(*c));
    if (!c) {
        onnx_nomem(I);
        return NULL;
    }
    memset(c, 0, sizeof(*c));
    if (onnx_tensor_decode(I->ctx, I->loc, x->init, x->name, false,
                           &I->model->arena, &c->t) != EO_OK) {
        I->failed = true;
        return NULL;
    }
    if (onnx_check_dims(I, &c->t, x->name) != EO_OK) {
        I->failed = true;
        return NULL;
    }
    c->model_data = true;
    c->key = x->name;
    c->initializer = true;
    x->c = c;
    return c;
}

eo_status
onnx_check_dims(onnx_importer *I, const onnx_tensor_data *t,
                const char *name)
{
    for (size_t i = 0; i < t->rank; i++)
        if (t->shape[i] > ONNX_MAX_DIM)
            return onnx_error(I, "tensor '%s': unsupported: dimension %lld",
                              name, (long long)t->shape[i]);
    return EO_OK;
}

int64_t
onnx_cst_int(const onnx_cst *c, int64_t i)
{
    const unsigned char *p = c->t.data;
    switch (c->t.dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: {
        int64_t v;
        memcpy(&v, p + 8 * i, 8);
        return v;
    }
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: {
        int32_t v;
        memcpy(&v, p + 4 * i, 4);
        return v;
    }
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8:
        return (int8_t)p[i];
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8:
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL:
        return p[i];
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: {
        float f;
        memcpy(&f, p + 4 * i, 4);
        return f >= -9.2e18f && f <= 9.2e18f ? (int64_t)f : 0;
    }
    default:
        return 0;
    }
}

double
onnx_cst_float(const onnx_cst *c, int64_t i)
{
    if (c->t.dt == ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT) {
        float f;
        memcpy(&f, (const unsigned char *)c->t.data + 4 * i, 4);
        return f;
    }
    return (double)onnx_cst_int(c, i);
}

void
onnx_cst_set(onnx_cst *c, int64_t i, int64_t iv, double fv)
{
    unsigned char *p = (unsigned char *)c->t.data;
    switch (c->t.dt) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64:
        memcpy(p + 8 * i, &iv, 8);
        break;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: {
        int32_t v = (int32_t)iv;
        memcpy(p + 4 * i, &v, 4);
        break;
    }
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8:
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8:
        p[i] = (unsigned char)(iv & 0xff);
        break;
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL:
        p[i] = iv != 0;
        break;
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: {
        float f = (float)fv;
        memcpy(p + 4 * i, &f, 4);
        break;
    }
    default:
        break;
    }
}

/* A valid MLIR bare identifier made of 's' (resource keys, symbols). */
static void
sanitize_ident(const char *s, char *out, size_t size, const char *fallback)
{
    size_t n = 0;
    if (!s || !*s)
        s = fallback;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
          *s == '_'))
        out[n++] = '_';
    for (; *s && n + 1 < size; s++) {
        char ch = *s;
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
                  ch == '$';
        out[n++] = ok ? ch : '_';
    }
    out[n] = 0;
}

/* The value attribute of a constant: a borrowed dense_resource for model
 * data (initializers, and big Constant nodes), dense<...> otherwise. */
static const eo_attr *
cst_attr(onnx_importer *I, const onnx_cst *c, const eo_type *vtype)
{
    size_t es = onnx_dtype_size(c->t.dt);
    bool resource = c->t.nbytes > 0 &&
                    (c->initializer || c->t.numel > 16);
    if (!resource)
        return eo_attr_get_dense(I->ctx, vtype, c->t.data, c->t.nbytes,
                                 false);
    char key[128];
    sanitize_ident(c->key, key, sizeof(key), "cst");
    eo_resource *r;
    if (c->model_data && ((uintptr_t)c->t.data % es) == 0) {
        I->model->refs++;
        r = eo_resource_create_borrowed(I->ctx, key, c->t.data, c->t.nbytes,
                                        (uint32_t)es, model_unref, I->model);
        if (!r)
            I->model->refs--;
    } else {
        r = eo_resource_create(I->ctx, key, c->t.data, c->t.nbytes,
                               (uint32_t)es);
    }
    return r ? eo_attr_get_dense_resource(I->ctx, vtype, r) : NULL;
}

/* Creates a graph.constant of 'c' whose result type is 'rtype' (a
 * tensor of c's element type, or of a quant type over its storage). */
static eo_value *
emit_constant(onnx_importer *I, const onnx_cst *c, const eo_type *rtype,
              const char *name)
{
    const eo_type *relem = eo_type_elem(rtype);
    const eo_type *velem = eo_type_is_quant(relem)
                               ? eo_quant_storage_type(relem)
                               : relem;
    const eo_type *vtype = onnx_tensor_type(I, c->t.rank, c->t.shape, velem);
    if (!vtype)
        return NULL;
    const eo_attr *value = cst_attr(I, c, vtype);
    if (!value) {
        onnx_nomem(I);
        return NULL;
    }
    eo_op_state st;
    eo_op_state_init(&st, I->ctx, "graph.constant", I->loc);
    if (eo_op_state_set_attr(&st, "value", value) != EO_OK ||
        eo_op_state_add_result(&st, rtype) != EO_OK ||
        (name && *name &&
         eo_op_state_set_attr(&st, "name",
                              eo_attr_get_string(I->ctx, name, strlen(name),
                                                 NULL)) != EO_OK)) {
        eo_op_state_release(&st);
        onnx_nomem(I);
        return NULL;
    }
    eo_op *op = eo_builder_insert(&I->b, &st);
    if (!op) {
        onnx_nomem(I);
        return NULL;
    }
    return eo_op_result(op, 0);
}

eo_value *
onnx_materialize(onnx_importer *I, onnx_val *x, const eo_type *want_elem)
{
    if (x->v && (!want_elem || eo_type_elem(eo_value_type(x->v)) ==
                                   want_elem))
        return x->v;
    onnx_cst *c = onnx_val_cst(I, x);
    if (!c) {
        if (!I->failed && !I->oom)
            onnx_error(I, "unsupported: tensor '%s' has no value", x->name);
        return NULL;
    }
    const eo_type *plain = onnx_elem_type(I, c->t.dt);
    if (!plain) {
        char b[16];
        onnx_error(I, "tensor '%s': unsupported data type %s", x->name,
                   onnx_dtype_name(c->t.dt, b));
        return NULL;
    }
    const eo_type *elem = want_elem ? want_elem : plain;
    if (want_elem && want_elem != plain) {
        if (onnx_dt_of_elem(want_elem) != c->t.dt ||
            !eo_type_is_quant(want_elem)) {
            onnx_error(I, "unsupported: constant '%s' cannot be used as "
                       "a different element type", x->name);
            return NULL;
        }
    }
    const eo_type *rt = onnx_tensor_type(I, c->t.rank, c->t.shape, elem);
    if (!rt)
        return NULL;
    eo_value *v = emit_constant(I, c, rt, c->initializer ? x->name : NULL);
    if (v && !x->v)
        x->v = v;
    return v;
}

/* ------------------------------------------------------------------ */
/* Emitting graph ops                                                  */
/* ------------------------------------------------------------------ */

void
onnx_al_set(onnx_importer *I, onnx_alist *l, const char *name,
            const eo_attr *a)
{
    if (!a) {
        l->oom = true;
        return;
    }
    const eo_ident *id = eo_ident_cstr(I->ctx, name);
    if (!id) {
        l->oom = true;
        return;
    }
    for (size_t i = 0; i < l->n; i++) {
        if (l->a[i].name == id) {
            l->a[i].value = a;
            return;
        }
    }
    if (l->n == ONNX_MAX_ATTRS) {
        l->oom = true;
        return;
    }
    l->a[l->n].name = id;
    l->a[l->n].value = a;
    l->n++;
}

void
onnx_al_int(onnx_importer *I, onnx_alist *l, const char *name, int64_t v)
{
    onnx_al_set(I, l, name, eo_attr_get_int(I->ctx,
                                            eo_type_get_int(I->ctx, 64), v));
}

void
onnx_al_ints(onnx_importer *I, onnx_alist *l, const char *name, size_t n,
             const int64_t *v)
{
    onnx_al_set(I, l, name, eo_attr_get_dense_array(
                                I->ctx, eo_type_get_int(I->ctx, 64), n, v));
}

void
onnx_al_f64s(onnx_importer *I, onnx_alist *l, const char *name, size_t n,
             const double *v)
{
    onnx_al_set(I, l, name,
                eo_attr_get_dense_array(I->ctx,
                                        eo_type_get_float(I->ctx, EO_F64), n,
                                        v));
}

void
onnx_al_f32(onnx_importer *I, onnx_alist *l, const char *name, double v)
{
    onnx_al_set(I, l, name, eo_attr_get_float(I->ctx,
                                               eo_type_get_float(I->ctx,
                                                                 EO_F32),
                                               v));
}

void
onnx_al_str(onnx_importer *I, onnx_alist *l, const char *name,
            const char *s)
{
    onnx_al_set(I, l, name, eo_attr_get_string(I->ctx, s, strlen(s), NULL));
}

void
onnx_al_bool(onnx_importer *I, onnx_alist *l, const char *name, bool v)
{
    onnx_al_set(I, l, name, eo_attr_get_bool(I->ctx, v));
}

eo_op *
onnx_emit(onnx_importer *I, eo_graph_op k, size_t nops,
          eo_value *const *ops, onnx_alist *l, const eo_type *elem,
          const char *suffix)
{
    onnx_alist empty = { 0 };
    if (!l)
        l = &empty;
    if (l->oom) {
        onnx_nomem(I);
        return NULL;
    }
    const eo_type *types[ONNX_MAX_OPERANDS];
    if (nops > ONNX_MAX_OPERANDS) {
        onnx_error(I, "unsupported: %zu operands", nops);
        return NULL;
    }
    for (size_t i = 0; i < nops; i++)
        types[i] = eo_value_type(ops[i]);
    const eo_attr *dict = eo_attr_get_dict(I->ctx, l->n, l->a);
    if (!dict) {
        onnx_nomem(I);
        return NULL;
    }
    size_t nres = ONNX_MAX_RESULTS;
    size_t *ranks = I->ranks;
    int64_t (*shapes)[EO_GRAPH_MAX_RANK] = I->shapes;
    if (eo_graph_infer_shapes(I->ctx, I->loc, k, nops, types, dict, &nres,
                              ranks, shapes) != EO_OK) {
        I->failed = true;
        return NULL;
    }
    if (!elem)
        elem = nops ? eo_type_elem(types[0]) : NULL;
    eo_op_state st;
    eo_op_state_init(&st, I->ctx, eo_graph_op_name(k), I->loc);
    if (!st.def) {
        eo_op_state_release(&st);
        onnx_error(I, "'%s' is not registered", eo_graph_op_name(k));
        return NULL;
    }
    bool ok = eo_op_state_add_operands(&st, nops, ops) == EO_OK;
    for (size_t i = 0; ok && i < nres; i++) {
        const eo_type *t = eo_type_get_tensor(I->ctx, ranks[i], shapes[i],
                                              elem, NULL);
        ok = t && eo_op_state_add_result(&st, t) == EO_OK;
    }
    for (size_t i = 0; ok && i < l->n; i++)
        ok = eo_op_state_set_attr(&st, eo_ident_str(l->a[i].name),
                                  l->a[i].value) == EO_OK;
    if (ok) {
        eo_strbuf name = { 0 };
        eo_strbuf_printf(&name, "%s%s", I->node_name, suffix ? suffix : "");
        const eo_attr *na = name.oom ? NULL
                                     : eo_attr_get_string(I->ctx, name.data,
                                                          name.len, NULL);
        eo_strbuf_free(&name);
        ok = na && eo_op_state_set_attr(&st, "name", na) == EO_OK;
    }
    if (!ok) {
        eo_op_state_release(&st);
        onnx_nomem(I);
        return NULL;
    }
    eo_op *op = eo_builder_insert(&I->b, &st);
    if (!op)
        onnx_nomem(I);
    return op;
}

/* ------------------------------------------------------------------ */
/* The import                                                          */
/* ------------------------------------------------------------------ */

static const char *
ai_onnx_domain(const char *d)
{
    return !d || !*d || strcmp(d, "ai.onnx") == 0 ? "" : d;
}

/* A graph input: its tensor type (dynamic dims resolved), or an error. */
static const eo_type *
input_type(onnx_importer *I, const Onnx__ValueInfoProto *vi)
{
    const char *name = vi->name;
    const Onnx__TypeProto *tp = vi->type;
    if (!tp || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE ||
        !tp->tensor_type) {
        onnx_error(I, "input '%s': unsupported: not a tensor", name);
        return NULL;
    }
    const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
    int32_t dt = tt->has_elem_type ? tt->elem_type : 0;
    const eo_type *elem = onnx_elem_type(I, dt);
    if (!elem) {
        char b[16];
        onnx_error(I, "input '%s': unsupported data type %s", name,
                   onnx_dtype_name(dt, b));
        return NULL;
    }
    if (!tt->shape) {
        onnx_error(I, "input '%s': unsupported: unknown rank (dynamic "
                   "shape)", name);
        return NULL;
    }
    if (tt->shape->n_dim > EO_GRAPH_MAX_RANK) {
        onnx_error(I, "input '%s': unsupported: rank %zu", name,
                   tt->shape->n_dim);
        return NULL;
    }
    int64_t shape[EO_GRAPH_MAX_RANK], numel = 1;
    for (size_t i = 0; i < tt->shape->n_dim; i++) {
        const Onnx__TensorShapeProto__Dimension *d = tt->shape->dim[i];
        if (d->value_case ==
                ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE &&
            d->dim_value >= 0) {
            shape[i] = d->dim_value;
            continue;
        }
        if (I->dynamic_dim > 0) {
            shape[i] = I->dynamic_dim;
            continue;
        }
        const char *param =
            d->value_case ==
                    ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM &&
                    d->dim_param
                ? d->dim_param
                : "?";
        onnx_error(I, "input '%s': unsupported: dynamic dimension %zu "
                   "('%s'); give its size with dynamic_dim "
                   "(--onnx-dynamic-dim)", name, i, param);
        return NULL;
    }
    for (size_t i = 0; i < tt->shape->n_dim; i++) {
        if (shape[i] > ONNX_MAX_DIM ||
            (shape[i] && numel > ONNX_MAX_NUMEL / shape[i])) {
            onnx_error(I, "input '%s': unsupported: too many elements",
                       name);
            return NULL;
        }
        numel *= shape[i];
    }
    return onnx_tensor_type(I, tt->shape->n_dim, shape, elem);
}

/* The index in opts.bind_names of graph input 'name', or -1. */
static long
bound_index(const onnx_importer *I, const char *name)
{
    for (size_t i = 0; i < I->opts.num_bind; i++)
        if (I->opts.bind_names[i] && !strcmp(I->opts.bind_names[i], name))
            return (long)i;
    return -1;
}

/* Defines graph input 'vi' as the constant opts.bind_values[k] (its data
 * borrowed for the import: the constant it becomes copies it). */
static eo_status
bind_input(onnx_importer *I, const Onnx__ValueInfoProto *vi, size_t k)
{
    const eo_tensor *t = &I->opts.bind_values[k];
    const char *name = vi->name;
    static const struct { eo_dtype e; int32_t o; } dts[] = {
        { EO_DT_F32, ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT },
        { EO_DT_U8, ONNX__TENSOR_PROTO__DATA_TYPE__UINT8 },
        { EO_DT_I8, ONNX__TENSOR_PROTO__DATA_TYPE__INT8 },
        { EO_DT_I32, ONNX__TENSOR_PROTO__DATA_TYPE__INT32 },
        { EO_DT_I64, ONNX__TENSOR_PROTO__DATA_TYPE__INT64 },
        { EO_DT_BOOL, ONNX__TENSOR_PROTO__DATA_TYPE__BOOL },
    };
    int32_t dt = 0;
    for (size_t i = 0; i < sizeof(dts) / sizeof(dts[0]); i++)
        if (dts[i].e == t->dtype)
            dt = dts[i].o;
    if (!dt)
        return onnx_error(I, "input '%s': unsupported data type %s of the "
                          "bound value", name, eo_dtype_name(t->dtype));
    const Onnx__TypeProto *tp = vi->type;
    if (!tp || tp->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE ||
        !tp->tensor_type)
        return onnx_error(I, "input '%s': unsupported: not a tensor", name);
    const Onnx__TypeProto__Tensor *tt = tp->tensor_type;
    int32_t want = tt->has_elem_type ? tt->elem_type : 0;
    if (want != dt) {
        char b1[16], b2[16];
        return onnx_error(I, "input '%s' is %s, the value bound to it %s",
                          name, onnx_dtype_name(want, b1),
                          onnx_dtype_name(dt, b2));
    }
    if (t->rank > EO_GRAPH_MAX_RANK ||
        (tt->shape && tt->shape->n_dim != t->rank))
        return onnx_error(I, "input '%s': the bound value has rank %zu, "
                          "the input %zu", name, t->rank,
                          tt->shape ? tt->shape->n_dim : 0);
    for (size_t i = 0; tt->shape && i < t->rank; i++) {
        const Onnx__TensorShapeProto__Dimension *d = tt->shape->dim[i];
        if (d->value_case ==
                ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE &&
            d->dim_value >= 0 && d->dim_value != t->shape[i])
            return onnx_error(I, "input '%s': dimension %zu of the bound "
                              "value is %lld, not %lld", name, i,
                              (long long)t->shape[i],
                              (long long)d->dim_value);
    }
    onnx_cst *c = onnx_arena_alloc(&I->scratch, sizeof(*c));
    if (!c)
        return onnx_nomem(I);
    memset(c, 0, sizeof(*c));
    c->t.dt = dt;
    c->t.rank = t->rank;
    int64_t n = 1;
    for (size_t i = 0; i < t->rank; i++) {
        c->t.shape[i] = t->shape[i];
        if (t->shape[i] < 0 ||
            (t->shape[i] && n > ONNX_MAX_NUMEL / t->shape[i]))
            return onnx_error(I, "input '%s': unsupported: too many "
                              "elements", name);
        n *= t->shape[i];
    }
    c->t.numel = n;
    c->t.nbytes = (size_t)n * onnx_dtype_size(dt);
    if (c->t.nbytes > t->nbytes || (c->t.nbytes && !t->data))
        return onnx_error(I, "input '%s': the bound value holds %zu bytes, "
                          "not %zu", name, t->nbytes, c->t.nbytes);
    c->t.data = t->data;
    if (onnx_check_dims(I, &c->t, name) != EO_OK)
        return EO_ERROR;
    c->initializer = true;
    c->key = name;
    return onnx_define(I, name, NULL, c, NULL);
}

static eo_status
import_graph(onnx_importer *I, const Onnx__ModelProto *m)
{
    const Onnx__GraphProto *g = m->graph;
    if (!g)
        return onnx_error(I, "failed to parse ONNX model: no graph");
    /* Opset of the default domain. */
    int64_t opset = -1;
    for (size_t i = 0; i < m->n_opset_import; i++) {
        const Onnx__OperatorSetIdProto *o = m->opset_import[i];
        if (!*ai_onnx_domain(o->domain))
            opset = o->has_version ? o->version : 1;
    }
    if (opset < 0)
        return onnx_error(I, "unsupported: the model imports no ai.onnx "
                          "opset");
    if (opset < 1 || opset > 21)
        return onnx_error(I, "unsupported: opset %lld of ai.onnx (1 to 21 "
                          "are supported)", (long long)opset);
    I->opset = (int)opset;
    if (g->n_sparse_initializer)
        return onnx_error(I, "unsupported: sparse initializers");

    /* Value table: a power of two at least 4x the names. */
    size_t names = g->n_initializer + g->n_input + 16;
    for (size_t i = 0; i < g->n_node; i++)
        names += g->node[i]->n_output;
    I->cap = 64;
    while (I->cap < names * 4)
        I->cap *= 2;
    I->tab = calloc(I->cap, sizeof(*I->tab));
    if (!I->tab)
        return onnx_nomem(I);

    /* Arguments: graph inputs without an initializer. */
    for (size_t i = 0; i < g->n_initializer; i++) {
        const Onnx__TensorProto *t = g->initializer[i];
        if (!t->name || !*t->name)
            return onnx_error(I, "initializer %zu has no name", i);
        if (onnx_define(I, t->name, NULL, NULL, t) != EO_OK)
            return EO_ERROR;
    }
    const eo_type **args = calloc(g->n_input + 1, sizeof(*args));
    size_t *arg_of = calloc(g->n_input + 1, sizeof(*arg_of));
    size_t nargs = 0, bound = 0;
    eo_status st = args && arg_of ? EO_OK : onnx_nomem(I);
    if (I->opts.num_bind && (!I->opts.bind_names || !I->opts.bind_values))
        st = onnx_error(I, "bind_names and bind_values must be given");
    for (size_t i = 0; st == EO_OK && i < I->opts.num_bind; i++) {
        const char *bn = I->opts.bind_names[i];
        if (!bn || bound_index(I, bn) != (long)i)
            st = onnx_error(I, "input '%s' is bound twice", bn ? bn : "");
    }
    for (size_t i = 0; st == EO_OK && i < g->n_input; i++) {
        const Onnx__ValueInfoProto *vi = g->input[i];
        if (!vi->name || !*vi->name) {
            st = onnx_error(I, "input %zu has no name", i);
            break;
        }
        onnx_val *x = onnx_lookup(I, vi->name);
        long k = bound_index(I, vi->name);
        if (x && !x->init) {
            st = onnx_error(I, "input '%s' is listed twice", vi->name);
            break;
        }
        if (k >= 0) {
            /* Bound: a constant, overriding an initializer. */
            if ((st = bind_input(I, vi, (size_t)k)) != EO_OK)
                break;
            bound++;
            continue;
        }
        if (x && x->init)
            continue;
        args[nargs] = input_type(I, vi);
        if (!args[nargs]) {
            st = EO_ERROR;
            break;
        }
        arg_of[nargs++] = i;
    }
    if (st == EO_OK && bound != I->opts.num_bind) {
        for (size_t i = 0; i < I->opts.num_bind; i++) {
            bool found = false;
            for (size_t j = 0; !found && j < g->n_input; j++)
                found = g->input[j]->name &&
                        !strcmp(g->input[j]->name, I->opts.bind_names[i]);
            if (!found) {
                st = onnx_error(I, "cannot bind '%s': the model has no "
                                "input of that name", I->opts.bind_names[i]);
                break;
            }
        }
    }
    if (st != EO_OK) {
        free(args);
        free(arg_of);
        return st;
    }

    /* The function, its name, its arguments. */
    char fn[256];
    if (I->opts.func_name)
        snprintf(fn, sizeof(fn), "%s", I->opts.func_name);
    else
        sanitize_ident(g->name, fn, sizeof(fn), "main");
    const eo_type *fty = eo_type_get_function(I->ctx, nargs, args, 0, NULL);
    I->module = eo_module_create(I->ctx, I->file_loc);
    I->func = fty && I->module
                  ? func_create(I->ctx, I->file_loc, fn, fty, false)
                  : NULL;
    if (!I->func) {
        free(args);
        free(arg_of);
        return onnx_nomem(I);
    }
    eo_block_append(eo_module_body(I->module), I->func);
    eo_block *body = func_entry_block(I->func);
    for (size_t i = 0; st == EO_OK && i < nargs; i++) {
        const Onnx__ValueInfoProto *vi = g->input[arg_of[i]];
        eo_value *a = eo_block_arg(body, i);
        eo_value_set_loc(a, eo_loc_name(I->ctx, eo_ident_cstr(I->ctx,
                                                              vi->name),
                                        I->file_loc));
        st = onnx_define(I, vi->name, a, NULL, NULL);
    }
    free(args);
    free(arg_of);
    if (st != EO_OK)
        return st;
    eo_builder_init(&I->b, I->ctx);
    eo_builder_set_end(&I->b, body);

    /* Nodes. */
    for (size_t i = 0; i < g->n_node; i++) {
        const Onnx__NodeProto *n = g->node[i];
        char gen[160];
        const char *name = n->name;
        if (!name || !*name) {
            snprintf(gen, sizeof(gen), "%.100s_%zu",
                     n->op_type ? n->op_type : "node", i);
            name = gen;
        }
        I->node = n;
        I->node_index = i;
        if (name == gen) {
            snprintf(I->node_name_buf, sizeof(I->node_name_buf), "%s", gen);
            name = I->node_name_buf;
        }
        I->node_name = name;
        I->loc = eo_loc_name(I->ctx, eo_ident_cstr(I->ctx, I->node_name),
                             I->file_loc);
        if (!n->op_type || !*n->op_type)
            return onnx_error(I, "node has no op_type");
        const char *dom = ai_onnx_domain(n->domain);
        if (*dom)
            return onnx_error(I, "unsupported: domain '%s'", dom);
        for (size_t k = 0; k < n->n_input; k++) {
            if (n->input[k] && *n->input[k] &&
                !onnx_lookup(I, n->input[k]))
                return onnx_error(I, "input '%s' is not defined (the nodes "
                                  "must be sorted topologically)",
                                  n->input[k]);
        }
        st = onnx_convert_node(I);
        if (st == EO_OK && (I->failed || I->oom))
            st = EO_ERROR;
        if (st != EO_OK)
            return st;
    }
    I->node = NULL;
    I->loc = I->file_loc;

    /* Results. */
    size_t nout = g->n_output;
    eo_value **outs = calloc(nout + 1, sizeof(*outs));
    const eo_type **otypes = calloc(nout + 1, sizeof(*otypes));
    if (!outs || !otypes) {
        free(outs);
        free(otypes);
        return onnx_nomem(I);
    }
    for (size_t i = 0; st == EO_OK && i < nout; i++) {
        const char *on = g->output[i]->name;
        onnx_val *x = onnx_lookup(I, on);
        if (!x) {
            st = onnx_error(I, "output '%s' is not defined", on ? on : "");
            break;
        }
        outs[i] = onnx_materialize(I, x, NULL);
        if (!outs[i]) {
            st = EO_ERROR;
            break;
        }
        otypes[i] = eo_value_type(outs[i]);
    }
    if (st == EO_OK) {
        eo_op_state rs;
        eo_op_state_init(&rs, I->ctx, "func.return", I->file_loc);
        if (eo_op_state_add_operands(&rs, nout, outs) != EO_OK ||
            !eo_builder_insert(&I->b, &rs))
            st = onnx_nomem(I);
    }
    if (st == EO_OK) {
        size_t na = eo_block_num_args(body);
        const eo_type **ain = calloc(na + 1, sizeof(*ain));
        if (!ain) {
            st = onnx_nomem(I);
        } else {
            for (size_t i = 0; i < na; i++)
                ain[i] = eo_value_type(eo_block_arg(body, i));
            const eo_type *ft = eo_type_get_function(I->ctx, na, ain, nout,
                                                     otypes);
            const eo_attr *fa = ft ? eo_attr_get_type(I->ctx, ft) : NULL;
            if (!fa || eo_op_set_attr(I->func, "function_type", fa) != EO_OK)
                st = onnx_nomem(I);
            free(ain);
        }
    }
    free(outs);
    free(otypes);
    return st;
}

/* The import; 'done' (may be NULL) is called with 'done_ud' as soon as
 * 'data' is no longer needed (after unpacking), so a mapped file can go
 * before the IR is built (peak memory: the file plus the message). */
static eo_op *
import_data(eo_ctx *ctx, const void *data, size_t size, const char *name,
            const eo_onnx_options *opts, void (*done)(void *ud),
            void *done_ud)
{
    if (!name)
        name = "<onnx>";
    onnx_importer imp;
    onnx_importer *I = &imp;
    memset(I, 0, sizeof(*I));
    I->ctx = ctx;
    if (opts)
        I->opts = *opts;
    I->dynamic_dim = I->opts.dynamic_dim;
    I->file_loc = eo_loc_file(ctx, eo_ident_cstr(ctx, name), 0, 0);
    I->loc = I->file_loc;
    if (!I->file_loc || eo_register_all_dialects(ctx) != EO_OK ||
        eo_graph_register(ctx) != EO_OK) {
        if (done)
            done(done_ud);
        return NULL;
    }

    I->model = calloc(1, sizeof(*I->model));
    if (!I->model) {
        if (done)
            done(done_ud);
        eo_emit_error(ctx, I->file_loc, "out of memory");
        return NULL;
    }
    I->model->refs = 1;
    /* One chunk of about the file's size holds the whole message. */
    I->model->arena.next_size = size + size / 8 + 4096;
    Onnx__ModelProto *m = NULL;
    if (data && onnx_pb_depth_ok(&onnx__model_proto__descriptor, data, size,
                                 MAX_PB_DEPTH)) {
        ProtobufCAllocator al = onnx_arena_pb_allocator(&I->model->arena);
        m = onnx__model_proto__unpack(&al, size, data);
    }
    if (done)
        done(done_ud);
    if (!m) {
        eo_emit_error(ctx, I->file_loc, "failed to parse ONNX model '%s'",
                      name);
        model_unref(I->model);
        return NULL;
    }

    I->has_prev = eo_ctx_get_diag_handler(ctx, &I->prev_h, &I->prev_ud);
    eo_ctx_set_diag_handler(ctx, onnx_diag_handler, I);
    eo_status st = import_graph(I, m);
    I->node = NULL;
    if (st == EO_OK && eo_op_verify(I->module) != EO_OK)
        st = EO_ERROR;
    eo_ctx_set_diag_handler(ctx, I->has_prev ? I->prev_h : NULL,
                            I->prev_ud);

    eo_op *module = I->module;
    if (st != EO_OK && module) {
        eo_op_destroy(module);
        module = NULL;
    }
    free(I->tab);
    onnx_arena_free(&I->scratch);
    model_unref(I->model);
    return module;
}

eo_op *
eo_onnx_import_buffer(eo_ctx *ctx, const void *data, size_t size,
                      const char *name, const eo_onnx_options *opts)
{
    return import_data(ctx, data, size, name, opts, NULL, NULL);
}

typedef struct mapping {
    void *p;
    size_t size;
} mapping;

static void
unmap(void *ud)
{
    mapping *m = ud;
    if (m->p)
        munmap(m->p, m->size);
    m->p = NULL;
}

eo_op *
eo_onnx_import_file(eo_ctx *ctx, const char *path,
                    const eo_onnx_options *opts)
{
    const eo_loc *loc = eo_loc_file(ctx, eo_ident_cstr(ctx, path), 0, 0);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        eo_emit_error(ctx, loc, "cannot open '%s': %s", path,
                      strerror(errno));
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        eo_emit_error(ctx, loc, "'%s' is not a regular file", path);
        return NULL;
    }
    size_t size = (size_t)sb.st_size;
    void *map = NULL;
    if (size) {
        map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            close(fd);
            eo_emit_error(ctx, loc, "cannot map '%s': %s", path,
                          strerror(errno));
            return NULL;
        }
    }
    close(fd);
    mapping mp = { map, size };
    return import_data(ctx, map ? map : "", size, path, opts, unmap, &mp);
}

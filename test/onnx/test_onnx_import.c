/* test/onnx/test_onnx_import.c - the ONNX importer's C API: models built
 * here with the generated protobuf-c structs (op mapping, opset defaults,
 * folding, quant types, diagnostics, all-or-nothing failure), every
 * prefix of a serialized model and bit-flipped real models (no crash, a
 * clean error or a verified module), the real models of the shared folder
 * (skipped when absent) and eo_onnx_load_tensor on ONNX test data.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/graph/graph.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/quant/quant.h"
#include "ir/ir.h"

#include "onnx.pb-c.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MODELS EO_TEST_SHARED_DIR "/models"
#define TESTDATA "/usr/share/libonnx-testdata/data"

typedef struct fixture {
    eo_ctx *ctx;
    char msg[2048];         /* first error message seen */
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static bool
exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* ------------------------------------------------------------------ */
/* Building models                                                     */
/* ------------------------------------------------------------------ */

/* A model under construction; everything points into static or
 * fixed-size storage of this struct. */
typedef struct mb {
    Onnx__ModelProto model;
    Onnx__GraphProto graph;
    Onnx__OperatorSetIdProto opset;
    Onnx__OperatorSetIdProto *opsets[1];
    Onnx__NodeProto nodes[8];
    Onnx__NodeProto *node_ptrs[8];
    Onnx__AttributeProto attrs[16];
    Onnx__AttributeProto *attr_ptrs[16];
    size_t nattrs;
    Onnx__TensorProto inits[8];
    Onnx__TensorProto *init_ptrs[8];
    Onnx__ValueInfoProto vis[8];
    Onnx__ValueInfoProto *in_ptrs[4], *out_ptrs[4];
    Onnx__TypeProto types[8];
    Onnx__TypeProto__Tensor ttypes[8];
    Onnx__TensorShapeProto shapes[8];
    Onnx__TensorShapeProto__Dimension dims[32];
    Onnx__TensorShapeProto__Dimension *dim_ptrs[32];
    size_t nvis, ndims;
} mb;

static void
mb_init(mb *m, int64_t opset)
{
    memset(m, 0, sizeof(*m));
    onnx__model_proto__init(&m->model);
    onnx__graph_proto__init(&m->graph);
    onnx__operator_set_id_proto__init(&m->opset);
    m->opset.domain = "";
    m->opset.has_version = true;
    m->opset.version = opset;
    m->opsets[0] = &m->opset;
    m->model.n_opset_import = 1;
    m->model.opset_import = m->opsets;
    m->model.has_ir_version = true;
    m->model.ir_version = 8;
    m->model.graph = &m->graph;
    m->graph.name = "test";
    m->graph.node = m->node_ptrs;
    m->graph.initializer = m->init_ptrs;
    m->graph.input = m->in_ptrs;
    m->graph.output = m->out_ptrs;
}

/* A value info "name" of 'elem' and 'rank' dims (a negative dim is the
 * dynamic dim_param "N"). */
static Onnx__ValueInfoProto *
mb_vi(mb *m, const char *name, int32_t elem, size_t rank,
      const int64_t *shape)
{
    size_t i = m->nvis++;
    Onnx__ValueInfoProto *v = &m->vis[i];
    onnx__value_info_proto__init(v);
    onnx__type_proto__init(&m->types[i]);
    onnx__type_proto__tensor__init(&m->ttypes[i]);
    onnx__tensor_shape_proto__init(&m->shapes[i]);
    v->name = (char *)name;
    v->type = &m->types[i];
    m->types[i].value_case = ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE;
    m->types[i].tensor_type = &m->ttypes[i];
    m->ttypes[i].has_elem_type = true;
    m->ttypes[i].elem_type = elem;
    m->ttypes[i].shape = &m->shapes[i];
    m->shapes[i].n_dim = rank;
    m->shapes[i].dim = &m->dim_ptrs[m->ndims];
    for (size_t d = 0; d < rank; d++) {
        Onnx__TensorShapeProto__Dimension *dim = &m->dims[m->ndims];
        onnx__tensor_shape_proto__dimension__init(dim);
        if (shape[d] >= 0) {
            dim->value_case =
                ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE;
            dim->dim_value = shape[d];
        } else {
            dim->value_case =
                ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM;
            dim->dim_param = "N";
        }
        m->dim_ptrs[m->ndims++] = dim;
    }
    return v;
}

static void
mb_input(mb *m, const char *name, int32_t elem, size_t rank,
         const int64_t *shape)
{
    m->in_ptrs[m->graph.n_input++] = mb_vi(m, name, elem, rank, shape);
}

static void
mb_output(mb *m, const char *name)
{
    int64_t one = 1;
    m->out_ptrs[m->graph.n_output++] =
        mb_vi(m, name, ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 1, &one);
}

/* An initializer with raw data. */
static void
mb_init_raw(mb *m, const char *name, int32_t dt, size_t rank,
            int64_t *dims, const void *data, size_t size)
{
    Onnx__TensorProto *t = &m->inits[m->graph.n_initializer];
    onnx__tensor_proto__init(t);
    t->name = (char *)name;
    t->has_data_type = true;
    t->data_type = dt;
    t->n_dims = rank;
    t->dims = dims;
    t->has_raw_data = true;
    t->raw_data.len = size;
    t->raw_data.data = (uint8_t *)data;
    m->init_ptrs[m->graph.n_initializer++] = t;
}

static Onnx__NodeProto *
mb_node(mb *m, const char *op, const char *name, size_t nin, char **in,
        size_t nout, char **out)
{
    Onnx__NodeProto *n = &m->nodes[m->graph.n_node];
    onnx__node_proto__init(n);
    n->op_type = (char *)op;
    n->name = (char *)name;
    n->n_input = nin;
    n->input = in;
    n->n_output = nout;
    n->output = out;
    n->attribute = &m->attr_ptrs[m->nattrs];
    m->node_ptrs[m->graph.n_node++] = n;
    return n;
}

static Onnx__AttributeProto *
mb_attr(mb *m, Onnx__NodeProto *n, const char *name,
        Onnx__AttributeProto__AttributeType type)
{
    Onnx__AttributeProto *a = &m->attrs[m->nattrs];
    onnx__attribute_proto__init(a);
    a->name = (char *)name;
    a->has_type = true;
    a->type = type;
    m->attr_ptrs[m->nattrs++] = a;
    n->n_attribute++;
    return a;
}

/* Serializes into a malloc'ed buffer. */
static uint8_t *
mb_pack(mb *m, size_t *len)
{
    *len = onnx__model_proto__get_packed_size(&m->model);
    uint8_t *buf = malloc(*len ? *len : 1);
    assert_non_null(buf);
    assert_int_equal(onnx__model_proto__pack(&m->model, buf), *len);
    return buf;
}

static eo_op *
import_mb(fixture *f, mb *m, const eo_onnx_options *opts)
{
    size_t len;
    uint8_t *buf = mb_pack(m, &len);
    eo_op *mod = eo_onnx_import_buffer(f->ctx, buf, len, "built.onnx", opts);
    free(buf);
    return mod;
}

/* The func.func of an imported module. */
static eo_op *
the_func(eo_op *module)
{
    eo_op *fn = eo_block_first(eo_module_body(module));
    assert_non_null(fn);
    assert_string_equal(eo_op_name_str(fn), "func.func");
    return fn;
}

static eo_block *
func_body(eo_op *fn)
{
    return eo_region_first(eo_op_region(fn, 0));
}

/* The n-th op named 'name' in the func's body, or NULL. */
static eo_op *
find_op(eo_op *fn, const char *name, int n)
{
    for (eo_op *op = eo_block_first(func_body(fn)); op; op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), name) == 0 && n-- == 0)
            return op;
    return NULL;
}

static int
count_ops(eo_op *fn, const char *name)
{
    int n = 0;
    for (eo_op *op = eo_block_first(func_body(fn)); op; op = eo_op_next(op))
        n += strcmp(eo_op_name_str(op), name) == 0;
    return n;
}

static const char *
str_attr(eo_op *op, const char *name)
{
    const eo_attr *a = eo_op_attr(op, name);
    return a ? eo_attr_string(a, NULL) : NULL;
}

/* ------------------------------------------------------------------ */
/* Built models                                                        */
/* ------------------------------------------------------------------ */

static float conv_w[2 * 1 * 3 * 3];
static int64_t conv_w_dims[] = { 2, 1, 3, 3 };
static int64_t x_shape[] = { 1, 1, 5, 5 };
static char *conv_in[] = { "x", "w" };
static char *conv_out[] = { "c" };
static char *relu_in[] = { "c" };
static char *relu_out[] = { "y" };

/* x -> Conv (SAME_LOWER, stride 2) -> Relu (unnamed) -> y. */
static void
build_conv_relu(mb *m)
{
    mb_init(m, 13);
    mb_input(m, "x", ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 4, x_shape);
    mb_init_raw(m, "w", ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 4,
                conv_w_dims, conv_w, sizeof(conv_w));
    Onnx__NodeProto *conv = mb_node(m, "Conv", "conv_1", 2, conv_in, 1,
                                    conv_out);
    Onnx__AttributeProto *a =
        mb_attr(m, conv, "auto_pad",
                ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING);
    a->has_s = true;
    a->s.data = (uint8_t *)"SAME_LOWER";
    a->s.len = strlen("SAME_LOWER");
    static int64_t strides[] = { 2, 2 };
    a = mb_attr(m, conv, "strides",
                ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS);
    a->n_ints = 2;
    a->ints = strides;
    mb_node(m, "Relu", NULL, 1, relu_in, 1, relu_out);
    mb_output(m, "y");
}

static void
test_conv_relu(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    eo_op *mod = import_mb(f, &m, NULL);
    assert_non_null(mod);
    assert_int_equal(f->errors, 0);
    eo_op *fn = the_func(mod);
    assert_string_equal(eo_ident_str(eo_symbol_name(f->ctx, fn)), "test");
    eo_op *conv = find_op(fn, "graph.conv2d", 0);
    assert_non_null(conv);
    assert_string_equal(str_attr(conv, "name"), "conv_1");
    assert_string_equal(str_attr(conv, "auto_pad"), "SAME_LOWER");
    int64_t v[4];
    assert_int_equal(eo_graph_attr_ints(conv, "strides", v, 4), 2);
    assert_int_equal(v[0], 2);
    /* SAME: ceil(5 / 2) = 3. */
    const eo_type *t = eo_value_type(eo_op_result(conv, 0));
    assert_int_equal(eo_type_dim(t, 1), 2);
    assert_int_equal(eo_type_dim(t, 2), 3);
    assert_int_equal(eo_type_dim(t, 3), 3);
    /* The unnamed node: "<op_type>_<index>". */
    eo_op *relu = find_op(fn, "graph.relu", 0);
    assert_non_null(relu);
    assert_string_equal(str_attr(relu, "name"), "Relu_1");
    /* The weight: a dense_resource constant of 72 bytes. */
    eo_op *cst = find_op(fn, "graph.constant", 0);
    const eo_attr *val = eo_op_attr(cst, "value");
    assert_int_equal(eo_attr_get_kind(val), EO_ATTR_DENSE_RESOURCE);
    size_t size = 0;
    assert_non_null(eo_resource_data(eo_attr_resource(val), &size));
    assert_int_equal(size, sizeof(conv_w));
    assert_int_equal(eo_op_verify(mod), EO_OK);
    eo_op_destroy(mod);
}

/* The imported blobs outlive the input buffer (the model is kept). */
static void
test_blob_outlives_buffer(void **state)
{
    fixture *f = *state;
    for (size_t i = 0; i < sizeof(conv_w) / sizeof(conv_w[0]); i++)
        conv_w[i] = (float)i * 0.5f;
    mb m;
    build_conv_relu(&m);
    eo_op *mod = import_mb(f, &m, NULL);   /* frees the buffer */
    assert_non_null(mod);
    eo_op *cst = find_op(the_func(mod), "graph.constant", 0);
    size_t size;
    const float *d = eo_resource_data(
        eo_attr_resource(eo_op_attr(cst, "value")), &size);
    assert_non_null(d);
    assert_true(d[3] == 1.5f);
    eo_op_destroy(mod);
    memset(conv_w, 0, sizeof(conv_w));
}

static void
test_unsupported_op_nothing_left(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    m.nodes[1].op_type = "NotAnOp";
    m.nodes[1].name = "weird";
    eo_op *mod = import_mb(f, &m, NULL);
    assert_null(mod);
    assert_int_equal(f->errors, 1);
    assert_string_equal(f->msg,
                        "node 'weird' (NotAnOp): unsupported op 'NotAnOp'");
}

static void
test_unsupported_attr(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    m.attrs[0].s.data = (uint8_t *)"BOGUS";
    m.attrs[0].s.len = 5;
    assert_null(import_mb(f, &m, NULL));
    assert_string_equal(f->msg,
                        "node 'conv_1' (Conv): unsupported: auto_pad 'BOGUS'");
}

static void
test_opset_range(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    m.opset.version = 22;
    assert_null(import_mb(f, &m, NULL));
    assert_non_null(strstr(f->msg, "unsupported: opset 22"));
}

static void
test_dynamic_dim(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    m.dim_ptrs[0]->value_case =
        ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM;
    m.dim_ptrs[0]->dim_param = "N";
    assert_null(import_mb(f, &m, NULL));
    assert_non_null(strstr(f->msg, "input 'x': unsupported: dynamic "
                                   "dimension 0 ('N')"));
    eo_onnx_options opts = { .dynamic_dim = 3, .func_name = "net" };
    eo_op *mod = import_mb(f, &m, &opts);
    assert_non_null(mod);
    eo_op *fn = the_func(mod);
    assert_string_equal(eo_ident_str(eo_symbol_name(f->ctx, fn)), "net");
    const eo_type *arg = eo_value_type(eo_block_arg(func_body(fn), 0));
    assert_int_equal(eo_type_dim(arg, 0), 3);
    eo_op_destroy(mod);
}

/* x [2,3] and s [2] (int64) -> Reshape -> y. */
static char *rs_in[] = { "x", "s" };
static char *rs_out[] = { "y" };
static int64_t rs_x_shape[] = { 2, 3 };
static int64_t rs_s_shape[] = { 2 };

static void
build_reshape(mb *m)
{
    mb_init(m, 13);
    mb_input(m, "x", ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 2, rs_x_shape);
    mb_input(m, "s", ONNX__TENSOR_PROTO__DATA_TYPE__INT64, 1, rs_s_shape);
    mb_node(m, "Reshape", "rs", 2, rs_in, 1, rs_out);
    mb_output(m, "y");
}

/* eo_onnx_options.bind_*: a graph input imported as a constant. */
static void
test_bind_input(void **state)
{
    fixture *f = *state;
    mb m;
    build_reshape(&m);
    assert_null(import_mb(f, &m, NULL));
    assert_string_equal(f->msg, "node 'rs' (Reshape): unsupported: shape "
                        "(input 1, 's') must be a constant");

    int64_t sv[2] = { 3, 2 };
    eo_tensor t = { .dtype = EO_DT_I64, .rank = 1, .shape = { 2 },
                    .data = sv, .nbytes = sizeof(sv), .borrowed = true };
    const char *names[] = { "s" };
    eo_onnx_options opts = { .bind_names = names, .bind_values = &t,
                             .num_bind = 1 };
    eo_op *mod = import_mb(f, &m, &opts);
    assert_non_null(mod);
    eo_op *fn = the_func(mod);
    assert_int_equal(eo_block_num_args(func_body(fn)), 1);
    eo_op *rs = find_op(fn, "graph.reshape", 0);
    assert_non_null(rs);
    const eo_type *rt = eo_value_type(eo_op_result(rs, 0));
    assert_int_equal(eo_type_dim(rt, 0), 3);
    assert_int_equal(eo_type_dim(rt, 1), 2);
    /* It runs on the remaining argument. */
    float xv[6] = { 1, 2, 3, 4, 5, 6 };
    eo_tensor in = { .dtype = EO_DT_F32, .rank = 2, .shape = { 2, 3 },
                     .data = xv, .nbytes = sizeof(xv), .borrowed = true };
    eo_tensor out[1];
    size_t nout = 1;
    assert_int_equal(eo_interp_run(fn, 1, &in, &nout, out), EO_OK);
    assert_int_equal(nout, 1);
    assert_int_equal(out[0].shape[0], 3);
    assert_memory_equal(out[0].data, xv, sizeof(xv));
    eo_tensor_free(&out[0]);
    eo_op_destroy(mod);

    /* Mismatches and unknown names are errors; nothing is created. */
    f->errors = 0;
    t.dtype = EO_DT_I32;
    t.nbytes = 8;
    assert_null(import_mb(f, &m, &opts));
    assert_string_equal(f->msg, "input 's' is INT64, the value bound to it "
                        "INT32");
    f->errors = 0;
    t.dtype = EO_DT_I64;
    t.shape[0] = 1;
    t.nbytes = 8;
    assert_null(import_mb(f, &m, &opts));
    assert_string_equal(f->msg, "input 's': dimension 0 of the bound value "
                        "is 1, not 2");
    f->errors = 0;
    t.shape[0] = 2;
    t.nbytes = sizeof(sv);
    const char *bad[] = { "nope" };
    opts.bind_names = bad;
    assert_null(import_mb(f, &m, &opts));
    assert_string_equal(f->msg, "cannot bind 'nope': the model has no input "
                        "of that name");
    f->errors = 0;
    const char *twice[] = { "s", "s" };
    eo_tensor two[2] = { t, t };
    opts.bind_names = twice;
    opts.bind_values = two;
    opts.num_bind = 2;
    assert_null(import_mb(f, &m, &opts));
    assert_string_equal(f->msg, "input 's' is bound twice");
}

/* eo_onnx_bindings_load: NAME=FILE specs (.npy here). */
static void
test_bindings_load(void **state)
{
    fixture *f = *state;
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/eo_bind_XXXXXX.npy",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemps(path, 4);
    assert_true(fd >= 0);
    close(fd);
    int64_t sv[2] = { 3, 2 };
    eo_tensor t = { .dtype = EO_DT_I64, .rank = 1, .shape = { 2 },
                    .data = sv, .nbytes = sizeof(sv), .borrowed = true };
    assert_int_equal(eo_tensor_save_npy(f->ctx, path, &t), EO_OK);
    char spec[sizeof path + 8];
    snprintf(spec, sizeof(spec), "s=%s", path);
    const char *specs[] = { spec };
    eo_onnx_bindings b;
    assert_int_equal(eo_onnx_bindings_load(f->ctx, 1, specs, &b), EO_OK);
    remove(path);
    assert_int_equal(b.n, 1);
    assert_string_equal(b.names[0], "s");
    assert_int_equal(b.values[0].dtype, EO_DT_I64);
    assert_memory_equal(b.values[0].data, sv, sizeof(sv));
    mb m;
    build_reshape(&m);
    eo_onnx_options opts = { .bind_names = (const char *const *)b.names,
                             .bind_values = b.values, .num_bind = b.n };
    eo_op *mod = import_mb(f, &m, &opts);
    assert_non_null(mod);
    eo_op_destroy(mod);
    eo_onnx_bindings_free(&b);
    assert_int_equal(b.n, 0);

    const char *bad[] = { "no-equals" };
    assert_int_equal(eo_onnx_bindings_load(f->ctx, 1, bad, &b), EO_ERROR);
    assert_string_equal(f->msg, "invalid input binding 'no-equals' "
                        "(expected NAME=FILE)");
    assert_int_equal(b.n, 0);
    f->errors = 0;
    specs[0] = "s=/nonexistent/s.pb";
    assert_int_equal(eo_onnx_bindings_load(f->ctx, 1, specs, &b), EO_ERROR);
    assert_non_null(strstr(f->msg, "/nonexistent/s.pb"));
    assert_null(b.names);
}

/* Opset 6 Add: broadcast = 1 aligns B at 'axis'; broadcast = 0 needs
 * equal shapes. */
static char *bc_in[] = { "x", "b" };
static char *bc_out[] = { "y" };
static int64_t bc_x_shape[] = { 2, 3, 4 };
static int64_t bc_b_dims[] = { 3 };
static float bc_b[3] = { 1, 2, 3 };

static void
test_legacy_broadcast(void **state)
{
    fixture *f = *state;
    mb m;
    mb_init(&m, 6);
    mb_input(&m, "x", ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 3, bc_x_shape);
    mb_init_raw(&m, "b", ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 1, bc_b_dims,
                bc_b, sizeof(bc_b));
    Onnx__NodeProto *add = mb_node(&m, "Add", "add", 2, bc_in, 1, bc_out);
    mb_output(&m, "y");
    assert_null(import_mb(f, &m, NULL));
    assert_string_equal(f->msg, "node 'add' (Add): the shapes differ and "
                        "broadcast = 0 (opset 6)");
    Onnx__AttributeProto *a =
        mb_attr(&m, add, "broadcast",
                ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT);
    a->has_i = true;
    a->i = 1;
    a = mb_attr(&m, add, "axis", ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT);
    a->has_i = true;
    a->i = 1;
    eo_op *mod = import_mb(f, &m, NULL);
    assert_non_null(mod);
    eo_op *op = find_op(the_func(mod), "graph.add", 0);
    assert_non_null(op);
    const eo_type *bt = eo_value_type(eo_op_operand(op, 1));
    assert_int_equal(eo_type_rank(bt), 3);
    assert_int_equal(eo_type_dim(bt, 0), 1);
    assert_int_equal(eo_type_dim(bt, 1), 3);
    assert_int_equal(eo_type_dim(bt, 2), 1);
    eo_op_destroy(mod);
    /* Axis 2 would align B (3) with A's dimension 4. */
    a->i = 2;
    f->errors = 0;
    assert_null(import_mb(f, &m, NULL));
    assert_string_equal(f->msg, "node 'add' (Add): broadcast: dimension 0 "
                        "of B (3) does not match A's (4)");
}

static void
test_bad_raw_size(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    m.inits[0].raw_data.len = 7;
    assert_null(import_mb(f, &m, NULL));
    assert_non_null(strstr(f->msg, "tensor 'w': raw_data holds 7 bytes, "
                                   "expected 72"));
}

static void
test_undefined_input(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    relu_in[0] = "nope";
    eo_op *mod = import_mb(f, &m, NULL);
    relu_in[0] = "c";
    assert_null(mod);
    assert_non_null(strstr(f->msg, "input 'nope' is not defined"));
}

/* Every prefix of a serialized model: NULL with an error, or (where
 * the prefix happens to be a complete message) a verified module. */
static void
test_every_prefix(void **state)
{
    fixture *f = *state;
    mb m;
    build_conv_relu(&m);
    size_t len;
    uint8_t *buf = mb_pack(&m, &len);
    for (size_t n = 0; n <= len; n++) {
        f->errors = 0;
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        eo_op *mod = eo_onnx_import_buffer(f->ctx, copy, n, "p", NULL);
        free(copy);
        if (mod) {
            assert_int_equal(f->errors, 0);
            eo_op_destroy(mod);
        } else {
            assert_true(f->errors > 0);
        }
    }
    free(buf);
}

static void
test_garbage(void **state)
{
    fixture *f = *state;
    static const char junk[] = "\x0a\xff\xff\xff\xff\x0f garbage";
    assert_null(eo_onnx_import_buffer(f->ctx, junk, sizeof(junk), "junk",
                                      NULL));
    assert_non_null(strstr(f->msg, "failed to parse ONNX model"));
    /* Deeply nested messages (graph > node > attribute > graph ...) are
     * refused before protobuf-c recurses into them. */
    size_t cap = 1 << 16, len = 0;
    uint8_t *deep = malloc(cap), *tmp = malloc(cap);
    static const uint8_t tags[] = { 0x32, 0x2a, 0x0a };  /* g, attr, node */
    for (int level = 0; level <= 3000; level++) {
        size_t n = 0;
        tmp[n++] = level == 3000 ? 0x3a : tags[level % 3];
        for (size_t v = len; ; v >>= 7) {
            tmp[n++] = (uint8_t)((v & 0x7f) | (v >= 0x80 ? 0x80 : 0));
            if (v < 0x80)
                break;
        }
        assert_true(n + len <= cap);
        memcpy(tmp + n, deep, len);
        len += n;
        uint8_t *sw = deep;
        deep = tmp;
        tmp = sw;
    }
    f->errors = 0;
    assert_null(eo_onnx_import_buffer(f->ctx, deep, len, "deep", NULL));
    if (!strstr(f->msg, "failed to parse ONNX model"))
        fail_msg("%s", f->msg);
    free(deep);
    free(tmp);
}

static void
test_missing_file(void **state)
{
    fixture *f = *state;
    assert_null(eo_onnx_import_file(f->ctx, "/nonexistent/m.onnx", NULL));
    assert_non_null(strstr(f->msg, "cannot open"));
}


/* Every supported op type with 0, 1, 2, 3 and 9 copies of a float input
 * (attributes absent): a verified module or an error, never a crash. */
static void
test_every_op_degenerate(void **state)
{
    fixture *f = *state;
    static const char *const ops[] = {
        "Abs", "Add", "AveragePool", "BatchNormalization", "Cast", "Clip",
        "Concat", "Constant", "ConstantOfShape", "Conv", "ConvInteger",
        "ConvTranspose", "DequantizeLinear", "Div", "Dropout", "Equal",
        "Erf", "Exp", "Expand", "Flatten", "Gather", "Gelu", "Gemm",
        "GlobalAveragePool", "GlobalMaxPool", "Greater", "HardSigmoid",
        "HardSwish", "Identity", "LayerNormalization", "LeakyRelu", "Less",
        "Log", "LogSoftmax", "MatMul", "MatMulInteger", "Max", "MaxPool",
        "Min", "Mul", "Neg", "Not", "Pad", "Pow", "QLinearConv",
        "QLinearMatMul", "QuantizeLinear", "Range", "ReduceMax",
        "ReduceMean", "ReduceSum", "Relu", "Reshape", "Resize", "Shape",
        "Sigmoid", "Slice", "Softmax", "Split", "Sqrt", "Squeeze", "Sub",
        "Sum", "Tanh", "Transpose", "Unsqueeze", "Upsample", "Where",
    };
    static char *ins[] = { "x", "x", "x", "x", "x", "x", "x", "x", "x" };
    static char *outs[] = { "y" };
    static const size_t counts[] = { 0, 1, 2, 3, 9 };
    int64_t shape[] = { 1, 2, 3, 4 };
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        for (size_t k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
            mb m;
            mb_init(&m, 13);
            mb_input(&m, "x", ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT, 4,
                     shape);
            mb_node(&m, ops[i], "n", counts[k], ins, 1, outs);
            mb_output(&m, "y");
            f->errors = 0;
            eo_op *mod = import_mb(f, &m, NULL);
            if (mod)
                eo_op_destroy(mod);
            else if (f->errors == 0)
                fail_msg("%s with %zu inputs: no error", ops[i],
                         counts[k]);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Real models                                                         */
/* ------------------------------------------------------------------ */

static void
test_mnist(void **state)
{
    fixture *f = *state;
    if (!exists(MODELS "/mnist-8/model.onnx"))
        skip();
    eo_op *mod = eo_onnx_import_file(f->ctx, MODELS "/mnist-8/model.onnx",
                                     NULL);
    assert_non_null(mod);
    eo_op *fn = the_func(mod);
    /* IR 3: the initializers listed as inputs are not arguments. */
    assert_int_equal(eo_block_num_args(func_body(fn)), 1);
    assert_int_equal(count_ops(fn, "graph.conv2d"), 2);
    assert_int_equal(count_ops(fn, "graph.max_pool"), 2);
    assert_int_equal(count_ops(fn, "graph.add"), 3);
    assert_int_equal(count_ops(fn, "graph.matmul"), 1);
    assert_int_equal(count_ops(fn, "func.return"), 1);
    eo_op_destroy(mod);
}

static void
test_all_models(void **state)
{
    fixture *f = *state;
    static const char *const models[] = {
        "detection/fastestdet_352.onnx", "detection/ultraface_rfb320.onnx",
        "mlperf-tiny/ad_autoencoder_f32.onnx",
        "mlperf-tiny/ad_autoencoder_int8_qdq.onnx",
        "mlperf-tiny/ad_autoencoder_qdq_floatio.onnx",
        "mlperf-tiny/ic_resnet8_f32.onnx", "mlperf-tiny/ic_resnet8_qdq.onnx",
        "mlperf-tiny/kws_dscnn_f32.onnx",
        "mlperf-tiny/kws_dscnn_int8_qdq.onnx",
        "mlperf-tiny/kws_dscnn_qdq_flatin.onnx",
        "mlperf-tiny/strm_ww_int8_qdq.onnx",
        "mlperf-tiny/vww_mobilenetv1_025_f32.onnx",
        "mlperf-tiny/vww_mobilenetv1_025_qdq.onnx", "mnist-8/model.onnx",
    };
    if (!exists(MODELS))
        skip();
    eo_onnx_options opts = { .dynamic_dim = 1 };
    for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++) {
        char path[512];
        snprintf(path, sizeof(path), MODELS "/%s", models[i]);
        eo_op *mod = eo_onnx_import_file(f->ctx, path, &opts);
        if (!mod)
            fail_msg("%s: %s", models[i], f->msg);
        eo_op *fn = the_func(mod);
        if (strstr(models[i], "ultraface")) {
            /* The Shape chains fold away. */
            assert_int_equal(count_ops(fn, "graph.gather"), 0);
            assert_int_equal(count_ops(fn, "graph.conv2d"), 52);
            assert_int_equal(count_ops(fn, "graph.batch_norm"), 35);
        }
        if (strstr(models[i], "kws_dscnn_int8")) {
            /* int8 input: typed by its DequantizeLinear. */
            const eo_type *a = eo_value_type(eo_block_arg(func_body(fn), 0));
            assert_true(eo_type_is_quant(eo_type_elem(a)));
        }
        eo_op_destroy(mod);
    }
}

/* Bit flips in a real model: an error or a verified module, no crash. */
static void
test_bit_flips(void **state)
{
    fixture *f = *state;
    FILE *fp = fopen(MODELS "/mlperf-tiny/kws_dscnn_int8_qdq.onnx", "rb");
    if (!fp)
        skip();
    static uint8_t buf[1 << 17];
    size_t len = fread(buf, 1, sizeof(buf), fp);
    fclose(fp);
    uint32_t seed = 12345;
    for (int round = 0; round < 150; round++) {
        uint8_t *copy = malloc(len);
        memcpy(copy, buf, len);
        for (int k = 0; k < 4; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % len;
            copy[at] ^= (uint8_t)(1u << ((seed >> 4) & 7));
        }
        f->errors = 0;
        eo_onnx_options opts = { .dynamic_dim = 1 };
        eo_op *mod = eo_onnx_import_buffer(f->ctx, copy, len, "flip", &opts);
        free(copy);
        if (mod)
            eo_op_destroy(mod);
        else
            assert_true(f->errors > 0);
    }
}

/* ------------------------------------------------------------------ */
/* eo_onnx_load_tensor                                                 */
/* ------------------------------------------------------------------ */

static void
test_load_tensor(void **state)
{
    fixture *f = *state;
    const char *p = TESTDATA "/node/test_gather_0/test_data_set_0/input_1.pb";
    if (!exists(p))
        skip();
    eo_tensor t;
    assert_int_equal(eo_onnx_load_tensor(f->ctx, p, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_I64);
    assert_int_equal(t.rank, 1);
    assert_int_equal(t.shape[0], 3);
    const int64_t *d = t.data;
    assert_int_equal(d[0], 0);
    assert_int_equal(d[1], 1);
    assert_int_equal(d[2], 3);
    eo_tensor_free(&t);

    p = TESTDATA "/node/test_gather_0/test_data_set_0/input_0.pb";
    assert_int_equal(eo_onnx_load_tensor(f->ctx, p, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_F32);
    assert_int_equal(t.rank, 4);
    assert_int_equal(t.nbytes, 5 * 4 * 3 * 2 * sizeof(float));
    eo_tensor_free(&t);
}

static void
test_load_tensor_typed_fields(void **state)
{
    fixture *f = *state;
    /* mnist-8's reference data uses raw_data; write one with float_data. */
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/eo_onnx_tensor_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    Onnx__TensorProto t;
    onnx__tensor_proto__init(&t);
    int64_t dims[] = { 2, 2 };
    float vals[] = { 1.5f, -2.0f, 0.25f, 8.0f };
    t.n_dims = 2;
    t.dims = dims;
    t.has_data_type = true;
    t.data_type = ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT;
    t.n_float_data = 4;
    t.float_data = vals;
    size_t len = onnx__tensor_proto__get_packed_size(&t);
    uint8_t *buf = malloc(len);
    onnx__tensor_proto__pack(&t, buf);
    FILE *fp = fdopen(fd, "wb");
    fwrite(buf, 1, len, fp);
    fclose(fp);
    free(buf);
    eo_tensor out;
    assert_int_equal(eo_onnx_load_tensor(f->ctx, path, &out), EO_OK);
    assert_int_equal(out.dtype, EO_DT_F32);
    assert_true(((float *)out.data)[3] == 8.0f);
    eo_tensor_free(&out);
    /* int8 values travel in int32_data. */
    int32_t iv[] = { -128, 127, 5, -1 };
    t.data_type = ONNX__TENSOR_PROTO__DATA_TYPE__INT8;
    t.n_float_data = 0;
    t.float_data = NULL;
    t.n_int32_data = 4;
    t.int32_data = iv;
    len = onnx__tensor_proto__get_packed_size(&t);
    buf = malloc(len);
    onnx__tensor_proto__pack(&t, buf);
    fp = fopen(path, "wb");
    fwrite(buf, 1, len, fp);
    fclose(fp);
    free(buf);
    assert_int_equal(eo_onnx_load_tensor(f->ctx, path, &out), EO_OK);
    assert_int_equal(out.dtype, EO_DT_I8);
    assert_int_equal(((int8_t *)out.data)[0], -128);
    assert_int_equal(((int8_t *)out.data)[3], -1);
    eo_tensor_free(&out);
    /* A count that does not match the dims. */
    t.n_int32_data = 3;
    len = onnx__tensor_proto__get_packed_size(&t);
    buf = malloc(len);
    onnx__tensor_proto__pack(&t, buf);
    fp = fopen(path, "wb");
    fwrite(buf, 1, len, fp);
    fclose(fp);
    free(buf);
    f->errors = 0;
    assert_int_equal(eo_onnx_load_tensor(f->ctx, path, &out), EO_ERROR);
    assert_non_null(strstr(f->msg, "int32_data holds 3 values, expected 4"));
    remove(path);
    assert_int_equal(eo_onnx_load_tensor(f->ctx, path, &out), EO_ERROR);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_conv_relu),
        T(test_blob_outlives_buffer),
        T(test_unsupported_op_nothing_left),
        T(test_unsupported_attr),
        T(test_opset_range),
        T(test_dynamic_dim),
        T(test_bind_input),
        T(test_bindings_load),
        T(test_legacy_broadcast),
        T(test_bad_raw_size),
        T(test_undefined_input),
        T(test_every_prefix),
        T(test_garbage),
        T(test_missing_file),
        T(test_every_op_degenerate),
        T(test_mnist),
        T(test_all_models),
        T(test_bit_flips),
        T(test_load_tensor),
        T(test_load_tensor_typed_fields),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* dialects/gpu/gpu.c - the gpu dialect subset of gpu.h: one op table,
 * the custom forms of mlir-opt 19 ("gpu.thread_id  x", "gpu.launch
 * blocks(...) in (...) threads(...) in (...) workgroup(...) {...}") and
 * the #gpu.address_space<...> attribute. The dimension property is
 * MLIR's #gpu<dim x>, kept as an opaque attribute of the dialect. */
#include "dialects/gpu/gpu.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const eo_op_def gpu_ops[GPU_NUM_OPS];

const eo_op_def *
gpu_op_def(enum gpu_op op)
{
    return (unsigned)op < GPU_NUM_OPS ? &gpu_ops[op] : NULL;
}

enum gpu_op
gpu_op_kind(const eo_op *op)
{
    const eo_op_def *d = op ? eo_op_get_def(op) : NULL;
    if (d < gpu_ops || d >= gpu_ops + GPU_NUM_OPS)
        return GPU_NUM_OPS;
    return (enum gpu_op)(d - gpu_ops);
}

static const char dim_names[3] = {'x', 'y', 'z'};

const eo_attr *
gpu_dim_attr(eo_ctx *ctx, int d)
{
    if (d < 0 || d > 2)
        return NULL;
    const eo_ident *gpu = eo_ident_get(ctx, "gpu", 3);
    char body[5] = {'d', 'i', 'm', ' ', dim_names[d]};
    return gpu ? eo_attr_get_opaque(ctx, gpu, body, sizeof body, NULL)
               : NULL;
}

/* 0..2 for #gpu<dim x|y|z>, else -1. */
static int
dim_of_attr(const eo_attr *a)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_OPAQUE
        || strcmp(eo_ident_str(eo_attr_dialect_name(a)), "gpu") != 0)
        return -1;
    size_t len = 0;
    const char *body = eo_attr_opaque_body(a, &len);
    if (len != 5 || memcmp(body, "dim ", 4) != 0)
        return -1;
    for (int d = 0; d < 3; d++)
        if (body[4] == dim_names[d])
            return d;
    return -1;
}

static bool
is_query(enum gpu_op k)
{
    return k == GPU_THREAD_ID || k == GPU_BLOCK_ID || k == GPU_BLOCK_DIM
           || k == GPU_GRID_DIM || k == GPU_GLOBAL_ID;
}

int
gpu_op_dimension(const eo_op *op)
{
    if (!is_query(gpu_op_kind(op)))
        return -1;
    return dim_of_attr(eo_op_attr(op, "dimension"));
}

/* ------------------------------------------------------------------ */
/* #gpu.address_space<...>                                             */
/* ------------------------------------------------------------------ */

static const struct {
    const char *name;
    enum gpu_address_space as;
} spaces[] = {
    {"global", GPU_AS_GLOBAL},
    {"workgroup", GPU_AS_WORKGROUP},
    {"private", GPU_AS_PRIVATE},
};

const eo_attr *
gpu_address_space_attr(eo_ctx *ctx, enum gpu_address_space as)
{
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++) {
        if (spaces[i].as != as)
            continue;
        const eo_ident *gpu = eo_ident_get(ctx, "gpu", 3);
        const eo_ident *mn = eo_ident_get(ctx, "address_space", 13);
        const eo_attr *v = eo_attr_get_string(ctx, spaces[i].name,
                                              strlen(spaces[i].name), NULL);
        if (!gpu || !mn || !v)
            return NULL;
        return eo_attr_get_dialect(ctx, gpu, mn, 1, &v);
    }
    return NULL;
}

/* The enum value of a #gpu.address_space attribute, or -1. */
static int
space_of_attr(const eo_attr *a)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DIALECT
        || strcmp(eo_ident_str(eo_attr_dialect_name(a)), "gpu") != 0
        || strcmp(eo_ident_str(eo_attr_mnemonic(a)), "address_space") != 0
        || eo_attr_num_params(a) != 1)
        return -1;
    const char *s = eo_attr_string(eo_attr_param(a, 0), NULL);
    for (size_t i = 0; s && i < sizeof spaces / sizeof spaces[0]; i++)
        if (strcmp(s, spaces[i].name) == 0)
            return (int)spaces[i].as;
    return -1;
}

int
gpu_memref_address_space(const eo_type *memref)
{
    const eo_attr *ms = eo_type_memspace(memref);
    if (!ms)
        return 0;
    if (eo_attr_get_kind(ms) == EO_ATTR_INTEGER) {
        int64_t v = eo_attr_int_value(ms);
        return v >= 0 && v < 256 ? (int)v : -1;
    }
    return space_of_attr(ms);
}

/* Called after "#gpu."; the mnemonic is next. */
static const eo_attr *
parse_dialect_attr(eo_parser *p, const eo_type *type)
{
    (void)type;
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_ident *mn, *kw;
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "dim") == 0) {
        /* #gpu<dim x|y|z>: the op's dimension, kept opaque. */
        if (eo_parse_keyword(p, &kw) != EO_OK)
            return NULL;
        for (int d = 0; d < 3; d++)
            if (strlen(eo_ident_str(kw)) == 1 &&
                eo_ident_str(kw)[0] == dim_names[d]) {
                const eo_attr *a = gpu_dim_attr(ctx, d);
                if (!a)
                    eo_parser_error(p, "out of memory");
                return a;
            }
        eo_parser_error(p, "expected ::mlir::gpu::Dimension to be one of: "
                        "x, y, z");
        return NULL;
    }
    if (strcmp(eo_ident_str(mn), "address_space") != 0) {
        eo_parser_error(p, "unknown attribute `%s` in dialect `gpu`",
                        eo_ident_str(mn));
        return NULL;
    }
    if (eo_parse_punct(p, "<") != EO_OK || eo_parse_keyword(p, &kw) != EO_OK)
        return NULL;
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++) {
        if (strcmp(eo_ident_str(kw), spaces[i].name) != 0)
            continue;
        if (eo_parse_punct(p, ">") != EO_OK)
            return NULL;
        const eo_attr *a = gpu_address_space_attr(ctx, spaces[i].as);
        if (!a)
            eo_parser_error(p, "out of memory");
        return a;
    }
    eo_parser_error(p, "expected ::mlir::gpu::AddressSpace to be one of: "
                    "global, workgroup, private");
    return NULL;
}

/* Prints what follows "#gpu.". */
static void
print_dialect_attr(eo_printer *p, const eo_attr *a)
{
    eo_print_str(p, eo_ident_str(eo_attr_mnemonic(a)));
    eo_print_str(p, "<");
    for (size_t i = 0; i < eo_attr_num_params(a); i++) {
        const eo_attr *v = eo_attr_param(a, i);
        const char *s = eo_attr_string(v, NULL);
        if (i)
            eo_print_str(p, ", ");
        if (s)
            eo_print_str(p, s);
        else
            eo_print_attr(p, v);
    }
    eo_print_str(p, ">");
}

/* ------------------------------------------------------------------ */
/* Id and size queries: "gpu.thread_id  x"                             */
/* ------------------------------------------------------------------ */

static eo_status
verify_query(eo_op *op)
{
    if (gpu_op_dimension(op) < 0)
        return eo_op_error(op, "attribute 'dimension' failed to satisfy "
                           "constraint: gpu dimension (x, y or z)");
    if (!eo_type_is_index(eo_value_type(eo_op_result(op, 0))))
        return eo_op_error(op, "result #0 must be index, but got a "
                           "different type");
    return EO_OK;
}

static void
print_query(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"dimension", NULL};
    int d = gpu_op_dimension(op);
    eo_print_fmt(p, "  %c", d >= 0 ? dim_names[d] : '?');
    eo_print_attr_dict(p, op, elided);
}

static eo_status
parse_query(eo_parser *p, eo_op_state *st)
{
    static const char *const kws[3] = {"x", "y", "z"};
    eo_status s;
    int d = -1;
    for (int i = 0; i < 3 && d < 0; i++)
        if (eo_parse_optional_keyword(p, kws[i]))
            d = i;
    if (d < 0)
        return eo_parser_error(p, "expected ::mlir::gpu::Dimension to be "
                               "one of: x, y, z");
    const eo_attr *a = gpu_dim_attr(st->ctx, d);
    const eo_type *index = eo_type_get_index(st->ctx);
    if (!a || !index)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "dimension", a)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, index);
}

static void
query_names(eo_op *op, void (*set)(void *ud, unsigned i, const char *name,
                                   size_t len), void *ud)
{
    static const char *const base[GPU_NUM_OPS] = {
        [GPU_THREAD_ID] = "thread_id", [GPU_BLOCK_ID] = "block_id",
        [GPU_BLOCK_DIM] = "block_dim", [GPU_GRID_DIM] = "grid_dim",
        [GPU_GLOBAL_ID] = "global_id",
    };
    enum gpu_op k = gpu_op_kind(op);
    int d = gpu_op_dimension(op);
    if (k == GPU_NUM_OPS || !base[k] || d < 0)
        return;
    char buf[16];
    size_t n = strlen(base[k]);
    memcpy(buf, base[k], n);
    buf[n] = '_';
    buf[n + 1] = dim_names[d];
    set(ud, 0, buf, n + 2);
}

/* ------------------------------------------------------------------ */
/* gpu.barrier, gpu.terminator                                         */
/* ------------------------------------------------------------------ */

static void
print_bare(eo_printer *p, eo_op *op)
{
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_bare(eo_parser *p, eo_op_state *st)
{
    return eo_parse_optional_attr_dict(p, st);
}

static eo_status
verify_terminator(eo_op *op)
{
    if (gpu_op_kind(eo_op_parent(op)) != GPU_LAUNCH)
        return eo_op_error(op, "expects parent op 'gpu.launch'");
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* gpu.launch                                                          */
/* ------------------------------------------------------------------ */

eo_block *
gpu_launch_body(const eo_op *launch)
{
    if (gpu_op_kind(launch) != GPU_LAUNCH || eo_op_num_regions(launch) != 1)
        return NULL;
    return eo_region_first(eo_op_region(launch, 0));
}

size_t
gpu_launch_num_workgroup(const eo_op *launch)
{
    const eo_attr *a = eo_op_attr(launch, "workgroup_attributions");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER
        || eo_attr_int_value(a) < 0)
        return 0;
    return (size_t)eo_attr_int_value(a);
}

static eo_status
verify_launch(eo_op *op)
{
    size_t start, len;
    for (size_t k = 0; k < GPU_LAUNCH_NUM_SEGMENTS; k++) {
        if (!eo_op_operand_segment(op, k, &start, &len))
            return eo_op_error(op, "'operandSegmentSizes' attribute for "
                               "specifying operand segments must have 11 "
                               "elements");
        bool one = k >= GPU_SEG_GRID && k < GPU_SEG_CLUSTER;
        if (one && len != 1)
            return eo_op_error(op, "expects one grid or block size operand "
                               "per dimension");
        if ((k == GPU_SEG_ASYNC || (k >= GPU_SEG_CLUSTER
                                    && k < GPU_SEG_DYN_SHMEM)) && len)
            return eo_op_error(op, "async dependencies and clusters are not "
                               "supported by edge-opt");
        if (k == GPU_SEG_DYN_SHMEM && len > 1)
            return eo_op_error(op, "expects at most one dynamic shared "
                               "memory size");
        for (size_t i = start; i < start + len; i++) {
            const eo_type *t = eo_value_type(eo_op_operand(op, i));
            if (k == GPU_SEG_DYN_SHMEM
                    ? !(eo_type_is_int(t) && eo_type_int_width(t) == 32)
                    : !eo_type_is_index(t))
                return eo_op_error(op, "operand #%zu must be %s", i,
                                   k == GPU_SEG_DYN_SHMEM
                                       ? "32-bit signless integer"
                                       : "index");
        }
    }
    const eo_attr *wa = eo_op_attr(op, "workgroup_attributions");
    if (wa && (eo_attr_get_kind(wa) != EO_ATTR_INTEGER
               || eo_attr_int_value(wa) < 0))
        return eo_op_error(op, "attribute 'workgroup_attributions' must be "
                           "a non-negative integer");
    eo_block *body = gpu_launch_body(op);
    size_t nwg = gpu_launch_num_workgroup(op);
    if (!body || eo_block_num_args(body) < GPU_LAUNCH_NUM_CONFIG_ARGS + nwg)
        return eo_op_error(op, "unexpected number of region arguments");
    for (size_t i = 0; i < eo_block_num_args(body); i++) {
        const eo_type *t = eo_value_type(eo_block_arg(body, i));
        if (i < GPU_LAUNCH_NUM_CONFIG_ARGS ? !eo_type_is_index(t)
                                           : eo_type_get_kind(t)
                                                 != EO_TYPE_MEMREF)
            return eo_op_error(op, i < GPU_LAUNCH_NUM_CONFIG_ARGS
                                       ? "expected index type for region "
                                         "argument #%zu"
                                       : "expected memref type in "
                                         "attribution (region argument "
                                         "#%zu)", i);
    }
    return EO_OK;
}

/* What the custom form needs, checked without diagnostics (printing
 * must not report). */
static bool
well_formed(const eo_op *op)
{
    eo_block *body = gpu_launch_body(op);
    size_t start, len;
    for (size_t k = 0; k < GPU_LAUNCH_NUM_SEGMENTS; k++) {
        if (!eo_op_operand_segment(op, k, &start, &len))
            return false;
        if (k >= GPU_SEG_GRID && k < GPU_SEG_CLUSTER ? len != 1
                                                     : k != GPU_SEG_DYN_SHMEM
                                                           && len != 0)
            return false;
    }
    size_t need = GPU_LAUNCH_NUM_CONFIG_ARGS + gpu_launch_num_workgroup(op);
    return body && eo_block_num_args(body) >= need;
}

static void
print_args(eo_printer *p, eo_block *body, size_t first)
{
    for (size_t i = 0; i < 3; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_value(p, eo_block_arg(body, first + i));
    }
}

static void
print_sizes(eo_printer *p, eo_op *op, eo_block *body, size_t first_arg,
            size_t first_seg)
{
    for (size_t i = 0; i < 3; i++) {
        size_t start = 0, len = 0;
        eo_op_operand_segment(op, first_seg + i, &start, &len);
        if (i)
            eo_print_str(p, ", ");
        eo_print_value(p, eo_block_arg(body, first_arg + i));
        eo_print_str(p, " = ");
        eo_print_value(p, eo_op_operand(op, start));
    }
}

static void
print_attributions(eo_printer *p, const char *kw, eo_block *body,
                   size_t first, size_t n)
{
    if (!n)
        return;
    eo_print_fmt(p, " %s(", kw);
    for (size_t i = 0; i < n; i++) {
        eo_value *a = eo_block_arg(body, first + i);
        if (i)
            eo_print_str(p, ", ");
        eo_print_value(p, a);
        eo_print_str(p, " : ");
        eo_print_type(p, eo_value_type(a));
    }
    eo_print_str(p, ")");
}

static void
print_launch(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"operandSegmentSizes",
                                         "workgroup_attributions", NULL};
    eo_block *body = gpu_launch_body(op);
    size_t nwg = gpu_launch_num_workgroup(op);
    if (!well_formed(op)) {
        /* Not reachable for verified IR: keep the text parseable. */
        eo_print_str(p, " <<malformed gpu.launch>>");
        return;
    }
    eo_print_str(p, " blocks(");
    print_args(p, body, GPU_ARG_BLOCK_ID);
    eo_print_str(p, ") in (");
    print_sizes(p, op, body, GPU_ARG_GRID_SIZE, GPU_SEG_GRID);
    eo_print_str(p, ") threads(");
    print_args(p, body, GPU_ARG_THREAD_ID);
    eo_print_str(p, ") in (");
    print_sizes(p, op, body, GPU_ARG_BLOCK_SIZE, GPU_SEG_BLOCK);
    eo_print_str(p, ")");
    size_t start, len;
    if (eo_op_operand_segment(op, GPU_SEG_DYN_SHMEM, &start, &len) && len) {
        eo_print_str(p, " dynamic_shared_memory_size ");
        eo_print_value(p, eo_op_operand(op, start));
    }
    size_t nargs = eo_block_num_args(body);
    print_attributions(p, "workgroup", body, GPU_LAUNCH_NUM_CONFIG_ARGS, nwg);
    print_attributions(p, "private", body, GPU_LAUNCH_NUM_CONFIG_ARGS + nwg,
                       nargs - GPU_LAUNCH_NUM_CONFIG_ARGS - nwg);
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, true);
    eo_print_attr_dict(p, op, elided);
}

/* "(%a, %b, %c)" into decls[first..first+2]. */
static eo_status
parse_id_args(eo_parser *p, eo_arg_decl *decls, size_t first,
              const eo_type *index)
{
    eo_status s;
    if ((s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    for (size_t i = 0; i < 3; i++) {
        if ((i && (s = eo_parse_punct(p, ",")) != EO_OK)
            || (s = eo_parse_arg_decl(p, &decls[first + i], false, false))
                   != EO_OK)
            return s;
        decls[first + i].type = index;
    }
    return eo_parse_punct(p, ")");
}

/* "in (%g0 = %x, %g1 = %y, %g2 = %z)": size arguments and operands. */
static eo_status
parse_sizes(eo_parser *p, eo_op_state *st, eo_arg_decl *decls, size_t first,
            const eo_type *index)
{
    eo_status s;
    if ((s = eo_parse_expect_keyword(p, "in")) != EO_OK
        || (s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    for (size_t i = 0; i < 3; i++) {
        eo_operand_ref r;
        if ((i && (s = eo_parse_punct(p, ",")) != EO_OK)
            || (s = eo_parse_arg_decl(p, &decls[first + i], false, false))
                   != EO_OK
            || (s = eo_parse_punct(p, "=")) != EO_OK
            || (s = eo_parse_operand(p, &r)) != EO_OK
            || (s = eo_parse_resolve_operand(p, &r, index, st)) != EO_OK)
            return s;
        decls[first + i].type = index;
    }
    return eo_parse_punct(p, ")");
}

/* Grows the argument declarations by one; NULL on allocation failure. */
static eo_arg_decl *
push_decl(eo_arg_decl **v, size_t *n, size_t *cap)
{
    if (*n == *cap) {
        size_t nc = *cap * 2;
        eo_arg_decl *nv = realloc(*v, nc * sizeof **v);
        if (!nv)
            return NULL;
        *v = nv;
        *cap = nc;
    }
    eo_arg_decl *d = &(*v)[(*n)++];
    memset(d, 0, sizeof *d);
    return d;
}

/* " workgroup(%a : t, ...)" / " private(...)" if present; *count gets
 * the number parsed. */
static eo_status
parse_attributions(eo_parser *p, const char *kw, eo_arg_decl **v, size_t *n,
                   size_t *cap, size_t *count)
{
    *count = 0;
    if (!eo_parse_optional_keyword(p, kw))
        return EO_OK;
    eo_status s;
    if ((s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    do {
        eo_arg_decl *d = push_decl(v, n, cap);
        if (!d)
            return EO_NOMEM;
        if ((s = eo_parse_arg_decl(p, d, true, false)) != EO_OK)
            return s;
        (*count)++;
    } while (eo_parse_optional_punct(p, ","));
    return eo_parse_punct(p, ")");
}

static eo_status
parse_launch_into(eo_parser *p, eo_op_state *st, eo_arg_decl **decls,
                  size_t *n, size_t *cap)
{
    eo_ctx *ctx = st->ctx;
    const eo_type *index = eo_type_get_index(ctx);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    if (!index || !i32)
        return EO_NOMEM;
    if (eo_parser_at_keyword(p, "async") || eo_parser_at_keyword(p, "clusters"))
        return eo_parser_error(p, "gpu.launch: async dependencies and "
                               "clusters are not supported by edge-opt");
    eo_arg_decl *d = *decls;
    eo_status s;
    if ((s = eo_parse_expect_keyword(p, "blocks")) != EO_OK
        || (s = parse_id_args(p, d, GPU_ARG_BLOCK_ID, index)) != EO_OK
        || (s = parse_sizes(p, st, d, GPU_ARG_GRID_SIZE, index)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "threads")) != EO_OK
        || (s = parse_id_args(p, d, GPU_ARG_THREAD_ID, index)) != EO_OK
        || (s = parse_sizes(p, st, d, GPU_ARG_BLOCK_SIZE, index)) != EO_OK)
        return s;
    int32_t seg[GPU_LAUNCH_NUM_SEGMENTS] = {0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0};
    if (eo_parse_optional_keyword(p, "dynamic_shared_memory_size")) {
        eo_operand_ref r;
        if ((s = eo_parse_operand(p, &r)) != EO_OK
            || (s = eo_parse_resolve_operand(p, &r, i32, st)) != EO_OK)
            return s;
        seg[GPU_SEG_DYN_SHMEM] = 1;
    }
    size_t nwg, npriv;
    if ((s = parse_attributions(p, "workgroup", decls, n, cap, &nwg))
            != EO_OK
        || (s = parse_attributions(p, "private", decls, n, cap,
                                   &npriv)) != EO_OK)
        return s;
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const eo_attr *segs = eo_attr_get_dense_array(ctx, i32, 11, seg);
    const eo_attr *wa = i64 ? eo_attr_get_int(ctx, i64, (int64_t)nwg) : NULL;
    if (!segs || !wa)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "operandSegmentSizes", segs)) != EO_OK
        || (s = eo_op_state_set_attr(st, "workgroup_attributions", wa))
               != EO_OK)
        return s;
    eo_region *body = eo_op_state_add_region(st);
    if (!body)
        return EO_NOMEM;
    if ((s = eo_parse_region(p, body, *decls, *n)) != EO_OK)
        return s;
    return eo_parse_optional_attr_dict(p, st);
}

static eo_status
parse_launch(eo_parser *p, eo_op_state *st)
{
    size_t cap = 16, n = GPU_LAUNCH_NUM_CONFIG_ARGS;
    eo_arg_decl *decls = calloc(cap, sizeof *decls);
    if (!decls)
        return EO_NOMEM;
    eo_status s = parse_launch_into(p, st, &decls, &n, &cap);
    free(decls);
    return s;
}

eo_op *
gpu_launch_build(eo_builder *b, eo_value *const grid[3],
                 eo_value *const block[3])
{
    eo_ctx *ctx = b->ctx;
    const eo_type *index = eo_type_get_index(ctx);
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    if (!index || !i32 || !i64)
        return NULL;
    static const int32_t seg[GPU_LAUNCH_NUM_SEGMENTS] = {0, 1, 1, 1, 1, 1, 1,
                                                         0, 0, 0, 0};
    const eo_attr *segs = eo_attr_get_dense_array(ctx, i32, 11, seg);
    const eo_attr *wa = eo_attr_get_int(ctx, i64, 0);
    if (!segs || !wa)
        return NULL;
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &gpu_ops[GPU_LAUNCH], b->loc);
    eo_region *r = eo_op_state_add_region(&st);
    eo_block *body = eo_block_create(ctx);
    bool ok = r && body
              && eo_op_state_add_operands(&st, 3, grid) == EO_OK
              && eo_op_state_add_operands(&st, 3, block) == EO_OK
              && eo_op_state_set_attr(&st, "operandSegmentSizes", segs)
                     == EO_OK
              && eo_op_state_set_attr(&st, "workgroup_attributions", wa)
                     == EO_OK;
    for (size_t i = 0; ok && i < GPU_LAUNCH_NUM_CONFIG_ARGS; i++)
        ok = eo_block_add_arg(body, index, b->loc) != NULL;
    if (!ok) {
        if (body)
            eo_block_destroy(body);
        eo_op_state_release(&st);
        return NULL;
    }
    eo_region_append(r, body);
    eo_op *launch = eo_builder_insert(b, &st);
    if (!launch)
        return NULL;
    eo_builder in = *b;
    eo_builder_set_end(&in, body);
    eo_op *term = eo_builder_create(&in, "gpu.terminator", 0, NULL, 0, NULL,
                                    0, NULL);
    if (!term) {
        eo_op_detach(launch);
        eo_op_destroy(launch);
        return NULL;
    }
    return launch;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define QUERY(k, n)                                                       \
    [k] = { .name = n, .operands = 0, .results = 1, .traits = EO_PURE,    \
            .attrs = EO_ATTRS("dimension"),                               \
            .opt_attrs = EO_ATTRS("upper_bound"),                         \
            .verify = verify_query, .print = print_query,                 \
            .parse = parse_query, .result_names = query_names }

static const eo_op_def gpu_ops[GPU_NUM_OPS] = {
    [GPU_BARRIER] = { .name = "gpu.barrier", .operands = 0, .results = 0,
                      .traits = EO_MEM_READ | EO_MEM_WRITE,
                      .print = print_bare, .parse = parse_bare },
    QUERY(GPU_BLOCK_DIM, "gpu.block_dim"),
    QUERY(GPU_BLOCK_ID, "gpu.block_id"),
    QUERY(GPU_GLOBAL_ID, "gpu.global_id"),
    QUERY(GPU_GRID_DIM, "gpu.grid_dim"),
    [GPU_LAUNCH] = { .name = "gpu.launch", .operands = EO_VARIADIC,
                     .results = 0, .regions = 1,
                     .traits = EO_ATTR_SIZED_OPERANDS | EO_RECURSIVE_EFFECTS,
                     .opt_attrs = EO_ATTRS("operandSegmentSizes"),
                     .verify = verify_launch, .print = print_launch,
                     .parse = parse_launch },
    [GPU_TERMINATOR] = { .name = "gpu.terminator", .operands = 0,
                         .results = 0, .traits = EO_TERMINATOR | EO_PURE,
                         .verify = verify_terminator,
                         .print = print_bare, .parse = parse_bare },
    QUERY(GPU_THREAD_ID, "gpu.thread_id"),
};

static const eo_dialect_desc gpu_desc = {
    .name = "gpu",
    .ops = gpu_ops,
    .num_ops = GPU_NUM_OPS,
    .parse_attr = parse_dialect_attr,
    .print_attr = print_dialect_attr,
};

eo_status
gpu_register(eo_ctx *ctx)
{
    return eo_dialect_register_desc(ctx, &gpu_desc);
}

/* dialects/graph/transforms/util.c - helpers shared by the graph
 * transforms: value queries, constants (dense or dense_resource) and ops
 * built through a rewriter, host tensor transposes.
 */
#include "dialects/graph/transforms/internal.h"

#include "dialects/quant/quant.h"

#include <stdlib.h>
#include <string.h>

eo_op *
gt_def(const eo_value *v, eo_graph_op k)
{
    eo_op *d = v ? eo_value_def_op(v) : NULL;
    return d && eo_graph_op_kind(d) == (int)k ? d : NULL;
}

bool
gt_const_has_data(const eo_value *v)
{
    eo_op *c = gt_def(v, GRAPH_CONSTANT);
    const eo_attr *a = c ? eo_op_attr(c, "value") : NULL;
    size_t sz;
    if (!a)
        return false;
    return eo_attr_get_kind(a) != EO_ATTR_DENSE_RESOURCE ||
           eo_resource_data(eo_attr_resource(a), &sz) != NULL;
}

const eo_type *
gt_elem(const eo_value *v)
{
    return eo_type_elem(eo_value_type(v));
}

bool
gt_is_quant(const eo_value *v)
{
    const eo_type *e = gt_elem(v);
    return e && eo_type_is_quant(e);
}

bool
gt_is_f32(const eo_value *v)
{
    const eo_type *e = gt_elem(v);
    return e && eo_type_is_float(e) && eo_type_float_kind(e) == EO_F32;
}

const eo_type *
gt_tensor(eo_ctx *ctx, size_t rank, const int64_t *shape, const eo_type *elem)
{
    return eo_type_get_tensor(ctx, rank, shape, elem, NULL);
}

eo_status
gt_const_tensor(const eo_value *v, eo_tensor *out)
{
    eo_op *c = gt_def(v, GRAPH_CONSTANT);
    memset(out, 0, sizeof(*out));
    if (EO_NEVER(!c))
        return EO_ERROR;
    const eo_attr *a = eo_op_attr(c, "value");
    if (!a)
        return eo_op_error(c, "has no value");
    return eo_tensor_from_attr(eo_op_ctx(c), eo_op_loc(c), a, out);
}

void
gt_resource_key(const eo_op *op, const char *suffix, eo_strbuf *out)
{
    eo_strbuf site = { 0 };
    eo_op_site_key(op, &site);
    const char *s = site.data ? site.data : "";
    if (!*s || (*s >= '0' && *s <= '9'))
        eo_strbuf_puts(out, "_");
    for (; *s; s++) {
        char c = *s;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '_' || c == '.';
        eo_strbuf_append(out, ok ? &c : "_", 1);
    }
    eo_strbuf_free(&site);
    if (suffix && *suffix) {
        eo_strbuf_puts(out, ".");
        eo_strbuf_puts(out, suffix);
    }
}

/* The location for ops a rewrite creates without a model op. */
static const eo_loc *
rw_loc(eo_rewriter *rw, const eo_op *like)
{
    if (like)
        return eo_op_loc(like);
    if (rw->root)
        return eo_op_loc(rw->root);
    return rw->b.loc ? rw->b.loc : eo_loc_unknown(eo_rewriter_ctx(rw));
}

static bool
all_bytes_equal(const unsigned char *p, size_t n, size_t esz)
{
    for (size_t i = esz; i + esz <= n; i += esz)
        if (memcmp(p, p + i, esz) != 0)
            return false;
    return true;
}

eo_value *
gt_create_const(eo_rewriter *rw, const eo_type *type, const void *data,
                size_t size, const char *key, int64_t max_dense)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_type *elem = eo_type_elem(type);
    int64_t n = eo_type_num_elements(type);
    if (!elem || n < 0)
        return NULL;
    const eo_type *st_elem = eo_quant_storage_type(elem);
    const eo_type *vtype = st_elem == elem
                               ? type
                               : gt_tensor(ctx, eo_type_rank(type),
                                           eo_type_shape(type), st_elem);
    size_t esz = eo_dense_elem_bytes(st_elem);
    if (!vtype || !esz || size != (size_t)n * esz)
        return NULL;
    const eo_attr *value;
    if (n > 0 && all_bytes_equal(data, size, esz))
        value = eo_attr_get_dense(ctx, vtype, data, esz, true);
    else if (n <= max_dense)
        value = eo_attr_get_dense(ctx, vtype, data, size, false);
    else {
        eo_resource *r = eo_resource_create(ctx, key ? key : "folded", data,
                                            size, 64);
        value = r ? eo_attr_get_dense_resource(ctx, vtype, r) : NULL;
    }
    if (!value)
        return NULL;
    eo_op_state st;
    eo_op_state_init(&st, ctx, "graph.constant", rw_loc(rw, NULL));
    if (eo_op_state_set_attr(&st, "value", value) != EO_OK ||
        eo_op_state_add_result(&st, type) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_op *op = eo_rewriter_create(rw, &st);
    return op ? eo_op_result(op, 0) : NULL;
}

/* Sets every entry of dictionary 'd' on 'st' except those named in
 * set[0..nset). */
static eo_status
copy_dict(eo_op_state *st, const eo_attr *d, size_t nset,
          const eo_named_attr *set)
{
    for (size_t i = 0; d && i < eo_attr_dict_size(d); i++) {
        const eo_named_attr *na = eo_attr_dict_at(d, i);
        bool replaced = false;
        for (size_t j = 0; j < nset && !replaced; j++)
            replaced = set[j].name == na->name;
        if (!replaced && eo_op_state_set_attr(st, eo_ident_str(na->name),
                                              na->value) != EO_OK)
            return EO_NOMEM;
    }
    return EO_OK;
}

eo_op *
gt_create_op(eo_rewriter *rw, eo_graph_op k, size_t nops,
             eo_value *const *ops, size_t nres, const eo_type *const *res,
             const eo_op *like, size_t nset, const eo_named_attr *set)
{
    eo_op_state st;
    eo_op_state_init(&st, eo_rewriter_ctx(rw), eo_graph_op_name(k),
                     rw_loc(rw, like));
    eo_status s = eo_op_state_add_operands(&st, nops, ops);
    if (s == EO_OK)
        s = eo_op_state_add_results(&st, nres, res);
    if (s == EO_OK && like)
        s = copy_dict(&st, eo_op_props(like), nset, set);
    if (s == EO_OK && like)
        s = copy_dict(&st, eo_op_discardable_attrs(like), nset, set);
    for (size_t j = 0; s == EO_OK && j < nset; j++)
        if (set[j].value)
            s = eo_op_state_set_attr(&st, eo_ident_str(set[j].name),
                                     set[j].value);
    if (s != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

eo_value *
gt_transpose(eo_rewriter *rw, eo_value *x, const int64_t *perm)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_type *t = eo_value_type(x);
    size_t rank = eo_type_rank(t);
    int64_t shape[EO_GRAPH_MAX_RANK];
    if (rank > EO_GRAPH_MAX_RANK)
        return NULL;
    for (size_t i = 0; i < rank; i++)
        shape[i] = eo_type_dim(t, (size_t)perm[i]);
    const eo_type *rt = gt_tensor(ctx, rank, shape, eo_type_elem(t));
    const eo_attr *pa = eo_attr_get_dense_array(ctx, eo_type_get_int(ctx, 64),
                                                rank, perm);
    const eo_ident *pn = eo_ident_cstr(ctx, "perm");
    if (!rt || !pa || !pn)
        return NULL;
    eo_named_attr set = { pn, pa };
    eo_op *op = gt_create_op(rw, GRAPH_TRANSPOSE, 1, &x, 1, &rt, NULL, 1,
                             &set);
    return op ? eo_op_result(op, 0) : NULL;
}

eo_status
gt_tensor_transpose(const eo_tensor *in, const int64_t *perm, eo_tensor *out)
{
    size_t rank = in->rank;
    int64_t shape[EO_GRAPH_MAX_RANK] = { 0 }, istride[EO_GRAPH_MAX_RANK];
    if (rank > EO_GRAPH_MAX_RANK)
        return EO_ERROR;
    for (size_t i = 0; i < rank; i++)
        shape[i] = in->shape[perm[i]];
    eo_status st = eo_tensor_alloc(out, in->dtype, rank, shape);
    if (st != EO_OK)
        return st;
    int64_t s = 1;
    for (size_t i = rank; i-- > 0;) {
        istride[i] = s;
        s *= in->shape[i];
    }
    size_t esz = eo_dtype_size(in->dtype);
    int64_t n = eo_tensor_numel(out);
    int64_t idx[EO_GRAPH_MAX_RANK] = { 0 };
    const unsigned char *src = in->data;
    unsigned char *dst = out->data;
    for (int64_t o = 0; o < n; o++) {
        int64_t off = 0;
        for (size_t i = 0; i < rank; i++)
            off += idx[i] * istride[perm[i]];
        memcpy(dst + (size_t)o * esz, src + (size_t)off * esz, esz);
        for (size_t i = rank; i-- > 0;) {
            if (++idx[i] < shape[i])
                break;
            idx[i] = 0;
        }
    }
    return EO_OK;
}

eo_status
gt_run_patterns(eo_op *op, eo_pass_ctx *pc, const eo_pattern *pats,
                const void *data, bool changed_before)
{
    eo_ctx *ctx = eo_pass_ctx_ctx(pc);
    eo_pattern_set *ps = eo_pattern_set_create(ctx);
    if (!ps)
        return EO_NOMEM;
    size_t n = 0;
    while (pats[n].name)
        n++;
    /* The set borrows its rows: copies carrying 'data' outlive it. */
    eo_pattern *rows = calloc(n ? n : 1, sizeof(*rows));
    eo_status st = rows ? EO_OK : EO_NOMEM;
    for (size_t i = 0; st == EO_OK && i < n; i++) {
        rows[i] = pats[i];
        rows[i].data = data;
        st = eo_pattern_set_add(ps, &rows[i]);
    }
    bool changed = false;
    if (st == EO_OK) {
        eo_greedy_config cfg;
        eo_greedy_config_init(&cfg);
        cfg.fold = false;
        st = eo_apply_patterns_greedily(op, ps, &cfg, eo_pass_ctx_knobs(pc),
                                        &changed);
    }
    eo_pattern_set_destroy(ps);
    free(rows);
    if (st == EO_OK && !changed && !changed_before)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

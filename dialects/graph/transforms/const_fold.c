/* dialects/graph/transforms/const_fold.c - the graph-const-fold pass:
 * every graph op whose operands are all graph.constant is evaluated by the
 * reference interpreter and replaced by one graph.constant per result,
 * whatever its size (weight-only subgraphs: dequantized int8 weights,
 * transposed or reshaped filters, folded shape arithmetic).
 *
 * Requires: ops the interpreter supports (an unsupported op with constant
 * operands is an error at the op). Constants whose blob is absent (elided
 * dense_resource) are not folded. Preserves: the interpreter's results
 * exactly. Constants are splat dense attributes when uniform, dense up to
 * max-dense-elements elements, else new dense_resource blobs named
 * "<site>.folded"; operand constants left unused are erased.
 */
#include "dialects/graph/transforms/internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct cf_options {
    int64_t max_dense;
} cf_options;

typedef struct folder {
    eo_op **ops;
    size_t n, cap;
    bool oom;
} folder;

static bool
foldable(const eo_op *op)
{
    int k = eo_graph_op_kind(op);
    if (k < 0 || k == GRAPH_CONSTANT || eo_op_num_results(op) == 0 ||
        eo_op_num_regions(op) != 0)
        return false;
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (!gt_const_has_data(eo_op_operand(op, i)))
            return false;
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (eo_type_num_elements(eo_value_type(eo_op_result(op, i))) < 0)
            return false;
    return true;
}

static eo_walk_result
collect(eo_op *op, void *ud)
{
    folder *f = ud;
    if (eo_graph_op_kind(op) < 0 || eo_graph_op_kind(op) == GRAPH_CONSTANT)
        return EO_WALK_ADVANCE;
    if (f->n == f->cap) {
        size_t cap = f->cap ? 2 * f->cap : 64;
        eo_op **ops = realloc(f->ops, cap * sizeof(*ops));
        if (!ops) {
            f->oom = true;
            return EO_WALK_INTERRUPT;
        }
        f->ops = ops;
        f->cap = cap;
    }
    f->ops[f->n++] = op;
    return EO_WALK_ADVANCE;
}

/* Evaluates 'op' and replaces it by constants. */
static eo_status
fold_op(eo_rewriter *rw, eo_op *op, int64_t max_dense)
{
    size_t nin = eo_op_num_operands(op), nout = eo_op_num_results(op);
    eo_tensor *in = calloc(nin ? nin : 1, sizeof(*in));
    eo_tensor *res = calloc(nout, sizeof(*res));
    eo_value **vals = calloc(nout, sizeof(*vals));
    eo_op **defs = calloc(nin ? nin : 1, sizeof(*defs));
    eo_status st = in && res && vals && defs ? EO_OK : EO_NOMEM;
    size_t loaded = 0;
    for (; st == EO_OK && loaded < nin; loaded++) {
        defs[loaded] = eo_value_def_op(eo_op_operand(op, loaded));
        st = gt_const_tensor(eo_op_operand(op, loaded), &in[loaded]);
    }
    if (st == EO_OK)
        st = eo_interp_op(op, in, res);
    eo_strbuf key = { 0 };
    gt_resource_key(op, "folded", &key);
    eo_builder_set_before(&rw->b, op);
    for (size_t i = 0; st == EO_OK && i < nout; i++) {
        vals[i] = gt_create_const(rw, eo_value_type(eo_op_result(op, i)),
                                  res[i].data, res[i].nbytes,
                                  key.data ? key.data : "folded", max_dense);
        if (!vals[i])
            st = EO_NOMEM;
    }
    eo_strbuf_free(&key);
    if (st == EO_OK) {
        eo_rewriter_replace_op(rw, op, vals);
        /* Operand constants nothing else uses go too. */
        for (size_t i = 0; i < nin; i++) {
            bool seen = false;
            for (size_t j = 0; j < i && !seen; j++)
                seen = defs[j] == defs[i];
            if (!seen && !eo_value_has_uses(eo_op_result(defs[i], 0)))
                eo_rewriter_erase_op(rw, defs[i]);
        }
    }
    for (size_t i = 0; in && i < loaded; i++)
        eo_tensor_free(&in[i]);
    for (size_t i = 0; res && i < nout; i++)
        eo_tensor_free(&res[i]);
    free(in);
    free(res);
    free(vals);
    free(defs);
    return st;
}

static eo_status
run_const_fold(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const cf_options *o = options;
    folder f = { 0 };
    if (eo_op_walk(op, EO_WALK_PRE, collect, &f) || f.oom) {
        free(f.ops);
        return EO_NOMEM;
    }
    eo_rewriter rw;
    eo_rewriter_init(&rw, eo_pass_ctx_ctx(pc), NULL, eo_pass_ctx_knobs(pc));
    eo_status st = EO_OK;
    bool changed = false;
    /* Pre-order is a topological order of each block: an op's constant
     * operands are folded before it is looked at. */
    for (size_t i = 0; st == EO_OK && i < f.n; i++) {
        if (!foldable(f.ops[i]))
            continue;
        st = fold_op(&rw, f.ops[i], o ? o->max_dense : 16);
        changed = true;
    }
    free(f.ops);
    if (st == EO_OK && !changed)
        eo_pass_ctx_mark_unchanged(pc);
    return st;
}

static const eo_pass_option cf_option_rows[] = {
    { .name = "max-dense-elements",
      .description = "Largest folded constant written as a dense attribute "
                     "(bigger ones become dense_resource blobs)",
      .kind = EO_OPT_INT, .offset = offsetof(cf_options, max_dense),
      .default_value = "16" },
};

const eo_pass_def gt_pass_const_fold = {
    .name = "graph-const-fold",
    .description = "Evaluate graph ops whose operands are all constants",
    .anchor = "func.func",
    .options = cf_option_rows,
    .num_options = 1,
    .options_size = sizeof(cf_options),
    .run = run_const_fold,
};

/* dialects/graph/graph_fold.c - the fold hook of every graph op but
 * graph.constant.
 *
 * Identity folds: reshape / flatten / squeeze / unsqueeze to the operand's
 * own type, transpose by the identity permutation, x + 0, x - 0, x * 1,
 * x / 1 (splat constants, non-quantized, no fused activation, result type
 * equal to x's), requantize between equal types, and quantize(dequantize(x))
 * back to x's own type (exact for storage up to 16 bits).
 * dequantize(quantize(x)) is not folded: it is lossy.
 *
 * Constant evaluation: an op whose operands are all constants and whose
 * results have at most FOLD_MAX_ELEMENTS elements each is run by the
 * reference interpreter (eo_interp_op) and folds to dense attributes (of
 * the storage type for quantized results, which the dialect materializes
 * in the "as" form). dequantize, whose constant-weight form is what
 * fold-qdq matches, is left to the graph-const-fold pass.
 */
#include "dialects/graph/graph_internal.h"

#include "dialects/graph/interp.h"
#include "dialects/graph/interp_internal.h"
#include "dialects/quant/quant.h"

#include <stdlib.h>

/* Largest result (in elements) evaluated by the fold hook. */
#define FOLD_MAX_ELEMENTS 4096

/* Whether 'a' is a splat dense attribute of a non-quantized element type
 * whose value is 'v'. */
static bool
splat_is(const eo_attr *a, double v)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE ||
        !eo_attr_dense_is_splat(a))
        return false;
    const eo_type *e = eo_type_elem(eo_attr_type(a));
    if (!e)
        return false;
    if (eo_type_is_float(e))
        return eo_attr_dense_float(a, 0) == v;
    if (eo_type_is_int(e))
        return eo_attr_dense_int(a, 0) == (int64_t)v;
    return false;
}

static bool
is_quant_tensor(const eo_type *t)
{
    const eo_type *e = eo_type_elem(t);
    return e && eo_type_is_quant(e);
}

/* x op c -> x when c is the splat 'neutral' and the result is x's type. */
static bool
fold_neutral(eo_op *op, const eo_attr *const cst[], double neutral,
             bool either_side, eo_fold *out)
{
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (is_quant_tensor(rt) ||
        eo_graph_op_activation(op).kind != EO_ACT_NONE)
        return false;
    eo_value *a = eo_op_operand(op, 0), *b = eo_op_operand(op, 1);
    if (splat_is(cst[1], neutral) && eo_value_type(a) == rt)
        return eo_fold_to_value(out, a);
    if (either_side && splat_is(cst[0], neutral) && eo_value_type(b) == rt)
        return eo_fold_to_value(out, b);
    return false;
}

static bool
perm_is_identity(const eo_op *op, size_t rank)
{
    int64_t perm[EO_GRAPH_MAX_RANK];
    long n = eo_graph_attr_ints(op, "perm", perm, EO_GRAPH_MAX_RANK);
    if (n < 0)                        /* default: reversed dims */
        return rank <= 1;
    if ((size_t)n != rank)
        return false;
    for (size_t i = 0; i < rank; i++)
        if (perm[i] != (int64_t)i)
            return false;
    return true;
}

/* quantize(dequantize(x)) with x's type as the result: x. */
static bool
fold_quantize(eo_op *op, eo_fold *out)
{
    eo_value *v = eo_op_operand(op, 0);
    eo_op *d = eo_value_def_op(v);
    if (!d || eo_graph_op_kind(d) != GRAPH_DEQUANTIZE)
        return false;
    eo_value *x = eo_op_operand(d, 0);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    eo_quant_params p;
    if (eo_value_type(x) != rt ||
        !eo_quant_get_params(eo_type_elem(rt), &p) || p.storage_bits > 16)
        return false;
    return eo_fold_to_value(out, x);
}

static bool
fold_identity(eo_op *op, int k, const eo_attr *const cst[], eo_fold *out)
{
    switch (k) {
    case GRAPH_RESHAPE:
    case GRAPH_FLATTEN:
    case GRAPH_SQUEEZE:
    case GRAPH_UNSQUEEZE:
    case GRAPH_REQUANTIZE:
        if (eo_value_type(eo_op_operand(op, 0)) ==
            eo_value_type(eo_op_result(op, 0)))
            return eo_fold_to_value(out, eo_op_operand(op, 0));
        return false;
    case GRAPH_TRANSPOSE: {
        const eo_type *t = eo_value_type(eo_op_operand(op, 0));
        if (t == eo_value_type(eo_op_result(op, 0)) && eo_type_has_rank(t) &&
            perm_is_identity(op, eo_type_rank(t)))
            return eo_fold_to_value(out, eo_op_operand(op, 0));
        return false;
    }
    case GRAPH_ADD:
        return fold_neutral(op, cst, 0.0, true, out);
    case GRAPH_SUB:
        return fold_neutral(op, cst, 0.0, false, out);
    case GRAPH_MUL:
        return fold_neutral(op, cst, 1.0, true, out);
    case GRAPH_DIV:
        return fold_neutral(op, cst, 1.0, false, out);
    case GRAPH_QUANTIZE:
        return fold_quantize(op, out);
    default:
        return false;
    }
}

/* Whether every result is a static tensor with at most FOLD_MAX_ELEMENTS
 * elements. */
static bool
results_foldable(const eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        const eo_type *t = eo_value_type(eo_op_result(op, i));
        if (eo_type_get_kind(t) != EO_TYPE_TENSOR)
            return false;
        int64_t n = eo_type_num_elements(t);
        if (n < 0 || n > FOLD_MAX_ELEMENTS)
            return false;
    }
    return true;
}

/* Runs the interpreter on the constant operands; false (no diagnostic
 * beyond what the interpreter reports for bad data) if it cannot. */
static bool
fold_constants(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    size_t nin = eo_op_num_operands(op), nout = eo_op_num_results(op);
    for (size_t i = 0; i < nin; i++) {
        if (!cst[i])
            return false;
        /* An elided blob (dense_resource<__elided__>) has no data. */
        size_t sz;
        if (eo_attr_get_kind(cst[i]) == EO_ATTR_DENSE_RESOURCE &&
            !eo_resource_data(eo_attr_resource(cst[i]), &sz))
            return false;
    }
    if (nout == 0 || !results_foldable(op) || !interp_kernel_for(op))
        return false;
    eo_ctx *ctx = eo_op_ctx(op);
    eo_tensor *in = calloc(nin ? nin : 1, sizeof(*in));
    eo_tensor *res = calloc(nout, sizeof(*res));
    const eo_attr **attrs = calloc(nout, sizeof(*attrs));
    bool ok = in && res && attrs;
    size_t loaded = 0;
    for (; ok && loaded < nin; loaded++)
        ok = eo_tensor_from_attr(ctx, eo_op_loc(op), cst[loaded],
                                 &in[loaded]) == EO_OK;
    if (ok)
        ok = eo_interp_op(op, in, res) == EO_OK;
    for (size_t i = 0; ok && i < nout; i++) {
        attrs[i] = eo_tensor_to_attr(ctx, &res[i],
                                     eo_value_type(eo_op_result(op, i)));
        ok = attrs[i] != NULL;
    }
    if (ok)
        for (size_t i = 0; i < nout; i++)
            eo_fold_set_attr(out, i, attrs[i]);
    if (in)
        for (size_t i = 0; i < loaded; i++)
            eo_tensor_free(&in[i]);
    if (res)
        for (size_t i = 0; i < nout; i++)
            eo_tensor_free(&res[i]);
    free(in);
    free(res);
    free(attrs);
    return ok;
}

bool
graph_fold(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    int k = eo_graph_op_kind(op);
    if (k < 0 || k == GRAPH_CONSTANT)
        return false;
    if (fold_identity(op, k, cst, out))
        return true;
    if (k == GRAPH_DEQUANTIZE)
        return false;
    return fold_constants(op, cst, out);
}

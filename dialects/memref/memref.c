/* dialects/memref/memref.c - the memref dialect subset of MLIR 19: the op
 * table (memref_ops[] at the end), custom forms, verifiers (MLIR's
 * messages), memory effects as traits, result names and folds. Helpers
 * first: types and layouts, static/dynamic index lists, operand lists;
 * then one section per op.
 */
#include "dialects/memref/memref.h"

#include "dialects/arith/arith.h"

#include <stdlib.h>
#include <string.h>

static const eo_op_def memref_ops[MEMREF_NUM_OPS];

static enum memref_op def_index(const eo_op_def *def);

static bool
is_op(const eo_op *op, enum memref_op k)
{
    return op && def_index(eo_op_get_def(op)) == k;
}

/* ------------------------------------------------------------------ */
/* Types and layouts                                                   */
/* ------------------------------------------------------------------ */

static bool
is_ranked(const eo_type *t)
{
    return t && eo_type_get_kind(t) == EO_TYPE_MEMREF;
}

static bool
is_any_memref(const eo_type *t)
{
    return t && (eo_type_get_kind(t) == EO_TYPE_MEMREF ||
                 eo_type_get_kind(t) == EO_TYPE_UNRANKED_MEMREF);
}

/* Whether the layout of ranked 't' is the identity (MLIR's
 * isIdentity(): its affine map is; strided<[1]> is (d0) -> (d0)). */
static bool
identity_layout(const eo_type *t)
{
    const eo_attr *l = eo_type_layout(t);
    if (!l)
        return true;
    if (eo_attr_get_kind(l) == EO_ATTR_AFFINE_MAP)
        return eo_affine_map_is_identity(eo_attr_affine_map(l));
    return eo_attr_get_kind(l) == EO_ATTR_STRIDED_LAYOUT &&
           eo_attr_strided_rank(l) == 1 &&
           eo_attr_strided_strides(l)[0] == 1 &&
           eo_attr_strided_offset(l) == 0;
}

/* Strides and offset as "constant or EO_DYNAMIC" sums, for affine map
 * layouts (MLIR's extractStrides): a constant factor or a symbolic one. */
static int64_t
lin_add(int64_t a, int64_t b)
{
    int64_t r;
    if (a == EO_DYNAMIC || b == EO_DYNAMIC ||
        __builtin_add_overflow(a, b, &r) || r == EO_DYNAMIC)
        return EO_DYNAMIC;
    return r;
}

static int64_t
lin_mul(int64_t a, int64_t b)
{
    int64_t r;
    if (a == EO_DYNAMIC || b == EO_DYNAMIC ||
        __builtin_mul_overflow(a, b, &r) || r == EO_DYNAMIC)
        return EO_DYNAMIC;
    return r;
}

/* Whether 'e' has no dimension in it. */
static bool
symbolic_or_constant(const eo_affine_expr *e)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM: return false;
    case EO_AFFINE_SYMBOL:
    case EO_AFFINE_CONST: return true;
    default:
        return symbolic_or_constant(eo_affine_expr_lhs(e)) &&
               symbolic_or_constant(eo_affine_expr_rhs(e));
    }
}

/* The value of a dimension-free expression: its constant (expressions
 * are simplified when built, so constant ones are folded), or EO_DYNAMIC
 * when a symbol is involved. */
static int64_t
symbolic_value(const eo_affine_expr *e)
{
    return eo_affine_expr_kind(e) == EO_AFFINE_CONST ? eo_affine_expr_value(e)
                                                     : EO_DYNAMIC;
}

static bool
extract_strides(const eo_affine_expr *e, int64_t factor, size_t rank,
                int64_t *strides, int64_t *offset, unsigned depth)
{
    if (depth > 64)
        return false;
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM: {
        unsigned d = eo_affine_expr_pos(e);
        if (d >= rank)
            return false;
        strides[d] = lin_add(strides[d], factor);
        return true;
    }
    case EO_AFFINE_SYMBOL:
        *offset = EO_DYNAMIC;
        return true;
    case EO_AFFINE_CONST:
        *offset = lin_add(*offset, lin_mul(eo_affine_expr_value(e), factor));
        return true;
    case EO_AFFINE_ADD:
        return extract_strides(eo_affine_expr_lhs(e), factor, rank, strides,
                               offset, depth + 1) &&
               extract_strides(eo_affine_expr_rhs(e), factor, rank, strides,
                               offset, depth + 1);
    case EO_AFFINE_MUL: {
        const eo_affine_expr *l = eo_affine_expr_lhs(e);
        const eo_affine_expr *r = eo_affine_expr_rhs(e);
        if (eo_affine_expr_kind(l) == EO_AFFINE_DIM) {
            unsigned d = eo_affine_expr_pos(l);
            if (d >= rank)
                return false;
            strides[d] = lin_add(strides[d],
                                 lin_mul(symbolic_value(r), factor));
            return true;
        }
        if (symbolic_or_constant(l))
            return extract_strides(r, lin_mul(factor, symbolic_value(l)),
                                   rank, strides, offset, depth + 1);
        return extract_strides(l, lin_mul(factor, symbolic_value(r)), rank,
                               strides, offset, depth + 1);
    }
    default:
        return false;   /* mod, floordiv, ceildiv */
    }
}

/* MLIR's getStridesAndOffset for a one-result affine map layout; fails
 * on a zero stride (not a non-aliasing strided layout). */
static bool
map_strides(const eo_affine_map *m, size_t rank, int64_t *strides,
            int64_t *offset)
{
    if (eo_affine_map_num_results(m) != 1 ||
        eo_affine_map_num_dims(m) != rank)
        return false;
    for (size_t i = 0; i < rank; i++)
        strides[i] = 0;
    *offset = 0;
    if (!extract_strides(eo_affine_map_result(m, 0), 1, rank, strides,
                         offset, 0))
        return false;
    for (size_t i = 0; i < rank; i++)
        if (strides[i] == 0)
            return false;
    return true;
}

bool
memref_strides_and_offset(const eo_type *t, int64_t *strides,
                          int64_t *offset)
{
    if (!is_ranked(t))
        return false;
    size_t rank = eo_type_rank(t);
    if (identity_layout(t)) {
        int64_t run = 1;
        for (size_t i = rank; i-- > 0;) {
            strides[i] = run;
            int64_t d = eo_type_dim(t, i);
            /* MLIR's makeCanonicalStridedLayoutExpr: a dynamic or zero
             * size makes every outer stride dynamic. */
            if (run == EO_DYNAMIC || d <= 0 || run > INT64_MAX / d)
                run = EO_DYNAMIC;
            else
                run *= d;
        }
        *offset = 0;
        return true;
    }
    const eo_attr *l = eo_type_layout(t);
    if (eo_attr_get_kind(l) == EO_ATTR_AFFINE_MAP)
        return map_strides(eo_attr_affine_map(l), rank, strides, offset);
    if (eo_attr_get_kind(l) != EO_ATTR_STRIDED_LAYOUT ||
        eo_attr_strided_rank(l) != rank)
        return false;
    if (rank)
        memcpy(strides, eo_attr_strided_strides(l), rank * sizeof *strides);
    *offset = eo_attr_strided_offset(l);
    return true;
}

/* Saturating arithmetic on sizes/strides: EO_DYNAMIC absorbs. */
/* MLIR's SaturatedInteger: 0 times anything is 0. */
static int64_t
sat_mul(int64_t a, int64_t b)
{
    int64_t r;
    if (a == 0 || b == 0)
        return 0;
    if (a == EO_DYNAMIC || b == EO_DYNAMIC ||
        __builtin_mul_overflow(a, b, &r) || r == EO_DYNAMIC)
        return EO_DYNAMIC;
    return r;
}

static int64_t
sat_add(int64_t a, int64_t b)
{
    int64_t r;
    if (a == EO_DYNAMIC || b == EO_DYNAMIC ||
        __builtin_add_overflow(a, b, &r) || r == EO_DYNAMIC)
        return EO_DYNAMIC;
    return r;
}

/* A product of sizes: any dynamic size makes it dynamic. */
static int64_t
size_mul(int64_t a, int64_t b)
{
    int64_t r;
    if (a == EO_DYNAMIC || b == EO_DYNAMIC ||
        __builtin_mul_overflow(a, b, &r) || r == EO_DYNAMIC)
        return EO_DYNAMIC;
    return r;
}

/* Appends the spelling of 't' to 'b' and returns where it starts. */
static size_t
put_type(eo_strbuf *b, const eo_type *t)
{
    size_t at = b->len;
    eo_type_print(t, b);
    eo_strbuf_append(b, "", 1);   /* NUL-separated pieces */
    return at;
}

static const char *
piece(const eo_strbuf *b, size_t at)
{
    return b->data && !b->oom ? b->data + at : "";
}

/* "'op' op <kind> #i must be <what>, but got 'T'" */
static eo_status
type_error(eo_op *op, const char *kind, size_t i, const char *what,
           const eo_type *t)
{
    eo_strbuf b = {0};
    size_t at = put_type(&b, t);
    eo_status s = eo_op_error(op, "%s #%zu must be %s, but got '%s'", kind, i,
                              what, piece(&b, at));
    eo_strbuf_free(&b);
    return s;
}

static eo_status
check_operand_memref(eo_op *op, size_t i, bool ranked)
{
    const eo_type *t = eo_value_type(eo_op_operand(op, i));
    if (ranked ? is_ranked(t) : is_any_memref(t))
        return EO_OK;
    return type_error(op, "operand", i,
                      ranked ? "memref of any type values"
                             : "ranked or unranked memref of any type values",
                      t);
}

static eo_status
check_result_memref(eo_op *op, size_t i, bool ranked)
{
    const eo_type *t = eo_value_type(eo_op_result(op, i));
    if (ranked ? is_ranked(t) : is_any_memref(t))
        return EO_OK;
    return type_error(op, "result", i,
                      ranked ? "memref of any type values"
                             : "ranked or unranked memref of any type values",
                      t);
}

/* Operands from 'first' on must be index ("variadic of index" when they
 * form a variadic group). */
static eo_status
check_index_operands(eo_op *op, size_t first, bool variadic)
{
    for (size_t i = first; i < eo_op_num_operands(op); i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        if (!eo_type_is_index(t))
            return type_error(op, "operand", i,
                              variadic ? "variadic of index" : "index", t);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Growable arrays while parsing (malloc'd; freed by the caller)       */
/* ------------------------------------------------------------------ */

typedef struct list {
    void *data;
    size_t n, cap, elem;
} list;

#define LIST(type) ((list){ .elem = sizeof(type) })

static void *
list_push(list *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        void *d = realloc(l->data, cap * l->elem);
        if (!d)
            return NULL;
        l->data = d;
        l->cap = cap;
    }
    void *slot = (char *)l->data + l->n++ * l->elem;
    memset(slot, 0, l->elem);
    return slot;
}

static void
list_free(list *l)
{
    free(l->data);
    l->data = NULL;
    l->n = l->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Attribute helpers                                                   */
/* ------------------------------------------------------------------ */

static eo_status
set_array(eo_op_state *st, const char *name, unsigned width, size_t n,
          const void *v)
{
    const eo_type *t = eo_type_get_int(st->ctx, width);
    const eo_attr *a = t ? eo_attr_get_dense_array(st->ctx, t, n, v) : NULL;
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, name, a);
}

/* The i64 dense array property 'name', or NULL if absent or malformed. */
static const eo_attr *
i64_array(const eo_op *op, const char *name)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY ||
        !eo_type_is_signless_int(eo_attr_dense_array_elem(a), 64))
        return NULL;
    return a;
}

static eo_status
check_i64_array(eo_op *op, const char *name)
{
    if (i64_array(op, name))
        return EO_OK;
    return eo_op_error(op, "attribute '%s' failed to satisfy constraint: "
                           "i64 dense array attribute", name);
}

/* The optional "alignment" property: a 64-bit signless integer >= 0. */
static eo_status
check_alignment(eo_op *op, bool pow2)
{
    const eo_attr *a = eo_op_attr(op, "alignment");
    if (!a)
        return EO_OK;
    if (eo_attr_get_kind(a) != EO_ATTR_INTEGER ||
        !eo_type_is_signless_int(eo_attr_type(a), 64) ||
        eo_attr_int_value(a) < 0)
        return eo_op_error(op, "attribute 'alignment' failed to satisfy "
                               "constraint: 64-bit signless integer attribute "
                               "whose minimum value is 0");
    int64_t v = eo_attr_int_value(a);
    if (pow2 && (v == 0 || (v & (v - 1)) != 0))
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "alignment "
                             "attribute value %lld is not a power of 2",
                             (long long)v);
    return EO_OK;
}

/* Inherent attributes given in a custom form's attribute dictionary are
 * checked as MLIR checks properties while parsing: the error points at
 * the dictionary. 'name' must be an i64 >= 0 (alignment) or a bool. */
static eo_status
check_parsed_prop(eo_parser *p, eo_op_state *st, const eo_loc *dict_loc,
                  const char *name)
{
    bool align = strcmp(name, "alignment") == 0;
    for (size_t i = 0; i < st->num_attrs; i++) {
        if (strcmp(eo_ident_str(st->attrs[i].name), name) != 0)
            continue;
        const eo_attr *a = st->attrs[i].value;
        bool ok = align ? eo_attr_get_kind(a) == EO_ATTR_INTEGER &&
                              eo_type_is_signless_int(eo_attr_type(a), 64) &&
                              eo_attr_int_value(a) >= 0
                        : eo_attr_is_bool(a);
        if (ok)
            return EO_OK;
        const char *n = eo_ident_str(st->name);
        return eo_parser_error_loc(p, dict_loc, "custom op '%s' '%s' op "
                                   "attribute '%s' failed to satisfy "
                                   "constraint: %s", n, n, name,
                                   align ? "64-bit signless integer "
                                           "attribute whose minimum value "
                                           "is 0"
                                         : "bool attribute");
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Static/dynamic index lists ("[%a, 4]", MLIR's DynamicIndexList)     */
/* ------------------------------------------------------------------ */

/* Prints "[...]": static entries of 'stat' as integers, EO_DYNAMIC ones
 * as the next operands from 'first' (at most 'ndyn'). Returns how many
 * operands were used. */
static size_t
print_index_list(eo_printer *p, const eo_op *op, const eo_attr *stat,
                 size_t first, size_t ndyn)
{
    size_t n = stat ? eo_attr_dense_array_size(stat) : 0, d = 0;
    eo_print_str(p, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        int64_t v = eo_attr_dense_array_int(stat, i);
        if (v == EO_DYNAMIC && d < ndyn)
            eo_print_value(p, eo_op_operand(op, first + d++));
        else if (v == EO_DYNAMIC)
            eo_print_str(p, "?");
        else
            eo_print_fmt(p, "%lld", (long long)v);
    }
    eo_print_str(p, "]");
    return d;
}

/* Parses "[" (operand | integer), ... "]": integers go to 'stat',
 * operands to 'refs' with EO_DYNAMIC in 'stat'. */
static eo_status
parse_index_list(eo_parser *p, list *stat, list *refs, size_t *ndyn)
{
    eo_status s;
    *ndyn = 0;
    if ((s = eo_parse_punct(p, "[")) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, "]"))
        return EO_OK;
    do {
        int64_t *v = list_push(stat);
        if (!v)
            return EO_NOMEM;
        if (eo_parser_at_operand(p)) {
            eo_operand_ref *r = list_push(refs);
            if (!r)
                return EO_NOMEM;
            if ((s = eo_parse_operand(p, r)) != EO_OK)
                return s;
            *v = EO_DYNAMIC;
            ++*ndyn;
        } else {
            bool neg = eo_parse_optional_punct(p, "-");
            if ((s = eo_parse_integer(p, v)) != EO_OK)
                return s;
            if (neg)
                *v = (int64_t)(0 - (uint64_t)*v);
        }
    } while (eo_parse_optional_punct(p, ","));
    return eo_parse_punct(p, "]");
}

/* Entry i of a mixed list: static value, or the operand standing for it
 * (then *dyn is set and the value is EO_DYNAMIC). */
static int64_t
mixed_at(const eo_op *op, const eo_attr *stat, size_t first, size_t i,
         eo_value **dyn)
{
    size_t d = 0;
    *dyn = NULL;
    for (size_t k = 0; k < i; k++)
        d += eo_attr_dense_array_int(stat, k) == EO_DYNAMIC;
    int64_t v = eo_attr_dense_array_int(stat, i);
    if (v == EO_DYNAMIC && first + d < eo_op_num_operands(op))
        *dyn = eo_op_operand(op, first + d);
    return v;
}

/* MLIR's verifyListOfOperandsOrIntegers. */
static eo_status
check_mixed_list(eo_op *op, const char *name, size_t want,
                 const eo_attr *stat, size_t have_dyn)
{
    size_t n = eo_attr_dense_array_size(stat), nd = 0;
    if (n != want)
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected %zu %s "
                             "values, got %zu", want, name, n);
    for (size_t i = 0; i < n; i++)
        nd += eo_attr_dense_array_int(stat, i) == EO_DYNAMIC;
    if (nd != have_dyn)
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected %zu "
                             "dynamic %s values", nd, name);
    return EO_OK;
}

/* Resolves 'n' refs as index into 'st'. */
static eo_status
resolve_indices(eo_parser *p, eo_op_state *st, const eo_operand_ref *refs,
                size_t n)
{
    const eo_type *index = eo_type_get_index(st->ctx);
    if (!index)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++) {
        eo_status s = eo_parse_resolve_operand(p, &refs[i], index, st);
        if (s != EO_OK)
            return s;
    }
    return EO_OK;
}

/* "[%a, %b]" operand list in brackets (load/store indices). */
static eo_status
parse_bracket_operands(eo_parser *p, eo_operand_ref **refs, size_t *n)
{
    eo_status s;
    *refs = NULL;
    *n = 0;
    if ((s = eo_parse_punct(p, "[")) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, "]"))
        return EO_OK;
    if ((s = eo_parse_operand_list(p, refs, n)) != EO_OK)
        return s;
    return eo_parse_punct(p, "]");
}

/* ------------------------------------------------------------------ */
/* Result names                                                        */
/* ------------------------------------------------------------------ */

typedef void (*name_fn)(void *ud, unsigned i, const char *name, size_t len);

static void
result_names(eo_op *op, name_fn set, void *ud)
{
    const char *n = NULL;
    switch (def_index(eo_op_get_def(op))) {
    case MEMREF_ALLOC: n = "alloc"; break;
    case MEMREF_ALLOCA: n = "alloca"; break;
    case MEMREF_CAST: n = "cast"; break;
    case MEMREF_COLLAPSE_SHAPE: n = "collapse_shape"; break;
    case MEMREF_DIM: n = "dim"; break;
    case MEMREF_EXPAND_SHAPE: n = "expand_shape"; break;
    case MEMREF_REINTERPRET_CAST: n = "reinterpret_cast"; break;
    case MEMREF_SUBVIEW: n = "subview"; break;
    default: return;
    }
    set(ud, 0, n, strlen(n));
}

/* ------------------------------------------------------------------ */
/* Folding helpers                                                     */
/* ------------------------------------------------------------------ */

/* MLIR's foldMemRefCast: operands (other than 'skip') produced by a
 * memref.cast from a ranked memref take the cast's source instead. */
static bool
fold_cast_operands(eo_op *op, size_t skip, eo_fold *out)
{
    bool changed = false;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        if (i == skip)
            continue;
        eo_op *def = eo_value_def_op(eo_op_operand(op, i));
        if (!is_op(def, MEMREF_CAST) || eo_op_num_operands(def) != 1)
            continue;
        eo_value *src = eo_op_operand(def, 0);
        if (!is_ranked(eo_value_type(src)))
            continue;
        eo_op_set_operand(op, i, src);
        changed = true;
    }
    return changed && eo_fold_in_place(out);
}

/* Folded constants become arith.constant (MLIR uses arith's). */
static eo_op *
materialize_constant(eo_rewriter *rw, const eo_attr *value,
                     const eo_type *type, const eo_loc *loc)
{
    if (!value || !type || eo_attr_type(value) != type ||
        eo_attr_get_kind(value) != EO_ATTR_INTEGER)
        return NULL;
    eo_op_state st;
    eo_op_state_init_def(&st, eo_rewriter_ctx(rw),
                         arith_op_def(ARITH_CONSTANT), loc);
    if (eo_op_state_add_result(&st, type) != EO_OK ||
        eo_op_state_set_attr(&st, "value", value) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

/* MLIR default-initializes a missing operandSegmentSizes property to
 * zeros (so an operand-less generic alloc needs none): do the same. */
static eo_status
populate_segments(eo_op_state *st)
{
    for (size_t i = 0; i < st->num_attrs; i++)
        if (strcmp(eo_ident_str(st->attrs[i].name), "operandSegmentSizes")
            == 0)
            return EO_OK;
    for (size_t i = 0; i < st->num_props; i++)
        if (strcmp(eo_ident_str(st->props[i].name), "operandSegmentSizes")
            == 0)
            return EO_OK;
    static const int32_t zeros[4] = {0, 0, 0, 0};
    enum memref_op k = def_index(st->def);
    size_t n = k == MEMREF_ALLOC || k == MEMREF_ALLOCA ? 2 : 4;
    return set_array(st, "operandSegmentSizes", 32, n, zeros);
}

/* ------------------------------------------------------------------ */
/* memref.alloc, memref.alloca                                         */
/* ------------------------------------------------------------------ */

static size_t
num_dynamic_dims(const eo_type *t)
{
    size_t n = 0;
    for (size_t i = 0; i < eo_type_rank(t); i++)
        n += eo_type_dim(t, i) == EO_DYNAMIC;
    return n;
}

static size_t
layout_symbols(const eo_type *t)
{
    const eo_attr *l = eo_type_layout(t);
    if (l && eo_attr_get_kind(l) == EO_ATTR_AFFINE_MAP)
        return eo_affine_map_num_symbols(eo_attr_affine_map(l));
    return 0;
}

static eo_status
verify_alloc(eo_op *op)
{
    size_t s0, n0, s1, n1;
    if (!eo_op_operand_segment(op, 0, &s0, &n0) ||
        !eo_op_operand_segment(op, 1, &s1, &n1))
        return eo_op_error(op, "'operandSegmentSizes' attribute for "
                               "specifying operand segments must have 2 "
                               "elements");
    if (check_index_operands(op, 0, true) != EO_OK ||
        check_result_memref(op, 0, true) != EO_OK ||
        check_alignment(op, false) != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (n0 != num_dynamic_dims(t))
        return eo_op_error(op, "dimension operand count does not equal "
                               "memref dynamic dimension count");
    if (n1 != layout_symbols(t))
        return eo_op_error(op, "symbol operand count does not equal memref "
                               "symbol count: expected %zu, got %zu",
                           layout_symbols(t), n1);
    return EO_OK;
}

static void
print_alloc(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"operandSegmentSizes", NULL};
    size_t s0 = 0, n0 = 0, s1 = 0, n1 = 0;
    eo_op_operand_segment(op, 0, &s0, &n0);
    eo_op_operand_segment(op, 1, &s1, &n1);
    eo_print_str(p, "(");
    eo_print_operands(p, op, s0, n0);
    eo_print_str(p, ")");
    if (n1) {
        eo_print_str(p, "[");
        eo_print_operands(p, op, s1, n1);
        eo_print_str(p, "]");
    }
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static eo_status
parse_alloc(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *dyn = NULL, *sym = NULL;
    size_t ndyn = 0, nsym = 0;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    if (!eo_parse_optional_punct(p, ")")) {
        if ((s = eo_parse_operand_list(p, &dyn, &ndyn)) != EO_OK ||
            (s = eo_parse_punct(p, ")")) != EO_OK)
            return s;
    }
    if (eo_parse_optional_punct(p, "[")) {
        if ((s = eo_parse_operand_list(p, &sym, &nsym)) != EO_OK ||
            (s = eo_parse_punct(p, "]")) != EO_OK)
            return s;
    }
    const eo_loc *dict_loc = eo_parser_loc(p);
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = check_parsed_prop(p, st, dict_loc, "alignment")) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &t)) != EO_OK ||
        (s = resolve_indices(p, st, dyn, ndyn)) != EO_OK ||
        (s = resolve_indices(p, st, sym, nsym)) != EO_OK)
        return s;
    int32_t seg[2] = {(int32_t)ndyn, (int32_t)nsym};
    if ((s = set_array(st, "operandSegmentSizes", 32, 2, seg)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, t);
}

/* MLIR's SimplifyDeadAlloc: an alloc/alloca used only by deallocs and as
 * the destination of stores goes away with them. */
static eo_rewrite_result
simplify_dead_alloc(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_value *v = eo_op_result(op, 0);
    for (eo_use *u = eo_value_first_use(v); u; u = eo_use_next(u)) {
        eo_op *user = eo_use_owner(u);
        if (is_op(user, MEMREF_STORE) ? eo_use_operand_index(u) == 0
                                      : !is_op(user, MEMREF_DEALLOC))
            return EO_REWRITE_NO_MATCH;
    }
    eo_use *u;
    while ((u = eo_value_first_use(v)) != NULL)
        eo_rewriter_erase_op(rw, eo_use_owner(u));
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

/* A constant, non-negative index/integer behind 'v'. */
static bool
const_size(eo_value *v, int64_t *out)
{
    const eo_attr *a = eo_value_constant(v);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER ||
        eo_attr_int_num_words(a) != 1 || eo_attr_int_value(a) < 0)
        return false;
    *out = eo_attr_int_value(a);
    return true;
}

/* MLIR's SimplifyAllocConst: constant dynamic sizes become static ones; a
 * memref.cast gives the old type back. */
static eo_rewrite_result
simplify_alloc_const(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    size_t s0, n0, s1, n1;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    int64_t c;
    if (!is_ranked(t) || !eo_op_operand_segment(op, 0, &s0, &n0) ||
        !eo_op_operand_segment(op, 1, &s1, &n1) ||
        n0 != num_dynamic_dims(t))
        return EO_REWRITE_NO_MATCH;
    bool any = false;
    for (size_t i = 0; i < n0 && !any; i++)
        any = const_size(eo_op_operand(op, s0 + i), &c);
    if (!any)
        return EO_REWRITE_NO_MATCH;
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    size_t rank = eo_type_rank(t), k = 0;
    int64_t *shape = calloc(rank + 1, sizeof *shape);
    eo_value **ops = calloc(n0 + n1 + 1, sizeof *ops);
    eo_rewrite_result res = EO_REWRITE_FAILED;
    size_t nd = 0;
    eo_op_state st;
    if (!shape || !ops)
        goto out;
    for (size_t i = 0; i < rank; i++) {
        shape[i] = eo_type_dim(t, i);
        if (shape[i] != EO_DYNAMIC)
            continue;
        eo_value *v = eo_op_operand(op, s0 + k++);
        if (const_size(v, &c))
            shape[i] = c;
        else
            ops[nd++] = v;
    }
    for (size_t i = 0; i < n1; i++)
        ops[nd + i] = eo_op_operand(op, s1 + i);
    const eo_type *nt = eo_type_get_memref(ctx, rank, shape, eo_type_elem(t),
                                           eo_type_layout(t),
                                           eo_type_memspace(t));
    if (!nt)
        goto out;
    int32_t seg[2] = {(int32_t)nd, (int32_t)n1};
    const eo_attr *align = eo_op_attr(op, "alignment");
    eo_op_state_init_def(&st, ctx, eo_op_get_def(op), eo_op_loc(op));
    if (eo_op_state_add_operands(&st, nd + n1, ops) != EO_OK ||
        eo_op_state_add_result(&st, nt) != EO_OK ||
        set_array(&st, "operandSegmentSizes", 32, 2, seg) != EO_OK ||
        (align && eo_op_state_set_attr(&st, "alignment", align) != EO_OK)) {
        eo_op_state_release(&st);
        goto out;
    }
    eo_op *na = eo_rewriter_create(rw, &st);
    if (!na)
        goto out;
    eo_op_state_init_def(&st, ctx, &memref_ops[MEMREF_CAST], eo_op_loc(op));
    eo_value *src = eo_op_result(na, 0);
    if (eo_op_state_add_operand(&st, src) != EO_OK ||
        eo_op_state_add_result(&st, t) != EO_OK) {
        eo_op_state_release(&st);
        goto out;
    }
    eo_op *cast = eo_rewriter_create(rw, &st);
    if (!cast)
        goto out;
    eo_value *rep = eo_op_result(cast, 0);
    eo_rewriter_replace_op(rw, op, &rep);
    res = EO_REWRITE_APPLIED;
out:
    free(shape);
    free(ops);
    return res;
}

static const eo_pattern alloc_patterns[] = {
    { "memref.simplify-alloc-const", "memref.alloc", 1, simplify_alloc_const,
      NULL },
    { "memref.simplify-dead-alloc", "memref.alloc", 1, simplify_dead_alloc,
      NULL },
    { NULL, NULL, 0, NULL, NULL },
};

static const eo_pattern alloca_patterns[] = {
    { "memref.simplify-alloc-const", "memref.alloca", 1,
      simplify_alloc_const, NULL },
    { "memref.simplify-dead-alloc", "memref.alloca", 1, simplify_dead_alloc,
      NULL },
    { NULL, NULL, 0, NULL, NULL },
};

/* ------------------------------------------------------------------ */
/* memref.dealloc                                                      */
/* ------------------------------------------------------------------ */

static eo_status
verify_dealloc(eo_op *op)
{
    return check_operand_memref(op, 0, false);
}

/* "%m attr-dict : type": dealloc. */
static void
print_operand_typed(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 1);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
}

static eo_status
parse_operand_typed(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref r;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_operand(p, &r)) != EO_OK ||
        (s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &t)) != EO_OK)
        return s;
    return eo_parse_resolve_operand(p, &r, t, st);
}

static bool
fold_dealloc(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    return fold_cast_operands(op, (size_t)-1, out);
}

/* ------------------------------------------------------------------ */
/* memref.load, memref.store                                           */
/* ------------------------------------------------------------------ */

static eo_status
check_nontemporal(eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "nontemporal");
    if (a && !eo_attr_is_bool(a))
        return eo_op_error(op, "attribute 'nontemporal' failed to satisfy "
                               "constraint: bool attribute");
    return EO_OK;
}

static eo_status
verify_load(eo_op *op)
{
    if (check_operand_memref(op, 0, true) != EO_OK ||
        check_index_operands(op, 1, true) != EO_OK ||
        check_nontemporal(op) != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_value_type(eo_op_operand(op, 0));
    if (eo_value_type(eo_op_result(op, 0)) != eo_type_elem(t))
        return eo_op_error(op, "failed to verify that result type matches "
                               "element type of 'memref'");
    size_t n = eo_op_num_operands(op) - 1;
    if (n != eo_type_rank(t))
        return eo_op_error(op, "incorrect number of indices for load, "
                               "expected %zu but got %zu",
                           eo_type_rank(t), n);
    return EO_OK;
}

static eo_status
verify_store(eo_op *op)
{
    if (eo_op_num_operands(op) < 2)
        return eo_op_error(op, "expected 2 or more operands, but found %zu",
                           eo_op_num_operands(op));
    if (check_operand_memref(op, 1, true) != EO_OK ||
        check_index_operands(op, 2, true) != EO_OK ||
        check_nontemporal(op) != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_value_type(eo_op_operand(op, 1));
    if (eo_value_type(eo_op_operand(op, 0)) != eo_type_elem(t))
        return eo_op_error(op, "failed to verify that type of 'value' "
                               "matches element type of 'memref'");
    if (eo_op_num_operands(op) - 2 != eo_type_rank(t))
        return eo_op_error(op, "store index operand count not equal to "
                               "memref rank");
    return EO_OK;
}

/* nontemporal is default-valued (false): MLIR drops the default. */
static eo_status
drop_false_nontemporal(eo_op_state *st)
{
    for (size_t i = 0; i < st->num_attrs; i++) {
        if (strcmp(eo_ident_str(st->attrs[i].name), "nontemporal") != 0)
            continue;
        const eo_attr *a = st->attrs[i].value;
        if (eo_attr_is_bool(a) && eo_attr_int_value(a) == 0) {
            memmove(&st->attrs[i], &st->attrs[i + 1],
                    (st->num_attrs - i - 1) * sizeof st->attrs[0]);
            st->num_attrs--;
        }
        break;
    }
    for (size_t i = 0; i < st->num_props; i++) {
        if (strcmp(eo_ident_str(st->props[i].name), "nontemporal") != 0)
            continue;
        const eo_attr *a = st->props[i].value;
        if (eo_attr_is_bool(a) && eo_attr_int_value(a) == 0) {
            memmove(&st->props[i], &st->props[i + 1],
                    (st->num_props - i - 1) * sizeof st->props[0]);
            st->num_props--;
        }
        break;
    }
    return EO_OK;
}

static void
print_load_store(eo_printer *p, eo_op *op, size_t mem)
{
    eo_print_str(p, " ");
    if (mem) {
        eo_print_operands(p, op, 0, 1);
        eo_print_str(p, ", ");
    }
    eo_print_operands(p, op, mem, 1);
    eo_print_str(p, "[");
    eo_print_operands(p, op, mem + 1, eo_op_num_operands(op) - mem - 1);
    eo_print_str(p, "]");
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, mem)));
}

static void
print_load(eo_printer *p, eo_op *op)
{
    print_load_store(p, op, 0);
}

static void
print_store(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) < 2) {
        eo_print_str(p, " <<invalid memref.store>>");
        return;
    }
    print_load_store(p, op, 1);
}

static eo_status
parse_load_store(eo_parser *p, eo_op_state *st, bool store)
{
    eo_operand_ref val, mem, *idx;
    size_t nidx;
    const eo_type *t;
    eo_status s;
    if (store && ((s = eo_parse_operand(p, &val)) != EO_OK ||
                  (s = eo_parse_punct(p, ",")) != EO_OK))
        return s;
    if ((s = eo_parse_operand(p, &mem)) != EO_OK ||
        (s = parse_bracket_operands(p, &idx, &nidx)) != EO_OK)
        return s;
    const eo_loc *dict_loc = eo_parser_loc(p);
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = check_parsed_prop(p, st, dict_loc, "nontemporal")) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK)
        return s;
    const eo_loc *tloc = eo_parser_loc(p);
    if ((s = eo_parse_type(p, &t)) != EO_OK)
        return s;
    if (!is_ranked(t)) {
        eo_strbuf b = {0};
        size_t at = put_type(&b, t);
        s = eo_parser_error_loc(p, tloc, "invalid kind of type specified: "
                                "expected builtin.MemRef, but found '%s'",
                                piece(&b, at));
        eo_strbuf_free(&b);
        return s;
    }
    if (store &&
        (s = eo_parse_resolve_operand(p, &val, eo_type_elem(t), st)) != EO_OK)
        return s;
    if ((s = eo_parse_resolve_operand(p, &mem, t, st)) != EO_OK ||
        (s = resolve_indices(p, st, idx, nidx)) != EO_OK ||
        (s = drop_false_nontemporal(st)) != EO_OK)
        return s;
    return store ? EO_OK : eo_op_state_add_result(st, eo_type_elem(t));
}

static eo_status
parse_load(eo_parser *p, eo_op_state *st)
{
    return parse_load_store(p, st, false);
}

static eo_status
parse_store(eo_parser *p, eo_op_state *st)
{
    return parse_load_store(p, st, true);
}

static bool
fold_load(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    return fold_cast_operands(op, (size_t)-1, out);
}

static bool
fold_store(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    return fold_cast_operands(op, 0, out);
}

/* ------------------------------------------------------------------ */
/* memref.copy                                                         */
/* ------------------------------------------------------------------ */

static eo_status
verify_copy(eo_op *op)
{
    if (check_operand_memref(op, 0, false) != EO_OK ||
        check_operand_memref(op, 1, false) != EO_OK)
        return EO_ERROR;
    const eo_type *a = eo_value_type(eo_op_operand(op, 0));
    const eo_type *b = eo_value_type(eo_op_operand(op, 1));
    if (is_ranked(a) && is_ranked(b)) {
        bool ok = eo_type_rank(a) == eo_type_rank(b);
        for (size_t i = 0; ok && i < eo_type_rank(a); i++) {
            int64_t x = eo_type_dim(a, i), y = eo_type_dim(b, i);
            ok = x == EO_DYNAMIC || y == EO_DYNAMIC || x == y;
        }
        if (!ok)
            return eo_op_error(op, "requires the same shape for all "
                                   "operands");
    }
    if (eo_type_elem(a) != eo_type_elem(b))
        return eo_op_error(op, "requires the same element type for all "
                               "operands");
    return EO_OK;
}

/* "%a, %b attr-dict : T to U": copy. */
static void
print_copy(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
    eo_print_str(p, " to ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 1)));
}

static eo_status
parse_copy(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref a, b;
    const eo_type *ta, *tb;
    eo_status s;
    if ((s = eo_parse_operand(p, &a)) != EO_OK ||
        (s = eo_parse_punct(p, ",")) != EO_OK ||
        (s = eo_parse_operand(p, &b)) != EO_OK ||
        (s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &ta)) != EO_OK ||
        (s = eo_parse_expect_keyword(p, "to")) != EO_OK ||
        (s = eo_parse_type(p, &tb)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &a, ta, st)) != EO_OK)
        return s;
    return eo_parse_resolve_operand(p, &b, tb, st);
}

/* MLIR's FoldSelfCopy: copying a buffer onto itself does nothing. */
static eo_rewrite_result
fold_self_copy(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    if (eo_op_num_operands(op) != 2 ||
        eo_op_operand(op, 0) != eo_op_operand(op, 1))
        return EO_REWRITE_NO_MATCH;
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

static const eo_pattern copy_patterns[] = {
    { "memref.fold-self-copy", "memref.copy", 1, fold_self_copy, NULL },
    { NULL, NULL, 0, NULL, NULL },
};

static bool
fold_copy(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    return fold_cast_operands(op, (size_t)-1, out);
}

/* ------------------------------------------------------------------ */
/* memref.cast                                                         */
/* ------------------------------------------------------------------ */

/* MLIR's CastOp::areCastCompatible. */
static bool
cast_compatible(const eo_type *a, const eo_type *b)
{
    if (!is_any_memref(a) || !is_any_memref(b))
        return false;
    if (!is_ranked(a) && !is_ranked(b))
        return false;
    if (eo_type_elem(a) != eo_type_elem(b) ||
        eo_type_memspace(a) != eo_type_memspace(b))
        return false;
    if (!is_ranked(a) || !is_ranked(b))
        return true;
    if (eo_type_rank(a) != eo_type_rank(b))
        return false;
    size_t rank = eo_type_rank(a);
    if (eo_type_layout(a) != eo_type_layout(b)) {
        int64_t *sa = calloc(2 * rank + 1, sizeof *sa), oa, ob;
        if (!sa)
            return false;
        int64_t *sb = sa + rank;
        bool ok = memref_strides_and_offset(a, sa, &oa) &&
                  memref_strides_and_offset(b, sb, &ob) &&
                  (oa == EO_DYNAMIC || ob == EO_DYNAMIC || oa == ob);
        for (size_t i = 0; ok && i < rank; i++)
            ok = sa[i] == EO_DYNAMIC || sb[i] == EO_DYNAMIC || sa[i] == sb[i];
        free(sa);
        if (!ok)
            return false;
    }
    for (size_t i = 0; i < rank; i++) {
        int64_t x = eo_type_dim(a, i), y = eo_type_dim(b, i);
        if (x != EO_DYNAMIC && y != EO_DYNAMIC && x != y)
            return false;
    }
    return true;
}

static eo_status
cast_incompatible(eo_op *op, const eo_type *a, const eo_type *b)
{
    eo_strbuf buf = {0};
    size_t x = put_type(&buf, a), y = put_type(&buf, b);
    eo_status s = eo_op_error(op, "operand type '%s' and result type '%s' "
                                  "are cast incompatible",
                              piece(&buf, x), piece(&buf, y));
    eo_strbuf_free(&buf);
    return s;
}

static eo_status
verify_cast(eo_op *op)
{
    if (check_operand_memref(op, 0, false) != EO_OK ||
        check_result_memref(op, 0, false) != EO_OK)
        return EO_ERROR;
    const eo_type *a = eo_value_type(eo_op_operand(op, 0));
    const eo_type *b = eo_value_type(eo_op_result(op, 0));
    return cast_compatible(a, b) ? EO_OK : cast_incompatible(op, a, b);
}

/* MLIR's CastOp::fold (a cast operand from a ranked source is bypassed,
 * in place), then CastOpInterface's: a cast to the same type is its
 * operand. */
static bool
fold_cast(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    if (fold_cast_operands(op, (size_t)-1, out))
        return true;
    eo_value *src = eo_op_operand(op, 0);
    if (eo_value_type(src) == eo_value_type(eo_op_result(op, 0)))
        return eo_fold_to_value(out, src);
    return false;
}

/* "%x attr-dict : T to U": cast. */
static void
print_cast(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 1);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
    eo_print_str(p, " to ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static eo_status
parse_cast(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref r;
    const eo_type *a, *b;
    eo_status s;
    if ((s = eo_parse_operand(p, &r)) != EO_OK ||
        (s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &a)) != EO_OK ||
        (s = eo_parse_expect_keyword(p, "to")) != EO_OK ||
        (s = eo_parse_type(p, &b)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &r, a, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, b);
}

/* ------------------------------------------------------------------ */
/* memref.dim                                                          */
/* ------------------------------------------------------------------ */

static eo_status
verify_dim(eo_op *op)
{
    if (check_operand_memref(op, 0, false) != EO_OK ||
        check_index_operands(op, 1, false) != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (!eo_type_is_index(t))
        return type_error(op, "result", 0, "index", t);
    return EO_OK;
}

/* "attr-dict %m, %i : T" */
static void
print_dim(eo_printer *p, eo_op *op)
{
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
}

static eo_status
parse_dim(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref m, i;
    const eo_type *t, *index = eo_type_get_index(st->ctx);
    eo_status s;
    if (!index)
        return EO_NOMEM;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_operand(p, &m)) != EO_OK ||
        (s = eo_parse_punct(p, ",")) != EO_OK ||
        (s = eo_parse_operand(p, &i)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &t)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &m, t, st)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &i, index, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, index);
}

/* Position of the dynamic dimension 'dim' among t's dynamic ones. */
static size_t
dynamic_dim_index(const eo_type *t, size_t dim)
{
    size_t n = 0;
    for (size_t i = 0; i < dim; i++)
        n += eo_type_dim(t, i) == EO_DYNAMIC;
    return n;
}

/* MLIR's DimOp::fold: a static size, the alloc/alloca/subview operand
 * giving a dynamic one, else a memref.cast source. Needs a constant index
 * and a ranked memref. */
static bool
fold_dim(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const eo_attr *ci = cst[1];
    eo_value *src = eo_op_operand(op, 0);
    const eo_type *t = eo_value_type(src);
    if (!ci || eo_attr_get_kind(ci) != EO_ATTR_INTEGER || !is_ranked(t))
        return false;
    int64_t i = eo_attr_int_value(ci);
    if (i < 0 || (uint64_t)i >= eo_type_rank(t))
        return false;   /* out of bounds: undefined, left alone */
    int64_t d = eo_type_dim(t, (size_t)i);
    if (d != EO_DYNAMIC) {
        const eo_type *rt = eo_value_type(eo_op_result(op, 0));
        const eo_attr *a = eo_attr_get_int(eo_op_ctx(op), rt, d);
        return a && eo_fold_to_attr(out, a);
    }
    eo_op *def = eo_value_def_op(src);
    size_t k = dynamic_dim_index(t, (size_t)i), start, len;
    if ((is_op(def, MEMREF_ALLOC) || is_op(def, MEMREF_ALLOCA)) &&
        eo_op_operand_segment(def, 0, &start, &len) && k < len)
        return eo_fold_to_value(out, eo_op_operand(def, start + k));
    if (is_op(def, MEMREF_SUBVIEW)) {
        const eo_attr *sizes = i64_array(def, "static_sizes");
        if (sizes && eo_attr_dense_array_size(sizes) == eo_type_rank(t) &&
            eo_op_operand_segment(def, 2, &start, &len)) {
            eo_value *dyn;
            mixed_at(def, sizes, start, (size_t)i, &dyn);
            if (dyn)
                return eo_fold_to_value(out, dyn);
        }
    }
    return fold_cast_operands(op, 1, out);
}

/* ------------------------------------------------------------------ */
/* memref.global, memref.get_global                                    */
/* ------------------------------------------------------------------ */

/* tensor<shape x elem> of a memref type (getTensorTypeFromMemRefType). */
static const eo_type *
tensor_of(eo_ctx *ctx, const eo_type *m)
{
    return eo_type_get_tensor(ctx, eo_type_rank(m), eo_type_shape(m),
                              eo_type_elem(m), NULL);
}

static const eo_type *
global_type(const eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "type");
    return a && eo_attr_get_kind(a) == EO_ATTR_TYPE ? eo_attr_type_value(a)
                                                    : NULL;
}

static eo_status
verify_global(eo_op *op)
{
    const eo_type *t = global_type(op);
    eo_strbuf b = {0};
    eo_status s = EO_OK;
    if (!is_ranked(t))
        return eo_op_error(op, "attribute 'type' failed to satisfy "
                               "constraint: memref type attribute");
    const eo_attr *c = eo_op_attr(op, "constant");
    if (c && eo_attr_get_kind(c) != EO_ATTR_UNIT)
        return eo_op_error(op, "attribute 'constant' failed to satisfy "
                               "constraint: unit attribute");
    if (check_alignment(op, true) != EO_OK)
        return EO_ERROR;
    if (eo_type_num_elements(t) < 0) {
        size_t at = put_type(&b, t);
        s = eo_op_error(op, "type should be static shaped memref, but got "
                            "'%s'", piece(&b, at));
        eo_strbuf_free(&b);
        return s;
    }
    const eo_attr *init = eo_op_attr(op, "initial_value");
    if (!init || eo_attr_get_kind(init) == EO_ATTR_UNIT)
        return EO_OK;
    eo_attr_kind k = eo_attr_get_kind(init);
    if (k != EO_ATTR_DENSE && k != EO_ATTR_DENSE_RESOURCE) {
        eo_attr_print(init, &b);
        eo_strbuf_append(&b, "", 1);
        s = eo_op_error(op, "initial value should be a unit or elements "
                            "attribute, but got %s", piece(&b, 0));
        eo_strbuf_free(&b);
        return s;
    }
    const eo_type *want = tensor_of(eo_op_ctx(op), t);
    if (!want)
        return EO_NOMEM;
    if (eo_attr_type(init) != want) {
        size_t x = put_type(&b, want), y = put_type(&b, eo_attr_type(init));
        s = eo_op_error(op, "initial value expected to be of type '%s', but "
                            "was of type '%s'", piece(&b, x), piece(&b, y));
        eo_strbuf_free(&b);
    }
    return s;
}

static void
print_global(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {
        "sym_name", "sym_visibility", "constant", "type", "initial_value",
        NULL
    };
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    if (vis && eo_attr_get_kind(vis) == EO_ATTR_STRING) {
        eo_print_str(p, " ");
        eo_print_attr(p, vis);
    }
    if (eo_op_attr(op, "constant"))
        eo_print_str(p, " constant");
    eo_print_str(p, " ");
    const eo_attr *name = eo_op_attr(op, "sym_name");
    size_t len = 0;
    const char *s = name && eo_attr_get_kind(name) == EO_ATTR_STRING
                        ? eo_attr_string(name, &len) : "";
    eo_print_symbol_name(p, eo_ident_get(eo_op_ctx(op), s, len));
    eo_print_str(p, " : ");
    const eo_type *t = global_type(op);
    if (t)
        eo_print_type(p, t);
    else
        eo_print_str(p, "<<NULL TYPE>>");
    const eo_attr *init = eo_op_attr(op, "initial_value");
    if (init) {
        eo_print_str(p, " = ");
        if (eo_attr_get_kind(init) == EO_ATTR_UNIT)
            eo_print_str(p, "uninitialized");
        else
            eo_print_attr_no_type(p, init);
    }
    eo_print_attr_dict(p, op, elided);
}

static eo_status
parse_global(eo_parser *p, eo_op_state *st)
{
    eo_ctx *ctx = st->ctx;
    const eo_ident *name;
    const eo_type *t;
    eo_status s;
    const eo_attr *first = NULL;
    /* [visibility string] [constant] @name: the first token is a string,
     * the keyword or the symbol, all but the keyword attributes. */
    if (!eo_parser_at_keyword(p, "constant")) {
        const eo_loc *l = eo_parser_loc(p);
        if ((s = eo_parse_attr(p, NULL, &first)) != EO_OK)
            return s;
        if (eo_attr_get_kind(first) == EO_ATTR_STRING &&
            !eo_attr_type(first)) {
            if ((s = eo_op_state_set_attr(st, "sym_visibility", first))
                != EO_OK)
                return s;
            first = NULL;
        } else if (eo_attr_get_kind(first) != EO_ATTR_SYMBOL_REF ||
                   eo_attr_symbol_num_nested(first) != 0) {
            return eo_parser_error_loc(p, l, "expected valid '@'-identifier "
                                       "for symbol name");
        }
    }
    if (!first && eo_parse_optional_keyword(p, "constant")) {
        const eo_attr *u = eo_attr_get_unit(ctx);
        if (!u)
            return EO_NOMEM;
        if ((s = eo_op_state_set_attr(st, "constant", u)) != EO_OK)
            return s;
    }
    if (first)
        name = eo_attr_symbol_root(first);
    else if ((s = eo_parse_symbol_name(p, &name)) != EO_OK)
        return s;
    const eo_attr *na = eo_attr_get_string(ctx, eo_ident_str(name),
                                           eo_ident_len(name), NULL);
    if (!na)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "sym_name", na)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK)
        return s;
    if ((s = eo_parse_type(p, &t)) != EO_OK)
        return s;
    if (!is_ranked(t) || eo_type_num_elements(t) < 0) {
        eo_strbuf b = {0};
        size_t at = put_type(&b, t);
        s = eo_parser_error_loc(p, st->loc, "custom op '%s' type should be "
                                "static shaped memref, but got '%s'",
                                eo_ident_str(st->name), piece(&b, at));
        eo_strbuf_free(&b);
        return s;
    }
    const eo_attr *ta = eo_attr_get_type(ctx, t);
    if (!ta)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "type", ta)) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, "=")) {
        const eo_attr *init;
        if (eo_parse_optional_keyword(p, "uninitialized")) {
            init = eo_attr_get_unit(ctx);
        } else {
            const eo_type *tt = tensor_of(ctx, t);
            if (!tt)
                return EO_NOMEM;
            if ((s = eo_parse_attr(p, tt, &init)) != EO_OK)
                return s;
            eo_attr_kind k = eo_attr_get_kind(init);
            if (k != EO_ATTR_DENSE && k != EO_ATTR_DENSE_RESOURCE)
                return eo_parser_error(p, "initial value should be a unit or "
                                          "elements attribute");
        }
        if (!init)
            return EO_NOMEM;
        if ((s = eo_op_state_set_attr(st, "initial_value", init)) != EO_OK)
            return s;
    }
    return eo_parse_optional_attr_dict(p, st);
}

static eo_status
verify_get_global(eo_op *op)
{
    const eo_attr *ref = eo_op_attr(op, "name");
    if (!ref || eo_attr_get_kind(ref) != EO_ATTR_SYMBOL_REF ||
        eo_attr_symbol_num_nested(ref) != 0)
        return eo_op_error(op, "attribute 'name' failed to satisfy "
                               "constraint: flat symbol reference "
                               "attribute");
    if (check_result_memref(op, 0, true) != EO_OK)
        return EO_ERROR;
    eo_op *g = eo_symbol_lookup_nearest(op, ref);
    if (!is_op(g, MEMREF_GLOBAL))
        return eo_op_error(op, "'%s' does not reference a valid global "
                               "memref",
                           eo_ident_str(eo_attr_symbol_root(ref)));
    const eo_type *want = global_type(g);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (want && want != rt) {
        eo_strbuf b = {0};
        size_t x = put_type(&b, rt), y = put_type(&b, want);
        eo_strbuf nb = {0};
        eo_attr_print(ref, &nb);
        eo_strbuf_append(&nb, "", 1);
        eo_status s = eo_op_error(op, "result type '%s' does not match type "
                                      "'%s' of the global memref %s",
                                  piece(&b, x), piece(&b, y), piece(&nb, 0));
        eo_strbuf_free(&b);
        eo_strbuf_free(&nb);
        return s;
    }
    return EO_OK;
}

/* "@name : T attr-dict" */
static void
print_get_global(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"name", NULL};
    eo_print_str(p, " ");
    const eo_attr *ref = eo_op_attr(op, "name");
    if (ref)
        eo_print_attr(p, ref);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
    eo_print_attr_dict(p, op, elided);
}

static eo_status
parse_get_global(eo_parser *p, eo_op_state *st)
{
    const eo_ident *name;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_symbol_name(p, &name)) != EO_OK)
        return s;
    const eo_attr *ref = eo_attr_get_symbol_ref(st->ctx, name, 0, NULL);
    if (!ref)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "name", ref)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &t)) != EO_OK ||
        (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, t);
}

/* ------------------------------------------------------------------ */
/* memref.subview, memref.reinterpret_cast                             */
/* ------------------------------------------------------------------ */

static const char *const view_lists[3] = {
    "static_offsets", "static_sizes", "static_strides"
};
static const char *const view_names[3] = {"offset", "size", "stride"};

/* The three lists' arrays and segment starts; false if malformed. */
typedef struct view_lists_t {
    const eo_attr *stat[3];
    size_t start[3], len[3];
} view_info;

static bool
get_view_info(const eo_op *op, view_info *v)
{
    for (size_t j = 0; j < 3; j++) {
        v->stat[j] = i64_array(op, view_lists[j]);
        if (!v->stat[j] ||
            !eo_op_operand_segment(op, j + 1, &v->start[j], &v->len[j]))
            return false;
    }
    return true;
}

/* Common checks: property kinds, segment count, list lengths. 'rank' is
 * the expected number of entries per list (SIZE_MAX: sizes decide). */
static eo_status
verify_view_lists(eo_op *op, view_info *v, size_t off_rank, size_t rank)
{
    size_t s0, n0;
    if (!eo_op_operand_segment(op, 3, &s0, &n0))
        return eo_op_error(op, "'operandSegmentSizes' attribute for "
                               "specifying operand segments must have 4 "
                               "elements");
    for (size_t j = 0; j < 3; j++)
        if (check_i64_array(op, view_lists[j]) != EO_OK)
            return EO_ERROR;
    if (!get_view_info(op, v))
        return EO_ERROR;
    if (check_index_operands(op, 1, true) != EO_OK)
        return EO_ERROR;
    size_t n[3];
    for (size_t j = 0; j < 3; j++)
        n[j] = eo_attr_dense_array_size(v->stat[j]);
    if (off_rank == rank && n[0] != n[1])
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected mixed "
                             "offsets rank to match mixed sizes rank (%zu vs "
                             "%zu) so the rank of the result type is "
                             "well-formed.", n[0], n[1]);
    if (n[1] != n[2])
        return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected mixed "
                             "sizes rank to match mixed strides rank (%zu vs "
                             "%zu) so the rank of the result type is "
                             "well-formed.", n[1], n[2]);
    for (size_t j = 0; j < 3; j++)
        if (check_mixed_list(op, view_names[j], j == 0 ? off_rank : rank,
                             v->stat[j], v->len[j]) != EO_OK)
            return EO_ERROR;
    for (size_t j = 0; j < 3; j++) {
        for (size_t i = 0; i < n[j]; i++) {
            int64_t x = eo_attr_dense_array_int(v->stat[j], i);
            if (x != EO_DYNAMIC && x < 0 && j < 2)
                return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected "
                                     "%ss to be non-negative, but got %lld",
                                     view_names[j], (long long)x);
        }
    }
    return EO_OK;
}

/* MLIR's computeRankReductionMask on shapes: greedily matches the reduced
 * shape against 'full', dropping static 1s. */
static bool
rank_reduction_ok(const int64_t *full, size_t n, const int64_t *red,
                  size_t m)
{
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (j < m && full[i] == red[j]) {
            j++;
            continue;
        }
        if (full[i] == 1)
            continue;
        return false;
    }
    return j == m;
}

static size_t
count_of(const int64_t *v, size_t n, int64_t x)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += v[i] == x;
    return c;
}

/* MLIR's computeMemRefRankReductionMask: which static-1 dims of 'orig'
 * (strides os[0..n)) the reduced type (strides rs[0..m)) drops, by
 * counting strides. False if inconsistent. */
static bool
stride_reduction_mask(const int64_t *os, size_t n, const int64_t *rs,
                      size_t m, const int64_t *sizes, bool *drop)
{
    size_t ndrop = 0, ones = 0;
    for (size_t i = 0; i < n; i++)
        ones += sizes[i] == 1;
    /* Exactly as many unit dims as dropped ones: those (MLIR's early
     * exit); equal ranks drop nothing. */
    for (size_t i = 0; i < n; i++)
        drop[i] = m < n && ones + m == n && sizes[i] == 1;
    if (m == n || ones + m == n)
        return true;
    for (size_t i = 0; i < n; i++) {
        drop[i] = false;
        if (sizes[i] != 1)
            continue;
        size_t left = count_of(os, n, os[i]);
        for (size_t k = 0; k < i; k++)
            if (drop[k] && os[k] == os[i])
                left--;
        size_t cand = count_of(rs, m, os[i]);
        if (left > cand) {
            drop[i] = true;
            ndrop++;
        } else if (left < cand) {
            return false;
        }
    }
    return ndrop + m == n;
}

static eo_status
subview_error(eo_op *op, const eo_type *expected, const char *why)
{
    eo_strbuf b = {0};
    size_t at = put_type(&b, expected);
    eo_status s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected "
                                "result type to be '%s' or a rank-reduced "
                                "version. (%s) ", piece(&b, at), why);
    eo_strbuf_free(&b);
    return s;
}

/* Checks 'res' against the inferred subview type (shape 'sizes', strides
 * 'strides', offset 'off') or a rank-reduced version of it. */
static eo_status
check_subview_type(eo_op *op, const eo_type *src, const eo_type *res,
                   const int64_t *sizes, const int64_t *strides, int64_t off,
                   size_t n)
{
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr *layout = eo_attr_get_strided(ctx, n, strides, off);
    const eo_type *exp = layout ? eo_type_get_memref(ctx, n, sizes,
                                                     eo_type_elem(src), layout,
                                                     eo_type_memspace(src))
                                : NULL;
    if (!exp)
        return EO_NOMEM;
    size_t m = eo_type_rank(res);
    if (m > n)
        return eo_emit_error(ctx, eo_op_loc(op), "expected result rank to be "
                             "smaller or equal to the source rank. ");
    if (!rank_reduction_ok(sizes, n, eo_type_shape(res), m))
        return subview_error(op, exp, "mismatch of result sizes");
    int64_t *rs = calloc(m + 1, sizeof *rs), ro;
    bool *drop = calloc(n + 1, sizeof *drop);
    eo_status s = EO_OK;
    if (!rs || !drop) {
        s = EO_NOMEM;
        goto out;
    }
    if (!memref_strides_and_offset(res, rs, &ro)) {
        s = subview_error(op, exp, "mismatch of result layout");
        goto out;
    }
    /* Dropped dims: MLIR's computeMemRefRankReductionMask on the
     * inferred strides. */
    size_t ndrop = n - m;
    if (!stride_reduction_mask(strides, n, rs, m, sizes, drop))
        ndrop = SIZE_MAX;
    bool ok = ndrop == n - m && ro == off;
    for (size_t i = 0, j = 0; ok && i < n; i++) {
        if (drop[i])
            continue;
        ok = rs[j] == strides[i] && eo_type_dim(res, j) == sizes[i];
        j++;
    }
    if (!ok)
        s = subview_error(op, exp, "mismatch of result layout");
out:
    free(rs);
    free(drop);
    return s;
}

static eo_status
verify_subview(eo_op *op)
{
    if (check_operand_memref(op, 0, true) != EO_OK ||
        check_result_memref(op, 0, true) != EO_OK)
        return EO_ERROR;
    const eo_type *src = eo_value_type(eo_op_operand(op, 0));
    const eo_type *res = eo_value_type(eo_op_result(op, 0));
    size_t n = eo_type_rank(src);
    view_info v;
    eo_strbuf b = {0};
    eo_status s;
    if (verify_view_lists(op, &v, n, n) != EO_OK)
        return EO_ERROR;
    if (eo_type_memspace(src) != eo_type_memspace(res)) {
        size_t x = put_type(&b, src), y = put_type(&b, res);
        s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "different memory "
                          "spaces specified for base memref type '%s' and "
                          "subview memref type '%s'", piece(&b, x),
                          piece(&b, y));
        eo_strbuf_free(&b);
        return s;
    }
    int64_t *buf = calloc(3 * n + 1, sizeof *buf), off;
    if (!buf)
        return EO_NOMEM;
    int64_t *st = buf, *sizes = buf + n, *strides = buf + 2 * n;
    if (!memref_strides_and_offset(src, st, &off)) {
        free(buf);
        size_t x = put_type(&b, src);
        s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "base type '%s' is "
                          "not strided", piece(&b, x));
        eo_strbuf_free(&b);
        return s;
    }
    if (eo_type_elem(src) != eo_type_elem(res)) {
        free(buf);
        eo_type_print(eo_type_elem(src), &b);
        eo_strbuf_append(&b, "", 1);
        s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected result "
                          "element type to be '%s'", piece(&b, 0));
        eo_strbuf_free(&b);
        return s;
    }
    for (size_t i = 0; i < n; i++) {
        int64_t o = eo_attr_dense_array_int(v.stat[0], i);
        off = sat_add(off, sat_mul(o, st[i]));
        sizes[i] = eo_attr_dense_array_int(v.stat[1], i);
        strides[i] = sat_mul(st[i], eo_attr_dense_array_int(v.stat[2], i));
    }
    s = check_subview_type(op, src, res, sizes, strides, off, n);
    free(buf);
    return s;
}

/* The constant value of mixed entry i of list j (static, or a constant
 * operand); false if unknown. */
static bool
mixed_const(const eo_op *op, const view_info *v, size_t j, size_t i,
            int64_t *out)
{
    eo_value *dyn;
    int64_t x = mixed_at(op, v->stat[j], v->start[j], i, &dyn);
    if (!dyn) {
        *out = x;
        return x != EO_DYNAMIC;
    }
    const eo_attr *a = eo_value_constant(dyn);
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER ||
        eo_attr_int_num_words(a) != 1)
        return false;
    *out = eo_attr_int_value(a);
    return true;
}

/* Whether mixed entry i of list j of 'a' and of 'b' is the same (equal
 * static values or the same operand). */
static bool
mixed_same(const eo_op *a, const view_info *va, const eo_op *b,
           const view_info *vb, size_t j, size_t i)
{
    eo_value *da, *db;
    int64_t x = mixed_at(a, va->stat[j], va->start[j], i, &da);
    int64_t y = mixed_at(b, vb->stat[j], vb->start[j], i, &db);
    return da || db ? da == db : x == y;
}

/* MLIR's SubViewOp::fold: a subview that changes nothing is its source;
 * so is a zero-offset, unit-stride subview of a subview of equal sizes. */
static bool
fold_subview(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    eo_value *src = eo_op_operand(op, 0);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (rt == eo_value_type(src) && eo_type_num_elements(rt) >= 0)
        return eo_fold_to_value(out, src);
    eo_op *def = eo_value_def_op(src);
    view_info v, w;
    if (!is_op(def, MEMREF_SUBVIEW) || rt != eo_value_type(src) ||
        !get_view_info(op, &v) || !get_view_info(def, &w))
        return false;
    size_t n = eo_attr_dense_array_size(v.stat[1]);
    if (eo_attr_dense_array_size(w.stat[1]) != n ||
        eo_attr_dense_array_size(v.stat[0]) != n ||
        eo_attr_dense_array_size(v.stat[2]) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        int64_t o, st;
        if (!mixed_const(op, &v, 0, i, &o) || o != 0 ||
            !mixed_const(op, &v, 2, i, &st) || st != 1 ||
            !mixed_same(op, &v, def, &w, 1, i))
            return false;
    }
    return eo_fold_to_value(out, src);
}

/* Replaces 'op' by 'v', through a memref.cast when the types differ. */
static eo_rewrite_result
replace_with_cast(eo_rewriter *rw, eo_op *op, eo_value *v)
{
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (eo_value_type(v) != t) {
        eo_op_state st;
        eo_op_state_init_def(&st, eo_rewriter_ctx(rw),
                             &memref_ops[MEMREF_CAST], eo_op_loc(op));
        if (eo_op_state_add_operand(&st, v) != EO_OK ||
            eo_op_state_add_result(&st, t) != EO_OK) {
            eo_op_state_release(&st);
            return EO_REWRITE_FAILED;
        }
        eo_op *c = eo_rewriter_create(rw, &st);
        if (!c)
            return EO_REWRITE_FAILED;
        v = eo_op_result(c, 0);
    }
    eo_rewriter_replace_op(rw, op, &v);
    return EO_REWRITE_APPLIED;
}

/* MLIR's OpWithOffsetSizesAndStridesConstantArgumentFolder for subview:
 * constant operands become static entries (offsets and sizes only when
 * non-negative); the new subview gets the canonical result type and a
 * memref.cast restores the old one if needed. */
static eo_rewrite_result
subview_constant_args(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    view_info v;
    eo_value *src = eo_op_operand(op, 0);
    const eo_type *stype = eo_value_type(src);
    const eo_type *rtype = eo_value_type(eo_op_result(op, 0));
    if (!get_view_info(op, &v) || !is_ranked(stype) || !is_ranked(rtype))
        return EO_REWRITE_NO_MATCH;
    size_t n = eo_type_rank(stype), m = eo_type_rank(rtype);
    for (size_t j = 0; j < 3; j++)
        if (eo_attr_dense_array_size(v.stat[j]) != n)
            return EO_REWRITE_NO_MATCH;
    eo_rewrite_result res = EO_REWRITE_NO_MATCH;
    int64_t *buf = calloc(7 * n + m + 1, sizeof *buf), off;
    eo_value **dyn = calloc(3 * n + 2, sizeof *dyn);
    bool *drop = calloc(n + 1, sizeof *drop);
    if (!buf || !dyn || !drop) {
        res = EO_REWRITE_FAILED;
        goto out;
    }
    int64_t *stat = buf;                 /* 3 lists of n */
    int64_t *sst = buf + 3 * n, *shape = buf + 4 * n, *str = buf + 5 * n;
    int64_t *rs = buf + 6 * n;
    size_t nd[3] = {0, 0, 0}, ndyn = 1;
    bool changed = false;
    dyn[0] = src;
    for (size_t j = 0; j < 3; j++) {
        for (size_t i = 0; i < n; i++) {
            eo_value *d;
            int64_t x = mixed_at(op, v.stat[j], v.start[j], i, &d), c;
            if (d && mixed_const(op, &v, j, i, &c) && c != EO_DYNAMIC &&
                (j == 2 || c >= 0)) {
                x = c;
                d = NULL;
                changed = true;
            }
            stat[j * n + i] = d ? EO_DYNAMIC : x;
            if (d) {
                dyn[ndyn++] = d;
                nd[j]++;
            }
        }
    }
    if (!changed)
        goto out;
    /* The canonical result type: the type inferred from the new lists,
     * less the dims that the op's result type drops (counted against the
     * inferred strides, as MLIR 19 does). */
    int64_t roff;
    if (!memref_strides_and_offset(stype, sst, &off) ||
        !memref_strides_and_offset(rtype, rs, &roff))
        goto out;
    for (size_t i = 0; i < n; i++) {
        off = sat_add(off, sat_mul(stat[i], sst[i]));
        str[i] = sat_mul(sst[i], stat[2 * n + i]);
    }
    if (!stride_reduction_mask(str, n, rs, m, stat + n, drop))
        goto out;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (drop[i])
            continue;
        shape[k] = stat[n + i];
        str[k++] = str[i];
    }
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    const eo_attr *layout = eo_attr_get_strided(ctx, k, str, off);
    const eo_type *nt = layout ? eo_type_get_memref(ctx, k, shape,
                                                    eo_type_elem(stype),
                                                    layout,
                                                    eo_type_memspace(stype))
                               : NULL;
    eo_op_state st;
    int32_t seg[4] = {1, (int32_t)nd[0], (int32_t)nd[1], (int32_t)nd[2]};
    res = EO_REWRITE_FAILED;
    if (!nt)
        goto out;
    eo_op_state_init_def(&st, ctx, eo_op_get_def(op), eo_op_loc(op));
    if (eo_op_state_add_operands(&st, ndyn, dyn) != EO_OK ||
        eo_op_state_add_result(&st, nt) != EO_OK ||
        set_array(&st, "static_offsets", 64, n, stat) != EO_OK ||
        set_array(&st, "static_sizes", 64, n, stat + n) != EO_OK ||
        set_array(&st, "static_strides", 64, n, stat + 2 * n) != EO_OK ||
        set_array(&st, "operandSegmentSizes", 32, 4, seg) != EO_OK) {
        eo_op_state_release(&st);
        goto out;
    }
    eo_op *nop = eo_rewriter_create(rw, &st);
    if (nop)
        res = replace_with_cast(rw, op, eo_op_result(nop, 0));
out:
    free(buf);
    free(dyn);
    free(drop);
    return res;
}

/* MLIR's TrivialSubViewOpFolder: zero offsets, unit strides and the full
 * static source shape make the subview its source (through a cast if the
 * types differ). */
static eo_rewrite_result
trivial_subview(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    view_info v;
    eo_value *src = eo_op_operand(op, 0);
    const eo_type *stype = eo_value_type(src);
    if (!get_view_info(op, &v) || !is_ranked(stype) ||
        !is_ranked(eo_value_type(eo_op_result(op, 0))) ||
        eo_type_rank(stype) != eo_type_rank(eo_value_type(eo_op_result(op,
                                                                      0))))
        return EO_REWRITE_NO_MATCH;
    size_t n = eo_type_rank(stype);
    for (size_t j = 0; j < 3; j++)
        if (eo_attr_dense_array_size(v.stat[j]) != n)
            return EO_REWRITE_NO_MATCH;
    for (size_t i = 0; i < n; i++) {
        int64_t o, sz, st;
        if (!mixed_const(op, &v, 0, i, &o) || o != 0 ||
            !mixed_const(op, &v, 2, i, &st) || st != 1 ||
            !mixed_const(op, &v, 1, i, &sz) || sz != eo_type_dim(stype, i))
            return EO_REWRITE_NO_MATCH;
    }
    return replace_with_cast(rw, op, src);
}

static const eo_pattern subview_patterns[] = {
    { "memref.subview-constant-args", "memref.subview", 1,
      subview_constant_args, NULL },
    { "memref.trivial-subview", "memref.subview", 1, trivial_subview, NULL },
    { NULL, NULL, 0, NULL, NULL },
};

/* "%src[offs] [sizes] [strides] attr-dict : T to U" (subview) or
 * "%src to offset: [o], sizes: [..], strides: [..] attr-dict : T to U". */
static void
print_view(eo_printer *p, eo_op *op, bool subview)
{
    static const char *const elided[] = {
        "operandSegmentSizes", "static_offsets", "static_sizes",
        "static_strides", NULL
    };
    static const char *const kw[3] = {" to offset: ", ", sizes: ",
                                      ", strides: "};
    view_info v;
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 1);
    if (!get_view_info(op, &v)) {
        eo_print_str(p, " <<malformed>>");
        return;
    }
    for (size_t j = 0; j < 3; j++) {
        eo_print_str(p, subview ? (j ? " " : "") : kw[j]);
        print_index_list(p, op, v.stat[j], v.start[j], v.len[j]);
    }
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
    eo_print_str(p, " to ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static void
print_subview(eo_printer *p, eo_op *op)
{
    print_view(p, op, true);
}

static void
print_reinterpret_cast(eo_printer *p, eo_op *op)
{
    print_view(p, op, false);
}

static eo_status
parse_view(eo_parser *p, eo_op_state *st, bool subview)
{
    static const char *const kw[3] = {"offset", "sizes", "strides"};
    eo_operand_ref src;
    list stat[3] = {LIST(int64_t), LIST(int64_t), LIST(int64_t)};
    list refs[3] = {LIST(eo_operand_ref), LIST(eo_operand_ref),
                    LIST(eo_operand_ref)};
    size_t ndyn[3] = {0, 0, 0};
    const eo_type *a, *b;
    eo_status s;
    if ((s = eo_parse_operand(p, &src)) != EO_OK)
        goto out;
    if (!subview && (s = eo_parse_expect_keyword(p, "to")) != EO_OK)
        goto out;
    for (size_t j = 0; j < 3; j++) {
        if (!subview &&
            ((j && (s = eo_parse_punct(p, ",")) != EO_OK) ||
             (s = eo_parse_expect_keyword(p, kw[j])) != EO_OK ||
             (s = eo_parse_punct(p, ":")) != EO_OK))
            goto out;
        if ((s = parse_index_list(p, &stat[j], &refs[j], &ndyn[j])) != EO_OK)
            goto out;
    }
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &a)) != EO_OK ||
        (s = eo_parse_expect_keyword(p, "to")) != EO_OK ||
        (s = eo_parse_type(p, &b)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &src, a, st)) != EO_OK)
        goto out;
    for (size_t j = 0; j < 3; j++)
        if ((s = resolve_indices(p, st, refs[j].data, refs[j].n)) != EO_OK ||
            (s = set_array(st, view_lists[j], 64, stat[j].n, stat[j].data))
                != EO_OK)
            goto out;
    int32_t seg[4] = {1, (int32_t)ndyn[0], (int32_t)ndyn[1],
                      (int32_t)ndyn[2]};
    if ((s = set_array(st, "operandSegmentSizes", 32, 4, seg)) != EO_OK)
        goto out;
    s = eo_op_state_add_result(st, b);
out:
    for (size_t j = 0; j < 3; j++) {
        list_free(&stat[j]);
        list_free(&refs[j]);
    }
    return s;
}

static eo_status
parse_subview(eo_parser *p, eo_op_state *st)
{
    return parse_view(p, st, true);
}

static eo_status
parse_reinterpret_cast(eo_parser *p, eo_op_state *st)
{
    return parse_view(p, st, false);
}

/* MLIR's ReinterpretCastOp::fold: a reinterpret_cast of a
 * reinterpret_cast, a cast or a zero-offset subview reads the buffer
 * underneath (in place); one that changes nothing is its source. */
static bool
fold_reinterpret_cast(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    eo_value *src = eo_op_operand(op, 0), *prev = NULL;
    eo_op *def = eo_value_def_op(src);
    view_info v;
    if (is_op(def, MEMREF_REINTERPRET_CAST) || is_op(def, MEMREF_CAST)) {
        prev = eo_op_operand(def, 0);
    } else if (is_op(def, MEMREF_SUBVIEW) && get_view_info(def, &v)) {
        bool zero = true;
        size_t n = eo_attr_dense_array_size(v.stat[0]);
        for (size_t i = 0; i < n && zero; i++) {
            int64_t o;
            zero = mixed_const(def, &v, 0, i, &o) && o == 0;
        }
        if (zero)
            prev = eo_op_operand(def, 0);
    }
    if (prev) {
        eo_op_set_operand(op, 0, prev);
        return eo_fold_in_place(out);
    }
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_attr *offs = i64_array(op, "static_offsets");
    if (eo_type_num_elements(rt) >= 0 && eo_value_type(src) == rt && offs &&
        eo_attr_dense_array_size(offs) > 0 &&
        eo_attr_dense_array_int(offs, 0) == 0)
        return eo_fold_to_value(out, src);
    return false;
}

static eo_status
verify_reinterpret_cast(eo_op *op)
{
    if (check_operand_memref(op, 0, false) != EO_OK ||
        check_result_memref(op, 0, true) != EO_OK)
        return EO_ERROR;
    const eo_type *src = eo_value_type(eo_op_operand(op, 0));
    const eo_type *res = eo_value_type(eo_op_result(op, 0));
    size_t n = eo_type_rank(res);
    view_info v;
    eo_strbuf b = {0};
    eo_status s = EO_OK;
    if (verify_view_lists(op, &v, 1, n) != EO_OK)
        return EO_ERROR;
    if (eo_type_elem(src) != eo_type_elem(res) ||
        eo_type_memspace(src) != eo_type_memspace(res)) {
        bool elem = eo_type_elem(src) != eo_type_elem(res);
        size_t x = put_type(&b, src), y = put_type(&b, res);
        s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "different %s "
                          "specified for source type '%s' and result memref "
                          "type '%s'", elem ? "element types"
                                            : "memory spaces",
                          piece(&b, x), piece(&b, y));
        eo_strbuf_free(&b);
        return s;
    }
    for (size_t i = 0; i < n; i++) {
        int64_t want = eo_attr_dense_array_int(v.stat[1], i);
        if (want != EO_DYNAMIC && want != eo_type_dim(res, i))
            return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected "
                                 "result type with size = %lld instead of "
                                 "%lld in dim = %zu", (long long)want,
                                 (long long)eo_type_dim(res, i), i);
    }
    int64_t *rs = calloc(n + 1, sizeof *rs), ro;
    if (!rs)
        return EO_NOMEM;
    if (!memref_strides_and_offset(res, rs, &ro)) {
        free(rs);
        size_t x = put_type(&b, res);
        s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected result "
                          "type to have strided layout but found '%s'",
                          piece(&b, x));
        eo_strbuf_free(&b);
        return s;
    }
    int64_t want = eo_attr_dense_array_int(v.stat[0], 0);
    if (want != EO_DYNAMIC && want != ro)
        s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected result "
                          "type with offset = %lld instead of %lld",
                          (long long)want, (long long)ro);
    for (size_t i = 0; s == EO_OK && i < n; i++) {
        want = eo_attr_dense_array_int(v.stat[2], i);
        if (want != EO_DYNAMIC && want != rs[i])
            s = eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected "
                              "result type with stride = %lld instead of "
                              "%lld in dim = %zu", (long long)want,
                              (long long)rs[i], i);
    }
    free(rs);
    return s;
}

/* ------------------------------------------------------------------ */
/* memref.collapse_shape, memref.expand_shape                          */
/* ------------------------------------------------------------------ */

/* Validates "reassociation" (array of arrays of i64) against the
 * expanded rank: groups contiguous, covering [0, expanded). Fills
 * group_end[g] (one past the group's last dim). */
static eo_status
check_reassociation(eo_op *op, size_t expanded, size_t collapsed,
                    size_t *group_end)
{
    const eo_attr *r = eo_op_attr(op, "reassociation");
    if (!r || eo_attr_get_kind(r) != EO_ATTR_ARRAY)
        return eo_op_error(op, "attribute 'reassociation' failed to satisfy "
                               "constraint: Array of 64-bit integer array "
                               "attributes");
    size_t ng = eo_attr_array_size(r);
    for (size_t g = 0; g < ng; g++) {
        const eo_attr *grp = eo_attr_array_at(r, g);
        if (eo_attr_get_kind(grp) != EO_ATTR_ARRAY)
            return eo_op_error(op, "attribute 'reassociation' failed to "
                                   "satisfy constraint: Array of 64-bit "
                                   "integer array attributes");
        for (size_t i = 0; i < eo_attr_array_size(grp); i++) {
            const eo_attr *x = eo_attr_array_at(grp, i);
            if (eo_attr_get_kind(x) != EO_ATTR_INTEGER ||
                !eo_type_is_signless_int(eo_attr_type(x), 64))
                return eo_op_error(op, "attribute 'reassociation' failed to "
                                       "satisfy constraint: Array of 64-bit "
                                       "integer array attributes");
        }
    }
    if (ng != collapsed)
        return eo_op_error(op, "invalid number of reassociation groups: "
                               "found %zu, expected %zu", ng, collapsed);
    if (collapsed == 0) {
        return EO_OK;
    }
    int64_t next = 0;
    for (size_t g = 0; g < ng; g++) {
        const eo_attr *grp = eo_attr_array_at(r, g);
        if (eo_attr_array_size(grp) == 0)
            return eo_op_error(op, "reassociation indices must be "
                                   "contiguous");
        for (size_t i = 0; i < eo_attr_array_size(grp); i++) {
            if (eo_attr_int_value(eo_attr_array_at(grp, i)) != next)
                return eo_op_error(op, "reassociation indices must be "
                                       "contiguous");
            next++;
        }
        group_end[g] = (size_t)next;
    }
    if ((size_t)next != expanded)
        return eo_op_error(op, "expected reassociation map #%zu to have "
                               "size equal to the number of dimensions",
                           ng - 1);
    return EO_OK;
}

/* MLIR's verifyCollapsedShape: group products vs collapsed sizes. */
static eo_status
check_group_sizes(eo_op *op, const eo_type *exp, const eo_type *col,
                  const size_t *group_end)
{
    size_t ng = eo_type_rank(col), begin = 0;
    if (ng == 0) {
        for (size_t i = 0; i < eo_type_rank(exp); i++)
            if (eo_type_dim(exp, i) != 1)
                return eo_op_error(op, "rank 0 memrefs can only be "
                                       "extended/collapsed with/from ones");
        return EO_OK;
    }
    for (size_t g = 0; g < ng; g++) {
        int64_t prod = 1;
        for (size_t i = begin; i < group_end[g]; i++)
            prod = size_mul(prod, eo_type_dim(exp, i));
        int64_t c = eo_type_dim(col, g);
        if ((c == EO_DYNAMIC) != (prod == EO_DYNAMIC))
            return eo_op_error(op, "collapsed dim (%zu) must be dynamic if "
                                   "and only if reassociation group is "
                                   "dynamic", g);
        if (c != EO_DYNAMIC && c != prod)
            return eo_op_error(op, "collapsed dim size (%lld) must equal "
                                   "reassociation group size (%lld)",
                               (long long)c, (long long)prod);
        begin = group_end[g];
    }
    return EO_OK;
}

/* The collapsed type MLIR infers for 'src' (computeCollapsedType), or
 * NULL (*bad set) if the layout does not allow it. */
static const eo_type *
collapsed_type(eo_ctx *ctx, const eo_type *src, const eo_type *res,
               const size_t *group_end, bool *bad)
{
    size_t n = eo_type_rank(src), ng = eo_type_rank(res);
    *bad = false;
    int64_t *shape = calloc(2 * n + ng + 1, sizeof *shape), off;
    if (!shape)
        return NULL;
    int64_t *st = shape + ng, *rs = st + n;
    const eo_type *t = NULL;
    size_t begin = 0;
    for (size_t g = 0; g < ng; g++) {
        int64_t prod = 1;
        for (size_t i = begin; i < group_end[g]; i++)
            prod = size_mul(prod, eo_type_dim(src, i));
        shape[g] = prod;
        begin = group_end[g];
    }
    if (identity_layout(src)) {
        t = eo_type_get_memref(ctx, ng, shape, eo_type_elem(src), NULL,
                               eo_type_memspace(src));
        goto out;
    }
    if (!memref_strides_and_offset(src, st, &off)) {
        *bad = true;
        goto out;
    }
    begin = 0;
    for (size_t g = 0; g < ng; g++) {
        size_t last = group_end[g] - 1;
        while (last > begin && eo_type_dim(src, last) == 1)
            last--;
        rs[g] = eo_type_dim(src, last) != EO_DYNAMIC || last == begin
                    ? st[last] : EO_DYNAMIC;
        begin = group_end[g];
    }
    for (size_t g = ng; g-- > 0;) {
        size_t first = g ? group_end[g - 1] : 0;
        int64_t stride = rs[g];
        for (size_t idx = group_end[g] - 1; idx > first; idx--) {
            stride = sat_mul(stride, eo_type_dim(src, idx));
            if (stride != EO_DYNAMIC && st[idx - 1] != EO_DYNAMIC &&
                stride != st[idx - 1]) {
                *bad = true;
                goto out;
            }
        }
    }
    {
        const eo_attr *l = eo_attr_get_strided(ctx, ng, rs, off);
        t = l ? eo_type_get_memref(ctx, ng, shape, eo_type_elem(src), l,
                                   eo_type_memspace(src))
              : NULL;
    }
out:
    free(shape);
    return t;
}

/* The expanded type MLIR infers (computeExpandedType). */
static const eo_type *
expanded_type(eo_ctx *ctx, const eo_type *src, const eo_type *res,
              const size_t *group_end, bool *bad)
{
    size_t n = eo_type_rank(src), m = eo_type_rank(res);
    *bad = false;
    if (identity_layout(src))
        return eo_type_get_memref(ctx, m, eo_type_shape(res),
                                  eo_type_elem(src), NULL,
                                  eo_type_memspace(src));
    int64_t *st = calloc(n + m + 1, sizeof *st), off;
    if (!st)
        return NULL;
    int64_t *rs = st + n;
    const eo_type *t = NULL;
    if (!memref_strides_and_offset(src, st, &off)) {
        *bad = true;
        goto out;
    }
    for (size_t g = 0; g < n; g++) {
        size_t first = g ? group_end[g - 1] : 0;
        int64_t stride = st[g];
        for (size_t i = group_end[g]; i-- > first;) {
            rs[i] = stride;
            stride = sat_mul(stride, eo_type_dim(res, i));
        }
    }
    const eo_attr *l = eo_attr_get_strided(ctx, m, rs, off);
    t = l ? eo_type_get_memref(ctx, m, eo_type_shape(res), eo_type_elem(src),
                               l, eo_type_memspace(src))
          : NULL;
out:
    free(st);
    return t;
}

static eo_status
reshape_type_error(eo_op *op, const char *what, const eo_type *want,
                   const eo_type *got)
{
    eo_strbuf b = {0};
    size_t x = put_type(&b, want), y = put_type(&b, got);
    eo_status s = eo_op_error(op, "expected %s type to be '%s' but found "
                                  "'%s'", what, piece(&b, x), piece(&b, y));
    eo_strbuf_free(&b);
    return s;
}

static eo_status
verify_reshape(eo_op *op, bool expand)
{
    if (check_operand_memref(op, 0, true) != EO_OK ||
        check_result_memref(op, 0, true) != EO_OK)
        return EO_ERROR;
    const eo_type *src = eo_value_type(eo_op_operand(op, 0));
    const eo_type *res = eo_value_type(eo_op_result(op, 0));
    const eo_type *exp = expand ? res : src, *col = expand ? src : res;
    if (eo_type_rank(col) > eo_type_rank(exp))
        return eo_op_error(op, "has source rank %zu and result rank %zu. "
                               "This is not %s (%zu %s %zu).",
                           eo_type_rank(src), eo_type_rank(res),
                           expand ? "an expansion" : "a collapse",
                           eo_type_rank(src), expand ? ">" : "<",
                           eo_type_rank(res));
    size_t *ends = calloc(eo_type_rank(col) + 1, sizeof *ends);
    if (!ends)
        return EO_NOMEM;
    eo_status s = check_reassociation(op, eo_type_rank(exp),
                                      eo_type_rank(col), ends);
    if (s == EO_OK && expand) {
        const eo_attr *os = i64_array(op, "static_output_shape");
        if (!os) {
            s = check_i64_array(op, "static_output_shape");
        } else if (eo_attr_dense_array_size(os) != eo_type_rank(res)) {
            s = eo_op_error(op, "expected number of static shape dims to be "
                                "equal to the output rank (%zu) but found "
                                "%zu inputs instead", eo_type_rank(res),
                            eo_attr_dense_array_size(os));
        } else {
            size_t nd = 0;
            for (size_t i = 0; i < eo_type_rank(res); i++)
                nd += eo_attr_dense_array_int(os, i) == EO_DYNAMIC;
            if (nd != eo_op_num_operands(op) - 1)
                s = eo_op_error(op, "mismatch in dynamic dims in "
                                    "output_shape and static_output_shape: "
                                    "static_output_shape has %zu dynamic "
                                    "dims while output_shape has %zu values",
                                nd, eo_op_num_operands(op) - 1);
            if (s == EO_OK)
                s = check_index_operands(op, 1, true);
            for (size_t i = 0; s == EO_OK && i < eo_type_rank(res); i++) {
                int64_t x = eo_attr_dense_array_int(os, i);
                if (x != EO_DYNAMIC && eo_type_dim(res, i) != EO_DYNAMIC &&
                    x != eo_type_dim(res, i))
                    s = eo_op_error(op, "invalid output shape provided at "
                                        "pos %zu", i);
            }
        }
    }
    if (s == EO_OK)
        s = check_group_sizes(op, exp, col, ends);
    if (s == EO_OK) {
        bool bad;
        const eo_type *want = expand
            ? expanded_type(eo_op_ctx(op), src, res, ends, &bad)
            : collapsed_type(eo_op_ctx(op), src, res, ends, &bad);
        if (bad)
            s = eo_op_error(op, expand ? "invalid source layout map"
                                       : "invalid source layout map or "
                                         "collapsing non-contiguous dims");
        else if (!want)
            s = EO_NOMEM;
        else if (want != res)
            s = reshape_type_error(op, expand ? "expanded" : "collapsed",
                                   want, res);
    }
    free(ends);
    return s;
}

static eo_status
verify_collapse(eo_op *op)
{
    return verify_reshape(op, false);
}

static eo_status
verify_expand(eo_op *op)
{
    return verify_reshape(op, true);
}

/* "%src [[0, 1], [2]] [output_shape [..]] attr-dict : T into U" */
static void
print_reshape(eo_printer *p, eo_op *op, bool expand)
{
    static const char *const elided[] = {
        "reassociation", "static_output_shape", NULL
    };
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 1);
    eo_print_str(p, " ");
    const eo_attr *r = eo_op_attr(op, "reassociation");
    if (r)
        eo_print_attr(p, r);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    if (expand) {
        eo_print_str(p, " output_shape ");
        print_index_list(p, op, i64_array(op, "static_output_shape"), 1,
                         eo_op_num_operands(op) - 1);
    }
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
    eo_print_str(p, " into ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static void
print_collapse(eo_printer *p, eo_op *op)
{
    print_reshape(p, op, false);
}

static void
print_expand(eo_printer *p, eo_op *op)
{
    print_reshape(p, op, true);
}

static eo_status
parse_reshape(eo_parser *p, eo_op_state *st, bool expand)
{
    eo_operand_ref src;
    list stat = LIST(int64_t), refs = LIST(eo_operand_ref);
    size_t ndyn = 0;
    const eo_attr *r;
    const eo_type *a, *b;
    eo_status s;
    if ((s = eo_parse_operand(p, &src)) != EO_OK)
        goto out;
    const eo_loc *rloc = eo_parser_loc(p);
    if ((s = eo_parse_attr(p, NULL, &r)) != EO_OK)
        goto out;
    if (eo_attr_get_kind(r) != EO_ATTR_ARRAY) {
        s = eo_parser_error_loc(p, rloc, "invalid kind of attribute "
                                "specified");
        goto out;
    }
    if ((s = eo_op_state_set_attr(st, "reassociation", r)) != EO_OK)
        goto out;
    if (expand && ((s = eo_parse_expect_keyword(p, "output_shape")) != EO_OK ||
                   (s = parse_index_list(p, &stat, &refs, &ndyn)) != EO_OK))
        goto out;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &a)) != EO_OK ||
        (s = eo_parse_expect_keyword(p, "into")) != EO_OK ||
        (s = eo_parse_type(p, &b)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &src, a, st)) != EO_OK)
        goto out;
    if (expand &&
        ((s = resolve_indices(p, st, refs.data, refs.n)) != EO_OK ||
         (s = set_array(st, "static_output_shape", 64, stat.n, stat.data))
             != EO_OK))
        goto out;
    s = eo_op_state_add_result(st, b);
out:
    list_free(&stat);
    list_free(&refs);
    return s;
}

static eo_status
parse_collapse(eo_parser *p, eo_op_state *st)
{
    return parse_reshape(p, st, false);
}

static eo_status
parse_expand(eo_parser *p, eo_op_state *st)
{
    return parse_reshape(p, st, true);
}

/* ------------------------------------------------------------------ */
/* Table and registration                                              */
/* ------------------------------------------------------------------ */

#define VIEW_ATTRS EO_ATTRS("operandSegmentSizes", "static_offsets",      \
                            "static_sizes", "static_strides")

static const eo_op_def memref_ops[MEMREF_NUM_OPS] = {
    [MEMREF_ALLOC] = {
        .name = "memref.alloc", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_MEM_ALLOC | EO_ATTR_SIZED_OPERANDS,
        .attrs = EO_ATTRS("operandSegmentSizes"),
        .opt_attrs = EO_ATTRS("alignment"), .populate = populate_segments,
        .verify = verify_alloc, .print = print_alloc, .parse = parse_alloc,
        .result_names = result_names, .canonicalize = alloc_patterns },
    [MEMREF_ALLOCA] = {
        .name = "memref.alloca", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_MEM_ALLOC | EO_ATTR_SIZED_OPERANDS,
        .attrs = EO_ATTRS("operandSegmentSizes"),
        .opt_attrs = EO_ATTRS("alignment"), .populate = populate_segments,
        .verify = verify_alloc, .print = print_alloc, .parse = parse_alloc,
        .result_names = result_names, .canonicalize = alloca_patterns },
    [MEMREF_CAST] = {
        .name = "memref.cast", .operands = 1, .results = 1,
        .traits = EO_PURE,
        .verify = verify_cast, .fold = fold_cast, .print = print_cast,
        .parse = parse_cast,
        .result_names = result_names },
    [MEMREF_COLLAPSE_SHAPE] = {
        .name = "memref.collapse_shape", .operands = 1, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("reassociation"),
        .verify = verify_collapse, .print = print_collapse,
        .parse = parse_collapse, .result_names = result_names },
    [MEMREF_COPY] = {
        .name = "memref.copy", .operands = 2, .results = 0,
        .traits = EO_MEM_READ | EO_MEM_WRITE,
        .verify = verify_copy, .fold = fold_copy, .print = print_copy,
        .parse = parse_copy, .canonicalize = copy_patterns },
    [MEMREF_DEALLOC] = {
        .name = "memref.dealloc", .operands = 1, .results = 0,
        .traits = EO_MEM_FREE,
        .verify = verify_dealloc, .fold = fold_dealloc,
        .print = print_operand_typed, .parse = parse_operand_typed },
    [MEMREF_DIM] = {
        .name = "memref.dim", .operands = 2, .results = 1,
        .traits = EO_PURE,
        .verify = verify_dim, .fold = fold_dim, .print = print_dim,
        .parse = parse_dim, .result_names = result_names },
    [MEMREF_EXPAND_SHAPE] = {
        .name = "memref.expand_shape", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_PURE,
        .attrs = EO_ATTRS("reassociation", "static_output_shape"),
        .verify = verify_expand, .print = print_expand, .parse = parse_expand,
        .result_names = result_names },
    [MEMREF_GET_GLOBAL] = {
        .name = "memref.get_global", .operands = 0, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("name"),
        .verify = verify_get_global, .print = print_get_global,
        .parse = parse_get_global },
    [MEMREF_GLOBAL] = {
        .name = "memref.global", .operands = 0, .results = 0,
        .traits = EO_SYMBOL, .attrs = EO_ATTRS("sym_name", "type"),
        .opt_attrs = EO_ATTRS("sym_visibility", "initial_value", "constant",
                              "alignment"),
        .verify = verify_global, .print = print_global,
        .parse = parse_global },
    [MEMREF_LOAD] = {
        .name = "memref.load", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_MEM_READ, .opt_attrs = EO_ATTRS("nontemporal"),
        .verify = verify_load, .fold = fold_load, .print = print_load,
        .parse = parse_load },
    [MEMREF_REINTERPRET_CAST] = {
        .name = "memref.reinterpret_cast", .operands = EO_VARIADIC,
        .results = 1, .traits = EO_PURE | EO_ATTR_SIZED_OPERANDS,
        .attrs = VIEW_ATTRS, .populate = populate_segments,
        .verify = verify_reinterpret_cast, .fold = fold_reinterpret_cast,
        .print = print_reinterpret_cast,
        .parse = parse_reinterpret_cast, .result_names = result_names },
    [MEMREF_STORE] = {
        .name = "memref.store", .operands = EO_VARIADIC, .results = 0,
        .traits = EO_MEM_WRITE, .opt_attrs = EO_ATTRS("nontemporal"),
        .verify = verify_store, .fold = fold_store, .print = print_store,
        .parse = parse_store },
    [MEMREF_SUBVIEW] = {
        .name = "memref.subview", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_PURE | EO_ATTR_SIZED_OPERANDS, .attrs = VIEW_ATTRS,
        .populate = populate_segments,
        .verify = verify_subview, .fold = fold_subview,
        .print = print_subview, .parse = parse_subview,
        .result_names = result_names, .canonicalize = subview_patterns },
};

static enum memref_op
def_index(const eo_op_def *def)
{
    if (!def || def < memref_ops || def >= memref_ops + MEMREF_NUM_OPS)
        return MEMREF_NUM_OPS;
    return (enum memref_op)(def - memref_ops);
}

const eo_op_def *
memref_op_def(enum memref_op op)
{
    return (unsigned)op < MEMREF_NUM_OPS ? &memref_ops[op] : NULL;
}

enum memref_op
memref_op_kind(const eo_op *op)
{
    return def_index(eo_op_get_def(op));
}

static const eo_dialect_desc memref_dialect = {
    .name = "memref",
    .ops = memref_ops,
    .num_ops = MEMREF_NUM_OPS,
    .materialize_constant = materialize_constant,
};

eo_status
memref_register(eo_ctx *ctx)
{
    eo_status st = arith_register(ctx);
    if (st != EO_OK)
        return st;
    return eo_dialect_register_desc(ctx, &memref_dialect);
}

/* dialects/vector/vector_xfer.c - vector.transfer_read/transfer_write
 * (permutation maps, in_bounds, masks) and vector.contract (indexing maps,
 * iterator types, kind): their custom forms and verifiers, after MLIR 19.
 */
#include "dialects/vector/vector_internal.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Permutation maps                                                    */
/* ------------------------------------------------------------------ */

/* (d0, ..., d{n-1}) -> (d{n-r}, ..., d{n-1}); NULL if r > n. */
static const eo_affine_map *
minor_identity(eo_ctx *ctx, size_t n, size_t r)
{
    if (r > n)
        return NULL;
    const eo_affine_expr **e = calloc(r + 1, sizeof *e);
    if (!e)
        return NULL;
    for (size_t i = 0; i < r; i++) {
        e[i] = eo_affine_dim(ctx, (unsigned)(n - r + i));
        if (!e[i]) {
            free(e);
            return NULL;
        }
    }
    const eo_affine_map *m = eo_affine_map_get(ctx, (unsigned)n, 0, r, e);
    free(e);
    return m;
}

static bool
is_minor_identity(const eo_affine_map *m)
{
    unsigned nd = eo_affine_map_num_dims(m);
    size_t nr = eo_affine_map_num_results(m);
    if (eo_affine_map_num_symbols(m) || nd < nr)
        return false;
    for (size_t i = 0; i < nr; i++) {
        const eo_affine_expr *e = eo_affine_map_result(m, i);
        if (eo_affine_expr_kind(e) != EO_AFFINE_DIM ||
            eo_affine_expr_pos(e) != nd - nr + i)
            return false;
    }
    return true;
}

/* MLIR's getTransferMinorIdentityMap. When the vector has more dims
 * than the source, all source dims (as MLIR's release build makes it);
 * the verifier then reports the rank mismatch. */
static const eo_affine_map *
default_perm_map(const eo_type *shaped, const eo_type *vec)
{
    eo_ctx *ctx = eo_type_ctx(shaped);
    const eo_type *elem = eo_type_elem(shaped);
    size_t evr = vec_is_vector(elem) ? eo_type_rank(elem) : 0;
    size_t sr = eo_type_rank(shaped), vr = eo_type_rank(vec);
    if (sr == 0 && vr == 1 && eo_type_dim(vec, 0) == 1) {
        const eo_affine_expr *z = eo_affine_const(ctx, 0);
        return z ? eo_affine_map_get(ctx, 0, 0, 1, &z) : NULL;
    }
    size_t r = vr >= evr ? vr - evr : sr;
    return minor_identity(ctx, sr, r < sr ? r : sr);
}

enum perm_check { PERM_OK, PERM_NOT_PROJECTED, PERM_REPEATED };

/* MLIR's verifyPermutationMap: each result a dim (used once) or 0. */
static enum perm_check
check_perm(const eo_affine_map *m)
{
    unsigned nd = eo_affine_map_num_dims(m);
    bool *seen = calloc(nd + 1, sizeof *seen);
    enum perm_check r = PERM_OK;
    if (!seen)
        return PERM_NOT_PROJECTED;
    for (size_t i = 0; i < eo_affine_map_num_results(m) && !r; i++) {
        const eo_affine_expr *e = eo_affine_map_result(m, i);
        if (eo_affine_expr_kind(e) == EO_AFFINE_CONST) {
            if (eo_affine_expr_value(e) != 0)
                r = PERM_NOT_PROJECTED;
        } else if (eo_affine_expr_kind(e) != EO_AFFINE_DIM) {
            r = PERM_NOT_PROJECTED;
        } else if (seen[eo_affine_expr_pos(e)]) {
            r = PERM_REPEATED;
        } else {
            seen[eo_affine_expr_pos(e)] = true;
        }
    }
    free(seen);
    return r;
}

/* Whether dim 'd' occurs anywhere in 'e'. */
static bool
uses_dim(const eo_affine_expr *e, unsigned d)
{
    switch (eo_affine_expr_kind(e)) {
    case EO_AFFINE_DIM:
        return eo_affine_expr_pos(e) == d;
    case EO_AFFINE_SYMBOL:
    case EO_AFFINE_CONST:
        return false;
    default:
        return uses_dim(eo_affine_expr_lhs(e), d) ||
               uses_dim(eo_affine_expr_rhs(e), d);
    }
}

/* MLIR's inferTransferOpMaskType (inversePermutation of the map without
 * its unused dims): for each dim the map uses, in order, the vector dim
 * of the first result that is exactly that dim (vector<i1> if none).
 * NULL where MLIR has no inverse (a used dim with no such result, or
 * symbols) or the ranks disagree. */
static const eo_type *
infer_mask_type(const eo_type *vec, const eo_affine_map *m)
{
    size_t nr = eo_affine_map_num_results(m);
    unsigned nd = eo_affine_map_num_dims(m);
    if (eo_affine_map_num_symbols(m) || nr != eo_type_rank(vec))
        return NULL;
    eo_ctx *ctx = eo_type_ctx(vec);
    int64_t *shape = calloc(nd + 1, sizeof *shape);
    bool *sc = calloc(nd + 1, sizeof *sc);
    const eo_type *t = NULL;
    size_t n = 0;
    if (!shape || !sc)
        goto out;
    for (unsigned d = 0; d < nd; d++) {
        bool used = false, found = false;
        for (size_t i = 0; i < nr && !found; i++) {
            const eo_affine_expr *e = eo_affine_map_result(m, i);
            used = used || uses_dim(e, d);
            if (eo_affine_expr_kind(e) == EO_AFFINE_DIM &&
                eo_affine_expr_pos(e) == d) {
                shape[n] = eo_type_dim(vec, i);
                sc[n++] = eo_type_dim_is_scalable(vec, i);
                found = true;
            }
        }
        if (used && !found)
            goto out;
    }
    t = eo_type_get_vector(ctx, n, shape, sc, eo_type_get_int(ctx, 1));
out:
    free(shape);
    free(sc);
    return t;
}

static const eo_affine_map *
perm_map_of(const eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "permutation_map");
    return a && eo_attr_get_kind(a) == EO_ATTR_AFFINE_MAP
               ? eo_attr_affine_map(a)
               : NULL;
}

/* in_bounds: an array of i1 integers. */
static bool
in_bounds_ok(const eo_attr *a)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_ARRAY)
        return false;
    for (size_t i = 0; i < eo_attr_array_size(a); i++)
        if (!eo_attr_is_bool(eo_attr_array_at(a, i)))
            return false;
    return true;
}

/* ------------------------------------------------------------------ */
/* Transfer verifiers                                                  */
/* ------------------------------------------------------------------ */

typedef struct xfer {
    size_t src, idx, nidx, pad, mask;  /* operand positions; pad/mask
                                          SIZE_MAX if absent */
    const eo_type *shaped, *vec;
    const eo_affine_map *map;
    const eo_attr *in_bounds;
} xfer;

/* Attribute and operand constraints (MLIR's ODS part). */
static eo_status
check_xfer_constraints(eo_op *op, xfer *x, bool read)
{
    static const int rlo[] = {1, 0, 1, 0}, rhi[] = {1, -1, 1, 1};
    static const int wlo[] = {1, 1, 0, 0}, whi[] = {1, 1, -1, 1};
    size_t start, len;
    x->in_bounds = eo_op_attr(op, "in_bounds");
    if (!in_bounds_ok(x->in_bounds))
        return eo_op_error(op, "attribute 'in_bounds' failed to satisfy "
                           "constraint: 1-bit boolean array attribute");
    x->map = perm_map_of(op);
    if (!x->map)
        return eo_op_error(op, "attribute 'permutation_map' failed to "
                           "satisfy constraint: AffineMap attribute");
    if (!eo_op_operand_segment(op, read ? 1 : 2, &start, &len))
        return eo_op_error(op, "requires attribute 'operandSegmentSizes'");
    x->idx = start;
    x->nidx = len;
    /* Operands in MLIR's order (its ODS code checks no group size), the
     * group sizes before anything relies on them. */
    size_t s0 = 0, l0 = 0, s1 = 0, l1 = 0;
    if (!eo_op_operand_segment(op, 0, &s0, &l0) ||
        !eo_op_operand_segment(op, 1, &s1, &l1))
        l0 = l1 = 0;
    if (!read && l0 == 1 &&
        !vec_is_vector(vec_operand_type(op, s0)))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              vec_operand_type(op, s0));
    if ((read ? l0 : l1) == 1) {
        size_t at = read ? s0 : s1;
        const eo_type *t = vec_operand_type(op, at);
        eo_type_kind k = eo_type_get_kind(t);
        if (!eo_type_is_shaped(t) && k != EO_TYPE_UNRANKED_TENSOR &&
            k != EO_TYPE_UNRANKED_MEMREF)
            return vec_cons_error(op, "operand", at,
                                  "shaped of any type values", t);
    }
    if (vec_check_index_operands(op, x->idx, x->nidx) != EO_OK)
        return EO_ERROR;
    if (vec_check_segments(op, 4, read ? rlo : wlo, read ? rhi : whi)
        != EO_OK)
        return EO_ERROR;
    x->src = read ? 0 : 1;
    x->pad = read ? start + len : SIZE_MAX;
    eo_op_operand_segment(op, 3, &start, &len);
    x->mask = len ? start : SIZE_MAX;
    x->shaped = vec_operand_type(op, x->src);
    x->vec = read ? vec_result_type(op, 0)
                  : vec_operand_type(op, 0);
    if (x->mask != SIZE_MAX) {
        const eo_type *m = vec_operand_type(op, x->mask);
        if (!vec_is_i1_vector(m) || eo_type_rank(m) == 0)
            return vec_cons_error(op, "operand", x->mask,
                                  "vector of 1-bit signless integer values",
                                  m);
    }
    if (read && !vec_is_vector(x->vec))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              x->vec);
    if (!read && eo_op_num_results(op) > 1)
        return eo_op_error(op, "requires zero or one results");
    if (!read && eo_op_num_results(op) == 1) {
        const eo_type *r = vec_result_type(op, 0);
        if (eo_type_get_kind(r) != EO_TYPE_TENSOR)
            return vec_cons_error(op, "result", 0,
                                  "ranked tensor of any type values", r);
    }
    return EO_OK;
}

/* MLIR's verifyTransferOp. */
static eo_status
verify_transfer_common(eo_op *op, const xfer *x)
{
    const eo_type *st = x->shaped, *vt = x->vec;
    const eo_type *mask = x->mask == SIZE_MAX
                              ? NULL
                              : vec_operand_type(op, x->mask);
    const eo_affine_map *m = x->map;
    size_t nr = eo_affine_map_num_results(m);
    if (eo_op_attr(op, "masked"))
        return eo_op_error(op, "masked attribute has been removed. Use "
                           "in_bounds instead.");
    eo_type_kind k = eo_type_get_kind(st);
    if (k != EO_TYPE_MEMREF && k != EO_TYPE_TENSOR)
        return eo_op_error(op, "requires source to be a memref or ranked "
                           "tensor type");
    const eo_type *elem = eo_type_elem(st);
    size_t vminor = eo_type_rank(vt) == 0
                        ? 1
                        : (size_t)eo_type_dim(vt, eo_type_rank(vt) - 1);
    unsigned vbits = vec_bit_width(eo_type_elem(vt));
    if (vec_is_vector(elem)) {
        unsigned ebits = vec_bit_width(eo_type_elem(elem));
        size_t er = eo_type_rank(elem);
        uint64_t src_size = er ? (uint64_t)ebits *
                                     (uint64_t)eo_type_dim(elem, er - 1)
                               : ebits;
        uint64_t res_size = (uint64_t)vbits * vminor;
        if (src_size == 0 || res_size % src_size != 0)
            return eo_op_error(op, "requires the bitwidth of the minor 1-D "
                               "vector to be an integral multiple of the "
                               "bitwidth of the minor 1-D vector of the "
                               "source");
        if (er > eo_type_rank(vt))
            return eo_op_error(op, "requires source vector element and "
                               "vector result ranks to match.");
        if (nr != eo_type_rank(vt) - er)
            return eo_op_error(op, "requires a permutation_map with result "
                               "dims of the same rank as the vector type");
        if (mask)
            return eo_op_error(op, "does not support masks with vector "
                               "element type");
    } else {
        unsigned ebits = vec_bit_width(elem);
        uint64_t res_size = (uint64_t)vbits * vminor;
        if (ebits == 0 || res_size % ebits != 0)
            return eo_op_error(op, "requires the bitwidth of the minor 1-D "
                               "vector to be an integral multiple of the "
                               "bitwidth of the source element type");
        if (nr != eo_type_rank(vt))
            return eo_op_error(op, "requires a permutation_map with result "
                               "dims of the same rank as the vector type");
    }
    if (eo_affine_map_num_symbols(m))
        return eo_op_error(op, "requires permutation_map without symbols");
    if (eo_affine_map_num_dims(m) != eo_type_rank(st))
        return eo_op_error(op, "requires a permutation_map with input dims "
                           "of the same rank as the source type");
    if (mask) {
        const eo_type *inf = infer_mask_type(vt, m);
        /* An invalid map is reported below (MLIR asserts here). */
        if (inf && inf != mask) {
            vec_tbuf a, b;
            return eo_op_error(op, "inferred mask type ('%s') and mask "
                               "operand type ('%s') don't match",
                               vec_tstr(&a, inf), vec_tstr(&b, mask));
        }
    }
    if (nr != eo_attr_array_size(x->in_bounds)) {
        eo_strbuf s = {0};
        eo_affine_map_print(m, &s);
        eo_status r = eo_op_error(op, "expects the in_bounds attr of same "
                                  "rank as permutation_map results: "
                                  "affine_map<%.*s> vs inBounds of size: %zu",
                                  (int)s.len, s.data ? s.data : "",
                                  eo_attr_array_size(x->in_bounds));
        eo_strbuf_free(&s);
        return r;
    }
    for (size_t i = 0; i < nr; i++)
        if (eo_affine_expr_kind(eo_affine_map_result(m, i)) ==
                EO_AFFINE_CONST &&
            !eo_attr_int_uvalue(eo_attr_array_at(x->in_bounds, i)))
            return eo_op_error(op, "requires broadcast dimensions to be "
                               "in-bounds");
    return EO_OK;
}

static eo_status
verify_perm(eo_op *op, const eo_affine_map *m)
{
    switch (check_perm(m)) {
    case PERM_OK:
        return EO_OK;
    case PERM_NOT_PROJECTED:
        return eo_op_error(op, "requires a projected permutation_map (at "
                           "most one dim or the zero constant can appear in "
                           "each result)");
    case PERM_REPEATED:
        return eo_op_error(op, "requires a permutation_map that is a "
                           "permutation (found one dim used more than "
                           "once)");
    }
    return EO_ERROR;
}

eo_status
vec_verify_transfer_read(eo_op *op)
{
    xfer x;
    if (check_xfer_constraints(op, &x, true) != EO_OK)
        return EO_ERROR;
    if (eo_type_has_rank(x.shaped) && x.nidx != eo_type_rank(x.shaped))
        return eo_op_error(op, "requires %zu indices",
                           eo_type_rank(x.shaped));
    if (verify_transfer_common(op, &x) != EO_OK)
        return EO_ERROR;
    const eo_type *pad = vec_operand_type(op, x.pad);
    const eo_type *elem = eo_type_elem(x.shaped);
    if (vec_is_vector(elem)) {
        if (elem != pad)
            return eo_op_error(op, "requires source element type and "
                               "padding type to match.");
    } else {
        if (!eo_type_is_int(pad) && !eo_type_is_index(pad) &&
            !eo_type_is_float(pad))
            return eo_op_error(op, "requires valid padding vector elemental "
                               "type");
        if (pad != elem)
            return eo_op_error(op, "requires formal padding and source of "
                               "the same elemental type");
    }
    return verify_perm(op, x.map);
}

eo_status
vec_verify_transfer_write(eo_op *op)
{
    xfer x;
    if (check_xfer_constraints(op, &x, false) != EO_OK)
        return EO_ERROR;
    if (eo_type_has_rank(x.shaped) && x.nidx != eo_type_rank(x.shaped))
        return eo_op_error(op, "requires %zu indices",
                           eo_type_rank(x.shaped));
    for (size_t i = 0; i < eo_affine_map_num_results(x.map); i++) {
        const eo_affine_expr *e = eo_affine_map_result(x.map, i);
        if (eo_affine_expr_kind(e) == EO_AFFINE_CONST &&
            eo_affine_expr_value(e) == 0)
            return eo_op_error(op, "should not have broadcast dimensions");
    }
    if (verify_transfer_common(op, &x) != EO_OK)
        return EO_ERROR;
    return verify_perm(op, x.map);
}

/* ------------------------------------------------------------------ */
/* Transfer custom forms                                               */
/* ------------------------------------------------------------------ */

/* attr-dict without operandSegmentSizes, a minor-identity map and an
 * all-false in_bounds (MLIR's printTransferAttrs). */
static void
print_transfer_attrs(eo_printer *p, const eo_op *op)
{
    const char *elided[4] = {"operandSegmentSizes", NULL, NULL, NULL};
    size_t n = 1;
    const eo_affine_map *m = perm_map_of(op);
    if (m && is_minor_identity(m))
        elided[n++] = "permutation_map";
    const eo_attr *ib = eo_op_attr(op, "in_bounds");
    if (in_bounds_ok(ib)) {
        bool any = false;
        for (size_t i = 0; i < eo_attr_array_size(ib); i++)
            any = any || eo_attr_int_uvalue(eo_attr_array_at(ib, i));
        if (!any)
            elided[n++] = "in_bounds";
    }
    eo_print_attr_dict(p, op, elided);
}

static void
print_mask_operand(eo_printer *p, const eo_op *op)
{
    size_t start, len;
    if (eo_op_operand_segment(op, 3, &start, &len) && len == 1) {
        eo_print_str(p, ", ");
        eo_print_value(p, eo_op_operand(op, start));
    }
}

/* %src[%i, %j], %pad[, %mask] attr-dict : shaped, vector */
void
vec_print_transfer_read(eo_printer *p, eo_op *op)
{
    size_t start = 1, len = 0;
    eo_op_operand_segment(op, 1, &start, &len);
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, "[");
    eo_print_operands(p, op, start, len);
    eo_print_str(p, "], ");
    if (start + len < eo_op_num_operands(op))
        eo_print_value(p, eo_op_operand(op, start + len));
    print_mask_operand(p, op);
    print_transfer_attrs(p, op);
    eo_print_str(p, " : ");
    eo_print_type(p, vec_operand_type(op, 0));
    eo_print_str(p, ", ");
    eo_print_type(p, vec_result_type(op, 0));
}

/* %v, %src[%i, %j][, %mask] attr-dict : vector, shaped */
void
vec_print_transfer_write(eo_printer *p, eo_op *op)
{
    size_t start = 2, len = 0;
    eo_op_operand_segment(op, 2, &start, &len);
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    eo_print_str(p, "[");
    eo_print_operands(p, op, start, len);
    eo_print_str(p, "]");
    print_mask_operand(p, op);
    print_transfer_attrs(p, op);
    eo_print_str(p, " : ");
    eo_print_type(p, vec_operand_type(op, 0));
    eo_print_str(p, ", ");
    eo_print_type(p, vec_operand_type(op, 1));
}

/* The attribute 'name' among those parsed into 'st', or NULL. */
static const eo_attr *
state_attr(const eo_op_state *st, const char *name)
{
    for (size_t i = 0; i < st->num_attrs; i++)
        if (strcmp(eo_ident_str(st->attrs[i].name), name) == 0)
            return st->attrs[i].value;
    return NULL;
}

/* After the types: fills permutation_map and in_bounds defaults and
 * checks what the mask type inference needs. *map gets the map. */
static eo_status
transfer_defaults(eo_parser *p, eo_op_state *st, const eo_loc *tloc,
                  const eo_type *shaped, const eo_type *vec,
                  const eo_affine_map **map)
{
    eo_ctx *ctx = st->ctx;
    const eo_attr *a = state_attr(st, "permutation_map");
    if (a) {
        if (eo_attr_get_kind(a) != EO_ATTR_AFFINE_MAP)
            return vec_perr(p, tloc, st, "expected 'permutation_map' to be "
                            "an affine map attribute");
        *map = eo_attr_affine_map(a);
    } else {
        *map = default_perm_map(shaped, vec);
        a = *map ? eo_attr_get_affine_map(ctx, *map) : NULL;
        if (!a || eo_op_state_set_attr(st, "permutation_map", a) != EO_OK)
            return EO_NOMEM;
    }
    if (!state_attr(st, "in_bounds")) {
        size_t n = eo_affine_map_num_results(*map);
        const eo_attr **e = calloc(n + 1, sizeof *e);
        const eo_attr *f = eo_attr_get_bool(ctx, false);
        if (!e || !f) {
            free(e);
            return EO_NOMEM;
        }
        for (size_t i = 0; i < n; i++)
            e[i] = f;
        const eo_attr *arr = eo_attr_get_array(ctx, n, e);
        free(e);
        if (!arr || eo_op_state_set_attr(st, "in_bounds", arr) != EO_OK)
            return EO_NOMEM;
    }
    return EO_OK;
}

/* Resolves the mask of a transfer op to its inferred type. */
static eo_status
resolve_mask(eo_parser *p, eo_op_state *st, const eo_operand_ref *mask,
             const eo_loc *tloc, const eo_type *shaped, const eo_type *vec,
             const eo_affine_map *map)
{
    if (vec_is_vector(eo_type_elem(shaped)))
        return vec_perr(p, mask->loc, st, "does not support masks with "
                        "vector element type");
    if (eo_type_rank(vec) != eo_affine_map_num_results(map))
        return vec_perr(p, tloc, st, "expected the same rank for the vector "
                        "and the results of the permutation map");
    const eo_type *mt = infer_mask_type(vec, map);
    if (!mt)
        return vec_perr(p, tloc, st, "cannot infer the mask type: a dim "
                        "of the permutation_map is used only inside "
                        "expressions");
    return eo_parse_resolve_operand(p, mask, mt, st);
}

/* "T1, T2": exactly two types, the source memref/ranked tensor and the
 * vector, in the order 'vec_first' says. */
static eo_status
parse_transfer_types(eo_parser *p, eo_op_state *st, bool vec_first,
                     const eo_loc **tloc, const eo_type **shaped,
                     const eo_type **vec)
{
    const eo_type **types;
    size_t n;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    *tloc = eo_parser_loc(p);
    if (eo_parse_punct(p, ":") != EO_OK ||
        eo_parse_type_list(p, &types, &n) != EO_OK)
        return EO_ERROR;
    if (n != 2)
        return vec_perr(p, *tloc, st, "requires two types");
    *shaped = types[vec_first ? 1 : 0];
    *vec = types[vec_first ? 0 : 1];
    if (vec_first && !vec_is_vector(*vec))
        return vec_perr(p, *tloc, st, "requires vector type");
    eo_type_kind k = eo_type_get_kind(*shaped);
    if (k != EO_TYPE_MEMREF && k != EO_TYPE_TENSOR)
        return vec_perr(p, *tloc, st, "requires memref or ranked tensor "
                        "type");
    if (!vec_first && !vec_is_vector(*vec))
        return vec_perr(p, *tloc, st, "requires vector type");
    return EO_OK;
}

eo_status
vec_parse_transfer_read(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref src, pad, mask, *idx;
    size_t n;
    bool has_mask = false;
    const eo_loc *tloc;
    const eo_type *shaped, *vec;
    const eo_affine_map *map;
    if (eo_parse_operand(p, &src) != EO_OK ||
        eo_parse_punct(p, "[") != EO_OK ||
        eo_parse_operand_list(p, &idx, &n) != EO_OK ||
        eo_parse_punct(p, "]") != EO_OK || eo_parse_punct(p, ",") != EO_OK ||
        eo_parse_operand(p, &pad) != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_punct(p, ",")) {
        if (eo_parse_operand(p, &mask) != EO_OK)
            return EO_ERROR;
        has_mask = true;
    }
    if (parse_transfer_types(p, st, false, &tloc, &shaped, &vec) != EO_OK ||
        transfer_defaults(p, st, tloc, shaped, vec, &map) != EO_OK)
        return EO_ERROR;
    const eo_type *it = eo_type_get_index(st->ctx);
    if (!it || eo_parse_resolve_operand(p, &src, shaped, st) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < n; i++)
        if (eo_parse_resolve_operand(p, &idx[i], it, st) != EO_OK)
            return EO_ERROR;
    if (eo_parse_resolve_operand(p, &pad, eo_type_elem(shaped), st) != EO_OK)
        return EO_ERROR;
    if (has_mask &&
        resolve_mask(p, st, &mask, tloc, shaped, vec, map) != EO_OK)
        return EO_ERROR;
    int32_t seg[4] = {1, (int32_t)n, 1, has_mask};
    if (vec_set_segments(st, 4, seg) != EO_OK)
        return EO_NOMEM;
    return eo_op_state_add_result(st, vec);
}

eo_status
vec_parse_transfer_write(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref v, src, mask, *idx;
    size_t n;
    bool has_mask = false;
    const eo_loc *tloc;
    const eo_type *shaped, *vec;
    const eo_affine_map *map;
    if (eo_parse_operand(p, &v) != EO_OK || eo_parse_punct(p, ",") != EO_OK ||
        eo_parse_operand(p, &src) != EO_OK ||
        eo_parse_punct(p, "[") != EO_OK ||
        eo_parse_operand_list(p, &idx, &n) != EO_OK ||
        eo_parse_punct(p, "]") != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_punct(p, ",")) {
        if (eo_parse_operand(p, &mask) != EO_OK)
            return EO_ERROR;
        has_mask = true;
    }
    if (parse_transfer_types(p, st, true, &tloc, &shaped, &vec) != EO_OK ||
        transfer_defaults(p, st, tloc, shaped, vec, &map) != EO_OK)
        return EO_ERROR;
    const eo_type *it = eo_type_get_index(st->ctx);
    if (!it || eo_parse_resolve_operand(p, &v, vec, st) != EO_OK ||
        eo_parse_resolve_operand(p, &src, shaped, st) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < n; i++)
        if (eo_parse_resolve_operand(p, &idx[i], it, st) != EO_OK)
            return EO_ERROR;
    if (has_mask &&
        resolve_mask(p, st, &mask, tloc, shaped, vec, map) != EO_OK)
        return EO_ERROR;
    int32_t seg[4] = {1, 1, (int32_t)n, has_mask};
    if (vec_set_segments(st, 4, seg) != EO_OK)
        return EO_NOMEM;
    if (eo_type_get_kind(shaped) == EO_TYPE_TENSOR)
        return eo_op_state_add_result(st, shaped);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Transfer folds                                                      */
/* ------------------------------------------------------------------ */

/* Index operands and mask of a verified transfer op. */
static bool
xfer_operands(const eo_op *op, bool read, size_t *idx, size_t *nidx,
              bool *mask)
{
    size_t s, l;
    if (!eo_op_operand_segment(op, read ? 1 : 2, idx, nidx) ||
        !eo_op_operand_segment(op, 3, &s, &l))
        return false;
    *mask = l != 0;
    return true;
}

static bool
const_index(const eo_attr *const cst[], size_t i, int64_t *v)
{
    const eo_attr *a = cst[i];
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER)
        return false;
    *v = eo_attr_int_value(a);
    return true;
}

static bool
all_in_bounds(const eo_op *op)
{
    const eo_attr *ib = eo_op_attr(op, "in_bounds");
    for (size_t i = 0; i < eo_attr_array_size(ib); i++)
        if (!eo_attr_int_uvalue(eo_attr_array_at(ib, i)))
            return false;
    return true;
}

/* MLIR's foldTransferInBoundsAttribute: a dim whose constant index plus
 * the vector size stays within a static source dim becomes in-bounds. */
static bool
fold_in_bounds(eo_op *op, bool read, const eo_attr *const cst[])
{
    const eo_affine_map *m = perm_map_of(op);
    const eo_attr *ib = eo_op_attr(op, "in_bounds");
    size_t idx, nidx;
    bool mask;
    if (!m || !in_bounds_ok(ib) || !xfer_operands(op, read, &idx, &nidx,
                                                  &mask))
        return false;
    size_t nr = eo_affine_map_num_results(m);
    if (nr == 0 || nr != eo_attr_array_size(ib))
        return false;
    const eo_type *st = vec_operand_type(op, read ? 0 : 1);
    const eo_type *vt = read ? vec_result_type(op, 0)
                             : vec_operand_type(op, 0);
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr **e = calloc(nr, sizeof *e);
    bool changed = false;
    if (!e)
        return false;
    for (size_t i = 0; i < nr; i++) {
        const eo_affine_expr *x = eo_affine_map_result(m, i);
        e[i] = eo_attr_array_at(ib, i);
        if (eo_attr_int_uvalue(e[i]) ||
            eo_affine_expr_kind(x) != EO_AFFINE_DIM)
            continue;
        unsigned d = eo_affine_expr_pos(x);
        int64_t c, size = d < eo_type_rank(st) ? eo_type_dim(st, d)
                                               : EO_DYNAMIC;
        if (size == EO_DYNAMIC || d >= nidx ||
            !const_index(cst, idx + d, &c) || i >= eo_type_rank(vt) ||
            c > size - eo_type_dim(vt, i))
            continue;
        e[i] = eo_attr_get_bool(ctx, true);
        changed = e[i] != NULL;
        if (!e[i])
            break;
    }
    const eo_attr *arr = changed ? eo_attr_get_array(ctx, nr, e) : NULL;
    free(e);
    return arr && eo_op_set_attr(op, "in_bounds", arr) == EO_OK;
}

bool
vec_fold_transfer_read(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    if (fold_in_bounds(op, true, cst) || vec_fold_memref_casts(op))
        return eo_fold_in_place(out);
    return false;
}

/* Whether 'a' and 'b' use the same index values. */
static bool
same_indices(const eo_op *a, size_t ai, const eo_op *b, size_t bi,
             size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (eo_op_operand(a, ai + i) != eo_op_operand(b, bi + i))
            return false;
    return true;
}

/* The transfer_read that defines write's vector, with its operands. */
static eo_op *
defining_read(const eo_op *w, size_t *idx, size_t *nidx, bool *mask)
{
    eo_op *r = eo_value_def_op(eo_op_operand(w, 0));
    if (!r || vector_op_kind(r) != VECTOR_TRANSFER_READ ||
        !xfer_operands(r, true, idx, nidx, mask))
        return NULL;
    return r;
}

/* MLIR's foldReadInitWrite: writing back a full in-bounds read of a
 * whole tensor at zero indices gives the read tensor. */
static bool
read_init_write(eo_op *w, size_t widx, size_t wn,
                const eo_attr *const cst[], eo_value **res)
{
    size_t ridx, rn;
    bool rmask;
    const eo_type *tt = vec_operand_type(w, 1);
    eo_op *r = defining_read(w, &ridx, &rn, &rmask);
    const eo_affine_map *rm = r ? perm_map_of(r) : NULL;
    const eo_affine_map *wm = perm_map_of(w);
    if (!rm || !wm || eo_affine_map_num_results(wm) == 0 ||
        eo_affine_map_num_results(rm) == 0 || !is_minor_identity(rm) ||
        !is_minor_identity(wm) ||
        eo_affine_map_num_results(rm) != eo_affine_map_num_results(wm) ||
        !all_in_bounds(r) || !all_in_bounds(w) ||
        vec_operand_type(r, 0) != tt ||
        vec_result_type(r, 0) != vec_operand_type(w, 0))
        return false;
    const eo_type *vt = vec_result_type(r, 0);
    if (eo_type_rank(vt) != eo_type_rank(tt))
        return false;
    for (size_t i = 0; i < eo_type_rank(vt); i++)
        if (eo_type_dim(vt, i) != eo_type_dim(tt, i))
            return false;
    for (size_t i = 0; i < rn; i++) {
        const eo_attr *c = eo_value_constant(eo_op_operand(r, ridx + i));
        if (!c || eo_attr_get_kind(c) != EO_ATTR_INTEGER ||
            eo_attr_int_value(c) != 0)
            return false;
    }
    for (size_t i = 0; i < wn; i++) {
        int64_t c;
        if (!const_index(cst, widx + i, &c) || c != 0)
            return false;
    }
    *res = eo_op_operand(r, 0);
    return true;
}

/* MLIR's foldWAR: writing back, unmasked, what was read from the same
 * tensor at the same place gives the tensor. */
static bool
write_after_read(eo_op *w, size_t widx, size_t wn, bool wmask,
                 eo_value **res)
{
    size_t ridx, rn;
    bool rmask;
    eo_op *r = defining_read(w, &ridx, &rn, &rmask);
    if (!r || eo_op_operand(r, 0) != eo_op_operand(w, 1) || rmask ||
        wmask || rn != wn || !same_indices(r, ridx, w, widx, wn) ||
        perm_map_of(r) != perm_map_of(w) ||
        vec_result_type(r, 0) != vec_operand_type(w, 0))
        return false;
    *res = eo_op_operand(r, 0);
    return true;
}

bool
vec_fold_transfer_write(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    size_t idx, nidx;
    bool mask;
    eo_value *res;
    if (!xfer_operands(op, false, &idx, &nidx, &mask) ||
        eo_op_num_operands(op) < 2)
        return false;
    if (eo_op_num_results(op) == 1 &&
        eo_type_get_kind(vec_operand_type(op, 1)) == EO_TYPE_TENSOR &&
        (read_init_write(op, idx, nidx, cst, &res) ||
         write_after_read(op, idx, nidx, mask, &res)))
        return eo_fold_to_value(out, res);
    if (fold_in_bounds(op, false, cst) || vec_fold_memref_casts(op))
        return eo_fold_in_place(out);
    return false;
}

/* ------------------------------------------------------------------ */
/* vector.contract                                                     */
/* ------------------------------------------------------------------ */

/* kind defaults to add (MLIR's DefaultValuedAttr). */
eo_status
vec_populate_contract(eo_op_state *st)
{
    const eo_ident *k = eo_ident_cstr(st->ctx, "kind");
    if (!k)
        return EO_NOMEM;
    for (size_t i = 0; i < st->num_attrs; i++)
        if (st->attrs[i].name == k)
            return EO_OK;
    for (size_t i = 0; i < st->num_props; i++)
        if (st->props[i].name == k)
            return EO_OK;
    const eo_attr *a = vector_kind_attr(st->ctx, VECTOR_KIND_ADD);
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, "kind", a);
}

/* Position of dim 'd' among the results of 'm', or -1. */
static int64_t
result_index(const eo_affine_map *m, unsigned d)
{
    for (size_t i = 0; i < eo_affine_map_num_results(m); i++) {
        const eo_affine_expr *e = eo_affine_map_result(m, i);
        if (eo_affine_expr_kind(e) == EO_AFFINE_DIM &&
            eo_affine_expr_pos(e) == d)
            return (int64_t)i;
    }
    return -1;
}

static bool
is_projected_permutation(const eo_affine_map *m)
{
    unsigned nd = eo_affine_map_num_dims(m);
    if (eo_affine_map_num_symbols(m) ||
        eo_affine_map_num_results(m) > nd)
        return false;
    bool seen[256] = {false};
    if (nd > 256)
        return false;
    for (size_t i = 0; i < eo_affine_map_num_results(m); i++) {
        const eo_affine_expr *e = eo_affine_map_result(m, i);
        if (eo_affine_expr_kind(e) != EO_AFFINE_DIM ||
            seen[eo_affine_expr_pos(e)])
            return false;
        seen[eo_affine_expr_pos(e)] = true;
    }
    return true;
}

/* Pairs (lhs dim, rhs dim) of the iterators of type 'it' both use. */
typedef struct dim_pairs {
    int64_t l[256], r[256];
    size_t n;
} dim_pairs;

static void
dim_map(const eo_affine_map *const *maps, const eo_attr *iters,
        enum vector_iterator want, dim_pairs *out)
{
    out->n = 0;
    for (size_t i = 0; i < eo_attr_array_size(iters) && i < 256; i++) {
        enum vector_iterator it;
        if (!vector_iterator_of(eo_attr_array_at(iters, i), &it) ||
            it != want)
            continue;
        int64_t l = result_index(maps[0], (unsigned)i);
        int64_t r = result_index(maps[1], (unsigned)i);
        if (l >= 0 && r >= 0) {
            out->l[out->n] = l;
            out->r[out->n++] = r;
        }
    }
}

static bool
dim_map_ok(const eo_type *lt, const eo_type *rt, const dim_pairs *m)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->l[i] >= (int64_t)eo_type_rank(lt) ||
            m->r[i] >= (int64_t)eo_type_rank(rt) ||
            eo_type_dim(lt, (size_t)m->l[i]) !=
                eo_type_dim(rt, (size_t)m->r[i]))
            return false;
    return true;
}

static bool
in_pairs(const int64_t *v, size_t n, int64_t x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

/* MLIR's verifyOutputShape. */
static eo_status
verify_output_shape(eo_op *op, const eo_affine_map *const *maps,
                    const eo_type *lt, const eo_type *rt,
                    const eo_type *acc, const eo_type *res,
                    const dim_pairs *con, const dim_pairs *bat)
{
    size_t nexp = 0;
    for (size_t i = 0; i < eo_type_rank(lt); i++)
        nexp += !in_pairs(con->l, con->n, (int64_t)i);
    for (size_t i = 0; i < eo_type_rank(rt); i++)
        nexp += !in_pairs(con->r, con->n, (int64_t)i) &&
                !in_pairs(bat->r, bat->n, (int64_t)i);
    if (nexp == 0) {
        if (vec_is_vector(res) || vec_is_vector(acc))
            return eo_op_error(op, "invalid accumulator/result vector shape");
        return EO_OK;
    }
    if (!vec_is_vector(res) || !vec_is_vector(acc))
        return eo_op_error(op, "invalid accumulator/result vector shape");
    unsigned nd = eo_affine_map_num_dims(maps[0]);
    int64_t ext[256];
    bool has[256] = {false};
    if (nd > 256)
        return eo_op_error(op, "too many iterators");
    for (int k = 0; k < 2; k++) {
        const eo_type *v = k ? rt : lt;
        for (size_t i = 0; i < eo_type_rank(v); i++) {
            unsigned d = eo_affine_expr_pos(eo_affine_map_result(maps[k], i));
            if (!has[d]) {
                has[d] = true;
                ext[d] = eo_type_dim(v, i);
            }
        }
    }
    for (unsigned d = 0; d < nd; d++)
        if (!has[d])
            return eo_op_error(op, "expected all dimensions to be either a "
                               "LHS or a RHS dimension");
    size_t nr = eo_affine_map_num_results(maps[2]);
    int64_t shape[256];
    bool sc[256];
    if (nr > 256 || nr != eo_type_rank(res))
        return eo_op_error(op, "invalid accumulator/result vector shape");
    for (size_t i = 0; i < nr; i++) {
        shape[i] = ext[eo_affine_expr_pos(eo_affine_map_result(maps[2], i))];
        sc[i] = eo_type_dim_is_scalable(res, i);
    }
    const eo_type *want = eo_type_get_vector(eo_op_ctx(op), nr, shape, sc,
                                             eo_type_elem(res));
    if (!want)
        return EO_NOMEM;
    if (want != res || want != acc) {
        vec_tbuf b;
        return eo_op_error(op, "invalid accumulator/result vector shape, "
                           "expected: '%s'", vec_tstr(&b, want));
    }
    return EO_OK;
}

eo_status
vec_verify_contract(eo_op *op)
{
    const eo_attr *maps_a = eo_op_attr(op, "indexing_maps");
    const eo_attr *iters = eo_op_attr(op, "iterator_types");
    enum vector_kind kind;
    if (eo_attr_get_kind(maps_a) != EO_ATTR_ARRAY)
        return eo_op_error(op, "attribute 'indexing_maps' failed to satisfy "
                           "constraint: array attribute");
    bool ok = eo_attr_get_kind(iters) == EO_ATTR_ARRAY;
    for (size_t i = 0; ok && i < eo_attr_array_size(iters); i++) {
        enum vector_iterator it;
        ok = vector_iterator_of(eo_attr_array_at(iters, i), &it);
    }
    if (!ok)
        return eo_op_error(op, "attribute 'iterator_types' failed to satisfy "
                           "constraint: Iterator type should be an enum.");
    const eo_attr *ka = eo_op_attr(op, "kind");
    if (ka && !vector_kind_of(ka, &kind))
        return eo_op_error(op, "attribute 'kind' failed to satisfy "
                           "constraint: Kind of combining function for "
                           "contractions and reductions");
    if (!ka)
        kind = VECTOR_KIND_ADD;
    const eo_type *lt = vec_operand_type(op, 0);
    const eo_type *rt = vec_operand_type(op, 1);
    const eo_type *acc = vec_operand_type(op, 2);
    const eo_type *res = vec_result_type(op, 0);
    for (size_t i = 0; i < 2; i++) {
        const eo_type *t = i ? rt : lt;
        if (!vec_is_vector(t) || eo_type_rank(t) == 0)
            return vec_cons_error(op, "operand", i,
                                  "vector of any type values", t);
    }
    if (eo_type_elem(lt) != eo_type_elem(rt))
        return eo_op_error(op, "failed to verify that lhs and rhs have same "
                           "element type");
    if (eo_type_elem_or_self(res) != eo_type_elem_or_self(acc))
        return eo_op_error(op, "failed to verify that third operand acc and "
                           "result have same element type");
    const eo_type *le = eo_type_elem(lt);
    if (eo_type_is_int(le) && eo_type_int_signedness(le) != EO_SIGNLESS)
        return eo_op_error(op, "only supports signless integer types");
    if (eo_attr_array_size(maps_a) != 3)
        return eo_op_error(op, "expected an indexing map for each vector "
                           "operand");
    const eo_affine_map *maps[3];
    size_t niter = eo_attr_array_size(iters);
    for (size_t i = 0; i < 3; i++) {
        const eo_attr *m = eo_attr_array_at(maps_a, i);
        if (eo_attr_get_kind(m) != EO_ATTR_AFFINE_MAP)
            return eo_op_error(op, "expected indexing map %zu to be an "
                               "affine map", i);
        maps[i] = eo_attr_affine_map(m);
        if (eo_affine_map_num_symbols(maps[i]))
            return eo_op_error(op, "expected indexing map %zu to have no "
                               "symbols", i);
        const eo_type *t = vec_operand_type(op, i);
        size_t rank = vec_is_vector(t) ? eo_type_rank(t) : 0;
        if (eo_affine_map_num_dims(maps[i]) != niter)
            return eo_op_error(op, "expected indexing map %zu to have %zu "
                               "number of inputs", i, niter);
        if (eo_affine_map_num_results(maps[i]) != rank)
            return eo_op_error(op, "expected indexing map %zu to have %zu "
                               "number of outputs", i, rank);
        if (!is_projected_permutation(maps[i]))
            return eo_op_error(op, "expected indexing map %zu to be a "
                               "projected permutation of its inputs", i);
    }
    dim_pairs *con = malloc(sizeof *con), *bat = malloc(sizeof *bat);
    eo_status s = EO_OK;
    if (!con || !bat) {
        free(con);
        free(bat);
        return EO_NOMEM;
    }
    dim_map(maps, iters, VECTOR_ITER_REDUCTION, con);
    dim_map(maps, iters, VECTOR_ITER_PARALLEL, bat);
    if (con->n == 0)
        s = eo_op_error(op, "expected at least one contracting dimension "
                        "pair");
    else if (!dim_map_ok(lt, rt, con))
        s = eo_op_error(op, "invalid contracting dimension map");
    else if (!dim_map_ok(lt, rt, bat))
        s = eo_op_error(op, "invalid batch dimension map");
    else
        s = verify_output_shape(op, maps, lt, rt, acc, res, con, bat);
    free(con);
    free(bat);
    if (s != EO_OK)
        return s;
    if (!vec_kind_supports(kind, eo_type_elem_or_self(res)))
        return eo_op_error(op, "unsupported contraction type");
    return EO_OK;
}

/* {indexing_maps = ..., iterator_types = ["parallel", ...], kind = ...}
 * %lhs, %rhs, %acc attr-dict : L, R into T */
void
vec_print_contract(eo_printer *p, eo_op *op)
{
    static const char *const trait_names[] = {
        "indexing_maps", "iterator_types", "kind", NULL
    };
    eo_ctx *ctx = eo_op_ctx(op);
    eo_named_attr na[3];
    size_t n = 0;
    for (size_t i = 0; i < 3; i++) {
        const eo_attr *a = eo_op_attr(op, trait_names[i]);
        if (!a)
            continue;
        if (i == 1 && eo_attr_get_kind(a) == EO_ATTR_ARRAY) {
            size_t k = eo_attr_array_size(a);
            const eo_attr **e = calloc(k + 1, sizeof *e);
            bool ok = e != NULL;
            for (size_t j = 0; ok && j < k; j++) {
                enum vector_iterator it;
                const eo_attr *x = eo_attr_array_at(a, j);
                const char *s = vector_iterator_of(x, &it)
                                    ? (it == VECTOR_ITER_PARALLEL
                                           ? "parallel"
                                           : "reduction")
                                    : NULL;
                e[j] = s ? eo_attr_get_string(ctx, s, strlen(s), NULL) : x;
                ok = e[j] != NULL;
            }
            const eo_attr *strs = ok ? eo_attr_get_array(ctx, k, e) : NULL;
            free(e);
            if (strs)
                a = strs;
        }
        na[n].name = eo_ident_cstr(ctx, trait_names[i]);
        na[n++].value = a;
    }
    const eo_attr *dict = eo_attr_get_dict(ctx, n, na);
    eo_print_str(p, " ");
    if (dict)
        eo_print_attr(p, dict);
    else
        eo_print_str(p, "{}");
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 3);
    eo_print_attr_dict(p, op, trait_names);
    eo_print_str(p, " : ");
    eo_print_type(p, vec_operand_type(op, 0));
    eo_print_str(p, ", ");
    eo_print_type(p, vec_operand_type(op, 1));
    eo_print_str(p, " into ");
    eo_print_type(p, vec_result_type(op, 0));
}

/* iterator_types given as strings become #vector.iterator_type<...>. */
static eo_status
convert_iterators(eo_parser *p, eo_op_state *st, const eo_loc *loc,
                  const eo_attr *a, const eo_attr **out)
{
    eo_ctx *ctx = st->ctx;
    size_t n = eo_attr_array_size(a);
    const eo_attr **e = calloc(n + 1, sizeof *e);
    if (!e)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const eo_attr *x = eo_attr_array_at(a, i);
        size_t len;
        const char *s;
        if (eo_attr_get_kind(x) != EO_ATTR_STRING) {
            e[i] = x;
            continue;
        }
        s = eo_attr_string(x, &len);
        if (len == 8 && memcmp(s, "parallel", 8) == 0) {
            e[i] = vector_iterator_attr(ctx, VECTOR_ITER_PARALLEL);
        } else if (len == 9 && memcmp(s, "reduction", 9) == 0) {
            e[i] = vector_iterator_attr(ctx, VECTOR_ITER_REDUCTION);
        } else {
            free(e);
            return vec_perr(p, loc, st, "unexpected iterator_type (%.*s)",
                            (int)len, s);
        }
        if (!e[i]) {
            free(e);
            return EO_NOMEM;
        }
    }
    *out = eo_attr_get_array(ctx, n, e);
    free(e);
    return *out ? EO_OK : EO_NOMEM;
}

eo_status
vec_parse_contract(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref r[3];
    const eo_attr *dict;
    const eo_type **types, *res;
    size_t nt;
    const eo_loc *loc = eo_parser_loc(p);
    if (eo_parse_attr(p, NULL, &dict) != EO_OK)
        return EO_ERROR;
    if (eo_attr_get_kind(dict) != EO_ATTR_DICT)
        return vec_perr(p, loc, st, "invalid kind of attribute specified");
    for (size_t i = 0; i < 3; i++)
        if ((i && eo_parse_punct(p, ",") != EO_OK) ||
            eo_parse_operand(p, &r[i]) != EO_OK)
            return EO_ERROR;
    if (eo_parse_optional_punct(p, ","))
        return vec_perr(p, NULL, st, "expected zero or exactly 2 vector mask "
                        "operands: masks are not supported, use vector.mask");
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    const eo_loc *tloc = eo_parser_loc(p);
    if (eo_parse_punct(p, ":") != EO_OK ||
        eo_parse_type_list(p, &types, &nt) != EO_OK ||
        (!eo_parse_optional_keyword(p, "into") &&
         vec_perr(p, NULL, st, "expected 'into'") != EO_OK) ||
        eo_parse_type(p, &res) != EO_OK)
        return EO_ERROR;
    if (nt != 2)
        return vec_perr(p, tloc, st, "expected two operand types");
    if (eo_parse_resolve_operand(p, &r[0], types[0], st) != EO_OK ||
        eo_parse_resolve_operand(p, &r[1], types[1], st) != EO_OK ||
        eo_parse_resolve_operand(p, &r[2], res, st) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < eo_attr_dict_size(dict); i++) {
        const eo_named_attr *a = eo_attr_dict_at(dict, i);
        const eo_attr *v = a->value;
        if (strcmp(eo_ident_str(a->name), "iterator_types") == 0 &&
            eo_attr_get_kind(v) == EO_ATTR_ARRAY &&
            convert_iterators(p, st, loc, v, &v) != EO_OK)
            return EO_ERROR;
        if (eo_op_state_set_attr(st, eo_ident_str(a->name), v) != EO_OK)
            return EO_NOMEM;
    }
    return eo_op_state_add_result(st, res);
}

/* dialects/vector/vector.c - the vector dialect: the #vector.kind and
 * #vector.iterator_type attributes, the hooks of the simple ops (loads
 * and stores, broadcast, splat, fma, reduction, extract/insert, shape_cast,
 * masks), their folders, and the op table (vector_ops[] near the end).
 * The transfer ops and vector.contract live in vector_xfer.c. Spellings,
 * custom forms and diagnostics follow MLIR 19.
 */
#include "dialects/vector/vector.h"
#include "dialects/vector/vector_internal.h"

#include "dialects/arith/arith.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */
/* Attributes                                                          */
/* ------------------------------------------------------------------ */

/* Kind keywords, bit i is kind_names[i] (MLIR's declaration order). */
static const char *const kind_names[] = {
    "add", "mul", "minui", "minsi", "minnumf", "maxui", "maxsi", "maxnumf",
    "and", "or", "xor", "maximumf", "minimumf"
};
static const char kind_list[] =
    "add, mul, minui, minsi, minnumf, maxui, maxsi, maxnumf, and, or, xor, "
    "maximumf, minimumf";
static const char *const iter_names[] = { "parallel", "reduction" };

static int
kind_index(enum vector_kind k)
{
    for (size_t i = 0; i < COUNT(kind_names); i++)
        if ((unsigned)k == 1u << i)
            return (int)i;
    return -1;
}

const char *
vector_kind_name(enum vector_kind k)
{
    int i = kind_index(k);
    return i < 0 ? NULL : kind_names[i];
}

static const eo_attr *
enum_attr(eo_ctx *ctx, const char *mnemonic, int64_t v)
{
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_ident *dialect = eo_ident_cstr(ctx, "vector");
    const eo_ident *mn = eo_ident_cstr(ctx, mnemonic);
    if (!i32 || !dialect || !mn)
        return NULL;
    const eo_attr *param = eo_attr_get_int(ctx, i32, v);
    if (!param)
        return NULL;
    return eo_attr_get_dialect(ctx, dialect, mn, 1, &param);
}

static bool
enum_of(const eo_attr *a, const char *mnemonic, int64_t *v)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DIALECT ||
        strcmp(eo_ident_str(eo_attr_dialect_name(a)), "vector") != 0 ||
        strcmp(eo_ident_str(eo_attr_mnemonic(a)), mnemonic) != 0 ||
        eo_attr_num_params(a) != 1)
        return false;
    const eo_attr *param = eo_attr_param(a, 0);
    if (eo_attr_get_kind(param) != EO_ATTR_INTEGER)
        return false;
    *v = eo_attr_int_value(param);
    return true;
}

const eo_attr *
vector_kind_attr(eo_ctx *ctx, enum vector_kind k)
{
    if (kind_index(k) < 0)
        return NULL;
    return enum_attr(ctx, "kind", (int64_t)k);
}

bool
vector_kind_of(const eo_attr *a, enum vector_kind *k)
{
    int64_t v;
    if (!enum_of(a, "kind", &v) || v <= 0 || v > INT32_MAX ||
        kind_index((enum vector_kind)v) < 0)
        return false;
    *k = (enum vector_kind)v;
    return true;
}

const eo_attr *
vector_iterator_attr(eo_ctx *ctx, enum vector_iterator it)
{
    if ((unsigned)it >= COUNT(iter_names))
        return NULL;
    return enum_attr(ctx, "iterator_type", (int64_t)it);
}

bool
vector_iterator_of(const eo_attr *a, enum vector_iterator *it)
{
    int64_t v;
    if (!enum_of(a, "iterator_type", &v) || v < 0 ||
        v >= (int64_t)COUNT(iter_names))
        return false;
    *it = (enum vector_iterator)v;
    return true;
}

/* "<kw>" of an enum attribute: index into names[] in *out. 'op' names
 * the op whose custom form is parsed (NULL inside #vector.x<...>). */
static eo_status
parse_enum_body(eo_parser *p, const char *op, const char *cpp,
                const char *attr_name, const char *const *names, size_t n,
                const char *list, size_t *out)
{
    const char *pre = op ? "custom op '" : "";
    const char *post = op ? "' " : "";
    if (!op)
        op = "";
    if (eo_parse_punct(p, "<") != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < n; i++) {
        if (eo_parse_optional_keyword(p, names[i])) {
            *out = i;
            return eo_parse_punct(p, ">");
        }
    }
    /* MLIR reports the bad keyword, then the parameter after it. */
    eo_parser_error(p, "%s%s%sexpected %s to be one of: %s", pre, op, post,
                    cpp, list);
    const eo_ident *skip;
    if (eo_parser_at_operand(p) || eo_parse_keyword(p, &skip) != EO_OK)
        return EO_ERROR;
    return eo_emit_error(eo_parser_ctx(p), eo_parser_loc(p),
                         "%s%s%sfailed to parse %s parameter 'value' which "
                         "is to be a `%s`", pre, op, post, attr_name, cpp);
}

eo_status
vec_parse_kind_body(eo_parser *p, const char *opname, enum vector_kind *out)
{
    size_t i;
    if (parse_enum_body(p, opname, "::mlir::vector::CombiningKind",
                        "Vector_CombiningKindAttr", kind_names,
                        COUNT(kind_names), kind_list, &i) != EO_OK)
        return EO_ERROR;
    *out = (enum vector_kind)(1u << i);
    return EO_OK;
}

/* Called after "#vector."; the mnemonic is next. */
static const eo_attr *
parse_dialect_attr(eo_parser *p, const eo_type *type)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_ident *mn;
    const eo_attr *a;
    size_t i;
    (void)type;
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "kind") == 0) {
        enum vector_kind k;
        if (vec_parse_kind_body(p, NULL, &k) != EO_OK)
            return NULL;
        a = vector_kind_attr(ctx, k);
    } else if (strcmp(eo_ident_str(mn), "iterator_type") == 0) {
        if (parse_enum_body(p, NULL, "::mlir::vector::IteratorType",
                            "Vector_IteratorTypeEnum", iter_names,
                            COUNT(iter_names), "parallel, reduction",
                            &i) != EO_OK)
            return NULL;
        a = vector_iterator_attr(ctx, (enum vector_iterator)i);
    } else {
        eo_parser_error(p, "unknown attribute `%s` in dialect `vector`",
                        eo_ident_str(mn));
        return NULL;
    }
    if (!a)
        eo_parser_error(p, "out of memory");
    return a;
}

/* Prints what follows "#vector.". */
static void
print_dialect_attr(eo_printer *p, const eo_attr *a)
{
    enum vector_kind k;
    enum vector_iterator it;
    if (vector_kind_of(a, &k)) {
        eo_print_fmt(p, "kind<%s>", vector_kind_name(k));
    } else if (vector_iterator_of(a, &it)) {
        eo_print_fmt(p, "iterator_type<%s>", iter_names[it]);
    } else {
        /* Built through eo_attr_get_dialect with other params: print
         * them generically so the text still shows what is there. */
        eo_print_str(p, eo_ident_str(eo_attr_mnemonic(a)));
        eo_print_str(p, "<");
        for (size_t i = 0; i < eo_attr_num_params(a); i++) {
            if (i)
                eo_print_str(p, ", ");
            eo_print_attr(p, eo_attr_param(a, i));
        }
        eo_print_str(p, ">");
    }
}

/* ------------------------------------------------------------------ */
/* Shared helpers                                                      */
/* ------------------------------------------------------------------ */

const char *
vec_tstr(vec_tbuf *b, const eo_type *t)
{
    eo_strbuf s = {0};
    if (t)
        eo_type_print(t, &s);
    else
        eo_strbuf_puts(&s, "<<NULL TYPE>>");
    size_t n = s.data && !s.oom ? s.len : 0;
    if (n >= sizeof b->s)
        n = sizeof b->s - 1;
    if (n)
        memcpy(b->s, s.data, n);
    b->s[n] = '\0';
    eo_strbuf_free(&s);
    return b->s;
}

eo_status
vec_cons_error(eo_op *op, const char *what, size_t i, const char *desc,
               const eo_type *t)
{
    vec_tbuf b;
    return eo_op_error(op, "%s #%zu must be %s, but got '%s'", what, i, desc,
                       vec_tstr(&b, t));
}

eo_status
vec_check_index_operands(eo_op *op, size_t first, size_t n)
{
    for (size_t i = first; i < first + n; i++) {
        const eo_type *t = vec_operand_type(op, i);
        if (!eo_type_is_index(t))
            return vec_cons_error(op, "operand", i, "variadic of index", t);
    }
    return EO_OK;
}

bool
vec_is_vector(const eo_type *t)
{
    return t && eo_type_get_kind(t) == EO_TYPE_VECTOR;
}

bool
vec_is_i1_vector(const eo_type *t)
{
    return vec_is_vector(t) && eo_type_is_signless_int(eo_type_elem(t), 1);
}

static bool
is_memref(const eo_type *t)
{
    return t && eo_type_get_kind(t) == EO_TYPE_MEMREF;
}

eo_status
vec_perr(eo_parser *p, const eo_loc *loc, const eo_op_state *st,
         const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!loc)
        return eo_parser_error(p, "custom op '%s' %s",
                               eo_ident_str(st->name), msg);
    return eo_parser_error_loc(p, loc, "custom op '%s' %s",
                               eo_ident_str(st->name), msg);
}

eo_status
vec_check_segments(eo_op *op, size_t n, const int *lo, const int *hi)
{
    const eo_attr *a = eo_op_attr(op, "operandSegmentSizes");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY)
        return EO_OK;       /* reported by the generic verifier */
    size_t have = eo_attr_dense_array_size(a);
    if (have != n)
        return eo_op_error(op, "'operandSegmentSizes' attribute for "
                           "specifying operand segments must have %zu "
                           "elements, but got %zu", n, have);
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t s = eo_attr_dense_array_int(a, i);
        if (s < lo[i] || (hi[i] >= 0 && s > hi[i])) {
            if (hi[i] == 1 && lo[i] == 0)
                return eo_op_error(op, "operand group starting at #%zu "
                                   "requires 0 or 1 element, but found "
                                   "%lld", start, (long long)s);
            return eo_op_error(op, "operand group starting at #%zu "
                               "requires %d element%s, but found %lld",
                               start, lo[i], lo[i] == 1 ? "" : "s",
                               (long long)s);
        }
        start += (size_t)s;
    }
    return EO_OK;
}

eo_status
vec_set_segments(eo_op_state *st, size_t n, const int32_t *seg)
{
    const eo_type *i32 = eo_type_get_int(st->ctx, 32);
    const eo_attr *a = i32 ? eo_attr_get_dense_array(st->ctx, i32, n, seg)
                           : NULL;
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, "operandSegmentSizes", a);
}

unsigned
vec_bit_width(const eo_type *t)
{
    if (eo_type_is_index(t))
        return 64;
    if (eo_type_is_int(t))
        return eo_type_int_width(t);
    if (eo_type_is_float(t))
        return eo_type_float_width(t);
    return 0;
}

bool
vec_kind_supports(enum vector_kind k, const eo_type *t)
{
    bool int_or_index = eo_type_is_int(t) || eo_type_is_index(t);
    switch (k) {
    case VECTOR_KIND_ADD:
    case VECTOR_KIND_MUL:
        return int_or_index || eo_type_is_float(t);
    case VECTOR_KIND_MINUI:
    case VECTOR_KIND_MINSI:
    case VECTOR_KIND_MAXUI:
    case VECTOR_KIND_MAXSI:
    case VECTOR_KIND_AND:
    case VECTOR_KIND_OR:
    case VECTOR_KIND_XOR:
        return int_or_index;
    case VECTOR_KIND_MINNUMF:
    case VECTOR_KIND_MAXNUMF:
    case VECTOR_KIND_MINIMUMF:
    case VECTOR_KIND_MAXIMUMF:
        return eo_type_is_float(t);
    }
    return false;
}

static const eo_type *
operand_type(const eo_op *op, size_t i)
{
    return vec_operand_type(op, i);
}

static const eo_type *
result_type(const eo_op *op, size_t i)
{
    return vec_result_type(op, i);
}

const eo_type *
vec_operand_type(const eo_op *op, size_t i)
{
    const eo_value *v = eo_op_operand(op, i);
    return v ? eo_value_type(v) : NULL;
}

const eo_type *
vec_result_type(const eo_op *op, size_t i)
{
    const eo_value *v = i < eo_op_num_results(op) ? eo_op_result(op, i)
                                                  : NULL;
    return v ? eo_value_type(v) : NULL;
}

static const eo_type *
elem_or_self(const eo_type *t)
{
    return eo_type_elem_or_self(t);
}

static const eo_type *
index_type(eo_parser *p)
{
    return eo_type_get_index(eo_parser_ctx(p));
}

/* ": T" where T must be a vector type ("invalid kind of type specified"
 * otherwise, as ODS's typed parse says). */
static eo_status
parse_type_kind(eo_parser *p, const eo_op_state *st, eo_type_kind kind,
                const eo_type **out)
{
    const eo_loc *loc = eo_parser_loc(p);
    if (eo_parse_type(p, out) != EO_OK)
        return EO_ERROR;
    if (eo_type_get_kind(*out) != kind)
        return vec_perr(p, loc, st, "invalid kind of type specified");
    return EO_OK;
}

/* A keyword of the custom form ("into"); MLIR's error names the op. */
static eo_status
expect_kw(eo_parser *p, const eo_op_state *st, const char *kw)
{
    if (eo_parse_optional_keyword(p, kw))
        return EO_OK;
    return vec_perr(p, NULL, st, "expected '%s'", kw);
}

/* "%base[%i, %j]" */
static eo_status
parse_base_indices(eo_parser *p, eo_operand_ref *base, eo_operand_ref **idx,
                   size_t *n)
{
    if (eo_parse_operand(p, base) != EO_OK ||
        eo_parse_punct(p, "[") != EO_OK ||
        eo_parse_operand_list(p, idx, n) != EO_OK)
        return EO_ERROR;
    return eo_parse_punct(p, "]");
}

static eo_status
resolve_indices(eo_parser *p, const eo_operand_ref *idx, size_t n,
                eo_op_state *st)
{
    const eo_type *it = index_type(p);
    if (!it)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++)
        if (eo_parse_resolve_operand(p, &idx[i], it, st) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

static void
print_base_indices(eo_printer *p, const eo_op *op, size_t base, size_t first,
                   size_t n)
{
    eo_print_value(p, eo_op_operand(op, base));
    eo_print_str(p, "[");
    eo_print_operands(p, op, first, n);
    eo_print_str(p, "]");
}

/* ------------------------------------------------------------------ */
/* Constants for folding                                               */
/* ------------------------------------------------------------------ */

/* Bytes of one dense element of 'elem', if folds handle it (integers,
 * index and floats of at most 64 bits); else 0. */
static size_t
fold_elem_bytes(const eo_type *elem)
{
    if (!eo_type_is_int(elem) && !eo_type_is_index(elem) &&
        !eo_type_is_float(elem))
        return 0;
    if (vec_bit_width(elem) > 64)
        return 0;
    size_t n = eo_dense_elem_bytes(elem);
    return n >= 1 && n <= 8 ? n : 0;
}

/* The little-endian bytes of scalar 'a' of type 'elem'. */
static bool
scalar_bytes(const eo_attr *a, const eo_type *elem, unsigned char *out,
             size_t n)
{
    uint64_t v;
    if (!a || eo_attr_type(a) != elem)
        return false;
    if (eo_attr_get_kind(a) == EO_ATTR_INTEGER &&
        eo_attr_int_num_words(a) == 1)
        v = eo_attr_int_uvalue(a);
    else if (eo_attr_get_kind(a) == EO_ATTR_FLOAT)
        v = eo_attr_float_bits(a);
    else
        return false;
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)(v >> (8 * i));
    return true;
}

/* A scalar attribute of type 'elem' from its dense bytes. */
static const eo_attr *
scalar_from_bytes(eo_ctx *ctx, const eo_type *elem, const unsigned char *b,
                  size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)b[i] << (8 * i);
    if (eo_type_is_float(elem))
        return eo_attr_get_float_bits(ctx, elem, v);
    if (eo_type_is_signless_int(elem, 1))
        return eo_attr_get_bool(ctx, v != 0);
    return eo_attr_get_int(ctx, elem, (int64_t)v);
}

/* The element of a splat constant (dense splat, or the scalar itself). */
static const eo_attr *
splat_value(const eo_attr *a)
{
    if (!a)
        return NULL;
    eo_attr_kind k = eo_attr_get_kind(a);
    if (k == EO_ATTR_INTEGER || k == EO_ATTR_FLOAT)
        return a;
    if (k != EO_ATTR_DENSE || !eo_attr_dense_is_splat(a))
        return NULL;
    const eo_type *elem = eo_type_elem(eo_attr_type(a));
    size_t n = elem ? fold_elem_bytes(elem) : 0;
    size_t size;
    const void *data = eo_attr_dense_data(a, &size);
    if (!n || !data || size < n)
        return NULL;
    return scalar_from_bytes(eo_attr_ctx(a), elem, data, n);
}

/* dense<v> : t for a vector type 't' and a scalar 'v' of its element. */
static const eo_attr *
splat_of(const eo_type *t, const eo_attr *v)
{
    if (!vec_is_vector(t) || !v)
        return NULL;
    const eo_type *elem = eo_type_elem(t);
    size_t n = fold_elem_bytes(elem);
    unsigned char b[8];
    if (!n || !scalar_bytes(v, elem, b, n))
        return NULL;
    return eo_attr_get_dense(eo_type_ctx(t), t, b, n, true);
}

/* The constant element (or sub-vector of type 'rt') of constant vector
 * 'c' at the static position pos[0..npos). */
static const eo_attr *
constant_at(const eo_attr *c, const int64_t *pos, size_t npos,
            const eo_type *rt)
{
    if (!c || eo_attr_get_kind(c) != EO_ATTR_DENSE)
        return NULL;
    const eo_type *vt = eo_attr_type(c);
    if (!vec_is_vector(vt) || npos > eo_type_rank(vt))
        return NULL;
    const eo_type *elem = eo_type_elem(vt);
    size_t n = fold_elem_bytes(elem);
    if (!n)
        return NULL;
    if (eo_attr_dense_is_splat(c)) {
        const eo_attr *v = splat_value(c);
        return rt == elem ? v : splat_of(rt, v);
    }
    size_t rank = eo_type_rank(vt);
    int64_t off = 0, inner = 1;
    for (size_t i = rank; i-- > 0;) {
        int64_t d = eo_type_dim(vt, i);
        if (i < npos) {
            if (pos[i] < 0 || pos[i] >= d)
                return NULL;
            off += pos[i] * inner;
        }
        inner *= d;
    }
    int64_t count = 1;
    for (size_t i = npos; i < rank; i++)
        count *= eo_type_dim(vt, i);
    size_t size;
    const unsigned char *data = eo_attr_dense_data(c, &size);
    if (!data || (size_t)(off + count) * n > size)
        return NULL;
    if (npos == rank)
        return rt == elem ? scalar_from_bytes(eo_attr_ctx(c), elem,
                                              data + (size_t)off * n, n)
                          : NULL;
    if (!vec_is_vector(rt) || eo_type_num_elements(rt) != count ||
        eo_type_elem(rt) != elem)
        return NULL;
    return eo_attr_get_dense(eo_attr_ctx(c), rt, data + (size_t)off * n,
                             (size_t)count * n, false);
}

/* Creates arith.constant for fold results. */
static eo_op *
materialize_constant(eo_rewriter *rw, const eo_attr *value,
                     const eo_type *type, const eo_loc *loc)
{
    eo_ctx *ctx = eo_rewriter_ctx(rw);
    if (!value || eo_attr_type(value) != type)
        return NULL;
    eo_attr_kind k = eo_attr_get_kind(value);
    if (k != EO_ATTR_DENSE && k != EO_ATTR_INTEGER && k != EO_ATTR_FLOAT)
        return NULL;
    if (!eo_op_def_lookup(ctx, "arith.constant", 14))
        return NULL;
    eo_op_state st;
    eo_op_state_init(&st, ctx, "arith.constant", loc);
    if (eo_op_state_set_attr(&st, "value", value) != EO_OK ||
        eo_op_state_add_result(&st, type) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

static enum vector_op def_index(const eo_op_def *def);

static bool
op_is(const eo_op *op, enum vector_op k)
{
    return op && def_index(eo_op_get_def(op)) == k;
}

/* ------------------------------------------------------------------ */
/* Loads and stores                                                    */
/* ------------------------------------------------------------------ */

/* MLIR's isLastMemrefDimUnitStride for the layouts we represent. */
static bool
last_dim_unit_stride(const eo_type *m)
{
    const eo_attr *l = eo_type_layout(m);
    if (!l)
        return true;
    if (eo_attr_get_kind(l) == EO_ATTR_STRIDED_LAYOUT) {
        size_t n = eo_attr_strided_rank(l);
        return n == 0 || eo_attr_strided_strides(l)[n - 1] == 1;
    }
    if (eo_attr_get_kind(l) == EO_ATTR_AFFINE_MAP) {
        /* An identity map is the default layout; for others the last
         * result must move by one along the last dim: d_last (+ ...). */
        const eo_affine_map *map = eo_attr_affine_map(l);
        if (eo_affine_map_is_identity(map))
            return true;
        size_t nr = eo_affine_map_num_results(map);
        unsigned nd = eo_affine_map_num_dims(map);
        if (nr != 1 || nd == 0)
            return nr == 0;
        int64_t *dims = calloc(nd, sizeof *dims);
        int64_t syms[16] = {0}, a, b;
        if (!dims || eo_affine_map_num_symbols(map) > 16) {
            free(dims);
            return false;
        }
        bool ok = eo_affine_expr_eval(eo_affine_map_result(map, 0), dims,
                                      syms, &a);
        dims[nd - 1] = 1;
        ok = ok && eo_affine_expr_eval(eo_affine_map_result(map, 0), dims,
                                       syms, &b);
        free(dims);
        return ok && b - a == 1;
    }
    return true;
}

/* Strides and offset of a ranked memref with an identity or strided
 * layout (EO_DYNAMIC where unknown); false for other layouts. */
static bool
strides_of(const eo_type *m, int64_t *strides, int64_t *offset)
{
    size_t rank = eo_type_rank(m);
    const eo_attr *l = eo_type_layout(m);
    if (l && eo_attr_get_kind(l) == EO_ATTR_AFFINE_MAP &&
        eo_affine_map_is_identity(eo_attr_affine_map(l)))
        l = NULL;
    if (!l) {
        int64_t s = 1;
        for (size_t i = rank; i-- > 0;) {
            strides[i] = s;
            int64_t d = eo_type_dim(m, i);
            s = (s == EO_DYNAMIC || d == EO_DYNAMIC) ? EO_DYNAMIC : s * d;
        }
        *offset = 0;
        return true;
    }
    if (eo_attr_get_kind(l) != EO_ATTR_STRIDED_LAYOUT ||
        eo_attr_strided_rank(l) != rank)
        return false;
    memcpy(strides, eo_attr_strided_strides(l), rank * sizeof *strides);
    *offset = eo_attr_strided_offset(l);
    return true;
}

/* A static 'from' must stay static in 'to'. */
static bool
no_more_static(int64_t from, int64_t to)
{
    return from == to || from != EO_DYNAMIC || to == EO_DYNAMIC;
}

/* MLIR's memref::CastOp::canFoldIntoConsumerOp. */
static bool
cast_foldable(const eo_op *cast)
{
    const eo_type *src = vec_operand_type(cast, 0);
    const eo_type *dst = vec_result_type(cast, 0);
    if (!is_memref(src) || !is_memref(dst) ||
        eo_type_elem(src) != eo_type_elem(dst) ||
        eo_type_rank(src) != eo_type_rank(dst) || eo_type_rank(src) > 64)
        return false;
    size_t rank = eo_type_rank(src);
    int64_t ss[64], ds[64], so, dof;
    if (!strides_of(src, ss, &so) || !strides_of(dst, ds, &dof))
        return false;
    for (size_t i = 0; i < rank; i++)
        if (!no_more_static(eo_type_dim(src, i), eo_type_dim(dst, i)) ||
            !no_more_static(ss[i], ds[i]))
            return false;
    return no_more_static(so, dof);
}

bool
vec_fold_memref_casts(eo_op *op)
{
    const eo_op_def *cast_def = eo_op_def_lookup(eo_op_ctx(op),
                                                 "memref.cast", 11);
    bool changed = false;
    if (!cast_def)
        return false;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        eo_op *d = v ? eo_value_def_op(v) : NULL;
        if (d && eo_op_is(d, cast_def) && eo_op_num_operands(d) == 1 &&
            eo_op_num_results(d) == 1 && cast_foldable(d)) {
            eo_op_set_operand(op, i, eo_op_operand(d, 0));
            changed = true;
        }
    }
    return changed;
}

/* load, store, maskedload, maskedstore: memref.cast operands fold in. */
static bool
fold_memref_op(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    (void)cst;
    return vec_fold_memref_casts(op) && eo_fold_in_place(out);
}

/* The checks vector.load/store share; 'what' is "result" or
 * "valueToStore". 'mi' is the memref operand, 'vi' the vector operand (or
 * -1: the result), indices start at mi + 1. */
static eo_status
verify_load_store(eo_op *op, int vi, size_t mi, const char *what,
                  const char *elem_msg)
{
    const eo_attr *nt = eo_op_attr(op, "nontemporal");
    if (nt && !eo_attr_is_bool(nt))
        return eo_op_error(op, "attribute 'nontemporal' failed to satisfy "
                           "constraint: bool attribute");
    const eo_type *vt = vi < 0 ? result_type(op, 0)
                               : operand_type(op, (size_t)vi);
    const eo_type *mt = operand_type(op, mi);
    if (vi >= 0 && !vec_is_vector(vt))
        return vec_cons_error(op, "operand", (size_t)vi,
                              "vector of any type values", vt);
    if (!is_memref(mt))
        return vec_cons_error(op, "operand", mi,
                              "memref of any type values", mt);
    size_t nidx = eo_op_num_operands(op) - mi - 1;
    if (vec_check_index_operands(op, mi + 1, nidx) != EO_OK)
        return EO_ERROR;
    if (vi < 0 && !vec_is_vector(vt))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              vt);
    if (!last_dim_unit_stride(mt))
        return eo_op_error(op, "most minor memref dim must have unit stride");
    const eo_type *me = eo_type_elem(mt);
    if (vec_is_vector(me)) {
        if (me != vt)
            return eo_op_error(op, "base memref and %s vector types should "
                               "match", what);
        me = eo_type_elem(me);
    }
    if (eo_type_elem(vt) != me)
        return eo_op_error(op, "%s", elem_msg);
    if (nidx != eo_type_rank(mt))
        return eo_op_error(op, "requires %zu indices", eo_type_rank(mt));
    return EO_OK;
}

static eo_status
verify_load(eo_op *op)
{
    if (eo_op_num_operands(op) < 1)
        return eo_op_error(op, "expected 1 or more operands, but found 0");
    return verify_load_store(op, -1, 0, "result",
                             "base and result element types should match");
}

static eo_status
verify_store(eo_op *op)
{
    if (eo_op_num_operands(op) < 2)
        return eo_op_error(op, "expected 2 or more operands, but found %zu",
                           eo_op_num_operands(op));
    return verify_load_store(op, 0, 1, "valueToStore",
                             "base and valueToStore element type should "
                             "match");
}

/* attr-dict without a false nontemporal (its default). */
static void
print_ls_attrs(eo_printer *p, const eo_op *op)
{
    static const char *const none[] = {NULL};
    static const char *const nt[] = {"nontemporal", NULL};
    const eo_attr *a = eo_op_attr(op, "nontemporal");
    bool dflt = a && eo_attr_is_bool(a) && eo_attr_int_uvalue(a) == 0;
    eo_print_attr_dict(p, op, dflt ? nt : none);
}

/* %base[%i] attr-dict : memref, vector */
static void
print_load(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    print_base_indices(p, op, 0, 1, eo_op_num_operands(op) - 1);
    print_ls_attrs(p, op);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
    eo_print_str(p, ", ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_load(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref base, *idx;
    size_t n;
    const eo_type *mt, *vt;
    if (parse_base_indices(p, &base, &idx, &n) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_MEMREF, &mt) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &vt) != EO_OK ||
        eo_parse_resolve_operand(p, &base, mt, st) != EO_OK ||
        resolve_indices(p, idx, n, st) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, vt);
}

/* %v, %base[%i] attr-dict : memref, vector */
static void
print_store(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, ", ");
    print_base_indices(p, op, 1, 2, eo_op_num_operands(op) - 2);
    print_ls_attrs(p, op);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 1));
    eo_print_str(p, ", ");
    eo_print_type(p, operand_type(op, 0));
}

static eo_status
parse_store(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref v, base, *idx;
    size_t n;
    const eo_type *mt, *vt;
    if (eo_parse_operand(p, &v) != EO_OK || eo_parse_punct(p, ",") != EO_OK ||
        parse_base_indices(p, &base, &idx, &n) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_MEMREF, &mt) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &vt) != EO_OK ||
        eo_parse_resolve_operand(p, &v, vt, st) != EO_OK ||
        eo_parse_resolve_operand(p, &base, mt, st) != EO_OK)
        return EO_ERROR;
    return resolve_indices(p, idx, n, st);
}

/* Masked loads and stores: 1-D vectors only in MLIR 19. */
/* MLIR 19's ODS text for VectorOfRank<[1]> has an empty description. */
static const char rank1_vec[] = " of ranks 1";
static const char rank1_mask[] =
    "vector of 1-bit signless integer values of ranks 1";

static bool
is_rank1(const eo_type *t)
{
    return vec_is_vector(t) && eo_type_rank(t) == 1;
}

/* maskedload: base, indices..., mask, pass_thru; maskedstore: base,
 * indices..., mask, valueToStore. */
static eo_status
verify_masked(eo_op *op, bool load)
{
    size_t n = eo_op_num_operands(op);
    if (n < 3)
        return eo_op_error(op, "expected 3 or more operands, but found %zu",
                           n);
    const eo_type *mt = operand_type(op, 0);
    const eo_type *mask = operand_type(op, n - 2);
    const eo_type *vt = operand_type(op, n - 1);
    if (!is_memref(mt))
        return vec_cons_error(op, "operand", 0, "memref of any type values",
                              mt);
    if (vec_check_index_operands(op, 1, n - 3) != EO_OK)
        return EO_ERROR;
    if (!is_rank1(mask) || !vec_is_i1_vector(mask))
        return vec_cons_error(op, "operand", n - 2, rank1_mask, mask);
    if (!is_rank1(vt))
        return vec_cons_error(op, "operand", n - 1, rank1_vec, vt);
    const eo_type *rt = load ? result_type(op, 0) : vt;
    if (load && !is_rank1(rt))
        return vec_cons_error(op, "result", 0, rank1_vec, rt);
    const char *what = load ? "result" : "valueToStore";
    if (eo_type_elem(rt) != eo_type_elem(mt))
        return eo_op_error(op, "base and %s element type should match",
                           what);
    if (n - 3 != eo_type_rank(mt))
        return eo_op_error(op, "requires %zu indices", eo_type_rank(mt));
    if (eo_type_dim(rt, 0) != eo_type_dim(mask, 0))
        return eo_op_error(op, "expected %s dim to match mask dim", what);
    if (load && rt != vt)
        return eo_op_error(op, "expected pass_thru of same type as result "
                           "type");
    return EO_OK;
}

static eo_status
verify_maskedload(eo_op *op)
{
    return verify_masked(op, true);
}

static eo_status
verify_maskedstore(eo_op *op)
{
    return verify_masked(op, false);
}

/* %base[%i], %mask, %v attr-dict : memref, mask, vector [into result] */
static void
print_masked(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    bool load = eo_op_num_results(op) == 1;
    eo_print_str(p, " ");
    print_base_indices(p, op, 0, 1, n - 3);
    eo_print_str(p, ", ");
    eo_print_operands(p, op, n - 2, 2);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
    eo_print_str(p, ", ");
    eo_print_type(p, operand_type(op, n - 2));
    eo_print_str(p, ", ");
    eo_print_type(p, operand_type(op, n - 1));
    if (load) {
        eo_print_str(p, " into ");
        eo_print_type(p, result_type(op, 0));
    }
}

static eo_status
parse_masked(eo_parser *p, eo_op_state *st)
{
    bool load = def_index(st->def) == VECTOR_MASKEDLOAD;
    eo_operand_ref base, *idx, mask, v;
    size_t n;
    const eo_type *mt, *kt, *vt, *rt = NULL;
    if (parse_base_indices(p, &base, &idx, &n) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK ||
        eo_parse_operand(p, &mask) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK || eo_parse_operand(p, &v) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_MEMREF, &mt) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &kt) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &vt) != EO_OK)
        return EO_ERROR;
    if (load && (expect_kw(p, st, "into") != EO_OK ||
                 parse_type_kind(p, st, EO_TYPE_VECTOR, &rt) != EO_OK))
        return EO_ERROR;
    if (eo_parse_resolve_operand(p, &base, mt, st) != EO_OK ||
        resolve_indices(p, idx, n, st) != EO_OK ||
        eo_parse_resolve_operand(p, &mask, kt, st) != EO_OK ||
        eo_parse_resolve_operand(p, &v, vt, st) != EO_OK)
        return EO_ERROR;
    return load ? eo_op_state_add_result(st, rt) : EO_OK;
}

/* ------------------------------------------------------------------ */
/* broadcast, splat, fma, shape_cast                                   */
/* ------------------------------------------------------------------ */

static eo_status
verify_broadcast(eo_op *op)
{
    const eo_type *src = operand_type(op, 0), *dst = result_type(op, 0);
    if (!vec_is_vector(dst))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              dst);
    if (elem_or_self(src) != eo_type_elem(dst))
        return eo_op_error(op, "failed to verify that source operand and "
                           "result have same element type");
    if ((eo_type_is_int(src) || eo_type_is_index(src) ||
         eo_type_is_float(src)))
        return EO_OK;
    if (!vec_is_vector(src))
        return eo_op_error(op, "source type is not a vector");
    size_t sr = eo_type_rank(src), dr = eo_type_rank(dst);
    if (sr > dr)
        return eo_op_error(op, "source rank higher than destination rank");
    size_t lead = dr - sr;
    for (size_t r = 0; r < sr; r++) {
        int64_t sd = eo_type_dim(src, r), dd = eo_type_dim(dst, lead + r);
        if (sd != 1 && sd != dd)
            return eo_op_error(op, "dimension mismatch (%lld vs. %lld)",
                               (long long)sd, (long long)dd);
    }
    return EO_OK;
}

/* %x attr-dict : T to U (broadcast, shape_cast) */
static void
print_cast_like(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
    eo_print_str(p, " to ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_cast_like(eo_parser *p, eo_op_state *st)
{
    bool vec_src = def_index(st->def) != VECTOR_BROADCAST;
    eo_operand_ref x;
    const eo_type *t, *u;
    if (eo_parse_operand(p, &x) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK)
        return EO_ERROR;
    if ((vec_src ? parse_type_kind(p, st, EO_TYPE_VECTOR, &t)
                 : eo_parse_type(p, &t)) != EO_OK ||
        expect_kw(p, st, "to") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &u) != EO_OK ||
        eo_parse_resolve_operand(p, &x, t, st) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, u);
}

/* x (same type) -> x; constant scalar or splat -> splat. */
static bool
fold_broadcast(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const eo_type *rt = result_type(op, 0);
    if (eo_op_num_operands(op) != 1 || !rt)
        return false;
    if (operand_type(op, 0) == rt)
        return eo_fold_to_value(out, eo_op_operand(op, 0));
    const eo_attr *c = splat_of(rt, splat_value(cst[0]));
    return c && eo_fold_to_attr(out, c);
}

static eo_status
verify_splat(eo_op *op)
{
    const eo_type *in = operand_type(op, 0), *rt = result_type(op, 0);
    bool ok = (eo_type_is_int(in) &&
               eo_type_int_signedness(in) == EO_SIGNLESS) ||
              eo_type_is_index(in) || eo_type_is_float(in);
    if (!ok)
        return vec_cons_error(op, "operand", 0, "integer/index/float type",
                              in);
    if (!vec_is_vector(rt))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              rt);
    if (eo_type_elem(rt) != in)
        return eo_op_error(op, "failed to verify that operand type matches "
                           "element type of result");
    return EO_OK;
}

/* %x attr-dict : vector */
static void
print_splat(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_splat(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref x;
    const eo_type *t;
    if (eo_parse_operand(p, &x) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &t) != EO_OK ||
        eo_parse_resolve_operand(p, &x, eo_type_elem(t), st) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, t);
}

static bool
fold_splat(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    if (eo_op_num_operands(op) != 1)
        return false;
    const eo_attr *c = splat_of(result_type(op, 0), splat_value(cst[0]));
    return c && eo_fold_to_attr(out, c);
}

static eo_status
verify_fma(eo_op *op)
{
    for (size_t i = 0; i < 3; i++) {
        const eo_type *t = operand_type(op, i);
        if (!vec_is_vector(t) || !eo_type_is_float(eo_type_elem(t)))
            return vec_cons_error(op, "operand", i,
                                  "vector of floating-point values", t);
    }
    const eo_type *rt = result_type(op, 0);
    if (!vec_is_vector(rt) || !eo_type_is_float(eo_type_elem(rt)))
        return vec_cons_error(op, "result", 0,
                              "vector of floating-point values", rt);
    if (operand_type(op, 1) != rt || operand_type(op, 0) != rt ||
        operand_type(op, 2) != rt)
        return eo_op_error(op, "failed to verify that all of {lhs, rhs, acc, "
                           "result} have same type");
    return EO_OK;
}

/* %a, %b, %c attr-dict : vector */
static void
print_fma(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 3);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_fma(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref r[3];
    const eo_type *t;
    for (size_t i = 0; i < 3; i++)
        if ((i && eo_parse_punct(p, ",") != EO_OK) ||
            eo_parse_operand(p, &r[i]) != EO_OK)
            return EO_ERROR;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &t) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < 3; i++)
        if (eo_parse_resolve_operand(p, &r[i], t, st) != EO_OK)
            return EO_ERROR;
    return eo_op_state_add_result(st, t);
}

/* MLIR's isValidShapeCast: 'a' (lower rank) folds into 'b' by merging
 * contiguous dims. */
static bool
valid_shape_cast(const int64_t *a, size_t ra, const int64_t *b, size_t rb)
{
    size_t i = 0, j = 0;
    bool b_ones = true;
    for (size_t k = 0; k < rb; k++)
        b_ones = b_ones && b[k] == 1;
    if (ra == 0 && b_ones)
        return true;
    while (i < ra && j < rb) {
        int64_t da = a[i], db = 1;
        while (db < da && j < rb)
            db *= b[j++];
        if (da != db)
            break;
        ++i;
        bool ones = true;
        for (size_t k = i; k < ra; k++)
            ones = ones && a[k] == 1;
        if (i < ra && ones)
            i = ra;
        ones = true;
        for (size_t k = j; k < rb; k++)
            ones = ones && b[k] == 1;
        if (j < rb && ones)
            j = rb;
    }
    return i == ra && j == rb;
}

static eo_status
verify_shape_cast(eo_op *op)
{
    const eo_type *s = operand_type(op, 0), *r = result_type(op, 0);
    if (!vec_is_vector(s))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              s);
    if (!vec_is_vector(r))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              r);
    if (eo_type_elem(s) != eo_type_elem(r))
        return eo_op_error(op, "source/result vectors must have same "
                           "element type");
    if (eo_type_num_elements(s) != eo_type_num_elements(r))
        return eo_op_error(op, "source/result number of elements must "
                           "match");
    size_t rs = eo_type_rank(s), rr = eo_type_rank(r);
    if ((rs < rr && !valid_shape_cast(eo_type_shape(s), rs,
                                      eo_type_shape(r), rr)) ||
        (rs > rr && !valid_shape_cast(eo_type_shape(r), rr,
                                      eo_type_shape(s), rs)))
        return eo_op_error(op, "invalid shape cast");
    return EO_OK;
}

/* x (same type) -> x; shape_cast(shape_cast(y)) -> y of the result
 * type, else shape_cast(y) where valid; shape_cast(broadcast(y)) of y's
 * type -> y; splat -> splat. */
static bool
fold_shape_cast(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const eo_type *rt = result_type(op, 0);
    eo_value *src = eo_op_operand(op, 0);
    if (!src || !rt || eo_op_num_operands(op) != 1)
        return false;
    if (eo_value_type(src) == rt)
        return eo_fold_to_value(out, src);
    eo_op *d = eo_value_def_op(src);
    if (op_is(d, VECTOR_SHAPE_CAST) && eo_op_num_operands(d) == 1) {
        const eo_type *xt = operand_type(d, 0);
        if (xt == rt)
            return eo_fold_to_value(out, eo_op_operand(d, 0));
        /* A valid cast straight from the first source (MLIR's
         * transitive fold). */
        size_t xr = eo_type_rank(xt), rr = eo_type_rank(rt);
        if (!vec_is_vector(xt) || xr == rr ||
            (xr < rr && !valid_shape_cast(eo_type_shape(xt), xr,
                                          eo_type_shape(rt), rr)) ||
            (xr > rr && !valid_shape_cast(eo_type_shape(rt), rr,
                                          eo_type_shape(xt), xr)))
            return false;
        eo_op_set_operand(op, 0, eo_op_operand(d, 0));
        return eo_fold_in_place(out);
    }
    if (op_is(d, VECTOR_BROADCAST) && operand_type(d, 0) == rt)
        return eo_fold_to_value(out, eo_op_operand(d, 0));
    const eo_attr *v = splat_value(cst[0]);
    const eo_attr *c = v && cst[0] != v ? splat_of(rt, v) : NULL;
    return c && eo_fold_to_attr(out, c);
}

/* ------------------------------------------------------------------ */
/* reduction                                                           */
/* ------------------------------------------------------------------ */

static const char *const fm_names[] = {
    "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"
};

static void
print_fastmath_kw(eo_printer *p, unsigned flags)
{
    eo_print_str(p, " fastmath<");
    if (flags == ARITH_FM_FAST) {
        eo_print_str(p, "fast");
    } else {
        bool first = true;
        for (size_t i = 0; i < COUNT(fm_names); i++) {
            if (!(flags & (1u << i)))
                continue;
            eo_print_fmt(p, "%s%s", first ? "" : ",", fm_names[i]);
            first = false;
        }
    }
    eo_print_str(p, ">");
}

/* "<flags>" after the fastmath keyword. */
static eo_status
parse_fastmath_body(eo_parser *p, const eo_op_state *st, unsigned *out)
{
    unsigned flags = 0;
    if (eo_parse_punct(p, "<") != EO_OK)
        return EO_ERROR;
    do {
        size_t i;
        if (eo_parse_optional_keyword(p, "none"))
            continue;
        if (eo_parse_optional_keyword(p, "fast")) {
            flags |= ARITH_FM_FAST;
            continue;
        }
        for (i = 0; i < COUNT(fm_names); i++)
            if (eo_parse_optional_keyword(p, fm_names[i]))
                break;
        if (i < COUNT(fm_names)) {
            flags |= 1u << i;
            continue;
        }
        vec_perr(p, NULL, st, "expected ::mlir::arith::FastMathFlags to be "
                 "one of: none, reassoc, nnan, ninf, nsz, arcp, contract, "
                 "afn, fast");
        const eo_ident *skip;
        if (eo_parser_at_operand(p) || eo_parse_keyword(p, &skip) != EO_OK)
            return EO_ERROR;
        return eo_emit_error(eo_parser_ctx(p), eo_parser_loc(p),
                             "custom op '%s' failed to parse "
                             "Arith_FastMathAttr parameter 'value' which is "
                             "to be a `::mlir::arith::FastMathFlags`",
                             eo_ident_str(st->name));
    } while (eo_parse_optional_punct(p, ","));
    if (eo_parse_punct(p, ">") != EO_OK)
        return EO_ERROR;
    *out = flags;
    return EO_OK;
}

/* fastmath defaults to none (MLIR's DefaultValuedAttr). */
static eo_status
populate_reduction(eo_op_state *st)
{
    const eo_ident *fm = eo_ident_cstr(st->ctx, "fastmath");
    if (!fm)
        return EO_NOMEM;
    for (size_t i = 0; i < st->num_attrs; i++)
        if (st->attrs[i].name == fm)
            return EO_OK;
    for (size_t i = 0; i < st->num_props; i++)
        if (st->props[i].name == fm)
            return EO_OK;
    const eo_attr *a = arith_fastmath_attr(st->ctx, ARITH_FM_NONE);
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, "fastmath", a);
}

static eo_status
verify_reduction(eo_op *op)
{
    enum vector_kind k;
    unsigned flags;
    size_t n = eo_op_num_operands(op);
    if (n < 1 || n > 2)
        return eo_op_error(op, "expected 1 or 2 operands, but found %zu", n);
    const eo_attr *fm = eo_op_attr(op, "fastmath");
    if (!vector_kind_of(eo_op_attr(op, "kind"), &k))
        return eo_op_error(op, "attribute 'kind' failed to satisfy "
                           "constraint: Kind of combining function for "
                           "contractions and reductions");
    if (fm && !arith_fastmath_flags(fm, &flags))
        return eo_op_error(op, "attribute 'fastmath' failed to satisfy "
                           "constraint: Floating point fast math flags");
    const eo_type *vt = operand_type(op, 0), *rt = result_type(op, 0);
    if (!vec_is_vector(vt))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              vt);
    if (eo_type_elem(vt) != elem_or_self(rt))
        return eo_op_error(op, "failed to verify that source operand and "
                           "result have same element type");
    if (n == 2 && operand_type(op, 1) != rt)
        return eo_op_error(op, "failed to verify that dest and acc have the "
                           "same type");
    if (eo_type_rank(vt) > 1)
        return eo_op_error(op, "unsupported reduction rank: %zu",
                           eo_type_rank(vt));
    if (!vec_kind_supports(k, rt)) {
        vec_tbuf b;
        return eo_op_error(op, "unsupported reduction type ''%s'' for kind "
                           "'%s'", vec_tstr(&b, rt), vector_kind_name(k));
    }
    return EO_OK;
}

/* <kind>, %v[, %acc] [fastmath<...>] attr-dict : vector into T */
static void
print_reduction(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"kind", "fastmath", NULL};
    enum vector_kind k;
    unsigned flags;
    if (vector_kind_of(eo_op_attr(op, "kind"), &k)) {
        eo_print_fmt(p, " <%s>, ", vector_kind_name(k));
    } else {
        eo_print_str(p, " ");
        const eo_attr *a = eo_op_attr(op, "kind");
        if (a)
            eo_print_attr(p, a);
        else
            eo_print_str(p, "<<NULL ATTRIBUTE>>");
        eo_print_str(p, ", ");
    }
    eo_print_operands(p, op, 0, eo_op_num_operands(op));
    if (arith_fastmath_flags(eo_op_attr(op, "fastmath"), &flags) &&
        flags != ARITH_FM_NONE)
        print_fastmath_kw(p, flags);
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
    eo_print_str(p, " into ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_reduction(eo_parser *p, eo_op_state *st)
{
    enum vector_kind k;
    eo_operand_ref v, acc;
    bool has_acc = false;
    unsigned flags = ARITH_FM_NONE;
    const eo_type *vt, *rt;
    if (vec_parse_kind_body(p, eo_ident_str(st->name), &k) != EO_OK)
        return EO_ERROR;
    const eo_attr *ka = vector_kind_attr(st->ctx, k);
    if (!ka || eo_op_state_set_attr(st, "kind", ka) != EO_OK)
        return EO_NOMEM;
    if (eo_parse_punct(p, ",") != EO_OK || eo_parse_operand(p, &v) != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_punct(p, ",")) {
        if (eo_parse_operand(p, &acc) != EO_OK)
            return EO_ERROR;
        has_acc = true;
    }
    if (eo_parse_optional_keyword(p, "fastmath") &&
        parse_fastmath_body(p, st, &flags) != EO_OK)
        return EO_ERROR;
    const eo_attr *fa = arith_fastmath_attr(st->ctx, flags);
    if (!fa || eo_op_state_set_attr(st, "fastmath", fa) != EO_OK)
        return EO_NOMEM;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &vt) != EO_OK ||
        expect_kw(p, st, "into") != EO_OK ||
        eo_parse_type(p, &rt) != EO_OK ||
        eo_parse_resolve_operand(p, &v, vt, st) != EO_OK ||
        (has_acc && eo_parse_resolve_operand(p, &acc, rt, st) != EO_OK))
        return EO_ERROR;
    return eo_op_state_add_result(st, rt);
}

/* ------------------------------------------------------------------ */
/* extract, insert                                                     */
/* ------------------------------------------------------------------ */

/* static_position, checked: *pos and *n; false if malformed. */
static bool
get_positions(const eo_op *op, const int64_t **pos, size_t *n)
{
    const eo_attr *a = eo_op_attr(op, "static_position");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY ||
        !eo_type_is_signless_int(eo_attr_dense_array_elem(a), 64))
        return false;
    *pos = eo_attr_dense_array_data(a);
    *n = eo_attr_dense_array_size(a);
    return true;
}

static size_t
count_dynamic(const int64_t *pos, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += pos[i] == EO_DYNAMIC;
    return k;
}

/* Checks shared by extract and insert: 'vt' the indexed vector, dynamic
 * positions from operand 'first'. */
static eo_status
check_positions(eo_op *op, const int64_t *pos, size_t n, size_t first,
                const eo_type *vt, const char *rank_msg)
{
    if (count_dynamic(pos, n) != eo_op_num_operands(op) - first)
        return eo_op_error(op, "mismatch between dynamic and static "
                           "positions (kDynamic marker but no corresponding "
                           "dynamic position) -- this can only happen due "
                           "to an incorrect fold/rewrite");
    if (n > eo_type_rank(vt))
        return eo_op_error(op, "%s", rank_msg);
    return EO_OK;
}

static eo_status
check_position_bounds(eo_op *op, const int64_t *pos, size_t n,
                      const eo_type *vt, const char *dim)
{
    for (size_t i = 0; i < n; i++) {
        if (pos[i] == EO_DYNAMIC)
            continue;
        if (pos[i] < 0 || pos[i] >= eo_type_dim(vt, i))
            return eo_op_error(op, "expected position attribute #%zu to be a "
                               "non-negative integer smaller than the "
                               "corresponding %svector dimension", i + 1,
                               dim);
    }
    return EO_OK;
}

/* The type extract infers: the element, or the trailing dims. */
static const eo_type *
extract_type(const eo_type *vt, size_t n)
{
    size_t rank = eo_type_rank(vt);
    if (n >= rank)
        return eo_type_elem(vt);
    bool *sc = malloc((rank - n) * sizeof *sc);
    if (!sc)
        return NULL;
    for (size_t i = n; i < rank; i++)
        sc[i - n] = eo_type_dim_is_scalable(vt, i);
    const eo_type *t = eo_type_get_vector(eo_type_ctx(vt), rank - n,
                                          eo_type_shape(vt) + n, sc,
                                          eo_type_elem(vt));
    free(sc);
    return t;
}

static bool
single_elem_of(const eo_type *v, const eo_type *s)
{
    return vec_is_vector(v) && eo_type_rank(v) == 1 &&
           eo_type_dim(v, 0) == 1 && eo_type_elem(v) == s;
}

static eo_status
verify_extract(eo_op *op)
{
    const int64_t *pos;
    size_t n;
    if (eo_op_num_operands(op) < 1)
        return eo_op_error(op, "expected 1 or more operands, but found 0");
    if (!get_positions(op, &pos, &n))
        return eo_op_error(op, "attribute 'static_position' failed to "
                           "satisfy constraint: i64 dense array attribute");
    const eo_type *vt = operand_type(op, 0), *rt = result_type(op, 0);
    if (!vec_is_vector(vt))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              vt);
    if (vec_check_index_operands(op, 1, eo_op_num_operands(op) - 1) != EO_OK)
        return EO_ERROR;
    if (eo_type_elem(vt) != elem_or_self(rt))
        return eo_op_error(op, "failed to verify that operand and result "
                           "have same element type");
    if (n <= eo_type_rank(vt)) {
        const eo_type *inf = extract_type(vt, n);
        if (!inf)
            return eo_op_error(op, "failed to infer returned types");
        if (inf != rt && !single_elem_of(inf, rt) &&
            !single_elem_of(rt, inf)) {
            vec_tbuf a, b;
            eo_op_error(op, "inferred type(s) '%s' are incompatible with "
                        "return type(s) of operation '%s'",
                        vec_tstr(&a, inf), vec_tstr(&b, rt));
            return eo_op_error(op, "failed to infer returned types");
        }
    }
    if (check_positions(op, pos, n, 1, vt, "expected position attribute of "
                        "rank no greater than vector rank") != EO_OK)
        return EO_ERROR;
    return check_position_bounds(op, pos, n, vt, "");
}

static eo_status
verify_insert(eo_op *op)
{
    const int64_t *pos;
    size_t n;
    if (eo_op_num_operands(op) < 2)
        return eo_op_error(op, "expected 2 or more operands, but found %zu",
                           eo_op_num_operands(op));
    if (!get_positions(op, &pos, &n))
        return eo_op_error(op, "attribute 'static_position' failed to "
                           "satisfy constraint: i64 dense array attribute");
    const eo_type *st = operand_type(op, 0), *dt = operand_type(op, 1);
    const eo_type *rt = result_type(op, 0);
    if (!vec_is_vector(dt))
        return vec_cons_error(op, "operand", 1, "vector of any type values",
                              dt);
    if (vec_check_index_operands(op, 2, eo_op_num_operands(op) - 2) != EO_OK)
        return EO_ERROR;
    if (!vec_is_vector(rt))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              rt);
    if (elem_or_self(st) != eo_type_elem(rt))
        return eo_op_error(op, "failed to verify that source operand and "
                           "result have same element type");
    if (dt != rt)
        return eo_op_error(op, "failed to verify that all of {dest, result} "
                           "have same type");
    if (check_positions(op, pos, n, 2, dt, "expected position attribute of "
                        "rank no greater than dest vector rank") != EO_OK)
        return EO_ERROR;
    size_t dr = eo_type_rank(dt);
    if (vec_is_vector(st) && eo_type_rank(st) + n != dr)
        return eo_op_error(op, "expected position attribute rank + source "
                           "rank to match dest vector rank");
    if (!vec_is_vector(st) && n != dr)
        return eo_op_error(op, "expected position attribute rank to match "
                           "the dest vector rank");
    return check_position_bounds(op, pos, n, dt, "dest ");
}

/* "[1, %i, 2]": static_position with dynamic operands from 'first'. */
static void
print_positions(eo_printer *p, const eo_op *op, size_t first)
{
    const int64_t *pos;
    size_t n, dyn = first;
    eo_print_str(p, "[");
    if (get_positions(op, &pos, &n)) {
        for (size_t i = 0; i < n; i++) {
            if (i)
                eo_print_str(p, ", ");
            if (pos[i] == EO_DYNAMIC && dyn < eo_op_num_operands(op))
                eo_print_value(p, eo_op_operand(op, dyn++));
            else
                eo_print_fmt(p, "%lld", (long long)pos[i]);
        }
    }
    eo_print_str(p, "]");
}

/* A growable list of operand refs (the dynamic positions). */
typedef struct ref_list {
    eo_operand_ref *v;
    size_t n, cap;
    int64_t *pos;
    size_t npos, cap_pos;
} ref_list;

static void
ref_list_free(ref_list *l)
{
    free(l->v);
    free(l->pos);
}

static bool
push_pos(ref_list *l, int64_t v)
{
    if (l->npos == l->cap_pos) {
        size_t nc = l->cap_pos ? 2 * l->cap_pos : 8;
        int64_t *np = realloc(l->pos, nc * sizeof *np);
        if (!np)
            return false;
        l->pos = np;
        l->cap_pos = nc;
    }
    l->pos[l->npos++] = v;
    return true;
}

static bool
push_ref(ref_list *l, const eo_operand_ref *r)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? 2 * l->cap : 4;
        eo_operand_ref *nv = realloc(l->v, nc * sizeof *nv);
        if (!nv)
            return false;
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = *r;
    return true;
}

/* MLIR's custom<DynamicIndexList>: "[" (int | %v) list "]". Sets
 * static_position; the refs stay in 'l' for resolving. */
static eo_status
parse_positions(eo_parser *p, eo_op_state *st, ref_list *l)
{
    if (eo_parse_punct(p, "[") != EO_OK)
        return EO_ERROR;
    if (!eo_parse_optional_punct(p, "]")) {
        do {
            eo_operand_ref r;
            int64_t v;
            eo_status s;
            if (eo_parser_at_operand(p)) {
                if (eo_parse_operand(p, &r) != EO_OK)
                    return EO_ERROR;
                if (!push_ref(l, &r) || !push_pos(l, EO_DYNAMIC))
                    return EO_NOMEM;
            } else if (eo_parse_optional_integer(p, &v, &s)) {
                if (s != EO_OK)
                    return s;
                if (!push_pos(l, v))
                    return EO_NOMEM;
            } else {
                /* MLIR reports the integer, then the list at the op. */
                vec_perr(p, NULL, st, "expected integer value");
                return eo_emit_error(st->ctx, st->loc, "custom op '%s' "
                                     "expected SSA value or integer",
                                     eo_ident_str(st->name));
            }
        } while (eo_parse_optional_punct(p, ","));
        if (eo_parse_punct(p, "]") != EO_OK)
            return EO_ERROR;
    }
    const eo_type *i64 = eo_type_get_int(st->ctx, 64);
    const eo_attr *a = i64 ? eo_attr_get_dense_array(st->ctx, i64, l->npos,
                                                     l->pos)
                           : NULL;
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, "static_position", a);
}

static const char *const pos_elided[] = {"static_position", NULL};

/* %v[pos] attr-dict : T from vector */
static void
print_extract(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    print_positions(p, op, 1);
    eo_print_attr_dict(p, op, pos_elided);
    eo_print_str(p, " : ");
    eo_print_type(p, result_type(op, 0));
    eo_print_str(p, " from ");
    eo_print_type(p, operand_type(op, 0));
}

static eo_status
parse_extract(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref v;
    ref_list l = {0};
    const eo_type *rt, *vt;
    eo_status s;
    if ((s = eo_parse_operand(p, &v)) != EO_OK ||
        (s = parse_positions(p, st, &l)) != EO_OK ||
        (s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &rt)) != EO_OK ||
        (s = expect_kw(p, st, "from")) != EO_OK ||
        (s = parse_type_kind(p, st, EO_TYPE_VECTOR, &vt)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &v, vt, st)) != EO_OK ||
        (s = resolve_indices(p, l.v, l.n, st)) != EO_OK ||
        (s = eo_op_state_add_result(st, rt)) != EO_OK) {
        ref_list_free(&l);
        return s;
    }
    ref_list_free(&l);
    return EO_OK;
}

/* %s, %d [pos] attr-dict : T into vector */
static void
print_insert(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    eo_print_str(p, " ");
    print_positions(p, op, 2);
    eo_print_attr_dict(p, op, pos_elided);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
    eo_print_str(p, " into ");
    eo_print_type(p, operand_type(op, 1));
}

static eo_status
parse_insert(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref s0, d;
    ref_list l = {0};
    const eo_type *t, *vt;
    eo_status s;
    if ((s = eo_parse_operand(p, &s0)) != EO_OK ||
        (s = eo_parse_punct(p, ",")) != EO_OK ||
        (s = eo_parse_operand(p, &d)) != EO_OK ||
        (s = parse_positions(p, st, &l)) != EO_OK ||
        (s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &t)) != EO_OK ||
        (s = expect_kw(p, st, "into")) != EO_OK ||
        (s = parse_type_kind(p, st, EO_TYPE_VECTOR, &vt)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &s0, t, st)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &d, vt, st)) != EO_OK ||
        (s = resolve_indices(p, l.v, l.n, st)) != EO_OK ||
        (s = eo_op_state_add_result(st, vt)) != EO_OK) {
        ref_list_free(&l);
        return s;
    }
    ref_list_free(&l);
    return EO_OK;
}

static bool
same_positions(const eo_op *a, const eo_op *b)
{
    const int64_t *pa, *pb;
    size_t na, nb;
    if (!get_positions(a, &pa, &na) || !get_positions(b, &pb, &nb) ||
        na != nb || count_dynamic(pa, na) || count_dynamic(pb, nb))
        return false;
    return na == 0 || memcmp(pa, pb, na * sizeof *pa) == 0;
}

/* No position -> the vector; extract(insert s at the same position) -> s;
 * extract(broadcast/splat x) at static positions -> x when x has the
 * result type; constant splat -> splat; constant vector at static
 * positions -> its element or sub-vector. */
static bool
fold_extract(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const int64_t *pos;
    size_t n;
    const eo_type *rt = result_type(op, 0);
    eo_value *v = eo_op_operand(op, 0);
    if (!v || !get_positions(op, &pos, &n))
        return false;
    if (n == 0 && eo_value_type(v) == rt)
        return eo_fold_to_value(out, v);
    eo_op *d = eo_value_def_op(v);
    if (op_is(d, VECTOR_INSERT) && same_positions(op, d) &&
        operand_type(d, 0) == rt)
        return eo_fold_to_value(out, eo_op_operand(d, 0));
    bool dynamic = count_dynamic(pos, n) || eo_op_num_operands(op) != 1;
    if ((op_is(d, VECTOR_BROADCAST) || op_is(d, VECTOR_SPLAT)) &&
        operand_type(d, 0) == rt && !dynamic)
        return eo_fold_to_value(out, eo_op_operand(d, 0));
    const eo_attr *c = NULL;
    if (cst[0] && eo_attr_get_kind(cst[0]) == EO_ATTR_DENSE &&
        eo_attr_dense_is_splat(cst[0])) {
        /* A splat is the same at every position, dynamic ones too. */
        const eo_attr *e = splat_value(cst[0]);
        c = e && eo_attr_type(e) == rt ? e : splat_of(rt, e);
    } else if (!dynamic) {
        c = constant_at(cst[0], pos, n, rt);
    }
    return c && eo_fold_to_attr(out, c);
}

/* No position and the source has the dest type -> the source. */
static bool
fold_insert(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const int64_t *pos;
    size_t n;
    (void)cst;
    if (eo_op_num_operands(op) >= 2 && get_positions(op, &pos, &n) &&
        n == 0 && operand_type(op, 0) == result_type(op, 0))
        return eo_fold_to_value(out, eo_op_operand(op, 0));
    return false;
}

/* ------------------------------------------------------------------ */
/* extractelement, insertelement                                       */
/* ------------------------------------------------------------------ */

static eo_status
check_element_position(eo_op *op, size_t pi)
{
    bool has = eo_op_num_operands(op) > pi;
    if (has) {
        const eo_type *t = operand_type(op, pi);
        if (!((eo_type_is_int(t) &&
               eo_type_int_signedness(t) == EO_SIGNLESS) ||
              eo_type_is_index(t)))
            return vec_cons_error(op, "operand", pi,
                                  "signless integer or index", t);
    }
    return EO_OK;
}

static eo_status
check_element_rank(eo_op *op, const eo_type *vt, bool has)
{
    if (eo_type_rank(vt) == 0) {
        if (has)
            return eo_op_error(op, "expected position to be empty with 0-D "
                               "vector");
        return EO_OK;
    }
    if (eo_type_rank(vt) != 1)
        return eo_op_error(op, "unexpected >1 vector rank");
    if (!has)
        return eo_op_error(op, "expected position for 1-D vector");
    return EO_OK;
}

static eo_status
verify_extractelement(eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (n < 1 || n > 2)
        return eo_op_error(op, "expected 1 or 2 operands, but found %zu", n);
    const eo_type *vt = operand_type(op, 0);
    if (!vec_is_vector(vt))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              vt);
    if (check_element_position(op, 1) != EO_OK)
        return EO_ERROR;
    if (result_type(op, 0) != eo_type_elem(vt))
        return eo_op_error(op, "failed to verify that result type matches "
                           "element type of vector operand");
    return check_element_rank(op, vt, n == 2);
}

static eo_status
verify_insertelement(eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (n < 2 || n > 3)
        return eo_op_error(op, "expected 2 or 3 operands, but found %zu", n);
    const eo_type *dt = operand_type(op, 1), *rt = result_type(op, 0);
    if (!vec_is_vector(dt))
        return vec_cons_error(op, "operand", 1, "vector of any type values",
                              dt);
    if (check_element_position(op, 2) != EO_OK)
        return EO_ERROR;
    if (!vec_is_vector(rt))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              rt);
    if (operand_type(op, 0) != eo_type_elem(rt))
        return eo_op_error(op, "failed to verify that source operand type "
                           "matches element type of result");
    if (dt != rt)
        return eo_op_error(op, "failed to verify that all of {dest, result} "
                           "have same type");
    return check_element_rank(op, dt, n == 3);
}

/* "[%i : T]" or "[]" for the optional position operand 'pi'. */
static void
print_element_position(eo_printer *p, const eo_op *op, size_t pi)
{
    eo_print_str(p, "[");
    if (eo_op_num_operands(op) > pi) {
        eo_print_value(p, eo_op_operand(op, pi));
        eo_print_str(p, " : ");
        eo_print_type(p, operand_type(op, pi));
    }
    eo_print_str(p, "]");
}

static eo_status
parse_element_position(eo_parser *p, eo_operand_ref *r, const eo_type **t,
                       bool *has)
{
    eo_status s;
    *has = false;
    if (eo_parse_punct(p, "[") != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_operand(p, r, &s)) {
        if (s != EO_OK || eo_parse_punct(p, ":") != EO_OK ||
            eo_parse_type(p, t) != EO_OK)
            return EO_ERROR;
        *has = true;
    }
    return eo_parse_punct(p, "]");
}

/* %v[%i : T] attr-dict : vector */
static void
print_extractelement(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    print_element_position(p, op, 1);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
}

static eo_status
parse_extractelement(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref v, i;
    const eo_type *it = NULL, *vt;
    bool has;
    if (eo_parse_operand(p, &v) != EO_OK ||
        parse_element_position(p, &i, &it, &has) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &vt) != EO_OK ||
        eo_parse_resolve_operand(p, &v, vt, st) != EO_OK ||
        (has && eo_parse_resolve_operand(p, &i, it, st) != EO_OK))
        return EO_ERROR;
    return eo_op_state_add_result(st, eo_type_elem(vt));
}

/* %s, %v[%i : T] attr-dict : vector */
static void
print_insertelement(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    print_element_position(p, op, 2);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_insertelement(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref s0, d, i;
    const eo_type *it = NULL, *vt;
    bool has;
    if (eo_parse_operand(p, &s0) != EO_OK ||
        eo_parse_punct(p, ",") != EO_OK || eo_parse_operand(p, &d) != EO_OK ||
        parse_element_position(p, &i, &it, &has) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        parse_type_kind(p, st, EO_TYPE_VECTOR, &vt) != EO_OK ||
        eo_parse_resolve_operand(p, &s0, eo_type_elem(vt), st) != EO_OK ||
        eo_parse_resolve_operand(p, &d, vt, st) != EO_OK ||
        (has && eo_parse_resolve_operand(p, &i, it, st) != EO_OK))
        return EO_ERROR;
    return eo_op_state_add_result(st, vt);
}

/* With a constant position (MLIR folds nothing else): splat/broadcast of
 * a scalar -> the scalar; constant vector -> its element. */
static bool
fold_extractelement(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const eo_type *rt = result_type(op, 0);
    if (eo_op_num_operands(op) != 2 || !cst[1] ||
        eo_attr_get_kind(cst[1]) != EO_ATTR_INTEGER)
        return false;
    eo_op *d = eo_value_def_op(eo_op_operand(op, 0));
    if ((op_is(d, VECTOR_BROADCAST) || op_is(d, VECTOR_SPLAT)) &&
        operand_type(d, 0) == rt)
        return eo_fold_to_value(out, eo_op_operand(d, 0));
    const eo_type *vt = operand_type(op, 0);
    int64_t pos = eo_attr_int_value(cst[1]);
    if (!cst[0] || eo_type_rank(vt) != 1)
        return false;
    const eo_attr *r = constant_at(cst[0], &pos, 1, rt);
    return r && eo_fold_to_attr(out, r);
}

/* ------------------------------------------------------------------ */
/* constant_mask, create_mask                                          */
/* ------------------------------------------------------------------ */

static eo_status
verify_constant_mask(eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "mask_dim_sizes");
    bool ok = a && eo_attr_get_kind(a) == EO_ATTR_ARRAY;
    for (size_t i = 0; ok && i < eo_attr_array_size(a); i++) {
        const eo_attr *e = eo_attr_array_at(a, i);
        ok = eo_attr_get_kind(e) == EO_ATTR_INTEGER &&
             eo_type_is_signless_int(eo_attr_type(e), 64);
    }
    if (!ok)
        return eo_op_error(op, "attribute 'mask_dim_sizes' failed to "
                           "satisfy constraint: 64-bit integer array "
                           "attribute");
    const eo_type *rt = result_type(op, 0);
    if (!vec_is_i1_vector(rt))
        return vec_cons_error(op, "result", 0,
                              "vector of 1-bit signless integer values", rt);
    size_t n = eo_attr_array_size(a), rank = eo_type_rank(rt);
    if (rank == 0) {
        if (n != 1)
            return eo_emit_error(eo_op_ctx(op), eo_op_loc(op),
                                 "array attr must have length 1 for 0-D "
                                 "vectors");
        int64_t d = eo_attr_int_value(eo_attr_array_at(a, 0));
        if (d != 0 && d != 1)
            return eo_emit_error(eo_op_ctx(op), eo_op_loc(op),
                                 "mask dim size must be either 0 or 1 for "
                                 "0-D vectors");
        return EO_OK;
    }
    if (n != rank)
        return eo_op_error(op, "must specify array attr of size equal vector "
                           "result rank");
    bool any_zero = false, all_zero = true;
    for (size_t i = 0; i < n; i++) {
        int64_t d = eo_attr_int_value(eo_attr_array_at(a, i));
        if (d < 0 || d > eo_type_dim(rt, i))
            return eo_op_error(op, "array attr of size out of bounds of "
                               "vector result dimension size");
        if (eo_type_dim_is_scalable(rt, i) && d != 0 &&
            d != eo_type_dim(rt, i))
            return eo_op_error(op, "only supports 'none set' or 'all set' "
                               "scalable dimensions");
        any_zero = any_zero || d == 0;
        all_zero = all_zero && d == 0;
    }
    if (any_zero && !all_zero)
        return eo_op_error(op, "expected all mask dim sizes to be zeros, as "
                           "a result of conjunction with zero mask dim");
    return EO_OK;
}

/* [sizes] attr-dict : vector */
static void
print_constant_mask(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"mask_dim_sizes", NULL};
    const eo_attr *a = eo_op_attr(op, "mask_dim_sizes");
    eo_print_str(p, " ");
    if (a)
        eo_print_attr(p, a);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " : ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_constant_mask(eo_parser *p, eo_op_state *st)
{
    const eo_attr *a;
    const eo_type *t;
    const eo_loc *loc = eo_parser_loc(p);
    if (eo_parse_attr(p, NULL, &a) != EO_OK)
        return EO_ERROR;
    if (eo_attr_get_kind(a) != EO_ATTR_ARRAY)
        return vec_perr(p, loc, st, "invalid kind of attribute specified");
    if (eo_op_state_set_attr(st, "mask_dim_sizes", a) != EO_OK)
        return EO_NOMEM;
    /* type(results): any type here, the verifier checks it. */
    if (eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK || eo_parse_type(p, &t) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, t);
}

static eo_status
verify_create_mask(eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (vec_check_index_operands(op, 0, n) != EO_OK)
        return EO_ERROR;
    const eo_type *rt = result_type(op, 0);
    if (!vec_is_i1_vector(rt))
        return vec_cons_error(op, "result", 0,
                              "vector of 1-bit signless integer values", rt);
    if (eo_type_rank(rt) == 0) {
        if (n != 1)
            return eo_op_error(op, "must specify exactly one operand for 0-D "
                               "create_mask");
    } else if (n != eo_type_rank(rt)) {
        return eo_op_error(op, "must specify an operand for each result "
                           "vector dimension");
    }
    return EO_OK;
}

/* %a, %b attr-dict : vector */
static void
print_create_mask(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, eo_op_num_operands(op));
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_create_mask(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *v;
    size_t n;
    const eo_type *t;
    if (eo_parse_operand_list(p, &v, &n) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK || eo_parse_type(p, &t) != EO_OK ||
        resolve_indices(p, v, n, st) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, t);
}

/* ------------------------------------------------------------------ */
/* transpose, bitcast, vscale                                          */
/* ------------------------------------------------------------------ */

static bool
get_permutation(const eo_op *op, const int64_t **perm, size_t *n)
{
    const eo_attr *a = eo_op_attr(op, "permutation");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY ||
        !eo_type_is_signless_int(eo_attr_dense_array_elem(a), 64))
        return false;
    *perm = eo_attr_dense_array_data(a);
    *n = eo_attr_dense_array_size(a);
    return true;
}

static eo_status
verify_transpose(eo_op *op)
{
    const int64_t *perm;
    size_t n;
    if (!get_permutation(op, &perm, &n))
        return eo_op_error(op, "attribute 'permutation' failed to satisfy "
                           "constraint: i64 dense array attribute");
    const eo_type *vt = operand_type(op, 0), *rt = result_type(op, 0);
    if (!vec_is_vector(vt))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              vt);
    if (!vec_is_vector(rt))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              rt);
    if (eo_type_elem(vt) != eo_type_elem(rt))
        return eo_op_error(op, "failed to verify that operand and result "
                           "have same element type");
    size_t rank = eo_type_rank(rt);
    if (eo_type_rank(vt) != rank)
        return eo_op_error(op, "vector result rank mismatch: %zu", rank);
    if (n != rank)
        return eo_op_error(op, "transposition length mismatch: %zu", n);
    bool *seen = calloc(rank + 1, sizeof *seen);
    if (!seen)
        return EO_NOMEM;
    eo_status s = EO_OK;
    for (size_t i = 0; i < n && s == EO_OK; i++) {
        int64_t p = perm[i];
        if (p < 0 || p >= (int64_t)rank) {
            s = eo_op_error(op, "transposition index out of range: %lld",
                            (long long)p);
        } else if (seen[p]) {
            s = eo_op_error(op, "duplicate position index: %lld",
                            (long long)p);
        } else {
            seen[p] = true;
            if (eo_type_dim(rt, i) != eo_type_dim(vt, (size_t)p))
                s = eo_op_error(op, "dimension size mismatch at: %lld",
                                (long long)p);
        }
    }
    free(seen);
    return s;
}

/* %v, [1, 0] attr-dict : T to U */
static void
print_transpose(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"permutation", NULL};
    const int64_t *perm;
    size_t n = 0;
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, ", [");
    if (get_permutation(op, &perm, &n))
        for (size_t i = 0; i < n; i++)
            eo_print_fmt(p, "%s%lld", i ? ", " : "", (long long)perm[i]);
    eo_print_str(p, "]");
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " : ");
    eo_print_type(p, operand_type(op, 0));
    eo_print_str(p, " to ");
    eo_print_type(p, result_type(op, 0));
}

static eo_status
parse_transpose(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref v;
    ref_list l = {0};
    const eo_type *t, *u, *i64 = eo_type_get_int(st->ctx, 64);
    eo_status s = EO_OK;
    if (!i64)
        return EO_NOMEM;
    if (eo_parse_operand(p, &v) != EO_OK || eo_parse_punct(p, ",") != EO_OK ||
        eo_parse_punct(p, "[") != EO_OK)
        return EO_ERROR;
    if (!eo_parse_optional_punct(p, "]")) {
        do {
            int64_t x;
            if ((s = eo_parse_integer(p, &x)) != EO_OK)
                goto out;
            if (!push_pos(&l, x)) {
                s = EO_NOMEM;
                goto out;
            }
        } while (eo_parse_optional_punct(p, ","));
        if ((s = eo_parse_punct(p, "]")) != EO_OK)
            goto out;
    }
    const eo_attr *a = eo_attr_get_dense_array(st->ctx, i64, l.npos, l.pos);
    if (!a || eo_op_state_set_attr(st, "permutation", a) != EO_OK) {
        s = EO_NOMEM;
        goto out;
    }
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK ||
        (s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = parse_type_kind(p, st, EO_TYPE_VECTOR, &t)) != EO_OK ||
        (s = expect_kw(p, st, "to")) != EO_OK ||
        (s = parse_type_kind(p, st, EO_TYPE_VECTOR, &u)) != EO_OK ||
        (s = eo_parse_resolve_operand(p, &v, t, st)) != EO_OK)
        goto out;
    s = eo_op_state_add_result(st, u);
out:
    ref_list_free(&l);
    return s;
}

/* Identity permutation -> the vector; splat constant -> splat. */
static bool
fold_transpose(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    const int64_t *perm;
    size_t n;
    const eo_type *rt = result_type(op, 0);
    if (eo_op_num_operands(op) != 1 || !rt)
        return false;
    if (cst[0] && eo_attr_get_kind(cst[0]) == EO_ATTR_DENSE &&
        eo_attr_dense_is_splat(cst[0])) {
        const eo_attr *c = splat_of(rt, splat_value(cst[0]));
        if (c)
            return eo_fold_to_attr(out, c);
    }
    if (!get_permutation(op, &perm, &n))
        return false;
    for (size_t i = 0; i < n; i++)
        if (perm[i] != (int64_t)i)
            return false;
    return operand_type(op, 0) == rt &&
           eo_fold_to_value(out, eo_op_operand(op, 0));
}

static eo_status
verify_bitcast(eo_op *op)
{
    const eo_type *s = operand_type(op, 0), *r = result_type(op, 0);
    if (!vec_is_vector(s))
        return vec_cons_error(op, "operand", 0, "vector of any type values",
                              s);
    if (!vec_is_vector(r))
        return vec_cons_error(op, "result", 0, "vector of any type values",
                              r);
    size_t rank = eo_type_rank(s);
    if (eo_type_rank(r) != rank)
        return eo_op_error(op, "failed to verify that all of {source, "
                           "result} have same rank");
    for (size_t i = 0; i + 1 < rank; i++)
        if (eo_type_dim(s, i) != eo_type_dim(r, i))
            return eo_op_error(op, "dimension size mismatch at: %zu", i);
    uint64_t sb = vec_bit_width(eo_type_elem(s));
    uint64_t rb = vec_bit_width(eo_type_elem(r));
    if (rank == 0) {
        if (sb != rb)
            return eo_op_error(op, "source/result bitwidth of the 0-D vector "
                               "element types must be equal");
    } else if (sb * (uint64_t)eo_type_dim(s, rank - 1) !=
               rb * (uint64_t)eo_type_dim(r, rank - 1)) {
        return eo_op_error(op, "source/result bitwidth of the minor 1-D "
                           "vectors must be equal");
    }
    return EO_OK;
}

/* Splat constants MLIR folds: f16 to f32 (the pattern twice), integers
 * to a wider integer (the pattern repeated). */
static const eo_attr *
bitcast_splat(const eo_attr *c, const eo_type *st, const eo_type *rt)
{
    const eo_attr *v = c && eo_attr_get_kind(c) == EO_ATTR_DENSE &&
                               eo_attr_dense_is_splat(c)
                           ? splat_value(c)
                           : NULL;
    const eo_type *se = eo_type_elem(st), *re = eo_type_elem(rt);
    if (!v)
        return NULL;
    eo_ctx *ctx = eo_type_ctx(rt);
    if (eo_type_is_float(se) && eo_type_float_kind(se) == EO_F16 &&
        eo_type_is_float(re) && eo_type_float_kind(re) == EO_F32) {
        uint64_t bits = eo_attr_float_bits(v) & 0xffff;
        const eo_attr *f = eo_attr_get_float_bits(ctx, re,
                                                  (bits << 16) | bits);
        return splat_of(rt, f);
    }
    if (eo_attr_get_kind(v) != EO_ATTR_INTEGER || !eo_type_is_int(re) ||
        !eo_type_is_int(se))
        return NULL;
    unsigned sw = eo_type_int_width(se), rw = eo_type_int_width(re);
    if (sw == 0 || rw <= sw || rw % sw || rw > 64)
        return NULL;
    uint64_t one = eo_attr_int_uvalue(v), bits = one;
    for (unsigned i = 1; i < rw / sw; i++)
        bits = (bits << sw) | one;
    return splat_of(rt, eo_attr_get_int(ctx, re, (int64_t)bits));
}

/* Same type -> the source; bitcast(bitcast(x)) -> x when x has the
 * result type, else bitcast(x) in place; some splat constants. */
static bool
fold_bitcast(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    eo_value *src = eo_op_operand(op, 0);
    const eo_type *rt = result_type(op, 0);
    if (!src || !rt || eo_op_num_operands(op) != 1)
        return false;
    if (eo_value_type(src) == rt)
        return eo_fold_to_value(out, src);
    eo_op *d = eo_value_def_op(src);
    if (op_is(d, VECTOR_BITCAST) && eo_op_num_operands(d) == 1) {
        eo_value *x = eo_op_operand(d, 0);
        if (eo_value_type(x) == rt)
            return eo_fold_to_value(out, x);
        eo_op_set_operand(op, 0, x);
        return eo_fold_in_place(out);
    }
    const eo_attr *c = bitcast_splat(cst[0], eo_value_type(src), rt);
    return c && eo_fold_to_attr(out, c);
}

static eo_status
verify_vscale(eo_op *op)
{
    const eo_type *t = result_type(op, 0);
    if (!eo_type_is_index(t))
        return vec_cons_error(op, "result", 0, "index", t);
    return EO_OK;
}

/* attr-dict */
static void
print_vscale(eo_printer *p, eo_op *op)
{
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_vscale(eo_parser *p, eo_op_state *st)
{
    const eo_type *it = eo_type_get_index(st->ctx);
    if (!it)
        return EO_NOMEM;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, it);
}

static void
vscale_names(eo_op *op, void (*set)(void *ud, unsigned i, const char *name,
                                    size_t len), void *ud)
{
    (void)op;
    set(ud, 0, "vscale", 6);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define XFER_ATTRS EO_ATTRS("in_bounds", "permutation_map")

static const eo_op_def vector_ops[VECTOR_NUM_OPS] = {
    [VECTOR_LOAD] = {
        .name = "vector.load", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_MEM_READ, .opt_attrs = EO_ATTRS("nontemporal"),
        .verify = verify_load, .fold = fold_memref_op, .print = print_load,
        .parse = parse_load },
    [VECTOR_STORE] = {
        .name = "vector.store", .operands = EO_VARIADIC, .results = 0,
        .traits = EO_MEM_WRITE, .opt_attrs = EO_ATTRS("nontemporal"),
        .verify = verify_store, .fold = fold_memref_op,
        .print = print_store, .parse = parse_store },
    [VECTOR_MASKEDLOAD] = {
        .name = "vector.maskedload", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_MEM_READ, .verify = verify_maskedload,
        .fold = fold_memref_op, .print = print_masked,
        .parse = parse_masked },
    [VECTOR_MASKEDSTORE] = {
        .name = "vector.maskedstore", .operands = EO_VARIADIC, .results = 0,
        .traits = EO_MEM_WRITE, .verify = verify_maskedstore,
        .fold = fold_memref_op, .print = print_masked,
        .parse = parse_masked },
    [VECTOR_TRANSFER_READ] = {
        .name = "vector.transfer_read", .operands = EO_VARIADIC,
        .results = 1, .traits = EO_MEM_READ | EO_ATTR_SIZED_OPERANDS,
        .attrs = XFER_ATTRS, .verify = vec_verify_transfer_read,
        .fold = vec_fold_transfer_read,
        .print = vec_print_transfer_read,
        .parse = vec_parse_transfer_read },
    [VECTOR_TRANSFER_WRITE] = {
        .name = "vector.transfer_write", .operands = EO_VARIADIC,
        .results = EO_VARIADIC,
        .traits = EO_MEM_WRITE | EO_ATTR_SIZED_OPERANDS,
        .attrs = XFER_ATTRS, .verify = vec_verify_transfer_write,
        .fold = vec_fold_transfer_write,
        .print = vec_print_transfer_write,
        .parse = vec_parse_transfer_write },
    [VECTOR_BROADCAST] = {
        .name = "vector.broadcast", .operands = 1, .results = 1,
        .traits = EO_PURE, .verify = verify_broadcast,
        .fold = fold_broadcast, .canonicalize = vec_broadcast_canon,
        .print = print_cast_like, .parse = parse_cast_like },
    [VECTOR_SPLAT] = {
        .name = "vector.splat", .operands = 1, .results = 1,
        .traits = EO_PURE, .verify = verify_splat, .fold = fold_splat,
        .print = print_splat, .parse = parse_splat },
    [VECTOR_FMA] = {
        .name = "vector.fma", .operands = 3, .results = 1,
        .traits = EO_PURE | EO_ELEMENTWISE, .verify = verify_fma,
        .print = print_fma, .parse = parse_fma },
    [VECTOR_REDUCTION] = {
        .name = "vector.reduction", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("kind"),
        .opt_attrs = EO_ATTRS("fastmath"), .populate = populate_reduction,
        .verify = verify_reduction, .print = print_reduction,
        .parse = parse_reduction },
    [VECTOR_CONTRACT] = {
        .name = "vector.contract", .operands = 3, .results = 1,
        .traits = EO_PURE,
        .attrs = EO_ATTRS("indexing_maps", "iterator_types"),
        .opt_attrs = EO_ATTRS("kind"), .populate = vec_populate_contract,
        .verify = vec_verify_contract, .print = vec_print_contract,
        .parse = vec_parse_contract },
    [VECTOR_EXTRACT] = {
        .name = "vector.extract", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("static_position"),
        .verify = verify_extract, .fold = fold_extract,
        .canonicalize = vec_extract_canon, .print = print_extract,
        .parse = parse_extract },
    [VECTOR_INSERT] = {
        .name = "vector.insert", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("static_position"),
        .verify = verify_insert, .fold = fold_insert,
        .print = print_insert, .parse = parse_insert },
    [VECTOR_EXTRACTELEMENT] = {
        .name = "vector.extractelement", .operands = EO_VARIADIC,
        .results = 1, .traits = EO_PURE, .verify = verify_extractelement,
        .fold = fold_extractelement, .print = print_extractelement,
        .parse = parse_extractelement },
    [VECTOR_INSERTELEMENT] = {
        .name = "vector.insertelement", .operands = EO_VARIADIC,
        .results = 1, .traits = EO_PURE, .verify = verify_insertelement,
        .print = print_insertelement, .parse = parse_insertelement },
    [VECTOR_SHAPE_CAST] = {
        .name = "vector.shape_cast", .operands = 1, .results = 1,
        .traits = EO_PURE, .verify = verify_shape_cast,
        .fold = fold_shape_cast, .print = print_cast_like,
        .parse = parse_cast_like },
    [VECTOR_CONSTANT_MASK] = {
        .name = "vector.constant_mask", .operands = 0, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("mask_dim_sizes"),
        .verify = verify_constant_mask, .print = print_constant_mask,
        .parse = parse_constant_mask },
    [VECTOR_CREATE_MASK] = {
        .name = "vector.create_mask", .operands = EO_VARIADIC, .results = 1,
        .traits = EO_PURE, .verify = verify_create_mask,
        .canonicalize = vec_create_mask_canon, .print = print_create_mask,
        .parse = parse_create_mask },
    [VECTOR_TRANSPOSE] = {
        .name = "vector.transpose", .operands = 1, .results = 1,
        .traits = EO_PURE, .attrs = EO_ATTRS("permutation"),
        .verify = verify_transpose, .fold = fold_transpose,
        .print = print_transpose, .parse = parse_transpose },
    [VECTOR_BITCAST] = {
        .name = "vector.bitcast", .operands = 1, .results = 1,
        .traits = EO_PURE, .verify = verify_bitcast, .fold = fold_bitcast,
        .print = print_cast_like, .parse = parse_cast_like },
    [VECTOR_VSCALE] = {
        .name = "vector.vscale", .operands = 0, .results = 1,
        .traits = EO_PURE, .verify = verify_vscale, .print = print_vscale,
        .parse = parse_vscale, .result_names = vscale_names },
};

static enum vector_op
def_index(const eo_op_def *def)
{
    if (!def || def < vector_ops || def >= vector_ops + VECTOR_NUM_OPS)
        return VECTOR_NUM_OPS;
    return (enum vector_op)(def - vector_ops);
}

const eo_op_def *
vector_op_def(enum vector_op op)
{
    return (unsigned)op < VECTOR_NUM_OPS ? &vector_ops[op] : NULL;
}

enum vector_op
vector_op_kind(const eo_op *op)
{
    return def_index(eo_op_get_def(op));
}

static const eo_dialect_desc vector_desc = {
    .name = "vector",
    .ops = vector_ops,
    .num_ops = VECTOR_NUM_OPS,
    .parse_attr = parse_dialect_attr,
    .print_attr = print_dialect_attr,
    .materialize_constant = materialize_constant,
};

eo_status
vector_register(eo_ctx *ctx)
{
    return eo_dialect_register_desc(ctx, &vector_desc);
}

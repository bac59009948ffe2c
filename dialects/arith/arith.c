/* dialects/arith/arith.c - the arith dialect: the op table (rows in
 * arith_ops.def), the #arith.fastmath / #arith.overflow attributes, and
 * the verify/print/parse hooks shared by each class of ops. Start at
 * arith_ops[] near the end. Spellings and diagnostics follow MLIR 19.
 */
#include "dialects/arith/arith.h"
#include "dialects/arith/arith_internal.h"

#include <string.h>

/* What the hooks of a row do; each op of a class has the same operand
 * constraints and custom syntax. */
enum arith_class {
    CL_CONSTANT,      /* attr-dict $value */
    CL_INT,           /* %a, %b attr-dict : T (signless-integer-like) */
    CL_INT_OVF,       /* ... overflow<flags> ... */
    CL_FLOAT,         /* %a[, %b] fastmath<flags> attr-dict : T */
    CL_ADD_EXT,       /* %a, %b attr-dict : T, T1 */
    CL_MUL_EXT,       /* %a, %b attr-dict : T */
    CL_CMPI,          /* pred, %a, %b attr-dict : T */
    CL_CMPF,          /* pred, %a, %b fastmath<> attr-dict : T */
    CL_SELECT,        /* %c, %a, %b attr-dict : [C, ]T */
    CL_EXT_INT,       /* %x attr-dict : T to U, and the casts below */
    CL_TRUNC_INT,
    CL_EXT_F,         /* %x [fastmath<>] ... */
    CL_TRUNC_F,       /* %x [roundingmode] [fastmath<>] ... */
    CL_I2F,
    CL_F2I,
    CL_INDEX_CAST,
    CL_BITCAST
};

static const unsigned char op_class[ARITH_NUM_OPS] = {
#define ARITH_OP(e, name, cl, nops, nres, traits) [ARITH_##e] = cl,
#include "dialects/arith/arith_ops.def"
#undef ARITH_OP
};

/* ------------------------------------------------------------------ */
/* Flag and enum spellings                                             */
/* ------------------------------------------------------------------ */

static const char *const fastmath_names[] = {
    "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"
};
static const char *const overflow_names[] = { "nsw", "nuw" };
static const char *const cmpi_names[ARITH_CMPI_NUM] = {
    "eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"
};
static const char *const cmpf_names[ARITH_CMPF_NUM] = {
    "false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord",
    "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "true"
};
static const char *const rounding_names[ARITH_ROUND_NUM] = {
    "to_nearest_even", "downward", "upward", "toward_zero",
    "to_nearest_away"
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *
arith_cmpi_pred_name(int64_t pred)
{
    return pred >= 0 && pred < ARITH_CMPI_NUM ? cmpi_names[pred] : NULL;
}

const char *
arith_cmpf_pred_name(int64_t pred)
{
    return pred >= 0 && pred < ARITH_CMPF_NUM ? cmpf_names[pred] : NULL;
}

/* "<fast>", "<nnan,ninf>", "<none>": MLIR's bit-enum spelling. */
static void
print_fastmath_body(eo_printer *p, unsigned flags)
{
    eo_print_str(p, "<");
    if (flags == ARITH_FM_NONE) {
        eo_print_str(p, "none");
    } else if (flags == ARITH_FM_FAST) {
        eo_print_str(p, "fast");
    } else {
        bool first = true;
        for (size_t i = 0; i < COUNT(fastmath_names); i++) {
            if (!(flags & (1u << i)))
                continue;
            if (!first)
                eo_print_str(p, ",");
            eo_print_str(p, fastmath_names[i]);
            first = false;
        }
    }
    eo_print_str(p, ">");
}

/* "<nsw, nuw>", "<none>". */
static void
print_overflow_body(eo_printer *p, unsigned flags)
{
    eo_print_str(p, "<");
    if (flags == ARITH_OVF_NONE) {
        eo_print_str(p, "none");
    } else {
        bool first = true;
        for (size_t i = 0; i < COUNT(overflow_names); i++) {
            if (!(flags & (1u << i)))
                continue;
            if (!first)
                eo_print_str(p, ", ");
            eo_print_str(p, overflow_names[i]);
            first = false;
        }
    }
    eo_print_str(p, ">");
}

/* How MLIR names a flag enum in its parse errors. */
typedef struct flag_enum {
    const char *cpp_name;     /* "::mlir::arith::FastMathFlags" */
    const char *attr_name;    /* "Arith_FastMathAttr" */
    const char *cases;        /* "none, reassoc, ..." */
    const char *const *names; /* single bits, in bit order */
    size_t n;
    const char *all_name;     /* every bit, or NULL */
} flag_enum;

static const flag_enum fastmath_enum = {
    "::mlir::arith::FastMathFlags", "Arith_FastMathAttr",
    "none, reassoc, nnan, ninf, nsz, arcp, contract, afn, fast",
    fastmath_names, COUNT(fastmath_names), "fast"
};
static const flag_enum overflow_enum = {
    "::mlir::arith::IntegerOverflowFlags", "Arith_IntegerOverflowAttr",
    "none, nsw, nuw", overflow_names, COUNT(overflow_names), NULL
};

/* Parses "<kw, kw, ...>" of a bit enum: "none" is 0, e->all_name every
 * bit. 'op' names the op whose custom form is parsed (NULL inside an
 * attribute): MLIR prefixes its errors with "custom op '<op>' ". */
static eo_status
parse_flags_body(eo_parser *p, const char *op, const flag_enum *e,
                 unsigned *out)
{
    unsigned flags = 0;
    const char *pre = op ? "custom op '" : "";
    const char *post = op ? "' " : "";
    if (!op)
        op = "";
    if (eo_parse_punct(p, "<") != EO_OK)
        return EO_ERROR;
    do {
        size_t i;
        if (eo_parse_optional_keyword(p, "none"))
            continue;
        if (e->all_name && eo_parse_optional_keyword(p, e->all_name)) {
            flags |= (1u << e->n) - 1;
            continue;
        }
        for (i = 0; i < e->n; i++) {
            if (eo_parse_optional_keyword(p, e->names[i])) {
                flags |= 1u << i;
                break;
            }
        }
        if (i < e->n)
            continue;
        /* MLIR reports the bad keyword, then the parameter after it. */
        eo_parser_error(p, "%s%s%sexpected %s to be one of: %s", pre, op,
                        post, e->cpp_name, e->cases);
        const eo_ident *skip;
        if (eo_parser_at_operand(p) || eo_parse_keyword(p, &skip) != EO_OK)
            return EO_ERROR;
        return eo_emit_error(eo_parser_ctx(p), eo_parser_loc(p),
                             "%s%s%sfailed to parse %s parameter 'value' "
                             "which is to be a `%s`", pre, op, post,
                             e->attr_name, e->cpp_name);
    } while (eo_parse_optional_punct(p, ","));
    if (eo_parse_punct(p, ">") != EO_OK)
        return EO_ERROR;
    *out = flags;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Dialect attributes                                                  */
/* ------------------------------------------------------------------ */

static const eo_attr *
flags_attr(eo_ctx *ctx, const char *mnemonic, unsigned flags, unsigned all)
{
    if (flags & ~all)
        return NULL;
    const eo_type *i32 = eo_type_get_int(ctx, 32);
    const eo_ident *dialect = eo_ident_cstr(ctx, "arith");
    const eo_ident *mn = eo_ident_cstr(ctx, mnemonic);
    if (!i32 || !dialect || !mn)
        return NULL;
    const eo_attr *param = eo_attr_get_int(ctx, i32, (int64_t)flags);
    if (!param)
        return NULL;
    return eo_attr_get_dialect(ctx, dialect, mn, 1, &param);
}

const eo_attr *
arith_fastmath_attr(eo_ctx *ctx, unsigned flags)
{
    return flags_attr(ctx, "fastmath", flags, ARITH_FM_FAST);
}

const eo_attr *
arith_overflow_attr(eo_ctx *ctx, unsigned flags)
{
    return flags_attr(ctx, "overflow", flags,
                      ARITH_OVF_NSW | ARITH_OVF_NUW);
}

static bool
get_flags(const eo_attr *a, const char *mnemonic, unsigned *flags)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DIALECT)
        return false;
    if (strcmp(eo_ident_str(eo_attr_dialect_name(a)), "arith") != 0 ||
        strcmp(eo_ident_str(eo_attr_mnemonic(a)), mnemonic) != 0 ||
        eo_attr_num_params(a) != 1)
        return false;
    const eo_attr *param = eo_attr_param(a, 0);
    if (eo_attr_get_kind(param) != EO_ATTR_INTEGER)
        return false;
    *flags = (unsigned)eo_attr_int_uvalue(param);
    return true;
}

bool
arith_fastmath_flags(const eo_attr *a, unsigned *flags)
{
    return get_flags(a, "fastmath", flags);
}

bool
arith_overflow_flags(const eo_attr *a, unsigned *flags)
{
    return get_flags(a, "overflow", flags);
}

/* Called after "#arith."; the mnemonic is next. */
static const eo_attr *
parse_dialect_attr(eo_parser *p, const eo_type *type)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_ident *mn;
    unsigned flags;
    const eo_attr *a;
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "fastmath") == 0) {
        if (parse_flags_body(p, NULL, &fastmath_enum, &flags) != EO_OK)
            return NULL;
        a = arith_fastmath_attr(ctx, flags);
    } else if (strcmp(eo_ident_str(mn), "overflow") == 0) {
        if (parse_flags_body(p, NULL, &overflow_enum, &flags) != EO_OK)
            return NULL;
        a = arith_overflow_attr(ctx, flags);
    } else {
        eo_parser_error(p, "unknown attribute `%s` in dialect `arith`",
                        eo_ident_str(mn));
        return NULL;
    }
    if (!a)
        eo_parser_error(p, "out of memory");
    return a;
}

/* Prints what follows "#arith.". */
static void
print_dialect_attr(eo_printer *p, const eo_attr *a)
{
    unsigned flags;
    if (arith_fastmath_flags(a, &flags)) {
        eo_print_str(p, "fastmath");
        print_fastmath_body(p, flags);
    } else if (arith_overflow_flags(a, &flags)) {
        eo_print_str(p, "overflow");
        print_overflow_body(p, flags);
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
/* Type constraints                                                    */
/* ------------------------------------------------------------------ */

static bool
is_value_container(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    return k == EO_TYPE_VECTOR || k == EO_TYPE_TENSOR ||
           k == EO_TYPE_UNRANKED_TENSOR;
}

static bool
is_memref(const eo_type *t)
{
    eo_type_kind k = eo_type_get_kind(t);
    return k == EO_TYPE_MEMREF || k == EO_TYPE_UNRANKED_MEMREF;
}

/* Element type of a vector/tensor, else t itself. */
static const eo_type *
scalar_of(const eo_type *t)
{
    return is_value_container(t) ? eo_type_elem(t) : t;
}

static bool
is_signless(const eo_type *t)
{
    return eo_type_is_int(t) && eo_type_int_signedness(t) == EO_SIGNLESS;
}

enum cons {
    C_INT_LIKE,       /* signless int or index, or a container of them */
    C_FIXED_INT_LIKE, /* signless int (no index) ... */
    C_FLOAT_LIKE,
    C_BOOL_LIKE,
    C_INDEX_CAST,     /* int-like, or memref of signless int / index */
    C_BITCAST         /* signless int or float (-like, or memref of) */
};

static const char *const cons_text[] = {
    [C_INT_LIKE] = "signless-integer-like",
    [C_FIXED_INT_LIKE] = "signless-fixed-width-integer-like",
    [C_FLOAT_LIKE] = "floating-point-like",
    [C_BOOL_LIKE] = "bool-like",
    [C_INDEX_CAST] = "signless-integer-like or memref of signless-integer",
    [C_BITCAST] = ("signless-integer-or-float-like or memref of "
                   "signless-integer or float"),
};

static bool
satisfies(const eo_type *t, enum cons c)
{
    const eo_type *s = scalar_of(t);
    switch (c) {
    case C_INT_LIKE:
        return is_signless(s) || eo_type_is_index(s);
    case C_FIXED_INT_LIKE:
        return is_signless(s);
    case C_FLOAT_LIKE:
        return eo_type_is_float(s);
    case C_BOOL_LIKE:
        return eo_type_is_signless_int(s, 1);
    case C_INDEX_CAST:
        if (is_memref(t))
            s = eo_type_elem(t);
        return is_signless(s) || eo_type_is_index(s);
    case C_BITCAST:
        if (is_memref(t))
            s = eo_type_elem(t);
        return is_signless(s) || eo_type_is_index(s) || eo_type_is_float(s);
    }
    return false;
}

/* "'op' op operand #0 must be X, but got 'T'" */
static eo_status
cons_error(eo_op *op, const char *what, size_t i, enum cons c,
           const eo_type *t)
{
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    eo_status st = eo_op_error(op, "%s #%zu must be %s, but got '%.*s'", what,
                               i, cons_text[c], (int)b.len,
                               b.data ? b.data : "");
    eo_strbuf_free(&b);
    return st;
}

static eo_status
check_operand(eo_op *op, size_t i, enum cons c)
{
    const eo_type *t = eo_value_type(eo_op_operand(op, i));
    return satisfies(t, c) ? EO_OK : cons_error(op, "operand", i, c, t);
}

static eo_status
check_result(eo_op *op, size_t i, enum cons c)
{
    const eo_type *t = eo_value_type(eo_op_result(op, i));
    return satisfies(t, c) ? EO_OK : cons_error(op, "result", i, c, t);
}

static eo_status
check_operands(eo_op *op, enum cons c)
{
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (check_operand(op, i, c) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

/* MLIR's verifyCompatibleShape: non-shaped pairs match, a shaped type
 * never matches a non-shaped one, unranked matches any rank, '?'
 * matches any size. */
static bool
shapes_compatible(const eo_type *a, const eo_type *b)
{
    bool sa = eo_type_is_shaped(a) ||
              eo_type_get_kind(a) == EO_TYPE_UNRANKED_TENSOR ||
              eo_type_get_kind(a) == EO_TYPE_UNRANKED_MEMREF;
    bool sb = eo_type_is_shaped(b) ||
              eo_type_get_kind(b) == EO_TYPE_UNRANKED_TENSOR ||
              eo_type_get_kind(b) == EO_TYPE_UNRANKED_MEMREF;
    if (!sa && !sb)
        return true;
    if (!sa || !sb)
        return false;
    if (!eo_type_has_rank(a) || !eo_type_has_rank(b))
        return true;
    if (eo_type_rank(a) != eo_type_rank(b))
        return false;
    for (size_t i = 0; i < eo_type_rank(a); i++) {
        int64_t da = eo_type_dim(a, i), db = eo_type_dim(b, i);
        if (da != EO_DYNAMIC && db != EO_DYNAMIC && da != db)
            return false;
    }
    return true;
}

/* MLIR's SameOperandsAndResultType: equal element types, compatible
 * shapes. */
static bool
types_compatible(const eo_type *a, const eo_type *b)
{
    if (a == b)
        return true;
    return eo_type_elem_or_self(a) == eo_type_elem_or_self(b) &&
           shapes_compatible(a, b);
}

static eo_status
check_same_types(eo_op *op)
{
    const eo_type *t0 = eo_value_type(eo_op_result(op, 0));
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (!types_compatible(eo_value_type(eo_op_operand(op, i)), t0))
            return eo_op_error(op, "requires the same type for all operands "
                                   "and results");
    return EO_OK;
}

/* MLIR's Elementwise trait on vectors/tensors. */
static eo_status
check_elementwise(eo_op *op)
{
    const eo_type *first = NULL;
    bool res_mappable = false, all_res_mappable = true;
    size_t nres = eo_op_num_results(op), nops = eo_op_num_operands(op);
    for (size_t i = 0; i < nres; i++) {
        bool m = is_value_container(eo_value_type(eo_op_result(op, i)));
        res_mappable |= m;
        all_res_mappable &= m;
    }
    if (!res_mappable) {
        for (size_t i = 0; i < nops; i++)
            if (is_value_container(eo_value_type(eo_op_operand(op, i))))
                return eo_op_error(op, "if an operand is non-scalar, then "
                                       "there must be at least one "
                                       "non-scalar result");
        return EO_OK;
    }
    if (!all_res_mappable)
        return eo_op_error(op, "if a result is non-scalar, then all results "
                               "must be non-scalar");
    for (size_t i = 0; i < nres + nops; i++) {
        const eo_type *t = i < nres
                               ? eo_value_type(eo_op_result(op, i))
                               : eo_value_type(eo_op_operand(op, i - nres));
        if (!is_value_container(t))
            continue;
        if (!first) {
            first = t;
            continue;
        }
        if (eo_type_get_kind(t) != eo_type_get_kind(first) ||
            !shapes_compatible(t, first))
            return eo_op_error(op, "all non-scalar operands/results must "
                                   "have the same shape and base type");
    }
    return EO_OK;
}

/* The i1 type shaped like 't' (MLIR's getI1SameShape). */
static const eo_type *
i1_same_shape(eo_ctx *ctx, const eo_type *t)
{
    const eo_type *i1 = eo_type_get_int(ctx, 1);
    if (!i1)
        return NULL;
    switch (eo_type_get_kind(t)) {
    case EO_TYPE_VECTOR: {
        size_t rank = eo_type_rank(t);
        bool scal[64];
        bool any = false;
        if (rank > 64)
            return NULL;
        for (size_t i = 0; i < rank; i++) {
            scal[i] = eo_type_dim_is_scalable(t, i);
            any |= scal[i];
        }
        return eo_type_get_vector(ctx, rank, eo_type_shape(t),
                                  any ? scal : NULL, i1);
    }
    case EO_TYPE_TENSOR:
        return eo_type_get_tensor(ctx, eo_type_rank(t), eo_type_shape(t), i1,
                                  eo_type_encoding(t));
    case EO_TYPE_UNRANKED_TENSOR:
        return eo_type_get_unranked_tensor(ctx, i1);
    default:
        return i1;
    }
}

/* ------------------------------------------------------------------ */
/* Attribute checks                                                    */
/* ------------------------------------------------------------------ */

/* The flags property 'name', if present, must be an #arith.<mnemonic>
 * (populate_op gives the ops that always carry one their default). */
static eo_status
check_flags_prop(eo_op *op, const char *name, const char *mnemonic,
                 const char *cons)
{
    const eo_attr *a = eo_op_attr(op, name);
    unsigned flags;
    if (!a)
        return EO_OK;
    if (!get_flags(a, mnemonic, &flags))
        return eo_op_error(op, "attribute '%s' failed to satisfy "
                               "constraint: %s", name, cons);
    return EO_OK;
}

#define FASTMATH_CONS "Floating point fast math flags"
#define OVERFLOW_CONS "Integer overflow arith flags"

/* An i64 (or i32) integer enum property in [0, n). */
static eo_status
check_enum_prop(eo_op *op, const char *name, unsigned width, int64_t n,
                const char *cons)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a)
        return EO_OK;   /* required ones are checked generically */
    if (eo_attr_get_kind(a) == EO_ATTR_INTEGER &&
        eo_type_is_signless_int(eo_attr_type(a), width)) {
        int64_t v = eo_attr_int_value(a);
        if (v >= 0 && v < n)
            return EO_OK;
    }
    if (width == 64) {
        char buf[128];
        size_t len = 0;
        for (int64_t i = 0; i < n && len < sizeof buf - 8; i++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%lld",
                                    i ? ", " : "", (long long)i);
        return eo_op_error(op, "attribute '%s' failed to satisfy constraint: "
                               "allowed 64-bit signless integer cases: %s",
                           name, buf);
    }
    return eo_op_error(op, "attribute '%s' failed to satisfy constraint: %s",
                       name, cons);
}

/* ------------------------------------------------------------------ */
/* Verifiers                                                           */
/* ------------------------------------------------------------------ */

static enum arith_op
def_index(const eo_op_def *def);

static eo_status
verify_constant(eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "value");
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    if (!v)
        return EO_OK;   /* "requires attribute 'value'" is generic */
    eo_attr_kind k = eo_attr_get_kind(v);
    const eo_type *vt = eo_attr_type(v);
    if (!vt && k == EO_ATTR_STRING)
        vt = eo_type_get_none(eo_op_ctx(op));
    if (!vt)
        return eo_op_error(op, "attribute 'value' failed to satisfy "
                               "constraint: TypedAttr instance");
    if (vt != rt)
        return eo_op_error(op, "failed to verify that all of {value, result} "
                               "have same type");
    if (eo_type_is_int(rt) && eo_type_int_signedness(rt) != EO_SIGNLESS)
        return eo_op_error(op, "integer return type must be signless");
    if (k != EO_ATTR_INTEGER && k != EO_ATTR_FLOAT && k != EO_ATTR_DENSE &&
        k != EO_ATTR_DENSE_RESOURCE)
        return eo_op_error(op, "value must be an integer, float, or elements "
                               "attribute");
    if (eo_type_get_kind(rt) == EO_TYPE_VECTOR && k != EO_ATTR_DENSE_RESOURCE &&
        !(k == EO_ATTR_DENSE && eo_attr_dense_is_splat(v))) {
        for (size_t i = 0; i < eo_type_rank(rt); i++)
            if (eo_type_dim_is_scalable(rt, i))
                return eo_op_error(op, "intializing scalable vectors with "
                                       "elements attribute is not supported "
                                       "unless it's a vector splat");
    }
    return EO_OK;
}

static eo_status
verify_binary(eo_op *op, enum arith_class cl)
{
    enum cons c = cl == CL_FLOAT ? C_FLOAT_LIKE : C_INT_LIKE;
    eo_status st = EO_OK;
    if (cl == CL_INT_OVF)
        st = check_flags_prop(op, "overflowFlags", "overflow", OVERFLOW_CONS);
    else if (cl == CL_FLOAT)
        st = check_flags_prop(op, "fastmath", "fastmath", FASTMATH_CONS);
    if (st != EO_OK)
        return st;
    if (check_operands(op, c) != EO_OK || check_result(op, 0, c) != EO_OK)
        return EO_ERROR;
    if (check_same_types(op) != EO_OK)
        return EO_ERROR;
    return check_elementwise(op);
}

static eo_status
verify_extended(eo_op *op, enum arith_class cl)
{
    if (check_operands(op, C_INT_LIKE) != EO_OK ||
        check_result(op, 0, C_INT_LIKE) != EO_OK ||
        check_result(op, 1, cl == CL_ADD_EXT ? C_BOOL_LIKE : C_INT_LIKE) !=
            EO_OK)
        return EO_ERROR;
    const eo_type *a = eo_value_type(eo_op_operand(op, 0));
    const eo_type *b = eo_value_type(eo_op_operand(op, 1));
    const eo_type *r0 = eo_value_type(eo_op_result(op, 0));
    const eo_type *r1 = eo_value_type(eo_op_result(op, 1));
    if (cl == CL_ADD_EXT) {
        if (a != b || a != r0)
            return eo_op_error(op, "failed to verify that all of {lhs, rhs, "
                                   "sum} have same type");
        if (r1 != i1_same_shape(eo_op_ctx(op), r0))
            return eo_op_error(op, "failed to verify that overflow type "
                                   "has i1 element type and same shape as "
                                   "sum");
    } else if (a != b || a != r0 || a != r1) {
        return eo_op_error(op, "failed to verify that all of {lhs, rhs, low, "
                               "high} have same type");
    }
    return check_elementwise(op);
}

static eo_status
verify_cmp(eo_op *op, enum arith_class cl)
{
    enum cons c = cl == CL_CMPI ? C_INT_LIKE : C_FLOAT_LIKE;
    int64_t n = cl == CL_CMPI ? ARITH_CMPI_NUM : ARITH_CMPF_NUM;
    if (check_enum_prop(op, "predicate", 64, n, NULL) != EO_OK)
        return EO_ERROR;
    if (cl == CL_CMPF) {
        eo_status st = check_flags_prop(op, "fastmath", "fastmath",
                                        FASTMATH_CONS);
        if (st != EO_OK)
            return st;
    }
    if (check_operands(op, c) != EO_OK ||
        check_result(op, 0, C_BOOL_LIKE) != EO_OK)
        return EO_ERROR;
    const eo_type *a = eo_value_type(eo_op_operand(op, 0));
    if (!types_compatible(a, eo_value_type(eo_op_operand(op, 1))))
        return eo_op_error(op, "requires all operands to have the same type");
    if (eo_value_type(eo_op_result(op, 0)) != i1_same_shape(eo_op_ctx(op), a))
        return eo_op_error(op, "failed to verify that result type has i1 "
                               "element type and same shape as operands");
    return check_elementwise(op);
}

static eo_status
verify_select(eo_op *op)
{
    if (check_operand(op, 0, C_BOOL_LIKE) != EO_OK)
        return EO_ERROR;
    const eo_type *c = eo_value_type(eo_op_operand(op, 0));
    const eo_type *t = eo_value_type(eo_op_operand(op, 1));
    if (t != eo_value_type(eo_op_operand(op, 2)) ||
        t != eo_value_type(eo_op_result(op, 0)))
        return eo_op_error(op, "failed to verify that all of {true_value, "
                               "false_value, result} have same type");
    if (!eo_type_is_signless_int(c, 1) && c != i1_same_shape(eo_op_ctx(op), t))
        return eo_op_error(op, "failed to verify that condition is signless "
                               "i1 or has matching shape");
    return EO_OK;
}

/* Bit width of the (memref/vector/tensor) element of a cast type. */
static unsigned
elem_width(const eo_type *t)
{
    const eo_type *s = is_memref(t) ? eo_type_elem(t) : scalar_of(t);
    if (eo_type_is_float(s))
        return eo_type_float_width(s);
    if (eo_type_is_int(s))
        return eo_type_int_width(s);
    return 0;
}

static eo_status
verify_cast(eo_op *op, enum arith_class cl)
{
    enum cons in, out;
    switch (cl) {
    case CL_EXT_INT:
    case CL_TRUNC_INT: in = out = C_FIXED_INT_LIKE; break;
    case CL_EXT_F:
    case CL_TRUNC_F: in = out = C_FLOAT_LIKE; break;
    case CL_I2F: in = C_FIXED_INT_LIKE; out = C_FLOAT_LIKE; break;
    case CL_F2I: in = C_FLOAT_LIKE; out = C_FIXED_INT_LIKE; break;
    case CL_INDEX_CAST: in = out = C_INDEX_CAST; break;
    default: in = out = C_BITCAST; break;
    }
    if (cl == CL_TRUNC_F &&
        check_enum_prop(op, "roundingmode", 32, ARITH_ROUND_NUM,
                        "Floating point rounding mode") != EO_OK)
        return EO_ERROR;
    if ((cl == CL_EXT_F || cl == CL_TRUNC_F) &&
        check_flags_prop(op, "fastmath", "fastmath", FASTMATH_CONS) !=
            EO_OK)
        return EO_ERROR;
    if (check_operand(op, 0, in) != EO_OK || check_result(op, 0, out) != EO_OK)
        return EO_ERROR;
    const eo_type *a = eo_value_type(eo_op_operand(op, 0));
    const eo_type *r = eo_value_type(eo_op_result(op, 0));
    if (!shapes_compatible(a, r))
        return eo_op_error(op, "requires the same shape for all operands and "
                               "results");
    if (check_elementwise(op) != EO_OK)
        return EO_ERROR;
    bool ta = eo_type_get_kind(a) == EO_TYPE_TENSOR ||
              eo_type_get_kind(a) == EO_TYPE_UNRANKED_TENSOR;
    bool tr = eo_type_get_kind(r) == EO_TYPE_TENSOR ||
              eo_type_get_kind(r) == EO_TYPE_UNRANKED_TENSOR;
    if ((ta || tr) &&
        (eo_type_get_kind(a) != eo_type_get_kind(r) ||
         (eo_type_has_rank(a) &&
          (eo_type_rank(a) != eo_type_rank(r) ||
           memcmp(eo_type_shape(a), eo_type_shape(r),
                  eo_type_rank(a) * sizeof(int64_t)) != 0))))
        return eo_op_error(op, "failed to verify that input and output have "
                               "the same tensor dimensions");
    if (is_memref(a) != is_memref(r))
        return eo_op_error(op, "requires the same shape for all operands and "
                               "results");

    const eo_type *sa = is_memref(a) ? eo_type_elem(a) : scalar_of(a);
    const eo_type *sr = is_memref(r) ? eo_type_elem(r) : scalar_of(r);
    unsigned wa = elem_width(a), wr = elem_width(r);
    bool ok;
    switch (cl) {
    case CL_EXT_INT:
    case CL_EXT_F: ok = wr > wa; break;
    case CL_TRUNC_INT:
    case CL_TRUNC_F: ok = wr < wa; break;
    case CL_INDEX_CAST:
        ok = (eo_type_is_index(sa) && is_signless(sr)) ||
             (is_signless(sa) && eo_type_is_index(sr));
        break;
    case CL_BITCAST:
        /* index has no fixed width: it only casts to itself */
        ok = eo_type_is_index(sa) || eo_type_is_index(sr) ? sa == sr
                                                           : wa == wr;
        break;
    default: ok = true; break;
    }
    if (!ok) {
        eo_strbuf b = {0};
        eo_type_print(a, &b);
        size_t split = b.len;
        eo_type_print(r, &b);
        eo_status st = eo_op_error(
            op, "operand type '%.*s' and result type '%.*s' are cast "
                "incompatible",
            (int)split, b.data ? b.data : "", (int)(b.len - split),
            b.data ? b.data + split : "");
        eo_strbuf_free(&b);
        return st;
    }
    return EO_OK;
}

/* MLIR 19 keeps overflowFlags / fastmath default-valued on the ops that
 * have them, so the generic form always shows them: ops built from the
 * generic form or in C get "none" here when they lack one. */
static eo_status
populate_op(eo_op_state *st)
{
    enum arith_op k = def_index(st->def);
    if (EO_NEVER(k == ARITH_NUM_OPS))
        return EO_ERROR;
    enum arith_class cl = op_class[k];
    const char *name = cl == CL_INT_OVF ? "overflowFlags"
                       : cl == CL_FLOAT || cl == CL_CMPF ? "fastmath"
                                                         : NULL;
    if (!name)
        return EO_OK;
    for (size_t i = 0; i < st->num_attrs; i++)
        if (strcmp(eo_ident_str(st->attrs[i].name), name) == 0)
            return EO_OK;
    for (size_t i = 0; i < st->num_props; i++)
        if (strcmp(eo_ident_str(st->props[i].name), name) == 0)
            return EO_OK;
    const eo_attr *a = cl == CL_INT_OVF ? arith_overflow_attr(st->ctx, 0)
                                        : arith_fastmath_attr(st->ctx, 0);
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, name, a);
}

static eo_status
verify_op(eo_op *op)
{
    enum arith_op k = def_index(eo_op_get_def(op));
    if (EO_NEVER(k == ARITH_NUM_OPS))
        return EO_ERROR;    /* the hook is only in arith's rows */
    enum arith_class cl = op_class[k];
    switch (cl) {
    case CL_CONSTANT: return verify_constant(op);
    case CL_INT:
    case CL_INT_OVF:
    case CL_FLOAT: return verify_binary(op, cl);
    case CL_ADD_EXT:
    case CL_MUL_EXT: return verify_extended(op, cl);
    case CL_CMPI:
    case CL_CMPF: return verify_cmp(op, cl);
    case CL_SELECT: return verify_select(op);
    default: return verify_cast(op, cl);
    }
}

/* ------------------------------------------------------------------ */
/* Custom syntax: printing                                             */
/* ------------------------------------------------------------------ */

static const char *const elided_props[] = {
    "value", "overflowFlags", "fastmath", "predicate", "roundingmode", NULL
};

/* " fastmath<...>" if the property is present and (unless 'always')
 * not none. */
static void
print_fastmath_prop(eo_printer *p, const eo_op *op, bool always)
{
    unsigned flags;
    if (!arith_fastmath_flags(eo_op_attr(op, "fastmath"), &flags))
        return;
    if (flags == ARITH_FM_NONE && !always)
        return;
    eo_print_str(p, " fastmath");
    print_fastmath_body(p, flags);
}

/* An unverified op may lack a required attribute: MLIR's spelling. */
static void
print_attr_or_null(eo_printer *p, const eo_attr *a)
{
    if (a)
        eo_print_attr(p, a);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
}

static void
print_op(eo_printer *p, eo_op *op)
{
    enum arith_op k = def_index(eo_op_get_def(op));
    unsigned flags;
    if (EO_NEVER(k == ARITH_NUM_OPS))
        return;
    enum arith_class cl = op_class[k];
    const eo_attr *a;

    if (cl == CL_CONSTANT) {
        eo_print_attr_dict(p, op, elided_props);
        eo_print_str(p, " ");
        print_attr_or_null(p, eo_op_attr(op, "value"));
        return;
    }
    eo_print_str(p, " ");
    if (cl == CL_CMPI || cl == CL_CMPF) {
        a = eo_op_attr(op, "predicate");
        int64_t v = a && eo_attr_get_kind(a) == EO_ATTR_INTEGER
                        ? eo_attr_int_value(a)
                        : -1;
        const char *name = cl == CL_CMPI ? arith_cmpi_pred_name(v)
                                         : arith_cmpf_pred_name(v);
        eo_print_str(p, name ? name : "<<invalid predicate>>");
        eo_print_str(p, ", ");
    }
    eo_print_operands(p, op, 0, eo_op_num_operands(op));
    if (cl == CL_INT_OVF &&
        arith_overflow_flags(eo_op_attr(op, "overflowFlags"), &flags) &&
        flags != ARITH_OVF_NONE) {
        eo_print_str(p, " overflow");
        print_overflow_body(p, flags);
    }
    if (cl == CL_TRUNC_F) {
        a = eo_op_attr(op, "roundingmode");
        if (a && eo_attr_get_kind(a) == EO_ATTR_INTEGER &&
            eo_attr_int_value(a) >= 0 &&
            eo_attr_int_value(a) < ARITH_ROUND_NUM) {
            eo_print_str(p, " ");
            eo_print_str(p, rounding_names[eo_attr_int_value(a)]);
        }
    }
    if (cl == CL_FLOAT || cl == CL_CMPF)
        print_fastmath_prop(p, op, false);
    else if (cl == CL_EXT_F || cl == CL_TRUNC_F)
        print_fastmath_prop(p, op, true);
    eo_print_attr_dict(p, op, elided_props);
    eo_print_str(p, " : ");
    switch (cl) {
    case CL_CMPI:
    case CL_CMPF:
    case CL_MUL_EXT:
        eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
        break;
    case CL_ADD_EXT:
        eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
        eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_result(op, 1)));
        break;
    case CL_SELECT: {
        const eo_type *c = eo_value_type(eo_op_operand(op, 0));
        if (is_value_container(c) || eo_type_is_shaped(c)) {
            eo_print_type(p, c);
            eo_print_str(p, ", ");
        }
        eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
        break;
    }
    case CL_INT:
    case CL_INT_OVF:
    case CL_FLOAT:
        eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
        break;
    default:    /* casts */
        eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
        eo_print_str(p, " to ");
        eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Custom syntax: parsing                                              */
/* ------------------------------------------------------------------ */

static eo_status
set_attr(eo_parser *p, eo_op_state *st, const char *name, const eo_attr *a)
{
    if (!a)
        return eo_parser_error(p, "out of memory");
    return eo_op_state_set_attr(st, name, a);
}

/* "fastmath<...>" if present; 'dflt' stores none when absent. */
static eo_status
parse_fastmath_kw(eo_parser *p, eo_op_state *st, bool dflt)
{
    unsigned flags = 0;
    if (eo_parse_optional_keyword(p, "fastmath")) {
        if (parse_flags_body(p, eo_ident_str(st->name), &fastmath_enum,
                             &flags) != EO_OK)
            return EO_ERROR;
    } else if (!dflt) {
        return EO_OK;
    }
    return set_attr(p, st, "fastmath", arith_fastmath_attr(st->ctx, flags));
}

static eo_status
parse_pred(eo_parser *p, eo_op_state *st, const char *const *names,
           size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!eo_parser_at_keyword(p, names[i]))
            continue;
        const eo_type *i64 = eo_type_get_int(st->ctx, 64);
        if (!i64)
            return EO_NOMEM;
        if (eo_parse_expect_keyword(p, names[i]) != EO_OK ||
            set_attr(p, st, "predicate",
                     eo_attr_get_int(st->ctx, i64, (int64_t)i)) != EO_OK)
            return EO_ERROR;
        return eo_parse_punct(p, ",");
    }
    return eo_parser_error(p, "custom op '%s' expected string or keyword "
                              "containing one of the following enum values "
                              "for attribute 'predicate' [%s]",
                           eo_ident_str(st->name),
                           n == ARITH_CMPI_NUM
                               ? "eq, ne, slt, sle, sgt, sge, ult, ule, ugt, "
                                 "uge"
                               : "false, oeq, ogt, oge, olt, ole, one, ord, "
                                 "ueq, ugt, uge, ult, ule, une, uno, true");
}

static eo_status
parse_constant(eo_parser *p, eo_op_state *st)
{
    const eo_attr *v;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    if (eo_parse_attr(p, NULL, &v) != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_attr_type(v);
    if (!t && eo_attr_get_kind(v) == EO_ATTR_STRING)
        t = eo_type_get_none(st->ctx);
    if (!t)
        return eo_parser_error(p, "expected a typed attribute");
    if (set_attr(p, st, "value", v) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, t);
}

static eo_status
parse_op(eo_parser *p, eo_op_state *st)
{
    enum arith_op k = def_index(st->def);
    if (k == ARITH_NUM_OPS)
        return eo_parser_error(p, "not an arith op");
    enum arith_class cl = op_class[k];
    eo_ctx *ctx = st->ctx;
    eo_operand_ref ops[3];
    size_t nops = (size_t)st->def->operands;
    const eo_type *t0, *t1 = NULL;
    unsigned flags = 0;

    if (cl == CL_CONSTANT)
        return parse_constant(p, st);
    if (cl == CL_CMPI &&
        parse_pred(p, st, cmpi_names, ARITH_CMPI_NUM) != EO_OK)
        return EO_ERROR;
    if (cl == CL_CMPF &&
        parse_pred(p, st, cmpf_names, ARITH_CMPF_NUM) != EO_OK)
        return EO_ERROR;
    for (size_t i = 0; i < nops; i++) {
        if (i && eo_parse_punct(p, ",") != EO_OK)
            return EO_ERROR;
        if (eo_parse_operand(p, &ops[i]) != EO_OK)
            return EO_ERROR;
    }
    if (cl == CL_INT_OVF) {
        if (eo_parse_optional_keyword(p, "overflow") &&
            parse_flags_body(p, eo_ident_str(st->name), &overflow_enum,
                             &flags) != EO_OK)
            return EO_ERROR;
        if (set_attr(p, st, "overflowFlags",
                     arith_overflow_attr(ctx, flags)) != EO_OK)
            return EO_ERROR;
    }
    if (cl == CL_TRUNC_F) {
        for (int i = 0; i < ARITH_ROUND_NUM; i++) {
            if (!eo_parse_optional_keyword(p, rounding_names[i]))
                continue;
            const eo_type *i32 = eo_type_get_int(ctx, 32);
            if (!i32 || set_attr(p, st, "roundingmode",
                                 eo_attr_get_int(ctx, i32, i)) != EO_OK)
                return EO_ERROR;
            break;
        }
    }
    if ((cl == CL_FLOAT || cl == CL_CMPF) &&
        parse_fastmath_kw(p, st, true) != EO_OK)
        return EO_ERROR;
    if ((cl == CL_EXT_F || cl == CL_TRUNC_F) &&
        parse_fastmath_kw(p, st, false) != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    if (eo_parse_punct(p, ":") != EO_OK || eo_parse_type(p, &t0) != EO_OK)
        return EO_ERROR;

    switch (cl) {
    case CL_INT:
    case CL_INT_OVF:
    case CL_FLOAT:
    case CL_MUL_EXT:
        for (size_t i = 0; i < nops; i++)
            if (eo_parse_resolve_operand(p, &ops[i], t0, st) != EO_OK)
                return EO_ERROR;
        if (eo_op_state_add_result(st, t0) != EO_OK)
            return EO_NOMEM;
        if (cl == CL_MUL_EXT && eo_op_state_add_result(st, t0) != EO_OK)
            return EO_NOMEM;
        return EO_OK;
    case CL_ADD_EXT:
        if (eo_parse_punct(p, ",") != EO_OK || eo_parse_type(p, &t1) != EO_OK)
            return EO_ERROR;
        for (size_t i = 0; i < nops; i++)
            if (eo_parse_resolve_operand(p, &ops[i], t0, st) != EO_OK)
                return EO_ERROR;
        if (eo_op_state_add_result(st, t0) != EO_OK ||
            eo_op_state_add_result(st, t1) != EO_OK)
            return EO_NOMEM;
        return EO_OK;
    case CL_CMPI:
    case CL_CMPF:
        for (size_t i = 0; i < nops; i++)
            if (eo_parse_resolve_operand(p, &ops[i], t0, st) != EO_OK)
                return EO_ERROR;
        t1 = i1_same_shape(ctx, t0);
        if (!t1)
            return eo_parser_error(p, "out of memory");
        return eo_op_state_add_result(st, t1);
    case CL_SELECT: {
        const eo_type *cond = eo_type_get_int(ctx, 1);
        if (eo_parse_optional_punct(p, ",")) {
            cond = t0;
            if (eo_parse_type(p, &t0) != EO_OK)
                return EO_ERROR;
        }
        if (!cond)
            return eo_parser_error(p, "out of memory");
        if (eo_parse_resolve_operand(p, &ops[0], cond, st) != EO_OK ||
            eo_parse_resolve_operand(p, &ops[1], t0, st) != EO_OK ||
            eo_parse_resolve_operand(p, &ops[2], t0, st) != EO_OK)
            return EO_ERROR;
        return eo_op_state_add_result(st, t0);
    }
    default:    /* casts */
        if (eo_parse_expect_keyword(p, "to") != EO_OK ||
            eo_parse_type(p, &t1) != EO_OK)
            return EO_ERROR;
        if (eo_parse_resolve_operand(p, &ops[0], t0, st) != EO_OK)
            return EO_ERROR;
        return eo_op_state_add_result(st, t1);
    }
}

/* ------------------------------------------------------------------ */
/* Result names                                                        */
/* ------------------------------------------------------------------ */

typedef void (*name_fn)(void *ud, unsigned i, const char *name, size_t len);

/* MLIR's names: %true/%false, %c42_i32, %c0 (index), %cst otherwise;
 * %low/%high and %sum/%overflow for the extended ops. */
static void
result_names(eo_op *op, name_fn set, void *ud)
{
    enum arith_op k = def_index(eo_op_get_def(op));
    if (k == ARITH_MULSI_EXTENDED || k == ARITH_MULUI_EXTENDED) {
        set(ud, 0, "low", 3);
        set(ud, 1, "high", 4);
        return;
    }
    if (k == ARITH_ADDUI_EXTENDED) {
        set(ud, 0, "sum", 3);
        set(ud, 1, "overflow", 8);
        return;
    }
    if (k != ARITH_CONSTANT)
        return;
    const eo_attr *v = eo_op_attr(op, "value");
    const eo_type *t = v ? eo_attr_type(v) : NULL;
    if (!v || eo_attr_get_kind(v) != EO_ATTR_INTEGER || !t ||
        (!eo_type_is_index(t) && !eo_type_is_int(t))) {
        set(ud, 0, "cst", 3);
        return;
    }
    if (eo_type_is_signless_int(t, 1)) {
        if (eo_attr_int_uvalue(v))
            set(ud, 0, "true", 4);
        else
            set(ud, 0, "false", 5);
        return;
    }
    /* "c" + the value as the attribute prints it (any width), then
     * "_" + the type unless it is index: "42 : i32" gives c42_i32. */
    eo_strbuf b = { 0 };
    eo_strbuf_append(&b, "c", 1);
    eo_attr_print(v, &b);
    char *colon = b.data ? strstr(b.data, " : ") : NULL;
    if (!colon) {
        eo_strbuf_free(&b);
        set(ud, 0, "cst", 3);
        return;
    }
    size_t n = (size_t)(colon - b.data);
    if (eo_type_is_index(t)) {
        b.len = n;
    } else {
        memmove(colon + 1, colon + 3, b.len - n - 3);
        *colon = '_';
        b.len -= 2;
    }
    set(ud, 0, b.data, b.len);
    eo_strbuf_free(&b);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

/* Inherent attributes per class: CLASS_REQ required, CLASS_OPT optional
 * (selected by token pasting on the class column). */
#define CL_CONSTANT_REQ EO_ATTRS("value")
#define CL_CONSTANT_OPT NULL
#define CL_INT_REQ NULL
#define CL_INT_OPT NULL
#define CL_INT_OVF_REQ NULL
#define CL_INT_OVF_OPT EO_ATTRS("overflowFlags")
#define CL_FLOAT_REQ NULL
#define CL_FLOAT_OPT EO_ATTRS("fastmath")
#define CL_ADD_EXT_REQ NULL
#define CL_ADD_EXT_OPT NULL
#define CL_MUL_EXT_REQ NULL
#define CL_MUL_EXT_OPT NULL
#define CL_CMPI_REQ EO_ATTRS("predicate")
#define CL_CMPI_OPT NULL
#define CL_CMPF_REQ EO_ATTRS("predicate")
#define CL_CMPF_OPT EO_ATTRS("fastmath")
#define CL_SELECT_REQ NULL
#define CL_SELECT_OPT NULL
#define CL_EXT_INT_REQ NULL
#define CL_EXT_INT_OPT NULL
#define CL_TRUNC_INT_REQ NULL
#define CL_TRUNC_INT_OPT NULL
#define CL_EXT_F_REQ NULL
#define CL_EXT_F_OPT EO_ATTRS("fastmath")
#define CL_TRUNC_F_REQ NULL
#define CL_TRUNC_F_OPT EO_ATTRS("fastmath", "roundingmode")
#define CL_I2F_REQ NULL
#define CL_I2F_OPT NULL
#define CL_F2I_REQ NULL
#define CL_F2I_OPT NULL
#define CL_INDEX_CAST_REQ NULL
#define CL_INDEX_CAST_OPT NULL
#define CL_BITCAST_REQ NULL
#define CL_BITCAST_OPT NULL

/* Every row shares the class-dispatching hooks; folding and the
 * canonicalization patterns live in arith_fold.c. */
static const eo_op_def arith_ops[ARITH_NUM_OPS] = {
#define ARITH_OP(e, mnemonic, cl, nops, nres, tr)                           \
    [ARITH_##e] = { .name = "arith." mnemonic, .operands = (nops),          \
                    .results = (nres), .traits = (tr),                      \
                    .attrs = cl##_REQ, .opt_attrs = cl##_OPT,               \
                    .verify = verify_op, .print = print_op,                 \
                    .parse = parse_op, .result_names = result_names,        \
                    .populate = populate_op, .fold = arith_fold,            \
                    .canonicalize = arith_canon[ARITH_##e] },
#include "dialects/arith/arith_ops.def"
#undef ARITH_OP
};

static enum arith_op
def_index(const eo_op_def *def)
{
    if (!def || def < arith_ops || def >= arith_ops + ARITH_NUM_OPS)
        return ARITH_NUM_OPS;
    return (enum arith_op)(def - arith_ops);
}

const eo_op_def *
arith_op_def(enum arith_op op)
{
    return (unsigned)op < ARITH_NUM_OPS ? &arith_ops[op] : NULL;
}

enum arith_op
arith_op_kind(const eo_op *op)
{
    return def_index(eo_op_get_def(op));
}

static const eo_dialect_desc arith_desc = {
    .name = "arith",
    .ops = arith_ops,
    .num_ops = ARITH_NUM_OPS,
    .parse_attr = parse_dialect_attr,
    .print_attr = print_dialect_attr,
    .materialize_constant = arith_materialize_constant,
};

eo_status
arith_register(eo_ctx *ctx)
{
    return eo_dialect_register_desc(ctx, &arith_desc);
}

/* dialects/math/math.c - the math dialect of MLIR 19: the op table (rows
 * in math_ops.def), the verify/print/parse hooks shared by each class of
 * ops, and MLIR's constant folds (scalars, splats and dense elements).
 * The fastmath property is an #arith.fastmath attribute (arith.h), and
 * folded constants materialize as arith.constant. Start at math_ops[]
 * near the end.
 */
#include "dialects/math/math.h"

#include "dialects/arith/arith.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What the hooks of a row do. */
enum math_class {
    CL_FUN,         /* %x [fastmath<..>] attr-dict : T; folds f32/f64 */
    CL_FUN_ANY,     /* the same; folds any float type (exact results) */
    CL_FUN_NOFOLD,  /* the same; no folder in MLIR 19 */
    CL_FBIN,        /* %a, %b [fastmath<..>] attr-dict : T; f32/f64 */
    CL_FBIN_ANY,    /* the same; any float type */
    CL_FMA,         /* %a, %b, %c [fastmath<..>] attr-dict : T */
    CL_FPOWI,       /* %a, %b [fastmath<..>] attr-dict : T, U */
    CL_IUN,         /* %x attr-dict : T (signless-integer-like) */
    CL_IBIN         /* %a, %b attr-dict : T */
};

static const unsigned char op_class[MATH_NUM_OPS] = {
#define MATH_OP(e, name, cl, nops) [MATH_##e] = cl,
#include "dialects/math/math_ops.def"
#undef MATH_OP
};

static bool
has_fastmath(enum math_class cl)
{
    return cl != CL_IUN && cl != CL_IBIN;
}

static enum math_op def_index(const eo_op_def *def);

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

static const eo_type *
scalar_of(const eo_type *t)
{
    return is_value_container(t) ? eo_type_elem(t) : t;
}

static bool
float_like(const eo_type *t)
{
    return eo_type_is_float(scalar_of(t));
}

static bool
int_like(const eo_type *t)
{
    const eo_type *s = scalar_of(t);
    return (eo_type_is_int(s) && eo_type_int_signedness(s) == EO_SIGNLESS) ||
           eo_type_is_index(s);
}

/* "'op' op operand #i must be <what>, but got 'T'" */
static eo_status
type_error(eo_op *op, const char *kind, size_t i, const char *what,
           const eo_type *t)
{
    eo_strbuf b = {0};
    eo_type_print(t, &b);
    eo_status st = eo_op_error(op, "%s #%zu must be %s, but got '%.*s'",
                               kind, i, what, (int)b.len,
                               b.data ? b.data : "");
    eo_strbuf_free(&b);
    return st;
}

/* MLIR's verifyCompatibleShape ('?' and unranked match anything). */
static bool
shapes_compatible(const eo_type *a, const eo_type *b)
{
    bool sa = is_value_container(a), sb = is_value_container(b);
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

static bool
types_compatible(const eo_type *a, const eo_type *b)
{
    return a == b || (scalar_of(a) == scalar_of(b) && shapes_compatible(a, b));
}

/* ------------------------------------------------------------------ */
/* Verifier                                                            */
/* ------------------------------------------------------------------ */

static eo_status
verify_op(eo_op *op)
{
    enum math_op k = def_index(eo_op_get_def(op));
    if (EO_NEVER(k == MATH_NUM_OPS))
        return EO_ERROR;
    enum math_class cl = op_class[k];
    size_t n = eo_op_num_operands(op);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const char *fl = "floating-point-like", *il = "signless-integer-like";

    for (size_t i = 0; i < n; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        if (cl == CL_FPOWI && i == 1) {
            if (!int_like(t))
                return type_error(op, "operand", i, il, t);
        } else if (cl == CL_IUN || cl == CL_IBIN) {
            if (!int_like(t))
                return type_error(op, "operand", i, il, t);
        } else if (!float_like(t)) {
            return type_error(op, "operand", i, fl, t);
        }
    }
    if (cl == CL_IUN || cl == CL_IBIN ? !int_like(rt) : !float_like(rt))
        return type_error(op, "result", 0,
                          cl == CL_IUN || cl == CL_IBIN ? il : fl, rt);
    if (cl == CL_FPOWI) {
        const eo_type *lt = eo_value_type(eo_op_operand(op, 0));
        const eo_type *it = eo_value_type(eo_op_operand(op, 1));
        if (!shapes_compatible(lt, it) || !shapes_compatible(lt, rt))
            return eo_op_error(op, "requires the same shape for all operands "
                                   "and results");
        if (lt != rt)
            return eo_op_error(op, "failed to verify that all of {lhs, "
                                   "result} have same type");
    } else {
        for (size_t i = 0; i < n; i++)
            if (!types_compatible(eo_value_type(eo_op_operand(op, i)), rt))
                return eo_op_error(op, "requires the same type for all "
                                       "operands and results");
    }
    if (has_fastmath(cl)) {
        const eo_attr *a = eo_op_attr(op, "fastmath");
        unsigned flags;
        if (a && !arith_fastmath_flags(a, &flags))
            return eo_op_error(op, "attribute 'fastmath' failed to satisfy "
                                   "constraint: Floating point fast math "
                                   "flags");
    }
    return EO_OK;
}

/* MLIR 19 keeps fastmath default-valued: the generic form always shows
 * it, so ops built without one get #arith.fastmath<none>. */
static eo_status
populate_op(eo_op_state *st)
{
    enum math_op k = def_index(st->def);
    if (EO_NEVER(k == MATH_NUM_OPS))
        return EO_ERROR;
    if (!has_fastmath(op_class[k]))
        return EO_OK;
    for (size_t i = 0; i < st->num_attrs; i++)
        if (strcmp(eo_ident_str(st->attrs[i].name), "fastmath") == 0)
            return EO_OK;
    for (size_t i = 0; i < st->num_props; i++)
        if (strcmp(eo_ident_str(st->props[i].name), "fastmath") == 0)
            return EO_OK;
    const eo_attr *a = arith_fastmath_attr(st->ctx, ARITH_FM_NONE);
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, "fastmath", a);
}

/* ------------------------------------------------------------------ */
/* Custom syntax                                                       */
/* ------------------------------------------------------------------ */

static const char *const fm_names[] = {
    "reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn"
};
#define NUM_FM (sizeof fm_names / sizeof fm_names[0])

static void
print_op(eo_printer *p, eo_op *op)
{
    enum math_op k = def_index(eo_op_get_def(op));
    static const char *const elided[] = {"fastmath", NULL};
    unsigned flags;
    if (EO_NEVER(k == MATH_NUM_OPS))
        return;
    enum math_class cl = op_class[k];
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, eo_op_num_operands(op));
    const eo_attr *fm = eo_op_attr(op, "fastmath");
    bool printed_fm = false;
    if (has_fastmath(cl) && arith_fastmath_flags(fm, &flags)) {
        printed_fm = true;
        if (flags != ARITH_FM_NONE) {
            eo_print_str(p, " fastmath<");
            if (flags == ARITH_FM_FAST) {
                eo_print_str(p, "fast");
            } else {
                bool first = true;
                for (size_t i = 0; i < NUM_FM; i++) {
                    if (!(flags & (1u << i)))
                        continue;
                    eo_print_str(p, first ? "" : ",");
                    eo_print_str(p, fm_names[i]);
                    first = false;
                }
            }
            eo_print_str(p, ">");
        }
    }
    /* A malformed fastmath stays visible in the attribute dictionary. */
    eo_print_attr_dict(p, op, printed_fm ? elided : NULL);
    eo_print_str(p, " : ");
    if (cl == CL_FPOWI) {
        eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
        eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, 1)));
    } else {
        eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
    }
}

/* "<kw,kw>" after "fastmath" (MLIR's bit-enum syntax and errors). */
static eo_status
parse_fastmath_body(eo_parser *p, const char *opname, unsigned *out)
{
    unsigned flags = 0;
    if (eo_parse_punct(p, "<") != EO_OK)
        return EO_ERROR;
    do {
        size_t i = 0;
        if (eo_parse_optional_keyword(p, "none"))
            continue;
        if (eo_parse_optional_keyword(p, "fast")) {
            flags |= ARITH_FM_FAST;
            continue;
        }
        for (i = 0; i < NUM_FM; i++)
            if (eo_parse_optional_keyword(p, fm_names[i]))
                break;
        if (i < NUM_FM) {
            flags |= 1u << i;
            continue;
        }
        eo_parser_error(p, "custom op '%s' expected "
                           "::mlir::arith::FastMathFlags to be one of: none, "
                           "reassoc, nnan, ninf, nsz, arcp, contract, afn, "
                           "fast", opname);
        const eo_ident *skip;
        if (eo_parser_at_operand(p) || eo_parse_keyword(p, &skip) != EO_OK)
            return EO_ERROR;
        return eo_emit_error(eo_parser_ctx(p), eo_parser_loc(p),
                             "custom op '%s' failed to parse "
                             "Arith_FastMathAttr parameter 'value' which is "
                             "to be a `::mlir::arith::FastMathFlags`",
                             opname);
    } while (eo_parse_optional_punct(p, ","));
    if (eo_parse_punct(p, ">") != EO_OK)
        return EO_ERROR;
    *out = flags;
    return EO_OK;
}

static eo_status
parse_op(eo_parser *p, eo_op_state *st)
{
    enum math_op k = def_index(st->def);
    if (k == MATH_NUM_OPS)
        return eo_parser_error(p, "not a math op");
    enum math_class cl = op_class[k];
    size_t nops = (size_t)st->def->operands;
    eo_operand_ref ops[3];
    const eo_type *t0, *t1 = NULL;
    eo_status s;

    for (size_t i = 0; i < nops; i++) {
        if (i && (s = eo_parse_punct(p, ",")) != EO_OK)
            return s;
        if ((s = eo_parse_operand(p, &ops[i])) != EO_OK)
            return s;
    }
    if (has_fastmath(cl)) {
        unsigned flags = ARITH_FM_NONE;
        if (eo_parse_optional_keyword(p, "fastmath") &&
            parse_fastmath_body(p, eo_ident_str(st->name), &flags) != EO_OK)
            return EO_ERROR;
        const eo_attr *a = arith_fastmath_attr(st->ctx, flags);
        if (!a)
            return EO_NOMEM;
        if ((s = eo_op_state_set_attr(st, "fastmath", a)) != EO_OK)
            return s;
    }
    const eo_loc *dict_loc = eo_parser_loc(p);
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    /* A fastmath given in the dictionary is checked as MLIR checks
     * properties while parsing. */
    for (size_t i = 0; has_fastmath(cl) && i < st->num_attrs; i++) {
        unsigned flags;
        if (strcmp(eo_ident_str(st->attrs[i].name), "fastmath") == 0 &&
            !arith_fastmath_flags(st->attrs[i].value, &flags))
            return eo_parser_error_loc(p, dict_loc, "custom op '%s' '%s' op "
                                       "attribute 'fastmath' failed to "
                                       "satisfy constraint: Floating point "
                                       "fast math flags",
                                       eo_ident_str(st->name),
                                       eo_ident_str(st->name));
    }
    if ((s = eo_parse_punct(p, ":")) != EO_OK ||
        (s = eo_parse_type(p, &t0)) != EO_OK)
        return s;
    if (cl == CL_FPOWI && ((s = eo_parse_punct(p, ",")) != EO_OK ||
                           (s = eo_parse_type(p, &t1)) != EO_OK))
        return s;
    for (size_t i = 0; i < nops; i++) {
        const eo_type *t = cl == CL_FPOWI && i == 1 ? t1 : t0;
        if ((s = eo_parse_resolve_operand(p, &ops[i], t, st)) != EO_OK)
            return s;
    }
    return eo_op_state_add_result(st, t0);
}

/* ------------------------------------------------------------------ */
/* Folding                                                             */
/* ------------------------------------------------------------------ */

/* f(x) of one float element computed as MLIR does (in float for f32);
 * false where MLIR declines. */
static bool
fold_float1(enum math_op k, bool f32, double x, double *out)
{
    float xf = (float)x;
    double r;
    switch (k) {
    case MATH_ABSF: r = fabs(x); break;
    case MATH_CEIL: r = ceil(x); break;
    case MATH_FLOOR: r = floor(x); break;
    case MATH_ROUNDEVEN: r = nearbyint(x); break;
    case MATH_ROUND: r = f32 ? roundf(xf) : round(x); break;
    case MATH_TRUNC: r = f32 ? truncf(xf) : trunc(x); break;
    case MATH_ACOS: r = f32 ? acosf(xf) : acos(x); break;
    case MATH_ACOSH: r = f32 ? acoshf(xf) : acosh(x); break;
    case MATH_ASIN: r = f32 ? asinf(xf) : asin(x); break;
    case MATH_ASINH: r = f32 ? asinhf(xf) : asinh(x); break;
    case MATH_ATAN: r = f32 ? atanf(xf) : atan(x); break;
    case MATH_ATANH: r = f32 ? atanhf(xf) : atanh(x); break;
    case MATH_COS: r = f32 ? cosf(xf) : cos(x); break;
    case MATH_COSH: r = f32 ? coshf(xf) : cosh(x); break;
    case MATH_SIN: r = f32 ? sinf(xf) : sin(x); break;
    case MATH_SINH: r = f32 ? sinhf(xf) : sinh(x); break;
    case MATH_TAN: r = f32 ? tanf(xf) : tan(x); break;
    case MATH_TANH: r = f32 ? tanhf(xf) : tanh(x); break;
    case MATH_ERF: r = f32 ? erff(xf) : erf(x); break;
    case MATH_EXP: r = f32 ? expf(xf) : exp(x); break;
    case MATH_EXP2: r = f32 ? exp2f(xf) : exp2(x); break;
    case MATH_EXPM1: r = f32 ? expm1f(xf) : expm1(x); break;
    case MATH_LOG:
        if (signbit(x))
            return false;
        r = f32 ? logf(xf) : log(x);
        break;
    case MATH_LOG2:
        if (signbit(x))
            return false;
        r = f32 ? log2f(xf) : log2(x);
        break;
    case MATH_LOG10:
        if (signbit(x))
            return false;
        r = f32 ? log10f(xf) : log10(x);
        break;
    case MATH_LOG1P:
        if (f32 ? signbit(xf + 1.0f) : signbit(x + 1.0))
            return false;
        r = f32 ? log1pf(xf) : log1p(x);
        break;
    case MATH_SQRT:
        if (signbit(x))
            return false;
        r = f32 ? sqrtf(xf) : sqrt(x);
        break;
    default:
        return false;
    }
    *out = r;
    return true;
}

static bool
fold_float2(enum math_op k, bool f32, double a, double b, double *out)
{
    switch (k) {
    case MATH_COPYSIGN: *out = copysign(a, b); return true;
    case MATH_ATAN2:
        *out = f32 ? atan2f((float)a, (float)b) : atan2(a, b);
        return true;
    case MATH_POWF:
        *out = f32 ? powf((float)a, (float)b) : pow(a, b);
        return true;
    default:
        return false;
    }
}

static unsigned
int_width(const eo_type *t)
{
    return eo_type_is_index(t) ? 64 : eo_type_int_width(t);
}

static uint64_t
mask_of(unsigned w)
{
    return w >= 64 ? ~0ull : (1ull << w) - 1;
}

static int64_t
sext(uint64_t v, unsigned w)
{
    if (w == 0 || w >= 64)
        return (int64_t)v;
    uint64_t sign = 1ull << (w - 1);
    v &= mask_of(w);
    return (int64_t)((v ^ sign) - sign);
}

/* Integer folds at width w <= 64 (the value is zero-extended). */
static bool
fold_int(enum math_op k, unsigned w, uint64_t a, uint64_t b, uint64_t *out)
{
    uint64_t m = mask_of(w);
    a &= m;
    b &= m;
    switch (k) {
    case MATH_ABSI: {
        int64_t v = sext(a, w);
        *out = (uint64_t)(v < 0 ? -(uint64_t)v : (uint64_t)v) & m;
        return true;
    }
    case MATH_CTPOP: {
        unsigned c = 0;
        for (unsigned i = 0; i < w; i++)
            c += (unsigned)((a >> i) & 1);
        *out = c;
        return true;
    }
    case MATH_CTLZ: {
        unsigned c = 0;
        while (c < w && !((a >> (w - 1 - c)) & 1))
            c++;
        *out = c;
        return true;
    }
    case MATH_CTTZ: {
        unsigned c = 0;
        while (c < w && !((a >> c) & 1))
            c++;
        *out = c;
        return true;
    }
    case MATH_IPOWI: {
        uint64_t one = 1 & m, minus_one = m;
        if (b == 0) {
            *out = one;
            return true;
        }
        if (sext(b, w) < 0) {
            if (a == 0)
                return false;   /* 0 to a negative power stays */
            if (a == one)
                *out = one;
            else if (a != minus_one)
                *out = 0;
            else
                *out = (b & 1) ? minus_one : one;
            return true;
        }
        uint64_t r = one, base = a;
        while (true) {
            if (b & 1)
                r = (r * base) & m;
            b >>= 1;
            if (!b)
                break;
            base = (base * base) & m;
        }
        *out = r;
        return true;
    }
    default:
        return false;
    }
}

/* One element of a constant operand: a scalar, or element i of a dense
 * attribute (splats repeat). */
static bool
elem_float(const eo_attr *a, size_t i, double *out)
{
    if (eo_attr_get_kind(a) == EO_ATTR_FLOAT) {
        *out = eo_attr_float_value(a);
        return true;
    }
    if (eo_attr_get_kind(a) != EO_ATTR_DENSE)
        return false;
    *out = eo_attr_dense_float(a, eo_attr_dense_is_splat(a) ? 0 : i);
    return true;
}

static bool
elem_int(const eo_attr *a, size_t i, uint64_t *out)
{
    if (eo_attr_get_kind(a) == EO_ATTR_INTEGER) {
        if (eo_attr_int_num_words(a) != 1)
            return false;
        *out = eo_attr_int_uvalue(a);
        return true;
    }
    if (eo_attr_get_kind(a) != EO_ATTR_DENSE)
        return false;
    *out = (uint64_t)eo_attr_dense_int(a, eo_attr_dense_is_splat(a) ? 0 : i);
    return true;
}

/* Whether the constants cst[0..n) can be folded together with result type
 * 'rt': all scalars, or all dense of rt's shape; *count elements, *splat
 * whether every operand is a splat. */
static bool
fold_shape(const eo_attr *const cst[], size_t n, const eo_type *rt,
           size_t *count, bool *splat)
{
    bool dense = is_value_container(rt);
    *splat = true;
    *count = 1;
    if (dense) {
        int64_t ne = eo_type_num_elements(rt);
        if (ne < 0 || eo_type_get_kind(rt) == EO_TYPE_UNRANKED_TENSOR)
            return false;
        *count = (size_t)ne;
    }
    for (size_t i = 0; i < n; i++) {
        if (!cst[i])
            return false;
        bool d = eo_attr_get_kind(cst[i]) == EO_ATTR_DENSE;
        if (d != dense)
            return false;
        if (d && eo_type_num_elements(eo_attr_type(cst[i])) != (int64_t)*count)
            return false;
        if (d && !eo_attr_dense_is_splat(cst[i]))
            *splat = false;
    }
    return true;
}

/* Writes element value 'bits' (little-endian, 'size' bytes) at i. */
static void
put_elem(unsigned char *buf, size_t size, size_t i, uint64_t bits)
{
    for (size_t b = 0; b < size; b++)
        buf[i * size + b] = (unsigned char)(bits >> (8 * b));
}

static bool
fold_math(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    enum math_op k = def_index(eo_op_get_def(op));
    if (k == MATH_NUM_OPS)
        return false;
    enum math_class cl = op_class[k];
    if (cl == CL_FUN_NOFOLD || cl == CL_FMA || cl == CL_FPOWI)
        return false;
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_type *rt = eo_value_type(eo_op_result(op, 0));
    const eo_type *et = scalar_of(rt);
    size_t n = eo_op_num_operands(op), count;
    bool splat, dense = is_value_container(rt);
    if (!fold_shape(cst, n, rt, &count, &splat))
        return false;
    size_t todo = splat ? 1 : count;
    bool is_int = cl == CL_IUN || cl == CL_IBIN;
    unsigned w = 0;
    bool f32 = false;
    if (is_int) {
        w = int_width(et);
        if (w > 64 || w == 0)
            return false;
    } else {
        eo_float_kind fk = eo_type_float_kind(et);
        f32 = fk == EO_F32;
        bool any = cl == CL_FUN_ANY || cl == CL_FBIN_ANY;
        if (fk != EO_F32 && fk != EO_F64 &&
            !(any && !dense && (fk == EO_F16 || fk == EO_BF16)))
            return false;
    }
    size_t esize = dense ? eo_dense_elem_bytes(et) : 0;
    unsigned char *buf = NULL;
    if (dense) {
        if (esize == 0 || esize > 8)
            return false;
        buf = calloc(todo, esize);
        if (!buf)
            return false;
    }
    const eo_attr *res = NULL;
    for (size_t i = 0; i < todo; i++) {
        uint64_t bits;
        if (is_int) {
            uint64_t a, b = 0;
            if (!elem_int(cst[0], i, &a) ||
                (n > 1 && !elem_int(cst[1], i, &b)) ||
                !fold_int(k, w, a, b, &bits))
                goto fail;
            if (!dense)
                res = eo_attr_get_int(ctx, rt, sext(bits, w));
        } else {
            double a, b = 0, r;
            if (!elem_float(cst[0], i, &a) ||
                (n > 1 && !elem_float(cst[1], i, &b)))
                goto fail;
            if (n == 1 ? !fold_float1(k, f32, a, &r)
                       : !fold_float2(k, f32, a, b, &r))
                goto fail;
            if (!dense) {
                res = eo_attr_get_float(ctx, rt, r);
            } else if (f32) {
                float rf = (float)r;
                uint32_t u;
                memcpy(&u, &rf, 4);
                bits = u;
            } else {
                memcpy(&bits, &r, 8);
            }
        }
        if (dense)
            put_elem(buf, esize, i, bits);
    }
    if (dense)
        res = eo_attr_get_dense(ctx, rt, buf, todo * esize, splat);
    free(buf);
    return res && eo_fold_to_attr(out, res);
fail:
    free(buf);
    return false;
}

/* Folded constants become arith.constant, as MLIR's math dialect does. */
static eo_op *
materialize_constant(eo_rewriter *rw, const eo_attr *value,
                     const eo_type *type, const eo_loc *loc)
{
    if (!value || !type || eo_attr_type(value) != type)
        return NULL;
    eo_attr_kind ak = eo_attr_get_kind(value);
    if (ak != EO_ATTR_INTEGER && ak != EO_ATTR_FLOAT && ak != EO_ATTR_DENSE)
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

/* ------------------------------------------------------------------ */
/* Table and registration                                              */
/* ------------------------------------------------------------------ */

/* Optional inherent attributes per class (pasted from the class name). */
static const char *const fastmath_attrs[] = {"fastmath", NULL};
#define CL_FUN_OPT fastmath_attrs
#define CL_FUN_ANY_OPT fastmath_attrs
#define CL_FUN_NOFOLD_OPT fastmath_attrs
#define CL_FBIN_OPT fastmath_attrs
#define CL_FBIN_ANY_OPT fastmath_attrs
#define CL_FMA_OPT fastmath_attrs
#define CL_FPOWI_OPT fastmath_attrs
#define CL_IUN_OPT NULL
#define CL_IBIN_OPT NULL

#define MATH_OP(e, mn, cl, nops)                                            \
    [MATH_##e] = { .name = "math." mn, .operands = nops, .results = 1,      \
                   .traits = EO_PURE | EO_ELEMENTWISE,                      \
                   .opt_attrs = cl##_OPT, .populate = populate_op,          \
                   .verify = verify_op, .fold = fold_math,                  \
                   .print = print_op, .parse = parse_op },
static const eo_op_def math_ops[MATH_NUM_OPS] = {
#include "dialects/math/math_ops.def"
};
#undef MATH_OP

static enum math_op
def_index(const eo_op_def *def)
{
    if (!def || def < math_ops || def >= math_ops + MATH_NUM_OPS)
        return MATH_NUM_OPS;
    return (enum math_op)(def - math_ops);
}

const eo_op_def *
math_op_def(enum math_op op)
{
    return (unsigned)op < MATH_NUM_OPS ? &math_ops[op] : NULL;
}

enum math_op
math_op_kind(const eo_op *op)
{
    return def_index(eo_op_get_def(op));
}

static const eo_dialect_desc math_dialect = {
    .name = "math",
    .ops = math_ops,
    .num_ops = MATH_NUM_OPS,
    .materialize_constant = materialize_constant,
};

eo_status
math_register(eo_ctx *ctx)
{
    eo_status st = arith_register(ctx);
    if (st != EO_OK)
        return st;
    return eo_dialect_register_desc(ctx, &math_dialect);
}

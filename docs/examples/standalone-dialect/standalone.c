/* docs/examples/standalone-dialect/standalone.c - an out-of-tree dialect
 * built against an installed edge-opt and loaded into edge-opt as a
 * plugin (docs/writing-a-dialect.md, "Out of tree"). It has
 *
 *   a type       !standalone.fixed<16, 8>   signed fixed point: 16 bits,
 *                                           8 of them fractional
 *   an attribute #standalone.rounding<nearest>  (or <truncate>)
 *   five ops     constant, add, mul (saturating, folded), from_int and
 *                to_int (bit casts to and from iW, which cancel: a
 *                canonicalization pattern)
 *   a pass       standalone-lower: the ops become arith on iW; how a mul
 *                without a rounding attribute rounds is the knob
 *                standalone-lower.<site>.rounding (nearest, truncate).
 *
 *   %a = standalone.from_int %x : i16 to !standalone.fixed<16, 8>
 *   %c = standalone.constant 1.5 : !standalone.fixed<16, 8>
 *   %m = standalone.mul %a, %c : !standalone.fixed<16, 8>
 *   %r = standalone.to_int %m : !standalone.fixed<16, 8> to i16
 *
 * Build: see CMakeLists.txt here; load: edge-opt
 * --load-dialect-plugin=libstandalone.so --load-pass-plugin=libstandalone.so
 */
#include "rewrite/rewrite.h"
#include "ir/ir.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum standalone_op {
    SA_CONSTANT, SA_ADD, SA_MUL, SA_FROM_INT, SA_TO_INT, SA_NUM_OPS
};

/* ------------------------------------------------------------------ */
/* The type: !standalone.fixed<W, F>, 2 <= W <= 32, 0 <= F < W         */
/* ------------------------------------------------------------------ */

static const eo_ident *
ident(eo_ctx *ctx, const char *s)
{
    return eo_ident_get(ctx, s, strlen(s));
}

static const eo_type *
fixed_type(eo_ctx *ctx, int64_t width, int64_t frac)
{
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const eo_attr *params[2] = { eo_attr_get_int(ctx, i64, width),
                                 eo_attr_get_int(ctx, i64, frac) };
    if (!params[0] || !params[1])
        return NULL;
    return eo_type_get_dialect(ctx, ident(ctx, "standalone"),
                               ident(ctx, "fixed"), 2, params);
}

/* True (with W and F) if 't' is a !standalone.fixed type. */
static bool
is_fixed(const eo_type *t, int64_t *width, int64_t *frac)
{
    if (!t || eo_type_get_kind(t) != EO_TYPE_DIALECT
        || strcmp(eo_ident_str(eo_type_dialect_name(t)), "standalone") != 0
        || strcmp(eo_ident_str(eo_type_mnemonic(t)), "fixed") != 0
        || eo_type_num_params(t) != 2)
        return false;
    *width = eo_attr_int_value(eo_type_param(t, 0));
    *frac = eo_attr_int_value(eo_type_param(t, 1));
    return true;
}

/* Called after "!standalone."; the mnemonic is next. */
static const eo_type *
parse_type(eo_parser *p)
{
    const eo_loc *loc = eo_parser_loc(p);
    int64_t w, f;
    if (eo_parse_expect_keyword(p, "fixed") != EO_OK
        || eo_parse_punct(p, "<") != EO_OK || eo_parse_integer(p, &w) != EO_OK
        || eo_parse_punct(p, ",") != EO_OK || eo_parse_integer(p, &f) != EO_OK
        || eo_parse_punct(p, ">") != EO_OK)
        return NULL;
    if (w < 2 || w > 32 || f < 0 || f >= w) {
        eo_parser_error_loc(p, loc, "fixed<%lld, %lld>: expected 2 <= width "
                            "<= 32 and 0 <= fraction bits < width",
                            (long long)w, (long long)f);
        return NULL;
    }
    const eo_type *t = fixed_type(eo_parser_ctx(p), w, f);
    if (!t)
        eo_parser_error(p, "out of memory");
    return t;
}

static void
print_type(eo_printer *p, const eo_type *t)
{
    int64_t w, f;
    if (is_fixed(t, &w, &f))
        eo_print_fmt(p, "fixed<%lld, %lld>", (long long)w, (long long)f);
}

/* ------------------------------------------------------------------ */
/* The attribute: #standalone.rounding<nearest|truncate>               */
/* ------------------------------------------------------------------ */

static const char *const rounding_names[] = { "nearest", "truncate" };
enum { ROUND_NEAREST, ROUND_TRUNCATE };

static const eo_attr *
rounding_attr(eo_ctx *ctx, int mode)
{
    const eo_attr *name = eo_attr_get_string(ctx, rounding_names[mode],
                                             strlen(rounding_names[mode]), NULL);
    if (!name)
        return NULL;
    return eo_attr_get_dialect(ctx, ident(ctx, "standalone"),
                               ident(ctx, "rounding"), 1, &name);
}

/* The mode of a rounding attribute, or -1 if 'a' is not one. */
static int
rounding_mode(const eo_attr *a)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DIALECT
        || strcmp(eo_ident_str(eo_attr_mnemonic(a)), "rounding") != 0
        || eo_attr_num_params(a) != 1)
        return -1;
    size_t len;
    const char *s = eo_attr_string(eo_attr_param(a, 0), &len);
    for (int i = 0; i < 2; i++)
        if (s && strlen(rounding_names[i]) == len
            && memcmp(s, rounding_names[i], len) == 0)
            return i;
    return -1;
}

static const eo_attr *
parse_attr(eo_parser *p, const eo_type *type)
{
    (void)type;
    if (eo_parse_expect_keyword(p, "rounding") != EO_OK
        || eo_parse_punct(p, "<") != EO_OK)
        return NULL;
    int mode = -1;
    for (int i = 0; i < 2 && mode < 0; i++)
        if (eo_parse_optional_keyword(p, rounding_names[i]))
            mode = i;
    if (mode < 0) {
        eo_parser_error(p, "expected 'nearest' or 'truncate'");
        return NULL;
    }
    if (eo_parse_punct(p, ">") != EO_OK)
        return NULL;
    const eo_attr *a = rounding_attr(eo_parser_ctx(p), mode);
    if (!a)
        eo_parser_error(p, "out of memory");
    return a;
}

static void
print_attr(eo_printer *p, const eo_attr *a)
{
    int mode = rounding_mode(a);
    eo_print_fmt(p, "rounding<%s>", mode < 0 ? "?" : rounding_names[mode]);
}

/* ------------------------------------------------------------------ */
/* Fixed-point arithmetic on raw values                                */
/* ------------------------------------------------------------------ */

static int64_t
sat(int64_t v, int64_t width)
{
    int64_t hi = ((int64_t)1 << (width - 1)) - 1, lo = -hi - 1;
    return v < lo ? lo : v > hi ? hi : v;
}

/* The raw value of real 'x' in fixed<W, F>, or false if out of range. */
static bool
to_raw(double x, int64_t width, int64_t frac, int64_t *raw)
{
    double r = nearbyint(ldexp(x, (int)frac));
    double hi = ldexp(1.0, (int)width - 1);
    if (!(r >= -hi && r < hi))
        return false;
    *raw = (int64_t)r;
    return true;
}

static double
from_raw(int64_t raw, int64_t frac)
{
    return ldexp((double)raw, -(int)frac);
}

/* (a * b) >> F with the given rounding, saturated. */
static int64_t
mul_raw(int64_t a, int64_t b, int64_t width, int64_t frac, int mode)
{
    int64_t p = a * b;       /* |a|, |b| < 2^31: fits in 64 bits */
    if (mode == ROUND_NEAREST && frac > 0)
        p += (int64_t)1 << (frac - 1);
    /* An arithmetic shift, written portably. */
    int64_t q = p >= 0 ? p >> frac : -((-p - 1) >> frac) - 1;
    return sat(q, width);
}

/* ------------------------------------------------------------------ */
/* Ops                                                                 */
/* ------------------------------------------------------------------ */

static eo_status
verify_constant(eo_op *op)
{
    int64_t w, f, raw;
    const eo_attr *v = eo_op_attr(op, "value");
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (eo_attr_get_kind(v) != EO_ATTR_FLOAT)
        return eo_op_error(op, "attribute 'value' must be a float");
    if (!is_fixed(t, &w, &f))
        return eo_op_error(op, "result must be a !standalone.fixed type");
    if (!to_raw(eo_attr_float_value(v), w, f, &raw))
        return eo_op_error(op, "value %g is out of the range of "
                           "fixed<%lld, %lld>", eo_attr_float_value(v),
                           (long long)w, (long long)f);
    return EO_OK;
}

/* add and mul: operands and result of one fixed type (EO_SAME_TYPES). */
static eo_status
verify_arith(eo_op *op)
{
    int64_t w, f;
    if (!is_fixed(eo_value_type(eo_op_result(op, 0)), &w, &f))
        return eo_op_error(op, "operands must be of a !standalone.fixed "
                           "type");
    const eo_attr *r = eo_op_attr(op, "rounding");
    if (r && rounding_mode(r) < 0)
        return eo_op_error(op, "attribute 'rounding' must be a "
                           "#standalone.rounding");
    return EO_OK;
}

/* from_int: iW -> fixed<W, F>; to_int: fixed<W, F> -> iW. */
static eo_status
verify_cast(eo_op *op)
{
    bool from = strcmp(eo_op_name_str(op), "standalone.from_int") == 0;
    const eo_type *in = eo_value_type(eo_op_operand(op, 0));
    const eo_type *out = eo_value_type(eo_op_result(op, 0));
    const eo_type *fx = from ? out : in, *it = from ? in : out;
    int64_t w, f;
    if (!is_fixed(fx, &w, &f))
        return eo_op_error(op, "expects a !standalone.fixed %s",
                           from ? "result" : "operand");
    if (!eo_type_is_signless_int(it, (unsigned)w))
        return eo_op_error(op, "expects an i%lld %s", (long long)w,
                           from ? "operand" : "result");
    return EO_OK;
}

/* Folders see raw constants as float attributes holding the real value
 * (the "value" of standalone.constant). */
static bool
fold_add(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    int64_t w, f, a, b;
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (!is_fixed(t, &w, &f))
        return false;
    if (cst[1] && eo_attr_float_value(cst[1]) == 0.0)
        return eo_fold_to_value(out, eo_op_operand(op, 0));
    if (!cst[0] || !cst[1]
        || !to_raw(eo_attr_float_value(cst[0]), w, f, &a)
        || !to_raw(eo_attr_float_value(cst[1]), w, f, &b))
        return false;
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr *r = eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F64),
                                         from_raw(sat(a + b, w), f));
    return r && eo_fold_to_attr(out, r);
}

/* x * c folds when both are constants and the rounding is known (an
 * attribute; without one it is the lowering's knob, so no folding). */
static bool
fold_mul(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    int64_t w, f, a, b;
    int mode = rounding_mode(eo_op_attr(op, "rounding"));
    const eo_type *t = eo_value_type(eo_op_result(op, 0));
    if (!is_fixed(t, &w, &f) || mode < 0 || !cst[0] || !cst[1]
        || !to_raw(eo_attr_float_value(cst[0]), w, f, &a)
        || !to_raw(eo_attr_float_value(cst[1]), w, f, &b))
        return false;
    eo_ctx *ctx = eo_op_ctx(op);
    const eo_attr *r = eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F64),
                                         from_raw(mul_raw(a, b, w, f, mode),
                                                  f));
    return r && eo_fold_to_attr(out, r);
}

/* Canonicalization: to_int(from_int(x)) -> x. */
static eo_rewrite_result
cancel_casts(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *def = eo_value_def_op(eo_op_operand(op, 0));
    if (!def || strcmp(eo_op_name_str(def), "standalone.from_int") != 0)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(def, 0);
    eo_rewriter_replace_op(rw, op, &x);
    return EO_REWRITE_APPLIED;
}

static const eo_pattern to_int_patterns[] = {
    { .name = "standalone.cancel-casts", .root = "standalone.to_int",
      .benefit = 1, .match_and_rewrite = cancel_casts },
    { 0 },
};

/* Custom forms. "constant 1.5 : T", "add %a, %b {attrs} : T",
 * "from_int %x : i16 to T". */
static void
print_constant(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = { "value", NULL };
    eo_print_attr_dict(p, op, elided);
    eo_print_fmt(p, " %.17g : ", eo_attr_float_value(eo_op_attr(op,
                                                                 "value")));
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static eo_status
parse_constant(eo_parser *p, eo_op_state *st)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_attr *v;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = eo_parse_attr(p, eo_type_get_float(ctx, EO_F64), &v))
               != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type(p, &t)) != EO_OK)
        return s;
    if (eo_attr_get_kind(v) == EO_ATTR_INTEGER)   /* "2" means 2.0 */
        v = eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F64),
                              (double)eo_attr_int_value(v));
    if (!v || eo_attr_get_kind(v) != EO_ATTR_FLOAT)
        return eo_parser_error(p, "expected a number");
    if ((s = eo_op_state_set_attr(st, "value", v)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, t);
}

static void
print_binary(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static eo_status
parse_binary(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref a, b;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_operand(p, &a)) != EO_OK
        || (s = eo_parse_punct(p, ",")) != EO_OK
        || (s = eo_parse_operand(p, &b)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type(p, &t)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &a, t, st)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &b, t, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, t);
}

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
    eo_operand_ref x;
    const eo_type *from, *to;
    eo_status s;
    if ((s = eo_parse_operand(p, &x)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type(p, &from)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "to")) != EO_OK
        || (s = eo_parse_type(p, &to)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &x, from, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, to);
}

static const eo_op_def standalone_ops[SA_NUM_OPS] = {
    [SA_CONSTANT] = { .name = "standalone.constant", .operands = 0,
                      .results = 1, .traits = EO_PURE | EO_CONSTANT_LIKE,
                      .attrs = EO_ATTRS("value"), .verify = verify_constant,
                      .print = print_constant, .parse = parse_constant },
    [SA_ADD]      = { .name = "standalone.add", .operands = 2, .results = 1,
                      .traits = EO_PURE | EO_COMMUTATIVE | EO_SAME_TYPES,
                      .verify = verify_arith, .fold = fold_add,
                      .print = print_binary, .parse = parse_binary },
    [SA_MUL]      = { .name = "standalone.mul", .operands = 2, .results = 1,
                      .traits = EO_PURE | EO_COMMUTATIVE | EO_SAME_TYPES,
                      .opt_attrs = EO_ATTRS("rounding"),
                      .verify = verify_arith, .fold = fold_mul,
                      .print = print_binary, .parse = parse_binary },
    [SA_FROM_INT] = { .name = "standalone.from_int", .operands = 1,
                      .results = 1, .traits = EO_PURE, .verify = verify_cast,
                      .print = print_cast, .parse = parse_cast },
    [SA_TO_INT]   = { .name = "standalone.to_int", .operands = 1,
                      .results = 1, .traits = EO_PURE, .verify = verify_cast,
                      .print = print_cast, .parse = parse_cast,
                      .canonicalize = to_int_patterns },
};

/* Fold results (real values as f64 attributes) become constants again. */
static eo_op *
materialize(eo_rewriter *rw, const eo_attr *value, const eo_type *type,
            const eo_loc *loc)
{
    int64_t w, f;
    (void)loc;
    if (!is_fixed(type, &w, &f) || eo_attr_get_kind(value) != EO_ATTR_FLOAT)
        return NULL;
    eo_op_state st;
    eo_op_state_init(&st, eo_rewriter_ctx(rw), "standalone.constant", NULL);
    if (eo_op_state_set_attr(&st, "value", value) != EO_OK
        || eo_op_state_add_result(&st, type) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

static const eo_dialect_desc standalone_dialect = {
    .name = "standalone",
    .ops = standalone_ops,
    .num_ops = SA_NUM_OPS,
    .parse_type = parse_type,
    .print_type = print_type,
    .parse_attr = parse_attr,
    .print_attr = print_attr,
    .materialize_constant = materialize,
};

/* ------------------------------------------------------------------ */
/* The lowering pass: standalone ops -> arith on iW                    */
/* ------------------------------------------------------------------ */

static const eo_knob_domain rounding_domain = {
    .kind = EO_KNOB_ENUM, .names = rounding_names, .count = 2 };

typedef struct lowering {
    eo_ctx *ctx;
    eo_builder b;
    eo_irmap *map;            /* fixed-typed value -> its iW value */
    const eo_knob_provider *knobs;
} lowering;

/* One arith op with one result at the builder's position. */
static eo_value *
arith(lowering *l, const char *name, eo_value *x, eo_value *y,
      const eo_type *t, const eo_attr *value)
{
    eo_value *ops[2] = { x, y };
    size_t n = y ? 2 : x ? 1 : 0;
    eo_named_attr attr = { ident(l->ctx, "value"), value };
    eo_op *op = eo_builder_create(&l->b, name, n, ops, 1, &t, value ? 1 : 0,
                                  &attr);
    return op ? eo_op_result(op, 0) : NULL;
}

static eo_value *
iconst(lowering *l, const eo_type *t, int64_t v)
{
    const eo_attr *a = eo_attr_get_int(l->ctx, t, v);
    return a ? arith(l, "arith.constant", NULL, NULL, t, a) : NULL;
}

/* Clamps i64 'v' to the range of iW and truncates it to iW. */
static eo_value *
saturate(lowering *l, eo_value *v, int64_t w, const eo_type *iw)
{
    const eo_type *i64 = eo_type_get_int(l->ctx, 64);
    int64_t hi = ((int64_t)1 << (w - 1)) - 1;
    eo_value *c_hi = iconst(l, i64, hi), *c_lo = iconst(l, i64, -hi - 1);
    eo_value *m = c_hi ? arith(l, "arith.minsi", v, c_hi, i64, NULL) : NULL;
    m = m && c_lo ? arith(l, "arith.maxsi", m, c_lo, i64, NULL) : NULL;
    return m ? arith(l, "arith.trunci", m, NULL, iw, NULL) : NULL;
}

/* The iW value standing for fixed-typed operand i of 'op'. */
static eo_value *
lowered(lowering *l, eo_op *op, size_t i)
{
    return eo_irmap_lookup_value(l->map, eo_op_operand(op, i));
}

/* Lowers one standalone op (its replacement goes before it); returns the
 * iW value of its result, or NULL after a diagnostic. */
static eo_value *
lower_op(lowering *l, eo_op *op, int64_t w, int64_t f)
{
    eo_ctx *ctx = l->ctx;
    const char *name = eo_op_name_str(op) + strlen("standalone.");
    const eo_type *iw = eo_type_get_int(ctx, (unsigned)w);
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    eo_builder_set_before(&l->b, op);
    if (strcmp(name, "from_int") == 0)
        return eo_op_operand(op, 0);
    if (strcmp(name, "to_int") == 0)
        return lowered(l, op, 0);
    if (strcmp(name, "constant") == 0) {
        int64_t raw;
        if (!to_raw(eo_attr_float_value(eo_op_attr(op, "value")), w, f, &raw))
            return NULL;
        return iconst(l, iw, raw);
    }
    eo_value *a = lowered(l, op, 0), *b = lowered(l, op, 1);
    if (!a || !b)
        return NULL;
    a = arith(l, "arith.extsi", a, NULL, i64, NULL);
    b = a ? arith(l, "arith.extsi", b, NULL, i64, NULL) : NULL;
    if (!b)
        return NULL;
    if (strcmp(name, "add") == 0) {
        eo_value *s = arith(l, "arith.addi", a, b, i64, NULL);
        return s ? saturate(l, s, w, iw) : NULL;
    }
    /* mul: the attribute decides the rounding, else the knob does. */
    int mode = rounding_mode(eo_op_attr(op, "rounding"));
    if (mode < 0)
        mode = (int)eo_knob_ask(l->knobs, "standalone-lower", op, "rounding",
                                &rounding_domain, ROUND_NEAREST,
                                "standalone-lower");
    eo_value *p = arith(l, "arith.muli", a, b, i64, NULL);
    if (p && mode == ROUND_NEAREST && f > 0) {
        eo_value *half = iconst(l, i64, (int64_t)1 << (f - 1));
        p = half ? arith(l, "arith.addi", p, half, i64, NULL) : NULL;
    }
    eo_value *sh = p ? iconst(l, i64, f) : NULL;
    p = sh ? arith(l, "arith.shrsi", p, sh, i64, NULL) : NULL;
    return p ? saturate(l, p, w, iw) : NULL;
}

typedef struct collect {
    eo_op **ops;
    size_t n, cap;
    bool nomem;
} collect;

static eo_walk_result
collect_standalone(eo_op *op, void *ud)
{
    collect *c = ud;
    if (strncmp(eo_op_name_str(op), "standalone.", 11) != 0)
        return EO_WALK_ADVANCE;
    if (c->n == c->cap) {
        size_t ncap = c->cap ? c->cap * 2 : 16;
        eo_op **n = realloc(c->ops, ncap * sizeof *n);
        if (!n) {
            c->nomem = true;
            return EO_WALK_INTERRUPT;
        }
        c->ops = n;
        c->cap = ncap;
    }
    c->ops[c->n++] = op;
    return EO_WALK_ADVANCE;
}

/* Fixed-point values must stay among standalone ops: a block argument or
 * a use by another op cannot be lowered op by op. */
static eo_status
check_contained(eo_op *op)
{
    eo_value *r = eo_op_result(op, 0);
    int64_t w, f;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        if (is_fixed(eo_value_type(v), &w, &f) && eo_value_is_block_arg(v))
            return eo_op_error(op, "cannot lower: operand %zu is a block "
                               "argument of fixed-point type", i);
    }
    if (!is_fixed(eo_value_type(r), &w, &f))
        return EO_OK;
    for (eo_use *u = eo_value_first_use(r); u; u = eo_use_next(u))
        if (strncmp(eo_op_name_str(eo_use_owner(u)), "standalone.", 11))
            return eo_op_error(eo_use_owner(u), "cannot lower: uses a "
                               "fixed-point value");
    return EO_OK;
}

static eo_status
run_lower(eo_op *func, eo_pass_ctx *pc, const void *options)
{
    (void)options;
    lowering l = { .ctx = eo_pass_ctx_ctx(pc),
                   .knobs = eo_pass_ctx_knobs(pc) };
    collect c = {0};
    eo_op_walk(func, EO_WALK_PRE, collect_standalone, &c);
    eo_status st = c.nomem ? EO_NOMEM : EO_OK;
    for (size_t i = 0; i < c.n && st == EO_OK; i++)
        st = check_contained(c.ops[i]);
    if (st == EO_OK && c.n && !(l.map = eo_irmap_create(l.ctx)))
        st = EO_NOMEM;
    eo_builder_init(&l.b, l.ctx);
    /* In walk order every operand is lowered before its users. */
    for (size_t i = 0; i < c.n && st == EO_OK; i++) {
        eo_op *op = c.ops[i];
        eo_value *r = eo_op_result(op, 0);
        int64_t w, f;
        const eo_type *fx = is_fixed(eo_value_type(r), &w, &f)
                                ? eo_value_type(r)
                                : eo_value_type(eo_op_operand(op, 0));
        if (!is_fixed(fx, &w, &f)) {
            st = eo_op_error(op, "cannot lower: no fixed-point type");
            break;
        }
        eo_value *nv = lower_op(&l, op, w, f);
        if (!nv) {
            st = eo_op_error(op, "failed to lower");
            break;
        }
        if (strcmp(eo_op_name_str(op), "standalone.to_int") == 0)
            eo_value_replace_all_uses(r, nv);
        else
            st = eo_irmap_map_value(l.map, r, nv);
    }
    /* Users first: erase in reverse walk order. */
    for (size_t i = c.n; i-- > 0 && st == EO_OK;)
        st = eo_op_erase(c.ops[i]);
    if (c.n == 0)
        eo_pass_ctx_mark_unchanged(pc);
    eo_irmap_destroy(l.map);
    free(c.ops);
    return st;
}

static const eo_pass_def lower_pass = {
    .name = "standalone-lower",
    .description = "Lower standalone fixed-point ops to arith on iW "
                   "(knob standalone-lower.<site>.rounding)",
    .anchor = "func.func",
    .run = run_lower,
};

/* ------------------------------------------------------------------ */
/* Plugin entry points                                                 */
/* ------------------------------------------------------------------ */

static eo_status
register_dialect(eo_ctx *ctx)
{
    return eo_dialect_register_desc(ctx, &standalone_dialect);
}

static eo_status
register_passes(eo_ctx *ctx)
{
    return eo_pass_register(ctx, &lower_pass);
}

EO_API const eo_plugin_info *eo_dialect_plugin_info(void);
EO_API const eo_plugin_info *eo_pass_plugin_info(void);

const eo_plugin_info *
eo_dialect_plugin_info(void)
{
    static const eo_plugin_info info = {
        EO_PLUGIN_API_VERSION, "standalone", "1.0", register_dialect };
    return &info;
}

const eo_plugin_info *
eo_pass_plugin_info(void)
{
    static const eo_plugin_info info = {
        EO_PLUGIN_API_VERSION, "standalone-lower", "1.0", register_passes };
    return &info;
}

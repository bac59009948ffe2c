/* docs/examples/toy_dialect.c - the toy dialect of docs/writing-a-dialect.md:
 * three ops in one table, verify hooks, custom forms, result names and a
 * folder. In a real tree the enum and toy_register's prototype live in
 * dialects/toy/toy.h.
 *
 *   %cst = toy.constant 5 : i32
 *   %0 = toy.add %cst, %cst : i32
 *   "toy.print"(%0) : (i32) -> ()
 */
#include "ir/ir.h"

enum toy_op { TOY_CONSTANT, TOY_ADD, TOY_PRINT, TOY_NUM_OPS };
eo_status toy_register(eo_ctx *ctx);

/* The value's type is the result type ("5 : i32" makes an i32). */
static eo_status
verify_constant(eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "value");
    if (eo_attr_get_kind(v) != EO_ATTR_INTEGER)
        return eo_op_error(op, "attribute 'value' must be an integer");
    if (eo_attr_type(v) != eo_value_type(eo_op_result(op, 0)))
        return eo_op_error(op, "attribute 'value' must have the result "
                           "type");
    return EO_OK;
}

static eo_status
verify_print(eo_op *op)
{
    if (eo_op_num_operands(op) == 0)
        return eo_op_error(op, "expects at least one operand");
    return EO_OK;
}

/* Constants print as %cst, %cst_0, ... (the printer makes names unique). */
static void
constant_names(eo_op *op, void (*set)(void *ud, unsigned i, const char *name,
                                      size_t len), void *ud)
{
    (void)op;
    set(ud, 0, "cst", 3);
}

/* An integer of at most 64 bits: the constants toy.add can fold. */
static bool
small_int(const eo_attr *a)
{
    return a && eo_attr_get_kind(a) == EO_ATTR_INTEGER
           && eo_attr_int_num_words(a) == 1;
}

/* x + 0 -> x, c1 + c2 -> c. cst[i] is operand i's constant or NULL; a
 * commutative op reaches its folder with the constants on the right. */
static bool
fold_add(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    if (small_int(cst[1]) && eo_attr_is_zero(cst[1]))
        return eo_fold_to_value(out, eo_op_operand(op, 0));
    if (small_int(cst[0]) && small_int(cst[1])) {
        uint64_t sum = eo_attr_int_uvalue(cst[0]) + eo_attr_int_uvalue(cst[1]);
        const eo_attr *c = eo_attr_get_int(eo_op_ctx(op), eo_attr_type(cst[0]),
                                           (int64_t)sum);   /* truncated */
        return c && eo_fold_to_attr(out, c);
    }
    return false;
}

/* Custom forms: the framework has printed "%cst = toy.constant"; the hooks
 * print (and parse) what follows, starting with a space. */
static void
print_constant(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = {"value", NULL};
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " ");
    eo_print_attr(p, eo_op_attr(op, "value"));
}

static eo_status
parse_constant(eo_parser *p, eo_op_state *st)
{
    const eo_attr *v;
    eo_status s;
    if ((s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = eo_parse_attr(p, NULL, &v)) != EO_OK)
        return s;
    if (!eo_attr_type(v))
        return eo_parser_error(p, "expected a typed attribute");
    if ((s = eo_op_state_set_attr(st, "value", v)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, eo_attr_type(v));
}

/* "toy.add %a, %b : t": both operands and the result have type t. */
static void
print_add(eo_printer *p, eo_op *op)
{
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, 2);
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static eo_status
parse_add(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref lhs, rhs;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_operand(p, &lhs)) != EO_OK
        || (s = eo_parse_punct(p, ",")) != EO_OK
        || (s = eo_parse_operand(p, &rhs)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type(p, &t)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &lhs, t, st)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &rhs, t, st)) != EO_OK)
        return s;
    return eo_op_state_add_result(st, t);
}

/* Counts, traits and required attributes are checked generically before
 * any verify hook. Columns: name, operand/result counts, traits, required
 * inherent attributes, hooks. toy.print has no custom form: it prints in
 * the generic syntax. eo_op_fold (and so the canonicalizer) runs .fold. */
static const eo_op_def toy_ops[TOY_NUM_OPS] = {
    [TOY_CONSTANT] = { .name = "toy.constant", .operands = 0, .results = 1,
                       .traits = EO_PURE | EO_CONSTANT_LIKE,
                       .attrs = EO_ATTRS("value"),
                       .verify = verify_constant,
                       .print = print_constant, .parse = parse_constant,
                       .result_names = constant_names },
    [TOY_ADD]      = { .name = "toy.add", .operands = 2, .results = 1,
                       .traits = EO_PURE | EO_COMMUTATIVE | EO_SAME_TYPES,
                       .fold = fold_add,
                       .print = print_add, .parse = parse_add },
    [TOY_PRINT]    = { .name = "toy.print", .operands = EO_VARIADIC,
                       .results = 0, .traits = EO_MEM_WRITE,
                       .verify = verify_print },
};

/* Fails, with a diagnostic, if a slot is empty or a name is taken;
 * registering twice is a no-op. */
eo_status
toy_register(eo_ctx *ctx)
{
    return eo_dialect_register(ctx, "toy", toy_ops, TOY_NUM_OPS);
}

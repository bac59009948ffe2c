/* ir/builtin.c - the builtin dialect: builtin.module and
 * builtin.unrealized_conversion_cast, with their custom forms
 *
 *   module @name attributes {...} { ... }
 *   %r:2 = builtin.unrealized_conversion_cast %a, %b : i32, i32 to i64, f32
 */
#include "ir/internal.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* builtin.module                                                      */
/* ------------------------------------------------------------------ */

static eo_status
verify_module(eo_op *op)
{
    const eo_attr *dicts[2] = { eo_op_props(op), eo_op_discardable_attrs(op) };
    for (int d = 0; d < 2; d++) {
        for (size_t i = 0; i < eo_attr_dict_size(dicts[d]); i++) {
            const char *n = eo_ident_str(eo_attr_dict_at(dicts[d], i)->name);
            if (!strchr(n, '.') && strcmp(n, "sym_name") != 0 &&
                strcmp(n, "sym_visibility") != 0)
                return eo_op_error(op, "can only contain attributes with "
                                   "dialect-prefixed names, found: '%s'", n);
        }
    }
    const eo_attr *name = eo_op_attr(op, "sym_name");
    if (name && eo_attr_get_kind(name) != EO_ATTR_STRING)
        return eo_op_error(op, "attribute 'sym_name' failed to satisfy "
                           "constraint: string attribute");
    eo_block *b = eo_region_first(eo_op_region(op, 0));
    if (b && eo_block_num_args(b))
        return eo_op_error(op, "region should have no arguments");
    return EO_OK;
}

static void
print_module(eo_printer *p, eo_op *op)
{
    const eo_attr *name = eo_op_attr(op, "sym_name");
    if (name && eo_attr_get_kind(name) == EO_ATTR_STRING) {
        size_t len;
        const char *s = eo_attr_string(name, &len);
        const eo_ident *id = eo_ident_get(eo_printer_ctx(p), s, len);
        if (id) {
            eo_print_str(p, " ");
            eo_print_symbol_name(p, id);
        }
    }
    eo_print_attr_dict_kw(p, op, EO_ATTRS("sym_name"));
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, false);
}

static eo_status
parse_module(eo_parser *p, eo_op_state *st)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    if (EO_AT(p, EO_TOK_AT_IDENT)) {
        const eo_ident *name;
        if (eo_parse_symbol_name(p, &name) != EO_OK)
            return EO_ERROR;
        const eo_attr *s = eo_attr_get_string(ctx, eo_ident_str(name),
                                              eo_ident_len(name), NULL);
        if (!s || eo_op_state_set_attr(st, "sym_name", s) != EO_OK)
            return EO_NOMEM;
    }
    if (eo_parse_optional_attr_dict_kw(p, st) != EO_OK)
        return EO_ERROR;
    eo_region *r = eo_op_state_add_region(st);
    if (!r)
        return EO_NOMEM;
    if (eo_parse_region(p, r, NULL, 0) != EO_OK)
        return EO_ERROR;
    if (eo_region_empty(r)) {
        eo_block *b = eo_block_create(ctx);
        if (!b)
            return EO_NOMEM;
        eo_region_append(r, b);
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* builtin.unrealized_conversion_cast                                  */
/* ------------------------------------------------------------------ */

static eo_status
verify_cast(eo_op *op)
{
    if (eo_op_num_results(op) == 0)
        return eo_op_error(op, "expected at least one result for cast "
                           "operation");
    return EO_OK;
}

static void
print_cast(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (n) {
        eo_print_str(p, " ");
        eo_print_operands(p, op, 0, n);
        eo_print_str(p, " : ");
        for (size_t i = 0; i < n; i++) {
            if (i)
                eo_print_str(p, ", ");
            eo_print_type(p, eo_value_type(eo_op_operand(op, i)));
        }
    }
    eo_print_str(p, " to ");
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_result(op, i)));
    }
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_cast(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs = NULL;
    size_t n = 0;
    if (eo_parse_operand_list(p, &refs, &n) != EO_OK)
        return EO_ERROR;
    const eo_type **types = NULL;
    size_t ntypes = 0;
    if (n) {
        if (eo_parse_punct(p, ":") != EO_OK ||
            eo_parse_type_list(p, &types, &ntypes) != EO_OK)
            return EO_ERROR;
    }
    if (eo_parse_expect_keyword(p, "to") != EO_OK)
        return EO_ERROR;
    const eo_type **res = NULL;
    size_t nres = 0;
    if (eo_parse_type_list(p, &res, &nres) != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    if (eo_parse_resolve_operands(p, refs, n, types, ntypes, st) != EO_OK)
        return EO_ERROR;
    if (eo_op_state_add_results(st, nres, res) != EO_OK)
        return EO_NOMEM;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

/* name, counts, traits, inherent attributes, hooks. */
static const eo_op_def builtin_ops[EO_BUILTIN_NUM_OPS] = {
    [EO_BUILTIN_MODULE] = {
        .name = "builtin.module", .operands = 0, .results = 0,
        .regions = 1, .successors = 0,
        .traits = EO_SYMBOL_TABLE | EO_NO_TERMINATOR | EO_GRAPH_REGION |
                  EO_SINGLE_BLOCK | EO_ISOLATED_FROM_ABOVE |
                  EO_AFFINE_SCOPE,
        .opt_attrs = EO_ATTRS("sym_name", "sym_visibility"),
        .default_dialect = "builtin",
        .verify = verify_module,
        .print = print_module,
        .parse = parse_module,
    },
    [EO_BUILTIN_UNREALIZED_CAST] = {
        .name = "builtin.unrealized_conversion_cast",
        .operands = EO_VARIADIC, .results = EO_VARIADIC,
        .regions = 0, .successors = 0,
        .traits = EO_PURE,
        .verify = verify_cast,
        .print = print_cast,
        .parse = parse_cast,
    },
};

eo_status
eo_builtin_register(eo_ctx *ctx)
{
    return eo_dialect_register(ctx, "builtin", builtin_ops,
                               EO_BUILTIN_NUM_OPS);
}

const eo_op_def *
eo_builtin_op(eo_ctx *ctx, enum eo_builtin_op op)
{
    (void)ctx;
    if ((unsigned)op >= EO_BUILTIN_NUM_OPS)
        return NULL;
    return &builtin_ops[op];
}

eo_op *
eo_module_create(eo_ctx *ctx, const eo_loc *loc)
{
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &builtin_ops[EO_BUILTIN_MODULE], loc);
    eo_region *r = eo_op_state_add_region(&st);
    eo_block *b = r ? eo_block_create(ctx) : NULL;
    if (!b) {
        eo_op_state_release(&st);
        return NULL;
    }
    eo_region_append(r, b);
    return eo_op_create(&st);
}

eo_block *
eo_module_body(eo_op *module)
{
    if (eo_op_num_regions(module) < 1)
        return NULL;
    return eo_region_first(eo_op_region(module, 0));
}

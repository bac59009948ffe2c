/* dialects/func/func.c - the func dialect: one table (func_ops at the
 * end) and the hooks that traits cannot express: signature checks
 * between functions, returns and calls, and the custom syntax MLIR 19
 * prints. func.func's syntax is the shared eo_parse_function_op /
 * eo_print_function_op of ir/function_syntax.c.
 */
#include "dialects/func/func.h"

#include "dialects/func/func_internal.h"

#include <string.h>

static const eo_op_def func_ops[FUNC_NUM_OPS];

const eo_op_def *
func_op_def(enum func_op op)
{
    return (unsigned)op < FUNC_NUM_OPS ? &func_ops[op] : NULL;
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

const eo_type *
func_get_type(const eo_op *func)
{
    const eo_attr *a = eo_op_attr(func, "function_type");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_TYPE)
        return NULL;
    const eo_type *t = eo_attr_type_value(a);
    return eo_type_get_kind(t) == EO_TYPE_FUNCTION ? t : NULL;
}

bool
func_is_declaration(const eo_op *func)
{
    return eo_op_num_regions(func) == 0 ||
           eo_region_empty(eo_op_region(func, 0));
}

eo_block *
func_entry_block(const eo_op *func)
{
    if (func_is_declaration(func))
        return NULL;
    return eo_region_first(eo_op_region(func, 0));
}

eo_op *
func_create(eo_ctx *ctx, const eo_loc *loc, const char *name,
            const eo_type *type, bool declaration)
{
    eo_op_state st;
    const eo_attr *sym, *fty, *vis = NULL;
    if (!type || eo_type_get_kind(type) != EO_TYPE_FUNCTION)
        return NULL;
    if (!loc)
        loc = eo_loc_unknown(ctx);
    sym = eo_attr_get_string(ctx, name, strlen(name), NULL);
    fty = eo_attr_get_type(ctx, type);
    if (declaration)
        vis = eo_attr_get_string(ctx, "private", 7, NULL);
    if (!loc || !sym || !fty || (declaration && !vis))
        return NULL;
    eo_op_state_init_def(&st, ctx, &func_ops[FUNC_FUNC], loc);
    eo_region *r = eo_op_state_add_region(&st);
    if (!r || eo_op_state_set_attr(&st, "sym_name", sym) != EO_OK ||
        eo_op_state_set_attr(&st, "function_type", fty) != EO_OK ||
        (vis && eo_op_state_set_attr(&st, "sym_visibility", vis) != EO_OK)) {
        eo_op_state_release(&st);
        return NULL;
    }
    if (!declaration) {
        eo_block *b = eo_block_create(ctx);
        if (!b) {
            eo_op_state_release(&st);
            return NULL;
        }
        eo_region_append(r, b);
        for (size_t i = 0; i < eo_type_num_inputs(type); i++) {
            if (!eo_block_add_arg(b, eo_type_input(type, i), loc)) {
                eo_op_state_release(&st);
                return NULL;
            }
        }
    }
    return eo_op_create(&st);
}

/* Appends 't' printed, for messages; returns the start offset. */
static size_t
put_type(eo_strbuf *b, const eo_type *t)
{
    size_t at = b->len;
    eo_type_print(t, b);
    return at;
}

#define SPAN(b, from, to) \
    (int)((to) - (from)), ((b).data ? (b).data + (from) : "")

/* The function enclosing 'op' (the parent op), if it is a func.func. */
static eo_op *
parent_func(const eo_op *op)
{
    eo_op *parent = eo_op_parent(op);
    return parent && eo_op_is(parent, &func_ops[FUNC_FUNC]) ? parent : NULL;
}

static const char *
sym_name_of(const eo_op *op, size_t *len)
{
    const eo_attr *a = eo_op_attr(op, "sym_name");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_STRING) {
        *len = 0;
        return "";
    }
    return eo_attr_string(a, len);
}

/* Whether 'a' is a flat symbol reference (@name, no nested parts). */
static bool
is_flat_ref(const eo_attr *a)
{
    return a && eo_attr_get_kind(a) == EO_ATTR_SYMBOL_REF &&
           eo_attr_symbol_num_nested(a) == 0;
}

/* ------------------------------------------------------------------ */
/* func.func                                                           */
/* ------------------------------------------------------------------ */

/* arg_attrs / res_attrs: an array of 'n' dictionaries if present. */
static eo_status
check_attr_array(eo_op *op, const char *name, const char *what, size_t n)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a)
        return EO_OK;
    if (eo_attr_get_kind(a) != EO_ATTR_ARRAY)
        return eo_op_error(op, "attribute '%s' failed to satisfy constraint: "
                               "Array of dictionary attributes", name);
    for (size_t i = 0; i < eo_attr_array_size(a); i++)
        if (eo_attr_get_kind(eo_attr_array_at(a, i)) != EO_ATTR_DICT)
            return eo_op_error(op, "attribute '%s' failed to satisfy "
                                   "constraint: Array of dictionary "
                                   "attributes", name);
    if (eo_attr_array_size(a) != n)
        return eo_op_error(op, "expects %s attribute array to have the same "
                               "number of elements as the number of function "
                               "%ss, got %zu, but expected %zu", what, what,
                           eo_attr_array_size(a), n);
    return EO_OK;
}

static eo_status
verify_func(eo_op *op)
{
    const eo_attr *name = eo_op_attr(op, "sym_name");
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    const eo_type *ft = func_get_type(op);
    size_t len;

    if (name && eo_attr_get_kind(name) != EO_ATTR_STRING)
        return eo_op_error(op, "attribute 'sym_name' failed to satisfy "
                               "constraint: string attribute");
    if (eo_op_attr(op, "function_type") && !ft)
        return eo_op_error(op, "attribute 'function_type' failed to satisfy "
                               "constraint: type attribute of function type");
    if (vis && eo_attr_get_kind(vis) != EO_ATTR_STRING)
        return eo_op_error(op, "attribute 'sym_visibility' failed to satisfy "
                               "constraint: string attribute");
    eo_op *parent = eo_op_parent(op);
    if (parent && !eo_op_has_trait(parent, EO_SYMBOL_TABLE))
        return eo_op_error(op, "symbol's parent must have the SymbolTable "
                               "trait");
    if (!ft)
        return EO_OK;   /* required attributes are checked generically */
    if (check_attr_array(op, "arg_attrs", "argument",
                         eo_type_num_inputs(ft)) != EO_OK ||
        check_attr_array(op, "res_attrs", "result",
                         eo_type_num_results(ft)) != EO_OK)
        return EO_ERROR;
    if (vis) {
        const char *v = eo_attr_string(vis, &len);
        bool known = (len == 6 && memcmp(v, "public", 6) == 0) ||
                     (len == 7 && memcmp(v, "private", 7) == 0) ||
                     (len == 6 && memcmp(v, "nested", 6) == 0);
        if (!known)
            return eo_op_error(op, "visibility expected to be one of "
                                   "[\"public\", \"private\", \"nested\"], "
                                   "but got \"%.*s\"", (int)len, v);
    }
    if (func_is_declaration(op)) {
        const char *v = vis ? eo_attr_string(vis, &len) : "public";
        if (!vis)
            len = 6;
        if (len == 6 && memcmp(v, "public", 6) == 0)
            return eo_op_error(op, "symbol declaration cannot have public "
                                   "visibility");
        return EO_OK;
    }
    eo_block *entry = eo_region_first(eo_op_region(op, 0));
    size_t nin = eo_type_num_inputs(ft);
    if (eo_block_num_args(entry) != nin)
        return eo_op_error(op, "entry block must have %zu arguments to match "
                               "function signature", nin);
    for (size_t i = 0; i < nin; i++) {
        const eo_type *at = eo_value_type(eo_block_arg(entry, i));
        const eo_type *ft_i = eo_type_input(ft, i);
        if (at == ft_i)
            continue;
        eo_strbuf b = {0};
        size_t s1 = put_type(&b, at), s2 = put_type(&b, ft_i);
        eo_status st = eo_op_error(
            op, "type of entry block argument #%zu('%.*s') must match the "
                "type of the corresponding argument in function "
                "signature('%.*s')",
            i, SPAN(b, s1, s2), SPAN(b, s2, b.len));
        eo_strbuf_free(&b);
        return st;
    }
    return EO_OK;
}

static eo_status
parse_func(eo_parser *p, eo_op_state *st)
{
    return eo_parse_function_op(p, st, false);
}

/* ------------------------------------------------------------------ */
/* func.return                                                         */
/* ------------------------------------------------------------------ */

static eo_status
verify_return(eo_op *op)
{
    eo_op *fn = parent_func(op);
    if (!fn)
        return eo_op_error(op, "expects parent op 'func.func'");
    const eo_type *ft = func_get_type(fn);
    if (!ft)
        return EO_OK;   /* the function reports its own attribute */
    size_t n = eo_op_num_operands(op), len;
    const char *name = sym_name_of(fn, &len);
    if (n != eo_type_num_results(ft))
        return eo_op_error(op, "has %zu operands, but enclosing function "
                               "(@%.*s) returns %zu", n, (int)len, name,
                           eo_type_num_results(ft));
    for (size_t i = 0; i < n; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        const eo_type *r = eo_type_result(ft, i);
        if (t == r)
            continue;
        eo_strbuf b = {0};
        size_t s1 = put_type(&b, t), s2 = put_type(&b, r);
        /* MLIR reports this one without the "'func.return' op" prefix. */
        eo_status st = eo_emit_error(
            eo_op_ctx(op), eo_op_loc(op),
            "type of return operand %zu ('%.*s') doesn't match function "
            "result type ('%.*s') in function @%.*s",
            i, SPAN(b, s1, s2), SPAN(b, s2, b.len), (int)len, name);
        eo_strbuf_free(&b);
        return st;
    }
    return EO_OK;
}

/* attr-dict ($operands^ `:` type($operands))? */
static void
print_return(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    eo_print_attr_dict(p, op, NULL);
    if (n == 0)
        return;
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, n);
    eo_print_str(p, " : ");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, i)));
    }
}

static eo_status
parse_return(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref *refs = NULL;
    size_t n = 0, ntypes = 0;
    const eo_type **types = NULL;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK)
        return EO_ERROR;
    if (!eo_parser_at_operand(p))
        return EO_OK;
    if (eo_parse_operand_list(p, &refs, &n) != EO_OK ||
        eo_parse_punct(p, ":") != EO_OK ||
        eo_parse_type_list(p, &types, &ntypes) != EO_OK)
        return EO_ERROR;
    return eo_parse_resolve_operands(p, refs, n, types, ntypes, st);
}

/* ------------------------------------------------------------------ */
/* func.call                                                           */
/* ------------------------------------------------------------------ */

static eo_status
verify_call(eo_op *op)
{
    const eo_attr *callee = eo_op_attr(op, "callee");
    if (!callee)
        return EO_OK;   /* required: reported generically */
    if (!is_flat_ref(callee))
        return eo_op_error(op, "attribute 'callee' failed to satisfy "
                               "constraint: flat symbol reference attribute");
    const eo_ident *root = eo_attr_symbol_root(callee);
    eo_op *fn = eo_symbol_lookup_nearest(op, callee);
    if (!fn || !eo_op_is(fn, &func_ops[FUNC_FUNC]))
        return eo_op_error(op, "'%s' does not reference a valid function",
                           eo_ident_str(root));
    const eo_type *ft = func_get_type(fn);
    if (!ft)
        return EO_OK;   /* the callee reports its own attribute */
    size_t nin = eo_type_num_inputs(ft), nres = eo_type_num_results(ft);
    if (eo_op_num_operands(op) != nin)
        return eo_op_error(op, "incorrect number of operands for callee");
    for (size_t i = 0; i < nin; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        if (t == eo_type_input(ft, i))
            continue;
        eo_strbuf b = {0};
        size_t s1 = put_type(&b, eo_type_input(ft, i)), s2 = put_type(&b, t);
        eo_status st = eo_op_error(
            op, "operand type mismatch: expected operand type '%.*s', but "
                "provided '%.*s' for operand number %zu",
            SPAN(b, s1, s2), SPAN(b, s2, b.len), i);
        eo_strbuf_free(&b);
        return st;
    }
    if (eo_op_num_results(op) != nres)
        return eo_op_error(op, "incorrect number of results for callee");
    for (size_t i = 0; i < nres; i++) {
        const eo_type *t = eo_value_type(eo_op_result(op, i));
        if (t == eo_type_result(ft, i))
            continue;
        eo_strbuf b = {0};
        size_t s1 = put_type(&b, t), s2 = put_type(&b, eo_type_result(ft, i));
        eo_diag_builder *d = eo_op_error_begin(
            op, "result type mismatch at index %zu", i);
        eo_diag_note(d, eo_op_loc(op), "      op result types: '%.*s'",
                     SPAN(b, s1, s2));
        eo_diag_note(d, eo_op_loc(op), "function result types: '%.*s'",
                     SPAN(b, s2, b.len));
        eo_strbuf_free(&b);
        return eo_diag_emit(d);
    }
    return EO_OK;
}

/* Prints " : (ins) -> outs" from the op's operand and result types,
 * operands from 'first' on. */
static void
print_functional_type(eo_printer *p, const eo_op *op, size_t first)
{
    size_t n = eo_op_num_operands(op);
    eo_print_str(p, " : (");
    for (size_t i = first; i < n; i++) {
        if (i > first)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, i)));
    }
    eo_print_str(p, ") -> ");
    size_t nres = eo_op_num_results(op);
    const eo_type *res[16];
    if (nres <= 16) {
        for (size_t i = 0; i < nres; i++)
            res[i] = eo_value_type(eo_op_result(op, i));
        eo_print_result_types(p, nres, res);
        return;
    }
    eo_print_str(p, "(");
    for (size_t i = 0; i < nres; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_result(op, i)));
    }
    eo_print_str(p, ")");
}

/* $callee `(` $operands `)` attr-dict `:` functional-type */
static void
print_call(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = { "callee", NULL };
    const eo_attr *callee = eo_op_attr(op, "callee");
    eo_print_str(p, " ");
    if (callee)
        eo_print_attr(p, callee);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    eo_print_str(p, "(");
    eo_print_operands(p, op, 0, eo_op_num_operands(op));
    eo_print_str(p, ")");
    eo_print_attr_dict(p, op, elided);
    print_functional_type(p, op, 0);
}

/* ":" function-type taking 'n' arguments (listed at 'ops_loc'). */
static eo_status
parse_fn_type(eo_parser *p, eo_op_state *st, size_t n, const eo_loc *ops_loc,
              const eo_type **out)
{
    const eo_type *ft;
    if (eo_parse_punct(p, ":") != EO_OK)
        return EO_ERROR;
    const eo_loc *type_loc = eo_parser_loc(p);
    if (eo_parse_type(p, &ft) != EO_OK)
        return EO_ERROR;
    if (eo_type_get_kind(ft) != EO_TYPE_FUNCTION)
        return eo_parser_error_loc(p, type_loc, "custom op '%s' invalid kind "
                                                "of type specified",
                                   eo_ident_str(st->name));
    if (eo_type_num_inputs(ft) != n)
        return eo_parser_error_loc(p, ops_loc, "custom op '%s' %zu operands "
                                               "present, but expected %zu",
                                   eo_ident_str(st->name), n,
                                   eo_type_num_inputs(ft));
    *out = ft;
    return EO_OK;
}

/* Resolves 'refs' against the inputs of 'ft'; adds its results. */
static eo_status
resolve_call(eo_parser *p, eo_op_state *st, const eo_operand_ref *refs,
             size_t n, const eo_type *ft)
{
    for (size_t i = 0; i < n; i++)
        if (eo_parse_resolve_operand(p, &refs[i], eo_type_input(ft, i), st) !=
            EO_OK)
            return EO_ERROR;
    for (size_t i = 0; i < eo_type_num_results(ft); i++)
        if (eo_op_state_add_result(st, eo_type_result(ft, i)) != EO_OK)
            return EO_NOMEM;
    return EO_OK;
}

/* "(" operands ")"; *loc gets where the operands start. */
static eo_status
parse_paren_operands(eo_parser *p, eo_operand_ref **refs, size_t *n,
                     const eo_loc **loc)
{
    *refs = NULL;
    *n = 0;
    if (eo_parse_punct(p, "(") != EO_OK)
        return EO_ERROR;
    *loc = eo_parser_loc(p);
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    if (eo_parse_operand_list(p, refs, n) != EO_OK)
        return EO_ERROR;
    return eo_parse_punct(p, ")");
}

static eo_status
parse_call(eo_parser *p, eo_op_state *st)
{
    const eo_ident *name;
    eo_operand_ref *refs;
    size_t n;
    const eo_loc *ops_loc;
    if (eo_parse_symbol_name(p, &name) != EO_OK)
        return EO_ERROR;
    const eo_attr *callee = eo_attr_get_symbol_ref(st->ctx, name, 0, NULL);
    if (!callee)
        return EO_NOMEM;
    if (eo_op_state_set_attr(st, "callee", callee) != EO_OK)
        return EO_NOMEM;
    const eo_type *ft;
    if (parse_paren_operands(p, &refs, &n, &ops_loc) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        parse_fn_type(p, st, n, ops_loc, &ft) != EO_OK)
        return EO_ERROR;
    return resolve_call(p, st, refs, n, ft);
}

/* ------------------------------------------------------------------ */
/* func.call_indirect                                                  */
/* ------------------------------------------------------------------ */

static eo_status
verify_call_indirect(eo_op *op)
{
    if (eo_op_num_operands(op) == 0)
        return eo_op_error(op, "expected 1 or more operands, but found 0");
    const eo_type *ft = eo_value_type(eo_op_operand(op, 0));
    if (eo_type_get_kind(ft) != EO_TYPE_FUNCTION) {
        eo_strbuf b = {0};
        eo_type_print(ft, &b);
        eo_status st = eo_op_error(op, "operand #0 must be function type, "
                                       "but got '%.*s'", (int)b.len,
                                   b.data ? b.data : "");
        eo_strbuf_free(&b);
        return st;
    }
    size_t nargs = eo_op_num_operands(op) - 1;
    bool ok = nargs == eo_type_num_inputs(ft);
    for (size_t i = 0; ok && i < nargs; i++)
        ok = eo_value_type(eo_op_operand(op, i + 1)) == eo_type_input(ft, i);
    if (!ok)
        return eo_op_error(op, "failed to verify that callee input types "
                               "match argument types");
    ok = eo_op_num_results(op) == eo_type_num_results(ft);
    for (size_t i = 0; ok && i < eo_op_num_results(op); i++)
        ok = eo_value_type(eo_op_result(op, i)) == eo_type_result(ft, i);
    if (!ok)
        return eo_op_error(op, "failed to verify that callee result types "
                               "match result types");
    return EO_OK;
}

/* $callee `(` $callee_operands `)` attr-dict `:` type($callee) */
static void
print_call_indirect(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    eo_print_str(p, " ");
    eo_print_operands(p, op, 0, n ? 1 : 0);
    eo_print_str(p, "(");
    if (n > 1)
        eo_print_operands(p, op, 1, n - 1);
    eo_print_str(p, ")");
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, n ? eo_value_type(eo_op_operand(op, 0))
                       : eo_type_get_none(eo_op_ctx(op)));
}

static eo_status
parse_call_indirect(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref callee, *refs;
    size_t n;
    const eo_loc *ops_loc;
    const eo_type *ft;
    if (eo_parse_operand(p, &callee) != EO_OK ||
        parse_paren_operands(p, &refs, &n, &ops_loc) != EO_OK ||
        eo_parse_optional_attr_dict(p, st) != EO_OK ||
        parse_fn_type(p, st, n, ops_loc, &ft) != EO_OK ||
        eo_parse_resolve_operand(p, &callee, ft, st) != EO_OK)
        return EO_ERROR;
    return resolve_call(p, st, refs, n, ft);
}

/* ------------------------------------------------------------------ */
/* func.constant                                                       */
/* ------------------------------------------------------------------ */

static eo_status
verify_constant(eo_op *op)
{
    const eo_attr *v = eo_op_attr(op, "value");
    if (!v)
        return EO_OK;
    if (!is_flat_ref(v))
        return eo_op_error(op, "attribute 'value' failed to satisfy "
                               "constraint: flat symbol reference attribute");
    eo_op *fn = eo_symbol_lookup_nearest(op, v);
    if (!fn || !eo_op_is(fn, &func_ops[FUNC_FUNC]))
        return eo_op_error(op, "reference to undefined function '%s'",
                           eo_ident_str(eo_attr_symbol_root(v)));
    if (func_get_type(fn) != eo_value_type(eo_op_result(op, 0)))
        return eo_op_error(op, "reference to function with mismatched type");
    return EO_OK;
}

/* attr-dict $value `:` type */
static void
print_constant(eo_printer *p, eo_op *op)
{
    static const char *const elided[] = { "value", NULL };
    eo_print_attr_dict(p, op, elided);
    eo_print_str(p, " ");
    if (eo_op_attr(op, "value"))
        eo_print_attr(p, eo_op_attr(op, "value"));
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_result(op, 0)));
}

static eo_status
parse_constant(eo_parser *p, eo_op_state *st)
{
    const eo_ident *name;
    const eo_type *t;
    if (eo_parse_optional_attr_dict(p, st) != EO_OK ||
        eo_parse_symbol_name(p, &name) != EO_OK)
        return EO_ERROR;
    const eo_attr *v = eo_attr_get_symbol_ref(st->ctx, name, 0, NULL);
    if (!v || eo_op_state_set_attr(st, "value", v) != EO_OK)
        return EO_NOMEM;
    if (eo_parse_punct(p, ":") != EO_OK || eo_parse_type(p, &t) != EO_OK)
        return EO_ERROR;
    return eo_op_state_add_result(st, t);
}

/* MLIR names a func.constant's result %f. */
static void
constant_result_names(eo_op *op,
                      void (*set)(void *ud, unsigned i, const char *name,
                                  size_t len),
                      void *ud)
{
    set(ud, 0, "f", 1);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

/* Columns: name, operand/result/region counts, traits, required and
 * optional inherent attributes, then hooks. Ops nested in a func.func
 * print without the "func." prefix (default_dialect). */
static const eo_op_def func_ops[FUNC_NUM_OPS] = {
    [FUNC_FUNC] = {
        .name = "func.func", .operands = 0, .results = 0, .regions = 1,
        .traits = EO_ISOLATED_FROM_ABOVE | EO_SYMBOL | EO_CALLABLE |
                  EO_AFFINE_SCOPE,
        .attrs = EO_ATTRS("sym_name", "function_type"),
        .opt_attrs = EO_ATTRS("sym_visibility", "arg_attrs", "res_attrs"),
        .default_dialect = "func",
        .verify = verify_func,
        .print = eo_print_function_op, .parse = parse_func },
    [FUNC_RETURN] = {
        .name = "func.return", .operands = EO_VARIADIC, .results = 0,
        .traits = EO_PURE | EO_TERMINATOR | EO_RETURN_LIKE,
        .verify = verify_return,
        .print = print_return, .parse = parse_return },
    [FUNC_CALL] = {
        .name = "func.call", .operands = EO_VARIADIC,
        .results = EO_VARIADIC, .traits = EO_CALL,
        .attrs = EO_ATTRS("callee"),
        .verify = verify_call,
        .print = print_call, .parse = parse_call },
    [FUNC_CALL_INDIRECT] = {
        .name = "func.call_indirect", .operands = EO_VARIADIC,
        .results = EO_VARIADIC, .traits = EO_CALL,
        .verify = verify_call_indirect,
        .print = print_call_indirect, .parse = parse_call_indirect,
        .canonicalize = func_call_indirect_canon },
    [FUNC_CONSTANT] = {
        .name = "func.constant", .operands = 0, .results = 1,
        .traits = EO_PURE | EO_CONSTANT_LIKE,
        .attrs = EO_ATTRS("value"),
        .verify = verify_constant,
        .print = print_constant, .parse = parse_constant,
        .result_names = constant_result_names },
};

eo_status
func_register(eo_ctx *ctx)
{
    return eo_dialect_register(ctx, "func", func_ops, FUNC_NUM_OPS);
}

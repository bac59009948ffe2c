/* ir/function_syntax.c - the custom form shared by function-like ops
 * (MLIR's function_interface_impl):
 *
 *   [visibility] @name(%a: t {attrs} loc(..), ...) [-> res] \
 *       [attributes {...}] [{body}]
 *   [visibility] @name(t {attrs}, ...) [-> res]          (declarations)
 *
 * res is "t" or "(t {attrs}, ...)". Stored as the properties sym_name,
 * function_type, sym_visibility, arg_attrs and res_attrs (the last two
 * arrays of dictionaries, present only when some entry is not empty).
 */
#include "ir/internal.h"

#include <stdarg.h>
#include <string.h>

eo_status
eo_parser_error_loc(eo_parser *p, const eo_loc *loc, const char *fmt, ...)
{
    va_list ap;
    if (p->failed)
        return EO_ERROR;
    p->failed = true;
    va_start(ap, fmt);
    eo_diag_builder *b = eo_diag_beginv(p->ctx, EO_SEV_ERROR, loc, fmt, ap);
    va_end(ap);
    if (b)
        eo_diag_emit(b);
    return EO_ERROR;
}

static const char *const function_props[] = {
    "sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs",
    NULL
};

/* Growable scratch arrays for the signature (parse-lifetime memory). */
typedef struct sig_list {
    eo_arg_decl *args;
    size_t n, cap;
} sig_list;

static eo_status
sig_push(eo_parser *p, sig_list *l, const eo_arg_decl *d)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        eo_arg_decl *a = eo_parser_scratch(p, cap * sizeof *a);
        if (!a)
            return EO_NOMEM;
        if (l->n)
            memcpy(a, l->args, l->n * sizeof *a);
        l->args = a;
        l->cap = cap;
    }
    l->args[l->n++] = *d;
    return EO_OK;
}

/* An optional "{...}" dictionary after a type; *out NULL if absent. */
static eo_status
parse_optional_dict(eo_parser *p, const eo_attr **out)
{
    *out = NULL;
    if (!EO_AT(p, EO_TOK_LBRACE))
        return EO_OK;
    if (eo_parse_attr(p, NULL, out) != EO_OK)
        return EO_ERROR;
    if (eo_attr_get_kind(*out) != EO_ATTR_DICT)
        return eo_parser_error(p, "expected attribute dictionary");
    return EO_OK;
}

/* "(" args ")": named (%a: t ...) or anonymous (t ...); *named says
 * which (an empty list counts as named). */
static eo_status
parse_arg_list(eo_parser *p, sig_list *args, bool allow_variadic,
               bool *named)
{
    *named = true;
    if (eo_parse_punct(p, "(") != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    *named = eo_parser_at_operand(p);
    do {
        eo_arg_decl d;
        memset(&d, 0, sizeof d);
        if (EO_AT(p, EO_TOK_ELLIPSIS)) {
            if (!allow_variadic)
                return eo_parser_error(p, "variadic arguments are not "
                                          "allowed here");
            return eo_parser_error(p, "variadic function signatures are not "
                                      "supported");
        }
        if (*named) {
            if (!eo_parser_at_operand(p))
                return eo_parser_error(p, "expected SSA identifier");
            if (eo_parse_arg_decl(p, &d, true, true) != EO_OK)
                return EO_ERROR;
        } else {
            if (eo_parser_at_operand(p))
                return eo_parser_error(p, "expected type instead of SSA "
                                          "identifier");
            if (eo_parse_type(p, &d.type) != EO_OK ||
                parse_optional_dict(p, &d.attrs) != EO_OK ||
                eo_parse_optional_loc(p, &d.loc) != EO_OK)
                return EO_ERROR;
        }
        if (sig_push(p, args, &d) != EO_OK)
            return EO_NOMEM;
    } while (eo_parse_optional_punct(p, ","));
    return eo_parse_punct(p, ")");
}

/* "t" or "(" [t {attrs}, ...] ")" after "->". */
static eo_status
parse_result_list(eo_parser *p, sig_list *res)
{
    eo_arg_decl d;
    memset(&d, 0, sizeof d);
    if (!eo_parse_optional_punct(p, "(")) {
        if (eo_parse_type(p, &d.type) != EO_OK)
            return EO_ERROR;
        return sig_push(p, res, &d);
    }
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    do {
        memset(&d, 0, sizeof d);
        if (eo_parse_type(p, &d.type) != EO_OK ||
            parse_optional_dict(p, &d.attrs) != EO_OK)
            return EO_ERROR;
        if (sig_push(p, res, &d) != EO_OK)
            return EO_NOMEM;
    } while (eo_parse_optional_punct(p, ","));
    return eo_parse_punct(p, ")");
}

/* [{...}, {}, ...] if any of the dictionaries is non-empty, else NULL
 * in *out. */
static eo_status
build_attr_array(eo_ctx *ctx, eo_parser *p, const sig_list *l,
                 const eo_attr **out)
{
    bool any = false;
    *out = NULL;
    for (size_t i = 0; i < l->n; i++)
        if (l->args[i].attrs && eo_attr_dict_size(l->args[i].attrs))
            any = true;
    if (!any)
        return EO_OK;
    const eo_attr *empty = eo_attr_get_dict(ctx, 0, NULL);
    const eo_attr **elems = eo_parser_scratch(p, l->n * sizeof *elems);
    if (!empty || !elems)
        return EO_NOMEM;
    for (size_t i = 0; i < l->n; i++)
        elems[i] = l->args[i].attrs ? l->args[i].attrs : empty;
    *out = eo_attr_get_array(ctx, l->n, elems);
    return *out ? EO_OK : EO_NOMEM;
}

eo_status
eo_parse_function_op(eo_parser *p, eo_op_state *st, bool allow_variadic)
{
    eo_ctx *ctx = p->ctx;
    const eo_ident *vis = NULL, *name;
    sig_list args = {0}, res = {0};
    bool named;
    const eo_loc *sig_loc;

    if (eo_parser_at_keyword(p, "private") ||
        eo_parser_at_keyword(p, "public") ||
        eo_parser_at_keyword(p, "nested")) {
        if (eo_parse_keyword(p, &vis) != EO_OK)
            return EO_ERROR;
    }
    if (eo_parse_symbol_name(p, &name) != EO_OK)
        return EO_ERROR;
    sig_loc = eo_parser_loc(p);
    if (parse_arg_list(p, &args, allow_variadic, &named) != EO_OK)
        return EO_ERROR;
    if (eo_parse_optional_punct(p, "->") && parse_result_list(p, &res) != EO_OK)
        return EO_ERROR;

    const eo_loc *dict_loc = eo_parser_loc(p);
    size_t first_attr = st->num_attrs;
    if (eo_parse_optional_attr_dict_kw(p, st) != EO_OK)
        return EO_ERROR;
    for (size_t i = first_attr; i < st->num_attrs; i++) {
        const char *an = eo_ident_str(st->attrs[i].name);
        for (size_t j = 0; function_props[j]; j++)
            if (strcmp(an, function_props[j]) == 0) {
                return eo_parser_error_loc(p, dict_loc,
                                     "custom op '%s' '%s' is an inferred "
                                     "attribute and should not be specified "
                                     "in the explicit attribute dictionary",
                                     eo_ident_str(st->name), an);
            }
    }

    /* The properties. */
    const eo_type **ins = eo_parser_scratch(p, (args.n + 1) * sizeof *ins);
    const eo_type **outs = eo_parser_scratch(p, (res.n + 1) * sizeof *outs);
    if (!ins || !outs)
        return EO_NOMEM;
    for (size_t i = 0; i < args.n; i++)
        ins[i] = args.args[i].type;
    for (size_t i = 0; i < res.n; i++)
        outs[i] = res.args[i].type;
    const eo_type *ft = eo_type_get_function(ctx, args.n, ins, res.n, outs);
    const eo_attr *sym = eo_attr_get_string(ctx, eo_ident_str(name),
                                            eo_ident_len(name), NULL);
    const eo_attr *fta = ft ? eo_attr_get_type(ctx, ft) : NULL;
    const eo_attr *arg_attrs, *res_attrs;
    if (!sym || !fta || build_attr_array(ctx, p, &args, &arg_attrs) != EO_OK ||
        build_attr_array(ctx, p, &res, &res_attrs) != EO_OK)
        return EO_NOMEM;
    if (eo_op_state_set_attr(st, "sym_name", sym) != EO_OK ||
        eo_op_state_set_attr(st, "function_type", fta) != EO_OK)
        return EO_NOMEM;
    if (vis) {
        const eo_attr *v = eo_attr_get_string(ctx, eo_ident_str(vis),
                                              eo_ident_len(vis), NULL);
        if (!v || eo_op_state_set_attr(st, "sym_visibility", v) != EO_OK)
            return EO_NOMEM;
    }
    if (arg_attrs && eo_op_state_set_attr(st, "arg_attrs", arg_attrs) != EO_OK)
        return EO_NOMEM;
    if (res_attrs && eo_op_state_set_attr(st, "res_attrs", res_attrs) != EO_OK)
        return EO_NOMEM;

    /* The body: one region, empty for a declaration. */
    eo_region *r = eo_op_state_add_region(st);
    if (!r)
        return EO_NOMEM;
    if (!eo_parser_at_region(p))
        return EO_OK;
    if (!named && args.n)
        return eo_parser_error_loc(p, sig_loc, "expected named arguments "
                                               "for a function with a body");
    return eo_parse_region(p, r, args.args, args.n);
}

/* The i-th dictionary of an arg_attrs/res_attrs array, or NULL if absent
 * or empty. */
static const eo_attr *
dict_at(const eo_attr *arr, size_t i)
{
    if (!arr || eo_attr_get_kind(arr) != EO_ATTR_ARRAY ||
        i >= eo_attr_array_size(arr))
        return NULL;
    const eo_attr *d = eo_attr_array_at(arr, i);
    if (eo_attr_get_kind(d) != EO_ATTR_DICT || eo_attr_dict_size(d) == 0)
        return NULL;
    return d;
}

void
eo_print_function_op(eo_printer *p, eo_op *op)
{
    const eo_attr *name = eo_op_attr(op, "sym_name");
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    const eo_attr *fta = eo_op_attr(op, "function_type");
    const eo_attr *arg_attrs = eo_op_attr(op, "arg_attrs");
    const eo_attr *res_attrs = eo_op_attr(op, "res_attrs");
    const eo_type *ft = fta && eo_attr_get_kind(fta) == EO_ATTR_TYPE
                            ? eo_attr_type_value(fta)
                            : NULL;
    eo_region *body = eo_op_num_regions(op) ? eo_op_region(op, 0) : NULL;
    eo_block *entry = body ? eo_region_first(body) : NULL;
    size_t len;

    if (ft && eo_type_get_kind(ft) != EO_TYPE_FUNCTION)
        ft = NULL;
    eo_print_str(p, " ");
    if (vis && eo_attr_get_kind(vis) == EO_ATTR_STRING) {
        const char *v = eo_attr_string(vis, &len);
        eo_print_strn(p, v, len);
        eo_print_str(p, " ");
    }
    if (name && eo_attr_get_kind(name) == EO_ATTR_STRING) {
        const char *s = eo_attr_string(name, &len);
        const eo_ident *id = eo_ident_get(p->ctx, s, len);
        if (id)
            eo_print_symbol_name(p, id);
        else
            p->out->oom = true;
    }
    eo_print_str(p, "(");
    size_t nin = ft ? eo_type_num_inputs(ft) : 0;
    if (entry && eo_block_num_args(entry) == nin) {
        for (size_t i = 0; i < nin; i++) {
            if (i)
                eo_print_str(p, ", ");
            eo_print_arg_decl(p, eo_block_arg(entry, i), dict_at(arg_attrs, i));
        }
    } else {
        for (size_t i = 0; i < nin; i++) {
            const eo_attr *d = dict_at(arg_attrs, i);
            if (i)
                eo_print_str(p, ", ");
            eo_print_type(p, eo_type_input(ft, i));
            if (d) {
                eo_print_str(p, " ");
                eo_print_attr(p, d);
            }
        }
    }
    eo_print_str(p, ")");

    size_t nres = ft ? eo_type_num_results(ft) : 0;
    if (nres) {
        bool any_attrs = false;
        for (size_t i = 0; i < nres; i++)
            any_attrs |= dict_at(res_attrs, i) != NULL;
        bool parens = nres != 1 || any_attrs ||
                      eo_type_get_kind(eo_type_result(ft, 0)) ==
                          EO_TYPE_FUNCTION;
        eo_print_str(p, parens ? " -> (" : " -> ");
        for (size_t i = 0; i < nres; i++) {
            const eo_attr *d = dict_at(res_attrs, i);
            if (i)
                eo_print_str(p, ", ");
            eo_print_type(p, eo_type_result(ft, i));
            if (d) {
                eo_print_str(p, " ");
                eo_print_attr(p, d);
            }
        }
        if (parens)
            eo_print_str(p, ")");
    }
    eo_print_attr_dict_kw(p, op, function_props);
    if (body && !eo_region_empty(body)) {
        eo_print_str(p, " ");
        eo_print_region(p, body, false, true);
    }
}

/* dialects/scf/scf.c - the scf dialect: one op table (scf_ops, near the
 * end), then builders. Each op has a verify hook (operand and region
 * shape, MLIR's op verifier) and, where MLIR checks control flow, a
 * verify_regions hook running the loop-like and region-branch checks
 * that MLIR's interfaces do, with their messages. Custom forms print
 * exactly what mlir-opt 19 prints, including its stray spaces
 * ("step %c  : i32 {", "scf.reduce ", "scf.index_switch %i ").
 *
 * Implicit terminators: scf.for/if/parallel/forall and the default region
 * of scf.index_switch get their terminator appended when the text leaves
 * it out (MLIR's ensureTerminator), and print without it when it carries
 * nothing.
 */
#include "dialects/scf/scf.h"

#include "dialects/scf/scf_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const eo_op_def scf_ops[SCF_NUM_OPS];

#define PARENT (-1)

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

/* Custom printers expect verified IR; an op too malformed to print in its
 * custom form (a user printing unverified IR) gets a marker instead of a
 * crash. */
static void
print_malformed(eo_printer *p)
{
    eo_print_str(p, " <<malformed: verify before printing>>");
}

/* operandSegmentSizes has 'n' entries matching the operands. */
static bool
segments_ok(const eo_op *op, size_t n)
{
    const eo_attr *a = eo_op_attr(op, "operandSegmentSizes");
    size_t start, len;
    return a && eo_attr_get_kind(a) == EO_ATTR_DENSE_ARRAY
           && eo_attr_dense_array_size(a) == n
           && eo_op_operand_segment(op, 0, &start, &len);
}

static bool
is_op(const eo_op *op, enum scf_op k)
{
    return op && eo_op_get_def(op) == &scf_ops[k];
}

/* MLIR's spelling of 't' in 'buf' (which the caller frees). */
static const char *
type_str(const eo_type *t, eo_strbuf *buf)
{
    eo_type_print(t, buf);
    eo_strbuf_append(buf, "", 1);
    return buf->oom ? "<<out of memory>>" : buf->data;
}

/* "'op' op <fmt>" where fmt has exactly two %s for 'a' and 'b' after
 * the size_t arguments i and j (either may be unused by fmt). */
static eo_status
error_types(eo_op *op, const char *fmt, size_t i, size_t j,
            const eo_type *a, const eo_type *b)
{
    eo_strbuf ba = {0}, bb = {0};
    const char *sa = type_str(a, &ba), *sb = type_str(b, &bb);
    eo_status s = eo_op_error(op, fmt, i, j, sa, sb);
    eo_strbuf_free(&ba);
    eo_strbuf_free(&bb);
    return s;
}

static eo_status
operand_type_error(eo_op *op, size_t i, const char *what)
{
    eo_strbuf b = {0};
    eo_status s = eo_op_error(op, "operand #%zu must be %s, but got '%s'", i,
                              what, type_str(eo_value_type(
                                  eo_op_operand(op, i)), &b));
    eo_strbuf_free(&b);
    return s;
}

/* ODS's SizedRegion<1>: exactly one block. */
static eo_status
check_sized_region(eo_op *op, size_t i, const char *name)
{
    if (eo_region_num_blocks(eo_op_region(op, i)) != 1)
        return eo_op_error(op, "region #%zu ('%s') failed to verify "
                           "constraint: region with 1 blocks", i, name);
    return EO_OK;
}

static eo_block *
entry_block(const eo_op *op, size_t region)
{
    if (region >= eo_op_num_regions(op))
        return NULL;
    return eo_region_first(eo_op_region(op, region));
}

/* The value of an integer constant (an op with EO_CONSTANT_LIKE and an
 * integer "value"), as MLIR's getConstantIntValue. */
static bool
const_int_value(const eo_value *v, int64_t *out)
{
    eo_op *d = eo_value_def_op(v);
    if (!d || !eo_op_has_trait(d, EO_CONSTANT_LIKE))
        return false;
    const eo_attr *a = eo_op_attr(d, "value");
    if (!a || eo_attr_get_kind(a) != EO_ATTR_INTEGER)
        return false;
    *out = eo_attr_int_value(a);
    return true;
}

/* "t1, t2" for operands [first, first + n) of 'op'. */
static void
print_operand_types(eo_printer *p, const eo_op *op, size_t first, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, first + i)));
    }
}

/* Result types as a function's results: "t" or "(t1, t2)". */
static void
print_result_types(eo_printer *p, const eo_op *op)
{
    size_t n = eo_op_num_results(op);
    bool paren = n != 1 || eo_type_get_kind(eo_value_type(
                               eo_op_result(op, 0))) == EO_TYPE_FUNCTION;
    if (paren)
        eo_print_str(p, "(");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_result(op, i)));
    }
    if (paren)
        eo_print_str(p, ")");
}

static void
print_result_type_list(eo_printer *p, const eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_result(op, i)));
    }
}

/* " %v, %w : t1, t2" (nothing when n is 0). */
static void
print_operands_colon_types(eo_printer *p, const eo_op *op, size_t first,
                           size_t n)
{
    if (!n)
        return;
    eo_print_str(p, " ");
    eo_print_operands(p, op, first, n);
    eo_print_str(p, " : ");
    print_operand_types(p, op, first, n);
}

/* MLIR's printInitializationList: "<prefix>(%arg = %init, ...)". */
static void
print_init_list(eo_printer *p, const eo_block *b, size_t first_arg,
                const eo_op *op, size_t first, size_t n, const char *prefix)
{
    if (!n)
        return;
    eo_print_str(p, prefix);
    eo_print_str(p, "(");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        if (b && first_arg + i < eo_block_num_args(b))
            eo_print_value(p, eo_block_arg(b, first_arg + i));
        else
            eo_print_str(p, "<<missing>>");
        eo_print_str(p, " = ");
        eo_print_value(p, eo_op_operand(op, first + i));
    }
    eo_print_str(p, ")");
}

/* A growable array in context memory, for lists of unknown length while
 * parsing. Elements are zeroed. */
typedef struct vec {
    void *data;
    size_t n, cap, elem;
} vec;

static void *
vec_push(eo_ctx *ctx, vec *v)
{
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 8;
        void *d = eo_ctx_alloc(ctx, cap * v->elem);
        if (!d)
            return NULL;
        if (v->n) {
            memcpy(d, v->data, v->n * v->elem);
            eo_ctx_free(ctx, v->data, v->cap * v->elem);
        }
        v->data = d;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->n++ * v->elem;
    memset(slot, 0, v->elem);
    return slot;
}

static void
vec_free(eo_ctx *ctx, vec *v)
{
    if (v->cap)
        eo_ctx_free(ctx, v->data, v->cap * v->elem);
    v->data = NULL;
    v->n = v->cap = 0;
}

#define VEC(type) ((vec){ .elem = sizeof(type) })

/* MLIR's ensureTerminator: an empty region gets a block, and a last block
 * that does not end in a (registered) terminator gets an empty 'term'. */
static eo_status
ensure_terminator(eo_ctx *ctx, eo_region *r, enum scf_op term,
                  const eo_loc *loc)
{
    eo_block *b = eo_region_last(r);
    if (!b) {
        if (!(b = eo_block_create(ctx)))
            return EO_NOMEM;
        eo_region_append(r, b);
    }
    eo_op *last = eo_block_last(b);
    if (last && eo_op_is_terminator(last))
        return EO_OK;
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &scf_ops[term], loc);
    if (term == SCF_FORALL_IN_PARALLEL) {
        /* Its own region holds one empty block, as MLIR's builder makes. */
        eo_region *ir = eo_op_state_add_region(&st);
        eo_block *ib = ir ? eo_block_create(ctx) : NULL;
        if (!ib) {
            eo_op_state_release(&st);
            return EO_NOMEM;
        }
        eo_region_append(ir, ib);
    }
    eo_op *op = eo_op_create(&st);
    if (!op)
        return EO_NOMEM;
    eo_block_append(b, op);
    return EO_OK;
}

/* %a "=" %x, ... ")" (after the "("): region arguments into 'args'
 * (eo_arg_decl) and the values they start from into 'inits'
 * (eo_operand_ref). */
static eo_status
parse_assignment_rest(eo_parser *p, vec *args, vec *inits)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    eo_status s;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    do {
        eo_arg_decl *a = vec_push(ctx, args);
        eo_operand_ref *r = vec_push(ctx, inits);
        if (!a || !r)
            return EO_NOMEM;
        if ((s = eo_parse_operand(p, &a->ref)) != EO_OK
            || (s = eo_parse_punct(p, "=")) != EO_OK
            || (s = eo_parse_operand(p, r)) != EO_OK)
            return s;
    } while (eo_parse_optional_punct(p, ","));
    return eo_parse_punct(p, ")");
}

/* MLIR's assignment list: "(" %a "=" %x, ... ")". */
static eo_status
parse_assignment_list(eo_parser *p, vec *args, vec *inits)
{
    eo_status s = eo_parse_punct(p, "(");
    if (s != EO_OK)
        return s;
    return parse_assignment_rest(p, args, inits);
}

/* "(" %a, %b ")" of new values (region arguments), typed 'type'. */
static eo_status
parse_arg_list(eo_parser *p, vec *args, const eo_type *type)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    eo_status s = eo_parse_punct(p, "(");
    if (s != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    do {
        eo_arg_decl *a = vec_push(ctx, args);
        if (!a)
            return EO_NOMEM;
        if ((s = eo_parse_operand(p, &a->ref)) != EO_OK)
            return s;
        a->type = type;
    } while (eo_parse_optional_punct(p, ","));
    return eo_parse_punct(p, ")");
}

/* "(" %a, %b ")" of uses, resolved as 'type'; *n gets the count. */
static eo_status
parse_paren_operands(eo_parser *p, eo_op_state *st, const eo_type *type,
                     size_t *n)
{
    eo_operand_ref *refs;
    eo_status s;
    if ((s = eo_parse_punct(p, "(")) != EO_OK
        || (s = eo_parse_operand_list(p, &refs, n)) != EO_OK
        || (s = eo_parse_punct(p, ")")) != EO_OK)
        return s;
    for (size_t i = 0; i < *n; i++)
        if ((s = eo_parse_resolve_operand(p, &refs[i], type, st)) != EO_OK)
            return s;
    return EO_OK;
}

/* Resolves refs[i] with types[i]; counts must agree. */
static eo_status
resolve_list(eo_parser *p, eo_op_state *st, const eo_operand_ref *refs,
             size_t n, const eo_type *const *types, size_t ntypes)
{
    if (n != ntypes)
        return eo_parser_error(p, "%zu operands present, but "
                             "expected %zu", n, ntypes);
    for (size_t i = 0; i < n; i++) {
        eo_status s = eo_parse_resolve_operand(p, &refs[i], types[i], st);
        if (s != EO_OK)
            return s;
    }
    return EO_OK;
}

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

/* "(" ops ":" types ")" or nothing, resolved into st. */
static eo_status
parse_optional_typed_operands(eo_parser *p, eo_op_state *st, bool parens,
                              bool *present)
{
    eo_operand_ref *refs;
    const eo_type **types;
    size_t n, nt;
    eo_status s;
    *present = false;
    if (parens ? !eo_parse_optional_punct(p, "(") : !eo_parser_at_operand(p))
        return EO_OK;
    *present = true;
    if ((s = eo_parse_operand_list(p, &refs, &n)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type_list(p, &types, &nt)) != EO_OK
        || (s = resolve_list(p, st, refs, n, types, nt)) != EO_OK)
        return s;
    return parens ? eo_parse_punct(p, ")") : EO_OK;
}

/* ------------------------------------------------------------------ */
/* Region control flow (MLIR's RegionBranchOpInterface checks)         */
/* ------------------------------------------------------------------ */

/* Where control goes from 'from' (a region index or PARENT): the i-th
 * target is a region index or PARENT (the op's results), in MLIR's
 * getSuccessorRegions order. */
static size_t
num_targets(const eo_op *op, enum scf_op k, int from)
{
    switch (k) {
    case SCF_FOR: return 2;
    case SCF_IF: return from == PARENT ? 2 : 1;
    case SCF_WHILE: return from == 0 ? 2 : 1;
    case SCF_EXECUTE_REGION: return 1;
    case SCF_INDEX_SWITCH:
        return from == PARENT ? eo_op_num_regions(op) : 1;
    default: return 0;
    }
}

static int
target_at(const eo_op *op, enum scf_op k, int from, size_t i)
{
    switch (k) {
    case SCF_FOR:
        return i == 0 ? 0 : PARENT;
    case SCF_IF:
        if (from != PARENT)
            return PARENT;
        if (i == 0)
            return 0;
        return eo_region_empty(eo_op_region(op, 1)) ? PARENT : 1;
    case SCF_WHILE:
        if (from == PARENT || from == 1)
            return 0;
        return i == 0 ? PARENT : 1;
    case SCF_EXECUTE_REGION:
        return from == PARENT ? 0 : PARENT;
    case SCF_INDEX_SWITCH:
        return from == PARENT ? (int)i : PARENT;
    default:
        return PARENT;
    }
}

/* The values a target receives: the op's results, or the entry block's
 * arguments (after scf.for's induction variable). */
static size_t
target_num_inputs(const eo_op *op, enum scf_op k, int t)
{
    if (t == PARENT)
        return eo_op_num_results(op);
    eo_block *b = entry_block(op, (size_t)t);
    size_t skip = k == SCF_FOR ? 1 : 0;
    size_t n = b ? eo_block_num_args(b) : 0;
    return n > skip ? n - skip : 0;
}

static const eo_type *
target_input_type(const eo_op *op, enum scf_op k, int t, size_t i)
{
    if (t == PARENT)
        return eo_value_type(eo_op_result(op, i));
    return eo_value_type(eo_block_arg(entry_block(op, (size_t)t),
                                      i + (k == SCF_FOR ? 1 : 0)));
}

static void
edge_name(char *buf, size_t size, int r, bool source)
{
    if (r == PARENT)
        snprintf(buf, size, source ? "parent operands" : "parent results");
    else
        snprintf(buf, size, "Region #%d", r);
}

/* Operands [first, first + n) of 'src' flow from 'from' to 't'. */
static eo_status
check_edge(eo_op *op, enum scf_op k, int from, int t, const eo_op *src,
           size_t first, size_t n)
{
    char fs[32], ts[32];
    size_t nin = target_num_inputs(op, k, t);
    edge_name(fs, sizeof fs, from, true);
    edge_name(ts, sizeof ts, t, false);
    if (n != nin)
        return eo_op_error(op, " region control flow edge from %s to %s: "
                           "source has %zu operands, but target successor "
                           "needs %zu", fs, ts, n, nin);
    for (size_t i = 0; i < n; i++) {
        const eo_type *st = eo_value_type(eo_op_operand(src, first + i));
        const eo_type *it = target_input_type(op, k, t, i);
        if (st == it)
            continue;
        eo_strbuf b1 = {0}, b2 = {0};
        eo_status s = eo_op_error(op, " along control flow edge from %s to "
                                  "%s: source type #%zu '%s' should match "
                                  "input type #%zu '%s'", fs, ts, i,
                                  type_str(st, &b1), i, type_str(it, &b2));
        eo_strbuf_free(&b1);
        eo_strbuf_free(&b2);
        return s;
    }
    return EO_OK;
}

/* Operands a region terminator forwards: all of scf.yield's, those after
 * the condition of scf.condition. */
static bool
region_terminator(const eo_block *b, size_t *first, size_t *n)
{
    eo_op *t = eo_block_last(b);
    if (is_op(t, SCF_YIELD)) {
        *first = 0;
        *n = eo_op_num_operands(t);
        return true;
    }
    if (is_op(t, SCF_CONDITION) && eo_op_num_operands(t) >= 1) {
        *first = 1;
        *n = eo_op_num_operands(t) - 1;
        return true;
    }
    return false;
}

static eo_status
verify_region_branch(eo_op *op, enum scf_op k)
{
    size_t first = 0, n = 0;
    eo_status s;
    if (k == SCF_FOR)
        first = 3;
    if (k == SCF_FOR || k == SCF_WHILE)
        n = eo_op_num_operands(op) - first;
    for (size_t i = 0; i < num_targets(op, k, PARENT); i++) {
        s = check_edge(op, k, PARENT, target_at(op, k, PARENT, i), op, first,
                       n);
        if (s != EO_OK)
            return s;
    }
    for (size_t r = 0; r < eo_op_num_regions(op); r++) {
        eo_block *b0 = NULL;
        size_t f0 = 0, n0 = 0;
        for (eo_block *b = eo_region_first(eo_op_region(op, r)); b;
             b = eo_block_next(b)) {
            size_t f, m;
            if (!region_terminator(b, &f, &m))
                continue;
            if (!b0) {
                b0 = b;
                f0 = f;
                n0 = m;
                continue;
            }
            bool same = m == n0;
            for (size_t i = 0; same && i < m; i++)
                same = eo_value_type(eo_op_operand(eo_block_last(b), f + i))
                       == eo_value_type(eo_op_operand(eo_block_last(b0),
                                                      f0 + i));
            if (!same)
                return eo_op_error(op, " along control flow edge from "
                                   "Region #%zu: operand types mismatch "
                                   "between return-like terminators", r);
        }
        if (!b0)
            continue;
        for (size_t i = 0; i < num_targets(op, k, (int)r); i++) {
            s = check_edge(op, k, (int)r, target_at(op, k, (int)r, i),
                           eo_block_last(b0), f0, n0);
            if (s != EO_OK)
                return s;
        }
    }
    return EO_OK;
}

/* The region_successors hook (eo_op_def) of scf.for, scf.if, scf.while,
 * scf.execute_region and scf.index_switch: the edges of num_targets /
 * target_at from the parent or from the region 'term' closes, pruned by
 * the constant that decides the way (scf.if's condition, the argument of
 * scf.index_switch, the condition of scf.condition), each forwarding what
 * check_edge checks: scf.for's and scf.while's inits, the yielded values,
 * the values after scf.condition's condition. scf.for's induction
 * variable is not forwarded. */
static void
region_successors(eo_op *op, eo_op *term, const eo_attr *const cst[],
                  eo_region_successor_fn add, void *ud)
{
    enum scf_op k = scf_op_kind(op);
    eo_region *r = term ? eo_op_parent_region(term) : NULL;
    if (term && (!r || eo_region_parent_op(r) != op))
        return;
    int from = term ? (int)eo_region_index(r) : PARENT;
    const eo_op *pred = term ? term : op;
    const eo_attr *c0 = cst && eo_op_num_operands(pred) ? cst[0] : NULL;
    if (c0 && eo_attr_get_kind(c0) != EO_ATTR_INTEGER)
        c0 = NULL;
    size_t first = 0, n = 0;
    if (!term) {
        first = k == SCF_FOR ? 3 : 0;
        if ((k == SCF_FOR || k == SCF_WHILE) &&
            eo_op_num_operands(op) > first)
            n = eo_op_num_operands(op) - first;
    } else if (!region_terminator(eo_op_block(term), &first, &n)) {
        first = n = 0;              /* not ours: nothing forwarded */
    }
    /* The one target (by position) a constant picks, or -1: all. */
    long pick = -1;
    if (c0 && !term && k == SCF_IF) {
        pick = eo_attr_int_value(c0) != 0 ? 0 : 1;
    } else if (c0 && !term && k == SCF_INDEX_SWITCH) {
        const eo_attr *cases = eo_op_attr(op, "cases");
        size_t nc = cases && eo_attr_get_kind(cases) == EO_ATTR_DENSE_ARRAY
                        ? eo_attr_dense_array_size(cases) : 0;
        pick = 0;                   /* the default region */
        for (size_t i = 0; i < nc && i + 1 < eo_op_num_regions(op); i++)
            if (eo_attr_dense_array_int(cases, i) == eo_attr_int_value(c0)) {
                pick = (long)i + 1;
                break;
            }
    } else if (c0 && k == SCF_WHILE && from == 0 &&
               is_op(term, SCF_CONDITION)) {
        pick = eo_attr_int_value(c0) != 0 ? 1 : 0;  /* after : results */
    }
    for (size_t i = 0; i < num_targets(op, k, from); i++) {
        if (pick >= 0 && (size_t)pick != i)
            continue;
        int t = target_at(op, k, from, i);
        eo_region_successor s = {
            .region = t == PARENT ? EO_REGION_PARENT : (uint32_t)t,
            .first_operand = (uint32_t)first,
            .first_input = k == SCF_FOR && t != PARENT ? 1 : 0,
            .count = (uint32_t)n,
        };
        add(ud, &s);
    }
}

/* SingleBlockImplicitTerminator: each non-empty region ends with 'term'. */
static eo_status
verify_implicit_terminator(eo_op *op, enum scf_op term)
{
    const char *tn = scf_ops[term].name;
    for (size_t i = 0; i < eo_op_num_regions(op); i++) {
        eo_block *b = entry_block(op, i);
        eo_op *last = b ? eo_block_last(b) : NULL;
        if (!b || !last || is_op(last, term))
            continue;
        eo_diag_builder *d = eo_op_error_begin(
            op, "expects regions to end with '%s', found '%s'", tn,
            eo_op_name_str(last));
        eo_diag_note(d, eo_op_loc(op), "in custom textual format, the "
                     "absence of terminator implies '%s'", tn);
        return eo_diag_emit(d);
    }
    return EO_OK;
}

/* MLIR's verifyAndGetTerminator: the region's first block ends with
 * 'term', else 'msg' (with a note at the terminator found). */
static eo_op *
expect_terminator(eo_op *op, size_t region, enum scf_op term,
                  const char *msg)
{
    eo_block *b = entry_block(op, region);
    eo_op *last = b ? eo_block_last(b) : NULL;
    if (is_op(last, term))
        return last;
    eo_diag_builder *d = eo_op_error_begin(op, "%s", msg);
    if (last)
        eo_diag_note(d, eo_op_loc(last), "terminator here");
    (void)eo_diag_emit(d);
    return NULL;
}

/* HasParent / ParentOneOf. */
static eo_status
verify_parent(eo_op *op, enum scf_op want)
{
    if (is_op(eo_op_parent(op), want))
        return EO_OK;
    return eo_op_error(op, "expects parent op '%s'", scf_ops[want].name);
}

/* ------------------------------------------------------------------ */
/* scf.yield, scf.condition, scf.reduce.return                         */
/* ------------------------------------------------------------------ */

static eo_status
verify_yield(eo_op *op)
{
    eo_op *parent = eo_op_parent(op);
    if (is_op(parent, SCF_EXECUTE_REGION) || is_op(parent, SCF_FOR)
        || is_op(parent, SCF_IF) || is_op(parent, SCF_INDEX_SWITCH)
        || is_op(parent, SCF_WHILE))
        return EO_OK;
    return eo_op_error(op, "expects parent op to be one of 'scf.execute_region"
                       ", scf.for, scf.if, scf.index_switch, scf.while'");
}

static void
print_yield(eo_printer *p, eo_op *op)
{
    eo_print_attr_dict(p, op, NULL);
    print_operands_colon_types(p, op, 0, eo_op_num_operands(op));
}

static eo_status
parse_yield(eo_parser *p, eo_op_state *st)
{
    bool present;
    eo_status s = eo_parse_optional_attr_dict(p, st);
    if (s != EO_OK)
        return s;
    return parse_optional_typed_operands(p, st, false, &present);
}

static eo_status
verify_condition(eo_op *op)
{
    if (verify_parent(op, SCF_WHILE) != EO_OK)
        return EO_ERROR;
    if (eo_op_num_operands(op) < 1)
        return eo_op_error(op, "expected 1 or more operands, but found 0");
    if (!eo_type_is_signless_int(eo_value_type(eo_op_operand(op, 0)), 1))
        return operand_type_error(op, 0, "1-bit signless integer");
    return EO_OK;
}

static void
print_condition(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) < 1) {
        print_malformed(p);
        return;
    }
    eo_print_str(p, "(");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, ")");
    eo_print_attr_dict(p, op, NULL);
    print_operands_colon_types(p, op, 1, eo_op_num_operands(op) - 1);
}

static eo_status
parse_condition(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref c;
    bool present;
    eo_status s;
    const eo_type *i1 = eo_type_get_int(st->ctx, 1);
    if (!i1)
        return EO_NOMEM;
    if ((s = eo_parse_punct(p, "(")) != EO_OK
        || (s = eo_parse_operand(p, &c)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &c, i1, st)) != EO_OK
        || (s = eo_parse_punct(p, ")")) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    return parse_optional_typed_operands(p, st, false, &present);
}

static eo_status
verify_reduce_return(eo_op *op)
{
    if (verify_parent(op, SCF_REDUCE) != EO_OK)
        return EO_ERROR;
    eo_block *b = eo_op_block(op);
    if (!b || eo_block_num_args(b) == 0)
        return EO_OK;
    const eo_type *want = eo_value_type(eo_block_arg(b, 0));
    const eo_type *got = eo_value_type(eo_op_operand(op, 0));
    if (want == got)
        return EO_OK;
    eo_strbuf sb = {0};
    eo_status s = eo_op_error(op, "must have type '%s' (the type of the "
                              "reduction inputs)", type_str(want, &sb));
    eo_strbuf_free(&sb);
    return s;
}

static void
print_reduce_return(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) != 1) {
        print_malformed(p);
        return;
    }
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_attr_dict(p, op, NULL);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(eo_op_operand(op, 0)));
}

static eo_status
parse_reduce_return(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref r;
    const eo_type *t;
    eo_status s;
    if ((s = eo_parse_operand(p, &r)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_type(p, &t)) != EO_OK)
        return s;
    return eo_parse_resolve_operand(p, &r, t, st);
}

/* ------------------------------------------------------------------ */
/* scf.for                                                             */
/* ------------------------------------------------------------------ */

static eo_status
verify_for(eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (n < 3)
        return eo_op_error(op, "expected 3 or more operands, but found %zu",
                           n);
    for (size_t i = 0; i < 3; i++)
        if (!eo_type_is_int_or_index(eo_value_type(eo_op_operand(op, i))))
            return operand_type_error(op, i, "signless integer or index");
    if (check_sized_region(op, 0, "region") != EO_OK)
        return EO_ERROR;
    const eo_type *t = eo_value_type(eo_op_operand(op, 0));
    if (eo_value_type(eo_op_operand(op, 1)) != t
        || eo_value_type(eo_op_operand(op, 2)) != t)
        return eo_op_error(op, "failed to verify that all of {lowerBound, "
                           "upperBound, step} have same type");
    if (n - 3 != eo_op_num_results(op))
        return eo_op_error(op, "mismatch in number of loop-carried values "
                           "and defined values");
    return EO_OK;
}

/* LoopLikeOpInterface's checks, then region control flow, then the
 * induction variable (MLIR's ForOp::verifyRegions). */
static eo_status
verify_for_regions(eo_op *op)
{
    if (verify_implicit_terminator(op, SCF_YIELD) != EO_OK)
        return EO_ERROR;
    eo_block *body = entry_block(op, 0);
    size_t nargs = eo_block_num_args(body);
    if (nargs == 0)
        return eo_op_error(op, "expects the body to take the induction "
                           "variable as its first argument");
    size_t ninit = eo_op_num_operands(op) - 3, niter = nargs - 1;
    size_t nres = eo_op_num_results(op);
    eo_op *y = eo_block_last(body);
    if (!is_op(y, SCF_YIELD))
        y = NULL;
    if (ninit != niter)
        return eo_op_error(op, "different number of inits and region "
                           "iter_args: %zu != %zu", ninit, niter);
    if (y && niter != eo_op_num_operands(y))
        return eo_op_error(op, "different number of region iter_args and "
                           "yielded values: %zu != %zu", niter,
                           eo_op_num_operands(y));
    if (nres != niter)
        return eo_op_error(op, "different number of loop results and region "
                           "iter_args: %zu != %zu", nres, niter);
    for (size_t i = 0; i < niter; i++) {
        const eo_type *it = eo_value_type(eo_block_arg(body, i + 1));
        const eo_type *ini = eo_value_type(eo_op_operand(op, i + 3));
        if (ini != it)
            return error_types(op, "%zu-th init and %zu-th region iter_arg "
                               "have different type: '%s' != '%s'", i, i,
                               ini, it);
        if (y && eo_value_type(eo_op_operand(y, i)) != it)
            return error_types(op, "%zu-th region iter_arg and %zu-th "
                               "yielded value have different type: '%s' != "
                               "'%s'", i, i, it,
                               eo_value_type(eo_op_operand(y, i)));
    }
    for (size_t i = 0; i < niter; i++) {
        const eo_type *it = eo_value_type(eo_block_arg(body, i + 1));
        const eo_type *rt = eo_value_type(eo_op_result(op, i));
        if (it != rt)
            return error_types(op, "%zu-th region iter_arg and %zu-th loop "
                               "result have different type: '%s' != '%s'",
                               i, i, it, rt);
    }
    if (verify_region_branch(op, SCF_FOR) != EO_OK)
        return EO_ERROR;
    if (eo_value_type(eo_block_arg(body, 0))
        != eo_value_type(eo_op_operand(op, 0)))
        return eo_op_error(op, "expected induction variable to be same type "
                           "as bounds and step");
    return EO_OK;
}

static void
print_for(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) < 3 || eo_op_num_regions(op) != 1) {
        print_malformed(p);
        return;
    }
    eo_block *body = entry_block(op, 0);
    size_t ninit = eo_op_num_operands(op) - 3;
    eo_print_str(p, " ");
    if (body && eo_block_num_args(body))
        eo_print_value(p, eo_block_arg(body, 0));
    eo_print_str(p, " = ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, " to ");
    eo_print_value(p, eo_op_operand(op, 1));
    eo_print_str(p, " step ");
    eo_print_value(p, eo_op_operand(op, 2));
    print_init_list(p, body, 1, op, 3, ninit, " iter_args");
    if (ninit) {
        eo_print_str(p, " -> (");
        print_operand_types(p, op, 3, ninit);
        eo_print_str(p, ")");
    }
    eo_print_str(p, " ");
    const eo_type *t = body && eo_block_num_args(body)
                           ? eo_value_type(eo_block_arg(body, 0))
                           : eo_value_type(eo_op_operand(op, 0));
    if (!eo_type_is_index(t)) {
        eo_print_str(p, " : ");
        eo_print_type(p, t);
        eo_print_str(p, " ");
    }
    eo_print_region(p, eo_op_region(op, 0), false, ninit != 0);
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_for_body(eo_parser *p, eo_op_state *st, vec *args, vec *inits)
{
    eo_operand_ref lb, ub, step;
    const eo_type **types = NULL;
    size_t ntypes = 0;
    eo_status s;
    eo_arg_decl *iv = vec_push(st->ctx, args);
    if (!iv)
        return EO_NOMEM;
    if ((s = eo_parse_operand(p, &iv->ref)) != EO_OK
        || (s = eo_parse_punct(p, "=")) != EO_OK
        || (s = eo_parse_operand(p, &lb)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "to")) != EO_OK
        || (s = eo_parse_operand(p, &ub)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "step")) != EO_OK
        || (s = eo_parse_operand(p, &step)) != EO_OK)
        return s;
    if (eo_parse_optional_keyword(p, "iter_args")) {
        if ((s = parse_assignment_list(p, args, inits)) != EO_OK
            || (s = eo_parse_punct(p, "->")) != EO_OK
            || (s = eo_parse_result_types(p, &types, &ntypes)) != EO_OK)
            return s;
    }
    if (inits->n != ntypes)
        return eo_parser_error(p, "mismatch in number of "
                             "loop-carried values and defined values");
    const eo_type *t;
    if (eo_parse_optional_punct(p, ":")) {
        if ((s = eo_parse_type(p, &t)) != EO_OK)
            return s;
    } else if (!(t = eo_type_get_index(st->ctx))) {
        return EO_NOMEM;
    }
    eo_arg_decl *a = args->data;
    a[0].type = t;
    if ((s = eo_parse_resolve_operand(p, &lb, t, st)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &ub, t, st)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &step, t, st)) != EO_OK)
        return s;
    const eo_operand_ref *r = inits->data;
    for (size_t i = 0; i < ntypes; i++) {
        a[i + 1].type = types[i];
        if ((s = eo_parse_resolve_operand(p, &r[i], types[i], st)) != EO_OK)
            return s;
    }
    if ((s = eo_op_state_add_results(st, ntypes, types)) != EO_OK)
        return s;
    eo_region *body = eo_op_state_add_region(st);
    if (!body)
        return EO_NOMEM;
    if ((s = eo_parse_region(p, body, a, args->n)) != EO_OK
        || (s = ensure_terminator(st->ctx, body, SCF_YIELD, st->loc))
               != EO_OK)
        return s;
    return eo_parse_optional_attr_dict(p, st);
}

static eo_status
parse_for(eo_parser *p, eo_op_state *st)
{
    vec args = VEC(eo_arg_decl), inits = VEC(eo_operand_ref);
    eo_status s = parse_for_body(p, st, &args, &inits);
    vec_free(st->ctx, &args);
    vec_free(st->ctx, &inits);
    return s;
}

/* ------------------------------------------------------------------ */
/* scf.if                                                              */
/* ------------------------------------------------------------------ */

static eo_status
verify_if(eo_op *op)
{
    if (!eo_type_is_signless_int(eo_value_type(eo_op_operand(op, 0)), 1))
        return operand_type_error(op, 0, "1-bit signless integer");
    if (check_sized_region(op, 0, "thenRegion") != EO_OK)
        return EO_ERROR;
    if (eo_region_num_blocks(eo_op_region(op, 1)) > 1)
        return eo_op_error(op, "region #1 ('elseRegion') failed to verify "
                           "constraint: region with at most 1 blocks");
    for (size_t i = 0; i < 2; i++) {
        eo_block *b = entry_block(op, i);
        if (b && eo_block_num_args(b))
            return eo_op_error(op, "region #%zu should have no arguments",
                               i);
    }
    if (eo_op_num_results(op) && eo_region_empty(eo_op_region(op, 1)))
        return eo_op_error(op, "must have an else block if defining values");
    return EO_OK;
}

static eo_status
verify_if_regions(eo_op *op)
{
    if (verify_implicit_terminator(op, SCF_YIELD) != EO_OK)
        return EO_ERROR;
    return verify_region_branch(op, SCF_IF);
}

static void
print_if(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) != 1 || eo_op_num_regions(op) != 2) {
        print_malformed(p);
        return;
    }
    bool terms = eo_op_num_results(op) != 0;
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    if (terms) {
        eo_print_str(p, " -> (");
        print_result_type_list(p, op);
        eo_print_str(p, ")");
    }
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, terms);
    if (!eo_region_empty(eo_op_region(op, 1))) {
        eo_print_str(p, " else ");
        eo_print_region(p, eo_op_region(op, 1), false, terms);
    }
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_if(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref c;
    eo_status s;
    const eo_type *i1 = eo_type_get_int(st->ctx, 1);
    eo_region *then_r = eo_op_state_add_region(st);
    eo_region *else_r = eo_op_state_add_region(st);
    if (!i1 || !then_r || !else_r)
        return EO_NOMEM;
    if ((s = eo_parse_operand(p, &c)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &c, i1, st)) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, "->")) {
        const eo_type **types;
        size_t n;
        if ((s = eo_parse_result_types(p, &types, &n)) != EO_OK
            || (s = eo_op_state_add_results(st, n, types)) != EO_OK)
            return s;
    }
    if ((s = eo_parse_region(p, then_r, NULL, 0)) != EO_OK
        || (s = ensure_terminator(st->ctx, then_r, SCF_YIELD, st->loc))
               != EO_OK)
        return s;
    if (eo_parse_optional_keyword(p, "else")) {
        if ((s = eo_parse_region(p, else_r, NULL, 0)) != EO_OK
            || (s = ensure_terminator(st->ctx, else_r, SCF_YIELD, st->loc))
                   != EO_OK)
            return s;
    }
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* scf.while                                                           */
/* ------------------------------------------------------------------ */

static eo_status
verify_while(eo_op *op)
{
    if (check_sized_region(op, 0, "before") != EO_OK
        || check_sized_region(op, 1, "after") != EO_OK)
        return EO_ERROR;
    if (!expect_terminator(op, 0, SCF_CONDITION, "expects the 'before' "
                           "region to terminate with 'scf.condition'"))
        return EO_ERROR;
    if (!expect_terminator(op, 1, SCF_YIELD, "expects the 'after' region "
                           "to terminate with 'scf.yield'"))
        return EO_ERROR;
    return EO_OK;
}

static eo_status
verify_while_regions(eo_op *op)
{
    return verify_region_branch(op, SCF_WHILE);
}

static void
print_while(eo_printer *p, eo_op *op)
{
    if (eo_op_num_regions(op) != 2) {
        print_malformed(p);
        return;
    }
    size_t n = eo_op_num_operands(op);
    print_init_list(p, entry_block(op, 0), 0, op, 0, n, " ");
    eo_print_str(p, " : (");
    print_operand_types(p, op, 0, n);
    eo_print_str(p, ") -> ");
    print_result_types(p, op);
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, true);
    eo_print_str(p, " do ");
    eo_print_region(p, eo_op_region(op, 1), true, true);
    eo_print_attr_dict_kw(p, op, NULL);
}

static eo_status
parse_while_body(eo_parser *p, eo_op_state *st, vec *args, vec *inits)
{
    eo_status s;
    eo_region *before = eo_op_state_add_region(st);
    eo_region *after = eo_op_state_add_region(st);
    if (!before || !after)
        return EO_NOMEM;
    if (eo_parse_optional_punct(p, "(")
        && (s = parse_assignment_rest(p, args, inits)) != EO_OK)
        return s;
    if ((s = eo_parse_punct(p, ":")) != EO_OK)
        return s;
    const eo_type *ft;
    if ((s = eo_parse_type(p, &ft)) != EO_OK)
        return s;
    if (eo_type_get_kind(ft) != EO_TYPE_FUNCTION)
        return eo_parser_error(p, "invalid kind of type specified");
    size_t nin = eo_type_num_inputs(ft);
    if (nin != inits->n)
        return eo_parser_error(p, "expected as many input types as "
                             "operands (expected %zu got %zu)", inits->n,
                             nin);
    for (size_t i = 0; i < eo_type_num_results(ft); i++)
        if ((s = eo_op_state_add_result(st, eo_type_result(ft, i))) != EO_OK)
            return s;
    eo_arg_decl *a = args->data;
    const eo_operand_ref *r = inits->data;
    for (size_t i = 0; i < nin; i++) {
        a[i].type = eo_type_input(ft, i);
        if ((s = eo_parse_resolve_operand(p, &r[i], a[i].type, st)) != EO_OK)
            return s;
    }
    if ((s = eo_parse_region(p, before, a, args->n)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "do")) != EO_OK
        || (s = eo_parse_region(p, after, NULL, 0)) != EO_OK)
        return s;
    return eo_parse_optional_attr_dict_kw(p, st);
}

static eo_status
parse_while(eo_parser *p, eo_op_state *st)
{
    vec args = VEC(eo_arg_decl), inits = VEC(eo_operand_ref);
    eo_status s = parse_while_body(p, st, &args, &inits);
    vec_free(st->ctx, &args);
    vec_free(st->ctx, &inits);
    return s;
}

/* ------------------------------------------------------------------ */
/* scf.execute_region                                                  */
/* ------------------------------------------------------------------ */

static eo_status
verify_execute_region(eo_op *op)
{
    eo_block *b = entry_block(op, 0);
    if (!b)
        return eo_op_error(op, "region needs to have at least one block");
    if (eo_block_num_args(b))
        return eo_op_error(op, "region cannot have any arguments");
    return EO_OK;
}

static eo_status
verify_execute_region_regions(eo_op *op)
{
    return verify_region_branch(op, SCF_EXECUTE_REGION);
}

static void
print_execute_region(eo_printer *p, eo_op *op)
{
    if (eo_op_num_regions(op) != 1) {
        print_malformed(p);
        return;
    }
    if (eo_op_num_results(op)) {
        eo_print_str(p, " -> ");
        print_result_types(p, op);
    }
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, true);
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_execute_region(eo_parser *p, eo_op_state *st)
{
    eo_status s;
    if (eo_parse_optional_punct(p, "->")) {
        const eo_type **types;
        size_t n;
        if ((s = eo_parse_result_types(p, &types, &n)) != EO_OK
            || (s = eo_op_state_add_results(st, n, types)) != EO_OK)
            return s;
    }
    eo_region *r = eo_op_state_add_region(st);
    if (!r)
        return EO_NOMEM;
    if ((s = eo_parse_region(p, r, NULL, 0)) != EO_OK)
        return s;
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* scf.index_switch                                                    */
/* ------------------------------------------------------------------ */

static int
cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* One region: ends with scf.yield of the op's result types. */
static eo_status
verify_switch_region(eo_op *op, size_t r, const char *name, size_t idx)
{
    char what[48];
    if (r == 0)
        snprintf(what, sizeof what, "%s", name);
    else
        snprintf(what, sizeof what, "%s #%zu", name, idx);
    eo_block *b = entry_block(op, r);
    eo_op *y = b ? eo_block_last(b) : NULL;
    if (!y)
        return EO_OK;   /* the block verifier reports the empty block */
    if (!is_op(y, SCF_YIELD))
        return eo_op_error(op, "expected region to end with scf.yield, but "
                           "got %s", eo_op_name_str(y));
    size_t nres = eo_op_num_results(op);
    if (eo_op_num_operands(y) != nres) {
        eo_diag_builder *d = eo_op_error_begin(
            op, "expected each region to return %zu values, but %s returns "
            "%zu", nres, what, eo_op_num_operands(y));
        eo_diag_note(d, eo_op_loc(y), "see yield operation here");
        return eo_diag_emit(d);
    }
    for (size_t i = 0; i < nres; i++) {
        const eo_type *rt = eo_value_type(eo_op_result(op, i));
        const eo_type *yt = eo_value_type(eo_op_operand(y, i));
        if (rt == yt)
            continue;
        eo_strbuf b1 = {0}, b2 = {0};
        eo_diag_builder *d = eo_op_error_begin(
            op, "expected result #%zu of each region to be '%s'", i,
            type_str(rt, &b1));
        eo_diag_note(d, eo_op_loc(y), "%s returns '%s' here", what,
                     type_str(yt, &b2));
        eo_strbuf_free(&b1);
        eo_strbuf_free(&b2);
        return eo_diag_emit(d);
    }
    return EO_OK;
}

static eo_status
verify_index_switch(eo_op *op)
{
    if (!eo_type_is_index(eo_value_type(eo_op_operand(op, 0))))
        return operand_type_error(op, 0, "index");
    size_t nreg = eo_op_num_regions(op);
    if (nreg < 1)
        return eo_op_error(op, "expected 1 or more regions");
    const eo_attr *cases = eo_op_attr(op, "cases");
    if (eo_attr_get_kind(cases) != EO_ATTR_DENSE_ARRAY)
        return eo_op_error(op, "attribute 'cases' failed to satisfy "
                           "constraint: i64 dense array attribute");
    for (size_t i = 0; i < nreg; i++)
        if (check_sized_region(op, i, i ? "caseRegions" : "defaultRegion")
            != EO_OK)
            return EO_ERROR;
    size_t n = eo_attr_dense_array_size(cases);
    if (n != nreg - 1)
        return eo_op_error(op, "has %zu case regions but %zu case values",
                           nreg - 1, n);
    if (n > 1) {
        eo_ctx *ctx = eo_op_ctx(op);
        int64_t *v = eo_ctx_alloc(ctx, n * sizeof *v);
        if (!v)
            return EO_NOMEM;
        for (size_t i = 0; i < n; i++)
            v[i] = eo_attr_dense_array_int(cases, i);
        qsort(v, n, sizeof *v, cmp_i64);
        size_t dup = n;
        for (size_t i = 1; i < n && dup == n; i++)
            if (v[i] == v[i - 1])
                dup = i;
        int64_t dv = dup < n ? v[dup] : 0;
        eo_ctx_free(ctx, v, n * sizeof *v);
        if (dup < n)
            return eo_op_error(op, "has duplicate case value: %lld",
                               (long long)dv);
    }
    if (verify_switch_region(op, 0, "default region", 0) != EO_OK)
        return EO_ERROR;
    for (size_t i = 1; i < nreg; i++)
        if (verify_switch_region(op, i, "case region", i - 1) != EO_OK)
            return EO_ERROR;
    return EO_OK;
}

static eo_status
verify_index_switch_regions(eo_op *op)
{
    if (verify_implicit_terminator(op, SCF_YIELD) != EO_OK)
        return EO_ERROR;
    return verify_region_branch(op, SCF_INDEX_SWITCH);
}

static void
print_index_switch(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) != 1 || eo_op_num_regions(op) < 1) {
        print_malformed(p);
        return;
    }
    static const char *const elided[] = {"cases", NULL};
    const eo_attr *cases = eo_op_attr(op, "cases");
    size_t n = cases && eo_attr_get_kind(cases) == EO_ATTR_DENSE_ARRAY
                   ? eo_attr_dense_array_size(cases) : 0;
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_attr_dict(p, op, elided);
    if (eo_op_num_results(op)) {
        eo_print_str(p, " -> ");
        print_result_type_list(p, op);
    }
    eo_print_str(p, " ");
    for (size_t i = 0; i < n && i + 1 < eo_op_num_regions(op); i++) {
        eo_print_newline(p);
        eo_print_fmt(p, "case %lld ",
                     (long long)eo_attr_dense_array_int(cases, i));
        eo_print_region(p, eo_op_region(op, i + 1), false, true);
    }
    eo_print_newline(p);
    eo_print_str(p, "default ");
    eo_print_region(p, eo_op_region(op, 0), false, false);
}

static eo_status
parse_index_switch_body(eo_parser *p, eo_op_state *st, vec *cases)
{
    eo_operand_ref arg;
    eo_status s;
    const eo_type *index = eo_type_get_index(st->ctx);
    if (!index)
        return EO_NOMEM;
    if ((s = eo_parse_operand(p, &arg)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &arg, index, st)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, "->")) {
        const eo_type **types;
        size_t n;
        if ((s = eo_parse_type_list(p, &types, &n)) != EO_OK
            || (s = eo_op_state_add_results(st, n, types)) != EO_OK)
            return s;
    }
    eo_region *def = eo_op_state_add_region(st);
    if (!def)
        return EO_NOMEM;
    while (eo_parse_optional_keyword(p, "case")) {
        bool neg = eo_parse_optional_punct(p, "-");
        int64_t *v = vec_push(st->ctx, cases);
        if (!v)
            return EO_NOMEM;
        if ((s = eo_parse_integer(p, v)) != EO_OK)
            return s;
        if (neg)
            *v = (int64_t)(0 - (uint64_t)*v);
        eo_region *r = eo_op_state_add_region(st);
        if (!r)
            return EO_NOMEM;
        if ((s = eo_parse_region(p, r, NULL, 0)) != EO_OK)
            return s;
    }
    if ((s = set_array(st, "cases", 64, cases->n, cases->data)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "default")) != EO_OK
        || (s = eo_parse_region(p, def, NULL, 0)) != EO_OK)
        return s;
    return ensure_terminator(st->ctx, def, SCF_YIELD, st->loc);
}

static eo_status
parse_index_switch(eo_parser *p, eo_op_state *st)
{
    vec cases = VEC(int64_t);
    eo_status s = parse_index_switch_body(p, st, &cases);
    vec_free(st->ctx, &cases);
    return s;
}

/* ------------------------------------------------------------------ */
/* scf.parallel, scf.reduce                                            */
/* ------------------------------------------------------------------ */

static eo_status
verify_parallel(eo_op *op)
{
    size_t start[4], len[4];
    for (size_t k = 0; k < 4; k++)
        if (!eo_op_operand_segment(op, k, &start[k], &len[k]))
            return eo_op_error(op, "'operandSegmentSizes' attribute for "
                               "specifying operand segments must have 4 "
                               "elements");
    for (size_t i = 0; i < start[3]; i++)
        if (!eo_type_is_index(eo_value_type(eo_op_operand(op, i))))
            return operand_type_error(op, i, "variadic of index");
    if (check_sized_region(op, 0, "region") != EO_OK)
        return EO_ERROR;
    size_t nsteps = len[2];
    if (nsteps == 0)
        return eo_op_error(op, "needs at least one tuple element for "
                           "lowerBound, upperBound and step");
    if (len[0] != nsteps || len[1] != nsteps)
        return eo_op_error(op, "expects the same number of lower bounds "
                           "(%zu), upper bounds (%zu) and steps (%zu)",
                           len[0], len[1], nsteps);
    for (size_t i = 0; i < nsteps; i++) {
        int64_t c;
        if (const_int_value(eo_op_operand(op, start[2] + i), &c) && c <= 0)
            return eo_op_error(op, "constant step operand must be positive");
    }
    eo_block *body = entry_block(op, 0);
    if (eo_block_num_args(body) != nsteps)
        return eo_op_error(op, "expects the same number of induction "
                           "variables: %zu as bound and step values: %zu",
                           eo_block_num_args(body), nsteps);
    for (size_t i = 0; i < nsteps; i++)
        if (!eo_type_is_index(eo_value_type(eo_block_arg(body, i))))
            return eo_op_error(op, "expects arguments for the induction "
                               "variable to be of index type");
    eo_op *red = expect_terminator(op, 0, SCF_REDUCE, "expects body to "
                                   "terminate with 'scf.reduce'");
    if (!red)
        return EO_ERROR;
    size_t nres = eo_op_num_results(op), nred = eo_op_num_operands(red);
    if (nres != nred)
        return eo_op_error(op, "expects number of results: %zu to be the "
                           "same as number of reductions: %zu", nres, nred);
    if (nres != len[3])
        return eo_op_error(op, "expects number of results: %zu to be the "
                           "same as number of initial values: %zu", nres,
                           len[3]);
    for (size_t i = 0; i < nred; i++) {
        const eo_type *rt = eo_value_type(eo_op_result(op, i));
        const eo_type *ot = eo_value_type(eo_op_operand(red, i));
        if (rt == ot)
            continue;
        eo_strbuf b1 = {0}, b2 = {0};
        eo_status s = eo_op_error(red, "expects type of %zu-th reduction "
                                  "operand: '%s' to be the same as the "
                                  "%zu-th result type: '%s'", i,
                                  type_str(ot, &b1), i, type_str(rt, &b2));
        eo_strbuf_free(&b1);
        eo_strbuf_free(&b2);
        return s;
    }
    return EO_OK;
}

static void
print_parallel(eo_printer *p, eo_op *op)
{
    if (eo_op_num_regions(op) != 1 || !segments_ok(op, 4)) {
        print_malformed(p);
        return;
    }
    static const char *const elided[] = {"operandSegmentSizes", NULL};
    size_t start[4] = {0}, len[4] = {0};
    for (size_t k = 0; k < 4; k++)
        eo_op_operand_segment(op, k, &start[k], &len[k]);
    eo_block *body = entry_block(op, 0);
    eo_print_str(p, " (");
    for (size_t i = 0; body && i < eo_block_num_args(body); i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_value(p, eo_block_arg(body, i));
    }
    eo_print_str(p, ") = (");
    eo_print_operands(p, op, start[0], len[0]);
    eo_print_str(p, ") to (");
    eo_print_operands(p, op, start[1], len[1]);
    eo_print_str(p, ") step (");
    eo_print_operands(p, op, start[2], len[2]);
    eo_print_str(p, ")");
    if (len[3]) {
        eo_print_str(p, " init (");
        eo_print_operands(p, op, start[3], len[3]);
        eo_print_str(p, ")");
    }
    if (eo_op_num_results(op)) {
        eo_print_str(p, " -> ");
        print_result_types(p, op);
    }
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, true);
    eo_print_attr_dict(p, op, elided);
}

static eo_status
parse_parallel_body(eo_parser *p, eo_op_state *st, vec *ivs)
{
    eo_status s;
    size_t nlb, nub, nst, ninit = 0;
    eo_operand_ref *inits = NULL;
    const eo_type *index = eo_type_get_index(st->ctx);
    if (!index)
        return EO_NOMEM;
    if ((s = parse_arg_list(p, ivs, index)) != EO_OK
        || (s = eo_parse_punct(p, "=")) != EO_OK
        || (s = parse_paren_operands(p, st, index, &nlb)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "to")) != EO_OK
        || (s = parse_paren_operands(p, st, index, &nub)) != EO_OK
        || (s = eo_parse_expect_keyword(p, "step")) != EO_OK
        || (s = parse_paren_operands(p, st, index, &nst)) != EO_OK)
        return s;
    if (nlb != ivs->n || nub != ivs->n || nst != ivs->n)
        return eo_parser_error(p, "expected %zu operands in "
                             "each of the bound and step lists", ivs->n);
    if (eo_parse_optional_keyword(p, "init")) {
        if ((s = eo_parse_punct(p, "(")) != EO_OK
            || (s = eo_parse_operand_list(p, &inits, &ninit)) != EO_OK
            || (s = eo_parse_punct(p, ")")) != EO_OK)
            return s;
    }
    const eo_type **types = NULL;
    size_t ntypes = 0;
    if (eo_parse_optional_punct(p, "->")) {
        if ((s = eo_parse_result_types(p, &types, &ntypes)) != EO_OK
            || (s = eo_op_state_add_results(st, ntypes, types)) != EO_OK)
            return s;
    }
    if ((s = resolve_list(p, st, inits, ninit, types, ntypes))
        != EO_OK)
        return s;
    int32_t seg[4] = {(int32_t)nlb, (int32_t)nub, (int32_t)nst,
                      (int32_t)ninit};
    if ((s = set_array(st, "operandSegmentSizes", 32, 4, seg)) != EO_OK)
        return s;
    eo_region *body = eo_op_state_add_region(st);
    if (!body)
        return EO_NOMEM;
    if ((s = eo_parse_region(p, body, ivs->data, ivs->n)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    return ensure_terminator(st->ctx, body, SCF_REDUCE, st->loc);
}

static eo_status
parse_parallel(eo_parser *p, eo_op_state *st)
{
    vec ivs = VEC(eo_arg_decl);
    eo_status s = parse_parallel_body(p, st, &ivs);
    vec_free(st->ctx, &ivs);
    return s;
}

static eo_status
verify_reduce(eo_op *op)
{
    if (verify_parent(op, SCF_PARALLEL) != EO_OK)
        return EO_ERROR;
    size_t nreg = eo_op_num_regions(op);
    for (size_t i = 0; i < nreg; i++)
        if (check_sized_region(op, i, "reductions") != EO_OK)
            return EO_ERROR;
    if (nreg != eo_op_num_operands(op))
        return eo_op_error(op, "expects one reduction region per operand, "
                           "but has %zu operands and %zu regions",
                           eo_op_num_operands(op), nreg);
    return EO_OK;
}

static eo_status
verify_reduce_regions(eo_op *op)
{
    for (size_t i = 0; i < eo_op_num_regions(op); i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        eo_block *b = entry_block(op, i);
        if (eo_block_empty(b))
            return eo_op_error(op, "%zu-th reduction has an empty body", i);
        bool ok = eo_block_num_args(b) == 2;
        for (size_t k = 0; ok && k < 2; k++)
            ok = eo_value_type(eo_block_arg(b, k)) == t;
        if (!ok) {
            eo_strbuf sb = {0};
            eo_status s = eo_op_error(op, "expected two block arguments with "
                                      "type '%s' in the %zu-th reduction "
                                      "region", type_str(t, &sb), i);
            eo_strbuf_free(&sb);
            return s;
        }
        if (!is_op(eo_block_last(b), SCF_REDUCE_RETURN))
            return eo_op_error(op, "reduction bodies must be terminated with "
                               "an 'scf.reduce.return' op");
    }
    return EO_OK;
}

static void
print_reduce(eo_printer *p, eo_op *op)
{
    size_t n = eo_op_num_operands(op);
    if (n) {
        eo_print_str(p, "(");
        eo_print_operands(p, op, 0, n);
        eo_print_str(p, " : ");
        print_operand_types(p, op, 0, n);
        eo_print_str(p, ")");
    }
    eo_print_str(p, " ");
    for (size_t i = 0; i < eo_op_num_regions(op); i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_region(p, eo_op_region(op, i), true, true);
    }
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_reduce(eo_parser *p, eo_op_state *st)
{
    bool present;
    eo_status s = parse_optional_typed_operands(p, st, true, &present);
    if (s != EO_OK)
        return s;
    if (eo_parser_at_region(p)) {
        do {
            eo_region *r = eo_op_state_add_region(st);
            if (!r)
                return EO_NOMEM;
            if ((s = eo_parse_region(p, r, NULL, 0)) != EO_OK)
                return s;
        } while (eo_parse_optional_punct(p, ","));
    }
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* scf.forall, scf.forall.in_parallel                                  */
/* ------------------------------------------------------------------ */

/* Static bound lists: array<i64>, EO_DYNAMIC where an operand stands. */
static const char *const forall_static[3] = {
    "staticLowerBound", "staticUpperBound", "staticStep"
};

static size_t
forall_rank(const eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "staticLowerBound");
    return a && eo_attr_get_kind(a) == EO_ATTR_DENSE_ARRAY
               ? eo_attr_dense_array_size(a) : 0;
}

/* Bound j (0: lower, 1: upper, 2: step) of loop i is the constant *c. */
static bool
forall_const_bound(const eo_op *op, size_t j, size_t i, int64_t *c)
{
    const eo_attr *a = eo_op_attr(op, forall_static[j]);
    size_t start, len;
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY
        || i >= eo_attr_dense_array_size(a))
        return false;
    int64_t v = eo_attr_dense_array_int(a, i);
    if (v != EO_DYNAMIC) {
        *c = v;
        return true;
    }
    if (!eo_op_operand_segment(op, j, &start, &len))
        return false;
    size_t d = 0;
    for (size_t k = 0; k < i; k++)
        d += eo_attr_dense_array_int(a, k) == EO_DYNAMIC;
    return d < len && const_int_value(eo_op_operand(op, start + d), c);
}

static eo_status
verify_forall(eo_op *op)
{
    size_t start[4], len[4];
    for (size_t k = 0; k < 4; k++)
        if (!eo_op_operand_segment(op, k, &start[k], &len[k]))
            return eo_op_error(op, "'operandSegmentSizes' attribute for "
                               "specifying operand segments must have 4 "
                               "elements");
    for (size_t i = 0; i < start[3]; i++)
        if (!eo_type_is_index(eo_value_type(eo_op_operand(op, i))))
            return operand_type_error(op, i, "variadic of index");
    for (size_t i = start[3]; i < start[3] + len[3]; i++) {
        const eo_type *t = eo_value_type(eo_op_operand(op, i));
        if (eo_type_get_kind(t) != EO_TYPE_TENSOR)
            return operand_type_error(op, i, "variadic of ranked tensor of "
                                      "any type values");
    }
    for (size_t j = 0; j < 3; j++) {
        const eo_attr *a = eo_op_attr(op, forall_static[j]);
        if (eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY)
            return eo_op_error(op, "attribute '%s' failed to satisfy "
                               "constraint: i64 dense array attribute",
                               forall_static[j]);
    }
    if (check_sized_region(op, 0, "region") != EO_OK)
        return EO_ERROR;
    size_t nloops = forall_rank(op), nout = len[3];
    if (eo_op_num_results(op) != nout)
        return eo_op_error(op, "produces %zu results, but has only %zu "
                           "outputs", eo_op_num_results(op), nout);
    eo_block *body = entry_block(op, 0);
    if (eo_block_num_args(body) != nloops + nout)
        return eo_op_error(op, "region expects %zu arguments", nloops);
    for (size_t i = 0; i < nloops; i++)
        if (!eo_type_is_index(eo_value_type(eo_block_arg(body, i))))
            return eo_op_error(op, "expects %zu-th block argument to be an "
                               "index", i);
    for (size_t i = 0; i < nout; i++)
        if (eo_value_type(eo_block_arg(body, nloops + i))
            != eo_value_type(eo_op_operand(op, start[3] + i)))
            return eo_op_error(op, "type mismatch between %zu-th output and "
                               "corresponding block argument", i);
    const eo_attr *m = eo_op_attr(op, "mapping");
    if (m) {
        if (eo_attr_get_kind(m) != EO_ATTR_ARRAY)
            return eo_op_error(op, "attribute 'mapping' failed to satisfy "
                               "constraint: Device Mapping array attribute");
        if (eo_attr_array_size(m) && eo_attr_array_size(m) != nloops)
            return eo_op_error(op, "mapping attribute size must match op "
                               "rank");
    }
    static const char *const names[3] = {"lower bound", "upper bound",
                                         "step"};
    for (size_t j = 0; j < 3; j++) {
        const eo_attr *a = eo_op_attr(op, forall_static[j]);
        size_t n = eo_attr_dense_array_size(a), ndyn = 0;
        if (n != nloops)
            return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected %zu "
                                 "%s values, got %zu.", nloops, names[j], n);
        for (size_t i = 0; i < n; i++)
            ndyn += eo_attr_dense_array_int(a, i) == EO_DYNAMIC;
        if (len[j] != ndyn)
            return eo_emit_error(eo_op_ctx(op), eo_op_loc(op), "expected %zu "
                                 "dynamic %s values", ndyn, names[j]);
    }
    return EO_OK;
}

static eo_status
verify_forall_regions(eo_op *op)
{
    return verify_implicit_terminator(op, SCF_FORALL_IN_PARALLEL);
}

/* "(4, %n)": static entries as integers, EO_DYNAMIC ones as operands. */
static void
print_index_list(eo_printer *p, eo_op *op, size_t j)
{
    const eo_attr *a = eo_op_attr(op, forall_static[j]);
    size_t start = 0, len = 0, d = 0;
    size_t n = a && eo_attr_get_kind(a) == EO_ATTR_DENSE_ARRAY
                   ? eo_attr_dense_array_size(a) : 0;
    eo_op_operand_segment(op, j, &start, &len);
    eo_print_str(p, "(");
    for (size_t i = 0; i < n; i++) {
        if (i)
            eo_print_str(p, ", ");
        int64_t v = eo_attr_dense_array_int(a, i);
        if (v == EO_DYNAMIC && d < len)
            eo_print_value(p, eo_op_operand(op, start + d++));
        else
            eo_print_fmt(p, "%lld", (long long)v);
    }
    eo_print_str(p, ")");
}

static void
print_forall(eo_printer *p, eo_op *op)
{
    if (eo_op_num_regions(op) != 1 || !segments_ok(op, 4)) {
        print_malformed(p);
        return;
    }
    static const char *const elided[] = {
        "operandSegmentSizes", "staticLowerBound", "staticStep",
        "staticUpperBound", NULL
    };
    eo_block *body = entry_block(op, 0);
    size_t nloops = forall_rank(op), start = 0, nout = 0;
    eo_op_operand_segment(op, 3, &start, &nout);
    eo_print_str(p, " (");
    for (size_t i = 0; body && i < nloops && i < eo_block_num_args(body);
         i++) {
        if (i)
            eo_print_str(p, ", ");
        eo_print_value(p, eo_block_arg(body, i));
    }
    bool normalized = true;
    for (size_t i = 0; i < nloops && normalized; i++) {
        int64_t lb, st;
        normalized = forall_const_bound(op, 0, i, &lb) && lb == 0
                     && forall_const_bound(op, 2, i, &st) && st == 1;
    }
    if (normalized) {
        eo_print_str(p, ") in ");
        print_index_list(p, op, 1);
    } else {
        eo_print_str(p, ") = ");
        print_index_list(p, op, 0);
        eo_print_str(p, " to ");
        print_index_list(p, op, 1);
        eo_print_str(p, " step ");
        print_index_list(p, op, 2);
    }
    print_init_list(p, body, nloops, op, start, nout, " shared_outs");
    eo_print_str(p, " ");
    if (nout) {
        eo_print_str(p, "-> (");
        print_result_type_list(p, op);
        eo_print_str(p, ") ");
    }
    eo_print_region(p, eo_op_region(op, 0), false,
                    eo_op_num_results(op) != 0);
    eo_print_attr_dict(p, op, elided);
}

/* "(" entries ")" where an entry is an integer or a %value; values are
 * resolved as index, the static array gets EO_DYNAMIC for them. */
static eo_status
parse_index_list(eo_parser *p, eo_op_state *st, vec *stat, size_t *ndyn)
{
    const eo_type *index = eo_type_get_index(st->ctx);
    eo_status s;
    if (!index)
        return EO_NOMEM;
    *ndyn = 0;
    if ((s = eo_parse_punct(p, "(")) != EO_OK)
        return s;
    if (eo_parse_optional_punct(p, ")"))
        return EO_OK;
    do {
        int64_t *v = vec_push(st->ctx, stat);
        if (!v)
            return EO_NOMEM;
        if (eo_parser_at_operand(p)) {
            eo_operand_ref r;
            if ((s = eo_parse_operand(p, &r)) != EO_OK
                || (s = eo_parse_resolve_operand(p, &r, index, st)) != EO_OK)
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
    return eo_parse_punct(p, ")");
}

typedef struct forall_lists {
    vec ivs, outs, out_refs, stat[3];
} forall_lists;

static eo_status
parse_forall_body(eo_parser *p, eo_op_state *st, forall_lists *l)
{
    eo_ctx *ctx = st->ctx;
    const eo_type *index = eo_type_get_index(ctx);
    size_t ndyn[3] = {0, 0, 0};
    eo_status s;
    if (!index)
        return EO_NOMEM;
    if ((s = parse_arg_list(p, &l->ivs, index)) != EO_OK)
        return s;
    size_t nloops = l->ivs.n;
    if (eo_parse_optional_keyword(p, "in")) {
        if ((s = parse_index_list(p, st, &l->stat[1], &ndyn[1])) != EO_OK)
            return s;
        for (size_t i = 0; i < nloops; i++) {
            int64_t *lb = vec_push(ctx, &l->stat[0]);
            int64_t *step = vec_push(ctx, &l->stat[2]);
            if (!lb || !step)
                return EO_NOMEM;
            *lb = 0;
            *step = 1;
        }
    } else {
        if ((s = eo_parse_punct(p, "=")) != EO_OK
            || (s = parse_index_list(p, st, &l->stat[0], &ndyn[0])) != EO_OK
            || (s = eo_parse_expect_keyword(p, "to")) != EO_OK
            || (s = parse_index_list(p, st, &l->stat[1], &ndyn[1])) != EO_OK
            || (s = eo_parse_expect_keyword(p, "step")) != EO_OK
            || (s = parse_index_list(p, st, &l->stat[2], &ndyn[2])) != EO_OK)
            return s;
    }
    const eo_type **types = NULL;
    size_t ntypes = 0;
    if (eo_parse_optional_keyword(p, "shared_outs")) {
        if ((s = parse_assignment_list(p, &l->outs, &l->out_refs)) != EO_OK)
            return s;
        if (eo_parse_optional_punct(p, "->")
            && (s = eo_parse_result_types(p, &types, &ntypes)) != EO_OK)
            return s;
        if ((s = resolve_list(p, st, l->out_refs.data, l->out_refs.n, types,
                              ntypes)) != EO_OK
            || (s = eo_op_state_add_results(st, ntypes, types)) != EO_OK)
            return s;
    }
    /* Region arguments: the induction variables, then the outputs. */
    for (size_t i = 0; i < l->outs.n; i++) {
        eo_arg_decl *a = vec_push(ctx, &l->ivs);
        if (!a)
            return EO_NOMEM;
        *a = ((eo_arg_decl *)l->outs.data)[i];
        a->type = types[i];
    }
    eo_region *body = eo_op_state_add_region(st);
    if (!body)
        return EO_NOMEM;
    if ((s = eo_parse_region(p, body, l->ivs.data, l->ivs.n)) != EO_OK
        || (s = ensure_terminator(ctx, body, SCF_FORALL_IN_PARALLEL,
                                  st->loc)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    for (size_t j = 0; j < 3; j++)
        if ((s = set_array(st, forall_static[j], 64, l->stat[j].n,
                           l->stat[j].data)) != EO_OK)
            return s;
    int32_t seg[4] = {(int32_t)ndyn[0], (int32_t)ndyn[1], (int32_t)ndyn[2],
                      (int32_t)l->out_refs.n};
    return set_array(st, "operandSegmentSizes", 32, 4, seg);
}

static eo_status
parse_forall(eo_parser *p, eo_op_state *st)
{
    forall_lists l = {
        .ivs = VEC(eo_arg_decl), .outs = VEC(eo_arg_decl),
        .out_refs = VEC(eo_operand_ref),
        .stat = {VEC(int64_t), VEC(int64_t), VEC(int64_t)},
    };
    eo_status s = parse_forall_body(p, st, &l);
    vec_free(st->ctx, &l.ivs);
    vec_free(st->ctx, &l.outs);
    vec_free(st->ctx, &l.out_refs);
    for (size_t j = 0; j < 3; j++)
        vec_free(st->ctx, &l.stat[j]);
    return s;
}

static eo_status
verify_in_parallel(eo_op *op)
{
    if (verify_parent(op, SCF_FORALL) != EO_OK)
        return EO_ERROR;
    if (check_sized_region(op, 0, "region") != EO_OK)
        return EO_ERROR;
    eo_op *forall = eo_op_parent(op);
    eo_block *fbody = eo_op_block(op);
    size_t nloops = forall_rank(forall);
    for (eo_op *o = eo_block_first(entry_block(op, 0)); o;
         o = eo_op_next(o)) {
        if (strcmp(eo_op_name_str(o), "tensor.parallel_insert_slice") != 0)
            return eo_op_error(op, "expected only "
                               "tensor.parallel_insert_slice ops");
        eo_value *dest = eo_op_num_operands(o) > 1 ? eo_op_operand(o, 1)
                                                   : NULL;
        if (!dest || !eo_value_is_block_arg(dest)
            || eo_value_owner_block(dest) != fbody
            || eo_value_index(dest) < nloops)
            return eo_op_error(o, "may only insert into an output block "
                               "argument");
    }
    return EO_OK;
}

static void
print_in_parallel(eo_printer *p, eo_op *op)
{
    if (eo_op_num_regions(op) != 1) {
        print_malformed(p);
        return;
    }
    eo_print_str(p, " ");
    eo_print_region(p, eo_op_region(op, 0), false, true);
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_in_parallel(eo_parser *p, eo_op_state *st)
{
    eo_region *r = eo_op_state_add_region(st);
    eo_status s;
    if (!r)
        return EO_NOMEM;
    if ((s = eo_parse_region(p, r, NULL, 0)) != EO_OK)
        return s;
    if (eo_region_empty(r)) {
        eo_block *b = eo_block_create(st->ctx);
        if (!b)
            return EO_NOMEM;
        eo_region_append(r, b);
    }
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

#define SCF_LOOP_TRAITS (EO_RECURSIVE_EFFECTS | EO_SINGLE_BLOCK)

/* Columns: name, operand/result/region counts, traits, inherent
 * attributes, hooks. Counts MLIR bounds below (scf.for's three bounds)
 * are checked by the verify hooks. */
static const eo_op_def scf_ops[SCF_NUM_OPS] = {
    [SCF_CONDITION] = {
        .name = "scf.condition", .operands = EO_VARIADIC, .results = 0,
        .traits = EO_PURE | EO_TERMINATOR,
        .verify = verify_condition, .print = print_condition,
        .parse = parse_condition },
    [SCF_EXECUTE_REGION] = {
        .name = "scf.execute_region", .operands = 0,
        .results = EO_VARIADIC, .regions = 1,
        /* No effect traits: MLIR 19's op declares none (unknown
         * effects), so it is never trivially dead nor CSE'd. */
        .verify = verify_execute_region,
        .verify_regions = verify_execute_region_regions,
        .print = print_execute_region, .parse = parse_execute_region,
        .region_successors = region_successors,
        .canonicalize = scf_execute_region_canon },
    [SCF_FOR] = {
        .name = "scf.for", .operands = EO_VARIADIC, .results = EO_VARIADIC,
        .regions = 1, .traits = SCF_LOOP_TRAITS,
        .verify = verify_for, .verify_regions = verify_for_regions,
        .print = print_for, .parse = parse_for,
        .region_successors = region_successors,
        .canonicalize = scf_for_canon },
    [SCF_FORALL] = {
        .name = "scf.forall", .operands = EO_VARIADIC,
        .results = EO_VARIADIC, .regions = 1,
        .traits = SCF_LOOP_TRAITS | EO_ATTR_SIZED_OPERANDS,
        .attrs = EO_ATTRS("operandSegmentSizes", "staticLowerBound",
                          "staticStep", "staticUpperBound"),
        .opt_attrs = EO_ATTRS("mapping"),
        .verify = verify_forall, .verify_regions = verify_forall_regions,
        .print = print_forall, .parse = parse_forall },
    [SCF_FORALL_IN_PARALLEL] = {
        .name = "scf.forall.in_parallel", .operands = 0, .results = 0,
        .regions = 1,
        .traits = EO_PURE | EO_TERMINATOR | EO_NO_TERMINATOR
                  | EO_SINGLE_BLOCK,
        .verify = verify_in_parallel, .print = print_in_parallel,
        .parse = parse_in_parallel },
    [SCF_IF] = {
        .name = "scf.if", .operands = 1, .results = EO_VARIADIC,
        .regions = 2, .traits = SCF_LOOP_TRAITS,
        .verify = verify_if, .verify_regions = verify_if_regions,
        .fold = scf_if_fold, .print = print_if, .parse = parse_if,
        .region_successors = region_successors,
        .canonicalize = scf_if_canon },
    [SCF_INDEX_SWITCH] = {
        .name = "scf.index_switch", .operands = 1, .results = EO_VARIADIC,
        .regions = EO_VARIADIC, .traits = SCF_LOOP_TRAITS,
        .attrs = EO_ATTRS("cases"),
        .verify = verify_index_switch,
        .verify_regions = verify_index_switch_regions,
        .print = print_index_switch, .parse = parse_index_switch,
        .region_successors = region_successors,
        .canonicalize = scf_index_switch_canon },
    [SCF_PARALLEL] = {
        .name = "scf.parallel", .operands = EO_VARIADIC,
        .results = EO_VARIADIC, .regions = 1,
        .traits = SCF_LOOP_TRAITS | EO_ATTR_SIZED_OPERANDS,
        .attrs = EO_ATTRS("operandSegmentSizes"),
        .verify = verify_parallel, .print = print_parallel,
        .parse = parse_parallel, .canonicalize = scf_parallel_canon },
    [SCF_REDUCE] = {
        .name = "scf.reduce", .operands = EO_VARIADIC, .results = 0,
        .regions = EO_VARIADIC,
        .traits = EO_RECURSIVE_EFFECTS | EO_TERMINATOR,
        .verify = verify_reduce, .verify_regions = verify_reduce_regions,
        .print = print_reduce, .parse = parse_reduce },
    [SCF_REDUCE_RETURN] = {
        .name = "scf.reduce.return", .operands = 1, .results = 0,
        .traits = EO_PURE | EO_TERMINATOR,
        .verify = verify_reduce_return, .print = print_reduce_return,
        .parse = parse_reduce_return },
    [SCF_WHILE] = {
        .name = "scf.while", .operands = EO_VARIADIC, .results = EO_VARIADIC,
        .regions = 2, .traits = SCF_LOOP_TRAITS,
        .verify = verify_while, .verify_regions = verify_while_regions,
        .print = print_while, .parse = parse_while,
        .region_successors = region_successors,
        .canonicalize = scf_while_canon },
    [SCF_YIELD] = {
        .name = "scf.yield", .operands = EO_VARIADIC, .results = 0,
        .traits = EO_PURE | EO_TERMINATOR | EO_RETURN_LIKE,
        .verify = verify_yield, .print = print_yield, .parse = parse_yield },
};

eo_status
scf_register(eo_ctx *ctx)
{
    return eo_dialect_register(ctx, "scf", scf_ops, SCF_NUM_OPS);
}

const eo_op_def *
scf_op_def(enum scf_op op)
{
    return (unsigned)op < SCF_NUM_OPS ? &scf_ops[op] : NULL;
}

enum scf_op
scf_op_kind(const eo_op *op)
{
    const eo_op_def *d = eo_op_get_def(op);
    if (d >= scf_ops && d < scf_ops + SCF_NUM_OPS)
        return (enum scf_op)(d - scf_ops);
    return SCF_NUM_OPS;
}

eo_block *
scf_for_body(const eo_op *op)
{
    return is_op(op, SCF_FOR) ? entry_block(op, 0) : NULL;
}

eo_value *
scf_for_induction_var(const eo_op *op)
{
    eo_block *b = scf_for_body(op);
    return b && eo_block_num_args(b) ? eo_block_arg(b, 0) : NULL;
}

/* ------------------------------------------------------------------ */
/* Builders                                                            */
/* ------------------------------------------------------------------ */

static const eo_loc *
builder_loc(const eo_builder *b)
{
    return b->loc ? b->loc : eo_loc_unknown(b->ctx);
}

/* An empty scf.yield appended to 'blk'. */
static eo_status
append_empty_yield(eo_ctx *ctx, eo_block *blk, const eo_loc *loc)
{
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &scf_ops[SCF_YIELD], loc);
    eo_op *y = eo_op_create(&st);
    if (!y)
        return EO_NOMEM;
    eo_block_append(blk, y);
    return EO_OK;
}

eo_op *
scf_yield_build(eo_builder *b, size_t n, eo_value *const *v)
{
    eo_op_state st;
    eo_op_state_init_def(&st, b->ctx, &scf_ops[SCF_YIELD], builder_loc(b));
    if (eo_op_state_add_operands(&st, n, v) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_builder_insert(b, &st);
}

eo_op *
scf_for_build(eo_builder *b, eo_value *lb, eo_value *ub, eo_value *step,
              size_t ninits, eo_value *const *inits)
{
    eo_ctx *ctx = b->ctx;
    const eo_loc *loc = builder_loc(b);
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &scf_ops[SCF_FOR], loc);
    eo_region *r = eo_op_state_add_region(&st);
    eo_block *body = r ? eo_block_create(ctx) : NULL;
    if (!body)
        goto fail;
    eo_region_append(r, body);
    if (!eo_block_add_arg(body, eo_value_type(lb), loc)
        || eo_op_state_add_operand(&st, lb) != EO_OK
        || eo_op_state_add_operand(&st, ub) != EO_OK
        || eo_op_state_add_operand(&st, step) != EO_OK
        || eo_op_state_add_operands(&st, ninits, inits) != EO_OK)
        goto fail;
    for (size_t i = 0; i < ninits; i++) {
        const eo_type *t = eo_value_type(inits[i]);
        if (!eo_block_add_arg(body, t, loc)
            || eo_op_state_add_result(&st, t) != EO_OK)
            goto fail;
    }
    if (!ninits && append_empty_yield(ctx, body, loc) != EO_OK)
        goto fail;
    return eo_builder_insert(b, &st);
fail:
    eo_op_state_release(&st);
    return NULL;
}

eo_op *
scf_if_build(eo_builder *b, eo_value *cond, size_t nres,
             const eo_type *const *res, bool with_else)
{
    eo_ctx *ctx = b->ctx;
    const eo_loc *loc = builder_loc(b);
    eo_op_state st;
    eo_op_state_init_def(&st, ctx, &scf_ops[SCF_IF], loc);
    if (eo_op_state_add_operand(&st, cond) != EO_OK
        || eo_op_state_add_results(&st, nres, res) != EO_OK)
        goto fail;
    for (int i = 0; i < 2; i++) {
        eo_region *r = eo_op_state_add_region(&st);
        if (!r)
            goto fail;
        if (i == 1 && !with_else)
            break;
        eo_block *blk = eo_block_create(ctx);
        if (!blk)
            goto fail;
        eo_region_append(r, blk);
        if (!nres && append_empty_yield(ctx, blk, loc) != EO_OK)
            goto fail;
    }
    return eo_builder_insert(b, &st);
fail:
    eo_op_state_release(&st);
    return NULL;
}

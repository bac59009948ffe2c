/* dialects/cf/cf.c - the cf dialect: one op table (cf_ops, at the end),
 * the successor-operand hooks that say which operands flow into which
 * successor block, verifiers with MLIR 19's messages, and the custom forms
 * that mlir-opt prints:
 *
 *   cf.br ^bb1(%a : i32)
 *   cf.cond_br %c, ^bb1(%a : i32), ^bb2
 *   cf.switch %flag : i32, [
 *     default: ^bb1(%a : i32),
 *     42: ^bb2
 *   ]
 *   cf.assert %c, "message"
 */
#include "dialects/cf/cf.h"

#include "dialects/cf/cf_internal.h"

#include <stdint.h>
#include <string.h>

static const eo_op_def cf_ops[CF_NUM_OPS];

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

/* operandSegmentSizes has 'n' entries, the first 1, matching the
 * operands. */
static bool
segments_ok(const eo_op *op, size_t n)
{
    const eo_attr *a = eo_op_attr(op, "operandSegmentSizes");
    size_t start, len;
    return a && eo_attr_get_kind(a) == EO_ATTR_DENSE_ARRAY
           && eo_attr_dense_array_size(a) == n
           && eo_op_operand_segment(op, 0, &start, &len) && len == 1;
}

/* MLIR's spelling of 't' in 'buf' (which the caller frees). */
static const char *
type_str(const eo_type *t, eo_strbuf *buf)
{
    eo_type_print(t, buf);
    eo_strbuf_append(buf, "", 1);
    return buf->oom ? "<<out of memory>>" : buf->data;
}

/* "'op' op operand #i must be <what>, but got 'type'" */
static eo_status
operand_type_error(eo_op *op, unsigned i, const char *what)
{
    eo_strbuf b = {0};
    eo_status st = eo_op_error(op, "operand #%u must be %s, but got '%s'", i,
                               what, type_str(eo_value_type(
                                   eo_op_operand(op, i)), &b));
    eo_strbuf_free(&b);
    return st;
}

static bool
is_i1(const eo_value *v)
{
    return eo_type_is_signless_int(eo_value_type(v), 1);
}

/* Checks an array<i32> segment attribute: 'nseg' entries (0: any number),
 * none negative, summing to 'total'. 'what' names the operand group in
 * the count message, as MLIR's generated verifiers do. */
static eo_status
verify_segments(eo_op *op, const char *name, size_t nseg, size_t total,
                const char *what)
{
    const eo_attr *a = eo_op_attr(op, name);
    if (!a)
        return eo_op_error(op, "requires attribute '%s'", name);
    if (eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY)
        return eo_op_error(op, "attribute '%s' failed to satisfy "
                           "constraint: i32 dense array attribute", name);
    size_t n = eo_attr_dense_array_size(a);
    if (nseg && n != nseg)
        return eo_op_error(op, "'%s' attribute for specifying operand "
                           "segments must have %zu elements, but got %zu",
                           name, nseg, n);
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t s = eo_attr_dense_array_int(a, i);
        if (s < 0)
            return eo_op_error(op, "'%s' attribute cannot have negative "
                               "elements", name);
        sum += (uint64_t)s;
    }
    if (sum != total)
        return eo_op_error(op, "%s count (%zu) does not match with the total "
                           "size (%llu) specified in attribute '%s'", what,
                           total, (unsigned long long)sum, name);
    return EO_OK;
}

/* Successor 'i' of 'op' gets operands [first, first + count) that match
 * the target block's arguments in number and type. Messages as MLIR's
 * BranchOpInterface (no "'op' op" prefix). */
static eo_status
verify_successor_operands(eo_op *op)
{
    const eo_op_def *def = eo_op_get_def(op);
    size_t nops = eo_op_num_operands(op);
    for (unsigned i = 0; i < eo_op_num_successors(op); i++) {
        unsigned first = 0, count = 0;
        def->successor_operands(op, i, &first, &count);
        if (EO_NEVER((size_t)first + count > nops))
            return EO_ERROR;
        eo_block *dest = eo_op_successor(op, i);
        size_t nargs = eo_block_num_args(dest);
        if (count != nargs)
            return eo_emit_error(eo_op_ctx(op), eo_op_loc(op),
                                 "branch has %u operands for successor #%u, "
                                 "but target block has %zu", count, i, nargs);
        for (unsigned k = 0; k < count; k++) {
            if (eo_value_type(eo_op_operand(op, first + k))
                != eo_value_type(eo_block_arg(dest, k)))
                return eo_emit_error(eo_op_ctx(op), eo_op_loc(op),
                                     "type mismatch for bb argument #%u of "
                                     "successor #%u", k, i);
        }
    }
    return EO_OK;
}

/* " ^bb1" or " ^bb1(%a, %b : i32, i32)" for successor i. */
static void
print_successor(eo_printer *p, eo_op *op, unsigned i)
{
    unsigned first = 0, count = 0;
    eo_op_get_def(op)->successor_operands(op, i, &first, &count);
    eo_print_successor(p, eo_op_successor(op, i));
    if (!count)
        return;
    eo_print_str(p, "(");
    eo_print_operands(p, op, first, count);
    eo_print_str(p, " : ");
    for (unsigned k = 0; k < count; k++) {
        if (k)
            eo_print_str(p, ", ");
        eo_print_type(p, eo_value_type(eo_op_operand(op, first + k)));
    }
    eo_print_str(p, ")");
}

/* Sets an array<i32: v...> attribute on the state. */
static eo_status
set_i32_array(eo_op_state *st, const char *name, size_t n, const int32_t *v)
{
    const eo_type *i32 = eo_type_get_int(st->ctx, 32);
    const eo_attr *a = i32 ? eo_attr_get_dense_array(st->ctx, i32, n, v)
                           : NULL;
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, name, a);
}

/* The i-th entry of an array<i32> attribute, or 0 when out of range. */
static unsigned
array_entry(const eo_attr *a, size_t i)
{
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY
        || i >= eo_attr_dense_array_size(a))
        return 0;
    int64_t v = eo_attr_dense_array_int(a, i);
    return v < 0 ? 0 : (unsigned)v;
}

/* ------------------------------------------------------------------ */
/* cf.br                                                               */
/* ------------------------------------------------------------------ */

static void
br_successor_operands(eo_op *op, unsigned i, unsigned *first,
                      unsigned *count)
{
    *first = 0;
    *count = i == 0 ? (unsigned)eo_op_num_operands(op) : 0;
}

static eo_status
verify_br(eo_op *op)
{
    return verify_successor_operands(op);
}

static void
print_br(eo_printer *p, eo_op *op)
{
    if (eo_op_num_successors(op) != 1) {
        print_malformed(p);
        return;
    }
    eo_print_str(p, " ");
    print_successor(p, op, 0);
    eo_print_attr_dict(p, op, NULL);
}

static eo_status
parse_br(eo_parser *p, eo_op_state *st)
{
    size_t n;
    eo_status s = eo_parse_successor_and_operands(p, st, &n);
    if (s != EO_OK)
        return s;
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* cf.cond_br                                                          */
/* ------------------------------------------------------------------ */

static void
cond_br_successor_operands(eo_op *op, unsigned i, unsigned *first,
                           unsigned *count)
{
    size_t start = 0, len = 0;
    *first = 0;
    *count = 0;
    if (i < 2 && eo_op_operand_segment(op, i + 1, &start, &len)) {
        *first = (unsigned)start;
        *count = (unsigned)len;
    }
}

static eo_status
verify_cond_br(eo_op *op)
{
    eo_status s = verify_segments(op, "operandSegmentSizes", 3,
                                  eo_op_num_operands(op), "operand");
    if (s != EO_OK)
        return s;
    size_t start, len;
    if (!eo_op_operand_segment(op, 0, &start, &len) || len != 1)
        return eo_op_error(op, "expects exactly one condition operand");
    if (!is_i1(eo_op_operand(op, 0)))
        return operand_type_error(op, 0, "1-bit signless integer");
    return verify_successor_operands(op);
}

static void
print_cond_br(eo_printer *p, eo_op *op)
{
    if (eo_op_num_successors(op) != 2 || !segments_ok(op, 3)) {
        print_malformed(p);
        return;
    }
    static const char *const elided[] = {"operandSegmentSizes", NULL};
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, ", ");
    print_successor(p, op, 0);
    eo_print_str(p, ", ");
    print_successor(p, op, 1);
    eo_print_attr_dict(p, op, elided);
}

static eo_status
parse_cond_br(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref cond;
    size_t nt, nf;
    eo_status s;
    const eo_type *i1 = eo_type_get_int(st->ctx, 1);
    if (!i1)
        return EO_NOMEM;
    if ((s = eo_parse_operand(p, &cond)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &cond, i1, st)) != EO_OK
        || (s = eo_parse_punct(p, ",")) != EO_OK
        || (s = eo_parse_successor_and_operands(p, st, &nt)) != EO_OK
        || (s = eo_parse_punct(p, ",")) != EO_OK
        || (s = eo_parse_successor_and_operands(p, st, &nf)) != EO_OK
        || (s = eo_parse_optional_attr_dict(p, st)) != EO_OK)
        return s;
    int32_t seg[3] = {1, (int32_t)nt, (int32_t)nf};
    return set_i32_array(st, "operandSegmentSizes", 3, seg);
}

/* ------------------------------------------------------------------ */
/* cf.switch                                                           */
/* ------------------------------------------------------------------ */

/* Operands: flag, default operands, then each case's operands (split by
 * case_operand_segments). Successor 0 is the default destination. */
static void
switch_successor_operands(eo_op *op, unsigned i, unsigned *first,
                          unsigned *count)
{
    size_t start = 0, len = 0;
    *first = 0;
    *count = 0;
    if (i == 0) {
        if (eo_op_operand_segment(op, 1, &start, &len)) {
            *first = (unsigned)start;
            *count = (unsigned)len;
        }
        return;
    }
    if (!eo_op_operand_segment(op, 2, &start, &len))
        return;
    const eo_attr *segs = eo_op_attr(op, "case_operand_segments");
    size_t pos = start, end = start + len;
    for (size_t k = 0; k + 1 < i; k++)
        pos += array_entry(segs, k);
    unsigned n = array_entry(segs, i - 1);
    if (pos > end)
        pos = end;
    if (pos + n > end)
        n = 0;
    *first = (unsigned)pos;
    *count = n;
}

/* Branch hooks (MLIR's getSuccessorForOperands): cf.br always takes its
 * one successor; cf.cond_br the one its constant condition picks;
 * cf.switch the case whose value equals its constant flag, else the
 * default (also when it has no cases). */
static int
br_branch_successor(eo_op *op, const eo_attr *const cst[])
{
    (void)op;
    (void)cst;
    return 0;
}

static int
cond_br_branch_successor(eo_op *op, const eo_attr *const cst[])
{
    const eo_attr *c = cst && eo_op_num_operands(op) ? cst[0] : NULL;
    if (!c || eo_attr_get_kind(c) != EO_ATTR_INTEGER)
        return -1;
    return eo_attr_int_value(c) != 0 ? 0 : 1;
}

static int
switch_branch_successor(eo_op *op, const eo_attr *const cst[])
{
    const eo_attr *cases = eo_op_attr(op, "case_values");
    if (!cases)
        return 0;
    const eo_attr *c = cst && eo_op_num_operands(op) ? cst[0] : NULL;
    const eo_type *t = c ? eo_attr_type(c) : NULL;
    /* Flags wider than 64 bits are not compared here: unknown. */
    if (!c || eo_attr_get_kind(c) != EO_ATTR_INTEGER ||
        eo_attr_get_kind(cases) != EO_ATTR_DENSE || !t ||
        !eo_type_is_int_or_index(t) ||
        (eo_type_is_int(t) && eo_type_int_width(t) > 64))
        return -1;
    int64_t v = eo_attr_int_value(c);
    int64_t n = eo_type_num_elements(eo_attr_type(cases));
    size_t nsucc = eo_op_num_successors(op);
    for (int64_t k = 0; k < n && (size_t)k + 1 < nsucc; k++)
        if (eo_attr_dense_int(cases, (size_t)k) == v)
            return (int)k + 1;
    return 0;
}

static bool
is_int_elements(const eo_attr *a)
{
    if (eo_attr_get_kind(a) != EO_ATTR_DENSE)
        return false;
    const eo_type *t = eo_attr_type(a);
    return t && eo_type_get_kind(eo_type_elem(t)) == EO_TYPE_INTEGER;
}

static eo_status
verify_switch(eo_op *op)
{
    eo_status s;
    if (eo_op_num_operands(op) < 1)
        return eo_op_error(op, "expects a flag operand");
    if (eo_type_get_kind(eo_value_type(eo_op_operand(op, 0)))
        != EO_TYPE_INTEGER)
        return operand_type_error(op, 0, "integer");
    if (eo_op_num_successors(op) < 1)
        return eo_op_error(op, "requires at least 1 successor, but found 0");
    s = verify_segments(op, "operandSegmentSizes", 3, eo_op_num_operands(op),
                        "operand");
    if (s != EO_OK)
        return s;
    size_t start, len;
    if (!eo_op_operand_segment(op, 0, &start, &len) || len != 1)
        return eo_op_error(op, "expects exactly one flag operand");
    eo_op_operand_segment(op, 2, &start, &len);
    s = verify_segments(op, "case_operand_segments", 0, len, "caseOperands");
    if (s != EO_OK)
        return s;

    const eo_attr *vals = eo_op_attr(op, "case_values");
    size_t ndest = eo_op_num_successors(op) - 1;
    if (vals && !is_int_elements(vals))
        return eo_op_error(op, "attribute 'case_values' failed to satisfy "
                           "constraint: integer elements attribute");
    if (!vals && ndest == 0)
        return verify_successor_operands(op);
    int64_t nvals = vals ? eo_type_num_elements(eo_attr_type(vals)) : 0;
    if (vals) {
        const eo_type *ft = eo_value_type(eo_op_operand(op, 0));
        const eo_type *vt = eo_type_elem(eo_attr_type(vals));
        if (ft != vt) {
            eo_strbuf b1 = {0}, b2 = {0};
            s = eo_op_error(op, "'flag' type ('%s') should match case value "
                            "type ('%s')", type_str(ft, &b1),
                            type_str(vt, &b2));
            eo_strbuf_free(&b1);
            eo_strbuf_free(&b2);
            return s;
        }
    }
    if (nvals < 0 || (size_t)nvals != ndest)
        return eo_op_error(op, "number of case values (%lld) should match "
                           "number of case destinations (%zu)",
                           (long long)nvals, ndest);
    return verify_successor_operands(op);
}

/* Case value i as MLIR prints it: APInt::getLimitedValue, the unsigned
 * value saturated to 64 bits. */
static uint64_t
case_value(const eo_attr *vals, size_t i)
{
    const eo_type *et = eo_type_elem(eo_attr_type(vals));
    unsigned w = eo_type_int_width(et);
    if (w <= 64) {
        uint64_t v = (uint64_t)eo_attr_dense_int(vals, i);
        return w == 64 ? v : v & ((UINT64_C(1) << w) - 1);
    }
    size_t size = 0, eb = eo_dense_elem_bytes(et);
    const unsigned char *d = eo_attr_dense_data(vals, &size);
    size_t at = (eo_attr_dense_is_splat(vals) ? 0 : i) * eb;
    if (!d || at + eb > size)
        return 0;
    uint64_t lo = 0;
    for (size_t k = 0; k < 8 && k < eb; k++)
        lo |= (uint64_t)d[at + k] << (8 * k);
    for (size_t k = 8; k < eb; k++)
        if (d[at + k])
            return UINT64_MAX;
    return lo;
}

static void
print_switch(eo_printer *p, eo_op *op)
{
    if (eo_op_num_successors(op) < 1 || !segments_ok(op, 3)) {
        print_malformed(p);
        return;
    }
    static const char *const elided[] = {
        "case_operand_segments", "case_values", "operandSegmentSizes", NULL
    };
    const eo_attr *vals = eo_op_attr(op, "case_values");
    eo_value *flag = eo_op_operand(op, 0);
    eo_print_str(p, " ");
    eo_print_value(p, flag);
    eo_print_str(p, " : ");
    eo_print_type(p, eo_value_type(flag));
    eo_print_str(p, ", [");
    eo_print_newline(p);
    eo_print_str(p, "  default: ");
    print_successor(p, op, 0);
    if (vals && eo_attr_get_kind(vals) == EO_ATTR_DENSE) {
        int64_t n = eo_type_num_elements(eo_attr_type(vals));
        for (int64_t i = 0; i < n; i++) {
            eo_print_str(p, ",");
            eo_print_newline(p);
            eo_print_fmt(p, "  %llu: ",
                         (unsigned long long)case_value(vals, (size_t)i));
            if ((size_t)i + 1 < eo_op_num_successors(op))
                print_successor(p, op, (unsigned)i + 1);
        }
        eo_print_newline(p);
    }
    eo_print_str(p, "]");
    eo_print_attr_dict(p, op, elided);
}

/* Growable parse-time arrays (freed before the hook returns). */
typedef struct case_list {
    int64_t *vals;
    int32_t *segs;
    size_t n, cap;
} case_list;

static eo_status
case_list_push(eo_ctx *ctx, case_list *l, int64_t v, int32_t seg)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        int64_t *nv = eo_ctx_alloc(ctx, cap * sizeof *nv);
        int32_t *ns = eo_ctx_alloc(ctx, cap * sizeof *ns);
        if (!nv || !ns) {
            if (nv)
                eo_ctx_free(ctx, nv, cap * sizeof *nv);
            if (ns)
                eo_ctx_free(ctx, ns, cap * sizeof *ns);
            return EO_NOMEM;
        }
        if (l->n) {
            memcpy(nv, l->vals, l->n * sizeof *nv);
            memcpy(ns, l->segs, l->n * sizeof *ns);
            eo_ctx_free(ctx, l->vals, l->cap * sizeof *nv);
            eo_ctx_free(ctx, l->segs, l->cap * sizeof *ns);
        }
        l->vals = nv;
        l->segs = ns;
        l->cap = cap;
    }
    l->vals[l->n] = v;
    l->segs[l->n] = seg;
    l->n++;
    return EO_OK;
}

static void
case_list_free(eo_ctx *ctx, case_list *l)
{
    if (l->cap) {
        eo_ctx_free(ctx, l->vals, l->cap * sizeof *l->vals);
        eo_ctx_free(ctx, l->segs, l->cap * sizeof *l->segs);
    }
}

/* case_values = dense<[v...]> : vector<N x flag type>, each value
 * truncated to the flag's width as MLIR's APInt(width, v, signed). */
static eo_status
set_case_values(eo_op_state *st, const eo_type *ft, const case_list *l)
{
    eo_ctx *ctx = st->ctx;
    int64_t shape = (int64_t)l->n;
    const eo_type *vt = eo_type_get_vector(ctx, 1, &shape, NULL, ft);
    size_t eb = eo_dense_elem_bytes(ft);
    size_t size = eb * l->n;
    unsigned char *data = vt ? eo_ctx_alloc(ctx, size) : NULL;
    if (!data)
        return EO_NOMEM;
    unsigned w = eo_type_int_width(ft);
    for (size_t i = 0; i < l->n; i++) {
        uint64_t v = (uint64_t)l->vals[i];
        if (w == 1)
            v &= 1;
        unsigned char fill = l->vals[i] < 0 && w > 64 ? 0xff : 0;
        for (size_t k = 0; k < eb; k++)
            data[i * eb + k] = k < 8 ? (unsigned char)(v >> (8 * k)) : fill;
    }
    const eo_attr *a = eo_attr_get_dense(ctx, vt, data, size, false);
    eo_ctx_free(ctx, data, size);
    if (!a)
        return EO_NOMEM;
    return eo_op_state_set_attr(st, "case_values", a);
}

/* A case value as MLIR's parseInteger<int64_t> reads it: -2^63 to
 * 2^64 - 1, the upper half wrapping (mlir-opt prints case values of an
 * i64 flag unsigned, so "18446744073709551615" must read back as -1).
 * eo_parse_integer stops at 2^63 - 1, so wide flags go through an i128
 * attribute. */
static eo_status
parse_case_value(eo_parser *p, const eo_type *ft, int64_t *out)
{
    if (eo_type_int_width(ft) < 64)
        return eo_parse_integer(p, out);
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_type *i128 = eo_type_get_int(ctx, 128);
    const eo_attr *a;
    eo_status s;
    if (!i128)
        return EO_NOMEM;
    if ((s = eo_parse_attr(p, i128, &a)) != EO_OK)
        return s;
    if (eo_attr_get_kind(a) != EO_ATTR_INTEGER || eo_attr_type(a) != i128)
        return eo_parser_error(p, "expected integer value");
    const uint64_t *w = eo_attr_int_words(a);
    size_t nw = eo_attr_int_num_words(a);
    uint64_t lo = nw ? w[0] : 0, hi = nw > 1 ? w[1] : 0;
    if (hi != 0 && !(hi == UINT64_MAX && (lo >> 63)))
        return eo_parser_error(p, "integer value too large");
    *out = (int64_t)lo;
    return EO_OK;
}

static eo_status
parse_switch_cases(eo_parser *p, eo_op_state *st, const eo_type *ft,
                   case_list *l, size_t *ndef, size_t *ncase)
{
    eo_status s;
    if ((s = eo_parse_expect_keyword(p, "default")) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK
        || (s = eo_parse_successor_and_operands(p, st, ndef)) != EO_OK)
        return s;
    *ncase = 0;
    while (eo_parse_optional_punct(p, ",")) {
        int64_t v;
        size_t n;
        if ((s = parse_case_value(p, ft, &v)) != EO_OK)
            return s;
        if ((s = eo_parse_punct(p, ":")) != EO_OK
            || (s = eo_parse_successor_and_operands(p, st, &n)) != EO_OK)
            return s;
        if ((s = case_list_push(st->ctx, l, v, (int32_t)n)) != EO_OK)
            return s;
        *ncase += n;
    }
    if (l->n)
        s = set_case_values(st, ft, l);
    return s;
}

static eo_status
parse_switch(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref flag;
    const eo_type *ft;
    eo_status s;
    if ((s = eo_parse_operand(p, &flag)) != EO_OK
        || (s = eo_parse_punct(p, ":")) != EO_OK)
        return s;
    if ((s = eo_parse_type(p, &ft)) != EO_OK)
        return s;
    if (eo_type_get_kind(ft) != EO_TYPE_INTEGER)
        return eo_parser_error(p, "invalid kind of type specified");
    if ((s = eo_parse_resolve_operand(p, &flag, ft, st)) != EO_OK
        || (s = eo_parse_punct(p, ",")) != EO_OK
        || (s = eo_parse_punct(p, "[")) != EO_OK)
        return s;
    case_list l = {0};
    size_t ndef = 0, ncase = 0;
    s = parse_switch_cases(p, st, ft, &l, &ndef, &ncase);
    if (s == EO_OK)
        s = set_i32_array(st, "case_operand_segments", l.n, l.segs);
    case_list_free(st->ctx, &l);
    if (s != EO_OK)
        return s;
    int32_t seg[3] = {1, (int32_t)ndef, (int32_t)ncase};
    if ((s = set_i32_array(st, "operandSegmentSizes", 3, seg)) != EO_OK
        || (s = eo_parse_punct(p, "]")) != EO_OK)
        return s;
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* cf.assert                                                           */
/* ------------------------------------------------------------------ */

static eo_status
verify_assert(eo_op *op)
{
    if (!is_i1(eo_op_operand(op, 0)))
        return operand_type_error(op, 0, "1-bit signless integer");
    const eo_attr *msg = eo_op_attr(op, "msg");
    if (eo_attr_get_kind(msg) != EO_ATTR_STRING || eo_attr_type(msg))
        return eo_op_error(op, "attribute 'msg' failed to satisfy "
                           "constraint: string attribute");
    return EO_OK;
}

static void
print_assert(eo_printer *p, eo_op *op)
{
    if (eo_op_num_operands(op) != 1 || !eo_op_attr(op, "msg")) {
        print_malformed(p);
        return;
    }
    static const char *const elided[] = {"msg", NULL};
    eo_print_str(p, " ");
    eo_print_value(p, eo_op_operand(op, 0));
    eo_print_str(p, ", ");
    eo_print_attr(p, eo_op_attr(op, "msg"));
    eo_print_attr_dict(p, op, elided);
}

static eo_status
parse_assert(eo_parser *p, eo_op_state *st)
{
    eo_operand_ref cond;
    char *msg;
    size_t len;
    eo_status s;
    const eo_type *i1 = eo_type_get_int(st->ctx, 1);
    if (!i1)
        return EO_NOMEM;
    if ((s = eo_parse_operand(p, &cond)) != EO_OK
        || (s = eo_parse_resolve_operand(p, &cond, i1, st)) != EO_OK
        || (s = eo_parse_punct(p, ",")) != EO_OK
        || (s = eo_parse_string(p, &msg, &len)) != EO_OK)
        return s;
    const eo_attr *a = eo_attr_get_string(st->ctx, msg, len, NULL);
    if (!a)
        return EO_NOMEM;
    if ((s = eo_op_state_set_attr(st, "msg", a)) != EO_OK)
        return s;
    return eo_parse_optional_attr_dict(p, st);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */
/* ------------------------------------------------------------------ */

/* Branches are pure terminators; their operands are forwarded to the
 * successors as the successor_operands hook says, and branch_successor
 * tells which successor constant operands pick. cf.assert writes
 * (aborts) when its condition is false. */
static const eo_op_def cf_ops[CF_NUM_OPS] = {
    [CF_ASSERT] = { .name = "cf.assert", .operands = 1, .results = 0,
                    .traits = EO_MEM_WRITE, .attrs = EO_ATTRS("msg"),
                    .verify = verify_assert, .print = print_assert,
                    .parse = parse_assert,
                    .canonicalize = cf_assert_canon },
    [CF_BR] = { .name = "cf.br", .operands = EO_VARIADIC, .results = 0,
                .successors = 1, .traits = EO_PURE | EO_TERMINATOR,
                .verify = verify_br, .print = print_br, .parse = parse_br,
                .successor_operands = br_successor_operands,
                .branch_successor = br_branch_successor,
                .canonicalize = cf_br_canon },
    [CF_COND_BR] = { .name = "cf.cond_br", .operands = EO_VARIADIC,
                     .results = 0, .successors = 2,
                     .traits = EO_PURE | EO_TERMINATOR
                               | EO_ATTR_SIZED_OPERANDS,
                     .attrs = EO_ATTRS("operandSegmentSizes"),
                     .verify = verify_cond_br, .print = print_cond_br,
                     .parse = parse_cond_br,
                     .successor_operands = cond_br_successor_operands,
                     .branch_successor = cond_br_branch_successor,
                     .canonicalize = cf_cond_br_canon },
    [CF_SWITCH] = { .name = "cf.switch", .operands = EO_VARIADIC,
                    .results = 0, .successors = EO_VARIADIC,
                    .traits = EO_PURE | EO_TERMINATOR
                              | EO_ATTR_SIZED_OPERANDS,
                    .attrs = EO_ATTRS("case_operand_segments",
                                      "operandSegmentSizes"),
                    .opt_attrs = EO_ATTRS("case_values"),
                    .verify = verify_switch, .print = print_switch,
                    .parse = parse_switch,
                    .successor_operands = switch_successor_operands,
                    .branch_successor = switch_branch_successor,
                    .canonicalize = cf_switch_canon },
};

eo_status
cf_register(eo_ctx *ctx)
{
    return eo_dialect_register(ctx, "cf", cf_ops, CF_NUM_OPS);
}

const eo_op_def *
cf_op_def(enum cf_op op)
{
    return (unsigned)op < CF_NUM_OPS ? &cf_ops[op] : NULL;
}

enum cf_op
cf_op_kind(const eo_op *op)
{
    const eo_op_def *d = eo_op_get_def(op);
    if (d >= cf_ops && d < cf_ops + CF_NUM_OPS)
        return (enum cf_op)(d - cf_ops);
    return CF_NUM_OPS;
}

/* ------------------------------------------------------------------ */
/* Builders                                                            */
/* ------------------------------------------------------------------ */

static void
state_init(eo_op_state *st, eo_builder *b, enum cf_op op)
{
    eo_op_state_init_def(st, b->ctx, &cf_ops[op],
                         b->loc ? b->loc : eo_loc_unknown(b->ctx));
}

eo_op *
cf_br_build(eo_builder *b, eo_block *dest, size_t n, eo_value *const *args)
{
    eo_op_state st;
    state_init(&st, b, CF_BR);
    if (eo_op_state_add_operands(&st, n, args) != EO_OK
        || eo_op_state_add_successor(&st, dest) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_builder_insert(b, &st);
}

eo_op *
cf_cond_br_build(eo_builder *b, eo_value *cond, eo_block *t, size_t nt,
                 eo_value *const *targs, eo_block *f, size_t nf,
                 eo_value *const *fargs)
{
    eo_op_state st;
    int32_t seg[3] = {1, (int32_t)nt, (int32_t)nf};
    state_init(&st, b, CF_COND_BR);
    if (eo_op_state_add_operand(&st, cond) != EO_OK
        || eo_op_state_add_operands(&st, nt, targs) != EO_OK
        || eo_op_state_add_operands(&st, nf, fargs) != EO_OK
        || eo_op_state_add_successor(&st, t) != EO_OK
        || eo_op_state_add_successor(&st, f) != EO_OK
        || set_i32_array(&st, "operandSegmentSizes", 3, seg) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_builder_insert(b, &st);
}

eo_op *
cf_assert_build(eo_builder *b, eo_value *cond, const char *msg)
{
    eo_op_state st;
    state_init(&st, b, CF_ASSERT);
    const eo_attr *m = eo_attr_get_string(b->ctx, msg, strlen(msg), NULL);
    if (!m || eo_op_state_add_operand(&st, cond) != EO_OK
        || eo_op_state_set_attr(&st, "msg", m) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_builder_insert(b, &st);
}

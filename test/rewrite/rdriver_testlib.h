/* test/rewrite/rdriver_testlib.h - a small "t" dialect for the tests of
 * folding, the rewriter, the greedy driver, cse and dce: constants, a
 * commutative add with a fold hook, a negation with a canonicalization
 * pattern, memory ops with declared effects, and a ping/pong pair whose
 * patterns never converge. Plus parsing and printing helpers.
 */
#ifndef EO_TEST_REWRITE_RDRIVER_TESTLIB_H
#define EO_TEST_REWRITE_RDRIVER_TESTLIB_H

#include "dialects/dialects.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <stdlib.h>
#include <string.h>

#define T_UNUSED __attribute__((unused))

enum t_op {
    T_CONST, T_ADD, T_NEG, T_LOAD, T_STORE, T_ALLOC, T_PRINT, T_PING,
    T_PONG, T_FUNC, T_RET, T_NUM_OPS
};

/* x+0 -> x, c1+c2 -> c (i32 constants). */
static bool
t_fold_add(eo_op *op, const eo_attr *const cst[], eo_fold *out)
{
    if (cst[1] && eo_attr_is_zero(cst[1]))
        return eo_fold_to_value(out, eo_op_operand(op, 0));
    if (cst[0] && cst[1])
        return eo_fold_to_attr(out, eo_attr_get_int(
            eo_op_ctx(op), eo_attr_type(cst[0]),
            eo_attr_int_value(cst[0]) + eo_attr_int_value(cst[1])));
    return false;
}

/* neg(neg(x)) -> x */
static eo_rewrite_result
t_neg_neg(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    (void)pat;
    eo_op *inner = eo_value_def_op(eo_op_operand(op, 0));
    if (!inner || strcmp(eo_op_name_str(inner), "t.neg") != 0)
        return EO_REWRITE_NO_MATCH;
    eo_value *x = eo_op_operand(inner, 0);
    eo_rewriter_replace_op(rw, op, &x);
    return EO_REWRITE_APPLIED;
}

static const eo_pattern t_neg_canon[] = {
    { "t.neg-neg", NULL, 1, t_neg_neg, NULL },
    { NULL, NULL, 0, NULL, NULL },
};

/* Replaces a ping/pong by a new op of the other name (never converges). */
static eo_rewrite_result
t_flip(const eo_pattern *pat, eo_op *op, eo_rewriter *rw)
{
    eo_op_state st;
    eo_op_state_init(&st, eo_rewriter_ctx(rw), pat->data, eo_op_loc(op));
    for (size_t i = 0; i < eo_op_num_operands(op); i++)
        if (eo_op_state_add_operand(&st, eo_op_operand(op, i)) != EO_OK)
            return EO_REWRITE_FAILED;
    eo_op *n = eo_rewriter_create(rw, &st);
    if (!n)
        return EO_REWRITE_FAILED;
    eo_rewriter_erase_op(rw, op);
    return EO_REWRITE_APPLIED;
}

static T_UNUSED const eo_pattern t_ping_pattern = {
    "t.ping-to-pong", "t.ping", 1, t_flip, "t.pong"
};
static T_UNUSED const eo_pattern t_pong_pattern = {
    "t.pong-to-ping", "t.pong", 1, t_flip, "t.ping"
};

static const eo_op_def t_ops[T_NUM_OPS] = {
    [T_CONST] = { .name = "t.const", .operands = 0, .results = 1,
                  .traits = EO_PURE | EO_CONSTANT_LIKE,
                  .attrs = EO_ATTRS("value") },
    [T_ADD] = { .name = "t.add", .operands = 2, .results = 1,
                .traits = EO_PURE | EO_COMMUTATIVE, .fold = t_fold_add },
    [T_NEG] = { .name = "t.neg", .operands = 1, .results = 1,
                .traits = EO_PURE, .canonicalize = t_neg_canon },
    [T_LOAD] = { .name = "t.load", .operands = 1, .results = 1,
                 .traits = EO_MEM_READ },
    [T_STORE] = { .name = "t.store", .operands = 2, .results = 0,
                  .traits = EO_MEM_WRITE },
    [T_ALLOC] = { .name = "t.alloc", .operands = 0, .results = 1,
                  .traits = EO_MEM_ALLOC },
    [T_PRINT] = { .name = "t.print", .operands = EO_VARIADIC,
                  .results = 0 },
    [T_PING] = { .name = "t.ping", .operands = EO_VARIADIC, .results = 0 },
    [T_PONG] = { .name = "t.pong", .operands = EO_VARIADIC, .results = 0 },
    [T_FUNC] = { .name = "t.func", .operands = 0, .results = 0,
                 .regions = 1, .traits = EO_ISOLATED_FROM_ABOVE },
    [T_RET] = { .name = "t.ret", .operands = EO_VARIADIC, .results = 0,
                .traits = EO_TERMINATOR | EO_PURE },
};

static eo_op *
t_materialize(eo_rewriter *rw, const eo_attr *value, const eo_type *type,
              const eo_loc *loc)
{
    if (eo_attr_get_kind(value) != EO_ATTR_INTEGER ||
        eo_attr_type(value) != type)
        return NULL;
    eo_op_state st;
    eo_op_state_init(&st, eo_rewriter_ctx(rw), "t.const", loc);
    if (eo_op_state_add_result(&st, type) != EO_OK ||
        eo_op_state_set_attr(&st, "value", value) != EO_OK) {
        eo_op_state_release(&st);
        return NULL;
    }
    return eo_rewriter_create(rw, &st);
}

static const eo_dialect_desc t_desc = {
    .name = "t", .ops = t_ops, .num_ops = T_NUM_OPS,
    .materialize_constant = t_materialize,
};

/* Diagnostics captured by the tests. */
static T_UNUSED eo_strbuf t_diags;

static void
t_diag_handler(const eo_diag *d, void *ud)
{
    (void)ud;
    eo_strbuf_puts(&t_diags, d->message);
    eo_strbuf_puts(&t_diags, "\n");
}

static inline const char *
t_diag_text(void)
{
    return t_diags.data ? t_diags.data : "";
}

static T_UNUSED int
t_setup(void **state)
{
    eo_ctx *ctx = eo_ctx_create(NULL);
    if (!ctx || eo_dialect_register_desc(ctx, &t_desc) != EO_OK ||
        eo_register_all_dialects(ctx) != EO_OK ||
        eo_passes_register(ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(ctx, t_diag_handler, NULL);
    eo_strbuf_free(&t_diags);
    memset(&t_diags, 0, sizeof(t_diags));
    *state = ctx;
    return 0;
}

static T_UNUSED int
t_teardown(void **state)
{
    eo_ctx_destroy(*state);
    eo_strbuf_free(&t_diags);
    memset(&t_diags, 0, sizeof(t_diags));
    return 0;
}

/* Parses 'text' (kept alive in a static buffer list until exit). */
static inline eo_op *
t_parse(eo_ctx *ctx, const char *text)
{
    eo_op *m = eo_parse_source(ctx, "test.mlir", text, strlen(text), NULL);
    return m;
}

/* Prints 'op' generically into a fresh malloc'd string. */
static inline char *
t_print(eo_op *op)
{
    eo_print_flags fl = { 0 };
    fl.generic = true;
    eo_strbuf b = { 0 };
    eo_op_print_to(op, &fl, &b);
    char *s = strdup(b.data ? b.data : "");
    eo_strbuf_free(&b);
    return s;
}

/* Number of occurrences of 'needle' in the printed 'op'. */
static inline int
t_count(eo_op *op, const char *needle)
{
    char *s = t_print(op);
    int n = 0;
    for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
        n++;
    free(s);
    return n;
}

static inline eo_status
t_run_pass(eo_ctx *ctx, const char *name, eo_op *op)
{
    const eo_pass_def *d = eo_pass_lookup(ctx, name);
    if (!d)
        return EO_ERROR;
    return d->run(op, NULL, NULL);
}

/* The first op named 'name' in pre-order under 'root', or NULL. */
typedef struct t_find {
    const char *name;
    eo_op *found;
} t_find;

static eo_walk_result
t_find_cb(eo_op *op, void *ud)
{
    t_find *f = ud;
    if (strcmp(eo_op_name_str(op), f->name) == 0) {
        f->found = op;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

static inline eo_op *
t_first(eo_op *root, const char *name)
{
    t_find f = { name, NULL };
    eo_op_walk(root, EO_WALK_PRE, t_find_cb, &f);
    return f.found;
}

#endif /* EO_TEST_REWRITE_RDRIVER_TESTLIB_H */

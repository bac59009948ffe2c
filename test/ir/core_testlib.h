/* test/ir/core_testlib.h - helpers shared by the core IR unit tests
 * (test_ops, test_use_lists, test_builder, test_clone, test_walk,
 * test_symbols, test_verify): a small registered "tst" dialect, captured
 * diagnostics, and one-line op construction. Header-only (static).
 */
#ifndef EO_TEST_IR_CORE_TESTLIB_H
#define EO_TEST_IR_CORE_TESTLIB_H

#include "ir/ir.h"

#include <stdio.h>
#include <string.h>

/* name, operands, results, regions, successors, traits, attrs. */
static const eo_op_def tst_ops[] = {
    { .name = "tst.const", .operands = 0, .results = 1,
      .traits = EO_PURE | EO_CONSTANT_LIKE, .attrs = EO_ATTRS("value") },
    { .name = "tst.add", .operands = 2, .results = 1,
      .traits = EO_PURE | EO_SAME_TYPES },
    { .name = "tst.use", .operands = EO_VARIADIC, .results = 0 },
    { .name = "tst.ret", .operands = EO_VARIADIC, .results = 0,
      .traits = EO_TERMINATOR | EO_RETURN_LIKE },
    { .name = "tst.br", .operands = EO_VARIADIC, .results = 0,
      .successors = 1, .traits = EO_TERMINATOR },
    { .name = "tst.cbr", .operands = EO_VARIADIC, .results = 0,
      .successors = 2, .traits = EO_TERMINATOR },
    { .name = "tst.func", .operands = 0, .results = 0, .regions = 1,
      .traits = EO_ISOLATED_FROM_ABOVE | EO_SYMBOL,
      .attrs = EO_ATTRS("sym_name") },
    { .name = "tst.scope", .operands = EO_VARIADIC, .results = EO_VARIADIC,
      .regions = 1 },
    { .name = "tst.graph", .operands = 0, .results = 0, .regions = 1,
      .traits = EO_GRAPH_REGION | EO_NO_TERMINATOR | EO_SINGLE_BLOCK },
    { .name = "tst.table", .operands = 0, .results = 0, .regions = 1,
      .traits = EO_SYMBOL_TABLE | EO_NO_TERMINATOR | EO_SINGLE_BLOCK |
                EO_GRAPH_REGION,
      .opt_attrs = EO_ATTRS("sym_name") },
    { .name = "tst.seg", .operands = EO_VARIADIC, .results = 0,
      .traits = EO_ATTR_SIZED_OPERANDS },
    { .name = "tst.same", .operands = EO_VARIADIC, .results = 0,
      .traits = EO_SAME_OPERAND_TYPES },
};

/* Captured diagnostics: messages (and notes after " | note: ") joined
 * by newlines. */
typedef struct diag_log {
    char text[8192];
    size_t len;
    int errors;
} diag_log;

static inline void
capture_diag(const eo_diag *d, void *ud)
{
    diag_log *log = ud;
    if (d->severity == EO_SEV_ERROR)
        log->errors++;
    int n = snprintf(log->text + log->len, sizeof(log->text) - log->len,
                     "%s", d->message);
    if (n > 0)
        log->len += (size_t)n;
    for (size_t i = 0; i < d->num_notes; i++) {
        n = snprintf(log->text + log->len, sizeof(log->text) - log->len,
                     " | note: %s", d->notes[i].message);
        if (n > 0)
            log->len += (size_t)n;
    }
    n = snprintf(log->text + log->len, sizeof(log->text) - log->len, "\n");
    if (n > 0)
        log->len += (size_t)n;
    if (log->len >= sizeof(log->text))
        log->len = sizeof(log->text) - 1;
}

typedef struct core_fixture {
    eo_ctx *ctx;
    diag_log log;
    const eo_type *i32, *i64;
} core_fixture;

static inline int
core_setup(void **state)
{
    static core_fixture f;
    memset(&f, 0, sizeof(f));
    f.ctx = eo_ctx_create(NULL);
    if (!f.ctx)
        return -1;
    if (eo_dialect_register(f.ctx, "tst", tst_ops,
                            sizeof(tst_ops) / sizeof(tst_ops[0])) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f.ctx, capture_diag, &f.log);
    eo_ctx_set_allow_unregistered(f.ctx, true);
    f.i32 = eo_type_get_int(f.ctx, 32);
    f.i64 = eo_type_get_int(f.ctx, 64);
    *state = &f;
    return 0;
}

static inline int
core_teardown(void **state)
{
    core_fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    return 0;
}

/* Creates "name"(ops...) -> (nres results of type t) at the end of 'b'
 * (detached if b is NULL), with 'nreg' empty regions. */
static inline eo_op *
mk_op(eo_ctx *ctx, eo_block *b, const char *name, size_t nops,
      eo_value *const *ops, size_t nres, const eo_type *t, size_t nreg)
{
    eo_op_state st;
    eo_op_state_init(&st, ctx, name, NULL);
    if (eo_op_state_add_operands(&st, nops, ops) != EO_OK)
        return NULL;
    for (size_t i = 0; i < nres; i++)
        if (eo_op_state_add_result(&st, t) != EO_OK)
            return NULL;
    for (size_t i = 0; i < nreg; i++)
        if (!eo_op_state_add_region(&st))
            return NULL;
    eo_op *op = eo_op_create(&st);
    if (op && b)
        eo_block_append(b, op);
    return op;
}

/* A new block appended to region i of 'op'. */
static inline eo_block *
add_block(eo_op *op, size_t i)
{
    eo_block *b = eo_block_create(eo_op_ctx(op));
    if (b)
        eo_region_append(eo_op_region(op, i), b);
    return b;
}

static inline eo_op *
mk_const(eo_ctx *ctx, eo_block *b, const eo_type *t, int64_t v)
{
    eo_op_state st;
    eo_op_state_init(&st, ctx, "tst.const", NULL);
    if (eo_op_state_add_result(&st, t) != EO_OK ||
        eo_op_state_set_attr(&st, "value", eo_attr_get_int(ctx, t, v)) !=
            EO_OK)
        return NULL;
    eo_op *op = eo_op_create(&st);
    if (op && b)
        eo_block_append(b, op);
    return op;
}

#endif /* EO_TEST_IR_CORE_TESTLIB_H */

/* test/rewrite/mini_interp.h - a tiny interpreter for the integer subset
 * of func/arith/scf/cf used by the unroll and inline tests: it runs a
 * function on integer arguments and records every "test.sink" operand,
 * so transformed IR can be checked for equivalence by running it.
 * Test-only (static functions, included by one test file each).
 */
#ifndef EO_TEST_REWRITE_MINI_INTERP_H
#define EO_TEST_REWRITE_MINI_INTERP_H

#include "ir/ir.h"

#include <stdlib.h>
#include <string.h>

#define MI_SLOTS 65536
#define MI_TRACE 4096

typedef struct mi {
    const eo_value **keys;
    int64_t *vals;
    int64_t trace[MI_TRACE];
    size_t ntrace;
    bool failed;
    unsigned depth;
} mi;

static void
mi_init(mi *m)
{
    memset(m, 0, sizeof *m);
    m->keys = calloc(MI_SLOTS, sizeof *m->keys);
    m->vals = calloc(MI_SLOTS, sizeof *m->vals);
}

static void
mi_free(mi *m)
{
    free(m->keys);
    free(m->vals);
}

static size_t
mi_slot(mi *m, const eo_value *v)
{
    size_t i = ((uintptr_t)v >> 4) * 2654435761u % MI_SLOTS;
    while (m->keys[i] && m->keys[i] != v)
        i = (i + 1) % MI_SLOTS;
    return i;
}

static int64_t
mi_wrap(const eo_type *t, int64_t v)
{
    if (eo_type_is_index(t))
        return v;
    unsigned w = eo_type_int_width(t);
    if (w >= 64 || w == 0)
        return v;
    uint64_t mask = (1ull << w) - 1, u = (uint64_t)v & mask;
    if (u >> (w - 1))
        u |= ~mask;
    return (int64_t)u;
}

static void
mi_set(mi *m, const eo_value *v, int64_t x)
{
    size_t i = mi_slot(m, v);
    m->keys[i] = v;
    m->vals[i] = mi_wrap(eo_value_type(v), x);
}

static int64_t
mi_get(mi *m, const eo_value *v)
{
    size_t i = mi_slot(m, v);
    if (!m->keys[i])
        m->failed = true;
    return m->vals[i];
}

static bool mi_region(mi *m, eo_region *r, const int64_t *args, size_t nargs,
                      int64_t *out, size_t nout);

static bool
mi_is(const eo_op *op, const char *name)
{
    return strcmp(eo_op_name_str(op), name) == 0;
}

/* Runs one non-terminator op. */
static bool
mi_op(mi *m, eo_op *op)
{
    int64_t a = 0, b = 0, r = 0;
    if (eo_op_num_operands(op) >= 1)
        a = mi_get(m, eo_op_operand(op, 0));
    if (eo_op_num_operands(op) >= 2)
        b = mi_get(m, eo_op_operand(op, 1));
    if (mi_is(op, "arith.constant")) {
        r = eo_attr_int_value(eo_op_attr(op, "value"));
    } else if (mi_is(op, "arith.addi")) {
        r = (int64_t)((uint64_t)a + (uint64_t)b);
    } else if (mi_is(op, "arith.subi")) {
        r = (int64_t)((uint64_t)a - (uint64_t)b);
    } else if (mi_is(op, "arith.muli")) {
        r = (int64_t)((uint64_t)a * (uint64_t)b);
    } else if (mi_is(op, "arith.maxsi")) {
        r = a > b ? a : b;
    } else if (mi_is(op, "arith.minsi")) {
        r = a < b ? a : b;
    } else if (mi_is(op, "arith.remsi") || mi_is(op, "arith.divsi") ||
               mi_is(op, "arith.ceildivsi")) {
        if (b == 0)
            return false;
        if (mi_is(op, "arith.remsi"))
            r = a % b;
        else if (mi_is(op, "arith.divsi"))
            r = a / b;
        else
            r = a / b + ((a % b != 0) && ((a < 0) == (b < 0)));
    } else if (mi_is(op, "arith.remui") || mi_is(op, "arith.divui") ||
               mi_is(op, "arith.ceildivui")) {
        const eo_type *t = eo_value_type(eo_op_operand(op, 0));
        unsigned w = eo_type_is_index(t) ? 64 : eo_type_int_width(t);
        uint64_t mask = w >= 64 ? ~0ull : (1ull << w) - 1;
        uint64_t ua = (uint64_t)a & mask, ub = (uint64_t)b & mask;
        if (ub == 0)
            return false;
        if (mi_is(op, "arith.remui"))
            r = (int64_t)(ua % ub);
        else if (mi_is(op, "arith.divui"))
            r = (int64_t)(ua / ub);
        else
            r = (int64_t)(ua / ub + (ua % ub != 0));
    } else if (mi_is(op, "arith.cmpi")) {
        int64_t p = eo_attr_int_value(eo_op_attr(op, "predicate"));
        r = p == 0 ? a == b : p == 1 ? a != b : p == 2 ? a < b
            : p == 3 ? a <= b : p == 4 ? a > b : a >= b;
    } else if (mi_is(op, "arith.select")) {
        r = a ? b : mi_get(m, eo_op_operand(op, 2));
    } else if (mi_is(op, "test.sink")) {
        if (m->ntrace < MI_TRACE)
            m->trace[m->ntrace++] = a;
        return true;
    } else if (mi_is(op, "scf.for")) {
        int64_t lb = a, ub = b, step = mi_get(m, eo_op_operand(op, 2));
        size_t n = eo_op_num_results(op);
        int64_t args[17], outs[16];
        if (n > 16 || step <= 0)
            return false;
        for (size_t i = 0; i < n; i++)
            args[1 + i] = mi_get(m, eo_op_operand(op, 3 + i));
        for (int64_t iv = lb; iv < ub; iv += step) {
            args[0] = iv;
            if (!mi_region(m, eo_op_region(op, 0), args, n + 1, outs, n))
                return false;
            memcpy(args + 1, outs, n * sizeof *outs);
        }
        for (size_t i = 0; i < n; i++)
            mi_set(m, eo_op_result(op, i), args[1 + i]);
        return true;
    } else if (mi_is(op, "scf.if")) {
        size_t n = eo_op_num_results(op);
        int64_t outs[16];
        eo_region *reg = eo_op_region(op, a ? 0 : 1);
        if (n > 16)
            return false;
        if (!eo_region_empty(reg) && !mi_region(m, reg, NULL, 0, outs, n))
            return false;
        for (size_t i = 0; i < n; i++)
            mi_set(m, eo_op_result(op, i), outs[i]);
        return true;
    } else if (mi_is(op, "func.call")) {
        eo_op *fn = eo_symbol_lookup_nearest(op, eo_op_attr(op, "callee"));
        size_t na = eo_op_num_operands(op), n = eo_op_num_results(op);
        int64_t args[16], outs[16];
        if (!fn || na > 16 || n > 16 || m->depth > 64)
            return false;
        for (size_t i = 0; i < na; i++)
            args[i] = mi_get(m, eo_op_operand(op, i));
        m->depth++;
        bool ok = mi_region(m, eo_op_region(fn, 0), args, na, outs, n);
        m->depth--;
        if (!ok)
            return false;
        for (size_t i = 0; i < n; i++)
            mi_set(m, eo_op_result(op, i), outs[i]);
        return true;
    } else {
        return false;
    }
    mi_set(m, eo_op_result(op, 0), r);
    return true;
}

/* Runs a region from its entry block until a return/yield. */
static bool
mi_region(mi *m, eo_region *r, const int64_t *args, size_t nargs,
          int64_t *out, size_t nout)
{
    eo_block *b = eo_region_first(r);
    if (!b || eo_block_num_args(b) != nargs)
        return false;
    for (size_t i = 0; i < nargs; i++)
        mi_set(m, eo_block_arg(b, i), args[i]);
    for (unsigned steps = 0; steps < 1000000; steps++) {
        eo_op *op = eo_block_first(b);
        for (; op && !eo_op_is_terminator(op); op = eo_op_next(op))
            if (!mi_op(m, op))
                return false;
        if (!op)
            return false;
        if (mi_is(op, "func.return") || mi_is(op, "scf.yield")) {
            if (eo_op_num_operands(op) != nout)
                return false;
            for (size_t i = 0; i < nout; i++)
                out[i] = mi_get(m, eo_op_operand(op, i));
            return !m->failed;
        }
        unsigned succ = 0;
        if (mi_is(op, "cf.cond_br"))
            succ = mi_get(m, eo_op_operand(op, 0)) ? 0 : 1;
        else if (!mi_is(op, "cf.br"))
            return false;
        const eo_op_def *d = eo_op_get_def(op);
        unsigned first, count;
        d->successor_operands(op, succ, &first, &count);
        eo_block *next = eo_op_successor(op, succ);
        int64_t vals[16];
        if (count > 16 || eo_block_num_args(next) != count)
            return false;
        for (unsigned i = 0; i < count; i++)
            vals[i] = mi_get(m, eo_op_operand(op, first + i));
        for (unsigned i = 0; i < count; i++)
            mi_set(m, eo_block_arg(next, i), vals[i]);
        b = next;
    }
    return false;
}

/* Runs @name of 'module'. Returns false if it could not be interpreted. */
static bool
mi_run(mi *m, eo_op *module, const char *name, const int64_t *args,
       size_t nargs, int64_t *out, size_t nout)
{
    eo_op *fn = eo_symbol_lookup_in(module, name);
    m->ntrace = 0;
    m->failed = false;
    return fn && mi_region(m, eo_op_region(fn, 0), args, nargs, out, nout);
}

#endif /* EO_TEST_REWRITE_MINI_INTERP_H */

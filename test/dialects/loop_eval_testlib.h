/* test/dialects/loop_eval_testlib.h - a small evaluator of the loops
 * tl-to-loops produces (scf.for, memref.load/store, the arith ops of tl
 * bodies), for test_tl_to_loops.c and test_tl_tile.c: values are doubles,
 * float ops round to f32 as the compiled code would. Include after
 * <cmocka.h>, "ir/ir.h" and <stdlib.h>/<string.h>. */
#ifndef EO_TEST_DIALECTS_LOOP_EVAL_TESTLIB_H
#define EO_TEST_DIALECTS_LOOP_EVAL_TESTLIB_H

#define MAX_VALS 256

typedef struct eval {
    eo_op *fn;
    double *bufs[8];          /* one per function argument (memrefs) */
    double scalars[8];        /* scalar arguments */
    const eo_value *keys[MAX_VALS];
    double vals[MAX_VALS];
    size_t n;
} eval;

static void
setv(eval *e, const eo_value *v, double x)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->keys[i] == v) {
            e->vals[i] = x;
            return;
        }
    assert_true(e->n < MAX_VALS);
    e->keys[e->n] = v;
    e->vals[e->n++] = x;
}

static double
getv(eval *e, const eo_value *v)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->keys[i] == v)
            return e->vals[i];
    eo_block *entry = eo_region_first(eo_op_region(e->fn, 0));
    assert_true(eo_value_is_block_arg(v) && eo_value_owner_block(v) == entry);
    return e->scalars[eo_value_index(v)];
}

/* The buffer and row-major element offset of a load/store access. */
static double *
element(eval *e, eo_op *op, size_t mem)
{
    eo_value *m = eo_op_operand(op, mem);
    assert_true(eo_value_is_block_arg(m));
    double *buf = e->bufs[eo_value_index(m)];
    assert_non_null(buf);
    const eo_type *t = eo_value_type(m);
    size_t rank = eo_type_rank(t);
    assert_int_equal(eo_op_num_operands(op), mem + 1 + rank);
    int64_t off = 0;
    for (size_t i = 0; i < rank; i++) {
        int64_t x = (int64_t)getv(e, eo_op_operand(op, mem + 1 + i));
        assert_true(x >= 0 && x < eo_type_dim(t, i));
        off = off * eo_type_dim(t, i) + x;
    }
    return buf + off;
}

static void
run_block(eval *e, eo_block *b)
{
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        const char *n = eo_op_name_str(op);
        eo_value *r = eo_op_num_results(op) ? eo_op_result(op, 0) : NULL;
        if (!strcmp(n, "scf.for")) {
            int64_t lb = (int64_t)getv(e, eo_op_operand(op, 0));
            int64_t ub = (int64_t)getv(e, eo_op_operand(op, 1));
            int64_t st = (int64_t)getv(e, eo_op_operand(op, 2));
            for (int64_t i = lb; i < ub; i += st) {
                setv(e, scf_for_induction_var(op), (double)i);
                run_block(e, scf_for_body(op));
            }
            continue;
        }
        if (!strcmp(n, "scf.yield") || !strcmp(n, "func.return"))
            return;
        if (!strcmp(n, "arith.constant")) {
            const eo_attr *v = eo_op_attr(op, "value");
            setv(e, r, eo_type_is_float(eo_attr_type(v))
                           ? eo_attr_float_value(v)
                           : (double)eo_attr_int_value(v));
            continue;
        }
        if (!strcmp(n, "memref.load")) {
            setv(e, r, *element(e, op, 0));
            continue;
        }
        if (!strcmp(n, "memref.store")) {
            *element(e, op, 1) = getv(e, eo_op_operand(op, 0));
            continue;
        }
        double a = getv(e, eo_op_operand(op, 0));
        if (!strcmp(n, "arith.extsi")) {
            setv(e, r, a);
            continue;
        }
        double c = eo_op_num_operands(op) > 1
                       ? getv(e, eo_op_operand(op, 1))
                       : 0;
        double x = 0;
        /* Float ops round to f32 as the lowered code would. */
        if (!strcmp(n, "arith.addf"))
            x = (double)((float)a + (float)c);
        else if (!strcmp(n, "arith.mulf"))
            x = (double)((float)a * (float)c);
        else if (!strcmp(n, "arith.subf"))
            x = (double)((float)a - (float)c);
        else if (!strcmp(n, "arith.addi"))
            x = a + c;
        else if (!strcmp(n, "arith.subi"))
            x = a - c;
        else if (!strcmp(n, "arith.muli"))
            x = a * c;
        else if (!strcmp(n, "arith.maximumf") || !strcmp(n, "arith.maxsi"))
            x = a > c ? a : c;
        else if (!strcmp(n, "arith.minsi"))
            x = a < c ? a : c;
        else if (!strcmp(n, "arith.divsi"))
            x = (double)((int64_t)a / (int64_t)c);
        else if (!strcmp(n, "arith.remsi"))
            x = (double)((int64_t)a % (int64_t)c);
        else if (!strcmp(n, "arith.cmpi")) {
            int64_t p = eo_attr_int_value(eo_op_attr(op, "predicate"));
            assert_true(p == 2 || p == 3);
            x = p == 2 ? a < c : a <= c;
        } else if (!strcmp(n, "arith.select"))
            x = a != 0 ? c : getv(e, eo_op_operand(op, 2));
        else
            fail_msg("unexpected op %s", n);
        setv(e, r, x);
    }
}

/* Runs lowered function 'fn' on its memref arguments 'bufs'. */
static void
run_func(eo_op *fn, double **bufs, size_t nbufs)
{
    eval *e = calloc(1, sizeof *e);
    assert_non_null(e);
    e->fn = fn;
    for (size_t i = 0; i < nbufs; i++)
        e->bufs[i] = bufs[i];
    run_block(e, eo_region_first(eo_op_region(e->fn, 0)));
    free(e);
}

#endif /* EO_TEST_DIALECTS_LOOP_EVAL_TESTLIB_H */

/* test/dialects/test_graph_to_tl.c - the graph-to-tl pass checked by
 * execution: each case is a small graph function run by the reference
 * interpreter (eo_interp_run) and, after graph-to-tl and tl-generalize,
 * by a loop-nest evaluator of tl.generic written here (the loop bounds
 * from the shapes, the operand indices from the indexing maps through
 * eo_affine_expr_eval, the scalar body's arith/math ops on doubles; the
 * graph ops the lowering leaves, such as graph.pad, run through
 * eo_interp_op). Results must agree within 1e-5 on random inputs. Also:
 * partial lowering, full=true errors, the ops produced. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/arith/arith.h"
#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/onnx/onnx.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/tl/tl.h"
#include "dialects/tl/transforms/transforms.h"
#include "ir/ir.h"
#include "rewrite/rewrite.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    char last[512];
    int errors;
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    f->errors++;
    snprintf(f->last, sizeof f->last, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK ||
        eo_graph_register_passes(f->ctx) != EO_OK ||
        eo_tl_register_passes(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static eo_op *
parse(fixture *f, const char *text)
{
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    if (!m)
        fprintf(stderr, "parse error: %s\n", f->last);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

static eo_status
run_pipeline(fixture *f, eo_op *m, const char *pipeline)
{
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    eo_status s = eo_pm_add_pipeline(pm, pipeline);
    if (s == EO_OK)
        s = eo_pm_run(pm, m, NULL);
    eo_pm_destroy(pm);
    return s;
}

static eo_op *
first_func(eo_op *m)
{
    for (eo_op *o = eo_block_first(eo_module_body(m)); o; o = eo_op_next(o))
        if (!strcmp(eo_op_name_str(o), "func.func"))
            return o;
    fail_msg("no func.func");
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The tl.generic evaluator                                            */
/* ------------------------------------------------------------------ */

/* Values computed so far: tensors (f32) for the function's values,
 * doubles for scalars. */
typedef struct slot {
    const eo_value *v;
    eo_tensor t;
    double s;
    int64_t si;
    bool scalar;
} slot;

/* A scalar: float ops use d, integer ops i (sign-extended). */
typedef struct num {
    double d;
    int64_t i;
} num;

typedef struct env {
    slot *slots;
    size_t n, cap;
    /* Scalars from outside the body of the generic being run. */
    const eo_value *cached[32];
    num cval[32];
    size_t ncached;
} env;

static slot *
env_add(env *e, const eo_value *v)
{
    if (e->n == e->cap) {
        e->cap = e->cap ? e->cap * 2 : 64;
        e->slots = realloc(e->slots, e->cap * sizeof *e->slots);
        assert_non_null(e->slots);
    }
    slot *s = &e->slots[e->n++];
    memset(s, 0, sizeof *s);
    s->v = v;
    return s;
}

static slot *
env_get(env *e, const eo_value *v)
{
    for (size_t i = e->n; i-- > 0;)
        if (e->slots[i].v == v)
            return &e->slots[i];
    return NULL;
}

static void
env_free(env *e)
{
    for (size_t i = 0; i < e->n; i++)
        eo_tensor_free(&e->slots[i].t);
    free(e->slots);
}

static double
const_scalar(const eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "value");
    assert_non_null(a);
    if (eo_attr_get_kind(a) == EO_ATTR_FLOAT)
        return eo_attr_float_value(a);
    return (double)eo_attr_int_value(a);
}

/* 'v' wrapped to 'bits' bits, sign-extended. */
static int64_t
wrap(int64_t v, unsigned bits)
{
    if (bits >= 64)
        return v;
    uint64_t m = (UINT64_C(1) << bits) - 1, u = (uint64_t)v & m;
    if (u >> (bits - 1))
        u |= ~m;
    return (int64_t)u;
}

/* Integer body ops; false if 'name' is not one. */
static bool
int_op(const char *name, eo_op *op, const int64_t *x, int64_t *r)
{
    if (!strcmp(name, "arith.addi"))
        *r = (int64_t)((uint64_t)x[0] + (uint64_t)x[1]);
    else if (!strcmp(name, "arith.subi"))
        *r = (int64_t)((uint64_t)x[0] - (uint64_t)x[1]);
    else if (!strcmp(name, "arith.muli"))
        *r = (int64_t)((uint64_t)x[0] * (uint64_t)x[1]);
    else if (!strcmp(name, "arith.divsi"))
        *r = x[1] ? x[0] / x[1] : 0;
    else if (!strcmp(name, "arith.shli"))
        *r = x[1] < 64 ? (int64_t)((uint64_t)x[0] << x[1]) : 0;
    else if (!strcmp(name, "arith.shrsi"))
        *r = x[1] < 64 ? (x[0] >= 0 ? x[0] >> x[1] : ~(~x[0] >> x[1]))
                       : (x[0] < 0 ? -1 : 0);
    else if (!strcmp(name, "arith.andi"))
        *r = x[0] & x[1];
    else if (!strcmp(name, "arith.maxsi"))
        *r = x[0] > x[1] ? x[0] : x[1];
    else if (!strcmp(name, "arith.minsi"))
        *r = x[0] < x[1] ? x[0] : x[1];
    else if (!strcmp(name, "arith.extsi") || !strcmp(name, "arith.trunci"))
        *r = x[0];
    else if (!strcmp(name, "arith.cmpi")) {
        int64_t p = eo_attr_int_value(eo_op_attr(op, "predicate"));
        switch (p) {
        case ARITH_CMPI_SLT: *r = x[0] < x[1]; break;
        case ARITH_CMPI_SGT: *r = x[0] > x[1]; break;
        case ARITH_CMPI_SLE: *r = x[0] <= x[1]; break;
        case ARITH_CMPI_SGE: *r = x[0] >= x[1]; break;
        case ARITH_CMPI_EQ: *r = x[0] == x[1]; break;
        case ARITH_CMPI_NE: *r = x[0] != x[1]; break;
        default: fail_msg("cmpi predicate %d", (int)p);
        }
    } else
        return false;
    return true;
}

/* Evaluates the scalar body 'b' with block args 'args'; returns the
 * yielded value. Body-local values live in locals[] (by op order). */
static num
eval_body(env *e, eo_block *b, const num *args)
{
    num local[64];
    const eo_value *lv[64];
    size_t nl = 0;
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        const char *name = eo_op_name_str(op);
        num xn[3] = {{0, 0}, {0, 0}, {0, 0}};
        for (size_t i = 0; i < eo_op_num_operands(op) && i < 3; i++) {
            const eo_value *v = eo_op_operand(op, i);
            bool found = false;
            if (eo_value_is_block_arg(v) && eo_value_owner_block(v) == b) {
                xn[i] = args[eo_value_index(v)];
                found = true;
            }
            for (size_t j = 0; !found && j < nl; j++)
                if (lv[j] == v)
                    xn[i] = local[j], found = true;
            for (size_t j = 0; !found && j < e->ncached; j++)
                if (e->cached[j] == v)
                    xn[i] = e->cval[j], found = true;
            if (!found) {
                slot *s = env_get(e, v);
                assert_non_null(s);
                assert_true(s->scalar);
                xn[i].d = s->s;
                xn[i].i = s->si;
                if (e->ncached < 32) {
                    e->cached[e->ncached] = v;
                    e->cval[e->ncached++] = xn[i];
                }
            }
        }
        if (!strcmp(name, "tl.yield"))
            return xn[0];
        const eo_type *rt = eo_value_type(eo_op_result(op, 0));
        int64_t xi[3] = {xn[0].i, xn[1].i, xn[2].i}, ri = 0;
        double x[3] = {xn[0].d, xn[1].d, xn[2].d};
        double r = 0;
        num out = {0, 0};
        if (!strcmp(name, "arith.select")) {
            out = xi[0] ? xn[1] : xn[2];
            assert_true(nl < 64);
            lv[nl] = eo_op_result(op, 0);
            local[nl++] = out;
            continue;
        }
        if (!strcmp(name, "arith.fptosi")) {     /* in range here */
            out.i = wrap((int64_t)x[0], eo_type_int_width(rt));
            assert_true(nl < 64);
            lv[nl] = eo_op_result(op, 0);
            local[nl++] = out;
            continue;
        }
        if (eo_type_is_int(rt) && strcmp(name, "arith.cmpf") &&
            strcmp(name, "arith.constant")) {
            assert_true(int_op(name, op, xi, &ri));
            out.i = wrap(ri, eo_type_int_width(rt));
            assert_true(nl < 64);
            lv[nl] = eo_op_result(op, 0);
            local[nl++] = out;
            continue;
        }
        if (!strcmp(name, "arith.constant") && eo_type_is_int(rt))
            out.i = (int64_t)const_scalar(op), r = (double)out.i;
        else if (!strcmp(name, "arith.constant"))
            r = const_scalar(op);
        else if (!strcmp(name, "arith.addf"))
            r = (float)(x[0] + x[1]);
        else if (!strcmp(name, "arith.subf"))
            r = (float)(x[0] - x[1]);
        else if (!strcmp(name, "arith.mulf"))
            r = (float)(x[0] * x[1]);
        else if (!strcmp(name, "arith.divf"))
            r = (float)(x[0] / x[1]);
        else if (!strcmp(name, "arith.maximumf") ||
                 !strcmp(name, "arith.maxnumf"))
            r = isnan(x[0]) || isnan(x[1]) ? NAN : fmax(x[0], x[1]);
        else if (!strcmp(name, "arith.minimumf") ||
                 !strcmp(name, "arith.minnumf"))
            r = isnan(x[0]) || isnan(x[1]) ? NAN : fmin(x[0], x[1]);
        else if (!strcmp(name, "arith.negf"))
            r = -x[0];
        else if (!strcmp(name, "arith.sitofp"))
            r = (float)xi[0];
        else if (!strcmp(name, "math.roundeven"))
            r = rintf((float)x[0]);
        else if (!strcmp(name, "arith.cmpf")) {
            int64_t p = eo_attr_int_value(eo_op_attr(op, "predicate"));
            switch (p) {
            case ARITH_CMPF_OLT: r = x[0] < x[1]; break;
            case ARITH_CMPF_OGT: r = x[0] > x[1]; break;
            case ARITH_CMPF_OLE: r = x[0] <= x[1]; break;
            case ARITH_CMPF_OGE: r = x[0] >= x[1]; break;
            case ARITH_CMPF_UNO: r = isnan(x[0]) || isnan(x[1]); break;
            default: fail_msg("cmpf predicate %d", (int)p); r = 0;
            }
            out.i = (int64_t)r;
        } else if (!strcmp(name, "math.exp"))
            r = expf((float)x[0]);
        else if (!strcmp(name, "math.tanh"))
            r = tanhf((float)x[0]);
        else if (!strcmp(name, "math.sqrt"))
            r = sqrtf((float)x[0]);
        else if (!strcmp(name, "math.absf"))
            r = fabs(x[0]);
        else if (!strcmp(name, "math.log"))
            r = logf((float)x[0]);
        else if (!strcmp(name, "math.erf"))
            r = erff((float)x[0]);
        else if (!strcmp(name, "math.powf"))
            r = powf((float)x[0], (float)x[1]);
        else {
            fail_msg("evaluator: unsupported body op %s", name);
            r = 0;
        }
        out.d = r;
        assert_true(nl < 64);
        lv[nl] = eo_op_result(op, 0);
        local[nl++] = out;
    }
    fail_msg("body without tl.yield");
    return (num){0, 0};
}

static num
get_elem(const eo_tensor *t, int64_t o)
{
    num n = {0, 0};
    switch (t->dtype) {
    case EO_DT_F32: n.d = ((const float *)t->data)[o]; break;
    case EO_DT_I8: n.i = ((const int8_t *)t->data)[o]; break;
    case EO_DT_I32: n.i = ((const int32_t *)t->data)[o]; break;
    case EO_DT_I64: n.i = ((const int64_t *)t->data)[o]; break;
    default: fail_msg("evaluator: dtype %s", eo_dtype_name(t->dtype));
    }
    return n;
}

static void
set_elem(eo_tensor *t, int64_t o, num n)
{
    switch (t->dtype) {
    case EO_DT_F32: ((float *)t->data)[o] = (float)n.d; break;
    case EO_DT_I8: ((int8_t *)t->data)[o] = (int8_t)n.i; break;
    case EO_DT_I32: ((int32_t *)t->data)[o] = (int32_t)n.i; break;
    case EO_DT_I64: ((int64_t *)t->data)[o] = n.i; break;
    default: fail_msg("evaluator: dtype %s", eo_dtype_name(t->dtype));
    }
}

static void
eval_generic(env *e, eo_op *g)
{
    size_t nin = eo_tl_num_ins(g);
    assert_int_equal(eo_tl_num_outs(g), 1);
    size_t nops = nin + 1;
    const eo_attr *maps = eo_op_attr(g, "indexing_maps");
    const eo_attr *lb = eo_op_attr(g, "loop_bounds");
    size_t nloops = eo_attr_array_size(eo_op_attr(g, "iterator_types"));
    /* The result slot first: env_add may move the slots. */
    slot *res = env_add(e, eo_op_result(g, 0));
    const eo_tensor *ts[EO_TL_MAX_OPERANDS];
    num sc[EO_TL_MAX_OPERANDS];
    const eo_affine_map *am[EO_TL_MAX_OPERANDS];
    for (size_t i = 0; i < nops; i++) {
        slot *s = env_get(e, eo_op_operand(g, i));
        assert_non_null(s);
        ts[i] = s->scalar ? NULL : &s->t;
        sc[i].d = s->s;
        sc[i].i = s->si;
        am[i] = eo_attr_affine_map(eo_attr_array_at(maps, i));
    }
    /* The result starts as a copy of the out. */
    slot *outs = env_get(e, eo_op_operand(g, nin));
    assert_int_equal(eo_tensor_alloc(&res->t, outs->t.dtype, outs->t.rank,
                                     outs->t.shape), EO_OK);
    memcpy(res->t.data, outs->t.data, outs->t.nbytes);
    int64_t bound[EO_TL_MAX_LOOPS], idx[EO_TL_MAX_LOOPS];
    for (size_t d = 0; d < nloops; d++) {
        bound[d] = lb ? eo_attr_dense_array_int(lb, d) : 0;
        for (size_t i = 0; i < nops && !bound[d]; i++)
            for (size_t r = 0; ts[i] && r < eo_affine_map_num_results(am[i]);
                 r++) {
                const eo_affine_expr *x = eo_affine_map_result(am[i], r);
                if (eo_affine_expr_kind(x) == EO_AFFINE_DIM &&
                    eo_affine_expr_pos(x) == d)
                    bound[d] = ts[i]->shape[r];
            }
        assert_true(bound[d] > 0);
        idx[d] = 0;
    }
    eo_block *body = eo_region_first(eo_op_region(g, 0));
    e->ncached = 0;
    for (;;) {
        num args[EO_TL_MAX_OPERANDS];
        int64_t off[EO_TL_MAX_OPERANDS];
        for (size_t i = 0; i < nops; i++) {
            if (!ts[i]) {
                args[i] = sc[i];
                continue;
            }
            const eo_tensor *t = i == nin ? &res->t : ts[i];
            int64_t o = 0;
            for (size_t r = 0; r < t->rank; r++) {
                int64_t v;
                assert_true(eo_affine_expr_eval(
                    eo_affine_map_result(am[i], r), idx, NULL, &v));
                assert_true(v >= 0 && v < t->shape[r]);
                o = o * t->shape[r] + v;
            }
            off[i] = o;
            args[i] = get_elem(t, o);
        }
        set_elem(&res->t, off[nin], eval_body(e, body, args));
        size_t d = nloops;
        while (d-- > 0) {
            if (++idx[d] < bound[d])
                break;
            idx[d] = 0;
        }
        if (d == (size_t)-1)
            break;
    }
}

/* Runs 'func' (graph ops, tl.generic, arith constants, func.return). */
static void
eval_func(eo_op *func, size_t nin, const eo_tensor *in, size_t *nout,
          eo_tensor *out)
{
    env e = {0};
    eo_block *b = eo_region_first(eo_op_region(func, 0));
    for (size_t i = 0; i < nin; i++) {
        slot *s = env_add(&e, eo_block_arg(b, i));
        s->t = in[i];
        s->t.borrowed = true;
    }
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        const char *name = eo_op_name_str(op);
        if (!strcmp(name, "func.return")) {
            *nout = eo_op_num_operands(op);
            for (size_t i = 0; i < *nout; i++) {
                slot *s = env_get(&e, eo_op_operand(op, i));
                assert_non_null(s);
                assert_int_equal(eo_tensor_alloc(&out[i], s->t.dtype,
                                                 s->t.rank, s->t.shape),
                                 EO_OK);
                memcpy(out[i].data, s->t.data, s->t.nbytes);
            }
            break;
        }
        if (!strcmp(name, "tl.generic")) {
            eval_generic(&e, op);
        } else if (!strcmp(name, "arith.constant") &&
                   eo_type_is_shaped(eo_value_type(eo_op_result(op, 0)))) {
            eo_tensor t;
            assert_int_equal(eo_tensor_from_attr(eo_op_ctx(op), NULL,
                                                 eo_op_attr(op, "value"), &t),
                             EO_OK);
            slot *s = env_add(&e, eo_op_result(op, 0));
            assert_int_equal(eo_tensor_alloc(&s->t, t.dtype, t.rank,
                                             t.shape), EO_OK);
            memcpy(s->t.data, t.data, t.nbytes);
            eo_tensor_free(&t);
        } else if (!strcmp(name, "arith.constant")) {
            slot *s = env_add(&e, eo_op_result(op, 0));
            s->scalar = true;
            s->s = const_scalar(op);
            s->si = (int64_t)s->s;
        } else if (!strcmp(name, "builtin.unrealized_conversion_cast")) {
            slot *s = env_add(&e, eo_op_result(op, 0));
            slot *src = env_get(&e, eo_op_operand(op, 0));
            assert_non_null(src);
            assert_int_equal(eo_tensor_alloc(&s->t, src->t.dtype, src->t.rank,
                                             src->t.shape), EO_OK);
            memcpy(s->t.data, src->t.data, src->t.nbytes);
        } else {
            assert_true(eo_graph_op_kind(op) >= 0);
            eo_tensor ins[8], outs[8];
            size_t n = eo_op_num_operands(op);
            assert_true(n <= 8 && eo_op_num_results(op) <= 8);
            for (size_t i = 0; i < n; i++) {
                slot *s = env_get(&e, eo_op_operand(op, i));
                assert_non_null(s);
                ins[i] = s->t;
            }
            assert_int_equal(eo_interp_op(op, ins, outs), EO_OK);
            for (size_t i = 0; i < eo_op_num_results(op); i++)
                env_add(&e, eo_op_result(op, i))->t = outs[i];
        }
    }
    for (size_t i = 0; i < nin; i++)
        e.slots[i].t.data = NULL;
    env_free(&e);
}

/* ------------------------------------------------------------------ */
/* Differential check                                                  */
/* ------------------------------------------------------------------ */

static uint32_t rng_state = 12345;

static float
rnd(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return (float)((rng_state >> 8) & 0xffff) / 32768.0f - 1.0f;
}

typedef struct count_ud {
    int graph, named, generic;
} count_ud;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    count_ud *c = ud;
    int k = eo_graph_op_kind(op);
    if (k >= 0 && k != GRAPH_CONSTANT && k != GRAPH_PAD &&
        k != GRAPH_RESHAPE && k != GRAPH_TRANSPOSE)
        c->graph++;
    enum tl_op t = tl_op_kind(op);
    if (t == TL_GENERIC)
        c->generic++;
    else if (t != TL_NUM_OPS && t != TL_YIELD)
        c->named++;
    return EO_WALK_ADVANCE;
}

/* Lowers the first function of 'low' (with full=true if 'full'; 'left'
 * graph ops other than constants and data movement must stay),
 * generalizes, and compares the evaluation with the interpreter's run of
 * 'ref' on random inputs. Destroys both modules. */
static void
check_modules(fixture *f, eo_op *ref, eo_op *low, int left, bool full)
{
    eo_op *rf = first_func(ref);
    const char *pipe = !full ? "func.func(graph-to-tl),tl-generalize"
                            : "func.func(graph-to-tl{full=true}),"
                              "tl-generalize";
    if (run_pipeline(f, low, pipe) != EO_OK)
        fail_msg("pipeline failed: %s", f->last);
    assert_int_equal(eo_op_verify(low), EO_OK);
    count_ud c = {0};
    eo_op_walk(low, EO_WALK_PRE, count_cb, &c);
    assert_int_equal(c.graph, left);
    assert_int_equal(c.named, 0);
    assert_true(c.generic > 0);

    eo_block *b = eo_region_first(eo_op_region(rf, 0));
    size_t nin = eo_block_num_args(b);
    eo_tensor in[8], o1[8], o2[8];
    assert_true(nin <= 8);
    for (size_t i = 0; i < nin; i++) {
        assert_int_equal(eo_tensor_alloc_for_type(
                             &in[i], eo_value_type(eo_block_arg(b, i))),
                         EO_OK);
        for (int64_t j = 0; j < eo_tensor_numel(&in[i]); j++) {
            num v = {rnd(), 0};
            v.i = (int64_t)(v.d * (in[i].dtype == EO_DT_I8 ? 128 : 1000));
            set_elem(&in[i], j, v);
        }
    }
    size_t n1 = 8, n2 = 0;
    assert_int_equal(eo_interp_run(rf, nin, in, &n1, o1), EO_OK);
    eval_func(first_func(low), nin, in, &n2, o2);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        assert_int_equal(eo_tensor_numel(&o1[i]), eo_tensor_numel(&o2[i]));
        assert_int_equal(o1[i].dtype, o2[i].dtype);
        for (int64_t j = 0; j < eo_tensor_numel(&o1[i]); j++) {
            num a = get_elem(&o1[i], j), bb = get_elem(&o2[i], j);
            if (!(fabs(a.d - bb.d) <= 1e-5 * (1.0 + fabs(a.d))) ||
                a.i != bb.i)
                fail_msg("result %zu element %lld: interp %g/%lld, tl "
                         "%g/%lld", i, (long long)j, a.d, (long long)a.i,
                         bb.d, (long long)bb.i);
        }
        eo_tensor_free(&o1[i]);
        eo_tensor_free(&o2[i]);
    }
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
    eo_op_destroy(ref);
    eo_op_destroy(low);
}

/* check_modules on two parses of 'text'; full=true when 'left' is 0. */
static void
check_lowering(fixture *f, const char *text, int left)
{
    check_modules(f, parse(f, text), parse(f, text), left, left == 0);
}

/* Appends a nested literal of random values of 'shape' to buf[*len..). */
static void
nested_lit(char *buf, size_t size, size_t *len, size_t rank,
           const int64_t *shape)
{
    *len += (size_t)snprintf(buf + *len, size - *len, "[");
    for (int64_t i = 0; i < shape[0] && *len < size; i++) {
        if (i)
            *len += (size_t)snprintf(buf + *len, size - *len, ", ");
        if (rank > 1)
            nested_lit(buf, size, len, rank - 1, shape + 1);
        else
            *len += (size_t)snprintf(buf + *len, size - *len, "%.4f",
                                     (double)rnd());
    }
    if (*len < size)
        *len += (size_t)snprintf(buf + *len, size - *len, "]");
    assert_true(*len < size);
}

/* A dense literal of random values of a 4-D shape. */
static void
dense_lit(char *buf, size_t size, int64_t a, int64_t b, int64_t c,
          int64_t d)
{
    int64_t shape[4] = {a, b, c, d};
    size_t len = (size_t)snprintf(buf, size, "dense<");
    nested_lit(buf, size, &len, 4, shape);
    snprintf(buf + len, size - len, ">");
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_conv_nchw(void **state)
{
    check_lowering(*state,
        "func.func @f(%x: tensor<1x3x7x7xf32>, %w: tensor<4x3x3x3xf32>,"
        " %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {\n"
        "  %y = graph.conv2d %x, %w, %b {strides = array<i64: 2, 2>,"
        " pads = array<i64: 1, 1, 1, 1>, activation = \"relu\"}"
        " : (tensor<1x3x7x7xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>)"
        " -> tensor<1x4x4x4xf32>\n"
        "  return %y : tensor<1x4x4x4xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%x: tensor<2x2x6x5xf32>, %w: tensor<3x2x2x3xf32>)"
        " -> tensor<2x3x4x3xf32> {\n"
        "  %y = graph.conv2d %x, %w {dilations = array<i64: 2, 1>,"
        " activation = \"clip\", act_min = -0.5 : f32, act_max = 0.5 : f32}"
        " : (tensor<2x2x6x5xf32>, tensor<3x2x2x3xf32>)"
        " -> tensor<2x3x4x3xf32>\n"
        "  return %y : tensor<2x3x4x3xf32>\n}\n", 0);
}

static void
test_conv_nhwc(void **state)
{
    char w[4096], text[8192];
    dense_lit(w, sizeof w, 4, 3, 3, 2);
    snprintf(text, sizeof text,
        "func.func @f(%%x: tensor<1x6x6x2xf32>, %%b: tensor<4xf32>)"
        " -> tensor<1x3x3x4xf32> {\n"
        "  %%w = graph.constant %s : tensor<4x3x3x2xf32>\n"
        "  %%y = graph.conv2d %%x, %%w, %%b {layout = \"NHWC\","
        " strides = array<i64: 2, 2>, auto_pad = \"SAME_UPPER\","
        " activation = \"leaky_relu\"}"
        " : (tensor<1x6x6x2xf32>, tensor<4x3x3x2xf32>, tensor<4xf32>)"
        " -> tensor<1x3x3x4xf32>\n"
        "  return %%y : tensor<1x3x3x4xf32>\n}\n", w);
    check_lowering(*state, text, 0);
}

static void
test_depthwise(void **state)
{
    char w[4096], text[8192];
    dense_lit(w, sizeof w, 3, 1, 3, 3);
    snprintf(text, sizeof text,
        "func.func @f(%%x: tensor<1x3x6x6xf32>, %%b: tensor<3xf32>)"
        " -> tensor<1x3x6x6xf32> {\n"
        "  %%w = graph.constant %s : tensor<3x1x3x3xf32>\n"
        "  %%y = graph.conv2d %%x, %%w, %%b {groups = 3 : i64,"
        " pads = array<i64: 1, 1, 1, 1>, activation = \"relu6\"}"
        " : (tensor<1x3x6x6xf32>, tensor<3x1x3x3xf32>, tensor<3xf32>)"
        " -> tensor<1x3x6x6xf32>\n"
        "  return %%y : tensor<1x3x6x6xf32>\n}\n", w);
    check_lowering(*state, text, 0);
    /* A filter that is an argument: graph.reshape. */
    check_lowering(*state,
        "func.func @f(%x: tensor<1x2x5x5xf32>, %w: tensor<2x1x2x2xf32>)"
        " -> tensor<1x2x2x2xf32> {\n"
        "  %y = graph.conv2d %x, %w {groups = 2 : i64,"
        " strides = array<i64: 2, 2>}"
        " : (tensor<1x2x5x5xf32>, tensor<2x1x2x2xf32>)"
        " -> tensor<1x2x2x2xf32>\n"
        "  return %y : tensor<1x2x2x2xf32>\n}\n", 0);
    /* NHWC: OHWI [C, KH, KW, 1] -> HWC. */
    check_lowering(*state,
        "func.func @f(%x: tensor<1x5x5x3xf32>, %w: tensor<3x3x2x1xf32>)"
        " -> tensor<1x3x4x3xf32> {\n"
        "  %y = graph.conv2d %x, %w {groups = 3 : i64, layout = \"NHWC\"}"
        " : (tensor<1x5x5x3xf32>, tensor<3x3x2x1xf32>)"
        " -> tensor<1x3x4x3xf32>\n"
        "  return %y : tensor<1x3x4x3xf32>\n}\n", 0);
}

static void
test_matmul_gemm(void **state)
{
    check_lowering(*state,
        "func.func @f(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>)"
        " -> tensor<3x5xf32> {\n"
        "  %y = graph.matmul %a, %b {activation = \"tanh\"}"
        " : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>\n"
        "  return %y : tensor<3x5xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>,"
        " %c: tensor<5xf32>) -> tensor<3x5xf32> {\n"
        "  %y = graph.gemm %a, %b, %c {trans_a = true, trans_b = true,"
        " alpha = 1.5 : f32, beta = -2.0 : f32}"
        " : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>)"
        " -> tensor<3x5xf32>\n"
        "  return %y : tensor<3x5xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>,"
        " %c: tensor<2x1xf32>) -> tensor<2x4xf32> {\n"
        "  %y = graph.gemm %a, %b, %c {activation = \"sigmoid\"}"
        " : (tensor<2x3xf32>, tensor<3x4xf32>, tensor<2x1xf32>)"
        " -> tensor<2x4xf32>\n"
        "  return %y : tensor<2x4xf32>\n}\n", 0);
}

static void
test_elementwise(void **state)
{
    check_lowering(*state,
        "func.func @f(%a: tensor<2x3x4xf32>, %b: tensor<3x1xf32>,"
        " %c: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {\n"
        "  %0 = graph.add %a, %b {activation = \"relu\"}"
        " : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>\n"
        "  %1 = graph.mul %0, %c"
        " : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %2 = graph.sub %c, %1"
        " : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %3 = graph.max %2, %b"
        " : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>\n"
        "  %4 = graph.min %b, %3"
        " : (tensor<3x1xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %5 = graph.exp %4 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %6 = graph.div %a, %5"
        " : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %7 = graph.sqrt %5 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %8 = graph.log %7 : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  %9 = graph.add %6, %8"
        " : (tensor<2x3x4xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>\n"
        "  return %9 : tensor<2x3x4xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%a: tensor<4x5xf32>) -> tensor<4x5xf32> {\n"
        "  %0 = graph.neg %a : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %1 = graph.abs %0 : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %2 = graph.tanh %0 : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %3 = graph.sigmoid %2 : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %4 = graph.relu %0 : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %5 = graph.clip %a {min = -0.25 : f32, max = 0.5 : f32}"
        " : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %6 = graph.leaky_relu %a {alpha = 0.2 : f32}"
        " : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %7 = graph.hard_swish %a : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %8 = graph.hard_sigmoid %a : (tensor<4x5xf32>)"
        " -> tensor<4x5xf32>\n"
        "  %9 = graph.erf %a : (tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %10 = graph.add %1, %3"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %11 = graph.add %10, %4"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %12 = graph.add %11, %5"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %13 = graph.add %12, %6"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %14 = graph.add %13, %7"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %15 = graph.add %14, %8"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  %16 = graph.add %15, %9"
        " : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>\n"
        "  return %16 : tensor<4x5xf32>\n}\n", 0);
}

static void
test_pools(void **state)
{
    check_lowering(*state,
        "func.func @f(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {\n"
        "  %y = graph.max_pool %x {kernel = array<i64: 3, 3>,"
        " strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>}"
        " : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>\n"
        "  return %y : tensor<1x2x3x3xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%x: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {\n"
        "  %y = graph.avg_pool %x {kernel = array<i64: 2, 2>,"
        " strides = array<i64: 2, 2>}"
        " : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>\n"
        "  return %y : tensor<1x2x3x3xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%x: tensor<1x5x5x2xf32>) -> tensor<1x3x3x2xf32> {\n"
        "  %y = graph.avg_pool %x {kernel = array<i64: 3, 3>,"
        " strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>,"
        " count_include_pad = true, layout = \"NHWC\"}"
        " : (tensor<1x5x5x2xf32>) -> tensor<1x3x3x2xf32>\n"
        "  return %y : tensor<1x3x3x2xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%x: tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32> {\n"
        "  %0 = graph.global_avg_pool %x"
        " : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>\n"
        "  %1 = graph.global_max_pool %x"
        " : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>\n"
        "  %2 = graph.add %0, %1 : (tensor<2x3x1x1xf32>,"
        " tensor<2x3x1x1xf32>) -> tensor<2x3x1x1xf32>\n"
        "  return %2 : tensor<2x3x1x1xf32>\n}\n", 0);
}

static void
test_softmax(void **state)
{
    check_lowering(*state,
        "func.func @f(%x: tensor<2x3x5xf32>) -> tensor<2x3x5xf32> {\n"
        "  %0 = graph.softmax %x : (tensor<2x3x5xf32>) -> tensor<2x3x5xf32>\n"
        "  %1 = graph.softmax %0 {axis = 1 : i64}"
        " : (tensor<2x3x5xf32>) -> tensor<2x3x5xf32>\n"
        "  %2 = graph.log_softmax %1 {axis = 0 : i64}"
        " : (tensor<2x3x5xf32>) -> tensor<2x3x5xf32>\n"
        "  return %2 : tensor<2x3x5xf32>\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%x: tensor<7xf32>) -> tensor<7xf32> {\n"
        "  %0 = graph.softmax %x : (tensor<7xf32>) -> tensor<7xf32>\n"
        "  return %0 : tensor<7xf32>\n}\n", 0);
}

/* int8 convolutions: tl.conv2d with zero points into an i32 accumulator
 * that starts as the bias, then the output stage; bit-exact with the
 * interpreter. */
#define QX "!quant.uniform<i8:f32, 5.000000e-02:-3>"
#define QY "!quant.uniform<i8:f32, 1.000000e-01:2>"
#define QW "!quant.uniform<i8:f32:0, {2.000000e-02, 3.000000e-02, " \
    "1.000000e-02}>"

static void
test_quant_conv(void **state)
{
    check_lowering(*state,
        "func.func @f(%x: tensor<1x2x5x5x" QX ">, %b: tensor<3xi32>)"
        " -> tensor<1x3x3x3x" QY "> {\n"
        "  %w = graph.constant dense<[[[[1, 2, 3], [4, 5, 6], [7, 8, 9]],"
        " [[1, -2, 3], [4, -5, 6], [7, 8, -9]]], [[[1, 2, 3], [4, 5, 6],"
        " [7, 8, 9]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [[[-1, 2, 3],"
        " [4, 5, 6], [7, 8, 9]], [[1, 2, 3], [4, 5, 6], [7, 8, 9]]]]>"
        " : tensor<3x2x3x3xi8> as tensor<3x2x3x3x" QW ">\n"
        "  %y = graph.conv2d %x, %w, %b {pads = array<i64: 1, 1, 1, 1>,"
        " strides = array<i64: 2, 2>, activation = \"relu\"}"
        " : (tensor<1x2x5x5x" QX ">, tensor<3x2x3x3x" QW ">, tensor<3xi32>)"
        " -> tensor<1x3x3x3x" QY ">\n"
        "  return %y : tensor<1x3x3x3x" QY ">\n}\n", 0);
    /* Depthwise NHWC, per-tensor filter argument, relu6. */
    check_lowering(*state,
        "func.func @f(%x: tensor<1x4x4x3x" QX ">,"
        " %w: tensor<3x2x2x1x!quant.uniform<i8:f32, 2.000000e-02:1>>)"
        " -> tensor<1x3x3x3x" QY "> {\n"
        "  %y = graph.conv2d %x, %w {groups = 3 : i64, layout = \"NHWC\","
        " activation = \"relu6\"}"
        " : (tensor<1x4x4x3x" QX ">,"
        " tensor<3x2x2x1x!quant.uniform<i8:f32, 2.000000e-02:1>>)"
        " -> tensor<1x3x3x3x" QY ">\n"
        "  return %y : tensor<1x3x3x3x" QY ">\n}\n", 0);
}

/* int8 gemm / matmul: tl.matmul with zero points, then requantize. */
static void
test_quant_matmul(void **state)
{
    check_lowering(*state,
        "func.func @f(%a: tensor<2x6x" QX ">) -> tensor<2x3x" QY "> {\n"
        "  %b = graph.constant dense<[[1, -2, 3], [4, 5, -6], [7, 8, 9],"
        " [-10, 11, 12], [13, -14, 15], [16, 17, 18]]> : tensor<6x3xi8> as"
        " tensor<6x3x!quant.uniform<i8:f32:1, {2.000000e-02:0,"
        " 3.000000e-02:0, 1.000000e-02:0}>>\n"
        "  %c = graph.constant dense<[100, -200, 300]> : tensor<3xi32>\n"
        "  %y = graph.gemm %a, %b, %c {activation = \"relu\"}"
        " : (tensor<2x6x" QX ">, tensor<6x3x!quant.uniform<i8:f32:1,"
        " {2.000000e-02:0, 3.000000e-02:0, 1.000000e-02:0}>>,"
        " tensor<3xi32>) -> tensor<2x3x" QY ">\n"
        "  return %y : tensor<2x3x" QY ">\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%a: tensor<2x4x" QX ">) -> tensor<2x3x" QY "> {\n"
        "  %b = graph.constant dense<[[1, -2, 3, 4], [5, -6, 7, 8],"
        " [9, -10, 11, 12]]> : tensor<3x4xi8> as"
        " tensor<3x4x!quant.uniform<i8:f32:0, {2.000000e-02:0,"
        " 3.000000e-02:0, 1.000000e-02:0}>>\n"
        "  %y = graph.gemm %a, %b {trans_b = true}"
        " : (tensor<2x4x" QX ">, tensor<3x4x!quant.uniform<i8:f32:0,"
        " {2.000000e-02:0, 3.000000e-02:0, 1.000000e-02:0}>>)"
        " -> tensor<2x3x" QY ">\n"
        "  return %y : tensor<2x3x" QY ">\n}\n", 0);
    check_lowering(*state,
        "func.func @f(%a: tensor<3x4x" QX ">,"
        " %b: tensor<4x5x!quant.uniform<i8:f32, 2.000000e-02:4>>)"
        " -> tensor<3x5x" QY "> {\n"
        "  %y = graph.matmul %a, %b"
        " : (tensor<3x4x" QX ">,"
        " tensor<4x5x!quant.uniform<i8:f32, 2.000000e-02:4>>)"
        " -> tensor<3x5x" QY ">\n"
        "  return %y : tensor<3x5x" QY ">\n}\n", 0);
}

/* Ops without a lowering stay and still run (through the interpreter)
 * between the lowered ones. */
static void
test_partial(void **state)
{
    check_lowering(*state,
        "func.func @f(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>)"
        " -> tensor<2x1xf32> {\n"
        "  %0 = graph.matmul %a, %b"
        " : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>\n"
        "  %1 = graph.reduce_max %0 {axes = array<i64: 1>}"
        " : (tensor<2x4xf32>) -> tensor<2x1xf32>\n"
        "  %2 = graph.relu %1 : (tensor<2x1xf32>) -> tensor<2x1xf32>\n"
        "  return %2 : tensor<2x1xf32>\n}\n", 1);
}

static void
test_full_error(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: tensor<2x3xf32>) -> tensor<1x1xf32> {\n"
        "  %0 = graph.relu %a : (tensor<2x3xf32>) -> tensor<2x3xf32>\n"
        "  %1 = graph.reduce_mean %0 : (tensor<2x3xf32>) -> tensor<1x1xf32>\n"
        "  return %1 : tensor<1x1xf32>\n}\n");
    f->errors = 0;
    assert_int_equal(run_pipeline(f, m, "func.func(graph-to-tl{full=true})"),
                     EO_ERROR);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->last, "'graph.reduce_mean' op has no lowering"));
    eo_op_destroy(m);
}

/* Integer and quantized ops are left alone (f32 only for now). */
static void
test_non_f32_left(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%a: tensor<2x3xi32>) -> tensor<2x3xi32> {\n"
        "  %0 = graph.add %a, %a"
        " : (tensor<2x3xi32>, tensor<2x3xi32>) -> tensor<2x3xi32>\n"
        "  return %0 : tensor<2x3xi32>\n}\n");
    assert_int_equal(run_pipeline(f, m, "func.func(graph-to-tl)"), EO_OK);
    count_ud c = {0};
    eo_op_walk(m, EO_WALK_PRE, count_cb, &c);
    assert_int_equal(c.graph, 1);
    assert_int_equal(c.named + c.generic, 0);
    eo_op_destroy(m);
}

/* Imports model 'name' twice, runs graph-optimize on both and compares
 * the lowered copy with the interpreter; 'left' graph ops stay. */
static void
check_model(fixture *f, const char *name, int left)
{
    char path[512];
    snprintf(path, sizeof path,
             EO_TEST_SHARED_DIR "/models/mlperf-tiny/%s.onnx",
             name);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        skip();
    fclose(fp);
    eo_op *m[2];
    for (int i = 0; i < 2; i++) {
        m[i] = eo_onnx_import_file(f->ctx, path, NULL);
        assert_non_null(m[i]);
        assert_int_equal(run_pipeline(f, m[i], "graph-optimize"), EO_OK);
    }
    check_modules(f, m[0], m[1], left, false);
}

/* Real models (MLPerf Tiny KWS DS-CNN, after graph-optimize): f32, every
 * compute op lowers (the model's reshapes stay); int8 QDQ, the int8
 * convolutions and gemm lower bit-exactly, the quantized avg_pool and the
 * quantize / dequantize at the ends stay. */
static void
test_kws_model(void **state)
{
    check_model(*state, "kws_dscnn_f32", 0);
    check_model(*state, "kws_dscnn_int8_qdq", 0);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_conv_nchw, setup, teardown),
        cmocka_unit_test_setup_teardown(test_conv_nhwc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_depthwise, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matmul_gemm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_elementwise, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pools, setup, teardown),
        cmocka_unit_test_setup_teardown(test_softmax, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quant_conv, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quant_matmul, setup, teardown),
        cmocka_unit_test_setup_teardown(test_partial, setup, teardown),
        cmocka_unit_test_setup_teardown(test_full_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kws_model, setup, teardown),
        cmocka_unit_test_setup_teardown(test_non_f32_left, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

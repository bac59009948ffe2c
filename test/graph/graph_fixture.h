/* test/graph/graph_fixture.h - the fixture of the graph transform tests:
 * a context with every dialect and pass (graph passes included),
 * captured diagnostics, and a check that a pipeline keeps the reference
 * interpreter's results on random inputs. Include after cmocka.h. */
#ifndef EO_TEST_GRAPH_GRAPH_FIXTURE_H
#define EO_TEST_GRAPH_GRAPH_FIXTURE_H

#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/graph/transforms/transforms.h"
#include "dialects/quant/quant.h"
#include "rewrite/rewrite.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    eo_strbuf diags;
    eo_knob_store *ks;        /* of the last run_pipeline */
} fixture;

static inline void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    eo_diag_format(f->ctx, d, &f->diags);
}

static inline int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK ||
        eo_passes_register(f->ctx) != EO_OK ||
        eo_graph_register_passes(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    *state = f;
    return 0;
}

static inline int
teardown(void **state)
{
    fixture *f = *state;
    if (f->ks)
        eo_knob_store_destroy(f->ks);
    eo_ctx_destroy(f->ctx);
    eo_strbuf_free(&f->diags);
    free(f);
    return 0;
}

static inline eo_op *
parse(fixture *f, const char *src)
{
    eo_op *m = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    if (!m)
        fail_msg("parse failed: %s", f->diags.data);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("invalid input: %s", f->diags.data);
    return m;
}

/* The first func.func of module 'm'. */
static inline eo_op *
first_func(eo_op *m)
{
    for (eo_op *op = eo_block_first(eo_module_body(m)); op;
         op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), "func.func") == 0)
            return op;
    fail_msg("no function");
    return NULL;
}

/* Runs 'pipeline' on 'm' with the knob assignment 'knob' (may be NULL);
 * the result must verify. The knob store stays in f->ks. */
static inline void
run_pipeline(fixture *f, eo_op *m, const char *pipeline, const char *knob)
{
    if (f->ks)
        eo_knob_store_destroy(f->ks);
    f->ks = eo_knob_store_create(f->ctx);
    assert_non_null(f->ks);
    if (knob)
        assert_int_equal(eo_knob_store_assign(f->ks, knob), EO_OK);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    if (eo_pm_add_pipeline(pm, pipeline) != EO_OK)
        fail_msg("bad pipeline: %s", f->diags.data);
    if (eo_pm_run(pm, m, eo_knob_store_provider(f->ks)) != EO_OK)
        fail_msg("%s failed: %s", pipeline, f->diags.data);
    eo_pm_destroy(pm);
    if (eo_op_verify(m) != EO_OK)
        fail_msg("invalid IR after %s: %s", pipeline, f->diags.data);
}

/* The module printed (local scope) into a malloc'ed string. */
static inline char *
print_ir(eo_op *m)
{
    eo_print_flags fl;
    memset(&fl, 0, sizeof fl);
    fl.local_scope = true;
    eo_strbuf b = { 0 };
    eo_op_print_to(m, &fl, &b);
    assert_false(b.oom);
    return b.data;
}

/* Number of ops named 'name' in 'm'. */
typedef struct op_count {
    const char *name;
    size_t n;
} op_count;

static inline eo_walk_result
count_fn(eo_op *op, void *ud)
{
    op_count *c = ud;
    if (strcmp(eo_op_name_str(op), c->name) == 0)
        c->n++;
    return EO_WALK_ADVANCE;
}

static inline size_t
count_ops(eo_op *m, const char *name)
{
    op_count c = { name, 0 };
    (void)eo_op_walk(m, EO_WALK_PRE, count_fn, &c);
    return c.n;
}

static uint32_t rng_state __attribute__((unused)) = 12345u;

static inline uint32_t
rng(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

/* Random inputs for the arguments of 'func': f32 uniform in [-2, 2],
 * integers (quantized storage) over their range. */
static inline size_t
random_inputs(eo_op *func, eo_tensor *in, size_t cap)
{
    eo_block *b = eo_region_first(eo_op_region(func, 0));
    size_t n = eo_block_num_args(b);
    assert_true(n <= cap);
    for (size_t i = 0; i < n; i++) {
        const eo_type *t = eo_value_type(eo_block_arg(b, i));
        assert_int_equal(eo_tensor_alloc_for_type(&in[i], t), EO_OK);
        int64_t ne = eo_tensor_numel(&in[i]);
        for (int64_t j = 0; j < ne; j++) {
            uint32_t r = rng();
            switch (in[i].dtype) {
            case EO_DT_F32:
                ((float *)in[i].data)[j] =
                    (float)((double)(r % 40001) / 10000.0 - 2.0);
                break;
            case EO_DT_I8:
                ((int8_t *)in[i].data)[j] = (int8_t)(r % 256 - 128);
                break;
            case EO_DT_U8:
                ((uint8_t *)in[i].data)[j] = (uint8_t)(r % 256);
                break;
            default:
                fail_msg("unexpected input dtype %s",
                         eo_dtype_name(in[i].dtype));
            }
        }
    }
    return n;
}

/* Largest difference between two outputs (in units of the integer
 * storage for integer tensors). */
static inline double
max_diff(const eo_tensor *a, const eo_tensor *b)
{
    assert_int_equal(a->dtype, b->dtype);
    assert_int_equal(eo_tensor_numel(a), eo_tensor_numel(b));
    double d = 0;
    for (int64_t j = 0; j < eo_tensor_numel(a); j++) {
        double x, y;
        switch (a->dtype) {
        case EO_DT_F32:
            x = ((const float *)a->data)[j];
            y = ((const float *)b->data)[j];
            break;
        case EO_DT_I8:
            x = ((const int8_t *)a->data)[j];
            y = ((const int8_t *)b->data)[j];
            break;
        case EO_DT_U8:
            x = ((const uint8_t *)a->data)[j];
            y = ((const uint8_t *)b->data)[j];
            break;
        case EO_DT_I32:
            x = ((const int32_t *)a->data)[j];
            y = ((const int32_t *)b->data)[j];
            break;
        default:
            fail_msg("unexpected output dtype");
            return 0;
        }
        if (fabs(x - y) > d || x != x || y != y)
            d = x != x || y != y ? INFINITY : fabs(x - y);
    }
    return d;
}

/* Parses 'src', runs 'pipeline' (with 'knob') on a copy, checks that the
 * first function computes the same outputs within 'tol' on 'trials'
 * random inputs, and returns the transformed module (the caller destroys
 * it with eo_op_destroy). */
static inline eo_op *
check_pipeline(fixture *f, const char *src, const char *pipeline,
               const char *knob, double tol)
{
    eo_op *ref = parse(f, src);
    eo_op *m = eo_op_clone(ref, NULL);
    assert_non_null(m);
    run_pipeline(f, m, pipeline, knob);
    eo_op *fr = first_func(ref), *fm = first_func(m);
    for (int trial = 0; trial < 3; trial++) {
        eo_tensor in[8], o1[4], o2[4];
        memset(in, 0, sizeof in);
        memset(o1, 0, sizeof o1);
        memset(o2, 0, sizeof o2);
        size_t nin = random_inputs(fr, in, 8), n1 = 4, n2 = 4;
        if (eo_interp_run(fr, nin, in, &n1, o1) != EO_OK ||
            eo_interp_run(fm, nin, in, &n2, o2) != EO_OK)
            fail_msg("interpreter failed: %s", f->diags.data);
        assert_int_equal(n1, n2);
        for (size_t i = 0; i < n1; i++) {
            double d = max_diff(&o1[i], &o2[i]);
            if (d > tol)
                fail_msg("output %zu differs by %g (> %g) after %s", i, d,
                         tol, pipeline);
            eo_tensor_free(&o1[i]);
            eo_tensor_free(&o2[i]);
        }
        for (size_t i = 0; i < nin; i++)
            eo_tensor_free(&in[i]);
    }
    eo_op_destroy(ref);
    return m;
}

/* Fails unless 'hay' contains 'needle' (printing the IR). */
#define assert_has(hay, needle)                                         \
    do {                                                                \
        if (!strstr((hay), (needle)))                                   \
            fail_msg("missing '%s' in:\n%s", (needle), (hay));          \
    } while (0)
#define assert_lacks(hay, needle)                                       \
    do {                                                                \
        if (strstr((hay), (needle)))                                    \
            fail_msg("unexpected '%s' in:\n%s", (needle), (hay));       \
    } while (0)

#endif /* EO_TEST_GRAPH_GRAPH_FIXTURE_H */

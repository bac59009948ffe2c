/* test/rewrite/test_unroll_jam.c - the unroll-jam pass: nests of
 * tl-to-loops (tiled, interchanged, vectorized matmuls, convolutions and
 * depthwise convolutions, sizes that leave epilogues and partial tiles)
 * and a hand-written nest with a dynamic trip count) jammed by every
 * factor compute bit-identical results, checked with the reference
 * interpreter (the JIT for the dynamic bounds); the register block is
 * carried in iter_args; illegal nests ask no knob. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/codegen.h"
#include "dialects/dialects.h"
#include "dialects/graph/interp.h"
#include "dialects/tl/transforms/transforms.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fixture {
    eo_ctx *ctx;
    eo_strbuf diags;
} fixture;

static fixture *cur_fixture;   /* for the interpreter's diagnostics */

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    eo_diag_format(f->ctx, d, &f->diags);
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
        eo_tl_register_passes(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    cur_fixture = f;
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    eo_ctx_destroy(f->ctx);
    eo_strbuf_free(&f->diags);
    free(f);
    return 0;
}

#define PIPE "builtin.module(tl-to-loops,canonicalize,unroll-jam,canonicalize)"

/* Parses 'src' and runs 'pipe' with the assignments 'knobs' (NULL-
 * terminated, may be NULL); the result is verified. NULL when an
 * assignment is refused (a knob not asked, a value outside its domain):
 * a knob error is expected then, anything else fails. *asked gets the
 * number of unroll_jam knobs asked when non-NULL. */
static eo_op *
lower_try(fixture *f, const char *src, const char *pipe,
          const char *const *knobs, size_t *asked)
{
    f->diags.len = 0;
    if (f->diags.data)
        f->diags.data[0] = '\0';
    eo_op *m = eo_parse_source(f->ctx, "unroll_jam.mlir", src, strlen(src),
                               NULL);
    if (!m || eo_op_verify(m) != EO_OK)
        fail_msg("bad input: %s", f->diags.data);
    eo_knob_store *ks = eo_knob_store_create(f->ctx);
    assert_non_null(ks);
    for (size_t i = 0; knobs && knobs[i]; i++)
        if (eo_knob_store_assign(ks, knobs[i]) != EO_OK)
            fail_msg("bad knob %s: %s", knobs[i], f->diags.data);
    eo_pm_config cfg;
    eo_pm_config_init(&cfg);
    cfg.threading = false;
    eo_pass_manager *pm = eo_pm_create(f->ctx, "builtin.module", &cfg);
    assert_non_null(pm);
    assert_int_equal(eo_pm_add_pipeline(pm, pipe), EO_OK);
    bool ok = eo_pm_run(pm, m, eo_knob_store_provider(ks)) == EO_OK &&
              eo_knob_store_check(ks) == EO_OK;
    eo_pm_destroy(pm);
    if (!ok) {
        if (!f->diags.data || !strstr(f->diags.data, "knob"))
            fail_msg("lowering failed: %s", f->diags.data);
        eo_knob_store_destroy(ks);
        eo_op_destroy(m);
        return NULL;
    }
    if (eo_op_verify(m) != EO_OK)
        fail_msg("invalid IR: %s", f->diags.data);
    if (asked) {
        eo_strbuf sb = { 0 };
        eo_knob_store_space_json(ks, &sb);
        size_t n = 0;
        for (const char *q = sb.data;
             q && (q = strstr(q, "\"name\": \"unroll_jam.")); q++)
            n++;
        eo_strbuf_free(&sb);
        *asked = n;
    }
    eo_knob_store_destroy(ks);
    return m;
}

static eo_op *
lower(fixture *f, const char *src, const char *pipe,
      const char *const *knobs, size_t *asked)
{
    eo_op *m = lower_try(f, src, pipe, knobs, asked);
    if (!m)
        fail_msg("knobs refused: %s", f->diags.data);
    return m;
}

static eo_op *
first_func(eo_op *m)
{
    eo_block *b = eo_module_body(m);
    for (eo_op *op = b ? eo_block_first(b) : NULL; op; op = eo_op_next(op))
        if (strcmp(eo_op_name_str(op), "func.func") == 0)
            return op;
    fail_msg("no function");
    return NULL;
}

/* Runs the only function of 'm' on 'nin' deterministic f32 inputs of
 * the given shapes (index arguments: 'dyn'); the out-param (the last
 * memref) comes back in *out. */
static void
run(eo_op *m, size_t nin, const int64_t shapes[][4], const size_t *ranks,
    int64_t dyn, eo_tensor *out)
{
    eo_tensor in[4];
    memset(in, 0, sizeof in);
    for (size_t i = 0; i < nin; i++) {
        if (ranks[i] == 0) {
            assert_int_equal(eo_tensor_alloc(&in[i], EO_DT_I64, 0, NULL),
                             EO_OK);
            *(int64_t *)in[i].data = dyn;
            continue;
        }
        assert_int_equal(eo_tensor_alloc(&in[i], EO_DT_F32, ranks[i],
                                         shapes[i]), EO_OK);
        float *p = in[i].data;
        int64_t n = eo_tensor_numel(&in[i]);
        uint32_t s = 12345u + (uint32_t)i * 77u;
        for (int64_t k = 0; k < n; k++) {
            s = s * 1664525u + 1013904223u;
            p[k] = (float)((s >> 9) & 0xfff) / 1024.0f - 2.0f;
        }
    }
    size_t nout = 1;
    if (eo_interp_run(first_func(m), nin, in, &nout, out) != EO_OK)
        fail_msg("interpreter failed: %s", cur_fixture->diags.data);
    assert_int_equal(nout, 1);
    for (size_t i = 0; i < nin; i++)
        eo_tensor_free(&in[i]);
}

typedef struct kcase {
    const char *src;
    size_t nin;
    int64_t shapes[3][4];
    size_t ranks[3];
    const char *knobs[8];     /* the tl-to-loops knobs (all variants) */
    const char *jam[4];       /* unroll_jam knob names to vary */
} kcase;

static const char matmul_src[] =
    "func.func @mm(%a: memref<7x10xf32>, %b: memref<10x20xf32>, "
    "%c: memref<7x20xf32>) {\n"
    "  tl.matmul {name = \"mm\"} ins(%a, %b : memref<7x10xf32>, "
    "memref<10x20xf32>) outs(%c : memref<7x20xf32>)\n  return\n}\n";

static const char conv_src[] =
    "func.func @cv(%x: memref<1x7x8x3xf32>, %w: memref<3x3x3x8xf32>, "
    "%y: memref<1x5x6x8xf32>) {\n"
    "  tl.conv2d {name = \"cv\", layout = \"nhwc_hwcf\"} ins(%x, %w : "
    "memref<1x7x8x3xf32>, memref<3x3x3x8xf32>) outs(%y : "
    "memref<1x5x6x8xf32>)\n  return\n}\n";

static const char dw_src[] =
    "func.func @dw(%x: memref<1x9x9x8xf32>, %w: memref<3x3x8xf32>, "
    "%y: memref<1x4x4x8xf32>) {\n"
    "  tl.depthwise_conv2d {name = \"dw\", layout = \"nhwc_hwc\", strides = "
    "array<i64: 2, 2>} ins(%x, %w : memref<1x9x9x8xf32>, "
    "memref<3x3x8xf32>) outs(%y : memref<1x4x4x8xf32>)\n  return\n}\n";

static const kcase cases[] = {
    /* i, k, j with j vectorized in tiles of 8 (20 = 2 tiles + 4). */
    { matmul_src, 2, { { 7, 10 }, { 10, 20 } }, { 2, 2 },
      { "interchange.mm=d0,d2,d1", "vectorize.mm=4", "tile.mm.1=8", NULL },
      { "unroll_jam.scf.for_1", NULL } },
    /* k tiled (a partial tile of 10 by 4) over untiled rows. */
    { matmul_src, 2, { { 7, 10 }, { 10, 20 } }, { 2, 2 },
      { "interchange.mm=d0,d2,d1", "vectorize.mm=4", "tile.mm.2=4", NULL },
      { "unroll_jam.scf.for_1", NULL } },
    /* Plain loops i, j, k. */
    { matmul_src, 2, { { 7, 10 }, { 10, 20 } }, { 2, 2 }, { NULL },
      { "unroll_jam.scf.for_0", "unroll_jam.scf.for_1", NULL } },
    { conv_src, 2, { { 1, 7, 8, 3 }, { 3, 3, 3, 8 } }, { 4, 4 },
      { "interchange.cv=d0,d1,d2,d4,d5,d6,d3", "vectorize.cv=4", NULL },
      { "unroll_jam.scf.for_0", "unroll_jam.scf.for_1", NULL } },
    { dw_src, 2, { { 1, 9, 9, 8 }, { 3, 3, 8 } }, { 4, 3 },
      { "interchange.dw=d0,d1,d2,d4,d5,d3", "vectorize.dw=4", NULL },
      { "unroll_jam.scf.for_0", "unroll_jam.scf.for_1", NULL } },
};

/* Every factor (and contract value) of every jammable loop of each case
 * gives the default lowering's output bit for bit. */
static void
jammed_kernels_match_the_default_lowering(void **state)
{
    fixture *f = *state;
    static const int64_t factors[] = { 2, 4, 8 };
    size_t tried = 0;
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const kcase *kc = &cases[c];
        size_t asked = 0;
        eo_op *ref_m = lower(f, kc->src, PIPE, kc->knobs, &asked);
        assert_true(asked >= 1);
        eo_tensor ref;
        run(ref_m, kc->nin, kc->shapes, kc->ranks, 0, &ref);
        eo_op_destroy(ref_m);
        for (size_t j = 0; kc->jam[j]; j++)
            for (size_t fi = 0; fi < 3; fi++)
                for (int contract = 0; contract < 2; contract++) {
                    const char *knobs[16];
                    size_t n = 0;
                    for (; kc->knobs[n]; n++)
                        knobs[n] = kc->knobs[n];
                    char a[96], b[96];
                    snprintf(a, sizeof a, "%s.factor=%lld", kc->jam[j],
                             (long long)factors[fi]);
                    snprintf(b, sizeof b, "%s.contract=true", kc->jam[j]);
                    knobs[n++] = a;
                    if (contract)
                        knobs[n++] = b;
                    knobs[n] = NULL;
                    /* A factor above the loop's trip count is refused. */
                    eo_op *m = lower_try(f, kc->src, PIPE, knobs, NULL);
                    if (!m)
                        continue;
                    tried++;
                    eo_tensor out;
                    run(m, kc->nin, kc->shapes, kc->ranks, 0, &out);
                    assert_int_equal(out.nbytes, ref.nbytes);
                    if (memcmp(out.data, ref.data, ref.nbytes) != 0)
                        fail_msg("case %zu, %s%s: results differ", c, a,
                                 contract ? " contract" : "");
                    eo_tensor_free(&out);
                    eo_op_destroy(m);
                }
        eo_tensor_free(&ref);
    }
    assert_true(tried >= 30);
}

static eo_walk_result
count_vector_carries(eo_op *op, void *ud)
{
    size_t *n = ud;
    if (strcmp(eo_op_name_str(op), "scf.for") != 0)
        return EO_WALK_ADVANCE;
    for (size_t i = 0; i < eo_op_num_results(op); i++)
        if (eo_type_get_kind(eo_value_type(eo_op_result(op, i))) ==
            EO_TYPE_VECTOR)
            (*n)++;
    return EO_WALK_ADVANCE;
}

/* The matmul's register block (4 rows x one 4-lane vector, a tile of 4
 * of j) is carried through k in 4 vector iter_args. */
static void
register_block_is_carried_in_iter_args(void **state)
{
    fixture *f = *state;
    static const char *const knobs[] = {
        "interchange.mm=d0,d2,d1", "vectorize.mm=4", "tile.mm.1=4",
        "unroll_jam.scf.for_1.factor=4", NULL
    };
    eo_op *m = lower(f, matmul_src, PIPE, knobs, NULL);
    size_t n = 0;
    eo_op_walk(m, EO_WALK_PRE, count_vector_carries, &n);
    assert_int_equal(n, 4);
    eo_op_destroy(m);
    /* Without jamming nothing is carried. */
    static const char *const plain[] = {
        "interchange.mm=d0,d2,d1", "vectorize.mm=4", "tile.mm.1=4", NULL
    };
    m = lower(f, matmul_src, PIPE, plain, NULL);
    n = 0;
    eo_op_walk(m, EO_WALK_PRE, count_vector_carries, &n);
    assert_int_equal(n, 0);
    eo_op_destroy(m);
}

/* A dynamic trip count (rows 0..n): the main loop runs the groups of F,
 * the epilogue the rest, for every n and F. */
static const char dyn_src[] =
    "func.func @mv(%a: memref<16x5xf32>, %x: memref<5xf32>, %n: index, "
    "%y: memref<16xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c5 = arith.constant 5 : index\n"
    "  scf.for %i = %c0 to %n step %c1 {\n"
    "    %z = arith.constant 0.5 : f32\n"
    "    scf.for %k = %c0 to %c5 step %c1 {\n"
    "      %av = memref.load %a[%i, %k] : memref<16x5xf32>\n"
    "      %xv = memref.load %x[%k] : memref<5xf32>\n"
    "      %yv = memref.load %y[%i] : memref<16xf32>\n"
    "      %p = arith.mulf %av, %xv : f32\n"
    "      %q = arith.addf %p, %z : f32\n"
    "      %s = arith.addf %yv, %q : f32\n"
    "      memref.store %s, %y[%i] : memref<16xf32>\n"
    "    } {name = \"red\"}\n"
    "  } {name = \"rows\"}\n"
    "  return\n}\n";

/* Runs @mv of 'm' compiled by the JIT (the reference interpreter has
 * no arith.ceildivui, which the dynamic bounds use) for 'n' rows; *y
 * gets the output. */
static void
run_dyn(eo_op *m, int64_t n, float *y)
{
    static float a[16 * 5], x[5];
    for (size_t i = 0; i < 16 * 5; i++)
        a[i] = (float)((i * 37) % 23) / 8.0f - 1.0f;
    for (size_t i = 0; i < 5; i++)
        x[i] = (float)i / 3.0f - 0.5f;
    memset(y, 0, 16 * sizeof *y);
    eo_tensor in[4];
    memset(in, 0, sizeof in);
    int64_t sa[2] = { 16, 5 }, sx[1] = { 5 }, sy[1] = { 16 };
    in[0] = (eo_tensor){ .dtype = EO_DT_F32, .rank = 2, .data = a,
                         .nbytes = sizeof a, .borrowed = true };
    memcpy(in[0].shape, sa, sizeof sa);
    in[1] = (eo_tensor){ .dtype = EO_DT_F32, .rank = 1, .data = x,
                         .nbytes = sizeof x, .borrowed = true };
    memcpy(in[1].shape, sx, sizeof sx);
    in[2] = (eo_tensor){ .dtype = EO_DT_I64, .rank = 0, .data = &n,
                         .nbytes = sizeof n, .borrowed = true };
    in[3] = (eo_tensor){ .dtype = EO_DT_F32, .rank = 1, .data = y,
                         .nbytes = 16 * sizeof *y, .borrowed = true };
    memcpy(in[3].shape, sy, sizeof sy);
    eo_codegen_options co = { .opt_level = 0 };
    eo_jit *jit = eo_jit_create(m, &co);
    if (!jit)
        fail_msg("JIT failed: %s", cur_fixture->diags.data);
    size_t nout = 0;
    if (eo_jit_call(jit, "mv", 4, in, &nout, NULL) != EO_OK)
        fail_msg("call failed: %s", cur_fixture->diags.data);
    eo_jit_destroy(jit);
}

static void
dynamic_trip_counts_match(void **state)
{
    fixture *f = *state;
    static const char *const fk[] = {
        "unroll_jam.rows.factor=2", "unroll_jam.rows.factor=4",
        "unroll_jam.rows.factor=8"
    };
    static const int64_t ns[] = { 0, 1, 3, 8, 11, 16 };
    eo_op *ref_m = lower(f, dyn_src, "builtin.module(canonicalize)", NULL,
                         NULL);
    for (size_t k = 0; k < 3; k++) {
        const char *knobs[2] = { fk[k], NULL };
        eo_op *m = lower(f, dyn_src, "builtin.module(unroll-jam)", knobs,
                         NULL);
        for (size_t i = 0; i < sizeof ns / sizeof *ns; i++) {
            float a[16], b[16];
            run_dyn(ref_m, ns[i], a);
            run_dyn(m, ns[i], b);
            if (memcmp(a, b, sizeof a) != 0)
                fail_msg("%s, n = %lld: results differ", fk[k],
                         (long long)ns[i]);
        }
        eo_op_destroy(m);
    }
    eo_op_destroy(ref_m);
}

/* Nests whose outer loop carries a dependence, or that are not perfect,
 * or whose inner bounds vary with the outer loop, ask no knob. */
static void
illegal_nests_ask_nothing(void **state)
{
    fixture *f = *state;
    static const char *const srcs[] = {
        /* y[i] = y[i - 1]: carried. */
        "func.func @f(%y: memref<7xf32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c7 = arith.constant 7 : index\n"
        "  scf.for %i = %c1 to %c7 step %c1 {\n"
        "    %j = arith.subi %i, %c1 : index\n"
        "    scf.for %k = %c0 to %c7 step %c1 {\n"
        "      %v = memref.load %y[%j] : memref<7xf32>\n"
        "      memref.store %v, %y[%i] : memref<7xf32>\n"
        "    }\n  }\n  return\n}\n",
        /* The stored element does not depend on i: an outer reduction. */
        "func.func @f(%a: memref<6x6xf32>, %y: memref<6xf32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c6 = arith.constant 6 : index\n"
        "  scf.for %i = %c0 to %c6 step %c1 {\n"
        "    scf.for %k = %c0 to %c6 step %c1 {\n"
        "      %v = memref.load %a[%i, %k] : memref<6x6xf32>\n"
        "      %w = memref.load %y[%k] : memref<6xf32>\n"
        "      %s = arith.addf %v, %w : f32\n"
        "      memref.store %s, %y[%k] : memref<6xf32>\n"
        "    }\n  }\n  return\n}\n",
        /* Triangular: the inner bound is i. */
        "func.func @f(%y: memref<6x6xf32>, %v: f32) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c6 = arith.constant 6 : index\n"
        "  scf.for %i = %c0 to %c6 step %c1 {\n"
        "    scf.for %k = %c0 to %i step %c1 {\n"
        "      memref.store %v, %y[%i, %k] : memref<6x6xf32>\n"
        "    }\n  }\n  return\n}\n",
        /* A call in the nest: unknown effects. */
        "func.func private @g(index)\n"
        "func.func @f(%y: memref<6xf32>, %v: f32) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c6 = arith.constant 6 : index\n"
        "  scf.for %i = %c0 to %c6 step %c1 {\n"
        "    scf.for %k = %c0 to %c6 step %c1 {\n"
        "      func.call @g(%k) : (index) -> ()\n"
        "      memref.store %v, %y[%i] : memref<6xf32>\n"
        "    }\n  }\n  return\n}\n",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof *srcs; i++) {
        size_t asked = 99;
        eo_op *m = lower(f, srcs[i], "builtin.module(unroll-jam)", NULL,
                         &asked);
        if (asked != 0)
            fail_msg("nest %zu asked %zu knobs", i, asked);
        eo_op_destroy(m);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jammed_kernels_match_the_default_lowering),
        cmocka_unit_test(register_block_is_carried_in_iter_args),
        cmocka_unit_test(dynamic_trip_counts_match),
        cmocka_unit_test(illegal_nests_ask_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}

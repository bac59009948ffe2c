/* test/dialects/test_gpu.c - the gpu dialect (round trip, verifier,
 * builder), the parallelism analysis and gpu-map-loops (every block-size
 * knob value gives the same results as the sequential loops, checked by
 * simulating the launch on the host), and kernel outlining for NVPTX. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/translate_gpu.h"
#include "dialects/dialects.h"
#include "dialects/gpu/gpu.h"
#include "dialects/scf/scf.h"
#include "dialects/tl/transforms/gpu_map.h"
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
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK
        || eo_passes_register(f->ctx) != EO_OK
        || eo_tl_register_passes(f->ctx) != EO_OK)
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
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_OK);
    return m;
}

static char *
print(eo_op *m)
{
    eo_strbuf b = {0};
    eo_print_flags fl = {0};
    eo_op_print_to(m, &fl, &b);
    assert_false(b.oom);
    return b.data;
}

typedef struct count_ud {
    const char *name;
    size_t n;
} count_ud;

static eo_walk_result
count_cb(eo_op *op, void *ud)
{
    count_ud *u = ud;
    if (!strcmp(eo_op_name_str(op), u->name))
        u->n++;
    return EO_WALK_ADVANCE;
}

static size_t
count(eo_op *root, const char *name)
{
    count_ud u = {name, 0};
    eo_op_walk(root, EO_WALK_PRE, count_cb, &u);
    return u.n;
}

static eo_op *
find(eo_op *root, const char *name)
{
    eo_op *found = NULL;
    for (eo_block *b = eo_region_first(eo_op_region(root, 0)); b;
         b = eo_block_next(b))
        for (eo_op *op = eo_block_first(b); op && !found;
             op = eo_op_next(op)) {
            if (!strcmp(eo_op_name_str(op), name))
                found = op;
            else if (eo_op_num_regions(op))
                found = find(op, name);
        }
    return found;
}

/* ------------------------------------------------------------------ */

static const char launch_text[] =
    "func.func @f(%n: index) {\n"
    "  %c1 = arith.constant 1 : index\n"
    "  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)"
    " threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1)"
    " workgroup(%w : memref<4xf32, #gpu.address_space<workgroup>>) {\n"
    "    %t = gpu.thread_id x\n"
    "    %b = gpu.grid_dim z\n"
    "    gpu.barrier\n"
    "    gpu.terminator\n"
    "  }\n"
    "  return\n"
    "}\n";

static void
test_roundtrip(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, launch_text);
    char *s = print(m);
    assert_non_null(strstr(s, "gpu.launch blocks(%arg1, %arg2, %arg3) in "
                              "(%arg7 = %arg0, %arg8 = %c1, %arg9 = %c1) "
                              "threads(%arg4, %arg5, %arg6) in (%arg10 = "
                              "%c1, %arg11 = %c1, %arg12 = %c1) workgroup("
                              "%arg13 : memref<4xf32, #gpu.address_space<"
                              "workgroup>>) {"));
    assert_non_null(strstr(s, "%thread_id_x = gpu.thread_id  x\n"));
    assert_non_null(strstr(s, "%grid_dim_z = gpu.grid_dim  z\n"));
    assert_non_null(strstr(s, "gpu.barrier\n"));
    eo_op *again = parse(f, s);
    char *s2 = print(again);
    assert_string_equal(s, s2);
    eo_op *launch = find(m, "gpu.launch");
    assert_int_equal(gpu_op_kind(launch), GPU_LAUNCH);
    assert_int_equal(gpu_launch_num_workgroup(launch), 1);
    eo_block *body = gpu_launch_body(launch);
    assert_int_equal(eo_block_num_args(body), 13);
    assert_int_equal(gpu_memref_address_space(
                         eo_value_type(eo_block_arg(body, 12))),
                     GPU_AS_WORKGROUP);
    assert_int_equal(gpu_op_dimension(find(m, "gpu.grid_dim")), 2);
    free(s);
    free(s2);
    eo_op_destroy(again);
    eo_op_destroy(m);
}

static void
test_verify(void **state)
{
    fixture *f = *state;
    const char *text =
        "func.func @f() {\n"
        "  %0 = \"gpu.block_dim\"() <{dimension = "
        "#gpu.address_space<private>}> : () -> index\n"
        "  return\n"
        "}\n";
    eo_op *m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_non_null(strstr(f->last, "'gpu.block_dim' op attribute "
                                    "'dimension' failed to satisfy"));
    eo_op_destroy(m);
    text = "func.func @g() {\n  gpu.barrier\n  gpu.terminator\n}\n";
    m = eo_parse_source(f->ctx, "test", text, strlen(text), NULL);
    assert_non_null(m);
    assert_int_equal(eo_op_verify(m), EO_ERROR);
    assert_non_null(strstr(f->last, "expects parent op 'gpu.launch'"));
    eo_op_destroy(m);
}

static void
test_build(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, "func.func @f(%n: index) {\n  return\n}\n");
    eo_op *fn = find(m, "func.func");
    eo_block *entry = eo_region_first(eo_op_region(fn, 0));
    eo_value *n = eo_block_arg(entry, 0);
    eo_builder b;
    eo_builder_init(&b, f->ctx);
    eo_builder_set_before(&b, eo_block_last(entry));
    eo_value *g[3] = {n, n, n};
    eo_op *l = gpu_launch_build(&b, g, g);
    assert_non_null(l);
    assert_int_equal(eo_op_verify(m), EO_OK);
    assert_int_equal(eo_block_num_args(gpu_launch_body(l)), 12);
    assert_int_equal(gpu_op_kind(eo_block_last(gpu_launch_body(l))),
                     GPU_TERMINATOR);
    assert_int_equal(gpu_memref_address_space(eo_type_parse(
                         f->ctx, "memref<2xf32, 3>", 16)), 3);
    assert_int_equal(gpu_memref_address_space(eo_type_parse(
                         f->ctx, "memref<2xf32>", 13)), 0);
    eo_op_destroy(m);
}

/* ------------------------------------------------------------------ */
/* A small evaluator: loops, ifs, launches (every block and thread in   */
/* turn), index and f32 arithmetic, loads and stores on the function's  */
/* memref arguments (row-major, static shapes).                          */
/* ------------------------------------------------------------------ */

#define MAXV 512

typedef struct ev {
    eo_block *entry;
    double *bufs[4];
    const eo_value *keys[MAXV];
    double vals[MAXV];
    size_t n;
    size_t launches, threads;
} ev;

static void
setv(ev *e, const eo_value *v, double x)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->keys[i] == v) {
            e->vals[i] = x;
            return;
        }
    assert_true(e->n < MAXV);
    e->keys[e->n] = v;
    e->vals[e->n++] = x;
}

static double
getv(ev *e, const eo_value *v)
{
    for (size_t i = 0; i < e->n; i++)
        if (e->keys[i] == v)
            return e->vals[i];
    fail_msg("value without a value");
    return 0;
}

static double *
elem(ev *e, eo_op *op, size_t mem)
{
    eo_value *m = eo_op_operand(op, mem);
    assert_true(eo_value_is_block_arg(m) && eo_value_owner_block(m)
                == e->entry);
    const eo_type *t = eo_value_type(m);
    size_t off = 0;
    for (size_t d = 0; d < eo_type_rank(t); d++) {
        double i = getv(e, eo_op_operand(op, mem + 1 + d));
        assert_true(i >= 0 && i < (double)eo_type_dim(t, d));
        off = off * (size_t)eo_type_dim(t, d) + (size_t)i;
    }
    return &e->bufs[eo_value_index(m)][off];
}

static void run_block(ev *e, eo_block *b);

static void
run_launch(ev *e, eo_op *op)
{
    eo_block *body = gpu_launch_body(op);
    double g[3], s[3];
    for (int d = 0; d < 3; d++) {
        g[d] = getv(e, eo_op_operand(op, (size_t)d));
        s[d] = getv(e, eo_op_operand(op, 3 + (size_t)d));
    }
    e->launches++;
    for (double bz = 0; bz < g[2]; bz++)
        for (double by = 0; by < g[1]; by++)
            for (double bx = 0; bx < g[0]; bx++)
                for (double tz = 0; tz < s[2]; tz++)
                    for (double ty = 0; ty < s[1]; ty++)
                        for (double tx = 0; tx < s[0]; tx++) {
                            double a[12] = {bx, by, bz, tx, ty, tz,
                                            g[0], g[1], g[2],
                                            s[0], s[1], s[2]};
                            for (size_t i = 0; i < 12; i++)
                                setv(e, eo_block_arg(body, i), a[i]);
                            e->threads++;
                            run_block(e, body);
                        }
}

static void
run_block(ev *e, eo_block *b)
{
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op)) {
        const char *n = eo_op_name_str(op);
        double x, y;
        if (!strcmp(n, "scf.for")) {
            double lb = getv(e, eo_op_operand(op, 0));
            double ub = getv(e, eo_op_operand(op, 1));
            double st = getv(e, eo_op_operand(op, 2));
            eo_block *body = scf_for_body(op);
            for (double i = lb; i < ub; i += st) {
                setv(e, eo_block_arg(body, 0), i);
                run_block(e, body);
            }
            continue;
        }
        if (!strcmp(n, "scf.if")) {
            if (getv(e, eo_op_operand(op, 0)) != 0)
                run_block(e, eo_region_first(eo_op_region(op, 0)));
            else if (!eo_region_empty(eo_op_region(op, 1)))
                run_block(e, eo_region_first(eo_op_region(op, 1)));
            continue;
        }
        if (!strcmp(n, "gpu.launch")) {
            run_launch(e, op);
            continue;
        }
        if (!strcmp(n, "scf.yield") || !strcmp(n, "func.return")
            || !strcmp(n, "gpu.terminator"))
            return;
        if (!strcmp(n, "arith.constant")) {
            const eo_attr *a = eo_op_attr(op, "value");
            setv(e, eo_op_result(op, 0),
                 eo_attr_get_kind(a) == EO_ATTR_FLOAT
                     ? eo_attr_float_value(a)
                     : (double)eo_attr_int_value(a));
            continue;
        }
        if (!strcmp(n, "memref.load")) {
            setv(e, eo_op_result(op, 0), *elem(e, op, 0));
            continue;
        }
        if (!strcmp(n, "memref.store")) {
            *elem(e, op, 1) = getv(e, eo_op_operand(op, 0));
            continue;
        }
        assert_int_equal(eo_op_num_operands(op), 2);
        x = getv(e, eo_op_operand(op, 0));
        y = getv(e, eo_op_operand(op, 1));
        double r;
        if (!strcmp(n, "arith.addf"))
            r = (float)(x + y);
        else if (!strcmp(n, "arith.mulf"))
            r = (float)(x * y);
        else if (!strcmp(n, "arith.addi"))
            r = x + y;
        else if (!strcmp(n, "arith.subi"))
            r = x - y;
        else if (!strcmp(n, "arith.muli"))
            r = x * y;
        else if (!strcmp(n, "arith.divui"))
            r = floor(x / y);
        else if (!strcmp(n, "arith.remui"))
            r = fmod(x, y);
        else if (!strcmp(n, "arith.cmpi")) {
            int64_t p = eo_attr_int_value(eo_op_attr(op, "predicate"));
            assert_true(p == 6 || p == 2);
            r = x < y;
        } else {
            fail_msg("evaluator: unexpected op %s", n);
            return;
        }
        setv(e, eo_op_result(op, 0), r);
    }
}

/* Runs func @name of m on buffers (in place). */
static void
run_func(eo_op *m, const char *name, double **bufs, size_t nbufs,
         size_t *launches, size_t *threads)
{
    eo_op *fn = eo_symbol_lookup_in(m, name);
    assert_non_null(fn);
    static ev e;
    memset(&e, 0, sizeof e);
    e.entry = eo_region_first(eo_op_region(fn, 0));
    for (size_t i = 0; i < nbufs; i++)
        e.bufs[i] = bufs[i];
    run_block(&e, e.entry);
    if (launches)
        *launches = e.launches;
    if (threads)
        *threads = e.threads;
}

static const char kernels_text[] =
    "func.func @add(%a: memref<3x50xf32>, %b: memref<3x50xf32>, "
    "%c: memref<3x50xf32>) {\n"
    "  tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, "
    "affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],"
    " iterator_types = [\"parallel\", \"parallel\"]} ins(%a, %b : "
    "memref<3x50xf32>, memref<3x50xf32>) outs(%c : memref<3x50xf32>) {\n"
    "  ^bb0(%x: f32, %y: f32, %o: f32):\n"
    "    %s = arith.addf %x, %y : f32\n"
    "    tl.yield %s : f32\n"
    "  }\n"
    "  return\n"
    "}\n"
    "func.func @matmul(%a: memref<5x7xf32>, %b: memref<7x3xf32>, "
    "%c: memref<5x3xf32>) {\n"
    "  tl.matmul ins(%a, %b : memref<5x7xf32>, memref<7x3xf32>) "
    "outs(%c : memref<5x3xf32>)\n"
    "  return\n"
    "}\n";

typedef struct fixed_knob {
    int64_t value;
    size_t asked;
} fixed_knob;

static int64_t
ask_fixed(void *ud, const char *name, const eo_knob_domain *dom,
          int64_t def, const eo_op *site, const char *asker)
{
    fixed_knob *k = ud;
    (void)def;
    (void)site;
    assert_int_equal(strncmp(name, "gpu.block.", 10), 0);
    assert_string_equal(asker, "gpu-map-loops");
    assert_int_equal(dom->kind, EO_KNOB_SET);
    k->asked++;
    return k->value;
}

static void
fill(double *v, size_t n, double seed)
{
    for (size_t i = 0; i < n; i++)
        v[i] = (float)(seed + 0.25 * (double)(i % 13)
                       - 0.125 * (double)(i % 5));
}

/* Every knob value: same results as the sequential loops, each iteration
 * once (the matmul accumulates into c, so a repeated iteration shows),
 * a block of the knob's size and a grid that covers the space. */
static void
test_map_every_block_size(void **state)
{
    fixture *f = *state;
    eo_op *ref = parse(f, kernels_text);
    assert_int_equal(eo_tl_lower_to_loops(ref, NULL), EO_OK);
    double a[150], b[150], cref[150], mA[35], mB[21], mref[15];
    fill(a, 150, 1);
    fill(b, 150, -2);
    fill(mA, 35, 0.5);
    fill(mB, 21, -0.75);
    memset(cref, 0, sizeof cref);
    memset(mref, 0, sizeof mref);
    run_func(ref, "add", (double *[]){a, b, cref}, 3, NULL, NULL);
    run_func(ref, "matmul", (double *[]){mA, mB, mref}, 3, NULL, NULL);
    const eo_knob_domain *dom = eo_gpu_block_domain();
    assert_int_equal(dom->count, 4);
    for (size_t k = 0; k < dom->count; k++) {
        int64_t bs = dom->values[k];
        eo_op *m = parse(f, kernels_text);
        assert_int_equal(eo_tl_lower_to_loops(m, NULL), EO_OK);
        fixed_knob fk = {bs, 0};
        eo_knob_provider kp = {ask_fixed, &fk};
        size_t mapped = 0;
        assert_int_equal(eo_gpu_map_loops(m, &kp, &mapped), EO_OK);
        assert_int_equal(mapped, 2);
        assert_int_equal(fk.asked, 2);
        assert_int_equal(eo_op_verify(m), EO_OK);
        assert_int_equal(count(m, "gpu.launch"), 2);
        eo_op *l = find(m, "gpu.launch");
        eo_op *bdef = eo_value_def_op(eo_op_operand(l, 3));
        assert_int_equal(eo_attr_int_value(eo_op_attr(bdef, "value")), bs);
        double c[150], mc[15];
        memset(c, 0, sizeof c);
        memset(mc, 0, sizeof mc);
        size_t launches = 0, threads = 0;
        run_func(m, "add", (double *[]){a, b, c}, 3, &launches, &threads);
        assert_int_equal(launches, 1);
        assert_true(threads >= 150 && threads < 150 + (size_t)bs);
        assert_memory_equal(c, cref, sizeof c);
        run_func(m, "matmul", (double *[]){mA, mB, mc}, 3, &launches,
                 &threads);
        assert_true(threads >= 15 && threads < 15 + (size_t)bs);
        assert_memory_equal(mc, mref, sizeof mc);
        /* The reduction loop stays sequential inside the kernel. */
        assert_int_equal(count(m, "scf.for"), 1);
        eo_op_destroy(m);
    }
    eo_op_destroy(ref);
}

static void
test_parallel_analysis(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f,
        "func.func @f(%c: memref<16x4xf32>) {\n"
        "  %c0 = arith.constant 0 : index\n"
        "  %c1 = arith.constant 1 : index\n"
        "  %c4 = arith.constant 4 : index\n"
        "  %c16 = arith.constant 16 : index\n"
        "  scf.for %i = %c0 to %c16 step %c1 {\n"
        "    scf.for %j = %c1 to %c4 step %c1 {\n"
        "      %k = arith.subi %j, %c1 : index\n"
        "      %x = memref.load %c[%i, %k] : memref<16x4xf32>\n"
        "      memref.store %x, %c[%i, %j] : memref<16x4xf32>\n"
        "    }\n"
        "  }\n"
        "  return\n"
        "}\n");
    eo_op *outer = find(m, "scf.for");
    eo_op *inner = eo_block_first(scf_for_body(outer));
    assert_true(eo_gpu_loop_is_parallel(outer));    /* rows independent */
    assert_false(eo_gpu_loop_is_parallel(inner));   /* c[i][j-1] -> c[i][j] */
    size_t mapped = 0;
    assert_int_equal(eo_gpu_map_loops(m, NULL, &mapped), EO_OK);
    assert_int_equal(mapped, 1);
    assert_int_equal(eo_op_verify(m), EO_OK);
    /* The sequential inner loop now runs inside the kernel. */
    eo_op *l = find(m, "gpu.launch");
    assert_non_null(l);
    assert_int_equal(count(l, "scf.for"), 1);
    eo_op_destroy(m);
}

static void
test_outline(void **state)
{
    fixture *f = *state;
    eo_op *m = parse(f, kernels_text);
    assert_int_equal(eo_tl_lower_to_loops(m, NULL), EO_OK);
    assert_int_equal(eo_gpu_map_loops(m, NULL, NULL), EO_OK);
    size_t n = 0;
    eo_op *k = eo_gpu_outline_kernels(m, &n);
    assert_non_null(k);
    assert_int_equal(n, 2);
    assert_int_equal(eo_op_verify(k), EO_OK);
    assert_non_null(eo_symbol_lookup_in(k, "add_kernel0"));
    assert_non_null(eo_symbol_lookup_in(k, "matmul_kernel1"));
    assert_non_null(eo_symbol_lookup_in(k, "llvm.nvvm.read.ptx.sreg.tid.x"));
    assert_int_equal(count(k, "gpu.launch"), 0);
    assert_int_equal(count(k, "gpu.thread_id"), 0);
    /* The input is unchanged. */
    assert_int_equal(count(m, "gpu.launch"), 2);
    eo_op_destroy(k);
    /* Without a launch: a diagnostic, no module. */
    eo_op *plain = parse(f, "func.func @f() {\n  return\n}\n");
    assert_null(eo_gpu_outline_kernels(plain, NULL));
    assert_non_null(strstr(f->last, "has no gpu.launch"));
    eo_op_destroy(plain);
    eo_op_destroy(m);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
        cmocka_unit_test_setup_teardown(test_build, setup, teardown),
        cmocka_unit_test_setup_teardown(test_map_every_block_size, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_parallel_analysis, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_outline, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

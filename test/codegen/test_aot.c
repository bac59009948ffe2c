/* test/codegen/test_aot.c - eo_aot_emit_c_lib: inputs and outputs told
 * apart, allocs planned into the workspace (sizes, reuse), the header,
 * the object file, the module left unchanged, and diagnostics. (Running
 * the libraries: lit/codegen/aot-c-lib-*.test.) */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "codegen/aot.h"
#include "dialects/dialects.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error */
    int errors;
    eo_op *module;
    char dir[64];
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR || f->errors++ != 0)
        return;
    snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx || eo_register_all_dialects(f->ctx) != EO_OK)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *tmp = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/eo-test-aot_XXXXXX",
             tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(f->dir))
        return -1;
    *state = f;
    return 0;
}

static void
remove_file(fixture *f, const char *name)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", f->dir, name);
    unlink(p);
}

static int
teardown(void **state)
{
    fixture *f = *state;
    if (f->module)
        eo_op_destroy(f->module);
    remove_file(f, "m.h");
    remove_file(f, "m.o");
    rmdir(f->dir);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static void
parse(fixture *f, const char *src)
{
    f->module = eo_parse_source(f->ctx, "test.mlir", src, strlen(src), NULL);
    assert_non_null(f->module);
    assert_int_equal(eo_op_verify(f->module), EO_OK);
}

/* The whole text of f->dir/name (the caller frees), or NULL. */
static char *
slurp(fixture *f, const char *name, size_t *len)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", f->dir, name);
    FILE *fp = fopen(p, "rb");
    if (!fp)
        return NULL;
    char *buf = malloc(1 << 20);
    size_t n = buf ? fread(buf, 1, (1 << 20) - 1, fp) : 0;
    fclose(fp);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* Whether needle[0, k) occurs in hay[0, n) (memmem is a GNU extension). */
static bool
contains(const char *hay, size_t n, const char *needle, size_t k)
{
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return true;
    return false;
}

static eo_walk_result
count_allocs(eo_op *op, void *ud)
{
    if (strcmp(eo_op_name_str(op), "memref.alloc") == 0)
        ++*(int *)ud;
    return EO_WALK_ADVANCE;
}

/* Three buffers: a (16 B) and c (16 B) never live together, b (64 B)
 * overlaps both: the workspace is 80 bytes, not 96. */
static const char *const chain_src =
    "memref.global \"private\" constant @w : memref<4xf32> = "
    "dense<[1.0, 2.0, 3.0, 4.0]>\n"
    "func.func @m(%in: memref<4xf32>, %out: memref<2x2xf32>) {\n"
    "  %c0 = arith.constant 0 : index\n"
    "  %c1 = arith.constant 1 : index\n"
    "  %c4 = arith.constant 4 : index\n"
    "  %w = memref.get_global @w : memref<4xf32>\n"
    "  %a = memref.alloc() : memref<4xf32>\n"
    "  scf.for %i = %c0 to %c4 step %c1 {\n"
    "    %v = memref.load %in[%i] : memref<4xf32>\n"
    "    %k = memref.load %w[%i] : memref<4xf32>\n"
    "    %x = arith.mulf %v, %k : f32\n"
    "    memref.store %x, %a[%i] : memref<4xf32>\n"
    "  }\n"
    "  %b = memref.alloc() : memref<16xf32>\n"
    "  scf.for %i = %c0 to %c4 step %c1 {\n"
    "    %v = memref.load %a[%i] : memref<4xf32>\n"
    "    memref.store %v, %b[%i] : memref<16xf32>\n"
    "  }\n"
    "  memref.dealloc %a : memref<4xf32>\n"
    "  %c = memref.alloc() : memref<4xf32>\n"
    "  scf.for %i = %c0 to %c4 step %c1 {\n"
    "    %v = memref.load %b[%i] : memref<16xf32>\n"
    "    memref.store %v, %c[%i] : memref<4xf32>\n"
    "  }\n"
    "  memref.dealloc %b : memref<16xf32>\n"
    "  %o = memref.collapse_shape %out [[0, 1]] : memref<2x2xf32> into "
    "memref<4xf32>\n"
    "  memref.copy %c, %o : memref<4xf32> to memref<4xf32>\n"
    "  memref.dealloc %c : memref<4xf32>\n"
    "  return\n"
    "}\n";

static void
test_plan_and_header(void **state)
{
    fixture *f = *state;
    parse(f, chain_src);
    eo_aot_summary s;
    assert_int_equal(eo_aot_emit_c_lib(f->module, NULL, f->dir, "m", &s),
                     EO_OK);
    assert_int_equal(f->errors, 0);
    assert_int_equal(s.num_inputs, 1);
    assert_int_equal(s.num_outputs, 1);
    assert_int_equal(s.num_buffers, 3);
    assert_int_equal(s.workspace_naive, 96);
    assert_int_equal(s.workspace_size, 80);
    assert_int_equal(s.weights_bytes, 16);
    size_t n;
    char *h = slurp(f, "m.h", &n);
    assert_non_null(h);
    assert_non_null(strstr(h, "#define M_WORKSPACE_SIZE 80u\n"));
    assert_non_null(strstr(h, "#define M_NUM_INPUTS 1\n"));
    assert_non_null(strstr(h, "#define M_OUTPUT0_SHAPE {2, 2}\n"));
    assert_non_null(strstr(h, "#define M_OUTPUT0_TYPE float\n"));
    assert_non_null(strstr(h, "#define M_INPUT0_BYTES 16u\n"));
    assert_non_null(strstr(h, "int m_run(const void *const *inputs, "
                              "void *const *outputs,\n    void *workspace);"));
    free(h);
    char *o = slurp(f, "m.o", &n);
    assert_non_null(o);
    assert_true(n > 64 && memcmp(o, "\177ELF", 4) == 0);
    /* The symbol is there; no heap function is referenced. */
    assert_true(contains(o, n, "m_run", 6));
    assert_false(contains(o, n, "malloc", 6));
    assert_false(contains(o, n, "free", 5));
    free(o);
    /* The caller's module is untouched. */
    int allocs = 0;
    eo_op_walk(f->module, EO_WALK_PRE, count_allocs, &allocs);
    assert_int_equal(allocs, 3);
}

static void
test_cross_target(void **state)
{
    fixture *f = *state;
    parse(f, chain_src);
    eo_codegen_options o = { .triple = "thumbv8.1m.main-none-eabi",
                             .cpu = "cortex-m55", .features = "+mve.fp",
                             .opt_level = 1 };
    assert_int_equal(eo_aot_emit_c_lib(f->module, &o, f->dir, "m", NULL),
                     EO_OK);
    size_t n;
    char *obj = slurp(f, "m.o", &n);
    assert_non_null(obj);
    /* ELF32, little endian, EM_ARM (40). */
    assert_true(n > 64 && obj[4] == 1 && obj[5] == 1 && obj[18] == 40);
    free(obj);
    char *h = slurp(f, "m.h", &n);
    assert_non_null(h);
    assert_non_null(strstr(h, "thumbv8.1m.main-none-eabi, cpu cortex-m55"));
    free(h);
}

static void
test_errors(void **state)
{
    fixture *f = *state;
    parse(f, chain_src);
    assert_int_equal(eo_aot_emit_c_lib(f->module, NULL, f->dir, "1m", NULL),
                     EO_ERROR);
    assert_non_null(strstr(f->msg, "not a C identifier"));
    f->errors = 0;
    char missing[96];
    snprintf(missing, sizeof missing, "%s/no/such/dir", f->dir);
    assert_int_equal(eo_aot_emit_c_lib(f->module, NULL, missing, "m", NULL),
                     EO_ERROR);
    assert_true(f->errors > 0);
    f->errors = 0;
    /* A buffer that escapes a loop body cannot be placed. */
    eo_op_destroy(f->module);
    f->module = NULL;
    parse(f,
          "func.func @m(%in: memref<4xf32>, %out: memref<4xf32>) {\n"
          "  %c0 = arith.constant 0 : index\n"
          "  %c1 = arith.constant 1 : index\n"
          "  %r = scf.for %i = %c0 to %c1 step %c1 iter_args(%x = %in) "
          "-> (memref<4xf32>) {\n"
          "    %a = memref.alloc() : memref<4xf32>\n"
          "    scf.yield %a : memref<4xf32>\n"
          "  }\n"
          "  memref.copy %r, %out : memref<4xf32> to memref<4xf32>\n"
          "  return\n"
          "}\n");
    assert_int_equal(eo_aot_emit_c_lib(f->module, NULL, f->dir, "m", NULL),
                     EO_ERROR);
    assert_non_null(strstr(f->msg, "the buffer escapes its block"));
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plan_and_header, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_cross_target, setup, teardown),
        cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* test/dialects/test_npy.c - .npy reading and writing: files written by
 * numpy (embedded below) load with the right dtype, shape and values,
 * every dtype round-trips through save and load, saved headers match
 * numpy's byte for byte, and corrupt or unsupported files give an error
 * naming the file, never a crash.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "dialects/graph/interp.h"
#include "ir/ir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* np.save(f, np.array([[1.5, -2, 3], [4, 5, 6.25]], dtype='<f4')) */
static const unsigned char npy_f32_2x3[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x32, 0x2c, 0x20, 0x33, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0xc0, 0x3f,
    0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0x80, 0x40,
    0x00, 0x00, 0xa0, 0x40, 0x00, 0x00, 0xc8, 0x40,
};
/* numpy.lib.format.write_array(f, np.array([-1, 2, 1 << 40]), (2, 0)) */
static const unsigned char npy_i64_v2[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x02, 0x00, 0x74, 0x00, 0x00, 0x00,
    0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c,
    0x69, 0x38, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61,
    0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61,
    0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27,
    0x3a, 0x20, 0x28, 0x33, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0xff, 0xff, 0xff, 0xff,
    0xff, 0xff, 0xff, 0xff, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00,
};
/* write_array(f, np.array([[True, False], [False, True]]), (3, 0)) */
static const unsigned char npy_bool_v3[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x03, 0x00, 0x74, 0x00, 0x00, 0x00,
    0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x7c,
    0x62, 0x31, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61,
    0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61,
    0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27,
    0x3a, 0x20, 0x28, 0x32, 0x2c, 0x20, 0x32, 0x29, 0x2c, 0x20, 0x7d, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x01, 0x00, 0x00, 0x01,
};
/* np.save(f, np.array(200, dtype='u1')) (rank 0) */
static const unsigned char npy_u8_scalar[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x7c, 0x75, 0x31,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0xc8,
};
/* np.save(f, np.array([1.0, -2.0], dtype='<f2')) */
static const unsigned char npy_f16[] = {
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x32,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x32, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x3c, 0x00, 0xc0,
};

typedef struct fixture {
    eo_ctx *ctx;
    char msg[1024];         /* first error message seen */
    int errors;
    char path[256];         /* a scratch file unique to this process */
} fixture;

static void
capture(const eo_diag *d, void *ud)
{
    fixture *f = ud;
    if (d->severity != EO_SEV_ERROR)
        return;
    if (f->errors++ == 0)
        snprintf(f->msg, sizeof f->msg, "%s", d->message);
}

static int
setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->ctx = eo_ctx_create(NULL);
    if (!f->ctx)
        return -1;
    eo_ctx_set_diag_handler(f->ctx, capture, f);
    const char *dir = getenv("TMPDIR");
    snprintf(f->path, sizeof f->path, "%s/eo_test_npy_%ld.npy",
             dir && *dir ? dir : "/tmp", (long)getpid());
    *state = f;
    return 0;
}

static int
teardown(void **state)
{
    fixture *f = *state;
    remove(f->path);
    eo_ctx_destroy(f->ctx);
    free(f);
    return 0;
}

static void
write_bytes(fixture *f, const void *data, size_t n)
{
    FILE *fp = fopen(f->path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, n, fp), n);
    assert_int_equal(fclose(fp), 0);
}

/* A version 1.0 file with header dictionary 'dict' and 'n' data bytes. */
static void
write_npy(fixture *f, const char *dict, const void *data, size_t n)
{
    unsigned char buf[1024];
    size_t dlen = strlen(dict);
    assert_true(10 + dlen + n <= sizeof buf);
    memcpy(buf, "\x93NUMPY\x01\x00", 8);
    buf[8] = (unsigned char)dlen;
    buf[9] = 0;
    memcpy(buf + 10, dict, dlen);
    if (n)
        memcpy(buf + 10 + dlen, data, n);
    write_bytes(f, buf, 10 + dlen + n);
}

/* Loading must fail with an error naming the file and containing 'what'. */
static void
expect_load_error(fixture *f, const char *what)
{
    eo_tensor t;
    f->errors = 0;
    f->msg[0] = 0;
    assert_int_not_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_null(t.data);
    assert_true(f->errors >= 1);
    if (!strstr(f->msg, f->path) || !strstr(f->msg, what))
        fail_msg("message '%s' lacks '%s' or the path", f->msg, what);
}

static void
loads_files_written_by_numpy(void **state)
{
    fixture *f = *state;
    eo_tensor t;

    write_bytes(f, npy_f32_2x3, sizeof npy_f32_2x3);
    assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_F32);
    assert_int_equal(t.rank, 2);
    assert_int_equal(t.shape[0], 2);
    assert_int_equal(t.shape[1], 3);
    assert_int_equal(t.nbytes, 24);
    const float want[] = { 1.5f, -2, 3, 4, 5, 6.25f };
    assert_memory_equal(t.data, want, sizeof want);
    eo_tensor_free(&t);

    write_bytes(f, npy_i64_v2, sizeof npy_i64_v2);
    assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_I64);
    assert_int_equal(t.rank, 1);
    assert_int_equal(t.shape[0], 3);
    const int64_t wi[] = { -1, 2, INT64_C(1) << 40 };
    assert_memory_equal(t.data, wi, sizeof wi);
    eo_tensor_free(&t);

    write_bytes(f, npy_bool_v3, sizeof npy_bool_v3);
    assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_BOOL);
    assert_int_equal(t.rank, 2);
    const unsigned char wb[] = { 1, 0, 0, 1 };
    assert_memory_equal(t.data, wb, sizeof wb);
    eo_tensor_free(&t);

    write_bytes(f, npy_u8_scalar, sizeof npy_u8_scalar);
    assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_U8);
    assert_int_equal(t.rank, 0);
    assert_int_equal(eo_tensor_numel(&t), 1);
    assert_int_equal(((unsigned char *)t.data)[0], 200);
    eo_tensor_free(&t);

    write_bytes(f, npy_f16, sizeof npy_f16);
    assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_F16);
    const uint16_t wh[] = { 0x3c00, 0xc000 };
    assert_memory_equal(t.data, wh, sizeof wh);
    eo_tensor_free(&t);
    assert_int_equal(f->errors, 0);
}

/* Saving what numpy saved gives numpy's bytes, header padding included. */
static void
saves_the_bytes_numpy_writes(void **state)
{
    fixture *f = *state;
    eo_tensor t;
    const int64_t shape[] = { 2, 3 };
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_F32, 2, shape), EO_OK);
    const float v[] = { 1.5f, -2, 3, 4, 5, 6.25f };
    memcpy(t.data, v, sizeof v);
    assert_int_equal(eo_tensor_save_npy(f->ctx, f->path, &t), EO_OK);
    eo_tensor_free(&t);

    unsigned char buf[512];
    FILE *fp = fopen(f->path, "rb");
    assert_non_null(fp);
    size_t n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    assert_int_equal(n, sizeof npy_f32_2x3);
    assert_memory_equal(buf, npy_f32_2x3, n);
}

static void
every_dtype_round_trips(void **state)
{
    fixture *f = *state;
    static const eo_dtype dts[] = {
        EO_DT_F32, EO_DT_F64, EO_DT_I8, EO_DT_U8, EO_DT_I16, EO_DT_U16,
        EO_DT_I32, EO_DT_U32, EO_DT_I64, EO_DT_U64, EO_DT_BOOL, EO_DT_F16,
    };
    static const int64_t shapes[][3] = { { 0 }, { 5 }, { 2, 1, 3 },
                                         { 4, 0, 2 } };
    static const size_t ranks[] = { 0, 1, 3, 3 };
    for (size_t d = 0; d < sizeof dts / sizeof dts[0]; d++) {
        for (size_t s = 0; s < 4; s++) {
            eo_tensor t, back;
            assert_int_equal(eo_tensor_alloc(&t, dts[d], ranks[s], shapes[s]),
                             EO_OK);
            unsigned char *p = t.data;
            for (size_t i = 0; i < t.nbytes; i++)
                p[i] = dts[d] == EO_DT_BOOL ? (unsigned char)(i & 1)
                                            : (unsigned char)(i * 37 + 11);
            assert_int_equal(eo_tensor_save_npy(f->ctx, f->path, &t), EO_OK);
            assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &back),
                             EO_OK);
            assert_int_equal(back.dtype, dts[d]);
            assert_int_equal(back.rank, ranks[s]);
            for (size_t i = 0; i < ranks[s]; i++)
                assert_int_equal(back.shape[i], shapes[s][i]);
            assert_int_equal(back.nbytes, t.nbytes);
            if (t.nbytes)
                assert_memory_equal(back.data, t.data, t.nbytes);
            eo_tensor_free(&t);
            eo_tensor_free(&back);
        }
    }
    assert_int_equal(f->errors, 0);
}

/* Every proper prefix of a valid file is an error, never a crash. */
static void
truncated_files_are_errors(void **state)
{
    fixture *f = *state;
    for (size_t n = 0; n < sizeof npy_i64_v2; n++) {
        write_bytes(f, npy_i64_v2, n);
        expect_load_error(f, n < 10 ? "bad magic" : "truncated");
    }
    /* And one extra byte is not silently dropped. */
    unsigned char more[sizeof npy_f32_2x3 + 1];
    memcpy(more, npy_f32_2x3, sizeof npy_f32_2x3);
    more[sizeof npy_f32_2x3] = 0;
    write_bytes(f, more, sizeof more);
    expect_load_error(f, "trailing bytes");
}

static void
unsupported_and_corrupt_headers_are_errors(void **state)
{
    fixture *f = *state;
    const float one[4] = { 1, 1, 1, 1 };
    write_npy(f, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }",
              one, sizeof one);
    expect_load_error(f, "Fortran-order");
    write_npy(f, "{'descr': '>i4', 'fortran_order': False, 'shape': (4,), }",
              one, sizeof one);
    expect_load_error(f, "big-endian");
    write_npy(f, "{'descr': '|O', 'fortran_order': False, 'shape': (4,), }",
              one, sizeof one);
    expect_load_error(f, "unsupported 'descr'");
    write_npy(f, "{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }",
              one, sizeof one);
    expect_load_error(f, "unsupported 'descr'");
    write_npy(f, "{'descr': '<f4', 'shape': (4,), }", one, sizeof one);
    expect_load_error(f, "lacks");
    write_npy(f, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,), "
                 "'x': 1}", one, sizeof one);
    expect_load_error(f, "unexpected key");
    write_npy(f, "{'descr': '<f4', 'fortran_order': False, 'shape': (4, -1)}",
              one, sizeof one);
    expect_load_error(f, "malformed 'shape'");
    write_npy(f, "{'descr': '<f4', 'fortran_order': False, "
                 "'shape': (1,1,1,1,1,1,1,1,4)}", one, sizeof one);
    expect_load_error(f, "rank");
    write_npy(f, "{'descr': '<f4', 'fortran_order': False, "
                 "'shape': (4294967296, 4294967296, 4294967296)}", one,
              sizeof one);
    expect_load_error(f, "too large");
    write_npy(f, "{'descr': '<f4', 'fortran_order': False, 'shape': (5,)}",
              one, sizeof one);
    expect_load_error(f, "truncated data");
    write_npy(f, "{'descr': '<f4', 'fortran_order': False, 'shape': (4,)",
              one, sizeof one);
    expect_load_error(f, "malformed header");

    /* The same dictionary written by hand loads (no trailing comma, no
     * padding, no newline, double quotes). */
    write_npy(f, "{\"descr\":\"<f4\",\"fortran_order\":False,\"shape\":(4,)}",
              one, sizeof one);
    eo_tensor t;
    assert_int_equal(eo_tensor_load_npy(f->ctx, f->path, &t), EO_OK);
    assert_int_equal(t.shape[0], 4);
    eo_tensor_free(&t);

    unsigned char bad[sizeof npy_u8_scalar];
    memcpy(bad, npy_u8_scalar, sizeof bad);
    bad[6] = 4;
    write_bytes(f, bad, sizeof bad);
    expect_load_error(f, "version 4.0");
    bad[6] = 1;
    bad[1] = 'X';
    write_bytes(f, bad, sizeof bad);
    expect_load_error(f, "bad magic");
}

static void
missing_and_unwritable_files_are_errors(void **state)
{
    fixture *f = *state;
    remove(f->path);
    expect_load_error(f, "cannot open");
    /* A directory or a device is not read (/dev/zero would never end). */
    const char *dirs[] = { "/tmp", "/dev/zero" };
    for (size_t i = 0; i < 2; i++) {
        eo_tensor d;
        f->errors = 0;
        assert_int_equal(eo_tensor_load_npy(f->ctx, dirs[i], &d), EO_ERROR);
        assert_non_null(strstr(f->msg, "not a regular file"));
        assert_non_null(strstr(f->msg, dirs[i]));
    }
    eo_tensor t;
    const int64_t one = 1;
    assert_int_equal(eo_tensor_alloc(&t, EO_DT_I8, 1, &one), EO_OK);
    f->errors = 0;
    assert_int_equal(eo_tensor_save_npy(f->ctx, "/nonexistent-dir/x.npy", &t),
                     EO_ERROR);
    assert_int_equal(f->errors, 1);
    assert_non_null(strstr(f->msg, "/nonexistent-dir/x.npy"));
    eo_tensor_free(&t);
}

/* The reference input of the mnist-8 model, when the shared data exist. */
static void
loads_reference_model_input(void **state)
{
    fixture *f = *state;
    const char *path = EO_TEST_SHARED_DIR "/models/ref/mnist-8/input_0.npy";
    if (access(path, R_OK) != 0)
        skip();
    eo_tensor t;
    assert_int_equal(eo_tensor_load_npy(f->ctx, path, &t), EO_OK);
    assert_int_equal(t.dtype, EO_DT_F32);
    assert_int_equal(t.rank, 4);
    assert_int_equal(eo_tensor_numel(&t), 784);
    assert_int_equal(t.nbytes, 784 * 4);
    eo_tensor_free(&t);
}

int
main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(loads_files_written_by_numpy),
        T(saves_the_bytes_numpy_writes),
        T(every_dtype_round_trips),
        T(truncated_files_are_errors),
        T(unsupported_and_corrupt_headers_are_errors),
        T(missing_and_unwritable_files_are_errors),
        T(loads_reference_model_input),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}

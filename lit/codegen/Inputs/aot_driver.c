/* Runs an AOT model library (edge-opt --emit=c-lib) on a reference input
 * .npy and compares with the reference output .npy. Compile with
 * -DLIB=<name> -DLIBU=<NAME> -include <dir>/<name>.h and link with
 * <dir>/<name>.o. One f32 input and one f32 output. Prints the shapes
 * from the header, MATCH or MISMATCH with the largest difference, and
 * with a third argument n the median time of n runs. The workspace is a
 * static array: the library needs no heap. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define M(suffix) CAT(LIBU, suffix)

static alignas(M(_WORKSPACE_ALIGN)) unsigned char
    workspace[M(_WORKSPACE_SIZE) + 1];

/* Reads a little-endian float32 .npy (version 1) into a new buffer. */
static float *
read_npy(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char h[10];
    char hdr[1024];
    float *d = NULL;
    if (!f)
        return NULL;
    if (fread(h, 1, 10, f) != 10 || memcmp(h, "\x93NUMPY", 6) != 0)
        goto out;
    size_t hl = (size_t)(h[8] | (h[9] << 8));
    if (hl >= sizeof hdr || fread(hdr, 1, hl, f) != hl)
        goto out;
    hdr[hl] = 0;
    char *p = strstr(hdr, "'shape': (");
    if (!p || !strstr(hdr, "'<f4'"))
        goto out;
    p += 10;
    *n = 1;
    while (*p && *p != ')') {
        *n *= (size_t)strtoull(p, &p, 10);
        while (*p == ',' || *p == ' ')
            p++;
    }
    d = malloc(*n * sizeof *d);
    if (d && fread(d, sizeof *d, *n, f) != *n) {
        free(d);
        d = NULL;
    }
out:
    fclose(f);
    return d;
}

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int
main(int argc, char **argv)
{
    static const long ishape[] = M(_INPUT0_SHAPE);
    static const long oshape[] = M(_OUTPUT0_SHAPE);
    size_t in_n, ref_n;
    if (argc < 3 || M(_NUM_INPUTS) != 1 || M(_NUM_OUTPUTS) != 1)
        return 2;
    float *in = read_npy(argv[1], &in_n);
    float *ref = read_npy(argv[2], &ref_n);
    if (!in || !ref || in_n != M(_INPUT0_ELEMS) ||
        ref_n != M(_OUTPUT0_ELEMS)) {
        fprintf(stderr, "bad reference files\n");
        return 2;
    }
    printf("input %s rank %d:", M(_INPUT0_DTYPE), M(_INPUT0_RANK));
    for (size_t i = 0; i < sizeof ishape / sizeof *ishape; i++)
        printf(" %ld", ishape[i]);
    printf("\noutput %s rank %d:", M(_OUTPUT0_DTYPE), M(_OUTPUT0_RANK));
    for (size_t i = 0; i < sizeof oshape / sizeof *oshape; i++)
        printf(" %ld", oshape[i]);
    printf("\nworkspace %u\n", (unsigned)M(_WORKSPACE_SIZE));
    M(_OUTPUT0_TYPE) out[M(_OUTPUT0_ELEMS)];
    const void *ins[1] = { in };
    void *outs[1] = { out };
    if (CAT(LIB, _run)(ins, outs, workspace) != 0)
        return 1;
    double err = 0;
    for (size_t i = 0; i < ref_n; i++)
        if (!(fabs(out[i] - ref[i]) <= err))
            err = fabs(out[i] - ref[i]);
    printf("%s max_abs_err=%g\n", err < 1e-4 ? "MATCH" : "MISMATCH", err);
    int reps = argc > 3 ? atoi(argv[3]) : 0;
    if (reps > 0) {
        double *t = malloc((size_t)reps * sizeof *t);
        if (!t)
            return 2;
        for (int r = 0; r < reps; r++) {
            double t0 = now();
            CAT(LIB, _run)(ins, outs, workspace);
            t[r] = now() - t0;
        }
        qsort(t, (size_t)reps, sizeof *t, cmp_double);
        printf("median_us=%.1f\n", t[reps / 2] * 1e6);
        free(t);
    }
    free(in);
    free(ref);
    return err < 1e-4 ? 0 : 1;
}

/* Runs a compiled model function FN(memref<1xAxBxCxf32> in,
 * memref<1xNxf32> out) (MLIR's expanded descriptor ABI; compile with
 * -DFN=name) on a reference input .npy and compares with the reference
 * output .npy: prints MATCH or MISMATCH and the largest difference. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void FN(float *ia, float *ib, int64_t io, int64_t s0, int64_t s1, int64_t s2,
        int64_t s3, int64_t t0, int64_t t1, int64_t t2, int64_t t3,
        float *oa, float *ob, int64_t oo, int64_t os0, int64_t os1,
        int64_t ot0, int64_t ot1);

/* Reads a float32 .npy (version 1): shape into dims (up to 4), data
 * into a new buffer. */
static float *
read_npy(const char *path, int64_t *dims, int *rank, size_t *n)
{
    FILE *f = fopen(path, "rb");
    unsigned char h[10];
    char hdr[1024];
    if (!f || fread(h, 1, 10, f) != 10 || memcmp(h, "\x93NUMPY", 6))
        return NULL;
    size_t hl = (size_t)(h[8] | (h[9] << 8));
    if (hl >= sizeof hdr || fread(hdr, 1, hl, f) != hl)
        return NULL;
    hdr[hl] = 0;
    char *p = strstr(hdr, "'shape': (");
    if (!p || !strstr(hdr, "'<f4'"))
        return NULL;
    p += 10;
    *rank = 0;
    *n = 1;
    while (*p && *p != ')' && *rank < 4) {
        dims[*rank] = strtoll(p, &p, 10);
        *n *= (size_t)dims[(*rank)++];
        while (*p == ',' || *p == ' ')
            p++;
    }
    float *d = malloc(*n * sizeof *d);
    if (!d || fread(d, sizeof *d, *n, f) != *n)
        return NULL;
    fclose(f);
    return d;
}

int
main(int argc, char **argv)
{
    int64_t id[4], od[4];
    int ir, orank;
    size_t in_n, out_n;
    if (argc != 3)
        return 2;
    float *in = read_npy(argv[1], id, &ir, &in_n);
    float *ref = read_npy(argv[2], od, &orank, &out_n);
    if (!in || !ref || ir != 4 || orank != 2)
        return 2;
    float *out = calloc(out_n, sizeof *out);
    if (!out)
        return 2;
    FN(in, in, 0, id[0], id[1], id[2], id[3], id[1] * id[2] * id[3],
       id[2] * id[3], id[3], 1, out, out, 0, od[0], od[1], od[1], 1);
    double err = 0;
    size_t arg = 0;
    for (size_t i = 0; i < out_n; i++) {
        if (fabs(out[i] - ref[i]) > err)
            err = fabs(out[i] - ref[i]);
        if (out[i] > out[arg])
            arg = i;
    }
    printf("argmax=%zu\n", arg);
    printf("%s max_abs_err=%g\n", err < 1e-4 ? "MATCH" : "MISMATCH", err);
    free(in);
    free(ref);
    free(out);
    return 0;
}

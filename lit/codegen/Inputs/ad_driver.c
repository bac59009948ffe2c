/* Calls the compiled ad_autoencoder (func @tf2onnx(memref<1x640xf32>,
 * memref<1x640xf32>), MLIR's expanded descriptor ABI) on the reference
 * input and compares with onnxruntime's output. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

void tf2onnx(float *ia, float *ib, int64_t io, int64_t is0, int64_t is1,
             int64_t ist0, int64_t ist1, float *oa, float *ob, int64_t oo,
             int64_t os0, int64_t os1, int64_t ost0, int64_t ost1);

/* Reads 'n' float32 values of a .npy (version 1) file. */
static int
read_npy(const char *path, float *out, size_t n)
{
    FILE *f = fopen(path, "rb");
    unsigned char h[10];
    if (!f || fread(h, 1, 10, f) != 10 || memcmp(h, "\x93NUMPY", 6))
        return -1;
    long hl = h[8] | (h[9] << 8);
    if (fseek(f, 10 + hl, SEEK_SET) || fread(out, 4, n, f) != n)
        return -1;
    fclose(f);
    return 0;
}

int
main(int argc, char **argv)
{
    static float in[640], ref[640], out[640];
    if (argc != 3 || read_npy(argv[1], in, 640) || read_npy(argv[2], ref, 640))
        return 2;
    tf2onnx(in, in, 0, 1, 640, 640, 1, out, out, 0, 1, 640, 640, 1);
    double err = 0;
    for (int i = 0; i < 640; i++)
        if (fabs(out[i] - ref[i]) > err)
            err = fabs(out[i] - ref[i]);
    printf("out[0]=%.4f out[639]=%.4f\n", out[0], out[639]);
    printf("%s max_abs_err=%g\n", err < 1e-3 ? "MATCH" : "MISMATCH", err);
    return 0;
}

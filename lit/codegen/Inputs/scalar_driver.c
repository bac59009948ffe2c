/* Calls the functions of scalar-run.mlir (compiled to an object file). */
#include <stdint.h>
#include <stdio.h>

int32_t divs(int32_t a, int32_t b, int32_t which);
double fmix(double x, float y);
int64_t count(int64_t n);
int64_t collatz(int64_t n);
void matmul(float *aa, float *a, int64_t ao, int64_t as0, int64_t as1,
            int64_t ast0, int64_t ast1, float *ba, float *b, int64_t bo,
            int64_t bs0, int64_t bs1, int64_t bst0, int64_t bst1,
            float *ca, float *c, int64_t co, int64_t cs0, int64_t cs1,
            int64_t cst0, int64_t cst1);
void views(float *ma, float *m, int64_t mo, int64_t ms0, int64_t ms1,
           int64_t mst0, int64_t mst1, float *oa, float *o, int64_t oo,
           int64_t os0, int64_t ost0);
void column(float *ma, float *m, int64_t mo, int64_t ms0, int64_t ms1,
            int64_t mst0, int64_t mst1, float *oa, float *o, int64_t oo,
            int64_t os0, int64_t ost0);

int
main(void)
{
    static const int32_t pairs[][2] = { { 7, 2 }, { -7, 2 }, { 7, -2 },
                                        { -7, -2 }, { 6, 3 }, { -6, 3 } };
    static const char *const names[] = { "ceildivsi", "floordivsi",
                                         "remsi", "maxsi", "shrsi" };
    for (int w = 0; w < 5; w++) {
        printf("%s:", names[w]);
        for (int i = 0; i < 6; i++)
            printf(" %d", divs(pairs[i][0], pairs[i][1], w));
        printf("\n");
    }
    printf("fmix: %.6f\n", fmix(2.0, 0.5f));
    printf("count: %lld %lld\n", (long long)count(10), (long long)count(0));
    /* A 2x3 by 3x2 product into a 2x2 window of a 4x4 buffer (strides
     * 4, 1; offset 5). */
    float a[6] = { 1, 2, 3, 4, 5, 6 }, b[6] = { 7, 8, 9, 10, 11, 12 };
    float c[16] = { 0 };
    matmul(a, a, 0, 2, 3, 3, 1, b, b, 0, 3, 2, 2, 1, c, c, 5, 2, 2, 4, 1);
    printf("matmul: %g %g %g %g (untouched %g)\n", c[5], c[6], c[9], c[10],
           c[0]);
    float m[24], o[11];
    for (int i = 0; i < 24; i++)
        m[i] = (float)i;
    views(m, m, 0, 4, 6, 6, 1, o, o, 0, 11, 1);
    printf("views: %g %g %g %g %g %g | %g %g | %g %g | %g\n", o[0], o[1],
           o[2], o[3], o[4], o[5], o[6], o[7], o[8], o[9], o[10]);
    column(m, m, 0, 4, 6, 6, 1, o, o, 0, 4, 1);
    printf("column: %g %g %g %g\n", o[0], o[1], o[2], o[3]);
    printf("collatz: %lld %lld\n", (long long)collatz(27),
           (long long)collatz(1));
    return 0;
}

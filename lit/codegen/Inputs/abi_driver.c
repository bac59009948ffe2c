/* Calls @run of mlir-abi.mlir (compiled by edge-opt), which calls @fill
 * (compiled by MLIR). */
#include <stdint.h>
#include <stdio.h>

void run(float *a, float *b, int64_t off, int64_t s0, int64_t s1,
         int64_t t0, int64_t t1);

int
main(void)
{
    float m[6] = { 0 };
    run(m, m, 0, 2, 3, 3, 1);
    for (int i = 0; i < 6; i++)
        printf("%g ", m[i]);
    printf("\n");
    return 0;
}

/* Bare-metal driver for an AOT model library on QEMU's mps3-an547
 * (Cortex-M55): vector table, reset handler (FPU and MVE on, .bss
 * cleared), semihosting output and exit, the few libc functions the
 * generated code calls (memset, memcpy and their __aeabi_ forms, expf),
 * and main: runs LIB_run on the embedded reference input (aot_data.c,
 * written by aot_qemu.py) and compares with the reference output (1e-4).
 * Build with -DLIB=<name> -DLIBU=<NAME> -include <name>.h,
 * -mcpu=cortex-m55 -mfloat-abi=softfp (the object's base PCS). */
#include <stddef.h>
#include <stdint.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define M(suffix) CAT(LIBU, suffix)

extern const float aot_input[];
extern const float aot_expected[];
extern const unsigned aot_input_n, aot_expected_n;

static _Alignas(M(_WORKSPACE_ALIGN)) unsigned char
    workspace[M(_WORKSPACE_SIZE) + 1];
static M(_OUTPUT0_TYPE) output[M(_OUTPUT0_ELEMS)];

/* ---- semihosting ---- */
static int
semihost(int op, const void *arg)
{
    register int r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

static void
put(const char *s)
{
    semihost(0x04, s);              /* SYS_WRITE0 */
}

static void
put_uint(unsigned long v)
{
    char b[24], *p = b + sizeof b - 1;
    *p = '\0';
    do
        *--p = (char)('0' + v % 10);
    while (v /= 10);
    put(p);
}

static void __attribute__((noreturn))
quit(int ok)
{
    /* SYS_EXIT: ADP_Stopped_ApplicationExit (status 0) or
     * ADP_Stopped_RunTimeErrorUnknown (status 1). */
    semihost(0x18, (const void *)(uintptr_t)(ok ? 0x20026 : 0x20023));
    for (;;)
        ;
}

/* ---- the C library the generated code links against ---- */
void *
memset(void *d, int c, size_t n)
{
    unsigned char *p = d;
    while (n--)
        *p++ = (unsigned char)c;
    return d;
}

void *
memcpy(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    while (n--)
        *p++ = *q++;
    return d;
}

void *
memmove(void *d, const void *s, size_t n)
{
    unsigned char *p = d;
    const unsigned char *q = s;
    if (p < q)
        return memcpy(d, s, n);
    while (n--)
        p[n] = q[n];
    return d;
}

void __aeabi_memclr(void *d, size_t n) { memset(d, 0, n); }
void __aeabi_memclr4(void *d, size_t n) { memset(d, 0, n); }
void __aeabi_memclr8(void *d, size_t n) { memset(d, 0, n); }
void __aeabi_memset(void *d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memset4(void *d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memset8(void *d, size_t n, int c) { memset(d, c, n); }
void __aeabi_memcpy(void *d, const void *s, size_t n) { memcpy(d, s, n); }
void __aeabi_memcpy4(void *d, const void *s, size_t n) { memcpy(d, s, n); }
void __aeabi_memcpy8(void *d, const void *s, size_t n) { memcpy(d, s, n); }
void __aeabi_memmove(void *d, const void *s, size_t n) { memmove(d, s, n); }
void __aeabi_memmove4(void *d, const void *s, size_t n) { memmove(d, s, n); }

/* exp(x) = 2^k * e^r, |r| <= ln2/2, e^r by a degree-7 Taylor polynomial
 * (relative error below 1e-7 on that range). */
float
expf(float x)
{
    if (x > 88.7f)
        return __builtin_inff();
    if (x < -103.9f)
        return 0.0f;
    float kf = __builtin_floorf(x * 1.44269504f + 0.5f);
    int k = (int)kf;
    float r = x - kf * 0.693145752f - kf * 1.42860677e-6f;
    float p = 1.0f + r * (1.0f + r * (0.5f + r * (1.0f / 6 + r * (1.0f / 24 +
              r * (1.0f / 120 + r * (1.0f / 720 + r * (1.0f / 5040)))))));
    union { float f; uint32_t u; } s;
    if (k < -126) {             /* subnormal result: scale in two steps */
        s.u = (uint32_t)(k + 126 + 127) << 23;
        return p * s.f * 1.17549435e-38f;
    }
    s.u = (uint32_t)(k + 127) << 23;
    return p * s.f;
}

/* ---- main ---- */
static float
absf(float v)
{
    return v < 0 ? -v : v;
}

int
main(void)
{
    if (aot_input_n != M(_INPUT0_ELEMS) ||
        aot_expected_n != M(_OUTPUT0_ELEMS)) {
        put("bad reference data\n");
        quit(0);
    }
    const void *ins[1] = { aot_input };
    void *outs[1] = { output };
    if (CAT(LIB, _run)(ins, outs, workspace) != 0)
        quit(0);
    float err = 0;
    for (unsigned i = 0; i < aot_expected_n; i++)
        if (!(absf(output[i] - aot_expected[i]) <= err))
            err = absf(output[i] - aot_expected[i]);
    put(err < 1e-4f ? "MATCH" : "MISMATCH");
    put(" max_abs_err_e9=");
    put_uint((unsigned long)(err * 1e9f));
    put("\n");
    quit(err < 1e-4f);
}

/* ---- start-up ---- */
extern unsigned char __bss_start__[], __bss_end__[], __stack_top__[];

void __attribute__((noreturn, naked))
reset_handler(void)
{
    __asm__ volatile(
        /* CPACR: CP10 and CP11 (FPU, MVE) full access. */
        "ldr r0, =0xe000ed88\n"
        "ldr r1, [r0]\n"
        "orr r1, r1, #(0xf << 20)\n"
        "str r1, [r0]\n"
        "dsb\n"
        "isb\n"
        /* Clear .bss. */
        "ldr r0, =__bss_start__\n"
        "ldr r1, =__bss_end__\n"
        "movs r2, #0\n"
        "1: cmp r0, r1\n"
        "bhs 2f\n"
        "strb r2, [r0], #1\n"
        "b 1b\n"
        "2: bl main\n"
        "b .\n");
}

static void
fault_handler(void)
{
    put("fault\n");
    quit(0);
}

__attribute__((section(".vectors"), used))
static void (*const vectors[16])(void) = {
    (void (*)(void))__stack_top__, reset_handler, fault_handler,
    fault_handler, fault_handler, fault_handler, fault_handler,
    fault_handler, 0, 0, 0, fault_handler, fault_handler, 0, fault_handler,
    fault_handler,
};

/* targets/detect.c - fills a host description ("detect": true) from the
 * machine: core count (sysconf, or /sys/devices/system/cpu/online under a
 * sysroot), clock (cpufreq's cpuinfo_max_freq, else "cpu MHz" of
 * /proc/cpuinfo), SIMD width (the CPU flags of /proc/cpuinfo) and cache
 * sizes (/sys/devices/system/cpu/cpu0/cache/index*). What cannot be read
 * keeps the file's value.
 */
#include "targets/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads a small file under 'root' into buf (NUL-terminated); false if
 * absent or empty. */
static bool
read_small(const char *root, const char *rel, char *buf, size_t size)
{
    char p[512];
    snprintf(p, sizeof p, "%s%s", root, rel);
    FILE *f = fopen(p, "r");
    if (!f)
        return false;
    size_t n = fread(buf, 1, size - 1, f);
    fclose(f);
    buf[n] = '\0';
    return n > 0;
}

/* "0-7,9" -> 9 CPUs; 0 if unreadable. */
static long
count_cpu_list(const char *s)
{
    long total = 0;
    while (*s && *s != '\n') {
        char *end;
        long a = strtol(s, &end, 10), b = a;
        if (end == s)
            return 0;
        if (*end == '-') {
            s = end + 1;
            b = strtol(s, &end, 10);
            if (end == s || b < a)
                return 0;
        }
        total += b - a + 1;
        s = *end == ',' ? end + 1 : end;
        if (*end != ',' && *end != '\n' && *end != '\0')
            return 0;
    }
    return total;
}

/* The value of the first "key<spaces>: value" line of /proc/cpuinfo. */
static bool
cpuinfo_field(const char *info, const char *key, char *out, size_t size)
{
    size_t klen = strlen(key);
    for (const char *l = info; l && *l;
         l = strchr(l, '\n'), l = l ? l + 1 : l) {
        if (strncmp(l, key, klen) != 0)
            continue;
        const char *p = l + klen;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != ':')
            continue;
        p++;
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, "\n");
        if (n >= size)
            n = size - 1;
        memcpy(out, p, n);
        out[n] = '\0';
        return true;
    }
    return false;
}

static bool
has_flag(const char *flags, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = flags; (p = strstr(p, flag)); p += n)
        if ((p == flags || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

/* "48K" / "2048K" / "32M" -> bytes; 0 if unreadable. */
static int64_t
parse_size(const char *s)
{
    char *end;
    long long v = strtoll(s, &end, 10);
    if (end == s || v <= 0)
        return 0;
    if (*end == 'K')
        v *= 1024;
    else if (*end == 'M')
        v *= 1024 * 1024;
    else if (*end == 'G')
        v *= 1024LL * 1024 * 1024;
    return v;
}

static void
detect_caches(eo_target_desc *d, const char *root)
{
    for (int idx = 0; idx < 16; idx++) {
        char rel[128], buf[64], type[32];
        snprintf(rel, sizeof rel,
                 "/sys/devices/system/cpu/cpu0/cache/index%d/level", idx);
        if (!read_small(root, rel, buf, sizeof buf))
            continue;
        int level = atoi(buf);
        snprintf(rel, sizeof rel,
                 "/sys/devices/system/cpu/cpu0/cache/index%d/type", idx);
        if (!read_small(root, rel, type, sizeof type))
            continue;
        if (strncmp(type, "Instruction", 11) == 0)
            continue;
        snprintf(rel, sizeof rel,
                 "/sys/devices/system/cpu/cpu0/cache/index%d/size", idx);
        if (!read_small(root, rel, buf, sizeof buf))
            continue;
        int64_t size = parse_size(buf);
        char name[8];
        snprintf(name, sizeof name, level == 1 ? "l1d" : "l%d", level);
        for (size_t i = 0; i < d->num_memory && size > 0; i++)
            if (d->memory[i].kind == EO_MEMORY_CACHE &&
                strcmp(d->memory[i].name, name) == 0)
                d->memory[i].size_bytes = size;
    }
}

void
eo_target_detect(eo_target_desc *d, const char *root)
{
    eo_unit_desc *u = NULL;
    for (size_t i = 0; i < d->num_units && !u; i++)
        if (d->units[i].kind == EO_UNIT_CPU)
            u = &d->units[i];
    char buf[4096];
    if (u) {
        long n = 0;
        if (!*root)
            n = sysconf(_SC_NPROCESSORS_ONLN);
        else if (read_small(root, "/sys/devices/system/cpu/online", buf,
                            sizeof buf))
            n = count_cpu_list(buf);
        if (n > 0 && n <= 1000000)
            u->count = n;

        double mhz = 0;
        if (read_small(root, "/sys/devices/system/cpu/cpu0/cpufreq/"
                       "cpuinfo_max_freq", buf, sizeof buf))
            mhz = strtod(buf, NULL) / 1000.0;   /* kHz */
        size_t info_size = (size_t)1 << 16;
        char *info = malloc(info_size);
        bool have_info = info && read_small(root, "/proc/cpuinfo", info,
                                            info_size);
        char val[4096];
        if (mhz <= 0 && have_info && cpuinfo_field(info, "cpu MHz", val,
                                                   sizeof val))
            mhz = strtod(val, NULL);
        if (mhz > 0 && mhz <= 1e5)
            u->clock_mhz = mhz;

        int64_t bits = 0;
        if (have_info && (cpuinfo_field(info, "flags", val, sizeof val) ||
                          cpuinfo_field(info, "Features", val, sizeof val))) {
            if (has_flag(val, "avx512f"))
                bits = 512;
            else if (has_flag(val, "avx2") || has_flag(val, "avx"))
                bits = 256;
            else if (has_flag(val, "sse2") || has_flag(val, "asimd") ||
                     has_flag(val, "neon"))
                bits = 128;
        }
        if (bits > 0 && u->vector_bits > 0 && bits != u->vector_bits) {
            /* SIMD throughput scales with the width (an estimate). */
            double r = (double)bits / (double)u->vector_bits;
            for (int t = 0; t < EO_TDT_COUNT; t++)
                u->macs_per_cycle[t] *= r;
        }
        if (bits > 0)
            u->vector_bits = bits;
        free(info);
    }
    detect_caches(d, root);
    d->detect = false;
}

/* bench/memplan_tflm.c - the memory planner against TFLite Micro's
 * greedy planner on the same buffers.
 *
 * For each function of each .mlir file given, the buffers come from
 * eo_memplan_build_ir (what the plan-memory pass plans: tensor
 * intermediates, 16-byte alignment, no in-place sharing, so that both
 * planners see exactly the same buffers and live intervals). Columns:
 *   tflm    TFLite Micro's GreedyMemoryPlanner, re-implemented below from
 *           its published description: sizes rounded up to 16 bytes (as
 *           TFLM's allocator does), buffers by decreasing size, each at
 *           the lowest offset where it overlaps no placed buffer live at
 *           a common step (first fit);
 *   keep    ours in the function's order;
 *   search  ours with order search (the order is ours to choose);
 *   lb      the largest live bytes of one step in the kept order (no plan
 *           of that order can do better);
 *   ms      time of the search solve.
 * Every plan is checked with eo_memplan_check. Exit status 1 if a file
 * cannot be read or a plan is invalid.
 *
 * Usage: memplan_tflm FILE.mlir...
 */
#define _POSIX_C_SOURCE 200809L       /* clock_gettime */

#include "dialects/dialects.h"
#include "dialects/graph/graph.h"
#include "ir/ir.h"
#include "rewrite/memplan.h"
#include "rewrite/rewrite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TFLM_ALIGN 16

typedef struct tflm_buf {
    uint64_t size;
    size_t first, last;
} tflm_buf;

/* TFLM's greedy planner: offsets into offs; returns the arena size. */
static uint64_t
tflm_greedy(const tflm_buf *b, size_t n, uint64_t *offs)
{
    size_t *order = malloc((n ? n : 1) * sizeof(size_t));
    size_t *placed = malloc((n ? n : 1) * sizeof(size_t));
    if (!order || !placed) {
        free(order);
        free(placed);
        return UINT64_MAX;
    }
    /* stable sort by size, largest first */
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && b[order[j - 1]].size < b[i].size) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    size_t nplaced = 0;
    uint64_t arena = 0;
    for (size_t k = 0; k < n; k++) {
        const tflm_buf *x = &b[order[k]];
        uint64_t cand = 0;
        for (size_t j = 0; j < nplaced; j++) {
            const tflm_buf *y = &b[placed[j]];
            if (x->first > y->last || y->first > x->last)
                continue;
            uint64_t yo = offs[placed[j]];
            if (cand + x->size <= yo)
                break;
            if (yo + y->size > cand)
                cand = yo + y->size;
        }
        offs[order[k]] = cand;
        if (cand + x->size > arena)
            arena = cand + x->size;
        size_t pos = nplaced++;
        while (pos > 0 && offs[placed[pos - 1]] > cand) {
            placed[pos] = placed[pos - 1];
            pos--;
        }
        placed[pos] = order[k];
    }
    free(order);
    free(placed);
    return arena;
}

static double
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static char *
read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = (n + 65536 + 1) * 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, 65536, f);
        n += r;
        if (r < 65536)
            break;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* One table row per function; false on an invalid plan or an error. */
static bool
bench_function(const char *label, eo_op *f)
{
    eo_memplan *mp;
    uint64_t weights, io;
    if (eo_memplan_build_ir(f, TFLM_ALIGN, false, &mp, &weights, &io) !=
        EO_OK)
        return false;
    bool ok = eo_memplan_solve(mp, NULL) == EO_OK;
    size_t n = eo_memplan_num_buffers(mp);
    tflm_buf *tb = calloc(n ? n : 1, sizeof(*tb));
    uint64_t *offs = calloc(n ? n : 1, sizeof(*offs));
    ok = ok && tb && offs;
    uint64_t keep = 0, lb = 0, tflm = 0, search = 0;
    double ms = 0;
    if (ok) {
        keep = eo_memplan_peak(mp);
        lb = eo_memplan_lower_bound(mp);
        for (size_t i = 0; i < n; i++) {
            uint64_t s = eo_memplan_buffer_size(mp, i);
            tb[i].size = (s + TFLM_ALIGN - 1) / TFLM_ALIGN * TFLM_ALIGN;
            eo_memplan_interval(mp, i, &tb[i].first, &tb[i].last);
            offs[i] = eo_memplan_offset(mp, i);
        }
        ok = eo_memplan_check(mp, offs, keep, NULL, NULL);
        tflm = tflm_greedy(tb, n, offs);
        ok = ok && tflm != UINT64_MAX &&
             eo_memplan_check(mp, offs, tflm, NULL, NULL);
    }
    if (ok) {
        eo_memplan_options o;
        eo_memplan_options_init(&o);
        o.search_order = true;
        double t0 = now_ms();
        ok = eo_memplan_solve(mp, &o) == EO_OK;
        ms = now_ms() - t0;
        search = eo_memplan_peak(mp);
        for (size_t i = 0; ok && i < n; i++)
            offs[i] = eo_memplan_offset(mp, i);
        ok = ok && eo_memplan_check(mp, offs, search, NULL, NULL);
    }
    if (ok)
        printf("%-34s %5zu %10llu %10llu %10llu %10llu %10llu %6.3f %6.3f "
               "%6.3f %7.2f\n", label, n,
               (unsigned long long)eo_memplan_naive(mp),
               (unsigned long long)tflm, (unsigned long long)keep,
               (unsigned long long)search, (unsigned long long)lb,
               tflm ? (double)keep / (double)tflm : 1.0,
               tflm ? (double)search / (double)tflm : 1.0,
               lb ? (double)keep / (double)lb : 1.0, ms);
    else
        fprintf(stderr, "memplan_tflm: %s: invalid plan or error\n", label);
    free(tb);
    free(offs);
    eo_memplan_destroy(mp);
    return ok;
}

int
main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: memplan_tflm FILE.mlir...\n");
        return 2;
    }
    printf("%-34s %5s %10s %10s %10s %10s %10s %6s %6s %6s %7s\n", "model",
           "bufs", "naive", "tflm", "keep", "search", "lb", "k/tflm",
           "s/tflm", "k/lb", "ms");
    int rc = 0;
    for (int a = 1; a < argc; a++) {
        eo_ctx *ctx = eo_ctx_create(NULL);
        if (!ctx || eo_register_all_dialects(ctx) != EO_OK ||
            eo_graph_register(ctx) != EO_OK) {
            fprintf(stderr, "memplan_tflm: out of memory\n");
            eo_ctx_destroy(ctx);
            return 1;
        }
        size_t len;
        char *text = read_file(argv[a], &len);
        eo_op *m = text ? eo_parse_source(ctx, argv[a], text, len, NULL)
                        : NULL;
        if (!m) {
            fprintf(stderr, "memplan_tflm: cannot read '%s'\n", argv[a]);
            rc = 1;
        } else {
            const char *base = strrchr(argv[a], '/');
            base = base ? base + 1 : argv[a];
            eo_block *body = eo_region_first(eo_op_region(m, 0));
            for (eo_op *f = body ? eo_block_first(body) : NULL; f;
                 f = eo_op_next(f))
                if (eo_op_num_regions(f) > 0 && !bench_function(base, f))
                    rc = 1;
            eo_op_destroy(m);
        }
        free(text);
        eo_ctx_destroy(ctx);
    }
    return rc;
}

/* explorer/pareto.c - Pareto utilities for minimization: constraint
 * domination, non-dominated sorting, crowding distance and the exact
 * hypervolume in 2-D and 3-D.
 */
#include "explorer/explorer.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool
eo_pareto_dominates(const double *a, double viol_a, const double *b,
                    double viol_b, size_t k)
{
    if (viol_a > 0 || viol_b > 0) {
        if (viol_a <= 0)
            return true;
        if (viol_b <= 0)
            return false;
        return viol_a < viol_b;
    }
    bool better = false;
    for (size_t i = 0; i < k; i++) {
        if (a[i] > b[i])
            return false;
        if (a[i] < b[i])
            better = true;
    }
    return better;
}

eo_status
eo_pareto_sort(const double *obj, const double *viol, size_t n, size_t k,
               size_t *rank)
{
    if (n == 0)
        return EO_OK;
    /* Deb's fast non-dominated sort: O(k n^2). */
    if (n > SIZE_MAX / n / sizeof(size_t))
        return EO_NOMEM;
    size_t *count = calloc(n, sizeof *count);
    size_t *dom = malloc(n * n * sizeof *dom);  /* row i: whom i dominates */
    size_t *ndom = calloc(n, sizeof *ndom);
    size_t *cur = malloc(n * sizeof *cur), *next = malloc(n * sizeof *next);
    eo_status st = EO_NOMEM;
    if (!count || !dom || !ndom || !cur || !next)
        goto done;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double vi = viol ? viol[i] : 0, vj = viol ? viol[j] : 0;
            if (eo_pareto_dominates(obj + i * k, vi, obj + j * k, vj, k)) {
                dom[i * n + ndom[i]++] = j;
                count[j]++;
            } else if (eo_pareto_dominates(obj + j * k, vj, obj + i * k, vi,
                                           k)) {
                dom[j * n + ndom[j]++] = i;
                count[i]++;
            }
        }
    size_t nc = 0;
    for (size_t i = 0; i < n; i++)
        if (count[i] == 0) {
            rank[i] = 0;
            cur[nc++] = i;
        }
    for (size_t r = 1; nc; r++) {
        size_t nn = 0;
        for (size_t c = 0; c < nc; c++) {
            size_t i = cur[c];
            for (size_t d = 0; d < ndom[i]; d++) {
                size_t j = dom[i * n + d];
                if (--count[j] == 0) {
                    rank[j] = r;
                    next[nn++] = j;
                }
            }
        }
        size_t *t = cur;
        cur = next;
        next = t;
        nc = nn;
    }
    st = EO_OK;
done:
    free(count);
    free(dom);
    free(ndom);
    free(cur);
    free(next);
    return st;
}

typedef struct sort_item {
    double v;
    size_t j;
} sort_item;

static int
cmp_item(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

eo_status
eo_pareto_crowding(const double *obj, size_t k, const size_t *members,
                   size_t m, double *dist)
{
    for (size_t j = 0; j < m; j++)
        dist[j] = 0;
    if (m <= 2) {
        for (size_t j = 0; j < m; j++)
            dist[j] = INFINITY;
        return EO_OK;
    }
    sort_item *it = malloc(m * sizeof *it);
    if (!it)
        return EO_NOMEM;
    for (size_t o = 0; o < k; o++) {
        for (size_t j = 0; j < m; j++)
            it[j] = (sort_item){ obj[members[j] * k + o], j };
        qsort(it, m, sizeof *it, cmp_item);
        double span = it[m - 1].v - it[0].v;
        dist[it[0].j] = INFINITY;
        dist[it[m - 1].j] = INFINITY;
        if (!(span > 0) || isinf(span))
            continue;
        for (size_t j = 1; j + 1 < m; j++)
            dist[it[j].j] += (it[j + 1].v - it[j - 1].v) / span;
    }
    free(it);
    return EO_OK;
}

typedef struct pt3 {
    double x, y, z;
} pt3;

static int
cmp_x(const void *a, const void *b)
{
    const pt3 *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return (p->y > q->y) - (p->y < q->y);
}

/* 2-D hypervolume of p[0..n) (x, y) against (rx, ry); sorts p. */
static double
hv2(pt3 *p, size_t n, double rx, double ry)
{
    qsort(p, n, sizeof *p, cmp_x);
    double hv = 0, best_y = ry;
    for (size_t i = 0; i < n; i++) {
        if (p[i].y >= best_y)
            continue;
        hv += (rx - p[i].x) * (best_y - p[i].y);
        best_y = p[i].y;
    }
    return hv;
}

static int
cmp_z(const void *a, const void *b)
{
    const pt3 *p = a, *q = b;
    return (p->z > q->z) - (p->z < q->z);
}

eo_status
eo_pareto_hypervolume(eo_ctx *ctx, const double *obj, size_t n, size_t k,
                      const double *ref, double *hv)
{
    *hv = 0;
    if (k != 2 && k != 3)
        return eo_emit_error(ctx, NULL, "unsupported: hypervolume in %zu "
                             "dimensions (2 or 3 only)", k);
    pt3 *p = malloc((n ? n : 1) * sizeof *p);
    pt3 *slab = malloc((n ? n : 1) * sizeof *slab);
    if (!p || !slab) {
        free(p);
        free(slab);
        return EO_NOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        const double *o = obj + i * k;
        bool in = true;
        for (size_t d = 0; d < k; d++)
            if (!(o[d] < ref[d]))
                in = false;
        if (in)
            p[m++] = (pt3){ o[0], o[1], k == 3 ? o[2] : 0 };
    }
    if (k == 2) {
        *hv = hv2(p, m, ref[0], ref[1]);
    } else {
        /* Slabs between consecutive z values: the 2-D volume of the
         * points at or below the slab's bottom times its height. */
        qsort(p, m, sizeof *p, cmp_z);
        double total = 0;
        for (size_t i = 0; i < m; i++) {
            double top = i + 1 < m ? p[i + 1].z : ref[2];
            if (!(top > p[i].z))
                continue;
            memcpy(slab, p, (i + 1) * sizeof *p);
            total += hv2(slab, i + 1, ref[0], ref[1]) * (top - p[i].z);
        }
        *hv = total;
    }
    free(p);
    free(slab);
    return EO_OK;
}

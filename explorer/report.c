/* explorer/report.c - reports of a search: objective names and units, an
 * SVG plot of every evaluated point with the Pareto front highlighted, and
 * a self-contained HTML report (the plots, the Pareto table, the per-layer
 * breakdown of each front point, the hypervolume convergence curve and the
 * data as JSON). See docs/explorer.md, "Reports".
 */
#include "explorer/explorer.h"
#include "ir/ir.h"

#include <cjson/cJSON.h>

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Objectives                                                          */
/* ------------------------------------------------------------------ */

static const char *const objective_names[EO_NUM_OBJECTIVES] = {
    "latency", "energy", "memory"
};
static const char *const objective_units[EO_NUM_OBJECTIVES] = {
    "s", "J", "B"
};

const char *
eo_objective_name(eo_objective o)
{
    return (unsigned)o < EO_NUM_OBJECTIVES ? objective_names[o] : "unknown";
}

const char *
eo_objective_unit(eo_objective o)
{
    return (unsigned)o < EO_NUM_OBJECTIVES ? objective_units[o] : "";
}

int
eo_objective_from_name(const char *name)
{
    for (int i = 0; name && i < EO_NUM_OBJECTIVES; i++)
        if (!strcmp(name, objective_names[i]))
            return i;
    return -1;
}

/* ------------------------------------------------------------------ */
/* Units and number formatting                                         */
/* ------------------------------------------------------------------ */

/* A display unit: values are divided by 'f' and followed by 'u'. */
typedef struct unit_scale {
    double f;
    const char *u;
} unit_scale;

/* Largest first; the base unit (f = 1) is the fallback for 0. */
static const unit_scale time_scales[] = {
    { 1, "s" }, { 1e-3, "ms" }, { 1e-6, "us" }, { 1e-9, "ns" }
};
static const unit_scale energy_scales[] = {
    { 1, "J" }, { 1e-3, "mJ" }, { 1e-6, "uJ" }, { 1e-9, "nJ" }
};
static const unit_scale memory_scales[] = {
    { 1073741824.0, "GiB" }, { 1048576.0, "MiB" }, { 1024.0, "KiB" },
    { 1, "B" }
};

/* The unit that shows magnitude 'mag' of objective 'o' as a number of at
 * least 1 where it can (seconds stay seconds above 1 s, bytes bytes
 * below 1 KiB). */
static unit_scale
pick_scale(eo_objective o, double mag)
{
    const unit_scale *t = time_scales;
    size_t n = sizeof time_scales / sizeof *time_scales;
    if (o == EO_OBJ_ENERGY) {
        t = energy_scales;
        n = sizeof energy_scales / sizeof *energy_scales;
    } else if (o == EO_OBJ_MEMORY) {
        t = memory_scales;
        n = sizeof memory_scales / sizeof *memory_scales;
    }
    if (!(mag > 0) || !isfinite(mag)) {
        for (size_t i = 0; i < n; i++)
            if (t[i].f == 1)
                return t[i];
    }
    for (size_t i = 0; i < n; i++)
        if (mag >= t[i].f)
            return t[i];
    return t[n - 1];
}

/* Appends 'v' of objective 'o' in a readable unit ("1.234 ms"). */
static void
fmt_value(eo_strbuf *b, eo_objective o, double v)
{
    if (!isfinite(v)) {
        eo_strbuf_puts(b, "-");
        return;
    }
    unit_scale s = pick_scale(o, fabs(v));
    eo_strbuf_printf(b, "%.4g %s", v / s.f, s.u);
}

/* Appends a count with a decimal suffix ("1.2 M"). */
static void
fmt_count(eo_strbuf *b, double v)
{
    static const char *const sfx[] = { "", " k", " M", " G", " T" };
    if (!isfinite(v)) {
        eo_strbuf_puts(b, "-");
        return;
    }
    size_t i = 0;
    while (fabs(v) >= 1000 && i + 1 < sizeof sfx / sizeof *sfx) {
        v /= 1000;
        i++;
    }
    eo_strbuf_printf(b, i ? "%.3g%s" : "%.0f%s", v, sfx[i]);
}

/* ------------------------------------------------------------------ */
/* Escaping                                                            */
/* ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (n bytes left), 0 if invalid. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
    size_t len;
    uint32_t c;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xe0) == 0xc0) {
        len = 2;
        c = s[0] & 0x1f;
    } else if ((s[0] & 0xf0) == 0xe0) {
        len = 3;
        c = s[0] & 0x0f;
    } else if ((s[0] & 0xf8) == 0xf0) {
        len = 4;
        c = s[0] & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    static const uint32_t min[] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
        c == 0xfffe || c == 0xffff)
        return 0;
    return len;
}

/* Appends s as XML/HTML text or attribute content: markup characters as
 * entities, characters XML does not allow (control characters, invalid
 * UTF-8) as '?'. */
static void
xml_text(eo_strbuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    while (n) {
        size_t run = 0;
        /* Copy plain characters in runs. */
        while (run < n) {
            unsigned char c = p[run];
            if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' ||
                (c < 0x20 && c != '\n' && c != '\t') || c >= 0x80)
                break;
            run++;
        }
        eo_strbuf_append(b, (const char *)p, run);
        p += run;
        n -= run;
        if (!n)
            break;
        size_t len = 1;
        switch (*p) {
        case '&': eo_strbuf_puts(b, "&amp;"); break;
        case '<': eo_strbuf_puts(b, "&lt;"); break;
        case '>': eo_strbuf_puts(b, "&gt;"); break;
        case '"': eo_strbuf_puts(b, "&quot;"); break;
        case '\'': eo_strbuf_puts(b, "&#39;"); break;
        default:
            if (*p >= 0x80 && (len = utf8_len(p, n)) != 0) {
                eo_strbuf_append(b, (const char *)p, len);
            } else {
                len = 1;
                eo_strbuf_puts(b, "?");
            }
        }
        p += len;
        n -= len;
    }
}

/* Appends s as a JSON string (quotes included) that is also safe inside
 * an HTML <script> element: '<', '>' and '&' as \u escapes; invalid
 * UTF-8 as '?'. */
static void
json_str(eo_strbuf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);
    eo_strbuf_puts(b, "\"");
    while (n) {
        size_t len = 1;
        unsigned char c = *p;
        if (c == '"' || c == '\\')
            eo_strbuf_printf(b, "\\%c", c);
        else if (c == '\n')
            eo_strbuf_puts(b, "\\n");
        else if (c < 0x20 || c == '<' || c == '>' || c == '&')
            eo_strbuf_printf(b, "\\u%04x", c);
        else if (c < 0x80)
            eo_strbuf_append(b, (const char *)p, 1);
        else if ((len = utf8_len(p, n)) != 0)
            eo_strbuf_append(b, (const char *)p, len);
        else {
            len = 1;
            eo_strbuf_puts(b, "?");
        }
        p += len;
        n -= len;
    }
    eo_strbuf_puts(b, "\"");
}

/* Appends a JSON number, null when not finite. */
static void
json_num(eo_strbuf *b, double v)
{
    if (isfinite(v))
        eo_strbuf_printf(b, "%.17g", v);
    else
        eo_strbuf_puts(b, "null");
}

/* Appends JSON text printed by cJSON with '<', '>' and '&' (which only
 * occur inside its strings) as \u escapes, safe inside <script>. */
static void
json_raw_safe(eo_strbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '<' || *s == '>' || *s == '&')
            eo_strbuf_printf(b, "\\u%04x", (unsigned char)*s);
        else
            eo_strbuf_append(b, s, 1);
    }
}

/* ------------------------------------------------------------------ */
/* The report's view of a search result                                */
/* ------------------------------------------------------------------ */

typedef enum point_kind { PT_FAILED, PT_FEASIBLE, PT_INFEASIBLE } point_kind;

typedef struct report {
    eo_ctx *ctx;
    const eo_report_info *ri;
    const eo_search_result *res;
    const eo_space *space;
    size_t k, n, nd;
    eo_objective obj[EO_NUM_OBJECTIVES];
    unsigned char *kind;        /* point_kind per point */
    size_t *front_pos;          /* position in res->front, or SIZE_MAX */
    /* Front positions in table order: feasible points by objectives (in
     * order; ties: fewest knobs off their defaults, then position), then
     * the others; rank[j]: 1-based rank of front position j among the
     * feasible ones, 0 for an infeasible one. */
    size_t *order, *rank;
    size_t nfeas, ninfeas, nfail, nfront_feas;
    double lo[EO_NUM_OBJECTIVES], hi[EO_NUM_OBJECTIVES]; /* plottable */
    /* Convergence: after curve_x[i] evaluations the value was curve_y[i]
     * (normalized hypervolume; for one objective the best value). */
    double *curve_x, *curve_y;
    size_t ncurve;
    eo_strbuf tmp;              /* scratch for tooltips */
    eo_strbuf tmp2;
} report;

static const double *
point_obj(const report *R, size_t i)
{
    return R->res->obj + i * R->k;
}

static bool
plottable(const report *R, size_t i)
{
    return R->kind[i] != PT_FAILED;
}

static bool
on_front(const report *R, size_t i)
{
    return R->kind[i] == PT_FEASIBLE && R->front_pos[i] != SIZE_MAX;
}

/* Checks that 'ri' describes one consistent search; a diagnostic and
 * EO_ERROR when not. */
static eo_status
check_info(eo_ctx *ctx, const eo_report_info *ri)
{
    if (!ri || !ri->res || !ri->opts || !ri->space)
        return eo_emit_error(ctx, NULL, "report: needs a space, search "
                             "options and a search result");
    const eo_search_result *res = ri->res;
    const eo_search_opts *o = ri->opts;
    if (res->k < 1 || res->k > EO_NUM_OBJECTIVES ||
        res->k != o->num_objectives)
        return eo_emit_error(ctx, NULL, "report: the result has %zu "
                             "objectives, the options %zu (1 to 3 expected)",
                             res->k, o->num_objectives);
    for (size_t i = 0; i < res->k; i++)
        if ((unsigned)o->objectives[i] >= EO_NUM_OBJECTIVES)
            return eo_emit_error(ctx, NULL, "report: unknown objective %d",
                                 (int)o->objectives[i]);
    if (res->ndims != eo_space_num_dims(ri->space))
        return eo_emit_error(ctx, NULL, "report: the result has %zu "
                             "dimensions, the space %zu", res->ndims,
                             eo_space_num_dims(ri->space));
    if (res->count && (!res->obj || !res->viol ||
                       (res->ndims && !res->cands)))
        return eo_emit_error(ctx, NULL, "report: the result has no arrays");
    if (res->front_size && !res->front)
        return eo_emit_error(ctx, NULL, "report: the result has no front");
    for (size_t j = 0; j < res->front_size; j++)
        if (res->front[j] >= res->count)
            return eo_emit_error(ctx, NULL, "report: front point %zu is out "
                                 "of range (%zu points)", res->front[j],
                                 res->count);
    for (size_t i = 0; i < res->count; i++)
        for (size_t d = 0; d < res->ndims; d++)
            if (res->cands[i * res->ndims + d] >=
                eo_space_dim_size(ri->space, d))
                return eo_emit_error(ctx, NULL, "report: point %zu has "
                                     "value index %" PRIu32 " out of range "
                                     "for '%s'", i,
                                     res->cands[i * res->ndims + d],
                                     eo_space_dim_name(ri->space, d));
    return EO_OK;
}

static void report_fini(report *R);
static eo_status compute_curve(report *R);

/* A front position with what orders the table. */
typedef struct front_row {
    const double *obj;
    size_t k, knobs, pos;
    bool feasible;
} front_row;

static int
cmp_front_row(const void *a, const void *b)
{
    const front_row *p = a, *q = b;
    if (p->feasible != q->feasible)
        return p->feasible ? -1 : 1;
    /* Only feasible points have objectives that are all numbers. */
    for (size_t d = 0; d < p->k && p->feasible; d++)
        if (p->obj[d] != q->obj[d])
            return p->obj[d] < q->obj[d] ? -1 : 1;
    if (p->knobs != q->knobs)
        return p->knobs < q->knobs ? -1 : 1;
    return p->pos < q->pos ? -1 : p->pos > q->pos;
}

/* Fills R->order and R->rank (see struct report). */
static eo_status
rank_front(report *R)
{
    size_t nf = R->res->front_size, n1 = nf ? nf : 1;
    R->order = malloc(n1 * sizeof *R->order);
    R->rank = malloc(n1 * sizeof *R->rank);
    front_row *rows = malloc(n1 * sizeof *rows);
    if (!R->order || !R->rank || !rows) {
        free(rows);
        return EO_NOMEM;
    }
    for (size_t j = 0; j < nf; j++) {
        size_t i = R->res->front[j], knobs = 0;
        for (size_t d = 0; d < R->nd; d++)
            knobs += R->res->cands[i * R->nd + d] !=
                     eo_space_dim_default(R->space, d);
        rows[j] = (front_row){ point_obj(R, i), R->k, knobs, j,
                               R->kind[i] == PT_FEASIBLE };
    }
    qsort(rows, nf, sizeof *rows, cmp_front_row);
    for (size_t r = 0; r < nf; r++) {
        R->order[r] = rows[r].pos;
        R->rank[rows[r].pos] = rows[r].feasible ? r + 1 : 0;
    }
    free(rows);
    return EO_OK;
}

static eo_status
report_init(report *R, eo_ctx *ctx, const eo_report_info *ri)
{
    memset(R, 0, sizeof *R);
    eo_status st = check_info(ctx, ri);
    if (st != EO_OK)
        return st;
    R->ctx = ctx;
    R->ri = ri;
    R->res = ri->res;
    R->space = ri->space;
    R->k = ri->res->k;
    R->n = ri->res->count;
    R->nd = ri->res->ndims;
    for (size_t i = 0; i < R->k; i++)
        R->obj[i] = ri->opts->objectives[i];
    size_t n1 = R->n ? R->n : 1;
    R->kind = malloc(n1);
    R->front_pos = malloc(n1 * sizeof *R->front_pos);
    if (!R->kind || !R->front_pos) {
        report_fini(R);
        return EO_NOMEM;
    }
    for (size_t d = 0; d < R->k; d++) {
        R->lo[d] = INFINITY;
        R->hi[d] = -INFINITY;
    }
    for (size_t i = 0; i < R->n; i++) {
        const double *o = point_obj(R, i);
        bool finite = true;
        for (size_t d = 0; d < R->k; d++)
            finite = finite && isfinite(o[d]);
        double v = R->res->viol[i];
        if (!finite || isinf(v))
            R->kind[i] = PT_FAILED;
        else if (v == 0)
            R->kind[i] = PT_FEASIBLE;
        else
            R->kind[i] = PT_INFEASIBLE;
        R->front_pos[i] = SIZE_MAX;
        R->nfail += R->kind[i] == PT_FAILED;
        R->nfeas += R->kind[i] == PT_FEASIBLE;
        R->ninfeas += R->kind[i] == PT_INFEASIBLE;
        if (R->kind[i] == PT_FAILED)
            continue;
        for (size_t d = 0; d < R->k; d++) {
            R->lo[d] = fmin(R->lo[d], o[d]);
            R->hi[d] = fmax(R->hi[d], o[d]);
        }
    }
    for (size_t j = 0; j < R->res->front_size; j++) {
        size_t i = R->res->front[j];
        if (R->front_pos[i] == SIZE_MAX) {
            R->front_pos[i] = j;
            R->nfront_feas += R->kind[i] == PT_FEASIBLE;
        }
    }
    if ((st = rank_front(R)) != EO_OK || (st = compute_curve(R)) != EO_OK)
        report_fini(R);
    return st;
}

static void
report_fini(report *R)
{
    free(R->kind);
    free(R->front_pos);
    free(R->order);
    free(R->rank);
    free(R->curve_x);
    free(R->curve_y);
    eo_strbuf_free(&R->tmp);
    eo_strbuf_free(&R->tmp2);
    R->kind = NULL;
    R->front_pos = NULL;
    R->order = R->rank = NULL;
    R->curve_x = R->curve_y = NULL;
}

/* Appends the knobs of point i that differ from their defaults as
 * "name=value" items separated by 'sep' (at most 'limit' of them, then
 * "(+N more)"; 0: all); "(all at their defaults)" when none does. */
/* Knobs named in a mark's tooltip. */
#define TOOLTIP_KNOBS 12

static void
nondefault_knobs(report *R, size_t i, const char *sep, size_t limit,
                 eo_strbuf *out)
{
    const uint32_t *c = R->res->cands + i * R->nd;
    size_t shown = 0, more = 0;
    for (size_t d = 0; d < R->nd; d++) {
        if (c[d] == eo_space_dim_default(R->space, d))
            continue;
        if (limit && shown == limit) {
            more++;
            continue;
        }
        if (shown)
            eo_strbuf_puts(out, sep);
        eo_strbuf_printf(out, "%s=", eo_space_dim_name(R->space, d));
        eo_space_value_text(R->space, d, c[d], out);
        shown++;
    }
    if (more)
        eo_strbuf_printf(out, "%s(+%zu more)", sep, more);
    if (!shown)
        eo_strbuf_puts(out, "(all knobs at their defaults)");
}

/* Appends the (escaped) tooltip of point i: its number, objectives and
 * the knobs that differ from the defaults, one per line. */
static void
tooltip(report *R, size_t i, eo_strbuf *out)
{
    eo_strbuf *t = &R->tmp;
    t->len = 0;
    if (t->data)
        t->data[0] = '\0';
    eo_strbuf_printf(t, "evaluation #%zu", i + 1);
    if (on_front(R, i))
        eo_strbuf_printf(t, " (front, rank %zu)",
                         R->rank[R->front_pos[i]]);
    const double *o = point_obj(R, i);
    for (size_t d = 0; d < R->k; d++) {
        eo_strbuf_printf(t, "%s%s ", d ? ", " : "\n",
                         eo_objective_name(R->obj[d]));
        fmt_value(t, R->obj[d], o[d]);
    }
    if (R->kind[i] == PT_INFEASIBLE)
        eo_strbuf_printf(t, "\ninfeasible (constraint violation %.3g)",
                         R->res->viol[i]);
    eo_strbuf_puts(t, "\n");
    /* Tooltips stay small (a mark per point, a plot per objective
     * pair): the full assignment is in the table and the JSON block. */
    nondefault_knobs(R, i, "\n", TOOLTIP_KNOBS, t);
    if (!t->oom)
        xml_text(out, t->data);
    else
        out->oom = true;
}

/* ------------------------------------------------------------------ */
/* Convergence                                                         */
/* ------------------------------------------------------------------ */

/* Most hypervolume computations made for the convergence curve: the
 * running front is kept exactly, its hypervolume sampled at most this
 * many times (at the evaluations where it changed)... */
#define MAX_CURVE_SAMPLES 400
/* ...and more sparsely when the front is large: samples are spaced so
 * that their estimated total cost (m log m per 2-D hypervolume of m
 * points, m^2 log m per 3-D one) stays near this many steps (~1 s). The
 * last value is always exact. */
#define CURVE_WORK 2e8

static void
curve_push(report *R, double x, double y)
{
    R->curve_x[R->ncurve] = x;
    R->curve_y[R->ncurve] = y;
    R->ncurve++;
}

/* The convergence curve: for 2 or 3 objectives the hypervolume of the
 * feasible points seen so far, objectives normalized to [0,1] over all
 * feasible points, reference point 1.1 in each, divided by 1.1^k (so 1
 * would be a single point at the ideal); for one objective the best
 * feasible value so far. Kept monotone (rounding can otherwise make a
 * recomputed hypervolume a few ulps smaller). */
static eo_status
compute_curve(report *R)
{
    size_t cap = MAX_CURVE_SAMPLES + 2;
    R->curve_x = malloc(cap * sizeof *R->curve_x);
    R->curve_y = malloc(cap * sizeof *R->curve_y);
    if (!R->curve_x || !R->curve_y)
        return EO_NOMEM;
    R->ncurve = 0;
    if (R->nfeas == 0)
        return EO_OK;
    size_t k = R->k;
    size_t step = (R->n + MAX_CURVE_SAMPLES - 1) / MAX_CURVE_SAMPLES;
    if (step == 0)
        step = 1;
    if (k == 1) {
        double best = INFINITY;
        bool changed = false;
        for (size_t i = 0; i < R->n; i++) {
            if (R->kind[i] == PT_FEASIBLE && point_obj(R, i)[0] < best) {
                best = point_obj(R, i)[0];
                changed = true;
            }
            if (changed && ((i + 1) % step == 0 || i + 1 == R->n)) {
                curve_push(R, (double)(i + 1), best);
                changed = false;
            }
        }
        if (R->ncurve && R->curve_x[R->ncurve - 1] != (double)R->n)
            curve_push(R, (double)R->n, best);
        return EO_OK;
    }
    double *front = malloc(R->nfeas * k * sizeof *front);
    if (!front)
        return EO_NOMEM;
    double ref[EO_NUM_OBJECTIVES], scale[EO_NUM_OBJECTIVES];
    double lo[EO_NUM_OBJECTIVES], hi[EO_NUM_OBJECTIVES];
    for (size_t d = 0; d < k; d++) {
        lo[d] = INFINITY;
        hi[d] = -INFINITY;
    }
    for (size_t i = 0; i < R->n; i++)
        if (R->kind[i] == PT_FEASIBLE)
            for (size_t d = 0; d < k; d++) {
                lo[d] = fmin(lo[d], point_obj(R, i)[d]);
                hi[d] = fmax(hi[d], point_obj(R, i)[d]);
            }
    double full = 1;
    for (size_t d = 0; d < k; d++) {
        scale[d] = hi[d] > lo[d] ? 1 / (hi[d] - lo[d]) : 0;
        ref[d] = 1.1;
        full *= 1.1;
    }
    size_t m = 0, next = 0;
    bool changed = false;
    double last = 0;
    eo_status st = EO_OK;
    for (size_t i = 0; i < R->n && st == EO_OK; i++) {
        if (R->kind[i] == PT_FEASIBLE) {
            double p[EO_NUM_OBJECTIVES];
            for (size_t d = 0; d < k; d++)
                p[d] = (point_obj(R, i)[d] - lo[d]) * scale[d];
            /* Skip p when a front point is at least as good everywhere. */
            bool covered = false;
            for (size_t j = 0; j < m && !covered; j++) {
                covered = true;
                for (size_t d = 0; d < k; d++)
                    covered = covered && front[j * k + d] <= p[d];
            }
            if (!covered) {
                size_t w = 0;
                for (size_t j = 0; j < m; j++) {
                    bool dom = true;
                    for (size_t d = 0; d < k; d++)
                        dom = dom && p[d] <= front[j * k + d];
                    if (!dom)
                        memmove(front + w++ * k, front + j * k,
                                k * sizeof *front);
                }
                memcpy(front + w * k, p, k * sizeof *front);
                m = w + 1;
                changed = true;
            }
        }
        if (changed && ((i + 1 >= next && (i + 1) % step == 0) ||
                        i + 1 == R->n)) {
            double hv = 0;
            st = eo_pareto_hypervolume(R->ctx, front, m, k, ref, &hv);
            hv /= full;
            last = fmax(last, hv);
            curve_push(R, (double)(i + 1), last);
            changed = false;
            double mm = (double)m, lg = log2(mm + 2);
            double gap = (double)R->n * (k == 3 ? mm * mm * lg : mm * lg) /
                         CURVE_WORK;
            next = i + 1 + (size_t)fmin(gap, (double)R->n);
        }
    }
    if (st == EO_OK && R->ncurve && R->curve_x[R->ncurve - 1] != (double)R->n)
        curve_push(R, (double)R->n, last);
    free(front);
    return st;
}

/* ------------------------------------------------------------------ */
/* Plots                                                               */
/* ------------------------------------------------------------------ */

/* Panel geometry (SVG user units): width, height and margins. */
#define PW 400.0
#define PH 300.0
#define ML 70.0
#define MR 16.0
#define MT 14.0
#define MB 46.0
#define HEAD 30.0               /* title line above the panels */
#define FOOT 34.0               /* caption lines below them */

typedef struct axis {
    double lo, hi;              /* shown range, base units */
    unit_scale sc;              /* tick labels in this unit */
    const char *label;          /* "latency", "evaluation", ... */
} axis;

typedef struct frame {
    double x0, y0;              /* the panel's top-left corner */
    double w;                   /* its width (PW but for the curve) */
    axis ax, ay;
} frame;

/* An axis over data [lo, hi] (lo > hi: no data), with a 5% margin; an
 * axis of non-negative data does not go below 0. */
static axis
make_axis(double lo, double hi, unit_scale sc, const char *label)
{
    axis a = { .sc = sc, .label = label };
    if (!(lo <= hi) || !isfinite(lo) || !isfinite(hi) ||
        !isfinite(hi - lo)) {
        lo = 0;
        hi = 1;
    }
    bool nonneg = lo >= 0;
    double span = hi - lo;
    if (span <= 0) {
        span = lo != 0 ? fabs(lo) * 0.2 : 1;
        lo -= span / 2;
        hi += span / 2;
    } else {
        lo -= span * 0.05;
        hi += span * 0.05;
    }
    if (nonneg && lo < 0)
        lo = 0;
    a.lo = lo;
    a.hi = hi;
    return a;
}

static axis
objective_axis(const report *R, size_t d)
{
    double mag = fmax(fabs(R->lo[d]), fabs(R->hi[d]));
    return make_axis(R->lo[d], R->hi[d], pick_scale(R->obj[d], mag),
                     eo_objective_name(R->obj[d]));
}

static double
fx(const frame *f, double v)
{
    return f->x0 + ML + (v - f->ax.lo) / (f->ax.hi - f->ax.lo) *
           (f->w - ML - MR);
}

static double
fy(const frame *f, double v)
{
    return f->y0 + MT + (f->ay.hi - v) / (f->ay.hi - f->ay.lo) *
           (PH - MT - MB);
}

/* Tick positions of 'a': about five at 1, 2 or 5 times a power of ten of
 * its display unit; *first, *count and *decimals describe them. */
static double
tick_step(const axis *a, double *first, int *count, int *decimals)
{
    double lo = a->lo / a->sc.f, hi = a->hi / a->sc.f;
    double raw = (hi - lo) / 5;
    double e = floor(log10(raw));
    double m = raw / pow(10, e);
    double nm = m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10;
    if (nm == 10) {
        nm = 1;
        e += 1;
    }
    double step = nm * pow(10, e);
    double i0 = ceil(lo / step - 1e-9), i1 = floor(hi / step + 1e-9);
    *first = i0 * step;
    *count = i1 >= i0 ? (int)fmin(i1 - i0 + 1, 25) : 0;
    *decimals = e < 0 ? (int)fmin(-e, 12) : 0;
    return step;
}

/* The frame, grid, ticks, tick labels and axis labels of panel f. */
static void
draw_axes(eo_strbuf *b, const frame *f)
{
    double l = f->x0 + ML, r = f->x0 + f->w - MR;
    double t = f->y0 + MT, bo = f->y0 + PH - MB;
    eo_strbuf_printf(b, "<rect class=\"frame\" x=\"%.1f\" y=\"%.1f\" "
                     "width=\"%.1f\" height=\"%.1f\"/>\n", l, t, r - l,
                     bo - t);
    for (int dim = 0; dim < 2; dim++) {
        const axis *a = dim ? &f->ay : &f->ax;
        double first;
        int count, dec;
        double step = tick_step(a, &first, &count, &dec);
        for (int i = 0; i < count; i++) {
            double v = first + i * step;
            if (fabs(v) < step * 1e-9)
                v = 0;
            double base = v * a->sc.f;
            if (!dim) {
                double x = fx(f, base);
                eo_strbuf_printf(b, "<line class=\"grid\" x1=\"%.1f\" "
                                 "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                                 "<text class=\"tl\" x=\"%.1f\" y=\"%.1f\" "
                                 "text-anchor=\"middle\">%.*f</text>\n",
                                 x, t, x, bo, x, bo + 14, dec, v);
            } else {
                double y = fy(f, base);
                eo_strbuf_printf(b, "<line class=\"grid\" x1=\"%.1f\" "
                                 "y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                                 "<text class=\"tl\" x=\"%.1f\" y=\"%.1f\" "
                                 "text-anchor=\"end\">%.*f</text>\n",
                                 l, y, r, y, l - 5, y + 4, dec, v);
            }
        }
    }
    eo_strbuf_printf(b, "<text class=\"al\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"middle\">", (l + r) / 2, bo + 34);
    xml_text(b, f->ax.label);
    if (*f->ax.sc.u)
        eo_strbuf_printf(b, " (%s)", f->ax.sc.u);
    eo_strbuf_printf(b, "</text>\n<text class=\"al\" x=\"%.1f\" y=\"%.1f\" "
                     "text-anchor=\"middle\" transform=\"rotate(-90 %.1f "
                     "%.1f)\">", f->x0 + 16, (t + bo) / 2, f->x0 + 16,
                     (t + bo) / 2);
    xml_text(b, f->ay.label);
    if (*f->ay.sc.u)
        eo_strbuf_printf(b, " (%s)", f->ay.sc.u);
    eo_strbuf_puts(b, "</text>\n");
}

/* One mark: a grey circle (feasible), a larger highlighted circle (front)
 * or a cross (infeasible), with the point's tooltip. */
static void
draw_mark(report *R, eo_strbuf *b, size_t i, double x, double y)
{
    if (R->kind[i] == PT_INFEASIBLE) {
        eo_strbuf_printf(b, "<path class=\"pt infeasible\" data-i=\"%zu\" "
                         "d=\"M%.1f %.1fl6 6m0 -6l-6 6\">", i, x - 3, y - 3);
        eo_strbuf_puts(b, "<title>");
        tooltip(R, i, b);
        eo_strbuf_puts(b, "</title></path>\n");
        return;
    }
    bool fr = on_front(R, i);
    eo_strbuf_printf(b, "<circle class=\"pt%s\" data-i=\"%zu\" cx=\"%.1f\" "
                     "cy=\"%.1f\" r=\"%s\"><title>", fr ? " front" : "", i,
                     x, y, fr ? "4" : "2.5");
    tooltip(R, i, b);
    eo_strbuf_puts(b, "</title></circle>\n");
}

typedef struct xy {
    double x, y;
} xy;

static int
cmp_xy(const void *a, const void *b)
{
    const xy *p = a, *q = b;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    if (p->y != q->y)
        return p->y < q->y ? -1 : 1;
    return 0;
}

/* The staircase through the front points' projection onto objectives
 * (dx, dy): their 2-D non-dominated subset, from the top edge down to the
 * right edge. */
static eo_status
draw_staircase(report *R, eo_strbuf *b, const frame *f, size_t dx,
               size_t dy)
{
    size_t nf = R->res->front_size;
    if (!nf)
        return EO_OK;
    xy *p = malloc(nf * sizeof *p);
    if (!p)
        return EO_NOMEM;
    size_t m = 0;
    for (size_t j = 0; j < nf; j++) {
        size_t i = R->res->front[j];
        if (on_front(R, i) && R->front_pos[i] == j)
            p[m++] = (xy){ point_obj(R, i)[dx], point_obj(R, i)[dy] };
    }
    qsort(p, m, sizeof *p, cmp_xy);
    size_t w = 0;
    for (size_t j = 0; j < m; j++)
        if (w == 0 || p[j].y < p[w - 1].y)
            p[w++] = p[j];
    if (w) {
        eo_strbuf_printf(b, "<path class=\"stair\" d=\"M%.1f %.1fV%.1f",
                         fx(f, p[0].x), f->y0 + MT, fy(f, p[0].y));
        for (size_t j = 1; j < w; j++)
            eo_strbuf_printf(b, "H%.1fV%.1f", fx(f, p[j].x), fy(f, p[j].y));
        eo_strbuf_printf(b, "H%.1f\"/>\n", f->x0 + f->w - MR);
    }
    free(p);
    return EO_OK;
}

/* Panel of objective dy versus objective dx (dx == SIZE_MAX: versus the
 * evaluation number, with the best-so-far line). */
static eo_status
draw_panel(report *R, eo_strbuf *b, double x0, double y0, size_t dx,
           size_t dy)
{
    frame f = { .x0 = x0, .y0 = y0, .w = PW };
    unit_scale none = { 1, "" };
    f.ax = dx == SIZE_MAX ? make_axis(1, (double)(R->n ? R->n : 1), none,
                                      "evaluation")
                          : objective_axis(R, dx);
    f.ay = objective_axis(R, dy);
    eo_strbuf_printf(b, "<g class=\"panel\">\n");
    draw_axes(b, &f);
    if (R->n - R->nfail == 0)
        eo_strbuf_printf(b, "<text class=\"al\" x=\"%.1f\" y=\"%.1f\" "
                         "text-anchor=\"middle\">no plottable point</text>\n",
                         x0 + (PW + ML - MR) / 2, y0 + (PH + MT - MB) / 2);
    /* Other points first, then the front on top. */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (dx != SIZE_MAX) {
                eo_status st = draw_staircase(R, b, &f, dx, dy);
                if (st != EO_OK)
                    return st;
            } else if (R->ncurve) {
                /* The best value so far (the one-objective curve). */
                eo_strbuf_printf(b, "<path class=\"stair\" d=\"M%.1f %.1f",
                                 fx(&f, R->curve_x[0]),
                                 fy(&f, R->curve_y[0]));
                for (size_t j = 1; j < R->ncurve; j++)
                    eo_strbuf_printf(b, "H%.1fV%.1f", fx(&f, R->curve_x[j]),
                                     fy(&f, R->curve_y[j]));
                eo_strbuf_printf(b, "H%.1f\"/>\n", x0 + PW - MR);
            }
        }
        for (size_t i = 0; i < R->n; i++) {
            if (!plottable(R, i) || on_front(R, i) != (pass == 1))
                continue;
            const double *o = point_obj(R, i);
            double x = dx == SIZE_MAX ? fx(&f, (double)(i + 1))
                                      : fx(&f, o[dx]);
            draw_mark(R, b, i, x, fy(&f, o[dy]));
        }
    }
    eo_strbuf_puts(b, "</g>\n");
    return b->oom ? EO_NOMEM : EO_OK;
}

static const char plot_css[] =
    "svg.plot,svg.conv{font-family:sans-serif;font-size:11px;"
    "background:#fff}\n"
    ".frame{fill:none;stroke:#444;stroke-width:1}\n"
    ".grid{stroke:#e4e4e4;stroke-width:1}\n"
    ".tl{fill:#333}\n.al{fill:#111;font-size:12px}\n"
    ".hd{font-size:14px;font-weight:bold}\n.cap{fill:#444}\n"
    ".pt{fill:#9a9a9a;fill-opacity:0.7;stroke:none}\n"
    ".pt.front{fill:#d62728;fill-opacity:1;stroke:#7a0f10;stroke-width:1}\n"
    ".pt.infeasible{fill:none;stroke:#e08a00;stroke-width:1.2}\n"
    ".pt.hl{stroke:#1f5fbf;stroke-width:3}\n"
    ".stair{fill:none;stroke:#d62728;stroke-width:1.5}\n"
    ".curve{fill:none;stroke:#1f5fbf;stroke-width:2}\n";

/* Appends the caption, two lines at (x, y): what is shown and what was
 * left out. */
static void
caption(const report *R, eo_strbuf *b, double x, double y)
{
    eo_strbuf_printf(b, "<text class=\"cap\" x=\"%.1f\" y=\"%.1f\">%zu "
                     "evaluated: %zu feasible (grey), %zu on the front "
                     "(red)</text>\n<text class=\"cap\" x=\"%.1f\" "
                     "y=\"%.1f\">", x, y, R->n, R->nfeas, R->nfront_feas, x,
                     y + 14);
    if (R->ninfeas)
        eo_strbuf_printf(b, "%zu infeasible (orange crosses); ",
                         R->ninfeas);
    eo_strbuf_printf(b, "%zu failed, not plotted</text>\n", R->nfail);
}

/* Appends the <svg> element of the front plot(s); 'standalone' adds the
 * XML declaration, a title and the style sheet. */
static eo_status
write_plot_svg(report *R, eo_strbuf *b, bool standalone)
{
    size_t npanels = R->k == 3 ? 3 : 1;
    double w = PW * (double)npanels, h = HEAD + PH + FOOT;
    if (standalone)
        eo_strbuf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    eo_strbuf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "class=\"plot\" width=\"%.0f\" height=\"%.0f\" "
                     "viewBox=\"0 0 %.0f %.0f\">\n", w, h, w, h);
    const char *title = R->ri->title ? R->ri->title : "search";
    if (standalone) {
        eo_strbuf_puts(b, "<title>");
        xml_text(b, title);
        eo_strbuf_printf(b, "</title>\n<style>\n%s</style>\n", plot_css);
    }
    eo_strbuf_printf(b, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\""
                     " fill=\"#fff\"/>\n<text class=\"hd\" x=\"%.1f\" "
                     "y=\"20\">", w, h, ML);
    if (R->k == 1)
        eo_strbuf_printf(b, "%s per evaluation: ",
                         eo_objective_name(R->obj[0]));
    else
        eo_strbuf_puts(b, "Pareto front: ");
    xml_text(b, title);
    eo_strbuf_puts(b, "</text>\n");
    static const size_t pairs[3][2] = { { 0, 1 }, { 0, 2 }, { 1, 2 } };
    eo_status st = EO_OK;
    for (size_t p = 0; p < npanels && st == EO_OK; p++) {
        double x0 = PW * (double)p;
        if (R->k == 1)
            st = draw_panel(R, b, x0, HEAD, SIZE_MAX, 0);
        else
            st = draw_panel(R, b, x0, HEAD, pairs[p][0], pairs[p][1]);
    }
    caption(R, b, ML, HEAD + PH + 10);
    eo_strbuf_puts(b, "</svg>\n");
    if (st == EO_OK && b->oom)
        st = EO_NOMEM;
    return st;
}

/* Writes b to 'path'; a diagnostic naming the file on failure (the
 * partial file is removed). */
static eo_status
write_file(eo_ctx *ctx, const char *path, const eo_strbuf *b,
           const char *what)
{
    if (!path || !*path)
        return eo_emit_error(ctx, NULL, "%s: no file name", what);
    if (b->oom) {
        eo_emit_error(ctx, NULL, "%s '%s': out of memory", what, path);
        return EO_NOMEM;
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return eo_emit_error(ctx, NULL, "cannot write %s '%s': %s", what,
                             path, strerror(errno));
    size_t w = b->len ? fwrite(b->data, 1, b->len, f) : 0;
    int err = w != b->len || ferror(f) ? errno : 0;
    if (fclose(f) != 0 && !err)
        err = errno ? errno : EIO;
    if (w != b->len && !err)
        err = EIO;
    if (err) {
        remove(path);
        return eo_emit_error(ctx, NULL, "cannot write %s '%s': %s", what,
                             path, strerror(err));
    }
    return EO_OK;
}

eo_status
eo_report_write_svg(eo_ctx *ctx, const eo_report_info *ri, const char *path)
{
    report R;
    eo_status st = report_init(&R, ctx, ri);
    if (st != EO_OK)
        return st;
    eo_strbuf b = { 0 };
    st = write_plot_svg(&R, &b, true);
    if (st == EO_OK)
        st = write_file(ctx, path, &b, "SVG plot");
    eo_strbuf_free(&b);
    report_fini(&R);
    return st;
}

/* ------------------------------------------------------------------ */
/* HTML                                                                */
/* ------------------------------------------------------------------ */

static const char page_css[] =
    "body{font-family:sans-serif;margin:1.5em;color:#222;max-width:1300px}\n"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}\n"
    "table{border-collapse:collapse;margin:0.5em 0}\n"
    "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f2f2f2}td.num{text-align:right;white-space:nowrap}\n"
    "table.summary th{width:11em}\n"
    "code{font-size:0.9em;background:#f6f6f6;padding:0 3px;"
    "margin-right:4px;display:inline-block}\n"
    "tr.hl td{background:#e8f0fc}\n"
    ".bar{height:0.8em;background:#d62728;min-width:1px}\n"
    "td.share{width:160px}\n"
    "details{margin:0.4em 0}summary{cursor:pointer}\n"
    ".plots{overflow-x:auto}\n.note{color:#555}\n";

/* Vanilla JavaScript: checks the embedded data parses, then links each
 * point's marks (all panels) and its Pareto table row on hover. Marks
 * its completion in <body data-ready>. */
static const char page_js[] =
    "(function () {\n"
    "  'use strict';\n"
    "  var data = JSON.parse(document.getElementById('eo-data')"
    ".textContent);\n"
    "  function mark(i, on) {\n"
    "    var els = document.querySelectorAll('[data-i=\"' + i + '\"]');\n"
    "    for (var j = 0; j < els.length; j++)\n"
    "      els[j].classList.toggle('hl', on);\n"
    "  }\n"
    "  var all = document.querySelectorAll('[data-i]');\n"
    "  for (var j = 0; j < all.length; j++) {\n"
    "    (function (el) {\n"
    "      var i = el.getAttribute('data-i');\n"
    "      el.addEventListener('mouseenter', function () { mark(i, true); "
    "});\n"
    "      el.addEventListener('mouseleave', function () { mark(i, false); "
    "});\n"
    "    })(all[j]);\n"
    "  }\n"
    "  document.body.setAttribute('data-points', String(data.plottable));\n"
    "  document.body.setAttribute('data-ready', 'ok');\n"
    "})();\n";

/* Appends a "<td>" with objective value v. */
static void
td_value(eo_strbuf *b, eo_objective o, double v)
{
    eo_strbuf_puts(b, "<td class=\"num\">");
    fmt_value(b, o, v);
    eo_strbuf_puts(b, "</td>");
}

static void
html_summary(report *R, eo_strbuf *b)
{
    const eo_report_info *ri = R->ri;
    const eo_search_opts *o = ri->opts;
    struct {
        const char *k, *v;
    } rows[] = { { "model", ri->model }, { "target", ri->target },
                 { "algorithm", ri->algorithm } };
    eo_strbuf_puts(b, "<table class=\"summary\">\n");
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        eo_strbuf_printf(b, "<tr><th>%s</th><td>", rows[i].k);
        xml_text(b, rows[i].v ? rows[i].v : "-");
        eo_strbuf_puts(b, "</td></tr>\n");
    }
    eo_strbuf_printf(b, "<tr><th>seed</th><td>%" PRIu64 "</td></tr>\n"
                     "<tr><th>budget</th><td>", ri->seed);
    if (o->budget)
        eo_strbuf_printf(b, "%" PRIu64 " candidates", o->budget);
    else
        eo_strbuf_puts(b, "none");
    eo_strbuf_puts(b, "</td></tr>\n<tr><th>objectives</th><td>");
    for (size_t d = 0; d < R->k; d++) {
        eo_strbuf_printf(b, "%s%s (%s)", d ? ", " : "",
                         eo_objective_name(R->obj[d]),
                         eo_objective_unit(R->obj[d]));
        double lim = o->limit[R->obj[d]];
        if (lim > 0 && isfinite(lim)) {
            eo_strbuf_puts(b, " &le; ");
            fmt_value(b, R->obj[d], lim);
        }
    }
    eo_strbuf_printf(b, " (minimized)</td></tr>\n<tr><th>space</th><td>%zu "
                     "dimensions, ", R->nd);
    uint64_t size = eo_space_size(R->space);
    if (size == UINT64_MAX)
        eo_strbuf_puts(b, "&ge; 2<sup>64</sup> candidates");
    else
        eo_strbuf_printf(b, "%" PRIu64 " candidates", size);
    eo_strbuf_printf(b, "</td></tr>\n<tr><th>evaluations</th><td>%zu "
                     "looked at (%" PRIu64 " evaluated now, %" PRIu64
                     " from the database): %zu feasible, %zu infeasible, "
                     "%zu failed%s</td></tr>\n<tr><th>Pareto set</th>"
                     "<td>%zu point%s</td></tr>\n</table>\n", R->n,
                     R->res->evaluated, R->res->reused, R->nfeas,
                     R->ninfeas, R->nfail,
                     R->res->interrupted ? " (interrupted)" : "",
                     R->res->front_size, R->res->front_size == 1 ? "" : "s");
}

static eo_status
html_pareto(report *R, eo_strbuf *b)
{
    size_t nf = R->res->front_size;
    if (!nf) {
        eo_strbuf_puts(b, "<p class=\"note\">No point was evaluated "
                       "successfully: the Pareto set is empty.</p>\n");
        return EO_OK;
    }
    eo_strbuf_puts(b, "<table class=\"pareto\">\n<tr><th>rank</th>"
                   "<th>evaluation</th>");
    for (size_t d = 0; d < R->k; d++)
        eo_strbuf_printf(b, "<th>%s</th>", eo_objective_name(R->obj[d]));
    eo_strbuf_puts(b, "<th>knobs that differ from the defaults</th></tr>\n");
    for (size_t r = 0; r < nf; r++) {
        size_t j = R->order[r], i = R->res->front[j];
        eo_strbuf_printf(b, "<tr data-i=\"%zu\"><td>", i);
        if (R->rank[j])
            eo_strbuf_printf(b, "%zu", R->rank[j]);
        else
            eo_strbuf_puts(b, "infeasible");
        eo_strbuf_printf(b, "</td><td class=\"num\">#%zu</td>", i + 1);
        for (size_t d = 0; d < R->k; d++)
            td_value(b, R->obj[d], point_obj(R, i)[d]);
        eo_strbuf_puts(b, "<td>");
        R->tmp2.len = 0;
        if (R->tmp2.data)
            R->tmp2.data[0] = '\0';
        nondefault_knobs(R, i, "\n", 0, &R->tmp2);
        if (R->tmp2.oom)
            return EO_NOMEM;
        /* One <code> per knob. */
        char *s = R->tmp2.data;
        while (s && *s) {
            char *nl = strchr(s, '\n');
            if (nl)
                *nl = '\0';
            eo_strbuf_puts(b, "<code>");
            xml_text(b, s);
            eo_strbuf_puts(b, "</code>");
            s = nl ? nl + 1 : NULL;
        }
        eo_strbuf_puts(b, "</td></tr>\n");
    }
    eo_strbuf_puts(b, "</table>\n");
    return EO_OK;
}

static double
json_number(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static const char *
json_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : "";
}

/* The per-layer table of one cost report (eo_cost_report_json's
 * format). */
static void
html_layers_table(eo_strbuf *b, const cJSON *rep)
{
    const cJSON *layers = cJSON_GetObjectItemCaseSensitive(rep, "layers");
    double total = json_number(rep, "latency_s");
    if (!isfinite(total) || total <= 0) {
        total = 0;
        const cJSON *l;
        cJSON_ArrayForEach(l, layers) {
            double v = json_number(l, "latency_s");
            if (isfinite(v) && v > 0)
                total += v;
        }
    }
    eo_strbuf_puts(b, "<p>total: latency ");
    fmt_value(b, EO_OBJ_LATENCY, json_number(rep, "latency_s"));
    eo_strbuf_puts(b, ", energy ");
    fmt_value(b, EO_OBJ_ENERGY, json_number(rep, "energy_j"));
    eo_strbuf_puts(b, ", peak memory ");
    fmt_value(b, EO_OBJ_MEMORY, json_number(rep, "peak_memory_bytes"));
    eo_strbuf_puts(b, ", weights ");
    fmt_value(b, EO_OBJ_MEMORY, json_number(rep, "weight_bytes"));
    eo_strbuf_puts(b, ", MACs ");
    fmt_count(b, json_number(rep, "macs"));
    eo_strbuf_puts(b, "</p>\n");
    if (!cJSON_IsArray(layers) || !cJSON_GetArraySize(layers)) {
        eo_strbuf_puts(b, "<p class=\"note\">No layers listed.</p>\n");
        return;
    }
    eo_strbuf_puts(b, "<table class=\"layers\">\n<tr><th>layer</th>"
                   "<th>unit</th><th>latency</th><th>share of latency</th>"
                   "<th>energy</th><th>MACs</th></tr>\n");
    const cJSON *l;
    cJSON_ArrayForEach(l, layers) {
        double lat = json_number(l, "latency_s");
        eo_strbuf_puts(b, "<tr><td>");
        xml_text(b, json_string(l, "name"));
        eo_strbuf_puts(b, "</td><td>");
        xml_text(b, json_string(l, "unit"));
        eo_strbuf_puts(b, "</td>");
        td_value(b, EO_OBJ_LATENCY, lat);
        double share = total > 0 && isfinite(lat) && lat > 0
                           ? fmin(100 * lat / total, 100) : 0;
        eo_strbuf_printf(b, "<td class=\"share\"><div class=\"bar\" "
                         "style=\"width:%.1f%%\" title=\"%.1f%%\"></div>"
                         "</td>", share, share);
        td_value(b, EO_OBJ_ENERGY, json_number(l, "energy_j"));
        eo_strbuf_puts(b, "<td class=\"num\">");
        fmt_count(b, json_number(l, "macs"));
        eo_strbuf_puts(b, "</td></tr>\n");
    }
    eo_strbuf_puts(b, "</table>\n");
}

static void
html_breakdown(report *R, eo_strbuf *b, cJSON *const *parsed)
{
    size_t nf = R->res->front_size;
    bool any = false;
    for (size_t j = 0; j < nf; j++)
        any = any || (R->ri->layers && R->ri->layers[j]);
    if (!any) {
        eo_strbuf_puts(b, "<p class=\"note\">No per-layer report was "
                       "recorded for the front points.</p>\n");
        return;
    }
    for (size_t r = 0; r < nf; r++) {
        size_t j = R->order[r], i = R->res->front[j];
        eo_strbuf_printf(b, "<details%s data-i=\"%zu\"><summary>",
                         r == 0 ? " open" : "", i);
        if (R->rank[j])
            eo_strbuf_printf(b, "rank %zu", R->rank[j]);
        else
            eo_strbuf_puts(b, "infeasible");
        eo_strbuf_printf(b, " (evaluation #%zu):", i + 1);
        for (size_t d = 0; d < R->k; d++) {
            eo_strbuf_printf(b, " %s ", eo_objective_name(R->obj[d]));
            fmt_value(b, R->obj[d], point_obj(R, i)[d]);
        }
        eo_strbuf_puts(b, "</summary>\n");
        if (!R->ri->layers || !R->ri->layers[j])
            eo_strbuf_puts(b, "<p class=\"note\">No per-layer report.</p>\n");
        else if (!parsed[j])
            eo_strbuf_puts(b, "<p class=\"note\">The per-layer report is not "
                           "valid JSON.</p>\n");
        else
            html_layers_table(b, parsed[j]);
        eo_strbuf_puts(b, "</details>\n");
    }
}

/* The convergence plot: the curve as steps from 0 evaluations. */
static void
html_convergence(report *R, eo_strbuf *b)
{
    if (!R->ncurve) {
        eo_strbuf_puts(b, "<p class=\"note\">No feasible point: no "
                       "convergence curve.</p>\n");
        return;
    }
    frame f = { .x0 = 0, .y0 = 0, .w = PW * 1.5 };
    unit_scale none = { 1, "" };
    f.ax = make_axis(0, (double)R->n, none, "evaluations");
    if (R->k == 1) {
        double lo = R->curve_y[R->ncurve - 1], hi = R->curve_y[0];
        f.ay = make_axis(lo, hi, pick_scale(R->obj[0], fmax(fabs(lo),
                                                          fabs(hi))),
                         R->obj[0] == EO_OBJ_LATENCY  ? "best latency"
                         : R->obj[0] == EO_OBJ_ENERGY ? "best energy"
                                                      : "best memory");
    } else {
        f.ay = make_axis(0, 1, none, "normalized hypervolume");
    }
    eo_strbuf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "class=\"conv\" width=\"%.0f\" height=\"%.0f\" "
                     "viewBox=\"0 0 %.0f %.0f\">\n", PW * 1.5, PH, PW * 1.5,
                     PH);
    draw_axes(b, &f);
    double y0 = R->k == 1 ? R->curve_y[0] : 0;
    eo_strbuf_printf(b, "<path class=\"curve\" d=\"M%.1f %.1f",
                     fx(&f, R->k == 1 ? R->curve_x[0] : 0), fy(&f, y0));
    for (size_t j = 0; j < R->ncurve; j++)
        eo_strbuf_printf(b, "H%.1fV%.1f", fx(&f, R->curve_x[j]),
                         fy(&f, R->curve_y[j]));
    eo_strbuf_puts(b, "\"/>\n</svg>\n");
    if (R->k == 1)
        eo_strbuf_printf(b, "<p class=\"note\">Best feasible %s after each "
                         "number of evaluations.</p>\n",
                         eo_objective_name(R->obj[0]));
    else
        eo_strbuf_printf(b, "<p class=\"note\">Hypervolume of the feasible "
                         "points found so far, objectives normalized to "
                         "[0,1] over all feasible points, reference point "
                         "1.1 in each, divided by 1.1<sup>%zu</sup>; final "
                         "%.4f.</p>\n", R->k, R->curve_y[R->ncurve - 1]);
}

/* The data as JSON: the run, the objectives, every point, the front, the
 * convergence curve and the per-layer reports. */
static eo_status
html_json(report *R, eo_strbuf *b, cJSON *const *parsed)
{
    const eo_report_info *ri = R->ri;
    eo_strbuf_puts(b, "{\"title\":");
    json_str(b, ri->title);
    eo_strbuf_puts(b, ",\"model\":");
    json_str(b, ri->model);
    eo_strbuf_puts(b, ",\"target\":");
    json_str(b, ri->target);
    eo_strbuf_puts(b, ",\"algorithm\":");
    json_str(b, ri->algorithm);
    eo_strbuf_printf(b, ",\"seed\":\"%" PRIu64 "\",\"budget\":%" PRIu64
                     ",\"objectives\":[", ri->seed, ri->opts->budget);
    for (size_t d = 0; d < R->k; d++) {
        eo_strbuf_printf(b, "%s{\"name\":\"%s\",\"unit\":\"%s\",\"limit\":",
                         d ? "," : "", eo_objective_name(R->obj[d]),
                         eo_objective_unit(R->obj[d]));
        double lim = ri->opts->limit[R->obj[d]];
        json_num(b, lim > 0 ? lim : NAN);
        eo_strbuf_puts(b, "}");
    }
    eo_strbuf_puts(b, "],\"dims\":[");
    for (size_t d = 0; d < R->nd; d++) {
        if (d)
            eo_strbuf_puts(b, ",");
        json_str(b, eo_space_dim_name(R->space, d));
    }
    eo_strbuf_printf(b, "],\"plottable\":%zu,\"points\":[",
                     R->n - R->nfail);
    static const char *const kinds[] = { "failed", "feasible", "infeasible" };
    for (size_t i = 0; i < R->n; i++) {
        eo_strbuf_printf(b, "%s{\"i\":%zu,\"status\":\"%s\",\"obj\":",
                         i ? ",\n" : "\n", i, kinds[R->kind[i]]);
        if (R->kind[i] == PT_FAILED) {
            eo_strbuf_puts(b, "null");
        } else {
            eo_strbuf_puts(b, "[");
            for (size_t d = 0; d < R->k; d++) {
                if (d)
                    eo_strbuf_puts(b, ",");
                json_num(b, point_obj(R, i)[d]);
            }
            eo_strbuf_puts(b, "]");
        }
        eo_strbuf_puts(b, ",\"viol\":");
        json_num(b, R->res->viol[i]);
        /* The assignment of front points (of every point it would make
         * reports of thousands of points with hundreds of knobs huge). */
        eo_strbuf_puts(b, ",\"assignment\":");
        if (!on_front(R, i)) {
            eo_strbuf_puts(b, "null}");
            continue;
        }
        R->tmp.len = 0;
        if (R->tmp.data)
            R->tmp.data[0] = '\0';
        eo_status st = eo_space_format(R->space, R->res->cands + i * R->nd,
                                       &R->tmp);
        if (st != EO_OK)
            return st;
        json_str(b, R->tmp.data);
        eo_strbuf_puts(b, "}");
    }
    eo_strbuf_puts(b, "],\n\"front\":[");
    for (size_t j = 0; j < R->res->front_size; j++)
        eo_strbuf_printf(b, "%s%zu", j ? "," : "", R->res->front[j]);
    eo_strbuf_printf(b, "],\n\"convergence\":{\"metric\":\"%s\",\"points\":[",
                     R->k == 1 ? "best" : "normalized hypervolume");
    for (size_t j = 0; j < R->ncurve; j++) {
        eo_strbuf_printf(b, "%s[%.0f,", j ? "," : "", R->curve_x[j]);
        json_num(b, R->curve_y[j]);
        eo_strbuf_puts(b, "]");
    }
    eo_strbuf_puts(b, "]},\n\"layers\":[");
    for (size_t j = 0; j < R->res->front_size; j++) {
        if (j)
            eo_strbuf_puts(b, ",");
        char *txt = parsed[j] ? cJSON_PrintUnformatted(parsed[j]) : NULL;
        if (parsed[j] && !txt)
            return EO_NOMEM;
        if (txt)
            json_raw_safe(b, txt);
        else
            eo_strbuf_puts(b, "null");
        cJSON_free(txt);
    }
    eo_strbuf_puts(b, "]}\n");
    return b->oom ? EO_NOMEM : EO_OK;
}

static eo_status
write_html(report *R, eo_strbuf *b, cJSON *const *parsed)
{
    const char *title = R->ri->title ? R->ri->title : "search";
    eo_strbuf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n<meta name=\"generator\" "
                   "content=\"edge-opt explorer\">\n<title>");
    xml_text(b, title);
    eo_strbuf_printf(b, " - exploration report</title>\n<style>\n%s%s"
                     "</style>\n</head>\n<body>\n<h1>", page_css, plot_css);
    xml_text(b, title);
    eo_strbuf_puts(b, "</h1>\n");
    html_summary(R, b);
    eo_strbuf_printf(b, "<h2>%s</h2>\n<div class=\"plots\">\n",
                     R->k == 1 ? "Evaluated points" : "Pareto front");
    eo_status st = write_plot_svg(R, b, false);
    if (st != EO_OK)
        return st;
    eo_strbuf_puts(b, "</div>\n<p class=\"note\">Hover a point for its "
                   "objectives and knobs.</p>\n<h2>Pareto set</h2>\n");
    if ((st = html_pareto(R, b)) != EO_OK)
        return st;
    eo_strbuf_puts(b, "<h2>Per-layer breakdown of the front points</h2>\n");
    html_breakdown(R, b, parsed);
    eo_strbuf_puts(b, "<h2>Convergence</h2>\n");
    html_convergence(R, b);
    eo_strbuf_puts(b, "<script type=\"application/json\" id=\"eo-data\">\n");
    if ((st = html_json(R, b, parsed)) != EO_OK)
        return st;
    eo_strbuf_printf(b, "</script>\n<script>\n%s</script>\n</body>\n"
                     "</html>\n", page_js);
    return b->oom ? EO_NOMEM : EO_OK;
}

eo_status
eo_report_write_html(eo_ctx *ctx, const eo_report_info *ri, const char *path)
{
    report R;
    eo_status st = report_init(&R, ctx, ri);
    if (st != EO_OK)
        return st;
    size_t nf = R.res->front_size;
    cJSON **parsed = calloc(nf ? nf : 1, sizeof *parsed);
    if (!parsed) {
        report_fini(&R);
        return EO_NOMEM;
    }
    for (size_t j = 0; j < nf; j++) {
        const char *txt = ri->layers ? ri->layers[j] : NULL;
        if (!txt)
            continue;
        parsed[j] = cJSON_Parse(txt);
        if (!parsed[j])
            eo_emit_warning(ctx, NULL, "report: the per-layer report of "
                            "front point %zu (of res->front, from 0) is not "
                            "valid JSON; left out", j);
    }
    eo_strbuf b = { 0 };
    st = write_html(&R, &b, parsed);
    if (st == EO_OK)
        st = write_file(ctx, path, &b, "HTML report");
    eo_strbuf_free(&b);
    for (size_t j = 0; j < nf; j++)
        cJSON_Delete(parsed[j]);
    free(parsed);
    report_fini(&R);
    return st;
}

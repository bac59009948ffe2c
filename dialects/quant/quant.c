/* dialects/quant/quant.c - the quant dialect's types: MLIR 19's
 * !quant.uniform (per tensor and per axis), its parser and printer (the
 * spelling mlir-opt prints), and the accessors of quant.h. A type is a
 * registered dialect type "uniform" with eight parameters:
 *
 *   0 storage type (type attr, signless iN)   4 expressed type (type attr)
 *   1 signed (bool)                            5 axis (i64, -1 per tensor)
 *   2 storage min (i64)                        6 scales (array<f64>)
 *   3 storage max (i64)                        7 zero points (array<i64>)
 *
 * Parse errors use MLIR's messages and positions; a zero point outside the
 * storage range and a negative axis are errors here (MLIR accepts them).
 */
#include "dialects/quant/quant.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum {
    P_STORAGE, P_SIGNED, P_MIN, P_MAX, P_EXPRESSED, P_AXIS, P_SCALES,
    P_ZPS, P_NUM
};

/* Widest storage type (MLIR's QuantizedType::MaxStorageBits). */
#define MAX_STORAGE_BITS 32u

static int64_t
default_min(bool is_signed, unsigned bits)
{
    return is_signed ? -((int64_t)1 << (bits - 1)) : 0;
}

static int64_t
default_max(bool is_signed, unsigned bits)
{
    return is_signed ? ((int64_t)1 << (bits - 1)) - 1
                     : ((int64_t)1 << bits) - 1;
}

static bool
param_is(const eo_type *t, size_t i, eo_attr_kind k)
{
    return eo_attr_get_kind(eo_type_param(t, i)) == k;
}

/* The parameters have the layout above (a type built through
 * eo_type_get_dialect by hand may not). */
static bool
well_formed(const eo_type *t)
{
    if (!param_is(t, P_STORAGE, EO_ATTR_TYPE) ||
        !param_is(t, P_EXPRESSED, EO_ATTR_TYPE) ||
        !param_is(t, P_SIGNED, EO_ATTR_INTEGER) ||
        !param_is(t, P_MIN, EO_ATTR_INTEGER) ||
        !param_is(t, P_MAX, EO_ATTR_INTEGER) ||
        !param_is(t, P_AXIS, EO_ATTR_INTEGER) ||
        !param_is(t, P_SCALES, EO_ATTR_DENSE_ARRAY) ||
        !param_is(t, P_ZPS, EO_ATTR_DENSE_ARRAY))
        return false;
    const eo_attr *sc = eo_type_param(t, P_SCALES);
    const eo_attr *zp = eo_type_param(t, P_ZPS);
    const eo_type *st = eo_attr_type_value(eo_type_param(t, P_STORAGE));
    const eo_type *ex = eo_attr_type_value(eo_type_param(t, P_EXPRESSED));
    const eo_type *se = eo_attr_dense_array_elem(sc);
    return st && eo_type_is_int(st) && ex && eo_type_is_float(ex) &&
           eo_type_is_float(se) && eo_type_float_kind(se) == EO_F64 &&
           eo_type_is_signless_int(eo_attr_dense_array_elem(zp), 64) &&
           eo_attr_dense_array_size(sc) == eo_attr_dense_array_size(zp) &&
           eo_attr_dense_array_size(sc) > 0;
}

bool
eo_type_is_quant(const eo_type *t)
{
    if (!t || eo_type_get_kind(t) != EO_TYPE_DIALECT)
        return false;
    return strcmp(eo_ident_str(eo_type_dialect_name(t)), "quant") == 0 &&
           strcmp(eo_ident_str(eo_type_mnemonic(t)), "uniform") == 0 &&
           eo_type_num_params(t) == P_NUM && well_formed(t);
}

bool
eo_quant_get_params(const eo_type *t, eo_quant_params *out)
{
    if (!eo_type_is_quant(t))
        return false;
    const eo_type *st = eo_attr_type_value(eo_type_param(t, P_STORAGE));
    const eo_attr *sc = eo_type_param(t, P_SCALES);
    memset(out, 0, sizeof(*out));
    out->is_signed = eo_attr_int_value(eo_type_param(t, P_SIGNED)) != 0;
    out->storage_bits = eo_type_int_width(st);
    out->storage_min = eo_attr_int_value(eo_type_param(t, P_MIN));
    out->storage_max = eo_attr_int_value(eo_type_param(t, P_MAX));
    out->expressed = eo_attr_type_value(eo_type_param(t, P_EXPRESSED));
    out->axis = (int32_t)eo_attr_int_value(eo_type_param(t, P_AXIS));
    out->num_scales = eo_attr_dense_array_size(sc);
    out->scales = eo_attr_dense_array_data(sc);
    out->zero_points = eo_attr_dense_array_data(eo_type_param(t, P_ZPS));
    return true;
}

const eo_type *
eo_quant_storage_type(const eo_type *t)
{
    if (!eo_type_is_quant(t))
        return t;
    return eo_attr_type_value(eo_type_param(t, P_STORAGE));
}

/* Why 'p' is not a valid uniform type, or NULL if it is. */
static const char *
invalid_reason(const eo_quant_params *p)
{
    if (p->storage_bits < 1 || p->storage_bits > MAX_STORAGE_BITS)
        return "illegal storage type size";
    if (p->storage_min >= p->storage_max ||
        p->storage_min < default_min(p->is_signed, p->storage_bits) ||
        p->storage_max > default_max(p->is_signed, p->storage_bits))
        return "illegal storage min and storage max";
    if (!p->expressed || !eo_type_is_float(p->expressed))
        return "expressed type must be floating point";
    if (p->axis < -1)
        return "illegal quantized dimension";
    if (p->num_scales == 0 || (p->axis == -1 && p->num_scales != 1) ||
        !p->scales || !p->zero_points)
        return "wrong number of scales";
    for (size_t i = 0; i < p->num_scales; i++) {
        if (!(p->scales[i] > 0) || !isfinite(p->scales[i]))
            return "illegal scale";
        if (p->zero_points[i] < p->storage_min ||
            p->zero_points[i] > p->storage_max)
            return "illegal zero point";
    }
    return NULL;
}

const eo_type *
eo_quant_get_uniform(eo_ctx *ctx, const eo_quant_params *p)
{
    if (!ctx || !p || invalid_reason(p))
        return NULL;
    const eo_type *storage = eo_type_get_int(ctx, p->storage_bits);
    const eo_type *i64 = eo_type_get_int(ctx, 64);
    const eo_type *f64 = eo_type_get_float(ctx, EO_F64);
    if (!storage || !i64 || !f64)
        return NULL;
    const eo_attr *params[P_NUM] = {
        [P_STORAGE] = eo_attr_get_type(ctx, storage),
        [P_SIGNED] = eo_attr_get_bool(ctx, p->is_signed),
        [P_MIN] = eo_attr_get_int(ctx, i64, p->storage_min),
        [P_MAX] = eo_attr_get_int(ctx, i64, p->storage_max),
        [P_EXPRESSED] = eo_attr_get_type(ctx, p->expressed),
        [P_AXIS] = eo_attr_get_int(ctx, i64, p->axis),
        [P_SCALES] = eo_attr_get_dense_array(ctx, f64, p->num_scales,
                                             p->scales),
        [P_ZPS] = eo_attr_get_dense_array(ctx, i64, p->num_scales,
                                          p->zero_points),
    };
    for (size_t i = 0; i < P_NUM; i++)
        if (!params[i])
            return NULL;
    const eo_ident *d = eo_ident_cstr(ctx, "quant");
    const eo_ident *mn = eo_ident_cstr(ctx, "uniform");
    if (!d || !mn)
        return NULL;
    return eo_type_get_dialect(ctx, d, mn, P_NUM, params);
}

/* ------------------------------------------------------------------ */
/* Syntax                                                              */
/* ------------------------------------------------------------------ */

/* A growable pair of arrays for the (scale, zero point) list. */
typedef struct qlist {
    eo_ctx *ctx;
    double *scales;
    int64_t *zps;
    size_t n, cap;
} qlist;

static bool
qlist_push(qlist *l, double s, int64_t zp)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 8;
        double *ns = eo_ctx_alloc(l->ctx, cap * sizeof(double));
        int64_t *nz = eo_ctx_alloc(l->ctx, cap * sizeof(int64_t));
        if (!ns || !nz) {
            if (ns)
                eo_ctx_free(l->ctx, ns, cap * sizeof(double));
            if (nz)
                eo_ctx_free(l->ctx, nz, cap * sizeof(int64_t));
            return false;
        }
        if (l->n) {
            memcpy(ns, l->scales, l->n * sizeof(double));
            memcpy(nz, l->zps, l->n * sizeof(int64_t));
            eo_ctx_free(l->ctx, l->scales, l->cap * sizeof(double));
            eo_ctx_free(l->ctx, l->zps, l->cap * sizeof(int64_t));
        }
        l->scales = ns;
        l->zps = nz;
        l->cap = cap;
    }
    l->scales[l->n] = s;
    l->zps[l->n] = zp;
    l->n++;
    return true;
}

static void
qlist_free(qlist *l)
{
    if (l->cap) {
        eo_ctx_free(l->ctx, l->scales, l->cap * sizeof(double));
        eo_ctx_free(l->ctx, l->zps, l->cap * sizeof(int64_t));
    }
}

/* "i8", "si8", "ui8" (types) or "u8" (a keyword). */
static eo_status
parse_storage(eo_parser *p, unsigned *bits, bool *is_signed)
{
    const eo_loc *at = eo_parser_loc(p);
    if (eo_parser_at_type(p)) {
        const eo_type *t;
        if (eo_parse_type(p, &t) != EO_OK)
            return EO_ERROR;
        if (!eo_type_is_int(t))
            return eo_parser_error_loc(p, at, "invalid kind of type "
                                       "specified");
        *bits = eo_type_int_width(t);
        *is_signed = eo_type_int_signedness(t) != EO_UNSIGNED;
    } else {
        const eo_ident *kw;
        if (eo_parse_keyword(p, &kw) != EO_OK)
            return EO_ERROR;
        const char *s = eo_ident_str(kw);
        if (s[0] != 'u')
            return eo_parser_error_loc(p, at, "illegal storage type prefix");
        unsigned long w = 0;
        size_t i = 1;
        for (; s[i] >= '0' && s[i] <= '9' && w < 100000; i++)
            w = w * 10 + (unsigned long)(s[i] - '0');
        if (i == 1 || s[i])
            return eo_parser_error_loc(p, at, "expected storage type width");
        *bits = (unsigned)w;
        *is_signed = false;
    }
    if (*bits == 0 || *bits > MAX_STORAGE_BITS)
        return eo_parser_error_loc(p, at, "illegal storage type size: %u",
                                   *bits);
    return EO_OK;
}

/* A scale: a float literal (or hex bits), as MLIR's parseFloat. */
static eo_status
parse_scale(eo_parser *p, double *out)
{
    const eo_type *f64 = eo_type_get_float(eo_parser_ctx(p), EO_F64);
    const eo_loc *at = eo_parser_loc(p);
    const eo_attr *a;
    if (!f64)
        return eo_parser_error(p, "out of memory");
    if (eo_parser_at_keyword(p, "inf") || eo_parser_at_keyword(p, "nan") ||
        eo_parser_at_operand(p) || eo_parse_optional_punct(p, "{") ||
        eo_parse_optional_punct(p, "}") || eo_parse_optional_punct(p, "["))
        return eo_parser_error_loc(p, at, "expected floating point literal");
    if (eo_parse_attr(p, f64, &a) != EO_OK)
        return EO_ERROR;
    if (eo_attr_get_kind(a) != EO_ATTR_FLOAT)
        return eo_parser_error_loc(p, at, "expected floating point literal");
    *out = eo_attr_float_value(a);
    return EO_OK;
}

/* Called after "!quant."; the mnemonic is next. */
static const eo_type *
parse_type(eo_parser *p)
{
    eo_ctx *ctx = eo_parser_ctx(p);
    const eo_loc *type_loc = eo_parser_loc(p);
    const eo_ident *mn;
    if (eo_parse_keyword(p, &mn) != EO_OK)
        return NULL;
    if (strcmp(eo_ident_str(mn), "uniform") != 0) {
        eo_parser_error_loc(p, type_loc, "unknown quantized type %s",
                            eo_ident_str(mn));
        return NULL;
    }
    eo_quant_params q;
    memset(&q, 0, sizeof(q));
    q.axis = -1;
    if (eo_parse_punct(p, "<") != EO_OK ||
        parse_storage(p, &q.storage_bits, &q.is_signed) != EO_OK)
        return NULL;
    q.storage_min = default_min(q.is_signed, q.storage_bits);
    q.storage_max = default_max(q.is_signed, q.storage_bits);
    if (eo_parse_optional_punct(p, "<")) {
        const eo_loc *min_loc = eo_parser_loc(p), *max_loc;
        int64_t lo, hi;
        if (eo_parse_integer(p, &lo) != EO_OK ||
            eo_parse_punct(p, ":") != EO_OK)
            return NULL;
        max_loc = eo_parser_loc(p);
        if (eo_parse_integer(p, &hi) != EO_OK ||
            eo_parse_punct(p, ">") != EO_OK)
            return NULL;
        if (lo < q.storage_min) {
            eo_parser_error_loc(p, min_loc, "illegal storage type minimum: "
                                "%lld", (long long)lo);
            return NULL;
        }
        if (hi > q.storage_max) {
            eo_parser_error_loc(p, max_loc, "illegal storage type maximum: "
                                "%lld", (long long)hi);
            return NULL;
        }
        q.storage_min = lo;
        q.storage_max = hi;
    }
    if (eo_parse_punct(p, ":") != EO_OK)
        return NULL;
    const eo_loc *exp_loc = eo_parser_loc(p);
    if (eo_parse_type(p, &q.expressed) != EO_OK)
        return NULL;
    if (!eo_type_is_float(q.expressed)) {
        eo_parser_error_loc(p, exp_loc, "invalid kind of type specified");
        return NULL;
    }
    bool per_axis = false;
    if (eo_parse_optional_punct(p, ":")) {
        const eo_loc *axis_loc = eo_parser_loc(p);
        int64_t axis;
        if (eo_parse_integer(p, &axis) != EO_OK)
            return NULL;
        if (axis < 0 || axis > INT32_MAX) {
            eo_parser_error_loc(p, axis_loc, "illegal quantized dimension: "
                                "%lld", (long long)axis);
            return NULL;
        }
        q.axis = (int32_t)axis;
        per_axis = true;
    }
    if (eo_parse_punct(p, ",") != EO_OK ||
        (per_axis && eo_parse_punct(p, "{") != EO_OK))
        return NULL;
    qlist l = {.ctx = ctx};
    const eo_type *res = NULL;
    do {
        const eo_loc *zp_loc;
        double s = 0;
        int64_t zp = 0;
        if (parse_scale(p, &s) != EO_OK)
            goto out;
        if (eo_parse_optional_punct(p, ":")) {
            zp_loc = eo_parser_loc(p);
            if (eo_parse_integer(p, &zp) != EO_OK)
                goto out;
            if (zp < q.storage_min || zp > q.storage_max) {
                eo_parser_error_loc(p, zp_loc, "illegal zero point: %lld "
                                    "(outside the storage range "
                                    "[%lld:%lld])", (long long)zp,
                                    (long long)q.storage_min,
                                    (long long)q.storage_max);
                goto out;
            }
        }
        if (!qlist_push(&l, s, zp)) {
            eo_parser_error(p, "out of memory");
            goto out;
        }
    } while (per_axis && eo_parse_optional_punct(p, ","));
    if ((per_axis && eo_parse_punct(p, "}") != EO_OK) ||
        eo_parse_punct(p, ">") != EO_OK)
        goto out;
    if (q.storage_min >= q.storage_max) {
        eo_parser_error_loc(p, type_loc, "illegal storage min and storage "
                            "max: (%lld:%lld)", (long long)q.storage_min,
                            (long long)q.storage_max);
        goto out;
    }
    for (size_t i = 0; i < l.n; i++) {
        if (!(l.scales[i] > 0) || !isfinite(l.scales[i])) {
            /* llvm::raw_ostream's spelling of a double. */
            char buf[64];
            double v = l.scales[i];
            if (isnan(v))
                snprintf(buf, sizeof buf, "nan");
            else if (isinf(v))
                snprintf(buf, sizeof buf, "%sINF", v < 0 ? "-" : "");
            else
                snprintf(buf, sizeof buf, "%e", v);
            eo_parser_error_loc(p, type_loc, "illegal scale: %s", buf);
            goto out;
        }
    }
    q.num_scales = l.n;
    q.scales = l.scales;
    q.zero_points = l.zps;
    res = eo_quant_get_uniform(ctx, &q);
    if (!res)
        eo_parser_error(p, "out of memory");
out:
    qlist_free(&l);
    return res;
}

/* One "scale[:zp]" as MLIR prints it (zero points 0 left out). */
static void
print_scale_zp(eo_printer *p, eo_ctx *ctx, double s, int64_t zp)
{
    const eo_attr *a = eo_attr_get_float(ctx, eo_type_get_float(ctx, EO_F64),
                                         s);
    if (a)
        eo_print_attr_no_type(p, a);
    else
        eo_print_str(p, "<<NULL ATTRIBUTE>>");
    if (zp != 0)
        eo_print_fmt(p, ":%lld", (long long)zp);
}

/* Prints what follows "!quant.". */
static void
print_type(eo_printer *p, const eo_type *t)
{
    eo_quant_params q;
    if (!eo_quant_get_params(t, &q)) {
        /* Not one of ours (built by hand with other parameters). */
        eo_print_str(p, eo_ident_str(eo_type_mnemonic(t)));
        eo_print_str(p, "<");
        for (size_t i = 0; i < eo_type_num_params(t); i++) {
            if (i)
                eo_print_str(p, ", ");
            eo_print_attr(p, eo_type_param(t, i));
        }
        eo_print_str(p, ">");
        return;
    }
    eo_ctx *ctx = eo_type_ctx(t);
    eo_print_fmt(p, "uniform<%c%u", q.is_signed ? 'i' : 'u', q.storage_bits);
    if (q.storage_min != default_min(q.is_signed, q.storage_bits) ||
        q.storage_max != default_max(q.is_signed, q.storage_bits))
        eo_print_fmt(p, "<%lld:%lld>", (long long)q.storage_min,
                     (long long)q.storage_max);
    eo_print_str(p, ":");
    eo_print_type(p, q.expressed);
    if (q.axis >= 0) {
        eo_print_fmt(p, ":%d, {", (int)q.axis);
        for (size_t i = 0; i < q.num_scales; i++) {
            if (i)
                eo_print_str(p, ",");
            print_scale_zp(p, ctx, q.scales[i], q.zero_points[i]);
        }
        eo_print_str(p, "}>");
        return;
    }
    eo_print_str(p, ", ");
    print_scale_zp(p, ctx, q.scales[0], q.zero_points[0]);
    eo_print_str(p, ">");
}

static const eo_dialect_desc quant_desc = {
    .name = "quant",
    .parse_type = parse_type,
    .print_type = print_type,
};

eo_status
eo_quant_register(eo_ctx *ctx)
{
    return eo_dialect_register_desc(ctx, &quant_desc);
}

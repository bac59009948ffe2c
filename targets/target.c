/* targets/target.c - loading, validating, printing, copying and editing
 * target descriptions. Everything walks the schema tables of schema.c:
 *
 *   file -> cJSON -> load_obj (keys, types, ranges) -> detect (host)
 *        -> check_target (cross-field rules) -> derive (IMC energies)
 *
 * Diagnostics are "file:line:col: error: json.path: message"; positions
 * come from json_pos.c. Without a file position (variants) they read
 * "file: json.path: message" at an unknown location.
 */
#include "targets/targets.h"
#include "targets/internal.h"
#include "ir/ir.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

typedef struct chk {
    eo_ctx *ctx;
    const char *file;           /* name in diagnostics */
    const char *text;           /* NULL: no positions */
    size_t len;
    const cJSON *root;
    eo_jpos *pos;
    size_t npos;
    int errors;
    bool oom;
} chk;

/* A JSON path being built: "memory[2].size_bytes". */
typedef struct path {
    char s[512];
    size_t n;
} path;

static size_t
path_push_key(path *p, const char *key)
{
    size_t old = p->n;
    int w = snprintf(p->s + p->n, sizeof p->s - p->n, "%s%s",
                     p->n ? "." : "", key);
    if (w > 0)
        p->n += (size_t)w < sizeof p->s - p->n ? (size_t)w
                                               : sizeof p->s - p->n - 1;
    return old;
}

static size_t
path_push_index(path *p, size_t i)
{
    size_t old = p->n;
    int w = snprintf(p->s + p->n, sizeof p->s - p->n, "[%zu]", i);
    if (w > 0)
        p->n += (size_t)w < sizeof p->s - p->n ? (size_t)w
                                               : sizeof p->s - p->n - 1;
    return old;
}

static void
path_pop(path *p, size_t old)
{
    p->n = old;
    p->s[old] = '\0';
}

static const eo_loc *
loc_at(chk *c, size_t off)
{
    unsigned line = 1, col = 1;
    for (size_t i = 0; i < off && i < c->len; i++) {
        if (c->text[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    const eo_ident *f = eo_ident_cstr(c->ctx, c->file);
    return f ? eo_loc_file(c->ctx, f, line, col) : eo_loc_unknown(c->ctx);
}

/* Reports "path: msg" at 'node' (its key when 'at_key'). */
static void EO_PRINTF(5, 6)
report(chk *c, const cJSON *node, bool at_key, const char *where,
       const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    c->errors++;
    const eo_jpos *p = c->text ? eo_json_position_of(c->pos, c->npos, node)
                               : NULL;
    const char *sep = where && *where ? ": " : "";
    if (!where)
        where = "";
    if (p) {
        (void)eo_emit_error(c->ctx, loc_at(c, at_key ? p->key_off : p->val_off),
                            "%s%s%s", where, sep, msg);
    } else if (c->text) {
        (void)eo_emit_error(c->ctx, loc_at(c, 0), "%s%s%s", where, sep, msg);
    } else {
        (void)eo_emit_error(c->ctx, eo_loc_unknown(c->ctx), "%s: %s%s%s",
                            c->file, where, sep, msg);
    }
}

/* The JSON node at 'where' ("a.b[2].c", numeric indices), or the deepest
 * node on the way there; NULL without a document. */
static const cJSON *
json_at(const cJSON *root, const char *where)
{
    const cJSON *n = root;
    const char *s = where;
    while (n && *s) {
        if (*s == '.')
            s++;
        if (*s == '[') {
            char *end;
            unsigned long i = strtoul(s + 1, &end, 10);
            if (*end != ']')
                return n;
            const cJSON *e = cJSON_GetArrayItem(n, (int)(i > 1000000 ? 0 : i));
            if (!e || !cJSON_IsArray(n))
                return n;
            n = e;
            s = end + 1;
            continue;
        }
        size_t k = strcspn(s, ".[");
        char key[128];
        if (k >= sizeof key)
            return n;
        memcpy(key, s, k);
        key[k] = '\0';
        const cJSON *e = cJSON_IsObject(n)
                             ? cJSON_GetObjectItemCaseSensitive(n, key)
                             : NULL;
        if (!e)
            return n;
        n = e;
        s += k;
    }
    return n;
}

size_t
eo_target_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            if (up + 1 < v)
                v = up + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return row[lb] > cap ? cap + 1 : row[lb];
}

/* The closest of 'names' to 's' if close enough, else NULL. */
static const char *
suggest(const char *s, const char *const *names, size_t n)
{
    size_t cap = strlen(s) / 3 + 1, best = cap + 1;
    const char *pick = NULL;
    if (cap > 3)
        cap = 3;
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        size_t d = eo_target_edit_distance(s, names[i], cap);
        if (d <= cap && d < best) {
            best = d;
            pick = names[i];
        }
    }
    return pick;
}

/* " (did you mean 'x'?)" or "". */
static void
did_you_mean(char *buf, size_t size, const char *s, const char *const *names,
             size_t n)
{
    const char *m = suggest(s, names, n);
    if (m)
        snprintf(buf, size, " (did you mean '%s'?)", m);
    else
        buf[0] = '\0';
}

static void
schema_keys(const tschema *s, const char *keys[], size_t max)
{
    for (size_t i = 0; i < s->num_fields && i < max; i++)
        keys[i] = s->fields[i].key;
}

static const char *
json_type_name(const cJSON *v)
{
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "an invalid value";
}

/* ------------------------------------------------------------------ */
/* Generic walks over the schema                                       */
/* ------------------------------------------------------------------ */

#define AT(obj, f, T) ((T *)(void *)((char *)(obj) + (f)->off))
#define CAT(obj, f, T) \
    ((const T *)(const void *)((const char *)(obj) + (f)->off))

static void
set_enum(void *obj, const tfield *f, int v)
{
    memcpy((char *)obj + f->off, &v, sizeof v);
}

static int
get_enum(const void *obj, const tfield *f)
{
    int v;
    memcpy(&v, (const char *)obj + f->off, sizeof v);
    return v;
}

static void
init_defaults(const tschema *s, void *obj)
{
    for (size_t i = 0; i < s->num_fields; i++) {
        const tfield *f = &s->fields[i];
        switch (f->kind) {
        case T_STR: *AT(obj, f, const char *) = eo_target_empty; break;
        case T_ENUM: set_enum(obj, f, (int)f->def); break;
        case T_INT: *AT(obj, f, int64_t) = (int64_t)f->def; break;
        case T_NUM: *AT(obj, f, double) = f->def; break;
        case T_BOOL: *AT(obj, f, bool) = f->def != 0; break;
        case T_SET: *AT(obj, f, uint32_t) = 0; break;
        case T_OBJ:
            init_defaults(f->sub, AT(obj, f, char));
            if (f->aux != T_NO_AUX)
                *(bool *)((char *)obj + f->aux) = false;
            break;
        case T_ARR:
            *AT(obj, f, void *) = NULL;
            *(size_t *)((char *)obj + f->aux) = 0;
            break;
        }
    }
}

static void
free_obj(const tschema *s, void *obj)
{
    for (size_t i = 0; i < s->num_fields; i++) {
        const tfield *f = &s->fields[i];
        if (f->kind == T_STR) {
            const char *str = *AT(obj, f, const char *);
            if (str && str != eo_target_empty)
                free((char *)str);
            *AT(obj, f, const char *) = eo_target_empty;
        } else if (f->kind == T_OBJ) {
            free_obj(f->sub, AT(obj, f, char));
        } else if (f->kind == T_ARR) {
            char *arr = *AT(obj, f, char *);
            size_t n = *(size_t *)((char *)obj + f->aux);
            for (size_t k = 0; k < n; k++)
                free_obj(f->sub, arr + k * f->sub->size);
            free(arr);
            *AT(obj, f, char *) = NULL;
            *(size_t *)((char *)obj + f->aux) = 0;
        }
    }
}

static char *
dup_str(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

/* Deep copy of 'src' into 'dst' (a bitwise copy of src on entry). */
static bool
copy_obj(const tschema *s, void *dst)
{
    bool ok = true;
    for (size_t i = 0; i < s->num_fields; i++) {
        const tfield *f = &s->fields[i];
        if (f->kind == T_STR) {
            const char *str = *AT(dst, f, const char *);
            if (str != eo_target_empty) {
                char *d = ok ? dup_str(str) : NULL;
                ok = ok && d;
                *AT(dst, f, const char *) = d ? d : eo_target_empty;
            }
        } else if (f->kind == T_OBJ) {
            ok = copy_obj(f->sub, AT(dst, f, char)) && ok;
        } else if (f->kind == T_ARR) {
            size_t *n = (size_t *)((char *)dst + f->aux);
            const char *src = *AT(dst, f, char *);
            char *arr = NULL;
            if (ok && *n) {
                arr = malloc(*n * f->sub->size);
                ok = arr != NULL;
            }
            if (!arr) {
                *AT(dst, f, char *) = NULL;
                *n = 0;
                continue;
            }
            memcpy(arr, src, *n * f->sub->size);
            *AT(dst, f, char *) = arr;
            for (size_t k = 0; k < *n; k++)
                ok = copy_obj(f->sub, arr + k * f->sub->size) && ok;
        }
    }
    return ok;
}

/* The shortest %g form that reads back as the same double. */
static const char *
fmt_double(char *buf, size_t size, double v)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        snprintf(buf, size, "%.0f", v);
        return buf;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    return buf;
}

static void
range_text(const tfield *f, char *buf, size_t size)
{
    const char *what = f->kind == T_INT ? "an integer" : "a number";
    char lo[40], hi[40];
    fmt_double(lo, sizeof lo, f->min);
    fmt_double(hi, sizeof hi, f->max);
    if (f->min_excl)
        snprintf(buf, size, "%s > %s", what, lo);
    else if (f->max >= 9e15)
        snprintf(buf, size, "%s >= %s", what, lo);
    else
        snprintf(buf, size, "%s in %s..%s", what, lo, hi);
}

/* Whether 'v' fits field 'f' (a T_INT or T_NUM); reports otherwise. */
static bool
check_number(chk *c, const cJSON *node, const char *where, const tfield *f,
             double v)
{
    char want[96], buf[40];
    range_text(f, want, sizeof want);
    bool ok = isfinite(v) && v <= f->max &&
              (f->min_excl ? v > f->min : v >= f->min) &&
              (f->kind != T_INT || v == floor(v));
    if (!ok)
        report(c, node, false, where, "expected %s, got %s", want,
               fmt_double(buf, sizeof buf, v));
    return ok;
}

static void load_obj(chk *c, path *p, const cJSON *obj, const tschema *s,
                     void *dst);

static void
load_set(chk *c, path *p, const cJSON *v, const tfield *f, uint32_t *mask)
{
    if (!cJSON_IsArray(v)) {
        report(c, v, false, p->s, "expected an array of names, got %s",
               json_type_name(v));
        return;
    }
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        size_t old = path_push_index(p, i);
        size_t k = f->num_names;
        if (!cJSON_IsString(e)) {
            report(c, e, false, p->s, "expected a name, got %s",
                   json_type_name(e));
        } else {
            for (k = 0; k < f->num_names; k++)
                if (strcmp(e->valuestring, f->names[k]) == 0)
                    break;
            if (k == f->num_names) {
                char dym[96];
                did_you_mean(dym, sizeof dym, e->valuestring, f->names,
                             f->num_names);
                report(c, e, false, p->s, "unknown name '%s'%s",
                       e->valuestring, dym);
            } else if (*mask & (1u << k)) {
                report(c, e, false, p->s, "'%s' is listed twice",
                       e->valuestring);
            } else {
                *mask |= 1u << k;
            }
        }
        path_pop(p, old);
    }
    if (i == 0)
        report(c, v, false, p->s, "expected at least one name");
}

static void
load_field(chk *c, path *p, const cJSON *v, const tfield *f, void *obj)
{
    switch (f->kind) {
    case T_STR:
        if (!cJSON_IsString(v)) {
            report(c, v, false, p->s, "expected a string, got %s",
                   json_type_name(v));
        } else {
            char *d = dup_str(v->valuestring);
            if (!d)
                c->oom = true;
            else
                *AT(obj, f, const char *) = d;
        }
        return;
    case T_ENUM: {
        if (!cJSON_IsString(v)) {
            report(c, v, false, p->s, "expected a string, got %s",
                   json_type_name(v));
            return;
        }
        for (size_t k = 0; k < f->num_names; k++) {
            if (strcmp(v->valuestring, f->names[k]) == 0) {
                set_enum(obj, f, (int)k);
                return;
            }
        }
        char list[256] = "";
        size_t n = 0;
        for (size_t k = 0; k < f->num_names && n < sizeof list; k++) {
            int w = snprintf(list + n, sizeof list - n, "%s'%s'",
                             k ? ", " : "", f->names[k]);
            n += w > 0 ? (size_t)w : 0;
        }
        report(c, v, false, p->s, "expected one of %s, got '%s'", list,
               v->valuestring);
        return;
    }
    case T_INT:
    case T_NUM:
        if (!cJSON_IsNumber(v)) {
            char want[96];
            range_text(f, want, sizeof want);
            report(c, v, false, p->s, "expected %s, got %s", want,
                   json_type_name(v));
        } else if (check_number(c, v, p->s, f, v->valuedouble)) {
            if (f->kind == T_INT)
                *AT(obj, f, int64_t) = (int64_t)v->valuedouble;
            else
                *AT(obj, f, double) = v->valuedouble;
        }
        return;
    case T_BOOL:
        if (!cJSON_IsBool(v))
            report(c, v, false, p->s, "expected true or false, got %s",
                   json_type_name(v));
        else
            *AT(obj, f, bool) = cJSON_IsTrue(v);
        return;
    case T_SET:
        load_set(c, p, v, f, AT(obj, f, uint32_t));
        return;
    case T_OBJ:
        if (f->aux != T_NO_AUX)
            *(bool *)((char *)obj + f->aux) = true;
        load_obj(c, p, v, f->sub, AT(obj, f, char));
        return;
    case T_ARR: {
        if (!cJSON_IsArray(v)) {
            report(c, v, false, p->s, "expected an array, got %s",
                   json_type_name(v));
            return;
        }
        size_t n = (size_t)cJSON_GetArraySize(v);
        if (n == 0) {
            report(c, v, false, p->s, "expected at least one %s",
                   f->sub->what);
            return;
        }
        char *arr = calloc(n, f->sub->size);
        if (!arr) {
            c->oom = true;
            return;
        }
        for (size_t k = 0; k < n; k++)
            init_defaults(f->sub, arr + k * f->sub->size);
        *AT(obj, f, char *) = arr;
        *(size_t *)((char *)obj + f->aux) = n;
        size_t k = 0;
        for (const cJSON *e = v->child; e; e = e->next, k++) {
            size_t old = path_push_index(p, k);
            load_obj(c, p, e, f->sub, arr + k * f->sub->size);
            path_pop(p, old);
        }
        return;
    }
    }
}

static void
load_obj(chk *c, path *p, const cJSON *obj, const tschema *s, void *dst)
{
    if (!cJSON_IsObject(obj)) {
        report(c, obj, false, p->s, "expected an object (%s), got %s",
               s->what, json_type_name(obj));
        return;
    }
    const char *keys[32] = { 0 };
    schema_keys(s, keys, 32);
    uint64_t seen = 0;
    for (const cJSON *e = obj->child; e; e = e->next) {
        size_t k = 0;
        while (k < s->num_fields && strcmp(s->fields[k].key, e->string))
            k++;
        size_t old = path_push_key(p, e->string);
        if (k == s->num_fields) {
            char dym[96];
            did_you_mean(dym, sizeof dym, e->string, keys, s->num_fields);
            report(c, e, true, p->s, "unknown key '%s' in %s%s", e->string,
                   s->what, dym);
        } else if (seen & (UINT64_C(1) << k)) {
            report(c, e, true, p->s, "duplicate key '%s'", e->string);
        } else {
            seen |= UINT64_C(1) << k;
        }
        path_pop(p, old);
    }
    /* Enums first: "unused" rules depend on them. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < s->num_fields; k++) {
            const tfield *f = &s->fields[k];
            if ((f->kind == T_ENUM) != (pass == 0))
                continue;
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, f->key);
            size_t old = path_push_key(p, f->key);
            if (v && f->unused && f->unused(dst))
                report(c, v, true, p->s, "not allowed here: %s",
                       f->unused_why);
            else if (v)
                load_field(c, p, v, f, dst);
            else if (f->required && !(f->unused && f->unused(dst))) {
                path_pop(p, old);
                report(c, obj, false, p->s, "missing required key '%s' "
                       "in %s", f->key, s->what);
                continue;
            }
            path_pop(p, old);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Cross-field rules and derived values                                */
/* ------------------------------------------------------------------ */

static bool
valid_name(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(*s == '_' || *s == '-' || (*s >= '0' && *s <= '9') ||
              (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
            return false;
    return true;
}

/* Reports at the JSON node 'where' (resolved in the document, if any). */
static void EO_PRINTF(3, 4)
fail(chk *c, const char *where, const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    report(c, json_at(c->root, where), false, where, "%s", msg);
}

/* Names must be valid and unique across all named elements. */
static void
check_names(chk *c, const eo_target_desc *d)
{
    const char *seen[256];
    size_t nseen = 0;
    char where[96];
#define CHECK_LIST(key, arr, num)                                           \
    for (size_t i = 0; i < d->num; i++) {                                   \
        const char *nm = d->arr[i].name;                                    \
        snprintf(where, sizeof where, "%s[%zu].name", key, i);              \
        if (!valid_name(nm)) {                                              \
            fail(c, where, "expected a name of letters, digits, '_' and "  \
                 "'-', got '%s'", nm);                                      \
            continue;                                                       \
        }                                                                   \
        for (size_t j = 0; j < nseen; j++)                                  \
            if (strcmp(seen[j], nm) == 0) {                                 \
                fail(c, where, "name '%s' is already used", nm);            \
                break;                                                      \
            }                                                               \
        if (nseen < 256)                                                    \
            seen[nseen++] = nm;                                             \
    }
    CHECK_LIST("compute_units", units, num_units)
    CHECK_LIST("memory", memory, num_memory)
    CHECK_LIST("conv_engines", conv_engines, num_conv_engines)
    CHECK_LIST("elementwise_units", ew_units, num_ew_units)
    CHECK_LIST("dma", dma, num_dma)
#undef CHECK_LIST
}

static void
check_units(chk *c, const eo_target_desc *d)
{
    char where[128];
    for (size_t i = 0; i < d->num_units; i++) {
        const eo_unit_desc *u = &d->units[i];
        bool any = false;
        for (int t = 0; t < EO_TDT_COUNT; t++) {
            if (u->macs_per_cycle[t] <= 0)
                continue;
            any = true;
            if (u->mac_energy_pj[t] <= 0) {
                snprintf(where, sizeof where,
                         "compute_units[%zu].mac_energy_pj.%s", i,
                         eo_target_dtype_names[t]);
                fail(c, where, "expected a number > 0 where "
                     "macs_per_cycle.%s is > 0", eo_target_dtype_names[t]);
            }
        }
        if (!any) {
            snprintf(where, sizeof where, "compute_units[%zu].macs_per_cycle",
                     i);
            fail(c, where, "expected a data type with a number > 0");
        }
        if (u->kind == EO_UNIT_GPU && (u->local_mem_bytes <= 0 ||
                                       u->threads_per_core <= 0 ||
                                       u->subgroup_size <= 0)) {
            snprintf(where, sizeof where, "compute_units[%zu]", i);
            fail(c, where, "a gpu unit needs local_mem_bytes, "
                 "threads_per_core and subgroup_size > 0");
        }
    }
}

static void
check_memory(chk *c, const eo_target_desc *d)
{
    char where[96];
    for (size_t i = 1; i < d->num_memory; i++) {
        const eo_memory_desc *a = &d->memory[i - 1], *b = &d->memory[i];
        if (b->size_bytes < a->size_bytes) {
            snprintf(where, sizeof where, "memory[%zu].size_bytes", i);
            fail(c, where, "memory levels must be ordered by size, nearest "
                 "first: '%s' (%" PRId64 " bytes) follows '%s' (%" PRId64
                 " bytes)", b->name, b->size_bytes, a->name, a->size_bytes);
        }
    }
}

static void
check_npu(chk *c, const eo_target_desc *d)
{
    if (d->kind == EO_TARGET_NPU && !*d->host_cpu)
        fail(c, "host_cpu", "an npu target needs 'host_cpu' (the name of "
             "its host compute unit)");
    if (*d->host_cpu) {
        size_t i = 0;
        while (i < d->num_units && strcmp(d->units[i].name, d->host_cpu))
            i++;
        if (i == d->num_units) {
            const char *names[64] = { 0 };
            for (size_t k = 0; k < d->num_units && k < 64; k++)
                names[k] = d->units[k].name;
            char dym[96];
            did_you_mean(dym, sizeof dym, d->host_cpu, names,
                         d->num_units < 64 ? d->num_units : 64);
            fail(c, "host_cpu", "'%s' is not a compute unit of this "
                 "target%s", d->host_cpu, dym);
        } else if (d->units[i].kind != EO_UNIT_CPU) {
            fail(c, "host_cpu", "'%s' is a %s unit, not a cpu",
                 d->host_cpu, d->units[i].kind == EO_UNIT_GPU ? "gpu"
                                                               : "dsp");
        }
    }
    if (d->kind == EO_TARGET_NPU && !d->num_conv_engines && !d->has_imc)
        fail(c, "", "an npu target needs conv_engines or imc");
    if (d->detect && d->kind != EO_TARGET_CPU)
        fail(c, "detect", "only a cpu target (the host) can be detected");
    if (d->has_imc) {
        const eo_imc_desc *m = &d->imc;
        if (m->kind == EO_IMC_ANALOG && m->adc_bits < 1)
            fail(c, "imc.adc_bits", "an analog crossbar needs adc_bits in "
                 "1..16, got %" PRId64, m->adc_bits);
        if (m->kind == EO_IMC_ANALOG && (m->adcs_per_crossbar < 1 ||
                                         m->adcs_per_crossbar > m->columns))
            fail(c, "imc.adcs_per_crossbar", "an analog crossbar needs "
                 "1..columns (%" PRId64 ") ADCs, got %" PRId64, m->columns,
                 m->adcs_per_crossbar);
        if (m->kind == EO_IMC_DIGITAL && (m->adc_bits || m->adcs_per_crossbar))
            fail(c, "imc.adc_bits", "a digital crossbar has no ADC: "
                 "adc_bits and adcs_per_crossbar must be 0");
        if (m->dac_bits > m->input_bits)
            fail(c, "imc.dac_bits", "expected at most input_bits (%" PRId64
                 "), got %" PRId64, m->input_bits, m->dac_bits);
        if (m->energy_model == EO_IMC_MODEL_ZIGZAG && m->vdd_v <= 0)
            fail(c, "imc.vdd_v", "energy_model 'zigzag-imc' needs vdd_v > 0");
    }
    if (d->has_sram) {
        const eo_memory_desc *lv = NULL;
        for (size_t i = 0; i < d->num_memory; i++)
            if (strcmp(d->memory[i].name, d->sram.level) == 0)
                lv = &d->memory[i];
        if (!lv)
            fail(c, "sram.level", "'%s' is not a memory level of this target",
                 d->sram.level);
        else if (lv->kind != EO_MEMORY_SRAM && lv->kind != EO_MEMORY_TCM)
            fail(c, "sram.level", "'%s' is not an sram or tcm level",
                 d->sram.level);
        else if ((double)d->sram.banks * (double)d->sram.bank_bytes >
                 (double)lv->size_bytes)
            fail(c, "sram.banks", "%" PRId64 " banks of %" PRId64 " bytes "
                 "exceed level '%s' (%" PRId64 " bytes)", d->sram.banks,
                 d->sram.bank_bytes, lv->name, lv->size_bytes);
    }
}

static void
check_target(chk *c, const eo_target_desc *d)
{
    check_names(c, d);
    check_units(c, d);
    check_memory(c, d);
    check_npu(c, d);
}

/* ZigZag-IMC style periphery energies: ADC (k1 b + k2 4^b) Vdd^2, DAC
 * k3 b Vdd^2; fF V^2 = 1e-3 pJ, aF V^2 = 1e-6 pJ. */
static void
derive(eo_target_desc *d)
{
    eo_imc_desc *m = &d->imc;
    if (!d->has_imc || m->energy_model != EO_IMC_MODEL_ZIGZAG)
        return;
    double v2 = m->vdd_v * m->vdd_v;
    double b = (double)m->adc_bits;
    m->adc_energy_pj = m->adc_bits ? (m->adc_k1_ff * b * 1e-3 +
                                      m->adc_k2_af * pow(4.0, b) * 1e-6) * v2
                                   : 0;
    m->dac_energy_pj = m->dac_k3_ff * (double)m->dac_bits * 1e-3 * v2;
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */
/* ------------------------------------------------------------------ */

static void
target_free(eo_target *t)
{
    free_obj(&eo_target_schema, &t->d);
    free(t->file);
    free(t->variant);
    free(t);
}

static eo_target *
target_new(const char *file)
{
    eo_target *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    init_defaults(&eo_target_schema, &t->d);
    t->file = dup_str(file);
    t->variant = dup_str("");
    if (!t->file || !t->variant) {
        target_free(t);
        return NULL;
    }
    return t;
}

eo_target *
eo_target_parse(eo_ctx *ctx, const char *name, const char *text, size_t len,
                const eo_target_opts *opts)
{
    chk c = { .ctx = ctx, .file = name ? name : "<target>", .text = text,
              .len = len };
    /* cJSON needs the NUL inside the length it is given. */
    char *buf = malloc(len + 1);
    if (!buf)
        return NULL;
    memcpy(buf, text, len);
    buf[len] = '\0';
    c.text = buf;
    (void)eo_ctx_add_source(ctx, c.file, buf, len);
    eo_target *t = NULL;
    cJSON *root = NULL;
    const char *nul = memchr(buf, '\0', len);
    size_t start = 0;
    while (start < len && (unsigned char)buf[start] <= 32 && buf[start])
        start++;
    if (nul) {
        (void)eo_emit_error(ctx, loc_at(&c, (size_t)(nul - buf)),
                            "invalid JSON: NUL byte in the file");
        goto out;
    }
    if (start == len) {
        (void)eo_emit_error(ctx, loc_at(&c, len), "invalid JSON: the file "
                            "is empty");
        goto out;
    }
    const char *end = NULL;
    root = cJSON_ParseWithLengthOpts(buf, len + 1, &end, 1);
    if (!root) {
        size_t off = end && end >= buf && end <= buf + len
                         ? (size_t)(end - buf) : 0;
        unsigned char ch = off < len ? (unsigned char)buf[off] : 0;
        if (ch > 32 && ch < 127)
            (void)eo_emit_error(ctx, loc_at(&c, off), "invalid JSON: "
                                "unexpected '%c'", ch);
        else if (off < len)
            (void)eo_emit_error(ctx, loc_at(&c, off), "invalid JSON: "
                                "unexpected byte 0x%02x", ch);
        else
            (void)eo_emit_error(ctx, loc_at(&c, off), "invalid JSON: "
                                "unexpected end of file");
        goto out;
    }
    c.root = root;
    c.pos = eo_json_positions(root, buf, len, &c.npos);
    t = target_new(c.file);
    if (!t)
        goto out;
    path p = { .n = 0 };
    load_obj(&c, &p, root, &eo_target_schema, &t->d);
    if (c.oom || c.errors)
        goto fail;
    if (t->d.detect && t->d.kind == EO_TARGET_CPU &&
        !(opts && opts->no_detect))
        eo_target_detect(&t->d, opts && opts->sysroot ? opts->sysroot : "");
    check_target(&c, &t->d);
    if (c.errors)
        goto fail;
    derive(&t->d);
    goto out;
fail:
    target_free(t);
    t = NULL;
out:
    /* The buffer dies here: leave the context no pointer into it. */
    (void)eo_ctx_add_source(ctx, c.file, eo_target_empty, 0);
    cJSON_Delete(root);
    free(c.pos);
    free(buf);
    return t;
}

eo_target *
eo_target_load_opts(eo_ctx *ctx, const char *file,
                    const eo_target_opts *opts)
{
    FILE *fp = fopen(file, "rb");
    if (!fp) {
        (void)eo_emit_error(ctx, eo_loc_unknown(ctx), "cannot open target "
                            "description '%s': %s", file, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            if (cap >= ((size_t)64 << 20)) {
                free(buf);
                fclose(fp);
                (void)eo_emit_error(ctx, eo_loc_unknown(ctx), "target "
                                    "description '%s' is larger than 64 "
                                    "MiB", file);
                return NULL;
            }
            cap = cap ? cap * 2 : 4096;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(fp);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        (void)eo_emit_error(ctx, eo_loc_unknown(ctx), "cannot read target "
                            "description '%s'", file);
        return NULL;
    }
    eo_target *t = eo_target_parse(ctx, file, buf, len, opts);
    free(buf);
    return t;
}

eo_target *
eo_target_load(eo_ctx *ctx, const char *file)
{
    return eo_target_load_opts(ctx, file, NULL);
}

/* Where shipped descriptions are found by name, after $EO_TARGETS_DIR
 * (set by targets/CMakeLists.txt). */
#ifndef EO_TARGETS_DATA_SOURCE_DIR
#define EO_TARGETS_DATA_SOURCE_DIR ""
#endif
#ifndef EO_TARGETS_DATA_INSTALL_DIR
#define EO_TARGETS_DATA_INSTALL_DIR ""
#endif

static bool
is_regular_file(const char *file)
{
    struct stat st;
    return stat(file, &st) == 0 && S_ISREG(st.st_mode);
}

eo_target *
eo_target_load_named(eo_ctx *ctx, const char *spec)
{
    size_t n = strlen(spec);
    if (strchr(spec, '/') || (n >= 5 && strcmp(spec + n - 5, ".json") == 0))
        return eo_target_load(ctx, spec);
    if (n == 0) {
        eo_emit_error(ctx, NULL, "expected a target name or a .json file");
        return NULL;
    }
    const char *dirs[3] = { getenv("EO_TARGETS_DIR"),
                            EO_TARGETS_DATA_SOURCE_DIR,
                            EO_TARGETS_DATA_INSTALL_DIR };
    for (size_t i = 0; i < 3; i++) {
        if (!dirs[i] || !*dirs[i])
            continue;
        size_t len = strlen(dirs[i]) + n + 7;
        char *p = malloc(len);
        if (!p)
            return NULL;
        snprintf(p, len, "%s/%s.json", dirs[i], spec);
        eo_target *t = NULL;
        bool found = is_regular_file(p);
        if (found)
            t = eo_target_load(ctx, p);
        free(p);
        if (found)
            return t;
    }
    const char *env = getenv("EO_TARGETS_DIR");
    eo_emit_error(ctx, NULL, "unknown target '%s': no "
                  "%s.json in %s%s%s or %s", spec, spec,
                  env && *env ? env : "", env && *env ? ", " : "",
                  EO_TARGETS_DATA_SOURCE_DIR, EO_TARGETS_DATA_INSTALL_DIR);
    return NULL;
}

void
eo_target_destroy(eo_target *t)
{
    if (t)
        target_free(t);
}

eo_target *
eo_target_clone(const eo_target *t)
{
    eo_target *n = malloc(sizeof *n);
    if (!n)
        return NULL;
    *n = *t;
    n->file = dup_str(t->file);
    n->variant = dup_str(t->variant);
    bool ok = copy_obj(&eo_target_schema, &n->d);
    if (!ok || !n->file || !n->variant) {
        target_free(n);
        return NULL;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                           */
/* ------------------------------------------------------------------ */

const eo_target_desc *
eo_target_desc_get(const eo_target *t)
{
    return &t->d;
}

const char *
eo_target_name(const eo_target *t)
{
    return t->d.name;
}

eo_target_kind
eo_target_kind_get(const eo_target *t)
{
    return t->d.kind;
}

const char *
eo_target_file(const eo_target *t)
{
    return t->file;
}

const char *
eo_target_variant(const eo_target *t)
{
    return t->variant;
}

const eo_unit_desc *
eo_target_find_unit(const eo_target *t, const char *name)
{
    for (size_t i = 0; i < t->d.num_units; i++)
        if (strcmp(t->d.units[i].name, name) == 0)
            return &t->d.units[i];
    return NULL;
}

const eo_memory_desc *
eo_target_find_memory(const eo_target *t, const char *name)
{
    for (size_t i = 0; i < t->d.num_memory; i++)
        if (strcmp(t->d.memory[i].name, name) == 0)
            return &t->d.memory[i];
    return NULL;
}

const eo_unit_desc *
eo_target_host_unit(const eo_target *t)
{
    if (*t->d.host_cpu)
        return eo_target_find_unit(t, t->d.host_cpu);
    for (size_t i = 0; i < t->d.num_units; i++)
        if (t->d.units[i].kind == EO_UNIT_CPU)
            return &t->d.units[i];
    return NULL;
}

double
eo_target_peak_macs(const eo_target *t, eo_target_dtype dt)
{
    const eo_target_desc *d = &t->d;
    if ((unsigned)dt >= EO_TDT_COUNT)
        return 0;
    double sum = 0;
    for (size_t i = 0; i < d->num_units; i++)
        sum += d->units[i].macs_per_cycle[dt] * (double)d->units[i].count *
               d->units[i].clock_mhz * 1e6;
    for (size_t i = 0; i < d->num_conv_engines; i++) {
        const eo_conv_engine_desc *e = &d->conv_engines[i];
        if (e->dtypes & (1u << dt))
            sum += (double)(e->count * e->mac_rows * e->mac_cols) *
                   e->clock_mhz * 1e6;
    }
    if (d->has_imc && (d->imc.dtypes & (1u << dt))) {
        /* One MVM of all rows x columns takes input_bits / dac_bits
         * cycles (bit-serial inputs), each column holding one weight
         * bit slice: columns / weight_bits weights per row. */
        const eo_imc_desc *m = &d->imc;
        double cycles = ceil((double)m->input_bits / (double)m->dac_bits);
        double macs = (double)m->rows * floor((double)m->columns /
                                              (double)m->weight_bits);
        sum += (double)m->crossbars * macs / cycles * m->clock_mhz * 1e6;
    }
    return sum;
}

double
eo_target_imc_periphery_pj(const eo_target *t)
{
    const eo_imc_desc *m = &t->d.imc;
    if (!t->d.has_imc)
        return 0;
    return (double)m->adcs_per_crossbar * m->adc_energy_pj +
           (double)m->rows * m->dac_energy_pj;
}

const char *
eo_target_dtype_name(eo_target_dtype dt)
{
    return (unsigned)dt < EO_TDT_COUNT ? eo_target_dtype_names[dt] : "?";
}

int
eo_target_dtype_from_name(const char *name)
{
    for (int i = 0; i < EO_TDT_COUNT; i++)
        if (strcmp(name, eo_target_dtype_names[i]) == 0)
            return i;
    return -1;
}

const char *
eo_target_kind_name(eo_target_kind k)
{
    return (unsigned)k < EO_TARGET_NUM_KINDS ? eo_target_kind_names[k] : "?";
}

/* ------------------------------------------------------------------ */
/* Canonical JSON and hash                                             */
/* ------------------------------------------------------------------ */

static void
put_string(eo_strbuf *out, const char *s)
{
    eo_strbuf_append(out, "\"", 1);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            eo_strbuf_printf(out, "\\%c", *p);
        else if (*p < 0x20)
            eo_strbuf_printf(out, "\\u%04x", *p);
        else
            eo_strbuf_append(out, (const char *)p, 1);
    }
    eo_strbuf_append(out, "\"", 1);
}

static void
put_double(eo_strbuf *out, double v)
{
    char buf[40];
    eo_strbuf_puts(out, fmt_double(buf, sizeof buf, v));
}

static void
indent(eo_strbuf *out, int depth)
{
    for (int i = 0; i < depth; i++)
        eo_strbuf_append(out, "  ", 2);
}

static void print_obj(eo_strbuf *out, const tschema *s, const void *obj,
                      int depth);

static void
print_value(eo_strbuf *out, const tfield *f, const void *obj, int depth)
{
    switch (f->kind) {
    case T_STR: put_string(out, *CAT(obj, f, const char *)); break;
    case T_ENUM: put_string(out, f->names[get_enum(obj, f)]); break;
    case T_INT:
        eo_strbuf_printf(out, "%" PRId64, *CAT(obj, f, int64_t));
        break;
    case T_NUM: put_double(out, *CAT(obj, f, double)); break;
    case T_BOOL:
        eo_strbuf_puts(out, *CAT(obj, f, bool) ? "true" : "false");
        break;
    case T_SET: {
        uint32_t m = *CAT(obj, f, uint32_t);
        bool first = true;
        eo_strbuf_puts(out, "[");
        for (size_t k = 0; k < f->num_names; k++) {
            if (!(m & (1u << k)))
                continue;
            eo_strbuf_puts(out, first ? "" : ", ");
            put_string(out, f->names[k]);
            first = false;
        }
        eo_strbuf_puts(out, "]");
        break;
    }
    case T_OBJ: print_obj(out, f->sub, CAT(obj, f, char), depth); break;
    case T_ARR: {
        const char *arr = *CAT(obj, f, char *);
        size_t n = *(const size_t *)((const char *)obj + f->aux);
        eo_strbuf_puts(out, "[\n");
        for (size_t k = 0; k < n; k++) {
            indent(out, depth + 1);
            print_obj(out, f->sub, arr + k * f->sub->size, depth + 1);
            eo_strbuf_puts(out, k + 1 < n ? ",\n" : "\n");
        }
        indent(out, depth);
        eo_strbuf_puts(out, "]");
        break;
    }
    }
}

static bool
printed(const tfield *f, const void *obj)
{
    if (f->unused && f->unused(obj))
        return false;
    if (f->kind == T_OBJ && f->aux != T_NO_AUX)
        return *(const bool *)((const char *)obj + f->aux);
    if (f->kind == T_ARR)
        return *(const size_t *)((const char *)obj + f->aux) != 0;
    return true;
}

static void
print_obj(eo_strbuf *out, const tschema *s, const void *obj, int depth)
{
    eo_strbuf_puts(out, "{\n");
    bool first = true;
    for (size_t k = 0; k < s->num_fields; k++) {
        const tfield *f = &s->fields[k];
        if (!printed(f, obj))
            continue;
        eo_strbuf_puts(out, first ? "" : ",\n");
        first = false;
        indent(out, depth + 1);
        put_string(out, f->key);
        eo_strbuf_puts(out, ": ");
        print_value(out, f, obj, depth + 1);
    }
    eo_strbuf_puts(out, "\n");
    indent(out, depth);
    eo_strbuf_puts(out, "}");
}

void
eo_target_to_json(const eo_target *t, eo_strbuf *out)
{
    print_obj(out, &eo_target_schema, &t->d, 0);
    eo_strbuf_puts(out, "\n");
}

uint64_t
eo_target_hash(const eo_target *t)
{
    eo_strbuf b = { 0 };
    eo_target_to_json(t, &b);
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (size_t i = 0; i < b.len; i++) {
        h ^= (unsigned char)b.data[i];
        h *= UINT64_C(0x100000001b3);
    }
    /* Out of memory: a hash of nothing would collide; 0 marks it. */
    if (b.oom)
        h = 0;
    eo_strbuf_free(&b);
    return h;
}

/* ------------------------------------------------------------------ */
/* Numeric fields by path                                              */
/* ------------------------------------------------------------------ */

/* Finds the numeric field at 'p' in 't'; reports and returns NULL. */
static const tfield *
resolve(chk *c, const eo_target *t, const char *p, void **objp)
{
    const tschema *s = &eo_target_schema;
    void *obj = (void *)&t->d;
    const char *at = p;
    char key[64], done[512];
    size_t ndone = 0;
    done[0] = '\0';
    for (;;) {
        size_t k = strcspn(at, ".[]=");
        if (k == 0 || k >= sizeof key) {
            report(c, NULL, false, NULL, "bad path '%s': expected a key at "
                   "'%s'", p, at);
            return NULL;
        }
        memcpy(key, at, k);
        key[k] = '\0';
        at += k;
        size_t i = 0;
        while (i < s->num_fields && strcmp(s->fields[i].key, key))
            i++;
        if (i == s->num_fields) {
            const char *keys[32] = { 0 };
            schema_keys(s, keys, 32);
            char dym[96];
            did_you_mean(dym, sizeof dym, key, keys, s->num_fields);
            report(c, NULL, false, NULL, "bad path '%s': no key '%s' in %s"
                   "%s", p, key, s->what, dym);
            return NULL;
        }
        const tfield *f = &s->fields[i];
        int w = snprintf(done + ndone, sizeof done - ndone, "%s%s",
                         ndone ? "." : "", key);
        ndone += w > 0 && (size_t)w < sizeof done - ndone ? (size_t)w : 0;
        if (f->unused && f->unused(obj)) {
            report(c, NULL, false, NULL, "bad path '%s': '%s' is not used "
                   "here (%s)", p, done, f->unused_why);
            return NULL;
        }
        if (f->kind == T_ARR) {
            char *arr = *AT(obj, f, char *);
            size_t n = *(size_t *)((char *)obj + f->aux);
            if (*at != '[') {
                report(c, NULL, false, NULL, "bad path '%s': '%s' is an "
                       "array; pick an element with [index] or [name]", p,
                       done);
                return NULL;
            }
            const char *close = strchr(at, ']');
            if (!close) {
                report(c, NULL, false, NULL, "bad path '%s': missing ']'", p);
                return NULL;
            }
            size_t len = (size_t)(close - at - 1), idx = n;
            char sel[64];
            if (len == 0 || len >= sizeof sel) {
                report(c, NULL, false, NULL, "bad path '%s': empty or long "
                       "[selector]", p);
                return NULL;
            }
            memcpy(sel, at + 1, len);
            sel[len] = '\0';
            char *end;
            unsigned long v = strtoul(sel, &end, 10);
            if (*end == '\0' && sel[0] >= '0' && sel[0] <= '9') {
                idx = v < n ? (size_t)v : n;
            } else {
                /* The element schema's first field is its name. */
                for (size_t e = 0; e < n; e++) {
                    const char *nm = *(const char **)(void *)(
                        arr + e * f->sub->size + f->sub->fields[0].off);
                    if (strcmp(nm, sel) == 0)
                        idx = e;
                }
            }
            if (idx >= n) {
                report(c, NULL, false, NULL, "bad path '%s': '%s' has no "
                       "element [%s] (%zu elements)", p, done, sel, n);
                return NULL;
            }
            w = snprintf(done + ndone, sizeof done - ndone, "[%s]", sel);
            ndone += w > 0 && (size_t)w < sizeof done - ndone ? (size_t)w : 0;
            obj = arr + idx * f->sub->size;
            s = f->sub;
            at = close + 1;
        } else if (f->kind == T_OBJ) {
            if (f->aux != T_NO_AUX && !*(bool *)((char *)obj + f->aux)) {
                report(c, NULL, false, NULL, "bad path '%s': this target has "
                       "no '%s'", p, done);
                return NULL;
            }
            obj = AT(obj, f, char);
            s = f->sub;
        } else {
            if (*at) {
                report(c, NULL, false, NULL, "bad path '%s': '%s' has no "
                       "fields", p, done);
                return NULL;
            }
            if (f->kind != T_INT && f->kind != T_NUM) {
                report(c, NULL, false, NULL, "bad path '%s': '%s' is not "
                       "numeric (a %s)", p, done,
                       f->kind == T_BOOL ? "boolean"
                       : f->kind == T_SET ? "list of names" : "string");
                return NULL;
            }
            *objp = obj;
            return f;
        }
        if (*at != '.') {
            report(c, NULL, false, NULL, "bad path '%s': '%s' is %s; expected "
                   "'.' and a key after it", p, done,
                   f->kind == T_ARR ? "an element" : "an object");
            return NULL;
        }
        at++;
    }
}

eo_status
eo_target_get_number(eo_ctx *ctx, const eo_target *t, const char *p,
                     double *out)
{
    chk c = { .ctx = ctx, .file = t->file };
    void *obj;
    const tfield *f = resolve(&c, t, p, &obj);
    if (!f)
        return EO_ERROR;
    *out = f->kind == T_INT ? (double)*AT(obj, f, int64_t)
                            : *AT(obj, f, double);
    return EO_OK;
}

eo_status
eo_target_set_number(eo_ctx *ctx, eo_target *t, const char *p, double value)
{
    chk c = { .ctx = ctx, .file = t->file };
    void *obj;
    const tfield *f = resolve(&c, t, p, &obj);
    if (!f)
        return EO_ERROR;
    if (!check_number(&c, NULL, p, f, value))
        return EO_ERROR;
    int64_t old_i = 0;
    double old_d = 0;
    if (f->kind == T_INT) {
        old_i = *AT(obj, f, int64_t);
        *AT(obj, f, int64_t) = (int64_t)value;
    } else {
        old_d = *AT(obj, f, double);
        *AT(obj, f, double) = value;
    }
    check_target(&c, &t->d);
    if (c.errors) {
        if (f->kind == T_INT)
            *AT(obj, f, int64_t) = old_i;
        else
            *AT(obj, f, double) = old_d;
        return EO_ERROR;
    }
    derive(&t->d);
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Variants                                                            */
/* ------------------------------------------------------------------ */

typedef struct spec {
    char *path;
    double *vals;
    size_t n;
} spec;

static eo_status
parse_spec(chk *c, const eo_target *base, const char *text, spec *sp)
{
    const char *eq = strchr(text, '=');
    if (!eq || eq == text || !eq[1]) {
        report(c, NULL, false, NULL, "bad variant '%s': expected "
               "path=v1,v2,...", text);
        return EO_ERROR;
    }
    sp->path = malloc((size_t)(eq - text) + 1);
    size_t commas = 1;
    for (const char *s = eq + 1; *s; s++)
        commas += *s == ',';
    sp->vals = malloc(commas * sizeof(double));
    if (!sp->path || !sp->vals)
        return EO_NOMEM;
    memcpy(sp->path, text, (size_t)(eq - text));
    sp->path[eq - text] = '\0';
    double cur;
    if (eo_target_get_number(c->ctx, base, sp->path, &cur) != EO_OK) {
        c->errors++;
        return EO_ERROR;
    }
    const char *s = eq + 1;
    for (;;) {
        char *end;
        errno = 0;
        double v = strtod(s, &end);
        if (end == s || (*end && *end != ',') || errno == ERANGE ||
            !isfinite(v)) {
            size_t n = strcspn(s, ",");
            report(c, NULL, false, NULL, "bad variant '%s': '%.*s' is not a "
                   "number", text, (int)(n > 64 ? 64 : n), s);
            return EO_ERROR;
        }
        sp->vals[sp->n++] = v;
        if (!*end)
            break;
        s = end + 1;
    }
    return EO_OK;
}

void
eo_target_list_free(eo_target **list, size_t count)
{
    if (!list)
        return;
    for (size_t i = 0; i < count; i++)
        eo_target_destroy(list[i]);
    free(list);
}

eo_status
eo_target_vary(eo_ctx *ctx, const eo_target *base, size_t n,
               const char *const specs[], eo_target ***out, size_t *count)
{
    chk c = { .ctx = ctx, .file = base->file };
    *out = NULL;
    *count = 0;
    spec *sp = calloc(n ? n : 1, sizeof *sp);
    if (!sp)
        return EO_NOMEM;
    eo_status st = EO_OK;
    size_t total = 1;
    for (size_t i = 0; i < n && st == EO_OK; i++) {
        st = parse_spec(&c, base, specs[i], &sp[i]);
        if (st == EO_OK) {
            total *= sp[i].n;
            if (total > 100000) {
                report(&c, NULL, false, NULL, "too many variants (more than "
                       "100000)");
                st = EO_ERROR;
            }
        }
    }
    eo_target **list = st == EO_OK ? calloc(total, sizeof *list) : NULL;
    if (st == EO_OK && !list)
        st = EO_NOMEM;
    size_t made = 0;
    for (size_t v = 0; st == EO_OK && v < total; v++) {
        eo_target *t = eo_target_clone(base);
        if (!t) {
            st = EO_NOMEM;
            break;
        }
        list[made++] = t;
        eo_strbuf label = { 0 };
        size_t rest = v;
        /* The last spec varies fastest. */
        size_t stride = total;
        for (size_t i = 0; i < n && st == EO_OK; i++) {
            stride /= sp[i].n;
            size_t k = rest / stride;
            rest %= stride;
            st = eo_target_set_number(ctx, t, sp[i].path, sp[i].vals[k]);
            eo_strbuf_printf(&label, "%s%s=", i ? "," : "", sp[i].path);
            put_double(&label, sp[i].vals[k]);
        }
        if (st == EO_OK && (label.oom || !label.data)) {
            st = n ? EO_NOMEM : EO_OK;
        }
        if (st == EO_OK && label.data) {
            free(t->variant);
            t->variant = label.data;
            label.data = NULL;
        }
        eo_strbuf_free(&label);
    }
    for (size_t i = 0; i < n; i++) {
        free(sp[i].path);
        free(sp[i].vals);
    }
    free(sp);
    if (st != EO_OK) {
        eo_target_list_free(list, made);
        return st;
    }
    *out = list;
    *count = total;
    return EO_OK;
}

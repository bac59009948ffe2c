/* explorer/space.c - the search space: dimensions from a knob-space JSON
 * (eo_knob_store_space_json's format) and target variant axes, candidates
 * as value indices, and their canonical text form.
 */
#include "explorer/explorer.h"
#include "explorer/space_internal.h"

#include <cjson/cJSON.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum dim_kind { DIM_BOOL, DIM_INT, DIM_ENUM, DIM_AXIS } dim_kind;

typedef struct dim {
    char *name;
    dim_kind kind;
    uint32_t size, def;
    int64_t *ints;          /* DIM_INT: the values */
    char **names;           /* DIM_ENUM */
    double *reals;          /* DIM_AXIS */
    char *site;             /* the knob's "site", NULL for none */
    char *deps;             /* its "depends_on" array as JSON, NULL: none */
    bool cond;              /* discovered by a candidate (eo_space_grow) */
    size_t seq;             /* order of addition (knob-space JSON order) */
} dim;

struct eo_space {
    eo_ctx *ctx;
    dim *dims;
    size_t n, cap;
    size_t added;           /* dimensions added so far (next seq) */
    eo_space_keep_fn keep;  /* eo_space_grow_json's filter, NULL: none */
    void *keep_ud;
};

/* Values beyond this many per dimension are refused (indices are u32). */
#define MAX_DIM_VALUES (1u << 24)

eo_space *
eo_space_create(eo_ctx *ctx)
{
    eo_space *s = calloc(1, sizeof *s);
    if (s)
        s->ctx = ctx;
    return s;
}

static void
dim_free(dim *d)
{
    free(d->name);
    free(d->ints);
    if (d->names)
        for (uint32_t i = 0; i < d->size; i++)
            free(d->names[i]);
    free(d->names);
    free(d->reals);
    free(d->site);
    free(d->deps);
}

void
eo_space_destroy(eo_space *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        dim_free(&s->dims[i]);
    free(s->dims);
    free(s);
}

static char *
dup_str(const char *p)
{
    size_t n = strlen(p) + 1;
    char *r = malloc(n);
    if (r)
        memcpy(r, p, n);
    return r;
}

/* Names go into "a=1,b=2" keys and knob lines: no separators in them. */
static bool
name_ok(const char *p)
{
    if (!*p)
        return false;
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == ',' || c == '=' || c == '"' || c == '#' ||
            c >= 0x7f)
            return false;
    }
    return true;
}

long
eo_space_find(const eo_space *s, const char *name)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->dims[mid].name, name);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Inserts *d (taking its arrays) keeping the dimensions sorted by name. */
static eo_status
insert_dim(eo_space *s, dim *d)
{
    if (!name_ok(d->name)) {
        eo_status st = eo_emit_error(s->ctx, NULL, "unsupported dimension "
                                     "name '%s': names may not contain "
                                     "spaces, ',', '=', '\"' or '#'",
                                     d->name);
        dim_free(d);
        return st;
    }
    if (eo_space_find(s, d->name) >= 0) {
        eo_status st = eo_emit_error(s->ctx, NULL, "duplicate search space "
                                     "dimension '%s'", d->name);
        dim_free(d);
        return st;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        dim *nd = realloc(s->dims, cap * sizeof *nd);
        if (!nd) {
            dim_free(d);
            return EO_NOMEM;
        }
        s->dims = nd;
        s->cap = cap;
    }
    size_t at = 0;
    while (at < s->n && strcmp(s->dims[at].name, d->name) < 0)
        at++;
    d->seq = s->added++;
    memmove(&s->dims[at + 1], &s->dims[at], (s->n - at) * sizeof *d);
    s->dims[at] = *d;
    s->n++;
    return EO_OK;
}

eo_status
eo_space_add_axis(eo_space *s, const char *name, const double *values,
                  size_t n)
{
    if (!name || !values || n == 0 || n > MAX_DIM_VALUES)
        return eo_emit_error(s->ctx, NULL, "axis '%s' needs 1 to %u values",
                             name ? name : "", MAX_DIM_VALUES);
    dim d = { .kind = DIM_AXIS, .size = (uint32_t)n };
    d.name = dup_str(name);
    d.reals = malloc(n * sizeof *d.reals);
    if (!d.name || !d.reals) {
        dim_free(&d);
        return EO_NOMEM;
    }
    memcpy(d.reals, values, n * sizeof *d.reals);
    return insert_dim(s, &d);
}

static bool
json_int(const cJSON *j, int64_t *out)
{
    if (!cJSON_IsNumber(j))
        return false;
    double v = j->valuedouble;
    if (v != v || v < -9.2e18 || v > 9.2e18 || (double)(int64_t)v != v)
        return false;
    *out = (int64_t)v;
    return true;
}

/* Fills d's values from a "domain" object; the default is found later. */
static eo_status
parse_domain(eo_space *s, const char *knob, const cJSON *dom, dim *d)
{
    const cJSON *kind = cJSON_GetObjectItemCaseSensitive(dom, "kind");
    if (!cJSON_IsString(kind))
        return eo_emit_error(s->ctx, NULL, "knob '%s': domain without a "
                             "\"kind\"", knob);
    const char *k = kind->valuestring;
    if (!strcmp(k, "bool")) {
        d->kind = DIM_BOOL;
        d->size = 2;
        return EO_OK;
    }
    if (!strcmp(k, "range")) {
        int64_t lo, hi, step = 1;
        const cJSON *js = cJSON_GetObjectItemCaseSensitive(dom, "step");
        if (!json_int(cJSON_GetObjectItemCaseSensitive(dom, "lo"), &lo) ||
            !json_int(cJSON_GetObjectItemCaseSensitive(dom, "hi"), &hi) ||
            (js && !json_int(js, &step)) || step <= 0 || hi < lo)
            return eo_emit_error(s->ctx, NULL, "knob '%s': range needs "
                                 "integers lo <= hi and step > 0", knob);
        uint64_t cnt = ((uint64_t)hi - (uint64_t)lo) / (uint64_t)step + 1;
        if (cnt > MAX_DIM_VALUES)
            return eo_emit_error(s->ctx, NULL, "unsupported: knob '%s' has "
                                 "%" PRIu64 " values (at most %u)", knob,
                                 cnt, MAX_DIM_VALUES);
        d->kind = DIM_INT;
        d->size = (uint32_t)cnt;
        d->ints = malloc(cnt * sizeof *d->ints);
        if (!d->ints)
            return EO_NOMEM;
        for (uint64_t i = 0; i < cnt; i++)
            d->ints[i] = (int64_t)((uint64_t)lo + i * (uint64_t)step);
        return EO_OK;
    }
    bool is_set = !strcmp(k, "set"), is_enum = !strcmp(k, "enum");
    if (!is_set && !is_enum)
        return eo_emit_error(s->ctx, NULL, "knob '%s': unknown domain kind "
                             "'%s'", knob, k);
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(dom, is_set ? "values"
                                                        : "names");
    int cnt = cJSON_IsArray(arr) ? cJSON_GetArraySize(arr) : 0;
    if (cnt <= 0 || (unsigned)cnt > MAX_DIM_VALUES)
        return eo_emit_error(s->ctx, NULL, "knob '%s': %s domain needs a "
                             "non-empty \"%s\" array", knob, k,
                             is_set ? "values" : "names");
    d->size = (uint32_t)cnt;
    d->kind = is_set ? DIM_INT : DIM_ENUM;
    if (is_set)
        d->ints = malloc((size_t)cnt * sizeof *d->ints);
    else
        d->names = calloc((size_t)cnt, sizeof *d->names);
    if (!d->ints && !d->names)
        return EO_NOMEM;
    int i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, arr) {
        if (is_set) {
            if (!json_int(e, &d->ints[i]))
                return eo_emit_error(s->ctx, NULL, "knob '%s': set values "
                                     "must be integers", knob);
        } else {
            if (!cJSON_IsString(e))
                return eo_emit_error(s->ctx, NULL, "knob '%s': enum names "
                                     "must be strings", knob);
            if (strchr(e->valuestring, '"') || strchr(e->valuestring, '\n'))
                return eo_emit_error(s->ctx, NULL, "unsupported: knob '%s' "
                                     "has enum name '%s' with '\"' or a "
                                     "newline", knob, e->valuestring);
            if (!(d->names[i] = dup_str(e->valuestring)))
                return EO_NOMEM;
        }
        i++;
    }
    return EO_OK;
}

/* Index of JSON value 'v' in d's domain, or -1. */
static long
value_index(const dim *d, const cJSON *v)
{
    int64_t x;
    switch (d->kind) {
    case DIM_BOOL:
        if (cJSON_IsBool(v))
            return cJSON_IsTrue(v) ? 1 : 0;
        return -1;
    case DIM_INT:
        if (!json_int(v, &x))
            return -1;
        for (uint32_t i = 0; i < d->size; i++)
            if (d->ints[i] == x)
                return (long)i;
        return -1;
    case DIM_ENUM:
        if (!cJSON_IsString(v))
            return -1;
        for (uint32_t i = 0; i < d->size; i++)
            if (!strcmp(d->names[i], v->valuestring))
                return (long)i;
        return -1;
    case DIM_AXIS:
        return -1;
    }
    return -1;
}

/* Parses knob record 'k' of a knob-space JSON into *d (freed on error). */
static eo_status
parse_record(eo_space *s, const cJSON *k, dim *d)
{
    const cJSON *name = cJSON_GetObjectItemCaseSensitive(k, "name");
    const cJSON *dom = cJSON_GetObjectItemCaseSensitive(k, "domain");
    memset(d, 0, sizeof *d);
    if (!cJSON_IsString(name) || !cJSON_IsObject(dom))
        return eo_emit_error(s->ctx, NULL, "knob space: each knob needs "
                             "a \"name\" and a \"domain\" object");
    if (!(d->name = dup_str(name->valuestring)))
        return EO_NOMEM;
    eo_status st = parse_domain(s, d->name, dom, d);
    if (st != EO_OK) {
        dim_free(d);
        return st;
    }
    const cJSON *def = cJSON_GetObjectItemCaseSensitive(k, "default");
    long di = def ? value_index(d, def) : 0;
    if (di < 0) {
        st = eo_emit_error(s->ctx, NULL, "knob '%s': default is not in "
                           "its domain", d->name);
        dim_free(d);
        return st;
    }
    d->def = (uint32_t)di;
    const cJSON *site = cJSON_GetObjectItemCaseSensitive(k, "site");
    if (site && !cJSON_IsNull(site) && !cJSON_IsString(site)) {
        st = eo_emit_error(s->ctx, NULL, "knob '%s': \"site\" must be "
                           "a string or null", d->name);
        dim_free(d);
        return st;
    }
    if (cJSON_IsString(site) && site->valuestring[0] &&
        !(d->site = dup_str(site->valuestring))) {
        dim_free(d);
        return EO_NOMEM;
    }
    const cJSON *deps = cJSON_GetObjectItemCaseSensitive(k, "depends_on");
    if (cJSON_IsArray(deps) && cJSON_GetArraySize(deps) > 0 &&
        !(d->deps = cJSON_PrintUnformatted(deps))) {
        dim_free(d);
        return EO_NOMEM;
    }
    return EO_OK;
}

/* The "knobs" array of knob-space JSON 'root', or NULL after an error. */
static const cJSON *
knobs_array(eo_space *s, const cJSON *root)
{
    if (!root) {
        eo_emit_error(s->ctx, NULL, "knob space: invalid JSON");
        return NULL;
    }
    const cJSON *knobs = cJSON_GetObjectItemCaseSensitive(root, "knobs");
    if (!cJSON_IsArray(knobs)) {
        eo_emit_error(s->ctx, NULL, "knob space: expected an object "
                      "with a \"knobs\" array");
        return NULL;
    }
    return knobs;
}

eo_status
eo_space_load_json(eo_space *s, const char *json, size_t n)
{
    cJSON *root = cJSON_ParseWithLength(json, n);
    const cJSON *knobs = knobs_array(s, root);
    eo_status st = knobs ? EO_OK : EO_ERROR;
    const cJSON *k;
    if (knobs)
        cJSON_ArrayForEach(k, knobs) {
            dim d;
            if ((st = parse_record(s, k, &d)) != EO_OK ||
                (st = insert_dim(s, &d)) != EO_OK)
                break;
        }
    cJSON_Delete(root);
    return st;
}

eo_status
eo_space_grow_json(eo_space *s, const char *json, size_t n, size_t *added)
{
    cJSON *root = cJSON_ParseWithLength(json, n);
    const cJSON *knobs = knobs_array(s, root);
    eo_status st = knobs ? EO_OK : EO_ERROR;
    const cJSON *k;
    if (knobs)
        cJSON_ArrayForEach(k, knobs) {
            dim d;
            if ((st = parse_record(s, k, &d)) != EO_OK)
                break;
            if (eo_space_find(s, d.name) >= 0 ||
                (s->keep && !s->keep(s->keep_ud, d.name))) {
                dim_free(&d);
                continue;
            }
            d.cond = true;
            if ((st = insert_dim(s, &d)) != EO_OK)
                break;
            if (added)
                (*added)++;
        }
    cJSON_Delete(root);
    return st;
}

bool
eo_space_would_grow(const eo_space *s, const char *json, size_t n)
{
    cJSON *root = cJSON_ParseWithLength(json, n);
    const cJSON *knobs = cJSON_GetObjectItemCaseSensitive(root, "knobs");
    bool grows = false;
    const cJSON *k;
    cJSON_ArrayForEach(k, knobs) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(k, "name");
        if (cJSON_IsString(name) && eo_space_find(s, name->valuestring) < 0 &&
            (!s->keep || s->keep(s->keep_ud, name->valuestring))) {
            grows = true;
            break;
        }
    }
    cJSON_Delete(root);
    return grows;
}

void
eo_space_set_grow_filter(eo_space *s, eo_space_keep_fn keep, void *ud)
{
    s->keep = keep;
    s->keep_ud = ud;
}

bool
eo_space_dim_is_conditional(const eo_space *s, size_t i)
{
    return i < s->n && s->dims[i].cond;
}

const char *
eo_space_dim_depends(const eo_space *s, size_t i)
{
    return i < s->n ? s->dims[i].deps : NULL;
}

size_t
eo_space_num_dims(const eo_space *s)
{
    return s->n;
}

const char *
eo_space_dim_name(const eo_space *s, size_t i)
{
    return i < s->n ? s->dims[i].name : NULL;
}

uint32_t
eo_space_dim_size(const eo_space *s, size_t i)
{
    return i < s->n ? s->dims[i].size : 0;
}

uint32_t
eo_space_dim_default(const eo_space *s, size_t i)
{
    return i < s->n ? s->dims[i].def : 0;
}

const char *
eo_space_dim_site(const eo_space *s, size_t i)
{
    return i < s->n && s->dims[i].site ? s->dims[i].site : "";
}

size_t
eo_space_dim_seq(const eo_space *s, size_t i)
{
    return i < s->n ? s->dims[i].seq : SIZE_MAX;
}

bool
eo_space_dim_is_axis(const eo_space *s, size_t i)
{
    return i < s->n && s->dims[i].kind == DIM_AXIS;
}

uint64_t
eo_space_size(const eo_space *s)
{
    uint64_t n = 1;
    for (size_t i = 0; i < s->n; i++) {
        uint64_t m = s->dims[i].size;
        if (n > UINT64_MAX / m)
            return UINT64_MAX;
        n *= m;
    }
    return n;
}

void
eo_space_default(const eo_space *s, uint32_t *cand)
{
    for (size_t i = 0; i < s->n; i++)
        cand[i] = s->dims[i].def;
}

/* Appends 'p' as a JSON string. */
static void
json_str(eo_strbuf *out, const char *p)
{
    eo_strbuf_puts(out, "\"");
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\')
            eo_strbuf_printf(out, "\\%c", c);
        else if (c < 0x20)
            eo_strbuf_printf(out, "\\u%04x", c);
        else
            eo_strbuf_append(out, p, 1);
    }
    eo_strbuf_puts(out, "\"");
}

/* Appends dimension d's value v as JSON. */
static void
json_value(eo_strbuf *out, const dim *d, uint32_t v)
{
    if (d->kind == DIM_BOOL)
        eo_strbuf_puts(out, v ? "true" : "false");
    else if (d->kind == DIM_INT)
        eo_strbuf_printf(out, "%" PRId64, d->ints[v]);
    else
        json_str(out, d->names[v]);
}

eo_status
eo_space_conditional_json(const eo_space *s, eo_strbuf *out)
{
    size_t *order = malloc((s->n ? s->n : 1) * sizeof *order), m = 0;
    if (!order)
        return EO_NOMEM;
    for (size_t i = 0; i < s->n; i++)
        if (s->dims[i].cond) {
            /* By order of addition (insertion sort: few dimensions). */
            size_t at = m++;
            while (at > 0 && s->dims[order[at - 1]].seq > s->dims[i].seq) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
    eo_strbuf_puts(out, "{\"knobs\": [");
    for (size_t j = 0; j < m; j++) {
        const dim *d = &s->dims[order[j]];
        eo_strbuf_puts(out, j ? ",\n{\"name\": " : "\n{\"name\": ");
        json_str(out, d->name);
        if (d->kind == DIM_BOOL) {
            eo_strbuf_puts(out, ", \"domain\": {\"kind\": \"bool\"}");
        } else {
            eo_strbuf_puts(out, d->kind == DIM_INT
                                    ? ", \"domain\": {\"kind\": \"set\", "
                                      "\"values\": ["
                                    : ", \"domain\": {\"kind\": \"enum\", "
                                      "\"names\": [");
            for (uint32_t v = 0; v < d->size; v++) {
                if (v)
                    eo_strbuf_puts(out, ", ");
                json_value(out, d, v);
            }
            eo_strbuf_puts(out, "]}");
        }
        eo_strbuf_puts(out, ", \"default\": ");
        json_value(out, d, d->def);
        if (d->site) {
            eo_strbuf_puts(out, ", \"site\": ");
            json_str(out, d->site);
        }
        if (d->deps)
            eo_strbuf_printf(out, ", \"depends_on\": %s", d->deps);
        eo_strbuf_puts(out, "}");
    }
    eo_strbuf_puts(out, "]}\n");
    free(order);
    return out->oom ? EO_NOMEM : EO_OK;
}

/* A bare word survives the knob-file parser as a string; else quote. */
static bool
bare_word(const char *p)
{
    if (!*p || (*p >= '0' && *p <= '9') || *p == '-' || *p == '+' ||
        !strcmp(p, "true") || !strcmp(p, "false"))
        return false;
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c <= ' ' || c == '=' || c == '"' || c == '#' || c == ',' ||
            c >= 0x7f)
            return false;
    }
    return true;
}

void
eo_space_value_text(const eo_space *s, size_t i, uint32_t v, eo_strbuf *out)
{
    const dim *d = &s->dims[i];
    switch (d->kind) {
    case DIM_BOOL:
        eo_strbuf_puts(out, v ? "true" : "false");
        break;
    case DIM_INT:
        eo_strbuf_printf(out, "%" PRId64, d->ints[v]);
        break;
    case DIM_ENUM:
        if (bare_word(d->names[v]))
            eo_strbuf_puts(out, d->names[v]);
        else
            eo_strbuf_printf(out, "\"%s\"", d->names[v]);
        break;
    case DIM_AXIS:
        eo_strbuf_printf(out, "%.17g", d->reals[v]);
        break;
    }
}

static eo_status
write_cand(const eo_space *s, const uint32_t *cand, eo_strbuf *out,
           bool lines)
{
    bool first = true;
    for (size_t i = 0; i < s->n; i++) {
        if (cand[i] >= s->dims[i].size)
            return eo_emit_error(s->ctx, NULL, "candidate index %" PRIu32
                                 " out of range for '%s' (%" PRIu32
                                 " values)", cand[i], s->dims[i].name,
                                 s->dims[i].size);
        if (lines && s->dims[i].kind == DIM_AXIS)
            continue;
        /* A discovered knob at its default is what candidates looked at
         * before it was discovered: their keys stay the same. */
        if (s->dims[i].cond && cand[i] == s->dims[i].def)
            continue;
        if (!first && !lines)
            eo_strbuf_puts(out, ",");
        first = false;
        eo_strbuf_puts(out, s->dims[i].name);
        eo_strbuf_puts(out, "=");
        eo_space_value_text(s, i, cand[i], out);
        if (lines)
            eo_strbuf_puts(out, "\n");
    }
    return out->oom ? EO_NOMEM : EO_OK;
}

eo_status
eo_space_format(const eo_space *s, const uint32_t *cand, eo_strbuf *out)
{
    return write_cand(s, cand, out, false);
}

eo_status
eo_space_knob_lines(const eo_space *s, const uint32_t *cand, eo_strbuf *out)
{
    return write_cand(s, cand, out, true);
}

eo_status
eo_space_parse(const eo_space *s, const char *text, uint32_t *cand)
{
    eo_status st = EO_OK;
    bool *seen = calloc(s->n ? s->n : 1, sizeof *seen);
    eo_strbuf val = { 0 };
    if (!seen)
        return EO_NOMEM;
    const char *p = text;
    while (*p && st == EO_OK) {
        const char *eq = strchr(p, '='), *comma = strchr(p, ','), *end;
        /* The value ends at the next ',' outside quotes. */
        bool quoted = false;
        for (end = eq ? eq + 1 : p; *end && (quoted || *end != ','); end++)
            if (*end == '"')
                quoted = !quoted;
        if (!eq || (comma && comma < eq)) {
            st = eo_emit_error(s->ctx, NULL, "candidate '%s': expected "
                               "'name=value'", text);
            break;
        }
        long di = -1;
        for (size_t i = 0; i < s->n && di < 0; i++)
            if (strlen(s->dims[i].name) == (size_t)(eq - p) &&
                !memcmp(s->dims[i].name, p, (size_t)(eq - p)))
                di = (long)i;
        if (di < 0) {
            st = eo_emit_error(s->ctx, NULL, "candidate '%s': unknown "
                               "dimension '%.*s'", text, (int)(eq - p), p);
            break;
        }
        long vi = -1;
        size_t vn = (size_t)(end - eq - 1);
        for (uint32_t v = 0; v < s->dims[di].size && vi < 0; v++) {
            val.len = 0;
            if (val.data)
                val.data[0] = '\0';
            eo_space_value_text(s, (size_t)di, v, &val);
            if (val.oom) {
                st = EO_NOMEM;
                break;
            }
            if (val.len == vn && !memcmp(val.data, eq + 1, vn))
                vi = (long)v;
        }
        if (st == EO_OK && vi < 0)
            st = eo_emit_error(s->ctx, NULL, "candidate '%s': '%.*s' is not "
                               "a value of '%s'", text, (int)vn, eq + 1,
                               s->dims[di].name);
        if (st == EO_OK) {
            cand[di] = (uint32_t)vi;
            seen[di] = true;
        }
        p = *end ? end + 1 : end;
    }
    for (size_t i = 0; i < s->n && st == EO_OK; i++)
        if (!seen[i] && s->dims[i].cond)
            cand[i] = s->dims[i].def;
        else if (!seen[i])
            st = eo_emit_error(s->ctx, NULL, "candidate '%s': no value for "
                               "'%s'", text, s->dims[i].name);
    eo_strbuf_free(&val);
    free(seen);
    return st;
}

/* rewrite/pass.c - the pass registry of a context and typed pass options.
 *
 * Each context has its own registry (a name-sorted array of borrowed
 * eo_pass_def rows). Options are parsed from MLIR's option syntax
 * ("max-iterations=3 top-down=false") into the pass's options struct at
 * each option's offset: EO_OPT_BOOL is a bool, EO_OPT_INT an int64_t and
 * EO_OPT_STRING a const char * (owned by the pass manager).
 */
#include "rewrite/pm_internal.h"
#include "rewrite/rewrite.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Per-context registry                                                */
/* ------------------------------------------------------------------ */

/* The registry lives in context arena memory (freed with the context),
 * found through the context's extension slot keyed by this variable. */
static const char registry_key;

typedef struct registry {
    const eo_pass_def **defs;         /* sorted by name, arena memory */
    size_t n, cap;
} registry;

static registry *
get_registry(eo_ctx *ctx, bool create)
{
    registry *reg = eo_ctx_ext_get(ctx, &registry_key);
    if (reg || !create)
        return reg;
    reg = eo_ctx_alloc(ctx, sizeof(*reg));
    if (!reg)
        return NULL;
    if (eo_ctx_ext_set(ctx, &registry_key, reg, NULL) != EO_OK) {
        eo_ctx_free(ctx, reg, sizeof(*reg));
        return NULL;
    }
    return reg;
}

/* Index of 'name' in the sorted registry, or where it would go. */
static size_t
reg_find(const registry *reg, const char *name, bool *found)
{
    size_t lo = 0, hi = reg->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(reg->defs[mid]->name, name);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

static bool
valid_pass_name(const char *s)
{
    if (!s || !*s)
        return false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    }
    return strcmp(s, "optional") != 0 && strcmp(s, "any") != 0;
}

/* Checks a definition's table: names, offsets and defaults. */
static eo_status
check_def(eo_ctx *ctx, const eo_pass_def *def)
{
    const eo_loc *unk = eo_loc_unknown(ctx);
    if (!valid_pass_name(def->name))
        return eo_emit_error(ctx, unk, "invalid pass name '%s'",
                             def->name ? def->name : "");
    if (!def->run)
        return eo_emit_error(ctx, unk, "pass '%s' has no run hook",
                             def->name);
    if (def->num_options && !def->options)
        return eo_emit_error(ctx, unk, "pass '%s' lists options but has "
                             "no option table", def->name);
    for (size_t i = 0; i < def->num_options; i++) {
        const eo_pass_option *o = &def->options[i];
        size_t size = o->kind == EO_OPT_BOOL  ? sizeof(bool)
                      : o->kind == EO_OPT_INT ? sizeof(int64_t)
                                              : sizeof(const char *);
        if (!valid_pass_name(o->name) ||
            (o->kind != EO_OPT_BOOL && o->kind != EO_OPT_INT &&
             o->kind != EO_OPT_STRING) ||
            o->offset > def->options_size ||
            def->options_size - o->offset < size)
            return eo_emit_error(ctx, unk, "pass '%s': invalid option "
                                 "'%s' (name, kind or offset)", def->name,
                                 o->name ? o->name : "");
        for (size_t j = 0; j < i; j++)
            if (strcmp(def->options[j].name, o->name) == 0)
                return eo_emit_error(ctx, unk, "pass '%s': option '%s' "
                                     "appears twice", def->name, o->name);
    }
    eo_pass_opts opts;
    return eo_pass_opts_parse(ctx, def, "", 0, NULL, &opts) == EO_OK
               ? (eo_pass_opts_release(&opts), EO_OK)
               : EO_ERROR;
}

eo_status
eo_pass_register(eo_ctx *ctx, const eo_pass_def *def)
{
    if (!ctx || !def)
        return EO_ERROR;
    registry *reg = get_registry(ctx, true);
    if (!reg)
        return EO_NOMEM;
    bool found;
    size_t at = reg_find(reg, def->name ? def->name : "", &found);
    if (found) {
        if (reg->defs[at] == def)
            return EO_OK;
        return eo_emit_error(ctx, eo_loc_unknown(ctx), "pass '%s' is "
                             "already registered", def->name);
    }
    eo_status st = check_def(ctx, def);
    if (st != EO_OK)
        return st;
    if (reg->n == reg->cap) {
        size_t ncap = reg->cap ? reg->cap * 2 : 16;
        const eo_pass_def **nd = eo_ctx_alloc(ctx, ncap * sizeof(*nd));
        if (!nd)
            return EO_NOMEM;
        if (reg->n)
            memcpy(nd, reg->defs, reg->n * sizeof(*nd));
        eo_ctx_free(ctx, reg->defs, reg->cap * sizeof(*nd));
        reg->defs = nd;
        reg->cap = ncap;
    }
    memmove(reg->defs + at + 1, reg->defs + at,
            (reg->n - at) * sizeof(*reg->defs));
    reg->defs[at] = def;
    reg->n++;
    return EO_OK;
}

const eo_pass_def *
eo_pass_lookup(eo_ctx *ctx, const char *name)
{
    registry *reg = ctx && name ? get_registry(ctx, false) : NULL;
    if (!reg)
        return NULL;
    bool found;
    size_t at = reg_find(reg, name, &found);
    return found ? reg->defs[at] : NULL;
}

void
eo_pass_foreach(eo_ctx *ctx, void (*f)(const eo_pass_def *d, void *ud),
                void *ud)
{
    registry *reg = ctx ? get_registry(ctx, false) : NULL;
    if (!reg)
        return;
    for (size_t i = 0; i < reg->n; i++)
        f(reg->defs[i], ud);
}

/* "--name=<type>" of an option as mlir-opt's help shows it. */
static void
option_spelling(const eo_pass_option *o, eo_strbuf *out)
{
    eo_strbuf_printf(out, "--%s", o->name);
    if (o->kind == EO_OPT_INT)
        eo_strbuf_puts(out, "=<long>");
    else if (o->kind == EO_OPT_STRING)
        eo_strbuf_puts(out, "=<string>");
}

typedef struct list_state {
    eo_strbuf *out;
    size_t width;
    bool measure;
} list_state;

static void
list_one(const eo_pass_def *d, void *ud)
{
    list_state *ls = ud;
    eo_strbuf sp = { 0 };
    eo_strbuf_printf(&sp, "  --%s", d->name);
    if (ls->measure) {
        if (sp.len > ls->width)
            ls->width = sp.len;
    } else {
        eo_strbuf_printf(ls->out, "%-*s -   %s\n", (int)ls->width,
                         sp.data ? sp.data : "",
                         d->description ? d->description : "");
    }
    for (size_t i = 0; i < d->num_options; i++) {
        const eo_pass_option *o = &d->options[i];
        sp.len = 0;
        eo_strbuf_puts(&sp, "    ");
        option_spelling(o, &sp);
        if (ls->measure) {
            if (sp.len > ls->width)
                ls->width = sp.len;
            continue;
        }
        eo_strbuf_printf(ls->out, "%-*s - %s", (int)ls->width,
                         sp.data ? sp.data : "",
                         o->description ? o->description : "");
        if (o->default_value && *o->default_value)
            eo_strbuf_printf(ls->out, " (default: %s)", o->default_value);
        eo_strbuf_puts(ls->out, "\n");
    }
    eo_strbuf_free(&sp);
}

void
eo_pass_list(eo_ctx *ctx, eo_strbuf *out)
{
    list_state ls = { .out = out, .width = 0, .measure = true };
    eo_pass_foreach(ctx, list_one, &ls);
    ls.measure = false;
    eo_strbuf_puts(out, "Available passes:\n");
    eo_pass_foreach(ctx, list_one, &ls);
}

/* ------------------------------------------------------------------ */
/* Display names                                                       */
/* ------------------------------------------------------------------ */

/* MLIR's pass class names (Pass::getName) for the upstream passes we
 * mirror, so IR dump headers and timing reports read as mlir-opt's. */
static const struct {
    const char *arg, *name;
} mlir_names[] = {
    { "canonicalize", "Canonicalizer" },
    { "cse", "CSE" },
    { "inline", "Inliner" },
    { "sccp", "SCCP" },
    { "symbol-dce", "SymbolDCE" },
};

const char *
eo_pass_display_name(const eo_pass_def *def)
{
    for (size_t i = 0; i < sizeof(mlir_names) / sizeof(mlir_names[0]); i++)
        if (strcmp(def->name, mlir_names[i].arg) == 0)
            return mlir_names[i].name;
    return def->name;
}

/* ------------------------------------------------------------------ */
/* Diagnostics at a column of some text                                */
/* ------------------------------------------------------------------ */

eo_status
eo_text_error(eo_ctx *ctx, const eo_text_origin *o, size_t col,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char msg[512];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (!o || !o->source)
        return eo_emit_error(ctx, eo_loc_unknown(ctx), "%s", msg);
    const eo_loc *loc = eo_loc_file(ctx, eo_ident_cstr(ctx, o->source), 1,
                                    (unsigned)(o->base + col));
    if (!loc)
        return eo_emit_error(ctx, eo_loc_unknown(ctx), "%s", msg);
    /* The text is registered only while the diagnostic is emitted: the
     * caller's buffer may not outlive this call. */
    bool shown = o->full &&
                 eo_ctx_add_source(ctx, o->source, o->full, o->full_len) ==
                     EO_OK;
    eo_status st = eo_emit_error(ctx, loc, "%s", msg);
    if (shown)
        (void)eo_ctx_add_source(ctx, o->source, "", 0);
    return st;
}

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

void
eo_pass_opts_release(eo_pass_opts *opts)
{
    for (size_t i = 0; i < opts->num_strings; i++)
        free(opts->strings[i]);
    free(opts->strings);
    free(opts->data);
    memset(opts, 0, sizeof(*opts));
}

static bool
parse_bool_text(const char *v, size_t n, bool *out)
{
    static const char *const yes[] = { "true", "TRUE", "True", "1" };
    static const char *const no[] = { "false", "FALSE", "False", "0" };
    for (size_t i = 0; i < 4; i++) {
        if (strlen(yes[i]) == n && memcmp(v, yes[i], n) == 0)
            return *out = true, true;
        if (strlen(no[i]) == n && memcmp(v, no[i], n) == 0)
            return *out = false, true;
    }
    return false;
}

static bool
parse_int_text(const char *v, size_t n, int64_t *out)
{
    char buf[32];
    if (n == 0 || n >= sizeof(buf))
        return false;
    memcpy(buf, v, n);
    buf[n] = '\0';
    char *end;
    errno = 0;
    long long x = strtoll(buf, &end, 0);
    if (errno || *end || buf[0] == ' ' || buf[0] == '+')
        return false;
    *out = (int64_t)x;
    return true;
}

/* Sets option 'o' from value text v[0, n); 'col' is where the value
 * starts (for errors). */
static eo_status
set_option(eo_ctx *ctx, const eo_pass_def *def, const eo_pass_option *o,
           const char *v, size_t n, const eo_text_origin *orig, size_t col,
           eo_pass_opts *opts)
{
    char *slot = (char *)opts->data + o->offset;
    switch (o->kind) {
    case EO_OPT_BOOL: {
        bool b;
        if (!parse_bool_text(v, n, &b))
            return eo_text_error(ctx, orig, col, "invalid value '%.*s' for "
                                 "boolean option '%s' of pass '%s' "
                                 "(expected true or false)", (int)n, v,
                                 o->name, def->name);
        memcpy(slot, &b, sizeof(b));
        return EO_OK;
    }
    case EO_OPT_INT: {
        int64_t x;
        if (!parse_int_text(v, n, &x))
            return eo_text_error(ctx, orig, col, "invalid value '%.*s' for "
                                 "integer option '%s' of pass '%s'", (int)n,
                                 v, o->name, def->name);
        memcpy(slot, &x, sizeof(x));
        return EO_OK;
    }
    case EO_OPT_STRING: {
        char **ns = realloc(opts->strings,
                            (opts->num_strings + 1) * sizeof(*ns));
        if (!ns)
            return EO_NOMEM;
        opts->strings = ns;
        char *s = malloc(n + 1);
        if (!s)
            return EO_NOMEM;
        memcpy(s, v, n);
        s[n] = '\0';
        opts->strings[opts->num_strings++] = s;
        const char *cs = s;
        memcpy(slot, &cs, sizeof(cs));
        return EO_OK;
    }
    }
    return EO_ERROR;
}

/* Sets option 'o' of 'opts' to its default, quietly (the defaults were
 * checked at registration); false on allocation failure. */
static bool
default_into(const eo_pass_def *def, const eo_pass_option *o,
             eo_pass_opts *opts)
{
    (void)def;
    const char *dv = o->default_value ? o->default_value : "";
    char *slot = (char *)opts->data + o->offset;
    size_t n = strlen(dv);
    if (o->kind == EO_OPT_BOOL) {
        bool b = false;
        (void)parse_bool_text(dv, n, &b);
        memcpy(slot, &b, sizeof(b));
    } else if (o->kind == EO_OPT_INT) {
        int64_t x = 0;
        (void)parse_int_text(dv, n, &x);
        memcpy(slot, &x, sizeof(x));
    } else {
        char **ns = realloc(opts->strings,
                            (opts->num_strings + 1) * sizeof(*ns));
        if (!ns)
            return false;
        opts->strings = ns;
        char *str = malloc(n + 1);
        if (!str)
            return false;
        memcpy(str, dv, n + 1);
        opts->strings[opts->num_strings++] = str;
        const char *cs = str;
        memcpy(slot, &cs, sizeof(cs));
    }
    return true;
}

static const eo_pass_option *
find_option(const eo_pass_def *def, const char *name, size_t n)
{
    for (size_t i = 0; i < def->num_options; i++) {
        const eo_pass_option *o = &def->options[i];
        if (strlen(o->name) == n && memcmp(o->name, name, n) == 0)
            return o;
    }
    return NULL;
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Scans one value starting at text[*i]: "quoted", {braced} (nesting
 * counted) or up to the next blank. Sets the value's extent. */
static eo_status
scan_value(eo_ctx *ctx, const char *text, size_t len, size_t *i,
           const eo_text_origin *orig, size_t *vs, size_t *vn)
{
    size_t p = *i;
    if (p < len && text[p] == '"') {
        size_t q = p + 1;
        while (q < len && text[q] != '"')
            q++;
        if (q >= len)
            return eo_text_error(ctx, orig, p, "unterminated quoted option "
                                 "value");
        *vs = p + 1;
        *vn = q - p - 1;
        *i = q + 1;
        return EO_OK;
    }
    if (p < len && text[p] == '{') {
        size_t depth = 0, q = p;
        for (; q < len; q++) {
            if (text[q] == '{')
                depth++;
            else if (text[q] == '}' && --depth == 0)
                break;
        }
        if (q >= len)
            return eo_text_error(ctx, orig, p, "unbalanced '{' in option "
                                 "value");
        *vs = p + 1;
        *vn = q - p - 1;
        *i = q + 1;
        return EO_OK;
    }
    size_t q = p;
    while (q < len && !is_space(text[q]))
        q++;
    *vs = p;
    *vn = q - p;
    *i = q;
    return EO_OK;
}

eo_status
eo_pass_opts_parse(eo_ctx *ctx, const eo_pass_def *def, const char *text,
                   size_t len, const eo_text_origin *orig, eo_pass_opts *opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->data = calloc(1, def->options_size ? def->options_size : 1);
    if (!opts->data)
        return EO_NOMEM;
    eo_status st = EO_OK;
    for (size_t i = 0; i < def->num_options && st == EO_OK; i++) {
        const eo_pass_option *o = &def->options[i];
        const char *dv = o->default_value ? o->default_value : "";
        if (!*dv && o->kind != EO_OPT_STRING)
            continue;                 /* zero / false */
        st = set_option(ctx, def, o, dv, strlen(dv), NULL, 0, opts);
    }
    size_t i = 0;
    while (st == EO_OK) {
        while (i < len && is_space(text[i]))
            i++;
        if (i >= len)
            break;
        size_t ks = i;
        while (i < len && !is_space(text[i]) && text[i] != '=')
            i++;
        const eo_pass_option *o = find_option(def, text + ks, i - ks);
        if (!o) {
            st = eo_text_error(ctx, orig, ks, "no option '%.*s' in pass "
                               "'%s'", (int)(i - ks), text + ks, def->name);
            break;
        }
        if (i >= len || text[i] != '=') {
            if (o->kind != EO_OPT_BOOL) {
                st = eo_text_error(ctx, orig, ks, "option '%s' of pass '%s' "
                                   "needs a value", o->name, def->name);
                break;
            }
            st = set_option(ctx, def, o, "true", 4, orig, ks, opts);
            continue;
        }
        i++;
        size_t vcol = i, vs = 0, vn = 0;
        st = scan_value(ctx, text, len, &i, orig, &vs, &vn);
        if (st == EO_OK)
            st = set_option(ctx, def, o, text + vs, vn, orig, vcol, opts);
    }
    if (st != EO_OK)
        eo_pass_opts_release(opts);
    return st;
}

/* Whether a string value must be braced to read back as one value. */
static bool
needs_braces(const char *s)
{
    if (!*s)
        return true;
    for (const char *p = s; *p; p++)
        if (is_space(*p) || *p == '{' || *p == '}' || *p == ',' ||
            *p == '"' || *p == '(' || *p == ')')
            return true;
    return false;
}

/* Whether option 'o' has the same value in 'a' and 'b'. */
static bool
same_value(const eo_pass_option *o, const eo_pass_opts *a,
           const eo_pass_opts *b)
{
    const char *x = (const char *)a->data + o->offset;
    const char *y = (const char *)b->data + o->offset;
    if (o->kind == EO_OPT_BOOL)
        return memcmp(x, y, sizeof(bool)) == 0;
    if (o->kind == EO_OPT_INT)
        return memcmp(x, y, sizeof(int64_t)) == 0;
    const char *s, *t;
    memcpy(&s, x, sizeof(s));
    memcpy(&t, y, sizeof(t));
    return strcmp(s ? s : "", t ? t : "") == 0;
}

void
eo_pass_opts_print(const eo_pass_def *def, const eo_pass_opts *opts,
                   bool only_changed, eo_strbuf *out)
{
    if (!def->num_options)
        return;
    eo_pass_opts defaults = { 0 };
    if (only_changed) {
        /* Defaults parsed when the pass was registered: cannot fail but
         * for memory, where everything is printed. */
        defaults.data = calloc(1, def->options_size ? def->options_size
                                                    : 1);
        if (!defaults.data)
            only_changed = false;
    }
    bool any = false;
    for (size_t i = 0; i < def->num_options; i++) {
        const eo_pass_option *o = &def->options[i];
        const char *slot = (const char *)opts->data + o->offset;
        if (only_changed) {
            if (!default_into(def, o, &defaults))
                only_changed = false;
            else if (same_value(o, opts, &defaults))
                continue;
        }
        eo_strbuf_puts(out, any ? " " : "{");
        any = true;
        eo_strbuf_printf(out, "%s=", o->name);
        if (o->kind == EO_OPT_BOOL) {
            bool b;
            memcpy(&b, slot, sizeof(b));
            eo_strbuf_puts(out, b ? "true" : "false");
        } else if (o->kind == EO_OPT_INT) {
            int64_t x;
            memcpy(&x, slot, sizeof(x));
            eo_strbuf_printf(out, "%" PRId64, x);
        } else {
            const char *s;
            memcpy(&s, slot, sizeof(s));
            if (!s)
                s = "";
            if (needs_braces(s))
                eo_strbuf_printf(out, "{%s}", s);
            else
                eo_strbuf_puts(out, s);
        }
    }
    if (any)
        eo_strbuf_puts(out, "}");
    if (defaults.data)
        eo_pass_opts_release(&defaults);
}

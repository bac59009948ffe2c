/* ir/diag.c - diagnostics: builders with notes, the handler hook, and the
 * default handler ("file:line:col: error: msg", the source line, a caret).
 */
#include "ir/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A diagnostic under construction. Memory is malloc'ed (not the user
 * allocator's): diagnostics must still come out when that one fails. */
struct eo_diag_builder {
    eo_ctx *ctx;
    eo_diag diag;
    char *message;
    eo_diag *notes;
    char **note_msgs;
    size_t num_notes, cap_notes;
};

static char *
vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return NULL;
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

eo_diag_builder *
eo_diag_beginv(eo_ctx *ctx, eo_severity sev, const eo_loc *loc,
               const char *fmt, va_list ap)
{
    eo_diag_builder *b = calloc(1, sizeof(*b));
    if (!b)
        return NULL;
    b->ctx = ctx;
    b->message = vformat(fmt, ap);
    b->diag.severity = sev;
    b->diag.loc = loc;
    b->diag.message = b->message ? b->message : "(out of memory)";
    return b;
}

eo_diag_builder *
eo_diag_begin(eo_ctx *ctx, eo_severity sev, const eo_loc *loc,
              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_diag_builder *b = eo_diag_beginv(ctx, sev, loc, fmt, ap);
    va_end(ap);
    return b;
}

void
eo_diag_note(eo_diag_builder *b, const eo_loc *loc, const char *fmt, ...)
{
    if (!b)
        return;
    if (b->num_notes == b->cap_notes) {
        size_t ncap = b->cap_notes ? b->cap_notes * 2 : 2;
        eo_diag *n = realloc(b->notes, ncap * sizeof(*n));
        if (!n)
            return;
        b->notes = n;
        char **m = realloc(b->note_msgs, ncap * sizeof(*m));
        if (!m)
            return;
        b->note_msgs = m;
        b->cap_notes = ncap;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    if (!msg)
        return;
    b->note_msgs[b->num_notes] = msg;
    b->notes[b->num_notes] = (eo_diag){ .severity = EO_SEV_NOTE, .loc = loc,
                                        .message = msg };
    b->num_notes++;
}

static void
default_handler(eo_ctx *ctx, const eo_diag *d)
{
    eo_strbuf out = { 0 };
    eo_diag_format(ctx, d, &out);
    if (out.data)
        fputs(out.data, stderr);
    else
        fprintf(stderr, "error: %s\n", d->message);
    fflush(stderr);
    eo_strbuf_free(&out);
}

eo_status
eo_diag_emit(eo_diag_builder *b)
{
    if (!b)
        return EO_ERROR;
    eo_status st = b->diag.severity == EO_SEV_ERROR ? EO_ERROR : EO_OK;
    b->diag.notes = b->notes;
    b->diag.num_notes = b->num_notes;
    eo_diag_handler h;
    void *ud;
    if (eo_ctx_get_diag_handler(b->ctx, &h, &ud))
        h(&b->diag, ud);
    else
        default_handler(b->ctx, &b->diag);
    for (size_t i = 0; i < b->num_notes; i++)
        free(b->note_msgs[i]);
    free(b->note_msgs);
    free(b->notes);
    free(b->message);
    free(b);
    return st;
}

static eo_status
emitv(eo_ctx *ctx, eo_severity sev, const eo_loc *loc, const char *fmt,
      va_list ap)
{
    eo_diag_builder *b = eo_diag_beginv(ctx, sev, loc, fmt, ap);
    if (!b) {
        /* Out of memory: still say something. */
        fprintf(stderr, "error: out of memory while reporting: %s\n", fmt);
        return sev == EO_SEV_ERROR ? EO_ERROR : EO_OK;
    }
    return eo_diag_emit(b);
}

eo_status
eo_emit_error(eo_ctx *ctx, const eo_loc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    eo_status st = emitv(ctx, EO_SEV_ERROR, loc, fmt, ap);
    va_end(ap);
    return st;
}

void
eo_emit_warning(eo_ctx *ctx, const eo_loc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    (void)emitv(ctx, EO_SEV_WARNING, loc, fmt, ap);
    va_end(ap);
}

void
eo_emit_remark(eo_ctx *ctx, const eo_loc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    (void)emitv(ctx, EO_SEV_REMARK, loc, fmt, ap);
    va_end(ap);
}

static const char *
sev_name(eo_severity s)
{
    switch (s) {
    case EO_SEV_ERROR: return "error";
    case EO_SEV_WARNING: return "warning";
    case EO_SEV_NOTE: return "note";
    case EO_SEV_REMARK: return "remark";
    }
    return "error";
}

/* One line: "loc: sev: msg\n" then the source line and caret if known. */
static void
format_one(eo_ctx *ctx, const eo_diag *d, eo_strbuf *out)
{
    const eo_loc *f = d->loc ? eo_loc_find_file(d->loc) : NULL;
    if (f) {
        eo_strbuf_printf(out, "%s:%u:%u: ", eo_ident_str(eo_loc_filename(f)),
                         eo_loc_line(f), eo_loc_col(f));
    } else if (d->loc && eo_loc_get_kind(d->loc) != EO_LOC_UNKNOWN) {
        /* A location with no file (e.g. a bare name): print it as is. */
        eo_printer p = { .ctx = ctx, .out = out };
        eo_print_loc_impl(&p, d->loc);
        eo_strbuf_puts(out, ": ");
    } else {
        eo_strbuf_puts(out, "<unknown>:0: ");
    }
    eo_strbuf_printf(out, "%s: %s\n", sev_name(d->severity), d->message);
    const char *text;
    size_t len;
    if (!f || !eo_ctx_source_line(ctx, eo_ident_str(eo_loc_filename(f)),
                                  eo_loc_line(f), &text, &len))
        return;
    eo_strbuf_append(out, text, len);
    eo_strbuf_append(out, "\n", 1);
    unsigned col = eo_loc_col(f);
    for (unsigned i = 1; i < col && i <= len; i++)
        eo_strbuf_append(out, text[i - 1] == '\t' ? "\t" : " ", 1);
    eo_strbuf_append(out, "^\n", 2);
}

void
eo_diag_format(eo_ctx *ctx, const eo_diag *d, eo_strbuf *out)
{
    format_one(ctx, d, out);
    for (size_t i = 0; i < d->num_notes; i++)
        format_one(ctx, &d->notes[i], out);
}

/* rewrite/pipeline.c - MLIR's textual pass pipeline syntax, parsed into
 * the pass manager's element tree and printed back.
 *
 *   list    := element (',' element)*
 *   element := pass-name ['{' options '}']
 *            | op-name '(' list ')'        nested pipeline (func.func(cse))
 *            | 'optional' '(' list ')'      run the list or not: a knob
 *            | 'any' '(' list ')'           run one element of the list
 *
 * Errors are reported at their column of the text ("<pass-pipeline>").
 */
#include "rewrite/pm_internal.h"
#include "rewrite/rewrite.h"

#include <stdlib.h>
#include <string.h>

eo_pm_elem *
eo_pm_elem_new(eo_pm_elem_kind kind)
{
    eo_pm_elem *e = calloc(1, sizeof(*e));
    if (e) {
        e->kind = kind;
        e->chosen = -1;
    }
    return e;
}

void
eo_pm_elem_free(eo_pm_elem *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->num_kids; i++)
        eo_pm_elem_free(e->kids[i]);
    free(e->kids);
    free(e->anchor);
    if (e->opts.data)
        eo_pass_opts_release(&e->opts);
    free(e);
}

eo_status
eo_pm_elem_push(eo_pm_elem *parent, eo_pm_elem *kid)
{
    if (parent->num_kids == parent->cap_kids) {
        size_t ncap = parent->cap_kids ? parent->cap_kids * 2 : 4;
        eo_pm_elem **nk = realloc(parent->kids, ncap * sizeof(*nk));
        if (!nk)
            return EO_NOMEM;
        parent->kids = nk;
        parent->cap_kids = ncap;
    }
    parent->kids[parent->num_kids++] = kid;
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

typedef struct pparser {
    eo_ctx *ctx;
    const char *text;
    size_t len, pos;
    eo_text_origin orig;
    unsigned *next_knob;
    unsigned depth;
} pparser;

/* Nesting bound: pipelines are short, but the text may come from
 * anywhere. */
#define MAX_PIPELINE_DEPTH 64u

static void
skip_blanks(pparser *p)
{
    while (p->pos < p->len &&
           (p->text[p->pos] == ' ' || p->text[p->pos] == '\t' ||
            p->text[p->pos] == '\n' || p->text[p->pos] == '\r'))
        p->pos++;
}

static bool
name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

static eo_status
perr(pparser *p, size_t col, const char *fmt, const char *a, size_t alen)
{
    return eo_text_error(p->ctx, &p->orig, col, fmt, (int)alen, a);
}

static eo_status parse_list(pparser *p, eo_pm_elem *seq,
                            const char *anchor);

/* One element at p->pos into 'seq'; 'anchor' is the op the enclosing
 * pipeline runs on. */
static eo_status
parse_element(pparser *p, eo_pm_elem *seq, const char *anchor)
{
    skip_blanks(p);
    size_t start = p->pos;
    while (p->pos < p->len && name_char(p->text[p->pos]))
        p->pos++;
    const char *name = p->text + start;
    size_t nlen = p->pos - start;
    skip_blanks(p);
    char next = p->pos < p->len ? p->text[p->pos] : '\0';
    if (nlen == 0) {
        if (next == ')' || next == ',' || next == '\0')
            return perr(p, start, "'%.*s' does not refer to a registered "
                        "pass or pass pipeline", "", 0);
        return perr(p, start, "unexpected '%.*s' where a pass name was "
                    "expected", p->text + start, 1);
    }
    if (next == '(') {
        if (++p->depth > MAX_PIPELINE_DEPTH)
            return perr(p, start, "pipeline nested too deeply%.*s", "", 0);
        bool opt = nlen == 8 && memcmp(name, "optional", 8) == 0;
        bool any = nlen == 3 && memcmp(name, "any", 3) == 0;
        if (!opt && !any && !memchr(name, '.', nlen))
            return perr(p, start, "'%.*s' is not an operation name: a "
                        "nested pipeline is anchored on an op such as "
                        "'func.func'", name, nlen);
        eo_pm_elem *e = eo_pm_elem_new(opt ? EO_PM_OPTIONAL
                                       : any ? EO_PM_ANY : EO_PM_NESTED);
        if (!e || eo_pm_elem_push(seq, e) != EO_OK) {
            eo_pm_elem_free(e);
            return EO_NOMEM;
        }
        if (opt || any) {
            e->knob = (*p->next_knob)++;
        } else {
            e->anchor = malloc(nlen + 1);
            if (!e->anchor)
                return EO_NOMEM;
            memcpy(e->anchor, name, nlen);
            e->anchor[nlen] = '\0';
        }
        size_t open = p->pos++;
        eo_status st = parse_list(p, e, opt || any ? anchor : e->anchor);
        if (st != EO_OK)
            return st;
        if (p->pos >= p->len)
            return perr(p, p->pos, "encountered unbalanced parentheses "
                        "while parsing pipeline%.*s", "", 0);
        if (p->text[p->pos] != ')')
            return perr(p, p->pos, "expected ',' or ')' after a pipeline "
                        "element, found '%.*s'", p->text + p->pos, 1);
        p->pos++;
        p->depth--;
        if (e->num_kids == 0 && (opt || any))
            return perr(p, open, "'%.*s(...)' needs at least one element",
                        name, nlen);
        return EO_OK;
    }
    char buf[256];
    if (nlen >= sizeof(buf))
        return perr(p, start, "pass name '%.*s' is too long", name, nlen);
    memcpy(buf, name, nlen);
    buf[nlen] = '\0';
    const eo_pass_def *def = eo_pass_lookup(p->ctx, buf);
    if (!def)
        return perr(p, start, "'%.*s' does not refer to a registered pass "
                    "or pass pipeline", name, nlen);
    if (def->anchor && anchor && strcmp(def->anchor, anchor) != 0) {
        return eo_text_error(p->ctx, &p->orig, start, "pass '%s' runs on "
                             "'%s' operations and cannot run on '%s' ones; "
                             "nest it as %s(%s)", def->name, def->anchor,
                             anchor, def->anchor, def->name);
    }
    eo_pm_elem *e = eo_pm_elem_new(EO_PM_PASS);
    if (!e || eo_pm_elem_push(seq, e) != EO_OK) {
        eo_pm_elem_free(e);
        return EO_NOMEM;
    }
    e->def = def;
    const char *otext = "";
    size_t olen = 0, ocol = p->pos;
    if (next == '{') {
        size_t depth = 0, q = p->pos;
        for (; q < p->len; q++) {
            if (p->text[q] == '{')
                depth++;
            else if (p->text[q] == '}' && --depth == 0)
                break;
        }
        if (q >= p->len)
            return perr(p, p->pos, "missing '}' after the options of "
                        "'%.*s'", name, nlen);
        otext = p->text + p->pos + 1;
        olen = q - p->pos - 1;
        ocol = p->pos + 1;
        p->pos = q + 1;
    }
    eo_text_origin oo = p->orig;
    oo.base = p->orig.base + (unsigned)ocol;
    return eo_pass_opts_parse(p->ctx, def, otext, olen, &oo, &e->opts);
}

static eo_status
parse_list(pparser *p, eo_pm_elem *seq, const char *anchor)
{
    skip_blanks(p);
    if (p->pos >= p->len || p->text[p->pos] == ')')
        return EO_OK;                 /* empty list */
    for (;;) {
        eo_status st = parse_element(p, seq, anchor);
        if (st != EO_OK)
            return st;
        skip_blanks(p);
        if (p->pos < p->len && p->text[p->pos] == ',') {
            p->pos++;
            continue;
        }
        return EO_OK;
    }
}

eo_status
eo_pipeline_parse(eo_ctx *ctx, eo_pm_elem *seq, const char *text,
                  unsigned *next_knob)
{
    pparser p = { .ctx = ctx, .text = text, .len = strlen(text),
                  .next_knob = next_knob };
    p.orig = (eo_text_origin){ .source = "<pass-pipeline>", .full = text,
                               .full_len = p.len, .base = 1 };
    eo_pm_elem *tmp = eo_pm_elem_new(EO_PM_NESTED);
    if (!tmp)
        return EO_NOMEM;
    unsigned knob0 = *next_knob;
    /* "anchor(...)" around the whole text names the pass manager's own
     * op: parse what is inside into it. */
    size_t alen = strlen(seq->anchor);
    size_t lead = 0;
    while (lead < p.len && (text[lead] == ' ' || text[lead] == '\t'))
        lead++;
    bool wrapped = false;
    if (p.len - lead > alen && memcmp(text + lead, seq->anchor, alen) == 0) {
        size_t q = lead + alen;
        while (q < p.len && (text[q] == ' ' || text[q] == '\t'))
            q++;
        wrapped = q < p.len && text[q] == '(';
        if (wrapped)
            p.pos = q + 1;
    }
    eo_status st = parse_list(&p, tmp, seq->anchor);
    if (st == EO_OK && wrapped) {
        if (p.pos >= p.len)
            st = perr(&p, p.pos, "encountered unbalanced parentheses while "
                      "parsing pipeline%.*s", "", 0);
        else if (p.text[p.pos] != ')')
            st = perr(&p, p.pos, "expected ',' or ')' after a pipeline "
                      "element, found '%.*s'", p.text + p.pos, 1);
        else
            p.pos++;
    }
    skip_blanks(&p);
    if (st == EO_OK && p.pos < p.len) {
        if (p.text[p.pos] == ')')
            st = perr(&p, p.pos, "encountered extra closing ')' creating "
                      "unbalanced parentheses while parsing pipeline%.*s",
                      "", 0);
        else
            st = perr(&p, p.pos, "expected ',' or ')' after a pipeline "
                      "element, found '%.*s'", p.text + p.pos, 1);
    }
    if (st == EO_OK) {
        for (size_t i = 0; i < tmp->num_kids && st == EO_OK; i++) {
            st = eo_pm_elem_push(seq, tmp->kids[i]);
            if (st == EO_OK)
                tmp->kids[i] = NULL;
        }
    }
    if (st != EO_OK)
        *next_knob = knob0;
    eo_pm_elem_free(tmp);
    return st;
}

/* ------------------------------------------------------------------ */
/* Printing                                                            */
/* ------------------------------------------------------------------ */

static void print_seq(const eo_pm_elem *seq, bool brief, eo_strbuf *out);

static void
print_elem(const eo_pm_elem *e, bool brief, eo_strbuf *out)
{
    switch (e->kind) {
    case EO_PM_PASS:
        eo_strbuf_puts(out, e->def->name);
        eo_pass_opts_print(e->def, &e->opts, brief, out);
        return;
    case EO_PM_NESTED:
        eo_strbuf_puts(out, e->anchor);
        break;
    case EO_PM_OPTIONAL:
        eo_strbuf_puts(out, "optional");
        break;
    case EO_PM_ANY:
        eo_strbuf_puts(out, "any");
        break;
    }
    eo_strbuf_puts(out, "(");
    print_seq(e, brief, out);
    eo_strbuf_puts(out, ")");
}

static void
print_seq(const eo_pm_elem *seq, bool brief, eo_strbuf *out)
{
    for (size_t i = 0; i < seq->num_kids; i++) {
        if (i)
            eo_strbuf_puts(out, ",");
        print_elem(seq->kids[i], brief, out);
    }
}

void
eo_pipeline_print_seq(const eo_pm_elem *seq, eo_strbuf *out)
{
    print_seq(seq, false, out);
}

void
eo_pipeline_print_elem(const eo_pm_elem *e, eo_strbuf *out)
{
    print_elem(e, false, out);
}

void
eo_pipeline_print_elem_short(const eo_pm_elem *e, eo_strbuf *out)
{
    print_elem(e, true, out);
}

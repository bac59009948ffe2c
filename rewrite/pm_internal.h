/* rewrite/pm_internal.h - declarations shared by the pass registry
 * (pass.c), the pipeline parser/printer (pipeline.c) and the pass manager
 * (pm.c).
 *
 * A pipeline is a tree of elements: a pass with its parsed options, a
 * nested pipeline anchored on an op name, or a choice (optional(...),
 * any(...)) whose branch is a knob asked when the run reaches it.
 */
#ifndef EO_REWRITE_PM_INTERNAL_H
#define EO_REWRITE_PM_INTERNAL_H

#include "rewrite/rewrite.h"

#include <stdatomic.h>
#include <stdint.h>

/* Where option/pipeline text came from, for diagnostics with a column:
 * 'source' names the text ("<pass-pipeline>"), 'base' is the column of
 * text[0] (1-based). A NULL source reports at an unknown location. */
typedef struct eo_text_origin {
    const char *source;
    const char *full;                 /* the whole text (for the caret) */
    size_t full_len;
    unsigned base;
} eo_text_origin;

/* Reports 'fmt' at column 'col' of the origin. Returns EO_ERROR. */
EO_HIDDEN eo_status eo_text_error(eo_ctx *ctx, const eo_text_origin *o,
                                  size_t col, const char *fmt, ...)
    EO_PRINTF(4, 5);

/* A pass's options: a malloc'ed block of def->options_size bytes plus the
 * strings its EO_OPT_STRING fields point to (owned here). */
typedef struct eo_pass_opts {
    void *data;
    char **strings;
    size_t num_strings;
} eo_pass_opts;

/* Fills 'opts' with the defaults of 'def', then applies 'text'
 * ("a=1 b=x c"): a space-separated list of name[=value]; values may be
 * quoted ("...") or braced ({...}). Errors name the column. On failure
 * 'opts' is released. */
EO_HIDDEN EO_NODISCARD eo_status eo_pass_opts_parse(eo_ctx *ctx,
                                                    const eo_pass_def *def,
                                                    const char *text,
                                                    size_t len,
                                                    const eo_text_origin *o,
                                                    eo_pass_opts *opts);
EO_HIDDEN void eo_pass_opts_release(eo_pass_opts *opts);
/* Appends "{a=1 b=x}": every option, as MLIR prints pipelines, or with
 * 'only_changed' those that differ from their defaults; nothing when no
 * option is printed. */
EO_HIDDEN void eo_pass_opts_print(const eo_pass_def *def,
                                  const eo_pass_opts *opts,
                                  bool only_changed, eo_strbuf *out);
/* MLIR's pass class name for IR dump headers and timing ("CSE"). */
EO_HIDDEN const char *eo_pass_display_name(const eo_pass_def *def);

typedef enum eo_pm_elem_kind {
    EO_PM_PASS,
    EO_PM_NESTED,                     /* anchor(...) */
    EO_PM_OPTIONAL,                   /* optional(...): a sequence */
    EO_PM_ANY                         /* any(a, b): one alternative */
} eo_pm_elem_kind;

typedef struct eo_pm_elem eo_pm_elem;
struct eo_pm_elem {
    eo_pm_elem_kind kind;
    /* PASS */
    const eo_pass_def *def;
    eo_pass_opts opts;
    /* NESTED: the anchor op name; OPTIONAL/ANY: the knob index. */
    char *anchor;
    unsigned knob;
    /* NESTED, OPTIONAL: the sequence; ANY: the alternatives. */
    eo_pm_elem **kids;
    size_t num_kids, cap_kids;
    /* Run state: the branch taken (-1: not yet asked), timings. */
    int chosen;
    _Atomic uint64_t wall_ns, user_ns;
    atomic_bool timed;                /* ran at least once */
};

EO_HIDDEN eo_pm_elem *eo_pm_elem_new(eo_pm_elem_kind kind);
EO_HIDDEN void eo_pm_elem_free(eo_pm_elem *e);
EO_HIDDEN EO_NODISCARD eo_status eo_pm_elem_push(eo_pm_elem *parent,
                                                 eo_pm_elem *kid);

/* Parses 'text' as a comma-separated element list into 'seq' (a NESTED
 * element anchored on 'anchor'); a text that is exactly "anchor(...)" is
 * unwrapped. Knob indices continue from *next_knob. */
EO_HIDDEN EO_NODISCARD eo_status eo_pipeline_parse(eo_ctx *ctx,
                                                   eo_pm_elem *seq,
                                                   const char *text,
                                                   unsigned *next_knob);
/* Appends the elements of 'seq' as MLIR's textual pipeline
 * ("func.func(cse),canonicalize{...}"), or one element. */
EO_HIDDEN void eo_pipeline_print_seq(const eo_pm_elem *seq, eo_strbuf *out);
EO_HIDDEN void eo_pipeline_print_elem(const eo_pm_elem *e, eo_strbuf *out);
/* The same with only the options that differ from their defaults (the
 * names of an any(...) knob's choices). */
EO_HIDDEN void eo_pipeline_print_elem_short(const eo_pm_elem *e,
                                            eo_strbuf *out);

#endif /* EO_REWRITE_PM_INTERNAL_H */

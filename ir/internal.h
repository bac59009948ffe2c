/* ir/internal.h - declarations shared by the files of ir/ only.
 *
 * Layout of the IR objects (op, block, region, value, use), the context's
 * uniquing tables, and the lexer/parser state shared by the type,
 * attribute and operation parsers. Nothing outside ir/ includes this.
 */
#ifndef EO_IR_INTERNAL_H
#define EO_IR_INTERNAL_H

#include "ir/ir.h"

#include <stdarg.h>

/* ------------------------------------------------------------------ */
/* Context internals                                                   */
/* ------------------------------------------------------------------ */

/* FNV-1a style hashing helpers for uniquing keys. */
EO_HIDDEN uint64_t eo_hash_bytes(uint64_t h, const void *p, size_t n);
/* Inline: the uniquers call these several times per lookup. */
static inline uint64_t
eo_hash_u64(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 32);
}

static inline uint64_t
eo_hash_ptr(uint64_t h, const void *p)
{
    return eo_hash_u64(h, (uint64_t)(uintptr_t)p);
}
#define EO_HASH_SEED 1469598103934665603ull

/* An open-addressing set of uniqued objects keyed by a precomputed hash.
 * eq(obj, key) compares a stored object with a lookup key. */
typedef struct eo_uniq_set {
    void **slots;
    uint64_t *hashes;
    size_t cap, count;
    /* The context's mutex while a parallel section runs (see
     * eo_ctx_threads_begin), else NULL: a lookup that misses keeps it
     * held until the insert that follows, so find-then-insert is atomic. */
    void *lock;
} eo_uniq_set;

typedef bool (*eo_uniq_eq)(const void *obj, const void *key);
/* Returns the stored object equal to 'key', or NULL. */
EO_HIDDEN void *eo_uniq_find(const eo_uniq_set *s, uint64_t hash,
                             eo_uniq_eq eq, const void *key);
/* Inserts 'obj' (not present). EO_NOMEM on failure. */
EO_HIDDEN eo_status eo_uniq_insert(eo_ctx *ctx, eo_uniq_set *s, uint64_t hash,
                                   void *obj);
EO_HIDDEN void eo_uniq_free(eo_ctx *ctx, eo_uniq_set *s);

/* The context's (recursive) mutex, taken only inside parallel sections;
 * for shared tables that do not go through an eo_uniq_set. */
EO_HIDDEN void eo_ctx_lock(eo_ctx *ctx);
EO_HIDDEN void eo_ctx_unlock(eo_ctx *ctx);

/* Raw allocation through the user allocator (not the arena). */
EO_HIDDEN void *eo_raw_alloc(eo_ctx *ctx, size_t size);
EO_HIDDEN void *eo_raw_realloc(eo_ctx *ctx, void *p, size_t old, size_t size);
EO_HIDDEN void eo_raw_free(eo_ctx *ctx, void *p, size_t size);
/* Recycled memory for op pieces (op.c, clone.c): as eo_ctx_alloc (zeroed,
 * freed with the size given) but only 8-byte aligned, with an 8-byte
 * grain. */
EO_HIDDEN void *eo_ctx_alloc_op(eo_ctx *ctx, size_t size);
EO_HIDDEN void eo_ctx_free_op(eo_ctx *ctx, void *p, size_t size);
/* Permanent memory for uniqued objects: bump-allocated, never freed
 * before the context; 16-byte aligned, zeroed. */
EO_HIDDEN void *eo_perm_alloc(eo_ctx *ctx, size_t size);
/* Copies into permanent memory (NUL-terminates strings). */
EO_HIDDEN void *eo_perm_dup(eo_ctx *ctx, const void *p, size_t size);
/* Grows a raw array: *arr has *cap elements of 'elem' bytes; ensures room
 * for 'need'. */
EO_HIDDEN eo_status eo_raw_grow(eo_ctx *ctx, void **arr, size_t *cap,
                                size_t need, size_t elem);

/* Uniquing tables owned by the context (the uniquers in type.c, attr.c,
 * affine.c, loc.c each use one). */
typedef enum eo_uniq_kind {
    EO_UNIQ_TYPE, EO_UNIQ_ATTR, EO_UNIQ_AFFINE, EO_UNIQ_LOC,
    EO_UNIQ_NUM
} eo_uniq_kind;
EO_HIDDEN eo_uniq_set *eo_ctx_uniq(eo_ctx *ctx, eo_uniq_kind k);

/* Source buffers registered for diagnostics. */
EO_HIDDEN bool eo_ctx_source_line(eo_ctx *ctx, const char *file,
                                  unsigned line, const char **text,
                                  size_t *len);

/* Decimal integers appended without printf (hot in printing). */
EO_HIDDEN void eo_strbuf_put_u64(eo_strbuf *b, uint64_t v);
EO_HIDDEN void eo_strbuf_put_i64(eo_strbuf *b, int64_t v);

/* Registers the builtin dialect (builtin.c); called by eo_ctx_create. */
EO_HIDDEN eo_status eo_builtin_register(eo_ctx *ctx);
/* Frees the resource table (resource.c); called by eo_ctx_destroy. */
EO_HIDDEN void eo_resources_free(eo_ctx *ctx);
/* Drops one op def from the registry (rollback of a failed register). */
EO_HIDDEN void eo_ctx_forget_def(eo_ctx *ctx, const eo_op_def *def);
/* eo_ctx_get_diag_handler is public (ir.h): the pass manager saves and
 * restores the handler around parallel sections. */

/* eo_symbol_cache_begin/end are public (ir.h): the pass manager keeps
 * the cache across the verifications of a nested pipeline. */
/* The context's slot for that cache (symbol.c owns what it points to). */
EO_HIDDEN void **eo_ctx_symcache(eo_ctx *ctx);
/* The context's slot for loc.c's file-location tables, freed by
 * eo_loc_tables_free (loc.c) when the context is destroyed. */
EO_HIDDEN void **eo_ctx_loc_tables(eo_ctx *ctx);
/* The context's slot for op.c's table of discardable attributes, freed
 * by eo_op_attr_table_free (op.c) when the context is destroyed. */
EO_HIDDEN void **eo_ctx_op_attr_table(eo_ctx *ctx);
EO_HIDDEN void eo_op_attr_table_free(eo_ctx *ctx);
/* The common builtin types (index, none, the floats, signless i1..i128),
 * made by eo_type_cache_fill (type.c) when the context is created and
 * only read afterwards; an entry is NULL if making it failed. */
#define EO_TYPE_CACHE_SIZE 24
EO_HIDDEN const eo_type **eo_ctx_type_cache(eo_ctx *ctx);
EO_HIDDEN void eo_type_cache_fill(eo_ctx *ctx);
/* The empty dictionary attribute, made when the context is (most ops'
 * attribute and property dictionaries); NULL if that failed. */
EO_HIDDEN const eo_attr *eo_ctx_empty_dict(eo_ctx *ctx);
EO_HIDDEN void eo_loc_tables_free(eo_ctx *ctx);
/* A parsed file has one location per op, mostly never looked at: an op
 * can hold a 64-bit code instead (eo_op.loc_code), made into the
 * uniqued location only when asked for. eo_loc_file_lazy gives the code
 * of eo_loc_file(ctx, file, line, col), or 0 if it has none (then make
 * the location); eo_loc_lazy_get makes (or finds) the location of a code,
 * or returns the location a code holds ((uint64_t)(uintptr_t)loc, bit 0
 * clear); NULL on allocation failure. */
EO_HIDDEN uint64_t eo_loc_file_lazy(eo_ctx *ctx, const eo_ident *file,
                                    unsigned line, unsigned col);
EO_HIDDEN const eo_loc *eo_loc_lazy_get(eo_ctx *ctx, uint64_t code);

struct eo_dialect {
    const eo_dialect_desc *desc;
    eo_dialect_desc own;              /* for eo_dialect_register */
    const eo_ident *name;
    eo_dialect *next;
};

/* Diagnostics with a va_list, for the emit helpers of other files. */
EO_HIDDEN eo_diag_builder *eo_diag_beginv(eo_ctx *ctx, eo_severity sev,
                                          const eo_loc *loc, const char *fmt,
                                          va_list ap);

/* ------------------------------------------------------------------ */
/* IR objects                                                          */
/* ------------------------------------------------------------------ */

struct eo_ident {
    struct eo_opname *opnames;               /* eo_opname_get's, for op names */
    size_t len;
    uint64_t hash;
    char str[];                       /* NUL-terminated */
};

struct eo_use {              /* an operand slot, linked into its value's uses */
    eo_value *value;
    eo_op *owner;
    eo_use *next;            /* next use of the same value */
    eo_use **prev_next;      /* whatever points at us: unlink is O(1) */
};

enum { EO_VALUE_RESULT, EO_VALUE_ARG };

/* A value. A result sits in its op's piece, the results right after the
 * op struct, so its op follows from its index (eo_valx_op); a block
 * argument is an eo_arg_value. */
struct eo_value {
    const eo_type *type;
    eo_use *uses;
    uint32_t kind;
    uint32_t index;
};

/* A block argument: a value with its block and its own location (a
 * result's location is its op's). Allocated one by one (eo_block.args);
 * get the location with eo_value_loc. */
typedef struct eo_arg_value {
    eo_value v;
    eo_block *block;
    const eo_loc *loc;
    uint32_t print_id, print_epoch;   /* scratch of a top-level print:
                                         the id, valid in that print */
} eo_arg_value;

struct eo_region {
    eo_op *parent;
    eo_block *first, *last;
    eo_ctx *ctx;
};

struct eo_block {
    eo_region *region;
    eo_block *prev, *next;
    eo_op *first, *last;
    eo_value **args;                  /* each arg allocated separately so
                                         inserting keeps pointers stable */
    uint32_t num_args, cap_args;
    eo_ctx *ctx;
    uint32_t order_valid;             /* op order numbers are current */
    uint32_t print_id, print_epoch;   /* as in eo_arg_value */
};

/* An op is one arena piece: the struct, then its results, regions and
 * successor slots, then the inline operand uses (as many as the op was
 * made with). Operands move out to an arena array (eo_opx_operands_out)
 * when their count grows past the inline capacity. Nothing in the piece
 * is pointed at from the struct: the eo_opx_* helpers below compute the
 * addresses from the counts. */
/* What an op's name stands for, shared by the ops of one kind: interned
 * per (name, def) in the context (eo_opname_get), so an op needs one
 * pointer for its name, its definition and its context. */
typedef struct eo_opname {
    const eo_op_def *def;             /* NULL for unregistered ops */
    const eo_ident *name;
    eo_ctx *ctx;
    struct eo_opname *next;           /* another def under the same name */
} eo_opname;

/* The interned (name, def) of 'ctx'; NULL on allocation failure. */
EO_HIDDEN const eo_opname *eo_opname_get(eo_ctx *ctx, const eo_ident *name,
                                         const eo_op_def *def);

struct eo_op {
    const eo_opname *oname;
    uint64_t loc_code;                /* the location, or a lazy file
                                         location (eo_loc_file_lazy): read
                                         it with eo_op_loc */
    eo_block *block;                  /* NULL while detached */
    eo_op *prev, *next;
    const eo_attr *props;             /* a dictionary, never NULL */
    eo_use *operands;                 /* the inline uses, or an array */
    uint32_t num_operands;
    uint32_t num_results;
    uint32_t order;                   /* position in block, for dominance;
                                         a top-level print (print.c) keeps
                                         result numbers here meanwhile */
    unsigned num_regions : 14;
    /* The op has discardable attributes: a non-empty dictionary kept for
     * it in a side table of the context (op.c; most ops have none). */
    unsigned has_attrs : 1;
    /* The operands are inline but fewer than the inline slots: the slot
     * after the last operand holds the slot count (op.c). */
    unsigned shrunk : 1;
    unsigned num_successors : 16;
};

/* Most regions and successors an op can have. */
#define EO_OP_MAX_REGIONS ((1u << 14) - 1)
#define EO_OP_MAX_SUCCESSORS UINT16_MAX

/* The op of a result (kind EO_VALUE_RESULT). */
static inline eo_op *
eo_valx_op(const eo_value *v)
{
    return (eo_op *)(uintptr_t)(v - v->index) - 1;
}

/* The block of a block argument (kind EO_VALUE_ARG). */
static inline eo_block *
eo_valx_block(const eo_value *v)
{
    return ((const eo_arg_value *)v)->block;
}

static inline eo_ctx *
eo_opx_ctx(const eo_op *op)
{
    return op->oname->ctx;
}

static inline const eo_op_def *
eo_opx_def(const eo_op *op)
{
    return op->oname->def;
}

static inline const eo_ident *
eo_opx_name(const eo_op *op)
{
    return op->oname->name;
}

static inline eo_value *
eo_opx_results(const eo_op *op)
{
    return (eo_value *)(op + 1);
}

static inline eo_region *
eo_opx_regions(const eo_op *op)
{
    return (eo_region *)(eo_opx_results(op) + op->num_results);
}

/* The successor slots of 'op', stored right after its regions. */
static inline eo_block **
eo_op_succs(const eo_op *op)
{
    return (eo_block **)(eo_opx_regions(op) + op->num_regions);
}

/* Where the inline operand uses are (whether or not they are in use). */
static inline eo_use *
eo_opx_inline_operands(const eo_op *op)
{
    return (eo_use *)(eo_op_succs(op) + op->num_successors);
}

/* An operand array out of the op's piece starts with this header (the
 * op's inline slot count, needed to free the piece, and the array's
 * capacity), then the uses. */
typedef struct eo_opx_out_hdr {
    uint32_t inline_cap, cap;
    uint32_t pad[2];                  /* keeps the uses 16-aligned */
} eo_opx_out_hdr;

static inline bool
eo_opx_operands_inline(const eo_op *op)
{
    return op->operands == eo_opx_inline_operands(op);
}

/* ------------------------------------------------------------------ */
/* Lexer                                                               */
/* ------------------------------------------------------------------ */

typedef enum eo_tok_kind {
    EO_TOK_EOF,
    EO_TOK_ERROR,
    EO_TOK_BARE_IDENT,    /* foo, i32, x4xf32, builtin.module */
    EO_TOK_PERCENT_IDENT, /* %x, %0 */
    EO_TOK_CARET_IDENT,   /* ^bb0 */
    EO_TOK_AT_IDENT,      /* @foo or @"foo" (text includes quotes) */
    EO_TOK_HASH_IDENT,    /* #alias, #dialect.x */
    EO_TOK_EXCL_IDENT,    /* !alias, !dialect.x */
    EO_TOK_INTEGER,       /* 42, 0x2A */
    EO_TOK_FLOAT,         /* 1.5, 1.0e-3 */
    EO_TOK_STRING,        /* "..." (text includes quotes) */
    EO_TOK_LPAREN, EO_TOK_RPAREN, EO_TOK_LSQUARE, EO_TOK_RSQUARE,
    EO_TOK_LBRACE, EO_TOK_RBRACE, EO_TOK_LESS, EO_TOK_GREATER,
    EO_TOK_COMMA, EO_TOK_COLON, EO_TOK_EQUAL, EO_TOK_ARROW,
    EO_TOK_QUESTION, EO_TOK_STAR, EO_TOK_PLUS, EO_TOK_MINUS,
    EO_TOK_ELLIPSIS, EO_TOK_VBAR, EO_TOK_COLONCOLON,
    EO_TOK_FILE_META_BEGIN,  /* {-# */
    EO_TOK_FILE_META_END     /* #-} */
} eo_tok_kind;

typedef struct eo_token {
    eo_tok_kind kind;
    const char *text;
    size_t len;
    unsigned line, col;               /* 1-based */
} eo_token;

typedef struct eo_lexer {
    const char *buf, *cur, *end;
    unsigned line;                    /* line of 'cur' */
    const char *line_start;
    const char *error;                /* message for EO_TOK_ERROR */
    /* eo_parse_config.progress, called when a token starts at or past
     * next_progress (NULL after eo_lexer_init: never called). */
    void (*progress)(void *ud, const char *upto);
    void *progress_ud;
    const char *next_progress;
} eo_lexer;

EO_HIDDEN void eo_lexer_init(eo_lexer *lx, const char *buf, size_t len,
                             unsigned first_line);
EO_HIDDEN eo_token eo_lexer_next(eo_lexer *lx);
/* Rewinds to just after 'tok' (used to re-lex a bare identifier split
 * like "4x8xf32"). */
EO_HIDDEN void eo_lexer_reset_to(eo_lexer *lx, const char *pos, unsigned line,
                                 const char *line_start);
/* Decodes a string token's escapes into a new arena buffer of the
 * context; NUL-terminated, *len excludes the NUL. */
EO_HIDDEN eo_status eo_string_unescape(eo_ctx *ctx, const char *text,
                                       size_t len, char **out, size_t *olen);
/* Appends 's' quoted and escaped as MLIR prints strings. */
EO_HIDDEN void eo_string_print_escaped(eo_strbuf *b, const char *s, size_t n);

/* ------------------------------------------------------------------ */
/* Parser state (shared by parse.c, parse_type.c, parse_attr.c)        */
/* ------------------------------------------------------------------ */

typedef struct eo_parse_scope eo_parse_scope;  /* value names (parse.c) */
typedef struct eo_alias_table eo_alias_table;  /* #a / !a (parse.c) */

struct eo_parser {
    eo_ctx *ctx;
    eo_lexer lx;
    eo_token tok;                     /* current token */
    const eo_ident *filename;
    bool failed;                      /* an error has been reported */
    unsigned depth;                   /* nesting, bounded by EO_MAX_DEPTH */
    eo_parse_scope *scope;
    eo_alias_table *aliases;
    void *scratch;                    /* parse-lifetime arena (parse.c) */
    const char *default_dialect;      /* of the enclosing op, or NULL */
    /* Dense_resource handles seen before their blob: checked at the end. */
    void *pending_resources;
    /* Common scalar types (i1..i64, index, f16..f64) once looked up
     * (parse_type.c): most types in a file are these. */
    const eo_type *scalar_types[10];
};

/* Deepest nesting of regions/types/attributes the parser accepts; deeper
 * input gets a diagnostic instead of exhausting the stack. */
#define EO_MAX_DEPTH 1000u

/* Sets up a parser over 'buf' (registered as source 'name'); fini frees
 * its scratch memory, scopes and aliases (parse.c). */
EO_HIDDEN eo_status eo_parser_init(eo_parser *p, eo_ctx *ctx, const char *name,
                                   const char *buf, size_t len,
                                   unsigned first_line);
EO_HIDDEN void eo_parser_fini(eo_parser *p);
/* Whether the current token is 'k'. */
#define EO_AT(p, k) ((p)->tok.kind == (k))
EO_HIDDEN void eo_parser_advance(eo_parser *p);
/* Location of token 't'. */
EO_HIDDEN const eo_loc *eo_parser_tok_loc(eo_parser *p, const eo_token *t);
EO_HIDDEN eo_status eo_parser_error_at(eo_parser *p, const eo_token *t,
                                       const char *fmt, ...) EO_PRINTF(3, 4);
/* Parse-lifetime scratch memory (freed when the parse ends). */
EO_HIDDEN void *eo_parser_scratch(eo_parser *p, size_t size);
/* Alias lookup for "#name" / "!name" (text without the sigil). */
EO_HIDDEN const eo_attr *eo_parser_attr_alias(eo_parser *p, const char *name,
                                              size_t len);
EO_HIDDEN const eo_type *eo_parser_type_alias(eo_parser *p, const char *name,
                                              size_t len);
/* Parsing of types, attributes and locations (parse_attr.c): start at
 * the current token and leave the parser after the construct. */
EO_HIDDEN const eo_type *eo_parse_type_impl(eo_parser *p);
EO_HIDDEN const eo_attr *eo_parse_attr_impl(eo_parser *p, const eo_type *t);
/* After "loc": parses "(...)". */
EO_HIDDEN const eo_loc *eo_parse_loc_body(eo_parser *p);
/* Parses the "dialect_resources" / "external_resources" section body
 * after "{-#"; consumes the closing "#-}". */
EO_HIDDEN eo_status eo_parse_file_metadata(eo_parser *p);
/* Integer sets: "(d0)[s0] : (d0 >= 0, ...)" without "affine_set<>". */
EO_HIDDEN eo_status eo_parse_integer_set(eo_parser *p,
                                         const eo_integer_set **out);
EO_HIDDEN void eo_integer_set_print(const eo_integer_set *s, eo_strbuf *out);
/* A placeholder for "loc(#alias)" whose alias is defined later in the
 * file (MLIR prints location aliases at the end); parse.c implements it
 * and patches the placeholder once the alias is known. NULL after an
 * error. */
EO_HIDDEN const eo_loc *eo_parser_deferred_loc(eo_parser *p,
                                               const eo_token *alias_tok);
/* Reports an "expected ..." error where MLIR's emitWrongTokenError does:
 * just after the text preceding the current token (back over blanks,
 * line ends and // comments), so a missing token is reported at the end
 * of the line where it was due, not on the next line (parse_type.c). */
EO_HIDDEN eo_status eo_parser_error_expected(eo_parser *p, const char *fmt,
                                             ...) EO_PRINTF(2, 3);
/* Element-type rules of MLIR's builtin types (type.c). */
EO_HIDDEN bool eo_type_valid_tensor_elem(const eo_type *t);
EO_HIDDEN bool eo_type_valid_memref_elem(const eo_type *t);
EO_HIDDEN bool eo_type_valid_vector_elem(const eo_type *t);
EO_HIDDEN bool eo_type_valid_complex_elem(const eo_type *t);
/* Checks a memref's layout and memory space for 'rank' (rank ignored
 * when unranked); NULL if valid, else MLIR's message in 'buf'. */
EO_HIDDEN const char *eo_type_check_memref(bool ranked, size_t rank,
                                           const eo_attr *layout,
                                           const eo_attr *memspace,
                                           char *buf, size_t bufsize);

/* ------------------------------------------------------------------ */
/* Printer state (print.c; type/attr printing in print_attr.c)        */
/* ------------------------------------------------------------------ */

struct eo_printer {
    eo_ctx *ctx;
    eo_strbuf *out;
    eo_print_flags flags;
    unsigned indent;
    void *names;                      /* value/block numbering (print.c) */
    void *aliases;                    /* alias table, NULL if none */
    void *resources;                  /* resources referenced (print.c) */
};

/* Type/attribute/location printing into a printer (aliases honoured when
 * p->aliases is set); eo_type_print/eo_attr_print use a bare printer. */
EO_HIDDEN void eo_print_type_impl(eo_printer *p, const eo_type *t);
EO_HIDDEN void eo_print_attr_impl(eo_printer *p, const eo_attr *a,
                                  bool elide_type);
EO_HIDDEN void eo_print_loc_impl(eo_printer *p, const eo_loc *l);
/* Alias hooks provided by print.c: name an attr/type as "#a"/"!a" if the
 * printer has an alias for it. Return true if printed. */
EO_HIDDEN bool eo_printer_try_alias_attr(eo_printer *p, const eo_attr *a);
EO_HIDDEN bool eo_printer_try_alias_type(eo_printer *p, const eo_type *t);
/* Records that a dense_resource blob is referenced (print.c prints the
 * dialect_resources section at the end). */
EO_HIDDEN void eo_printer_note_resource(eo_printer *p, eo_resource *r);
/* MLIR's float spelling for 'a' (shortest round-trip, or hex bits). */
EO_HIDDEN void eo_print_float_value(eo_strbuf *b, const eo_attr *a);

/* Attribute internals (attr.c, resource.c, parse_attr.c, print_attr.c). */
/* Float formats <-> double: 'lo'/'hi' are the format's bits (hi only for
 * f80/f128). Rounds to nearest even; NaN stays quiet NaN. */
EO_HIDDEN void eo_float_from_double(eo_float_kind k, double d, uint64_t *lo,
                                    uint64_t *hi);
EO_HIDDEN double eo_float_to_double(eo_float_kind k, uint64_t lo,
                                    uint64_t hi);
/* eo_attr_get_float_wide and eo_attr_float_bits_hi: see ir.h. */
/* resource.c keeps its per-context table in the attribute set. */
EO_HIDDEN void *eo_attr_resource_slot_find(eo_ctx *ctx, const char *key,
                                           size_t len);
EO_HIDDEN eo_status eo_attr_resource_slot_add(eo_ctx *ctx, const char *key,
                                              size_t len, void *res);
EO_HIDDEN void eo_attr_resource_slots_foreach(eo_ctx *ctx,
                                              void (*f)(void *res, void *ud),
                                              void *ud);
/* The resource named 'key', created as declared-but-absent if unseen
 * (dense_resource<key> before its blob). NULL on allocation failure. */
EO_HIDDEN eo_resource *eo_resource_declare(eo_ctx *ctx, const char *key,
                                           size_t len);
/* (Re)places r's blob with an uninitialized buffer of 'size' bytes
 * aligned to 'align' and returns it for the caller to fill; NULL on
 * allocation failure (r keeps its old state). */
EO_HIDDEN void *eo_resource_provide(eo_resource *r, size_t size,
                                    uint32_t align);
/* external_resources entries nobody claims are kept and printed back,
 * as mlir-opt does: 'str' (unescaped) or, if NULL, the boolean 'bval'.
 * A NULL 'key' only records the group. */
EO_HIDDEN eo_status eo_resource_add_external(eo_ctx *ctx, const char *group,
                                             size_t glen, const char *key,
                                             size_t klen, const char *str,
                                             size_t slen, bool bval);
/* Appends "  external_resources: {...}\n" as mlir-opt prints it inside
 * "{-# ... #-}" (after "  dialect_resources: {...}" and ",\n" if that is
 * printed too); false, appending nothing, when there are none. */
EO_HIDDEN bool eo_resources_print_external(eo_ctx *ctx, eo_strbuf *out);
/* A bare identifier as is, or else quoted as eo_string_print_escaped does
 * (MLIR's printKeywordOrString). */
EO_HIDDEN void eo_print_keyword_or_string(eo_strbuf *out, const char *s,
                                          size_t n);
/* "{a = 1, b}" at the current token (for eo_parse_optional_attr_dict of
 * parse.c). Returns a dictionary attribute, or NULL after an error. */
EO_HIDDEN const eo_attr *eo_parse_dict_impl(eo_parser *p);

/* ------------------------------------------------------------------ */
/* IR object helpers (op.c, block.c, walk.c)                           */
/* ------------------------------------------------------------------ */

/* eo_op_state's arrays live in the context arena (eo_ctx_alloc): grow
 * them only through the eo_op_state_* functions (eo_op_state_set_prop in
 * ir.h for explicitly given properties). */

/* eo_op_create with the op's location given as an eo_op.loc_code (a
 * lazy one from eo_loc_file_lazy); 0: st->loc as eo_op_create does. */
EO_HIDDEN eo_op *eo_op_create_at(eo_op_state *st, uint64_t loc_code);
/* Gives 'dst' the discardable attributes of 'src' (clone.c). */
EO_HIDDEN eo_status eo_op_copy_attrs(eo_op *dst, const eo_op *src);
/* Renumbers op->order of b's ops if stale (block->order_valid == 0). */
EO_HIDDEN void eo_block_update_order(eo_block *b);
/* Whether 'a' comes before 'b' (same block). */
EO_HIDDEN bool eo_op_is_before_in_block(const eo_op *a, const eo_op *b);
/* Next op after 'op' in pre-order inside 'root' (descending into op's
 * regions if 'descend'), or NULL when the walk of 'root' is done. */
EO_HIDDEN eo_op *eo_op_preorder_next(const eo_op *op, const eo_op *root,
                                     bool descend);
/* Unlinks every operand use of 'op' and of all ops nested in it. */
EO_HIDDEN void eo_op_drop_uses_tree(eo_op *op);
/* Frees a detached op and everything nested, iteratively; operand uses
 * must have been dropped (eo_op_drop_uses_tree). */
EO_HIDDEN void eo_op_free_tree(eo_op *op);
/* Frees an op-less detached block (arguments included). */
EO_HIDDEN void eo_block_free_shell(eo_block *b);
/* Unlinks 'v' from its remaining uses (their value becomes NULL). */
EO_HIDDEN void eo_value_orphan_uses(eo_value *v);

/* MLIR's Dialect::isValidNamespace: [a-zA-Z_][a-zA-Z0-9_$]*. */
static inline bool
eo_is_valid_dialect_namespace(const char *s, size_t n)
{
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
                    (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return false;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '$'))
            return false;
    }
    return true;
}

#endif /* EO_IR_INTERNAL_H */

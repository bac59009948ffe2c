/* rewrite/pass_view_op_graph.c - the view-op-graph pass (MLIR's
 * -view-op-graph): Graphviz DOT of the IR, for any dialect.
 *
 * Run on a module (an op with a symbol table), it writes one digraph per
 * op of the module's body that has regions (each function); run on any
 * other op, one digraph for that op. A digraph has one node per op,
 * labelled with the op name, its result types and its knob site key
 * (eo_op_site_key), one node per block argument, an edge per SSA use
 * (definition -> user, labelled with the operand number when the user has
 * several operands), a dashed edge per successor, and a cluster per op
 * with regions (holding the op's own node), per region and, for regions
 * of several blocks, per block.
 *
 * Options: filename (default "": stderr; otherwise the file is written
 * anew by each run). Requires: nothing. Preserves: everything (the IR is
 * not changed).
 */
#include "rewrite/internal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

typedef struct view_options {
    const char *filename;
} view_options;

/* Longest type text put in a label; longer ones end in "...". */
#define MAX_TYPE_LABEL 96

typedef struct viewer {
    eo_ctx *ctx;
    eo_strbuf out;
    eo_ptrmap ids;           /* op or block argument -> node number */
    size_t next_id;
    size_t next_cluster;
    bool oom;
} viewer;

/* Appends 's' escaped for a DOT double-quoted string. */
static void
put_escaped(eo_strbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '"' || c == '\\')
            eo_strbuf_append(b, "\\", 1);
        if (c == '\n')
            eo_strbuf_puts(b, "\\n");
        else
            eo_strbuf_append(b, &c, 1);
    }
}

static void
put_type(eo_strbuf *b, const eo_type *t)
{
    eo_strbuf s = { 0 };
    eo_type_print(t, &s);
    if (s.data) {
        bool cut = s.len > MAX_TYPE_LABEL;
        put_escaped(b, s.data, cut ? MAX_TYPE_LABEL : s.len);
        if (cut)
            eo_strbuf_puts(b, "...");
    }
    eo_strbuf_free(&s);
}

static size_t
new_id(viewer *v, const void *key)
{
    size_t id = v->next_id++;
    if (eo_ptrmap_put(&v->ids, key, id, NULL) != EO_OK)
        v->oom = true;
    return id;
}

static void
indent(viewer *v, unsigned depth)
{
    for (unsigned i = 0; i < depth; i++)
        eo_strbuf_puts(&v->out, "  ");
}

static void
put_op_node(viewer *v, eo_op *op, unsigned depth)
{
    size_t id = new_id(v, op);
    indent(v, depth);
    eo_strbuf_printf(&v->out, "v%zu [label=\"", id);
    const char *name = eo_op_name_str(op);
    put_escaped(&v->out, name, strlen(name));
    for (size_t i = 0; i < eo_op_num_results(op); i++) {
        eo_strbuf_puts(&v->out, "\\n");
        put_type(&v->out, eo_value_type(eo_op_result(op, i)));
    }
    eo_strbuf site = { 0 };
    eo_op_site_key(op, &site);
    if (site.data) {
        eo_strbuf_puts(&v->out, "\\nsite: ");
        put_escaped(&v->out, site.data, site.len);
    }
    if (site.oom)
        v->oom = true;
    eo_strbuf_free(&site);
    eo_strbuf_puts(&v->out, "\"];\n");
}

/* "func.func @name" (escaped). */
static void
put_op_title(viewer *v, const eo_op *op)
{
    const char *name = eo_op_name_str(op);
    put_escaped(&v->out, name, strlen(name));
    const eo_ident *sym = eo_symbol_name(v->ctx, op);
    if (sym) {
        eo_strbuf_puts(&v->out, " @");
        put_escaped(&v->out, eo_ident_str(sym), eo_ident_len(sym));
    }
}

static void put_region(viewer *v, eo_region *r, unsigned idx,
                       unsigned depth, const eo_op *named);

static void
put_op(viewer *v, eo_op *op, unsigned depth)
{
    if (eo_op_num_regions(op) == 0) {
        put_op_node(v, op, depth);
        return;
    }
    indent(v, depth);
    eo_strbuf_printf(&v->out, "subgraph cluster_%zu {\n", v->next_cluster++);
    indent(v, depth + 1);
    eo_strbuf_puts(&v->out, "label=\"");
    put_op_title(v, op);
    eo_strbuf_puts(&v->out, "\";\n");
    put_op_node(v, op, depth + 1);
    for (size_t i = 0; i < eo_op_num_regions(op); i++)
        put_region(v, eo_op_region(op, i), (unsigned)i, depth + 1, NULL);
    indent(v, depth);
    eo_strbuf_puts(&v->out, "}\n");
}

static void
put_block(viewer *v, eo_block *b, unsigned depth)
{
    for (size_t i = 0; i < eo_block_num_args(b); i++) {
        eo_value *a = eo_block_arg(b, i);
        size_t id = new_id(v, a);
        indent(v, depth);
        eo_strbuf_printf(&v->out, "v%zu [shape=ellipse, label=\"%%arg%zu"
                         "\\n", id, i);
        put_type(&v->out, eo_value_type(a));
        eo_strbuf_puts(&v->out, "\"];\n");
    }
    for (eo_op *op = eo_block_first(b); op; op = eo_op_next(op))
        put_op(v, op, depth);
}

/* A cluster for region 'r' (number 'idx'), labelled "region N", or with
 * the name of 'named' (the op a digraph is drawn for) when given. */
static void
put_region(viewer *v, eo_region *r, unsigned idx, unsigned depth,
           const eo_op *named)
{
    indent(v, depth);
    eo_strbuf_printf(&v->out, "subgraph cluster_%zu {\n", v->next_cluster++);
    indent(v, depth + 1);
    if (named) {
        eo_strbuf_puts(&v->out, "label=\"");
        put_op_title(v, named);
        eo_strbuf_printf(&v->out, "%s\";\n",
                         eo_op_num_regions(named) > 1 ? " region" : "");
    } else {
        eo_strbuf_printf(&v->out, "label=\"region %u\";\n", idx);
    }
    bool many = eo_region_num_blocks(r) > 1;
    for (eo_block *b = eo_region_first(r); b; b = eo_block_next(b)) {
        if (many) {
            indent(v, depth + 1);
            eo_strbuf_printf(&v->out, "subgraph cluster_%zu {\n",
                             v->next_cluster++);
            indent(v, depth + 2);
            eo_strbuf_printf(&v->out, "label=\"^bb%zu\";\n",
                             eo_block_index(b));
        }
        put_block(v, b, depth + 1 + many);
        if (many) {
            indent(v, depth + 1);
            eo_strbuf_puts(&v->out, "}\n");
        }
    }
    indent(v, depth);
    eo_strbuf_puts(&v->out, "}\n");
}

/* The node of value 'val': its defining op's, or its own (arguments). */
static bool
value_node(const viewer *v, const eo_value *val, size_t *id)
{
    const void *key = eo_value_is_block_arg(val)
                          ? (const void *)val
                          : (const void *)eo_value_def_op(val);
    return eo_ptrmap_get(&v->ids, key, id);
}

typedef struct edge_walk {
    viewer *v;
    eo_op *root;
} edge_walk;

static eo_walk_result
put_edges(eo_op *op, void *ud)
{
    edge_walk *ew = ud;
    viewer *v = ew->v;
    size_t to;
    if (op == ew->root || !eo_ptrmap_get(&v->ids, op, &to))
        return EO_WALK_ADVANCE;
    size_t n = eo_op_num_operands(op);
    for (size_t i = 0; i < n; i++) {
        size_t from;
        if (!value_node(v, eo_op_operand(op, i), &from))
            continue;         /* defined outside the graph */
        eo_strbuf_printf(&v->out, "  v%zu -> v%zu", from, to);
        if (n > 1)
            eo_strbuf_printf(&v->out, " [label=\"%zu\"]", i);
        eo_strbuf_puts(&v->out, ";\n");
    }
    for (size_t i = 0; i < eo_op_num_successors(op); i++) {
        eo_op *first = eo_block_first(eo_op_successor(op, i));
        size_t dest;
        if (first && eo_ptrmap_get(&v->ids, first, &dest))
            eo_strbuf_printf(&v->out, "  v%zu -> v%zu [style=dashed];\n",
                             to, dest);
    }
    return EO_WALK_ADVANCE;
}

/* One digraph for 'op': its regions (not the op itself) and edges. */
static void
put_graph(viewer *v, eo_op *op)
{
    eo_ptrmap_clear(&v->ids);
    v->next_id = 0;
    v->next_cluster = 0;
    eo_strbuf_puts(&v->out, "digraph \"");
    const eo_ident *sym = eo_symbol_name(v->ctx, op);
    const char *name = sym ? eo_ident_str(sym) : eo_op_name_str(op);
    put_escaped(&v->out, name, strlen(name));
    eo_strbuf_puts(&v->out, "\" {\n  compound=true;\n"
                   "  node [shape=box, fontname=\"monospace\"];\n");
    for (size_t i = 0; i < eo_op_num_regions(op); i++)
        put_region(v, eo_op_region(op, i), (unsigned)i, 1, op);
    edge_walk ew = { v, op };
    (void)eo_op_walk(op, EO_WALK_PRE, put_edges, &ew);
    eo_strbuf_puts(&v->out, "}\n");
}

static eo_status
run_view(eo_op *op, eo_pass_ctx *pc, const void *options)
{
    const view_options *o = options;
    viewer v;
    memset(&v, 0, sizeof(v));
    v.ctx = eo_pass_ctx_ctx(pc);
    eo_ptrmap_init(&v.ids, v.ctx);
    if (eo_op_has_trait(op, EO_SYMBOL_TABLE) && eo_op_num_regions(op) == 1) {
        eo_block *body = eo_region_first(eo_op_region(op, 0));
        for (eo_op *f = body ? eo_block_first(body) : NULL; f;
             f = eo_op_next(f))
            if (eo_op_num_regions(f) > 0)
                put_graph(&v, f);
    } else {
        put_graph(&v, op);
    }
    eo_ptrmap_fini(&v.ids);
    eo_pass_ctx_mark_unchanged(pc);
    eo_status st = EO_OK;
    if (v.oom || v.out.oom) {
        st = EO_NOMEM;
    } else if (o && o->filename && *o->filename) {
        FILE *f = fopen(o->filename, "w");
        if (!f) {
            st = eo_emit_error(v.ctx, eo_op_loc(op), "view-op-graph: cannot "
                               "open '%s': %s", o->filename, strerror(errno));
        } else {
            if (v.out.len && fwrite(v.out.data, 1, v.out.len, f) != v.out.len)
                st = eo_emit_error(v.ctx, eo_op_loc(op), "view-op-graph: "
                                   "cannot write '%s'", o->filename);
            if (fclose(f) != 0 && st == EO_OK)
                st = eo_emit_error(v.ctx, eo_op_loc(op), "view-op-graph: "
                                   "cannot write '%s'", o->filename);
        }
    } else if (v.out.len) {
        fwrite(v.out.data, 1, v.out.len, stderr);
        fflush(stderr);
    }
    eo_strbuf_free(&v.out);
    return st;
}

static const eo_pass_option view_option_rows[] = {
    { .name = "filename",
      .description = "File to write the DOT graphs to (empty: stderr)",
      .kind = EO_OPT_STRING, .offset = offsetof(view_options, filename),
      .default_value = "" },
};

const eo_pass_def eo_pass_view_op_graph = {
    .name = "view-op-graph",
    .description = "Print Graphviz DOT of each function (ops, result "
                   "types, site keys, use-def edges)",
    .anchor = NULL,
    .options = view_option_rows,
    .num_options = 1,
    .options_size = sizeof(view_options),
    .run = run_view,
};

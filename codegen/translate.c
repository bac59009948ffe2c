/* codegen/translate.c - func/arith/math/cf/scf/memref/vector to LLVM IR.
 *
 * Each SSA value maps to one LLVM value; a memref value maps to its
 * descriptor, the LLVM struct { ptr allocated, ptr aligned, i64 offset,
 * [r x i64] sizes, [r x i64] strides } (rank 0: the first three fields),
 * as in MLIR's LLVM lowering. Function boundaries expand descriptors
 * into their fields (codegen.h). Blocks become basic blocks and block
 * arguments phi nodes; scf.for/scf.if become explicit control flow.
 * A 1-D vector<N x T> value is an LLVM <N x T> (arith and math apply
 * lane-wise; vector ops are in tr_vector).
 */
#include "codegen/codegen.h"
#include "codegen/jit_internal.h"

#include "dialects/arith/arith.h"
#include "dialects/cf/cf.h"
#include "dialects/func/func.h"
#include "dialects/math/math.h"
#include "dialects/memref/memref.h"
#include "dialects/scf/scf.h"
#include "dialects/vector/vector.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/DebugInfo.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* An open-addressing map from IR pointers (values, blocks) to LLVM refs. */
typedef struct tr_map {
    const void **keys;
    void **vals;
    size_t cap, len;
} tr_map;

typedef struct tr {
    eo_ctx *ctx;
    eo_op *module;
    LLVMContextRef c;
    LLVMModuleRef m;
    LLVMBuilderRef b;
    LLVMTypeRef i64, ptr;
    tr_map vals;     /* eo_value -> LLVMValueRef */
    tr_map blocks;   /* eo_block -> LLVMBasicBlockRef */
    LLVMValueRef fn; /* the function being defined */
    /* Debug info: NULL dib when the module has no file locations. */
    LLVMDIBuilderRef dib;
    LLVMMetadataRef file, subroutine_ty, sp;
    const eo_ident *filename;
    unsigned fn_line;
    /* scf.parallel: call the thread runtime (else serial loops); whether
     * the function being defined is an outlined parallel body. */
    bool threads, outlined;
    unsigned nouts;           /* outlined bodies so far (their names) */
    /* Outline the top-level loop nests (nest_outline); nests so far. */
    bool outline;
    unsigned nnests;
    const eo_ws_layout *ws;   /* AOT workspace buffers, or NULL */
} tr;

static size_t
map_hash(const void *p, size_t cap)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 7) & (cap - 1);
}

static bool
map_put(tr_map *m, const void *k, void *v)
{
    if ((m->len + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 256;
        const void **nk = calloc(ncap, sizeof *nk);
        void **nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return false;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t h = map_hash(m->keys[i], ncap);
            while (nk[h])
                h = (h + 1) & (ncap - 1);
            nk[h] = m->keys[i];
            nv[h] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    size_t h = map_hash(k, m->cap);
    while (m->keys[h] && m->keys[h] != k)
        h = (h + 1) & (m->cap - 1);
    if (!m->keys[h])
        m->len++;
    m->keys[h] = k;
    m->vals[h] = v;
    return true;
}

static void *
map_get(const tr_map *m, const void *k)
{
    if (!m->cap)
        return NULL;
    size_t h = map_hash(k, m->cap);
    while (m->keys[h]) {
        if (m->keys[h] == k)
            return m->vals[h];
        h = (h + 1) & (m->cap - 1);
    }
    return NULL;
}

static void
map_free(tr_map *m)
{
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------------ */
/* Types                                                               */
/* ------------------------------------------------------------------ */

static bool
is_memref(const eo_type *t)
{
    return eo_type_get_kind(t) == EO_TYPE_MEMREF;
}

/* The LLVM type of a scalar (int, index, float), or NULL. */
static LLVMTypeRef
scalar_type(tr *t, const eo_type *ty)
{
    switch (eo_type_get_kind(ty)) {
    case EO_TYPE_INTEGER:
        return LLVMIntTypeInContext(t->c, eo_type_int_width(ty));
    case EO_TYPE_INDEX:
        return t->i64;
    case EO_TYPE_FLOAT:
        switch (eo_type_float_kind(ty)) {
        case EO_F16: return LLVMHalfTypeInContext(t->c);
        case EO_BF16: return LLVMBFloatTypeInContext(t->c);
        case EO_F32: return LLVMFloatTypeInContext(t->c);
        case EO_F64: return LLVMDoubleTypeInContext(t->c);
        case EO_F80: return LLVMX86FP80TypeInContext(t->c);
        case EO_F128: return LLVMFP128TypeInContext(t->c);
        default: return NULL;
        }
    default:
        return NULL;
    }
}

/* The LLVM type of a 1-D fixed-size vector of scalars, or NULL. */
static LLVMTypeRef
vector_type(tr *t, const eo_type *ty)
{
    if (eo_type_get_kind(ty) != EO_TYPE_VECTOR || eo_type_rank(ty) != 1 ||
        eo_type_dim(ty, 0) < 1 || eo_type_dim(ty, 0) > UINT32_MAX)
        return NULL;
    LLVMTypeRef et = scalar_type(t, eo_type_elem(ty));
    return et ? LLVMVectorType(et, (unsigned)eo_type_dim(ty, 0)) : NULL;
}

/* A scalar or a 1-D vector: what arith and math compute on. */
static LLVMTypeRef
data_type(tr *t, const eo_type *ty)
{
    LLVMTypeRef r = scalar_type(t, ty);
    return r ? r : vector_type(t, ty);
}

static LLVMTypeRef
desc_type(tr *t, size_t rank)
{
    LLVMTypeRef f[5] = { t->ptr, t->ptr, t->i64, NULL, NULL };
    if (rank == 0)
        return LLVMStructTypeInContext(t->c, f, 3, false);
    f[3] = LLVMArrayType2(t->i64, rank);
    f[4] = f[3];
    return LLVMStructTypeInContext(t->c, f, 5, false);
}

/* The LLVM type of a value of type 'ty' (scalar or memref descriptor),
 * or NULL if unsupported. */
static LLVMTypeRef
value_type(tr *t, const eo_type *ty)
{
    if (is_memref(ty)) {
        if (!scalar_type(t, eo_type_elem(ty)))
            return NULL;
        return desc_type(t, eo_type_rank(ty));
    }
    return data_type(t, ty);
}

/* ------------------------------------------------------------------ */
/* Helpers                                                             */
/* ------------------------------------------------------------------ */

static eo_status
unsupported(eo_op *op, const char *what)
{
    return eo_op_error(op, "cannot translate %s to LLVM IR: %s",
                       eo_op_name_str(op), what);
}

static LLVMValueRef
get(tr *t, eo_op *op, eo_value *v)
{
    LLVMValueRef r = map_get(&t->vals, v);
    if (!r)
        eo_op_error(op, "cannot translate %s to LLVM IR: operand not "
                    "translated yet (block order does not follow "
                    "dominance)", eo_op_name_str(op));
    return r;
}

static eo_status
set(tr *t, eo_value *v, LLVMValueRef r)
{
    if (!map_put(&t->vals, v, r))
        return EO_NOMEM;
    return EO_OK;
}

static LLVMValueRef
ci64(tr *t, int64_t v)
{
    return LLVMConstInt(t->i64, (unsigned long long)v, true);
}

static LLVMValueRef
intrinsic(tr *t, const char *name, LLVMTypeRef *tys, size_t ntys,
          LLVMTypeRef *fty)
{
    unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
    if (!id)
        return NULL;
    LLVMValueRef f = LLVMGetIntrinsicDeclaration(t->m, id, tys, ntys);
    *fty = LLVMGlobalGetValueType(f);
    return f;
}

static LLVMValueRef
call_intrinsic(tr *t, const char *name, LLVMTypeRef ty, LLVMValueRef *args,
               unsigned nargs)
{
    LLVMTypeRef fty;
    LLVMValueRef f = intrinsic(t, name, &ty, 1, &fty);
    if (!f)
        return NULL;
    return LLVMBuildCall2(t->b, fty, f, args, nargs, "");
}

/* Declares (once) and returns the external function 'name'. */
static LLVMValueRef
extern_fn(tr *t, const char *name, LLVMTypeRef ret, LLVMTypeRef *params,
          unsigned n, LLVMTypeRef *fty)
{
    *fty = LLVMFunctionType(ret, params, n, false);
    LLVMValueRef f = LLVMGetNamedFunction(t->m, name);
    if (!f)
        f = LLVMAddFunction(t->m, name, *fty);
    return f;
}

/* The allocation size of 'ty' in bytes for the module's data layout. */
static int64_t
elem_size(tr *t, LLVMTypeRef ty)
{
    return (int64_t)LLVMABISizeOfType(LLVMGetModuleDataLayout(t->m), ty);
}

/* Static strides/offset of a memref type; EO_DYNAMIC where not known. */
static bool
layout(const eo_type *ty, int64_t *strides, int64_t *offset)
{
    return memref_strides_and_offset(ty, strides, offset);
}

/* A descriptor for 'base' (allocated == aligned) with the sizes 'sizes'
 * (LLVM i64 values) and the identity (row-major) strides. */
static LLVMValueRef
make_desc(tr *t, size_t rank, LLVMValueRef alloc, LLVMValueRef aligned,
          LLVMValueRef *sizes)
{
    LLVMValueRef d = LLVMGetUndef(desc_type(t, rank));
    d = LLVMBuildInsertValue(t->b, d, alloc, 0, "");
    d = LLVMBuildInsertValue(t->b, d, aligned, 1, "");
    d = LLVMBuildInsertValue(t->b, d, ci64(t, 0), 2, "");
    LLVMValueRef stride = ci64(t, 1);
    for (size_t k = rank; k-- > 0;) {
        LLVMValueRef sz = LLVMBuildExtractValue(t->b, d, 3, "");
        sz = LLVMBuildInsertValue(t->b, sz, sizes[k], (unsigned)k, "");
        d = LLVMBuildInsertValue(t->b, d, sz, 3, "");
        LLVMValueRef st = LLVMBuildExtractValue(t->b, d, 4, "");
        st = LLVMBuildInsertValue(t->b, st, stride, (unsigned)k, "");
        d = LLVMBuildInsertValue(t->b, d, st, 4, "");
        stride = LLVMBuildMul(t->b, stride, sizes[k], "");
    }
    return d;
}

/* Size of dimension k of memref value 'd' of type 'ty'. */
static LLVMValueRef
desc_size(tr *t, const eo_type *ty, LLVMValueRef d, size_t k)
{
    int64_t s = eo_type_dim(ty, k);
    if (s != EO_DYNAMIC)
        return ci64(t, s);
    LLVMValueRef a = LLVMBuildExtractValue(t->b, d, 3, "");
    return LLVMBuildExtractValue(t->b, a, (unsigned)k, "");
}

/* The address of element 'idx' (rank values) of memref descriptor 'd'
 * of type 'ty' (strided): aligned + offset + sum(idx[k] * stride[k]),
 * with the static offset and strides folded. NULL if not strided. */
static LLVMValueRef
addr_at(tr *t, const eo_type *ty, LLVMValueRef d, LLVMValueRef *idx)
{
    size_t rank = eo_type_rank(ty);
    int64_t strides[64], off;
    if (rank > 64 || !layout(ty, strides, &off))
        return NULL;
    LLVMValueRef base = LLVMBuildExtractValue(t->b, d, 1, "");
    LLVMValueRef lin = off != EO_DYNAMIC
        ? ci64(t, off) : LLVMBuildExtractValue(t->b, d, 2, "");
    for (size_t k = 0; k < rank; k++) {
        LLVMValueRef s;
        if (strides[k] != EO_DYNAMIC) {
            s = ci64(t, strides[k]);
        } else {
            LLVMValueRef a = LLVMBuildExtractValue(t->b, d, 4, "");
            s = LLVMBuildExtractValue(t->b, a, (unsigned)k, "");
        }
        LLVMValueRef p = strides[k] == 1 ? idx[k]
                                         : LLVMBuildMul(t->b, idx[k], s, "");
        lin = LLVMBuildAdd(t->b, lin, p, "");
    }
    LLVMTypeRef et = scalar_type(t, eo_type_elem(ty));
    return LLVMBuildGEP2(t->b, et, base, &lin, 1, "");
}

/* The element address of memref 'mv' at 'nidx' indices (op operands
 * from 'first'). NULL after a diagnostic. */
static LLVMValueRef
elem_addr(tr *t, eo_op *op, eo_value *mv, size_t first, size_t nidx)
{
    const eo_type *ty = eo_value_type(mv);
    size_t rank = eo_type_rank(ty);
    LLVMValueRef idx[64];
    if (rank > 64 || nidx != rank) {
        unsupported(op, "rank over 64 or index count mismatch");
        return NULL;
    }
    LLVMValueRef d = get(t, op, mv);
    if (!d)
        return NULL;
    for (size_t k = 0; k < rank; k++)
        if (!(idx[k] = get(t, op, eo_op_operand(op, first + k))))
            return NULL;
    LLVMValueRef p = addr_at(t, ty, d, idx);
    if (!p)
        unsupported(op, "memref layout is not strided");
    return p;
}

/* Copies every element of 's' (type 'st') to 'd' (type 'dt') with one
 * loop per dimension (memref.copy of non-contiguous memrefs): the
 * dimensions from 'k' on; the indices so far are in 'idx'. */
static void
copy_loops(tr *t, const eo_type *st, LLVMValueRef s, const eo_type *dt,
           LLVMValueRef d, size_t k, LLVMValueRef *idx)
{
    size_t rank = eo_type_rank(st);
    if (k == rank) {
        LLVMTypeRef et = scalar_type(t, eo_type_elem(st));
        LLVMValueRef v = LLVMBuildLoad2(t->b, et, addr_at(t, st, s, idx),
                                        "");
        LLVMBuildStore(t->b, v, addr_at(t, dt, d, idx));
        return;
    }
    LLVMValueRef n = desc_size(t, st, s, k);
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(t->b);
    LLVMBasicBlockRef head = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "copy.head");
    LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "copy.body");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "copy.exit");
    LLVMBuildBr(t->b, head);
    LLVMPositionBuilderAtEnd(t->b, head);
    LLVMValueRef i = LLVMBuildPhi(t->b, t->i64, "");
    LLVMValueRef zero = ci64(t, 0);
    LLVMAddIncoming(i, &zero, &pre, 1);
    LLVMBuildCondBr(t->b, LLVMBuildICmp(t->b, LLVMIntSLT, i, n, ""), body,
                    exit);
    LLVMPositionBuilderAtEnd(t->b, body);
    idx[k] = i;
    copy_loops(t, st, s, dt, d, k + 1, idx);
    LLVMValueRef next = LLVMBuildAdd(t->b, i, ci64(t, 1), "");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(t->b);
    LLVMAddIncoming(i, &next, &latch, 1);
    LLVMBuildBr(t->b, head);
    LLVMPositionBuilderAtEnd(t->b, exit);
}

/* ------------------------------------------------------------------ */
/* Ops                                                                 */
/* ------------------------------------------------------------------ */

static eo_status tr_block_ops(tr *t, eo_block *blk);
static void set_debug_loc(tr *t, const eo_loc *l);

/* A dense 1-D vector constant, element by element. */
static eo_status
tr_vector_constant(tr *t, eo_op *op, const eo_attr *a, const eo_type *ty)
{
    const eo_type *et = eo_type_elem(ty);
    LLVMTypeRef lt = scalar_type(t, et);
    size_t n = (size_t)eo_type_dim(ty, 0);
    bool fl = eo_type_is_float(et);
    if (fl && eo_type_float_width(et) > 64)
        return unsupported(op, "vector constant of this element type");
    LLVMValueRef *el = malloc(n * sizeof *el);
    if (!el)
        return EO_NOMEM;
    for (size_t i = 0; i < n; i++)
        el[i] = fl ? LLVMConstReal(lt, eo_attr_dense_float(a, i))
                   : LLVMConstInt(lt,
                                  (unsigned long long)eo_attr_dense_int(a, i),
                                  true);
    LLVMValueRef v = LLVMConstVector(el, (unsigned)n);
    free(el);
    return set(t, eo_op_result(op, 0), v);
}

static eo_status
tr_constant(tr *t, eo_op *op)
{
    const eo_attr *a = eo_op_attr(op, "value");
    const eo_type *ty = eo_value_type(eo_op_result(op, 0));
    LLVMTypeRef lt = scalar_type(t, ty);
    if (a && vector_type(t, ty) && eo_attr_get_kind(a) == EO_ATTR_DENSE)
        return tr_vector_constant(t, op, a, ty);
    if (!a || !lt)
        return unsupported(op, "only scalar and 1-D vector constants are "
                           "supported");
    LLVMValueRef v;
    if (eo_attr_get_kind(a) == EO_ATTR_INTEGER) {
        size_t nw = eo_attr_int_num_words(a);
        if (nw > UINT32_MAX)
            return unsupported(op, "integer too wide");
        v = LLVMConstIntOfArbitraryPrecision(lt, (unsigned)nw,
                                             eo_attr_int_words(a));
    } else if (eo_attr_get_kind(a) == EO_ATTR_FLOAT &&
               eo_type_float_width(ty) <= 64) {
        unsigned w = eo_type_float_width(ty);
        LLVMValueRef bits = LLVMConstInt(LLVMIntTypeInContext(t->c, w),
                                         eo_attr_float_bits(a), false);
        v = LLVMConstBitCast(bits, lt);
    } else {
        return unsupported(op, "only scalar and 1-D vector constants are "
                           "supported");
    }
    return set(t, eo_op_result(op, 0), v);
}

/* Carries arith's fastmath flags (same bits as LLVM's) and overflow
 * flags over to the instruction 'r'. */
static void
set_flags(eo_op *op, LLVMValueRef r)
{
    if (!LLVMIsAInstruction(r))
        return;
    unsigned fl;
    const eo_attr *a = eo_op_attr(op, "fastmath");
    if (a && arith_fastmath_flags(a, &fl) && fl &&
        LLVMCanValueUseFastMathFlags(r))
        LLVMSetFastMathFlags(r, fl & ARITH_FM_FAST);
    a = eo_op_attr(op, "overflowFlags");
    if (a && arith_overflow_flags(a, &fl) && fl &&
        LLVMIsABinaryOperator(r)) {
        LLVMOpcode opc = LLVMGetInstructionOpcode(r);
        if (opc == LLVMAdd || opc == LLVMSub || opc == LLVMMul ||
            opc == LLVMShl) {
            LLVMSetNSW(r, (fl & ARITH_OVF_NSW) != 0);
            LLVMSetNUW(r, (fl & ARITH_OVF_NUW) != 0);
        }
    }
}

static LLVMIntPredicate
icmp_pred(int64_t p)
{
    static const LLVMIntPredicate map[] = {
        LLVMIntEQ, LLVMIntNE, LLVMIntSLT, LLVMIntSLE, LLVMIntSGT,
        LLVMIntSGE, LLVMIntULT, LLVMIntULE, LLVMIntUGT, LLVMIntUGE
    };
    return map[p];
}

static LLVMRealPredicate
fcmp_pred(int64_t p)
{
    static const LLVMRealPredicate map[] = {
        LLVMRealPredicateFalse, LLVMRealOEQ, LLVMRealOGT, LLVMRealOGE,
        LLVMRealOLT, LLVMRealOLE, LLVMRealONE, LLVMRealORD, LLVMRealUEQ,
        LLVMRealUGT, LLVMRealUGE, LLVMRealULT, LLVMRealULE, LLVMRealUNE,
        LLVMRealUNO, LLVMRealPredicateTrue
    };
    return map[p];
}

static eo_status
tr_arith(tr *t, eo_op *op)
{
    enum arith_op k = arith_op_kind(op);
    if (k == ARITH_CONSTANT)
        return tr_constant(t, op);
    size_t n = eo_op_num_operands(op);
    LLVMValueRef a[3] = { NULL, NULL, NULL };
    for (size_t i = 0; i < n && i < 3; i++) {
        if (!is_memref(eo_value_type(eo_op_operand(op, i))) &&
            !data_type(t, eo_value_type(eo_op_operand(op, i))))
            return unsupported(op, "only scalar and 1-D vector operands "
                               "are supported");
        if (!(a[i] = get(t, op, eo_op_operand(op, i))))
            return EO_ERROR;
    }
    if (eo_op_num_results(op) != 1)
        return unsupported(op, "operation not supported");
    const eo_type *rty = eo_value_type(eo_op_result(op, 0));
    LLVMTypeRef rt = data_type(t, rty);
    if (!rt)
        return unsupported(op, "only scalar and 1-D vector results are "
                           "supported");
    if (!scalar_type(t, rty) && (k == ARITH_CEILDIVUI ||
                                 k == ARITH_CEILDIVSI ||
                                 k == ARITH_FLOORDIVSI))
        return unsupported(op, "on vectors");
    LLVMBuilderRef b = t->b;
    LLVMValueRef r = NULL;
    switch (k) {
    case ARITH_ADDI: r = LLVMBuildAdd(b, a[0], a[1], ""); break;
    case ARITH_SUBI: r = LLVMBuildSub(b, a[0], a[1], ""); break;
    case ARITH_MULI: r = LLVMBuildMul(b, a[0], a[1], ""); break;
    case ARITH_DIVSI: r = LLVMBuildSDiv(b, a[0], a[1], ""); break;
    case ARITH_DIVUI: r = LLVMBuildUDiv(b, a[0], a[1], ""); break;
    case ARITH_REMSI: r = LLVMBuildSRem(b, a[0], a[1], ""); break;
    case ARITH_REMUI: r = LLVMBuildURem(b, a[0], a[1], ""); break;
    case ARITH_ANDI: r = LLVMBuildAnd(b, a[0], a[1], ""); break;
    case ARITH_ORI: r = LLVMBuildOr(b, a[0], a[1], ""); break;
    case ARITH_XORI: r = LLVMBuildXor(b, a[0], a[1], ""); break;
    case ARITH_SHLI: r = LLVMBuildShl(b, a[0], a[1], ""); break;
    case ARITH_SHRSI: r = LLVMBuildAShr(b, a[0], a[1], ""); break;
    case ARITH_SHRUI: r = LLVMBuildLShr(b, a[0], a[1], ""); break;
    case ARITH_MAXSI: case ARITH_MINSI: case ARITH_MAXUI: case ARITH_MINUI: {
        LLVMIntPredicate p = k == ARITH_MAXSI ? LLVMIntSGT
            : k == ARITH_MINSI ? LLVMIntSLT
            : k == ARITH_MAXUI ? LLVMIntUGT : LLVMIntULT;
        LLVMValueRef c = LLVMBuildICmp(b, p, a[0], a[1], "");
        r = LLVMBuildSelect(b, c, a[0], a[1], "");
        break;
    }
    case ARITH_CEILDIVUI: {
        /* a == 0 ? 0 : (a - 1) / b + 1 */
        LLVMValueRef zero = LLVMConstInt(rt, 0, false);
        LLVMValueRef one = LLVMConstInt(rt, 1, false);
        LLVMValueRef q = LLVMBuildAdd(b, LLVMBuildUDiv(b,
            LLVMBuildSub(b, a[0], one, ""), a[1], ""), one, "");
        LLVMValueRef z = LLVMBuildICmp(b, LLVMIntEQ, a[0], zero, "");
        r = LLVMBuildSelect(b, z, zero, q, "");
        break;
    }
    case ARITH_CEILDIVSI: case ARITH_FLOORDIVSI: {
        /* q = a / b; adjust by one when the remainder is non-zero and
         * its sign (ceil: equals / floor: differs from) b's sign. */
        LLVMValueRef zero = LLVMConstInt(rt, 0, false);
        LLVMValueRef q = LLVMBuildSDiv(b, a[0], a[1], "");
        LLVMValueRef rm = LLVMBuildSRem(b, a[0], a[1], "");
        LLVMValueRef nz = LLVMBuildICmp(b, LLVMIntNE, rm, zero, "");
        LLVMValueRef rneg = LLVMBuildICmp(b, LLVMIntSLT, rm, zero, "");
        LLVMValueRef bneg = LLVMBuildICmp(b, LLVMIntSLT, a[1], zero, "");
        LLVMValueRef same = LLVMBuildICmp(b, LLVMIntEQ, rneg, bneg, "");
        LLVMValueRef adj;
        if (k == ARITH_CEILDIVSI) {
            adj = LLVMBuildAnd(b, nz, same, "");
            r = LLVMBuildAdd(b, q, LLVMBuildZExt(b, adj, rt, ""), "");
        } else {
            adj = LLVMBuildAnd(b, nz, LLVMBuildNot(b, same, ""), "");
            r = LLVMBuildSub(b, q, LLVMBuildZExt(b, adj, rt, ""), "");
        }
        break;
    }
    case ARITH_ADDF: r = LLVMBuildFAdd(b, a[0], a[1], ""); break;
    case ARITH_SUBF: r = LLVMBuildFSub(b, a[0], a[1], ""); break;
    case ARITH_MULF: r = LLVMBuildFMul(b, a[0], a[1], ""); break;
    case ARITH_DIVF: r = LLVMBuildFDiv(b, a[0], a[1], ""); break;
    case ARITH_REMF: r = LLVMBuildFRem(b, a[0], a[1], ""); break;
    case ARITH_NEGF: r = LLVMBuildFNeg(b, a[0], ""); break;
    case ARITH_MAXIMUMF:
        r = call_intrinsic(t, "llvm.maximum", rt, a, 2); break;
    case ARITH_MINIMUMF:
        r = call_intrinsic(t, "llvm.minimum", rt, a, 2); break;
    case ARITH_MAXNUMF:
        r = call_intrinsic(t, "llvm.maxnum", rt, a, 2); break;
    case ARITH_MINNUMF:
        r = call_intrinsic(t, "llvm.minnum", rt, a, 2); break;
    case ARITH_CMPI: case ARITH_CMPF: {
        const eo_attr *p = eo_op_attr(op, "predicate");
        int64_t pv = p ? eo_attr_int_value(p) : -1;
        if (k == ARITH_CMPI && pv >= 0 && pv < ARITH_CMPI_NUM)
            r = LLVMBuildICmp(b, icmp_pred(pv), a[0], a[1], "");
        else if (k == ARITH_CMPF && pv >= 0 && pv < ARITH_CMPF_NUM)
            r = LLVMBuildFCmp(b, fcmp_pred(pv), a[0], a[1], "");
        else
            return unsupported(op, "bad predicate");
        break;
    }
    case ARITH_SELECT:
        if (is_memref(rty))
            return unsupported(op, "select of memrefs");
        r = LLVMBuildSelect(b, a[0], a[1], a[2], "");
        break;
    case ARITH_EXTSI: r = LLVMBuildSExt(b, a[0], rt, ""); break;
    case ARITH_EXTUI: r = LLVMBuildZExt(b, a[0], rt, ""); break;
    case ARITH_TRUNCI: r = LLVMBuildTrunc(b, a[0], rt, ""); break;
    case ARITH_EXTF: r = LLVMBuildFPExt(b, a[0], rt, ""); break;
    case ARITH_TRUNCF: r = LLVMBuildFPTrunc(b, a[0], rt, ""); break;
    case ARITH_SITOFP: r = LLVMBuildSIToFP(b, a[0], rt, ""); break;
    case ARITH_UITOFP: r = LLVMBuildUIToFP(b, a[0], rt, ""); break;
    case ARITH_FPTOSI: r = LLVMBuildFPToSI(b, a[0], rt, ""); break;
    case ARITH_FPTOUI: r = LLVMBuildFPToUI(b, a[0], rt, ""); break;
    case ARITH_INDEX_CAST: case ARITH_INDEX_CASTUI:
        r = LLVMBuildIntCast2(b, a[0], rt, k == ARITH_INDEX_CAST, "");
        break;
    case ARITH_BITCAST: r = LLVMBuildBitCast(b, a[0], rt, ""); break;
    default:
        return unsupported(op, "operation not supported");
    }
    if (!r)
        return unsupported(op, "no LLVM intrinsic");
    set_flags(op, r);
    return set(t, eo_op_result(op, 0), r);
}

/* The libm name of a math op on f32 ("...f") or f64, or NULL. */
static const char *
libm_name(enum math_op k, bool f32, char buf[16])
{
    static const struct { enum math_op k; const char *n; } tab[] = {
        { MATH_ACOS, "acos" }, { MATH_ACOSH, "acosh" },
        { MATH_ASIN, "asin" }, { MATH_ASINH, "asinh" },
        { MATH_ATAN, "atan" }, { MATH_ATAN2, "atan2" },
        { MATH_ATANH, "atanh" }, { MATH_CBRT, "cbrt" },
        { MATH_COSH, "cosh" }, { MATH_ERF, "erf" },
        { MATH_EXPM1, "expm1" }, { MATH_LOG1P, "log1p" },
        { MATH_SINH, "sinh" }, { MATH_TAN, "tan" }, { MATH_TANH, "tanh" },
    };
    for (size_t i = 0; i < sizeof tab / sizeof tab[0]; i++) {
        if (tab[i].k == k) {
            strcpy(buf, tab[i].n);
            if (f32)
                strcat(buf, "f");
            return buf;
        }
    }
    return NULL;
}

static const char *
math_intrinsic(enum math_op k)
{
    switch (k) {
    case MATH_ABSF: return "llvm.fabs";
    case MATH_CEIL: return "llvm.ceil";
    case MATH_COPYSIGN: return "llvm.copysign";
    case MATH_COS: return "llvm.cos";
    case MATH_EXP: return "llvm.exp";
    case MATH_EXP2: return "llvm.exp2";
    case MATH_FLOOR: return "llvm.floor";
    case MATH_FMA: return "llvm.fma";
    case MATH_LOG: return "llvm.log";
    case MATH_LOG10: return "llvm.log10";
    case MATH_LOG2: return "llvm.log2";
    case MATH_POWF: return "llvm.pow";
    case MATH_ROUND: return "llvm.round";
    case MATH_ROUNDEVEN: return "llvm.roundeven";
    case MATH_SIN: return "llvm.sin";
    case MATH_SQRT: return "llvm.sqrt";
    case MATH_TRUNC: return "llvm.trunc";
    case MATH_CTPOP: return "llvm.ctpop";
    default: return NULL;
    }
}

static eo_status tr_math(tr *t, eo_op *op);

/* A math op on a 1-D vector with no LLVM intrinsic (libm calls): one
 * call per lane, through a scalar clone of the op. */
static eo_status
tr_math_lanes(tr *t, eo_op *op, LLVMValueRef *a, size_t n,
              const eo_type *rty)
{
    const eo_type *et = eo_type_elem(rty);
    LLVMTypeRef vt = data_type(t, rty);
    eo_op *c = eo_op_clone(op, NULL);
    eo_block *blk = eo_block_create(t->ctx);
    if (!c || !blk) {
        if (c)
            eo_op_destroy(c);
        if (blk)
            eo_block_destroy(blk);
        return EO_NOMEM;
    }
    eo_status s = EO_OK;
    eo_value *args[3];
    for (size_t i = 0; i < n && s == EO_OK; i++) {
        const eo_type *at = eo_type_elem(eo_value_type(eo_op_operand(op,
                                                                     i)));
        args[i] = at ? eo_block_add_arg(blk, at, eo_op_loc(op)) : NULL;
        if (!args[i])
            s = EO_NOMEM;
        else
            eo_op_set_operand(c, i, args[i]);
    }
    eo_value_set_type(eo_op_result(c, 0), et);
    eo_block_append(blk, c);
    LLVMValueRef r = LLVMGetPoison(vt);
    unsigned lanes = LLVMGetVectorSize(vt);
    for (unsigned l = 0; l < lanes && s == EO_OK; l++) {
        LLVMValueRef lane = LLVMConstInt(LLVMInt32TypeInContext(t->c), l,
                                         false);
        for (size_t i = 0; i < n && s == EO_OK; i++)
            s = set(t, args[i], LLVMBuildExtractElement(t->b, a[i], lane,
                                                        ""));
        if (s == EO_OK)
            s = tr_math(t, c);
        LLVMValueRef x = s == EO_OK ? map_get(&t->vals, eo_op_result(c, 0))
                                    : NULL;
        if (x)
            r = LLVMBuildInsertElement(t->b, r, x, lane, "");
    }
    eo_block_destroy(blk);
    return s == EO_OK ? set(t, eo_op_result(op, 0), r) : s;
}

static eo_status
tr_math(tr *t, eo_op *op)
{
    enum math_op k = math_op_kind(op);
    size_t n = eo_op_num_operands(op);
    LLVMValueRef a[3];
    if (n > 3 || eo_op_num_results(op) != 1)
        return unsupported(op, "operation not supported");
    for (size_t i = 0; i < n; i++) {
        if (!data_type(t, eo_value_type(eo_op_operand(op, i))))
            return unsupported(op, "only scalar and 1-D vector operands "
                               "are supported");
        if (!(a[i] = get(t, op, eo_op_operand(op, i))))
            return EO_ERROR;
    }
    const eo_type *rty = eo_value_type(eo_op_result(op, 0));
    LLVMTypeRef rt = data_type(t, rty);
    if (!scalar_type(t, rty) && !math_intrinsic(k) && k != MATH_ABSI &&
        k != MATH_CTLZ && k != MATH_CTTZ)
        return tr_math_lanes(t, op, a, n, rty);
    LLVMValueRef r = NULL;
    const char *in = math_intrinsic(k);
    if (in) {
        r = call_intrinsic(t, in, rt, a, (unsigned)n);
    } else if (k == MATH_ABSI || k == MATH_CTLZ || k == MATH_CTTZ) {
        a[1] = LLVMConstInt(LLVMInt1TypeInContext(t->c), 0, false);
        r = call_intrinsic(t, k == MATH_ABSI ? "llvm.abs"
                           : k == MATH_CTLZ ? "llvm.ctlz" : "llvm.cttz",
                           rt, a, 2);
    } else if (k == MATH_FPOWI) {
        LLVMTypeRef tys[2] = { rt, LLVMTypeOf(a[1]) }, fty;
        LLVMValueRef f = intrinsic(t, "llvm.powi", tys, 2, &fty);
        if (f)
            r = LLVMBuildCall2(t->b, fty, f, a, 2, "");
    } else if (k == MATH_RSQRT) {
        LLVMValueRef s = call_intrinsic(t, "llvm.sqrt", rt, a, 1);
        if (s)
            r = LLVMBuildFDiv(t->b, LLVMConstReal(rt, 1.0), s, "");
    } else if (eo_type_is_float(rty) && eo_type_float_width(rty) <= 64 &&
               eo_type_float_kind(rty) != EO_TF32) {
        /* libm: f32 and f64 directly; f16 and bf16 through f32. */
        unsigned w = eo_type_float_width(rty);
        char buf[16];
        const char *name = libm_name(k, w <= 32, buf);
        if (name) {
            LLVMTypeRef ct = w < 32 ? LLVMFloatTypeInContext(t->c) : rt;
            LLVMTypeRef ps[2] = { ct, ct }, fty;
            LLVMValueRef ca[2];
            for (size_t i = 0; i < n; i++)
                ca[i] = w < 32 ? LLVMBuildFPExt(t->b, a[i], ct, "") : a[i];
            LLVMValueRef f = extern_fn(t, name, ct, ps, (unsigned)n, &fty);
            r = LLVMBuildCall2(t->b, fty, f, ca, (unsigned)n, "");
            if (w < 32)
                r = LLVMBuildFPTrunc(t->b, r, rt, "");
        }
    }
    if (!r)
        return unsupported(op, "operation or element type not supported");
    set_flags(op, r);
    return set(t, eo_op_result(op, 0), r);
}

static eo_status
tr_alloc(tr *t, eo_op *op, bool stack)
{
    const eo_type *ty = eo_value_type(eo_op_result(op, 0));
    size_t rank = eo_type_rank(ty);
    int64_t strides[64], off;
    LLVMTypeRef et = value_type(t, ty) ? scalar_type(t, eo_type_elem(ty))
                                       : NULL;
    if (!et || rank > 64 || !layout(ty, strides, &off) || off != 0)
        return unsupported(op, "element type or layout not supported");
    LLVMValueRef sizes[64];
    LLVMValueRef total = ci64(t, 1);
    size_t dyn = 0;
    for (size_t k = 0; k < rank; k++) {
        int64_t s = eo_type_dim(ty, k);
        if (s == EO_DYNAMIC) {
            if (dyn >= eo_op_num_operands(op))
                return unsupported(op, "missing dynamic size");
            sizes[k] = get(t, op, eo_op_operand(op, dyn++));
            if (!sizes[k])
                return EO_ERROR;
        } else {
            sizes[k] = ci64(t, s);
        }
        total = LLVMBuildMul(t->b, total, sizes[k], "");
    }
    /* The identity strides only (what alloc of a strided type means). */
    int64_t st = 1;
    for (size_t k = rank; k-- > 0;) {
        if (strides[k] != EO_DYNAMIC && strides[k] != st)
            return unsupported(op, "non-identity layout");
        if (eo_type_dim(ty, k) == EO_DYNAMIC)
            break;
        st *= eo_type_dim(ty, k);
    }
    LLVMValueRef p;
    if (stack) {
        p = LLVMBuildArrayAlloca(t->b, et, total, "");
        const eo_attr *al = eo_op_attr(op, "alignment");
        if (al && eo_attr_int_value(al) > 0)
            LLVMSetAlignment(p, (unsigned)eo_attr_int_value(al));
    } else {
        LLVMValueRef bytes = LLVMBuildMul(t->b, total,
                                          ci64(t, elem_size(t, et)), "");
        const eo_attr *al = eo_op_attr(op, "alignment");
        int64_t align = al ? eo_attr_int_value(al) : 0;
        LLVMTypeRef fty;
        if (align > 16) {
            /* aligned_alloc wants a multiple of the alignment. */
            LLVMValueRef am1 = ci64(t, align - 1);
            bytes = LLVMBuildAnd(t->b, LLVMBuildAdd(t->b, bytes, am1, ""),
                                 LLVMConstNot(am1), "");
            LLVMTypeRef ps[2] = { t->i64, t->i64 };
            LLVMValueRef f = extern_fn(t, "aligned_alloc", t->ptr, ps, 2,
                                       &fty);
            LLVMValueRef args[2] = { ci64(t, align), bytes };
            p = LLVMBuildCall2(t->b, fty, f, args, 2, "");
        } else {
            LLVMValueRef f = extern_fn(t, "malloc", t->ptr, &t->i64, 1,
                                       &fty);
            p = LLVMBuildCall2(t->b, fty, f, &bytes, 1, "");
        }
    }
    return set(t, eo_op_result(op, 0), make_desc(t, rank, p, p, sizes));
}

static eo_status
tr_global(tr *t, eo_op *op)
{
    const eo_ident *name = eo_symbol_name(t->ctx, op);
    const eo_attr *ta = eo_op_attr(op, "type");
    const eo_type *ty = ta ? eo_attr_type_value(ta) : NULL;
    if (!name || !ty || !is_memref(ty) || !value_type(t, ty))
        return unsupported(op, "global type not supported");
    LLVMTypeRef et = scalar_type(t, eo_type_elem(ty));
    int64_t n = eo_type_num_elements(ty);
    size_t eb = eo_dense_elem_bytes(eo_type_elem(ty));
    LLVMTargetDataRef dl = LLVMGetModuleDataLayout(t->m);
    if (n < 0 || eb != LLVMABISizeOfType(dl, et))
        return unsupported(op, "global shape or element type not supported");
    size_t bytes = (size_t)n * eb;
    LLVMTypeRef at = LLVMArrayType2(LLVMInt8TypeInContext(t->c), bytes);
    LLVMValueRef g = LLVMAddGlobal(t->m, at, eo_ident_str(name));
    const eo_attr *init = eo_op_attr(op, "initial_value");
    const eo_attr *vis = eo_op_attr(op, "sym_visibility");
    bool priv = vis && eo_attr_get_kind(vis) == EO_ATTR_STRING &&
                strcmp(eo_attr_string(vis, NULL), "private") == 0;
    if (!init) {
        LLVMSetLinkage(g, LLVMExternalLinkage);   /* a declaration */
    } else {
        LLVMValueRef c = NULL;
        if (eo_attr_get_kind(init) == EO_ATTR_UNIT) {
            c = LLVMConstNull(at);
        } else if (eo_attr_get_kind(init) == EO_ATTR_DENSE ||
                   eo_attr_get_kind(init) == EO_ATTR_DENSE_RESOURCE) {
            size_t sz = 0;
            const void *data = NULL;
            if (eo_attr_get_kind(init) == EO_ATTR_DENSE) {
                data = eo_attr_dense_data(init, &sz);
            } else if (eo_attr_resource(init)) {
                data = eo_resource_data(eo_attr_resource(init), &sz);
            }
            if (data && sz == bytes) {
                c = LLVMConstStringInContext2(t->c, data, bytes, true);
            } else if (data && sz == eb &&
                       eo_attr_get_kind(init) == EO_ATTR_DENSE) {
                char *buf = malloc(bytes ? bytes : 1);
                if (!buf)
                    return EO_NOMEM;
                for (size_t i = 0; i < (size_t)n; i++)
                    memcpy(buf + i * eb, data, eb);
                c = LLVMConstStringInContext2(t->c, buf, bytes, true);
                free(buf);
            }
        }
        if (!c)
            return unsupported(op, "initial value not supported (data "
                               "missing or of the wrong size)");
        LLVMSetInitializer(g, c);
        LLVMSetLinkage(g, priv ? LLVMInternalLinkage : LLVMExternalLinkage);
    }
    if (eo_op_attr(op, "constant"))
        LLVMSetGlobalConstant(g, true);
    const eo_attr *al = eo_op_attr(op, "alignment");
    unsigned align = al && eo_attr_int_value(al) > 0
        ? (unsigned)eo_attr_int_value(al) : 16;
    LLVMSetAlignment(g, align);
    return EO_OK;
}

static eo_status
tr_get_global(tr *t, eo_op *op)
{
    const eo_attr *ref = eo_op_attr(op, "name");
    const eo_type *ty = eo_value_type(eo_op_result(op, 0));
    if (!ref || eo_attr_get_kind(ref) != EO_ATTR_SYMBOL_REF)
        return unsupported(op, "missing symbol");
    LLVMValueRef g = LLVMGetNamedGlobal(t->m,
                                        eo_ident_str(eo_attr_symbol_root(ref)));
    size_t rank = eo_type_rank(ty);
    if (!g || rank > 64)
        return unsupported(op, "unknown global");
    LLVMValueRef sizes[64];
    for (size_t k = 0; k < rank; k++)
        sizes[k] = ci64(t, eo_type_dim(ty, k));
    return set(t, eo_op_result(op, 0), make_desc(t, rank, g, g, sizes));
}

/* Whether a memref of type 'ty' (static strides/offset 'st', 'off') is
 * laid out row-major without gaps: no layout, or the identity strides. */
static bool
contiguous(const eo_type *ty, const int64_t *st, int64_t off)
{
    if (!eo_type_layout(ty))
        return true;
    int64_t want = 1;
    for (size_t k = eo_type_rank(ty); k-- > 0;) {
        if (st[k] != want || eo_type_dim(ty, k) == EO_DYNAMIC)
            return false;
        want *= eo_type_dim(ty, k);
    }
    return off != EO_DYNAMIC;
}

/* Entry i of the mixed static/dynamic list 'name' (static_offsets, ...)
 * of 'op', whose dynamic values are operand segment 'seg'. NULL after a
 * diagnostic. */
static LLVMValueRef
mixed(tr *t, eo_op *op, const char *name, size_t seg, size_t i)
{
    const eo_attr *a = eo_op_attr(op, name);
    size_t start, len;
    if (!a || eo_attr_get_kind(a) != EO_ATTR_DENSE_ARRAY ||
        i >= eo_attr_dense_array_size(a) ||
        !eo_op_operand_segment(op, seg, &start, &len)) {
        unsupported(op, "malformed offsets, sizes or strides");
        return NULL;
    }
    int64_t v = eo_attr_dense_array_int(a, i);
    if (v != EO_DYNAMIC)
        return ci64(t, v);
    size_t k = 0;
    for (size_t q = 0; q < i; q++)
        k += eo_attr_dense_array_int(a, q) == EO_DYNAMIC;
    if (k >= len) {
        unsupported(op, "malformed offsets, sizes or strides");
        return NULL;
    }
    return get(t, op, eo_op_operand(op, start + k));
}

/* Stride k of memref value 'd' of type 'ty' (static where known). */
static LLVMValueRef
desc_stride(tr *t, const eo_type *ty, LLVMValueRef d, size_t k)
{
    int64_t st[64], off;
    if (eo_type_rank(ty) <= 64 && layout(ty, st, &off) &&
        st[k] != EO_DYNAMIC)
        return ci64(t, st[k]);
    LLVMValueRef a = LLVMBuildExtractValue(t->b, d, 4, "");
    return LLVMBuildExtractValue(t->b, a, (unsigned)k, "");
}

static LLVMValueRef
desc_offset(tr *t, const eo_type *ty, LLVMValueRef d)
{
    int64_t st[64], off;
    if (eo_type_rank(ty) <= 64 && layout(ty, st, &off) && off != EO_DYNAMIC)
        return ci64(t, off);
    return LLVMBuildExtractValue(t->b, d, 2, "");
}

/* A descriptor with the pointers of 'src' and the given fields. */
static LLVMValueRef
view_desc(tr *t, LLVMValueRef src, size_t rank, LLVMValueRef off,
          LLVMValueRef *sizes, LLVMValueRef *strides)
{
    LLVMValueRef d = LLVMGetUndef(desc_type(t, rank));
    d = LLVMBuildInsertValue(t->b, d, LLVMBuildExtractValue(t->b, src, 0,
                                                            ""), 0, "");
    d = LLVMBuildInsertValue(t->b, d, LLVMBuildExtractValue(t->b, src, 1,
                                                            ""), 1, "");
    d = LLVMBuildInsertValue(t->b, d, off, 2, "");
    if (rank == 0)
        return d;
    LLVMValueRef sz = LLVMGetUndef(LLVMArrayType2(t->i64, rank));
    LLVMValueRef st = sz;
    for (size_t k = 0; k < rank; k++) {
        sz = LLVMBuildInsertValue(t->b, sz, sizes[k], (unsigned)k, "");
        st = LLVMBuildInsertValue(t->b, st, strides[k], (unsigned)k, "");
    }
    d = LLVMBuildInsertValue(t->b, d, sz, 3, "");
    return LLVMBuildInsertValue(t->b, d, st, 4, "");
}

/* memref.subview and memref.reinterpret_cast. */
static eo_status
tr_view(tr *t, eo_op *op, bool subview)
{
    eo_value *sv = eo_op_operand(op, 0);
    const eo_type *sty = eo_value_type(sv);
    const eo_type *rty = eo_value_type(eo_op_result(op, 0));
    if (!is_memref(sty) || !is_memref(rty) || !value_type(t, rty))
        return unsupported(op, "only ranked memrefs");
    size_t srank = eo_type_rank(sty), rrank = eo_type_rank(rty);
    if (srank > 64 || rrank > 64)
        return unsupported(op, "rank over 64");
    LLVMValueRef src = get(t, op, sv);
    if (!src)
        return EO_ERROR;
    LLVMValueRef sizes[64], strides[64], off;
    if (!subview) {
        if (!(off = mixed(t, op, "static_offsets", 1, 0)))
            return EO_ERROR;
        for (size_t k = 0; k < rrank; k++)
            if (!(sizes[k] = mixed(t, op, "static_sizes", 2, k)) ||
                !(strides[k] = mixed(t, op, "static_strides", 3, k)))
                return EO_ERROR;
        return set(t, eo_op_result(op, 0),
                   view_desc(t, src, rrank, off, sizes, strides));
    }
    /* Subview: offset += sum(off_i * stride_i); strides scale; dropped
     * unit dimensions (rank reduction) are the leading size-1 ones not
     * needed to match the result's rank. */
    off = desc_offset(t, sty, src);
    size_t j = 0;
    for (size_t i = 0; i < srank; i++) {
        LLVMValueRef o = mixed(t, op, "static_offsets", 1, i);
        LLVMValueRef sz = mixed(t, op, "static_sizes", 2, i);
        LLVMValueRef sd = mixed(t, op, "static_strides", 3, i);
        if (!o || !sz || !sd)
            return EO_ERROR;
        LLVMValueRef sst = desc_stride(t, sty, src, i);
        off = LLVMBuildAdd(t->b, off, LLVMBuildMul(t->b, o, sst, ""), "");
        const eo_attr *ssz = eo_op_attr(op, "static_sizes");
        bool unit = eo_attr_dense_array_int(ssz, i) == 1;
        if (unit && srank - i > rrank - j)
            continue;
        if (j >= rrank)
            return unsupported(op, "cannot match the result's rank");
        sizes[j] = sz;
        strides[j] = LLVMBuildMul(t->b, sst, sd, "");
        j++;
    }
    if (j != rrank)
        return unsupported(op, "cannot match the result's rank");
    return set(t, eo_op_result(op, 0),
               view_desc(t, src, rrank, off, sizes, strides));
}

/* memref.collapse_shape and memref.expand_shape. */
static eo_status
tr_reshape(tr *t, eo_op *op, bool collapse)
{
    eo_value *sv = eo_op_operand(op, 0);
    const eo_type *sty = eo_value_type(sv);
    const eo_type *rty = eo_value_type(eo_op_result(op, 0));
    const eo_attr *re = eo_op_attr(op, "reassociation");
    if (!is_memref(sty) || !is_memref(rty) || !value_type(t, rty) || !re ||
        eo_attr_get_kind(re) != EO_ATTR_ARRAY)
        return unsupported(op, "only ranked memrefs");
    size_t srank = eo_type_rank(sty), rrank = eo_type_rank(rty);
    if (srank > 64 || rrank > 64)
        return unsupported(op, "rank over 64");
    LLVMValueRef src = get(t, op, sv);
    if (!src)
        return EO_ERROR;
    LLVMValueRef sizes[64], strides[64];
    size_t ng = eo_attr_array_size(re);
    if (ng != (collapse ? rrank : srank))
        return unsupported(op, "malformed reassociation");
    for (size_t g = 0; g < ng; g++) {
        const eo_attr *grp = eo_attr_array_at(re, g);
        size_t n = eo_attr_get_kind(grp) == EO_ATTR_ARRAY
            ? eo_attr_array_size(grp) : 0;
        if (n == 0) {
            /* An empty group only in a collapse to rank 0. */
            continue;
        }
        int64_t first = eo_attr_int_value(eo_attr_array_at(grp, 0));
        int64_t last = eo_attr_int_value(eo_attr_array_at(grp, n - 1));
        if (first < 0 || last < first ||
            (size_t)last >= (collapse ? srank : rrank))
            return unsupported(op, "malformed reassociation");
        if (collapse) {
            /* Size: the product; stride: the innermost one. */
            LLVMValueRef sz = ci64(t, 1);
            for (int64_t d = first; d <= last; d++)
                sz = LLVMBuildMul(t->b, sz,
                                  desc_size(t, sty, src, (size_t)d), "");
            sizes[g] = sz;
            strides[g] = desc_stride(t, sty, src, (size_t)last);
        } else {
            /* Sizes from the result type (or output_shape's dynamic
             * values); strides grow outwards from the source stride. */
            LLVMValueRef st = desc_stride(t, sty, src, g);
            for (int64_t d = last; d >= first; d--) {
                int64_t s = eo_type_dim(rty, (size_t)d);
                sizes[d] = s != EO_DYNAMIC ? ci64(t, s) : NULL;
                strides[d] = st;
                if (d > first) {
                    if (!sizes[d])
                        return unsupported(op, "dynamic inner sizes");
                    st = LLVMBuildMul(t->b, st, sizes[d], "");
                }
            }
            if (!sizes[first]) {
                /* The outermost size of a group is the source size over
                 * the product of the inner ones. */
                LLVMValueRef inner = ci64(t, 1);
                for (int64_t d = first + 1; d <= last; d++)
                    inner = LLVMBuildMul(t->b, inner, sizes[d], "");
                sizes[first] = LLVMBuildSDiv(t->b,
                    desc_size(t, sty, src, g), inner, "");
            }
        }
    }
    if (collapse && rrank == 0 && ng != 0)
        return unsupported(op, "malformed reassociation");
    return set(t, eo_op_result(op, 0),
               view_desc(t, src, rrank, desc_offset(t, sty, src), sizes,
                         strides));
}

static eo_status
tr_memref(tr *t, eo_op *op)
{
    enum memref_op k = memref_op_kind(op);
    switch (k) {
    case MEMREF_LOAD: {
        LLVMValueRef p = elem_addr(t, op, eo_op_operand(op, 0), 1,
                                   eo_op_num_operands(op) - 1);
        if (!p)
            return EO_ERROR;
        const eo_type *rt = eo_value_type(eo_op_result(op, 0));
        LLVMTypeRef lt = scalar_type(t, rt);
        if (!lt)
            return unsupported(op, "element type not supported");
        return set(t, eo_op_result(op, 0), LLVMBuildLoad2(t->b, lt, p, ""));
    }
    case MEMREF_STORE: {
        LLVMValueRef v = get(t, op, eo_op_operand(op, 0));
        if (!v)
            return EO_ERROR;
        LLVMValueRef p = elem_addr(t, op, eo_op_operand(op, 1), 2,
                                   eo_op_num_operands(op) - 2);
        if (!p)
            return EO_ERROR;
        LLVMBuildStore(t->b, v, p);
        return EO_OK;
    }
    case MEMREF_ALLOC: return tr_alloc(t, op, false);
    case MEMREF_ALLOCA: return tr_alloc(t, op, true);
    case MEMREF_DEALLOC: {
        LLVMValueRef d = get(t, op, eo_op_operand(op, 0));
        if (!d)
            return EO_ERROR;
        LLVMValueRef p = LLVMBuildExtractValue(t->b, d, 0, "");
        LLVMTypeRef fty;
        LLVMValueRef f = extern_fn(t, "free",
                                   LLVMVoidTypeInContext(t->c), &t->ptr, 1,
                                   &fty);
        LLVMBuildCall2(t->b, fty, f, &p, 1, "");
        return EO_OK;
    }
    case MEMREF_GET_GLOBAL: return tr_get_global(t, op);
    case MEMREF_SUBVIEW: return tr_view(t, op, true);
    case MEMREF_REINTERPRET_CAST: return tr_view(t, op, false);
    case MEMREF_COLLAPSE_SHAPE: return tr_reshape(t, op, true);
    case MEMREF_EXPAND_SHAPE: return tr_reshape(t, op, false);
    case MEMREF_GLOBAL: return EO_OK;  /* done up front */
    case MEMREF_CAST: {
        /* Ranked to ranked of the same rank: the same descriptor. */
        const eo_type *rt = eo_value_type(eo_op_result(op, 0));
        if (!is_memref(rt))
            return unsupported(op, "unranked memrefs");
        LLVMValueRef d = get(t, op, eo_op_operand(op, 0));
        return d ? set(t, eo_op_result(op, 0), d) : EO_ERROR;
    }
    case MEMREF_DIM: {
        eo_value *mv = eo_op_operand(op, 0);
        eo_op *idef = eo_value_def_op(eo_op_operand(op, 1));
        const eo_attr *ia = idef && eo_op_is(idef,
            arith_op_def(ARITH_CONSTANT)) ? eo_op_attr(idef, "value") : NULL;
        const eo_type *ty = eo_value_type(mv);
        if (!ia || !is_memref(ty))
            return unsupported(op, "only constant dimension indices");
        int64_t i = eo_attr_int_value(ia);
        if (i < 0 || (size_t)i >= eo_type_rank(ty))
            return unsupported(op, "dimension index out of range");
        LLVMValueRef d = get(t, op, mv);
        if (!d)
            return EO_ERROR;
        return set(t, eo_op_result(op, 0), desc_size(t, ty, d, (size_t)i));
    }
    case MEMREF_COPY: {
        const eo_type *st = eo_value_type(eo_op_operand(op, 0));
        const eo_type *dt = eo_value_type(eo_op_operand(op, 1));
        int64_t ss[64], so, ds[64], dso;
        if (!is_memref(st) || !is_memref(dt) || eo_type_rank(st) > 64 ||
            !layout(st, ss, &so) || !layout(dt, ds, &dso))
            return unsupported(op, "layout not supported");
        size_t rank = eo_type_rank(st);
        if (eo_type_rank(dt) != rank || !scalar_type(t, eo_type_elem(st)))
            return unsupported(op, "rank or element type mismatch");
        LLVMValueRef s = get(t, op, eo_op_operand(op, 0));
        LLVMValueRef d = get(t, op, eo_op_operand(op, 1));
        if (!s || !d)
            return EO_ERROR;
        if (!contiguous(st, ss, so) || !contiguous(dt, ds, dso)) {
            /* Strided: element by element. */
            LLVMValueRef idx[64];
            copy_loops(t, st, s, dt, d, 0, idx);
            return EO_OK;
        }
        /* Contiguous (identity-strided) source and target: memcpy. */
        LLVMTypeRef et = scalar_type(t, eo_type_elem(st));
        LLVMValueRef elems = ci64(t, 1);
        for (size_t q = 0; q < rank; q++)
            elems = LLVMBuildMul(t->b, elems, desc_size(t, st, s, q), "");
        LLVMValueRef bytes = LLVMBuildMul(t->b, elems,
                                          ci64(t, elem_size(t, et)), "");
        LLVMValueRef sp = LLVMBuildGEP2(t->b, et,
            LLVMBuildExtractValue(t->b, s, 1, ""),
            (LLVMValueRef[]){ LLVMBuildExtractValue(t->b, s, 2, "") }, 1,
            "");
        LLVMValueRef dp = LLVMBuildGEP2(t->b, et,
            LLVMBuildExtractValue(t->b, d, 1, ""),
            (LLVMValueRef[]){ LLVMBuildExtractValue(t->b, d, 2, "") }, 1,
            "");
        LLVMBuildMemCpy(t->b, dp, 1, sp, 1, bytes);
        return EO_OK;
    }
    default:
        return unsupported(op, "operation not supported");
    }
}

/* Adds phi incomings for branching from the current block to 'dest'
 * with the operands [first, first + n) of 'op'. */
static eo_status
add_incoming(tr *t, eo_op *op, eo_block *dest, size_t first, size_t n)
{
    if (n != eo_block_num_args(dest))
        return unsupported(op, "successor operand count mismatch");
    LLVMBasicBlockRef cur = LLVMGetInsertBlock(t->b);
    for (size_t i = 0; i < n; i++) {
        LLVMValueRef v = get(t, op, eo_op_operand(op, first + i));
        LLVMValueRef phi = map_get(&t->vals, eo_block_arg(dest, i));
        if (!v || !phi)
            return EO_ERROR;
        LLVMAddIncoming(phi, &v, &cur, 1);
    }
    return EO_OK;
}

static eo_status
tr_cf(tr *t, eo_op *op)
{
    enum cf_op k = cf_op_kind(op);
    if (k == CF_BR) {
        eo_block *dest = eo_op_successor(op, 0);
        LLVMBasicBlockRef bb = map_get(&t->blocks, dest);
        if (!bb)
            return unsupported(op, "unknown successor");
        eo_status s = add_incoming(t, op, dest, 0, eo_op_num_operands(op));
        if (s != EO_OK)
            return s;
        LLVMBuildBr(t->b, bb);
        return EO_OK;
    }
    if (k == CF_COND_BR) {
        size_t st[3], ln[3];
        for (size_t i = 0; i < 3; i++)
            if (!eo_op_operand_segment(op, i, &st[i], &ln[i]))
                return unsupported(op, "bad operand segments");
        LLVMValueRef c = get(t, op, eo_op_operand(op, st[0]));
        if (!c)
            return EO_ERROR;
        eo_block *d0 = eo_op_successor(op, 0), *d1 = eo_op_successor(op, 1);
        LLVMBasicBlockRef b0 = map_get(&t->blocks, d0);
        LLVMBasicBlockRef b1 = map_get(&t->blocks, d1);
        if (!b0 || !b1)
            return unsupported(op, "unknown successor");
        if (d0 == d1) {
            /* One edge: the arguments are selected by the condition. */
            if (ln[1] != ln[2] || ln[1] != eo_block_num_args(d0))
                return unsupported(op, "successor operand count mismatch");
            LLVMBasicBlockRef cur = LLVMGetInsertBlock(t->b);
            for (size_t i = 0; i < ln[1]; i++) {
                LLVMValueRef x = get(t, op, eo_op_operand(op, st[1] + i));
                LLVMValueRef y = get(t, op, eo_op_operand(op, st[2] + i));
                LLVMValueRef phi = map_get(&t->vals, eo_block_arg(d0, i));
                if (!x || !y || !phi)
                    return EO_ERROR;
                LLVMValueRef v = LLVMBuildSelect(t->b, c, x, y, "");
                LLVMAddIncoming(phi, &v, &cur, 1);
            }
            LLVMBuildBr(t->b, b0);
            return EO_OK;
        }
        eo_status s = add_incoming(t, op, d0, st[1], ln[1]);
        if (s == EO_OK)
            s = add_incoming(t, op, d1, st[2], ln[2]);
        if (s != EO_OK)
            return s;
        LLVMBuildCondBr(t->b, c, b0, b1);
        return EO_OK;
    }
    return unsupported(op, "operation not supported");
}

/* Translates the single block of 'r' (no terminator) and returns its
 * scf.yield's operand values in 'out' (n of them). */
static eo_status
tr_scf_region(tr *t, eo_op *op, eo_region *r, LLVMValueRef *out, size_t n)
{
    eo_block *blk = eo_region_first(r);
    eo_status s = tr_block_ops(t, blk);
    if (s != EO_OK)
        return s;
    eo_op *y = eo_block_terminator(blk);
    if (!y || eo_op_num_operands(y) != n)
        return unsupported(op, "bad region terminator");
    for (size_t i = 0; i < n; i++)
        if (!(out[i] = get(t, y, eo_op_operand(y, i))))
            return EO_ERROR;
    return EO_OK;
}

/* scf.while: the "before" block (arguments: phis of the inits and the
 * "after" block's yields) ends in scf.condition, which either enters the
 * "after" block or leaves with the forwarded values. */
static eo_status
tr_while(tr *t, eo_op *op)
{
    eo_block *before = eo_region_first(eo_op_region(op, 0));
    eo_block *after = eo_region_first(eo_op_region(op, 1));
    size_t nin = eo_op_num_operands(op), nres = eo_op_num_results(op);
    if (!before || !after || eo_block_num_args(before) != nin ||
        eo_block_num_args(after) != nres)
        return unsupported(op, "malformed regions");
    LLVMValueRef *phis = calloc(nin ? nin : 1, sizeof *phis);
    if (!phis)
        return EO_NOMEM;
    eo_status s = EO_OK;
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(t->b);
    LLVMBasicBlockRef head = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "while.before");
    LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "while.after");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "while.exit");
    LLVMBuildBr(t->b, head);
    LLVMPositionBuilderAtEnd(t->b, head);
    for (size_t i = 0; i < nin && s == EO_OK; i++) {
        eo_value *a = eo_block_arg(before, i);
        LLVMTypeRef ty = value_type(t, eo_value_type(a));
        LLVMValueRef init = get(t, op, eo_op_operand(op, i));
        if (!ty || !init) {
            s = ty ? EO_ERROR : unsupported(op, "type not supported");
            break;
        }
        phis[i] = LLVMBuildPhi(t->b, ty, "");
        LLVMAddIncoming(phis[i], &init, &pre, 1);
        s = set(t, a, phis[i]);
    }
    if (s == EO_OK)
        s = tr_block_ops(t, before);
    eo_op *cond = s == EO_OK ? eo_block_terminator(before) : NULL;
    if (s == EO_OK && (!cond || eo_op_num_operands(cond) != nres + 1))
        s = unsupported(op, "bad scf.condition");
    if (s == EO_OK) {
        set_debug_loc(t, eo_op_loc(op));
        LLVMValueRef c = get(t, cond, eo_op_operand(cond, 0));
        if (!c)
            s = EO_ERROR;
        for (size_t i = 0; i < nres && s == EO_OK; i++) {
            LLVMValueRef v = get(t, cond, eo_op_operand(cond, 1 + i));
            s = !v ? EO_ERROR
                   : set(t, eo_block_arg(after, i), v) != EO_OK ? EO_NOMEM
                   : set(t, eo_op_result(op, i), v);
        }
        if (s == EO_OK)
            LLVMBuildCondBr(t->b, c, body, exit);
    }
    if (s == EO_OK) {
        LLVMPositionBuilderAtEnd(t->b, body);
        s = tr_block_ops(t, after);
    }
    eo_op *y = s == EO_OK ? eo_block_terminator(after) : NULL;
    if (s == EO_OK && (!y || eo_op_num_operands(y) != nin))
        s = unsupported(op, "bad scf.yield");
    if (s == EO_OK) {
        set_debug_loc(t, eo_op_loc(op));
        LLVMBasicBlockRef latch = LLVMGetInsertBlock(t->b);
        for (size_t i = 0; i < nin && s == EO_OK; i++) {
            LLVMValueRef v = get(t, y, eo_op_operand(y, i));
            if (!v)
                s = EO_ERROR;
            else
                LLVMAddIncoming(phis[i], &v, &latch, 1);
        }
        LLVMBuildBr(t->b, head);
        LLVMPositionBuilderAtEnd(t->b, exit);
    }
    free(phis);
    return s;
}

/* ------------------------------------------------------------------ */
/* scf.parallel                                                        */
/* ------------------------------------------------------------------ */

/* A loop under construction: "iv = lb; while (iv < ub) { ...; iv +=
 * step }". */
typedef struct ploop {
    LLVMBasicBlockRef head, exit;
    LLVMValueRef iv, step;
} ploop;

/* Opens a loop at the builder, which is left in its body. */
static void
ploop_begin(tr *t, ploop *p, LLVMValueRef lb, LLVMValueRef ub,
            LLVMValueRef step)
{
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(t->b);
    p->head = LLVMAppendBasicBlockInContext(t->c, t->fn, "par.head");
    LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "par.body");
    p->exit = LLVMAppendBasicBlockInContext(t->c, t->fn, "par.exit");
    p->step = step;
    LLVMBuildBr(t->b, p->head);
    LLVMPositionBuilderAtEnd(t->b, p->head);
    p->iv = LLVMBuildPhi(t->b, t->i64, "iv");
    LLVMAddIncoming(p->iv, &lb, &pre, 1);
    LLVMValueRef c = LLVMBuildICmp(t->b, LLVMIntSLT, p->iv, ub, "");
    LLVMBuildCondBr(t->b, c, body, p->exit);
    LLVMPositionBuilderAtEnd(t->b, body);
}

/* Closes the loop: steps the iv and leaves the builder after it. */
static void
ploop_end(tr *t, ploop *p)
{
    LLVMValueRef next = LLVMBuildAdd(t->b, p->iv, p->step, "");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(t->b);
    LLVMAddIncoming(p->iv, &next, &latch, 1);
    LLVMBuildBr(t->b, p->head);
    LLVMPositionBuilderAtEnd(t->b, p->exit);
}

/* Runs the body of scf.parallel 'op' in serial loops over its
 * dimensions 'first' and later (the earlier ivs are mapped). */
static eo_status
par_nest(tr *t, eo_op *op, size_t first)
{
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    size_t n = eo_block_num_args(body);
    if (first == n)
        return tr_block_ops(t, body);    /* its scf.reduce: nothing */
    LLVMValueRef lb = get(t, op, eo_op_operand(op, first));
    LLVMValueRef ub = get(t, op, eo_op_operand(op, n + first));
    LLVMValueRef step = get(t, op, eo_op_operand(op, 2 * n + first));
    if (!lb || !ub || !step)
        return EO_ERROR;
    ploop p;
    ploop_begin(t, &p, lb, ub, step);
    eo_status s = set(t, eo_block_arg(body, first), p.iv);
    if (s == EO_OK)
        s = par_nest(t, op, first + 1);
    if (s != EO_OK)
        return s;
    set_debug_loc(t, eo_op_loc(op));
    ploop_end(t, &p);
    return EO_OK;
}

/* The values an outlined body of scf.parallel 'par' reads from outside
 * it, each once, in first-use order. */
typedef struct livein {
    eo_op *par;
    bool whole;       /* all operands of 'par' (a loop nest) count */
    eo_value **v;
    size_t n, cap;
    tr_map seen;
    bool oom;
} livein;

static eo_walk_result
collect_livein(eo_op *op, void *ud)
{
    livein *li = ud;
    size_t ndims = op == li->par && !li->whole
        ? eo_op_num_operands(op) / 3 : 0;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        /* The first dimension's bounds and step are the outlined
         * function's arguments. */
        if (ndims && i % ndims == 0)
            continue;
        eo_value *v = eo_op_operand(op, i);
        eo_block *b = eo_value_owner_block(v);
        eo_op *owner = b ? eo_block_parent_op(b) : NULL;
        if ((owner && eo_op_is_inside(owner, li->par)) ||
            map_get(&li->seen, v))
            continue;
        if (li->n == li->cap) {
            size_t cap = li->cap ? 2 * li->cap : 16;
            eo_value **nv = realloc(li->v, cap * sizeof *nv);
            if (!nv) {
                li->oom = true;
                return EO_WALK_INTERRUPT;
            }
            li->v = nv;
            li->cap = cap;
        }
        if (!map_put(&li->seen, v, v)) {
            li->oom = true;
            return EO_WALK_INTERRUPT;
        }
        li->v[li->n++] = v;
    }
    return EO_WALK_ADVANCE;
}

/* Starts defining 'fn', a function outlined from the function being
 * translated for 'op': makes it t's current function with its own
 * subprogram (local to the unit) and an entry block, the builder at its
 * end with op's location. */
static void
begin_outlined(tr *t, eo_op *op, LLVMValueRef fn)
{
    t->fn = fn;
    if (t->dib) {
        size_t nlen;
        const char *name = LLVMGetValueName2(fn, &nlen);
        t->sp = LLVMDIBuilderCreateFunction(
            t->dib, t->file, name, nlen, name, nlen, t->file, t->fn_line,
            t->subroutine_ty, true, true, t->fn_line, LLVMDIFlagZero, false);
        LLVMSetSubprogram(fn, t->sp);
    }
    LLVMPositionBuilderAtEnd(t->b, LLVMAppendBasicBlockInContext(
                                       t->c, fn, "entry"));
    set_debug_loc(t, eo_op_loc(op));
}

/* Defines the outlined body of 'op', "void @<fn>.par<k>(ptr ctx, i64 lb,
 * i64 ub, i64 step)": loads the live-ins ins[i] from the context struct
 * 'sty' (field[i]; -1: the constant outer[i] itself), then loops over
 * the first dimension from lb to ub and runs the rest serially. The
 * caller restores t's function, builder and value map. */
static eo_status
par_define_body(tr *t, eo_op *op, LLVMValueRef fn, const livein *li,
                const LLVMValueRef *outer, const int *field,
                LLVMTypeRef sty)
{
    t->outlined = true;
    begin_outlined(t, op, fn);
    LLVMValueRef ctxp = LLVMGetParam(fn, 0);
    for (size_t i = 0; i < li->n; i++) {
        LLVMValueRef in = outer[i];
        if (field[i] >= 0) {
            LLVMValueRef p = LLVMBuildStructGEP2(t->b, sty, ctxp,
                                                 (unsigned)field[i], "");
            in = LLVMBuildLoad2(t->b, LLVMTypeOf(outer[i]), p, "");
        }
        eo_status s = set(t, li->v[i], in);
        if (s != EO_OK)
            return s;
    }
    ploop p;
    ploop_begin(t, &p, LLVMGetParam(fn, 1), LLVMGetParam(fn, 2),
                LLVMGetParam(fn, 3));
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    eo_status s = set(t, eo_block_arg(body, 0), p.iv);
    if (s == EO_OK)
        s = par_nest(t, op, 1);
    if (s != EO_OK)
        return s;
    set_debug_loc(t, eo_op_loc(op));
    ploop_end(t, &p);
    LLVMBuildRetVoid(t->b);
    return EO_OK;
}

/* scf.parallel with the thread runtime: the body becomes a function of
 * (context, lb, ub, step) over the first dimension; the values it reads
 * from outside go through a context struct on the caller's stack
 * (constants are used directly), and EO_RT_PARALLEL_FOR runs it. */
static eo_status
par_outline(tr *t, eo_op *op)
{
    size_t n = eo_op_num_operands(op) / 3;
    LLVMValueRef lb = get(t, op, eo_op_operand(op, 0));
    LLVMValueRef ub = get(t, op, eo_op_operand(op, n));
    LLVMValueRef step = get(t, op, eo_op_operand(op, 2 * n));
    if (!lb || !ub || !step)
        return EO_ERROR;
    livein li = {.par = op};
    eo_op_walk(op, EO_WALK_PRE, collect_livein, &li);
    LLVMValueRef *outer = calloc(li.n + 1, sizeof *outer);
    LLVMTypeRef *tys = calloc(li.n + 1, sizeof *tys);
    int *field = calloc(li.n + 1, sizeof *field);
    eo_status s = li.oom || !outer || !tys || !field ? EO_NOMEM : EO_OK;
    unsigned nf = 0;
    for (size_t i = 0; i < li.n && s == EO_OK; i++) {
        if (!(outer[i] = get(t, op, li.v[i]))) {
            s = EO_ERROR;
        } else if (LLVMIsConstant(outer[i])) {
            field[i] = -1;
        } else {
            field[i] = (int)nf;
            tys[nf++] = LLVMTypeOf(outer[i]);
        }
    }
    LLVMValueRef ctxp = LLVMConstNull(t->ptr), fn = NULL;
    LLVMTypeRef sty = LLVMStructTypeInContext(t->c, tys, nf, false);
    if (s == EO_OK && nf) {
        /* In the entry block: one slot however often the loop runs. */
        LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(t->fn);
        LLVMValueRef first = LLVMGetFirstInstruction(entry);
        LLVMBuilderRef eb = LLVMCreateBuilderInContext(t->c);
        if (first)
            LLVMPositionBuilderBefore(eb, first);
        else
            LLVMPositionBuilderAtEnd(eb, entry);
        ctxp = LLVMBuildAlloca(eb, sty, "par.ctx");
        LLVMDisposeBuilder(eb);
        for (size_t i = 0; i < li.n; i++)
            if (field[i] >= 0)
                LLVMBuildStore(t->b, outer[i], LLVMBuildStructGEP2(
                    t->b, sty, ctxp, (unsigned)field[i], ""));
    }
    if (s == EO_OK) {
        LLVMTypeRef ps[4] = {t->ptr, t->i64, t->i64, t->i64};
        LLVMTypeRef fty = LLVMFunctionType(LLVMVoidTypeInContext(t->c), ps,
                                           4, false);
        size_t plen;
        const char *pname = LLVMGetValueName2(t->fn, &plen);
        char name[256];
        snprintf(name, sizeof name, "%.*s.par%u",
                 (int)(plen < 200 ? plen : 200), pname, t->nouts++);
        fn = LLVMAddFunction(t->m, name, fty);
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        LLVMValueRef parent = t->fn;
        LLVMMetadataRef sp = t->sp;
        LLVMBasicBlockRef at = LLVMGetInsertBlock(t->b);
        s = par_define_body(t, op, fn, &li, outer, field, sty);
        /* Back to the parent and its values. */
        for (size_t i = 0; i < li.n && s == EO_OK; i++)
            s = set(t, li.v[i], outer[i]);
        t->fn = parent;
        t->sp = sp;
        t->outlined = false;
        LLVMPositionBuilderAtEnd(t->b, at);
        set_debug_loc(t, eo_op_loc(op));
    }
    if (s == EO_OK) {
        LLVMTypeRef ps[5] = {t->ptr, t->ptr, t->i64, t->i64, t->i64};
        LLVMTypeRef rty;
        LLVMValueRef rt = extern_fn(t, EO_RT_PARALLEL_FOR,
                                    LLVMVoidTypeInContext(t->c), ps, 5,
                                    &rty);
        LLVMValueRef args[5] = {fn, ctxp, lb, ub, step};
        LLVMBuildCall2(t->b, rty, rt, args, 5, "");
    }
    free(outer);
    free(tys);
    free(field);
    free(li.v);
    map_free(&li.seen);
    return s;
}

/* scf.parallel without reductions: an outlined body run by the thread
 * runtime (t->threads, outside another outlined body), else a serial
 * loop nest in the order of the induction variables. */
static eo_status
tr_parallel(tr *t, eo_op *op)
{
    eo_block *body = eo_region_first(eo_op_region(op, 0));
    eo_op *red = body ? eo_block_terminator(body) : NULL;
    if (eo_op_num_results(op) || !red || eo_op_num_operands(red))
        return unsupported(op, "reductions (scf.reduce with operands) are "
                               "not supported; lower them to scf.for "
                               "first");
    size_t n = eo_block_num_args(body);
    if (n == 0 || eo_op_num_operands(op) != 3 * n)
        return unsupported(op, "malformed bounds");
    if (!t->threads || t->outlined)
        return par_nest(t, op, 0);
    return par_outline(t, op);
}

/* Whether scf.for bounds 'lb', 'ub', 'step' are constants with a
 * positive step, at least one iteration, and no wrap of the increment
 * past the last iteration in the iv's type: then '*trip' is the
 * iteration count. */
static bool
const_trip(LLVMValueRef lb, LLVMValueRef ub, LLVMValueRef step,
           int64_t *trip)
{
    if (!LLVMIsAConstantInt(lb) || !LLVMIsAConstantInt(ub) ||
        !LLVMIsAConstantInt(step))
        return false;
    unsigned w = LLVMGetIntTypeWidth(LLVMTypeOf(lb));
    if (w > 64 || w < 2)
        return false;
    int64_t l = LLVMConstIntGetSExtValue(lb);
    int64_t u = LLVMConstIntGetSExtValue(ub);
    int64_t st = LLVMConstIntGetSExtValue(step);
    int64_t span;
    if (st <= 0 || u <= l || __builtin_sub_overflow(u, l, &span))
        return false;
    *trip = span / st + (span % st != 0);
    int64_t last = l + (*trip - 1) * st;   /* < u: no overflow */
    int64_t max = w == 64 ? INT64_MAX : (INT64_C(1) << (w - 1)) - 1;
    int64_t next;
    return !__builtin_add_overflow(last, st, &next) && next <= max;
}

/* scf.for 'op' with constant bounds ('trip' >= 1 iterations from 'lb'
 * to 'ub' by 'step'; the increments cannot wrap) and initial iter_args
 * 'vals' (types 'tys'; vals has room for 2 * nres): one iteration is the
 * body in line; more, a loop already in rotated form (body; iv += step
 * (nsw); loop while iv < ub), so that LLVM has no guard to add nor
 * header to duplicate and fewer loops to analyze (compile time). */
static eo_status
tr_for_static(tr *t, eo_op *op, LLVMValueRef lb, LLVMValueRef ub,
              LLVMValueRef step, int64_t trip, LLVMValueRef *vals,
              LLVMTypeRef *tys, size_t nres)
{
    eo_block *blk = scf_for_body(op);
    eo_status s = EO_OK;
    if (trip == 1) {
        if ((s = set(t, eo_block_arg(blk, 0), lb)) != EO_OK)
            return s;
        for (size_t i = 0; i < nres; i++)
            if ((s = set(t, eo_block_arg(blk, 1 + i), vals[i])) != EO_OK)
                return s;
        if ((s = tr_scf_region(t, op, eo_op_region(op, 0), vals, nres))
            != EO_OK)
            return s;
        set_debug_loc(t, eo_op_loc(op));
        for (size_t i = 0; i < nres && s == EO_OK; i++)
            s = set(t, eo_op_result(op, i), vals[i]);
        return s;
    }
    LLVMBasicBlockRef pre = LLVMGetInsertBlock(t->b);
    LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "for.body");
    LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                           "for.exit");
    LLVMBuildBr(t->b, body);
    LLVMPositionBuilderAtEnd(t->b, body);
    LLVMValueRef iv = LLVMBuildPhi(t->b, LLVMTypeOf(lb), "iv");
    LLVMAddIncoming(iv, &lb, &pre, 1);
    LLVMValueRef *phis = vals + nres;
    for (size_t i = 0; i < nres; i++) {
        phis[i] = LLVMBuildPhi(t->b, tys[i], "");
        LLVMAddIncoming(phis[i], &vals[i], &pre, 1);
    }
    if ((s = set(t, eo_block_arg(blk, 0), iv)) != EO_OK)
        return s;
    for (size_t i = 0; i < nres; i++)
        if ((s = set(t, eo_block_arg(blk, 1 + i), phis[i])) != EO_OK)
            return s;
    if ((s = tr_scf_region(t, op, eo_op_region(op, 0), vals, nres))
        != EO_OK)
        return s;
    set_debug_loc(t, eo_op_loc(op));
    LLVMValueRef next = LLVMBuildNSWAdd(t->b, iv, step, "");
    LLVMValueRef c = LLVMBuildICmp(t->b, LLVMIntSLT, next, ub, "");
    LLVMBasicBlockRef latch = LLVMGetInsertBlock(t->b);
    LLVMAddIncoming(iv, &next, &latch, 1);
    for (size_t i = 0; i < nres; i++)
        LLVMAddIncoming(phis[i], &vals[i], &latch, 1);
    LLVMBuildCondBr(t->b, c, body, exit);
    LLVMPositionBuilderAtEnd(t->b, exit);
    for (size_t i = 0; i < nres && s == EO_OK; i++)
        s = set(t, eo_op_result(op, i), vals[i]);
    return s;
}

static eo_status
tr_scf(tr *t, eo_op *op)
{
    enum scf_op k = scf_op_kind(op);
    if (k == SCF_YIELD || k == SCF_CONDITION ||
        (k == SCF_REDUCE && eo_op_num_operands(op) == 0))
        return EO_OK;  /* read by the parent */
    if (k == SCF_PARALLEL)
        return tr_parallel(t, op);
    size_t nres = eo_op_num_results(op);
    LLVMValueRef *vals = calloc(nres ? nres * 2 : 1, sizeof *vals);
    LLVMTypeRef *tys = calloc(nres ? nres : 1, sizeof *tys);
    eo_status s = EO_OK;
    if (!vals || !tys) {
        s = EO_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < nres; i++) {
        if (!(tys[i] = value_type(t, eo_value_type(eo_op_result(op, i))))) {
            s = unsupported(op, "result type not supported");
            goto out;
        }
    }
    if (k == SCF_FOR) {
        if (eo_op_attr(op, "unsignedCmp")) {
            s = unsupported(op, "unsigned comparison");
            goto out;
        }
        LLVMValueRef lb = get(t, op, eo_op_operand(op, 0));
        LLVMValueRef ub = get(t, op, eo_op_operand(op, 1));
        LLVMValueRef step = get(t, op, eo_op_operand(op, 2));
        if (!lb || !ub || !step) {
            s = EO_ERROR;
            goto out;
        }
        for (size_t i = 0; i < nres; i++)
            if (!(vals[i] = get(t, op, eo_op_operand(op, 3 + i)))) {
                s = EO_ERROR;
                goto out;
            }
        int64_t trip;
        if (const_trip(lb, ub, step, &trip)) {
            s = tr_for_static(t, op, lb, ub, step, trip, vals, tys, nres);
            goto out;
        }
        LLVMBasicBlockRef pre = LLVMGetInsertBlock(t->b);
        LLVMBasicBlockRef head = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                               "for.head");
        LLVMBasicBlockRef body = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                               "for.body");
        LLVMBasicBlockRef exit = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                               "for.exit");
        LLVMBuildBr(t->b, head);
        LLVMPositionBuilderAtEnd(t->b, head);
        LLVMValueRef iv = LLVMBuildPhi(t->b, LLVMTypeOf(lb), "iv");
        LLVMAddIncoming(iv, &lb, &pre, 1);
        LLVMValueRef *phis = vals + nres;
        for (size_t i = 0; i < nres; i++) {
            phis[i] = LLVMBuildPhi(t->b, tys[i], "");
            LLVMAddIncoming(phis[i], &vals[i], &pre, 1);
        }
        LLVMValueRef c = LLVMBuildICmp(t->b, LLVMIntSLT, iv, ub, "");
        LLVMBuildCondBr(t->b, c, body, exit);
        LLVMPositionBuilderAtEnd(t->b, body);
        eo_block *blk = scf_for_body(op);
        if ((s = set(t, eo_block_arg(blk, 0), iv)) != EO_OK)
            goto out;
        for (size_t i = 0; i < nres; i++)
            if ((s = set(t, eo_block_arg(blk, 1 + i), phis[i])) != EO_OK)
                goto out;
        if ((s = tr_scf_region(t, op, eo_op_region(op, 0), vals, nres))
            != EO_OK)
            goto out;
        set_debug_loc(t, eo_op_loc(op));
        LLVMValueRef next = LLVMBuildAdd(t->b, iv, step, "");
        LLVMBasicBlockRef latch = LLVMGetInsertBlock(t->b);
        LLVMAddIncoming(iv, &next, &latch, 1);
        for (size_t i = 0; i < nres; i++)
            LLVMAddIncoming(phis[i], &vals[i], &latch, 1);
        LLVMBuildBr(t->b, head);
        LLVMPositionBuilderAtEnd(t->b, exit);
        for (size_t i = 0; i < nres; i++)
            if ((s = set(t, eo_op_result(op, i), phis[i])) != EO_OK)
                goto out;
    } else if (k == SCF_IF) {
        LLVMValueRef c = get(t, op, eo_op_operand(op, 0));
        if (!c) {
            s = EO_ERROR;
            goto out;
        }
        bool has_else = !eo_region_empty(eo_op_region(op, 1));
        LLVMBasicBlockRef bt = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                             "if.then");
        LLVMBasicBlockRef be = has_else
            ? LLVMAppendBasicBlockInContext(t->c, t->fn, "if.else") : NULL;
        LLVMBasicBlockRef bm = LLVMAppendBasicBlockInContext(t->c, t->fn,
                                                             "if.end");
        LLVMBuildCondBr(t->b, c, bt, be ? be : bm);
        LLVMPositionBuilderAtEnd(t->b, bt);
        if ((s = tr_scf_region(t, op, eo_op_region(op, 0), vals, nres))
            != EO_OK)
            goto out;
        set_debug_loc(t, eo_op_loc(op));
        LLVMBasicBlockRef tend = LLVMGetInsertBlock(t->b);
        LLVMBuildBr(t->b, bm);
        LLVMBasicBlockRef eend = NULL;
        if (be) {
            LLVMPositionBuilderAtEnd(t->b, be);
            if ((s = tr_scf_region(t, op, eo_op_region(op, 1), vals + nres,
                                   nres)) != EO_OK)
                goto out;
            set_debug_loc(t, eo_op_loc(op));
            eend = LLVMGetInsertBlock(t->b);
            LLVMBuildBr(t->b, bm);
        }
        LLVMPositionBuilderAtEnd(t->b, bm);
        for (size_t i = 0; i < nres; i++) {
            LLVMValueRef phi = LLVMBuildPhi(t->b, tys[i], "");
            LLVMAddIncoming(phi, &vals[i], &tend, 1);
            if (eend)
                LLVMAddIncoming(phi, &vals[nres + i], &eend, 1);
            if ((s = set(t, eo_op_result(op, i), phi)) != EO_OK)
                goto out;
        }
    } else if (k == SCF_WHILE) {
        s = tr_while(t, op);
    } else {
        s = unsupported(op, "operation not supported");
    }
out:
    free(vals);
    free(tys);
    return s;
}

static eo_status
tr_func_op(tr *t, eo_op *op)
{
    const eo_op_def *d = eo_op_get_def(op);
    if (d == func_op_def(FUNC_RETURN)) {
        size_t n = eo_op_num_operands(op);
        if (n == 0) {
            LLVMBuildRetVoid(t->b);
            return EO_OK;
        }
        LLVMValueRef *v = calloc(n, sizeof *v);
        if (!v)
            return EO_NOMEM;
        for (size_t i = 0; i < n; i++) {
            if (!(v[i] = get(t, op, eo_op_operand(op, i)))) {
                free(v);
                return EO_ERROR;
            }
        }
        if (n == 1)
            LLVMBuildRet(t->b, v[0]);
        else
            LLVMBuildAggregateRet(t->b, v, (unsigned)n);
        free(v);
        return EO_OK;
    }
    if (d == func_op_def(FUNC_CALL)) {
        const eo_attr *callee = eo_op_attr(op, "callee");
        if (!callee || eo_attr_get_kind(callee) != EO_ATTR_SYMBOL_REF)
            return unsupported(op, "missing callee");
        LLVMValueRef f = LLVMGetNamedFunction(
            t->m, eo_ident_str(eo_attr_symbol_root(callee)));
        if (!f)
            return unsupported(op, "unknown callee");
        LLVMTypeRef fty = LLVMGlobalGetValueType(f);
        unsigned np = LLVMCountParamTypes(fty);
        LLVMValueRef *args = calloc(np ? np : 1, sizeof *args);
        if (!args)
            return EO_NOMEM;
        unsigned j = 0;
        eo_status s = EO_OK;
        for (size_t i = 0; i < eo_op_num_operands(op) && s == EO_OK; i++) {
            eo_value *v = eo_op_operand(op, i);
            LLVMValueRef a = get(t, op, v);
            if (!a) {
                s = EO_ERROR;
                break;
            }
            if (!is_memref(eo_value_type(v))) {
                if (j < np)
                    args[j] = a;
                j++;
                continue;
            }
            size_t rank = eo_type_rank(eo_value_type(v));
            for (unsigned fld = 0; fld < 3; fld++, j++)
                if (j < np)
                    args[j] = LLVMBuildExtractValue(t->b, a, fld, "");
            for (unsigned fld = 3; fld < 5 && rank; fld++) {
                LLVMValueRef arr = LLVMBuildExtractValue(t->b, a, fld, "");
                for (size_t q = 0; q < rank; q++, j++)
                    if (j < np)
                        args[j] = LLVMBuildExtractValue(t->b, arr,
                                                        (unsigned)q, "");
            }
        }
        if (s == EO_OK && j != np)
            s = unsupported(op, "argument count mismatch");
        if (s != EO_OK) {
            free(args);
            return s;
        }
        LLVMValueRef r = LLVMBuildCall2(t->b, fty, f, args, np, "");
        free(args);
        size_t nres = eo_op_num_results(op);
        if (nres == 1)
            return set(t, eo_op_result(op, 0), r);
        for (size_t i = 0; i < nres; i++) {
            s = set(t, eo_op_result(op, i),
                    LLVMBuildExtractValue(t->b, r, (unsigned)i, ""));
            if (s != EO_OK)
                return s;
        }
        return EO_OK;
    }
    return unsupported(op, "operation not supported");
}

/* Points the builder's debug location at 'op' (the function's line when
 * the op has no location in the module's source file). */
static void
set_debug_loc(tr *t, const eo_loc *l)
{
    if (!t->dib || !t->sp)
        return;
    const eo_loc *fl = l ? eo_loc_find_file(l) : NULL;
    unsigned line = t->fn_line, col = 0;
    if (fl && eo_loc_filename(fl) == t->filename) {
        line = eo_loc_line(fl);
        col = eo_loc_col(fl);
    }
    LLVMSetCurrentDebugLocation2(t->b, LLVMDIBuilderCreateDebugLocation(
        t->c, line, col, t->sp, NULL));
}

/* ------------------------------------------------------------------ */
/* vector (1-D vectors)                                                */
/* ------------------------------------------------------------------ */

/* The element alignment of memref 'mv': vector accesses of a memref are
 * aligned like its elements, as MLIR's lowering sets them. */
static unsigned
elem_align(tr *t, eo_value *mv)
{
    LLVMTypeRef et = scalar_type(t, eo_type_elem(eo_value_type(mv)));
    return et ? LLVMABIAlignmentOfType(LLVMGetModuleDataLayout(t->m), et)
              : 1;
}

/* <0, 1, ..., n-1> < splat(bound): the lanes before 'bound' (i64). */
static LLVMValueRef
lane_mask(tr *t, unsigned n, LLVMValueRef bound)
{
    LLVMValueRef *el = malloc(n * sizeof *el);
    if (!el)
        return NULL;
    for (unsigned i = 0; i < n; i++)
        el[i] = ci64(t, i);
    LLVMValueRef steps = LLVMConstVector(el, n);
    free(el);
    LLVMValueRef v = LLVMBuildInsertElement(
        t->b, LLVMGetPoison(LLVMVectorType(t->i64, n)), bound,
        LLVMConstInt(LLVMInt32TypeInContext(t->c), 0, false), "");
    LLVMValueRef zeros = LLVMConstNull(
        LLVMVectorType(LLVMInt32TypeInContext(t->c), n));
    v = LLVMBuildShuffleVector(t->b, v, LLVMGetPoison(LLVMTypeOf(v)), zeros,
                               "");
    return LLVMBuildICmp(t->b, LLVMIntSLT, steps, v, "");
}

/* Scalar 'x' in every lane of vector type 'vt' (insertelement and a
 * zero shufflevector, LLVM's splat idiom). */
static LLVMValueRef
splat(tr *t, LLVMTypeRef vt, LLVMValueRef x)
{
    LLVMTypeRef i32 = LLVMInt32TypeInContext(t->c);
    LLVMValueRef v = LLVMBuildInsertElement(t->b, LLVMGetPoison(vt), x,
                                            LLVMConstInt(i32, 0, false), "");
    LLVMValueRef zeros = LLVMConstNull(
        LLVMVectorType(i32, LLVMGetVectorSize(vt)));
    return LLVMBuildShuffleVector(t->b, v, LLVMGetPoison(vt), zeros, "");
}

/* llvm.masked.load / llvm.masked.store at 'p'. */
static LLVMValueRef
masked_mem(tr *t, bool load, LLVMTypeRef vt, LLVMValueRef p,
           LLVMValueRef mask, LLVMValueRef other, unsigned align)
{
    LLVMTypeRef tys[2] = { vt, t->ptr }, fty;
    LLVMValueRef f = intrinsic(t, load ? "llvm.masked.load"
                                       : "llvm.masked.store", tys, 2, &fty);
    if (!f)
        return NULL;
    LLVMValueRef al = LLVMConstInt(LLVMInt32TypeInContext(t->c), align,
                                   false);
    LLVMValueRef args[4];
    if (load) {
        args[0] = p;
        args[1] = al;
        args[2] = mask;
        args[3] = other;
    } else {
        args[0] = other;
        args[1] = p;
        args[2] = al;
        args[3] = mask;
    }
    return LLVMBuildCall2(t->b, fty, f, args, 4, "");
}

/* vector.transfer_read/write of a 1-D vector along the memref's last
 * dimension (a minor identity map): a plain load/store when in bounds,
 * else masked to the lanes inside the dimension (padding elsewhere). */
static eo_status
tr_transfer(tr *t, eo_op *op, bool read)
{
    size_t s[4], l[4];
    for (size_t i = 0; i < 4; i++)
        if (!eo_op_operand_segment(op, i, &s[i], &l[i]))
            return unsupported(op, "malformed operand segments");
    eo_value *mv = eo_op_operand(op, read ? s[0] : s[1]);
    const eo_type *mt = eo_value_type(mv);
    const eo_type *vty = read ? eo_value_type(eo_op_result(op, 0))
                              : eo_value_type(eo_op_operand(op, s[0]));
    LLVMTypeRef vt = vector_type(t, vty);
    const eo_affine_map *pm = eo_attr_affine_map(eo_op_attr(op,
                                                 "permutation_map"));
    const eo_attr *ib = eo_op_attr(op, "in_bounds");
    size_t nidx = l[read ? 1 : 2], rank = is_memref(mt) ? eo_type_rank(mt)
                                                        : 0;
    const eo_affine_expr *e = pm && eo_affine_map_num_results(pm) == 1
                                  ? eo_affine_map_result(pm, 0)
                                  : NULL;
    if (!vt || rank == 0 || nidx != rank || !e || l[3] != 0 ||
        eo_affine_expr_kind(e) != EO_AFFINE_DIM ||
        eo_affine_expr_pos(e) != rank - 1 ||
        eo_type_get_kind(eo_type_elem(vty)) !=
            eo_type_get_kind(eo_type_elem(mt)))
        return unsupported(op, "only 1-D unmasked transfers along the last "
                           "memref dimension are supported");
    const eo_attr *b0 = ib ? eo_attr_array_at(ib, 0) : NULL;
    bool in_bounds = b0 && eo_attr_is_bool(b0) && eo_attr_int_uvalue(b0);
    LLVMValueRef p = elem_addr(t, op, mv, read ? s[1] : s[2], nidx);
    if (!p)
        return EO_ERROR;
    unsigned align = elem_align(t, mv);
    LLVMValueRef mask = NULL;
    if (!in_bounds) {
        LLVMValueRef d = get(t, op, mv);
        LLVMValueRef last = get(t, op, eo_op_operand(op, (read ? s[1] : s[2])
                                                         + rank - 1));
        if (!d || !last)
            return EO_ERROR;
        LLVMValueRef room = LLVMBuildSub(t->b, desc_size(t, mt, d, rank - 1),
                                         last, "");
        if (!(mask = lane_mask(t, LLVMGetVectorSize(vt), room)))
            return EO_NOMEM;
    }
    if (read) {
        LLVMValueRef r;
        if (in_bounds) {
            r = LLVMBuildLoad2(t->b, vt, p, "");
            LLVMSetAlignment(r, align);
        } else {
            LLVMValueRef pad = get(t, op, eo_op_operand(op, s[2]));
            if (!pad)
                return EO_ERROR;
            r = masked_mem(t, true, vt, p, mask, splat(t, vt, pad), align);
        }
        return r ? set(t, eo_op_result(op, 0), r) : EO_NOMEM;
    }
    LLVMValueRef v = get(t, op, eo_op_operand(op, s[0]));
    if (!v)
        return EO_ERROR;
    if (in_bounds)
        LLVMSetAlignment(LLVMBuildStore(t->b, v, p), align);
    else if (!masked_mem(t, false, vt, p, mask, v, align))
        return EO_NOMEM;
    return EO_OK;
}

/* vector.reduction: llvm.vector.reduce.* (fadd/fmul ordered unless
 * fastmath has reassoc, as MLIR lowers it), then the accumulator. */
static eo_status
tr_reduction(tr *t, eo_op *op)
{
    enum vector_kind kind;
    eo_value *vv = eo_op_operand(op, 0);
    const eo_type *rty = eo_value_type(eo_op_result(op, 0));
    LLVMTypeRef vt = vector_type(t, eo_value_type(vv));
    LLVMTypeRef rt = scalar_type(t, rty);
    if (!vt || !rt || !vector_kind_of(eo_op_attr(op, "kind"), &kind))
        return unsupported(op, "only 1-D vectors are supported");
    LLVMValueRef v = get(t, op, vv);
    LLVMValueRef acc = eo_op_num_operands(op) > 1
                           ? get(t, op, eo_op_operand(op, 1))
                           : NULL;
    if (!v || (eo_op_num_operands(op) > 1 && !acc))
        return EO_ERROR;
    bool fl = eo_type_is_float(rty);
    unsigned fm = 0;
    arith_fastmath_flags(eo_op_attr(op, "fastmath"), &fm);
    LLVMValueRef r = NULL, args[2];
    LLVMTypeRef fty;
    if (fl && (kind == VECTOR_KIND_ADD || kind == VECTOR_KIND_MUL)) {
        bool add = kind == VECTOR_KIND_ADD;
        LLVMValueRef f = intrinsic(t, add ? "llvm.vector.reduce.fadd"
                                          : "llvm.vector.reduce.fmul",
                                   &vt, 1, &fty);
        args[0] = acc ? acc : LLVMConstReal(rt, add ? -0.0 : 1.0);
        args[1] = v;
        if (f) {
            r = LLVMBuildCall2(t->b, fty, f, args, 2, "");
            if (fm)
                LLVMSetFastMathFlags(r, fm & ARITH_FM_FAST);
        }
        return r ? set(t, eo_op_result(op, 0), r)
                 : unsupported(op, "no LLVM intrinsic");
    }
    const char *name = NULL, *comb = NULL;
    switch (kind) {
    case VECTOR_KIND_ADD: name = "llvm.vector.reduce.add"; break;
    case VECTOR_KIND_MUL: name = "llvm.vector.reduce.mul"; break;
    case VECTOR_KIND_AND: name = "llvm.vector.reduce.and"; break;
    case VECTOR_KIND_OR: name = "llvm.vector.reduce.or"; break;
    case VECTOR_KIND_XOR: name = "llvm.vector.reduce.xor"; break;
    case VECTOR_KIND_MAXSI: name = "llvm.vector.reduce.smax";
        comb = "llvm.smax"; break;
    case VECTOR_KIND_MINSI: name = "llvm.vector.reduce.smin";
        comb = "llvm.smin"; break;
    case VECTOR_KIND_MAXUI: name = "llvm.vector.reduce.umax";
        comb = "llvm.umax"; break;
    case VECTOR_KIND_MINUI: name = "llvm.vector.reduce.umin";
        comb = "llvm.umin"; break;
    case VECTOR_KIND_MAXNUMF: name = "llvm.vector.reduce.fmax";
        comb = "llvm.maxnum"; break;
    case VECTOR_KIND_MINNUMF: name = "llvm.vector.reduce.fmin";
        comb = "llvm.minnum"; break;
    case VECTOR_KIND_MAXIMUMF: name = "llvm.vector.reduce.fmaximum";
        comb = "llvm.maximum"; break;
    case VECTOR_KIND_MINIMUMF: name = "llvm.vector.reduce.fminimum";
        comb = "llvm.minimum"; break;
    }
    bool fkind = kind == VECTOR_KIND_MAXNUMF ||
                 kind == VECTOR_KIND_MINNUMF ||
                 kind == VECTOR_KIND_MAXIMUMF || kind == VECTOR_KIND_MINIMUMF;
    if (!name || fl != fkind)
        return unsupported(op, "reduction kind does not fit the type");
    r = call_intrinsic(t, name, vt, &v, 1);
    if (r && acc) {
        args[0] = acc;
        args[1] = r;
        switch (kind) {
        case VECTOR_KIND_ADD: r = LLVMBuildAdd(t->b, acc, r, ""); break;
        case VECTOR_KIND_MUL: r = LLVMBuildMul(t->b, acc, r, ""); break;
        case VECTOR_KIND_AND: r = LLVMBuildAnd(t->b, acc, r, ""); break;
        case VECTOR_KIND_OR: r = LLVMBuildOr(t->b, acc, r, ""); break;
        case VECTOR_KIND_XOR: r = LLVMBuildXor(t->b, acc, r, ""); break;
        default: r = call_intrinsic(t, comb, rt, args, 2); break;
        }
    }
    return r ? set(t, eo_op_result(op, 0), r)
             : unsupported(op, "no LLVM intrinsic");
}

static eo_status
tr_vector(tr *t, eo_op *op)
{
    enum vector_op k = vector_op_kind(op);
    size_t n = eo_op_num_operands(op);
    switch (k) {
    case VECTOR_LOAD:
    case VECTOR_MASKEDLOAD: {
        const eo_type *rty = eo_value_type(eo_op_result(op, 0));
        LLVMTypeRef vt = vector_type(t, rty);
        eo_value *mv = eo_op_operand(op, 0);
        size_t extra = k == VECTOR_MASKEDLOAD ? 2 : 0;
        if (!vt || n < 1 + extra)
            return unsupported(op, "only 1-D vectors are supported");
        LLVMValueRef p = elem_addr(t, op, mv, 1, n - 1 - extra);
        if (!p)
            return EO_ERROR;
        LLVMValueRef r;
        if (k == VECTOR_LOAD) {
            r = LLVMBuildLoad2(t->b, vt, p, "");
            LLVMSetAlignment(r, elem_align(t, mv));
        } else {
            LLVMValueRef m = get(t, op, eo_op_operand(op, n - 2));
            LLVMValueRef pass = get(t, op, eo_op_operand(op, n - 1));
            if (!m || !pass)
                return EO_ERROR;
            r = masked_mem(t, true, vt, p, m, pass, elem_align(t, mv));
        }
        return r ? set(t, eo_op_result(op, 0), r) : EO_NOMEM;
    }
    case VECTOR_STORE:
    case VECTOR_MASKEDSTORE: {
        /* store: value, base, indices; maskedstore: base, indices, mask,
         * value. */
        bool masked = k == VECTOR_MASKEDSTORE;
        eo_value *vv = eo_op_operand(op, masked ? n - 1 : 0);
        eo_value *mv = eo_op_operand(op, masked ? 0 : 1);
        if (!vector_type(t, eo_value_type(vv)) || n < (masked ? 3u : 2u))
            return unsupported(op, "only 1-D vectors are supported");
        LLVMValueRef v = get(t, op, vv);
        LLVMValueRef p = elem_addr(t, op, mv, masked ? 1 : 2,
                                   masked ? n - 3 : n - 2);
        if (!v || !p)
            return EO_ERROR;
        if (!masked) {
            LLVMSetAlignment(LLVMBuildStore(t->b, v, p), elem_align(t, mv));
            return EO_OK;
        }
        LLVMValueRef m = get(t, op, eo_op_operand(op, n - 2));
        if (!m)
            return EO_ERROR;
        return masked_mem(t, false, LLVMTypeOf(v), p, m, v,
                          elem_align(t, mv)) ? EO_OK : EO_NOMEM;
    }
    case VECTOR_TRANSFER_READ: return tr_transfer(t, op, true);
    case VECTOR_TRANSFER_WRITE:
        if (eo_op_num_results(op) != 0)
            return unsupported(op, "transfers on tensors");
        return tr_transfer(t, op, false);
    case VECTOR_BROADCAST:
    case VECTOR_SPLAT: {
        const eo_type *rty = eo_value_type(eo_op_result(op, 0));
        const eo_type *sty = eo_value_type(eo_op_operand(op, 0));
        LLVMTypeRef vt = vector_type(t, rty);
        LLVMValueRef x = get(t, op, eo_op_operand(op, 0));
        if (!vt || (!scalar_type(t, sty) && sty != rty))
            return unsupported(op, "only scalars to 1-D vectors");
        if (!x)
            return EO_ERROR;
        return set(t, eo_op_result(op, 0),
                   sty == rty ? x : splat(t, vt, x));
    }
    case VECTOR_FMA: {
        LLVMTypeRef vt = vector_type(t, eo_value_type(eo_op_result(op, 0)));
        LLVMValueRef a[3];
        if (!vt)
            return unsupported(op, "only 1-D vectors are supported");
        for (size_t i = 0; i < 3; i++)
            if (!(a[i] = get(t, op, eo_op_operand(op, i))))
                return EO_ERROR;
        LLVMValueRef r = call_intrinsic(t, "llvm.fma", vt, a, 3);
        return r ? set(t, eo_op_result(op, 0), r)
                 : unsupported(op, "no LLVM intrinsic");
    }
    case VECTOR_REDUCTION: return tr_reduction(t, op);
    case VECTOR_EXTRACTELEMENT:
    case VECTOR_INSERTELEMENT: {
        bool ins = k == VECTOR_INSERTELEMENT;
        eo_value *vv = eo_op_operand(op, ins ? 1 : 0);
        size_t npos = n - (ins ? 2 : 1);
        if (!vector_type(t, eo_value_type(vv)) || npos != 1)
            return unsupported(op, "only 1-D vectors are supported");
        LLVMValueRef v = get(t, op, vv);
        LLVMValueRef pos = get(t, op, eo_op_operand(op, n - 1));
        LLVMValueRef x = ins ? get(t, op, eo_op_operand(op, 0)) : NULL;
        if (!v || !pos || (ins && !x))
            return EO_ERROR;
        return set(t, eo_op_result(op, 0),
                   ins ? LLVMBuildInsertElement(t->b, v, x, pos, "")
                       : LLVMBuildExtractElement(t->b, v, pos, ""));
    }
    case VECTOR_CREATE_MASK: {
        LLVMTypeRef vt = vector_type(t, eo_value_type(eo_op_result(op, 0)));
        LLVMValueRef b = n == 1 ? get(t, op, eo_op_operand(op, 0)) : NULL;
        if (!vt || n != 1)
            return unsupported(op, "only 1-D masks are supported");
        if (!b)
            return EO_ERROR;
        LLVMValueRef m = lane_mask(t, LLVMGetVectorSize(vt), b);
        return m ? set(t, eo_op_result(op, 0), m) : EO_NOMEM;
    }
    default:
        return unsupported(op, "operation not supported");
    }
}

static eo_status
tr_op(tr *t, eo_op *op)
{
    const char *name = eo_op_name_str(op);
    set_debug_loc(t, eo_op_loc(op));
    if (strncmp(name, "arith.", 6) == 0)
        return tr_arith(t, op);
    if (strncmp(name, "math.", 5) == 0)
        return tr_math(t, op);
    if (strncmp(name, "memref.", 7) == 0)
        return tr_memref(t, op);
    if (strncmp(name, "scf.", 4) == 0)
        return tr_scf(t, op);
    if (strncmp(name, "cf.", 3) == 0)
        return tr_cf(t, op);
    if (strncmp(name, "func.", 5) == 0)
        return tr_func_op(t, op);
    if (strncmp(name, "vector.", 7) == 0)
        return tr_vector(t, op);
    return unsupported(op, "operation not supported");
}

static eo_status
tr_block_ops(tr *t, eo_block *blk)
{
    for (eo_op *op = eo_block_first(blk); op; op = eo_op_next(op)) {
        eo_status s = tr_op(t, op);
        if (s != EO_OK)
            return s;
    }
    return EO_OK;
}

/* ------------------------------------------------------------------ */
/* Functions and the module                                            */
/* ------------------------------------------------------------------ */

/* ------------------------------------------------------------------ */
/* Outlining the top-level loop nests                                  */
/* ------------------------------------------------------------------ */

/* The scf.for and scf.parallel ops without results directly in a
 * function's body (the layers of a model lowered by tl-to-loops) become
 * internal noinline functions "void @<fn>.nest<k>(...)" called in their
 * place, so that LLVM's loop passes and function analyses, whose cost
 * grows faster than the size of a function, work on small functions.
 * Consecutive nests share one function up to NEST_GROUP_OPS ops (ops
 * between them that touch no memory -- arith, views, allocations -- move
 * before the call): one function per tiny nest would cost more in LLVM's
 * per-function overhead than it saves (measured on MLPerf Tiny models:
 * 100 to 300 ops per function compile fastest); a function whose nests
 * add up to no more than that stays whole. The values
 * the nest reads from outside are its arguments: scalars as themselves,
 * memref descriptors field by field, where the fields known to be
 * constants (static sizes and strides) stay constants and a value that
 * several fields share is passed once. A pointer argument is noalias
 * when it is the only one into its allocation (the memref.alloc or
 * memref.alloca under the views) and the nest neither frees memory nor
 * calls functions. Each nest gets its own DISubprogram; its ops keep
 * their lines. */

#define NEST_GROUP_OPS 256

/* The value of the field at 'path' (n indices) of aggregate 'agg', read
 * off constants and insertvalue/extractvalue chains; NULL if unknown. */
static LLVMValueRef
known_field(LLVMValueRef agg, const unsigned *path, unsigned n)
{
    unsigned buf[8];
    for (unsigned guard = 0; guard < 4096 && agg; guard++) {
        if (n == 0)
            return agg;
        if (LLVMIsConstant(agg)) {
            LLVMValueRef e = LLVMGetAggregateElement(agg, path[0]);
            agg = e;
            path++;
            n--;
            continue;
        }
        if (LLVMIsAExtractValueInst(agg)) {
            unsigned k = LLVMGetNumIndices(agg);
            if (k + n > 8)
                return NULL;
            const unsigned *ix = LLVMGetIndices(agg);
            unsigned tmp[8];
            memcpy(tmp, ix, k * sizeof *tmp);
            memcpy(tmp + k, path, n * sizeof *tmp);
            memcpy(buf, tmp, (k + n) * sizeof *buf);
            path = buf;
            n += k;
            agg = LLVMGetOperand(agg, 0);
            continue;
        }
        if (!LLVMIsAInsertValueInst(agg))
            return NULL;
        unsigned k = LLVMGetNumIndices(agg);
        const unsigned *ix = LLVMGetIndices(agg);
        unsigned common = 0;
        while (common < k && common < n && ix[common] == path[common])
            common++;
        if (common == k) {             /* inserted at a prefix of path */
            agg = LLVMGetOperand(agg, 1);
            path += k;
            n -= k;
        } else if (common == n) {      /* path is a prefix: partly new */
            return NULL;
        } else {                       /* elsewhere: look underneath */
            agg = LLVMGetOperand(agg, 0);
        }
    }
    return NULL;
}

/* What a pointer argument of a nest points into: a memref.alloc or
 * memref.alloca op, a workspace range (an entry of t->ws->range), or one
 * of these. */
static const char ROOT_ARG[1];      /* a function argument, a global */
static const char ROOT_UNKNOWN[1];  /* anything else */

/* Where a nest's arguments come from while it is being outlined. */
typedef struct nest_args {
    LLVMValueRef *outer;    /* caller's values, one per parameter */
    const void **root;      /* their allocation (see ROOT_ARG) */
    bool *aligned;          /* used as a descriptor's aligned pointer */
    size_t n, cap;
    tr_map index;           /* caller's value -> parameter index + 1 */
    bool oom;
} nest_args;

/* The parameter index of caller value 'v' (added on first use), which
 * points into 'root' and is an aligned pointer when 'aligned'. */
static size_t
nest_arg(nest_args *a, LLVMValueRef v, const void *root, bool aligned)
{
    uintptr_t have = (uintptr_t)map_get(&a->index, v);
    if (have) {
        if (a->root[have - 1] != root)
            a->root[have - 1] = ROOT_UNKNOWN;
        a->aligned[have - 1] |= aligned;
        return have - 1;
    }
    if (a->n == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 16;
        LLVMValueRef *no = realloc(a->outer, cap * sizeof *no);
        if (no)
            a->outer = no;
        const void **nr = no ? realloc(a->root, cap * sizeof *nr) : NULL;
        if (nr)
            a->root = nr;
        bool *na = nr ? realloc(a->aligned, cap * sizeof *na) : NULL;
        if (!na) {
            a->oom = true;
            return 0;
        }
        a->aligned = na;
        a->cap = cap;
    }
    if (!map_put(&a->index, v, (void *)(uintptr_t)(a->n + 1))) {
        a->oom = true;
        return 0;
    }
    a->outer[a->n] = v;
    a->root[a->n] = root;
    a->aligned[a->n] = aligned;
    return a->n++;
}

/* Whether 'r' is an entry of the workspace ranges. */
static bool
is_ws_root(const tr *t, const void *r)
{
    return t->ws && (const uint64_t *)r >= t->ws->range &&
           (const uint64_t *)r < t->ws->range + 2 * t->ws->n;
}

/* The allocation memref 'v' is a view of (see ROOT_ARG). */
static const void *
memref_root(const tr *t, eo_value *v)
{
    for (unsigned guard = 0; guard < 4096; guard++) {
        eo_op *d = eo_value_def_op(v);
        if (!d) {
            eo_block *b = eo_value_owner_block(v);
            if (!b || !eo_block_parent_op(b) ||
                !eo_op_is(eo_block_parent_op(b), func_op_def(FUNC_FUNC)))
                return ROOT_UNKNOWN;
            for (size_t i = 0; t->ws && b == t->ws->body && i < t->ws->n;
                 i++)
                if (eo_block_arg(b, i) == v && t->ws->range[2 * i + 1])
                    return &t->ws->range[2 * i];
            return ROOT_ARG;
        }
        switch (memref_op_kind(d)) {
        case MEMREF_ALLOC:
        case MEMREF_ALLOCA:
            return d;
        case MEMREF_GET_GLOBAL:
            return ROOT_ARG;
        case MEMREF_CAST:
        case MEMREF_COLLAPSE_SHAPE:
        case MEMREF_EXPAND_SHAPE:
        case MEMREF_REINTERPRET_CAST:
        case MEMREF_SUBVIEW:
            v = eo_op_operand(d, 0);
            break;
        default:
            return ROOT_UNKNOWN;
        }
    }
    return ROOT_UNKNOWN;
}

/* Whether aligned pointers into 'r' and 'q' (distinct parameters) may
 * reach the same memory. Function arguments other than workspace
 * buffers are apart from allocations and from the workspace. */
static bool
roots_may_alias(const tr *t, const void *r, const void *q)
{
    if (r == ROOT_UNKNOWN || q == ROOT_UNKNOWN || r == q)
        return true;
    if (is_ws_root(t, r) && is_ws_root(t, q)) {
        const uint64_t *x = r, *y = q;
        return x[0] < y[0] + y[1] && y[0] < x[0] + x[1];
    }
    return false;
}

/* The workspace buffers a group of nests reads or writes: a nest joins
 * the group only when it adds none that overlaps another (buffers whose
 * lifetimes do not meet may share memory; those of one top-level op
 * never do), so that each one stays noalias in the group's function. */
typedef struct ws_roots {
    const tr *t;
    const void **r;
    size_t n, cap;
    bool oom;
} ws_roots;

typedef struct ws_walk {
    ws_roots *wr;
    size_t first;       /* the entries before belong to the group */
    bool clash;
} ws_walk;

static eo_walk_result
ws_visit(eo_op *op, void *ud)
{
    ws_walk *w = ud;
    ws_roots *wr = w->wr;
    for (size_t i = 0; i < eo_op_num_operands(op); i++) {
        eo_value *v = eo_op_operand(op, i);
        if (!is_memref(eo_value_type(v)))
            continue;
        const void *r = memref_root(wr->t, v);
        if (!is_ws_root(wr->t, r))
            continue;
        bool have = false;
        for (size_t k = 0; k < wr->n && !have; k++) {
            have = wr->r[k] == r;
            if (!have && k < w->first &&
                roots_may_alias(wr->t, r, wr->r[k])) {
                w->clash = true;
                return EO_WALK_INTERRUPT;
            }
        }
        if (have)
            continue;
        if (wr->n == wr->cap) {
            size_t cap = wr->cap ? 2 * wr->cap : 16;
            const void **nr = realloc(wr->r, cap * sizeof *nr);
            if (!nr) {
                wr->oom = true;
                return EO_WALK_INTERRUPT;
            }
            wr->r = nr;
            wr->cap = cap;
        }
        wr->r[wr->n++] = r;
    }
    return EO_WALK_ADVANCE;
}

/* Adds the workspace buffers of nest 'op' to the group's; false (and
 * the group unchanged) when one overlaps a buffer of the group, or when
 * out of memory (wr->oom). */
static bool
ws_roots_add(ws_roots *wr, eo_op *op)
{
    ws_walk w = { wr, wr->n, false };
    eo_op_walk(op, EO_WALK_PRE, ws_visit, &w);
    if (w.clash || wr->oom) {
        wr->n = w.first;
        return false;
    }
    return true;
}

/* Whether 'op' frees memory or calls a function (no noalias then). */
static eo_walk_result
nest_escapes(eo_op *op, void *ud)
{
    if (eo_op_is(op, memref_op_def(MEMREF_DEALLOC)) ||
        eo_op_is(op, func_op_def(FUNC_CALL))) {
        *(bool *)ud = true;
        return EO_WALK_INTERRUPT;
    }
    return EO_WALK_ADVANCE;
}

/* The leaf fields of a rank-'rank' descriptor: path of field 'i'. */
static unsigned
desc_field(size_t rank, size_t i, unsigned path[2])
{
    if (i < 3) {
        path[0] = (unsigned)i;
        return 1;
    }
    path[0] = i - 3 < rank ? 3 : 4;
    path[1] = (unsigned)((i - 3) % rank);
    return 2;
}

/* The caller's value of leaf field 'path' of descriptor 'd' (built
 * with extractvalue at the builder when not known). */
static LLVMValueRef
field_value(tr *t, LLVMValueRef d, const unsigned *path, unsigned n)
{
    LLVMValueRef v = known_field(d, path, n);
    if (v)
        return v;
    v = LLVMBuildExtractValue(t->b, d, path[0], "");
    return n == 2 ? LLVMBuildExtractValue(t->b, v, path[1], "") : v;
}

/* Defines nest 'op' in 'fn' from its parameters (pidx: the parameter of
 * each live-in scalar, or of each descriptor field of a live-in memref,
 * in order; -1: the caller's value is a constant, 'cst'). The caller
 * restores t's function and builder. */
/* Whether 'op' is a loop nest to outline: scf.for or scf.parallel
 * without results. */
static bool
is_nest(eo_op *op)
{
    enum scf_op k = scf_op_kind(op);
    return eo_op_num_results(op) == 0 && (k == SCF_FOR || k == SCF_PARALLEL);
}

/* Whether top-level 'op' may move before the loop nests in front of it
 * (it reads and writes no memory: arith, views, allocations). */
static bool
is_hoistable(eo_op *op)
{
    if (strncmp(eo_op_name_str(op), "arith.", 6) == 0)
        return true;
    switch (memref_op_kind(op)) {
    case MEMREF_ALLOC:
    case MEMREF_ALLOCA:
    case MEMREF_CAST:
    case MEMREF_COLLAPSE_SHAPE:
    case MEMREF_DIM:
    case MEMREF_EXPAND_SHAPE:
    case MEMREF_GET_GLOBAL:
    case MEMREF_REINTERPRET_CAST:
    case MEMREF_SUBVIEW:
        return true;
    default:
        return false;
    }
}

static eo_walk_result
count_op(eo_op *op, void *ud)
{
    (void)op;
    ++*(size_t *)ud;
    return EO_WALK_ADVANCE;
}

/* The number of ops in 'op' (itself included). */
static size_t
nest_size(eo_op *op)
{
    size_t n = 0;
    eo_op_walk(op, EO_WALK_PRE, count_op, &n);
    return n;
}

static eo_status
nest_define(tr *t, eo_op *op, eo_op *last, LLVMValueRef fn,
            const livein *li, const long *pidx, LLVMValueRef const *cst)
{
    begin_outlined(t, op, fn);
    size_t j = 0;
    for (size_t i = 0; i < li->n; i++) {
        const eo_type *ty = eo_value_type(li->v[i]);
        LLVMValueRef v;
        if (!is_memref(ty)) {
            v = pidx[j] >= 0 ? LLVMGetParam(fn, (unsigned)pidx[j]) : cst[j];
            j++;
        } else {
            size_t rank = eo_type_rank(ty);
            LLVMTypeRef dty = desc_type(t, rank);
            v = LLVMGetUndef(dty);
            LLVMValueRef arr[2] = {
                rank ? LLVMGetUndef(LLVMArrayType2(t->i64, rank)) : NULL,
                rank ? LLVMGetUndef(LLVMArrayType2(t->i64, rank)) : NULL };
            for (size_t f = 0; f < 3 + 2 * rank; f++, j++) {
                LLVMValueRef x = pidx[j] >= 0
                    ? LLVMGetParam(fn, (unsigned)pidx[j]) : cst[j];
                unsigned path[2];
                if (desc_field(rank, f, path) == 1)
                    v = LLVMBuildInsertValue(t->b, v, x, path[0], "");
                else
                    arr[path[0] - 3] = LLVMBuildInsertValue(
                        t->b, arr[path[0] - 3], x, path[1], "");
            }
            for (unsigned f = 0; f < 2 && rank; f++)
                v = LLVMBuildInsertValue(t->b, v, arr[f], 3 + f, "");
        }
        eo_status s = set(t, li->v[i], v);
        if (s != EO_OK)
            return s;
    }
    for (eo_op *o = op;; o = eo_op_next(o)) {
        eo_status s = is_nest(o) ? tr_op(t, o) : EO_OK;
        if (s != EO_OK)
            return s;
        if (o == last)
            break;
    }
    LLVMBuildRetVoid(t->b);
    return EO_OK;
}

/* Translates the top-level loop nests from 'op' to 'last' (other ops
 * between them are translated by the caller first) as one outlined
 * function and a call of it at the builder. */
static eo_status
nest_outline(tr *t, eo_op *op, eo_op *last)
{
    livein li = {.whole = true};
    nest_args a = { 0 };
    bool escapes = false;
    for (eo_op *o = op;; o = eo_op_next(o)) {
        if (is_nest(o)) {
            li.par = o;
            eo_op_walk(o, EO_WALK_PRE, collect_livein, &li);
            eo_op_walk(o, EO_WALK_PRE, nest_escapes, &escapes);
        }
        if (o == last)
            break;
    }
    size_t nf = 0;
    for (size_t i = 0; i < li.n; i++) {
        const eo_type *ty = eo_value_type(li.v[i]);
        nf += is_memref(ty) ? 3 + 2 * eo_type_rank(ty) : 1;
    }
    long *pidx = calloc(nf + 1, sizeof *pidx);
    LLVMValueRef *cst = calloc(nf + 1, sizeof *cst);
    LLVMValueRef *mine = calloc(li.n + 1, sizeof *mine);
    eo_status s = li.oom || !pidx || !cst || !mine ? EO_NOMEM : EO_OK;
    size_t j = 0;
    for (size_t i = 0; i < li.n && s == EO_OK; i++) {
        eo_value *lv = li.v[i];
        const eo_type *ty = eo_value_type(lv);
        LLVMValueRef v = mine[i] = get(t, op, lv);
        if (!v) {
            s = EO_ERROR;
            break;
        }
        size_t nfld = is_memref(ty) ? 3 + 2 * eo_type_rank(ty) : 1;
        const void *root = is_memref(ty) ? memref_root(t, lv) : NULL;
        for (size_t f = 0; f < nfld; f++, j++) {
            LLVMValueRef x = v;
            if (is_memref(ty)) {
                unsigned path[2];
                unsigned n = desc_field(eo_type_rank(ty), f, path);
                x = field_value(t, v, path, n);
            }
            if (LLVMIsConstant(x)) {
                pidx[j] = -1;
                cst[j] = x;
            } else {
                pidx[j] = (long)nest_arg(&a, x, root ? root : ROOT_ARG,
                                         is_memref(ty) && f == 1);
            }
        }
        if (a.oom)
            s = EO_NOMEM;
    }
    LLVMValueRef fn = NULL;
    LLVMTypeRef fty = NULL;
    if (s == EO_OK) {
        LLVMTypeRef *ps = calloc(a.n + 1, sizeof *ps);
        if (!ps) {
            s = EO_NOMEM;
        } else {
            for (size_t i = 0; i < a.n; i++)
                ps[i] = LLVMTypeOf(a.outer[i]);
            fty = LLVMFunctionType(LLVMVoidTypeInContext(t->c), ps,
                                   (unsigned)a.n, false);
            free(ps);
        }
    }
    if (s == EO_OK) {
        size_t plen;
        const char *pname = LLVMGetValueName2(t->fn, &plen);
        char name[256];
        snprintf(name, sizeof name, "%.*s.nest%u",
                 (int)(plen < 200 ? plen : 200), pname, t->nnests++);
        fn = LLVMAddFunction(t->m, name, fty);
        LLVMSetLinkage(fn, LLVMInternalLinkage);
        unsigned ni = LLVMGetEnumAttributeKindForName("noinline", 8);
        unsigned nu = LLVMGetEnumAttributeKindForName("nounwind", 8);
        unsigned na = LLVMGetEnumAttributeKindForName("noalias", 7);
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(t->c, ni, 0));
        LLVMAddAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                LLVMCreateEnumAttribute(t->c, nu, 0));
        /* noalias: an aligned pointer into an allocation or workspace
         * buffer no other aligned pointer may reach (allocated pointers
         * are only read by memref.dealloc). */
        for (size_t i = 0; i < a.n && !escapes; i++) {
            if (!a.aligned[i] || a.root[i] == ROOT_ARG ||
                a.root[i] == ROOT_UNKNOWN ||
                LLVMGetTypeKind(LLVMTypeOf(a.outer[i])) !=
                    LLVMPointerTypeKind)
                continue;
            bool alone = true;
            for (size_t k = 0; k < a.n && alone; k++)
                alone = k == i || !a.aligned[k] ||
                        !roots_may_alias(t, a.root[i], a.root[k]);
            if (alone)
                LLVMAddAttributeAtIndex(fn, (unsigned)i + 1,
                                        LLVMCreateEnumAttribute(t->c, na,
                                                                0));
        }
        LLVMValueRef parent = t->fn;
        LLVMMetadataRef sp = t->sp;
        LLVMBasicBlockRef at = LLVMGetInsertBlock(t->b);
        s = nest_define(t, op, last, fn, &li, pidx, cst);
        /* Back to the parent and its values. */
        for (size_t i = 0; i < li.n && s == EO_OK; i++)
            s = set(t, li.v[i], mine[i]);
        t->fn = parent;
        t->sp = sp;
        LLVMPositionBuilderAtEnd(t->b, at);
        set_debug_loc(t, eo_op_loc(op));
    }
    if (s == EO_OK)
        LLVMBuildCall2(t->b, fty, fn, a.outer, (unsigned)a.n, "");
    free(pidx);
    free(cst);
    free(mine);
    free(li.v);
    map_free(&li.seen);
    free(a.outer);
    free(a.root);
    free(a.aligned);
    map_free(&a.index);
    return s;
}

/* The LLVM function type of func 'op' (descriptors expanded). */
static LLVMTypeRef
func_llvm_type(tr *t, eo_op *op)
{
    const eo_type *ft = func_get_type(op);
    if (!ft)
        return NULL;
    size_t nin = eo_type_num_inputs(ft), np = 0;
    for (size_t i = 0; i < nin; i++) {
        const eo_type *ty = eo_type_input(ft, i);
        np += is_memref(ty) ? 3 + 2 * eo_type_rank(ty) : 1;
    }
    LLVMTypeRef *ps = calloc(np ? np : 1, sizeof *ps);
    if (!ps)
        return NULL;
    size_t j = 0;
    for (size_t i = 0; i < nin; i++) {
        const eo_type *ty = eo_type_input(ft, i);
        if (!value_type(t, ty)) {
            free(ps);
            return NULL;
        }
        if (!is_memref(ty)) {
            ps[j++] = data_type(t, ty);
            continue;
        }
        ps[j++] = t->ptr;
        ps[j++] = t->ptr;
        for (size_t q = 0; q < 1 + 2 * eo_type_rank(ty); q++)
            ps[j++] = t->i64;
    }
    size_t nres = eo_type_num_results(ft);
    LLVMTypeRef ret;
    if (nres == 0) {
        ret = LLVMVoidTypeInContext(t->c);
    } else if (nres == 1) {
        ret = value_type(t, eo_type_result(ft, 0));
    } else {
        LLVMTypeRef *rs = calloc(nres, sizeof *rs);
        if (!rs) {
            free(ps);
            return NULL;
        }
        bool ok = true;
        for (size_t i = 0; i < nres; i++)
            ok = ok && (rs[i] = value_type(t, eo_type_result(ft, i)));
        ret = ok ? LLVMStructTypeInContext(t->c, rs, (unsigned)nres, false)
                 : NULL;
        free(rs);
    }
    LLVMTypeRef fty = ret ? LLVMFunctionType(ret, ps, (unsigned)np, false)
                          : NULL;
    free(ps);
    return fty;
}

static eo_status
tr_func_body(tr *t, eo_op *op, LLVMValueRef fn)
{
    eo_region *r = eo_op_region(op, 0);
    t->fn = fn;
    t->sp = NULL;
    LLVMSetCurrentDebugLocation2(t->b, NULL);
    if (t->dib) {
        const eo_loc *fl = eo_loc_find_file(eo_op_loc(op));
        t->fn_line = fl && eo_loc_filename(fl) == t->filename
            ? eo_loc_line(fl) : 0;
        size_t nlen;
        const char *name = LLVMGetValueName2(fn, &nlen);
        t->sp = LLVMDIBuilderCreateFunction(
            t->dib, t->file, name, nlen, name, nlen, t->file, t->fn_line,
            t->subroutine_ty, LLVMGetLinkage(fn) == LLVMInternalLinkage,
            true, t->fn_line, LLVMDIFlagZero, false);
        LLVMSetSubprogram(fn, t->sp);
    }
    /* Basic blocks, then phis for the arguments of non-entry blocks. */
    for (eo_block *b = eo_region_first(r); b; b = eo_block_next(b)) {
        LLVMBasicBlockRef bb = LLVMAppendBasicBlockInContext(t->c, fn, "");
        if (!map_put(&t->blocks, b, bb))
            return EO_NOMEM;
    }
    for (eo_block *b = eo_block_next(eo_region_first(r)); b;
         b = eo_block_next(b)) {
        LLVMPositionBuilderAtEnd(t->b, map_get(&t->blocks, b));
        for (size_t i = 0; i < eo_block_num_args(b); i++) {
            eo_value *a = eo_block_arg(b, i);
            LLVMTypeRef ty = value_type(t, eo_value_type(a));
            if (!ty)
                return unsupported(op, "block argument type not supported");
            eo_status s = set(t, a, LLVMBuildPhi(t->b, ty, ""));
            if (s != EO_OK)
                return s;
        }
    }
    /* Entry arguments: rebuild descriptors from the expanded fields. */
    eo_block *entry = eo_region_first(r);
    LLVMPositionBuilderAtEnd(t->b, map_get(&t->blocks, entry));
    set_debug_loc(t, NULL);
    unsigned j = 0;
    for (size_t i = 0; i < eo_block_num_args(entry); i++) {
        eo_value *a = eo_block_arg(entry, i);
        const eo_type *ty = eo_value_type(a);
        LLVMValueRef v;
        if (!is_memref(ty)) {
            v = LLVMGetParam(fn, j++);
        } else {
            size_t rank = eo_type_rank(ty);
            v = LLVMGetUndef(desc_type(t, rank));
            for (unsigned f = 0; f < 3; f++)
                v = LLVMBuildInsertValue(t->b, v, LLVMGetParam(fn, j++), f,
                                         "");
            for (unsigned f = 3; f < 5 && rank; f++) {
                LLVMValueRef arr = LLVMGetUndef(LLVMArrayType2(t->i64,
                                                               rank));
                for (size_t q = 0; q < rank; q++)
                    arr = LLVMBuildInsertValue(t->b, arr,
                                               LLVMGetParam(fn, j++),
                                               (unsigned)q, "");
                v = LLVMBuildInsertValue(t->b, v, arr, f, "");
            }
        }
        eo_status s = set(t, a, v);
        if (s != EO_OK)
            return s;
    }
    t->nnests = 0;
    /* Outlining pays when the nests are more than one group's worth. */
    bool outline = t->outline && !eo_op_attr(op, "eo.no_outline");
    size_t total = 0;
    for (eo_block *b = entry; b && outline; b = eo_block_next(b))
        for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o))
            total += is_nest(o) ? nest_size(o) : 0;
    outline = outline && total > NEST_GROUP_OPS;
    for (eo_block *b = entry; b; b = eo_block_next(b)) {
        LLVMPositionBuilderAtEnd(t->b, map_get(&t->blocks, b));
        for (eo_op *o = eo_block_first(b); o; o = eo_op_next(o)) {
            if (!outline || !is_nest(o)) {
                eo_status s = tr_op(t, o);
                if (s != EO_OK)
                    return s;
                continue;
            }
            /* A group of nests up to NEST_GROUP_OPS ops in all. */
            eo_op *last = o;
            size_t size = nest_size(o);
            ws_roots wr = { .t = t };
            if (t->ws && !ws_roots_add(&wr, o))
                return EO_NOMEM;
            for (eo_op *q = eo_op_next(o); q; q = eo_op_next(q)) {
                if (is_nest(q)) {
                    size_t n = nest_size(q);
                    if (size + n > NEST_GROUP_OPS ||
                        (t->ws && !ws_roots_add(&wr, q)))
                        break;
                    size += n;
                    last = q;
                } else if (!is_hoistable(q)) {
                    break;
                }
            }
            free(wr.r);
            if (wr.oom)
                return EO_NOMEM;
            for (eo_op *q = o; q != last; q = eo_op_next(q)) {
                eo_status s = is_nest(q) ? EO_OK : tr_op(t, q);
                if (s != EO_OK)
                    return s;
            }
            eo_status s = nest_outline(t, o, last);
            if (s != EO_OK)
                return s;
            o = last;
        }
    }
    return EO_OK;
}

/* Starts DWARF debug info when an op of the module has a file location:
 * one compile unit for that file (ops from other files get their
 * function's line). */
static void
debug_info_begin(tr *t, eo_block *body)
{
    const eo_loc *fl = NULL;
    for (eo_op *op = eo_block_first(body); op && !fl; op = eo_op_next(op))
        fl = eo_loc_find_file(eo_op_loc(op));
    if (!fl)
        return;
    t->filename = eo_loc_filename(fl);
    const char *path = eo_ident_str(t->filename);
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t dirlen = slash ? (size_t)(slash - path) : 1;
    t->dib = LLVMCreateDIBuilder(t->m);
    if (!t->dib)
        return;
    t->file = LLVMDIBuilderCreateFile(t->dib, base, strlen(base),
                                      slash ? path : ".", dirlen);
    LLVMDIBuilderCreateCompileUnit(
        t->dib, LLVMDWARFSourceLanguageC, t->file, "edge-opt", 8, false,
        "", 0, 0, "", 0, LLVMDWARFEmissionLineTablesOnly, 0, false, false,
        "", 0, "", 0);
    t->subroutine_ty = LLVMDIBuilderCreateSubroutineType(
        t->dib, t->file, NULL, 0, LLVMDIFlagZero);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(t->c);
    LLVMAddModuleFlag(t->m, LLVMModuleFlagBehaviorWarning,
                      "Debug Info Version", 18, LLVMValueAsMetadata(
                          LLVMConstInt(i32, LLVMDebugMetadataVersion(),
                                       false)));
    LLVMAddModuleFlag(t->m, LLVMModuleFlagBehaviorWarning, "Dwarf Version", 13,
                      LLVMValueAsMetadata(LLVMConstInt(i32, 5, false)));
}

EO_API LLVMModuleRef
eo_codegen_translate(eo_op *module, LLVMContextRef llctx,
                     const eo_codegen_options *opts)
{
    return eo_codegen_translate_ex(module, llctx, opts, false);
}

LLVMModuleRef
eo_codegen_translate_ex(eo_op *module, LLVMContextRef llctx,
                        const eo_codegen_options *opts, bool threads)
{
    return eo_codegen_translate_ws(module, llctx, opts, threads, NULL);
}

LLVMModuleRef
eo_codegen_translate_ws(eo_op *module, LLVMContextRef llctx,
                        const eo_codegen_options *opts, bool threads,
                        const eo_ws_layout *ws)
{
    eo_ctx *ctx = eo_op_ctx(module);
    if (eo_op_num_regions(module) != 1 ||
        eo_region_empty(eo_op_region(module, 0))) {
        eo_op_error(module, "cannot translate to LLVM IR: expected a "
                    "module with one region");
        return NULL;
    }
    tr t = { 0 };
    t.ctx = ctx;
    t.module = module;
    t.threads = threads;
    t.outline = !(opts && opts->no_outline);
    t.ws = ws;
    t.c = llctx;
    t.m = LLVMModuleCreateWithNameInContext("edge-opt", llctx);
    t.b = LLVMCreateBuilderInContext(llctx);
    t.i64 = LLVMInt64TypeInContext(llctx);
    t.ptr = LLVMPointerTypeInContext(llctx, 0);
    /* The data layout of the target, for sizes (host when no triple). */
    LLVMTargetMachineRef tm = eo_codegen_target_machine(ctx, opts);
    eo_status s = tm ? EO_OK : EO_ERROR;
    if (tm) {
        LLVMTargetDataRef dl = LLVMCreateTargetDataLayout(tm);
        char *dls = LLVMCopyStringRepOfTargetData(dl);
        char *triple = LLVMGetTargetMachineTriple(tm);
        LLVMSetDataLayout(t.m, dls);
        LLVMSetTarget(t.m, triple);
        LLVMDisposeMessage(dls);
        LLVMDisposeMessage(triple);
        LLVMDisposeTargetData(dl);
        LLVMDisposeTargetMachine(tm);
    }
    eo_block *body = eo_region_first(eo_op_region(module, 0));
    if (s == EO_OK)
        debug_info_begin(&t, body);
    /* Globals and function declarations first: bodies refer to them. */
    for (eo_op *op = eo_block_first(body); op && s == EO_OK;
         op = eo_op_next(op)) {
        if (eo_op_is(op, memref_op_def(MEMREF_GLOBAL))) {
            s = tr_global(&t, op);
        } else if (eo_op_is(op, func_op_def(FUNC_FUNC))) {
            const eo_ident *name = eo_symbol_name(ctx, op);
            LLVMTypeRef fty = func_llvm_type(&t, op);
            if (!name || !fty) {
                s = unsupported(op, "signature not supported");
                break;
            }
            LLVMValueRef fn = LLVMAddFunction(t.m, eo_ident_str(name), fty);
            const eo_attr *vis = eo_op_attr(op, "sym_visibility");
            if (vis && !func_is_declaration(op) &&
                eo_attr_get_kind(vis) == EO_ATTR_STRING &&
                strcmp(eo_attr_string(vis, NULL), "private") == 0)
                LLVMSetLinkage(fn, LLVMInternalLinkage);
        } else {
            s = unsupported(op, "operation not supported at module level");
        }
    }
    for (eo_op *op = eo_block_first(body); op && s == EO_OK;
         op = eo_op_next(op)) {
        if (!eo_op_is(op, func_op_def(FUNC_FUNC)) || func_is_declaration(op))
            continue;
        LLVMValueRef fn = LLVMGetNamedFunction(
            t.m, eo_ident_str(eo_symbol_name(ctx, op)));
        s = tr_func_body(&t, op, fn);
    }
    if (t.dib) {
        LLVMDIBuilderFinalize(t.dib);
        LLVMDisposeDIBuilder(t.dib);
    }
    if (s == EO_OK) {
        char *msg = NULL;
        if (LLVMVerifyModule(t.m, LLVMReturnStatusAction, &msg)) {
            eo_op_error(module, "internal error: the translated LLVM module "
                        "is invalid: %s", msg ? msg : "");
            s = EO_ERROR;
        }
        LLVMDisposeMessage(msg);
    }
    if (s == EO_NOMEM)
        eo_op_error(module, "out of memory translating to LLVM IR");
    LLVMDisposeBuilder(t.b);
    map_free(&t.vals);
    map_free(&t.blocks);
    if (s != EO_OK) {
        LLVMDisposeModule(t.m);
        return NULL;
    }
    return t.m;
}

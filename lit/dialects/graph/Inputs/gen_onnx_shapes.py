"""Generates ../onnx_shapes.mlir: graph ops whose result shapes are what
ONNX's own shape inference (onnx.shape_inference, opset 17) gives for the
same operator and attributes, so edge-opt's verifier checks that
eo_graph_infer_shapes agrees with ONNX on conv, conv_transpose, pools
(ceil_mode, auto_pad), slice, matmul, gemm and broadcasting.

    python3 gen_onnx_shapes.py > ../onnx_shapes.mlir
"""
import random

import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference
import numpy as np

random.seed(7)


def infer(op, inputs, attrs, inits=()):
    """Output shape of one ONNX node on float inputs of the given shapes."""
    names = ['in%d' % i for i in range(len(inputs))]
    vi = [helper.make_tensor_value_info(n, TensorProto.FLOAT, s)
          for n, s in zip(names, inputs)]
    init = []
    for name, vals in inits:
        names.append(name)
        init.append(numpy_helper.from_array(np.array(vals, np.int64), name))
    node = helper.make_node(op, names, ['out'], **attrs)
    out = helper.make_tensor_value_info('out', TensorProto.FLOAT, None)
    g = helper.make_graph([node], 'g', vi, [out], initializer=init)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid('', 17)])
    m = shape_inference.infer_shapes(m, strict_mode=True)
    t = m.graph.output[0].type.tensor_type
    return [d.dim_value for d in t.shape.dim]


def ty(shape):
    return 'tensor<%sf32>' % ''.join('%dx' % d for d in shape)


def arr(v):
    return 'array<i64: %s>' % ', '.join(str(x) for x in v)


lines = []


def emit(op, ins, attrs, out):
    args = ', '.join('%%a%d' % i for i in range(len(ins)))
    d = ', '.join('%s = %s' % kv for kv in sorted(attrs.items()))
    d = ' {%s}' % d if d else ''
    lines.append((ins, '%%r = graph.%s %s%s : (%s) -> %s' % (
        op, args, d, ', '.join(ty(s) for s in ins), ty(out))))


AUTO = ['NOTSET', 'VALID', 'SAME_UPPER', 'SAME_LOWER']
for _ in range(40):                      # conv2d
    c, g = random.choice([(4, 1), (4, 2), (6, 3), (3, 1)])
    kh, kw = random.randint(1, 4), random.randint(1, 4)
    h, w = random.randint(kh + 2, 20), random.randint(kw + 2, 20)
    st = [random.randint(1, 3), random.randint(1, 3)]
    dl = [random.randint(1, 2), random.randint(1, 2)]
    ap = random.choice(AUTO)
    pads = ([random.randint(0, 2) for _ in range(4)] if ap == 'NOTSET'
            else [0] * 4)
    if ap != 'NOTSET':
        dl = [1, 1]                      # ONNX SAME with dilation: avoid
    x, wt = [1, c, h, w], [2 * g, c // g, kh, kw]
    oa = dict(strides=st, dilations=dl, group=g, auto_pad=ap)
    if ap == 'NOTSET':
        oa['pads'] = pads
    out = infer('Conv', [x, wt], oa)
    ga = {'strides': arr(st), 'dilations': arr(dl), 'groups': '%d : i64' % g}
    if ap != 'NOTSET':
        ga['auto_pad'] = '"%s"' % ap
    else:
        ga['pads'] = arr(pads)
    emit('conv2d', [x, wt], ga, out)
for _ in range(25):                      # conv_transpose2d
    kh, kw = random.randint(1, 4), random.randint(1, 4)
    h, w = random.randint(2, 10), random.randint(2, 10)
    st = [random.randint(1, 3), random.randint(1, 3)]
    ap = random.choice(['NOTSET', 'VALID', 'SAME_UPPER', 'SAME_LOWER'])
    op_ = [random.randint(0, s - 1) for s in st]
    if ap.startswith('SAME'):
        st = [min(s, k) for s, k in zip(st, (kh, kw))]
        op_ = [0, 0]
    pads = ([random.randint(0, 1) for _ in range(4)] if ap == 'NOTSET'
            else [0] * 4)
    x, wt = [1, 3, h, w], [3, 2, kh, kw]
    oa = dict(strides=st, output_padding=op_, auto_pad=ap)
    if ap == 'NOTSET':
        oa['pads'] = pads
    out = infer('ConvTranspose', [x, wt], oa)
    ga = {'strides': arr(st), 'output_padding': arr(op_)}
    if ap != 'NOTSET':
        ga['auto_pad'] = '"%s"' % ap
    else:
        ga['pads'] = arr(pads)
    emit('conv_transpose2d', [x, wt], ga, out)
for _ in range(40):                      # pools
    pool = random.choice(['MaxPool', 'AveragePool'])
    kh, kw = random.randint(1, 4), random.randint(1, 4)
    h, w = random.randint(kh + 1, 15), random.randint(kw + 1, 15)
    st = [random.randint(1, 3), random.randint(1, 3)]
    ap = random.choice(AUTO)
    cm = random.randint(0, 1)
    pads = ([random.randint(0, min(kh, kw) - 1) for _ in range(4)]
            if ap == 'NOTSET' else [0] * 4)
    x = [1, 2, h, w]
    oa = dict(kernel_shape=[kh, kw], strides=st, auto_pad=ap, ceil_mode=cm)
    if ap == 'NOTSET':
        oa['pads'] = pads
    out = infer(pool, [x], oa)
    if cm and ap in ('NOTSET', 'VALID'):
        # onnx 1.12's inference predates the rule of the current ONNX spec
        # (and onnxruntime, PyTorch): with ceil_mode a window starting in
        # the right padding is dropped.
        for i in range(2):
            if (out[2 + i] - 1) * st[i] >= x[2 + i] + pads[i]:
                out[2 + i] -= 1
    ga = {'kernel': arr([kh, kw]), 'strides': arr(st)}
    if cm:
        ga['ceil_mode'] = 'true'
    if ap != 'NOTSET':
        ga['auto_pad'] = '"%s"' % ap
    else:
        ga['pads'] = arr(pads)
    emit('max_pool' if pool == 'MaxPool' else 'avg_pool', [x], ga, out)
BIG = 2**63 - 1
for _ in range(30):                      # slice
    x = [random.randint(1, 7) for _ in range(3)]
    n = random.randint(1, 3)
    axes = random.sample(range(-3, 3), 6)
    axes = [a for i, a in enumerate(axes)
            if a % 3 not in [b % 3 for b in axes[:i]]][:n]
    starts, ends, steps = [], [], []
    for a in axes:
        d = x[a % 3]
        s = random.choice([0, 1, -1, d, -d - 3, 2, BIG, -BIG - 1])
        e = random.choice([0, 1, -1, d, d + 5, -d - 3, BIG, -BIG - 1])
        starts.append(s); ends.append(e)
        steps.append(random.choice([1, 2, -1, -2, 3]))
    out = infer('Slice', [x], {}, [('s', starts), ('e', ends), ('ax', axes),
                                   ('st', steps)])
    emit('slice', [x], {'starts': arr(starts), 'ends': arr(ends),
                        'axes': arr(axes), 'steps': arr(steps)}, out)
for _ in range(15):                      # matmul
    k = random.randint(1, 5)
    a = random.choice([[k], [3, k], [2, 3, k], [1, 4, 3, k]])
    b = random.choice([[k], [k, 2], [2, k, 2], [1, k, 2], [3, 1, k, 2]])
    emit('matmul', [a, b], {}, infer('MatMul', [a, b], {}))
for _ in range(10):                      # gemm
    m, k, n = random.randint(1, 5), random.randint(1, 5), random.randint(1, 5)
    ta, tb = random.randint(0, 1), random.randint(0, 1)
    a = [k, m] if ta else [m, k]
    b = [n, k] if tb else [k, n]
    c = random.choice([[n], [m, n], [1, n], [m, 1], [1]])
    out = infer('Gemm', [a, b, c], dict(transA=ta, transB=tb))
    ga = {}
    if ta:
        ga['trans_a'] = 'true'
    if tb:
        ga['trans_b'] = 'true'
    emit('gemm', [a, b, c], ga, out)
for _ in range(10):                      # broadcasting
    a = [random.choice([1, 3]) for _ in range(random.randint(1, 4))]
    b = [random.choice([1, 3]) for _ in range(random.randint(1, 4))]
    emit('add', [a, b], {}, infer('Add', [a, b], {}))

print('// Generated by Inputs/gen_onnx_shapes.py: result shapes from ONNX\'s')
print('// shape inference (opset 17); the verifier must accept every op.')
print('// RUN: edge-opt %s -o /dev/null')
print()
for i, (ins, body) in enumerate(lines):
    params = ', '.join('%%a%d: %s' % (j, ty(s)) for j, s in enumerate(ins))
    print('func.func @t%d(%s) {' % (i, params))
    print('  ' + body)
    print('  return')
    print('}')

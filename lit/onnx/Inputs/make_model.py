"""Writes small ONNX models for the importer's lit tests.

Usage: make_model.py PREFIX NAME [NAME...]

Writes PREFIX.NAME.onnx for each NAME, a model from MODELS below (one
process for all of a test's models: importing onnx is the slow part).
Models are built with onnx.helper and written without running the
checker, so opsets newer than the installed onnx package and deliberately
broken models work too. Deterministic: weights come from a fixed
formula, not a RNG.
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

F = TensorProto.FLOAT
I8 = TensorProto.INT8
U8 = TensorProto.UINT8
I32 = TensorProto.INT32
I64 = TensorProto.INT64


def arr(shape, dtype=np.float32, scale=0.1):
    n = int(np.prod(shape)) if shape else 1
    v = (np.arange(n) % 7 - 3) * scale
    return v.astype(dtype).reshape(shape)


def init(name, value):
    return numpy_helper.from_array(np.asarray(value), name)


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, inits=(), opset=13, name="g", ir=8):
    g = helper.make_graph(nodes, name, inputs, outputs, list(inits))
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = ir
    return m


def cnn():
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv_1",
                         pads=[1, 1, 1, 1], kernel_shape=[3, 3]),
        helper.make_node("Relu", ["c"], ["r"]),
        helper.make_node("MaxPool", ["r"], ["p"], name="pool",
                         kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("GlobalAveragePool", ["p"], ["gap"], name="gap"),
        helper.make_node("Flatten", ["gap"], ["f"], name="flat"),
        helper.make_node("Gemm", ["f", "fw", "fb"], ["y0"], name="fc",
                         transB=1),
        helper.make_node("Softmax", ["y0"], ["y"], name="sm"),
    ]
    return model(nodes, [vi("x", F, [1, 3, 8, 8])], [vi("y", F, [1, 5])],
                 [init("w", arr([4, 3, 3, 3])), init("b", arr([4])),
                  init("fw", arr([5, 4])), init("fb", arr([5]))],
                 name="tiny-cnn")


def softmax_v11():
    nodes = [helper.make_node("Softmax", ["x"], ["y"], name="sm", axis=1),
             helper.make_node("LogSoftmax", ["x"], ["z"], name="lsm",
                              axis=2)]
    return model(nodes, [vi("x", F, [2, 3, 4])],
                 [vi("y", F, [2, 3, 4]), vi("z", F, [2, 3, 4])], opset=11)


def clip_v7():
    nodes = [helper.make_node("Clip", ["x"], ["y"], name="clip", min=0.0,
                              max=6.0)]
    return model(nodes, [vi("x", F, [4])], [vi("y", F, [4])], opset=7)


def clip_v13():
    nodes = [helper.make_node("Clip", ["x", "lo", "hi"], ["y"],
                              name="clip"),
             helper.make_node("Clip", ["y", "", "hi"], ["z"],
                              name="clip_hi")]
    return model(nodes, [vi("x", F, [4])], [vi("z", F, [4])],
                 [init("lo", np.float32(-1)), init("hi", np.float32(2))])


def shape_chain():
    # UltraFace's flatten: Shape -> Gather -> Unsqueeze -> Concat ->
    # Reshape, folded into a static reshape.
    nodes = [
        helper.make_node("Shape", ["x"], ["s"]),
        helper.make_node("Constant", [], ["i0"],
                         value=helper.make_tensor("i0", I64, [], [0])),
        helper.make_node("Gather", ["s", "i0"], ["n"], axis=0),
        helper.make_node("Constant", [], ["m1"],
                         value=helper.make_tensor("m1", I64, [], [-1])),
        helper.make_node("Unsqueeze", ["n"], ["n1"], axes=[0]),
        helper.make_node("Unsqueeze", ["m1"], ["m2"], axes=[0]),
        helper.make_node("Concat", ["n1", "m2"], ["shape"], axis=0),
        helper.make_node("Reshape", ["x", "shape"], ["y"], name="flatten"),
    ]
    return model(nodes, [vi("x", F, [1, 4, 6])], [vi("y", F, [1, 24])],
                 opset=9, ir=4)


def qdq():
    # int8 in and out; per-channel int8 weights (axis 1 of [K, N]).
    nodes = [
        helper.make_node("DequantizeLinear", ["x", "xs", "xz"], ["xf"],
                         name="dq_x"),
        helper.make_node("DequantizeLinear", ["w", "ws", "wz"], ["wf"],
                         name="dq_w", axis=1),
        helper.make_node("MatMul", ["xf", "wf"], ["mm"], name="mm"),
        helper.make_node("Relu", ["mm"], ["r"], name="relu"),
        helper.make_node("QuantizeLinear", ["r", "ys", "yz"], ["y"],
                         name="q_y"),
    ]
    inits = [init("xs", np.float32(0.5)), init("xz", np.int8(1)),
             init("w", arr([4, 3], np.int8, 1)),
             init("ws", np.array([0.25, 0.5, 1.0], np.float32)),
             init("wz", np.zeros([3], np.int8)),
             init("ys", np.float32(0.125)), init("yz", np.int8(-3))]
    return model(nodes, [vi("x", I8, [1, 4])], [vi("y", I8, [1, 3])],
                 inits)


def qlinear():
    nodes = [
        helper.make_node("QLinearConv",
                         ["x", "xs", "xz", "w", "ws", "wz", "ys", "yz", "b"],
                         ["y"], name="qconv"),
        helper.make_node("MatMulInteger", ["a", "bm", "az"], ["mi"],
                         name="mmi"),
    ]
    inits = [init("xs", np.float32(0.1)), init("xz", np.uint8(128)),
             init("w", arr([2, 1, 1, 1], np.uint8, 1)),
             init("ws", np.float32(0.05)), init("wz", np.uint8(0)),
             init("ys", np.float32(0.2)), init("yz", np.uint8(100)),
             init("b", np.array([1, -1], np.int32)),
             init("bm", arr([3, 2], np.uint8, 1)), init("az", np.uint8(3))]
    return model(nodes, [vi("x", U8, [1, 1, 4, 4]), vi("a", U8, [2, 3])],
                 [vi("y", U8, [1, 2, 4, 4]), vi("mi", I32, [2, 2])], inits,
                 opset=10)


def resize():
    nodes = [
        helper.make_node("Resize", ["x", "roi", "sc"], ["y"], name="up",
                         mode="nearest",
                         coordinate_transformation_mode="asymmetric",
                         nearest_mode="floor"),
        helper.make_node("Resize", ["x", "", "", "sz"], ["z"], name="lin",
                         mode="linear"),
    ]
    inits = [init("roi", np.zeros([0], np.float32)),
             init("sc", np.array([1, 1, 2, 2], np.float32)),
             init("sz", np.array([1, 2, 6, 9], np.int64))]
    return model(nodes, [vi("x", F, [1, 2, 3, 3])],
                 [vi("y", F, [1, 2, 6, 6]), vi("z", F, [1, 2, 6, 9])],
                 inits)


def upsample():
    nodes = [helper.make_node("Upsample", ["x", "sc"], ["y"], name="up")]
    return model(nodes, [vi("x", F, [1, 2, 3, 3])],
                 [vi("y", F, [1, 2, 6, 6])],
                 [init("sc", np.array([1, 1, 2, 2], np.float32))], opset=9)


def data_movement():
    nodes = [
        helper.make_node("Pad", ["x", "pads"], ["p"], name="pad",
                         mode="reflect"),
        helper.make_node("Slice", ["p", "st", "en", "ax", "sp"], ["s"],
                         name="slice"),
        helper.make_node("Split", ["s", "split"], ["a", "b"], name="split",
                         axis=1),
        helper.make_node("Unsqueeze", ["a", "uax"], ["u"], name="unsq"),
        helper.make_node("Squeeze", ["u", "uax"], ["q"], name="sq"),
        helper.make_node("Transpose", ["q"], ["t"], name="tr",
                         perm=[0, 2, 3, 1]),
        helper.make_node("Concat", ["b", "b"], ["c"], name="cat", axis=1),
        helper.make_node("ReduceMean", ["c"], ["m"], name="mean",
                         axes=[2, 3], keepdims=0),
        helper.make_node("Identity", ["m"], ["m2"]),
        helper.make_node("Dropout", ["m2"], ["m3"]),
    ]
    inits = [init("pads", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64)),
             init("st", np.array([1], np.int64)),
             init("en", np.array([np.iinfo(np.int64).max], np.int64)),
             init("ax", np.array([2], np.int64)),
             init("sp", np.array([1], np.int64)),
             init("split", np.array([1, 3], np.int64)),
             init("uax", np.array([0], np.int64))]
    return model(nodes, [vi("x", F, [1, 4, 4, 4])],
                 [vi("t", F, [1, 5, 6, 1]), vi("m3", F, [1, 6])], inits)


def misc_ops():
    nodes = [
        helper.make_node("BatchNormalization", ["x", "s", "bb", "mu", "var"],
                         ["bn"], name="bn", epsilon=1e-3),
        helper.make_node("LeakyRelu", ["bn"], ["lr"], name="lrelu",
                         alpha=0.2),
        helper.make_node("HardSigmoid", ["lr"], ["hs"], name="hsig"),
        helper.make_node("Pow", ["hs", "two"], ["pw"], name="pow"),
        helper.make_node("Max", ["pw", "hs", "lr"], ["mx"], name="max3"),
        helper.make_node("Min", ["mx"], ["mn"], name="min1"),
        helper.make_node("ConvTranspose", ["mn", "wt"], ["ct"], name="deconv",
                         strides=[2, 2]),
        helper.make_node("AveragePool", ["ct"], ["ap"], name="avg",
                         kernel_shape=[2, 2], count_include_pad=1,
                         pads=[1, 1, 1, 1]),
        helper.make_node("LayerNormalization", ["ap", "ls"], ["ln"],
                         name="ln"),
    ]
    inits = [init("s", arr([2])), init("bb", arr([2])),
             init("mu", arr([2])), init("var", np.ones([2], np.float32)),
             init("two", np.int64(2)), init("wt", arr([2, 3, 3, 3])),
             init("ls", arr([10]))]
    return model(nodes, [vi("x", F, [1, 2, 4, 4])],
                 [vi("ln", F, [1, 3, 10, 10])], inits, opset=17)


def int_fold():
    # Arithmetic on constant int64 tensors is folded; the result feeds a
    # Reshape.
    nodes = [
        helper.make_node("Mul", ["a", "b"], ["ab"]),
        helper.make_node("Sub", ["ab", "one"], ["d"]),
        helper.make_node("Cast", ["fl"], ["fi"], to=I64),
        helper.make_node("Concat", ["d", "fi"], ["shape"], axis=0),
        helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs"),
    ]
    inits = [init("a", np.array([2], np.int64)),
             init("b", np.array([3], np.int64)),
             init("one", np.array([1], np.int64)),
             init("fl", np.array([2.0, -1.0], np.float32))]
    return model(nodes, [vi("x", F, [2, 5, 2])], [vi("y", F, [5, 2, 2])],
                 inits)


def dynamic():
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu")]
    return model(nodes, [vi("x", F, ["N", 3])], [vi("y", F, ["N", 3])])


def bad_op():
    nodes = [helper.make_node("Relu", ["x"], ["r"], name="relu"),
             helper.make_node("Einsum", ["r"], ["y"], name="einsum_7",
                              equation="ij->ji")]
    return model(nodes, [vi("x", F, [2, 3])], [vi("y", F, [3, 2])])


def bad_dtype():
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu")]
    return model(nodes, [vi("x", TensorProto.DOUBLE, [2])],
                 [vi("y", TensorProto.DOUBLE, [2])])


def bad_init_dtype():
    nodes = [helper.make_node("Add", ["x", "h"], ["y"], name="add")]
    return model(nodes, [vi("x", F, [2])], [vi("y", F, [2])],
                 [init("h", np.ones([2], np.float16))])


def bad_opset():
    nodes = [helper.make_node("Relu", ["x"], ["y"], name="relu")]
    return model(nodes, [vi("x", F, [2])], [vi("y", F, [2])], opset=22)


def legacy_v1():
    # Opset 1 forms: Reshape's and Pad's ('paddings') attributes, Concat's
    # default axis 1, Cast's type name, consumed_inputs (ignored).
    nodes = [
        helper.make_node("Reshape", ["x"], ["r"], name="rs", shape=[3, 2],
                         consumed_inputs=[0]),
        helper.make_node("Pad", ["r"], ["p"], name="pad",
                         paddings=[0, 1, 0, 1], value=1.5),
        helper.make_node("Concat", ["p", "p"], ["c"], name="cat"),
        helper.make_node("Cast", ["c"], ["y"], name="cast", to="FLOAT"),
    ]
    return model(nodes, [vi("x", F, [2, 3])], [vi("y", F, [3, 8])],
                 opset=1, ir=3)


def legacy_v6():
    # Opset 6: Add's broadcast + axis, Gemm's broadcast, is_test.
    nodes = [
        helper.make_node("Add", ["x", "b"], ["a"], name="add", broadcast=1,
                         axis=1),
        helper.make_node("Mul", ["a", "a"], ["m"], name="mul"),
        helper.make_node("BatchNormalization", ["m", "s", "bb", "mu", "v"],
                         ["bn"], name="bn", is_test=1, epsilon=1e-5),
        helper.make_node("Dropout", ["bn"], ["d"], name="drop", is_test=1),
        helper.make_node("Flatten", ["d"], ["f"], name="flat"),
        helper.make_node("Gemm", ["f", "w", "c"], ["g"], name="fc",
                         broadcast=1, transB=1),
        helper.make_node("Mean", ["g", "g", "g"], ["y"], name="mean"),
    ]
    return model(nodes, [vi("x", F, [1, 3, 2, 2])], [vi("y", F, [1, 4])],
                 [init("b", arr([3])), init("s", np.ones([3], np.float32)),
                  init("bb", arr([3])), init("mu", arr([3])),
                  init("v", np.ones([3], np.float32)),
                  init("w", arr([4, 12])), init("c", arr([4]))],
                 opset=6, ir=3)


def bind_reshape():
    # The target shape is a graph input (as in the ONNX node tests): only
    # importable with the input bound to a value (--onnx-bind-input).
    nodes = [helper.make_node("Reshape", ["x", "s"], ["y"], name="rs")]
    return model(nodes, [vi("x", F, [2, 3]), vi("s", I64, [2])],
                 [vi("y", F, [3, 2])])


def bad_legacy():
    # Opset 6 training modes and shapes that need broadcast = 1.
    nodes = [
        helper.make_node("Add", ["x", "b"], ["a"], name="add"),
    ]
    return model(nodes, [vi("x", F, [2, 3])], [vi("a", F, [2, 3])],
                 [init("b", arr([3]))], opset=6, ir=3)


def bad_legacy_bn():
    nodes = [
        helper.make_node("BatchNormalization", ["x", "s", "s", "s", "s"],
                         ["y"], name="bn"),
    ]
    return model(nodes, [vi("x", F, [1, 3, 2, 2])],
                 [vi("y", F, [1, 3, 2, 2])],
                 [init("s", np.ones([3], np.float32))], opset=6, ir=3)


def bad_domain():
    nodes = [helper.make_node("FusedConv", ["x"], ["y"], name="fc",
                              domain="com.microsoft")]
    return model(nodes, [vi("x", F, [2])], [vi("y", F, [2])])


def bad_auto_pad():
    nodes = [helper.make_node("Conv", ["x", "w"], ["y"], name="conv_3",
                              auto_pad="FOO")]
    return model(nodes, [vi("x", F, [1, 1, 4, 4])], [vi("y", F, [1, 1, 4, 4])],
                 [init("w", arr([1, 1, 3, 3]))])


def bad_external():
    t = onnx.TensorProto()
    t.name = "w"
    t.data_type = F
    t.dims.extend([2])
    t.data_location = TensorProto.EXTERNAL
    e = t.external_data.add()
    e.key = "location"
    e.value = "weights.bin"
    nodes = [helper.make_node("Add", ["x", "w"], ["y"], name="add")]
    return model(nodes, [vi("x", F, [2])], [vi("y", F, [2])], [t])


def bad_shape_input():
    nodes = [helper.make_node("Reshape", ["x", "s"], ["y"], name="rs")]
    return model(nodes, [vi("x", F, [2, 3]), vi("s", I64, [2])],
                 [vi("y", F, [3, 2])])


def torch_pad():
    # PyTorch's opset-11 export of F.pad: the pads go through
    # ConstantOfShape, Concat, Reshape, Slice (step -1), Transpose, Reshape
    # and Cast; all of it folds to pads = [0, 0, 4, 2, 0, 0, 3, 1].
    i64 = lambda name, v: helper.make_node(
        "Constant", [], [name],
        value=numpy_helper.from_array(np.array(v, np.int64), name))
    nodes = [
        i64("p", [2, 1, 4, 3]),
        i64("n", [4]),
        helper.make_node("ConstantOfShape", ["n"], ["zeros"],
                         value=numpy_helper.from_array(
                             np.array([0], np.int64), "v")),
        helper.make_node("Concat", ["p", "zeros"], ["p8"], axis=0),
        i64("s2", [-1, 2]),
        helper.make_node("Reshape", ["p8", "s2"], ["p42"]),
        i64("st", [-1]), i64("en", [-9223372036854775807]), i64("ax", [0]),
        i64("sp", [-1]),
        helper.make_node("Slice", ["p42", "st", "en", "ax", "sp"], ["rev"]),
        helper.make_node("Transpose", ["rev"], ["tr"], perm=[1, 0]),
        i64("s1", [-1]),
        helper.make_node("Reshape", ["tr", "s1"], ["flat"]),
        helper.make_node("Cast", ["flat"], ["pads"], to=I64),
        helper.make_node("Pad", ["x", "pads"], ["y"], name="pad",
                         mode="constant"),
        # Range / Equal / Not / Where / Expand on constants, and Sum.
        i64("z", 0), i64("four", 4), i64("one", 1), i64("two", 2),
        i64("three", 3),
        helper.make_node("Range", ["z", "four", "one"], ["r"]),
        helper.make_node("Less", ["r", "two"], ["lt"]),
        helper.make_node("Not", ["lt"], ["ge"]),
        helper.make_node("Where", ["ge", "three", "one"], ["w"]),
        helper.make_node("Equal", ["w", "three"], ["eq"]),
        helper.make_node("Greater", ["w", "two"], ["gt"]),
        helper.make_node("Expand", ["w", "n"], ["ex"]),
        helper.make_node("Reshape", ["x", "ex"], ["xr"], name="rs"),
        helper.make_node("Sum", ["xr", "xr", "xr"], ["sum"], name="sum3"),
    ]
    return model(nodes, [vi("x", F, [1, 1, 3, 3])],
                 [vi("y", F, [1, 1, 10, 6]), vi("sum", F, [1, 1, 3, 3])],
                 opset=11)


def bad_dq_source():
    # The int8 tensor feeding DequantizeLinear is computed (Neg), not a
    # graph input, initializer or QuantizeLinear result (through data
    # movement only): its quantization cannot be expressed.
    nodes = [helper.make_node("Neg", ["x"], ["n"], name="neg"),
             helper.make_node("DequantizeLinear", ["n", "s"], ["y"],
                              name="dq")]
    return model(nodes, [vi("x", I8, [4])], [vi("y", F, [4])],
                 [init("s", np.float32(0.5))])


MODELS = {f.__name__: f for f in [
    cnn, softmax_v11, clip_v7, clip_v13, shape_chain, qdq, qlinear, resize,
    upsample, data_movement, misc_ops, int_fold, dynamic, bad_op, bad_dtype,
    bad_init_dtype, bad_opset, bad_domain, bad_auto_pad, bad_external,
    bad_shape_input, torch_pad, bad_dq_source, legacy_v1, legacy_v6,
    bad_legacy, bad_legacy_bn, bind_reshape]}


def main():
    prefix = sys.argv[1]
    for name in sys.argv[2:]:
        with open("%s.%s.onnx" % (prefix, name), "wb") as f:
            f.write(MODELS[name]().SerializeToString())


if __name__ == "__main__":
    main()

"""Writes qmul.onnx and its inputs for lit/graph/fold-qdq-mul.test and
lit/targets/npu/ew-mul.test (regenerate with: python3 make_qmul.py DIR).

A QDQ model (opset 13) of two elementwise products:
  m1 = Q(DQ(Q(x)) * DQ(Q(z)))            equal shapes [1, 4, 6, 5]
  m2 = Q(DQ(m1) * DQ(w))                  w: an int8 constant [4, 1, 1]
                                          broadcast over H and W
  y  = DQ(m2)
Inputs: qmul_x.npy, qmul_z.npy (f32 in [-2, 2], fixed formula).
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

F = TensorProto.FLOAT


def scalar(name, v, dtype):
    return numpy_helper.from_array(np.array(v, dtype=dtype), name)


def main(out):
    shape = [1, 4, 6, 5]
    inits = [
        scalar("sx", 0.02, np.float32), scalar("zx", 3, np.int8),
        scalar("sz", 0.03, np.float32), scalar("zz", -7, np.int8),
        scalar("s1", 0.05, np.float32), scalar("z1", 1, np.int8),
        scalar("sw", 0.01, np.float32), scalar("zw", 0, np.int8),
        scalar("s2", 0.04, np.float32), scalar("z2", -2, np.int8),
        numpy_helper.from_array(
            np.array([90, -60, 127, 35], dtype=np.int8).reshape(4, 1, 1),
            "wq"),
    ]
    n = [
        helper.make_node("QuantizeLinear", ["x", "sx", "zx"], ["xq"]),
        helper.make_node("DequantizeLinear", ["xq", "sx", "zx"], ["xd"]),
        helper.make_node("QuantizeLinear", ["z", "sz", "zz"], ["zq"]),
        helper.make_node("DequantizeLinear", ["zq", "sz", "zz"], ["zd"]),
        helper.make_node("Mul", ["xd", "zd"], ["p1"], name="mul1"),
        helper.make_node("QuantizeLinear", ["p1", "s1", "z1"], ["m1"]),
        helper.make_node("DequantizeLinear", ["m1", "s1", "z1"], ["m1d"]),
        helper.make_node("DequantizeLinear", ["wq", "sw", "zw"], ["wd"]),
        helper.make_node("Mul", ["m1d", "wd"], ["p2"], name="mul2"),
        helper.make_node("QuantizeLinear", ["p2", "s2", "z2"], ["m2"]),
        helper.make_node("DequantizeLinear", ["m2", "s2", "z2"], ["y"]),
    ]
    g = helper.make_graph(
        n, "qmul",
        [helper.make_tensor_value_info("x", F, shape),
         helper.make_tensor_value_info("z", F, shape)],
        [helper.make_tensor_value_info("y", F, shape)], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    onnx.checker.check_model(m)
    onnx.save(m, os.path.join(out, "qmul.onnx"))
    k = np.arange(int(np.prod(shape)), dtype=np.float64)
    x = ((k * 37 % 101) / 25.0 - 2.0).astype(np.float32).reshape(shape)
    z = ((k * 53 % 89) / 22.0 - 2.0).astype(np.float32).reshape(shape)
    np.save(os.path.join(out, "qmul_x.npy"), x)
    np.save(os.path.join(out, "qmul_z.npy"), z)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__)))

"""Writes and dumps small .npy files for the edge-run lit tests, with the
standard library only (lit's Python need not have numpy).

  edge-run-npy.py write FILE DTYPE SHAPE VALUES
      DTYPE: f2 f4 f8 i1 u1 i2 i4 i8 u8 b1; SHAPE "2,3" ("" for a scalar);
      VALUES comma-separated (nan, inf, -inf allowed for floats)
  edge-run-npy.py write-pb FILE DTYPE SHAPE VALUES
      the same as an ONNX TensorProto (dims, data_type, raw_data)
  edge-run-npy.py dump FILE
      prints "DTYPE SHAPE: v0 v1 ..." (floats with %.6g)
"""
import ast
import struct
import sys

FORMATS = {"f2": "e", "f4": "f", "f8": "d", "i1": "b", "u1": "B",
           "i2": "h", "i4": "i", "i8": "q", "u8": "Q", "b1": "?"}


# ONNX TensorProto.DataType of each dtype.
ONNX_TYPES = {"f4": 1, "u1": 2, "i1": 3, "i2": 5, "i4": 6, "i8": 7,
              "b1": 9, "f2": 10, "f8": 11, "u8": 13}


def parse(dtype, shape, values):
    dims = tuple(int(d) for d in shape.split(",") if d)
    vals = [v for v in values.split(",") if v]
    if dtype[0] == "f":
        vals = [float(v) for v in vals]
    elif dtype == "b1":
        vals = [v not in ("0", "false") for v in vals]
    else:
        vals = [int(v) for v in vals]
    return dims, vals


def varint(n):
    out = b""
    while True:
        b = n & 0x7f
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def write_pb(path, dtype, shape, values):
    dims, vals = parse(dtype, shape, values)
    raw = struct.pack("<%d%s" % (len(vals), FORMATS[dtype]), *vals)
    msg = b"".join(b"\x08" + varint(d) for d in dims)
    msg += b"\x10" + varint(ONNX_TYPES[dtype])
    msg += b"\x4a" + varint(len(raw)) + raw
    with open(path, "wb") as f:
        f.write(msg)


def write(path, dtype, shape, values):
    dims, vals = parse(dtype, shape, values)
    fmt = FORMATS[dtype]
    shape_text = "(" + "".join("%d, " % d for d in dims).rstrip(" ")
    if len(dims) > 1:
        shape_text = shape_text.rstrip(",")
    shape_text += ")"
    descr = ("|" if dtype[1] == "1" else "<") + dtype
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (
        descr, shape_text)
    pad = 64 - (10 + len(header) + 1) % 64
    header += " " * pad + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00")
        f.write(struct.pack("<H", len(header)))
        f.write(header.encode("latin1"))
        f.write(struct.pack("<%d%s" % (len(vals), fmt), *vals))


def dump(path):
    with open(path, "rb") as f:
        data = f.read()
    major = data[6]
    if major == 1:
        hlen = struct.unpack("<H", data[8:10])[0]
        start = 10
    else:
        hlen = struct.unpack("<I", data[8:12])[0]
        start = 12
    header = ast.literal_eval(data[start:start + hlen].decode("latin1"))
    descr = header["descr"][1:]
    shape = header["shape"]
    count = 1
    for d in shape:
        count *= d
    body = data[start + hlen:]
    vals = struct.unpack("<%d%s" % (count, FORMATS[descr]), body)
    text = " ".join("%.6g" % v if descr[0] == "f" else str(int(v))
                    for v in vals)
    print("%s %s: %s" % (descr, "x".join(str(d) for d in shape), text))


def main():
    if len(sys.argv) == 6 and sys.argv[1] == "write":
        write(*sys.argv[2:])
    elif len(sys.argv) == 6 and sys.argv[1] == "write-pb":
        write_pb(*sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        sys.exit(__doc__)


main()

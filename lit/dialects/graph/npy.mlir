// .npy reading and writing (dialects/graph/npy.c) through edge-run:
// format versions 1.0 to 3.0 in, 1.0 out (a round trip), and bad files
// give an error naming the file.
//
// RUN: %python %S/Inputs/npy-write.py %t.v1.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }" 0000803f000000c00000404000008040
// RUN: %python %S/Inputs/npy-write.py %t.v2.npy 2 "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }" ffffffffffffffff02000000000000000000000000010000
// RUN: %python %S/Inputs/npy-write.py %t.v3.npy 3 "{'descr': '|b1', 'fortran_order': False, 'shape': (), }" 01
// RUN: edge-run --interpret %s --func f --input %t.v1.npy --input %t.v2.npy \
// RUN:   --input %t.v3.npy --print --output %t.o1.npy --output %t.o2.npy \
// RUN:   --output %t.o3.npy | FileCheck %s --check-prefix=READ
// READ:      result 0: 2x2xf32
// READ-NEXT:   [1, -2, 3, 4]
// READ-NEXT: result 1: 3xi64
// READ-NEXT:   [-1, 2, 1099511627776]
// READ-NEXT: result 2: bool
// READ-NEXT:   [true]
//
// What edge-run wrote reads back the same.
// RUN: edge-run --interpret %s --func f --input %t.o1.npy --input %t.o2.npy \
// RUN:   --input %t.o3.npy --check %t.v1.npy --check %t.v2.npy --check %t.v3.npy \
// RUN:   | FileCheck %s --check-prefix=BACK
// BACK:      result 0: ok (4 elements
// BACK-NEXT: result 1: ok (3 elements
// BACK-NEXT: result 2: ok (1 elements
//
// RUN: %python %S/Inputs/npy-write.py %t.trunc.npy 1 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }" 0000803f000000c00000404000008040 130
// RUN: not edge-run --interpret %s --func g --input %t.trunc.npy 2>&1 | FileCheck %s --check-prefix=TRUNC
// TRUNC: error: '{{.*}}trunc.npy': truncated data
//
// RUN: %python %S/Inputs/npy-write.py %t.fort.npy 1 "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }" 0000803f000000c00000404000008040
// RUN: not edge-run --interpret %s --func g --input %t.fort.npy 2>&1 | FileCheck %s --check-prefix=FORT
// FORT: error: '{{.*}}fort.npy': Fortran-order data is unsupported
//
// RUN: %python %S/Inputs/npy-write.py %t.big.npy 1 "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }" 3f800000c00000004040000040800000
// RUN: not edge-run --interpret %s --func g --input %t.big.npy 2>&1 | FileCheck %s --check-prefix=BIG
// BIG: error: '{{.*}}big.npy': big-endian data is unsupported
//
// RUN: %python %S/Inputs/npy-write.py %t.v4.npy 4 "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }" 0000803f000000c00000404000008040
// RUN: not edge-run --interpret %s --func g --input %t.v4.npy 2>&1 | FileCheck %s --check-prefix=V4
// V4: error: '{{.*}}v4.npy': unsupported .npy format version 4.0
//
// RUN: %python %S/Inputs/npy-write.py %t.obj.npy 1 "{'descr': '|O', 'fortran_order': False, 'shape': (2, 2), }" 00
// RUN: not edge-run --interpret %s --func g --input %t.obj.npy 2>&1 | FileCheck %s --check-prefix=OBJ
// OBJ: error: '{{.*}}obj.npy': unsupported 'descr' in the header

func.func @f(%a: tensor<2x2xf32>, %b: tensor<3xi64>, %c: tensor<i1>)
    -> (tensor<2x2xf32>, tensor<3xi64>, tensor<i1>) {
  func.return %a, %b, %c : tensor<2x2xf32>, tensor<3xi64>, tensor<i1>
}

func.func @g(%a: tensor<2x2xf32>) -> tensor<2x2xf32> {
  func.return %a : tensor<2x2xf32>
}

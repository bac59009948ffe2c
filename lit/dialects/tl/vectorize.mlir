// The vectorize knob of tl-to-loops: vectorize.<site> in {1, 4, 8, 16}
// (default 1), asked only for an op whose innermost loop can run on
// vectors: unit-stride or invariant accesses, elementwise arith/math,
// stores that are unit-stride or a reduction into one element. The
// vector loop runs up to hi - (hi - lo) mod W, a scalar loop does the
// rest (none when W divides a static trip count).
// RUN: edge-opt %s -tl-to-loops --list-knobs | FileCheck %s --check-prefix=SPACE
// RUN: edge-opt %s -tl-to-loops --knob 'vectorize.*=4' | FileCheck %s --check-prefix=W4
// RUN: edge-opt %s -tl-to-loops --knob 'vectorize.*=16' --knob 'interchange.mm=d0,d2,d1' | FileCheck %s --check-prefix=MM
// RUN: edge-opt %s -tl-to-loops --knob 'vectorize.*=8' --knob 'tile.relu.1=8' | edge-opt | FileCheck %s --check-prefix=TILED
// A width outside the domain is an error naming the knob; a site whose
// innermost loop cannot be vectorized has no vectorize knob to set.
// RUN: not edge-opt %s -tl-to-loops --knob 'vectorize.relu=2' 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not edge-opt %s -tl-to-loops --knob 'vectorize.mm=4' 2>&1 | FileCheck %s --check-prefix=NOSITE
// REQUIRES: mlir-opt
// RUN: edge-opt %s -tl-to-loops --knob 'vectorize.*=8' --knob 'interchange.mm=d0,d2,d1' | mlir-opt -convert-vector-to-llvm -convert-scf-to-cf -finalize-memref-to-llvm -convert-arith-to-llvm -convert-func-to-llvm -reconcile-unrealized-casts -o /dev/null

// The strided convolution is vectorizable along its innermost loop kw
// (the input's last index ow * 2 + kw and the filter's kw step by 1);
// the matmul in its default order (k innermost: B steps by 18) and
// @strided (the in steps by 2) are not.
// SPACE-NOT: "vectorize.mm"
// SPACE: "name": "vectorize.cv"
// SPACE-NEXT: "domain": {"kind": "set", "values": [1, 4, 8, 16]}
// SPACE-NEXT: "default": 1
// SPACE: "name": "vectorize.dot"
// SPACE: "name": "vectorize.imax"
// SPACE: "name": "vectorize.relu"
// SPACE-NOT: "vectorize.strided"

func.func @mm(%a: memref<4x10xf32>, %b: memref<10x18xf32>, %c: memref<4x18xf32>) {
  tl.matmul {name = "mm"} ins(%a, %b : memref<4x10xf32>, memref<10x18xf32>) outs(%c : memref<4x18xf32>)
  return
}

// n, f, oh, ow, c, kh, kw: kw is innermost (3 long: the vector loop
// never runs at W = 4, the scalar loop does everything).
func.func @cv(%x: memref<1x2x9x9xf32>, %w: memref<3x2x3x3xf32>, %y: memref<1x3x4x4xf32>) {
  tl.conv2d {name = "cv", strides = array<i64: 2, 2>} ins(%x, %w : memref<1x2x9x9xf32>, memref<3x2x3x3xf32>) outs(%y : memref<1x3x4x4xf32>)
  return
}

// Parallel: 3 rows of 17, relu; W = 4 leaves one element per row.
// W4-LABEL: func.func @relu
// W4-DAG: %[[C4:.*]] = arith.constant 4 : index
// W4-DAG: %[[C16:.*]] = arith.constant 16 : index
// W4-DAG: %[[C17:.*]] = arith.constant 17 : index
// W4-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// W4: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// W4-NEXT: scf.for %[[J:.*]] = %{{.*}} to %[[C16]] step %[[C4]] {
// W4-NEXT: %[[V:.*]] = vector.load %arg0[%[[I]], %[[J]]] : memref<3x17xf32>, vector<4xf32>
// W4-NEXT: %[[Z:.*]] = vector.broadcast %[[ZERO]] : f32 to vector<4xf32>
// W4-NEXT: %[[M:.*]] = arith.maximumf %[[V]], %[[Z]] : vector<4xf32>
// W4-NEXT: vector.store %[[M]], %arg1[%[[I]], %[[J]]] : memref<3x17xf32>, vector<4xf32>
// W4-NEXT: }
// W4-NEXT: scf.for %[[J2:.*]] = %[[C16]] to %[[C17]] step %{{.*}} {
// W4-NEXT: memref.load %arg0[%[[I]], %[[J2]]] : memref<3x17xf32>
func.func @relu(%a: memref<3x17xf32>, %c: memref<3x17xf32>) {
  tl.elementwise {kind = "relu", name = "relu"} ins(%a : memref<3x17xf32>) outs(%c : memref<3x17xf32>)
  return
}

// A reduction: partial sums in a vector (vector.fma of the product),
// added up with the out's value at the end, then the 1-element rest.
// W4-LABEL: func.func @dot
// W4: %[[ACC0:.*]] = memref.load %arg2[%[[I:.*]]] : memref<3xf32>
// W4-NEXT: %[[NZ:.*]] = arith.constant -0.000000e+00 : f32
// W4-NEXT: %[[INIT:.*]] = vector.broadcast %[[NZ]] : f32 to vector<4xf32>
// W4-NEXT: %[[R:.*]] = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[INIT]]) -> (vector<4xf32>) {
// W4-NEXT: %[[A:.*]] = vector.load %arg0[%[[I]], %[[K]]] : memref<3x13xf32>, vector<4xf32>
// W4-NEXT: %[[B:.*]] = vector.load %arg1[%[[K]]] : memref<13xf32>, vector<4xf32>
// W4-NEXT: %[[F:.*]] = vector.fma %[[A]], %[[B]], %[[ACC]] : vector<4xf32>
// W4-NEXT: scf.yield %[[F]] : vector<4xf32>
// W4-NEXT: }
// W4-NEXT: %[[S:.*]] = vector.reduction <add>, %[[R]], %[[ACC0]] fastmath<reassoc> : vector<4xf32> into f32
// W4-NEXT: memref.store %[[S]], %arg2[%[[I]]] : memref<3xf32>
// W4-NEXT: scf.for
#a = affine_map<(d0, d1) -> (d0, d1)>
#b = affine_map<(d0, d1) -> (d1)>
#c = affine_map<(d0, d1) -> (d0)>
func.func @dot(%a: memref<3x13xf32>, %b: memref<13xf32>, %c: memref<3xf32>) {
  tl.generic {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "reduction"], name = "dot"} ins(%a, %b : memref<3x13xf32>, memref<13xf32>) outs(%c : memref<3xf32>) {
  ^bb0(%x: f32, %y: f32, %acc: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %acc, %m : f32
    tl.yield %s : f32
  }
  return
}

// An integer reduction over i8 ins: sign extension on vectors, max.
// W4-LABEL: func.func @imax
// W4: arith.constant -2147483648 : i32
// W4: vector.load %arg0[%{{.*}}, %{{.*}}] : memref<3x12xi8>, vector<4xi8>
// W4-NEXT: arith.extsi %{{.*}} : vector<4xi8> to vector<4xi32>
// W4-NEXT: arith.maxsi %{{.*}}, %{{.*}} : vector<4xi32>
// W4: vector.reduction <maxsi>, %{{.*}}, %{{.*}} : vector<4xi32> into i32
// 12 is a multiple of 4: no scalar loop after it.
// W4-NOT: scf.for
// W4-LABEL: func.func @strided
func.func @imax(%a: memref<3x12xi8>, %c: memref<3xi32>) {
  tl.generic {indexing_maps = [#a, #c], iterator_types = ["parallel", "reduction"], name = "imax"} ins(%a : memref<3x12xi8>) outs(%c : memref<3xi32>) {
  ^bb0(%x: i8, %acc: i32):
    %e = arith.extsi %x : i8 to i32
    %s = arith.maxsi %acc, %e : i32
    tl.yield %s : i32
  }
  return
}

// The innermost loop reads every other element: no vectorize knob.
#s = affine_map<(d0, d1) -> (d0, d1 * 2)>
func.func @strided(%a: memref<3x16xf32>, %c: memref<3x8xf32>) {
  tl.generic {indexing_maps = [#s, #a], iterator_types = ["parallel", "parallel"], name = "strided"} ins(%a : memref<3x16xf32>) outs(%c : memref<3x8xf32>) {
  ^bb0(%x: f32, %o: f32):
    tl.yield %x : f32
  }
  return
}

// The matmul with n innermost: A[i, k] is invariant (broadcast), B and
// C unit-stride; C is read, updated and written per lane. W = 16 > 18 -
// 16: one vector step and 2 scalar iterations.
// MM-LABEL: func.func @mm
// MM: scf.for %[[J:.*]] = %{{.*}} to %c16 step %c16 {
// MM-NEXT: %[[A:.*]] = memref.load %arg0
// MM-NEXT: %[[B:.*]] = vector.load %arg1[{{.*}}] : memref<10x18xf32>, vector<16xf32>
// MM-NEXT: %[[C:.*]] = vector.load %arg2[{{.*}}] : memref<4x18xf32>, vector<16xf32>
// MM-NEXT: %[[AB:.*]] = vector.broadcast %[[A]] : f32 to vector<16xf32>
// MM-NEXT: %[[P:.*]] = arith.mulf %[[AB]], %[[B]] : vector<16xf32>
// MM-NEXT: %[[S:.*]] = arith.addf %[[C]], %[[P]] : vector<16xf32>
// MM-NEXT: vector.store %[[S]], %arg2[{{.*}}] : memref<4x18xf32>, vector<16xf32>
// MM: scf.for %{{.*}} = %c16 to %c18 step %c1 {

// Tiled by 8 (of 17: a partial last tile), then vectorized by 8: the
// vector loop's end is computed from the tile's bounds.
// TILED-LABEL: func.func @relu
// TILED: scf.for %[[T:.*]] = %c0 to %c17 step %c8 {
// TILED-NEXT: %[[E:.*]] = arith.addi %[[T]], %c8 : index
// TILED-NEXT: %[[HI:.*]] = arith.minsi %[[E]], %c17 : index
// TILED: %[[N:.*]] = arith.subi %[[HI]], %[[T]] : index
// TILED-NEXT: %[[R:.*]] = arith.remsi %[[N]], %c8 : index
// TILED-NEXT: %[[MAIN:.*]] = arith.subi %[[HI]], %[[R]] : index
// TILED-NEXT: scf.for %{{.*}} = %[[T]] to %[[MAIN]] step %c8 {
// TILED: vector<8xf32>
// TILED: scf.for %{{.*}} = %[[MAIN]] to %[[HI]] step %c1 {

// BAD: invalid value for knob 'vectorize.relu': value 2 is outside the domain {1, 4, 8, 16}
// NOSITE: unknown knob 'vectorize.mm': no such knob was asked in this run

// RUN: edge-opt %s -canonicalize --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: edge-opt %s -canonicalize=top-down=false --split-input-file --allow-unregistered-dialect | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s -canonicalize --split-input-file --allow-unregistered-dialect | FileCheck %s %}

// Folded constants are materialized, deduplicated and hoisted to the
// front of the function body; dead ops go.
// CHECK-LABEL: func.func @fold_chain
// CHECK-NEXT:    %[[C:.*]] = arith.constant 7 : i32
// CHECK-NEXT:    "foo.use"(%[[C]], %[[C]]) : (i32, i32) -> ()
// CHECK-NEXT:    return
func.func @fold_chain() {
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %c4 = arith.constant 4 : i32
  %0 = arith.addi %c1, %c2 : i32
  %1 = arith.addi %0, %c4 : i32
  %dead = arith.muli %1, %1 : i32
  %c7 = arith.constant 7 : i32
  "foo.use"(%1, %c7) : (i32, i32) -> ()
  return
}

// -----

// Constants used in nested regions are hoisted to the isolated parent.
// CHECK-LABEL: func.func @hoist
// CHECK-NEXT:    %[[C:.*]] = arith.constant 5 : i32
// CHECK-NEXT:    scf.if %arg0 {
// CHECK-NEXT:      "foo.use"(%[[C]]) : (i32) -> ()
// CHECK-NEXT:    }
// CHECK-NEXT:    "foo.use"(%[[C]]) : (i32) -> ()
func.func @hoist(%c: i1) {
  scf.if %c {
    %c5 = arith.constant 5 : i32
    "foo.use"(%c5) : (i32) -> ()
  }
  %c5b = arith.constant 5 : i32
  "foo.use"(%c5b) : (i32) -> ()
  return
}

// -----

// Identities fold to existing values.
// CHECK-LABEL: func.func @identity
// CHECK-NEXT:    return %arg0 : i32
func.func @identity(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %0 = arith.addi %a, %c0 : i32
  %1 = arith.muli %c1, %0 : i32
  return %1 : i32
}

// -----

// Region simplification: unreachable blocks go, and so do block
// arguments (and their branch operands) that nothing live uses.
// CHECK-LABEL: func.func @cfg
// CHECK:         cf.cond_br %arg1, ^bb1(%arg0 : i32), ^bb2
// CHECK-NEXT:  ^bb1(%[[P:.*]]: i32):
// CHECK-NEXT:    "foo.use"(%[[P]]) : (i32) -> ()
// CHECK-NEXT:    return
// CHECK-NEXT:  ^bb2:
// CHECK-NEXT:    "foo.use"(%arg0) : (i32) -> ()
// CHECK-NEXT:    return
// CHECK-NOT:   ^bb3
func.func @cfg(%a: i32, %c: i1) {
  %x = arith.addi %a, %a : i32
  cf.cond_br %c, ^bb1(%a, %x : i32, i32), ^bb2(%x : i32)
^bb1(%p: i32, %q: i32):
  "foo.use"(%p) : (i32) -> ()
  return
^bb2(%r: i32):
  "foo.use"(%a) : (i32) -> ()
  return
^bb3:
  %d = arith.muli %a, %a : i32
  cf.br ^bb1(%d, %d : i32, i32)
}

// -----

// A loop-carried value that feeds only itself is dead.
// CHECK-LABEL: func.func @loop
// CHECK:         cf.br ^bb1(%arg0 : i32)
// CHECK-NEXT:  ^bb1(%[[L:.*]]: i32):
// CHECK-NEXT:    "foo.use"(%[[L]]) : (i32) -> ()
// CHECK-NEXT:    cf.cond_br %arg1, ^bb1(%[[L]] : i32), ^bb2
func.func @loop(%a: i32, %c: i1) {
  cf.br ^bb1(%a, %a : i32, i32)
^bb1(%l: i32, %m: i32):
  %w = arith.addi %l, %m : i32
  "foo.use"(%l) : (i32) -> ()
  cf.cond_br %c, ^bb1(%l, %w : i32, i32), ^bb2
^bb2:
  return
}

// -----

// An unused op whose only effects are reads (or allocating its result)
// is dead, as in MLIR; a store is not.
// CHECK-LABEL: func.func @unused_reads
// CHECK-NOT: memref.load
// CHECK-NOT: memref.alloc
// CHECK: memref.store
// CHECK-NEXT: return
func.func @unused_reads(%m: memref<4xf32>, %i: index, %v: f32) {
  %x = memref.load %m[%i] : memref<4xf32>
  %a = memref.alloc() : memref<8xf32>
  memref.store %v, %m[%i] : memref<4xf32>
  return
}

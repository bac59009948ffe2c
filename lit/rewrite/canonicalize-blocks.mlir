// Block-level simplification of -canonicalize=region-simplify=aggressive
// (MLIR's simplifyRegions with mergeBlocks: mergeIdenticalBlocks,
// pruneRedundantArguments, dropRedundantArguments). The expected output is
// mlir-opt 19's; canonicalize-blocks-interop.mlir compares with it directly.
// RUN: edge-opt %s -canonicalize=region-simplify=aggressive | FileCheck %s
// RUN: edge-opt %s -canonicalize | FileCheck %s --check-prefix=NORMAL

// The default level (normal) merges nothing.
// NORMAL-LABEL: func.func @same_ops(
// NORMAL-NEXT:    cf.cond_br %arg0, ^bb1, ^bb2

// Identical blocks: merged, then cf patterns remove the branch.
// CHECK-LABEL: func.func @same_ops(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT:   %0 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT:   return %0 : i32
// CHECK-NEXT: }
func.func @same_ops(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = arith.addi %a, %b : i32
  return %x : i32
^bb2:
  %y = arith.addi %a, %b : i32
  return %y : i32
}

// Operands defined outside the blocks that differ become a new block
// argument of the leader.
// CHECK-LABEL: func.func @diff_operands(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) {
// CHECK-NEXT:   %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:   memref.store %0, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @diff_operands(%c: i1, %a: i32, %b: i32, %m: memref<i32>) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %a, %m[] : memref<i32>
  return
^bb2:
  memref.store %b, %m[] : memref<i32>
  return
}

// cf.switch predecessors get the new successor operands too.
// CHECK-LABEL: func.func @three_way(%arg0: i32, %arg1: i32, %arg2: i32, %arg3: i32, %arg4: memref<i32>) {
// CHECK-NEXT:   cf.switch %arg0 : i32, [
// CHECK-NEXT:     default: ^bb1(%arg1 : i32),
// CHECK-NEXT:     1: ^bb1(%arg2 : i32),
// CHECK-NEXT:     2: ^bb1(%arg3 : i32)
// CHECK-NEXT:   ]
// CHECK-NEXT: ^bb1(%0: i32):  // 3 preds: ^bb0, ^bb0, ^bb0
// CHECK-NEXT:   memref.store %0, %arg4[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @three_way(%f: i32, %a: i32, %b: i32, %d: i32, %m: memref<i32>) {
  cf.switch %f : i32, [
    default: ^bb1,
    1: ^bb2,
    2: ^bb3
  ]
^bb1:
  memref.store %a, %m[] : memref<i32>
  cf.br ^bb4
^bb2:
  memref.store %b, %m[] : memref<i32>
  cf.br ^bb4
^bb3:
  memref.store %d, %m[] : memref<i32>
  cf.br ^bb4
^bb4:
  return
}

// Block arguments used only inside the block.
// CHECK-LABEL: func.func @args(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) {
// CHECK-NEXT:   %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:   %1 = arith.muli %0, %0 : i32
// CHECK-NEXT:   memref.store %1, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @args(%c: i1, %a: i32, %b: i32, %m: memref<i32>) {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2(%b : i32)
^bb1(%x: i32):
  %x2 = arith.muli %x, %x : i32
  memref.store %x2, %m[] : memref<i32>
  return
^bb2(%y: i32):
  %y2 = arith.muli %y, %y : i32
  memref.store %y2, %m[] : memref<i32>
  return
}

// In-block operands must have the same position: not merged.
// CHECK-LABEL: func.func @internal_mismatch(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) {
// CHECK-NEXT:   cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT:   %0 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT:   %1 = arith.muli %0, %arg1 : i32
// CHECK-NEXT:   memref.store %1, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT:   %2 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT:   %3 = arith.muli %arg1, %2 : i32
// CHECK-NEXT:   memref.store %3, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @internal_mismatch(%c: i1, %a: i32, %b: i32, %m: memref<i32>) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = arith.addi %a, %b : i32
  %x2 = arith.muli %x, %a : i32
  memref.store %x2, %m[] : memref<i32>
  return
^bb2:
  %y = arith.addi %a, %b : i32
  %y2 = arith.muli %a, %y : i32
  memref.store %y2, %m[] : memref<i32>
  return
}

// dropRedundantArguments: every predecessor passes %a.
// CHECK-LABEL: func.func @redundant(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) -> i32 {
// CHECK-NEXT:   cf.cond_br %arg0, ^bb2, ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT:   memref.store %arg2, %arg3[] : memref<i32>
// CHECK-NEXT:   cf.br ^bb2
// CHECK-NEXT: ^bb2:  // 2 preds: ^bb0, ^bb1
// CHECK-NEXT:   %0 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT:   return %0 : i32
// CHECK-NEXT: }
func.func @redundant(%c: i1, %a: i32, %b: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb2:
  memref.store %b, %m[] : memref<i32>
  cf.br ^bb1(%a : i32)
^bb1(%v: i32):
  %r = arith.addi %v, %b : i32
  return %r : i32
}

// A loop: nothing to merge.
// CHECK-LABEL: func.func @loop(%arg0: index, %arg1: memref<index>) {
// CHECK-NEXT:   %c0 = arith.constant 0 : index
// CHECK-NEXT:   %c1 = arith.constant 1 : index
// CHECK-NEXT:   cf.br ^bb1(%c0 : index)
// CHECK-NEXT: ^bb1(%0: index):  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT:   %1 = arith.cmpi slt, %0, %arg0 : index
// CHECK-NEXT:   cf.cond_br %1, ^bb2, ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT:   memref.store %0, %arg1[] : memref<index>
// CHECK-NEXT:   %2 = arith.addi %0, %c1 : index
// CHECK-NEXT:   cf.br ^bb1(%2 : index)
// CHECK-NEXT: ^bb3:  // pred: ^bb1
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @loop(%n: index, %m: memref<index>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^hdr(%c0 : index)
^hdr(%i: index):
  %lt = arith.cmpi slt, %i, %n : index
  cf.cond_br %lt, ^body, ^exit
^body:
  memref.store %i, %m[] : memref<index>
  %i1 = arith.addi %i, %c1 : index
  cf.br ^hdr(%i1 : index)
^exit:
  return
}

// Blocks of a nested region are merged too.
// CHECK-LABEL: func.func @nested(%arg0: i1, %arg1: f32, %arg2: f32, %arg3: memref<f32>) {
// CHECK-NEXT:   %0 = arith.select %arg0, %arg1, %arg2 : f32
// CHECK-NEXT:   memref.store %0, %arg3[] : memref<f32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @nested(%c: i1, %a: f32, %b: f32, %m: memref<f32>) {
  scf.execute_region {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    memref.store %a, %m[] : memref<f32>
    scf.yield
  ^bb2:
    memref.store %b, %m[] : memref<f32>
    scf.yield
  }
  return
}

// Blocks merged, then the result is used by the merged block only.
// CHECK-LABEL: func.func @ext_use(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) -> i32 {
// CHECK-NEXT:   %0 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT:   memref.store %0, %arg3[] : memref<i32>
// CHECK-NEXT:   return %arg1 : i32
// CHECK-NEXT: }
func.func @ext_use(%c: i1, %a: i32, %b: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = arith.addi %a, %b : i32
  memref.store %x, %m[] : memref<i32>
  cf.br ^bb3
^bb2:
  %y = arith.addi %a, %b : i32
  memref.store %y, %m[] : memref<i32>
  cf.br ^bb3
^bb3:
  return %a : i32
}

// Three blocks, two mismatched operand positions.
// CHECK-LABEL: func.func @two_args_partial(%arg0: i1, %arg1: i1, %arg2: i32, %arg3: i32, %arg4: i32, %arg5: memref<i32>) {
// CHECK-NEXT:   cf.cond_br %arg0, ^bb2(%arg2, %arg4 : i32, i32), ^bb1
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT:   cf.cond_br %arg1, ^bb2(%arg3, %arg4 : i32, i32), ^bb2(%arg2, %arg3 : i32, i32)
// CHECK-NEXT: ^bb2(%0: i32, %1: i32):  // 3 preds: ^bb0, ^bb1, ^bb1
// CHECK-NEXT:   memref.store %0, %arg5[] : memref<i32>
// CHECK-NEXT:   memref.store %1, %arg5[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @two_args_partial(%c: i1, %d: i1, %a: i32, %b: i32, %e: i32, %m: memref<i32>) {
  cf.cond_br %c, ^bb1, ^bb0b
^bb0b:
  cf.cond_br %d, ^bb2, ^bb3
^bb1:
  memref.store %a, %m[] : memref<i32>
  memref.store %e, %m[] : memref<i32>
  return
^bb2:
  memref.store %b, %m[] : memref<i32>
  memref.store %e, %m[] : memref<i32>
  return
^bb3:
  memref.store %a, %m[] : memref<i32>
  memref.store %b, %m[] : memref<i32>
  return
}

// Case operands (case_operand_segments) are updated.
// CHECK-LABEL: func.func @switch_cases(%arg0: i32, %arg1: i32, %arg2: i32, %arg3: memref<i32>) {
// CHECK-NEXT:   cf.switch %arg0 : i32, [
// CHECK-NEXT:     default: ^bb1(%arg1 : i32),
// CHECK-NEXT:     4: ^bb2,
// CHECK-NEXT:     5: ^bb1(%arg2 : i32)
// CHECK-NEXT:   ]
// CHECK-NEXT: ^bb1(%0: i32):  // 2 preds: ^bb0, ^bb0
// CHECK-NEXT:   memref.store %0, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT:   memref.store %arg2, %arg3[] : memref<i32>
// CHECK-NEXT:   memref.store %arg1, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @switch_cases(%f: i32, %a: i32, %b: i32, %m: memref<i32>) {
  cf.switch %f : i32, [
    default: ^bb1(%a : i32),
    4: ^bb2(%b, %a : i32, i32),
    5: ^bb3
  ]
^bb1(%x: i32):
  memref.store %x, %m[] : memref<i32>
  return
^bb2(%y: i32, %y2: i32):
  memref.store %y, %m[] : memref<i32>
  memref.store %y2, %m[] : memref<i32>
  return
^bb3:
  memref.store %b, %m[] : memref<i32>
  return
}

// pruneRedundantArguments: the two new arguments always carry the same value.
// CHECK-LABEL: func.func @prune(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) -> i32 {
// CHECK-NEXT:   %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:   memref.store %0, %arg3[] : memref<i32>
// CHECK-NEXT:   return %0 : i32
// CHECK-NEXT: }
func.func @prune(%c: i1, %a: i32, %b: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %a, %m[] : memref<i32>
  return %a : i32
^bb2:
  memref.store %b, %m[] : memref<i32>
  return %b : i32
}

// Here they do not: only one position differs.
// CHECK-LABEL: func.func @no_prune(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) -> i32 {
// CHECK-NEXT:   %0 = arith.select %arg0, %arg1, %arg2 : i32
// CHECK-NEXT:   memref.store %0, %arg3[] : memref<i32>
// CHECK-NEXT:   return %arg1 : i32
// CHECK-NEXT: }
func.func @no_prune(%c: i1, %a: i32, %b: i32, %m: memref<i32>) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %a, %m[] : memref<i32>
  return %a : i32
^bb2:
  memref.store %b, %m[] : memref<i32>
  return %a : i32
}

// Different attributes: not merged.
// CHECK-LABEL: func.func @attr_differs(%arg0: i1, %arg1: i32, %arg2: i32) -> i32 {
// CHECK-NEXT:   cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT:   %0 = arith.addi %arg1, %arg2 overflow<nsw> : i32
// CHECK-NEXT:   return %0 : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT:   %1 = arith.addi %arg1, %arg2 : i32
// CHECK-NEXT:   return %1 : i32
// CHECK-NEXT: }
func.func @attr_differs(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %x = arith.addi %a, %b overflow<nsw> : i32
  return %x : i32
^bb2:
  %y = arith.addi %a, %b : i32
  return %y : i32
}

// Different operand types: not merged.
// CHECK-LABEL: func.func @types_differ(%arg0: i1, %arg1: i32, %arg2: i64, %arg3: memref<i32>, %arg4: memref<i64>) {
// CHECK-NEXT:   cf.cond_br %arg0, ^bb1, ^bb2
// CHECK-NEXT: ^bb1:  // pred: ^bb0
// CHECK-NEXT:   memref.store %arg1, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT:   memref.store %arg2, %arg4[] : memref<i64>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @types_differ(%c: i1, %a: i32, %b: i64, %m: memref<i32>, %n: memref<i64>) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  memref.store %a, %m[] : memref<i32>
  return
^bb2:
  memref.store %b, %n[] : memref<i64>
  return
}

// A loop-invariant block argument is dropped.
// CHECK-LABEL: func.func @redundant_loop(%arg0: index, %arg1: index, %arg2: memref<index>) {
// CHECK-NEXT:   %c0 = arith.constant 0 : index
// CHECK-NEXT:   cf.br ^bb1(%c0 : index)
// CHECK-NEXT: ^bb1(%0: index):  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT:   %1 = arith.cmpi slt, %0, %arg0 : index
// CHECK-NEXT:   cf.cond_br %1, ^bb2, ^bb3
// CHECK-NEXT: ^bb2:  // pred: ^bb1
// CHECK-NEXT:   memref.store %0, %arg2[] : memref<index>
// CHECK-NEXT:   %2 = arith.addi %0, %arg1 : index
// CHECK-NEXT:   cf.br ^bb1(%2 : index)
// CHECK-NEXT: ^bb3:  // pred: ^bb1
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @redundant_loop(%n: index, %s: index, %m: memref<index>) {
  %c0 = arith.constant 0 : index
  cf.br ^hdr(%c0, %s : index, index)
^hdr(%i: index, %st: index):
  %lt = arith.cmpi slt, %i, %n : index
  cf.cond_br %lt, ^body, ^exit
^body:
  memref.store %i, %m[] : memref<index>
  %i1 = arith.addi %i, %st : index
  cf.br ^hdr(%i1, %s : index, index)
^exit:
  return
}

// Blocks holding ops with non-empty regions are not merged (the branch folds
// away by other patterns).
// CHECK-LABEL: func.func @region_blocks(%arg0: i1, %arg1: i32, %arg2: i32, %arg3: memref<i32>) {
// CHECK-NEXT:   memref.store %arg1, %arg3[] : memref<i32>
// CHECK-NEXT:   return
// CHECK-NEXT: }
func.func @region_blocks(%c: i1, %a: i32, %b: i32, %m: memref<i32>) {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  scf.execute_region {
    memref.store %a, %m[] : memref<i32>
    scf.yield
  }
  return
^bb2:
  scf.execute_region {
    memref.store %a, %m[] : memref<i32>
    scf.yield
  }
  return
}

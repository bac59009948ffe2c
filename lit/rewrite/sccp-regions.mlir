// RUN: edge-opt %s -sccp | FileCheck %s
// sccp through the region-branch hooks of scf.index_switch,
// scf.execute_region and scf.while. The output is mlir-opt -sccp's:
// lit/rewrite/sccp-regions-interop.mlir compares the two. (MLIR 19's
// scf.execute_region declares no memory effects, so it stays even when
// its results are all constants.)

// A constant argument enters one case only: its yield is the result.
// CHECK-LABEL: func.func @switch_const
// CHECK-NOT:     scf.index_switch
// CHECK:         return %c3_i32 : i32
func.func @switch_const(%x: i32) -> i32 {
  %c5 = arith.constant 5 : index
  %c1 = arith.constant 1 : i32
  %c2 = arith.constant 2 : i32
  %r = scf.index_switch %c5 -> i32
  case 2 {
    scf.yield %x : i32
  }
  case 5 {
    %s = arith.addi %c1, %c2 : i32
    scf.yield %s : i32
  }
  default {
    scf.yield %c1 : i32
  }
  return %r : i32
}

// No case matches: the default region runs.
// CHECK-LABEL: func.func @switch_default
// CHECK-NOT:     scf.index_switch
// CHECK:         return %c4_i32 : i32
func.func @switch_default(%x: i32) -> i32 {
  %c7 = arith.constant 7 : index
  %c4 = arith.constant 4 : i32
  %r = scf.index_switch %c7 -> i32
  case 2 {
    scf.yield %x : i32
  }
  default {
    scf.yield %c4 : i32
  }
  return %r : i32
}

// An unknown argument: every region runs; the same constant from all of
// them is still a constant, different ones are not.
// CHECK-LABEL: func.func @switch_unknown
// CHECK:         %[[R:.*]]:2 = scf.index_switch %arg0
// CHECK:         case 1 {
// CHECK-NEXT:      scf.yield %c3_i32, %c4_i32 : i32, i32
// CHECK:         return %c3_i32, %[[R]]#1 : i32, i32
func.func @switch_unknown(%i: index, %x: i32) -> (i32, i32) {
  %c3 = arith.constant 3 : i32
  %c4 = arith.constant 4 : i32
  %r:2 = scf.index_switch %i -> i32, i32
  case 0 {
    scf.yield %c3, %c3 : i32, i32
  }
  case 1 {
    %one = arith.constant 1 : i32
    %t = arith.addi %one, %one : i32
    %u = arith.addi %t, %one : i32
    scf.yield %u, %c4 : i32, i32
  }
  default {
    scf.yield %c3, %x : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}

// scf.execute_region: the results are what the region yields, from any
// of its blocks that run.
// CHECK-LABEL: func.func @execute_region
// CHECK:         scf.execute_region
// CHECK:         scf.execute_region
// CHECK:         return %c2_i32, %c8_i32 : i32, i32
func.func @execute_region(%x: i32) -> (i32, i32) {
  %true = arith.constant true
  %c1 = arith.constant 1 : i32
  %c8 = arith.constant 8 : i32
  %r = scf.execute_region -> i32 {
    %s = arith.addi %c1, %c1 : i32
    scf.yield %s : i32
  }
  %q = scf.execute_region -> i32 {
    cf.cond_br %true, ^bb1, ^bb2
  ^bb1:
    scf.yield %c8 : i32
  ^bb2:
    scf.yield %x : i32
  }
  return %r, %q : i32, i32
}

// scf.while whose condition is false at once: the results are the inits
// and the do region never runs.
// CHECK-LABEL: func.func @while_false
// CHECK-NOT:     scf.while
// CHECK-NOT:     arith.addi
// CHECK:         return %c6_i32 : i32
func.func @while_false(%x: i32) -> i32 {
  %false = arith.constant false
  %c6 = arith.constant 6 : i32
  %r = scf.while (%a = %c6) : (i32) -> i32 {
    scf.condition(%false) %a : i32
  } do {
  ^bb0(%b: i32):
    %n = arith.addi %b, %x : i32
    scf.yield %n : i32
  }
  return %r : i32
}

// A loop carrying a value that never changes, and one that does.
// CHECK-LABEL: func.func @while_loop
// CHECK:         %[[W:.*]]:2 = scf.while
// CHECK:         scf.condition(%arg0) %c6_i32, %arg3 : i32, i32
// CHECK:         scf.yield %c6_i32, %{{.*}} : i32, i32
// CHECK:         return %c6_i32, %[[W]]#1 : i32, i32
func.func @while_loop(%c: i1, %x: i32) -> (i32, i32) {
  %c6 = arith.constant 6 : i32
  %c0 = arith.constant 0 : i32
  %r:2 = scf.while (%a = %c6, %b = %c6) : (i32, i32) -> (i32, i32) {
    scf.condition(%c) %a, %b : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    %p2 = arith.addi %p, %c0 : i32
    %q2 = arith.addi %q, %x : i32
    scf.yield %p2, %q2 : i32, i32
  }
  return %r#0, %r#1 : i32, i32
}

// Nested: a loop in the picked case of a switch inside an execute_region.
// CHECK-LABEL: func.func @nested
// CHECK:         scf.execute_region -> i32 {
// CHECK-NEXT:      scf.yield %c9_i32 : i32
// CHECK-NEXT:    }
// CHECK-NEXT:    return %c9_i32 : i32
func.func @nested(%n: index) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c9 = arith.constant 9 : i32
  %r = scf.execute_region -> i32 {
    %s = scf.index_switch %c1 -> i32
    case 1 {
      %f = scf.for %i = %c0 to %n step %c1 iter_args(%a = %c9) -> i32 {
        scf.yield %a : i32
      }
      scf.yield %f : i32
    }
    default {
      %z = arith.constant 0 : i32
      scf.yield %z : i32
    }
    scf.yield %s : i32
  }
  return %r : i32
}

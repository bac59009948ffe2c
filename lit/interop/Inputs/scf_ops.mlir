// scf dialect custom forms: for (with and without iter_args, integer
// bounds), if (with and without results/else), while/condition,
// execute_region, index_switch, parallel/reduce (forall: scf_forall.mlir).
func.func @loops(%lb: index, %ub: index, %st: index, %init: f32,
                 %n: i32) -> f32 {
  scf.for %i = %lb to %ub step %st {
    %0 = arith.addi %i, %i : index
  }
  %sum = scf.for %i = %lb to %ub step %st iter_args(%acc = %init) -> (f32) {
    %1 = arith.addf %acc, %acc : f32
    scf.yield %1 : f32
  }
  %r:2 = scf.for %i = %lb to %ub step %st iter_args(%a = %init, %b = %lb)
      -> (f32, index) {
    scf.yield %a, %b : f32, index
  }
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %ri = scf.for %j = %c0 to %n step %c1 iter_args(%k = %c0) -> (i32) : i32 {
    scf.yield %j : i32
  }
  return %sum : f32
}

func.func @ifs(%c: i1, %a: i32, %b: i32) -> i32 {
  scf.if %c {
    %0 = arith.addi %a, %b : i32
  }
  scf.if %c {
    %0 = arith.addi %a, %b : i32
  } else {
    %1 = arith.subi %a, %b : i32
  }
  %r = scf.if %c -> (i32) {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  %p:2 = scf.if %c -> (i32, i32) {
    scf.yield %a, %b : i32, i32
  } else {
    scf.yield %b, %a : i32, i32
  }
  return %r : i32
}

func.func @whiles(%init: i32, %lim: i32) -> i32 {
  %res = scf.while (%x = %init) : (i32) -> i32 {
    %cond = arith.cmpi slt, %x, %lim : i32
    scf.condition(%cond) %x : i32
  } do {
  ^bb0(%y: i32):
    %c1 = arith.constant 1 : i32
    %next = arith.addi %y, %c1 : i32
    scf.yield %next : i32
  }
  %r2:2 = scf.while (%a = %init, %b = %lim) : (i32, i32) -> (i32, i32) {
    %c = arith.cmpi ne, %a, %b : i32
    scf.condition(%c) %a, %b : i32, i32
  } do {
  ^bb0(%p: i32, %q: i32):
    scf.yield %q, %p : i32, i32
  }
  return %res : i32
}

func.func @regions(%i: index, %a: i32) -> i32 {
  %0 = scf.execute_region -> i32 {
    %c = arith.constant 1 : i32
    cf.br ^bb1(%c : i32)
  ^bb1(%x: i32):
    scf.yield %x : i32
  }
  %1 = scf.index_switch %i -> i32
  case 0 {
    scf.yield %a : i32
  }
  case 5 {
    %c2 = arith.constant 2 : i32
    scf.yield %c2 : i32
  }
  default {
    scf.yield %0 : i32
  }
  scf.index_switch %i
  case 1 {
    scf.yield
  }
  default {
  }
  return %1 : i32
}

func.func @parallel(%lb: index, %ub: index, %st: index, %init: f32) -> f32 {
  scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%st, %st) {
    %0 = arith.addi %i, %j : index
  }
  %r = scf.parallel (%i) = (%lb) to (%ub) step (%st) init (%init) -> f32 {
    %one = arith.constant 1.0 : f32
    scf.reduce(%one : f32) {
    ^bb0(%l: f32, %rr: f32):
      %s = arith.addf %l, %rr : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

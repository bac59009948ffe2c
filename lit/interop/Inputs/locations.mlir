// Locations of every kind, on ops, block arguments and function arguments,
// with and without aliases. Compared with --mlir-print-debuginfo.
#loc_alias = loc("aliased.mlir":10:20)
#loc_named = loc("named"(#loc_alias))
module {
  func.func @f(%a: i32 loc("arg.c":1:1), %b: i32 loc(unknown))
      -> i32 {
    %0 = arith.addi %a, %b : i32 loc("file.c":3:7)
    %1 = arith.muli %0, %0 : i32 loc(unknown)
    %2 = arith.subi %1, %0 : i32 loc("just a name")
    %3 = arith.andi %2, %1 : i32 loc("name"("inner.c":5:9))
    %4 = arith.ori %3, %2 : i32 loc(callsite("callee.c":1:2 at "caller.c":3:4))
    %5 = arith.xori %4, %3 : i32 loc(callsite("a"("x.c":1:1) at callsite("b.c":2:2 at "c.c":3:3)))
    %6 = arith.addi %5, %4 : i32 loc(fused["one.c":1:1, "two.c":2:2])
    %7 = arith.addi %6, %5 : i32 loc(fused<"metadata">["one.c":1:1, "n"])
    %8 = arith.addi %7, %6 : i32 loc(fused<{key = 1 : i32}>["three.c":3:3])
    %9 = arith.addi %8, %7 : i32 loc(#loc_alias)
    %10 = arith.addi %9, %8 : i32 loc(#loc_named)
    %11 = arith.addi %10, %9 : i32 loc("spaces and dots.c":100:200)
    %12 = arith.addi %11, %10 : i32
    %c = arith.cmpi eq, %a, %b : i32
    %13 = scf.if %c -> (i32) {
      scf.yield %12 : i32 loc("yield.c":1:1)
    } else {
      scf.yield %11 : i32
    } loc("if.c":2:2)
    cf.br ^bb1(%13 : i32) loc("br.c":1:1)
  ^bb1(%arg: i32 loc("blockarg.c":4:4)):
    return %arg : i32 loc(fused["ret.c":9:9, callsite("q"("r.c":1:1) at "s.c":2:2)])
  } loc("func.c":1:1)
} loc("module.c":0:0)

#map = affine_map<(d0)[s0] -> (d0 + s0)>        // attribute alias
!vec = vector<4xf32>                             // type alias
module {
  func.func @f(%arg0: i32) -> i32 {              // custom (pretty) form
    %0 = "arith.addi"(%arg0, %arg0) : (i32, i32) -> i32   // generic form
    return %0 : i32
  }
}
{-#
  dialect_resources: { builtin: { blob: "0x0400000001000000" } }
#-}

// func dialect custom forms: declarations, visibility, argument and result
// attributes, multiple results, calls, indirect calls, constants.
module {
  func.func private @decl(i32, f32) -> i64
  func.func private @decl_multi() -> (i32, f32)
  func.func nested @nested_vis() {
    return
  }
  func.func public @pub(%a: i32) -> i32 {
    return %a : i32
  }
  func.func private @arg_attrs(i32 {my.attr = 1 : i64}, f32 {my.unit})
    -> (i64 {my.res = "r"})
  func.func @named_args(%x: i32 {my.a}, %y: tensor<?xf32> {my.b = [1, 2]})
      -> (i32 {my.r0}, tensor<?xf32>) attributes {my.fn_attr = "f"} {
    return %x, %y : i32, tensor<?xf32>
  }
  func.func @fn_result_type() -> ((i32) -> i32) {
    %f = func.constant @pub : (i32) -> i32
    return %f : (i32) -> i32
  }
  func.func @calls(%a: i32, %x: f32) -> (i32, f32) {
    %0 = func.call @decl(%a, %x) : (i32, f32) -> i64
    %1:2 = call @decl_multi() : () -> (i32, f32)
    %2 = call @pub(%1#0) {my.call_attr} : (i32) -> i32
    %f = constant @pub : (i32) -> i32
    %3 = call_indirect %f(%2) : (i32) -> i32
    func.call @nested_vis() : () -> ()
    return %3, %1#1 : i32, f32
  }
  func.func @empty_body_result(%a: i32) -> i32 attributes {my.x = 1 : i32} {
    return %a : i32
  }
  func.func @varargs_like(%arg0: i32, %arg1: i32) {
    return
  }
  func.func @multi_block(%c: i1) -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    %0 = arith.constant 1 : i32
    return %0 : i32
  ^bb2:
    %1 = arith.constant 2 : i32
    return %1 : i32
  }
}

// Unregistered dialects (--allow-unregistered-dialect on both sides):
// opaque types and attributes, generic ops with properties, regions,
// successors, unusual names, and pretty-dialect attribute/type bodies.
#alias_attr = #foo.alias<"aliased", 3>
!alias_type = !foo.tensor<4 x f32>
module attributes {foo.a = #foo<"opaque body">, foo.b = #foo.dotted<1, [2]>,
                   foo.c = !foo<"opaque type">, foo.d = !foo.t<i32>,
                   foo.e = #foo.sym : i64, foo.f = #alias_attr,
                   foo.g = !alias_type} {
  func.func @types(%a: !foo.x, %b: !foo<"y">, %c: tensor<4x!foo.elt>,
                   %d: !foo.nested<!foo.x, #foo.a>) -> !foo.x {
    %0 = "foo.op"(%a, %b) : (!foo.x, !foo<"y">) -> !foo.x
    %1:2 = "foo.multi"() {attr = #foo.thing} : () -> (i32, !foo.x)
    %2 = "foo.props"(%0) <{p = 1 : i32, q = "s"}> {d = unit} : (!foo.x) -> i64
    "foo.region_op"() ({
      %3 = "foo.inner"() : () -> i32
      "foo.yield"(%3) : (i32) -> ()
    }, {
    ^bb0(%arg: i32):
      "foo.branch"(%arg)[^bb1] : (i32) -> ()
    ^bb1:
      "foo.yield"() : () -> ()
    }) : () -> ()
    "foo.graph"() ({
      "foo.use"(%late) : (i32) -> ()
      %late = "foo.def"() : () -> i32
    }) : () -> ()
    "foo.empty_region"() ({
    }) : () -> ()
    "foo.no_terminator"() ({
      %5 = "foo.x"() : () -> i32
    }) : () -> ()
    return %1#1 : !foo.x
  }
  func.func @cfg(%c: i1) {
    "foo.switch"(%c)[^bb1, ^bb2] : (i1) -> ()
  ^bb1:
    "foo.term"() : () -> ()
  ^bb2:
    return
  }
  "foo.top_level"() {kind = "standalone"} : () -> ()
}

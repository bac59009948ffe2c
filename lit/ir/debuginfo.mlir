// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-debuginfo | FileCheck %s
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s --check-prefix=LOCAL
// RUN: edge-opt %s --split-input-file --allow-unregistered-dialect --mlir-print-debuginfo | edge-opt --split-input-file --allow-unregistered-dialect --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s --check-prefix=LOCAL
// Locations with --mlir-print-debuginfo, as mlir-opt prints them: op
// locations become #loc aliases defined after the module (nested ones
// first, by depth), block argument locations print in place but still
// get an alias at the top, and the implicit module is at file:0:0.
// Location aliases used before their definition (the printed form) parse
// back.

// CHECK:      #[[ARG:loc[0-9]*]] = loc("arg.c":1:1)
// CHECK-NEXT: module {
// CHECK-NEXT:   "foo.a"() : () -> () loc(#[[FUSED:loc[0-9]*]])
// CHECK-NEXT:   "foo.b"() : () -> () loc(#[[NAME:loc[0-9]*]])
// CHECK-NEXT:   "foo.c"() : () -> () loc(#[[CALL:loc[0-9]*]])
// CHECK-NEXT:   "foo.d"() : () -> () loc(#[[UNK:loc[0-9]*]])
// CHECK-NEXT:   "foo.e"() : () -> () loc(#[[NM2:loc[0-9]*]])
// CHECK-NEXT:   "foo.f"() : () -> () loc(#[[META:loc[0-9]*]])
// CHECK-NEXT:   "foo.g"() ({
// CHECK-NEXT:   ^bb0(%arg0: i32 loc("arg.c":1:1)):
// CHECK-NEXT:     "foo.h"() : () -> () loc(#[[A:loc[0-9]*]])
// CHECK-NEXT:   }) : () -> () loc(#[[A]])
// CHECK-NEXT: } loc(#loc)
// CHECK-NEXT: #loc = loc("{{.*}}debuginfo.mlir":0:0)
// CHECK-NEXT: #[[A]] = loc("a.c":1:1)
// CHECK-NEXT: #loc2 = loc("b.c":2:2)
// CHECK-NEXT: #loc3 = loc("x.c":3:3)
// CHECK-NEXT: #[[UNK]] = loc(unknown)
// CHECK-NEXT: #[[NM2]] = loc("nm2")
// CHECK-NEXT: #[[FUSED]] = loc(fused[#[[A]], #loc2])
// CHECK-NEXT: #[[NAME]] = loc("nm"(#[[A]]))
// CHECK-NEXT: #[[CALL]] = loc(callsite(#loc3 at #[[A]]))
// CHECK-NEXT: #[[META]] = loc(fused<"meta">[#[[A]]])

// LOCAL:      module {
// LOCAL-NEXT:   "foo.a"() : () -> () loc(fused["a.c":1:1, "b.c":2:2])
// LOCAL-NEXT:   "foo.b"() : () -> () loc("nm"("a.c":1:1))
// LOCAL-NEXT:   "foo.c"() : () -> () loc(callsite("x.c":3:3 at "a.c":1:1))
// LOCAL-NEXT:   "foo.d"() : () -> () loc(unknown)
// LOCAL-NEXT:   "foo.e"() : () -> () loc("nm2")
// LOCAL-NEXT:   "foo.f"() : () -> () loc(fused<"meta">["a.c":1:1])
// LOCAL-NEXT:   "foo.g"() ({
// LOCAL-NEXT:   ^bb0(%arg0: i32 loc("arg.c":1:1)):
// LOCAL-NEXT:     "foo.h"() : () -> () loc("a.c":1:1)
// LOCAL-NEXT:   }) : () -> () loc("a.c":1:1)
// LOCAL-NEXT: } loc("{{.*}}debuginfo.mlir":0:0)

"foo.a"() : () -> () loc(fused["a.c":1:1, "b.c":2:2])
"foo.b"() : () -> () loc("nm"("a.c":1:1))
"foo.c"() : () -> () loc(callsite("x.c":3:3 at "a.c":1:1))
"foo.d"() : () -> () loc(unknown)
"foo.e"() : () -> () loc("nm2")
"foo.f"() : () -> () loc(fused<"meta">["a.c":1:1])
"foo.g"() ({
^bb0(%a : i32 loc("arg.c":1:1)):
  "foo.h"() : () -> () loc("a.c":1:1)
}) : () -> () loc("a.c":1:1)

// -----

// Aliases defined after their use (as printed) resolve; a fused
// location names aliases defined before it.
// CHECK:        func.func @f(%arg0: i32 loc("in.c":1:2)) {
// CHECK-NEXT:     return loc(#[[R:loc[0-9]*]])
// CHECK-NEXT:   } loc(#[[F:loc[0-9]*]])
// CHECK:      #[[F]] = loc("in.c":1:1)
// CHECK:      #[[R]] = loc(fused[#{{loc[0-9]*}}, #{{loc[0-9]*}}])
module {
  func.func @f(%a: i32 loc(#arg)) {
    return loc(#ret)
  } loc(#fn)
} loc(#mod)
#arg = loc("in.c":1:2)
#fn = loc("in.c":1:1)
#r1 = loc("in.c":2:1)
#r2 = loc("other.c":9:9)
#ret = loc(fused[#r1, #r2])
#mod = loc(unknown)

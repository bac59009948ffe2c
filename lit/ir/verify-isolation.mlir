// RUN: edge-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect
// Regions of ops isolated from above see no outside values.

%a = "test.def"() : () -> i32
// expected-note@+1 {{required by region isolation constraints}}
func.func @f() {
  // expected-error@+1 {{'test.use' op using value defined outside the region}}
  "test.use"(%a) : (i32) -> ()
  return
}

// A tl.generic body must end with tl.yield (reachable with an unregistered
// terminator only: registered terminators check their parent first).
// RUN: edge-opt %s --allow-unregistered-dialect --verify-diagnostics

#id = affine_map<(d0) -> (d0)>
func.func @terminator(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects the body to end with 'tl.yield'}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    "test.term"(%x) : (f32) -> ()
  }
  return
}

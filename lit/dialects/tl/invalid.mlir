// tl verifier messages: tl.generic, tl.yield and the checks every
// structured op shares.
// RUN: edge-opt %s --split-input-file --verify-diagnostics

#id = affine_map<(d0) -> (d0)>

func.func @no_outs(%a: tensor<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects at least one out}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) {
  ^bb0(%x: f32):
    tl.yield
  }
  return
}

// -----

#s = affine_map<() -> ()>
func.func @too_many_operands(%a: f32, %b: memref<f32>) {
  // expected-error@+1 {{'tl.generic' op supports at most 16 operands}}
  tl.generic {indexing_maps = [#s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s, #s], iterator_types = []} ins(%a, %a, %a, %a, %a, %a, %a, %a, %a, %a, %a, %a, %a, %a, %a, %a : f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32) outs(%b : memref<f32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @vector_in(%a: vector<4xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects in #0 to be a ranked tensor or memref or a scalar}}
  %0 = tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : vector<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  } -> tensor<4xf32>
  return
}

// -----

#s = affine_map<() -> ()>
func.func @scalar_out(%a: f32) {
  // expected-error@+1 {{'tl.generic' op expects out #0 to be a ranked tensor or memref}}
  tl.generic {indexing_maps = [#s], iterator_types = []} outs(%a : f32) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @mixed(%a: tensor<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects all shaped operands to be tensors or all to be memrefs}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @memref_results(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects no results on memrefs, got 1}}
  %0 = tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  } -> tensor<4xf32>
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @tensor_no_results(%a: tensor<4xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects one result per tensor out (1), got 0}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @result_type(%a: tensor<4xf32>, %b: tensor<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects result #0 to have the type of out #0}}
  %0 = tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  } -> tensor<5xf32>
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @iterator(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects 'iterator_types' to be an array of "parallel" or "reduction" strings}}
  tl.generic {indexing_maps = [#id], iterator_types = ["window"]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @too_many_loops(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op supports at most 16 loops}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @maps_kind(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects 'indexing_maps' to be an array of affine maps}}
  tl.generic {indexing_maps = ["d0"], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @map_count(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects as many indexing maps (1) as operands (2)}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @map_dims(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects indexing map #0 to have 1 dimensions (one per iterator type), got 2}}
  tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @map_symbols(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects indexing map #0 to have no symbols}}
  tl.generic {indexing_maps = [affine_map<(d0)[s0] -> (d0)>], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @map_results(%a: memref<4x4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects indexing map #0 to have 2 results (the rank of operand #0), got 1}}
  tl.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%a : memref<4x4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @bound_mismatch(%a: memref<4xf32>, %b: memref<5xf32>) {
  // expected-error@+1 {{'tl.generic' op inferred loop bound mismatch: d0 is 4 in operand #0 and 5 in operand #1}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<5xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @bounds_kind(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects 'loop_bounds' to be an array<i64> with one entry per loop}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"], loop_bounds = array<i64: 4, 4>} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @bounds_negative(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects 'loop_bounds' entries to be positive sizes or 0 (derived from shapes)}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"], loop_bounds = array<i64: -1>} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @bounds_mismatch(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op inferred loop bound mismatch: d0 is 3 in 'loop_bounds' and 4 from the operands}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"], loop_bounds = array<i64: 3>} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @underived(%a: memref<8xf32>, %b: memref<6xf32>) {
  // expected-error@+1 {{'tl.generic' op expects loop dimension d1 to appear alone in some indexing map result or to have a 'loop_bounds' entry}}
  tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : memref<8xf32>) outs(%b : memref<6xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @out_of_bounds(%a: memref<8xf32>, %b: memref<6xf32>) {
  // expected-error@+1 {{'tl.generic' op expects operand #0 to be accessed in bounds: dimension 0 is indexed up to 8 but has size 8}}
  tl.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 + d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"], loop_bounds = array<i64: 0, 4>} ins(%a : memref<8xf32>) outs(%b : memref<6xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

func.func @out_map(%a: memref<4xf32>, %b: memref<4x4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects the indexing map of out #0 to be a projected permutation (distinct plain dimensions)}}
  tl.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0, d0)>], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4x4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @body_args(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects the body to have 2 arguments (one per operand), got 1}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @body_arg_type(%a: memref<4xi8>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects body argument #0 to have type i8 (the element type of operand #0), got f32}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xi8>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @yield_count(%a: memref<4xf32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects 'tl.yield' to yield 1 values (one per out), got 2}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xf32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    tl.yield %x, %y : f32, f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @yield_type(%a: memref<4xi32>, %b: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects yielded value #0 to have type f32 (the element type of out #0), got i32}}
  tl.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%a : memref<4xi32>) outs(%b : memref<4xf32>) {
  ^bb0(%x: i32, %y: f32):
    tl.yield %x : i32
  }
  return
}

// -----

func.func @yield_parent(%a: f32) -> f32 {
  %r = scf.execute_region -> f32 {
    // expected-error@+1 {{'tl.yield' op expects parent op 'tl.generic'}}
    tl.yield %a : f32
  }
  return %r : f32
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @missing_attr(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op requires attribute 'iterator_types'}}
  tl.generic {indexing_maps = [#id]} outs(%a : memref<4xf32>) {
  ^bb0(%x: f32):
    tl.yield %x : f32
  }
  return
}

// -----

#id = affine_map<(d0) -> (d0)>
func.func @empty_body(%a: memref<4xf32>) {
  // expected-error@+1 {{'tl.generic' op expects a body block}}
  tl.generic {indexing_maps = [#id], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  }
  return
}

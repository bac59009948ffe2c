// The use of the resource docs/ir.md shows ("Resources"); lit/docs/ir-doc.test
// appends the page's resource section to it.
func.func @f() -> tensor<1xi32> {
  %0 = arith.constant dense_resource<key> : tensor<1xi32>
  return %0 : tensor<1xi32>
}

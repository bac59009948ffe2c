// Corner cases mlir-opt prints and reads back: an empty dense_resource
// blob (printed with alignment 0), escapes in location file names.
module {
  func.func private @f() attributes {
    empty = dense_resource<blob_empty> : tensor<0xi8>,
    l = loc("spaces and \"quotes\".c":100:200)
  } loc("quote\"d.c":1:2)
}

{-#
  dialect_resources: {
    builtin: {
      blob_empty: "0x01000000"
    }
  }
#-}

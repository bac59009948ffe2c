// --allow-unregistered-dialect and --no-implicit-module.
// RUN: not edge-opt %s 2>&1 | FileCheck %s --check-prefix=UNREG
// RUN: edge-opt --allow-unregistered-dialect %s | FileCheck %s --check-prefix=IMPLICIT
// RUN: edge-opt --allow-unregistered-dialect --no-implicit-module %s | FileCheck %s --check-prefix=EXPLICIT
// RUN: printf '"my.a"() : () -> ()\n"my.b"() : () -> ()\n' | not edge-opt --allow-unregistered-dialect --no-implicit-module 2>&1 | FileCheck %s --check-prefix=TWO

// UNREG: module-flags.mlir:[[#@LINE+13]]:{{[0-9]+}}: error: {{.*}}unregistered dialect

// IMPLICIT:      module {
// IMPLICIT-NEXT:   "my.op"() ({
// IMPLICIT-NEXT:   }) : () -> ()
// IMPLICIT-NEXT: }

// EXPLICIT-NOT:  module
// EXPLICIT:      "my.op"() ({
// EXPLICIT-NEXT: }) : () -> ()

// TWO: error: source must contain a single top-level operation, found: 2

"my.op"() ({
}) : () -> ()

# Lit configuration of the standalone dialect's own tests. Run with
#   lit.py -D edge_opt=/prefix/bin/edge-opt -D plugin=/build/libstandalone.so \
#          -D filecheck=/usr/lib/llvm-19/bin/FileCheck [-D exec_root=DIR] \
#          docs/examples/standalone-dialect/test
import os
import tempfile
import lit.formats

config.name = "standalone-dialect"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.test_source_root = os.path.dirname(__file__)
# Outputs go outside the source tree (-D exec_root=DIR to choose where).
config.test_exec_root = lit_config.params.get(
    "exec_root", os.path.join(tempfile.gettempdir(), "standalone-dialect-lit"))

params = lit_config.params
edge_opt = params.get("edge_opt", "edge-opt")
plugin = params.get("plugin", "libstandalone.so")
filecheck = params.get("filecheck", "FileCheck")
# %opt: edge-opt with the dialect and its passes loaded.
config.substitutions.append(
    ("%opt", "%s --load-dialect-plugin=%s --load-pass-plugin=%s"
     % (edge_opt, plugin, plugin)))
config.substitutions.append(("FileCheck", filecheck))

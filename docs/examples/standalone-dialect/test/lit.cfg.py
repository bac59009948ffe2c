# Lit configuration of the standalone dialect's own tests. Run with
#   lit.py -D edge_opt=/prefix/bin/edge-opt -D plugin=/build/libstandalone.so \
#          -D filecheck=/usr/lib/llvm-19/bin/FileCheck [-D exec_root=DIR] \
#          [-D edge_explore=/prefix/bin/edge-explore] \
#          docs/examples/standalone-dialect/test
# (edge-explore defaults to the one next to edge-opt.)
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
edge_explore = params.get("edge_explore", os.path.join(
    os.path.dirname(edge_opt), "edge-explore") if os.path.dirname(edge_opt)
    else "edge-explore")
# %opt: edge-opt with the dialect and its passes loaded.
config.substitutions.append(
    ("%opt", "%s --load-dialect-plugin=%s --load-pass-plugin=%s"
     % (edge_opt, plugin, plugin)))
# %explore: edge-explore with the same plugins.
config.substitutions.append(
    ("%explore", "%s --load-dialect-plugin=%s --load-pass-plugin=%s"
     % (edge_explore, plugin, plugin)))
config.substitutions.append(("FileCheck", filecheck))

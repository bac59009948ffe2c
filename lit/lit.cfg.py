# lit configuration for edge-opt: RUN lines use edge-opt, FileCheck, not,
# and (for the interoperability tests) mlir-opt from mlir-19-tools.
import os
import lit.formats
import lit.util

config.name = "edge-opt"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(os.path.dirname(config.eo_bin_dir), "lit")

path = os.pathsep.join([config.eo_bin_dir, config.llvm_tools_dir,
                        config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

if config.shared_dir and os.path.exists(
        os.path.join(config.shared_dir, "tools", "gen_mlir.py")):
    config.available_features.add("shared-tools")
config.substitutions.append(("%shared", config.shared_dir))
config.substitutions.append(("%python", config.python))
# edge-opt loads its code generator on demand, except in sanitized builds
# (which link it in; see tools/CMakeLists.txt).
if config.eo_sanitize.upper() not in ("ON", "1", "TRUE", "YES"):
    config.available_features.add("codegen-plugin")
# The standalone dialect example, built in tree as a plugin.
config.substitutions.append((
    "%standalone_plugin",
    os.path.join(os.path.dirname(config.eo_bin_dir), "lib", "libstandalone.so")))
config.substitutions.append(("%gen_mlir",
                             config.python + " " +
                             os.path.join(config.shared_dir, "tools", "gen_mlir.py")))
if config.mlir_opt and os.path.exists(config.mlir_opt):
    config.available_features.add("mlir-opt")
    config.substitutions.append(("%mlir_opt", config.mlir_opt))
# Graphviz renders --view-op-graph output where it is installed.
if lit.util.which("dot", config.environment["PATH"]):
    config.available_features.add("dot")
# ptxas (CUDA toolkit) assembles the PTX of --emit=ptx where installed:
# on PATH, else under $CUDA_HOME or /usr/local/cuda.
_ptxas = lit.util.which("ptxas", config.environment["PATH"])
for _cuda in (os.environ.get("CUDA_HOME"), "/usr/local/cuda"):
    if not _ptxas and _cuda and os.path.exists(os.path.join(_cuda, "bin",
                                                            "ptxas")):
        _ptxas = os.path.join(_cuda, "bin", "ptxas")
if _ptxas:
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", _ptxas))
else:
    lit_config.note("ptxas not found: the tests that assemble PTX are "
                    "skipped (install the CUDA toolkit to run them)")

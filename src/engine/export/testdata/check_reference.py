"""Checks an exported script against the reference Keras program, with numpy alone:
the same layers (class, order, every argument the program gives), the same preprocessing,
optimizer, loss, metrics, fit hyper-parameters, validation split and seed.
Prints one line per finding and exits 1 on any difference.

    python3 check_reference.py EXPORTED_SCRIPT REFERENCE_PROGRAM
"""
import ast
import importlib.util
import math
import sys

import numpy as np

# Keras 3's documented defaults of keras.optimizers.Adam, what optimizer="adam" means.
ADAM_DEFAULTS = {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}
# The first positional argument of each layer class the reference program uses.
POSITIONAL = {"Conv2D": ["filters"], "Dense": ["units"]}

script_path, reference_path = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("exported", script_path)
script = importlib.util.module_from_spec(spec)
spec.loader.exec_module(script)
with open(reference_path) as f:
    reference = ast.parse(f.read())
with open(script_path) as f:
    exported = ast.parse(f.read())

problems = []
checked = []


def same(what, ours, theirs):
    norm = lambda v: list(norm(x) for x in v) if isinstance(v, (list, tuple)) else v
    if norm(ours) != norm(theirs):
        problems.append(f"{what}: script has {ours!r}, reference program has {theirs!r}")
    else:
        checked.append(what)


def call_name(node):
    parts = []
    f = node.func
    while isinstance(f, ast.Attribute):
        parts.append(f.attr)
        f = f.value
    if isinstance(f, ast.Name):
        parts.append(f.id)
    return ".".join(reversed(parts))


calls = [n for n in ast.walk(reference) if isinstance(n, ast.Call)]


def the_call(name):
    found = [c for c in calls if call_name(c) == name]
    if len(found) != 1:
        raise SystemExit(f"reference program: expected one call of {name}, found {len(found)}")
    return found[0]


def kwargs(call):
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords}


# Seed
same("seed", script.SEED, ast.literal_eval(the_call("keras.utils.set_random_seed").args[0]))

# Preprocessing: x.reshape(-1, *shape).astype("float32") / 255
reshape = [c for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == "reshape" and "x_train" in ast.unparse(c)][0]
same("preprocessing.reshape", script.PREPROCESSING.get("reshape"), [ast.literal_eval(a) for a in reshape.args[1:]])
astype = [c for c in calls if isinstance(c.func, ast.Attribute) and c.func.attr == "astype" and "x_train" in ast.unparse(c)][0]
same("preprocessing.dtype", script.PREPROCESSING.get("dtype"), ast.literal_eval(astype.args[0]))
division = [n for n in ast.walk(reference) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) and "x_train" in ast.unparse(n)][0]
divisor = ast.literal_eval(division.right)
if abs(script.PREPROCESSING.get("scale", 1) - 1 / divisor) > 1e-15:
    problems.append(f"preprocessing.scale: script has {script.PREPROCESSING.get('scale')}, reference divides by {divisor}")
else:
    checked.append("preprocessing.scale")

# Layers
sequential = the_call("keras.Sequential")
layers = sequential.args[0].elts
config = script.MODEL_CONFIG["config"]
same("model class", script.MODEL_CONFIG["class_name"], "Sequential")
same("model name", config["name"], kwargs(sequential).get("name"))
ours = config["layers"]
same("layer count", len(ours), len(layers))
for i, (layer, call) in enumerate(zip(ours, layers)):
    name = call_name(call)
    if name == "keras.Input":
        same(f"layer {i} class", layer["class_name"], "InputLayer")
        same(f"layer {i} batch_shape", layer["config"]["batch_shape"], [None] + list(kwargs(call)["shape"]))
        continue
    cls = name.split(".")[-1]
    same(f"layer {i} class", layer["class_name"], cls)
    given = dict(zip(POSITIONAL.get(cls, []), (ast.literal_eval(a) for a in call.args)))
    given.update(kwargs(call))
    for key, value in given.items():
        same(f"layer {i} ({cls}) {key}", layer["config"].get(key), value)

# compile
compile_args = kwargs(the_call("model.compile"))
same("loss", script.LOSS, compile_args["loss"])
same("metrics", script.METRICS, compile_args["metrics"])
optimizer_calls = [c for c in ast.walk(exported) if isinstance(c, ast.Call) and call_name(c).startswith("keras.optimizers.")]
same("optimizer class", [call_name(c) for c in optimizer_calls], ["keras.optimizers.Adam"] if compile_args["optimizer"] == "adam" else None)
same("optimizer arguments", kwargs(optimizer_calls[0]), ADAM_DEFAULTS)
compile_config = script.MODEL_CONFIG["compile_config"]["optimizer"]["config"]
same("optimizer arguments = embedded compile_config", kwargs(optimizer_calls[0]),
     {k: v for k, v in compile_config.items() if k != "name"})

# fit
fit = kwargs(the_call("model.fit"))
for key, constant in [("batch_size", "BATCH_SIZE"), ("epochs", "EPOCHS"), ("validation_split", "VALIDATION_SPLIT"),
                      ("shuffle", "SHUFFLE"), ("verbose", "VERBOSE")]:
    same(f"fit {key}", getattr(script, constant), fit[key])

# The split: Keras takes the LAST fraction, before shuffling: split_at = floor(n * (1 - fraction)).
for n in (60000, 1001, 7):
    x = np.arange(n)
    (train_x, _), validation = script.split_validation(x, x, script.VALIDATION_SPLIT)
    at = int(math.floor(n * (1.0 - fit["validation_split"])))
    same(f"validation split of {n} samples", [train_x.tolist(), validation[0].tolist()], [list(range(at)), list(range(at, n))])

for p in problems:
    print(p)
print(f"{len(checked)} checks passed, {len(problems)} differences")
sys.exit(1 if problems else 0)

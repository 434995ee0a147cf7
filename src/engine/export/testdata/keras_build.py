"""Runs exported training scripts' model and data functions in a real Keras 3 (the Keras kit) and
prints, as JSON, what each builds: for every {"script", "root", "data"} in the list file,

  model:      build_model(keras, root): parameter count, each layer's class, output shape and
              parameter count, the optimizer's class and config, the loss;
  callbacks:  whether the arguments the script passes to each keras.callbacks class it names bind
              to that class's signature in this Keras;
  data:       (when "data" is true) shape, dtype and SHA-256 of every array prepare_data() returns.

    ../shared/keras3/python keras_build.py list.json
"""
import hashlib
import importlib.util
import inspect
import json
import re
import sys

import keras


def describe(array):
    return {"shape": list(array.shape), "dtype": str(array.dtype),
            "sha256": hashlib.sha256(array.astype(array.dtype.newbyteorder("<")).tobytes()).hexdigest()}


def callback_arguments(text):
    """{class: [keyword names]} for every keras.callbacks.X(...) call in the script's text."""
    calls = {}
    for match in re.finditer(r"keras\.callbacks\.(\w+)\(([^()]*)\)", text):
        names = re.findall(r"(\w+)=", match.group(2))
        positional = [a for a in match.group(2).split(",") if a.strip() and "=" not in a]
        calls.setdefault(match.group(1), []).append({"keywords": names, "positional": len(positional)})
    return calls


def check_callbacks(text):
    out = {}
    for name, calls in callback_arguments(text).items():
        cls = getattr(keras.callbacks, name, None)
        if cls is None:
            out[name] = "missing from keras.callbacks"
            continue
        signature = inspect.signature(cls.__init__)
        try:
            for call in calls:
                signature.bind(None, *range(call["positional"]), **{k: None for k in call["keywords"]})
            out[name] = "ok"
        except TypeError as e:
            out[name] = f"arguments do not bind: {e}"
    return out


def run(case):
    spec = importlib.util.spec_from_file_location("exported", case["script"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.build_model(keras, case["root"])
    optimizer = model.optimizer
    result = {
        "params": int(model.count_params()),
        "layers": [[layer.__class__.__name__, [d for d in layer.output.shape], int(layer.count_params())] for layer in model.layers],
        "optimizer": {"class": optimizer.__class__.__name__,
                      "learning_rate": float(keras.ops.convert_to_numpy(optimizer.learning_rate))},
        "loss": model.loss if isinstance(model.loss, str) else str(model.loss),
    }
    with open(case["script"], encoding="utf-8") as f:
        result["callbacks"] = check_callbacks(f.read())
    if case.get("data"):
        data = module.prepare_data(case["root"], None)
        result["data"] = {part: None if arrays is None else {"x": describe(arrays[0]), "y": describe(arrays[1])}
                          for part, arrays in data.items()}
    return result


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    print(json.dumps([run(c) for c in cases]))


if __name__ == "__main__":
    main()

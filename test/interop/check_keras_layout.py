#!/usr/bin/env python3
"""Independent check of a Keras file we wrote, with h5py only (no Keras, no TensorFlow).

Walks the file the way Keras's own loaders do and compares every weight with a dump made
by the writer's caller:

  .h5     root attributes -> model_config -> model_weights.layer_names -> each layer's
          weight_names -> datasets (legacy loader order), optimizer_weights.weight_names.
  .keras  zip members -> metadata.json / config.json (Keras 3 dialect) -> model.weights.h5
          layers/<snake_case class + counter>/vars/<i> (cell/vars for recurrent layers),
          optimizer/vars/<i>.

Usage: check_keras_layout.py FILE EXPECTED.json
EXPECTED: {"layers": {"<layer name>": [{"shape": [...], "b64": "<float32 LE bytes>"}]},
           "optimizer": [{"shape": [...], "dtype": "float32"|"int64", "b64": "..."}] | null,
           "compiled": true|false}
Prints a one-line JSON summary; exits 1 with the reasons on any mismatch.
"""
import base64
import io
import json
import re
import sys
import zipfile

import h5py
import numpy as np

RECURRENT = {"LSTM", "GRU", "SimpleRNN", "RNN", "ConvLSTM2D"}
problems = []


def problem(message):
    problems.append(message)


def decode(value):
    return value.decode("utf8") if isinstance(value, bytes) else str(value)


def string_list(group, name):
    """Keras's load_attributes_from_hdf5_group: plain or chunked name0, name1, ..."""
    if name in group.attrs:
        return [decode(n) for n in group.attrs[name]]
    out, i = [], 0
    while f"{name}{i}" in group.attrs:
        out.extend(decode(n) for n in group.attrs[f"{name}{i}"])
        i += 1
    return out


def expected_array(entry):
    dtype = np.int64 if entry.get("dtype") == "int64" else np.float32
    data = np.frombuffer(base64.b64decode(entry["b64"]), dtype=dtype)
    return data.reshape(entry["shape"])


def compare(where, actual, entry):
    expected = expected_array(entry)
    if tuple(actual.shape) != tuple(expected.shape):
        problem(f"{where}: shape {actual.shape} != expected {expected.shape}")
    elif actual.dtype.kind != expected.dtype.kind:
        problem(f"{where}: dtype {actual.dtype} != expected {expected.dtype}")
    elif not np.array_equal(actual, expected):
        problem(f"{where}: values differ (max abs diff {np.max(np.abs(actual.astype(np.float64) - expected)):.3g})")


def model_layers(config):
    layers = config["config"]["layers"] if isinstance(config["config"], dict) else config["config"]
    if config["class_name"] == "Sequential":
        layers = [l for l in layers if l["class_name"] != "InputLayer"]
    return layers


def layer_name(layer):
    return layer["config"].get("name", layer.get("name"))


def check_h5(path, expected):
    f = h5py.File(path, "r")
    for attr in ("keras_version", "backend", "model_config"):
        if attr not in f.attrs:
            problem(f"root attribute {attr} missing")
    config = json.loads(decode(f.attrs["model_config"]))
    if config["class_name"] not in ("Sequential", "Model", "Functional"):
        problem(f"model_config class_name {config['class_name']}")
    if expected["compiled"]:
        if "training_config" not in f.attrs:
            problem("training_config missing")
        else:
            tc = json.loads(decode(f.attrs["training_config"]))
            if "optimizer_config" not in tc or "loss" not in tc:
                problem("training_config lacks optimizer_config or loss")
    g = f["model_weights"]
    layer_names = string_list(g, "layer_names")
    config_names = [layer_name(l) for l in model_layers(config)]
    if layer_names != config_names:
        problem(f"layer_names {layer_names} != model_config layers {config_names}")
    # Keras pairs layers that have weights with groups that have weight_names, in order.
    with_weights = [n for n in layer_names if len(string_list(g[n], "weight_names")) > 0]
    if with_weights != [n for n in expected["layers"] if expected["layers"][n]]:
        problem(f"layers with weights {with_weights} != expected {list(expected['layers'])}")
    checked = 0
    for name in with_weights:
        names = string_list(g[name], "weight_names")
        values = [np.asarray(g[name][w]) for w in names]
        entries = expected["layers"].get(name, [])
        if len(values) != len(entries):
            problem(f"layer {name}: {len(values)} weights != expected {len(entries)}")
            continue
        for w, v, e in zip(names, values, entries):
            if not w.endswith(":0"):
                problem(f"layer {name}: weight name {w} lacks the ':0' suffix tf.keras writes")
            compare(f"model_weights/{name}/{w}", v, e)
            checked += 1
    opt = 0
    if expected.get("optimizer"):
        if "optimizer_weights" not in f:
            problem("optimizer_weights group missing")
        else:
            og = f["optimizer_weights"]
            names = string_list(og, "weight_names")
            if len(names) != len(expected["optimizer"]):
                problem(f"optimizer_weights: {len(names)} != expected {len(expected['optimizer'])}")
            for w, e in zip(names, expected["optimizer"]):
                compare(f"optimizer_weights/{w}", np.asarray(og[w]), e)
                opt += 1
    return {"format": "h5", "keras_version": decode(f.attrs["keras_version"]), "layers": len(layer_names),
            "weights_checked": checked, "optimizer_checked": opt}


def snake_case(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("([a-z])([A-Z])", r"\1_\2", name)
    return name.lower()


def numbered(group):
    return [group[k] for k in sorted(group.keys(), key=int)]


def check_keras(path, expected):
    zf = zipfile.ZipFile(path)
    members = {i.filename: i for i in zf.infolist()}
    for m in ("metadata.json", "config.json", "model.weights.h5"):
        if m not in members:
            problem(f"member {m} missing")
        elif members[m].compress_type != zipfile.ZIP_STORED:
            problem(f"member {m} is compressed; Keras stores members uncompressed")
    metadata = json.loads(zf.read("metadata.json"))
    if not str(metadata.get("keras_version", "")).startswith("3."):
        problem(f"metadata keras_version {metadata.get('keras_version')}")
    config = json.loads(zf.read("config.json"))
    for key in ("module", "class_name", "config", "registered_name"):
        if key not in config:
            problem(f"config.json lacks {key}")
    if expected["compiled"] and "compile_config" not in config:
        problem("config.json lacks compile_config")
    for layer in config["config"]["layers"]:
        for key in ("module", "class_name", "config", "registered_name"):
            if key not in layer:
                problem(f"layer {layer_name(layer)} lacks {key}")
        if layer["class_name"] == "InputLayer" and "batch_shape" not in layer["config"]:
            problem("InputLayer lacks batch_shape")
        dtype = layer["config"].get("dtype")
        if layer["class_name"] != "InputLayer" and not (isinstance(dtype, dict) and dtype.get("class_name") == "DTypePolicy"):
            problem(f"layer {layer_name(layer)} dtype is not a DTypePolicy: {dtype}")
    f = h5py.File(io.BytesIO(zf.read("model.weights.h5")), "r")
    used, checked = {}, 0
    for layer in model_layers(config):
        base = snake_case(layer["class_name"])
        generic = base if base not in used else f"{base}_{used[base] + 1}"
        used[base] = used.get(base, -1) + 1
        path_ = f"layers/{generic}"
        if path_ not in f:
            problem(f"{path_} missing for layer {layer_name(layer)}")
            continue
        vars_group = f[f"{path_}/cell/vars"] if layer["class_name"] in RECURRENT else f[f"{path_}/vars"]
        values = [np.asarray(d) for d in numbered(vars_group)]
        entries = expected["layers"].get(layer_name(layer), [])
        if len(values) != len(entries):
            problem(f"{path_}: {len(values)} variables != expected {len(entries)}")
            continue
        for i, (v, e) in enumerate(zip(values, entries)):
            compare(f"{path_}/vars/{i}", v, e)
            checked += 1
    opt = 0
    if expected.get("optimizer"):
        if "optimizer/vars" not in f:
            problem("optimizer/vars missing")
        else:
            values = [np.asarray(d) for d in numbered(f["optimizer/vars"])]
            if len(values) != len(expected["optimizer"]):
                problem(f"optimizer/vars: {len(values)} != expected {len(expected['optimizer'])}")
            for i, (v, e) in enumerate(zip(values, expected["optimizer"])):
                compare(f"optimizer/vars/{i}", v, e)
                opt += 1
    return {"format": "keras", "keras_version": metadata.get("keras_version"), "layers": len(used),
            "weights_checked": checked, "optimizer_checked": opt}


def main():
    path, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path))
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == b"\x89HDF\r\n\x1a\n":
        summary = check_h5(path, expected)
    elif head[:2] == b"PK":
        summary = check_keras(path, expected)
    else:
        print(json.dumps({"error": "neither HDF5 nor zip"}))
        return 1
    summary["problems"] = problems
    print(json.dumps(summary))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""NumPy re-implementations of the Keras layers TensorFlow.js lacks, from Keras's documented
formulas (independent of our TypeScript). Reads a JSON list of cases
{name, layer: {class_name, config}, weights: [{shape, data}], inputs: [{shape, data}], call: {...}}
and prints, per case, the flattened float64 output.

Usage: new-layers-reference.py CASES.json
       new-layers-reference.py --from-file MODEL.h5|MODEL.keras INPUTS.json
"""
import json
import sys

import numpy as np


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def causal(tq, tv):
    return np.tril(np.ones((tq, tv), bool))


def attention(c, w, xs, call):
    q, v = xs[0], xs[1]
    k = xs[2] if len(xs) > 2 else v
    it = iter(w)
    scale = next(it) if c.get("use_scale") else None
    if c.get("score_mode", "dot") == "dot":
        s = q @ np.swapaxes(k, -1, -2)
        if scale is not None:
            s = s * scale
    else:
        cw = next(it)
        t = q[..., :, None, :] + k[..., None, :, :]
        s = cw * np.tanh((scale * t) if scale is not None else t).sum(-1)
    if call.get("use_causal_mask") or c.get("causal"):  # causal: tf.keras <= 2.9's constructor form
        s = np.where(causal(s.shape[-2], s.shape[-1]), s, s - 1e9)
    return softmax(s) @ v


def additive_attention(c, w, xs, call):
    q, v = xs[0], xs[1]
    k = xs[2] if len(xs) > 2 else v
    t = np.tanh(q[..., :, None, :] + k[..., None, :, :])
    if c.get("use_scale", True):
        t = w[0] * t
    s = t.sum(-1)
    if call.get("use_causal_mask"):
        s = np.where(causal(s.shape[-2], s.shape[-1]), s, s - 1e9)
    return softmax(s) @ v


def multi_head_attention(c, w, xs, call):
    q, v = xs[0], xs[1]
    k = xs[2] if len(xs) > 2 else v
    use_bias = c.get("use_bias", True)
    it = iter(w)

    def proj():
        kernel = next(it)
        bias = next(it) if use_bias else 0
        return kernel, bias

    (qk, qb), (kk, kb), (vk, vb), (ok, ob) = proj(), proj(), proj(), proj()
    # EinsumDense "abc,cde->abde": (B, T, dim) x (dim, heads, size).
    Q = np.einsum("abc,cde->abde", q, qk) + qb
    K = np.einsum("abc,cde->abde", k, kk) + kb
    V = np.einsum("abc,cde->abde", v, vk) + vb
    Q = Q / np.sqrt(float(c["key_dim"]))
    scores = np.einsum("aecd,abcd->acbe", K, Q)  # (B, heads, Tq, Tv)
    if call.get("use_causal_mask"):
        scores = np.where(causal(scores.shape[-2], scores.shape[-1]), scores, scores - 1e9)
    ctx = np.einsum("acbe,aecd->abcd", softmax(scores), V)  # (B, Tq, heads, value_dim)
    return np.einsum("abcd,cde->abe", ctx, ok) + ob


def group_normalization(c, w, xs, call):
    x = xs[0]
    axis = c.get("axis", -1) % x.ndim
    groups = c.get("groups", 32)
    eps = c.get("epsilon", 1e-3)
    it = iter(w)
    gamma = next(it) if c.get("scale", True) else None
    beta = next(it) if c.get("center", True) else None
    moved = np.moveaxis(x, axis, -1)
    g = moved.reshape(moved.shape[:-1] + (groups, moved.shape[-1] // groups))
    axes = tuple(range(1, g.ndim - 2)) + (g.ndim - 1,)
    mean = g.mean(axis=axes, keepdims=True)
    var = g.var(axis=axes, keepdims=True)
    y = ((g - mean) / np.sqrt(var + eps)).reshape(moved.shape)
    if gamma is not None:
        y = y * gamma
    if beta is not None:
        y = y + beta
    return np.moveaxis(y, -1, axis)


def unit_normalization(c, w, xs, call):
    x = xs[0]
    axis = c.get("axis", -1)
    axis = tuple(axis) if isinstance(axis, list) else axis
    return x / np.sqrt(np.maximum((x * x).sum(axis=axis, keepdims=True), 1e-12))


def normalization(c, w, xs, call):
    x = xs[0]
    axis = c.get("axis", -1)
    keep = [] if axis is None else [a % x.ndim for a in (axis if isinstance(axis, list) else [axis])]
    shape = [x.shape[d] if d in keep else 1 for d in range(x.ndim)]
    if c.get("mean") is not None:
        mean = np.broadcast_to(np.asarray(c["mean"], np.float64), [x.shape[d] for d in keep]).reshape(shape)
        var = np.broadcast_to(np.asarray(c["variance"], np.float64), [x.shape[d] for d in keep]).reshape(shape)
    else:
        mean, var = w[0].reshape(shape), w[1].reshape(shape)
    std = np.maximum(np.sqrt(var), 1e-7)
    return mean + x * std if c.get("invert") else (x - mean) / std


def discretization(c, w, xs, call):
    x = xs[0]
    bins = np.asarray(c["bin_boundaries"], np.float64)
    idx = np.digitize(x, bins)
    depth = len(bins) + 1
    mode = c.get("output_mode", "int")
    if mode == "int":
        return idx
    if mode == "one_hot":
        if idx.ndim > 1 and idx.shape[-1] == 1:
            idx = idx[..., 0]
        return np.eye(depth)[idx]
    onehot = np.eye(depth)[idx]
    return onehot.max(axis=1) if mode == "multi_hot" else onehot.sum(axis=1)


def lstm(c, w, x):
    k, rk, b = w
    u = rk.shape[0]
    h = np.zeros((x.shape[0], u))
    cell = np.zeros((x.shape[0], u))
    steps = range(x.shape[1] - 1, -1, -1) if c.get("go_backwards") else range(x.shape[1])
    seq = []
    for t in steps:
        z = x[:, t] @ k + h @ rk + b
        i, f, g, o = sigmoid(z[:, :u]), sigmoid(z[:, u:2 * u]), np.tanh(z[:, 2 * u:3 * u]), sigmoid(z[:, 3 * u:])
        cell = f * cell + i * g
        h = o * np.tanh(cell)
        seq.append(h)
    return np.stack(seq, 1) if c.get("return_sequences") else h


def gru(c, w, x):
    k, rk, b = w
    u = rk.shape[0]
    h = np.zeros((x.shape[0], u))
    steps = range(x.shape[1] - 1, -1, -1) if c.get("go_backwards") else range(x.shape[1])
    seq = []
    for t in steps:
        mx = x[:, t] @ k + b[0]
        mi = h @ rk + b[1]
        z = sigmoid(mx[:, :u] + mi[:, :u])
        r = sigmoid(mx[:, u:2 * u] + mi[:, u:2 * u])
        h = z * h + (1 - z) * np.tanh(mx[:, 2 * u:] + r * mi[:, 2 * u:])
        seq.append(h)
    return np.stack(seq, 1) if c.get("return_sequences") else h


RNN = {"LSTM": (lstm, 3), "GRU": (gru, 3)}


def bidirectional(c, w, xs, call):
    x = xs[0]
    fwd, bwd = c["layer"], c["backward_layer"]
    f_fn, n = RNN[fwd["class_name"]]
    b_fn, _ = RNN[bwd["class_name"]]
    y = f_fn(fwd["config"], w[:n], x)
    y_rev = b_fn(bwd["config"], w[n:], x)
    if fwd["config"].get("return_sequences"):
        y_rev = y_rev[:, ::-1]
    mode = c.get("merge_mode", "concat")
    if mode == "concat":
        return np.concatenate([y, y_rev], -1)
    if mode == "sum":
        return y + y_rev
    if mode == "ave":
        return (y + y_rev) / 2
    return y * y_rev


LAYERS = {
    "Attention": attention,
    "AdditiveAttention": additive_attention,
    "MultiHeadAttention": multi_head_attention,
    "GroupNormalization": group_normalization,
    "UnitNormalization": unit_normalization,
    "Normalization": normalization,
    "Discretization": discretization,
    "Bidirectional": bidirectional,
}


def array(a):
    return np.asarray(a["data"], np.float64).reshape(a["shape"])


def h5_strings(group, name):
    out = [n.decode("utf8") if isinstance(n, bytes) else str(n) for n in group.attrs.get(name, [])]
    i = 0
    while f"{name}{i}" in group.attrs:
        out.extend(n.decode("utf8") if isinstance(n, bytes) else str(n) for n in group.attrs[f"{name}{i}"])
        i += 1
    return out


def snake_case(name):
    import re
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("([a-z])([A-Z])", r"\1_\2", name)
    return name.lower()


KERAS3_SUBLAYERS = {"MultiHeadAttention": ["query_dense", "key_dense", "value_dense", "output_dense"]}
RECURRENT = {"LSTM", "GRU", "SimpleRNN"}


def keras3_vars(f, path, layer):
    """The layer's variables where Keras 3's saving_lib puts them, in the layer's weight order."""
    def numbered(where):
        return [np.asarray(f[where][k]) for k in sorted(f[where].keys(), key=int)] if where in f else []
    cls = layer["class_name"]
    if cls in KERAS3_SUBLAYERS:
        return [v for sub in KERAS3_SUBLAYERS[cls] for v in numbered(f"{path}/{sub}/vars")]
    if cls == "Bidirectional":
        return (keras3_vars(f, f"{path}/forward_layer", layer["config"]["layer"]) +
                keras3_vars(f, f"{path}/backward_layer", layer["config"]["backward_layer"]))
    if cls in RECURRENT:
        return numbered(f"{path}/cell/vars")
    return numbered(f"{path}/vars")


def from_file(model_file, inputs_file):
    """What Keras would compute from a file we wrote: the file's one non-input layer, its config and
    weights read the way Keras's loaders read them, run through the NumPy formulas above."""
    import h5py
    import io
    import zipfile
    inputs = [array(a) for a in json.load(open(inputs_file))]
    if model_file.endswith(".keras"):
        zf = zipfile.ZipFile(model_file)
        config = json.loads(zf.read("config.json"))
        layers = [l for l in config["config"]["layers"] if l["class_name"] != "InputLayer"]
        assert len(layers) == 1, layers
        layer = layers[0]
        f = h5py.File(io.BytesIO(zf.read("model.weights.h5")), "r")
        weights = keras3_vars(f, f"layers/{snake_case(layer['class_name'])}", layer)
        node = layer["inbound_nodes"][0]
        if layer["class_name"] == "MultiHeadAttention":
            # Keras 3 calls mha(query, value[, key]) with separate arguments and builds it from named shapes.
            assert len(node["args"]) == len(inputs) and all(a["class_name"] == "__keras_tensor__" for a in node["args"]), node
            assert sorted(layer["build_config"]["shapes_dict"]) == sorted(["query_shape", "value_shape", "key_shape"][:len(inputs)]), layer["build_config"]
        elif len(inputs) > 1:
            assert len(node["args"]) == 1 and len(node["args"][0]) == len(inputs), node  # one list argument
        call = node.get("kwargs", {})
    else:
        f = h5py.File(model_file, "r")
        config = json.loads(f.attrs["model_config"])
        layers = [l for l in config["config"]["layers"] if l["class_name"] != "InputLayer"]
        assert len(layers) == 1, layers
        layer = layers[0]
        g = f["model_weights"][layer["config"]["name"]]
        names = h5_strings(g, "weight_names")
        assert all(n.endswith(":0") and n.startswith(layer["config"]["name"] + "/") for n in names), names
        weights = [np.asarray(g[n]) for n in names]
        node = layer["inbound_nodes"][0]
        if layer["class_name"] == "MultiHeadAttention":
            # tf.keras 2 records mha(query, value, key) as one link with value/key as keyword links.
            assert len(node) == 1 and all(k in node[0][3] for k in ["value", "key"][:len(inputs) - 1]), node
        else:
            assert len(node) == len(inputs), node
        call = node[0][3]
        names_only = [n.split("/")[-1] for n in names]
        json.dump(names_only, sys.stderr)
    call = {k: v for k, v in call.items() if not isinstance(v, (list, dict))}
    y = LAYERS[layer["class_name"]](layer["config"], weights, inputs, call)
    print(json.dumps(np.asarray(y, np.float64).ravel().tolist()))


def main():
    if sys.argv[1] == "--from-file":
        from_file(sys.argv[2], sys.argv[3])
        return
    cases = json.load(open(sys.argv[1]))
    out = {}
    for case in cases:
        layer = case["layer"]
        weights = [array(a) for a in case["weights"]]
        inputs = [array(a) for a in case["inputs"]]
        y = LAYERS[layer["class_name"]](layer["config"], weights, inputs, case.get("call", {}))
        out[case["name"]] = np.asarray(y, np.float64).ravel().tolist()
    print(json.dumps(out))


if __name__ == "__main__":
    main()

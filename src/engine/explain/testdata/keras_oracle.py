"""Keras's own numbers for the explanation tests (run with the Keras 3 kit's Python).

  keras_oracle.py MODEL.keras INPUTS.npz OUT.npz JOBS.json

INPUTS.npz holds input_0, input_1, ... (a batch of one sample). JOBS is a list of:
  {"job": "activations"}: every layer's output (keras.Model(inputs, [layer.output ...])), keyed by
      the layer's name, without the batch axis.
  {"job": "gradcam", "layer": L, "class": K}: Grad-CAM of a model ending in L -> Flatten ->
      Dense(relu) -> Dense(softmax), in float64 with NumPy from Keras's activation of L and the two
      Dense layers' weights; key gradcam_K.
  {"job": "differences", "class": K, "step": H, "positions": [...]}: central finite differences
      (score(x + H e_p) - score(x - H e_p)) / 2H of the class score before the softmax at each
      flat position p, in float64 with NumPy from the weights of a Sequential model of valid
      stride-1 Conv2D, Flatten and Dense layers; key differences_K.
"""
import json
import sys

import numpy as np
import keras


def class_scores(model, x):
    """The model's outputs before the final softmax, in float64."""
    for layer in model.layers:
        kind = type(layer).__name__
        if kind == "Conv2D":
            kernel, bias = (w.astype(np.float64) for w in layer.get_weights())
            kh, kw = kernel.shape[:2]
            windows = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(1, 2))  # n, h', w', c, kh, kw
            x = np.tensordot(windows, kernel.transpose(2, 0, 1, 3), axes=([3, 4, 5], [0, 1, 2])) + bias
        elif kind == "Flatten":
            x = x.reshape(len(x), -1)
            continue
        elif kind == "Dense":
            kernel, bias = (w.astype(np.float64) for w in layer.get_weights())
            x = x @ kernel + bias
        else:
            raise SystemExit(f"differences: layer {kind} is not computed here")
        activation = layer.get_config()["activation"]
        if activation == "relu":
            x = np.maximum(x, 0)
        elif activation not in ("linear", "softmax"):
            raise SystemExit(f"differences: activation {activation} is not computed here")
    return x


def gradcam(model, feed, layer_name, class_index):
    layer = model.get_layer(layer_name)
    activation = np.asarray(keras.Model(model.inputs, layer.output).predict(feed, verbose=0))[0].astype(np.float64)
    after = model.layers[model.layers.index(layer) + 1:]
    assert [type(l).__name__ for l in after] == ["Flatten", "Dense", "Dense"], [type(l).__name__ for l in after]
    w1, b1 = (w.astype(np.float64) for w in after[1].get_weights())
    w2, _ = (w.astype(np.float64) for w in after[2].get_weights())
    hidden = activation.reshape(-1) @ w1 + b1
    # d score / d activation, score = relu(a W1 + b1) . W2[:, k] + b2[k] (before the softmax)
    gradient = (w1 @ (w2[:, class_index] * (hidden > 0))).reshape(activation.shape)
    weights = gradient.mean(axis=(0, 1))
    return np.maximum((activation * weights).sum(axis=-1), 0)


def main():
    model_file, inputs_file, out_file, jobs_file = sys.argv[1:5]
    model = keras.saving.load_model(model_file, compile=False)
    stored = np.load(inputs_file)
    xs = [stored[f"input_{i}"] for i in range(len(model.inputs))]
    feed = xs if len(xs) > 1 else xs[0]
    results = {}
    for job in json.load(open(jobs_file)):
        if job["job"] == "activations":
            layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
            outputs = keras.Model(model.inputs, [layer.output for layer in layers]).predict(feed, verbose=0)
            results.update({layer.name: np.asarray(o)[0] for layer, o in zip(layers, outputs)})
        elif job["job"] == "gradcam":
            results[f"gradcam_{job['class']}"] = gradcam(model, feed, job["layer"], job["class"])
        elif job["job"] == "differences":
            positions, step = job["positions"], job["step"]
            points = np.repeat(xs[0][:1].astype(np.float64), 2 * len(positions), axis=0)
            flat = points.reshape(len(points), -1)
            for k, p in enumerate(positions):
                flat[2 * k, p] += step
                flat[2 * k + 1, p] -= step
            scores = class_scores(model, points)[:, job["class"]]
            results[f"differences_{job['class']}"] = (scores[0::2] - scores[1::2]) / (2 * step)
    np.savez(out_file, **{k: np.asarray(v, dtype=np.float32) for k, v in results.items()})


main()

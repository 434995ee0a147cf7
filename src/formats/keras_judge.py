"""Keras 3 as the judge of the files our writers produce.

Usage: python keras_judge.py cases.json   (with a real Keras 3 importable: ../shared/keras3/python)

cases.json is a list of {"file": model file, "inputs": [.npy per model input], "expected": .npy
of our predictions}. For each case, in this one process: keras.saving.load_model(file,
compile=False), then model.predict on the inputs, compared with the expected array. Prints one
JSON list, a result per case in order:
  {"file", "status": "loaded", "max_abs_error", "max_abs_keras", "keras_shape", "expected_shape"}
  {"file", "status": "refused", "error": "<ExceptionClass>: <message>"}   (load or predict raised)
Judging (tolerances, which cases must load) is the caller's.
"""
import json
import sys
import warnings

import numpy as np


def judge(case):
    import keras

    result = {"file": case["file"]}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model = keras.saving.load_model(case["file"], compile=False)
            xs = [np.load(p) for p in case["inputs"]]
            y = model.predict(xs[0] if len(xs) == 1 else xs, verbose=0)
        if isinstance(y, (list, tuple)):
            y = y[0]
        y = np.asarray(y, dtype=np.float64)
        expected = np.load(case["expected"]).astype(np.float64)
        result.update(status="loaded", keras_shape=list(y.shape), expected_shape=list(expected.shape),
                      warnings=[str(w.message)[:300] for w in caught])
        if y.shape != expected.shape:
            result["max_abs_error"] = None
        else:
            result["max_abs_error"] = float(np.max(np.abs(y - expected))) if y.size else 0.0
        result["max_abs_keras"] = float(np.max(np.abs(y))) if y.size else 0.0
        if not np.all(np.isfinite(y)):
            result["max_abs_error"] = None
    except Exception as e:  # Keras's refusal is the finding: report it, never stop the batch
        result.update(status="refused", error=f"{type(e).__name__}: {e}"[:600])
    return result


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    print(json.dumps([judge(c) for c in cases]))


if __name__ == "__main__":
    main()

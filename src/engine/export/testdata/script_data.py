"""Imports an exported training script with numpy alone (Keras must not be needed) and prints
the shape, dtype and SHA-256 of every array its prepare_data() returns, as JSON.

    python3 script_data.py SCRIPT ROOT [MNIST_NPZ]
"""
import builtins
import hashlib
import importlib.util
import json
import sys

real_import = builtins.__import__


def no_keras(name, *args, **kwargs):
    if name.split(".")[0] in ("keras", "tensorflow", "jax", "torch"):
        raise ImportError(f"the data functions imported {name}")
    return real_import(name, *args, **kwargs)


def describe(array):
    return {"shape": list(array.shape), "dtype": str(array.dtype),
            "sha256": hashlib.sha256(array.astype(array.dtype.newbyteorder("<")).tobytes()).hexdigest()}


builtins.__import__ = no_keras
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
data = module.prepare_data(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
print(json.dumps({part: None if arrays is None else {"x": describe(arrays[0]), "y": describe(arrays[1])}
                  for part, arrays in data.items()}))

#!/usr/bin/env python3
"""mnist-cnn: a Keras 3 training script, exported by Keras Workbench from examples/mnist-cnn.train.json.

The same model (the Keras config Keras Workbench writes into a .keras file for this spec),
data, preprocessing, compile and fit settings as the spec. Paths resolve against the current
directory (run it from the workspace folder, as the spec) or --root.

    python3 mnist-cnn.train.py [--mnist-npz mnist.npz] [--epochs N]

Writes:
    models/mnist-cnn.keras  the trained model (model.save) at the end
    models/mnist-cnn.history.json  loss and metrics per epoch, rewritten every epoch
    models/mnist-cnn.logs/  TensorBoard logs (keras.callbacks.TensorBoard; needs TensorFlow installed,
        else the script says so and trains without them)
    models/mnist-cnn.checkpoints/  one .keras checkpoint per epoch (ModelCheckpoint)
    models/mnist-cnn.backup/  BackupAndRestore state: after a preemption, run the same
        command again and training resumes after the last finished epoch
Open models/mnist-cnn.keras in VS Code (Keras: Load Model): the inspector's Training tab shows the
curves of the history file beside it.

Validation: the LAST 20% of the training samples, taken before shuffling (Keras's
validation_split rule, and Keras Workbench's).
Seed: the spec's seed, but Keras draws initial weights and shuffling orders with its own random
generators, so the numbers differ from a Keras Workbench run of the same spec.
"""
import argparse
import csv
import gzip
import json
import math
import os
import re
import sys

import numpy as np

# Settings from the spec.
SPEC_FILE = "examples/mnist-cnn.train.json"
NAME = "mnist-cnn"
DATA = {"dataset": "mnist"}
PREPROCESSING = {"reshape": [28, 28, 1], "dtype": "float32", "scale": 0.00392156862745098}
BATCH_SIZE = 150
EPOCHS = 25
VALIDATION_SPLIT = 0.2
SHUFFLE = True
SEED = 1337
VERBOSE = 1
LOSS = "sparse_categorical_crossentropy"
METRICS = ["accuracy"]
SAVE_PATH = "models/mnist-cnn.keras"
OVERWRITE = True
HISTORY_PATH = "models/mnist-cnn.history.json"
LOGS_DIR = "models/mnist-cnn.logs"
CHECKPOINT_PATH = "models/mnist-cnn.checkpoints/epoch-{epoch:03d}.keras"
BACKUP_DIR = "models/mnist-cnn.backup"
DISTRIBUTED = False

# The config.json Keras Workbench's .keras writer produces for this spec, unchanged.
MODEL_CONFIG = json.loads(r'''
{
  "module": "keras",
  "class_name": "Sequential",
  "config": {
    "name": "mnist_cnn",
    "trainable": true,
    "dtype": {
      "module": "keras",
      "class_name": "DTypePolicy",
      "config": {
        "name": "float32"
      },
      "registered_name": null
    },
    "layers": [
      {
        "module": "keras.layers",
        "class_name": "InputLayer",
        "config": {
          "batch_shape": [
            null,
            28,
            28,
            1
          ],
          "dtype": "float32",
          "sparse": false,
          "name": "input_layer"
        },
        "registered_name": null
      },
      {
        "module": "keras.layers",
        "class_name": "Conv2D",
        "config": {
          "filters": 32,
          "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "VarianceScaling",
            "config": {
              "scale": 1,
              "mode": "fan_avg",
              "distribution": "uniform",
              "seed": 1337000
            },
            "registered_name": null
          },
          "kernel_regularizer": null,
          "kernel_constraint": null,
          "kernel_size": [
            3,
            3
          ],
          "strides": [
            1,
            1
          ],
          "padding": "valid",
          "data_format": "channels_last",
          "dilation_rate": [
            1,
            1
          ],
          "activation": "relu",
          "use_bias": true,
          "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": null
          },
          "bias_regularizer": null,
          "activity_regularizer": null,
          "bias_constraint": null,
          "name": "conv2d",
          "trainable": true,
          "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {
              "name": "float32"
            },
            "registered_name": null
          }
        },
        "registered_name": null,
        "build_config": {
          "input_shape": [
            null,
            28,
            28,
            1
          ]
        }
      },
      {
        "module": "keras.layers",
        "class_name": "Conv2D",
        "config": {
          "filters": 64,
          "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "VarianceScaling",
            "config": {
              "scale": 1,
              "mode": "fan_avg",
              "distribution": "uniform",
              "seed": 1337010
            },
            "registered_name": null
          },
          "kernel_regularizer": null,
          "kernel_constraint": null,
          "kernel_size": [
            3,
            3
          ],
          "strides": [
            1,
            1
          ],
          "padding": "valid",
          "data_format": "channels_last",
          "dilation_rate": [
            1,
            1
          ],
          "activation": "relu",
          "use_bias": true,
          "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": null
          },
          "bias_regularizer": null,
          "activity_regularizer": null,
          "bias_constraint": null,
          "name": "conv2d_1",
          "trainable": true,
          "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {
              "name": "float32"
            },
            "registered_name": null
          }
        },
        "registered_name": null,
        "build_config": {
          "input_shape": [
            null,
            26,
            26,
            32
          ]
        }
      },
      {
        "module": "keras.layers",
        "class_name": "Conv2D",
        "config": {
          "filters": 128,
          "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "VarianceScaling",
            "config": {
              "scale": 1,
              "mode": "fan_avg",
              "distribution": "uniform",
              "seed": 1337020
            },
            "registered_name": null
          },
          "kernel_regularizer": null,
          "kernel_constraint": null,
          "kernel_size": [
            3,
            3
          ],
          "strides": [
            1,
            1
          ],
          "padding": "valid",
          "data_format": "channels_last",
          "dilation_rate": [
            1,
            1
          ],
          "activation": "relu",
          "use_bias": true,
          "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": null
          },
          "bias_regularizer": null,
          "activity_regularizer": null,
          "bias_constraint": null,
          "name": "conv2d_2",
          "trainable": true,
          "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {
              "name": "float32"
            },
            "registered_name": null
          }
        },
        "registered_name": null,
        "build_config": {
          "input_shape": [
            null,
            24,
            24,
            64
          ]
        }
      },
      {
        "module": "keras.layers",
        "class_name": "Flatten",
        "config": {
          "name": "flatten",
          "trainable": true,
          "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {
              "name": "float32"
            },
            "registered_name": null
          }
        },
        "registered_name": null,
        "build_config": {
          "input_shape": [
            null,
            22,
            22,
            128
          ]
        }
      },
      {
        "module": "keras.layers",
        "class_name": "Dense",
        "config": {
          "units": 256,
          "activation": "relu",
          "use_bias": true,
          "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "VarianceScaling",
            "config": {
              "scale": 1,
              "mode": "fan_avg",
              "distribution": "uniform",
              "seed": 1337040
            },
            "registered_name": null
          },
          "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": null
          },
          "kernel_regularizer": null,
          "bias_regularizer": null,
          "activity_regularizer": null,
          "kernel_constraint": null,
          "bias_constraint": null,
          "name": "dense",
          "trainable": true,
          "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {
              "name": "float32"
            },
            "registered_name": null
          }
        },
        "registered_name": null,
        "build_config": {
          "input_shape": [
            null,
            61952
          ]
        }
      },
      {
        "module": "keras.layers",
        "class_name": "Dense",
        "config": {
          "units": 10,
          "activation": "softmax",
          "use_bias": true,
          "kernel_initializer": {
            "module": "keras.initializers",
            "class_name": "VarianceScaling",
            "config": {
              "scale": 1,
              "mode": "fan_avg",
              "distribution": "uniform",
              "seed": 1337050
            },
            "registered_name": null
          },
          "bias_initializer": {
            "module": "keras.initializers",
            "class_name": "Zeros",
            "config": {},
            "registered_name": null
          },
          "kernel_regularizer": null,
          "bias_regularizer": null,
          "activity_regularizer": null,
          "kernel_constraint": null,
          "bias_constraint": null,
          "name": "dense_1",
          "trainable": true,
          "dtype": {
            "module": "keras",
            "class_name": "DTypePolicy",
            "config": {
              "name": "float32"
            },
            "registered_name": null
          }
        },
        "registered_name": null,
        "build_config": {
          "input_shape": [
            null,
            256
          ]
        }
      }
    ]
  },
  "registered_name": null,
  "build_config": {
    "input_shape": [
      null,
      28,
      28,
      1
    ]
  },
  "compile_config": {
    "optimizer": {
      "module": "keras.optimizers",
      "class_name": "Adam",
      "config": {
        "name": "adam",
        "learning_rate": 0.001,
        "beta_1": 0.9,
        "beta_2": 0.999,
        "epsilon": 1e-7,
        "amsgrad": false
      },
      "registered_name": null
    },
    "loss": "sparse_categorical_crossentropy",
    "loss_weights": null,
    "metrics": [
      "accuracy"
    ],
    "weighted_metrics": null,
    "run_eagerly": false,
    "steps_per_execution": 1,
    "jit_compile": false
  }
}
''')

# ---------------------------------------------------------------------------------------------
# Data: numpy only. Keras Workbench's readers and preprocessing, rule for rule.

IDX_TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(path):
    """An IDX file (the format MNIST ships in), gzipped or not."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if len(data) < 4 or data[0] != 0 or data[1] != 0 or data[2] not in IDX_TYPES or data[3] == 0:
        raise ValueError(f"{path}: not an IDX file")
    ndim = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim))
    dtype = np.dtype(IDX_TYPES[data[2]])
    if len(data) != 4 + 4 * ndim + math.prod(shape) * dtype.itemsize:
        raise ValueError(f"{path}: IDX shape {list(shape)} does not match the file size")
    return np.frombuffer(data, dtype=dtype, offset=4 + 4 * ndim).reshape(shape)


def read_array(path):
    return np.load(path, allow_pickle=False) if path.endswith(".npy") else read_idx(path)


def _number(cell):
    """The cell's value, or None where Keras Workbench's CSV reader sees no number."""
    if cell == "" or "_" in cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        return None
    if math.isnan(value) or (math.isinf(value) and cell.lstrip("+-") != "Infinity"):
        return None
    return value


def read_csv(path, label=None):
    """Numeric CSV: a header when the first row is not all numbers; label column by name or index (default last)."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in re.split(r"\r?\n", f.read()) if line.strip()]
    if not lines:
        raise ValueError(f"{path}: the CSV file is empty")
    rows = [[cell.strip() for cell in row] for row in csv.reader(lines, skipinitialspace=True)]
    header = any(_number(cell) is None for cell in rows[0])
    columns = rows[0] if header else [f"column_{i}" for i in range(len(rows[0]))]
    body = rows[1:] if header else rows
    if not body:
        raise ValueError(f"{path}: the CSV file has a header but no data rows")
    values = np.zeros((len(body), len(columns)), dtype=np.float32)
    for r, row in enumerate(body):
        line = r + (2 if header else 1)
        if len(row) != len(columns):
            raise ValueError(f"{path}: line {line} has {len(row)} values, expected {len(columns)}")
        for c, cell in enumerate(row):
            value = _number(cell)
            if value is None:
                raise ValueError(f"{path}: line {line}, column '{columns[c]}': '{cell}' is not a number")
            values[r, c] = value
    n = len(columns)
    index = n - 1 if label is None else (columns.index(label) if isinstance(label, str) and label in columns
                                        else label + n if isinstance(label, int) and label < 0 else label)
    if not isinstance(index, int) or not 0 <= index < n:
        raise ValueError(f"{path}: label column '{label}' not found; columns: {', '.join(columns)}")
    return np.delete(values, index, axis=1), values[:, index]


def load_source(source, which, root):
    """One data source of the spec: an x/y pair of IDX or .npy files, an .npz archive or a CSV table."""
    def at(p):
        return os.path.join(root, p)
    if "csv" in source:
        return read_csv(at(source["csv"]), source.get("label"))
    if "npz" in source:
        with np.load(at(source["npz"]), allow_pickle=False) as archive:
            return archive[source.get("x", f"x_{which}")], archive[source.get("y", f"y_{which}")]
    return read_array(at(source["x"])), read_array(at(source["y"]))


def load_mnist(mnist_npz=None):
    """MNIST from a given mnist.npz (Keras's cached layout), else keras.datasets.mnist (downloads it once)."""
    if mnist_npz:
        with np.load(mnist_npz, allow_pickle=False) as f:
            return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])
    import keras
    return keras.datasets.mnist.load_data()


def load_data(root=".", mnist_npz=None):
    """The spec's raw arrays: ((x_train, y_train), (x_test, y_test) or None)."""
    if "dataset" in DATA:
        return load_mnist(mnist_npz)
    train = load_source(DATA["train"], "train", root)
    test = load_source(DATA["test"], "test", root) if "test" in DATA else None
    return train, test


def preprocess(x, y):
    """reshape, cast, scale: inputs and targets as float32, the scale applied in double precision
    and rounded to float32, as Keras Workbench computes it."""
    x = np.asarray(x).astype(np.float32)
    y = np.asarray(y).astype(np.float32)
    if "reshape" in PREPROCESSING:
        shape = tuple(PREPROCESSING["reshape"])
        if math.prod(x.shape[1:]) != math.prod(shape):
            raise ValueError(f"cannot reshape samples of shape {x.shape[1:]} to {shape}")
        x = x.reshape((x.shape[0],) + shape)
    scale = PREPROCESSING.get("scale")
    if scale is not None and scale != 1:
        x = (x.astype(np.float64) * scale).astype(np.float32)
    return x, y


def split_validation(x, y, fraction):
    """Keras's validation_split: the LAST fraction of the samples, taken before any shuffling."""
    if not fraction:
        return (x, y), None
    at = int(math.floor(len(x) * (1.0 - fraction)))
    if at <= 0 or at >= len(x):
        return (x, y), None
    return (x[:at], y[:at]), (x[at:], y[at:])


def prepare_data(root=".", mnist_npz=None):
    """{"train": (x, y), "validation": (x, y) or None, "test": (x, y) or None}, preprocessed."""
    train, test = load_data(root, mnist_npz)
    (x_train, y_train), validation = split_validation(*preprocess(*train), VALIDATION_SPLIT)
    return {"train": (x_train, y_train), "validation": validation,
            "test": preprocess(*test) if test is not None else None}


def shard_for_process(x, y, global_batch, process_count, process_id):
    """Whole global batches only, and of those this process's contiguous 1/process_count share."""
    usable = len(x) // global_batch * global_batch
    share = usable // process_count
    start = process_id * share
    return x[start:start + share], y[start:start + share], len(x) - usable


# ---------------------------------------------------------------------------------------------
# Keras (imported here, not at the top: the data functions above run with numpy alone)


def build_model(keras, root):
    """The model from MODEL_CONFIG, compiled with the spec's optimizer, loss and metrics
    (root is unused: this model comes from its config, not from a file)."""
    config = {key: value for key, value in MODEL_CONFIG.items() if key != "compile_config"}
    model = keras.saving.deserialize_keras_object(config)
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False),
        loss=LOSS,
        metrics=METRICS,
    )
    return model


def history_callback(keras, path, resuming):
    """Writes the per-epoch logs in the layout Keras Workbench reads (a JSON list of
    {"epoch": 1, "loss": ..., "val_loss": ...}), rewritten at every epoch end."""

    class HistoryFile(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.records = []
            if resuming and os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    self.records = json.load(f)

        def on_epoch_end(self, epoch, logs=None):
            record = {"epoch": epoch + 1}
            # NaN and infinities are not JSON: written as null (read back as NaN).
            record.update({key: float(value) if math.isfinite(float(value)) else None for key, value in (logs or {}).items()})
            self.records = [r for r in self.records if r["epoch"] < epoch + 1] + [record]
            tmp = f"{path}.tmp"
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(self.records, f, indent=1)
            os.replace(tmp, path)

    return HistoryFile()


def tensorboard_callback(keras, logs_dir):
    """keras.callbacks.TensorBoard logging to logs_dir (Keras Workbench reads it to compare runs),
    or None when TensorFlow, which writes the event files, is not installed."""
    import importlib.util

    if importlib.util.find_spec("tensorflow") is None:
        print(f"TensorBoard logs are not written to {logs_dir}: Keras's TensorBoard callback needs TensorFlow "
              "(pip install tensorflow)", file=sys.stderr)
        return None
    return keras.callbacks.TensorBoard(log_dir=logs_dir)


def last_orbax_step(directory):
    """The latest step (an epoch index) OrbaxCheckpoint saved in directory, or None."""
    if not os.path.isdir(directory):
        return None
    steps = [int(name) for name in os.listdir(directory) if name.isdigit() and os.path.isdir(os.path.join(directory, name))]
    return max(steps) if steps else None


def distribution_setup(keras):
    """Multi-host set-up (when the environment names more than one process) and DataParallel.
    Returns (process_count, process_id, device_count)."""
    env = os.environ
    addresses = env.get("KERAS_DISTRIBUTION_JOB_ADDRESSES") or env.get("JAX_COORDINATOR_ADDRESS")
    count = int(env.get("KERAS_DISTRIBUTION_NUM_PROCESSES") or env.get("JAX_NUM_PROCESSES") or 1)
    process_id = int(env.get("KERAS_DISTRIBUTION_PROCESS_ID") or env.get("JAX_PROCESS_ID") or 0)
    if count > 1:
        keras.distribution.initialize(job_addresses=addresses, num_processes=count, process_id=process_id)
    devices = keras.distribution.list_devices()
    keras.distribution.set_distribution(keras.distribution.DataParallel(devices=devices))
    return count, process_id, len(devices)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="folder the spec's relative paths resolve against (default: current)")
    parser.add_argument("--mnist-npz", help="a local mnist.npz instead of keras.datasets.mnist's download")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="global batch size")
    parser.add_argument("--save", default=SAVE_PATH, help="the .keras file to write at the end")
    args = parser.parse_args(argv)
    at = lambda p: os.path.join(args.root, p)
    save_path = at(args.save)
    stem = save_path[:-len(".keras")] if save_path.endswith(".keras") else save_path
    own = args.save != SAVE_PATH
    history_path = stem + ".history.json" if own else at(HISTORY_PATH)
    logs_dir = stem + ".logs" if own else at(LOGS_DIR)
    if DISTRIBUTED:
        orbax_dir = os.path.abspath(stem + ".orbax" if own else at(ORBAX_DIR))
    else:
        checkpoint_path = stem + ".checkpoints/epoch-{epoch:03d}.keras" if own else at(CHECKPOINT_PATH)
        backup_dir = stem + ".backup" if own else at(BACKUP_DIR)
    if not save_path.endswith(".keras"):
        print(f"{sys.argv[0]}: --save must name a .keras file, got '{args.save}'", file=sys.stderr)
        return 2
    # Every process checks (before any joins the others), so none is left waiting for one that quit.
    resuming = last_orbax_step(orbax_dir) is not None if DISTRIBUTED else os.path.isdir(backup_dir)
    if os.path.exists(save_path) and not OVERWRITE and not resuming:
        print(f"{save_path}: already exists and the spec says overwrite: false; nothing was trained", file=sys.stderr)
        return 1

    import keras

    process_count, process_id, device_count = 1, 0, 1
    if DISTRIBUTED:
        process_count, process_id, device_count = distribution_setup(keras)
        if args.batch_size % device_count:
            print(f"{sys.argv[0]}: batch size {args.batch_size} is not a multiple of the {device_count} devices; "
                  f"pass --batch-size (a different batch size trains differently)", file=sys.stderr)
            return 2
    chief = process_id == 0
    keras.utils.set_random_seed(SEED)

    data = prepare_data(args.root, args.mnist_npz)
    x_train, y_train = data["train"]
    validation, test = data["validation"], data["test"]
    per_process_batch = args.batch_size // process_count
    if DISTRIBUTED:
        x_train, y_train, dropped = shard_for_process(x_train, y_train, args.batch_size, process_count, process_id)
        print(f"Process {process_id}/{process_count}, {device_count} devices: global batch {args.batch_size}, "
              f"{per_process_batch} per process, {args.batch_size // device_count} per device; "
              f"{dropped} training samples beyond whole global batches left out")
        if validation is not None:
            validation = shard_for_process(*validation, args.batch_size, process_count, process_id)[:2]
        if test is not None:
            test = shard_for_process(*test, args.batch_size, process_count, process_id)[:2]

    model = build_model(keras, args.root)
    initial_epoch = 0
    if DISTRIBUTED:
        # Model and optimizer state of every process, saved by all of them together (Keras >= 3.14).
        if resuming:
            model.optimizer.build(model.trainable_variables)
            model.load_weights(orbax_dir)  # the latest step: weights and optimizer state
            initial_epoch = last_orbax_step(orbax_dir) + 1  # steps are epoch indices
            print(f"Resuming after epoch {initial_epoch} from {orbax_dir}")
        callbacks = [keras.callbacks.OrbaxCheckpoint(directory=orbax_dir, save_freq="epoch", max_to_keep=None)]
    else:
        os.makedirs(os.path.dirname(os.path.abspath(checkpoint_path)), exist_ok=True)
        callbacks = [keras.callbacks.BackupAndRestore(backup_dir=backup_dir),
                     keras.callbacks.ModelCheckpoint(checkpoint_path, save_freq="epoch")]
    if chief:
        callbacks.append(history_callback(keras, history_path, resuming))
        tensorboard = tensorboard_callback(keras, logs_dir)
        if tensorboard is not None:
            callbacks.append(tensorboard)
    model.fit(
        x_train, y_train,
        batch_size=per_process_batch,
        epochs=args.epochs,
        initial_epoch=initial_epoch,
        validation_data=validation,
        shuffle=SHUFFLE,
        verbose=VERBOSE if chief else 0,
        callbacks=callbacks,
    )
    if chief:
        model.save(save_path)  # Keras 3's .keras always holds the optimizer state
        print(f"Saved model to {save_path}, history to {history_path}")
    if test is not None:
        results = model.evaluate(*test, batch_size=per_process_batch, verbose=0, return_dict=True)
        if chief:
            print("Test " + " - ".join(f"{name}: {value:.4f}" for name, value in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

/**
 * `export-keras`: a training spec as one self-contained Keras 3 script. The model is the config
 * our `.keras` writer produces for the spec (embedded unchanged); the data loading and
 * preprocessing are numpy-only functions (Keras is imported inside main), so a test can compare
 * their arrays with the engine's; compile and fit take the spec's hyper-parameters, seed and
 * validation split (Keras's last-fraction rule, done explicitly so that it also holds when the
 * data is sharded over processes). `distributed` adds Keras's DataParallel over every device of
 * every host on the JAX backend.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tfl from '@tensorflow/tfjs-layers';
import {buildModel} from '../model/build';
import {compile} from '../training/trainer';
import type {TrainSpec} from '../spec/spec';
import {SpecError} from '../../common/errors';
import {analyzeSpecText, refuseErrors} from '../analysis/spec-analysis';
import {modelArtifacts} from '../../formats';
import {keras3ConfigJson} from '../../formats/keras-zip';
import type {JsonObject} from '../../keras/config';
import {pythonJsonBlock, pythonLiteral} from './python';
import {defaultScriptPath, exportedPaths, scriptTargetProblem} from './paths';

export {defaultScriptPath, exportedPaths, scriptTargetProblem};

export interface ExportOptions {
  /** Spec path as written into the script (relative to the workspace root reads best). */
  specLabel?: string;
  distributed?: boolean;
  /** File name of the script, for its usage line. */
  scriptName?: string;
  /** Root the spec's relative paths resolve against (default: the current directory). */
  workspaceRoot?: string;
}

/** Findings about this machine rather than the spec: the script may run where the data is, and writes its own .keras. */
const LOCAL_FINDINGS = new Set(['missing-file', 'save-target']);

/** What training refuses (shapes, Keras arguments, ...), in its `file:line:col: message` form. */
function refuseSpecErrors(spec: TrainSpec, specFile: string, workspaceRoot?: string): void {
  const text = fs.existsSync(specFile) && fs.statSync(specFile).isFile() ? fs.readFileSync(specFile, 'utf8') : JSON.stringify(spec, null, 1);
  refuseErrors(specFile, text, analyzeSpecText(text, specFile, {workspaceRoot}).diagnostics.filter((d) => !LOCAL_FINDINGS.has(d.code ?? '')));
}

/** The Keras 3 config.json our `.keras` writer produces for the spec's model (compile_config included). */
export async function specKerasConfig(spec: TrainSpec, specFile: string): Promise<JsonObject> {
  if ('from' in spec.model) throw new SpecError(specFile, 'model.from', 'the model is a saved file, not a config');
  const model = compile(await buildModel(spec, specFile), spec);
  try {
    // The topology and the training config, which is what the writer's config.json comes from
    // (not the optimizer's variables: tfjs cannot list Adamax's).
    const artifacts = await modelArtifacts(model, false);
    artifacts.trainingConfig = (model as unknown as {getTrainingConfig(): typeof artifacts.trainingConfig}).getTrainingConfig();
    return (await keras3ConfigJson(specFile, artifacts)).keras3Config;
  } finally {
    model.dispose();
    model.optimizer?.dispose();
  }
}

/**
 * The Keras 3 compile_config of the spec's compile section alone (for specs that continue a saved
 * model): the writer's translation of what the engine compiles, on a one-unit stand-in model.
 */
async function compileConfigOnly(spec: TrainSpec, specFile: string): Promise<JsonObject | undefined> {
  const model = tfl.sequential({layers: [tfl.layers.dense({units: 1, inputShape: [1]})]});
  compile(model, spec);
  try {
    const artifacts = await modelArtifacts(model, false);
    artifacts.trainingConfig = (model as unknown as {getTrainingConfig(): typeof artifacts.trainingConfig}).getTrainingConfig();
    return (await keras3ConfigJson(specFile, artifacts)).compileConfig;
  } finally {
    model.dispose();
    model.optimizer?.dispose();
  }
}

/** model.from as Keras can load it: a .keras or .h5 file (a TensorFlow.js folder must be converted first). */
function kerasLoadablePath(from: string, specFile: string): string {
  if (/\.(keras|h5|hdf5)$/i.test(from)) return from;
  throw new SpecError(specFile, 'model.from', `'${from}' is not a .keras or .h5 file, which is what Keras loads; ` +
    `convert it first (keras-workbench convert ${from} ${from.replace(/[\\/]+$/, '')}.keras) and point model.from at the .keras file`);
}

/** The script's `keras.optimizers.X(...)` call: the compile_config's optimizer, name left to Keras. */
function optimizerCall(compileConfig: JsonObject): string {
  const optimizer = compileConfig.optimizer as JsonObject;
  const config = {...(optimizer.config as JsonObject)};
  delete config.name;
  const args = Object.entries(config).map(([k, v]) => `${k}=${pythonLiteral(v)}`).join(', ');
  return `keras.optimizers.${String(optimizer.class_name)}(${args})`;
}

export async function generateKerasScript(spec: TrainSpec, specFile: string, options: ExportOptions = {}): Promise<string> {
  refuseSpecErrors(spec, specFile, options.workspaceRoot);
  const from = 'from' in spec.model ? kerasLoadablePath(spec.model.from, specFile) : undefined;
  const config = from === undefined ? await specKerasConfig(spec, specFile) : undefined;
  const compileConfig = config ? config.compile_config as JsonObject | undefined : await compileConfigOnly(spec, specFile);
  if (!compileConfig) throw new SpecError(specFile, 'compile', 'the model has no compile configuration to export');
  const distributed = options.distributed ?? false;
  const label = (options.specLabel ?? path.basename(specFile)).split(path.sep).join('/');
  const out = exportedPaths(spec.save.path);
  const fraction = spec.fit.validation_split;
  const percent = `${+(fraction * 100).toFixed(4)}%`;
  const settings = [
    ['SPEC_FILE', label], ['NAME', spec.name], ['DATA', spec.data], ['PREPROCESSING', spec.preprocessing],
    ['BATCH_SIZE', spec.fit.batch_size], ['EPOCHS', spec.fit.epochs], ['VALIDATION_SPLIT', fraction],
    ['SHUFFLE', spec.fit.shuffle], ['SEED', spec.fit.seed], ['VERBOSE', spec.fit.verbose],
    ['LOSS', compileConfig.loss], ['METRICS', compileConfig.metrics ?? []],
    ['SAVE_PATH', out.model], ['OVERWRITE', spec.save.overwrite],
    ['HISTORY_PATH', out.history], ['LOGS_DIR', out.logs],
    ...(distributed ? [['ORBAX_DIR', out.orbax]] as const
      : [['CHECKPOINT_PATH', `${out.checkpoints}/epoch-{epoch:03d}.keras`], ['BACKUP_DIR', out.backup]] as const),
  ] as const;
  const lines = [
    '#!/usr/bin/env python3',
    `"""${spec.name}: a Keras 3 training script, exported by Keras Workbench from ${label}.`,
    '',
    'The same model (the Keras config Keras Workbench writes into a .keras file for this spec),',
    'data, preprocessing, compile and fit settings as the spec. Paths resolve against the current',
    'directory (run it from the workspace folder, as the spec) or --root.',
    '',
    `    python3 ${options.scriptName ?? path.basename(defaultScriptPath(specFile))} [--mnist-npz mnist.npz] [--epochs N]`,
    '',
    'Writes:',
    `    ${out.model}  the trained model (model.save) at the end`,
    `    ${out.history}  loss and metrics per epoch, rewritten every epoch`,
    `    ${out.logs}/  TensorBoard logs (keras.callbacks.TensorBoard; needs TensorFlow installed,`,
    '        else the script says so and trains without them)',
    ...(distributed ? [
      `    ${out.orbax}/  an Orbax checkpoint per epoch (keras.callbacks.OrbaxCheckpoint: model and`,
      '        optimizer state, written by every process together): after a preemption, run the same',
      '        command again and training resumes after the last saved epoch',
    ] : [
      `    ${out.checkpoints}/  one .keras checkpoint per epoch (ModelCheckpoint)`,
      `    ${out.backup}/  BackupAndRestore state: after a preemption, run the same`,
      '        command again and training resumes after the last finished epoch',
    ]),
    `Open ${out.model} in VS Code (Keras: Load Model): the inspector's Training tab shows the`,
    'curves of the history file beside it.',
    '',
    fraction
      ? `Validation: the LAST ${percent} of the training samples, taken before shuffling (Keras's`
      : 'Validation: none (validation_split is 0).',
    ...(fraction ? ['validation_split rule, and Keras Workbench\'s).'] : []),
    'Seed: the spec\'s seed, but Keras draws initial weights and shuffling orders with its own random',
    'generators, so the numbers differ from a Keras Workbench run of the same spec.',
    ...(distributed ? [
      '',
      'Distributed: JAX backend, keras.distribution.DataParallel over every device of every process.',
      'Requires Keras >= 3.14 and orbax-checkpoint (pip install "keras>=3.14" orbax-checkpoint jax):',
      'Keras\'s own checkpointing (ModelCheckpoint, BackupAndRestore) does not support multi-host',
      'training; keras.callbacks.OrbaxCheckpoint does.',
      '  One machine, all its GPUs: run the command above.',
      '  Several hosts: run it on every host (one process per host), with',
      '    KERAS_DISTRIBUTION_JOB_ADDRESSES  "host:port" of process 0, the coordinator (or JAX_COORDINATOR_ADDRESS)',
      '    KERAS_DISTRIBUTION_NUM_PROCESSES  number of processes (or JAX_NUM_PROCESSES)',
      '    KERAS_DISTRIBUTION_PROCESS_ID     this process, 0 .. count - 1 (or JAX_PROCESS_ID)',
      '  Kubeflow Trainer\'s jax-distributed runtime sets the JAX_* variables.',
      'Batch size: BATCH_SIZE is the GLOBAL batch. Each of the P processes feeds BATCH_SIZE / P samples',
      'per step, split evenly over its local devices: every device computes BATCH_SIZE / (number of',
      'devices) samples, so BATCH_SIZE must be a multiple of the device count (--batch-size overrides it).',
      'Each process trains on its own contiguous 1/P of the training and validation samples (shuffled',
      'within it); samples beyond a whole number of global batches are left out so that every process',
      'runs the same steps (the count is printed). Process 0 alone writes the model, checkpoints and',
      'history and TensorBoard logs; every process takes part in each Orbax checkpoint.',
    ] : []),
    '"""',
    'import argparse',
    'import csv',
    'import gzip',
    'import json',
    'import math',
    'import os',
    'import re',
    'import sys',
    '',
    'import numpy as np',
    '',
    ...(distributed ? ['# Keras\'s distribution API runs on JAX; the backend is chosen before keras is imported.', 'os.environ["KERAS_BACKEND"] = "jax"', ''] : []),
    '# Settings from the spec.',
    ...settings.map(([name, value]) => `${name} = ${pythonLiteral(value)}`),
    `DISTRIBUTED = ${pythonLiteral(distributed)}`,
    '',
    ...(config ? [
      '# The config.json Keras Workbench\'s .keras writer produces for this spec, unchanged.',
      `MODEL_CONFIG = json.loads(${pythonJsonBlock(config)})`,
    ] : [
      '# The spec continues training a saved model (model.from).',
      `MODEL_FROM = ${pythonLiteral(from)}`,
    ]),
    ...(spec.model.weights !== undefined ? ['# Weights the spec starts from (model.weights), loaded onto the model (Keras load_weights).', `MODEL_WEIGHTS = ${pythonLiteral(spec.model.weights)}`] : []),
    '',
    PYTHON_DATA,
    '',
    '',
    '# ---------------------------------------------------------------------------------------------',
    '# Keras (imported here, not at the top: the data functions above run with numpy alone)',
    '',
    '',
    'def build_model(keras, root):',
    ...(config ? [
      '    """The model from MODEL_CONFIG, compiled with the spec\'s optimizer, loss and metrics',
      spec.model.weights !== undefined ? '    (root: the folder MODEL_WEIGHTS is relative to)."""' : '    (root is unused: this model comes from its config, not from a file)."""',
      '    config = {key: value for key, value in MODEL_CONFIG.items() if key != "compile_config"}',
      '    model = keras.saving.deserialize_keras_object(config)',
      ...(spec.model.weights !== undefined ? ['    model.load_weights(os.path.join(root, MODEL_WEIGHTS))'] : []),
      '    model.compile(',
    ] : spec.model.weights !== undefined ? [
      '    """The saved model the spec continues, with the weights it starts from (model.weights),',
      '    compiled with the spec\'s settings (the saved optimizer state belongs to other weights)."""',
      '    model = keras.saving.load_model(os.path.join(root, MODEL_FROM), compile=False)',
      '    model.load_weights(os.path.join(root, MODEL_WEIGHTS))',
      '    model.compile(',
    ] : [
      '    """The saved model the spec continues, with its own optimizer state when it was saved',
      '    compiled (as Keras Workbench continues it), else compiled with the spec\'s settings."""',
      '    model = keras.saving.load_model(os.path.join(root, MODEL_FROM))',
      '    if getattr(model, "compiled", False):',
      '        return model',
      '    model.compile(',
    ]),
    `        optimizer=${optimizerCall(compileConfig)},`,
    '        loss=LOSS,',
    '        metrics=METRICS,',
    '    )',
    '    return model',
    '',
    '',
    PYTHON_KERAS,
    '',
    '',
    'if __name__ == "__main__":',
    '    sys.exit(main())',
    '',
  ];
  return lines.join('\n');
}

/** numpy-only data loading and preprocessing, the engine's rules (src/engine/data) in Python. */
const PYTHON_DATA = String.raw`# ---------------------------------------------------------------------------------------------
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
    return x[start:start + share], y[start:start + share], len(x) - usable`;

/** Everything that needs Keras: distribution set-up, callbacks, fit, save. */
const PYTHON_KERAS = String.raw`def history_callback(keras, path, resuming):
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
    return 0`;

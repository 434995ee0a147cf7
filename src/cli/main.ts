/**
 * `keras-workbench`: the engine headless, for terminals, CI and remote machines. The same code
 * the extension's worker runs. The table below is the command line: a command is one entry,
 * its operands and options declared there, its run function in its own file.
 */
import {debugLog, setDebugLog} from '../common/diagnostics';
import {errorLine, oneLine} from '../common/errors';
import {SAVE_FORMATS} from '../formats/table';
import {closest} from '../keras/analysis/did-you-mean';
import {command, commandHelp, parseInvocation, programHelp, UsageError, type CommandTable, type OptionSpec, type OptionTable} from './args';
import {checkCommand} from './check';
import {convert, CONVERT_FORMATS} from './convert';
import {evaluate} from './evaluate';
import {activations, explain} from './explain';
import {runsCompare, runsList, runsRemove, runsShow} from './runs';
import {ATTRIBUTION_METHODS, BASELINES} from '../engine/explain';
import {exportKeras} from './export-keras';
import {predict} from './predict';
import {summary} from './summary';
import {train} from './train';

const BACKEND = {type: 'string', value: 'B', choices: ['auto', 'native', 'wasm', 'cpu'], default: 'auto',
  description: 'The TensorFlow.js backend.'} as const satisfies OptionSpec;
const CUSTOM_OBJECTS = {type: 'string', value: 'FILE',
  description: 'JS module exporting custom layer classes (Keras custom_objects).'} as const satisfies OptionSpec;
const NO_COMPILE = {type: 'boolean', description: 'Load without the training configuration (Keras compile=False).'} as const satisfies OptionSpec;
const DATA = {type: 'string', value: 'D', description: 'The dataset for a model that records none: mnist (built-in), or a '
  + '*.train.json spec whose data and preprocessing sections apply.'} as const satisfies OptionSpec;
const MODEL = {MODEL: 'a saved model: a folder, .h5 or .keras'};

const LOGDIR = {type: 'string', value: 'DIR', description: 'The runs folder (default: runs, in the current directory); '
  + 'TensorBoard reads it (tensorboard --logdir DIR).'} as const satisfies OptionSpec;
const JSON_OUTPUT = {type: 'boolean', description: 'Machine-readable output.'} as const satisfies OptionSpec;

/** How predict, activations and explain take their samples (each may describe `sample` and `input` its own way). */
const SAMPLE_OPTIONS = {
  sample: {type: 'whole', value: 'N', multiple: true, description: 'Test sample N of the model\'s dataset (see --data).'},
  input: {type: 'string', value: 'FILE', multiple: true, description: 'A sample from a file: .npy, .npz (FILE.npz:KEY), .csv, IDX, PNG or '
    + 'JPEG, with the model\'s preprocessing.'},
  key: {type: 'string', value: 'K', description: 'The array of an .npz --input.'},
  scale: {type: 'number', value: 'X', description: 'Multiply inputs by X (e.g. 1/255) instead of the model\'s own scale.'},
  'no-preprocessing': {type: 'boolean', description: 'Use the input values as they are (already preprocessed).'},
  data: DATA,
} as const satisfies OptionTable;

export const COMMANDS: CommandTable = {
  train: command({
    summary: 'Train the model described by a *.train.json spec and save it.',
    operands: {SPEC: 'a *.train.json file'},
    options: {
      epochs: {type: 'whole', value: 'N', description: 'Override fit.epochs.'},
      limit: {type: 'whole', value: 'N', description: 'Train on the first N training samples (and test on the first N test samples).'},
      resume: {type: 'boolean', description: 'Continue from the checkpoint of an interrupted run (optimizer state included).'},
      out: {type: 'string', value: 'PATH', description: 'Override save.path.'},
      overwrite: {type: 'boolean', description: 'Replace an existing model even if the spec says overwrite: false.'},
      threads: {type: 'whole', value: 'N', description: 'Data-parallel training threads (default: every core).'},
      logdir: LOGDIR,
      backend: BACKEND,
      'custom-objects': CUSTOM_OBJECTS,
    },
    run: ({operands: [spec], values}) => train(spec!, values),
  }),
  runs: {
    summary: 'The recorded training runs (and Keras\'s TensorBoard logs beside models): list, show, compare, rm. '
      + 'Open the same runs in TensorBoard: tensorboard --logdir runs.',
    default: 'list',
    subcommands: {
      list: command({
        summary: 'List the runs: id, spec, status, epochs, best validation metric, test accuracy, duration, and the '
          + 'hyperparameters that differ between them (also: keras-workbench runs).',
        options: {logdir: LOGDIR, json: JSON_OUTPUT},
        run: ({values}) => runsList(values),
      }),
      show: command({
        summary: 'One run\'s record and its per-epoch table.',
        operands: {ID: 'a run id'},
        options: {logdir: LOGDIR, json: JSON_OUTPUT},
        run: ({operands: [id], values}) => runsShow(id!, values),
      }),
      compare: command({
        summary: 'Hyperparameters side by side (only those that differ unless --all), the metrics at the best and the last epoch, '
          + 'and a unified diff of the specs.',
        operands: {'ID...': 'two or more run ids'},
        options: {logdir: LOGDIR, json: JSON_OUTPUT, all: {type: 'boolean', description: 'Every hyperparameter, not only those that differ.'}},
        run: ({operands, values}) => runsCompare(operands, values),
      }),
      rm: command({
        summary: 'Remove run records (never models); asks first, or --yes.',
        operands: {'ID...': 'one or more run ids'},
        options: {logdir: LOGDIR, yes: {type: 'boolean', short: 'y', description: 'Remove without asking.'}},
        run: ({operands, values}) => runsRemove(operands, values),
      }),
    },
  },
  check: command({
    summary: 'Check specs without training: shapes, parameters, Keras arguments, data headers, save target. '
      + 'Prints file:line:col: severity: message; exit 1 on errors.',
    operands: {'SPEC...': 'one or more *.train.json files'},
    run: ({operands}) => checkCommand(operands),
  }),
  summary: command({
    summary: 'Print model.summary() of a saved model (folder, .h5 or .keras).',
    operands: MODEL,
    options: {backend: BACKEND, 'custom-objects': CUSTOM_OBJECTS, 'no-compile': NO_COMPILE},
    run: ({operands: [model], values}) => summary(model!, values),
  }),
  predict: command({
    summary: 'Predict test samples of the model\'s dataset, or your own files.',
    operands: MODEL,
    options: {
      ...SAMPLE_OPTIONS,
      sample: {type: 'whole', value: 'N', multiple: true, default: 0, description: 'Index in the test split.'},
      input: {type: 'string', value: 'PATH', multiple: true, description: '.npy, .npz (with --key K or as FILE.npz:K), .csv, IDX (.gz too), '
        + 'PNG or JPEG images, or a folder of them. The model\'s preprocessing applies: reshape, scale, image size and channels.'},
      'top-k': {type: 'whole', value: 'K', min: 1, default: 3, description: 'Classes shown per sample for classifiers.'},
      output: {type: 'string', value: 'FILE', description: 'Also write the predictions: .npy (raw outputs), .csv or .json.'},
      overwrite: {type: 'boolean', description: 'Replace an existing --output file.'},
      backend: BACKEND, 'custom-objects': CUSTOM_OBJECTS, 'no-compile': NO_COMPILE,
    },
    run: ({operands: [model], values, given}) => predict(model!, values, given),
  }),
  evaluate: command({
    summary: 'The model\'s own loss and metrics on its test split (Keras evaluate).',
    operands: MODEL,
    options: {
      limit: {type: 'whole', value: 'N', description: 'Evaluate the first N test samples only.'},
      data: DATA,
      backend: BACKEND, 'custom-objects': CUSTOM_OBJECTS, 'no-compile': NO_COMPILE,
    },
    run: ({operands: [model], values}) => evaluate(model!, values),
  }),
  activations: command({
    summary: 'Every layer\'s output for one sample, from one forward pass, to an .npz (one float32 array per layer, keyed by its name, '
      + 'without the batch axis); prints each layer\'s shape, min, max, mean and share of zeros.',
    operands: MODEL,
    options: {
      ...SAMPLE_OPTIONS,
      layer: {type: 'string', value: 'NAME', multiple: true, description: 'Only this layer (repeatable); nested models\' layers as outer/inner.'},
      output: {type: 'string', value: 'FILE.npz', description: 'Where to write the activations.'},
      overwrite: {type: 'boolean', description: 'Replace an existing --output file.'},
      backend: BACKEND, 'custom-objects': CUSTOM_OBJECTS, 'no-compile': NO_COMPILE,
    },
    run: ({operands: [model], values}) => activations(model!, values),
  }),
  explain: command({
    summary: 'Which parts of the input drove the model\'s score for a class (the value before the output\'s softmax or sigmoid, '
      + 'else the output itself): attributions to .npy (raw float32) or .png (the input with the attribution over it).',
    operands: MODEL,
    options: {
      ...SAMPLE_OPTIONS,
      sample: {type: 'whole', value: 'N', multiple: true, description: 'Test sample N of the model\'s dataset (repeatable).'},
      method: {type: 'string', value: 'M', choices: ATTRIBUTION_METHODS, default: 'saliency', description: 'saliency: the gradient of the class '
        + 'score w.r.t. the input; smoothgrad: saliency averaged over noisy copies; integrated-gradients: gradients along the path from a '
        + 'baseline, with its completeness error; gradcam: the class-weighted map of a spatial layer\'s output.'},
      class: {type: 'whole', value: 'K', description: 'The class (index into the output) to explain (default: the predicted one).'},
      layer: {type: 'string', value: 'NAME', description: 'Grad-CAM\'s layer (default: the last layer with spatial output).'},
      steps: {type: 'whole', value: 'N', min: 1, description: 'Integrated gradients\' steps (default: doubled from 16 until the completeness '
        + 'error is at most 2%).'},
      baseline: {type: 'string', value: 'B', choices: BASELINES, description: 'Integrated gradients\' baseline: zeros (default), mean '
        + '(the dataset\'s mean sample) or blur.'},
      samples: {type: 'whole', value: 'N', min: 1, description: 'SmoothGrad\'s noisy copies (default 25).'},
      noise: {type: 'number', value: 'F', description: 'SmoothGrad\'s noise, a share of the input\'s range (default 0.15).'},
      seed: {type: 'whole', value: 'S', description: 'SmoothGrad\'s noise seed (default 0).'},
      'model-output': {type: 'string', value: 'O', description: 'The output to explain, by name or index (models with several).'},
      'model-input': {type: 'string', value: 'I', description: 'The input to attribute to, by name or index (models with several).'},
      output: {type: 'string', value: 'FILE', description: '.npy: the raw float32 attributions, the input\'s shape without the batch axis '
        + '(Grad-CAM: the layer\'s map (H\', W\'), not normalised; several samples: a leading sample axis); .png: the input with the '
        + 'attribution over it (viridis, with its scale).'},
      overwrite: {type: 'boolean', description: 'Replace an existing --output file.'},
      backend: BACKEND, 'custom-objects': CUSTOM_OBJECTS, 'no-compile': NO_COMPILE,
    },
    run: ({operands: [model], values}) => explain(model!, values),
  }),
  convert: command({
    summary: 'Convert a model between formats, without running it.',
    description: CONVERT_FORMATS,
    operands: {IN: 'the model to read', OUT: 'the file or folder to write'},
    options: {
      format: {type: 'string', value: 'F', choices: SAVE_FORMATS, description: `OUT's format: ${SAVE_FORMATS.join(' | ')} `
        + '(default: from OUT\'s extension; otherwise a folder, tfjs).'},
      weights: {type: 'string', value: 'FILE', description: 'Load FILE\'s weights onto IN\'s topology: IN is a model config JSON (model.to_json(), '
        + 'a .keras file\'s config.json) or any model; FILE is Keras 3 save_weights() output (x.weights.h5, or a sharded x.weights.json '
        + 'with its shards beside it) or a Keras 1/2 weights-only HDF5.'},
      'no-optimizer': {type: 'boolean', description: 'Leave the optimizer state out (Keras include_optimizer=False).'},
      'no-overwrite': {type: 'boolean', description: 'Fail instead of replacing an existing OUT.'},
      overwrite: {type: 'boolean', description: 'Replace an existing OUT (what convert does unless --no-overwrite is given).'},
      'custom-objects': CUSTOM_OBJECTS,
    },
    run: ({operands: [input, output], values}) => convert(input!, output!, values),
  }),
  'export-keras': command({
    summary: 'Write a Keras 3 training script for the spec.',
    description: 'The script is self-contained and equivalent to the spec: the same model config (as our .keras writer '
      + 'produces it), data and preprocessing, compile and fit settings, with BackupAndRestore and a checkpoint per epoch '
      + '(--distributed: OrbaxCheckpoint, Keras >= 3.14 with orbax-checkpoint), TensorBoard logs in <save.path>.logs/, '
      + 'a history file the inspector reads and a final model.save("<save.path>.keras").',
    operands: {SPEC: 'a *.train.json file'},
    options: {
      out: {type: 'string', short: 'o', value: 'FILE', description: 'Script path (default: next to the spec, <name>.train.py).'},
      distributed: {type: 'boolean', description: 'Keras DataParallel over every device on the JAX backend, multi-host set-up '
        + 'from environment variables (documented at the top of the script), multi-host checkpoints and resumption with '
        + 'keras.callbacks.OrbaxCheckpoint.'},
      overwrite: {type: 'boolean', description: 'Replace FILE if it exists.'},
    },
    run: ({operands: [spec], values}) => exportKeras(spec!, values),
  }),
};

const FOOTER = `Relative paths in a spec resolve against the current directory (the workspace root).
The native backend (@tensorflow/tfjs-node) is used when installed; otherwise WebAssembly.`;

export function help(name?: string): string {
  return name === undefined ? programHelp(COMMANDS, FOOTER) : commandHelp(name, COMMANDS[name]!);
}

/** Runs one command line (the arguments after the program's name); returns the exit status. */
export async function main(argv: string[], table: CommandTable = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    (first ? process.stdout : process.stderr).write(`${programHelp(table, FOOTER)}\n`);
    return first ? 0 : 1;
  }
  let name = first;
  let args = rest;
  // Arguments are quoted in these messages: escaped like every other message.
  const fail = (message: string) => {
    process.stderr.write(`keras-workbench${name ? ` ${oneLine(name)}` : ''}: ${oneLine(message)}\n`);
    return 1;
  };
  let entry = Object.hasOwn(table, first) ? table[first] : undefined;
  if (!entry) {
    name = '';
    if (first.startsWith('-')) return fail(`${first}: a command comes first (keras-workbench COMMAND ${first}); keras-workbench --help lists the commands`);
    const near = closest(first, Object.keys(table));
    return fail(`unknown command '${first}'${near ? ` (did you mean ${near}?)` : ''}; keras-workbench --help lists the commands`);
  }
  if ('subcommands' in entry) {
    const group = entry;
    const [sub, ...subArgs] = rest;
    const subs = Object.keys(group.subcommands);
    if (sub === '--help' || sub === '-h') {
      process.stdout.write(`${commandHelp(name, group)}\n`);
      return 0;
    }
    if (group.default && (sub === undefined || sub.startsWith('-'))) {
      name = `${name} ${group.default}`;
      args = rest;
      entry = group.subcommands[group.default]!;
    } else if (sub === undefined || !Object.hasOwn(group.subcommands, sub)) {
      return fail(`${sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`}: ${subs.join(', ')}; keras-workbench ${name} --help shows them`);
    } else {
      name = `${name} ${sub}`;
      args = subArgs;
      entry = group.subcommands[sub]!;
    }
  }
  const cmd = entry;
  let invocation;
  try {
    invocation = parseInvocation(name, cmd, args);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  if (invocation.help) {
    process.stdout.write(`${commandHelp(name, cmd)}\n`);
    return 0;
  }
  if (invocation.verbose || process.env.KERAS_WORKBENCH_DEBUG) setDebugLog((text) => process.stderr.write(`[debug] ${text}\n`));
  try {
    return await cmd.run(invocation);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    return fail(failureLine(e, invocation.operands[0]));
  }
}

/**
 * One line naming the file and the problem: errors that name their file as they are, anything
 * else (a library's TypeError or RangeError) attributed to the command's input; the stack goes
 * to the debug log (--verbose).
 */
export function failureLine(error: unknown, input: string | undefined): string {
  debugLog((error as Error)?.stack ?? String(error));
  return errorLine(error, input);
}

/** The last resort: nothing ends the command line with a stack trace. */
export function installFatalHandlers(): void {
  const fatal = (error: unknown) => {
    process.stderr.write(`keras-workbench: ${failureLine(error, process.argv[3])}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
}

if (require.main === module) {
  installFatalHandlers();
  main(process.argv.slice(2)).then((code) => process.exit(code));
}

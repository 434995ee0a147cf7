/**
 * `keras-workbench`: the engine headless, for terminals, CI and remote machines. The same code
 * the extension's worker runs. The table below is the command line: a command is one entry,
 * its operands and options declared there, its run function in its own file.
 */
import {debugLog, setDebugLog} from '../common/diagnostics';
import {errorLine, oneLine} from '../common/errors';
import {SAVE_FORMATS} from '../formats/table';
import {closest} from '../keras/analysis/did-you-mean';
import {command, commandHelp, parseInvocation, programHelp, UsageError, type CommandTable, type OptionSpec} from './args';
import {checkCommand} from './check';
import {convert, CONVERT_FORMATS} from './convert';
import {evaluate} from './evaluate';
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
      backend: BACKEND,
      'custom-objects': CUSTOM_OBJECTS,
    },
    run: ({operands: [spec], values}) => train(spec!, values),
  }),
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
      sample: {type: 'whole', value: 'N', multiple: true, default: 0, description: 'Index in the test split.'},
      input: {type: 'string', value: 'PATH', multiple: true, description: '.npy, .npz (with --key K or as FILE.npz:K), .csv, IDX (.gz too), '
        + 'PNG or JPEG images, or a folder of them. The model\'s preprocessing applies: reshape, scale, image size and channels.'},
      key: {type: 'string', value: 'K', description: 'The array of an .npz --input to predict.'},
      'top-k': {type: 'whole', value: 'K', min: 1, default: 3, description: 'Classes shown per sample for classifiers.'},
      output: {type: 'string', value: 'FILE', description: 'Also write the predictions: .npy (raw outputs), .csv or .json.'},
      overwrite: {type: 'boolean', description: 'Replace an existing --output file.'},
      scale: {type: 'number', value: 'X', description: 'Multiply inputs by X (e.g. 1/255) instead of the model\'s own scale.'},
      'no-preprocessing': {type: 'boolean', description: 'Use the input values as they are (already preprocessed).'},
      data: DATA,
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
      + 'produces it), data and preprocessing, compile and fit settings, with BackupAndRestore, a checkpoint per epoch, '
      + 'a history file the inspector reads and a final model.save("<save.path>.keras").',
    operands: {SPEC: 'a *.train.json file'},
    options: {
      out: {type: 'string', short: 'o', value: 'FILE', description: 'Script path (default: next to the spec, <name>.train.py).'},
      distributed: {type: 'boolean', description: 'Keras DataParallel over every device on the JAX backend, multi-host set-up '
        + 'from environment variables (documented at the top of the script).'},
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
    if (sub === undefined || !Object.hasOwn(group.subcommands, sub)) {
      return fail(`${sub === undefined ? 'missing subcommand' : `unknown subcommand '${sub}'`}: ${subs.join(', ')}; keras-workbench ${name} --help shows them`);
    }
    name = `${name} ${sub}`;
    args = subArgs;
    entry = group.subcommands[sub]!;
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

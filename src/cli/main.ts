/**
 * `keras-workbench`: the engine headless, for terminals, CI and remote machines. The same code
 * the extension's worker runs.
 */
import * as path from 'path';
import {parseArgs} from 'util';
import * as engine from '../engine';
import {batchLine} from '../engine/training/keras-log';
import type {BackendPreference} from '../engine/backend';
import type {TrainProgress} from '../protocol/messages';
import {convertCommand} from './convert';
import {loadCustomObjectsModule} from '../keras/custom-objects';
import {debugLog, setDebugLog} from '../common/diagnostics';
import {ModelError, errorLine, oneLine} from '../common/errors';
import {exportKerasCommand} from './export-keras';
import {checkCommand} from './check';
import {ModelSession, type FilePrediction} from '../engine/session/session';
import {describeChoice} from '../engine/session/dataset-choice';
import {writePredictions} from '../engine/session/outputs';

const HELP = `Usage: keras-workbench <command> [options]

Commands:
  train SPEC              Train the model described by a *.train.json spec and save it.
      --epochs N            Override fit.epochs.
      --limit N             Train on the first N training samples (and test on the first N test samples).
      --resume              Continue from the checkpoint of an interrupted run (optimizer state included).
      --out PATH            Override save.path.
      --overwrite           Replace an existing model even if the spec says overwrite: false.
      --threads N           Data-parallel training threads (default: every core).
  check SPEC...           Check specs without training: shapes, parameters, Keras arguments, data
                          headers, save target. Prints file:line:col: severity: message; exit 1 on errors.
  summary MODEL           Print model.summary() of a saved model (folder, .h5 or .keras).
  predict MODEL           Predict test samples of the model's dataset, or your own files.
      --sample N            Index in the test split (repeatable; default 0).
      --input PATH          .npy, .npz (with --key K or as FILE.npz:K), .csv, IDX (.gz too),
                            PNG or JPEG images, or a folder of them (repeatable). The model's
                            preprocessing applies: reshape, scale, image size and channels.
      --top-k K             Classes shown per sample for classifiers (default 3).
      --output FILE         Also write the predictions: .npy (raw outputs), .csv or .json.
      --scale X             Multiply inputs by X (e.g. 1/255) instead of the model's own scale.
      --no-preprocessing    Use the input values as they are (already preprocessed).
  evaluate MODEL          The model's own loss and metrics on its test split (Keras evaluate).
      --limit N             Evaluate the first N test samples only.
  predict and evaluate:
      --data D              The dataset for a model that records none: mnist (built-in), or a
                            *.train.json spec whose data and preprocessing sections apply.
  convert IN OUT          Convert a model between formats (see convert --help).
  export-keras SPEC       Write a Keras 3 training script for the spec (see export-keras --help).

Options for every command:
  --backend B             auto (default) | native | wasm | cpu
  --custom-objects FILE   JS module exporting custom layer classes (Keras custom_objects).
  --no-compile            Load without the training configuration (Keras compile=False).
  --verbose               Print library diagnostics and stacks of errors (debug log) on stderr.
  -h, --help              Show this help.

Relative paths in a spec resolve against the current directory (the workspace root).
The native backend (@tensorflow/tfjs-node) is used when installed; otherwise WebAssembly.`;

class UsageError extends Error {}

function int(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} needs a non-negative whole number, got '${value}'`);
  return n;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      epochs: {type: 'string'}, limit: {type: 'string'}, resume: {type: 'boolean'}, out: {type: 'string'},
      overwrite: {type: 'boolean'}, threads: {type: 'string'}, sample: {type: 'string', multiple: true}, backend: {type: 'string'},
      'custom-objects': {type: 'string'}, 'no-compile': {type: 'boolean'}, format: {type: 'string'}, verbose: {type: 'boolean'},
      input: {type: 'string', multiple: true}, key: {type: 'string'}, 'top-k': {type: 'string'}, output: {type: 'string'},
      scale: {type: 'string'}, 'no-preprocessing': {type: 'boolean'}, data: {type: 'string'},
      help: {type: 'boolean', short: 'h'},
    },
  });
}

type Parsed = ReturnType<typeof parse>;

function backendOf(values: Parsed['values']): BackendPreference {
  const b = (values.backend ?? 'auto') as BackendPreference;
  if (!['auto', 'native', 'wasm', 'cpu'].includes(b)) throw new UsageError(`--backend must be auto, native, wasm or cpu, got '${b}'`);
  return b;
}

function needPositional(positionals: string[], index: number, what: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`missing ${what}`);
  return value;
}

async function train({values, positionals}: Parsed): Promise<number> {
  const specFile = needPositional(positionals, 1, 'SPEC (a *.train.json file)');
  const controller = new AbortController();
  const tty = process.stderr.isTTY;
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nStopping after the current batch (Ctrl+C again to quit immediately)...\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let lastLine = '';
  let lastReport = 0;
  const onProgress = (p: TrainProgress) => {
    if (p.kind !== 'batch') return;
    const line = batchLine(p.batch, p.batches, p.elapsedSeconds, p.logs);
    if (tty) {
      process.stderr.write(`\r${line}`);
      lastLine = line;
    } else if (p.batch === p.batches || Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      process.stdout.write(`${line}\n`);
    }
  };
  const onLog = (line: string) => {
    if (tty && lastLine) {
      process.stderr.write(`\r${' '.repeat(lastLine.length)}\r`);
      lastLine = '';
    }
    process.stdout.write(`${line}\n`);
  };
  try {
    const spec = engine.readTrainSpec(specFile);
    const result = await engine.trainFromSpec(spec, specFile, {
      epochs: int(values.epochs, '--epochs'), limit: int(values.limit, '--limit'), resume: values.resume,
      out: values.out, overwrite: values.overwrite, backend: backendOf(values), signal: controller.signal,
      threads: int(values.threads, '--threads'),
      customObjects: values['custom-objects'] ? loadCustomObjectsModule(values['custom-objects']) : undefined,
      onProgress, onLog,
    });
    const samples = result.samplesPerSecond.toFixed(1);
    process.stdout.write(`Wall time: ${result.wallSeconds.toFixed(1)} s - training throughput: ${samples} samples/s\n`);
    return result.cancelled ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function open(values: Parsed['values'], target: string) {
  await engine.initBackend(backendOf(values));
  const opened = await engine.openModel(target, {compile: !values['no-compile'], customObjectsModule: values['custom-objects'],
    workspaceRoots: [process.cwd()]});
  for (const warning of opened.handle.warnings ?? []) process.stderr.write(`Warning: ${warning}\n`);
  return opened;
}

/** A model session, with the dataset of --data when given (a model that records none, or another one). */
async function openSession(values: Parsed['values'], target: string): Promise<ModelSession> {
  const session = new ModelSession(await open(values, target));
  const data = values.data;
  if (data === 'mnist') {
    const {inputShape, outputShape} = session.handle;
    session.useData(describeChoice({kind: 'mnist'}, inputShape, outputShape));
  } else if (data !== undefined) {
    const spec = engine.readTrainSpec(data);
    session.useData({data: spec.data, preprocessing: spec.preprocessing, workspaceRoot: process.cwd()});
  }
  return session;
}

function scaleOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([0-9.eE+-]+)\s*(?:\/\s*([0-9.eE+-]+))?\s*$/.exec(value);
  const n = m ? Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2])) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--scale needs a number or a fraction such as 1/255, got '${value}'`);
  return n;
}

async function summary({values, positionals}: Parsed): Promise<number> {
  const opened = await open(values, needPositional(positionals, 1, 'MODEL'));
  process.stdout.write(`${engine.formatSummary(opened.handle.summary)}\n`);
  return 0;
}

function describeFilePrediction(p: FilePrediction): string {
  if (p.top) return `${p.source}: ${p.top.map((t) => `${t.label} (${t.probability.toFixed(4)})`).join(', ')}`;
  const values = Array.from(p.output.subarray(0, 10), (v) => Number(v.toPrecision(6)));
  return `${p.source}: [${values.join(', ')}${p.output.length > 10 ? `, ... (${p.output.length} values)` : ''}]`;
}

async function predict({values, positionals}: Parsed): Promise<number> {
  if (values.input && values.sample) throw new UsageError('--input and --sample are alternatives: predict your files or test samples, not both');
  const topK = int(values['top-k'], '--top-k') ?? 3;
  if (topK < 1) throw new UsageError('--top-k must be at least 1');
  const scale = scaleOption(values.scale);
  if (values.output && !values.input) throw new UsageError('--output writes the predictions of --input files');
  const session = await openSession(values, needPositional(positionals, 1, 'MODEL'));
  if (values.input) {
    const batch = session.readInputs(values.input, {key: values.key, scale, preprocess: !values['no-preprocessing']});
    if (!session.preprocessing && scale === undefined && !values['no-preprocessing'] && batch.pixels.some(Boolean)) {
      process.stderr.write(`note: ${session.handle.path} records no preprocessing; image pixels go in as 0..255 (Keras models usually expect --scale 1/255)\n`);
    }
    const predictions = await session.predictInputs(batch, topK);
    for (const p of predictions) process.stdout.write(`${describeFilePrediction(p)}\n`);
    if (values.output) {
      writePredictions(values.output, predictions, session.handle.outputShape, {overwrite: values.overwrite, topK});
      process.stdout.write(`Wrote ${predictions.length} predictions to ${path.resolve(values.output)}\n`);
    }
    return 0;
  }
  const indices = (values.sample ?? ['0']).map((s) => int(s, '--sample')!);
  session.requireTestSet();
  const outputs = await session.predictTestSamples(indices);
  const width = outputs.length / indices.length;
  indices.forEach((index, n) => {
    const {predicted, top} = session.interpret(outputs.subarray(n * width, (n + 1) * width), topK);
    const label = session.label(index);
    const shown = predicted ?? `[${Array.from(outputs.subarray(n * width, Math.min((n + 1) * width, n * width + 10)), (v) => Number(v.toPrecision(6))).join(', ')}]`;
    process.stdout.write(`Ground truth: ${label ?? '-'} - Prediction: ${shown}${values['top-k'] && top ? ` (top ${top.map((t) => `${t.label}: ${t.probability.toFixed(4)}`).join(', ')})` : ''}\n`);
  });
  return 0;
}

async function evaluate({values, positionals}: Parsed): Promise<number> {
  const session = await openSession(values, needPositional(positionals, 1, 'MODEL'));
  const {objective, unavailable} = session.objective();
  if (!objective) {
    throw new ModelError(session.handle.path, `the model has no training configuration (loss, metrics)${values['no-compile'] ? ' (loaded with --no-compile)' : ''}; like Keras, evaluate needs a compiled model`);
  }
  for (const m of unavailable) process.stderr.write(`note: metric '${m}' is not computed by this tool and is left out\n`);
  const set = session.requireTestSet();
  const limit = int(values.limit, '--limit');
  const r = await session.evaluate(limit === undefined ? undefined : Math.min(limit, set.count));
  const lines = [`Test loss: ${r.loss!.toFixed(4)}`, ...Object.entries(r.metrics).map(([name, v]) => `Test ${name}: ${v.toFixed(4)}`)];
  process.stdout.write(`${lines.join('\n')} (${r.count} samples)\n`);
  return 0;
}

const COMMANDS: Record<string, (p: Parsed) => Promise<number>> = {train, summary, predict, evaluate};

export async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'check') {
    if (argv.length < 2 || argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write('Usage: keras-workbench check SPEC...\n');
      return argv.length < 2 ? 2 : 0;
    }
    return checkCommand(argv.slice(1));
  }
  if (argv[0] === 'convert') {
    // convert has its own options (--weights, --no-optimizer, ...) and help.
    return convertCommand(argv.slice(1));
  }
  if (argv[0] === 'export-keras') return exportKerasCommand(argv.slice(1));
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (e) {
    process.stderr.write(`keras-workbench: ${errorLine(e)}\n\n${HELP}\n`);
    return 2;
  }
  const command = parsed.positionals[0];
  if (parsed.values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`keras-workbench: unknown command '${oneLine(command)}'\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.values.verbose || process.env.KERAS_WORKBENCH_DEBUG) setDebugLog((text) => process.stderr.write(`[debug] ${text}\n`));
  try {
    return await run(parsed);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`keras-workbench ${command}: ${errorLine(e)}\n`);
      return 2;
    }
    process.stderr.write(`keras-workbench ${command}: ${failureLine(e, parsed.positionals[1])}\n`);
    return 1;
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

/**
 * `keras-workbench`: the engine headless, for terminals, CI and remote machines. The same code
 * the extension's worker runs.
 */
import {parseArgs} from 'util';
import * as engine from '../engine';
import {batchLine} from '../engine/training/keras-log';
import type {BackendPreference} from '../engine/backend';
import type {TrainProgress} from '../protocol/messages';
import {convertCommand} from './convert';
import {loadCustomObjectsModule} from '../formats/custom-objects';
import {debugLog, setDebugLog} from '../formats/diagnostics';
import {firstLine, namesItsFile, readFailure} from '../formats/errors';
import {checkCommand} from './check';

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
  predict MODEL           Predict test samples of the model's dataset.
      --sample N            Index in the test split (repeatable; default 0).
  evaluate MODEL          Test loss and accuracy on the model's test split.
      --limit N             Evaluate the first N test samples only.
  convert IN OUT          Convert a model between formats (see convert --help).

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
  const opened = await engine.openModel(target, {compile: !values['no-compile'], customObjectsModule: values['custom-objects']});
  for (const warning of opened.handle.warnings ?? []) process.stderr.write(`Warning: ${warning}\n`);
  return opened;
}

async function summary({values, positionals}: Parsed): Promise<number> {
  const opened = await open(values, needPositional(positionals, 1, 'MODEL'));
  process.stdout.write(`${engine.formatSummary(opened.handle.summary)}\n`);
  return 0;
}

async function predict({values, positionals}: Parsed): Promise<number> {
  const opened = await open(values, needPositional(positionals, 1, 'MODEL'));
  const indices = (values.sample ?? ['0']).map((s) => int(s, '--sample')!);
  const dataset = engine.datasetFor(opened, 'test');
  if (!dataset.test) throw new Error(`${opened.handle.path}: its dataset has no test split`);
  for (const p of await engine.predictSamples(opened.model, dataset.test, indices)) {
    process.stdout.write(`${engine.describePrediction(p)}\n`);
  }
  return 0;
}

async function evaluate({values, positionals}: Parsed): Promise<number> {
  const opened = await open(values, needPositional(positionals, 1, 'MODEL'));
  const config = opened.model.optimizer ? (opened.handle.trainingConfig as {loss?: string; metrics?: string[]} | undefined) : undefined;
  const loss = (config?.loss as string | undefined)?.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) ?? 'sparse_categorical_crossentropy';
  const objective = engine.lossAndMetrics(loss, ['accuracy']);
  const dataset = engine.datasetFor(opened, 'test');
  if (!dataset.test) throw new Error(`${opened.handle.path}: its dataset has no test split`);
  const count = Math.min(int(values.limit, '--limit') ?? dataset.test.count, dataset.test.count);
  const [testLoss, accuracy] = await engine.evaluateSplit(opened.model, objective, dataset.test, count);
  process.stdout.write(`Test loss: ${testLoss.toFixed(4)}\nTest accuracy: ${accuracy.toFixed(4)} (${count} samples)\n`);
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
  let parsed: Parsed;
  try {
    parsed = parse(argv);
  } catch (e) {
    process.stderr.write(`keras-workbench: ${(e as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const command = parsed.positionals[0];
  if (parsed.values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return command || parsed.values.help ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`keras-workbench: unknown command '${command}'\n\n${HELP}\n`);
    return 2;
  }
  if (parsed.values.verbose || process.env.KERAS_WORKBENCH_DEBUG) setDebugLog((text) => process.stderr.write(`[debug] ${text}\n`));
  try {
    return await run(parsed);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`keras-workbench ${command}: ${e.message}\n`);
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
  if (namesItsFile(error)) return firstLine(error.message);
  const message = (error as Error)?.message ?? String(error);
  // A plain Error is one of our own deliberate messages (they name their file); library errors
  // (TypeError, RangeError, tfjs's ValueError...) are attributed to the input.
  if ((error as Error)?.constructor === Error && /^\S+: /.test(message)) return firstLine(message);
  return input ? readFailure(input, error, 'failed').message : firstLine(message);
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
